// process-limit: a cgroup v1 pids controller child (this machine's cgroups are hybrid) with a small
// pids.max; go build and the doctor both run inside it, as they would in a limited systemd scope.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, writeBigModule, expectDiagnosis, inCgroup, makeCgroup, removeCgroupVerified, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, writeSmallModule } from './lib/harness.js';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Node needs about a dozen tasks to start; a parallel build of the whole standard library (-p 8,
 * empty cache) forks far more (measured: pids.events max > 100 at 24).
 */
const PIDS_MAX = 24;

/**
 * Both scenarios start the same way: a pids cgroup at PIDS_MAX, a small workspace for the doctor,
 * and a parallel build of the big module inside the cgroup that the limit must refuse.
 */
async function buildRefusedUnderPids(name: string) {
  const dir = tempDir(name);
  const ws = writeSmallModule(path.join(dir, 'ws'));
  const cg = makeCgroup('pids', name);
  try {
    cg.write('pids.max', String(PIDS_MAX));
    // An empty GOCACHE, so the build really compiles (and forks) instead of reading the cache.
    const env = userEnv({ GOCACHE: path.join(dir, 'gocache') });
    const big = await writeBigModule(path.join(dir, 'big'));
    const build = () => runCmd(GO, ['build', '-p', '8', '-o', '/dev/null', '.'], { cwd: big, env, wrap: inCgroup(cg.dir), keepBytes: 256 * 1024 });
    const sym = await build();
    expect(sym.code).not.toBe(0);
    return { dir, ws, cg, env, build, sym };
  } catch (e) {
    // The scenario's finally never runs when set-up fails: leave no cgroup behind.
    await removeCgroupVerified(cg);
    removeTree(dir);
    throw e;
  }
}

describe('fault: pids cgroup limit', () => {
  it('go build fails with "resource temporarily unavailable" and the doctor names process-limit and the cgroup', async () => {
    const { dir, ws, cg, env, sym } = await buildRefusedUnderPids('pids');
    try {
      expect(sym.stdout + sym.stderr).toMatch(/fork\/exec \S+: resource temporarily unavailable|failed to create new OS thread \(have \d+ already; errno=11\)/);
      expect(cg.read('pids.events')).toMatch(/^max [1-9]\d*/);

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: inCgroup(cg.dir) });
      console.log(`[process-limit] pids.max=${PIDS_MAX} ${summarize(run)}`);
      expectDiagnosis(run, ['process-limit'], [path.basename(cg.dir), /pids\.(max|events|current)/]);
      // A probe whose own command the limit refused checked nothing: it must not say "ok" (a
      // tester's pids.max 15: go-tools, login-shell and mac-policy ok beside their EAGAIN).
      const report = run.report as NonNullable<typeof run.report> & { tools?: Array<{ name: string; error?: string }> };
      for (const p of report.probes) if (/\bEAGAIN\b|errno=11/.test(JSON.stringify(p.observed ?? {}))) expect(p.status, `${p.id}: ${JSON.stringify(p.observed)}`).not.toBe('ok');
      if (report.tools?.some((t) => /\bEAGAIN\b|errno=11/.test(t.error ?? ''))) expect(report.probes.find((p) => p.id === 'go-tools')?.status).not.toBe('ok');
    } finally {
      await removeCgroupVerified(cg);
      removeTree(dir);
    }
    expect(existsSync(cg.dir)).toBe(false);
    expect(readFileSync('/proc/self/cgroup', 'utf8')).not.toContain(path.basename(cg.dir));
  });
});

// A tester's S7: after the offered `echo 8192 > …/pids.max` had made builds work, every later run
// still warned of the refusals pids.events max had counted before (it only grows) and offered to
// "raise" pids.max to the 8192 it already was. The fix is applied here exactly as printed.
describe('fault: pids cgroup limit, raised with the offered fix', () => {
  it('the printed fix makes go build work, and the next run calls the old refusals history: no warning, no fix to the value in force', async () => {
    const { dir, ws, cg, env, build: buildBig } = await buildRefusedUnderPids('pids-fixed');
    try {
      const refused = Number(/^max (\d+)/.exec(cg.read('pids.events'))?.[1]);
      expect(refused).toBeGreaterThan(0);

      const before = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: inCgroup(cg.dir) });
      console.log(`[pids fixed, before] ${summarize(before)}`);
      const fix = before.report!.causes.flatMap((c) => c.fixes).find((f) => f.id === 'cgroup-write-pids-max') as { text?: string } | undefined;
      expect(fix?.text, summarize(before)).toBe(`echo 8192 > ${path.join(cg.dir, 'pids.max')}`);
      // Typed as printed, by a root shell.
      const applied = await runCmd('/bin/sh', ['-c', fix!.text!], { env });
      expect(applied.code, applied.stderr).toBe(0);
      expect(cg.read('pids.max').trim()).toBe('8192');
      const build = await buildBig();
      expect(build.code, build.stderr.slice(-2000)).toBe(0);

      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: inCgroup(cg.dir) });
      console.log(`[pids fixed, after] ${summarize(after)}`);
      const limits = after.report!.causes.find((c) => c.id === 'process-limit');
      // At most the information that forks were refused before, never a warning or a fix.
      if (limits) {
        expect(limits.severity, summarize(after)).toBe('info');
        expect(limits.findings.map((f) => f.message).join('\n')).toMatch(/refused \d+ forks? before .*the limit is now 8192/);
        expect(limits.fixes.map((f) => f.id)).not.toContain('cgroup-write-pids-max');
      }
      for (const c of after.report!.causes) for (const f of c.fixes as Array<{ text?: string }>) expect(f.text ?? '').not.toBe(`echo 8192 > ${path.join(cg.dir, 'pids.max')}`);
    } finally {
      await removeCgroupVerified(cg);
      removeTree(dir);
    }
    expect(existsSync(cg.dir)).toBe(false);
  });
});
