/**
 * The text layer: sentences, tokens and lemmas for Polish and English. Every later stage
 * (entities, quotes, dates, clustering) reads text through `analyzeText`, so offsets always
 * index the original article text.
 *
 * Steps of analyzeText:
 *   1. split into paragraphs and sentences (sentences.ts);
 *   2. tokenise each sentence with article offsets (tokens.ts);
 *   3. lemmatise word tokens with the language's lemmatiser (lemma-pl.ts / lemma-en.ts).
 *
 * Lemma case: common words are lower-case; names keep their capital ("Kreml", "Władywostok"), and
 * so does any capitalised word inside a sentence ("Komisji" → "Komisja"); the first word of a
 * sentence is folded unless it is a name. Fold lemmas when names and common words should meet.
 */
import type { Language, Span } from '../types.ts';
import { createEnglishLemmatizer } from './lemma-en.ts';
import type { HunspellData } from './hunspell.ts';
import { createPolishLemmatizer, loadPolishDictionary } from './lemma-pl.ts';
import type { Lemmatizer } from './lemmatizer.ts';
import { splitSentences, type SentenceSpan } from './sentences.ts';
import { tokenize, type Token } from './tokens.ts';

export type { Lemmatizer, LemmaContext } from './lemmatizer.ts';
export type { Token, TokenKind } from './tokens.ts';
export type { SentenceSpan } from './sentences.ts';
export { splitSentences } from './sentences.ts';
export { tokenize } from './tokens.ts';
export type { AffixRule, HunspellAnalysis, HunspellData } from './hunspell.ts';
export { analyzeSuffixes, analyzeWord } from './hunspell.ts';

export interface Sentence extends Span {
  readonly index: number;
  readonly paragraph: number;
  readonly text: string;
  readonly tokens: readonly Token[];
}

const lemmatizers = new Map<Language, Lemmatizer>();
let polish: HunspellData | undefined;

/**
 * dictionary-pl parsed once per process and shared by the Polish lemmatiser and by stages that
 * read the dictionary directly (entities ask for a stem's flags, i.e. its paradigm).
 * @example polishDictionary().stems.get('Putin') // → 'NoOsT'
 */
export function polishDictionary(): HunspellData {
  polish ??= loadPolishDictionary();
  return polish;
}
const SOFT_HYPHEN_CHAR = '\u00AD';
const SOFT_HYPHEN = /\u00AD/g;

/**
 * The language's lemmatiser, built once per process ('und' gets the Polish one: Polish is the
 * primary language and its fallback keeps unknown words as written).
 * @example getLemmatizer('pl').lemma('Władywostoku') // → 'Władywostok'
 */
export function getLemmatizer(language: Language): Lemmatizer {
  const key: Language = language === 'en' ? 'en' : 'pl';
  let l = lemmatizers.get(key);
  if (!l) {
    l = key === 'en' ? createEnglishLemmatizer() : createPolishLemmatizer(polishDictionary());
    lemmatizers.set(key, l);
  }
  return l;
}

/**
 * Sentences with tokens and lemmas; offsets index `text`. `known` may give a sentence's tokens
 * from an earlier analysis of the same sentence text (tokens and lemmas depend on nothing
 * else), e.g. the text's sentences inside "title\n\ntext" (src/app/analyse.ts).
 * @example analyzeText('Kreml przekazał broń.', 'pl')[0].tokens[1].lemma // → 'przekazać'
 */
export function analyzeText(text: string, language: Language, known?: (span: SentenceSpan) => readonly Token[] | undefined): Sentence[] {
  const lemmatizer = getLemmatizer(language);
  return splitSentences(text, language).map((span, index) => {
    const sentenceText = text.slice(span.start, span.end);
    const reused = known?.(span);
    if (reused) return { start: span.start, end: span.end, index, paragraph: span.paragraph, text: sentenceText, tokens: reused };
    let first = true;
    const tokens = tokenize(sentenceText, span.start);
    for (const t of tokens) {
      if (t.kind !== 'word') continue;
      // The first *word* is sentence-initial even after an opening quote or a speech dash.
      // Soft hyphens are invisible layout hints; the dictionary knows the word without them.
      const word = t.text.includes(SOFT_HYPHEN_CHAR) ? t.text.replace(SOFT_HYPHEN, '') : t.text;
      // The token is this call's own (tokenize made it): its lemma is set in place, not copied.
      (t as { lemma: string }).lemma = lemmatizer.lemma(word, { sentenceInitial: first });
      first = false;
    }
    return { start: span.start, end: span.end, index, paragraph: span.paragraph, text: sentenceText, tokens };
  });
}
