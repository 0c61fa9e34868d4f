/**
 * `npm run demo`: the main job on the bundled sample. Ingests samples/kim-putin-2023 into a fresh
 * store (the stages cluster the articles into stories) and prints the largest story's report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestInputs } from '../app/ingest.ts';
import { storyReport } from '../app/stories.ts';
import { openStore } from '../store/index.ts';
import { renderMarkdown } from '../synthesis/index.ts';

const sample = fileURLToPath(new URL('../../samples/kim-putin-2023', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kronika-demo-'));
const store = await openStore(join(dir, 'demo.db'));
try {
  const { result, pipeline } = await ingestInputs(store, [sample]);
  const events = pipeline?.stories?.events ?? 0;
  process.stdout.write(
    `Ingested ${result.stored} articles from samples/kim-putin-2023 (${result.failed} failed); ` +
      `${events} event stor${events === 1 ? 'y' : 'ies'}.\n\n`,
  );
  const { stories: [largest] } = await store.stories.list({ sort: 'articles', limit: 1 });
  if (largest) process.stdout.write(renderMarkdown((await storyReport(store, largest)).report));
  if (result.failed > 0 || pipeline?.failed) process.exitCode = 1;
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
