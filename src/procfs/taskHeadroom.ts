// How many more tasks (threads or processes) this process may start before a limit refuses one,
// read synchronously before anything else runs. Node aborts (SIGABRT, exit 134, no report at all)
// when it cannot create a thread, and libuv makes its pool of 4 threads at the first
// asynchronous file read: under RLIMIT_NPROC=10 for an ordinary user the CLI died with "Aborted"
// where `go build` still worked (measured), so the one tool meant to name that limit said
// nothing. With little headroom the pool is cut to one thread before it exists.
import type { Host } from '../host/host.js';
import { cgroupMounts, parseCgroupLimit, parseCgroupNumber, parseProcCgroup, placeController, ancestorsWithin } from './cgroup.js';
import { findLimit, parseLimits, parseLoadAvg } from './limits.js';
import { parseMountInfo } from './mountinfo.js';
import { parseStatus } from './status.js';

/** A pids cgroup on the way up: its limit and its use now. */
export interface PidsLevel {
  max: number | 'max' | undefined;
  current: number | undefined;
}

export interface HeadroomInput {
  /** /proc/self/limits. */
  limitsText?: string;
  /** The real uid: RLIMIT_NPROC counts its tasks, and root (CAP_SYS_RESOURCE) is exempt. */
  uid: number;
  /**
   * The uid's tasks now, or any larger count that already leaves `limit` room enough; asked only
   * when RLIMIT_NPROC is finite, since the exact count means a /proc scan.
   */
  userTasks: (limit: number) => number | undefined;
  /** The pids cgroup and each ancestor (every level's pids.max applies). */
  pids: readonly PidsLevel[];
}

/** The smallest room any limit leaves, or undefined when none is finite. */
export function taskHeadroom(i: HeadroomInput): number | undefined {
  const rooms: number[] = [];
  const nproc = i.limitsText === undefined ? undefined : findLimit(parseLimits(i.limitsText), 'Max processes');
  if (i.uid !== 0 && typeof nproc?.soft === 'number') {
    const used = i.userTasks(nproc.soft);
    if (used !== undefined) rooms.push(nproc.soft - used);
  }
  for (const level of i.pids) {
    if (typeof level.max === 'number' && level.current !== undefined) rooms.push(level.max - level.current);
  }
  return rooms.length ? Math.min(...rooms) : undefined;
}

/**
 * Below this the pool gets one thread: the default pool (4) and two go commands the probes run
 * side by side (a Go program starts GOMAXPROCS+4 threads, ~10 here) would use it all up.
 */
export const TIGHT_HEADROOM = 32;

/** Sets UV_THREADPOOL_SIZE=1 when the room is tight and the user has not chosen a size. */
export function fitThreadPool(env: NodeJS.ProcessEnv, headroom: number | undefined): boolean {
  if (headroom === undefined || headroom >= TIGHT_HEADROOM || env.UV_THREADPOOL_SIZE) return false;
  env.UV_THREADPOOL_SIZE = '1';
  return true;
}

/** The live reading: /proc/<pid>/limits, a /proc scan for the uid's threads, the pids cgroups. */
export function readTaskHeadroomSync(host: Host): number | undefined {
  if (host.platform !== 'linux') return undefined;
  const uid = host.uid;
  const read = (file: string) => host.readTextSync(file);
  const userTasks = (limit: number): number | undefined => {
    // Most users' RLIMIT_NPROC is finite but far above every task on the machine (/proc/loadavg
    // counts them all): then the scan, 3-30 ms at every start, would change nothing.
    const all = parseLoadAvg(read('/proc/loadavg') ?? '')?.tasks;
    if (all !== undefined && limit - all >= TIGHT_HEADROOM) return all;
    let n = 0;
    const names = host.listSync('/proc');
    if (!names) return undefined;
    for (const name of names) {
      if (!/^\d+$/.test(name)) continue;
      const text = read(`/proc/${name}/status`);
      if (text === undefined) continue;
      const s = parseStatus(text);
      if (s.uids?.[0] === uid) n += s.threads ?? 1;
    }
    return n;
  };
  const pids: PidsLevel[] = [];
  const place = placeController('pids', parseProcCgroup(read(`/proc/${host.pid}/cgroup`) ?? ''), cgroupMounts(parseMountInfo(read(`/proc/${host.pid}/mountinfo`) ?? '')));
  const dir = place?.candidates[0];
  if (place && dir) {
    for (const d of ancestorsWithin(dir, place.mount.mountPoint)) {
      pids.push({ max: parseCgroupLimit(read(`${d}/pids.max`)), current: parseCgroupNumber(read(`${d}/pids.current`)) });
    }
  }
  return taskHeadroom({ limitsText: read(`/proc/${host.pid}/limits`), uid, userTasks, pids });
}
