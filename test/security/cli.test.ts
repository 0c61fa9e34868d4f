/** `kronika ingest` of an internal URL: refused in one line unless --allow-private. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../net/servers.ts';
import { runInProcess } from './helpers.ts';

test('kronika ingest refuses a loopback URL unless --allow-private', async () => {
  delete process.env.KRONIKA_ALLOW_PRIVATE;
  const page = 'Sejm uchwalił w czwartek ustawę o obronie cywilnej. Za głosowało 420 posłów.';
  const server = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(page));
  const dir = mkdtempSync(join(tmpdir(), 'kronika-ssrf-cli-'));
  try {
    const url = `${server.base}/article`;
    const db = join(dir, 'k.db');
    const refused = await runInProcess(['ingest', url, '--no-stories', '--db', db]);
    assert.equal(refused.code, 1, refused.stderr);
    assert.equal(refused.stderr.trim(), `error: ${url}: refused: 127.0.0.1 is a loopback address; internal addresses are fetched only with --allow-private or KRONIKA_ALLOW_PRIVATE=1`);
    assert.equal(server.connections(), 0);
    const allowed = await runInProcess(['ingest', url, '--no-stories', '--allow-private', '--db', db]);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /1 stored/);
    assert.equal(server.connections(), 1);
    assert.equal(process.env.KRONIKA_ALLOW_PRIVATE, undefined, 'the opt-in ended with the command');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
