/**
 * A stored analysis reads back exactly as analysing afresh: the seeds, the off-topic set and an
 * English article, through encodeAnalysis → JSON → deflate → hydrateAnalysis. Anything a reader
 * shows (reports, timelines, entities) therefore cannot change by being read from the store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { encodeAnalysis, hydrateAnalysis } from '../../src/analysis/stored.ts';
import { analyseArticle, analysePayload, featuresFrom, featuresOf, signalsFrom } from '../../src/app/analyse.ts';
import { decodePayload, encodePayload } from '../../src/store/codec.ts';
import type { Article } from '../../src/types.ts';
import { OFF_TOPIC_DIR, parseSeedFile } from '../../eval/lib/stories-data.ts';
import { seedArticles } from '../search/helpers.ts';

const english = parseSeedFile('en-fixture', readFileSync(new URL('../stories/fixtures/kim-putin-en.txt', import.meta.url), 'utf8'));
const offTopic = readdirSync(OFF_TOPIC_DIR).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => parseSeedFile(f, readFileSync(join(OFF_TOPIC_DIR, f), 'utf8')));
const articles: Article[] = [...seedArticles(), ...offTopic, english];

/** Through the bytes the store keeps. */
const stored = (article: Article) => decodePayload(encodePayload(analysePayload(article)));

test('a stored analysis hydrates to exactly what analyzeArticle gives', () => {
  for (const article of articles) {
    assert.deepStrictEqual(hydrateAnalysis(article, stored(article)), analyzeArticle(article), article.origin);
  }
});

test('analyseArticle gives the analysis its payload hydrates to (the worker indexes it without hydrating), titled or not', () => {
  for (const article of [...articles, { ...english, title: undefined }, { ...english, title: 'Kim Jong Un meets Vladimir Putin in Vostochny' }]) {
    const { analysis, payload } = analyseArticle(article);
    assert.deepStrictEqual(payload, analysePayload(article), article.origin);
    assert.deepStrictEqual(hydrateAnalysis(article, decodePayload(encodePayload(payload))), analysis, article.origin);
  }
});

test('a fresh analysis (analyzeArticle\'s own) encodes without the re-tokenising check to the payload the check gives', () => {
  for (const article of [...articles, english]) {
    const analysis = analyzeArticle(article);
    assert.deepStrictEqual(encodeAnalysis(analysis, {}, { fresh: true }), encodeAnalysis(analysis, {}), article.origin);
  }
});

test('tokens the tokenizer would not make again are kept whole, down to the last token', () => {
  const article = articles[0]!;
  const analysis = analyzeArticle(article);
  const s = analysis.sentences[0]!;
  const last = s.tokens.at(-1)!;
  const word = s.tokens.findIndex((t) => t.kind === 'word');
  const variants = [
    s.tokens.slice(0, -1), // one token short
    [...s.tokens.slice(0, -1), { ...last, kind: last.kind === 'punct' ? 'symbol' as const : 'punct' as const }], // the last token's kind
    s.tokens.map((t, i) => (i === word ? { ...t, end: t.end - 1, text: t.text.slice(0, -1) } : t)), // a word cut short
  ];
  for (const tokens of variants) {
    const changed = { ...analysis, sentences: [{ ...s, tokens }, ...analysis.sentences.slice(1)] };
    const payload = decodePayload(encodePayload(encodeAnalysis(changed, {})));
    assert.ok(payload.tokens?.[0], 'the changed sentence is kept whole');
    assert.equal(Object.keys(payload.tokens!).length, 1, 'only that sentence');
    assert.deepStrictEqual(hydrateAnalysis(article, payload).sentences[0]!.tokens, tokens);
  }
});

test('an undated article re-resolves its relative dates against the anchor given, as analyzeArticle would', () => {
  const undated = articles.filter((a) => !a.published);
  assert.ok(undated.length > 0, 'the seeds hold an undated article');
  const anchor = { value: '2023-09', precision: 'month' as const };
  for (const article of undated) {
    const hydrated = hydrateAnalysis(article, stored(article), { fallbackDate: anchor });
    assert.deepStrictEqual(hydrated, analyzeArticle(article, { fallbackDate: anchor }), article.origin);
    assert.equal(hydrated.article.published, undefined, 'the article itself stays undated');
  }
  const dated = articles.find((a) => a.published)!;
  assert.deepStrictEqual(hydrateAnalysis(dated, stored(dated), { fallbackDate: anchor }), analyzeArticle(dated),
    'a dated article ignores the anchor');
});

test('stored clustering signals give the same features as analysing the article, in the same order', () => {
  for (const article of [...articles, { ...english, title: 'Kim Jong Un meets Vladimir Putin in Vostochny' }]) {
    const payload = stored(article);
    const fromStore = featuresFrom(article, signalsFrom(article, hydrateAnalysis(article, payload), payload.features));
    const direct = featuresOf(article);
    assert.deepStrictEqual(fromStore, direct, article.origin);
    assert.deepStrictEqual([...fromStore.terms.keys()], [...direct.terms.keys()], `${article.origin}: term order (centroid sums)`);
    assert.deepStrictEqual([...fromStore.entities.keys()], [...direct.entities.keys()], `${article.origin}: entity order`);
    assert.equal(payload.features.terms, undefined, `${article.origin}: the signals re-derive (none stored whole)`);
  }
});

test('the stored form keeps no copy of the text and stays near the size of the text', () => {
  let stored = 0;
  let text = 0;
  for (const article of articles) {
    const bytes = encodePayload(analysePayload(article));
    const json = JSON.stringify(decodePayload(bytes));
    assert.ok(!json.includes(article.text.slice(0, 200)), `${article.origin}: no copy of the opening text`);
    assert.equal(decodePayload(bytes).tokens, undefined, `${article.origin}: tokens re-derive, none kept whole`);
    stored += bytes.length;
    text += Buffer.byteLength(article.text);
  }
  // Measured: 1.13 × the text on this quote-dense set, 0.83 × on BSNLP pl (2026-12, bench scale).
  // A copy of the text or of its tokens would take it past 2.
  assert.ok(stored < 1.5 * text, `${stored} B of analyses for ${text} B of text`);
});
