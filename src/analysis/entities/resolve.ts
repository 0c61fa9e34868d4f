/**
 * Resolution passes over one article's mentions (findMentions steps 7 and 8) and across articles
 * (linkAcrossArticles): short forms take the key of the full name they stand for.
 */
import type { EntityType, Language } from '../../types.ts';
import type { ArticleMentions, Mention } from './index.ts';
import { isAcronym } from './base-form.ts';
import { isTypeGuess } from './classify.ts';
import { taggedGroup } from './dictionary-tags.ts';
import { knownKey } from './gazetteer.ts';
import { nameKey } from './keys.ts';
import { tokenInfo } from './morphology.ts';
import { loadList, loadPairs } from './resources.ts';

/**
 * A name word compared caselessly, except that an acronym only meets the same acronym: "UN" (the
 * United Nations) is not the "Un" of "Kim Jong Un", nor "ONZ" a surname "Onz".
 */
function namePart(word: string): string {
  return isAcronym(word) ? word : word.toLocaleLowerCase('pl');
}

/**
 * A one-word person-like mention takes the key of the multi-word person name in the
 * same article that contains it; with several ("Kim Dzong Un", "Kim Jo Dzong"), the one
 * mentioned most, since a bare short form refers to the article's main bearer of the name.
 */
export function resolveShortNames(mentions: readonly Mention[]): Mention[] {
  const full = new Map<string, Map<string, { count: number; type: EntityType; guessed: boolean }>>();
  for (const m of mentions) {
    if (m.type !== 'PER' || !m.base.includes(' ')) continue;
    for (const part of m.base.split(' ')) {
      // Exact (caseless) parts: within one article spelling is stable, and skeletons would
      // let "Jak" join "Jake Sullivan".
      const k = namePart(part);
      const byKey = full.get(k) ?? new Map();
      const entry = byKey.get(m.key) ?? { count: 0, type: m.type, guessed: m.guessed === true };
      entry.count++;
      byKey.set(m.key, entry);
      full.set(k, byKey);
    }
  }
  return mentions.map((m) => {
    if (m.base.includes(' ') || m.key.startsWith('geo-')) return m;
    const options = full.get(namePart(m.base));
    if (!options) return m;
    const [key, best] = [...options.entries()].sort((a, b) => b[1].count - a[1].count)[0]!;
    return { ...typed(m, best.type, best.guessed), key };
  });
}

/**
 * An unknown one-word name typed by default becomes a place when the article puts it after a
 * locative preposition ("w Pjongjangu", "we Władywostoku"), unless the article writes it as a web
 * site; resources/pl/entity-loc-prepositions.txt.
 */
export function placesByPreposition(mentions: readonly Mention[], text: string, language: Language): Mention[] {
  if (language !== 'pl') return [...mentions];
  const prepositions = new Set(loadList('pl', 'entity-loc-prepositions'));
  const placeKeys = new Set<string>();
  for (const m of mentions) {
    const before = /(\p{L}+)\s$/u.exec(text.slice(Math.max(0, m.start - 4), m.start))?.[1];
    if (before && prepositions.has(before.toLocaleLowerCase('pl'))) placeKeys.add(m.key);
  }
  // "w BiznesAlert.pl": a web site (index.ts webSites) is read in, not located.
  for (const m of mentions) if (m.type === 'PRO' && !m.guessed && /\.\p{Ll}+$/u.test(m.text)) placeKeys.delete(m.key);
  return mentions.map((m) =>
    m.type !== 'LOC' && placeKeys.has(m.key) && isTypeGuess(m.text.split(' '), language) ? typed(m, 'LOC') : m,
  );
}

let cues: ReadonlyMap<string, EntityType> | undefined;

/**
 * A lower-case noun right before a name says what kind of name it is ("agencja Reuters",
 * "dziennik Guardian", "gazociąg Nord Stream"; resources/pl/entity-type-cues.txt). The article's
 * majority cue type goes to every mention with that key; listed names keep their listed type.
 */
export function typesFromCues(mentions: readonly Mention[], text: string, language: Language): Mention[] {
  if (language !== 'pl') return [...mentions];
  cues ??= new Map(loadPairs('pl', 'entity-type-cues').map(([lemma, type]) => [lemma, type as EntityType]));
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    const type = cueBefore(text, m.start) ?? cueDefining(text, m.end) ?? cueQuoted(text, m);
    if (!type) continue;
    const byType = votes.get(m.key) ?? new Map<EntityType, number>();
    byType.set(type, (byType.get(type) ?? 0) + 1);
    votes.set(m.key, byType);
  }
  if (votes.size === 0) return [...mentions];
  const decided = new Map([...votes].map(([key, byType]) => [key, [...byType].sort((a, b) => b[1] - a[1])[0]![0]]));
  return mentions.map((m) => {
    const type = decided.get(m.key);
    return type && type !== m.type && !knownKey(m.base, language) ? typed(m, type) : m;
  });
}

/**
 * A name quoted whole is a title: a newspaper, a programme, a book ("pisze „Financial Times”",
 * "według „Rz”"), PRO in BSNLP. Checked on BSNLP pl dev (2026-12): of the gold names with an
 * opening quote right before and a closing one right after, 376 of 446 are PRO, 44 ORG
 * (campaigns), 20 EVT.
 */
function cueQuoted(text: string, m: Mention): EntityType | undefined {
  if (!/^\p{Lu}/u.test(m.text)) return undefined;
  return /["„«“]/u.test(text.charAt(m.start - 1)) && /["”»“]/u.test(text.charAt(m.end)) ? 'PRO' : undefined;
}

/**
 * The kind noun of a defining sentence right after a name: "Wostocznyj to kosmodrom…",
 * "Ittanwali jest wsią…" (the copula, then the kind noun in any case).
 */
function cueDefining(text: string, end: number): EntityType | undefined {
  const defining = /^ (?:to|jest|był|była|było) (\p{Ll}+)/u.exec(text.slice(end, end + 40));
  if (!defining) return undefined;
  return tokenInfo(defining[1]!).lemmas.map((l) => cues!.get(l)).find((t) => t !== undefined);
}

/**
 * The kind noun right before a name, past an opening quote ("dziennik „The Times”") and up to
 * two adjectives ("irlandzkie linie lotnicze Ryanair", "tani przewoźnik Wizz Air"); it may open
 * the sentence ("Firma Ryanair …").
 */
function cueBefore(text: string, start: number): EntityType | undefined {
  // Up to three words separated by single spaces right before the name (a backward scan: an
  // end-anchored regular expression retries from every position).
  let before = text.slice(Math.max(0, start - 48), start);
  if (/["„«]$/u.test(before)) before = before.slice(0, -1);
  if (!before.endsWith(' ')) return undefined;
  const pieces = before.slice(0, -1).split(' ');
  const words: string[] = [];
  for (let i = pieces.length - 1; i >= 0 && words.length < 3 && /^\p{L}+$/u.test(pieces[i]!); i--) words.unshift(pieces[i]!);
  if (words.length === pieces.length && start - 48 > 0) words.shift(); // the first piece may be cut
  for (let i = words.length - 1, skipped = 0; i >= 0; i--) {
    const word = words[i]!;
    if (!/^\p{L}\p{Ll}*$/u.test(word)) return undefined;
    const info = tokenInfo(word.toLowerCase());
    const type = info.lemmas.map((l) => cues!.get(l)).find((t) => t !== undefined);
    if (type) return type;
    if (!info.adjective || /^\p{Lu}/u.test(word) || ++skipped > 2) return undefined;
  }
  return undefined;
}

/** The mention with a type; `guessed` says whether that type is still only a default. */
function typed(m: Mention, type: EntityType, guessed = false): Mention {
  const { guessed: _was, ...rest } = m;
  return guessed ? { ...rest, type, guessed: true } : { ...rest, type };
}

/** Evidence must reach this share of a key's guessed mentions to retype them. */
const EVIDENCE_SHARE = 0.1;

/**
 * One sense per key: mentions whose type is only a default take the type most of the key's
 * other mentions got from evidence (a head noun, a cue, a list), in one article or across a
 * collection. "Ryanair" alone reads as a place (the dictionary knows it, as it knows places);
 * "przewoźnik Ryanair" in one sentence settles every mention.
 */
export function settleGuessedTypes(mentions: readonly Mention[]): Mention[] {
  // Per distinct word: a store-wide listing settles tens of thousands of mentions of a few thousand names.
  const isGroup = memo(taggedGroup);
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    // A people's plural shares its land's key ("Szkoci" and "Szkocja", both GPE-Scotland in
    // BSNLP) but not its type: the people are PER, the land stays as its own evidence says.
    if (m.guessed || (m.type === 'PER' && isGroup(m.text))) continue;
    const byType = votes.get(m.key) ?? new Map<EntityType, number>();
    byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
    votes.set(m.key, byType);
  }
  const guesses = new Map<string, number>();
  for (const m of mentions) if (m.guessed) guesses.set(m.key, (guesses.get(m.key) ?? 0) + 1);
  return mentions.map((m) => {
    const byType = m.guessed ? votes.get(m.key) : undefined;
    if (!byType) return m;
    const [top] = [...byType].sort((a, b) => b[1] - a[1]);
    // A stray typed mention does not retype hundreds of guesses ("Londyn" in a run typed as a person).
    if (top![1] < EVIDENCE_SHARE * guesses.get(m.key)!) return m;
    return typed(m, top![0]);
  });
}

/**
 * Short forms of institutions and places within one article: an acronym made of a longer
 * name's initials ("KE" after "Komisja Europejska", "PE", "ONZ") and a bare head noun that
 * starts exactly one longer name ("Komisja" → Komisja Europejska; "Korea" stays apart when
 * both Koreas are named) take that name's key, and in English also its type when their own
 * was a guess ("Toyota" after "Toyota Motor Corp").
 */
export function resolveShortForms(mentions: readonly Mention[], language: Language = 'pl'): Mention[] {
  const byInitials = new Map<string, Set<string>>();
  const byHead = new Map<string, Set<string>>();
  const types = new Map<string, EntityType>();
  for (const m of mentions) {
    if (m.type === 'PER' || !m.base.includes(' ')) continue;
    types.set(m.key, m.type);
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
    if (key === m.key) return m;
    // A short form the head-word rules could only guess ("Toyota" → LOC) is the longer name's kind.
    const guessed = language === 'en' && isTypeGuess([m.text], language);
    return { ...m, key: key!, type: guessed ? types.get(key!)! : m.type };
  });
}

/** A surname must point at one full name this many times more often than at any other. */
const SURNAME_DOMINANCE = 3;

/** `f` with its answers kept per argument, for one pass over many mentions. */
function memo<T>(f: (word: string) => T): (word: string) => T {
  const seen = new Map<string, T>();
  return (word) => {
    if (!seen.has(word)) seen.set(word, f(word));
    return seen.get(word)!;
  };
}

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
  // Per distinct name: a store-wide listing links tens of thousands of mentions of a few thousand names.
  const known = memo((base: string) => knownKey(base, 'pl') !== undefined);
  const typeGuess = memo((text: string) => isTypeGuess([text], 'pl'));
  const linked = docs.map((doc) => ({
    articleId: doc.articleId,
    mentions: doc.mentions.map((m) => {
      // Listed names keep their identity ("Brexit" is no one's surname).
      if (m.base.includes(' ') || m.key.includes('-') || known(m.base)) return m;
      // A person's surname, or an unknown word typed only by default ("May" → ORG guess).
      if (m.type !== 'PER' && !(m.guessed && typeGuess(m.text))) return m;
      const key = resolve(m);
      return key ? { ...typed(m, 'PER'), key } : m;
    }),
  }));
  // Types settled over the whole collection: one article's cue types the name in every other.
  const settled = settleGuessedTypes(linked.flatMap((d) => d.mentions));
  let at = 0;
  return linked.map((d) => ({ articleId: d.articleId, mentions: d.mentions.map(() => settled[at++]!) }));
}
