/**
 * Worker thread of bench/scale.ts: analyses articles for a store being built (the analyse stage's
 * pure part, src/app/analyse.ts), so building a 100k store uses both cores. Batches are answered
 * with the id they came with: a thread holds a few at once.
 */
import { parentPort } from 'node:worker_threads';
import { analysePayload } from '../src/app/analyse.ts';
import type { Article } from '../src/types.ts';

parentPort!.on('message', ({ id, articles }: { id: number; articles: Article[] }) => {
  parentPort!.postMessage({ id, results: articles.map((a) => ({ articleId: a.id, payload: analysePayload(a) })) });
});
