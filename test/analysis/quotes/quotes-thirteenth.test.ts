/**
 * Described speakers the article names only after their words (speaker.ts `subjectAhead`). The
 * sentences are the real ones of the development articles; the mentions are what the entity stage
 * gives there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMentions } from './fixture.ts';

// brexit, 2018-01: Blair on a second referendum; his name comes two sentences after his words.
const BLAIR =
  'Były premier przekonywał w BBC, że Brytyjczycy powinni dostać kolejną szansę, by rozważyć kwestię członkostwa. ' +
  '- W czerwcu 2016 roku zagłosowaliśmy za wyjściem, nie wiedząc, na jakich warunkach miałoby się ono odbyć. ' +
  'Gdy je poznamy, mamy chyba prawo przemyśleć sprawę na nowo - przekonywał były przywódca Partii Pracy.\n\n' +
  'Wykorzystał też ten wywiad, by krytykować swoje stronnictwo, z którym niegdyś trzykrotnie wygrał wybory . ' +
  'Tony Blair wyraził przekonanie, że w sprawie występowania z Unii Partia Pracy jest "bojaźliwa".';

test('a role with no one named before is the person who opens a sentence after it', () => {
  const d = withMentions(doc(BLAIR, 'pl'), ['Partii Pracy', 'Partia Pracy', 'ORG'], ['Tony Blair', 'Tony Blair', 'PER'], ['Unii', 'Unia', 'ORG']);
  const q = quoteWith(quotes(d), 'W czerwcu 2016 roku');
  assert.equal(q.speaker?.name, 'Tony Blair');
  assert.equal(q.speaker?.description, 'były przywódca Partii Pracy');
});

// brexit, 2018-05: Konrad Szymański, named in the headline only, then as "Szymański" after his words.
const SZYMANSKI =
  'Pytany o najważniejsze kwestie w relacjach polsko-brytyjskich, polityk zaznaczył, że oba kraje "podzielają przekonania strategiczne co do roli NATO". ' +
  'Szymański wspomniał również politycznie istotną kwestię zabezpieczenia praw obywateli.';

test('a role noun opening the article is the person the next sentence opens with', () => {
  const d = withMentions(doc(SZYMANSKI, 'pl'), ['NATO', 'NATO', 'ORG'], ['Szymański', 'Szymański', 'PER']);
  assert.equal(quoteWith(quotes(d), 'oba kraje').speaker?.name, 'Szymański');
});

test('a name after the role that is no subject, or of the other gender, is not who spoke', () => {
  // Same sentences, the later person an object ("spotkał się z Szymańskim") or a woman.
  const object = SZYMANSKI.replace('Szymański wspomniał', 'Potem spotkał się z nim Jan Kowal i wspomniał');
  let d = withMentions(doc(object, 'pl'), ['NATO', 'NATO', 'ORG'], ['Jan Kowal', 'Jan Kowal', 'PER']);
  assert.equal(quoteWith(quotes(d), 'oba kraje').speaker?.name, 'polityk');
  const woman = SZYMANSKI.replace('Szymański wspomniał', 'Anna Kowalska wspomniała');
  d = withMentions(doc(woman, 'pl'), ['NATO', 'NATO', 'ORG'], ['Anna Kowalska', 'Anna Kowalska', 'PER']);
  assert.equal(quoteWith(quotes(d), 'oba kraje').speaker?.name, 'polityk');
  // Three sentences on is too far: someone else's turn.
  const far = SZYMANSKI.replace('Szymański wspomniał', 'Rozmowa trwała godzinę. Dotyczyła handlu. Jan Kowal wspomniał');
  d = withMentions(doc(far, 'pl'), ['NATO', 'NATO', 'ORG'], ['Jan Kowal', 'Jan Kowal', 'PER']);
  assert.equal(quoteWith(quotes(d), 'oba kraje').speaker?.name, 'polityk');
});

// brexit, 2018-01-29: the Commission's spokesman on the transition; his words in marks run over two
// sentences before "- wyjaśnił Schinas", and what he added follows in the next sentences.
const SCHINAS =
  '"Obecnie koncentrujemy się na dwóch równoległych procesach. Pierwszy polega na przełożeniu naszej grudniowej umowy na postanowienia umowy o wyjściu Wielkiej Brytanii" - wyjaśnił Schinas. ' +
  'Dodał przy tym, że kwestia swobody przepływu osób i praw obywateli, którzy przybędą do Wielkiej Brytanii podczas okresu przejściowego, stanowi część obydwu tych procesów. ' +
  '"Podczas tych ważnych negocjacji pozwalamy naszym negocjatorom robić, co do nich należy. Na podstawie naszych poprzednich, analogicznych doświadczeń uważam, że jest to roztropne i mądre podejście" - dodał.';

test('a dropped subject continues the speaker of words in marks that end in the sentence before, however long they ran', () => {
  // The entity stage types the lone surname as an organisation, so no person is there to look back to.
  const d = withMentions(doc(SCHINAS, 'pl'), ['Wielkiej Brytanii', 'Wielka Brytania', 'LOC'], ['Schinas', 'Schinas', 'ORG']);
  const all = quotes(d);
  assert.equal(quoteWith(all, 'kwestia swobody przepływu').speaker?.name, 'Schinas');
  assert.equal(quoteWith(all, 'Podczas tych ważnych negocjacji').speaker?.name, 'Schinas');
});

// brexit, 2018-05: two guests of a radio programme; the entity stage found no name in the second attribution.
const KARNOWSKI =
  'To, żeby było tak, jak było, leży w naszym interesie – dodawał Karnowski. ' +
  '– To, że polityka spójność nadal będzie zajmować dużo miejsca w budżecie UE, to dobra wiadomość dla Polski. Niekoniecznie Polska utrzyma status beneficjenta netto – mówiła w Polskim Radiu 24 Małgorzata Bonikowska z Centrum Stosunków Międzynarodowych . ' +
  '– Widać jednak, że nie ma w UE obecnie woli, by mocno się konfliktować. Raczej szuka się kompromisu (...) – dodawała.';

test('a verb of the other gender does not continue the person who spoke before', () => {
  const d = withMentions(doc(KARNOWSKI, 'pl'), ['Karnowski', 'Karnowski', 'PER'], ['Polskim Radiu', 'Polskie Radio', 'PRO']);
  const all = quotes(d);
  assert.equal(quoteWith(all, 'leży w naszym interesie').speaker?.name, 'Karnowski');
  assert.equal(quoteWith(all, 'polityka spójność').speaker, undefined);
  assert.equal(quoteWith(all, 'Widać jednak').speaker, undefined);
});

// Verbs of saying the reporting list lacked (resources/pl/reporting-verbs.txt): "powtórzył",
// "zaakcentowała", "uspokajała". brexit 2018-01-29 (May in China) and ryanair 2018-08 (O'Leary in Warsaw).
test('"zaakcentowała" and "powtórzył" report words like "podkreśliła" and "dodał"', () => {
  let d = doc('Według doniesień prasowych premier May zapowiedziała, że będzie zwalczała propozycje. Brytyjska premier zaakcentowała, że "jest różnica między tymi, którzy przybyli przed naszym wyjściem (z UE) a tymi, którzy przybędą wiedząc, że Zjednoczone Królestwo nie jest już członkiem UE".', 'pl');
  d = withMentions(d, ['May', 'May', 'PER'], ['UE', 'UE', 'ORG'], ['Zjednoczone Królestwo', 'Zjednoczone Królestwo', 'LOC']);
  // The role stays a description here; the story names the one premier its articles name (src/synthesis/quotes.ts).
  const may = quoteWith(quotes(d), 'jest różnica');
  assert.equal(may.cue?.text, 'zaakcentowała');
  assert.equal(may.speaker?.name, 'Brytyjska premier');
  d = doc("– Jeśli będzie po ich stronie zdrowy rozsądek – mówił o’Leary mając na myśli związkowców i ogólnie pilotów – to się dogadamy. Jeżeli chcą strajkować dla samego strajkowania, to będą strajkować, a my przeniesiemy miejsca pracy i samoloty – powtórzył.", 'pl');
  d = withMentions(d, ['o’Leary', 'O’Leary', 'PER']);
  const q = quoteWith(quotes(d), 'Jeżeli chcą strajkować');
  assert.equal(q.cue?.text, 'powtórzył');
  assert.equal(q.speaker?.name, 'O’Leary');
});
