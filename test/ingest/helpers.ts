/** Shared paths and readers for the ingest tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = new URL('../../', import.meta.url).pathname;
export const FIXTURES = join(REPO, 'test/fixtures/ingest');
export const SEEDS = join(REPO, 'samples/kim-putin-2023');

/** Seed files in order: seed-<n> fixture folders follow this numbering. */
export function seedFiles(): string[] {
  return readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
}

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixture(...parts), 'utf8');
}
