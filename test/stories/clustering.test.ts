import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterBatch, createClusterer, restoreClusterer } from '../../src/stories/cluster.ts';
import { createStoryEngine, restoreStoryEngine } from '../../src/stories/engine.ts';
import { englishKimPutin, englishKimPutinArticle, offTopic, seeds } from './helpers.ts';
import { createFeaturiser, loadSeeds } from '../../eval/lib/stories-data.ts';
import type { ArticleFeatures } from '../../src/stories/features.ts';

test('the five seeds form exactly one event story, the undated seed 000 included', () => {
  const stories = clusterBatch(seeds());
  assert.equal(stories.length, 1, `stories: ${stories.map((s) => s.title).join(' | ')}`);
  assert.equal(stories[0].articles, 5);
  assert.ok(stories[0].articleIds.some((id) => id.startsWith('seed-000')), 'undated seed 000 joined');
  assert.equal(stories[0].firstSeen, '2023-09'); // month-precision seeds: no invented day
});

test('in arrival order (undated seed first) the seeds still form one story', () => {
  const c = createClusterer();
  for (const f of seeds()) c.add(f);
  assert.equal(c.stories().length, 1);
});

test('off-topic articles never join the seeds story, at either level', () => {
  for (const level of ['event', 'storyline'] as const) {
    const c = createClusterer({ level });
    for (const f of [...seeds(), ...offTopic()]) c.add(f);
    const seedStory = c.storyOf('seed-000_4ef9714851e140eb')!;
    const intruders = c.story(seedStory)!.articleIds.filter((id) => !id.startsWith('seed-'));
    assert.deepEqual(intruders, [], `${level}: off-topic in the seeds story`);
    assert.equal(c.story(seedStory)!.articles, 5, `${level}: all seeds together`);
  }
});

test('off-topic articles on different events stay apart from each other', () => {
  const stories = clusterBatch(offTopic());
  assert.equal(stories.length, offTopic().length, stories.filter((s) => s.articles > 1).map((s) => s.articleIds.join('+')).join('; '));
});

test('an English article about the Kim–Putin meeting joins the Polish seeds story (real entity keys)', async () => {
  const featuriser = await createFeaturiser();
  assert.equal(featuriser.source, 'layers', 'text and entity layers present');
  const c = createClusterer();
  for (const l of loadSeeds()) c.add(featuriser.features(l.article));
  const a = c.add(featuriser.features(englishKimPutinArticle()));
  assert.equal(a.created, false, 'joined an existing story');
  assert.equal(a.storyId, c.storyOf('seed-001_0c56ce6a609955a6'));
  assert.deepEqual(c.story(a.storyId)!.languages, ['en', 'pl']);
});

test('story record: headline, dates, top entities and independent sources', () => {
  const [story] = clusterBatch(seeds());
  assert.equal(story.level, 'event');
  assert.ok(story.title && /Kim|Putin/.test(story.title), `title: ${story.title}`);
  assert.ok(story.topEntities.some((e) => e.key.includes('putin')), JSON.stringify(story.topEntities));
  assert.equal(story.independentSources, 5);
});

test('story dates keep their precision: a day-dated member inside the month shows its day', () => {
  const all = seeds().filter((f) => f.time !== undefined);
  const dated = all.find((f) => f.timePrecision === 'month')!;
  // The same seed re-dated to 2023-09-13 (day precision): the story starts on that day and still ends in the month.
  const day = { ...dated, articleId: 'day-dated', fingerprint: undefined, time: Date.UTC(2023, 8, 13, 12), timePrecision: 'day' as const };
  const [story] = clusterBatch([...all, day]);
  assert.equal(story.articles, all.length + 1);
  assert.equal(story.firstSeen, '2023-09-13');
  assert.equal(story.lastSeen, '2023-09');
});

test('a duplicate (duplicateOf) joins its original story and is not an independent source', () => {
  const c = createClusterer();
  const [first, ...rest] = seeds();
  for (const f of [first, ...rest]) c.add(f);
  const copy = { ...offTopic()[0], articleId: 'copy-of-seed', duplicateOf: first.articleId };
  const a = c.add(copy);
  assert.equal(a.storyId, c.storyOf(first.articleId));
  const story = c.story(a.storyId)!;
  assert.equal(story.articles, 6);
  assert.equal(story.independentSources, 5);
});

test('near-duplicates are the store\'s decision: a matching fingerprint without duplicateOf is clustered by its content', () => {
  const c = createClusterer();
  const print = Array.from({ length: 64 }, (_, i) => i * 7919);
  const [a] = seeds();
  c.add({ ...a, fingerprint: print });
  const r = c.add({ ...offTopic()[3], articleId: 'not-a-copy', fingerprint: print.map((v, i) => (i < 3 ? v + 1 : v)) });
  assert.notEqual(r.storyId, c.storyOf(a.articleId), 'an off-topic text stays apart whatever its fingerprint');
  assert.equal(c.story(c.storyOf(a.articleId)!)!.independentSources, 1);
});

test('merges are recorded and old story ids keep resolving', () => {
  // Two stories with disjoint vocabularies, then an article holding both: it joins one, and the
  // grown story now matches the other, so they merge.
  const f = (id: string, words: string): ArticleFeatures => ({
    articleId: id,
    language: 'pl',
    time: Date.UTC(2023, 8, 12),
    timePrecision: 'day',
    terms: new Map(words.split(' ').map((w) => [w, 2])),
    entities: new Map(),
  });
  const c = createClusterer({ threshold: 0.3, mergeThreshold: 0.3, termWeight: 1, entityWeight: 0 });
  c.add(f('filler-1', 'pogoda deszcz wiatr'));
  c.add(f('filler-2', 'mecz gol bramka'));
  const a = c.add(f('a', 'szczyt spotkanie kosmodrom'));
  const b = c.add(f('b', 'pociąg pancerny granica'));
  assert.notEqual(a.storyId, b.storyId);
  const bridge = c.add(f('bridge', 'szczyt spotkanie kosmodrom pociąg pancerny granica'));
  assert.deepEqual(bridge.absorbed, [b.storyId], 'bridge triggered a merge');
  const survivor = c.resolve(a.storyId)!;
  assert.equal(c.resolve(b.storyId), survivor);
  assert.deepEqual([...c.story(survivor)!.articleIds].sort(), ['a', 'b', 'bridge']);
  assert.equal(c.stories().filter((s) => s.id === a.storyId || s.id === b.storyId).length, 1);
  assert.deepEqual(c.story(survivor)!.mergedFrom.length, 1);
  assert.equal(c.storyOf('b'), survivor);
});

test('serialise → JSON → restore gives the same stories and the same next assignment', () => {
  const all = [...seeds(), ...offTopic()];
  const c = createClusterer();
  for (const f of all.slice(0, -1)) c.add(f);
  const restored = restoreClusterer(JSON.parse(JSON.stringify(c.serialise())));
  assert.deepEqual(restored.stories(), c.stories());
  assert.deepEqual(restored.add(all[all.length - 1]), c.add(all[all.length - 1]));
  assert.deepEqual(restored.add(englishKimPutin()), c.add(englishKimPutin()));
});

test('clustering is deterministic', () => {
  const all = [...offTopic(), ...seeds(), englishKimPutin()];
  assert.deepEqual(clusterBatch(all), clusterBatch(all));
  // Batch mode sorts by time, so input order does not matter either.
  assert.deepEqual(clusterBatch(all, { level: 'storyline' }), clusterBatch([...all].reverse(), { level: 'storyline' }));
});

test('the engine keeps events and storylines and restores both', () => {
  const engine = createStoryEngine();
  for (const f of [...seeds(), ...offTopic()]) engine.add(f);
  const seedStoryline = engine.storylineOf('seed-001_0c56ce6a609955a6')!;
  const line = engine.storylines().find((s) => s.id === seedStoryline)!;
  assert.ok(line.articleIds.filter((id) => id.startsWith('seed-')).length === 5);
  assert.equal(line.eventIds.length, 1);
  const restored = restoreStoryEngine(JSON.parse(JSON.stringify(engine.serialise())));
  assert.deepEqual(restored.storylines(), engine.storylines());
  assert.deepEqual(restored.events(), engine.events());
});

test('consolidate merges stories that turn out to be one and records it', () => {
  const c = createClusterer({ threshold: 0.99, mergeThreshold: 0.3 });
  const s = seeds();
  for (const f of s) c.add(f);
  const before = c.stories().length;
  assert.ok(before > 1, 'a 0.99 join threshold keeps the seeds apart at first');
  const merges = c.consolidate();
  assert.ok(merges.length > 0);
  assert.ok(c.stories().length < before);
  for (const m of merges) assert.equal(c.resolve(m.from), c.resolve(m.into));
});

test('consolidation after each batch looks at what the batch touched, and still merges it with older stories', () => {
  const c = createClusterer({ threshold: 0.99, mergeThreshold: 0.3 });
  const [first, ...rest] = seeds().filter((f) => f.time !== undefined);
  c.add(first);
  for (const f of offTopic()) c.add(f);
  assert.deepEqual(c.consolidate(), [], 'nothing to merge in the first batch');
  const saved = c.serialise();
  assert.equal(saved.consolidatedAt, saved.documents, 'the pass is remembered with the state');
  // Next batch (after a restart): the other seeds arrive as stories of their own and merge into the
  // untouched story of the first seed, found through the index.
  const next = restoreClusterer(JSON.parse(JSON.stringify(saved)));
  for (const f of rest) next.add(f);
  const merges = next.consolidate();
  assert.ok(merges.length > 0);
  const story = next.storyOf(first.articleId)!;
  for (const f of rest) assert.equal(next.storyOf(f.articleId), story);
  assert.ok(offTopic().every((f) => next.storyOf(f.articleId) !== story), 'no off-topic article joins');
  assert.deepEqual(next.consolidate(), [], 'a pass with nothing new touched merges nothing');
});

test('consolidation attaches a small story that clearly points at one established storyline, and no off-topic one', () => {
  // Seeds 001–004 plus syndicated copies form an established storyline of 8 (default preset); then
  // join and merge thresholds of 0.99 keep the undated seed 000 and every off-topic article on their
  // own until consolidation.
  const [undated, ...dated] = seeds();
  const copies = dated.map((f) => ({ ...f, articleId: `${f.articleId}-copy`, duplicateOf: f.articleId }));
  const run = (attachFloor: number) => {
    const first = createClusterer({ level: 'storyline' });
    for (const f of [...dated, ...copies]) first.add(f);
    assert.equal(first.stories().length, 1);
    const state = first.serialise();
    const c = restoreClusterer({ ...state, options: { ...state.options, threshold: 0.99, mergeThreshold: 0.99, attachFloor } });
    for (const f of [...offTopic(), undated]) c.add(f);
    assert.notEqual(c.storyOf(undated.articleId), c.storyOf(dated[0].articleId), 'apart before consolidation');
    c.consolidate();
    return c;
  };
  const attached = run(0.05);
  const storyline = attached.story(attached.storyOf(dated[0].articleId)!)!;
  assert.ok(storyline.articleIds.includes(undated.articleId), 'seed 000 attached');
  // Known limit: an off-topic article sharing the storyline's main actor (Putin–Erdogan talks) scores
  // like a true side story on a corpus this small; unrelated off-topic articles never attach.
  const seedEntities = new Set(dated.flatMap((f) => [...f.entities.keys()]));
  const offTopicIds = new Map(offTopic().map((f) => [f.articleId, f]));
  const intruders = storyline.articleIds.filter((id) => offTopicIds.has(id));
  assert.ok(intruders.length <= 1, `intruders: ${intruders.join(', ')}`);
  for (const id of intruders) assert.ok([...offTopicIds.get(id)!.entities.keys()].some((k) => seedEntities.has(k)), `${id} shares no entity`);
  const off = run(0);
  assert.notEqual(off.storyOf(undated.articleId), off.storyOf(dated[0].articleId), 'attach pass off: stays apart');
});
