// "gopls loads nothing for this workspace": every go/packages.Load the session's gopls ran failed
// and none returned a package (lsp/packagesLoad.ts). The editor is then dead for every file of the
// workspace (no completion, no import resolution, no diagnostics), which is worse than one broken
// package among others that load: an error, where a partial failure stays what its own finding
// says. It is what the user sees, not why (a symptom of kind load-failed): the cause found beside
// it (GOFLAGS=-mod=vendor without vendor/, an empty GOROOT, a go line newer than the toolchain, a
// go.work naming missing folders) explains it and ranks above it (explain.ts, rank.ts).
import path from 'node:path';
import type { Evidence, FindingInput } from '../doctor/model.js';
import { loadedNothing } from '../lsp/packagesLoad.js';
import type { GoplsSessionResult } from '../lsp/session.js';

/** gopls's record of a load that failed: "go/packages.Load #1: err: exit status 1: stderr: …". */
const FAILED_LOAD = /go\/packages\.Load #\d+: err: /;
/** How many of gopls's own records (and of the folded findings' evidence) the finding quotes. */
const QUOTED = 2;

/**
 * Pure: `found` (the session's other findings) with the workspace-wide symptom added when gopls
 * loaded nothing. The per-file load-failed symptoms of module-resolution it says the same as are
 * folded into it (their evidence kept), so the report tells one failure once. `switched`: the
 * user's go switches to another toolchain the doctor's gopls (GOTOOLCHAIN=local) did not, so its
 * failed loads say nothing of the editor's gopls.
 */
export function withLoadsNothing(session: GoplsSessionResult, found: FindingInput[], switched: boolean): FindingInput[] {
  if (switched || !loadedNothing(session.loads)) return found;
  const loads = session.loads!;
  // Only what gopls's diagnostics said: a reading of go's words under the user's gopls settings
  // (gopls.ts, build.env) names those settings, and stays.
  const folded = found.filter((f) => f.classId === 'module-resolution' && f.role === 'symptom' && f.symptom === 'load-failed' && f.evidence.every((e) => e.source.startsWith('gopls textDocument/publishDiagnostics')));
  const records: Evidence[] = session.messages
    .filter((m) => FAILED_LOAD.test(m.message))
    .slice(0, QUOTED)
    .map((m) => ({ source: `gopls ${m.via}`, excerpt: m.message.trim().split('\n').filter((l) => l.trim() && !/^\s*(?:view_id|snapshot|duration)=/.test(l)).join('\n') }));
  const dirs = [...new Set(session.views.map((v) => v.directory))];
  const where = dirs.length === 1 ? dirs[0]! : dirs.length ? `any of ${dirs.join(', ')}` : session.openedFile ? path.dirname(session.openedFile) : 'the workspace';
  const loadsNothing: FindingInput = {
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.85,
    role: 'symptom',
    symptom: 'load-failed',
    message: `gopls loads no package in ${where}: ${loads.empty === 1 ? 'the one package load it ran failed' : `all ${loads.empty} package loads it ran failed`} and none returned a package, so the editor has no completion, no import resolution and no diagnostics in any file there (not one broken package: the go command refused the whole workspace)`,
    evidence: [...records, ...folded.flatMap((f) => f.evidence).slice(0, QUOTED)],
    fixes: [],
  };
  return [...found.filter((f) => !folded.includes(f)), loadsNothing];
}
