/**
 * Quotes and speakers the tenth round found missed or wrong on the labelled stories' key quotes and
 * on unlabelled development articles (the sentences are the real ones; the mentions are what the
 * entity stage gives there): a woman's gender told by the verb of an attribution after her words,
 * a naming verb's marked word, a statement's recipient, and an apposition set off by dashes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMentions } from './fixture.ts';
import type { Doc } from './fixture.ts';
import type { EntityType } from '../../../src/types.ts';

/** A mention with a key of its own (a surname keyed with the person's full name, as the entity stage does). */
function keyed(d: Doc, surface: string, base: string, key: string, nth = 0, type: EntityType = 'PER'): Doc {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = d.text.indexOf(surface, at + 1);
  d.mentions.push({ start: at, end: at + surface.length, text: surface, base, type, key });
  d.mentions.sort((a, b) => a.start - b.start);
  return d;
}

const NORWAY = 'W zeszłym tygodniu polityk partii Venstre Abid Raja powiedział w rozmowie z agencją informacyjną NTB, że Norwegia powinna ofiarować Bibi ochronę i azyl. Do wysiłków polityka przyłączyła się właśnie zastępczyni przewodniczącej Partii Postępu Frp - Sylvi Listhaug. We wspólnym wywiadzie dla gazety VG Listhaug i Raja sugerują, że zarówno Bibi jak i jej rodzina mogą przybyć do Norwegii jako uchodźcy. - To klasyczny przykład sytuacji, w której możemy komuś pomóc i zapewnić mu ochronę, powiedziała. - Wolność słowa jest jedną z podstawowych swobód. Cała ta sytuacja jest absurdalna i przypomina raczej zdarzenie z epoki kamienia łupanego, dodała Listhaug.';

function norway(text: string): Doc {
  const d = withMentions(doc(text, 'pl'), ['Venstre Abid Raja', 'Venstre Abid Raj', 'ORG'], ['NTB', 'NTB', 'ORG'], ['Norwegia', 'Norwegia', 'LOC'], ['Bibi', 'Bibi', 'PER'], ['Partii Postępu Frp', 'Partia Postępu Frp', 'ORG'], ['VG Listhaug', 'VG Listhaug', 'PRO'], ['Norwegii', 'Norwegia', 'LOC']);
  keyed(d, 'Sylvi Listhaug', 'Sylvi Listhaug', 'sylvi listhaug');
  keyed(d, 'Raja', 'Raj', 'abid raja', 1);
  if (text.includes('dodała Listhaug')) keyed(d, 'Listhaug', 'Listhaug', 'sylvi listhaug', 2);
  return d;
}

test('a woman whose first name shows no gender is shown one by "…, dodała Listhaug": the dropped subject of "powiedziała" is she, not the agency named before', () => {
  assert.equal(quoteWith(quotes(norway(NORWAY)), 'To klasyczny przykład').speaker?.name, 'Sylvi Listhaug');
});

test('without an attribution showing her gender the feminine verb does not reach her: the verb before her name is what tells it', () => {
  const all = quotes(norway(NORWAY.replace(', dodała Listhaug', '')));
  assert.notEqual(quoteWith(all, 'To klasyczny przykład').speaker?.name, 'Sylvi Listhaug');
});

const RYANAIR = 'Mogą się skończyć opóźnieniami i odwołanymi lotami . Ryanair nazwał żądania "bezcelowymi". "Ryanair jest już zaangażowany w szeroko zakrojone negocjacje z krajowymi związkami kabinowymi w całej Europie, podczas których są negocjowane wszystkie poruszone kwestie i inne sprawy. Zawarliśmy już porozumienia w Wielkiej Brytanii i we Włoszech" – czytamy w oświadczeniu dla The Independent.';
const ryanair = (text: string): Doc => withMentions(doc(text, 'pl'), ['Ryanair', 'Ryanair', 'ORG'], ['Europie', 'Europa', 'LOC'], ['Wielkiej Brytanii', 'Wielka Brytania', 'LOC'], ['Włoszech', 'Włochy', 'LOC'], ['The Independent', 'The Independent', 'PRO']);

test('a naming verb\'s marked word is the subject\'s ("Ryanair nazwał żądania „bezcelowymi”"): a mixed quote from the object to the closing mark', () => {
  const q = quoteWith(quotes(ryanair(RYANAIR)), 'bezcelowymi');
  assert.equal(q.speaker?.name, 'Ryanair');
  assert.equal(q.kind, 'mixed');
  assert.equal(q.text, 'żądania "bezcelowymi"');
});

test('a statement given to a paper ("czytamy w oświadczeniu dla The Independent") is its issuer\'s, not the recipient\'s', () => {
  assert.equal(quoteWith(quotes(ryanair(RYANAIR)), 'Zawarliśmy już').speaker?.name, 'Ryanair');
});

test('a naming verb whose clause opens with its object in another case ("Brytyjczyków … nazwał „dziećmi UE”") takes no subject from it', () => {
  const d = withMentions(
    doc('„Unia Europejska ma więc szansę, aby dać dobry przykład w czasach, gdy brakuje przywództwa moralnego w kwestii spraw światowych” – podkreślił polityk brytyjskiej lewicy. Brytyjczyków mieszkających w unijnych krajach nazwał „dziećmi UE”.', 'pl'),
    ['Unia Europejska', 'Unia Europejska', 'ORG'],
    ['Brytyjczyków', 'Brytyjczycy', 'PER'],
    ['UE', 'UE', 'ORG'],
  );
  const named = quotes(d).find((q) => q.text.includes('dziećmi UE'));
  assert.notEqual(named?.speaker?.name, 'Brytyjczycy');
});

test('a naming verb after its subject in the nominative, with "jako" ("Orbán określił taktykę Węgier jako „…”")', () => {
  const d = withMentions(
    doc('Nieco później Orbán określił taktykę Węgier jako „zastąpienie wraku liberalnej demokracji przez chrześcijańską demokrację XXI wieku”.', 'pl'),
    ['Orbán', 'Orbán', 'PER'],
    ['Węgier', 'Węgry', 'LOC'],
  );
  const q = quoteWith(quotes(d), 'zastąpienie wraku');
  assert.equal(q.speaker?.name, 'Orbán');
  assert.ok(q.text.startsWith('taktykę Węgier jako'));
});

test('a verb that opens its own "że" closes an apposition between dashes, not the words before it: the subject speaks the clause after', () => {
  const d = withMentions(
    doc('Rozdrapywanie ran. Ciaran Shannon, dyrektor Duncairn Community Partnership – grupy pracującej na rzecz łagodzenia i poprawy stosunków społecznych w północnym Belfaście – mówi, że wspomnienie konfliktu wciąż jest dla Irlandczyków zbyt świeże, aby ryzykować poleganie wyłącznie na dobrej woli negocjatorów.', 'pl'),
    ['Ciaran Shannon', 'Ciaran Shannon', 'PER'],
    ['Duncairn Community', 'Duncairn Community', 'ORG'],
    ['Partnership', 'Partnership', 'ORG'],
    ['Belfaście', 'Belfast', 'LOC'],
    ['Irlandczyków', 'Irlandczycy', 'PER'],
  );
  const all = quotes(d);
  assert.equal(all.some((q) => q.text.startsWith('Ciaran Shannon')), false);
  const q = quoteWith(all, 'wspomnienie konfliktu');
  assert.equal(q.speaker?.name, 'Ciaran Shannon');
  assert.ok(q.text.startsWith('wspomnienie konfliktu'));
});

test('an abbreviation\'s dot does not end an attribution ("– przekazał dziennikarzom minister ds. przedsiębiorczości … Mikael Damberg")', () => {
  const d = withMentions(
    doc('Rząd rozpatrzył wniosek i zauważa, że prawo krajowe i międzynarodowe nie daje rządowi możliwości odrzucenia tego wniosku; w naszej ocenie nie mogliśmy powiedzieć nie - przekazał dziennikarzom minister ds. przedsiębiorczości i innowacji Szwecji Mikael Damberg. Jednocześnie rząd jasno stwierdził, że Szwecja jest krytyczna wobec projektu.', 'pl'),
    ['Szwecji', 'Szwecja', 'LOC'],
    ['Mikael Damberg', 'Mikael Damberg', 'PER'],
    ['Szwecja', 'Szwecja', 'LOC'],
  );
  assert.equal(quoteWith(quotes(d), 'w naszej ocenie').speaker?.name, 'Mikael Damberg');
});

const GAZPROM = 'Gazprom położył już 200 km kontrowersyjnego gazociągu Nord Stream-2. Rury opadły na dno w wodach Niemiec. Rosjanie wciąż nie mają zgody Danii.\n\nSpółka Nord Stream 2 AG (należy do Gazpromu) poinformowała o postępie prac przy budowie dwóch nowych nitek Gazociągu Północnego. „Projekt Nord Stream-2 jest realizowany w pełnym zakresie i zgodnie z harmonogramem. Na dziś (wtorek 6 listopada-red) na dnie Morza Bałtyckiego zostało ułożonych już ponad 200 km gazociągu. Aby ukończyć budowę na czas, jednocześnie zaangażowanych jest 20 specjalistycznych okrętów” – głosi komunikat. Poniżej dalsza część artykułu.';

test('a document that speaks ("– głosi komunikat") is its issuer\'s: the company that opened the sentence before, typed a product after its role noun ("Spółka Nord Stream 2 AG")', () => {
  const d = withMentions(
    doc(GAZPROM, 'pl'),
    ['Gazprom', 'Gazprom', 'ORG'],
    ['Nord Stream-2', 'Nord Stream-2', 'PRO'],
    ['Niemiec', 'Niemcy', 'LOC'],
    ['Rosjanie', 'Rosjanie', 'PER'],
    ['Danii', 'Dania', 'LOC'],
    ['Nord Stream 2 AG', 'Nord Stream 2 AG', 'PRO'],
    ['Gazpromu', 'Gazprom', 'ORG'],
    ['Gazociągu Północnego', 'Gazociąg Północny', 'PRO'],
    ['Morza Bałtyckiego', 'Morze Bałtyckie', 'LOC'],
  );
  assert.equal(quoteWith(quotes(d), 'jest realizowany w pełnym zakresie').speaker?.name, 'Nord Stream 2 AG');
});

test('"– głosi komunikat agencji": the agency the article names most, not the one that relayed the news', () => {
  const d = withMentions(
    doc('Duńska Agencja Energetyczna wyznaczyła na 14 listopada publiczne wysłuchanie w sprawie alternatywnej trasy gazociągu Nord Stream-2 na duńskich wodach, informuje agencja Prime. Poniżej dalsza część artykułu.\n\n„Raport wpływu inwestycji na środowisko dla trasy zachodniej (alternatywnej (red) Narod Stream-2 jest ogólnie dostępny; komentarze co do raportu są przyjmowane do 12 grudnia. Agencja przeprowadzi publiczne wysłuchanie w tej sprawie 14 listopada” – głosi komunikat agencji.', 'pl'),
    ['Agencja Energetyczna', 'Agencja Energetyczna', 'ORG'],
    ['Nord Stream-2', 'Nord Stream-2', 'PRO'],
    ['Prime', 'Prime', 'ORG'],
    ['Narod Stream-2', 'Nord Stream-2', 'PRO'],
  );
  // The entity stage keys the agency's short name inside the quote with its full one.
  keyed(d, 'Agencja', 'Agencja', 'agencja energetyczna', 1, 'ORG');
  assert.equal(quoteWith(quotes(d), 'Agencja przeprowadzi').speaker?.name, 'Agencja Energetyczna');
});

test('an apostrophe stays inside a name read after the verb ("– powiedział O\'Leary 31 lipca", which the entity stage glued to the day)', () => {
  const d = withMentions(
    doc('- Gdy niektóre rynki, tak jak irlandzki, są niszczone w ostatnich miesiącach, polski rynek bardzo mocno wzrasta. Potrzebujemy więcej samolotów na polskim rynku - powiedział O\'Leary 31 lipca na konferencji prasowej.', 'pl'),
    ["O'Leary 31", "O'Leary 31", 'PRO'],
  );
  assert.equal(quoteWith(quotes(d), 'Potrzebujemy więcej samolotów').speaker?.name, "O'Leary");
});

test('a word in no case names no one ("…, szef Ryanaira, znów ostrzegł", "Równocześnie podkreślił"): the name before the apposition, or the dropped subject\'s', () => {
  const ryanair = withMentions(
    doc("Michael O'Leary, szef Ryanaira, znów ostrzegł strajkujących pilotów, że firma może przenieść samoloty i miejsca pracy do Polski.", 'pl'),
    ["Michael O'Leary", "Michael O'Leary", 'PER'],
    ['Ryanaira', 'Ryanair', 'ORG'],
    ['Polski', 'Polska', 'LOC'],
  );
  assert.equal(quoteWith(quotes(ryanair), 'firma może przenieść').speaker?.name, "Michael O'Leary");
  const wylie = withMentions(
    doc('Wylie sam siebie przedstawił jako eurosceptyka i zwolennika "rozwodu" ze wspólnotą. Równocześnie podkreślił, że fakt manipulacji głosującymi jest wystarczającym powodem, dla którego opowiada się za powtórką referendum.', 'pl'),
    ['Wylie', 'Wylie', 'PER'],
  );
  assert.equal(quoteWith(quotes(wylie), 'fakt manipulacji').speaker?.name, 'Wylie');
});

test('a verb that closes dash speech opening the sentence and introduces marked words ("– Nikt nie chce … – mówi Alessandro Monteduro i pyta: „…”") attributes both to the name after it', () => {
  const d = withMentions(
    doc('– Nikt nie chce tej chrześcijanki u siebie – mówi Alessandro Monteduro i pyta: „Co jeszcze musi się wydarzyć, by Asia Bibi i jej rodzina mogli być wolni i bezpieczni?”. Monteduro zapowiada, że stowarzyszenie zmieni podejście.', 'pl'),
    ['Alessandro Monteduro', 'Alessandro Monteduro', 'PER'],
    ['Asia Bibi', 'Asia Bibi', 'PER'],
    ['Monteduro', 'Monteduro', 'PER'],
  );
  const all = quotes(d);
  assert.equal(quoteWith(all, 'Nikt nie chce').speaker?.name, 'Alessandro Monteduro');
  assert.equal(quoteWith(all, 'Co jeszcze musi').speaker?.name, 'Alessandro Monteduro');
});

test('a dash closing an aside keeps the subject before it ("Michael Roth - jak relacjonował Reuters - powiedział …, że …")', () => {
  const d = withMentions(
    doc('Niemiecki minister ds. europejskich Michael Roth - jak relacjonował Reuters - powiedział na spotkaniu, że Brytyjczycy "nie mają jasnego stanowiska (w sprawie negocjacji - PAP), a zegar tyka".', 'pl'),
    ['Michael Roth', 'Michael Roth', 'PER'],
    ['Reuters', 'Reuters', 'ORG'],
    ['Brytyjczycy', 'Brytyjczycy', 'PER'],
    ['PAP', 'PAP', 'ORG'],
  );
  assert.equal(quoteWith(quotes(d), 'zegar tyka').speaker?.name, 'Michael Roth');
});

test('a comma right after the closing verb ends the attribution ("- zapowiedziała, podkreślając jednak, że rząd chce „…”"): the subject was dropped', () => {
  const d = withMentions(
    doc('Premier Theresa May zapowiedziała zmiany. - Stworzymy nowy system migracyjny, który jest uczciwy, ale też działa na rzecz interesów Wielkiej Brytanii - zapowiedziała, podkreślając jednak, że rząd chce "nadal przyciągać najzdolniejszych ludzi z UE i z całego świata".', 'pl'),
    ['Theresa May', 'Theresa May', 'PER'],
    ['Wielkiej Brytanii', 'Wielka Brytania', 'LOC'],
    ['UE', 'UE', 'ORG'],
  );
  const all = quotes(d);
  assert.equal(quoteWith(all, 'Stworzymy nowy system').speaker?.name, 'Theresa May');
  assert.equal(quoteWith(all, 'nadal przyciągać').speaker?.name, 'Theresa May');
});
