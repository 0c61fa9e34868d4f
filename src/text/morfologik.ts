/**
 * A reader for morfologik-stemming dictionaries (`<name>.dict` + `<name>.info`): a finite-state
 * automaton whose accepted byte sequences are `form SEP encoded-lemma SEP tag`, the lemma written
 * relative to the form by one of morfologik's encoders. Only the CFSA2 automaton format is read
 * (the one morfologik's `dict_compile` writes by default and the one the bundled PoliMorf uses);
 * the older FSA5 layout is refused with a clear error.
 *
 * CFSA2 layout (all offsets below are into the arc bytes that follow the header):
 *   header   "\fsa", version 0xC6, flags (u16 big-endian), label-table size n, n label bytes;
 *   node     its arcs, back to back; node 0 is a dummy whose one arc leads to the root;
 *   arc      a flag byte  N L F M M M M M
 *              N (0x80) target is the node stored right after this node's last arc (no address),
 *              L (0x40) last arc of the node,
 *              F (0x20) a sequence may end after this arc's label (final),
 *              M (0x1F) index into the label table, or 0 when the label byte follows explicitly;
 *            [explicit label byte]; [target address, 7-bit varint, low bits first, unless N].
 *            A target address of 0 marks a terminal arc (nothing follows it).
 *
 * The whole automaton is checked once at load (every arc and address inside the file, every
 * address at a node start), so lookups need no bounds checks and a truncated or corrupt file
 * fails with one line naming it instead of looping or returning garbage.
 * Pure: takes bytes and the .info text, does no I/O (polimorf.ts reads the files).
 */

const MAGIC = [0x5c, 0x66, 0x73, 0x61]; // "\fsa"
const CFSA2_VERSION = 0xc6;
const FSA5_VERSION = 0x05;
const HEADER_BYTES = 8; // magic, version, flags (2), label-table size
/** FSA flags morfologik writes in the header; NUMBERS (0x100) prefixes every node with a varint count. */
const KNOWN_FLAGS = 0x1 | 0x2 | 0x4 | 0x8 | 0x100 | 0x200;
const FLAG_NUMBERS = 0x100;

const BIT_TARGET_NEXT = 0x80;
const BIT_LAST_ARC = 0x40;
const BIT_FINAL_ARC = 0x20;
const LABEL_INDEX_MASK = 0x1f;

/** How the lemma is written relative to the form (morfologik's `fsa.dict.encoder`). */
export type LemmaEncoder = 'SUFFIX' | 'PREFIX' | 'INFIX' | 'NONE';

/** Receives the sequences of Cfsa2Automaton.completions(); return true to stop. */
export interface SequenceVisitor {
  visit(buffer: Uint8Array, length: number): boolean | void;
}

/** A morfologik code byte meaning "drop the whole form" (REMOVE_EVERYTHING in its encoders). */
const REMOVE_EVERYTHING = 255;
const CODE_BASE = 0x41; // 'A': code bytes are 'A' + count

export interface DictionaryInfo {
  /** The separator byte between form, encoded lemma and tag (usually '+'). */
  readonly separator: number;
  readonly encoder: LemmaEncoder;
  /** Text encoding of forms, lemmas and tags in the automaton (WHATWG label, e.g. "utf-8"). */
  readonly encoding: string;
}

export interface MorfologikEntry {
  readonly lemma: string;
  readonly tag: string;
}

/** A dictionary file that cannot be read; the message is one line and names the file. */
export class MorfologikFormatError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'MorfologikFormatError';
  }
}

/**
 * Reads the `.info` properties (Java properties: `key=value`, `#` comments). Both the current
 * key `fsa.dict.encoder` and the 1.x keys `fsa.dict.uses-prefixes` / `uses-infixes` are understood.
 * @example parseDictionaryInfo('fsa.dict.separator=+\nfsa.dict.encoding=UTF-8\nfsa.dict.uses-prefixes=true', 'pl.info')
 *   // → { separator: 0x2b, encoder: 'PREFIX', encoding: 'utf-8' }
 */
export function parseDictionaryInfo(text: string, file: string): DictionaryInfo {
  const props = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const at = line.search(/[=:]/);
    if (at < 0) continue;
    props.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const separator = props.get('fsa.dict.separator');
  if (separator === undefined || separator.length !== 1 || separator.charCodeAt(0) > 0x7f) {
    throw new MorfologikFormatError(file, `fsa.dict.separator must be one ASCII character, found ${JSON.stringify(separator ?? null)}`);
  }
  const encoding = (props.get('fsa.dict.encoding') ?? '').toLowerCase();
  try {
    new TextDecoder(encoding);
  } catch {
    throw new MorfologikFormatError(file, `unsupported fsa.dict.encoding ${JSON.stringify(encoding)}`);
  }
  return { separator: separator.charCodeAt(0), encoder: encoderOf(props, file), encoding };
}

function encoderOf(props: ReadonlyMap<string, string>, file: string): LemmaEncoder {
  const explicit = props.get('fsa.dict.encoder')?.toUpperCase();
  if (explicit !== undefined) {
    if (explicit === 'SUFFIX' || explicit === 'PREFIX' || explicit === 'INFIX' || explicit === 'NONE') return explicit;
    throw new MorfologikFormatError(file, `unknown fsa.dict.encoder ${JSON.stringify(explicit)}`);
  }
  const flag = (key: string, fallback: boolean) => (props.get(key) ?? String(fallback)).toLowerCase() === 'true';
  if (flag('fsa.dict.uses-infixes', false)) return 'INFIX';
  if (flag('fsa.dict.uses-prefixes', false)) return 'PREFIX';
  return flag('fsa.dict.uses-suffixes', true) ? 'SUFFIX' : 'NONE';
}

/** A CFSA2 automaton over a byte array; arcs are addressed by their offset in `arcs`. */
export class Cfsa2Automaton {
  readonly root: number;
  private readonly arcs: Uint8Array;
  private readonly labels: Uint8Array;
  private readonly numbers: boolean;
  /** The root's arc for each label (0: none): every lookup starts there, and the root has ~100 arcs. */
  private readonly rootArcs = new Int32Array(256);
  private buffer = new Uint8Array(256);
  private stack = new Int32Array(256);
  private nodeEnd = new Int32Array(256);
  private walking = false;

  constructor(bytes: Uint8Array, readonly file: string) {
    const fail = (detail: string): never => { throw new MorfologikFormatError(file, detail); };
    if (bytes.length < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) fail('not a morfologik automaton (no "\\fsa" header)');
    const version = bytes[4];
    if (version === FSA5_VERSION) fail('FSA5 automaton; only CFSA2 (version 0xc6) is supported');
    if (version !== CFSA2_VERSION) fail(`unknown automaton version 0x${version.toString(16)}; only CFSA2 (0xc6) is supported`);
    const flags = (bytes[5] << 8) | bytes[6];
    if ((flags & ~KNOWN_FLAGS) !== 0) fail(`unknown automaton flags 0x${flags.toString(16)}`);
    this.numbers = (flags & FLAG_NUMBERS) !== 0;
    const labelCount = bytes[7];
    if (HEADER_BYTES + labelCount >= bytes.length) fail('truncated in the label table');
    this.labels = bytes.subarray(HEADER_BYTES, HEADER_BYTES + labelCount);
    this.arcs = bytes.subarray(HEADER_BYTES + labelCount);
    this.validate(fail);
    this.root = this.target(this.firstArc(0));
    if (this.root === 0) fail('empty automaton');
    for (let arc = this.firstArc(this.root); arc !== 0; arc = this.nextArc(arc)) this.rootArcs[this.label(arc)] ||= arc;
  }

  /** Offset of the first arc of `node`. */
  firstArc(node: number): number {
    if (!this.numbers) return node;
    let at = node;
    while (this.arcs[at++] & 0x80);
    return at;
  }

  /** The next arc of the same node, or 0 after its last arc. */
  nextArc(arc: number): number {
    return (this.arcs[arc] & BIT_LAST_ARC) !== 0 ? 0 : this.skipArc(arc);
  }

  label(arc: number): number {
    const index = this.arcs[arc] & LABEL_INDEX_MASK;
    return index > 0 ? this.labels[index] : this.arcs[arc + 1];
  }

  isFinal(arc: number): boolean {
    return (this.arcs[arc] & BIT_FINAL_ARC) !== 0;
  }

  /** The node the arc leads to; 0 when the arc is terminal. */
  target(arc: number): number {
    const arcs = this.arcs;
    if ((arcs[arc] & BIT_TARGET_NEXT) !== 0) {
      while ((arcs[arc] & BIT_LAST_ARC) === 0) arc = this.skipArc(arc);
      return this.skipArc(arc);
    }
    return readVInt(arcs, arc + ((arcs[arc] & LABEL_INDEX_MASK) === 0 ? 2 : 1));
  }

  /** The arc of `node` labelled `label`, or 0. */
  arc(node: number, label: number): number {
    if (node === this.root) return this.rootArcs[label];
    for (let arc = this.firstArc(node); arc !== 0; arc = this.nextArc(arc)) {
      if (this.label(arc) === label) return arc;
    }
    return 0;
  }

  /**
   * The node reached from `node` by `bytes[from..to)`, or 0 when the automaton has no such path
   * (or the path ends in a terminal arc before the last byte).
   */
  walk(node: number, bytes: Uint8Array, from: number, to: number): number {
    for (let i = from; i < to && node !== 0; i++) {
      const arc = this.arc(node, bytes[i]);
      node = arc === 0 ? 0 : this.target(arc);
    }
    return node;
  }

  /**
   * Calls `visitor.visit(buffer, length)` for every sequence accepted from `node` (the bytes read
   * after it), in label order; `visit` returns true to stop. `buffer` is reused between calls:
   * copy what you keep. (A visitor object rather than a callback: lookups are hot, and a fresh
   * closure per lookup showed in profiles.)
   */
  completions(node: number, visitor: SequenceVisitor): void {
    // The shared buffers serve one walk at a time; a visitor that walks again gets its own.
    const shared = !this.walking;
    let buffer = shared ? this.buffer : new Uint8Array(64);
    let stack = shared ? this.stack : new Int32Array(64); // the arc under consideration at each depth
    this.walking = true;
    try {
      // nodeEnd[d]: the byte after the last arc of the node at depth d (-1 until needed), where
      // every "target is next" arc of that node leads; found once per node, not once per arc.
      let nodeEnd = shared ? this.nodeEnd : new Int32Array(stack.length);
      let depth = 0;
      stack[0] = this.firstArc(node);
      nodeEnd[0] = -1;
      while (depth >= 0) {
        const arc = stack[depth];
        if (arc === 0) { depth--; continue; }
        const after = this.skipArc(arc);
        const last = (this.arcs[arc] & BIT_LAST_ARC) !== 0;
        stack[depth] = last ? 0 : after;
        if (depth >= buffer.length) buffer = grow(buffer);
        buffer[depth] = this.label(arc);
        if (this.isFinal(arc) && visitor.visit(buffer, depth + 1) === true) return;
        let next: number;
        if ((this.arcs[arc] & BIT_TARGET_NEXT) !== 0) {
          if (nodeEnd[depth] < 0) nodeEnd[depth] = last ? after : this.target(arc);
          next = nodeEnd[depth];
        } else {
          next = this.target(arc);
        }
        if (next !== 0) {
          if (++depth >= stack.length) { stack = grow(stack); nodeEnd = grow(nodeEnd); }
          stack[depth] = this.firstArc(next);
          nodeEnd[depth] = -1;
        }
      }
      if (shared) this.nodeEnd = nodeEnd;
    } finally {
      if (shared) { this.buffer = buffer; this.stack = stack; this.walking = false; }
    }
  }

  private skipArc(arc: number): number {
    const flag = this.arcs[arc++];
    if ((flag & LABEL_INDEX_MASK) === 0) arc++;
    if ((flag & BIT_TARGET_NEXT) === 0) while (this.arcs[arc++] & 0x80);
    return arc;
  }

  /**
   * One pass over every node: arcs and varints inside the file, label indices inside the table,
   * and every target address at a node start (checked in a second pass against a bitmap).
   */
  private validate(fail: (detail: string) => never): void {
    const { arcs } = this;
    const end = arcs.length;
    const starts = new Uint8Array((end >>> 3) + 1);
    const markStart = (at: number) => { starts[at >>> 3] |= 1 << (at & 7); };
    const readAddress = (at: number): [number, number] => {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        if (at >= end || shift > 28) fail(`corrupt or truncated at byte ${at} (address runs past the end)`);
        const b = arcs[at++];
        value |= (b & 0x7f) << shift;
        if ((b & 0x80) === 0) return [value, at];
      }
    };
    let at = 0;
    markStart(0);
    while (at < end) {
      if (this.numbers) at = readAddress(at)[1];
      for (;;) {
        if (at >= end) fail(`truncated inside a node at byte ${at}`);
        const flag = arcs[at++];
        const index = flag & LABEL_INDEX_MASK;
        if (index === 0) at++;
        else if (index >= this.labels.length) fail(`corrupt at byte ${at - 1} (label index ${index} outside the table)`);
        if ((flag & BIT_TARGET_NEXT) === 0) {
          const [address, after] = readAddress(at);
          if (address >= end) fail(`corrupt or truncated: an arc points to byte ${address}, the automaton has ${end}`);
          at = after;
        }
        if (at > end) fail(`truncated inside an arc at byte ${end}`);
        if ((flag & BIT_LAST_ARC) !== 0) break;
      }
      if (at < end) markStart(at);
    }
    for (let node = 0; node < end;) {
      let arc = this.firstArc(node);
      for (;;) {
        const flag = arcs[arc];
        const next = this.target(arc);
        if (next >= end || (next !== 0 && (starts[next >>> 3] & (1 << (next & 7))) === 0)) {
          fail(`corrupt: the arc at byte ${arc} points to byte ${next}, which starts no node`);
        }
        if ((flag & BIT_TARGET_NEXT) !== 0 && next === 0) fail(`truncated: the arc at byte ${arc} points past the end`);
        const after = this.skipArc(arc);
        if ((flag & BIT_LAST_ARC) !== 0) { node = after; break; }
        arc = after;
      }
    }
  }
}

function readVInt(bytes: Uint8Array, at: number): number {
  let b = bytes[at];
  let value = b & 0x7f;
  for (let shift = 7; (b & 0x80) !== 0; shift += 7) {
    b = bytes[++at];
    value |= (b & 0x7f) << shift;
  }
  return value;
}

function grow<T extends Uint8Array | Int32Array>(array: T, atLeast = 0): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(array.length * 2, atLeast));
  bigger.set(array);
  return bigger;
}

/**
 * A morfologik stemming dictionary: form → every (lemma, tag) pair listed for it.
 * Not re-entrant: one lookup or enumeration at a time per instance (buffers are shared).
 * @example new MorfologikDictionary(bytes, info, 'pl.dict').lookup('Warszawy')
 *   // → [{ lemma: 'Warszawa', tag: 'subst:pl:acc:f' }, …, { lemma: 'Warszawa', tag: 'subst:sg:gen:f' }]
 */
export class MorfologikDictionary {
  readonly automaton: Cfsa2Automaton;
  private readonly encoder: TextEncoder | undefined;
  private readonly decoder: TextDecoder;
  private readonly codeLength: number;
  /** The form being read, as bytes. */
  private input = new Uint8Array(256);
  /** The lemma decoded last, as bytes. */
  private output = new Uint8Array(256);
  /** What follows the separator after the form being looked up: lemma codes and tags. */
  private readonly tails = new SequenceList();
  /** Tag strings by their bytes: PoliMorf has ~4,400 distinct tag fields, repeated millions of times. */
  private readonly tagCache = new Map<number, string>();
  private readonly utf8: boolean;

  constructor(bytes: Uint8Array, readonly info: DictionaryInfo, file: string) {
    this.automaton = new Cfsa2Automaton(bytes, file);
    this.decoder = new TextDecoder(info.encoding);
    // TextEncoder writes UTF-8 only; other encodings are encoded by hand (see encodeForm).
    this.utf8 = this.decoder.encoding === 'utf-8';
    this.encoder = this.utf8 ? new TextEncoder() : undefined;
    this.codeLength = CODE_LENGTH[info.encoder];
  }

  /** Every (lemma, tag) for `form` exactly as written (no case folding), in dictionary order. */
  lookup(form: string): MorfologikEntry[] {
    const length = this.encodeForm(form);
    if (length <= 0) return [];
    const fsa = this.automaton;
    const node = fsa.walk(fsa.root, this.input, 0, length);
    const sep = node === 0 ? 0 : fsa.arc(node, this.info.separator);
    const after = sep === 0 ? 0 : fsa.target(sep);
    if (after === 0) return [];
    const tails = this.tails;
    tails.clear();
    fsa.completions(after, tails);
    const out: MorfologikEntry[] = [];
    for (let i = 0; i < tails.count; i++) {
      const bytes = tails.bytes.subarray(tails.ends[i], tails.ends[i + 1]);
      const split = this.codeEnd(bytes, bytes.length);
      out.push({ lemma: this.decodeLemma(length, bytes, split), tag: this.decodeTag(bytes, split, bytes.length) });
    }
    return out;
  }

  /**
   * Every (form, lemma, tag) whose form starts with `prefix` ('' = the whole dictionary, millions
   * of entries), in byte order of the form; `visit` returns true to stop.
   * @example dictionary.forEachEntry('Warszaw', (form, e) => console.log(form, e.lemma, e.tag))
   */
  forEachEntry(prefix: string, visit: (form: string, entry: MorfologikEntry) => boolean | void): void {
    this.entriesUnder(prefix, (formLength, rest, split) => visit(
      this.decoder.decode(this.input.subarray(0, formLength)),
      { lemma: this.decodeLemma(formLength, rest, split), tag: this.decodeTag(rest, split, rest.length) },
    ));
  }

  /**
   * Forms of `lemma` among the entries whose form starts with `prefix` (a prefix of the lemma:
   * forms share most of it). Lemmas are compared as bytes, so the many entries of other lemmas
   * under the prefix cost no string decoding.
   * @example dictionary.formsOf('dolny', 'doln') // → [{ form: 'dolna', tag: 'adj:sg:nom.voc:f:pos' }, …]
   */
  formsOf(lemma: string, prefix: string): { form: string; tag: string }[] {
    const out: { form: string; tag: string }[] = [];
    const wanted = this.encodeText(lemma);
    if (!wanted || prefix === '') return out;
    this.entriesUnder(prefix, (formLength, rest, split) => {
      const n = this.applyCode(formLength, rest, split);
      if (n !== wanted.length) return;
      for (let i = 0; i < n; i++) if (this.output[i] !== wanted[i]) return;
      out.push({ form: this.decoder.decode(this.input.subarray(0, formLength)), tag: this.decodeTag(rest, split, rest.length) });
    });
    return out;
  }

  /**
   * Walks the entries under `prefix`: for each, the form's bytes are in `this.input[0..formLength)`
   * and `rest` holds the lemma code, up to `split`, then the separator and the tag.
   */
  private entriesUnder(prefix: string, visit: (formLength: number, rest: Uint8Array, split: number) => boolean | void): void {
    const fsa = this.automaton;
    const sep = this.info.separator;
    const head = prefix === '' ? 0 : this.encodeForm(prefix);
    if (head < 0) return;
    const node = head === 0 ? fsa.root : fsa.walk(fsa.root, this.input, 0, head);
    if (node === 0) return;
    const prefixBytes = this.input.slice(0, head);
    fsa.completions(node, {
      visit: (bytes, size) => {
        const formEnd = bytes.indexOf(sep);
        if (formEnd < 0 || formEnd >= size || head + formEnd === 0) return false;
        const formLength = head + formEnd;
        if (this.input.length < formLength) this.input = new Uint8Array(formLength * 2);
        this.input.set(prefixBytes);
        this.input.set(bytes.subarray(0, formEnd), head);
        const rest = bytes.subarray(formEnd + 1, size);
        return visit(formLength, rest, this.codeEnd(rest, rest.length));
      },
    });
  }

  /** End of the lemma code in an entry's tail (the separator before the tag, or the end). */
  private codeEnd(bytes: Uint8Array, size: number): number {
    let split = this.codeLength;
    while (split < size && bytes[split] !== this.info.separator) split++;
    return split;
  }

  private decodeTag(bytes: Uint8Array, split: number, size: number): string {
    if (split + 1 >= size) return '';
    let hash = FNV_OFFSET;
    for (let i = split + 1; i < size; i++) hash = Math.imul(hash ^ bytes[i], FNV_PRIME);
    const cached = this.tagCache.get(hash);
    if (cached !== undefined && sameAscii(cached, bytes, split + 1, size)) return cached;
    const tag = this.decodeText(bytes, split + 1, size);
    if (this.tagCache.size < MAX_CACHED_TAGS) this.tagCache.set(hash, tag);
    return tag;
  }

  /** `bytes[start..end)` as text: UTF-8 decoded by hand (TextDecoder's per-call cost dominated lookups). */
  private decodeText(bytes: Uint8Array, start: number, end: number): string {
    if (!this.utf8) return this.decoder.decode(bytes.subarray(start, end));
    let text = '';
    for (let i = start; i < end;) {
      const b = bytes[i];
      if (b < 0x80) { text += String.fromCharCode(b); i++; }
      else if (b >= 0xc2 && b < 0xe0 && i + 1 < end) { text += String.fromCharCode(((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f)); i += 2; }
      else if (b >= 0xe0 && b < 0xf0 && i + 2 < end) { text += String.fromCharCode(((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f)); i += 3; }
      else return this.decoder.decode(bytes.subarray(start, end)); // 4-byte or malformed: the full decoder
    }
    return text;
  }

  /** `text` in the dictionary's encoding, or undefined when it cannot be written in it. */
  private encodeText(text: string): Uint8Array | undefined {
    const length = this.encodeForm(text);
    return length < 0 ? undefined : this.input.slice(0, length);
  }

  /** Writes `form` into `this.input`; returns its byte length, or -1 when it cannot be in the dictionary. */
  private encodeForm(form: string): number {
    if (form.length === 0) return -1;
    if (this.input.length < form.length * 4) this.input = new Uint8Array(form.length * 4);
    if (this.encoder) {
      const { read, written } = this.encoder.encodeInto(form, this.input);
      if (read !== form.length) return -1;
      for (let i = 0; i < written; i++) if (this.input[i] === this.info.separator) return -1;
      return written;
    }
    // Single-byte encodings (ISO-8859-x, windows-125x): map each character through the decoder's table.
    const table = singleByteTable(this.decoder.encoding);
    for (let i = 0; i < form.length; i++) {
      const b = table.get(form.charCodeAt(i));
      if (b === undefined || b === this.info.separator) return -1;
      this.input[i] = b;
    }
    return form.length;
  }

  private decodeLemma(formLength: number, code: Uint8Array, codeEnd: number): string {
    return this.decodeText(this.output, 0, this.applyCode(formLength, code, codeEnd));
  }

  /**
   * Applies the lemma code in `code[0..codeEnd)` to the form in `this.input[0..formLength)`,
   * writing the lemma's bytes to `this.output`; returns their count. Counts are code byte − 'A'.
   */
  private applyCode(formLength: number, code: Uint8Array, codeEnd: number): number {
    const need = formLength + codeEnd;
    if (this.output.length < need) this.output = new Uint8Array(need * 2);
    // The kept part of the form is [from, to) or, for INFIX, [0, at) + [resume, to).
    let at = formLength;
    let resume = formLength;
    let from = 0;
    let to = formLength;
    switch (this.info.encoder) {
      case 'SUFFIX': { // {K}{suffix}: drop K bytes from the end, append the suffix
        const tail = codeCount(code, 0);
        to = tail === REMOVE_EVERYTHING ? 0 : formLength - tail;
        break;
      }
      case 'PREFIX': { // {P}{K}{suffix}: drop P bytes from the start and K from the end
        const head = codeCount(code, 0);
        const tail = codeCount(code, 1);
        if (head === REMOVE_EVERYTHING || tail === REMOVE_EVERYTHING) to = 0;
        else { from = head; to = formLength - tail; }
        break;
      }
      case 'INFIX': { // {X}{L}{K}{suffix}: drop L bytes at X and K from the end
        const cut = codeCount(code, 1);
        const tail = codeCount(code, 2);
        if (cut === REMOVE_EVERYTHING || tail === REMOVE_EVERYTHING) to = 0;
        else { at = Math.min(codeCount(code, 0), formLength); resume = at + cut; to = formLength - tail; }
        break;
      }
      case 'NONE':
        to = 0;
        break;
    }
    const form = this.input;
    const out = this.output;
    let n = 0;
    if (this.info.encoder === 'INFIX') {
      for (let i = 0; i < at; i++) out[n++] = form[i];
      for (let i = resume; i < to; i++) out[n++] = form[i];
    } else {
      for (let i = from; i < to; i++) out[n++] = form[i];
    }
    for (let i = this.codeLength; i < codeEnd; i++) out[n++] = code[i];
    return n;
  }
}

/** A count in a lemma code: the code byte minus 'A'. */
function codeCount(code: Uint8Array, i: number): number {
  return (code[i] - CODE_BASE) & 0xff;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MAX_CACHED_TAGS = 50_000;

function sameAscii(text: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = start; i < end; i++) if (text.charCodeAt(i - start) !== bytes[i]) return false;
  return true;
}

/** Byte sequences appended one after another (the completions of one lookup). */
class SequenceList implements SequenceVisitor {
  bytes = new Uint8Array(1024);
  /** Start of sequence i at ends[i], its end at ends[i + 1]. */
  ends = new Int32Array(64);
  count = 0;

  clear(): void {
    this.count = 0;
    this.ends[0] = 0;
  }

  visit(buffer: Uint8Array, length: number): void {
    const start = this.ends[this.count];
    if (start + length > this.bytes.length) this.bytes = grow(this.bytes, start + length);
    this.bytes.set(buffer.subarray(0, length), start);
    if (this.count + 2 > this.ends.length) this.ends = grow(this.ends);
    this.ends[++this.count] = start + length;
  }
}

/** Bytes of lemma code before the suffix, per encoder. */
const CODE_LENGTH: Readonly<Record<LemmaEncoder, number>> = { SUFFIX: 1, PREFIX: 2, INFIX: 3, NONE: 0 };

const singleByteTables = new Map<string, ReadonlyMap<number, number>>();

/** Character code → byte for a single-byte encoding, built from the decoder itself. */
function singleByteTable(encoding: string): ReadonlyMap<number, number> {
  let table = singleByteTables.get(encoding);
  if (!table) {
    const decoder = new TextDecoder(encoding);
    const map = new Map<number, number>();
    for (let b = 0; b < 256; b++) {
      const ch = decoder.decode(Uint8Array.of(b));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch.charCodeAt(0))) map.set(ch.charCodeAt(0), b);
    }
    singleByteTables.set(encoding, table = map);
  }
  return table;
}
