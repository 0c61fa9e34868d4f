/** The cursors concern on SQLite: one row per stage (migration 004). */
import type { CursorStore } from '../store.ts';
import type { Scope } from './scope.ts';

export class SqliteCursors implements CursorStore {
  constructor(private readonly scope: Scope) {}

  async get(stage: string): Promise<number> {
    return (this.scope.read.prepare('SELECT seq FROM stage_cursors WHERE stage = ?').pluck().get(stage) as number | undefined) ?? 0;
  }

  async all(): Promise<Record<string, number>> {
    const rows = this.scope.read.prepare('SELECT stage, seq FROM stage_cursors ORDER BY stage').all() as { stage: string; seq: number }[];
    return Object.fromEntries(rows.map((r) => [r.stage, r.seq]));
  }

  advance(stage: string, seq: number): Promise<void> {
    return this.scope.write((db) => {
      db.prepare(`INSERT INTO stage_cursors (stage, seq, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (stage) DO UPDATE SET seq = max(seq, excluded.seq), updated_at = excluded.updated_at`)
        .run(stage, seq, new Date().toISOString());
    });
  }

  reset(stage: string, seq: number): Promise<void> {
    return this.scope.write((db) => {
      db.prepare(`INSERT INTO stage_cursors (stage, seq, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (stage) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at`)
        .run(stage, seq, new Date().toISOString());
    });
  }
}
