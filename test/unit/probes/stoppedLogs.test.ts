// A stopped gopls log judged against the kernel's OOM records (src/probes/stoppedLogs.ts), on the
// real trace and dmesg lines of a gopls OOM-killed in a 100 MiB memory cgroup
// (test/fixtures/logs/README.md), and the ranking of what it yields.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Host } from '../../../src/host/host.js';
import path from 'node:path';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { stoppedSession } from '../../../src/goplsLog/stoppedSession.js';
import { endsWhereItStopped, holdsOpen, killAtStop, namesLogfile, stoppedLogFinding, type TimedKill } from '../../../src/probes/stoppedLogs.js';
import { parseKernelOomKills } from '../../../src/procfs/oomKills.js';
import { FindingSchema } from '../../../src/doctor/model.js';
import { rankCauses } from '../../../src/doctor/rank.js';

const F = path.resolve('test/fixtures/logs');
const SOURCE = '/tmp/h1/gopls.log';
const session = stoppedSession(analyzeText(readFileSync(path.join(F, 'trace-oom-cgroup-100m.rpc.log'))))!;
const dmesg = readFileSync(path.join(F, 'kernel-oom-cgroup-100m.dmesg.log'), 'utf8');
/** The log's last record was written at T; the kernel stamped its kill 463.186926 s after boot. */
const T = Date.UTC(2026, 11, 6, 3, 43, 49, 743);
/** Boot as it was on the capture: the kill came 0.3 s after the last record. */
const boot = T + 314 - 463_186.926;
const kills = (shiftMs = 0): TimedKill[] =>
  parseKernelOomKills(dmesg).map((kill) => ({ kill, atMs: boot + Number(/^\[\s*(\d+\.\d+)\]/.exec(kill.line)![1]) * 1000 + shiftMs }));
const finding = (over: Partial<Parameters<typeof stoppedLogFinding>[0]> = {}) =>
  FindingSchema.parse(stoppedLogFinding({ log: { source: SOURCE, session }, stoppedAtMs: T, kills: kills(), kernelSource: 'dmesg', ...over }));

describe('killAtStop', () => {
  it('the gopls killed 0.3 s after the last record is the one that wrote it', () => {
    expect(killAtStop(kills(), T)).toMatchObject({ victim: { pid: 9604, comm: 'gopls', taskMemcg: '/h1-test', limitKb: 102400 } });
  });
  it('a kill before the last record (beyond the clocks’ slack) or long after it is not this one', () => {
    expect(killAtStop(kills(-2_500), T)).toBeUndefined();
    expect(killAtStop(kills(10 * 60_000), T)).toBeUndefined();
  });
  it('another gopls killed 3 s before the last record is not the one that wrote it; one killed after it is', () => {
    const earlier = kills(-3_000).map((k) => ({ ...k, kill: { ...k.kill, pid: 1111, line: k.kill.line.replace(/\b9604\b/, '1111') } }));
    expect(killAtStop(earlier, T)).toBeUndefined();
    expect(killAtStop([...earlier, ...kills()], T)?.victim.pid).toBe(9604);
  });
  it('another gopls killed 1.5 s before the last record, inside the clocks’ slack: the one killed 0.3 s after is nearer, and is the one', () => {
    const previous = kills(-1_814).map((k) => ({ ...k, kill: { ...k.kill, pid: 2222, line: k.kill.line.replace(/\b9604\b/, '2222') } }));
    expect(killAtStop([...previous, ...kills()], T)?.victim.pid).toBe(9604);
    // Alone, it is still taken: the slack is for the two clocks, and nothing nearer says otherwise.
    expect(killAtStop(previous, T)?.victim.pid).toBe(2222);
  });
  // The fixture's kill is uid 0's (its summary says uid=0): a log of another owner, or an auto log of another pid, is not its.
  for (const [writer, tied] of [
    [{}, true],
    [{ uid: 0 }, true],
    [{ uid: 1000 }, false],
    [{ uid: 65534 }, false],
    [{ uid: 0, pid: 9604 }, true],
    [{ uid: 0, pid: 9605 }, false],
    [{ pid: 9604 }, true],
  ] as const) {
    it(`a log written by ${JSON.stringify(writer)}: the kill of gopls 9604 (uid 0) is ${tied ? '' : 'not '}its stop`, () => {
      expect(killAtStop(kills(), T, writer)?.victim.pid).toBe(tied ? 9604 : undefined);
    });
  }
  it('another user’s gopls killed just then is neither tied nor named as the one killed later', () => {
    const f = finding({ writer: { uid: 1000 } });
    expect(f).toMatchObject({ classId: 'gopls-launch', role: 'symptom' });
    expect(f.message).toMatch(/holds no OOM kill of a gopls from then/);
    // The same kill with no uid in the records cannot be ruled out.
    const noUid = kills().map((k) => ({ ...k, kill: { ...k.kill, uid: undefined } }));
    expect(finding({ writer: { uid: 1000 }, kills: noUid })).toMatchObject({ classId: 'memory-limit', severity: 'error' });
  });
  it('only a gopls: another program killed then is not the log’s', () => {
    expect(killAtStop(kills().map((k) => ({ ...k, kill: { ...k.kill, comm: 'node' } })), T)).toBeUndefined();
  });
});

describe('stoppedLogFinding', () => {
  it('with the kill: a memory-limit cause quoting the log’s last line, the kernel’s records and the counter', () => {
    const f = finding({ victimCgroup: { file: '/sys/fs/cgroup/memory/h1-test/memory.oom_control', oomKill: 1, limitBytes: 100 * 1024 * 1024 } });
    expect(f).toMatchObject({ classId: 'memory-limit', severity: 'error', role: 'cause' });
    expect(f.message).toMatch(/stops mid-session at line 37 .*0\.3 s after its last record the kernel's OOM killer killed gopls \(pid 9604, 107 MiB resident, in memory cgroup \/h1-test limited to 100 MiB\)/);
    expect(f.evidence.map((e) => e.source)).toEqual([SOURCE, 'dmesg', 'dmesg', '/sys/fs/cgroup/memory/h1-test/memory.oom_control']);
    expect(f.evidence[0]).toMatchObject({ line: 37, excerpt: expect.stringContaining("'window/logMessage'") });
    expect(f.evidence[2]!.excerpt).toMatch(/Killed process 9604 \(gopls\)/);
    expect(f.evidence[3]!.excerpt).toBe('oom_kill 1; the limit now 100 MiB');
    expect(f.fixes.length).toBeGreaterThan(0);
  });

  it('no record of a kill: a gopls-launch symptom that says where it stops and what would explain it', () => {
    const f = finding({ kills: kills(10 * 60_000) });
    expect(f).toMatchObject({ classId: 'gopls-launch', role: 'symptom', symptom: 'stopped', severity: 'warning' });
    expect(f.message).toMatch(/^gopls's log gopls\.log stops mid-session at line 37 .*killed or crashed without a word/);
    expect(f.message).toMatch(/killed a gopls 10 min after the log's last record .*too long after to be sure/);
  });

  it('a kernel log that cannot be read: the symptom says so', () => {
    const f = finding({ kills: undefined, kernelNote: 'dmesg: read kernel buffer failed: Operation not permitted' });
    expect(f.symptom).toBe('stopped');
    expect(f.message).toMatch(/could not be read \(dmesg: read kernel buffer failed: Operation not permitted\)/);
    expect(f.evidence.map((e) => e.source)).toEqual([SOURCE]);
  });

  it('ranked: the tied kill leads as memory-limit; the bare stop stays an unexplained symptom naming its checks', () => {
    const tied = rankCauses([finding()]);
    expect(tied[0]!.id).toBe('memory-limit');
    const bare = rankCauses([finding({ kills: [] })]);
    expect(bare[0]!.id).toBe('gopls-launch');
    const s = bare[0]!.findings[0]!;
    expect(s.explainedBy ?? []).toEqual([]);
    expect(JSON.stringify(s.unexplained)).toMatch(/supervisor/);
    expect(JSON.stringify(s.unexplained)).toMatch(/kernel log/);
  });

  it('a memory limit merely found in the run, or kills the cgroup counted at other times, does not explain a stop the kernel log does not tie to it', () => {
    const limit = FindingSchema.parse({ classId: 'memory-limit', severity: 'warning', confidence: 0.6, pastEvents: true, explains: ['gopls-launch'], message: 'oom_kill 1 since the cgroup was made', evidence: [{ source: 'memory.oom_control', excerpt: 'oom_kill 1' }] });
    const ranked = rankCauses([finding({ kills: [] }), limit]);
    const stop = ranked.find((c) => c.id === 'gopls-launch')!.findings[0]!;
    expect(stop.explainedBy ?? []).toEqual([]);
    expect(stop.unexplained).toBeDefined();
  });

  it('the kernel log unreadable and this editor’s memory cgroup counting kills: a memory-limit warning, the count quoted', () => {
    const f = finding({ kills: undefined, kernelNote: 'dmesg: Operation not permitted', countedHere: { file: '/sys/fs/cgroup/user.slice/app-code.scope/memory.events', cgPath: '/user.slice/app-code.scope', oomKill: 2, limitBytes: 2 ** 30 } });
    expect(f).toMatchObject({ classId: 'memory-limit', severity: 'warning', role: 'cause' });
    expect(f.message).toMatch(/has counted 2 OOM kills: likely .* could not be read \(dmesg: Operation not permitted\)/);
    expect(f.evidence.map((e) => e.excerpt)).toEqual([session.text, 'oom_kill 2; the limit now 1 GiB']);
    // A readable kernel log that names no kill then is believed over the count.
    expect(finding({ kills: [], countedHere: { file: 'memory.events', cgPath: '/x', oomKill: 2 } }).classId).toBe('gopls-launch');
  });
});

describe('endsWhereItStopped', () => {
  it("a rolled copy of the editor's channel ends where VS Code cut it, not where gopls stopped", () => {
    expect(endsWhereItStopped({ path: '/logs/exthost1/golang.go/gopls (server).log_1', origin: 'editor-channel' })).toBe(false);
    expect(endsWhereItStopped({ path: '/logs/exthost1/golang.go/gopls (server)_2.log', origin: 'editor-channel' })).toBe(false);
    expect(endsWhereItStopped({ path: '/logs/exthost1/golang.go/gopls (server).log', origin: 'editor-channel' })).toBe(true);
    expect(endsWhereItStopped({ path: '/tmp/gopls (server).log_1', origin: 'cli' })).toBe(true);
    expect(endsWhereItStopped({ path: '/tmp/gopls-123.log', origin: 'logfile-auto' })).toBe(true);
  });
});

describe('is the log still written: a gopls whose command line names it, a process that holds it open', () => {
  // A fixture /proc: pid 41 is `gopls -rpc.trace -logfile=gopls.log serve` in /home/u/proj, 42 is
  // `gopls -logfile auto serve`, 43 holds /tmp/x.log open on descriptor 7.
  const root = mkdtempSync(path.join(os.tmpdir(), 'ged-writers-'));
  const proc = (pid: number, argv: string[], cwd: string, fds: Record<string, string> = {}) => {
    mkdirSync(path.join(root, 'proc', String(pid), 'fd'), { recursive: true });
    writeFileSync(path.join(root, 'proc', String(pid), 'cmdline'), argv.join('\0') + '\0');
    symlinkSync(cwd, path.join(root, 'proc', String(pid), 'cwd'));
    for (const [fd, target] of Object.entries(fds)) symlinkSync(target, path.join(root, 'proc', String(pid), 'fd', fd));
  };
  proc(41, ['/usr/bin/gopls', '-rpc.trace', '-logfile=gopls.log', 'serve'], '/home/u/proj');
  proc(42, ['gopls', '-logfile', 'auto', 'serve'], '/');
  proc(43, ['code'], '/', { '7': '/tmp/x.log' });
  const host = new Host({ root, platform: 'linux' });
  const names = (...n: string[]) => new Set(n);

  it('-logfile=FILE relative to its working directory; another file or another process is not it', () => {
    expect(namesLogfile(host, 41, names('/home/u/proj/gopls.log'))).toBe(true);
    expect(namesLogfile(host, 41, names('/home/u/gopls.log'))).toBe(false);
    expect(namesLogfile(host, 43, names('/home/u/proj/gopls.log'))).toBe(false);
  });
  it('-logfile auto writes $TMPDIR/gopls-<its pid>.log', () => {
    expect(namesLogfile(host, 42, names('/tmp/gopls-42.log'))).toBe(true);
    expect(namesLogfile(host, 42, names('/tmp/gopls-4242.log'))).toBe(false);
  });
  it('an open descriptor on the file', () => {
    expect(holdsOpen(host, 43, names('/tmp/x.log'))).toBe(true);
    expect(holdsOpen(host, 43, names('/tmp/y.log'))).toBe(false);
    expect(holdsOpen(host, 99, names('/tmp/x.log'))).toBe(false);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
});

