/**
 * Words whose attribution comes after them in a sentence or paragraph of its own, on sentences built
 * like the ones the story eval met in scraped Polish news (a tweet or a quoted block that lost its
 * marks, then "- napisał X." or a paragraph "— tłumaczył."), names and details changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMention } from './fixture.ts';

test('a dash attribution after the words closes them; earlier sentences in the first person belong to them', () => {
  let d = doc('Premier skomentował ustalenia w sprawie umowy. Wśród nich jest milion Polaków. Udało nam się przekonać partnerów w najważniejszej kwestii. Solidarność europejska ma sens. - napisał na Twitterze Jan Nowak.\n\nDalsza część artykułu.', 'pl');
  d = withMention(d, 'Jan Nowak', 'Jan Nowak', 'PER');
  const all = quotes(d);
  const q = quoteWith(all, 'Udało nam się');
  assert.equal(q.speaker?.name, 'Jan Nowak');
  assert.equal(q.kind, 'direct');
  assert.ok(q.text.endsWith('Solidarność europejska ma sens'), q.text);
  assert.ok(!q.text.includes('milion Polaków'), 'a sentence in the third person before them is narration');
  assert.ok(!all.some((x) => x.text.startsWith('napisał')), 'the attribution is not speech of its own');
});

test('an attribution paragraph closes the quoted paragraph before it and takes the speaker named earlier', () => {
  let d = doc('Jak zauważa politolog Adam Kowal, taki wynik byłby możliwy tylko przy wysokiej frekwencji.\n\nMożna pomyśleć, że ludzie zmienili zdanie. Badania konsekwentnie wskazują, że wyborcy głosowaliby tak samo.\n\n— tłumaczył. Politolog pracuje na uniwersytecie.', 'pl');
  d = withMention(d, 'Adam Kowal', 'Adam Kowal', 'PER');
  const q = quoteWith(quotes(d), 'Badania konsekwentnie');
  assert.equal(q.kind, 'direct');
  assert.ok(q.text.startsWith('Można pomyśleć'), q.text);
  assert.equal(q.speaker?.name, 'Adam Kowal');
});

test('dash speech that opens with its own words is still speech', () => {
  let d = doc('Minister przyjechał do Brukseli. - Powiedziałem partnerom, że jesteśmy gotowi - dodał Jan Nowak.', 'pl');
  d = withMention(d, 'Jan Nowak', 'Jan Nowak', 'PER');
  const q = quoteWith(quotes(d), 'Powiedziałem partnerom');
  assert.equal(q.speaker?.name, 'Jan Nowak');
  assert.ok(!q.text.includes('Brukseli'));
});

test('a description after the subject\'s name and a comma is its apposition: the person speaks, not the role\'s organisation', () => {
  let d = doc('Jan Nowak, prezes spółki Aerolot oświadczył, że strajk był „niepotrzebny”. Anna Lis, przewodnicząca Partii Zielonych powiedziała, że rząd popełnił błąd.', 'pl');
  d = withMention(withMention(withMention(d, 'Jan Nowak', 'Jan Nowak', 'PER'), 'Aerolot', 'Aerolot', 'ORG'), 'Anna Lis', 'Anna Lis', 'PER');
  d = withMention(d, 'Partii Zielonych', 'Partia Zielonych', 'ORG');
  const all = quotes(d);
  assert.equal(quoteWith(all, 'niepotrzebny').speaker?.name, 'Jan Nowak');
  assert.equal(quoteWith(all, 'rząd popełnił błąd').speaker?.name, 'Anna Lis');
  assert.equal(quoteWith(all, 'rząd popełnił błąd').speaker?.description, 'przewodnicząca Partii Zielonych');
});

test('a prepositional phrase after the verb is no speaker; the dropped subject is the one named before', () => {
  let d = doc('Caroline Webb, szefowa partii, powiedziała podczas demonstracji, że obywatele powinni mieć głos. – Wierzę, że wyjście z Unii będzie katastrofą dla tego kraju – mówiła w czasie swojego wystąpienia do zgromadzonych.', 'pl');
  d = withMention(d, 'Caroline Webb', 'Caroline Webb', 'PER');
  assert.equal(quoteWith(quotes(d), 'będzie katastrofą').speaker?.name, 'Caroline Webb');
});

test('a time phrase after the verb leaves the speaker after it ("poinformował w środę wrocławski port lotniczy")', () => {
  const d = doc('- Z przykrością informujemy, że odwołany został dzisiejszy lot do Dublina - poinformował w środę wrocławski port lotniczy.', 'pl');
  assert.equal(quoteWith(quotes(d), 'Z przykrością').speaker?.name, 'wrocławski port lotniczy');
});

test('"czytamy w artykule wstępnym gazety" names the paper the article named before', () => {
  let d = doc('Rząd został ostro skrytykowany na łamach dziennika "Głos Poranny", ukazującego się w stolicy. "Jeszcze jeden rząd skapitulował wobec ekstremistów" - czytamy w artykule wstępnym gazety.', 'pl');
  d = withMention(d, 'Głos Poranny', 'Głos Poranny', 'PRO');
  assert.equal(quoteWith(quotes(d), 'skapitulował').speaker?.name, 'Głos Poranny');
});

test('"Zdaniem ministra" names the one the article just named in that role; "według ekspertów" stays the group', () => {
  let d = doc('Minister informacji Adam Kowal powiedział radiu, że rząd zgodził się na rozmowy. Zdaniem ministra, to, na co zdecydował się rząd, to "nie leczenie, ale gaszenie pożaru". Według ekspertów, kryzys potrwa jeszcze długo.', 'pl');
  d = withMention(d, 'Adam Kowal', 'Adam Kowal', 'PER');
  const all = quotes(d);
  assert.equal(quoteWith(all, 'gaszenie pożaru').speaker?.name, 'Adam Kowal');
  assert.equal(quoteWith(all, 'kryzys potrwa').speaker?.name, 'eksperci');
});

test('a role followed by a name ("Zdaniem prawnika chrześcijanki Jana Wolnego") is not given to the person named before', () => {
  let d = doc('Anna Nowak otrzymała zakaz opuszczania kraju. Zdaniem prawnika chrześcijanki Jana Wolnego, zakaz opuszczania kraju oznacza dla jego klientki zagrożenie życia.', 'pl');
  d = withMention(withMention(d, 'Anna Nowak', 'Anna Nowak', 'PER'), 'Jana Wolnego', 'Jan Wolny', 'PER');
  assert.notEqual(quoteWith(quotes(d), 'zagrożenie życia').speaker?.name, 'Anna Nowak');
});

test('a genitive the entity stage glued before a person\'s name is cut; a name of the dictionary\'s other cases stays ("Kim")', () => {
  let d = doc('Lider Liberałów Vince Cabel mówił telewizji, że "nadszedł czas, by zatrzymać bałagan". Kim Dzong Un powiedział, że dziękuje za zaproszenie i ciepłe przyjęcie.', 'pl');
  d = withMention(withMention(d, 'Liberałów Vince Cabel', 'Liberałów Vince Cabel', 'PER'), 'Kim Dzong Un', 'Kim Dzong Un', 'PER');
  const all = quotes(d);
  assert.equal(quoteWith(all, 'zatrzymać bałagan').speaker?.name, 'Vince Cabel');
  assert.equal(quoteWith(all, 'dziękuje za zaproszenie').speaker?.name, 'Kim Dzong Un');
});

test('a person\'s role before a name the entity stage did not mark gives the name; an organisation\'s name after the role does not', () => {
  let d = doc('"Przestrzeganie prawa nie podlega negocjacjom" - komentował też rzecznik Komisji Margos Sinas. "Rozmowy trwają dalej" - dodał rzecznik Komisji Europejskiej.', 'pl');
  // As the entity stage gave them: the organisation glued to the spokesman's name.
  d = withMention(withMention(d, 'Komisji Margos Sinas', 'Komisja Margos Sinas', 'ORG'), 'Komisji Europejskiej', 'Komisja Europejska', 'ORG');
  const all = quotes(d);
  assert.equal(quoteWith(all, 'Przestrzeganie prawa').speaker?.name, 'Margos Sinas');
  assert.notEqual(quoteWith(all, 'Rozmowy trwają').speaker?.name, 'Europejskiej');
});

test('an attribution inside the marks splits one speaker\'s words in two ("“A – mówi X. – B”")', () => {
  let d = doc('“Uwolnienie więźniarki jest wspaniałą wiadomością, ale pełnia szczęścia przyjdzie później – mówi Monteverdi. – Słuszne jest nieprzekazywanie informacji. Ona ma się dobrze i przebywa z rodziną. ” Przyszłość wciąż nie jest pewna.', 'pl');
  d = withMention(d, 'Monteverdi', 'Monteverdi', 'PER');
  const all = quotes(d);
  const first = quoteWith(all, 'wspaniałą wiadomością');
  const second = quoteWith(all, 'ma się dobrze');
  assert.equal(first.speaker?.name, 'Monteverdi');
  assert.equal(second.speaker?.name, 'Monteverdi');
  assert.ok(!first.text.includes('mówi'), first.text);
  assert.ok(second.text.startsWith('Słuszne'), second.text);
});

test('after a scraped link\'s label a dash opens speech; the teaser before it is no one\'s words', () => {
  let d = doc('Zadowolony z porozumienia jest również minister Adam Dawid.\n\nMinisterstwo zapowiedziało w środę, że obywatele U... zobacz więcej - Porozumienie, które zawarliśmy dziś, powinno nam dać pewność - powiedział Dawid na konferencji prasowej.', 'pl');
  d = withMention(withMention(d, 'Adam Dawid', 'Adam Dawid', 'PER'), 'Dawid', 'Dawid', 'PER');
  const all = quotes(d);
  const q = quoteWith(all, 'Porozumienie, które zawarliśmy');
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker?.name, 'Dawid');
  assert.ok(!all.some((x) => x.text.includes('zobacz więcej')), JSON.stringify(all.map((x) => x.text)));
});

test('a stand-alone attribution with a dropped subject continues the quote just before, not a name in another case', () => {
  let d = doc('Muszę pozostać przy życiu, aby kontynuować walkę o Annę Nowak. - powiedział adwokat przed wejściem na pokład. Spodziewałem się tego, ale bardziej bolesna jest reakcja władz. - zaznaczył.', 'pl');
  d = withMention(d, 'Annę Nowak', 'Anna Nowak', 'PER');
  const all = quotes(d);
  assert.equal(quoteWith(all, 'Spodziewałem się').speaker?.name, quoteWith(all, 'Muszę pozostać').speaker?.name);
  assert.notEqual(quoteWith(all, 'Spodziewałem się').speaker?.name, 'Anna Nowak');
});
