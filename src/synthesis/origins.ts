/**
 * Where each article's words come from, so sources are counted by independent origin, not by
 * article: two pieces of one outlet are one origin; a declared reprint ("(PAP)", "za PAP", "— PAP",
 * a closing credit "JG, PAP.", "czytamy w BiznesAlert.pl", "Źródło: X") takes the reprinted
 * agency's or outlet's origin; an article mostly inside another one (most of its 5-word runs) is a
 * copy of one text (a syndicated agency piece, often undeclared) and takes that text's origin, not
 * its outlet's (storyOrigins, the story's count of independent sources). Claims count their
 * corroboration by the older, linked grouping (linkedOrigins). Agencies and reprint phrases are
 * data: resources/<lang>/synthesis-{agencies,reprint-cues}.txt.
 */
import { basename, dirname } from 'node:path';
import { loadResource, type ResourceLanguage } from '../resources.ts';
import { shingleWords } from '../stories/fingerprint.ts';
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

/** Copied text is told by runs of this many words shared in order (5-word shingles). */
const SHINGLE_WORDS = 5;
/**
 * One article copies another when most of the shorter one is inside the longer: at least this share
 * of its shingles, and at least MIN_SHARED_SHINGLES of them (a one-sentence quote standing as an
 * article, "Udało nam się przekonać Brytyjczyków…", is the speaker's words, not a copy). Measured
 * 2026-12-07 on the eighteen labelled synthesis stories (eval/data/synthesis): pairs of different
 * outlets that the labels call one origin share 0.50–1 of the shorter text, all but one pair of
 * different origins share less than 0.45; a background paragraph every outlet takes from the
 * agency ("Dwóch polityków … zostało zamordowanych") is two sentences of thirty, 0.2–0.36.
 */
const COPIED_SHARE = 0.5;
const MIN_SHARED_SHINGLES = 20;
/** Outlets printing one uncredited text that make it a wire dispatch (storyOrigins). */
const WIRE_OUTLETS = 3;

function find(parent: Map<string, string>, x: string): string {
  let root = x;
  while (parent.get(root) !== root) root = parent.get(root)!;
  parent.set(x, root);
  return root;
}

/** Disjoint sets of ids (both groupings below): `union` joins two sets, `root` names a set by one member. */
function disjointSets(ids: Iterable<string>) {
  const parent = new Map<string, string>();
  for (const id of ids) parent.set(id, id);
  return {
    add: (x: string): void => void (parent.has(x) || parent.set(x, x)),
    root: (x: string): string => find(parent, x),
    union(a: string, b: string): void {
      const ra = find(parent, a);
      const rb = find(parent, b);
      if (ra !== rb) parent.set(rb, ra);
    },
  };
}

/** An article the store keeps as a near-duplicate of another in the story shares that one's origin. */
function joinDuplicates(articles: readonly Article[], union: (a: string, b: string) => void): void {
  const ids = new Set(articles.map((a) => a.id));
  for (const article of articles) if (article.duplicateOf && ids.has(article.duplicateOf)) union(article.duplicateOf, article.id);
}

/** Pair key of two article indexes (i < j) of n: string keys cost more than the counting itself. */
const pairKey = (i: number, j: number, n: number): number => i * n + j;

/** Counts, per pair of articles (pairKey), of what both hold, given what each holds. */
function countPairs(held: Iterable<readonly number[]>, n: number): Map<number, number> {
  const into = new Map<number, number>();
  for (const list of held) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const key = pairKey(list[i]!, list[j]!, n);
      into.set(key, (into.get(key) ?? 0) + 1);
    }
  }
  return into;
}

/** Long sentences shared verbatim, per pair of articles. */
function sharedSentences(features: StoryFeatures): Map<number, number> {
  const bySentence = new Map<string, Set<number>>();
  for (const s of features.sentences) {
    if (s.words.length < COPIED_SENTENCE_WORDS) continue;
    const text = normalisedText(s);
    const set = bySentence.get(text) ?? new Set<number>();
    set.add(s.articleIndex);
    bySentence.set(text, set);
  }
  return countPairs([...bySentence.values()].filter((set) => set.size > 1).map((set) => [...set].sort((x, y) => x - y)), features.byArticle.length);
}

/** Shingles shared per pair of articles, and each article's own count of them. */
function sharedShingles(features: StoryFeatures): { shingles: Map<number, number>; sizes: number[] } {
  const n = features.byArticle.length;
  const byShingle = new Map<string, number[]>();
  const sizes: number[] = [];
  for (let a = 0; a < n; a++) {
    // The whole text's words, across sentence ends: a copy may split or join sentences.
    const words = shingleWords(features.byArticle[a]![0]!.article.text);
    const own = new Set<string>();
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) own.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
    sizes.push(own.size);
    for (const sh of own) {
      const list = byShingle.get(sh);
      if (list) list.push(a);
      else byShingle.set(sh, [a]);
    }
  }
  return { shingles: countPairs([...byShingle.values()].filter((l) => l.length > 1), n), sizes };
}

/** Day of publication, for which of a copied text's articles came first. */
const publishedDay = (article: Article): string => article.published?.value.slice(0, 10) ?? '9999';

/**
 * Origins of a story's articles. An article's origin is, in this order: the source it declares
 * ("za PAP"); the source declared by an article it copies or that copies it (a copied text is one
 * origin, however many outlets print it); for a text several outlets print with no credit, the
 * outlet that printed it first (ties: the longest print, since a copy trims more often than it
 * adds); else its own outlet. An outlet's own articles share its origin, but an outlet that prints
 * someone else's text does not bring that text's origin to its other articles.
 */
export function storyOrigins(articles: readonly Article[], features: StoryFeatures): Origins {
  const { union, root: setOf } = disjointSets(articles.map((a) => a.id));
  joinDuplicates(articles, union);
  const n = features.byArticle.length;
  const articleAt = (i: number): Article => features.byArticle[i]![0]!.article;
  const { shingles, sizes } = sharedShingles(features);
  const sentenceCount = (i: number): number => features.byArticle[i]!.length;
  for (const [key, shared] of shingles) {
    const i = Math.floor(key / n);
    const j = key % n;
    const smaller = Math.min(sizes[i]!, sizes[j]!);
    if (shared >= MIN_SHARED_SHINGLES && shared >= COPIED_SHARE * smaller) union(articleAt(i).id, articleAt(j).id);
  }
  // A short lede page (a headline and two sentences) has too few shingles, but its long sentences
  // copied whole tell the copy just as well.
  for (const [key, shared] of sharedSentences(features)) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (shared >= COPIED_SENTENCES && shared >= COPIED_SHARE * Math.min(sentenceCount(i), sentenceCount(j))) union(articleAt(i).id, articleAt(j).id);
  }
  const textOf = new Map<string, Article[]>();
  for (const article of articles) {
    const root = setOf(article.id);
    const list = textOf.get(root) ?? [];
    list.push(article);
    textOf.set(root, list);
  }
  const length = (a: Article): number => a.text.length;
  const of = new Map<string, string>();
  const names = new Map<string, string>();
  const assign = (article: Article, key: string, name: string): void => {
    of.set(article.id, key);
    if (!names.has(key)) names.set(key, name);
  };
  const agencies = new Set(reprintLexicon(articles[0]?.language ?? 'pl').agencies.values());
  const credited = new Map<string, number>();
  for (const a of articles) {
    const d = declaredSource(a);
    if (d && agencies.has(d)) credited.set(d, (credited.get(d) ?? 0) + 1);
  }
  const storyAgency = [...credited].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
  for (const copies of textOf.values()) {
    const declared = new Map<string, number>();
    for (const a of copies) {
      const d = declaredSource(a);
      if (d) declared.set(d, (declared.get(d) ?? 0) + 1);
    }
    const outlets = new Set(copies.map((a) => trustedOutlet(a) ?? a.id));
    // Three outlets printing one text word for word run a wire dispatch (two may be a partner site
    // taking the other's piece): the agency the story's other articles credit.
    const textSource = [...declared].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? (outlets.size >= WIRE_OUTLETS ? storyAgency : undefined);
    const first = [...copies].sort((x, y) => publishedDay(x).localeCompare(publishedDay(y)) || length(y) - length(x))[0]!;
    const firstOutlet = trustedOutlet(first);
    for (const a of copies) {
      const own = declaredSource(a) ?? textSource;
      if (own) assign(a, `source:${own.toLowerCase()}`, own);
      else if (copies.length > 1 && firstOutlet) assign(a, `source:${firstOutlet}`, firstOutlet);
      else {
        const outlet = trustedOutlet(a);
        if (outlet) assign(a, `source:${outlet}`, outlet);
        else assign(a, copies.length > 1 ? `text:${first.id}` : `article:${a.id}`, first.outlet ?? first.title ?? first.id);
      }
    }
  }
  return { of, names };
}

/**
 * The grouping claims count their corroboration by (index.ts `claimOrigins`): an outlet's articles,
 * declared reprints and articles sharing two long sentences, all linked together, so that an outlet
 * printing an agency's text brings the agency to its other articles. Coarser than storyOrigins;
 * the summary's ranking was tuned on it, and counting a claim's sources by storyOrigins moved the
 * lead of three labelled stories (docs/QUALITY.md, seventh round), so the two stay apart until the
 * summary is tuned again.
 */
export function linkedOrigins(articles: readonly Article[], features: StoryFeatures): Origins {
  const { add, union, root: setOf } = disjointSets(articles.map((a) => a.id));
  const names = new Map<string, string>();
  const keyOf = new Map<string, string>();
  for (const article of articles) {
    const declared = declaredSource(article);
    const outlet = trustedOutlet(article);
    const key = declared ? `source:${declared.toLowerCase()}` : outlet ? `source:${outlet}` : undefined;
    if (!key) continue;
    add(key);
    names.set(key, declared ?? outlet!);
    keyOf.set(article.id, key);
    union(key, article.id);
  }
  joinDuplicates(articles, union);
  // Verbatim copies: two long sentences shared by two articles.
  const n = features.byArticle.length;
  for (const [key, count] of sharedSentences(features)) {
    if (count >= COPIED_SENTENCES) union(features.byArticle[Math.floor(key / n)]![0]!.article.id, features.byArticle[key % n]![0]!.article.id);
  }
  const of = new Map<string, string>();
  const rootNames = new Map<string, string>();
  for (const article of articles) {
    const root = setOf(article.id);
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
