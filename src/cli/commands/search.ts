/** `kronika search "<query>"`: full-text search over stored articles (same index as GET /api/search). */
import type { Command } from 'commander';
import { stageLag } from '../../app/lag.ts';
import { markHighlights, MAX_SEARCH_LIMIT, type SearchHit } from '../../search/index.ts';
import type { Language } from '../../types.ts';
import {
  dateFlag, outputWidth, pagingOf, printJsonLines, printTable, truncate, UsageError, warn, withDb, withJson, withPaging, withStore,
  type DbOptions, type PageFlags,
} from '../context.ts';

interface SearchFlags extends DbOptions, PageFlags {
  readonly json?: boolean;
  readonly lang?: string;
  readonly source?: string;
  readonly since?: string;
  readonly until?: string;
}

const LANGUAGES: readonly string[] = ['pl', 'en', 'und'];
/** Articles a search shows unless --limit says otherwise. */
const DEFAULT_LIMIT = 20;

/** Validated search filters from the flags; a bad value is a usage error (exit 2). */
function filtersOf(flags: SearchFlags) {
  if (flags.lang && !LANGUAGES.includes(flags.lang)) throw new UsageError(`--lang "${flags.lang}" is not one of ${LANGUAGES.join(', ')}`);
  const since = dateFlag('--since', flags.since);
  const until = dateFlag('--until', flags.until);
  if (since && until && until < since.slice(0, until.length)) throw new UsageError(`--until "${until}" is before --since "${since}"`);
  const { limit = DEFAULT_LIMIT, offset } = pagingOf(flags, MAX_SEARCH_LIMIT);
  return { language: flags.lang as Language | undefined, source: flags.source, since, until, limit, offset };
}

/** Columns left of the match: id 16, date 10, outlet up to 16, and the gaps between them. */
const BEFORE_MATCH = 48;
/** Characters of context kept before the first match when the sentence is too long to show whole. */
const LEAD_CHARS = 20;

function hitRow(hit: SearchHit): string[] {
  return [
    hit.articleId, hit.published ?? 'undated', truncate(hit.outlet ?? '-', 16),
    aroundFirstMatch(markHighlights(hit.sentence.text, hit.highlights, '[', ']'), Math.max(30, outputWidth() - BEFORE_MATCH)),
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
  withPaging(withJson(withDb(program.command('search'))), `articles (default ${DEFAULT_LIMIT})`, MAX_SEARCH_LIMIT)
    .description('full-text search: inflected forms match ("pociąg" finds "pociągiem"), Polish letters optional, ' +
      '"quoted phrases", prefix*; every word must occur in the article')
    .argument('<query>', 'words, "phrases" and prefix* terms')
    .option('--lang <code>', 'only this language (pl, en, und)')
    .option('--source <outlet>', 'only this outlet')
    .option('--since <date>', 'published on or after (YYYY[-MM[-DD]])')
    .option('--until <date>', 'published on or before (YYYY[-MM[-DD]])')
    .action(async (query: string, flags: SearchFlags) => {
      const filters = filtersOf(flags);
      await withStore(flags, async (store) => {
        const hits = await store.search.search(query, filters);
        const { index: lag } = await stageLag(store);
        if (lag > 0) warn(`${lag} stored article(s) are not indexed for search yet: \`kronika update\` indexes them`);
        if (flags.json) return printJsonLines(hits);
        if (hits.length === 0) return void process.stderr.write(filters.offset ? `no matches after the first ${filters.offset}\n` : 'no matches\n');
        printTable(['ID', 'PUBLISHED', 'OUTLET', 'BEST MATCH'], hits.map(hitRow));
      });
    });
}
