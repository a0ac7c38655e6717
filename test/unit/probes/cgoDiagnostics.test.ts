// gopls's words when cgo processing fails, as gopls v0.23.0 published them for real modules on this
// machine (a bad CGO_CFLAGS, a refused #cgo flag, a missing header): which cause each names.
import { describe, expect, it } from 'vitest';
import { cgoDiagnosticFindings } from '../../../src/probes/cgoDiagnostics.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type FindingInput } from '../../../src/doctor/model.js';

const URI = 'file:///home/dana/shop/main.go';
const FAILED = 'go list failed to return CompiledGoFiles for "main".\nThis may indicate failure to perform cgo processing; try building at the command line. See https://golang.org/issue/38990.';
const REJECTED = 'go list failed to return CompiledGoFiles for "main".\n# runtime/cgo\ngcc: error: unrecognized command-line option \'-fno-such-flag-xyz\'\nThis may indicate failure to perform cgo processing; try building at the command line. See https://golang.org/issue/38990.';
const REFUSED = 'invalid flag in #cgo CFLAGS: -fplugin=evil.so (see https://go.dev/s/invalidflag)';
const HEADER = '# example.com/hdr\n./main.go:4:10: fatal error: zstd_missing_foo.h: No such file or directory\n    4 | #include <zstd_missing_foo.h>\n      |          ^~~~~~~~~~~~~~~~~~~~\ncompilation terminated.';

const diags = (...messages: string[]) => [{ uri: URI, items: [...messages.map((message) => ({ message, severity: 1 })), { message: 'undefined: C.add', severity: 1 }] }];

describe('cgo failures in gopls diagnostics', () => {
  it('a flag the compiler rejects, held by CGO_CFLAGS from the environment: that variable, with go\'s default for the tools', () => {
    const [f, ...rest] = cgoDiagnosticFindings({ diagnostics: diags(REJECTED), values: { CGO_CFLAGS: '-O2 -fno-such-flag-xyz' }, env: { CGO_CFLAGS: '-O2 -fno-such-flag-xyz' } });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'error', headline: 'cgo-build', explains: ['module-resolution'] });
    expect(f?.message).toContain('CGO_CFLAGS=-O2 -fno-such-flag-xyz (from the environment the editor was started with) passes -fno-such-flag-xyz');
    expect(f?.fixes?.[0]).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars', value: { CGO_CFLAGS: '-O2 -g' } });
  });

  it('the same flag from the go env file: go env -u, which fixes terminals too', () => {
    const [f] = cgoDiagnosticFindings({ diagnostics: diags(REJECTED), values: { CGO_CFLAGS: '-fno-such-flag-xyz' }, env: {} });
    expect(f!.message).toContain('from your go env file');
    expect(f!.fixes).toMatchObject([{ kind: 'terminal', text: 'go env -u CGO_CFLAGS' }]);
  });

  it('a #cgo flag go\'s allowlist refuses: CGO_CFLAGS_ALLOW with the flag escaped, and a word on trust', () => {
    const [f] = cgoDiagnosticFindings({ diagnostics: diags(FAILED, REFUSED), values: {}, env: {} });
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'error', headline: 'cgo-build' });
    expect(f!.message).toContain('go refuses the flag -fplugin=evil.so in a #cgo CFLAGS line');
    expect(f!.message).toContain('only if you trust that package');
    expect(f?.fixes?.[0]).toMatchObject({ key: 'go.toolsEnvVars', value: { CGO_CFLAGS_ALLOW: '-fplugin=evil\\.so' } });
    expect(f?.fixes?.[1]).toMatchObject({ kind: 'terminal', text: "go env -w 'CGO_CFLAGS_ALLOW=-fplugin=evil\\.so'" });
  });

  it('a missing header (the cgo probe names why): a symptom quoting the compiler, which that cause explains', () => {
    const [f, ...rest] = cgoDiagnosticFindings({ diagnostics: diags(HEADER, FAILED), values: {}, env: {} });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ role: 'symptom', symptom: 'load-failed', classId: 'env-inheritance', headline: 'cgo-build', severity: 'error' });
    expect(f!.message).toContain('fatal error: zstd_missing_foo.h: No such file or directory');
  });

  it('a flag no cgo variable holds (CC="gcc -fbad") is not pinned on CGO_CFLAGS', () => {
    const [f] = cgoDiagnosticFindings({ diagnostics: diags(REJECTED), values: { CGO_CFLAGS: '-O2 -g' }, env: {} });
    expect(f).toMatchObject({ role: 'symptom' });
  });

  it.each([
    ['an ordinary compile error', [{ uri: URI, items: [{ message: 'undefined: C.add', severity: 1 }, { message: 'declared and not used: x', severity: 1 }] }]],
    ['a cgo failure gopls only hints at (severity 3)', [{ uri: URI, items: [{ message: FAILED, severity: 3 }] }]],
    ['no diagnostics', []],
  ])('nothing for %s', (_t, diagnostics) => {
    expect(cgoDiagnosticFindings({ diagnostics, values: {}, env: {} })).toEqual([]);
  });
});

// A tester's CC=/nonexistent/gcc: the cgo probe's cause and gopls's "could not run cgo" were two
// causes with one title, the second under module-resolution (the class of views and go.mod). Filed
// with the cgo causes, the symptom is told by the cause that explains it, under the cause's title.
describe("gopls's cgo failure beside the cause the cgo probe finds", () => {
  const cgoCause = (message: string, extra: Partial<FindingInput> = {}): FindingInput => ({ classId: 'env-inheritance', headline: 'cgo-build', explains: ['module-resolution'], severity: 'error', confidence: 0.9, message, evidence: [{ source: 'go env', excerpt: 'CC' }], fixes: [], ...extra });
  const missingCc = 'cgo: C compiler "/opt/none/cc" not found: exec: "/opt/none/cc": stat /opt/none/cc: no such file or directory';
  it.each([
    ['a C compiler that is not there', `go list failed to return CompiledGoFiles for "main".\n# runtime/cgo\n${missingCc}`, 'C compiler "/opt/none/cc" (go env CC) is not found'],
    ['a header not installed', HEADER, 'zstd_missing_foo.h is in no installed package'],
  ])('%s: one cause, titled as cgo, the symptom explained within it', (_, said, cause) => {
    const symptom = cgoDiagnosticFindings({ diagnostics: diags(said, FAILED), values: {}, env: {} });
    const causes = rankCauses([...symptom, cgoCause(cause)].map((f) => FindingSchema.parse(f)));
    expect(causes.map((c) => [c.id, c.title])).toEqual([['env-inheritance', 'cgo cannot build the packages that import "C"']]);
    expect(causes[0]!.findings.map((f) => f.role ?? 'cause')).toEqual(['cause', 'symptom']);
    expect(causes[0]!.findings[1]!.explainedBy).toEqual(['env-inheritance']);
  });

  it('the cgo cause explains no other symptom of the environment (the Go extension failing to run go env)', () => {
    const other = FindingSchema.parse({ classId: 'env-inheritance', role: 'symptom', symptom: 'load-failed', severity: 'warning', confidence: 0.4, message: "Failed to run '/usr/bin/go env'", evidence: [{ source: 'log', excerpt: 'x' }] });
    const causes = rankCauses([other, FindingSchema.parse(cgoCause('C compiler not found'))]);
    expect(causes.flatMap((c) => c.findings).find((f) => f.role === 'symptom')!.explainedBy ?? []).toEqual([]);
  });

  it('nothing found behind it: still titled as cgo, with the checks that would explain it', () => {
    const causes = rankCauses(cgoDiagnosticFindings({ diagnostics: diags(HEADER, FAILED), values: {}, env: {} }).map((f) => FindingSchema.parse(f)));
    expect(causes.map((c) => [c.id, c.title])).toEqual([['env-inheritance', 'cgo cannot build the packages that import "C"']]);
    expect(causes[0]!.findings[0]!.unexplained?.checks.length).toBeGreaterThan(0);
  });
});
