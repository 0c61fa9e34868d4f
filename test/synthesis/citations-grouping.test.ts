/**
 * The listed claims are grouped looser than the summary's (src/synthesis/claims.ts
 * CITATION_GROUP_SIMILARITY against GROUP_SIMILARITY, `groupClaimsAt`): another wording of one fact
 * that falls short of the strict mean similarity joins the listed claim and is cited, while the
 * summary ranks the strict claims. Real sentences of a development story (eval/data/synthesis),
 * analysed beside the seed articles so that word rarity is a story's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SentenceFeatures } from '../../src/synthesis/features.ts';
import { besideSeeds } from './helpers.ts';
import { CITATION_GROUP_SIMILARITY, GROUP_SIMILARITY, groupClaims, groupClaimsAt, type SentenceGroup } from '../../src/synthesis/claims.ts';

const texts = {
  wednesday: 'Od środy setki zwolenników islamistycznych partii blokowały główne drogi w Karaczi i Lahore.',
  provinces: 'W kilku pakistańskich prowincjach odbyły się demonstracje muzułmanów, a setki zwolenników radykalnych, islamistycznych partii blokowało główne drogi w Karaczi i Lahore.',
  radicals: 'Radykałowie zablokowali drogi m.in. w miastach Karaczi i Lahore.',
  protesters: 'Demonstranci zablokowali drogi do głównych miast w Pakistanie - podały media w tym kraju.',
};
const names = Object.keys(texts) as (keyof typeof texts)[];
const { features, by } = besideSeeds(texts, '2018-11-03');
const holding = (groups: readonly SentenceGroup[], s: SentenceFeatures): SentenceGroup | undefined => groups.find((g) => g.members.includes(s));

test('claims: the listed claims join a wording the summary\'s grouping keeps apart ("Demonstranci zablokowali drogi…")', () => {
  assert.ok(CITATION_GROUP_SIMILARITY < GROUP_SIMILARITY);
  const [listed, summarised] = groupClaimsAt(features, [CITATION_GROUP_SIMILARITY, GROUP_SIMILARITY]);
  const strict = holding(summarised!, by.get('wednesday')!)!;
  assert.ok(strict.members.includes(by.get('radicals')!));
  assert.ok(!strict.members.includes(by.get('protesters')!), 'the strict grouping keeps the short wording apart');
  const loose = holding(listed!, by.get('wednesday')!)!;
  for (const name of names) assert.ok(loose.members.includes(by.get(name)!), `listed claim holds ${name}`);
  // One grouping at one threshold is the same as that threshold among several.
  assert.deepEqual(
    groupClaims(features).map((g) => g.members.map((m) => m.id)),
    summarised!.map((g) => g.members.map((m) => m.id)),
  );
});
