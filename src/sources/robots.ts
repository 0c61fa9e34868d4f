/**
 * robots.txt for the article pages Kronika fetches from feed links (the feed itself is something
 * the user subscribed to, as in every feed reader). RFC 9309: the group naming our product token
 * ("kronika"), else the `*` group; the longest matching rule wins, Allow on a tie; `*` and `$` in
 * patterns. A missing file (4xx) allows everything; an unreachable one (5xx, 429, network) allows
 * nothing until it can be read. Files are cached per origin, in the store, for a day (RFC 9309
 * §2.4 asks not to use a copy older than 24 hours), an unreachable answer for an hour.
 */
import { describeStatus } from './failures.ts';
import type { RobotsRecord } from './types.ts';

/** The token site owners write in `User-agent:` lines to address Kronika. */
export const ROBOTS_TOKEN = 'kronika';

/** RFC 9309 §2.5: parse at least 500 KiB; the rest of a longer file is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

const FRESH_MS = 24 * 60 * 60_000;
const UNREACHABLE_FRESH_MS = 60 * 60_000;

interface Rule {
  readonly allow: boolean;
  readonly pattern: string;
  readonly regex: RegExp;
}

export interface RobotsRules {
  /** Everything allowed (no file), or nothing (file unreachable), before any rule. */
  readonly verdict?: 'allow-all' | 'disallow-all';
  /** Why nothing is allowed, for messages. */
  readonly reason?: string;
  readonly rules: readonly Rule[];
}

function patternRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/**
 * The rules a robots.txt sets for `token`: its own groups if any name it, else the `*` groups.
 * @example parseRobots('User-agent: *\nDisallow: /private/', 'kronika').rules.length // → 1
 */
export function parseRobots(text: string, token: string = ROBOTS_TOKEN): RobotsRules {
  const groups: { agents: string[]; rules: Rule[] }[] = [];
  let current: { agents: string[]; rules: Rule[] } | undefined;
  let inAgentLines = false;
  for (const raw of text.slice(0, ROBOTS_MAX_BYTES).split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const field = match[1]!.toLowerCase();
    const value = match[2]!.trim();
    if (field === 'user-agent') {
      if (!inAgentLines) groups.push((current = { agents: [], rules: [] }));
      current!.agents.push(value.toLowerCase());
      inAgentLines = true;
      continue;
    }
    inAgentLines = false;
    if (!current || (field !== 'allow' && field !== 'disallow')) continue;
    // An empty Disallow allows everything: it is no rule at all.
    if (!value) continue;
    current.rules.push({ allow: field === 'allow', pattern: value, regex: patternRegex(value) });
  }
  const wanted = token.toLowerCase();
  const own = groups.filter((g) => g.agents.includes(wanted));
  const chosen = own.length > 0 ? own : groups.filter((g) => g.agents.includes('*'));
  return { rules: chosen.flatMap((g) => g.rules) };
}

/** Whether the rules let Kronika fetch `url` (path and query are matched, as RFC 9309 says). */
export function robotsAllow(rules: RobotsRules, url: string): boolean {
  if (rules.verdict) return rules.verdict === 'allow-all';
  const parsed = new URL(url);
  if (parsed.pathname === '/robots.txt') return true;
  const target = parsed.pathname + parsed.search;
  let best: Rule | undefined;
  for (const rule of rules.rules) {
    if (!rule.regex.test(target)) continue;
    const longer = !best || rule.pattern.length > best.pattern.length;
    const tieAllows = best && rule.pattern.length === best.pattern.length && rule.allow && !best.allow;
    if (longer || tieAllows) best = rule;
  }
  return best ? best.allow : true;
}

/**
 * The rules a cached or fetched record stands for (status 0: no answer, `error` says why).
 * @example rulesOfRecord({ origin, status: 404, fetchedAt }).verdict // → 'allow-all'
 */
export function rulesOfRecord(record: RobotsRecord): RobotsRules {
  if (record.status >= 200 && record.status < 300) return parseRobots(record.body ?? '');
  if (record.status >= 400 && record.status < 500 && record.status !== 429) return { verdict: 'allow-all', rules: [] };
  const reason = record.status === 0
    ? `robots.txt could not be fetched${record.error ? ` (${record.error})` : ''}`
    : `robots.txt answered ${describeStatus(record.status)}`;
  return { verdict: 'disallow-all', reason, rules: [] };
}

function isFresh(record: RobotsRecord, now: number): boolean {
  const unreachable = record.status === 0 || record.status === 429 || record.status >= 500;
  return now - Date.parse(record.fetchedAt) < (unreachable ? UNREACHABLE_FRESH_MS : FRESH_MS);
}

export interface RobotsDeps {
  readonly read: (origin: string) => Promise<RobotsRecord | undefined>;
  readonly save: (record: RobotsRecord) => Promise<void>;
  /** GET `url` (with the asking source's address policy); status 0 and the error when no answer came. */
  readonly fetch: (url: string, allowPrivate: boolean) => Promise<{ readonly status: number; readonly body?: string; readonly error?: string }>;
  readonly now: () => number;
}

/**
 * Answers "may Kronika fetch this page, and if not, why?" with one robots.txt request per origin
 * per day; callers asking about the same origin at once share the request.
 */
export class RobotsCache {
  readonly #deps: RobotsDeps;
  /** Rules per origin as this process last read them; re-read from the store after an hour. */
  readonly #known = new Map<string, { readonly at: number; readonly rules: Promise<RobotsRules> }>();

  constructor(deps: RobotsDeps) {
    this.#deps = deps;
  }

  /** Undefined when `url` may be fetched, else the reason it may not. */
  async refusal(url: string, allowPrivate = false): Promise<string | undefined> {
    const origin = new URL(url).origin;
    const now = this.#deps.now();
    let known = this.#known.get(origin);
    if (!known || now - known.at >= UNREACHABLE_FRESH_MS) {
      known = { at: now, rules: this.#rules(origin, now, allowPrivate) };
      this.#known.set(origin, known);
    }
    const rules = await known.rules;
    if (robotsAllow(rules, url)) return undefined;
    return rules.reason ?? 'robots.txt does not allow fetching it';
  }

  async #rules(origin: string, now: number, allowPrivate: boolean): Promise<RobotsRules> {
    const cached = await this.#deps.read(origin);
    if (cached && isFresh(cached, now)) return rulesOfRecord(cached);
    const answer = await this.#deps.fetch(`${origin}/robots.txt`, allowPrivate);
    const record: RobotsRecord = {
      origin,
      status: answer.status,
      ...(answer.body !== undefined && answer.status >= 200 && answer.status < 300 && { body: answer.body }),
      ...(answer.error && { error: answer.error }),
      fetchedAt: new Date(now).toISOString(),
    };
    await this.#deps.save(record);
    return rulesOfRecord(record);
  }
}
