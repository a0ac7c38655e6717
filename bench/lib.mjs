// What the bench sections share: the repository root, the median, and the start of every section
// that runs the built CLI beside the pinned gopls (check for gopls, build dist/, make a temp dir).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The median; of an even count, the mean of the middle two. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

/**
 * The pinned gopls, a fresh build of dist/cli.js and a temp dir named after the section; undefined
 * (after saying why) when gopls is not installed, so the section measures nothing.
 */
export function prepareCliBench(section) {
  const gopls = path.join(repo, '.tools', 'bin', 'gopls');
  if (!existsSync(gopls)) {
    console.log('no pinned gopls at .tools/bin/gopls (node test/setup/install-gopls.mjs): nothing to measure.');
    return undefined;
  }
  execFileSync('npm', ['run', '-s', 'build'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  return { gopls, cli: path.join(repo, 'dist', 'cli.js'), tmp: mkdtempSync(path.join(os.tmpdir(), `bench-${section}-`)) };
}
