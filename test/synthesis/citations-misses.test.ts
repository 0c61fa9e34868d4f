/**
 * The citation scorer (eval/lib/synthesis-metrics.ts `scoreCitations`) says where each missed origin's
 * sentence sits, on a hand-made report of sentences from a labelled tuning story (asia-bibi, 3 Nov
 * 2018): the fact's claim is the one holding most supporting sentences, and a missed origin's
 * sentence is in another claim stating the same fact from other origins too ("split"), in another
 * claim's other fact ("other"), in a claim of its own article only ("alone"), or in no claim.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreCitations, type FactSupport } from '../../eval/lib/synthesis-metrics.ts';
import type { Claim, StoryReport } from '../../src/synthesis/index.ts';

const TEXTS: Record<string, string> = {
  a1: 'Po ośmiu latach w więzieniu Sąd Najwyższy ostatecznie oczyścił ją z zarzutów i pozwolił wyjść na wolność.',
  a2: 'Po ośmiu latach jej pobytu w więzieniu Sąd Najwyższy ostatecznie oczyścił ją z zarzutów.',
  a3: 'Bibi spędziła osiem lat w celi śmierci.',
  a4: 'Bibi spędziła osiem lat w celi śmierci.',
  a5: 'Mimo że Bibi cały czas utrzymywała, że jest niewinna, większość z ostatnich ośmiu lat spędziła w odosobnieniu.',
  a6: 'Kobieta przez osiem lat pozostawała w więzieniu, podczas gdy jej obrońcy walczyli o zmianę wyroku.',
  a7: 'Obrońcy Bibi walczyli o zmianę wyroku.',
  a8: 'Prawnik oświadczył, że pozostanie w kraju jest dla niego zbyt niebezpieczne.',
};

function claim(id: string, articles: readonly string[]): Claim {
  return {
    id,
    text: TEXTS[articles[0]!]!,
    status: 'asserted',
    sentences: articles.map((a) => ({ article: a, start: 0, end: TEXTS[a]!.length, text: TEXTS[a]!, epistemic: 'asserted', status: 'asserted' })),
    articles,
    independentSources: articles.length,
    corroborated: articles.length > 1,
    standsAlone: true,
  } as Claim;
}

const report = (claims: readonly Claim[]): StoryReport => ({ claims }) as unknown as StoryReport;
const at = (article: string, phrase: string): FactSupport['support'][number] => {
  const i = TEXTS[article]!.indexOf(phrase);
  assert.ok(i >= 0, `${phrase} in ${article}`);
  return { article, at: i, sentence: { start: 0, end: TEXTS[article]!.length } };
};

test('citation misses: where a missed origin sits — another claim of the fact, another fact, its own claim, no claim', () => {
  const eightYears: FactSupport = {
    id: 'prison-8-years',
    support: [
      at('a1', 'Po ośmiu latach'),
      at('a2', 'Po ośmiu latach'),
      at('a6', 'przez osiem lat'),
      at('a3', 'osiem lat w celi'),
      at('a4', 'osiem lat w celi'),
      at('a5', 'ostatnich ośmiu lat'),
      at('a8', 'Prawnik'),
    ],
  };
  // a3 and a4 are one agency's copies (one origin): the claim of both holds the fact from one origin.
  const origins = new Map([['a4', 'a3']]);
  const claims = [claim('c1', ['a1', 'a2', 'a6']), claim('c2', ['a3', 'a4']), claim('c3', ['a5', 'a7']), claim('c4', ['a8'])];
  const score = scoreCitations(report(claims), [eightYears], origins);
  const detail = score.details[0]!;
  assert.equal(detail.alone, false);
  // The fact's claim (the one holding most supporting sentences) and its labels, for the verbose eval.
  assert.equal(detail.claim?.id, 'c1');
  assert.equal(detail.support, eightYears.support);
  assert.deepEqual(score.recall, { hit: 3, of: 6 });
  assert.deepEqual(
    Object.fromEntries(detail.misses.map((m) => [m.origin, m.place])),
    // c2 holds the fact from one origin only: its sentence's claim, not a split of the fact.
    { a3: 'other', a5: 'other', a8: 'alone' },
  );

  // With a third article in c2 the fact is split over two claims of two origins each.
  const split = scoreCitations(report([claim('c1', ['a1', 'a2', 'a6']), claim('c2', ['a3', 'a4', 'a5'])]), [{ ...eightYears, support: eightYears.support.slice(0, 6) }], origins);
  assert.deepEqual(
    split.details[0]!.misses.map((m) => [m.origin, m.place]),
    [
      ['a3', 'split'],
      ['a5', 'split'],
    ],
  );

  // A fact only a one-article claim holds: its claim cites one article, the other origin is in no claim.
  const lone = scoreCitations(report([claim('c4', ['a8'])]), [{ id: 'lawyer', support: [at('a8', 'Prawnik'), at('a7', 'Obrońcy')] }], new Map());
  assert.equal(lone.details[0]!.alone, true);
  assert.deepEqual(lone.details[0]!.misses, [{ origin: 'a7', place: 'none' }]);
});
