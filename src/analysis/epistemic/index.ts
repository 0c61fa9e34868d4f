/**
 * Epistemic status per sentence (DESIGN §3, issue 5 item 4): is a statement hedged
 * ("prawdopodobnie", conditional mood, "ma się spotkać"), confirmed ("potwierdził",
 * "w komunikacie"), attributed to a source (it holds a quote or reported speech), or asserted
 * plainly by the article? Cues are data (resources/<lang>/{hedge,confirmation}-cues.txt) and
 * come back with offsets as evidence.
 *
 * Order of precedence: hedge > confirmation > attribution > assertion. Cue words inside a direct
 * quote are the speaker's, not the article's, so they do not hedge or confirm the sentence.
 */
import type { Language, Span } from '../../types.ts';
import { loadResource, type ResourceLanguage } from '../../resources.ts';
import type { Quote } from '../quotes/index.ts';

export type EpistemicStatus = 'hedged' | 'confirmed' | 'attributed' | 'asserted';
export type CueKind = 'hedge' | 'confirm' | 'attribution';

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
  readonly quotes?: readonly Pick<Quote, 'start' | 'end' | 'kind' | 'cue' | 'sentence'>[];
  /** Accepted for a uniform stage signature; speakers already come with the quotes. */
  readonly mentions?: readonly Span[];
}

/**
 * The status of every sentence, with the cues that decided it.
 * @example classifySentences({ text: 'Rozmowy prawdopodobnie odbędą się we Władywostoku.', language: 'pl', sentences: [{ start: 0, end: 50 }] })
 *   // → [{ sentence: 0, status: 'hedged', cues: [{ text: 'prawdopodobnie', kind: 'hedge', … }] }]
 */
export function classifySentences(input: EpistemicInput): SentenceStatus[] {
  const lexicon = cueLexicon(input.language === 'en' ? 'en' : 'pl');
  const quotes = input.quotes ?? [];
  const direct = quotes.filter((q) => q.kind !== 'indirect');
  return input.sentences.map((s, index) => {
    const words = sentenceWords(input.text, s).filter((w) => !direct.some((q) => w.start >= q.start && w.end <= q.end));
    // "Polska nie może negocjować" is a prohibition, not uncertainty: a negated hedge does not count.
    const hedges = matchCues(words, lexicon.hedge, 'hedge').filter((c) => !negated(words, c, lexicon.negations));
    const confirms = matchCues(words, lexicon.confirm, 'confirm').filter((c) => !negated(words, c, lexicon.negations));
    const attributions: StatusCue[] = [];
    for (const q of quotes) {
      const inSentence = q.sentence === index || (q.start < s.end && s.start < q.end);
      if (!inSentence) continue;
      const cue = q.cue && q.cue.start >= s.start && q.cue.end <= s.end ? q.cue : undefined;
      attributions.push(cue ? { ...cue, kind: 'attribution' } : { start: Math.max(q.start, s.start), end: Math.min(q.end, s.end), text: input.text.slice(Math.max(q.start, s.start), Math.min(q.end, s.end)), kind: 'attribution' });
    }
    const status: EpistemicStatus = hedges.length ? 'hedged' : confirms.length ? 'confirmed' : attributions.length ? 'attributed' : 'asserted';
    return { sentence: index, status, cues: [...hedges, ...confirms, ...attributions].sort((a, b) => a.start - b.start) };
  });
}

interface Word extends Span {
  readonly text: string;
  /** The form cues are compared with: the first word lower-cased, others as written. */
  readonly lower: string;
}

/** One cue: its words as tests, e.g. ["ma", infinitive] for "ma ~ć". */
type CuePattern = readonly ((w: string) => boolean)[];

/**
 * Cues indexed by their first word, so each word of a sentence is tried only against cues that
 * can start there (the per-word loop over every cue was the stage's main cost on BSNLP dev).
 */
interface CueIndex {
  readonly byFirstWord: ReadonlyMap<string, readonly CuePattern[]>;
  /** Cues whose first word is a prefix, suffix or wildcard. */
  readonly open: readonly CuePattern[];
}

interface CueLexicon {
  readonly hedge: CueIndex;
  readonly confirm: CueIndex;
  readonly negations: ReadonlySet<string>;
}

const lexicons = new Map<ResourceLanguage, CueLexicon>();

function cueLexicon(language: ResourceLanguage): CueLexicon {
  let lexicon = lexicons.get(language);
  if (!lexicon) {
    lexicon = {
      hedge: indexCues(loadResource(language, 'hedge-cues')),
      confirm: indexCues(loadResource(language, 'confirmation-cues')),
      negations: new Set(loadResource(language, 'negations').map((n) => n.toLowerCase())),
    };
    lexicons.set(language, lexicon);
  }
  return lexicon;
}

function indexCues(entries: readonly string[]): CueIndex {
  const byFirstWord = new Map<string, CuePattern[]>();
  const open: CuePattern[] = [];
  for (const entry of entries) {
    const first = entry.split(/\s+/)[0]!;
    const pattern = compileCue(entry);
    if (/^[~?*]|\*$/u.test(first)) open.push(pattern);
    else byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), pattern]);
  }
  return { byFirstWord, open };
}

/** "stem*" → prefix, "*end" → suffix, "~ć" → any word ending in ć, "?" → any one word, else the exact word. */
function compileCue(entry: string): CuePattern {
  return entry.split(/\s+/).map((part): ((w: string) => boolean) => {
    if (part === '?') return () => true;
    if (part.startsWith('~')) return (w) => w.endsWith(part.slice(1));
    // A suffix needs a stem of at least two letters: "byłby" yes, "słaby" (weak) no.
    if (part.startsWith('*')) return (w) => w.endsWith(part.slice(1)) && w.length >= part.length + 1;
    if (part.endsWith('*')) return (w) => w.startsWith(part.slice(0, -1));
    return (w) => w === part;
  });
}

function matchCues(words: readonly Word[], index: CueIndex, kind: CueKind): StatusCue[] {
  const found: StatusCue[] = [];
  for (let i = 0; i < words.length; i++) {
    const exact = index.byFirstWord.get(words[i]!.lower);
    for (const pattern of exact ? [...exact, ...index.open] : index.open) {
      if (i + pattern.length > words.length) continue;
      if (!pattern.every((test, k) => test(words[i + k]!.lower))) continue;
      const start = words[i]!.start;
      const end = words[i + pattern.length - 1]!.end;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, text: words.slice(i, i + pattern.length).map((w) => w.text).join(' '), kind });
    }
  }
  return found;
}

function negated(words: readonly Word[], cue: Span, negations: ReadonlySet<string>): boolean {
  const i = words.findIndex((w) => w.start === cue.start);
  return i > 0 && negations.has(words[i - 1]!.lower);
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

function sentenceWords(text: string, s: Span): Word[] {
  const out: Word[] = [];
  const slice = text.slice(s.start, s.end);
  let first = true;
  for (const m of slice.matchAll(WORD)) {
    const word = m[0];
    // Only the first word is folded: mid-sentence capitals are names or months ("May"), not cues.
    const lower = first ? word.toLowerCase() : word;
    out.push({ start: s.start + m.index!, end: s.start + m.index! + word.length, text: word, lower });
    first = false;
  }
  return out;
}
