/**
 * English verb forms for event updates (src/synthesis/updates.ts): which word is a verb, its base
 * form, and whether it reports the happening as done. English marks the expected happening by a
 * bare infinitive after a modal or "to" ("will leave", "is expected to leave", "cannot leave") and
 * the done one by the past ("left", "has met"): the irregular verbs are a closed table
 * (resources/en/irregular-verbs.txt: base, past, participle), the rest take -ed, whose base the
 * text layer's lemma gives ("agreed" → "agree", "stopped" → "stop").
 */
import { loadResource, type ResourceLanguage } from '../resources.ts';
import type { SentenceFeatures } from './features.ts';

export interface VerbTable {
  /** Past or participle form → base ("left" → "leave", "met" → "meet"). */
  readonly pastOf: ReadonlyMap<string, string>;
  readonly bases: ReadonlySet<string>;
}

const tables = new Map<string, VerbTable>();

/** resources/<lang>/<name>.txt: "base past participle" lines, "/" between variants. */
export function verbTable(lang: ResourceLanguage, name: string): VerbTable {
  const key = `${lang}/${name}`;
  let table = tables.get(key);
  if (!table) {
    const pastOf = new Map<string, string>();
    const bases = new Set<string>();
    for (const line of loadResource(lang, name)) {
      const [base, past = '', participle = ''] = line.toLowerCase().split(/\s+/u);
      if (!base) continue;
      bases.add(base);
      for (const form of [...past.split('/'), ...participle.split('/')]) if (form && !pastOf.has(form)) pastOf.set(form, base);
    }
    table = { pastOf, bases };
    tables.set(key, table);
  }
  return table;
}

/** Curly apostrophes as straight ones: "won’t" is "won't". */
export const straightApostrophe = (word: string): string => word.replace(/’/gu, "'");

/** Bases a regular past may have: "talked" → talk, "agreed" → agree, "stopped" → stop, "carried" → carry. */
function regularBases(word: string): string[] {
  if (!word.endsWith('ed') || word.length < 4) return [];
  const stem = word.slice(0, -2);
  const out = [stem, word.slice(0, -1)];
  if (stem.length > 2 && stem.at(-1) === stem.at(-2)) out.push(stem.slice(0, -1));
  if (stem.endsWith('i')) out.push(`${stem.slice(0, -1)}y`);
  return out;
}

export interface EnglishVerb {
  readonly lemma: string;
  /** A past or participle form outside a bare-infinitive frame: the happening told as done. */
  readonly past: boolean;
  /** The bare infinitive after a modal or "to": the form an expectation or a denial takes. */
  readonly base: boolean;
}

/**
 * The word at `i` as a verb: a bare infinitive within `gap` words after a word of `baseBefore`
 * ("to", "will", "cannot", "did not"), else a past form (the table, or -ed whose base is the
 * word's lemma); names, function words and other words are no verb here.
 */
export function englishVerb(
  s: SentenceFeatures,
  i: number,
  table: VerbTable,
  baseBefore: ReadonlySet<string>,
  functionWords: ReadonlySet<string>,
  gap: number,
): EnglishVerb | undefined {
  const word = straightApostrophe(s.words[i]!);
  if (functionWords.has(word) || !/^\p{Ll}+$/u.test(s.surfaces[i] ?? '')) return undefined;
  let framed = false;
  for (let j = i - 1; j >= Math.max(0, i - gap); j--) {
    if (/[,;:.!?()–—]/u.test(s.sentence.text.slice(s.wordStarts[j]! - s.sentence.start, s.wordStarts[i]! - s.sentence.start))) break;
    if (baseBefore.has(straightApostrophe(s.words[j]!))) {
      framed = true;
      break;
    }
  }
  const irregular = table.pastOf.get(word);
  if (framed && (table.bases.has(word) || !irregular)) return { lemma: word, past: false, base: true };
  if (irregular) return { lemma: irregular, past: true, base: false };
  const lemma = s.lemmas[i]!;
  if (lemma !== word && regularBases(word).includes(lemma)) return { lemma, past: true, base: false };
  return undefined;
}
