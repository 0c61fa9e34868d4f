/**
 * Amounts given as ranges and rates (src/synthesis/conflicts-ranges.ts; `figureValues` in
 * src/synthesis/slots.ts, resources/pl/synthesis-measures.txt), read by the real analysis layers
 * from sentences of BSNLP brexit development articles (2018-01-09 file 119, 2018-01-10 file 515,
 * 2018-01-11 file 703, 2018-01-23 file 312; the audit pool's 2018-04-09 file 255 and 2018-04-14 file
 * 1513): "10-12 mld euro" is one value, the span; a yearly amount outside another source's span
 * contradicts it, one inside it does not, and one far outside it counts something else.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysedStory as story, conflictPairs as pairs } from './helpers.ts';

const gap119 = ['pap', '2018-01-09', 'Brexit spowoduje jednak wyrwę w unijnej kasie w wysokości około 13 mld euro rocznie.'] as const;
const gap515 = ['wsj', '2018-01-10', 'Obecnie budżet UE jest pod dużą presją z powodu Brexitu i - jak ostrzegł w poniedziałek unijny komisarz ds. budżetu Guenther Oettinger - wyjście Wielkiej Brytanii z UE spowoduje w najbliższych latach lukę w budżecie Unii wynoszącą 13 mld euro rocznie.'] as const;
const paid703 = ['pap', '2018-01-11', 'Jak dodał, po wyjściu z UE Wielkiej Brytanii, drugiej po Niemczech największej europejskiej gospodarki, z której do budżetu UE wpływało rocznie 10-12 mld euro powstała poważna dziura.'] as const;
const share312 = ['obserwator', '2018-01-23', 'Rocznie brytyjski udział w budżecie UE kształtuje się na poziomie 12–15 mld euro.'] as const;
/** Other sentences of the same articles (files 119, 515 and 312), which weigh the words the amounts' sentences share. */
const others = [
  ['rp', '2018-01-09', 'Szef niemieckiego MSZ: Niemcy największym beneficjentem netto unijnego budżetu. Gabriel jako największego beneficjenta netto w ujęciu politycznym, gospodarczym i finansowym wskazał Niemcy. Przypomniał, że 60 proc. niemieckiego eksportu trafia na wewnątrzunijny rynek .'],
  ['wsj', '2018-01-10', 'Polska do tej pory była najpoważniejszym beneficjentem UE. Reuters jednocześnie zwraca uwagę na ogólniejszy, rodzący pytania o przyszłość samej UE, kontekst sporu Warszawy z Brukselą.'],
  ['obserwator', '2018-01-23', 'Goldsmith często krytykuje bardziej federalistyczne pomysły UE. W 2015 r. na aukcjach zezwoleń ETS rządy krajowe zarobiły w sumie 4,9 mld euro. Zależą one od różnych, zmiennych w czasie czynników. Niemniej jednak dotychczasowe doświadczenia temu przeczą. Teoretycznie istnieje możliwość, że przy zmniejszającym się wolumenie wypuszczanego w powietrze CO2 przychody nadal będą utrzymywać się na niezmienionym poziomie. System, ze względu na kryzys gospodarczy i ograniczenie dostępu do pozwoleń, od lat przynosi o wiele niższe zyski niż pierwotnie zakładano. Aby poprawić tę sytuację, wprowadzono nowe rozwiązania, które wejdą w życie w przyszłym roku. Na chwilę obecną trudno jednak ocenić jakie będą ich skutki. Obecnie wszyscy członkowie Unii muszą wydawać 50% przychodów z ETS na walkę z emisją gazów cieplarnianych.'],
] as const;

test('a yearly amount outside another source\'s range ("13 mld euro rocznie" vs "rocznie 10-12 mld euro") is a contradiction of the range', () => {
  assert.deepEqual(pairs(story([gap119, gap515, paid703, ...others]), 'number'), [['contradiction', '13 mld euro', '10-12 mld euro']]);
});

test('two ranges that only touch ("10-12" vs "12–15 mld euro", published twelve days apart) contradict each other; neither updates the other', () => {
  assert.deepEqual(pairs(story([paid703, share312, ...others]), 'number'), [['contradiction', '10-12 mld euro', '12–15 mld euro']]);
});

test('an amount inside another source\'s range ("13 mld euro rocznie" in "12–15 mld euro") is no conflict', () => {
  assert.deepEqual(pairs(story([gap119, gap515, share312, ...others]), 'number'), []);
});

test('an amount farther from a range than the range is wide ("nawet 25 mld euro rocznie" vs "12-14 mld euro rocznie") counts something else', () => {
  const found = pairs(
    story([
      ['wpolityce', '2018-04-09', 'Oznacza to, że gdyby Unia chciała prowadzić takie same polityki, jak dotychczas, przy obecnej składce, dziura budżetowa sięgnie nawet 25 mld euro rocznie.'],
      ['euractiv', '2018-04-14', 'Brytyjska składka do budżetu UE to 12-14 mld euro rocznie.'],
    ]),
    'number',
  );
  assert.deepEqual(found, []);
});

test('a rate is compared with rates of its period only ("300 lotów każdego dnia" vs "600 lotów")', () => {
  const found = pairs(
    story([
      ['onet', '2018-07-24', 'Ryanair odwoła 300 lotów każdego dnia strajku w Hiszpanii, Portugalii i Belgii.'],
      ['wp', '2018-07-24', 'Ryanair odwoła 600 lotów podczas strajku w Hiszpanii, Portugalii i Belgii.'],
    ]),
    'number',
  );
  assert.deepEqual(found, []);
});

test('a range whose first number carries the approximation word ("ok. 12-13 mld euro", file 1954 of 2018-02-24) holds 12: no conflict with the Commission\'s "12 mld euro" (file 122, its range shortened)', () => {
  const commission = (amount: string): readonly [string, string, string] => ['euractiv', '2018-02-14', `KE szacuje, że w wyniku Brexitu w rocznych dochodach UE będzie brakowało ${amount} euro.`];
  const estimate = ['dziennik', '2018-02-24', 'Według wstępnych szacunków, po Brexicie w rocznych dochodach Unii będzie brakowało ok. 12-13 mld euro.'] as const;
  assert.deepEqual(pairs(story([commission('12 mld'), estimate, ...others]), 'number'), []);
  // An amount beside the range, outside it, is one source's figure against another's.
  assert.equal(pairs(story([commission('11 mld'), estimate, ...others]), 'number').length, 1);
});
