/**
 * PostgreSQL's migration 011 (src/store/postgres/migrations/011-packed-bands.ts): a store whose
 * near-duplicate bands are a row per (band, article) comes through with each article's bands as
 * one row of the numbers the code now writes, and a copy saved afterwards is still found as a
 * near-duplicate of the article stored before the migration.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { bandKeys } from '../../../src/stories/fingerprint.ts';
import { bandValues } from '../../../src/store/postgres/articles.ts';
import { openPostgresStore } from '../../../src/store/postgres/index.ts';
import { migrate } from '../../../src/store/postgres/migrate.ts';
import { MIGRATIONS } from '../../../src/store/postgres/migrations/index.ts';
import { signatureOf } from '../../../src/store/sqlite/articles.ts';
import { encodeText, toParams } from '../../../src/store/sqlite/rows.ts';
import { makeArticle } from '../articles.ts';
import { seedArticles } from '../contract/fixtures.ts';
import { admin, createTestDatabase, postgresSkip, withDatabase } from '../../helpers/postgres.ts';

test('bandValues puts the band above the 32-bit hash', () => {
  assert.deepEqual(bandValues(['0:0', '0:1z141z3', '7:a']), [0, 2 ** 32 - 1, 7 * 2 ** 32 + 10]);
});

test('migration 011 packs every article\'s bands into one row; near-duplicates are still found', { skip: postgresSkip() }, async () => {
  const helper = await createTestDatabase();
  const server = new URL(helper.url);
  const name = `kronika_m011_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(server.toString(), name);
  await admin(withDatabase(server.toString(), 'postgres'), (c) => c.query(`CREATE DATABASE ${name}`));
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migrate(client, MIGRATIONS.filter((m) => m.version < 11));
      for (const [i, article] of seedArticles.entries()) {
        const signature = signatureOf(article);
        const row: Record<string, unknown> = { ...toParams(article, signature, undefined, undefined), text: encodeText(article.text), seq: i + 1 };
        const columns = Object.keys(row);
        await client.query(`INSERT INTO articles (${columns.join(', ')}) VALUES (${columns.map((_, j) => `$${j + 1}`).join(', ')})`, columns.map((c) => row[c]));
        // As the code before 011 stored them: a row per band.
        await client.query('INSERT INTO article_bands (band_key, article_id) SELECT unnest($1::text[]), $2', [bandKeys(signature), article.id]);
      }
    } finally {
      await client.end();
    }

    const store = await openPostgresStore(url);
    try {
      const original = seedArticles[0]!;
      const copy = makeArticle(original.text.replace(/\.\s*$/, '. Aktualizacja.'), { id: 'copy-after-011' });
      const [outcome] = await store.articles.save([copy]);
      assert.equal(outcome?.status === 'stored' && outcome.duplicateOf, original.id, 'found through the converted bands');
    } finally {
      await store.close();
    }
    await admin(url, async (c) => {
      const { rows } = await c.query<{ id: string; bands: string[] }>(
        'SELECT a.id, b.bands::text[] AS bands FROM article_bands b JOIN articles a ON a.seq = b.seq ORDER BY a.seq');
      assert.deepEqual(rows.map((r) => r.id), [...seedArticles.map((a) => a.id), 'copy-after-011']);
      for (const row of rows.slice(0, seedArticles.length)) {
        const article = seedArticles.find((a) => a.id === row.id)!;
        assert.deepEqual(row.bands.map(Number), bandValues(bandKeys(signatureOf(article))).sort((x, y) => x - y), row.id);
      }
      const { rows: [old] } = await c.query("SELECT to_regclass('article_band_rows') AS t");
      assert.equal(old.t, null, 'the rows table is gone');
    });
  } finally {
    await admin(withDatabase(server.toString(), 'postgres'), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await helper.drop();
  }
});
