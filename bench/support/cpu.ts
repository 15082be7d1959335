import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time actually spent, from /proc (Linux): this process, the PostgreSQL server's processes, and optionally
 * another process with its children (the API and its workers). On a 2-core machine the sum of these per request/event bounds the throughput, which
 * separates "slow because it waits" from "slow because it burns CPU". Elsewhere the figures are simply absent.
 */
const TICK_MS = 10; // CLK_TCK = 100 on Linux

export interface CpuSnapshot {
  readonly self: number;
  /** CPU ms by postgres process id. */
  readonly postgres: ReadonlyMap<number, number> | null;
  readonly other: number | null;
}

function procTicks(pid: string | number): { comm: string; ms: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is field 3 (state): utime is field 14, stime field 15
    return { comm, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

function postgresProcesses(): Map<number, number> | null {
  try {
    const byPid = new Map<number, number>();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const p = procTicks(pid);
      if (p && (p.comm === 'postgres' || p.comm.startsWith('postgres:'))) byPid.set(Number(pid), p.ms);
    }
    return byPid;
  } catch {
    return null;
  }
}

/** A process and its descendants (the API's workers), as far as /proc lists their children. */
function processTreeMs(pid: number): number | null {
  const own = procTicks(pid);
  if (!own) return null;
  let ms = own.ms;
  try {
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean)) ms += processTreeMs(Number(child)) ?? 0;
  } catch {
    // no children file: count the process alone
  }
  return ms;
}

export function cpuSnapshot(otherPid?: number): CpuSnapshot {
  const u = process.cpuUsage();
  return {
    self: (u.user + u.system) / 1000,
    postgres: postgresProcesses(),
    other: otherPid ? processTreeMs(otherPid) : null,
  };
}

export interface CpuDelta {
  readonly self: number;
  readonly postgres: number | null;
  readonly other: number | null;
}

/**
 * What was used since `before`. PostgreSQL: per process, so that a session ending in between (its time leaves
 * /proc with it) does not make the sum go backwards; a process started in between counts whole.
 */
export function cpuSince(before: CpuSnapshot, otherPid?: number): CpuDelta {
  const now = cpuSnapshot(otherPid);
  let postgres: number | null = null;
  if (now.postgres && before.postgres) {
    postgres = 0;
    for (const [pid, ms] of now.postgres) postgres += Math.max(0, ms - (before.postgres.get(pid) ?? 0));
  }
  return {
    self: now.self - before.self,
    postgres,
    other: now.other !== null && before.other !== null ? now.other - before.other : null,
  };
}
