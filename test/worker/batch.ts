/**
 * The news batch the worker end-to-end test and bench/workers.ts run: the labelled BSNLP Polish
 * news in the shared data folder (885 articles; title on the first line) when it is there, topped
 * up with synthetic texts (test/store/corpus.ts) to `count`; all synthetic without the folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticTexts } from '../store/corpus.ts';

/** Where the shared data folder is: $KRONIKA_DATA, else ../shared/data beside the checkout. */
export function dataFolder(root: string): string {
  return process.env.KRONIKA_DATA ?? join(root, '../shared/data');
}

/**
 * `count` article texts, real ones first, in a fixed order.
 * @example const { texts, real } = newsBatch(1000, dataFolder(ROOT))
 */
export function newsBatch(count: number, data: string): { texts: string[]; real: number } {
  const raw = join(data, 'bsnlp-pl-dev', 'raw');
  const real: string[] = [];
  if (existsSync(raw)) {
    for (const topic of readdirSync(raw).sort()) {
      const folder = join(raw, topic, 'pl');
      if (!existsSync(folder)) continue;
      for (const file of readdirSync(folder).sort()) real.push(readFileSync(join(folder, file), 'utf8'));
    }
  }
  const kept = real.slice(0, count);
  return { texts: [...kept, ...syntheticTexts(Math.max(0, count - kept.length), 1000)], real: kept.length };
}
