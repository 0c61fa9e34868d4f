/**
 * Exit codes and the usage error, apart from context.ts so that the program (program.ts) can
 * load them without the store and the story engine context.ts brings in.
 */
export const EXIT_OK = 0;
export const EXIT_PARTIAL = 1;
export const EXIT_USAGE = 2;

/** A usage mistake the user can fix (bad id, bad flag value): printed as one line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
