/**
 * The summary's length (src/synthesis/summary.ts SUMMARY_WORDS): unless a length is asked for, it
 * takes sentences until it holds a news brief's words, 5–8 sentences; an asked length is kept.
 * On the seeds (samples/, five real articles through the real analysis layers).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSeedAnalyses } from '../../eval/lib/synthesis-seeds.ts';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { storyFeatures } from '../../src/synthesis/features.ts';
import { MAX_SUMMARY_SENTENCES, MIN_SUMMARY_SENTENCES, SUMMARY_WORDS } from '../../src/synthesis/summary.ts';

const { analyses } = loadSeedAnalyses();
const features = storyFeatures(analyses);

/** Words of a summary sentence as the summary counts them (its sentence's features). */
function wordsOf(c: { article: string; start: number }): number {
  const s = features.sentences.find((x) => x.article.id === c.article && x.sentence.start <= c.start && c.start < x.sentence.end);
  assert.ok(s, `no sentence at ${c.article}:${c.start}`);
  return s.words.length;
}

test('summary length: by default sentences are added until the summary holds a brief\'s words, never stopping short', () => {
  const report = synthesizeStory({ id: 'kim-putin-2023', articles: analyses });
  const n = report.summary.length;
  assert.ok(n >= MIN_SUMMARY_SENTENCES && n <= MAX_SUMMARY_SENTENCES, `summary length ${n}`);
  const words = report.summary.map((s) => wordsOf(s.citations[0]!));
  const beforeLast = words.slice(0, -1).reduce((a, b) => a + b, 0);
  // The last sentence was needed: without it the summary is short of the budget (or of the minimum).
  assert.ok(n === MIN_SUMMARY_SENTENCES || beforeLast < SUMMARY_WORDS, `${beforeLast} words before the last of ${n}`);
  // And it stopped for being full: the budget is met, or the most sentences are there.
  assert.ok(n === MAX_SUMMARY_SENTENCES || beforeLast + words.at(-1)! >= SUMMARY_WORDS, `${beforeLast + words.at(-1)!} words in ${n}`);
});

test('summary length: an asked length is kept, whatever its words', () => {
  for (const summarySentences of [5, 6, 8]) {
    const report = synthesizeStory({ id: 'kim-putin-2023', articles: analyses }, { summarySentences });
    assert.equal(report.summary.length, summarySentences);
  }
});
