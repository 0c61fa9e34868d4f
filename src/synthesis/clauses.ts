/**
 * Clauses of a sentence as units of citation support. A fact is often told inside another
 * sentence's side clause ("Protesty muzułmanów sprawiły, że rząd Pakistanu zawarł z nimi umowę,
 * która…") or in one clause of a long sentence ("Uchwalona Ustawa … odwołuje akt z 1972 roku, na
 * mocy którego…"): weighed whole, such a sentence carries the other clause's negation, dates,
 * figures and places, and citation completion (claims.ts `completeCitations`) refuses it. A clause
 * is weighed as a sentence of its own with its own words, names, figures, places and negation; it
 * takes the main clause's time when it names none. The sentence stays the cited unit: a clause
 * only decides whether its article states a claim.
 */
import type { Span } from '../types.ts';
import { endsWithAny, isNegated, stemOf, type SentenceFeatures } from './features.ts';
import { keyedLines, keyedWords, perLanguage, synthesisLexicon } from './resources.ts';

/**
 * A clause of fewer words states no fact of its own ("która popiera"): it stays in the sentence. At
 * four, the eighteen labelled stories (eval/data/synthesis) cited "Muszę pozostać przy życiu, aby…"
 * for "pozostawanie w Pakistanie grozi im utratą życia"; five cites the same labelled origins.
 */
const MIN_CLAUSE_WORDS = 5;

interface ClauseGrammar {
  /** Words opening a clause after a comma, semicolon or spaced dash. */
  readonly afterComma: ReadonlySet<string>;
  /** Endings of words opening a clause after a pause (the adverbial participle "-ąc"). */
  readonly afterCommaEndings: readonly string[];
  /** Words opening a clause anywhere. */
  readonly anywhere: ReadonlySet<string>;
  /** Prepositions opening a clause when a verbal noun follows ("po zawarciu umowy"). */
  readonly beforeVerbalNoun: ReadonlySet<string>;
  readonly verbalNounEndings: readonly string[];
}

/** resources/<lang>/synthesis-clauses.txt. */
const clauseGrammar = perLanguage((lang): ClauseGrammar => {
  const lines = keyedLines(lang, 'synthesis-clauses');
  const words = (key: string): string[] => keyedWords(lines, key).map((w) => w.toLowerCase());
  return {
    afterComma: new Set(words('after-comma')),
    afterCommaEndings: words('after-comma-ending'),
    anywhere: new Set(words('anywhere')),
    beforeVerbalNoun: new Set(words('before-verbal-noun')),
    verbalNounEndings: words('verbal-noun-ending'),
  };
});

const PAUSE = /[,;]|\s[-–—]\s/u;

/** Indices of the words that open a clause after the first (`clauseGrammar`). */
export function clauseStarts(s: Pick<SentenceFeatures, 'words' | 'wordStarts' | 'surfaces' | 'language' | 'article' | 'mentions' | 'times' | 'placeLists'>): number[] {
  const grammar = clauseGrammar(s.language);
  const { contrasts } = synthesisLexicon(s.language);
  const text = s.article.text;
  const out: number[] = [];
  const within = (at: number, spans: readonly Span[]): boolean => spans.some((x) => x.start < at && at < x.end);
  for (let i = 1; i < s.words.length; i++) {
    const w = s.words[i]!;
    const at = s.wordStarts[i]!;
    const after = s.wordStarts[i - 1]! + s.surfaces[i - 1]!.length;
    // Most words follow a single space: only the words that open a clause anywhere are asked about.
    const plain = at - after === 1 && text.charCodeAt(after) === 32;
    const gap = plain ? ' ' : text.slice(after, at);
    const opens =
      gap.includes(';') ||
      ((grammar.afterComma.has(w) || endsWithAny(w, grammar.afterCommaEndings)) && PAUSE.test(gap)) ||
      grammar.anywhere.has(w) ||
      (grammar.beforeVerbalNoun.has(w) && endsWithAny(s.words[i + 1] ?? '', grammar.verbalNounEndings));
    if (!opens) continue;
    // One phrase: a list of places, a name or a date ("Sztokholmu, Brukseli oraz Berlina"), or a contrast ("a nie").
    if (within(at, s.placeLists) || within(at, s.mentions) || within(at, s.times) || contrasts.has(`${w} ${s.words[i + 1] ?? ''}`)) continue;
    out.push(i);
  }
  return out;
}

const clauseCache = new WeakMap<SentenceFeatures, readonly SentenceFeatures[]>();

/**
 * The sentence's clauses of MIN_CLAUSE_WORDS words or more, each as a sentence of its own
 * (`clauseFeatures`); none when the sentence is one clause.
 */
export function clausesOf(s: SentenceFeatures): readonly SentenceFeatures[] {
  let clauses = clauseCache.get(s);
  if (clauses) return clauses;
  const starts = clauseStarts(s);
  const bounds = [0, ...starts, s.words.length];
  const out: SentenceFeatures[] = [];
  if (starts.length > 0) {
    let main: SentenceFeatures | undefined;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const from = bounds[k]!;
      const to = bounds[k + 1]!;
      if (to - from < MIN_CLAUSE_WORDS) continue;
      const clause = clauseFeatures(s, from, to, k === 0 ? undefined : main);
      if (k === 0) main = clause;
      out.push(clause);
    }
  }
  clauses = out;
  clauseCache.set(s, clauses);
  return clauses;
}

/** Words `from`…`to` of a sentence as a sentence: the terms, names, figures, places and negation inside them. */
function clauseFeatures(s: SentenceFeatures, from: number, to: number, main: SentenceFeatures | undefined): SentenceFeatures {
  const start = s.wordStarts[from]!;
  const end = s.wordStarts[to - 1]! + s.surfaces[to - 1]!.length;
  const within = (x: Span): boolean => x.start >= start && x.end <= end;
  const mentions = s.mentions.filter(within);
  const own = s.times.filter(within);
  const words = s.words.slice(from, to);
  const terms = new Set<string>();
  for (let i = from; i < to; i++) {
    const stem = stemOf(s.lemmas[i]!);
    if (!s.terms.has(stem)) continue;
    // Words of a name or a date are the name's key or the date's (features.ts `sentenceTerms`).
    const at = s.wordStarts[i]!;
    if (s.mentions.some((m) => m.start <= at && at < m.end) || s.times.some((t) => t.start <= at && at < t.end)) continue;
    terms.add(stem);
  }
  const entityKeys = new Set(mentions.map((m) => m.key));
  for (const key of entityKeys) terms.add(`e:${key}`);
  return {
    ...s,
    sentence: { ...s.sentence, start, end, text: s.article.text.slice(start, end) },
    terms,
    entityKeys,
    mentions,
    // A side clause with no time of its own happens when its main clause does ("…, że rząd zawarł umowę").
    times: own.length > 0 || !main ? own : main.times,
    quotes: s.quotes.filter(within),
    words,
    lemmas: s.lemmas.slice(from, to),
    wordStarts: s.wordStarts.slice(from, to),
    surfaces: s.surfaces.slice(from, to),
    figures: s.figures.filter(within),
    placeLists: s.placeLists.filter(within),
    // A side clause under a negated main clause is not asserted either ("nie potwierdził, że…").
    negated: isNegated(words, synthesisLexicon(s.language)) || (main?.negated ?? false),
  };
}
