/**
 * Figures written with digit groups of thousands (src/synthesis/numbers.ts): Polish groups them with a
 * dot ("994.800 osób", its decimal mark is the comma), English with a comma ("2,400 daily flights").
 * Sentences from BSNLP brexit articles of the conflict audit pool (eval/data/conflicts-audit/): file
 * 1485 (dw.com, 2018-04-10), file 1481 (the same Eurostat figure rounded) and file 1495 (wyborcza.pl,
 * 2018-04-11); the English one is Ryanair's tweet quoted in ryanair files 147 and 152. Read as a decimal, 994.800
 * became 994.8 and met "2702 osoby" (German passports) as one order of magnitude: an update shown
 * between two different measures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysedArticles, conflictPairs as pairs } from './helpers.ts';
import { storyFeatures } from '../../src/synthesis/features.ts';
import { sameFigure } from '../../src/synthesis/numbers.ts';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { hasBsnlp } from '../../eval/lib/bsnlp.ts';
import { DEFAULT_BSNLP_PATH } from '../../eval/types.ts';
import { loadStory } from '../../eval/lib/synthesis-stories.ts';

const eurostat1485 = ['dw', '2018-04-10', 'Eurostat (unijny urząd statystyczny) mówi o rekordzie. 994.800 osób otrzymało obywatelstwo któregoś z 28 krajów Unii Europejskiej – o 18 proc. więcej niż w 2015 roku.'] as const;
const eurostat1481 = ['interia', '2018-04-10', 'Około 995 tys. osób otrzymało w 2016 r. obywatelstwo któregoś z krajów członkowskich UE. To rekordowy wynik odkąd unijne biuro statystyczne Eurostat zbiera na ten temat dane z krajów członkowskich.'] as const;
const passports1495 = ['wyborcza', '2018-04-11', 'Największym powodzeniem cieszyły się paszporty niemieckie – otrzymały je 2702 osoby (w 2015 r. – 594).'] as const;

const figuresOf = (reports: readonly (readonly [string, string, string])[]) =>
  storyFeatures(analysedArticles(reports)).byArticle.map((list) => list.flatMap((s) => s.figures));

test('a Polish figure with a dot between groups of three digits is thousands: "994.800 osób" is 994800, the figure "około 995 tys. osób" rounds', () => {
  const [exact, rounded] = figuresOf([eurostat1485, eurostat1481]);
  const people = exact!.find((f) => f.text.includes('994.800'));
  assert.equal(people?.value, 994800);
  const about = rounded!.find((f) => f.text.includes('995 tys'));
  assert.ok(about && sameFigure(people!, about), 'the rounded report gives the same figure');
});

test('a Polish decimal comma stays a decimal: "101,3 tys." is 101300', () => {
  const [figures] = figuresOf([['interia', '2018-04-10', 'Unijne obywatelstwo w 2016 r. uzyskało 101,3 tys. Marokańczyków.']]);
  assert.equal(figures!.find((f) => f.text.includes('101,3'))?.value, 101300);
});

test('an English figure with a comma between groups of three digits is thousands: "2,400 daily flights" is 2400', () => {
  const [figures] = figuresOf([['twitter', '2018-07-20', 'Ryanair to cancel up to 300 of 2,400 daily flights next Wed 25 and Thurs 26 to minimise disruption to customers from unnecessary strikes by some cabin crew.']]);
  assert.ok(figures!.some((f) => f.value === 2400), JSON.stringify(figures!.map((f) => [f.text, f.value])));
});

const DATA_MISSING = hasBsnlp(DEFAULT_BSNLP_PATH) ? false : `no data at ${DEFAULT_BSNLP_PATH}`;

test('all new EU citizenships ("994.800 osób") and German passports ("2702 osoby") are two measures, not an update (audit story b04-eurostat-citizenship)', { skip: DATA_MISSING }, () => {
  const files = ['brexit_pl.txt_file_1485.txt', 'brexit_pl.txt_file_1481.txt', 'brexit_pl.txt_file_1495.txt', 'brexit_pl.txt_file_1520.txt'];
  const loaded = loadStory({ bsnlp: { topic: 'brexit', files } })!;
  const report = synthesizeStory({ id: 'b04-eurostat-citizenship', articles: loaded.analyses });
  assert.deepEqual(pairs(report, 'number'), []);
});
