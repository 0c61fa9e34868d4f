/**
 * The behaviour every Store backend must show (STYLE §5): each backend's test file calls
 * `runStoreContract` with a way to make a fresh database. SQLite runs it now, PostgreSQL later.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/types.ts';
import { fingerprint } from '../../src/stories/fingerprint.ts';
import { AmbiguousIdError, type Store } from '../../src/store/legacy.ts';
import { makeArticle, readSeeds, replaceSentence, seedArticle } from './articles.ts';

export interface ContractBackend {
  /**
   * Makes a fresh, empty database and returns a function that opens a Store over it; calling
   * that function again after `close()` must reopen the same data.
   */
  fresh(): () => Store;
}

const seeds = readSeeds();
const [seedA, seedB, seedC, seedD, seedE] = seeds;
const longest = [...seeds].sort((a, b) => b.text.length - a.text.length)[0];

/** Runs `body` on a fresh store and always closes it. */
function withFresh(backend: ContractBackend, body: (store: Store, reopen: () => Store) => void): void {
  const open = backend.fresh();
  const store = open();
  try {
    body(store, open);
  } finally {
    store.close();
  }
}

/**
 * A copy of the longest seed (568 words) with one sentence rewritten: what syndication looks like.
 * Sentences 3 and 6 are ordinary-length ones; rewriting either keeps the estimated Jaccard at
 * 0.95–0.97, well clear of the 0.9 rule, so the tests do not hinge on MinHash noise (±0.03).
 */
function editedCopy(sentence: number, replacement: string): Article {
  return makeArticle(replaceSentence(longest.text, sentence, replacement), { outlet: 'Syndykat' });
}

export function runStoreContract(name: string, backend: ContractBackend): void {
  describe(`Store contract: ${name}`, () => {
    test('round trip keeps every Article field', () => {
      withFresh(backend, (store) => {
        const full = seedArticle(seedA, {
          url: 'https://www.example.pl/swiat/kim-w-rosji,123.html',
          title: 'Kim Dzong Un jest już w Rosji',
          published: { value: '2023-09-12T10:30Z', precision: 'minute' },
          language: 'pl',
          outlet: 'Przykładowy Portal',
          author: 'Anna Kowalska',
          format: 'html',
          removed: [
            { kind: 'advert', text: 'REKLAMA' },
            { kind: 'photo-credit', text: 'Fot. East News/ Lee Jin-man' },
            { kind: 'related', text: 'Czytaj też: Putin o spotkaniu' },
          ],
          fingerprint: fingerprint(seedA.text),
        });
        const monthOnly = seedArticle(seedB, { language: 'pl' });
        const undated = makeArticle(seedC.text, { language: 'und', format: 'text' });
        store.saveArticles([full, monthOnly, undated]);

        assert.deepEqual(store.getArticle(full.id), full, 'every field of a fully filled article');
        assert.deepEqual(store.getArticle(monthOnly.id)?.published, { value: '2023-09', precision: 'month' },
          'published keeps month precision');
        const back = store.getArticle(undated.id);
        assert.ok(back, 'undated article stored');
        assert.equal('published' in back, false, 'unknown published stays absent, never invented');
        assert.equal(back.text, seedC.text, 'text byte for byte');
        assert.deepEqual(back.removed, [], 'empty removed list');
        assert.deepEqual(back.fingerprint, fingerprint(seedC.text), 'missing fingerprint computed from the text');
        assert.equal(store.getArticle('0000000000000000'), undefined, 'unknown id');
      });
    });

    test('re-saving is idempotent and writes nothing', () => {
      withFresh(backend, (store) => {
        const articles = seeds.map((s) => seedArticle(s));
        const first = store.saveArticles(articles);
        assert.deepEqual(first.map((o) => o.status), articles.map(() => 'stored'));
        const changedMeta = articles.map((a) => ({ ...a, title: 'inny tytuł', ingestedAt: '2030-01-01T00:00:00Z' }));
        const second = store.saveArticles([...changedMeta, changedMeta[0]]);
        assert.deepEqual(second.map((o) => o.status), [...articles.map(() => 'unchanged'), 'unchanged']);
        assert.equal(store.countArticles(), articles.length);
        assert.deepEqual(store.getArticle(articles[0].id), { ...articles[0], fingerprint: fingerprint(articles[0].text) },
          'the stored record is not overwritten by a re-save');
      });
    });

    test('the same id twice in one batch is stored once', () => {
      withFresh(backend, (store) => {
        const a = seedArticle(seedD);
        assert.deepEqual(store.saveArticles([a, a]).map((o) => o.status), ['stored', 'unchanged']);
        assert.equal(store.countArticles(), 1);
      });
    });

    test('a copy with one changed sentence points at the original', () => {
      withFresh(backend, (store) => {
        const original = seedArticle(longest);
        const others = seeds.filter((s) => s !== longest).map((s) => seedArticle(s));
        store.saveArticles([...others, original]);
        const copy = editedCopy(3, 'Tę informację potwierdziły również źródła w Seulu, cytowane przez agencję Yonhap.');
        assert.notEqual(copy.id, original.id, 'the copy is a different text');
        const [outcome] = store.saveArticles([copy]);
        assert.deepEqual(outcome, { status: 'stored', id: copy.id, duplicateOf: original.id });
        assert.equal(store.getArticle(copy.id)?.duplicateOf, original.id);

        // A copy of the copy still points at the original, not at the copy.
        const second = makeArticle(replaceSentence(copy.text, 6, 'Pociąg zatrzymał się na krótko w Chasanie, podają media.'));
        const [secondOutcome] = store.saveArticles([second]);
        assert.equal(secondOutcome.status === 'stored' && secondOutcome.duplicateOf, original.id);
        assert.equal(store.stats().duplicates, 2);
      });
    });

    test('different articles on the same event are not flagged', () => {
      withFresh(backend, (store) => {
        const outcomes = store.saveArticles(seeds.map((s) => seedArticle(s)));
        for (const outcome of outcomes) {
          assert.deepEqual(outcome, { status: 'stored', id: outcome.id }, `seed ${outcome.id} is no duplicate`);
        }
        assert.equal(store.stats().duplicates, 0);
      });
    });

    test('an earlier article of the same batch counts as the original', () => {
      withFresh(backend, (store) => {
        const original = seedArticle(longest);
        const copy = editedCopy(6, 'Tak wynika z doniesień agencji Yonhap, która powołuje się na wojsko.');
        const outcomes = store.saveArticles([original, copy]);
        assert.deepEqual(outcomes[1], { status: 'stored', id: copy.id, duplicateOf: original.id });
      });
    });

    test('listArticles filters by source, language, date and pages in ingest order', () => {
      withFresh(backend, (store) => {
        const articles = [
          seedArticle(seedA, { outlet: 'TVN24', language: 'pl', published: { value: '2023-09-12', precision: 'day' } }),
          seedArticle(seedB, { outlet: 'Łódzki Kurier', language: 'pl', published: { value: '2023-09', precision: 'month' } }),
          seedArticle(seedC, { outlet: 'tvn24', language: 'en', published: { value: '2023-08-30T08:00Z', precision: 'minute' } }),
          seedArticle(seedD, { outlet: 'Reuters', language: 'en', published: { value: '2023', precision: 'year' } }),
          makeArticle(seedE.text, { outlet: 'Reuters', language: 'pl' }),
        ];
        store.saveArticles(articles);
        const ids = (filter: Parameters<Store['listArticles']>[0]) => store.listArticles(filter).map((a) => a.id);
        const [a, b, c, d, e] = articles.map((x) => x.id);

        assert.deepEqual(ids(undefined), [a, b, c, d, e], 'no filter: all, oldest first');
        assert.deepEqual(ids({ source: 'tvn24' }), [a, c], 'source is case-insensitive');
        assert.deepEqual(ids({ source: 'ŁÓDZKI KURIER' }), [b], 'case folding beyond ASCII');
        assert.deepEqual(ids({ source: 'TVN' }), [], 'source matches whole names only');
        assert.deepEqual(ids({ language: 'en' }), [c, d], 'language');
        assert.deepEqual(ids({ since: '2023-09' }), [a, b, d],
          'since month: on or after, plus the year-precision 2023 which may be; undated excluded');
        assert.deepEqual(ids({ since: '2023-09-15' }), [b, d],
          'since day: the month and year articles may fall after it, the 12th does not');
        assert.deepEqual(ids({ since: '2023-08-30' }), [a, b, c, d], 'since day includes minute precision that day');
        assert.deepEqual(ids({ since: '2023-01' }), [a, b, c, d], 'year precision containing since');
        assert.deepEqual(ids({ since: '2024' }), [], 'nothing after');
        assert.deepEqual(ids({ language: 'pl', source: 'reuters' }), [e], 'filters combine');
        assert.deepEqual(ids({ limit: 2 }), [a, b], 'limit');
        assert.deepEqual(ids({ limit: 2, offset: 2 }), [c, d], 'limit with offset');
        assert.deepEqual(ids({ offset: 4 }), [e], 'offset alone');
      });
    });

    test('findArticle accepts a unique id prefix of at least 6 characters', () => {
      withFresh(backend, (store) => {
        const articles = seeds.map((s) => seedArticle(s));
        store.saveArticles(articles);
        const target = articles[2];
        assert.equal(store.findArticle(target.id)?.id, target.id, 'full id');
        assert.equal(store.findArticle(target.id.slice(0, 6))?.id, target.id, '6-character prefix');
        assert.equal(store.findArticle(target.id.slice(0, 5)), undefined, 'too short a prefix');
        assert.equal(store.findArticle('ffffffffff'), undefined, 'no match');

        const twinA = makeArticle('Pierwszy tekst o spotkaniu.', { id: 'abcdef0000000001' });
        const twinB = makeArticle('Drugi tekst o spotkaniu.', { id: 'abcdef0000000002' });
        store.saveArticles([twinA, twinB]);
        assert.throws(() => store.findArticle('abcdef'), (error: unknown) =>
          error instanceof AmbiguousIdError && error.prefix === 'abcdef'
          && error.matches.includes(twinA.id) && error.matches.includes(twinB.id));
        assert.equal(store.findArticle('abcdef0000000002')?.id, twinB.id, 'exact id wins over ambiguity');
      });
    });

    test('iterateArticles yields every article oldest first, and the store stays usable inside the loop', () => {
      withFresh(backend, (store) => {
        const articles = seeds.map((s) => seedArticle(s));
        store.saveArticles(articles);
        const seen: string[] = [];
        for (const article of store.iterateArticles()) {
          seen.push(article.id);
          assert.equal(store.getArticle(article.id)?.text, article.text, 'nested read while iterating');
        }
        assert.deepEqual(seen, articles.map((a) => a.id));
      });
    });

    test('stats count articles, duplicates, languages, sources and the published range', () => {
      withFresh(backend, (store) => {
        assert.deepEqual(store.stats(), { articles: 0, duplicates: 0, byLanguage: {}, bySource: {} }, 'empty store');
        store.saveArticles([
          seedArticle(seedA, { outlet: 'TVN24', published: { value: '2023-09-12', precision: 'day' } }),
          seedArticle(seedB, { outlet: 'tvn24', language: 'en' }),
          makeArticle(seedC.text),
          seedArticle(seedD, { outlet: 'PAP' }),
          seedArticle(seedE, { outlet: 'PAP' }),
        ]);
        store.saveArticles([editedCopy(3, 'Zupełnie nowe zdanie tego tekstu o podróży dyktatora.')]);
        assert.deepEqual(store.stats(), {
          articles: 6,
          duplicates: 1,
          byLanguage: { en: 1, pl: 5 },
          // TVN24 and tvn24 are one source; the article without an outlet is in no source.
          bySource: { PAP: 2, Syndykat: 1, TVN24: 2 },
          firstPublished: '2023-09',
          lastPublished: '2023-09-12',
        });
        assert.equal(store.countArticles(), 6);
      });
    });

    test('stage state: absent, written, updated from the current value, kept across reopen', () => {
      const open = backend.fresh();
      const first = open();
      try {
        assert.equal(first.readState('stories'), undefined);
        first.updateState('stories', (current) => {
          assert.equal(current, undefined, 'first update sees no state');
          return { version: 1, articles: ['a1'] };
        });
        const next = first.updateState('stories', (current) => {
          const state = current as { version: number; articles: string[] };
          return { ...state, articles: [...state.articles, 'a2'] };
        });
        assert.deepEqual(next, { version: 1, articles: ['a1', 'a2'] });
        assert.throws(() => first.updateState('stories', () => { throw new Error('stage failed'); }));
        assert.deepEqual(first.readState('stories'), { version: 1, articles: ['a1', 'a2'] }, 'a failed update keeps the old state');
        assert.equal(first.readState('other'), undefined, 'states are kept apart by name');
      } finally {
        first.close();
      }
      const again = open();
      try {
        assert.deepEqual(again.readState('stories'), { version: 1, articles: ['a1', 'a2'] });
      } finally {
        again.close();
      }
    });

    test('data survives close and reopen', () => {
      const open = backend.fresh();
      const articles = seeds.map((s) => seedArticle(s));
      const first = open();
      try {
        first.saveArticles(articles);
      } finally {
        first.close();
      }
      const again = open();
      try {
        assert.equal(again.countArticles(), articles.length);
        assert.equal(again.getArticle(articles[1].id)?.text, articles[1].text);
        assert.deepEqual(again.saveArticles([articles[0]]), [{ status: 'unchanged', id: articles[0].id }]);
        const copy = editedCopy(6, 'Według innych źródeł podróż trwała znacznie dłużej, niż zakładano.');
        const [outcome] = again.saveArticles([copy]);
        assert.equal(outcome.status === 'stored' && outcome.duplicateOf, articleIdOf(longest.text, articles),
          'near-duplicate lookup works on reopened data');
      } finally {
        again.close();
      }
    });

    test('a failing batch stores nothing of itself and keeps earlier data', () => {
      withFresh(backend, (store) => {
        const earlier = seeds.filter((s) => s !== longest).slice(0, 2).map((s) => seedArticle(s));
        store.saveArticles(earlier);
        const good = seedArticle(longest);
        const copyOfGood = editedCopy(3, 'To zdanie zmieniono w kopii.');
        const bad = seedArticle(seedD, { published: { value: '2023-W37', precision: 'week' } } as unknown as Partial<Article>);
        assert.throws(() => store.saveArticles([good, bad]), 'a bad date precision is rejected');
        assert.equal(store.countArticles(), 2, 'nothing of the failed batch');
        assert.equal(store.getArticle(good.id), undefined, 'the good article before the bad one was rolled back');
        assert.deepEqual(store.listArticles().map((a) => a.id), earlier.map((a) => a.id));

        const dangling = makeArticle(seedE.text, { duplicateOf: '0123456789abcdef' });
        assert.throws(() => store.saveArticles([good, dangling]), 'duplicateOf must name a stored article');
        assert.equal(store.countArticles(), 2);

        // No trace left behind: the good article stores as new, and its copy is not matched
        // against phantom band keys of the rolled-back attempt.
        assert.deepEqual(store.saveArticles([good]), [{ status: 'stored', id: good.id }]);
        const [copyOutcome] = store.saveArticles([copyOfGood]);
        assert.equal(copyOutcome.status === 'stored' && copyOutcome.duplicateOf, good.id);
        assert.equal(store.countArticles(), 4);
      });
    });

    test('watches: a match is recorded once, failures stay pending and counted, all survive a reopen', () => {
      withFresh(backend, (store, reopen) => {
        const [a, b] = [seedArticle(seedA), seedArticle(seedB)];
        store.saveArticles([a, b]);
        const watch = store.addWatch({ query: 'Kim Dzong Un', language: 'pl', webhook: 'http://127.0.0.1:9/hook' }, '2026-01-01T00:00:00.000Z');
        assert.match(watch.id, /^[0-9a-f]{8,}$/, 'id');
        assert.deepEqual({ ...watch, id: '' }, {
          id: '', query: 'Kim Dzong Un', language: 'pl', webhook: 'http://127.0.0.1:9/hook',
          createdAt: '2026-01-01T00:00:00.000Z', failures: 0, pending: 0,
        }, 'no source, no error, never fired: those fields are absent');

        const at = '2026-01-01T01:00:00.000Z';
        assert.deepEqual(store.recordWatchMatches(watch.id, [{ articleId: a.id, sentence: 'S1' }, { articleId: b.id, sentence: 'S2' }], at), [a.id, b.id]);
        assert.deepEqual(store.recordWatchMatches(watch.id, [{ articleId: a.id, sentence: 'again' }], at), [], 'a recorded article is never recorded again');
        assert.deepEqual(store.pendingWatchMatches(watch.id).map((m) => [m.articleId, m.sentence]), [[a.id, 'S1'], [b.id, 'S2']]);

        const until = '2026-01-01T01:05:00.000Z';
        assert.equal(store.claimWatchMatch(watch.id, at, until)?.articleId, a.id, 'oldest pending claimed first');
        assert.equal(store.claimWatchMatch(watch.id, at, until)?.articleId, b.id, 'a claimed match is skipped');
        assert.equal(store.claimWatchMatch(watch.id, at, until), undefined, 'all claimed');
        assert.equal(store.claimWatchMatch(watch.id, '2026-01-01T01:06:00.000Z', '2026-01-01T01:07:00.000Z')?.articleId, a.id,
          'an expired claim is free again');
        store.recordDelivery(watch.id, a.id, { status: 'failed', error: 'HTTP 500', attempts: 3 }, at);
        assert.equal(store.claimWatchMatch(watch.id, at, until)?.articleId, a.id, 'a failed delivery releases its claim');
        store.recordDelivery(watch.id, b.id, { status: 'delivered' }, '2026-01-01T02:00:00.000Z');
        store.close();

        const again = reopen();
        try {
          const back = again.getWatch(watch.id);
          assert.equal(back?.failures, 3, 'failed tries counted');
          assert.equal(back?.lastFired, '2026-01-01T02:00:00.000Z', 'lastFired');
          assert.equal(back?.lastError, undefined, 'a later success clears lastError');
          assert.equal(back?.pending, 1, 'the failed alert is still pending');
          const [pending] = again.pendingWatchMatches(watch.id);
          assert.deepEqual([pending?.articleId, pending?.attempts, pending?.lastError], [a.id, 3, 'HTTP 500']);
          assert.deepEqual(again.recordWatchMatches(watch.id, [{ articleId: b.id, sentence: 'S2' }], at), [], 'delivered stays recorded after reopen');

          again.recordDelivery(watch.id, a.id, { status: 'failed', error: 'timed out', attempts: 1 }, at);
          assert.equal(again.getWatch(watch.id)?.lastError, 'timed out');
          const other = again.addWatch({ query: 'Putin' }, '2026-01-02T00:00:00.000Z');
          assert.deepEqual(again.listWatches().map((w) => w.id), [watch.id, other.id], 'oldest first');
          assert.equal(again.removeWatch(watch.id), true);
          assert.equal(again.removeWatch(watch.id), false, 'already gone');
          assert.deepEqual(again.pendingWatchMatches(watch.id), [], 'its matches went with it');
          assert.deepEqual(again.listWatches().map((w) => w.id), [other.id]);
        } finally {
          again.close();
        }
      });
    });
  });
}

function articleIdOf(text: string, articles: readonly Article[]): string | undefined {
  return articles.find((a) => a.text === text)?.id;
}
