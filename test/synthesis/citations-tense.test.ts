/**
 * A plan is not a happening (src/synthesis/frames.ts `tenseAt`, claims.ts `groupClaimsAt`,
 * `tenseParts`): in the listed claims, two sentences whose acts are told in other tenses are not
 * joined by wording, and a sentence parted that way joins nothing it would not have joined anyway.
 * Sentences from unlabelled BSNLP development articles of the audit pool (eval/data/conflicts-audit:
 * brexit April–May 2018, nord_stream June–November 2018), analysed beside the seed articles so that
 * word rarity is a story's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SentenceFeatures } from '../../src/synthesis/features.ts';
import { besideSeeds } from './helpers.ts';
import { CITATION_GROUP_SIMILARITY, groupClaimsAt, type SentenceGroup } from '../../src/synthesis/claims.ts';
import { frameOf, tensesClash } from '../../src/synthesis/frames.ts';

const texts = {
  // A talk held and a talk expected: two facts of one subject.
  talked: 'Perry i Nowak rozmawiali także o spornym projekcie gazociągu Nord Stream 2.',
  willTalk: 'Źródło agencji rosyjskiej TASS przekonuje, że podczas wizyty sekretarza stanu USA w Rosji padnie temat spornego gazociągu Nord Stream 2.',
  // A refusal given and a grant hoped for.
  refused: 'Dlatego gdy wielu Brytyjczyków, czasem od bardzo wielu lat pracujących w europejskich instytucjach, wystąpiło o przyznanie im belgijskiego obywatelstwa, przekazano im odmowne decyzje.',
  // A wish: its past form ("opuścił" after "aby") is no past, so it parts from no future.
  wish: 'Premier Theresa May chce, aby po zakończeniu członkostwa Zjednoczonego Królestwa w UE w marcu 2019 roku, kraj opuścił unijny rynek i strefę celną, co pozwoli mu zawierać własne umowy z zagranicznymi partnerami handlowymi.',
  plan: 'Szefowa rządu stoi na stanowisku, że po zakończeniu członkostwa Zjednoczonego Królestwa w UE w marcu przyszłego roku opuści ono unijny rynek i unijną strefę celną, uzyskując przez to możliwość zawierania własnych umów z zagranicznymi partnerami handlowymi.',
  // A passive after its auxiliary: the auxiliary tells the tense.
  lit: 'Koloseum zostało podświetlone na czerwono na znak solidarności z prześladowanymi chrześcijanami.',
  willBeLit: 'Koloseum zostanie podświetlone na czerwono na znak solidarności z prześladowanymi chrześcijanami.',
};
const { features, by } = besideSeeds(texts, '2018-06-10');
const asWritten = (lemma: string): string => lemma;
const tense = (name: keyof typeof texts) => frameOf(by.get(name)!, asWritten).tense;
const [plain, parted] = [groupClaimsAt(features, [CITATION_GROUP_SIMILARITY], [true])[0]!, groupClaimsAt(features, [CITATION_GROUP_SIMILARITY], [true], [true])[0]!];
// The wording claims: a claim met through an anchor (here the frame "T|podświetlić|Koloseum") is
// the act's and its object's, which the tense test leaves as it is.
const together = (groups: readonly SentenceGroup[], a: keyof typeof texts, b: keyof typeof texts): boolean =>
  groups.some((g) => !g.anchor && g.members.includes(by.get(a)!) && g.members.includes(by.get(b)!));

test('tense: the predicate\'s form tells past and future (an auxiliary before a passive too); a wish tells none', () => {
  assert.equal(tense('talked'), 'past');
  assert.equal(tense('willTalk'), 'future');
  assert.equal(tense('refused'), 'past');
  assert.equal(tense('wish'), undefined);
  assert.equal(tense('plan'), 'future');
  assert.equal(tense('lit'), 'past');
  assert.equal(tense('willBeLit'), 'future');
  const frame = (name: keyof typeof texts) => frameOf(by.get(name)!, asWritten);
  assert.ok(tensesClash(frame('lit'), frame('willBeLit')));
  assert.ok(!tensesClash(frame('wish'), frame('plan')), 'an unknown tense never clashes');
});

test('tense: "Koloseum zostało podświetlone" and "zostanie podświetlone" are one claim by wording, two with the tense test', () => {
  assert.ok(together(plain, 'lit', 'willBeLit'), 'the wording step alone joins them');
  assert.ok(!together(parted, 'lit', 'willBeLit'));
  assert.ok(together(parted, 'wish', 'plan') === together(plain, 'wish', 'plan'), 'a wish parts from nothing');
});

test('tense: a parted sentence joins no claim it was not in before (every claim is part of one of the plain grouping)', () => {
  const home = new Map<SentenceFeatures, Set<number>>();
  plain.forEach((g, i) => {
    for (const m of g.members) home.set(m, (home.get(m) ?? new Set()).add(i));
  });
  for (const g of parted) {
    if (g.members.length < 2) continue;
    const shared = g.members.map((m) => home.get(m) ?? new Set<number>()).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
    assert.ok(shared.size > 0, `a new claim: ${g.members.map((m) => m.sentence.text.slice(0, 60)).join(' | ')}`);
  }
  assert.ok(parted.length >= plain.length);
});
