/**
 * Where a process's time goes, from Linux's /proc, for benchmarks on a shared machine: CPU time
 * (all threads, and the main thread alone) and the main thread's wait for a core (schedstat's
 * run-queue delay). Wall time minus the main thread's running and waiting is when it had nothing
 * to do (awaiting the database, a timer, a notification) — the figure that says whether a worker
 * is starved by other load or idle by design. A process tree's CPU adds its live descendants and
 * the children it has reaped (a PostgreSQL server's ended backends).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux). */
const TICK_S = 0.01;

interface Stat {
  readonly ppid: number;
  /** utime + stime, seconds. */
  readonly cpu: number;
  /** cutime + cstime: reaped children, seconds. */
  readonly reaped: number;
}

function readStat(path: string): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // gone meanwhile
  }
  // The command name may hold spaces and parentheses: fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const n = (i: number) => Number(fields[i - 3]);
  return { ppid: n(4), cpu: (n(14) + n(15)) * TICK_S, reaped: (n(16) + n(17)) * TICK_S };
}

/** A moment's reading of one process. */
export interface ProcessSample {
  readonly at: number;
  /** CPU seconds of every thread. */
  readonly cpu: number;
  /** CPU seconds of the main thread. */
  readonly mainCpu: number;
  /** Seconds the main thread was runnable but waited for a core. */
  readonly mainWait: number;
}

export function sampleProcess(pid: number): ProcessSample | undefined {
  const whole = readStat(`/proc/${pid}/stat`);
  const main = readStat(`/proc/${pid}/task/${pid}/stat`);
  if (!whole || !main) return undefined;
  let wait = 0;
  try {
    wait = Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
  } catch {
    // no schedstat (kernel without it): waiting counts as idle
  }
  return { at: performance.now(), cpu: whole.cpu, mainCpu: main.cpu, mainWait: wait };
}

/** Between two samples of a process: shares of the wall time. */
export interface ProcessUse {
  readonly wallS: number;
  readonly cpuS: number;
  /** CPU seconds per wall second, all threads (can exceed 1). */
  readonly utilisation: number;
  /** Main thread running / waiting for a core / idle, as shares of the wall time (sum 1). */
  readonly running: number;
  readonly waitingForCpu: number;
  readonly idle: number;
}

export function processUse(from: ProcessSample, to: ProcessSample): ProcessUse {
  const wallS = (to.at - from.at) / 1000;
  const running = Math.min(1, (to.mainCpu - from.mainCpu) / wallS);
  const waitingForCpu = Math.min(1 - running, (to.mainWait - from.mainWait) / wallS);
  return {
    wallS, cpuS: to.cpu - from.cpu, utilisation: (to.cpu - from.cpu) / wallS,
    running, waitingForCpu, idle: Math.max(0, 1 - running - waitingForCpu),
  };
}

/** CPU seconds of a process and all its descendants, live and reaped. */
export function treeCpu(root: number): number {
  const stats = new Map<number, Stat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(`/proc/${entry}/stat`);
    if (stat) stats.set(Number(entry), stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) {
    const list = children.get(stat.ppid);
    if (list) list.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const stat = stats.get(pid);
    if (!stat) continue;
    total += stat.cpu + stat.reaped;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}
