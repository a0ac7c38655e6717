import { describe, expect, it } from 'vitest';
import { classifyGoplsDiagnostic } from '../../../src/lsp/goplsDiagnostics.js';
import { goModRequires } from '../../../src/lsp/workspaceFiles.js';

// Messages as gopls v0.23.0 published them for real modules (go1.26.8) on this machine.
describe('classifyGoplsDiagnostic', () => {
  it.each([
    ['packages.Load error: err: exit status 1: stderr: go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)', 'go-newer-than-toolchain', '1.99'],
    ['initialization failed: packages.Load error: err: exit status 1: stderr: go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)', 'go-newer-than-toolchain', '1.99'],
    ['could not import golang.org/x/mod/semver (no required module provides package "golang.org/x/mod/semver")', 'no-module-provides', 'golang.org/x/mod/semver'],
    ['missing go.sum entry for module providing package golang.org/x/mod/semver (imported by example.com/c1); to add:\n\tgo get example.com/c1', 'missing-go-sum', 'golang.org/x/mod/semver'],
    ['could not import example.com/nothere/x (cannot find package "example.com/nothere/x" in any of …)', 'import-not-found', 'example.com/nothere/x'],
    ['No packages found for open file /w/main.go.', 'build-constraints', undefined],
    ['packages.Load error: err: exit status 1: stderr: go: errors parsing go.mod', 'load-failed', undefined],
  ])('%s', (message, kind, subject) => {
    const c = classifyGoplsDiagnostic(message);
    expect(c?.kind).toBe(kind);
    expect(c?.subject).toBe(subject);
    expect(c?.classId).toBe('module-resolution');
  });
  it('an ordinary compile error is not an environment problem', () => {
    expect(classifyGoplsDiagnostic('undefined: foo')).toBeUndefined();
    expect(classifyGoplsDiagnostic('declared and not used: x')).toBeUndefined();
  });
});

describe('goModRequires', () => {
  it.each([
    ['single line', 'module m\n\ngo 1.22\n\nrequire golang.org/x/mod v0.20.0\n', [{ path: 'golang.org/x/mod', version: 'v0.20.0' }]],
    ['block, with // indirect and comments', 'module m\n\nrequire (\n\tgolang.org/x/mod v0.20.0 // indirect\n\t// a note\n\t"example.com/q" v1.2.3\n)\n', [{ path: 'golang.org/x/mod', version: 'v0.20.0' }, { path: 'example.com/q', version: 'v1.2.3' }]],
    ['replace and exclude are not requirements', 'module m\n\nreplace a.com/x => ../x\nexclude b.com/y v1.0.0\n', []],
  ])('%s', (_t, gomod, want) => expect(goModRequires(gomod)).toEqual(want));
});
