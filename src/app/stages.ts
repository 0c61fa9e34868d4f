/**
 * The stages that follow "store article" (docs/ARCHITECTURE.md): analyse, index for search,
 * cluster into stories, alert saved searches. Each asks the store what is new after its own
 * cursor (`articles.after`), works outside any transaction, then writes its results and moves its
 * cursor in one short transaction — so a crash repeats work instead of skipping it, nothing
 * re-reads the whole store to find new work, and two processes running the same stage at once
 * only do some work twice (every write is idempotent and cursors never move back).
 *
 * A stage never runs ahead of what it reads: index and cluster stop at the analyse cursor, alert
 * at the index cursor. One failing stage does not stop the others; the run says which failed and
 * the next run catches up from the cursors.
 */
import { hydrateAnalysis } from '../analysis/stored.ts';
import { ANALYSIS_VERSION } from '../analysis/version.ts';
import { searchDocument } from '../search/terms.ts';
import type { StageName, Store, StoredAnalysis, StoredArticle, StoreTransaction, StoryAssignment } from '../store/store.ts';
import { deliverAlerts, recordWatchMatches, type DeliveryOptions, type WatchRunReport } from '../watch/run.ts';
import { analysePayload, storyInput } from './analyse.ts';
import { STAGES } from './lag.ts';

export { STAGES, stageLag } from './lag.ts';

/**
 * Articles per stage transaction. Analysis costs ~10 ms an article (bench: scale), so 100 keep the
 * work between two commits near a second; indexing and alerting are cheaper. Clustering takes
 * bigger batches: it is cheaper per article (the story tables write what a batch changed, once
 * per commit), and the batch size changes no story (articles join in stream order either way).
 */
export const STAGE_BATCH: Readonly<Record<StageName, number>> = Object.freeze({ analyse: 100, index: 200, cluster: 1000, alert: 200 });


export interface StageProgress {
  readonly stage: StageName;
  /** Articles this stage has processed in this run (0 when it starts). */
  readonly done: number;
  /** Articles it had to process when it started. */
  readonly total: number;
}

export interface PipelineOptions {
  /** Only these stages (in stream order); all by default. */
  readonly stages?: readonly StageName[];
  /** Where alerts go; without it the alert stage records matches but delivers nothing. */
  readonly alerts?: DeliveryOptions;
  readonly onStageProgress?: (progress: StageProgress) => void;
  /**
   * Also check that the saved stories can be read when nothing new arrived, and rebuild them when
   * not (`kronika update`); otherwise only new articles make the cluster stage look.
   */
  readonly verify?: boolean;
  /**
   * Consolidate the stories after a run that clustered new articles (default). false leaves it to
   * the caller: a worker's cluster lease consolidates once it has caught up with every stored
   * article, as one process does after an ingest (src/worker/lease.ts).
   */
  readonly consolidate?: boolean;
}

export interface StageRun {
  readonly stage: StageName;
  /** Articles processed. */
  readonly processed: number;
  /** The stage's cursor after the run. */
  readonly cursor: number;
}

export interface PipelineReport {
  readonly stages: readonly StageRun[];
  /** A stage that failed and why; the others ran, and the next run catches up from the cursors. */
  readonly failed?: { readonly stage: StageName; readonly error: string };
  /** What clustering did, when it ran. */
  readonly stories?: StoryAssignment;
  /** Matches recorded and alerts delivered, when alerting ran. */
  readonly alerts?: WatchRunReport;
}

type Upstream = Partial<Record<StageName, number>>;

/** The highest seq a stage may process: what the stage before it has finished. */
function limitOf(stage: StageName, cursors: Upstream, last: number): number {
  switch (stage) {
    case 'analyse': return last;
    case 'index':
    case 'cluster': return cursors.analyse ?? 0;
    case 'alert': return cursors.index ?? 0;
  }
}

/** The articles after `cursor` up to `limit`, a page at a time. */
async function* pages(store: Store, cursor: number, limit: number, size: number): AsyncGenerator<StoredArticle[]> {
  let from = cursor;
  while (from < limit) {
    const page = (await store.articles.after(from, size)).filter((a) => a.seq <= limit);
    if (page.length === 0) return;
    yield page;
    from = page[page.length - 1]!.seq;
  }
}

/**
 * Longest run of a stage's CPU-bound work between two turns of the event loop: about one
 * article's analysis.
 */
const YIELD_MS = 10;

/**
 * `work` over the items, giving the event loop a turn whenever YIELD_MS have passed: analysing
 * takes ~10 ms an article, and a serving process must keep answering readers meanwhile. Not after
 * every item: a turn can last as long as whatever else the process runs — in a worker holding the
 * cluster lease (src/worker/index.ts), one article of its own jobs analysed — so a cluster pass
 * that yielded after each of its ~1 ms story inputs ran at the pace of the holder's analysis, and
 * with two workers clustering fell behind the articles they analysed.
 */
async function mapYielding<T, R>(items: readonly T[], work: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  let since = performance.now();
  for (const item of items) {
    out.push(work(item));
    if (performance.now() - since < YIELD_MS) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  }
  return out;
}

/** Stored analyses of the current version for these articles; analysed afresh where missing. */
async function analysesOf(store: Store, articles: readonly StoredArticle[]): Promise<Map<string, StoredAnalysis>> {
  const stored = await store.analyses.getMany(articles.map((a) => a.id));
  for (const article of articles) {
    if (stored.get(article.id)?.version !== ANALYSIS_VERSION) {
      stored.set(article.id, { articleId: article.id, version: ANALYSIS_VERSION, payload: analysePayload(article) });
    }
  }
  return stored;
}

interface StageContext {
  readonly store: Store;
  readonly options: PipelineOptions;
  readonly report: { stories?: StoryAssignment; alerts?: WatchRunReport };
}

/**
 * The common shape of a stage: for each page of new articles, `prepare` works outside any
 * transaction, then `commit` writes its result and the cursor moves, together.
 */
async function eachPage<T>(
  context: StageContext, stage: StageName, from: number, limit: number,
  prepare: (page: StoredArticle[]) => Promise<T> | T,
  commit: (tx: StoreTransaction, prepared: T) => Promise<void>,
  progress: (n: number) => void,
): Promise<void> {
  for await (const page of pages(context.store, from, limit, STAGE_BATCH[stage])) {
    const prepared = await prepare(page);
    const last = page[page.length - 1]!.seq;
    await context.store.transaction(async (tx) => {
      await commit(tx, prepared);
      await tx.cursors.advance(stage, last);
    });
    progress(page.length);
  }
}

/** The saved stories were unreadable and were started afresh: forget them and cluster from the first article. */
async function startOver(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.stories.clear();
    await tx.cursors.reset('cluster', 0);
  });
}

/** Runs one stage from its cursor to its limit; returns how many articles it processed. */
async function runStage(stage: StageName, context: StageContext, limit: number): Promise<number> {
  const { store, options } = context;
  let cursor = await store.cursors.get(stage);
  const total = Math.max(0, limit - cursor);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onStageProgress?.({ stage, done, total });
  };
  // The start too: a stage's first page can take a while (clustering into a big store).
  options.onStageProgress?.({ stage, done: 0, total });
  switch (stage) {
    case 'analyse':
      // Another process may have analysed some already; payloads are made before the
      // transaction, so the write lock is held for the inserts only.
      await eachPage(context, stage, cursor, limit, async (page) => {
        const have = await store.analyses.getMany(page.map((a) => a.id));
        return mapYielding(page.filter((a) => have.get(a.id)?.version !== ANALYSIS_VERSION),
          (a) => ({ articleId: a.id, version: ANALYSIS_VERSION, payload: analysePayload(a) }));
      }, (tx, fresh) => tx.analyses.put(fresh), progress);
      return done;
    case 'index':
      await eachPage(context, stage, cursor, limit, async (page) => {
        const analyses = await analysesOf(store, page);
        return mapYielding(page, (a) => searchDocument(a.id, hydrateAnalysis(a, analyses.get(a.id)!.payload).sentences));
      }, async (tx, documents) => {
        await tx.search.index(documents);
      }, progress);
      return done;
    case 'cluster': {
      let assigned: StoryAssignment | undefined;
      let recovered: string | undefined;
      let consolidated = false;
      if (options.verify && cursor >= limit) {
        recovered = (await store.stories.assign([])).recovered;
        if (recovered) {
          await startOver(store);
          cursor = 0;
        }
      }
      for (;;) {
        let restart = false;
        for await (const page of pages(store, cursor, limit, STAGE_BATCH.cluster)) {
          const analyses = await analysesOf(store, page);
          const inputs = await mapYielding(page, (a) => storyInput(a, analyses.get(a.id)!.payload));
          const last = page[page.length - 1]!.seq;
          // The last batch of the run consolidates in the same write (the usual one-batch ingest
          // then saves the stories once).
          const final = options.consolidate !== false && (last >= limit || page.length < STAGE_BATCH.cluster);
          consolidated = final;
          const result = await store.transaction(async (tx) => {
            const r = await tx.stories.assign(inputs, { consolidate: final });
            if (!r.recovered) await tx.cursors.advance('cluster', last);
            return r;
          });
          if (result.recovered && !recovered) {
            // Cluster every article again, from the start, from the stored analyses.
            recovered = result.recovered;
            await startOver(store);
            restart = true;
            break;
          }
          assigned = { ...result, added: (assigned?.added ?? 0) + result.added };
          progress(page.length);
        }
        if (!restart) break;
        cursor = 0;
        done = 0;
      }
      if (assigned && assigned.added > 0 && !consolidated && options.consolidate !== false) assigned = { ...assigned, ...await store.stories.consolidate() };
      const counts = assigned ?? { added: 0, ...await store.stories.counts() };
      context.report.stories = recovered ? { ...counts, recovered: `${recovered}; re-clustered all ${counts.added} articles` } : counts;
      return done;
    }
    case 'alert': {
      const watches = await store.watches.list();
      let matched = 0;
      const now = () => (options.alerts?.now ?? (() => new Date()))().toISOString();
      await eachPage(context, stage, cursor, limit, (page) => page.map((a) => a.id), async (tx, ids) => {
        if (watches.length) matched += await recordWatchMatches(tx, watches, ids, now());
      }, progress);
      const delivered = options.alerts && watches.length ? await deliverAlerts(store, options.alerts) : { delivered: 0, failed: 0, pending: 0 };
      context.report.alerts = { watches: watches.length, matched, ...delivered };
      return done;
    }
  }
}

/**
 * Runs the stages over whatever is new after their cursors, in stream order.
 * @example const report = await runStages(store, { alerts: { print: (l) => process.stdout.write(l + '\n') } })
 */
export async function runStages(store: Store, options: PipelineOptions = {}): Promise<PipelineReport> {
  const wanted = new Set(options.stages ?? STAGES);
  const context: StageContext = { store, options, report: {} };
  const runs: StageRun[] = [];
  let failed: PipelineReport['failed'];
  const last = await store.articles.lastSeq();
  for (const stage of STAGES) {
    if (!wanted.has(stage)) continue;
    try {
      const limit = limitOf(stage, await store.cursors.all(), last);
      const processed = await runStage(stage, context, limit);
      runs.push({ stage, processed, cursor: await store.cursors.get(stage) });
    } catch (error) {
      failed ??= { stage, error: error instanceof Error ? error.message : String(error) };
      runs.push({ stage, processed: 0, cursor: await store.cursors.get(stage).catch(() => 0) });
    }
  }
  return {
    stages: runs,
    ...(failed && { failed }),
    ...(context.report.stories && { stories: context.report.stories }),
    ...(context.report.alerts && { alerts: context.report.alerts }),
  };
}
