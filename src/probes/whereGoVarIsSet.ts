// Where a Go variable that makes go fail is set, and the fix there. A tester's GOROOT, relative
// GOPATH and GOPATH equal to GOROOT came with no fix at all, under the launcher's title, though
// each fails in every terminal too: the value is fixed where it is set, in a start-up file (its
// line removed), in go's env file (go env -u), or, for the Go tools alone, in go.toolsEnvVars.
import path from 'node:path';
import type { Evidence, Fix } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { exportSites } from '../facts/exportSites.js';
import { removeExportFix, toolsEnvFix } from '../fixes/catalog.js';
import { isInside } from '../host/paths.js';
import { CAP, readUserText } from '../host/readUserFile.js';

export interface WhereSet {
  /** A sentence to append to the finding's message. */
  words: string;
  evidence: Evidence[];
  fixes: Fix[];
}

/**
 * `replacement`: the value the Go tools should get instead ('' lets go choose its own default,
 * as an unset variable does); undefined offers no setting. `goenvFile`: go env GOENV, for a value
 * the environment does not set.
 */
export async function whereGoVarIsSet(ctx: Pick<ProbeContext, 'env' | 'facts' | 'settings'>, name: string, replacement: string | undefined, goenvFile: string | undefined): Promise<WhereSet> {
  const setting = replacement === undefined ? [] : [toolsEnvFix(`toolsenv-${name.toLowerCase()}-fixed`, replacement ? `Set ${name}=${replacement} for the Go tools` : `Unset ${name} for the Go tools`, { [name]: replacement }, `go.toolsEnvVars reaches only what the editor runs; fix it where it is set too, for terminals.`)];
  if ((ctx.settings.toolsEnvVarsKeys ?? []).includes(name)) return { words: ` It comes from go.toolsEnvVars in your editor settings.`, evidence: [], fixes: setting };
  if (ctx.env[name] === undefined) {
    const line = goenvFile && path.isAbsolute(goenvFile) ? new RegExp(`^${name}=.*$`, 'm').exec((await readUserText(goenvFile, CAP.smallConfig)) ?? '')?.[0] : undefined;
    if (!line) return { words: '', evidence: [], fixes: setting };
    return {
      words: ` It is set in your go env file (${goenvFile}, written by go env -w), which go reads in every terminal too: go fails there the same way.`,
      evidence: [{ source: goenvFile!, excerpt: line }],
      fixes: [{ id: `go-env-unset-${name.toLowerCase()}`, kind: 'terminal', title: `Remove ${name} from your go env file`, text: `go env -u ${name}`, needsRoot: false }],
    };
  }
  const login = await ctx.facts.loginShellEnv();
  const shell = (login.ok ? login.shell : undefined) ?? ctx.env.SHELL ?? '/bin/sh';
  const home = ctx.env.HOME;
  const sites = home ? await exportSites(name, shell, login.ok ? login.env : ctx.env, home) : [];
  const shown = (f: string) => (home && isInside(f, home) ? `~/${path.relative(home, f)}` : f);
  if (sites.length) {
    return {
      words: ` It is set in ${sites.map((s) => `${shown(s.file)} (line ${s.line})`).join(', ')}, which terminals read too: go fails there the same way.`,
      evidence: sites.map((s) => ({ source: `${s.file}:${s.line}`, excerpt: s.text })),
      fixes: [...sites.slice(0, 2).map((s) => removeExportFix(s, name, home)), ...setting],
    };
  }
  return {
    words: ` It is in the environment the tools were started with, and none of your shell start-up files sets it: a terminal started from the same session (or container) has it too. Look in /etc/environment, ~/.pam_environment, the systemd user environment (systemctl --user show-environment) or a container's ENV.`,
    evidence: [{ source: 'environment', excerpt: `${name}=${ctx.env[name]}` }],
    fixes: setting,
  };
}
