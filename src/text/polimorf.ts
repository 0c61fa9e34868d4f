/**
 * PoliMorf, the Polish morphological dictionary of the morfologik project (BSD licence), read
 * from resources/pl/polimorf/pl.dict with the format reader in morfologik.ts: an inflected form
 * → every (lemma, NKJP tag) it can be. Proper names are listed capitalised ("Warszawy" →
 * "Warszawa", "Kowalskiej" → "Kowalska"), common words lower-case, so lookups say which
 * spelling matched. Tags are parsed in polimorf-tags.ts; name helpers (person nouns, gender,
 * nominative of a phrase) are in polimorf-names.ts.
 *
 * Loading is lazy (the first loadPolimorf() reads and checks the 2.8 MB automaton, ~60 ms):
 * only commands that analyse Polish text pay for it. scripts/update-morfologik-polimorf.sh
 * re-extracts the files from Debian's libmorfologik-stemming-java.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BoundedMemo } from './lemmatizer.ts';
import { MorfologikDictionary, parseDictionaryInfo } from './morfologik.ts';
import { parseTag, splitTag, type ParsedTag } from './polimorf-tags.ts';

export { isPerfectiveFuture, parseTag, splitTag, type ParsedTag } from './polimorf-tags.ts';

/** One reading of a form: the lemma as the dictionary spells it and one NKJP tag ("subst:sg:gen:m1"). */
export interface MorphInterpretation {
  readonly lemma: string;
  readonly tag: string;
}

/** Which spelling of the form the dictionary knew. */
export type SpellingMatch = 'as-written' | 'lower-case' | 'capitalised';

export interface SpellingLookup {
  /** Undefined when no spelling is known. */
  readonly match?: SpellingMatch;
  /** The spelling that was found (the form itself when none was). */
  readonly form: string;
  readonly interpretations: readonly MorphInterpretation[];
}

export interface InflectedForm {
  readonly form: string;
  readonly tag: string;
}

export interface Polimorf {
  /**
   * Every reading of the form exactly as written; each carries one tag (entries that join
   * several tags with "+" or "|" are split).
   * @example loadPolimorf().lookup('Putinem') // → [{ lemma: 'Putin', tag: 'subst:sg:inst:m1' }]
   */
  lookup(form: string): readonly MorphInterpretation[];
  /**
   * The form as written, then lower-cased ("Według" at a sentence start), then capitalised
   * ("WARSZAWY" in a headline, "warszawy" in a URL slug): the first spelling the dictionary knows.
   * @example loadPolimorf().lookupAnyCase('Dolnej') // → { match: 'lower-case', form: 'dolnej', … }
   */
  lookupAnyCase(form: string): SpellingLookup;
  /**
   * Forms of `lemma` whose tag passes `accept` (every form when it is omitted). Found by
   * reading the dictionary entries that share the lemma's beginning (all of it but its last
   * 1–3 characters, at least 3), so suppletive forms ("człowiek" → "ludzie") and forms that
   * change the lemma's start are not found.
   * @example loadPolimorf().inflect('dolny', (t) => t.cases.includes('nom') && t.genders.includes('f'))[0].form // → 'dolna'
   */
  inflect(lemma: string, accept?: (tag: ParsedTag) => boolean): readonly InflectedForm[];
}

const DIRECTORY = new URL('../../resources/pl/polimorf/', import.meta.url);
/** The files shipped in resources/pl/polimorf/. */
export const POLIMORF_FILES = Object.freeze({
  dictionary: fileURLToPath(new URL('pl.dict', DIRECTORY)),
  info: fileURLToPath(new URL('pl.info', DIRECTORY)),
});

/** Shortest lemma beginning inflect() reads entries under; shorter ones cover too much of the dictionary. */
const MIN_INFLECT_PREFIX = 3;
/** How many trailing lemma characters inflect() may give up to find forms ("wielki" → "wielcy" shares "wiel"). */
const MAX_INFLECT_TRIM = 3;

/**
 * Opens a dictionary from explicit files (tests, other morfologik dictionaries); errors are
 * one line naming the file.
 * @example openPolimorf('resources/pl/polimorf/pl.dict', 'resources/pl/polimorf/pl.info')
 */
export function openPolimorf(dictionaryFile: string, infoFile: string): Polimorf {
  // The .info is ISO-8859-2 in Debian's jar; its keys and values are ASCII, so latin1 reads them.
  const info = parseDictionaryInfo(readDictionaryFile(infoFile).toString('latin1'), infoFile);
  const dictionary = new MorfologikDictionary(readDictionaryFile(dictionaryFile), info, dictionaryFile);
  const memo = new BoundedMemo<readonly MorphInterpretation[]>();

  const lookup = (form: string): readonly MorphInterpretation[] => {
    const hit = memo.get(form);
    if (hit) return hit;
    const out: MorphInterpretation[] = [];
    for (const entry of dictionary.lookup(form)) {
      for (const tag of splitTag(entry.tag)) {
        if (!out.some((r) => r.lemma === entry.lemma && r.tag === tag)) out.push(Object.freeze({ lemma: entry.lemma, tag }));
      }
    }
    return memo.set(form, Object.freeze(out));
  };

  const lookupAnyCase = (form: string): SpellingLookup => {
    const spellings: [SpellingMatch, string][] = [['as-written', form]];
    const lower = form.toLocaleLowerCase('pl');
    if (lower !== form) spellings.push(['lower-case', lower]);
    const capital = lower.charAt(0).toLocaleUpperCase('pl') + lower.slice(1);
    if (capital !== form) spellings.push(['capitalised', capital]);
    for (const [match, spelling] of spellings) {
      const interpretations = lookup(spelling);
      if (interpretations.length > 0) return { match, form: spelling, interpretations };
    }
    return { form, interpretations: [] };
  };

  // Forms of a lemma under one prefix length, memoised: a prefix such as "biał" holds thousands
  // of entries of other lemmas, and names repeat across articles.
  const formsMemo = new BoundedMemo<readonly InflectedForm[]>(10_000);
  const formsUnder = (lemma: string, prefix: string): readonly InflectedForm[] => {
    const memoKey = `${prefix}\u0000${lemma}`;
    const hit = formsMemo.get(memoKey);
    if (hit) return hit;
    const out: InflectedForm[] = [];
    for (const { form, tag } of dictionary.formsOf(lemma, prefix)) {
      for (const one of splitTag(tag)) if (!out.some((f) => f.form === form && f.tag === one)) out.push(Object.freeze({ form, tag: one }));
    }
    return formsMemo.set(memoKey, Object.freeze(out));
  };

  const inflect = (lemma: string, accept: (tag: ParsedTag) => boolean = () => true): InflectedForm[] => {
    const chars = [...lemma];
    const shortest = Math.max(Math.min(MIN_INFLECT_PREFIX, chars.length), chars.length - MAX_INFLECT_TRIM);
    // The longest shared beginning first: most paradigms keep all of the lemma but its ending,
    // and a longer prefix reads far fewer entries.
    for (let keep = Math.max(1, chars.length - 1); keep >= shortest; keep--) {
      const accepted = formsUnder(lemma, chars.slice(0, keep).join('')).filter((f) => accept(parseTag(f.tag)));
      if (accepted.length > 0) return accepted;
    }
    return [];
  };

  return { lookup, lookupAnyCase, inflect };
}

function readDictionaryFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(`${file}: cannot read the dictionary file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

let shared: Polimorf | undefined;

/**
 * The bundled PoliMorf, read on first use and shared by the process.
 * @example loadPolimorf().lookup('Warszawy')[0] // → { lemma: 'Warszawa', tag: 'subst:pl:acc:f' }
 */
export function loadPolimorf(): Polimorf {
  shared ??= openPolimorf(POLIMORF_FILES.dictionary, POLIMORF_FILES.info);
  return shared;
}
