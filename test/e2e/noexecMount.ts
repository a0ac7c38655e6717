// The planted fault: a tmpfs mounted noexec, used as GOTMPDIR. Needs root; unmounted and checked
// gone afterwards (other suites run on this machine).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Mount options of `dir` from /proc/self/mountinfo (field 5 is the mount point, 6 its options). */
export function mountOptionsOf(dir: string, mountinfo = readFileSync('/proc/self/mountinfo', 'utf8')): string[] | undefined {
  let found: string[] | undefined;
  for (const line of mountinfo.split('\n')) {
    const f = line.split(' ');
    const point = f[4]?.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
    if (point === dir) found = f[5]?.split(','); // the last mount on a point is the visible one
  }
  return found;
}

export interface NoexecMount {
  dir: string;
  unmount(): void;
}

export function mountNoexecTmpfs(): NoexecMount {
  if (process.getuid?.() !== 0) throw new Error('the e2e suite mounts a noexec tmpfs and needs root');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-e2e-noexec-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'noexec,nosuid,nodev,size=64m,mode=1777', 'tmpfs', dir]);
  const opts = mountOptionsOf(dir);
  if (!opts?.includes('noexec')) throw new Error(`${dir} is not mounted noexec: ${opts?.join(',')}`);
  return {
    dir,
    unmount() {
      // A process of the stopped editor may still hold a file there for a moment: retry, then detach.
      for (let i = 0; i < 10 && mountOptionsOf(dir); i++) {
        try {
          execFileSync('umount', [dir], { stdio: 'pipe' });
        } catch {
          execFileSync('sleep', ['0.5']);
        }
      }
      if (mountOptionsOf(dir)) execFileSync('umount', ['-l', dir]);
      if (mountOptionsOf(dir)) throw new Error(`${dir} is still mounted`);
      rmdirSync(dir);
    },
  };
}
