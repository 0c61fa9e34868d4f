/**
 * Stories stage (issue 6): Article stream → events and storylines. Public entry points; see
 * cluster.ts for the algorithm, engine.ts for the two levels, rows.ts for the state as rows
 * (the SQLite tables, writer and readers are src/store/sqlite/story-*.ts).
 */
export { extractFeatures, type ArticleFeatures, type FeatureMention, type FeatureSentence, type FeatureOptions } from './features.ts';
export {
  clusterBatch,
  createClusterer,
  restoreClusterer,
  sortForBatch,
  type Clusterer,
  type ClustererState,
  type StoryAssignment,
} from './cluster.ts';
export { createStoryEngine, openStoryEngine, restoreStoryEngine, type EngineAssignment, type PersistentStoryEngine, type StoryEngine, type StoryInput, type StoryEngineState, type Storyline } from './engine.ts';
export { EVENT_PRESET, STORYLINE_PRESET, type ClusterOptions, type StoryLevel } from './options.ts';
export { MemoryBackend } from './memory-backend.ts';
export type { StoryBackend, StoryDelta } from './rows.ts';
export type { NamedMention } from './entity-names.ts';
export type { Story, StoryRecord } from './story.ts';
