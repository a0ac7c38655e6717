// The kernel-limit probes on this very machine: a healthy host gives no error, and a real
// inotify holder that this test starts is found among the holders with its watches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { makeCtx } from '../support/probeContext.js';
import type { ProbeContext } from '../../src/probes/probe.js';
import { FindingSchema } from '../../src/doctor/model.js';
import { inotifyProbe } from '../../src/probes/inotify.js';
import { cgroupsProbe } from '../../src/probes/cgroups.js';
import { processLimitsProbe } from '../../src/probes/processLimits.js';

const WATCHED_DIRS = 25;

function liveCtx(): ProbeContext {
  return makeCtx({ host: new Host(), env: process.env, workspaces: [process.cwd()] });
}

let holder: ChildProcess | undefined;
let tmp = '';

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'inotify-holder-'));
  for (let i = 0; i < WATCHED_DIRS; i++) mkdirSync(path.join(tmp, `d${i}`));
  // A separate process, so the count has to come from /proc/<its pid>/fdinfo, not from us.
  holder = spawn(
    process.execPath,
    ['-e', `const fs=require('fs');for(const d of fs.readdirSync(process.argv[1]))fs.watch(require('path').join(process.argv[1],d),()=>{});console.log('ready');setInterval(()=>{},1e6)`, tmp],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    holder!.once('error', reject);
    holder!.stdout!.on('data', (b: Buffer) => b.toString().includes('ready') && resolve());
  });
});

afterAll(() => {
  if (holder?.pid) holder.kill('SIGKILL');
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('kernel-limit probes on this machine', () => {
  for (const probe of [inotifyProbe, cgroupsProbe, processLimitsProbe]) {
    it(`${probe.id}: ok or warn, never an error on a healthy host, and says what it read`, async () => {
      const out = await probe.run(liveCtx());
      const findings = (out.findings ?? []).map((f) => FindingSchema.parse(f));
      expect(out.status ?? 'ok').not.toBe('skipped');
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(Object.keys(out.observed ?? {}).length).toBeGreaterThan(3);
      for (const f of findings) expect(f.evidence.length).toBeGreaterThan(0);
    });
  }

  it('inotify: the holder process started here is among the holders with at least its watches', async () => {
    const out = await inotifyProbe.run(liveCtx());
    const observed = out.observed as { watchesInUse: number; topHolders: Array<{ pid: number; watches: number; instances: number }> };
    const mine = observed.topHolders.find((h) => h.pid === holder!.pid);
    // topHolders keeps the five largest; on this VM the holder is one of them.
    expect(mine).toBeDefined();
    expect(mine!.watches).toBeGreaterThanOrEqual(WATCHED_DIRS);
    expect(mine!.instances).toBeGreaterThanOrEqual(1);
    expect(observed.watchesInUse).toBeGreaterThanOrEqual(WATCHED_DIRS);
  });

  it('cgroups: finds this process’s memory cgroup directory and reads it', async () => {
    const out = await cgroupsProbe.run(liveCtx());
    const memory = (out.observed as { memory: Array<{ cgroup: string; pids: number[] }> }).memory;
    expect(memory.find((m) => m.pids.includes(process.pid))?.cgroup).toMatch(/^\/sys\/fs\/cgroup/);
  });
});
