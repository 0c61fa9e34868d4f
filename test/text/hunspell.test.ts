import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWord, buildHunspell, parseAff, parseDic } from '../../src/text/hunspell.ts';

// A miniature of dictionary-pl's format: suffix classes with strip/add/condition, a cross-product
// prefix, a flagless entry, and a capitalised name.
const AFF = `SET UTF-8
PFX b Y 1
PFX b   0         nie       .

SFX Q Y 2
SFX Q   0         iem       [gk]
SFX Q   0         u         [^aeiou]

SFX M Y 2
SFX M   a         i         ja
SFX M   a         ą         a

SFX N N 1
SFX N   y         e         y
`;
const DIC = `5
pociąg/Q
amunicja/M
Kreml/Q
pewny/Nb
od
`;

const data = buildHunspell(parseAff(AFF), parseDic(DIC));
const lemmas = (word: string) => analyzeWord(data, word).map((a) => a.lemma);

test('hunspell: parses rules with strip, add, condition and cross-product flag', () => {
  const rules = parseAff(AFF);
  assert.equal(rules.length, 6);
  const m = rules.find((r) => r.flag === 'M' && r.add === 'i')!;
  assert.equal(m.strip, 'a');
  assert.ok(m.condition!.test('amunicja'));
  assert.equal(m.condition!.test('amunicjo'), false);
  assert.equal(rules.find((r) => r.flag === 'N')!.crossProduct, false);
  assert.equal(rules.find((r) => r.kind === 'PFX')!.add, 'nie');
});

test('hunspell: parses stems and flags, merging homonyms', () => {
  const stems = parseDic('2\nzamek/A\nzamek/B\n');
  assert.equal(stems.get('zamek'), 'AB');
  assert.equal(parseDic(DIC).get('od'), '');
});

test('hunspell: reverses suffix rules, checking flag and condition', () => {
  assert.deepEqual(lemmas('pociągiem'), ['pociąg']);
  assert.deepEqual(lemmas('amunicji'), ['amunicja']);
  assert.deepEqual(lemmas('Kremlu'), ['Kreml']);
  // The stem exists but lacks the flag of the only rule producing "-i".
  assert.deepEqual(lemmas('pociągi'), []);
  // "Kreml" has flag Q, but the "-iem" rule's condition [gk] fails for it.
  assert.deepEqual(lemmas('Kremliem'), []);
});

test('hunspell: a word that is a stem is its own analysis, with edit 0', () => {
  const [a] = analyzeWord(data, 'od');
  assert.equal(a.lemma, 'od');
  assert.equal(a.edit, 0);
});

test('hunspell: prefixes keep their text in the lemma; cross-products need both rules to allow it', () => {
  assert.deepEqual(lemmas('niepewny'), ['niepewny']);
  // SFX N is not cross-product, so "nie" + "pewne" is not derivable.
  assert.deepEqual(lemmas('pewne'), ['pewny']);
  assert.deepEqual(lemmas('niepewne'), []);
});

test('hunspell: case is not folded by the analyser itself', () => {
  assert.deepEqual(lemmas('kremlu'), []);
});

test('stem table: lookups by string and by word prefix + strip, homonyms merged', async () => {
  const { StemTable, FNV_OFFSET, fnvExtend } = await import('../../src/text/stem-table.ts');
  const table = new StemTable('4\nzamek/A\nKreml/Q\nzamek/B\nod\n');
  assert.equal(table.size, 3);
  assert.equal(table.get('zamek'), 'AB');
  assert.equal(table.get('od'), '');
  assert.equal(table.get('Kreml'), 'Q');
  assert.equal(table.get('kreml'), undefined);
  assert.equal(table.has('zame'), false);
  // "Kremlowi" minus "owi" plus "" → "Kreml", found without building the string.
  const slot = table.findParts(fnvExtend(FNV_OFFSET, 'Kreml'), 'Kremlowi', 5, '');
  assert.equal(table.flagsAt(slot), 'Q');
  assert.equal(table.findParts(fnvExtend(FNV_OFFSET, 'Kremla'), 'Kremlowi', 5, 'a'), -1);
});

test('stem table: the real dictionary-pl loads every stem', async () => {
  const { loadPolishDictionary } = await import('../../src/text/lemma-pl.ts');
  const { stems } = loadPolishDictionary();
  assert.ok(stems.size > 290_000, String(stems.size));
  assert.equal(stems.get('pociąg'), 'NQsT');
  assert.equal(stems.get('Władywostok'), 'Q');
});
