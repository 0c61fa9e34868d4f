/** The one error the outbound HTTP client (src/net/http.ts) throws. */

export type NetErrorKind =
  | 'blocked-address'    // the name resolves to a loopback, private, link-local… address
  | 'dns'                // the name does not resolve
  | 'connect'            // refused, reset, unreachable, TLS failure
  | 'timeout'            // the whole request outlasted timeoutMs (or the caller aborted it)
  | 'too-large'          // the decoded body is over maxBytes
  | 'too-many-redirects' // more than maxRedirects hops, or a loop
  | 'bad-url'            // not a URL, or not http(s) (also a redirect's Location)
  | 'protocol';          // a response HTTP or its content coding could not be read

/**
 * A failed request. `url` is the URL the caller asked for; the message is one line and names
 * the redirect hop when the failure happened further along.
 */
export class NetError extends Error {
  override readonly name = 'NetError';
  constructor(
    readonly kind: NetErrorKind,
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}
