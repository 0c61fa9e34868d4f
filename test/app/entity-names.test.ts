import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMentions } from '../../src/analysis/entities/index.ts';
import { countNames, nameOf, withEntityNames, type EntityNameCounts } from '../../src/app/entity-names.ts';
import type { Story } from '../../src/stories/story.ts';
import { analyzeText } from '../../src/text/index.ts';
import { SAMPLE_DIR } from '../cli/helpers.ts';

const mentionsOf = (text: string) => findMentions(text, 'pl', analyzeText(text, 'pl'));

test('names from the seeds: inflected mentions ("Putinem", "Kima") name their key in the nominative', () => {
  const counts: EntityNameCounts = {};
  const mentions = mentionsOf(readFileSync(join(SAMPLE_DIR, '001_0c56ce6a609955a6.txt'), 'utf8'));
  countNames(counts, mentions);
  const putin = mentions.find((m) => m.base === 'Władimir Putin')!;
  assert.ok(putin, 'the seed names Władimir Putin');
  assert.ok(mentions.some((m) => m.key === putin.key && m.text !== m.base), 'and inflects his name somewhere');
  assert.equal(nameOf(counts, putin.key), 'Władimir Putin');
  const kim = mentions.find((m) => m.base.startsWith('Kim Dzong'))!;
  assert.equal(nameOf(counts, kim.key), 'Kim Dzong Un');
  assert.equal(nameOf(counts, 'no-such-key'), undefined);
});

test('the fuller name wins over a more frequent surname; spellings per key stay bounded', () => {
  const counts: EntityNameCounts = {};
  countNames(counts, [{ key: 'sllvn', base: 'Sullivan' }, { key: 'sllvn', base: 'Sullivan' }, { key: 'sllvn', base: 'Jake Sullivan' }]);
  assert.equal(nameOf(counts, 'sllvn'), 'Jake Sullivan');
  for (let i = 0; i < 20; i++) countNames(counts, [{ key: 'x', base: `Wariant ${i}` }]);
  assert.ok(Object.keys(counts.x).length <= 8);
  const story = { topEntities: [{ key: 'sllvn', weight: 1 }, { key: 'unknown', weight: 0.5 }] } as unknown as Story;
  assert.deepEqual(withEntityNames(story, counts).topEntities, [{ key: 'sllvn', weight: 1, name: 'Jake Sullivan' }, { key: 'unknown', weight: 0.5 }]);
});
