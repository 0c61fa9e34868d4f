/** The stream of stages: each reads what is new after its cursor, writes its results and moves the cursor together. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANALYSIS_VERSION } from '../../src/analysis/version.ts';
import { ingestInputs } from '../../src/app/ingest.ts';
import { runStages, stageLag } from '../../src/app/stages.ts';
import type { StoreConcerns } from '../../src/store/store.ts';
import { SAMPLE_DIR } from '../cli/helpers.ts';
import { seedArticles } from '../search/helpers.ts';
import { withTempStore } from './helpers.ts';

test('an ingest stores, analyses, indexes and clusters; every cursor ends at the last article', () => withTempStore(async (store) => {
  const { result, pipeline } = await ingestInputs(store, [SAMPLE_DIR]);
  assert.equal(result.stored, 5);
  assert.equal(pipeline?.failed, undefined);
  assert.deepEqual(pipeline?.stages.map((s) => [s.stage, s.processed]), [['analyse', 5], ['index', 5], ['cluster', 5], ['alert', 5]]);
  const last = await store.articles.lastSeq();
  assert.deepEqual(await store.cursors.all(), { alert: last, analyse: last, cluster: last, index: last });
  assert.deepEqual(await store.analyses.versions(), { [ANALYSIS_VERSION]: 5 });
  assert.equal(await store.search.count(), 5);
  assert.equal((await store.stories.counts()).events, 1);
  assert.deepEqual(await stageLag(store), { analyse: 0, index: 0, cluster: 0, alert: 0 });

  const again = await runStages(store);
  assert.deepEqual(again.stages.map((s) => s.processed), [0, 0, 0, 0], 'nothing new: no stage reads anything');
}));

test('articles stored without the stages are picked up from the cursors by the next run', () => withTempStore(async (store) => {
  const seeds = seedArticles();
  await store.articles.save(seeds.slice(0, 2));
  await runStages(store);
  await store.articles.save(seeds.slice(2));
  assert.deepEqual(await stageLag(store), { analyse: 3, index: 3, cluster: 3, alert: 3 });
  const run = await runStages(store);
  assert.deepEqual(run.stages.map((s) => s.processed), [3, 3, 3, 3], 'only the new ones');
  assert.equal(run.stories?.added, 3);
  assert.equal((await store.stories.counts()).events, 1, 'the later articles joined the first ones');
}));

test('a failing stage: the articles stay stored, later stages still run, and the next run catches up', () => withTempStore(async (store) => {
  const seeds = seedArticles();
  await store.articles.save(seeds);
  // The stories writer fails once (say, the database stayed busy for too long).
  let failures = 1;
  const originalTransaction = store.transaction.bind(store);
  (store as { transaction: typeof store.transaction }).transaction = (work) => originalTransaction(async (tx: StoreConcerns) => {
    const guarded = { ...tx, stories: { ...tx.stories, assign: async (...args: Parameters<typeof tx.stories.assign>) => {
      if (failures-- > 0) throw new Error('database is locked');
      return tx.stories.assign(...args);
    } } };
    return work(guarded as StoreConcerns);
  });
  const first = await runStages(store);
  assert.deepEqual(first.failed, { stage: 'cluster', error: 'database is locked' });
  assert.equal(await store.articles.count(), seeds.length, 'everything stored');
  assert.equal(await store.cursors.get('index'), await store.articles.lastSeq(), 'the index stage ran');
  assert.equal(await store.cursors.get('alert'), await store.articles.lastSeq(), 'so did alerting');
  assert.equal(await store.cursors.get('cluster'), 0);
  const second = await runStages(store);
  assert.equal(second.failed, undefined);
  assert.equal(second.stories?.added, seeds.length, 'caught up');
}));

test('analyses made by another analyser version: readers analyse afresh and count them; reanalyse stores current ones and re-indexes', () => withTempStore(async (store) => {
  const { outdatedAnalyses, reanalyse } = await import('../../src/app/reanalyse.ts');
  const { readAnalyses } = await import('../../src/app/analyses.ts');
  await ingestInputs(store, [SAMPLE_DIR]);
  const articles = await store.articles.list();
  const stored = await store.analyses.getMany(articles.map((a) => a.id));
  await store.analyses.put([...stored.values()].map((a) => ({ ...a, version: ANALYSIS_VERSION - 1 })));
  assert.equal(await outdatedAnalyses(store), 5);
  const read = await readAnalyses(store, articles);
  assert.equal(read.fresh, 5, 'never mixed in silently: analysed afresh and counted');
  const run = await reanalyse(store);
  assert.deepEqual(run, { reanalysed: 5, reindexed: 5 });
  assert.deepEqual(await store.analyses.versions(), { [ANALYSIS_VERSION]: 5 });
  assert.equal((await readAnalyses(store, articles)).fresh, 0);
  assert.ok((await store.search.search('Władywostok')).length > 0, 'still searchable after re-indexing');
  assert.equal(await store.search.count(), 5);
}));
