// A log keeps what went wrong when it was written. When it says the module's own files could not be
// used (go.mod or go.work written wrong, a go line newer than the go that ran) and the folder it
// was written for is on this machine, asking go now tells whether that is still so. A tester fixed
// the go line, handed in the old log and was told, as a current warning, that the go that runs is
// too old (findings D16). `go list -m` reads the main modules exactly where those failures come
// from: it fails with "go.mod requires go >= …", "errors parsing go.mod" and "cannot load module …
// listed in go.work file" and needs no network (GOPROXY=off, GOTOOLCHAIN=local: a go line only a
// toolchain download would satisfy still fails here, so it stays a warning).
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Evidence, FindingInput } from '../doctor/model.js';
import type { LogSummary } from '../goplsLog/analyzer.js';
import type { RuleId } from '../goplsLog/rules.js';
import { logFolders } from '../goplsLog/logFolders.js';
import { readOnlyGo } from '../host/noDownload.js';
import { withSealedGo } from '../host/sealedGo.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { parseGoDirectives } from './modules.js';
import { RESTART_GOPLS } from '../fixes/catalog.js';
import type { ProbeContext } from './probe.js';

/** The rules whose failure `go list -m` in the log's folder reproduces, while it still holds. */
export const RECHECKED_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['go-mod-invalid', 'gowork-use-missing', 'go-version-too-old-for-module', 'go-too-old-for-go-mod']);
/** At most this many folders are asked per run (each is one go list -m). */
const MAX_FOLDERS = 3;

/** Pure: the lines of one log that such a failure stands on, added to `into` under the log's path. */
export function recheckableLines(source: string, s: LogSummary, into: Map<string, Set<number>>): Map<string, Set<number>> {
  for (const e of s.events) {
    if (!RECHECKED_RULES.has(e.ruleId)) continue;
    const lines = into.get(source) ?? new Set<number>();
    lines.add(e.line);
    into.set(source, lines);
  }
  return into;
}

/** A log whose module failure no longer happens here: the folders asked and what go said. */
export interface PastFailure {
  source: string;
  lines: ReadonlySet<number>;
  evidence: Evidence[];
  folders: string[];
}

/**
 * For each log with such lines: its folders that exist here, asked with `go list -m`. Only a log
 * every one of whose folders loads now is past; a folder that is not here (another machine's log),
 * a go that fails or cannot run leaves the log's findings as they are.
 */
export async function pastFailures(ctx: Pick<ProbeContext, 'host' | 'env' | 'facts' | 'signal' | 'remainingMs'>, byLog: ReadonlyMap<string, ReadonlySet<number>>): Promise<PastFailure[]> {
  if (!byLog.size || !ctx.host.live) return [];
  const goEnv = await ctx.facts.goEnv();
  if (!goEnv.ok) return [];
  // The doctor's go never switches toolchains (GOTOOLCHAIN=local). The user's go does under a
  // pinned version or "path": asked with local, it would load what the user's go fails on (a
  // tester's GOTOOLCHAIN=go1.22.0 against a go 1.26 module was told "does not happen here now").
  // Unknown, or anything but local/auto, is not re-asked; under auto a toolchain line is (below).
  const toolchain = goEnv.values.GOTOOLCHAIN;
  if (toolchain === undefined || !/^(?:local|auto|local\+auto)?$/.test(toolchain.trim())) return [];
  const out: PastFailure[] = [];
  let asked = 0;
  for (const [source, lines] of byLog) {
    const named = await logFolders(source);
    const here: string[] = [];
    for (const d of named) if (await fs.stat(d).then((st) => st.isDirectory(), () => false)) here.push(d);
    // Under auto, a toolchain line makes the user's go switch where the doctor's does not.
    if (!/^local/.test(toolchain.trim()) && (await Promise.all(here.map(namesToolchain))).some(Boolean)) continue;
    if (!here.length || here.length < named.length || asked + here.length > MAX_FOLDERS) continue;
    const evidence: Evidence[] = [];
    for (const dir of here) {
      asked++;
      const timeoutMs = Math.max(300, Math.min(4000, ctx.remainingMs() - 500));
      // Sealed: `go list -m` under -mod=mod rewrites a go.mod go would tidy; the copy answers the same.
      const r = await withSealedGo(readOnlyGo(ctx.env), dir, goEnv.values, (env) => ctx.host.exec(goEnv.goBinary, ['list', '-m'], { timeoutMs, signal: ctx.signal, env, cwd: dir, maxBuffer: 64 * 1024 }));
      if (r.failed) break;
      evidence.push({ source: `${r.commandLine} (in ${dir})`, excerpt: r.stdout.trim().split('\n').slice(0, 4).join('\n') || '(exit status 0)' });
    }
    if (evidence.length === here.length) out.push({ source, lines, evidence, folders: here });
  }
  return out;
}

/**
 * Pure: a log finding (module-resolution or env-inheritance) standing only on lines of a failure
 * that no longer happens becomes information that says so, with go's answer and a restart of gopls
 * (a running gopls keeps the load it failed until a file changes or it restarts).
 */
export function asPastFailure(f: FindingInput, past: readonly PastFailure[]): FindingInput {
  if (f.classId !== 'module-resolution' && f.classId !== 'env-inheritance') return f;
  const onLines = f.evidence.filter((e) => e.line !== undefined);
  const p = past.find((x) => onLines.length > 0 && onLines.length === f.evidence.length && onLines.every((e) => e.source === x.source && x.lines.has(e.line!)));
  if (!p) return f;
  const where = p.folders.join(', ');
  return {
    ...f,
    severity: 'info',
    message: `${f.message} It does not happen here now: go list -m in ${where} loads the ${p.folders.length === 1 ? 'module' : 'modules'} (below), so the log was written before a fix, or gopls has not reloaded since. Restart gopls if the editor still shows it.`,
    evidence: [...f.evidence, ...p.evidence],
    fixes: [RESTART_GOPLS],
  };
}

/** Does the go.mod or go.work at dir (or the go.mod above it) carry a toolchain line? */
async function namesToolchain(dir: string): Promise<boolean> {
  for (const f of ['go.work', 'go.mod']) {
    const text = (await readUserText(path.join(dir, f), CAP.goModFile)) ?? '';
    if (parseGoDirectives(text).toolchain) return true;
  }
  return false;
}
