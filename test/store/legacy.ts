/** Stored forms as the code before migration 009 wrote them, for the tests of that migration on both engines. */
import { hydrateAnalysis, retokenize, type AnalysisPayload } from '../../src/analysis/stored.ts';
import type { Token } from '../../src/text/index.ts';
import type { Article } from '../../src/types.ts';

/** The payload as the code before migration 009 stored it: every lemma that is not 0 or 1 spelled out. */
export function legacyPayload(article: Article, payload: AnalysisPayload): AnalysisPayload {
  const literal = (tokens: readonly Token[]) => tokens.filter((t) => t.kind === 'word')
    .map((t) => (t.lemma === t.text.toLowerCase() ? 0 : t.lemma === t.text ? 1 : t.lemma));
  const title = payload.features.title;
  return {
    ...payload,
    lemmas: hydrateAnalysis(article, payload).sentences.map((s) => literal(s.tokens)),
    features: { ...payload.features, ...(title && { title: { ...title, lemmas: literal(retokenize({ start: 0, end: article.title!.length, text: article.title! }, title.lemmas)) } }) },
  };
}

