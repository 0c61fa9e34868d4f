/**
 * Where each article's words come from, so sources are counted by independent origin, not by
 * article: two pieces of one outlet are one origin; a declared reprint ("(PAP)", "za PAP", "— PAP",
 * a closing credit "JG, PAP.", "czytamy w BiznesAlert.pl", "Źródło: X") takes the reprinted
 * agency's or outlet's origin; articles that share two or more long sentences verbatim copy one
 * text (a syndicated agency piece, often undeclared) and are one origin too. Agencies and reprint
 * phrases are data: resources/<lang>/synthesis-{agencies,reprint-cues}.txt.
 */
import { basename, dirname } from 'node:path';
import { loadResource, type ResourceLanguage } from '../resources.ts';
import type { Article } from '../types.ts';
import type { StoryFeatures } from './features.ts';
import { resourceLanguage } from './resources.ts';
import { normalisedText } from './claims.ts';

export interface Origins {
  /** Article id → origin id; articles of one origin share it. */
  readonly of: ReadonlyMap<string, string>;
  /** Origin id → its name for a reader: the agency, the outlet, else the article's own. */
  readonly names: ReadonlyMap<string, string>;
}

/** Sentences at least this long, shared verbatim, are copied text, not a common phrase. */
export const COPIED_SENTENCE_WORDS = 8;
/** Two shared long sentences make two articles one text; one can be a quoted statement. */
const COPIED_SENTENCES = 2;

interface ReprintLexicon {
  /** Lower-cased agency name or alias → the agency's short name. */
  readonly agencies: ReadonlyMap<string, string>;
  readonly agencyPattern: RegExp;
  readonly via: readonly string[];
  readonly creditWords: number;
}

const cache = new Map<ResourceLanguage, ReprintLexicon>();

function reprintLexicon(language: Article['language']): ReprintLexicon {
  const lang: ResourceLanguage = resourceLanguage(language);
  let lex = cache.get(lang);
  if (!lex) {
    const agencies = new Map<string, string>();
    for (const line of loadResource(lang, 'synthesis-agencies')) {
      const names = line.split('|').map((n) => n.trim()).filter(Boolean);
      for (const n of names) agencies.set(n.toLowerCase(), names[0]!);
    }
    const escaped = [...agencies.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const via: string[] = [];
    let creditWords = 8;
    for (const line of loadResource(lang, 'synthesis-reprint-cues')) {
      const [key, rest] = line.split(/:\s*/u, 2) as [string, string];
      if (key === 'via') via.push(rest.trim().toLowerCase());
      else if (key === 'credit-words') creditWords = Number(rest);
    }
    lex = {
      agencies,
      // Whole names only, any case the text uses for the abbreviations ("PAP", "dpa").
      agencyPattern: new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
      via: via.sort((a, b) => b.length - a.length),
      creditWords,
    };
    cache.set(lang, lex);
  }
  return lex;
}

/** The folder a file sits in is what ingest names as outlet when nothing better is known: no outlet. */
function trustedOutlet(article: Article): string | undefined {
  if (!article.outlet) return undefined;
  const fromFolder = !/^[a-z][a-z0-9+.-]*:\/\//i.test(article.origin) && basename(dirname(article.origin)) === article.outlet;
  return fromFolder ? undefined : article.outlet.toLowerCase().replace(/^www\./u, '');
}

const agencyIn = (text: string, lex: ReprintLexicon): string | undefined => {
  const m = lex.agencyPattern.exec(text);
  return m ? lex.agencies.get(m[1]!.toLowerCase()) : undefined;
};

/**
 * A web address right after a reprint phrase ("czytamy w BiznesAlert.pl"), or a capitalised name
 * followed by a dash and the reprinted headline ("Źródło: Express Bydgoski - Ryanair odwołał…"); a
 * bare capitalised name is more often a photo credit ("źródło: ShutterStock").
 */
function sourceNameAfter(text: string): string | undefined {
  const address = /^[\s:]*((?:[\p{L}\p{N}-]+\.)+(?:pl|com|eu|net|org|info)\b)/u.exec(text);
  if (address) return address[1]!.toLowerCase().replace(/^www\./u, '');
  const named = /^[\s:]*(\p{Lu}[\p{L}-]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}-]*)*)\s+[-–—]\s/u.exec(text);
  return named?.[1]?.toLowerCase();
}

/** The agency or outlet an article declares it reprints, if any. */
export function declaredSource(article: Article): string | undefined {
  const lex = reprintLexicon(article.language);
  const text = article.text;
  // "(PAP)", "Z Brukseli Grzegorz Paluch (PAP)".
  for (const m of text.matchAll(/\(([^()]{1,40})\)/gu)) {
    const agency = agencyIn(m[1]!, lex);
    if (agency && m[1]!.trim().split(/\s+/u).length <= 3) return agency;
  }
  // "za PAP", "czytamy w BiznesAlert.pl", "Źródło: PAP".
  const lowered = text.toLowerCase();
  for (const via of lex.via) {
    for (let at = lowered.indexOf(via); at >= 0; at = lowered.indexOf(via, at + 1)) {
      const before = at === 0 ? ' ' : text[at - 1]!;
      if (/[\p{L}\p{N}]/u.test(before)) continue;
      const rest = text.slice(at + via.length, at + via.length + 60);
      if (!/^[\s:]/u.test(rest)) continue;
      const agency = agencyIn(rest.slice(0, 30), lex);
      if (agency && rest.trimStart().replace(/^:\s*/u, '').toLowerCase().startsWith(agency.toLowerCase().slice(0, 3))) return agency;
      // Other outlets only after the explicit phrases ("czytamy w", "Źródło:"), not after "za".
      if (via.length > 2) {
        const name = sourceNameAfter(rest);
        if (name) return name;
      }
    }
  }
  // A closing credit line: "PAP.", "JG, PAP.", "RadioZET.pl/PAP/JŚ.", "Polska Agencja Prasowa".
  const lines = text.split(/\n+|(?<=[.!?])\s+/u).map((l) => l.trim()).filter(Boolean);
  for (const line of lines.slice(-2)) {
    if (line.split(/\s+/u).length > lex.creditWords) continue;
    const agency = agencyIn(line.replace(/[/,]/gu, ' '), lex);
    if (agency) return agency;
  }
  return undefined;
}

function find(parent: Map<string, string>, x: string): string {
  let root = x;
  while (parent.get(root) !== root) root = parent.get(root)!;
  parent.set(x, root);
  return root;
}

/** Origins of a story's articles (the module comment says how they are told apart). */
export function storyOrigins(articles: readonly Article[], features: StoryFeatures): Origins {
  const parent = new Map<string, string>();
  const names = new Map<string, string>();
  const union = (a: string, b: string): void => {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const keyOf = new Map<string, string>();
  for (const article of articles) {
    parent.set(article.id, article.id);
    const declared = declaredSource(article);
    const outlet = trustedOutlet(article);
    const key = declared ? `source:${declared.toLowerCase()}` : outlet ? `source:${outlet}` : undefined;
    if (!key) continue;
    if (!parent.has(key)) parent.set(key, key);
    names.set(key, declared ?? outlet!);
    keyOf.set(article.id, key);
    union(key, article.id);
  }
  const ids = new Set(articles.map((a) => a.id));
  for (const article of articles) if (article.duplicateOf && ids.has(article.duplicateOf)) union(article.duplicateOf, article.id);
  // Verbatim copies: long sentences shared by two articles.
  const sharing = new Map<string, Set<number>>();
  for (const s of features.sentences) {
    if (s.words.length < COPIED_SENTENCE_WORDS) continue;
    const text = normalisedText(s);
    const set = sharing.get(text) ?? new Set<number>();
    set.add(s.articleIndex);
    sharing.set(text, set);
  }
  // Pairs counted by index (i * n + j): string pair keys cost more than the counting itself.
  const n = features.byArticle.length;
  const shared = new Map<number, number>();
  for (const set of sharing.values()) {
    if (set.size < 2) continue;
    const list = [...set].sort((x, y) => x - y);
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const pair = list[i]! * n + list[j]!;
      const count = (shared.get(pair) ?? 0) + 1;
      shared.set(pair, count);
      if (count === COPIED_SENTENCES) union(features.byArticle[list[i]!]![0]!.article.id, features.byArticle[list[j]!]![0]!.article.id);
    }
  }
  const of = new Map<string, string>();
  const rootNames = new Map<string, string>();
  for (const article of articles) {
    const root = find(parent, article.id);
    of.set(article.id, root);
    const key = keyOf.get(article.id);
    if (key && !rootNames.has(root)) rootNames.set(root, names.get(key)!);
  }
  for (const article of articles) {
    const root = of.get(article.id)!;
    if (!rootNames.has(root)) rootNames.set(root, article.outlet ?? article.title ?? article.id);
  }
  return { of, names: rootNames };
}
