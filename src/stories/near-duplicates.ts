/**
 * Near-duplicate lookup for the clusterer: MinHash band key → the first article that had it, so a
 * syndicated or lightly edited copy finds its original without comparing with every article. Which
 * story the original is in now, and its full fingerprint, are the caller's (stories move on merges).
 */
import { bandKeys, NEAR_DUPLICATE_SIMILARITY, similarity } from './fingerprint.ts';

/** Where an earlier article sits now: its story id and the fingerprint that story kept for it. */
export type LocateArticle = (articleId: string) => { readonly storyId: string; readonly fingerprint?: readonly number[] } | undefined;

export class NearDuplicateIndex {
  /** Band key → the article that first had it; later articles with the band never replace it. */
  private readonly bands = new Map<string, string>();

  /** Records an independent article's bands (only those no earlier article holds). */
  remember(articleId: string, fingerprint: readonly number[]): void {
    for (const band of bandKeys(fingerprint)) if (!this.bands.has(band)) this.bands.set(band, articleId);
  }

  /**
   * The story of the first earlier article sharing a band whose fingerprint is at least
   * `NEAR_DUPLICATE_SIMILARITY` similar, in band order; undefined when none is.
   * @example index.storyOfOriginal(f.fingerprint, (id) => locate(id))
   */
  storyOfOriginal(fingerprint: readonly number[], locate: LocateArticle): string | undefined {
    for (const band of bandKeys(fingerprint)) {
      const other = this.bands.get(band);
      if (!other) continue;
      const at = locate(other);
      if (at?.fingerprint && similarity(at.fingerprint, fingerprint) >= NEAR_DUPLICATE_SIMILARITY) return at.storyId;
    }
    return undefined;
  }

  toRecord(): Record<string, string> {
    return Object.fromEntries(this.bands);
  }

  load(record: Record<string, string>): void {
    for (const [k, v] of Object.entries(record)) this.bands.set(k, v);
  }
}
