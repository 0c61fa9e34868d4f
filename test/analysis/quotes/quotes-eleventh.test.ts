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

const MINISTER =
  'Jak wyjaśnił minister informacji i środków masowego przekazu Fawad Ahmed Chaudhry, radykalna islamska partia Tehreek-e-Labbaik Pakistan (TLP), z którą związany jest Khadim Hussain Rizvi, naciskała na przeprowadzenie protestu w Rawalpindi i odrzucała alternatywne rozwiązania proponowane przez rząd. ' +
  '"Aresztowanie ma na celu zapewnienie porządku i ładu publicznego i nie ma nic wspólnego ze sprawą Asi Bibi" - oświadczył minister.';

test('a role noun introduces a name past a longer portfolio ("minister informacji i środków masowego przekazu Fawad Ahmed Chaudhry"): "oświadczył minister" is he, not the last person named', () => {
  const d = withMentions(doc(MINISTER, 'pl'), ['Fawad Ahmed Chaudhry', 'Fawad Ahmed Chaudhry', 'PER'], ['Tehreek-e-Labbaik Pakistan', 'Tehreek-e-Labbaik Pakistan', 'ORG'], ['TLP', 'TLP', 'ORG'], ['Khadim Hussain Rizvi', 'Khadim Hussain Rizvi', 'PER'], ['Rawalpindi', 'Rawalpindi', 'LOC'], ['Asi Bibi', 'Asia Bibi', 'PER']);
  assert.equal(quoteWith(quotes(d), 'Aresztowanie ma na celu').speaker?.name, 'Fawad Ahmed Chaudhry');
});

test('past a comma the longer portfolio introduces no name: "minister, jak podała agencja Reuters, Fawad" is read as before', () => {
  const text = MINISTER.replace('minister informacji i środków masowego przekazu Fawad', 'minister informacji, jak podała agencja, Fawad');
  const d = withMentions(doc(text, 'pl'), ['Fawad Ahmed Chaudhry', 'Fawad Ahmed Chaudhry', 'PER'], ['Tehreek-e-Labbaik Pakistan', 'Tehreek-e-Labbaik Pakistan', 'ORG'], ['TLP', 'TLP', 'ORG'], ['Khadim Hussain Rizvi', 'Khadim Hussain Rizvi', 'PER'], ['Rawalpindi', 'Rawalpindi', 'LOC'], ['Asi Bibi', 'Asia Bibi', 'PER']);
  assert.notEqual(quoteWith(quotes(d), 'Aresztowanie ma na celu').speaker?.name, 'Fawad Ahmed Chaudhry');
});

test('the longer portfolio is read only for whom a role refers to: a person introduced so keeps "liderka Zielonych" as her role too', () => {
  const text = 'Przewodnicząca klubu poselskiego Zielonych w Bundestagu Katrin Goering-Eckardt wezwała niemiecki rząd, by spełnił życzenie pakistańskiej kobiety. – Niemiecki rząd musi Asii Bibi szybko zaoferować azyl – powiedziała liderka Zielonych, sugerując, by niemiecki MSZ działał bez zwłoki.';
  const d = withMentions(doc(text, 'pl'), ['Zielonych', 'Zieloni', 'ORG'], ['Bundestagu', 'Bundestag', 'ORG'], ['Katrin Goering-Eckardt', 'Katrin Goering-Eckardt', 'PER'], ['Asii Bibi', 'Asia Bibi', 'PER'], ['MSZ', 'MSZ', 'ORG']);
  assert.equal(quoteWith(quotes(d), 'Niemiecki rząd musi').speaker?.name, 'Katrin Goering-Eckardt');
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
