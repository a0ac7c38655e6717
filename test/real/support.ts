// What the real-machine suites share: where the built CLI and the pinned gopls are, and a build
// of dist/ that runs once even when several vitest workers ask at the same time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import which from 'which';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli.js');
export const GOPLS = path.join(ROOT, '.tools/bin/gopls');
export const GO = which.sync('go', { nothrow: true });

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
