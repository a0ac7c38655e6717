// treeBytes on a real directory: files are counted for bytes, every entry (directories too) for
// inodes, as a tmpfs made with a small nr_inodes counts them. The tree's shape varies by row.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleaningFreesInodes, treeBytes } from '../../../src/probes/cacheSize.js';

describe('treeBytes counts inodes with the directories', () => {
  it.each([
    [0, 0],
    [256, 1],
    [3, 7],
  ])('%i subdirectories, %i files each', async (dirs, filesEach) => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ged-cachesize-'));
    try {
      writeFileSync(path.join(root, 'README'), 'x');
      for (let i = 0; i < dirs; i++) {
        const d = path.join(root, i.toString(16).padStart(2, '0'));
        mkdirSync(d);
        for (let j = 0; j < filesEach; j++) writeFileSync(path.join(d, `f${j}-a`), 'y'.repeat(j * 100));
      }
      const t = await treeBytes(root, 5000);
      expect(t.truncated).toBe(false);
      expect(t.files).toBe(1 + dirs * filesEach);
      expect(t.inodes).toBe(1 + 1 + dirs + dirs * filesEach);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('cleaningFreesInodes', () => {
  it.each([
    ['the cache holds them all', { bytes: 4096, files: 1, inodes: 39, truncated: false }, 40, true],
    ['the cache holds a quarter', { bytes: 0, files: 10, inodes: 500, truncated: false }, 2000, true],
    ['other files hold them', { bytes: 4096, files: 1, inodes: 98, truncated: false }, 2000, false],
    ['not counted: its files are a lower bound', { bytes: 0, files: 0, truncated: false }, 400, false],
    ['cut short: assumed large', { bytes: 0, files: 10, inodes: 10, truncated: true }, 1_000_000, true],
  ])('%s', (_, cache, used, want) => {
    expect(cleaningFreesInodes(cache, used)).toBe(want);
  });
  it('unmeasured: assumed large', () => expect(cleaningFreesInodes(undefined, 10)).toBe(true));
});
