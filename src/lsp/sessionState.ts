// What the phases of one gopls session share: the server, the connection, the result being
// filled in, a clock that owns every timer, and the one way a session ends early. Each phase
// races its own wait against `orEnded`, which turns gopls's exit or a cancellation into a
// failure in a single place instead of one copy per wait.
import type { MessageConnection } from 'vscode-jsonrpc/node.js';
import type { ServerExit, ServerProcess } from '../host/server.js';
import { NO_VIEW, type GoplsSessionOptions, type GoplsSessionResult, type ServerMessage, type SessionFailure, type SessionPhase } from './sessionModel.js';

export const MAX_MESSAGES = 50;
/** Time kept back from the deadline to say shutdown/exit politely. */
export const SHUTDOWN_RESERVE_MS = 250;

/** Thrown by a phase to end the session with a failure; runGoplsSession turns it into data. */
export class SessionEnded extends Error {
  constructor(readonly failure: SessionFailure) {
    super(failure.message);
  }
}

/** Every timer of a session, so none outlives it: a pending timer would keep the CLI alive. */
export class SessionClock {
  private readonly started = performance.now();
  private readonly deadline: number;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(timeoutMs: number) {
    this.deadline = this.started + timeoutMs;
  }

  /** Milliseconds since the spawn, to a tenth. */
  elapsed(): number {
    return Math.round((performance.now() - this.started) * 10) / 10;
  }

  left(): number {
    return this.deadline - performance.now();
  }

  delay(ms: number): Promise<'timeout'> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve('timeout');
      }, Math.max(0, ms));
      this.timers.add(t);
    });
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/**
 * News that ends a wait for diagnostics early: they arrived, or gopls showed an error. Sticky,
 * so news that comes before the wait starts still ends it.
 */
export class Wakeup {
  private woken = false;
  private waiter: () => void = () => undefined;

  constructor(private readonly clock: SessionClock) {}

  wake(): void {
    this.woken = true;
    this.waiter();
  }

  wait(ms: number): Promise<'timeout' | 'woken'> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve('woken');
    }
    return Promise.race([
      this.clock.delay(ms),
      new Promise<'woken'>((resolve) => {
        this.waiter = () => {
          this.woken = false;
          resolve('woken');
        };
      }),
    ]);
  }
}

export interface Session {
  readonly opts: GoplsSessionOptions;
  readonly server: ServerProcess;
  readonly result: GoplsSessionResult;
  readonly clock: SessionClock;
  readonly news: Wakeup;
  /** Woken when gopls announces a view, or says it has none, or shows an error. */
  readonly viewNews: Wakeup;
  conn?: MessageConnection;
  /**
   * Whether gopls may go on in the environment it was started with (session.ts: started before go
   * env's values were in); awaited before `initialized`. Absent: it may.
   */
  keepEnv?: Promise<boolean>;
  /** The commands gopls's initialize reply advertised (executeCommandProvider). */
  commands?: readonly string[];
  phase: SessionPhase;
  /** Settles when gopls exits or the caller cancels, whichever comes first. */
  readonly ended: Promise<'exit' | 'abort'>;
}

export function endedOf(server: ServerProcess, signal: AbortSignal | undefined): Promise<'exit' | 'abort'> {
  return new Promise((resolve) => {
    void server.exited.then(() => resolve('exit'));
    if (signal?.aborted) resolve('abort');
    signal?.addEventListener('abort', () => resolve('abort'), { once: true });
  });
}

/** Waits for `p`, unless gopls exits or the run is canceled first: then the session ends here. */
export async function orEnded<T>(s: Session, p: Promise<T>): Promise<T> {
  const r = await Promise.race([p.then((value) => ({ value })), s.ended]);
  if (typeof r === 'object') return r.value;
  throw new SessionEnded(r === 'exit' ? crashOf(s.phase, await s.server.exited) : canceledIn(s));
}

export function canceledIn(s: Session): SessionFailure {
  return { kind: 'canceled', phase: s.phase, message: String((s.opts.signal?.reason as Error)?.message ?? 'canceled') };
}

export function crashOf(phase: SessionPhase, exit: ServerExit): SessionFailure {
  if (exit.errorCode && exit.exitCode === undefined) return { kind: 'spawn', code: exit.errorCode, message: exit.message ?? exit.errorCode };
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.exitCode ?? '?'}`;
  return { kind: 'crash', phase, exitCode: exit.exitCode, signal: exit.signal, message: `gopls ${how} during ${phase}` };
}

/** Keeps what gopls said (bounded), and its words about files in no view apart. */
export function noteMessage(result: GoplsSessionResult, m: ServerMessage): void {
  if (result.messages.length < MAX_MESSAGES) result.messages.push(m);
  if (NO_VIEW.test(m.message) && result.viewErrors.length < MAX_MESSAGES) result.viewErrors.push(m.message);
}
