// The pre-filled gopls issue: golang/go's gopls issue form (.github/ISSUE_TEMPLATE/03-gopls.yml)
// by field id, a URL GitHub accepts (under 8,000 characters) whatever the report's size, what was
// trimmed said, and no secret in it even when the report handed in was not redacted.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { goplsIssue, GOPLS_ISSUE_NEW, MAX_URL_CHARS } from '../../../src/render/goplsIssue.js';
import type { Cause, ProbeRecord } from '../../../src/doctor/model.js';
import { reportOf } from '../../support/report.js';

// A real gopls panic (golang/vscode-go#3606), as the crash card quotes it.
const PANIC = readFileSync(path.resolve(__dirname, '../../fixtures/logs/public/vscode-go-3606-panic.txt'), 'utf8');
// The ids of the form's fields, from golang/go .github/ISSUE_TEMPLATE/03-gopls.yml.
const FORM_IDS = ['gopls-version', 'go-env', 'what-did-you-do', 'actual-behavior', 'expected-behavior', 'editor-and-settings', 'logs'];

const probe = (id: string, observed: Record<string, unknown>): ProbeRecord => ({ id, title: id, status: 'ok', durationMs: 1, classes: [], observed, findingCount: 0 });
const cause = (n: number, excerpt = 'x'): Cause => ({
  id: 'memory-limit',
  score: 0.9,
  severity: 'error',
  title: 'A memory limit is killing or starving gopls',
  explanation: 'e',
  findings: [{ classId: 'memory-limit', severity: 'error', confidence: 0.9, message: `memory.max is 160 MB (${n})`, evidence: [{ source: '/sys/fs/cgroup/memory.max', excerpt }], fixes: [] }],
  fixes: [],
});
const probes = [
  probe('gopls', { goplsVersion: 'v0.23.0', builtWith: 'go1.26.8', gopls: '/home/u/go/bin/gopls', source: 'GOBIN' }),
  probe('go-env', { GOVERSION: 'go1.26.8', GOPATH: '/home/u/go', GOPROXY: 'https://proxy.golang.org,direct', goBinary: '/usr/local/go/bin/go' }),
];
const fields = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('goplsIssue', () => {
  it("fills the gopls form by its field ids, titled like gopls's issues", () => {
    const crash = { at: '2026-12-01T05:00:00Z', kind: 'panic', summary: 'gopls panicked: runtime error: invalid memory address or nil pointer dereference', evidence: [{ source: '/tmp/gopls.log', line: 3, excerpt: PANIC }], explainedBy: [] };
    const issue = goplsIssue(reportOf({ causes: [cause(1)], probes, crash, goEnvChanged: { GOFLAGS: '-mod=mod' } }), { editor: 'Visual Studio Code 1.100.3', goExtension: 'golang.go 0.48.0' });
    expect(issue.url.startsWith(`${GOPLS_ISSUE_NEW}?`)).toBe(true);
    const f = fields(issue.url);
    expect(f.template).toBe('03-gopls.yml');
    expect(f.title).toBe(issue.title);
    expect(issue.title).toMatch(/^x\/tools\/gopls: crash \(panic\): gopls panicked: runtime error/);
    expect(Object.keys(f).filter((k) => k !== 'template' && k !== 'title')).toEqual(FORM_IDS);
    expect(f['gopls-version']).toContain('golang.org/x/tools/gopls v0.23.0');
    expect(f['gopls-version']).toContain('built with go1.26.8');
    expect(f['go-env']).toContain("GOVERSION='go1.26.8'");
    expect(f['go-env']).toContain("# go env -changed\nGOFLAGS='-mod=mod'");
    expect(f['go-env']).not.toContain('goBinary');
    // The sanitized panic, whole, in a code block.
    expect(f['actual-behavior']).toContain('golang.org/x/tools/gopls/internal/lsp/cache.localPackageKey');
    expect(f['actual-behavior']).toContain('A memory limit is killing or starving gopls (memory-limit, error)');
    expect(f['editor-and-settings']).toBe('Editor: Visual Studio Code 1.100.3\nGo extension: golang.go 0.48.0\nOS: linux 6.1 x64\nReport by go-env-doctor 9.9.9');
    expect(f.logs).toContain('## Go Environment Doctor report');
    expect(issue.trimmed).toEqual([]);
  });

  it('gopls-version is one line (the form field is an input), and a crash of another gopls than the one installed says so', () => {
    const same = fields(goplsIssue(reportOf({ causes: [cause(1)], probes })).url)['gopls-version']!;
    expect(same).toBe('golang.org/x/tools/gopls v0.23.0; built with go1.26.8; at /home/u/go/bin/gopls (found by GOBIN)');
    // A tester's: a v0.11.0 panic from an old log was filed under the v0.23.0 installed.
    const crash = { at: '2026-12-01T05:00:00Z', kind: 'panic', summary: 'gopls v0.11.0 panicked: runtime error: invalid memory address or nil pointer dereference. This is a gopls bug', evidence: [], explainedBy: [] };
    const issue = goplsIssue(reportOf({ causes: [cause(1)], probes, crash }));
    expect(fields(issue.url)['gopls-version']).toContain('the crash in the log is from gopls v0.11.0');
    expect(issue.title).toMatch(/^x\/tools\/gopls: crash \(panic\): gopls v0\.11\.0 panicked/);
    expect(issue.warnings).toEqual([expect.stringContaining('the panic in the log is from gopls v0.11.0, and v0.23.0 is installed')]);
    expect(goplsIssue(reportOf({ causes: [cause(1)], probes, crash: { ...crash, summary: 'gopls v0.23.0 panicked: x' } })).warnings).toEqual([]);
  });

  it.each([20, 200, 2000])('a report with %i causes still fits, trimmed at line ends, and says what went', (n) => {
    const causes = Array.from({ length: n }, (_, i) => cause(i, `line ${i} `.repeat(30)));
    const issue = goplsIssue(reportOf({ causes, probes }));
    expect(issue.url.length).toBeLessThanOrEqual(MAX_URL_CHARS);
    const f = fields(issue.url);
    expect(Object.keys(f)).toEqual(['template', 'title', ...FORM_IDS]);
    if (n >= 200) {
      expect(issue.trimmed[0]).toMatch(/^logs: \d+ of \d+ lines kept$/);
      expect(f.logs).toMatch(/… \(trimmed to fit a URL: \d+ more lines; copy the whole report/);
      expect(f['gopls-version']).toContain('v0.23.0');
    }
  });

  it('other limits are honoured too', () => {
    const causes = Array.from({ length: 50 }, (_, i) => cause(i, 'y'.repeat(300)));
    for (const max of [3000, 6000, 12000]) expect(goplsIssue(reportOf({ causes, probes }), {}, max).url.length).toBeLessThanOrEqual(max);
  });

  it('a secret in the report never reaches the URL, even in a report nobody redacted', () => {
    const token = 'ghp_' + 'a1B2c3D4e5'.repeat(4);
    const c = cause(1, `Authorization: Bearer ${token}\nGOPROXY=https://alice:hunter2pass@proxy.corp.example/`);
    c.findings[0]!.message = `gopls panicked: dial https://bob:s3cretpw@proxy.corp.example failed; GITHUB_TOKEN=${token}`;
    c.findings[0]!.classId = 'gopls-launch';
    const url = goplsIssue(reportOf({ causes: [{ ...c, id: 'gopls-launch' }], probes: [...probes, probe('go-env', { GOPROXY: `https://${token}@proxy.corp.example` })] })).url;
    const decoded = [...new URL(url).searchParams.values()].join('\n');
    for (const secret of [token, 'hunter2pass', 's3cretpw']) {
      expect(url).not.toContain(secret);
      expect(decoded).not.toContain(secret);
    }
    expect(decoded).toContain('***');
  });

  it('no cause worth a bug: the title asks the user to describe it', () => {
    expect(goplsIssue(reportOf({ causes: [], probes })).title).toBe('x/tools/gopls: describe the problem');
  });
});
