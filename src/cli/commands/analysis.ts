/**
 * Per-article analysis commands: `entities`, `mentions`, `quotes`, `timeline`, `sentences`.
 * Analysis is computed from the stored clean text on demand (it is deterministic and fast);
 * JSON output is one object per line, shaped as documented in docs/SCHEMA.md.
 */
import type { Command } from 'commander';
import { analyzeArticle, type ArticleAnalysis } from '../../analysis/index.ts';
import { findStory, undatedAnchors } from '../../app/stories.ts';
import { groupEntities } from '../../analysis/entities/index.ts';
import type { Store } from '../../store/legacy.ts';
import type { Article, EntityType } from '../../types.ts';
import { printJsonLines, printTable, syncStoriesOf, truncate, UsageError, withDb, withJson, withStore, type DbOptions } from '../context.ts';
import { findArticle } from './articles.ts';

interface AnalysisFlags extends DbOptions {
  readonly json?: boolean;
  readonly article?: string;
  readonly story?: string;
}

const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'EVT', 'PRO'];

function* selectedArticles(store: Store, flags: AnalysisFlags): Iterable<Article> {
  if (flags.article && flags.story) throw new UsageError('give --article or --story, not both');
  if (flags.article) return yield findArticle(store, flags.article);
  if (flags.story) {
    const story = findStory(store, flags.story);
    if (!story) throw new UsageError(`no story with id "${flags.story}" (see: kronika stories)`);
    for (const id of story.articleIds) {
      const article = store.getArticle(id);
      if (article) yield article;
    }
    return;
  }
  yield* store.iterateArticles();
}

function* analyses(store: Store, flags: AnalysisFlags): Iterable<ArticleAnalysis> {
  // An undated article's "pod koniec lipca" resolves against its story's month, as in the report,
  // so the stories are brought up to date first (before the store's article cursor opens; next to
  // analysing every selected article this costs little). One article: only when it is undated.
  if (!flags.article || !findArticle(store, flags.article).published) syncStoriesOf(store);
  const anchor = undatedAnchors(store);
  for (const article of selectedArticles(store, flags)) {
    if (article.duplicateOf && !flags.article) continue; // a copy adds nothing but double counts
    const fallbackDate = anchor(article);
    yield analyzeArticle(article, fallbackDate ? { fallbackDate } : {});
  }
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
      await withStore(flags, (store) => {
        const docs = [...analyses(store, flags)].map((a) => ({ articleId: a.article.id, mentions: a.mentions }));
        const entities = groupEntities(docs).filter((e) => !type || e.type === type);
        if (flags.json) {
          return printJsonLines(entities.map((e) => ({
            id: e.key, type: e.type, base: e.name, variants: e.variants, mentions: e.mentions, articles: e.articles,
          })));
        }
        printTable(
          ['TYPE', 'MENTIONS', 'ARTICLES', 'ENTITY', 'VARIANTS'],
          entities.map((e) => [e.type, String(e.mentions), String(e.articles.length), e.name,
            truncate(e.variants.filter((v) => v !== e.name).join(', '), 70)]),
        );
      });
    });

  analysisCommand(program, 'mentions', 'every entity mention with its offsets, base form and entity')
    .action(async (flags: AnalysisFlags) => {
      await withStore(flags, (store) => {
        for (const a of analyses(store, flags)) {
          const records = a.mentions.map((m) => ({
            article: a.article.id, origin: a.article.origin, text: m.text, start: m.start, end: m.end,
            base: m.base, type: m.type, entity: m.key, sentence: m.sentence,
          }));
          if (flags.json) printJsonLines(records);
          else for (const r of records) process.stdout.write(`${r.article.slice(0, 8)}  ${String(r.start).padStart(5)}  ${r.type}  ${r.text} → ${r.base}\n`);
        }
      });
    });

  analysisCommand(program, 'quotes', 'direct and indirect quotes with their speakers')
    .action(async (flags: AnalysisFlags) => {
      await withStore(flags, (store) => {
        for (const a of analyses(store, flags)) {
          const records = a.quotes.map((q) => ({
            article: a.article.id, origin: a.article.origin, start: q.start, end: q.end, text: q.text,
            kind: q.kind, speaker: q.speaker?.name ?? q.speaker?.description ?? null,
            speakerEntity: q.speaker?.key ?? null, cue: q.cue?.text ?? null, sentence: q.sentence,
          }));
          if (flags.json) printJsonLines(records);
          else for (const r of records) process.stdout.write(`${r.article.slice(0, 8)}  ${(r.speaker ?? '?').padEnd(24)} [${r.kind}] ${truncate(r.text, 90)}\n`);
        }
      });
    });

  analysisCommand(program, 'timeline', 'dated events, ordered by the date they talk about')
    .action(async (flags: AnalysisFlags) => {
      await withStore(flags, (store) => {
        const records = [...analyses(store, flags)].flatMap((a) => a.times.map((t) => ({
          article: a.article.id, origin: a.article.origin, start: t.start, end: t.end, text: t.text,
          value: t.value, granularity: t.granularity, note: t.note ?? null, sentence: t.sentence,
          sentenceText: a.sentences[t.sentence]?.text ?? '',
        })));
        // Expressions that could not be resolved (no anchor date) have an empty value: list them last.
        records.sort((x, y) => Number(!x.value) - Number(!y.value) || x.value.localeCompare(y.value) ||
          x.article.localeCompare(y.article) || x.start - y.start);
        if (flags.json) return printJsonLines(records);
        for (const r of records) {
          process.stdout.write(`${(r.value || '?').padEnd(11)} ${r.article.slice(0, 8)}  «${r.text}»${r.note ? ` (${r.note})` : ''}  ${truncate(r.sentenceText, 80)}\n`);
        }
      });
    });

  analysisCommand(program, 'sentences', 'each sentence with its epistemic status (hedged, confirmed, attributed, asserted) and cues')
    .action(async (flags: AnalysisFlags) => {
      await withStore(flags, (store) => {
        for (const a of analyses(store, flags)) {
          const statusOf = new Map(a.statuses.map((s) => [s.sentence, s]));
          const records = a.sentences.map((s) => ({
            article: a.article.id, origin: a.article.origin, index: s.index, start: s.start, end: s.end, text: s.text,
            status: statusOf.get(s.index)?.status ?? 'asserted', cues: statusOf.get(s.index)?.cues ?? [],
          }));
          if (flags.json) printJsonLines(records);
          else for (const r of records) process.stdout.write(`${r.article.slice(0, 8)} ${String(r.index).padStart(3)} ${r.status.padEnd(10)} ${truncate(r.text, 100)}\n`);
        }
      });
    });
}
