/**
 * Every schema migration, in order. Add a file `NNN-name.ts` exporting `up(db)`, its line in
 * versions.ts and one here; never edit a migration that has shipped, since databases in the field
 * already ran it.
 */
import type Database from 'better-sqlite3';
import { MIGRATION_VERSIONS, type MigrationVersion } from './versions.ts';
import * as articles from './001-articles.ts';
import * as state from './002-state.ts';
import * as watches from './003-watches.ts';
import * as stream from './004-stream.ts';
import * as search from './005-search.ts';
import * as storyTables from './006-story-tables.ts';
import * as sources from './007-sources.ts';
import * as revisions from './008-revisions.ts';
import * as compact from './009-compact.ts';
import * as digests from './010-digests.ts';

export interface Migration extends MigrationVersion {
  up(db: Database.Database): void;
}

const UP: Readonly<Record<number, Migration['up']>> = {
  1: articles.up,
  2: state.up,
  3: watches.up,
  4: stream.up,
  5: search.up,
  6: storyTables.up,
  7: sources.up,
  8: revisions.up,
  9: compact.up,
  10: digests.up,
};

export const MIGRATIONS: readonly Migration[] = MIGRATION_VERSIONS.map((m) => {
  const up = UP[m.version];
  if (!up) throw new Error(`migration ${m.version} (${m.name}) is listed in versions.ts but has no up() here`);
  return { ...m, up };
});
