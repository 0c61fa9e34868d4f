/**
 * Unsigned LEB128 varints, as the stores pack small numbers: 7 bits a byte, low bits first, the
 * high bit set on every byte but the last. Sentence offsets of the search index
 * (src/store/sqlite/search.ts) and PostgreSQL's packed story postings (src/store/postgres/story-postings.ts).
 */

/** Appends `n` (a non-negative integer) to `bytes`. */
export function pushVarint(bytes: number[], n: number): void {
  for (; n >= 0x80; n = Math.floor(n / 0x80)) bytes.push((n % 0x80) | 0x80);
  bytes.push(n);
}

/** Reads varints one after another from `bytes`; `at` is where the next one starts. */
export class VarintReader {
  at: number;
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array, at = 0) {
    this.#bytes = bytes;
    this.at = at;
  }

  next(): number {
    let n = 0;
    for (let scale = 1; ; scale *= 0x80) {
      const byte = this.#bytes[this.at++]!;
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
    }
  }

  /** Moves past `count` varints without reading their values. */
  skip(count: number): void {
    for (let i = 0; i < count; i++) while (this.#bytes[this.at++]! >= 0x80);
  }
}
