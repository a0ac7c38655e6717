// A proxy that refuses or fails, named by a variable: where that value came from and the fixes
// that change it. A tester's refusing HTTPS_PROXY and GOPROXY got only "go mod download where
// GOPROXY is reachable", which fails the same way: the cure is the variable (correct it, unset it,
// bypass the proxy for the module proxy's host), where it is set.
import { parseGoEnvFile } from './goEnvFile.js';
import path from 'node:path';
import type { Evidence, Fix } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { exportSites } from '../facts/exportSites.js';
import { removeExportFix, toolsEnvFix } from '../fixes/catalog.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { quoteForDisplay } from '../host/shellQuote.js';

const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';

export interface VariableOrigin {
  /** In words, for the message: "go.toolsEnvVars in your editor settings", "your go env file (…)". */
  where: string;
  evidence: Evidence[];
  fixes: Fix[];
}

/** Pure: a variable's value in a go env file as go reads it (its last line), or undefined. */
export function goEnvFileValue(text: string, name: string): string | undefined {
  return parseGoEnvFile(text).get(name);
}

/** Where an HTTP proxy variable (HTTPS_PROXY, https_proxy) comes from, with the fixes that clear it or bypass it for `host`. */
export async function httpProxyOrigin(ctx: Pick<ProbeContext, 'env' | 'settings' | 'facts'>, variable: string, host: string, workDir?: string): Promise<VariableOrigin> {
  const fromSetting = (ctx.settings.toolsEnvVarsKeys ?? []).includes(variable);
  // go (x/net/http/httpproxy) takes HTTPS_PROXY, else https_proxy: clearing one exposes the other.
  const pair = ['HTTPS_PROXY', 'https_proxy'].filter((n) => ctx.env[n]);
  const noProxyName = ctx.env.NO_PROXY !== undefined || ctx.env.no_proxy === undefined ? 'NO_PROXY' : 'no_proxy';
  const noProxy = [...new Set([...(ctx.env[noProxyName] ?? '').split(',').map((s) => s.trim()).filter(Boolean), host])].join(',');
  const fixes: Fix[] = [];
  const evidence: Evidence[] = [{ source: fromSetting ? 'go.toolsEnvVars (editor settings)' : 'environment (editor)', excerpt: `${variable}=${ctx.env[variable] ?? ''}` }];
  if (workDir) fixes.push({ id: 'go-mod-download-no-http-proxy', kind: 'terminal', title: `Try once without the HTTP proxy (${pair.join(', ')} unset for this command)`, text: `env ${pair.map((n) => `-u ${n}`).join(' ')} go mod download`, needsRoot: false, cwd: workDir, detail: 'Works where this machine reaches the module proxy directly; if it does, clear the variable for go as below. If it does not, the proxy it names must run, or the variable must name one that does.' });
  fixes.push(
    toolsEnvFix(`toolsenv-${variable.toLowerCase()}-clear-proxy`, `Go straight to ${host} from the editor (${pair.join(', ')} cleared for the Go tools)`, Object.fromEntries(pair.map((n) => [n, ''])), 'go treats an empty value as unset. Where a company proxy is the only way out, correct the variable to name it instead.'),
    toolsEnvFix(`toolsenv-${noProxyName.toLowerCase()}-bypass-proxy`, `Or bypass the proxy for ${host} only (${noProxyName})`, { [noProxyName]: noProxy }, `Keeps ${variable} for everything else; go then connects to ${host} directly.`),
  );
  let where = fromSetting ? 'go.toolsEnvVars in your editor settings' : 'the environment the editor was started with';
  if (!fromSetting) {
    const login = await ctx.facts.loginShellEnv();
    if (login.ok && login.env[variable] === ctx.env[variable]) {
      const sites = await exportSites(variable, login.shell, ctx.env, ctx.env.HOME ?? '');
      if (sites.length) {
        where += `, exported in ${sites.slice(0, 2).map((s) => `${s.file}:${s.line}`).join(' and ')}`;
        evidence.push(...sites.slice(0, 2).map((s) => ({ source: s.file, line: s.line, excerpt: s.text })));
        fixes.push(...sites.slice(0, 2).map((s) => removeExportFix(s, variable, ctx.env.HOME)));
      }
    }
  }
  return { where, evidence, fixes };
}

/** Where GOPROXY comes from (the environment, go.toolsEnvVars, the go env file, $GOROOT/go.env), with the fixes that change it there. */
export async function goproxyOrigin(ctx: Pick<ProbeContext, 'env' | 'settings'>, values: Readonly<Record<string, string>>, workDir?: string): Promise<VariableOrigin> {
  const value = values.GOPROXY ?? '';
  const once: Fix[] = workDir ? [{ id: 'go-mod-download-default-proxy', kind: 'terminal', title: `Try once through Go's default proxy list`, text: `GOPROXY=${DEFAULT_GOPROXY} go mod download`, needsRoot: false, cwd: workDir, detail: 'Works where this machine reaches proxy.golang.org; your GOPROXY stays for everything else.' }] : [];
  if (ctx.env.GOPROXY !== undefined) {
    const fromSetting = (ctx.settings.toolsEnvVarsKeys ?? []).includes('GOPROXY');
    return {
      where: fromSetting ? 'go.toolsEnvVars in your editor settings' : 'the environment the editor was started with',
      evidence: [{ source: fromSetting ? 'go.toolsEnvVars (editor settings)' : 'environment (editor)', excerpt: `GOPROXY=${ctx.env.GOPROXY}` }],
      fixes: [...once, toolsEnvFix('toolsenv-goproxy-default', `Use Go's default proxy list for the Go tools (GOPROXY=${DEFAULT_GOPROXY})`, { GOPROXY: DEFAULT_GOPROXY }, fromSetting ? 'Or correct the URL in go.toolsEnvVars, or start the proxy it names.' : 'Or correct the URL where GOPROXY is exported, or start the proxy it names.')],
    };
  }
  const goenv = values.GOENV && path.isAbsolute(values.GOENV) ? values.GOENV : undefined;
  const inFile = goenv ? goEnvFileValue((await readUserText(goenv, CAP.smallConfig)) ?? '', 'GOPROXY') : undefined;
  if (goenv && inFile !== undefined) {
    return {
      where: `your go env file (${goenv}, go env -w)`,
      evidence: [{ source: goenv, excerpt: `GOPROXY=${inFile}` }],
      fixes: [...once, { id: 'go-env-unset-goproxy', kind: 'terminal', title: `Remove GOPROXY from your go env file (go then uses ${DEFAULT_GOPROXY})`, text: 'go env -u GOPROXY', needsRoot: false, detail: `Or set the proxy that runs: go env -w ${quoteForDisplay('GOPROXY=https://…')}.` }],
    };
  }
  const goroot = values.GOROOT ?? '';
  return {
    where: `$GOROOT/go.env (${path.join(goroot, 'go.env')}), the Go installation's own default`,
    evidence: [{ source: path.join(goroot, 'go.env'), excerpt: `GOPROXY=${value}` }],
    fixes: [...once, { id: 'go-env-w-goproxy', kind: 'terminal', title: `Override it in your go env file (GOPROXY=${DEFAULT_GOPROXY})`, text: `go env -w ${quoteForDisplay(`GOPROXY=${DEFAULT_GOPROXY}`)}`, needsRoot: false, detail: 'Your go env file takes precedence over the installation\'s go.env.' }],
  };
}
