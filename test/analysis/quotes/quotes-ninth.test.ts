/**
 * Speakers the ninth round found wrong on the labelled stories' key quotes and on unlabelled
 * development articles (the sentences are the real ones; the mentions are what the entity stage
 * gives there): a role noun that names a woman whose foreign first name shows no gender, and a name
 * the entity stage glued to the genitive before it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMentions } from './fixture.ts';

const GREENS = 'Burzliwe protesty. Przewodnicząca klubu poselskiego Zielonych w Bundestagu Katrin Goering-Eckardt wezwała niemiecki rząd, by spełnił życzenie pakistańskiej kobiety. – Niemiecki rząd musi Asii Bibi szybko zaoferować azyl – powiedziała liderka Zielonych, sugerując, by niemiecki MSZ działał bez zwłoki i umożliwił przyjazd kobiety wraz z rodziną do RFN.';

/** The paragraph with the mentions the entity stage gives there (it glues "Bundestagu" to her name). */
const greens = (text: string) => withMentions(
  doc(text, 'pl'),
  ['Zielonych', 'Zieloni', 'ORG'],
  ['Bundestagu Katrin Goering-Eckardt', 'Bundestag Katrin Goering-Eckardt', 'PER'],
  ['Asii Bibi', 'Asia Bibi', 'PER'],
  ['RFN', 'RFN', 'LOC'],
);

test('a role noun names the woman the verb after her name showed, past a genitive glued before it ("Bundestagu Katrin Goering-Eckardt wezwała … – powiedziała liderka Zielonych")', () => {
  assert.equal(quoteWith(quotes(greens(GREENS)), 'Niemiecki rząd musi').speaker?.name, 'Katrin Goering-Eckardt');
});

test('without the verb showing her gender the role stays a description: a foreign first name tells none', () => {
  assert.equal(quoteWith(quotes(greens(GREENS.replace('wezwała', 'wzywa'))), 'Niemiecki rząd musi').speaker?.name, 'liderka Zielonych');
});

test('a man the verb after his name showed is the politician of the role and goes on speaking, not the woman named in his accusation', () => {
  const d = withMentions(
    doc('Wiceszef klubu parlamentarnego Zielonych Oliver Krischer oskarżył gabinet Angeli Merkel o rozpowszechnianie kłamstw i podkreślił, że Nord Stream 2 nie jest – wbrew temu, co twierdzi rząd – czysto prywatną, gospodarczą inwestycją. – Nord Stream 2 da się zrealizować tylko i wyłącznie za pomocą kosztujących miliardy euro inwestycji w niemiecką sieć gazociągów, za które zapłaci nie Gazprom, lecz odbiorcy gazu w tym kraju – powiedział polityk Zielonych. Wyraził też nadzieję, że projekt zablokuje Komisja Europejska.', 'pl'),
    ['Zielonych Oliver Krischer', 'Zielone Oliver Krischer', 'PER'],
    ['Angeli Merkel', 'Angela Merkel', 'PER'],
    ['Nord Stream 2', 'Nord Stream 2', 'PRO'],
    ['Gazprom', 'Gazprom', 'ORG'],
    ['Zielonych', 'Zieloni', 'ORG'],
  );
  const all = quotes(d);
  assert.equal(quoteWith(all, 'da się zrealizować').speaker?.name, 'Oliver Krischer');
  assert.equal(quoteWith(all, 'projekt zablokuje').speaker?.name, 'Oliver Krischer');
});

test('"z" with a genitive is "of", not "with": the name after "jednej z rozmów" is the subject ("W czasie jednej z rozmów Corbyn przekazał Czechowi, że …")', () => {
  const d = withMentions(
    doc('Dymica został zresztą wprowadzony do Corbyna przez Tony\'ego Gilberta i Sandrę Hodgson, działaczy jednego z takich ruchów o nazwie Wyzwolenie (Liberation). W czasie jednej z rozmów Corbyn przekazał Czechowi, że brytyjskie służby specjalne szykują obławę przeciwko agentom z NRD działającym na Wyspach.', 'pl'),
    ['Dymica', 'Dymica', 'PER'],
    ['Corbyna', 'Corbyn', 'PER'],
    ["Tony'ego Gilberta", 'Tony Gilbert', 'PER'],
    ['Sandrę Hodgson', 'Sandra Hodgson', 'PER'],
    ['Corbyn', 'Corbyn', 'PER'],
    ['NRD', 'NRD', 'LOC'],
  );
  assert.equal(quoteWith(quotes(d), 'brytyjskie służby specjalne').speaker?.name, 'Corbyn');
});
