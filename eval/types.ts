/** The shape every eval suite (`eval/<name>.ts`, `export async function run(dataPath?)`) returns. */
export interface EvalResult {
  readonly suite: string;
  /** Set when the suite's data is absent: the run still succeeds. */
  readonly skipped?: string;
  /** Metric name → value (shares in [0, 1], or counts). */
  readonly metrics: Readonly<Record<string, number>>;
}

/** Where the shared development data lives when no path is given. */
export const DEFAULT_BSNLP_PATH = new URL('../../shared/data/bsnlp-pl-dev', import.meta.url).pathname;
