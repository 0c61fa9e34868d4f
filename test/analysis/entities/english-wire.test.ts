/**
 * English entity types and keys on the labelled wire-copy set (fixtures/english-wire.json):
 * one test per case naming the mention that broke, and the typed score over all cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadWireCases, scoreWire, wireMentions, type WireCase } from './english-wire.ts';

const cases = loadWireCases();
const heldOut = loadWireCases('english-wire-heldout');

/**
 * Measured 2026-11-23: the rules' set P 0.982 R 0.973 (old engine 0.718 / 0.712); the held-out
 * set P 0.837 R 0.818 (old engine 0.556 / 0.568). The second held-out set, written 2026-12-06
 * and scored blind once: P 0.800 R 0.818 (its open errors are not asserted case by case: it
 * measures, it is not a rules' fixture). Floors a little below, for harmless drift.
 */
const FLOORS = {
  'english-wire': { precision: 0.97, recall: 0.96 },
  'english-wire-heldout': { precision: 0.8, recall: 0.8 },
  'english-wire-heldout2': { precision: 0.78, recall: 0.8 },
} as const;

function overlapsOpen(c: WireCase, surface: string): boolean {
  return c.open.some(([o]) => o.includes(surface) || surface.includes(o));
}

for (const c of [...cases, ...heldOut]) {
  test(`english wire: ${c.name}`, () => {
    // A possessive is the name's own mention ("Google's parent").
    const all = wireMentions(c).map((m) => ({ ...m, text: m.text.replace(/['’]s$/u, '') }));
    const open = new Set(c.open.map(([s]) => s));
    for (const [surface, type] of c.gold) {
      if (open.has(surface)) continue;
      const found = all.filter((m) => m.text === surface);
      assert.ok(found.length > 0, `no mention "${surface}"; got ${JSON.stringify(all.map((m) => m.text))}`);
      for (const m of found) assert.equal(m.type, type, `"${surface}" at ${m.start} type`);
    }
    const gold = new Set(c.gold.map(([s]) => s));
    const extra = all.filter((m) => !gold.has(m.text) && !overlapsOpen(c, m.text)).map((m) => m.text);
    assert.deepEqual(extra, [], 'mentions outside the gold set');
    const keyOf = (surface: string) => all.find((m) => m.text === surface)!.key;
    for (const [short, full] of c.same) assert.equal(keyOf(short), keyOf(full), `"${short}" shares the key of "${full}"`);
    for (const [surface, key] of Object.entries(c.keys)) assert.equal(keyOf(surface), key, `"${surface}" key`);
  });
}

for (const [set, floor] of Object.entries(FLOORS)) {
  test(`${set}: typed precision and recall hold their floor`, (t) => {
    const s = scoreWire(set === 'english-wire' ? cases : set === 'english-wire-heldout' ? heldOut : loadWireCases(set));
    t.diagnostic(`${set} typed P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)}; missed ${s.missed.join(' | ')}`);
    assert.ok(s.precision >= floor.precision, `precision ${s.precision}; spurious ${s.spurious.join(' | ')}`);
    assert.ok(s.recall >= floor.recall, `recall ${s.recall}; missed ${s.missed.join(' | ')}`);
  });
}
