/**
 * Claims: sentences from different articles that state the same thing (issue 7 §1).
 *
 * 0. Sentences with the same normalised text (syndicated copies, repeated paragraphs) are one
 *    claim at once; only one of them takes part in the pairwise steps, which keeps the cost
 *    proportional to distinct sentences rather than to articles.
 * 1. Candidate pairs come from an inverted index over terms (no all-pairs scan), skipping terms
 *    so common in the story that they cannot tell claims apart.
 * 2. Pairs from different articles at or above CLAIM_SIMILARITY are merged greedily, most similar
 *    first, and a claim holds at most one sentence per article: an article states a fact once, and
 *    the rule stops chains ("A≈B≈C") from gluing a whole story into one claim.
 * 3. Every standalone sentence not merged stays a single-source claim.
 * Status is decided later (index.ts), once conflicts are known.
 */
import { similarity, type SentenceFeatures, type StoryFeatures } from './features.ts';

/**
 * Cosine over idf-weighted stems and entity keys. 0.3 joined the seeds' paraphrase pair
 * ("Pjongjang prawdopodobnie posiada dziesiątki milionów…" ↔ "Korea posiada dziesiątki milionów…",
 * cosine ≈ 0.4) while leaving sentences that share only the participants apart (≤ 0.25), 2026-11.
 */
export const CLAIM_SIMILARITY = 0.3;
/**
 * Terms in more than this share of a story's sentences do not generate candidate pairs (their
 * idf is too low to lift a pair over CLAIM_SIMILARITY alone). The cap is for speed on big stories
 * only, so it never goes below MIN_POSTING_CAP.
 */
const MAX_POSTING_SHARE = 0.25;
const MIN_POSTING_CAP = 64;

export interface SentenceGroup {
  readonly members: readonly SentenceFeatures[];
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/** Lower-cased, whitespace-collapsed text: identical sentences share it. */
export function normalisedText(s: SentenceFeatures): string {
  return s.sentence.text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function candidatePairs(features: StoryFeatures, distinct: readonly SentenceFeatures[]): [number, number][] {
  const postings = new Map<string, number[]>();
  for (const s of distinct) {
    for (const t of s.terms) {
      const list = postings.get(t);
      if (list) list.push(s.id);
      else postings.set(t, [s.id]);
    }
  }
  const maxPosting = Math.max(MIN_POSTING_CAP, Math.ceil(distinct.length * MAX_POSTING_SHARE));
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const n = features.sentences.length;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > maxPosting) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (features.sentences[a]!.articleIndex === features.sentences[b]!.articleIndex) continue;
        const code = a * n + b;
        if (seen.has(code)) continue;
        seen.add(code);
        pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

/**
 * Sentences dated to different times state different facts ("he came to Russia in April 2019" vs
 * "he is in Russia now"): when both carry dates, one must contain the other (issue 7 §1, "dates
 * aligned").
 */
function datesAligned(a: SentenceFeatures, b: SentenceFeatures): boolean {
  const va = a.times.map((t) => t.value).filter(Boolean);
  const vb = b.times.map((t) => t.value).filter(Boolean);
  if (va.length === 0 || vb.length === 0) return true;
  return va.some((x) => vb.some((y) => x.startsWith(y) || y.startsWith(x)));
}

/** Groups a story's standalone sentences into claims (most corroborated first). */
export function groupClaims(features: StoryFeatures): SentenceGroup[] {
  const parent = features.sentences.map((_, i) => i);
  const articlesOf = new Map<number, Set<number>>(features.sentences.map((s) => [s.id, new Set([s.articleIndex])]));
  // Step 0: identical sentences.
  const firstByText = new Map<string, number>();
  const distinct: SentenceFeatures[] = [];
  for (const s of features.sentences) {
    if (!s.standalone) continue;
    const key = normalisedText(s);
    const first = firstByText.get(key);
    if (first === undefined) {
      firstByText.set(key, s.id);
      distinct.push(s);
      continue;
    }
    parent[s.id] = first;
    articlesOf.get(first)!.add(s.articleIndex);
    articlesOf.delete(s.id);
  }
  const scored = candidatePairs(features, distinct)
    .map(([a, b]) => ({ a, b, sim: similarity(features.sentences[a]!, features.sentences[b]!, features.idf) }))
    .filter((p) => p.sim >= CLAIM_SIMILARITY && datesAligned(features.sentences[p.a]!, features.sentences[p.b]!))
    .sort((x, y) => y.sim - x.sim || x.a - y.a || x.b - y.b);
  for (const { a, b } of scored) {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra === rb) continue;
    const sa = articlesOf.get(ra)!;
    const sb = articlesOf.get(rb)!;
    if ([...sb].some((x) => sa.has(x))) continue;
    parent[rb] = ra;
    for (const x of sb) sa.add(x);
    articlesOf.delete(rb);
  }
  const groups = new Map<number, SentenceFeatures[]>();
  for (const s of features.sentences) {
    if (!s.standalone) continue;
    const root = find(parent, s.id);
    const list = groups.get(root);
    if (list) list.push(s);
    else groups.set(root, [s]);
  }
  return [...groups.values()]
    .map((members) => ({ members }))
    .sort((x, y) => y.members.length - x.members.length || x.members[0]!.id - y.members[0]!.id);
}
