/**
 * The report as ordered sections of cited items: the one layout both renderers draw, so Markdown
 * and HTML cannot drift apart. Citations become source numbers ([1], [2]) in `sources` order.
 * Statuses are shown with the words of the report's JSON (docs/SCHEMA.md, claim statuses), each
 * with a one-line explanation for readers (`STATUS_HELP`).
 */
import type { Citation, Claim, Conflict, ConflictKind, StoryReport, SummarySentence } from './types.ts';

/** Claims shown as key facts: the most corroborated ones (the full list stays in the JSON). */
const KEY_FACTS = 12;
const LISTED_ENTITIES = 15;
/** Quotes a reader sees in the report (the key-quote eval scores these). */
export const SHOWN_QUOTES = 12;

export interface ViewItem {
  readonly text: string;
  /** Short label before the text: a status, a date, a speaker. */
  readonly label?: string;
  /** What the label means, for a tooltip. */
  readonly help?: string;
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

/** What each claim status tells a reader (docs/SCHEMA.md, claim statuses). */
export const STATUS_HELP: Readonly<Record<Claim['status'], string>> = {
  asserted: 'stated by the article in its own voice',
  attributed: 'reported as what a named or described source says',
  hedged: 'worded as uncertain: expected, reportedly, possibly',
  confirmed: 'officially confirmed or announced by a party to it',
  denied: 'a source denies a claim',
  disputed: 'another source contradicts or denies it',
  superseded: 'what earlier reports expected, overtaken by a later report',
};

const KIND_HELP: Readonly<Record<ConflictKind, string>> = {
  contradiction: 'both cannot be true',
  dispute: 'a source denies what another claims',
  update: 'a later report overtook what earlier ones expected',
  refinement: 'one value lies inside the other',
};

/** Plain reporting needs no label in the summary; every other status is marked there too. */
function summaryLabel(s: SummarySentence): { label?: string; help?: string } {
  if (s.hedged && s.status !== 'superseded' && s.status !== 'disputed') return { label: 'hedged', help: STATUS_HELP.hedged };
  return s.status === 'asserted' || s.status === 'attributed' ? {} : { label: s.status, help: STATUS_HELP[s.status] };
}

function sourcesWord(n: number): string {
  return n === 1 ? '1 source' : `${n} sources`;
}

/** Lays a report out for people. */
export function reportView(report: StoryReport): ReportView {
  const number = new Map(report.sources.map((s, i) => [s.article, i + 1]));
  const cite = (citations: readonly Citation[]): number[] =>
    [...new Set(citations.map((c) => number.get(c.article)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  const claimItem = (c: Claim): ViewItem => ({
    text: c.text,
    label: `${c.status}, ${sourcesWord(c.independentSources)}`,
    help: STATUS_HELP[c.status],
    sources: cite(c.sentences),
  });
  // A claim shown by a wording that states nothing on its own (a question, a sentence that only
  // points back) is listed in the JSON, never as a fact to a reader.
  const stated = (claims: readonly Claim[]): Claim[] => claims.filter((c) => c.standsAlone);
  const byStatus = (status: Claim['status']): Claim[] => stated(report.claims).filter((c) => c.status === status);
  const keyFacts = stated(report.claims).filter((c) => c.corroborated || c.status === 'confirmed').slice(0, KEY_FACTS);
  const conflictItem = (c: Conflict): ViewItem => ({
    label: `${c.kind} (${c.slot}: ${c.subject})`,
    help: KIND_HELP[c.kind],
    // Each value names its own sources and how they state it: who says what is the point.
    text: c.values
      .map((v) => `${v.value} (${[v.state, ...new Set(v.epistemic)].filter(Boolean).join(', ')}: ${cite(v.citations).map((n) => `[${n}]`).join('')})`)
      .join(c.kind === 'update' ? ' → ' : ' vs '),
    sources: cite(c.values.flatMap((v) => v.citations)),
  });
  const sections: ViewSection[] = [
    { title: 'Summary', items: report.summary.map((s) => ({ text: s.text, ...summaryLabel(s), sources: cite(s.citations) })) },
    { title: 'Key facts', items: keyFacts.map(claimItem) },
    { title: 'Where sources differ', items: report.conflicts.map(conflictItem) },
    { title: 'Confirmed', items: stated(report.confirmed).map(claimItem) },
    { title: 'Denied', items: byStatus('denied').map(claimItem) },
    { title: 'Superseded by later reports', items: byStatus('superseded').map(claimItem) },
    { title: 'Unconfirmed', items: stated(report.speculation).map(claimItem) },
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
        text: [s.outlet, s.title, s.published?.value, s.origin, s.independent ? undefined : `counted with ${s.independentOrigin}`].filter(Boolean).join(' · '),
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
