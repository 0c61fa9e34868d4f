/**
 * One place written in full and in part is one place (src/synthesis/conflicts.ts `samePlaceName`):
 * Tusk's words as three outlets retell them (BSNLP brexit files 1919, 1469 and 1524, in the conflict
 * audit's brexit CHECK story of all its files, eval/data/conflicts-audit/check-topics.json), "w historii XXI-wiecznej Europy" against "w historii Europy
 * XXI wieku": the century read into the first name ("XXI Europy") is no second place, and no
 * contradiction between near-identical sentences.
 */
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { conflictPairs as pairs } from './helpers.ts';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { hasBsnlp } from '../../eval/lib/bsnlp.ts';
import { DEFAULT_BSNLP_PATH } from '../../eval/types.ts';
import { loadStory } from '../../eval/lib/synthesis-stories.ts';

const DATA_MISSING = hasBsnlp(DEFAULT_BSNLP_PATH) ? false : `no data at ${DEFAULT_BSNLP_PATH}`;

test('"XXI-wiecznej Europy" and "Europy XXI wieku" in near-identical retellings are one place: no place conflict in the audit\'s brexit CHECK story', { skip: DATA_MISSING }, () => {
  const audit = JSON.parse(readFileSync(fileURLToPath(new URL('../../eval/data/conflicts-audit/check-topics.json', import.meta.url)), 'utf8')) as { name: string; topic: string; files: string[] }[];
  const brexit = audit.find((s) => s.topic === 'brexit')!;
  const loaded = loadStory({ bsnlp: { topic: 'brexit', files: brexit.files } })!;
  const report = synthesizeStory({ id: brexit.name, articles: loaded.analyses });
  assert.deepEqual(pairs(report, 'place').filter((pair) => pair.some((v) => v.includes('Europ'))), []);
});
