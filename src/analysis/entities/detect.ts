/**
 * Finding name phrases: runs of capitalised words and acronyms (in English also with name
 * particles inside, "Ursula von der Leyen", and "of" after a head noun, "Bank of England"), with
 *   1. sentence-initial words kept only on evidence (a proper-name stem in the dictionary,
 *      a known name, an English demonym, an English word no lexicon knows, or the same word
 *      capitalised mid-sentence elsewhere);
 *   2. leading titles and common words dropped ("Dyktator Korei" → "Korei"), except a title
 *      before an English head noun ("Foreign Ministry"), and the end of an English title
 *      with "of" ("Secretary of State Antony Blinken" → "Antony Blinken");
 *   3. runs split where a known name ends or after "noun + adjective" ("Korei Północnej |
 *      Kim Dzong Un"), since Polish often puts a genitive name right before another;
 *   4. lower-case uses of a name seen capitalised ("brexitu" after "Brexit").
 */
import type { Language } from '../../types.ts';
import { getLemmatizer } from '../../text/index.ts';
import { isAcronym, isRomanNumeral } from './base-form.ts';
import { headWordType, headWordTypeOf, isForeignArticle, isHeadWord } from './classify.ts';
import { isFunctionWordOrAdverb } from './english-lexicon.ts';
import { demonymCountry } from './demonyms.ts';
import { forenameGender, taggedCommonOnly } from './dictionary-tags.ts';
import { matchKnown } from './gazetteer.ts';
import { capitalise, tokenInfo, type Gender } from './morphology.ts';
import { loadList, loadPairs } from './resources.ts';
import { loadResource } from '../../resources.ts';
import type { WordToken } from './tokens.ts';

export interface Candidate {
  /** Token indices [first, last] into the article's word tokens. */
  readonly first: number;
  readonly last: number;
  /** Set after a street word ("ul.", "placu"): the gender of the street noun, for agreement. */
  readonly street?: Gender;
}

const stopwords = new Map<Language, ReadonlySet<string>>();
function stop(language: Language): ReadonlySet<string> {
  let s = stopwords.get(language);
  if (!s) {
    s = new Set(loadList(language, 'entity-stopwords'));
    stopwords.set(language, s);
  }
  return s;
}

// Kept in a constant: a `\p{…}` literal inside the function would be a new RegExp at every call
// under tsx (esbuild rewrites such literals for Node 20; scripts/build.mjs keeps them), and this
// test runs for every word of an article.
const CAPITAL = /^\p{Lu}/u;
const isCapital = (w: string) => CAPITAL.test(w);

/**
 * A listed non-name word. English compares the word without a possessive ("Saturday's match")
 * and never takes an acronym for one ("WHO", "IT": normal-case text writes the word in lower case).
 */
function isStopword(word: string, language: Language): boolean {
  if (language !== 'en') return stop(language).has(word.toLocaleLowerCase('pl'));
  if (word.length > 1 && isAcronym(word)) return false;
  return stop(language).has(word.replace(/['’]s$/u, '').toLowerCase());
}

/**
 * A title or role word that is not part of a name ("Defence Minister Sergei Shoigu"), unless
 * an English head noun follows: then it names the institution ("Foreign Ministry", "Defence
 * Department", "General Assembly").
 */
function isTitle(tokens: readonly WordToken[], k: number, last: number, language: Language): boolean {
  if (!isStopword(tokens[k]!.text, language)) return false;
  return !(language === 'en' && k < last && isHeadWord(tokens[k + 1]!.text, language));
}

/** Is this capitalised word an ordinary word (so a capital alone is no evidence)? */
function isCommonWord(word: string, language: Language): boolean {
  const lower = word.toLocaleLowerCase(language === 'en' ? 'en' : 'pl');
  if (isStopword(word, language)) return true;
  if (language === 'en') return !(word.length > 1 && isAcronym(word)) && isFunctionWordOrAdverb(word);
  if (isAcronym(word)) return tokenInfo(lower).common && word.length >= 4;
  // Many common words are also surnames in dictionary-pl ("Kraj", "Biały"), so any lower-case
  // reading makes a sentence-initial capital uninformative.
  return tokenInfo(word).common || taggedCommonOnly(word);
}

/** Capitalised word forms used mid-sentence: evidence that a sentence-initial one is a name. */
function midSentenceNames(tokens: readonly WordToken[], language: Language): Set<string> {
  const out = new Set<string>();
  for (const [i, t] of tokens.entries()) {
    // A capital mid-sentence, or a sentence-initial word followed by another capitalised word
    // ("Kim Jong Un met …"): a multi-word name is evidence for each of its words.
    const next = tokens[i + 1];
    // An English title after the word is no such name ("Labour Minister Olivier Dussopt").
    const inRun = next !== undefined && next.sentence === t.sentence && isCapital(next.text) && next.start - t.end === 1
      && !(language === 'en' && isStopword(next.text, language));
    if (!isCapital(t.text) || (t.initial && (!inRun || isCommonWord(t.text, language)))) continue;
    out.add(t.text.toLocaleLowerCase('pl'));
    // The lemma too ("Brexitu" attests "Brexit"), but only a proper-name one: "Jake" read as
    // the common "jak" must not vouch for a sentence-initial "Jak".
    const info = language === 'pl' ? tokenInfo(t.text) : undefined;
    if (info?.proper && info.noun) out.add(info.noun.toLocaleLowerCase('pl'));
  }
  return out;
}

/** The word, or its noun lemma, was used capitalised mid-sentence ("Brexitu" … "Brexit"). */
function seenAsName(word: string, seen: ReadonlySet<string>): boolean {
  if (seen.has(word.toLocaleLowerCase('pl'))) return true;
  const noun = tokenInfo(word).noun;
  return noun !== undefined && seen.has(noun.toLocaleLowerCase('pl'));
}

/**
 * A sentence-initial word that is also a common word ("Tony": "tony", "Mark": "mark") still
 * opens a name when the dictionary lists it as a name (a person's paradigm or a flat foreign
 * entry) and the next word is a surname the dictionary knows ("Blair"). Unknown next words are
 * not enough: on BSNLP pl dev (2026-11) they added more false names than they found.
 */
function isGivenNameBefore(word: string, next: string, language: Language): boolean {
  if (language !== 'pl') return false;
  const info = tokenInfo(word);
  if (!info.person && !info.listedAsWritten) return false;
  const after = tokenInfo(next);
  return after.person;
}

/** Name phrases in word-token order. */
export function findCandidates(tokens: readonly WordToken[], text: string, language: Language): Candidate[] {
  const seen = midSentenceNames(tokens, language);
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapital(tokens[i]!.text)) {
      i++;
      continue;
    }
    const war = language === 'pl' ? numberedEvent(tokens, i, text) : undefined;
    if (war) {
      out.push(war);
      i = war.last + 1;
      continue;
    }
    // 1. The run: capitalised words (and digits after them, English name particles between
    // them) with only spaces between.
    let j = i;
    while (j + 1 < tokens.length && (joinable(tokens[j]!, tokens[j + 1]!, text, language) || joinsOf(tokens, j, text, language))
      && !(language === 'pl' && numberedEvent(tokens, j + 1, text))) j++;
    while (j > i && !isNameWord(tokens[j]!.text, language) && !/^\d+$/.test(tokens[j]!.text)) j--;
    // 2. Drop leading ordinary words: any at sentence start, titles anywhere, and the words
    // completing a title with "of" ("Secretary of | State Antony Blinken").
    let a = i + titleCompletion(tokens, i, j, language);
    while (a <= j) {
      const w = tokens[a]!.text;
      const title = isTitle(tokens, a, j, language);
      const letter = w.length === 1; // "A", "W", "Z": conjunctions and prepositions
      const commonStart = tokens[a]!.initial && isCommonWord(w, language)
        && !matchKnown(tokens.slice(a, j + 1).map((t) => t.text), language) && !seenAsName(w, seen)
        && !(a < j && isGivenNameBefore(w, tokens[a + 1]!.text, language))
        // A foreign article opening a quoted title is no Polish word: "„The Sun”", "Die Welt".
        && !(language === 'pl' && a < j && isForeignArticle(w))
        // An institution or place head opening a longer name stays: "Sąd Rejonowy …", "Prokuratura Okręgowa …".
        && !(language === 'pl' && a < j && isHeadWord(w, language) && describesHead(tokens[a + 1]!.text));
      if (!title && !commonStart && !letter) break;
      a++;
    }
    if (a <= j) {
      for (const part of splitRun(tokens, a, j, language)) {
        if (/^\d/.test(tokens[part.first]!.text)) continue; // "… Brytanii | 29": a number, not a name
        if (!keep(tokens, part, seen, language)) continue;
        const street = language === 'pl' ? streetAfter(tokens, part) : undefined;
        if (street) {
          out.push(street);
          continue;
        }
        const whole = language === 'pl' && part.last === j ? extendOrganisation(tokens, part, text, language) : part;
        out.push(whole);
        j = Math.max(j, whole.last);
      }
    }
    i = j + 1;
  }
  return out;
}

let titlePhrases: ReadonlySet<string> | undefined;

/**
 * How many words at the start of the run [i, j] finish a listed title with "of" begun before
 * it ("Minister of | Foreign Affairs Dmytro Kuleba" → 2), longest first; "of the" is read as
 * "of". resources/en/entity-title-phrases.txt.
 */
function titleCompletion(tokens: readonly WordToken[], i: number, j: number, language: Language): number {
  if (language !== 'en') return 0;
  titlePhrases ??= new Set(loadList('en', 'entity-title-phrases'));
  let k = i - 1;
  if (k > 0 && tokens[k]!.text.toLowerCase() === 'the') k--;
  if (k < 1 || tokens[k]!.text !== 'of' || tokens[k - 1]!.sentence !== tokens[i]!.sentence) return 0;
  const lead = `${tokens[k - 1]!.text.toLowerCase()} of`;
  for (let n = j - i + 1; n >= 1; n--) {
    const rest = tokens.slice(i, i + n).map((t) => t.text.toLowerCase()).join(' ');
    if (titlePhrases.has(`${lead} ${rest}`)) return n;
  }
  return 0;
}

/**
 * English "<head> of <Name>" is one name: "International Court of Justice", "Ministry of
 * Defence", "Bank of England", "Gulf of Mexico" (a place of its own, not Mexico).
 */
function joinsOf(tokens: readonly WordToken[], j: number, text: string, language: Language): boolean {
  const [head, of, next] = [tokens[j]!, tokens[j + 1], tokens[j + 2]];
  if (language !== 'en' || of?.text !== 'of' || !next || !isCapital(next.text) || !isCapital(head.text)) return false;
  if (text.slice(head.end, next.start) !== ' of ' || next.sentence !== head.sentence) return false;
  return headWordType(head.text, language) !== undefined;
}

function joinable(a: WordToken, b: WordToken, text: string, language: Language): boolean {
  // A sentence splitter may end a sentence at "Wlk." / "W."; a kept dot marks an abbreviation.
  if (a.sentence !== b.sentence && !a.text.endsWith('.')) return false;
  const gap = text.slice(a.end, b.start);
  if (!/^ $|^\s$/.test(gap)) return false;
  return isNameWord(b.text, language) || (/^\d+$/.test(b.text) && b.text.length <= 2)
    || (isParticle(b.text, language) && (isCapital(a.text) || isParticle(a.text, language)));
}

let particles: ReadonlySet<string> | undefined;

/** "von", "de", "bin" in English text: part of a name only between capitalised words (see findCandidates). */
function isParticle(word: string, language: Language): boolean {
  if (language !== 'en') return false;
  particles ??= new Set(loadList('en', 'entity-name-particles'));
  return particles.has(word);
}

/** A capitalised word, or in English a hyphenated particle before one ("al-Assad", "el-Sissi"). */
function isNameWord(word: string, language: Language): boolean {
  if (isCapital(word)) return true;
  const dash = word.indexOf('-');
  return dash > 0 && isParticle(word.slice(0, dash), language) && isCapital(word.slice(dash + 1));
}

/** 3. Split a run at known-name boundaries and after noun + adjective. */
function splitRun(tokens: readonly WordToken[], a: number, b: number, language: Language): Candidate[] {
  const parts: Candidate[] = [];
  let start = a;
  let k = a;
  while (k <= b) {
    // Titles inside a run ("Defence Minister Sergei Shoigu") separate names and are dropped;
    // an English possessive ends a name ("Russia's | Far East").
    // "of" joined after a head, and a title word right after it, belong to the institution
    // ("Ministry of Foreign Affairs").
    const inOf = tokens[k]!.text === 'of' || tokens[k - 1]?.text === 'of';
    if (isTitle(tokens, k, b, language) && !inOf) {
      if (k > start) parts.push({ first: start, last: k - 1 });
      start = k = k + 1;
      continue;
    }
    if (language === 'en' && /['’]s$/u.test(tokens[k]!.text) && k < b) {
      parts.push({ first: start, last: k });
      start = k = k + 1;
      continue;
    }
    const words = tokens.slice(k, b + 1).map((t) => t.text);
    // An adjective heading a longer name is not the country it derives from ("Polskie Radio").
    const adjectiveHead = language === 'pl' && k < b && tokenInfo(tokens[k]!.text).adjective !== undefined;
    const found = k === start ? matchKnown(words, language) : undefined;
    const known = found && !(found.length === 1 && adjectiveHead) ? found : undefined;
    // "Władze | Wielkiej Brytanii": one common word glued before a known name is not part of it.
    const inner = k === start + 1 && language === 'pl' && !tokenInfo(tokens[start]!.text).proper
      ? matchKnown(words, language) : undefined;
    if (inner && inner.length >= 2) {
      start = k;
      continue;
    }
    const next = tokens[k + (known?.length ?? 0)];
    const agrees = next && (next.text.endsWith('.') || (language === 'pl' && tokenInfo(next.text.split('-').pop()!).adjective));
    if (known && k + known.length - 1 < b && !agrees) {
      parts.push({ first: start, last: k + known.length - 1 });
      start = k = k + known.length;
      continue;
    }
    if (language === 'pl' && k > start && k < b && startsPersonAfterName(tokens, start, k, b)) {
      parts.push({ first: start, last: k - 1 });
      start = k;
      continue;
    }
    if (language === 'pl' && k > start && k < b && isNounAdjective(tokens[k - 1]!.text, tokens[k]!.text) && !tokenInfo(tokens[k + 1]!.text).adjective) {
      parts.push({ first: start, last: k });
      start = k = k + 1;
      continue;
    }
    k++;
  }
  if (start <= b) parts.push({ first: start, last: b });
  return parts;
}

/**
 * A person's name (a given name the dictionary knows, then more capitalised words) right after
 * a name in an oblique case or an acronym starts a new name: "korespondent w Londynie | Jakub
 * Krupa", "negocjator KE | Michel Barnier", "ds. Brexitu | Michelem Barnierem". Not after a head
 * noun: a patron belongs to the institution ("Uniwersytetu Jana Kochanowskiego").
 */
function startsPersonAfterName(tokens: readonly WordToken[], start: number, k: number, end: number): boolean {
  if (!tokenInfo(tokens[k]!.text).person) return false;
  const prev = tokens[k - 1]!.text;
  const info = tokenInfo(prev);
  const oblique = isAcronym(prev) || (info.inflected && !info.person && !info.adjective)
    || (!info.proper && !info.common && /u$/u.test(prev));
  if (!oblique && !(forenameGender(tokens[k]!.text) && namesNoPerson(tokens.slice(start, k)) && !headAfter(tokens.slice(k + 1, end + 1)))) return false;
  for (let i = start; i < k; i++) if (isHeadWord(tokens[i]!.text, 'pl')) return false;
  return true;
}

/**
 * Words before a forename that cannot be part of one person's name: none reads as a person and
 * one is a proper noun the dictionary knows as no person, or written with inner capitals: "Gazprom
 * | Mateusz Morawiecki", "Cambridge Analytica | Chris Wylie", "UOKiK | Marek Niechciał".
 */
function namesNoPerson(words: readonly WordToken[]): boolean {
  const infos = words.map((t) => tokenInfo(t.text));
  if (infos.some((i) => i.person || i.demonym || i.adjective)) return false;
  return words.some((t, i) => (infos[i]!.proper && !infos[i]!.common) || /^\p{Lu}.*\p{Lu}/u.test(t.text));
}

/** A Polish or English head noun among the words: "British Pakistani Christian Association" is one institution. */
function headAfter(words: readonly WordToken[]): boolean {
  return words.some((t) => isHeadWord(t.text, 'pl') || headWordType(t.text, 'en') !== undefined);
}

function isNounAdjective(noun: string, adjective: string): boolean {
  return !tokenInfo(noun).adjective && tokenInfo(adjective).adjective !== undefined && !isAcronym(adjective);
}

/** A roman numeral before a lower-case event noun and its adjective: "II wojna światowa", "I wojnie światowej". */
function numberedEvent(tokens: readonly WordToken[], i: number, text: string): Candidate | undefined {
  const numeral = tokens[i];
  if (!numeral || !'IVXLC'.includes(numeral.text[0]!)) return undefined;
  const [noun, adjective] = [tokens[i + 1], tokens[i + 2]];
  if (!isRomanNumeral(numeral.text) || !noun || isCapital(noun.text) || text.slice(numeral.end, noun.start) !== ' ') return undefined;
  if (headWordTypeOf(tokenInfo(noun.text).lemmas) !== 'EVT') return undefined;
  const withAdjective = adjective && !isCapital(adjective.text) && text.slice(noun.end, adjective.start) === ' ' && tokenInfo(adjective.text).adjective;
  return { first: i, last: withAdjective ? i + 2 : i + 1 };
}

/**
 * A word that completes a head noun into a name: an adjective or a common noun's genitive
 * ("Sąd Rejonowy", "Ministerstwo Zdrowia"); not a name of its own ("Spółka | Wawel", "Agencja | Reuters").
 */
function describesHead(word: string): boolean {
  const info = tokenInfo(word);
  return info.adjective !== undefined || (info.common && !info.proper);
}

let streetWords: ReadonlyMap<string, Gender> | undefined;

/**
 * A name right after a street word is a street: "przy ul. Kolejowej 5", "na placu Zbawiciela";
 * the house number is left out (resources/pl/entity-street-words.txt).
 */
function streetAfter(tokens: readonly WordToken[], part: Candidate): Candidate | undefined {
  const before = tokens[part.first - 1];
  if (!before || before.sentence !== tokens[part.first]!.sentence || isCapital(before.text)) return undefined;
  streetWords ??= new Map(loadPairs('pl', 'entity-street-words').map(([w, g]) => [w, g as Gender]));
  const gender = streetWords.get(before.text) ?? tokenInfo(before.text).lemmas.map((l) => streetWords!.get(l)).find((g) => g !== undefined);
  if (!gender) return undefined;
  let last = part.last;
  while (last > part.first && /^\d/.test(tokens[last]!.text)) last--;
  return { first: part.first, last, street: gender };
}

let seatHeads: ReadonlySet<string> | undefined;

/**
 * Polish institution names go on past a run of capitals: with their seat after an institution
 * head ("Sąd Okręgowy w Krakowie"; resources/pl/entity-org-seat-words.txt), and with a second
 * inner genitive after "i" ("Ministerstwo Rolnictwa i Rozwoju Wsi", "Prawo i Sprawiedliwość").
 * After "i" comes a common noun that is no head of its own, no person and no known name, so
 * "Komisja Europejska i Rada" and "Ministerstwo Zdrowia i Kowalski" stay two names.
 */
function extendOrganisation(tokens: readonly WordToken[], part: Candidate, text: string, language: Language): Candidate {
  const words = tokens.slice(part.first, part.last + 1).map((t) => t.text);
  const headAt = tokenInfo(words[0]!).adjective && words.length > 1 ? 1 : 0;
  const head = tokenInfo(words[headAt]!).lemmas;
  if (headWordTypeOf(head) !== 'ORG') return part;
  const [link, next] = [tokens[part.last + 1], tokens[part.last + 2]];
  if (!link || !next || !isCapital(next.text) || link.sentence !== next.sentence || tokens[part.last]!.sentence !== link.sentence) return part;
  if (text.slice(tokens[part.last]!.end, link.start) !== ' ' || text.slice(link.end, next.start) !== ' ') return part;
  seatHeads ??= new Set(loadList('pl', 'entity-org-seat-words'));
  const seat = (link.text === 'w' || link.text === 'we') && head.some((l) => seatHeads!.has(l));
  const info = tokenInfo(next.text);
  const conjoined = link.text === 'i' && words.length >= 2 && info.common && !info.person && !info.adjective
    && !isHeadWord(next.text, language) && !matchKnown([next.text], language);
  if (!seat && !conjoined) return part;
  let last = part.last + 2;
  while (last + 1 < tokens.length && joinable(tokens[last]!, tokens[last + 1]!, text, language) && isCapital(tokens[last + 1]!.text)) last++;
  return { first: part.first, last };
}


let functionWords: ReadonlySet<string> | undefined;

/**
 * A common word in capitals, anywhere in the sentence ("MUSISZ WIEDZIEĆ", "TEŻ"): four letters or
 * more with a dictionary reading, or a listed function word; shorter nouns stay acronyms ("LOT", "PAN").
 */
function isShouted(word: string): boolean {
  if (!isAcronym(word) || word !== word.toLocaleUpperCase('pl')) return false;
  const lower = word.toLocaleLowerCase('pl');
  functionWords ??= new Set(loadResource('pl', 'function-words'));
  if (functionWords.has(lower)) return true;
  // A name in capitals stays: "WARSZAWA (PAP) -" is a dateline.
  return word.length >= 4 && tokenInfo(lower).common && !tokenInfo(capitalise(lower)).proper;
}

/** 1. Evidence for a phrase that starts a sentence. */
function keep(tokens: readonly WordToken[], c: Candidate, seen: ReadonlySet<string>, language: Language): boolean {
  const first = tokens[c.first]!;
  if (c.first === c.last && first.text.length < 2) return false;
  if (isStopword(first.text, language) && c.first === c.last) return false;
  // A roman numeral alone ("XX wieku", "II kwartał") is no name; inside one it stays ("Jan Paweł II").
  if (c.first === c.last && isRomanNumeral(first.text)) return false;
  if (language === 'pl' && tokens.slice(c.first, c.last + 1).every((t) => isShouted(t.text))) return false;
  if (!first.initial) return true;
  // The leading-word loop already dropped an initial common word without name evidence.
  if (c.last > c.first) return true;
  if (matchKnown([first.text], language)) return true;
  // English demonyms are capitalised everywhere ("Russian troops…"), Polish adjectives are not.
  if (language === 'en' && demonymCountry(first.text, language)) return true;
  if (isAcronym(first.text)) return !isCommonWord(first.text, language);
  // A word no English lexicon knows opens sentences only as a name ("Zelensky said", "Pfizer
  // shares fell"); WordNet also lists many names ("Nissan", "Hamas"), which still need evidence.
  if (language === 'en') return !getLemmatizer('en').knows(first.text) || seenAsName(first.text, seen);
  if (language === 'pl') {
    const info = tokenInfo(first.text);
    // PoliMorf lists names capitalised: a word it knows only in lower case ("Chrześcijan") is an
    // ordinary word at a sentence start, whatever surname the hunspell dictionary also lists.
    if (taggedCommonOnly(first.text)) return seenAsName(first.text, seen);
    if (info.proper && !info.common) return true;
    // Unknown to the dictionary and ending in a consonant: a foreign name ("Brexit",
    // "Szefczowicz"), also a Russian adjectival one in -yj/-ij ("Wostocznyj"); Polish verb forms
    // the dictionary misses end in a vowel, -ł or a plain -j (imperatives).
    if (!info.proper && !info.common && /(?:[bcćdfghkmnńprsśtvwxzźż]|[yi]j)$/u.test(first.text) && first.text.length >= 4) return true;
  }
  return seenAsName(first.text, seen);
}

/** 4. Lower-case tokens whose capitalised form is a name in this article ("brexitu"). */
export function lowerCaseUses(tokens: readonly WordToken[], names: ReadonlySet<string>, language: Language): Candidate[] {
  if (language !== 'pl' || names.size === 0) return [];
  const out: Candidate[] = [];
  tokens.forEach((t, i) => {
    if (isCapital(t.text) || t.text.length < 4) return;
    // The stem test first: the dictionary lookup is the costly part and most words fail the stem.
    if (!names.has(t.text.toLocaleLowerCase('pl').slice(0, 5))) return;
    if (tokenInfo(t.text).common) return; // an ordinary word that happens to match a name's stem
    out.push({ first: i, last: i });
  });
  return out;
}
