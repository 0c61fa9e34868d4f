/**
 * English entities on unseen-style news: the English Kim–Putin fixture (test/stories/fixtures)
 * through ingest and the text layer, as in production, and short wire-copy paragraphs written
 * for each rule: acronyms vs surnames, demonyms keyed to their country, head-final head nouns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findMentions, groupEntities, type Entity, type Mention } from '../../../src/analysis/entities/index.ts';
import { nameKey } from '../../../src/analysis/entities/keys.ts';
import { toArticle } from '../../../src/ingest/article.ts';
import { readPlainText } from '../../../src/ingest/plain-text.ts';
import { analyzeText } from '../../../src/text/index.ts';

const FIXTURE = new URL('../../../test/stories/fixtures/kim-putin-en.txt', import.meta.url);
const fixture = toArticle(readPlainText(readFileSync(FIXTURE, 'utf8'), 'kim-putin-en.txt'), '2026-01-01T00:00:00Z');

function mentionsOf(text: string): Mention[] {
  return findMentions(text, 'en', analyzeText(text, 'en'));
}

function mention(all: readonly Mention[], surface: string): Mention {
  const m = all.find((x) => x.text === surface);
  assert.ok(m, `no mention "${surface}"; got ${JSON.stringify(all.map((x) => x.text))}`);
  return m;
}

function entityWith(entities: readonly Entity[], m: Mention): Entity {
  const e = entities.find((x) => x.key === m.key);
  assert.ok(e, `no entity for key ${m.key}`);
  return e;
}

// Wire copy written for the rules (Reuters/AP style), not taken from any article.
const UN_COPY =
  'UNITED NATIONS (Reuters) - The UN Security Council met on Friday at the request of Ukraine. ' +
  'North Korean leader Kim Jong Un was not mentioned by name, but UN Secretary-General Antonio Guterres urged restraint. ' +
  "Kim has ignored previous UN resolutions on the country's weapons programme, diplomats said.";

const DEMONYM_COPY =
  'BERLIN (AP) - Ukrainian President Volodymyr Zelenskiy met German Chancellor Olaf Scholz in Berlin on Monday, ' +
  'a week after French President Emmanuel Macron visited Ukraine. ' +
  'Chinese and Japanese officials attended the talks, as did Israeli and Iranian envoys. ' +
  'Russians living in Germany protested outside the Russian embassy, and Pakistan sent a Pakistani delegation. ' +
  'Russia, China and France did not comment.';

const HEADS_COPY =
  'LONDON (Reuters) - Flights from Heathrow Airport were suspended on Tuesday. ' +
  'The Bank of England kept interest rates unchanged, while the Supreme Court ruled against the government. ' +
  'In Kazakhstan, a rocket lifted off from the Baikonur Cosmodrome, and traffic on the Crimean Bridge was halted. ' +
  'Fans gathered at Luzhniki Stadium as the Wagner Group withdrew.';

test('fixture: "UN" of "UN Security Council" is not Kim Jong Un', () => {
  const all = findMentions(fixture.text, 'en', analyzeText(fixture.text, 'en'));
  const un = mention(all, 'UN');
  const kim = mention(all, 'Kim Jong Un');
  assert.notEqual(un.key, kim.key, 'UN key');
  assert.equal(un.type, 'ORG', 'UN type');
  const entities = groupEntities([{ articleId: 'en', mentions: all }]);
  const person = entityWith(entities, kim);
  assert.equal(person.variants.includes('UN'), false, `Kim Jong Un variants ${JSON.stringify(person.variants)}`);
  assert.deepEqual(person.variants, ['Kim', 'Kim Jong Un']);
});

test('fixture: demonyms share their country key; the cosmodrome is a place; types', () => {
  const all = findMentions(fixture.text, 'en', analyzeText(fixture.text, 'en'));
  const russian = mention(all, 'Russian');
  const northKorean = mention(all, 'North Korean');
  assert.equal(russian.key, mention(all, 'Russia').key, 'Russian ~ Russia');
  assert.equal(russian.key, 'geo-ru');
  assert.equal(northKorean.key, mention(all, 'North Korea').key, 'North Korean ~ North Korea');
  assert.equal(northKorean.key, 'geo-kp');
  assert.equal(russian.type, 'PER', 'demonym type (BSNLP: nationality mentions are PER)');
  assert.equal(northKorean.type, 'PER', 'demonym type');
  assert.equal(mention(all, 'Vostochny Cosmodrome').type, 'LOC', 'Vostochny Cosmodrome type');
  assert.equal(mention(all, 'Security Council').type, 'ORG', 'Security Council type');
  const entities = groupEntities([{ articleId: 'en', mentions: all }]);
  const russia = entityWith(entities, russian);
  assert.equal(russia.name, 'Russia');
  assert.equal(russia.type, 'LOC', 'a country keeps its place type beside its demonyms');
  assert.deepEqual(russia.variants, ['Russia', 'Russian']);
  assert.equal(entityWith(entities, northKorean).name, 'North Korea');
});

test('wire copy: an acronym never takes a person\'s normal-case surname, in an article or across articles', () => {
  const all = mentionsOf(UN_COPY);
  const kim = mention(all, 'Kim Jong Un');
  const uns = all.filter((m) => m.text === 'UN');
  assert.equal(uns.length, 3, 'three UN mentions');
  for (const un of uns) assert.notEqual(un.key, kim.key, `UN at ${un.start}`);
  assert.equal(mention(all, 'Kim').key, kim.key, 'the bare surname still joins the full name');
  // Another article names only the acronym: the cross-article surname link must not take it.
  const other = mentionsOf('The UN said aid convoys had reached the city.');
  const entities = groupEntities([{ articleId: 'a', mentions: all }, { articleId: 'b', mentions: other }]);
  assert.deepEqual(entityWith(entities, kim).articles, ['a'], 'Kim Jong Un articles');
  // Language-independent: the key of an acronym differs from a name word of the same letters.
  assert.notEqual(nameKey('UN', 'en'), nameKey('Un', 'en'));
  assert.notEqual(nameKey('ONZ', 'pl'), nameKey('Onz', 'pl'));
  assert.equal(nameKey('Kim Jong Un', 'en'), nameKey('Kim Dzong Un', 'pl'), 'names still meet across languages');
});

test('wire copy: English demonyms, adjective and plural noun, point at their country', () => {
  const all = mentionsOf(DEMONYM_COPY);
  const pairs: [string, string][] = [
    ['Ukrainian', 'Ukraine'],
    ['German', 'Germany'],
    ['French', 'France'],
    ['Chinese', 'China'],
    ['Russians', 'Russia'],
    ['Russian', 'Russia'],
    ['Pakistani', 'Pakistan'],
  ];
  for (const [demonym, country] of pairs) {
    const d = mention(all, demonym);
    const c = mention(all, country);
    assert.ok(c.key.startsWith('geo-'), `${country} has a country key`);
    assert.equal(d.key, c.key, `${demonym} ~ ${country}`);
    assert.equal(d.type, 'PER', `${demonym} type`);
    assert.equal(c.type, 'LOC', `${country} type`);
  }
  assert.equal(mention(all, 'Japanese').key, 'geo-jp');
  assert.equal(mention(all, 'Israeli').key, 'geo-il');
  assert.equal(mention(all, 'Iranian').key, 'geo-ir');
  assert.equal(mention(all, 'Volodymyr Zelenskiy').type, 'PER', 'the name after the demonym and title stays a person');
  assert.equal(mention(all, 'Olaf Scholz').type, 'PER');
  const entities = groupEntities([{ articleId: 'a', mentions: all }]);
  const russia = entityWith(entities, mention(all, 'Russia'));
  // Three demonym mentions (PER) against one name mention (LOC): the country stays a place.
  assert.equal(russia.type, 'LOC');
  assert.deepEqual(russia.variants, ['Russia', 'Russian', 'Russians']);
});

test('wire copy: English head nouns decide the type first or last; "<head> of <Name>" is one name', () => {
  const all = mentionsOf(HEADS_COPY);
  const cases: [string, string][] = [
    ['Heathrow Airport', 'LOC'],
    ['Bank of England', 'ORG'],
    ['Supreme Court', 'ORG'],
    ['Baikonur Cosmodrome', 'LOC'],
    ['Crimean Bridge', 'LOC'],
    ['Luzhniki Stadium', 'LOC'],
    ['Wagner Group', 'ORG'],
  ];
  for (const [surface, type] of cases) assert.equal(mention(all, surface).type, type, `${surface} type`);
  assert.equal(mention(all, 'Kazakhstan').key, 'geo-kz');
});

// Written for the rules in wire-copy style; not taken from any article.
const DATELINE_COPY =
  'KYIV, Sept 14 (Reuters) - Russia\'s Defence Ministry said Ukraine had fired cruise missiles at the Black Sea Fleet. ' +
  'The Pentagon said U.S. weapons were not used, and Chinese Foreign Ministry spokesperson Mao Ning said Beijing was concerned. ' +
  'NATO Secretary-General Jens Stoltenberg told the UN General Assembly that British Defence Secretary Grant Shapps would visit.';

test('wire copy: initialisms, institutions named by a title word, titles and dateline months', () => {
  const all = mentionsOf(DATELINE_COPY);
  assert.equal(mention(all, 'U.S.').key, 'geo-us', '"U.S." is one token and the United States');
  assert.equal(mention(all, 'Defence Ministry').type, 'ORG', 'a title word before a head noun names the institution');
  assert.equal(mention(all, 'Chinese Foreign Ministry').type, 'ORG');
  assert.equal(mention(all, 'General Assembly').type, 'ORG');
  assert.equal(mention(all, 'Black Sea Fleet').type, 'ORG');
  assert.equal(mention(all, 'Jens Stoltenberg').type, 'PER', 'a title before a name is still dropped');
  assert.equal(mention(all, 'Grant Shapps').type, 'PER');
  assert.equal(mention(all, 'British').key, 'geo-gb', 'an irregular demonym');
  assert.equal(all.some((m) => /Sept|Secretary/.test(m.text)), false, `no month or title mention: ${JSON.stringify(all.map((m) => m.text))}`);
});

test('wire copy: lower-case particles inside names join them, elsewhere they do not', () => {
  const all = mentionsOf(
    'Syrian President Bashar al-Assad met Commission President Ursula von der Leyen and Mohammed bin Salman. ' +
      'Flights to Charles de Gaulle Airport resumed. Later, von der Leyen said the talks in de facto terms had failed.',
  );
  const names = all.map((m) => m.text);
  for (const name of ['Bashar al-Assad', 'Ursula von der Leyen', 'Mohammed bin Salman', 'Charles de Gaulle Airport']) {
    assert.ok(names.includes(name), `"${name}" in ${JSON.stringify(names)}`);
  }
  assert.equal(mention(all, 'Ursula von der Leyen').type, 'PER');
  assert.equal(mention(all, 'Charles de Gaulle Airport').type, 'LOC');
  assert.equal(mention(all, 'Leyen').key, mention(all, 'Ursula von der Leyen').key, 'the short form joins the full name');
  assert.equal(mention(all, 'Syrian').key, 'geo-sy');
  assert.equal(names.some((n) => /facto|^de /.test(n)), false, 'a particle alone is no name');
});
