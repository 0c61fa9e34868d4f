/** `kronika articles`, `kronika article <id>`, `kronika stats`, `kronika export`: what the store holds. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { allArticles } from '../../app/articles.ts';
import { articleRecord, headline } from '../../app/records.ts';
import type { Article, Language } from '../../types.ts';
import { AmbiguousIdError, type Store, type StoredArticle } from '../../store/store.ts';
import {
  printJson, printJsonLines, printTable, printText, truncate, UsageError, withDb, withJson, withStore, type DbOptions,
} from '../context.ts';

interface ListFlags extends DbOptions {
  readonly json?: boolean;
  readonly source?: string;
  readonly lang?: string;
  readonly since?: string;
  readonly limit?: string;
}

const LANGUAGES: readonly string[] = ['pl', 'en', 'und'];

function publishedLabel(article: Article): string {
  return article.published?.value ?? 'undated';
}

/** Finds an article by its id or an unambiguous prefix of it (at least MIN_ID_PREFIX characters). */
export async function findArticle(store: Store, id: string): Promise<StoredArticle> {
  try {
    const article = await store.articles.find(id);
    if (article) return article;
  } catch (error) {
    if (error instanceof AmbiguousIdError) {
      throw new UsageError(`article id prefix "${id}" is ambiguous (${error.matches.length} matches)`);
    }
    throw error;
  }
  throw new UsageError(`no article with id "${id}"`);
}

export function register(program: Command): void {
  withJson(withDb(program.command('articles')))
    .description('list stored articles, oldest first')
    .option('--source <outlet>', 'only this outlet')
    .option('--lang <code>', 'only this language (pl, en, und)')
    .option('--since <date>', 'published on or after this date (YYYY[-MM[-DD]])')
    .option('--limit <n>', 'at most this many')
    .action(async (flags: ListFlags) => {
      if (flags.lang && !LANGUAGES.includes(flags.lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}`);
      if (flags.since && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(flags.since)) throw new UsageError('--since takes YYYY, YYYY-MM or YYYY-MM-DD');
      const limit = flags.limit === undefined ? undefined : Number(flags.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError('--limit takes a positive integer');
      await withStore(flags, async (store) => {
        const articles = await store.articles.list({
          source: flags.source, language: flags.lang as Language | undefined, since: flags.since, limit,
        });
        if (flags.json) return printJsonLines(articles.map(articleRecord));
        printTable(
          ['ID', 'PUBLISHED', 'LANG', 'OUTLET', 'TITLE'],
          articles.map((a) => [
            a.id, publishedLabel(a), a.language, truncate(a.outlet ?? '-', 24),
            (a.duplicateOf ? `[copy of ${a.duplicateOf.slice(0, 8)}] ` : '') + truncate(headline(a), 70),
          ]),
        );
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
          for (const r of article.removed) printText(`  [${r.kind}] ${truncate(r.text, 100)}\n`);
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
        process.stdout.write(`published    ${stats.firstPublished ?? '?'} … ${stats.lastPublished ?? '?'}\n`);
        const list = (counts: Readonly<Record<string, number>>) =>
          Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || '-';
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
