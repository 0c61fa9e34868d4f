/**
 * Bytes of a stored analysis (src/analysis/stored.ts). Every engine stores the same bytes, so a
 * store moved between engines needs no re-encoding.
 *
 * Format 2 (current): as format 1, with lemmas stored as edits of their words (StoredLemma in
 * src/analysis/stored.ts).
 *
 * Format 1: one version byte, then raw deflate (level 9, with the preset dictionary of
 * src/store/codec-dictionary.ts) of the payload's JSON with its field names lifted out: every
 * object is written as an array `[-(shape + 2), …values]` where `shape` indexes a list of key
 * lists kept once at the head, so `"start":…,"end":…,"sentence":…` is not repeated per mention.
 * A real array whose first element is a negative number is written `[-1, …elements]`. Objects
 * come back with their keys in the same order, and the whole is what `JSON.parse(JSON.stringify
 * (payload))` gives: undefined fields are dropped, undefined array elements become null.
 *
 * Format 0 (rows written before migration 009): raw deflate of the plain JSON, no version byte.
 * The version bytes are chosen so the formats cannot be confused: 0x07 or 0x0f as the first byte
 * of a raw deflate stream would declare a block of type 3, which does not exist (RFC 1951, 3.2.3).
 * Formats 0 and 1 hold lemmas as plain strings; they are read into today's form.
 *
 * Measured on the 1,000-article scale store (docs/BENCHMARKS.md, bytes): 2,417 → 1,665 bytes an
 * analysis (field names −3 %, dictionary −13 %, lemma edits −18 %); brotli at quality 11 on the
 * plain JSON gave 2,055 at ~50× the time to write.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { fromLiteralLemmas, type AnalysisPayload } from '../analysis/stored.ts';
import { ANALYSIS_DICTIONARY_1 } from './codec-dictionary.ts';

/** First byte of a format-1 and a format-2 payload; never the first byte of a raw deflate stream. */
const FORMAT_1 = 0x07;
const FORMAT_2 = 0x0f;
const DICTIONARY_1 = Buffer.from(ANALYSIS_DICTIONARY_1, 'utf8');

/** Marks a literal array whose first element would otherwise read as a shape reference. */
const LITERAL_ARRAY = -1;
/** Shape `i` is written as -(i + SHAPE_BASE). */
const SHAPE_BASE = 2;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The payload with its object keys lifted into a shape table: `[shapes, value]`. */
export function packJson(value: unknown): [string[][], Json] {
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const pack = (v: unknown, inArray: boolean): Json | undefined => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (Array.isArray(v)) {
      const items = v.map((item) => pack(item, true) ?? null);
      const first = items[0];
      return typeof first === 'number' && (first < 0 || Object.is(first, -0)) ? [LITERAL_ARRAY, ...items] : items;
    }
    if (typeof v === 'object') {
      const keys: string[] = [];
      const values: Json[] = [];
      for (const key of Object.keys(v as object)) {
        const packed = pack((v as Record<string, unknown>)[key], false);
        if (packed === undefined) continue;
        keys.push(key);
        values.push(packed);
      }
      const signature = JSON.stringify(keys);
      let id = shapeIds.get(signature);
      if (id === undefined) {
        id = shapes.length;
        shapes.push(keys);
        shapeIds.set(signature, id);
      }
      return [-(id + SHAPE_BASE), ...values];
    }
    // undefined, functions and symbols: dropped from objects, null in arrays, as JSON does.
    return inArray ? null : undefined;
  };
  return [shapes, pack(value, false) ?? null];
}

/** The inverse of packJson. */
export function unpackJson([shapes, value]: [string[][], Json]): unknown {
  const unpack = (v: Json): unknown => {
    if (!Array.isArray(v)) return v;
    const head = v[0];
    if (typeof head !== 'number' || head >= 0) {
      // Arrays of plain values (sentence offsets, lemmas) are most of a payload: kept as parsed.
      if (v.every((item) => item === null || typeof item !== 'object')) return v;
      return v.map(unpack);
    }
    if (head === LITERAL_ARRAY) return v.slice(1).map(unpack);
    const keys = shapes[-head - SHAPE_BASE];
    if (!keys || keys.length !== v.length - 1) throw new Error(`stored analysis: bad shape ${-head - SHAPE_BASE}`);
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      // A key named __proto__ must be a field, as JSON.parse makes it, not the prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: unpack(v[i + 1]!), enumerable: true, writable: true, configurable: true });
      else out[key] = unpack(v[i + 1]!);
    }
    return out;
  };
  return unpack(value);
}

export function encodePayload(payload: AnalysisPayload): Buffer {
  const body = deflateRawSync(JSON.stringify(packJson(payload)), { level: 9, dictionary: DICTIONARY_1 });
  return Buffer.concat([Buffer.of(FORMAT_2), body]);
}

/** A payload of format 0 or 1 with its lemmas in today's form. */
function withEditedLemmas(payload: AnalysisPayload): AnalysisPayload {
  const title = payload.features.title;
  return {
    ...payload,
    lemmas: payload.lemmas.map(fromLiteralLemmas),
    features: { ...payload.features, ...(title && { title: { ...title, lemmas: fromLiteralLemmas(title.lemmas) } }) },
  };
}

export function decodePayload(bytes: Uint8Array): AnalysisPayload {
  if (bytes[0] !== FORMAT_1 && bytes[0] !== FORMAT_2) {
    return withEditedLemmas(JSON.parse(inflateRawSync(bytes).toString('utf8')) as AnalysisPayload);
  }
  const json = inflateRawSync(bytes.subarray(1), { dictionary: DICTIONARY_1 }).toString('utf8');
  const payload = unpackJson(JSON.parse(json) as [string[][], Json]) as AnalysisPayload;
  return bytes[0] === FORMAT_2 ? payload : withEditedLemmas(payload);
}

/** Whether `bytes` are in the current format (migration 009 rewrites those that are not). */
export function isCurrentPayload(bytes: Uint8Array): boolean {
  return bytes[0] === FORMAT_2;
}
