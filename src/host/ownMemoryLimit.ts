// The memory limit the doctor itself runs under, read before anything else is loaded. A tester ran
// the CLI inside a 60 MiB memory cgroup, the user's own: node was OOM-killed before it printed a
// word, so the one machine where the answer is "this limit" got no answer at all. Read first and
// told on stderr when it is small, the cause is on the screen even if the run dies; the cgroups
// probe says it properly when the run lives. Synchronous and small: it runs in the loader.
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

/** Below this the doctor (~80 MiB of its own) and the gopls it starts cannot both run. */
export const TIGHT_LIMIT_BYTES = 256 * 1024 ** 2;

export interface OwnMemoryLimit {
  bytes: number;
  /** The interface file the limit was read from (the smallest up the hierarchy). */
  file: string;
}

/** Pure: the cgroup path of the memory controller in /proc/self/cgroup (v1 "N:…memory…:/p", else v2 "0::/p"), and which. */
export function memoryCgroupPath(procCgroup: string): { version: 1 | 2; path: string } | undefined {
  let v2: string | undefined;
  for (const line of procCgroup.split('\n')) {
    const m = /^(\d+):([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    if (m[2]!.split(',').includes('memory')) return { version: 1, path: m[3]! };
    if (m[1] === '0' && m[2] === '') v2 = m[3]!;
  }
  return v2 !== undefined ? { version: 2, path: v2 } : undefined;
}

/** Pure: a limit file's value in bytes; v2's "max" and v1's huge "unlimited" (page-rounded LONG_MAX) are none. */
export function limitBytes(text: string | undefined): number | undefined {
  const t = text?.trim();
  if (!t || !/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 2 ** 60 ? undefined : n;
}

function readSmall(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The smallest memory limit from this process's cgroup up to the root of its hierarchy, or
 * undefined when there is none (or it cannot be read). `read` is injectable for tests.
 */
export function ownMemoryLimit(read: (file: string) => string | undefined = readSmall, root = '/sys/fs/cgroup'): OwnMemoryLimit | undefined {
  const where = memoryCgroupPath(read('/proc/self/cgroup') ?? '');
  if (!where) return undefined;
  const base = where.version === 1 ? path.join(root, 'memory') : root;
  const name = where.version === 1 ? 'memory.limit_in_bytes' : 'memory.max';
  let best: OwnMemoryLimit | undefined;
  // A path outside this namespace's view ("/../x") has no directory here: only what resolves under base.
  for (let rel = path.posix.normalize(where.path); ; rel = path.posix.dirname(rel)) {
    if (rel.startsWith('..')) break;
    const file = path.join(base, rel, name);
    const bytes = limitBytes(read(file));
    if (bytes !== undefined && (!best || bytes < best.bytes)) best = { bytes, file };
    if (rel === '/' || rel === '.') break;
  }
  return best;
}

/** The line told on stderr before the run, or undefined when the limit leaves room. */
export function tightLimitWarning(limit: OwnMemoryLimit | undefined): string | undefined {
  if (!limit || limit.bytes >= TIGHT_LIMIT_BYTES) return undefined;
  const mib = Math.round(limit.bytes / 1024 ** 2);
  return `go-env-doctor: this process runs under a memory limit of ${mib} MiB (${limit.file}). The doctor needs about 80 MiB and gopls far more; if this run is killed before it reports, that limit is the cause (memory-limit): raise it for the editor's container or session.`;
}
