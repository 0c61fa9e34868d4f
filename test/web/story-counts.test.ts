/**
 * A story list and a story page count different things: the list the stored articles minus copies,
 * the page the report's independent origins (src/synthesis/origins.ts). Only the page says
 * "niezależne źródła" (src/web/parts.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storyCounts, storyLine } from '../../src/web/parts.ts';
import type { Story } from '../../src/stories/story.ts';

const story = (articles: number, independentSources: number, outlets: number): Story => ({
  id: 'ev-0', level: 'event', articleIds: [], articles, independentSources, firstSeen: '2018-05-22', lastSeen: '2018-05-22',
  topEntities: [], topTerms: [], languages: ['pl'], outlets: Array.from({ length: outlets }, (_, i) => `s${i}.pl`), mergedFrom: [],
} as unknown as Story);

test('a story list counts articles and copies, never "niezależne źródła", with Polish plural forms', () => {
  const line = storyLine(story(131, 129, 40));
  assert.match(line, /^131 artykułów \(2 kopie\) · 40 serwisów · /);
  assert.doesNotMatch(line, /niezależn/);
  assert.match(storyLine(story(22, 17, 1)), /^22 artykuły \(5 kopii\) · 1 serwis · /);
  assert.match(storyLine(story(1, 1, 1)), /^1 artykuł · 1 serwis · /);
});

test('a story page names the report\'s origin count "niezależne źródła"', () => {
  assert.equal(storyCounts(131, 82, 40), '131 artykułów · 82 niezależne źródła · 40 serwisów');
});
