/**
 * Display names of entity keys, kept as rows beside the story state. Clustering compares
 * language-neutral keys ("wldmr-ptn"); a story list shows "Władimir Putin". Each article's
 * mentions add their base forms to a per-key tally (at most VARIANTS_PER_KEY spellings, the rarest
 * dropped), and the name shown is the one the entity layer picks for a group of mentions
 * (fullestName: the most frequent base form, or a fuller one extending it).
 *
 * The tally rule is the one src/app/entity-names.ts applies to the JSON engine state.
 */
import { fullestName } from '../analysis/entities/index.ts';
import type { NameRow, StoryBackend } from './rows.ts';

/** One mention as the names read it: its entity key and its base form. */
export interface NamedMention {
  readonly key: string;
  readonly base: string;
}

/** Distinct base forms kept per key (a key is one real thing; more spellings than this are noise). */
export const VARIANTS_PER_KEY = 8;

/** Adds one base form to a key's tally in place, dropping the rarest spelling beyond the cap. */
export function tallyBase(names: Record<string, number>, base: string): void {
  names[base] = (names[base] ?? 0) + 1;
  const variants = Object.keys(names);
  if (variants.length > VARIANTS_PER_KEY) {
    const rarest = variants.reduce((a, b) => (names[b] < names[a] ? b : a));
    delete names[rarest];
  }
}

/** The tallies of the keys counted so far, read from the backend on first use, written as rows. */
export class EntityNames {
  private readonly tallies = new Map<string, Record<string, number>>();
  private readonly changed = new Set<string>();

  constructor(private readonly backend?: StoryBackend) {}

  count(mentions: readonly NamedMention[]): void {
    this.load(mentions.map((m) => m.key));
    for (const m of mentions) {
      let names = this.tallies.get(m.key);
      if (!names) this.tallies.set(m.key, (names = {}));
      tallyBase(names, m.base);
      this.changed.add(m.key);
    }
  }

  /** Rows of the keys counted since the last call. */
  take(): NameRow[] {
    const rows = [...this.changed].map((key) => {
      const counts = this.tallies.get(key)!;
      return { key, counts: JSON.stringify(counts), name: fullestName(new Map(Object.entries(counts))) };
    });
    this.changed.clear();
    return rows;
  }

  /** Reads the stored tallies of these keys not read yet, in one go (a key without one starts empty). */
  load(keys: readonly string[]): void {
    if (!this.backend) return;
    const missing = [...new Set(keys)].filter((k) => !this.tallies.has(k));
    if (missing.length === 0) return;
    for (const row of this.backend.readNames(missing)) this.tallies.set(row.key, JSON.parse(row.counts) as Record<string, number>);
    for (const k of missing) if (!this.tallies.has(k)) this.tallies.set(k, {});
  }
}
