/**
 * Word lists synthesis reads, loaded once per language through the shared loader (STYLE §6).
 * Articles in an unidentified language ('und') use the Polish lists: Kronika is Polish first.
 */
import { loadMap, loadResource, type ResourceLanguage } from '../resources.ts';
import type { Language } from '../types.ts';

export interface SynthesisLexicon {
  /** Lower-cased leading connectives, longest first. */
  readonly connectives: readonly string[];
  readonly stopwords: ReadonlySet<string>;
  readonly eventWords: readonly string[];
  readonly eventVerbs: readonly string[];
  readonly placeCues: ReadonlySet<string>;
  readonly placePrepositions: ReadonlySet<string>;
  readonly copulas: ReadonlySet<string>;
  /** Adjective endings ("-ym") and head-noun stems allowed between a preposition and a place. */
  readonly placeBetween: readonly string[];
  /** Alias → canonical place name, as written in the resource. */
  readonly placeAliases: readonly (readonly [string, string])[];
  /** Child place → parent place, as written in the resource. */
  readonly placeParents: readonly (readonly [string, string])[];
  /** First words that point back to earlier text: such a sentence is no title. */
  readonly titleAnaphora: ReadonlySet<string>;
  /** Words opening a subordinate clause: a main clause before ", <word>" stands alone. */
  readonly subordinators: ReadonlySet<string>;
  /** What may stand between two coordinated places: ",", "i", "oraz". */
  readonly listJoiners: readonly string[];
  readonly negations: ReadonlySet<string>;
  /** Two-word phrases where a negation is a contrast, not the sentence's polarity ("a nie"). */
  readonly contrasts: ReadonlySet<string>;
  /** Endings of past-tense verb forms ("-ł", "-ła", "-li"). */
  readonly pastEndings: readonly string[];
  /** Endings of infinitives, the lemma of a verb form ("-ć"); none where lemmas show no ending. */
  readonly infinitiveEndings: readonly string[];
  /** The verb of hearsay "miał + infinitive", which reports no past happening. */
  readonly reportativeVerb: string;
  /** First words of credit lines ("Źródło: X - <headline>"). */
  readonly credits: ReadonlySet<string>;
}

export function resourceLanguage(language: Language): ResourceLanguage {
  return language === 'en' ? 'en' : 'pl';
}

/**
 * What `build` makes of one resource language's files, made on the first call for that language
 * and kept: the lexicon, grammars and word lists synthesis asks for on every sentence.
 */
export function perLanguage<T>(build: (lang: ResourceLanguage) => T): (language: Language) => T {
  const built = new Map<ResourceLanguage, T>();
  return (language) => {
    const lang = resourceLanguage(language);
    let value = built.get(lang);
    if (value === undefined) {
      value = build(lang);
      built.set(lang, value);
    }
    return value;
  };
}

// Plain toLowerCase: Polish has no locale-specific casing (unlike Turkish), and the locale form is ~10× slower.
const lower = (s: string): string => s.toLowerCase();

/**
 * A resource file of "key: words" lines (synthesis-grammar.txt, conflict-grammar.txt): key → the
 * rest of each of its lines, trimmed, in file order.
 */
export function keyedLines(lang: ResourceLanguage, name: string): ReadonlyMap<string, readonly string[]> {
  const lines = new Map<string, string[]>();
  for (const line of loadResource(lang, name)) {
    const [key, rest] = line.split(/:\s*/u, 2) as [string, string];
    lines.set(key, [...(lines.get(key) ?? []), rest.trim()]);
  }
  return lines;
}

/** Every word of a key's lines (keyedLines), in file order. */
export function keyedWords(lines: ReadonlyMap<string, readonly string[]>, key: string): string[] {
  return (lines.get(key) ?? []).flatMap((l) => l.split(/\s+/u));
}

/** The small closed classes of resources/<lang>/synthesis-grammar.txt ("key: words" lines). */
function grammar(lang: ResourceLanguage): Pick<SynthesisLexicon, 'listJoiners' | 'negations' | 'contrasts' | 'pastEndings' | 'infinitiveEndings' | 'reportativeVerb' | 'credits'> {
  const lines = keyedLines(lang, 'synthesis-grammar');
  const words = (key: string): string[] => keyedWords(lines, key).map(lower);
  return {
    listJoiners: [',', ...(lines.get('list-joiner') ?? []).map(lower)],
    negations: new Set(words('negation')),
    contrasts: new Set((lines.get('contrast') ?? []).map(lower)),
    pastEndings: words('past-ending'),
    infinitiveEndings: words('infinitive-ending'),
    reportativeVerb: words('reportative-verb')[0] ?? '',
    credits: new Set(words('credit')),
  };
}

/** The synthesis word lists of one language. */
export const synthesisLexicon = perLanguage((lang): SynthesisLexicon =>
  Object.freeze({
      connectives: loadResource(lang, 'synthesis-connectives').map(lower).sort((a, b) => b.length - a.length),
      // Shared with story clustering: the same function words say nothing about a claim either.
      stopwords: new Set(loadResource(lang, 'story-stopwords').map(lower)),
      eventWords: loadResource(lang, 'synthesis-event-words').map(lower),
      eventVerbs: loadResource(lang, 'synthesis-event-verbs').map(lower),
      placeCues: new Set(loadResource(lang, 'synthesis-place-cues').map(lower)),
      placePrepositions: new Set(loadResource(lang, 'synthesis-place-prepositions').map(lower)),
      placeParents: [...loadMap(lang, 'synthesis-places')],
      placeBetween: loadResource(lang, 'synthesis-place-between').map(lower),
      placeAliases: [...loadMap(lang, 'synthesis-place-aliases')],
      copulas: new Set(loadResource(lang, 'synthesis-copulas').map(lower)),
      titleAnaphora: new Set(loadResource(lang, 'synthesis-title-anaphora').map(lower)),
      subordinators: new Set(loadResource(lang, 'synthesis-subordinators').map(lower)),
    ...grammar(lang),
  }));

/**
 * One resource file as a set of lower-cased words, per language: resources/<lang>/<name>.txt, one
 * entry a line, loaded on first use and kept.
 */
export function wordSet(name: string): (language: Language) => ReadonlySet<string> {
  return perLanguage((lang): ReadonlySet<string> => new Set(loadResource(lang, name).map(lower)));
}

/** Future auxiliaries of a language, resources/<lang>/synthesis-future.txt (src/synthesis/summary.ts, conflicts.ts). */
export const futureWords = wordSet('synthesis-future');

/** Closed-class words of a language, resources/<lang>/function-words.txt (slots.ts, updates.ts, summary.ts). */
export const functionWords = wordSet('function-words');
