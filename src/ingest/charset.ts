/**
 * Bytes → text. The encoding comes, in this order (WHATWG HTML §13.2.3 "determining the
 * character encoding"): byte order mark, the HTTP Content-Type charset, an XML prolog
 * `encoding`, an HTML `<meta charset>` / http-equiv; else UTF-8. Decoding is strict: bytes that
 * are invalid in the chosen encoding are an error, never silently replaced by U+FFFD.
 * Two mistakes real sites make are caught, each with a warning rather than mojibake or a refusal:
 * a legacy charset declared over bytes that are valid UTF-8 (a CMS that moved to UTF-8 and kept
 * its old meta) is read as UTF-8, and undeclared bytes that are not UTF-8 are read as the
 * Central European charset (windows-1250 or iso-8859-2) whose decoding holds the most letters.
 */
import { IngestError } from './errors.ts';

export interface DecodeHints {
  /** Named in error messages. */
  readonly origin: string;
  /** An HTTP Content-Type header value, e.g. `text/html; charset=ISO-8859-2`. */
  readonly contentType?: string;
}

export interface DecodedText {
  readonly text: string;
  /** The WHATWG encoding name used, e.g. `utf-8`, `windows-1250`, `iso-8859-2`. */
  readonly encoding: string;
  /** Where the encoding came from; 'detected' when the bytes overruled or stood in for a declaration. */
  readonly source: 'bom' | 'http' | 'xml' | 'meta' | 'default' | 'detected';
  /** Set when the declared charset was overruled or none was declared and one was guessed. */
  readonly warning?: string;
}

/** Bytes read to find a prolog or meta declaration; the HTML spec prescans 1,024, real pages put meta later. */
const PRESCAN_BYTES = 8192;
/** Bytes inspected for binary content; a text file's first 8 KiB tell. */
const SNIFF_BYTES = 8192;
/**
 * Share of C0 control bytes (other than tab, LF, CR, FF, ESC) above which a file is binary.
 * Text in any ASCII-compatible encoding has none; 10 % leaves room for a few stray bytes.
 */
const MAX_CONTROL_SHARE = 0.1;

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / end > MAX_CONTROL_SHARE;
}

function charsetParam(contentType: string | undefined): string | undefined {
  const match = contentType && /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return match ? match[1] : undefined;
}

/** A declared label resolved to the WHATWG encoding TextDecoder uses, or undefined if unknown. */
function resolveLabel(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

function declaredInDocument(bytes: Uint8Array): { label: string; source: 'xml' | 'meta' } | undefined {
  // Declarations are ASCII in every encoding we accept, so latin1 reads them byte for byte.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return { label: xml[1], source: 'xml' };
  const meta =
    /<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return { label: meta[1], source: 'meta' };
  return undefined;
}

/** Offset of the first byte that breaks UTF-8, for an error message a user can act on. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** Legacy charsets tried for undeclared bytes that are not UTF-8: those of Polish sites. */
const UNDECLARED_CANDIDATES = ['windows-1250', 'iso-8859-2'];
/** Below this share of letters among the non-ASCII characters, a guess is not trusted. */
const MIN_LETTER_SHARE = 0.6;

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

function isUtf8(bytes: Uint8Array): boolean {
  return firstInvalidUtf8(bytes) === -1;
}

/**
 * The candidate charset whose decoding makes the most non-ASCII characters letters: 'ś' is
 * 0x9C in windows-1250 and a C1 control in iso-8859-2, while 0xB6 is 'ś' in iso-8859-2 and '¶'
 * in windows-1250, so the right table turns symbols and controls into letters.
 */
function guessLegacy(bytes: Uint8Array): { encoding: string; text: string } | undefined {
  let best: { encoding: string; text: string; letters: number; share: number } | undefined;
  for (const encoding of UNDECLARED_CANDIDATES) {
    const text = new TextDecoder(encoding).decode(bytes);
    let nonAscii = 0;
    let letters = 0;
    for (const ch of text) {
      if (ch.charCodeAt(0) < 0x80) continue;
      nonAscii++;
      if (/\p{L}|[„”“–—…«»]/u.test(ch)) letters++;
    }
    const share = nonAscii === 0 ? 0 : letters / nonAscii;
    if (!best || letters > best.letters) best = { encoding, text, letters, share };
  }
  return best && best.share >= MIN_LETTER_SHARE ? { encoding: best.encoding, text: best.text } : undefined;
}

/**
 * Decodes a document's bytes. Throws IngestError for an empty file, binary content, an
 * unknown declared charset or bytes invalid in the chosen encoding.
 * @example decodeBytes(bytes, { origin: 'a.html', contentType: 'text/html; charset=iso-8859-2' }).text
 */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints): DecodedText {
  if (bytes.length === 0) throw new IngestError(hints.origin, 'empty file');
  const bom = bomEncoding(bytes);
  if (!bom && looksBinary(bytes)) throw new IngestError(hints.origin, 'binary file (not text)');

  let encoding = bom?.encoding;
  let source: DecodedText['source'] = bom ? 'bom' : 'default';
  if (!encoding) {
    const http = charsetParam(hints.contentType);
    const declared = http ? { label: http, source: 'http' as const } : declaredInDocument(bytes);
    if (declared) {
      encoding = resolveLabel(declared.label);
      if (!encoding) throw new IngestError(hints.origin, `unknown charset "${declared.label}" (${declared.source})`);
      // A page served as UTF-16 has a BOM; a UTF-16 meta in an ASCII-readable page is a lie (WHATWG).
      if (encoding.startsWith('utf-16')) encoding = 'utf-8';
      source = declared.source;
    }
  }
  encoding ??= 'utf-8';
  const body = bom ? bytes.subarray(bom.skip) : bytes;
  if (!bom && encoding !== 'utf-8' && hasNonAscii(body) && isUtf8(body)) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    return { text, encoding: 'utf-8', source: 'detected', warning: `declared ${encoding} (${source}), but the bytes are UTF-8: read as UTF-8` };
  }
  if (source === 'default' && !isUtf8(body)) {
    const guess = guessLegacy(body);
    if (guess) return { ...guess, source: 'detected', warning: `no charset declared and not UTF-8: read as ${guess.encoding}` };
  }
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding, source };
  } catch {
    const how = source === 'default' ? 'no charset declared' : `charset from ${source}`;
    const where = encoding === 'utf-8' ? ` at byte ${firstInvalidUtf8(body)}` : '';
    throw new IngestError(hints.origin, `invalid ${encoding} bytes${where} (${how})`);
  }
}
