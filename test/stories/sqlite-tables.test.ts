import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../src/store/sqlite/connection.ts';
import { migrate } from '../../src/store/sqlite/migrate.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations/index.ts';
import {
  getStory, getStoryOfArticle, listStories, readStoryMeta, resolveStory, storyAssignments, storyCounts, storyMembers, storyOfArticle,
} from '../../src/store/sqlite/story-readers.ts';
import { clearStoryTables, openStoryWriter } from '../../src/store/sqlite/story-writer.ts';
import { SqliteStoryBackend } from '../../src/store/sqlite/story-backend.ts';
import { createStoryEngine, openStoryEngine } from '../../src/stories/engine.ts';
import type { ArticleFeatures } from '../../src/stories/features.ts';
import { loadParagraphs, synthesise } from '../../bench/stories.ts';
import { englishKimPutin, offTopic, seeds } from './helpers.ts';

function openFile(path = join(mkdtempSync(join(tmpdir(), 'kronika-story-tables-')), 'stories.db')): { db: Database.Database; path: string } {
  return { db: openDatabase(path, { readonly: false }, (d) => { migrate(d, MIGRATIONS); return d; }), path };
}

const inputs = (features: readonly ArticleFeatures[]) => features.map((f) => ({ features: f }));

const stream = (): ArticleFeatures[] => [...synthesise(loadParagraphs(), 300), ...seeds(), ...offTopic(), englishKimPutin()];

test('SQLite story tables: chunks through the writer give the in-memory engine\'s stories, read back without the engine', () => {
  const { db } = openFile();
  try {
    const features = stream();
    const memory = createStoryEngine();
    const writer = openStoryWriter(db, { now: () => Date.UTC(2024, 0, 1) });
    for (let at = 0; at < features.length; at += 40) {
      const chunk = features.slice(at, at + 40);
      for (const f of chunk) memory.add(f);
      memory.consolidate();
      const assigned = writer.add(chunk.map((features) => ({ features })));
      assert.deepEqual(assigned.map((a) => a.event.articleId), chunk.map((f) => f.articleId));
      writer.consolidate();
      writer.commit();
    }
    const events = storyAssignments(db, 'event');
    const storylines = storyAssignments(db, 'storyline');
    for (const f of features) {
      assert.equal(events.get(f.articleId), memory.eventOf(f.articleId), f.articleId);
      assert.equal(storylines.get(f.articleId), memory.storylineOf(f.articleId), f.articleId);
      assert.deepEqual(storyOfArticle(db, f.articleId), { event: memory.eventOf(f.articleId), storyline: memory.storylineOf(f.articleId) });
    }
    // Every story reads back with its members in order, its merges and its counts; a storyline with its events.
    const lines = new Map(memory.storylines().map((s) => [s.id, s]));
    for (const story of [...memory.events(), ...memory.storylines()]) {
      const stored = getStory(db, story.id)!;
      assert.deepEqual(stored.articleIds, story.articleIds, story.id);
      assert.deepEqual(stored.mergedFrom, story.mergedFrom, story.id);
      assert.equal(stored.articles, story.articles);
      assert.equal(stored.independentSources, story.independentSources);
      assert.deepEqual([stored.firstSeen, stored.lastSeen, stored.languages], [story.firstSeen, story.lastSeen, story.languages]);
      if (story.level === 'storyline') assert.deepEqual(stored.eventIds, lines.get(story.id)!.eventIds, story.id);
      for (const merged of story.mergedFrom) assert.equal(resolveStory(db, merged), story.id, `${merged} resolves`);
    }
    assert.ok(memory.storylines().some((s) => s.mergedFrom.length > 0), 'the stream exercises merges');
    // An engine over the rows alone (a new process) holds the same stories, dates and their precision included.
    const reopened = openStoryEngine(new SqliteStoryBackend(db));
    assert.deepEqual(reopened.storylines(), memory.storylines());
    assert.deepEqual(reopened.events(), memory.events());
    const meta = readStoryMeta(db)!;
    assert.equal(meta.documents, features.length);
    assert.equal(meta.generation, Math.ceil(features.length / 40));
  } finally {
    db.close();
  }
});

test('SQLite story readers: pages sorted by last activity, size or recent growth, with the total; ids resolve by prefix and through merges', () => {
  const { db } = openFile();
  try {
    let clock = Date.UTC(2024, 0, 1);
    const writer = openStoryWriter(db, { now: () => clock });
    const features = stream();
    writer.add(inputs(features.slice(0, -6)));
    writer.consolidate();
    writer.commit();
    clock += 3 * 86_400_000;
    const late = features.slice(-6); // seeds tail, off-topic tail and the English article: the only growth now
    writer.add(inputs(late));
    writer.commit();
    const memory = createStoryEngine();
    for (const f of features.slice(0, -6)) memory.add(f);
    memory.consolidate();
    for (const f of late) memory.add(f);
    const all = memory.events();

    const recent = listStories(db, { level: 'event', sort: 'recent' });
    assert.equal(recent.total, all.length);
    assert.equal(recent.stories.length, all.length);
    const expected = [...all].sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') || b.articles - a.articles || (a.id < b.id ? -1 : 1));
    assert.deepEqual(recent.stories.map((s) => s.id), expected.map((s) => s.id));
    const page = listStories(db, { level: 'event', sort: 'recent', limit: 5, offset: 5 });
    assert.deepEqual(page.stories.map((s) => s.id), expected.slice(5, 10).map((s) => s.id));
    assert.equal(page.total, all.length);

    const bySize = listStories(db, { level: 'storyline', sort: 'articles', limit: 3 }).stories;
    assert.deepEqual(bySize.map((s) => s.articles), [...memory.storylines()].map((s) => s.articles).sort((a, b) => b - a).slice(0, 3));

    const growing = listStories(db, { level: 'event', sort: 'growth', limit: 3 }).stories;
    const grown = new Set(late.map((f) => memory.eventOf(f.articleId)));
    assert.ok(grown.has(growing[0].id), `${growing[0].id} grew in the last day`);

    const story = all.find((s) => s.articles > 1)!;
    assert.equal(getStory(db, story.id.slice(0, 12))?.id, story.id, 'a unique prefix resolves');
    assert.equal(getStory(db, 'ev-'), undefined, 'an ambiguous prefix does not');
    assert.equal(getStory(db, 'no-such-story'), undefined);
    assert.deepEqual(storyMembers(db, story.id), story.articleIds);
    assert.equal(storyMembers(db, 'ev-unknown'), undefined);
    assert.deepEqual(storyCounts(db), { events: all.length, storylines: memory.storylines().length });
    assert.equal(getStoryOfArticle(db, story.articleIds[0], 'event')?.id, story.id);
    assert.equal(getStoryOfArticle(db, story.articleIds[0], 'storyline')?.id, memory.storylineOf(story.articleIds[0]));

    // Filters as the store contract defines them (src/store/store.ts StoryQuery), against the engine's stories.
    const dated = all.filter((s) => s.lastSeen);
    const since = [...dated].sort((a, b) => a.lastSeen!.localeCompare(b.lastSeen!))[Math.floor(dated.length / 2)].lastSeen!.slice(0, 7);
    const key = story.topEntities[0].key;
    const cases: [object, (s: (typeof all)[number]) => boolean][] = [
      [{ since }, (s) => s.lastSeen !== undefined && s.lastSeen.slice(0, since.length) >= since],
      [{ until: since }, (s) => s.firstSeen !== undefined && s.firstSeen.slice(0, since.length) <= since],
      [{ language: 'en' }, (s) => s.languages.includes('en')],
      [{ entityKeys: [key, 'no-such-key'] }, (s) => s.topEntities.some((e) => e.key === key)],
      [{ articleIds: [late[0].articleId, story.articleIds[0]] }, (s) => s.articleIds.includes(late[0].articleId) || s.articleIds.includes(story.articleIds[0])],
    ];
    for (const [filter, keep] of cases) {
      const page = listStories(db, { level: 'event', ...filter, members: true });
      const wanted = expected.filter(keep);
      assert.ok(wanted.length > 0 && wanted.length < all.length, `${JSON.stringify(filter)} selects some stories`);
      assert.deepEqual(page.stories.map((s) => s.id), wanted.map((s) => s.id), JSON.stringify(filter));
      assert.equal(page.total, wanted.length);
      assert.deepEqual(page.stories.map((s) => s.articleIds), wanted.map((s) => s.articleIds));
    }
  } finally {
    db.close();
  }
});

test('SQLite story tables: entity display names are rows, joined into the records readers return', () => {
  const { db } = openFile();
  try {
    const writer = openStoryWriter(db);
    const [first] = seeds();
    const key = [...first.entities.keys()][0];
    writer.add([{ features: first, names: [{ key, base: 'Putina' }, { key, base: 'Władimir Putin' }, { key, base: 'Władimir Putin' }] }]);
    writer.commit();
    const story = getStory(db, storyOfArticle(db, first.articleId).event!)!;
    assert.equal(story.topEntities.find((e) => e.key === key)?.name, 'Władimir Putin');
  } finally {
    db.close();
  }
});

test('SQLite story writer: another process\'s commit makes a writer drop its cache (generation), so no article is lost or counted twice', () => {
  const { db, path } = openFile();
  const other = openFile(path).db;
  try {
    const features = stream().slice(0, 120);
    const a = openStoryWriter(db);
    const b = openStoryWriter(other);
    a.add(inputs(features.slice(0, 40)));
    a.commit();
    b.add(inputs(features.slice(40, 80))); // b reads what a committed
    b.commit();
    a.add(inputs(features.slice(80, 120))); // a's cache is a generation behind: dropped, rows read afresh
    a.consolidate();
    a.commit();
    const memory = createStoryEngine();
    for (const f of features.slice(0, 120)) memory.add(f);
    memory.consolidate();
    const events = storyAssignments(db, 'event');
    assert.equal(events.size, 120);
    for (const f of features) assert.equal(events.get(f.articleId), memory.eventOf(f.articleId), f.articleId);
    assert.equal(readStoryMeta(db)!.documents, 120);
    assert.equal(readStoryMeta(db)!.generation, 3);
  } finally {
    other.close();
    db.close();
  }
});

test('SQLite story writer: a failed chunk leaves the tables as they were; a caller\'s own transaction decides the commit', () => {
  const { db } = openFile();
  try {
    const [first, second, third] = seeds();
    const writer = openStoryWriter(db);
    writer.add(inputs([first]));
    writer.commit();
    const broken = { ...second, terms: undefined } as unknown as ArticleFeatures;
    assert.throws(() => writer.add(inputs([third, broken])));
    assert.equal(db.inTransaction, false, 'rolled back');
    assert.deepEqual([...storyAssignments(db, 'event').keys()], [first.articleId]);
    assert.equal(readStoryMeta(db)!.generation, 1);
    writer.add(inputs([second])); // the cache was dropped with the chunk: rows read afresh
    writer.commit();
    assert.equal(readStoryMeta(db)!.documents, 2);

    db.exec('BEGIN IMMEDIATE');
    writer.add(inputs([third]));
    writer.commit();
    assert.equal(db.inTransaction, true, 'the caller\'s transaction stays open');
    db.exec('ROLLBACK');
    assert.equal(readStoryMeta(db)!.documents, 2);
    writer.add(inputs([third])); // the stored generation is behind the cache's: dropped again
    writer.commit();
    assert.equal(readStoryMeta(db)!.documents, 3);
    assert.equal(storyAssignments(db, 'event').size, 3);

    clearStoryTables(db);
    assert.equal(readStoryMeta(db), undefined);
    assert.equal(listStories(db).total, 0);
  } finally {
    db.close();
  }
});
