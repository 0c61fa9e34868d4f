/**
 * One SQLite process running the whole stream over a batch, for bench/workers.ts: started fresh
 * like each `kronika worker`, warmed up the same way (src/worker/article.ts warmUp, then the
 * warm-up articles through save and every stage, as the bench runs them through the workers),
 * then timed from the first save of the batch to its last stage. Prints {"ms", "use",
 * "bytesBefore", "clockUs"} on stdout: `use` is where the process's time went meanwhile
 * (bench/_cpu.ts), so the bench can set its CPU beside the workers'; `bytesBefore`, the store's
 * size before the batch; `clockUs`, the timed window on the monotonic clock in µs (V8's CPU
 * profiles, BENCH_WORKERS_NODE_ARGS=--cpu-prof, time their samples on it).
 * Usage: node --import tsx bench/_sqlite-stream.ts <articles.json> <store.db> [<warm-up articles.json>]
 */
import { readFileSync, statSync } from 'node:fs';
import { runStages } from '../src/app/stages.ts';
import { openStore } from '../src/store/index.ts';
import type { Article } from '../src/types.ts';
import { warmUp } from '../src/worker/article.ts';
import { processUse, sampleProcess } from './_cpu.ts';

const [batchFile, path, warmFile] = process.argv.slice(2);
const articles = JSON.parse(readFileSync(batchFile!, 'utf8')) as Article[];
const chunk = Number(process.env.BENCH_CHUNK ?? 200);
warmUp();
const warm = warmFile ? JSON.parse(readFileSync(warmFile, 'utf8')) as Article[] : [];
const warming = await openStore(path!);
for (let i = 0; i < warm.length; i += chunk) await warming.articles.save(warm.slice(i, i + chunk));
if (warm.length) await runStages(warming);
// Closed and opened again so the WAL is checkpointed into the file, which is then measured: the
// bench counts the batch's bytes, not the warm-up's.
await warming.close();
const store = await openStore(path!);
const bytesBefore = ['', '-wal'].reduce((sum, ext) => sum + (statSync(path! + ext, { throwIfNoEntry: false })?.size ?? 0), 0);
const first = sampleProcess(process.pid)!;
const startedUs = process.hrtime.bigint() / 1000n;
const t0 = performance.now();
for (let i = 0; i < articles.length; i += chunk) await store.articles.save(articles.slice(i, i + chunk));
await runStages(store);
const ms = performance.now() - t0;
const endedUs = process.hrtime.bigint() / 1000n;
const use = processUse(first, sampleProcess(process.pid)!);
await store.close();
process.stdout.write(JSON.stringify({ ms, use, bytesBefore, clockUs: [Number(startedUs), Number(endedUs)] }) + '\n');
