import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, symlinkSync, rmSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goPathsFrom, resolveExisting, userCacheDir } from '../../../src/probes/goPaths.js';

const byRole = (p: ReturnType<typeof goPathsFrom>) => Object.fromEntries(p.entries.map((e) => [`${e.role}:${e.path}`, e.origin]));

describe('goPathsFrom', () => {
  it('takes every path from go env when go answered', () => {
    const p = goPathsFrom(
      { GOTMPDIR: '/scratch/gotmp', GOCACHE: '/c/go-build', GOMODCACHE: '/m/mod', GOPATH: '/g1:/g2', GOBIN: '/gobin' },
      { HOME: '/home/u', TMPDIR: '/ignored' },
      '/g1/bin/gopls',
    );
    expect(p.tmpDir).toEqual({ role: 'GOTMPDIR', path: '/scratch/gotmp', origin: 'go env GOTMPDIR' });
    expect(Object.keys(byRole(p))).toEqual([
      'GOTMPDIR:/scratch/gotmp',
      'GOCACHE:/c/go-build',
      'GOMODCACHE:/m/mod',
      'GOPATH:/g1',
      'GOPATH/bin:/g1/bin',
      'GOPATH:/g2',
      'GOPATH/bin:/g2/bin',
      'GOBIN:/gobin',
      'gopls binary dir:/g1/bin',
      'gopls cache:/home/u/.cache/gopls',
    ]);
  });

  it('falls back to TMPDIR, then /tmp, when GOTMPDIR is empty (os.TempDir)', () => {
    expect(goPathsFrom({ GOTMPDIR: '' }, { TMPDIR: '/run/user/1000/tmp' }).tmpDir.path).toBe('/run/user/1000/tmp');
    expect(goPathsFrom({ GOTMPDIR: '' }, {}).tmpDir).toMatchObject({ path: '/tmp', origin: expect.stringContaining('default') });
  });

  it('uses the environment and the go command defaults when go did not run', () => {
    const p = goPathsFrom(undefined, { HOME: '/home/u', XDG_CACHE_HOME: '/xdg', GOTMPDIR: '/gt' });
    expect(p.source).toMatch(/environment/);
    expect(byRole(p)).toMatchObject({
      'GOTMPDIR:/gt': '$GOTMPDIR',
      'GOCACHE:/xdg/go-build': expect.stringContaining('default'),
      'GOMODCACHE:/home/u/go/pkg/mod': expect.stringContaining('default'),
      'GOPATH:/home/u/go': 'default: $HOME/go',
      'gopls cache:/xdg/gopls': expect.any(String),
    });
  });

  it('skips GOCACHE=off and reports relative values instead of checking them', () => {
    const p = goPathsFrom({ GOCACHE: 'off', GOMODCACHE: 'rel/mod', GOPATH: '/g' }, { HOME: '/h' });
    expect(p.entries.some((e) => e.role === 'GOCACHE')).toBe(false);
    expect(p.ignored).toEqual([{ name: 'GOMODCACHE', value: 'rel/mod' }]);
  });

  it("puts gopls's cache under GOPLSCACHE when set (x/tools filecache)", () => {
    const p = goPathsFrom({}, { HOME: '/h', GOPLSCACHE: '/fast' });
    expect(p.entries.find((e) => e.role === 'gopls cache')?.path).toBe('/fast/gopls');
  });

  // A tester's root-owned XDG_CACHE_HOME: the report named GOCACHE, which nobody had set.
  it.each<[string, Record<string, string> | undefined, NodeJS.ProcessEnv, string | undefined, string | undefined]>([
    ['go did not run, GOCACHE unset: XDG_CACHE_HOME put both caches there', undefined, { HOME: '/h', XDG_CACHE_HOME: '/xdg' }, '/xdg', '/xdg'],
    ["go env's GOCACHE is its default under XDG_CACHE_HOME", { GOCACHE: '/xdg/go-build' }, { HOME: '/h', XDG_CACHE_HOME: '/xdg' }, '/xdg', '/xdg'],
    ['GOCACHE exported: GOCACHE put it there', { GOCACHE: '/xdg/go-build' }, { HOME: '/h', XDG_CACHE_HOME: '/xdg', GOCACHE: '/xdg/go-build' }, undefined, '/xdg'],
    ['GOCACHE from go env -w elsewhere, GOPLSCACHE set: neither', { GOCACHE: '/c/go-build' }, { HOME: '/h', XDG_CACHE_HOME: '/xdg', GOPLSCACHE: '/g' }, undefined, undefined],
    ['XDG_CACHE_HOME unset: $HOME/.cache, no variable to blame', undefined, { HOME: '/h' }, undefined, undefined],
    ['a relative XDG_CACHE_HOME is ignored by go, so it chose nothing', undefined, { HOME: '/h', XDG_CACHE_HOME: 'rel' }, undefined, undefined],
  ])('%s', (_name, goEnv, env, gocache, gopls) => {
    const p = goPathsFrom(goEnv, env);
    expect(p.entries.find((e) => e.role === 'GOCACHE')?.xdgCacheHome).toBe(gocache);
    expect(p.entries.find((e) => e.role === 'gopls cache')?.xdgCacheHome).toBe(gopls);
  });

  it('userCacheDir ignores a relative XDG_CACHE_HOME, as os.UserCacheDir does', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: 'rel', HOME: '/h' })).toBe('/h/.cache');
    expect(userCacheDir({})).toBeUndefined();
  });
});

describe('resolveExisting', () => {
  it('resolves symlinks through the deepest existing ancestor of a missing path', async () => {
    const base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ged-resolve-')));
    try {
      mkdirSync(path.join(base, 'real'));
      symlinkSync(path.join(base, 'real'), path.join(base, 'link'));
      const r = await resolveExisting(path.join(base, 'link', 'not', 'yet'));
      expect(r).toEqual({ real: path.join(base, 'real', 'not', 'yet'), exists: false, existing: path.join(base, 'real') });
      expect(await resolveExisting(path.join(base, 'link'))).toEqual({ real: path.join(base, 'real'), exists: true, existing: path.join(base, 'real') });
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
