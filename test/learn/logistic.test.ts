import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkModel, leaveOneGroupOut, predict, probabilities, train, type Example } from '../../src/learn/logistic.ts';

// Sentences reduced to two cues: a hedge word and a reporting verb. The label is what the cues
// say: a hedge makes it hedged, else a reporting verb makes it attributed, else asserted.
function cueExamples(): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < 30; i++) {
    const hedge = i % 3 === 0 ? 1 : 0;
    const says = i % 2 === 0 ? 1 : 0;
    const label = hedge ? 'hedged' : says ? 'attributed' : 'asserted';
    out.push({ features: { hedge, says, [`noise${i % 5}`]: 1 }, label });
  }
  return out;
}

test('learns three classes from their cues and predicts each', () => {
  const model = train(cueExamples(), { iterations: 300 });
  assert.deepEqual(model.classes, ['asserted', 'attributed', 'hedged']);
  assert.equal(predict(model, { hedge: 1, says: 1 }).label, 'hedged');
  assert.equal(predict(model, { says: 1 }).label, 'attributed');
  assert.equal(predict(model, {}).label, 'asserted');
  const p = probabilities(model, { hedge: 1 });
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  assert.ok(p[2]! > 0.7, `hedged probability ${p[2]}`);
});

test('the same examples give the same weights', () => {
  assert.deepEqual(train(cueExamples()), train(cueExamples()));
});

test('an unknown label or an empty set is refused with its name', () => {
  assert.throws(() => train([{ features: {}, label: 'denied' }], {}, ['asserted', 'hedged']), /label "denied"/);
  assert.throws(() => train([]), /no examples/);
});

test('a stored model of the wrong shape is refused naming the file', () => {
  assert.throws(() => checkModel({ classes: ['a'], weights: {} }, 'resources/models/x.json'), /resources\/models\/x\.json: not a logistic model/);
  assert.throws(() => checkModel({ classes: ['a', 'b'], weights: { a: { '': 'x' }, b: {} } }, 'm.json'), /m\.json/);
  const model = train(cueExamples());
  assert.equal(checkModel(JSON.parse(JSON.stringify(model)), 'm.json').classes.length, 3);
});

test('leave-one-group-out never trains on the held-out group', () => {
  // Group b's label contradicts group a's for the same cue: a model that saw b would predict it.
  const examples = [
    ...Array.from({ length: 10 }, () => ({ features: { cue: 1 }, label: 'yes', group: 'a' })),
    ...Array.from({ length: 10 }, () => ({ features: {}, label: 'no', group: 'a' })),
    ...Array.from({ length: 4 }, () => ({ features: { cue: 1 }, label: 'no', group: 'b' })),
  ];
  const held = leaveOneGroupOut(examples).filter((r) => r.group === 'b');
  assert.equal(held.length, 4);
  assert.ok(held.every((r) => r.predicted === 'yes'));
});
