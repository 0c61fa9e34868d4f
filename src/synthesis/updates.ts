/**
 * Event updates: a happening one report expects ("Rosną spekulacje, że Asia Bibi opuści Pakistan",
 * "Po wyjściu z więzienia ma opuścić Pakistan") and a later report says did not or cannot happen
 * ("władze nie pozwolą Bibi opuścić kraju", "kobieta nie może opuścić Pakistanu"). The expectation
 * is superseded (docs/SCHEMA.md): an `update` conflict of the `event` slot, earlier value first.
 *
 * The two reports must name one happening: the same verb or one of its family (conflict-grammar.txt
 * `event-family`), the same object right after it (a place, a country noun standing for a named
 * country, or a content word), one doer (the nearest name before the verb: "adwokat Mulook nie
 * opuścił Pakistanu" says nothing of Bibi), and the people of the later report among the earlier
 * one's. The expectation is a positive verb in an expected frame (an infinitive after "ma",
 * "będzie musiała"; a plain verb after an expectation cue: "wkrótce",
 * "spekulacje", "zapowiedział, że"); the later report negates the verb itself ("nie może
 * opuścić", "nie pozwolą … opuścić") and is not hedged. A happening that took place as expected
 * ("ma się spotkać", then "spotkał się") is no update: its slot values (places, days, figures) are
 * compared in conflicts.ts. Later means a later publication day (within HAPPENING_DAYS); on one day
 * or undated, the expectation must be speculation (hedged), or both be told by one article, which
 * then states what became of it. A conflict is between sources (eval/data/synthesis/GUIDELINE.md,
 * conflicts: some article gives one side without the other and another article the other without
 * the first): where every article of one side also tells the other ("zapowiedział, że zamknie
 * bazę … nie może zamknąć" in one article), it is that article's own telling of a change, so the
 * expectation is superseded with no conflict drawn (GUIDELINE "An earlier figure overtaken inside
 * one article"). Conditions ("jeśli", "nie … bez"), possibilities ("może") and
 * parts ("nie odwoła rejsów do Polski") are no outcome. English reads the same frames from its
 * own words ("is expected to leave", "will meet" expected; "cannot leave", "was not allowed to
 * leave" the outcome; "left", "met" done as expected) through its verb forms (verbAt).
 */
import type { Conflict } from './types.ts';
import { endsWithAny, mentionAt, startsWithAny, type SentenceFeatures, type StoryFeatures } from './features.ts';
import { dayOf } from './claims.ts';
import { placeKey } from './places.ts';
import { citationOf, conflictGrammar } from './slots.ts';
import { functionWords, synthesisLexicon } from './resources.ts';
import { englishVerb, straightApostrophe } from './verbs-en.ts';
// conflicts.ts calls eventUpdates; the two modules use each other's functions and constants only
// when a story is synthesised, never while loading.
import { DAY_MS, HAPPENING_DAYS, mostCommon } from './conflicts.ts';

/** Words after the verb read as its object ("opuścić Pakistan", "wyjechać z kraju"). */
const OBJECT_WORDS = 3;
/** Words before the verb a negation or a modal may stand at ("nie pozwolą teraz Bibi opuścić"). */
const NEGATION_GAP = 4;
const MODAL_GAP = 2;
/** Shorter lemmas are mostly pronouns and particles the function-word list may miss. */
const MIN_OBJECT_LETTERS = 4;
/** Object marker of a country noun: it matches any place the other report names. */
const COUNTRY = '*';
/** An object is a place, a body or a thing: a person after the verb is whom it concerns. */
const NOT_PERSON = ['ORG', 'LOC', 'EVT', 'PRO'] as const;

interface Occurrence {
  readonly s: SentenceFeatures;
  /** Index of the verb in `s.words`. */
  readonly at: number;
  /** The verb's family head. */
  readonly event: string;
  readonly layer: 'expected' | 'not';
  /** `p:` place keys, `l:` content lemmas, COUNTRY. */
  readonly objects: ReadonlySet<string>;
  /** The words shown as the value: the verb (with its negation and modal) and its object. */
  readonly label: string;
  /** Who does it: the nearest person or organisation named before the verb in its clause. */
  readonly subject?: { readonly key: string; readonly base: string };
}

const hasBreak = (text: string): boolean => /[,;:.!?()–—]/u.test(text);

/** What `occurrence` reads of a sentence once. */
interface SentenceScan {
  readonly lexicon: ReturnType<typeof synthesisLexicon>;
  readonly grammar: ReturnType<typeof conflictGrammar>;
  /** Index of the first word opening a condition (words after it state no fact), else the length. */
  readonly conditionAt: number;
  /** Index of the first expectation cue, else the length. */
  readonly cueAt: number;
}

function scan(s: SentenceFeatures): SentenceScan {
  const lexicon = synthesisLexicon(s.language);
  const grammar = conflictGrammar(s.language);
  const conditionFirst = conditionalFirstWords(grammar);
  const n = s.words.length;
  let conditionAt = n;
  let cueAt = n;
  // Plain loops, phrases looked at only where their first word stands: run on every word of a story.
  for (let j = 0; j < n && (conditionAt === n || cueAt === n); j++) {
    if (conditionAt === n && conditionFirst.has(s.words[j]!) && grammar.conditionals.some((c) => c.every((w, k) => s.words[j + k] === w))) conditionAt = j;
    if (cueAt === n && startsWithAny(s.lemmas[j]!, grammar.expectCues) && !endsWithAny(s.words[j]!, grammar.notFiniteEndings)) cueAt = j;
  }
  return { lexicon, grammar, conditionAt, cueAt };
}

const conditionalFirsts = new WeakMap<ReturnType<typeof conflictGrammar>, ReadonlySet<string>>();

/** First words of the grammar's conditional phrases ("jeśli", "o" of "o ile"). */
function conditionalFirstWords(grammar: ReturnType<typeof conflictGrammar>): ReadonlySet<string> {
  let firsts = conditionalFirsts.get(grammar);
  if (!firsts) {
    firsts = new Set(grammar.conditionals.map((c) => c[0]!));
    conditionalFirsts.set(grammar, firsts);
  }
  return firsts;
}

/**
 * The word at `i` as a verb: its lemma, whether it tells the happening as done (a past form), and
 * whether it is the bare form an expectation takes. Polish reads the lemma's infinitive ending and
 * the past endings; a language with a table of verb forms (conflict-grammar.txt `verb-table`:
 * English) reads the bare infinitive after a modal or "to" and the past from the table or -ed
 * (src/synthesis/verbs-en.ts).
 */
function verbAt(s: SentenceFeatures, i: number, lexicon: SentenceScan['lexicon'], grammar: SentenceScan['grammar']): { lemma: string; past: boolean; base: boolean } | undefined {
  if (grammar.verbTable) return englishVerb(s, i, grammar.verbTable, grammar.baseBefore, functionWords(s.language), MODAL_GAP);
  const lemma = s.lemmas[i]!;
  const word = s.words[i]!;
  if (!endsWithAny(lemma, lexicon.infinitiveEndings) || endsWithAny(lemma, grammar.notVerbEndings)) return undefined;
  // "odwoła" (will cancel) ends like a past form but is the lemma without its ending (conflict-grammar.txt `lemma-stem-ending`).
  const stem = grammar.lemmaStemEndings.some((e) => word.endsWith(e)) && lexicon.infinitiveEndings.some((e) => `${word}${e}` === lemma);
  const past = lemma !== word && lexicon.pastEndings.some((e) => word.endsWith(e)) && !stem;
  return { lemma, past, base: word === lemma };
}

/** The verb at `i` as an event occurrence, or undefined. */
function occurrence(s: SentenceFeatures, i: number, { lexicon, grammar, conditionAt, cueAt }: SentenceScan): Occurrence | undefined {
  const word = s.words[i]!;
  const verb = verbAt(s, i, lexicon, grammar);
  if (!verb) return undefined;
  const { lemma, past, base } = verb;
  if (grammar.auxiliaries.has(lemma) || grammar.expectModals.has(lemma)) return undefined;
  if (!base && endsWithAny(word, grammar.notFiniteEndings)) return undefined;
  // A condition or a question states neither an expectation nor an outcome ("jeśli rząd nie zmieni zdania").
  if (conditionAt < i) return undefined;
  const between = (j: number): string => s.sentence.text.slice(s.wordStarts[j]! - s.sentence.start, s.wordStarts[i]! - s.sentence.start);
  let negation = -1;
  for (let j = i - 1; j >= Math.max(0, i - NEGATION_GAP); j--) {
    if (hasBreak(between(j))) break;
    if (lexicon.negations.has(straightApostrophe(s.words[j]!)) && !grammar.notNegating.has(s.words[j + 1]!)) negation = j;
  }
  let modal = -1;
  for (let j = i - 1; j >= Math.max(0, i - MODAL_GAP); j--) {
    if (hasBreak(between(j))) break;
    // "ma opuścić", "will leave"; or "to" after a word that makes it expected ("is expected to leave", "is to meet").
    if (grammar.expectModals.has(s.lemmas[j]!)) modal = j;
    else if (grammar.infinitiveMarkers.has(s.words[j]!) && grammar.expectBeforeMarker.has(s.lemmas[j - 1] ?? '')) modal = j - 1;
  }
  let layer: Occurrence['layer'] | undefined;
  if (negation >= 0) layer = s.epistemic === 'hedged' ? undefined : 'not';
  else if (past || s.epistemic === 'denied') layer = undefined;
  else if (base) layer = modal >= 0 && !grammar.possible.has(s.lemmas[i - 1] ?? '') ? 'expected' : undefined;
  else if (cueAt < i) layer = 'expected';
  if (!layer) return undefined;
  const objects = new Set<string>();
  const words = functionWords(s.language);
  for (let j = i + 1; j < Math.min(s.words.length, i + 1 + OBJECT_WORDS); j++) {
    if (hasBreak(s.sentence.text.slice(s.wordStarts[j - 1]! - s.sentence.start, s.wordStarts[j]! - s.sentence.start))) break;
    const mention = mentionAt(s, j, NOT_PERSON);
    const l = s.lemmas[j]!;
    // "nie opuści UE bez umowy": a condition, no outcome.
    if (layer === 'not' && grammar.conditionAfter.has(s.words[j]!)) return undefined;
    if (mention) objects.add(`p:${placeKey(mention.base, s.language)}`);
    else if (grammar.countryNouns.has(l)) objects.add(COUNTRY);
    else if (l.length >= MIN_OBJECT_LETTERS && !words.has(l) && !words.has(s.words[j]!)) objects.add(`l:${l}`);
  }
  if (objects.size === 0) return undefined;
  const first = Math.min(...[negation, modal, i].filter((j) => j >= 0));
  const last = Math.min(s.words.length - 1, i + 1);
  const label = s.sentence.text.slice(s.wordStarts[first]! - s.sentence.start, s.wordStarts[last]! - s.sentence.start + s.surfaces[last]!.length);
  const clauseStart = s.sentence.start + Math.max(...[...',;:()–—'].map((c) => s.sentence.text.lastIndexOf(c, s.wordStarts[i]! - s.sentence.start)));
  const subject = s.mentions.filter((m) => m.type !== 'LOC' && m.start > clauseStart && m.end <= s.wordStarts[i]!).at(-1);
  return { s, at: i, event: grammar.eventFamily.get(lemma) ?? lemma, layer, objects, label, ...(subject && { subject: { key: subject.key, base: subject.base } }) };
}

/**
 * One object: a shared place or word, or a country noun for a named place. A later report that
 * names a place the expectation did not ("nie odwoła rejsów do Polski" after "odwoła 150 rejsów")
 * speaks of a part of it, which overtakes nothing.
 */
function sameObject(earlier: ReadonlySet<string>, later: ReadonlySet<string>): boolean {
  const places = (set: ReadonlySet<string>): string[] => [...set].filter((x) => x.startsWith('p:'));
  if (!earlier.has(COUNTRY) && places(later).some((p) => !earlier.has(p))) return false;
  for (const x of earlier) if (later.has(x) && x !== COUNTRY) return true;
  return (earlier.has(COUNTRY) && places(later).length > 0) || (later.has(COUNTRY) && places(earlier).length > 0);
}

const people = (s: SentenceFeatures): Set<string> => new Set(s.mentions.filter((m) => m.type === 'PER').map((m) => m.key));

/** The people of the later report are among the earlier one's (none named: anyone's). */
function samePeople(earlier: SentenceFeatures, later: SentenceFeatures): boolean {
  const pl = people(later);
  if (pl.size === 0) return true;
  const pe = people(earlier);
  return [...pl].some((p) => pe.has(p));
}

const surname = (base: string): string => base.toLowerCase().split(/[\s-]+/u).at(-1)!;

/** One doer: the same entity, or the same last name ("Asia Bibi", "Bibi"); an unnamed doer may be anyone. */
function sameSubject(a: Occurrence, b: Occurrence): boolean {
  if (!a.subject || !b.subject) return true;
  return a.subject.key === b.subject.key || surname(a.subject.base) === surname(b.subject.base);
}

/** The module comment: later by publication day, or on one day a speculation, or one article. */
function later(e: SentenceFeatures, l: SentenceFeatures): boolean {
  if (e.article.id === l.article.id) return true;
  const de = dayOf(e.article.published?.value);
  const dl = dayOf(l.article.published?.value);
  // Undated, the time layer alone orders them, as on one day: a speculation before what became of it.
  if (de === undefined || dl === undefined) return e.epistemic === 'hedged';
  if (dl - de > HAPPENING_DAYS * DAY_MS) return false;
  return dl > de || (dl === de && e.epistemic === 'hedged');
}

interface EventUpdates {
  /** Updates told by different sources, shown as conflicts. */
  readonly conflicts: readonly Conflict[];
  /** Expectations overtaken only within the articles that state them (`article:start` keys, src/synthesis/status.ts). */
  readonly overtaken: ReadonlySet<string>;
}

const matched = new WeakMap<StoryFeatures, EventUpdates>();

/** Updates of expected happenings the story later says did not or cannot take place. */
export function eventUpdates(features: StoryFeatures): Conflict[] {
  return [...matchEvents(features).conflicts];
}

/** Expectations one article tells and overtakes itself: superseded, with no conflict between sources. */
export function eventsOvertakenInOneSource(features: StoryFeatures): ReadonlySet<string> {
  return matchEvents(features).overtaken;
}

/** Some article of `a` is not among `b`'s articles. */
const toldWithout = (a: ReadonlyMap<string, Occurrence>, b: ReadonlyMap<string, Occurrence>): boolean => {
  const others = new Set([...b.values()].map((o) => o.s.article.id));
  return [...a.values()].some((o) => !others.has(o.s.article.id));
};

function matchEvents(features: StoryFeatures): EventUpdates {
  const cached = matched.get(features);
  if (cached) return cached;
  const occurrences: Occurrence[] = [];
  for (const s of features.sentences) {
    if (!s.claimable) continue;
    const scanned = scan(s);
    for (let i = 0; i < s.words.length; i++) {
      const o = occurrence(s, i, scanned);
      if (o) occurrences.push(o);
    }
  }
  const expected = occurrences.filter((o) => o.layer === 'expected');
  const outcomes = occurrences.filter((o) => o.layer === 'not');
  // One conflict per happening: the expectations of one event and the outcomes that overtake them.
  const byEvent = new Map<string, { earlier: Map<string, Occurrence>; later: Map<string, Occurrence> }>();
  const key = (o: Occurrence): string => `${o.s.article.id}:${o.s.sentence.start}`;
  for (const e of expected) {
    for (const l of outcomes) {
      if (e.event !== l.event || e.s === l.s || !sameObject(e.objects, l.objects) || !samePeople(e.s, l.s) || !sameSubject(e, l) || !later(e.s, l.s)) continue;
      const entry = byEvent.get(e.event) ?? { earlier: new Map(), later: new Map() };
      entry.earlier.set(key(e), e);
      entry.later.set(key(l), l);
      byEvent.set(e.event, entry);
    }
  }
  const conflicts: Conflict[] = [];
  const overtaken = new Set<string>();
  for (const [event, { earlier, later: current }] of byEvent) {
    if (!toldWithout(earlier, current) || !toldWithout(current, earlier)) {
      for (const k of earlier.keys()) overtaken.add(k);
      continue;
    }
    const side = (found: ReadonlyMap<string, Occurrence>, state: 'superseded' | 'current') => {
      const items = [...found.values()];
      return {
        value: mostCommon(items.map((o) => o.label)),
        citations: items.map((o) => citationOf(o.s)),
        epistemic: items.map((o) => o.s.epistemic),
        state,
      };
    };
    conflicts.push({ slot: 'event', subject: event, kind: 'update', values: [side(earlier, 'superseded'), side(current, 'current')] } satisfies Conflict);
  }
  const result = { conflicts, overtaken };
  matched.set(features, result);
  return result;
}
