/**
 * What the store keeps beside an article's stored analysis so that store-wide listings are
 * queries, not a decode of every analysis (docs/SCHEMA.md, analysis_entities and
 * analysis_times; docs/BENCHMARKS.md, "What a user waits for"):
 * - its entity mentions, one form per distinct (key, type, base, guessed, text) with a count,
 *   in the order each form first occurs: everything groupEntities reads (entities/index.ts).
 *   Grouping stays a pass over the whole collection, because a bare surname takes its key from
 *   full names in other articles (linkAcrossArticles) and guessed types settle over all of them;
 * - its time expressions' values and offsets: the order of `kronika timeline`, which is a query.
 * Engines derive both from the payload in the same write that stores it (src/store/sqlite and
 * src/store/postgres, analyses.ts), so they are rewritten whenever the analysis is.
 */
import type { EntityType } from '../types.ts';
import type { Mention } from './entities/index.ts';
import { unstripRecords } from './sliced.ts';
import type { AnalysisPayload } from './stored.ts';

/** One distinct mention form of an article and how many mentions have it. */
export interface EntityForm {
  readonly key: string;
  readonly type: EntityType;
  readonly base: string;
  /**
   * The surface form, kept only where grouping reads it: for a guessed type (is it only a
   * default?) and for a person (a people's plural, "Szkoci", does not vote on its land's type).
   */
  readonly text?: string;
  readonly guessed: boolean;
  readonly count: number;
}

/** One time expression: its index among the article's times, its value ('' when unresolved) and start offset. */
export interface TimeEntry {
  readonly index: number;
  readonly value: string;
  readonly start: number;
}

export interface AnalysisDigest {
  readonly entities: readonly EntityForm[];
  readonly times: readonly TimeEntry[];
}

/**
 * The digest of a stored analysis of the article with this text.
 * @example analysisDigest(article.text, encodeAnalysis(analyzeArticle(article), {})).times[0]?.value // → '2018-03-21'
 */
export function analysisDigest(text: string, payload: AnalysisPayload): AnalysisDigest {
  const forms = new Map<string, { form: Omit<EntityForm, 'count'>; count: number }>();
  for (const m of unstripRecords(payload.mentions, text) as unknown as Mention[]) {
    const keepsText = m.guessed === true || m.type === 'PER';
    const form = { key: m.key, type: m.type, base: m.base, ...(keepsText && { text: m.text }), guessed: m.guessed === true };
    const id = JSON.stringify([form.key, form.type, form.base, form.guessed, form.text ?? null]);
    const seen = forms.get(id);
    if (seen) seen.count++;
    else forms.set(id, { form, count: 1 });
  }
  const times = (unstripRecords(payload.times, text) as unknown as { value: string; start: number }[])
    .map((t, index) => ({ index, value: t.value, start: t.start }));
  return { entities: [...forms.values()].map(({ form, count }) => ({ ...form, count })), times };
}

/**
 * Mentions as groupEntities reads them, back from an article's forms: each form repeated
 * `count` times. Collapsing repeats keeps the order in which every key, type and name first
 * occurs, which is all the grouping's tie-breaks depend on, so the entities come out the same.
 */
export function formMentions(forms: readonly EntityForm[]): Mention[] {
  const out: Mention[] = [];
  for (const f of forms) {
    const mention: Mention = {
      key: f.key, type: f.type, base: f.base, text: f.text ?? f.base, start: 0, end: 0, sentence: 0, ...(f.guessed && { guessed: true as const }),
    };
    for (let i = 0; i < f.count; i++) out.push(mention);
  }
  return out;
}
