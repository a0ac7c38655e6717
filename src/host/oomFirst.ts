// Under a tight memory limit the kernel's OOM killer picks the process with the highest
// oom_score; a gopls loading a module is usually that, but not always (a small limit, a doctor
// process grown by a large report). If the doctor itself is killed, nobody reports the limit. So
// every child the doctor starts is marked to die first: its oom_score_adj is raised above the
// doctor's own. Raising needs no privilege (lowering does), and it only ever affects processes the
// doctor started, and only while they run.
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';

/** How far above the doctor's own oom_score_adj its children are placed (the range is -1000..1000). */
const CHILD_OOM_BIAS = 500;

let own: number | undefined;

function ownAdj(): number {
  if (own === undefined) {
    try {
      // A number of at most five characters: read 16 bytes, never the whole file.
      const fd = openSync('/proc/self/oom_score_adj', 'r');
      const buf = Buffer.alloc(16);
      const n = readSync(fd, buf, 0, buf.length, 0);
      closeSync(fd);
      own = Number.parseInt(buf.toString('utf8', 0, n).trim(), 10) || 0;
    } catch {
      own = 0;
    }
  }
  return own;
}

/** Best effort: a non-Linux host, a gone child or a read-only /proc leave things as they were. */
export function markOomFirst(pid: number | undefined): void {
  if (!pid || process.platform !== 'linux') return;
  try {
    writeFileSync(`/proc/${pid}/oom_score_adj`, String(Math.min(1000, ownAdj() + CHILD_OOM_BIAS)));
  } catch {
    // The child already exited, or /proc is not writable here: nothing to protect.
  }
}
