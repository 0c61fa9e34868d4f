/**
 * A lede's shape (src/synthesis/summary.ts chooseLead): a sentence leaning on the one before (a
 * connective in its first clause, an attribution whose speaker is in the sentence before) does not
 * open the summary. Real sentences of the tenth round's lead audit (unlabelled development stories, eval/data/lead-audit/), through the
 * real ingest and analysis layers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { storyFeatures } from '../../src/synthesis/features.ts';
import { followsOn, opensWithDroppedSubject } from '../../src/synthesis/summary.ts';

const analysed = (text: string, i: number, day?: string) =>
  analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text, ...(day && { published: { value: day, precision: 'day' as const } }) }, '2026-01-01T00:00:00.000Z'));

/** Each sentence of the texts (one article each) → what `rule` says of it. */
function judged(rule: (s: ReturnType<typeof storyFeatures>['sentences'][number]) => boolean, ...texts: string[]): Record<string, boolean> {
  const features = storyFeatures(texts.map((t, i) => analysed(t, i)));
  return Object.fromEntries(features.sentences.map((s) => [s.sentence.text, rule(s)]));
}

/** One article per [publication day, text]. */
function story(...articles: readonly (readonly [string, string])[]) {
  return synthesizeStory({ id: 's', articles: articles.map(([day, text], i) => analysed(text, i, day)) });
}

// Ryanair's Polish crews (October–November 2018).
const BECAUSE = 'Ryanair odmawia bowiem uznania założonego w Polsce związku zawodowego CWR Poland.';
const UNION = 'W Polsce związek zawodowy pracowników pokładowych odmówił podpisywania nowych umów, jakie chce wprowadzić polska filia przewoźnika.';
const INSPECTION = 'Inspektorzy pracy z Okręgowego Inspektoratu Pracy wszczęli kontrolę w spółce Ryanair Sun, która ma przejąć w Polsce realizację rozkładowych rejsów największej taniej linii lotniczej w Europie.';

test('followsOn: a connective in the first clause ties the sentence to the one before; one after a comma does not', () => {
  assert.deepEqual(
    judged(
      followsOn,
      `${BECAUSE} ${UNION}`,
      'Anonimowe źródło agencji Reutera na Downing Street odrzuciło jednak spekulacje medialne, oceniając, że takie rozwiązanie byłoby "kompletnie nie do przyjęcia". Londyn obiecał Brukseli, że w Irlandii nie odrodzi się twarda granica, jednak rząd Theresy May wciąż nie ma pomysłu, jak tego dokonać.',
    ),
    {
      [BECAUSE]: true,
      [UNION]: false,
      'Anonimowe źródło agencji Reutera na Downing Street odrzuciło jednak spekulacje medialne, oceniając, że takie rozwiązanie byłoby "kompletnie nie do przyjęcia".': true,
      'Londyn obiecał Brukseli, że w Irlandii nie odrodzi się twarda granica, jednak rząd Theresy May wciąż nie ma pomysłu, jak tego dokonać.': false,
    },
  );
});

test('a sentence explaining the one before ("…odmawia bowiem…") never leads, though two outlets carry it', () => {
  const report = story(['2018-11-01', `${BECAUSE} ${UNION}`], ['2018-11-02', `${INSPECTION} ${BECAUSE}`], ['2018-10-18', UNION]);
  assert.notEqual(report.summary[0]!.text, BECAUSE, report.summary.map((s) => s.text).join('\n'));
});

test('opensWithDroppedSubject: "Jak zaznaczyła," names no speaker; "Jak podkreślił Marcin Makowski," and "Jak mówił europoseł," do', () => {
  const dropped = 'Jak zaznaczyła, w procesie jego tworzenia konsultowane są m.in. grupy obywateli UE w tym Polaków, pracodawcy i ambasady państw członkowskich.';
  const named = 'Jak podkreślił Marcin Makowski, plusem jest to, że Unia Europejska i Komisja Europejska uginają się pod argumentacją państw takich jak Polska.';
  const role = 'Jak mówił europoseł, po opuszczeniu UE przez Wielką Brytanię do budżetu Wspólnoty będzie wpływało rocznie mniej o 10-14 mld euro.';
  assert.deepEqual(judged(opensWithDroppedSubject, `${dropped} ${named} ${role}`), { [dropped]: true, [named]: false, [role]: false });
});

test('an attribution naming nobody ("Jak dodał, Nord Stream 2 destabilizuje…") is no summary sentence: the premier\'s opinion would read as the outlet\'s', () => {
  const added = 'Jak dodał, Nord Stream 2 destabilizuje Europę również od strony bezpieczeństwa.';
  const report = story(
    ['2018-07-12', `Bez wsparcia innych państw projekt budowy Nord Stream 2 będzie nam ciężko zablokować - powiedział w czwartek premier Mateusz Morawiecki. ${added}`],
    ['2018-07-12', `Premier Mateusz Morawiecki spotkał się w czwartek z mieszkańcami Szczecina. ${added}`],
    ['2018-06-28', 'Zgromadzenie przedstawicieli Parlamentu Europejskiego i parlamentów państw uczestniczących w Partnerstwie Wschodnim (Euronest) potępiło budowę gazociągu Nord Stream 2.'],
  );
  assert.ok(!report.summary.some((s) => added.endsWith(s.text)), report.summary.map((s) => s.text).join('\n'));
});
