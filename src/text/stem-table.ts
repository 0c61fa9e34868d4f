/**
 * The .dic stems as an open-addressing hash table over the dictionary text itself: no string per
 * stem is ever created, so loading ~300k stems is one scan of the file (a JS Map of them took
 * ~4× longer to build, which broke the < 1 s ready target on a loaded machine), and a lookup of a
 * candidate stem "word prefix + strip" needs no string concatenation: callers pass the FNV-1a
 * state of the candidate, computed incrementally from the word's prefix states.
 */

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function fnvStep(state: number, code: number): number {
  return Math.imul(state ^ code, FNV_PRIME);
}

export function fnvExtend(state: number, text: string): number {
  for (let i = 0; i < text.length; i++) state = fnvStep(state, text.charCodeAt(i));
  return state;
}

/** Spreads FNV's low bits (murmur3 finaliser) before masking to a slot index. */
function mix(state: number): number {
  let h = state ^ (state >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Slot layout in `slots`: hash state, key start, key length (0 = empty), flags start, flags length. */
const SLOT = 5;
/**
 * Highest share of occupied slots: linear probing stays ~2 probes per miss at 0.6, and for
 * dictionary-pl's ~300k stems the table is then 2^19 slots × 20 bytes = 10 MiB.
 */
const MAX_LOAD = 0.6;

export class StemTable {
  /** Number of distinct stems. */
  readonly size: number;
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Flags of stems listed more than once (homonyms: "zamek/A", "zamek/B"), by slot. */
  private readonly merged = new Map<number, string>();

  /** Parses .dic text: first line is the entry count, then `stem[/flags]` per line. */
  constructor(private readonly text: string) {
    let lines = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    let capacity = 1;
    while (capacity * MAX_LOAD < lines + 1) capacity <<= 1;
    this.slots = new Int32Array(capacity * SLOT);
    this.mask = capacity - 1;
    let size = 0;
    let pos = text.indexOf('\n') + 1;
    if (pos === 0) pos = text.length;
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      let lineEnd = end;
      if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      if (lineEnd > pos) {
        let state = FNV_OFFSET;
        let i = pos;
        for (; i < lineEnd; i++) {
          const c = text.charCodeAt(i);
          if (c === 47 /* '/' */) break;
          state = fnvStep(state, c);
        }
        const flagsStart = i < lineEnd ? i + 1 : lineEnd;
        if (i > pos && this.insert(state, pos, i - pos, flagsStart, lineEnd - flagsStart)) size++;
      }
      pos = end + 1;
    }
    this.size = size;
  }

  /** Returns true when the stem was new; a repeated stem gets its flags appended. */
  private insert(state: number, keyStart: number, keyLen: number, flagsStart: number, flagsLen: number): boolean {
    const { slots, text } = this;
    for (let idx = mix(state) & this.mask; ; idx = (idx + 1) & this.mask) {
      const s = idx * SLOT;
      if (slots[s + 2] === 0) {
        slots[s] = state; slots[s + 1] = keyStart; slots[s + 2] = keyLen; slots[s + 3] = flagsStart; slots[s + 4] = flagsLen;
        return true;
      }
      if (slots[s] === state && slots[s + 2] === keyLen
          && text.startsWith(text.slice(keyStart, keyStart + keyLen), slots[s + 1])) {
        this.merged.set(idx, this.flagsAt(idx) + text.slice(flagsStart, flagsStart + flagsLen));
        return false;
      }
    }
  }

  /**
   * Slot of the stem `word.slice(0, baseLen) + strip`, or -1; `state` is that string's FNV state.
   * Compares characters in place, so a miss (the common case) allocates nothing.
   */
  findParts(state: number, word: string, baseLen: number, strip: string): number {
    const { slots, text } = this;
    const len = baseLen + strip.length;
    for (let idx = mix(state) & this.mask; ; idx = (idx + 1) & this.mask) {
      const s = idx * SLOT;
      const keyLen = slots[s + 2];
      if (keyLen === 0) return -1;
      if (slots[s] !== state || keyLen !== len) continue;
      const start = slots[s + 1];
      let same = true;
      for (let i = 0; i < baseLen && same; i++) same = text.charCodeAt(start + i) === word.charCodeAt(i);
      for (let i = 0; i < strip.length && same; i++) same = text.charCodeAt(start + baseLen + i) === strip.charCodeAt(i);
      if (same) return idx;
    }
  }

  /** Flags of the stem in `slot` ('' for a flagless entry). */
  flagsAt(slot: number): string {
    const merged = this.merged.get(slot);
    if (merged !== undefined) return merged;
    const s = slot * SLOT;
    return this.text.slice(this.slots[s + 3], this.slots[s + 3] + this.slots[s + 4]);
  }

  /** Flags of `stem`, undefined when the dictionary does not list it. */
  get(stem: string): string | undefined {
    const slot = this.findParts(fnvExtend(FNV_OFFSET, stem), stem, stem.length, '');
    return slot < 0 ? undefined : this.flagsAt(slot);
  }

  has(stem: string): boolean {
    return this.findParts(fnvExtend(FNV_OFFSET, stem), stem, stem.length, '') >= 0;
  }
}
