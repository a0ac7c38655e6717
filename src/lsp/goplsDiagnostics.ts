// gopls's own words about the file the probe opened: its publishDiagnostics, classified the way
// log lines are. A file that type-checks says nothing; one that does not says why, in gopls's
// phrasing (seen with gopls v0.23.0 on real modules, see test/unit/gopls/goplsDiagnostics.test.ts).
import type { ClassId } from '../doctor/model.js';

export type DiagnosticKind = 'go-newer-than-toolchain' | 'missing-go-sum' | 'no-module-provides' | 'import-not-found' | 'build-constraints' | 'load-failed';

export interface ClassifiedDiagnostic {
  kind: DiagnosticKind;
  classId: ClassId;
  /** The import path, required Go version, etc. the message names. */
  subject?: string;
  /** The running Go, for go-newer-than-toolchain. */
  running?: string;
  message: string;
}

interface Rule {
  kind: DiagnosticKind;
  classId: ClassId;
  re: RegExp;
}

// Most specific first: "packages.Load error: … go.mod requires go >= …" is a version problem
// before it is a load failure.
const RULES: Rule[] = [
  // go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)
  { kind: 'go-newer-than-toolchain', classId: 'module-resolution', re: /go\.(?:mod|work) requires go >= (\S+) \(running go (\S+);/ },
  // missing go.sum entry for module providing package golang.org/x/mod/semver (imported by …)
  { kind: 'missing-go-sum', classId: 'module-resolution', re: /missing go\.sum entry(?: for module providing package (\S+))?/ },
  // could not import golang.org/x/mod/semver (no required module provides package "golang.org/x/mod/semver")
  { kind: 'no-module-provides', classId: 'module-resolution', re: /no required module provides package "?([^"\s)]+)/ },
  // could not import x (cannot find package …) / package x is not in std (…)
  { kind: 'import-not-found', classId: 'module-resolution', re: /could not import (\S+)|package (\S+) is not in std|cannot find package "?([^"\s]+)/ },
  // No packages found for open file …; This file may be excluded due to its build tags …
  { kind: 'build-constraints', classId: 'module-resolution', re: /excluded due to its build tags|build constraints exclude all Go files|No packages found for open file/ },
  { kind: 'load-failed', classId: 'module-resolution', re: /packages\.Load error|initialization failed|errors loading workspace/ },
];

/** Pure: one diagnostic message → what it says, or undefined for an ordinary compile error. */
export function classifyGoplsDiagnostic(message: string): ClassifiedDiagnostic | undefined {
  for (const r of RULES) {
    const m = r.re.exec(message);
    if (!m) continue;
    const subject = m.slice(1).find((x) => x !== undefined);
    return { kind: r.kind, classId: r.classId, subject, running: r.kind === 'go-newer-than-toolchain' ? m[2] : undefined, message: message.trim() };
  }
  return undefined;
}
