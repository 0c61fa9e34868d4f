/**
 * HTML reader: one news page → RawDocument. The page is parsed once (linkedom); metadata is read
 * first (JSON-LD, OpenGraph, <time>, <meta name="author">, canonical link), then share / cookie /
 * newsletter / related / comment widgets are cut out and recorded, then Readability picks the
 * article body, which is turned into paragraphs. Text-level cleaning is left to clean.ts.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Published, RawDocument, RemovedBlock, RemovedKind } from '../types.ts';
import { isHttpUrl } from '../net/url.ts';
import { IngestError } from './errors.ts';
import { boundHtml, DEFAULT_HTML_BUDGET, type HtmlBudget } from './html-budget.ts';
import { parsePublished } from './published.ts';

export interface HtmlInput {
  /** File path or URL, named in errors and kept as the document's origin. */
  readonly origin: string;
  /** The page's URL when fetched; the canonical link wins over it. */
  readonly url?: string;
  /** Depth and element limits checked before parsing (src/ingest/html-budget.ts). */
  readonly budget?: HtmlBudget;
}

/** Metadata a page declares about its article. */
export interface PageMetadata {
  readonly title?: string;
  readonly published?: Published;
  readonly author?: string;
  readonly outlet?: string;
  readonly url?: string;
  /** JSON-LD `articleBody`: the fallback when no body is found in the markup (script-rendered pages). */
  readonly body?: string;
}

/**
 * Widgets recognised by their class or id (site vocabulary, language-neutral). Matched against
 * whole tokens or token parts split at `-`/`_`, e.g. `article-share`, `cookieBanner`, `box_polecane`.
 */
const WIDGET_HINTS: readonly (readonly [RemovedKind, RegExp])[] = [
  ['cookie', /cookie|consent|gdpr|rodo/i],
  ['newsletter', /newsletter|subscribe|subskryp/i],
  ['share', /(^|[\s_-])(share|sharing|social|socials|udostepnij)([\s_-]|$)|sharebar|sharebox/i],
  ['related', /(^|[\s_-])(related|recommended|polecane|polecamy|zobacz-tez|czytaj-tez|read-more|more-stories|most-read|popular)([\s_-]|$)/i],
  ['other', /(^|[\s_-])(comments?|komentarze|disqus)([\s_-]|$)/i],
];
/** A widget holds little text; a longer match is more likely a wrapper around the article itself. */
const MAX_WIDGET_CHARS = 1500;
/**
 * Elements that are never article text (`localName`, lower case in HTML and SVG alike). Asides are
 * sidebars and boxes beside the story; cutting them before Readability scores the page nearly
 * doubled throughput on a sidebar-heavy 195 KB page (42 → 80 pages/s, CPU time, 2026-11), at the
 * cost of the odd fact box marked up as <aside>.
 */
const NON_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'button', 'form', 'nav', 'aside']);
/** Block elements whose text forms one paragraph each. */
const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TD', 'TH', 'FIGCAPTION', 'TR']);
const ARTICLE_TYPE = /(^|:)(\w*NewsArticle|Article|BlogPosting|Report)$/;

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * What one walk over the page collects. linkedom answers every querySelector with a full tree
 * walk; one walk instead of about fifteen cut metadata reading from about 6 ms to 1 ms of CPU
 * on a 195 KB page (the html-polish-news-page fixture padded with navigation, 2026-11).
 */
interface PageScan {
  /** `<meta>` content by lower-cased `property` / `name` / `itemprop`; the first one wins. */
  readonly metas: Map<string, string>;
  readonly jsonLd: string[];
  canonical?: string;
  time?: string;
  title?: string;
  /** Non-content elements and widgets to cut, outermost only. */
  readonly cut: Element[];
  readonly widgets: [Element, RemovedKind][];
}

function reverseFrom<T>(items: T[], start: number): void {
  for (let i = start, j = items.length - 1; i < j; i++, j--) [items[i], items[j]] = [items[j], items[i]];
}

function scanPage(root: Element): PageScan {
  const scan: PageScan = { metas: new Map(), jsonLd: [], cut: [], widgets: [] };
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    const name = element.localName;
    if (NON_CONTENT.has(name)) {
      if (name === 'script' && /ld\+json/i.test(element.getAttribute('type') ?? '')) scan.jsonLd.push(element.textContent ?? '');
      // A sidebar that names itself (related, most read…) is recorded like any widget.
      const kind = name === 'aside' ? widgetKind(element) : undefined;
      if (kind) scan.widgets.push([element, kind]);
      else scan.cut.push(element);
      continue;
    }
    if (name === 'meta') {
      const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop'))?.toLowerCase();
      const content = squash(element.getAttribute('content'));
      if (key && content && !scan.metas.has(key)) scan.metas.set(key, content);
    } else if (name === 'link') {
      if (!scan.canonical && element.getAttribute('rel')?.toLowerCase() === 'canonical') scan.canonical = squash(element.getAttribute('href'));
    } else if (name === 'time') {
      scan.time ??= squash(element.getAttribute('datetime')) || undefined;
    } else if (name === 'title') {
      scan.title ??= squash(element.textContent) || undefined;
    } else if (element !== root && name !== 'body') {
      const kind = widgetKind(element);
      if (kind && (element.textContent ?? '').length <= MAX_WIDGET_CHARS) {
        scan.widgets.push([element, kind]);
        continue;
      }
    }
    // Pushed in reverse so the walk runs in document order (the first <time> is the first seen).
    // Forward sibling steps: linkedom's lastElementChild / previousElementSibling walk the subtree.
    const mark = stack.length;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push(child);
    reverseFrom(stack, mark);
  }
  return scan;
}

/** Flattens JSON-LD into candidate objects: arrays, `@graph` members. */
function jsonLdObjects(scripts: readonly string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      out.push(object);
      if (object['@graph']) visit(object['@graph']);
    }
  };
  for (const script of scripts) {
    try {
      visit(JSON.parse(script));
    } catch {
      // Broken JSON-LD is common on real sites; the other metadata sources still apply.
    }
  }
  return out;
}

function isArticleType(object: Record<string, unknown>): boolean {
  const type = object['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
}

function names(value: unknown): string[] {
  if (typeof value === 'string') return [squash(value)].filter(Boolean);
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object') return names((value as Record<string, unknown>).name);
  return [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && squash(value) ? squash(value) : undefined;
}

function metadataFrom(scan: PageScan): PageMetadata {
  const meta = (key: string) => scan.metas.get(key);
  const ld = jsonLdObjects(scan.jsonLd).find(isArticleType) ?? {};
  const authors = [...new Set(names(ld.author))];
  const title = text(ld.headline) ?? meta('og:title') ?? scan.title;
  const date = text(ld.datePublished) ?? meta('article:published_time') ?? scan.time ?? meta('date') ?? meta('datepublished');
  const author = authors.length > 0 ? authors.join(', ') : meta('author');
  const outlet = meta('og:site_name') ?? names(ld.publisher)[0];
  const url = scan.canonical || meta('og:url');
  const published = parsePublished(date);
  return {
    ...(title && { title }),
    ...(published && { published }),
    ...(author && { author }),
    ...(outlet && { outlet }),
    ...(url && isHttpUrl(url) && { url }),
    ...(typeof ld.articleBody === 'string' && ld.articleBody.trim() && { body: ld.articleBody }),
  };
}

/**
 * Reads what the page says about its article; JSON-LD first, then OpenGraph and HTML.
 * @example readMetadata(parseHTML(html).document).outlet // → 'Gazeta Wyborcza'
 */
export function readMetadata(document: Document): PageMetadata {
  return metadataFrom(scanPage(document.documentElement));
}

function widgetKind(element: Element): RemovedKind | undefined {
  const label = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (!label.trim()) return undefined;
  for (const [kind, hint] of WIDGET_HINTS) if (hint.test(label)) return kind;
  return undefined;
}

/** Cuts non-content elements and widgets out of the page, recording the widgets' text. */
function cutScanned(scan: PageScan, removed: RemovedBlock[]): void {
  for (const element of scan.cut) element.remove();
  for (const [element, kind] of scan.widgets) {
    const content = elementParagraphs(element).join('\n');
    if (content) removed.push({ kind, text: content });
    element.remove();
  }
}

/** Figure captions describe pictures, not the event: they go to `removed`. */
function cutCaptions(root: Element, removed: RemovedBlock[]): void {
  for (const caption of [...root.querySelectorAll('figcaption')]) {
    const content = squash(caption.textContent);
    if (content) removed.push({ kind: 'photo-credit', text: content });
    caption.remove();
  }
}

/**
 * The paragraphs of a DOM subtree: one per block element (p, headings, list items, quotes…),
 * with loose inline text between blocks gathered into its own paragraph.
 */
export function elementParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  let pending = '';
  const flush = () => {
    const paragraph = squash(pending);
    if (paragraph) paragraphs.push(paragraph);
    pending = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) pending += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.tagName === 'BR') pending += ' ';
        else if (BLOCKS.has(element.tagName) && !element.querySelector('p, li, blockquote, h2, h3, h4')) {
          flush();
          pending = element.textContent ?? '';
          flush();
        } else {
          const inline = !/^(DIV|SECTION|ARTICLE|UL|OL|TABLE|TBODY|THEAD|FIGURE|HEADER|FOOTER|MAIN|ASIDE|DL|P|LI|BLOCKQUOTE|H\d)$/.test(element.tagName);
          if (!inline) flush();
          walk(element);
          if (!inline) flush();
        }
      }
    }
  };
  walk(root);
  flush();
  return paragraphs;
}

/**
 * Paragraphs of an HTML fragment (feed content:encoded, JSONL html), without Readability:
 * the fragment is the article already.
 * @example htmlFragmentParagraphs('<p>Ala</p><p>ma kota</p>') // → ['Ala', 'ma kota']
 */
export function htmlFragmentParagraphs(html: string, removed: RemovedBlock[] = [], origin = 'HTML fragment'): string[] {
  const bounded = boundHtml(`<!doctype html><html><body>${html}</body></html>`, origin, DEFAULT_HTML_BUDGET).html;
  const { document } = parseHTML(bounded);
  cutScanned(scanPage(document.body), removed);
  cutCaptions(document.body, removed);
  return elementParagraphs(document.body);
}

/** articleBody is plain text with line breaks between paragraphs, or one run-on block. */
function splitBody(body: string): string[] {
  return body.split(/\n+/).map(squash).filter(Boolean);
}

/**
 * Reads one news page.
 * 1. hold the page to its depth and element budget, parse once; 2. metadata; 3. cut widgets and non-content elements; 4. Readability picks the
 * body; 5. body → paragraphs (figure captions go to `removed`); 6. no body in the markup →
 * JSON-LD articleBody, as script-rendered sites ship the text only there.
 * Throws IngestError when no article text is found.
 * @example readHtml(pageHtml, { origin: 'page.html' }).title // → 'Kim Dzong Un w Rosji'
 */
export function readHtml(html: string, input: HtmlInput): RawDocument {
  const { document } = parseHTML(boundHtml(html, input.origin, input.budget).html);
  // Text of stray '<' and no element at all ("<<<<", "<a"): linkedom builds an empty document.
  if (!document.documentElement) throw new IngestError(input.origin, 'no HTML elements found (not a web page)');
  if (!document.body) throw new IngestError(input.origin, 'no <body> in HTML');
  const scan = scanPage(document.documentElement);
  const metadata = metadataFrom(scan);
  const removed: RemovedBlock[] = [];
  cutScanned(scan, removed);
  const article = new Readability<Node>(document, { serializer: (node) => node, disableJSONLD: true }).parse();
  const content = article?.content as Element | null | undefined;
  if (content) cutCaptions(content, removed);
  let paragraphs = content ? elementParagraphs(content) : [];
  if (paragraphs.length === 0 && metadata.body) paragraphs = splitBody(metadata.body);
  if (paragraphs.length === 0) throw new IngestError(input.origin, 'no article text found in HTML');
  const title = metadata.title ?? (squash(article?.title) || undefined);
  const author = metadata.author ?? (squash(article?.byline) || undefined);
  const url = metadata.url ?? input.url;
  return {
    origin: input.origin,
    format: 'html',
    text: paragraphs.join('\n\n'),
    ...(title && { title }),
    ...(url && { url }),
    ...(metadata.published && { published: metadata.published }),
    ...(author && { author }),
    ...(metadata.outlet && { outlet: metadata.outlet }),
    removed,
  };
}
