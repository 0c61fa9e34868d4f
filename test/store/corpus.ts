/**
 * Synthetic but realistic article texts for crash tests and benches: paragraphs of the real
 * Polish seeds recombined, each text opened by a numbered sentence so every text is distinct.
 * Quality figures never come from these (DESIGN §6); only volume does.
 */
import { readSeeds } from './articles.ts';

/** Seed paragraphs long enough to be prose; shorter ones are debris like "REKLAMA". */
const MIN_PARAGRAPH_CHARS = 80;

function seedParagraphs(): string[] {
  return readSeeds()
    .flatMap((seed) => seed.text.split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length >= MIN_PARAGRAPH_CHARS);
}

/** Small deterministic PRNG (mulberry32): the same corpus on every run and machine. */
function random(seed: number): () => number {
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
 * `count` distinct clean texts of 2–4 seed paragraphs (about 0.6–2 kB), paragraphs separated
 * by one blank line as in Article.text.
 * @example syntheticTexts(3) // → three texts, each starting "Depesza nr 1. …"
 */
export function syntheticTexts(count: number, seed = 2023): string[] {
  const paragraphs = seedParagraphs();
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const picked = new Set<string>();
    const size = 2 + Math.floor(next() * 3);
    while (picked.size < size) picked.add(paragraphs[Math.floor(next() * paragraphs.length)]);
    return [`Depesza nr ${i + 1}. Redakcja uzupełnia informacje o wizycie.`, ...picked].join('\n\n');
  });
}
