/**
 * The key-quote scorer (eval/lib/synthesis-metrics.ts `keyQuoteShown`) on a sentence of a labelled
 * tuning story (brexit, 30 Jan 2018): a labelled phrase that is only the attribution ("Rzecznik …
 * powiedział") locates the indirect quote whose span starts after its ", że ", as the guideline
 * (eval/data/synthesis/GUIDELINE.md, "Key quotes") lets a phrase start at the speaker; a quote
 * further on, or one with other words between, is not it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyQuoteShown } from '../../eval/lib/synthesis-metrics.ts';
import type { ReportQuote } from '../../src/synthesis/index.ts';

const TEXT =
  'Rzecznik brytyjskiej premier Theresy May powiedział, że Wielka Brytania przyjęła decyzję UE "z zadowoleniem". ' +
  'Rzecznik rządu powiedział w rozmowie z BBC, że decyzja jest dobra.';
const PHRASE = 'Rzecznik brytyjskiej premier Theresy May powiedział';

function quoteAt(words: string, speaker: string): ReportQuote {
  const start = TEXT.indexOf(words);
  return { speaker, text: words, kind: 'indirect', citation: { article: 'a1', start, end: start + words.length } };
}

const target = (phrase: string, withText = true) => {
  const at = TEXT.indexOf(phrase);
  const end = TEXT.indexOf('. ', at) + 1;
  return { located: { article: 'a1', at, sentence: { start: TEXT.lastIndexOf('. ', at) + 1, end } }, phrase, speakers: ['rzecznik'], ...(withText && { text: TEXT }) };
};

test('key-quote scorer: a phrase ending at the reporting verb locates the quote right after its ", że"', () => {
  const shown = [quoteAt('Wielka Brytania przyjęła decyzję UE "z zadowoleniem"', 'rzecznik')];
  assert.deepEqual(keyQuoteShown(shown, target(PHRASE)), { text: true, speaker: true, shownAs: ['rzecznik'] });
  // Without the article's text the scorer reads overlap only, as before.
  assert.equal(keyQuoteShown(shown, target(PHRASE, false)).text, false);
});

test('key-quote scorer: words between the attribution and the quote, or another sentence, do not count', () => {
  const shown = [quoteAt('decyzja jest dobra', 'rzecznik')];
  // "w rozmowie z BBC, że" stands between the verb and the quote: the phrase names no quote.
  assert.equal(keyQuoteShown(shown, target('Rzecznik rządu powiedział')).text, false);
  // The first sentence's attribution does not reach the next sentence's quote.
  assert.equal(keyQuoteShown(shown, target(PHRASE)).text, false);
});

test('key-quote scorer: a typographic apostrophe in the shown name is the labelled name', () => {
  // ryanair, June 2018: "- powiedział O’Leary w wywiadzie dla telewizji Sky News", labelled "Michael O'Leary".
  const shown = [quoteAt('Wielka Brytania przyjęła decyzję UE "z zadowoleniem"', 'Michael O’Leary')];
  const t = { ...target(PHRASE), speakers: ["Michael O'Leary"] };
  assert.equal(keyQuoteShown(shown, t).speaker, true);
  assert.equal(keyQuoteShown(shown, { ...t, speakers: ["Michael O'Neill"] }).speaker, false);
});
