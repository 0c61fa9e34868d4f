/** Which URLs Kronika treats as web addresses: absolute http(s) only, for fetching and for links. */

/**
 * True for an absolute http: or https: URL. javascript:, data:, vbscript:, file: and the rest are
 * never fetched, stored as an article's address or rendered as a link.
 * @example isHttpUrl('javascript:alert(1)') // → false
 */
export function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
