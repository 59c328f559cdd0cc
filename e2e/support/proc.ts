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
    .filter((pid) => {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command (field 2) may contain spaces, so split after ")".
      const stat = read(`/proc/${pid}/stat`);
      return stat !== null && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
    });
  return pids.map(processInfo).filter((p): p is ProcessInfo => p !== null);
}
