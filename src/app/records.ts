/**
 * The JSON shape of every record Kronika prints or serves, defined once as zod schemas: the CLI's
 * `--json` output and the HTTP API build records with the functions here, the OpenAPI document
 * (src/api/openapi.ts) is generated from the same schemas, and docs/SCHEMA.md describes them.
 * Other tools read these shapes: add fields, never rename or remove one. Absent values are null
 * (not missing), so every field is always there.
 */
import { z } from 'zod';
import type { ArticleAnalysis } from '../analysis/index.ts';
import type { Entity } from '../analysis/entities/index.ts';
import type { Store } from '../store/store.ts';
import type { Story } from '../stories/story.ts';
import type { Article } from '../types.ts';
import { CLAIM_STATUSES, CONFLICT_KINDS, EPISTEMIC_STATUSES } from '../synthesis/types.ts';

/**
 * Named records live in zod's global registry (with an `id`), where `.describe()` keeps field
 * descriptions too: the OpenAPI generator (src/api/openapi.ts) turns each into a component.
 */
export const RECORDS = z.globalRegistry;

function record<T extends z.ZodType>(id: string, description: string, schema: T): T {
  return schema.meta({ id, description }) as T;
}

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
const Offset = z.number().int().min(0);
const Span = { start: Offset, end: Offset };

export const Language = z.enum(['pl', 'en', 'und']);
export const EntityType = z.enum(['PER', 'ORG', 'LOC', 'EVT', 'PRO']);

export const Published = record('Published', 'A publication date with honest precision: 2023-09 is month precision; minute precision is UTC.', z.object({
  value: z.string(),
  precision: z.enum(['year', 'month', 'day', 'minute']),
}));

export const RemovedBlock = record('RemovedBlock', 'Boilerplate taken out of an article.', z.object({
  kind: z.string(),
  text: z.string(),
}));

const articleFields = {
  id: z.string().describe('16 hex characters: a hash of the normalised clean text'),
  seq: z.number().int().describe('place in the store\'s ingest order'),
  origin: z.string().describe('file path, URL, feed-url#guid, - (stdin) or file.jsonl:line'),
  url: nullable(z.string()),
  title: nullable(z.string()),
  published: nullable(Published),
  language: Language,
  outlet: nullable(z.string()),
  duplicateOf: nullable(z.string()).describe('the earlier article this one nearly duplicates (a syndicated copy)'),
  revisionOf: nullable(z.string()).describe('the earlier article at the same URL this one is a changed version of'),
  sourceId: nullable(z.string()).describe('the subscribed source it came from'),
  ingestedAt: z.string(),
};

export const ArticleRecord = record('Article', 'An article with its clean text and the boilerplate removed from it.', z.object({
  ...articleFields,
  format: z.enum(['text', 'html', 'feed', 'jsonl']),
  author: nullable(z.string()),
  text: z.string().describe('clean text, paragraphs separated by one blank line; every offset indexes it'),
  removed: z.array(RemovedBlock),
}));
export type ArticleRecord = z.infer<typeof ArticleRecord>;

export const ArticleSummary = record('ArticleSummary', 'A listing row: metadata and the opening words, not the whole text.', z.object({
  ...articleFields,
  excerpt: z.string(),
}));
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleRef = record('ArticleRef', 'An article as a story lists it.', z.object({
  id: z.string(),
  origin: nullable(z.string()),
  title: nullable(z.string()),
  published: nullable(Published),
}));

export const Correction = record('Correction', 'A changed article at a known URL (or feed item), stored as a new article that corrects the earlier one.', z.object({
  articleId: z.string().describe('the corrected version'),
  revisionOf: z.string().describe('the article it corrects'),
  at: z.string().describe('when the correction was stored (ISO time)'),
}));

export const StoryRecord = record('Story', 'An event (one happening) or a storyline (one long-running subject).', z.object({
  id: z.string(),
  level: z.enum(['event', 'storyline']),
  title: nullable(z.string()),
  firstSeen: nullable(z.string()),
  lastSeen: nullable(z.string()),
  articleCount: z.number().int(),
  independentSources: z.number().int().describe('articles that are not near-duplicates or syndicated copies of another member; not the report\'s counts.independentSources (independent origins)'),
  languages: z.array(z.string()),
  outlets: z.array(z.string()),
  topEntities: z.array(z.object({ id: z.string(), name: nullable(z.string()), weight: z.number() })),
  topTerms: z.array(z.string()),
  mergedFrom: z.array(z.string()).describe('ids of stories merged into this one; they still resolve to it'),
  articleIds: z.array(z.string()),
  articles: z.array(ArticleRef),
  corrections: z.array(Correction).describe('articles of the story that correct an earlier one, in the order they joined it'),
}));
export type StoryRecord = z.infer<typeof StoryRecord>;

export const EntityRecord = record('Entity', 'An entity grouped across articles.', z.object({
  id: z.string().describe('language-neutral key, the same across articles and languages'),
  type: EntityType,
  base: z.string().describe('canonical name: the fullest base form seen'),
  variants: z.array(z.string()),
  mentions: z.number().int(),
  articles: z.array(z.string()),
}));
export type EntityRecord = z.infer<typeof EntityRecord>;

const Mention = z.looseObject({ ...Span, text: z.string(), base: z.string(), type: EntityType, key: z.string(), sentence: z.number().int() });
const Cue = z.looseObject({ ...Span, text: z.string() });
const Quote = z.looseObject({
  ...Span, text: z.string(), kind: z.string(), cue: Cue.optional(),
  speaker: z.looseObject({ name: z.string(), key: z.string().optional(), description: z.string().optional() }).optional(),
  sentence: z.number().int(),
});
const Time = z.looseObject({ ...Span, text: z.string(), value: z.string(), granularity: z.string(), note: z.string().optional(), sentence: z.number().int() });
const Event = z.looseObject({ ...Span, value: z.string(), granularity: z.string(), sentence: z.number().int(), text: z.string(), time: z.string() });
const Status = z.looseObject({
  sentence: z.number().int(),
  status: z.enum(EPISTEMIC_STATUSES),
  cues: z.array(z.looseObject({ ...Span, text: z.string(), kind: z.string() })),
});

export const AnalysisRecord = record('Analysis', 'Offsets into Article.text: sentences, statuses, mentions, quotes, times and timeline events.', z.object({
  sentences: z.array(z.object({ index: z.number().int(), paragraph: z.number().int(), ...Span })),
  statuses: z.array(Status),
  mentions: z.array(Mention),
  quotes: z.array(Quote),
  times: z.array(Time),
  events: z.array(Event),
}));
export type AnalysisRecord = z.infer<typeof AnalysisRecord>;

const lineOf = { article: z.string(), origin: z.string() };
export const MentionLine = record('MentionLine', '`kronika mentions --json`: one entity mention.', z.object({
  ...lineOf, text: z.string(), ...Span, base: z.string(), type: EntityType, entity: z.string(), sentence: z.number().int(),
}));
export const QuoteLine = record('QuoteLine', '`kronika quotes --json`: one quote.', z.object({
  ...lineOf, ...Span, text: z.string(), kind: z.string(), speaker: nullable(z.string()), speakerEntity: nullable(z.string()),
  cue: nullable(z.string()), sentence: z.number().int(),
}));
export const TimeLine = record('TimeLine', '`kronika timeline --json`: one time expression, sorted by value.', z.object({
  ...lineOf, ...Span, text: z.string(), value: z.string(), granularity: z.string(), note: nullable(z.string()),
  sentence: z.number().int(), sentenceText: z.string(),
}));
export const SentenceLine = record('SentenceLine', '`kronika sentences --json`: one sentence and its epistemic status.', z.object({
  ...lineOf, index: z.number().int(), ...Span, text: z.string(), status: z.enum(EPISTEMIC_STATUSES),
  cues: z.array(z.looseObject({ ...Span, text: z.string(), kind: z.string() })),
}));

export const SearchHitRecord = record('SearchHit', 'One matching article, represented by its best-matching sentence.', z.object({
  articleId: z.string(), origin: z.string(), title: z.string().optional(), outlet: z.string().optional(),
  language: Language, published: z.string().optional(),
  score: z.number().describe('bm25 of the best sentence; higher is better'),
  matches: z.number().int().describe('sentences of the article that match'),
  sentence: z.object({ index: z.number().int(), ...Span, text: z.string() }),
  highlights: z.array(z.object(Span)).describe('offsets into sentence.text'),
}));

export const WatchRecord = record('Watch', 'A saved search with its delivery state.', z.object({
  id: z.string(), query: z.string(), language: Language.optional(), source: z.string().optional(), webhook: z.string().optional(),
  createdAt: z.string(), failures: z.number().int(), lastError: z.string().optional(), lastFired: z.string().optional(),
  pending: z.number().int(),
}));

export const StatsRecord = record('Stats', 'Counts by language and outlet, and the range of publication dates.', z.object({
  articles: z.number().int(), duplicates: z.number().int(),
  byLanguage: z.record(z.string(), z.number().int()), bySource: z.record(z.string(), z.number().int()),
  firstPublished: z.string().optional(), lastPublished: z.string().optional(),
}));

const Citation = z.object({ article: z.string(), ...Span });
const Claim = z.looseObject({
  id: z.string(), text: z.string(), status: z.enum(CLAIM_STATUSES),
  sentences: z.array(z.looseObject({ ...Citation.shape, text: z.string(), epistemic: z.enum(EPISTEMIC_STATUSES), status: z.enum(CLAIM_STATUSES) })),
  articles: z.array(z.string()), independentSources: z.number().int(), corroborated: z.boolean(), standsAlone: z.boolean(),
});
export const StoryReportRecord = record('StoryReport', 'A story report: cited summary, claims, conflicts, speculation and confirmations, timeline, quotes, entities, sources (docs/SCHEMA.md).', z.looseObject({
  id: z.string(), title: z.string(), generatedAt: z.string().optional(),
  summary: z.array(z.looseObject({ text: z.string(), citations: z.array(Citation), hedged: z.boolean(), status: z.enum(CLAIM_STATUSES) })),
  claims: z.array(Claim),
  conflicts: z.array(z.looseObject({
    slot: z.string(), subject: z.string(), kind: z.enum(CONFLICT_KINDS),
    values: z.array(z.looseObject({ value: z.string(), citations: z.array(Citation), state: z.enum(['superseded', 'current']).optional() })),
  })),
  speculation: z.array(Claim),
  confirmed: z.array(Claim),
  timeline: z.array(z.looseObject({ value: z.string(), granularity: z.string(), text: z.string(), citations: z.array(Citation) })),
  quotes: z.array(z.looseObject({ speaker: z.string().optional(), speakerKey: z.string().optional(), text: z.string(), kind: z.string(), citation: Citation, alsoIn: z.array(Citation).optional() })),
  entities: z.array(z.looseObject({ key: z.string(), name: z.string(), type: z.string(), mentions: z.number().int(), articles: z.number().int() })),
  sources: z.array(z.looseObject({ article: z.string(), origin: z.string(), language: z.string(), independentOrigin: z.string(), independent: z.boolean() })),
  counts: z.object({ articles: z.number().int(), independentSources: z.number().int(), languages: z.array(z.string()) }),
}));

// ─── Builders ────────────────────────────────────────────────────────────────────────────────

/** Characters of text in a listing row: about two lines of a list view. */
const EXCERPT_CHARS = 200;

function articleHead(article: Article) {
  return {
    id: article.id,
    seq: article.seq ?? 0,
    origin: article.origin,
    url: article.url ?? null,
    title: article.title ?? null,
    published: article.published ?? null,
    language: article.language,
    outlet: article.outlet ?? null,
    duplicateOf: article.duplicateOf ?? null,
    revisionOf: article.revisionOf ?? null,
    sourceId: article.sourceId ?? null,
    ingestedAt: article.ingestedAt,
  };
}

export function articleRecord(article: Article): ArticleRecord {
  return { ...articleHead(article), format: article.format, author: article.author ?? null, text: article.text, removed: [...article.removed] };
}

export function articleSummary(article: Article): ArticleSummary {
  const flat = article.text.slice(0, EXCERPT_CHARS * 2).replace(/\s+/g, ' ').trim();
  return { ...articleHead(article), excerpt: flat.length > EXCERPT_CHARS ? flat.slice(0, EXCERPT_CHARS - 1) + '…' : flat };
}

/** A story with its articles (those no longer stored are listed by id alone). */
export function storyRecord(story: Story, articles: readonly Article[]): StoryRecord {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return {
    id: story.id,
    level: story.level,
    title: story.title ?? null,
    firstSeen: story.firstSeen ?? null,
    lastSeen: story.lastSeen ?? null,
    articleCount: story.articles,
    independentSources: story.independentSources,
    languages: [...story.languages],
    outlets: [...story.outlets],
    topEntities: story.topEntities.map((e) => ({ id: e.key, name: e.name ?? null, weight: e.weight })),
    topTerms: [...story.topTerms],
    mergedFrom: [...story.mergedFrom],
    articleIds: [...story.articleIds],
    articles: story.articleIds.map((id) => {
      const a = byId.get(id);
      return { id, origin: a?.origin ?? null, title: a?.title ?? null, published: a?.published ?? null };
    }),
    corrections: story.articleIds.flatMap((id) => {
      const a = byId.get(id);
      return a?.revisionOf ? [{ articleId: id, revisionOf: a.revisionOf, at: a.ingestedAt }] : [];
    }),
  };
}

export function entityRecord(entity: Entity): EntityRecord {
  return { id: entity.key, type: entity.type, base: entity.name, variants: [...entity.variants], mentions: entity.mentions, articles: [...entity.articles] };
}

/** An article's analysis: everything but tokens, which a client can re-derive. */
export function analysisRecord(analysis: ArticleAnalysis): AnalysisRecord {
  return {
    sentences: analysis.sentences.map((s) => ({ index: s.index, paragraph: s.paragraph, start: s.start, end: s.end })),
    // The analysis records are the JSON shape as they are (the schemas list their documented fields).
    statuses: analysis.statuses as unknown as AnalysisRecord['statuses'],
    mentions: analysis.mentions as unknown as AnalysisRecord['mentions'],
    quotes: analysis.quotes as unknown as AnalysisRecord['quotes'],
    times: analysis.times as unknown as AnalysisRecord['times'],
    events: analysis.events as unknown as AnalysisRecord['events'],
  };
}

const line = (a: ArticleAnalysis) => ({ article: a.article.id, origin: a.article.origin });

export function mentionLines(a: ArticleAnalysis): z.infer<typeof MentionLine>[] {
  return a.mentions.map((m) => ({ ...line(a), text: m.text, start: m.start, end: m.end, base: m.base, type: m.type, entity: m.key, sentence: m.sentence }));
}

export function quoteLines(a: ArticleAnalysis): z.infer<typeof QuoteLine>[] {
  return a.quotes.map((q) => ({
    ...line(a), start: q.start, end: q.end, text: q.text, kind: q.kind,
    speaker: q.speaker?.name ?? q.speaker?.description ?? null, speakerEntity: q.speaker?.key ?? null,
    cue: q.cue?.text ?? null, sentence: q.sentence,
  }));
}

export function timeLines(a: ArticleAnalysis): z.infer<typeof TimeLine>[] {
  return a.times.map((t) => ({
    ...line(a), start: t.start, end: t.end, text: t.text, value: t.value, granularity: t.granularity,
    note: t.note ?? null, sentence: t.sentence, sentenceText: a.sentences[t.sentence]?.text ?? '',
  }));
}

export function sentenceLines(a: ArticleAnalysis): z.infer<typeof SentenceLine>[] {
  const statusOf = new Map(a.statuses.map((s) => [s.sentence, s]));
  return a.sentences.map((s) => ({
    ...line(a), index: s.index, start: s.start, end: s.end, text: s.text,
    status: statusOf.get(s.index)?.status ?? 'asserted',
    cues: (statusOf.get(s.index)?.cues ?? []) as unknown as z.infer<typeof SentenceLine>['cues'],
  }));
}

/** A line for listings: the title, or the opening words when the source had none. */
export function headline(article: Article): string {
  return article.title ?? article.text.slice(0, 160);
}

/** Stories as records, each with its articles' ids, origins, titles and dates. */
export async function storyRecords(store: Store, stories: readonly Story[]): Promise<StoryRecord[]> {
  const articles = await store.articles.getMany([...new Set(stories.flatMap((s) => s.articleIds))]);
  return stories.map((s) => storyRecord(s, articles));
}
