// The kernel OOM killer's records in every shape mm/oom_kill.c and mm/memcontrol.c have printed
// them. The 6.18 lines are this VM's own dmesg after a real memcg OOM kill; the older ones follow
// the format strings of their kernels (see src/procfs/oomKills.ts).
import { describe, expect, it } from 'vitest';
import { describeOomVictim, isGoTool, oomVictims, parseKernelOomKills } from '../../../src/procfs/oomKills.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf, namingVictims } from '../../../src/probes/goplsLogs.js';

const LINUX_6_18 = [
  '[10027.136838] gopls invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0',
  '[10027.136938] memory: usage 163840kB, limit 163840kB, failcnt 1655',
  '[10027.136943] memory+swap: usage 163840kB, limit 9007199254740988kB, failcnt 0',
  '[10027.136946] Memory cgroup stats for /ged-fault-crashwatch-hand-664450:',
  '[10027.137019] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/ged-fault-crashwatch-hand-664450,task_memcg=/ged-fault-crashwatch-hand-664450,task=gopls,pid=664626,uid=0',
  '[10027.137047] Memory cgroup out of memory: Killed process 664626 (gopls) total-vm:2075888kB, anon-rss:139136kB, file-rss:23352kB, shmem-rss:0kB, UID:0 pgtables:488kB oom_score_adj:0',
].join('\n');

/** Linux 4.5-4.18: the choice, the bare kill record with shmem-rss, and memcontrol.c's "Task in". */
const LINUX_4_15 = [
  'Dec  1 10:00:00 box kernel: [ 812.100000] go invoked oom-killer: gfp_mask=0x14000c0(GFP_KERNEL), nodemask=(null), order=0, oom_score_adj=0',
  'Dec  1 10:00:00 box kernel: [ 812.100100] Task in /docker/3f2a killed as a result of limit of /docker',
  'Dec  1 10:00:00 box kernel: [ 812.100200] memory: usage 1048576kB, limit 1048576kB, failcnt 310',
  'Dec  1 10:00:00 box kernel: [ 812.100900] Memory cgroup out of memory: Kill process 2210 (compile) score 1001 or sacrifice child',
  'Dec  1 10:00:00 box kernel: [ 812.101000] Killed process 2210 (compile) total-vm:1201000kB, anon-rss:990000kB, file-rss:12000kB, shmem-rss:0kB',
].join('\n');

describe('parseKernelOomKills', () => {
  // Whose gopls it was decides whether a kill can be this session's (stoppedLogs.ts killAtStop).
  for (const [shape, line, uid] of [
    ['the 4.19+ summary', 'oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/a,task_memcg=/a,task=gopls,pid=77,uid=65534', 65534],
    ['the 5.x Killed process', 'Memory cgroup out of memory: Killed process 77 (gopls) total-vm:2075888kB, anon-rss:139136kB, file-rss:23352kB, shmem-rss:0kB, UID:1000 pgtables:488kB oom_score_adj:0', 1000],
    ['RHEL 6', 'Killed process 77, UID 0, (gopls) total-vm:1000kB, anon-rss:10kB, file-rss:1kB', 0],
    ['4.15, which prints none', 'Killed process 77 (gopls) total-vm:1201000kB, anon-rss:990000kB, file-rss:12000kB, shmem-rss:0kB', undefined],
  ] as const) {
    it(`reads the victim's uid from ${shape}`, () => {
      const [k] = parseKernelOomKills(line);
      expect(k).toMatchObject({ pid: 77, comm: 'gopls' });
      expect(k!.uid).toBe(uid);
      expect(oomVictims([k!])[0]!.uid).toBe(uid);
    });
  }

  it('reads a 6.18 memcg kill: the victim, its cgroups, its resident memory and the limit it hit', () => {
    const k = parseKernelOomKills(LINUX_6_18);
    expect(k.map((x) => [x.pid, x.comm])).toEqual([
      [664626, 'gopls'],
      [664626, 'gopls'],
    ]);
    expect(k[0]).toMatchObject({ memcg: '/ged-fault-crashwatch-hand-664450', taskMemcg: '/ged-fault-crashwatch-hand-664450', limitKb: 163840 });
    expect(k[1]).toMatchObject({ residentKb: 139136 + 23352, limitKb: 163840 });
    const [v] = oomVictims(k);
    expect(oomVictims(k)).toHaveLength(1);
    expect(describeOomVictim(v!)).toBe('gopls (pid 664626, 159 MiB resident, in memory cgroup /ged-fault-crashwatch-hand-664450 limited to 160 MiB)');
  });

  it('reads the older two-record form with the cgroups from "Task in … limit of"', () => {
    const [v, ...rest] = oomVictims(parseKernelOomKills(LINUX_4_15));
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ pid: 2210, comm: 'compile', residentKb: 1002000, memcg: '/docker', taskMemcg: '/docker/3f2a', limitKb: 1048576 });
    expect(describeOomVictim(v!)).toBe('compile (pid 2210, 979 MiB resident, in memory cgroup /docker/3f2a, under the limit of /docker limited to 1 GiB)');
  });

  it.each([
    ['a global OOM (4.19+)', 'Out of memory: Killed process 900 (gopls) total-vm:3000000kB, anon-rss:2048000kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:5000kB oom_score_adj:0', { pid: 900, comm: 'gopls', residentKb: 2048000 }],
    ['oom_kill_allocating_task', 'Out of memory (oom_kill_allocating_task): Killed process 77 (go) total-vm:10kB, anon-rss:5kB, file-rss:1kB, shmem-rss:0kB', { pid: 77, comm: 'go', residentKb: 6 }],
    ['3.x without shmem-rss', 'Killed process 4242 (gopls) total-vm:800000kB, anon-rss:500000kB, file-rss:100kB', { pid: 4242, comm: 'gopls', residentKb: 500100 }],
    ["2.6's vsz", 'Killed process 15575 (gopls) vsz:308116kB, anon-rss:150000kB, file-rss:2000kB', { pid: 15575, comm: 'gopls', residentKb: 152000 }],
    ["RHEL 6's UID before the name", 'Killed process 31, UID 500, (gopls) total-vm:900kB, anon-rss:300kB, file-rss:10kB', { pid: 31, comm: 'gopls', residentKb: 310 }],
    ['2.6 lower case choice', 'Out of memory: kill process 15575 (gopls) score 77029 or a child', { pid: 15575, comm: 'gopls' }],
    ['a name with spaces and parentheses', 'Out of memory: Killed process 12 (Web (Content)) total-vm:1kB, anon-rss:1kB, file-rss:1kB, shmem-rss:1kB', { pid: 12, comm: 'Web (Content)', residentKb: 3 }],
    ['a summary with a comma in the name', 'oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice,task=a,b,pid=5,uid=0', { pid: 5, comm: 'a,b', taskMemcg: '/user.slice' }],
  ])('%s', (_name, line, want) => {
    expect(parseKernelOomKills(line)).toEqual([expect.objectContaining(want)]);
  });

  it.each([
    ['garbage', 'Killed process abc (gopls) total-vm:xkB'],
    ['a kill record cut short', 'Memory cgroup out of memory: Killed process 41565 (gop'],
    ['a user program saying "Killed process"', 'worker: Killed process 12 because it was idle'],
    ['an oom-kill summary without a task', 'oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null)'],
    ['a count too large to be one', 'Killed process 1 (x) total-vm:1kB, anon-rss:99999999999999999999999kB, file-rss:0kB'],
  ])('names no victim from %s', (_name, line) => {
    const k = parseKernelOomKills(line);
    expect(k.every((x) => x.residentKb === undefined || Number.isSafeInteger(x.residentKb))).toBe(true);
    if (k.length) expect(k[0]!.residentKb).toBeUndefined();
  });

  it('forgets the last report\'s limit when a new one starts', () => {
    const k = parseKernelOomKills([...LINUX_6_18.split('\n'), 'x invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0', 'Out of memory: Killed process 9 (y) total-vm:1kB, anon-rss:1kB, file-rss:1kB, shmem-rss:1kB'].join('\n'));
    expect(k.at(-1)).not.toHaveProperty('limitKb');
    expect(describeOomVictim(oomVictims(k).at(-1)!)).toBe('y (pid 9, 3 KiB resident)');
  });

  it('knows the Go tools by their names', () => {
    expect(['gopls', 'go', 'compile', 'link', 'go1.22.0'].every(isGoTool)).toBe(true);
    expect(['java', 'node', 'gopher', 'golangci-lint'].some(isGoTool)).toBe(false);
  });
});

describe('a pasted OOM report names the victim', () => {
  // A tester's paste: dmesg's lines beside the editor's (explore-limits finding 10).
  const paste = [
    'Dec 05 14:31:13 devbox kernel: gopls invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0',
    'Dec 05 14:31:13 devbox kernel: memory: usage 614400kB, limit 614400kB, failcnt 2211',
    'Dec 05 14:31:13 devbox kernel: oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/user.slice/user-1000.slice/user@1000.service/app.slice/app-code.scope,task_memcg=/user.slice/user-1000.slice/user@1000.service/app.slice/app-code.scope,task=gopls,pid=41565,uid=1000',
    'Dec 05 14:31:13 devbox kernel: Memory cgroup out of memory: Killed process 41565 (gopls) total-vm:2913284kB, anon-rss:603436kB, file-rss:24880kB, shmem-rss:0kB, UID:1000 pgtables:1480kB oom_score_adj:0',
    '[Error - 2:31:14 PM] Server process exited with signal SIGKILL.',
  ].join('\n');

  it('in the finding of the kernel-oom-kill rule: gopls, its pid, its size and its cgroup', () => {
    const f = findingsOf('oom.log', analyzeText(paste)).find((x) => x.classId === 'memory-limit' && x.severity === 'error')!;
    expect(f.message).toBe("The kernel's OOM killer killed gopls (pid 41565, 614 MiB resident, in memory cgroup /user.slice/user-1000.slice/user@1000.service/app.slice/app-code.scope limited to 600 MiB) (4 lines in oom.log).");
  });

  it('keeps the rule\'s own words when the records name nobody', () => {
    const says = "the kernel's OOM killer killed a process (a memory cgroup or the machine ran out of memory)";
    expect(namingVictims(says, [{ text: 'x invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0' }])).toBe(says);
    // A victim whose cgroup is unknown: the guess stays.
    expect(namingVictims(says, [{ text: 'Killed process 7 (gopls) total-vm:10kB, anon-rss:2048kB, file-rss:0kB' }])).toBe("the kernel's OOM killer killed gopls (pid 7, 2 MiB resident) (a memory cgroup or the machine ran out of memory)");
  });
});
