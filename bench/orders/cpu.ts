/**
 * CPU time spent per order, from /proc (Linux; zeros elsewhere): this process's main thread (the
 * Wayline server, or the raw-SQL client) and the PostgreSQL backends of the bench database. On a machine
 * shared with other work the throughputs move with the load; CPU milliseconds per order do not.
 */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
} catch {
  // Not a POSIX system: /proc is missing too, and every reading is 0.
}

/** utime + stime of a /proc stat file, in ms (the command name may hold spaces: fields follow its ')'). */
function statCpuMs(path: string): number {
  try {
    const text = fs.readFileSync(path, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** Busy and total CPU ms of the whole machine (all cores, /proc/stat), busy = all but idle and iowait. */
function machineMs(): { busy: number; total: number } {
  try {
    const first = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const total = first.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = first[3] + first[4];
    return { busy: ((total - idle) * 1000) / ticksPerSecond, total: (total * 1000) / ticksPerSecond };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export interface CpuSample {
  main: number;
  machine: { busy: number; total: number };
  /** CPU ms by PostgreSQL process id. */
  postgres: Map<string, number>;
}

/** `database`: count only the backends connected to it (other work may use the same server). */
export function cpuSample(database: string): CpuSample {
  const postgres = new Map<string, number>();
  try {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
        // A backend's title: `postgres: [CLUSTER:] USER DATABASE HOST(PORT) STATE`.
        const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').split(' ');
        // Client backends only: autovacuum runs when it likes and would land on either side.
        if (title.includes(database) && !title.includes('autovacuum'))
          postgres.set(pid, statCpuMs(`/proc/${pid}/stat`));
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    // No /proc.
  }
  return { main: statCpuMs(`/proc/self/task/${process.pid}/stat`), postgres, machine: machineMs() };
}

/** CPU ms used since `from` (a backend that ended meanwhile takes its time with it: an undercount). */
export function cpuSince(
  database: string,
  from: CpuSample,
): { main: number; postgres: number; machineBusy: number; machineTotal: number } {
  const now = cpuSample(database);
  let postgres = 0;
  for (const [pid, ms] of now.postgres) postgres += ms - (from.postgres.get(pid) ?? 0);
  return {
    main: now.main - from.main,
    postgres,
    machineBusy: now.machine.busy - from.machine.busy,
    machineTotal: now.machine.total - from.machine.total,
  };
}
