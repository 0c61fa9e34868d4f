/**
 * Polling settings from flags and the environment: flags win, then KRONIKA_POLL_* variables, then
 * the defaults in schedule.ts and poll.ts. Cron users set them once in the crontab's environment.
 */
import { DEFAULT_CONCURRENCY, DEFAULT_PER_HOST } from './poll.ts';
import { DEFAULT_POLICY, type SchedulePolicy } from './schedule.ts';

/** A setting that does not parse; the message names the flag or variable. */
export class SettingError extends Error {
  override readonly name = 'SettingError';
}

const UNITS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration like "90s", "10m", "24h", "7d" (a bare number is minutes), in ms.
 * @example parseDuration('24h', '--max-interval') // → 86400000
 */
export function parseDuration(text: string, what: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?\s*$/i.exec(text);
  if (!match || !(Number(match[1]) > 0)) throw new SettingError(`${what}: expected a duration such as 10m, 24h or 7d, got "${text}"`);
  return Number(match[1]) * UNITS[(match[2] ?? 'm').toLowerCase()]!;
}

function positive(text: string, what: string): number {
  const value = Number(text);
  if (!(value > 0)) throw new SettingError(`${what}: expected a positive number, got "${text}"`);
  return value;
}

export interface PollSettings {
  readonly minInterval?: string;
  readonly maxInterval?: string;
  readonly disableAfter?: string;
  readonly concurrency?: string;
  readonly perHost?: string;
  /** Seconds. */
  readonly timeout?: string;
}

export interface ResolvedPollSettings {
  readonly policy: SchedulePolicy;
  readonly concurrency: number;
  readonly perHost: number;
  readonly timeoutMs?: number;
}

/**
 * Flags over KRONIKA_POLL_MIN_INTERVAL, _MAX_INTERVAL, _DISABLE_AFTER, _CONCURRENCY, _PER_HOST,
 * _TIMEOUT over the defaults. Throws SettingError for a value that does not parse.
 */
export function resolvePollSettings(flags: PollSettings, env: NodeJS.ProcessEnv = process.env): ResolvedPollSettings {
  const pick = (flag: string | undefined, variable: string) => {
    const value = flag ?? (env[variable]?.trim() || undefined);
    return value === undefined ? undefined : { value, what: flag !== undefined ? `--${variable.slice(13).toLowerCase().replace(/_/g, '-')}` : variable };
  };
  const min = pick(flags.minInterval, 'KRONIKA_POLL_MIN_INTERVAL');
  const max = pick(flags.maxInterval, 'KRONIKA_POLL_MAX_INTERVAL');
  const disable = pick(flags.disableAfter, 'KRONIKA_POLL_DISABLE_AFTER');
  const concurrency = pick(flags.concurrency, 'KRONIKA_POLL_CONCURRENCY');
  const perHost = pick(flags.perHost, 'KRONIKA_POLL_PER_HOST');
  const timeout = pick(flags.timeout, 'KRONIKA_POLL_TIMEOUT');
  const policy: SchedulePolicy = {
    ...DEFAULT_POLICY,
    ...(min && { minIntervalMs: parseDuration(min.value, min.what) }),
    ...(max && { maxIntervalMs: parseDuration(max.value, max.what) }),
    ...(disable && { disableAfter: positive(disable.value, disable.what) }),
  };
  if (policy.minIntervalMs > policy.maxIntervalMs) {
    throw new SettingError(`the minimum interval (${min?.what ?? 'default 10m'}) is longer than the maximum (${max?.what ?? 'default 24h'})`);
  }
  return {
    policy,
    concurrency: concurrency ? Math.ceil(positive(concurrency.value, concurrency.what)) : DEFAULT_CONCURRENCY,
    perHost: perHost ? Math.ceil(positive(perHost.value, perHost.what)) : DEFAULT_PER_HOST,
    ...(timeout && { timeoutMs: positive(timeout.value, timeout.what) * 1000 }),
  };
}
