/**
 * Contract: stories (store.stories): the readers every list and report uses, and the writer the
 * cluster stage calls. The clustering itself is src/stories' (tested in test/stories); here the
 * store must keep what the clusterer decided and answer the same questions about it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store, StoryQuery } from '../../../src/store/store.ts';
import { makeArticle } from '../articles.ts';
import { inputOf, payloadOf, seedArticles } from './fixtures.ts';
import { withStore, type StoreUnderTest } from './harness.ts';

/** An article on another event (a city budget, December 2024), in no story with the seeds. */
const budget = makeArticle(
  'Rada Miasta Krakowa przyjęła w czwartek budżet na przyszły rok. Radni głosowali do późnej nocy.\n\n'
  + 'Najwięcej pieniędzy trafi na komunikację miejską i remonty szkół, poinformował prezydent miasta.',
  { outlet: 'Kraków24', published: { value: '2024-12-12', precision: 'day' }, title: 'Kraków ma budżet' },
);

async function clustered(store: Store, articles = seedArticles): Promise<void> {
  await store.articles.save(articles);
  const assigned = await store.stories.assign(articles.map(inputOf));
  assert.equal(assigned.added, articles.length);
  await store.stories.consolidate();
}

export function storiesContract(engine: StoreUnderTest): void {
  describe('stories', () => {
    test('an empty store has no stories and answers every reader', () => withStore(engine, async (store) => {
      assert.deepEqual(await store.stories.list(), { total: 0, stories: [] });
      assert.deepEqual(await store.stories.counts(), { events: 0, storylines: 0 });
      assert.equal(await store.stories.get('ev-0000000000000000'), undefined);
      assert.equal(await store.stories.ofArticle(seedArticles[0]!.id), undefined);
      assert.equal(await store.stories.members('ev-0000000000000000'), undefined);
    }));

    test('the seeds form one event; readers find it by id, prefix, article and members', () => withStore(engine, async (store, connect) => {
      await clustered(store);
      const counts = await store.stories.counts();
      assert.equal(counts.events, 1, 'one event');
      assert.ok(counts.storylines >= 1);
      const page = await store.stories.list();
      assert.equal(page.total, 1);
      const [event] = page.stories;
      assert.equal(event?.level, 'event');
      assert.equal(event?.articles, seedArticles.length);
      assert.deepEqual([...event!.articleIds].sort(), seedArticles.map((a) => a.id).sort());
      const names = event!.topEntities.map((e) => e.name);
      for (const expected of ['Kim Dzong Un', 'Władimir Putin']) assert.ok(names.includes(expected), `display names: ${JSON.stringify(event!.topEntities)}`);

      assert.deepEqual(await store.stories.get(event!.id), event);
      assert.equal((await store.stories.get(event!.id.slice(0, 6)))?.id, event!.id, 'a unique prefix');
      assert.equal(await store.stories.get(event!.id.slice(0, 3)), undefined, 'prefixes under 4 characters are not looked up');
      assert.equal((await store.stories.ofArticle(seedArticles[2]!.id))?.id, event!.id);
      const storyline = await store.stories.ofArticle(seedArticles[2]!.id, 'storyline');
      assert.equal(storyline?.level, 'storyline');
      assert.equal((await store.stories.list({ level: 'storyline' })).stories[0]?.id, storyline?.id);
      assert.deepEqual([...(await store.stories.members(event!.id))!].sort(), [...event!.articleIds].sort());
      for (const merged of event!.mergedFrom) assert.equal((await store.stories.get(merged))?.id, event!.id, 'a merged-away id resolves');

      const again = await store.stories.assign(seedArticles.map(inputOf));
      assert.equal(again.added, 0, 'an article already assigned is skipped');
      await store.close();
      const reopened = await connect();
      assert.deepEqual(await reopened.stories.get(event!.id), event, 'kept across a reopen');
    }));

    test('list filters, sorts and pages, with the total before paging', () => withStore(engine, async (store) => {
      await clustered(store, [...seedArticles, budget]);
      const ids = async (query: StoryQuery) => (await store.stories.list(query)).stories.map((s) => s.id);
      const seedsEvent = (await store.stories.ofArticle(seedArticles[0]!.id))!.id;
      const budgetEvent = (await store.stories.ofArticle(budget.id))!.id;
      assert.notEqual(seedsEvent, budgetEvent);
      assert.deepEqual(await ids({}), [budgetEvent, seedsEvent], 'recent: newest activity first');
      assert.deepEqual(await ids({ sort: 'articles' }), [seedsEvent, budgetEvent], 'articles: most articles first');
      assert.deepEqual(await ids({ since: '2024' }), [budgetEvent]);
      assert.deepEqual(await ids({ since: '2023-09' }), [budgetEvent, seedsEvent], 'since at month precision keeps September 2023');
      assert.deepEqual(await ids({ until: '2023' }), [seedsEvent]);
      assert.deepEqual(await ids({ language: 'en' }), []);
      const putin = (await store.stories.get(seedsEvent))!.topEntities.find((e) => e.name === 'Władimir Putin')!.key;
      assert.deepEqual(await ids({ entityKeys: [putin, 'no-such-key'] }), [seedsEvent]);
      assert.deepEqual(await ids({ articleIds: [budget.id] }), [budgetEvent]);
      const paged = await store.stories.list({ sort: 'articles', limit: 1, offset: 1 });
      assert.deepEqual([paged.total, paged.stories.map((s) => s.id)], [2, [budgetEvent]]);
    }));

    test('assign with consolidate gives what assign then consolidate give', () => withStore(engine, async (store) => {
      await clustered(store, [...seedArticles, budget]);
      const apart = (await store.stories.list({ limit: 100 })).stories.map((s) => [s.id, [...s.articleIds].sort()]);
      await store.stories.clear();
      const together = await store.stories.assign([...seedArticles, budget].map(inputOf), { consolidate: true });
      assert.equal(together.added, seedArticles.length + 1);
      assert.deepEqual({ events: together.events, storylines: together.storylines }, await store.stories.counts());
      assert.deepEqual((await store.stories.list({ limit: 100 })).stories.map((s) => [s.id, [...s.articleIds].sort()]), apart);
    }));

    test('clear forgets every story; a failed transaction keeps none of its assignments', () => withStore(engine, async (store) => {
      await store.articles.save([...seedArticles, budget]);
      await assert.rejects(store.transaction(async (tx) => {
        await tx.stories.assign(seedArticles.map(inputOf));
        throw new Error('cluster stage failed');
      }));
      assert.deepEqual(await store.stories.counts(), { events: 0, storylines: 0 }, 'rolled back');
      await store.stories.assign([...seedArticles, budget].map(inputOf));
      assert.deepEqual(await store.stories.consolidate(), await store.stories.counts());
      assert.equal((await store.stories.counts()).events, 2);
      await store.stories.clear();
      assert.deepEqual(await store.stories.list(), { total: 0, stories: [] });
      assert.equal(await store.stories.ofArticle(budget.id), undefined);
      assert.equal((await store.stories.assign([budget].map(inputOf))).added, 1, 'assignable again after clear');
      assert.ok(payloadOf(budget), 'the fixture analysed the extra article');
    }));
  });
}
