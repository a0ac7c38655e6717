// How much a cache directory holds on disk, to judge whether emptying it can free a full file
// system: a tester's 16 MiB tmpfs was full of another file while GOCACHE held 0 B, and the report's
// first fix was go clean -cache, which freed nothing. Bounded: a large cache has 10^5 files.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { walkDirs } from '../host/walk.js';

export interface TreeBytes {
  /** Bytes allocated (st_blocks × 512) to the files seen; a lower bound when truncated. */
  bytes: number;
  files: number;
  truncated: boolean;
}

const MAX_ENTRIES = 60_000;
const STAT_BATCH = 64;

export async function treeBytes(dir: string, budgetMs: number): Promise<TreeBytes> {
  let bytes = 0;
  let files = 0;
  const walk = await walkDirs([dir], { maxEntries: MAX_ENTRIES, deadline: performance.now() + budgetMs, enter: () => true }, async (d, entries) => {
    const plain = entries.filter((e) => e.isFile());
    for (let i = 0; i < plain.length; i += STAT_BATCH) {
      const sts = await Promise.all(plain.slice(i, i + STAT_BATCH).map((e) => fs.lstat(path.join(d, e.name)).catch(() => undefined)));
      for (const st of sts) if (st) {
        bytes += st.blocks * 512;
        files++;
      }
    }
  });
  return { bytes, files, truncated: walk.truncated !== undefined };
}

/**
 * Pure: can emptying the cache make a real difference to a full file system? Only when it holds a
 * meaningful share of what is used (a quarter) and at least a MiB; unmeasured or cut short, a
 * large cache is assumed (the walk stops only past tens of thousands of files).
 */
export function cleaningHelps(cache: TreeBytes | undefined, usedBytes: number): boolean {
  if (!cache || cache.truncated) return true;
  return cache.bytes >= 1024 * 1024 && cache.bytes >= usedBytes / 4;
}
