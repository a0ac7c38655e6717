// Whether a Go variable the login shell sets works with the go the editor runs, asked before a fix
// carries it into go.toolsEnvVars. A tester's ~/.profile exported a GOROOT that was gone (another
// that held go1.22.12 beside a go1.26.8 on PATH) and GOFLAGS=-mod=vendr: the editor, started
// without them, was the healthy side, and the fix copied the broken values into it. A value go
// cannot use is the shell's problem, found at its line in the start-up file.
import path from 'node:path';
import type { Evidence } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import type { ExecResult } from '../host/exec.js';
import { isExecutableFile } from '../facts/lookPath.js';
import { readOnlyGo } from '../host/noDownload.js';
import { withSealedGo } from '../host/sealedGo.js';

export interface BrokenValue {
  /** What go does with it, for the middle of a sentence ("go stops with …"). */
  why: string;
  evidence: Evidence[];
}

/** The editor's go, as go env found it: the one a value copied into go.toolsEnvVars would reach. */
export interface EditorGo {
  goBinary: string;
  goVersion?: string;
}

/** Pure: the first lines go printed, as evidence and in a sentence. */
export function goSaid(r: Pick<ExecResult, 'stderr' | 'stdout' | 'exitCode'>): string {
  const text = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(0, 3).join('\n');
  return text || `exit ${r.exitCode ?? '?'}`;
}

/**
 * Pure: a GOROOT whose bin/go reports `rootVersion` against the editor's go `editorVersion`.
 * The go command runs its compiler from GOROOT/pkg/tool, and a compiler of another release refuses
 * to build ("compile: version "go1.22.12" does not match go tool version "go1.26.8"", measured).
 */
export function gorootVersionMismatch(rootVersion: string, editorVersion: string | undefined): boolean {
  return !!editorVersion && rootVersion.trim().split(/\s/)[0] !== editorVersion.trim().split(/\s/)[0];
}

/** Variables checked by running go with them; GOPROXY is not (the doctor's go never fetches). */
const CHECKED_BY_GO_LIST = new Set(['GOFLAGS', 'GOPATH', 'GO111MODULE']);

/**
 * Undefined when the value works (or cannot be judged here); else what go does with it. GOROOT:
 * a directory whose bin/go runs and is the editor's go's release. GOFLAGS, GOPATH, GO111MODULE: a
 * cheap go list in the first workspace that fails with the value and not without it (the same
 * question the go-env probe asks of the editor's own GOFLAGS).
 */
export async function loginValueBroken(ctx: ProbeContext, name: string, value: string, editorGo: EditorGo | undefined): Promise<BrokenValue | undefined> {
  if (!ctx.host.live || ctx.remainingMs() < 1500) return undefined;
  const timeoutMs = Math.min(4000, ctx.remainingMs() / 3);
  const cwd = ctx.workspaces[0] ? path.resolve(ctx.workspaces[0]) : undefined;
  if (name === 'GOROOT') {
    if (!value) return undefined;
    const rootGo = path.join(value, 'bin', 'go');
    if (!(await isExecutableFile(rootGo))) {
      // What the editor's go says when given it: the user's own error message, quoted.
      if (!editorGo) return { why: `${rootGo} is not there`, evidence: [{ source: `stat ${rootGo}`, excerpt: 'no executable go' }] };
      const r = await ctx.host.exec(editorGo.goBinary, ['env', 'GOVERSION'], { timeoutMs, signal: ctx.signal, env: readOnlyGo({ ...ctx.env, GOROOT: value }), maxBuffer: 16 * 1024 });
      const evidence: Evidence[] = [{ source: `stat ${rootGo}`, excerpt: 'no executable go: not a Go root' }];
      if (r.failed) evidence.push({ source: `GOROOT=${value} ${r.commandLine}`, excerpt: goSaid(r) });
      return { why: r.failed ? `go stops with "${goSaid(r).split('\n')[0]}"` : `it is not a Go root (no bin/go)`, evidence };
    }
    const r = await ctx.host.exec(rootGo, ['env', 'GOVERSION'], { timeoutMs, signal: ctx.signal, env: readOnlyGo({ ...ctx.env, GOROOT: value }), maxBuffer: 16 * 1024 });
    if (r.timedOut || r.canceled) return undefined;
    if (r.failed) return { why: `its go fails: "${goSaid(r).split('\n')[0]}"`, evidence: [{ source: r.commandLine, excerpt: goSaid(r) }] };
    const rootVersion = r.stdout.trim();
    if (!rootVersion || !gorootVersionMismatch(rootVersion, editorGo?.goVersion)) return undefined;
    return {
      why: `it holds ${rootVersion}, while the go the editor runs is ${editorGo!.goVersion}: go runs the compiler of GOROOT, and every build fails with compile: version "${rootVersion}" does not match go tool version "${editorGo!.goVersion}"`,
      evidence: [
        { source: r.commandLine, excerpt: rootVersion },
        { source: `${editorGo!.goBinary} env GOVERSION`, excerpt: editorGo!.goVersion! },
      ],
    };
  }
  if (!CHECKED_BY_GO_LIST.has(name) || !editorGo) return undefined;
  // Sealed: under -mod=mod even this list rewrites a go.mod go would tidy.
  const settings = await ctx.facts.goEnv().then((g) => (g.ok ? g.values : undefined));
  const list = (env: NodeJS.ProcessEnv) =>
    withSealedGo(readOnlyGo(env), cwd, settings, (e) => ctx.host.exec(editorGo.goBinary, ['list', '-e', '-find', '-f', '{{.ImportPath}}', 'unsafe'], { timeoutMs, signal: ctx.signal, env: e, ...(cwd ? { cwd } : {}), maxBuffer: 64 * 1024 }));
  const withValue = await list({ ...ctx.env, [name]: value });
  if (!withValue.failed || withValue.timedOut || withValue.canceled || withValue.errorCode) return undefined;
  // Only a value that alone makes go fail: the editor's own environment must pass the same command.
  const without = await list(ctx.env);
  if (without.failed) return undefined;
  return { why: `go says "${goSaid(withValue).split('\n')[0]}"`, evidence: [{ source: `${name}=${value} ${withValue.commandLine}${cwd ? ` (in ${cwd})` : ''}`, excerpt: goSaid(withValue) }] };
}
