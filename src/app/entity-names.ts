/**
 * Display names for entity keys. Clustering compares language-neutral keys ("wldmr-ptn"); people
 * reading a story list want "Władimir Putin". Each stored article's mentions add their base forms
 * to a per-key tally, and the name shown is the one the entity layer would pick for a group of
 * mentions: the most frequent base form, or a fuller one extending it ("Jake Sullivan" over
 * "Sullivan").
 */
import { fullestName } from '../analysis/entities/index.ts';
import type { Story } from '../stories/story.ts';

/** Entity key → base form → mentions: plain JSON, kept with the story engine. */
export type EntityNameCounts = Record<string, Record<string, number>>;

/** Distinct base forms kept per key (a key is one real thing; more spellings than this are noise). */
const VARIANTS_PER_KEY = 8;

/** Add one article's mentions to the tally. */
export function countNames(counts: EntityNameCounts, mentions: readonly { readonly key: string; readonly base: string }[]): void {
  for (const m of mentions) {
    const names = (counts[m.key] ??= {});
    names[m.base] = (names[m.base] ?? 0) + 1;
    const variants = Object.keys(names);
    if (variants.length > VARIANTS_PER_KEY) {
      const rarest = variants.reduce((a, b) => (names[b] < names[a] ? b : a));
      delete names[rarest];
    }
  }
}

export function nameOf(counts: EntityNameCounts, key: string): string | undefined {
  const names = counts[key];
  return names ? fullestName(new Map(Object.entries(names))) : undefined;
}

/** The story with a display name on each top entity that has one. */
export function withEntityNames(story: Story, counts: EntityNameCounts): Story {
  return {
    ...story,
    topEntities: story.topEntities.map((e) => {
      const name = nameOf(counts, e.key);
      return name ? { ...e, name } : e;
    }),
  };
}
