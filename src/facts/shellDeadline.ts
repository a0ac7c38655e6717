// How long the user's shell is given to read its start-up files, and how it is stopped when that
// is not enough. The rc files are the user's scripts: a version manager's `rehash` takes a lock
// and drops it in an EXIT trap, and a shell killed outright in the middle left pyenv's lock behind
// (~/.pyenv/shims/.pyenv-shim), after which every shell waited 60 s for it, and the doctor then
// reported the very lock it had left. The doctor stops the shell the way a closing terminal does,
// and leaves its traps time to run, all before its deadline.
import type { StopPolicy } from '../host/exec.js';

/** The start-up files get this long, as an editor reading the login environment would wait. */
export const SHELL_WORK_MS = 3000;

/**
 * After that, the shell is hung up (SIGHUP: what a closed terminal sends; an interactive shell
 * ignores SIGTERM and goes on with its rc file) and its group is killed this much later. Half of it
 * lets the step in flight finish, half lets traps run (processGroup.ts StopPolicy). A trap runs a
 * command or two, a fork and an exec: a small part of a start-up that took more than SHELL_WORK_MS.
 * It ends as soon as nothing of the shell is left, so a shell that quits at once costs nothing more.
 */
export const SHELL_HANGUP_GRACE_MS = 1000;

/**
 * The share of the run's time left that the shell may take. The probes that read its environment
 * (go-env, gopls, login-shell) run after it under the same deadline: a shell given all of it timed
 * them out with it, and a tester's `--timeout-ms 1500` over a hanging ~/.profile said "no problems
 * found" (exit 0) with go missing from PATH. A default run (8 s) leaves the shell its whole
 * SHELL_WORK_MS and grace all the same.
 */
export const SHELL_SHARE_OF_RUN = 0.6;

/** Pure: how long the shell is allowed when `leftMs` of the run is left. */
export function shellAllowance(leftMs: number): number {
  return Math.max(0, Math.floor(leftMs * SHELL_SHARE_OF_RUN));
}

export interface ShellDeadline {
  /** When the shell is hung up, from its start. */
  workMs: number;
  /** The child's deadline: hang-up plus grace; nothing of the shell runs past it. */
  timeoutMs: number;
  stop: StopPolicy;
}

/**
 * Pure: the deadline of a shell allowed at most `limitMs` in all (what is left of the run). The
 * grace fits inside the limit, taking a quarter of it at most, so a short limit still leaves the
 * shell most of its time; undefined when there is no time left to start a shell at all.
 */
export function shellDeadline(limitMs: number): ShellDeadline | undefined {
  const limit = Math.floor(limitMs);
  if (!(limit >= 1)) return undefined;
  const graceMs = Math.min(SHELL_HANGUP_GRACE_MS, Math.floor(limit / 4));
  const timeoutMs = Math.min(SHELL_WORK_MS + graceMs, limit);
  return { workMs: timeoutMs - graceMs, timeoutMs, stop: { signal: 'SIGHUP', graceMs, leaderFirst: true } };
}
