// Walking a workspace: one breadth-first, asynchronous walker for every probe that looks at the
// tree (modules, cgo files, the file the gopls handshake opens, the folders the editor watches),
// with one rule for which folders Go code can be in. Symlinks are not followed (a Dirent of a
// link is not a directory), an unreadable folder is passed over, and every walk is bounded.
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';

/** Folders the go command never treats as packages ("go help packages"), plus node_modules. */
const NOT_GO_DIRS = new Set(['node_modules', 'vendor', 'testdata']);
/** Folders read ahead of the one being visited. */
const READ_AHEAD = 16;

/** True for a folder name Go skips: hidden (.), ignored (_), vendor, testdata, node_modules. */
export function goSkips(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || NOT_GO_DIRS.has(name);
}

export interface WalkOptions {
  /** Folders read at most (the roots included). */
  maxDirs?: number;
  /** Deepest level entered below a root (a root is level 0). */
  maxDepth?: number;
  /** Directory entries listed at most, over all folders. */
  maxEntries?: number;
  /** performance.now() after which no further folder is read. */
  deadline?: number;
  /** Which subfolders to enter; by default those Go would look into (not goSkips). */
  enter?: (name: string, fullPath: string) => boolean;
  /** Visit each folder's entries in name order (code units), for a deterministic "first" file. */
  sorted?: boolean;
}

export interface WalkResult {
  /** Folders read. */
  dirs: number;
  /** Why the walk ended before the whole tree: a limit, or none. */
  truncated?: 'dirs' | 'depth' | 'entries' | 'time';
  /** The visitor said stop. */
  stopped?: boolean;
  /** Folders it meant to read and was refused (EACCES, EPERM), the first few; a vanished one is not. */
  refused?: Array<{ dir: string; code: string }>;
}

const REFUSED_KEPT = 20;

/** Called once per folder, parents before children; 'stop' ends the walk, 'prune' skips this folder's subfolders. */
export type WalkVisit = (dir: string, entries: Dirent[], depth: number) => void | 'stop' | 'prune' | Promise<void | 'stop' | 'prune'>;

export async function walkDirs(roots: readonly string[], opts: WalkOptions, visit: WalkVisit): Promise<WalkResult> {
  const enter = opts.enter ?? ((name: string) => !goSkips(name));
  const res: WalkResult = { dirs: 0 };
  const queue = roots.map((dir) => ({ dir, depth: 0 }));
  let listed = 0;
  // The next few folders are read while this one is visited: one readdir after another made the
  // walk of a 5,000-package module the slowest step before the verdict. Visits stay in order.
  const reads = new Map<number, Promise<Dirent[] | undefined>>();
  for (let i = 0; i < queue.length; i++) {
    if (opts.maxDirs !== undefined && res.dirs >= opts.maxDirs) return { ...res, truncated: 'dirs' };
    if (opts.maxEntries !== undefined && listed >= opts.maxEntries) return { ...res, truncated: 'entries' };
    if (opts.deadline !== undefined && performance.now() > opts.deadline) return { ...res, truncated: 'time' };
    for (let j = i; j < Math.min(queue.length, i + READ_AHEAD); j++) {
      if (reads.has(j)) continue;
      const d = queue[j]!.dir;
      reads.set(
        j,
        fs.readdir(d, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
          if ((e.code === 'EACCES' || e.code === 'EPERM') && (res.refused ??= []).length < REFUSED_KEPT) res.refused.push({ dir: d, code: e.code });
          return undefined;
        }),
      );
    }
    const { depth } = queue[i]!;
    const dir = queue[i]!.dir;
    queue[i] = undefined as never; // let a long walk's visited part be collected
    const entries = await reads.get(i)!;
    reads.delete(i);
    if (!entries) continue;
    res.dirs++;
    listed += entries.length;
    // Code-unit order (for ASCII names the byte order Go's os.ReadDir uses), not localeCompare: its
    // first call builds an ICU collator, 12-17 ms of this thread while gopls starts, for an order
    // that only has to be the same every run.
    if (opts.sorted) entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const said = await visit(dir, entries, depth);
    if (said === 'stop') return { ...res, stopped: true };
    if (said === 'prune') continue;
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const child = path.join(dir, e.name);
      if (!enter(e.name, child)) continue;
      if (opts.maxDepth !== undefined && depth + 1 > opts.maxDepth) {
        res.truncated ??= 'depth';
        continue;
      }
      queue.push({ dir: child, depth: depth + 1 });
    }
  }
  return res;
}
