/**
 * The budget an HTML page is held to BEFORE a DOM is built: Readability on linkedom costs time
 * quadratic in nesting depth (a 22 KB page nested 2,000 deep took 75 s), so a linear scan of the
 * tags comes first. Elements nested deeper than `maxDepth` are flattened (their tags dropped,
 * their text kept, so a sloppy page of unclosed <font> tags still reads); a page with more than
 * `maxElements` elements is refused with one line naming it. The scan mirrors what the parser
 * (htmlparser2 under linkedom) does where it matters for depth: void elements, raw-text elements,
 * end tags closing every element opened inside, `<p>`/`<li>`/table cells closing their previous
 * sibling, and self-closing tags inside SVG and MathML only.
 */
import { IngestError } from './errors.ts';

export interface HtmlBudget {
  /** Deepest element nesting kept; deeper tags are dropped and their text kept. */
  readonly maxDepth: number;
  /** More elements than this and the page is refused. */
  readonly maxElements: number;
}

/**
 * Real article pages nest 15–40 deep (the fixtures: at most 24) and hold a few thousand
 * elements (a 195 KB page padded with navigation: about 3,000). 128 levels keep Readability
 * under about 0.3 s on a pathological page; 50,000 elements is a 2 MB live blog with room left.
 */
export const DEFAULT_HTML_BUDGET: HtmlBudget = Object.freeze({ maxDepth: 128, maxElements: 50_000 });

export interface BoundedHtml {
  readonly html: string;
  /** Deepest nesting seen in the input (before flattening). */
  readonly depth: number;
  readonly elements: number;
  /** Start tags dropped for being too deep. */
  readonly flattened: number;
}

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Their content is text up to the matching end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
const FOREIGN = new Set(['svg', 'math']);
/** Opening the key closes the current element when it is one of the values (htmlparser2 openImpliesClose). */
const CLOSES_P = ['p'];
const IMPLIED: readonly (readonly [string, readonly string[]])[] = [
  ['p', CLOSES_P], ['li', ['li']], ['dt', ['dt', 'dd']], ['dd', ['dt', 'dd']], ['tr', ['tr', 'th', 'td']],
  ['th', ['th', 'td']], ['td', ['th', 'td']], ['option', ['option']], ['optgroup', ['optgroup', 'option']],
  ['tbody', ['thead', 'tbody']], ['tfoot', ['thead', 'tbody']], ['rt', ['rt', 'rp']], ['rp', ['rt', 'rp']],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer',
    'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul']
    .map((tag) => [tag, CLOSES_P] as const),
];
const IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map(IMPLIED.map(([tag, closes]) => [tag, new Set(closes)]));

interface Open {
  readonly name: string;
  /** Dropped for being too deep: its end tag is dropped too. */
  readonly dropped: boolean;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Index of the `>` ending a tag whose name ends at `from`, skipping quoted attribute values; -1 if none. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x3e) {
      return i;
    } else if ((c === 0x22 || c === 0x27) && afterEquals) {
      quote = c;
      afterEquals = false;
    } else if (c === 0x3d) {
      afterEquals = true;
    } else if (!isSpace(c)) {
      afterEquals = false;
    }
  }
  return -1;
}

function nameEnd(html: string, from: number): number {
  let i = from;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (isSpace(c) || c === 0x2f || c === 0x3e) break;
    i++;
  }
  return i;
}

/**
 * Holds an HTML page to the budget: flattens what is nested too deep, refuses a page with too
 * many elements (IngestError naming `origin`). Linear in the page's length.
 * @example boundHtml('<div>'.repeat(5000) + 'tekst', 'a.html').depth // → 5000 (flattened to 128)
 */
export function boundHtml(html: string, origin: string, budget: HtmlBudget = DEFAULT_HTML_BUDGET): BoundedHtml {
  const stack: Open[] = [];
  /** Open elements by name, so an end tag with no open element is ignored in O(1). */
  const openCount = new Map<string, number>();
  let foreign = 0;
  let elements = 0;
  let depth = 0;
  let flattened = 0;
  const kept: string[] = [];
  let copiedTo = 0;
  const drop = (start: number, end: number) => {
    kept.push(html.slice(copiedTo, start));
    copiedTo = end;
  };
  const pop = (): Open => {
    const top = stack.pop()!;
    openCount.set(top.name, openCount.get(top.name)! - 1);
    if (FOREIGN.has(top.name)) foreign--;
    return top;
  };

  let i = html.indexOf('<');
  while (i !== -1 && i < html.length) {
    const next = html.charCodeAt(i + 1);
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close === -1 ? -1 : html.indexOf('<', close + 3);
      continue;
    }
    if (next === 0x21 || next === 0x3f) { // <!doctype …>, <?xml …?>, <![CDATA[ … ]]>
      const close = html.indexOf('>', i + 2);
      i = close === -1 ? -1 : html.indexOf('<', close + 1);
      continue;
    }
    const closing = next === 0x2f;
    const nameStart = closing ? i + 2 : i + 1;
    if (!isLetter(html.charCodeAt(nameStart))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const afterName = nameEnd(html, nameStart);
    const end = tagEnd(html, afterName);
    if (end === -1) break; // an unfinished tag at the end: the parser drops it
    const name = html.slice(nameStart, afterName).toLowerCase();

    if (closing) {
      if ((openCount.get(name) ?? 0) > 0) {
        let top: Open;
        do top = pop(); while (top.name !== name);
        if (top.dropped) drop(i, end + 1);
      }
      i = html.indexOf('<', end + 1);
      continue;
    }

    elements++;
    if (elements > budget.maxElements) {
      throw new IngestError(origin, `HTML has more than ${budget.maxElements.toLocaleString('en')} elements: refused`);
    }
    const implied = IMPLIES_CLOSE.get(name);
    while (implied && stack.length > 0 && implied.has(stack.at(-1)!.name)) pop();
    const selfClosing = html.charCodeAt(end - 1) === 0x2f && foreign > 0;
    const opens = !VOID.has(name) && !selfClosing;
    const level = stack.length + 1;
    depth = Math.max(depth, level);
    const tooDeep = level > budget.maxDepth;
    let resume = end + 1;
    if (RAW_TEXT.has(name) && opens) {
      const closeTag = new RegExp(`</${name}[\\s/>]`, 'gi');
      closeTag.lastIndex = end + 1;
      const found = closeTag.exec(html);
      const closeEnd = found ? html.indexOf('>', found.index) + 1 || html.length : html.length;
      if (tooDeep) {
        flattened++;
        drop(i, closeEnd); // a dropped script's code must not turn into page text
      }
      i = html.indexOf('<', closeEnd);
      continue;
    }
    if (tooDeep) {
      flattened++;
      drop(i, resume);
    }
    if (opens) {
      stack.push({ name, dropped: tooDeep });
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
      if (FOREIGN.has(name)) foreign++;
    }
    i = html.indexOf('<', resume);
  }
  if (flattened === 0) return { html, depth, elements, flattened };
  kept.push(html.slice(copiedTo));
  return { html: kept.join(''), depth, elements, flattened };
}
