/**
 * Pending states a later report ends (eval/data/synthesis/GUIDELINE.md "Plans that came true"): a
 * sentence that gives a state as still pending or unknown ("Nowe przepisy czekają na zgodę
 * królowej", "Nie wiadomo jeszcze ile lotów zostanie odwołanych", "Tymczasem Mark Zuckerberg
 * milczy") is `superseded` once a later-dated article of the story ends the state. The cues are
 * resources/<lang>/synthesis-pending.txt. The act after a `wait`, `need` or `unknown` cue (the
 * consent, the flights) is ended by a later sentence sharing its first content word and one more
 * that tells it done (a past verb) or gives its figure, neither negated nor hedged; a `silent`
 * party ends its silence when a later sentence names it and reports or confirms what it said. A
 * plan or forecast ("zgodę tę uzyska do końca marca") has no pending cue, so its fulfilment leaves
 * it as it was. Same-day reports are not ordered (the day is all the input says), so they end nothing.
 * No conflict is drawn: the state was true when written and no value of it is contradicted.
 */
import { dayOf } from './claims.ts';
import { keyedLines, keyedWords, perLanguage, functionWords, futureWords, synthesisLexicon } from './resources.ts';
import { endsWithAny, type SentenceFeatures, type StoryFeatures } from './features.ts';

type PendingKind = 'wait' | 'need' | 'unknown' | 'silent';
const KINDS: readonly PendingKind[] = ['wait', 'need', 'unknown', 'silent'];

/** Words that may stand between a cue's lemmas ("czekają bowiem już tylko na"). */
const CUE_GAP = 3;
/** Words after the cue read as the pending act ("zgoda Federalnego Urzędu Żeglugi Morskiej"). */
const ACT_WORDS = 8;
/** Shorter lemmas are mostly pronouns and particles the function-word list may miss. */
const MIN_ACT_LETTERS = 4;
/** Act words a later sentence must share: the act's head and one more (an actor, an object). */
const MIN_SHARED = 2;

interface Cue {
  readonly kind: PendingKind;
  readonly lemmas: readonly string[];
}

const cuesOf = perLanguage((lang): { cues: readonly Cue[]; nounEndings: readonly string[]; possible: ReadonlySet<string> } => {
  const lines = keyedLines(lang, 'synthesis-pending');
  // Longer cues first: "czekać jeszcze na" before "czekać na" so the act starts after the whole cue.
  const cues = KINDS.flatMap((kind) => (lines.get(kind) ?? []).map((l) => ({ kind, lemmas: l.toLowerCase().split(/\s+/u) }))).sort((a, b) => b.lemmas.length - a.lemmas.length);
  return { cues, nounEndings: keyedWords(lines, 'noun-ending'), possible: new Set(keyedWords(lines, 'possible')) };
});

/** A clause break; a spaced hyphen is the dash of many outlets ("na zgodę rządu Włoch - poinformował"). */
const hasBreak = (text: string): boolean => /[,;:.!?()–—"„”]|\s-\s/u.test(text);

/** Text between the words at `a` and `b` (a < b) of a sentence. */
const between = (s: SentenceFeatures, a: number, b: number): string =>
  s.sentence.text.slice(s.wordStarts[a]! - s.sentence.start + s.surfaces[a]!.length, s.wordStarts[b]! - s.sentence.start);

const isAt = (s: SentenceFeatures, i: number, lemma: string): boolean => s.lemmas[i] === lemma || s.words[i] === lemma;

/** The first pending cue of a sentence: its kind, first word and the index after its last word. */
export function pendingCue(s: SentenceFeatures): { kind: PendingKind; start: number; end: number } | undefined {
  const { cues, nounEndings } = cuesOf(s.language);
  const { pastEndings } = synthesisLexicon(s.language);
  for (let i = 0; i < s.words.length; i++) {
    // "Wszyscy czekali na postanowienie": a past wait was no state pending when the article was written.
    if (endsWithAny(s.words[i]!, nounEndings) || (s.words[i] !== s.lemmas[i] && endsWithAny(s.words[i]!, pastEndings))) continue;
    for (const cue of cues) {
      if (!isAt(s, i, cue.lemmas[0]!)) continue;
      let at = i;
      let found = true;
      for (const lemma of cue.lemmas.slice(1)) {
        let next = -1;
        // A comma may stand before "czy" ("nie było jasne, czy"), not elsewhere.
        for (let j = at + 1; j <= Math.min(s.words.length - 1, at + 1 + CUE_GAP); j++) {
          if (isAt(s, j, lemma)) {
            next = j;
            break;
          }
          if (hasBreak(between(s, j - 1, j))) break;
        }
        if (next < 0) {
          found = false;
          break;
        }
        at = next;
      }
      // "będą czekały jedynie na zgodę": a schedule, which the outcome fulfils (GUIDELINE.md).
      if (found && !(i > 0 && futureWords(s.language).has(s.words[i - 1]!))) return { kind: cue.kind, start: i, end: at + 1 };
    }
  }
  return undefined;
}

/** Content lemmas of the act after the cue, in order, up to a clause break. */
function actWords(s: SentenceFeatures, from: number): string[] {
  const words = functionWords(s.language);
  const out: string[] = [];
  for (let j = from; j < Math.min(s.words.length, from + ACT_WORDS); j++) {
    if (j > from && hasBreak(between(s, j - 1, j))) break;
    const l = s.lemmas[j]!;
    if (l.length >= MIN_ACT_LETTERS && !words.has(l) && !words.has(s.words[j]!) && !/\d/u.test(l) && !out.includes(l)) out.push(l);
  }
  return out;
}

/** The silent party: the last person or organisation named before the cue. */
function silentParty(s: SentenceFeatures, cueStart: number): Party | undefined {
  const at = s.wordStarts[cueStart]!;
  const m = s.mentions.filter((x) => (x.type === 'PER' || x.type === 'ORG') && x.end <= at).at(-1);
  return m && { key: m.key, surname: surname(m.base) };
}

interface Party {
  readonly key: string;
  /** The last word of its name: "Mark Zuckerberg" speaks as "Zuckerberg" in another article. */
  readonly surname: string;
}

const surname = (name: string): string => name.toLowerCase().split(/[\s-]+/u).at(-1)!;

/**
 * A publication day strictly after the pending state's. No window: a consent awaited in January may
 * come in March, and a story's articles are one matter.
 */
function laterDay(pending: SentenceFeatures, report: SentenceFeatures): boolean {
  const dp = dayOf(pending.article.published?.value);
  const dr = dayOf(report.article.published?.value);
  return dp !== undefined && dr !== undefined && dr > dp;
}

/**
 * The later report ends the pending act: a sentence tells the act's head done or counted, neither
 * negated nor hedged, and its article names another act word (the queen whose consent was awaited:
 * "Jej Królewska Mość dała swoją królewską zgodę" beside "królowa Elżbieta II udzieliła").
 */
function endsAct(act: readonly string[], r: SentenceFeatures, articleLemmas: ReadonlySet<string>): boolean {
  if (act.length < MIN_SHARED || r.negated || r.epistemic === 'hedged' || r.epistemic === 'denied') return false;
  if (!r.past && r.figures.length === 0) return false;
  // "będą nabywać", "ma uzyskać": what will be ends nothing yet.
  if (!r.lemmas.includes(act[0]!) || r.words.some((w) => futureWords(r.language).has(w))) return false;
  const { possible } = cuesOf(r.language);
  if (r.lemmas.some((l) => possible.has(l))) return false;
  return act.filter((l) => articleLemmas.has(l)).length >= MIN_SHARED;
}

/**
 * Whether the text at `at` stands in the sentence's main clause, where a reporting verb's subject
 * stands ("– zaczyna Zuckerberg i przypomina, że"): outside a quote, and not after a subordinator
 * ("ostrzegają …, jeśli Ryanair nie zgodzi się") unless a quote's close or a dash ends that clause.
 */
function inMainClause(r: SentenceFeatures, at: number): boolean {
  if (r.quotes.some((q) => q.start <= at && at < q.end)) return false;
  const subordinators = synthesisLexicon(r.language).subordinators;
  let last = -1;
  for (let j = 0; j < r.words.length && r.wordStarts[j]! < at; j++) if (subordinators.has(r.words[j]!)) last = j;
  return last < 0 || /[–—”"]/u.test(r.article.text.slice(r.wordStarts[last]!, at));
}

/**
 * The later report ends a silence when the party speaks in it: a quote of its, whatever it says
 * (else `reportedSpeaking`); naming it is not enough ("jeśli Ryanair nie zgodzi się" in a union's words).
 */
function speaks(party: Party, r: SentenceFeatures): boolean {
  return r.quotes.some((q) => q.speaker !== undefined && (q.speaker.key === party.key || surname(q.speaker.name) === party.surname));
}

/** Told as speaking with no quote found: an attributed or confirmed sentence naming the party in its main clause. */
function reportedSpeaking(party: Party, r: SentenceFeatures): boolean {
  if (r.epistemic !== 'attributed' && r.epistemic !== 'confirmed') return false;
  return r.mentions.some((m) => (m.key === party.key || surname(m.base) === party.surname) && inMainClause(r, m.start));
}

/**
 * Sentences (as `article:start` keys, the form of src/synthesis/status.ts) whose pending state a
 * later article of the story ends.
 */
export function pendingSuperseded(features: StoryFeatures): ReadonlySet<string> {
  const out = new Set<string>();
  const lemmas = new Map<number, ReadonlySet<string>>();
  const lemmasOf = (article: number): ReadonlySet<string> => {
    let set = lemmas.get(article);
    if (!set) lemmas.set(article, (set = new Set(features.byArticle[article]!.flatMap((s) => s.lemmas))));
    return set;
  };
  const cued = features.sentences.map((s) => (s.claimable ? pendingCue(s) : undefined));
  features.sentences.forEach((s, i) => {
    const cue = cued[i];
    if (!cue) return;
    const reports = features.sentences.filter((r, k) => r.claimable && !cued[k] && laterDay(s, r));
    let ended: boolean;
    if (cue.kind === 'silent') {
      const party = silentParty(s, cue.start);
      // A quote the party speaks, the clearest end of a silence; else a report of its words.
      ended = party !== undefined && reports.some((r) => speaks(party, r) || reportedSpeaking(party, r));
    } else {
      const act = actWords(s, cue.end);
      ended = reports.some((r) => endsAct(act, r, lemmasOf(r.articleIndex)));
    }
    if (ended) out.add(`${s.article.id}:${s.sentence.start}`);
  });
  return out;
}
