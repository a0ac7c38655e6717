// pids.events max only grows: refusals under a limit since raised must not keep the warning (and
// its "raise to 8192" fix) alive once the limit has room for what Go tooling needs here. A copy of
// the cgroup-v1-oom fixture (20 tasks in use, 1 refused fork) with pids.max and the CPUs set per row.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ctxFor, FIXTURES, parsed } from './ctx.js';
import { Host } from '../../../src/host/host.js';
import { runCgroups } from '../../../src/probes/cgroups.js';
import { taskNeeds } from '../../../src/probes/goNeeds.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function pidsFindingsWith(max: string, current: string, events: string) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'h6-pids-'));
  made.push(root);
  cpSync(path.join(FIXTURES, 'cgroup-v1-oom'), root, { recursive: true });
  const cg = path.join(root, 'sys/fs/cgroup/pids/gedoc-oom');
  writeFileSync(path.join(cg, 'pids.max'), `${max}\n`);
  writeFileSync(path.join(cg, 'pids.current'), `${current}\n`);
  writeFileSync(path.join(cg, 'pids.events'), `max ${events}\n`);
  // Two CPUs, as on the VM: the need estimate is made only when the CPUs are known.
  mkdirSync(path.join(root, 'sys/devices/system/cpu'), { recursive: true });
  writeFileSync(path.join(root, 'sys/devices/system/cpu/online'), '0-1\n');
  const out = await runCgroups(ctxFor(new Host({ root, pid: 30178, uid: 0 })));
  return parsed(out.findings).filter((f) => f.classId === 'process-limit');
}

const need = taskNeeds(2).normal;

describe('pids cgroup: refusals counted before the limit was raised', () => {
  it.each([
    // [pids.max, pids.current, pids.events max, severity, the fix's text or none]
    ['8192', '20', '391', 'info', undefined],
    [String(20 + need), '20', '391', 'info', undefined],
    [String(20 + need - 1), '20', '391', 'warning', 'echo 8192 > '],
    ['40', '20', '1', 'warning', 'echo 8192 > '],
    // Tight by use at 8192 already: raised past it, never to the value it has.
    ['8192', '8000', '5', 'error', 'echo 16384 > '],
  ] as const)('pids.max %s, %s in use, %s refused: %s', async (max, current, events, severity, fixText) => {
    const [f, ...more] = await pidsFindingsWith(max, current, events);
    expect(more).toEqual([]);
    expect(f!.severity).toBe(severity);
    const write = f!.fixes.find((x) => x.id === 'cgroup-write-pids-max') as { text: string } | undefined;
    if (fixText === undefined) {
      expect(f!.fixes).toEqual([]);
      expect(f!.message).toMatch(new RegExp(`refused ${events} forks before .*the limit is now ${max}.*enough for gopls and a default go build here \\(about ${need}\\)`));
      expect(f!.evidence.map((e) => e.source)).toContain('estimate');
    } else {
      expect(write?.text.startsWith(fixText)).toBe(true);
      expect(write?.text).not.toBe(`echo ${max} > /sys/fs/cgroup/pids/gedoc-oom/pids.max`);
    }
  });
});
