import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySentences, type SentenceStatus } from '../../../src/analysis/epistemic/index.ts';
import { findQuotes } from '../../../src/analysis/quotes/index.ts';
import { doc, seed, withMention, type Doc } from '../quotes/fixture.ts';

function statuses(d: Doc): SentenceStatus[] {
  const quotes = findQuotes({ text: d.text, language: d.language, sentences: d.sentences, mentions: d.mentions });
  return classifySentences({ text: d.text, language: d.language, sentences: d.sentences, quotes });
}

/** The status of the sentence containing `fragment`. */
function statusOf(d: Doc, fragment: string): SentenceStatus {
  const at = d.text.indexOf(fragment);
  assert.ok(at >= 0, `fragment not in text: ${fragment}`);
  const index = d.sentences.findIndex((s) => s.start <= at && at < s.end);
  return statuses(d)[index]!;
}

test('hedged-probably: "Rozmowy prawdopodobnie odbędą się we Władywostoku" is hedged, cue with offsets', () => {
  const d = seed('003');
  const s = statusOf(d, 'Rozmowy prawdopodobnie odbędą się we Władywostoku');
  assert.equal(s.status, 'hedged');
  const cue = s.cues.find((c) => c.kind === 'hedge');
  assert.equal(cue?.text, 'prawdopodobnie');
  assert.equal(d.text.slice(cue!.start, cue!.end), 'prawdopodobnie');
});

test('confirmed-communique: the Kremlin\'s "w najbliższych dniach złoży oficjalną wizytę" is confirmed', () => {
  const d = withMention(seed('004'), 'Kreml', 'Kreml', 'ORG');
  const s = statusOf(d, 'w najbliższych dniach złoży oficjalną wizytę');
  assert.equal(s.status, 'confirmed');
  // The Kremlin reporting on its own affairs confirms too ("przekazał" said by an organisation).
  assert.deepEqual(s.cues.filter((c) => c.kind === 'confirm').map((c) => c.text), ['przekazał', 'komunikacie']);
  assert.ok(s.cues.some((c) => c.kind === 'attribution' && c.text === 'przekazał'), 'attribution kept as evidence');
  assert.equal(statusOf(d, 'Potwierdzenie dotyczące wizyty').status, 'confirmed');
});

test('hedge-beats-attribution: "Amerykańscy urzędnicy twierdzą, że … prawdopodobnie spotka się"', () => {
  const s = statusOf(seed('001'), 'Amerykańscy urzędnicy twierdzą');
  assert.equal(s.status, 'hedged');
  assert.ok(s.cues.some((c) => c.kind === 'attribution'));
});

test('schedules are not speculation: "ma się spotkać", "mają omówić", "ma być gotowy do końca 2019 roku"', () => {
  const d000 = seed('000');
  assert.equal(statusOf(d000, 'gdzie ma się spotkać').status, 'asserted');
  assert.equal(statusOf(seed('001'), 'Przywódcy mają omówić').status, 'asserted');
  assert.equal(statusOf(seed('002'), 'Putin i Kim mają prowadzić negocjacje').status, 'asserted');
  const pipeline = doc('Gazociąg ma być gotowy do końca 2019 roku. Celem spotkania ma być omówienie dostaw broni. Prezes ma być chory.', 'pl');
  const times = [{ start: pipeline.text.indexOf('do końca 2019 roku'), end: pipeline.text.indexOf('do końca 2019 roku') + 18 }];
  const all = classifySentences({ text: pipeline.text, language: 'pl', sentences: pipeline.sentences, times });
  assert.deepEqual(all.map((s) => s.status), ['asserted', 'hedged', 'hedged'], '"ma być" with a time is a schedule; without one, hearsay');
});

test('hearsay "miał + infinitive" hedges unless the sentence names the scheduled time', () => {
  const d = doc('Ta miała odpowiedzieć, obrażając proroka. O 21.00 miał przylecieć samolot z Barcelony.', 'pl');
  const at = d.text.indexOf('O 21.00');
  const all = classifySentences({ text: d.text, language: 'pl', sentences: d.sentences, times: [{ start: at, end: at + 7 }] });
  assert.deepEqual(all.map((s) => s.status), ['hedged', 'asserted']);
});

test('modifiers, rights and negated reports do not hedge; the conditional still does', () => {
  const d000 = seed('000');
  assert.equal(statusOf(d000, 'W zamian Rosja miałaby przekazać').status, 'hedged');
  const unconfirmed = statusOf(d000, 'ale nie potwierdzono');
  assert.equal(unconfirmed.status, 'asserted', 'a negated report states what is not known');
  assert.equal(unconfirmed.cues.some((c) => c.kind === 'confirm'), false, 'a negated confirmation is no confirmation');
  const d001 = withMention(seed('001'), 'Dmitrij Pieskow', 'Dmitrij Pieskow', 'PER');
  assert.equal(statusOf(d001, 'zapytany o możliwą wizytę').status, 'asserted', '"możliwą" and "która przewidywałaby" describe nouns');
  assert.equal(statusOf(d001, 'USA opublikowały zdjęcia satelitarne, sugerujące').status, 'asserted');
  assert.equal(statusOf(seed('004'), 'Nie poinformowano jednocześnie').status, 'asserted');
  const d = doc('Każdy pasażer może domagać się zwrotu pieniędzy. Utrudnienia mogą dotknąć tysięcy pasażerów. Do tej pory nie ustalono, w jaki sposób mogło się to stać.', 'pl');
  assert.deepEqual(statuses(d).map((s) => s.status), ['asserted', 'hedged', 'asserted']);
});

test('denials are their own status; a denial in a concessive clause is not the sentence\'s', () => {
  const d = doc('Rzecznik MSZ oświadczył, że kobieta jest w Pakistanie, dementując informacje o jej wyjeździe za granicę. Bibi zawsze zaprzeczała, że bluźniła. Pjongjang, mimo że temu zaprzeczał, dostarczył pociski. Rzecznik nie zaprzeczył tym doniesieniom.', 'pl');
  const all = statuses(d);
  assert.deepEqual(all.map((s) => s.status), ['denied', 'denied', 'asserted', 'asserted']);
  assert.deepEqual(all[0]!.cues.filter((c) => c.kind === 'denial').map((c) => c.text), ['dementując']);
});

test('attributed-and-asserted: quotes make sentences attributed; cue words inside a direct quote do not hedge', () => {
  const d = withMention(seed('003'), 'Kamala Harris', 'Kamala Harris', 'PER');
  const harris = statusOf(d, 'Myślę, że byłby to duży błąd');
  assert.equal(harris.status, 'attributed', '"byłby" is Harris\'s word, not the article\'s hedge');
  const d002 = withMention(seed('002'), 'Dmitrij Pieskow', 'Dmitrij Pieskow', 'PER');
  assert.equal(statusOf(d002, 'Jak zapowiedział rzecznik Kremla').status, 'attributed');
  assert.equal(statusOf(d002, 'Wostocznyj to kosmodrom rezerwowy').status, 'asserted');
  assert.deepEqual(statusOf(d002, 'Wostocznyj to kosmodrom rezerwowy').cues, []);
});

test('english-cues: reportedly and may hedge, confirmed confirms, the month May does not hedge', () => {
  const d = doc('The shipments reportedly began in August. The White House confirmed the meeting. Moscow may host talks. The leaders met in May 2019.', 'en');
  const all = statuses(d);
  assert.deepEqual(all.map((s) => s.status), ['hedged', 'confirmed', 'hedged', 'asserted']);
});

test('degenerate-input: empty text and undetermined language give empty results, not errors', async () => {
  const { findTimeExpressions } = await import('../../../src/analysis/time/index.ts');
  const empty = { text: '', language: 'und' as const, sentences: [] };
  assert.deepEqual(findQuotes({ ...empty, mentions: [] }), []);
  assert.deepEqual(findTimeExpressions(empty), []);
  assert.deepEqual(classifySentences(empty), []);
  const noSentences = { text: '- Jesteśmy gotowi na rozmowy - powiedział w 2019 roku.', language: 'pl' as const, sentences: [] };
  assert.equal(findQuotes({ ...noSentences, mentions: [] })[0]?.text, 'Jesteśmy gotowi na rozmowy');
  assert.equal(findTimeExpressions(noSentences)[0]?.value, '2019');
});

test('modal-particle-and-c-infinitive: "może jednak powrócić", "może się odwlec" hedge; future "będzie mogła" is an option', () => {
  const d = doc(
    'Strajk może jednak powrócić w Polsce, i to w znacznie większej skali. ' +
      'Doprecyzowanie, jak to zrobić z końcem okresu przejściowego, może się odwlec o parę miesięcy. ' +
      'Prawnik poinformował, że będzie mogła opuścić kraj dopiero wówczas, gdy sąd odrzuci odwołanie. ' +
      'Kierowca mógł zasnąć za kierownicą.',
    'pl',
  );
  const all = statuses(d);
  assert.deepEqual(all.map((s) => s.status), ['hedged', 'hedged', 'attributed', 'hedged']);
  assert.deepEqual(all[1]!.cues.filter((c) => c.kind === 'hedge').map((c) => c.text), ['może się odwlec']);
});

test('reporting-verbs: "wezwała", "nazywają", "deklarowało" report what a source says', () => {
  const d = doc(
    'Komisarz Marianne Thyssen wezwała wczoraj przewoźnika do przestrzegania prawa. ' +
      'Krytycy premier nazywają ten okres wasalstwem. ' +
      'Wcześniej kilka partii deklarowało, że poprze tę decyzję.',
    'pl',
  );
  assert.deepEqual(statuses(d).map((s) => s.status), ['attributed', 'attributed', 'attributed']);
});

test('attribution-cues: "Zgodnie z zapowiedzią…" and "z informacji agencji AP wynika" attribute without a reporting verb', () => {
  const d = doc(
    'Zgodnie z zapowiedzią pasażerowie, których loty zostaną odwołane, zostaną o tym poinformowani e-mailem. ' +
      'Z kolei z informacji agencji AP wynika, że władze zwiększyły bezpieczeństwo w kościołach. ' +
      'Z tego wynika, że rząd się pomylił.',
    'pl',
  );
  const all = statuses(d);
  assert.deepEqual(all.map((s) => s.status), ['attributed', 'attributed', 'asserted']);
  assert.deepEqual(all[1]!.cues.map((c) => c.text), ['z informacji agencji AP wynika']);
});

test('hearsay-in-quote: "„Powiedziano mi, że jest w samolocie” – napisał" is hedged; a named source inside a quote is not', () => {
  const d = doc(
    '„Powiedziano mi, że jest w samolocie, ale nikt nie wie, gdzie wyląduje” – napisał w wiadomości dla agencji AFP. ' +
      'Prawnik dodał: „Powiedziano mi, że jest bezpieczna”. ' +
      '„Powiedział mi, że wróci jutro” – dodał prawnik.',
    'pl',
  );
  assert.deepEqual(statuses(d).map((s) => s.status), ['hedged', 'hedged', 'attributed']);
});
