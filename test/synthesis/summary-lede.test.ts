/**
 * A lede's shape (src/synthesis/summary.ts chooseLead): a sentence leaning on the one before (a
 * connective in its first clause, an attribution whose speaker is in the sentence before), a
 * quotation, or an article's closing background line does not open the summary. Real sentences of
 * the tenth round's lead audit (unlabelled development stories, eval/data/lead-audit/), through the
 * real ingest and analysis layers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { storyFeatures } from '../../src/synthesis/features.ts';
import { followsOn, mostlyQuoted, opensWithDroppedSubject } from '../../src/synthesis/summary.ts';

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

test('mostlyQuoted: a quotation behind a short attribution is a quote; a report of what was said is not', () => {
  const quote = 'Jak podkreślił Marcin Makowski, „plusem jest to, że Unia Europejska i Komisja Europejska uginają się pod argumentacją państw takich jak Polska, Węgry czy Francja”.';
  const said = 'Główny unijny negocjator ds. Brexitu Michel Barnier powiedział w piątek, że jest jeszcze 25 proc. pracy do wykonania w sprawie porozumienia na temat wyjścia Wielkiej Brytanii z UE.';
  assert.deepEqual(judged(mostlyQuoted, `${quote} ${said}`), { [quote]: true, [said]: false });
});

// The Irish border in the Brexit talks (May 2018): every wire text closes with the same background line.
const CLOSING = 'Wielka Brytania ma opuścić Unię Europejską 29 marca 2019 roku.';
/** The same line as other wire texts word it (a verbatim copy would make the texts one origin). */
const CLOSINGS = [CLOSING, 'Wielka Brytania ma opuścić Unię Europejską 29 marca 2019 r.', 'Wielka Brytania ma wyjść z Unii Europejskiej 29 marca 2019 roku.'];
const IMPASSE = 'Główny unijny negocjator ds. Brexitu Michel Barnier ostrzegł w poniedziałek w Brukseli, że od marca nie ma znaczących postępów w negocjacjach z Londynem o wyjściu Wielkiej Brytanii z UE.';
const FILLER = [
  'Informację te przekazała szefowa MSZ Bułgarii Ekaterina Zaharieva po spotkaniu ministrów ds. europejskich w Brukseli.',
  'Zdaniem unijnych dyplomatów kluczowe pozostaje rozwiązanie kwestii granicy między Irlandią a Irlandią Północną.',
  'Kwestia Irlandii Północnej, która po Brexicie stanie się jedyną częścią Zjednoczonego Królestwa posiadającą granicę lądową z UE, jest najbardziej drażliwa.',
  'Londyn podkreśla, że Brexit oznacza wyjście Zjednoczonego Królestwa ze wspólnotowej unii celnej.',
  'Bruksela i Dublin uważają, że tylko utrzymanie unii celnej jest konieczne dla zachowania pokoju.',
  'Porozumienie z Wielkiego Piątku z 1998 roku zakończyło konflikt w Irlandii Północnej.',
  'Spór ma zostać rozstrzygnięty do czerwcowego szczytu Unii Europejskiej w Brukseli.',
  'Poparcie dla zjednoczenia Irlandii rośnie wśród wyborców w Irlandii Północnej.',
  'Brytyjski rząd nie przedstawił dotąd własnej propozycji w tej sprawie.',
  'Większość przedsiębiorców wciąż nie przygotowuje się na brexit, a część nawet nie wierzy w „realny” rozwód Londynu z Unią.',
  'Houben Centre ma dwa wejścia – od strony protestanckiej i katolickiej, choć w tych spokojniejszych czasach to bardziej symbol niż potrzeba.',
];

test("an article's closing background line leads only when nothing else may, though every article ends with it", () => {
  // Three texts sharing no sentence, each closing with the line.
  const body = (from: number, n: number): string => FILLER.slice(from, from + n).join(' ');
  const report = story(
    ['2018-05-14', `${IMPASSE} ${body(0, 3)} ${CLOSINGS[0]}`],
    ['2018-05-16', `${body(3, 4)} ${CLOSINGS[1]}`],
    ['2018-05-17', `${body(7, 4)} ${CLOSINGS[2]}`],
  );
  assert.equal(report.claims.find((c) => CLOSINGS.includes(c.text))?.independentSources, 3);
  assert.ok(!CLOSINGS.includes(report.summary[0]!.text), report.summary.map((s) => s.text).join('\n'));
  // An article too short for a background paragraph may end with its news; with nothing else to say, the line still may lead.
  assert.equal(story(['2018-05-14', CLOSING], ['2018-05-16', CLOSING]).summary[0]?.text, CLOSING);
});
