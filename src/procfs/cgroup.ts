// cgroups v1, v2 and hybrid: which cgroup a process is in (/proc/<pid>/cgroup), where that
// cgroup's directory is (the cgroup mounts of mountinfo), and the values of its interface files
// (Documentation/admin-guide/cgroup-v1/memory.rst, cgroup-v2.rst). Pure: no file is read here.
import path from 'node:path';
import type { MountInfo } from './mountinfo.js';

export interface CgroupMembership {
  /** 0 for the v2 unified hierarchy. */
  hierarchyId: number;
  /** v1 controllers of that hierarchy ("memory", "cpu", "name=systemd"); empty for v2. */
  controllers: string[];
  /** Relative to the root of the reader's cgroup namespace. */
  path: string;
  line: string;
}

/** "4:memory:/user.slice" (v1) and "0::/user.slice/…" (v2); the path may itself contain ':'. */
export function parseProcCgroup(text: string): CgroupMembership[] {
  const out: CgroupMembership[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const a = line.indexOf(':');
    const b = a < 0 ? -1 : line.indexOf(':', a + 1);
    if (b < 0) continue;
    const id = line.slice(0, a);
    if (!/^\d+$/.test(id)) continue;
    const ctl = line.slice(a + 1, b);
    out.push({ hierarchyId: Number(id), controllers: ctl ? ctl.split(',') : [], path: line.slice(b + 1), line });
  }
  return out;
}

const V1_CONTROLLERS = new Set(['cpu', 'cpuacct', 'cpuset', 'memory', 'devices', 'freezer', 'net_cls', 'net_prio', 'blkio', 'perf_event', 'hugetlb', 'pids', 'rdma', 'misc', 'debug']);

export interface CgroupMount {
  version: 1 | 2;
  /** v1: the controllers bound to this hierarchy (from the super options); v2: empty. */
  controllers: string[];
  mount: MountInfo;
}

export function cgroupMounts(mounts: readonly MountInfo[]): CgroupMount[] {
  const out: CgroupMount[] = [];
  for (const m of mounts) {
    if (m.fsType === 'cgroup2') out.push({ version: 2, controllers: [], mount: m });
    else if (m.fsType === 'cgroup') {
      out.push({ version: 1, controllers: m.superOptions.filter((o) => V1_CONTROLLERS.has(o) || o.startsWith('name=')), mount: m });
    }
  }
  return out;
}

/**
 * The directories that may hold the cgroup `cgPath` under `mount`, best first.
 *
 * mountinfo's root field is the cgroup that appears at the mount point. On a host and in a
 * container with its own cgroup namespace the root is "/" and the path is relative to it; in a
 * container without one (older Docker) the hierarchy is bind-mounted with root "/docker/<id>"
 * and /proc/self/cgroup shows that same path, so the cgroup is the mount point itself.
 * Paths that start with "/.." lie outside the namespace and have no directory here.
 */
export function cgroupDirCandidates(cgPath: string, mount: MountInfo): string[] {
  const mp = mount.mountPoint;
  const root = mount.root;
  if (cgPath.startsWith('/..')) return [];
  if (root === '/') return [joinDir(mp, cgPath)];
  if (cgPath === root) return [joinDir(mp, '/')];
  if (cgPath.startsWith(root + '/')) return [joinDir(mp, cgPath.slice(root.length))];
  // The mount shows some other subtree (a namespace root the path is not under): the best
  // guesses are the path below the mount point, then the mount point itself.
  return [...new Set([joinDir(mp, cgPath), joinDir(mp, '/')])];
}

function joinDir(a: string, b: string): string {
  const j = path.posix.join(a, b);
  return j.length > 1 ? j.replace(/\/+$/, '') : j;
}

/** Where the cgroup of one controller lives, for a process with these memberships. */
export interface ControllerPlacement {
  controller: string;
  version: 1 | 2;
  membership: CgroupMembership;
  mount: MountInfo;
  candidates: string[];
}

/**
 * v1 wins when a v1 hierarchy carries the controller (hybrid systems keep memory and pids on
 * v1 and nothing on the unified hierarchy); otherwise the v2 hierarchy, where the caller must
 * still check that the controller's files exist (cgroup.controllers decides that, per cgroup).
 */
export function placeController(controller: string, memberships: readonly CgroupMembership[], mounts: readonly CgroupMount[]): ControllerPlacement | undefined {
  const v1 = memberships.find((m) => m.hierarchyId !== 0 && m.controllers.includes(controller));
  if (v1) {
    const mount = mounts.find((cm) => cm.version === 1 && cm.controllers.includes(controller) && cgroupDirCandidates(v1.path, cm.mount).length > 0);
    if (mount) return { controller, version: 1, membership: v1, mount: mount.mount, candidates: cgroupDirCandidates(v1.path, mount.mount) };
  }
  const v2 = memberships.find((m) => m.hierarchyId === 0);
  if (v2) {
    const mount = mounts.find((cm) => cm.version === 2);
    if (mount) return { controller, version: 2, membership: v2, mount: mount.mount, candidates: cgroupDirCandidates(v2.path, mount.mount) };
  }
  return undefined;
}

/** The cgroup directory and each ancestor up to and including the mount point, leaf first. */
export function ancestorsWithin(dir: string, mountPoint: string): string[] {
  const out: string[] = [];
  let d = path.posix.normalize(dir);
  const top = path.posix.normalize(mountPoint);
  if (d !== top && !d.startsWith(top === '/' ? '/' : top + '/')) return [d];
  for (;;) {
    out.push(d);
    if (d === top || d === '/') break;
    d = path.posix.dirname(d);
  }
  return out;
}

/** v1 reports "no limit" as PAGE_COUNTER_MAX pages (9223372036854771712 with 4 KiB pages). */
const UNLIMITED_FLOOR = 2 ** 62;

/** "max" / a number / v1's near-2^63 → 'max'; anything else undefined. */
export function parseCgroupLimit(text: string | undefined): number | 'max' | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  if (t === 'max') return 'max';
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n >= UNLIMITED_FLOOR ? 'max' : n;
}

export function parseCgroupNumber(text: string | undefined): number | undefined {
  const t = text?.trim();
  return t && /^\d+$/.test(t) ? Number(t) : undefined;
}

/** Flat keyed files: memory.events, memory.stat, pids.events, v1 memory.oom_control. */
export function parseFlatKeyed(text: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of (text ?? '').split('\n')) {
    const m = /^(\S+)\s+(\d+)\s*$/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}

/** The lines of a flat keyed file whose key is one of `keys`, for evidence. */
export function excerptKeys(text: string | undefined, keys: readonly string[]): string {
  return (text ?? '')
    .split('\n')
    .filter((l) => keys.includes(l.split(/\s+/)[0] ?? ''))
    .join('\n');
}
