/**
 * Speakers of constructions the development sample (eval/data/quotes-dev) and the audit pool showed
 * going wrong, on sentences built like the ones met there, names and details changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMentions } from './fixture.ts';

test('"ich zdaniem" inside a clause a verb reports is the verb subject\'s, not a source of its own', () => {
  let d = doc('Przedstawiciele związku zawodowego pilotów ZZP poinformowali, że zamierzają strajkować z powodu warunków pracy, które ich zdaniem są gorsze niż w innych liniach.', 'pl');
  d = withMentions(d, ['ZZP', 'ZZP', 'ORG']);
  const q = quoteWith(quotes(d), 'zamierzają strajkować');
  assert.equal(q.cue?.text, 'poinformowali');
  assert.equal(q.speaker?.name, 'ZZP');
  assert.ok(q.text.startsWith('zamierzają'), q.text);
});

test('"według" opening a sentence still names the source of the words after it', () => {
  let d = doc('Według Jana Nowaka rząd powinien jak najszybciej zmienić przepisy o lotach.', 'pl');
  d = withMentions(d, ['Jana Nowaka', 'Jan Nowak', 'PER']);
  assert.equal(quoteWith(quotes(d), 'rząd powinien').speaker?.name, 'Jan Nowak');
});

test('a clause opened by "że" before the verb is no speaker: its own subject, or the sentence\'s', () => {
  const counted = quoteWith(quotes(doc('Dobrą wiadomością dla rządu jest to, że 67 proc. badanych uważa, że ich kraj skorzystał na członkostwie.', 'pl')), 'ich kraj skorzystał');
  assert.equal(counted.speaker?.name, '67 proc. badanych');
  let d = doc('Jan Nowak odpiera zarzut, że jest lobbystą koncernu, i twierdzi, że „dostarczał tylko analizy rynku i doradzał w sprawie strategii”.', 'pl');
  d = withMentions(d, ['Jan Nowak', 'Jan Nowak', 'PER']);
  assert.equal(quoteWith(quotes(d), 'dostarczał tylko').speaker?.name, 'Jan Nowak');
});

test('a role\'s organisation with its acronym in brackets still names the person after it', () => {
  let d = doc('„Jeśli tylko 5 proc. obywateli nie poradzi sobie z systemem, będziemy mieć wielki problem” – mówiła rzeczniczka Walijskiej Partii Narodowej (WPN) Anna Gray.', 'pl');
  d = withMentions(d, ['Walijskiej Partii Narodowej', 'Walijska Partia Narodowa', 'ORG'], ['WPN', 'WPN', 'ORG'], ['Anna Gray', 'Anna Gray', 'ORG']);
  assert.equal(quoteWith(quotes(d), 'poradzi sobie').speaker?.name, 'Anna Gray');
});

test('an organisation named in the genitive after its role noun is the subject: "Agencja Reutera zaznaczyła"', () => {
  let d = doc('Unia Europejska przyjęła wytyczne. Agencja Reutera zaznaczyła, że w razie braku porozumienia Wielkiej Brytanii grozi chaotyczne wyjście.', 'pl');
  d = withMentions(d, ['Unia Europejska', 'Unia Europejska', 'ORG'], ['Reutera', 'Reuter', 'ORG'], ['Wielkiej Brytanii', 'Wielka Brytania', 'LOC']);
  assert.equal(quoteWith(quotes(d), 'grozi chaotyczne').speaker?.name, 'Reuter');
  // The possessor of a person's role stays no speaker: "Rzecznik Reutera" is someone else.
  let p = doc('Unia Europejska przyjęła wytyczne. Rzecznik Reutera zaznaczył, że w razie braku porozumienia Wielkiej Brytanii grozi chaotyczne wyjście.', 'pl');
  p = withMentions(p, ['Unia Europejska', 'Unia Europejska', 'ORG'], ['Reutera', 'Reuter', 'ORG'], ['Wielkiej Brytanii', 'Wielka Brytania', 'LOC']);
  assert.notEqual(quoteWith(quotes(p), 'grozi chaotyczne').speaker?.name, 'Reuter');
});

test('a sentence opening with its own past verb dropped its subject: the person in another case after it is the object', () => {
  let d = doc('Jan Lis, były minister finansów, uważa z kolei, że słowa byłego premiera to „próba sabotowania wyniku głosowania”. Oskarżył Kowala o to, że przejawia – jak to określił – „unijną mentalność” nakazującą powtarzać głosowania.', 'pl');
  d = withMentions(d, ['Jan Lis', 'Jan Lis', 'PER'], ['Kowala', 'Kowal', 'PER']);
  assert.equal(quoteWith(quotes(d), 'unijną mentalność').speaker?.name, 'Jan Lis');
});
