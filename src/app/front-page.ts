/**
 * The story home and the growth order, in the spirit of Google News' Full Coverage: the events
 * many independent outlets cover, recently active or growing now, first; single-article events
 * folded away and counted. Read through the store contract with bounded queries (a few hundred
 * stories and the last ingested articles at most), so the page stays fast on a big store.
 *
 * Growth: how many articles joined a story in the last day of ingest (the day before the newest
 * stored article arrived, not before the wall clock: a store filled long ago still shows what
 * came last). The store contract lists stories by recency or size only, so growth is counted
 * here from the newest articles and the story each belongs to.
 */
import type { Story } from '../stories/story.ts';
import type { Store, StoryLevel } from '../store/store.ts';
import { firstSentence } from '../text/headline.ts';
import type { Article } from '../types.ts';

const DAY_MS = 86_400_000;
/** Newest articles looked at for growth: a busy day of a large monitor. */
export const GROWTH_SCAN = 1000;
/** Stories of each order (size, recency) considered for the home ranking. */
const CANDIDATES = 300;
/** Activity this many days before the newest story counts half (the home's recency half-life). */
const RECENCY_DAYS = 7;

export interface StoryGrowth {
  /** Articles joined per story id since `since`. */
  readonly counts: ReadonlyMap<string, number>;
  /** The stories that grew, by id. */
  readonly stories: ReadonlyMap<string, Story>;
  /** ISO time the window starts; undefined for an empty store. */
  readonly since?: string;
  /** More articles arrived in the window than were looked at (counts are lower bounds). */
  readonly capped: boolean;
}

/**
 * Articles that joined each story in the day before the newest ingest.
 * @example (await storyGrowth(store)).counts.get(story.id) // → 3
 */
export async function storyGrowth(store: Store, level: StoryLevel = 'event', windowMs = DAY_MS, scan = GROWTH_SCAN): Promise<StoryGrowth> {
  const last = await store.articles.lastSeq();
  const newest = await store.articles.after(Math.max(0, last - scan), scan);
  if (!newest.length) return { counts: new Map(), stories: new Map(), capped: false };
  const latest = Math.max(...newest.map((a) => Date.parse(a.ingestedAt)));
  const since = new Date(latest - windowMs).toISOString();
  const recent = newest.filter((a) => a.ingestedAt >= since);
  // One query: the stories holding any recent article (at most one story per article).
  const recentIds = new Set(recent.map((a) => a.id));
  const { stories } = await store.stories.list({ level, articleIds: [...recentIds], limit: recentIds.size });
  const counts = new Map<string, number>();
  for (const story of stories) {
    const joined = story.articleIds.filter((id) => recentIds.has(id)).length;
    if (joined) counts.set(story.id, joined);
  }
  const grown = new Map(stories.filter((s) => counts.has(s.id)).map((s) => [s.id, s]));
  return { counts, stories: grown, since, capped: newest.length === scan && recent.length === newest.length };
}

export interface StoryPageQuery {
  readonly level?: StoryLevel;
  readonly language?: 'pl' | 'en' | 'und';
  readonly entityKeys?: readonly string[];
  readonly limit: number;
  readonly offset: number;
}

/**
 * Stories that grew most in the growth window first, then the rest by recent activity; paged.
 * @example await storiesByGrowth(store, { limit: 30, offset: 0 })
 */
export async function storiesByGrowth(store: Store, query: StoryPageQuery, growth?: StoryGrowth): Promise<{ total: number; stories: Story[]; growth: StoryGrowth }> {
  const grew = growth ?? await storyGrowth(store, query.level);
  const filter = { level: query.level, ...(query.language && { language: query.language }), ...(query.entityKeys && { entityKeys: query.entityKeys }) };
  const grown: Story[] = [];
  for (const story of grew.stories.values()) {
    if ((!query.language || story.languages.includes(query.language)) &&
      (!query.entityKeys || story.topEntities.some((e) => query.entityKeys!.includes(e.key)))) grown.push(story);
  }
  grown.sort((a, b) => (grew.counts.get(b.id) ?? 0) - (grew.counts.get(a.id) ?? 0) || (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') || a.id.localeCompare(b.id));
  const end = query.offset + query.limit;
  const page = grown.slice(query.offset, end);
  const grownIds = new Set(grown.map((s) => s.id));
  // The rest in recency order: read as far as this page reaches, skipping the grown ones.
  const rest = await store.stories.list({ ...filter, sort: 'recent', limit: end + grown.length });
  if (page.length < query.limit) {
    const others = rest.stories.filter((s) => !grownIds.has(s.id));
    page.push(...others.slice(Math.max(0, query.offset - grown.length), end - grown.length));
  }
  return { total: rest.total, stories: page, growth: grew };
}

/** Where the multi-article events end in the size order: how many events have at least two articles. */
async function multiArticleEvents(store: Store, total: number): Promise<number> {
  let low = 0;
  let high = total;
  // Binary search over the size order: the first event with a single article.
  while (low < high) {
    const mid = (low + high) >> 1;
    const { stories: [story] } = await store.stories.list({ level: 'event', sort: 'articles', limit: 1, offset: mid });
    if (story && story.articles >= 2) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface RankedStory {
  readonly story: Story;
  /** Articles joined in the growth window. */
  readonly growth: number;
  /** The first sentence of its lead article, when it says more than the title. */
  readonly lead?: string;
}

export interface FrontPage {
  readonly stories: readonly RankedStory[];
  /** Multi-article events ranked (the pages' total). */
  readonly ranked: number;
  /** Events of a single article, folded away. */
  readonly singles: number;
  readonly growthSince?: string;
}

/**
 * Rank: coverage (independent outlets and sources, logarithmic: the tenth outlet adds less than
 * the second) weighted by recency against the newest story, plus growth in the last day.
 */
function score(story: Story, growth: number, newest: number): number {
  const coverage = Math.log2(1 + story.independentSources) + 0.5 * Math.log2(1 + story.outlets.length);
  const last = story.lastSeen ? Date.parse(story.lastSeen) : NaN;
  const ageDays = Number.isNaN(last) ? 4 * RECENCY_DAYS : Math.max(0, (newest - last) / DAY_MS);
  return coverage / (1 + ageDays / RECENCY_DAYS) + Math.log2(1 + growth);
}

/**
 * A story's lead: the opening sentence of the member whose headline the story's title is (the
 * title may be its first sentence only: "Pomógł w uwolnieniu…" of "Pomógł w uwolnieniu…. Uciekł…"),
 * else of the first titled member, else of the first; none when it repeats the title. Under the
 * title, another article's opening ("Jej los wstrząsnął…") reads as a sentence about nothing.
 * @example storyLead('Sąd uniewinnił Asię Bibi', members) // → the opening sentence of the member so headlined
 */
export function storyLead(title: string | undefined, members: readonly Pick<Article, 'title' | 'text' | 'language'>[]): string | undefined {
  const headed = title ? members.find((a) => a.title && (a.title === title || a.title.startsWith(title))) : undefined;
  const lead = headed ?? members.find((a) => a.title) ?? members[0];
  if (!lead) return undefined;
  const sentence = firstSentence(lead.text, lead.language, 280);
  return sentence && sentence !== title && !(title && sentence.startsWith(title)) ? sentence : undefined;
}

/** Leads of the stories, from their first members (storyLead). */
async function leads(store: Store, stories: readonly Story[]): Promise<Map<string, string>> {
  const firstMembers = stories.map((s) => s.articleIds.slice(0, 3));
  const articles = new Map((await store.articles.getMany([...new Set(firstMembers.flat())])).map((a) => [a.id, a]));
  const out = new Map<string, string>();
  stories.forEach((story, i) => {
    const lead = storyLead(story.title, firstMembers[i]!.map((id) => articles.get(id)).filter((a) => a !== undefined));
    if (lead) out.set(story.id, lead);
  });
  return out;
}

/**
 * One page of the story home.
 * @example const { stories, singles } = await frontPage(store, { limit: 20, offset: 0 })
 */
export async function frontPage(store: Store, paging: { limit: number; offset: number }): Promise<FrontPage> {
  const [bySize, byRecency, growth] = await Promise.all([
    store.stories.list({ level: 'event', sort: 'articles', limit: CANDIDATES }),
    store.stories.list({ level: 'event', sort: 'recent', limit: CANDIDATES }),
    storyGrowth(store),
  ]);
  const candidates = new Map<string, Story>();
  for (const s of [...bySize.stories, ...byRecency.stories]) if (s.articles >= 2) candidates.set(s.id, s);
  for (const s of growth.stories.values()) if (s.articles >= 2 && !candidates.has(s.id)) candidates.set(s.id, s);
  const dates = [...candidates.values()].map((s) => (s.lastSeen ? Date.parse(s.lastSeen) : NaN)).filter((t) => !Number.isNaN(t));
  const newest = dates.length ? Math.max(...dates) : 0;
  const ranked = [...candidates.values()]
    .map((story) => ({ story, growth: growth.counts.get(story.id) ?? 0 }))
    .map((r) => ({ ...r, score: score(r.story, r.growth, newest) }))
    .sort((a, b) => b.score - a.score || b.story.articles - a.story.articles || a.story.id.localeCompare(b.story.id));
  const page = ranked.slice(paging.offset, paging.offset + paging.limit);
  const leadOf = await leads(store, page.map((r) => r.story));
  const multi = await multiArticleEvents(store, bySize.total);
  return {
    stories: page.map(({ story, growth: g }) => ({ story, growth: g, ...(leadOf.has(story.id) && { lead: leadOf.get(story.id)! }) })),
    ranked: ranked.length,
    singles: bySize.total - multi,
    ...(growth.since && { growthSince: growth.since }),
  };
}
