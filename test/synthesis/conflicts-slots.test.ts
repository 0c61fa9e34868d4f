/**
 * Conflict slots of src/synthesis/conflicts.ts read by the real analysis layers from short Polish
 * reports: a list of places that grows from one day to the next, shares of one whole, durations of
 * one predicate, figures of different places.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysedStory, conflictPairs } from './helpers.ts';
import { placeKey } from '../../src/synthesis/places.ts';

const story = analysedStory;
const pairs = conflictPairs;

test('a list of countries that grows the next day is an update of the shorter list; a fuller list the same day is none', () => {
  // The most widely reported list is another strike's: the update is found between the other two.
  const earlier = 'Dwa tygodnie temu personel pokładowy odszedł od pracy w Hiszpanii, Portugalii i Belgii.';
  const spread = story([
    ['one', '2018-08-08', `Piloci zapowiedzieli strajk w Irlandii, Szwecji i Belgii na piątek. ${earlier}`],
    ['two', '2018-08-09', `Do strajku dołączyli piloci z Niemiec, więc strajk obejmie Niemcy, Belgię, Szwecję i Irlandię.`],
    ['three', '2018-08-09', earlier],
    ['four', '2018-08-10', earlier],
  ]);
  const found = pairs(spread, 'place');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0]![0], 'update');
  assert.match(found[0]![1]!, /^Irlandia, Szwecja, Belgia \(superseded\)$/u);
  assert.match(found[0]![2]!, /Niemcy.*\(current\)$/u);
  const sameDay = story([
    ['one', '2018-08-09', 'Piloci zapowiedzieli strajk w Irlandii, Szwecji i Belgii na piątek.'],
    ['two', '2018-08-09', 'Do strajku dołączyli piloci z Niemiec, więc strajk obejmie Niemcy, Belgię, Szwecję i Irlandię.'],
  ]);
  assert.deepEqual(pairs(sameDay, 'place'), []);
});

test('two places are examples from a longer list, not a list a later report updates', () => {
  const examples = story([
    ['one', '2018-08-09', 'Najwięcej lotów odwołano w Niemczech i w Belgii.'],
    ['two', '2018-08-10', 'Strajkują piloci w Niemczech, Belgii, Szwecji, Irlandii oraz Holandii.'],
  ]);
  assert.deepEqual(pairs(examples, 'place'), []);
});

test('two shares of one whole are one measure, however differently worded; the whole itself is no value', () => {
  const shares = story([
    ['one', '2018-08-08', 'W związku z zapowiedzianymi strajkami przewoźnik odwołał już 6 procent z ponad 2400 lotów zaplanowanych na piątek.'],
    ['two', '2018-08-09', 'Piątkowy protest sprawi, że do skutku nie dojdzie około 17 proc. z łącznie ponad 2400 rozkładowych europejskich lotów tej linii.'],
  ]);
  const found = pairs(shares, 'number');
  assert.deepEqual(found, [['update', '6 procent (superseded)', 'około 17 proc (current)']]);
});

test('counts of different places are different measures; two counts that add up to their whole are its two sides', () => {
  const places = story([
    ['one', '2018-08-08', 'Przewoźnik ogłosił odwołanie 104 lotów do i z Belgii z uwagi na protest pilotów.'],
    ['two', '2018-08-09', 'Przewoźnik odwołał kolejne 30 lotów do i z Irlandii z uwagi na protest pilotów.'],
  ]);
  assert.deepEqual(pairs(places, 'number'), []);
  const sides = story([
    ['one', '2018-09-28', 'Przewoźnik oświadczył, że ponad 2150 z jego 2400 rozkładowych lotów odbędzie się normalnie.'],
    ['two', '2018-09-28', 'Odwołanych ma być dziś 250 lotów z prawie 2400 rozkładowych lotów.'],
  ]);
  assert.deepEqual(pairs(sides, 'number'), []);
});

test('durations compare within one verb: a finished stay told as eight years, then ten, is a contradiction', () => {
  const stay = story([
    ['one', '2018-11-03', 'Więzień spędził osiem lat w celi śmierci.'],
    ['two', '2018-11-04', 'Jak mówi jego brat, spędził 10 lat w więzieniu.'],
  ]);
  assert.deepEqual(pairs(stay, 'number'), [['contradiction', 'osiem lat', '10 lat']]);
  const otherVerbs = story([
    ['one', '2018-11-03', 'Od dziewięciu lat jego dzieci cierpią z biedy.'],
    ['two', '2018-11-04', 'Mężczyzna przez osiem lat pozostawał w więzieniu.'],
    ['three', '2018-11-04', 'Dziewięć lat temu mężczyzna pracował przy zbiorach w polu.'],
  ]);
  assert.deepEqual(pairs(otherVerbs, 'number'), []);
});

test('two wordings of one standing description that differ in a place contradict, months apart; four-letter names meet inflected', () => {
  const route = story([
    ['one', '2018-05-22', 'Nord Stream 2 to projekt liczącej 1200 km magistrali gazowej przez Morze Bałtyckie z Wyborga w Rosji do Greifswaldu w Niemczech.'],
    ['two', '2018-08-20', 'Nord Stream 2 to projekt liczącej 1200 km magistrali gazowej przez Morze Bałtyckie z Ust-Ługi w Rosji do Greifswaldu w Niemczech.'],
  ]);
  const found = route.conflicts.filter((c) => c.slot === 'place');
  assert.deepEqual(found.map((c) => c.kind), ['contradiction'], JSON.stringify(found));
  assert.equal(placeKey('Ust-Ługi', 'pl'), placeKey('Ust-Ługa', 'pl'));
  assert.equal(placeKey('Rzymie', 'pl'), placeKey('Rzym', 'pl'));
  assert.notEqual(placeKey('Malta', 'pl'), placeKey('Mali', 'pl'));
});

test('the town of the story\'s prison: two towns contradict, a town and the region the story puts it in refine, the region never contradicts', () => {
  const prison = story([
    ['one', '2018-11-07', 'Nakaz zwolnienia kobiety dotarł w środę do więzienia w Multan w Pendżabie.'],
    ['two', '2018-11-07', 'W końcu kobiecie udało się opuścić więzienie w Pendżabie.'],
    ['three', '2018-11-07', 'Kobieta została zwolniona w środę z więzienia w Lahaur, gdzie przebywała od lat.'],
  ]);
  const found = pairs(prison, 'place').map((p) => p.join(' ')).sort();
  assert.deepEqual(found, ['contradiction Multan Lahaur', 'refinement Multan Pendżab']);
});

test('a list given as examples ("m.in.") is neither updated nor contradicted; an abbreviated place name is the full one', () => {
  const examples = story([
    ['one', '2018-08-08', 'Piloci zapowiedzieli strajk w Irlandii, Szwecji i Belgii na piątek.'],
    ['two', '2018-08-09', 'Strajk obejmie m.in. Niemcy, Belgię, Szwecję i Irlandię.'],
  ]);
  assert.deepEqual(pairs(examples, 'place'), []);
  assert.equal(placeKey('Irlandia Płn.', 'pl'), placeKey('Irlandia Północna', 'pl'));
  assert.equal(placeKey('Korei Płd.', 'pl'), placeKey('Korea Południowa', 'pl'));
});

test('a retrospective list dated before its article\'s month updates nothing; a capital and its country refine', () => {
  const retrospective = story([
    ['one', '2018-07-24', 'Personel pokładowy strajkuje w Hiszpanii, Portugalii i Belgii.'],
    ['two', '2018-08-03', 'W lipcu strajkowali pracownicy linii w Hiszpanii, Portugalii, Belgii, Irlandii i we Włoszech.'],
  ]);
  assert.deepEqual(pairs(retrospective, 'place'), []);
  const summit = story([
    ['one', '2018-03-22', 'Szczyt przywódców odbędzie się w piątek w Brukseli.'],
    ['two', '2018-03-23', 'Szczyt przywódców odbył się w piątek w Belgii.'],
  ]);
  assert.deepEqual(pairs(summit, 'place'), [['refinement', 'Bruksela', 'Belgia']]);
});

test('three countries of ten are another list, not one that grew', () => {
  const survey = story([
    ['one', '2018-01-23', 'Najwięcej zapłacą Holandia, Włochy i Polska, wynika z wyliczeń.'],
    ['two', '2018-01-29', 'W ankiecie wzięły udział Dania, Niemcy, Francja, Włochy, Holandia, Polska, Rumunia, Szwecja, Belgia oraz Wielka Brytania.'],
  ]);
  assert.deepEqual(pairs(survey, 'place'), []);
});

test('a conflict names its subject in the text\'s words: the route\'s noun, the unit as written, never an internal key', () => {
  const route = story([
    ['one', '2018-05-22', 'Nord Stream 2 to projekt liczącej 1200 km magistrali gazowej przez Morze Bałtyckie z Wyborga w Rosji do Greifswaldu w Niemczech.'],
    ['two', '2018-08-20', 'Nord Stream 2 to projekt liczącej 1200 km magistrali gazowej przez Morze Bałtyckie z Ust-Ługi w Rosji do Greifswaldu w Niemczech.'],
  ]);
  assert.deepEqual(route.conflicts.filter((c) => c.slot === 'place').map((c) => c.subject), ['magistrala']);
  const length = story([
    ['one', '2018-05-22', 'Gazociąg będzie miał długość 1200 km i pobiegnie po dnie Bałtyku.'],
    ['two', '2018-05-22', 'Gazociąg będzie miał długość 374 km i pobiegnie po dnie Bałtyku.'],
  ]);
  const numbers = length.conflicts.filter((c) => c.slot === 'number');
  assert.ok(numbers.length > 0, JSON.stringify(length.conflicts));
  assert.deepEqual(numbers.map((c) => c.subject), numbers.map(() => 'km'));
  // The internal keys a walkthrough found shown as subjects ("place", the unit's six-letter key).
  for (const c of [...route.conflicts, ...length.conflicts]) assert.ok(!['place', 'places', 'whereabouts', 'kilome'].includes(c.subject), c.subject);
});

test('a one-sided figure ("do 34 krajów": at most 34) is no approximation of a larger one; "niecałe 200" still is 190', () => {
  const countries = story([
    ['one', '2018-07-06', 'Ryanair lata w 37 krajach.'],
    ['two', '2018-07-06', 'Teraz załogi największego europejskiego przewoźnika, który lata do 34 krajów, opublikowały listę swoich postulatów.'],
  ]);
  assert.deepEqual(pairs(countries, 'number'), [['contradiction', '37 krajach', 'do 34 krajów']]);
  const flights = story([
    ['one', '2018-09-27', 'Ryanair anulował do czwartkowego popołudnia tylko niecałe 200 swych piątkowych lotów.'],
    ['two', '2018-09-27', 'W związku z tym Ryanair odwołał 190 lotów zaplanowanych na piątek.'],
  ]);
  assert.deepEqual(pairs(flights, 'number'), []);
});

test('on one day a figure is overtaken only where it was expected: a perfective or present figure against another is a contradiction', () => {
  const passengers = (first: string) => story([
    ['one', '2018-07-18', first],
    ['two', '2018-07-18', 'Anulowane połączenia dotknęły już prawie 50 tys. pasażerów.'],
  ]);
  assert.deepEqual(pairs(passengers('Anulowane połączenia dotkną w sumie 100 tys. pasażerów.'), 'number').map((p) => p[0]), ['contradiction']);
  // Hedged, the first figure was an expectation, which the done report overtakes.
  assert.deepEqual(pairs(passengers('Anulowane połączenia dotkną prawdopodobnie 100 tys. pasażerów.'), 'number').map((p) => p[0]), ['update']);
});

test('a fraction\'s denominator ("2/3 Brytyjczyków") counts nothing, and a spaced decimal comma ("ok. 1, 2 tys. km") is one figure', () => {
  const share = story([
    ['one', '2018-03-01', '2/3 Brytyjczyków uważa, że Brexit idzie w złym kierunku.'],
    ['two', '2018-03-01', 'Wniosek pięciu Brytyjczyków o przyznanie im obywatelstwa Unii uważa się w sądzie za zasadny.'],
  ]);
  assert.deepEqual(pairs(share, 'number'), []);
  const length = story([
    ['one', '2018-04-05', 'Cały bałtycki gazociąg od brzegów Rosji do wybrzeża Niemiec będzie miał ok. 1, 2 tys. km długości.'],
    ['two', '2018-04-06', 'Cały bałtycki gazociąg od brzegów Rosji do wybrzeża Niemiec będzie miał 1200 km długości.'],
  ]);
  assert.deepEqual(pairs(length, 'number'), []);
  const longer = story([
    ['one', '2018-04-05', 'Cały bałtycki gazociąg od brzegów Rosji do wybrzeża Niemiec będzie miał ok. 1, 2 tys. km długości.'],
    ['two', '2018-04-05', 'Cały bałtycki gazociąg od brzegów Rosji do wybrzeża Niemiec będzie miał 2 tys. km długości.'],
  ]);
  assert.deepEqual(pairs(longer, 'number').map((p) => p[0]), ['contradiction']);
});

test('a finished period told in the past by both is a contradiction, whatever a third wording of another verb says beside it', () => {
  const years = story([
    ['one', '2018-11-08', 'Asia Bibi w więzieniu spędziła dziewięć lat.'],
    ['two', '2018-11-09', 'To historia Asi Bibi, skazanej na karę śmierci, przez dziewięć lat przetrzymywanej w celi śmierci.'],
    ['three', '2018-11-22', 'Asia Bibi w celi śmierci spędziła osiem lat.'],
  ]);
  assert.deepEqual(pairs(years, 'number').map((p) => p[0]), ['contradiction']);
});

test('a count describing a person ("matka czworga dzieci") days before another ("matką pięciorga dzieci") is a contradiction, not an update', () => {
  const children = story([
    ['one', '2018-11-08', 'Matka czworga dzieci, pakistańska chrześcijanka Asia Bibi została w zeszłym tygodniu zwolniona z więzienia.'],
    ['two', '2018-11-11', 'Pod koniec października wyrok został skasowany przez Sąd Najwyższy, a Asia Bibi, będąca matką pięciorga dzieci, została zwolniona z więzienia.'],
    ['three', '2018-11-09', 'Rząd Kanady prowadzi rozmowy z władzami Pakistanu w sprawie azylu.'],
  ]);
  assert.deepEqual(pairs(children, 'number').map((p) => p[0]), ['contradiction']);
});

test('a figure its clause gives as a whole ("cała inwestycja … do ok. 13 mld euro") and a smaller one not so given are a part and its whole, no contradiction', () => {
  const part = 'Koszt budowy przyłączy do gazociągu Nord Stream 2 w Niemczech wyniesie 3,1 mld euro, pisze gazeta.';
  const numbers = (text: string): string[][] => pairs(story([['one', '2018-06-22', part], ['two', '2018-06-22', text]]), 'number');
  assert.deepEqual(numbers('Cały koszt budowy gazociągu Nord Stream 2 w Niemczech wyniesie ok. 13 mld euro, pisze gazeta.'), []);
  // Without the whole word, or with it in another clause, the two figures of one cost contradict each other.
  assert.equal(numbers('Koszt budowy gazociągu Nord Stream 2 w Niemczech wyniesie ok. 13 mld euro, pisze gazeta.').length, 1);
  assert.equal(numbers('Cała inwestycja jest droga, a koszt budowy gazociągu Nord Stream 2 w Niemczech wyniesie ok. 13 mld euro, pisze gazeta.').length, 1);
});
