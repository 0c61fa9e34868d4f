/**
 * Every schema migration's version and name, in order (index.ts pairs each with its \`up\`). Opening
 * a file whose schema is current checks it against this list alone, without loading the
 * migrations and what they import (src/store/sqlite/index.ts).
 */
export interface MigrationVersion {
  readonly version: number;
  readonly name: string;
}

export const MIGRATION_VERSIONS: readonly MigrationVersion[] = [
  { version: 1, name: 'articles' },
  { version: 2, name: 'state' },
  { version: 3, name: 'watches' },
  { version: 4, name: 'stream' },
  { version: 5, name: 'search' },
  { version: 6, name: 'story-tables' },
  { version: 7, name: 'sources' },
  { version: 8, name: 'revisions-and-leases' },
  { version: 9, name: 'compact' },
  { version: 10, name: 'analysis-digests' },
];
