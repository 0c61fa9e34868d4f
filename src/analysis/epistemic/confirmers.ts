/**
 * Who confirms: whether a reporting verb's subject speaks for the side whose act the sentence tells
 * — an organisation, a press office, a government body or a spokesperson announcing their own
 * side's decision — rather than an outlet relaying it or a party stating its side
 * (eval/data/synthesis/GUIDELINE.md, "confirmed by whom"). classifySentences (./index.ts) asks these
 * of a quote's verb and of a reporting verb found with no quote.
 */
import type { EntityType, Span } from '../../types.ts';
import type { QuoteCues } from '../quotes/cues.ts';
import { besideCue, CAPITALISED, matchesAt, relays, WEB_ADDRESS, type CueLexicon, type Word } from './lexicon.ts';

/**
 * Whether an institutional reporting verb found with no quote has an organisation for its subject:
 * the entity layer's organisation among the words before it in its clause ("Tanie linie lotnicze
 * Ryanair poinformowały"), with no person's role or outlet beside the verb ("prezes Ryanair
 * poinformował", "podaje portal").
 */
export function organisationAnnounces(verb: Word, words: readonly Word[], mentions: readonly (Span & { readonly type?: EntityType })[], lexicon: CueLexicon): boolean {
  if (!lexicon.institutional.has(verb.text.toLowerCase())) return false;
  const around = besideCue(words, verb);
  if (around.some((w) => lexicon.person.has(w.text.toLowerCase()) || relays(w, lexicon))) return false;
  const i = words.indexOf(verb);
  let start = i;
  while (start > 0 && !words[start]!.clauseStart) start--;
  const from = words[Math.max(start, i - 4)]!.start;
  // A name between the organisation and the verb is the speaker ("przewodniczący Rady Europejskiej
  // Donald Tusk poinformował", "twórca Leave.EU Arron Banks poinformował").
  const named = (m: Span): boolean => words.some((w) => w.start >= m.end && w.end <= verb.start && CAPITALISED.test(w.text));
  // An organisation after a word that cannot be nominative modifies a noun phrase ("strajk …
  // irlandzkich tanich linii lotniczych Ryanair poinformowały … związki zawodowe"): not the subject.
  const oblique = (m: Span): boolean => {
    const first = words.findIndex((w) => w.start >= m.start);
    const before = first > 0 && !words[first]!.clauseStart ? words[first - 1]! : undefined;
    return before !== undefined && !CAPITALISED.test(before.text) && !!lexicon.genitive?.(before.text);
  };
  return mentions.some((m) => m.type === 'ORG' && m.start >= from && m.end <= verb.start && !named(m) && !oblique(m) && !WEB_ADDRESS.test(words.find((w) => w.start === m.start)?.text ?? ''));
}

/**
 * Whether a spokesperson announces for the office they serve, whoever that is: an institutional
 * verb with "rzecznik" beside it or as the quote's speaker (`spokenBy`), no outlet beside it
 * ("oświadczył rzecznik premier Theresy May", "Rzeczniczka lotniska poinformowała, że odwołano 116 odlotów").
 */
export function spokespersonAnnounces(verb: string, around: readonly Word[], spokenBy: boolean, lexicon: CueLexicon, says?: Span): boolean {
  if (says) {
    // Saying, the spokesperson is named in the verb's own clause, not in the one it reports ("Poseł
    // opozycji powiedział, że rzecznik rządu zapowiedział zmiany").
    const reported = around.findIndex((w) => w.start > says.start && w.clauseStart);
    const own = reported < 0 ? around : around.slice(0, reported);
    return own.some((w) => speaksFor(w.text, lexicon, true)) && !around.some((w) => lexicon.outlets.has(w.text.toLowerCase()));
  }
  if (!lexicon.institutional.has(verb.toLowerCase())) return false;
  return (spokenBy || around.some((w) => lexicon.spokespersons.has(w.text.toLowerCase()))) && !around.some((w) => lexicon.outlets.has(w.text.toLowerCase()));
}

/** Whether a word names one who speaks for an office: a spokesperson, or with a plain verb of saying also a representative (`representative:`). */
function speaksFor(word: string, lexicon: CueLexicon, says: boolean): boolean {
  const lower = word.toLowerCase();
  return lexicon.spokespersons.has(lower) || (says && lexicon.representatives.has(lower));
}

/** Words before and after a plain verb of saying a union or party that speaks may be named in. */
const SIDE_REACH = 6;

/**
 * Whether verb `i` is a plain verb of saying (`speech:` in confirmation-cues.txt: "powiedział",
 * "mówi") that reports a clause ("Rzeczniczka niemieckiego ministerstwa spraw zagranicznych
 * powiedziała, że … są one gotowe ją przyjąć", "Przedstawiciel Gazpromu powiedział niemieckiej
 * agencji dpa, że budowa gazociągu przebiega zgodnie z planem"): a spokesperson or representative
 * says so for their office, whatever the verb (eval/data/synthesis/GUIDELINE.md, confirmed by whom).
 * Their words set off by a dash or colon are as often a view or a judgement ("To realne ryzyko –
 * powiedział przedstawiciel Unipera", "Demonstracja przebiega pokojowo – powiedział rzecznik
 * stołecznej policji"), and a union's or a party's spokesperson states its side ("Rzecznik partii
 * do spraw europejskich Tom Brake powiedział"): neither counts.
 */
export function saysForOffice(words: readonly Word[], i: number, lexicon: CueLexicon, reporting: QuoteCues): boolean {
  if (!lexicon.speech.has(words[i]?.text.toLowerCase() ?? '')) return false;
  if (thatAfter(words, i, reporting) < 0) return false;
  return !words.slice(Math.max(0, i - SIDE_REACH), i + SIDE_REACH).some((w) => lexicon.parties.has(w.text.toLowerCase()));
}

/** Words a spokesperson may stand before the verb as its subject's head: "Rzecznik szefowej rządu Zjednoczonego Królestwa Theresy May zapowiedział". */
const SPOKESPERSON_REACH = 8;

/**
 * Whether a spokesperson heads the subject of an institutional or announcing verb (`announce:`)
 * further off than the words beside it, their office named between: "Rzecznik szefowej rządu
 * Zjednoczonego Królestwa Theresy May zapowiedział, że „nie będzie kolejnego referendum”",
 * "Rzecznik prasowy premier May – James Slack oświadczył". The spokesperson must be a nominative
 * ("rzecznika" is whom someone speaks to or of), in the verb's own clause: the scan stops at a
 * "że", a relative pronoun or another reporting verb ("rzecznik powiedział, że rząd poinformował").
 * An office named by a country or organisation that reports what another named one does ("Rzecznik
 * Rady Bezpieczeństwa Narodowego Stanów Zjednoczonych John Kirby przekazał …, że Rosja prowadzi tajne
 * rozmowy") tells a fact that is not its own (eval/data/synthesis/GUIDELINE.md, confirmed by whom).
 */
export function spokespersonHeads(words: readonly Word[], i: number, lexicon: CueLexicon, reporting: QuoteCues, mentions: readonly (Span & { readonly type?: EntityType })[]): boolean {
  const v = words[i]?.text.toLowerCase() ?? '';
  const says = saysForOffice(words, i, lexicon, reporting);
  if (!lexicon.institutional.has(v) && !lexicon.announce.has(v) && !says) return false;
  for (let j = i - 1; j >= Math.max(0, i - SPOKESPERSON_REACH); j--) {
    const w = words[j]!.text.toLowerCase();
    if (reporting.that.has(w) || lexicon.relatives.has(w) || reporting.verb(w) !== undefined || relays(words[j]!, lexicon)) return false;
    if (speaksFor(w, lexicon, says) && !lexicon.genitive?.(w)) return !reportsAnother(words, j, i, reporting, mentions);
  }
  return false;
}

/** Words after a reporting verb its "że" may stand ("przekazał pod koniec ubiegłego miesiąca, że"). */
const THAT_REACH = 6;

/** Index of the "że" reporting verb `i` introduces its clause with, within THAT_REACH words; -1 when none. */
function thatAfter(words: readonly Word[], i: number, reporting: QuoteCues): number {
  return words.findIndex((w, k) => k > i && k <= i + THAT_REACH && reporting.that.has(w.text.toLowerCase()));
}
/** The words of the clause reporting verb `i` reports, after its "że"; none when it reports no "że" clause. */
export function reportedClause(words: readonly Word[], i: number, reporting: QuoteCues): readonly Word[] {
  const that = thatAfter(words, i, reporting);
  return that < 0 ? [] : words.slice(that + 1);
}

/** Words after the "że" the reported clause's subject may open at. */
const REPORTED_SUBJECT_REACH = 3;

/** Letters two forms of one name share whatever their case: "Stany" and "Stanów". */
const STEM = 4;

/**
 * Whether the clause reported by verb `i`, its subject from word `from`, opens with a country or
 * organisation the subject does not name, while the subject names one: another party's act.
 */
function reportsAnother(words: readonly Word[], from: number, i: number, reporting: QuoteCues, mentions: readonly (Span & { readonly type?: EntityType })[]): boolean {
  const named = (m: { readonly type?: EntityType }): boolean => m.type === 'LOC' || m.type === 'ORG';
  const office = mentions.filter((m) => named(m) && m.start >= words[from]!.start && m.end <= words[i]!.start);
  if (office.length === 0) return false;
  const that = thatAfter(words, i, reporting);
  if (that < 0) return false;
  const reach = words[Math.min(words.length - 1, that + REPORTED_SUBJECT_REACH)]!.end;
  const stems = (m: Span): string[] => words.filter((w) => w.start >= m.start && w.end <= m.end).map((w) => w.text.slice(0, STEM).toLowerCase());
  const officeStems = new Set(office.flatMap(stems));
  return mentions.some((m) => named(m) && m.start > words[that]!.start && m.start < reach && !stems(m).some((x) => officeStems.has(x)));
}

/** Whether `around` (the words beside a reporting verb) names a press office or a board, in any case: an office's own name is capitalised ("Biuro Prasowe Stolicy Apostolskiej"). */
export function speaksForOffice(around: readonly Word[], lexicon: CueLexicon): boolean {
  const lowered = around.map((w) => ({ ...w, lower: w.text.toLowerCase() }));
  return lowered.some((_, i) => lexicon.office.some((p) => matchesAt(lowered, i, p)));
}

/**
 * Whether a press office or a board (`office:` in confirmation-cues.txt) beside a reporting verb
 * with no quote found is its speaker, as it is beside a quote's verb in classifySentences: "O
 * papieskiej audiencji … poinformowało Biuro Prasowe Stolicy Apostolskiej".
 */
export function officeAnnounces(verb: Word, words: readonly Word[], lexicon: CueLexicon, reporting: QuoteCues): boolean {
  const around = besideCue(words, verb);
  if (!speaksForOffice(around, lexicon)) return false;
  if (around.some((w) => lexicon.person.has(w.text.toLowerCase()) || relays(w, lexicon))) return false;
  const at = words.indexOf(verb);
  // Set off by "jak" in mid-sentence the writer relays the office, as with "według" (classifySentences).
  return !(at > 1 && reporting.as.has(words[at - 1]!.text.toLowerCase()) && words.slice(0, at - 1).some((w) => !reporting.connectors.has(w.text.toLowerCase())));
}

/**
 * Whether a government body named by a common noun (`authority:` in confirmation-cues.txt: "rząd",
 * "władze", "ministerstwo") stands beside an institutional verb or a verb of announcing
 * (`announce:`) and no person's role or outlet does: "Tamtejsze władze zapowiedziały, że na to nie
 * pozwolą", "Rząd zapowiedział sprzeciw wobec tej zmiany". The government announces its own decision,
 * as an organisation does (organisationAnnounces), though the entity layer finds no name.
 */
export function authorityAnnounces(words: readonly Word[], i: number, lexicon: CueLexicon): boolean {
  const v = words[i]?.text.toLowerCase() ?? '';
  if (!lexicon.institutional.has(v) && !lexicon.announce.has(v)) return false;
  // A report in a concessive clause is what the main clause answers ("choć rząd zapewnia, że…, to").
  // "Mimo, że rząd … zapewnia" puts a comma between the concessive and its "że".
  for (let j = i - 1, commas = 0; j >= 0 && commas <= 1; j--) {
    if (lexicon.concessives.has(words[j]!.text.toLowerCase())) return false;
    if (words[j]!.clauseStart) commas++;
  }
  // The subject: before the verb in its clause, or right after it ("zapowiedziały władze"), never in
  // the clause it reports ("Qadri poinformował, że policja zatrzymała").
  const subject: Word[] = [];
  for (let j = i - 1; j >= Math.max(0, i - 4) && !words[j + 1]!.clauseStart; j--) subject.push(words[j]!);
  for (let j = i + 1; j < Math.min(words.length, i + 4) && !words[j]!.clauseStart; j++) subject.push(words[j]!);
  if (subject.some((w) => lexicon.person.has(w.text.toLowerCase()) || relays(w, lexicon) || lexicon.spokespersons.has(w.text.toLowerCase()))) return false;
  return subject.some((w) => lexicon.authorities.has(w.text.toLowerCase()) || lexicon.companies.has(w.text.toLowerCase()));
}

/** Words of a quote's main clause its first verb may stand within: past them the quote tells something else. */
const WE_REACH = 10;

/**
 * Whether a speaker's own words tell their side's act in the first person plural: the first verb of
 * the quote's main clause, within its first words, is a "we" that acts or stands ("Dlatego prowadzimy
 * aktywne działania – oświadczył premier", "Zgodziliśmy się, że UE przeznaczy więcej pieniędzy –
 * poinformował Tusk", "Nie popieramy tego – powiedział Corbyn"): the side the fact belongs to says so
 * (eval/data/synthesis/GUIDELINE.md, confirmed by whom). Not a "we" of a view, wish, need, duty or
 * ability (`we-view:` in confirmation-cues.txt: "Musimy utrzymać jedność", "Chcemy mieć możliwość",
 * "Potrzebujemy jasności"), which is the side's stance; not a condition ("Jeśli nie podejmiemy
 * radykalnego działania, to … dopuścimy", `we-if:`), which is a judgement of a hypothetical; and not
 * when a third person acts first ("Kanclerz Merkel ma doskonałą wiedzę, w jaki sposób patrzymy"). A
 * relative, temporal or reason clause is passed over to the main one ("Inny temat, o którym mówimy
 * całkiem dużo, … jest Nord Stream 2" has no "we" that acts; "W czasie, gdy prowadzimy rozmowy …, z
 * Turcją już wkrótce zakończymy analogiczny projekt" has).
 */
export function weAct(quoted: readonly Word[], lexicon: CueLexicon): boolean {
  if (!lexicon.firstPlural || !lexicon.verb) return false;
  let main = 0;
  let subordinate = false;
  for (const w of quoted) {
    const lower = w.text.toLowerCase();
    if (w.clauseStart) subordinate = false;
    if (lexicon.weIf.has(lower)) return false;
    if (lexicon.relatives.has(lower) || lexicon.interrogatives.has(lower) || lexicon.weClause.has(lower)) subordinate = true;
    if (subordinate) continue;
    if (++main > WE_REACH) return false;
    // The future's auxiliary leaves the sense to the verb after it: "będziemy mogli wyjść" is an ability.
    if (lexicon.firstPlural(lower)) return ![lower, quoted[quoted.indexOf(w) + 1]?.text.toLowerCase() ?? ''].some((x) => lexicon.weViews.some((v) => v(x)));
    if (lexicon.verb(lower)) return false;
  }
  return false;
}

/**
 * Whether a quote's speaker can speak for a side that acts: named or described, and neither an
 * outlet relaying others ("– podaje BBC") nor a commentator judging others' affairs
 * (`commentator:` in confirmation-cues.txt: "ekspert", "analityk").
 */
export function speaksForSide(speaker: { readonly name: string; readonly description?: string } | undefined, around: readonly Word[], lexicon: CueLexicon): boolean {
  if (!speaker) return false;
  const words = [...speaker.name.split(/\s+/u), ...(speaker.description?.split(/\s+/u) ?? []), ...around.map((w) => w.text)].map((w) => w.toLowerCase());
  if (lexicon.media.has(speaker.name.toLowerCase()) || WEB_ADDRESS.test(speaker.name)) return false;
  return !words.some((w) => lexicon.commentators.has(w) || lexicon.outlets.has(w) || lexicon.wire.has(w));
}

/** Words after the "że" the reported clause's verb may stand at: "że w związku z sytuacją zrzekł się". */
const OWN_VERB_REACH = 5;

/**
 * Whether an office-holder announces an act of their own: a reported clause with no subject of its
 * own, so the speaker's, after an institutional or announcing verb, the speaker named with an
 * office's role noun (`person:` in confirmation-cues.txt that is no `commentator:`): "Minister ds.
 * wyjścia z Unii Europejskiej David Davis oświadczył w piątek, że dąży do szybkiego sfinalizowania
 * umowy", "[prezes] poinformował, że w związku z sytuacją zrzekł się premii". The one who acts says
 * so, as the office (eval/data/synthesis/GUIDELINE.md, confirmed by whom); a private person's stated
 * intention ("zapowiedziała, że poprosi papieża o modlitwę") stays their claim. A clause whose
 * subject follows its verb ("Minister powiedział, że … ruszy budowa") tells another's act.
 */
export function officeHolderActs(verb: string, speaker: { readonly name: string; readonly description?: string } | undefined, around: readonly Word[], reported: readonly Word[], lexicon: CueLexicon): boolean {
  const v = verb.toLowerCase();
  if (!lexicon.institutional.has(v) && !lexicon.announce.has(v)) return false;
  if (!lexicon.verb || !lexicon.nominative || !lexicon.nominativeOnly) return false;
  const roles = [...(speaker?.name.split(/\s+/u) ?? []), ...(speaker?.description?.split(/\s+/u) ?? []), ...around.map((w) => w.text)].map((w) => w.toLowerCase());
  if (!roles.some((w) => lexicon.person.has(w) && !lexicon.commentators.has(w))) return false;
  for (let k = 0; k < Math.min(reported.length, OWN_VERB_REACH); k++) {
    const lower = reported[k]!.text.toLowerCase();
    if (CAPITALISED.test(reported[k]!.text)) return false;
    if (lexicon.verb(lower) && !lexicon.nominative(lower)) return !lexicon.nominativeOnly(reported[k + 1]?.text.toLowerCase() ?? '') && !lexicon.firstPlural?.(lower);
    if (lexicon.nominative(lower)) return false;
  }
  return false;
}

/** How an adverbial participle ends: "zapewniając", "informując", "zaznaczając". */
const PARTICIPLE = /ąc$/u;

/**
 * The words an adverbial participle of a reporting verb speaks with, when it follows the speaker's
 * main clause ("Rzecznik premier Theresy May stanowczo odrzucił te wezwania, zapewniając, że szefowa
 * rządu nie bierze takiego scenariusza pod uwagę"): the participle's subject is the main clause's,
 * so the confirmation rules that read a finite verb's subject (spokespersonHeads, authorityAnnounces,
 * organisationAnnounces, officeAnnounces) see those words, the main clause's up to its verb, standing
 * right before the participle. `at` is the participle's index in them. Undefined when word `i` is no
 * participle opening its clause, or the clause before it is a subordinate one ("…, że MSW
 * zrealizowało obietnicę, podkreślając") or names no subject before its verb ("odpowiedział,
 * zapewniając"): the participle's subject is then not known.
 */
export function participleSpeaker(words: readonly Word[], i: number, lexicon: CueLexicon, reporting: QuoteCues): { readonly words: readonly Word[]; readonly at: number } | undefined {
  const participle = words[i];
  if (!participle || i < 2 || !participle.clauseStart || !PARTICIPLE.test(participle.text.toLowerCase()) || !lexicon.verb || !lexicon.nominative) return undefined;
  let start = i - 1;
  while (start > 0 && !words[start]!.clauseStart) start--;
  const opening = words[start]!.text.toLowerCase();
  if (reporting.that.has(opening) || lexicon.relatives.has(opening) || lexicon.weClause.has(opening) || lexicon.weIf.has(opening)) return undefined;
  let verb = start;
  while (verb < i && (CAPITALISED.test(words[verb]!.text) || !lexicon.verb(words[verb]!.text.toLowerCase()) || lexicon.nominative(words[verb]!.text.toLowerCase()))) verb++;
  if (verb === start || verb === i) return undefined;
  const subject = words.slice(start, verb);
  return { words: [...subject, { ...participle, clauseStart: false }, ...words.slice(i + 1)], at: subject.length };
}
