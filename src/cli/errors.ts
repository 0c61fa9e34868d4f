/**
 * Exit codes and the errors that pick them, apart from context.ts so that the program
 * (program.ts) can load them without the store and the story engine context.ts brings in.
 */
export const EXIT_OK = 0;
/** Some inputs (or a stage, or a delivery) failed; everything else was done and stored. */
export const EXIT_PARTIAL = 1;
export const EXIT_USAGE = 2;
/** The story, article or watch asked for by id is not in the store. */
export const EXIT_NOT_FOUND = 3;

/** How the exit codes read in `kronika --help` and the README. */
export const EXIT_CODES_HELP =
  'Exit codes: 0 all good, 1 some inputs failed (the rest were stored) or the command failed, ' +
  '2 usage error (a bad flag or value), 3 not found (no story, article or watch with that id).';

/** A usage mistake the user can fix (bad flag value): printed as one line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An id that names nothing in the store: printed as one line, with a hint when there is one, exit 3. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** When this command began (performance.now()), for summaries that cover the whole command. */
let started = 0;

export function markCommandStart(): void {
  started = performance.now();
}

/** Milliseconds since the command began. */
export function commandElapsedMs(): number {
  return performance.now() - started;
}
