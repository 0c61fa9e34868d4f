/** Pieces every page uses: headlines, marked source text and names, article lines, pagers, story lines. */
import type { Story } from '../stories/story.ts';
import { firstSentence } from '../text/headline.ts';
import type { Article, Language } from '../types.ts';
import { count, formatDateRange, formatNumber, formatPublished, languageName, NOUNS } from './i18n.ts';
import { html, type SafeHtml } from './html.ts';

/** A headline made from text is cut to this (src/text/headline.ts keeps abbreviations whole). */
const HEADLINE_CHARS = 120;

/**
 * What a list shows as an article's headline: its title, else its first sentence. Never a file
 * path: where the article came from is in its details only.
 */
export function headlineOf(title: string | null | undefined, text: string, language: Language): string {
  return title ?? firstSentence(text, language, HEADLINE_CHARS) ?? 'Artykuł bez tekstu';
}

/**
 * Text of the sources, marked with its language (a screen reader switches voice; tests tell it
 * from the interface's own Polish), and names, marked as not to be translated.
 */
export function said(text: string, language: Language | string): SafeHtml {
  return html`<span lang="${language}">${text}</span>`;
}
export function named(text: string): SafeHtml {
  return html`<span translate="no">${text}</span>`;
}

/** "onet.pl · 12 września 2023 · polski": what, when, in which language. */
export function articleMeta(outlet: string | null | undefined, published: Article['published'] | null | undefined, language: Language, copy?: boolean): SafeHtml {
  // An article read from a file has no outlet: the line starts at its date, not at a bare dash.
  return html`${outlet ? html`${named(outlet)} · ` : ''}${formatPublished(published)} · ${languageName(language)}${copy ? ' · kopia innego artykułu' : ''}`;
}

/** A link to `path` with these query parameters (empty ones left out). */
export function hrefWith(path: string, params: Readonly<Record<string, string | number | undefined>>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Previous and next page, and where this page is ("31–60 z 412"); `total` when known, else the
 * next link shows while pages are full.
 */
export function pager(path: string, params: Readonly<Record<string, string | number | undefined>>, offset: number, size: number, shown: number, total?: number): SafeHtml {
  const link = (to: number) => hrefWith(path, { ...params, offset: to || undefined });
  const hasNext = total === undefined ? shown === size : offset + shown < total;
  const where = shown && total !== undefined ? html`<span class="meta">${formatNumber(offset + 1)}–${formatNumber(offset + shown)} z ${formatNumber(total)}</span>` : html`<span></span>`;
  if (offset === 0 && !hasNext) return html`<nav class="pages" aria-label="strony">${where}</nav>`;
  return html`<nav class="pages" aria-label="strony">${offset > 0 ? html`<a href="${link(Math.max(0, offset - size))}" rel="prev">← poprzednie</a>` : html`<span></span>`}
${where}${hasNext ? html`<a href="${link(offset + size)}" rel="next">następne →</a>` : html`<span></span>`}</nav>`;
}

/** "4 artykuły · 3 niezależne źródła · 2 serwisy". */
export function storyCounts(articles: number, independent: number, outlets: number): string {
  return [count(articles, NOUNS.article), count(independent, NOUNS.independentSource), ...(outlets ? [count(outlets, NOUNS.outlet)] : [])].join(' · ');
}

/** A story's title in its language, or what it is when untitled. */
export function storyTitle(story: Pick<Story, 'title' | 'languages' | 'level'>): SafeHtml | string {
  return story.title ? said(story.title, story.languages[0] ?? 'und') : story.level === 'storyline' ? 'Wątek bez tytułu' : 'Wydarzenie bez tytułu';
}

/** Links to entity pages: the entity's key, and its display name, which finds a key no story has on top. */
export function entityHref(key: string, name?: string): string {
  return hrefWith(`/entities/${encodeURIComponent(key)}`, { name: name && name !== key ? name : undefined });
}

/** A story's top entities as small links (those with a display name). */
export function entityChips(entities: Story['topEntities'], max = 5): SafeHtml | '' {
  const shown = entities.filter((e) => e.name).slice(0, max);
  if (!shown.length) return '';
  return html`<ul class="entities small">${shown.map((e) => html`<li><a class="entity" href="${entityHref(e.key, e.name)}" translate="no">${e.name!}</a></li>`)}</ul>`;
}

/**
 * "131 artykułów (2 kopie) · 40 serwisów · 12–14 września 2023": one line under a story's title in
 * a list. The stored count (articles minus near-duplicates and syndicated copies) is not the
 * report's independent origins (src/synthesis/origins.ts, which reads every article's text: a list
 * cannot synthesise each story), so a list never calls it "niezależne źródła": that word belongs
 * to the story's page and report (storyCounts).
 */
export function storyLine(story: Story): string {
  const copies = story.articles - story.independentSources;
  const articles = `${count(story.articles, NOUNS.article)}${copies > 0 ? ` (${count(copies, NOUNS.copy)})` : ''}`;
  return [articles, ...(story.outlets.length ? [count(story.outlets.length, NOUNS.outlet)] : []), formatDateRange(story.firstSeen, story.lastSeen)].join(' · ');
}
