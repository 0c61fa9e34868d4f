/** Contract: the articles concern (store.articles). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint } from '../../../src/stories/fingerprint.ts';
import { AmbiguousIdError, type ArticleFilter } from '../../../src/store/store.ts';
import type { Article } from '../../../src/types.ts';
import { makeArticle, replaceSentence, seedArticle } from '../articles.ts';
import { seeds } from './fixtures.ts';
import { withStore, type StoreUnderTest } from './harness.ts';

const [seedA, seedB, seedC, seedD, seedE] = seeds;
const longest = [...seeds].sort((a, b) => b.text.length - a.text.length)[0]!;

/**
 * A copy of the longest seed (568 words) with one sentence rewritten: what syndication looks like.
 * Sentences 3 and 6 are ordinary-length ones; rewriting either keeps the estimated Jaccard at
 * 0.95–0.97, well clear of the 0.9 rule, so the tests do not hinge on MinHash noise (±0.03).
 */
function editedCopy(sentence: number, replacement: string): Article {
  return makeArticle(replaceSentence(longest.text, sentence, replacement), { outlet: 'Syndykat' });
}

/** The article as read back: the stored record plus its sequence number and computed fingerprint. */
const withoutSeq = <T extends { seq?: number }>(a: T | undefined) => {
  if (!a) return a;
  const { seq: _seq, ...rest } = a;
  return rest;
};

export function articlesContract(engine: StoreUnderTest): void {
  describe('articles', () => {
    test('round trip keeps every Article field and adds seq', () => withStore(engine, async (store) => {
      const full = seedArticle(seedA!, {
        url: 'https://www.example.pl/swiat/kim-w-rosji,123.html',
        title: 'Kim Dzong Un jest już w Rosji',
        published: { value: '2023-09-12T10:30Z', precision: 'minute' },
        language: 'pl',
        outlet: 'Przykładowy Portal',
        author: 'Anna Kowalska',
        format: 'html',
        sourceId: 'src-1',
        removed: [
          { kind: 'advert', text: 'REKLAMA' },
          { kind: 'photo-credit', text: 'Fot. East News/ Lee Jin-man' },
          { kind: 'related', text: 'Czytaj też: Putin o spotkaniu' },
        ],
        fingerprint: fingerprint(seedA!.text),
      });
      const monthOnly = seedArticle(seedB!, { language: 'pl' });
      const undated = makeArticle(seedC!.text, { language: 'und', format: 'text' });
      const outcomes = await store.articles.save([full, monthOnly, undated]);
      assert.deepEqual(outcomes.map((o) => o.status), ['stored', 'stored', 'stored']);

      const back = await store.articles.get(full.id);
      assert.equal(typeof back?.seq, 'number', 'seq is set on read');
      assert.deepEqual(withoutSeq(back), full, 'every field of a fully filled article');
      assert.deepEqual((await store.articles.get(monthOnly.id))?.published, { value: '2023-09', precision: 'month' },
        'published keeps month precision');
      const bare = await store.articles.get(undated.id);
      assert.ok(bare, 'undated article stored');
      for (const field of ['published', 'url', 'title', 'outlet', 'author', 'duplicateOf', 'revisionOf', 'sourceId']) {
        assert.equal(field in bare, false, `unknown ${field} stays absent, never invented`);
      }
      assert.equal(bare.text, seedC!.text, 'text byte for byte');
      assert.deepEqual(bare.removed, [], 'empty removed list');
      assert.deepEqual(bare.fingerprint, fingerprint(seedC!.text), 'missing fingerprint computed from the text');
      assert.equal(await store.articles.get('0000000000000000'), undefined, 'unknown id');
    }));

    test('seq grows with every stored article; after() pages through them in order', () => withStore(engine, async (store) => {
      assert.equal(await store.articles.lastSeq(), 0, 'empty store');
      assert.deepEqual(await store.articles.after(0, 10), []);
      const articles = seeds.map((s) => seedArticle(s));
      const first = await store.articles.save(articles.slice(0, 3));
      const second = await store.articles.save([articles[0]!, ...articles.slice(3)]);
      const seqs = [...first, ...second].flatMap((o) => (o.status === 'stored' ? [o.seq] : []));
      assert.equal(seqs.length, 5, 'the repeated article is not stored again');
      assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'increasing in save order');
      assert.equal(new Set(seqs).size, 5, 'unique');
      assert.equal(await store.articles.lastSeq(), seqs[4]);

      const all = await store.articles.after(0, 100);
      assert.deepEqual(all.map((a) => a.id), articles.map((a) => a.id), 'every article, oldest first');
      assert.deepEqual(all.map((a) => a.seq), seqs);
      const page1 = await store.articles.after(0, 2);
      const page2 = await store.articles.after(page1[1]!.seq, 2);
      const page3 = await store.articles.after(page2[1]!.seq, 2);
      assert.deepEqual([...page1, ...page2, ...page3].map((a) => a.id), articles.map((a) => a.id), 'paging by cursor');
      assert.deepEqual(await store.articles.after(seqs[4]!, 10), [], 'nothing after the last');
      assert.deepEqual(await store.articles.refsAfter(0, 100), all.map((a) => ({ id: a.id, seq: a.seq })), 'refsAfter: the same ids and seqs, nothing else');
      assert.deepEqual(await store.articles.refsAfter(page1[1]!.seq, 2), page2.map((a) => ({ id: a.id, seq: a.seq })), 'refsAfter pages alike');
      assert.deepEqual(await store.articles.refsAfter(seqs[4]!, 10), []);
    }));

    test('re-saving is idempotent and writes nothing', () => withStore(engine, async (store) => {
      const articles = seeds.map((s) => seedArticle(s));
      const first = await store.articles.save(articles);
      assert.deepEqual(first.map((o) => o.status), articles.map(() => 'stored'));
      const changedMeta = articles.map((a) => ({ ...a, title: 'inny tytuł', ingestedAt: '2030-01-01T00:00:00Z' }));
      const second = await store.articles.save([...changedMeta, changedMeta[0]!]);
      assert.deepEqual(second, [...articles, articles[0]!].map((a) => ({ status: 'unchanged', id: a.id })));
      assert.equal(await store.articles.count(), articles.length);
      assert.deepEqual(withoutSeq(await store.articles.get(articles[0]!.id)), { ...articles[0], fingerprint: fingerprint(articles[0]!.text) },
        'the stored record is not overwritten by a re-save');
    }));

    test('the same id twice in one batch is stored once', () => withStore(engine, async (store) => {
      const a = seedArticle(seedD!);
      assert.deepEqual((await store.articles.save([a, a])).map((o) => o.status), ['stored', 'unchanged']);
      assert.equal(await store.articles.count(), 1);
    }));

    test('a copy with one changed sentence points at the original; a copy of the copy too', () => withStore(engine, async (store) => {
      const original = seedArticle(longest);
      const others = seeds.filter((s) => s !== longest).map((s) => seedArticle(s));
      await store.articles.save([...others, original]);
      const copy = editedCopy(3, 'Tę informację potwierdziły również źródła w Seulu, cytowane przez agencję Yonhap.');
      assert.notEqual(copy.id, original.id, 'the copy is a different text');
      const [outcome] = await store.articles.save([copy]);
      assert.equal(outcome?.status, 'stored');
      assert.equal(outcome?.status === 'stored' && outcome.duplicateOf, original.id);
      assert.equal((await store.articles.get(copy.id))?.duplicateOf, original.id);

      const second = makeArticle(replaceSentence(copy.text, 6, 'Pociąg zatrzymał się na krótko w Chasanie, podają media.'));
      const [secondOutcome] = await store.articles.save([second]);
      assert.equal(secondOutcome?.status === 'stored' && secondOutcome.duplicateOf, original.id);
      assert.equal((await store.articles.stats()).duplicates, 2);
    }));

    test('different articles on the same event are not flagged', () => withStore(engine, async (store) => {
      const outcomes = await store.articles.save(seeds.map((s) => seedArticle(s)));
      for (const outcome of outcomes) {
        assert.equal(outcome.status === 'stored' && 'duplicateOf' in outcome, false, `seed ${outcome.id} is no duplicate`);
      }
      assert.equal((await store.articles.stats()).duplicates, 0);
    }));

    test('an earlier article of the same batch counts as the original', () => withStore(engine, async (store) => {
      const original = seedArticle(longest);
      const copy = editedCopy(6, 'Tak wynika z doniesień agencji Yonhap, która powołuje się na wojsko.');
      const outcomes = await store.articles.save([original, copy]);
      assert.equal(outcomes[1]?.status === 'stored' && outcomes[1].duplicateOf, original.id);
    }));

    test('a changed article at a known URL is a revision of the latest one there', () => withStore(engine, async (store) => {
      const url = 'https://news.example/kim-w-rosji';
      const v1 = seedArticle(seedA!, { url });
      const v2 = seedArticle(seedB!, { url });
      const v3 = seedArticle(seedC!, { url });
      const elsewhere = seedArticle(seedD!, { url: 'https://news.example/inny' });
      const [o1] = await store.articles.save([v1, elsewhere]);
      assert.equal(o1?.status === 'stored' && 'revisionOf' in o1, false, 'the first article at a URL revises nothing');
      const [o2] = await store.articles.save([v2]);
      assert.equal(o2?.status === 'stored' && o2.revisionOf, v1.id);
      assert.equal((await store.articles.byUrl(url))?.id, v2.id, 'byUrl gives the latest revision');
      const [o3, again] = await store.articles.save([v3, v2]);
      assert.equal(o3?.status === 'stored' && o3.revisionOf, v2.id, 'a revision of the latest, not of the first');
      assert.deepEqual(again, { status: 'unchanged', id: v2.id }, 'the same text again is no revision');
      assert.equal((await store.articles.get(v3.id))?.revisionOf, v2.id);
      assert.equal((await store.articles.byUrl(url))?.id, v3.id);
      assert.equal((await store.articles.byUrl('https://news.example/inny'))?.id, elsewhere.id);
      assert.equal(await store.articles.byUrl('https://news.example/none'), undefined);
      assert.equal(await store.articles.count(), 4, 'every revision is kept');
    }));

    test('an earlier article of the same batch at the URL is the one revised', () => withStore(engine, async (store) => {
      const url = 'https://news.example/jedna-partia';
      const [o1, o2, o3] = await store.articles.save([seedArticle(seedA!, { url }), seedArticle(seedB!, { url }), seedArticle(seedC!, { url })]);
      assert.equal(o1?.status === 'stored' && 'revisionOf' in o1, false);
      assert.equal(o2?.status === 'stored' && o2.revisionOf, o1?.id);
      assert.equal(o3?.status === 'stored' && o3.revisionOf, o2?.id, 'the latest of the batch, not the first');
      assert.equal((await store.articles.get(o3!.id))?.revisionOf, o2?.id);
    }));

    test('list filters by source, language, date and pages in ingest order', () => withStore(engine, async (store) => {
      const articles = [
        seedArticle(seedA!, { outlet: 'TVN24', language: 'pl', published: { value: '2023-09-12', precision: 'day' }, sourceId: 's1' }),
        seedArticle(seedB!, { outlet: 'Łódzki Kurier', language: 'pl', published: { value: '2023-09', precision: 'month' } }),
        seedArticle(seedC!, { outlet: 'tvn24', language: 'en', published: { value: '2023-08-30T08:00Z', precision: 'minute' }, sourceId: 's1' }),
        seedArticle(seedD!, { outlet: 'Reuters', language: 'en', published: { value: '2023', precision: 'year' } }),
        makeArticle(seedE!.text, { outlet: 'Reuters', language: 'pl' }),
      ];
      await store.articles.save(articles);
      const ids = async (filter?: ArticleFilter) => (await store.articles.list(filter)).map((a) => a.id);
      const [a, b, c, d, e] = articles.map((x) => x.id);

      assert.deepEqual(await ids(undefined), [a, b, c, d, e], 'no filter: all, oldest first');
      assert.deepEqual(await ids({ source: 'tvn24' }), [a, c], 'source is case-insensitive');
      assert.deepEqual(await ids({ source: 'ŁÓDZKI KURIER' }), [b], 'case folding beyond ASCII');
      assert.deepEqual(await ids({ source: 'TVN' }), [], 'source matches whole names only');
      assert.deepEqual(await ids({ sourceId: 's1' }), [a, c], 'subscribed source');
      assert.deepEqual(await ids({ language: 'en' }), [c, d], 'language');
      assert.deepEqual(await ids({ since: '2023-09' }), [a, b, d],
        'since month: on or after, plus the year-precision 2023 which may be; undated excluded');
      assert.deepEqual(await ids({ since: '2023-09-15' }), [b, d],
        'since day: the month and year articles may fall after it, the 12th does not');
      assert.deepEqual(await ids({ since: '2023-08-30' }), [a, b, c, d], 'since day includes minute precision that day');
      assert.deepEqual(await ids({ since: '2023-01' }), [a, b, c, d], 'year precision containing since');
      assert.deepEqual(await ids({ since: '2024' }), [], 'nothing after');
      assert.deepEqual(await ids({ language: 'pl', source: 'reuters' }), [e], 'filters combine');
      assert.deepEqual(await ids({ limit: 2 }), [a, b], 'limit');
      assert.deepEqual(await ids({ limit: 2, offset: 2 }), [c, d], 'limit with offset');
      assert.deepEqual(await ids({ offset: 4 }), [e], 'offset alone');
    }));

    test('find accepts a unique id prefix of at least 6 characters; getMany keeps the order asked', () => withStore(engine, async (store) => {
      const articles = seeds.map((s) => seedArticle(s));
      await store.articles.save(articles);
      const target = articles[2]!;
      assert.equal((await store.articles.find(target.id))?.id, target.id, 'full id');
      assert.equal((await store.articles.find(target.id.slice(0, 6)))?.id, target.id, '6-character prefix');
      assert.equal(await store.articles.find(target.id.slice(0, 5)), undefined, 'too short a prefix');
      assert.equal(await store.articles.find('ffffffffff'), undefined, 'no match');

      const twinA = makeArticle('Pierwszy tekst o spotkaniu.', { id: 'abcdef0000000001' });
      const twinB = makeArticle('Drugi tekst o spotkaniu.', { id: 'abcdef0000000002' });
      await store.articles.save([twinA, twinB]);
      await assert.rejects(store.articles.find('abcdef'), (error: unknown) =>
        error instanceof AmbiguousIdError && error.prefix === 'abcdef'
        && error.matches.includes(twinA.id) && error.matches.includes(twinB.id));
      assert.equal((await store.articles.find('abcdef0000000002'))?.id, twinB.id, 'exact id wins over ambiguity');

      const wanted = [articles[3]!.id, 'ffffffffffffffff', articles[0]!.id, twinB.id];
      assert.deepEqual((await store.articles.getMany(wanted)).map((a) => a.id), [articles[3]!.id, articles[0]!.id, twinB.id]);
      assert.deepEqual(await store.articles.getMany([]), []);
    }));

    test('stats count articles, duplicates, languages, sources and the published range', () => withStore(engine, async (store) => {
      assert.deepEqual(await store.articles.stats(), { articles: 0, duplicates: 0, byLanguage: {}, bySource: {} }, 'empty store');
      await store.articles.save([
        seedArticle(seedA!, { outlet: 'TVN24', published: { value: '2023-09-12', precision: 'day' } }),
        seedArticle(seedB!, { outlet: 'tvn24', language: 'en' }),
        makeArticle(seedC!.text),
        seedArticle(seedD!, { outlet: 'PAP' }),
        seedArticle(seedE!, { outlet: 'PAP' }),
      ]);
      await store.articles.save([editedCopy(3, 'Zupełnie nowe zdanie tego tekstu o podróży dyktatora.')]);
      assert.deepEqual(await store.articles.stats(), {
        articles: 6,
        duplicates: 1,
        byLanguage: { en: 1, pl: 5 },
        // TVN24 and tvn24 are one source; the article without an outlet is in no source.
        bySource: { PAP: 2, Syndykat: 1, TVN24: 2 },
        firstPublished: '2023-09',
        lastPublished: '2023-09-12',
      });
      assert.equal(await store.articles.count(), 6);
    }));

    test('data survives close and reopen; near-duplicates are found on reopened data', () => withStore(engine, async (store, connect) => {
      const articles = seeds.map((s) => seedArticle(s));
      await store.articles.save(articles);
      const lastSeq = await store.articles.lastSeq();
      await store.close();
      await store.close(); // closing twice is harmless
      const again = await connect();
      assert.equal(await again.articles.count(), articles.length);
      assert.equal((await again.articles.get(articles[1]!.id))?.text, articles[1]!.text);
      assert.deepEqual(await again.articles.save([articles[0]!]), [{ status: 'unchanged', id: articles[0]!.id }]);
      const copy = editedCopy(6, 'Według innych źródeł podróż trwała znacznie dłużej, niż zakładano.');
      const [outcome] = await again.articles.save([copy]);
      assert.equal(outcome?.status === 'stored' && outcome.duplicateOf, articles.find((a) => a.text === longest.text)?.id,
        'near-duplicate lookup works on reopened data');
      assert.ok(outcome?.status === 'stored' && outcome.seq > lastSeq, 'seq keeps growing after a reopen');
    }));

    test('a failing batch stores nothing of itself and keeps earlier data', () => withStore(engine, async (store) => {
      const earlier = seeds.filter((s) => s !== longest).slice(0, 2).map((s) => seedArticle(s));
      await store.articles.save(earlier);
      const lastSeq = await store.articles.lastSeq();
      const good = seedArticle(longest);
      const copyOfGood = editedCopy(3, 'To zdanie zmieniono w kopii.');
      const bad = seedArticle(seedD!, { published: { value: '2023-W37', precision: 'week' } } as unknown as Partial<Article>);
      await assert.rejects(store.articles.save([good, bad]), 'a bad date precision is rejected');
      assert.equal(await store.articles.count(), 2, 'nothing of the failed batch');
      assert.equal(await store.articles.get(good.id), undefined, 'the good article before the bad one was rolled back');
      assert.deepEqual((await store.articles.list()).map((a) => a.id), earlier.map((a) => a.id));
      assert.equal(await store.articles.lastSeq(), lastSeq, 'no sequence number visible from the failed batch');

      const dangling = makeArticle(seedE!.text, { duplicateOf: '0123456789abcdef' });
      await assert.rejects(store.articles.save([good, dangling]), 'duplicateOf must name a stored article');
      const danglingRevision = makeArticle(seedE!.text, { revisionOf: '0123456789abcdef' });
      await assert.rejects(store.articles.save([danglingRevision]), 'revisionOf must name a stored article');
      assert.equal(await store.articles.count(), 2);

      // No trace left behind: the good article stores as new, and its copy is not matched
      // against phantom band keys of the rolled-back attempt.
      const [goodOutcome] = await store.articles.save([good]);
      assert.equal(goodOutcome?.status, 'stored');
      const [copyOutcome] = await store.articles.save([copyOfGood]);
      assert.equal(copyOutcome?.status === 'stored' && copyOutcome.duplicateOf, good.id);
      assert.equal(await store.articles.count(), 4);
    }));
  });
}
