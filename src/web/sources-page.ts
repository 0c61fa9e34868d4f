/**
 * The sources page: every followed feed with its outlet, health, last fetch, next check, recent
 * polls and errors — what a media monitor checks when a story stops growing. Failure kinds are
 * named in Polish; the server's own error message is shown as it was recorded, marked as such.
 */
import type { FailureKind, Source } from '../sources/types.ts';
import { outletOf } from '../sources/outlet.ts';
import type { SourceList } from './source-health.ts';
import { count, formatMoment, formatNumber, languageName, NOUNS, relativeTime } from './i18n.ts';
import { html, page, type SafeHtml } from './html.ts';
import { hrefWith, named, pager } from './parts.ts';

const FAILURES: Readonly<Record<FailureKind, string>> = {
  dns: 'nazwa serwera nie istnieje', connect: 'brak połączenia', timeout: 'przekroczony czas', server: 'błąd serwera',
  'rate-limited': 'serwer prosi o przerwę', 'not-found': 'kanału nie ma pod tym adresem', gone: 'kanał usunięty na stałe',
  forbidden: 'brak dostępu', client: 'odrzucone żądanie', parse: 'to nie jest czytelny kanał', 'too-large': 'za duża odpowiedź',
  redirects: 'za dużo przekierowań', blocked: 'adres w sieci wewnętrznej', 'bad-url': 'nieprawidłowy adres', protocol: 'błąd protokołu HTTP',
};

type Health = 'ok' | 'failing' | 'disabled' | 'paused' | 'new';
const HEALTH: Readonly<Record<Health, string>> = { ok: 'działa', failing: 'błędy', disabled: 'wyłączone', paused: 'wstrzymane', new: 'nowe' };

function healthOf(source: Source): Health {
  if (source.state.disabledReason) return 'disabled';
  if (source.paused) return 'paused';
  if (source.state.consecutiveErrors > 0) return 'failing';
  return source.state.lastCheckAt ? 'ok' : 'new';
}

function polls(row: SourceList['rows'][number], now: Date): SafeHtml | '' {
  if (!row.polls.length) return '';
  const ok = row.polls.filter((p) => p.outcome !== 'failed').length;
  const fresh = row.polls.reduce((a, p) => a + p.newArticles, 0);
  return html`<div class="meta">${count(row.polls.length, NOUNS.poll)} w historii, udane: ${formatNumber(ok)}; ${count(fresh, NOUNS.newArticle)}</div>`;
}

function sourceRow(row: SourceList['rows'][number], now: Date): SafeHtml {
  const { source } = row;
  const { state } = source;
  const health = healthOf(source);
  const outlet = outletOf(source);
  const error = state.lastErrorKind
    ? html`${FAILURES[state.lastErrorKind]}${state.lastErrorAt ? html` (${relativeTime(state.lastErrorAt, now)})` : ''}${state.lastError ? html`<div class="meta"><code lang="en" translate="no">${state.lastError}</code></div>` : ''}`
    : '—';
  return html`<tr id="source-${source.id}"><td><strong><a href="${hrefWith('/articles', { source: outlet })}" translate="no">${outlet}</a></strong>
<div class="meta"><code class="url" translate="no">${source.feedUrl}</code>${source.language ? html` · ${languageName(source.language)}` : ''} · ${count(source.itemsSeen, NOUNS.item)}</div></td>
<td><span class="health ${health}">${HEALTH[health]}</span>${state.disabledReason ? html`<div class="meta"><span lang="en" translate="no">${state.disabledReason}</span></div>` : ''}${
  state.lastStatus ? html`<div class="meta">HTTP ${state.lastStatus}</div>` : ''}</td>
<td>${state.lastCheckAt ? formatMoment(state.lastCheckAt, now) : 'jeszcze nie'}${polls(row, now)}</td>
<td>${source.paused || state.disabledReason ? '—' : formatMoment(state.retryAfterUntil && state.retryAfterUntil > state.nextCheckAt ? state.retryAfterUntil : state.nextCheckAt, now)}</td>
<td>${state.consecutiveErrors ? html`${count(state.consecutiveErrors, NOUNS.error)} z rzędu: ` : ''}${error}</td></tr>`;
}

export function sourcesPage(list: SourceList | undefined, offset: number, size: number, now: Date): string {
  if (!list) {
    return page('Źródła', html`<h1>Źródła</h1><p>Ten magazyn danych nie przechowuje jeszcze listy obserwowanych kanałów.</p>`);
  }
  const summary = (['disabled', 'failing'] as const).map((h) => [h, list.rows.filter((r) => healthOf(r.source) === h).length] as const).filter(([, n]) => n);
  const body = list.total
    ? html`<h1>Źródła</h1><p class="meta">${count(list.total, NOUNS.feed)}${summary.map(([h, n]) => html` · ${HEALTH[h]}: ${formatNumber(n)}`)} · najpierw te, które wymagają uwagi</p>
<table class="sources-health"><thead><tr><th>serwis i kanał</th><th>stan</th><th>ostatnie pobranie</th><th>następne sprawdzenie</th><th>błędy</th></tr></thead>
<tbody>${list.rows.map((r) => sourceRow(r, now))}</tbody></table>${pager('/sources', {}, offset, size, list.rows.length, list.total)}`
    : html`<h1>Źródła</h1><p>Kronika nie obserwuje jeszcze żadnego kanału. Dodaj go poleceniem <code>kronika sources add ${named('https://example.pl/rss.xml')}</code> i uruchom <code>kronika run</code>.</p>`;
  return page('Źródła', body);
}
