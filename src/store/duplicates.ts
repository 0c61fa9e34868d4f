/**
 * The near-duplicate rule every engine shares: which stored article a new one is a
 * copy of. Backends only find candidates (through band keys) and hand them here, so SQLite and
 * PostgreSQL cannot drift apart on what counts as a copy.
 */
import { CANDIDATE_SIMILARITY, jaccard, NEAR_DUPLICATE_SIMILARITY, shingleSet, similarity } from '../stories/fingerprint.ts';

/** A stored article that shares at least one band key with the new one. */
export interface DuplicateCandidate {
  readonly id: string;
  /** Ingest order: lower was stored earlier. */
  readonly seq: number;
  readonly duplicateOf?: string;
  readonly fingerprint: readonly number[];
  /** Clean text, for the exact check. */
  readonly text: string;
}

/**
 * Id of the original the fingerprint nearly duplicates, or undefined.
 *
 * Candidates whose MinHash estimate is plausible are confirmed by the EXACT Jaccard of the
 * shingle sets (banding alone lets through pairs near 0.5, and a ±0.04 estimate would decide
 * pairs near 0.9 by chance), then the earliest confirmed original wins. If every match is itself a copy, the copy's
 * original is returned: a syndicated chain always points at its root, never at a copy.
 * @example findOriginal(text, fingerprint(text), candidates) // → 'a31a041b0d5d493a' or undefined
 */
export function findOriginal(
  text: string,
  signature: readonly number[],
  candidates: readonly DuplicateCandidate[],
): string | undefined {
  let bestOriginal: DuplicateCandidate | undefined;
  let bestCopy: DuplicateCandidate | undefined;
  let shingles: Set<number> | undefined;
  for (const candidate of candidates) {
    if (similarity(signature, candidate.fingerprint) < CANDIDATE_SIMILARITY) continue;
    shingles ??= shingleSet(text);
    if (jaccard(shingles, shingleSet(candidate.text)) < NEAR_DUPLICATE_SIMILARITY) continue;
    if (candidate.duplicateOf === undefined) {
      if (!bestOriginal || candidate.seq < bestOriginal.seq) bestOriginal = candidate;
    } else if (!bestCopy || candidate.seq < bestCopy.seq) {
      bestCopy = candidate;
    }
  }
  return bestOriginal?.id ?? bestCopy?.duplicateOf;
}
