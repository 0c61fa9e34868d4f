/**
 * The story's title (src/stories/story.ts `pickTitle`): a member headline that fits whole beats one
 * the headline rules had to cut with "…" (src/synthesis/title.ts), so the list and the report
 * show one uncut title whenever a member has one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterBatch } from '../../src/stories/cluster.ts';
import { seeds } from './helpers.ts';

test('story title: a whole member headline beats cut ones closer to the centroid', () => {
  const members = seeds();
  const whole = 'Kim Dzong Un w Rosji';
  const titled = members.map((f, i) => ({ ...f, title: i === members.length - 1 ? whole : `${f.title ?? 'Kim Dzong Un jest już w Rosji, gdzie ma się spotkać z Władimirem Putinem'}…` }));
  const [story] = clusterBatch(titled);
  assert.equal(story!.articles, members.length);
  assert.equal(story!.title, whole);
  // With only cut headlines, one of them is still the title.
  const [cut] = clusterBatch(titled.slice(0, -1));
  assert.ok(cut!.title?.endsWith('…'), cut!.title);
});
