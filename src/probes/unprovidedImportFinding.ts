// gopls's own diagnostic 'could not import X (no required module provides package "X")' in a log
// with nothing else wrong. gopls does not log go's reason for it, so a tester's three real faults
// (GOPROXY=off with an empty module cache, an unreachable GOPROXY, a deleted go.sum; gopls v0.23.0)
// read "no problems found", exit 0, while the editor showed the import red. The line cannot tell a
// missing require from a module go could not fetch, or from a typo in the user's own import: a
// warning and a symptom (a live probe that finds the proxy, the module cache or go.sum at fault
// explains it), naming the import and the commands that settle it.
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';

interface Line {
  line: number;
  text: string;
}

/** The import path in gopls's words (the diagnostic's message is JSON inside a trace record: quotes may be escaped). */
const IMPORT = /could not import (\S+?) \(no required module provides package/;

/** The imports the lines name, in order, once each. Pure. */
export function unprovidedImportPaths(lines: readonly Line[]): string[] {
  return [...new Set(lines.flatMap((l) => IMPORT.exec(l.text)?.[1] ?? []))];
}

/** The finding for those diagnostics, or none when they name no import. Pure. */
export function unprovidedImportFinding(source: string, name: string, lines: readonly Line[], keep: number): FindingInput | undefined {
  const imports = unprovidedImportPaths(lines);
  if (!imports.length) return undefined;
  const first = imports[0]!;
  const named = imports.length === 1 ? first : `${imports.slice(0, 3).join(', ')}${imports.length > 3 ? ` and ${imports.length - 3} more` : ''}`;
  const evidence: Evidence[] = lines.slice(0, keep).map((l) => ({ source, line: l.line, excerpt: l.text }));
  const fixes: Fix[] = [
    { id: 'go-get-unprovided-import', kind: 'terminal', title: `Add the module that provides ${first} to go.mod`, text: `go get ${first}`, needsRoot: false, detail: 'Run in the module\'s folder. It fails with go\'s own reason when the module cannot be fetched (GOPROXY=off, a proxy it cannot reach, GOFLAGS=-mod=vendor).' },
    { id: 'go-mod-tidy', kind: 'terminal', title: 'Add missing requires and go.sum entries for every import', text: 'go mod tidy', needsRoot: false },
    { id: 'go-env-module-fetch', kind: 'terminal', check: true, title: 'Show where go fetches modules from and where it keeps them', text: 'go env GOPROXY GOFLAGS GOMODCACHE GONOSUMDB GOPRIVATE', needsRoot: false },
  ];
  return {
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.45,
    role: 'symptom',
    symptom: 'no-build',
    message: `gopls's diagnostics say no module in the build provides ${named} ("could not import ${first} (no required module provides package …)") (${lines.length} ${lines.length === 1 ? 'line' : 'lines'} in ${name}): go.mod has no require for it, or its module is not in the module cache and go could not download it (GOPROXY=off, a proxy it cannot reach), or go.sum lacks its entry; a typo in the import path reads the same.`,
    evidence,
    fixes,
  };
}
