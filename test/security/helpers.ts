/** Runs the real CLI in this process (fast: no child process) and returns what it printed. */
export { kronikaHere as runInProcess, type CliRun } from '../cli/helpers.ts';
