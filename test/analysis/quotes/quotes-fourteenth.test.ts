/**
 * Speakers of constructions the development sample (eval/data/quotes-dev) and the audit pool showed
 * going wrong, on sentences built like the ones met there, names and details changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMentions, type Doc } from './fixture.ts';

/** Gives a mention the key the entity stage gives a demonym: its country's ("geo-ie"). */
function keyed(d: Doc, surface: string, key: string): void {
  const at = d.mentions.findIndex((m) => m.text === surface);
  d.mentions[at] = { ...d.mentions[at]!, key };
}

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

test('a demonym as the speaker is the person who spoke just before, else the subject named before', () => {
  let d = doc('We wtorek szef linii lotniczej Michael Ryan ostrzegł, że przyszły rok będzie dla niej zły. – Wszyscy czekają, aż rząd podejmie w tej sprawie decyzję – powiedział Irlandczyk. Jego zdaniem linia będzie musiała zmienić strukturę akcjonariatu.', 'pl');
  d = withMentions(d, ['Michael Ryan', 'Michael Ryan', 'PER'], ['Irlandczyk', 'Irlandczyk', 'PER']);
  keyed(d, 'Irlandczyk', 'geo-ie');
  const all = quotes(d);
  assert.equal(quoteWith(all, 'Wszyscy czekają').speaker?.name, 'Michael Ryan');
  assert.equal(quoteWith(all, 'linia będzie musiała').speaker?.name, 'Michael Ryan');
  let e = doc('Sekretarz energii USA Rick Perry przyjechał do Warszawy. – Moskwa nie może dłużej używać energetyki jako broni ekonomicznej – zadeklarował Amerykanin.', 'pl');
  e = withMentions(e, ['USA', 'USA', 'LOC'], ['Rick Perry', 'Rick Perry', 'PER'], ['Amerykanin', 'Amerykanin', 'PER']);
  keyed(e, 'Amerykanin', 'geo-us');
  assert.equal(quoteWith(quotes(e), 'Moskwa nie może').speaker?.name, 'Rick Perry');
  // A group in another case is no one person: "36 proc. Polaków uznaje" stays theirs.
  let g = doc('Jan Nowak przedstawił raport. Z raportu wynika, że 36 proc. Polaków uznaje, że wejście do strefy euro ułatwi im wyjazd.', 'pl');
  g = withMentions(g, ['Jan Nowak', 'Jan Nowak', 'PER'], ['Polaków', 'Polacy', 'PER']);
  keyed(g, 'Polaków', 'geo-pl');
  assert.notEqual(quoteWith(quotes(g), 'wejście do strefy').speaker?.name, 'Jan Nowak');
});

test('an adverb after the verb is no part of a described speaker, unless it says where the words were read', () => {
  const q = quoteWith(quotes(doc('„Jeśli chwali się morderców niewinnych ludzi, to dokąd zmierza to społeczeństwo” – zapytał retorycznie pakistański publicysta.', 'pl')), 'chwali się');
  assert.equal(q.speaker?.name, 'pakistański publicysta');
  let d = doc('Komisja Europejska odpowiedziała na petycję. Komisja Europejska nie skomentowała sprawy. „Linie lotnicze wielokrotnie wzywały do wprowadzenia trzech prostych kroków przeciw strajkom” – czytamy dalej w komunikacie.', 'pl');
  d = withMentions(d, ['Komisja Europejska', 'Komisja Europejska', 'ORG']);
  assert.notEqual(quoteWith(quotes(d), 'wielokrotnie wzywały').speaker?.name, 'Komisja Europejska');
});

test('a verb that gives marked words after its object and a colon is the subject\'s: "wypowiedziała m.in. słowa: „…”"', () => {
  let d = doc('W odpowiedzi Anna Lis wypowiedziała m.in. słowa: „Nie wyrzeknę się swojej wiary, nawet jeśli mam za to zapłacić życiem”.', 'pl');
  d = withMentions(d, ['Anna Lis', 'Anna Lis', 'PER']);
  const q = quoteWith(quotes(d), 'Nie wyrzeknę się');
  assert.equal(q.kind, 'direct');
  assert.equal(q.cue?.text, 'wypowiedziała');
  assert.equal(q.speaker?.name, 'Anna Lis');
  // Its object is never the speaker: a dropped subject is the person named before.
  d = withMentions(doc('Premier Anna Lis odwiedziła w piątek Gdańsk. Podczas wizyty wypowiedziała m.in. słowa: „Nie pozwolimy, by ktokolwiek odebrał nam prawo do decydowania o przyszłości”.', 'pl'), ['Anna Lis', 'Anna Lis', 'PER']);
  assert.equal(quoteWith(quotes(d), 'Nie pozwolimy').speaker?.name, 'Anna Lis');
  d = withMentions(doc('Przewoźnik Tanie Linie poproszony o komentarz przysłał poniższe oświadczenie: „Tanie Linie w pełni przestrzegają wszystkich unijnych przepisów dotyczących pracy”.', 'pl'), ['Tanie Linie', 'Tanie Linie', 'ORG']);
  assert.equal(quoteWith(quotes(d), 'w pełni przestrzegają').speaker?.name, 'Tanie Linie');
});

test('such a verb reads only a colon right before the marks: without one it introduces nothing', () => {
  let d = doc('Anna Lis przedstawiła w piątek projekt ustawy o „ochronie danych osobowych obywateli w sieci i poza nią przed firmami”.', 'pl');
  d = withMentions(d, ['Anna Lis', 'Anna Lis', 'PER']);
  assert.ok(!quotes(d).some((q) => q.speaker?.name === 'Anna Lis'));
});
