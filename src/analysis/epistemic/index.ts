/**
 * Epistemic status per sentence: does the article deny a claim ("zdementował", "to nieprawda"),
 * leave it uncertain ("prawdopodobnie", the conditional, hearsay "ma być chory"), report an official
 * confirmation ("potwierdził", "w komunikacie"), attribute it to a source (a quote or reported
 * speech), or assert it in its own voice? Cues are data (resources/<lang>/{denial,hedge,
 * confirmation}-cues.txt, syntax in hedge-cues.txt) and come back with offsets as evidence.
 *
 * Order of precedence: denial > hedge > confirmation > attribution > assertion. Hedges are read
 * narrowly, because a report read as speculation misleads as much as the reverse:
 * - grammatical cues inside a direct quote (the conditional, "ma" + infinitive) are the speaker's
 *   reasoning, not the article's; lexical hedges and denials count there too ("możliwe, że…" –
 *   ocenił; "To nieprawda" – stwierdził), and so does an epistemic "może" ("– Tysiące pasażerów
 *   mogą ucierpieć – powiedział"), which leaves the reported fact itself open;
 * - a negated cue is not one ("nie może opuścić kraju" is a prohibition, "nie potwierdzono" no
 *   confirmation);
 * - "mieć" + infinitive is a schedule or plan ("ma się spotkać", "ma być gotowy do końca roku"); it
 *   hedges only in its hearsay reading: present "ma być" with no time in the sentence ("ma być
 *   chory"), past "miał" + infinitive with no time ("miała odpowiedzieć" = reportedly answered),
 *   and never with a passive participle ("ma być omówiona podczas szczytu" is a planned action);
 * - the conditional of wanting ("chciałoby") is a wish, and the past of "móc" after "by"/"żeby" the
 *   subjunctive ("by Ukraina mogła zarabiać");
 * - modal adjectives and participles are modifiers, so the lists hold adverbs and predicative forms
 *   only ("zapytany o możliwą wizytę", "zdjęcia sugerujące" do not hedge), and a conditional or the
 *   present of "móc" in a clause opened by a relative pronoun describes a thing or comments on the
 *   main clause ("umowę, która przewidywałaby dostawy", "szkody, które mogą wyniknąć", ", co może
 *   trwać kilka miesięcy");
 * - a press office confirms with any reporting verb ("poinformowały służby prasowe Kremla"), an
 *   organisation with an institutional one, unless a person's role or an outlet stands by the verb;
 *   so does a speaker's own "we" acting in their words ("Dlatego prowadzimy aktywne działania –
 *   oświadczył premier"), an office-holder announcing an act of their own, and a spokesperson or
 *   representative whose plain "powiedział" reports a "że" clause (./confirmers.ts);
 * - a judgement or a stated position attributes without a reporting verb ("w ocenie ekspertów",
 *   "zajął stanowisko"; resources/<lang>/attribution-cues.txt);
 * - exceptions name the readings that are rights or options ("każdy pasażer może domagać się");
 * - after a negated report followed by a question word ("nie ustalono, w jaki sposób mogło…") the
 *   sentence states what is not known, a fact: cues inside the question do not count;
 * - a denial inside a concessive clause ("mimo że temu zaprzeczał, dostarczył") is not the
 *   sentence's own.
 */
import type { EntityType, Language, Span } from '../../types.ts';
import type { Quote } from '../quotes/index.ts';
import { quoteCues, type QuoteCues } from '../quotes/cues.ts';
import { besideCue, CAPITALISED, cueLexicon, matchCues, matchesAt, relays, WEB_ADDRESS, wordIndexOf, type CueLexicon, type CuePattern, type Found, type Word } from './lexicon.ts';
import { authorityAnnounces, officeAnnounces, officeHolderActs, organisationAnnounces, participleSpeaker, reportedClause, saysForOffice, speaksForOffice, speaksForSide, spokespersonAnnounces, spokespersonHeads, weAct } from './confirmers.ts';

export type EpistemicStatus = 'denied' | 'hedged' | 'confirmed' | 'attributed' | 'asserted';
export type CueKind = 'denial' | 'hedge' | 'confirm' | 'attribution';

export interface StatusCue extends Span {
  readonly text: string;
  readonly kind: CueKind;
}

export interface SentenceStatus {
  readonly sentence: number;
  readonly status: EpistemicStatus;
  readonly cues: readonly StatusCue[];
}

export interface EpistemicInput {
  readonly text: string;
  readonly language: Language;
  readonly sentences: readonly Span[];
  /** Quotes from src/analysis/quotes: they make sentences attributed and mask their own cue words. */
  readonly quotes?: readonly (Pick<Quote, 'start' | 'end' | 'kind' | 'cue' | 'sentence'> & { readonly speaker?: { readonly name: string; readonly type?: EntityType; readonly description?: string } })[];
  /** Time expressions (src/analysis/time): a time tells a schedule ("ma przylecieć o 21.00") from hearsay. */
  readonly times?: readonly Span[];
  /** Entity mentions (src/analysis/entities): a sentence opened by a person's or organisation's name and a colon gives their words. */
  readonly mentions?: readonly (Span & { readonly type?: EntityType })[];
}

/**
 * The status of every sentence, with the cues that decided it.
 * @example classifySentences({ text: 'Rozmowy prawdopodobnie odbędą się we Władywostoku.', language: 'pl', sentences: [{ start: 0, end: 50 }] })
 *   // → [{ sentence: 0, status: 'hedged', cues: [{ text: 'prawdopodobnie', kind: 'hedge', … }] }]
 */
export function classifySentences(input: EpistemicInput): SentenceStatus[] {
  const lexicon = cueLexicon(input.language === 'en' ? 'en' : 'pl');
  const reporting = quoteCues(input.language === 'en' ? 'en' : 'pl');
  const quotes = (input.quotes ?? []).filter((q) => !strayQuote(input.text, input.sentences, q));
  const direct = quotes.filter((q) => q.kind !== 'indirect');
  const times = input.times ?? [];
  return input.sentences.map((s, index) => {
    const everyWord = sentenceWords(input.text, s, lexicon.months);
    // Only the quotes that reach into this sentence can hold its words (all of them at every word was a scan per word).
    const here = direct.filter((q) => q.start < s.end && s.start < q.end);
    const all = here.length ? everyWord.filter((w) => !here.some((q) => w.start >= q.start && w.end <= q.end)) : everyWord;
    // Words after "nie ustalono, w jaki sposób…" belong to the question, not to a claim.
    const words = all.slice(0, questionStart(all, lexicon));
    // The same with the words of direct quotes: what a speaker says in so many words ("to nieprawda",
    // "możliwe, że…") states the quoted claim's standing, whoever says it.
    const spoken = everyWord.slice(0, questionStart(everyWord, lexicon));
    // A schedule word ("planowo", "w południe") states the time of a plan as a clock time does.
    const timed = times.some((t) => t.start < s.end && s.start < t.end) || CLOCK_TIME.test(input.text.slice(s.start, s.end)) || lexicon.schedule.some((p) => everyWord.some((_, i) => matchesAt(everyWord, i, p)));
    // Hearsay the speaker only heard ("Powiedziano mi, że…") leaves the fact uncertain even inside
    // the quote: the source itself does not know it.
    const hearsay = matchCues(everyWord, lexicon.hearsay, 'hedge');
    const denials = [...matchCues(spoken, lexicon.denial, 'denial'), ...deniedPastActs(words, lexicon, reporting), ...reportsCalledFalse(spoken, lexicon)].filter((c) => !negated(spoken, c, lexicon.negations) && !concessive(spoken, c, lexicon.concessives));
    // Lexical hedges count inside a quote too; grammatical ones (the conditional, "może", "ma" +
    // infinitive) inside a quote are the speaker's own reasoning, options and plans, not the article's.
    const lexical = matchCues(spoken, lexicon.hedge, 'hedge', (r) => r === 'always').filter((c) => !negated(spoken, c, lexicon.negations) && !joinsAlternatives(spoken, c, lexicon) && !uncommented(spoken, c, lexicon, reporting));
    const grammatical = matchCues(words, lexicon.hedge, 'hedge', (r) => r !== 'always').filter((c) => !negated(words, c, lexicon.negations) && readsAsHedge(words, c, timed, lexicon, reporting, input.mentions ?? []));
    // An epistemic "móc" in reported speech leaves the reported fact uncertain in the speaker's own
    // words (eval/data/synthesis/GUIDELINE.md, a modal in reported speech): "OMV przyznało, że …
    // finansowanie projektu może stać się \"praktycznie niemożliwe\"", "– Tysiące pasażerów mogą
    // ucierpieć – powiedział". So the modal reading counts inside direct and mixed quotes too, with
    // the tests it has outside them; the conditional there stays the speaker's judgement of a
    // hypothetical. A question asks ("Bo co może zmienić…?") and a negated "że" clause ("nie
    // oznacza, że przewoźnik może…") says the possibility does not follow: neither hedges.
    const reportedModals = here.length === 0 || QUESTION_END.test(input.text.slice(s.start, s.end))
      ? []
      : matchCues(spoken, lexicon.hedge, 'hedge', (r) => r === 'modal').filter(
          (c) => !grammatical.some((g) => g.start === c.start) && !negated(spoken, c, lexicon.negations) && !negatedComplement(spoken, c, lexicon, reporting) && readsAsHedge(spoken, c, timed, lexicon, reporting, input.mentions ?? []),
        );
    const hedges = [...lexical, ...grammatical, ...reportedModals, ...hearsay, ...crowdForecasts(words, lexicon), ...expectations(spoken, lexicon, reporting)];
    // A confirmation after "aby"/"żeby" is wished or doubted, not made: "nie sądzimy, aby EBC ogłosił plan".
    // So is one still to come: an infinitive or a perfective future ("musi jednak potwierdzić",
    // "referendum, które miałoby potwierdzić", "ogłosi w piątek") has not been made yet, nor one in
    // the conditional ("uznał, że powtórzenie tego głosowania potwierdziłoby wolę większości").
    const confirms = matchCues(words, lexicon.confirm, 'confirm').filter(
      (c) =>
        !negated(words, c, lexicon.negations) &&
        !inClause(words, wordIndexOf(words, c), lexicon.subjunctive) &&
        !lexicon.unrealised?.(c.text) &&
        !lexicon.conditional?.(c.text.split(/\s+/u).at(-1)!) &&
        (!lexicon.manner.has(c.text.toLowerCase()) || besideReport(words, c, reporting)) &&
        !relayedOrParty(words, c, lexicon, reporting),
    );
    const attributions: StatusCue[] = [];
    for (const q of quotes) {
      const inSentence = q.sentence === index || (q.start < s.end && s.start < q.end);
      if (!inSentence) continue;
      const cue = q.cue && q.cue.start >= s.start && q.cue.end <= s.end ? q.cue : undefined;
      // An institution informing about its own affairs confirms: "Ryanair oświadczył, że…", its
      // press office ("poinformowały służby prasowe Kremla"), not "prawnik poinformował", nor an
      // agency relaying it ("- informuje Reuters"), nor a person named with a role ("prezes Ryanair
      // oświadczył": the quotes stage may have taken the company for the speaker).
      if (cue) {
        const around = besideCue(everyWord, cue);
        // Set off in mid-sentence ("W przypadku pilotów — jak informuje związek Forsa— chodzi o …"),
        // the writer relays the source, as with "według": attributed, not the institution's announcement
        // ("Jednak, jak informuje Komisja, …" opens its sentence and stays one).
        const at = wordIndexOf(everyWord, cue);
        const aside = at > 1 && reporting.as.has(everyWord[at - 1]!.text.toLowerCase()) && everyWord.slice(0, at - 1).some((w) => !reporting.connectors.has(w.text.toLowerCase()));
        // A union or a party states its side of a dispute ("Związek holenderskich pilotów poinformował"): attributed.
        // The quotes stage may give their words to the company they dispute with: the words by the verb
        // tell, and so does the description the union was named with ("Przedstawiciele związku
        // zawodowego pracowników pokładowych SNPVAC poinformowali").
        const party = [...(q.speaker?.name.split(/\s+/u) ?? []), ...(q.speaker?.description?.split(/\s+/u) ?? []), ...around.map((w) => w.text)].some((w) => lexicon.parties.has(w.toLowerCase()));
        const organisation = q.speaker?.type === 'ORG' && !aside && !party && !lexicon.media.has(q.speaker.name.toLowerCase()) && !WEB_ADDRESS.test(q.speaker.name) && lexicon.institutional.has(cue.text.toLowerCase());
        const office = speaksForOffice(around, lexicon);
        const other = around.some((w) => lexicon.person.has(w.text.toLowerCase()) || relays(w, lexicon));
        // A spokesperson announcing speaks for the office they serve, whoever that is ("oświadczył
        // rzecznik premier Theresy May", "Rzeczniczka lotniska poinformowała, że odwołano 116 odlotów").
        // The quotes stage may have found the spokesperson further off than the words beside the verb
        // ("– poinformował zapytany w tej sprawie przez agencję dpa rzecznik firmy").
        const spokenBy = (q.speaker?.name.split(/\s+/u) ?? []).some((w) => lexicon.spokespersons.has(w.toLowerCase()));
        const spokesperson = spokespersonAnnounces(cue.text, around, spokenBy, lexicon, saysForOffice(everyWord, at, lexicon, reporting) ? cue : undefined) || (!aside && spokespersonHeads(everyWord, at, lexicon, reporting, input.mentions ?? []));
        // A speaker's own "we" acting ("Dlatego prowadzimy aktywne działania – oświadczył premier") is
        // the side the fact belongs to speaking: in their verbatim words only, where the person is theirs.
        const we = q.kind !== 'indirect' && !aside && speaksForSide(q.speaker, around, lexicon) && weAct(everyWord.filter((w) => w.start >= q.start && w.end <= q.end), lexicon);
        const own = q.kind === 'indirect' && !aside && !party && officeHolderActs(cue.text, q.speaker, around, everyWord.filter((w) => w.start >= q.start && w.end <= q.end), lexicon);
        if (((organisation || office) && !other) || spokesperson || we || own || (!aside && authorityAnnounces(everyWord, at, lexicon))) confirms.push({ ...cue, kind: 'confirm', reading: 'always' });
      }
      attributions.push(cue ? { ...cue, kind: 'attribution' } : { start: Math.max(q.start, s.start), end: Math.min(q.end, s.end), text: input.text.slice(Math.max(q.start, s.start), Math.min(q.end, s.end)), kind: 'attribution' });
    }
    // A reporting verb with no quote found ("Oskarżyciel zapowiada wznowienie kroków", "- jak
    // podała firma -") still reports what someone says.
    if (attributions.length === 0) attributions.push(...matchCues(words, lexicon.attribution, 'attribution').map(({ reading: _, ...cue }) => cue));
    if (attributions.length === 0) {
      const verb = words.find((w, i) => (i === 0 || !CAPITALISED.test(w.text)) && reporting.verb(w.text) !== undefined && !negated(words, w, lexicon.negations) && reports(words, i, lexicon, reporting) && !describes(words, i, lexicon, reporting));
      if (verb) {
        attributions.push({ start: verb.start, end: verb.end, text: verb.text, kind: 'attribution' });
        // With no quote found the organisation is its subject in the sentence: "Tanie linie lotnicze
        // Ryanair poinformowały we wtorek o odwołaniu 150 lotów" announces the airline's own decision.
        // So does a spokesperson as the verb's subject, as beside a quote's verb: "Rzecznik prasowy
        // premier May – James Slack oświadczył wczoraj, że Londyn definitywnie zamierza opuścić unię celną".
        if (announcesUnquoted(everyWord, everyWord.indexOf(verb), input.mentions ?? [], lexicon, reporting)) confirms.push({ start: verb.start, end: verb.end, text: verb.text, kind: 'confirm', reading: 'always' });
      }
    }
    // An adverbial participle of a reporting verb after the speaker's main clause ("Rzecznik premier
    // Theresy May stanowczo odrzucił te wezwania, zapewniając, że…") reports with that clause's
    // subject: the same rules as for a finite verb, read with the subject (confirmers.ts, participleSpeaker).
    for (let i = 0; i < words.length; i++) {
      const seen = participleSpeaker(words, i, lexicon, reporting);
      if (!seen || negated(words, words[i]!, lexicon.negations)) continue;
      // An office-holder's own act ("Minister … odrzucił krytykę, zapewniając, że dąży do…"), as
      // officeHolderActs reads it beside a quote's verb: the subject is the speaker's description.
      const subject = seen.words.slice(0, seen.at);
      const own = !subject.some((w) => lexicon.parties.has(w.text.toLowerCase())) && officeHolderActs(words[i]!.text, undefined, subject, reportedClause(seen.words, seen.at, reporting), lexicon);
      if (own || announcesUnquoted(seen.words, seen.at, input.mentions ?? [], lexicon, reporting)) confirms.push({ start: words[i]!.start, end: words[i]!.end, text: words[i]!.text, kind: 'confirm', reading: 'always' });
    }
    // A verb of claiming, believing, fearing or promising with a "że" clause gives someone's claim or
    // belief ("utrzymywała, że jest niewinna", "obrońcy obawiają się, że", "dziennik ujawnił, że",
    // "Związkowcy grożą, że…"); without one it does something else ("utrzymuje kontakt", "obawa przed").
    if (attributions.length === 0) {
      const verb = words.find(
        (w, i) =>
          lexicon.thatVerbs.has(w.lower) &&
          !negated(words, w, lexicon.negations) &&
          complementFollows(words, i, reporting) &&
          !evidenceBefore(words, i, lexicon) &&
          !inRelativeClause(words, i, lexicon) &&
          !inClause(words, i, lexicon.concessives),
      );
      if (verb) attributions.push({ start: verb.start, end: verb.end, text: verb.text, kind: 'attribution' });
    }
    // Wanting with a "by" clause states someone's aim: "Premier Theresa May chce, by ten okres trwał
    // „około dwa lata”" gives May's position, not the article's fact.
    if (attributions.length === 0) {
      const verb = words.find(
        (w, i) =>
          lexicon.wishVerbs.has(w.lower) &&
          lexicon.subjunctive.has(words[i + 1]?.text.toLowerCase() ?? '') &&
          words[i + 1]!.clauseStart &&
          !negated(words, w, lexicon.negations) &&
          !inRelativeClause(words, i, lexicon),
      );
      if (verb) attributions.push({ start: verb.start, end: verb.end, text: verb.text, kind: 'attribution' });
    }
    // Calling something by a quoted name or "jako" a name gives the caller's judgement: "Ryanair
    // nazwał żądania \"bezcelowymi\"", "May określiła przyjęcie ustawy jako \"kluczowy krok\"".
    if (attributions.length === 0) {
      const verb = words.find((w, i) => lexicon.naming.has(w.lower) && !negated(words, w, lexicon.negations) && !inRelativeClause(words, i, lexicon) && namesAs(input.text, words, i, lexicon));
      if (verb) attributions.push({ start: verb.start, end: verb.end, text: verb.text, kind: 'attribution' });
    }
    // Threatening with something is a threat made: "Zagroziły również zwolnieniami, jeżeli…".
    if (attributions.length === 0) {
      const verb = words.find((w, i) => lexicon.threats.has(w.lower) && !negated(words, w, lexicon.negations) && !inRelativeClause(words, i, lexicon) && threatensWith(words, i, lexicon));
      if (verb) attributions.push({ start: verb.start, end: verb.end, text: verb.text, kind: 'attribution' });
    }
    // "Tusk: możliwa tylko umowa o wolnym handlu", "Jyrki Katainen: Nie wiem tego.": a name and a
    // colon open what that person says (headlines, interview transcripts).
    if (attributions.length === 0) {
      // Most sentences have no colon: only theirs are matched. (An indexOf from the sentence's
      // start ran on to the article's next colon, or its end, for every sentence.)
      const sentence = input.text.slice(s.start, s.end);
      const speaker = sentence.includes(':') ? colonSpeaker(sentence, lexicon) : undefined;
      const named = speaker !== undefined && (input.mentions ?? []).some((m) => m.start >= s.start && m.end <= s.start + speaker.length && (m.type === 'PER' || m.type === 'ORG'));
      if (speaker && (named || lexicon.person.has(speaker.split(/\s+/u)[0]!.toLowerCase()) || INITIALS.test(speaker))) {
        attributions.push({ start: s.start, end: s.start + speaker.length, text: speaker, kind: 'attribution' });
      }
    }
    // A report whose only source is unnamed ("Źródła rządowe poinformowały") is an unofficial one.
    // A question ("Jak … nasi rozmówcy oceniają swoją decyzję?") reports nothing. "Według" an
    // unnamed source needs no reporting verb beside it ("Według niektórych źródeł rzeczywistym
    // powodem incydentu był spór"): the quotes stage finds no speaker in it, so no attribution.
    if (!QUESTION_END.test(input.text.slice(s.start, s.end))) hedges.push(...unnamedSources(input.text, everyWord, attributions, here, lexicon, reporting));
    // What a party says would happen ("Ten scenariusz zmusiłby Airbusa…" – stwierdzono w komunikacie)
    // is its judgement of a hypothetical, not the confirmation of a fact it owns
    // (eval/data/synthesis/GUIDELINE.md, confirmed by whom): the conditional anywhere in its words,
    // but not a wish ("chciałbym przypomnieć") nor a comparison ("tak jak robiłby to").
    if (confirms.length && spoken.some((_, i) => hypothetical(spoken, i, lexicon))) confirms.length = 0;
    const status: EpistemicStatus = denials.length ? 'denied' : hedges.length ? 'hedged' : confirms.length ? 'confirmed' : attributions.length ? 'attributed' : 'asserted';
    const cues: StatusCue[] = [...denials, ...hedges, ...confirms].map(({ reading: _, ...cue }) => cue);
    return { sentence: index, status, cues: [...cues, ...attributions].sort((a, b) => a.start - b.start) };
  });
}

/**
 * Whether a found hedge cue hedges in its place: "mieć" + infinitive only as hearsay (no time in the
 * sentence, no passive participle), the conditional and "móc" only outside a relative clause, and the
 * past of "móc" not after "by".
 */
function readsAsHedge(words: readonly Word[], cue: Found, timed: boolean, lexicon: CueLexicon, reporting: QuoteCues, mentions: readonly Span[]): boolean {
  if (cue.reading === 'present' || cue.reading === 'past') {
    // A past plan or duty the sentence goes on to contradict was not fulfilled, it is no hearsay:
    // "Ich maszyny miały lądować w Porto, ale uniemożliwiły to burze", "miała przejść na islam
    // jednak odmówiła". In a relative clause it stays hearsay ("amunicją, która miała docelowo
    // trafić do Grupy Wagnera", eval/data/seeds-labels), unlike the conditional and "móc" below.
    const unfulfilled = cue.reading === 'past' && contradicted(words, words.findIndex((w) => w.end === cue.end), lexicon);
    return !timed && !unfulfilled && !passivePlan(words, cue, lexicon) && !(cue.reading === 'present' && frontedPredicate(words, cue, lexicon));
  }
  if (cue.reading === 'conditional' || cue.reading === 'modal') {
    const i = wordIndexOf(words, cue);
    // Only the past form makes the subjunctive: "by mogła zarabiać", but "aby omówić sprawę i może rozpocząć".
    const subjunctive = cue.reading === 'modal' && PAST_MODAL.test(cue.text) && inClause(words, i, lexicon.subjunctive);
    return (
      (!inRelativeClause(words, i, lexicon) || (cue.reading === 'modal' && (aboutName(words, i, mentions, lexicon) || commentsOnClause(words, i, lexicon)))) &&
      !subjunctive &&
      !(cue.reading === 'conditional' && (pollAnswer(words, i, lexicon) || judgedHypothetical(words, i, lexicon, reporting))) &&
      !(cue.reading === 'modal' && (licensed(words, i, lexicon) || kept(words, i, lexicon) || offersChoice(words, i, lexicon)))
    );
  }
  return true;
}

/** Words a reported clause may run from its complementiser to a conditional: "powiedział, że podejście do brexitu w stylu Trumpa byłoby". */
const REPORTED_REACH = 12;

/**
 * Whether conditional `i` states a speaker's judgement of a hypothetical in reported speech: it
 * stands in a "że" clause of a reporting verb or a verb of claiming ("powiedział, że podejście …
 * byłoby mniej skuteczne", "dodał, że Trump lepiej prowadziłby negocjacje"), or a proposal's terms
 * in the clause of a verb of providing (`content:`: "rozwiązanie, przewidujące, że Wielka Brytania
 * pozostałaby związana unią celną"). What would be, or
 * would be better, is the speaker's view, not doubt about a fact (eval/data/synthesis/GUIDELINE.md,
 * modals in reported speech). The conditional of a modal of possibility or of hearsay (`modal-
 * conditional:` in hedge-cues.txt: "wspomniał, że mogłaby przybyć", "miałaby trafić") still leaves
 * the reported fact uncertain.
 */
function judgedHypothetical(words: readonly Word[], i: number, lexicon: CueLexicon, reporting: QuoteCues): boolean {
  if (lexicon.modalConditionals.some((p) => p(words[i]!.text.toLowerCase()))) return false;
  if (opinionFramed(words, i, lexicon, reporting)) return true;
  for (let j = i - 1; j >= Math.max(0, i - REPORTED_REACH); j--) {
    if (!reporting.that.has(words[j]!.text.toLowerCase())) continue;
    for (let k = j - 1; k >= Math.max(0, j - COMPLEMENT_REACH); k--) {
      const w = words[k]!.text.toLowerCase();
      if (reporting.verb(w) !== undefined || lexicon.thatVerbs.has(w) || lexicon.content.has(w)) return !negated(words, words[k]!, lexicon.negations);
    }
    return false;
  }
  return false;
}

/**
 * Whether conditional `i` is framed as someone's words by "jak" + a reporting verb or a verb of
 * claiming set off before it: "Drugie referendum - jak twierdzi - oddaliłoby także groźbę", "Jak
 * argumentował, byłby on nieskuteczny", the parenthesis of the "że" clause judgedHypothetical reads.
 * No "że" may stand between: after one the conditional belongs to that clause's verb ("Jak informuje
 * gazeta, rząd obawia się, że … straciłaby": a fear). ("Zdaniem X" before a conditional is not
 * taken: eval/data/seeds-labels reads Harris's "Zdaniem amerykańskiej polityk, takie działania …
 * doprowadziłyby do dalszej izolacji" as hedged, a warning.)
 */
function opinionFramed(words: readonly Word[], i: number, lexicon: CueLexicon, reporting: QuoteCues): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const w = words[j]!.text.toLowerCase();
    if (reporting.that.has(w)) return false;
    const next = words[j + 1]!.text;
    if (reporting.as.has(w) && j + 1 < i && (reporting.verb(next) !== undefined || lexicon.thatVerbs.has(next.toLowerCase()))) return true;
  }
  return false;
}

/**
 * Whether a legal basis (`licence:` in hedge-cues.txt: "zgodnie z ustawą", "na mocy", "na podstawie
 * przepisów") stands before "móc" `i` in its clause: "Zgodnie z ustawą CAATSA prezydent USA może
 * nałożyć sankcje" is a power the law gives, not a possibility.
 */
function licensed(words: readonly Word[], i: number, lexicon: CueLexicon): boolean {
  let start = i;
  while (start > 0 && !words[start]!.clauseStart) start--;
  for (let j = start; j < i; j++) if (lexicon.licences.some((p) => matchesAt(words, j, p))) return true;
  return false;
}

/** A sentence that ends in a question mark (before closing quotes) asks; it states nothing to hedge. */
const QUESTION_END = /\?[\s"”»’']*$/u;

/**
 * Whether cue `c` stands in a "że" clause whose verb is negated: "nie oznacza, że przewoźnik może
 * pozbawiać" says the possibility does not follow; it does not leave a fact open.
 */
function negatedComplement(words: readonly Word[], c: Span, lexicon: CueLexicon, reporting: QuoteCues): boolean {
  const i = wordIndexOf(words, c);
  for (let j = i - 1; j >= Math.max(0, i - REPORTED_REACH); j--) {
    if (!reporting.that.has(words[j]!.text.toLowerCase())) continue;
    return words.slice(Math.max(0, j - COMPLEMENT_REACH), j).some((w) => lexicon.negations.has(w.text.toLowerCase()));
  }
  return false;
}

/**
 * Whether a continuative adverb (`continuative:`) stands right before "móc" `i`, scoping over the
 * modal: "nadal mogą żyć" is a right still held. After it the adverb scopes over the infinitive and
 * the modal may be epistemic ("może nadal rosnąć").
 */
function kept(words: readonly Word[], i: number, lexicon: CueLexicon): boolean {
  return i > 0 && lexicon.continuatives.has(words[i - 1]!.text.toLowerCase());
}

/**
 * Whether "móc" `i` is one of two options: the same form of "móc" stands on the other side of a
 * choice conjunction (`choice:`) in the sentence ("mogą traktować nas … lub mogą przyjąć").
 */
function offersChoice(words: readonly Word[], i: number, lexicon: CueLexicon): boolean {
  const form = words[i]!.text.toLowerCase();
  const choice = words.findIndex((w) => lexicon.choices.has(w.text.toLowerCase()));
  if (choice < 0) return false;
  const [from, to] = choice > i ? [choice + 1, words.length] : [0, choice];
  return words.slice(from, to).some((w) => w.text.toLowerCase() === form);
}

/** At most this many characters stand between two neighbouring words of the text (", - "). */
const ADJACENT = 4;

/**
 * Whether the clause of word `last` or the clause right after it holds an adversative, at its
 * start or inside ("miały lądować w Porto, ale uniemożliwiły to burze", "miał zapewnić azyl, w
 * ostatniej chwili jednak wycofał się"); a later clause is about something else ("Miał mówić, że
 * Francja zgodziła się…, a tymczasem…").
 */
function contradicted(words: readonly Word[], last: number, lexicon: CueLexicon): boolean {
  let clauses = 0;
  for (let j = last + 1; j < words.length; j++) {
    // A gap is a direct quote left out of `words`: what follows it answers the quote, not the plan.
    if ((words[j]!.clauseStart && ++clauses > 1) || words[j]!.start - words[j - 1]!.end > ADJACENT) return false;
    if (lexicon.adversatives.has(words[j]!.text.toLowerCase())) return true;
  }
  return false;
}

/** Words a forecaster may stand before its verb ("Brytyjskie media ostrożnie szacują"), or after it. */
const FORECASTER_REACH = 3;

/**
 * Forecasts and estimates: a verb of estimating or expecting (`estimate:`) whoever says it
 * ("Ryanair szacuje liczbę odwołanych lotów na 300", "spodziewa się, iż szefowie zaakceptują"), and
 * "oczekiwać"/"przewidywać" (`forecast:`) when a crowd or a trade no one answers for says them
 * ("Komentatorzy oczekują, że…"), since with a named subject they are often a demand or a text's
 * terms. Like the impersonal "oczekuje się, że" they leave the fact uncertain.
 */
function crowdForecasts(words: readonly Word[], lexicon: CueLexicon): Found[] {
  const out: Found[] = [];
  words.forEach((w, i) => {
    if (negated(words, w, lexicon.negations)) return;
    if (lexicon.estimates.has(w.text.toLowerCase())) {
      if (!words.slice(Math.max(0, i - FORECASTER_REACH), i).some((v) => lexicon.revised.has(v.text.toLowerCase()))) out.push({ start: w.start, end: w.end, text: w.text, kind: 'hedge', reading: 'always' });
      return;
    }
    if (!lexicon.forecasts.has(w.lower)) return;
    // A name between them makes the party named: "Ekonomiści banku Berenberg szacują" is the bank's estimate.
    let before = false;
    for (let j = i - 1; j >= Math.max(0, i - FORECASTER_REACH) && !before; j--) {
      if (lexicon.forecasters.has(words[j]!.lower.toLowerCase())) before = !words.slice(j + 1, i).some((v) => CAPITALISED.test(v.text));
      if (words[j]!.clauseStart) break;
    }
    const after = words.slice(i + 1, i + 1 + FORECASTER_REACH).findIndex((v) => v.clauseStart || lexicon.forecasters.has(v.text.toLowerCase()));
    if (before || (after >= 0 && !words[i + 1 + after]!.clauseStart)) out.push({ start: w.start, end: w.end, text: w.text, kind: 'hedge', reading: 'always' });
  });
  return out;
}

/** Words after a hope or conviction word its "że" or "na" may stand: "wyraził nadzieję, że", "liczy także na". */
const HOPE_REACH = 3;

/**
 * Hopes and convictions about what will be, in the article's words or a speaker's (so inside quotes
 * too, as a first-person forecast is): a `hope:` word with "że"/"iż" or "na" after it ("wyraził
 * nadzieję, że dojdzie do", "liczy także na ostateczne dopracowanie"), and a `conviction:` word whose
 * "że" clause holds a future verb ("jestem przekonany, że porozumienie … zostanie osiągnięte").
 * Either way the fact is expected, not known (eval/data/synthesis/GUIDELINE.md, expectations and
 * estimates). A negation does not undo it: "nie liczy na to, że" and "nie jest przekonany, że …
 * zostanie" leave the fact as open.
 */
function expectations(words: readonly Word[], lexicon: CueLexicon, reporting: QuoteCues): Found[] {
  const out: Found[] = [];
  words.forEach((w, i) => {
    const lower = w.text.toLowerCase();
    const hope = lexicon.hopes.has(lower);
    if (!hope && !lexicon.convictions.has(lower)) return;
    if (words[i + 1]?.text.toLowerCase() === 'się') return;
    // In a relative clause the hope describes its holder ("przeciwników Nord Stream 2, którzy liczyli
    // na możliwość…"); after an infinitive the certainty is wanted, not held ("Berlin chce być
    // pewien, że…", "aby mieć pewność, że…").
    if (inRelativeClause(words, i, lexicon) || (i > 0 && lexicon.wantedCertainty.has(words[i - 1]!.text.toLowerCase()))) return;
    const after = words.slice(i + 1, i + 1 + HOPE_REACH);
    const that = after.findIndex((v) => reporting.that.has(v.text.toLowerCase()));
    const on = hope && after.some((v) => v.text === 'na');
    if (!on && that < 0) return;
    const future = () => words.slice(i + 2 + that, i + 2 + that + REPORTED_REACH).some((v) => !!lexicon.future?.(v.text));
    if (hope || future()) out.push({ start: w.start, end: w.end, text: w.text, kind: 'hedge', reading: 'always' });
  });
  return out;
}

/** Words a reporting verb's subject may stand before it in its clause: "Rosyjskie źródło posiadające wiedzę o podróży poinformowało". */
const SOURCE_BEFORE = 6;
/** Words after it: "powiedziało PAP polskie źródło dyplomatyczne". */
const SOURCE_AFTER = 3;

/**
 * Unnamed sources that give the sentence's report (eval/data/synthesis/GUIDELINE.md, unnamed
 * sources): an `unnamed:` word ("źródła", "media") in the clause of an attribution cue and near it
 * ("Źródła agencji prasowej AP informują", "Media podkreślają, że"), or right after an `unnamed-by:`
 * word ("według źródeł", "od źródła"). "Media" followed by a capitalised word
 * is a title, a named outlet; "Źródło:" a credit line; a source word right after the verb that ends
 * its clause is whom the speaker told ("poinformował media, że"); "źródło" away from the report is a source of something ("dywersyfikacji
 * źródeł energii – oświadczyła Oudkirk").
 */
function unnamedSources(text: string, words: readonly Word[], attributions: readonly StatusCue[], quotes: readonly Span[], lexicon: CueLexicon, reporting: QuoteCues): Found[] {
  const out: Found[] = [];
  const cues = attributions.map((c) => wordIndexOf(words, c)).filter((i) => i >= 0);
  // With no report in the sentence only "według" makes a source of it: "uniezależni się od źródeł
  // energii" names a source of something.
  const by = (w: Word): boolean => lexicon.unnamedBy.has(w.text.toLowerCase()) && (attributions.length > 0 || reporting.according.has(w.text.toLowerCase()));
  words.forEach((w, i) => {
    const lower = w.text.toLowerCase();
    if (!lexicon.unnamed.has(lower) || quotes.some((q) => w.start >= q.start && w.end <= q.end)) return;
    if (lower.startsWith('medi') && CAPITALISED.test(words[i + 1]?.text ?? '')) return;
    // "nasz rozmówca": the outlet's own interviewee, whom the piece names.
    if (i > 0 && lexicon.unnamedOwn.has(words[i - 1]!.text.toLowerCase())) return;
    // "Źródło: express.co.uk" is a credit line, not an informant.
    if (/^\s*:/u.test(text.slice(w.end, w.end + 3))) return;
    // "Pieskow cytowany przez rosyjskie media powiedział": the media relay a named speaker.
    if (words.slice(Math.max(0, i - 2), i).some((x) => lexicon.unnamedRelay.has(x.text.toLowerCase()))) return;
    // Right after the verb and closing its clause it is whom the speaker told: "poinformował media, że…".
    if (cues.includes(i - 1) && words[i + 1]?.clauseStart) return;
    const after = (a: number, b: number): boolean => !words.slice(a + 1, b + 1).some((x) => x.clauseStart);
    const bySource = (i > 0 && by(words[i - 1]!)) || (i > 1 && by(words[i - 2]!) && after(i - 2, i));
    const ofReport = cues.some((c) => (c > i ? c - i <= SOURCE_BEFORE && after(i, c) : i - c <= SOURCE_AFTER && after(c, i)));
    if (bySource || ofReport) out.push({ start: w.start, end: w.end, text: w.text, kind: 'hedge', reading: 'always' });
  });
  return out;
}

/** Words before a hedge cue a negated reporting verb governing it may stand: "nie skomentowali na razie doniesień". */
const UNCOMMENTED_REACH = 4;

/**
 * Whether a hedge cue is what a negated reporting verb in its clause leaves unanswered: "Przedstawiciele
 * komisji nie skomentowali na razie doniesień Bloomberga" says that no comment came, a fact about what is
 * (not) said (eval/data/synthesis/GUIDELINE.md: a negated report is no hedge), not an unofficial report.
 */
function uncommented(words: readonly Word[], cue: Found, lexicon: CueLexicon, reporting: QuoteCues): boolean {
  const i = wordIndexOf(words, cue);
  for (let j = i - 1; j >= Math.max(1, i - UNCOMMENTED_REACH); j--) {
    if (reporting.verb(words[j]!.text.toLowerCase()) !== undefined) return lexicon.negations.has(words[j - 1]!.text.toLowerCase());
    if (words[j]!.clauseStart) return false;
  }
  return false;
}

/** Words a share may stand from its conditional: "53 proc. katolików z Irlandii Północnej opowiedziałoby się". */
const SHARE_REACH = 6;

/** Words between a share and the people it counts: "64 proc. [sympatyków]", "30 procent [wyborców]". */
const PEOPLE_REACH = 2;

/**
 * Whether a conditional is what a share of people answered a poll: "Za pozostaniem w Unii
 * głosowałoby niemal 64 proc. sympatyków Partii Pracy", "53 proc. osób byłoby za odwołaniem". The
 * poll result is a fact; the conditional is the respondents' answer. The share (`share:`) must
 * count people — a personal noun in the genitive plural (PoliMorf "m1") or a `people:` word — since
 * a share of a thing is a projection ("skoncentrowanych zostałoby 80 procent eksportu").
 */
function pollAnswer(words: readonly Word[], i: number, lexicon: CueLexicon): boolean {
  const counts = (j: number): boolean =>
    lexicon.shares.has(words[j]!.text.toLowerCase()) && words.slice(j + 1, j + 1 + PEOPLE_REACH).some((w) => lexicon.people.has(w.text.toLowerCase()) || !!lexicon.personal?.(w.text));
  for (let j = i - 1; j >= Math.max(0, i - SHARE_REACH); j--) {
    if (counts(j)) return true;
    if (words[j]!.clauseStart) break;
  }
  for (let j = i + 1; j < Math.min(words.length, i + 1 + SHARE_REACH) && !words[j]!.clauseStart; j++) {
    if (counts(j)) return true;
  }
  return false;
}

/** Words after a verb its complementiser may stand in: "wskazał jednak, że", "podaje też, iż". */
const COMPLEMENT_REACH = 3;

/**
 * Whether a reporting verb found with no quote reports speech here. Evidence does not speak: with
 * an `evidence:` noun before the verb in its clause the article reads data itself ("Większość
 * sondaży wskazywała przewagę", "wynik badania wskazuje na"). A `clause-only:` verb
 * (resources/<lang>/attribution-cues.txt) reports only with what it reports — a complementiser or
 * an `about:` preposition after it ("zapewnił ją o swojej modlitwie"), "jak" before it, or as the
 * parenthesis opening its clause — and otherwise provides or resigns ("Bank zapewnia wsparcie",
 * "podała się do dymisji").
 */
function reports(words: readonly Word[], i: number, lexicon: CueLexicon, reporting: QuoteCues): boolean {
  if (evidenceBefore(words, i, lexicon)) return false;
  if (!lexicon.clauseOnly.some((p) => matchesAt(words, i, p))) return true;
  if (i === 0 || words[i]!.clauseStart || words.slice(Math.max(0, i - 2), i).some((w) => reporting.as.has(w.text.toLowerCase()))) return true;
  return complementFollows(words, i, reporting) || words.slice(i + 1, i + 1 + COMPLEMENT_REACH).some((w) => lexicon.about.has(w.text.toLowerCase()));
}

/**
 * Whether a reporting verb stands in a relative clause about someone or something the main clause
 * names ("zabił gubernatora, który … opowiadał się za zwolnieniem", "akcję zbierania podpisów pod
 * petycją, która wzywa władze"): the clause describes them, the main clause is the article's own.
 * A parenthesis opened by "jak" reports the sentence ("które - jak przyznały linie - mocno odbiły się").
 */
function describes(words: readonly Word[], i: number, lexicon: CueLexicon, reporting: QuoteCues): boolean {
  if (words.slice(Math.max(0, i - 3), i).some((w) => reporting.as.has(w.text.toLowerCase()))) return false;
  return inRelativeClause(words, i, lexicon);
}

/** Initials only: "Ł.D.". */
const INITIALS = /^(?:\p{Lu}\.)+$/u;

/** One to three capitalised words (a name, a role, initials "Ł.D.") and a colon at the sentence start, then what they say. */
const COLON_SPEAKER = /^((?:\p{Lu}\p{Ll}[\p{L}'’-]*|(?:\p{Lu}\.){1,3})(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*){0,2}):\s*[–—-]?\s*[\p{L}\d„"]/u;

/**
 * The words before the colon of a sentence opened by a name and a colon ("Barnier: rząd May nie
 * wyjawił…"), a headline's and an interview's way of giving someone's words. The caller keeps them
 * when they name a person or an organisation (the entity layer's mention, a `person:` role noun of
 * confirmation-cues.txt, initials "Ł.D."): a place is a dateline ("Holandia: sąd przeciw likwidacji
 * bazy"), a topic a label ("Brexit: …"); `label:` words of attribution-cues.txt open a caption or a
 * link ("Źródło: PAP", "Video: …", "Przypomnijmy: …").
 */
function colonSpeaker(sentence: string, lexicon: CueLexicon): string | undefined {
  const m = COLON_SPEAKER.exec(sentence);
  if (!m) return undefined;
  return m[1]!.split(/\s+/u).some((w) => lexicon.labels.has(w.toLowerCase())) ? undefined : m[1]!;
}

/** Words a threat's object may stand after its verb: "Zagroziły również zwolnieniami", "zagroziła otwartą krytyką". */
const THREAT_REACH = 3;

/** Whether the first noun after threat verb `i` in its clause is in the instrumental (what is threatened). */
function threatensWith(words: readonly Word[], i: number, lexicon: CueLexicon): boolean {
  for (let j = i + 1; j < Math.min(words.length, i + 1 + THREAT_REACH) && !words[j]!.clauseStart; j++) {
    if (lexicon.noun?.(words[j]!.text)) return !!lexicon.instrumental?.(words[j]!.text);
  }
  return false;
}

/** Words a naming verb's name may stand after it: "nazwał zatwierdzenie przez królową ustawy „przełomową chwilą”". */
const NAME_REACH = 6;

/** An opening quotation mark. */
const QUOTE_MARK = /[„"“«]/u;

/**
 * Whether naming verb `i` gives its object a name: "jako" or a word opened by a quotation mark
 * within NAME_REACH words after it, in its clause.
 */
function namesAs(text: string, words: readonly Word[], i: number, lexicon: CueLexicon): boolean {
  for (let j = i + 1; j < Math.min(words.length, i + 1 + NAME_REACH); j++) {
    if (words[j]!.clauseStart) return false;
    if (lexicon.as.has(words[j]!.text.toLowerCase()) || QUOTE_MARK.test(text.slice(words[j - 1]!.end, words[j]!.start))) return true;
  }
  return false;
}

/** Whether an `evidence:` noun stands before word `i` in its clause: data, not a speaker ("Dane pokazują, że"). */
function evidenceBefore(words: readonly Word[], i: number, lexicon: CueLexicon): boolean {
  let start = i;
  while (start > 0 && !words[start]!.clauseStart) start--;
  return words.slice(start, i).some((w) => lexicon.evidence.some((p) => p(w.text.toLowerCase())));
}

/** Words a `manner:` adverb may stand from its reporting verb: "oficjalnie to potwierdził", "ogłosił oficjalnie". */
const MANNER_REACH = 2;

/**
 * Whether a reporting verb stands within MANNER_REACH words of a `manner:` confirmation adverb: "Kreml
 * oficjalnie poinformował" confirms, "etap zakończył się oficjalnie w grudniu" tells how it ended.
 */
function besideReport(words: readonly Word[], cue: Span, reporting: QuoteCues): boolean {
  const i = wordIndexOf(words, cue);
  return words.slice(Math.max(0, i - MANNER_REACH), i + 1 + MANNER_REACH).some((w, k) => k !== Math.min(i, MANNER_REACH) && reporting.verb(w.text.toLowerCase()) !== undefined);
}

/** Whether a complementiser ("że", "iż") follows word `i` within a few words: "obawiają się jednak, że". */
function complementFollows(words: readonly Word[], i: number, reporting: QuoteCues): boolean {
  return words.slice(i + 1, i + 1 + COMPLEMENT_REACH).some((w) => reporting.that.has(w.text.toLowerCase()));
}

/** Words a relative pronoun may stand after at the start of its clause: "w którym", "do których". */
const RELATIVE_LEAD = 2;

/**
 * Whether the clause holding word `i` is opened by a relative pronoun: the clause starts after the
 * nearest punctuation before `i`, and its first words hold the pronoun (", które mogą wyniknąć",
 * ", co może trwać", ", w którym może dojść").
 */
function inRelativeClause(words: readonly Word[], i: number, lexicon: CueLexicon): boolean {
  let start = i;
  while (start > 0 && !words[start]!.clauseStart) start--;
  if (start === 0) return false;
  // An interrogative followed by a conjunction is a correlative, no question: "zarówno ze strony
  // Moskwy, jak i Pjongjangu doprowadziłyby".
  const opens = (w: Word, k: number): boolean =>
    lexicon.relatives.has(w.text.toLowerCase()) || (lexicon.interrogatives.has(w.text.toLowerCase()) && !lexicon.conjunctions.has(words[k + 1]?.text.toLowerCase() ?? ''));
  const pronoun = words.slice(start, Math.min(i + 1, start + RELATIVE_LEAD)).findIndex((w, k) => opens(w, start + k));
  if (pronoun < 0) return false;
  // The relative clause has had its verb when one stands between the pronoun and the cue with no
  // conjunction after it: the cue is the main clause's after an unmarked clause end ("Podczas
  // kłótni, która potem nastąpiła Bibi miała wypowiedzieć…"), not in "które nie są przychylne i
  // mogą przyćmić" nor "którzy uważają że oznaczałoby".
  const between = words.slice(start + pronoun + 1, i);
  const verb = lexicon.finiteVerb ? between.findLastIndex((w) => lexicon.finiteVerb!(w.text)) : -1;
  return verb < 0 || between.slice(verb + 1).some((w) => lexicon.conjunctions.has(w.text.toLowerCase()));
}

/**
 * Whether the relative clause holding word `i` is about a name: the entity layer's mention ends
 * right before the comma that opens it ("członkowie … Ligi Obrony Anglii, które mogą spotkać się z
 * marszem"). A name already says which one it is, so the clause cannot narrow it down: it adds a
 * happening of its own, and its "móc" hedges that happening (eval/data/synthesis/GUIDELINE.md,
 * modals in reported speech). After a common noun the clause may only say which thing is meant
 * ("potencjalne szkody, które mogą wyniknąć"), and the stage keeps reading it as a modifier.
 */
function aboutName(words: readonly Word[], i: number, mentions: readonly Span[], lexicon: CueLexicon): boolean {
  let start = i;
  while (start > 0 && !words[start]!.clauseStart) start--;
  if (start === 0 || !lexicon.relatives.has(words[start]!.text.toLowerCase()) || lexicon.sentential.has(words[start]!.text.toLowerCase())) return false;
  const before = words[start - 1]!;
  const name = mentions.find((m) => m.start <= before.start && before.end <= m.end);
  if (!name) return false;
  // A name after a common noun is that noun's genitive ("obywateli EU, którzy mogą mieć trudności"):
  // the clause is about the noun, which it may narrow down.
  const head = words.findLastIndex((w) => w.end <= name.start);
  return head < 0 || words[head + 1]!.clauseStart || CAPITALISED.test(words[head]!.text) || !lexicon.noun?.(words[head]!.text);
}

/**
 * Whether the present "móc" `i` stands in a clause opened by a sentential relative (", co może
 * trwać kilka miesięcy", ", co może doprowadzić do potencjalnego konfliktu", ", co może uziemić
 * wiele samolotów"): the clause comments on the whole main clause with a happening of its own,
 * and its epistemic "móc" hedges the sentence (eval/data/synthesis/GUIDELINE.md, clauses with their
 * own modal). The past ("Wszystko, co mogło pójść źle, poszło źle") and a "co" after a
 * `correlative:` pronoun ("wobec tego, co ich może czekać") name what they follow.
 */
function commentsOnClause(words: readonly Word[], i: number, lexicon: CueLexicon): boolean {
  let start = i;
  while (start > 0 && !words[start]!.clauseStart) start--;
  return start > 0 && start < i && lexicon.sentential.has(words[start]!.text.toLowerCase()) && !lexicon.correlatives.has(words[start - 1]!.text.toLowerCase()) && !PAST_MODAL.test(words[i]!.text);
}

/** Words an adverb may put between "być" and its participle: "ma być jednostronnie blokowany". */
const PARTICIPLE_REACH = 2;

/**
 * Whether "mieć być" is the passive of a planned action: "ma być omówiona podczas kolacji", "dane
 * mają być przechowywane przez pięć lat" (a passive participle follows "być"), not hearsay about a
 * state ("ma być chory", "treść dokumentu ma być wstrząsająca").
 */
function passivePlan(words: readonly Word[], cue: Found, lexicon: CueLexicon): boolean {
  if (!lexicon.participle) return false;
  const last = words.findIndex((w) => w.end === cue.end);
  if (last < 0 || words[last]!.lower.toLowerCase() !== lexicon.copula) return false;
  return words.slice(last + 1, last + 1 + PARTICIPLE_REACH).some((w) => lexicon.participle!(w.text));
}

/**
 * Whether "mieć być" follows its predicate in the instrumental, fronted in its clause: "Kluczowym
 * argumentem ma być zagrożenie dla niepodległości Ukrainy", "Głównymi tematami tego spotkania mają
 * być …", "Alternatywą wobec Nord Stream 2 ma być Baltic Pipe". Putting the role first assigns it,
 * as a plan or design does (eval/data/synthesis/GUIDELINE.md, "miał" + infinitive: the purpose or
 * design of a thing); hearsay keeps the subject first ("Sprawca ma być obywatelem Polski"). An
 * instrumental after a preposition (`instrumental-preposition:` in hedge-cues.txt: "Przed sądem ma
 * być …") is no predicate, and a cause or culprit (`cause:`: "Powodem mają być niekorzystne zasady")
 * is a fact nobody assigns, hearsay as "ma wynikać" is. readsAsHedge asks it of the present only:
 * the past ("Mózgiem operacji miał być Steve Bannon") tells what reportedly was.
 */
function frontedPredicate(words: readonly Word[], cue: Found, lexicon: CueLexicon): boolean {
  if (!lexicon.instrumental) return false;
  const last = words.findIndex((w) => w.end === cue.end);
  if (last < 0 || words[last]!.lower.toLowerCase() !== lexicon.copula) return false;
  const first = words.findIndex((w) => w.start === cue.start);
  for (let j = first - 1; j >= 0; j--) {
    const w = words[j]!;
    if (lexicon.causes.has(w.text.toLowerCase())) return false;
    if (lexicon.instrumental(w.text.toLowerCase()) && !CAPITALISED.test(w.text.slice(1)) && !lexicon.instrumentalPrepositions.has(words[j - 1]?.text.toLowerCase() ?? '') && !lexicon.instrumentalPrepositions.has(words[j - 2]?.text.toLowerCase() ?? '')) return true;
    if (w.clauseStart) break;
  }
  return false;
}

/** Words a negated past verb may stand after the "że" of an assurance: "że nigdzie poza USA firma nie wykonywała". */
const DENIED_ACT_REACH = 8;

/**
 * An assurance that a past act did not happen denies it: "Obie firmy zapewniają, że nie uczestniczyły
 * w żadnych nielegalnych działaniach", "Nix zapewniał, że nigdzie poza USA firma nie wykonywała
 * zleceń". The `assure:` verb (denial-cues.txt) opens a "że" clause whose verb, a past form, is
 * negated; a negated present or future in it is a pledge ("zapewnił, że Polska nie zmieni
 * stanowiska", "że nie grozi jej niebezpieczeństwo"), not a denial of something reported.
 */
function deniedPastActs(words: readonly Word[], lexicon: CueLexicon, reporting: QuoteCues): Found[] {
  const out: Found[] = [];
  words.forEach((w, i) => {
    if (!lexicon.assure.has(w.text.toLowerCase()) || !reporting.that.has(words[i + 1]?.text.toLowerCase() ?? '')) return;
    for (let j = i + 2; j < Math.min(words.length, i + 2 + DENIED_ACT_REACH) && !(j > i + 2 && words[j]!.clauseStart); j++) {
      if (!lexicon.negations.has(words[j]!.text.toLowerCase())) continue;
      const verb = words[j + 1];
      if (verb && lexicon.past?.(verb.text)) out.push({ start: w.start, end: w.end, text: w.text, kind: 'denial', reading: 'always' });
      return;
    }
  });
  return out;
}

/** Words a report noun may stand before its copula: "ostrzeżenia gazety są", "doniesienia w brytyjskiej prasie, są". */
const REPORT_REACH = 4;

/**
 * A report called false: a `report:` noun, the copula after it and an adjective of falsity, with a
 * degree adverb between or not ("ostrzeżenia gazety są \"całkowicie błędne\"", "zarzuty są
 * fałszywe"). The noun makes it a claim denied; an act called wrong ("decyzja … była błędna") is a
 * judgement. A negated copula ("nie jest bezpodstawne") is filtered as any negated cue.
 */
function reportsCalledFalse(words: readonly Word[], lexicon: CueLexicon): Found[] {
  const out: Found[] = [];
  words.forEach((w, i) => {
    if (!lexicon.copulas.has(w.text.toLowerCase())) return;
    if (!words.slice(Math.max(0, i - REPORT_REACH), i).some((v) => lexicon.reportNouns.has(v.text.toLowerCase()))) return;
    let j = i + 1;
    while (j < words.length && j <= i + 2 && lexicon.degrees.has(words[j]!.text.toLowerCase())) j++;
    const adjective = words[j];
    if (adjective && lexicon.falsity.some((p) => p(adjective.text.toLowerCase()))) out.push({ start: w.start, end: adjective.end, text: `${w.text} ${adjective.text}`, kind: 'denial', reading: 'always' });
  });
  return out;
}

/**
 * Whether a confirming verb ("potwierdził", "ogłosiły") is said by an outlet or agency relaying
 * ("Gazeta ogłosiła, że…", "Potwierdziła to … agencja prasowa") or by a union or party stating its
 * side ("Związki zawodowe … ogłosiły już planowane akcje"): the words beside the verb name them, as
 * for an institutional reporting verb in classifySentences.
 */
function relayedOrParty(words: readonly Word[], cue: Span & { readonly text: string }, lexicon: CueLexicon, reporting: QuoteCues): boolean {
  if (reporting.verb(cue.text) === undefined) return false;
  return besideCue(words, cue).some((w) => relays(w, lexicon) || lexicon.parties.has(w.text.toLowerCase()));
}

/** Words before a conditional that make it a comparison: "tak jak robiłby to w przypadku każdego obywatela". */
const COMPARISON_REACH = 3;

/** Whether word `i` is a conditional stating a hypothetical: not a wish, not after a comparison's word. */
function hypothetical(words: readonly Word[], i: number, lexicon: CueLexicon): boolean {
  const w = words[i]!.text;
  const lower = w.toLowerCase();
  if (!lexicon.conditional?.(w) || lexicon.wishes.some((wish) => wish(lower))) return false;
  return !words.slice(Math.max(0, i - COMPARISON_REACH), i).some((v) => lexicon.comparisons.has(v.text.toLowerCase()));
}

/** The past of "móc" ("mógł", "mogła", "mogli"…), the only form a subjunctive "by" takes. */
const PAST_MODAL = /^(?:mógł|mogł|mogl)/iu;

/** Whether a word of `set` stands in the clause of word `i` before it ("by Ukraina mogła"). */
function inClause(words: readonly Word[], i: number, set: ReadonlySet<string>): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (set.has(words[j]!.text.toLowerCase())) return true;
    if (words[j]!.clauseStart) break;
  }
  return false;
}

/** An `alternative:` word opening its clause after a comma joins alternatives: "zwrot pieniędzy, ewentualnie zmianę rezerwacji". */
function joinsAlternatives(words: readonly Word[], cue: Span, lexicon: CueLexicon): boolean {
  const w = words.find((x) => x.start === cue.start);
  return w !== undefined && w.clauseStart && lexicon.alternatives.has(w.text.toLowerCase());
}

/** A negation right before the cue in its clause: "nie potwierdził", not the answer "Nie, nieprawda." */
function negated(words: readonly Word[], cue: Span, negations: ReadonlySet<string>): boolean {
  const i = wordIndexOf(words, cue);
  return i > 0 && negations.has(words[i - 1]!.lower) && !words[i]!.clauseStart;
}

/** A concessive word up to four words before the cue ("mimo że temu zaprzeczał"). */
function concessive(words: readonly Word[], cue: Span, concessives: ReadonlySet<string>): boolean {
  const i = wordIndexOf(words, cue);
  return words.slice(Math.max(0, i - 4), i).some((w) => concessives.has(w.text.toLowerCase()));
}

/** Words after a negated report its question may open at, when set off by a comma. */
const QUESTION_REACH = 5;

/** Index of the first word of a question after a negated report ("nie ustalono, [w jaki sposób]…"), else the length. */
function questionStart(words: readonly Word[], lexicon: CueLexicon): number {
  for (let i = 0; i < words.length; i++) {
    // A plain loop: `find` with a callback made a closure for every word of every sentence.
    let pattern: CuePattern | undefined;
    for (const p of lexicon.unknown) {
      if (matchesAt(words, i, p)) {
        pattern = p;
        break;
      }
    }
    if (!pattern) continue;
    const after = i + pattern.length;
    // The question word follows within two words ("nie wiadomo jeszcze, czy…", "nie ustalono, w jaki"),
    // or opens a clause a little further, past whom and when ("nie potwierdziła w piątek PAP, kiedy").
    for (let j = after; j < Math.min(words.length, after + QUESTION_REACH); j++) {
      if (lexicon.questionWords.has(words[j]!.text.toLowerCase()) && (j < after + 3 || words[j]!.clauseStart)) return j;
    }
  }
  return words.length;
}

/**
 * A time of day ("o 21.00", "do 2.59"): a schedule's time even where the time stage found none
 * (it resolves dates; a bare clock time of an undated day may not become an expression). A full
 * stop or comma after it ends the sentence or the clause ("wystartować … o godz. 9.40."), a digit
 * after one makes a figure ("1.250,5").
 */
const CLOCK_TIME = /(?<![\d,.])(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d%]|[,.]\d)/u;

/** An opening quotation mark just before a quote's first word. */
const OPENING_MARK = /[„"“«»”]\s*$/u;

/** Characters a quote may start after its sentence's start and still open it ("– Tak", "- (W 2016…"). */
const QUOTE_LEAD = 3;

/**
 * A direct quote the quotes stage found with no reporting verb, no quotation mark and starting inside
 * a sentence, running on past it: a dash in running text taken for a spoken line ("…za rządów
 * generała Zia-ul-Haqa. – BBC przytacza przepisy…"), which would make every later sentence of the
 * paragraph someone's words. Not a quote for statuses.
 */
function strayQuote(text: string, sentences: readonly Span[], q: Pick<Quote, 'start' | 'end' | 'kind' | 'cue'>): boolean {
  if (q.kind === 'indirect' || OPENING_MARK.test(text.slice(Math.max(0, q.start - 3), q.start))) return false;
  // With a reporting verb, only a lower-case start marks the dash as running text: spoken lines open
  // with a capital ("– w Niemczech. W tym kraju odwołano… – zaznaczył Locher" is narration up to the
  // real quote's mark, "- jak podkreśla brytyjski rząd" a parenthesis).
  if (q.cue && !/^\p{Ll}/u.test(text.slice(q.start, q.start + 1))) return false;
  const first = sentences.find((s) => s.start <= q.start && q.start < s.end);
  return first !== undefined && q.start - first.start >= QUOTE_LEAD && q.end > first.end;
}

/** Marks that end a clause inside a sentence: a comma, a semicolon, a colon, a dash, a bracket. */
const CLAUSE_PUNCTUATION = /[,;:()–—]|\s-\s/u;

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

function sentenceWords(text: string, s: Span, names: ReadonlySet<string>): Word[] {
  const out: Word[] = [];
  const slice = text.slice(s.start, s.end);
  let first = true;
  let previousEnd = 0;
  // exec on the shared regex rather than matchAll (a copy of the regex and an iterator per sentence).
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    const word = m[0];
    // Only the first word is folded: mid-sentence capitals are names or months ("May"), not cues.
    // A capitalised month name stays itself even first: "May said…" is no modal "may".
    const lower = first && !names.has(word) ? word.toLowerCase() : word;
    const clauseStart = !first && CLAUSE_PUNCTUATION.test(slice.slice(previousEnd, m.index));
    out.push({ start: s.start + m.index, end: s.start + m.index + word.length, text: word, lower, clauseStart });
    first = false;
    previousEnd = m.index + word.length;
  }
  return out;
}

/**
 * Whether reporting verb `i`, with no quote found for it, has for its subject one who speaks for the
 * side that acts: an organisation, a press office, a government body or a spokesperson (./confirmers.ts).
 */
function announcesUnquoted(words: readonly Word[], i: number, mentions: NonNullable<EpistemicInput['mentions']>, lexicon: CueLexicon, reporting: QuoteCues): boolean {
  const verb = words[i]!;
  return (
    organisationAnnounces(verb, words, mentions, lexicon) ||
    officeAnnounces(verb, words, lexicon, reporting) ||
    authorityAnnounces(words, i, lexicon) ||
    spokespersonAnnounces(verb.text, besideCue(words, verb), false, lexicon, saysForOffice(words, i, lexicon, reporting) ? verb : undefined) ||
    spokespersonHeads(words, i, lexicon, reporting, mentions)
  );
}

