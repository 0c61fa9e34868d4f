/**
 * How far the stages lag behind the newest stored article, apart from the stages themselves
 * (src/app/stages.ts) so that a reader can say what waits without loading the analysis, search
 * and story engines the stages run.
 */
import type { StageName, Store } from '../store/store.ts';

/** The stages in stream order: each reads what the one before it finished. */
export const STAGES: readonly StageName[] = ['analyse', 'index', 'cluster', 'alert'];

/** How far each stage lags behind the newest article: 0 everywhere when the stream is caught up. */
export async function stageLag(store: Store): Promise<Record<StageName, number>> {
  const [last, cursors] = await Promise.all([store.articles.lastSeq(), store.cursors.all()]);
  return Object.fromEntries(STAGES.map((s) => [s, Math.max(0, last - (cursors[s] ?? 0))])) as Record<StageName, number>;
}
