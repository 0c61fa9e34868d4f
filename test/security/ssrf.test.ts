/**
 * The SSRF table: every way of writing an internal address, directly and behind redirects, is
 * refused by the one outbound client (src/net/http.ts) before any socket opens. The "secret"
 * server on 127.0.0.1 counts its TCP connections and must receive none. Targets outside loopback
 * are checked without a socket (resolveTarget): this machine sends nothing to other addresses.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { httpRequest, NetError } from '../../src/net/http.ts';
import { resolveTarget } from '../../src/net/resolve.ts';
import { postAlert, type Alert } from '../../src/watch/index.ts';
import { startSecretServer, startServer, type TestServer } from '../net/servers.ts';

let secret: TestServer;
let hostile: TestServer;
/**
 * Where the hostile server redirects each request: the path is the target, URL-encoded. A header
 * carries ASCII only, so non-ASCII hosts go percent-encoded (URL parsing decodes them again).
 */
const redirectTarget = (path: string) =>
  decodeURIComponent(path.slice('/redirect/'.length)).replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));

before(async () => {
  secret = await startSecretServer('127.0.0.1');
  // The "public" site: on 127.0.0.2, let through by allowAddresses, as if it were on the internet.
  hostile = await startServer((req, res) => res.writeHead(302, { location: redirectTarget(req.url ?? '/') }).end(), '127.0.0.2');
});

after(async () => {
  await secret.close();
  await hostile.close();
});

/** Every spelling of the secret server's address (loopback), with the port filled in. */
function loopbackSpellings(port: number): string[] {
  return [
    `http://127.0.0.1:${port}/`,
    `http://localhost:${port}/`,
    `http://LOCALHOST:${port}/`,
    `http://localhost.:${port}/`,
    `http://admin.localhost:${port}/`,
    `http://ｌｏｃａｌｈｏｓｔ:${port}/`, // fullwidth, IDNA-mapped to localhost
    `http://[::1]:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[0:0:0:0:0:ffff:7f00:1]:${port}/`,
    `http://[::127.0.0.1]:${port}/`, // IPv4-compatible
    `http://[64:ff9b::127.0.0.1]:${port}/`, // NAT64
    `http://[2002:7f00:1::1]:${port}/`, // 6to4
    `http://[::ffff:0:7f00:1]:${port}/`, // SIIT
    `http://2130706433:${port}/`, // decimal
    `http://0x7f000001:${port}/`, // hex
    `http://0x7f.1:${port}/`,
    `http://0177.0.0.1:${port}/`, // octal
    `http://017700000001:${port}/`,
    `http://127.1:${port}/`, // short
    `http://127.0.0.1.:${port}/`, // trailing dot
    `http://127.000.000.001:${port}/`,
    `http://①②⑦.0.0.1:${port}/`, // IDN digits
    `http://127。0。0。1:${port}/`, // ideographic full stops
    `http://%31%32%37.0.0.1:${port}/`, // percent-encoded host
    `http://0.0.0.0:${port}/`, // unspecified: Linux connects it to loopback
    `http://0:${port}/`,
    `http://[::]:${port}/`,
    `http://user:pass@127.0.0.1:${port}/`,
    `http://example.com@127.0.0.1:${port}/`,
    `https://127.0.0.1:${port}/`,
  ];
}

async function assertBlocked(promise: Promise<unknown>, label: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof NetError, `${label}: ${String(error)}`);
    assert.equal(error.kind, 'blocked-address', `${label}: ${error.message}`);
    assert.match(error.message, /--allow-private or KRONIKA_ALLOW_PRIVATE=1/);
    return true;
  }, label);
}

test('every spelling of a loopback address is refused before connecting', async () => {
  for (const url of loopbackSpellings(secret.port)) await assertBlocked(httpRequest({ url }), url);
  assert.equal(secret.connections(), 0, 'the secret server received nothing');
});

test('a name resolving to an internal address is refused, whatever the name', async () => {
  const answers: Record<string, string[]> = {
    'loopback.kronika.test': ['127.0.0.1'],
    'mixed.kronika.test': ['2001:4860:4860::8888', '::1'], // one internal answer is enough
    'mapped.kronika.test': ['::ffff:127.0.0.1'],
  };
  const lookup = async (name: string) => answers[name] ?? [];
  for (const name of Object.keys(answers)) await assertBlocked(httpRequest({ url: `http://${name}:${secret.port}/`, lookup }), name);
  assert.equal(secret.connections(), 0);
});

test('private, link-local (cloud metadata), CGNAT, multicast, ULA, reserved: refused by address and by name', async () => {
  const internal = [
    '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '100.127.255.254',
    '224.0.0.251', '239.255.255.250', '255.255.255.255', '198.18.0.1', '192.0.0.170', '192.0.2.1', '240.0.0.1',
    'fd00::1', 'fc00::1', 'fe80::1', 'ff02::1', 'fec0::1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe',
    '2002:a9fe:a9fe::1', '2001::1', '2001:db8::1', '100::1',
  ];
  const spelled = ['http://0xa9fea9fe/', 'http://2852039166/', 'http://0251.0376.0251.0376/', 'http://169.254.43518/', 'http://[fd12:3456::1]/', 'http://10.1/'];
  for (const address of internal) {
    const literal = new URL(address.includes(':') ? `http://[${address}]/` : `http://${address}/`);
    await assertBlocked(resolveTarget(literal, { allowPrivate: false, lookup: async () => [], requested: literal.href }), address);
    const named = new URL('http://internal.kronika.test/');
    await assertBlocked(resolveTarget(named, { allowPrivate: false, lookup: async () => [address], requested: named.href }), `name → ${address}`);
  }
  for (const url of spelled) {
    await assertBlocked(resolveTarget(new URL(url), { allowPrivate: false, lookup: async () => [], requested: url }), url);
  }
  const publicAddress = new URL('http://[2001:4860:4860::8888]/');
  assert.equal((await resolveTarget(publicAddress, { allowPrivate: false, lookup: async () => [], requested: '' }))[0]!.blocked, undefined, 'public stays allowed');
});

test('a public site redirecting to an internal address is refused at that hop', async () => {
  const lookup = async (name: string) => (name === 'metadata.kronika.test' ? ['169.254.169.254'] : []);
  const targets = [...loopbackSpellings(secret.port), 'http://metadata.kronika.test/latest/meta-data/', `http://[::ffff:a9fe:a9fe]/`];
  for (const target of targets) {
    const url = `${hostile.base}/redirect/${encodeURIComponent(target)}`;
    await assert.rejects(httpRequest({ url, allowAddresses: ['127.0.0.2'], lookup }), (error: unknown) => {
      assert.ok(error instanceof NetError && error.kind === 'blocked-address', `${target}: ${String(error)}`);
      assert.equal(error.url, url, 'the error names the URL asked for');
      assert.match(error.message, /refused redirect to/);
      return true;
    });
  }
  assert.ok(hostile.connections() >= targets.length, 'the public site was reached');
  assert.equal(secret.connections(), 0, 'the secret server received nothing');
});

test('webhooks: an internal receiver is refused at once, in every spelling, and receives nothing', async () => {
  const alert: Alert = { watch: 'abcd1234', query: 'Putin', article: { id: '0c56ce6a609955a6', origin: 'a.txt' }, matchedSentence: 'Putin.' };
  const retry = { attempts: 3, backoffMs: 1, timeoutMs: 2000 };
  for (const url of [...loopbackSpellings(secret.port), `${hostile.base}/redirect/${encodeURIComponent(secret.base)}`]) {
    const outcome = await postAlert(url, alert, retry, url.startsWith(hostile.base) ? { allowAddresses: ['127.0.0.2'] } : {});
    assert.equal(outcome.status, 'failed', url);
    if (outcome.status !== 'failed') continue;
    assert.equal(outcome.attempts, 1, `${url}: a refusal is not retried`);
    assert.match(outcome.error, url.startsWith(hostile.base) ? /too many redirects/ : /^refused: .*--allow-private/, url);
  }
  assert.equal(secret.connections(), 0, 'the secret server received nothing');
});

test('the opt-in is explicit: allowPrivate reaches loopback', async () => {
  const response = await httpRequest({ url: `${secret.base}/`, allowPrivate: true });
  assert.match(Buffer.from(response.bytes).toString(), /SECRET/);
  assert.equal(secret.connections(), 1);
});
