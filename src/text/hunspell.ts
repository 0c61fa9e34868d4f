/**
 * A Hunspell affix analyser: parses .aff (PFX/SFX with strip/add/condition and cross-product)
 * and .dic (stem/flags), then analyses a word form by *reversing* the rules: for every suffix
 * rule whose `add` ends the word, stem = word − add + strip must satisfy the rule's condition and
 * be a .dic stem carrying the rule's flag; likewise for prefixes, and prefix+suffix when both rules
 * allow cross-products. Rules are indexed by `add` so a word costs one map lookup per ending length;
 * stems live in a StemTable (stem-table.ts) probed without building candidate strings.
 * Only single-character flags (the default FLAG type, which dictionary-pl uses) are supported;
 * no compounding, no AF/AM aliases. Pure: takes file contents, does no I/O.
 */

import { FNV_OFFSET, fnvExtend, fnvStep, StemTable } from './stem-table.ts';

export interface AffixRule {
  readonly kind: 'PFX' | 'SFX';
  readonly flag: string;
  readonly crossProduct: boolean;
  readonly strip: string;
  readonly add: string;
  /** Tests the stem: anchored at its end (SFX) or start (PFX); undefined means "." (any). */
  readonly condition?: RegExp;
}

export interface HunspellAnalysis {
  /** The stem as written in .dic, with its capitalisation; for prefixed forms the prefix is kept ("niewykluczony"). */
  readonly lemma: string;
  /** The dictionary stem the form was derived from ("wykluczony" for "niewykluczone"). */
  readonly stem: string;
  /** Characters removed plus added between lemma and form: a rough edit size used to rank analyses. */
  readonly edit: number;
  readonly suffix?: AffixRule;
  readonly prefix?: AffixRule;
}

export interface HunspellData {
  /** stem → concatenated flags of every homonymous entry. */
  readonly stems: StemTable;
  /** add → strip → rules: one stem lookup serves every rule sharing (add, strip). */
  readonly suffixesByAdd: ReadonlyMap<string, ReadonlyMap<string, readonly AffixRule[]>>;
  readonly prefixesByAdd: ReadonlyMap<string, readonly AffixRule[]>;
  readonly maxSuffixAdd: number;
  readonly maxPrefixAdd: number;
}

function compileCondition(kind: 'PFX' | 'SFX', condition: string): RegExp | undefined {
  if (condition === '.' || condition === '') return undefined;
  // Hunspell conditions are a regex subset (literals, [...], [^...], '.'), so they compile as-is.
  return new RegExp(kind === 'SFX' ? `(?:${condition})$` : `^(?:${condition})`, 'u');
}

/** Parses the PFX/SFX tables of an .aff file (other directives are ignored). */
export function parseAff(aff: string): AffixRule[] {
  const rules: AffixRule[] = [];
  const cross = new Map<string, boolean>();
  for (const line of aff.split(/\r?\n/)) {
    if (!line.startsWith('PFX') && !line.startsWith('SFX')) continue;
    const parts = line.trim().split(/\s+/);
    const kind = parts[0] as 'PFX' | 'SFX';
    const flag = parts[1];
    const key = `${kind}${flag}`;
    if (!cross.has(key)) { // header: "SFX a Y 6"
      cross.set(key, parts[2] === 'Y');
      continue;
    }
    const strip = parts[2] === '0' ? '' : parts[2];
    // "add/flags" (continuation classes) is not used by dictionary-pl; keep the add part only.
    const add = parts[3] === '0' ? '' : parts[3].split('/')[0];
    rules.push({ kind, flag, crossProduct: cross.get(key)!, strip, add, condition: compileCondition(kind, parts[4] ?? '.') });
  }
  return rules;
}

/** Parses an .dic file: first line is the entry count, then `stem[/flags]` per line. */
export function parseDic(dic: string): StemTable {
  return new StemTable(dic);
}

export function buildHunspell(rules: readonly AffixRule[], stems: StemTable): HunspellData {
  const suffixesByAdd = new Map<string, Map<string, AffixRule[]>>();
  const prefixesByAdd = new Map<string, AffixRule[]>();
  let maxSuffixAdd = 0;
  let maxPrefixAdd = 0;
  for (const rule of rules) {
    if (rule.kind === 'SFX') {
      let byStrip = suffixesByAdd.get(rule.add);
      if (!byStrip) suffixesByAdd.set(rule.add, byStrip = new Map());
      const list = byStrip.get(rule.strip);
      if (list) list.push(rule); else byStrip.set(rule.strip, [rule]);
      maxSuffixAdd = Math.max(maxSuffixAdd, rule.add.length);
    } else {
      const list = prefixesByAdd.get(rule.add);
      if (list) list.push(rule); else prefixesByAdd.set(rule.add, [rule]);
      maxPrefixAdd = Math.max(maxPrefixAdd, rule.add.length);
    }
  }
  return { stems, suffixesByAdd, prefixesByAdd, maxSuffixAdd, maxPrefixAdd };
}

function hasFlag(data: HunspellData, stem: string, flag: string): boolean {
  const flags = data.stems.get(stem);
  return flags !== undefined && flags.includes(flag);
}

let prefixStates = new Float64Array(64);

/** Suffix readings of `word`; with `prefix`, the stem must also carry the prefix flag (cross-product). */
function suffixAnalyses(data: HunspellData, word: string, out: HunspellAnalysis[], prefix?: AffixRule): void {
  const max = Math.min(word.length - 1, data.maxSuffixAdd);
  // FNV states of every prefix of the word, so each candidate stem's hash is one short extension
  // and a missing stem is rejected without building its string. One buffer for every call (this
  // runs for most words analysed; nothing it calls comes back here).
  if (prefixStates.length < word.length + 1) prefixStates = new Float64Array(2 * (word.length + 1));
  const prefixState = prefixStates;
  prefixState[0] = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) prefixState[i + 1] = fnvStep(prefixState[i], word.charCodeAt(i));
  for (let len = 0; len <= max; len++) {
    const byStrip = data.suffixesByAdd.get(word.slice(word.length - len));
    if (!byStrip) continue;
    const baseState = prefixState[word.length - len];
    // Keys, not [key, value] entries: an entry array per candidate strip was garbage.
    for (const strip of byStrip.keys()) {
      const rules = byStrip.get(strip)!;
      const slot = data.stems.findParts(fnvExtend(baseState, strip), word, word.length - len, strip);
      if (slot < 0) continue;
      const flags = data.stems.flagsAt(slot);
      if (flags === '') continue;
      const stem = word.slice(0, word.length - len) + strip;
      if (prefix && !flags.includes(prefix.flag)) continue;
      for (const rule of rules) {
        if (prefix && !(rule.crossProduct && prefix.crossProduct)) continue;
        if (!flags.includes(rule.flag)) continue;
        if (rule.condition && !rule.condition.test(stem)) continue;
        out.push({ lemma: stem, stem, edit: strip.length + rule.add.length, suffix: rule, prefix });
      }
    }
  }
}

/**
 * Readings of `word` as written from suffix rules alone (plus the word itself when it is a stem),
 * for callers that reason about inflection endings only, such as proper names, where a prefix
 * reading ("nie-") is never the right one.
 * @example analyzeSuffixes(pl, 'Kremlowi') // → [{ lemma: 'Kreml', suffix: { add: 'owi', … }, … }]
 */
export function analyzeSuffixes(data: HunspellData, word: string): HunspellAnalysis[] {
  const out: HunspellAnalysis[] = [];
  if (data.stems.has(word)) out.push({ lemma: word, stem: word, edit: 0 });
  suffixAnalyses(data, word, out);
  return out;
}

/**
 * Every analysis of `word` exactly as written (no case folding; callers fold).
 * @example analyzeWord(pl, 'pociągiem') // → [{ lemma: 'pociąg', … }]
 */
export function analyzeWord(data: HunspellData, word: string): HunspellAnalysis[] {
  const out: HunspellAnalysis[] = [];
  if (data.stems.has(word)) out.push({ lemma: word, stem: word, edit: 0 });
  suffixAnalyses(data, word, out);
  const maxP = Math.min(word.length - 1, data.maxPrefixAdd);
  for (let len = 1; len <= maxP; len++) {
    const rules = data.prefixesByAdd.get(word.slice(0, len));
    if (!rules) continue;
    for (const prefix of rules) {
      const rest = prefix.strip + word.slice(len);
      const found: HunspellAnalysis[] = [];
      if (!prefix.condition || prefix.condition.test(rest)) {
        if (hasFlag(data, rest, prefix.flag)) found.push({ lemma: rest, stem: rest, edit: 0 });
      }
      suffixAnalyses(data, rest, found, prefix);
      for (const a of found) {
        if (prefix.condition && !prefix.condition.test(a.stem)) continue;
        // The lemma keeps the prefix: "niewykluczone" → "niewykluczony", so negation survives.
        out.push({ ...a, lemma: prefix.add + a.stem.slice(prefix.strip.length), prefix, edit: a.edit + prefix.add.length + prefix.strip.length });
      }
    }
  }
  return out;
}
