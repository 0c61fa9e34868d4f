/** The shape every eval suite (`eval/<name>.ts`, `export async function run(dataPath?)`) returns. */
export interface EvalResult {
  readonly suite: string;
  /** Set when the suite's data is absent: the run still succeeds. */
  readonly skipped?: string;
  /** Metric name → value (shares in [0, 1], or counts). */
  readonly metrics: Readonly<Record<string, number>>;
}

/**
 * The shared development data folder (it holds bsnlp-pl-dev/): `npm run eval -- <folder>` sets
 * KRONIKA_DEV_DATA before any suite loads; otherwise ../shared/data beside the repository.
 */
export const DEV_DATA_ROOT = process.env.KRONIKA_DEV_DATA || new URL('../../shared/data', import.meta.url).pathname;

/** Where the BSNLP Polish development data lives when a suite is given no path. */
export const DEFAULT_BSNLP_PATH = `${DEV_DATA_ROOT.replace(/\/+$/, '')}/bsnlp-pl-dev`;
