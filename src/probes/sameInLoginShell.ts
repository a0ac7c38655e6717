// Whether the login shell has the Go environment the editor has. Where it does, an environment
// finding is not the launcher's doing, and says so by its headline.
import type { FindingInput } from '../doctor/model.js';
import type { ProbeContext, ProbeOutcome } from './probe.js';
import { promises as fs } from 'node:fs';
import { lookPath } from '../facts/lookPath.js';
import { goInTerminalOnly } from './goInTerminalOnly.js';

/**
 * Variables whose values decide what go does: when the login shell has each as the editor does (and
 * finds go on its PATH exactly when the editor does), nothing here is the launcher's doing.
 */
const GO_DECIDING_VARS = ['GOROOT', 'GOPATH', 'GOFLAGS', 'GO111MODULE', 'GOTOOLCHAIN', 'GOCACHE', 'GOMODCACHE', 'GOENV', 'GOWORK', 'GOOS', 'GOARCH', 'CGO_ENABLED', 'GOBIN', 'GOTMPDIR', 'GOPROXY', 'GOPRIVATE', 'GONOSUMDB', 'GOSUMDB', 'HOME', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME'];

/**
 * The go-env and gopls probes' environment findings were titled by the class ("The editor does not see the
 * environment your shell sees … desktop launcher") even where the login shell has the very same
 * values: a tester's CI container without go on PATH, HOME unset, GOPATH=GOROOT or a bad GOFLAGS
 * exported in the shell itself. There they carry the go-environment headline instead.
 */
export async function sameInLoginShell(ctx: ProbeContext, outcome: ProbeOutcome): Promise<ProbeOutcome> {
  const candidate = (f: FindingInput) => f.classId === 'env-inheritance' && !f.headline;
  // Asked only when there is something to title: the login shell may still be being read, and a
  // probe with nothing of this class must not wait for it.
  let shared: Promise<boolean> | undefined;
  const sameHere = () => (shared ??= goEnvironmentShared(ctx));
  const mark = async (o: ProbeOutcome): Promise<ProbeOutcome> => {
    if (!o.findings?.some(candidate) || !(await sameHere())) return o;
    return { ...o, findings: o.findings.map((f) => (candidate(f) ? { ...f, headline: 'go-environment' as const } : f)) };
  };
  const first = await mark(outcome);
  return outcome.followUp ? { ...first, followUp: { ...outcome.followUp, outcome: outcome.followUp.outcome.then(mark) } } : first;
}

async function goEnvironmentShared(ctx: ProbeContext): Promise<boolean> {
  const login = await ctx.facts.loginShellEnv();
  if (!login.ok) return false;
  // go.toolsEnvVars reaches the editor's tools and the login shell the doctor starts, never a
  // terminal: a Go variable it sets is not shared with the terminal, whatever the shell printed.
  if ((ctx.settings.toolsEnvVarsKeys ?? []).some((k) => GO_DECIDING_VARS.includes(k) || k === 'PATH')) return false;
  if (GO_DECIDING_VARS.some((k) => (login.env[k] ?? '') !== (ctx.env[k] ?? ''))) return false;
  const [inEditor, inLogin] = await Promise.all([lookPath('go', ctx.env), lookPath('go', login.env)]);
  const editorGo = !!inEditor;
  if (editorGo !== !!inLogin) return false;
  // Another go first on each PATH is another Go in a terminal.
  if (inEditor && inLogin && (await realpathOf(inEditor)) !== (await realpathOf(inLogin))) return false;
  // Neither finds go, but a terminal's bash does (~/.bashrc only): a terminal's go works.
  return editorGo || !(await goInTerminalOnly(ctx));
}

function realpathOf(p: string): Promise<string> {
  return fs.realpath(p).catch(() => p);
}
