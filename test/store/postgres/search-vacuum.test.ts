/**
 * PostgreSQL's search index vacuums its postings table after an indexing write whose merges
 * replaced many block rows (src/store/postgres/search.ts `VACUUM_AFTER_ROWS`), so the next
 * segments reuse their space; smaller merges leave it to autovacuum, and a write inside
 * `store.transaction` cannot vacuum at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SearchDocument } from '../../../src/search/types.ts';
import { openPostgresStore } from '../../../src/store/postgres/index.ts';
import { VACUUM_AFTER_ROWS } from '../../../src/store/postgres/search.ts';
import { MERGE_FANIN } from '../../../src/store/postgres/search-postings.ts';
import { makeArticle } from '../articles.ts';
import { admin, createTestDatabase, postgresSkip } from '../../helpers/postgres.ts';

/** A sentence of `n` words no other document has: each document adds ~n × 12 B of postings, a block row per ~150 words. */
function document(articleId: string, i: number, n: number): SearchDocument {
  const surface = Array.from({ length: n }, (_, k) => `s${i.toString(36)}x${k.toString(36)}`).join(' ');
  return { articleId, sentences: [{ index: 0, start: 0, end: 10, surface, lemmas: '' }] };
}

async function vacuums(url: string): Promise<number> {
  return admin(url, async (c) => Number((await c.query(`SELECT vacuum_count AS n FROM pg_stat_user_tables WHERE relname = 'search_postings'`)).rows[0].n));
}

test('an indexing write whose merges replaced many block rows vacuums search_postings; small merges do not', { skip: postgresSkip() }, async () => {
  const database = await createTestDatabase();
  const store = await openPostgresStore(database.url);
  try {
    const articles = Array.from({ length: 4 * MERGE_FANIN }, (_, i) => makeArticle(`Artykuł numer ${i}.`, { id: `vacuum-${i}` }));
    await store.articles.save(articles);
    // Only the vacuums this test causes are counted (SKIP_LOCKED would skip while autovacuum runs).
    await admin(database.url, (c) => c.query('ALTER TABLE search_postings SET (autovacuum_enabled = false)'));
    // Small documents, one a write: the merge of MERGE_FANIN segments replaces a few rows.
    for (let i = 0; i < MERGE_FANIN; i++) await store.search.index([document(articles[i]!.id, i, 5)]);
    assert.equal(await vacuums(database.url), 0, 'a small merge is left to autovacuum');
    // Large documents: each segment holds well over VACUUM_AFTER_ROWS / MERGE_FANIN block rows.
    const words = Math.ceil((2 * VACUUM_AFTER_ROWS / MERGE_FANIN) * 150);
    for (let i = MERGE_FANIN; i < 2 * MERGE_FANIN - 1; i++) await store.search.index([document(articles[i]!.id, i, words)]);
    // Inside a transaction there is no outside to vacuum from: the merge's rows wait for autovacuum.
    await store.transaction((tx) => tx.search.index([document(articles[2 * MERGE_FANIN - 1]!.id, 2 * MERGE_FANIN - 1, words)]));
    assert.equal(await vacuums(database.url), 0, 'no vacuum from within a transaction');
    for (let i = 2 * MERGE_FANIN; i < 3 * MERGE_FANIN; i++) await store.search.index([document(articles[i]!.id, i, words)]);
    assert.equal(await vacuums(database.url), 1, 'the large merge was vacuumed after');
    assert.equal((await store.search.search('s0x1')).length, 1);
    assert.equal((await store.search.search(`s${(2 * MERGE_FANIN).toString(36)}x${(words - 1).toString(36)}`)).length, 1);
  } finally {
    await store.close();
    await database.drop();
  }
});
