/**
 * Why a missed origin's sentence is not cited for its fact, in the terms of the wording step of
 * claim grouping (src/synthesis/claims.ts `groupClaimsAt`): its best pair with a sentence of the
 * fact's claim is kept apart by a guard (`wordingRefusal`: polarity, dates, figures, places), shares
 * too few content words to be compared at all, falls short of CLAIM_SIMILARITY, or reaches it — then
 * only the claim's other rules kept it out (one sentence per article, the group's mean similarity) and
 * citation completion (`completeCitations`) did not take it either. A sentence that is no claim's
 * wording (a headline, a fragment: `claimable`) never takes part in grouping.
 */
import { CLAIM_SIMILARITY, wordingRefusal, wordingSimilarity, type WordingRefusal } from '../../src/synthesis/claims.ts';
import type { SentenceFeatures } from '../../src/synthesis/features.ts';

export type MissReason = 'no-claim' | 'not-claimable' | `refused-${WordingRefusal}` | 'no-shared-words' | 'below-similarity' | 'joinable';

export interface MissExplanation {
  readonly reason: MissReason;
  /** The best wording similarity of the missed sentences to the claim's (0 with no claim). */
  readonly similarity: number;
}

/**
 * The explanation of the best pair of a missed origin's labelled sentences and the fact's claim's
 * sentences: the pair nothing refuses with the highest similarity, else the most similar pair.
 */
export function explainMiss(missed: readonly SentenceFeatures[], claim: readonly SentenceFeatures[], idf: ReadonlyMap<string, number>): MissExplanation {
  if (claim.length === 0 || missed.length === 0) return { reason: 'no-claim', similarity: 0 };
  let best: { explanation: MissExplanation; refused: boolean } | undefined;
  for (const x of missed) {
    for (const y of claim) {
      const similarity = wordingSimilarity(x, y, idf);
      const refusal = wordingRefusal(x, y);
      const reason: MissReason = !x.claimable
        ? 'not-claimable'
        : refusal
          ? `refused-${refusal}`
          : similarity === 0
            ? 'no-shared-words'
            : similarity < CLAIM_SIMILARITY
              ? 'below-similarity'
              : 'joinable';
      const refused = reason.startsWith('refused-') || reason === 'not-claimable';
      if (!best || (best.refused && !refused) || (best.refused === refused && similarity > best.explanation.similarity)) best = { explanation: { reason, similarity }, refused };
    }
  }
  return best!.explanation;
}
