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
  assert.deepEqual(s.cues.filter((c) => c.kind === 'confirm').map((c) => c.text), ['komunikacie']);
  assert.ok(s.cues.some((c) => c.kind === 'attribution' && c.text === 'przekazał'), 'attribution kept as evidence');
  assert.equal(statusOf(d, 'Potwierdzenie dotyczące wizyty').status, 'confirmed');
});

test('hedge-beats-attribution: "Amerykańscy urzędnicy twierdzą, że … prawdopodobnie spotka się"', () => {
  const s = statusOf(seed('001'), 'Amerykańscy urzędnicy twierdzą');
  assert.equal(s.status, 'hedged');
  assert.ok(s.cues.some((c) => c.kind === 'attribution'));
});

test('reportative-and-conditional: "ma się spotkać", "mają omówić", "miałaby", negated "nie potwierdzono"', () => {
  const d000 = seed('000');
  assert.deepEqual(statusOf(d000, 'gdzie ma się spotkać').cues.map((c) => c.text), ['ma się spotkać']);
  assert.equal(statusOf(d000, 'W zamian Rosja miałaby przekazać').status, 'hedged');
  const unconfirmed = statusOf(d000, 'ale nie potwierdzono');
  assert.equal(unconfirmed.status, 'hedged');
  assert.equal(unconfirmed.cues.some((c) => c.kind === 'confirm'), false, 'a negated confirmation is no confirmation');
  assert.equal(statusOf(seed('001'), 'Przywódcy mają omówić').status, 'hedged');
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
