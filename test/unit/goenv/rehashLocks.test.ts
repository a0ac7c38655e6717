// A version manager's rehash lock left behind makes every login shell wait (seen on this VM:
// ~/.pyenv/shims/.pyenv-shim, after a login shell was killed in the middle of `pyenv rehash`,
// blocked every `bash -l -i` for 60 s). goenv, the Go version manager, takes the same lock.
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehashLockPaths, staleRehashLocks, STALE_AFTER_MS } from '../../../src/facts/rehashLocks.js';
import { loginShellProbe } from '../../../src/probes/loginShell.js';
import { binDir, makeCtx, runProbe, tempDir, tree } from './ctx.js';

describe('rehashLockPaths', () => {
  it('each manager under HOME, and under a root its variable names (the login shell\'s first)', () => {
    const got = rehashLockPaths([{ GOENV_ROOT: '/opt/goenv' }, { PYENV_ROOT: 'relative/ignored' }], '/home/ann');
    expect(got).toEqual([
      { manager: 'goenv', path: '/opt/goenv/shims/.goenv-shim' },
      { manager: 'goenv', path: '/home/ann/.goenv/shims/.goenv-shim' },
      { manager: 'pyenv', path: '/home/ann/.pyenv/shims/.pyenv-shim' },
      { manager: 'rbenv', path: '/home/ann/.rbenv/shims/.rbenv-shim' },
      { manager: 'nodenv', path: '/home/ann/.nodenv/shims/.nodenv-shim' },
    ]);
  });

  it('no HOME and no roots: nothing to look at', () => {
    expect(rehashLockPaths([{}], undefined)).toEqual([]);
  });
});

describe('staleRehashLocks', () => {
  const stat = (ages: Record<string, number | 'dir'>, now: number) => async (p: string) => {
    const a = ages[p];
    if (a === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return { mtimeMs: a === 'dir' ? now - 10 * STALE_AFTER_MS : now - a, isFile: () => a !== 'dir' };
  };
  it('only a file older than a minute is stale: a rehash running now holds a fresh one', async () => {
    const now = 1_800_000_000_000;
    const locks = [
      { manager: 'goenv', path: '/a' },
      { manager: 'pyenv', path: '/b' },
      { manager: 'rbenv', path: '/c' },
      { manager: 'nodenv', path: '/d' },
    ];
    const got = await staleRehashLocks(locks, now, stat({ '/a': 5 * 60_000, '/b': 2_000, '/c': 'dir' }, now));
    expect(got).toEqual([{ manager: 'goenv', path: '/a', ageMs: 5 * 60_000 }]);
  });
});

describe('login-shell probe: a stale rehash lock', () => {
  const goBin = () => binDir('bin', 'go');
  const withLock = (ageMs: number) => {
    const home = tree(tempDir('home'), { '.goenv/shims/.goenv-shim': '\n' });
    const lock = path.join(home, '.goenv/shims/.goenv-shim');
    const t = (Date.now() - ageMs) / 1000;
    utimesSync(lock, t, t);
    return { home, lock };
  };

  it('a goenv lock 20 minutes old: an env-inheritance warning with the line that removes it', async () => {
    const { home, lock } = withLock(20 * 60_000);
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: goBin(), HOME: home } }));
    const f = r.findings.find((x) => x.message.includes('rehash lock'))!;
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
    expect(f.message).toContain(`${lock}, goenv's rehash lock, is 20 min old`);
    expect(f.evidence[0]).toEqual({ source: lock, excerpt: 'exists, last modified 20 min ago' });
    expect(f.fixes[0]).toMatchObject({ id: 'remove-rehash-lock', kind: 'terminal', needsRoot: false, text: `rm -f -- ${lock}` });
    expect(r.observed).toMatchObject({ staleRehashLocks: [{ manager: 'goenv', path: lock }] });
  });

  it('when the login shell could not be read, the finding says so and is surer', async () => {
    const { home } = withLock(3 * 3_600_000);
    const loginShell = { ok: false as const, shell: '/bin/bash', reason: "/bin/bash -l -i -c '<print env>' did not finish within 3000 ms (an rc file waiting for input?)" };
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: goBin(), HOME: home }, loginShell }));
    const f = r.findings.find((x) => x.message.includes('rehash lock'))!;
    expect(f.message).toContain('is 3 h old');
    expect(f.message).toContain('In this run: /bin/bash -l -i -c');
    expect(f.confidence).toBeGreaterThan(0.6);
  });

  it('a lock a rehash holds right now (seconds old) is not one', async () => {
    const { home } = withLock(5_000);
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: goBin(), HOME: home } }));
    expect(r.findings.filter((x) => x.message.includes('rehash lock'))).toEqual([]);
  });
});
