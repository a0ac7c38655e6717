// The e2e suite's view of the process table: children, descendants and their names, read from
// /proc of this machine (the suite drives a real code-server, so nothing here is re-rooted).
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

export interface ProcInfo {
  pid: number;
  ppid: number;
  /** /proc/PID/comm, the kernel's 15-character name. */
  comm: string;
  /** Session id: equal to pid for a session leader, e.g. a child spawned detached (setsid) as host/exec.ts does. */
  session: number;
  /** Empty once the process is exiting (its cmdline is gone before it becomes a zombie). */
  argv: string[];
}

/** Parses /proc/PID/stat; comm may hold spaces and parentheses, so split at the last ')'. */
export function parseStat(text: string): { pid: number; comm: string; state: string; ppid: number; session: number } | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  // After "(comm) ": state ppid pgrp session …
  const rest = text.slice(close + 2).split(' ');
  const pid = Number(text.slice(0, open).trim());
  const ppid = Number(rest[1]);
  const session = Number(rest[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid) || !Number.isInteger(session) || rest.length < 4) return undefined;
  return { pid, comm: text.slice(open + 1, close), state: rest[0] ?? '?', ppid, session };
}

export function procInfo(pid: number): ProcInfo | undefined {
  try {
    const stat = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    if (!stat || stat.state === 'Z') return undefined;
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (argv.at(-1) === '') argv.pop();
    return { pid, ppid: stat.ppid, comm: stat.comm, session: stat.session, argv };
  } catch {
    return undefined; // gone between listing and reading
  }
}

export function allProcs(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = procInfo(Number(name));
    if (p) out.push(p);
  }
  return out;
}

export function childrenOf(pid: number, procs = allProcs()): ProcInfo[] {
  return procs.filter((p) => p.ppid === pid);
}

export function descendantsOf(pid: number, procs = allProcs()): ProcInfo[] {
  const out: ProcInfo[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const c of procs) {
      if (c.ppid === parent) {
        out.push(c);
        queue.push(c.pid);
      }
    }
  }
  return out;
}

export function alive(pid: number): boolean {
  return procInfo(pid) !== undefined;
}

export function environOf(pid: number): Record<string, string> {
  try {
    const env: Record<string, string> = {};
    for (const kv of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
      const i = kv.indexOf('=');
      if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
    }
    return env;
  } catch {
    return {};
  }
}

export function exeBasename(pid: number): string {
  try {
    return readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, '').split('/').at(-1) ?? '';
  } catch {
    return '';
  }
}

/** The extension host(s) of a code-server tree: node processes started with --type=extensionHost. */
export function extensionHostsOf(codeServerPid: number, procs = allProcs()): ProcInfo[] {
  const hosts = descendantsOf(codeServerPid, procs).filter((p) => p.argv.includes('--type=extensionHost'));
  // A child caught between fork and exec still shows its parent's argv: not a host of its own.
  const pids = new Set(hosts.map((h) => h.pid));
  return hosts.filter((h) => !pids.has(h.ppid));
}

/** Kills the given pids (SIGKILL) and waits until they are gone. */
export async function killAndWait(pids: number[], timeoutMs = 10_000): Promise<number[]> {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  const deadline = Date.now() + timeoutMs;
  let left = pids.filter(alive);
  while (left.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    left = left.filter(alive);
  }
  return left;
}
