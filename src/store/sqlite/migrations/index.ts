/**
 * Every schema migration, in order. Add a file `NNN-name.ts` exporting `up(db)` and one line
 * here; never edit a migration that has shipped, since databases in the field already ran it.
 */
import type Database from 'better-sqlite3';
import * as articles from './001-articles.ts';
import * as state from './002-state.ts';
import * as watches from './003-watches.ts';
import * as stream from './004-stream.ts';
import * as search from './005-search.ts';
import * as storyTables from './006-story-tables.ts';
import * as sources from './007-sources.ts';
import * as revisions from './008-revisions.ts';
import * as compact from './009-compact.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'articles', up: articles.up },
  { version: 2, name: 'state', up: state.up },
  { version: 3, name: 'watches', up: watches.up },
  { version: 4, name: 'stream', up: stream.up },
  { version: 5, name: 'search', up: search.up },
  { version: 6, name: 'story-tables', up: storyTables.up },
  { version: 7, name: 'sources', up: sources.up },
  { version: 8, name: 'revisions-and-leases', up: revisions.up },
  { version: 9, name: 'compact', up: compact.up },
];
