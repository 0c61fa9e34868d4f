/**
 * Reporting cues of one language (resources/<lang>/reporting-verbs.txt, speaker-roles.txt):
 * reporting verbs with the gender their form shows, "według"/"according to", complementisers,
 * and the small word classes speaker resolution needs. Loaded once per language.
 */
import { loadResource, type ResourceLanguage } from '../../resources.ts';
import type { EntityType } from '../../types.ts';
import { loadPolimorf, parseTag } from '../../text/polimorf.ts';
import type { GrammaticalCase } from '../../text/polimorf-tags.ts';

/** What a verb form says about its subject: masculine, feminine, neuter, plural, or unknown. */
export type Agreement = 'm' | 'f' | 'n' | 'p' | '?';

export interface VerbCue {
  readonly agreement: Agreement;
  /** Subjectless ("przekazano"): the speaker carries over from the previous quote. */
  readonly impersonal: boolean;
}

export interface QuoteCues {
  readonly verb: (word: string) => VerbCue | undefined;
  /** A verb that names or judges something in words the writer marks as the subject's ("nazwał żądania „bezcelowymi”"). */
  readonly namingVerb: (word: string) => VerbCue | undefined;
  /**
   * A verb that gives marked words after its object and a colon ("wypowiedziała m.in. słowa: „…”",
   * "przysłał poniższe oświadczenie: „…”"): read only there (01-marked.ts), never as a reporting verb.
   */
  readonly colonVerb: (word: string) => VerbCue | undefined;
  /** Prepositions of whom words were given to ("oświadczenie dla The Independent", "list do premiera"). */
  readonly recipients: ReadonlySet<string>;
  /** Documents in the nominative, the subject of "głosi": "– głosi komunikat agencji". */
  readonly documentSubjects: ReadonlySet<string>;
  readonly according: ReadonlySet<string>;
  readonly as: ReadonlySet<string>;
  readonly that: ReadonlySet<string>;
  readonly nonsource: ReadonlySet<string>;
  readonly prepositions: ReadonlySet<string>;
  /** Nouns naming a medium or agency (\"dla agencji AFP\"): a name after one in a prepositional phrase is the recipient. */
  readonly media: ReadonlySet<string>;
  /** Verbs whose reported clause may come without a complementiser (English "said"). */
  readonly bare: ReadonlySet<string>;
  readonly determiners: ReadonlySet<string>;
  /** Documents that carry a statement ("w oświadczeniu"): their issuer speaks. */
  readonly documents: ReadonlySet<string>;
  /** Conjunctions joining two subjects of one plural verb ("X i Y ocenili"). */
  readonly conjunctions: ReadonlySet<string>;
  /** Relative pronouns: as a subject they point at the name just before ("X, który powiedział"). */
  readonly relatives: ReadonlySet<string>;
  /** Auxiliaries and adverbs between a subject and its verb ("has" in "Washington has warned"). */
  readonly verbGroup: ReadonlySet<string>;
  /** Names modify a following noun ("Palestinian officials"): English yes, Polish no. */
  readonly premodifier: boolean;
  /** Discourse words stripped from the front of a described speaker ("Z kolei biuro…"). */
  readonly connectors: ReadonlySet<string>;
  /** Reflexive particles: right after a closing verb they are the verb's ("– zwrócił się do Tuska"), no speaker. */
  readonly reflexives: ReadonlySet<string>;
  /** Adjective endings that extend the noun phrase after "według" ("zachodnich obserwatorów"). */
  readonly adjectiveEndings: readonly string[];
  /** First-name endings that mark a woman ("Kamala"), to match feminine verbs ("dodała"). */
  readonly feminineNameEndings: readonly string[];
  /** First-person words ("nam", "nasz", "I"): words closed by a dash attribution that hold one are the speaker's own. */
  readonly firstPerson: ReadonlySet<string>;
  /** First-person verb endings ("-liśmy", "-łam"), for the same. */
  readonly firstPersonEndings: readonly string[];
  /**
   * Whether a word may be in the nominative (a subject's case), by the language's dictionary
   * (PoliMorf for Polish); undefined when the word is unknown or the language has no cases.
   */
  readonly mayBeNominative: (word: string) => boolean | undefined;
  /** Whether the dictionary may read a word in the instrumental ("odpowiednikiem": yes, "rozmów": no); undefined when it does not know it. */
  readonly mayBeInstrumental: (word: string) => boolean | undefined;
  /** Labels of scraped links that end a teaser ("… zobacz więcej"): what follows starts anew. */
  readonly linkLabels: readonly string[];
  /** Whether a word is a noun the dictionary reads in the genitive and never in the nominative ("Liberałów", "Komisji"): a possessor. */
  readonly possessor: (word: string) => boolean;
  /** Whether the dictionary reads a word as a noun in the genitive, whatever else ("Niemiec": a German, or of Germany). */
  readonly mayBeGenitive: (word: string) => boolean;
  /** Whether the dictionary knows a capitalised word only as a common word ("Narodzenie", "Sprawiedliwości", "Lord"), not as a name ("Adam"). */
  readonly commonWord: (word: string) => boolean;
  /** Whether the dictionary reads a word as an adjective ("brytyjski", "Konserwatywny"). */
  readonly adjective: (word: string) => boolean;
  /** Whether the dictionary knows a capitalised word as a person's name in the nominative ("John", "Robin"; not "Plaid", "Izby"). */
  readonly personalName: (word: string) => boolean;
  /** The gender a past-tense verb in the singular shows ("wezwała" → "f", "wezwał" → "m"), by the dictionary; undefined when it is no such verb or shows both. */
  readonly pastGender: (word: string) => 'm' | 'f' | undefined;
  /** The lemma of a singular noun in any case ("ministra" → "minister"), by the dictionary; undefined when unknown or plural only. */
  readonly nounLemma: (word: string) => string | undefined;
  /**
   * Pronouns that stand for a source after "według"/"zdaniem" ("według niego": personal; "jego
   * zdaniem", "według jej słów": possessive) → the gender they show.
   */
  readonly pronouns: ReadonlyMap<string, { readonly agreement: Agreement; readonly possessive: boolean }>;
  /** Whether a word is a verb in the first person by the dictionary ("Zignorowałem", "zrobiliśmy"; not "oddziałem"). */
  readonly firstPersonVerb: (word: string) => boolean;
  /**
   * Whether a lower-case word is only an adjective, participle or adverb by the dictionary, never a
   * noun ("zaskoczona", "wzruszony"): alone after a reporting verb it says how the speaker spoke
   * ("– dopytywała zaskoczona"), it names no one.
   */
  readonly predicative: (word: string) => boolean;
  /** Whether the dictionary reads a word in no grammatical case ("znów", "zarazem"): no one's name or description. */
  readonly caseless: (word: string) => boolean;
  /**
   * Whether a word is an adverbial participle by the dictionary ("Zapowiadając", "Powiedziawszy"):
   * opening a sentence it starts a clause of its own, and the subject, if any, comes after it.
   */
  readonly adverbialParticiple: (word: string) => boolean;
  /** Whether the dictionary reads a word only as a plural noun ("Brytyjczycy", "Amerykanie"): a group, never one person. */
  readonly pluralNoun: (word: string) => boolean;
  /** Whether the dictionary may read a word as a noun in the nominative plural ("przywódcy", also a genitive singular). */
  readonly mayBePluralSubject: (word: string) => boolean;
  /** Words that make a described speaker someone new ("lider innej grupy", "kolejny ekspert"): no back reference. */
  readonly others: ReadonlySet<string>;
  /** Participles of being asked ("pytany", "zapytana"): the clause they open is no speaker's name. */
  readonly asked: ReadonlySet<string>;
  /** Prepositions of company ("z", "with"): a name in their phrase is whom someone spoke with. */
  readonly comitative: ReadonlySet<string>;
  /** Nouns of saying a possessive must own to stand for its person after "według" ("według jego słów"). */
  readonly speechNouns: ReadonlySet<string>;
  /** Lower-case role noun → the entity type it refers back to. */
  readonly roles: ReadonlyMap<string, EntityType>;
  /** A genitive description's words in the nominative ("ekspertów" → "eksperci"), resources speaker-nominative. */
  readonly nominative: (word: string) => string;
  /**
   * A genitive noun phrase in the nominative by the dictionary: its head (the last lower-case noun)
   * and the adjectives before it agreeing with it ("znanego brytyjskiego eksperta" → "znany brytyjski
   * ekspert"); words after the head (its possessors) stay. Undefined when the dictionary cannot say.
   */
  readonly nominativePhrase: (words: readonly string[]) => string[] | undefined;
}

const cache = new Map<ResourceLanguage, QuoteCues>();

function polishPossessor(word: string): boolean {
  const tags = loadPolimorf().lookupAnyCase(word).interpretations.map((i) => parseTag(i.tag));
  return tags.length > 0 && tags.every((t) => t.pos === 'subst' && !t.cases.includes('nom')) && tags.some((t) => t.cases.includes('gen'));
}

function polishGenitive(word: string): boolean {
  return loadPolimorf().lookupAnyCase(word).interpretations.some((i) => {
    const t = parseTag(i.tag);
    return t.pos === 'subst' && t.cases.includes('gen');
  });
}

function polishAdjective(word: string): boolean {
  return loadPolimorf().lookupAnyCase(word.toLowerCase()).interpretations.some((i) => parseTag(i.tag).pos === 'adj');
}

function polishPersonalName(word: string): boolean {
  // Names are capitalised lemmas; a man's is of personal masculine gender (m1), a woman's feminine.
  return loadPolimorf().lookup(word).some((i) => {
    const t = parseTag(i.tag);
    return /^\p{Lu}/u.test(i.lemma) && t.pos === 'subst' && t.number === 'sg' && t.cases.includes('nom') && t.genders.some((g) => g === 'm1' || g === 'f');
  });
}

function polishPastGender(word: string): 'm' | 'f' | undefined {
  const tags = loadPolimorf().lookup(word.toLowerCase()).map((i) => parseTag(i.tag));
  // Only a word the dictionary reads as nothing but a singular past-tense form ("mówiła"), of one gender.
  if (tags.length === 0 || !tags.every((t) => t.verbForm === 'praet' && t.number === 'sg')) return undefined;
  const feminine = tags.every((t) => t.genders.every((g) => g === 'f'));
  const masculine = tags.every((t) => t.genders.every((g) => g.startsWith('m')));
  return feminine ? 'f' : masculine ? 'm' : undefined;
}

function polishCommonWord(word: string): boolean {
  const pm = loadPolimorf();
  return pm.lookup(word).length === 0 && pm.lookup(word.toLowerCase()).length > 0;
}

function polishNounLemma(word: string): string | undefined {
  // Singular only: "według ekspertów" names a group, not the one expert named before.
  return loadPolimorf().lookupAnyCase(word.toLowerCase()).interpretations.find((i) => {
    const tag = parseTag(i.tag);
    return tag.pos === 'subst' && tag.number === 'sg';
  })?.lemma.toLowerCase();
}

/** Endings every Polish first-person verb form has (past "-łem", "-liśmy"; present "-ę", "-my"): only such words are looked up. */
const FIRST_PERSON_SHAPE = /(?:[łl][ae]m|śmy|my|ę)$/u;
const firstPersonMemo = new Map<string, boolean>();

function polishFirstPersonVerb(word: string): boolean {
  if (!FIRST_PERSON_SHAPE.test(word)) return false;
  let known = firstPersonMemo.get(word);
  if (known === undefined) {
    known = loadPolimorf().lookupAnyCase(word).interpretations.some((i) => i.tag.startsWith('verb:') && i.tag.split(':').includes('pri'));
    if (firstPersonMemo.size < 50_000) firstPersonMemo.set(word, known);
  }
  return known;
}

/** Parts of speech that describe how someone spoke, never who (QuoteCues.predicative). */
const PREDICATIVE_POS = new Set(['adj', 'adja', 'adjp', 'adjc', 'pact', 'ppas', 'adv']);

function polishPredicative(word: string): boolean {
  if (!/^\p{Ll}+$/u.test(word)) return false;
  const { interpretations } = loadPolimorf().lookupAnyCase(word);
  return interpretations.length > 0 && interpretations.every((i) => PREDICATIVE_POS.has(parseTag(i.tag).pos));
}

function polishAdverbialParticiple(word: string): boolean {
  const { interpretations } = loadPolimorf().lookupAnyCase(word.toLowerCase());
  return interpretations.length > 0 && interpretations.every((i) => {
    const pos = parseTag(i.tag).pos;
    return pos === 'pcon' || pos === 'pant';
  });
}

function polishMayBePluralSubject(word: string): boolean {
  return loadPolimorf().lookupAnyCase(word).interpretations.some((i) => {
    const t = parseTag(i.tag);
    return t.pos === 'subst' && t.number === 'pl' && t.cases.includes('nom');
  });
}

function polishPluralNoun(word: string): boolean {
  const nouns = loadPolimorf().lookupAnyCase(word).interpretations.map((i) => parseTag(i.tag)).filter((t) => t.pos === 'subst');
  return nouns.length > 0 && nouns.every((t) => t.number === 'pl');
}

/** The nominative of a Polish genitive noun phrase by PoliMorf (QuoteCues.nominativePhrase). */
function polishNominativePhrase(words: readonly string[]): string[] | undefined {
  const pm = loadPolimorf();
  const genitive = (word: string, pos: string): { lemma: string; number?: string; degree?: string; genders: readonly string[] } | undefined => {
    if (!/^\p{Ll}/u.test(word)) return undefined;
    const readings = pm.lookupAnyCase(word).interpretations.filter((x) => {
      const t = parseTag(x.tag);
      return t.pos === pos && t.cases.includes('gen');
    });
    // A form that is both ("agencji", "organizacji") is read in the singular: "według agencji" is one.
    const i = readings.find((x) => parseTag(x.tag).number === 'sg') ?? readings[0];
    if (!i) return undefined;
    const t = parseTag(i.tag);
    return { lemma: i.lemma, ...(t.number && { number: t.number }), ...(t.degree && { degree: t.degree }), genders: t.genders };
  };
  // The head is the first noun that is no adjective ("znanego" may be both); the nouns after it are
  // its possessors ("rzecznika rządu").
  const nounOnly = words.findIndex((w) => genitive(w, 'subst') !== undefined && genitive(w, 'adj') === undefined);
  const head = nounOnly >= 0 ? nounOnly : words.findIndex((w) => genitive(w, 'subst') !== undefined);
  if (head < 0) return undefined;
  const noun = genitive(words[head]!, 'subst')!;
  const form = (lemma: string, pos: string, genders: readonly string[], degree?: string): string | undefined =>
    pm.inflect(lemma, (t) => t.pos === pos && t.cases.includes('nom') && t.number === noun.number && t.genders.some((g) => genders.includes(g)) && t.degree === degree)[0]?.form;
  const headForm = form(noun.lemma, 'subst', noun.genders);
  if (!headForm) return undefined;
  const out = [...words];
  out[head] = headForm;
  for (let k = 0; k < head; k++) {
    const adjective = genitive(words[k]!, 'adj');
    const nominative = adjective && form(adjective.lemma, 'adj', noun.genders, adjective.degree);
    if (!nominative) return undefined;
    out[k] = nominative;
  }
  return out;
}

/** A Polish form's readings in PoliMorf (src/text/polimorf.ts): may one of them be nominative? */
function polishNominative(word: string): boolean | undefined {
  return polishMayBeCase(word, 'nom');
}

/** A word the dictionary knows in no case at all (an adverb or particle: "znów", "zarazem"), never a noun phrase's head. */
function polishCaseless(word: string): boolean {
  const { interpretations } = loadPolimorf().lookupAnyCase(word.toLowerCase());
  return interpretations.length > 0 && interpretations.every((i) => parseTag(i.tag).cases.length === 0);
}

function polishMayBeCase(word: string, wanted: GrammaticalCase): boolean | undefined {
  const { interpretations } = loadPolimorf().lookupAnyCase(word);
  if (interpretations.length === 0) return undefined;
  return interpretations.some((i) => parseTag(i.tag).cases.includes(wanted));
}

export function quoteCues(language: ResourceLanguage): QuoteCues {
  let cues = cache.get(language);
  if (!cues) {
    cues = buildCues(language);
    cache.set(language, cues);
  }
  return cues;
}

function buildCues(language: ResourceLanguage): QuoteCues {
  const verbs = new Map<string, VerbCue>();
  const naming = new Map<string, VerbCue>();
  const colon = new Map<string, VerbCue>();
  const sets = new Map<string, Set<string>>();
  const addTo = (into: Map<string, VerbCue>, form: string, agreement: Agreement, impersonal = false): void => {
    into.set(form.toLowerCase(), { agreement, impersonal });
  };
  const add = (form: string, agreement: Agreement, impersonal = false): void => addTo(verbs, form, agreement, impersonal);
  for (const line of loadResource(language, 'reporting-verbs')) {
    const [role, ...forms] = line.split(/\s+/);
    // "naming-past nazwał": a verb naming or judging something in the speaker's word ("nazwał
    // żądania „bezcelowymi”"), read only before marked words (01-marked.ts), never as a reporting verb.
    const into = role?.startsWith('naming-') ? naming : role?.startsWith('colon-') ? colon : verbs;
    const tense = role?.replace(/^(?:naming|colon)-/u, '');
    if (tense === 'past') {
      const [masculine, virile] = forms;
      if (!masculine) continue;
      addTo(into, masculine, 'm');
      addTo(into, `${masculine}a`, 'f');
      addTo(into, `${masculine}o`, 'n');
      addTo(into, `${masculine}y`, 'p');
      if (virile) addTo(into, virile, 'p');
    } else if (tense === 'pres') {
      const [singular, plural] = forms;
      if (singular) addTo(into, singular, '?');
      if (plural) addTo(into, plural, 'p');
    } else if (role === 'any') {
      for (const f of forms) add(f, '?');
    } else if (role === 'impersonal') {
      for (const f of forms) add(f, '?', true);
    } else if (role) {
      const set = sets.get(role) ?? new Set<string>();
      for (const f of forms) set.add(f.toLowerCase());
      sets.set(role, set);
    }
  }
  const roles = new Map<string, EntityType>();
  for (const line of loadResource(language, 'speaker-roles')) {
    const [type, ...forms] = line.split(/\s+/);
    for (const f of forms) roles.set(f.toLowerCase(), type as EntityType);
  }
  const set = (name: string): ReadonlySet<string> => sets.get(name) ?? new Set();
  const pronouns = new Map<string, { agreement: Agreement; possessive: boolean }>();
  for (const agreement of ['m', 'f', 'p'] as const) {
    for (const w of set(`pronoun-${agreement}`)) pronouns.set(w, { agreement, possessive: false });
    for (const w of set(`possessive-${agreement}`)) pronouns.set(w, { agreement, possessive: true });
  }
  const words = new Map<string, string>();
  const endings: [string, string][] = [];
  for (const line of language === 'pl' ? loadResource(language, 'speaker-nominative') : []) {
    const parts = line.replace(/^word:\s*/u, '').split(/\s+/u);
    if (line.startsWith('word:')) words.set(parts[0]!.toLowerCase(), parts[1]!);
    else endings.push([parts[0]!, parts[1]!]);
  }
  endings.sort((a, b) => b[0].length - a[0].length);
  const nominative = (word: string): string => {
    const exception = words.get(word.toLowerCase());
    if (exception) return /^\p{Lu}/u.test(word) ? exception.charAt(0).toUpperCase() + exception.slice(1) : exception;
    const ending = endings.find(([g]) => word.endsWith(g) && word.length > g.length + 2);
    return ending ? word.slice(0, -ending[0].length) + ending[1] : word;
  };
  return {
    verb: (word) => verbs.get(word.toLowerCase()),
    namingVerb: (word) => naming.get(word.toLowerCase()),
    colonVerb: (word) => colon.get(word.toLowerCase()),
    recipients: set('recipient'),
    documentSubjects: set('document-subject'),
    according: set('according'),
    as: set('as'),
    that: set('that'),
    nonsource: set('nonsource'),
    prepositions: set('preposition'),
    bare: set('bare'),
    determiners: set('determiner'),
    relatives: set('relative'),
    documents: set('document'),
    media: set('medium'),
    connectors: set('connector'),
    reflexives: set('reflexive'),
    verbGroup: set('verb-group'),
    conjunctions: set('conjunction'),
    premodifier: set('premodifier').has('on'),
    adjectiveEndings: [...set('adjective-ending')],
    feminineNameEndings: [...set('feminine-name-ending')],
    mayBeNominative: language === 'pl' ? polishNominative : () => undefined,
    mayBeInstrumental: language === 'pl' ? (w: string) => polishMayBeCase(w, 'inst') : () => undefined,
    nounLemma: language === 'pl' ? polishNounLemma : () => undefined,
    nominativePhrase: language === 'pl' ? polishNominativePhrase : () => undefined,
    possessor: language === 'pl' ? polishPossessor : () => false,
    commonWord: language === 'pl' ? polishCommonWord : () => false,
    personalName: language === 'pl' ? polishPersonalName : () => false,
    pastGender: language === 'pl' ? polishPastGender : () => undefined,
    adjective: language === 'pl' ? polishAdjective : () => false,
    mayBeGenitive: language === 'pl' ? polishGenitive : () => false,
    linkLabels: loadResource(language, 'reporting-verbs').filter((l) => l.startsWith('link-label ')).map((l) => l.slice('link-label '.length).trim()),
    firstPerson: set('first-person'),
    firstPersonEndings: [...set('first-person-ending')],
    pronouns,
    speechNouns: set('speech-noun'),
    comitative: set('comitative'),
    others: set('other'),
    asked: set('asked'),
    firstPersonVerb: language === 'pl' ? polishFirstPersonVerb : () => false,
    predicative: language === 'pl' ? polishPredicative : () => false,
    caseless: language === 'pl' ? polishCaseless : () => false,
    adverbialParticiple: language === 'pl' ? polishAdverbialParticiple : () => false,
    pluralNoun: language === 'pl' ? polishPluralNoun : () => false,
    mayBePluralSubject: language === 'pl' ? polishMayBePluralSubject : () => false,
    roles,
    nominative,
  };
}
