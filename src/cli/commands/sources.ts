/**
 * `kronika sources add|list|show|set|pause|resume|remove|import|export|poll`: the feeds Kronika
 * follows (src/sources/). `poll` runs one cycle and exits, for cron:
 *   * / 5 * * * *  kronika sources poll --db /srv/kronika/news.db
 * New articles join their stories and alert watches, as after `kronika ingest`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { resolvePollSettings, SettingError, type PollSettings, type ResolvedPollSettings } from '../../sources/config.ts';
import {
  articleSink, follow, followOpml, outletOf, Poller, writeOpml,
  type CycleReport, type FollowResult, type Source, type SourcePollReport, type SourceStore,
} from '../../sources/index.ts';
import { feedUrlOf } from '../../sources/subscribe.ts';
import { runStages, STAGES, type PipelineReport } from '../../app/stages.ts';
import type { Store } from '../../store/store.ts';
import { LEFT_TO_WORKERS, stagesRunInWorkers } from '../../worker/serving.ts';
import { baseUrlOf } from './watch.ts';
import {
  EXIT_PARTIAL, printJson, printJsonLines, printTable, truncate, UsageError, storyTotals, warn, withDb, withJson, withStore,
  type DbOptions,
} from '../context.ts';

/** The polling settings a polling command takes (`sources poll`, `run`). */
export function withPollFlags(cmd: Command): Command {
  return cmd
    .option('--min-interval <duration>', 'shortest interval between polls of a source ($KRONIKA_POLL_MIN_INTERVAL, default 10m)')
    .option('--max-interval <duration>', 'longest interval ($KRONIKA_POLL_MAX_INTERVAL, default 24h)')
    .option('--disable-after <n>', 'weighted failures in a row that disable a source ($KRONIKA_POLL_DISABLE_AFTER, default 10)')
    .option('--concurrency <n>', 'sources polled at once ($KRONIKA_POLL_CONCURRENCY, default 8)')
    .option('--per-host <n>', 'requests at once to one host ($KRONIKA_POLL_PER_HOST, default 2)')
    .option('--timeout <seconds>', 'per request ($KRONIKA_POLL_TIMEOUT, default 15)');
}

/** The flags (over KRONIKA_POLL_*) as settings; a bad value is a usage error naming it. */
export function pollSettings(flags: PollSettings): ResolvedPollSettings {
  try {
    return resolvePollSettings(flags);
  } catch (error) {
    if (error instanceof SettingError) throw new UsageError(error.message);
    throw error;
  }
}

/** `sources list` fits a terminal this wide. */
const LIST_WIDTH = 100;

interface JsonFlags extends DbOptions {
  readonly json?: boolean;
}

interface AddFlags extends JsonFlags {
  readonly name?: string;
  readonly fetchLinked?: boolean;
  readonly allowPrivate?: boolean;
}

interface SetFlags extends DbOptions {
  readonly name?: string | false;
  readonly fetchLinked?: boolean;
  readonly allowPrivate?: boolean;
}

interface PollFlags extends JsonFlags, PollSettings {
  readonly all?: boolean;
  readonly stories?: boolean;
}

/** Runs `run` on the store's sources concern (either engine), closing the store afterwards. */
function withSources<T>(flags: DbOptions, run: (sources: SourceStore) => Promise<T>): Promise<T> {
  return withStore(flags, (store) => run(store.sources));
}

/** The sources named by id, id prefix or feed URL; a name that matches none is a usage error. */
async function named(sources: SourceStore, names: readonly string[]): Promise<Source[]> {
  const found: Source[] = [];
  for (const name of names) {
    const url = feedUrlOf(name);
    const source = (await sources.get(name)) ?? (url ? await sources.get(url) : undefined);
    if (!source) throw new UsageError(`no source "${name}" (give an id from \`kronika sources list\` or a feed URL)`);
    found.push(source);
  }
  return found;
}

/** "5 min ago", "in 3 h", "2 d ago": times in a list, relative to now. */
/**
 * `--allow-private` is the program's global option (src/cli/program.ts), so commander hands it to
 * the program, not to the subcommand; `--no-allow-private` is the subcommand's own.
 */
function allowPrivateOf(command: Command): boolean | undefined {
  return (command.optsWithGlobals() as { allowPrivate?: boolean }).allowPrivate;
}

export function relativeTime(iso: string | undefined, now: number): string {
  if (!iso) return 'never';
  const delta = Date.parse(iso) - now;
  const minutes = Math.round(Math.abs(delta) / 60_000);
  const amount = minutes < 1 ? 'now' : minutes < 60 ? `${minutes} min` : minutes < 48 * 60 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes / 1440)} d`;
  if (amount === 'now') return delta > 0 ? 'in <1 min' : 'just now';
  return delta > 0 ? `in ${amount}` : `${amount} ago`;
}

function nextCheck(source: Source, now: number): string {
  if (source.paused) return 'paused';
  if (source.state.disabledReason) return 'disabled';
  return Date.parse(source.state.nextCheckAt) <= now ? 'due' : relativeTime(source.state.nextCheckAt, now);
}

function errorsCell(source: Source): string {
  const { consecutiveErrors, lastError, disabledReason } = source.state;
  if (disabledReason) return disabledReason;
  return consecutiveErrors > 0 ? `${consecutiveErrors}× ${lastError ?? ''}` : '0';
}

/** The JSON record of a source: the Source of src/sources/types.ts plus its outlet name. */
function sourceRecord(source: Source): Record<string, unknown> {
  return { ...source, outlet: outletOf(source) };
}

function printSources(sources: readonly Source[], now: number): void {
  const rows = sources.map((s) => [
    s.id,
    truncate(outletOf(s), 20),
    s.language ?? '-',
    relativeTime(s.state.lastCheckAt, now),
    nextCheck(s, now),
    s.state.lastStatus !== undefined ? String(s.state.lastStatus) : '-',
    s.itemsSeen.toLocaleString('en-US'),
    errorsCell(s),
  ]);
  const header = ['id', 'outlet', 'lang', 'last fetch', 'next check', 'http', 'items', 'errors'];
  const used = header.slice(0, -1).reduce((sum, h, i) => sum + Math.max(h.length, ...rows.map((r) => r[i]!.length)) + 2, 0);
  printTable(header, rows.map((r) => [...r.slice(0, -1), truncate(r.at(-1)!, Math.max(10, LIST_WIDTH - used))]));
}

function describeFollow(result: FollowResult): string {
  if (result.kind === 'failed') return `error: ${result.input}: ${result.message}`;
  const source = result.source;
  const line = `${result.kind === 'added' ? 'added' : 'already following'} ${source.id} ${outletOf(source)} — ${source.feedUrl}`;
  if (result.kind !== 'added' || !result.discovered?.foundOn) return line;
  const others = result.discovered.alternatives;
  return `${line} (found on ${result.discovered.foundOn}${others.length ? `; other feeds there: ${others.join(', ')}` : ''})`;
}

function reportFollows(results: readonly FollowResult[], json: boolean | undefined): void {
  if (json) printJsonLines(results.map((r) => (r.kind === 'failed' ? r : { ...r, source: sourceRecord(r.source) })));
  else for (const result of results) (result.kind === 'failed' ? process.stderr : process.stdout).write(describeFollow(result) + '\n');
  if (results.some((r) => r.kind === 'failed')) process.exitCode = EXIT_PARTIAL;
}

export function cycleSummary(cycle: CycleReport, now: number): string {
  const parts = [
    `${cycle.polled} source(s) polled`,
    `${cycle.fetched} changed`,
    `${cycle.notModified} not modified`,
    `${cycle.failed} failed`,
    ...(cycle.disabled ? [`${cycle.disabled} disabled`] : []),
    ...(cycle.waiting.length ? [`${cycle.waiting.length} asked to wait (Retry-After)`] : []),
  ];
  const revisions = cycle.revisions ? `, ${cycle.revisions} revision(s)` : '';
  const next = !cycle.nextCheckAt ? '' : Date.parse(cycle.nextCheckAt) <= now ? '; more sources are due' : `; next check ${relativeTime(cycle.nextCheckAt, now)}`;
  return `poll: ${parts.join(', ')}; ${cycle.articleIds.length} new article(s)${revisions}${next}`;
}

export function reportSource(report: SourcePollReport): void {
  if (report.error) process.stderr.write(`error: ${report.outlet} (${report.feedUrl}): ${report.error}\n`);
  if (report.disabledReason) process.stderr.write(`disabled: ${report.outlet} (${report.feedUrl}): ${report.disabledReason}\n`);
  for (const item of report.itemErrors) process.stderr.write(`warning: ${item.url}: ${item.message}\n`);
}

async function poll(store: Store, ids: readonly string[], flags: PollFlags): Promise<CycleReport> {
  const sources = store.sources;
  const settings = pollSettings(flags);
  const poller = new Poller({
    sources,
    articles: articleSink(store),
    policy: settings.policy,
    concurrency: settings.concurrency,
    perHost: settings.perHost,
    ...(settings.timeoutMs !== undefined && { timeoutMs: settings.timeoutMs }),
    ...(!flags.json && { onSource: reportSource }),
  });
  if (ids.length > 0) return poller.pollSources(await named(sources, ids));
  return flags.all ? poller.pollAll() : poller.pollDue();
}

/** The stages over what the poll stored, as after `kronika ingest`; none when workers run them. */
async function afterPoll(store: Store, flags: PollFlags): Promise<PipelineReport | undefined> {
  if (stagesRunInWorkers(store)) {
    if (!flags.json) process.stderr.write(`kronika: ${LEFT_TO_WORKERS}\n`);
    return undefined;
  }
  const baseUrl = baseUrlOf(undefined);
  return runStages(store, {
    stages: flags.stories === false ? STAGES.filter((stage) => stage !== 'cluster') : STAGES,
    // No print: alerts of watches without a webhook wait for `kronika watch run` (src/watch/run.ts).
    alerts: { ...(baseUrl && { baseUrl }) },
  });
}

export function register(program: Command): void {
  const sources = program
    .command('sources')
    .description('the feeds Kronika follows: add, list, poll (one cycle, for cron), pause, resume, import/export OPML');

  withJson(withDb(sources.command('list', { isDefault: true }).description('every source with its health, as a table (or --json)')))
    .action(async (flags: JsonFlags) => {
      const list = await withSources(flags, (s) => s.list());
      if (flags.json) printJsonLines(list.map(sourceRecord));
      else if (list.length === 0) process.stdout.write('no sources yet: kronika sources add <feed or site URL | OPML file>\n');
      else printSources(list, Date.now());
    });

  withJson(withDb(sources.command('add')
    .description('follow feeds: a feed URL, a site URL (its <link rel="alternate"> feed is found) or an OPML file')
    .argument('<inputs...>', 'feed URLs, site URLs or OPML files')
    .option('--name <name>', "the outlet's name, instead of the feed's title")
    .option('--no-fetch-linked', "keep summary-only items as they are, without fetching their page")))
    .addHelpText('after', '\nWith the global --allow-private (kronika --allow-private sources add …) the source may reach internal addresses (an intranet feed).')
    .action(async (inputs: string[], flags: AddFlags, command: Command) => {
      if (flags.name && inputs.length > 1) throw new UsageError('--name names one source: give one input');
      const options = {
        ...(flags.name && { name: flags.name }),
        fetchLinked: flags.fetchLinked !== false,
        allowPrivate: allowPrivateOf(command) === true,
      };
      const results = await withSources(flags, async (s) => (await Promise.all(inputs.map((input) => follow(s, input, options)))).flat());
      reportFollows(results, flags.json);
    });

  withJson(withDb(sources.command('import')
    .description('follow every feed of an OPML file (fetched at the first poll)')
    .argument('<file>', 'OPML file')
    .option('--no-fetch-linked', "keep summary-only items as they are")))
    .addHelpText('after', '\nWith the global --allow-private the imported sources may reach internal addresses.')
    .action(async (file: string, flags: AddFlags, command: Command) => {
      const text = await readFile(file, 'utf8').catch(() => {
        throw new UsageError(`cannot read ${file}`);
      });
      const results = await withSources(flags, (s) => followOpml(s, text, file, {
        fetchLinked: flags.fetchLinked !== false,
        allowPrivate: allowPrivateOf(command) === true,
      }));
      reportFollows(results, flags.json);
      if (!flags.json) {
        const added = results.filter((r) => r.kind === 'added').length;
        process.stdout.write(`import: ${added} added, ${results.filter((r) => r.kind === 'exists').length} already followed, ${results.filter((r) => r.kind === 'failed').length} failed\n`);
      }
    });

  withDb(sources.command('export')
    .description('write every source as OPML (to standard output, or to a file)')
    .argument('[file]', 'OPML file to write'))
    .action(async (file: string | undefined, flags: DbOptions) => {
      const opml = writeOpml(await withSources(flags, (s) => s.list()), new Date());
      if (file) await writeFile(file, opml);
      else process.stdout.write(opml);
    });

  withJson(withDb(sources.command('show')
    .description("one source's settings, state and latest polls")
    .argument('<source>', 'id, id prefix or feed URL')))
    .action(async (name: string, flags: JsonFlags) => {
      await withSources(flags, async (s) => {
        const [source] = await named(s, [name]);
        const polls = await s.recentPolls(source!.id, 10);
        if (flags.json) return printJson({ ...sourceRecord(source!), polls });
        printShow(source!, polls, Date.now());
      });
    });

  withDb(sources.command('set')
    .description("change a source's name or switches")
    .argument('<source>', 'id, id prefix or feed URL')
    .option('--name <name>', "the outlet's name")
    .option('--no-name', "drop the name: the feed's title shows again")
    .option('--fetch-linked', "fetch the page of summary-only items")
    .option('--no-fetch-linked', 'keep summary-only items as they are')
    .option('--no-allow-private', 'public addresses only (kronika --allow-private sources set … allows them)'))
    .action(async (name: string, flags: SetFlags, command: Command) => {
      const allowPrivate = allowPrivateOf(command);
      await withSources(flags, async (s) => {
        const [source] = await named(s, [name]);
        const updated = await s.update(source!.id, {
          ...(flags.name !== undefined && { name: flags.name === false ? null : flags.name }),
          ...(flags.fetchLinked !== undefined && { fetchLinked: flags.fetchLinked }),
          ...(allowPrivate !== undefined && { allowPrivate }),
        });
        process.stdout.write(`${updated!.id} ${outletOf(updated!)}: fetch linked pages ${updated!.fetchLinked ? 'on' : 'off'}, internal addresses ${updated!.allowPrivate ? 'allowed' : 'refused'}\n`);
      });
    });

  for (const [verb, description] of [
    ['pause', 'stop polling sources until resumed'],
    ['resume', 'poll paused or disabled sources again (failures forgotten, due at once)'],
    ['remove', 'stop following sources (their articles stay)'],
  ] as const) {
    withDb(sources.command(verb).description(description).argument('<sources...>', 'ids, id prefixes or feed URLs'))
      .action(async (names: string[], flags: DbOptions) => {
        await withSources(flags, async (s) => {
          for (const source of await named(s, names)) {
            if (verb === 'remove') await s.remove(source.id);
            else if (verb === 'pause') await s.update(source.id, { paused: true });
            else await s.update(source.id, { paused: false, resumeAt: new Date().toISOString() });
            process.stdout.write(`${verb === 'remove' ? 'removed' : verb === 'pause' ? 'paused' : 'resumed'} ${source.id} ${outletOf(source)}\n`);
          }
        });
      });
  }

  withJson(withDb(withPollFlags(sources.command('poll')
    .description('one polling cycle over the due sources (or --all, or the named ones), then exit; for cron')
    .argument('[sources...]', 'poll only these (ids, id prefixes or feed URLs), due or not')
    .option('--all', 'every active source, due or not (a server\'s Retry-After is still respected)')
    .option('--no-stories', 'do not assign the new articles to stories now'))))
    .action(async (ids: string[], flags: PollFlags) => {
      const { cycle, pipeline } = await withStore(flags, async (store) => {
        const cycle = await poll(store, ids, flags);
        return { cycle, pipeline: cycle.articleIds.length === 0 ? undefined : await afterPoll(store, flags) };
      });
      const stories = pipeline?.stories;
      if (flags.json) printJson({ ...cycle, ...(stories && { stories }) });
      else {
        const clustered = stories ? `; ${storyTotals(stories)}` : '';
        process.stdout.write(cycleSummary(cycle, Date.now()) + clustered + '\n');
      }
      if (pipeline?.failed) {
        warn(`the ${pipeline.failed.stage} stage failed (${pipeline.failed.error}); every article above is stored, and the next run catches up`);
      }
      if (cycle.failed > 0 || pipeline?.failed) process.exitCode = EXIT_PARTIAL;
    });
}

function printShow(source: Source, polls: readonly { at: string; status?: number; outcome: string; newArticles: number; error?: string; durationMs: number }[], now: number): void {
  const s = source.state;
  const lines: [string, string | undefined][] = [
    ['id', source.id],
    ['outlet', outletOf(source)],
    ['feed', source.feedUrl],
    ['home page', source.homePage],
    ['language', source.language],
    ['status', source.paused ? 'paused' : s.disabledReason ? `disabled: ${s.disabledReason}` : 'active'],
    ['fetch linked pages', source.fetchLinked ? 'yes' : 'no'],
    ['internal addresses', source.allowPrivate ? 'allowed' : 'refused'],
    ['added', source.addedAt],
    ['last fetch', s.lastCheckAt && `${s.lastCheckAt} (${relativeTime(s.lastCheckAt, now)}), HTTP ${s.lastStatus ?? '-'}`],
    ['last success', s.lastSuccessAt],
    ['next check', `${s.nextCheckAt} (${nextCheck(source, now)})`],
    ['interval', `${Math.round(s.intervalMs / 60_000)} min`],
    ['items seen', String(source.itemsSeen)],
    ['errors in a row', `${s.consecutiveErrors}${s.lastError ? ` (last: ${s.lastError}, ${s.lastErrorAt})` : ''}`],
    ['retry after', s.retryAfterUntil],
  ];
  for (const [key, value] of lines) if (value !== undefined) process.stdout.write(`${key.padEnd(20)}${value}\n`);
  if (polls.length === 0) return;
  process.stdout.write('\nlatest polls:\n');
  printTable(['at', 'http', 'outcome', 'new', 'ms', 'error'], polls.map((p) => [
    p.at.slice(0, 16).replace('T', ' '), p.status !== undefined ? String(p.status) : '-', p.outcome, String(p.newArticles), String(Math.round(p.durationMs)), p.error ?? '',
  ]));
}
