// The one door to child processes. Every spawn is an argument array (never a shell string built
// from data), has a timeout and an AbortSignal, and runs in its own process group so that a
// deadline kills the whole tree: a gopls that forked a helper must not outlive the report.
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { execa, type ResultPromise } from 'execa';
import { guardSpawn } from './spawnGuard.js';
import { markedEnv } from './runMarker.js';
import { quoteForDisplay } from './shellQuote.js';
import { markOomFirst } from './oomFirst.js';

export interface ExecOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** The complete environment of the child; the caller decides what it inherits. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string;
  /** Bytes kept of stdout and of stderr; the rest is dropped, not an error. */
  maxBuffer?: number;
}

export interface ExecResult {
  /** For evidence: the command as a person would type it (display only, never executed). */
  commandLine: string;
  exitCode?: number;
  signal?: string;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  canceled: boolean;
  /** True when the command could not run or did not exit 0. */
  failed: boolean;
  /** errno name when the spawn itself failed: ENOENT, EACCES, ENOEXEC… */
  errorCode?: string;
  message?: string;
  durationMs: number;
}

const DEFAULT_MAX_BUFFER = 4 * 1024 * 1024;

export { quoteForDisplay };

export function commandLineOf(file: string, args: readonly string[]): string {
  return [file, ...args].map(quoteForDisplay).join(' ');
}

/** Kills a detached child's whole process group; harmless if it is already gone. */
export function killProcessGroup(pid: number | undefined): void {
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals | 0): boolean {
  if (!pid || pid <= 1) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is already gone
  }
}

/**
 * How long a process group is given between SIGTERM and SIGKILL, out of the command's own time.
 * A shell killed outright leaves what its EXIT traps would have cleaned up: a login shell stopped
 * in the middle of `pyenv rehash` left pyenv's lock (~/.pyenv/shims/.pyenv-shim) behind, and every
 * later shell then waited 60 s for it. SIGTERM first lets such a script run its trap (an
 * interactive shell ignores SIGTERM, its children do not); SIGKILL still ends the group by the
 * deadline, so nothing outlives it.
 */
export const TERM_GRACE_MS = 200;

export function graceFor(timeoutMs: number): number {
  return Math.max(0, Math.min(TERM_GRACE_MS, Math.floor(timeoutMs / 4)));
}

/**
 * Ends what is left of a process group: SIGTERM (unless `asked` says it was sent already), then
 * SIGKILL once `graceMs` have passed with any of it still running. Returns at once when the group
 * is gone or only zombies are left (the usual case; an init that does not reap orphans, a
 * container's, leaves them for good). SIGTERM goes once: a second one lands in the EXIT trap the
 * first one started and kills the `rm` it runs, which is the very cleanup the grace is for.
 */
export async function endProcessGroup(pid: number | undefined, graceMs: number, asked = false): Promise<void> {
  if (!signalGroup(pid, 0) || !groupHasLiveMember(pid!)) return void killProcessGroup(pid);
  if (!asked) signalGroup(pid, 'SIGTERM');
  const until = performance.now() + graceMs;
  while (performance.now() < until && groupHasLiveMember(pid!)) await new Promise((r) => setTimeout(r, 20));
  killProcessGroup(pid);
}

/** True while a process of group `pgid` is not a zombie: /proc/PID/stat's state and pgrp fields. */
export function groupHasLiveMember(pgid: number): boolean {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return signalGroup(pgid, 0); // no /proc: only the kernel's word that the group exists
  }
  const buf = Buffer.allocUnsafe(1024); // /proc/PID/stat is one short line (comm is at most 64 bytes)
  for (const n of names) {
    const c = n.charCodeAt(0);
    if (c < 0x30 || c > 0x39) continue;
    let stat: string;
    try {
      const fd = openSync(`/proc/${n}/stat`, 'r');
      try {
        stat = buf.toString('latin1', 0, readSync(fd, buf, 0, buf.length, 0));
      } finally {
        closeSync(fd);
      }
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) S ppid pgrp …": comm may hold spaces and parentheses, so read after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(f[2]) === pgid && f[0] !== 'Z' && f[0] !== 'X') return true;
  }
  return false;
}

/**
 * How many commands run at once. Unbounded, except where a task limit leaves little room: there the
 * probes' go commands side by side were refused forks that a single go build never is (a tester's
 * pids.max 30: go build and gopls each worked alone, and the report blamed the limit on them).
 */
let commandSlots = Number.POSITIVE_INFINITY;
let commandsRunning = 0;
const commandQueue: Array<() => void> = [];

export function limitConcurrentCommands(n: number): void {
  commandSlots = Math.max(1, Math.floor(n));
}

/** Resolves true with a slot held, or false when canceled while waiting for one. */
function takeSlot(signal: AbortSignal | undefined): Promise<boolean> {
  if (commandsRunning < commandSlots) {
    commandsRunning++;
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const go = () => {
      signal?.removeEventListener('abort', leave);
      commandsRunning++;
      resolve(true);
    };
    // Canceled while waiting: leave the queue holding nothing; run() then reports the cancellation.
    const leave = () => {
      const i = commandQueue.indexOf(go);
      if (i >= 0) commandQueue.splice(i, 1);
      resolve(false);
    };
    signal?.addEventListener('abort', leave, { once: true });
    commandQueue.push(go);
  });
}

function giveSlot(): void {
  commandsRunning--;
  commandQueue.shift()?.();
}

/** Runs a command to completion. Never throws: a failure to run is part of the result. */
export async function run(file: string, args: readonly string[], opts: ExecOptions): Promise<ExecResult> {
  if (commandSlots === Number.POSITIVE_INFINITY) return runNow(file, args, opts);
  const held = await takeSlot(opts.signal);
  try {
    return await runNow(file, args, opts);
  } finally {
    if (held) giveSlot();
  }
}

async function runNow(file: string, args: readonly string[], opts: ExecOptions): Promise<ExecResult> {
  const started = performance.now();
  const commandLine = commandLineOf(file, args);
  if (opts.signal?.aborted) {
    return { commandLine, stdout: '', stderr: '', timedOut: false, canceled: true, failed: true, message: 'canceled before start', durationMs: 0 };
  }
  let child: ResultPromise | undefined;
  try {
    const spawned = guardSpawn(() => execa(file, [...args], {
      timeout: opts.timeoutMs,
      cancelSignal: opts.signal,
      // This run's marker, so a child that escapes the group (setsid) is still found: runMarker.ts.
      env: markedEnv(opts.env ?? process.env),
      extendEnv: false,
      cwd: opts.cwd,
      input: opts.input,
      stdin: opts.input === undefined ? 'ignore' : 'pipe',
      reject: false,
      // Own process group (setsid), so killProcessGroup reaches grandchildren.
      detached: true,
      killSignal: 'SIGKILL',
      maxBuffer: opts.maxBuffer ?? DEFAULT_MAX_BUFFER,
      stripFinalNewline: false,
      encoding: 'utf8',
      windowsHide: true,
    }));
    if (!spawned.ok) {
      const err = await spawned.error;
      return { commandLine, stdout: '', stderr: '', timedOut: false, canceled: false, failed: true, errorCode: err.code, message: err.message, durationMs: performance.now() - started };
    }
    child = spawned.value;
    const pid = child.pid;
    markOomFirst(pid);
    // A grandchild that inherited stdout keeps the pipe open after the child dies, and execa
    // waits for that EOF: end the whole group the moment the child exits, times out or is
    // canceled, so the await below always ends. At the deadline less TERM_GRACE_MS the group is
    // asked to stop (SIGTERM), at the deadline it is killed (execa's timeout, then ours).
    const grace = graceFor(opts.timeoutMs);
    // SIGTERM is sent to the group once, whichever comes first: the deadline or the child's exit.
    let asked = false;
    let terminated = false;
    const askToStop = () => {
      terminated = true;
      if (!asked) asked = signalGroup(pid, 'SIGTERM');
    };
    const killTree = () => killProcessGroup(pid);
    // The child is gone; what it left in its group is asked to stop, and killed after the grace
    // even if it holds the output pipe open (the await below waits for that pipe's end).
    let exitKill: ReturnType<typeof setTimeout> | undefined;
    const onExit = () => {
      if (!asked) asked = signalGroup(pid, 'SIGTERM');
      if (asked) exitKill = setTimeout(killTree, grace);
    };
    child.once('exit', onExit);
    const termTimer = grace > 0 ? setTimeout(askToStop, opts.timeoutMs - grace) : undefined;
    const timer = setTimeout(killTree, opts.timeoutMs + 50);
    opts.signal?.addEventListener('abort', killTree, { once: true });
    const r = await child.finally(() => {
      clearTimeout(termTimer);
      clearTimeout(timer);
      clearTimeout(exitKill);
      opts.signal?.removeEventListener('abort', killTree);
    });
    // Anything of the group still there (a background job of the shell) gets the same grace.
    await endProcessGroup(pid, grace, asked);
    return {
      commandLine,
      exitCode: r.exitCode,
      signal: r.signal ?? undefined,
      stdout: String(r.stdout ?? ''),
      stderr: String(r.stderr ?? ''),
      // Ended by the SIGTERM sent just before the deadline: that is the deadline too.
      timedOut: Boolean(r.timedOut) || (terminated && r.failed && !r.isCanceled),
      canceled: Boolean(r.isCanceled),
      failed: Boolean(r.failed),
      errorCode: spawnErrorCode(r),
      message: r.failed ? (r as { originalMessage?: string }).originalMessage || r.shortMessage : undefined,
      durationMs: performance.now() - started,
    };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { commandLine, stdout: '', stderr: '', timedOut: false, canceled: false, failed: true, errorCode: err.code, message: err.message, durationMs: performance.now() - started };
  } finally {
    killProcessGroup(child?.pid);
  }
}

function spawnErrorCode(r: unknown): string | undefined {
  const code = (r as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
