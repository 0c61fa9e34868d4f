/**
 * What a summary sentence reports as having happened, so that one happening told in other words
 * takes one place in the summary (summary.ts): the past verbs of a sentence, and whether two
 * sentences tell the same one.
 */
import { endsWithAny, intersects, isInfinitive, wordIndexAt, type SentenceFeatures } from './features.ts';
import type { SummaryCandidate } from './summary.ts';
import { synthesisLexicon, resourceLanguage, keyedLines, keyedWords, perLanguage } from './resources.ts';
import { sameFigure } from './numbers.ts';
import { quoteCues } from '../analysis/quotes/cues.ts';
import { loadPolimorf } from '../text/polimorf.ts';

/** A sentence and the date before the story it is background of, if any. */
type Dated = Pick<SummaryCandidate, 'representative' | 'background'>;

/** The latest day a sentence's own times name (ISO day), if any. */
export function happeningDay(s: SentenceFeatures): string | undefined {
  return s.times.map((t) => t.value).filter((v) => /^\d{4}-\d{2}-\d{2}/u.test(v)).map((v) => v.slice(0, 10)).sort().at(-1);
}

interface HappeningGrammar {
  readonly auxiliaries: ReadonlySet<string>;
  readonly passives: ReadonlySet<string>;
  readonly impersonalEndings: readonly string[];
  /** Copula phrases of a definition, as words. */
  readonly definitions: readonly (readonly string[])[];
  /** A verb's lemma → the first of the verbs telling one happening in other words. */
  readonly same: ReadonlyMap<string, string>;
}
/** resources/<lang>/synthesis-happenings.txt. */
const happeningGrammar = perLanguage((lang): HappeningGrammar => {
  const lines = keyedLines(lang, 'synthesis-happenings');
  const words = (key: string): string[] => keyedWords(lines, key).map((w) => w.toLowerCase());
  const same = new Map((lines.get('same') ?? []).flatMap((l) => {
    const group = l.toLowerCase().split(/\s+/u);
    return group.map((w) => [w, group[0]!] as const);
  }));
  return { auxiliaries: new Set(words('auxiliary')), passives: new Set(words('passive')), impersonalEndings: words('impersonal-ending'), definitions: (lines.get('definition') ?? []).map((l) => l.toLowerCase().split(/\s+/u)), same };
});

const happeningCache = new WeakMap<SentenceFeatures, ReadonlySet<string>>();

/**
 * What a sentence reports as having happened: the lemmas of its past-tense verbs ("uniewinnił" →
 * "uniewinnić"; a form ending like a past tense whose lemma is an infinitive, the rule of `past`
 * in features.ts), of impersonal pasts ("skazano") and of participles after a past passive
 * auxiliary ("została skazana"); never an auxiliary or a reporting verb ("poinformował" says who
 * told it, not what happened).
 */
export function pastHappenings(s: SentenceFeatures): ReadonlySet<string> {
  let found = happeningCache.get(s);
  if (found) return found;
  const lexicon = synthesisLexicon(s.language);
  const { auxiliaries, passives, impersonalEndings, same } = happeningGrammar(s.language);
  const reporting = quoteCues(resourceLanguage(s.language));
  const verbLemma = (i: number): string | undefined => {
    const lemma = s.lemmas[i];
    return lemma !== undefined && lemma !== s.words[i] && isInfinitive(lemma, lexicon) ? lemma : undefined;
  };
  const set = new Set<string>();
  s.words.forEach((w, i) => {
    const lemma = verbLemma(i);
    if (lemma === undefined || reporting.verb(w) !== undefined) return;
    const pastForm = endsWithAny(w, lexicon.pastEndings);
    if (auxiliaries.has(lemma)) {
      // "została skazana": the participle right after (or one word on) is what happened.
      const participle = pastForm && passives.has(lemma) ? [i + 1, i + 2].map(verbLemma).find((l) => l !== undefined && !auxiliaries.has(l)) : undefined;
      if (participle) set.add(same.get(participle) ?? participle);
      return;
    }
    if (pastForm || endsWithAny(w, impersonalEndings)) set.add(same.get(lemma) ?? lemma);
  });
  found = set;
  happeningCache.set(s, found);
  return found;
}

/**
 * Two sentences tell one happening when they report the same past verb about a participant both
 * name ("Sąd Najwyższy uniewinnił Asię Bibi" / "Po tym jak … uniewinnił pakistański Sąd
 * Najwyższy …"), unless their figures or days differ ("odwołał 600 lotów" / "odwołał kolejne 30");
 * so do two definitions of one name.
 */
export function sameHappening(a: Dated, b: Dated): boolean {
  const x = a.representative;
  const y = b.representative;
  // Two definitions of one name say what it is twice ("Nord Stream 2 to projekt gazociągu…").
  const defined = definedName(x);
  if (defined !== undefined && defined === definedName(y)) return true;
  if (!intersects(pastHappenings(x), pastHappenings(y)) || !intersects(x.entityKeys, y.entityKeys)) return false;
  if (differentFigures(x, y)) return false;
  // An undated wording may tell a happening another dates ("W środę 31 października Sąd … uniewinnił").
  const dx = a.background ?? happeningDay(x);
  const dy = b.background ?? happeningDay(y);
  return dx === undefined || dy === undefined || dx.startsWith(dy) || dy.startsWith(dx);
}

/** The two count one thing (a unit both use) differently: "600 lotów" / "kolejne 30 lotów". */
function differentFigures(a: SentenceFeatures, b: SentenceFeatures): boolean {
  return a.figures.some((x) => x.unit !== '' && b.figures.some((y) => y.unit === x.unit) && !b.figures.some((y) => y.unit === x.unit && sameFigure(x, y)));
}

/**
 * A definition ("Nord Stream 2 to projekt gazociągu…", "Wostocznyj to kosmodrom…"): the sentence
 * opens with a name (a mention within its first two words), then a definition copula. It tells
 * what something is, not what happened: background to the news. "Kim jest już w Rosji" is no
 * definition: "jest" is not a definition copula (resources/pl/synthesis-happenings.txt). The name's key.
 */
const definedCache = new WeakMap<SentenceFeatures, { readonly key: string | undefined }>();

export function definedName(s: SentenceFeatures): string | undefined {
  let found = definedCache.get(s);
  if (!found) {
    found = { key: findDefinedName(s) };
    definedCache.set(s, found);
  }
  return found.key;
}

function findDefinedName(s: SentenceFeatures): string | undefined {
  const { definitions } = happeningGrammar(s.language);
  const copulaAt = (next: number): boolean => next > 0 && definitions.some((d) => d.every((w, i) => s.words[next + i] === w));
  const named = s.mentions.find((m) => {
    const first = wordIndexAt(s, m.start);
    if (first < 0 || first > 1) return false;
    return copulaAt(wordIndexAt(s, m.end));
  })?.key;
  if (named !== undefined) return named;
  // A surname the entity layer left unmarked ("Wylie to były dyrektor…"): a capitalised first word
  // the dictionary knows only as a name, or not at all, before the copula. A common word there
  // ("Teraz to…", "Brexit to…" aside, which the entity layer marks) is no name.
  const first = s.surfaces[0];
  return first !== undefined && s.language !== 'en' && copulaAt(1) && isUnknownName(first) ? s.words[0] : undefined;
}

/** A capitalised word PoliMorf has no common (lower-case lemma) reading of: a name. Polish text only. */
function isUnknownName(word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word) && !loadPolimorf().lookupAnyCase(word).interpretations.some((i) => /^\p{Ll}/u.test(i.lemma));
}
