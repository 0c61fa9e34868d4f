/**
 * How a source is named wherever an outlet is shown (article records, reports, lists): the
 * user's name for it, else the feed's title, else the site's name, else the host. Never a
 * folder name: that was the file reader's last resort, and sources are not files.
 */
import type { Source } from './types.ts';

type Named = Pick<Source, 'name' | 'title' | 'siteName' | 'homePage' | 'feedUrl'>;

/**
 * @example outletOf({ feedUrl: 'https://www.example.pl/rss.xml' }) // → 'example.pl'
 */
export function outletOf(source: Named): string {
  return source.name?.trim() || source.title?.trim() || source.siteName?.trim() || hostName(source.homePage ?? source.feedUrl);
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

/**
 * A declared language tag reduced to its primary subtag ('pl-PL' → 'pl'), or undefined when it
 * is not one.
 */
export function primaryLanguage(tag: string | undefined): string | undefined {
  const match = tag && /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag);
  return match ? match[1]!.toLowerCase() : undefined;
}

/** The value most frequent in a list, or undefined for an empty one (first seen wins ties). */
export function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}
