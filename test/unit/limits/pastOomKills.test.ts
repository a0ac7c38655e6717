// A memory cgroup's OOM kills from before the run, with whom the kernel log says they were. The
// records are this VM's own dmesg after a Go program named gopls was OOM-killed in a 200 MiB v1
// memory cgroup /h1-ex (the tester's reproduction of explore-limits finding 11).
import { describe, expect, it } from 'vitest';
import { pastOomKillFinding, type PastOomKillInput } from '../../../src/probes/cgroups.js';
import { parseKernelOomKills } from '../../../src/procfs/oomKills.js';

const DMESG = [
  '[11608.027100] gopls invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0',
  '[11608.027300] memory: usage 204800kB, limit 204800kB, failcnt 50',
  '[11608.027408] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/h1-ex,task_memcg=/h1-ex,task=gopls,pid=759712,uid=0',
  '[11608.027421] Memory cgroup out of memory: Killed process 759712 (gopls) total-vm:1423936kB, anon-rss:203904kB, file-rss:1152kB, shmem-rss:0kB, UID:0 pgtables:492kB oom_score_adj:0',
].join('\n');

const base: PastOomKillInput = {
  count: 1,
  who: 'this editor/doctor process (pid 1)',
  hasGopls: false,
  cgroup: '/h1-ex',
  limitBytes: 200 * 1024 * 1024,
  evidence: [{ source: '/sys/fs/cgroup/memory/h1-ex/memory.oom_control', excerpt: 'oom_kill 1' }],
  fixes: [],
};
const kernel = (text: string) => ({ kills: parseKernelOomKills(text), source: '/usr/bin/dmesg' });

describe('pastOomKillFinding', () => {
  it('gopls killed in this very cgroup under this limit: an error that names it', () => {
    const f = pastOomKillFinding({ ...base, kernel: kernel(DMESG) });
    expect(f.severity).toBe('error');
    expect(f.confidence).toBeGreaterThan(0.8);
    expect(f.message).toBe(
      'The kernel OOM killer has killed 1 process in the memory cgroup of this editor/doctor process (pid 1) (limit 200 MiB) since the cgroup was created, and the kernel log names gopls (pid 759712, 200 MiB resident, in memory cgroup /h1-ex limited to 200 MiB): this limit has already killed gopls here, without a stack trace, and does it again on the same load.',
    );
    expect(f.evidence.map((e) => e.excerpt)).toContain(DMESG.split('\n')[2]);
  });

  it.each([
    ['no kernel log (dmesg not readable)', undefined],
    ['a kill in another cgroup', kernel(DMESG.replaceAll('/h1-ex', '/other'))],
    ['a log without OOM records', kernel('[1.0] cgroup: fork rejected by pids controller in /h1-ex')],
  ])('%s: the count alone, a warning', (_name, k) => {
    const f = pastOomKillFinding({ ...base, kernel: k });
    expect(f).toMatchObject({ severity: 'warning', message: expect.stringContaining('since the cgroup was created (the count does not say when)') });
  });

  it('another program killed here: a warning naming it', () => {
    const f = pastOomKillFinding({ ...base, kernel: kernel(DMESG.replaceAll('gopls', 'java')) });
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('the kernel log names java (pid 759712, 200 MiB resident, in memory cgroup /h1-ex limited to 200 MiB): the limit is tight');
  });

  it('gopls killed under another limit, raised since: a warning that says which', () => {
    const f = pastOomKillFinding({ ...base, limitBytes: 1024 * 1024 * 1024, kernel: kernel(DMESG) });
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('(limit 1 GiB)');
    expect(f.message).toContain("limited to 200 MiB), killed under a limit other than today's");
  });

  it('a compile killed here: an error naming the go command', () => {
    const f = pastOomKillFinding({ ...base, kernel: kernel(DMESG.replaceAll('gopls', 'compile')) });
    expect(f.severity).toBe('error');
    expect(f.message).toContain("this limit has already killed the go command's compile here");
  });
});
