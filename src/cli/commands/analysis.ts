/**
 * Per-article analysis commands: `entities`, `mentions`, `quotes`, `timeline`, `sentences`.
 * They read the stored analyses (src/app/analyses.ts): made once after ingest, with the one
 * anchoring rule for undated articles. JSON output is one object per line, shaped as
 * src/app/records.ts defines (docs/SCHEMA.md).
 */
import type { Command } from 'commander';
import type { ArticleAnalysis } from '../../analysis/index.ts';
import { allArticles, entitiesOf } from '../../app/articles.ts';
import { readAnalyses } from '../../app/analyses.ts';
import { undatedAnchors } from '../../app/anchor.ts';
import { mentionLines, quoteLines, sentenceLines, timeLines } from '../../app/records.ts';
import type { Store, StoredArticle } from '../../store/store.ts';
import type { EntityType } from '../../types.ts';
import { noticeLag, printJsonLines, printTable, printText, truncate, UsageError, withDb, withJson, withStore, type DbOptions } from '../context.ts';
import { findArticle } from './articles.ts';

interface AnalysisFlags extends DbOptions {
  readonly json?: boolean;
  readonly article?: string;
  readonly story?: string;
}

const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'EVT', 'PRO'];

/** The selected articles, a page at a time; near-duplicate copies are skipped unless one article is asked for. */
async function* selectedArticles(store: Store, flags: AnalysisFlags): AsyncGenerator<StoredArticle[]> {
  if (flags.article && flags.story) throw new UsageError('give --article or --story, not both');
  if (flags.article) {
    yield [await findArticle(store, flags.article)];
    return;
  }
  if (flags.story) {
    const story = await store.stories.get(flags.story);
    if (!story) throw new UsageError(`no story with id "${flags.story}" (see: kronika stories)`);
    yield (await store.articles.getMany(story.articleIds)).filter((a) => !a.duplicateOf);
    return;
  }
  // A copy adds nothing but double counts.
  for await (const page of allArticles(store)) yield page.filter((a) => !a.duplicateOf);
}

/** The analyses of the selected articles as readers show them, page by page; says on stderr what was not stored. */
async function* analyses(store: Store, flags: AnalysisFlags): AsyncGenerator<ArticleAnalysis> {
  await noticeLag(store, { stories: true });
  const anchorOf = undatedAnchors(store);
  let fresh = 0;
  for await (const page of selectedArticles(store, flags)) {
    const read = await readAnalyses(store, page, anchorOf);
    fresh += read.fresh;
    yield* read.analyses;
  }
  await noticeLag(store, { fresh });
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function analysisCommand(program: Command, name: string, description: string): Command {
  return withJson(withDb(program.command(name)))
    .description(description)
    .option('--article <id>', 'only this article (id or unique prefix)')
    .option('--story <id>', "only this story's articles");
}

export function register(program: Command): void {
  analysisCommand(program, 'entities', 'people, organisations, places and events, each with its base form and variants')
    .option('--type <type>', `only this type (${ENTITY_TYPES.join(', ')})`)
    .action(async (flags: AnalysisFlags & { type?: string }) => {
      const type = flags.type?.toUpperCase() as EntityType | undefined;
      if (type && !ENTITY_TYPES.includes(type)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}`);
      await withStore(flags, async (store) => {
        const articles = (await collect(selectedArticles(store, flags))).flat();
        await noticeLag(store, { stories: true });
        const { entities, fresh } = await entitiesOf(store, articles, { ...(type && { type }) }, Boolean(flags.article));
        await noticeLag(store, { fresh });
        if (flags.json) return printJsonLines(entities);
        printTable(
          ['TYPE', 'MENTIONS', 'ARTICLES', 'ENTITY', 'VARIANTS'],
          entities.map((e) => [e.type, String(e.mentions), String(e.articles.length), e.base,
            truncate(e.variants.filter((v) => v !== e.base).join(', '), 70)]),
        );
      });
    });

  analysisCommand(program, 'mentions', 'every entity mention with its offsets, base form and entity')
    .action(async (flags: AnalysisFlags) => {
      await withStore(flags, async (store) => {
        for await (const a of analyses(store, flags)) {
          const records = mentionLines(a);
          if (flags.json) printJsonLines(records);
          else for (const r of records) printText(`${r.article.slice(0, 8)}  ${String(r.start).padStart(5)}  ${r.type}  ${r.text} → ${r.base}\n`);
        }
      });
    });

  analysisCommand(program, 'quotes', 'direct and indirect quotes with their speakers')
    .action(async (flags: AnalysisFlags) => {
      await withStore(flags, async (store) => {
        for await (const a of analyses(store, flags)) {
          const records = quoteLines(a);
          if (flags.json) printJsonLines(records);
          else for (const r of records) printText(`${r.article.slice(0, 8)}  ${(r.speaker ?? '?').padEnd(24)} [${r.kind}] ${truncate(r.text, 90)}\n`);
        }
      });
    });

  analysisCommand(program, 'timeline', 'dated events, ordered by the date they talk about')
    .action(async (flags: AnalysisFlags) => {
      await withStore(flags, async (store) => {
        const records = (await collect(analyses(store, flags))).flatMap(timeLines);
        // Expressions that could not be resolved (no anchor date) have an empty value: list them last.
        records.sort((x, y) => Number(!x.value) - Number(!y.value) || x.value.localeCompare(y.value) ||
          x.article.localeCompare(y.article) || x.start - y.start);
        if (flags.json) return printJsonLines(records);
        for (const r of records) {
          printText(`${(r.value || '?').padEnd(11)} ${r.article.slice(0, 8)}  «${r.text}»${r.note ? ` (${r.note})` : ''}  ${truncate(r.sentenceText, 80)}\n`);
        }
      });
    });

  analysisCommand(program, 'sentences', 'each sentence with its epistemic status (hedged, confirmed, attributed, asserted) and cues')
    .action(async (flags: AnalysisFlags) => {
      await withStore(flags, async (store) => {
        for await (const a of analyses(store, flags)) {
          const records = sentenceLines(a);
          if (flags.json) printJsonLines(records);
          else for (const r of records) printText(`${r.article.slice(0, 8)} ${String(r.index).padStart(3)} ${r.status.padEnd(10)} ${truncate(r.text, 100)}\n`);
        }
      });
    });
}
