// Every process the doctor starts carries this run's marker in its environment, so that whatever
// it leaves behind can be found again: a child that called setsid() has left the process group
// that killProcessGroup reaches (issue 9 finding 9), but it keeps the environment it was given.
// The marker travels with the run's async context (AsyncLocalStorage), not through each probe's
// env, so no spawn inside a run can forget it; exec.ts and server.ts add it to every child.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/**
 * The variable's name. The crash watcher also reads it: a gopls carrying it is one of the doctor's
 * own probes, and its exit is not the editor's gopls dying.
 */
export const PROBE_ENV_MARKER = 'GO_ENV_DOCTOR_PROBE';

const current = new AsyncLocalStorage<string>();

/** Unique per run: two runs in one extension host never kill each other's children. */
export function newRunMarker(): string {
  return `${process.pid}.${randomBytes(8).toString('hex')}`;
}

export function withRunMarker<T>(marker: string, fn: () => Promise<T>): Promise<T> {
  return current.run(marker, fn);
}

export function currentRunMarker(): string | undefined {
  return current.getStore();
}

/** The child's environment with the current run's marker (unchanged outside a run). */
export function markedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const m = current.getStore();
  return m ? { ...env, [PROBE_ENV_MARKER]: m } : env;
}
