/**
 * An entity's page, in the spirit of EMM NewsExplorer: who or what it is, how often and when it
 * is mentioned (a chart), what the person said (quotes linked to their passage), the stories it
 * appears in, and the newest articles naming it.
 */
import type { EntityProfile } from '../app/entity-lookup.ts';
import type { Story } from '../stories/story.ts';
import type { EntityType } from '../types.ts';
import { barChart, timeChart } from './charts.ts';
import { passageLink } from './chips.ts';
import { count, formatNumber, formatPublished, NOUNS } from './i18n.ts';
import { html, page } from './html.ts';
import { articleMeta, headlineOf, hrefWith, named, said, storyLine, storyTitle } from './parts.ts';

const TYPE_NAMES: Readonly<Record<EntityType, string>> = {
  PER: 'osoba', ORG: 'organizacja', LOC: 'miejsce', EVT: 'wydarzenie', PRO: 'dzieło lub produkt',
};

/** Rows of each list on the page. */
const QUOTES_SHOWN = 15;
const ARTICLES_SHOWN = 20;

export function entityPage(profile: EntityProfile, stories: readonly { story: Story; mentions: number }[]): string {
  const forms = profile.forms.filter((f) => f !== profile.name).slice(0, 12);
  const overTime = timeChart(profile.articles.map(({ article, mentions }) => ({ date: article.published?.value, count: mentions })), {
    title: 'Wzmianki w czasie', noun: NOUNS.mention, className: 'mentions-chart',
  });
  const perOutlet = new Map<string, number>();
  for (const { article } of profile.articles) if (article.outlet) perOutlet.set(article.outlet, (perOutlet.get(article.outlet) ?? 0) + 1);
  const byOutlet = perOutlet.size >= 2
    ? barChart([...perOutlet].map(([label, value]) => ({ label, value, href: hrefWith('/articles', { source: label }) })), { title: 'Artykuły według serwisów', className: 'coverage-chart' })
    : '';
  const quotes = profile.quotes.slice(0, QUOTES_SHOWN).map(({ article, quote }) => html`<li><blockquote>„${said(quote.text, article.language)}”</blockquote>
<div class="who"><a href="${passageLink(article.id, quote)}">${headlineOf(article.title, article.text, article.language)}</a> · ${articleMeta(article.outlet, article.published, article.language)}</div></li>`);
  const storyItems = stories.map(({ story, mentions }) => html`<li><a href="/stories/${story.id}">${storyTitle(story)}</a>
<div class="meta">${mentions ? `${count(mentions, NOUNS.mention)} · ` : ''}${storyLine(story)}</div></li>`);
  const articles = profile.articles.slice(0, ARTICLES_SHOWN).map(({ article, mentions }) => html`<li><a href="${passageLink(article.id)}" lang="${article.language}">${headlineOf(article.title, article.text, article.language)}</a>
<div class="meta">${articleMeta(article.outlet, article.published, article.language)} · ${count(mentions, NOUNS.mention)}</div></li>`);
  const newest = profile.articles.find((a) => a.article.published)?.article.published;
  const body = html`<article class="entity-page"><h1 translate="no">${profile.name}</h1>
<p class="meta">${TYPE_NAMES[profile.type]} · ${count(profile.mentions, NOUNS.mention)} w ${count(profile.articles.length, NOUNS.articleLocative)}${newest ? html` · ostatnio ${formatPublished(newest)}` : ''}</p>
${forms.length ? html`<p class="meta">W tekstach także: ${forms.map((f, i) => html`${i ? ', ' : ''}${named(f)}`)}</p>` : ''}
${profile.capped ? html`<p class="meta">Policzone w ${formatNumber(profile.articles.length)} najlepiej pasujących artykułach; w zbiorze jest ich więcej.</p>` : ''}
${overTime || byOutlet ? html`<section id="coverage"><h2>Wzmianki</h2>${overTime}${byOutlet}</section>` : ''}
${quotes.length ? html`<section id="quotes"><h2>Wypowiedzi</h2><ul class="quotes">${quotes}</ul>${profile.quotes.length > QUOTES_SHOWN ? html`<p class="meta">i ${count(profile.quotes.length - QUOTES_SHOWN, NOUNS.quote)} więcej</p>` : ''}</section>` : ''}
${storyItems.length ? html`<section id="stories"><h2>Wydarzenia</h2><ol class="results">${storyItems}</ol><p><a href="${hrefWith('/stories', { entity: profile.key })}">Wszystkie wydarzenia z udziałem: ${named(profile.name)}</a></p></section>` : ''}
<section id="articles"><h2>Najnowsze artykuły</h2><ol class="results">${articles}</ol>
<p><a href="${hrefWith('/search', { q: profile.name })}">Szukaj „${named(profile.name)}” we wszystkich artykułach</a></p></section>
<p class="meta">${named(profile.key)}${profile.aliases.length ? html` · także ${named(profile.aliases.join(', '))}` : ''}</p></article>`;
  return page(profile.name, body);
}

/** No entity answers to what was asked: say so, and offer the search. */
export function entityNotFoundPage(asked: string): string {
  return page('Nie znaleziono', html`<h1>Nie znaleziono: ${named(asked)}</h1>
<p>Żaden artykuł nie wymienia osoby, organizacji ani miejsca o tej nazwie. <a href="${hrefWith('/search', { q: asked })}">Szukaj tych słów w tekstach</a>.</p>`);
}
