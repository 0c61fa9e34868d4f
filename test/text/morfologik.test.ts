import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MorfologikDictionary, parseDictionaryInfo, type DictionaryInfo } from '../../src/text/morfologik.ts';
import { loadPolimorf, openPolimorf, parseTag, POLIMORF_FILES, splitTag } from '../../src/text/polimorf.ts';

const pl = loadPolimorf();
const readings = (form: string) => pl.lookup(form).map((r) => `${r.lemma} ${r.tag}`);

test('polimorf: a masculine person noun in the instrumental', () => {
  assert.deepEqual(readings('Putinem'), ['Putin subst:sg:inst:m1']);
});

test('polimorf: capitalised names keep their capital; the common word is a separate entry', () => {
  assert.ok(readings('Warszawy').includes('Warszawa subst:sg:gen:f'));
  assert.ok(readings('warszawy').includes('warszawa subst:sg:gen:f'));
  assert.ok(pl.lookup('Warszawy').every((r) => r.lemma === 'Warszawa'));
});

test('polimorf: tags joined with "+" come back as one interpretation each', () => {
  assert.deepEqual(readings('Kowalskiej'), ['Kowalska subst:sg:dat:f', 'Kowalska subst:sg:gen:f', 'Kowalska subst:sg:loc:f']);
  assert.ok(pl.lookup('Kowalskiej').every((r) => !/[+|]/.test(r.tag)));
});

test('polimorf: homographs from two lemmas (noun and gerund), suppletive past tense', () => {
  const spotkania = readings('spotkania');
  assert.ok(spotkania.includes('spotkanie subst:sg:gen:n2'));
  assert.ok(spotkania.includes('spotkać ger:sg:gen:n2:perf:aff:refl.nonrefl'));
  assert.deepEqual(readings('poszedł'), ['pójść verb:praet:sg:m1.m2.m3:ter:perf:nonrefl']);
  // Lemmas that differ from the form at its start (PREFIX encoding): the superlative.
  assert.ok(pl.lookup('najlepszego').some((r) => r.lemma === 'dobry' && r.tag.includes(':sup')));
});

test('polimorf: unknown forms, empty input and the separator character find nothing', () => {
  assert.deepEqual(pl.lookup('Qwxzyk'), []);
  assert.deepEqual(pl.lookup(''), []);
  assert.deepEqual(pl.lookup('kot+kot'), []);
  assert.deepEqual(pl.lookupAnyCase('Qwxzyk'), { form: 'Qwxzyk', interpretations: [] });
});

test('polimorf: lookupAnyCase tries as written, then lower-case, then capitalised, and says which matched', () => {
  assert.equal(pl.lookupAnyCase('Putinem').match, 'as-written');
  const dolnej = pl.lookupAnyCase('Dolnej');
  assert.equal(dolnej.match, 'lower-case');
  assert.equal(dolnej.form, 'dolnej');
  assert.ok(dolnej.interpretations.some((r) => r.lemma === 'dolny' && r.tag === 'adj:sg:gen:f:pos'));
  const headline = pl.lookupAnyCase('WARSZAWY');
  assert.equal(headline.match, 'lower-case'); // the common noun "warszawa" (a card game) is listed
  assert.equal(pl.lookupAnyCase('PUTINEM').match, 'capitalised');
});

test('polimorf: inflect generates forms of a lemma with given tags', () => {
  const femNom = pl.inflect('dolny', (t) => t.number === 'sg' && t.cases.includes('nom') && t.genders.includes('f'));
  assert.deepEqual(femNom.map((f) => f.form), ['dolna']);
  const polacy = pl.inflect('Polak', (t) => t.pos === 'subst' && t.number === 'pl' && t.cases.includes('nom'));
  assert.deepEqual(polacy.map((f) => f.form).sort(), ['Polacy', 'Polakowie']);
  // "wielcy" drops two letters of "wielki": a shorter shared beginning is read when needed.
  assert.deepEqual(pl.inflect('wielki', (t) => t.pos === 'adj' && t.number === 'pl' && t.genders.includes('m1') && t.cases.includes('nom')).map((f) => f.form), ['wielcy']);
  assert.deepEqual(pl.inflect('Qwxzyk'), []);
});

test('parseTag: alternatives become lists, values are read by category', () => {
  const adj = parseTag('adj:sg:nom.voc:m1.m2.m3:pos');
  assert.equal(adj.pos, 'adj');
  assert.equal(adj.number, 'sg');
  assert.deepEqual(adj.cases, ['nom', 'voc']);
  assert.deepEqual(adj.genders, ['m1', 'm2', 'm3']);
  assert.equal(adj.degree, 'pos');
  const verb = parseTag('verb:praet:sg:m1.m2.m3:ter:perf:nonrefl');
  assert.equal(verb.verbForm, 'praet');
  assert.equal(verb.person, 'ter');
  assert.deepEqual(verb.aspects, ['perf']);
  assert.deepEqual(verb.cases, []);
  assert.deepEqual(verb.other, ['nonrefl']);
  const ger = parseTag('ger:sg:gen:n2:perf:aff:refl.nonrefl');
  assert.equal(ger.negation, 'aff');
  assert.deepEqual(ger.other, ['refl.nonrefl']);
  assert.deepEqual(parseTag('verb:inf:imperf.perf:refl.nonrefl').aspects, ['imperf', 'perf']);
  assert.deepEqual(parseTag('brev:pun'), { tag: 'brev:pun', pos: 'brev', cases: [], genders: [], aspects: [], other: ['pun'] });
});

test('parseTag: joined tags are split by splitTag and refused by parseTag', () => {
  assert.deepEqual(splitTag('adj:sg:nom:m1.m2.m3:pos|adj:sg:acc:m3:pos+subst:sg:nom:m1'),
    ['adj:sg:nom:m1.m2.m3:pos', 'adj:sg:acc:m3:pos', 'subst:sg:nom:m1']);
  assert.throws(() => parseTag('subst:sg:dat:f+subst:sg:gen:f'), /several tags joined/);
  assert.throws(() => parseTag(''), /no grammatical class/);
  assert.throws(() => parseTag('subst::f'), /empty field/);
});

test('dictionary info: current and 1.x encoder keys, bad separator and encoding refused', () => {
  assert.deepEqual(parseDictionaryInfo('fsa.dict.separator=+\nfsa.dict.encoding=UTF-8\nfsa.dict.encoder=infix', 'x.info'),
    { separator: 0x2b, encoder: 'INFIX', encoding: 'utf-8' });
  assert.equal(parseDictionaryInfo('fsa.dict.separator=+\nfsa.dict.encoding=utf-8\nfsa.dict.uses-prefixes=true', 'x.info').encoder, 'PREFIX');
  assert.equal(parseDictionaryInfo('fsa.dict.separator=+\nfsa.dict.encoding=utf-8', 'x.info').encoder, 'SUFFIX');
  assert.throws(() => parseDictionaryInfo('fsa.dict.encoding=utf-8', 'x.info'), /^MorfologikFormatError: x\.info: fsa\.dict\.separator/);
  assert.throws(() => parseDictionaryInfo('fsa.dict.separator=+\nfsa.dict.encoding=klingon', 'x.info'), /x\.info: unsupported fsa\.dict\.encoding/);
});

/**
 * A CFSA2 automaton for `sequences`, written as an unminimised trie with explicit labels and
 * two-byte addresses: a layout the shipped dictionary does not use (it has a label table and
 * next-node arcs), so the reader's other branches are exercised too.
 */
function cfsa2(sequences: readonly string[]): Uint8Array {
  interface Node { readonly arcs: Map<number, Node>; final: Set<number>; offset: number }
  const node = (): Node => ({ arcs: new Map(), final: new Set(), offset: 0 });
  const root = node();
  for (const s of sequences) {
    const bytes = new TextEncoder().encode(s);
    let at = root;
    bytes.forEach((b, i) => {
      if (!at.arcs.has(b)) at.arcs.set(b, node());
      if (i === bytes.length - 1) at.final.add(b);
      at = at.arcs.get(b)!;
    });
  }
  const order: Node[] = [];
  const visit = (n: Node) => { if (n.arcs.size > 0) order.push(n); for (const k of [...n.arcs.keys()].sort((a, b) => a - b)) visit(n.arcs.get(k)!); };
  visit(root);
  const ARC = 4; // flag, label, two-byte address
  let offset = ARC; // node 0: the dummy arc to the root
  for (const n of order) { n.offset = offset; offset += n.arcs.size * ARC; }
  const out: number[] = [0x5c, 0x66, 0x73, 0x61, 0xc6, 0x00, 0x07, 0x00];
  const arc = (flags: number, label: number, target: number) => out.push(flags, label, 0x80 | (target & 0x7f), target >> 7);
  arc(0x40, 0, root.offset);
  for (const n of order) {
    const keys = [...n.arcs.keys()].sort((a, b) => a - b);
    keys.forEach((k, i) => {
      const child = n.arcs.get(k)!;
      arc((i === keys.length - 1 ? 0x40 : 0) | (n.final.has(k) ? 0x20 : 0), k, child.arcs.size > 0 ? child.offset : 0);
    });
  }
  return Uint8Array.from(out);
}

const info = (encoder: DictionaryInfo['encoder']): DictionaryInfo => ({ separator: 0x2b, encoder, encoding: 'utf-8' });

test('morfologik: suffix, prefix and infix lemma codes decode as morfologik documents them', () => {
  // Examples from morfologik's encoders: "foo" → "bar" is "Dbar" (SUFFIX), "abc" → "xyz" is
  // "ADxyz" (PREFIX), "aillent" → "aller" is "BBCr" (INFIX); plus Polish cases.
  const suffix = new MorfologikDictionary(cfsa2(['foo+Dbar+x', 'kota+B+subst:sg:gen:m2', 'kota+A+subst:sg:nom:f']), info('SUFFIX'), 'suffix.dict');
  assert.deepEqual(suffix.lookup('foo'), [{ lemma: 'bar', tag: 'x' }]);
  assert.deepEqual(suffix.lookup('kota'), [{ lemma: 'kota', tag: 'subst:sg:nom:f' }, { lemma: 'kot', tag: 'subst:sg:gen:m2' }]);
  const prefix = new MorfologikDictionary(cfsa2(['abc+ADxyz+t', 'najlepszy+DJdobry+adj:sg:nom:m1:sup']), info('PREFIX'), 'prefix.dict');
  assert.deepEqual(prefix.lookup('abc'), [{ lemma: 'xyz', tag: 't' }]);
  assert.deepEqual(prefix.lookup('najlepszy'), [{ lemma: 'dobry', tag: 'adj:sg:nom:m1:sup' }]);
  const infix = new MorfologikDictionary(cfsa2(['aillent+BBCr+t']), info('INFIX'), 'infix.dict');
  assert.deepEqual(infix.lookup('aillent'), [{ lemma: 'aller', tag: 't' }]);
  assert.deepEqual(infix.lookup('aillen'), []);
  const entries: string[] = [];
  suffix.forEachEntry('', (form, e) => { entries.push(`${form}>${e.lemma}`); });
  assert.deepEqual(entries, ['foo>bar', 'kota>kota', 'kota>kot']);
});

/** Runs `body` with a scratch folder and a writer into it; the folder is removed afterwards. */
function withScratch(body: (dir: string, write: (name: string, bytes: Uint8Array | string) => string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-morfologik-'));
  try {
    body(dir, (name, bytes) => { const file = join(dir, name); writeFileSync(file, bytes); return file; });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The error of `open()`, asserting it is one line naming `file`. */
function oneLineError(open: () => unknown, file: string): string {
  let message = '';
  assert.throws(open, (error: Error) => { message = error.message; return true; });
  assert.ok(message.includes(file), `names ${file}: ${message}`);
  assert.ok(!message.includes('\n'), `one line: ${message}`);
  return message;
}

test('polimorf: a truncated, corrupt, foreign or missing dictionary file is a one-line error naming the file', () => {
  withScratch((dir, write) => {
  const real = readFileSync(POLIMORF_FILES.dictionary);
  const infoFile = POLIMORF_FILES.info;
  for (const cut of [5, 12, 100_000, real.length >> 1, real.length - 1]) {
    const file = write(`cut-${cut}.dict`, real.subarray(0, cut));
    assert.match(oneLineError(() => openPolimorf(file, infoFile), file), /truncated|corrupt|not a morfologik/);
  }
  const fsa5 = Uint8Array.from(real.subarray(0, 4096));
  fsa5[4] = 0x05;
  assert.match(oneLineError(() => openPolimorf(write('fsa5.dict', fsa5), infoFile), 'fsa5.dict'), /FSA5/);
  const text = write('text.dict', 'subst:sg:nom:m1\n');
  assert.match(oneLineError(() => openPolimorf(text, infoFile), text), /not a morfologik automaton/);
  const addresses = Uint8Array.from(real);
  for (let i = 5000; i < 5100; i++) addresses[i] = 0xff; // a run of never-ending addresses
  const corrupt = write('corrupt.dict', addresses);
  assert.match(oneLineError(() => openPolimorf(corrupt, infoFile), corrupt), /corrupt|truncated/);
  const missing = join(dir, 'missing.dict');
  oneLineError(() => openPolimorf(missing, infoFile), missing);
  const badInfo = write('bad.info', 'fsa.dict.encoding=utf-8\n');
  oneLineError(() => openPolimorf(POLIMORF_FILES.dictionary, badInfo), badInfo);
  });
});
