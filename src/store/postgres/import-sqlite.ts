/**
 * `kronika migrate --to postgres://…`: moves an SQLite store into a PostgreSQL database with
 * nothing lost, then proves it by reading both back through the store contract (counts and
 * SHA-256 checksums per concern).
 *
 * Rows are copied as they are — articles with their `seq`, fingerprints, duplicate and revision
 * links; analyses; watches and their matches; the stages' cursors and saved state; followed
 * sources with their schedules, seen items and poll history — so the cursors and alerts carry
 * over unchanged and no article is analysed again. The search index is rebuilt from the copied
 * analyses (SQLite's FTS5 index is contentless and cannot be read back); the story tables are
 * copied row for row as one state (`copyStories`). Every insert skips rows already there, in batches, so
 * an interrupted migration is resumed by running it again; a target that holds anything but an
 * earlier part of this same source is refused.
 */
import { createHash, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { hydrateAnalysis } from '../../analysis/stored.ts';
import type { PostingRow } from '../../stories/rows.ts';
import { searchDocument } from '../../search/terms.ts';
import { assertCurrent as assertSqliteCurrent } from '../sqlite/migrate.ts';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../sqlite/migrations/index.ts';
import { openSqliteStore } from '../sqlite/index.ts';
import { decodeText, encodeText } from '../sqlite/rows.ts';
import { STATE_COLUMN_NAMES } from '../sqlite/source-rows.ts';
import type { Store } from '../store.ts';
import { bandValues } from './articles.ts';
import { openPool } from './connection.ts';
import { openPostgresStore } from './index.ts';
import { LOCK_CLASS, LOCKS } from './locks.ts';
import { mergeAllSegments } from './search-postings.ts';
import { writePostings } from './story-postings.ts';
import { clearStoryTables, readMeta } from './story-tables.ts';

const BATCH = 500;

/** One table copied: its columns in both engines, the order rows are read in, and its conflict rule. */
interface TableCopy {
  readonly table: string;
  readonly columns: readonly string[];
  /** ORDER BY of the SQLite read (the order rows must arrive in: originals before their copies). */
  readonly order: string;
  /** ON CONFLICT clause of the insert. */
  readonly conflict: string;
  /** An identity column copied as it is (the insert overrides the generated value; the sequence moves past it afterwards). */
  readonly identity?: string;
}

const SOURCE_COLUMNS = ['id', 'feed_url', 'home_page', 'title', 'site_name', 'name', 'language', 'fetch_linked', 'allow_private',
  'paused', 'added_at', 'items_seen', ...STATE_COLUMN_NAMES];

const TABLES: readonly TableCopy[] = [
  {
    table: 'articles',
    columns: ['id', 'seq', 'origin', 'format', 'url', 'title', 'published_value', 'published_precision', 'language', 'outlet',
      'outlet_key', 'author', 'text', 'removed', 'duplicate_of', 'revision_of', 'source_id', 'fingerprint', 'ingested_at'],
    order: 'seq',
    conflict: 'ON CONFLICT DO NOTHING',
  },
  { table: 'analyses', columns: ['article_id', 'version', 'payload'], order: 'article_id',
    conflict: 'ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, payload = excluded.payload' },
  // Analysis digests (src/store/digest.ts): the same rows in both engines, copied as they are.
  { table: 'analysis_entities', columns: ['seq', 'forms'], order: 'seq', conflict: 'ON CONFLICT (seq) DO UPDATE SET forms = excluded.forms' },
  { table: 'analysis_times', columns: ['seq', 'idx', 'value', 'start'], order: 'seq, idx',
    conflict: 'ON CONFLICT (seq, idx) DO UPDATE SET value = excluded.value, start = excluded.start' },
  { table: 'watches', columns: ['id', 'query', 'language', 'source', 'webhook', 'created_at', 'failures', 'last_error', 'last_fired'],
    order: 'id', conflict: 'ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, last_error = excluded.last_error, last_fired = excluded.last_fired' },
  { table: 'watch_matches', columns: ['watch_id', 'article_id', 'sentence', 'status', 'attempts', 'last_error', 'matched_at', 'delivered_at', 'claimed_until'],
    order: 'rowid', conflict: `ON CONFLICT (watch_id, article_id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
      last_error = excluded.last_error, delivered_at = excluded.delivered_at, claimed_until = excluded.claimed_until` },
  { table: 'stage_state', columns: ['name', 'value', 'updated_at', 'revision'], order: 'name',
    conflict: 'ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, revision = excluded.revision' },
  { table: 'stage_cursors', columns: ['stage', 'seq', 'updated_at'], order: 'stage',
    conflict: 'ON CONFLICT (stage) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at' },
  // Followed sources with their schedules, seen items and poll history (src/store/postgres/sources.ts).
  { table: 'sources', columns: SOURCE_COLUMNS, order: 'added_at, rowid', conflict: 'ON CONFLICT DO NOTHING' },
  { table: 'source_items', columns: ['id', 'source_id', 'guid', 'url_key', 'url', 'article_id', 'content_hash', 'first_seen_at', 'last_changed_at'],
    order: 'id', conflict: 'ON CONFLICT DO NOTHING', identity: 'id' },
  { table: 'source_polls', columns: ['id', 'source_id', 'at', 'status', 'outcome', 'new_articles', 'error', 'duration_ms'],
    order: 'id', conflict: 'ON CONFLICT DO NOTHING', identity: 'id' },
  { table: 'robots_txt', columns: ['origin', 'status', 'body', 'error', 'fetched_at'], order: 'origin', conflict: 'ON CONFLICT DO NOTHING' },
];

/** A concern compared after the copy. */
export interface ConcernCheck {
  readonly concern: string;
  readonly source: number;
  readonly target: number;
  readonly sourceSha256: string;
  readonly targetSha256: string;
  readonly equal: boolean;
}

export interface ImportReport {
  /** Rows newly written per table (0 everywhere on a re-run after a finished migration). */
  readonly copied: Readonly<Record<string, number>>;
  /** Articles newly indexed for search in the target. */
  readonly indexed: number;
  readonly checks: readonly ConcernCheck[];
  /** Every concern has the same count and checksum on both sides. */
  readonly identical: boolean;
}

/** The target holds articles that are not an earlier part of this source. */
export class ImportConflictError extends Error {
  override readonly name = 'ImportConflictError';
}

/**
 * Columns SQLite keeps in another form than PostgreSQL: an article's text may be plain in an
 * older SQLite row (PostgreSQL keeps it deflated, src/store/sqlite/rows.ts). A story's engine
 * state and a centroid are deflated in both (src/store/sqlite/story-backend.ts) and copied as they are.
 */
const SQLITE_FORMS: Readonly<Record<string, (value: unknown) => unknown>> = {
  'articles.text': (value) => encodeText(decodeText(value as string | Buffer)),
};

/** SQLite values as PostgreSQL parameters. */
function rowValues(table: string, row: Record<string, unknown>, columns: readonly string[]): unknown[] {
  return columns.map((c) => {
    const form = SQLITE_FORMS[`${table}.${c}`];
    return form ? form(row[c] ?? null) : row[c] ?? null;
  });
}

async function copyTable(sqlite: Database.Database, pool: pg.Pool, copy: TableCopy, onProgress: (line: string) => void): Promise<number> {
  const read = sqlite.prepare(`SELECT ${copy.columns.join(', ')} FROM ${copy.table} ORDER BY ${copy.order} LIMIT ? OFFSET ?`);
  const placeholders = (row: number) => `(${copy.columns.map((_, i) => `$${row * copy.columns.length + i + 1}`).join(', ')})`;
  let copied = 0;
  for (let offset = 0; ; offset += BATCH) {
    const rows = read.all(BATCH, offset) as Record<string, unknown>[];
    if (rows.length === 0) break;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Articles keep their seq: taken under the same lock as articles.save, so no saver interleaves.
      if (copy.table === 'articles') await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCKS.articleSeq]);
      const result = await client.query(`INSERT INTO ${copy.table} (${copy.columns.join(', ')})
        ${copy.identity ? 'OVERRIDING SYSTEM VALUE' : ''} VALUES ${rows.map((_, i) => placeholders(i)).join(', ')} ${copy.conflict}`, rows.flatMap((r) => rowValues(copy.table, r, copy.columns)));
      await client.query('COMMIT');
      copied += result.rowCount ?? 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    onProgress(`${copy.table}: ${offset + rows.length} rows read`);
  }
  if (copy.identity) {
    await pool.query(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT MAX(${copy.identity}) FROM ${copy.table}), 1))`,
      [copy.table, copy.identity]);
  }
  return copied;
}

/**
 * Near-duplicate bands, a row per (band, article) in SQLite, one row of all an article's bands in
 * PostgreSQL (migration 011, `bandValues`). One grouped read: SQLite has no index by article.
 */
async function copyBands(sqlite: Database.Database, pool: pg.Pool, onProgress: (line: string) => void): Promise<number> {
  const read = sqlite.prepare("SELECT article_id AS id, group_concat(band_key, ' ') AS keys FROM article_bands GROUP BY article_id");
  let copied = 0;
  let seen = 0;
  const flush = async (batch: { id: string; keys: string }[]) => {
    const result = await pool.query(`INSERT INTO article_bands (seq, bands)
      SELECT a.seq, u.bands::bigint[] FROM unnest($1::text[], $2::text[]) AS u (id, bands) JOIN articles a ON a.id = u.id
      ON CONFLICT (seq) DO NOTHING`,
    [batch.map((r) => r.id), batch.map((r) => `{${bandValues(r.keys.split(' ')).sort((x, y) => x - y).join(',')}}`)]);
    copied += result.rowCount ?? 0;
    seen += batch.length;
    onProgress(`article_bands: ${seen} articles read`);
  };
  let batch: { id: string; keys: string }[] = [];
  for (const row of read.iterate() as IterableIterator<{ id: string; keys: string }>) {
    batch.push(row);
    if (batch.length === BATCH) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await flush(batch);
  return copied;
}

/** Refuses a target holding articles this source does not have at the same seq. */
async function checkTarget(sqlite: Database.Database, pool: pg.Pool): Promise<void> {
  const seqOf = sqlite.prepare('SELECT seq FROM articles WHERE id = ?').pluck();
  for (let after = 0; ;) {
    const { rows } = await pool.query<{ id: string; seq: number }>('SELECT id, seq FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2', [after, BATCH]);
    if (rows.length === 0) return;
    for (const row of rows) {
      if (seqOf.get(row.id) !== row.seq) {
        throw new ImportConflictError(`the target already holds article ${row.id} (seq ${row.seq}), which this SQLite store does not have there: migrate into an empty database`);
      }
    }
    after = rows[rows.length - 1]!.seq;
  }
}

/** Indexes in the target, from their stored analyses, the articles the source has indexed and the target not yet. */
async function rebuildSearch(source: Store, store: Store, onProgress: (line: string) => void): Promise<number> {
  let indexed = 0;
  for (let after = 0; ;) {
    const page = await store.articles.after(after, BATCH);
    if (page.length === 0) return indexed;
    after = page[page.length - 1]!.seq;
    const ids = page.map((a) => a.id);
    const [wanted, have] = await Promise.all([source.search.indexed(ids), store.search.indexed(ids)]);
    const analyses = await store.analyses.getMany(ids.filter((id) => wanted.has(id) && !have.has(id)));
    const documents = page.flatMap((a) => {
      const analysis = analyses.get(a.id);
      return analysis ? [searchDocument(a.id, hydrateAnalysis(a, analysis.payload).sentences)] : [];
    });
    indexed += await store.search.index(documents);
    onProgress(`search: ${indexed} articles indexed`);
  }
}

/**
 * The search index, built in segments merged as it grew, merged into one and rewritten: a merge
 * deletes the rows it replaces, and in a bulk load nothing reuses their space (at 10,000 articles
 * 70 % of the postings table was free space afterwards; docs/BENCHMARKS.md, bytes). VACUUM FULL
 * takes the table's exclusive lock while it copies the live rows, a second or two at 10,000
 * articles: the import is the target's only writer.
 */
async function compactSearch(pool: pg.Pool, indexed: number): Promise<void> {
  const client = await pool.connect();
  let merged = false;
  try {
    await client.query('BEGIN');
    merged = await mergeAllSegments(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  // A re-run that found everything indexed and merged has nothing to rewrite.
  if (merged || indexed > 0) await pool.query('VACUUM (FULL, ANALYZE) search_postings');
}

/** Count and SHA-256 of every record a concern's readers give, in a fixed order. */
async function digest(records: AsyncIterable<unknown>): Promise<{ count: number; sha256: string }> {
  const hash = createHash('sha256');
  let count = 0;
  for await (const record of records) {
    hash.update(JSON.stringify(record));
    hash.update('\n');
    count++;
  }
  return { count, sha256: hash.digest('hex') };
}

async function* articlesOf(store: Store): AsyncGenerator<unknown> {
  for (let after = 0; ;) {
    const page = await store.articles.after(after, BATCH);
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1]!.seq;
  }
}

async function* analysesOf(store: Store): AsyncGenerator<unknown> {
  for (let after = 0; ;) {
    const page = await store.articles.after(after, BATCH);
    if (page.length === 0) return;
    const analyses = await store.analyses.getMany(page.map((a) => a.id));
    for (const article of page) {
      const analysis = analyses.get(article.id);
      if (analysis) yield analysis;
    }
    after = page[page.length - 1]!.seq;
  }
}

async function* watchesOf(store: Store): AsyncGenerator<unknown> {
  for (const watch of await store.watches.list()) {
    yield watch;
    yield* await store.watches.pending(watch.id);
  }
}

async function* storiesOf(store: Store): AsyncGenerator<unknown> {
  for (const level of ['event', 'storyline'] as const) yield* (await store.stories.list({ level, sort: 'articles' })).stories;
}

async function* sourcesOf(store: Store): AsyncGenerator<unknown> {
  for (const source of await store.sources.list()) {
    yield source;
    yield* await store.sources.recentPolls(source.id, 1000);
  }
}

async function* cursorsOf(store: Store): AsyncGenerator<unknown> {
  yield* Object.entries(await store.cursors.all());
}

async function* searchOf(store: Store): AsyncGenerator<unknown> {
  for (let after = 0; ;) {
    const page = await store.articles.after(after, BATCH);
    if (page.length === 0) return;
    yield* [...await store.search.indexed(page.map((a) => a.id))].sort();
    after = page[page.length - 1]!.seq;
  }
}

const CONCERNS: readonly [string, (store: Store) => AsyncIterable<unknown>][] = [
  ['articles', articlesOf], ['analyses', analysesOf], ['stories', storiesOf], ['watches', watchesOf],
  ['cursors', cursorsOf], ['sources', sourcesOf], ['search (indexed ids)', searchOf],
];

/**
 * Compares two stores concern by concern through the contract.
 * @example const checks = await compareStores(sqlite, postgres) // → [{ concern: 'articles', equal: true, … }, …]
 */
export async function compareStores(source: Store, target: Store): Promise<ConcernCheck[]> {
  const checks: ConcernCheck[] = [];
  for (const [concern, read] of CONCERNS) {
    const [a, b] = [await digest(read(source)), await digest(read(target))];
    checks.push({ concern, source: a.count, target: b.count, sourceSha256: a.sha256, targetSha256: b.sha256,
      equal: a.count === b.count && a.sha256 === b.sha256 });
  }
  return checks;
}

/** The story tables besides story_meta, copied as rows: both engines keep the same row shapes (src/stories/rows.ts). */
const STORY_COPIES: readonly TableCopy[] = [
  { table: 'story_terms', columns: ['id', 'key', 'df'], order: 'id', conflict: '' },
  { table: 'story_entities', columns: ['id', 'key', 'df'], order: 'id', conflict: '' },
  { table: 'stories', columns: ['id', 'level', 'slot', 'merged_into', 'merged_seq', 'size', 'independent', 'first_ms', 'last_ms',
    'first_precision', 'last_precision', 'slack_days', 'touched', 'title', 'first_seen', 'last_seen', 'state', 'record'], order: 'id', conflict: '' },
  { table: 'story_centroids', columns: ['story_id', 'weighted_at', 'centroid'], order: 'story_id', conflict: '' },
  { table: 'story_members', columns: ['level', 'article_id', 'story_id', 'ord', 'added_at'], order: 'level, article_id', conflict: '' },
  { table: 'entity_names', columns: ['key', 'counts', 'name'], order: 'key', conflict: '' },
];

/** The story index's postings, a row per key in SQLite, packed in PostgreSQL (story-postings.ts). */
async function copyPostings(sqlite: Database.Database, pool: pg.Pool, onProgress: (line: string) => void): Promise<number> {
  const read = sqlite.prepare('SELECT level, kind, key_id AS keyId, slots FROM story_postings ORDER BY level, kind, key_id LIMIT ? OFFSET ?');
  let copied = 0;
  for (let offset = 0; ; offset += BATCH) {
    const rows = read.all(BATCH, offset) as PostingRow[];
    if (rows.length === 0) return copied;
    await writePostings(pool, rows);
    copied += rows.length;
    onProgress(`story_postings: ${offset + rows.length} rows read`);
  }
}

interface SqliteStoryMeta {
  readonly generation: number;
  readonly version: number;
  readonly documents: number;
  readonly term_ids: number;
  readonly entity_ids: number;
  readonly levels: string;
}

/**
 * Both engines keep the stories as the same tables, so they are copied row for row (the stories
 * arrive exactly as they are, consolidations of many runs included), as one state: unless the
 * target already holds the source's state (same generation and article count), its story rows
 * are replaced. The meta row goes last, so an interrupted copy leaves no meta row and the next run
 * copies the stories again.
 */
async function copyStories(sqlite: Database.Database, pool: pg.Pool, onProgress: (line: string) => void): Promise<Record<string, number>> {
  const meta = sqlite.prepare('SELECT generation, version, documents, term_ids, entity_ids, levels FROM story_meta WHERE id = 1').get() as SqliteStoryMeta | undefined;
  const have = await readMeta(pool);
  if (meta && have && have.generation === meta.generation && have.documents === meta.documents && have.version === meta.version) return {};
  await clearStoryTables(pool);
  const copied: Record<string, number> = {};
  if (!meta) return copied;
  for (const table of STORY_COPIES) copied[table.table] = await copyTable(sqlite, pool, table, onProgress);
  copied.story_postings = await copyPostings(sqlite, pool, onProgress);
  await pool.query(`INSERT INTO story_meta (id, generation, version, documents, term_ids, entity_ids, levels, token)
    VALUES (1, $1, $2, $3, $4, $5, $6, $7)`, [meta.generation, meta.version, meta.documents, meta.term_ids, meta.entity_ids, meta.levels, randomUUID()]);
  copied.story_meta = 1;
  return copied;
}

/**
 * Copies the SQLite store at `sourcePath` into the PostgreSQL database at `targetUrl` and compares them.
 * @example const report = await importSqlite('kronika.db', 'postgres://kronika@db/kronika')
 */
export async function importSqlite(sourcePath: string, targetUrl: string, onProgress: (line: string) => void = () => {}): Promise<ImportReport> {
  const sqlite = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    assertSqliteCurrent(sqlite, SQLITE_MIGRATIONS);
    const target = await openPostgresStore(targetUrl);
    const pool = openPool(targetUrl, { max: 2 });
    try {
      await checkTarget(sqlite, pool);
      const copied: Record<string, number> = {};
      for (const table of TABLES) copied[table.table] = await copyTable(sqlite, pool, table, onProgress);
      copied.article_bands = await copyBands(sqlite, pool, onProgress);
      Object.assign(copied, await copyStories(sqlite, pool, onProgress));
      const source = await openSqliteStore(sourcePath, { readonly: true });
      try {
        const indexed = await rebuildSearch(source, target, onProgress);
        await compactSearch(pool, indexed);
        const reopened = await openPostgresStore(targetUrl);
        try {
          const checks = await compareStores(source, reopened);
          return { copied, indexed, checks, identical: checks.every((c) => c.equal) };
        } finally {
          await reopened.close();
        }
      } finally {
        await source.close();
      }
    } finally {
      await pool.end();
      await target.close();
    }
  } finally {
    sqlite.close();
  }
}
