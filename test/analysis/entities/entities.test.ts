/**
 * Entities on the five real Polish seed articles (samples/kim-putin-2023) and on English and
 * Polish fixture sentences written for the rules they exercise.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { findMentions, groupEntities, type Entity, type Mention } from '../../../src/analysis/entities/index.ts';
import { analyzeText } from '../../../src/text/index.ts';
import { toArticle } from '../../../src/ingest/article.ts';
import { readPlainText } from '../../../src/ingest/plain-text.ts';

const SEEDS = new URL('../../../samples/kim-putin-2023/', import.meta.url);
const INGESTED = '2026-01-01T00:00:00Z';
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  // Through ingest, as in production: the date line, "REKLAMA", "Zobacz wideo …" are gone.
  .map((f) => ({ articleId: f, text: toArticle(readPlainText(readFileSync(new URL(f, SEEDS), 'utf8'), f), INGESTED).text }));
// The production path: sentences from the text layer (src/analysis/index.ts does the same).
const docs = seeds.map((s) => ({ articleId: s.articleId, mentions: findMentions(s.text, 'pl', analyzeText(s.text, 'pl')) }));
const all: Mention[] = docs.flatMap((d) => d.mentions);
const entities = groupEntities(docs);

function entityOf(surface: string): Entity {
  const m = all.find((x) => x.text === surface);
  assert.ok(m, `no mention "${surface}" in the seeds`);
  const e = entities.find((x) => x.key === m.key);
  assert.ok(e, `no entity for key ${m.key}`);
  return e;
}

test('seed base forms: inflection, agreement, inner genitive, foreign names', () => {
  const cases: [string, string][] = [
    ['Korei Północnej', 'Korea Północna'],
    ['Koreą Północną', 'Korea Północna'],
    ['Korei Południowej', 'Korea Południowa'],
    ['Władimirem Putinem', 'Władimir Putin'],
    ['Kim Dzong Una', 'Kim Dzong Un'],
    ['Kima', 'Kim'],
    ['Kremlowi', 'Kreml'],
    ['Grupy Wagnera', 'Grupa Wagnera'],
    ['Grupie Wagnera', 'Grupa Wagnera'],
    ['Białym Domu', 'Biały Dom'],
    ['Dalekim Wschodzie', 'Daleki Wschód'],
    ['Rady Bezpieczeństwa Narodowego', 'Rada Bezpieczeństwa Narodowego'],
    ['Departamentu Stanu', 'Departament Stanu'],
    ['Sullivana', 'Sullivan'],
    ['Chasanie', 'Chasan'],
    ['Pjongjangu', 'Pjongjang'],
    ['Stanów Zjednoczonych', 'Stany Zjednoczone'],
    ['Siergiej Szojgu', 'Siergiej Szojgu'],
  ];
  for (const [surface, base] of cases) {
    const m = all.find((x) => x.text === surface);
    assert.ok(m, `mention "${surface}" found`);
    assert.equal(m.base, base, `base of "${surface}"`);
  }
});

test('seed debris and sentence openers are not names', () => {
  for (const junk of ['Jak', 'Tak', 'Zobacz', 'REKLAMA', 'Według']) {
    assert.ok(!all.some((m) => m.text === junk), `"${junk}" is not a mention`);
  }
});

test('seed entity types: people, places, institutions', () => {
  const cases: [string, string][] = [
    ['Władimirem Putinem', 'PER'],
    ['Sullivana', 'PER'],
    ['Pjongjangu', 'LOC'],
    ['Moskwie', 'LOC'],
    ['Chasanie', 'LOC'],
    ['ONZ', 'ORG'],
    ['Grupy Wagnera', 'ORG'],
    ['Departamentu Stanu', 'ORG'],
    ['Wschodniego Forum Ekonomicznego', 'EVT'],
  ];
  for (const [surface, type] of cases) assert.equal(entityOf(surface).type, type, `type of "${surface}"`);
});

test('seed acronyms are mentions', () => {
  for (const acronym of ['ONZ', 'KCNA', 'CNN', 'AP', 'USA']) {
    assert.ok(all.some((m) => m.text === acronym), `acronym ${acronym}`);
  }
});

test('one Kim Dzong Un across the seeds, short forms included, Kim Jo Dzong apart', () => {
  const kim = entityOf('Kim Dzong Un');
  assert.equal(kim.type, 'PER');
  assert.equal(kim.name, 'Kim Dzong Un');
  assert.equal(kim.articles.length, seeds.length, 'named in every seed');
  for (const short of ['Kima', 'Kimem']) assert.equal(entityOf(short).key, kim.key, `"${short}" joins Kim Dzong Un`);
  const sister = entityOf('Kim Jo Dzong');
  assert.notEqual(sister.key, kim.key);
  assert.equal(entities.filter((e) => e.name === 'Kim Dzong Un').length, 1);
});

test('one Władimir Putin; "Putin" and "Putina" join him', () => {
  const putin = entityOf('Władimirem Putinem');
  assert.equal(putin.name, 'Władimir Putin');
  assert.equal(entityOf('Putina').key, putin.key);
  assert.equal(entities.filter((e) => e.variants.includes('Władimir Putin')).length, 1);
});

test('Dmitrij and Dymitri Pieskow are one entity across articles', () => {
  const a = entityOf('Dmitrij Pieskow');
  const b = entityOf('Dymitri Pieskow');
  assert.equal(a.key, b.key);
  assert.deepEqual([...a.variants].sort(), ['Dmitrij Pieskow', 'Dymitri Pieskow']);
  assert.ok(a.articles.length >= 2);
});

test('Korea Północna and Korea Południowa stay apart', () => {
  const north = entityOf('Korei Północnej');
  const south = entityOf('Korei Południowej');
  assert.notEqual(north.key, south.key);
  assert.equal(north.type, 'LOC');
});

test('sentence-initial capitals need evidence', () => {
  const text = 'Według ekspertów Kim spotkał Putina. Chodzi o broń. Dyktator Korei Północnej wyjechał. Rosja milczy.';
  const found = findMentions(text, 'pl', []).map((m) => m.text);
  assert.deepEqual(found, ['Kim', 'Putina', 'Korei Północnej', 'Rosja']);
});

test('a run of two names is split: genitive place before a person', () => {
  const text = 'Rzecznik Kremla Dmitrij Pieskow odmówił komentarza.';
  const found = findMentions(text, 'pl', []).map((m) => `${m.text}=${m.base}`);
  assert.deepEqual(found, ['Kremla=Kreml', 'Dmitrij Pieskow=Dmitrij Pieskow']);
});

test('English names link to the Polish keys', () => {
  const en = findMentions(
    "Kim Jong Un met Vladimir Putin in Russia's Far East. The Kremlin said Dmitry Peskov would brief reporters. Kim left Pyongyang by train. " +
      'His sister Kim Yo Jong and defence minister Sergei Shoigu were there, said Jake Sullivan.',
    'en',
    [],
  );
  const key = (surface: string) => {
    const m = en.find((x) => x.text === surface);
    assert.ok(m, `English mention "${surface}"`);
    return m.key;
  };
  assert.equal(key('Vladimir Putin'), entityOf('Władimirem Putinem').key);
  assert.equal(key('Kim Jong Un'), entityOf('Kim Dzong Un').key);
  assert.equal(key('Kim'), entityOf('Kim Dzong Un').key);
  assert.equal(key('Pyongyang'), entityOf('Pjongjangu').key);
  assert.equal(key('Kremlin'), entityOf('Kremlowi').key);
  assert.equal(key('Dmitry Peskov'), entityOf('Dmitrij Pieskow').key);
  assert.equal(key('Far East'), entityOf('Dalekim Wschodzie').key);
  assert.equal(key('Kim Yo Jong'), entityOf('Kim Jo Dzong').key);
  assert.equal(key('Sergei Shoigu'), entityOf('Siergiej Szojgu').key);
  assert.equal(key('Jake Sullivan'), entityOf('Jake Sullivan').key, 'a name spelled alike in both languages');
  assert.notEqual(key('Kim Yo Jong'), key('Kim Jong Un'));
});

test('without text-layer sentences the built-in splitter gives the same seed entities', () => {
  const own = seeds.map((s) => ({ articleId: s.articleId, mentions: findMentions(s.text, 'pl', []) }));
  const names = (es: readonly Entity[]) => es.filter((e) => e.mentions >= 3).map((e) => e.name).sort();
  assert.deepEqual(names(groupEntities(own)), names(entities));
});

test('a bare surname joins the full name used in another article', () => {
  const a = { articleId: 'a', mentions: findMentions('Brytyjska premier Theresa May przyjechała do Brukseli.', 'pl', []) };
  const b = { articleId: 'b', mentions: findMentions('Rozmowy z premier May trwały do nocy.', 'pl', []) };
  const may = groupEntities([a, b]).find((e) => e.name === 'Theresa May');
  assert.ok(may, 'Theresa May grouped');
  assert.deepEqual(may.articles, ['a', 'b']);
  assert.equal(may.type, 'PER');
  assert.deepEqual(may.variants, ['May', 'Theresa May']);
});

test('mention offsets index the text exactly', () => {
  for (const [i, s] of seeds.entries()) {
    for (const m of docs[i]!.mentions) assert.equal(s.text.slice(m.start, m.end), m.text);
  }
});

/** Mentions of one fixture text as `surface=base/TYPE`, through the production sentence path. */
function described(text: string): string[] {
  return findMentions(text, 'pl', analyzeText(text, 'pl')).map((m) => `${m.text}=${m.base}/${m.type}`);
}

test('canonical name is the fullest form seen, even when the surname alone is more frequent', () => {
  const sullivan = entityOf('Sullivana');
  assert.equal(sullivan.name, 'Jake Sullivan');
  assert.ok(sullivan.variants.includes('Sullivan'), 'the bare surname is a variant');
  assert.equal(entityOf('John Kirby').name, 'John Kirby');
  assert.equal(entityOf('Kamala Harris').name, 'Kamala Harris');
  const text = 'Sullivan przyjechał. Jake Sullivan mówił długo. Sullivan dodał, że Sullivan wróci.';
  const doc = { articleId: 'x', mentions: findMentions(text, 'pl', analyzeText(text, 'pl')) };
  const e = groupEntities([doc]).find((x) => x.variants.includes('Sullivan'));
  assert.equal(e?.name, 'Jake Sullivan');
});

test('foreign nominatives that look inflected keep their surface form', () => {
  const found = described(
    'Rzecznik John Kirby powiedział, że Johna Kirby\'ego nie pytano. Firma Cambridge Analytica zbierała dane. ' +
    'Mówił o tym z Tonym Blairem, a Tony Blair odpowiedział. Europejski system Galileo działa. Pisał o tym Lee.',
  );
  for (const expected of [
    'John Kirby=John Kirby/PER',
    'Johna Kirby\'ego=John Kirby/PER',
    'Tonym Blairem=Tony Blair/PER',
    'Galileo=Galileo/PRO',
  ]) assert.ok(found.includes(expected), `${expected} in ${found.join(' | ')}`);
  // Base forms only: the types of unknown foreign names are weaker (Cambridge Analytica reads as a person).
  for (const surface of ['Cambridge Analytica', 'Lee']) {
    assert.ok(found.some((m) => m.startsWith(`${surface}=${surface}/`)), `${surface} kept: ${found.join(' | ')}`);
  }
});

test('given names and soft-stem places get their nominative', () => {
  const found = described('Zdaniem Kamali Harris to dobry plan. Mówiono o Theresie May. Przyjechał do Wrocławia.');
  for (const expected of ['Kamali Harris=Kamala Harris/PER', 'Theresie May=Theresa May/PER', 'Wrocławia=Wrocław/LOC']) {
    assert.ok(found.includes(expected), `${expected} in ${found.join(' | ')}`);
  }
});

test('types follow BSNLP: cities LOC, agencies ORG, media PRO, companies ORG, events EVT', () => {
  const found = described(
    'Agencja Reuters podała, że we Władywostoku i w Pjongjangu trwają przygotowania. ' +
    'Według The Washington Post oraz stacji CNN rozmowy trwały długo. Informację przekazała agencja Associated Press. ' +
    'Dziennik Rzeczpospolita pisze o skutkach brexitu, a Brexit zmienia rynek. Przewoźnik Ryanair odwołał loty. ' +
    'Zdjęcia pokazał portal Onet. Sprawę opisał dziennik Kurier Lubelski. Rozmawiano w Irlandii Północnej.',
  );
  for (const expected of [
    'Reuters=Reuters/ORG',
    'Władywostoku=Władywostok/LOC',
    'Pjongjangu=Pjongjang/LOC',
    'The Washington Post=The Washington Post/PRO',
    'CNN=CNN/PRO',
    'Associated Press=Associated Press/ORG',
    'Rzeczpospolita=Rzeczpospolita/PRO',
    'Brexit=Brexit/EVT',
    'Ryanair=Ryanair/ORG',
    'Onet=Onet/PRO',
    'Irlandii Północnej=Irlandia Północna/LOC',
  ]) assert.ok(found.includes(expected), `${expected} in ${found.join(' | ')}`);
  // An unlisted title is typed by the kind noun before it (resources/pl/entity-type-cues.txt).
  assert.ok(found.includes('Kurier Lubelski=Kurier Lubelski/PRO'), `Kurier Lubelski is PRO: ${found.join(' | ')}`);
});

test('lower-case uses of a listed event are mentions even when the article never capitalises it', () => {
  const found = described('Po brexicie ceny wzrosły, a skutki brexitu odczuli wszyscy. Ludzie mieli dość.');
  assert.deepEqual(found, ['brexicie=Brexit/EVT', 'brexitu=Brexit/EVT']);
});

test('a sentence-initial given name that is also a common word opens a name before a known surname', () => {
  assert.deepEqual(described('Tony Blair spotkał się z premierem. Jak Putin to widzi?'), ['Tony Blair=Tony Blair/PER', 'Putin=Putin/PER']);
});

test('a compound adjective after a known place stays in the name and declines its last part', () => {
  assert.deepEqual(described('Rozmowy o Europie Środkowo-Wschodniej trwają.'), ['Europie Środkowo-Wschodniej=Europa Środkowo-Wschodnia/LOC']);
});
