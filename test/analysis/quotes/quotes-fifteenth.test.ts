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

test('a person with a role phrase closed by a comma before the verb is the subject, not a name inside the role', () => {
  let d = doc('Adam Wrona, dyrektor operacyjny Airbus Commercial Aircraft, przypomniał w programie radiowym, że firma pracuje nad konstrukcją skrzydeł. „Poważnie rozważamy, czy powinniśmy ten proces kontynuować” – dodał.', 'pl');
  d = withMentions(d, ['Adam Wrona', 'Adam Wrona', 'PER'], ['Airbus', 'Airbus', 'ORG'], ['Commercial Aircraft', 'Commercial Aircraft', 'PER']);
  const all = quotes(d);
  const q = quoteWith(all, 'firma pracuje');
  assert.equal(q.speaker?.name, 'Adam Wrona');
  assert.equal(q.speaker?.description, 'dyrektor operacyjny Airbus Commercial Aircraft');
  assert.equal(quoteWith(all, 'Poważnie rozważamy').speaker?.name, 'Adam Wrona');
});

test('a comma after a name with no role phrase before the verb is no apposition: the subject is found as before', () => {
  let d = doc('Po spotkaniu z Janem Nowakiem, Anna Lis powiedziała, że rozmowy były trudne.', 'pl');
  d = withMentions(d, ['Janem Nowakiem', 'Jan Nowak', 'PER'], ['Anna Lis', 'Anna Lis', 'PER']);
  assert.equal(quoteWith(quotes(d), 'rozmowy były trudne').speaker?.name, 'Anna Lis');
});

test('a clause of being asked before the verb names who asked, not who answers: the subject was dropped', () => {
  let d = doc('Minister Adam Wrona mówił o budżecie na unijne priorytety. Pytany przez dziennikarzy, czy Polska zgodziłaby się na podniesienie podatków UE, odparł: „Trwają rozmowy, jak ma wyglądać nowa perspektywa”.', 'pl');
  d = withMentions(d, ['Adam Wrona', 'Adam Wrona', 'PER'], ['Polska', 'Polska', 'LOC'], ['UE', 'UE', 'ORG']);
  assert.equal(quoteWith(quotes(d), 'Trwają rozmowy').speaker?.name, 'Adam Wrona');
});

test('a clause of being asked before the verb leaves the person named after its comma as the subject', () => {
  let d = doc('Zapytany przez dziennikarza agencji TASS o przyszłość gazociągu, Jan Kos powiedział, że rozmowy nie były prowadzone.', 'pl');
  d = withMentions(d, ['TASS', 'TASS', 'ORG'], ['Jan Kos', 'Jan Kos', 'PER']);
  assert.equal(quoteWith(quotes(d), 'rozmowy nie były').speaker?.name, 'Jan Kos');
});

test('"– wyjaśnił zapytany o koszty" is the dropped subject\'s words, not a speaker called "zapytany o koszty"', () => {
  let d = doc('Stały sekretarz urzędu celnego Jan Kos powiedział w parlamencie, że wyjście bez umowy będzie kosztowne. — Jeśli odwołamy się do reguł handlowych, to będzie to podobnie pod względem kosztów — wyjaśnił zapytany o koszty braku umowy.', 'pl');
  d = withMentions(d, ['Jan Kos', 'Jan Kos', 'PER']);
  assert.equal(quoteWith(quotes(d), 'Jeśli odwołamy się').speaker?.name, 'Jan Kos');
});

test('a role noun opening the sentence, read into a person\'s name, is the description: the person keeps the key of their full name', () => {
  let d = doc('Jan Kos przyjechał do Wiednia. Kanclerz Kos powiedział dziennikowi „Standard”, że w budżecie jest wiele wydatków, które można zakwestionować.', 'pl');
  d = withMentions(d, ['Jan Kos', 'Jan Kos', 'PER'], ['Kanclerz Kos', 'Kanclerz Kos', 'PER']);
  const q = quoteWith(quotes(d), 'wiele wydatków');
  assert.equal(q.speaker?.name, 'Kos');
  assert.equal(q.speaker?.key, 'jan kos');
  assert.equal(q.speaker?.description, 'kanclerz');
});

test('a capitalised role noun before a name the article never gives in full stays as the entity stage read it', () => {
  let d = doc('Kanclerz Kos powiedział, że w budżecie jest wiele wydatków.', 'pl');
  d = withMentions(d, ['Kanclerz Kos', 'Kanclerz Kos', 'PER']);
  assert.equal(quoteWith(quotes(d), 'wiele wydatków').speaker?.name, 'Kanclerz Kos');
});
