// The machine is a value (prometheus/procfs style): probes read /proc, /sys and /etc through a Host
// whose root is "/" in production and a fixture tree in tests. User files (GOPATH, caches,
// workspaces) are real paths on the real file system and are not re-rooted.
import { accessSync, closeSync, openSync, promises as fs, readdirSync, readlinkSync, readSync, constants as fsConst } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, type ExecOptions, type ExecResult } from './exec.js';
import { noteRefused } from './refusedCommands.js';

export type ReadResult = { ok: true; text: string; truncated: boolean } | { ok: false; code: string; message: string };

/** Procfs files report size 0 or lie: read in chunks up to a cap instead of trusting stat. */
const DEFAULT_READ_CAP = 1024 * 1024;
/** One read of a procfs file: most (status, stat, cgroup) are one page. */
const SYNC_CHUNK = 16 * 1024;

export interface HostOptions {
  root?: string;
  /** The pid that /proc/self stands for; in a fixture tree, the pid its files describe. */
  pid?: number;
  uid?: number;
  platform?: NodeJS.Platform;
  /** Replaces process spawning (tests of a fixture host run nothing by default). */
  exec?: (file: string, args: readonly string[], opts: ExecOptions) => Promise<ExecResult>;
}

/**
 * Out of descriptors (EMFILE, ENFILE) is a moment, not an answer: the probes run side by side, and
 * under a low RLIMIT_NOFILE their reads and spawns take the last few together. A read waits for
 * others to close theirs (as graceful-fs queues an open), a little longer each time; any other
 * failure is the answer at once. Without this the process-limits probe could not read the very
 * limit that explains the failures.
 */
const OUT_OF_FILES_WAITS_MS = [5, 20, 50, 100, 200];

async function openRetrying(file: string): Promise<fs.FileHandle> {
  for (const wait of OUT_OF_FILES_WAITS_MS) {
    try {
      return await fs.open(file, 'r');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EMFILE' && code !== 'ENFILE') throw e;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  return fs.open(file, 'r');
}

export class Host {
  readonly root: string;
  readonly pid: number;
  readonly uid: number;
  readonly platform: NodeJS.Platform;
  /** True when the host is this very machine, so active checks (spawn, exec canary) mean something. */
  readonly live: boolean;
  readonly exec: (file: string, args: readonly string[], opts: ExecOptions) => Promise<ExecResult>;
  /**
   * This process's /proc/self/limits as read when the host was made, before any probe ran: under
   * a hard RLIMIT_NOFILE of 20 (which Node cannot raise) the probes' pipes and reads take every
   * descriptor, and the read of the very limit that explains it failed even after waiting
   * (measured: "process-limits ok" beside "go could not be started (EMFILE)"). rlimits do not
   * change under a running process unless someone runs prlimit on it.
   */
  readonly limitsAtStart: string | undefined;

  constructor(opts: HostOptions = {}) {
    this.root = path.resolve(opts.root ?? '/');
    this.live = this.root === '/';
    this.pid = opts.pid ?? process.pid;
    this.uid = opts.uid ?? (typeof process.getuid === 'function' ? process.getuid() : -1);
    this.platform = opts.platform ?? (this.live ? process.platform : 'linux');
    const exec = opts.exec ?? run;
    // A command refused for want of a resource is noted for the probe that ran it (refusedCommands.ts).
    this.exec = async (file, args, o) => {
      const r = await exec(file, args, o);
      noteRefused(file, args, r);
      return r;
    };
    this.limitsAtStart = this.live && this.platform === 'linux' ? this.readTextSync(`/proc/${this.pid}/limits`) : undefined;
  }

  /** An absolute system path ("/proc/self/mountinfo") under this host's root. */
  path(...parts: string[]): string {
    const joined = path.posix.join('/', ...parts);
    return this.root === '/' ? joined : path.join(this.root, joined);
  }

  async read(p: string, cap = DEFAULT_READ_CAP): Promise<ReadResult> {
    let handle: fs.FileHandle | undefined;
    try {
      handle = await openRetrying(this.path(p));
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const buf = Buffer.alloc(Math.min(64 * 1024, cap - total + 1));
        const { bytesRead } = await handle.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        chunks.push(buf.subarray(0, bytesRead));
        total += bytesRead;
        if (total > cap) break;
      }
      const all = Buffer.concat(chunks);
      return { ok: true, text: all.subarray(0, cap).toString('utf8'), truncated: all.length > cap };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      return { ok: false, code: err.code ?? 'EIO', message: `${p}: ${err.code ?? err.message}` };
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  /** The text, or undefined when the file cannot be read (absent, no permission). */
  async readText(p: string, cap?: number): Promise<string | undefined> {
    const r = await this.read(p, cap);
    return r.ok ? r.text : undefined;
  }

  async list(p: string): Promise<string[] | undefined> {
    try {
      return await fs.readdir(this.path(p));
    } catch {
      return undefined;
    }
  }

  async readlink(p: string): Promise<string | undefined> {
    try {
      return await fs.readlink(this.path(p));
    } catch {
      return undefined;
    }
  }

  async exists(p: string): Promise<boolean> {
    try {
      await fs.access(this.path(p), fsConst.F_OK);
      return true;
    } catch {
      return false;
    }
  }

  // Synchronous doors, for walks over /proc (thousands of small reads in one scan: each through
  // libuv's pool costs a round trip and a promise, 10-30x the syscall, on the thread that also
  // runs the gopls session). procfs answers from memory; callers yield between slices
  // (timeSlice.ts) and read anything large, or outside /proc, through the async doors above.

  /** readText, synchronously. O_NONBLOCK: a FIFO in a fixture tree cannot hang the thread. */
  readTextSync(p: string, cap = DEFAULT_READ_CAP): string | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(this.path(p), fsConst.O_RDONLY | fsConst.O_NONBLOCK);
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const buf = Buffer.allocUnsafe(Math.min(SYNC_CHUNK, cap - total + 1));
        const n = readSync(fd, buf, 0, buf.length, null);
        if (n === 0) break;
        chunks.push(buf.subarray(0, n));
        total += n;
        if (total > cap) break;
      }
      return (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).subarray(0, cap).toString('utf8');
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeQuietly(fd);
    }
  }

  listSync(p: string): string[] | undefined {
    try {
      return readdirSync(this.path(p));
    } catch {
      return undefined;
    }
  }

  readlinkSync(p: string): string | undefined {
    try {
      return readlinkSync(this.path(p));
    } catch {
      return undefined;
    }
  }

  existsSync(p: string): boolean {
    try {
      accessSync(this.path(p), fsConst.F_OK);
      return true;
    } catch {
      return false;
    }
  }

  hostname(): string | undefined {
    return this.live ? os.hostname() : undefined;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing to do about a close that failed.
  }
}

export function liveHost(): Host {
  return new Host();
}
