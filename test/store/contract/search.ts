/**
 * Contract: full-text search (store.search). The query semantics are part of the contract: every
 * engine must find the same articles for the same query (folded words and lemmas, phrases in
 * order, prefixes, every clause somewhere in the article).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../../src/search/fold.ts';
import type { SearchHit } from '../../../src/search/types.ts';
import type { Store } from '../../../src/store/store.ts';
import type { Article } from '../../../src/types.ts';
import { makeArticle } from '../articles.ts';
import { documentOf, seedArticles } from './fixtures.ts';
import { withStore, type StoreUnderTest } from './harness.ts';

function marked(hit: SearchHit): string[] {
  return hit.highlights.map((h) => hit.sentence.text.slice(h.start, h.end));
}

function ids(hits: readonly SearchHit[]): string[] {
  return hits.map((h) => h.articleId).sort();
}

async function indexed(store: Store, articles: readonly Article[]): Promise<number> {
  await store.articles.save(articles);
  return store.search.index(articles.map(documentOf));
}

/** Runs `body` on a store holding the five seeds, indexed. */
function withSeeds(engine: StoreUnderTest, body: (store: Store) => Promise<void>): Promise<void> {
  return withStore(engine, async (store) => {
    await indexed(store, seedArticles);
    await body(store);
  });
}

export function searchContract(engine: StoreUnderTest): void {
  describe('search', () => {
    test('words match folded and by lemma; phrases keep their order; prefixes highlight', () => withSeeds(engine, async (store) => {
      const search = (q: string, limit?: number) => store.search.search(q, limit ? { limit } : {});
      assert.deepEqual(ids(await search('wladywostok')), ids(await search('Władywostok')), 'typed without Polish letters');
      const inflected = await search('Władywostok');
      assert.ok(inflected.flatMap(marked).includes('Władywostoku'), 'an inflected name finds its other forms');
      assert.ok(inflected.some((h) => h.sentence.text.includes('we Władywostoku')));
      assert.ok((await search('wladywostok')).length >= 2);

      const words = (await search('pociąg')).flatMap(marked).map((w) => w.toLowerCase());
      assert.ok(words.includes('pociągiem'), `a lemma finds inflected forms; highlighted: ${words.join(', ')}`);

      const korei = seedArticles.filter((a) => a.text.includes('Korei Północnej')).map((a) => a.id);
      assert.ok(korei.length > 0, 'the seeds say "Korei Północnej"');
      const phrase = await search('"Korea Północna"', 100);
      for (const id of korei) assert.ok(ids(phrase).includes(id), `phrase through lemmas: article ${id} missing`);
      assert.ok((await search('"Północna Korea"')).length < phrase.length, 'reversed order does not match the same way');

      const prefixed = await search('woj*');
      assert.ok(prefixed.length > 0);
      for (const word of prefixed.flatMap(marked)) assert.match(foldText(word), /^woj/);
    }));

    test('hits carry offsets into the article text and the article metadata', () => withSeeds(engine, async (store) => {
      const [hit] = await store.search.search('kanibalizmu');
      assert.ok(hit);
      const article = seedArticles.find((a) => a.id === hit.articleId)!;
      assert.equal(article.text.slice(hit.sentence.start, hit.sentence.end), hit.sentence.text);
      assert.equal(hit.origin, article.origin);
      assert.equal(hit.outlet, article.outlet);
      assert.equal(hit.language, 'pl');
      assert.deepEqual(marked(hit), ['kanibalizmu']);
      assert.ok(hit.score > 0 && hit.matches >= 1);
    }));

    test('every word must match somewhere in the article, not necessarily in one sentence', () => withSeeds(engine, async (store) => {
      const both = seedArticles.filter((a) => /kanibalizm/.test(a.text) && /Putin/.test(a.text)).map((a) => a.id);
      assert.ok(both.length > 0);
      assert.deepEqual(ids(await store.search.search('Putin kanibalizm')), both.sort());
      assert.deepEqual(await store.search.search('kanibalizm zzzyxw'), []);
    }));

    test('hostile query syntax never throws and finds nothing or something sensible', () => withSeeds(engine, async (store) => {
      const hostile = ['a OR', 'OR', 'AND', 'NOT', '"', '""', '"unclosed', '(', ')', '*', '**', 'woj**', '^Putin', 'NEAR(a b)',
        'surface:Putin', 'lemmas : "x"', '{surface}', '-', '+', "'; DROP TABLE search_fts; --", '\u0000', 'ą'.repeat(5000), ''];
      for (const q of hostile) await assert.doesNotReject(store.search.search(q), `query ${JSON.stringify(q)}`);
      assert.deepEqual(await store.search.search('surface:Putin'), [], 'column syntax is read as words, and no article says "surface"');
      assert.ok((await store.search.search('Putin)')).length > 0, 'stray punctuation is dropped');
    }));

    test('a Polish word typed without accents finds the inflected forms of its accented spelling', () => withStore(engine, async (store) => {
      await indexed(store, [
        makeArticle('Rosja zbudowała gazociąg na dnie Bałtyku.', { id: 'g1' }),
        makeArticle('Budowa gazociągów kosztowała miliardy.', { id: 'g2' }),
        makeArticle('Gaz płynie nowym gazociągiem.', { id: 'g3' }),
        makeArticle('Strajk pilotów trwał dwa dni.', { id: 's1' }),
      ]);
      const search = async (q: string) => ids(await store.search.search(q));
      assert.deepEqual(await search('gazociągów'), ['g1', 'g2', 'g3']);
      assert.deepEqual(await search('gazociagow'), ['g1', 'g2', 'g3'], 'not only the article with the same folded form');
      assert.deepEqual(await search('"nowym gazociagiem"'), ['g3'], 'in a phrase too');
      assert.deepEqual(await search('pilotow'), ['s1']);
      const [hit] = await store.search.search('gazociagiem');
      assert.deepEqual(marked(hit!), ['gazociągiem']);
    }));

    test('filters: language, source, dates and article ids; limit and offset', () => withStore(engine, async (store) => {
      const at = (id: string, text: string, extra: Partial<Article>) => makeArticle(text, { id, ...extra });
      await indexed(store, [
        at('a1', 'Putin spotkał się z Kimem we Władywostoku.', { outlet: 'Onet', published: { value: '2023-09-12', precision: 'day' } }),
        at('a2', 'Putin met Kim in Vladivostok.', { language: 'en', outlet: 'BBC', published: { value: '2023-09-13', precision: 'day' } }),
        at('a3', 'Putin przyjął Kima.', { outlet: 'TVN24', published: { value: '2023-10', precision: 'month' } }),
        at('a4', 'Putin bez daty.', { outlet: 'onet' }),
      ]);
      const search = async (filters: Parameters<Store['search']['search']>[1]) => ids(await store.search.search('Putin', filters));
      assert.deepEqual(await search({}), ['a1', 'a2', 'a3', 'a4']);
      assert.deepEqual(await search({ language: 'en' }), ['a2']);
      assert.deepEqual(await search({ source: 'ONET' }), ['a1', 'a4']);
      assert.deepEqual(await search({ since: '2023-09-13' }), ['a2', 'a3']);
      assert.deepEqual(await search({ until: '2023-09' }), ['a1', 'a2']);
      assert.deepEqual(await search({ articleIds: ['a3', 'a4', 'nope'] }), ['a3', 'a4']);
      assert.equal((await store.search.search('Putin', { limit: 2 })).length, 2);
      assert.equal((await store.search.search('Putin', { limit: 2, offset: 3 })).length, 1);
    }));

    test('indexing is idempotent; remove takes an article out; indexed and count say what is in', () => withStore(engine, async (store, connect) => {
      assert.equal(await indexed(store, seedArticles), seedArticles.length);
      assert.equal(await store.search.index(seedArticles.map(documentOf)), 0, 'indexed once');
      assert.equal(await store.search.count(), seedArticles.length);
      const [hit] = await store.search.search('kanibalizmu');
      assert.ok(hit);
      assert.equal(await store.search.remove(hit.articleId), true);
      assert.deepEqual(await store.search.search('kanibalizmu'), []);
      assert.equal(await store.search.count(), seedArticles.length - 1);
      assert.equal(await store.search.remove(hit.articleId), false);
      const some = [seedArticles[0]!.id, hit.articleId, 'ffffffffffffffff'];
      assert.deepEqual([...await store.search.indexed(some)], hit.articleId === some[0] ? [] : [some[0]]);
      await store.close();
      const again = await connect();
      assert.ok((await again.search.search('Władywostok')).length > 0, 'the index survives a reopen');
    }));
  });
}
