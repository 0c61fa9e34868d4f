/**
 * Sentences → the two indexed columns, and highlight offsets for a hit. Index and query must
 * tokenise, fold and lemmatise identically, so both sides go through this module and query.ts.
 */
import { loadList } from '../resources.ts';
import { analyzeText, getLemmatizer, tokenize, type Sentence } from '../text/index.ts';
import type { Language, Span } from '../types.ts';
import { foldText, foldWord } from './fold.ts';
import type { QueryClause } from './query.ts';
import type { SearchDocument } from './types.ts';

export interface IndexedSentence extends Span {
  readonly index: number;
  readonly text: string;
  /** Folded words, space-separated. */
  readonly surface: string;
  /** Folded lemmas, space-separated, in word order (so lemma phrases match). */
  readonly lemmas: string;
}

function isSearchable(kind: string): boolean {
  return kind === 'word' || kind === 'number';
}

/**
 * The sentences of an article text as index rows, lemmatised by the shared text layer.
 * @example indexSentences('Jechał pociągiem.', 'pl')[0].lemmas // → 'jechac pociag'
 */
export function indexSentences(text: string, language: Language): IndexedSentence[] {
  return analyzeText(text, language).map(indexSentence);
}

/**
 * What the index stage hands the search concern for one article: its analysed sentences (stored
 * analyses carry them, src/analysis/stored.ts) as folded words and folded lemmas.
 * @example searchDocument(analysis.article.id, analysis.sentences).sentences[0].lemmas // → 'jechac pociag'
 */
export function searchDocument(articleId: string, sentences: readonly Sentence[]): SearchDocument {
  return {
    articleId,
    sentences: sentences.map((s) => {
      const { text: _text, ...row } = indexSentence(s);
      return row;
    }),
  };
}

function indexSentence(sentence: Sentence): IndexedSentence {
  const words = sentence.tokens.filter((t) => isSearchable(t.kind));
  return {
    index: sentence.index, start: sentence.start, end: sentence.end, text: sentence.text,
    surface: words.map((t) => foldWord(t.text)).join(' '),
    lemmas: words.map((t) => foldWord(t.lemma)).join(' '),
  };
}

/**
 * Spellings a query word typed without accents may stand for are tried against the dictionary
 * one by one; a long word with many foldable letters has too many, so beyond this many the word
 * keeps only its surface match. 4096 covers twelve two-way letters ("przedsiebiorstwo" has 192).
 */
const MAX_ACCENT_SPELLINGS = 4096;

let accentLetters: Map<string, string[]> | undefined;

/** plain letter → itself and its accented letters, both cases (resources/pl/accent-letters.txt). */
function accentChoices(): Map<string, string[]> {
  if (accentLetters) return accentLetters;
  accentLetters = new Map();
  for (const line of loadList('pl', 'accent-letters')) {
    const [plain, ...accented] = line.split(/\s+/);
    accentLetters.set(plain!, [plain!, ...accented]);
    accentLetters.set(plain!.toUpperCase(), [plain!.toUpperCase(), ...accented.map((a) => a.toUpperCase())]);
  }
  return accentLetters;
}

/**
 * The accented spellings of a word typed without accents ("gazociagow" → …, "gazociągów", …),
 * the word itself first; empty when there are too many to try.
 */
function accentSpellings(word: string): string[] {
  const choices = accentChoices();
  let spellings = [''];
  for (const c of word) {
    const options = choices.get(c) ?? [c];
    if (spellings.length * options.length > MAX_ACCENT_SPELLINGS) return [];
    spellings = spellings.flatMap((s) => options.map((o) => s + o));
  }
  return spellings;
}

/**
 * Lemmas of a Polish word typed without its accents: the text's words are indexed by the lemma
 * of their accented form ("gazociągów" → "gazociąg"), which the dictionary finds only from the
 * accented spelling, so each restored spelling the dictionary knows lends its lemmas. Only for
 * accent-free words the dictionary does not know as typed, so a word spelled correctly ("laski",
 * "strajk") keeps exactly its own lemmas.
 */
function restoredLemmas(word: string): string[] {
  const lemmatizer = getLemmatizer('pl');
  if (foldText(word) !== word.toLowerCase() || lemmatizer.knows(word)) return [];
  const out: string[] = [];
  for (const spelling of accentSpellings(word)) {
    if (spelling === word || !lemmatizer.knows(spelling)) continue;
    out.push(lemmatizer.lemma(spelling), ...lemmatizer.candidates(spelling));
  }
  return out;
}

/**
 * Lemma candidates of a query word in every language we index (the query's language is not
 * known, and an unknown word comes back as itself), best lemma first. A Polish word typed
 * without accents also gets the lemmas of its accented spellings, first.
 * @example queryLemmas('pociągiem') // → ['pociąg', …]
 * @example queryLemmas('gazociagow') // → ['gazociąg', …]
 */
export function queryLemmas(word: string): string[] {
  const out = new Set<string>(restoredLemmas(word));
  for (const language of ['pl', 'en'] as const) {
    const lemmatizer = getLemmatizer(language);
    out.add(lemmatizer.lemma(word));
    for (const candidate of lemmatizer.candidates(word)) out.add(candidate);
  }
  return [...out];
}

/** The folded forms a query word matches: itself and its lemma candidates; prefixes match as typed. */
export interface HighlightTerms {
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
}

export function highlightTerms(clauses: readonly QueryClause[], lemmaCandidates: (word: string) => readonly string[]): HighlightTerms {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const clause of clauses) {
    clause.words.forEach((word, i) => {
      // FTS splits hyphenated and apostrophe words into parts; highlight the same parts.
      const parts = foldText(word).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (clause.prefix && i === clause.words.length - 1) {
        prefixes.push(...parts.slice(-1));
        parts.slice(0, -1).forEach((p) => exact.add(p));
        return;
      }
      parts.forEach((p) => exact.add(p));
      for (const lemma of lemmaCandidates(word)) exact.add(foldText(lemma));
    });
  }
  return { exact, prefixes };
}

/**
 * Offsets (into `sentence`) of the words a query matched, by surface form or lemma.
 * @example highlightSpans('Jechał pociągiem.', 'pl', terms) // → [{start:7,end:16}]
 */
export function highlightSpans(sentence: string, language: Language, terms: HighlightTerms): Span[] {
  const lemmatizer = getLemmatizer(language);
  const spans: Span[] = [];
  for (const token of tokenize(sentence)) {
    if (!isSearchable(token.kind)) continue;
    const folded = foldText(token.text);
    const lemma = token.kind === 'word' ? foldText(lemmatizer.lemma(token.text)) : folded;
    const parts = folded.split(/[^\p{L}\p{N}]+/u);
    const hit = terms.exact.has(folded) || terms.exact.has(lemma) || parts.some((p) => terms.exact.has(p))
      || terms.prefixes.some((p) => folded.startsWith(p) || lemma.startsWith(p) || parts.some((x) => x.startsWith(p)));
    if (hit) spans.push({ start: token.start, end: token.end });
  }
  return spans;
}
