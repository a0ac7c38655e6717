// RLIMIT_NOFILE (`ulimit -n`, a container runtime's or a service manager's LimitNOFILE), the
// issue-11 way: judged against what go build and gopls keep open on this machine
// (src/probes/goNeeds.ts openFileNeeds), not against what is open now. Before this scenario the
// doctor itself died under such a limit: execa threw "subprocess.stdio is not iterable" when node
// could not make a child's pipes, and node's EMFILE 'error' event then reached nobody
// (src/host/spawnGuard.ts). The limits are fractions of the measured need, on a small module and
// on one importing every public std package, as prlimit sets them for the doctor and all it runs.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileNeeds } from '../../src/probes/goNeeds.js';
import { GO, expectDiagnosis, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, writeBigModule, writeSmallModule } from './lib/harness.js';

const cpus = os.availableParallelism();
const needs = openFileNeeds(cpus);
const underNofile = (n: number) => ['prlimit', `--nofile=${n}:${n}`, '--'];
const limitsLine = /Max open files\s+\d+/;

async function moduleOf(size: 'small' | 'large', dir: string): Promise<string> {
  return size === 'small' ? writeSmallModule(path.join(dir, 'small')) : writeBigModule(path.join(dir, 'large'));
}

describe('fault: an open-files limit below what go build and gopls keep open', () => {
  // Not much lower: node itself (the doctor, like the editor) needs about 20 descriptors to start.
  const n = Math.max(21, Math.floor(needs.need * 0.75));
  for (const size of ['small', 'large'] as const) {
    it(`${size} module, RLIMIT_NOFILE ${n} (75% of the ${needs.need} measured for ${cpus} CPUs): the doctor reports, process-limit is the error first naming the limit, and a go or gopls it could not start is a symptom of it`, async () => {
      const dir = tempDir(`nofile-low-${size}`);
      try {
        const ws = await moduleOf(size, dir);
        if (size === 'large') {
          // The symptom with the real toolchain: a cold build at the default -p runs out of descriptors
          // when cgo's gcc pipes (net, os/user) open while another compile holds its own: timing
          // decides. It did in every run here (7 of 7, quiet and under load) but not in one CI run
          // of seven, whose build printed nothing. So up to three cold builds, each with a cache of
          // its own; one of them must fail so.
          const builds: string[] = [];
          for (let i = 0; i < 3 && !builds.some((e) => /too many open files/.test(e)); i++) {
            const build = await runCmd(GO, ['build', '-o', path.join(dir, 'out'), '.'], { cwd: ws, env: userEnv({ GOCACHE: path.join(dir, `gocache-${i}`) }), wrap: underNofile(n) });
            builds.push(build.stderr);
          }
          expect(builds.at(-1)).toMatch(/too many open files/);
        }
        const run = await runDoctorCli({ workspaces: [ws], env: userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') }), cwd: ws, wrap: underNofile(n), timeoutMs: 20_000 });
        console.log(`[nofile ${n} ${size}] ${summarize(run)}${run.signal ? ` signal ${run.signal}` : ''}`);
        expect(run.stderr).not.toMatch(/Unhandled 'error' event|is not iterable/);
        expectDiagnosis(run, ['process-limit'], [limitsLine]);
        expect(run.report!.causes[0]!.severity).toBe('error');
        for (const c of run.report!.causes.filter((x) => x.id === 'gopls-launch')) {
          // A spawn refused for want of descriptors says nothing about go or gopls: no reinstall.
          for (const f of c.findings.filter((x) => /EMFILE|ENFILE/.test(x.message))) {
            expect(f.role).toBe('symptom');
            expect(f.explainedBy ?? []).toContain('process-limit');
          }
          expect(JSON.stringify(c.fixes)).not.toMatch(/go install golang\.org\/x\/tools\/gopls|Download and install Go/);
        }
      } finally {
        removeTree(dir);
      }
    });
  }
});

describe('fault: an open-files limit so low that the doctor itself runs short', () => {
  // 20, hard: node starts, and then the probes' own pipes and reads take every descriptor. The
  // process-limits probe's read of /proc/self/limits failed even after waiting, so the text report
  // led with "gopls cannot start" and called the nofile check "checked, nothing found" (found by
  // a tester as a non-root user, 4 runs of 5; the limits are now read once at start as well).
  it('small module, RLIMIT_NOFILE 20, text report: the limit is still read, and it is the first cause', async () => {
    const dir = tempDir('nofile-20');
    try {
      const ws = await moduleOf('small', dir);
      // Who gets the last descriptors is timing: by hand the old read failed in 1 to 4 runs of 5,
      // but under this harness it did not fail once in 5 (checked with the start-up reading taken
      // out), so this end-to-end check does not pin the fallback: the unit test in
      // test/unit/limits/processLimits.test.ts does, with the read refused on purpose.
      for (let i = 0; i < 5; i++) {
        const run = await runDoctorCli({ workspaces: [ws], env: userEnv({ XDG_CACHE_HOME: path.join(dir, `xdg-cache-${i}`), NO_COLOR: '1' }), cwd: ws, wrap: underNofile(20), timeoutMs: 20_000, format: 'text' });
        console.log(`[nofile 20 text, run ${i + 1}] exit ${run.code}\n${run.stdout.split('\n').filter((l) => /^[✗!] \d|process-limits/.test(l)).join('\n')}`);
        const first = run.stdout.split('\n').find((l) => /^[✗!] 1\./.test(l));
        expect(first).toMatch(/\[process-limit, error/);
        expect(run.stdout).toMatch(/Max open files is 20 \(RLIMIT_NOFILE, hard\)/);
        expect(run.stdout).not.toMatch(/✓ ok\s+process-limits/);
      }
    } finally {
      removeTree(dir);
    }
  });
});

describe('fault: an open-files limit that holds now but leaves no headroom', () => {
  const n = Math.round(needs.need * 1.5);
  for (const size of ['small', 'large'] as const) {
    it(`${size} module, RLIMIT_NOFILE ${n} (1.5 × the need): the build works and gopls answers, process-limit is a warning first against the estimate`, async () => {
      const dir = tempDir(`nofile-tight-${size}`);
      try {
        const ws = await moduleOf(size, dir);
        const build = await runCmd(GO, ['build', '-o', path.join(dir, 'out'), '.'], { cwd: ws, env: userEnv({ GOCACHE: path.join(dir, 'gocache') }), wrap: underNofile(n) });
        expect(build.code, build.stderr).toBe(0);
        const run = await runDoctorCli({ workspaces: [ws], env: userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') }), cwd: ws, wrap: underNofile(n), timeoutMs: 20_000 });
        console.log(`[nofile ${n} ${size}] ${summarize(run)}`);
        expectDiagnosis(run, ['process-limit'], [limitsLine]);
        const first = run.report!.causes[0]!;
        expect(first.severity).toBe('warning');
        expect(JSON.stringify(first.findings)).toMatch(/measured here by bisecting prlimit --nofile/i);
        expect(run.report!.probes.find((p) => p.id === 'gopls')?.status).toBe('ok');
      } finally {
        removeTree(dir);
      }
    });
  }
});

describe('fault: an open-files limit with room', () => {
  it(`large module, RLIMIT_NOFILE ${needs.headroom * 2}: no process-limit cause, the limit read and shown`, async () => {
    const dir = tempDir('nofile-hold');
    try {
      const ws = await moduleOf('large', dir);
      const run = await runDoctorCli({ workspaces: [ws], env: userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') }), cwd: ws, wrap: underNofile(needs.headroom * 2), timeoutMs: 20_000 });
      console.log(`[nofile hold] ${summarize(run)}`);
      expect(run.report, summarize(run)).toBeDefined();
      expect(run.report!.causes.map((c) => c.id)).not.toContain('process-limit');
      const observed = run.report!.probes.find((p) => p.id === 'process-limits')?.observed as { maxOpenFiles?: { hard: number } } | undefined;
      expect(observed?.maxOpenFiles?.hard).toBe(needs.headroom * 2);
    } finally {
      removeTree(dir);
    }
  });
});
