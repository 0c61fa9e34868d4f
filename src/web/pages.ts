/**
 * The article pages (the list, one article with a highlighted passage), the error page, and the
 * story report page — also what `kronika report --format html` writes (routes.ts reportDocument).
 */
import type { ArticleSummary } from '../app/records.ts';
import { markHighlights } from '../search/index.ts';
import type { Story } from '../stories/story.ts';
import type { ClaimStatus, ConflictSlot, ReportEntity, ReportSource, StoryReport } from '../synthesis/types.ts';
import type { Article, EntityType, Language, Span } from '../types.ts';
import { barChart, timeChart } from './charts.ts';
import { chipSources, citationChips, passageLink } from './chips.ts';
import { count, errorText, formatDate, formatDateRange, formatMoment, formatNumber, formatPublished, languageName, NOUNS, relativeTime, type Noun } from './i18n.ts';
import { publicOrigin } from '../api/security.ts';
import { isHttpUrl } from '../net/url.ts';
import { escapeHtml, html, page, trusted, type SafeHtml } from './html.ts';
import { articleMeta, entityHref, headlineOf, named, pager, said, storyCounts, storyTitle } from './parts.ts';

export { headlineOf } from './parts.ts';

/** The article list's filters, as the page's links keep them. */
export interface ArticleListFilter {
  readonly lang?: string;
  readonly source?: string;
}

export function listPage(articles: readonly ArticleSummary[], offset: number, size: number, filter: ArticleListFilter = {}, total?: number): string {
  const items = articles.map((a) => html`<li><a href="${passageLink(a.id)}" lang="${a.language}">${headlineOf(a.title, a.excerpt, a.language)}</a>
<div class="meta">${articleMeta(a.outlet, a.published, a.language, a.duplicateOf !== null)}</div>
<div lang="${a.language}">${a.excerpt}</div></li>`);
  const heading = filter.source ? html`<h1>Artykuły: ${named(filter.source)}</h1>` : html`<h1>Artykuły</h1>`;
  const body = articles.length
    ? html`${heading}<p class="meta">W kolejności dodania, najstarsze najpierw.</p><ol class="results" start="${offset + 1}">${items}</ol>${pager('/articles', { ...filter }, offset, size, articles.length, total)}`
    : html`${heading}<p>Brak artykułów. Dodaj je poleceniem <code>kronika ingest</code>.</p>`;
  return page('Artykuły', body);
}

/** The story an article belongs to, as its page links to it. */
export interface ArticleStory {
  readonly id: string;
  readonly title?: string;
  readonly articles: number;
}

export function articlePage(article: Article, passage?: Span, story?: ArticleStory): string {
  const text = passage
    ? trusted(markHighlights(article.text, [passage], '<mark class="passage" id="passage">', '</mark>', escapeHtml))
    : html`${article.text}`;
  const headline = headlineOf(article.title, article.text, article.language);
  // Where the article came from (a file path, an id) is for someone checking the record: folded.
  const details: [string, SafeHtml | string | undefined][] = [
    ['opublikowano', article.published && formatPublished(article.published)],
    ['źródło', article.outlet ? named(article.outlet) : '—'], ['autor', article.author && named(article.author)], ['język', languageName(article.language)],
    // Only http(s) addresses become links: a javascript: or data: URL stays inert text.
    ['adres', article.url && (isHttpUrl(article.url) ? html`<a href="${article.url}" rel="noreferrer noopener" translate="no">${article.url}</a>` : html`<span translate="no">${article.url}</span>`)],
    ['pochodzenie', named(publicOrigin(article.origin))], ['dodano', formatDate(article.ingestedAt.slice(0, 16) + 'Z')],
    ['kopia artykułu', article.duplicateOf && html`<a href="${passageLink(article.duplicateOf)}" translate="no">${article.duplicateOf}</a>`],
    ['identyfikator', html`${named(article.id)} · <a href="/api/articles/${article.id}">JSON</a>`],
  ];
  const rows = details.filter(([, v]) => v).map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`);
  const body = html`<article><h1 lang="${article.language}">${headline}</h1>
<p class="meta">${articleMeta(article.outlet, article.published, article.language)}${article.author ? html` · ${named(article.author)}` : ''}</p>
${story ? html`<p class="in-story">Wydarzenie: <a href="/stories/${story.id}">${story.title ? named(story.title) : 'bez tytułu'}</a> <span class="meta">(${count(story.articles, NOUNS.article)})</span></p>` : ''}
<div class="text" lang="${article.language}">${text}</div>
<details class="record"><summary>Szczegóły artykułu</summary><table class="meta">${rows}</table></details></article>`;
  return page(headline, body);
}

export function errorPage(status: number): string {
  const { title, explanation } = errorText(status);
  return page(`Błąd ${status}`, html`<h1>Błąd ${status}</h1><p class="error">${title}. ${explanation}</p><p><a href="/">Wróć do strony głównej</a></p>`);
}

/** Claim statuses as a reader reads them; the badge class is the status itself. */
const CLAIM_STATUS: Readonly<Record<ClaimStatus, string>> = {
  asserted: 'podane', attributed: 'według źródła', hedged: 'niepewne', confirmed: 'potwierdzone', denied: 'zaprzeczenie', disputed: 'sporne', superseded: 'nieaktualne',
};
const SUMMARY_LABELLED: ReadonlySet<ClaimStatus> = new Set(['hedged', 'confirmed', 'denied', 'disputed', 'superseded']);
const CONFLICT_SLOT: Readonly<Record<ConflictSlot, string>> = { place: 'miejsce', date: 'data', number: 'liczba', person: 'osoba', event: 'zdarzenie' };
const ENTITY_TYPES: readonly (readonly [EntityType, string])[] = [
  ['PER', 'Osoby'], ['ORG', 'Organizacje'], ['LOC', 'Miejsca'], ['EVT', 'Wydarzenia'], ['PRO', 'Dzieła i produkty'],
];

/**
 * Rows shown before the rest fold into a <details> (no scripts): a screenful each; and at most
 * `max` on the page at all. A story of hundreds of articles has hundreds of claims and quotes:
 * past the cap the page says how many more its JSON report holds (it keeps a phone's page near
 * 150 KB rather than 800).
 */
const CLAIMS = { shown: 12, max: 100 };
const QUOTES = { shown: 10, max: 60 };
const ENTITIES = { shown: 8, max: 40 };
/** Every source stays on the page (the chips' numbers point into the list), the long tail folded. */
const SOURCES = { shown: 20, max: Infinity };

/** The first `shown` items, the rest up to `max` behind a "więcej" disclosure, and a count of any beyond. */
function folded(items: readonly SafeHtml[], limits: { shown: number; max: number }, wrap: (items: readonly SafeHtml[]) => SafeHtml, beyond?: (n: number) => SafeHtml): SafeHtml {
  const { shown, max } = limits;
  if (items.length <= shown) return wrap(items);
  const hidden = items.slice(shown, max);
  const rest = items.length - shown - hidden.length;
  return html`${wrap(items.slice(0, shown))}<details><summary>więcej (${hidden.length})</summary>${wrap(hidden)}</details>${rest > 0 && beyond ? beyond(rest) : ''}`;
}

/**
 * A source's headline in the report: its title, else its earliest sentence the report quotes
 * (the report holds no article text), else its number.
 */
function sourceHeadlines(report: StoryReport): (source: ReportSource, number: number) => string {
  const earliest = new Map<string, { start: number; text: string }>();
  for (const claim of [...report.claims, ...report.speculation, ...report.confirmed]) {
    for (const s of claim.sentences) {
      const known = earliest.get(s.article);
      if (!known || s.start < known.start) earliest.set(s.article, { start: s.start, text: s.text });
    }
  }
  return (source, number) => source.title
    ?? (earliest.has(source.article) ? headlineOf(undefined, earliest.get(source.article)!.text, source.language) : `Artykuł ${number}`);
}

function entitiesSection(entities: readonly ReportEntity[]): SafeHtml | '' {
  const groups = ENTITY_TYPES.map(([type, label]) => {
    const ofType = entities.filter((e) => e.type === type).sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, 'pl'));
    if (!ofType.length) return '';
    const chips = ofType.map((e) => html`<li><a class="entity" href="${entityHref(e.key, e.name)}" title="${count(e.mentions, NOUNS.mention)} w ${count(e.articles, NOUNS.articleLocative)}">${named(e.name)} <span class="n">${e.mentions}</span></a></li>`);
    return html`<div class="entity-group"><h3>${label}</h3>${folded(chips, ENTITIES, (items) => html`<ul class="entities">${items}</ul>`, (n) => html`<p class="meta">i ${formatNumber(n)} rzadziej wymienianych</p>`)}</div>`;
  });
  return groups.some(Boolean) ? html`${groups}` : '';
}

/** Articles per outlet; sources without a known outlet are counted apart, never invented. */
function coverage(sources: readonly ReportSource[]): SafeHtml | '' {
  const perOutlet = new Map<string, number>();
  for (const s of sources) if (s.outlet) perOutlet.set(s.outlet, (perOutlet.get(s.outlet) ?? 0) + 1);
  if (perOutlet.size < 2) return '';
  const unknown = sources.filter((s) => !s.outlet).length;
  return html`${barChart([...perOutlet].map(([label, value]) => ({ label, value })), { title: 'Artykuły według serwisów', className: 'coverage-chart' })}${
    unknown ? html`<p class="meta">${count(unknown, NOUNS.article)} bez znanego serwisu.</p>` : ''}`;
}

/**
 * A story report; every cited sentence links to its passage in the article through a numbered
 * citation chip (the number is the source's row in "Źródła"). Sections carry stable ids
 * (summary, conflicts, claims, coverage, timeline, quotes, entities, sources) for links and tests.
 */
export function storyPage(story: Story, report: StoryReport, live?: StoryLive): string {
  const headline = sourceHeadlines(report);
  const sources = chipSources(report.sources, headline);
  const cite = (citations: Parameters<typeof citationChips>[0]) => citationChips(citations, sources);
  // A sentence is in its first source's language; the story's main one when it cites none.
  const languageOf = new Map(report.sources.map((s) => [s.article, s.language]));
  const storyLanguage = (report.counts.languages[0] ?? 'und') as Language;
  const quoted = (text: string, citations: Parameters<typeof citationChips>[0]) => said(text, languageOf.get(citations[0]?.article ?? '') ?? storyLanguage);
  const inReport = (noun: Noun) => (n: number) => html`<p class="meta">i ${count(n, noun)} więcej w <a href="/api/stories/${story.id}">pełnym raporcie (JSON)</a></p>`;
  const section = (id: string, title: string, content: SafeHtml | '') =>
    content ? html`<section id="${id}"><h2>${title}</h2>${content}</section>` : '';
  const list = (cls: string) => (items: readonly SafeHtml[]) => html`<ul class="${cls}">${items.map((i) => html`<li>${i}</li>`)}</ul>`;

  // Plain reporting needs no label in the summary; unconfirmed, disputed or officially confirmed facts do.
  const summary = report.summary.map((s) => html`${s.hedged ? html`<em>${quoted(s.text, s.citations)}</em>` : quoted(s.text, s.citations)}${cite(s.citations)}${
    SUMMARY_LABELLED.has(s.status) ? html` <span class="badge ${s.status}">${CLAIM_STATUS[s.status]}</span>` : ''}`);
  const claims = report.claims.map((c) => html`<tr><td><span class="badge ${c.status}">${CLAIM_STATUS[c.status]}</span></td>
<td>${quoted(c.text, c.sentences)}${cite(c.sentences)}</td><td class="num">${c.independentSources}</td></tr>`);
  const conflicts = report.conflicts.map((c) => html`<div class="conflict ${c.kind}"><div class="what"><strong>${named(c.subject)}</strong>
<span class="slot">${CONFLICT_SLOT[c.slot]}${c.kind === 'refinement' ? ' · doprecyzowanie' : ''}</span></div>
<div class="values">${c.values.map((v) => html`<div class="value">${named(v.value)}${cite(v.citations)}</div>`)}</div></div>`);
  const timeline = report.timeline.map((t) => html`<time datetime="${t.value}">${formatDate(t.value)}</time><div>${quoted(t.text, t.citations)}${cite(t.citations)}</div>`);
  const quotes = report.quotes.map((q) => html`<blockquote>„${quoted(q.text, [q.citation])}”</blockquote>
<div class="who">${q.speaker ? html`— ${named(q.speaker)}` : '— bez atrybucji'}${cite([q.citation])}</div>`);
  const sourceItems = report.sources.map((s, i) => html`<span class="n">${i + 1}</span><a href="${passageLink(s.article)}" lang="${s.language}">${headline(s, i + 1)}</a>
<span class="meta">${articleMeta(s.outlet, s.published, s.language, !s.independent)}</span>`);
  const overTime = timeChart(report.sources.map((s) => ({ date: s.published?.value, group: s.outlet ?? '—' })), { title: 'Artykuły w czasie', className: 'articles-chart' });
  const byOutlet = coverage(report.sources);

  const body = html`<article class="story"><h1 lang="${storyLanguage}">${report.title}</h1>
<p class="meta">${storyCounts(report.counts.articles, report.counts.independentSources, story.outlets.length)} · ${report.counts.languages.map(languageName).join(', ')} · ${formatDateRange(story.firstSeen, story.lastSeen)}</p>
${live ? liveSection(story.id, live) : ''}
${section('summary', 'Podsumowanie', summary.length ? list('summary')(summary) : '')}
${section('conflicts', 'Rozbieżności', conflicts.length ? html`${conflicts}` : '')}
${section('claims', 'Ustalenia', claims.length ? folded(claims, CLAIMS, (rows) =>
    html`<table class="claims"><thead><tr><th>status</th><th>twierdzenie</th><th class="num">źródła</th></tr></thead><tbody>${rows}</tbody></table>`, inReport(NOUNS.claim)) : '')}
${section('coverage', 'Zasięg', overTime || byOutlet ? html`${overTime}${byOutlet}` : '')}
${section('timeline', 'Oś czasu', timeline.length ? list('timeline')(timeline) : '')}
${section('quotes', 'Cytaty', quotes.length ? folded(quotes, QUOTES, list('quotes'), inReport(NOUNS.quote)) : '')}
${section('entities', 'Kto i gdzie', entitiesSection(report.entities))}
${section('sources', 'Źródła', sourceItems.length ? folded(sourceItems, SOURCES, (items) =>
    html`<ol class="sources" start="${sourceItems.indexOf(items[0]!) + 1}">${items.map((i) => html`<li>${i}</li>`)}</ol>`) : '')}
<p class="meta">${named(story.id)} · <a href="/api/stories/${story.id}">JSON</a></p></article>`;
  return page(report.title, body, live ? { feed: { href: `/stories/${story.id}/feed.atom`, title: `${report.title} · Kronika` } } : {});
}

/** What the web adds to a story report: what changed, and what is new to this reader. */
export interface StoryLive {
  readonly now: Date;
  /** When the newest member article arrived (ISO). */
  readonly lastChanged?: string;
  /** The reader's previous visit (from the visit cookie); undefined on the first visit. */
  readonly lastVisit?: string;
  /** Members that arrived after the last visit, newest first. */
  readonly fresh: readonly Article[];
  /** Members that are corrected versions of an earlier article at the same address. */
  readonly corrected: readonly Article[];
  /** The storyline this event belongs to. */
  readonly storyline?: Pick<Story, 'id' | 'title' | 'languages' | 'level' | 'articles'>;
}

/** Newest arrivals listed by name on a story page; more are counted. */
const FRESH_LISTED = 8;

function liveSection(storyId: string, live: StoryLive): SafeHtml {
  const articleLink = (a: Article) => html`<li><a href="${passageLink(a.id)}" lang="${a.language}">${headlineOf(a.title, a.text, a.language)}</a>${a.outlet ? html` <span class="meta">${named(a.outlet)}</span>` : ''}</li>`;
  const changed = live.lastChanged ? html`Ostatnia zmiana: ${formatMoment(live.lastChanged, live.now)}.` : '';
  const fresh = live.lastVisit === undefined
    ? ''
    : live.fresh.length
      ? html` <strong>Od Twojej ostatniej wizyty (${relativeTime(live.lastVisit, live.now)}): ${count(live.fresh.length, NOUNS.newArticle)}.</strong>
<ul class="fresh">${live.fresh.slice(0, FRESH_LISTED).map(articleLink)}</ul>${live.fresh.length > FRESH_LISTED ? html`<p class="meta">i ${count(live.fresh.length - FRESH_LISTED, NOUNS.article)} więcej w źródłach poniżej.</p>` : ''}`
      : html` Nic nowego od Twojej ostatniej wizyty (${relativeTime(live.lastVisit, live.now)}).`;
  const corrected = live.corrected.length
    ? html`<p>${count(live.corrected.length, NOUNS.correctedArticle)}: serwis zmienił tekst pod tym samym adresem.</p><ul>${live.corrected.slice(0, FRESH_LISTED).map(articleLink)}</ul>`
    : '';
  const storyline = live.storyline && live.storyline.articles > 0
    ? html`<p>Część wątku <a href="/stories/${live.storyline.id}">${storyTitle(live.storyline)}</a> <span class="meta">(${count(live.storyline.articles, NOUNS.article)})</span>.</p>`
    : '';
  return html`<aside class="live" id="live"><p>${changed}${fresh}</p>${corrected}${storyline}<p class="feed-link"><a href="/stories/${storyId}/feed.atom">Kanał Atom tego wydarzenia</a> — czytnik kanałów pokaże każdy nowy artykuł.</p></aside>`;
}
