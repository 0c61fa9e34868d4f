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
 *   5. keys by transliteration skeleton (keys.ts), countries by ISO code, demonyms to their
 *      country (demonyms.ts: "Rosjanie", "Russian", "North Korean" → geo-ru, geo-kp);
 *   6. lower-case uses of names capitalised in the article or of listed events ("brexitu");
 *   7. short person names join the full name used in the same article ("Kima" → Kim Dzong Un,
 *      "Putin" → Władimir Putin), acronyms and bare heads join the longer name
 *      ("KE" → Komisja Europejska) (resolve.ts);
 *   8. unknown one-word names after "w"/"we" become places, and a kind noun before a name
 *      types it ("agencja Reuters", "dziennik Guardian") (resolve.ts);
 *   9. English names the head-word rules only guessed take their type from the article's cues
 *      ("President Biden", "Hamas fighters", "in Gaza"; context-types.ts);
 *  10. a type that is only a default (`guessed`) takes the type the key's other mentions got
 *      from evidence (resolve.ts settleGuessedTypes; again across articles in linkAcrossArticles).
 * Lower-case names besides (6): "<country>exit" events, party members ("torysi"), units named by
 * an adjective ("województwo podlaskie"); streets after a street word ("ul. Kolejowa").
 * Wire datelines ("SAO PAULO (Reuters) -") are places, read title-cased (step 3).
 * groupEntities first links bare surnames across articles (linkAcrossArticles), then groups.
 * Sentence splitting and lemmatisation beyond names are left to src/text.
 */
import type { EntityType, Language, Span } from '../../types.ts';
import { phraseBase, streetBase, unknownNameBase } from './base-form.ts';
import { decide, eventBySuffix, groupName, stemTest } from './classify.ts';
import { typesFromContext } from './context-types.ts';
import { demonymCountry } from './demonyms.ts';
import { taggedGroup, taggedNominative } from './dictionary-tags.ts';
import { findCandidates, lowerCaseUses, type Candidate } from './detect.ts';
import { loadList, loadPairs } from './resources.ts';
import { knownBase, knownEventWords, knownKey, matchKnown } from './gazetteer.ts';
import { nameKey } from './keys.ts';
import { agreeAdjective, capitalise, tokenInfo, type Gender } from './morphology.ts';
import { linkAcrossArticles, placesByPreposition, resolveShortForms, resolveShortNames, settleGuessedTypes, typesFromCues } from './resolve.ts';
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
  /**
   * Set when the type is only the rules' default for a name with no evidence (classify.ts):
   * the article's cues or other mentions of the same key settle it (resolve.ts).
   */
  readonly guessed?: true;
}

export interface Entity {
  readonly key: string;
  readonly type: EntityType;
  /**
   * Canonical base name: the fullest form seen ("Jake Sullivan" over a more frequent "Sullivan"),
   * else the most frequent base form, longest on ties; a country's from its own name's mentions
   * ("Israel", not the demonym "Israeli").
   */
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
export { linkAcrossArticles } from './resolve.ts';

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
  const found = webSites(findCandidates(tokens, text, lang).map((c) => describe(c, tokens, text, lang, forms)), text);
  const byPrefix = new Map<string, Pick<Mention, 'base' | 'type' | 'key'>>();
  const prefix = (name: string) => name.toLocaleLowerCase('pl').slice(0, 5);
  for (const e of knownEventWords(lang)) byPrefix.set(prefix(e.name), { base: e.name, type: e.type, key: e.key });
  for (const m of found) if (!m.base.includes(' ')) byPrefix.set(prefix(m.base), m);
  for (const c of lowerCaseUses(tokens, new Set(byPrefix.keys()), lang)) {
    const t = tokens[c.first]!;
    const like = byPrefix.get(t.text.toLocaleLowerCase('pl').slice(0, 5))!;
    const base = unknownNameBase(capitalise(t.text), forms);
    if (base.toLocaleLowerCase('pl') !== like.base.toLocaleLowerCase('pl')) continue;
    found.push({ start: t.start, end: t.end, text: t.text, base: like.base, type: like.type, key: like.key, sentence: t.sentence });
  }
  if (lang === 'pl') found.push(...lowerCaseNames(tokens, found, text));
  found.sort((a, b) => a.start - b.start);
  const resolved = placesByPreposition(resolveShortForms(resolveShortNames(found), lang), text, lang);
  return settleGuessedTypes(typesFromContext(typesFromCues(resolved, text, lang), text, lang));
}

let domains: RegExp | undefined;

/**
 * A name written right before a listed top-level domain is a web site, a title (PRO in BSNLP):
 * "czytamy w BiznesAlert.pl", "portal Money.pl" (resources/pl/entity-web-domains.txt). The span
 * and base take the domain; the key stays the name's, so "BiznesAlert" alone joins it.
 */
function webSites(mentions: readonly Mention[], text: string): Mention[] {
  domains ??= new RegExp(`^\\.(?:${loadList('pl', 'entity-web-domains').join('|')})(?![\\p{L}\\d])`, 'u');
  return mentions.map((m) => {
    const domain = domains!.exec(text.slice(m.end, m.end + 8))?.[0];
    if (!domain) return m;
    const { guessed: _was, ...rest } = m;
    const end = m.end + domain.length;
    return { ...rest, end, text: text.slice(m.start, end), base: m.text + domain, type: 'PRO' };
  });
}

/**
 * Lower-case names: events by their ending ("po brexicie" → Brexit; classify.ts eventBySuffix),
 * party members ("torysów" → torysi; classify.ts groupName) and administrative units named by an
 * adjective ("w województwie podlaskim" → województwo podlaskie; resources/pl/entity-admin-units.txt).
 */
function lowerCaseNames(tokens: readonly WordToken[], found: readonly Mention[], text: string): Mention[] {
  const out: Mention[] = [];
  const mention = (first: WordToken, last: WordToken, base: string, type: EntityType): Mention =>
    ({ start: first.start, end: last.end, text: text.slice(first.start, last.end), base, type, key: nameKey(base, 'pl'), sentence: first.sentence });
  const spans = found.map((m) => [m.start, m.end] as const).sort((a, b) => a[0] - b[0]);
  let at = 0;
  tokens.forEach((t, i) => {
    // Every listed word is five letters or longer ("gmina", "torys"); most tokens are shorter.
    if (t.text.length < 5) return;
    while (at < spans.length && spans[at]![1] <= t.start) at++;
    if (at < spans.length && spans[at]![0] <= t.start && t.end <= spans[at]![1]) return;
    // A sentence-initial capital the name rules dropped ("Torysi stracili …") is read here too.
    const group = groupName(t.text);
    if (group) return void out.push(mention(t, t, group.base, group.type));
    if (/^\p{Lu}/u.test(t.text)) return;
    const event = eventBySuffix(t.text);
    if (event) return void out.push(mention(t, t, event, 'EVT'));
    const unit = adminUnit(t, tokens[i + 1]);
    if (unit) out.push(mention(t, tokens[i + 1]!, unit, 'LOC'));
  });
  return out;
}

let units: ReadonlyMap<string, Gender> | undefined;
let unitStems: RegExp | undefined;

/** "województwie podlaskim" → "województwo podlaskie": the unit noun's nominative and its adjective agreeing. */
function adminUnit(noun: WordToken, next: WordToken | undefined): string | undefined {
  if (!next || next.sentence !== noun.sentence || next.start - noun.end !== 1) return undefined;
  units ??= new Map(loadPairs('pl', 'entity-admin-units').map(([lemma, gender]) => [lemma, gender as Gender]));
  unitStems ??= stemTest([...units.keys()]);
  // The stem test first: the dictionary lookup is the costly part and most words fail the stem.
  if (!unitStems.test(noun.text)) return undefined;
  if (/^\p{Lu}/u.test(next.text)) return undefined;
  const lemma = tokenInfo(noun.text).lemmas.find((l) => units!.has(l));
  const adjective = tokenInfo(next.text).adjective;
  if (!lemma || !adjective || !/(?:ski|cki|dzki)$/u.test(adjective)) return undefined;
  return `${lemma} ${agreeAdjective(adjective, units.get(lemma)!, next.text)}`;
}

function describe(c: Candidate, tokens: readonly WordToken[], text: string, language: Language, forms: ReadonlySet<string>): Mention {
  const first = tokens[c.first]!;
  const last = tokens[c.last]!;
  const span = { start: first.start, end: last.end, text: text.slice(first.start, last.end), sentence: first.sentence };
  const dateline = isDateline(span, text);
  const words = tokens.slice(c.first, c.last + 1).map((t) => (dateline ? titleCase(t.text) : t.text));
  const known = matchKnown(words, language);
  if (known && known.length === words.length) {
    // "Włosi" shares a lemma with Włochy in the hunspell dictionary, but names Italians: a
    // demonym, a person by the BSNLP convention, keyed to its country (dictionary-tags.ts).
    const group = language === 'pl' && words.length === 1 && known.entry.key.startsWith('geo-') && taggedGroup(words[0]!);
    if (group) return { ...span, base: taggedNominative(words[0]!, true) ?? words[0]!, type: 'PER', key: known.entry.key };
    return { ...span, base: knownBase(words, known.entry), type: known.entry.type, key: known.entry.key };
  }
  if (c.street) {
    const base = streetBase(words, c.street);
    return { ...span, base, type: 'LOC', key: nameKey(base, language) };
  }
  const group = language === 'pl' && words.length === 1 ? groupName(words[0]!) : undefined;
  if (group) return { ...span, base: group.base, type: group.type, key: nameKey(group.base, language) };
  const { type, guess } = dateline ? { type: 'LOC' as const, guess: false } : decide(words, language);
  const base = language === 'pl' ? phraseBase(words, type === 'PER', forms) : englishBase(words);
  const byBase = knownKey(base, language);
  if (byBase) return { ...span, base, type: byBase.type, key: byBase.key };
  const country = language === 'en' || (words.length === 1 && (tokenInfo(words[0]!).demonym || taggedGroup(words[0]!))) ? demonymCountry(base, language) : undefined;
  // BSNLP types nationality words as PER ("Rosjanie") and links them to the country; English
  // follows it for the adjective too ("Russian President", "North Korean leader"), which is the
  // same word as the noun, so one word gets one type in both languages. The country's entity
  // still takes its place type from its name (groupEntities).
  if (country) return { ...span, base, type: 'PER', key: country };
  return { ...span, base, type, key: nameKey(base, language), ...(guess ? { guessed: true as const } : {}) };
}

/**
 * A wire dateline: capitals opening a paragraph, then the agency in brackets and a dash, maybe
 * after a date, or a dash alone ("SAO PAULO (Reuters) -", "KYIV, Sept 14 (Reuters) -",
 * "GDAŃSK (PAP) -", "LONDON — "). It names the place filed from; read title-cased
 * so it meets the place's other mentions ("Sao Paulo"), not an acronym.
 */
function isDateline(span: Span & { readonly text: string }, text: string): boolean {
  if (!/(?:^|\n)\s*$/u.test(text.slice(Math.max(0, span.start - 40), span.start))) return false;
  if (!/^\p{Lu}[\p{Lu}.'’ -]*\p{Lu}$/u.test(span.text)) return false;
  // The agency in brackets must be followed by the dash: "IAG (International Airlines Group),"
  // opening a BSNLP paragraph is an acronym glossed, not a dateline.
  return /^(?:(?:,[^\n()]{0,30})?\s*\([^()\n]{1,40}\)\s*[-–—]|\s+[-–—]\s)/u.test(text.slice(span.end, span.end + 80));
}

function titleCase(word: string): string {
  return word.length > 1 && word === word.toLocaleUpperCase('pl')
    ? word[0] + word.slice(1).toLocaleLowerCase('pl')
    : word;
}

/** English names do not inflect; only the possessive goes ("Putin's" → "Putin"). */
function englishBase(words: readonly string[]): string {
  return words.join(' ').replace(/['’]s$/u, '');
}

/**
 * The most frequent base form, replaced by the most frequent variant that extends it with more
 * words (every word of the short form kept, in order): articles name a person in full once and
 * by surname afterwards, and the full name is the one to show.
 */
export function fullestName(names: ReadonlyMap<string, number>): string {
  const ranked = [...names.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  const main = ranked[0]![0];
  const words = main.split(' ');
  const extendsMain = (name: string) => {
    const other = name.split(' ');
    let at = 0;
    for (const w of other) if (at < words.length && w === words[at]) at++;
    return other.length > words.length && at === words.length;
  };
  return ranked.find(([name]) => extendsMain(name))?.[0] ?? main;
}

/**
 * A country's type comes from its name ("Russia" LOC, "EU" ORG), not from its demonyms
 * ("Russians", "Russian President": PER by the BSNLP convention), however often those occur;
 * demonyms decide only when the country itself is never named.
 */
function countryTypes(key: string, types: Map<EntityType, number>): Map<EntityType, number> {
  if (!key.startsWith('geo-') || types.size < 2 || !types.has('PER')) return types;
  return new Map([...types].filter(([type]) => type !== 'PER'));
}

/**
 * Entities across articles: one per key, with its most frequent type and name. Bare surnames
 * are linked first (linkAcrossArticles), so "May" joins "Theresa May".
 * @example groupEntities([{ articleId: 'a', mentions: findMentions(text, 'pl', []) }])
 */
export function groupEntities(input: readonly ArticleMentions[]): Entity[] {
  const docs = linkAcrossArticles(input);
  const acc = new Map<string, { types: Map<EntityType, number>; names: Map<string, number>; countryNames: Map<string, number>; mentions: number; articles: Set<string> }>();
  for (const doc of docs) {
    for (const m of doc.mentions) {
      let e = acc.get(m.key);
      if (!e) {
        e = { types: new Map(), names: new Map(), countryNames: new Map(), mentions: 0, articles: new Set() };
        acc.set(m.key, e);
      }
      e.types.set(m.type, (e.types.get(m.type) ?? 0) + 1);
      e.names.set(m.base, (e.names.get(m.base) ?? 0) + 1);
      // A country is named by its name ("Israel"), not its demonym ("Israeli"), once it is named at all.
      if (m.key.startsWith('geo-') && m.type !== 'PER') e.countryNames.set(m.base, (e.countryNames.get(m.base) ?? 0) + 1);
      e.mentions++;
      e.articles.add(doc.articleId);
    }
  }
  const top = <T>(counts: Map<T, number>) => [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return [...acc.entries()]
    .map(([key, e]) => ({
      key,
      type: top(countryTypes(key, e.types)),
      name: fullestName(e.countryNames.size > 0 ? e.countryNames : e.names),
      variants: [...e.names.keys()].sort(),
      mentions: e.mentions,
      articles: [...e.articles].sort(),
    }))
    .sort((a, b) => b.mentions - a.mentions || a.key.localeCompare(b.key));
}
