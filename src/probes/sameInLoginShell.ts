// Whether the login shell has the Go environment the editor has. Where it does, an environment
// finding is not the launcher's doing, and says so by its headline.
import type { FindingInput } from '../doctor/model.js';
import type { ProbeContext, ProbeOutcome } from './probe.js';
import { promises as fs } from 'node:fs';
import { lookPath } from '../facts/lookPath.js';
import { goInTerminalOnly } from './goInTerminalOnly.js';
import { RULES } from '../goplsLog/rules.js';
import { capitalize } from './goplsLogs.js';

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
  let shared: Promise<Shared> | undefined;
  const sameHere = () => (shared ??= goEnvironmentShared(ctx));
  const mark = async (o: ProbeOutcome): Promise<ProbeOutcome> => {
    if (!o.findings?.some(candidate)) return o;
    const here = await sameHere();
    const isShared = (f: FindingInput) => here.all || namedVarsShared(f.message, here.sameVars);
    if (!o.findings.some((f) => candidate(f) && isShared(f))) return o;
    return { ...o, findings: o.findings.map((f) => (candidate(f) && isShared(f) ? { ...f, headline: 'go-environment' as const, message: inShellTooWording(f.message) } : f)) };
  };
  const first = await mark(outcome);
  return outcome.followUp ? { ...first, followUp: { ...outcome.followUp, outcome: outcome.followUp.outcome.then(mark) } } : first;
}

/**
 * Pure: a log rule's reading that blames the launcher (the go command's "GOPATH entry is relative"
 * read as "the editor was started without the environment the shell sets up"), told as the rule
 * tells it where the login shell has the same value (Rule.inShellToo). A tester's report said so
 * beside the go-env finding that no start-up file sets GOPATH and the login shell has it too.
 */
export function inShellTooWording(message: string): string {
  // The longest `says` that starts the message: one rule's words can begin another's (go-binary-not-found's
  // "…on the PATH it was given" and go-not-found-shells's "…on the PATH it was given (the shell…)").
  let best: (typeof RULES)[number] | undefined;
  for (const r of RULES) if (r.inShellToo && message.startsWith(capitalize(r.says)) && r.says.length > (best?.says.length ?? -1)) best = r;
  return best ? capitalize(best.inShellToo!) + message.slice(best.says.length) : message;
}

interface Shared {
  /** Every Go-deciding value, and whether go is found, is the same in the login shell. */
  all: boolean;
  /** The Go-deciding variables the login shell has exactly as the editor does (set or not). */
  sameVars: ReadonlySet<string>;
}

/**
 * Pure: a finding about named variables (GOROOT, GOPATH…) is the same in a terminal when each of
 * them is, even where the two PATHs find go differently (a tester's /etc/profile reset PATH, and a
 * GOROOT inherited by both was put down to the launcher).
 */
export function namedVarsShared(message: string, sameVars: ReadonlySet<string>): boolean {
  const named = GO_DECIDING_VARS.filter((v) => v.startsWith('GO') && new RegExp(`\\b${v}\\b`).test(message));
  return named.length > 0 && named.every((v) => sameVars.has(v));
}

async function goEnvironmentShared(ctx: ProbeContext): Promise<Shared> {
  const login = await ctx.facts.loginShellEnv();
  if (!login.ok) return { all: false, sameVars: new Set() };
  // go.toolsEnvVars reaches the editor's tools and the login shell the doctor starts, never a
  // terminal: a Go variable it sets is not shared with the terminal, whatever the shell printed.
  // An empty one is no value to go, which then reads go env's file as a terminal's go does (a
  // tester's {"GOROOT": ""} beside a GOROOT from go env -w was put down to the launcher).
  const fromSettings = new Set((ctx.settings.toolsEnvVarsKeys ?? []).filter((k) => ctx.env[k] !== ''));
  const sameVars = new Set(GO_DECIDING_VARS.filter((k) => !fromSettings.has(k) && (login.env[k] ?? '') === (ctx.env[k] ?? '')));
  // The go env file is found through these: another one is another file.
  for (const k of ['HOME', 'XDG_CONFIG_HOME', 'GOENV']) if (!sameVars.has(k)) for (const v of GO_DECIDING_VARS) sameVars.delete(v);
  if (fromSettings.has('PATH') || sameVars.size !== GO_DECIDING_VARS.length) return { all: false, sameVars };
  const [inEditor, inLogin] = await Promise.all([lookPath('go', ctx.env), lookPath('go', login.env)]);
  const editorGo = !!inEditor;
  if (editorGo !== !!inLogin) return { all: false, sameVars };
  // Another go first on each PATH is another Go in a terminal.
  if (inEditor && inLogin && (await realpathOf(inEditor)) !== (await realpathOf(inLogin))) return { all: false, sameVars };
  // Neither finds go, but a terminal's bash does (~/.bashrc only): a terminal's go works.
  return { all: editorGo || !(await goInTerminalOnly(ctx)), sameVars };
}

function realpathOf(p: string): Promise<string> {
  return fs.realpath(p).catch(() => p);
}
