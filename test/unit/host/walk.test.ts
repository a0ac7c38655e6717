// The one workspace walker, on a real temporary tree: what Go skips, each limit, stopping, links.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goSkips, walkDirs } from '../../../src/host/walk.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'walk-'));
  for (const d of ['a/b/c/d', 'vendor/x', 'testdata/y', 'node_modules/z', '.git/objects', '_old/q', 'cmd/tool']) mkdirSync(path.join(root, d), { recursive: true });
  writeFileSync(path.join(root, 'cmd/tool/main.go'), 'package main\n');
  symlinkSync(path.join(root, 'a'), path.join(root, 'link-to-a'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rel = (dirs: string[]) => dirs.map((d) => path.relative(root, d) || '.');

async function visited(opts: Parameters<typeof walkDirs>[1]) {
  const dirs: string[] = [];
  const r = await walkDirs([root], opts, (dir) => void dirs.push(dir));
  return { dirs: rel(dirs), r };
}

describe('walkDirs', () => {
  it('enters what Go would, parents first, never through a symlink', async () => {
    const { dirs, r } = await visited({});
    expect(dirs).toEqual(['.', 'a', 'cmd', 'a/b', 'cmd/tool', 'a/b/c', 'a/b/c/d']);
    expect(r).toEqual({ dirs: 7 });
    expect(['vendor', 'testdata', 'node_modules', '.git', '_old'].every(goSkips)).toBe(true);
    expect(goSkips('cmd')).toBe(false);
  });

  it('enter: () => true counts every folder (what a file watcher watches)', async () => {
    const { r } = await visited({ enter: () => true });
    expect(r.dirs).toBe(7 + 2 * 5);
  });

  it('says which limit ended it: depth, dirs, entries, time; and stops when told', async () => {
    expect((await visited({ maxDepth: 1 })).r).toEqual({ dirs: 3, truncated: 'depth' });
    expect((await visited({ maxDirs: 2 })).r).toEqual({ dirs: 2, truncated: 'dirs' });
    expect((await visited({ maxEntries: 1 })).r).toEqual({ dirs: 1, truncated: 'entries' });
    expect((await visited({ deadline: performance.now() - 1 })).r).toEqual({ dirs: 0, truncated: 'time' });
    const r = await walkDirs([root], {}, (dir, entries) => (entries.some((e) => e.name === 'main.go') ? 'stop' : undefined));
    expect(r).toEqual({ dirs: 5, stopped: true });
  });

  it('passes over a folder that cannot be read', async () => {
    expect(await walkDirs([path.join(root, 'missing')], {}, () => undefined)).toEqual({ dirs: 0 });
  });
});
