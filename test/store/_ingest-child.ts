/**
 * Child process for the crash-safety test: stores every file of a folder through openStore +
 * articles.save in chunks, printing `progress <n>` after each committed chunk and `done <n>` at
 * the end.
 *
 * Usage: node --import tsx test/store/_ingest-child.ts <db> <dir> [chunk] [stallAt]
 * With `stallAt`, reading the text of the article at that index prints `stalled` and blocks,
 * so the parent can SIGKILL it while a transaction is certainly open and half-written.
 */
import { readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import type { Article } from '../../src/types.ts';
import { articleId } from './articles.ts';

const [dbPath, dir, chunkArg = '100', stallArg] = process.argv.slice(2);
const chunkSize = Number(chunkArg);
const stallAt = stallArg === undefined ? -1 : Number(stallArg);

// writeSync, not console.log: the parent must see each line before the next chunk starts.
const say = (line: string) => writeSync(1, line + '\n');

function toArticle(file: string, index: number): Article {
  const origin = join(dir!, file);
  const text = readFileSync(origin, 'utf8');
  const article: Article = {
    id: articleId(text), origin, format: 'text', language: 'pl', text, removed: [],
    ingestedAt: new Date().toISOString(),
  };
  if (index !== stallAt) return article;
  return Object.defineProperty({ ...article }, 'text', {
    enumerable: true,
    get() {
      say('stalled');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
      return text;
    },
  });
}

const files = readdirSync(dir!).filter((f) => f.endsWith('.txt')).sort();
const store = await openStore(dbPath!);
let done = 0;
for (let start = 0; start < files.length; start += chunkSize) {
  const chunk = files.slice(start, start + chunkSize).map((file, i) => toArticle(file, start + i));
  await store.articles.save(chunk);
  done += chunk.length;
  say(`progress ${done}`);
}
await store.close();
say(`done ${done}`);
