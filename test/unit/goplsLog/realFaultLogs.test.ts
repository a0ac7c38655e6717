// Real gopls v0.23.0 logs of real faults (test/fixtures/logs/explore2/, README.md says how each was
// made), read alone as a user would paste them: what comes first, at which severity, with which line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type FindingInput } from '../../../src/doctor/model.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { reportOf } from '../../support/report.js';

const fixture = (name: string) => path.resolve(__dirname, '../../fixtures/logs/explore2', name);
const fromLog = (name: string): FindingInput[] => findingsOf(`/logs/${name}`, analyzeText(readFileSync(fixture(name))));
const report = (name: string) => reportOf({ causes: rankCauses(fromLog(name).map((f) => FindingSchema.parse(f))), probes: [] });
const excerpts = (c: { findings: Array<{ evidence: Array<{ excerpt: string }> }> }) => c.findings.flatMap((f) => f.evidence.map((e) => e.excerpt)).join('\n');

describe('a full GOCACHE: go says "package unsafe is not in std (/usr/local/go/src/unsafe)"', () => {
  // go finds std packages through an index it writes into GOCACHE; a failed write reads as "not in std".
  it.each(['f16-gocache-full-tmpfs.log', 'f17-gocache-full-tmpfs-nocgo.log.stderr', 'gocache-full-1m.rpc.log'])('%s: the build cache first, a warning, never mixed Go installations', (name) => {
    const r = report(name);
    const [first] = r.causes;
    expect(first).toMatchObject({ id: 'fs-access', severity: 'warning' });
    expect(first!.findings[0]!.message).toContain('GOCACHE');
    expect(excerpts(first!)).toContain('package unsafe is not in std (/usr/local/go/src/unsafe)');
    expect(r.causes.map((c) => c.id)).not.toContain('env-inheritance');
    expect(JSON.stringify(r.causes)).not.toContain('different Go releases');
    // The load failures it causes follow from it.
    const load = r.causes.find((c) => c.id === 'module-resolution');
    if (load) expect(load.findings.every((f) => f.explainedBy?.includes('fs-access'))).toBe(true);
  });
});

describe('go list SIGKILLed in a 60M memory cgroup: "initial workspace load failed: … err: signal: killed"', () => {
  it.each(['f20b-memcg-oom-xtools.log', 'f20b-memcg-oom-xtools.log.stderr'])('%s: the kill first, never a module problem above it', (name) => {
    const r = report(name);
    const [first] = r.causes;
    expect(first).toMatchObject({ id: 'memory-limit', severity: 'warning' });
    expect(first!.findings[0]).toMatchObject({ role: 'symptom', symptom: 'killed' });
    expect(excerpts(first!)).toContain('signal: killed');
    expect(r.causes.map((c) => c.id)).not.toContain('module-resolution');
  });
});

describe('RLIMIT_NOFILE 12: "failed to load view for …: err: pipe2: too many open files"', () => {
  it('the open-files limit leads and explains the load failure; no watcher is blamed', () => {
    const r = report('f38-nofile-limit-12.log');
    const [first] = r.causes;
    expect(first).toMatchObject({ id: 'process-limit', severity: 'warning' });
    expect(first!.findings[0]!.message).toContain('RLIMIT_NOFILE');
    expect(excerpts(first!)).toContain('pipe2: too many open files');
    expect(first!.fixes.map((f) => f.title).join(' ')).toMatch(/open[- ]files|nofile/i);
    expect(r.causes.map((c) => c.id)).not.toContain('file-watch');
    const load = r.causes.find((c) => c.id === 'module-resolution')!;
    expect(load.findings.find((f) => f.role === 'symptom')!.explainedBy).toContain('process-limit');
  });
});

describe('"could not import X (no required module provides package X)" is all the log says', () => {
  // GOPROXY=off with an empty module cache, an unreachable GOPROXY, a deleted go.sum: gopls logs no reason.
  it.each(['f08-goproxy-off-empty-modcache.log', 'f22-goproxy-unreachable.log', 'f28-missing-gosum.log'])('%s: a module-resolution warning naming the import, with go get and go mod tidy', (name) => {
    const r = report(name);
    const [first] = r.causes;
    expect(first).toMatchObject({ id: 'module-resolution', severity: 'warning' });
    expect(first!.findings[0]!.message).toContain('no module in the build provides golang.org/x/text/language');
    expect(first!.findings[0]!.message).toContain('GOPROXY=off');
    expect(excerpts(first!)).toContain('could not import golang.org/x/text/language (no required module provides package');
    expect(first!.fixes.map((f) => f.kind === 'terminal' && f.text)).toEqual(expect.arrayContaining(['go get golang.org/x/text/language', 'go mod tidy']));
    expect(r.causes.some((c) => c.severity === 'error')).toBe(false);
  });
});

describe('GOFLAGS=-mod=vendor and no vendor directory (go: "… is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt")', () => {
  it('names the missing vendor directory and -mod=vendor from GOFLAGS, with go mod vendor and go env -u GOFLAGS', () => {
    const [first] = report('f23-mod-vendor-no-vendor.log').causes;
    expect(first).toMatchObject({ id: 'module-resolution', severity: 'warning' });
    const f = first!.findings[0]!;
    expect(f.message).toContain('no vendor directory and -mod=vendor is given');
    expect(f.message).toContain('GOFLAGS');
    expect(f.message).not.toContain('inconsistent vendoring: go.mod changed without go mod vendor');
    expect(excerpts(first!)).toContain('not marked as explicit in vendor/modules.txt');
    expect(first!.fixes.map((x) => x.kind === 'terminal' && x.text)).toEqual(expect.arrayContaining(['go mod vendor', 'go env -u GOFLAGS']));
  });
});

describe('a test gopls ran for the editor fails ("gopls: 1 / 1 tests failed", "gopls.test command failed")', () => {
  it('f18 (noexec GOTMPDIR): the noexec mount first; no "gopls failed to install, start or keep running"', () => {
    const r = report('f18-noexec-gotmpdir-test.log');
    const [first] = r.causes;
    expect(first).toMatchObject({ id: 'noexec-mount', severity: 'error' });
    expect(excerpts(first!)).toContain('cgo.test: permission denied');
    expect(r.causes.filter((c) => c.id === 'gopls-launch' && c.severity !== 'info')).toEqual([]);
    expect(JSON.stringify(r.causes)).not.toMatch(/failure of gopls itself/);
  });
});

describe('gopls in a pids cgroup of 14: "runtime/cgo: pthread_create failed: Resource temporarily unavailable", "SIGABRT: abort"', () => {
  it.each(['f19-pids-cgroup-small.server.log', 'f19-pids-cgroup-small.log.stderr'])('%s: gopls aborted itself for want of a thread, a task limit first; no kill, no missing first line', (name) => {
    const r = report(name);
    const [first] = r.causes;
    expect(first).toMatchObject({ id: 'process-limit', severity: 'error' });
    const abort = first!.findings.find((f) => f.message.startsWith('gopls aborted itself (SIGABRT) because it could not create a thread'))!;
    expect(abort).toMatchObject({ role: 'symptom', symptom: 'thread-create' });
    expect(abort.evidence[0]!.excerpt).toContain('runtime/cgo: pthread_create failed: Resource temporarily unavailable');
    const said = JSON.stringify(r.causes);
    expect(said).not.toContain('gopls was killed by SIGABRT');
    expect(said).not.toContain('without its first line');
  });
});

describe('"package fmt is not in std (/usr/local/go/src/fmt)" pasted without gopls\'s view', () => {
  it('nothing says go runs from that GOROOT: the mixed-installations reading stays', () => {
    const fs = findingsOf('/logs/pasted.txt', analyzeText('main.go:3:8: package fmt is not in std (/usr/local/go/src/fmt)\n'));
    expect(fs.map((f) => f.classId)).toContain('env-inheritance');
    expect(fs.map((f) => f.classId)).not.toContain('fs-access');
  });
  it('the f16 log names GOROOT:/usr/local/go in its view: the GOCACHE reading only', () => {
    const s = analyzeText(readFileSync(fixture('f16-gocache-full-tmpfs.log')));
    expect(s.viewGoroots).toEqual(['/usr/local/go']);
  });
});
