// Limits judged during and ahead of the run (issue 11). The same faults as 30 and 35, with the
// conditions varied rather than tuned: a memory limit under which the doctor's own gopls is
// OOM-killed during the diagnosis, one under which it is not, and a pids limit that is tight but
// not exhausted; each on a small module (fmt's 62 packages) and a larger one (every public std
// package, 317). The limits come from the measured needs in src/probes/goNeeds.ts, not from trial.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GOPLS, expectDiagnosis, inCgroup, makeCgroup, removeCgroupVerified, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, writeBigModule, writeSmallModule } from './lib/harness.js';

const MiB = 1024 * 1024;

function oomKills(text: string): number {
  return Number(/^oom_kill (\d+)/m.exec(text)?.[1] ?? NaN);
}

async function moduleOf(size: 'small' | 'large', dir: string): Promise<string> {
  return size === 'small' ? writeSmallModule(path.join(dir, 'small')) : writeBigModule(path.join(dir, 'large'));
}

describe('fault: memory limit hit by the diagnosis itself', () => {
  // gopls's cold first load needs ~356 MB (small) / ~770 MB (large); node ~70 MB. Half the cold
  // need leaves gopls, the largest process, to the OOM killer.
  // One limit for both sizes, half the small module's cold need: gopls reaches it early in any load.
  for (const [size, limitMb] of [
    ['small', 180],
    ['large', 180],
  ] as const) {
    it(`${size} module, ${limitMb} MiB, cold gopls cache: the report survives the OOM killer, memory-limit comes first, and is an error when the doctor's gopls was killed during the run`, async () => {
      const dir = tempDir(`mem-kill-${size}`);
      const ws = await moduleOf(size, dir);
      const cg = makeCgroup('memory', `kill-${size}`);
      try {
        cg.write('memory.limit_in_bytes', String(limitMb * MiB));
        const before = oomKills(cg.read('memory.oom_control'));
        const env = userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') });
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: inCgroup(cg.dir), timeoutMs: 20_000 });
        const after = oomKills(cg.read('memory.oom_control'));
        console.log(`[mem-kill ${size}] limit=${limitMb}MiB oom_kill ${before}→${after} ${summarize(run)}`);
        // The doctor's children are the OOM killer's first choice (host/oomFirst.ts), so a report
        // comes whether or not gopls's load reached the limit before its probe ended (the fast
        // verdict often ends it first: then nothing is killed and the limit is a warning).
        expectDiagnosis(run, ['memory-limit'], [path.basename(cg.dir)]);
        const first = run.report!.causes[0]!;
        expect(first.severity).toBe(after > before ? 'error' : 'warning');
        // The evidence of a kill is the counter's rise during this run, read by the after-run
        // phase, or the gopls probe seeing its gopls die with the cgroup's count already up.
        if (after > before) expect(JSON.stringify(first.findings)).toMatch(/oom_kill \d+ → \d+ during this run|OOM killer has killed/);
        // A SIGKILLed gopls is reported as a symptom explained by the limit, never above it.
        const launch = run.report!.causes.findIndex((c) => c.id === 'gopls-launch');
        if (launch >= 0) expect(launch).toBeGreaterThan(0);
      } finally {
        await removeCgroupVerified(cg);
        removeTree(dir);
      }
      expect(existsSync(cg.dir)).toBe(false);
    });
  }
});

describe('fault: memory limit that gopls may or may not reach before the probe ends', () => {
  // Half the large module's cold need: gopls's first load of 317 packages outgrows it, but the
  // gopls probe waits for diagnostics only so long (measured: it ended before the load reached
  // 380 MiB, so nothing was killed). Either way memory-limit comes first: an error when the
  // OOM killer acted during the run, a warning against the estimated need when it did not.
  it('large module, 380 MiB, cold gopls cache: memory-limit first; an error exactly when oom_kill rose', async () => {
    const dir = tempDir('mem-maybe-large');
    const ws = await moduleOf('large', dir);
    const cg = makeCgroup('memory', 'maybe-large');
    try {
      cg.write('memory.limit_in_bytes', String(380 * MiB));
      const before = oomKills(cg.read('memory.oom_control'));
      const env = userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') });
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: inCgroup(cg.dir), timeoutMs: 20_000 });
      const after = oomKills(cg.read('memory.oom_control'));
      console.log(`[mem-maybe large] limit=380MiB oom_kill ${before}→${after} ${summarize(run)}`);
      expectDiagnosis(run, ['memory-limit'], [path.basename(cg.dir)]);
      expect(run.report!.causes[0]!.severity).toBe(after > before ? 'error' : 'warning');
    } finally {
      await removeCgroupVerified(cg);
      removeTree(dir);
    }
    expect(existsSync(cg.dir)).toBe(false);
  });
});

describe('fault: memory limit that holds during the run', () => {
  // Between gopls's warm need (59 / 133 MB) and its cold need (356 / 770 MB): with the user's warm
  // cache nothing is killed, but a first load (new workspace, cleared cache) would be.
  for (const [size, limitMb] of [
    ['small', 300],
    ['large', 600],
  ] as const) {
    it(`${size} module, ${limitMb} MiB, warm gopls cache: nothing is killed, and the limit is a warning against the estimated need`, async () => {
      const dir = tempDir(`mem-hold-${size}`);
      const ws = await moduleOf(size, dir);
      // Warm the user's gopls cache for this module outside the cgroup first.
      await runCmd(GOPLS, ['check', path.join(ws, size === 'small' ? 'main.go' : 'big.go')], { cwd: ws, env: userEnv() });
      const cg = makeCgroup('memory', `hold-${size}`);
      try {
        cg.write('memory.limit_in_bytes', String(limitMb * MiB));
        const before = oomKills(cg.read('memory.oom_control'));
        const run = await runDoctorCli({ workspaces: [ws], env: userEnv(), cwd: ws, wrap: inCgroup(cg.dir), timeoutMs: 20_000 });
        const after = oomKills(cg.read('memory.oom_control'));
        console.log(`[mem-hold ${size}] limit=${limitMb}MiB oom_kill ${before}→${after} ${summarize(run)}`);
        expect(after, 'nothing was OOM-killed').toBe(before);
        expectDiagnosis(run, ['memory-limit'], [path.basename(cg.dir)]);
        const first = run.report!.causes[0]!;
        expect(first.severity).toBe('warning');
        expect(JSON.stringify(first.findings)).toMatch(/estimated from \d+ packages/);
        expect(run.report!.causes.some((c) => c.severity === 'error'), 'no error-severity cause').toBe(false);
      } finally {
        await removeCgroupVerified(cg);
        removeTree(dir);
      }
      expect(existsSync(cg.dir)).toBe(false);
    });
  }
});

describe("fault: the doctor in a pids cgroup with room for a build: its own tasks are not in use", () => {
  // A tester's fresh cgroup read "15 of its 15 tasks", every one the doctor's. Here pids.max 48 holds
  // gopls and a default build (about 36 on 2 CPUs) beside nothing else; the doctor's own ~25 tasks
  // (node's threads, its go commands, its gopls) are left out, as process-limits leaves them out of RLIMIT_NPROC.
  it('small module, pids.max 48: no process-limit cause before the run', async () => {
    const dir = tempDir('pids-own');
    const ws = await moduleOf('small', dir);
    const cg = makeCgroup('pids', 'own');
    try {
      cg.write('pids.max', '48');
      const run = await runDoctorCli({ workspaces: [ws], env: userEnv(), cwd: ws, wrap: inCgroup(cg.dir), timeoutMs: 15_000 });
      const refused = cg.read('pids.events');
      console.log(`[pids-own] pids.max=48 events=${refused.trim()} ${summarize(run)}`);
      expect(run.report, summarize(run)).toBeDefined();
      // Only where nothing was refused during the run is nothing to say (else after-run says it bit).
      if (/^max 0/m.test(refused)) expect(run.report!.causes.filter((c) => c.id === 'process-limit').map((c) => c.findings.map((f) => f.message)).flat()).toEqual([]);
    } finally {
      await removeCgroupVerified(cg);
      removeTree(dir);
    }
    expect(existsSync(cg.dir)).toBe(false);
  });
});

describe('fault: pids limit tight but not exhausted', () => {
  // The case: pids.max 40 with a gopls of the user inside. The doctor runs outside (an
  // editor in another scope) and finds the gopls's cgroup; nothing is refused.
  for (const size of ['small', 'large'] as const) {
    it(`${size} module: a gopls in a pids cgroup of 40 gives a process-limit warning before anything is refused`, async () => {
      const dir = tempDir(`pids-tight-${size}`);
      const ws = await moduleOf(size, dir);
      const cg = makeCgroup('pids', `tight-${size}`);
      let server: ReturnType<typeof spawn> | undefined;
      const stop = () => {
        try {
          if (server?.pid) process.kill(-server.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      };
      try {
        cg.write('pids.max', '40');
        // An idle gopls server, as an editor keeps one (stdin open): it holds its threads in the cgroup.
        const argv = [...inCgroup(cg.dir), GOPLS, 'serve'];
        server = spawn(argv[0]!, argv.slice(1), { cwd: ws, env: userEnv(), detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
        for (let i = 0; i < 50 && Number(cg.read('pids.current')) < 3; i++) await new Promise((r) => setTimeout(r, 100));
        const inUse = Number(cg.read('pids.current'));
        const run = await runDoctorCli({ workspaces: [ws], env: userEnv(), cwd: ws, timeoutMs: 15_000 });
        const refused = cg.read('pids.events');
        console.log(`[pids-tight ${size}] pids.max=40 current=${inUse} events=${refused.trim()} ${summarize(run)}`);
        expect(inUse).toBeGreaterThan(2);
        expect(refused).toMatch(/^max 0/m);
        expectDiagnosis(run, ['process-limit'], [path.basename(cg.dir)]);
        expect(run.report!.causes[0]!.severity).toBe('warning');
      } finally {
        stop();
        await removeCgroupVerified(cg);
        removeTree(dir);
      }
      expect(existsSync(cg.dir)).toBe(false);
    });
  }
});
