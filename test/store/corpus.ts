/**
 * Synthetic but realistic article texts for crash tests and benches: paragraphs of the real
 * Polish seeds recombined, each text opened by a numbered sentence so every text is distinct.
 * Quality figures never come from these (eval/ measures quality on labelled data); only volume does.
 */
import { readSeeds } from './articles.ts';

/** Seed sentences long enough to be prose; shorter pieces are debris like "REKLAMA". */
const MIN_SENTENCE_CHARS = 40;
/** Scraped debris left in the seeds; a synthetic article should be clean text, as ingest stores it. */
const DEBRIS = /^(Zobacz wideo|Czytaj (też|także|więcej)|Fot\.|REKLAMA)/u;

function seedSentences(): string[] {
  return readSeeds()
    .flatMap((seed) => seed.text.split(/\n\s*\n|(?<=[.!?])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ„"-])/u))
    .map((p) => p.trim())
    .filter((p) => p.length >= MIN_SENTENCE_CHARS && !DEBRIS.test(p));
}

/** Small deterministic PRNG (mulberry32): the same corpus on every run and machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * `count` distinct clean texts of 2–4 paragraphs of 2–4 seed sentences each (about 0.5–2 kB),
 * paragraphs separated by one blank line as in Article.text. Sentences, not whole paragraphs,
 * are recombined: with ~300 of them two texts almost never share enough to be near-duplicates,
 * so duplicates in a bench are the ones it plants.
 * @example syntheticTexts(3) // → three texts, each starting "Depesza nr 1. …"
 */
export function syntheticTexts(count: number, seed = 2023): string[] {
  const sentences = seedSentences();
  const next = random(seed);
  const pick = (n: number) => Array.from({ length: n }, () => sentences[Math.floor(next() * sentences.length)]);
  return Array.from({ length: count }, (_, i) => {
    const paragraphs = Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(2 + Math.floor(next() * 3)).join(' '));
    return [`Depesza nr ${i + 1}. Redakcja uzupełnia informacje o wizycie.`, ...paragraphs].join('\n\n');
  });
}
