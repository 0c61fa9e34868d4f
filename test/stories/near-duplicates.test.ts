import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint } from '../../src/stories/fingerprint.ts';
import { NearDuplicateIndex, type LocateArticle } from '../../src/stories/near-duplicates.ts';

const TEXT = 'Prezydent podpisał w poniedziałek ustawę budżetową na przyszły rok, choć opozycja zapowiadała weto i skargę do Trybunału Konstytucyjnego w tej sprawie';
const OTHER = 'Ulewy zalały w nocy kilka dzielnic Krakowa, strażacy wypompowywali wodę z piwnic do rana, a miejskie autobusy jeździły objazdami przez centrum';

/** Every remembered article sits in story `ev-<article id>` with its own fingerprint. */
function locator(prints: Record<string, number[]>): LocateArticle {
  return (articleId) => (prints[articleId] ? { storyId: `ev-${articleId}`, fingerprint: prints[articleId] } : undefined);
}

test('NearDuplicateIndex: a lightly edited copy finds its original\'s story; an unrelated text finds none', () => {
  const index = new NearDuplicateIndex();
  const prints = { a: fingerprint(TEXT) };
  index.remember('a', prints.a);
  assert.equal(index.storyOfOriginal(fingerprint(`${TEXT}.`), locator(prints)), 'ev-a');
  assert.equal(index.storyOfOriginal(fingerprint(OTHER), locator(prints)), undefined);
});

test('NearDuplicateIndex: a band stays with the first article that had it', () => {
  const index = new NearDuplicateIndex();
  const prints = { a: fingerprint(TEXT), b: fingerprint(TEXT) };
  index.remember('a', prints.a);
  index.remember('b', prints.b);
  assert.deepEqual(new Set(Object.values(index.toRecord())), new Set(['a']));
});

test('NearDuplicateIndex: an original whose story kept no fingerprint (or is gone) is not matched', () => {
  const index = new NearDuplicateIndex();
  index.remember('a', fingerprint(TEXT));
  assert.equal(index.storyOfOriginal(fingerprint(TEXT), () => undefined), undefined);
  assert.equal(index.storyOfOriginal(fingerprint(TEXT), () => ({ storyId: 'ev-a' })), undefined);
});

test('NearDuplicateIndex: toRecord → load keeps the lookups', () => {
  const index = new NearDuplicateIndex();
  const prints = { a: fingerprint(TEXT) };
  index.remember('a', prints.a);
  const restored = new NearDuplicateIndex();
  restored.load(JSON.parse(JSON.stringify(index.toRecord())));
  assert.equal(restored.storyOfOriginal(fingerprint(TEXT), locator(prints)), 'ev-a');
});
