/** The BSNLP loader (eval/lib/bsnlp.ts) on the shared dev data; skipped when it is absent. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasBsnlp, loadBsnlp } from '../../../eval/lib/bsnlp.ts';
import { DEFAULT_BSNLP_PATH } from '../../../eval/types.ts';

const present = hasBsnlp(DEFAULT_BSNLP_PATH);

test('loads titles, dates and gold mentions whose offsets index the whole file', { skip: present ? false : `no data at ${DEFAULT_BSNLP_PATH}` }, () => {
  const docs = loadBsnlp(DEFAULT_BSNLP_PATH, { topics: ['asia_bibi'] });
  assert.equal(docs.length, 88);
  const first = docs[0]!;
  assert.equal(first.file, 'asia_bibi_pl.txt_file_1.txt');
  assert.ok(first.title.includes('Asia Bibi'), 'title is the first line');
  assert.deepEqual(first.published, { value: '2018-10-31', precision: 'day' });
  for (const d of docs) for (const m of d.mentions) assert.equal(d.text.slice(m.start, m.end), m.text);
  assert.ok(docs.some((d) => d.mentions.some((m) => m.base === 'Asia Bibi' && m.type === 'PER')));
});
