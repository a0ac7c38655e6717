// The one door to child processes. Every spawn is an argument array (never a shell string built
// from data), has a timeout and an AbortSignal, and runs in its own process group so that a
// deadline kills the whole tree: a gopls that forked a helper must not outlive the report.
import { execa, type ResultPromise } from 'execa';
import { GroupStop, killProcessGroup, type StopPolicy } from './processGroup.js';
import { guardSpawn } from './spawnGuard.js';
import { childCwd } from './currentDir.js';
import { markedEnv } from './runMarker.js';
import { noteRunning } from './runningCommands.js';
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
  /**
   * How the command is asked to stop, at its deadline or when canceled, before SIGKILL. Without it:
   * SIGTERM, graceFor(timeoutMs) before the deadline, and SIGKILL at once on cancel.
   */
  stop?: StopPolicy;
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
export { groupHasLiveMember, killProcessGroup, type StopPolicy } from './processGroup.js';

export function commandLineOf(file: string, args: readonly string[]): string {
  return [file, ...args].map(quoteForDisplay).join(' ');
}

/**
 * How long a process group is given between SIGTERM and SIGKILL, out of the command's own time,
 * when the caller sets no StopPolicy: a script's EXIT trap then still cleans up. Not enough for a
 * login shell: an interactive shell ignores SIGTERM and goes on starting rc lines, and one of them
 * (`pyenv rehash`, taking its lock) was cut by the SIGKILL (measured: 8 of 61 shells stopped at
 * their deadline left pyenv's lock, under a load of 15-25 on 2 cores). Shells pass their own
 * policy (facts/shellDeadline.ts).
 */
export const TERM_GRACE_MS = 200;

export function graceFor(timeoutMs: number): number {
  return Math.max(0, Math.min(TERM_GRACE_MS, Math.floor(timeoutMs / 4)));
}

/**
 * The commands being stopped gently after a cancel, each until its group is gone or its grace is
 * over. A run that ends while one of them is still in its grace waits for it (commandsStopped)
 * before sweeping its leftovers with SIGKILL, or the sweep would cut the very trap the grace is for.
 */
const stopping = new Set<Promise<void>>();

/** Resolves once every command canceled so far has ended; each takes its grace at most. */
export async function commandsStopped(): Promise<void> {
  await Promise.all([...stopping]);
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
  // Forgets this command in the run's list of running ones (runningCommands.ts), once it is over.
  let forget = () => undefined as void;
  // Set once this run is in the set of commands being stopped after a cancel; settled at the end.
  let inGrace: { done: Promise<void>; settle: () => void } | undefined;
  try {
    // A command with a stop policy is canceled by its own signal and grace (below), not by execa,
    // which would SIGKILL it at once.
    const gentleCancel = opts.stop !== undefined;
    const spawned = guardSpawn(() => execa(file, [...args], {
      timeout: opts.timeoutMs,
      cancelSignal: gentleCancel ? undefined : opts.signal,
      // This run's marker, so a child that escapes the group (setsid) is still found: runMarker.ts.
      env: markedEnv(opts.env ?? process.env),
      extendEnv: false,
      // A working directory removed under the doctor would fail every spawn (ENOENT) and read as
      // "go cannot run": the child starts in / then, which the editor's tools never lack.
      cwd: opts.cwd ?? childCwd(),
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
    forget = noteRunning(commandLine);
    const pid = child.pid;
    markOomFirst(pid);
    // A grandchild that inherited stdout keeps the pipe open after the child dies, and execa
    // waits for that EOF: end the whole group the moment the child exits, times out or is
    // canceled, so the await below always ends. At the deadline less the grace the group is
    // asked to stop (SIGTERM, or the stop policy's signal), at the deadline it is killed
    // (execa's timeout, then ours).
    const policy: StopPolicy = opts.stop
      ? { ...opts.stop, graceMs: Math.max(0, Math.min(opts.stop.graceMs, opts.timeoutMs)) }
      : { signal: 'SIGTERM', graceMs: graceFor(opts.timeoutMs), leaderFirst: false };
    const grace = policy.graceMs;
    // The stop signal goes once, whichever comes first: the deadline, a cancel or the child's exit.
    const stop = new GroupStop(pid, policy);
    let terminated = false;
    let canceled = false;
    const killTree = () => killProcessGroup(pid);
    // The child is gone; what it left in its group is asked to stop, and killed after the grace
    // even if it holds the output pipe open (the await below waits for that pipe's end).
    child.once('exit', () => stop.leaderExited());
    // Canceled: a gentle command is asked to stop and killed after its grace; the run that
    // canceled it can wait for that (commandsStopped). Any other is killed at once.
    const onAbort = gentleCancel
      ? () => {
          canceled = true;
          let settle = () => {};
          inGrace = { done: new Promise<void>((r) => (settle = r)), settle };
          stopping.add(inGrace.done);
          stop.begin();
        }
      : killTree;
    const termTimer = grace > 0 ? setTimeout(() => ((terminated = true), stop.begin()), opts.timeoutMs - grace) : undefined;
    const timer = setTimeout(killTree, opts.timeoutMs + 50);
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
    const r = await child.finally(() => {
      clearTimeout(termTimer);
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    });
    // Anything of the group still there (a background job of the shell) gets the same grace,
    // counted from when it was first asked to stop.
    await stop.settled();
    const wasCanceled = Boolean(r.isCanceled) || canceled;
    return {
      commandLine,
      exitCode: r.exitCode,
      signal: r.signal ?? undefined,
      stdout: String(r.stdout ?? ''),
      stderr: String(r.stderr ?? ''),
      // Ended by the stop signal sent just before the deadline: that is the deadline too.
      timedOut: !wasCanceled && (Boolean(r.timedOut) || (terminated && r.failed)),
      canceled: wasCanceled,
      failed: Boolean(r.failed) || canceled,
      errorCode: spawnErrorCode(r),
      message: canceled ? 'canceled' : r.failed ? (r as { originalMessage?: string }).originalMessage || r.shortMessage : undefined,
      durationMs: performance.now() - started,
    };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { commandLine, stdout: '', stderr: '', timedOut: false, canceled: false, failed: true, errorCode: err.code, message: err.message, durationMs: performance.now() - started };
  } finally {
    forget();
    killProcessGroup(child?.pid);
    if (inGrace) {
      stopping.delete(inGrace.done);
      inGrace.settle();
    }
  }
}

function spawnErrorCode(r: unknown): string | undefined {
  const code = (r as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
