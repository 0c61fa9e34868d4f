/**
 * Who did what: a small predicate–argument frame of a sentence, read from what the analysis gives
 * (lemmas, names with their base forms) and PoliMorf's tags of the words (src/text/polimorf.ts).
 * Two reports of one fact often share few words ("Sąd Najwyższy uniewinnił w środę Asię Bibi" /
 * "Asię Bibi uniewinnił pakistański Sąd Najwyższy, co wywołało protesty"), and reports of
 * different facts often share many (the same people, the same vote): the pairing of an act with
 * its actor and its object tells them apart where the words cannot.
 *
 * - Predicate: the first verb (finite, infinitive, impersonal, or a passive participle after an
 *   auxiliary: "została skazana") that is no light verb — auxiliaries, modals, support and
 *   reporting verbs (resources/<lang>/synthesis-frames.txt) — and stands outside a circumstance
 *   clause ("kiedy Wielka Brytania opuści UE, …"); with none, a verbal noun no preposition or noun
 *   governs. Keyed by derivation as citation support keys words (claims.ts `derivationKey`); the
 *   lemmatiser gives a verbal noun its verb's lemma ("podpisanie" → "podpisać").
 * - Arguments, outside circumstance clauses and not after a preposition: names — as written in
 *   their base form (nominative) the agent, otherwise the theme ("uniewinnił Asię Bibi") — and
 *   nouns, by the cases their form may be in, and where the form cannot tell ("strajk", "umowy"),
 *   by their side of the predicate.
 * A language whose lemmas do not mark verbs (no infinitive ending in synthesis-grammar.txt) and
 * any language but Polish (no tagged dictionary) have no frames.
 */
import { intersects, isInfinitive, stemOf, type SentenceFeatures } from './features.ts';
import { keyedLines, keyedWords, perLanguage, synthesisLexicon } from './resources.ts';
import { loadPolimorf, parseTag } from '../text/polimorf.ts';

export interface Frame {
  /** The predicate's derivation key, when the sentence has one. */
  readonly predicate?: string;
  /** "A|<predicate>|<argument>" and "T|<predicate>|<argument>": who did it, and to what. */
  readonly links: readonly string[];
  readonly agents: ReadonlySet<string>;
  readonly themes: ReadonlySet<string>;
}

interface FrameGrammar {
  readonly light: ReadonlySet<string>;
  readonly prepositions: ReadonlySet<string>;
  readonly circumstances: ReadonlySet<string>;
}

const frameGrammar = perLanguage((lang): FrameGrammar => {
  const lines = keyedLines(lang, 'synthesis-frames');
  const words = (key: string): Set<string> => new Set(keyedWords(lines, key).map((w) => w.toLowerCase()));
  return { light: words('light'), prepositions: words('preposition'), circumstances: words('circumstance') };
});

const NO_FRAME: Frame = { links: [], agents: new Set(), themes: new Set() };

/** A content lemma's key (claims.ts `derivationKey`: the key citation support compares words by). */
export type LemmaKey = (lemma: string, language: SentenceFeatures['language']) => string;

const frameCache = new WeakMap<LemmaKey, WeakMap<SentenceFeatures, Frame>>();

/** The frame of a sentence, once per sentence and key. */
export function frameOf(s: SentenceFeatures, key: LemmaKey): Frame {
  let cache = frameCache.get(key);
  if (!cache) frameCache.set(key, (cache = new WeakMap()));
  let frame = cache.get(s);
  if (!frame) {
    frame = readFrame(s, (lemma) => key(lemma, s.language));
    cache.set(s, frame);
  }
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
  // A clause opened by a circumstance word ("kiedy Wielka Brytania opuści UE, …") says when or why,
  // not what happened: its predicates are passed over up to the comma that closes it.
  const circumstantial = new Uint8Array(s.words.length);
  let inside = false;
  let comma = s.article.text.indexOf(',', s.wordStarts[0] ?? 0);
  for (let i = 0; i < s.words.length; i++) {
    if (comma >= 0 && comma < s.wordStarts[i]!) {
      inside = false;
      comma = s.article.text.indexOf(',', s.wordStarts[i]!);
    }
    if (grammar.circumstances.has(s.words[i]!)) inside = true;
    if (inside) circumstantial[i] = 1;
  }
  const candidate = (i: number): boolean => !circumstantial[i] && isContent(i) && !grammar.light.has(s.lemmas[i]!) && isInfinitive(s.lemmas[i]!, lexicon);
  let at = -1;
  for (let i = 0; i < s.lemmas.length && at < 0; i++) {
    if (!candidate(i)) continue;
    const c = classOf(s.surfaces[i]!);
    if (c.verb || (c.passive && i > 0 && grammar.light.has(s.lemmas[i - 1]!))) at = i;
  }
  // With no verb of its own, a sentence names its act by a verbal noun ("Podpisanie umowy w
  // piątek"), but not one governed by a preposition or a noun ("w celu uzyskania statusu").
  const governed = (i: number): boolean => i > 0 && (grammar.prepositions.has(s.words[i - 1]!) || classOf(s.surfaces[i - 1]!).noun);
  for (let i = 0; i < s.lemmas.length && at < 0; i++) if (candidate(i) && classOf(s.surfaces[i]!).verbalNoun && !governed(i)) at = i;
  if (at < 0) return NO_FRAME;
  const predicate = key(s.lemmas[at]!);
  const agents = new Set<string>();
  const themes = new Set<string>();
  // Arguments are the predicate's clause's: a name in a circumstance clause acts there.
  const argument = (i: number, agent: boolean, value: string): void => {
    if (!circumstantial[i]) (agent ? agents : themes).add(value);
  };
  const afterPreposition = (i: number): boolean => i > 0 && grammar.prepositions.has(s.words[i - 1]!);
  // Words inside a name are the name's (its key is the argument), and a time is no argument.
  const named = new Uint8Array(s.words.length);
  let w = 0;
  for (const m of s.mentions) {
    while (w < s.wordStarts.length && s.wordStarts[w]! < m.start) w++;
    const first = w;
    for (let i = first; i < s.wordStarts.length && s.wordStarts[i]! < m.end; i++) named[i] = 1;
    if (first >= s.words.length || afterPreposition(first)) continue;
    argument(first, m.text.toLowerCase() === m.base.toLowerCase(), `e:${m.key}`);
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
    if (agent || c.object) argument(i, agent, noun);
  }
  const links = [...[...agents].map((a) => `A|${predicate}|${a}`), ...[...themes].map((t) => `T|${predicate}|${t}`)];
  return { predicate, links, agents, themes };
}

/**
 * Two sentences joined through `link` (one of both frames' links) state one act of one actor, or
 * on one object. Through a name ("A|~rozważ|e:<Sturgeon>") the frames must not name other agents
 * or other themes where both name one ("Francja zgodziła się na podniesienie składki" and "Francja
 * zgodziłaby się wykreślić zakaz" are two facts of one actor). Through a common noun
 * ("T|~otrzym|~obywat") the link says too little alone — "zwrócić uwagę", "rodzić pytania",
 * "otrzymać obywatelstwo" recur across a story's facts — so both frames must share an agent and a
 * theme: who did what to what (docs/QUALITY.md, "Tenth round: citations").
 */
export function framesAgree(a: Frame, b: Frame, link: string): boolean {
  if (a.predicate !== b.predicate) return false;
  if (!link.includes('|e:')) return intersects(a.agents, b.agents) && intersects(a.themes, b.themes);
  const meet = (x: ReadonlySet<string>, y: ReadonlySet<string>): boolean => x.size === 0 || y.size === 0 || intersects(x, y);
  return meet(a.agents, b.agents) && meet(a.themes, b.themes);
}
