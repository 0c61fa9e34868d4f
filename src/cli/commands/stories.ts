/** `kronika stories`, `kronika story <id>`, `kronika report <id>`: events and storylines, read from the store. */
import type { Command } from 'commander';
import type { StoryLevel } from '../../stories/options.ts';
import { MAX_SUMMARY_SENTENCES, MIN_SUMMARY_SENTENCES } from '../../synthesis/summary.ts';
import {
  baseUrlOf, dateRange, noticeLag, noticePage, outputWidth, pagingOf, printJson, printJsonLines, printTable, printText, truncate, UsageError, warn,
  withDb, withJson, withPaging, withStore, type DbOptions, type PageFlags,
} from '../context.ts';
import { findStory } from '../lookup.ts';

const LEVELS: readonly StoryLevel[] = ['event', 'storyline'];
const FORMATS = ['md', 'json', 'html'] as const;

export function register(program: Command): void {
  withPaging(withJson(withDb(program.command('stories'))), 'stories')
    .description('stories: events (one happening) or storylines (one long-running subject), newest activity first')
    .option('--level <level>', 'event or storyline', 'event')
    .option('--rebuild', 're-cluster every stored article from scratch (batch mode)')
    .action(async (flags: DbOptions & PageFlags & { json?: boolean; level: string; rebuild?: boolean }) => {
      const level = flags.level as StoryLevel;
      if (!LEVELS.includes(level)) throw new UsageError(`--level "${flags.level}" is not one of ${LEVELS.join(', ')}`);
      const paging = pagingOf(flags);
      await withStore(flags, async (store) => {
        // The clusterer, the synthesis and the web page are loaded only by the commands that use them.
        if (flags.rebuild) await (await import('../../app/stories.ts')).rebuildStories(store);
        else await noticeLag(store, { stories: true });
        const { stories, total } = await store.stories.list({ level, ...paging });
        // The record schemas (zod) are loaded only by the commands that print records.
        if (flags.json) return printJsonLines(await (await import('../../app/records.ts')).storyRecords(store, stories));
        printTable(
          // COPIES: near-duplicates and syndicated copies; independent sources are the report's (`kronika report`).
          ['ID', 'LAST SEEN', 'ARTICLES', 'COPIES', 'LANG', 'TITLE'],
          stories.map((s) => [s.id, s.lastSeen ?? 'undated', String(s.articles), String(s.articles - s.independentSources),
            s.languages.join(','), s.title ?? '']),
        );
        noticePage('stories', paging.offset, stories.length, total);
      });
    });

  withJson(withDb(program.command('story')))
    .description('one story: its articles and entities')
    .argument('<id>', 'story id (an id merged into another still resolves)')
    .action(async (id: string, flags: DbOptions & { json?: boolean }) => {
      await withStore(flags, async (store) => {
        await noticeLag(store, { stories: true });
        const story = await findStory(store, id, 'story');
        const { headline, storyRecords } = await import('../../app/records.ts');
        const [record] = await storyRecords(store, [story]);
        if (flags.json) return printJson(record);
        const width = outputWidth();
        printText(`${truncate(story.title ?? story.id, width)}\n${story.level} ${story.id} · ${counted(story.articles, 'article')} ` +
          `(${counted(story.articles - story.independentSources, 'copy', 'copies')})` +
          `${story.outlets.length ? `, ${counted(story.outlets.length, 'outlet')}` : ''} · ${dateRange(story.firstSeen, story.lastSeen)}\n\n`);
        printText(`${truncate(`entities: ${story.topEntities.map((e) => e.name ?? e.key).join(', ')}`, width)}\n\n`);
        const articles = new Map((await store.articles.getMany(story.articleIds)).map((a) => [a.id, a]));
        printTable(['ARTICLE', 'PUBLISHED', 'OUTLET', 'TITLE'], story.articleIds.map((articleId) => {
          const article = articles.get(articleId);
          return [articleId, article?.published?.value ?? 'undated', truncate(article?.outlet ?? '-', 24),
            article ? headline(article) : '(no longer stored)'];
        }));
      });
    });

  withDb(program.command('report'))
    .description('the story report: cited summary, claims, conflicts, speculation vs confirmed, timeline, quotes')
    .argument('<id>', 'story id')
    .option('--format <format>', 'md, json or html (the web page; its links go to --base-url)', 'md')
    .option('--sentences <n>', `summary length (${MIN_SUMMARY_SENTENCES}–${MAX_SUMMARY_SENTENCES}; default: a news brief's words)`)
    .option('--base-url <url>', 'address of a running `kronika serve` the HTML links point at (default $KRONIKA_BASE_URL)')
    .action(async (id: string, flags: DbOptions & { format: string; sentences?: string; baseUrl?: string }) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw new UsageError(`--format "${flags.format}" is not one of ${FORMATS.join(', ')}`);
      const sentences = flags.sentences === undefined ? undefined : Number(flags.sentences);
      if (sentences !== undefined && (!Number.isInteger(sentences) || sentences < MIN_SUMMARY_SENTENCES || sentences > MAX_SUMMARY_SENTENCES)) {
        throw new UsageError(`--sentences "${flags.sentences}" is out of range: a summary has ${MIN_SUMMARY_SENTENCES} to ${MAX_SUMMARY_SENTENCES} sentences`);
      }
      await withStore(flags, async (store) => {
        await noticeLag(store, { stories: true });
        const story = await findStory(store, id, 'report');
        const { storyReport } = await import('../../app/stories.ts');
        const { report, fresh } = await storyReport(store, story, { summarySentences: sentences });
        if (fresh) warn(`${fresh} article(s) of this story had no current stored analysis and were analysed now: \`kronika update\` or \`kronika reanalyse\` stores them`);
        if (flags.format === 'json') printJson(report);
        else if (flags.format === 'html') {
          const baseUrl = baseUrlOf(flags.baseUrl);
          // Saved to a file, the page's root-relative links (/articles/…#passage) would open file:///articles/….
          if (!baseUrl) warn('the page links each citation to /articles/… of a running `kronika serve`: give --base-url http://127.0.0.1:8080 (or set KRONIKA_BASE_URL) so they open from a saved file');
          process.stdout.write((await import('../../web/routes.ts')).reportDocument(story, report, baseUrl));
        }
        else process.stdout.write((await import('../../synthesis/index.ts')).renderMarkdown(report));
      });
    });
}

/** "1 article", "3 copies": English counted nouns (Intl.PluralRules picks the form). */
const plural = new Intl.PluralRules('en');
function counted(n: number, one: string, other = `${one}s`): string {
  return `${n} ${plural.select(n) === 'one' ? one : other}`;
}
