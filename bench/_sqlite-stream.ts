/**
 * One SQLite process running the whole stream over a batch, for bench/workers.ts: started fresh
 * like each `kronika worker`, warmed up the same way (src/worker/article.ts warmUp), then timed
 * from the first save to the last stage. Prints {"ms": …} on stdout.
 * Usage: node --import tsx bench/_sqlite-stream.ts <articles.json> <store.db>
 */
import { readFileSync } from 'node:fs';
import { runStages } from '../src/app/stages.ts';
import { openStore } from '../src/store/index.ts';
import type { Article } from '../src/types.ts';
import { warmUp } from '../src/worker/article.ts';

const [batchFile, path] = process.argv.slice(2);
const articles = JSON.parse(readFileSync(batchFile!, 'utf8')) as Article[];
const chunk = Number(process.env.BENCH_CHUNK ?? 200);
warmUp();
const t0 = performance.now();
const store = await openStore(path!);
for (let i = 0; i < articles.length; i += chunk) await store.articles.save(articles.slice(i, i + chunk));
await runStages(store);
const ms = performance.now() - t0;
await store.close();
process.stdout.write(JSON.stringify({ ms }) + '\n');
