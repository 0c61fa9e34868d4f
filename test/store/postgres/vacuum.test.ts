/**
 * PostgreSQL's store vacuums what its writes leave dead (src/store/postgres/index.ts, scope.ts
 * `vacuum`): search_postings after an indexing write whose merges replaced many block rows
 * (search.ts `VACUUM_AFTER_ROWS`), the story tables after every story write — at once after a
 * write of its own, after the commit inside `store.transaction` — beside the caller, and `close`
 * waits for it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runStages } from '../../../src/app/stages.ts';
import type { SearchDocument } from '../../../src/search/types.ts';
import { openPostgresStore } from '../../../src/store/postgres/index.ts';
import { VACUUM_AFTER_ROWS } from '../../../src/store/postgres/search.ts';
import { MERGE_FANIN } from '../../../src/store/postgres/search-postings.ts';
import { makeArticle } from '../articles.ts';
import { seedArticles } from '../contract/fixtures.ts';
import { admin, createTestDatabase, postgresSkip } from '../../helpers/postgres.ts';

/** A sentence of `n` words no other document has: each document adds ~n × 12 B of postings, a block row per ~150 words. */
function document(articleId: string, i: number, n: number): SearchDocument {
  const surface = Array.from({ length: n }, (_, k) => `s${i.toString(36)}x${k.toString(36)}`).join(' ');
  return { articleId, sentences: [{ index: 0, start: 0, end: 10, surface, lemmas: '' }] };
}

/** Manual VACUUMs of each table so far (autovacuum's are counted apart). */
async function vacuums(url: string, tables: readonly string[]): Promise<Record<string, number>> {
  return admin(url, async (c) => Object.fromEntries((await c.query<{ name: string; n: string }>(
    'SELECT relname AS name, vacuum_count AS n FROM pg_stat_user_tables WHERE relname = ANY($1::text[])', [tables])).rows
    .map((r) => [r.name, Number(r.n)])));
}

test('an indexing write whose merges replaced many block rows vacuums search_postings, inside a transaction after its commit; small merges do not', { skip: postgresSkip() }, async () => {
  const database = await createTestDatabase();
  const count = async () => (await vacuums(database.url, ['search_postings'])).search_postings;
  const articles = Array.from({ length: 4 * MERGE_FANIN }, (_, i) => makeArticle(`Artykuł numer ${i}.`, { id: `vacuum-${i}` }));
  // Large documents: each segment holds well over VACUUM_AFTER_ROWS / MERGE_FANIN block rows.
  const words = Math.ceil((2 * VACUUM_AFTER_ROWS / MERGE_FANIN) * 150);
  let store = await openPostgresStore(database.url);
  try {
    await store.articles.save(articles);
    // Small documents, one a write: the merge of MERGE_FANIN segments replaces a few rows.
    for (let i = 0; i < MERGE_FANIN; i++) await store.search.index([document(articles[i]!.id, i, 5)]);
    await store.close();
    assert.equal(await count(), 0, 'a small merge is left to autovacuum');

    store = await openPostgresStore(database.url);
    for (let i = MERGE_FANIN; i < 2 * MERGE_FANIN; i++) await store.search.index([document(articles[i]!.id, i, words)]);
    await store.close();
    assert.equal(await count(), 1, 'the large merge was vacuumed after its write');

    store = await openPostgresStore(database.url);
    for (let i = 2 * MERGE_FANIN; i < 3 * MERGE_FANIN - 1; i++) await store.search.index([document(articles[i]!.id, i, words)]);
    await store.transaction(async (tx) => {
      await tx.search.index([document(articles[3 * MERGE_FANIN - 1]!.id, 3 * MERGE_FANIN - 1, words)]);
      assert.equal(await count(), 1, 'not while the transaction is open');
    });
    await store.close();
    assert.equal(await count(), 2, 'the merge inside the transaction was vacuumed after the commit');

    store = await openPostgresStore(database.url);
    assert.equal((await store.search.search('s0x1')).length, 1);
    assert.equal((await store.search.search(`s${(3 * MERGE_FANIN - 1).toString(36)}x${(words - 1).toString(36)}`)).length, 1);
  } finally {
    await store.close();
    await database.drop();
  }
});

test('a clustering commit vacuums the story tables it rewrote', { skip: postgresSkip() }, async () => {
  const database = await createTestDatabase();
  const store = await openPostgresStore(database.url);
  try {
    await store.articles.save(seedArticles);
    const report = await runStages(store, { stages: ['analyse', 'cluster'] });
    assert.equal(report.failed, undefined);
    assert.ok((report.stories?.added ?? 0) > 0, 'the articles joined stories');
  } finally {
    await store.close();
  }
  try {
    const counts = await vacuums(database.url, ['stories', 'story_centroids', 'story_terms', 'story_members']);
    for (const table of ['stories', 'story_centroids', 'story_terms', 'story_members']) assert.ok((counts[table] ?? 0) >= 1, `${table} vacuumed`);
  } finally {
    await database.drop();
  }
});
