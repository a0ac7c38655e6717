import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { attributeCrash, crashVerdict, parseKernelOomKills, maxStartsWithin } from '../../../src/goplsLog/crashVerdict.js';
import { EvidenceSchema, FindingSchema, type ClassId } from '../../../src/doctor/model.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { EXPLAINED_BY } from '../../../src/doctor/explain.js';

const F = path.resolve('test/fixtures/logs');
const log = (n: string) => ({ source: path.join(F, n), summary: analyzeText(readFileSync(path.join(F, n))) });

describe('crashVerdict on real crashes', () => {
  it('OOM kill in a v1 memory cgroup: oom_kill 0 → 1 and SIGKILL, kernel log names the pid', () => {
    const v = crashVerdict({
      logs: [log('trace-oom-killed.rpc.log')],
      oomKill: { before: 0, after: 1, source: '/sys/fs/cgroup/memory/x/memory.oom_control' },
      exit: { signal: 'SIGKILL', source: 'gopls process', pid: 16572 },
      kernelLog: { source: 'dmesg', text: readFileSync(path.join(F, 'kernel-oom.dmesg.log'), 'utf8') },
    });
    expect(v.kind).toBe('oom-kill');
    expect(v.classId).toBe('memory-limit');
    expect(v.evidence.map((e) => e.source)).toEqual(['/sys/fs/cgroup/memory/x/memory.oom_control', 'dmesg', 'dmesg', 'gopls process']);
    for (const e of v.evidence) EvidenceSchema.parse(e);
  });

  it('SIGKILL without an OOM record is a plain kill, not memory', () => {
    const v = crashVerdict({ exit: { signal: 'SIGKILL', source: 'gopls process' }, oomKill: { before: 0, after: 0, source: 'memory.events' } });
    expect(v).toMatchObject({ kind: 'killed-by-signal', classId: 'gopls-launch' });
  });

  it('real SIGABRT dump: killed by a signal, with the stack', () => {
    const v = crashVerdict({ logs: [log('gopls-sigabrt.stderr.log')], exit: { code: 2, source: 'gopls process' } });
    expect(v.kind).toBe('killed-by-signal');
    expect(v.summary).toContain('SIGABRT');
    expect(v.stack?.[0]).toBe('SIGABRT: abort');
    // That dump came from `kill -ABRT` (sigcode=0, SI_USER): said so, not taken for a fault in gopls.
    expect(v.summary).toContain('sent by another process (sigcode=0: kill(2), not a fault in gopls)');
    // Its own kind: only who sent it explains it, not the memory cgroup or "a panic in the log" (the
    // stack is in that very log: a tester read "gopls's own log for a panic … checked, nothing found").
    expect(v.symptom).toBe('signalled');
    expect(EXPLAINED_BY.signalled.by).toEqual([]);
    expect(EXPLAINED_BY.signalled.checks.map((c) => c.what).join(' ')).toMatch(/who sent it/);
  });

  it('a signal the kernel raised for a fault (sigcode=1, SEGV_MAPERR) is not said to be sent', () => {
    const text = readFileSync(path.join(F, 'gopls-sigabrt.stderr.log'), 'utf8').replace('SIGABRT: abort', 'SIGSEGV: segmentation violation').replace('sigcode=0', 'sigcode=1 addr=0x18');
    const v = crashVerdict({ logs: [{ source: 'x', summary: analyzeText(text) }], exit: { code: 2, source: 'gopls process' } });
    expect(v.summary).toBe('gopls was killed by SIGSEGV.');
    expect(v.symptom).toBe('died');
  });

  it('panic (vscode-go #3606) with the sanitized stack', () => {
    const v = crashVerdict({ logs: [log('public/vscode-go-3606-panic.txt')] });
    expect(v).toMatchObject({ kind: 'panic', classId: 'gopls-launch' });
    expect(v.stack).toContain('\tcheck.go:1402');
    expect(v.evidence[0]).toMatchObject({ line: 1 });
  });

  it("a panic whose message names the environment's fault is that cause's symptom, not a gopls bug", () => {
    // gopls started without HOME (a service, a stripped launcher environment): os.UserCacheDir fails
    // and gopls panics with its words. A frame of gopls's makes the crash gopls's.
    const text = [
      'panic: get user cache dir: neither $XDG_CACHE_HOME nor $HOME are defined',
      '',
      'goroutine 1 [running]:',
      'golang.org/x/tools/gopls/internal/filecache.getCacheDir()',
      '\t/home/dana/go/pkg/mod/golang.org/x/tools/gopls@v0.16.2/internal/filecache/filecache.go:310 +0x1d4',
      'main.main()',
      '\t/home/dana/go/pkg/mod/golang.org/x/tools/gopls@v0.16.2/main.go:30 +0x5d',
    ].join('\n');
    const v = crashVerdict({ logs: [{ source: '/logs/gopls.log', summary: analyzeText(text) }] });
    expect(v).toMatchObject({ kind: 'panic', classId: 'gopls-launch', role: 'symptom', symptom: 'died' });
    expect(v.summary).toMatch(/not a gopls bug: the process was started without HOME/);
    // A panic whose message names nothing of the environment stays gopls's own bug.
    expect(crashVerdict({ logs: [log('public/vscode-go-3606-panic.txt')] })).toMatchObject({ kind: 'panic', role: 'cause' });
  });

  it('runtime out of memory (golang/go #42889)', () => {
    expect(crashVerdict({ logs: [log('public/golang-go-42889-oom.txt')] })).toMatchObject({ kind: 'out-of-memory', classId: 'memory-limit' });
  });

  it('exited before initialize, with the reason in the log', () => {
    const v = crashVerdict({ logs: [log('trace-go-missing.rpc.log')], exit: { code: 1, source: 'gopls process', initialized: false } });
    expect(v).toMatchObject({ kind: 'failed-start', classId: 'env-inheritance' });
  });

  it('crash loop: 5 starts within 3 minutes and nothing else', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const v = crashVerdict({ starts: [0, 20, 50, 90, 150].map((s) => t0 + s * 1000) });
    expect(v).toMatchObject({ kind: 'crash-loop', crashLoop: { starts: 5 } });
    expect(crashVerdict({ starts: [0, 100, 200, 300, 400].map((s) => t0 + s * 1000) }).kind).toBe('none');
  });

  it('a loop with a panic names the panic and mentions the loop', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const v = crashVerdict({ logs: [log('public/vscode-go-3606-panic.txt')], starts: [1, 2, 3, 4, 5].map((s) => t0 + s * 1000) });
    expect(v.kind).toBe('panic');
    expect(v.crashLoop).toEqual({ starts: 5, withinMs: 180000 });
  });

  it('nothing happened', () => expect(crashVerdict({}).kind).toBe('none'));
});

describe('sessions the editor itself ended are not deaths', () => {
  // Six real gopls v0.23.0 sessions of one trace, each ended by the client's shutdown and exit
  // (what a channel holds after a few "Restart Language Server" or window reloads).
  const text = readFileSync(path.join(F, 'trace-six-clean-sessions.rpc.log'), 'utf8');
  it('each start after a shutdown/exit is marked, and no crash loop is made of them', () => {
    const summary = analyzeText(text);
    expect(summary.serverStarts).toHaveLength(6);
    expect(summary.serverStarts.filter((s) => s.afterCleanEnd)).toHaveLength(5);
    const v = crashVerdict({ logs: [{ source: 'six.log', summary }] });
    expect(v.crashLoop).toBeUndefined();
    expect(v.kind).toBe('none');
  });
  it('the same starts without the shutdown and exit the editor sent are a crash loop', () => {
    const cut = text.split('\n').filter((l) => !/Sending (request 'shutdown|notification 'exit')/.test(l)).join('\n');
    const v = crashVerdict({ logs: [{ source: 'six.log', summary: analyzeText(cut) }] });
    expect(v.crashLoop).toMatchObject({ starts: 6 });
  });
});

describe('kernel log and windows', () => {
  it('reads both OOM record forms', () => {
    const k = parseKernelOomKills(readFileSync(path.join(F, 'kernel-oom.dmesg.log'), 'utf8'));
    expect(k.map((x) => [x.pid, x.comm])).toEqual([
      [16572, 'gopls'],
      [16572, 'gopls'],
    ]);
  });
  it('max starts within a window', () => {
    expect(maxStartsWithin([0, 10, 20, 1000, 1005], 15)).toBe(2);
    expect(maxStartsWithin([], 10)).toBe(0);
  });
});

describe('attributeCrash: a crash is put down only to a cause that explains it', () => {
  const finding = (classId: ClassId, severity: 'warning' | 'error', message: string) => FindingSchema.parse({ classId, severity, confidence: 0.9, message, evidence: [{ source: 't', excerpt: 'x' }] });
  const probe = (id: string) => ({ id, title: id, status: 'ok' as const, durationMs: 1, classes: [], observed: {}, findingCount: 0 });
  const noexecReport = { causes: rankCauses([finding('noexec-mount', 'error', 'GOTMPDIR /tmp is mounted noexec')]), probes: ['cgroups', 'process-limits', 'gopls-logs', 'gopls', 'mac-policy'].map(probe) };

  it('a gopls killed by hand is not blamed on an unrelated noexec mount: it is unexplained', () => {
    // What the crash watcher knows of a gopls that vanished: its pid and how long it ran.
    const v = crashVerdict({ exit: { source: '/proc/4242/stat', pid: 4242, ranMs: 60_000 } });
    const a = attributeCrash(v, noexecReport);
    expect(a.explained).toBe(false);
    expect(a.classId).toBeUndefined();
    expect(a.line).not.toMatch(/exec/i);
    expect(a.line).toMatch(/^Unexplained/);
    expect(a.line).toMatch(/checked without finding a cause: the memory cgroup/);
  });

  it('a SIGKILL is explained by a memory limit found in the same run, even a warning one', () => {
    const v = crashVerdict({ exit: { signal: 'SIGKILL', source: 'gopls process' } });
    const report = { causes: rankCauses([finding('noexec-mount', 'error', 'noexec'), finding('memory-limit', 'warning', 'memory.max is 110 MiB')]), probes: [] };
    expect(attributeCrash(v, report)).toMatchObject({ explained: true, classId: 'memory-limit', line: expect.stringMatching(/^Explained by: A memory limit/) });
  });

  it('a verdict that names its own cause needs no report: an OOM kill, a panic', () => {
    const oom = crashVerdict({ exit: { signal: 'SIGKILL', source: 'p', pid: 1 }, oomKill: { before: 0, after: 1, source: 'memory.events' } });
    expect(attributeCrash(oom)).toMatchObject({ explained: true, classId: 'memory-limit' });
    const panic = crashVerdict({ logs: [log('public/vscode-go-3606-panic.txt')] });
    expect(panic.kind).toBe('panic');
    expect(attributeCrash(panic, noexecReport)).toMatchObject({ explained: true, line: expect.stringMatching(/bug in gopls/) });
  });
});

describe("the gopls release a crash's stack names", () => {
  // As the editor's channel kept it (a tester's constructed v0.11.0 report, frames as gopls prints
  // them from a module-cache build): the sanitized stack keeps base names, so the version is read first.
  const text = [
    'panic: runtime error: invalid memory address or nil pointer dereference',
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x8a1c3e]',
    '',
    'goroutine 1243 [running]:',
    'golang.org/x/tools/gopls/internal/lsp/source/completion.(*completer).expectedCallParamType(0xc0012a4000, {0xc0005f7e40, 0x2, 0x2}, 0x0)',
    '\tgolang.org/x/tools/gopls@v0.11.0/internal/lsp/source/completion/completion.go:2095 +0x3e',
  ].join('\n');
  it('is kept on the crash and named in the verdict, with the advice to check the installed gopls', () => {
    const s = analyzeText(text);
    expect(s.crashes[0]).toMatchObject({ kind: 'panic', goplsVersion: 'v0.11.0' });
    expect(s.crashes[0]!.stack.join('\n')).not.toContain('gopls@v0.11.0');
    const v = crashVerdict({ logs: [{ source: 'gopls.log', summary: s }] });
    expect(v.summary).toMatch(/^gopls v0\.11\.0 panicked: runtime error/);
    expect(v.summary).toContain('check with the one installed before reporting');
  });
  it('a stack without a versioned path names none', () => {
    const s = analyzeText(text.replace('gopls@v0.11.0/', 'gopls/'));
    expect(s.crashes[0]!.goplsVersion).toBeUndefined();
    expect(crashVerdict({ logs: [{ source: 'gopls.log', summary: s }] }).summary).toMatch(/^gopls panicked: /);
  });
});
