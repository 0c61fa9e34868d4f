/** `kronika stories`, `kronika story <id>`, `kronika report <id>`: events and storylines, read from the store. */
import type { Command } from 'commander';
import { headline } from '../../app/records.ts';
import { rebuildStories, storyRecords, storyReport } from '../../app/stories.ts';
import type { StoryLevel } from '../../stories/options.ts';
import type { Story } from '../../stories/story.ts';
import type { Store } from '../../store/store.ts';
import { renderMarkdown } from '../../synthesis/index.ts';
import { reportDocument } from '../../web/routes.ts';
import { noticeLag, printJson, printJsonLines, printTable, printText, truncate, UsageError, warn, withDb, withJson, withStore, type DbOptions } from '../context.ts';
import { baseUrlOf } from './watch.ts';

const LEVELS: readonly StoryLevel[] = ['event', 'storyline'];
const FORMATS = ['md', 'json', 'html'] as const;

async function requireStory(store: Store, id: string): Promise<Story> {
  const story = await store.stories.get(id);
  if (!story) throw new UsageError(`no story with id "${id}" (see: kronika stories)`);
  return story;
}

export function register(program: Command): void {
  withJson(withDb(program.command('stories')))
    .description('stories: events (one happening) or storylines (one long-running subject), newest activity first')
    .option('--level <level>', 'event or storyline', 'event')
    .option('--rebuild', 're-cluster every stored article from scratch (batch mode)')
    .action(async (flags: DbOptions & { json?: boolean; level: string; rebuild?: boolean }) => {
      const level = flags.level as StoryLevel;
      if (!LEVELS.includes(level)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}`);
      await withStore(flags, async (store) => {
        if (flags.rebuild) await rebuildStories(store);
        else await noticeLag(store, { stories: true });
        const { stories } = await store.stories.list({ level });
        if (flags.json) return printJsonLines(await storyRecords(store, stories));
        printTable(
          ['ID', 'LAST SEEN', 'ARTICLES', 'SOURCES', 'LANG', 'TITLE'],
          stories.map((s) => [s.id, s.lastSeen ?? 'undated', String(s.articles), String(s.independentSources),
            s.languages.join(','), truncate(s.title ?? '', 70)]),
        );
      });
    });

  withJson(withDb(program.command('story')))
    .description('one story: its articles and entities')
    .argument('<id>', 'story id (an id merged into another still resolves)')
    .action(async (id: string, flags: DbOptions & { json?: boolean }) => {
      await withStore(flags, async (store) => {
        await noticeLag(store, { stories: true });
        const story = await requireStory(store, id);
        const [record] = await storyRecords(store, [story]);
        if (flags.json) return printJson(record);
        printText(`${story.title ?? story.id}\n${story.level} ${story.id} · ${story.articles} articles, ` +
          `${story.independentSources} independent sources · ${story.firstSeen ?? '?'} … ${story.lastSeen ?? '?'}\n\n`);
        printText(`entities: ${story.topEntities.map((e) => e.name ?? e.key).join(', ')}\n\narticles:\n`);
        const articles = new Map((await store.articles.getMany(story.articleIds)).map((a) => [a.id, a]));
        for (const articleId of story.articleIds) {
          const article = articles.get(articleId);
          const shown = article ? truncate(headline(article), 70) : '(no longer stored)';
          printText(`  ${articleId}  ${(article?.published?.value ?? 'undated').padEnd(10)}  ${shown}  ${article?.origin ?? ''}\n`);
        }
      });
    });

  withDb(program.command('report'))
    .description('the story report: cited summary, claims, conflicts, speculation vs confirmed, timeline, quotes')
    .argument('<id>', 'story id')
    .option('--format <format>', 'md, json or html (the web page; its links go to --base-url)', 'md')
    .option('--sentences <n>', 'summary length (5–8)', '6')
    .option('--base-url <url>', 'address of a running `kronika serve` the HTML links point at (default $KRONIKA_BASE_URL)')
    .action(async (id: string, flags: DbOptions & { format: string; sentences: string; baseUrl?: string }) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
      const sentences = Number(flags.sentences);
      if (!Number.isInteger(sentences) || sentences < 1 || sentences > 20) throw new UsageError('--sentences takes an integer from 1 to 20');
      await withStore(flags, async (store) => {
        await noticeLag(store, { stories: true });
        const story = await requireStory(store, id);
        const { report, fresh } = await storyReport(store, story, { summarySentences: sentences });
        if (fresh) warn(`${fresh} article(s) of this story had no current stored analysis and were analysed now: \`kronika update\` or \`kronika reanalyse\` stores them`);
        if (flags.format === 'json') printJson(report);
        else if (flags.format === 'html') process.stdout.write(reportDocument(story, report, baseUrlOf(flags.baseUrl)));
        else process.stdout.write(renderMarkdown(report));
      });
    });
}
