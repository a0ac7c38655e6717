// Evidence after the fact: counters read before and after the active probes, and kernel records
// stamped during the run, become findings tied to what died.
import { describe, expect, it } from 'vitest';
import { afterRunFindings, risesBetween, type Readings } from '../../../src/probes/afterRun.js';
import { parseDmesg, parseForkRejected, parseUptime, recordsSince } from '../../../src/procfs/kernelLog.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const MiB = 1024 * 1024;
const leaf = '/sys/fs/cgroup/memory/doctor';
const mem = (oomKill: number, failcnt: number, limit = 110 * MiB): Readings['counters'] => [
  { controller: 'memory', dir: leaf, cgPath: '/doctor', file: `${leaf}/memory.oom_control`, values: { oom_kill: oomKill }, limit, limitFile: `${leaf}/memory.limit_in_bytes` },
  { controller: 'memory', dir: leaf, cgPath: '/doctor', file: `${leaf}/memory.failcnt`, values: { failcnt }, limit, limitFile: `${leaf}/memory.limit_in_bytes` },
];
const pids = (max: number): Readings['counters'] => [
  { controller: 'pids', dir: '/sys/fs/cgroup/pids/doctor', cgPath: '/doctor', file: '/sys/fs/cgroup/pids/doctor/pids.events', values: { max }, limit: 40, limitFile: '/sys/fs/cgroup/pids/doctor/pids.max' },
];
const killedGopls = { role: 'symptom' as const, symptom: 'killed' as const, probeId: 'gopls', message: '/root/go/bin/gopls was killed by SIGKILL during start-up, before answering initialize' };

// The kernel's own wording (mm/oom_kill.c, kernel/cgroup/pids.c).
const DMESG = [
  '[ 6480.100000] idle-reclaim (86): drop_caches: 1',
  '[ 6502.311852] gopls invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0',
  '[ 6502.312400] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/doctor,task_memcg=/doctor,task=gopls,pid=4321,uid=0',
  '[ 6502.312455] Memory cgroup out of memory: Killed process 4321 (gopls) total-vm:1402000kB, anon-rss:109000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:400kB oom_score_adj:0',
  '[ 6503.000000] cgroup: fork rejected by pids controller in /doctor',
].join('\n');

describe('kernel log', () => {
  it('places records on the /proc/uptime clock and keeps only those since the start', () => {
    const recs = parseDmesg(DMESG);
    expect(recs[0]).toMatchObject({ seconds: 6480.1, text: 'idle-reclaim (86): drop_caches: 1' });
    expect(recordsSince(recs, parseUptime('6500.40 10267.95\n')!)).toHaveLength(4);
    expect(parseForkRejected(recs)).toEqual([{ cgroup: '/doctor', line: expect.stringContaining('fork rejected') }]);
    expect(parseUptime('garbage')).toBeUndefined();
  });
});

describe('afterRunFindings', () => {
  it('oom_kill 0 → 1 while the doctor\'s gopls was SIGKILLed: a memory-limit error that ranks above the kill', () => {
    const found = afterRunFindings({ before: { uptime: 6500, counters: mem(0, 0) }, after: { uptime: 6503, counters: mem(1, 14) }, kernel: [], kernelSource: 'dmesg', earlier: [killedGopls] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ classId: 'memory-limit', severity: 'error' });
    expect(found[0]!.message).toMatch(/110 MiB/);
    expect(found[0]!.message).toMatch(/doctor's own gopls/);
    expect(found[0]!.evidence[0]).toEqual({ source: `${leaf}/memory.oom_control`, excerpt: 'oom_kill 0 → 1 during this run' });
    const symptom = FindingSchema.parse({ classId: 'gopls-launch', severity: 'error', confidence: 0.9, evidence: [{ source: 'gopls', excerpt: 'SIGKILL' }], ...killedGopls });
    const ranked = rankCauses([symptom, FindingSchema.parse(found[0])]);
    expect(ranked.map((c) => [c.id, c.severity])).toEqual([
      ['memory-limit', 'error'],
      ['gopls-launch', 'error'],
    ]);
  });

  // A tester's: on a v1 host the first verdict linked v1's memory page, the follow-up v2's.
  it("the fix follows the cgroup's own version: v1's limit file and page on a v1 hierarchy", () => {
    const v1 = (c: Readings['counters']) => c.map((x) => ({ ...x, version: 1 as const }));
    const found = afterRunFindings({ before: { uptime: 6500, counters: v1(mem(0, 0)) }, after: { uptime: 6503, counters: v1(mem(1, 14)) }, kernel: [], kernelSource: 'dmesg', earlier: [killedGopls] });
    const fixes = found[0]!.fixes!;
    expect(fixes.find((f) => f.id === 'cgroup-memory-docs')).toMatchObject({ url: expect.stringContaining('cgroup-v1/memory') });
    expect(fixes.find((f) => f.id === 'cgroup-write-memory-limit')).toMatchObject({ text: `echo ${4 * 1024 ** 3} > ${leaf}/memory.limit_in_bytes` });
    const p = afterRunFindings({ before: { counters: v1(pids(0)) }, after: { counters: v1(pids(3)) }, kernel: [], kernelSource: 'dmesg', earlier: [] });
    expect(p.find((f) => f.classId === 'process-limit')!.fixes!.find((f) => f.id === 'cgroup-pids-docs')).toMatchObject({ url: expect.stringContaining('cgroup-v1/pids') });
  });

  it('the kernel log alone (counters unreadable) names the victim', () => {
    const kernel = recordsSince(parseDmesg(DMESG), 6500);
    const found = afterRunFindings({ before: { counters: [] }, after: { counters: [] }, kernel, kernelSource: 'dmesg', earlier: [] });
    const memory = found.find((f) => f.classId === 'memory-limit')!;
    expect(memory.severity).toBe('error');
    expect(memory.message).toMatch(/gopls \(pid 4321\)/);
    expect(found.find((f) => f.classId === 'process-limit')!.evidence[0]!.excerpt).toMatch(/fork rejected by pids controller in \/doctor/);
  });

  // A tester's healthy project got a process-limit error for a refusal in another session's cgroup.
  it('a fork rejected in another pids cgroup is not this run\'s; one in ours or above it is', () => {
    const other = recordsSince(parseDmesg('[ 6503.000000] cgroup: fork rejected by pids controller in /explorectr'), 6500);
    expect(afterRunFindings({ before: { counters: pids(0) }, after: { counters: pids(0) }, kernel: other, kernelSource: 'dmesg', earlier: [] })).toEqual([]);
    const above = recordsSince(parseDmesg('[ 6503.000000] cgroup: fork rejected by pids controller in /'), 6500);
    expect(afterRunFindings({ before: { counters: pids(0) }, after: { counters: pids(0) }, kernel: above, kernelSource: 'dmesg', earlier: [] }).map((f) => f.classId)).toEqual(['process-limit']);
    const ours = recordsSince(parseDmesg('[ 6503.000000] cgroup: fork rejected by pids controller in /doctor'), 6500);
    expect(afterRunFindings({ before: { counters: pids(0) }, after: { counters: pids(0) }, kernel: ours, kernelSource: 'dmesg', earlier: [] }).map((f) => f.classId)).toEqual(['process-limit']);
  });

  // In the root cgroup no counter file exists (no pids.max, no pids.events), yet the doctor is in
  // no other cgroup: a tester's run there took a fault scenario's refusal, stamped during it, for its own.
  it('in the root cgroup, with no counters to read, another cgroup\'s fork refusal is still not this run\'s', () => {
    const other = recordsSince(parseDmesg('[ 6503.000000] cgroup: fork rejected by pids controller in /ged-fault-pids-7376'), 6500);
    const atRoot = { counters: [], pidsLeaf: '/' };
    expect(afterRunFindings({ before: atRoot, after: atRoot, kernel: other, kernelSource: 'dmesg', earlier: [] })).toEqual([]);
    // Our cgroup unknown as well: every record is kept, as before.
    expect(afterRunFindings({ before: { counters: [] }, after: { counters: [] }, kernel: other, kernelSource: 'dmesg', earlier: [] }).map((f) => f.classId)).toEqual(['process-limit']);
  });

  it('the limit was hit but nothing was killed: a warning, not an error', () => {
    const found = afterRunFindings({ before: { counters: mem(0, 0) }, after: { counters: mem(0, 3) }, kernel: [], kernelSource: 'dmesg', earlier: [] });
    expect(found).toEqual([expect.objectContaining({ classId: 'memory-limit', severity: 'warning' })]);
  });

  it('pids.events max rising is a process-limit error', () => {
    const found = afterRunFindings({ before: { counters: pids(0) }, after: { counters: pids(5) }, kernel: [], kernelSource: 'dmesg', earlier: [] });
    expect(found).toEqual([expect.objectContaining({ classId: 'process-limit', severity: 'error', message: expect.stringMatching(/pids\.max 40.*refused 5 forks/) })]);
  });

  it('nothing rose, nothing in the kernel log: no finding; old kills before the run do not count', () => {
    expect(afterRunFindings({ before: { counters: mem(3, 9) }, after: { counters: mem(3, 9) }, kernel: [], kernelSource: 'dmesg', earlier: [killedGopls] })).toEqual([]);
    expect(risesBetween({ counters: mem(3, 9) }, { counters: mem(3, 9) })).toEqual([]);
  });
});

describe('kernel OOM records of other cgroups', () => {
  // dmesg's clock drifts from /proc/uptime on VMs, so a kill a moment before the run, in a sibling
  // container, can look "during the run"; it must not become this run's memory-limit error.
  const sibling = [
    '[ 6502.312400] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/other-job,task_memcg=/other-job,task=gopls,pid=999,uid=0',
    '[ 6502.312455] Memory cgroup out of memory: Killed process 999 (gopls) total-vm:1402000kB, anon-rss:109000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:400kB oom_score_adj:0',
  ].join('\n');

  it('a kill in a sibling memory cgroup is not evidence about ours', () => {
    const kernel = recordsSince(parseDmesg(sibling), 6500);
    const found = afterRunFindings({ before: { counters: mem(0, 0) }, after: { counters: mem(0, 0) }, kernel, kernelSource: 'dmesg', earlier: [] });
    expect(found).toEqual([]);
  });

  it('a kill in our cgroup, under its limit or one above it, still is', () => {
    for (const memcg of ['/doctor', '/']) {
      const kernel = recordsSince(parseDmesg(sibling.replace('oom_memcg=/other-job', `oom_memcg=${memcg}`).replace('task_memcg=/other-job', 'task_memcg=/doctor')), 6500);
      const found = afterRunFindings({ before: { counters: mem(0, 0) }, after: { counters: mem(0, 0) }, kernel, kernelSource: 'dmesg', earlier: [] });
      expect(found.map((f) => [f.classId, f.severity])).toEqual([['memory-limit', 'error']]);
    }
  });

  // A limit above both (a shared slice's, the machine's) hit by another cgroup's process: the
  // victim's own cgroup says it was not one of ours.
  it("another cgroup's process killed under a limit above ours is not ours", () => {
    for (const memcg of ['/', '/shared']) {
      const kernel = recordsSince(parseDmesg(sibling.replace('oom_memcg=/other-job', `oom_memcg=${memcg}`)), 6500);
      const found = afterRunFindings({ before: { counters: mem(0, 0) }, after: { counters: mem(0, 0) }, kernel, kernelSource: 'dmesg', earlier: [] });
      expect(found).toEqual([]);
    }
  });

  // v2's memory.events counts the kills of every cgroup below: an ancestor's rise with the leaf's
  // unchanged is a kill elsewhere (another user's slice), not ours; the leaf's is ours.
  const v2 = (leafKills: number, sliceKills: number): Readings['counters'] => [
    { controller: 'memory', version: 2, dir: '/sys/fs/cgroup/user.slice/user-0.slice/doctor.scope', cgPath: '/user.slice/user-0.slice/doctor.scope', file: '/sys/fs/cgroup/user.slice/user-0.slice/doctor.scope/memory.events', values: { oom_kill: leafKills } },
    { controller: 'memory', version: 2, dir: '/sys/fs/cgroup/user.slice', cgPath: '/user.slice', file: '/sys/fs/cgroup/user.slice/memory.events', values: { oom_kill: sliceKills }, limit: 2 * 1024 * MiB, limitFile: '/sys/fs/cgroup/user.slice/memory.max' },
  ];
  for (const [n, leafRose] of [
    [1, false],
    [3, false],
    [1, true],
    [2, true],
  ] as const) {
    it(`v2: the slice's oom_kill rose by ${n}, ${leafRose ? "and so did our leaf's: ours, an error" : "our leaf's did not: a kill elsewhere, no finding"}`, () => {
      const found = afterRunFindings({ before: { counters: v2(0, 5) }, after: { counters: v2(leafRose ? n : 0, 5 + n) }, kernel: [], kernelSource: 'dmesg', earlier: [] });
      expect(found.map((f) => f.severity)).toEqual(leafRose ? ['error'] : []);
      if (leafRose) expect(found[0]!.evidence[0]!.excerpt).toBe(`oom_kill 0 → ${n} during this run`);
    });
  }
});


describe('kernel OOM records of a process that died before the run', () => {
  // A kill in our own cgroup, stamped within the log's second of slack before the run began: the
  // tester's `gopls check` (pid 32560), run just before the doctor, was called killed "during this
  // diagnosis". Its pid is below the last one handed out at the start, and it was gone by then.
  const kill = [
    '[ 6502.312400] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/doctor,task_memcg=/doctor,task=gopls,pid=32560,uid=0',
    '[ 6502.312455] Memory cgroup out of memory: Killed process 32560 (gopls) total-vm:1402000kB, anon-rss:109000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:400kB oom_score_adj:0',
  ].join('\n');
  const kernel = recordsSince(parseDmesg(kill), 6500);
  const run = (before: Partial<Readings>, after: Partial<Readings> = {}) =>
    afterRunFindings({ before: { counters: mem(0, 0), ...before }, after: { counters: mem(0, 0), ...after }, kernel, kernelSource: 'dmesg', earlier: [] }).map((f) => [f.classId, f.severity]);

  it.each([
    ['gone before the run (an older pid, not alive at the start): not this run', { lastPid: 32640, livePids: new Set([1, 32635]) }, {}, []],
    ['alive at the start (the editor gopls, killed during the run): this run', { lastPid: 32640, livePids: new Set([1, 32560, 32635]) }, {}, [['memory-limit', 'error']]],
    ['started during the run (a pid above the last one at the start): this run', { lastPid: 32500, livePids: new Set([1]) }, {}, [['memory-limit', 'error']]],
    ['the pid counter wrapped during the run: kept, nothing to tell by', { lastPid: 32640, livePids: new Set([1]) }, { lastPid: 300 }, [['memory-limit', 'error']]],
    ['pids not read (another pid namespace): kept', {}, {}, [['memory-limit', 'error']]],
  ])('%s', (_, before, after, want) => {
    expect(run(before, after)).toEqual(want);
  });

});
