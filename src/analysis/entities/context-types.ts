/**
 * English names whose type the head-word rules only guessed (one unknown word → LOC, several
 * with no head → PER; classify.ts) take it from the words around their mentions in the
 * article: "President Biden", "Hamas fighters", "militant group Hamas", "in Gaza", "the
 * Red Crescent" (resources/en/entity-context-cues.txt). The Polish counterparts are
 * placesByPreposition and typesFromCues (resolve.ts); a bare surname of a person named in full
 * is settled earlier by resolveShortNames.
 */
import type { EntityType, Language } from '../../types.ts';
import type { Mention } from './index.ts';
import { isTypeGuess } from './classify.ts';
import { knownKey } from './gazetteer.ts';
import { nameKey } from './keys.ts';
import { loadPairs } from './resources.ts';

interface Cue {
  readonly type: EntityType;
  readonly weight: number;
}

/** A listed cue counts 2, a weak one 1: one clear cue outweighs a reporting verb ("Hamas fighters" … "Hamas said"). */
const CUE_WEIGHT = 2;
const WEAK_WEIGHT = 1;

let cues: { readonly before: ReadonlyMap<string, Cue>; readonly after: ReadonlyMap<string, Cue> } | undefined;

function cueTables(): NonNullable<typeof cues> {
  if (cues) return cues;
  const before = new Map<string, Cue>();
  const after = new Map<string, Cue>();
  for (const [where, value] of loadPairs('en', 'entity-context-cues')) {
    const [position, ...words] = where.split(/\s+/);
    const word = words.join(' ');
    const [type, strength] = value.split(/\s+/);
    const cue = { type: type as EntityType, weight: strength === 'weak' ? WEAK_WEIGHT : CUE_WEIGHT };
    (position === 'before' ? before : after).set(word, cue);
  }
  cues = { before, after };
  return cues;
}

/** A type the article may settle: the default of classify, on a name not listed nor linked to a longer one. */
function isGuessed(m: Mention): boolean {
  return !m.key.startsWith('geo-') && m.key === nameKey(m.base, 'en') && !knownKey(m.base, 'en')
    && isTypeGuess(m.base.split(' '), 'en');
}

/**
 * The cues around one mention. Multi-word names (default PER) heed only clear cues: a title
 * before one of its mentions ("President Joe Biden") then outweighs a "trip to Joe Biden".
 */
function cuesOf(m: Mention, text: string): Cue[] {
  const { before, after } = cueTables();
  const multi = m.base.includes(' ');
  const out: Cue[] = [];
  let articled = false;
  const prior = /(?:(\p{L}+)\s+)?(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, m.start - 40), m.start));
  const last = prior?.[2]?.toLowerCase();
  const pair = before.get(`${prior?.[1]?.toLowerCase()} ${last}`);
  if (pair) {
    out.push(pair);
  } else if (last === 'the') {
    // "in the Donbas" is still a place. Otherwise the article rules out a person; it marks an
    // institution only for several words ("the Red Crescent"): one word after "the" is a
    // region as often as a body ("the West", "the Sahel" / "the Bundestag", "the Taliban").
    const cue = before.get(prior?.[1]?.toLowerCase() ?? '');
    if (cue?.type === 'LOC') out.push(cue);
    else if (multi) out.push({ type: 'ORG', weight: CUE_WEIGHT });
    else articled = true;
  } else if (last) {
    const cue = before.get(last);
    // "in Joe Biden's view": a possessive person after a preposition.
    if (cue && !(multi && cue.type === 'LOC' && /['’]s$/u.test(m.text))) out.push(cue);
  }
  const next = /^\s+(\p{L}+)/u.exec(text.slice(m.end, m.end + 40))?.[1]?.toLowerCase();
  const cue = next === undefined ? undefined : after.get(next);
  if (cue && !(articled && cue.type === 'PER')) out.push(cue);
  return multi ? out.filter((c) => c.weight === CUE_WEIGHT) : out;
}

/**
 * Guessed English types settled by the article's cues: per key, the type with the most votes
 * over all its mentions wins if it beats every other type; ties change nothing.
 * @example typesFromContext(findMentions(…), 'Hamas fighters crossed the border.', 'en') // Hamas → ORG
 */
export function typesFromContext(mentions: readonly Mention[], text: string, language: Language): Mention[] {
  if (language !== 'en') return [...mentions];
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    if (!isGuessed(m)) continue;
    const byType = votes.get(m.key) ?? new Map<EntityType, number>();
    for (const c of cuesOf(m, text)) byType.set(c.type, (byType.get(c.type) ?? 0) + c.weight);
    votes.set(m.key, byType);
  }
  const decided = new Map<string, EntityType>();
  for (const [key, byType] of votes) {
    const [top, second] = [...byType].sort((a, b) => b[1] - a[1]);
    if (top && (!second || top[1] > second[1])) decided.set(key, top[0]);
  }
  return mentions.map((m) => {
    const type = decided.get(m.key);
    if (!type || type === m.type || !isGuessed(m)) return m;
    const { guessed: _was, ...rest } = m;
    return { ...rest, type };
  });
}
