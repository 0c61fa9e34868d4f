import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/text/index.ts';
import type { Language } from '../../src/types.ts';

/** [name, language, input, expected sentences] — one behaviour per row. */
const CASES: Array<[string, Language, string, string[]]> = [
  ['plain two sentences', 'pl', 'Kim przyjechał. Putin czekał.', ['Kim przyjechał.', 'Putin czekał.']],
  ['question and exclamation', 'pl', 'Czy przyjedzie? Tak! Na pewno.', ['Czy przyjedzie?', 'Tak!', 'Na pewno.']],
  ['m.in. before a name', 'pl', 'Byli tam m.in. Putin i Szojgu. Koniec.', ['Byli tam m.in. Putin i Szojgu.', 'Koniec.']],
  ['m.in. before lower case', 'pl', 'Przekaże m.in. żywność. Potem broń.', ['Przekaże m.in. żywność.', 'Potem broń.']],
  ['sentence-final r. before capital', 'pl', 'Spotkali się w 2019 r. Potem było gorzej.', ['Spotkali się w 2019 r.', 'Potem było gorzej.']],
  ['date with r. continues', 'pl', '30 czerwca 2019 r. doszło do spotkania.', ['30 czerwca 2019 r. doszło do spotkania.']],
  ['r. before a number continues', 'pl', 'Od 2019 r. 5 razy się spotkali.', ['Od 2019 r. 5 razy się spotkali.']],
  ['itd. ends a sentence', 'pl', 'Kupują broń, amunicję itd. Rosja płaci.', ['Kupują broń, amunicję itd.', 'Rosja płaci.']],
  ['itp. ends a sentence', 'pl', 'Czołgi, rakiety itp. Wszystko to trafi na front.', ['Czołgi, rakiety itp.', 'Wszystko to trafi na front.']],
  ['itd. mid sentence', 'pl', 'Czołgi, rakiety itd. trafią na front.', ['Czołgi, rakiety itd. trafią na front.']],
  ['ws. before a capital', 'pl', 'Rzecznik ds. Azji i doradca ws. Korei milczą.', ['Rzecznik ds. Azji i doradca ws. Korei milczą.']],
  // A real sentence (BSNLP nord_stream 1101): "dot." (dotyczący) governs the noun after it.
  ['dot. before a capital', 'pl', 'Premier był pytany, czy w trakcie dyskusji dot. Rosji pojawił się temat Nord Stream 2. Tak.', ['Premier był pytany, czy w trakcie dyskusji dot. Rosji pojawił się temat Nord Stream 2.', 'Tak.']],
  ['tj. before a capital', 'pl', 'W środę, tj. 13 września. Dalej.', ['W środę, tj. 13 września.', 'Dalej.']],
  ['np. before a capital', 'pl', 'Kraje, np. Chiny, milczą.', ['Kraje, np. Chiny, milczą.']],
  ['ok. before a number', 'pl', 'Przyjechało ok. 50 osób. Było zimno.', ['Przyjechało ok. 50 osób.', 'Było zimno.']],
  ['proc. ends a sentence', 'pl', 'Inflacja wyniosła 5 proc. Rząd milczy.', ['Inflacja wyniosła 5 proc.', 'Rząd milczy.']],
  ['proc. mid sentence', 'pl', 'Wzrost o 5 proc. w skali roku.', ['Wzrost o 5 proc. w skali roku.']],
  ['tys. mid sentence', 'pl', 'Zginęło 10 tys. żołnierzy. Tak podano.', ['Zginęło 10 tys. żołnierzy.', 'Tak podano.']],
  ['ul. before a street name', 'pl', 'Mieszka przy ul. Marszałkowskiej w Warszawie.', ['Mieszka przy ul. Marszałkowskiej w Warszawie.']],
  ['prof. before a name', 'pl', 'Mówi prof. Nowak. Ekspert.', ['Mówi prof. Nowak.', 'Ekspert.']],
  ['dr without dot', 'pl', 'Mówi dr Kowalski. Ekspert.', ['Mówi dr Kowalski.', 'Ekspert.']],
  ['gen. before a name', 'pl', 'Dowodzi gen. Gierasimow. Tak.', ['Dowodzi gen. Gierasimow.', 'Tak.']],
  ['godz. before a time', 'pl', 'O godz. 10 zaczęło się. Koniec.', ['O godz. 10 zaczęło się.', 'Koniec.']],
  ['tzw. before a capital', 'pl', 'Tak zwany tzw. Zachód milczy.', ['Tak zwany tzw. Zachód milczy.']],
  ['św. before a name', 'pl', 'W katedrze św. Jana modlono się.', ['W katedrze św. Jana modlono się.']],
  ['mln mid sentence', 'pl', 'Wysłano 1 mln pocisków. Rosja płaci.', ['Wysłano 1 mln pocisków.', 'Rosja płaci.']],
  ['initial in a name', 'pl', 'Władimir W. Putin przyjechał. Kim czekał.', ['Władimir W. Putin przyjechał.', 'Kim czekał.']],
  ['single initial', 'pl', 'Jak mówi J. Kowalski, to koniec.', ['Jak mówi J. Kowalski, to koniec.']],
  ['lower-case w. (century) ends a sentence', 'pl', 'Tak było w XX w. Teraz jest inaczej.', ['Tak było w XX w.', 'Teraz jest inaczej.']],
  ['ellipsis before capital', 'pl', 'Czekali… Potem wyszli.', ['Czekali…', 'Potem wyszli.']],
  ['three dots before capital', 'pl', 'Czekali... Potem wyszli.', ['Czekali...', 'Potem wyszli.']],
  ['ellipsis before lower case', 'pl', 'Czekali… i czekali.', ['Czekali… i czekali.']],
  ['elided quotation (…)', 'pl', 'Powiedział: „Nie (…) Rosja wygra”. Koniec.', ['Powiedział: „Nie (…) Rosja wygra”.', 'Koniec.']],
  ['decimal with dot', 'pl', 'Wzrost wyniósł 1.5 punktu. Spadek 2.3.', ['Wzrost wyniósł 1.5 punktu.', 'Spadek 2.3.']],
  ['decimal with comma', 'pl', 'Wzrost wyniósł 1,5 proc. w maju.', ['Wzrost wyniósł 1,5 proc. w maju.']],
  ['URL with dots', 'pl', 'Więcej na www.onet.pl/wiadomosci. Zapraszamy.', ['Więcej na www.onet.pl/wiadomosci.', 'Zapraszamy.']],
  ['URL with scheme', 'pl', 'Źródło: https://tass.ru/a.html podało to. Tak.', ['Źródło: https://tass.ru/a.html podało to.', 'Tak.']],
  ['quote closing after full stop', 'pl', 'Powiedział: „Idziemy”. Potem wyszedł.', ['Powiedział: „Idziemy”.', 'Potem wyszedł.']],
  ['exclamation inside quote', 'pl', '„Idziemy!” – powiedział. Potem wyszedł.', ['„Idziemy!” – powiedział.', 'Potem wyszedł.']],
  ['dash speech line', 'pl', '- Dziękujemy za zaproszenie - powiedział Kim. Putin skinął głową.', ['- Dziękujemy za zaproszenie - powiedział Kim.', 'Putin skinął głową.']],
  ['two dash speech sentences', 'pl', '– To historyczny dzień. Jesteśmy gotowi – dodał.', ['– To historyczny dzień.', 'Jesteśmy gotowi – dodał.']],
  ['dash speech line after a full stop (seed 002)', 'pl', 'Stała warta z flagami dwóch krajów. - Dziękujemy za zaproszenie - powiedział Kim Dzong Un.', ['Stała warta z flagami dwóch krajów.', '- Dziękujemy za zaproszenie - powiedział Kim Dzong Un.']],
  ['en-dash speech line after a full stop', 'pl', 'Tak podała agencja. – „Nie” – odparł rzecznik.', ['Tak podała agencja.', '– „Nie” – odparł rzecznik.']],
  ['dash after an abbreviation does not split', 'pl', 'Spotkanie m.in. - Putin i Kim.', ['Spotkanie m.in. - Putin i Kim.']],
  ['paragraphs split', 'pl', 'Pierwszy akapit.\n\nDrugi akapit. Dalej.', ['Pierwszy akapit.', 'Drugi akapit.', 'Dalej.']],
  ['soft line wrap joins', 'pl', 'Kim przyjechał w\nponiedziałek. Tak.', ['Kim przyjechał w\nponiedziałek.', 'Tak.']],
  ['headline line without full stop', 'pl', 'Rozmowy Kim Dzong Un – Putin\nWedług doniesień Kim przybędzie.', ['Rozmowy Kim Dzong Un – Putin', 'Według doniesień Kim przybędzie.']],
  ['Wlk. before Brytanii', 'pl', 'Mieszkają w Wlk. Brytanii. Umowa UE-Wlk. Brytania wisi.', ['Mieszkają w Wlk. Brytanii.', 'Umowa UE-Wlk. Brytania wisi.']],
  ['number after a full stop starts a sentence (seed 004)', 'pl', 'Kim odwiedzi Rosję od początku pandemii. 30 czerwca 2019 r. doszło do spotkania.', ['Kim odwiedzi Rosję od początku pandemii.', '30 czerwca 2019 r. doszło do spotkania.']],
  ['fronted date with r. before a capital stays one sentence', 'pl', 'Trump był w Pjongjangu. 30 czerwca 2019 r. Trump przekroczył granicę.', ['Trump był w Pjongjangu.', '30 czerwca 2019 r. Trump przekroczył granicę.']],
  ['fronted month and year with r. before a capital stays one sentence (BSNLP nord_stream 636)', 'pl', 'W lipcu 2016 r. UOKiK zgłosił zastrzeżenia. W sierpniu 2016 r. Gazprom i jego partnerzy wycofali wniosek z UOKiK.', ['W lipcu 2016 r. UOKiK zgłosił zastrzeżenia.', 'W sierpniu 2016 r. Gazprom i jego partnerzy wycofali wniosek z UOKiK.']],
  ['a verb before the year still ends the sentence at r.', 'pl', 'Zmarł w maju 2016 r. Jego syn przejął firmę.', ['Zmarł w maju 2016 r.', 'Jego syn przejął firmę.']],
  ['fronted Od 2020 r. before a capital', 'pl', 'Od 2020 r. Korea jest zamknięta. Tak.', ['Od 2020 r. Korea jest zamknięta.', 'Tak.']],
  ['number after ok. continues', 'pl', 'Przyszło ok. 30 osób.', ['Przyszło ok. 30 osób.']],
  ['number after art. continues', 'pl', 'Zgodnie z art. 5 traktatu. Tak.', ['Zgodnie z art. 5 traktatu.', 'Tak.']],
  ['dash speech after a full stop (seed 001)', 'pl', 'Moskwa pielęgnuje więzi z Pjongjangiem. - Korea Północna jest naszym sąsiadem - dodał.', ['Moskwa pielęgnuje więzi z Pjongjangiem.', '- Korea Północna jest naszym sąsiadem - dodał.']],
  ['dash speech after an attribution (seed 001)', 'pl', 'Kim spotka Putina – donosiło CNN. - Mamy informacje o wizycie - mówił rzecznik.', ['Kim spotka Putina – donosiło CNN.', '- Mamy informacje o wizycie - mówił rzecznik.']],
  ['Płn. and Płd. before a capital', 'pl', 'Korea Płn. Kim i Korea Płd. Yoon milczą.', ['Korea Płn. Kim i Korea Płd. Yoon milczą.']],
  ['Wlk. Brytania at a sentence start', 'pl', 'Tak. Wlk. Brytania protestuje.', ['Tak.', 'Wlk. Brytania protestuje.']],
  ['en Mr. before name', 'en', 'Mr. Kim arrived. He met Mr. Putin.', ['Mr. Kim arrived.', 'He met Mr. Putin.']],
  ['en U.S. ends a sentence', 'en', 'Officials in the U.S. The talks failed.', ['Officials in the U.S.', 'The talks failed.']],
  ['en U.S. mid sentence', 'en', 'The U.S. government said so.', ['The U.S. government said so.']],
  ['en e.g. and i.e.', 'en', 'Weapons, e.g. Shells, i.e. Ammunition, were sent. Done.', ['Weapons, e.g. Shells, i.e. Ammunition, were sent.', 'Done.']],
  ['en Dr. before name', 'en', 'Dr. Smith spoke. Then he left.', ['Dr. Smith spoke.', 'Then he left.']],
  ['en "no." is a word, not an abbreviation', 'en', 'He said no. Then he left.', ['He said no.', 'Then he left.']],
];

for (const [name, language, input, expected] of CASES) {
  test(`sentences: ${name}`, () => {
    const spans = splitSentences(input, language);
    assert.deepEqual(spans.map((s) => input.slice(s.start, s.end)), expected);
  });
}

test('sentences: the table has at least 40 cases', () => {
  assert.ok(CASES.length >= 40, `only ${CASES.length}`);
});

test('sentences: offsets and paragraph indexes index the original text', () => {
  const text = '  Pierwszy akapit. Dalej.\n\n\nDrugi  akapit m.in. Putin.\n \nTrzeci.';
  const spans = splitSentences(text, 'pl');
  assert.deepEqual(spans.map((s) => [text.slice(s.start, s.end), s.paragraph]), [
    ['Pierwszy akapit.', 0], ['Dalej.', 0], ['Drugi  akapit m.in. Putin.', 1], ['Trzeci.', 2],
  ]);
  assert.equal(spans[0].start, 2);
});

test('sentences: empty and whitespace-only text give no sentences', () => {
  assert.deepEqual(splitSentences('', 'pl'), []);
  assert.deepEqual(splitSentences(' \n\n \n', 'pl'), []);
});

test('sentences: a long paragraph is segmented in windows without changing the result', () => {
  const unit = 'Kreml przekazał m.in., że Kim Dzong Un przyjedzie 30 czerwca 2019 r. do Rosji. Według ekspertów prof. Nowaka chodzi o broń. Czy to prawda? Rozmowy potrwają do środy.';
  const one = splitSentences(unit, 'pl').map((s) => unit.slice(s.start, s.end));
  assert.equal(one.length, 4);
  const long = Array.from({ length: 60 }, () => unit).join(' '); // ≈ 10 kB, several windows
  const many = splitSentences(long, 'pl').map((s) => long.slice(s.start, s.end));
  assert.deepEqual(many, Array.from({ length: 60 }, () => one).flat());
});
