// The file the handshake opens: the first .go file in a workspace, found by a bounded
// breadth-first walk (top level first, as a user would open main.go), skipping what gopls
// itself ignores (hidden, testdata, vendor, node_modules).
import path from 'node:path';
import { promises as fs } from 'node:fs';

export interface WalkLimits {
  maxDirs: number;
  maxEntries: number;
}

const SKIP = new Set(['testdata', 'vendor', 'node_modules']);

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
    const file = sorted.find((e) => e.isFile() && e.name.endsWith('.go') && !e.name.startsWith('.') && !e.name.startsWith('_'));
    if (file) return path.join(dir, file.name);
    for (const e of sorted) if (e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_') && !SKIP.has(e.name)) queue.push(path.join(dir, e.name));
  }
  return undefined;
}
