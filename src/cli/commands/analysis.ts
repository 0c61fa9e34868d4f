/**
 * Per-article analysis commands: `entities`, `mentions`, `quotes`, `timeline`, `sentences`.
 * They read the stored analyses (src/app/analyses.ts): made once after ingest, with the one
 * anchoring rule for undated articles; `entities` and `timeline` over the whole store read the
 * digests stored beside them instead (src/app/articles.ts storeEntities, src/app/timeline.ts).
 * JSON output is one object per line, shaped as
 * src/app/records.ts defines (docs/SCHEMA.md).
 */
import type { Command } from 'commander';
import type { ArticleAnalysis } from '../../analysis/index.ts';
import { allArticles, entitiesOf, storeEntities } from '../../app/articles.ts';
import { readAnalyses } from '../../app/analyses.ts';
import { undatedAnchors } from '../../app/anchor.ts';
import { mentionLines, quoteLines, sentenceLines, timeLines } from '../../app/records.ts';
import { storeTimeline, timelineOrder } from '../../app/timeline.ts';
import type { Store, StoredArticle } from '../../store/store.ts';
import type { EntityType } from '../../types.ts';
import {
  noticeLag, noticePage, pageOf, pageStream, pagingOf, printJsonLines, printLine, printTable, truncate, UsageError, withDb, withJson,
  withPaging, withStore, type DbOptions, type PageFlags,
} from '../context.ts';
import { findArticle, findStory } from '../lookup.ts';

interface AnalysisFlags extends DbOptions, PageFlags {
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
    const story = await findStory(store, flags.story);
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

/** Every record `recordsOf` makes from the selected articles' analyses, in article order. */
async function* recordsOf<T>(store: Store, flags: AnalysisFlags, recordsOf: (analysis: ArticleAnalysis) => readonly T[]): AsyncGenerator<T> {
  for await (const analysis of analyses(store, flags)) yield* recordsOf(analysis);
}

function analysisCommand(program: Command, name: string, what: string, description: string): Command {
  return withPaging(withJson(withDb(program.command(name))), what)
    .description(description)
    .option('--article <id>', 'only this article (id or unique prefix)')
    .option('--story <id>', "only this story's articles");
}

export function register(program: Command): void {
  analysisCommand(program, 'entities', 'entities', 'people, organisations, places and events, each with its base form and variants')
    .option('--type <type>', `only this type (${ENTITY_TYPES.join(', ')})`)
    .action(async (flags: AnalysisFlags & { type?: string }) => {
      const type = flags.type?.toUpperCase() as EntityType | undefined;
      if (type && !ENTITY_TYPES.includes(type)) throw new UsageError(`--type "${flags.type}" is not one of ${ENTITY_TYPES.join(', ')}`);
      const paging = pagingOf(flags);
      await withStore(flags, async (store) => {
        const query = { ...(type && { type }) };
        // The whole store from the entity forms stored beside the analyses; a selection from its analyses.
        const articles = flags.article || flags.story ? (await collect(selectedArticles(store, flags))).flat() : undefined;
        await noticeLag(store, { stories: true });
        const { entities, fresh } = articles ? await entitiesOf(store, articles, query, Boolean(flags.article)) : await storeEntities(store, query);
        await noticeLag(store, { fresh });
        const page = pageOf(entities, paging);
        if (flags.json) return printJsonLines(page);
        printTable(
          ['TYPE', 'MENTIONS', 'ARTICLES', 'ENTITY', 'VARIANTS'],
          page.map((e) => [e.type, String(e.mentions), String(e.articles.length), truncate(e.base, 40),
            e.variants.filter((v) => v !== e.base).join(', ')]),
        );
        noticePage('entities', paging.offset, page.length, entities.length);
      });
    });

  analysisCommand(program, 'mentions', 'mentions', 'every entity mention with its offsets, base form and entity')
    .action(async (flags: AnalysisFlags) => {
      const paging = pagingOf(flags);
      await withStore(flags, async (store) => {
        for await (const r of pageStream(recordsOf(store, flags, mentionLines), paging)) {
          if (flags.json) printJsonLines([r]);
          else printLine(`${r.article.slice(0, 8)}  ${String(r.start).padStart(5)}  ${r.type}  `, `${r.text} → ${r.base}`);
        }
      });
    });

  analysisCommand(program, 'quotes', 'quotes', 'direct and indirect quotes with their speakers')
    .action(async (flags: AnalysisFlags) => {
      const paging = pagingOf(flags);
      await withStore(flags, async (store) => {
        for await (const r of pageStream(recordsOf(store, flags, quoteLines), paging)) {
          if (flags.json) printJsonLines([r]);
          else printLine(`${r.article.slice(0, 8)}  ${truncate(r.speaker ?? '?', 24).padEnd(24)} [${r.kind}] `, r.text);
        }
      });
    });

  analysisCommand(program, 'timeline', 'dated events', 'dated events, ordered by the date they talk about')
    .action(async (flags: AnalysisFlags) => {
      const paging = pagingOf(flags);
      await withStore(flags, async (store) => {
        let page;
        if (flags.article || flags.story) {
          const records = (await collect(analyses(store, flags))).flatMap((a) => timeLines(a).map((r, index) => ({ ...r, index })));
          page = pageOf(records.sort((x, y) => timelineOrder(x, y)), paging).map(({ index: _index, ...r }) => r);
        } else {
          // The whole store: a query over the time entries stored beside the analyses (src/app/timeline.ts).
          await noticeLag(store, { stories: true });
          const read = await storeTimeline(store, paging);
          await noticeLag(store, { fresh: read.fresh });
          page = read.records;
        }
        if (flags.json) return printJsonLines(page);
        for (const r of page) {
          printLine(`${(r.value || '?').padEnd(11)} ${r.article.slice(0, 8)}  `, `«${r.text}»${r.note ? ` (${r.note})` : ''}  ${r.sentenceText}`);
        }
      });
    });

  analysisCommand(program, 'sentences', 'sentences', 'each sentence with its epistemic status (hedged, confirmed, attributed, asserted) and cues')
    .action(async (flags: AnalysisFlags) => {
      const paging = pagingOf(flags);
      await withStore(flags, async (store) => {
        for await (const r of pageStream(recordsOf(store, flags, sentenceLines), paging)) {
          if (flags.json) printJsonLines([r]);
          else printLine(`${r.article.slice(0, 8)} ${String(r.index).padStart(3)} ${r.status.padEnd(10)} `, r.text);
        }
      });
    });
}
