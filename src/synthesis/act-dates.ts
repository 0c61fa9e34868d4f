/**
 * Dates of acts, for the date slot's conflicts (./conflicts.ts): which of a sentence's dates dates the
 * happening as its source states it (not the day someone spoke of it), and the dates of one act told of
 * a named person or done to a named thing, keyed by the act and who or what it is of, so that only one
 * act's dates are ever compared.
 */
import { endsWithAny, wordIndexAt, type StoryFeatures } from './features.ts';
import { functionWords, resourceLanguage, synthesisLexicon } from './resources.ts';
import { citationOf, conflictGrammar, mainParticipants, type SlotValue } from './slots.ts';
import { quoteCues } from '../analysis/quotes/cues.ts';

const lower = (s: string): string => s.toLowerCase();

/** Words between a reporting verb and the time that dates it: "powiedział Michel Barnier w poniedziałek". */
const STATEMENT_TIME_GAP = 3;

/**
 * Whether a date value dates the happening as the source states it. Not: a day word read from the
 * publication day ("dziś", "dzisiejszy postęp": a copy published a day later moves it), nor the
 * day of a statement ("powiedział we wtorek", "oświadczył w czwartek": people speak about one
 * happening on many days) or of a medium citing it ("przytacza w piątek portal BuzzFeed").
 */
export function happeningDate(v: SlotValue): boolean {
  const s = v.sentence;
  const { deictic, citingVerbs } = conflictGrammar(s.language);
  const reporting = quoteCues(resourceLanguage(s.language));
  return s.times.some((t) => {
    if (t.value !== v.key) return false;
    if ((lower(t.text).match(/\p{L}+/gu) ?? []).some((w) => deictic.has(w))) return false;
    const at = wordIndexAt(s, t.start);
    const end = wordIndexAt(s, t.end);
    const near = [...s.words.slice(Math.max(0, at - STATEMENT_TIME_GAP), at), ...s.words.slice(end < 0 ? s.words.length : end, (end < 0 ? s.words.length : end) + 1)];
    return !near.some((w) => reporting.verb(w) !== undefined || citingVerbs.has(w));
  });
}

/** Words between a date and the verb of the act it dates, at most (the asia_bibi tuning stories, 2026-12-07). */
const ACT_DATE_WORDS = 6;
/** Letters a participle keeps before its ending ("zabi-ty"): shorter words are no participles. */
const MIN_PARTICIPLE_STEM = 3;

/**
 * Dates of one act told of a named person: a stated past sentence with one date that names a
 * person with a past verb or a passive participle at most ACT_DATE_WORDS words from the date ("4
 * stycznia 2011 ten … policjant zabił gubernatora … Salmaana Taseera", "W 2011 gubernator … Salmaan
 * Taseer został zabity"), however long before the story; the subject is the verb and the person,
 * so only one person's one act is compared. The story's main participants (slots.ts
 * `mainParticipants`) are left out: they act in most of its sentences, and their dates are the
 * meeting slot's (a first version with them paired "została uniewinniona" 31 October with "w
 * październiku" and Asia Bibi's sentence of 2010 with its day).
 */
export function actDates(features: StoryFeatures): SlotValue[] {
  const participants = mainParticipants(features);
  const out: SlotValue[] = [];
  for (const s of features.sentences) {
    if (!s.claimable || !s.past || s.epistemic === 'hedged' || s.times.length !== 1 || !s.times[0]!.value) continue;
    const t = s.times[0]!;
    const people = s.mentions.filter((m) => m.type === 'PER' && !participants.has(m.key)).map((m) => m.key);
    if (people.length === 0) continue;
    const { infinitiveEndings, pastEndings } = synthesisLexicon(s.language);
    const { notVerbEndings, auxiliaries, participleEndings } = conflictGrammar(s.language);
    const at = wordIndexAt(s, t.start);
    const end = wordIndexAt(s, t.end);
    const verbs = new Set<string>();
    s.lemmas.forEach((l, i) => {
      // The act the date is of is told next to it: "4 stycznia 2011 ten 26-letni wówczas policjant zabił".
      if (i < at - ACT_DATE_WORDS - 1 || (end >= 0 && i > end + ACT_DATE_WORDS) || (i >= at && (end < 0 || i < end))) return;
      if (l !== s.words[i] && l.length >= 4 && !auxiliaries.has(l) && endsWithAny(l, infinitiveEndings) && !endsWithAny(l, notVerbEndings) && endsWithAny(s.words[i]!, pastEndings)) verbs.add(l);
      // A passive participle names its verb's act ("został zabity" of "zabić"; conflict-grammar.txt `participle-ending`).
      for (const [ending, infinitive] of participleEndings) {
        const w = s.words[i]!;
        if (w.length > ending.length + MIN_PARTICIPLE_STEM && w.endsWith(ending)) verbs.add(`${w.slice(0, -ending.length)}${infinitive}`);
      }
    });
    const v0: SlotValue = { slot: 'date', key: t.value!, label: t.value!, subject: '', sentence: s, reported: s, citation: citationOf(s) };
    if (!happeningDate(v0)) continue;
    for (const verb of verbs) for (const person of people) out.push({ ...v0, subject: `${verb} ${person}`, shown: verb });
  }
  return out;
}

/** Words between a verb and its named object, at most: a preposition ("wyjść z UE"). */
const VERB_TO_OBJECT_WORDS = 1;
/** Words between the object and the date that follows it, at most: a preposition ("opuści UE w marcu"). */
const OBJECT_TO_DATE_WORDS = 1;
/** Names that can be what an act is done to: a body, a place, an event or a product, not a person. */
const OBJECT_TYPES = ['ORG', 'LOC', 'EVT', 'PRO'] as const;

/**
 * Dates of one act done to a named thing, read from the act's own words: a verb (any tense or an
 * infinitive), its object named right after it, and the sentence's one date right after the object
 * ("Wielka Brytania opuści UE w marcu przyszłego roku" against "[Wielka Brytania] powinna opuścić
 * UE 29 marca 2019 roku", brexit_pl 1671 and 176). The subject is the verb's lemma (its family's
 * head, conflict-grammar.txt `event-family`: "opuszczać" is "opuścić") and the object's entity key,
 * so "opuścić UE" is compared only with "opuścić UE", never with another act dated in
 * the same sentence or another thing the verb is done to. The date must follow the object
 * directly: a date elsewhere in the sentence may date anything it names (the dropped
 * `thingActDates` of docs/QUALITY.md, thirteenth round, took any name near a date and paid 8 false
 * alarms for it).
 */
export function objectActDates(features: StoryFeatures): SlotValue[] {
  const out: SlotValue[] = [];
  for (const s of features.sentences) {
    // A possibility ("może opuścić Wspólnotę w marcu 2019 roku bez porozumienia") dates no act.
    if (!s.claimable || s.epistemic === 'hedged' || s.times.length === 0) continue;
    const { infinitiveEndings } = synthesisLexicon(s.language);
    const { notVerbEndings, auxiliaries, expectModals, notFiniteEndings, eventFamily } = conflictGrammar(s.language);
    for (const m of s.mentions) {
      if (!(OBJECT_TYPES as readonly string[]).includes(m.type)) continue;
      const objectAt = wordIndexAt(s, m.start);
      const objectEnd = wordIndexAt(s, m.end);
      if (objectAt < 1 || objectEnd < 0) continue;
      // The act's own date follows its object; the sentence's other dates ("uruchomiła procedurę …
      // 29 marca ub.r. i powinna opuścić UE 29 marca 2019 roku") date its other acts.
      const t = s.times.find((x) => x.value && wordIndexAt(s, x.start) >= objectEnd && wordIndexAt(s, x.start) - objectEnd <= OBJECT_TO_DATE_WORDS);
      if (!t) continue;
      for (let i = objectAt - 1; i >= Math.max(0, objectAt - 1 - VERB_TO_OBJECT_WORDS); i--) {
        const lemma = s.lemmas[i]!;
        const word = s.words[i]!;
        // Only a function word ("z", "do") stands between the verb and its object.
        if (functionWords(s.language).has(lower(word))) continue;
        // The first other word before the object is its verb, or the object has none read here.
        const verb = endsWithAny(lemma, infinitiveEndings) && !endsWithAny(lemma, notVerbEndings) && !auxiliaries.has(lemma) && !expectModals.has(lemma) && (word === lemma || !endsWithAny(word, notFiniteEndings));
        const v: SlotValue = { slot: 'date', key: t.value!, label: t.value!, subject: `${eventFamily.get(lemma) ?? lemma} ${m.key}`, sentence: s, reported: s, citation: citationOf(s), shown: `${word} ${m.text}` };
        if (verb && happeningDate(v)) out.push(v);
        break;
      }
    }
  }
  return out;
}
