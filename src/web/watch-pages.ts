/**
 * Saved searches ("obserwowane") in the browser, without scripts: a form saves one (POST
 * /watches), the list shows each with its alert state, a watch's page shows its latest matches
 * and deletes it (POST /watches/:id/delete; forms cannot send DELETE). Alerts of watches made
 * here go to the server's output and to the watch's Atom feed; a webhook, which the server would
 * POST to, is set through the API with the token (src/api/security.ts).
 */
import { redactWebhook } from '../api/security.ts';
import type { Watch, WatchMatch } from '../store/store.ts';
import type { Article } from '../types.ts';
import { passageLink } from './chips.ts';
import { count, formatMoment, languageName, NOUNS } from './i18n.ts';
import { html, page, type SafeHtml } from './html.ts';
import { articleMeta, headlineOf, hrefWith, named, said } from './parts.ts';

/** What the form held, to show it again with what was wrong. */
export interface WatchForm {
  readonly query?: string;
  readonly language?: string;
  readonly source?: string;
  /** Polish, one line per problem. */
  readonly problems?: readonly string[];
}

function watchForm(form: WatchForm = {}): SafeHtml {
  return html`<form class="filters" action="/watches" method="post" aria-label="nowe obserwowane wyszukiwanie">
<label>Zapytanie <input name="query" value="${form.query ?? ''}" required maxlength="1000" size="24" placeholder="np. &quot;Korea Północna&quot; Rosja"></label>
<label>Język <select name="language"><option value="">wszystkie</option>${[['pl', 'polski'], ['en', 'angielski']].map(([v, l]) => html`<option value="${v!}"${form.language === v ? html` selected` : ''}>${l!}</option>`)}</select></label>
<label>Serwis <input name="source" value="${form.source ?? ''}" maxlength="200" size="14" placeholder="każdy"></label>
<button type="submit">Obserwuj</button></form>
${form.problems?.length ? html`<ul class="error">${form.problems.map((p) => html`<li>${p}</li>`)}</ul>` : ''}`;
}

function watchState(watch: Watch, now: Date): SafeHtml {
  return html`${watch.language ? html`${languageName(watch.language)} · ` : ''}${watch.source ? html`${named(watch.source)} · ` : ''}od ${formatMoment(watch.createdAt, now)}${
    watch.lastFired ? html` · ostatni alert ${formatMoment(watch.lastFired, now)}` : ' · jeszcze bez alertu'}${
    watch.pending ? html` · ${count(watch.pending, NOUNS.match)} czeka na dostarczenie` : ''}${watch.webhook ? html` · webhook ${named(redactWebhook(watch.webhook))}` : ''}`;
}

export function watchesPage(watches: readonly Watch[], now: Date, form?: WatchForm): string {
  const items = watches.map((w) => html`<li><a href="/watches/${w.id}" translate="no">${w.query}</a>
<div class="meta">${watchState(w, now)}</div></li>`);
  const body = html`<h1>Obserwowane wyszukiwania</h1>
<p>Kronika sprawdza każdy nowy artykuł z tymi zapytaniami. Trafienia są w kanale Atom każdego wyszukiwania; alerty wysyła webhook, a wyszukiwania bez niego czekają na polecenie <code>kronika watch run</code>.</p>
${watchForm(form)}
${items.length ? html`<p class="meta">${count(watches.length, NOUNS.watch)}</p><ol class="results">${items}</ol>` : html`<p>Nie obserwujesz jeszcze żadnego wyszukiwania.</p>`}`;
  return page('Obserwowane', body);
}

export interface WatchView {
  readonly watch: Watch;
  /** Newest matching articles. */
  readonly latest: readonly Article[];
  /** Recorded matches not delivered yet. */
  readonly pending: readonly WatchMatch[];
  readonly pendingArticles: ReadonlyMap<string, Article>;
  readonly now: Date;
}

export function watchPage(view: WatchView): string {
  const { watch } = view;
  const feed = `/watches/${watch.id}/feed.atom`;
  const latest = view.latest.map((a) => html`<li><a href="${passageLink(a.id)}" lang="${a.language}">${headlineOf(a.title, a.text, a.language)}</a>
<div class="meta">${articleMeta(a.outlet, a.published, a.language)} · dodano ${formatMoment(a.ingestedAt, view.now)}</div></li>`);
  const pending = view.pending.map((m) => {
    const article = view.pendingArticles.get(m.articleId);
    return html`<li>${article ? html`<a href="${passageLink(m.articleId)}" lang="${article.language}">${headlineOf(article.title, article.text, article.language)}</a>` : named(m.articleId)}
<div>${said(m.sentence, article?.language ?? 'und')}</div><div class="meta">od ${formatMoment(m.matchedAt, view.now)} · ${count(m.attempts, NOUNS.error)} dostarczenia${m.lastError ? html` · <span lang="en" translate="no">${m.lastError}</span>` : ''}</div></li>`;
  });
  const body = html`<h1>Obserwowane: ${named(watch.query)}</h1>
<p class="meta">${watchState(watch, view.now)}</p>
${watch.failures ? html`<p class="error">${count(watch.failures, NOUNS.error)} dostarczenia${watch.lastError ? html`: <span lang="en" translate="no">${watch.lastError}</span>` : ''}</p>` : ''}
<p class="feed-link"><a href="${feed}">Kanał Atom tego wyszukiwania</a> · <a href="${hrefWith('/search', { q: watch.query, lang: watch.language, source: watch.source })}">wyniki wyszukiwania</a></p>
${pending.length ? html`<section id="pending"><h2>Czekają na dostarczenie</h2><ol class="results">${pending}</ol></section>` : ''}
<section id="latest"><h2>Najnowsze trafienia</h2>${latest.length ? html`<ol class="results">${latest}</ol>` : html`<p>Żaden zapisany artykuł jeszcze nie pasuje.</p>`}</section>
<form class="inline" action="/watches/${watch.id}/delete" method="post"><button class="danger" type="submit">Przestań obserwować</button></form>
<p class="meta">${named(watch.id)}</p>`;
  return page(`Obserwowane: ${watch.query}`, body, { feed: { href: feed, title: `Obserwowane: ${watch.query} · Kronika` } });
}
