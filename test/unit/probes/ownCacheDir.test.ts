// Where a cache of the user's own goes: candidates (pure), then checked on a real directory tree.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, chmodSync, rmSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findOwnCacheDir, ownCacheCandidates } from '../../../src/probes/ownCacheDir.js';

describe('ownCacheCandidates', () => {
  it.each([
    ['GOCACHE', { HOME: '/home/u' }, ['/home/u/.cache/go-build', '/home/u/go-build-cache']],
    ['GOCACHE', { HOME: '/home/u', XDG_CACHE_HOME: '/x' }, ['/x/go-build', '/home/u/.cache/go-build', '/home/u/go-build-cache']],
    ['GOMODCACHE', { HOME: '/home/u' }, ['/home/u/go/pkg/mod', '/home/u/.cache/go-mod', '/home/u/go-mod-cache']],
    // GOPLSCACHE=X makes gopls use X/gopls: never ~/.cache itself, where the broken gopls cache lies.
    ['gopls cache', { HOME: '/home/u' }, ['/home/u/.cache/gopls-own', '/home/u/.gopls-cache']],
    // HOME=/ (a container run with -u): nothing under it is the user's.
    ['GOCACHE', { HOME: '/' }, ['/.cache/go-build']],
  ] as const)('%s with %j', (role, env, want) => {
    expect(ownCacheCandidates(role, env)).toEqual(want);
  });
});

describe('findOwnCacheDir on a real tree', () => {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ged-owncache-')));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  it('passes over the broken directory itself and takes the next writable one', async () => {
    const home = path.join(root, 'home');
    mkdirSync(path.join(home, '.cache', 'go-build'), { recursive: true });
    const r = await findOwnCacheDir('GOCACHE', { HOME: home }, path.join(home, '.cache', 'go-build'));
    expect(r.found?.dir).toBe(path.join(home, 'go-build-cache'));
    expect(r.found?.checked).toBe(home);
    expect(r.rejected[0]!.why).toContain('is or holds the directory that fails');
  });
  it('a further check (a build cache go runs programs from) passes a candidate over with its reason', async () => {
    const home = path.join(root, 'home2');
    mkdirSync(path.join(home, '.cache'), { recursive: true });
    const asked: string[] = [];
    const r = await findOwnCacheDir('GOCACHE', { HOME: home }, '/mnt/nx/gocache', async (existing) => {
      asked.push(existing);
      return existing.endsWith('.cache') ? 'is on /x, mounted noexec' : undefined;
    });
    expect(asked).toEqual([path.join(home, '.cache'), home]);
    expect(r.rejected).toEqual([{ dir: path.join(home, '.cache', 'go-build'), why: 'is on /x, mounted noexec' }]);
    expect(r.found?.dir).toBe(path.join(home, 'go-build-cache'));
  });
  it.skipIf(process.getuid?.() === 0)('a parent this user cannot write is passed over', async () => {
    const home = path.join(root, 'locked');
    mkdirSync(home);
    chmodSync(home, 0o555);
    const r = await findOwnCacheDir('GOMODCACHE', { HOME: home }, '/nonexistent/broken');
    expect(r.found).toBeUndefined();
    expect(r.rejected.every((x) => /not writable/.test(x.why))).toBe(true);
  });
});
