/**
 * Keeps the stored story engine in step with the stored articles, and answers story questions
 * for the CLI and the API. This is an edge: it reads articles from the store, runs the pure
 * stages (text → entities → features → clustering) and writes the engine state back under the
 * store's write lock, so two ingesting processes never lose each other's assignments.
 */
import { findMentions, type Mention } from '../analysis/entities/index.ts';
import { countNames, withEntityNames, type EntityNameCounts } from './entity-names.ts';
import { analyzeArticle } from '../analysis/index.ts';
import { restoreStoryEngine, createStoryEngine, type StoryEngine, type StoryEngineState } from '../stories/engine.ts';
import { extractFeatures, type ArticleFeatures } from '../stories/features.ts';
import { sortForBatch, type Story, type StoryLevel } from '../stories/cluster.ts';
import { synthesizeStory, type StoryReport, type SynthesisOptions } from '../synthesis/index.ts';
import type { Store } from '../store/legacy.ts';
import type { Article, Published } from '../types.ts';
import { analyzeText } from '../text/index.ts';

const STATE_NAME = 'stories';
/**
 * Version of the saved stories. Raise it whenever features change meaning (entity keys, lemmas):
 * a saved engine compares new articles with centroids built from the old keys, so an older state is
 * rebuilt from the articles instead. 2: acronym and demonym keys (2026-11-23).
 */
const STATE_VERSION = 2;

interface StoredStories {
  readonly version: typeof STATE_VERSION;
  /** Articles the engine has seen; when the store holds more, the rest are caught up. */
  readonly known: number;
  readonly engine: StoryEngineState;
  /** Display names of entity keys (absent in states saved before names were kept). */
  readonly names?: EntityNameCounts;
}

/** The stored engine with what the app keeps beside it. */
export interface LoadedStories {
  readonly engine: StoryEngine;
  /** Articles the engine has seen. */
  readonly known: number;
  readonly names: EntityNameCounts;
}

export interface StoriesSync {
  /** Articles newly assigned in this call. */
  readonly added: number;
  readonly events: number;
  readonly storylines: number;
  /** Set when the saved stories could not be restored and were rebuilt from the articles: why. */
  readonly recovered?: string;
}

/**
 * Clustering features of one article from its real lemmas and resolved entity keys. The title
 * goes in front of the text: headlines name the event most densely (stories eval, BSNLP pl dev).
 */
export function featuresOf(article: Article): ArticleFeatures {
  return signalsOf(article).features;
}

/** Features plus the mentions they were made from (their base forms name the entity keys). */
function signalsOf(article: Article): { features: ArticleFeatures; mentions: Mention[] } {
  const text = article.title ? `${article.title}\n\n${article.text}` : article.text;
  const sentences = analyzeText(text, article.language);
  const mentions = findMentions(text, article.language, sentences);
  return { features: extractFeatures({ ...article, text }, sentences, mentions), mentions };
}

function isStoredStories(value: unknown): value is StoredStories {
  return typeof value === 'object' && value !== null && (value as StoredStories).version === STATE_VERSION;
}

const freshStories = (): LoadedStories => ({ engine: createStoryEngine(), known: 0, names: {} });

/**
 * Saved stories as a live engine; a fresh one (every article to be re-clustered) when nothing is
 * saved, or when what is saved cannot be restored (a state written by another version, or edited):
 * stories are derived from the stored articles, so losing them costs time, never data.
 */
function restoreStories(state: unknown): { loaded: LoadedStories; problem?: string } {
  if (state === undefined) return { loaded: freshStories() };
  if (!isStoredStories(state)) {
    const version = (state as { version?: unknown } | null)?.version;
    const problem = typeof version === 'number' && version < STATE_VERSION
      ? 'the saved stories were made by an older version'
      : 'the saved stories have an unknown format';
    return { loaded: freshStories(), problem };
  }
  try {
    const engine = restoreStoryEngine(state.engine);
    engine.storylines(); // reads every story record of both levels: a broken one throws here, not in a reader
    return { loaded: { engine, known: state.known, names: state.names ?? {} } };
  } catch (error) {
    return { loaded: freshStories(), problem: `the saved stories could not be restored (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * The stored engine, how many articles it has seen and the entity names. Saved stories that cannot
 * be restored are rebuilt from the articles and saved first (catchUp), so a reader never sees an
 * empty engine standing in for a broken one.
 */
export function loadStoryEngine(store: Store): LoadedStories {
  const saved = restoreStories(store.readState(STATE_NAME));
  if (!saved.problem) return saved.loaded;
  catchUp(store);
  return restoreStories(store.readState(STATE_NAME)).loaded;
}

/**
 * Assigns every stored article the engine has not seen yet to an event and a storyline, in
 * ingest order (the stream), and saves the engine.
 * @example syncStories(store) // → { added: 5, events: 1, storylines: 1 }
 */
export function syncStories(store: Store): StoriesSync {
  // Most calls find nothing new (every `story`, `report`, API request): answer from the saved state
  // without restoring and re-saving the engine. Read outside the lock: a writer adding articles
  // meanwhile is caught up by the next call.
  const saved = store.readState(STATE_NAME);
  if (isStoredStories(saved) && saved.known >= store.countArticles() && Array.isArray(saved.engine?.events?.stories)
    && Array.isArray(saved.engine?.storylines?.stories)) {
    return { added: 0, events: saved.engine.events.stories.length, storylines: saved.engine.storylines.stories.length };
  }
  return catchUp(store);
}

/** syncStories under the write lock: restore (or rebuild) the engine, add what is new, save. */
function catchUp(store: Store): StoriesSync {
  let added = 0;
  let summary = { events: 0, storylines: 0 };
  let recovered: string | undefined;
  store.updateState(STATE_NAME, (current): StoredStories => {
    const { loaded, problem } = restoreStories(current);
    recovered = problem;
    const { engine, names } = loaded;
    const total = store.countArticles();
    let known = loaded.known;
    if (known < total) {
      for (const article of store.iterateArticles()) {
        if (engine.eventOf(article.id) !== undefined) continue;
        const { features, mentions } = signalsOf(article);
        engine.add(features);
        countNames(names, mentions);
        added++;
      }
      // Stories that turned out to be one event merge once the batch is in (old ids keep resolving).
      engine.consolidate();
      known = total;
    }
    summary = { events: engine.events().length, storylines: engine.storylines().length };
    return { version: STATE_VERSION, known, engine: engine.serialise(), names };
  });
  return { added, ...summary, ...(recovered ? { recovered: `${recovered}; re-clustered all ${added} articles` } : {}) };
}

/**
 * Re-clusters every stored article from scratch in one batch pass (`kronika stories --rebuild`):
 * the same algorithm over the stream sorted by publication time.
 */
export function rebuildStories(store: Store): StoriesSync {
  const names: EntityNameCounts = {};
  const features = [...store.iterateArticles()].map((article) => {
    const signals = signalsOf(article);
    countNames(names, signals.mentions);
    return signals.features;
  });
  const engine = createStoryEngine();
  for (const f of sortForBatch(features)) engine.add(f);
  engine.consolidate();
  const state: StoredStories = { version: STATE_VERSION, known: features.length, engine: engine.serialise(), names };
  store.updateState(STATE_NAME, () => state);
  return { added: features.length, events: engine.events().length, storylines: engine.storylines().length };
}

/** Stories of one level, newest activity first (undated stories last), entities named when `names` are given. */
export function storiesOf(engine: StoryEngine, level: StoryLevel = 'event', names?: EntityNameCounts): Story[] {
  const stories: Story[] = (level === 'event' ? engine.events() : engine.storylines())
    .map((s) => (names ? withEntityNames(s, names) : s));
  return stories.sort((a, b) =>
    (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') || b.articles - a.articles || a.id.localeCompare(b.id));
}

/** A story by id (also an id merged away, or a unique prefix of at least 4 characters), at either level. */
export function findStoryIn(engine: StoryEngine, id: string, names?: EntityNameCounts): Story | undefined {
  const found = findUnnamed(engine, id);
  return found && names ? withEntityNames(found, names) : found;
}

function findUnnamed(engine: StoryEngine, id: string): Story | undefined {
  for (const clusterer of [engine.eventClusterer, engine.storylineClusterer]) {
    const resolved = clusterer.resolve(id);
    const story = resolved && clusterer.story(resolved);
    if (story) return story;
  }
  if (id.length < 4) return undefined;
  const all = [...engine.events(), ...engine.storylines()].filter((s) => s.id.startsWith(id));
  return all.length === 1 ? all[0] : undefined;
}

export function listStories(store: Store, level: StoryLevel = 'event'): Story[] {
  const { engine, names } = loadStoryEngine(store);
  return storiesOf(engine, level, names);
}

export function findStory(store: Store, id: string): Story | undefined {
  const { engine, names } = loadStoryEngine(store);
  return findStoryIn(engine, id, names);
}

/**
 * The month most of a story's dated articles were published in: the anchor for the relative
 * dates ("pod koniec lipca", "we wtorek") of its undated articles, which would otherwise be
 * resolved against the last year they mention or not at all. Month precision: no invented day.
 */
export function storyMonth(articles: readonly Article[]): Published | undefined {
  const counts = new Map<string, number>();
  for (const a of articles) {
    if (a.published && a.published.precision !== 'year') {
      const month = a.published.value.slice(0, 7);
      counts.set(month, (counts.get(month) ?? 0) + 1);
    }
  }
  const [best] = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  return best && { value: best[0], precision: 'month' };
}

/** A story's stored articles and the date its undated ones resolve relative dates against. */
export function storyArticles(store: Store, story: Story): { articles: Article[]; fallbackDate?: Published } {
  const articles = story.articleIds.map((id) => store.getArticle(id)).filter((a): a is Article => a !== undefined);
  const fallbackDate = storyMonth(articles);
  return fallbackDate ? { articles, fallbackDate } : { articles };
}

/**
 * For undated articles, the date their relative expressions resolve against: the month of the event
 * each belongs to (storyMonth), as in the story report. Loads the stories once, on the first undated
 * article, and each event's month once.
 * @example const anchor = undatedAnchors(store); analyzeArticle(a, { fallbackDate: anchor(a) })
 */
export function undatedAnchors(store: Store): (article: Article) => Published | undefined {
  let engine: StoryEngine | undefined;
  const months = new Map<string, Published | undefined>();
  return (article) => {
    if (article.published) return undefined;
    engine ??= loadStoryEngine(store).engine;
    const eventId = engine.eventOf(article.id);
    const story = eventId === undefined ? undefined : engine.eventClusterer.story(eventId);
    if (!story) return undefined;
    if (!months.has(story.id)) months.set(story.id, storyArticles(store, story).fallbackDate);
    return months.get(story.id);
  };
}

/** The full story report (summary, claims, conflicts, timeline, quotes…) of one story. */
export function storyReport(store: Store, story: Story, options: SynthesisOptions = {}): StoryReport {
  const { articles: stored, fallbackDate } = storyArticles(store, story);
  const articles = stored.map((a) => analyzeArticle(a, { fallbackDate }));
  return synthesizeStory({ id: story.id, ...(story.title && { title: story.title }), articles }, options);
}
