import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barChart, bucketFor, timeChart } from '../../src/web/charts.ts';

/** Heights of the drawn columns' segments, summed per x position, in drawing units. */
function columns(svg: string): number[] {
  const byX = new Map<string, number>();
  for (const m of svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="([\d.]+)"/g)) byX.set(m[1]!, (byX.get(m[1]!) ?? 0) + Number(m[2]));
  return [...byX.values()];
}

test('timeChart: days for a short story, stacked per outlet, accessible and fitted to a phone', () => {
  const items = [
    { date: '2023-09-11', group: 'PAP' }, { date: '2023-09-11', group: 'PAP' }, { date: '2023-09-11', group: 'Onet' },
    { date: '2023-09-13T10:00Z', group: 'Onet' }, { date: undefined, group: 'TVN24' },
  ];
  const out = String(timeChart(items, { title: 'Artykuły w czasie' }));
  assert.match(out, /data-bucket="day"/);
  assert.match(out, /<svg viewBox="0 0 360 150" role="img" aria-labelledby="(chart-[0-9a-z]+-t) (chart-[0-9a-z]+-d)"/);
  assert.match(out, /<title id="chart-[0-9a-z]+-t">Artykuły w czasie<\/title>/);
  assert.match(out, /<desc id="chart-[0-9a-z]+-d">4 artykuły: 11–13 września 2023; najwięcej: 11 września 2023 \(3\); Onet: 2, PAP: 2; 1 bez daty\.<\/desc>/);
  const heights = columns(out);
  assert.equal(heights.length, 2, 'two days with articles (the empty day between draws nothing)');
  assert.ok(Math.abs(heights[0]! / heights[1]! - 3) < 0.01, 'heights are proportional to the counts');
  assert.match(out, />11 wrz<\/text>/);
  assert.match(out, />13 wrz<\/text>/);
  assert.match(out, /1 artykuł bez daty nie jest na wykresie/);
  assert.match(out, /<ul class="legend">.*Onet.*PAP/s);
  assert.doesNotMatch(out, /<script|on\w+=/i);
});

test('timeChart: the span and the coarsest date choose the period; nothing dated draws nothing', () => {
  assert.equal(bucketFor(30), 'day');
  assert.equal(bucketFor(400), 'month');
  assert.equal(bucketFor(2000), 'year');
  const monthly = String(timeChart([{ date: '2023-09' }, { date: '2023-09-12' }, { date: '2023-09-20' }], { title: 't' }));
  assert.match(monthly, /data-bucket="month"/, 'a date known to the month puts all in months');
  assert.deepEqual(columns(monthly).length, 1);
  assert.doesNotMatch(monthly, /class="legend"/, 'one group needs no legend');
  assert.equal(timeChart([{ date: undefined }], { title: 't' }), '');
  const many = String(timeChart(Array.from({ length: 9 }, (_, i) => ({ date: '2023-09-01', group: `S${i}` })), { title: 't', maxGroups: 3 }));
  assert.match(many, /pozostałe <\/span>|pozostałe<\/span>/, 'the smaller outlets are summed');
});

test('barChart: largest first, labels as text, the long tail summed', () => {
  const bars = Array.from({ length: 15 }, (_, i) => ({ label: `Serwis ${i}`, value: i + 1 }));
  const out = String(barChart(bars, { title: 'Artykuły według serwisów', max: 12 }));
  const labels = [...out.matchAll(/<span translate="no">(Serwis \d+)<\/span>/g)].map((m) => m[1]);
  assert.equal(labels[0], 'Serwis 14');
  assert.equal(labels.length, 12);
  assert.match(out, /15 artykułów/);
  assert.match(out, /i 3 serwisy więcej \(6 artykułów\)/);
  assert.equal(barChart([], { title: 't' }), '');
});
