// With cgo off, a package made only of files that import "C" has no file left: go build stops
// there with "build constraints exclude all Go files in DIR" (go1.26.8, a tester's cgo1 with gcc
// off PATH). That is an error, not the warning a package that merely loses some declarations is.
// go itself says which: `go list -e -find` on the folders holding cgo files, offline.
import { withSealedGo } from '../host/sealedGo.js';
import path from 'node:path';
import type { ProbeContext } from './probe.js';

export interface CgoOnlyPackage {
  dir: string;
  /** go's own words: "build constraints exclude all Go files in DIR". */
  error: string;
}

const LIST_FORMAT = '{{.Dir}}\t{{len .GoFiles}}\t{{len .CgoFiles}}\t{{with .Error}}{{.Err}}{{end}}';

/** Pure: `go list -e -f LIST_FORMAT` lines → the packages with no Go file left because build constraints (cgo off among them) exclude all. */
export function parseCgoOnlyList(stdout: string): CgoOnlyPackage[] {
  const out: CgoOnlyPackage[] = [];
  for (const line of stdout.split('\n')) {
    const [dir, goFiles, cgoFiles, ...err] = line.split('\t');
    const error = err.join('\t').trim();
    if (dir && goFiles === '0' && cgoFiles === '0' && /^build constraints exclude all Go files in /.test(error)) out.push({ dir, error });
  }
  return out;
}

/** The folders of `files` (at most 8) whose package go, with the environment as it is, builds from no file at all. */
export async function cgoOnlyPackages(ctx: Pick<ProbeContext, 'host' | 'env' | 'signal' | 'remainingMs'> & Partial<Pick<ProbeContext, 'facts'>>, goBinary: string, files: readonly string[], cwd: string): Promise<{ packages: CgoOnlyPackage[]; commandLine: string }> {
  const dirs = [...new Set(files.map((f) => path.dirname(f)))].slice(0, 8);
  // Never a download: -find resolves no import, GOPROXY=off and GOTOOLCHAIN=local fetch nothing.
  // Sealed: under -mod=mod this list rewrites a go.mod go would tidy (src/host/sealedGo.ts).
  const goEnv = await ctx.facts?.goEnv();
  const r = await withSealedGo({ ...ctx.env, GOPROXY: 'off', GOTOOLCHAIN: 'local' }, cwd, goEnv?.ok ? goEnv.values : undefined, (env) => ctx.host.exec(goBinary, ['list', '-e', '-find', '-f', LIST_FORMAT, ...dirs], { timeoutMs: Math.max(300, Math.min(3000, ctx.remainingMs() - 500)), signal: ctx.signal, env, cwd, maxBuffer: 256 * 1024 }));
  return { packages: r.timedOut ? [] : parseCgoOnlyList(r.stdout), commandLine: `${r.commandLine} (in ${cwd})` };
}
