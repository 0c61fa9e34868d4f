/**
 * PostgreSQL's migration 009 (src/store/postgres/migrations/009-compact.ts): analyses stored by the
 * code before it (plain deflated JSON, lemmas spelled out) are rewritten in the current codec
 * format and read back exactly as analysing afresh gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import pg from 'pg';
import { analysePayload } from '../../../src/app/analyse.ts';
import { isCurrentPayload } from '../../../src/store/codec.ts';
import { openPostgresStore } from '../../../src/store/postgres/index.ts';
import { convert } from '../../../src/store/postgres/migrations/009-compact.ts';
import { seedArticles } from '../../search/helpers.ts';
import { createTestDatabase, postgresSkip } from '../../helpers/postgres.ts';
import { legacyPayload } from '../legacy.ts';

test('migration 009 rewrites analyses stored before it, nothing lost', { skip: postgresSkip() }, async () => {
  const db = await createTestDatabase();
  const articles = seedArticles();
  try {
    const store = await openPostgresStore(db.url);
    await store.articles.save(articles);
    await store.close();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      for (const article of articles) {
        await client.query('INSERT INTO analyses (article_id, version, payload) VALUES ($1, 1, $2)',
          [article.id, deflateRawSync(JSON.stringify(legacyPayload(article, analysePayload(article))))]);
      }
      await client.query('BEGIN');
      await convert(client);
      await client.query('COMMIT');
      const { rows } = await client.query<{ payload: Buffer }>('SELECT payload FROM analyses');
      assert.equal(rows.length, articles.length);
      assert.ok(rows.every((r) => isCurrentPayload(r.payload)), 'every payload in the current format');
    } finally {
      await client.end();
    }
    const reopened = await openPostgresStore(db.url);
    try {
      for (const article of articles) {
        assert.deepStrictEqual((await reopened.analyses.get(article.id))?.payload, analysePayload(article), article.origin);
      }
    } finally {
      await reopened.close();
    }
  } finally {
    await db.drop();
  }
});
