import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chipSources, citationChips, CHIPS_SHOWN } from '../../src/web/chips.ts';
import type { ReportSource } from '../../src/synthesis/types.ts';

const sources: ReportSource[] = Array.from({ length: 12 }, (_, i) => ({
  article: `${i}`.padStart(16, 'a'), origin: `/srv/news/${i}.txt`, independentOrigin: `/srv/news/${i}.txt`, language: 'pl', independent: true,
  ...(i % 2 ? { outlet: `Serwis ${i}`, published: { value: '2023-09-12', precision: 'day' as const } } : {}),
}));
const chips = chipSources(sources, (s, n) => s.title ?? `Nagłówek ${n}`);

test('chips: one per source, in source order, with outlet and headline in the tooltip', () => {
  const citations = [sources[3]!, sources[1]!, sources[3]!, sources[0]!].map((s, i) => ({ article: s.article, start: i * 10, end: i * 10 + 5 }));
  const out = citationChips(citations, chips).value;
  assert.deepEqual([...out.matchAll(/>(\d+)<\/a>/g)].map((m) => m[1]), ['1', '2', '4']);
  assert.match(out, /href="\/articles\/aaaaaaaaaaaaaaa3\?start=0&amp;end=5#passage"/, 'the first citation of a source is the one linked');
  assert.match(out, /title="2\. Serwis 1 · 12 września 2023 — Nagłówek 2"/);
  assert.match(out, /title="1\. — · bez daty — Nagłówek 1"/, 'an unknown outlet is a dash, not a folder');
  assert.doesNotMatch(out, /title="[^"]*(aaaa|\.txt)/, 'tooltips carry no ids or paths');
});

test('chips: past the first few the rest fold behind "+N"', () => {
  const citations = sources.map((s) => ({ article: s.article, start: 0, end: 1 })).reverse();
  const out = citationChips(citations, chips).value;
  const [shown, folded] = out.split('<details');
  assert.equal([...shown!.matchAll(/class="cite"/g)].length, CHIPS_SHOWN);
  assert.match(folded!, new RegExp(`<summary[^>]*>\\+${12 - CHIPS_SHOWN}</summary>`));
  assert.equal([...folded!.matchAll(/class="cite"/g)].length, 12 - CHIPS_SHOWN);
  assert.deepEqual([...out.matchAll(/>(\d+)<\/a>/g)].map((m) => Number(m[1])), Array.from({ length: 12 }, (_, i) => i + 1), 'sorted');
  assert.doesNotMatch(citationChips(citations.slice(0, CHIPS_SHOWN), chips).value, /<details/, 'a small set is not folded');
});
