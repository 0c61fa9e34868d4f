/**
 * Leave-one-topic-out machinery (eval/lib/entities-loto.ts, withoutEntries in
 * src/analysis/entities/resources.ts) on made-up documents: which list entries count as
 * specific to a topic, and that leaving them out reaches the rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topicSpecificEntries } from '../../../eval/lib/entities-loto.ts';
import type { BsnlpDoc, BsnlpMention } from '../../../eval/lib/bsnlp.ts';
import { findMentions } from '../../../src/analysis/entities/index.ts';
import { withoutEntries } from '../../../src/analysis/entities/resources.ts';
import { analyzeText } from '../../../src/text/index.ts';

function doc(topic: string, text: string, names: readonly string[]): BsnlpDoc {
  const mentions: BsnlpMention[] = names.map((name) => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, text: name, base: name, type: 'ORG', entity: name };
  });
  return { topic, file: `${topic}.txt`, title: '', text, mentions };
}

test('a name is specific to the topic holding 90 % of its per-article rate; a word to the only topic using it', () => {
  const docs = [
    doc('airlines', 'Ryanair odwołał loty. Przewoźnik milczy.', ['Ryanair']),
    doc('airlines', 'Ryanair i Unia Europejska.', ['Ryanair', 'Unia Europejska']),
    doc('pipeline', 'Gazociąg przez Bałtyk. Unia Europejska protestuje.', ['Unia Europejska']),
    doc('pipeline', 'Gazociąg i Unia Europejska.', ['Unia Europejska']),
    doc('pipeline', 'Budowa trwa. Przewoźnik gazu.', []),
    doc('pipeline', 'Nic nowego.', []),
    doc('pipeline', 'Cisza.', []),
    doc('pipeline', 'Nadal cisza.', []),
    doc('pipeline', 'Wciąż cisza.', []),
    doc('pipeline', 'Jeszcze cisza.', []),
    doc('pipeline', 'Jak zwykle.', []),
    doc('pipeline', 'Ryanair też tu był.', ['Ryanair']),
  ];
  const specific = topicSpecificEntries(docs, docs.map((d) => analyzeText(d.text, 'pl')));
  // Ryanair: rate 1.0 in airlines, 0.1 in pipeline → 91 % airlines.
  assert.ok(specific.get('airlines')!['pl/entity-known-names']!.includes('Ryanair = ORG'));
  // "gazociąg" only in pipeline articles; "przewoźnik" in both topics stays.
  assert.ok(specific.get('pipeline')!['pl/entity-pro-words']!.includes('gazociąg'));
  assert.ok(!Object.values(specific.get('airlines')!).flat().some((e) => e.startsWith('przewoźnik')));
  // A name of both topics is specific to neither.
  for (const lists of specific.values()) assert.ok(!Object.values(lists).flat().some((e) => e.startsWith('Unia')));
});

test('entries left out before the first mention is found are gone for the rules; afterwards it is refused', () => {
  withoutEntries({ 'pl/entity-known-names': ['Handelsblatt = PRO'] });
  const [paper] = findMentions('Ceny gazu wzrosną, napisał Handelsblatt.', 'pl', []);
  // Listed, the newspaper is a product (BSNLP types media PRO); left out, nothing says so.
  assert.equal(paper?.text, 'Handelsblatt');
  assert.notEqual(paper?.type, 'PRO');
  assert.throws(() => withoutEntries({ 'pl/entity-known-names': ['Ryanair = ORG'] }), /already read/);
});
