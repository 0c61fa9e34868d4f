/**
 * Quotes and speakers the eleventh round found missed or wrong on the labelled stories' key quotes
 * (the six stories blind for two rounds among them) and on unlabelled development articles. The
 * sentences are the real ones; the mentions are what the entity stage gives there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMentions } from './fixture.ts';

const POPE =
  'Papież Franciszek przyjął w sobotę na audiencji chrześcijankę z Nigerii, która była przez dwa lata więziona przez terrorystyczne ugrupowanie Boko Haram oraz rodzinę Pakistanki Asi Bibi, przebywającej w więzieniu z wyrokiem śmierci za bluźnierstwo. ' +
  'W Watykanie poinformowano, że zwracając się do córki uwięzionej od dziewięciu lat chrześcijanki z Pakistanu, papież powiedział: "Myślę często o twojej matce i modlę się za nią".';

test('"papież" is a person\'s role: the pope named before is who "papież powiedział" reports', () => {
  const d = withMentions(doc(POPE, 'pl'), ['Franciszek', 'Franciszek', 'PER'], ['Nigerii', 'Nigeria', 'LOC'], ['Boko Haram', 'Boko Haram', 'ORG'], ['Pakistanki', 'Pakistanka', 'PER'], ['Asi Bibi', 'Asia Bibi', 'PER'], ['Watykanie', 'Watykan', 'LOC'], ['Pakistanu', 'Pakistan', 'LOC']);
  assert.equal(quoteWith(quotes(d), 'Myślę często').speaker?.name, 'Franciszek');
});

const NAUERT =
  'Rzeczniczka Departamentu Stanu USA Heather Nauert powiązała tematy spornego gazociągu Nord Stream 2 i kryzysu w Cieśninie Kerczeńskiej wywołanego przez Rosję. ' +
  '– Wiele krajów europejskich wprowadziło sankcje przeciwko Rosji przez Krym. Eksperci powiedzieli mi, że nie wszystkie zostały wdrożone – dodała Nauert. ' +
  '– Inny temat, o którym mówimy całkiem dużo, ale najwyraźniej niewystarczająco dużo, jest Nord Stream 2 – powiedziała przedstawicielka Departamentu Stanu. ' +
  '– Ma przebiegać przez terytorium wielu krajów i myślę, że kraje europejskie muszą sobie odpowiedzieć na pytanie, czy chcą kontynuować budowę Nord Stream 2 – powiedziała urzędniczka.';

test('"urzędniczka" is a person\'s role: the spokeswoman named before says the words', () => {
  const d = withMentions(doc(NAUERT, 'pl'), ['Departamentu Stanu USA', 'Departament Stanu USA', 'ORG'], ['Heather Nauert', 'Heather Nauert', 'PER'], ['Nord Stream 2', 'Nord Stream 2', 'PRO'], ['Rosję', 'Rosja', 'LOC'], ['Rosji', 'Rosja', 'LOC'], ['Krym', 'Krym', 'LOC'], ['Nauert', 'Nauert', 'PER'], ['Departamentu Stanu', 'Departament Stanu', 'ORG']);
  const all = quotes(d);
  // The last named of her mentions ("dodała Nauert"); the story names her in full (src/synthesis/quotes.ts).
  assert.match(quoteWith(all, 'Ma przebiegać').speaker?.name ?? '', /Nauert$/u);
  // "przedstawicielka Departamentu Stanu" stays the office's unnamed representative: labels give such
  // words to the organisation ("przedstawiciel tych linii uznał" is Ryanair's), so it is no person's role.
  assert.equal(quoteWith(all, 'Inny temat').speaker?.name, 'Departament Stanu');
});

test('"- stwierdzono w komunikacie" is impersonal: the statement is its issuer\'s, the organisation named before', () => {
  const text = 'W opublikowanej we czwartek "ocenie ryzyka" Brexitu, Airbus stwierdził, że jeśli Zjednoczone Królestwo opuści zarówno jednolity rynek, jak i unię celną, bez uzgodnionych warunków przejściowych może to doprowadzić do poważnych zakłóceń w funkcjonowaniu firmy. "Ten scenariusz zmusiłby Airbusa do ponownego rozważenia inwestycji i długofalowej obecności w Wielkiej Brytanii" - stwierdzono w komunikacie.';
  const d = withMentions(doc(text, 'pl'), ['Brexitu', 'Brexit', 'EVT'], ['Airbus', 'Airbus', 'ORG'], ['Zjednoczone Królestwo', 'Zjednoczone Królestwo', 'LOC'], ['Airbusa', 'Airbus', 'ORG'], ['Wielkiej Brytanii', 'Wielka Brytania', 'LOC']);
  assert.equal(quoteWith(quotes(d), 'Ten scenariusz').speaker?.name, 'Airbus');
});

test('a verb of mockery closes speech as a reporting verb does: "- drwi z zapowiedzianej inicjatywy … Nigel Farage"', () => {
  const text = 'Zapowiedź amerykańskiego miliardera już spotkała się z krytyką. Naprawdę panie Soros? W takim razie czym był wynik referendum z 23 czerwca 2016 roku, jak nie głosem za Brexitem - drwi z zapowiedzianej inicjatywy czołowy eurosceptyk i były lider antyimigranckiej partii UKiP Nigel Farage.';
  const d = withMentions(doc(text, 'pl'), ['Soros', 'Soros', 'PER'], ['Brexitem', 'Brexit', 'EVT'], ['UKiP', 'UKiP', 'ORG'], ['Nigel Farage', 'Nigel Farage', 'PER']);
  assert.equal(quoteWith(quotes(d), 'czym był wynik referendum').speaker?.name, 'Nigel Farage');
});
