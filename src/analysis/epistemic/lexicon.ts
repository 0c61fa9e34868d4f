/**
 * The cue lexicon of src/analysis/epistemic: the resource files (resources/<lang>/{hedge,confirmation,
 * denial,attribution}-cues.txt) read once per language into word sets and compiled cue patterns,
 * the PoliMorf readings the rules ask about (tense, mood, case), and the matcher that finds cues in
 * a sentence's words. The rules that decide a status from the cues found are in ./index.ts.
 */
import type { Span } from '../../types.ts';
import { loadResource, type ResourceLanguage } from '../../resources.ts';
import { isPerfectiveFuture, loadPolimorf, parseTag } from '../../text/polimorf.ts';
import type { CueKind, StatusCue } from './index.ts';

export interface Word extends Span {
  readonly text: string;
  /** The form cues are compared with: the first word lower-cased, others as written. */
  readonly lower: string;
  /** Punctuation stands between this word and the one before: a clause may start here. */
  readonly clauseStart: boolean;
}

/** One cue: its words as tests, e.g. ["ma", infinitive] for "ma ~ć". */
export type CuePattern = readonly ((w: string) => boolean)[];

/**
 * How a cue hedges: always, only in the hearsay reading of "mieć" + infinitive, or outside a
 * relative clause (the conditional, the present of "móc").
 */
type Reading = 'always' | 'present' | 'past' | 'conditional' | 'modal';

interface Cue {
  readonly pattern: CuePattern;
  readonly reading: Reading;
}

export interface Found extends StatusCue {
  readonly reading: Reading;
}

/**
 * Cues indexed by their first word, so each word of a sentence is tried only against cues that
 * can start there (the per-word loop over every cue was the stage's main cost on BSNLP dev).
 */
interface CueIndex {
  readonly byFirstWord: ReadonlyMap<string, readonly Cue[]>;
  /** Cues whose first word is a prefix, suffix or wildcard. */
  readonly open: readonly Cue[];
  /** "!"-lines: a cue starting where one of these matches is not a cue. */
  readonly exceptions: readonly CuePattern[];
}

export interface CueLexicon {
  readonly hedge: CueIndex;
  readonly confirm: CueIndex;
  readonly denial: CueIndex;
  /** `hearsay:` cues of hedge-cues.txt: they hedge inside a direct quote too. */
  readonly hearsay: CueIndex;
  /** Phrases that attribute without a verb ("zgodnie z zapowiedzią", "z informacji X wynika"). */
  readonly attribution: CueIndex;
  readonly negations: ReadonlySet<string>;
  /** Adverbs that confirm only beside a reporting verb (`manner:` in confirmation-cues.txt): "oficjalnie ogłosił". */
  readonly manner: ReadonlySet<string>;
  /** Reporting verbs that confirm when an organisation says them about itself. */
  readonly institutional: ReadonlySet<string>;
  /** A press office next to the reporting verb: the institution speaks. */
  readonly office: readonly CuePattern[];
  /** Government bodies named by a common noun (`authority:`): with an institutional or announcing verb they confirm. */
  readonly authorities: ReadonlySet<string>;
  /** Nouns of a claim someone made (`report:` in denial-cues.txt): called false they are denied. */
  readonly reportNouns: ReadonlySet<string>;
  /** Stems of adjectives of falsity (`false:`), degree adverbs allowed before them (`degree:`), and the copula's forms (`copula:`). */
  readonly falsity: readonly CuePattern[number][];
  readonly degrees: ReadonlySet<string>;
  readonly copulas: ReadonlySet<string>;
  /** Verbs of assuring (`assure:` in denial-cues.txt): with a "że" clause that negates a past act they deny it. */
  readonly assure: ReadonlySet<string>;
  /** Companies named by a common noun (`company:`): like an authority, the body speaks of its own affairs. */
  readonly companies: ReadonlySet<string>;
  /** Verbs of announcing (`announce:`): they confirm for a government body, not for any organisation. */
  readonly announce: ReadonlySet<string>;
  /** Unions and parties (`party:`): they state their side of a dispute, they do not confirm. */
  readonly parties: ReadonlySet<string>;
  /** Spokespersons (`spokesperson:`): with an institutional verb they announce for their office. */
  readonly spokespersons: ReadonlySet<string>;
  /** Plain verbs of saying (`speech:`): a spokesperson or representative reporting a clause with them speaks for their office too. */
  readonly speech: ReadonlySet<string>;
  /** Representatives (`representative:`): with a plain verb of saying they speak for their office, as spokespersons do. */
  readonly representatives: ReadonlySet<string>;
  /** Role nouns of people next to the reporting verb: a person speaks, not the institution. */
  readonly person: ReadonlySet<string>;
  /** Role nouns of people who judge others' affairs (`commentator:`): an expert's "we" is no side's act. */
  readonly commentators: ReadonlySet<string>;
  /** First-person plural verbs of a view, wish, duty or ability (`we-view:`): "musimy", "chcemy", "uważamy". */
  readonly weViews: readonly CuePattern[number][];
  /** Conjunctions of a condition (`we-if:`): a "we" after one is a hypothetical, no act. */
  readonly weIf: ReadonlySet<string>;
  /** Conjunctions opening a temporal or reason clause (`we-clause:`): a "we" in one is not the quote's main verb. */
  readonly weClause: ReadonlySet<string>;
  /** Nouns naming an outlet next to the reporting verb ("podaje gazeta"): it relays, it does not confirm. */
  readonly outlets: ReadonlySet<string>;
  /** News agencies (resources synthesis-agencies): they relay, they do not confirm. */
  readonly media: ReadonlySet<string>;
  /** "agencja" in lower case (`wire:`, matched as written): a news agency relaying, not an institution's name ("Agencja Energetyczna"). */
  readonly wire: ReadonlySet<string>;
  /** Hedge words that join alternatives after a comma (`alternative:` in hedge-cues.txt): "ewentualnie". */
  readonly alternatives: ReadonlySet<string>;
  /** Verbs of expecting that forecast only for a crowd (`forecast:` in hedge-cues.txt). */
  readonly forecasts: ReadonlySet<string>;
  /** Verbs of expecting and estimating that forecast whoever says them (`estimate:`). */
  readonly estimates: ReadonlySet<string>;
  /** Words of hoping or counting on (`hope:` in hedge-cues.txt): with "że" or "na" after them a forecast. */
  readonly hopes: ReadonlySet<string>;
  /** Words of conviction (`conviction:`): with a future verb in their "że" clause a forecast. */
  readonly convictions: ReadonlySet<string>;
  /** Infinitives before a conviction word that make the certainty wanted (`wanted-certainty:`): "chce być pewien". */
  readonly wantedCertainty: ReadonlySet<string>;
  /** Whether a word is a future verb form in some reading (a perfective non-past, "będzie"); Polish only (PoliMorf). */
  readonly future?: (word: string) => boolean;
  /** Words before an estimate verb that compare with an earlier estimate (`revised:`): "niż pierwotnie szacowała". */
  readonly revised: ReadonlySet<string>;
  /** Trades and crowds no one answers for (`forecaster:`): their forecast hedges like "oczekuje się". */
  readonly forecasters: ReadonlySet<string>;
  /** Sources the article does not name (`unnamed:` in hedge-cues.txt): "źródła", "media". */
  readonly unnamed: ReadonlySet<string>;
  /** Words that give an unnamed source as the origin of a report (`unnamed-by:`): "według źródeł". */
  readonly unnamedBy: ReadonlySet<string>;
  /** Possessives that make it the outlet's own interviewee (`unnamed-own:`): "nasz rozmówca". */
  readonly unnamedOwn: ReadonlySet<string>;
  /** Words that make it the relay of a named speaker (`unnamed-relay:`): "cytowany przez media". */
  readonly unnamedRelay: ReadonlySet<string>;
  /** Words of a timetable (`schedule:` in hedge-cues.txt): with one, "miał" + infinitive is a schedule. */
  readonly schedule: readonly CuePattern[];
  /** Conditionals of wishing (`wish:` in confirmation-cues.txt): they state a wish, not a hypothetical. */
  readonly wishes: readonly CuePattern[number][];
  /** Words making a conditional a few words after them a comparison (`comparison:`). */
  readonly comparisons: ReadonlySet<string>;
  /** Negated reports that open a question ("nie wiadomo", "nie ustalono"). */
  readonly unknown: readonly CuePattern[];
  readonly questionWords: ReadonlySet<string>;
  /** Continuative adverbs (`continuative:`): beside "móc" an ability or right still held ("nadal mogą żyć"). */
  readonly continuatives: ReadonlySet<string>;
  /** Conjunctions of a choice (`choice:`): two "móc" of one form joined by one offer options. */
  readonly choices: ReadonlySet<string>;
  /** A legal basis (`licence:`): "móc" after one in its clause is a power given, no hedge. */
  readonly licences: readonly CuePattern[];
  /** Verbs of a document's content (`content:`): a conditional in their "że" clause is what the document provides. */
  readonly content: ReadonlySet<string>;
  /** Conditionals of possibility and hearsay ("mogłaby", "miałby"): in reported speech they still hedge. */
  readonly modalConditionals: readonly CuePattern[number][];
  /** Relative pronouns: a conditional right after one describes a thing ("umowę, która przewidywałaby"). */
  readonly relatives: ReadonlySet<string>;
  /** Pronouns whose content a "co" clause gives (`correlative:`): "tego, co może czekać" is no comment. */
  readonly correlatives: ReadonlySet<string>;
  /** Relative pronouns that take a whole clause for antecedent (", co może trwać kilka miesięcy"): a comment, whatever word stands before. */
  readonly sentential: ReadonlySet<string>;
  /** Reporting verbs that report only with a clause (`clause-only:` in attribution-cues.txt): "zapewnia, że", not "zapewnia wsparcie". */
  readonly clauseOnly: readonly CuePattern[];
  /** Verbs that report a claim or belief only with a "że" clause after them (`that-clause:` in attribution-cues.txt). */
  readonly thatVerbs: ReadonlySet<string>;
  /** Verbs of wanting (`wish-clause:` in attribution-cues.txt): with a "by" clause after them they state someone's aim. */
  readonly wishVerbs: ReadonlySet<string>;
  /** Verbs of calling something a name (`naming:` in attribution-cues.txt): with a quoted name or "jako" they judge. */
  readonly naming: ReadonlySet<string>;
  /** Verbs of threatening (`threat:` in attribution-cues.txt): with the instrumental a threat is made. */
  readonly threats: ReadonlySet<string>;
  /** Whether a word is a noun in the instrumental and never in the dative ("zwolnieniami", not "rozwojowi"); Polish only. */
  readonly instrumental?: (word: string) => boolean;
  /** Prepositions governing the instrumental (`instrumental-preposition:` in hedge-cues.txt): "przed sądem" is no predicate. */
  readonly instrumentalPrepositions: ReadonlySet<string>;
  /** Causes and culprits in the instrumental (`cause:` in hedge-cues.txt): "Powodem ma być …" is hearsay. */
  readonly causes: ReadonlySet<string>;
  /** Whether a word is a noun in some PoliMorf reading; Polish only. */
  readonly noun?: (word: string) => boolean;
  /** "jako": after a naming verb the name follows. */
  readonly as: ReadonlySet<string>;
  /** Words that open a caption or a link with a colon, not a speaker (`label:` in attribution-cues.txt). */
  readonly labels: ReadonlySet<string>;
  /** Prepositions of what is reported after a clause-only verb ("zapewnił ją o modlitwie"). */
  readonly about: ReadonlySet<string>;
  /** Adversative conjunctions ("ale", "jednak"): after a past "mieć" + infinitive the plan failed. */
  readonly adversatives: ReadonlySet<string>;
  /** Month names as written (resources/<lang>/months.txt): a sentence's first word kept capitalised ("May"). */
  readonly months: ReadonlySet<string>;
  /** Words of a share ("proc.", "większość"): a conditional near one counting people is a poll answer. */
  readonly shares: ReadonlySet<string>;
  /** Words of people a share counts ("osób"), besides personal nouns. */
  readonly people: ReadonlySet<string>;
  /** Whether a word is a personal noun in the genitive plural ("wyborców"); Polish only (PoliMorf). */
  readonly personal?: (word: string) => boolean;
  /** Nouns of evidence ("sondaże", "wynik badania"): as a reporting verb's subject no one speaks. */
  readonly evidence: readonly CuePattern[number][];
  /**
   * Words opening an indirect question ("czy", "jak", "jaki"): a cue inside one asks, it does not
   * hedge ("z pytaniem, czy rząd może wycofać się", "nie jest w stanie rozstrzygnąć, jak miałyby
   * wyglądać stosunki").
   */
  readonly interrogatives: ReadonlySet<string>;
  /** Conjunctions and complementisers: after one a relative clause goes on ("które są… i mogą"). */
  readonly conjunctions: ReadonlySet<string>;
  /** The infinitive "być": with a passive participle after it "mieć być" is a planned action. */
  readonly copula?: string;
  /** Whether a word is a finite verb or a past form in every reading ("nastąpiła"); Polish only (PoliMorf). */
  readonly finiteVerb?: (word: string) => boolean;
  /** Whether a word is a past verb form in every reading ("uczestniczyły", "wiedział"; NKJP praet); Polish only (PoliMorf). */
  readonly past?: (word: string) => boolean;
  /** Whether a word is a verb in the conditional in some reading ("potwierdziłoby", "zmusiłby"; NKJP pot); Polish only. */
  readonly conditional?: (word: string) => boolean;
  /** Whether a verb form is an infinitive or a perfective future in every reading ("potwierdzić", "ogłosi"); Polish only. */
  readonly unrealised?: (word: string) => boolean;
  /** Whether a word can be a genitive and cannot be a nominative ("lotniczych", "linii"); Polish only. */
  readonly genitive?: (word: string) => boolean;
  /** Whether a word is a verb in the first person plural in some reading ("prowadzimy", "zgodziliśmy"); Polish only. */
  readonly firstPlural?: (word: string) => boolean;
  /** Whether a word is a noun or pronoun in the nominative in some reading ("rząd", "on"); Polish only. */
  readonly nominative?: (word: string) => boolean;
  /** Whether a word is a noun in the nominative and in no accusative reading ("budowa", not "sprzeciw"); Polish only. */
  readonly nominativeOnly?: (word: string) => boolean;
  /** Whether a word is a finite, past or future verb in some reading ("zakończymy", "ruszy", "mam"); Polish only. */
  readonly verb?: (word: string) => boolean;
  /** Whether a word can be a passive participle ("omówiona"); Polish only (PoliMorf). */
  readonly participle?: (word: string) => boolean;
  /** Words opening a purpose or wish clause ("by", "żeby"): "móc" after one is the subjunctive. */
  readonly subjunctive: ReadonlySet<string>;
  /** Words opening a concessive clause ("mimo że"): a denial after one is not the sentence's. */
  readonly concessives: ReadonlySet<string>;
}

const lexicons = new Map<ResourceLanguage, CueLexicon>();

export function cueLexicon(language: ResourceLanguage): CueLexicon {
  let lexicon = lexicons.get(language);
  if (!lexicon) {
    const hedge = keyed(loadResource(language, 'hedge-cues'));
    const confirm = keyed(loadResource(language, 'confirmation-cues'));
    const denial = keyed(loadResource(language, 'denial-cues'));
    const attribution = keyed(loadResource(language, 'attribution-cues'));
    const words = (lines: readonly string[] | undefined): Set<string> => new Set((lines ?? []).flatMap((l) => l.split(/\s+/)).map((w) => w.toLowerCase()));
    lexicon = {
      hedge: indexCues(hedge),
      confirm: indexCues(confirm),
      denial: indexCues(denial),
      hearsay: indexCues(new Map([['', hedge.get('hearsay') ?? []]])),
      attribution: indexCues(attribution),
      clauseOnly: (attribution.get('clause-only') ?? []).map(compileCue),
      about: words(attribution.get('about')),
      thatVerbs: words(attribution.get('that-clause')),
      wishVerbs: words(attribution.get('wish-clause')),
      labels: words(attribution.get('label')),
      naming: words(attribution.get('naming')),
      threats: words(attribution.get('threat')),
      as: words(attribution.get('as')),
      shares: words(hedge.get('share')),
      forecasts: words(hedge.get('forecast')),
      estimates: words(hedge.get('estimate')),
      revised: words(hedge.get('revised')),
      hopes: words(hedge.get('hope')),
      convictions: words(hedge.get('conviction')),
      wantedCertainty: words(hedge.get('wanted-certainty')),
      alternatives: words(hedge.get('alternative')),
      forecasters: words(hedge.get('forecaster')),
      unnamed: words(hedge.get('unnamed')),
      unnamedBy: words(hedge.get('unnamed-by')),
      unnamedRelay: words(hedge.get('unnamed-relay')),
      unnamedOwn: words(hedge.get('unnamed-own')),
      months: new Set(loadResource(language, 'months').flatMap((l) => l.split(/\s+/).slice(1)).filter((w) => /^\p{Lu}/u.test(w))),
      adversatives: words(hedge.get('adversative')),
      people: words(hedge.get('people')),
      evidence: (attribution.get('evidence') ?? []).flatMap((l) => l.split(/\s+/)).filter(Boolean).map((w) => compileCue(w)[0]!),
      negations: new Set(loadResource(language, 'negations').map((n) => n.toLowerCase())),
      institutional: words(confirm.get('institutional')),
      manner: words(confirm.get('manner')),
      office: (confirm.get('office') ?? []).map(compileCue),
      person: words(confirm.get('person')),
      commentators: words(confirm.get('commentator')),
      weIf: words(confirm.get('we-if')),
      weClause: words(confirm.get('we-clause')),
      weViews: (confirm.get('we-view') ?? []).flatMap((l) => l.split(/\s+/)).filter(Boolean).map((w) => compileCue(w)[0]!),
      spokespersons: words(confirm.get('spokesperson')),
      speech: words(confirm.get('speech')),
      representatives: words(confirm.get('representative')),
      authorities: words(confirm.get('authority')),
      companies: words(confirm.get('company')),
      parties: words(confirm.get('party')),
      announce: words(confirm.get('announce')),
      outlets: words(confirm.get('media')),
      wire: new Set((confirm.get('wire') ?? []).flatMap((l) => l.split(/\s+/)).filter(Boolean)),
      media: new Set(loadResource(language, 'synthesis-agencies').flatMap((l) => l.split('|')).map((n) => n.trim().toLowerCase()).filter(Boolean)),
      unknown: (hedge.get('unknown') ?? []).map(compileCue),
      schedule: (hedge.get('schedule') ?? []).map(compileCue),
      wishes: (confirm.get('wish') ?? []).flatMap((l) => l.split(/\s+/)).filter(Boolean).map((w) => compileCue(w)[0]!),
      comparisons: words(confirm.get('comparison')),
      questionWords: words(hedge.get('question')),
      relatives: words(hedge.get('relative')),
      sentential: words(hedge.get('sentential')),
      correlatives: words(hedge.get('correlative')),
      content: words(hedge.get('content')),
      licences: (hedge.get('licence') ?? []).map(compileCue),
      modalConditionals: (hedge.get('modal-conditional') ?? []).flatMap((l) => l.split(/\s+/)).filter(Boolean).map((w) => compileCue(w)[0]!),
      interrogatives: words(hedge.get('interrogative')),
      continuatives: words(hedge.get('continuative')),
      choices: words(hedge.get('choice')),
      conjunctions: words(hedge.get('conjunction')),
      subjunctive: words(hedge.get('subjunctive')),
      instrumentalPrepositions: words(hedge.get('instrumental-preposition')),
      causes: words(hedge.get('cause')),
      ...(hedge.get('copula') && { copula: hedge.get('copula')![0]!.trim() }),
      ...(language === 'pl' && { participle: passiveParticiple, finiteVerb, past: pastVerb, conditional: conditionalVerb, future: futureVerb, unrealised, personal: personalPlural, genitive: genitiveOnly, firstPlural, verb: verbForm, nominative, nominativeOnly, instrumental: instrumentalNoun, noun: isNoun }),
      concessives: words(denial.get('concessive')),
      assure: words(denial.get('assure')),
      reportNouns: words(denial.get('report')),
      falsity: (denial.get('false') ?? []).flatMap((l) => l.split(/\s+/)).filter(Boolean).map((w) => compileCue(w)[0]!),
      degrees: words(denial.get('degree')),
      copulas: words(denial.get('copula')),
    };
    lexicons.set(language, lexicon);
  }
  return lexicon;
}

/** A noun reading in the instrumental and no dative reading: "zwolnieniami", "wetem", not "opłacalności". */
function instrumentalNoun(word: string): boolean {
  const readings = loadPolimorf().lookupAnyCase(word).interpretations;
  return readings.some((i) => /^subst:[a-z]+:(?:[a-z.]+\.)?inst/u.test(i.tag)) && !readings.some((i) => /:(?:[a-z.]+\.)?dat[.:]/u.test(i.tag));
}

/** A noun in some PoliMorf reading. */
function isNoun(word: string): boolean {
  return loadPolimorf().lookupAnyCase(word).interpretations.some((i) => i.tag.startsWith('subst:'));
}

/** A word with a genitive reading in PoliMorf and no nominative one: "lotniczych", "linii", not "lotnicze", "tygodniu". */
function genitiveOnly(word: string): boolean {
  const readings = loadPolimorf().lookupAnyCase(word).interpretations;
  return readings.some((i) => /:gen/u.test(i.tag)) && !readings.some((i) => /:nom/u.test(i.tag));
}

/** A verb in the first person plural in some PoliMorf reading (":pl:" and ":pri"): "prowadzimy", "otrzymaliśmy", "mamy". */
function firstPlural(word: string): boolean {
  return loadPolimorf().lookupAnyCase(word).interpretations.some((i) => /^verb:(?:fin|praet|bedzie):pl:(?:[a-z0-9.]+:)?pri\b/u.test(i.tag));
}

/** A noun or personal pronoun in the nominative in some PoliMorf reading: "rząd", "on", "budowa". */
function nominative(word: string): boolean {
  return loadPolimorf().lookupAnyCase(word).interpretations.some((i) => /^(?:subst|depr|ppron12|ppron3):(?:sg|pl):(?:[a-z.]+\.)?nom\b/u.test(i.tag));
}

/** A noun in the nominative and in no accusative reading: "budowa", not "sprzeciw" or "premii". */
function nominativeOnly(word: string): boolean {
  const readings = loadPolimorf().lookupAnyCase(word).interpretations;
  return readings.some((i) => /^subst:(?:sg|pl):(?:[a-z.]+\.)?nom\b/u.test(i.tag)) && !readings.some((i) => /^subst:(?:sg|pl):(?:[a-z.]+\.)?acc\b/u.test(i.tag) || /:(?:[a-z.]+\.)?acc\b/u.test(i.tag));
}

/** A finite, past or future verb in some PoliMorf reading: "zakończymy", "ruszy", "mam" (also a noun). */
function verbForm(word: string): boolean {
  return loadPolimorf().lookupAnyCase(word).interpretations.some((i) => /^verb:(?:fin|praet|bedzie)/u.test(i.tag));
}

/** A passive participle reading in PoliMorf (tag "ppas:…"); the dictionary loads on first use. */
function passiveParticiple(word: string): boolean {
  return loadPolimorf().lookupAnyCase(word).interpretations.some((i) => i.tag.startsWith('ppas:'));
}

/** A finite or past verb form in every PoliMorf reading: "nastąpiła", "mogą", not "ma" (also an adjective). */
function finiteVerb(word: string): boolean {
  const readings = loadPolimorf().lookupAnyCase(word).interpretations;
  return readings.length > 0 && readings.every((i) => i.tag.startsWith('verb:fin') || i.tag.startsWith('verb:praet'));
}

/**
 * A past verb form (tag "verb:praet") in some PoliMorf reading and a verb in every one: "uczestniczyły",
 * "zrobiłam", "mieli" (also "mielić" in the present), not "udzieli" or "pozwoli" (futures) nor "dział".
 */
function pastVerb(word: string): boolean {
  const readings = loadPolimorf().lookupAnyCase(word).interpretations;
  return readings.some((i) => i.tag.startsWith('verb:praet')) && readings.every((i) => i.tag.startsWith('verb:fin') || i.tag.startsWith('verb:praet'));
}

/** A conditional verb form in some PoliMorf reading (tag "verb:pot"): "potwierdziłoby", "zmusiłby", "chciałbym". */
function conditionalVerb(word: string): boolean {
  return loadPolimorf().lookupAnyCase(word).interpretations.some((i) => i.tag.startsWith('verb:pot'));
}

/** A future verb form in some PoliMorf reading: a perfective non-past ("osiągnie", "zostanie") or "będzie". */
function futureVerb(word: string): boolean {
  return loadPolimorf().lookupAnyCase(word).interpretations.some((i) => i.tag.startsWith('verb:bedzie') || isPerfectiveFuture(parseTag(i.tag)));
}

/** An infinitive or a perfective non-past (the future) in every PoliMorf reading: "potwierdzić", "ogłosi". */
function unrealised(word: string): boolean {
  const readings = loadPolimorf().lookupAnyCase(word).interpretations;
  return readings.length > 0 && readings.every((i) => i.tag.startsWith('verb:inf') || isPerfectiveFuture(parseTag(i.tag)));
}

/** Resource lines grouped by their "key:" prefix; plain cue lines under the key "". */
function keyed(lines: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of lines) {
    const m = /^([a-z-]+):\s*(.*)$/u.exec(line);
    const [key, value] = m ? [m[1]!, m[2]!] : ['', line];
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}

function indexCues(entries: ReadonlyMap<string, readonly string[]>): CueIndex {
  const byFirstWord = new Map<string, Cue[]>();
  const open: Cue[] = [];
  const exceptions: CuePattern[] = [];
  const add = (entry: string, reading: Reading): void => {
    if (entry.startsWith('!')) {
      exceptions.push(compileCue(entry.slice(1).trim()));
      return;
    }
    const first = entry.split(/\s+/)[0]!;
    const cue = { pattern: compileCue(entry), reading };
    if (/^[~?*]|\*$/u.test(first)) open.push(cue);
    else byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), cue]);
  };
  for (const entry of entries.get('') ?? []) add(entry, 'always');
  for (const entry of entries.get('present') ?? []) add(entry, 'present');
  for (const entry of entries.get('past') ?? []) add(entry, 'past');
  for (const entry of entries.get('conditional') ?? []) add(entry, 'conditional');
  for (const entry of entries.get('modal') ?? []) add(entry, 'modal');
  return { byFirstWord, open, exceptions };
}

/** "stem*" → prefix, "*end" → suffix, "~ć" → any word ending in ć, "?" → any one word, else the exact word. */
function compileCue(entry: string): CuePattern {
  return entry.split(/\s+/).map((part): ((w: string) => boolean) => {
    if (part === '?') return () => true;
    // The affixes are cut once here, not at every word tried (that was most of the analysis's garbage).
    const end = part.slice(1);
    if (part.startsWith('~')) return (w) => w.endsWith(end);
    // A suffix needs a stem of at least two letters: "byłby" yes, "słaby" (weak) no.
    if (part.startsWith('*')) return (w) => w.endsWith(end) && w.length >= part.length + 1;
    const stem = part.slice(0, -1);
    if (part.endsWith('*')) return (w) => w.startsWith(stem);
    return (w) => w === part;
  });
}

// A plain loop: a callback per test made this the analysis's largest source of garbage.
export function matchesAt(words: readonly Word[], i: number, pattern: CuePattern): boolean {
  if (i + pattern.length > words.length) return false;
  for (let k = 0; k < pattern.length; k++) if (!pattern[k]!(words[i + k]!.lower)) return false;
  return true;
}

// Apart from matchCues: a closure over start and end there gave every cue tried a context object.
const overlapsAny = (found: readonly Found[], start: number, end: number): boolean => found.some((f) => start < f.end && f.start < end);

export function matchCues(words: readonly Word[], index: CueIndex, kind: CueKind, reading?: (r: Reading) => boolean): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < words.length; i++) {
    const exact = index.byFirstWord.get(words[i]!.lower);
    // Checked only once a cue matches here: most words start no cue.
    let excepted: boolean | undefined;
    // Indexes, not an array of the two lists per word: that array was garbage at every word.
    for (let list = exact ? 0 : 1; list < 2; list++) {
      for (const cue of list === 0 ? exact! : index.open) {
        if ((reading && !reading(cue.reading)) || !matchesAt(words, i, cue.pattern)) continue;
        excepted ??= exceptionAt(words, i, index.exceptions);
        if (excepted) break;
        const start = words[i]!.start;
        const end = words[i + cue.pattern.length - 1]!.end;
        if (overlapsAny(found, start, end)) continue;
        found.push({ start, end, text: words.slice(i, i + cue.pattern.length).map((w) => w.text).join(' '), kind, reading: cue.reading });
      }
      if (excepted) break;
    }
  }
  return found;
}

/**
 * Whether an exception covers word `i`. An exception may start up to two words before the cue it
 * cancels ("będzie mogła opuścić": the future of "móc" is an option, not the past modal "mogła").
 */
function exceptionAt(words: readonly Word[], i: number, exceptions: readonly CuePattern[]): boolean {
  return exceptions.some((p) => [i, i - 1, i - 2].some((j) => j >= 0 && j + p.length > i && matchesAt(words, j, p)));
}

/** A noun of persons in the genitive plural in some PoliMorf reading: "wyborców", "ankietowanych". */
function personalPlural(word: string): boolean {
  return loadPolimorf().lookupAnyCase(word).interpretations.some((i) => /^subst:pl:gen:m1/u.test(i.tag));
}

/** The index of the word a cue starts at (-1 when none does). */
export function wordIndexOf(words: readonly Word[], cue: Span): number {
  return words.findIndex((w) => w.start === cue.start);
}

/** A speaker named by a web address ("next.gaztea.pl", "Money.pl") is an outlet relaying the news: it confirms nothing. */
export const WEB_ADDRESS = /\.(?:pl|com|eu|net|org|info|de|uk)\b/iu;

/** A word that opens with a capital (a name, or the sentence's first word). */
export const CAPITALISED = /^\p{Lu}/u;

/**
 * Whether a word names an outlet or a news agency that relays others' news: an outlet's noun
 * (`media:` in confirmation-cues.txt: "gazeta"), or "agencja" written in lower case (`wire:`:
 * "informuje agencja Prime", "brytyjska agencja prasowa PA"), which a body's own name writes
 * capitalised ("Duńska Agencja Energetyczna"). Not an agency's bare name: after the verb it is as
 * often whom the body told ("Eurostat przekazał PAP dane").
 */
export function relays(w: Word, lexicon: CueLexicon): boolean {
  return lexicon.outlets.has(w.text.toLowerCase()) || lexicon.wire.has(w.text);
}

/** The words beside a cue: up to four before it and three after, the cue's subject or speaker as a rule. */
export function besideCue(words: readonly Word[], cue: Span): readonly Word[] {
  const i = wordIndexOf(words, cue);
  return i < 0 ? [] : words.slice(Math.max(0, i - 4), i).concat(words.slice(i + 1, i + 4));
}
