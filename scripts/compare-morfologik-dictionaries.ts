/**
 * Compares the Polish morphological dictionaries on BSNLP Polish news (the figures in
 * docs/QUALITY.md, "Morphology dictionaries"):
 *   - PoliMorf (resources/pl/polimorf, read by src/text/polimorf.ts),
 *   - dictionary-pl from npm (the hunspell dictionary Kronika uses, src/text/hunspell.ts),
 *   - Debian's hunspell-pl (newer LibreOffice build of the same sjp.pl data), read by the same
 *     hunspell parser; downloaded with apt-get into tmp/ unless --hunspell-pl DIR is given.
 *
 *   npx tsx scripts/compare-morfologik-dictionaries.ts [--data DIR] [--hunspell-pl DIR]
 *
 * Metrics: token coverage; base forms of single-token gold mentions (the dictionary's readings
 * contain the gold base = oracle; the chosen lemma = top-1); female "-ska/-cka/-dzka" surnames;
 * person marking for typing (PoliMorf m1 vs dictionary-pl's person paradigms); load time and
 * memory, each dictionary in a fresh process. Nothing is tuned here: every rule is fixed in the
 * modules it comes from, so the figures are the same on any topic split.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasBsnlp, loadBsnlp, type BsnlpDoc } from '../eval/lib/bsnlp.ts';
import { DEFAULT_BSNLP_PATH } from '../eval/types.ts';
import { analyzeSuffixes, analyzeWord, buildHunspell, parseAff, parseDic, type HunspellData } from '../src/text/hunspell.ts';
import { createPolishLemmatizer, loadPolishDictionary, type PolishLemmatizer } from '../src/text/lemma-pl.ts';
import { isPersonNoun, nameGender, nominativePhrase } from '../src/text/polimorf-names.ts';
import { loadPolimorf, type Polimorf } from '../src/text/polimorf.ts';
import { tokenize } from '../src/text/tokens.ts';
import { phraseBase } from '../src/analysis/entities/base-form.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Debian's hunspell-pl files: --hunspell-pl DIR, or apt-get download into tmp/hunspell-pl. */
function debianHunspellDir(): string {
  const given = option('--hunspell-pl');
  if (given) return given;
  const work = join(ROOT, 'tmp', 'hunspell-pl');
  const dir = join(work, 'x', 'usr', 'share', 'hunspell');
  if (existsSync(join(dir, 'pl_PL.dic'))) return dir;
  mkdirSync(work, { recursive: true });
  execFileSync('apt-get', ['download', 'hunspell-pl'], { cwd: work, stdio: 'inherit' });
  const deb = readdirSync(work).find((f) => f.endsWith('.deb'));
  if (!deb) throw new Error(`${work}: apt-get download hunspell-pl left no .deb`);
  execFileSync('dpkg-deb', ['-x', join(work, deb), join(work, 'x')]);
  return dir;
}

/** An .aff/.dic pair in the encoding its SET line names (Debian's is ISO-8859-2). */
function loadHunspellFiles(aff: string, dic: string): HunspellData {
  const affBytes = readFileSync(aff);
  const encoding = /^SET\s+(\S+)/m.exec(affBytes.toString('latin1'))?.[1] ?? 'utf-8';
  const decoder = new TextDecoder(encoding);
  return buildHunspell(parseAff(decoder.decode(affBytes)), parseDic(decoder.decode(readFileSync(dic))));
}

/** What the comparison asks of a dictionary. */
interface Candidate {
  readonly name: string;
  /** The dictionary knows the word in some spelling (as written, lower-case, capitalised). */
  knows(word: string): boolean;
  /** The dictionary knows the word as written. */
  knowsAsWritten(word: string): boolean;
  /** Every lemma the dictionary offers, any spelling. */
  lemmas(word: string): string[];
  /** Says the word is a person's name/noun (undefined: the dictionary has no way to say). */
  person(word: string): boolean;
}

const spellings = (word: string): string[] => {
  const lower = word.toLocaleLowerCase('pl');
  return [...new Set([word, lower, lower.charAt(0).toLocaleUpperCase('pl') + lower.slice(1)])];
};

function polimorfCandidate(pl: Polimorf): Candidate {
  return {
    name: 'PoliMorf',
    knows: (w) => pl.lookupAnyCase(w).interpretations.length > 0,
    knowsAsWritten: (w) => pl.lookup(w).length > 0,
    lemmas: (w) => spellings(w).flatMap((s) => pl.lookup(s).map((r) => r.lemma)),
    person: (w) => isPersonNoun(w, pl),
  };
}

/** dictionary-pl's person paradigms, as src/analysis/entities/morphology.ts reads them (o+T, n+N). */
const PERSON_FLAGS = [['o', 'T'], ['n', 'N']] as const;

function hunspellCandidate(name: string, data: HunspellData): Candidate {
  return {
    name,
    knows: (w) => spellings(w).some((s) => analyzeWord(data, s).length > 0),
    knowsAsWritten: (w) => analyzeWord(data, w).length > 0,
    lemmas: (w) => spellings(w).flatMap((s) => analyzeWord(data, s).map((a) => a.lemma)),
    person: (w) => analyzeSuffixes(data, w).some((a) => {
      if (a.lemma.charAt(0) === a.lemma.charAt(0).toLocaleLowerCase('pl')) return false;
      const flags = data.stems.get(a.stem) ?? '';
      return PERSON_FLAGS.some(([x, y]) => flags.includes(x) && flags.includes(y));
    }),
  };
}

const same = (a: string, b: string) => a.toLocaleLowerCase('pl') === b.toLocaleLowerCase('pl');
const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

interface Row { readonly label: string; readonly values: readonly string[] }

function table(header: readonly string[], rows: readonly Row[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(['', ...header]), line(['---', ...header.map(() => '---:')]), ...rows.map((r) => line([r.label, ...r.values]))].join('\n');
}

/** A gold mention with the capitalised word forms of its article (the entity rules' context). */
interface GoldMention {
  readonly surface: readonly string[];
  readonly base: string;
  readonly type: string;
  readonly topic: string;
  readonly forms: ReadonlySet<string>;
}

const capitalise = (w: string) => w.charAt(0).toLocaleUpperCase('pl') + w.slice(1);

function goldMentions(docs: readonly BsnlpDoc[]): GoldMention[] {
  return docs.flatMap((d) => {
    const forms = new Set(tokenize(d.text).filter((t) => t.kind === 'word').map((t) => capitalise(t.text)));
    return d.mentions.map((m) => ({ surface: m.text.split(/\s+/), base: m.base, type: m.type, topic: d.topic, forms }));
  });
}

/** A way to give a mention its base form: one dictionary, today's entity rules, or both. */
interface BaseFormer {
  readonly name: string;
  base(m: GoldMention): string | undefined;
}

/** PoliMorf's nominative: agreeing phrases as a whole, a person's name word by word. */
function polimorfBase(pl: Polimorf, m: GoldMention): string | undefined {
  if (m.type !== 'PER') return nominativePhrase(m.surface, { person: false }, pl);
  const words = m.surface.map((w) => nominativePhrase([w], { person: true }, pl));
  return words.every((w) => w !== undefined) ? words.join(' ') : undefined;
}

const FEMALE_SURNAME = /(?:ska|cka|dzka)$/u;

function compare(docs: readonly BsnlpDoc[], dictionaries: readonly Candidate[], formers: readonly BaseFormer[]): string {
  const tokens = docs.flatMap((d) => tokenize(d.text).filter((t) => t.kind === 'word' && /\p{L}/u.test(t.text)).map((t) => t.text));
  const types = [...new Set(tokens)];
  const capitalised = tokens.filter((t) => /^\p{Lu}\p{Ll}/u.test(t));
  const all = goldMentions(docs);
  const single = all.filter((m) => m.surface.length === 1 && !/\s/.test(m.base));
  const inflected = single.filter((m) => m.surface[0] !== m.base);
  const multi = all.filter((m) => m.surface.length > 1);
  // The last word of PER mentions whose gold base ends in a female surname.
  const female = all.filter((m) => m.type === 'PER' && FEMALE_SURNAME.test(m.base) && !m.base.includes('-'))
    .map((m) => ({ ...m, surface: [m.surface.at(-1)!], base: m.base.split(/\s+/).at(-1)! }));
  const word = (m: GoldMention) => m.surface[0]!;
  const each = <T>(list: readonly T[], f: (x: T) => string) => list.map(f);
  const share = <T>(list: readonly T[], ok: (x: T) => boolean) => pct(list.filter(ok).length, list.length);

  const coverage: Row[] = [
    { label: `word tokens known, any case (n=${tokens.length})`, values: each(dictionaries, (c) => share(tokens, (t) => c.knows(t))) },
    { label: `distinct word forms known (n=${types.length})`, values: each(dictionaries, (c) => share(types, (t) => c.knows(t))) },
    { label: `capitalised tokens known as written (n=${capitalised.length})`, values: each(dictionaries, (c) => share(capitalised, (t) => c.knowsAsWritten(t))) },
    { label: `single-token mentions known, any case (n=${single.length})`, values: each(dictionaries, (c) => share(single, (m) => c.knows(word(m)))) },
    { label: `… gold base among the readings (oracle)`, values: each(dictionaries, (c) => share(single, (m) => same(word(m), m.base) || c.lemmas(word(m)).some((l) => same(l, m.base)))) },
    { label: `… inflected mentions: gold base among the readings (n=${inflected.length})`, values: each(dictionaries, (c) => share(inflected, (m) => c.lemmas(word(m)).some((l) => same(l, m.base)))) },
    { label: `female surnames known (n=${female.length} tokens)`, values: each(dictionaries, (c) => share(female, (m) => c.knows(word(m)))) },
    { label: `… female base form among the readings`, values: each(dictionaries, (c) => share(female, (m) => same(word(m), m.base) || c.lemmas(word(m)).some((l) => same(l, m.base)))) },
  ];

  const right = (f: BaseFormer) => (m: GoldMention) => same(f.base(m) ?? m.surface.join(' '), m.base);
  const baseRows: Row[] = [
    { label: `single-token mentions (n=${single.length}; kept as written: ${share(single, (m) => word(m) === m.base)})`, values: each(formers, (f) => share(single, right(f))) },
    { label: `… inflected only (n=${inflected.length})`, values: each(formers, (f) => share(inflected, right(f))) },
    ...(['PER', 'LOC', 'ORG', 'EVT', 'PRO'] as const).map((type) => {
      const list = single.filter((m) => m.type === type);
      return { label: `… ${type} (n=${list.length})`, values: each(formers, (f) => share(list, right(f))) };
    }),
    { label: `multi-word mentions (n=${multi.length}; kept as written: ${share(multi, (m) => m.surface.join(' ') === m.base)})`, values: each(formers, (f) => share(multi, right(f))) },
    ...(['PER', 'LOC', 'ORG'] as const).map((type) => {
      const list = multi.filter((m) => m.type === type);
      return { label: `… ${type} (n=${list.length})`, values: each(formers, (f) => share(list, right(f))) };
    }),
    { label: `female surnames (n=${female.length} tokens)`, values: each(formers, (f) => share(female, right(f))) },
    { label: `all mentions (n=${all.length})`, values: each(formers, (f) => share(all, right(f))) },
    ...[...new Set(all.map((m) => m.topic))].map((topic) => {
      const list = all.filter((m) => m.topic === topic);
      return { label: `… topic ${topic} (n=${list.length})`, values: each(formers, (f) => share(list, right(f))) };
    }),
  ];

  const personGold = single.filter((m) => m.type === 'PER');
  const typing: Row[] = dictionaries.map((c) => {
    const predicted = single.filter((m) => c.person(word(m)));
    const hits = predicted.filter((m) => m.type === 'PER').length;
    const p = predicted.length ? hits / predicted.length : 0;
    const r = personGold.length ? hits / personGold.length : 0;
    return { label: c.name, values: [String(predicted.length), pct(hits, predicted.length), pct(hits, personGold.length), ((2 * p * r) / (p + r || 1)).toFixed(3)] };
  });
  const femaleGender = female.filter((m) => nameGender(m.base) === 'f').length;

  return [
    '### Coverage (what the dictionary knows)', '', table(dictionaries.map((c) => c.name), coverage), '',
    '### Base forms chosen (gold type given as the person hint; a word nobody knows is kept as written)', '',
    table(formers.map((f) => f.name), baseRows), '',
    `### Person marking for typing (single-token mentions, PER n=${personGold.length} of ${single.length})`, '',
    table(['said person', 'precision', 'recall', 'F1'], typing), '',
    `PoliMorf's gender of the female surnames' gold base forms: f for ${femaleGender} of ${female.length}.`,
  ].join('\n');
}

/** Load time and memory of one dictionary, measured in a fresh process. */
function footprint(which: string, hunspellDir: string): string {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--footprint', which, '--hunspell-pl', hunspellDir], { encoding: 'utf8' });
  return out.trim();
}

async function measureFootprint(which: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage();
  const started = performance.now();
  let keep: unknown;
  if (which === 'polimorf') {
    const pl = loadPolimorf();
    pl.lookup('Putinem');
    keep = pl;
  } else if (which === 'dictionary-pl') {
    keep = loadPolishDictionary();
  } else {
    const dir = option('--hunspell-pl')!;
    keep = loadHunspellFiles(join(dir, 'pl_PL.aff'), join(dir, 'pl_PL.dic'));
  }
  const ms = performance.now() - started;
  gc();
  const after = process.memoryUsage();
  const mb = (n: number) => (n / 2 ** 20).toFixed(0);
  console.log(`${ms.toFixed(0)} ms\t${mb(after.heapUsed + after.external - before.heapUsed - before.external)} MB`);
  void keep;
}

async function main(): Promise<void> {
  const only = option('--footprint');
  if (only) return measureFootprint(only);
  const data = option('--data') ?? DEFAULT_BSNLP_PATH;
  if (!hasBsnlp(data)) throw new Error(`${data}: no BSNLP data (raw/ and ner/); pass --data DIR`);
  const hunspellDir = debianHunspellDir();
  const docs = loadBsnlp(data);
  const npmData = loadPolishDictionary();
  const debianData = loadHunspellFiles(join(hunspellDir, 'pl_PL.aff'), join(hunspellDir, 'pl_PL.dic'));
  const pl = loadPolimorf();
  const dictionaries = [polimorfCandidate(pl), hunspellCandidate('dictionary-pl (npm)', npmData), hunspellCandidate('hunspell-pl (Debian)', debianData)];
  // The hunspell lemmatiser (src/text/lemma-pl.ts) lemmatises words one by one, so a phrase is
  // the words' lemmas joined; the entity rules (src/analysis/entities/base-form.ts) add agreement,
  // demonym plurals and foreign-name endings on top of dictionary-pl.
  const lemmatiserBase = (lemmatizer: PolishLemmatizer) => (m: GoldMention) => m.surface.map((w) => lemmatizer.lemma(w)).join(' ');
  const today = (m: GoldMention) => phraseBase(m.surface, m.type === 'PER', m.forms);
  const formers: BaseFormer[] = [
    { name: 'PoliMorf', base: (m) => polimorfBase(pl, m) },
    { name: 'dictionary-pl lemmatiser', base: lemmatiserBase(createPolishLemmatizer(npmData)) },
    { name: 'hunspell-pl lemmatiser', base: lemmatiserBase(createPolishLemmatizer(debianData)) },
    { name: 'entity rules today (dictionary-pl)', base: today },
    { name: 'PoliMorf, else entity rules', base: (m) => polimorfBase(pl, m) ?? today(m) },
  ];
  console.log(`Data: ${data} (${docs.length} documents)\n`);
  console.log(compare(docs, dictionaries, formers));
  // Three fresh processes per dictionary, the median load time (this machine is shared and noisy).
  const rows = ['polimorf', 'dictionary-pl', 'hunspell-pl'].map((w) => {
    const runs = [0, 1, 2].map(() => footprint(w, hunspellDir).split('\t')).sort((a, b) => parseFloat(a[0]!) - parseFloat(b[0]!));
    return [w, ...runs[1]!];
  });
  console.log('\n### Load time and memory (median of 3 fresh processes; JS heap and buffers retained after GC)\n');
  console.log(table(['load', 'retained'], rows.map(([label, ...values]) => ({ label: label!, values }))));
}

await main();
