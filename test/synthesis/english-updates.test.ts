/**
 * English updates of expected happenings (src/synthesis/updates.ts, src/synthesis/verbs-en.ts):
 * wire-style stories of several dated articles through the real analysis layers. An expectation
 * ("is expected to leave", "will meet") overtaken by a later report that it cannot happen is an
 * update; one told as done ("met", "left") is none; a condition ("If prosecutors appeal, … will not
 * be able to leave"), a hedged report ("may not be allowed to leave") and a denial ("denied reports
 * that she had left") are no outcome.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { verbTable } from '../../src/synthesis/verbs-en.ts';

type Wire = readonly [outlet: string, published: string, text: string];

function story(wires: readonly Wire[]) {
  const articles = wires.map(([outlet, published, text], i) =>
    analyzeArticle(toArticle({ origin: `https://${outlet}/story-${i}`, format: 'text', text, published: { value: published, precision: 'day' } }, '2026-01-01T00:00:00.000Z')),
  );
  const report = synthesizeStory({ id: 'lind', articles });
  const outlet = new Map(articles.map((a, i) => [a.article.id, wires[i]![0]]));
  const events = report.conflicts.filter((c) => c.slot === 'event');
  return { report, events, cited: (ids: readonly { readonly article: string }[]) => ids.map((c) => outlet.get(c.article)).sort() };
}

const ACQUITTED: Wire = [
  'wire-a.example',
  '2024-03-04',
  'Swedish aid worker Maria Lind is expected to leave Iran within days after a court in Tehran acquitted her of espionage on Monday, her lawyer said. ' +
    'Lind, 34, spent 18 months in Evin prison. ' +
    'Swedish Foreign Minister Anna Berg will meet her Iranian counterpart Hossein Karimi in Geneva on Thursday to discuss the case.',
];
const BARRED: Wire = [
  'wire-b.example',
  '2024-03-06',
  'Iranian prosecutors said on Wednesday that Maria Lind cannot leave Iran while they consider an appeal against her acquittal. ' +
    'Lind was moved from Evin prison to a hotel in Tehran on Tuesday, her lawyer said.',
];
const MET: Wire = [
  'wire-c.example',
  '2024-03-07',
  'Anna Berg met Hossein Karimi in Geneva on Thursday and asked him to let the aid worker go home. ' +
    'The two ministers spoke for two hours, a Swedish diplomat said.',
];

test('English: "is expected to leave" overtaken by "cannot leave" is an update; the meeting that took place ("will meet" → "met") is none', () => {
  const { events, cited } = story([ACQUITTED, BARRED, MET]);
  assert.equal(events.length, 1, JSON.stringify(events));
  const [update] = events;
  assert.equal(update!.kind, 'update');
  assert.equal(update!.subject, 'leave');
  assert.equal(update!.values[0]!.state, 'superseded');
  assert.match(update!.values[0]!.value, /expected to leave Iran/);
  assert.deepEqual(cited(update!.values[0]!.citations), ['wire-a.example']);
  assert.equal(update!.values[1]!.state, 'current');
  assert.match(update!.values[1]!.value, /cannot leave Iran/);
  assert.deepEqual(cited(update!.values[1]!.citations), ['wire-b.example']);
  assert.ok(!events.some((c) => c.subject === 'meet'), 'the meeting took place as expected');
});

test('English: "was not allowed to leave" and "has not left" overtake "will leave"; "left" as expected overtakes nothing', () => {
  const expected: Wire = ['wire-a.example', '2024-03-04', 'Maria Lind will leave Iran on Friday after her acquittal, her lawyer told reporters in Tehran.'];
  const stopped: Wire = ['wire-b.example', '2024-03-09', 'Maria Lind was not allowed to leave Iran on Friday and remains in a hotel in Tehran, her lawyer said.'];
  const left: Wire = ['wire-b.example', '2024-03-09', 'Maria Lind left Iran on Friday on a flight to Stockholm, her lawyer said.'];
  const overtaken = story([expected, stopped]).events;
  assert.deepEqual(overtaken.map((c) => [c.kind, c.subject]), [['update', 'leave']]);
  assert.match(overtaken[0]!.values[1]!.value, /not allowed to leave Iran/);
  assert.deepEqual(story([expected, left]).events, []);
  // A participle read through the table ("has not left" is "leave") is an outcome too.
  const notYet: Wire = ['wire-b.example', '2024-03-09', 'Maria Lind has not left Iran, her lawyer said on Saturday, a day after her planned flight.'];
  assert.deepEqual(story([expected, notYet]).events.map((c) => [c.kind, c.subject, c.values[1]!.value]), [['update', 'leave', 'not left Iran']]);
});

test('English: a condition, a hedged report and a denial are no outcome of the expected departure', () => {
  const conditional: Wire = ['wire-b.example', '2024-03-06', 'If prosecutors appeal, Maria Lind will not be able to leave Iran for months, her lawyer said.'];
  const hedged: Wire = ['wire-c.example', '2024-03-06', 'Maria Lind may not be allowed to leave Iran before the appeal, a source close to the case said.'];
  const denied: Wire = ['wire-d.example', '2024-03-07', 'The Iranian foreign ministry denied reports that Maria Lind had left Iran.'];
  assert.deepEqual(story([ACQUITTED, conditional]).events, [], 'a condition');
  assert.deepEqual(story([ACQUITTED, hedged]).events, [], 'a hedged report');
  assert.deepEqual(story([ACQUITTED, denied]).events, [], 'a denial');
  // The same outcome stated plainly is one.
  const plain: Wire = ['wire-b.example', '2024-03-06', 'Maria Lind will not be able to leave Iran for months, her lawyer said.'];
  assert.equal(story([ACQUITTED, plain]).events.length, 1);
});

test('English verb forms: the irregular table gives base forms of pasts and participles', () => {
  const table = verbTable('en', 'irregular-verbs');
  assert.equal(table.pastOf.get('left'), 'leave');
  assert.equal(table.pastOf.get('met'), 'meet');
  assert.equal(table.pastOf.get('flown'), 'fly');
  assert.equal(table.pastOf.get('were'), 'be');
  assert.ok(table.bases.has('put') && table.pastOf.get('put') === 'put', 'one form for all three');
  assert.equal(table.pastOf.get('talked'), undefined, 'regular verbs are not in the table');
});
