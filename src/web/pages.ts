/** The pages: article list, search results, one article with a highlighted passage, stories. */
import type { ArticleSummary } from '../api/records.ts';
import { markHighlights, type SearchHit } from '../search/index.ts';
import type { Story } from '../stories/story.ts';
import type { Citation, ClaimStatus, ConflictSlot, StoryReport } from '../synthesis/types.ts';
import type { Article, Span } from '../types.ts';
import { escapeHtml, html, page, trusted, type SafeHtml } from './html.ts';

function published(value: string | undefined): string {
  return value ?? 'bez daty';
}

function articleLink(id: string, passage?: Span): string {
  return passage ? `/articles/${id}?start=${passage.start}&end=${passage.end}#passage` : `/articles/${id}`;
}

function pager(base: string, offset: number, size: number, shown: number): SafeHtml {
  const link = (to: number) => `${base}${base.includes('?') ? '&' : '?'}offset=${to}`;
  return html`<nav class="pages">${offset > 0 ? html`<a href="${link(Math.max(0, offset - size))}">← nowsze</a>` : html`<span></span>`}
${shown === size ? html`<a href="${link(offset + size)}">dalej →</a>` : ''}</nav>`;
}

export function listPage(articles: readonly ArticleSummary[], offset: number, size: number): string {
  const items = articles.map((a) => html`<li><a href="${articleLink(a.id)}">${a.title ?? a.excerpt.slice(0, 90)}</a>
<div class="meta">${published(a.published?.value)} · ${a.outlet ?? '—'} · ${a.language}${a.duplicateOf ? ' · kopia' : ''}</div>
<div>${a.excerpt}</div></li>`);
  const body = articles.length
    ? html`<h1>Artykuły</h1><ol class="results">${items}</ol>${pager('/', offset, size, articles.length)}`
    : html`<h1>Artykuły</h1><p>Brak artykułów. Dodaj je poleceniem <code>kronika ingest</code>.</p>`;
  return page('Artykuły', body);
}

export function searchPage(query: string, hits: readonly SearchHit[], offset: number, size: number): string {
  const items = hits.map((h) => html`<li><a href="${articleLink(h.articleId, h.sentence)}">${h.title ?? h.origin}</a>
<div class="meta">${published(h.published)} · ${h.outlet ?? '—'} · ${h.matches} ${h.matches === 1 ? 'zdanie' : 'zdań'}</div>
<div>${trusted(markHighlights(h.sentence.text, h.highlights, '<mark>', '</mark>', escapeHtml))}</div></li>`);
  const body = hits.length
    ? html`<h1>Wyniki: ${query}</h1><ol class="results">${items}</ol>${pager(`/search?q=${encodeURIComponent(query)}`, offset, size, hits.length)}`
    : html`<h1>Wyniki: ${query}</h1><p>Nic nie znaleziono.</p>`;
  return page(`Szukaj: ${query}`, body, query);
}

export function articlePage(article: Article, passage?: Span): string {
  const text = passage
    ? trusted(markHighlights(article.text, [passage], '<mark class="passage" id="passage">', '</mark>', escapeHtml))
    : html`${article.text}`;
  const rows: [string, string | undefined][] = [
    ['opublikowano', article.published && `${article.published.value} (${article.published.precision})`],
    ['źródło', article.outlet], ['autor', article.author], ['język', article.language],
    ['pochodzenie', article.origin], ['kopia artykułu', article.duplicateOf],
  ];
  const meta = rows.filter(([, v]) => v).map(([k, v]) => html`<tr><td>${k}</td><td>${k === 'kopia artykułu' ? html`<a href="${articleLink(v!)}">${v}</a>` : v}</td></tr>`);
  const body = html`<article><h1>${article.title ?? 'Bez tytułu'}</h1>
${article.url ? html`<p class="meta"><a href="${article.url}" rel="noreferrer noopener">${article.url}</a></p>` : ''}
<table class="meta">${meta}</table>
<div class="text">${text}</div>
<p class="meta">id ${article.id} · <a href="/api/articles/${article.id}">JSON</a></p></article>`;
  return page(article.title ?? `Artykuł ${article.id}`, body);
}

export function errorPage(status: number, message: string): string {
  return page(`Błąd ${status}`, html`<h1>Błąd ${status}</h1><p class="error">${message}</p><p><a href="/">Wróć do listy</a></p>`);
}

/** Story list: most articles first, with their span of dates and outlets. */
export function storiesPage(stories: readonly Story[]): string {
  const items = stories.map((s) => html`<li><a href="/stories/${s.id}">${s.title ?? s.id}</a>
<div class="meta">${s.articles} ${s.articles === 1 ? 'artykuł' : 'artykułów'} · ${s.independentSources} niezależnych · ${s.firstSeen ?? '?'} – ${s.lastSeen ?? '?'} · ${s.outlets.join(', ')}</div></li>`);
  return page('Wydarzenia', stories.length
    ? html`<h1>Wydarzenia</h1><ol class="results">${items}</ol>`
    : html`<h1>Wydarzenia</h1><p>Brak wydarzeń: nie ma jeszcze artykułów.</p>`);
}

/** Claim statuses as a reader reads them; the badge class is the status itself. */
const CLAIM_STATUS: Readonly<Record<ClaimStatus, string>> = {
  asserted: 'podane', attributed: 'według źródła', hedged: 'niepewne', confirmed: 'potwierdzone', denied: 'zaprzeczenie', disputed: 'sporne', superseded: 'nieaktualne',
};
const SUMMARY_LABELLED: ReadonlySet<ClaimStatus> = new Set(['hedged', 'confirmed', 'denied', 'disputed', 'superseded']);
const CONFLICT_SLOT: Readonly<Record<ConflictSlot, string>> = { place: 'miejsce', date: 'data', number: 'liczba', person: 'osoba' };

/** An untitled source by its file name: a server's folder layout says nothing to a reader. */
function originLabel(origin: string): string {
  return /^https?:/i.test(origin) ? origin : origin.split(/[\\/]/).pop() || origin;
}

function firstPerArticle(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => !seen.has(c.article) && seen.add(c.article));
}

/** Rows shown before the rest fold into a <details> (no scripts): a screenful each. */
const SHOWN_CLAIMS = 12;
const SHOWN_QUOTES = 10;

/** The first `shown` items, and the rest behind a "więcej" disclosure. */
function folded(items: readonly SafeHtml[], shown: number, wrap: (items: readonly SafeHtml[]) => SafeHtml): SafeHtml {
  if (items.length <= shown) return wrap(items);
  return html`${wrap(items.slice(0, shown))}<details><summary>więcej (${items.length - shown})</summary>${wrap(items.slice(shown))}</details>`;
}

/**
 * A story report; every cited sentence links to its passage in the article through a numbered
 * citation chip (the number is the source's row in "Źródła"). Sections carry stable ids
 * (summary, claims, conflicts, timeline, quotes, sources) for links and browser tests.
 */
export function storyPage(story: Story, report: StoryReport): string {
  const number = new Map(report.sources.map((s, i) => [s.article, i + 1]));
  // One chip per source: a second sentence of the same article reads as a stutter ("1 1").
  const cite = (citations: readonly Citation[]) => html`<span class="cites">${firstPerArticle(citations).map((c) =>
    html`<a class="cite" href="${articleLink(c.article, c)}" title="${c.article}">${number.get(c.article) ?? '?'}</a>`)}</span>`;
  const section = (id: string, title: string, content: SafeHtml | '') =>
    content ? html`<section id="${id}"><h2>${title}</h2>${content}</section>` : '';
  const list = (cls: string) => (items: readonly SafeHtml[]) => html`<ul class="${cls}">${items.map((i) => html`<li>${i}</li>`)}</ul>`;

  // Plain reporting needs no label in the summary; unconfirmed, disputed or officially confirmed facts do.
  const summary = report.summary.map((s) => html`${s.hedged ? html`<em>${s.text}</em>` : s.text}${cite(s.citations)}${
    SUMMARY_LABELLED.has(s.status) ? html` <span class="badge ${s.status}">${CLAIM_STATUS[s.status]}</span>` : ''}`);
  const claims = report.claims.map((c) => html`<tr><td><span class="badge ${c.status}">${CLAIM_STATUS[c.status]}</span></td>
<td>${c.text}${cite(c.sentences)}</td><td class="num">${c.independentSources}</td></tr>`);
  const conflicts = report.conflicts.map((c) => html`<div class="conflict ${c.kind}"><div class="what"><strong>${c.subject}</strong>
<span class="slot">${CONFLICT_SLOT[c.slot]}${c.kind === 'refinement' ? ' · doprecyzowanie' : ''}</span></div>
<div class="values">${c.values.map((v) => html`<span class="value">${v.value}${cite(v.citations)}</span>`)}</div></div>`);
  const timeline = report.timeline.map((t) => html`<time>${t.value}</time><span>${t.text}${cite(t.citations)}</span>`);
  const quotes = report.quotes.map((q) => html`<blockquote>„${q.text}”</blockquote>
<div class="who">${q.speaker ? html`— ${q.speaker}` : '— bez atrybucji'}${cite([q.citation])}</div>`);
  const sources = report.sources.map((s, i) => html`<span class="n">${i + 1}</span><a href="${articleLink(s.article)}">${s.title ?? originLabel(s.origin)}</a>
<span class="meta">${s.outlet ?? 'źródło nieznane'} · ${s.published?.value ?? 'bez daty'} · ${s.language}${s.independent ? '' : ' · kopia'}</span>`);

  const body = html`<article class="story"><h1>${report.title}</h1>
<p class="meta">${report.counts.articles} artykułów · ${report.counts.independentSources} niezależnych źródeł · ${report.counts.languages.join(', ')}${story.firstSeen ? ` · ${story.firstSeen} – ${story.lastSeen ?? '?'}` : ''}</p>
${section('summary', 'Podsumowanie', summary.length ? list('summary')(summary) : '')}
${section('conflicts', 'Rozbieżności', conflicts.length ? html`${conflicts}` : '')}
${section('claims', 'Ustalenia', claims.length ? folded(claims, SHOWN_CLAIMS, (rows) =>
    html`<table class="claims"><thead><tr><th>status</th><th>twierdzenie</th><th class="num">źródła</th></tr></thead><tbody>${rows}</tbody></table>`) : '')}
${section('timeline', 'Oś czasu', timeline.length ? list('timeline')(timeline) : '')}
${section('quotes', 'Cytaty', quotes.length ? folded(quotes, SHOWN_QUOTES, list('quotes')) : '')}
${section('sources', 'Źródła', sources.length ? html`<ol class="sources">${sources.map((i) => html`<li>${i}</li>`)}</ol>` : '')}
<p class="meta">${story.id} · <a href="/api/stories/${story.id}">JSON</a></p></article>`;
  return page(report.title, body);
}
