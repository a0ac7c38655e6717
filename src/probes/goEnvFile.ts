// `go env -w` writes one file, GOENV: $GOENV, else os.UserConfigDir()/go/env, which is
// $XDG_CONFIG_HOME/go/env when that is absolute, else ~/.config/go/env. An editor started with
// another XDG_CONFIG_HOME or HOME reads another file: a Flatpak sandbox sets
// XDG_CONFIG_HOME=~/.var/app/ID/config, so what the user set in a terminal with go env -w
// (GOPRIVATE, GOPROXY, GOFLAGS, GOTOOLCHAIN) never reaches the editor's go and gopls, while the
// terminal works.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { toolsEnvFix } from '../fixes/catalog.js';
import { CAP, readUserText } from '../host/readUserFile.js';

/** Pure: the go env file an environment's go reads and writes; undefined for GOENV=off or no home. */
export function goEnvFileOf(env: Record<string, string | undefined>): string | undefined {
  if (env.GOENV !== undefined && env.GOENV !== '') return env.GOENV === 'off' ? undefined : env.GOENV;
  // os.UserConfigDir: XDG_CONFIG_HOME only when absolute ("is relative" otherwise, and go env -w fails).
  if (env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)) return path.join(env.XDG_CONFIG_HOME, 'go', 'env');
  return env.HOME ? path.join(env.HOME, '.config', 'go', 'env') : undefined;
}

/**
 * Pure: the file's KEY=VALUE lines as cmd/go/internal/cfg readEnvFile reads them: nothing trimmed (not
 * even a CRLF file's '\r'), a
 * line must start with A-Z and hold a '=', the last line of a name wins. A name with a space in it
 * ("GOPROXY =…") is stored by go but read by nothing, so it is left out here (goEnvFileLines.ts
 * reports such lines).
 */
export function parseGoEnvFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    // [^\n]: a CRLF file's '\r' stays in the value, as go keeps it (readEnvFile splits on '\n' only).
    const m = /^([A-Z][A-Za-z0-9_]*)=([^\n]*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

async function same(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [ra, rb] = await Promise.all([fs.realpath(a).catch(() => undefined), fs.realpath(b).catch(() => undefined)]);
  return ra !== undefined && ra === rb;
}

/**
 * The login shell's go env file holds settings the editor's go does not get, because the editor's
 * go reads another file. `editorValues`: the editor's `go env` (what its go sees now).
 */
export async function goEnvFileFindings(ctx: Pick<ProbeContext, 'env'>, loginEnv: Record<string, string>, loginCommand: string, editorValues: Record<string, string>): Promise<FindingInput[]> {
  // os.UserConfigDir refuses a relative XDG_CONFIG_HOME: go then reads no env file at all, and go
  // env -w fails ("cannot find go env config: path in $XDG_CONFIG_HOME is relative").
  const xdg = ctx.env.XDG_CONFIG_HOME;
  if (xdg && !path.isAbsolute(xdg) && !ctx.env.GOENV) {
    const home = ctx.env.HOME ? path.join(ctx.env.HOME, '.config', 'go', 'env') : undefined;
    const kept = home ? await readUserText(home, CAP.smallConfig) : undefined;
    const settings = kept ? [...parseGoEnvFile(kept).keys()] : [];
    return [
      {
        classId: 'env-inheritance',
        severity: settings.length ? 'warning' : 'info',
        confidence: 0.7,
        message: `XDG_CONFIG_HOME=${xdg} in the editor's environment is a relative path, which go refuses for its env file: the editor's go reads no go env file at all${settings.length ? `, so what go env -w set in ${home} (${settings.slice(0, 4).join(', ')}) is missing there` : ''}, and go env -w fails with "cannot find go env config: path in $XDG_CONFIG_HOME is relative".`,
        evidence: [{ source: 'environment (editor)', excerpt: `XDG_CONFIG_HOME=${xdg}` }, ...(kept && home ? [{ source: home, excerpt: kept.split('\n').filter((l) => /^\s*[A-Za-z_]\w*=/.test(l)).slice(0, 8).join('\n') }] : [])],
        fixes: home ? [toolsEnvFix('toolsenv-goenv-login-file', `Read ${home} in the Go tools (GOENV)`, { GOENV: home })] : [],
      },
    ];
  }
  // A login shell run from inside a Flatpak sandbox inherits the sandbox's XDG_CONFIG_HOME
  // (~/.var/app/ID/config), which the host's terminals never have: that one is dropped.
  const sandboxed = loginEnv.HOME && loginEnv.XDG_CONFIG_HOME?.startsWith(path.join(loginEnv.HOME, '.var', 'app') + path.sep);
  const shellFile = goEnvFileOf(sandboxed ? { ...loginEnv, XDG_CONFIG_HOME: undefined } : loginEnv);
  const editorFile = editorValues.GOENV || goEnvFileOf(ctx.env);
  if (!shellFile || !editorFile || editorFile === 'off' || (await same(shellFile, editorFile))) return [];
  const text = await readUserText(shellFile, CAP.smallConfig);
  if (text === undefined) return [];
  const lost: string[] = [];
  for (const [name, value] of parseGoEnvFile(text)) {
    // A variable in the editor's environment overrides any file: the file is not what differs;
    // nor when the terminal's own environment overrides it (its go never uses the file's value).
    if (ctx.env[name] !== undefined && ctx.env[name] !== '') continue;
    if (loginEnv[name] !== undefined && loginEnv[name] !== '') continue;
    if ((editorValues[name] ?? '') !== value) lost.push(`${name}=${value} (the editor's go: ${editorValues[name] ? editorValues[name] : 'unset'})`);
  }
  if (!lost.length) return [];
  const why = ctx.env.GOENV ? `GOENV=${ctx.env.GOENV}` : ctx.env.XDG_CONFIG_HOME ? `XDG_CONFIG_HOME=${ctx.env.XDG_CONFIG_HOME}${ctx.env.FLATPAK_ID ? ', as a Flatpak sandbox sets it' : ''}` : `HOME=${ctx.env.HOME ?? 'unset'}`;
  return [
    {
      classId: 'env-inheritance',
      severity: 'warning',
      confidence: 0.7,
      message: `What go env -w set in your terminal does not reach the editor's go: the terminal's go reads ${shellFile}, the editor's reads ${editorFile} (${why}), so ${lost.length === 1 ? 'this setting is' : 'these settings are'} missing there: ${lost.slice(0, 4).join('; ')}${lost.length > 4 ? `; and ${lost.length - 4} more` : ''}.`,
      evidence: [
        { source: shellFile, excerpt: text.split('\n').filter((l) => /^\s*[A-Za-z_]\w*=/.test(l)).slice(0, 8).join('\n') },
        { source: 'go env GOENV (editor)', excerpt: editorFile },
        { source: loginCommand, excerpt: `go env file: ${shellFile}` },
      ],
      fixes: [toolsEnvFix('toolsenv-goenv-login-file', `Read ${shellFile} in the Go tools too (GOENV)`, { GOENV: shellFile }, `go.toolsEnvVars reaches gopls and every go command the extension runs; with GOENV naming the terminal's file, go env -w in either place changes both.`)],
    },
  ];
}
