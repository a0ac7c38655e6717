// The environment a login shell would give: what `code .` from a terminal inherits, and what the
// desktop launcher often does not. Read by running the user's shell as a login, interactive shell
// with stdin closed, under a deadline; the -c script is a constant, never built from data.
import path from 'node:path';
import type { Host } from '../host/host.js';

export type LoginShellFact =
  | { ok: true; shell: string; env: Record<string, string>; commandLine: string }
  | { ok: false; shell?: string; reason: string };

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

export async function readLoginShellEnv(host: Host, env: NodeJS.ProcessEnv, signal: AbortSignal, timeoutMs: number): Promise<LoginShellFact> {
  if (!host.live) return { ok: false, reason: 'not the live machine: no shell to run' };
  const shell = env.SHELL || (await shellFromPasswd(host));
  if (!shell) return { ok: false, reason: 'no SHELL variable and no login shell in /etc/passwd' };
  const base = path.basename(shell);
  // -i makes bash/zsh read the rc files people put PATH in; fish and sh variants take -l -c too.
  // csh and tcsh accept -l only as the sole flag: they get -c alone (and still read ~/.cshrc).
  const args = /^(bash|zsh|ksh|mksh)$/.test(base)
    ? ['-l', '-i', '-c', LOGIN_SHELL_SCRIPT]
    : /^t?csh$/.test(base)
      ? ['-c', LOGIN_SHELL_SCRIPT]
      : ['-l', '-c', LOGIN_SHELL_SCRIPT];
  // The launcher's own loader variables are left out, so what the shell sets itself shows.
  const shellEnv: NodeJS.ProcessEnv = { ...env, TERM: 'dumb' };
  for (const k of LAUNCHER_ONLY_VARS) delete shellEnv[k];
  const r = await host.exec(shell, args, { timeoutMs: Math.min(timeoutMs, 3000), signal, env: shellEnv });
  const commandLine = `${shell} ${args.slice(0, -1).join(' ')} '<print env>'`;
  if (r.timedOut) return { ok: false, shell, reason: `${commandLine} did not finish within ${Math.min(timeoutMs, 3000)} ms (an rc file waiting for input?)` };
  if (r.errorCode) return { ok: false, shell, reason: `${shell} could not be started: ${r.errorCode}` };
  const parsed = parseEnvDump(r.stdout);
  if (!parsed) return { ok: false, shell, reason: `${commandLine} did not print an environment (exit ${r.exitCode ?? r.signal})` };
  return { ok: true, shell, env: parsed, commandLine };
}

async function shellFromPasswd(host: Host): Promise<string | undefined> {
  const passwd = await host.readText('/etc/passwd');
  const line = passwd?.split('\n').find((l) => l.split(':')[2] === String(host.uid));
  return line?.split(':')[6] || undefined;
}
