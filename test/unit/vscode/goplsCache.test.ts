import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearGoplsCacheDir, goplsCacheDir, guardGoplsCacheDir as checkGoplsCacheDir, measureCacheDir } from '../../../src/vscode/goplsCache.js';

describe('goplsCacheDir (gopls internal/filecache getCacheDir on Linux)', () => {
  it.each([
    ['$GOPLSCACHE first', { GOPLSCACHE: '/data/gc', XDG_CACHE_HOME: '/x', HOME: '/home/u' }, '/data/gc/gopls'],
    ['then $XDG_CACHE_HOME', { XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }, '/x/cache/gopls'],
    ['then $HOME/.cache', { HOME: '/home/u' }, '/home/u/.cache/gopls'],
    ['an empty XDG_CACHE_HOME counts as unset', { XDG_CACHE_HOME: '', HOME: '/home/u' }, '/home/u/.cache/gopls'],
  ])('%s', (_, env, want) => {
    expect(goplsCacheDir(env)).toEqual({ ok: true, dir: want });
  });

  it.each([
    ['no HOME and no XDG_CACHE_HOME', {}],
    ['a relative XDG_CACHE_HOME (os.UserCacheDir errors)', { XDG_CACHE_HOME: 'cache', HOME: '/home/u' }],
    ['a relative GOPLSCACHE', { GOPLSCACHE: 'gc', HOME: '/home/u' }],
  ])('has no answer for %s', (_, env) => {
    expect(goplsCacheDir(env).ok).toBe(false);
  });
});

describe('checkGoplsCacheDir: the guard before a delete', () => {
  let t: string;
  let home: string;
  let env: NodeJS.ProcessEnv;
  const uid = process.getuid!();

  beforeEach(() => {
    t = mkdtempSync(path.join(os.tmpdir(), 'ged-cache-'));
    home = path.join(t, 'home');
    mkdirSync(path.join(home, '.cache', 'gopls', 'a1b2c3d4'), { recursive: true });
    writeFileSync(path.join(home, '.cache', 'gopls', 'a1b2c3d4', 'index'), 'x'.repeat(1000));
    writeFileSync(path.join(home, 'precious.txt'), 'keep me');
    env = { HOME: home };
  });
  afterEach(() => rmSync(t, { recursive: true, force: true }));

  it('accepts the real gopls cache directory and counts what it holds in blocks, like du', async () => {
    const dir = path.join(home, '.cache', 'gopls');
    const r = await checkGoplsCacheDir(dir, env, uid);
    expect(r).toMatchObject({ ok: true, dir, ino: lstatSync(dir).ino });
    const blocks = [path.join(dir, 'a1b2c3d4'), path.join(dir, 'a1b2c3d4', 'index')].reduce((a, p) => a + lstatSync(p).blocks * 512, 0);
    expect(await measureCacheDir(dir)).toEqual({ entries: 2, bytes: blocks });
  });

  it.each([
    ['$HOME', () => home],
    ['/', () => '/'],
    ['the user cache dir itself', () => path.join(home, '.cache')],
    ['a relative path', () => '.cache/gopls'],
    ['a path that only normalises to it from elsewhere', () => path.join(home, '.cache', 'gopls', '..', '..')],
    ['another gopls directory', () => path.join(t, 'gopls')],
  ])('refuses %s', async (_, p) => {
    const r = await checkGoplsCacheDir(p(), env, uid);
    expect(r.ok).toBe(false);
  });

  it('refuses a gopls cache that is a symlink out (even to a directory named gopls)', async () => {
    mkdirSync(path.join(t, 'elsewhere', 'gopls'), { recursive: true });
    rmSync(path.join(home, '.cache', 'gopls'), { recursive: true });
    symlinkSync(path.join(t, 'elsewhere', 'gopls'), path.join(home, '.cache', 'gopls'));
    const r = await checkGoplsCacheDir(path.join(home, '.cache', 'gopls'), env, uid);
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/symbolic link/) });
  });

  it('refuses a symlink to $HOME', async () => {
    rmSync(path.join(home, '.cache', 'gopls'), { recursive: true });
    symlinkSync(home, path.join(home, '.cache', 'gopls'));
    expect((await checkGoplsCacheDir(path.join(home, '.cache', 'gopls'), env, uid)).ok).toBe(false);
  });

  it('refuses when the cache path resolves to $HOME (XDG_CACHE_HOME one level above a home named gopls)', async () => {
    const odd = path.join(t, 'gopls');
    mkdirSync(odd);
    const r = await checkGoplsCacheDir(odd, { HOME: odd, XDG_CACHE_HOME: t }, uid);
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/home directory/) });
  });

  it('refuses when a symlinked parent makes it resolve to $HOME', async () => {
    const realHome = path.join(t, 'real', 'gopls');
    mkdirSync(realHome, { recursive: true });
    symlinkSync(path.join(t, 'real'), path.join(t, 'link'));
    const r = await checkGoplsCacheDir(path.join(t, 'link', 'gopls'), { HOME: realHome, XDG_CACHE_HOME: path.join(t, 'link') }, uid);
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/home directory/) });
  });

  it('follows a symlinked parent to a real gopls directory (a cache dir moved to another disk)', async () => {
    mkdirSync(path.join(t, 'disk', 'gopls'), { recursive: true });
    symlinkSync(path.join(t, 'disk'), path.join(t, 'xdg'));
    const r = await checkGoplsCacheDir(path.join(t, 'xdg', 'gopls'), { HOME: home, XDG_CACHE_HOME: path.join(t, 'xdg') }, uid);
    expect(r).toMatchObject({ ok: true, dir: path.join(t, 'disk', 'gopls') });
  });

  it("refuses another user's directory", async () => {
    chownSync(path.join(home, '.cache', 'gopls'), 65534, 65534);
    const r = await checkGoplsCacheDir(path.join(home, '.cache', 'gopls'), env, uid === 0 ? 0 : uid);
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/belongs to uid 65534/) });
  });

  it('says when there is nothing to clear', async () => {
    rmSync(path.join(home, '.cache', 'gopls'), { recursive: true });
    expect(await checkGoplsCacheDir(path.join(home, '.cache', 'gopls'), env, uid)).toMatchObject({ ok: false, absent: true });
  });

  it('empties the directory without following links out of it, and reports the blocks freed', async () => {
    const dir = path.join(home, '.cache', 'gopls');
    symlinkSync(home, path.join(dir, 'link-to-home'));
    symlinkSync(path.join(home, 'precious.txt'), path.join(dir, 'link-to-file'));
    const size = await measureCacheDir(dir);
    const r = await clearGoplsCacheDir(dir, { env, uid, confirm: async () => true });
    expect(r).toMatchObject({ ok: true, dir, removed: 4, failed: 0, freedBytes: size.bytes });
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(path.join(home, 'precious.txt'))).toBe(true);
    expect(existsSync(path.join(home, '.cache'))).toBe(true);
  });

  it('touches nothing when the user says no', async () => {
    const dir = path.join(home, '.cache', 'gopls');
    expect(await clearGoplsCacheDir(dir, { env, uid, confirm: async () => false })).toMatchObject({ ok: false, cancelled: true });
    expect(readdirSync(dir)).toEqual(['a1b2c3d4']);
  });

  // Issue 9 finding 2: the directory swapped for a symlink while the confirmation waits.
  it('a swap for a symlink between the confirmation and the delete: the target survives', async () => {
    const dir = path.join(home, '.cache', 'gopls');
    const victim = path.join(t, 'victim');
    mkdirSync(victim);
    writeFileSync(path.join(victim, 'thesis.tex'), 'years of work');
    const r = await clearGoplsCacheDir(dir, {
      env,
      uid,
      confirm: async () => {
        renameSync(dir, `${dir}.old`);
        symlinkSync(victim, dir);
        return true;
      },
    });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/symbolic link/) });
    expect(readFileSync(path.join(victim, 'thesis.tex'), 'utf8')).toBe('years of work');
  });

  it('a swap for another real directory: refused by its identity, nothing deleted', async () => {
    const dir = path.join(home, '.cache', 'gopls');
    const r = await clearGoplsCacheDir(dir, {
      env,
      uid,
      confirm: async () => {
        renameSync(dir, `${dir}.old`);
        mkdirSync(dir);
        writeFileSync(path.join(dir, 'someone-elses'), 'x');
        return true;
      },
    });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/replaced since the check/) });
    expect(readdirSync(dir)).toEqual(['someone-elses']);
  });

  it('refuses a cache whose parent other users can write (no sticky bit)', async () => {
    chmodSync(path.join(home, '.cache'), 0o777);
    expect(await checkGoplsCacheDir(path.join(home, '.cache', 'gopls'), env, uid)).toMatchObject({ ok: false, reason: expect.stringMatching(/\.cache, a parent of the cache, is writable by other users/) });
  });

  it('accepts a sticky shared parent when the cache in it is yours (like /tmp)', async () => {
    const shared = path.join(t, 'shared');
    mkdirSync(path.join(shared, 'gopls'), { recursive: true });
    chmodSync(shared, 0o1777);
    expect(await checkGoplsCacheDir(path.join(shared, 'gopls'), { HOME: home, GOPLSCACHE: shared }, uid)).toMatchObject({ ok: true });
  });

  it('refuses a cache under a parent owned by another user, and a cache others can write', async () => {
    chownSync(path.join(home, '.cache'), 65534, 65534);
    expect(await checkGoplsCacheDir(path.join(home, '.cache', 'gopls'), env, uid)).toMatchObject({ ok: false, reason: expect.stringMatching(/belongs to uid 65534/) });
    chownSync(path.join(home, '.cache'), uid, uid);
    chmodSync(path.join(home, '.cache', 'gopls'), 0o777);
    expect(await checkGoplsCacheDir(path.join(home, '.cache', 'gopls'), env, uid)).toMatchObject({ ok: false, reason: expect.stringMatching(/writable by other users/) });
  });
});

