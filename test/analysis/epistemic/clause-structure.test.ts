import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySentences } from '../../../src/analysis/epistemic/index.ts';
import { doc } from '../quotes/fixture.ts';

// Real sentences of the BSNLP development articles (tuning topics), wave 5 "statuses" rules.
const statuses = (text: string, language: 'pl' | 'en' = 'pl'): string[] => {
  const d = doc(text, language);
  return classifySentences({ text: d.text, language, sentences: d.sentences }).map((s) => s.status);
};

test('"mieć" + infinitive in a relative clause stays hearsay; a relative clause with its verb ended even without a comma', () => {
  assert.deepEqual(statuses('Na fotografiach były widoczne wagony kolejowe załadowane amunicją, która miała docelowo trafić do Grupy Wagnera.'), ['hedged']);
});

test('a relative clause whose verb came already ends before the cue even without a comma', () => {
  // "która potem nastąpiła" has its verb: "Bibi miała wypowiedzieć" is the main clause's hearsay.
  assert.deepEqual(statuses('Podczas kłótni, która potem nastąpiła Bibi miała wypowiedzieć obraźliwe uwagi o Mahomecie.'), ['hedged']);
  // After a conjunction the relative clause goes on: "które … nie są przychylne … i mogą przyćmić".
  assert.deepEqual(statuses('Dla AUD kluczowe znaczenie teraz ma sentyment zewnętrzny i trend USD, które ostatnio nie są przychylne Aussie i mogą przyćmić czynniki lokalne.'), ['asserted']);
});

test('a modal, conditional or "mieć" + infinitive inside an indirect question asks, it does not hedge', () => {
  // A correlative "jak i" opens no question: the conditional hedges.
  assert.deepEqual(statuses('Zdaniem amerykańskiej polityk, takie działania zarówno ze strony Moskwy, jak i Pjongjangu doprowadziłyby do dalszej izolacji.'), ['hedged']);
  assert.deepEqual(
    statuses(
      'Trzyosobowy skład sądu zarządził wysłuchanie z pytaniem, czy brytyjski rząd może jednostronnie wycofać się z Brexitu. ' +
        'Na razie brytyjski rząd nie jest jednak w stanie rozstrzygnąć, jak miałyby wyglądać przyszłe stosunki z Unią. ' +
        'Brytyjczyków zapytano również, jak głosowaliby dzisiaj.',
    ),
    ['asserted', 'asserted', 'asserted'],
  );
  // "gdzie" also opens a relative clause that tells what happened: the hearsay there stays.
  assert.deepEqual(statuses('Następnie kobieta została pobita w swoim domu, gdzie miała przyznać się do bluźnierstwa.'), ['hedged']);
});

test('a confirmation still to come (an infinitive, the perfective future) confirms nothing', () => {
  assert.deepEqual(
    statuses('Musi jednak potwierdzić, że chce i jest gotowe obsługiwać go codziennie. Ministerstwa spraw zagranicznych tych krajów potwierdziły, że prowadzą rozmowy.'),
    ['asserted', 'confirmed'],
  );
  assert.deepEqual(statuses('Rząd ogłosi decyzję w piątek. Rząd ogłosił decyzję w piątek.'), ['asserted', 'confirmed']);
  assert.deepEqual(statuses('The ministry has yet to confirm the figure. The ministry confirmed the figure.', 'en'), ['asserted', 'confirmed']);
});

test('evidence does not speak: a reporting verb after a poll or a result is the article reading data', () => {
  assert.deepEqual(
    statuses('Większość sondaży przed głosowaniem wskazywała jednak przewagę zwolenników dalszej integracji europejskiej. Senator wskazał na działania Rosji w Syrii.'),
    ['asserted', 'attributed'],
  );
  assert.deepEqual(statuses('Polls before the vote suggested a lead for Remain. The minister suggested a lead for Remain.', 'en'), ['asserted', 'attributed']);
});

test('"zapewniać" provides unless something is reported; "podać się" is another verb', () => {
  assert.deepEqual(
    statuses(
      'Bank zapewnia długoterminowe wsparcie finansowe dla solidnych inwestycji. ' +
        'Fico co prawda podał się do dymisji po skandalu. ' +
        'Rejestracja - jak zapewniają jego twórcy - będzie znacznie prostsza. ' +
        'Papież Franciszek zapewnił ją o swojej modlitwie.',
    ),
    ['asserted', 'asserted', 'attributed', 'attributed'],
  );
});

test('the conditional of a share of people is a poll answer, of a share of a thing a projection', () => {
  assert.deepEqual(
    statuses(
      'Za pozostaniem w Unii głosowałoby niemal 64 proc. sympatyków Partii Pracy i 29 proc. zwolenników Konserwatystów. ' +
        'Gdyby referendum przeprowadzono dziś, 53 proc. osób byłoby za odwołaniem Brexitu. ' +
        'W ten sposób na jednej trasie skoncentrowanych zostałoby 80 procent rosyjskiego eksportu gazu do Europy.',
    ),
    ['asserted', 'asserted', 'hedged'],
  );
});

test('a lie however qualified and a claim made against a source\'s words are denials', () => {
  assert.deepEqual(
    statuses(
      'To, co Verhofstadt powiedział podczas wczorajszej debaty w Parlamencie Europejskim, jest skandalicznym kłamstwem. ' +
        'Krischer podkreślił, że Nord Stream 2 nie jest – wbrew temu, co twierdzi rząd – czysto ekonomicznym projektem.',
    ),
    ['denied', 'denied'],
  );
});

test('a past "mieć" + infinitive the sentence goes on to contradict is a failed plan, no hearsay', () => {
  assert.deepEqual(
    statuses('Ich maszyny miały lądować w Porto, ale uniemożliwiły to burze pustoszące Portugalię. 47-latka miała przejść na islam jednak odmówiła, za co została pobita w swoim domu.'),
    ['asserted', 'asserted'],
  );
  // The adversative may stand inside the next clause.
  assert.deepEqual(statuses('Londyn początkowo miał zapewnić uwolnionej kobiecie azyl, w ostatniej chwili jednak wycofał się z tej oferty.'), ['asserted']);
  // The contrast belongs to a later clause: "miał mówić" stays hearsay.
  assert.deepEqual(statuses('Miał mówić, że Francja zgodziła się na podniesienie składki członkowskiej, a jednak pieniędzy na rolnictwo będzie miała mniej.'), ['hedged']);
});

test('English: a sentence opening with the name "May" is no modal', () => {
  assert.deepEqual(statuses('May said the deal was done. May will travel to Brussels on Monday. The talks may collapse.', 'en'), ['attributed', 'asserted', 'hedged']);
});

test('a cueless dash "quote" starting inside a sentence and running past it attributes nothing; a marked one does', () => {
  // The dash of a BSNLP article ("…w tym prawie 42 tys. – w Niemczech.") is no spoken line, so the
  // next sentence is the article's own (there the quotes stage found a far cue, which this rule
  // leaves alone; here the quote has none).
  const text = 'Protest dotyka około 55 tys. pasażerów, w tym prawie 42 tys. – w Niemczech. W tym kraju odwołano wszystkie 250 lotów.';
  const sentences = [{ start: 0, end: 75 }, { start: 76, end: text.length }];
  const start = text.indexOf('w Niemczech');
  const stray = [{ start, end: text.length - 1, kind: 'direct' as const, sentence: 0 }];
  assert.deepEqual(classifySentences({ text, language: 'pl', sentences, quotes: stray }).map((s) => s.status), ['asserted', 'asserted']);
  const marked = 'Związek ogłosił: „To koniec rozmów. Strajk potrwa do piątku”.';
  const q = [{ start: marked.indexOf('To koniec'), end: marked.indexOf('”'), kind: 'direct' as const, sentence: 0 }];
  const ms = [{ start: 0, end: marked.indexOf('rozmów.') + 7 }, { start: marked.indexOf('Strajk'), end: marked.length }];
  assert.equal(classifySentences({ text: marked, language: 'pl', sentences: ms, quotes: q })[1]!.status, 'attributed');
});
