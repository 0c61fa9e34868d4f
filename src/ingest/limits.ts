/** Limits every input is held to, in one place: those of the outbound client (src/net/http.ts). */
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_REDIRECTS as MAX_REDIRECTS, describeBytes } from '../net/http.ts';
