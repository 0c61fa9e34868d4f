import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPlainText } from '../../src/ingest/plain-text.ts';
import { parsePublished } from '../../src/ingest/published.ts';

test('readPlainText: day-precision prefix, text continues on the first line', () => {
  const doc = readPlainText(' date 2023-09-12 Kreml przekazał komunikat.\n\nDrugi akapit.', 'a.txt');
  assert.deepEqual(doc.published, { value: '2023-09-12', precision: 'day' });
  assert.equal(doc.text, 'Kreml przekazał komunikat.\n\nDrugi akapit.');
  assert.equal(doc.format, 'text');
});

test('readPlainText: no prefix → published undefined, text untouched', () => {
  const doc = readPlainText('Kim Dzong Un jest już w Rosji.', 'b.txt');
  assert.equal(doc.published, undefined);
  assert.equal(doc.text, 'Kim Dzong Un jest już w Rosji.');
});

test('readPlainText: an impossible date is not eaten and not invented', () => {
  const doc = readPlainText(' date 2023-13 Tekst.', 'c.txt');
  assert.equal(doc.published, undefined);
  assert.equal(doc.text, ' date 2023-13 Tekst.');
});

test('parsePublished: feed and ISO forms keep honest precision', () => {
  assert.deepEqual(parsePublished('2023'), { value: '2023', precision: 'year' });
  assert.deepEqual(parsePublished('2023-02-30'), undefined);
  assert.deepEqual(parsePublished('Mon, 11 Sep 2023 10:30:00 +0200'), { value: '2023-09-11T08:30Z', precision: 'minute' });
  assert.deepEqual(parsePublished('2023-09-11T10:30:00+02:00'), { value: '2023-09-11T08:30Z', precision: 'minute' });
  assert.equal(parsePublished('wczoraj'), undefined);
});

test('readPlainText: a headline on the first line becomes the title and leaves the text', () => {
  const doc = readPlainText('Gigantyczne odprawy dla pilotów. Ryanair musi sięgnąć głęboko do kieszeni\n\nHistoria Ryanaira pełna jest pracowniczego niezadowolenia.\n', 'pl-ryanair.txt');
  assert.equal(doc.title, 'Gigantyczne odprawy dla pilotów. Ryanair musi sięgnąć głęboko do kieszeni');
  assert.equal(doc.text, 'Historia Ryanaira pełna jest pracowniczego niezadowolenia.\n');
  const dated = readPlainText(' date 2019-08 "Brexit będzie jak Hotel California"\nRząd Theresy May opublikował w czwartek plany, jak uniknąć twardej granicy.', 'b.txt');
  assert.equal(dated.title, '"Brexit będzie jak Hotel California"');
  assert.deepEqual(dated.published, { value: '2019-08', precision: 'month' });
  assert.match(dated.text, /^Rząd Theresy May/);
  const abbreviated = readPlainText('Londyn gotów zachować przepisy zgodne z unią celną po 2021 r.\n\nBrytyjski rząd chce zachować przepisy zgodne z unią celną.', 'c.txt');
  assert.equal(abbreviated.title, 'Londyn gotów zachować przepisy zgodne z unią celną po 2021 r.', 'the dot of "r." is no full stop');
});

test('readPlainText: a first line that is a sentence or a wrapped paragraph is not a headline', () => {
  const sentence = 'Ryanair – irlandzkie linie lotnicze z siedzibą w Dublinie. Flota liczy 437 samolotów.\n\nSpółka została założona w 1985 r.';
  assert.equal(readPlainText(sentence, 'a.txt').title, undefined, 'ends with a full stop');
  const wrapped = 'Wakacje to sezon strajków w liniach lotniczych. Już 10 sierpnia po raz\nkolejny protestować będą piloci Ryanaira, przez co odwołane zostały loty.';
  assert.equal(readPlainText(wrapped, 'b.txt').title, undefined, 'the next line continues the sentence');
  const even = 'Kim Dzong Un jest już w Rosji, gdzie ma się spotkać z Władimirem Putinem\nWedług ekspertów prezydent Rosji chce broni';
  assert.equal(readPlainText(even, 'c.txt').title, undefined, 'as long as the next line: a wrapped paragraph');
  assert.equal(readPlainText('Lista:\n\nPierwszy punkt listy i jego dłuższy opis.', 'd.txt').title, undefined, 'a colon leads on');
  assert.equal(readPlainText('Krótki tytuł\n\nKrótko.', 'e.txt').title, undefined, 'no body to speak of');
  assert.equal(readPlainText('Jedna linia bez końca', 'f.txt').title, undefined);
});
