/**
 * Where sources disagree, the summary says so (src/synthesis/summary.ts): with a contradiction in
 * the story and no summary sentence giving any of its values, the best sentence giving one takes a
 * place, marked disputed. Real sentences of the Asia Bibi development stories through the real
 * ingest and analysis layers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { synthesizeStory } from '../../src/synthesis/index.ts';

const NEWS = [
  'Pakistański Sąd Najwyższy uniewinnił Asię Bibi, skazaną w 2010 r. na śmierć za bluźnierstwo przeciwko Mahometowi.',
  'Po ogłoszeniu wyroku w wielu miastach Pakistanu wybuchły gwałtowne protesty radykalnych islamistów.',
  'Protestujący zablokowali drogi w Karaczi, Lahaur i Islamabadzie.',
  'Rząd Pakistanu zawarł z protestującymi umowę, która kończy blokady dróg.',
  'Zgodnie z umową Asia Bibi nie może opuścić Pakistanu, dopóki Sąd Najwyższy nie rozpatrzy wniosku o rewizję wyroku.',
  'Adwokat Asii Bibi w obawie o swoje życie wyjechał do Holandii.',
  'Mąż Asii Bibi wystąpił o azyl dla całej rodziny w Wielkiej Brytanii, USA lub Kanadzie.',
  'Obrońcy chrześcijanki oskarżyli pakistański rząd o kapitulację wobec ekstremistów.',
];

function article(i: number, sentences: readonly string[]) {
  return analyzeArticle(
    toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text: `Asia Bibi nie może opuścić Pakistanu\n\n${sentences.join(' ')}`, published: { value: '2018-11-03', precision: 'day' } }, '2026-01-01T00:00:00.000Z'),
  );
}

test('summary: a contradiction of the story is shown with its value, marked disputed', () => {
  const articles = [
    article(0, [...NEWS, 'Bibi spędziła osiem lat w celi śmierci.']),
    article(1, [...NEWS.slice(0, 6), 'Spędziła 10 lat w więzieniu.']),
    article(2, NEWS.slice(1)),
    article(3, NEWS.slice(2)),
  ];
  const report = synthesizeStory({ id: 'bibi', articles }, { summarySentences: 5 });
  const contradiction = report.conflicts.find((c) => c.kind === 'contradiction' && c.slot === 'number');
  assert.ok(contradiction, `conflicts: ${JSON.stringify(report.conflicts.map((c) => [c.kind, c.values.map((v) => v.value)]))}`);
  const shown = report.summary.filter((s) => /osiem lat|10 lat/.test(s.text));
  assert.equal(shown.length, 1, report.summary.map((s) => s.text).join('\n'));
  assert.equal(shown[0]!.status, 'disputed');
  assert.equal(report.summary.length, 5, 'an asked length is kept: the disputed value takes the last news place');
  assert.match(report.summary[0]!.text, /uniewinnił|umow/, 'the lead stays');
});
