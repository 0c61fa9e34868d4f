/** `kronika articles`, `kronika article <id>`, `kronika stats`, `kronika export`: what the store holds. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { allArticles } from '../../app/articles.ts';
import { articleRecord, headline } from '../../app/records.ts';
import type { Article, Language } from '../../types.ts';
import {
  dateFlag, dateRange, noticePage, pagingOf, printJson, printJsonLines, printLine, printTable, printText, truncate, UsageError, withDb, withJson,
  withPaging, withStore, type DbOptions, type PageFlags,
} from '../context.ts';
import { findArticle } from '../lookup.ts';

interface ListFlags extends DbOptions, PageFlags {
  readonly json?: boolean;
  readonly source?: string;
  readonly lang?: string;
  readonly since?: string;
}

const LANGUAGES: readonly string[] = ['pl', 'en', 'und'];

function publishedLabel(article: Article): string {
  return article.published?.value ?? 'undated';
}

export function register(program: Command): void {
  withPaging(withJson(withDb(program.command('articles'))), 'articles')
    .description('list stored articles, oldest first')
    .option('--source <outlet>', 'only this outlet')
    .option('--lang <code>', 'only this language (pl, en, und)')
    .option('--since <date>', 'published on or after this date (YYYY[-MM[-DD]])')
    .action(async (flags: ListFlags) => {
      if (flags.lang && !LANGUAGES.includes(flags.lang)) throw new UsageError(`--lang "${flags.lang}" is not one of ${LANGUAGES.join(', ')}`);
      const since = dateFlag('--since', flags.since);
      const paging = pagingOf(flags);
      await withStore(flags, async (store) => {
        const filter = { source: flags.source, language: flags.lang as Language | undefined, since };
        const articles = await store.articles.list({ ...filter, ...paging });
        if (flags.json) return printJsonLines(articles.map(articleRecord));
        printTable(
          ['ID', 'PUBLISHED', 'LANG', 'OUTLET', 'TITLE'],
          articles.map((a) => [
            a.id, publishedLabel(a), a.language, truncate(a.outlet ?? '-', 24),
            (a.duplicateOf ? `[copy of ${a.duplicateOf.slice(0, 8)}] ` : '') + headline(a),
          ]),
        );
        if (paging.limit !== undefined && articles.length === paging.limit) {
          const total = flags.source || flags.lang || since ? undefined : await store.articles.count();
          if (total !== undefined) noticePage('articles', paging.offset, articles.length, total);
          else process.stderr.write(`articles ${paging.offset + 1}–${paging.offset + articles.length}; --offset ${paging.offset + articles.length} for the next page\n`);
        }
      });
    });

  withJson(withDb(program.command('article')))
    .description('show one article: metadata, clean text and the boilerplate removed from it')
    .argument('<id>', 'article id (or a unique prefix of at least 6 characters)')
    .action(async (id: string, flags: DbOptions & { json?: boolean }) => {
      await withStore(flags, async (store) => {
        const article = await findArticle(store, id);
        if (flags.json) return printJson(articleRecord(article));
        const meta: [string, string | undefined][] = [
          ['id', article.id], ['origin', article.origin], ['title', article.title],
          ['published', article.published && `${article.published.value} (${article.published.precision})`],
          ['language', article.language], ['outlet', article.outlet], ['author', article.author],
          ['url', article.url], ['duplicate of', article.duplicateOf], ['revision of', article.revisionOf],
        ];
        for (const [k, v] of meta) if (v) printText(`${k.padEnd(13)}${v}\n`);
        printText(`\n${article.text}\n`);
        if (article.removed.length) {
          process.stdout.write(`\nremoved (${article.removed.length}):\n`);
          for (const r of article.removed) printLine(`  [${r.kind}] `, r.text);
        }
      });
    });

  withJson(withDb(program.command('stats')))
    .description('counts by language and outlet, and the range of publication dates')
    .action(async (flags: DbOptions & { json?: boolean }) => {
      await withStore(flags, async (store) => {
        const stats = await store.articles.stats();
        if (flags.json) return printJson(stats);
        process.stdout.write(`articles     ${stats.articles} (${stats.duplicates} near-duplicates)\n`);
        // Files and pasted text often carry no outlet: say so in words, not "-".
        process.stdout.write(`published    ${dateRange(stats.firstPublished, stats.lastPublished)}\n`);
        const list = (counts: Readonly<Record<string, number>>) =>
          Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none named';
        process.stdout.write(`languages    ${list(stats.byLanguage)}\n`);
        printText(`outlets      ${list(stats.bySource)}\n`);
      });
    });

  withDb(program.command('export'))
    .description('every article as JSON Lines (id, origin, title, published, language, outlet, text, removed, duplicateOf)')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (flags: DbOptions & { output?: string }) => {
      await withStore(flags, async (store) => {
        const out = flags.output ? createWriteStream(flags.output) : process.stdout;
        for await (const page of allArticles(store)) {
          for (const article of page) {
            if (!out.write(JSON.stringify(articleRecord(article)) + '\n')) await once(out, 'drain');
          }
        }
        if (flags.output) {
          out.end();
          await once(out, 'finish');
        }
      });
    });
}
