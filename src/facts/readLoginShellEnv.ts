// The environment a login shell would give: what `code .` from a terminal inherits, and what the
// desktop launcher often does not. Read by running the user's shell as a login, interactive shell
// with stdin closed, under a deadline; the -c script is a constant, never built from data.
import { currentDir } from '../host/currentDir.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Host } from '../host/host.js';
import { shellDeadline } from './shellDeadline.js';
import { errorLines } from './sourceStartupFile.js';
import { cacheDir, cacheKey, credentialIn, lookUpCache, storableEnv, storeInCache, trackStartupFiles } from './loginShellCache.js';

export type LoginShellFact =
  | { ok: true; shell: string; env: Record<string, string>; commandLine: string; cache?: LoginShellCacheNote }
  | { ok: false; shell?: string; reason: string; cache?: LoginShellCacheNote; ended?: LoginShellEnded };

/**
 * How a shell that did run failed to give its environment: it was still reading its start-up files
 * at the deadline, or it ended without running the command it was given (a start-up file ran
 * `exit`, or `exec`ed another program: `exec zsh` in ~/.bashrc).
 */
export type LoginShellEnded = { how: 'timeout' } | { how: 'no-env'; exit: string; errors?: string[] };

/** Whether the environment came from the cache (and read when), or why the shell was run. */
export type LoginShellCacheNote =
  | { status: 'hit'; readAt: string; file: string }
  /** The shell was run; `why` the cache was not used; `notStored` why its answer was not kept. */
  | { status: 'miss'; why: string; notStored?: string }
  /** Never cached: a shell whose start-up files are not known, no HOME, no cache directory. */
  | { status: 'off'; why: string };

export interface LoginShellOptions {
  /** False: run the shell even if the cache holds its answer (CLI --no-cache); the answer is still stored. */
  useCache: boolean;
}

/**
 * Variables a launcher (Snap, Flatpak, an AppImage, a wrapper script) sets for the editor itself:
 * the login shell starts without them, so one that shows up in its environment was set by the
 * user's own start-up files, on purpose.
 */
export const LAUNCHER_ONLY_VARS = ['LD_PRELOAD', 'LD_LIBRARY_PATH', 'GTK_PATH'] as const;

const BEGIN = '__GO_ENV_DOCTOR_BEGIN__';
const END = '__GO_ENV_DOCTOR_END__';
/** Markers fence the env dump off from whatever rc files print (motd, prompts, warnings). */
export const LOGIN_SHELL_SCRIPT = `printf '\\0${BEGIN}\\0'; env -0; printf '\\0${END}\\0'`;

/** Pure: the NUL-separated output of LOGIN_SHELL_SCRIPT, with noise around it. */
export function parseEnvDump(out: string): Record<string, string> | undefined {
  const start = out.indexOf(`\0${BEGIN}\0`);
  const end = out.indexOf(`\0${END}\0`, start + 1);
  if (start < 0 || end < 0) return undefined;
  const body = out.slice(start + BEGIN.length + 2, end);
  const env: Record<string, string> = {};
  for (const entry of body.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** Login "shells" that refuse every login (shadow's nologin, util-linux's, coreutils' false). */
const NO_LOGIN_SHELL = /^(?:nologin|false)$/;

export async function readLoginShellEnv(host: Host, env: NodeJS.ProcessEnv, signal: AbortSignal, timeoutMs: number, opts: LoginShellOptions = { useCache: true }): Promise<LoginShellFact> {
  if (!host.live) return { ok: false, reason: 'not the live machine: no shell to run' };
  const shell = env.SHELL || (await shellFromPasswd(host));
  if (!shell) return { ok: false, reason: 'no SHELL variable and no login shell in /etc/passwd' };
  const base = path.basename(shell);
  // A service account's nologin or false runs nothing (it prints "This account is currently not
  // available" and exits 1): there is no login environment to read or compare, and no start-up file
  // ended it (a tester's run as nobody was told one had run `exit`). An editor reading the login
  // environment gets nothing from it either and keeps its own.
  if (NO_LOGIN_SHELL.test(base)) return { ok: false, shell, reason: `the account's login shell is ${shell}, which runs no commands: there is no login environment to read` };
  // -i makes bash/zsh read the rc files people put PATH in; fish and sh variants take -l -c too.
  // csh and tcsh accept -l only as the sole flag: they get -c alone (and still read ~/.cshrc).
  const args = /^(bash|zsh|ksh|mksh)$/.test(base)
    ? ['-l', '-i', '-c', LOGIN_SHELL_SCRIPT]
    : /^t?csh$/.test(base)
      ? ['-c', LOGIN_SHELL_SCRIPT]
      : ['-l', '-c', LOGIN_SHELL_SCRIPT];
  const shellEnv = shellStartEnv(env);
  const commandLine = `${shell} ${args.slice(0, -1).join(' ')} '<print env>'`;
  const keyed = await keyFor(host, shell, args, shellEnv);
  let cache: LoginShellCacheNote = 'why' in keyed ? { status: 'off', why: keyed.why } : { status: 'miss', why: 'asked to read it afresh (--no-cache, or the first diagnosis of an editor window)' };
  if ('key' in keyed && opts.useCache) {
    const found = await lookUpCache(keyed.dir, keyed.key, host.uid, Date.now());
    if (found.hit) {
      const e = found.entry;
      return { ok: true, shell: e.shell, env: e.env, commandLine: `${e.commandLine}, as cached at ${utc(e.readAt)}`, cache: { status: 'hit', readAt: e.readAt, file: found.file } };
    }
    cache = { status: 'miss', why: found.why };
  }
  const readAt = new Date().toISOString();
  const deadline = shellDeadline(timeoutMs);
  if (!deadline) return { ok: false, shell, reason: 'no time left in the run to start a login shell', cache };
  const r = await host.exec(shell, args, { timeoutMs: deadline.timeoutMs, stop: deadline.stop, signal, env: shellEnv });
  if (r.timedOut) return { ok: false, shell, reason: `${commandLine} did not finish within ${deadline.workMs} ms (an rc file waiting for input?)`, cache, ended: { how: 'timeout' } };
  if (r.errorCode) return { ok: false, shell, reason: `${shell} could not be started: ${r.errorCode}`, cache };
  const parsed = parseEnvDump(r.stdout);
  if (!parsed) return { ok: false, shell, reason: `${commandLine} did not print an environment (exit ${r.exitCode ?? r.signal})`, cache, ended: { how: 'no-env', exit: String(r.exitCode ?? r.signal), ...noEnvErrors(r.stderr, env.HOME) } };
  if ('key' in keyed && cache.status === 'miss') {
    // A credential in a value (a GOPROXY with user:token@, a GOFLAGS -header=Authorization…) is not
    // written to disk, and the variable cannot be left out either (go reads it, and the probes run go
    // with this environment): such an environment is read afresh each run (a tester found them in
    // the file in clear, while every report redacted them).
    const env = storableEnv(parsed);
    const secretIn = credentialIn(env);
    const notStored = secretIn ? `${secretIn} holds a credential, which is not written to disk` : await storeInCache(keyed.dir, keyed.key, { readAt, shell, commandLine, env }, host.uid, Date.now());
    if (notStored) cache = { ...cache, notStored };
  }
  return { ok: true, shell, env: parsed, commandLine, cache };
}

/**
 * The shell's error lines naming a start-up file and line (`~/.profile: line 29: X: unbound
 * variable`): a shell that ended at an error, not at an `exit` or `exec`, says where.
 */
function noEnvErrors(stderr: string, home: string | undefined): { errors?: string[] } {
  const named = errorLines(stderr, home).filter((l) => /:\s*(line\s+)?\d+:/.test(l));
  return named.length ? { errors: named } : {};
}

/** For a probe's reason: the environment came from the cache, read when, and how to read it afresh. */
export function cacheHitNote(cache: LoginShellCacheNote | undefined, now = Date.now()): string | undefined {
  if (cache?.status !== 'hit') return undefined;
  const min = Math.max(0, Math.round((now - Date.parse(cache.readAt)) / 60_000));
  // Under the text report's 100 characters for a probe's reason.
  return `cached environment of ${utc(cache.readAt)} (${min < 1 ? 'under a minute' : `${min} min`} ago); --no-cache reads it afresh`;
}

/** `2026-12-01 12:40:05 UTC`. */
export function utc(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

/** The cache's place and key for this run of the shell, or why it cannot be cached. */
async function keyFor(host: Host, shell: string, args: readonly string[], shellEnv: NodeJS.ProcessEnv): Promise<{ dir: string; key: string } | { why: string }> {
  const home = shellEnv.HOME;
  if (!home || !path.isAbsolute(home)) return { why: 'no absolute HOME: the start-up files cannot be found' };
  const dir = cacheDir(shellEnv);
  if (!dir) return { why: 'no cache directory (XDG_CACHE_HOME, HOME)' };
  const bin = await fs.realpath(shell).then((p) => fs.stat(p).then((st) => `${p}:${st.size}:${st.mtimeMs}`)).catch(() => undefined);
  if (!bin) return { why: `${shell} cannot be resolved` };
  const files = await trackStartupFiles(path.basename(shell), shellEnv, home);
  if (!files) return { why: `the start-up files of ${path.basename(shell)} are not known here (or too many to follow)` };
  return { dir, key: cacheKey({ shell, shellBinary: bin, args, uid: host.uid, cwd: currentDir() ?? '', env: shellEnv, files }) };
}

/** The environment a shell is asked in: the launcher's own loader variables left out, so what the shell sets itself shows. */
function shellStartEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const shellEnv: NodeJS.ProcessEnv = { ...env, TERM: 'dumb' };
  for (const k of LAUNCHER_ONLY_VARS) delete shellEnv[k];
  return shellEnv;
}

async function shellFromPasswd(host: Host): Promise<string | undefined> {
  const passwd = await host.readText('/etc/passwd');
  const line = passwd?.split('\n').find((l) => l.split(':')[2] === String(host.uid));
  return line?.split(':')[6] || undefined;
}

/**
 * What a terminal's bash has: a terminal emulator starts bash interactive but not as a login shell,
 * so it reads ~/.bashrc, while `bash -l -i` (the login environment a desktop session is built from)
 * reads only the first of ~/.bash_profile, ~/.bash_login, ~/.profile. A Go put on PATH in ~/.bashrc
 * alone is found in every terminal and missing from the editor (a tester's, where the report said
 * "a terminal's go fails the same way"). Only for bash, only on request, never cached.
 */
export async function readTerminalShellEnv(host: Host, env: NodeJS.ProcessEnv, signal: AbortSignal, timeoutMs: number): Promise<LoginShellFact> {
  if (!host.live) return { ok: false, reason: 'not the live machine: no shell to run' };
  const shell = env.SHELL || (await shellFromPasswd(host));
  if (!shell || path.basename(shell) !== 'bash') return { ok: false, shell, reason: 'only bash reads a file (~/.bashrc) in terminals that its login shells skip' };
  const args = ['-i', '-c', LOGIN_SHELL_SCRIPT];
  const commandLine = `${shell} -i '<print env>'`;
  const deadline = shellDeadline(timeoutMs);
  if (!deadline) return { ok: false, shell, reason: `no time left in the run to start ${commandLine}` };
  const r = await host.exec(shell, args, { timeoutMs: deadline.timeoutMs, stop: deadline.stop, signal, env: shellStartEnv(env) });
  if (r.timedOut || r.errorCode) return { ok: false, shell, reason: `${commandLine} ${r.timedOut ? 'did not finish' : `could not be started: ${r.errorCode}`}` };
  const parsed = parseEnvDump(r.stdout);
  if (!parsed) return { ok: false, shell, reason: `${commandLine} did not print an environment (exit ${r.exitCode ?? r.signal})` };
  return { ok: true, shell, env: parsed, commandLine };
}
