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
  /** Inodes held: files, directories and the rest, the root included (hard links counted once each). Unset where not counted. */
  inodes?: number;
  truncated: boolean;
}

const MAX_ENTRIES = 60_000;
const STAT_BATCH = 64;

export async function treeBytes(dir: string, budgetMs: number): Promise<TreeBytes> {
  let bytes = 0;
  let files = 0;
  // The root's own inode: a cache's 256 empty subdirectories are inodes too, which a tmpfs made
  // with a small nr_inodes runs out of before any file is written.
  let inodes = 1;
  const walk = await walkDirs([dir], { maxEntries: MAX_ENTRIES, deadline: performance.now() + budgetMs, enter: () => true }, async (d, entries) => {
    inodes += entries.length;
    const plain = entries.filter((e) => e.isFile());
    for (let i = 0; i < plain.length; i += STAT_BATCH) {
      const sts = await Promise.all(plain.slice(i, i + STAT_BATCH).map((e) => fs.lstat(path.join(d, e.name)).catch(() => undefined)));
      for (const st of sts) if (st) {
        bytes += st.blocks * 512;
        files++;
      }
    }
  });
  return { bytes, files, inodes, truncated: walk.truncated !== undefined };
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

/**
 * Pure: the same question for inodes: does the cache hold a quarter of those in use? Unmeasured
 * or cut short, a large cache is assumed, as for bytes; its files alone are a lower bound.
 */
export function cleaningFreesInodes(cache: TreeBytes | undefined, inodesUsed: number): boolean {
  if (!cache || cache.truncated) return true;
  const held = cache.inodes ?? cache.files;
  return held > 0 && held >= inodesUsed / 4;
}
