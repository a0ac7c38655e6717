// Whether a start-up file, read the way a login at the desktop reads it, really puts a directory
// on PATH. The doctor reads the login environment with `-l -i`, and an interactive shell goes on
// past an error (`set -u` then an unset variable, a failing `.`): a tester's ~/.profile stopped at
// line 3 under the display manager's `. ~/.profile`, while the doctor saw go and said "~/.profile
// already puts it on PATH … log out and back in", which could never help. The file is sourced by a
// shell that is not interactive, with the editor's environment, and the PATH it ends with is read.
import path from 'node:path';
import type { Host } from '../host/host.js';
import { shellDeadline } from './shellDeadline.js';
import { tildePath } from './loginPathFile.js';

const MARK = '__GO_ENV_DOCTOR_PATH__';
/** A constant script; the file is its first argument, never part of it. */
const SH_SCRIPT = `. "$1"; printf '\\0${MARK}\\0%s\\0' "$PATH"`;
/** The sh-family shells that read their own login files; any other reads ~/.profile as sh. */
const SH_FAMILY = /^(bash|zsh|sh|dash|ksh|ksh93|mksh)$/;

export type SourcedFile =
  /** The file ran to its end: the PATH it left. */
  | { ended: true; commandLine: string; path: string[]; errors: string[] }
  /** The shell ended inside the file (an error under `set -u`/`set -e`, an `exit`). */
  | { ended: false; commandLine: string; exit: string; errors: string[] };

/** Pure: the PATH after the marker, when the script got there. */
export function pathAfterMark(stdout: string): string[] | undefined {
  const at = stdout.indexOf(`\0${MARK}\0`);
  if (at < 0) return undefined;
  const rest = stdout.slice(at + MARK.length + 2);
  const end = rest.indexOf('\0');
  return (end < 0 ? rest : rest.slice(0, end)).split(':').filter(Boolean);
}

/** Pure: the shell's error lines worth showing (the ones naming a file and line first), `~` for home. */
export function errorLines(stderr: string, home: string | undefined): string[] {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => (home ? l.split(`${home}/`).join('~/') : l));
  const named = lines.filter((l) => /:\s*(line\s+)?\d+:/.test(l));
  return (named.length ? named : lines).slice(0, 3).map((l) => (l.length > 200 ? `${l.slice(0, 200)}…` : l));
}

/**
 * Sources `file` in a non-interactive shell: the login shell itself for its own sh-family files,
 * sh for any other shell's ~/.profile (as display managers read it). Undefined for fish's files
 * (the doctor's own read of fish is not interactive already), without time, or when the shell
 * cannot be started.
 */
export async function sourceStartupFile(host: Host, loginShell: string | undefined, file: string, env: NodeJS.ProcessEnv, signal: AbortSignal, limitMs: number): Promise<SourcedFile | undefined> {
  if (!host.live || file.endsWith('.fish')) return undefined;
  const base = loginShell ? path.basename(loginShell) : '';
  const shell = loginShell && SH_FAMILY.test(base) ? loginShell : '/bin/sh';
  const deadline = shellDeadline(limitMs);
  if (!deadline) return undefined;
  const r = await host.exec(shell, ['-c', SH_SCRIPT, path.basename(shell), file], { timeoutMs: deadline.timeoutMs, stop: deadline.stop, signal, env: { ...env, TERM: 'dumb' }, maxBuffer: 256 * 1024 });
  if (r.timedOut || r.canceled || r.errorCode) return undefined;
  const shown = env.HOME ? tildePath(file, env.HOME) : file;
  const commandLine = `${shell} -c '. ${shown}'`;
  const errors = errorLines(r.stderr, env.HOME);
  const p = pathAfterMark(r.stdout);
  return p ? { ended: true, commandLine, path: p, errors } : { ended: false, commandLine, exit: String(r.exitCode ?? r.signal), errors };
}
