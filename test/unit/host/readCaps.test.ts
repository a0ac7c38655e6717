// Issue 9 finding 5: every file the doctor reads has a cap. A whole-file read of a path that a
// workspace or an environment variable can name (go.work, go.sum, a .go file, a cert dir) let a
// sparse 500 MB file cost gigabytes. This keeps new code on the capped readers: host.read (system
// files under the host root), readUserFile (user files), readLogFile (streamed logs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Reads of fixed kernel files, which cannot be made large by a user. */
const ALLOWED = new Set<string>([]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('no uncapped whole-file reads in src/', () => {
  it('fs.readFile / readFileSync appear only where the file cannot be large', () => {
    const offenders = sources('src')
      .filter((f) => !ALLOWED.has(f))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((l, i) => ({ f, i, l }))
          .filter(({ l }) => /\b(fs|fsp|promises)\.readFile\(|\breadFileSync\(/.test(l) && !l.trim().startsWith('//')),
      )
      .map(({ f, i, l }) => `${f}:${i + 1}: ${l.trim()}`);
    expect(offenders).toEqual([]);
  });
});
