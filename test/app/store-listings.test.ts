/**
 * The store-wide listings read from the digests stored beside the analyses (src/app/articles.ts
 * storeEntities, src/app/timeline.ts storeTimeline) equal what a full read of every analysis
 * gives, after ingest, with a revision and a near-duplicate copy, with an outdated analysis, and
 * after `reanalyse`; pages of the timeline are slices of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAnalyses } from '../../src/app/analyses.ts';
import { undatedAnchors } from '../../src/app/anchor.ts';
import { entitiesOf, storeEntities } from '../../src/app/articles.ts';
import { timeLines } from '../../src/app/records.ts';
import { reanalyse } from '../../src/app/reanalyse.ts';
import { storeTimeline } from '../../src/app/timeline.ts';
import { ANALYSIS_VERSION } from '../../src/analysis/version.ts';
import type { Store } from '../../src/store/store.ts';
import { makeArticle, replaceSentence } from '../store/articles.ts';
import { inputOf, seedArticles, storedAnalysis } from '../store/contract/fixtures.ts';
import { withTempStore } from './helpers.ts';

/** Every original's records the way the commands made them before the digests: read every analysis, then sort. */
async function fullRead(store: Store) {
  const articles = (await store.articles.after(0, 1000)).filter((a) => !a.duplicateOf);
  const { entities, fresh } = await entitiesOf(store, articles);
  const { analyses } = await readAnalyses(store, articles, undatedAnchors(store));
  const timeline = analyses.flatMap(timeLines).sort((x, y) => Number(!x.value) - Number(!y.value) || x.value.localeCompare(y.value) ||
    x.article.localeCompare(y.article) || x.start - y.start);
  return { entities, timeline, fresh };
}

async function assertSame(store: Store, when: string): Promise<void> {
  const full = await fullRead(store);
  assert.ok(full.entities.length > 20 && full.timeline.length > 10, `${when}: real listings`);
  const entities = await storeEntities(store);
  assert.deepEqual(entities.entities, full.entities, `${when}: entities`);
  assert.equal(entities.fresh, full.fresh, `${when}: articles analysed afresh`);
  assert.deepEqual((await storeEntities(store, { type: 'PER', limit: 4 })).entities, full.entities.filter((e) => e.type === 'PER').slice(0, 4));
  const timeline = await storeTimeline(store, { offset: 0 });
  assert.deepEqual(timeline.records, full.timeline, `${when}: timeline`);
  assert.equal(timeline.fresh, full.fresh);
  for (let offset = 0; offset < full.timeline.length; offset += 4) {
    assert.deepEqual((await storeTimeline(store, { offset, limit: 4 })).records, full.timeline.slice(offset, offset + 4), `${when}: page at ${offset}`);
  }
}

test('store-wide entities and timeline equal a full read of every analysis, through revisions, copies, outdated analyses and reanalyse', () =>
  withTempStore(async (store) => {
    const copy = makeArticle(replaceSentence(seedArticles[1]!.text, 1, 'Zmieniono jedno zdanie.'), { url: 'https://news.example/copy' });
    await store.articles.save([...seedArticles, copy]);
    const put = async () => {
      const stored = await store.articles.after(0, 1000);
      await store.analyses.put(stored.map((a) => storedAnalysis(a)));
      await store.stories.assign(stored.map(inputOf), { consolidate: true });
      // As the analyse stage would: reanalyse walks only what it has passed.
      await store.cursors.advance('analyse', await store.articles.lastSeq());
    };
    await put();
    assert.ok((await store.articles.after(0, 10)).some((a) => a.duplicateOf), 'a near-duplicate copy, left out of both');
    await assertSame(store, 'after ingest');

    // A correction at the same URL: a new article, its revisionOf the first.
    const first = seedArticles[0]!;
    const corrected = makeArticle(`${first.text} Aktualizacja: w czwartek 14 września 2023 roku rozmowy zakończono.`,
      { url: first.url!, ...(first.published && { published: first.published }) });
    const [saved] = await store.articles.save([corrected]);
    assert.equal(saved?.status === 'stored' && saved.revisionOf, first.id);
    await put();
    await assertSame(store, 'with a revision');

    // An analysis made by another analyser version: read afresh by both.
    await store.analyses.put([storedAnalysis(seedArticles[2]!, ANALYSIS_VERSION - 1)]);
    assert.equal((await fullRead(store)).fresh, 1);
    await assertSame(store, 'with an outdated analysis');
    await reanalyse(store);
    assert.equal((await fullRead(store)).fresh, 0);
    await assertSame(store, 'after reanalyse');
  }));
