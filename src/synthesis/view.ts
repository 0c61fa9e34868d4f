/**
 * The report as ordered sections of cited items: the one layout both renderers draw, so Markdown
 * and HTML cannot drift apart. Citations become source numbers ([1], [2]) in `sources` order.
 */
import type { Citation, Claim, StoryReport, SummarySentence } from './types.ts';

/** Claims shown as key facts: the most corroborated ones (the full list stays in the JSON). */
const KEY_FACTS = 12;
const LISTED_ENTITIES = 15;
/** Quotes a reader sees in the report (the key-quote eval scores these). */
export const SHOWN_QUOTES = 12;

export interface ViewItem {
  readonly text: string;
  /** Short label before the text: a status, a date, a speaker. */
  readonly label?: string;
  readonly sources: readonly number[];
}

export interface ViewSection {
  readonly title: string;
  readonly items: readonly ViewItem[];
}

export interface ReportView {
  readonly title: string;
  readonly byline: string;
  readonly sections: readonly ViewSection[];
}

const STATUS_LABELS: Readonly<Record<Claim['status'], string>> = {
  corroborated: 'corroborated',
  'single-source': 'single source',
  hedged: 'unconfirmed',
  confirmed: 'confirmed',
  conflict: 'disputed',
};

/**
 * The summary marks what the key facts mark beyond plain corroboration, with the same words, so
 * a sentence never reads as fact in one section and as speculation in another.
 */
function summaryLabel(s: SummarySentence): { label?: string } {
  if (s.hedged) return { label: STATUS_LABELS.hedged };
  return s.status === 'confirmed' || s.status === 'conflict' ? { label: STATUS_LABELS[s.status] } : {};
}

/** Lays a report out for people. */
export function reportView(report: StoryReport): ReportView {
  const number = new Map(report.sources.map((s, i) => [s.article, i + 1]));
  const cite = (citations: readonly Citation[]): number[] =>
    [...new Set(citations.map((c) => number.get(c.article)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  const claimItem = (c: Claim): ViewItem => ({ text: c.text, label: STATUS_LABELS[c.status], sources: cite(c.sentences) });
  const keyFacts = report.claims.filter((c) => c.independentSources >= 2 || c.status === 'confirmed').slice(0, KEY_FACTS);
  const sections: ViewSection[] = [
    { title: 'Summary', items: report.summary.map((s) => ({ text: s.text, ...summaryLabel(s), sources: cite(s.citations) })) },
    { title: 'Key facts', items: keyFacts.map(claimItem) },
    {
      title: 'Where sources differ',
      items: report.conflicts.map((c) => ({
        label: `${c.kind} (${c.slot}: ${c.subject})`,
        // Each value names its own sources and how they state it: who says what is the point.
        text: c.values.map((v) => `${v.value} (${[...new Set(v.epistemic)].join(', ')}: ${cite(v.citations).map((n) => `[${n}]`).join('')})`).join(' vs '),
        sources: cite(c.values.flatMap((v) => v.citations)),
      })),
    },
    { title: 'Confirmed', items: report.confirmed.map(claimItem) },
    { title: 'Speculation', items: report.speculation.map(claimItem) },
    { title: 'Timeline', items: report.timeline.map((t) => ({ label: t.value, text: t.text, sources: cite(t.citations) })) },
    {
      title: 'Quotes',
      items: report.quotes.slice(0, SHOWN_QUOTES).map((q) => ({ label: q.speaker ?? 'unattributed', text: q.text, sources: cite([q.citation]) })),
    },
    {
      title: 'Entities',
      items: report.entities.slice(0, LISTED_ENTITIES).map((e) => ({ label: e.type, text: `${e.name} — ${e.mentions} mentions in ${e.articles} articles`, sources: [] })),
    },
    {
      title: 'Sources',
      items: report.sources.map((s, i) => ({
        label: `[${i + 1}]`,
        text: [s.outlet, s.title, s.published?.value, s.origin, s.duplicateOf ? `copy of ${s.duplicateOf}` : undefined].filter(Boolean).join(' · '),
        sources: [],
      })),
    },
  ];
  const { articles, independentSources, languages } = report.counts;
  return {
    title: report.title,
    byline: `${articles} articles, ${independentSources} independent sources, languages: ${languages.join(', ') || 'none'}`,
    sections: sections.filter((s) => s.items.length > 0),
  };
}
