import { describe, expect, it } from 'vitest';
import { ctxFor, fixtureHost, parsed } from './ctx.js';
import { judgeMemory, judgePids, runCgroups } from '../../../src/probes/cgroups.js';
import { raiseLimitFixes } from '../../../src/fixes/catalog.js';
import { Host } from '../../../src/host/host.js';

/** The folder the fixtures' gopls was started in (their proc/<pid>/cwd link). */
const GOPLS_FOLDER = '/root/gedoc-mod';

async function run(scenario: string, pid: number, uid = 0, workspaces = [GOPLS_FOLDER]) {
  const out = await runCgroups(ctxFor(fixtureHost(scenario, pid, uid), workspaces));
  return { out, findings: parsed(out.findings) };
}

describe('cgroups probe on fixture hosts', () => {
  it('cgroup-v1-oom: the past OOM kill is a warning of a tight limit naming memory.oom_control (cumulative, not this run), the 256 MiB limit a warning, the refused fork a warning', async () => {
    const { out, findings } = await run('cgroup-v1-oom', 30178);
    expect(out.observed).toMatchObject({ mode: 'hybrid', goplsProcesses: [30177] });
    const oom = findings.find((f) => f.pastEvents && f.classId === 'memory-limit')!;
    // The counter says a kill happened some time; the after-run probe and the crash watcher say when.
    expect(oom.severity).toBe('warning');
    expect(oom.message).toMatch(/OOM killer has killed 1 process/);
    expect(oom.message).toMatch(/since the cgroup was created/);
    expect(oom.message).toContain('gopls (pid 30177)');
    expect(oom.evidence[0]).toMatchObject({ source: '/sys/fs/cgroup/memory/gedoc-oom/memory.oom_control', excerpt: expect.stringContaining('oom_kill 1') });
    expect(oom.evidence.map((e) => e.source)).toContain('/sys/fs/cgroup/memory/gedoc-oom/memory.failcnt');
    expect(oom.explains).toEqual(['gopls-launch']);
    expect(oom.fixes.map((f) => f.id)).toContain('gopls-restart');

    const small = findings.find((f) => f.severity === 'warning' && f.classId === 'memory-limit' && !f.pastEvents)!;
    expect(small.message).toContain('256 MiB');
    expect(small.evidence[0]).toMatchObject({ source: '/sys/fs/cgroup/memory/gedoc-oom/memory.limit_in_bytes', excerpt: '268435456' });

    const pids = findings.filter((f) => f.classId === 'process-limit');
    expect(pids).toHaveLength(1);
    expect(pids[0]).toMatchObject({ severity: 'warning' });
    expect(pids[0]!.message).toMatch(/refused 1 fork/);
    expect(pids[0]!.evidence[0]).toMatchObject({ source: '/sys/fs/cgroup/pids/gedoc-oom/pids.events', excerpt: 'max 1' });
    // No manager is named (no unit, no container id): the v1 file itself, and v1's documentation,
    // not cgroup v2's, whose files do not exist here (a tester's v1 machine).
    const text = (f: { fixes: Array<{ id: string }> }, id: string) => (f.fixes.find((x) => x.id === id) as { text?: string; url?: string } | undefined);
    expect(text(small, 'cgroup-write-memory-limit')?.text).toBe('echo 4294967296 > /sys/fs/cgroup/memory/gedoc-oom/memory.limit_in_bytes');
    expect(text(small, 'cgroup-memory-docs')?.url).toContain('cgroup-v1/memory');
    expect(text(pids[0]!, 'cgroup-write-pids-max')?.text).toBe('echo 8192 > /sys/fs/cgroup/pids/gedoc-oom/pids.max');
    expect(text(pids[0]!, 'cgroup-pids-docs')?.url).toContain('cgroup-v1/pids');
    expect(findings).toHaveLength(3);
  });

  // The same machine, diagnosing other folders: the gopls works elsewhere, so it is not named as
  // this session's; the cgroup is still judged, as this editor's (which it shares), and nothing more.
  for (const ws of ['/root/other-mod', '/root/gedoc-mod-2', '/root']) {
    it(`cgroup-v1-oom diagnosing ${ws}: the gopls of /root/gedoc-mod is not this session's, the editor's cgroup is judged as the editor's`, async () => {
      const { out, findings } = await run('cgroup-v1-oom', 30178, 0, [ws]);
      expect(out.observed).toMatchObject({ goplsProcesses: [], otherGopls: [{ pid: 30177, uid: 0, why: 'works in /root/gedoc-mod' }] });
      expect(findings.map((f) => f.message).join('\n')).not.toContain('gopls (pid 30177)');
      const oom = findings.find((f) => f.pastEvents && f.classId === 'memory-limit')!;
      expect(oom.message).toContain('this editor/doctor process (pid 30178)');
      // Without a gopls of the session there, the past kill is the weaker warning.
      expect(oom.confidence).toBe(0.5);
      expect(findings.filter((f) => f.severity === 'info')).toEqual([]);
    });
  }

  it('cgroup-v1-oom diagnosing a folder inside the gopls\'s: that gopls serves it, and is named', async () => {
    const { out, findings } = await run('cgroup-v1-oom', 30178, 0, ['/root/gedoc-mod/cmd/tool']);
    expect(out.observed).toMatchObject({ goplsProcesses: [30177] });
    expect(findings.find((f) => f.pastEvents)!.message).toContain('gopls (pid 30177)');
  });

  it('cgroup-hybrid-vm (this VM): no finding, and both gopls processes are looked at', async () => {
    const { out, findings } = await run('cgroup-hybrid-vm', 30684);
    expect(findings).toEqual([]);
    expect(out.status).toBeUndefined();
    expect(out.observed).toMatchObject({ mode: 'hybrid', goplsProcesses: expect.arrayContaining([30686, 30697]) });
    const memory = (out.observed as { memory: Array<{ cgroup: string; pids: number[]; effectiveLimitBytes: number | null; oomKill: number }> }).memory;
    expect(memory).toHaveLength(1);
    expect(memory[0]).toMatchObject({ cgroup: '/sys/fs/cgroup/memory/process_api/1972e7276a586f62b64044d3c924ee8a', effectiveLimitBytes: null, oomKill: 0 });
    expect(memory[0]!.pids.sort()).toEqual([30684, 30686, 30697]);
  });

  it('cgroup-v2-container: memory.events oom_kill is a warning of past kills, 58 of 64 tasks with refused forks an error', async () => {
    const { out, findings } = await run('cgroup-v2-container', 30684);
    expect(out.observed).toMatchObject({ mode: 'v2' });
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.classId).sort()).toEqual(['process-limit']);
    const past = findings.find((f) => f.pastEvents)!;
    expect(past).toMatchObject({ classId: 'memory-limit', severity: 'warning' });
    expect(past.evidence[0]).toMatchObject({ source: '/sys/fs/cgroup/memory.events', excerpt: 'max 235\noom 2\noom_kill 1' });
    const pids = errors.find((f) => f.classId === 'process-limit')!;
    expect(pids.message).toMatch(/58 of its 64 tasks \(91%\), and pids.events counts 3 refused forks since the cgroup was made/);
    expect(pids.evidence.map((e) => e.source)).toEqual(['/sys/fs/cgroup/pids.current', '/sys/fs/cgroup/pids.max', '/sys/fs/cgroup/pids.events', '/proc/30684/cgroup']);
    const usage = findings.find((f) => /uses .* of its 512 MiB limit/.test(f.message));
    expect(usage).toMatchObject({ severity: 'warning' });
  });

  it('cgroup-v2-user-slice: the limit set on an ancestor is found, and the fix targets that unit', async () => {
    const { out, findings } = await run('cgroup-v2-user-slice', 30684);
    const limit = (out.observed as { memory: Array<{ effectiveLimitBytes: number; limitFile: string }> }).memory[0]!;
    expect(limit).toMatchObject({ effectiveLimitBytes: 805306368, limitFile: '/sys/fs/cgroup/user.slice/user-1000.slice/memory.max' });
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    const small = findings.find((f) => f.message.includes('768 MiB'))!;
    expect(small.fixes[0]).toMatchObject({ kind: 'terminal', text: 'systemctl set-property user-1000.slice MemoryMax=4G', needsRoot: true });
    expect(findings.some((f) => /uses 726 MiB of its 768 MiB limit \(95%/.test(f.message))).toBe(true);
  });

  it('is skipped, not thrown, when nothing is there', async () => {
    const out = await runCgroups(ctxFor(new Host({ root: '/nonexistent-root', pid: 1, uid: 0 })));
    expect(out.status).toBe('skipped');
    expect(out.reason).toMatch(/mountinfo/);
  });
});

describe('raiseLimitFixes', () => {
  it.each([
    ['/system.slice/docker-9ec39b91f3d70e1beff50a308f77067065ea6be0d91a3378375056cd4422cf3d.scope', 'memory', { id: 'docker-raise-memory', text: 'docker update --memory 4g --memory-swap 4g 9ec39b91f3d7' }],
    ['/docker/4f797c539e6c745de61a93ca3ff892358ecbcaccd8414d5db545c38428142970', 'pids', { id: 'docker-raise-pids', text: 'docker update --pids-limit 8192 4f797c539e6c' }],
    ['/user.slice/user-1000.slice/user@1000.service/app.slice/app-code-1234.scope', 'memory', { id: 'cgroup-raise-memory-max', text: 'systemctl --user set-property app-code-1234.scope MemoryMax=4G', needsRoot: false }],
    ['/system.slice/gopls-ci.service', 'pids', { id: 'cgroup-raise-tasks-max', text: 'systemctl set-property gopls-ci.service TasksMax=8192', needsRoot: true }],
    ['/process_api/1972e7276a586f62b64044d3c924ee8a', 'memory', { id: 'cgroup-memory-docs', kind: 'link' }],
  ] as const)('%s (%s)', (cgPath, kind, want) => expect(raiseLimitFixes(kind, cgPath)[0]).toMatchObject(want));
});

describe('judgeMemory / judgePids', () => {
  const read = (file: string, text?: string) => ({ file, text });
  const mem = (dir: string, limit: number | 'max', usage: number, inactiveFile = 0) => ({
    dir,
    limit,
    limitRead: read(`${dir}/memory.max`, String(limit)),
    usage,
    usageRead: read(`${dir}/memory.current`, String(usage)),
    inactiveFile,
  });
  const view = (levels: ReturnType<typeof mem>[]) => ({ version: 2 as const, placement: {} as never, levels });

  it('the effective limit is the smallest on the way up, and the tightest level is judged by working set', () => {
    const v = judgeMemory(view([mem('/cg/a/b', 2 * 1024 ** 3, 600e6), mem('/cg/a', 768 * 1024 ** 2, 700e6, 100e6), mem('/cg', 'max', 900e6)]));
    expect(v.effectiveLimit?.bytes).toBe(768 * 1024 ** 2);
    expect(v.effectiveLimit?.level.dir).toBe('/cg/a');
    expect(v.tightest?.level.dir).toBe('/cg/a');
    expect(v.tightest?.workingSet).toBe(600e6); // 700e6 minus 100e6 of inactive file cache
  });

  it('no limit anywhere: no effective limit', () => {
    expect(judgeMemory(view([mem('/cg/a', 'max', 1e9), mem('/cg', 'max', 2e9)])).effectiveLimit).toBeUndefined();
  });

  it('pids: the smallest max, the fullest level, and the most refusals', () => {
    const lvl = (dir: string, max: number | 'max', current: number, eventsMax: number) => ({
      dir, max, current, eventsMax,
      maxRead: read(`${dir}/pids.max`), currentRead: read(`${dir}/pids.current`), eventsRead: read(`${dir}/pids.events`),
    });
    const v = judgePids([lvl('/cg/a/b', 1000, 100, 0), lvl('/cg/a', 120, 110, 4), lvl('/cg', 'max', 300, 0)]);
    expect(v.effectiveMax?.max).toBe(120);
    expect(v.tightest?.level.dir).toBe('/cg/a');
    expect(v.refused).toMatchObject({ count: 4 });
  });
});
