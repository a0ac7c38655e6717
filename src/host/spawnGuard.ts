// Out of file descriptors, a spawn must fail like any other spawn, not take the doctor down.
//
// When node's spawn cannot make the child's stdio pipes (EMFILE, ENFILE) it returns a ChildProcess
// with no stdio and emits 'error' on the next tick (lib/internal/child_process.js, "There is no
// point in continuing when we've hit EMFILE"). execa 9 iterates subprocess.stdio right after
// spawning, so it throws "subprocess.stdio is not iterable" before it listens for 'error', and
// that 'error' then reaches nobody: the whole process exits (reproduced under
// `prlimit --nofile=28:28`; openclaw/openclaw#151671 reports the same with execa). Node publishes
// every ChildProcess it constructs on the 'child_process' diagnostics channel; a spawn is
// synchronous, so the one constructed during our execa call is ours, and we can both silence it
// and learn its errno.
import type { ChildProcess } from 'node:child_process';
import dc from 'node:diagnostics_channel';

const CHANNEL = 'child_process';

export type GuardedSpawn<T> =
  | { ok: true; value: T }
  | { ok: false; error: Promise<NodeJS.ErrnoException>; thrown: unknown };

/**
 * Runs `start` (which spawns exactly one child synchronously). When it throws, the child node
 * constructed is kept from crashing the process, and `error` resolves to the reason node gives
 * (EMFILE…) or, when node gives none within a tick, to what `start` threw.
 */
export function guardSpawn<T>(start: () => T): GuardedSpawn<T> {
  let created: ChildProcess | undefined;
  const onCreate = (m: unknown) => {
    created ??= (m as { process?: ChildProcess }).process;
  };
  dc.subscribe(CHANNEL, onCreate);
  try {
    return { ok: true, value: start() };
  } catch (thrown) {
    const child = created;
    const fallback = asErrno(thrown);
    const error = new Promise<NodeJS.ErrnoException>((resolve) => {
      if (!child) return resolve(fallback);
      // node emits the spawn's error on process.nextTick; a timer runs after it.
      const t = setTimeout(() => resolve(fallback), 0);
      child.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(t);
        resolve(e);
      });
    });
    return { ok: false, error, thrown };
  } finally {
    dc.unsubscribe(CHANNEL, onCreate);
  }
}

function asErrno(e: unknown): NodeJS.ErrnoException {
  return e instanceof Error ? (e as NodeJS.ErrnoException) : new Error(String(e));
}
