// After a run: find every process that still carries the run's marker in /proc/<pid>/environ and
// SIGKILL it. Those are descendants that escaped the process-group kill with setsid() (a gopls
// that daemonised a helper), or were reparented to init when their parent died.
//
// Bounded and careful: only processes of our own uid that started after the run did (stat's
// starttime, which reading never blocks on), so the environ of an old process stuck in the
// kernel (reading environ takes its mmap lock) is never touched; a fixed number of candidates;
// a time budget. Never throws.
import { promises as fs } from 'node:fs';
import { PROBE_ENV_MARKER } from '../host/runMarker.js';
import { parseProcStat } from './procStat.js';

/** Linux's USER_HZ: /proc/<pid>/stat starttime and /proc/uptime are in these ticks and seconds. */
const CLK_TCK = 100;
const MAX_CANDIDATES = 4096;
const ENVIRON_CAP = 512 * 1024;

/** Now, in clock ticks since boot (the unit of /proc/<pid>/stat starttime); undefined off Linux. */
export async function bootTicksNow(): Promise<number | undefined> {
  const up = (await readCapped('/proc/uptime', 256))?.toString('latin1');
  const s = up ? Number(up.split(' ')[0]) : NaN;
  return Number.isFinite(s) ? Math.floor(s * CLK_TCK) : undefined;
}

/** Does this NUL-separated environ carry NAME=marker? Pure. */
export function environHasMarker(environ: Buffer | string, marker: string): boolean {
  const text = typeof environ === 'string' ? environ : environ.toString('latin1');
  const kv = `${PROBE_ENV_MARKER}=${marker}`;
  return text.startsWith(`${kv}\0`) || text.includes(`\0${kv}\0`) || text === kv || text.endsWith(`\0${kv}`);
}

async function readCapped(p: string, cap: number): Promise<Buffer | undefined> {
  let h: fs.FileHandle | undefined;
  try {
    h = await fs.open(p, 'r');
    const buf = Buffer.alloc(cap);
    let n = 0;
    for (;;) {
      const { bytesRead } = await h.read(buf, n, cap - n, null);
      if (bytesRead === 0 || n + bytesRead >= cap) return buf.subarray(0, n + bytesRead);
      n += bytesRead;
    }
  } catch {
    return undefined;
  } finally {
    await h?.close().catch(() => undefined);
  }
}

export interface SweepOptions {
  /** Only processes started at or after this (clock ticks since boot, from bootTicksNow). */
  sinceTicks?: number;
  uid?: number;
  budgetMs?: number;
}

/** Pids carrying the marker, of our uid, started since the run; the scan itself is bounded. */
export async function findMarked(marker: string, opts: SweepOptions = {}): Promise<number[]> {
  const uid = opts.uid ?? (typeof process.getuid === 'function' ? process.getuid() : -1);
  const until = performance.now() + (opts.budgetMs ?? 2000);
  const names = await fs.readdir('/proc').catch(() => [] as string[]);
  const out: number[] = [];
  let candidates = 0;
  for (const n of names) {
    if (!/^\d+$/.test(n) || Number(n) === process.pid) continue;
    if (performance.now() > until || candidates >= MAX_CANDIDATES) break;
    const st = await fs.stat(`/proc/${n}`).catch(() => undefined);
    if (!st || st.uid !== uid) continue;
    if (opts.sinceTicks !== undefined) {
      const ps = parseProcStat((await readCapped(`/proc/${n}/stat`, 4096))?.toString('latin1') ?? '');
      // One second of slack: the tick count at the run's start was read, not exact.
      if (!ps || ps.state === 'Z' || ps.starttime < opts.sinceTicks - CLK_TCK) continue;
    }
    candidates++;
    const environ = await readCapped(`/proc/${n}/environ`, ENVIRON_CAP);
    if (environ && environHasMarker(environ, marker)) out.push(Number(n));
  }
  return out;
}

/** SIGKILLs every process with the marker, a few passes (a dying parent may just have forked). */
export async function killMarked(marker: string, opts: SweepOptions = {}): Promise<number[]> {
  const killed: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const pids = await findMarked(marker, opts);
    if (!pids.length) break;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
        killed.push(pid);
      } catch {
        /* ESRCH: already gone */
      }
    }
  }
  return killed;
}
