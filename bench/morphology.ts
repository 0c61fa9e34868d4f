/**
 * Morphology dictionaries: PoliMorf (src/text/polimorf.ts) against the hunspell dictionary the
 * text layer uses (dictionary-pl, src/text/hunspell.ts), measured in the same process.
 *   - load: reading and checking the dictionary files (best of 3, each a fresh load);
 *   - word lookups/s over the word tokens of the BSNLP Polish dev texts (the seeds when the data
 *     is absent), unmemoised on both sides: PoliMorf's automaton walk and readings against
 *     hunspell's affix analysis (analyzeWord);
 *   - nominatives of the gold name mentions: PoliMorf's nominativePhrase against today's entity
 *     rules (phraseBase), one pass from cold caches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasBsnlp, loadBsnlp, type BsnlpDoc } from '../eval/lib/bsnlp.ts';
import { DEFAULT_BSNLP_PATH } from '../eval/types.ts';
import { phraseBase } from '../src/analysis/entities/base-form.ts';
import { analyzeWord } from '../src/text/hunspell.ts';
import { polishDictionary } from '../src/text/index.ts';
import { loadPolishDictionary } from '../src/text/lemma-pl.ts';
import { MorfologikDictionary, parseDictionaryInfo } from '../src/text/morfologik.ts';
import { nominativePhrase } from '../src/text/polimorf-names.ts';
import { loadPolimorf, openPolimorf, POLIMORF_FILES } from '../src/text/polimorf.ts';
import { tokenize } from '../src/text/tokens.ts';
import { formatRate, timeBest, type BenchReport, type BenchRow } from './report.ts';

const SEEDS = fileURLToPath(new URL('../samples/kim-putin-2023/', import.meta.url));

function texts(docs: readonly BsnlpDoc[]): string[] {
  if (docs.length > 0) return docs.map((d) => d.text);
  return readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f), 'utf8'));
}

const ratio = (rate: number, base: number) => `${(rate / base).toFixed(2)}×`;

export async function run(): Promise<BenchReport> {
  const docs = hasBsnlp(DEFAULT_BSNLP_PATH) ? loadBsnlp(DEFAULT_BSNLP_PATH) : [];
  const words = texts(docs).flatMap((t) => tokenize(t).filter((tok) => tok.kind === 'word').map((tok) => tok.text));

  const polimorfLoad = await timeBest(() => openPolimorf(POLIMORF_FILES.dictionary, POLIMORF_FILES.info));
  const hunspellLoad = await timeBest(() => loadPolishDictionary());

  const info = parseDictionaryInfo(readFileSync(POLIMORF_FILES.info, 'latin1'), POLIMORF_FILES.info);
  const automaton = new MorfologikDictionary(readFileSync(POLIMORF_FILES.dictionary), info, POLIMORF_FILES.dictionary);
  const hunspell = loadPolishDictionary();
  let sink = 0;
  const polimorfLookups = await timeBest(() => { for (const w of words) sink += automaton.lookup(w).length; });
  const hunspellLookups = await timeBest(() => { for (const w of words) sink += analyzeWord(hunspell, w).length; });

  const rows: BenchRow[] = [
    { name: 'load: PoliMorf (2.8 MB automaton, checked)', figures: { ms: polimorfLoad.toFixed(0), 'vs baseline': ratio(hunspellLoad, polimorfLoad) } },
    { name: 'load: dictionary-pl (hunspell, baseline)', figures: { ms: hunspellLoad.toFixed(0), 'vs baseline': '1×' } },
    { name: `lookups: PoliMorf, ${words.length.toLocaleString('en-US')} word tokens`, figures: { ms: polimorfLookups.toFixed(0), 'per s': formatRate(words.length, polimorfLookups), 'vs baseline': ratio(hunspellLookups, polimorfLookups) } },
    { name: 'lookups: dictionary-pl analyzeWord (baseline)', figures: { ms: hunspellLookups.toFixed(0), 'per s': formatRate(words.length, hunspellLookups), 'vs baseline': '1×' } },
  ];

  const mentions = docs.flatMap((d) => {
    const forms = new Set(tokenize(d.text).filter((t) => t.kind === 'word').map((t) => t.text.charAt(0).toUpperCase() + t.text.slice(1)));
    return d.mentions.map((m) => ({ words: m.text.split(/\s+/), person: m.type === 'PER', forms }));
  });
  if (mentions.length > 0) {
    // Both dictionaries loaded before timing: the rows compare the name work, not the loads.
    const pl = loadPolimorf();
    polishDictionary();
    const polimorfNames = () => { for (const m of mentions) sink += nominativePhrase(m.words, { person: m.person }, pl)?.length ?? 0; };
    const todayNames = () => { for (const m of mentions) sink += phraseBase(m.words, m.person, m.forms).length; };
    // First pass only: both sides memoise, so repeats measure their caches, not the work.
    const polimorfNamesMs = await timeBest(polimorfNames, 1);
    const todayNamesMs = await timeBest(todayNames, 1);
    rows.push(
      { name: `nominatives: PoliMorf nominativePhrase, ${mentions.length.toLocaleString('en-US')} gold mentions`, figures: { ms: polimorfNamesMs.toFixed(0), 'per s': formatRate(mentions.length, polimorfNamesMs), 'vs baseline': ratio(todayNamesMs, polimorfNamesMs) } },
      { name: 'nominatives: entity rules phraseBase (baseline)', figures: { ms: todayNamesMs.toFixed(0), 'per s': formatRate(mentions.length, todayNamesMs), 'vs baseline': '1×' } },
    );
  }
  if (sink < 0) throw new Error('unreachable');
  return {
    suite: 'morphology',
    method: 'PoliMorf (src/text/polimorf.ts) against the hunspell dictionary-pl the text layer uses, in one process. '
      + 'Load: best of 3 fresh loads. Lookups: every word token of the BSNLP Polish dev texts (seeds if absent), unmemoised, '
      + 'best of 3. Nominatives: the gold mentions of the same data, first pass and best of 3 (both sides memoise). '
      + '"vs baseline" > 1 means PoliMorf is faster.',
    rows,
    notes: [
      `Target: dictionary ready in < 1 s (PoliMorf: ${polimorfLoad.toFixed(0)} ms).`,
      // The machine is shared: absolute times swing with other jobs, the ratios much less.
      `Load average at the end of the run: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`,
    ],
  };
}
