/** Contract: stored analyses (store.analyses). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisDigest } from '../../../src/analysis/digest.ts';
import type { AnalysisPayload } from '../../../src/analysis/stored.ts';
import { ANALYSIS_VERSION } from '../../../src/analysis/version.ts';
import { storyMonth } from '../../../src/app/anchor.ts';
import type { Store, StoredArticle, TimelineEntry } from '../../../src/store/store.ts';
import { makeArticle, replaceSentence, seedArticle } from '../articles.ts';
import { inputOf, payloadOf, seedArticles, seeds, storedAnalysis } from './fixtures.ts';
import { withStore, type StoreUnderTest } from './harness.ts';

/** Timeline entries of these articles' payloads, as a full read sorts them (src/app/timeline.ts, timelineOrder). */
function expectedTimeline(articles: readonly { id: string; text: string; payload: AnalysisPayload }[]): TimelineEntry[] {
  return articles.flatMap((a) => analysisDigest(a.text, a.payload).times.map((t) => ({ articleId: a.id, ...t })))
    .sort((x, y) => Number(!x.value) - Number(!y.value) || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0) ||
      (x.articleId < y.articleId ? -1 : x.articleId > y.articleId ? 1 : 0) || x.start - y.start || x.index - y.index);
}

/** Whether src/app/anchor.ts gives this undated article an anchor, asked the slow way: its event's members. */
async function anchoredByRule(store: Store, article: StoredArticle): Promise<boolean> {
  const event = await store.stories.ofArticle(article.id, 'event');
  return event !== undefined && storyMonth(await store.articles.getMany(event.articleIds)) !== undefined;
}

export function analysesContract(engine: StoreUnderTest): void {
  describe('analyses', () => {
    test('a stored analysis comes back equal, with its version; put replaces', () => withStore(engine, async (store, connect) => {
      const [a, b] = seedArticles;
      await store.articles.save([a!, b!]);
      assert.equal(await store.analyses.get(a!.id), undefined, 'none before the analyse stage');
      await store.analyses.put([storedAnalysis(a!, 1), storedAnalysis(b!, 1)]);
      assert.deepEqual(await store.analyses.get(a!.id), { articleId: a!.id, version: 1, payload: payloadOf(a!) });
      await store.analyses.put([storedAnalysis(a!, 2)]);
      assert.equal((await store.analyses.get(a!.id))?.version, 2, 'replaced, not duplicated');
      assert.deepEqual(await store.analyses.versions(), { 1: 1, 2: 1 });
      await store.close();
      const again = await connect();
      assert.deepEqual(await again.analyses.get(b!.id), { articleId: b!.id, version: 1, payload: payloadOf(b!) }, 'kept across a reopen');
    }));

    test('getMany answers the stored ones by id', () => withStore(engine, async (store) => {
      await store.articles.save(seedArticles);
      await store.analyses.put(seedArticles.slice(0, 3).map((a) => storedAnalysis(a)));
      const ids = [seedArticles[4]!.id, seedArticles[0]!.id, seedArticles[2]!.id];
      const found = await store.analyses.getMany(ids);
      assert.deepEqual([...found.keys()].sort(), [seedArticles[0]!.id, seedArticles[2]!.id].sort());
      assert.deepEqual(found.get(seedArticles[2]!.id)?.payload, payloadOf(seedArticles[2]!));
      assert.equal((await store.analyses.getMany([])).size, 0);
    }));

    test('outdated lists articles never analysed or analysed by another version, in seq order after a cursor', () => withStore(engine, async (store) => {
      await store.articles.save(seedArticles);
      const all = await store.articles.after(0, 10);
      await store.analyses.put([storedAnalysis(seedArticles[0]!, 3), storedAnalysis(seedArticles[1]!, 2), storedAnalysis(seedArticles[3]!, 3)]);
      const outdated = await store.analyses.outdated(3, 0, 10);
      assert.deepEqual(outdated.map((o) => o.articleId), [1, 2, 4].map((i) => all[i]!.id));
      assert.deepEqual(outdated.map((o) => o.seq), [1, 2, 4].map((i) => all[i]!.seq));
      assert.equal(outdated[0]!.version, 2, 'the version stored now');
      assert.equal('version' in outdated[1]!, false, 'never analysed: no version');
      assert.deepEqual((await store.analyses.outdated(3, all[1]!.seq, 1)).map((o) => o.articleId), [all[2]!.id], 'after a seq, limited');
      assert.deepEqual(await store.analyses.outdated(3, all[4]!.seq, 10), []);
    }));

    test('an analysis of an article the store does not hold is refused', () => withStore(engine, async (store) => {
      const stranger = seedArticle(seeds[0]!);
      await assert.rejects(store.analyses.put([storedAnalysis(stranger)]));
      assert.deepEqual(await store.analyses.versions(), {});
    }));

    test('digests: entity forms and time entries are those of the stored analysis, rewritten with it, originals only', () => withStore(engine, async (store) => {
      const copy = makeArticle(replaceSentence(seedArticles[1]!.text, 1, 'Zmieniono jedno zdanie.'), { url: 'https://news.example/copy' });
      await store.articles.save([...seedArticles, copy]);
      const stored = await store.articles.after(0, 10);
      assert.ok(stored[5]!.duplicateOf, 'the edited copy is a near-duplicate');
      await store.analyses.put(stored.map((a) => storedAnalysis(a)));
      const originals = stored.filter((a) => !a.duplicateOf);
      const forms = await store.analyses.entityForms(ANALYSIS_VERSION);
      assert.deepEqual(forms.map((f) => [f.articleId, f.seq]), originals.map((a) => [a.id, a.seq]), 'originals in seq order');
      for (const [i, a] of originals.entries()) assert.deepEqual(forms[i]!.forms, analysisDigest(a.text, payloadOf(a)).entities);
      assert.ok(forms.every((f) => f.forms.length > 0) && forms.some((f) => f.forms.some((e) => e.count > 1)), 'real mentions, repeats counted');
      const all = expectedTimeline(originals.map((a) => ({ id: a.id, text: a.text, payload: payloadOf(a) })));
      assert.ok(all.length > 10);
      assert.deepEqual(await store.analyses.timeline(ANALYSIS_VERSION), all);
      assert.deepEqual(await store.analyses.timeline(ANALYSIS_VERSION, { limit: 7 }), all.slice(0, 7), 'the first page');
      const skipped = originals[0]!.id;
      assert.deepEqual(await store.analyses.timeline(ANALYSIS_VERSION, { skip: [skipped] }), all.filter((e) => e.articleId !== skipped));

      // Re-analysed with fewer times and no mentions: the old rows are gone, not kept beside the new ones.
      const first = originals[0]!;
      const smaller = { ...payloadOf(first), mentions: [], times: payloadOf(first).times.slice(0, 1) };
      await store.analyses.put([{ articleId: first.id, version: ANALYSIS_VERSION, payload: smaller }]);
      assert.deepEqual((await store.analyses.entityForms(ANALYSIS_VERSION))[0]!.forms, []);
      const rewritten = expectedTimeline(originals.map((a) => ({ id: a.id, text: a.text, payload: a === first ? smaller : payloadOf(a) })));
      assert.deepEqual(await store.analyses.timeline(ANALYSIS_VERSION), rewritten);
      assert.equal(rewritten.filter((e) => e.articleId === first.id).length, 1);

      // Another analyser version: left out of this version's digests.
      await store.analyses.put([storedAnalysis(originals[2]!, ANALYSIS_VERSION + 1)]);
      assert.deepEqual((await store.analyses.entityForms(ANALYSIS_VERSION)).map((f) => f.articleId), originals.filter((_, i) => i !== 2).map((a) => a.id));
      assert.deepEqual((await store.analyses.entityForms(ANALYSIS_VERSION + 1)).map((f) => f.articleId), [originals[2]!.id]);
      assert.ok((await store.analyses.timeline(ANALYSIS_VERSION)).every((e) => e.articleId !== originals[2]!.id));
    }));

    test('undated lists undated originals, anchored exactly when their event gives them an anchor', () => withStore(engine, async (store) => {
      const undatedSeed = seeds.findIndex((s) => !s.published);
      assert.ok(undatedSeed >= 0, 'the seeds hold an undated article');
      // An undated article on another seed's subject: it joins that dated seed's event.
      const undatedCopy = makeArticle(replaceSentence(seeds[(undatedSeed + 1) % seeds.length]!.text, 0, 'Zmieniono pierwsze zdanie tego tekstu.'));
      await store.articles.save([...seedArticles, undatedCopy]);
      const stored = await store.articles.after(0, 10);
      await store.analyses.put(stored.map((a) => storedAnalysis(a)));
      const undated = stored.filter((a) => !a.published && !a.duplicateOf);
      assert.ok(undated.length >= 1);
      assert.deepEqual(await store.analyses.undated(ANALYSIS_VERSION), undated.map((a) => ({ articleId: a.id, anchored: false })), 'no stories yet: no anchor');
      await store.stories.assign(stored.map(inputOf), { consolidate: true });
      const listed = await store.analyses.undated(ANALYSIS_VERSION);
      assert.deepEqual(listed.map((u) => u.articleId), undated.map((a) => a.id));
      for (const [i, a] of undated.entries()) assert.equal(listed[i]!.anchored, await anchoredByRule(store, a), a.origin);
      assert.ok(listed.some((u) => u.anchored), 'an undated seed joins a dated event');
      assert.deepEqual(await store.analyses.undated(ANALYSIS_VERSION + 1), []);
    }));
  });
}
