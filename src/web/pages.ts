/** The pages: article list, search results, one article with a highlighted passage, stories. */
import type { ArticleSummary } from '../api/records.ts';
import { markHighlights, type SearchHit } from '../search/index.ts';
import type { Story } from '../stories/story.ts';
import type { Citation, StoryReport } from '../synthesis/types.ts';
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

/** A story report; every cited sentence links to its passage in the article. */
export function storyPage(story: Story, report: StoryReport): string {
  const number = new Map(report.sources.map((s, i) => [s.article, i + 1]));
  const cite = (citations: readonly Citation[]) => citations.map((c) =>
    html` <a class="meta" href="${articleLink(c.article, c)}">[${number.get(c.article) ?? '?'}]</a>`);
  const section = (title: string, items: readonly SafeHtml[]) =>
    items.length ? html`<section><h2>${title}</h2><ul>${items.map((i) => html`<li>${i}</li>`)}</ul></section>` : '';
  const body = html`<h1>${report.title}</h1>
<p class="meta">${report.counts.articles} artykułów · ${report.counts.independentSources} niezależnych źródeł · ${report.counts.languages.join(', ')}</p>
${section('Podsumowanie', report.summary.map((s) => html`${s.hedged ? html`<em>${s.text}</em>` : s.text}${cite(s.citations)}`))}
${section('Rozbieżności', report.conflicts.map((c) => html`<strong>${c.subject}</strong> (${c.slot}): ${c.values.map((v, i) => html`${i ? ' / ' : ''}${v.value}${cite(v.citations)}`)}`))}
${section('Oś czasu', report.timeline.map((t) => html`<strong>${t.value}</strong> ${t.text}${cite(t.citations)}`))}
${section('Cytaty', report.quotes.map((q) => html`${q.speaker ? html`<strong>${q.speaker}:</strong> ` : ''}„${q.text}”${cite([q.citation])}`))}
${section('Źródła', report.sources.map((s, i) => html`[${i + 1}] <a href="${articleLink(s.article)}">${s.title ?? s.origin}</a> <span class="meta">${s.outlet ?? ''} ${s.published?.value ?? ''}${s.independent ? '' : ' · kopia'}</span>`))}
<p class="meta">${story.id} · <a href="/api/stories/${story.id}">JSON</a></p>`;
  return page(report.title, body);
}
