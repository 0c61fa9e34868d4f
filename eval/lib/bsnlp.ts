/**
 * Loader for the BSNLP / SlavicNER Polish data (see the data folder's README and SOURCE.md):
 * `raw/<topic>/pl/<file>.txt` (first line = title, offsets index the WHOLE file text),
 * `ner/<topic>/pl/<file>.tsv` (start, end, surface, base form, type, entity id) and
 * `metadata.tsv` (topic, file, doc id, language, date, url). Shared by every eval suite that
 * needs real Polish news; it never copies the data anywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType, Published } from '../../src/types.ts';

export interface BsnlpMention {
  /** Character offsets into `BsnlpDoc.text` (the whole file, title line included). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Gold nominative base form ("lemma" in BSNLP terms). */
  readonly base: string;
  readonly type: EntityType;
  /** Cross-lingual entity id, e.g. `GPE-Poland`, `PER-Theresa-May`. */
  readonly entity: string;
}

export interface BsnlpDoc {
  readonly topic: string;
  /** The raw file name, e.g. `brexit_pl.txt_file_12.txt`. */
  readonly file: string;
  readonly title: string;
  /** The whole raw file text: title line, blank line, body. */
  readonly text: string;
  readonly published?: Published;
  readonly url?: string;
  readonly mentions: readonly BsnlpMention[];
}

const TYPES: ReadonlySet<string> = new Set(['PER', 'ORG', 'LOC', 'EVT', 'PRO']);
/** metadata.tsv uses 1970-01-01 as "unknown" for 5 files (SOURCE.md). */
const DUMMY_DATE = '1970-01-01';

/** True when `path` looks like the BSNLP folder (has raw/ and ner/). */
export function hasBsnlp(path: string): boolean {
  return existsSync(join(path, 'raw')) && existsSync(join(path, 'ner'));
}

/**
 * Load every Polish document with its gold mentions, sorted by topic then file.
 * Throws if a gold span does not match the raw text, so offset bugs surface at once.
 * @example const docs = loadBsnlp(DEFAULT_BSNLP_PATH); docs[0].mentions[0].base
 */
export function loadBsnlp(path: string, opts: { topics?: readonly string[] } = {}): BsnlpDoc[] {
  const meta = readMetadata(join(path, 'metadata.tsv'));
  const docs: BsnlpDoc[] = [];
  for (const topic of readdirSync(join(path, 'raw')).sort()) {
    if (opts.topics && !opts.topics.includes(topic)) continue;
    const rawDir = join(path, 'raw', topic, 'pl');
    if (!existsSync(rawDir)) continue;
    for (const file of readdirSync(rawDir).filter((f) => f.endsWith('.txt')).sort(byNumber)) {
      const text = readFileSync(join(rawDir, file), 'utf8');
      const nerFile = join(path, 'ner', topic, 'pl', file.replace(/\.txt$/, '.tsv'));
      const mentions = existsSync(nerFile) ? parseMentions(readFileSync(nerFile, 'utf8'), text, nerFile) : [];
      const m = meta.get(`${topic}/${file}`);
      const newline = text.indexOf('\n');
      docs.push({
        topic,
        file,
        title: (newline < 0 ? text : text.slice(0, newline)).trim(),
        text,
        ...(m?.date && m.date !== DUMMY_DATE ? { published: { value: m.date, precision: 'day' as const } } : {}),
        ...(m?.url ? { url: m.url } : {}),
        mentions,
      });
    }
  }
  return docs;
}

function parseMentions(tsv: string, text: string, where: string): BsnlpMention[] {
  const out: BsnlpMention[] = [];
  for (const line of tsv.split('\n')) {
    if (!line.trim()) continue;
    const [s, e, surface, base, type, entity] = line.split('\t');
    const start = Number(s);
    const end = Number(e);
    if (!TYPES.has(type ?? '')) throw new Error(`${where}: unknown type ${type}`);
    if (text.slice(start, end) !== surface) throw new Error(`${where}: span ${start}-${end} is not "${surface}"`);
    out.push({ start, end, text: surface!, base: base!, type: type as EntityType, entity: entity! });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function readMetadata(file: string): Map<string, { date?: string; url?: string }> {
  const map = new Map<string, { date?: string; url?: string }>();
  if (!existsSync(file)) return map;
  const [, ...rows] = readFileSync(file, 'utf8').split('\n');
  for (const row of rows) {
    const [topic, name, , , date, url] = row.split('\t');
    if (!topic || !name) continue;
    map.set(`${topic}/${name}`, { ...(date ? { date } : {}), ...(url ? { url } : {}) });
  }
  return map;
}

/** `..._file_2.txt` before `..._file_10.txt`. */
function byNumber(a: string, b: string): number {
  const na = Number(/(\d+)\.txt$/.exec(a)?.[1] ?? 0);
  const nb = Number(/(\d+)\.txt$/.exec(b)?.[1] ?? 0);
  return na - nb || a.localeCompare(b);
}
