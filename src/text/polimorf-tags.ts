/**
 * PoliMorf's morphosyntactic tags (the NKJP tagset as morfologik writes it, described in
 * resources/pl/polimorf/pl.README-pl): `class:value:value…`, where a value may list alternatives
 * joined by "." ("sg:nom.voc:m1.m2.m3") and a dictionary entry may join several whole tags with
 * "+" (and, in about a hundred entries, "|"). Values are read by what they are, not by position:
 * every NKJP value belongs to exactly one category, so "verb:praet:sg:m1.m2.m3:ter:perf" and
 * "subst:sg:gen:f" need no per-class layout table.
 */

export type GrammaticalNumber = 'sg' | 'pl';
export type GrammaticalCase = 'nom' | 'gen' | 'dat' | 'acc' | 'inst' | 'loc' | 'voc';
/**
 * NKJP genders: m1 masculine personal (persons: "Putin", "Kowalski"), m2 animate, m3 inanimate,
 * f feminine, n1/n2 neuter, p1/p2/p3 the plurale tantum classes ("Niemcy" p2, "państwo" p1).
 */
export type GrammaticalGender = 'm1' | 'm2' | 'm3' | 'f' | 'n1' | 'n2' | 'p1' | 'p2' | 'p3';
export type GrammaticalPerson = 'pri' | 'sec' | 'ter';
export type Degree = 'pos' | 'com' | 'sup';
export type Aspect = 'perf' | 'imperf';

export interface ParsedTag {
  /** The tag as given (one tag, no "+"). */
  readonly tag: string;
  /** Grammatical class: subst, adj, verb, ger, ppas, pact, num, prep, adv, … */
  readonly pos: string;
  /** Verbs only: fin, praet, impt, inf, pot, imps, bedzie, winien, pred. */
  readonly verbForm?: string;
  readonly number?: GrammaticalNumber;
  /** Every case the form may be in (alternatives of the tag), in the tag's order. */
  readonly cases: readonly GrammaticalCase[];
  readonly genders: readonly GrammaticalGender[];
  readonly person?: GrammaticalPerson;
  readonly degree?: Degree;
  readonly aspects: readonly Aspect[];
  /** aff (plain) or neg ("nie-" forms of gerunds and participles). */
  readonly negation?: 'aff' | 'neg';
  /** Values of the rarer categories as written: refl/nonrefl, akc/nakc, praep, congr/rec, wok, pun, … */
  readonly other: readonly string[];
}

type Category = 'number' | 'case' | 'gender' | 'person' | 'degree' | 'aspect' | 'negation' | 'verbForm';

const CATEGORY: ReadonlyMap<string, Category> = new Map<string, Category>([
  ...(['sg', 'pl'] as const).map((v) => [v, 'number'] as const),
  ...(['nom', 'gen', 'dat', 'acc', 'inst', 'loc', 'voc'] as const).map((v) => [v, 'case'] as const),
  ...(['m1', 'm2', 'm3', 'f', 'n1', 'n2', 'p1', 'p2', 'p3'] as const).map((v) => [v, 'gender'] as const),
  ...(['pri', 'sec', 'ter'] as const).map((v) => [v, 'person'] as const),
  ...(['pos', 'com', 'sup'] as const).map((v) => [v, 'degree'] as const),
  ...(['perf', 'imperf'] as const).map((v) => [v, 'aspect'] as const),
  ...(['aff', 'neg'] as const).map((v) => [v, 'negation'] as const),
  ...(['fin', 'praet', 'impt', 'inf', 'pot', 'imps', 'bedzie', 'winien', 'pred'] as const).map((v) => [v, 'verbForm'] as const),
]);

/** A tag string that is not a PoliMorf tag; carries the offending text. */
export class TagSyntaxError extends Error {
  constructor(readonly tag: string, detail: string) {
    super(`not a PoliMorf tag ${JSON.stringify(tag)}: ${detail}`);
    this.name = 'TagSyntaxError';
  }
}

/**
 * The single tags of a dictionary tag field ("subst:sg:dat:f+subst:sg:gen:f" → two tags).
 * @example splitTag('adj:sg:nom:m1.m2.m3:pos|adj:sg:acc:m3:pos') // → ['adj:sg:nom:m1.m2.m3:pos', 'adj:sg:acc:m3:pos']
 */
export function splitTag(tag: string): string[] {
  return tag.split(/[+|]/).filter((t) => t.length > 0);
}

const parsed = new Map<string, ParsedTag>();

/**
 * Reads one tag into its categories; alternatives ("nom.voc", "m1.m2.m3") become lists.
 * A value of an unknown category is kept in `other`; a tag joining several with "+" or "|" is
 * refused (split it with splitTag first: Polimorf.lookup already does).
 * @example parseTag('adj:sg:nom.voc:m1.m2.m3:pos') // → { pos: 'adj', number: 'sg', cases: ['nom', 'voc'], genders: ['m1', 'm2', 'm3'], degree: 'pos', … }
 */
export function parseTag(tag: string): ParsedTag {
  const hit = parsed.get(tag);
  if (hit) return hit;
  if (/[+|]/.test(tag)) throw new TagSyntaxError(tag, 'several tags joined; split them with splitTag()');
  const [pos, ...fields] = tag.split(':');
  if (!pos || !/^[a-z0-9]+$/.test(pos)) throw new TagSyntaxError(tag, 'no grammatical class');
  const cases: GrammaticalCase[] = [];
  const genders: GrammaticalGender[] = [];
  const aspects: Aspect[] = [];
  const other: string[] = [];
  let number: GrammaticalNumber | undefined;
  let person: GrammaticalPerson | undefined;
  let degree: Degree | undefined;
  let negation: 'aff' | 'neg' | undefined;
  let verbForm: string | undefined;
  for (const field of fields) {
    if (!field) throw new TagSyntaxError(tag, 'empty field');
    const values = field.split('.');
    const category = CATEGORY.get(values[0]);
    // A field is one category; "refl.nonrefl" and other unlisted ones are kept as written.
    if (!category || values.some((v) => CATEGORY.get(v) !== category)) { other.push(field); continue; }
    switch (category) {
      case 'case': cases.push(...(values as GrammaticalCase[])); break;
      case 'gender': genders.push(...(values as GrammaticalGender[])); break;
      case 'aspect': aspects.push(...(values as Aspect[])); break;
      case 'number': if (values.length === 1 && !number) number = values[0] as GrammaticalNumber; else other.push(field); break;
      case 'person': if (values.length === 1 && !person) person = values[0] as GrammaticalPerson; else other.push(field); break;
      case 'degree': if (values.length === 1 && !degree) degree = values[0] as Degree; else other.push(field); break;
      case 'negation': if (values.length === 1 && !negation) negation = values[0] as 'aff' | 'neg'; else other.push(field); break;
      // Only a verb's first field is its form; "pot" later in a "pred" tag is the mood.
      case 'verbForm': if (pos === 'verb' && !verbForm && values.length === 1) verbForm = values[0]; else other.push(field); break;
    }
  }
  const result: ParsedTag = Object.freeze({
    tag, pos, cases, genders, aspects, other,
    ...(verbForm ? { verbForm } : {}),
    ...(number ? { number } : {}),
    ...(person ? { person } : {}),
    ...(degree ? { degree } : {}),
    ...(negation ? { negation } : {}),
  });
  // PoliMorf has about 4,400 distinct tag fields and 1,200 single tags: caching them all is cheap.
  if (parsed.size < 20_000) parsed.set(tag, result);
  return result;
}

/** Parts of speech that decline like adjectives and agree with a noun in case, number and gender. */
export const ADJECTIVAL = new Set(['adj', 'ppas', 'pact']);

/**
 * A perfective verb in the non-past ("ogłosi", "padnie"): the Polish future. Only the aspect
 * "perf" alone: a verb of both aspects ("imperf.perf") may be a present.
 */
export function isPerfectiveFuture(t: ParsedTag): boolean {
  return t.verbForm === 'fin' && t.aspects.length === 1 && t.aspects[0] === 'perf';
}
