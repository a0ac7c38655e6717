// The one door to child processes. Every spawn is an argument array (never a shell string built
// from data), has a timeout and an AbortSignal, and runs in its own process group so that a
// deadline kills the whole tree: a gopls that forked a helper must not outlive the report.
import { execa, type ResultPromise } from 'execa';
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
  if (!pid || pid <= 1) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* ESRCH: the group is already gone */
  }
}

/** Runs a command to completion. Never throws: a failure to run is part of the result. */
export async function run(file: string, args: readonly string[], opts: ExecOptions): Promise<ExecResult> {
  const started = performance.now();
  const commandLine = commandLineOf(file, args);
  if (opts.signal?.aborted) {
    return { commandLine, stdout: '', stderr: '', timedOut: false, canceled: true, failed: true, message: 'canceled before start', durationMs: 0 };
  }
  let child: ResultPromise | undefined;
  try {
    child = execa(file, [...args], {
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
    });
    const pid = child.pid;
    markOomFirst(pid);
    // A grandchild that inherited stdout keeps the pipe open after the child dies, and execa
    // waits for that EOF: kill the whole group the moment the child exits, times out or is
    // canceled, so the await below always ends.
    const killTree = () => killProcessGroup(pid);
    child.once('exit', killTree);
    const timer = setTimeout(killTree, opts.timeoutMs + 50);
    opts.signal?.addEventListener('abort', killTree, { once: true });
    const r = await child.finally(() => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', killTree);
    });
    return {
      commandLine,
      exitCode: r.exitCode,
      signal: r.signal ?? undefined,
      stdout: String(r.stdout ?? ''),
      stderr: String(r.stderr ?? ''),
      timedOut: Boolean(r.timedOut),
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
