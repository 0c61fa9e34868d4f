/**
 * One leave-one-topic-out rotation in its own process (started by eval/lib/entities-loto.ts):
 * reads `{ dataPath, topic, exclusions, showErrors }` as JSON on stdin, leaves the excluded
 * entries out of the entity lists before anything reads them, scores the topic's articles and
 * writes a RotationResult as JSON on stdout.
 */
import { findMentions, linkAcrossArticles } from '../../src/analysis/entities/index.ts';
import { withoutEntries } from '../../src/analysis/entities/resources.ts';
import { analyzeText } from '../../src/text/index.ts';
import { loadBsnlp } from './bsnlp.ts';
import { dictionaryUsesFromEnv, type Exclusions, type RotationResult } from './entities-loto.ts';
import { scoreEntities } from './entities-score.ts';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { dataPath, topic, exclusions, showErrors } = JSON.parse(input) as { dataPath: string; topic: string; exclusions: Exclusions; showErrors: number };
withoutEntries(exclusions);
dictionaryUsesFromEnv();
const docs = loadBsnlp(dataPath, { topics: [topic] });
const found = docs.map((d) => findMentions(d.text, 'pl', analyzeText(d.text, 'pl')));
const predicted = linkAcrossArticles(found.map((mentions, i) => ({ articleId: String(i), mentions }))).map((d) => d.mentions);
const { scores, errors } = scoreEntities(docs.map((d) => d.mentions), predicted);
const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, showErrors);
const result: RotationResult = {
  topic,
  scores,
  ...(showErrors > 0
    ? { errors: { 'wrong types': top(errors.types), 'wrong base forms': top(errors.bases), 'missed': top(errors.missed), 'spurious': top(errors.spurious) } }
    : {}),
};
process.stdout.write(JSON.stringify(result));
