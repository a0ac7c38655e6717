// The per-process rlimits (issue 11, latent limits): RLIMIT_AS (`ulimit -v`, a batch
// system's or a shell start-up file's) and RLIMIT_DATA (`ulimit -d`, which counts the Go heap).
// gopls dies under them at once with words that name no limit ("runtime: out of memory",
// "pthread_create failed: Resource temporarily unavailable"), and before the probe read these
// limits the doctor said "gopls cannot start" and offered to reinstall it. The limits here are
// fractions of the needs measured in src/probes/goNeeds.ts, on a small module (fmt's 62 packages)
// and a larger one (every public std package), not values tried until the product passed. Last,
// RLIMIT_FSIZE (`ulimit -f`), under which the linker cannot write its binary.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_SIZE_NEEDS, addressSpaceNeeds } from '../../src/probes/goNeeds.js';
import { GO, expectDiagnosis, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, writeBigModule, writeSmallModule } from './lib/harness.js';

const cpus = os.availableParallelism();

/**
 * Runs the rest of the command line with these soft and hard rlimits, in bytes, as a login would
 * set them. prlimit (util-linux) takes bytes; a shell's `ulimit -f` counts 512-byte blocks in dash
 * and 1024-byte ones in bash, a difference not worth a wrong scenario.
 */
function underRlimits(limits: Partial<Record<'as' | 'data' | 'fsize', number>>): string[] {
  return ['prlimit', ...Object.entries(limits).map(([res, bytes]) => `--${res}=${Math.floor(bytes)}:${Math.floor(bytes)}`), '--'];
}

async function moduleOf(size: 'small' | 'large', dir: string): Promise<string> {
  return size === 'small' ? writeSmallModule(path.join(dir, 'small')) : writeBigModule(path.join(dir, 'large'));
}

const limitsLine = /Max (address space|data size)\s+\d+/;

describe('fault: an address-space or data limit below what gopls needs to start', () => {
  const start = addressSpaceNeeds(cpus);
  for (const size of ['small', 'large'] as const) {
    for (const [flag, bytes, what] of [
      ['as', Math.round(start.goplsStart * 0.85), '85% of gopls start address space'],
      // Not lower: node itself (the doctor, like the editor) aborts with std::bad_alloc near 140 MB.
      ['data', Math.round(start.dataStart * 0.8), '80% of gopls start heap'],
    ] as const) {
      it(`${size} module, RLIMIT_${flag.toUpperCase()} at ${what}: memory-limit is the error first, naming the limit; gopls's death is explained by it and no reinstall is offered`, async () => {
        const dir = tempDir(`rlimit-${flag}-${size}`);
        try {
          const ws = await moduleOf(size, dir);
          const run = await runDoctorCli({ workspaces: [ws], env: userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') }), cwd: ws, wrap: underRlimits({ [flag]: bytes }), timeoutMs: 20_000 });
          console.log(`[rlimit ${flag} ${size}] ${bytes} B ${summarize(run)}${run.signal ? ` signal ${run.signal}: ${run.stderr.slice(-300)}` : ''}`);
          expectDiagnosis(run, ['memory-limit'], [limitsLine]);
          const [first, ...rest] = run.report!.causes;
          expect(first!.severity).toBe('error');
          const launch = rest.find((c) => c.id === 'gopls-launch');
          if (launch) {
            // gopls did die: a symptom the limit explains, after it, and no "install gopls" for a gopls the machine would not let run.
            for (const f of launch.findings.filter((x) => x.role === 'symptom')) expect(f.explainedBy ?? []).toContain('memory-limit');
            expect(JSON.stringify(launch.fixes)).not.toMatch(/go install golang\.org\/x\/tools\/gopls/);
          }
        } finally {
          removeTree(dir);
        }
      });
    }
  }
});

describe('fault: an address-space limit so low that node itself runs short', () => {
  // A tester's ulimit -v 1000000: node aborted ("Fatal process out of memory: Zone", exit 133/134)
  // in 2 runs of 3, before any report. The loader now starts itself again with a small heap and
  // one malloc arena. 800 MB and 1 GB, three runs each: every run a report, the limit named.
  for (const kb of [800_000, 1_000_000]) {
    it(`RLIMIT_AS at ${kb / 1000} MB: a report every time, memory-limit first`, async () => {
      const dir = tempDir(`rlimit-as-node-${kb}`);
      try {
        const ws = writeSmallModule(path.join(dir, 'small'));
        for (let i = 0; i < 3; i++) {
          const run = await runDoctorCli({ workspaces: [ws], env: userEnv({ XDG_CACHE_HOME: path.join(dir, `xdg-cache-${i}`) }), cwd: ws, wrap: underRlimits({ as: kb * 1024 }), timeoutMs: 20_000 });
          console.log(`[rlimit as ${kb} KiB, run ${i + 1}] ${summarize(run)}${run.signal ? ` signal ${run.signal}` : ''}${run.code !== 2 ? `: ${run.stderr.slice(-300)}` : ''}`);
          expectDiagnosis(run, ['memory-limit'], [limitsLine]);
          // The restart's own variables do not reach what the doctor runs or reports.
          expect(JSON.stringify(run.report)).not.toMatch(/GO_ENV_DOCTOR_SMALL_HEAP|MALLOC_ARENA_MAX/);
        }
      } finally {
        removeTree(dir);
      }
    });
  }
});

describe('fault: an address-space limit gopls starts under but will outgrow on a large module', () => {
  it('large module, RLIMIT_AS between gopls start and its need for the module: memory-limit first, a warning against the estimate, an error once gopls dies of it', async () => {
    const dir = tempDir('rlimit-v-latent');
    try {
      const ws = await moduleOf('large', dir);
      // The packages are counted the way the probe counts them, so the limit sits between the two needs it judges by.
      const need = addressSpaceNeeds(cpus, 300);
      const bytes = Math.round((need.goplsStart + need.gopls) / 2 + 0.1 * (need.gopls - need.goplsStart));
      const run = await runDoctorCli({ workspaces: [ws], env: userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') }), cwd: ws, wrap: underRlimits({ as: bytes }), timeoutMs: 20_000 });
      console.log(`[rlimit -v latent] ${bytes} B ${summarize(run)}`);
      expectDiagnosis(run, ['memory-limit'], [limitsLine]);
      const first = run.report!.causes[0]!;
      expect(JSON.stringify(first.findings)).toMatch(/and \d+ packages \(go list -deps/);
      // A warning before it bites; an error when the doctor's own gopls died of it during the run.
      const died = run.report!.causes.some((c) => c.id === 'gopls-launch' && c.findings.some((f) => f.role === 'symptom'));
      expect(first.severity).toBe(died ? 'error' : 'warning');
      if (died) expect(JSON.stringify(first.findings)).toMatch(/During this diagnosis the doctor's own gopls died under RLIMIT_AS/);
    } finally {
      removeTree(dir);
    }
  });
});

describe('fault: address-space and data limits that hold', () => {
  for (const size of ['small', 'large'] as const) {
    it(`${size} module, RLIMIT_AS and RLIMIT_DATA at twice the need for every public std package: no memory-limit cause, gopls answers`, async () => {
      const dir = tempDir(`rlimit-hold-${size}`);
      try {
        const ws = await moduleOf(size, dir);
        const need = addressSpaceNeeds(cpus, 400);
        const wrap = underRlimits({ as: 2 * need.gopls, data: 2 * need.data });
        const run = await runDoctorCli({ workspaces: [ws], env: userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') }), cwd: ws, wrap, timeoutMs: 20_000 });
        console.log(`[rlimit hold ${size}] ${summarize(run)}`);
        expect(run.report, summarize(run)).toBeDefined();
        expect(run.report!.causes.map((c) => c.id)).not.toContain('memory-limit');
        expect(run.report!.probes.find((p) => p.id === 'gopls')?.status).toBe('ok');
        // The limits were read and shown, not skipped.
        const observed = run.report!.probes.find((p) => p.id === 'process-limits')?.observed as { maxAddressSpace?: { soft: number } } | undefined;
        expect(observed?.maxAddressSpace?.soft).toBeGreaterThan(0);
      } finally {
        removeTree(dir);
      }
    });
  }
});

describe('fault: a file-size limit (ulimit -f) below what the linker writes', () => {
  // A judge's or a CI sandbox's RLIMIT_FSIZE. Measured sizes in src/probes/goNeeds.ts FILE_SIZE_NEEDS;
  // the limits are fractions of them: half of what a hello world's cold build writes (an error), and
  // half of the 48 MB that installing gopls and large test binaries need (a warning).
  for (const [fraction, severity] of [
    [0.5 * (FILE_SIZE_NEEDS.trivial / FILE_SIZE_NEEDS.normal), 'error'],
    [0.5, 'warning'],
  ] as const) {
    it(`RLIMIT_FSIZE at ${Math.round((fraction * FILE_SIZE_NEEDS.normal) / 1e5) / 10} MB: go build of a hello world with a cold cache ${severity === 'error' ? 'fails with "file too large"' : 'still works'}, and fs-access is the ${severity} first, naming the limit`, async () => {
      const dir = tempDir(`rlimit-f-${severity}`);
      try {
        const ws = writeSmallModule(path.join(dir, 'small'));
        const bytes = Math.round(fraction * FILE_SIZE_NEEDS.normal);
        const wrap = underRlimits({ fsize: bytes });
        // The symptom with the real toolchain first.
        const build = await runCmd(GO, ['build', '-o', path.join(dir, 'out'), '.'], { cwd: ws, env: userEnv({ GOCACHE: path.join(dir, 'gocache') }), wrap });
        if (severity === 'error') expect(build.stderr).toMatch(/file too large|File size limit exceeded/);
        else expect(build.code, build.stderr).toBe(0);
        const run = await runDoctorCli({ workspaces: [ws], env: userEnv({ XDG_CACHE_HOME: path.join(dir, 'xdg-cache') }), cwd: ws, wrap, timeoutMs: 20_000 });
        console.log(`[rlimit -f ${severity}] ${bytes} B ${summarize(run)}`);
        expectDiagnosis(run, ['fs-access'], [/Max file size\s+\d+/]);
        expect(run.report!.causes[0]!.severity).toBe(severity);
      } finally {
        removeTree(dir);
      }
    });
  }
});
