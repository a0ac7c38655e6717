// The file the handshake opens: the first small .go file in a workspace (non-test first), found
// by a bounded breadth-first walk (top level first, as a user would open main.go), skipping what
// gopls itself ignores (hidden, testdata, vendor, node_modules) and anything over MAX_OPEN_BYTES.
import path from 'node:path';
import { promises as fs } from 'node:fs';

export interface WalkLimits {
  maxDirs: number;
  maxEntries: number;
}

const SKIP = new Set(['testdata', 'vendor', 'node_modules']);

/**
 * The largest file the handshake sends in didOpen. Its whole text goes into one JSON-RPC message:
 * a 200 MB sparse .go file (issue 9 finding 5) cost gigabytes. Real source files are far smaller;
 * gopls only needs one file of the package to build a view.
 */
export const MAX_OPEN_BYTES = 256 * 1024;
/** Sizes looked up per directory, at most: a directory of 10,000 generated files is not walked by stat. */
const MAX_STATS_PER_DIR = 64;

const isGoSource = (name: string) => name.endsWith('.go') && !name.startsWith('.') && !name.startsWith('_');

/** In one directory: a small regular non-test .go file first (by name), else a small test file. */
async function smallGoFile(dir: string, names: string[]): Promise<string | undefined> {
  const ordered = [...names.filter((n) => !n.endsWith('_test.go')), ...names.filter((n) => n.endsWith('_test.go'))].slice(0, MAX_STATS_PER_DIR);
  for (const n of ordered) {
    const st = await fs.stat(path.join(dir, n)).catch(() => undefined);
    if (st?.isFile() && st.size <= MAX_OPEN_BYTES) return path.join(dir, n);
  }
  return undefined;
}

export async function findFirstGoFile(root: string, limits: WalkLimits = { maxDirs: 200, maxEntries: 5000 }): Promise<string | undefined> {
  const queue = [root];
  let dirs = 0;
  let entries = 0;
  while (queue.length && dirs < limits.maxDirs && entries < limits.maxEntries) {
    const dir = queue.shift()!;
    dirs++;
    const list = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    entries += list.length;
    const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name));
    const file = await smallGoFile(dir, sorted.filter((e) => e.isFile() && isGoSource(e.name)).map((e) => e.name));
    if (file) return file;
    for (const e of sorted) if (e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_') && !SKIP.has(e.name)) queue.push(path.join(dir, e.name));
  }
  return undefined;
}
