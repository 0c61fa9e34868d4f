/**
 * PostgreSQL's migration 013 (src/store/postgres/migrations/013-digests.ts) on a database whose
 * analyses were stored before the digest tables existed: it fills them from the stored analyses
 * with exactly what `analyses.put` writes; and `put` digests an article its read before the
 * write transaction did not see.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostgresAnalyses } from '../../../src/store/postgres/analyses.ts';
import { openPostgresStore } from '../../../src/store/postgres/index.ts';
import type { Scope } from '../../../src/store/postgres/scope.ts';
import { digestsOf, seedArticles, storedAnalysis } from '../contract/fixtures.ts';
import { admin, createTestDatabase, postgresSkip } from '../../helpers/postgres.ts';

test('migration 013 fills the digests of the analyses stored before it, as put writes them', { skip: postgresSkip() }, async () => {
  const database = await createTestDatabase();
  try {
    const store = await openPostgresStore(database.url);
    await store.articles.save(seedArticles);
    await store.analyses.put(seedArticles.map((a) => storedAnalysis(a)));
    const written = await digestsOf(store);
    await store.close();
    assert.ok(written.forms.length === seedArticles.length && written.timeline.length > 10);

    await admin(database.url, (c) => c.query('DROP TABLE analysis_entities; DROP TABLE analysis_times; DELETE FROM schema_migrations WHERE version = 13'));

    const migrated = await openPostgresStore(database.url);
    try {
      assert.deepEqual(await digestsOf(migrated), written);
    } finally {
      await migrated.close();
    }
  } finally {
    await database.drop();
  }
});

test('analyses.put digests an article its read before the transaction missed, inside the write', { skip: postgresSkip() }, async () => {
  const database = await createTestDatabase();
  try {
    const store = await openPostgresStore(database.url);
    try {
      await store.articles.save(seedArticles);
      await store.analyses.put(seedArticles.map((a) => storedAnalysis(a)));
      const written = await digestsOf(store);
      await admin(database.url, (c) => c.query('TRUNCATE analysis_entities, analysis_times; DELETE FROM analyses'));
      // As when another writer commits the articles just after put's read: that read finds none of them.
      await admin(database.url, async (client) => {
        const scope: Scope = {
          rows: async (text, values) => (text.includes('FROM articles') ? [] : (await client.query(text, values as unknown[])).rows),
          write: async (work) => {
            await client.query('BEGIN');
            const result = await work(client);
            await client.query('COMMIT');
            return result;
          },
          vacuum: () => {},
        };
        await new PostgresAnalyses(scope).put(seedArticles.map((a) => storedAnalysis(a)));
      });
      assert.deepEqual(await digestsOf(store), written);
    } finally {
      await store.close();
    }
  } finally {
    await database.drop();
  }
});
