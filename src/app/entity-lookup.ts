/**
 * One entity across the store, found by its key or by any form of its name: "Tusk" finds Donald
 * Tusk, "Putinem" finds Władimir Putin. Nothing here knows any name: the full-text search (which
 * matches lemmas) gathers articles that may mention it, and the stored analyses of those
 * articles say which entity each mention is — their surface forms ("Putinem") and base forms
 * ("Putin") are compared with the words asked for, and bare surnames are linked to the full
 * name the way the entity layer links them (src/analysis/entities/resolve.ts).
 *
 * Bounded for a big store: at most `scan` articles are read, the best matches of the search;
 * the profile says when it was cut there.
 */
import { linkAcrossArticles, type Mention } from '../analysis/entities/index.ts';
import type { Quote } from '../analysis/quotes/index.ts';
import { foldText } from '../search/fold.ts';
import { MAX_SEARCH_LIMIT } from '../search/index.ts';
import { queryLemmas } from '../search/terms.ts';
import type { Story } from '../stories/story.ts';
import type { Store, StoredArticle } from '../store/store.ts';
import type { EntityType } from '../types.ts';
import { fullestName } from '../analysis/entities/index.ts';
import { readAnalyses } from './analyses.ts';

/** Articles read for one entity by default: a few pages of search hits. */
export const ENTITY_SCAN = 300;

/** One article's mentions of the entity. */
export interface EntityArticle {
  readonly article: StoredArticle;
  readonly mentions: number;
}

export interface EntityQuote {
  readonly article: StoredArticle;
  readonly quote: Quote;
}

export interface EntityProfile {
  readonly key: string;
  /** Keys folded into this one: bare-surname keys linked to the full name. */
  readonly aliases: readonly string[];
  readonly name: string;
  readonly type: EntityType;
  /** Base forms seen, most frequent first. */
  readonly variants: readonly string[];
  /** Surface forms seen ("Putina", "Putinem"), most frequent first. */
  readonly forms: readonly string[];
  readonly mentions: number;
  /** Articles mentioning it, newest first (undated last). */
  readonly articles: readonly EntityArticle[];
  /** Quotes it is the speaker of, newest article first. */
  readonly quotes: readonly EntityQuote[];
  /** True when the search had more candidate articles than were read. */
  readonly capped: boolean;
}

const words = (text: string) => foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Each word asked for with its lemma candidates (the search's lemmatizer): "Pieskowa" → pieskowa, pieskow. */
function askedWords(text: string): Set<string>[] {
  return typedWords(text).map((w) => new Set([foldText(w), ...queryLemmas(w).map(foldText)]));
}

/** Words as typed: the lemmatizer knows "Pieskowa" by its capital letter. */
const typedWords = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Whether every word asked for, or one of its lemmas, is a word of one of these forms (surface or base). */
function namesIt(asked: readonly Set<string>[], forms: readonly string[]): boolean {
  const have = new Set(forms.flatMap(words));
  return asked.every((options) => [...options].some((w) => have.has(w)));
}

/** A search query for candidate articles: the words as typed (the search matches their lemmas). */
function searchText(name: string): string {
  return typedWords(name).join(' ');
}

async function candidates(store: Store, query: string, scan: number): Promise<{ articles: StoredArticle[]; capped: boolean }> {
  const ids: string[] = [];
  let capped = false;
  for (let offset = 0; offset < scan; offset += MAX_SEARCH_LIMIT) {
    const limit = Math.min(MAX_SEARCH_LIMIT, scan - offset);
    const hits = await store.search.search(query, { limit: limit + (offset + limit >= scan ? 1 : 0), offset });
    ids.push(...hits.slice(0, limit).map((h) => h.articleId));
    if (hits.length > limit) capped = true;
    if (hits.length < limit) break;
  }
  return { articles: await store.articles.getMany(ids), capped };
}

/** The display name of a key, as the stories list it (undefined when no story has it on top). */
async function nameOfKey(store: Store, key: string): Promise<string | undefined> {
  for (const level of ['event', 'storyline'] as const) {
    const { stories } = await store.stories.list({ level, entityKeys: [key], sort: 'articles', limit: 1 });
    const name = stories[0]?.topEntities.find((e) => e.key === key)?.name;
    if (name) return name;
  }
  return undefined;
}

/** `name` when the articles it finds mention the entity `key` by it. */
async function keyNamed(store: Store, key: string, name: string, scan: number): Promise<string | undefined> {
  const query = searchText(name);
  if (!query) return undefined;
  const { articles } = await candidates(store, query, Math.min(scan, MAX_SEARCH_LIMIT));
  const { analyses } = await readAnalyses(store, articles.slice(0, 20));
  return analyses.some((a) => a.mentions.some((m) => m.key === key)) ? name : undefined;
}

/**
 * The entity with this key, or the one best named by these words, with its mentions, articles
 * and quotes; undefined when no stored article mentions it.
 * `nameHint`: the display name a link carried with a key (a key no story has on top is found by it).
 * @example (await findEntity(store, 'Putinem'))?.name // → 'Władimir Putin'
 */
export async function findEntity(store: Store, keyOrName: string, scan = ENTITY_SCAN, nameHint?: string): Promise<EntityProfile | undefined> {
  // A key names itself through the stories that have it on top, else through the name the link carried.
  const asKey = (await nameOfKey(store, keyOrName)) ?? (nameHint && nameHint !== keyOrName ? await keyNamed(store, keyOrName, nameHint, scan) : undefined);
  const name = asKey ?? keyOrName;
  // A person is often named by surname alone: search for it, and let the keys sort out who is who.
  const query = searchText(asKey ? name.split(' ').pop()! : name);
  if (!query) return undefined;
  const { articles, capped } = await candidates(store, query, scan);
  if (!articles.length) return undefined;
  const { analyses } = await readAnalyses(store, articles.filter((a) => !a.duplicateOf));
  const docs = analyses.map((a) => ({ articleId: a.article.id, mentions: a.mentions }));
  const linked = linkAcrossArticles(docs);

  let key = asKey ? keyOrName : undefined;
  if (!key) {
    // The key whose mentions name it with every word asked for, by surface or base form; most mentions wins.
    const asked = askedWords(keyOrName);
    const votes = new Map<string, number>();
    linked.forEach((doc, d) => doc.mentions.forEach((m, i) => {
      const original = docs[d]!.mentions[i]!;
      if (namesIt(asked, [m.text, m.base, original.base])) votes.set(m.key, (votes.get(m.key) ?? 0) + 1);
    }));
    key = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (!key) return undefined;
  }

  const aliases = new Set<string>();
  const bases = new Map<string, number>();
  const forms = new Map<string, number>();
  const types = new Map<EntityType, number>();
  const perArticle = new Map<string, number>();
  linked.forEach((doc, d) => doc.mentions.forEach((m: Mention, i) => {
    if (m.key !== key) return;
    const original = docs[d]!.mentions[i]!;
    if (original.key !== key) aliases.add(original.key);
    bases.set(m.base, (bases.get(m.base) ?? 0) + 1);
    forms.set(m.text, (forms.get(m.text) ?? 0) + 1);
    types.set(m.type, (types.get(m.type) ?? 0) + 1);
    perArticle.set(doc.articleId, (perArticle.get(doc.articleId) ?? 0) + 1);
  }));
  if (!perArticle.size) return undefined;

  const byId = new Map(analyses.map((a) => [a.article.id, a]));
  const newestFirst = (a: StoredArticle, b: StoredArticle) => (b.published?.value ?? '').localeCompare(a.published?.value ?? '') || b.seq - a.seq;
  const mentioning = [...perArticle].map(([id, mentions]) => ({ article: byId.get(id)!.article as StoredArticle, mentions }))
    .sort((a, b) => newestFirst(a.article, b.article));
  const speakerKeys = new Set([key, ...aliases]);
  const quotes = mentioning.flatMap(({ article }) => byId.get(article.id)!.quotes
    .filter((q) => q.speaker?.key !== undefined && speakerKeys.has(q.speaker.key))
    .map((quote) => ({ article, quote })));
  const ranked = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'pl')).map(([k]) => k);
  return {
    key,
    aliases: [...aliases].sort(),
    name: asKey ?? fullestName(bases),
    type: [...types].sort((a, b) => b[1] - a[1])[0]![0],
    variants: ranked(bases),
    forms: ranked(forms),
    mentions: [...perArticle.values()].reduce((a, b) => a + b, 0),
    articles: mentioning,
    quotes,
    capped,
  };
}

/** Stories a profiled entity appears in: those with it on top, then those of its articles; most of its mentions first. */
export async function storiesOfEntity(store: Store, profile: EntityProfile, limit = 12): Promise<{ story: Story; mentions: number }[]> {
  const mentionsIn = new Map<string, { story: Story; mentions: number }>();
  // The articles naming it most lead to the stories it matters in; bounded reads.
  const top = [...profile.articles].sort((a, b) => b.mentions - a.mentions).slice(0, 60);
  for (const { article, mentions } of top) {
    const story = await store.stories.ofArticle(article.id, 'event').catch(() => undefined);
    if (!story) continue;
    const entry = mentionsIn.get(story.id) ?? { story, mentions: 0 };
    entry.mentions += mentions;
    mentionsIn.set(story.id, entry);
  }
  const { stories } = await store.stories.list({ entityKeys: [profile.key, ...profile.aliases], sort: 'articles', limit });
  for (const story of stories) if (!mentionsIn.has(story.id)) mentionsIn.set(story.id, { story, mentions: 0 });
  return [...mentionsIn.values()]
    .sort((a, b) => b.mentions - a.mentions || b.story.articles - a.story.articles || a.story.id.localeCompare(b.story.id))
    .slice(0, limit);
}

/**
 * Keys to filter stories by for what a reader typed: the key itself, and the entity its words
 * name (`findEntity`), with its linked surname keys.
 * @example await entityKeysFor(store, 'Tusk') // → ['Tusk', 'dnld-tsk', 'tsk']
 */
export async function entityKeysFor(store: Store, keyOrName: string): Promise<string[]> {
  const profile = await findEntity(store, keyOrName, MAX_SEARCH_LIMIT);
  return [...new Set([keyOrName, ...(profile ? [profile.key, ...profile.aliases] : [])])];
}
