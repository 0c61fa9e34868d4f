/**
 * One statement told by several outlets under different speakers (src/synthesis/quote-vote.ts, used
 * by src/synthesis/quotes.ts): the speaker most of the outlets name says it, a tie goes to the surer
 * name, and two full names one outlet each stay two quotes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { electSpeakers, type Ballot } from '../../src/synthesis/quote-vote.ts';
import { rankQuotes } from '../../src/synthesis/quotes.ts';
import type { SynthesisArticle } from '../../src/synthesis/input.ts';
import { handArticle } from './helpers.ts';

const stems = (text: string): Set<string> => new Set((text.toLowerCase().match(/\p{L}+/gu) ?? []).map((w) => w.slice(0, 5)));
const WORDS = 'Wyobraźcie sobie Trumpa zajmującego się brexitem, byłyby wszelkiego rodzaju wpadki i chaos';
const ballot = (article: string, speakerId: string, standing: number, text = WORDS): Ballot => ({ stems: stems(text), article, speakerId, standing });

test('the speaker most outlets name is elected for the copies naming another', () => {
  const ballots = [ballot('a', 'per-johnson', 3), ballot('b', 'minister', 1), ballot('c', 'per-johnson', 3)];
  assert.deepEqual([...electSpeakers(ballots)], [[1, 0]]);
});

test('a tie goes to the surer name: a person named in full before an agency relaying the words', () => {
  assert.deepEqual([...electSpeakers([ballot('a', 'afp', 0), ballot('b', 'per-bibi', 3)])], [[0, 1]]);
});

test('no speaker is elected when two full names tie, nor when only descriptions vote', () => {
  assert.equal(electSpeakers([ballot('a', 'per-banks', 3), ballot('b', 'per-farage', 3)]).size, 0);
  assert.equal(electSpeakers([ballot('a', 'mecenas', 1), ballot('b', 'mecenas', 1), ballot('c', 'mężczyzna', 1)]).size, 0);
});

test('two speakers of like words in one article, or of different words, are not one statement', () => {
  assert.equal(electSpeakers([ballot('a', 'per-johnson', 3), ballot('a', 'minister', 1)]).size, 0);
  const other = 'Premier ma pełne zaufanie do ministra spraw zagranicznych i całego swojego gabinetu';
  assert.equal(electSpeakers([ballot('a', 'per-johnson', 3), ballot('b', 'per-may', 3, other), ballot('c', 'per-johnson', 3)]).size, 0);
});

/** An article whose one sentence gives `words` to `speaker` (an entity with `key`, or a description without). */
function told(id: string, words: string, speaker: string, key?: string): SynthesisArticle {
  const text = `„${words}” – powiedział ${speaker}.`;
  const a = handArticle({ id, text, entities: key ? [[speaker, speaker, 'PER', key]] : [] });
  return { ...a, quotes: [{ start: 1, end: 1 + words.length, text: words, kind: 'direct', speaker: key ? { name: speaker, key, type: 'PER' } : { name: speaker, description: speaker }, sentence: 0 }] };
}

test('the report shows the words once, under the elected speaker, citing every outlet that told them', () => {
  const quotes = rankQuotes([told('a', WORDS, 'Boris Johnson', 'per-johnson'), told('b', WORDS, 'minister'), told('c', WORDS, 'Boris Johnson', 'per-johnson')]);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.speaker, 'Boris Johnson');
  assert.deepEqual(new Set([quotes[0]!.citation.article, ...quotes[0]!.alsoIn!.map((c) => c.article)]), new Set(['a', 'b', 'c']));
  // One outlet each for two people named in full: both readings stay, as told.
  const split = rankQuotes([told('a', WORDS, 'Arron Banks', 'per-banks'), told('b', WORDS, 'Nigel Farage', 'per-farage')]);
  assert.deepEqual(split.map((q) => q.speaker).sort(), ['Arron Banks', 'Nigel Farage']);
});

test('a statement printed by forty outlets under two speakers goes to the one most of them name; one article naming both joins nothing', () => {
  // 40 outlets print one sentence, 30 under "Boris Johnson", 10 under "rzecznik": one statement, Johnson elected;
  // the same wording in one article under both never joins the two on its own.
  const words = new Set(['premier', 'uważa', 'umowa', 'jest', 'dobra', 'dla', 'kraju']);
  const ballots = Array.from({ length: 40 }, (_, i) => ({ stems: words, article: `a${i}`, speakerId: i < 30 ? 'johnson' : 'rzecznik', standing: i < 30 ? 3 : 1 }));
  const elected = electSpeakers(ballots);
  assert.equal(elected.size, 10);
  for (const [i, w] of elected) {
    assert.equal(ballots[i]!.speakerId, 'rzecznik');
    assert.equal(ballots[w]!.speakerId, 'johnson');
  }
  const oneArticle = [{ stems: words, article: 'a', speakerId: 'johnson', standing: 3 }, { stems: words, article: 'a', speakerId: 'rzecznik', standing: 1 }];
  assert.equal(electSpeakers(oneArticle).size, 0);
});
