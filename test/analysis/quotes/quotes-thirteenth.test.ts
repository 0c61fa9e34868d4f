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
