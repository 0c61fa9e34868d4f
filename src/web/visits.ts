/**
 * "New since your last visit" without scripts or server-side sessions: each story page sets a
 * cookie holding the time of the visit, scoped to that story's path (so a browser keeps one per
 * story, each a few bytes, and sends it only to that story's pages and feed). The next visit
 * reads it back before setting the new time. The value is a number of seconds; anything else is
 * ignored, so a forged cookie can at most change what is marked new.
 */
import type { CookieOptions } from 'hono/utils/cookie';

export const VISIT_COOKIE = 'kronika_seen';
/** A visit is remembered for a year. */
const MAX_AGE_S = 365 * 86_400;

/** The last visit as an ISO time, from the cookie's value; undefined when absent or unreadable. */
export function lastVisit(value: string | undefined): string | undefined {
  if (!value || !/^\d{9,11}$/.test(value)) return undefined;
  return new Date(Number(value) * 1000).toISOString();
}

/**
 * The cookie recording a visit of `path` at `now`, as setCookie's arguments after the name.
 * @example setCookie(c, VISIT_COOKIE, ...visitCookie('/stories/ev-1', new Date()))
 */
export function visitCookie(path: string, now: Date): [string, CookieOptions] {
  return [String(Math.floor(now.getTime() / 1000)), { path, maxAge: MAX_AGE_S, httpOnly: true, sameSite: 'Lax' }];
}
