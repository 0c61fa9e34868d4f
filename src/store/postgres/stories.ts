/**
 * The stories concern on PostgreSQL: the story engine's saved state in `stage_state`, behind the
 * same JsonStoryStore as SQLite (src/store/json-stories.ts). A write takes the stories advisory
 * lock first, so story writers in any number of processes take turns, each reading what the
 * previous one committed.
 */
import type { StoryStateCell } from '../json-stories.ts';
import { LOCK_CLASS, LOCKS } from './locks.ts';
import { rowsOf, type Scope } from './scope.ts';

/** The row of `stage_state` the story engine's JSON lives in (as in SQLite). */
const STORIES_STATE = 'stories';

interface StateRow {
  readonly value: string;
  readonly revision: string | null;
}

export function storyCell(scope: Scope): StoryStateCell {
  return {
    async revision() {
      const [row] = await scope.rows<{ revision: string | null }>('SELECT revision FROM stage_state WHERE name = $1', [STORIES_STATE]);
      return row ? row.revision ?? '' : undefined;
    },
    async read() {
      const [row] = await scope.rows<StateRow>('SELECT value, revision FROM stage_state WHERE name = $1', [STORIES_STATE]);
      return row && { value: JSON.parse(row.value), revision: row.revision ?? '' };
    },
    update(change, revision) {
      return scope.write(async (db) => {
        await db.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCKS.stories]);
        const [row] = await rowsOf<StateRow>(db, 'SELECT value, revision FROM stage_state WHERE name = $1', [STORIES_STATE]);
        const { next, result } = change(row && {
          revision: row.revision ?? '',
          get value() {
            return JSON.parse(row.value);
          },
        });
        await db.query(`INSERT INTO stage_state (name, value, updated_at, revision) VALUES ($1, $2, $3, $4)
          ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, revision = excluded.revision`,
        [STORIES_STATE, JSON.stringify(next), new Date().toISOString(), revision]);
        return result;
      });
    },
  };
}
