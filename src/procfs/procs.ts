// The process table, read through a Host: which pids exist, who owns them, how many threads
// each has. Three probes need it (inotify holders, gopls cgroups, this user's task count), so
// one scan per run is a fact (facts/runFacts.ts processTable).
import type { Host } from '../host/host.js';
import { parseStatus } from './status.js';
import { forEachSliced } from '../host/timeSlice.js';

/** No real desktop has more; a fork bomb does, and then a partial count is still an answer. */
export const MAX_PIDS = 20_000;

export interface ProcessEntry {
  pid: number;
  name?: string;
  /** Real uid: the one RLIMIT_NPROC charges. */
  uid?: number;
  /** Effective uid: the one an inotify instance is charged to when it is created. */
  euid?: number;
  threads?: number;
  ppid?: number;
}

export interface ProcessTable {
  processes: ProcessEntry[];
  /** Pids listed in /proc (before the cap). */
  totalPids: number;
  truncated: boolean;
  /** Listed but gone or unreadable by the time status was read. */
  unreadable: number;
}

/** The path of a file of the process this host describes (/proc/self when live). */
export function procOf(host: Host, pid: number | 'self', rest: string): string {
  return `/proc/${pid === 'self' ? host.pid : pid}/${rest}`;
}

export async function listPids(host: Host, cap = MAX_PIDS): Promise<{ pids: number[]; total: number; truncated: boolean }> {
  const names = (await host.list('/proc')) ?? [];
  const all = names.filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  return { pids: all.slice(0, cap), total: all.length, truncated: all.length > cap };
}

/** Runs fn over items with at most `limit` in flight; keeps order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function scanProcesses(host: Host, cap = MAX_PIDS): Promise<ProcessTable> {
  const { pids, total, truncated } = await listPids(host, cap);
  let unreadable = 0;
  const processes: ProcessEntry[] = [];
  // Synchronous reads in time slices: one small status file per pid, from memory (host.ts).
  await forEachSliced(pids, (pid) => {
    const text = host.readTextSync(`/proc/${pid}/status`, 16 * 1024);
    if (text === undefined) {
      unreadable++;
      return;
    }
    const s = parseStatus(text);
    processes.push({ pid, name: s.name, uid: s.uids?.[0], euid: s.uids?.[1], threads: s.threads, ppid: s.ppid });
  });
  return { processes, totalPids: total, truncated, unreadable };
}

/**
 * The doctor's own processes in the table: `self` (unless it is the editor's extension host, which
 * stays) and every descendant of it that `isOurs` accepts (the probes' go and gopls, which carry the
 * run marker; the editor's own gopls, also a child of the extension host, does not). Counted as
 * "in use" they made a limit look spent by the very run that measured it (12 of 16 tasks were the
 * CLI's own threads, measured).
 */
export function ownTaskPids(processes: readonly ProcessEntry[], self: number, selfStays: boolean, isOurs: (pid: number) => boolean): Set<number> {
  const children = new Map<number, number[]>();
  for (const p of processes) {
    if (p.ppid === undefined) continue;
    const list = children.get(p.ppid) ?? [];
    list.push(p.pid);
    children.set(p.ppid, list);
  }
  const out = new Set<number>();
  if (!selfStays) out.add(self);
  const queue = [...(children.get(self) ?? [])];
  const seen = new Set<number>([self]);
  while (queue.length) {
    const pid = queue.shift()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    // A child that is not ours (the editor's gopls) takes its whole subtree with it.
    if (!isOurs(pid)) continue;
    out.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}
