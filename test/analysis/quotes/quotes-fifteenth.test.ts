/**
 * Speakers of constructions the read stories and the audit pool showed going wrong, on sentences
 * built like the ones met there, names and details changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMentions } from './fixture.ts';

test('a dropped subject after marked words continues who the indirect step found speaking just before, not the role\'s possessor', () => {
  let d = doc('Rzecznik prasowy premier Lis – Adam Wrona oświadczył wczoraj, że rząd definitywnie zamierza opuścić porozumienie. „Premier przy wielu okazjach podkreślała, że musimy prowadzić niezależną politykę handlową” – powiedział.', 'pl');
  d = withMentions(d, ['Lis', 'Lis', 'PER'], ['Adam Wrona', 'Adam Wrona', 'PER']);
  const all = quotes(d);
  assert.equal(quoteWith(all, 'definitywnie zamierza').speaker?.name, 'Adam Wrona');
  assert.equal(quoteWith(all, 'przy wielu okazjach').speaker?.name, 'Adam Wrona');
});

test('a role noun after marked words is the holder the indirect step found with that role, not a name in a relative clause between', () => {
  let d = doc('Jak wyjaśnił minister informacji i środków masowego przekazu Adam Wrona, radykalna partia, z którą związany jest Piotr Zając, naciskała na przeprowadzenie protestu. „Aresztowanie ma na celu zapewnienie porządku publicznego” – oświadczył minister.', 'pl');
  d = withMentions(d, ['Adam Wrona', 'Adam Wrona', 'PER'], ['Piotr Zając', 'Piotr Zając', 'PER']);
  const all = quotes(d);
  assert.equal(quoteWith(all, 'Aresztowanie ma na celu').speaker?.name, 'Adam Wrona');
});

test('a name in another case the first reading took for a speaker ("według posła …") is not who speaks on', () => {
  let d = doc('Kowalski popierał reparacje. Mówimy o kwocie 850 mld dolarów – tyle według posła Arkadiusza Mazura. Jak zastrzegł, „kwestia reparacji jest dla mnie osobiście ważna i jako pierwszy urodzony w Polsce brytyjski poseł uważam, że powinienem ją podnieść”.', 'pl');
  d = withMentions(d, ['Kowalski', 'Kowalski', 'PER'], ['Arkadiusza Mazura', 'Arkadiusz Mazur', 'PER']);
  const all = quotes(d);
  assert.equal(quoteWith(all, 'kwestia reparacji').speaker?.name, 'Kowalski');
});
