// Directories inside the build and module caches that another user owns and this one cannot
// write: what a `sudo go build` or `sudo go get` leaves in the user's own cache. The cache's top
// directory is still the user's, so its own check passes, while go fails writing into a shard
// ("open …/go-build/18/…-a: permission denied", then dozens of "package net is not in std") or
// locking a download ("…/@v/v0.6.0.lock: permission denied"). Measured by a tester as a non-root
// user: "no problems found" in both states. Only directories go writes into are walked: the
// build cache's shards, and the module cache's top level and cache/download tree (extracted
// module@version directories are read-only on purpose and never written again).
import path from 'node:path';
import { promises as fs, constants as fsConst } from 'node:fs';

export interface ForeignDir {
  path: string;
  uid: number;
  mode: number;
}

export interface ForeignScan {
  root: string;
  /** Directories looked at. */
  checked: number;
  /** The first few found. */
  foreign: ForeignDir[];
  /** How many were found. */
  foreignCount: number;
  /** The walk stopped at its cap before it had seen every directory it meant to. */
  truncated: boolean;
}

/** Enough for GOCACHE's 256 shards and a download cache of a few hundred modules. */
const MAX_DIRS = 3000;
const KEEP = 20;

/** Where go writes in each cache: depth below the root to walk, and the subtrees walked deeper. */
const PLANS = {
  GOCACHE: { depth: 1, deeper: [] as string[] },
  // cache/download/<host>/<owner>/<repo>/@v holds the .lock, .zip and .info go writes.
  GOMODCACHE: { depth: 1, deeper: ['cache', path.join('cache', 'download')] },
} as const;

async function writable(p: string): Promise<boolean> {
  return fs.access(p, fsConst.W_OK).then(() => true, () => false);
}

export async function scanCacheOwners(role: keyof typeof PLANS, root: string, uid: number, signal?: AbortSignal): Promise<ForeignScan> {
  const out: ForeignScan = { root, checked: 0, foreign: [], foreignCount: 0, truncated: false };
  const plan = PLANS[role];
  // [dir, depth left]: the root's children at depth 1; cache/download walked to depth 6.
  const queue: Array<[string, number]> = [[root, plan.depth]];
  for (const d of plan.deeper) queue.push([path.join(root, d), d.endsWith('download') ? 6 : 1]);
  const seen = new Set<string>();
  while (queue.length) {
    if (signal?.aborted) break;
    const [dir, left] = queue.shift()!;
    if (left <= 0) continue;
    const names = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of names) {
      if (!e.isDirectory()) continue;
      const p = path.join(dir, e.name);
      // Extracted modules (name@version) are read-only by design; the walk never enters them.
      if (role === 'GOMODCACHE' && e.name.includes('@') && e.name !== '@v') continue;
      if (seen.has(p)) continue;
      seen.add(p);
      if (out.checked >= MAX_DIRS) {
        out.truncated = true;
        return out;
      }
      out.checked++;
      const st = await fs.lstat(p).catch(() => undefined);
      if (!st) continue;
      if (st.uid !== uid && !(await writable(p))) {
        if (out.foreign.length < KEEP) out.foreign.push({ path: p, uid: st.uid, mode: st.mode & 0o7777 });
        out.foreignCount++;
        // Below a foreign directory everything a recursive chown made is foreign too: one is enough.
        continue;
      }
      if (left > 1) queue.push([p, left - 1]);
    }
  }
  return out;
}

