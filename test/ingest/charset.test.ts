import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes } from '../../src/ingest/charset.ts';
import { IngestError } from '../../src/ingest/errors.ts';
import { encodePolish } from './encodings.ts';

const SENTENCE = 'Zażółć gęślą jaźń. ŻÓŁĆ, Łódź i Śląsk – źródło';

function assertFails(bytes: Uint8Array, pattern: RegExp, contentType?: string) {
  assert.throws(
    () => decodeBytes(bytes, { origin: 'page.html', contentType }),
    (error: unknown) => error instanceof IngestError && error.input === 'page.html' && pattern.test(error.message),
  );
}

test('windows-1250 declared in <meta charset>', () => {
  const bytes = encodePolish(`<html><head><meta charset="windows-1250"></head><body><p>${SENTENCE}</p></body></html>`, 'windows-1250');
  const decoded = decodeBytes(bytes, { origin: 'page.html' });
  assert.equal(decoded.encoding, 'windows-1250');
  assert.equal(decoded.source, 'meta');
  assert.ok(decoded.text.includes(SENTENCE));
});

test('iso-8859-2 declared by http-equiv', () => {
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2"></head><body>${SENTENCE.replace('–', '-')}</body></html>`;
  const decoded = decodeBytes(encodePolish(html, 'iso-8859-2'), { origin: 'page.html' });
  assert.equal(decoded.encoding, 'iso-8859-2');
  assert.ok(decoded.text.includes(SENTENCE.replace('–', '-')));
});

test('iso-8859-2 declared in an XML prolog', () => {
  const xml = `<?xml version="1.0" encoding="ISO-8859-2"?><rss><channel><title>Śląsk</title></channel></rss>`;
  const decoded = decodeBytes(encodePolish(xml, 'iso-8859-2'), { origin: 'feed.xml' });
  assert.equal(decoded.source, 'xml');
  assert.ok(decoded.text.includes('<title>Śląsk</title>'));
});

test('the HTTP header wins over a wrong meta', () => {
  const bytes = encodePolish(`<meta charset="utf-8"><p>${SENTENCE}</p>`, 'windows-1250');
  const decoded = decodeBytes(bytes, { origin: 'page.html', contentType: 'text/html; charset=windows-1250' });
  assert.equal(decoded.source, 'http');
  assert.ok(decoded.text.includes(SENTENCE));
});

test('a UTF-8 BOM wins and is stripped', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<meta charset="iso-8859-2">${SENTENCE}`)]);
  const decoded = decodeBytes(bytes, { origin: 'page.html' });
  assert.equal(decoded.source, 'bom');
  assert.equal(decoded.text, `<meta charset="iso-8859-2">${SENTENCE}`);
});

test('undeclared windows-1250 and iso-8859-2 are detected, with a warning', () => {
  for (const encoding of ['windows-1250', 'iso-8859-2'] as const) {
    const sentence = encoding === 'iso-8859-2' ? SENTENCE.replace('–', '-') : SENTENCE;
    const decoded = decodeBytes(encodePolish(`<p>${sentence}</p>`, encoding), { origin: 'page.html' });
    assert.equal(decoded.encoding, encoding);
    assert.equal(decoded.source, 'detected');
    assert.equal(decoded.text, `<p>${sentence}</p>`);
    assert.equal(decoded.warning, `no charset declared and not UTF-8: read as ${encoding}`);
  }
});

test('bytes that are neither UTF-8 nor Central European text: a clear error with the byte offset', () => {
  assertFails(Buffer.from([0x41, 0xff, 0xfe, 0xa4, 0xa4, 0x42]), /^invalid utf-8 bytes at byte 1 \(no charset declared\)$/);
});

test('a legacy charset declared over UTF-8 bytes is read as UTF-8, with a warning, not stored as mojibake', () => {
  for (const [bytes, contentType, source] of [
    [Buffer.from(`<html><head><meta charset="iso-8859-2"></head><body><p>${SENTENCE}</p></body></html>`), undefined, 'meta'],
    [Buffer.from(`<p>${SENTENCE}</p>`), 'text/html; charset=windows-1250', 'http'],
  ] as const) {
    const decoded = decodeBytes(bytes, { origin: 'page.html', ...(contentType && { contentType }) });
    assert.equal(decoded.encoding, 'utf-8');
    assert.equal(decoded.source, 'detected');
    assert.ok(decoded.text.includes(SENTENCE), decoded.text);
    assert.match(decoded.warning ?? '', new RegExp(`^declared (iso-8859-2|windows-1250) \\(${source}\\), but the bytes are UTF-8: read as UTF-8$`));
  }
  // Plain ASCII under a legacy declaration is the same in both: nothing to warn about.
  assert.equal(decodeBytes(Buffer.from('<meta charset="iso-8859-2"><p>Ala</p>'), { origin: 'a.html' }).warning, undefined);
});

test('empty, binary and unknown-charset inputs are refused', () => {
  assertFails(new Uint8Array(0), /^empty file$/);
  assertFails(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /^binary file/);
  assertFails(Buffer.from('<meta charset="klingon-8"><p>x</p>'), /unknown charset "klingon-8"/);
});
