import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStoryLabels, type StoryLabels } from '../../eval/lib/synthesis-labels.ts';

const LABELS_DIR = fileURLToPath(new URL('../../eval/data/synthesis/', import.meta.url));

function allLabels(): StoryLabels[] {
  return readdirSync(LABELS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readStoryLabels(join(LABELS_DIR, f)));
}

const filesOf = (labels: StoryLabels): string[] =>
  'bsnlp' in labels.source ? labels.source.bsnlp.files.map((f) => `${(labels.source as { bsnlp: { topic: string } }).bsnlp.topic}/${f}`) : [];

test('synthesis labels: every story names a known split, and the blind split holds the stories labelled for the thirteenth, fourteenth and fifteenth rounds (the twelfth round’s four, scored blind three times, are tuning stories now)', () => {
  const labels = allLabels();
  const splits = new Set(labels.map((l) => l.split));
  assert.deepEqual([...splits].sort(), ['blind', 'fresh', 'heldout', 'tune']);
  assert.deepEqual(labels.filter((l) => l.split === 'blind').map((l) => l.story).sort(), [
    'brexit-2018-01-18-france-macron-visit',
    'brexit-2018-01-transition-period-terms',
    'brexit-2018-02-02-carriers-brace',
    'brexit-2018-02-22-eu-workers-leaving',
    'brexit-2018-03-15-unilever-hq-german-exporters',
    'brexit-2018-03-29-year-before-may-tour',
    'brexit-2018-06-10-banks-russian-contacts',
    'brexit-2018-06-12-jlr-slovakia-firms-leaving',
  ]);
});

test('synthesis labels: a blind story shares no article with any other labelled story', () => {
  const labels = allLabels();
  for (const l of labels.filter((x) => x.split === 'blind')) {
    const others = new Map<string, string>();
    for (const o of labels) if (o !== l) for (const f of filesOf(o)) others.set(f, o.story);
    const shared = filesOf(l).filter((f) => others.has(f));
    assert.deepEqual(shared, [], `${l.story} reuses ${shared.map((f) => `${f} (${others.get(f)})`).join(', ')}`);
  }
});

test('synthesis labels: a blind story has 15+ statuses, 3–6 key quotes, a lead among its facts, and stays within 6–20 articles', () => {
  for (const l of allLabels().filter((x) => x.split === 'blind')) {
    assert.ok((l.statuses?.length ?? 0) >= 15, `${l.story}: ${l.statuses?.length} statuses`);
    const quotes = l.keyQuotes?.length ?? 0;
    assert.ok(quotes >= 3 && quotes <= 6, `${l.story}: ${quotes} key quotes`);
    const ids = new Set((l.facts ?? []).map((f) => f.id));
    assert.ok((l.lead ?? []).length > 0 && l.lead!.every((id) => ids.has(id)), `${l.story}: lead ${l.lead?.join(', ')}`);
    const n = filesOf(l).length;
    assert.ok(n >= 6 && n <= 20, `${l.story}: ${n} articles`);
  }
});

test('synthesis labels: an unknown split is refused with the file named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-labels-'));
  try {
    const path = join(dir, 'story.json');
    writeFileSync(path, JSON.stringify({ story: 'x', split: 'secret', source: { seedDir: 'samples/seeds' }, conflicts: [] }));
    assert.throws(() => readStoryLabels(path), (e: Error) => e.message.includes(path) && e.message.includes('blind'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
