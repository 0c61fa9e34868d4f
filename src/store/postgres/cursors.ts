/** The cursors concern on PostgreSQL: one row per stage (migration 004). */
import type { CursorStore } from '../store.ts';
import type { Scope } from './scope.ts';

export class PostgresCursors implements CursorStore {
  constructor(private readonly scope: Scope) {}

  async get(stage: string): Promise<number> {
    const [row] = await this.scope.rows<{ seq: number }>('SELECT seq FROM stage_cursors WHERE stage = $1', [stage]);
    return row?.seq ?? 0;
  }

  async all(): Promise<Record<string, number>> {
    const rows = await this.scope.rows<{ stage: string; seq: number }>('SELECT stage, seq FROM stage_cursors ORDER BY stage');
    return Object.fromEntries(rows.map((r) => [r.stage, r.seq]));
  }

  advance(stage: string, seq: number): Promise<void> {
    return this.#set(stage, seq, 'GREATEST(stage_cursors.seq, excluded.seq)');
  }

  reset(stage: string, seq: number): Promise<void> {
    return this.#set(stage, seq, 'excluded.seq');
  }

  #set(stage: string, seq: number, next: string): Promise<void> {
    return this.scope.write(async (db) => {
      await db.query(`INSERT INTO stage_cursors (stage, seq, updated_at) VALUES ($1, $2, $3)
        ON CONFLICT (stage) DO UPDATE SET seq = ${next}, updated_at = excluded.updated_at`, [stage, seq, new Date().toISOString()]);
    });
  }
}
