/**
 * Reading a response body under a cap on its DECODED size: gzip, deflate and brotli are undone
 * as a stream and counted as they come out, so a small compressed bomb is stopped at the cap
 * instead of inflating into memory.
 */
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream';
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { NetError } from './errors.ts';

/** The content codings we ask for and can undo (Accept-Encoding). */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** "10 MB", "512 KB": sizes in error messages. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function decoderFor(coding: string, url: string): Transform | undefined {
  switch (coding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate': // RFC 9110 §8.4.1.2: the zlib format
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new NetError('protocol', url, `unsupported content coding "${coding}"`);
  }
}

export interface BodyLimits {
  readonly maxBytes: number;
  /** The URL named in errors. */
  readonly requested: string;
}

/**
 * The whole body, decoded. Throws NetError 'too-large' past `maxBytes` (decoded), 'protocol'
 * for a body its declared coding cannot undo.
 */
export async function readBody(response: IncomingMessage, limits: BodyLimits): Promise<Uint8Array> {
  const { maxBytes, requested } = limits;
  const over = () => new NetError('too-large', requested, `response is over the ${describeBytes(maxBytes)} limit`);
  const codings = (response.headers['content-encoding'] ?? '').split(',').map((c) => c.trim().toLowerCase()).filter(Boolean);
  const declared = Number(response.headers['content-length']);
  if (codings.length === 0 && declared > maxBytes) {
    response.destroy();
    throw new NetError('too-large', requested, `response is ${describeBytes(declared)}, over the ${describeBytes(maxBytes)} limit`);
  }
  let decoders: Transform[];
  try {
    // Codings apply in the order listed, so they are undone from the last.
    decoders = codings.reverse().map((c) => decoderFor(c, requested)).filter((d): d is Transform => d !== undefined);
  } catch (error) {
    response.destroy();
    throw error;
  }
  const streams: Readable[] = [response, ...decoders];
  const output = streams.at(-1)!;
  let failure: Error | undefined;
  if (decoders.length > 0) {
    pipeline(streams as unknown as [Readable, ...Transform[]], (error) => {
      failure = error ?? undefined;
    });
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of output) {
      const buffer = chunk as Buffer;
      total += buffer.byteLength;
      if (total > maxBytes) throw over();
      chunks.push(buffer);
    }
  } catch (error) {
    for (const stream of streams) stream.destroy();
    if (error instanceof NetError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (/^Z_|ERR_BROTLI|ERR__?ZLIB/.test(code) || decoders.length > 0 && failure === error) {
      throw new NetError('protocol', requested, `broken ${codings.join(', ')} body: ${(error as Error).message}`);
    }
    throw error;
  }
  if (response.complete === false) throw new NetError('protocol', requested, 'connection closed before the whole body arrived');
  return Buffer.concat(chunks, total);
}
