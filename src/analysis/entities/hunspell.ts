/**
 * A minimal Hunspell suffix analyser over dictionary-pl (LGPL/GPL/MPL, see docs/RESOURCES.md):
 * "which dictionary stems could this word form come from?". Entities need it for two answers:
 * the stem of a proper name ("Kremlowi" → "Kreml") and whether a capitalised sentence-initial
 * word is an ordinary word ("Według" → "według"). Only suffix rules are applied (prefix "nie-"
 * is irrelevant for names). Kept local to entities until the shared text layer exposes the same.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface SuffixRule {
  readonly flag: string;
  readonly strip: string;
  readonly add: string;
  readonly condition: RegExp;
}

export interface Analysis {
  /** The dictionary stem, with its own capitalisation ("Putin", "północny"). */
  readonly lemma: string;
  /** The rule's ending that was removed ("" when the word is the stem itself). */
  readonly ending: string;
  /**
   * The stem carries affix flags: a real lemma. dictionary-pl also lists some inflected
   * forms as bare flagless stems ("Unii", "Korei", "Włoszech"), which are not lemmas.
   */
  readonly flagged: boolean;
  /** The stem's affix flags: in dictionary-pl they also tell the paradigm (person names, demonyms). */
  readonly flags: string;
}

export interface Dictionary {
  /** Every stem the word can come from; exact case first, then the lower-cased word's stems. */
  analyze(word: string): Analysis[];
  /** True when the exact form (any case rule aside) is a known word form. */
  knows(word: string): boolean;
}

let cached: Dictionary | undefined;

/** The Polish dictionary, parsed once per process (≈0.5 s). */
export function polishDictionary(): Dictionary {
  if (cached) return cached;
  // The package exports only index.js (which reads both files with top-level await); resolve beside it.
  const at = (name: string) => join(dirname(createRequire(import.meta.url).resolve('dictionary-pl')), name);
  cached = parseHunspell(readFileSync(at('index.aff'), 'utf8'), readFileSync(at('index.dic'), 'utf8'));
  return cached;
}

/** Parse .aff suffix rules and .dic stems (single-character flags, as dictionary-pl uses). */
export function parseHunspell(aff: string, dic: string): Dictionary {
  const byAdd = new Map<string, SuffixRule[]>();
  let maxAdd = 0;
  for (const line of aff.split('\n')) {
    if (!line.startsWith('SFX')) continue;
    const parts = line.trim().split(/\s+/);
    if (parts.length < 5) continue; // header line "SFX a Y 6"
    const [, flag, strip, addRaw, cond] = parts as [string, string, string, string, string];
    const add = addRaw === '0' ? '' : addRaw.split('/')[0]!;
    const rule: SuffixRule = {
      flag,
      strip: strip === '0' ? '' : strip,
      add,
      condition: new RegExp(`${cond === '.' ? '' : cond}$`, 'u'),
    };
    const list = byAdd.get(add) ?? [];
    list.push(rule);
    byAdd.set(add, list);
    maxAdd = Math.max(maxAdd, add.length);
  }
  const stems = new Map<string, string>();
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const slash = line.indexOf('/');
    const word = slash < 0 ? line.trim() : line.slice(0, slash);
    const flags = slash < 0 ? '' : line.slice(slash + 1).trim();
    stems.set(word, (stems.get(word) ?? '') + flags);
  }

  const exact = (word: string): Analysis[] => {
    const out: Analysis[] = [];
    const own = stems.get(word);
    if (own !== undefined) out.push({ lemma: word, ending: '', flagged: own.length > 0, flags: own });
    const chars = [...word];
    // n = 0: strip-only rules ("chodzić" −ć → "chodzi").
    for (let n = 0; n <= Math.min(maxAdd, chars.length - 1); n++) {
      const add = n === 0 ? '' : chars.slice(-n).join('');
      const rules = byAdd.get(add);
      if (!rules) continue;
      const body = chars.slice(0, -n).join('');
      for (const rule of rules) {
        const stem = body + rule.strip;
        const flags = stems.get(stem);
        if (flags === undefined || !flags.includes(rule.flag) || !rule.condition.test(stem)) continue;
        if (!out.some((a) => a.lemma === stem)) out.push({ lemma: stem, ending: n === 0 ? rule.strip : add, flagged: true, flags });
      }
    }
    return out;
  };
  return {
    analyze(word) {
      const out = exact(word);
      const lower = word.toLowerCase();
      if (lower !== word) for (const a of exact(lower)) if (!out.some((b) => b.lemma === a.lemma)) out.push(a);
      return out;
    },
    knows(word) {
      return exact(word).length > 0;
    },
  };
}
