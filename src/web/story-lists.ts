/**
 * Story lists: the home page (events ranked by coverage and growth, single-article events folded
 * away), the full list of events or storylines in a chosen order, and a storyline's page with
 * its events as a timeline.
 */
import type { FrontPage } from '../app/front-page.ts';
import type { Story } from '../stories/story.ts';
import type { StoryLevel } from '../store/store.ts';
import { barChart, timeChart } from './charts.ts';
import { count, formatDate, formatDateRange, formatMoment, formatNumber, languageName, NOUNS } from './i18n.ts';
import { html, page, type SafeHtml } from './html.ts';
import { entityChips, hrefWith, named, pager, said, storyLine, storyTitle } from './parts.ts';

export type StoryOrder = 'recent' | 'articles' | 'growth';

const ORDERS: readonly (readonly [StoryOrder, string])[] = [['recent', 'najnowsze'], ['articles', 'największe'], ['growth', 'rosnące']];

function grewBadge(growth: number | undefined): SafeHtml | '' {
  return growth ? html` <span class="grew" title="artykuły dodane w ostatniej dobie">+${formatNumber(growth)} w ostatniej dobie</span>` : '';
}

function storyItem(story: Story, extra: { lead?: string; growth?: number } = {}): SafeHtml {
  return html`<li><a href="/stories/${story.id}">${storyTitle(story)}</a>${grewBadge(extra.growth)}
${extra.lead ? html`<p class="lead">${said(extra.lead, story.languages[0] ?? 'und')}</p>` : ''}
<div class="meta">${storyLine(story)}</div>${entityChips(story.topEntities)}</li>`;
}

/** The home page: what is being covered now. */
export function homePage(front: FrontPage, offset: number, size: number, now: Date): string {
  const growth = front.growthSince ? html`<p class="meta">Wydarzenia opisane przez wiele niezależnych serwisów i te, które rosną, są wyżej. Ostatnia doba to 24 godziny do ostatnio dodanego artykułu: od ${formatMoment(front.growthSince, now)}.</p>` : '';
  const singles = front.singles
    ? html`<p class="folded-singles">i ${count(front.singles, NOUNS.singleArticle)} — <a href="/stories?sort=recent">wszystkie wydarzenia</a> · <a href="/articles">wszystkie artykuły</a></p>`
    : '';
  const body = front.stories.length
    ? html`<h1>Najważniejsze wydarzenia</h1>${growth}<ol class="results" start="${offset + 1}">${front.stories.map((r) => storyItem(r.story, r))}</ol>
${pager('/', {}, offset, size, front.stories.length, front.ranked)}${singles}`
    : front.singles
      ? html`<h1>Najważniejsze wydarzenia</h1><p>Żadne wydarzenie nie ma jeszcze dwóch artykułów.</p>${singles}`
      : html`<h1>Kronika</h1><p>Brak artykułów. Dodaj je poleceniem <code>kronika ingest</code> albo obserwuj kanały: <code>kronika sources add</code>.</p>`;
  return page('Najważniejsze wydarzenia', body);
}

export interface StoryListView {
  readonly level: StoryLevel;
  readonly sort: StoryOrder;
  readonly total: number;
  readonly stories: readonly Story[];
  readonly offset: number;
  readonly size: number;
  readonly growth?: ReadonlyMap<string, number>;
  /** The filters in force, kept in every link. */
  readonly lang?: string;
  readonly entity?: { readonly query: string; readonly name?: string };
}

/** Events or storylines, paged, in the order chosen. */
export function storiesPage(view: StoryListView): string {
  const levelName = view.level === 'storyline' ? 'Wątki' : 'Wydarzenia';
  const params = { level: view.level === 'storyline' ? 'storyline' : undefined, lang: view.lang, entity: view.entity?.query };
  const sorts = html`<nav class="sorts" aria-label="kolejność">Kolejność: ${ORDERS.map(([sort, label]) => sort === view.sort
    ? html`<a aria-current="true" href="${hrefWith('/stories', { ...params, sort })}">${label}</a>`
    : html`<a href="${hrefWith('/stories', { ...params, sort })}">${label}</a>`)}</nav>`;
  const levels = view.level === 'storyline'
    ? html`<p class="meta">Wątki łączą wydarzenia jednego długiego tematu. <a href="${hrefWith('/stories', { sort: view.sort })}">Pokaż wydarzenia</a></p>`
    : html`<p class="meta">Wydarzenie to jedno zdarzenie opisane przez wiele źródeł. <a href="${hrefWith('/stories', { level: 'storyline', sort: view.sort })}">Pokaż wątki</a></p>`;
  const filter = view.entity ? html`<p>Z udziałem: <strong>${named(view.entity.name ?? view.entity.query)}</strong> · <a href="${hrefWith('/stories', { ...params, entity: undefined, sort: view.sort })}">wszystkie</a></p>` : '';
  const total = html`<p class="meta">${count(view.total, view.level === 'storyline' ? NOUNS.storyline : NOUNS.story)}</p>`;
  const body = view.stories.length
    ? html`<h1>${levelName}</h1>${levels}${filter}${sorts}${total}<ol class="results" start="${view.offset + 1}">${view.stories.map((s) => storyItem(s, { growth: view.growth?.get(s.id) }))}</ol>
${pager('/stories', { ...params, sort: view.sort === 'recent' ? undefined : view.sort }, view.offset, view.size, view.stories.length, view.total)}`
    : html`<h1>${levelName}</h1>${levels}${filter}<p>${view.total ? 'Na tej stronie nie ma już wydarzeń.' : view.entity ? 'Brak wydarzeń z tą osobą, organizacją ani miejscem.' : 'Brak wydarzeń: nie ma jeszcze artykułów.'}</p>`;
  return page(levelName, body);
}

/** One event of a storyline, as its timeline shows it. */
export interface StorylineEvent {
  readonly story: Story;
  /** Articles of the storyline in this event. */
  readonly members: number;
}

/**
 * A storyline: its events in time order (undated last), with their sizes, and its articles over
 * time and by outlet. No synthesised report: a storyline is many events; each event has its own.
 */
export function storylinePage(storyline: Story, events: readonly StorylineEvent[], articles: readonly { date?: string; outlet?: string }[], now: Date): string {
  const dated = [...events].sort((a, b) => (a.story.firstSeen ?? '\uffff').localeCompare(b.story.firstSeen ?? '\uffff') || b.members - a.members);
  const items = dated.map(({ story, members }) => html`<li><time${story.firstSeen ? html` datetime="${story.firstSeen}"` : ''}>${formatDate(story.firstSeen)}</time>
<div><a href="/stories/${story.id}">${storyTitle(story)}</a> <span class="meta">${count(members, NOUNS.article)}${story.lastSeen && story.lastSeen !== story.firstSeen ? html` · do ${formatDate(story.lastSeen)}` : ''}</span></div></li>`);
  const overTime = timeChart(articles.map((a) => ({ date: a.date, group: a.outlet ?? '—' })), { title: 'Artykuły wątku w czasie', className: 'articles-chart' });
  const perOutlet = new Map<string, number>();
  for (const a of articles) if (a.outlet) perOutlet.set(a.outlet, (perOutlet.get(a.outlet) ?? 0) + 1);
  const byOutlet = perOutlet.size >= 2
    ? barChart([...perOutlet].map(([label, value]) => ({ label, value, href: hrefWith('/articles', { source: label }) })), { title: 'Artykuły według serwisów', className: 'coverage-chart' })
    : '';
  const sampled = articles.length < storyline.articles
    ? html`<p class="meta">Wykresy: ${count(articles.length, NOUNS.article)} najnowszych z ${formatNumber(storyline.articles)}.</p>` : '';
  const body = html`<article class="story"><h1>${storyTitle(storyline)}</h1>
<p class="meta">Wątek · ${storyLine(storyline)} · ${storyline.languages.map(languageName).join(', ')}</p>
${entityChips(storyline.topEntities, 8)}
<section id="events"><h2>Wydarzenia w czasie</h2><p class="meta">${count(events.length, NOUNS.story)} · stan na ${formatDate(now.toISOString())}</p><ol class="events">${items}</ol></section>
${overTime || byOutlet ? html`<section id="coverage"><h2>Zasięg</h2>${overTime}${byOutlet}${sampled}</section>` : ''}
<p class="meta">${named(storyline.id)} · <a href="/api/stories/${storyline.id}">JSON</a> · <a href="/stories/${storyline.id}/feed.atom">kanał Atom</a> · ${formatDateRange(storyline.firstSeen, storyline.lastSeen)}</p></article>`;
  return page(storyline.title ?? 'Wątek', body, { feed: { href: `/stories/${storyline.id}/feed.atom`, title: `${storyline.title ?? 'Wątek'} · Kronika` } });
}
