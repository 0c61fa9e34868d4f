/**
 * A figure told over a span of years ("w latach 2014-2020 … 48,5 mld funtów") is a total for the
 * span, another measure than a figure told without it (src/synthesis/conflicts.ts `yearSpans`; the
 * time layer reads no time in such a span). BSNLP brexit articles of the conflict audit pool
 * (eval/data/conflicts-audit/, the brexit FIT topic): file 1545 (rp.pl, 2018-05-22: "straciła z
 * powodu brexitu 40 mld funtów") and file 1567 (money.pl, 2018-05-26: "w latach 2014-2020 ten
 * wkład będzie na poziomie ponad 48,5 mld funtów"), shown as an update before the change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conflictPairs as pairs } from './helpers.ts';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { hasBsnlp } from '../../eval/lib/bsnlp.ts';
import { DEFAULT_BSNLP_PATH } from '../../eval/types.ts';
import { loadStory } from '../../eval/lib/synthesis-stories.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { toArticle } from '../../src/ingest/article.ts';

const DATA_MISSING = hasBsnlp(DEFAULT_BSNLP_PATH) ? false : `no data at ${DEFAULT_BSNLP_PATH}`;

const SPAN = 'tylko w latach 2014-2020 ';

test('a total over a span of years and a figure told without that span are no conflict; without the span they are compared (audit pool, brexit files 1545 and 1567)', { skip: DATA_MISSING }, () => {
  const loaded = loadStory({ bsnlp: { topic: 'brexit', files: ['brexit_pl.txt_file_1545.txt', 'brexit_pl.txt_file_1567.txt'] } })!;
  const contribution = (p: string[]) => p.some((v) => v.includes('48,5'));
  const report = synthesizeStory({ id: 'loss-and-contribution', articles: loaded.analyses });
  assert.deepEqual(pairs(report, 'number').filter(contribution), []);
  // The same two articles with the span cut from file 1567: the figures meet as before the rule.
  const cut = loaded.analyses.map(({ article: a }) => {
    return analyzeArticle(toArticle({ origin: a.origin, format: 'text', ...(a.title && { title: a.title }), text: a.text.replace(SPAN, ''), ...(a.published && { published: a.published }) }, '2026-01-01T00:00:00.000Z'));
  });
  assert.ok(loaded.analyses.some(({ article }) => article.text.includes(SPAN)), 'file 1567 gives the span');
  const without = synthesizeStory({ id: 'loss-and-contribution', articles: cut });
  assert.equal(pairs(without, 'number').filter(contribution).length, 1, JSON.stringify(pairs(without, 'number')));
});
