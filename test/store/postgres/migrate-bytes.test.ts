/**
 * PostgreSQL's migration 010 (src/store/postgres/migrations/010-bytes.ts): a store written by the
 * schema before it (article text as plain text, sentence offsets as uint32 pairs) comes through
 * with every article's text and every search answer as before, the text now deflated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import pg from 'pg';
import { bandKeys } from '../../../src/stories/fingerprint.ts';
import { openPostgresStore } from '../../../src/store/postgres/index.ts';
import { migrate } from '../../../src/store/postgres/migrate.ts';
import { MIGRATIONS } from '../../../src/store/postgres/migrations/index.ts';
import { SentenceSearch } from './sentence-search.ts';
import { signatureOf } from '../../../src/store/sqlite/articles.ts';
import { toParams } from '../../../src/store/sqlite/rows.ts';
import { makeArticle } from '../articles.ts';
import { documentOf, seedArticles } from '../contract/fixtures.ts';
import { admin, createTestDatabase, postgresSkip, withDatabase } from '../../helpers/postgres.ts';

const QUERIES = ['Władywostok', 'pociąg', '"Korea Północna"', 'woj*', 'Putin kanibalizm'];

test('migration 010 deflates article text and keeps every search answer, nothing lost', { skip: postgresSkip() }, async () => {
  // A database of its own, migrated only as far as the schema before 010.
  const helper = await createTestDatabase();
  const server = new URL(helper.url);
  const name = `kronika_m010_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(server.toString(), name);
  await admin(withDatabase(server.toString(), 'postgres'), (c) => c.query(`CREATE DATABASE ${name}`));
  const articles = [...seedArticles, makeArticle('Krótki tekst o pociągu do Władywostoku.', { id: 'short-1' })];
  try {
    // int8 as numbers, as Kronika's pools read them (src/store/postgres/connection.ts).
    const client = new pg.Client({ connectionString: url, types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig });
    await client.connect();
    let before: string[];
    try {
      await migrate(client, MIGRATIONS.filter((m) => m.version < 10));
      for (const [i, article] of articles.entries()) {
        // As the code before 010 stored an article: its text as text.
        const row: Record<string, unknown> = { ...toParams(article, signatureOf(article), undefined, undefined), text: article.text, seq: i + 1 };
        const columns = Object.keys(row);
        await client.query(`INSERT INTO articles (${columns.join(', ')}) VALUES (${columns.map((_, j) => `$${j + 1}`).join(', ')})`, columns.map((c) => row[c]));
        await client.query('INSERT INTO article_bands (band_key, article_id) SELECT unnest($1::text[]), $2', [bandKeys(signatureOf(article)), article.id]);
      }
      const search = new SentenceSearch({ rows: async (text, values) => (await client.query(text, values as unknown[])).rows, write: (work) => work(client), vacuum: () => {} });
      assert.equal(await search.index(articles.map(documentOf)), articles.length);
      before = await Promise.all(QUERIES.map(async (q) => JSON.stringify(await search.search(q, { limit: 100 }))));
      assert.ok(before.every((answer) => answer !== '[]'), 'every query finds something');
      // Sentence offsets as the code before 010 stored them: [start, end] uint32 pairs.
      for (const [i, article] of articles.entries()) {
        const pairs = Buffer.alloc(documentOf(article).sentences.length * 8);
        documentOf(article).sentences.forEach((s, j) => {
          pairs.writeUInt32LE(s.start, j * 8);
          pairs.writeUInt32LE(s.end, j * 8 + 4);
        });
        await client.query('UPDATE search_documents SET offsets = $1 WHERE seq = $2', [pairs, i + 1]);
      }
    } finally {
      await client.end();
    }

    const store = await openPostgresStore(url);
    try {
      for (const article of articles) assert.equal((await store.articles.get(article.id))?.text, article.text, article.id);
      const after = await Promise.all(QUERIES.map(async (q) => JSON.stringify(await store.search.search(q, { limit: 100 }))));
      assert.deepEqual(after, before, 'the same hits, sentences, scores and highlights');
      const fresh = makeArticle('Nowy artykuł po migracji, o pociągu.', { id: 'after-1' });
      await store.articles.save([fresh]);
      assert.equal((await store.articles.get(fresh.id))?.text, fresh.text);
    } finally {
      await store.close();
    }
    await admin(url, async (c) => {
      const { rows } = await c.query<{ id: string; text: Buffer }>('SELECT id, text FROM articles WHERE id = ANY($1::text[])', [seedArticles.map((a) => a.id)]);
      assert.equal(rows.length, seedArticles.length);
      let stored = 0;
      for (const row of rows) {
        assert.equal(inflateRawSync(row.text).toString('utf8'), seedArticles.find((a) => a.id === row.id)!.text, 'stored deflated');
        stored += row.text.length;
      }
      const plain = seedArticles.reduce((sum, a) => sum + Buffer.byteLength(a.text), 0);
      assert.ok(stored < plain * 0.7, `deflated ${stored} B of ${plain} B of text`);
    });
  } finally {
    await admin(withDatabase(server.toString(), 'postgres'), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await helper.drop();
  }
});
