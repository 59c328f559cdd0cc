// Reads process facts from Linux's /proc: which processes a pid started, and how much memory they hold.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  command: string;
  /** Resident set size in MiB (VmRSS). */
  rssMiB: number;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended meanwhile
  }
}

const statFields = (pid: number): string[] | null => {
  const stat = read(`/proc/${pid}/stat`);
  // Fields after the command (field 2, which may contain spaces): index 0 is field 3 (state).
  return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
};

export function processInfo(pid: number): ProcessInfo | null {
  const status = read(`/proc/${pid}/status`);
  const cmdline = read(`/proc/${pid}/cmdline`);
  if (status === null || cmdline === null) return null;
  const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  return { pid, command: cmdline.split('\0').filter(Boolean).join(' '), rssMiB: kib / 1024 };
}

/** The direct children of a process. */
export function childrenOf(parent: number): ProcessInfo[] {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    // Field 4 of /proc/<pid>/stat is the parent pid.
    .filter((pid) => Number(statFields(pid)?.[1]) === parent);
  return pids.map(processInfo).filter((p): p is ProcessInfo => p !== null);
}

/** All processes below a pid (children, their children, …). */
export function descendantsOf(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const parent = Number(statFields(Number(name))?.[1]);
    if (!parents.has(parent)) parents.set(parent, []);
    parents.get(parent)!.push(Number(name));
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const child of parents.get(pid) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU milliseconds a process has used (utime + stime); with `withChildren`, also what its ended
 * children used (cutime + cstime), as PostgreSQL's finished backends count towards the postmaster.
 */
export function cpuMs(pid: number, withChildren = false): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  // utime, stime, cutime, cstime are fields 14–17 (indexes 11–14 here).
  const ticks = Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Peak resident set size in MiB (VmHWM) over the process's life. */
export function peakRssMiB(pid: number): number {
  const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? '')?.[1] ?? 0);
  return kib / 1024;
}
