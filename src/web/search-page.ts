/**
 * The search page: a form with filters (language, outlet, dates), the number of matching
 * articles, and the hits grouped by the story they belong to, so ten reports of one event read
 * as one entry with its best sentences rather than ten.
 */
import { markHighlights, type SearchHit } from '../search/index.ts';
import type { Story } from '../stories/story.ts';
import type { Article } from '../types.ts';
import { passageLink } from './chips.ts';
import { count, formatDate, formatNumber, NOUNS } from './i18n.ts';
import { escapeHtml, html, page, trusted, type SafeHtml } from './html.ts';
import { headlineOf, named, pager, storyTitle } from './parts.ts';

export interface SearchFilterValues {
  readonly lang?: string;
  readonly source?: string;
  readonly since?: string;
  readonly until?: string;
}

export interface SearchView {
  readonly query: string;
  readonly filters: SearchFilterValues;
  readonly hits: readonly SearchHit[];
  /** Matching articles counted, up to `countCap`. */
  readonly total: number;
  readonly countCap: number;
  readonly offset: number;
  readonly size: number;
  /** The event each hit belongs to. */
  readonly storyOf: ReadonlyMap<string, Story>;
  /** Hits' articles, so an untitled one is headed by its first sentence. */
  readonly articles: ReadonlyMap<string, Article>;
  /** Outlets to suggest in the outlet field. */
  readonly outlets: readonly string[];
}

const LANGUAGES: readonly (readonly [string, string])[] = [['', 'wszystkie'], ['pl', 'polski'], ['en', 'angielski']];

function filterForm(view: Pick<SearchView, 'query' | 'filters' | 'outlets'>): SafeHtml {
  const f = view.filters;
  return html`<form class="filters" action="/search" method="get" aria-label="filtry wyszukiwania">
<input type="hidden" name="q" value="${view.query}">
<label>Język <select name="lang">${LANGUAGES.map(([value, label]) => html`<option value="${value}"${(f.lang ?? '') === value ? html` selected` : ''}>${label}</option>`)}</select></label>
<label>Serwis <input name="source" value="${f.source ?? ''}" list="outlets" size="14" maxlength="200" placeholder="każdy"></label>
<datalist id="outlets">${view.outlets.map((o) => html`<option value="${o}"></option>`)}</datalist>
<label>Od <input type="date" name="since" value="${f.since ?? ''}"></label>
<label>Do <input type="date" name="until" value="${f.until ?? ''}"></label>
<button type="submit">Filtruj</button></form>`;
}

function hitItem(h: SearchHit, articles: ReadonlyMap<string, Article>): SafeHtml {
  const article = articles.get(h.articleId);
  const headline = h.title ?? (article ? headlineOf(article.title, article.text, article.language) : h.sentence.text);
  return html`<li><a href="${passageLink(h.articleId, h.sentence)}" lang="${h.language}">${headline}</a>
<div class="meta">${h.outlet ? html`${named(h.outlet)} · ` : ''}${formatDate(h.published)} · ${count(h.matches, NOUNS.sentence)} z trafieniem</div>
<div lang="${h.language}">${trusted(markHighlights(h.sentence.text, h.highlights, '<mark>', '</mark>', escapeHtml))}</div></li>`;
}

/** Hits grouped by event, groups in the order of their best hit; an event of one article is no group. */
function grouped(view: SearchView): SafeHtml {
  const groups: { story?: Story; hits: SearchHit[] }[] = [];
  const byStory = new Map<string, { story?: Story; hits: SearchHit[] }>();
  for (const hit of view.hits) {
    const story = view.storyOf.get(hit.articleId);
    if (story && story.articles > 1) {
      const known = byStory.get(story.id);
      if (known) known.hits.push(hit);
      else {
        const group = { story, hits: [hit] };
        byStory.set(story.id, group);
        groups.push(group);
      }
    } else groups.push({ hits: [hit] });
  }
  return html`${groups.map((g) => g.story
    ? html`<div class="group"><div class="group-head">Wydarzenie: <a href="/stories/${g.story.id}">${storyTitle(g.story)}</a> <span class="meta">(${count(g.story.articles, NOUNS.article)})</span></div>
<ol class="results">${g.hits.map((h) => hitItem(h, view.articles))}</ol></div>`
    : html`<ol class="results">${g.hits.map((h) => hitItem(h, view.articles))}</ol>`)}`;
}

export function searchPage(view: SearchView): string {
  const { query } = view;
  const params = { q: query, ...view.filters };
  const total = view.total > view.countCap
    ? `ponad ${formatNumber(view.countCap)} artykułów`
    : count(view.total, NOUNS.article);
  const heading = html`<h1>Wyniki: ${named(query)}</h1>`;
  const watch = html`<form class="inline" action="/watches" method="post"><input type="hidden" name="query" value="${query}">${
    view.filters.lang ? html`<input type="hidden" name="language" value="${view.filters.lang}">` : ''}${
    view.filters.source ? html`<input type="hidden" name="source" value="${view.filters.source}">` : ''}<button type="submit">Obserwuj to wyszukiwanie</button></form>`;
  const body = view.hits.length
    ? html`${heading}${filterForm(view)}<p class="meta">${total} · pogrupowane według wydarzeń</p> ${watch}${grouped(view)}${pager('/search', params, view.offset, view.size, view.hits.length, Math.min(view.total, view.countCap))}`
    : query
      ? html`${heading}${filterForm(view)}<p>Nic nie znaleziono. Spróbuj innej formy słowa, krótszego zapytania albo luźniejszych filtrów; polskie litery są opcjonalne.</p>`
      : html`<h1>Szukaj</h1><p>Wpisz słowa w pole wyszukiwania: odmiana i polskie litery nie mają znaczenia („Władywostok” znajdzie „Władywostoku”).</p>`;
  return page(query ? `Szukaj: ${query}` : 'Szukaj', body, { query });
}
