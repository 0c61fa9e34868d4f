/**
 * One statement told by several outlets under different speakers ("Prawdziwi zwolennicy brexitu
 * zostali zapędzeni w kozi róg…" as Banks's in one article and Farage's in another; Asia Bibi's
 * words relayed as AFP's; a minister's words as "minister"'s): the outlets vote on who said it.
 * Used by src/synthesis/quotes.ts before it folds copies, so the elected speaker's quote cites every
 * article that told the words.
 *
 * The speaker most of the copies name wins (counted by article, by speaker identity: entity key,
 * else the name as written); a tie goes to the speaker named most surely (`standing`: a person named
 * in full before another named entity, before a description, before an agency or outlet that
 * relays), and no speaker is elected when two tie on that too — two full names one copy each (Banks
 * and Farage) stay two quotes, as told. The score that folded such copies before ("the higher-scored
 * speaker keeps the words") gave the words to whichever outlet's reading scored higher, as often the
 * wrong one (docs/QUALITY.md, fourteenth round: key quotes).
 */

/** One quote's copy as the vote sees it. */
export interface Ballot {
  /** Its words' stems (a set: the Jaccard overlap below). */
  readonly stems: ReadonlySet<string>;
  /** The article telling it: one article's two speakers for like words are two statements. */
  readonly article: string;
  /** Who it names: an entity key, else the name; empty when no one is named (no vote). */
  readonly speakerId: string;
  /** How surely its speaker's name identifies who spoke (higher is surer). */
  readonly standing: number;
}

/**
 * Copies under two speakers are one statement when their stems overlap this much (Jaccard): the
 * measure src/synthesis/quotes.ts folds one speaker's copies by (SAME_QUOTE). Not its fragment test:
 * another speaker's words wholly inside a longer quote are most often a quotation inside a quote
 * (Juncker's "Przewodniczący Tusk powiedział, że nasze drzwi wciąż pozostają otwarte").
 */
export const SAME_STATEMENT = 0.6;
const NAMED = 2;

/**
 * For each ballot whose statement elects a speaker other than its own, the index of a ballot naming
 * the elected speaker (the first one of that speaker in `ballots`).
 */
export function electSpeakers(ballots: readonly Ballot[]): Map<number, number> {
  const groups = statements(ballots);
  const out = new Map<number, number>();
  for (const members of groups) {
    const winner = elect(members.map((i) => ballots[i]!));
    if (winner === undefined) continue;
    const first = members.find((i) => ballots[i]!.speakerId === winner)!;
    for (const i of members) if (ballots[i]!.speakerId !== winner) out.set(i, first);
  }
  return out;
}

/** The elected speaker of one statement's copies: the most articles, then the surest name; none on a tie of both. */
function elect(copies: readonly Ballot[]): string | undefined {
  const articles = new Map<string, Set<string>>();
  const standing = new Map<string, number>();
  for (const c of copies) {
    let set = articles.get(c.speakerId);
    if (!set) articles.set(c.speakerId, (set = new Set()));
    set.add(c.article);
    standing.set(c.speakerId, Math.max(standing.get(c.speakerId) ?? -Infinity, c.standing));
  }
  const ranked = [...articles].map(([id, set]) => ({ id, votes: set.size, standing: standing.get(id)! }))
    .sort((a, b) => b.votes - a.votes || b.standing - a.standing);
  const [best, next] = ranked;
  if (!best || !next) return undefined;
  if (best.standing < NAMED) return undefined;
  return best.votes > next.votes || best.standing > next.standing ? best.id : undefined;
}

/**
 * Copies of one statement under two speakers or more: ballots of named speakers joined when two of
 * them, from different articles and speakers, overlap by SAME_STATEMENT (and, through each other,
 * in one group). Only groups of two speakers or more are returned, each as indices in `ballots` order.
 *
 * A story of hundreds of articles repeats its statements in most of them, so ballots are compared by
 * wording first: one `Wording` per speaker and set of stems, its copies bucketed by article; two
 * wordings that overlap join their copies in different articles, bucket to bucket. Copies in one
 * bucket are alike in every comparison, so they share a group.
 */
function statements(ballots: readonly Ballot[]): number[][] {
  const parent = ballots.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (i: number, j: number): void => {
    parent[root(i)] = root(j);
  };
  const wordings = wordingsOf(ballots);
  for (const w of wordings) for (const copies of w.byArticle.values()) for (const i of copies) join(i, copies[0]!);
  // Shared stems counted through an index of stems: only wordings that share one are compared.
  const byStem = new Map<string, number[]>();
  const shared = new Int32Array(wordings.length);
  const touched: number[] = [];
  wordings.forEach((w, i) => {
    for (const s of w.stems) {
      let seen = byStem.get(s);
      if (!seen) byStem.set(s, (seen = []));
      for (const j of seen) if (shared[j]++ === 0) touched.push(j);
      seen.push(i);
    }
    for (const j of touched) {
      const n = shared[j]!;
      shared[j] = 0;
      const o = wordings[j]!;
      if (o.speakerId === w.speakerId || n / (w.stems.size + o.stems.size - n) < SAME_STATEMENT) continue;
      for (const [article, copies] of w.byArticle) {
        for (const [other, theirs] of o.byArticle) if (other !== article) join(copies[0]!, theirs[0]!);
      }
    }
    touched.length = 0;
  });
  const groups = new Map<number, number[]>();
  ballots.forEach((b, i) => {
    if (!b.speakerId) return;
    const r = root(i);
    let group = groups.get(r);
    if (!group) groups.set(r, (group = []));
    group.push(i);
  });
  return [...groups.values()].filter((g) => new Set(g.map((i) => ballots[i]!.speakerId)).size > 1);
}

/** One speaker's copies of one set of stems, by article (ballot indices). */
interface Wording {
  readonly speakerId: string;
  readonly stems: ReadonlySet<string>;
  readonly byArticle: Map<string, number[]>;
}

/** The named ballots' wordings, in the order of their first copy. */
function wordingsOf(ballots: readonly Ballot[]): Wording[] {
  const byKey = new Map<string, Wording>();
  ballots.forEach((b, i) => {
    if (!b.speakerId) return;
    const key = `${b.speakerId}\u0001${[...b.stems].sort().join('\u0002')}`;
    let w = byKey.get(key);
    if (!w) byKey.set(key, (w = { speakerId: b.speakerId, stems: b.stems, byArticle: new Map() }));
    let copies = w.byArticle.get(b.article);
    if (!copies) w.byArticle.set(b.article, (copies = []));
    copies.push(i);
  });
  return [...byKey.values()];
}
