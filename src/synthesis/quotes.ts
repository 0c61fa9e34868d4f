/**
 * The story's quotes for a reader: every quote of every article, each speaker named once for the
 * whole story, duplicates folded, the best first.
 *
 * Naming: a speaker with an entity key takes the story's name for that entity (`entityNames`: the
 * full name, "Jake Sullivan" rather than the last mention's "Sullivan"); a described speaker whose
 * role is held by one person named elsewhere in the story ("sędzia" → the judge named in another
 * article as "Sędzia Saqib Nisar") takes that person's name.
 * One statement told under several speakers by several outlets is the speaker's most of them name
 * (src/synthesis/quote-vote.ts), so it folds into one quote citing them all.
 * Ranking: direct before mixed before indirect words; named people and organisations before
 * descriptions, and those before unattributed text; agencies and outlets that relay words rank
 * below the people who said them; a speaker named in more of the story's articles, and a quote
 * repeated by more articles, and one naming the story's topics (entities most of its articles
 * name), rank higher; fragments rank low. Up to MAX_PER_SPEAKER (three) of one
 * speaker among the first SHOWN_QUOTES, so the reader hears several voices (one more for a main
 * party that a third of the story's articles quote); past that, a speaker's words weigh as reported
 * ones (PAST_CAP). The shown ones are read in turns: no three of one speaker in a row while another
 * voice waits.
 */
import type { EntityType } from '../types.ts';
import type { InputMention, InputQuote, SynthesisArticle } from './input.ts';
import type { Citation, ReportQuote } from './types.ts';
import { SHOWN_QUOTES } from './view.ts';
import { intersects } from './features.ts';
import { electSpeakers } from './quote-vote.ts';
import { loadResource } from '../resources.ts';
import { quoteCues } from '../analysis/quotes/cues.ts';
import { GIVEN_NAME } from '../analysis/quotes/speaker.ts';

/** A glued given name is checked against the Polish dictionary, which knows no English given name as a common word either. */
const commonWord = (word: string): boolean => quoteCues('pl').commonWord(word);

/** Quotes sharing at least this Jaccard overlap of word stems are one quote told by several outlets. */
const SAME_QUOTE = 0.6;
/**
 * Quotes of one speaker among the SHOWN_QUOTES first at full weight; further ones weigh PAST_CAP
 * less (pickShown). Set as a hard cap on the tuning stories (2026-12-06): 3 →
 * 2 raised the labelled key quotes shown from 0.73 to 0.77; each speaker's best first (1, then 2)
 * fell back to 0.73. On the 24 labelled stories of the eighth round (2026-12-07) 2 → 3 raised them
 * from 0.857 to 0.890 (the six blind until then 0.613 → 0.645), a gain in each of the four topics:
 * once quotes had the right speakers, the story's main voices were the ones held out; 4 gave 0.879.
 */
const MAX_PER_SPEAKER = 3;
/**
 * A main party of the story — a speaker whose words at least this share of the story's articles
 * quote (and MAIN_PARTY_ARTICLES at least: the company in a strike, the government in a dispute) —
 * may have one quote more among the shown: readers want its position in full, and its third quote
 * costs no minor voice a slot as often as a many-voiced story's second quotes would. One third,
 * set on the tuning stories (2026-12-06): 0.25–0.5 gave the same figures, 0.2 lost a labelled quote.
 */
const MAIN_PARTY_SHARE = 1 / 3;
const MAIN_PARTY_ARTICLES = 3;
const STEM = 5;

// Plain toLowerCase: Polish has no locale-specific casing (unlike Turkish), and the locale form is ~10× slower.
const lower = (s: string): string => s.toLowerCase();

interface EntityInfo {
  readonly name: string;
  readonly type: EntityType;
  readonly articles: number;
  /** Mentions over the story's articles. */
  readonly mentions: number;
}

/**
 * The story's name for each entity key: the most frequent base form, a person's full name (two
 * words or more) before a lone surname. One name for the entity list and every quote. Of two forms
 * as frequent, the one the text writes as it is (a nominative, "Aleksandr Miedwiediew") stands
 * before one only the lemmatiser made of an inflected mention ("Aleksandra Miedwiediewa" →
 * "Aleksander Miedwiediew", where the nominative could be either).
 */
export function entityNames(articles: readonly SynthesisArticle[]): Map<string, EntityInfo> {
  const byKey = new Map<string, { names: Map<string, number>; written: Map<string, number>; types: Map<string, number>; articles: Set<string> }>();
  for (const a of articles) {
    for (const m of a.mentions) {
      let e = byKey.get(m.key);
      if (!e) {
        e = { names: new Map(), written: new Map(), types: new Map(), articles: new Set() };
        byKey.set(m.key, e);
      }
      e.names.set(m.base, (e.names.get(m.base) ?? 0) + 1);
      if (m.text === m.base) e.written.set(m.base, (e.written.get(m.base) ?? 0) + 1);
      e.types.set(m.type, (e.types.get(m.type) ?? 0) + 1);
      e.articles.add(a.article.id);
    }
  }
  // The first under (preferred, most frequent, most often written as it is, alphabetical): one pass, no sort.
  const most = (m: Map<string, number>, prefer: (k: string) => boolean = () => false, written: ReadonlyMap<string, number> = new Map()): string => {
    let best: [string, number, boolean, number] | undefined;
    for (const [k, n] of m) {
      const p = prefer(k);
      const w = written.get(k) ?? 0;
      if (!best || Number(p) - Number(best[2]) > 0 || (p === best[2] && (n > best[1] || (n === best[1] && (w > best[3] || (w === best[3] && k.localeCompare(best[0]) < 0)))))) best = [k, n, p, w];
    }
    return best![0];
  };
  const out = new Map<string, EntityInfo>();
  for (const [key, e] of byKey) {
    const type = most(e.types) as EntityType;
    // A role noun alone ("Agencja" of "Duńska Agencja Energii … Agencja zaznaczyła") is the
    // entity's short reference, not its name: a longer name of the same entity stands.
    const bare = (n: string): boolean => lexicon().roles.has(lower(n.trim()));
    const name = most(e.names, (n) => (type === 'PER' && n.trim().split(/\s+/u).length >= 2) || (type !== 'PER' && !bare(n) && [...e.names.keys()].some(bare)), e.written);
    out.set(key, { name, type, articles: e.articles.size, mentions: [...e.names.values()].reduce((a, b) => a + b, 0) });
  }
  // Two people's surnames the entity stage glued into one name ("Według Johnsona Hammond usiłuje" →
  // "Johnson Hammond", keyed with every "Johnson" of its article) are no one's full name: each word
  // ends another person's full name in the story. That person's own names stand instead.
  const surnames = new Map<string, Set<string>>();
  for (const [key, info] of out) {
    const words = info.name.trim().split(/\s+/u);
    if (info.type === 'PER' && words.length >= 2) surnames.set(words.at(-1)!, new Set([...(surnames.get(words.at(-1)!) ?? []), key]));
  }
  for (const [key, info] of out) {
    const words = info.name.trim().split(/\s+/u);
    if (info.type !== 'PER' || words.length !== 2 || !words.every((w) => [...(surnames.get(w) ?? [])].some((k) => k !== key))) continue;
    const others = new Map([...byKey.get(key)!.names].filter(([n]) => n !== info.name));
    if (others.size > 0) out.set(key, { ...info, name: most(others, (n) => n.trim().split(/\s+/u).length >= 2, byKey.get(key)!.written) });
  }
  return out;
}

const stems = (text: string): string[] => (lower(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, STEM));

/**
 * Role phrase → the people holding it in this story, from speakers named with their role
 * ("Rzecznik Kremla Dmitrij Pieskow") and from the text (a role noun right before a name).
 */
function roleHolders(articles: readonly SynthesisArticle[], roles: ReadonlySet<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (phrase: string, key: string): void => {
    const s = stems(phrase);
    if (s.length === 0 || !roles.has(lower(phrase).split(/\s+/u)[0]!)) return;
    const id = s.join(' ');
    out.set(id, new Set([...(out.get(id) ?? []), key]));
  };
  for (const a of articles) {
    for (const q of a.quotes) if (q.speaker?.key && q.speaker.description) add(roleTail(q.speaker.description, roles), q.speaker.key);
    for (const m of a.mentions) {
      if (m.type !== 'PER') continue;
      const words = wordsBefore(a.article.text, m.start, ROLE_WORDS);
      const at = words.findIndex((w) => roles.has(lower(w)));
      if (at >= 0) add(words.slice(at).join(' '), m.key);
    }
  }
  return out;
}

/** Words of a role phrase looked at before a name ("rzecznik prasowy Kremla"). */
const ROLE_WORDS = 4;
const PHRASE_WORD = /^[\p{L}.-]+$/u;
const PHRASE_TAIL = /[\p{L}.-]+$/u;

/** The characters `\s` matches, by code: a regular expression per character costs more than the rest of the scan. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Up to `max` words (letters, dots, hyphens) right before `end`, in order, separated from it and from each
 * other by white space; a word with other characters ends the phrase at its last such letters.
 * Read backwards from `end`: a regular expression anchored at the end tries every start.
 */
function wordsBefore(text: string, end: number, max: number): string[] {
  if (end === 0 || !isSpace(text.charCodeAt(end - 1))) return [];
  const words: string[] = [];
  let at = end;
  while (words.length < max) {
    while (at > 0 && isSpace(text.charCodeAt(at - 1))) at--;
    let from = at;
    while (from > 0 && !isSpace(text.charCodeAt(from - 1))) from--;
    if (from === at) break;
    const word = text.slice(from, at);
    if (PHRASE_WORD.test(word)) {
      words.unshift(word);
      at = from;
      continue;
    }
    const tail = PHRASE_TAIL.exec(word)?.[0];
    if (tail) words.unshift(tail);
    break;
  }
  return words;
}

/** The role phrase inside a description: from its role noun on ("w poniedziałek rzecznik Kremla" → "rzecznik Kremla"). */
function roleTail(description: string, roles: ReadonlySet<string>): string {
  const words = description.trim().split(/\s+/u);
  const at = words.findIndex((w) => roles.has(lower(w)));
  return at < 0 ? '' : words.slice(at).join(' ');
}

/** The one person holding a described speaker's role in the story, if exactly one does. */
function resolveRole(description: string, holders: ReadonlyMap<string, Set<string>>, roles: ReadonlySet<string>): string | undefined {
  const tail = roleTail(description, roles);
  if (!tail) return undefined;
  const wanted = stems(tail);
  const people = new Set<string>();
  for (const [phrase, keys] of holders) {
    const have = phrase.split(' ');
    if (have[0] === wanted[0] && wanted.every((w) => have.includes(w))) for (const k of keys) people.add(k);
  }
  return people.size === 1 ? [...people][0] : undefined;
}

let roleWords: Set<string> | undefined;
let agencyWords: Set<string> | undefined;
/** Words of a description before its role noun: its adjectives ("laburzystowski poseł"). */
const MAX_WORDS_TO_ROLE = 3;
/** Role nouns of people (the PER lines of speaker-roles.txt). */
let personRoleWords: Set<string> | undefined;

/** Role nouns (resources/<lang>/speaker-roles.txt) and agencies (synthesis-agencies.txt), both languages. */
function lexicon(): { roles: Set<string>; personRoles: Set<string>; agencies: Set<string> } {
  if (!roleWords || !agencyWords || !personRoleWords) {
    roleWords = new Set();
    personRoleWords = new Set();
    agencyWords = new Set();
    for (const lang of ['pl', 'en'] as const) {
      for (const line of loadResource(lang, 'speaker-roles')) {
        const [type, ...forms] = line.split(/\s+/u);
        for (const w of forms) {
          roleWords.add(lower(w));
          if (type === 'PER') personRoleWords.add(lower(w));
        }
      }
      for (const line of loadResource(lang, 'synthesis-agencies')) for (const n of line.split('|')) agencyWords.add(lower(n.trim()));
    }
  }
  return { roles: roleWords, personRoles: personRoleWords, agencies: agencyWords };
}

interface Candidate {
  readonly quote: ReportQuote;
  readonly stems: Set<string>;
  /** Runs of RUN_WORDS stems holding RUN_CONTENT long common words: one statement's wording (made when first compared). */
  runs?: Set<string>;
  readonly speakerId: string;
  /** What the speaker adds to the score: who they are and how prominent in the story. */
  readonly voice: number;
  /** How surely the speaker's name identifies who spoke (`standing`). */
  readonly standing: number;
  score: number;
  readonly order: number;
  readonly copies: Citation[];
}

/** Direct words first: the kind weighs more than who says them (the speaker scores 3 at most). */
const KIND_SCORE: Readonly<Record<string, number>> = { direct: 6, mixed: 4, indirect: 0 };

/**
 * Every quote of the story, speakers named for the story, duplicates folded, best first.
 * @example rankQuotes(articles)[0] // → { speaker: 'Jake Sullivan', kind: 'direct', … }
 */
export function rankQuotes(articles: readonly SynthesisArticle[], names: ReadonlyMap<string, EntityInfo> = entityNames(articles)): ReportQuote[] {
  const { roles, agencies } = lexicon();
  const holders = roleHolders(articles, roles);
  const outlets = new Set(articles.map((a) => lower(a.article.outlet ?? '')).filter(Boolean));
  const topics = storyTopics(names, articles.length);
  const candidates: Candidate[] = [];
  let order = 0;
  for (const a of articles) {
    for (const q of a.quotes) {
      const named = nameSpeaker(q, names, holders, roles, a.mentions);
      const text = a.article.text.slice(q.start, q.end);
      const quote: ReportQuote = {
        ...(named.name && { speaker: named.name }),
        ...(named.key && { speakerKey: named.key }),
        text,
        kind: q.kind,
        citation: { article: a.article.id, start: q.start, end: q.end },
      };
      const relays = named.name !== undefined && (agencies.has(lower(named.name)) || outlets.has(lower(named.name)));
      // A person named in full without an entity key ("Saif ul-Mulook", a name the entity stage cut) is still a person.
      const speakerScore = !named.name ? -4 : relays ? 0 : named.type === 'PER' ? 3 : named.key ? 2 : 1;
      // An agency or outlet is named in many articles as their source, not as a party to the story: no prominence.
      const prominence = named.key && !relays ? Math.min(2, Math.log2(1 + (names.get(named.key)?.articles ?? 0))) : 0;
      const words = text.split(/\s+/u).length;
      const length = words < 4 ? -3 : words < 6 ? -1 : words > 70 ? -1 : 0;
      // Words about the story: the quote names what most of its articles name.
      const about = new Set(a.mentions.filter((m) => m.start >= q.start && m.end <= q.end && topics.has(m.key)).map((m) => m.key)).size;
      const relevance = TOPIC_SCORE * Math.min(MAX_TOPICS, about);
      candidates.push({
        quote,
        stems: new Set(stems(text)),
        speakerId: speakerIdentity(named),
        voice: speakerScore + prominence,
        standing: standing(named, relays),
        score: (KIND_SCORE[q.kind] ?? 0) + speakerScore + prominence + length + relevance,
        order: order++,
        copies: [],
      });
    }
  }
  // One statement under several speakers: the speaker most outlets name says it (src/synthesis/quote-vote.ts).
  for (const [i, w] of electSpeakers(candidates.map((c) => ({ ...c, article: c.quote.citation.article })))) {
    const c = candidates[i]!;
    const winner = candidates[w]!;
    const { speaker: _speaker, speakerKey: _key, ...words } = c.quote;
    const quote: ReportQuote = { ...words, ...(winner.quote.speaker && { speaker: winner.quote.speaker }), ...(winner.quote.speakerKey && { speakerKey: winner.quote.speakerKey }) };
    candidates[i] = { ...c, quote, speakerId: winner.speakerId, voice: winner.voice, standing: winner.standing, score: c.score - c.voice + winner.voice };
  }
  // Fold the same words told by several articles into the best-told one.
  const kept: Candidate[] = [];
  const keptBySpeaker = new Map<string, Candidate[]>();
  const byText = new Map<string, Candidate>();
  for (const c of [...candidates].sort((x, y) => y.score - x.score || x.order - y.order)) {
    const textKey = `${c.speakerId}\u0000${c.quote.text}`;
    const own = keptBySpeaker.get(c.speakerId) ?? [];
    // Unattributed words another article attributes are that speaker's: any speaker's quote may hold them.
    const pool = c.speakerId ? own : kept;
    // One speaker's words told in two translations ("Ryanair kategorycznie wykluczył jakiekolwiek
    // zwiększenie…" / "… kategorycznie wykluczył wszelkie podwyżki…") share a run of their wording.
    // Two outlets translate; one article quoting a speaker twice gives two statements, which may
    // share a phrase ("jesteśmy w kontakcie z …", "więcej samolotów" in O'Leary's two answers).
    const translated = (k: Candidate): boolean => c.speakerId !== '' && k.quote.citation.article !== c.quote.citation.article && intersects(runsOf(k), runsOf(c));
    const home = byText.get(textKey) ?? pool.find((k) => sameWords(k.stems, c.stems) || translated(k));
    if (home) {
      if (!home.copies.some((x) => x.article === c.quote.citation.article) && home.quote.citation.article !== c.quote.citation.article) home.copies.push(c.quote.citation);
    } else {
      kept.push(c);
      own.push(c);
      keptBySpeaker.set(c.speakerId, own);
    }
    if (!byText.has(textKey)) byText.set(textKey, home ?? c);
  }
  for (const k of kept) k.score += Math.min(3, k.copies.length);
  // Words no one is named for come after every attributed quote: a reader cannot weigh them.
  const ranked = kept.sort((x, y) => Number(!x.quote.speaker) - Number(!y.quote.speaker) || y.score - x.score || x.order - y.order);
  // Several voices among the shown quotes; a main party's position in full.
  const shown = pickShown(ranked, speakerCaps(candidates, articles.length));
  const rest = ranked.filter((c) => !shown.includes(c));
  return [...inTurns(shown), ...rest].map((c) => (c.copies.length ? { ...c.quote, alsoIn: c.copies } : c.quote));
}

/**
 * A speaker's words past their cap weigh this much less: what reported words weigh against their own
 * (KIND_SCORE). The cap lets other voices' own words in first, but it does not hand the speaker's
 * slot to weaker material — another voice's reported fragment, a description the entity stage did
 * not resolve ("24 godziny", "Wiele"), the same words relayed by an outlet — when the story's
 * protagonist said more (Phillip Lee's resignation letter, O'Leary's threat to move aircraft).
 * Not fitted: every value from 1 to 8 gained 1 to 3 labelled key quotes on the 45 read stories
 * (docs/QUALITY.md, fourteenth round: key quotes).
 */
const PAST_CAP = KIND_SCORE.direct! - KIND_SCORE.indirect!;

/**
 * The SHOWN_QUOTES shown quotes, picked one at a time from `ranked` (attributed first, best first):
 * the next is the attributed one of the highest score, a speaker's words past their cap counting
 * PAST_CAP less; ties go to the better ranked.
 */
function pickShown(ranked: readonly Candidate[], cap: ReadonlyMap<string, number>): Candidate[] {
  const left = [...ranked];
  const shown: Candidate[] = [];
  const perSpeaker = new Map<string, number>();
  const weight = (c: Candidate): number => {
    const past = c.speakerId !== '' && (perSpeaker.get(c.speakerId) ?? 0) >= (cap.get(c.speakerId) ?? MAX_PER_SPEAKER);
    return c.score - (past ? PAST_CAP : 0);
  };
  while (shown.length < SHOWN_QUOTES && left.length > 0) {
    let best = 0;
    for (let i = 1; i < left.length; i++) {
      const c = left[i]!;
      const b = left[best]!;
      if (Number(!c.quote.speaker) - Number(!b.quote.speaker) < 0 || (Boolean(c.quote.speaker) === Boolean(b.quote.speaker) && weight(c) > weight(b))) best = i;
    }
    const [c] = left.splice(best, 1);
    shown.push(c!);
    perSpeaker.set(c!.speakerId, (perSpeaker.get(c!.speakerId) ?? 0) + 1);
  }
  return shown;
}

/**
 * The shown quotes in reading order: their rank, except that no speaker's third quote in a row comes
 * while another voice's shown words wait — the best of those comes first. A reader of Davis's speech
 * story meets Davis twice, then May, then Davis again.
 */
function inTurns(shown: readonly Candidate[]): Candidate[] {
  const left = [...shown];
  const out: Candidate[] = [];
  while (left.length > 0) {
    const run = out.length >= 2 && out.at(-1)!.speakerId === out.at(-2)!.speakerId ? out.at(-1)!.speakerId : undefined;
    const other = run === undefined ? 0 : left.findIndex((c) => c.speakerId !== run);
    out.push(...left.splice(Math.max(0, other), 1));
  }
  return out;
}

/** Each speaker's cap among the shown quotes: MAX_PER_SPEAKER, one more for a main party (MAIN_PARTY_SHARE). */
function speakerCaps(candidates: readonly Candidate[], articles: number): Map<string, number> {
  const quoting = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (!c.speakerId) continue;
    let set = quoting.get(c.speakerId);
    if (!set) quoting.set(c.speakerId, (set = new Set()));
    set.add(c.quote.citation.article);
  }
  const least = Math.max(MAIN_PARTY_ARTICLES, MAIN_PARTY_SHARE * articles);
  return new Map([...quoting].map(([id, set]) => [id, set.size >= least ? MAX_PER_SPEAKER + 1 : MAX_PER_SPEAKER]));
}

/**
 * Score of each of the story's topics a quote names, and how many count. Set on all nine labelled
 * stories (2026-12-06): 0.5 raised the labelled key quotes shown from 0.766 to 0.809 (tuning 0.773
 * → 0.864; the fresh two unchanged at 0.889); 1 and 1.5 let topic words outweigh who speaks and
 * stayed at 0.766; TOPIC_SHARE 0.3–0.5 and MAX_TOPICS 1–2 gave the same figures.
 */
const TOPIC_SCORE = 0.5;
const MAX_TOPICS = 2;
/** An entity named in this share of the story's articles (and at least two) is one of its topics. */
const TOPIC_SHARE = 0.4;

/** The story's topics: entities (places too) named in a large share of its articles. */
function storyTopics(names: ReadonlyMap<string, EntityInfo>, articles: number): Set<string> {
  const least = Math.max(2, Math.ceil(TOPIC_SHARE * articles));
  return new Set([...names].filter(([, e]) => e.articles >= least).map(([key]) => key));
}

/** A run of this many words, of which this many are long lower-case words, is a statement's own wording. */
const RUN_WORDS = 3;
const RUN_CONTENT = 2;
const LONG_WORD = 6;

/** The runs of RUN_WORDS consecutive word stems that hold RUN_CONTENT long lower-case words (no names, no function words). */
function wordingRuns(text: string): Set<string> {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + RUN_WORDS <= words.length; i++) {
    const run = words.slice(i, i + RUN_WORDS);
    if (run.filter((w) => w.length >= LONG_WORD && /^\p{Ll}/u.test(w)).length < RUN_CONTENT) continue;
    out.add(run.map((w) => lower(w).slice(0, STEM)).join(' '));
  }
  return out;
}

function runsOf(c: Candidate): Set<string> {
  c.runs ??= wordingRuns(c.quote.text);
  return c.runs;
}

/** A quoted fragment this long, all inside a longer quote of the same speaker, is that quote cut short. */
const MIN_FRAGMENT_STEMS = 4;
const FRAGMENT_INSIDE = 0.9;

/** The same words: mostly shared (SAME_QUOTE), or one a fragment of the other. */
function sameWords(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  // Speed only: too short to be a fragment, and shared by at most the smaller over the larger.
  if (small.size < MIN_FRAGMENT_STEMS && small.size / large.size < SAME_QUOTE) return false;
  // One count serves both tests: what the smaller set shares with the larger is their overlap.
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  const union = a.size + b.size - shared;
  if ((union > 0 ? shared / union : 0) >= SAME_QUOTE) return true;
  if (small.size < MIN_FRAGMENT_STEMS) return false;
  return shared / small.size >= FRAGMENT_INSIDE;
}

type NamedSpeaker = { name?: string; key?: string; type?: EntityType };

/**
 * A speaker's identity across the story's articles: the entity key, else the name as written, case,
 * quotation marks and spacing aside ("Źródło „Sunday Timesa”" and "Źródło "Sunday Timesa"" are one source).
 */
function speakerIdentity(named: NamedSpeaker): string {
  return named.key ?? lower(named.name ?? '').replace(/["„”“«»]/gu, '').replace(/\s+/gu, ' ').trim();
}

/** A word of a name: capitalised, or a particle glued to one by a hyphen ("ul-Mulook", "al-Bashir"). */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}.'’-]*|\p{Ll}{1,3}-\p{Lu}[\p{L}'’-]*)`;
/** Two name words or more: a person named in full, the entity stage's key or not ("Saif ul-Mulook"). */
const FULL_NAME = new RegExp(`^${NAME_WORD}(?:\\s+${NAME_WORD})+$`, 'u');

/**
 * How surely a speaker's name identifies who spoke, for the ties of src/synthesis/quote-vote.ts: a
 * person named in full 3, another named entity 2 (an organisation the entity stage left unkeyed, "TVP Info", too), a description 1 ("Oficjalny rzecznik Theresy
 * May", "mecenas" — a role, capitalised or not, is a description), an agency or outlet relaying the
 * words 0 (AFP's copy of Asia Bibi's words is hers).
 */
function standing(named: NamedSpeaker, relays: boolean): number {
  const name = named.name?.trim();
  if (!name || relays) return 0;
  const role = name.split(/\s+/u).some((w) => lexicon().roles.has(lower(w)));
  if (named.key) return named.type === 'PER' && /\s/u.test(name) && !role ? 3 : 2;
  if (!FULL_NAME.test(name) || role) return 1;
  return named.type === undefined || named.type === 'PER' ? 3 : 2;
}

function nameSpeaker(q: InputQuote, names: ReadonlyMap<string, EntityInfo>, holders: ReadonlyMap<string, Set<string>>, roles: ReadonlySet<string>, mentions: readonly InputMention[]): NamedSpeaker {
  const speaker = q.speaker;
  if (!speaker) return {};
  if (speaker.key) {
    const info = names.get(speaker.key);
    // The quote layer corrected the entity stage's name where it was the subject: a possessor cut
    // ("Liberałów Vince Cable" → "Vince Cable"), a person glued to an acronym ("KE Alexander
    // Winterstein"), a woman's surname read as a man's genitive ("Zacharowa", not "Zacharow"). Such a
    // name is none of its mention's base forms; it stands, with the type the quote layer gave.
    const corrected = !mentions.some((m) => m.key === speaker.key && m.base === speaker.name);
    const named = corrected
      ? { name: speaker.name, key: speaker.key, type: speaker.type ?? info?.type ?? 'PER' }
      : { name: info?.name ?? speaker.name, key: speaker.key, type: info?.type ?? 'PER' };
    if (named.type === 'PER') return storyPerson(named.name, names) ?? spelling(named, names) ?? unglued(named, names) ?? named;
    // The entity stage may type a lone surname as an organisation or a place ("Barnier" → ORG):
    // exactly the surname of one person the story names in full, it is that person.
    return surnameOf(named.name, names) ?? named;
  }
  const holder = resolveRole(speaker.description ?? speaker.name, holders, roles);
  if (holder) {
    const info = names.get(holder);
    if (info) return { name: info.name, key: holder, type: info.type };
  }
  // A description headed by a noun that is no person's role ("biuro prezydenta Korei Południowej
  // Yoon Suk Yeol stwierdziło") names an office or a group: the person named in it is its possessor.
  // A person's role among its first words ("laburzystowski poseł Chuka Umunna") is theirs.
  const head = speaker.name.trim().split(/\s+/u).slice(0, MAX_WORDS_TO_ROLE).map(lower);
  const office = /^\p{Ll}/u.test(speaker.name.trim()) && !head.some((w) => lexicon().personRoles.has(w));
  return (office ? undefined : storyPerson(speaker.name, names)) ?? { name: speaker.name, ...(speaker.type && { type: speaker.type }) };
}

/** A surname's stem, of its last part when hyphenated ("ul-Malook" → "maloo"). */
const surnameStem = (w: string): string => lower(w.split('-').at(-1)!).slice(0, 5);

/**
 * The story's person a speaker's name stands for, when it is not that full name itself: a lone
 * surname that exactly one person of the story (named with two words or more) ends with ("Davis" →
 * "David Davis"; the stem meets inflected forms), the same after role nouns ("Kanclerz Kurz" →
 * "Sebastian Kurz"), or a name that ends with a person's full name
 * after words of a title ("Marketingu Ryanair Kenny Jacobs" → "Kenny Jacobs").
 */
function storyPerson(name: string, names: ReadonlyMap<string, EntityInfo>): NamedSpeaker | undefined {
  const words = name.trim().split(/\s+/u);
  const people = storyPeople(names);
  if (words.length === 1 || titled(words)) {
    const stem = surnameStem(words.at(-1)!);
    let found = people.filter((p) => p.surname === stem);
    // A name read out of an organisation's ("Conservative Way Forward Johnson") yields to a person's own.
    if (new Set(found.map((p) => p.name)).size > 1) found = found.filter((p) => !p.glued);
    const distinct = new Set(found.map((p) => p.name));
    if (distinct.size !== 1) return undefined;
    const { key, name: full } = found[0]!;
    return { name: full, key, type: 'PER' };
  }
  const tail = people.filter(({ words: pw }) => pw.length < words.length && pw.every((w, i) => w === words[words.length - pw.length + i]));
  if (tail.length === 0) return undefined;
  // The longest full name the speaker's words end with.
  const { key, name: full } = tail.reduce((a, b) => (b.name.length > a.name.length ? b : a));
  return { name: full, key, type: 'PER' };
}

/**
 * A surname after role nouns only ("Kanclerz Kurz", "Premier May"): the person's role, not a full
 * name. It names whom the surname alone names (storyPerson), and no one by itself (storyPeople).
 */
function titled(words: readonly string[]): boolean {
  return words.length >= 2 && words.slice(0, -1).every((w) => lexicon().roles.has(lower(w)));
}

/**
 * One person spelled two ways by two outlets ("Fawad Chaudry" / "Fawad Chaudhry"): the same first
 * name and surname stem, another entity key. The spelling more of the story's articles use stands,
 * so the person's quotes share one name, one prominence and one cap.
 */
function spelling(named: { name: string; key: string }, names: ReadonlyMap<string, EntityInfo>): NamedSpeaker | undefined {
  const words = named.name.trim().split(/\s+/u);
  if (words.length < 2) return undefined;
  const stem = surnameStem(words.at(-1)!);
  const own = names.get(named.key)?.mentions ?? 0;
  const other = storyPeople(names).filter((p) => p.key !== named.key && p.words.length === words.length && p.words[0] === words[0] && p.surname === stem)
    .map((p) => ({ ...p, articles: names.get(p.key)?.articles ?? 0 }))
    .filter((p) => p.articles > own || (p.articles === own && p.name < named.name))
    .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name))[0];
  return other ? { name: other.name, key: other.key, type: 'PER' } : undefined;
}

/**
 * A person's name the entity stage glued to the name before it ("Amnesty International Draginja
 * Nadażdin" of "dyrektorka polskiej sekcji Amnesty International Draginja Nadażdin", "Bibi
 * Saif-ul-Malook" of "adwokat Bibi Saif-ul-Malook", "Bundesnetzagentur Jochen Homann"): the words
 * before the person's own are another of the story's names — an entity's whole name of two words or
 * more, or the surname of a person it names in full (the possessor "Bibi", "May"); a lone word the
 * story also names ("Asia" of "Asia Bibi", "Michael") may be the person's own given name. The person's own words stand: two
 * capitalised words or more, a given name first; one word after a one-word possessor, the surname,
 * which names the person the story names in full with it, if one does.
 */
function unglued(named: { name: string; key: string }, names: ReadonlyMap<string, EntityInfo>): NamedSpeaker | undefined {
  const words = named.name.trim().split(/\s+/u);
  if (words.length < 2) return undefined;
  // Only a name the story mentions more often than the glued one: "Asia Bibi" (named everywhere) is
  // no glue of "Asia", the surname of a one-off misread "Powiesić Asia".
  const own = names.get(named.key)?.mentions ?? 0;
  const others = new Set<string>();
  // A whole name of two words or more; one word only as a surname: a lone "Asia" or "Michael" may be a given name.
  for (const [key, e] of names) if (key !== named.key && e.mentions > own && /\s/u.test(e.name.trim())) others.add(lower(e.name.trim()));
  for (const p of storyPeople(names)) if (p.key !== named.key && (names.get(p.key)?.mentions ?? 0) > own) others.add(lower(p.words.at(-1)!));
  for (let cut = words.length - 1; cut >= 1; cut--) {
    if (!others.has(lower(words.slice(0, cut).join(' ')))) continue;
    const person = words.slice(cut);
    if (!person.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) || commonWord(person[0]!)) continue;
    if (person.length >= 2 && GIVEN_NAME.test(person[0]!)) return { name: person.join(' '), key: named.key, type: 'PER' };
    // One word the story names as something else ("Zdaniem Kwiecińskiego Polska …" → "Kwieciński Polska") is no one's surname.
    if (person.length === 1 && cut === 1 && ![...names.values()].some((e) => lower(e.name.trim()) === lower(person[0]!))) {
      const full = storyPeople(names).filter((p) => p.key !== named.key && p.surname === surnameStem(person[0]!));
      return new Set(full.map((p) => p.name)).size === 1 ? { name: full[0]!.name, key: full[0]!.key, type: 'PER' } : { name: person[0]!, key: named.key, type: 'PER' };
    }
  }
  return undefined;
}

/** The one story person (named with two words or more) whose last name is exactly `name`. */
function surnameOf(name: string, names: ReadonlyMap<string, EntityInfo>): NamedSpeaker | undefined {
  if (/\s/u.test(name.trim())) return undefined;
  const found = storyPeople(names).filter((p) => p.words.at(-1) === name.trim());
  if (new Set(found.map((p) => p.name)).size !== 1) return undefined;
  return { name: found[0]!.name, key: found[0]!.key, type: 'PER' };
}

interface StoryPersonName {
  readonly key: string;
  readonly name: string;
  readonly words: readonly string[];
  readonly surname: string;
  /** Read out of a name the entity stage typed as an organisation (storyPeople). */
  readonly glued: boolean;
}

/** Asked for every quote: the people of one story's names are listed once. */
const peopleCache = new WeakMap<ReadonlyMap<string, EntityInfo>, StoryPersonName[]>();

/**
 * The story's people named with two words or more, in the names' order, with their words and surname
 * stem. A person's name the entity stage glued to the organisation before it ("wicemarszałek Senatu
 * Adam Bielan" → "Senat Adam Bielan", "szef PE Guy Verhofstadt" → "PE Guy Verhofstadt", typed as an
 * organisation) is a person too: its last two words, when the last is a name the story also writes
 * alone ("Bielan powiedział"), not an acronym ("Trybunał Sprawiedliwości UE"), and the one before
 * it a capitalised word, not an acronym, that the dictionary knows as no common word ("Boże
 * Narodzenie Ryanair" is no person).
 */
function storyPeople(names: ReadonlyMap<string, EntityInfo>): StoryPersonName[] {
  let people = peopleCache.get(names);
  if (!people) {
    people = [];
    const alone = new Set<string>();
    for (const e of names.values()) if (!/\s/u.test(e.name.trim())) alone.add(e.name.trim());
    for (const [key, e] of names) {
      const words = e.name.trim().split(/\s+/u);
      if (e.type === 'PER') {
        if (words.length >= 2 && !titled(words)) people.push({ key, name: e.name, words, surname: surnameStem(words.at(-1)!), glued: false });
        continue;
      }
      const given = words.at(-2);
      if (words.length < 3 || !alone.has(words.at(-1)!) || !/\p{Ll}/u.test(words.at(-1)!) || !given || !GIVEN_NAME.test(given) || commonWord(given)) continue;
      const person = words.slice(-2);
      people.push({ key, name: person.join(' '), words: person, surname: surnameStem(person[1]!), glued: true });
    }
    peopleCache.set(names, people);
  }
  return people;
}
