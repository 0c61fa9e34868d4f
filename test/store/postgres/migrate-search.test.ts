/**
 * PostgreSQL's search as postings (migration 014, src/store/postgres/search.ts): the same answers
 * as the sentence vectors of 005–012 (test/store/postgres/sentence-search.ts) — hits, order,
 * scores, best sentences, match counts and highlights — for a store migrated from them and for
 * one indexed afresh a document at a time, so that segments are merged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { SearchFilters } from '../../../src/search/types.ts';
import type { SearchStore } from '../../../src/store/store.ts';
import { PostgresArticles } from '../../../src/store/postgres/articles.ts';
import { openPostgresStore } from '../../../src/store/postgres/index.ts';
import { migrate } from '../../../src/store/postgres/migrate.ts';
import { MIGRATIONS } from '../../../src/store/postgres/migrations/index.ts';
import type { Scope } from '../../../src/store/postgres/scope.ts';
import { MERGE_FANIN, mergeAllSegments } from '../../../src/store/postgres/search-postings.ts';
import { makeArticle } from '../articles.ts';
import { documentOf, seedArticles } from '../contract/fixtures.ts';
import { admin, createTestDatabase, postgresSkip, withDatabase } from '../../helpers/postgres.ts';
import { SentenceSearch } from './sentence-search.ts';

const ARTICLES = [
  ...seedArticles,
  makeArticle('Covid-19 wrócił do Władywostoku. Pociąg jechał, a potem pociąg stał na stacji.', { id: 'parts-1', outlet: 'PAP' }),
  // More than the 256 positions a tsvector keeps of one lexeme, in one sentence.
  makeArticle(`${'aaa '.repeat(300)}bbb.`, { id: 'many-1' }),
  makeArticle('Wojewoda spotkał wojewodę. Województwo i wojewódzki urząd, w Rosji i na Ukrainie.', { id: 'prefix-1', language: 'pl' }),
];

const QUERIES = ['Władywostok', 'wladywostok', 'pociąg', '"Korea Północna"', '"Północna Korea"', 'woj*', 'Putin kanibalizm', 'Putin',
  'Kim Rosja', 'w', 'i na', 'rosyj*', '"Kim Dżong*"', 'covid', '"covid 19"', '19', 'aaa', 'aaa bbb', 'zzzyxw', 'kanibalizm zzzyxw'];
const FILTERS: SearchFilters[] = [{ limit: 100 }, { limit: 2, offset: 1 }, { source: 'tvn24' }, { language: 'pl', limit: 3 }];

async function answers(search: SearchStore): Promise<string[]> {
  const all: string[] = [];
  for (const q of QUERIES) for (const f of FILTERS) all.push(`${q} ${JSON.stringify(f)} ${JSON.stringify(await search.search(q, f))}`);
  return all;
}

/** Indexes every article one by one, takes one out and puts it back, as either layout's store would be used. */
async function indexAll(search: SearchStore): Promise<void> {
  for (const article of ARTICLES) assert.equal(await search.index([documentOf(article)]), 1);
  assert.equal(await search.remove(seedArticles[1]!.id), true);
  assert.equal(await search.remove(seedArticles[2]!.id), true);
  assert.equal(await search.index([documentOf(seedArticles[1]!)]), 1);
}

test('postings give the sentence vectors\' answers, migrated by 014 and indexed afresh', { skip: postgresSkip() }, async () => {
  const helper = await createTestDatabase();
  const server = new URL(helper.url);
  const name = `kronika_m014_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(server.toString(), name);
  await admin(withDatabase(server.toString(), 'postgres'), (c) => c.query(`CREATE DATABASE ${name}`));
  try {
    // The schema before 014, written by the code before it; int8 as numbers, as Kronika's pools read them.
    const client = new pg.Client({ connectionString: url, types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig });
    await client.connect();
    let before: string[];
    try {
      await migrate(client, MIGRATIONS.filter((m) => m.version < 14));
      const scope: Scope = { rows: async (text, values) => (await client.query(text, values as unknown[])).rows, write: (work) => work(client), vacuum: () => {} };
      await new PostgresArticles(scope).save(ARTICLES);
      const legacy = new SentenceSearch(scope);
      await indexAll(legacy);
      before = await answers(legacy);
    } finally {
      await client.end();
    }
    assert.ok(before.filter((a) => !a.endsWith(' []')).length > QUERIES.length * 2, 'most queries find something');

    const migrated = await openPostgresStore(url);
    try {
      assert.deepEqual(await answers(migrated.search), before, 'migrated: the same hits, order, scores, sentences and highlights');
      assert.equal(await migrated.search.count(), ARTICLES.length - 1);
      // The removed article's postings were not carried over; it can be indexed again.
      assert.equal(await migrated.search.index([documentOf(seedArticles[2]!)]), 1);
      assert.ok((await migrated.search.search('Putin', { limit: 100 })).some((h) => h.articleId === seedArticles[2]!.id));
    } finally {
      await migrated.close();
    }
    await admin(url, async (c) => {
      const { rows } = await c.query(`SELECT to_regclass('search_sentences') AS t`);
      assert.equal(rows[0].t, null, 'the sentence table is gone');
    });

    const fresh = await openPostgresStore(helper.url);
    try {
      await fresh.articles.save(ARTICLES);
      await indexAll(fresh.search);
      assert.deepEqual(await answers(fresh.search), before, 'indexed afresh: the same answers');
    } finally {
      await fresh.close();
    }
    await admin(helper.url, async (c) => {
      const { rows } = await c.query<{ level: number; n: string }>('SELECT level, COUNT(*) AS n FROM search_segments GROUP BY level ORDER BY level');
      assert.ok(rows.some((r) => r.level > 0), `segments were merged: ${JSON.stringify(rows)}`);
      assert.ok(rows.every((r) => Number(r.n) < MERGE_FANIN), 'no level left full');
      // A bulk load's last step (src/store/postgres/import-sqlite.ts): every segment merged into one.
      await c.query('BEGIN');
      assert.equal(await mergeAllSegments(c), true);
      await c.query('COMMIT');
      assert.equal(await mergeAllSegments(c), false, 'one segment: nothing to merge');
      assert.deepEqual((await c.query('SELECT COUNT(*)::int AS n FROM search_segments')).rows, [{ n: 1 }]);
    });
    const merged = await openPostgresStore(helper.url);
    try {
      assert.deepEqual(await answers(merged.search), before, 'merged into one segment: the same answers');
    } finally {
      await merged.close();
    }
  } finally {
    await admin(withDatabase(server.toString(), 'postgres'), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await helper.drop();
  }
});
