/**
 * Conflicts the twelfth round's rules decide (src/synthesis/conflicts.ts `floors`, `disputed` with
 * `statesFigure`, `ownersOf`, `actDates`), read by the real analysis layers from sentences of BSNLP
 * development articles (asia_bibi wiki pages and 2017-12 reports, brexit 2018-01 and 2018-06): one
 * act's day told as a year and as a full date is a refinement; two floors, one writer's two figures
 * and two owners' staff are different measures; another person's act is no date of the act. Each
 * test fails without its rule; the rp sentence of the first two is file 39's with its arrest day
 * cut to the year, so that the story has one pair of dates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysedStory as story, conflictPairs as pairs } from './helpers.ts';

const sorted = (found: string[][]): string[][] => found.map((p) => [p[0]!, ...p.slice(1).sort()]);

// The story's own people (asia-bibi-2017-12 files 37, 39, wiki-1): Asia Bibi and Mahomet, named in
// most articles, are its main participants; the governor Taseer is another person whose act is dated.
const bibi: readonly (readonly [string, string, string])[] = [
  ['wpolityce', '2017-12-22', 'Pakistańska chrześcijanka, Asia Bibi, trafiła do więzienia w 2009 r. Kobieta rok później została za to skazana na śmierć przez powieszenie za rzekome bluźnierstwo przeciw Mahometowi.'],
  ['wiki1', '2019-03-13', 'Asia Bibi pochodzi z wioski Ittanwali w Pakistanie. W odpowiedzi Asia Bibi zapytała: „A co zrobił Mahomet dla ludzi?”.'],
];

test('one named person\'s act dated by a year in one article and by its day in another ("W 2011 … Taseer został zabity", "4 stycznia 2011 … policjant zabił … Taseera") is a refinement', () => {
  const found = pairs(
    story([
      ...bibi,
      ['wiki3', '2019-03-13', 'W 2011 gubernator prowincji Pendżab Salmaan Taseer został zabity przez swego ochroniarza, gdy wezwał do zreformowania prawa związanego z bluźnierstwem i zabiegał o zwolnienie Asi Bibi.'],
      ['rp', '2017-12-21', 'Sprawa 46-letniej obecnie Asi Bibi, matki 5 dzieci, ciągnie się od 2009, gdy zatrzymano ją pod zarzutem obrazy islamu i proroka Mahometa. 4 stycznia 2011 ten 26-letni wówczas policjant zabił gubernatora prowincji Pendżab Salmaana Taseera, który dążył do złagodzenia osławionych przepisów o „bluźnierstwie religijnym”.'],
    ]),
    'date',
  );
  assert.deepEqual(sorted(found), [['refinement', '2011', '2011-01-04']]);
});

test('another person\'s death a year later ("W 2012 … zginął … Shahbaz Bhatti") is no date of Taseer\'s killing', () => {
  const found = pairs(
    story([
      ...bibi,
      ['wiki3', '2019-03-13', 'W 2011 gubernator prowincji Pendżab Salmaan Taseer został zabity przez swego ochroniarza, gdy zabiegał o zwolnienie Asi Bibi. W 2012 z tych samych powodów zginął pakistański minister ds. mniejszości Shahbaz Bhatti.'],
      ['rp', '2017-12-21', 'Sprawa Asi Bibi ciągnie się od 2009, gdy zatrzymano ją pod zarzutem obrazy proroka Mahometa. 4 stycznia 2011 ten 26-letni wówczas policjant zabił gubernatora prowincji Pendżab Salmaana Taseera.'],
    ]),
    'date',
  );
  assert.deepEqual(sorted(found), [['refinement', '2011', '2011-01-04']]);
});

test('two floors ("podpisało ponad 5700 osób", "podpisało ponad 1900 osób") both hold: no conflict; a floor against an exact figure still conflicts', () => {
  const petitions = (second: string): string[][] =>
    pairs(
      story([
        ['wiki3', '2019-03-13', 'Petycję do początku stycznia 2013 podpisało ponad 5700 osób.'],
        ['wiki4', '2019-03-14', `Do początku stycznia 2013 petycję podpisało ${second} osób.`],
      ]),
      'number',
    );
  assert.deepEqual(petitions('ponad 1900'), []);
  assert.equal(petitions('1900').length, 1);
});

test('articles that each give both figures ("63 proc. pytanych…", "…wśród studentów (65 proc.)") report two measures, whichever one the slot reader kept', () => {
  const poll = (secondHasBoth: boolean): string[][] =>
    pairs(
      story([
        ['interia', '2018-01-27', 'Według sondażu przygotowanego przez pracownię ICM, najbardziej euroentuzjastyczni okazują się Szkoci. 63 proc. pytanych chce pozostać w Unii. Największe poparcie dla Unii jest wśród studentów (65 proc.).'],
        ['gazeta', '2018-01-27', `Według sondażu, przygotowanego przez pracownię ICM, najbardziej euroentuzjastyczni są Szkoci, co nie jest zaskoczeniem. 63 proc. pytanych chce pozostania w Unii.${secondHasBoth ? ' Największe poparcie dla Unii jest wśród studentów (65 proc.), najmniejsze wśród emerytów (34 proc.).' : ''}`],
      ]),
      'number',
    );
  assert.deepEqual(poll(true), []);
  // The same 65 against an article that never gives it is one source's figure against another's.
  assert.equal(poll(false).length, 1);
});

test('a standing count whose owner is named the sentence before ("BMW ma też zakłady … Brytyjskie fabryki zatrudniają ok. 6,3 tys. osób") is another owner\'s than an unnamed firm\'s 14 tys.', () => {
  const staff = (bmw: string): string[][] =>
    pairs(
      story([
        ['tvp', '2018-06-22', 'Firma – która rocznie wpłaca do brytyjskiego budżetu blisko 2 mld funtów podatków, zatrudniając ok. 14 tys. osób, a 110 tys. w szerszym łańcuchu dostaw – rozważa przeniesienie produkcji do innego kraju europejskiego.'],
        ['bi', '2018-06-26', `${bmw} Brytyjskie fabryki zatrudniają ok. 6,3 tys. osób.`],
      ]),
      'number',
    );
  assert.deepEqual(staff('BMW ma też zakłady w Swindon i Hams Hall.'), []);
  // No owner named before: the words decide, and "zatrudnia… osób" twice is one measure.
  assert.equal(staff('Zakłady mają też oddziały w mniejszych miastach.').length, 1);
});
