/**
 * Latest state first in the lead (src/synthesis/summary.ts chooseLead): an undated sentence is dated
 * by its article's publication, so what an older article retells yields to what the story's latest
 * article reports; and a first clause naming its matter by a demonstrative ("oba te trendy") does not
 * open the summary. Real articles of the development data (nord_stream, April–May 2018; the lead
 * audit's brexit and nord_stream pool, eval/data/lead-audit/), through the real ingest and analysis layers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { storyFeatures } from '../../src/synthesis/features.ts';
import { pointsBackInOpening } from '../../src/synthesis/summary.ts';
import { fileURLToPath } from 'node:url';
import { hasBsnlp } from '../../eval/lib/bsnlp.ts';
import { DEFAULT_BSNLP_PATH } from '../../eval/types.ts';
import { loadStory } from '../../eval/lib/synthesis-stories.ts';
import { readStoryLabels } from '../../eval/lib/synthesis-labels.ts';

const analysed = (i: number, day: string, title: string, text: string) =>
  analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', title, text, published: { value: day, precision: 'day' as const } }, '2026-01-01T00:00:00.000Z'));

const DATA_MISSING = hasBsnlp(DEFAULT_BSNLP_PATH) ? false : `no data at ${DEFAULT_BSNLP_PATH}`;

test('nord_stream, April–May 2018: the May 18 report leads, not an April remark two older articles retell undated', { skip: DATA_MISSING }, () => {
  // Seven articles, 3 April – 22 May: Miedwiediew's Nord Stream 3 remark (25 April, two outlets) was
  // the lead, Putin's words to Merkel of the story's latest named day (18 May, one outlet) lost to it.
  const labels = readStoryLabels(fileURLToPath(new URL('../../eval/data/synthesis/nord-stream-2-2018-05-18-ukraine-transit.json', import.meta.url)));
  const story = loadStory(labels.source)!;
  const report = synthesizeStory({ id: labels.story, articles: story.analyses });
  assert.match(report.summary[0]!.text, /^Prezydent Rosji Władimir Putin powiedział w piątek podczas rozmów z kanclerz Niemiec Angelą Merkel/u, report.summary[0]!.text);
});

test('pointsBackInOpening: "oba te trendy" before any name points back; a demonstrative in a date or after the sentence\'s name does not', () => {
  const trends =
    'Biorąc pod uwagę oba te trendy, a także wpływ Brexitu na decyzje migracyjne, to można powiedzieć, że dziś na emigracji Polacy zdecydowanie bardziej wolą zarabiać w euro niż funtach ocena Maciej Witucki, prezes Work Service.';
  const year = 'W tym roku kandydatką jest m.in. Asia Bibi, pakistańska chrześcijanka, skazana na śmierć za bluźnierstwo.';
  const named = 'Od soboty już dwa specjalistyczne statki układają gazociąg Nord Stream 2 na wodach terytorialnych Niemiec - ogłosiła spółka Gazpromu odpowiedzialna za tę inwestycję.';
  const features = storyFeatures([analysed(0, '2018-05-19', 'Praca za granicą', `${trends} ${year} ${named}`)]);
  assert.deepEqual(Object.fromEntries(features.sentences.map((s) => [s.sentence.text, pointsBackInOpening(s)])), { [trends]: true, [year]: false, [named]: false });
});
