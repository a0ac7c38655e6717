// Which running gopls belongs to the session being diagnosed. A tester's report called another
// user's gopls, for an unrelated module in a 150 MiB cgroup, "the memory limit of gopls" of their own
// workspace, and a root gopls serving another folder did the same: every gopls of the uid (or, by
// name, of anyone) was taken for the editor's. The session is: the gopls this process started (the
// doctor's own, or in the editor the extension host's, both its descendants), and a gopls of the same
// uid whose workspace, as /proc shows it, is a diagnosed folder or contains one. Any other gopls
// is listed among what a probe saw, never made a finding of this workspace's (not even a note).
import path from 'node:path';
import type { Host } from '../host/host.js';
import { forEachSliced } from '../host/timeSlice.js';
import { logfileFromFlags } from '../goplsLog/discover.js';
import type { ProcessEntry } from '../procfs/procs.js';

/** A gopls's open files are read this far: it keeps a handful (its log, pipes, the cache's files). */
const MAX_FDS = 256;

/** What /proc shows of one gopls, as far as it could be read. */
export interface GoplsProcess {
  pid: number;
  uid?: number;
  euid?: number;
  /** /proc/PID/cwd: an editor starts gopls in the (first) workspace folder. */
  cwd?: string;
  /** /proc/PID/cmdline, argv[0] included. */
  args?: readonly string[];
  /** /proc/PID/fd targets. */
  openFiles?: readonly string[];
  /** The working directories of its children: gopls runs `go list` in each view's folder. */
  childCwds?: readonly string[];
}

export interface SessionScope {
  uid: number;
  /** The diagnosed folders, each as given and as resolved (a symlinked workspace has both). */
  workspaces: readonly string[];
  /** This process's descendants: the doctor's own gopls, and in the editor the extension host's. */
  descendants: ReadonlySet<number>;
}

export type Membership =
  | { belongs: true; why: string }
  | { belongs: false; reason: 'other-user' | 'other-workspace' | 'unknown-workspace'; why: string };

/** Is `p` the folder `dir` or inside it? Both absolute and normalized. */
function within(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

/**
 * Whether one gopls is part of the diagnosed session, and why. The working folder counts when it is
 * a workspace or contains one ("/" contains everything and says nothing); a file (an argument, the
 * -logfile, an open file) counts when it is inside a workspace. Pure.
 */
export function goplsMembership(p: GoplsProcess, scope: SessionScope): Membership {
  if (scope.descendants.has(p.pid)) return { belongs: true, why: 'started by this editor/doctor process' };
  if (p.uid !== scope.uid && p.euid !== scope.uid) return { belongs: false, reason: 'other-user', why: `runs as uid ${p.uid ?? p.euid ?? '?'}` };
  const ws = scope.workspaces.map((w) => path.posix.normalize(w));
  const folders = [p.cwd, ...(p.childCwds ?? [])].filter((d): d is string => d !== undefined && d !== '/').map((d) => path.posix.normalize(d));
  for (const d of folders) {
    const w = ws.find((x) => within(x, d));
    if (w) return { belongs: true, why: d === w ? `works in ${w}` : `works in ${d}, which holds ${w}` };
  }
  const base = p.cwd ?? '/';
  // argv[0] is the binary: a gopls installed inside the workspace is not working on it.
  const logfile = p.args ? logfileFromFlags(p.args.slice(1)) : undefined;
  const argPaths = (p.args ?? []).slice(1).filter((a) => a.includes('/') && !a.startsWith('-'));
  const files = [...(logfile && logfile !== 'auto' ? [logfile] : []), ...argPaths, ...(p.openFiles ?? [])]
    .filter((f) => !f.includes(':[') && !f.startsWith('anon_inode:'))
    .map((f) => path.posix.resolve(base, f));
  for (const f of files) {
    const w = ws.find((x) => within(f, x));
    if (w) return { belongs: true, why: `names ${f}, in ${w}` };
  }
  if (p.cwd === undefined && !files.length) return { belongs: false, reason: 'unknown-workspace', why: 'its working folder could not be read' };
  return { belongs: false, reason: 'other-workspace', why: `works in ${p.cwd ?? 'an unknown folder'}` };
}

/** Every pid descended from `root` in the process table. Pure. */
export function descendantsOf(processes: readonly ProcessEntry[], root: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const p of processes) if (p.ppid !== undefined) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const out = new Set<number>();
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.shift()!;
    if (out.has(pid) || pid === root) continue;
    out.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * What /proc shows of a gopls whose membership is not already settled by its parentage or its uid:
 * only those are read (another user's descriptors are not readable anyway). Synchronous reads in
 * time slices (host.ts says why).
 */
export async function readGoplsProcesses(host: Host, gopls: readonly ProcessEntry[], table: readonly ProcessEntry[], scope: Omit<SessionScope, 'workspaces'>): Promise<GoplsProcess[]> {
  const out: GoplsProcess[] = [];
  await forEachSliced(gopls, (e) => {
    const p: GoplsProcess = { pid: e.pid, ...(e.uid !== undefined ? { uid: e.uid } : {}), ...(e.euid !== undefined ? { euid: e.euid } : {}) };
    out.push(p);
    if (scope.descendants.has(e.pid) || (e.uid !== scope.uid && e.euid !== scope.uid)) return;
    const cwd = host.readlinkSync(`/proc/${e.pid}/cwd`);
    if (cwd !== undefined) p.cwd = cwd;
    const cmdline = host.readTextSync(`/proc/${e.pid}/cmdline`, 64 * 1024);
    if (cmdline !== undefined) {
      const args = cmdline.split('\0');
      if (args.at(-1) === '') args.pop();
      p.args = args;
    }
    const fds = host.listSync(`/proc/${e.pid}/fd`);
    if (fds) p.openFiles = fds.slice(0, MAX_FDS).flatMap((fd) => host.readlinkSync(`/proc/${e.pid}/fd/${fd}`) ?? []);
    const kids = table.filter((c) => c.ppid === e.pid).flatMap((c) => host.readlinkSync(`/proc/${c.pid}/cwd`) ?? []);
    if (kids.length) p.childCwds = kids;
  });
  return out;
}
