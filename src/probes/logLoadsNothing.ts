// A gopls log in which no package load returned a package (LogSummary.packageLoads: every
// go/packages.Load record says packages=0): gopls loaded nothing for the workspace, and the editor
// had no completion, imports or diagnostics anywhere in it. The log's "failed to load the
// workspace" symptoms (rules workspace-load-failed, packages-load-error) are then errors, not the
// warnings they are when the log cannot tell a dead workspace from one package among others (a
// pasted line, or a log whose other loads worked). Still symptoms: the reason on the same lines
// (a go.mod, a go.work, GOROOT, GOFLAGS…) is the cause and ranks above them.
import type { FindingInput } from '../doctor/model.js';
import { loadedNothing } from '../lsp/packagesLoad.js';
import type { LogSummary } from '../goplsLog/analyzer.js';

/** Pure: the log's findings, its load-failed symptoms made errors when it shows gopls loaded nothing. */
export function withLogLoadsNothing(findings: FindingInput[], s: LogSummary, name: string): FindingInput[] {
  if (!loadedNothing(s.packageLoads)) return findings;
  const n = s.packageLoads!.empty;
  let said = false;
  return findings.map((f) => {
    if (f.classId !== 'module-resolution' || f.role !== 'symptom' || f.symptom !== 'load-failed' || f.unclassified) return f;
    // Said once, on the first of them; the second only shares its severity.
    const tail = said ? '' : ` No package load in ${name} returned a package (${n === 1 ? 'its one load says' : `all ${n} loads say`} packages=0): gopls loaded nothing for the workspace, so the editor had no completion, no import resolution and no diagnostics in it.`;
    said = true;
    return { ...f, severity: 'error' as const, message: `${f.message}${tail}` };
  });
}
