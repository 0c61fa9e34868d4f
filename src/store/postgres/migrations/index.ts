/**
 * Every PostgreSQL schema migration, in order, numbered and named as SQLite's
 * (src/store/sqlite/migrations/index.ts) so a schema version means the same tables in both
 * engines. Add a file `NNN-name.ts` exporting its SQL as `up` and one line here; never edit a
 * migration that has shipped.
 */
import type pg from 'pg';
import * as articles from './001-articles.ts';
import * as state from './002-state.ts';
import * as watches from './003-watches.ts';
import * as stream from './004-stream.ts';
import * as search from './005-search.ts';
import * as storyTables from './006-story-tables.ts';
import * as sources from './007-sources.ts';
import * as revisions from './008-revisions.ts';
import * as compact from './009-compact.ts';
import * as bytes from './010-bytes.ts';
import * as packedBands from './011-packed-bands.ts';
import * as storyBytes from './012-story-bytes.ts';
import * as digests from './013-digests.ts';
import * as searchPostings from './014-search-postings.ts';

export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  /** SQL run in one transaction. */
  readonly up: string;
  /** Rows rewritten in JavaScript after `up`, in the same transaction (a format only the code can read). */
  readonly convert?: (client: pg.ClientBase) => Promise<void>;
}

export const MIGRATIONS: readonly PostgresMigration[] = [
  { version: 1, name: 'articles', up: articles.up },
  { version: 2, name: 'state', up: state.up },
  { version: 3, name: 'watches', up: watches.up },
  { version: 4, name: 'stream', up: stream.up },
  { version: 5, name: 'search', up: search.up },
  { version: 6, name: 'story-tables', up: storyTables.up },
  { version: 7, name: 'sources', up: sources.up },
  { version: 8, name: 'revisions-and-leases', up: revisions.up },
  { version: 9, name: 'compact', up: compact.up, convert: compact.convert },
  { version: 10, name: 'bytes', up: bytes.up, convert: bytes.convert },
  { version: 11, name: 'packed-bands', up: packedBands.up },
  { version: 12, name: 'story-bytes', up: storyBytes.up, convert: storyBytes.convert },
  { version: 13, name: 'analysis-digests', up: digests.up, convert: digests.convert },
  { version: 14, name: 'search-postings', up: searchPostings.up, convert: searchPostings.convert },
];
