import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../../src/text/index.ts';

const SEEDS = fileURLToPath(new URL('../../samples/kim-putin-2023/', import.meta.url));
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(SEEDS + f, 'utf8'));

test('analyzeText: sentence and token offsets index the seed texts exactly', () => {
  for (const text of seeds) {
    const sentences = analyzeText(text, 'pl');
    assert.ok(sentences.length > 5);
    sentences.forEach((s, i) => {
      assert.equal(s.index, i);
      assert.equal(text.slice(s.start, s.end), s.text);
      for (const t of s.tokens) assert.equal(text.slice(t.start, t.end), t.text);
    });
    // Paragraph indexes never decrease and match the blank-line blocks.
    const paragraphs = text.split(/\n[ \t\r]*\n\s*/).filter((p) => p.trim()).length;
    assert.equal(sentences.at(-1)!.paragraph, paragraphs - 1);
  }
});

test('analyzeText: seed sentence with m.in. stays whole and is lemmatised', () => {
  const sentences = analyzeText(seeds[0], 'pl');
  const s = sentences.find((x) => x.text.startsWith('Według ekspertów'))!;
  assert.ok(s.text.endsWith('m.in. żywności.'));
  const lemmas = s.tokens.filter((t) => t.kind === 'word').map((t) => t.lemma);
  for (const l of ['według', 'ekspert', 'prezydent', 'Rosja', 'przywódca', 'Korea', 'przekazać', 'Kreml', 'broń', 'żywność']) {
    assert.ok(lemmas.includes(l), `missing lemma ${l} in ${lemmas.join(' ')}`);
  }
});

test('analyzeText: a sentence-initial name followed by a name keeps its capital', () => {
  const [first] = analyzeText(seeds[0], 'pl');
  assert.deepEqual(first.tokens.slice(0, 3).map((t) => t.lemma), ['Kim', 'Dzong', 'Un']);
  const second = analyzeText('Według Kremla rozmowy trwały. Kreml milczy.', 'pl');
  assert.equal(second[0].tokens[0].lemma, 'według');
  assert.equal(second[1].tokens[0].lemma, 'Kreml');
});

test('analyzeText: sentences `known` gives are taken as they are, others analysed; the text after a title reuses its own analysis exactly', () => {
  for (const text of seeds) {
    const [title, ...rest] = text.split('\n');
    const body = rest.join('\n').trim();
    const titled = `${title}\n\n${body}`;
    const shift = titled.length - body.length;
    const own = new Map(analyzeText(body, 'pl').map((s) => [s.start + shift, s]));
    let reused = 0;
    const fromKnown = analyzeText(titled, 'pl', (span) => {
      const s = own.get(span.start);
      if (!s || s.end + shift !== span.end) return undefined;
      reused++;
      return s.tokens.map((t) => ({ ...t, start: t.start + shift, end: t.end + shift }));
    });
    assert.equal(reused, own.size, 'every sentence of the text is found again after the title');
    assert.deepStrictEqual(fromKnown, analyzeText(titled, 'pl'));
  }
  // What `known` returns is used without looking: a marker shows it.
  const marker = [{ text: 'X', kind: 'word' as const, start: 0, end: 1, lemma: 'marker' }];
  const sentences = analyzeText('Kreml przekazał broń. Rosja milczy.', 'pl', (span) => (span.start === 0 ? marker : undefined));
  assert.deepStrictEqual(sentences[0]!.tokens, marker);
  assert.equal(sentences[1]!.tokens[0]!.lemma, 'Rosja');
});
