/**
 * Who did what (src/synthesis/frames.ts) as a grouping anchor of the listed claims (claims.ts
 * `groupClaimsAt`, `frameJoins`): two reports of one act by one actor share too few words for the
 * wording step and meet through the frame; figures, other themes or a circumstance clause keep two
 * facts apart. Sentences from unlabelled BSNLP development articles of the audit pool
 * (eval/data/conflicts-audit: brexit, April–May 2018) and a few written for the case, analysed
 * beside the seed articles so that word rarity is a story's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storyFeatures, type SentenceFeatures } from '../../src/synthesis/features.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { besideSeeds } from './helpers.ts';
import { CITATION_GROUP_SIMILARITY, groupClaimsAt, type SentenceGroup } from '../../src/synthesis/claims.ts';
import { frameOf, framesAgree } from '../../src/synthesis/frames.ts';

const texts = {
  // One act of one actor, told in other words and another order: only the act's word is shared.
  acquitted: 'Sąd Najwyższy uniewinnił w środę Asię Bibi.',
  reordered: 'Asię Bibi uniewinnił pakistański Sąd Najwyższy, co wywołało protesty islamistów.',
  // One act of one actor with two counts: two estimates, never one claim.
  hundred: 'Ryanair odwołał loty, co dotknęło 100 tys. pasażerów w całej Europie.',
  fifty: 'Przewoźnik Ryanair odwołał loty, co dotknęło 50 tys. pasażerów.',
  // A circumstance clause names who acts in it, not in the sentence's act.
  leaves: 'W chwili gdy Wielka Brytania opuści Unię Europejską, osoby posiadające tylko brytyjskie obywatelstwo stracą status obywateli UE.',
  lost: 'Jego zdaniem już teraz Wielka Brytania straciła z powodu brexitu 40 mld funtów, ok. 2 proc. całej gospodarki.',
  // One actor, one verb, two objects: two facts.
  raise: 'Miał mówić, że Francja zgodziła się na podniesienie składki członkowskiej, a tymczasem pieniędzy na rolnictwo będzie miała mniej.',
  strike: 'Albo Niemcy i Francja zgodziłyby się wykreślić zakaz finansowania długu ze środków banku centralnego forsowany przez EBC.',
};
const { features, by } = besideSeeds(texts, '2018-05-10');
const [withFrames, without] = [groupClaimsAt(features, [CITATION_GROUP_SIMILARITY], [true])[0]!, groupClaimsAt(features, [CITATION_GROUP_SIMILARITY])[0]!];
const together = (groups: readonly SentenceGroup[], a: keyof typeof texts, b: keyof typeof texts): boolean =>
  groups.some((g) => g.members.includes(by.get(a)!) && g.members.includes(by.get(b)!));
const asWritten = (lemma: string): string => lemma;
const frame = (s: SentenceFeatures) => frameOf(s, asWritten);

test('frames: a paraphrase with the same actor and act is one listed claim ("Sąd Najwyższy uniewinnił Asię Bibi")', () => {
  assert.ok(!together(without, 'acquitted', 'reordered'), 'the wording step alone keeps them apart');
  assert.ok(together(withFrames, 'acquitted', 'reordered'));
  const [a, b] = [frame(by.get('acquitted')!), frame(by.get('reordered')!)];
  // Who acts (the court, named as written) and on whom (Asia Bibi, in the accusative) in both.
  for (const link of a.links) assert.ok(b.links.includes(link), `${link} in ${b.links.join(' ')}`);
  assert.ok(a.links.some((l) => l.startsWith('A|')) && a.links.some((l) => l.startsWith('T|')));
});

test('frames: one act with "100 tys. pasażerów" and with "50 tys." is two claims', () => {
  assert.equal(frame(by.get('hundred')!).predicate, frame(by.get('fifty')!).predicate, 'both report the same act');
  assert.ok(!together(withFrames, 'hundred', 'fifty'));
});

test('frames: a circumstance clause\'s subject is not the act\'s agent ("W chwili gdy Wielka Brytania opuści UE, osoby … stracą status")', () => {
  const s = by.get('leaves')!;
  const britain = s.mentions.find((m) => m.text.startsWith('Wielka'))!;
  const leaves = frame(s);
  assert.ok(!leaves.agents.has(`e:${britain.key}`) && !leaves.themes.has(`e:${britain.key}`), `agents ${[...leaves.agents].join(', ')}`);
  assert.ok(!together(withFrames, 'leaves', 'lost'));
});

test('frames: one actor agreeing to two things is two facts (themes differ), and the synthesis of English gives no frame', () => {
  const raise = frame(by.get('raise')!);
  const strike = frame(by.get('strike')!);
  const link = raise.links.find((l) => l.startsWith('A|') && l.includes('|e:') && strike.links.includes(l));
  assert.ok(link, `a shared agent link: ${raise.links.join(' ')} / ${strike.links.join(' ')}`);
  assert.ok(!framesAgree(raise, strike, link));
  assert.ok(!together(withFrames, 'raise', 'strike'));
  const english = analyzeArticle(toArticle({ origin: 'https://en.example/a', format: 'text', text: 'The Supreme Court acquitted Asia Bibi of blasphemy on Wednesday.' }, '2026-01-01T00:00:00.000Z'));
  const s = storyFeatures([english]).sentences[0]!;
  assert.equal(s.language, 'en');
  assert.deepEqual(frame(s).links, []);
});
