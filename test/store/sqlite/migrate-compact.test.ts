/**
 * Migration 009 on a store laid out as migration 008 left it (analyses as plain deflated JSON, FTS
 * rowids `seq * 65536 + sentence`, offsets as uint32 pairs, story state as JSON text, raw
 * centroids): afterwards every analysis reads back as stored, search answers exactly as an index
 * built fresh, and the story rows the engine reads are the same bytes.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { analysePayload } from '../../../src/app/analyse.ts';
import { runStages } from '../../../src/app/stages.ts';
import { hydrateAnalysis } from '../../../src/analysis/stored.ts';
import { legacyPayload } from '../legacy.ts';
import { searchDocument } from '../../../src/search/terms.ts';
import { bandKeys } from '../../../src/stories/fingerprint.ts';
import { isCurrentPayload } from '../../../src/store/codec.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { migrate } from '../../../src/store/sqlite/migrate.ts';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations/index.ts';
import { toParams } from '../../../src/store/sqlite/rows.ts';
import { encodeOffsets } from '../../../src/store/sqlite/search.ts';
import { signatureOf } from '../../../src/store/sqlite/articles.ts';
import { SqliteStoryBackend } from '../../../src/store/sqlite/story-backend.ts';
import { seedArticles } from '../../search/helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'kronika-009-'));
after(() => rmSync(root, { recursive: true, force: true }));

const QUERIES = ['Putin', 'Kim Rosja', '"Korea Północna"', 'woj*', 'spotkanie Władywostok', 'kosmodrom', 'rakiet*', 'nieistniejące'];
const articles = seedArticles();

/** A file as migrations 1–8 and their era's code wrote it. */
function storeOf008(path: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const db = new Database(path);
  migrate(db, MIGRATIONS.filter((m) => m.version <= 8));
  const insert = db.prepare(`INSERT INTO articles (id, seq, origin, format, url, title, published_value, published_precision,
    language, outlet, outlet_key, author, text, removed, duplicate_of, revision_of, source_id, fingerprint, ingested_at)
    VALUES (@id, @seq, @origin, @format, @url, @title, @published_value, @published_precision, @language, @outlet, @outlet_key,
    @author, @text, @removed, @duplicate_of, @revision_of, @source_id, @fingerprint, @ingested_at)`);
  articles.forEach((article, i) => {
    const seq = i + 1;
    const signature = signatureOf(article);
    insert.run({ ...toParams(article, signature, undefined, undefined), seq });
    for (const key of bandKeys(signature)) db.prepare('INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?, ?)').run(key, article.id);
    const payload = analysePayload(article);
    const legacy = legacyPayload(article, payload);
    assert.ok(legacy.lemmas.flat().some((l) => typeof l === 'string' && l !== payload.lemmas.flat().find((x) => x === l)), 'lemmas spelled out, as then');
    db.prepare('INSERT INTO analyses (article_id, version, payload) VALUES (?, ?, ?)').run(article.id, 1, deflateRawSync(JSON.stringify(legacy)));
    const doc = searchDocument(article.id, hydrateAnalysis(article, payload).sentences);
    db.prepare('INSERT INTO search_documents (seq, offsets) VALUES (?, ?)').run(seq, encodeOffsets(doc));
    doc.sentences.forEach((s, n) => db.prepare('INSERT INTO search_fts (rowid, surface, lemmas) VALUES (?, ?, ?)').run(seq * 65_536 + n, s.surface, s.lemmas));
  });
  db.prepare(`INSERT INTO stories (id, level, slot, size, independent, slack_days, touched, state) VALUES ('ev-1', 'event', 0, 2, 2, 1.5, 3, ?)`)
    .run(JSON.stringify({ languages: { pl: 2 }, outlets: { 'Gazeta': 1 } }));
  db.prepare(`INSERT INTO story_centroids (story_id, weighted_at, centroid) VALUES ('ev-1', 7, ?)`).run(Buffer.from([1, 2, 3, 250, 0, 9]));
  db.close();
}

test('migration 009 converts a store written before it with nothing lost', async () => {
  const old = join(root, 'old', 'kronika.db');
  storeOf008(old);
  const migrated = await openSqliteStore(old);
  const fresh = await openSqliteStore(join(root, 'fresh', 'kronika.db'));
  try {
    await fresh.articles.save(articles);
    await runStages(fresh, { stages: ['analyse', 'index'] });
    assert.equal(await migrated.search.count(), articles.length, 'every indexed article is indexed again');
    for (const article of articles) {
      assert.deepStrictEqual((await migrated.analyses.get(article.id))?.payload, analysePayload(article), `${article.origin}: analysis`);
    }
    for (const query of QUERIES) {
      assert.deepStrictEqual(await migrated.search.search(query), await fresh.search.search(query), `search "${query}"`);
    }
    assert.ok((await migrated.search.search('Putin')).length > 0, 'the queries find something');
  } finally {
    await migrated.close();
    await fresh.close();
  }
  const db = new Database(old, { readonly: true });
  try {
    const rows = new SqliteStoryBackend(db).readStories(['ev-1']);
    assert.equal(rows.length, 1);
    const { story, centroid } = rows[0]!;
    assert.deepEqual(JSON.parse(story.state), { languages: { pl: 2 }, outlets: { 'Gazeta': 1 } });
    assert.equal(story.size, 2);
    assert.deepEqual([...centroid!.centroid], [1, 2, 3, 250, 0, 9]);
    assert.equal(centroid!.weightedAt, 7);
    assert.equal(db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'article_bands_article'`).pluck().get(), 0);
    const payloads = db.prepare('SELECT payload FROM analyses').pluck().all() as Buffer[];
    assert.ok(payloads.length === articles.length && payloads.every(isCurrentPayload), 'every payload rewritten in the current format');
  } finally {
    db.close();
  }
});
