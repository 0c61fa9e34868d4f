/**
 * Entity typing rules that hold for names no list knows (docs/QUALITY.md, "Leave one topic
 * out"), each on whole Polish news sentences written for this test (none copied from the BSNLP
 * dev data).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMentions, type Mention } from '../../../src/analysis/entities/index.ts';
import { analyzeText } from '../../../src/text/index.ts';

function mentions(text: string): Mention[] {
  return findMentions(text, 'pl', analyzeText(text, 'pl'));
}

function mentionOf(text: string, surface: string): Mention {
  const found = mentions(text);
  const m = found.find((x) => x.text === surface);
  assert.ok(m, `no mention "${surface}" in: ${found.map((x) => `${x.text}/${x.type}`).join(' | ')}`);
  return m;
}

test('a quoted foreign title keeps its article and is a title: "The Observer", "Die Zeit"', () => {
  const text = 'Jak ujawnił w niedzielę brytyjski tygodnik „The Observer”, rząd rozważa nowe cła. Według „Die Zeit” Berlin jest przeciw.';
  assert.equal(mentionOf(text, 'The Observer').type, 'PRO');
  assert.equal(mentionOf(text, 'Die Zeit').type, 'PRO');
  assert.equal(mentionOf(text, 'Die Zeit').base, 'Die Zeit');
});

test('an English name in Polish text takes the type of its English head noun', () => {
  const text = 'Przed Downing Street zebrali się demonstranci. Raport przygotowało Migration Policy Centre, a gaz popłynie przez Trans Adriatic Pipeline.';
  assert.equal(mentionOf(text, 'Downing Street').type, 'LOC');
  assert.equal(mentionOf(text, 'Migration Policy Centre').type, 'ORG');
  assert.equal(mentionOf(text, 'Trans Adriatic Pipeline').type, 'PRO');
});

test('a name quoted whole is a title, and its other mentions in the article follow', () => {
  const text = 'Jak podał we wtorek „Gość Niedzielny”, parafia przeniesie siedzibę. Według redakcji Gość Niedzielny dotarł też do listy nazwisk.';
  const titles = mentions(text).filter((m) => m.text === 'Gość Niedzielny');
  assert.equal(titles.length, 2);
  assert.ok(titles.every((m) => m.type === 'PRO'));
  // Not quoted, the same words name no title.
  assert.notEqual(mentionOf('Według redakcji Gość Niedzielny dotarł do listy nazwisk.', 'Gość Niedzielny').type, 'PRO');
});

test('a name written with a top-level domain is a web site, in any position', () => {
  const text = 'Jak czytamy w Wirtualnemedia.pl, stacja zmieni ramówkę. Wirtualnemedia dodaje, że zmiany obejmą wieczór. Komitet Remain.EU milczy.';
  const site = mentionOf(text, 'Wirtualnemedia.pl');
  assert.equal(site.type, 'PRO');
  assert.equal(site.base, 'Wirtualnemedia.pl');
  // The bare name joins the site and takes its type; "w" before a web site makes no place.
  assert.equal(mentionOf(text, 'Wirtualnemedia').key, site.key);
  assert.equal(mentionOf(text, 'Wirtualnemedia').type, 'PRO');
  // An upper-case ".EU" is part of a campaign's name, not a domain.
  assert.ok(!mentions(text).some((m) => m.text.startsWith('Remain') && m.type === 'PRO'));
});

test("a people's plural shares its land's key but does not make the land a person", () => {
  const text = 'Walia chce zostać w Unii. Walijczycy głosowali inaczej niż Szkoci, a Szkocja od lat domaga się referendum. Szkocji nie wystarczy autonomia.';
  for (const m of mentions(text).filter((x) => /^Szkocj/u.test(x.text))) assert.equal(m.type, 'LOC', `${m.text}`);
  assert.equal(mentionOf(text, 'Szkoci').type, 'PER');
  assert.equal(mentionOf(text, 'Szkoci').key, mentionOf(text, 'Szkocja').key);
});
test('a forename after a name that is no person starts a new name, unless a head noun follows', () => {
  assert.equal(mentionOf('Decyzję skrytykował prezes UOKiK Tomasz Chróstny.', 'Tomasz Chróstny').type, 'PER');
  assert.equal(mentionOf('Na miejsce przyjechał gubernator prowincji Beludżystan Jan Kowalski.', 'Jan Kowalski').type, 'PER');
  assert.equal(mentionOf('Na miejsce przyjechał gubernator prowincji Beludżystan Jan Kowalski.', 'Beludżystan').type, 'LOC');
  // "Christian" is a forename, but "Association" makes one institution of the whole run.
  assert.equal(mentionOf('Apel wydało British Pakistani Christian Association.', 'British Pakistani Christian Association').type, 'ORG');
});

test('an institution noun before an unknown name types it: "partia", "grupa", "ugrupowanie"', () => {
  const text = 'Radykalne ugrupowanie Hizb ut-Tahrir wezwało do protestów. Lider partii Tehreek-e-Insaf Pakistan milczy, a grupa Open Society Voices zapowiada pozew. Hizb ut-Tahrir odpowie w piątek.';
  for (const m of mentions(text).filter((x) => x.text === 'Hizb ut-Tahrir')) assert.equal(m.type, 'ORG');
  assert.equal(mentionOf(text, 'Open Society Voices').type, 'ORG');
});

test('a one-word name with a capital inside is a body or a brand by default, not a place', () => {
  const text = 'Sprawą zajmie się UOKiK. Wniosek w tej sprawie złożył PiS, a poparło go SdPl.';
  assert.equal(mentionOf(text, 'UOKiK').type, 'ORG');
  assert.equal(mentionOf(text, 'PiS').type, 'ORG');
  // A place after "w" is still a place.
  assert.equal(mentionOf('Spotkanie odbyło się w Pjongjangu.', 'Pjongjangu').type, 'LOC');
});
