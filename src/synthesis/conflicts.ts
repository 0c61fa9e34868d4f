/**
 * Conflicts: the story's event reported with different values of one slot (issue 7 §2).
 *
 * 1. Find event sentences: a word naming the event (meeting, talks, visit; resources
 *    synthesis-event-words). A participant verb ("spotkać się z …") that names none of the story's
 *    main people reports another meeting and is skipped; so are sentences dated before the story
 *    (background: "the last meeting was in April 2019").
 * 2. Read slot values from them: place = a LOC mention after a locative preposition close after the
 *    event word, or the place named by the sentence after "Miejsce spotkania …"; date = a time
 *    expression in the sentence; number = digits with the same unit inside one claim; person = the
 *    named speaker of one quote given differently by two articles.
 * 3. Pair the values: two values conflict only when some article reports the first without the
 *    second and another the second without the first ("we wtorek lub w środę" is one source's
 *    uncertainty, not a conflict). A value inside the other (a city in its region, a day in its
 *    month) is a refinement; anything else a contradiction. Refinements implied by a chain
 *    (city ⊂ region ⊂ country) keep only the direct links.
 */
import type { Citation, Conflict, ConflictSlot } from './types.ts';
import type { EpistemicStatus } from './input.ts';
import type { SentenceFeatures, StoryFeatures } from './features.ts';
import type { SentenceGroup } from './claims.ts';
import { synthesisLexicon } from './resources.ts';

/**
 * Words between the event word and the place's preposition: "spotka się z Władimirem Putinem w
 * rosyjskim mieście portowym Władywostok" spans 5; 10 leaves room for a title and a name.
 */
const EVENT_TO_PLACE_WORDS = 10;
/** Words allowed between the preposition and the place name (adjectives: "rosyjskim mieście portowym"). */
const PREPOSITION_TO_PLACE_WORDS = 4;
/** People mentioned in the most articles are the event's participants. */
const MAIN_PARTICIPANTS = 2;

interface SlotValue {
  readonly slot: ConflictSlot;
  /** Identity of the value (entity key, normalised date, number + unit). */
  readonly key: string;
  readonly label: string;
  readonly subject: string;
  readonly sentence: SentenceFeatures;
  readonly citation: Citation;
}

// Plain toLowerCase: Polish has no locale-specific casing (unlike Turkish), and the locale form is ~10× slower.
const lower = (s: string): string => s.toLowerCase();

function mainParticipants(features: StoryFeatures): Set<string> {
  const articles = new Map<string, Set<number>>();
  for (const s of features.sentences) {
    for (const m of s.mentions) {
      if (m.type !== 'PER') continue;
      const set = articles.get(m.key) ?? new Set<number>();
      set.add(s.articleIndex);
      articles.set(m.key, set);
    }
  }
  return new Set(
    [...articles.entries()]
      .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
      .slice(0, MAIN_PARTICIPANTS)
      .map(([key]) => key),
  );
}

/** Year and month of the earliest publication date: values before it are background. */
function storyStart(features: StoryFeatures): string | undefined {
  const dates = features.byArticle
    .map((list) => list[0]?.article.published?.value)
    .filter((v): v is string => v !== undefined)
    .sort();
  return dates[0]?.slice(0, 7);
}

function isBefore(value: string, start: string | undefined): boolean {
  if (!start) return false;
  const v = /^(\d{4})(?:-(\d{2}))?/.exec(value);
  const s = /^(\d{4})(?:-(\d{2}))?/.exec(start);
  if (!v || !s) return false;
  if (v[1] !== s[1]) return v[1]! < s[1]!;
  return v[2] !== undefined && s[2] !== undefined && v[2] < s[2];
}

function eventWordIndexes(s: SentenceFeatures, stems: readonly string[]): number[] {
  const out: number[] = [];
  s.words.forEach((w, i) => {
    if (stems.some((stem) => w.startsWith(stem))) out.push(i);
  });
  return out;
}

/** The event words of a sentence that may carry the main event's slots (step 1). */
function eventAnchors(s: SentenceFeatures, participants: ReadonlySet<string>, start: string | undefined): number[] {
  const lexicon = synthesisLexicon(s.language);
  const anchors = eventWordIndexes(s, lexicon.eventWords);
  if (anchors.length === 0) return [];
  if (s.times.some((t) => isBefore(t.value, start))) return [];
  const verbs = s.words.filter((w) => lexicon.eventVerbs.includes(w));
  const namesParticipant = [...s.entityKeys].some((k) => participants.has(k));
  if (verbs.length > 0 && !namesParticipant) return [];
  return anchors;
}

function wordIndexAt(s: SentenceFeatures, offset: number): number {
  let index = -1;
  for (let i = 0; i < s.wordStarts.length && s.wordStarts[i]! <= offset; i++) index = i;
  return index;
}

function citationOf(s: SentenceFeatures): Citation {
  return { article: s.article.id, start: s.sentence.start, end: s.sentence.end };
}

/**
 * Folded four-letter prefixes per word, so inflected and base forms of a place name meet:
 * "Dalekim Wschodzie Rosji" ↔ "Daleki Wschód Rosji", "Władywostoku" ↔ "Władywostok".
 */
export function placeSignature(name: string): string {
  return lower(name)
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, 4))
    .join(' ');
}

interface PlaceNames {
  /** Signature → the resource's base form. */
  readonly known: ReadonlyMap<string, string>;
  /** Signature of an alias → signature of its canonical name. */
  readonly aliases: ReadonlyMap<string, string>;
}

const placeNamesCache = new Map<string, PlaceNames>();

function placeNames(language: SentenceFeatures['language']): PlaceNames {
  const lang = language === 'en' ? 'en' : 'pl';
  let names = placeNamesCache.get(lang);
  if (!names) {
    const lexicon = synthesisLexicon(language);
    const known = new Map<string, string>();
    for (const pair of lexicon.placeParents) for (const name of pair) known.set(placeSignature(name), name);
    const aliases = new Map(lexicon.placeAliases.map(([alias, canonical]) => [placeSignature(alias), placeSignature(canonical)] as const));
    names = { known, aliases };
    placeNamesCache.set(lang, names);
  }
  return names;
}

/** The identity of a place name: its signature, aliases folded onto their canonical name (also used by eval). */
export function placeKey(name: string, language: SentenceFeatures['language']): string {
  const signature = placeSignature(name);
  return placeNames(language).aliases.get(signature) ?? signature;
}

const isCapitalised = (word: string | undefined): boolean => word !== undefined && /^\p{Lu}/u.test(word);

/**
 * The place named from word `at`: the entity layer's mention when there is one (any type but a
 * person: the layer may tag a city as an organisation), else the run of capitalised words, with
 * its base form from the place resource when known.
 */
function placeAt(s: SentenceFeatures, at: number): { key: string; label: string } | undefined {
  const offset = s.wordStarts[at]!;
  const mention = s.mentions.find((m) => m.start <= offset && offset < m.end);
  if (mention) return mention.type === 'PER' ? undefined : { key: placeKey(mention.base, s.language), label: mention.base };
  let end = at;
  while (end + 1 < s.surfaces.length && end - at < 3 && isCapitalised(s.surfaces[end + 1])) end++;
  const run = s.surfaces.slice(at, end + 1).join(' ');
  return { key: placeKey(run, s.language), label: placeNames(s.language).known.get(placeSignature(run)) ?? run };
}

/** An adjective or a place head noun ("rosyjskim", "mieście") may precede the name. */
function mayPrecedePlace(word: string, between: readonly string[]): boolean {
  return between.some((b) => (b.startsWith('-') ? word.endsWith(b.slice(1)) : word.startsWith(b)));
}

function subjectOf(s: SentenceFeatures, anchor: number): string {
  return s.lemmas[anchor] ?? s.words[anchor] ?? '';
}

function placeValue(s: SentenceFeatures, at: number, subject: string): SlotValue[] {
  const place = placeAt(s, at);
  return place ? [{ slot: 'place', key: place.key, label: place.label, subject, sentence: s, citation: citationOf(s) }] : [];
}

/** Places after a locative preposition shortly after an event word (step 2). */
function placesIn(s: SentenceFeatures, anchors: readonly number[]): SlotValue[] {
  const { placePrepositions, placeBetween } = synthesisLexicon(s.language);
  const out: SlotValue[] = [];
  s.words.forEach((w, prep) => {
    if (!placePrepositions.has(w)) return;
    const anchor = anchors.filter((a) => a < prep && prep - a <= EVENT_TO_PLACE_WORDS).pop();
    if (anchor === undefined) return;
    // The window ends at the first word that can be neither the name nor lead up to it.
    const window: number[] = [];
    for (let i = prep + 1; i < s.words.length && i <= prep + 1 + PREPOSITION_TO_PLACE_WORDS; i++) {
      window.push(i);
      if (!isCapitalised(s.surfaces[i]) && !mayPrecedePlace(s.words[i]!, placeBetween)) break;
    }
    // A tagged name wins over an untagged capitalised word ("the Austrian capital Vienna").
    const tagged = window.find((i) => s.mentions.some((m) => m.type !== 'PER' && m.start === s.wordStarts[i]));
    const at = tagged ?? window.find((i) => isCapitalised(s.surfaces[i]));
    if (at !== undefined) out.push(...placeValue(s, at, subjectOf(s, anchor)));
  });
  return out;
}

/** "Miejsce spotkania było tajemnicą. Wostocznyj to kosmodrom…": the next sentence names the place. */
function placeAnsweredNext(s: SentenceFeatures, next: SentenceFeatures | undefined, anchors: readonly number[]): SlotValue[] {
  if (!next || next.words.length < 2) return [];
  const { placeCues, copulas } = synthesisLexicon(s.language);
  const cue = s.words.findIndex((w, i) => placeCues.has(w) && anchors.includes(i + 1));
  if (cue < 0) return [];
  const tagged = next.mentions.some((m) => m.type !== 'PER' && m.start === next.wordStarts[0]);
  // An untagged leading name counts only in a defining sentence ("X to …"), not any sentence start.
  const copula = next.words.findIndex((w, i) => i > 0 && i <= 3 && copulas.has(w));
  if (!tagged && copula < 0) return [];
  return placeValue(next, 0, subjectOf(s, cue + 1));
}

function eventSlotValues(features: StoryFeatures): SlotValue[] {
  const participants = mainParticipants(features);
  const start = storyStart(features);
  const values: SlotValue[] = [];
  for (const list of features.byArticle) {
    // Background is judged against the article's own date: a long-running story spans months.
    const own = list[0]?.article.published?.value.slice(0, 7) ?? start;
    list.forEach((s, i) => {
      const anchors = eventAnchors(s, participants, own);
      if (anchors.length === 0) return;
      const places = placesIn(s, anchors);
      values.push(...(places.length > 0 ? places : placeAnsweredNext(s, list[i + 1], anchors)));
      for (const t of s.times) {
        if (!t.value || isBefore(t.value, own)) continue;
        values.push({ slot: 'date', key: t.value, label: t.value, subject: subjectOf(s, anchors[0]!), sentence: s, citation: citationOf(s) });
      }
    });
  }
  return values;
}

/** Digits with the same unit that differ between paraphrases of one claim. */
function numberValues(groups: readonly SentenceGroup[]): SlotValue[][] {
  const out: SlotValue[][] = [];
  for (const g of groups) {
    if (g.members.length < 2) continue;
    const byUnit = new Map<string, SlotValue[]>();
    for (const s of g.members) {
      for (const d of s.digits) {
        // Years are dates, not counts; the date slot covers them.
        if (!d.unit || /^(1[89]|20)\d\d$/.test(d.value)) continue;
        const list = byUnit.get(d.unit) ?? [];
        list.push({ slot: 'number', key: d.value, label: d.value, subject: d.unit, sentence: s, citation: citationOf(s) });
        byUnit.set(d.unit, list);
      }
    }
    out.push(...byUnit.values());
  }
  return out;
}

/**
 * Quotes sharing at least this Jaccard overlap of word stems are one quote. 0.6 lets outlets
 * trim or re-punctuate a quote while two different statements by one speaker stay apart.
 */
const SAME_QUOTE = 0.6;
/** Shorter quotes ("to błąd") are too generic to pin on one speaker. */
const MIN_QUOTE_WORDS = 5;

function quoteStems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, 6)));
}

/** A comparable speaker identity: the surname of a named speaker; descriptions ("rzecznik") none. */
function speakerIdentity(speaker: { readonly name: string } | undefined): string | undefined {
  if (!speaker) return undefined;
  const words = speaker.name.trim().split(/\s+/);
  // A first name and a surname: one-word speakers are mostly agencies and outlets ("AFP",
  // "Reuters") that relay a quote rather than say it.
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return undefined;
  // Five letters of the surname: "Pieskow"/"Pieskowa", "Sullivan"/"Sullivana" meet.
  return lower(words[words.length - 1]!).slice(0, 5);
}

/** The same quote attributed to different people by different articles. */
function personValues(features: StoryFeatures): SlotValue[][] {
  const items: { s: SentenceFeatures; text: string; stems: Set<string>; speaker: string; label: string }[] = [];
  for (const s of features.sentences) {
    for (const q of s.quotes) {
      const speaker = speakerIdentity(q.speaker);
      const stems = quoteStems(q.text);
      if (!speaker || stems.size < MIN_QUOTE_WORDS) continue;
      items.push({ s, text: q.text, stems, speaker, label: q.speaker!.name });
    }
  }
  const clusters: (typeof items)[] = [];
  for (const item of items) {
    const home = clusters.find((c) => {
      const first = c[0]!;
      const inter = [...item.stems].filter((x) => first.stems.has(x)).length;
      return inter / (item.stems.size + first.stems.size - inter) >= SAME_QUOTE;
    });
    if (home) home.push(item);
    else clusters.push([item]);
  }
  return clusters
    .filter((c) => new Set(c.map((i) => i.speaker)).size > 1)
    .map((c) => {
      const subject = `„${c[0]!.text.split(/\s+/).slice(0, 6).join(' ')}…”`;
      return c.map((i) => ({ slot: 'person' as const, key: i.speaker, label: i.label, subject, sentence: i.s, citation: citationOf(i.s) }));
    });
}

/**
 * Ancestors of a place, by place key: the resource's containment plus "A w B" written in the story
 * ("Bajkonuru w Kazachstanie").
 */
function placeAncestors(features: StoryFeatures): (key: string) => Set<string> {
  const parents = new Map<string, Set<string>>();
  const link = (child: string, parent: string): void => {
    const set = parents.get(child) ?? new Set<string>();
    set.add(parent);
    parents.set(child, set);
  };
  for (const s of features.sentences) {
    const { placePrepositions } = synthesisLexicon(s.language);
    const places = s.mentions.filter((m) => m.type !== 'PER');
    for (let i = 0; i + 1 < places.length; i++) {
      const gap = s.sentence.text.slice(places[i]!.end - s.sentence.start, places[i + 1]!.start - s.sentence.start).trim();
      if (placePrepositions.has(lower(gap))) link(placeKey(places[i]!.base, s.language), placeKey(places[i + 1]!.base, s.language));
    }
  }
  const language = features.sentences[0]?.language ?? 'pl';
  for (const [child, parent] of synthesisLexicon(language).placeParents) link(placeKey(child, language), placeKey(parent, language));
  return (key) => {
    const out = new Set<string>();
    const queue = [key];
    while (queue.length > 0) {
      for (const p of parents.get(queue.pop()!) ?? []) {
        if (out.has(p)) continue;
        out.add(p);
        queue.push(p);
      }
    }
    return out;
  };
}

function dateContains(outer: string, inner: string): boolean {
  return inner.length > outer.length && inner.startsWith(outer);
}

interface ValueGroup {
  readonly key: string;
  readonly label: string;
  readonly subject: string;
  readonly items: SlotValue[];
  readonly articles: Set<string>;
}

function groupValues(values: readonly SlotValue[]): ValueGroup[] {
  const groups = new Map<string, ValueGroup>();
  for (const v of values) {
    let g = groups.get(v.key);
    if (!g) {
      g = { key: v.key, label: v.label, subject: v.subject, items: [], articles: new Set() };
      groups.set(v.key, g);
    }
    g.items.push(v);
    g.articles.add(v.sentence.article.id);
  }
  return [...groups.values()];
}

/** True when some article reports `a` without `b` and some other article `b` without `a`. */
function disputed(a: ValueGroup, b: ValueGroup): boolean {
  const onlyA = [...a.articles].filter((x) => !b.articles.has(x));
  const onlyB = [...b.articles].filter((x) => !a.articles.has(x));
  return onlyA.length > 0 && onlyB.length > 0;
}

/**
 * Two places dated to different times describe two events (a meeting in London on 5 February,
 * another in Brussels in March), not a dispute: some citing sentences of the two values must have
 * no dates or aligned ones (issue 7 §1, "dates aligned").
 */
function sameOccasion(a: ValueGroup, b: ValueGroup): boolean {
  const dates = (v: SlotValue): string[] => v.sentence.times.map((t) => t.value).filter(Boolean);
  return a.items.some((x) =>
    b.items.some((y) => {
      const dx = dates(x);
      const dy = dates(y);
      return dx.length === 0 || dy.length === 0 || dx.some((p) => dy.some((q) => p.startsWith(q) || q.startsWith(p)));
    }),
  );
}

function toConflict(slot: ConflictSlot, kind: Conflict['kind'], pair: readonly ValueGroup[]): Conflict {
  return {
    slot,
    subject: pair[0]!.subject,
    kind,
    values: pair.map((g) => {
      const unique = new Map<string, SlotValue>();
      for (const v of g.items) unique.set(`${v.citation.article}:${v.citation.start}`, v);
      const items = [...unique.values()];
      return {
        value: g.label,
        citations: items.map((v) => v.citation),
        epistemic: items.map((v): EpistemicStatus => v.sentence.epistemic),
      };
    }),
  };
}

function pairConflicts(
  slot: ConflictSlot,
  values: readonly SlotValue[],
  contains: (outer: ValueGroup, inner: ValueGroup) => boolean,
): Conflict[] {
  const groups = groupValues(values);
  const out: Conflict[] = [];
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i]!;
      const b = groups[j]!;
      if (!disputed(a, b) || (slot !== 'date' && !sameOccasion(a, b))) continue;
      const [outer, inner] = contains(a, b) ? [a, b] : contains(b, a) ? [b, a] : [undefined, undefined];
      if (!outer || !inner) {
        out.push(toConflict(slot, 'contradiction', [a, b]));
        continue;
      }
      // A chain city ⊂ region ⊂ country keeps only its direct links.
      const implied = groups.some((m) => m !== outer && m !== inner && contains(outer, m) && contains(m, inner));
      if (!implied) out.push(toConflict(slot, 'refinement', [inner, outer]));
    }
  }
  return out;
}

/**
 * At most this many conflicts per slot, the best supported first: a single-event story has few
 * competing values (the seeds: 4 place pairs), while a loose multi-event cluster (BSNLP's
 * month-long "brexit" topic gave 90 place pairs, 2026-11) would bury the real dispute in noise.
 */
const MAX_CONFLICTS_PER_SLOT = 6;

function support(c: Conflict): number {
  const articles = c.values.map((v) => new Set(v.citations.map((x) => x.article)).size);
  return Math.min(...articles) * 100 + articles.reduce((a, b) => a + b, 0);
}

/** Conflicts over the story's place, date, numbers and quoted people, contradictions first. */
export function findConflicts(features: StoryFeatures, groups: readonly SentenceGroup[]): Conflict[] {
  const values = eventSlotValues(features);
  const ancestors = placeAncestors(features);
  const placeContains = (outer: ValueGroup, inner: ValueGroup): boolean => {
    return ancestors(inner.key).has(outer.key);
  };
  const conflicts = [
    ...pairConflicts('place', values.filter((v) => v.slot === 'place'), placeContains),
    ...pairConflicts('date', values.filter((v) => v.slot === 'date'), (o, i) => dateContains(o.key, i.key)),
    ...numberValues(groups).flatMap((list) => pairConflicts('number', list, () => false)),
    ...personValues(features).flatMap((list) => pairConflicts('person', list, () => false)),
  ];
  const kept: Conflict[] = [];
  for (const slot of ['place', 'date', 'number', 'person'] as const) {
    const ofSlot = conflicts.filter((c) => c.slot === slot);
    kept.push(...ofSlot.sort((a, b) => support(b) - support(a)).slice(0, MAX_CONFLICTS_PER_SLOT));
  }
  const rank = (c: Conflict): number => (c.kind === 'contradiction' ? 0 : 1);
  return kept.sort((a, b) => rank(a) - rank(b));
}
