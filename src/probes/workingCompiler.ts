// A C compiler that works, for a CC that does not. A tester's CC was a ccache wrapper failing on
// every file ("Failed to create directory …: Permission denied"): the doctor named it and offered
// nothing, while /usr/bin/gcc on the same PATH built the package. Each usual compiler on the
// editor's PATH is tried on the same empty C file (compiled, as cgo does, not only preprocessed),
// and the first that works is offered where CC is set now: its export or go env file line removed
// when it is go's default (gcc), else CC set to it; CGO_ENABLED=0 only where no package of the
// workspace imports "C" (there it would leave those files out). A CC with arguments
// ("gcc -m32x", a flag this gcc refuses) may fail for its arguments alone: there the same program,
// bare, is tried too (a tester's CC="gcc -m32x" came with no fix, /usr/bin/gcc being skipped as the
// broken one).
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Evidence, Fix } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { resolveProgram } from '../facts/lookPath.js';
import { cgoDisableFix, ccPathFix } from '../fixes/cgo.js';
import { quoteForDisplay as sh } from '../host/shellQuote.js';
import { whereGoVarIsSet } from './whereGoVarIsSet.js';
import { goEnvFileOf } from './goEnvFile.js';

/** Tried in this order: go's default first (nothing to set once CC is gone), then the usual others. */
const CANDIDATES = ['gcc', 'cc', 'clang'];
const CC_TIMEOUT_MS = 3000;

export interface WorkingCompiler {
  /** As found on the editor's PATH. */
  path: string;
  /** The name it was looked up by ("gcc"). */
  name: string;
  /** CC's own program, which fails only with the arguments CC gives it. */
  withoutArgs?: readonly string[];
  evidence: Evidence;
}

/**
 * The first of gcc, cc, clang on the editor's PATH that compiles an empty C file: other than
 * `broken`, unless CC gave it arguments (`brokenArgs`), which may be all that fails.
 */
export async function findWorkingCompiler(ctx: Pick<ProbeContext, 'host' | 'env' | 'signal'>, broken: string, brokenArgs: readonly string[] = []): Promise<WorkingCompiler | undefined> {
  const brokenReal = await fs.realpath(broken).catch(() => broken);
  const tried = new Set<string>(brokenArgs.length ? [] : [brokenReal]);
  for (const name of CANDIDATES) {
    const found = await resolveProgram(name, ctx.env);
    if (!found) continue;
    // cc is often gcc under another name: once is enough, and the broken one is not retried.
    const real = await fs.realpath(found).catch(() => found);
    if (tried.has(real)) continue;
    tried.add(real);
    const r = await ctx.host.exec(found, ['-c', '-x', 'c', '-', '-o', '/dev/null'], { timeoutMs: CC_TIMEOUT_MS, signal: ctx.signal, env: ctx.env, cwd: path.dirname(found), input: '', maxBuffer: 16 * 1024 });
    if (r.failed || r.timedOut || r.canceled || r.errorCode) continue;
    const withoutArgs = real === brokenReal ? { withoutArgs: brokenArgs } : {};
    return { path: found, name, ...withoutArgs, evidence: { source: r.commandLine, excerpt: 'exit 0: it compiles an empty C file' } };
  }
  return undefined;
}

/** CC written into go env's file, replaced by a compiler that works (go env -w writes one line). */
export function ccWriteFix(cc: string, file: string): Fix {
  return {
    id: 'cgo-cc-go-env-write',
    kind: 'terminal',
    title: `Set CC=${cc} in your go env file (${file})`,
    text: `go env -w ${sh(`CC=${cc}`)}`,
    needsRoot: false,
    detail: 'go env -w replaces the CC line go env -w wrote before, for terminals and the editor alike.',
  };
}

/**
 * The fixes for a CC that fails, where CC is set: `working` from findWorkingCompiler;
 * `workspaceImportsC`: whether a file of the workspace itself imports "C".
 */
export async function brokenCcFixes(ctx: Pick<ProbeContext, 'env' | 'facts' | 'settings'>, goenvFile: string | undefined, working: WorkingCompiler | undefined, workspaceImportsC: boolean): Promise<{ fixes: Fix[]; words: string; evidence: Evidence[] }> {
  const fixes: Fix[] = [];
  const evidence: Evidence[] = [];
  let words = '';
  if (working) {
    const where = await whereGoVarIsSet(ctx, 'CC', working.path, goenvFile);
    evidence.push(working.evidence, ...where.evidence);
    if (working.name === 'gcc') {
      // go's default: removing CC where it is set (the export's line, go env -u) gives it back.
      fixes.push(...where.fixes);
    } else if (where.source === 'file') {
      const file = goenvFile && path.isAbsolute(goenvFile) ? goenvFile : goEnvFileOf(ctx.env);
      fixes.push(ccWriteFix(working.path, file ?? 'go env GOENV'));
    } else {
      // Removing the export would give go gcc, which is not the compiler that works here.
      fixes.push(ccPathFix(working.path));
    }
    const bare = working.withoutArgs ? `, without CC's arguments (${working.withoutArgs.join(' ')}),` : '';
    words = ` ${working.path} (${working.name} on the editor's PATH)${bare} compiles the same empty file.${where.words}`;
  }
  if (!workspaceImportsC) fixes.push(cgoDisableFix());
  return { fixes, words, evidence };
}
