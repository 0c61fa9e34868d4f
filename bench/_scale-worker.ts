/**
 * Worker thread of bench/scale.ts: analyses articles for a store being built (the analyse stage's
 * pure part, src/app/analyse.ts), so building a 100k store uses both cores.
 */
import { parentPort } from 'node:worker_threads';
import { analysePayload } from '../src/app/analyse.ts';
import type { Article } from '../src/types.ts';

parentPort!.on('message', (articles: Article[]) => {
  parentPort!.postMessage(articles.map((a) => ({ articleId: a.id, payload: analysePayload(a) })));
});
