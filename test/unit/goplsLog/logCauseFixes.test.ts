// A cause read only from a log always comes with a next step (a tester reading real gopls logs:
// an SELinux denial, a full disk, a pids limit came with none), and a symptom gets none of its own.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import os from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { goplsLogsProbe } from '../../../src/probes/goplsLogs.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { Host } from '../../../src/host/host.js';
import { RULES } from '../../../src/goplsLog/rules.js';
import { logCauseFixes } from '../../../src/fixes/logCauses.js';

function ctx(log: string): ProbeContext {
  const end = performance.now() + 5000;
  return {
    host: new Host({ root: 'test/fixtures/hosts/none', pid: 1, uid: 1000 }),
    env: { TMPDIR: '/nonexistent-tmp' },
    workspaces: ['/tmp'],
    goplsLogs: [log],
    settings: {},
    signal: new AbortController().signal,
    remainingMs: () => end - performance.now(),
    facts: undefined as never,
  };
}

async function fixIds(line: string): Promise<Array<{ classId: string; role?: string; fixes: string[] }>> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ged-logfix-')), 'gopls.log');
  writeFileSync(file, `${line}\n`);
  const r = await goplsLogsProbe.run(ctx(file));
  return (r.findings ?? []).filter((f) => f.severity !== 'info').map((f) => ({ classId: f.classId, ...(f.role ? { role: f.role } : {}), fixes: (f.fixes ?? []).map((x) => x.id) }));
}

describe('a log-only cause carries a next step', () => {
  it.each([
    // Real messages: the kernel's audit record, go's write to a full disk, the pids controller, a memory cgroup's OOM kill.
    ['type=AVC msg=audit(1700000000.123:456): avc:  denied  { execute } for  pid=4242 comm="go" name="compile" dev="dm-0" ino=1234 scontext=user_u:user_r:user_t:s0 tcontext=system_u:object_r:tmp_t:s0 tclass=file permissive=0', 'mac-policy', 'mac-show-denials'],
    ['go: writing go.sum: write /home/ann/src/app/go.sum: no space left on device', 'fs-access', 'fs-space-go-clean-cache'],
    ['cgroup: fork rejected by pids controller in /user.slice/user-1000.slice/session-3.scope', 'process-limit', 'pids-show-limits'],
    ['[12345.678901] Memory cgroup out of memory: Killed process 4242 (gopls) total-vm:5123456kB, anon-rss:1012345kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:4096kB oom_score_adj:0', 'memory-limit', 'memory-show-oom-records'],
  ])('%s', async (line, classId, fixId) => {
    const got = await fixIds(line);
    const f = got.find((x) => x.classId === classId && x.role !== 'symptom');
    expect(f, JSON.stringify(got)).toBeDefined();
    expect(f!.fixes).toContain(fixId);
  });

  it('every rule that reads a cause at warning or error gives one through the fallback, and no symptom rule does', () => {
    for (const r of RULES) {
      if (r.severity === 'info') continue;
      if (r.role === 'symptom') expect(logCauseFixes(r), r.id).toEqual([]);
      else expect(logCauseFixes(r).length, r.id).toBeGreaterThan(0);
    }
  });
});

describe('checks come after repairs', () => {
  it('a log-read fs-access cause beside a probe finding with a repair: the repair is offered first, the check last and marked', async () => {
    const { rankCauses } = await import('../../../src/doctor/rank.js');
    const { logCauseFixes } = await import('../../../src/fixes/logCauses.js');
    const check = logCauseFixes({ id: 'permission-denied-x', classId: 'fs-access' });
    const chown = { id: 'gopls-cache-chown', kind: 'terminal' as const, title: 'Make the gopls cache yours', text: 'sudo chown -R "$USER:" ~/.cache/gopls', needsRoot: true };
    const causes = rankCauses([
      { classId: 'fs-access', severity: 'error', confidence: 0.9, message: 'log: permission denied', evidence: [{ source: 'gopls.log', line: 3, excerpt: 'open /home/u/.cache/gopls/x: permission denied' }], fixes: check },
      { classId: 'fs-access', severity: 'warning', confidence: 0.8, message: 'probe: gopls cache owned by root', evidence: [{ source: 'stat /home/u/.cache/gopls', excerpt: 'uid 0' }], fixes: [chown] },
    ] as never);
    const ids = causes[0]!.fixes.map((f) => f.id);
    expect(ids[0]).toBe('gopls-cache-chown');
    expect(causes[0]!.fixes.slice(1).map((f) => [f.id, f.check])).toEqual([['fs-show-go-dirs', true], ['fs-access-module-cache-docs', true]]);
  });
});
