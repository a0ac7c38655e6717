// inotify watches and instances of this user against fs.inotify.max_user_watches and
// max_user_instances. The kernel keeps the per-user count private, so it is rebuilt from every
// own process's inotify fds: an fd whose link is anon_inode:inotify is one instance, and each
// "inotify wd:" line in its fdinfo is one watch. Only those fds' fdinfo is read (the costly part).
import { readSysctlFiles, type SysctlFile } from '../procfs/sysctlFiles.js';
import path from 'node:path';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import type { Host } from '../host/host.js';
import { devMajorMinor, inotifyWatchLines, isInotifyLink, watchedInode } from '../procfs/fdinfo.js';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { parseSysctlInt } from '../procfs/limits.js';
import { mapLimit, type ProcessEntry } from '../procfs/procs.js';
import { INOTIFY_INSTANCES_DOCS, INOTIFY_LIMITS, INOTIFY_VSCODE_DOCS, raiseInotifyLimitFix, RECOMMENDED_INSTANCES, RECOMMENDED_QUEUED_EVENTS, RECOMMENDED_WATCHES, watcherExcludeFix } from '../fixes/catalog.js';
import { walkDirs } from '../host/walk.js';
import { watcherExcludeMatcher, watcherExcludePatterns } from '../facts/watcherExclude.js';
import { forEachSliced } from '../host/timeSlice.js';

const WATCHES_FILE = INOTIFY_LIMITS.watches.file;
const INSTANCES_FILE = INOTIFY_LIMITS.instances.file;
const QUEUE_FILE = INOTIFY_LIMITS.queued_events.file;
/**
 * A queue shorter than this overflows on an ordinary burst: a git checkout or go mod vendor that
 * rewrites a thousand files queues a few events for each (IN_MODIFY, IN_CLOSE_WRITE, IN_MOVED_TO…)
 * before the watcher reads them. The kernel's default is 16384; below a quarter of it someone lowered it.
 */
const FEW_QUEUED_EVENTS = 4096;
const ERROR_RATIO = 0.9;
const WARN_RATIO = 0.75;
/** Below this default-ish ceiling, a large workspace alone can use up the watches: the folders are counted. */
const LOW_MAX_WATCHES = 65536;
/**
 * Instances one editor window opens on its own: code-server's server, file watcher and extension
 * host held 5 + 2 + 2 in coder's measurement (coder/docs#183), VS Code's fileWatcher 2 and a
 * language server's own watcher more (dotnet/vscode-csharp#3284). With fewer free, opening a
 * window or starting a watcher is what fails, with EMFILE, even though nothing is exhausted now.
 */
const EDITOR_INSTANCES = 8;
/** Fewer free watches than this, and a workspace's folder count matters. */
const FEW_FREE_WATCHES = 50_000;
/** A process with more fds than this is not looked at further (its inotify fds come first rarely). */
const MAX_FDS_PER_PROCESS = 65536;
const MAX_WALK_DIRS = 200_000;
/** Folders that are safe to keep out of the editor's watcher: nobody edits them by hand. */
const EXCLUDABLE = new Set(['node_modules', 'bazel-bin', 'bazel-out', 'bazel-testlogs', '.direnv', '.venv', '__pycache__', '.terraform', '.tox']);

export interface InotifyHolder {
  pid: number;
  name: string;
  instances: number;
  watches: number;
  /** One fdinfo file that was read, for evidence. */
  fdinfo: string;
}

/** A folder whose own inode some instance watches: a watcher (the editor's) already covers that tree. */
export interface WatchedRoot {
  root: string;
  /** Who watches it, and how many watches that instance holds (about one per folder below it). */
  pid: number;
  name: string;
  watches: number;
}

export interface InotifyUsage {
  watches: number;
  instances: number;
  /** Holders with at least one instance, most watches first. */
  holders: InotifyHolder[];
  processesScanned: number;
  fdsLooked: number;
  /** Inotify fds that were another fd's instance (a dup, or inherited by a child), counted once. */
  sharedFds?: number;
  /** Roots (asked for by inode) that an instance watches. */
  watchedRoots?: WatchedRoot[];
}

/** A folder to look for among the watched inodes: its path, st_dev as major:minor, its inode. */
export interface RootInode {
  root: string;
  major: number;
  minor: number;
  ino: bigint;
}

/** Each folder's inode, for countInotify's watchedRoots; a folder that cannot be stat'ed is left out. */
export async function rootInodes(roots: readonly string[]): Promise<RootInode[]> {
  const out: RootInode[] = [];
  for (const root of roots) {
    const st = await fs.stat(root, { bigint: true }).catch(() => undefined);
    if (st?.isDirectory()) out.push({ root, ...devMajorMinor(st.dev), ino: st.ino });
  }
  return out;
}

/** Is `a` `b` or one of its ancestors (by ppid), or `b` one of `a`'s? */
function related(a: number, b: number, ppid: ReadonlyMap<number, number | undefined>): boolean {
  const upFrom = (x: number, y: number) => {
    for (let p: number | undefined = x, n = 0; p !== undefined && n < 64; p = ppid.get(p), n++) if (p === y) return true;
    return false;
  };
  return upFrom(a, b) || upFrom(b, a);
}

/** Counts the inotify instances and watches held by these processes, through the host. */
export async function countInotify(host: Host, processes: readonly ProcessEntry[], roots: readonly RootInode[] = []): Promise<InotifyUsage> {
  let fdsLooked = 0;
  // Every fd of every process is a readlink (hundreds to thousands): synchronous, in time slices
  // of single fds (host.ts says why). Only the few inotify fds' fdinfo, which can be megabytes,
  // is read async.
  const found = new Map<ProcessEntry, string[]>();
  function* everyFd(): Generator<{ p: ProcessEntry; fd: string }> {
    for (const p of processes) {
      const fds = host.listSync(`/proc/${p.pid}/fd`)?.slice(0, MAX_FDS_PER_PROCESS) ?? [];
      fdsLooked += fds.length;
      for (const fd of fds) yield { p, fd };
    }
  }
  await forEachSliced(everyFd(), ({ p, fd }) => {
    if (!isInotifyLink(host.readlinkSync(`/proc/${p.pid}/fd/${fd}`))) return;
    const fds = found.get(p);
    if (fds) fds.push(fd);
    else found.set(p, [fd]);
  });
  const wanted = new Map(roots.map((r) => [`${r.major}:${r.minor}:${r.ino}`, r.root]));
  const perFd = (
    await mapLimit([...found], 16, async ([p, inotifyFds]) => {
      const out: Array<{ p: ProcessEntry; fd: string; watches: number; print?: string; roots: string[] }> = [];
      for (const fd of inotifyFds) {
        const info = await host.readText(`/proc/${p.pid}/fdinfo/${fd}`, 16 * 1024 * 1024);
        const lines = info === undefined ? [] : inotifyWatchLines(info);
        const rootsHere: string[] = [];
        if (wanted.size)
          for (const l of lines) {
            const w = watchedInode(l);
            const r = w && wanted.get(`${w.major}:${w.minor}:${w.ino}`);
            if (r && !rootsHere.includes(r)) rootsHere.push(r);
          }
        out.push({ p, fd, watches: lines.length, print: lines.length ? createHash('sha1').update(lines.join('\n')).digest('hex') : undefined, roots: rootsHere });
      }
      return out;
    })
  ).flat();
  // One instance is charged once, however many fds name it: a process that dup()s its inotify fd,
  // or a child that inherits one (no O_CLOEXEC), lists the same watch lines, wd for wd (a tester's
  // forked holder of 3000 watches was counted as 9000, and "new watches fail" was an error while a
  // new process could still add 6,900). Two instances of related processes that watch the same
  // inodes with the same masks under the same numbers are taken for one; unrelated processes'
  // never are.
  const ppid = new Map(processes.map((p) => [p.pid, p.ppid]));
  const seen = new Map<string, number[]>();
  const byPid = new Map<number, InotifyHolder>();
  const watchedRoots: WatchedRoot[] = [];
  let sharedFds = 0;
  for (const f of perFd) {
    const earlier = f.print ? seen.get(f.print) : undefined;
    if (earlier?.some((pid) => related(pid, f.p.pid, ppid))) {
      sharedFds++;
      continue;
    }
    if (f.print) seen.set(f.print, [...(earlier ?? []), f.p.pid]);
    const h = byPid.get(f.p.pid) ?? { pid: f.p.pid, name: f.p.name ?? '?', instances: 0, watches: 0, fdinfo: `/proc/${f.p.pid}/fdinfo/${f.fd}` };
    h.instances++;
    h.watches += f.watches;
    byPid.set(f.p.pid, h);
    for (const root of f.roots) watchedRoots.push({ root, pid: f.p.pid, name: f.p.name ?? '?', watches: f.watches });
  }
  const holders = [...byPid.values()].sort((a, b) => b.watches - a.watches || b.instances - a.instances || a.pid - b.pid);
  return {
    watches: holders.reduce((n, h) => n + h.watches, 0),
    instances: holders.reduce((n, h) => n + h.instances, 0),
    holders,
    processesScanned: processes.length,
    fdsLooked,
    ...(sharedFds ? { sharedFds } : {}),
    ...(roots.length ? { watchedRoots } : {}),
  };
}

export interface WorkspaceDirs {
  root: string;
  dirs: number;
  truncated: boolean;
  /** Directories under excludable folders ("node_modules" → 1935), wherever they sit. */
  excludable: Record<string, number>;
  /** Folders not counted because files.watcherExclude leaves them out (the first one's pattern named). */
  excluded?: { dirs: number; patterns: string[] };
}

/**
 * Counts directories under a workspace that the editor's watcher watches: every one of them (each
 * costs a watch, hidden and vendored ones too) but those files.watcherExclude leaves out, and those
 * under folders nobody edits by hand.
 */
export async function countWorkspaceDirs(root: string, deadline: number, maxDirs = MAX_WALK_DIRS, excludes: readonly string[] = []): Promise<WorkspaceDirs> {
  const out: WorkspaceDirs = { root, dirs: 0, truncated: false, excludable: {} };
  const excluded = watcherExcludeMatcher(root, excludes);
  const hit = new Set<string>();
  let skipped = 0;
  const walk = await walkDirs(
    [root],
    {
      maxDirs,
      deadline,
      enter: (_name, full) => {
        const p = excluded(full);
        if (!p) return true;
        skipped++;
        hit.add(p);
        return false;
      },
    },
    (dir) => {
      const under = path.relative(root, dir).split(path.sep).find((n) => EXCLUDABLE.has(n));
      if (under) out.excludable[under] = (out.excludable[under] ?? 0) + 1;
    },
  );
  out.dirs = walk.dirs;
  out.truncated = walk.truncated !== undefined;
  if (skipped) out.excluded = { dirs: skipped, patterns: [...hit] };
  return out;
}

function watcherExclude(workspaces: readonly WorkspaceDirs[]): Fix | undefined {
  const counts = new Map<string, number>();
  for (const w of workspaces) for (const [name, n] of Object.entries(w.excludable)) counts.set(name, (counts.get(name) ?? 0) + n);
  const total = workspaces.reduce((n, w) => n + w.dirs, 0);
  const heavy = [...counts.entries()].filter(([, n]) => n >= 1000 || (total > 0 && n / total >= 0.2)).sort((a, b) => b[1] - a[1]);
  if (heavy.length === 0) return undefined;
  return watcherExcludeFix(heavy);
}

function nextWatchTarget(needed: number): number {
  let v = RECOMMENDED_WATCHES;
  while (v < needed * 2) v *= 2;
  return v;
}

function holdersText(holders: readonly InotifyHolder[], n = 5): string {
  return holders
    .slice(0, n)
    .map((h) => `${h.name} (pid ${h.pid}) ${h.watches} watch${h.watches === 1 ? '' : 'es'} in ${h.instances} instance${h.instances === 1 ? '' : 's'}`)
    .join(', ');
}

function holderEvidence(holders: readonly InotifyHolder[], n = 3): Evidence[] {
  return holders.slice(0, n).map((h) => ({ source: `/proc/${h.pid}/fdinfo`, excerpt: `${h.name} (pid ${h.pid}): ${h.instances} fd(s) -> anon_inode:inotify, ${h.watches} "inotify wd:" line(s), e.g. ${h.fdinfo}` }));
}

export function inotifyFindings(input: {
  maxWatches: number;
  maxInstances: number | undefined;
  usage: InotifyUsage;
  uid: number;
  workspaces: readonly WorkspaceDirs[];
  /** The sysctl.d files, so the fix's file is read after any that sets the key too. */
  sysctlFiles?: readonly SysctlFile[];
  /** Workspace roots an instance already watches (countInotify). */
  watchedRoots?: readonly WatchedRoot[];
  /** fs.inotify.max_queued_events. */
  maxQueuedEvents?: number;
}): FindingInput[] {
  const { maxWatches, maxInstances, usage, workspaces, sysctlFiles } = input;
  const out: FindingInput[] = [];
  const exclude = watcherExclude(workspaces);
  const wsDirs = workspaces.reduce((n, w) => n + w.dirs, 0);
  const watchFixes = (needed: number): Fix[] => [raiseInotifyLimitFix('watches', nextWatchTarget(needed), sysctlFiles), ...(exclude ? [exclude] : []), INOTIFY_VSCODE_DOCS];
  const watchesEvidence: Evidence = { source: WATCHES_FILE, excerpt: String(maxWatches) };
  const wRatio = maxWatches > 0 ? usage.watches / maxWatches : 1;
  if (wRatio >= WARN_RATIO) {
    const error = wRatio >= ERROR_RATIO;
    out.push({
      classId: 'file-watch',
      severity: error ? 'error' : 'warning',
      confidence: error ? 0.85 : 0.6,
      message: `uid ${input.uid} holds ${usage.watches} of ${maxWatches} inotify watches (${Math.round(wRatio * 100)}%)${error ? ': new watches fail with ENOSPC, so changes to go.mod and new files go unnoticed' : ': a little more and new watches fail with ENOSPC'}. Top holders: ${holdersText(usage.holders)}.`,
      evidence: [watchesEvidence, ...holderEvidence(usage.holders)],
      fixes: watchFixes(usage.watches + wsDirs),
    });
  }
  if (maxInstances !== undefined) {
    const iRatio = maxInstances > 0 ? usage.instances / maxInstances : 1;
    if (iRatio >= WARN_RATIO) {
      const error = iRatio >= ERROR_RATIO;
      const byInstances = [...usage.holders].sort((a, b) => b.instances - a.instances);
      out.push({
        classId: 'file-watch',
        severity: error ? 'error' : 'warning',
        confidence: error ? 0.8 : 0.55,
        message: `uid ${input.uid} holds ${usage.instances} of ${maxInstances} inotify instances (${Math.round(iRatio * 100)}%)${error ? ': a new watcher fails with EMFILE ("too many open files") even with watches to spare' : ''}. Top holders: ${holdersText(byInstances)}.`,
        headline: 'inotify-instances',
        evidence: [{ source: INSTANCES_FILE, excerpt: String(maxInstances) }, ...holderEvidence(byInstances)],
        fixes: [raiseInotifyLimitFix('instances', Math.max(RECOMMENDED_INSTANCES, usage.instances * 2), sysctlFiles), INOTIFY_INSTANCES_DOCS],
      });
    } else if (maxInstances - usage.instances < EDITOR_INSTANCES) {
      // Latent: judged against what an editor will open, not only against what is held now.
      out.push({
        classId: 'file-watch',
        severity: 'warning',
        confidence: 0.5,
        message: `fs.inotify.max_user_instances is ${maxInstances} and uid ${input.uid} already holds ${usage.instances}: only ${Math.max(0, maxInstances - usage.instances)} free, fewer than one editor window opens (its server, file watcher and extension host take about ${EDITOR_INSTANCES}). The next window or watcher fails with EMFILE ("too many open files") and file changes go unnoticed.`,
        headline: 'inotify-instances',
        evidence: [{ source: INSTANCES_FILE, excerpt: String(maxInstances) }],
        fixes: [raiseInotifyLimitFix('instances', RECOMMENDED_INSTANCES, sysctlFiles), INOTIFY_INSTANCES_DOCS],
      });
    }
  }
  if (input.maxQueuedEvents !== undefined && input.maxQueuedEvents < FEW_QUEUED_EVENTS) {
    out.push({
      classId: 'file-watch',
      headline: 'inotify-queue',
      severity: 'warning',
      confidence: 0.5,
      message: `fs.inotify.max_queued_events is ${input.maxQueuedEvents} (the kernel's default is 16384): a burst of changes longer than that (a git checkout, go mod vendor, a build writing many files) overflows a watcher's queue, the events past it are dropped, and the editor and gopls can miss changes to go.mod and new files until a rescan.`,
      evidence: [{ source: QUEUE_FILE, excerpt: String(input.maxQueuedEvents) }],
      fixes: [raiseInotifyLimitFix('queued_events', RECOMMENDED_QUEUED_EVENTS, sysctlFiles)],
    });
  }
  const largest = [...workspaces].sort((a, b) => b.dirs - a.dirs)[0];
  if (largest && wRatio < WARN_RATIO) {
    // A tree another instance already watches (the editor's own watcher, when the doctor runs in the
    // editor) costs no new watches: its folders were counted as in use, and asking for them again
    // warned that a workspace the editor was watching fine did not fit (a tester's).
    const covered = (input.watchedRoots ?? []).filter((r) => workspaces.some((w) => w.root === r.root));
    const already = workspaces.reduce((n, w) => n + Math.min(w.dirs, Math.max(0, ...covered.filter((r) => r.root === w.root).map((r) => r.watches))), 0);
    const more = Math.max(0, wsDirs - already);
    const after = usage.watches + more;
    const plus = largest.truncated ? '+' : '';
    const coveredText = already ? ` (of its ${wsDirs}${plus} folders, about ${already} are already watched by ${covered.map((r) => `${r.name} (pid ${r.pid})`).join(', ')})` : '';
    const evidence: Evidence[] = [watchesEvidence, ...workspaces.map((w) => ({ source: w.root, excerpt: `${w.dirs}${w.truncated ? '+' : ''} directories${w.excluded ? `, besides ${w.excluded.dirs} files.watcherExclude leaves out (${w.excluded.patterns.slice(0, 3).join(', ')})` : ''}` })), ...holderEvidence(usage.holders, 1)];
    if (more > 0 && after > maxWatches) {
      out.push({
        classId: 'file-watch',
        headline: 'watches-short',
        severity: 'warning',
        confidence: 0.45,
        message: `Watching the workspace takes up to ${more}${plus} more watches (one per folder)${coveredText}, but only ${Math.max(0, maxWatches - usage.watches)} of ${maxWatches} are free: the editor's watcher will fail with ENOSPC part-way, and changes in the folders it did not get to go unnoticed.`,
        evidence,
        fixes: watchFixes(after),
      });
    } else if (more > 0 && after / maxWatches >= WARN_RATIO) {
      // Latent, by the share the live count warns at: it fits, but leaves little for another window,
      // a bigger checkout or another watcher.
      out.push({
        classId: 'file-watch',
        headline: 'watches-short',
        severity: 'warning',
        confidence: 0.4,
        message: `Watching the workspace takes up to ${more}${plus} more watches (one per folder)${coveredText}: with the ${usage.watches} in use that is ${after} of ${maxWatches} (${Math.round((after / maxWatches) * 100)}%), leaving ${maxWatches - after} for a second window, a larger checkout or another watcher before new watches fail with ENOSPC.`,
        evidence,
        fixes: watchFixes(after),
      });
    }
  }
  return out;
}

export async function runInotify(ctx: ProbeContext): Promise<ProbeOutcome> {
  const { host } = ctx;
  if (host.platform !== 'linux') return skipped(`inotify exists only on Linux (platform ${host.platform})`);
  const maxWatches = parseSysctlInt(await host.readText(WATCHES_FILE));
  const maxInstances = parseSysctlInt(await host.readText(INSTANCES_FILE));
  const maxQueuedEvents = parseSysctlInt(await host.readText(QUEUE_FILE));
  if (maxWatches === undefined) return skipped(`${WATCHES_FILE} is not readable: the kernel has no inotify`);

  const table = await ctx.facts.processTable();
  // inotify charges the effective uid of the process that created the instance.
  const own = table.processes.filter((p) => (p.euid ?? p.uid) === host.uid);
  // The workspace folders by inode: an instance watching one already covers its tree (the editor's).
  const usage = await countInotify(host, own, host.live ? await rootInodes(ctx.workspaces) : []);
  const settings = ctx.workspaces.length ? await ctx.facts.editorSettings().catch(() => []) : [];
  const excludesOf = (w: string) => watcherExcludePatterns(settings, w, ctx.workspaces);

  // Walking a workspace is the slow part (one directory listing per folder): only when the
  // folder count can change the verdict or the fix.
  const free = maxWatches - usage.watches;
  const walkWhy = maxWatches < LOW_MAX_WATCHES ? 'low max' : free < FEW_FREE_WATCHES ? 'few watches free' : usage.watches / Math.max(1, maxWatches) >= WARN_RATIO ? 'watches near the max' : undefined;
  const walkDeadline = performance.now() + Math.min(1500, Math.max(100, ctx.remainingMs() / 2));
  const workspaces = walkWhy ? await Promise.all(ctx.workspaces.map((w) => countWorkspaceDirs(w, walkDeadline, MAX_WALK_DIRS, excludesOf(w)))) : [];

  const sysctlFiles = await readSysctlFiles(host);
  const findingsFor = (ws: readonly WorkspaceDirs[]) => inotifyFindings({ maxWatches, maxInstances, maxQueuedEvents, usage, uid: host.uid, workspaces: ws, sysctlFiles, ...(usage.watchedRoots ? { watchedRoots: usage.watchedRoots } : {}) });
  const findings = findingsFor(workspaces);
  const observed = {
    maxUserWatches: maxWatches,
    maxUserInstances: maxInstances,
    ...(maxQueuedEvents !== undefined ? { maxQueuedEvents } : {}),
    watchesInUse: usage.watches,
    instancesInUse: usage.instances,
    ...(usage.sharedFds ? { sharedInstanceFds: usage.sharedFds } : {}),
    ...(usage.watchedRoots?.length ? { workspacesWatched: usage.watchedRoots.map(({ root, pid, name, watches }) => ({ root, pid, name, watches })) } : {}),
    uid: host.uid,
    processesScanned: usage.processesScanned,
    processTableTruncated: table.truncated,
    topHolders: usage.holders.slice(0, 5).map(({ pid, name, watches, instances }) => ({ pid, name, watches, instances })),
  };
  const walked = (ws: readonly WorkspaceDirs[]) => ws.map((w) => ({ path: w.root, dirs: w.dirs, truncated: w.truncated, excludable: w.excludable, ...(w.excluded ? { watcherExcluded: w.excluded } : {}) }));
  if (walkWhy) return { findings, observed: { ...observed, workspaces: walked(workspaces) } };
  const notWalked = `${free} of ${maxWatches} watches free`;
  // Many watches free (5.11+ kernels size the limit from RAM: about 80,000 at 8 GiB), yet a
  // monorepo can have more folders than that. Counted after the verdict, and only up to one past
  // the free watches: a typical module's few thousand folders take tens of milliseconds, 80,000
  // took about 1 s here alone and 3.5-4 s beside gopls loading them, and no verdict waits for it.
  if (!ctx.workspaces.length || !host.live || free > MAX_WALK_DIRS) return { findings, observed: { ...observed, workspaces: `not walked: ${notWalked}` } };
  const late = async (): Promise<ProbeOutcome> => {
    await ctx.verdictReady;
    // As long as the run allows: the walk shares the disk with gopls loading the same tree, and on
    // a loaded machine 67,000 folders took longer than the 6 s first allowed (CI, 2026-12-05).
    const deadline = performance.now() + Math.max(200, ctx.remainingMs() - 500);
    const counted = await Promise.all(ctx.workspaces.map((w) => countWorkspaceDirs(w, deadline, free + 1, excludesOf(w))));
    // The follow-up's outcome replaces the first: the findings are computed again with the folders
    // (more than are free, or so many that little is left: inotifyFindings says which).
    const again = findingsFor(counted);
    if (!counted.some((w) => w.dirs > free) && again.length === findings.length) return { findings, observed: { ...observed, workspaces: `${notWalked}; counted up to ${free + 1} folders, the workspace has ${counted.map((w) => `${w.dirs}${w.truncated ? '+ when the count stopped' : ''}`).join(', ')}` } };
    return { findings: again, observed: { ...observed, workspaces: walked(counted) } };
  };
  return { findings, observed: { ...observed, workspaces: `not walked yet: ${notWalked}` }, followUp: { title: "whether the workspace's folders fit in the free watches", outcome: late() } };
}

export const inotifyProbe: Probe = {
  id: 'inotify',
  title: 'inotify watches and instances',
  classes: ['file-watch'],
  // The folder count after the verdict may take the run's time (the run's deadline stays the cap):
  // under the default probe deadline it stopped at 60,979 of 67,001 folders after 4.5 s in CI,
  // beside gopls loading the same tree from a cold cache.
  timeoutMs: 120_000,
  run: runInotify,
};
