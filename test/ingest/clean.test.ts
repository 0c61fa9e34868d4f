import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText, splitParagraphs } from '../../src/ingest/clean.ts';

test('splitParagraphs: CRLF, NBSP, soft hyphens and runs of spaces normalised', () => {
  assert.deepEqual(splitParagraphs('Pierwszy\u00a0 akapit\r\nciąg dalszy.\r\n\r\n\r\n  Dru\u00adgi\takapit.  '), [
    'Pierwszy akapit ciąg dalszy.',
    'Drugi akapit.',
  ]);
});

test('cleanText: paragraphs joined by exactly one blank line', () => {
  const { text } = cleanText('Jeden.\n\n\n\nDwa.\n \nTrzy.', 'pl');
  assert.equal(text, 'Jeden.\n\nDwa.\n\nTrzy.');
});

test('cleanText: "Czytaj także:" inline with a headline drops the paragraph, body after it stays', () => {
  const input = [
    'Rząd przyjął projekt ustawy o obronie cywilnej.',
    'Czytaj także: Sejm zajmie się ustawą w przyszłym tygodniu',
    '- To ważny dzień dla bezpieczeństwa kraju - powiedział minister.',
  ].join('\n\n');
  const { text, removed } = cleanText(input, 'pl');
  assert.equal(text, 'Rząd przyjął projekt ustawy o obronie cywilnej.\n\n- To ważny dzień dla bezpieczeństwa kraju - powiedział minister.');
  assert.deepEqual(removed.map((r) => r.kind), ['related', 'related']);
});

test('cleanText: a related block stops at the first body paragraph', () => {
  const body = 'Minister spraw zagranicznych spotkał się w czwartek z ambasadorem, by omówić sytuację na granicy i dalsze kroki dyplomatyczne.';
  const { text } = cleanText(`Zobacz też:\n\nPowódź na południu kraju\n\n${body}`, 'pl');
  assert.equal(text, body);
});

test('cleanText: photo credits and captions', () => {
  const input = [
    'Fot. PAP/Leszek Szymański',
    'Premier podczas konferencji w Warszawie. Fot. Reuters/ Kacper Pempel',
    'Premier zapowiedział zmiany w rządzie.',
  ].join('\n\n');
  const { text, removed } = cleanText(input, 'pl');
  assert.equal(text, 'Premier zapowiedział zmiany w rządzie.');
  assert.deepEqual(removed.map((r) => r.kind), ['photo-credit', 'photo-credit']);
});

test('cleanText: a credit glued to the front of a long paragraph goes, the paragraph stays', () => {
  const body = 'Rachunek za wyjście z Unii. Wystąpienie z Unii Europejskiej może kosztować Wielką Brytanię co najmniej ' +
    '60 miliardów euro - wynika z analiz, jakie przeprowadził dziennikarz "Financial Timesa" dla jednego z think tanków. ' +
    'Najwięcej kraj musi przeznaczyć na dotychczasowe zobowiązania.';
  const { text, removed } = cleanText(`Foto: EPA/PAUL MCERLANE/PAP ${body}\n\nFoto: PAP/Leszek Szymański`, 'pl');
  assert.equal(text, body);
  assert.deepEqual(removed.map((r) => r.text), ['Foto: EPA/PAUL MCERLANE/PAP', 'Foto: PAP/Leszek Szymański']);
});

test('cleanText: English share, cookie, newsletter, image credit and Read more lines', () => {
  const input = [
    'The prime minister announced a cabinet reshuffle on Monday.',
    'Share on Facebook',
    'We use cookies to improve your experience on our site.',
    'Sign up for our daily newsletter',
    '(Image credit: Getty Images)',
    'Read more: Cabinet reshuffle explained',
    'Opposition leaders called the move a distraction.',
  ].join('\n\n');
  const { text, removed } = cleanText(input, 'en');
  assert.equal(text, 'The prime minister announced a cabinet reshuffle on Monday.\n\nOpposition leaders called the move a distraction.');
  assert.deepEqual(removed.map((r) => r.kind), ['share', 'cookie', 'newsletter', 'photo-credit', 'related', 'related']);
});

test('cleanText: ordinary sentences mentioning cookies or photos are kept', () => {
  const input = 'Regulator fined the company for placing cookies without consent.\n\nThe photo was taken in 2019, officials said.';
  assert.equal(cleanText(input, 'en').text, input);
});

test('cleanText: a long body paragraph with a credit glued on keeps its text', () => {
  const body =
    'Premier zapowiedział w piątek zmiany w rządzie. Nowi ministrowie mają zostać powołani jeszcze przed końcem miesiąca, ' +
    'a pierwsze posiedzenie nowej Rady Ministrów odbędzie się w poniedziałek. Opozycja zapowiada wniosek o wotum nieufności.';
  const { text, removed } = cleanText(`${body} Fot. PAP/Leszek Szymański`, 'pl');
  assert.equal(text, body);
  assert.deepEqual(removed, [{ kind: 'photo-credit', text: 'Fot. PAP/Leszek Szymański' }]);
});

test('cleanText: body text run into a marker stays; only the marker goes', () => {
  const tail =
    'Klasa biznes w Emirates. Sprawdziliśmy, co oferuje na trasie między Warszawą i Dubajem Branża przewozowa obawia się ' +
    'Brexitu. Buczek dodał, że w czarnym scenariuszu wielu klientów wycofa się z handlu z Wielką Brytanią.';
  const { text, removed } = cleanText(`Prezes nie wyobraża sobie, żeby handel utrzymał się na tym poziomie. Zobacz też: ${tail}`, 'pl');
  assert.equal(text, `Prezes nie wyobraża sobie, żeby handel utrzymał się na tym poziomie.\n\n${tail}`);
  assert.deepEqual(removed, [{ kind: 'related', text: 'Zobacz też:' }]);
});

test('cleanText: a headline ending in a full stop on the marker line is dropped', () => {
  const { text } = cleanText('Tekst artykułu.\n\nZobacz także: Bohater z Polski. Za to co zrobił, w nagrodę poleci do Indii.', 'pl');
  assert.equal(text, 'Tekst artykułu.');
});

test('cleanText: a link teaser glued to the front of a paragraph ("…w ogromnyc... zobacz więcej") goes, the body after it stays', () => {
  // Nord Stream 2, 2018-11 (Perry in Warsaw): a teaser cut off mid-word, then the article's own text.
  const input = [
    'Perry i Piotr Naimski, sekretarz stanu w KPRM podpisali porozumienie między Polską i USA o strategicznym dialogu w obszarze energii.',
    'Węgiel kamienny, ropa naftowa i gaz ziemny - to surowce, które Polska w ogromnyc... zobacz więcej Polska jest jednym z największych przeciwników budowy gazociągu Nord Stream 2.',
  ].join('\n\n');
  const { text, removed } = cleanText(input, 'pl');
  assert.equal(text, 'Perry i Piotr Naimski, sekretarz stanu w KPRM podpisali porozumienie między Polską i USA o strategicznym dialogu w obszarze energii.\n\nPolska jest jednym z największych przeciwników budowy gazociągu Nord Stream 2.');
  assert.deepEqual(removed, [{ kind: 'related', text: 'Węgiel kamienny, ropa naftowa i gaz ziemny - to surowce, które Polska w ogromnyc... zobacz więcej' }]);
  // An ellipsis in body text with no link label after it, or the label further into a paragraph, is text.
  const body = 'Minister zapowiedział zmiany... Szczegóły mają być znane w piątek.\n\nWięcej informacji, jak napisano, zobacz więcej na stronie ministerstwa.';
  assert.equal(cleanText(body, 'pl').text, body);
});
