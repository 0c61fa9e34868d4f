/**
 * Bytes of a stored analysis: its JSON (src/analysis/stored.ts) deflated. Every engine stores the
 * same bytes, so a store moved between engines needs no re-encoding. Raw deflate at level 6
 * keeps an average BSNLP article's analysis near 2 KB (docs/BENCHMARKS.md, scale) and inflates
 * in well under a millisecond; brotli saved another 15 % at several times the cost.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AnalysisPayload } from '../analysis/stored.ts';

export function encodePayload(payload: AnalysisPayload): Buffer {
  return deflateRawSync(JSON.stringify(payload));
}

export function decodePayload(bytes: Uint8Array): AnalysisPayload {
  return JSON.parse(inflateRawSync(bytes).toString('utf8')) as AnalysisPayload;
}
