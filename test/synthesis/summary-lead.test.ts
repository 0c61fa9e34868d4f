/**
 * The lead, latest state first (src/synthesis/summary.ts chooseLead): where a later report says the
 * expected happening cannot take place (an event update, src/synthesis/updates.ts), that report
 * leads though more sources retell what came before; and one value of a slot is told once.
 * Sentences of the Asia Bibi development stories, through the real ingest and analysis layers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';

/** One article per [publication day, text]. */
function story(...articles: readonly (readonly [string, string])[]) {
  return synthesizeStory({
    id: 's',
    articles: articles.map(([day, text], i) =>
      analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text, published: { value: day, precision: 'day' as const } }, '2026-01-01T00:00:00.000Z')),
    ),
  });
}

const ACQUITTAL = 'Pakistański Sąd Najwyższy uniewinnił Asię Bibi, skazaną w 2010 r. na śmierć za bluźnierstwo przeciwko Mahometowi.';
const PROTESTS = 'Po ogłoszeniu wyroku w wielu miastach Pakistanu wybuchły gwałtowne protesty radykalnych islamistów.';
const SPECULATION = 'Rosną spekulacje, że Asia Bibi opuści Pakistan wraz z rodziną.';
const MINISTER = 'Minister Noor-ul-Haq Qadri ogłosił, że władze nie pozwolą Asi Bibi opuścić kraju, dopóki Sąd Najwyższy nie dokona rewizji wyroku.';
const DEAL = 'Zgodnie z umową kobieta nie może opuścić Pakistanu, dopóki Sąd Najwyższy nie rozpatrzy wniosku o rewizję wyroku.';
const LAWYER = 'Adwokat Asii Bibi w obawie o swoje życie wyjechał do Holandii.';
const HUSBAND = 'Mąż Asii Bibi wystąpił o azyl dla całej rodziny w Wielkiej Brytanii, USA lub Kanadzie.';

test('the report that the expected departure cannot happen leads, though four sources retell the acquittal first', () => {
  const report = story(
    ['2018-11-01', `${ACQUITTAL} ${SPECULATION} ${PROTESTS}`],
    ['2018-11-01', `${ACQUITTAL} ${PROTESTS} ${SPECULATION}`],
    ['2018-11-03', `${ACQUITTAL} ${MINISTER} ${DEAL} ${LAWYER}`],
    ['2018-11-04', `${ACQUITTAL} ${HUSBAND} ${LAWYER}`],
  );
  assert.equal(report.conflicts.find((c) => c.slot === 'event')?.kind, 'update', JSON.stringify(report.conflicts));
  assert.match(report.summary[0]!.text, /nie pozwolą|nie może opuścić/u, report.summary.map((s) => s.text).join('\n'));
  // The two wordings of that one value take one place between them.
  assert.equal(report.summary.filter((s) => /nie pozwolą|nie może opuścić/u.test(s.text)).length, 1, report.summary.map((s) => s.text).join('\n'));
  assert.ok(report.summary.some((s) => s.text.includes('uniewinnił')), 'the acquittal is still told');
});

test('without an overtaking report the most widely reported happening leads', () => {
  const report = story(
    ['2018-11-01', `${ACQUITTAL} ${SPECULATION} ${PROTESTS}`],
    ['2018-11-01', `${ACQUITTAL} ${PROTESTS} ${SPECULATION}`],
    ['2018-11-03', `${ACQUITTAL} ${LAWYER}`],
    ['2018-11-04', `${ACQUITTAL} ${HUSBAND} ${LAWYER}`],
  );
  assert.deepEqual(report.conflicts.filter((c) => c.slot === 'event'), []);
  assert.match(report.summary[0]!.text, /uniewinnił/u, report.summary.map((s) => s.text).join('\n'));
});

test('a question or a sentence continuing the one before ("I choć…") never leads, however widely repeated', () => {
  const question = 'Dlaczego Sąd Najwyższy uniewinnił Asię Bibi, skazaną w 2010 r. na śmierć za bluźnierstwo?';
  const continued = 'I choć Sąd Najwyższy uniewinnił Asię Bibi, skazaną w 2010 r. na śmierć, protesty trwają.';
  for (const opening of [question, continued]) {
    const report = story(
      ['2018-11-01', `${opening} ${PROTESTS}`],
      ['2018-11-01', `${opening} ${LAWYER}`],
      ['2018-11-02', `${opening} ${HUSBAND}`],
      ['2018-11-02', `${ACQUITTAL} ${HUSBAND}`],
    );
    assert.notEqual(report.summary[0]!.text, opening, report.summary.map((s) => s.text).join('\n'));
  }
});
