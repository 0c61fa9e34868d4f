/**
 * Named entities (DESIGN §3): mentions with nominative base forms and language-neutral keys,
 * and their grouping into entities across articles.
 *
 * findMentions, per article:
 *   1. word tokens per sentence (tokens.ts);
 *   2. name phrases from capitalised runs, sentence-initial words on evidence (detect.ts);
 *   3. known names (countries, aliases) by lemma match, else type from the head word
 *      (gazetteer.ts, classify.ts);
 *   4. base forms by Polish agreement rules and the article's own forms (base-form.ts);
 *   5. keys by transliteration skeleton (keys.ts); short person names join the full name
 *      used in the same article ("Kima" → Kim Dzong Un, "Putin" → Władimir Putin).
 * Sentence splitting and lemmatisation beyond names are left to src/text.
 */
import type { EntityType, Language, Span } from '../../types.ts';
import { phraseBase, unknownNameBase } from './base-form.ts';
import { classify, isTypeGuess } from './classify.ts';
import { demonymCountry } from './demonyms.ts';
import { findCandidates, lowerCaseUses, type Candidate } from './detect.ts';
import { knownKey, matchKnown } from './gazetteer.ts';
import { nameKey } from './keys.ts';
import { capitalise, tokenInfo } from './morphology.ts';
import { loadList } from './resources.ts';
import { splitSentences, wordTokens, type SentenceLike, type WordToken } from './tokens.ts';

export interface Mention extends Span {
  /** Surface form exactly as in the text. */
  readonly text: string;
  /** Nominative base form of this mention ("Kima" → "Kim", "Korei Północnej" → "Korea Północna"). */
  readonly base: string;
  readonly type: EntityType;
  /** Language-neutral key, the same across articles and languages for one real thing. */
  readonly key: string;
  /** Index into the sentences given (or found, when none were given). */
  readonly sentence: number;
}

export interface Entity {
  readonly key: string;
  readonly type: EntityType;
  /** Canonical base name: the most frequent base form, longest on ties. */
  readonly name: string;
  /** Every distinct base form seen. */
  readonly variants: readonly string[];
  readonly mentions: number;
  readonly articles: readonly string[];
}

export interface ArticleMentions {
  readonly articleId: string;
  readonly mentions: readonly Mention[];
}

export type { SentenceLike } from './tokens.ts';

/**
 * All name mentions of one article, in text order.
 * @example findMentions('Kim Dzong Un spotkał się z Władimirem Putinem.', 'pl', [])
 *   // → [{ base: 'Kim Dzong Un', type: 'PER', … }, { base: 'Władimir Putin', … }]
 */
export function findMentions(text: string, language: Language, sentences: readonly SentenceLike[]): Mention[] {
  const lang: Language = language === 'en' ? 'en' : 'pl';
  const tokens = wordTokens(text, sentences.length > 0 ? sentences : splitSentences(text));
  // Every word capitalised: lower-case "brexit" in the text still attests the name "Brexit".
  const forms = new Set(tokens.map((t) => capitalise(t.text)));
  const found = findCandidates(tokens, text, lang).map((c) => describe(c, tokens, text, lang, forms));
  const byPrefix = new Map<string, Mention>();
  for (const m of found) if (!m.base.includes(' ')) byPrefix.set(m.base.toLocaleLowerCase('pl').slice(0, 5), m);
  for (const c of lowerCaseUses(tokens, new Set(byPrefix.keys()), lang)) {
    const t = tokens[c.first]!;
    const like = byPrefix.get(t.text.toLocaleLowerCase('pl').slice(0, 5))!;
    const base = unknownNameBase(capitalise(t.text), forms);
    if (base.toLocaleLowerCase('pl') !== like.base.toLocaleLowerCase('pl')) continue;
    found.push({ start: t.start, end: t.end, text: t.text, base: like.base, type: like.type, key: like.key, sentence: t.sentence });
  }
  found.sort((a, b) => a.start - b.start);
  return placesByPreposition(resolveShortForms(resolveShortNames(found, lang)), text, lang);
}

function describe(c: Candidate, tokens: readonly WordToken[], text: string, language: Language, forms: ReadonlySet<string>): Mention {
  const first = tokens[c.first]!;
  const last = tokens[c.last]!;
  const words = tokens.slice(c.first, c.last + 1).map((t) => t.text);
  const span = { start: first.start, end: last.end, text: text.slice(first.start, last.end), sentence: first.sentence };
  const known = matchKnown(words, language);
  if (known && known.length === words.length) return { ...span, base: known.entry.name, type: known.entry.type, key: known.entry.key };
  const type = classify(words, language);
  const base = language === 'pl' ? phraseBase(words, type === 'PER', forms) : englishBase(words);
  const byBase = knownKey(base, language);
  if (byBase) return { ...span, base, type: byBase.type, key: byBase.key };
  const country = language === 'pl' && words.length === 1 && tokenInfo(words[0]!).demonym ? demonymCountry(base) : undefined;
  return { ...span, base, type, key: country ?? nameKey(base, language) };
}

/** English names do not inflect; only the possessive goes ("Putin's" → "Putin"). */
function englishBase(words: readonly string[]): string {
  return words.join(' ').replace(/['’]s$/u, '');
}

/**
 * Step 5: a one-word person-like mention takes the key of the multi-word person name in the
 * same article that contains it; with several ("Kim Dzong Un", "Kim Jo Dzong"), the one
 * mentioned most, since a bare short form refers to the article's main bearer of the name.
 */
function resolveShortNames(mentions: readonly Mention[], language: Language): Mention[] {
  const full = new Map<string, Map<string, { count: number; type: EntityType }>>();
  for (const m of mentions) {
    if (m.type !== 'PER' || !m.base.includes(' ')) continue;
    for (const part of m.base.split(' ')) {
      // Exact (caseless) parts: within one article spelling is stable, and skeletons would
      // let "Jak" join "Jake Sullivan".
      const k = part.toLocaleLowerCase('pl');
      const byKey = full.get(k) ?? new Map();
      const entry = byKey.get(m.key) ?? { count: 0, type: m.type };
      entry.count++;
      byKey.set(m.key, entry);
      full.set(k, byKey);
    }
  }
  return mentions.map((m) => {
    if (m.base.includes(' ') || m.key.startsWith('geo-')) return m;
    const options = full.get(m.base.toLocaleLowerCase('pl'));
    if (!options) return m;
    const [key, best] = [...options.entries()].sort((a, b) => b[1].count - a[1].count)[0]!;
    return { ...m, key, type: best.type };
  });
}

/**
 * An unknown one-word name typed by default becomes a place when the article puts it after a
 * locative preposition ("w Pjongjangu", "we Władywostoku"); resources/pl/entity-loc-prepositions.txt.
 */
function placesByPreposition(mentions: readonly Mention[], text: string, language: Language): Mention[] {
  if (language !== 'pl') return [...mentions];
  const prepositions = new Set(loadList('pl', 'entity-loc-prepositions'));
  const placeKeys = new Set<string>();
  for (const m of mentions) {
    const before = /(\p{L}+)\s$/u.exec(text.slice(Math.max(0, m.start - 4), m.start))?.[1];
    if (before && prepositions.has(before.toLocaleLowerCase('pl'))) placeKeys.add(m.key);
  }
  return mentions.map((m) =>
    m.type !== 'LOC' && placeKeys.has(m.key) && isTypeGuess(m.text.split(' '), language) ? { ...m, type: 'LOC' as const } : m,
  );
}

/**
 * Short forms of institutions and places within one article: an acronym made of a longer
 * name's initials ("KE" after "Komisja Europejska", "PE", "ONZ") and a bare head noun that
 * starts exactly one longer name ("Komisja" → Komisja Europejska; "Korea" stays apart when
 * both Koreas are named) take that name's key.
 */
function resolveShortForms(mentions: readonly Mention[]): Mention[] {
  const byInitials = new Map<string, Set<string>>();
  const byHead = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type === 'PER' || !m.base.includes(' ')) continue;
    const words = m.base.split(' ').filter((w) => /^\p{Lu}/u.test(w));
    const initials = words.map((w) => w[0]).join('');
    if (initials.length >= 2) (byInitials.get(initials) ?? byInitials.set(initials, new Set()).get(initials)!).add(m.key);
    const head = m.base.split(' ')[0]!.toLocaleLowerCase('pl');
    (byHead.get(head) ?? byHead.set(head, new Set()).get(head)!).add(m.key);
  }
  return mentions.map((m) => {
    if (m.type === 'PER' || m.base.includes(' ')) return m;
    const options = /^\p{Lu}{2,}$/u.test(m.base) ? byInitials.get(m.base) : byHead.get(m.base.toLocaleLowerCase('pl'));
    if (!options || options.size !== 1) return m;
    const [key] = options;
    return key === m.key ? m : { ...m, key: key! };
  });
}

/** A surname must point at one full name this many times more often than at any other. */
const SURNAME_DOMINANCE = 3;

/**
 * Across articles, a bare surname ("May", "Tusk" in an article that never gives the full
 * name) takes the key of the one multi-word person name ending in it elsewhere in the
 * collection ("Theresa May"); ambiguous surnames keep their own key. Returns re-keyed copies.
 * @example linkAcrossArticles(docs).flatMap((d) => d.mentions).find((m) => m.text === 'May')?.key
 */
export function linkAcrossArticles(docs: readonly ArticleMentions[]): ArticleMentions[] {
  const bySurname = new Map<string, Map<string, number>>();
  for (const doc of docs) {
    for (const m of doc.mentions) {
      if (m.type !== 'PER' || !m.base.includes(' ')) continue;
      const last = m.base.split(' ').pop()!;
      const surname = nameKey(last, 'pl');
      const keys = bySurname.get(surname) ?? new Map<string, number>();
      keys.set(m.key, (keys.get(m.key) ?? 0) + 1);
      bySurname.set(surname, keys);
    }
  }
  const target = new Map<string, string | undefined>();
  const resolve = (m: Mention): string | undefined => {
    const surname = m.key;
    if (target.has(surname)) return target.get(surname);
    const ranked = [...(bySurname.get(surname)?.entries() ?? [])].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    const key = first && (!second || first[1] >= SURNAME_DOMINANCE * second[1]) ? first[0] : undefined;
    target.set(surname, key);
    return key;
  };
  return docs.map((doc) => ({
    articleId: doc.articleId,
    mentions: doc.mentions.map((m) => {
      if (m.base.includes(' ') || m.key.includes('-')) return m;
      // A person's surname, or an unknown word typed only by default ("May" → ORG guess).
      if (m.type !== 'PER' && !isTypeGuess([m.text], 'pl')) return m;
      const key = resolve(m);
      return key ? { ...m, key, type: 'PER' as const } : m;
    }),
  }));
}

/**
 * Entities across articles: one per key, with its most frequent type and name. Bare surnames
 * are linked first (linkAcrossArticles), so "May" joins "Theresa May".
 * @example groupEntities([{ articleId: 'a', mentions: findMentions(text, 'pl', []) }])
 */
export function groupEntities(input: readonly ArticleMentions[]): Entity[] {
  const docs = linkAcrossArticles(input);
  const acc = new Map<string, { types: Map<EntityType, number>; names: Map<string, number>; mentions: number; articles: Set<string> }>();
  for (const doc of docs) {
    for (const m of doc.mentions) {
      let e = acc.get(m.key);
      if (!e) {
        e = { types: new Map(), names: new Map(), mentions: 0, articles: new Set() };
        acc.set(m.key, e);
      }
      e.types.set(m.type, (e.types.get(m.type) ?? 0) + 1);
      e.names.set(m.base, (e.names.get(m.base) ?? 0) + 1);
      e.mentions++;
      e.articles.add(doc.articleId);
    }
  }
  const top = <T>(counts: Map<T, number>, tie: (a: T, b: T) => number) =>
    [...counts.entries()].sort((a, b) => b[1] - a[1] || tie(a[0], b[0]))[0]![0];
  return [...acc.entries()]
    .map(([key, e]) => ({
      key,
      type: top(e.types, () => 0),
      name: top(e.names, (a, b) => b.length - a.length),
      variants: [...e.names.keys()].sort(),
      mentions: e.mentions,
      articles: [...e.articles].sort(),
    }))
    .sort((a, b) => b.mentions - a.mentions || a.key.localeCompare(b.key));
}
