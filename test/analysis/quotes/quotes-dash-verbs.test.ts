/**
 * Dash speech closed by reporting verbs the lists lacked ("wyjaśniał", "dodawał", "odparł"), a
 * predicative word after the verb ("dopytywała zaskoczona"), a lone surname's gender, and a role
 * whose organisation stands in a prepositional phrase of names ("ekspert z Instytutu … Uniwersytetu
 * …"). Sentences built like the ones met in the dev articles, names and details changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMention, withMentions } from './fixture.ts';

test('an imperfective reporting verb after a dash ends the speech: the next speaker\'s words are theirs', () => {
  let d = doc('Po wyjściu z Unii w porządku prawnym zostanie wiele aktów. - Ustalono, że rząd będzie mógł swobodnie je zmieniać i uchylać w całości - wyjaśniał Jan Wiśniak. - Tę władzę przeniesiono z parlamentu na rząd i to ministrowie będą o tym decydować - dodał ekspert z Instytutu Studiów Politycznych Uniwersytetu Gdańskiego.', 'pl');
  d = withMentions(d,
    ['Jan Wiśniak', 'Jan Wiśniak', 'PER'],
    ['Instytutu Studiów Politycznych', 'Instytut Studiów Politycznych', 'ORG'],
    ['Uniwersytetu Gdańskiego', 'Uniwersytet Gdański', 'ORG']);
  const all = quotes(d);
  const first = quoteWith(all, 'Ustalono, że rząd');
  assert.equal(first.speaker?.name, 'Jan Wiśniak');
  assert.ok(!first.text.includes('wyjaśniał'), `the attribution is no part of the words: ${first.text}`);
  const second = quoteWith(all, 'Tę władzę przeniesiono');
  assert.notEqual(second.speaker?.name, 'Uniwersytet Gdański', 'the university is where the expert works, not who speaks');
  assert.match(second.speaker?.name ?? '', /^ekspert/u);
});

test('"odparł", "dodawał" and "argumentował" close dash speech like "powiedział"', () => {
  let d = doc('Czy to koniec rozmów? - Oczywiście, że nie - odparł Piotr Malinowski. - Będziemy dalej negocjować z zarządem - dodawał. - Pracownicy mają prawo do podwyżek - argumentował.', 'pl');
  d = withMention(d, 'Piotr Malinowski', 'Piotr Malinowski', 'PER');
  const all = quotes(d);
  assert.equal(quoteWith(all, 'Oczywiście, że nie').speaker?.name, 'Piotr Malinowski');
  const next = quoteWith(all, 'Będziemy dalej negocjować');
  assert.ok(!next.text.includes('dodawał'), next.text);
  assert.equal(next.speaker?.name, 'Piotr Malinowski');
  assert.equal(quoteWith(all, 'prawo do podwyżek').speaker?.name, 'Piotr Malinowski');
});

test('a word saying how she spoke ("dopytywała zaskoczona") is no speaker; her surname alone keeps her gender', () => {
  const d = doc('Sąd uniewinnił Annę Kowal. Kowal nie była obecna na sali, ale udzieliła komentarza przez telefon. – Nie mogę uwierzyć w to, co słyszę. Naprawdę mnie wypuszczą? – dopytywała zaskoczona. Wyrok zapadł w środę.', 'pl');
  // One person, one key: the full name in the accusative, then the surname alone.
  for (const [surface, base] of [['Annę Kowal', 'Anna Kowal'], ['Kowal', 'Kowal']] as const) {
    const at = d.text.indexOf(surface, surface === 'Kowal' ? d.text.indexOf('. Kowal') : 0);
    d.mentions.push({ start: at, end: at + surface.length, text: surface, base, type: 'PER', key: 'anna-kowal' });
  }
  d.mentions.sort((a, b) => a.start - b.start);
  const q = quoteWith(quotes(d), 'Nie mogę uwierzyć');
  assert.equal(q.speaker?.name, 'Kowal');
  assert.ok(!q.text.includes('dopytywała'), q.text);
});

test('a lone surname of a man named in full is no subject of a feminine verb', () => {
  const d = doc('Sąd wysłuchał Jana Kowala. Kowal nie był obecny na sali. – Nie zgadzam się z tym wyrokiem – mówiła zaskoczona.', 'pl');
  for (const [surface, base] of [['Jana Kowala', 'Jan Kowal'], ['Kowal', 'Kowal']] as const) {
    const at = d.text.indexOf(surface, surface === 'Kowal' ? d.text.indexOf('. Kowal') : 0);
    d.mentions.push({ start: at, end: at + surface.length, text: surface, base, type: 'PER', key: 'jan-kowal' });
  }
  d.mentions.sort((a, b) => a.start - b.start);
  assert.notEqual(quoteWith(quotes(d), 'Nie zgadzam się').speaker?.name, 'Kowal');
});

test('a counted group before a neuter verb is the subject ("W sondażu … 53 proc. respondentów powiedziało, że"), not the last organisation', () => {
  let d = doc('Marsz zorganizowała koalicja przeciwników wyjścia z UE. W opublikowanym w piątek sondażu ośrodka Pollster 53 proc. respondentów powiedziało, że gdyby referendum odbyło się tego dnia, zagłosowaliby za pozostaniem w UE.', 'pl');
  d = withMention(withMention(d, 'UE', 'UE', 'ORG'), 'Pollster', 'Pollster', 'ORG');
  assert.equal(quoteWith(quotes(d), 'gdyby referendum').speaker?.name, '53 proc. respondentów');
});
