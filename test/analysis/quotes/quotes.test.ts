import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../../src/analysis/quotes/index.ts';
import { doc, quotes, quoteWith, seed, withMention, type Doc } from './fixture.ts';

test('dash-speech-speaker-in-previous-sentence: "- dodał" after a sentence about Pieskow is Pieskow', () => {
  const d = withMention(withMention(seed('001'), 'Dmitrij Pieskow', 'Dmitrij Pieskow', 'PER'), 'Kim Dzong Una', 'Kim Dzong Un', 'PER');
  const q = quoteWith(quotes(d), 'Korea Północna jest naszym sąsiadem');
  assert.equal(q.kind, 'direct');
  assert.equal(q.cue?.text, 'dodał');
  assert.equal(q.speaker?.name, 'Dmitrij Pieskow');
  assert.equal(q.text.startsWith('Korea Północna jest naszym sąsiadem'), true, 'text starts after the dash');
  assert.equal(q.text.endsWith('innych krajów'), true, 'text ends before the closing dash');
  assert.equal(d.text.slice(q.start, q.end), q.text, 'offsets point at the text');
});

test('dash-speech-feminine-verb: "– zauważyła Harris" and "– skomentowała … Kamala Harris"', () => {
  const d = withMention(withMention(seed('003'), 'Kamala Harris', 'Kamala Harris', 'PER'), 'Harris', 'Kamala Harris', 'PER');
  const all = quotes(d);
  const first = quoteWith(all, 'Myślę, że byłby to duży błąd');
  assert.equal(first.kind, 'direct');
  assert.equal(first.cue?.text, 'skomentowała');
  assert.equal(first.speaker?.name, 'Kamala Harris');
  assert.equal(first.speaker?.description, 'wiceprezydent USA', 'a leading adverb is no part of the role');
  const second = quoteWith(all, 'To jasne, że Rosja jest w bardzo rozpaczliwym położeniu');
  assert.equal(second.speaker?.name, 'Kamala Harris');
  assert.match(second.text, /A Ukraińcy wciąż walczą$/, 'a dash quote spans several sentences');
  assert.equal(all.some((q) => q.cue?.text === 'mówili'), false, 'no quote nested inside a direct quote ("komentatorzy mówili, że")');
});

test('dash-speech-role-and-name-after-verb: Matthew Miller, rzecznik Departamentu Stanu', () => {
  const d = withMention(withMention(seed('002'), 'Departamentu Stanu USA', 'Departament Stanu USA', 'ORG'), 'Matthew Miller', 'Matthew Miller', 'PER');
  const q = quoteWith(quotes(d), 'Fakt, że Putin spotka się Kimem');
  assert.equal(q.kind, 'direct');
  assert.equal(q.cue?.text, 'mówił');
  assert.equal(q.speaker?.name, 'Matthew Miller');
  assert.equal(q.speaker?.type, 'PER');
  assert.match(q.speaker?.description ?? '', /rzecznik Departamentu Stanu USA/);
});

test('quote-marks-with-dash-attribution: "…" - ocenia Associated Press (no entity mention needed)', () => {
  const q = quoteWith(quotes(seed('001')), 'Rosja musi uzupełnić zapasy amunicji');
  assert.equal(q.kind, 'direct');
  assert.equal(q.cue?.text, 'ocenia');
  assert.equal(q.speaker?.name, 'Associated Press');
});

test('no-quote-for-titles-and-place-phrases: "The Washington Post", "na Dalekim Wschodzie Rosji"', () => {
  const titles = quotes(seed('001')).filter((q) => q.text === 'The Washington Post');
  assert.deepEqual(titles, []);
  const places = quotes(seed('000')).filter((q) => q.text.includes('na Dalekim Wschodzie Rosji'));
  assert.deepEqual(places, []);
  const nyt = quotes(seed('003')).find((q) => q.text.includes('Do spotkania Kim Dzong Una'));
  assert.equal(nyt?.speaker?.name, 'The New York Times', 'a title after the verb names the speaker');
});

test('mixed-quote: Pieskow powiedział, że "realizując…"', () => {
  const d = withMention(seed('000'), 'Dymitri Pieskow', 'Dymitri Pieskow', 'PER');
  const q = quoteWith(quotes(d), 'realizując stosunki z sąsiadami');
  assert.equal(q.kind, 'mixed');
  assert.equal(q.speaker?.name, 'Dymitri Pieskow');
  assert.equal(q.text.endsWith('a nie ostrzeżenia Waszyngtonu'), true, 'verbatim words without the marks');
});

test('mixed-quote-organisation: Kreml przekazał w komunikacie, że … "w najbliższych dniach złoży oficjalną wizytę"', () => {
  const d = withMention(seed('004'), 'Kreml', 'Kreml', 'ORG');
  const all = quotes(d);
  const q = quoteWith(all, 'w najbliższych dniach złoży oficjalną wizytę');
  assert.equal(q.kind, 'mixed');
  assert.equal(q.cue?.text, 'przekazał');
  assert.equal(q.speaker?.name, 'Kreml');
  assert.equal(quoteWith(all, 'wizyta odbędzie się na zaproszenie').speaker?.name, 'Kreml', '"Jak dodano" continues the previous speaker');
});

test('unnamed-speaker-description: "Jeden z urzędników prezydenta, który chce pozostać anonimowy, powiedział"', () => {
  const q = quoteWith(quotes(seed('000')), 'ma nadzieję, iż Rosja');
  assert.equal(q.speaker?.name, 'Jeden z urzędników prezydenta');
  assert.equal(q.speaker?.key, undefined);
});

test('indirect-speech-forms: według, zdaniem, jak zapowiedział', () => {
  const d = withMention(withMention(seed('002'), 'Dmitrij Pieskow', 'Dmitrij Pieskow', 'PER'), 'AP', 'AP', 'ORG');
  const all = quotes(d);
  const announced = quoteWith(all, 'omówione zostaną kwestie współpracy');
  assert.equal(announced.kind, 'indirect');
  assert.equal(announced.cue?.text, 'zapowiedział');
  assert.equal(announced.speaker?.name, 'Dmitrij Pieskow');
  const observers = quoteWith(all, 'spotkanie Kim-Putin jest poświęcone');
  assert.equal(observers.cue?.text, 'Według');
  assert.equal(observers.speaker?.name, 'zachodni obserwatorzy', 'a described source after "według" is named in the nominative');
  assert.equal(quoteWith(all, 'gdyby władze Korei Północnej').speaker?.name, 'AP');
  const hedge = findQuotes({ ...doc('Według doniesień, Kim przybędzie pociągiem pancernym do Rosji.', 'pl'), mentions: [] });
  assert.deepEqual(hedge, [], '"według doniesień" names no speaker');
});

test('english-said-forms: "…," Peskov added / said that / according to / officials said', () => {
  const text = 'Kremlin spokesman Dmitry Peskov said the talks would focus on bilateral cooperation. "We will continue to develop our relations," Peskov added. According to The Washington Post, the two leaders are expected to discuss arms supplies. The meeting could take place in Vladivostok, officials said.';
  const d = withMention(withMention(doc(text, 'en'), 'Dmitry Peskov', 'Dmitry Peskov', 'PER'), 'Peskov', 'Dmitry Peskov', 'PER');
  const all = quotes(d);
  assert.equal(all.length, 4);
  const said = quoteWith(all, 'the talks would focus');
  assert.equal(said.kind, 'indirect');
  assert.equal(said.speaker?.name, 'Dmitry Peskov');
  const added = quoteWith(all, 'We will continue to develop our relations');
  assert.equal(added.kind, 'direct');
  assert.equal(added.speaker?.name, 'Dmitry Peskov');
  assert.equal(quoteWith(all, 'the two leaders are expected').speaker?.name, 'The Washington Post');
  assert.equal(quoteWith(all, 'The meeting could take place').speaker?.name, 'officials');
});

test('speakers: a role holder named after a comma, a statement issuer, the subject before an unattributed dash paragraph', () => {
  const d = withMention(withMention(doc('- To wspaniała wiadomość dla całego kraju - powiedział prawnik Bibi, Saiful Mulook.', 'pl'), 'Bibi', 'Bibi', 'PER'), 'Saiful Mulook', 'Saiful Mulook', 'PER');
  assert.equal(quotes(d)[0]?.speaker?.name, 'Saiful Mulook');
  const judge = withMention(doc('- Wyrok zostaje uchylony w całości - oświadczył sędzia, który przewodniczył składowi SN.', 'pl'), 'SN', 'SN', 'ORG');
  assert.equal(quotes(judge)[0]?.speaker?.name, 'sędzia');
  const statement = withMention(doc('W komunikacie Ryanair przeprosił pasażerów za utrudnienia. "Przepraszamy wszystkich naszych klientów za kłopoty" - czytamy w oświadczeniu.', 'pl'), 'Ryanair', 'Ryanair', 'ORG');
  assert.equal(quotes(statement).find((q) => q.kind === 'direct')?.speaker?.name, 'Ryanair');
  const bibi = withMention(doc('Bibi nie była obecna na sali, ale udzieliła komentarza przez telefon.\n\n- Nie mogę uwierzyć w to, co słyszę.', 'pl'), 'Bibi', 'Asia Bibi', 'PER');
  assert.equal(quotes(bibi)[0]?.speaker?.name, 'Asia Bibi');
});

test('speakers: a name after a preposition is a place or whom they spoke to, never the speaker', () => {
  const text =
    'Strajk jest trudny. - Chociaż prawo do strajku jest wpisane do konstytucji, w praktyce jest to trudne – tłumaczy w rozmowie ze „Strefą Biznesu” Piotr Szumlewicz, przewodniczący rady.\n\n' +
    '– Wyraźnie stwierdziłam, że projekt nie jest możliwy bez jasności co do tranzytu – powiedziała w Berlinie, na wspólnej konferencji prasowej.';
  const d = withMention(withMention(doc(text, 'pl'), 'Piotr Szumlewicz', 'Piotr Szumlewicz', 'PER'), 'Berlinie', 'Berlin', 'LOC');
  const all = quotes(d);
  assert.equal(quoteWith(all, 'prawo do strajku').speaker?.name, 'Piotr Szumlewicz');
  assert.notEqual(quoteWith(all, 'Wyraźnie stwierdziłam').speaker?.name, 'Berlinie');
  assert.notEqual(quoteWith(all, 'Wyraźnie stwierdziłam').speaker?.name, 'Berlin');
});

test('speakers: a role noun names a person only in the nominative; a name in another case before it is no holder', () => {
  const prior = 'Kobieta została skazana za obrazę Mahometa. ';
  const judge = withMention(doc(`${prior}- Wyrok zostaje uchylony w całości - oświadczył sędzia, który przewodniczył składowi.`, 'pl'), 'Mahometa', 'Mahomet', 'PER');
  assert.equal(quotes(judge)[0]?.speaker?.name, 'sędzia');
  const named = withMention(doc('Sędzia Saqib Nisar przewodniczył składowi. - Wyrok zostaje uchylony w całości - oświadczył sędzia.', 'pl'), 'Saqib Nisar', 'Saqib Nisar', 'PER');
  assert.equal(quotes(named)[0]?.speaker?.name, 'Saqib Nisar');
});
