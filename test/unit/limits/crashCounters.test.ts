// The editor's crash path reads the same evidence as the CLI's after-run phase: the memory and
// pids counters when gopls was first seen and again when it vanished, and the kernel's records in
// between. A count from before (a cumulative oom_kill) supports a tight limit but never explains
// the death seen now.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crashEvidenceBetween, readCrashBaseline } from '../../../src/probes/crashCounters.js';
import { readCounters, type Readings } from '../../../src/probes/afterRun.js';
import { parseDmesg, recordsSince } from '../../../src/procfs/kernelLog.js';
import { attributeCrash, crashVerdict } from '../../../src/goplsLog/crashVerdict.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { runCgroups } from '../../../src/probes/cgroups.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type Finding } from '../../../src/doctor/model.js';
import { Host } from '../../../src/host/host.js';
import { ctxFor, FIXTURES, parsed } from './ctx.js';

const MiB = 1024 * 1024;
/** A v2 scope under a slice; the limit is set on the slice. */
const slice = '/sys/fs/cgroup/user.slice/user-1000.slice';
const scope = `${slice}/app.slice/code-77.scope`;
function v2(scopeKills: number, sliceKills: number, pidsMax = 0): Readings['counters'] {
  return [
    { controller: 'memory', dir: scope, cgPath: '/user.slice/user-1000.slice/app.slice/code-77.scope', file: `${scope}/memory.events`, values: { oom_kill: scopeKills, oom: scopeKills, max: 3 } },
    { controller: 'memory', dir: slice, cgPath: '/user.slice/user-1000.slice', file: `${slice}/memory.events`, values: { oom_kill: sliceKills, oom: sliceKills, max: 9 }, limit: 600 * MiB, limitFile: `${slice}/memory.max` },
    { controller: 'pids', dir: scope, cgPath: '/user.slice/user-1000.slice/app.slice/code-77.scope', file: `${scope}/pids.events`, values: { max: pidsMax }, limit: 96, limitFile: `${scope}/pids.max` },
  ];
}
const vanished = (pid: number) => ({ source: `/proc/${pid}/stat`, pid, ranMs: 95_000 });

describe('crash evidence between two readings', () => {
  it('a kill counted while gopls ran names the leaf-most counter that rose; the verdict is an OOM kill', () => {
    const ev = crashEvidenceBetween({ uptime: 100, counters: v2(4, 4) }, { uptime: 160, counters: v2(5, 5) }, [], 'dmesg');
    expect(ev.oomKill).toEqual({ before: 4, after: 5, source: `${scope}/memory.events` });
    expect(ev.pidsMax).toMatchObject({ before: 0, after: 0 });
    const v = crashVerdict({ exit: vanished(8123), ...ev });
    expect(v).toMatchObject({ kind: 'oom-kill', role: 'cause', classId: 'memory-limit' });
    // The watcher does not know the exit status: another process of the scope may have been the victim.
    expect(v.confidence).toBeLessThan(0.9);
    expect(v.evidence[0]).toEqual({ source: `${scope}/memory.events`, excerpt: 'oom_kill 4 → 5' });
  });

  it('kills counted only before gopls started (a cumulative oom_kill of 4) do not make this death an OOM kill', () => {
    const ev = crashEvidenceBetween({ uptime: 100, counters: v2(4, 4) }, { uptime: 160, counters: v2(4, 4) }, [], 'dmesg');
    expect(crashVerdict({ exit: vanished(8123), ...ev }).kind).not.toBe('oom-kill');
    // Nor the bare cumulative count, as a caller without a baseline would pass it.
    expect(crashVerdict({ exit: { ...vanished(8123), signal: 'SIGKILL' }, oomKill: { after: 4, source: `${scope}/memory.events` } })).toMatchObject({ kind: 'killed-by-signal', role: 'symptom' });
  });

  // memory.events oom_kill counts in the victim's own cgroup and every one above it (mm/memcontrol.c
  // memcg_memory_event): a kill of this gopls, under the slice's limit or the scope's, raises the
  // scope's count too. A rise only in the slice is a kill in another cgroup below it (another
  // session's, another user's), not this gopls's death.
  for (const n of [1, 2]) {
    it(`a rise of ${n} only in the slice above is another cgroup's kill: not this gopls's`, () => {
      const ev = crashEvidenceBetween({ counters: v2(0, 7) }, { counters: v2(0, 7 + n) }, [], 'dmesg');
      expect(ev.oomKill).toEqual({ before: 0, after: 0, source: `${scope}/memory.events` });
      expect(crashVerdict({ exit: vanished(8123), ...ev }).kind).not.toBe('oom-kill');
    });
  }

  it('the kernel record naming this gopls ties the kill to it; a sibling container\'s kill in the window does not', () => {
    const dmesg = parseDmesg(
      [
        '[  150.100000] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/system.slice/docker-ab12.scope,task_memcg=/system.slice/docker-ab12.scope,task=postgres,pid=990,uid=999',
        '[  150.100100] Memory cgroup out of memory: Killed process 990 (postgres) total-vm:900000kB, anon-rss:500000kB, file-rss:0kB',
        '[  155.200000] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/user.slice/user-1000.slice,task_memcg=/user.slice/user-1000.slice/app.slice/code-77.scope,task=gopls,pid=8123,uid=1000',
        '[  155.200200] Memory cgroup out of memory: Killed process 8123 (gopls) total-vm:5100000kB, anon-rss:610000kB, file-rss:0kB',
      ].join('\n'),
    );
    const ev = crashEvidenceBetween({ uptime: 100, counters: v2(0, 0) }, { uptime: 160, counters: v2(0, 1) }, recordsSince(dmesg, 100), 'dmesg');
    expect(ev.kernelLog?.text).not.toContain('postgres');
    const v = crashVerdict({ exit: vanished(8123), ...ev });
    expect(v).toMatchObject({ kind: 'oom-kill', confidence: 0.95 });
    expect(v.evidence.map((e) => e.excerpt).join('\n')).toContain('Killed process 8123 (gopls)');
    // Another gopls's kill (pid 8200) in the same window is not this one's.
    expect(crashVerdict({ exit: vanished(8200), kernelLog: ev.kernelLog }).kind).not.toBe('oom-kill');
  });

  it("refused forks while gopls ran, with the runtime's thread failure in its log: the pids limit is the cause", () => {
    const log = analyzeText(['runtime: failed to create new OS thread (have 37 already; errno=11)', 'runtime: may need to increase max user processes (ulimit -u)', 'fatal error: newosproc', ''].join('\n'));
    const ev = crashEvidenceBetween({ counters: v2(0, 0, 2) }, { counters: v2(0, 0, 9) }, [], 'dmesg');
    expect(ev.pidsMax).toEqual({ before: 2, after: 9, source: `${scope}/pids.events`, limit: 96 });
    const v = crashVerdict({ logs: [{ source: 'gopls (server).log', summary: { ...log, crashes: log.crashes.map((c) => ({ ...c, owner: 'gopls' as const })) } }], exit: vanished(8123), ...ev });
    expect(v).toMatchObject({ role: 'cause', classId: 'process-limit' });
    expect(v.summary).toMatch(/refused 7 forks/);
    // With no log at all, a vanished gopls and the refusals are still the evidence.
    expect(crashVerdict({ exit: vanished(8123), ...ev })).toMatchObject({ role: 'cause', classId: 'process-limit' });
    // No refusal in the window: not the pids limit.
    const calm = crashEvidenceBetween({ counters: v2(0, 0, 9) }, { counters: v2(0, 0, 9) }, [], 'dmesg');
    expect(crashVerdict({ exit: vanished(8123), ...calm }).classId).not.toBe('process-limit');
  });
});

describe('attribution of a crash seen now', () => {
  const killed = crashVerdict({ exit: { source: 'gopls process', pid: 8123, signal: 'SIGKILL' } });

  it("the cgroups probe's cumulative oom_kill is a warning of a tight limit that does not explain this SIGKILL", async () => {
    const out = await runCgroups(ctxFor(new Host({ root: path.join(FIXTURES, 'cgroup-v2-container'), pid: 30684, uid: 0 })));
    // Only the counter's own finding of the memory class (the fixture's usage near its limit is a
    // finding of what holds now, and does explain a kill).
    const report = { causes: rankCauses(parsed(out.findings).filter((f) => f.classId !== 'memory-limit' || f.pastEvents)), probes: [] };
    const past = report.causes.find((c) => c.id === 'memory-limit')!.findings.find((f) => f.pastEvents)!;
    expect(past.severity).toBe('warning');
    const why = attributeCrash(killed, report);
    expect(why.explained).toBe(false);
    expect(why.classId).toBeUndefined();
    expect(why.line).toMatch(/^Unexplained: .* Possible: "A memory limit is killing or starving gopls" \(earlier records\), but nothing recorded while this gopls ran ties it to this death\.$/);
  });

  it('a kill counted during the run (the after-run error) explains it', () => {
    const during: Finding = FindingSchema.parse({
      classId: 'memory-limit',
      severity: 'error',
      confidence: 0.97,
      message: 'During this diagnosis the kernel OOM killer killed 1 process.',
      evidence: [{ source: `${scope}/memory.events`, excerpt: 'oom_kill 4 → 5 during this run' }],
    });
    const past: Finding = FindingSchema.parse({ ...during, severity: 'warning', pastEvents: true, message: 'killed 4 since the cgroup was created' });
    const why = attributeCrash(killed, { causes: rankCauses([past, during]), probes: [] });
    expect(why).toEqual({ classId: 'memory-limit', explained: true, line: 'Explained by: A memory limit is killing or starving gopls.' });
  });
});

describe('readCrashBaseline on a fixture host, then a kill', () => {
  let tmp: string | undefined;
  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = undefined;
  });

  it('reads the counters of the cgroup it is in, and a rise between two readings becomes the OOM kill', async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'crash-counters-'));
    cpSync(path.join(FIXTURES, 'cgroup-v2-container'), tmp, { recursive: true });
    const host = new Host({ root: tmp, pid: 30684, uid: 0 });
    const before = await readCrashBaseline(host);
    expect(before?.counters.find((c) => c.file === '/sys/fs/cgroup/memory.events')?.values).toMatchObject({ oom_kill: 1 });
    writeFileSync(path.join(tmp, 'sys/fs/cgroup/memory.events'), 'low 0\nhigh 0\nmax 240\noom 3\noom_kill 2\noom_group_kill 0\n');
    const after = await readCounters(host);
    if ('skip' in after) throw new Error(after.skip);
    const ev = crashEvidenceBetween(before!, after, [], 'dmesg');
    expect(ev.oomKill).toEqual({ before: 1, after: 2, source: '/sys/fs/cgroup/memory.events' });
    expect(crashVerdict({ exit: vanished(30700), ...ev }).kind).toBe('oom-kill');
  });

  it('is undefined where no counters can be read', async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'crash-counters-'));
    expect(await readCrashBaseline(new Host({ root: tmp, pid: 1, uid: 0 }))).toBeUndefined();
  });
});
