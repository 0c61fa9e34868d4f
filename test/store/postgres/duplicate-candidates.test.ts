/**
 * The near-duplicate lookup of PostgreSQL's `articles.save` (src/store/postgres/articles.ts
 * `storedCandidates`): a named statement run with its generic plan, set for the lookups alone —
 * the caller's transaction goes on with the session's plan_cache_mode — and still finding the
 * stored copy of an article after many saves have reused the statement on one connection.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { PostgresArticles } from '../../../src/store/postgres/articles.ts';
import type { Scope } from '../../../src/store/postgres/scope.ts';
import { makeArticle } from '../articles.ts';
import { seedArticles } from '../contract/fixtures.ts';
import { createTestDatabase, postgresSkip } from '../../helpers/postgres.ts';

test('saves inside a caller\'s transaction find near-duplicates and leave plan_cache_mode as it was', { skip: postgresSkip() }, async () => {
  const db = await createTestDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    // One connection in one open transaction, as store.transaction gives a concern.
    const scope: Scope = {
      rows: async (text, values) => (await client.query(text, values as unknown[])).rows,
      write: (work) => work(client),
      vacuum: () => {},
    };
    const articles = new PostgresArticles(scope);
    await client.query('BEGIN');
    const mode = async () => (await client.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0]!.plan_cache_mode;
    assert.equal(await mode(), 'auto');
    // One save per article: the statement runs more often than the planner's five custom plans.
    for (const article of seedArticles) await articles.save([article]);
    assert.equal(await mode(), 'auto', 'the generic plan was asked for the lookups only');
    for (const [i, original] of seedArticles.entries()) {
      const copy = makeArticle(original.text.replace(/\.\s*$/, '. Aktualizacja.'), { id: `copy-${i}` });
      const [outcome] = await articles.save([copy]);
      assert.equal(outcome?.status === 'stored' && outcome.duplicateOf, original.id, `copy of ${original.id}`);
    }
    assert.equal(await mode(), 'auto');
    await client.query('COMMIT');
  } finally {
    await client.end();
    await db.drop();
  }
});
