/**
 * `npm run demo`: the main job on the bundled sample. Ingests samples/kim-putin-2023 into a fresh
 * database, clusters the articles into stories and prints the largest story's report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listStories, storyReport } from '../app/stories.ts';
import { syncStoriesOf } from './stories-sync.ts';
import { ingestBatch } from '../ingest/batch.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { renderMarkdown } from '../synthesis/index.ts';

const sample = fileURLToPath(new URL('../../samples/kim-putin-2023', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kronika-demo-'));
const store = openSqliteStore(join(dir, 'demo.db'));
try {
  const result = await ingestBatch(store, [sample]);
  const sync = syncStoriesOf(store);
  process.stdout.write(
    `Ingested ${result.stored} articles from samples/kim-putin-2023 (${result.failed} failed); ` +
      `${sync.events} event stor${sync.events === 1 ? 'y' : 'ies'}.\n\n`,
  );
  const [largest] = listStories(store, 'event').sort((a, b) => b.articles - a.articles);
  if (largest) process.stdout.write(renderMarkdown(storyReport(store, largest)));
  if (result.failed > 0) process.exitCode = 1;
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
