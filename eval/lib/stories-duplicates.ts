/**
 * Near-duplicates for the stories eval, decided as the store decides them on save: each article in
 * arrival order is compared with the earlier ones sharing a MinHash band, confirmed by exact shingle
 * Jaccard ≥ 0.9, earliest original first (src/store/duplicates.ts `findOriginal`, the one rule).
 * The clusterer takes `duplicateOf` from the features, so the eval must supply it as ingest would.
 * A few BSNLP documents are a headline with no body: ingest refuses an empty text (src/ingest/article.ts),
 * so they never reach the store's rule, and here they are neither copies nor originals (two empty
 * texts would otherwise count as identical).
 */
import { findOriginal, type DuplicateCandidate } from '../../src/store/duplicates.ts';
import { bandKeys, fingerprint } from '../../src/stories/fingerprint.ts';
import type { Article } from '../../src/types.ts';

/**
 * Article id → the id of the earlier article it nearly duplicates, for articles in arrival order.
 * @example markDuplicates(streamOrder(articles)).get('asia_bibi/…_file_12.txt') // → '…_file_3.txt'
 */
export function markDuplicates(arrival: readonly Article[]): Map<string, string> {
  const byBand = new Map<string, DuplicateCandidate[]>();
  const duplicates = new Map<string, string>();
  arrival.forEach((article, seq) => {
    if (!article.text.trim()) return;
    const signature = article.fingerprint ?? fingerprint(article.text);
    const keys = bandKeys(signature);
    const seen = new Set<DuplicateCandidate>();
    for (const key of keys) for (const c of byBand.get(key) ?? []) seen.add(c);
    const original = findOriginal(article.text, signature, [...seen].sort((a, b) => a.seq - b.seq));
    if (original !== undefined) duplicates.set(article.id, original);
    const self: DuplicateCandidate = {
      id: article.id, seq, fingerprint: signature, text: article.text, ...(original !== undefined ? { duplicateOf: original } : {}),
    };
    for (const key of keys) {
      const list = byBand.get(key);
      if (list) list.push(self);
      else byBand.set(key, [self]);
    }
  });
  return duplicates;
}
