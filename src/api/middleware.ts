/** Request guards shared by every route: body size cap and per-request timeout. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.ts';

/**
 * Largest request body. An article as HTML is rarely over 2 MB (src/ingest/limits.ts says the
 * same of fetched pages); JSON escaping can nearly double it, hence 4 MB.
 */
export const DEFAULT_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/**
 * Longest a request may take. Searches and listings answer in milliseconds (bench: api); only
 * an ingest by URL waits on the network, and src/ingest/limits.ts gives a fetch 15 s.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError('payload_too_large', `request body is over ${maxBytes} bytes`);
    },
  });
}

/**
 * Fails a request that takes longer than `ms` with 503. Synchronous work (SQLite reads) cannot
 * be interrupted in one thread; this bounds the waits on I/O such as URL fetches.
 */
export function requestTimeout(ms: number): MiddlewareHandler {
  return async function timeoutGuard(_c, next) {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ApiError('timeout', `request took longer than ${ms} ms`)), ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
