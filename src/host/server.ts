// A long-lived child spoken to over its stdio (a language server), as opposed to exec.ts's
// run-to-completion commands. Same rules: an argument array, an explicit environment, a
// deadline and an AbortSignal, its own process group, and that group SIGKILLed at the end,
// so a server that forked helpers leaves nothing behind.
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { execa, type ResultPromise } from 'execa';
import { commandLineOf, killProcessGroup } from './exec.js';
import { guardSpawn } from './spawnGuard.js';
import { noteRunning } from './runningCommands.js';
import { childCwd } from './currentDir.js';
import { markedEnv } from './runMarker.js';
import { markOomFirst } from './oomFirst.js';
import { yieldCpu } from './yieldCpu.js';

export interface ServerOptions {
  /** The complete environment of the server; nothing is inherited. */
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** The server is killed when this passes, whatever it is doing. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Bytes of stderr kept (the tail); a chatty server must not grow memory. */
  stderrCap?: number;
}

export interface ServerExit {
  exitCode?: number;
  signal?: string;
  /** errno name when the spawn itself failed: ENOENT, EACCES… */
  errorCode?: string;
  message?: string;
  timedOut: boolean;
  canceled: boolean;
}

export interface ServerProcess {
  commandLine: string;
  /** Undefined when the spawn failed outright. */
  pid?: number;
  stdin: Writable;
  stdout: Readable;
  /** Resolves once, when the server has exited or could not start; never rejects. */
  exited: Promise<ServerExit>;
  hasExited(): boolean;
  /** The last stderrCap bytes the server wrote, after its first 2 KiB when more was written. */
  stderrTail(): string;
  /** SIGKILL to the whole process group; safe to call more than once. */
  kill(): void;
}

const DEFAULT_STDERR_CAP = 16 * 1024;
/** A Go crash says why on its first lines ("fatal error: …", "runtime: out of memory: …"); its goroutine dump follows. */
const STDERR_HEAD = 2 * 1024;

export function spawnServer(file: string, args: readonly string[], opts: ServerOptions): ServerProcess {
  const commandLine = commandLineOf(file, args);
  const cap = opts.stderrCap ?? DEFAULT_STDERR_CAP;
  let stderr = '';
  /** The first bytes, kept once the tail no longer holds them. */
  let head: string | undefined;
  let exitedFlag = false;
  const spawned = guardSpawn((): ResultPromise => execa(file, [...args], {
    env: markedEnv(opts.env),
    extendEnv: false,
    // A working directory removed under the doctor would fail every spawn (ENOENT) and read as
    // "go cannot run": the child starts in / then, which the editor's tools never lack.
    cwd: opts.cwd ?? childCwd(),
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    encoding: 'buffer',
    reject: false,
    // setsid: the server and anything it forks share a group we can kill as one.
    detached: true,
    timeout: opts.timeoutMs,
    cancelSignal: opts.signal,
    killSignal: 'SIGKILL',
    forceKillAfterDelay: false,
    windowsHide: true,
  }));
  if (!spawned.ok) return notStarted(commandLine, spawned.error);
  const child = spawned.value;
  const pid = child.pid;
  const forget = noteRunning(commandLine);
  markOomFirst(pid);
  yieldCpu(pid);
  const kill = () => killProcessGroup(pid);
  // A forked helper holding the pipes open would keep the streams alive after the server died.
  child.once('exit', kill);
  const timer = setTimeout(kill, opts.timeoutMs + 50);
  opts.signal?.addEventListener('abort', kill, { once: true });
  child.stderr?.on('data', (d: Buffer) => {
    const whole = head === undefined;
    stderr += d.toString('utf8');
    if (whole && stderr.length > cap) head = stderr.slice(0, Math.min(STDERR_HEAD, cap));
    if (stderr.length > cap * 2) stderr = stderr.slice(-cap);
  });
  // Writes to a dead server fail with EPIPE; the exit is the news, not the write error.
  child.stdin?.on('error', () => undefined);
  child.stdout?.on('error', () => undefined);
  const exited: Promise<ServerExit> = child.then(
    (r) => {
      const code = (r as { code?: unknown }).code;
      return {
        exitCode: r.exitCode,
        signal: r.signal ?? undefined,
        errorCode: typeof code === 'string' ? code : undefined,
        message: r.failed ? (r as { originalMessage?: string }).originalMessage || r.shortMessage : undefined,
        timedOut: Boolean(r.timedOut),
        canceled: Boolean(r.isCanceled),
      };
    },
    (e: NodeJS.ErrnoException) => ({ errorCode: e.code, message: e.message, timedOut: false, canceled: false }),
  );
  void exited.finally(() => {
    exitedFlag = true;
    forget();
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', kill);
    kill();
  });
  return {
    commandLine,
    pid,
    stdin: child.stdin!,
    stdout: child.stdout!,
    exited,
    hasExited: () => exitedFlag,
    stderrTail: () => (head === undefined ? stderr : `${head}\n[…]\n${stderr.slice(-cap)}`),
    kill,
  };
}

/** A server whose spawn threw (out of file descriptors): it exited before it began, saying why. */
function notStarted(commandLine: string, error: Promise<NodeJS.ErrnoException>): ServerProcess {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let exitedFlag = false;
  const exited = error.then((e): ServerExit => {
    exitedFlag = true;
    stdout.end();
    return { errorCode: e.code, message: e.message, timedOut: false, canceled: false };
  });
  return { commandLine, stdin, stdout, exited, hasExited: () => exitedFlag, stderrTail: () => '', kill: () => undefined };
}
