// `go env -changed` (Go 1.23+): the Go environment settings that differ from their defaults, set
// by `go env -w`, the environment or GOROOT/go.env. A section of the report rather than findings,
// so what the user changed stands out next to the causes. It can hold credentials (GOPROXY
// userinfo, GOAUTH, GOFLAGS -header), which the report's redaction masks like every other value.
import path from 'node:path';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { CAP, readUserFile } from '../host/readUserFile.js';
import { skipped } from './probe.js';
import { parseGoEnvJson } from '../facts/readGoEnv.js';
import { noToolchainSwitch } from '../host/noDownload.js';

/** GOTOOLCHAIN's default is GOROOT/go.env's line (distributions set "local"), else "auto". */
async function defaultToolchain(goroot: string | undefined): Promise<string> {
  const r = goroot ? await readUserFile(path.join(goroot, 'go.env'), CAP.versionFile * 4) : undefined;
  const m = r?.ok ? /^\s*GOTOOLCHAIN=(\S*)\s*$/m.exec(r.text) : undefined;
  return m?.[1] ?? 'auto';
}

async function runGoEnvChanged(ctx: ProbeContext): Promise<ProbeOutcome> {
  if (!ctx.host.live) return skipped('not the live machine');
  const goEnv = await ctx.facts.goEnv();
  if (!goEnv.ok) return skipped(`no go env: ${goEnv.reason}`);
  // GOTOOLCHAIN=local, so this go never switches toolchains; that makes GOTOOLCHAIN "changed" in
  // its eyes, so the user's own value (go env GOTOOLCHAIN, read by the go-env fact) replaces it.
  const r = await ctx.host.exec(goEnv.goBinary, ['env', '-changed', '-json'], { timeoutMs: Math.max(100, ctx.remainingMs() - 100), signal: ctx.signal, env: noToolchainSwitch(ctx.env) });
  if (r.failed) {
    const why = /flag provided but not defined|unknown flag/.test(r.stderr) ? `go env -changed needs Go 1.23 or later (this is ${goEnv.values.GOVERSION ?? 'an older go'})` : `${r.commandLine} failed: ${r.timedOut ? 'timed out' : r.errorCode ?? (r.stderr.trim().split('\n')[0] || `exit ${r.exitCode}`)}`;
    return skipped(why);
  }
  const parsed = parseGoEnvJson(r.stdout.trim() || '{}');
  if (!parsed.ok) return skipped(parsed.error);
  const changed = parsed.values;
  delete changed.GOTOOLCHAIN;
  const own = goEnv.values.GOTOOLCHAIN;
  const fallback = await defaultToolchain(goEnv.values.GOROOT);
  if (own !== undefined && own !== fallback) changed.GOTOOLCHAIN = own;
  // go env -changed never lists GOPATH (measured with go1.26.8: GOPATH=/x go env -changed prints no
  // GOPATH line), so a report said "every Go setting has its default" beside an exported GOPATH (a
  // tester's): added when it differs from $HOME/go, go's default.
  const gopath = goEnv.values.GOPATH;
  if (gopath && changed.GOPATH === undefined && gopath !== (ctx.env.HOME ? path.join(ctx.env.HOME, 'go') : '')) changed.GOPATH = gopath;
  return { observed: { count: Object.keys(changed).length, command: `${r.commandLine}` }, sections: { goEnvChanged: changed } };
}

export const goEnvChangedProbe: Probe = {
  id: 'go-env-changed',
  title: 'Go environment you changed (go env -changed)',
  classes: ['env-inheritance'],
  timeoutMs: 20_000,
  run: runGoEnvChanged,
};
