// Version managers of the rbenv family (goenv for Go, pyenv, rbenv, nodenv) regenerate their shims
// under a lock: `<root>/shims/.<name>-shim`, created with noclobber and removed by an EXIT trap
// (libexec/<name>-rehash). A rehash killed outright (SIGKILL, a closed terminal, a crash) leaves the
// lock behind, and from then on every login shell whose start-up files run `<name> init` or
// `<name> rehash` waits for it (pyenv and rbenv wait up to 60 s, PYENV_REHASH_TIMEOUT) or fails
// to rehash. A desktop editor reading the login environment gives up first (VS Code after 10 s)
// and starts without the PATH the profile sets. No rehash takes a minute: an older lock is stale.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface RehashManager {
  name: string;
  /** The variable that moves its root; the default is $HOME/<dir>. */
  rootVar: string;
  dir: string;
}

export const REHASH_MANAGERS: readonly RehashManager[] = [
  { name: 'goenv', rootVar: 'GOENV_ROOT', dir: '.goenv' },
  { name: 'pyenv', rootVar: 'PYENV_ROOT', dir: '.pyenv' },
  { name: 'rbenv', rootVar: 'RBENV_ROOT', dir: '.rbenv' },
  { name: 'nodenv', rootVar: 'NODENV_ROOT', dir: '.nodenv' },
];

/** A lock older than this was left by a rehash that did not finish. */
export const STALE_AFTER_MS = 60_000;

export interface RehashLock {
  manager: string;
  path: string;
}

export interface StaleRehashLock extends RehashLock {
  ageMs: number;
}

/**
 * Pure: the lock files to look at, from the environments given (the login shell's first: it is
 * the one that runs the rehash) and HOME. Relative roots are ignored; each path once.
 */
export function rehashLockPaths(envs: ReadonlyArray<Readonly<Record<string, string | undefined>>>, home: string | undefined): RehashLock[] {
  const out: RehashLock[] = [];
  for (const m of REHASH_MANAGERS) {
    const roots = envs.map((e) => e[m.rootVar]).filter((r): r is string => !!r && path.isAbsolute(r));
    if (home && path.isAbsolute(home)) roots.push(path.join(home, m.dir));
    for (const root of roots) {
      const p = path.join(root, 'shims', `.${m.name}-shim`);
      if (!out.some((o) => o.path === p)) out.push({ manager: m.name, path: p });
    }
  }
  return out;
}

/** The locks that exist and are older than STALE_AFTER_MS at `now`. */
export async function staleRehashLocks(locks: readonly RehashLock[], now = Date.now(), stat: (p: string) => Promise<{ mtimeMs: number; isFile(): boolean }> = fs.lstat): Promise<StaleRehashLock[]> {
  const out: StaleRehashLock[] = [];
  for (const l of locks) {
    const st = await stat(l.path).catch(() => undefined);
    if (!st?.isFile()) continue;
    const ageMs = now - st.mtimeMs;
    if (ageMs > STALE_AFTER_MS) out.push({ ...l, ageMs });
  }
  return out;
}
