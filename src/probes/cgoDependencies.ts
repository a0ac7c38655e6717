// The cgo files of the workspace's dependencies. Most cgo a Go developer meets is in a module they
// require, not in their own code: gopacket's pcap package includes <pcap.h>, a tree-sitter grammar
// compiles a scanner.cc, and without libpcap-dev or g++ their build fails as surely as the user's
// own cgo would. The workspace walk (cgo.ts) never sees the module cache, so go itself is asked:
// `go list -deps -e` lists, for this GOOS/GOARCH and the default tags, every package the workspace
// builds with its CgoFiles, without compiling anything; GOPROXY=off, so nothing is fetched (a
// module not in the cache is a module-downloads finding, not ours).
import path from 'node:path';
import type { ProbeContext } from './probe.js';
import { readOnlyGo } from '../host/noDownload.js';
import { withSealedGo } from '../host/sealedGo.js';

/**
 * One line per non-standard package with cgo files: its directory, then its cgo files, tab-separated;
 * and RUNTIME_CGO_LINE when runtime/cgo is among the packages (a program importing net or os/user
 * with cgo on): its C is compiled with go env CC even where no file of the workspace imports "C".
 */
export const RUNTIME_CGO_LINE = 'runtime/cgo';
export const CGO_DEPS_TEMPLATE = `{{if and (not .Standard) .CgoFiles}}{{.Dir}}{{range .CgoFiles}}\t{{.}}{{end}}\n{{end}}{{if eq .ImportPath "runtime/cgo"}}${RUNTIME_CGO_LINE}\n{{end}}`;

/** Files listed at most: six packages are preprocessed (cgoHeaders.ts), the rest only counted. */
const MAX_FILES = 400;

/** Pure: `go list -deps -f CGO_DEPS_TEMPLATE` output → the cgo files' absolute paths, package by package. */
export function parseCgoDeps(stdout: string): string[] {
  const out: string[] = [];
  for (const line of stdout.split('\n')) {
    const [dir, ...files] = line.split('\t');
    if (!dir || !path.isAbsolute(dir)) continue;
    for (const f of files) if (f.endsWith('.go') && !f.includes('/')) out.push(path.join(dir, f));
    if (out.length >= MAX_FILES) break;
  }
  return out.slice(0, MAX_FILES);
}

export interface CgoDependencyList {
  files: string[];
  /** runtime/cgo is built: go env CC compiles it for any program linking it. */
  runtimeCgo: boolean;
  /** Per workspace folder, why go list said nothing usable (not a module, timed out). */
  skipped: string[];
}

/**
 * `go list -deps -e -f template ./...` in one workspace folder (read-only: GOPROXY=off, nothing
 * compiled), with opts.env on the environment: its output, or why it gave nothing usable. -e keeps
 * going past broken packages; a folder that is no module at all fails as a whole.
 */
export async function listDeps(ctx: ProbeContext, goBinary: string, root: string, template: string, opts: { timeoutMs: number; maxBuffer: number; env?: NodeJS.ProcessEnv }): Promise<{ stdout: string } | { skipped: string }> {
  // Sealed: with the user's GOFLAGS=-mod=mod this list wrote go.sum into the workspace (measured);
  // on copies it lists the same packages.
  const goEnv = await ctx.facts.goEnv();
  const r = await withSealedGo({ ...readOnlyGo(ctx.env), ...opts.env }, root, goEnv.ok ? goEnv.values : undefined, (env) => ctx.host.exec(goBinary, ['list', '-deps', '-e', '-f', template, './...'], { timeoutMs: opts.timeoutMs, signal: ctx.signal, env, cwd: root, maxBuffer: opts.maxBuffer }));
  if (r.timedOut || r.canceled || r.errorCode || (r.failed && !r.stdout.trim())) return { skipped: `${root}: ${r.timedOut ? 'timed out' : r.errorCode ?? (r.stderr.trim().split('\n')[0] ?? `exit ${r.exitCode}`).slice(0, 200)}` };
  return { stdout: r.stdout };
}

/** The cgo files of every non-standard package the workspace folders build, as go list reports them. */
export async function cgoDependencyFiles(ctx: ProbeContext, goBinary: string, roots: readonly string[], timeoutMs: number): Promise<CgoDependencyList> {
  const res: CgoDependencyList = { files: [], runtimeCgo: false, skipped: [] };
  for (const root of roots.slice(0, 3)) {
    if (ctx.signal.aborted) break;
    const r = await listDeps(ctx, goBinary, root, CGO_DEPS_TEMPLATE, { timeoutMs, maxBuffer: 4 * 1024 * 1024 });
    if ('skipped' in r) {
      res.skipped.push(r.skipped);
      continue;
    }
    for (const f of parseCgoDeps(r.stdout)) if (!res.files.includes(f)) res.files.push(f);
    if (r.stdout.split('\n').includes(RUNTIME_CGO_LINE)) res.runtimeCgo = true;
  }
  return res;
}
