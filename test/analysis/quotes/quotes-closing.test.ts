/**
 * Words whose attribution comes after them in a sentence or paragraph of its own, on sentences built
 * like the ones the story eval met in scraped Polish news (a tweet or a quoted block that lost its
 * marks, then "- napisał X." or a paragraph "— tłumaczył."), names and details changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMention } from './fixture.ts';

test('a dash attribution after the words closes them; earlier sentences in the first person belong to them', () => {
  let d = doc('Premier skomentował ustalenia w sprawie umowy. Wśród nich jest milion Polaków. Udało nam się przekonać partnerów w najważniejszej kwestii. Solidarność europejska ma sens. - napisał na Twitterze Jan Nowak.\n\nDalsza część artykułu.', 'pl');
  d = withMention(d, 'Jan Nowak', 'Jan Nowak', 'PER');
  const all = quotes(d);
  const q = quoteWith(all, 'Udało nam się');
  assert.equal(q.speaker?.name, 'Jan Nowak');
  assert.equal(q.kind, 'direct');
  assert.ok(q.text.endsWith('Solidarność europejska ma sens'), q.text);
  assert.ok(!q.text.includes('milion Polaków'), 'a sentence in the third person before them is narration');
  assert.ok(!all.some((x) => x.text.startsWith('napisał')), 'the attribution is not speech of its own');
});

test('an attribution paragraph closes the quoted paragraph before it and takes the speaker named earlier', () => {
  let d = doc('Jak zauważa politolog Adam Kowal, taki wynik byłby możliwy tylko przy wysokiej frekwencji.\n\nMożna pomyśleć, że ludzie zmienili zdanie. Badania konsekwentnie wskazują, że wyborcy głosowaliby tak samo.\n\n— tłumaczył. Politolog pracuje na uniwersytecie.', 'pl');
  d = withMention(d, 'Adam Kowal', 'Adam Kowal', 'PER');
  const q = quoteWith(quotes(d), 'Badania konsekwentnie');
  assert.equal(q.kind, 'direct');
  assert.ok(q.text.startsWith('Można pomyśleć'), q.text);
  assert.equal(q.speaker?.name, 'Adam Kowal');
});

test('dash speech that opens with its own words is still speech', () => {
  let d = doc('Minister przyjechał do Brukseli. - Powiedziałem partnerom, że jesteśmy gotowi - dodał Jan Nowak.', 'pl');
  d = withMention(d, 'Jan Nowak', 'Jan Nowak', 'PER');
  const q = quoteWith(quotes(d), 'Powiedziałem partnerom');
  assert.equal(q.speaker?.name, 'Jan Nowak');
  assert.ok(!q.text.includes('Brukseli'));
});
