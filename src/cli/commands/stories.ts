/** `kronika stories`, `kronika story <id>`, `kronika report <id>`: events and storylines. */
import type { Command } from 'commander';
import { findStory, listStories, rebuildStories, storyReport } from '../../app/stories.ts';
import type { Story, StoryLevel } from '../../stories/cluster.ts';
import type { Store } from '../../store/legacy.ts';
import { renderHtml, renderMarkdown } from '../../synthesis/index.ts';
import { printJson, printJsonLines, printTable, syncStoriesOf, truncate, UsageError, withDb, withJson, withStore, type DbOptions } from '../context.ts';
import { headline } from '../records.ts';

const LEVELS: readonly StoryLevel[] = ['event', 'storyline'];
const FORMATS = ['md', 'json', 'html'] as const;

/** The JSON contract of `kronika stories --json` (docs/SCHEMA.md). */
export function storyRecord(story: Story, store: Store) {
  return {
    id: story.id,
    level: story.level,
    title: story.title ?? null,
    firstSeen: story.firstSeen ?? null,
    lastSeen: story.lastSeen ?? null,
    articleCount: story.articles,
    independentSources: story.independentSources,
    languages: story.languages,
    outlets: story.outlets,
    topEntities: story.topEntities.map((e) => ({ id: e.key, name: e.name ?? null })),
    mergedFrom: story.mergedFrom,
    articles: story.articleIds.map((id) => {
      const article = store.getArticle(id);
      return { id, origin: article?.origin ?? null, title: article?.title ?? null, published: article?.published ?? null };
    }),
  };
}

function requireStory(store: Store, id: string): Story {
  const story = findStory(store, id);
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
      await withStore(flags, (store) => {
        if (flags.rebuild) rebuildStories(store);
        else syncStoriesOf(store);
        const stories = listStories(store, level);
        if (flags.json) return printJsonLines(stories.map((s) => storyRecord(s, store)));
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
      await withStore(flags, (store) => {
        syncStoriesOf(store);
        const story = requireStory(store, id);
        const record = storyRecord(story, store);
        if (flags.json) return printJson(record);
        process.stdout.write(`${story.title ?? story.id}\n${story.level} ${story.id} · ${story.articles} articles, ` +
          `${story.independentSources} independent sources · ${story.firstSeen ?? '?'} … ${story.lastSeen ?? '?'}\n\n`);
        process.stdout.write(`entities: ${story.topEntities.map((e) => e.name ?? e.key).join(', ')}\n\narticles:\n`);
        for (const id of story.articleIds) {
          const article = store.getArticle(id);
          const shown = article ? truncate(headline(article), 70) : '(no longer stored)';
          process.stdout.write(`  ${id}  ${(article?.published?.value ?? 'undated').padEnd(10)}  ${shown}  ${article?.origin ?? ''}\n`);
        }
      });
    });

  withDb(program.command('report'))
    .description('the story report: cited summary, claims, conflicts, speculation vs confirmed, timeline, quotes')
    .argument('<id>', 'story id')
    .option('--format <format>', 'md, json or html', 'md')
    .option('--sentences <n>', 'summary length (5–8)', '6')
    .action(async (id: string, flags: DbOptions & { format: string; sentences: string }) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
      const sentences = Number(flags.sentences);
      if (!Number.isInteger(sentences) || sentences < 1 || sentences > 20) throw new UsageError('--sentences takes an integer from 1 to 20');
      await withStore(flags, (store) => {
        syncStoriesOf(store);
        const report = storyReport(store, requireStory(store, id), { summarySentences: sentences });
        if (flags.format === 'json') printJson(report);
        else process.stdout.write(flags.format === 'html' ? renderHtml(report) : renderMarkdown(report));
      });
    });
}
