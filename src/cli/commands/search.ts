/** `kronika search "<query>"`: full-text search over stored articles (same index as GET /api/search). */
import type { Command } from 'commander';
import { stageLag } from '../../app/stages.ts';
import { markHighlights, MAX_SEARCH_LIMIT, type SearchHit } from '../../search/index.ts';
import type { Language } from '../../types.ts';
import { printJsonLines, printTable, truncate, UsageError, warn, withDb, withJson, withStore, type DbOptions } from '../context.ts';

interface SearchFlags extends DbOptions {
  readonly json?: boolean;
  readonly lang?: string;
  readonly source?: string;
  readonly since?: string;
  readonly until?: string;
  readonly limit?: string;
}

const LANGUAGES: readonly string[] = ['pl', 'en', 'und'];
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Validated search filters from the flags; a bad value is a usage error (exit 2). */
function filtersOf(flags: SearchFlags) {
  if (flags.lang && !LANGUAGES.includes(flags.lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}`);
  for (const [name, value] of [['--since', flags.since], ['--until', flags.until]] as const) {
    if (value && !DATE.test(value)) throw new UsageError(`${name} takes YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  const limit = flags.limit === undefined ? undefined : Number(flags.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0 && limit <= MAX_SEARCH_LIMIT)) {
    throw new UsageError(`--limit takes an integer from 1 to ${MAX_SEARCH_LIMIT}`);
  }
  return { language: flags.lang as Language | undefined, source: flags.source, since: flags.since, until: flags.until, limit };
}

const MATCH_WIDTH = 110;
/** Words of context kept before the first match when the sentence is too long to show whole. */
const LEAD_CHARS = 40;

function hitRow(hit: SearchHit): string[] {
  return [
    hit.articleId, hit.published ?? 'undated', truncate(hit.outlet ?? '-', 20),
    aroundFirstMatch(markHighlights(hit.sentence.text, hit.highlights, '[', ']'), MATCH_WIDTH),
  ];
}

/** The marked sentence cut to `width` so that its first [match] stays in view. */
function aroundFirstMatch(marked: string, width: number): string {
  const at = marked.indexOf('[');
  if (marked.length <= width || at < 0 || at < width - LEAD_CHARS) return truncate(marked, width);
  const from = marked.lastIndexOf(' ', at - LEAD_CHARS) + 1;
  return truncate(`…${marked.slice(from)}`, width);
}

export function register(program: Command): void {
  withJson(withDb(program.command('search')))
    .description('full-text search: inflected forms match ("pociąg" finds "pociągiem"), Polish letters optional, ' +
      '"quoted phrases", prefix*; every word must occur in the article')
    .argument('<query>', 'words, "phrases" and prefix* terms')
    .option('--lang <code>', 'only this language (pl, en, und)')
    .option('--source <outlet>', 'only this outlet')
    .option('--since <date>', 'published on or after (YYYY[-MM[-DD]])')
    .option('--until <date>', 'published on or before (YYYY[-MM[-DD]])')
    .option('--limit <n>', `at most this many articles (default 20, max ${MAX_SEARCH_LIMIT})`)
    .action(async (query: string, flags: SearchFlags) => {
      const filters = filtersOf(flags);
      await withStore(flags, async (store) => {
        const hits = await store.search.search(query, filters);
        const { index: lag } = await stageLag(store);
        if (lag > 0) warn(`${lag} stored article(s) are not indexed for search yet: \`kronika update\` indexes them`);
        if (flags.json) return printJsonLines(hits);
        if (hits.length === 0) return void process.stderr.write('no matches\n');
        printTable(['ID', 'PUBLISHED', 'OUTLET', 'BEST MATCH'], hits.map(hitRow));
      });
    });
}
