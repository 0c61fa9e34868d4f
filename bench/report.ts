/**
 * Shared benchmark plumbing: timing helpers and the Markdown record appended to
 * docs/BENCHMARKS.md (date, machine, figures, and a ratio against a baseline measured in the
 * same process, so numbers from different machines stay comparable).
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const BENCHMARKS_FILE = fileURLToPath(new URL('../docs/BENCHMARKS.md', import.meta.url));

export interface BenchRow {
  readonly name: string;
  /** Values already formatted for people, e.g. { 'articles/s': '812', 'MB/s': '3.1' }. */
  readonly figures: Readonly<Record<string, string>>;
}

export interface BenchReport {
  /** Short title, e.g. "ingest". */
  readonly suite: string;
  /** One paragraph: what was measured and how the input was built. */
  readonly method: string;
  readonly rows: readonly BenchRow[];
  /** Free-form notes: targets met or missed, the baseline ratio in words. */
  readonly notes?: readonly string[];
}

export function machineDescription(): string {
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** Milliseconds spent in `fn`, best of `repeat` runs (the least disturbed one). */
export async function timeBest(fn: () => unknown | Promise<unknown>, repeat = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function formatRate(count: number, ms: number): string {
  return Math.round((count * 1000) / ms).toLocaleString('en-US');
}

function toMarkdown(report: BenchReport): string {
  const columns = [...new Set(report.rows.flatMap((r) => Object.keys(r.figures)))];
  const lines = [
    `## ${report.suite} — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machineDescription()}`,
    '',
    report.method,
    '',
    `| case | ${columns.join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
    ...report.rows.map((r) => `| ${r.name} | ${columns.map((c) => r.figures[c] ?? '').join(' | ')} |`),
  ];
  if (report.notes?.length) lines.push('', ...report.notes.map((n) => `- ${n}`));
  return lines.join('\n') + '\n\n';
}

/** Print the report and append it to docs/BENCHMARKS.md (unless KRONIKA_BENCH_NO_WRITE is set). */
export function publish(report: BenchReport): void {
  const md = toMarkdown(report);
  process.stdout.write(md);
  if (process.env.KRONIKA_BENCH_NO_WRITE) return;
  if (!existsSync(BENCHMARKS_FILE)) {
    writeFileSync(BENCHMARKS_FILE, '# Benchmarks\n\nAppended by `npm run bench`; newest last.\n\n');
  }
  appendFileSync(BENCHMARKS_FILE, md);
}
