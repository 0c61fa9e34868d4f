/**
 * The summary's lead: what happened, not someone's words, nor a plan (src/synthesis/summary.ts).
 * Hand-built stories with the constructions met in the labelled stories, names changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import type { SynthesisArticle } from '../../src/synthesis/input.ts';
import { handArticle, type HandArticle } from './helpers.ts';

const ENTITIES: HandArticle['entities'] = [
  ['Jan Kowal', 'Jan Kowal', 'PER', 'per-kowal'],
  ['Nord Stream', 'Nord Stream', 'PRO', 'pro-ns'],
];

/** A hand article with one quote: `words` said by Jan Kowal, of the given kind. */
function withQuote(h: HandArticle, words: string, kind: 'direct' | 'indirect'): SynthesisArticle {
  const a = handArticle(h);
  const start = h.text.indexOf(words);
  const sentence = a.sentences.findIndex((s) => s.start <= start && start < s.end);
  return { ...a, quotes: [{ start, end: start + words.length, text: words, kind, speaker: { name: 'Jan Kowal', key: 'per-kowal', type: 'PER' }, sentence }] };
}

test('lead: a sentence opening with a person\'s words never leads, however often it is repeated', () => {
  const saying = 'Kropla drąży skałę - oznajmił Jan Kowal pytany o gazociąg Nord Stream.';
  const happening = 'Jan Kowal rozmawiał w środę z kanclerz Niemiec o gazociągu Nord Stream.';
  const report = synthesizeStory({
    id: 'lead-speech',
    articles: [
      withQuote({ id: 'a', text: `${saying} Rozmowa trwała godzinę.`, entities: ENTITIES }, 'Kropla drąży skałę', 'indirect'),
      withQuote({ id: 'b', text: `${saying} Spór o gazociąg trwa od lat.`, entities: ENTITIES }, 'Kropla drąży skałę', 'indirect'),
      handArticle({ id: 'c', text: `${happening} Spór o gazociąg trwa od lat.`, entities: ENTITIES }),
    ],
  });
  assert.equal(report.summary[0]?.text, happening);
});

test('lead: a plan in the future tense weighs less than what happened', () => {
  const plan = 'Jan Kowal oświadczył, że gazociąg Nord Stream będzie realizowany mimo sprzeciwu sąsiadów.';
  const happened = 'Jan Kowal podpisał w środę umowę w sprawie gazociągu Nord Stream z sąsiadami.';
  const report = synthesizeStory({
    id: 'lead-plan',
    articles: [
      handArticle({ id: 'a', text: `${plan} ${happened} Sąsiedzi od lat protestują.`, entities: ENTITIES }),
      handArticle({ id: 'b', text: `${plan} ${happened} Sąsiedzi od lat protestują.`, entities: ENTITIES }),
    ],
  });
  assert.equal(report.summary[0]?.text, happened);
});

test('lead: latest state first — a happening dated before the latest day the candidates name weighs less', () => {
  const entities: HandArticle['entities'] = [['Aerolot', 'Aerolot', 'ORG', 'org-aerolot']];
  const stale = 'Dzisiaj Aerolot odwołał kolejne 30 lotów do Irlandii w związku ze strajkiem pilotów.';
  const latest = 'Na piątek piloci linii Aerolot zapowiedzieli jednodniowy strajk w Niemczech.';
  const times: HandArticle['times'] = [['Dzisiaj', '2018-08-09'], ['Na piątek', '2018-08-10']];
  const article = (id: string, text: string, published: string): SynthesisArticle => handArticle({ id, text, entities, times, published });
  const report = synthesizeStory({
    id: 'lead-latest',
    articles: [
      article('a', `${stale} Pasażerowie dostali powiadomienia o odwołanych lotach.`, '2018-08-09'),
      article('b', `${stale} Pasażerowie dostali powiadomienia.`, '2018-08-09'),
      article('c', `${latest} Pasażerowie dostali powiadomienia o odwołanych lotach.`, '2018-08-10'),
      article('d', `${latest} Związek zawodowy pilotów domaga się podwyżek.`, '2018-08-10'),
    ],
  });
  assert.equal(report.summary[0]?.text, latest);
});

test('lead: with no sentence fit to lead, the summary still never opens with "Według niego…"', () => {
  const pointer = 'Według niego rozmowy o gazociągu Nord Stream potrwają jeszcze wiele miesięcy.';
  const hedged = 'Budowa gazociągu Nord Stream może zostać wstrzymana przez sąd w Niemczech.';
  const statuses = { 1: 'hedged', 2: 'hedged' } as const;
  const report = synthesizeStory({
    id: 'lead-none',
    articles: [
      handArticle({ id: 'a', text: `${pointer} ${hedged} Decyzja sądu może zapaść jesienią w Greifswaldzie.`, entities: ENTITIES, statuses }),
      handArticle({ id: 'b', text: `${pointer} ${hedged} Ekolodzy mogą złożyć kolejny wniosek w sprawie gazociągu.`, entities: ENTITIES, statuses }),
    ],
  });
  assert.ok(report.summary.some((s) => s.text === pointer), report.summary.map((s) => s.text).join('\n'));
  assert.doesNotMatch(report.summary[0]!.text, /^Według niego/u, report.summary.map((s) => s.text).join('\n'));
});
