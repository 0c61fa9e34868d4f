/**
 * Key facts that state something on their own (src/synthesis/summary.ts `standsAlone`,
 * `onlyPointsBack`; index.ts `shownText`; status.ts `claimStatus`; view.ts): the defects a new user
 * saw in the Nord Stream 2 storyline of the development articles, each on its real sentences,
 * through the real ingest and analysis layers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { reportView } from '../../src/synthesis/view.ts';
import { storyFeatures } from '../../src/synthesis/features.ts';
import { onlyPointsBack, standsAlone } from '../../src/synthesis/summary.ts';
import { claimStatus, conflictMarks } from '../../src/synthesis/status.ts';
import type { ClaimSentence, Conflict } from '../../src/synthesis/types.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';

/** One article per text, each from an outlet of its own. */
function analysed(...texts: readonly string[]) {
  return texts.map((text, i) =>
    analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text, published: { value: '2018-06-29', precision: 'day' as const } }, '2026-01-01T00:00:00.000Z')),
  );
}

function keyFactTexts(report: ReturnType<typeof synthesizeStory>, section = 'Key facts'): string[] {
  return reportView(report).sections.find((s) => s.title === section)?.items.map((i) => i.text) ?? [];
}

const SANCTIONS = 'Amerykanie zapowiadają wprowadzenie kolejnych sankcji wobec Rosji, które mogą objąć Nord Stream 2.';
const QUESTION = 'Będą sankcje wobec Nord Stream 2?';
const POMPEO = 'Sekretarz stanu Mike Pompeo skomentował różnice w polityce sankcji wobec Rosji między USA i Unią Europejską.';

test('a question asserts nothing: never a key fact nor a summary sentence, however many outlets print it', () => {
  const report = synthesizeStory({ id: 's', articles: analysed(`${SANCTIONS} ${QUESTION} ${POMPEO}`, `${QUESTION} ${POMPEO} ${SANCTIONS}`, `${SANCTIONS} ${QUESTION}`) });
  // Listed in the JSON, corroborated (its articles are cited), but shown to no reader as a fact.
  const question = report.claims.find((c) => c.text === QUESTION)!;
  assert.equal(question.corroborated, true);
  assert.equal(question.standsAlone, false);
  assert.ok(!keyFactTexts(report).some((t) => t.endsWith('?')), keyFactTexts(report).join('\n'));
  assert.ok(!report.summary.some((s) => s.text.endsWith('?')), report.summary.map((s) => s.text).join('\n'));
});

const VAICIUNAS =
  '„Zarówno Litwa jak i Ukraina doświadczyły, czym jest energetyczne uzależnienie i jaką cenę musiały kraje zapłacić. Nord Stream nie tylko jest zagrożeniem dla planów unii energetycznej, ale również dla solidarności między krajami UE” – powiedział Vaičiūnas.';
const DOCUMENT = 'W dokumencie jest mowa o tym, że gazociąg Nord Stream 2 podważa cele unii energetycznej.';

test('words cut inside a quote are shown from the quote’s opening, never from mid-speech', () => {
  const articles = analysed(`${VAICIUNAS} ${DOCUMENT}`, `${DOCUMENT} ${VAICIUNAS}`);
  const features = storyFeatures(articles);
  const cut = features.sentences.find((s) => s.sentence.text.startsWith('Nord Stream nie tylko'))!;
  assert.equal(cut.opensInsideQuote, true);
  assert.equal(standsAlone(cut), false);
  assert.equal(standsAlone(features.sentences.find((s) => s.sentence.text.startsWith('W dokumencie'))!), true);
  const report = synthesizeStory({ id: 's', articles });
  const claim = report.claims.find((c) => c.sentences.some((s) => s.text.startsWith('Nord Stream nie tylko')))!;
  assert.ok(claim.text.startsWith('„Zarówno Litwa') && claim.text.endsWith('powiedział Vaičiūnas.'), claim.text);
  assert.ok(!report.summary.some((s) => s.text.startsWith('Nord Stream nie tylko')), report.summary.map((s) => s.text).join('\n'));
  assert.ok(!keyFactTexts(report).some((t) => t.startsWith('Nord Stream nie tylko')), keyFactTexts(report).join('\n'));
});

test('unpaired quotation marks: a sentence closing a quote begun before it does not stand alone', () => {
  const features = storyFeatures(analysed('Oficjalnie jednak rząd Niemiec stoi na stanowisku, że chodzi tutaj o przedsięwzięcie biznesowe” – informuje DW. Dziennik „Dawn” skrytykował rząd za umowę z islamistami.'));
  const byStart = (prefix: string) => features.sentences.find((s) => s.sentence.text.startsWith(prefix))!;
  assert.equal(byStart('Oficjalnie').opensInsideQuote, true);
  assert.equal(byStart('Dziennik').opensInsideQuote, false, 'a title in paired marks');
});

const REPORTED =
  'Komisja Europejska przygotowała opinię prawną, w której zakwestionowano prawo Komisji do objęcia europejskimi przepisami morskich odcinków rurociągów importowych, takich jak Nord Stream 2. Jako pierwsi o dokumencie donieśli dziennikarze portali Euractiv i Politico.';
const RADIO = 'Polskie Radio potwierdziło te informacje.';
const ARBITRATION = 'W rezultacie tych decyzji Gazprom powinien wypłacić ukraińskiej spółce ok. 2,6 mld USD.';
const APPEAL = 'Rosyjski koncern odwołuje się od tej decyzji.';

test('a sentence that only points back ("te informacje", "tej decyzji") is no key fact on its own', () => {
  const articles = analysed(`${REPORTED} ${RADIO} ${ARBITRATION} ${APPEAL}`, `${ARBITRATION} ${APPEAL} ${REPORTED} ${RADIO}`, `${REPORTED} ${RADIO}`);
  const features = storyFeatures(articles);
  const byText = (text: string) => features.sentences.find((s) => s.sentence.text === text)!;
  assert.equal(onlyPointsBack(byText(RADIO)), true);
  assert.equal(onlyPointsBack(byText(APPEAL)), true);
  // A figure or names of its own make a sentence with a demonstrative a fact.
  assert.equal(onlyPointsBack(byText(ARBITRATION)), false);
  const more = storyFeatures(analysed('Polska, kraje bałtyckie i Ukraina sprzeciwiają się temu projektowi. W tym kraju odwołano wszystkie 250 lotów.'));
  for (const s of more.sentences) assert.equal(onlyPointsBack(s), false, s.sentence.text);
  const report = synthesizeStory({ id: 's', articles });
  for (const section of ['Key facts', 'Confirmed']) {
    const shown = keyFactTexts(report, section);
    assert.ok(!shown.includes(RADIO) && !shown.includes(APPEAL), `${section}: ${shown.join('\n')}`);
  }
  assert.ok(!report.summary.some((s) => s.text === RADIO || s.text === APPEAL), report.summary.map((s) => s.text).join('\n'));
});

test('a claim is disputed only for a value its shown wording gives, not another wording’s', () => {
  const sentence = (article: string, text: string): ClaimSentence => ({ article, start: 0, end: text.length, text, epistemic: 'attributed', status: 'attributed' });
  const shown = sentence('a', 'Czaputowicz podkreślił, że stanowisko Polski różni się w tej kwestii od stanowiska niemieckiego.');
  const other = sentence('b', 'Minister spraw zagranicznych Jacek Czaputowicz spotkał się w poniedziałek w Waszyngtonie z sekretarzem stanu Mikiem Pompeo.');
  const place: Conflict = {
    slot: 'place',
    subject: 'spotkanie',
    kind: 'contradiction',
    values: [
      { value: 'Waszyngton', citations: [{ article: 'b', start: 0, end: other.text.length }], epistemic: ['asserted'] },
      { value: 'Bruksela', citations: [{ article: 'c', start: 0, end: 10 }], epistemic: ['asserted'] },
    ],
  };
  const marks = conflictMarks([place]);
  assert.equal(claimStatus([shown, other], shown, marks), 'attributed');
  assert.equal(claimStatus([shown, other], other, marks), 'disputed');
});
