// What the real-machine suites share: where the built CLI and the pinned gopls are, and a build
// of dist/ that runs once even when several vitest workers ask at the same time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import which from 'which';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli.js');
export const GOPLS = path.join(ROOT, '.tools/bin/gopls');
export const GO = which.sync('go', { nothrow: true });

/** golang.org/x/mod in the module cache, and the go line a module requiring it needs. */
export interface CachedXMod {
  /** The newest x/mod in the module cache (by semver, not by string); undefined when there is none. */
  version?: string;
  /**
   * x/mod's own go line, from its cached go.mod. A main module whose go line is older than a
   * dependency's makes go stop with "updates to go.mod needed", whichever x/mod the cache holds
   * (v0.42.0 asks for go 1.26.0).
   */
  goLine: string;
}

let xmod: CachedXMod | undefined;

/**
 * For the suites that build a module requiring x/mod without downloading (installing the pinned
 * gopls puts one in the cache). Read on first use, once per worker: the other real suites that
 * import this file do not pay for a `go env`.
 */
export function cachedXMod(): CachedXMod {
  if (xmod) return xmod;
  const cache = GO ? execFileSync(GO, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim() : '';
  const dir = cache && path.join(cache, 'golang.org/x');
  const version = dir && existsSync(dir)
    ? readdirSync(dir)
        .filter((d) => /^mod@v\d+\.\d+\.\d+$/.test(d))
        .map((d) => d.slice(4))
        .sort((a, b) => {
          const [x, y] = [a, b].map((v) => v.slice(1).split('.').map(Number));
          return x![0]! - y![0]! || x![1]! - y![1]! || x![2]! - y![2]!;
        })
        .pop()
    : undefined;
  const mod = version ? path.join(cache, 'cache/download/golang.org/x/mod/@v', `${version}.mod`) : '';
  const m = mod && existsSync(mod) ? /^go (\S+)$/m.exec(readFileSync(mod, 'utf8')) : null;
  xmod = { version, goLine: m?.[1] ?? '1.25.0' };
  return xmod;
}

/** Builds dist/ once for all real suites: a lock so two workers never write the bundle at once. */
export async function buildOnce(): Promise<void> {
  const lock = path.join(os.tmpdir(), 'go-env-doctor-build.lock');
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes is a crashed worker's.
      if (i > 1200 || Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 120_000) rmdirSync(lock);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (!existsSync(CLI) || newestSource(path.join(ROOT, 'src')) > statSync(CLI).mtimeMs) execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}
