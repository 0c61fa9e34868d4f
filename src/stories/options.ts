/**
 * Tunables of story clustering, one preset per level. Values marked "calibrated" were chosen on the
 * stories eval (BSNLP pl dev, 885 articles + seeds + off-topic; B-cubed F1 per level) on 2026-11-23;
 * tune threshold, termWeight and timeScaleDays together: they trade off against each other.
 */
export type StoryLevel = 'event' | 'storyline';

export interface ClusterOptions {
  readonly level: StoryLevel;
  /** Minimum similarity for an article to join a story (calibrated). */
  readonly threshold: number;
  /** Minimum centroid similarity for two stories to merge (calibrated; above `threshold`). */
  readonly mergeThreshold: number;
  /** Share of lemma TF-IDF cosine in the similarity; the rest is entity-key cosine. */
  readonly termWeight: number;
  readonly entityWeight: number;
  /** Entity share when article and story share no language: lemmas cannot match across languages. */
  readonly crossEntityWeight: number;
  /** Time kernel exp(-gapDays / timeScaleDays) (calibrated). */
  readonly timeScaleDays: number;
  /** Stories farther than this from the article are not candidates at all. */
  readonly windowDays: number;
  /** Distinctive article terms / entities looked up in the index. */
  readonly queryTerms: number;
  readonly queryEntities: number;
  /** Story centroid terms / entities kept in the index. */
  readonly indexTerms: number;
  readonly indexEntities: number;
  /**
   * Article terms (top TF-IDF) used in similarity. 60 kept event B-cubed F1 within 0.01 of using
   * all terms on the stories eval and cut clustering time about 3× on the bench (2026-11-23).
   */
  readonly articleTerms: number;
  /** Centroid size bound (memory per story). */
  readonly centroidTerms: number;
  readonly centroidEntities: number;
  /** Stories per index key, most recently touched kept: bounds lookup cost as the store grows. */
  readonly postingCap: number;
  /** Candidates scored per article, best index overlap first. */
  readonly maxCandidates: number;
  /**
   * Also merge with stories whose centroids match the grown story (found through the index), not
   * only with those the new article matched: long storylines grow from many small starts.
   */
  readonly mergeByCentroid: boolean;
  /**
   * Consolidation also attaches a story of at most `attachMaxSize` articles to the larger story it
   * matches at ≥ `attachFloor` and ≥ `attachDominance` × the runner-up (0 disables; calibrated).
   */
  readonly attachFloor: number;
  readonly attachDominance: number;
  readonly attachMaxSize: number;
  /** Largest stories scored as attach targets besides index hits (bounds consolidation cost). */
  readonly attachTargets: number;
  /** Score every live story instead of index candidates: the brute-force baseline of the bench. */
  readonly exhaustive: boolean;
  /** Titled members kept per story to pick the most central headline. */
  readonly representatives: number;
}

const SHARED = {
  crossEntityWeight: 0.85,
  queryTerms: 12,
  queryEntities: 8,
  indexTerms: 20,
  indexEntities: 10,
  articleTerms: 60,
  centroidTerms: 120,
  centroidEntities: 40,
  postingCap: 64,
  // 16 vs 40: same B-cubed F1 on the stories eval (±0.01) and 2.5× fewer cosines per article (2026-11-23).
  maxCandidates: 16,
  representatives: 12,
  mergeByCentroid: false,
  attachFloor: 0,
  attachDominance: 3,
  attachMaxSize: 5,
  attachTargets: 64,
  exhaustive: false,
} as const;

/** Events: one happening, days apart at most. */
export const EVENT_PRESET: ClusterOptions = Object.freeze({
  ...SHARED,
  level: 'event',
  // Event B-cubed F1 on the hand labels (batch): 0.35 → 0.73, 0.30 → 0.74, 0.25 → 0.80, 0.20 → 0.80;
  // with timeScaleDays 1.5 instead of 3: 0.81 at precision 0.78; topic purity stays ≥ 0.998.
  threshold: 0.2,
  mergeThreshold: 0.45,
  termWeight: 0.6,
  entityWeight: 0.4,
  timeScaleDays: 1.5,
  windowDays: 10,
});

/** Storylines: one long-running subject over weeks; entity-heavy, wide window. */
export const STORYLINE_PRESET: ClusterOptions = Object.freeze({
  ...SHARED,
  level: 'storyline',
  threshold: 0.08,
  // 0.15: storyline B-cubed F1 0.84 at P 0.98 (0.20: 0.80; 0.10: 0.78 at P 0.75), with real layers.
  mergeThreshold: 0.15,
  mergeByCentroid: true,
  // Wider centroids than events: a storyline spans many sub-events (400/150 raised F1 0.73 → 0.80).
  centroidTerms: 400,
  centroidEntities: 150,
  termWeight: 0.4,
  entityWeight: 0.6,
  // Storyline B-cubed F1 (stream/batch) with the attach pass: timeScaleDays 60 → 0.86/0.86 (without
  // attach), 120 → 0.94/0.94, 180 → 0.96/0.95, 240 → 0.95/0.95; 180+ lets an off-topic North Korea
  // article (4 months before the seeds) into the Kim–Putin storyline, so 120 (2026-11-23).
  timeScaleDays: 120,
  windowDays: 365,
  postingCap: 32,
  // Attach pass, same eval (at timeScaleDays 240): dominance 3 → F1 0.92/0.90, 2 → 0.94/0.92,
  // 1.5 → 0.96/0.95 with precision unchanged (no false attach); floor 0.03 no better than 0.05;
  // attachMaxSize 10 no better than 5, so the smaller, safer one.
  attachFloor: 0.05,
  attachDominance: 1.5,
  attachMaxSize: 5,
});

export function presetFor(options: Partial<ClusterOptions> & { level?: StoryLevel }): ClusterOptions {
  const base = options.level === 'storyline' ? STORYLINE_PRESET : EVENT_PRESET;
  return Object.freeze({ ...base, ...options });
}
