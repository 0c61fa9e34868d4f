/**
 * What a response's headers say about when to ask again: freshness (Cache-Control max-age minus
 * Age, else Expires minus Date; RFC 9111 §4.2.1) and Retry-After (RFC 9110 §10.2.3, seconds or
 * an HTTP date). Pure: `now` is passed in, so a fake clock drives them in tests.
 */

/** Freshness lifetime the server grants, in ms; undefined when it says nothing usable. */
export function freshnessMs(headers: Headers, now: number): number | undefined {
  const cacheControl = headers.get('cache-control');
  if (cacheControl) {
    const directives = cacheControl.toLowerCase().split(',').map((d) => d.trim());
    // no-cache / no-store forbid reusing the answer without asking: no reason to wait longer.
    if (directives.some((d) => d === 'no-cache' || d === 'no-store')) return 0;
    const maxAge = directives.map((d) => /^max-age\s*=\s*"?(\d+)"?$/.exec(d)).find(Boolean);
    if (maxAge) {
      const age = Number(headers.get('age'));
      return Math.max(0, Number(maxAge[1]) - (Number.isFinite(age) && age > 0 ? age : 0)) * 1000;
    }
  }
  const expires = headers.get('expires');
  if (expires) {
    const at = Date.parse(expires);
    // An invalid date, "0" or "-1" means already expired (RFC 9111 §5.3).
    if (Number.isNaN(at)) return 0;
    // Against the server's own Date, so its clock's skew cancels out.
    const date = Date.parse(headers.get('date') ?? '');
    return Math.max(0, at - (Number.isNaN(date) ? now : date));
  }
  return undefined;
}

/**
 * The wait a Retry-After header asks for, in ms: delay-seconds or an HTTP date; undefined when
 * absent or unreadable.
 * @example retryAfterMs(new Headers({ 'retry-after': '120' }), Date.now()) // → 120000
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The headers that make a request conditional on the validators a source last got. */
export function conditionalHeaders(validators: { readonly etag?: string; readonly lastModified?: string }): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}
