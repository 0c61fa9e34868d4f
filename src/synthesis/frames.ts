/**
 * Who did what: a small predicate–argument frame of a sentence (or a clause, clauses.ts), read from
 * what the analysis gives — lemmas and names with their base forms. Two reports of one fact often
 * share few words ("Sąd Najwyższy uniewinnił Asię Bibi" / "Asia Bibi została uniewinniona przez
 * Sąd Najwyższy" share the act and who it concerns, not the wording around them), and two reports
 * of different facts often share many (the same people, the same vote): the pairing of an act with
 * its actor or its object is what tells them apart.
 *
 * - Predicates: verbs and verbal nouns, by their lemma (the lemmatiser gives a verbal noun its
 *   verb's lemma: "podpisanie" → "podpisać"), keyed by derivation like citation support (claims.ts
 *   `derivationKey`), so "odwołanie lotów" and "odwołała loty" share it. Light verbs (auxiliaries,
 *   modals, reporting verbs) are no predicate: resources/<lang>/synthesis-frames.txt.
 * - Arguments: names not after a preposition — in their base form as written (nominative) the
 *   agent, otherwise the theme (accusative or genitive object: "uniewinnił Asię Bibi") — and
 *   content nouns not after a preposition, the agent before the predicate and the theme after it.
 * - A frame is the set of (role, predicate, argument) links of its first predicate, the one its
 *   clause is about: later predicates of a long sentence belong to its side clauses, which
 *   clauses.ts weighs as units of their own.
 * A language whose lemmas do not mark verbs (no infinitive ending in synthesis-grammar.txt) has no
 * frames.
 */
import { isInfinitive, stemOf, type SentenceFeatures } from './features.ts';
import { keyedLines, keyedWords, perLanguage, synthesisLexicon } from './resources.ts';
import { loadPolimorf, parseTag } from '../text/polimorf.ts';

export interface Frame {
  /** The predicate's derivation key, when the sentence has one. */
  readonly predicate?: string;
  /** "A|<predicate>|<argument>" and "T|<predicate>|<argument>": who did it, and to what. */
  readonly links: readonly string[];
}

interface FrameGrammar {
  readonly light: ReadonlySet<string>;
  readonly prepositions: ReadonlySet<string>;
}

const frameGrammar = perLanguage((lang): FrameGrammar => {
  const lines = keyedLines(lang, 'synthesis-frames');
  const words = (key: string): Set<string> => new Set(keyedWords(lines, key).map((w) => w.toLowerCase()));
  return { light: words('light'), prepositions: words('preposition') };
});

const NO_FRAME: Frame = { links: [] };
const frameCache = new WeakMap<SentenceFeatures, Frame>();

/**
 * The frame of a sentence or clause. `key` gives a content lemma's derivation key (claims.ts
 * `derivationKey`: the same key citation support compares words by).
 */
export function frameOf(s: SentenceFeatures, key: (lemma: string) => string): Frame {
  const cached = frameCache.get(s);
  if (cached) return cached;
  const frame = readFrame(s, key);
  frameCache.set(s, frame);
  return frame;
}

/** What PoliMorf says a word form may be, as far as frames ask. */
interface WordClass {
  /** A finite verb, an infinitive or an impersonal "-no/-to" form: a clause's predicate. */
  readonly verb: boolean;
  /** A passive participle: the predicate after an auxiliary ("została skazana"). */
  readonly passive: boolean;
  /** A verbal noun ("podpisanie"). */
  readonly verbalNoun: boolean;
  /** A noun, and the cases it may be in. */
  readonly noun: boolean;
  readonly nominative: boolean;
  readonly object: boolean;
}

const VERB_FORMS = new Set(['fin', 'praet', 'inf', 'imps', 'bedzie', 'impt', 'pot', 'winien']);
const classes = new Map<string, WordClass>();
const MAX_CLASSES = 200_000;

function classOf(surface: string): WordClass {
  let c = classes.get(surface);
  if (c) return c;
  let verb = false, passive = false, verbalNoun = false, noun = false, nominative = false, object = false;
  for (const r of loadPolimorf().lookupAnyCase(surface).interpretations) {
    const t = parseTag(r.tag);
    if (VERB_FORMS.has(t.verbForm ?? t.pos)) verb = true;
    else if (t.pos === 'ppas') passive = true;
    else if (t.pos === 'ger') verbalNoun = true;
    else if (t.pos === 'subst') {
      noun = true;
      if (t.cases.includes('nom')) nominative = true;
      if (t.cases.includes('acc') || t.cases.includes('gen')) object = true;
    }
  }
  c = { verb, passive, verbalNoun, noun, nominative, object };
  if (classes.size > MAX_CLASSES) classes.clear();
  classes.set(surface, c);
  return c;
}

function readFrame(s: SentenceFeatures, key: (lemma: string) => string): Frame {
  const lexicon = synthesisLexicon(s.language);
  if (lexicon.infinitiveEndings.length === 0 || s.language !== 'pl') return NO_FRAME;
  const grammar = frameGrammar(s.language);
  const isContent = (i: number): boolean => s.terms.has(stemOf(s.lemmas[i]!));
  const candidate = (i: number): boolean => isContent(i) && !grammar.light.has(s.lemmas[i]!) && isInfinitive(s.lemmas[i]!, lexicon);
  let at = -1;
  for (let i = 0; i < s.lemmas.length && at < 0; i++) {
    if (!candidate(i)) continue;
    const c = classOf(s.surfaces[i]!);
    if (c.verb || (c.passive && i > 0 && grammar.light.has(s.lemmas[i - 1]!))) at = i;
  }
  for (let i = 0; i < s.lemmas.length && at < 0; i++) if (candidate(i) && classOf(s.surfaces[i]!).verbalNoun) at = i;
  if (at < 0) return NO_FRAME;
  const predicate = key(s.lemmas[at]!);
  const links = new Set<string>();
  const afterPreposition = (i: number): boolean => i > 0 && grammar.prepositions.has(s.words[i - 1]!);
  // Words inside a name are the name's (its key is the argument), and a time is no argument.
  const named = new Uint8Array(s.words.length);
  let w = 0;
  for (const m of s.mentions) {
    while (w < s.wordStarts.length && s.wordStarts[w]! < m.start) w++;
    const first = w;
    for (let i = first; i < s.wordStarts.length && s.wordStarts[i]! < m.end; i++) named[i] = 1;
    if (first >= s.words.length || afterPreposition(first)) continue;
    const nominative = m.text.toLowerCase() === m.base.toLowerCase();
    links.add(`${nominative ? 'A' : 'T'}|${predicate}|e:${m.key}`);
  }
  for (const t of s.times) {
    for (let i = 0; i < s.wordStarts.length; i++) if (s.wordStarts[i]! >= t.start && s.wordStarts[i]! < t.end) named[i] = 1;
  }
  for (let i = 0; i < s.lemmas.length; i++) {
    if (i === at || named[i] || !isContent(i) || afterPreposition(i)) continue;
    const c = classOf(s.surfaces[i]!);
    if (!c.noun || c.verb) continue;
    const noun = key(s.lemmas[i]!);
    if (noun === predicate) continue;
    // A form that may only be nominative names who acts; one that may only be an object, what is
    // acted on; where the form cannot tell ("strajk", "umowy"), the side of the predicate does.
    const agent = c.nominative && (!c.object || i < at);
    if (agent || c.object) links.add(`${agent ? 'A' : 'T'}|${predicate}|${noun}`);
  }
  return { predicate, links: [...links] };
}
