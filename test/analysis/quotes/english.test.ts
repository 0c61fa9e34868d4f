/**
 * English speakers before the reporting verb: auxiliaries and adverbs between the subject and
 * the verb ("Washington has warned") are never part of the speaker. On the English Kim–Putin
 * fixture through the real entity stage, and on wire copy written for the rule with hand-made
 * mentions (fixture.ts), so the rule is tested apart from the entity stage.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findMentions } from '../../../src/analysis/entities/index.ts';
import { findQuotes } from '../../../src/analysis/quotes/index.ts';
import { toArticle } from '../../../src/ingest/article.ts';
import { readPlainText } from '../../../src/ingest/plain-text.ts';
import { analyzeText } from '../../../src/text/index.ts';
import { doc, quotes, quoteWith, withMention, type Doc } from './fixture.ts';

const FIXTURE = new URL('../../../test/stories/fixtures/kim-putin-en.txt', import.meta.url);

test('fixture: "Washington has warned that …" is spoken by Washington', () => {
  const { text } = toArticle(readPlainText(readFileSync(FIXTURE, 'utf8'), 'kim-putin-en.txt'), '2026-01-01T00:00:00Z');
  const sentences = analyzeText(text, 'en');
  const all = findQuotes({ text, language: 'en', sentences, mentions: findMentions(text, 'en', sentences) });
  const warned = quoteWith(all, 'any arms deal between Russia and North Korea');
  assert.equal(warned.kind, 'indirect');
  assert.equal(warned.cue?.text, 'warned');
  assert.equal(warned.speaker?.name, 'Washington');
  assert.equal(warned.speaker?.type, 'LOC');
  assert.equal(quoteWith(all, 'the two sides discussed cooperation').speaker?.name, 'Dmitry Peskov');
});

// Written for the rule in wire-copy style; not taken from any article.
const COPY =
  'SEOUL (Reuters) - Washington has warned that any arms deal between Russia and North Korea would violate sanctions. ' +
  'South Korean officials have repeatedly said that Pyongyang was preparing a nuclear test. ' +
  'The European Union has also argued that the sanctions were working. ' +
  'Tokyo had earlier warned that the launch posed a grave threat to the region. ' +
  'Theresa May said that Britain would stand by its allies. ' +
  'Will Smith said the film would be released in May.';

test('wire copy: auxiliaries and adverbs after the subject are cut, names that look like them are not', () => {
  let d = doc(COPY, 'en');
  for (const [surface, type] of [['Washington', 'LOC'], ['Pyongyang', 'LOC'], ['European Union', 'ORG'], ['Tokyo', 'LOC'], ['Theresa May', 'PER'], ['Will Smith', 'PER']] as const) {
    d = withMention(d, surface, surface, type);
  }
  const all = quotes(d);
  const cases: [string, string][] = [
    ['any arms deal between Russia', 'Washington'],
    ['Pyongyang was preparing a nuclear test', 'South Korean officials'],
    ['the sanctions were working', 'European Union'],
    ['the launch posed a grave threat', 'Tokyo'],
    ['Britain would stand by its allies', 'Theresa May'],
    ['the film would be released', 'Will Smith'],
  ];
  for (const [fragment, speaker] of cases) {
    const q = quoteWith(all, fragment);
    assert.equal(q.kind, 'indirect', `kind of "${fragment}"`);
    assert.equal(q.speaker?.name, speaker, `speaker of "${fragment}"`);
  }
});

test('wire copy: a name after a preposition and a possessive is not the subject', () => {
  const text = "Officials at Kyiv's Boryspil International Airport said flights would not resume soon.";
  const d = withMention(withMention(doc(text, 'en'), "Kyiv's", 'Kyiv', 'LOC'), 'Boryspil International Airport', 'Boryspil International Airport', 'LOC');
  const q = quoteWith(quotes(d), 'flights would not resume soon');
  assert.equal(q.speaker?.name, "Officials at Kyiv's Boryspil International Airport");
  assert.equal(q.speaker?.key, undefined, 'a description, not the airport');
});

test('wire copy: a demonym or name right before a common noun modifies it, a name before a preposition does not', () => {
  const text =
    'Palestinian officials in Gaza said that more than 100 people were killed overnight. ' +
    'Egyptian state media reported that talks could resume in Cairo next week. ' +
    'Kremlin spokesman Dmitry Peskov on Monday said that no date had been set.';
  let d = doc(text, 'en');
  for (const [surface, type] of [['Palestinian', 'PER'], ['Gaza', 'LOC'], ['Egyptian', 'PER'], ['Cairo', 'LOC'], ['Kremlin', 'LOC'], ['Dmitry Peskov', 'PER']] as const) {
    d = withMention(d, surface, surface, type);
  }
  const all = quotes(d);
  assert.equal(quoteWith(all, 'more than 100 people were killed').speaker?.name, 'Palestinian officials in Gaza');
  assert.equal(quoteWith(all, 'talks could resume in Cairo').speaker?.name, 'Egyptian state media');
  assert.equal(quoteWith(all, 'no date had been set').speaker?.name, 'Dmitry Peskov', 'a preposition after the name keeps it the subject');
});

test('"she added" after a described speaker is that speaker; a pronoun with no one before is no name', () => {
  const d = doc('"This is a mistake," a spokeswoman for the company told the BBC. "We are reviewing it," she added.', 'en');
  assert.equal(quoteWith(quotes(d), 'We are reviewing').speaker?.name, 'a spokeswoman for the company');
  const e = doc('The company issued a statement on Monday. "We are reviewing it," she added.', 'en');
  assert.equal(quoteWith(quotes(e), 'We are reviewing').speaker, undefined);
});
