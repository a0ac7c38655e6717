// RLIMIT_NPROC (`ulimit -u`, a shared host's or an HPC login's), the issue-11 way: the limit counts
// every thread of the user, so it is judged against what go build and gopls will need here
// (src/probes/goNeeds.ts taskNeeds) beside what the user already runs. Root is exempt, so the user
// here is nobody, whose only tasks are ours. Before this scenario, gopls's view error
// ("failed to load view …: fork/exec …/go: resource temporarily unavailable") was a module-resolution
// error ranked above the limit that caused it; now it is a symptom the limit explains, and the
// limit is an error once it bit during the run. The limits are fractions of the measured needs, on
// a small and a large module. The doctor's own threads are not "in use" (they are gone before the
// user's next build), and under a limit this tight it runs with one libuv thread instead of
// aborting (exit 134 and no report at RLIMIT_NPROC 10, measured before src/host/taskHeadroom.ts).
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskNeeds } from '../../src/probes/goNeeds.js';
import { renderText } from '../../src/render/text.js';
import { verdictOf } from '../../src/render/summary.js';
import { ReportSchema } from '../../src/doctor/model.js';
import { GO, NOBODY, asUser, chownTree, expectDiagnosis, makeHome, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnvFor, writeBigModule, writeSmallModule } from './lib/harness.js';

const cpus = os.availableParallelism();
const needs = taskNeeds(cpus);
const underNproc = (n: number) => ['prlimit', `--nproc=${n}:${n}`, '--', ...asUser(NOBODY)];
const limitsLine = /Max processes\s+\d+/;

async function setUp(size: 'small' | 'large', what: string) {
  const dir = tempDir(`nproc-${what}-${size}`);
  const ws = size === 'small' ? writeSmallModule(path.join(dir, 'ws')) : await writeBigModule(path.join(dir, 'ws'));
  const home = makeHome(path.join(dir, 'home'));
  chownTree(dir, NOBODY);
  return { dir, ws, env: userEnvFor(home, 'nobody') };
}

describe('fault: RLIMIT_NPROC below what a trivial build needs', () => {
  const n = Math.floor(needs.trivial * 0.75);
  for (const size of ['small', 'large'] as const) {
    it(`${size} module, nobody with RLIMIT_NPROC ${n} (75% of a trivial build's ${needs.trivial}): a report, not an abort; process-limit is the error first, naming the limit; gopls's failures are symptoms it explains`, async () => {
      const { dir, ws, env } = await setUp(size, 'low');
      try {
        if (size === 'large') {
          // The symptom with the real toolchain, under the same limit without the doctor beside it.
          const build = await runCmd(GO, ['build', '-o', path.join(dir, 'out'), '.'], { cwd: ws, env, wrap: underNproc(n) });
          expect(build.stderr).toMatch(/failed to create new OS thread|resource temporarily unavailable/);
        }
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: underNproc(n), timeoutMs: 20_000 });
        console.log(`[nproc ${n} ${size}] ${summarize(run)}`);
        expectDiagnosis(run, ['process-limit'], [limitsLine]);
        expect(run.report!.causes[0]!.severity).toBe('error');
        for (const c of run.report!.causes.slice(1)) for (const f of c.findings.filter((x) => x.role === 'symptom' && /temporarily unavailable|OS thread|EAGAIN/.test(JSON.stringify(x)))) expect(f.explainedBy ?? []).toContain('process-limit');
        // What the user reads: a class made only of what the limit did says it follows from it, and
        // the verdict does not count it as a problem of its own.
        const report = ReportSchema.parse(JSON.parse(run.stdout));
        const text = renderText(report, { color: false });
        const consequences = report.causes.slice(1).filter((c) => c.findings.every((f) => f.role === 'symptom' && (f.explainedBy ?? []).includes('process-limit')));
        for (const c of consequences) expect(text).toMatch(new RegExp(`${report.causes.indexOf(c) + 1}\\. [^\\n]*\\[${c.id}, [^\\n]*\\n    Follows from 1 \\(process-limit\\)`));
        expect(text.match(/Follows from 1 \(process-limit\)/g)?.length ?? 0).toBe(consequences.length);
        expect(verdictOf(report).consequences).toBe(consequences.filter((c) => c.severity !== 'info').length);
      } finally {
        removeTree(dir);
      }
    });
  }
});

describe('fault: RLIMIT_NPROC with room for a build but not for gopls beside it', () => {
  const n = Math.round((needs.trivial + needs.normal) / 2);
  for (const size of ['small', 'large'] as const) {
    it(`${size} module, nobody with RLIMIT_NPROC ${n}: process-limit first, a warning against the estimate, an error exactly when the doctor's own go or gopls was refused a thread during the run`, async () => {
      const { dir, ws, env } = await setUp(size, 'tight');
      try {
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: underNproc(n), timeoutMs: 20_000 });
        console.log(`[nproc ${n} ${size}] ${summarize(run)}`);
        expectDiagnosis(run, ['process-limit'], [limitsLine]);
        const first = run.report!.causes[0]!;
        const text = JSON.stringify(first.findings);
        expect(text).toMatch(/gopls and a default go build \(-p \d+\) need about \d+/);
        const bit = /During this diagnosis the task limit of this user \(RLIMIT_NPROC\) bit/.test(text);
        expect(first.severity).toBe(bit ? 'error' : 'warning');
        // No other cause outranks it: whatever failed under it is its symptom.
        for (const c of run.report!.causes.slice(1)) expect(c.findings.every((f) => f.role === 'symptom' || f.severity !== 'error'), `${c.id} holds an error cause`).toBe(true);
      } finally {
        removeTree(dir);
      }
    });
  }
});

describe('fault: RLIMIT_NPROC with room', () => {
  it('large module, nobody with RLIMIT_NPROC at three times what gopls and a build need: no process-limit cause, gopls answers', async () => {
    const n = 3 * needs.normal;
    const { dir, ws, env } = await setUp('large', 'hold');
    try {
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: underNproc(n), timeoutMs: 20_000 });
      console.log(`[nproc ${n} hold] ${summarize(run)}`);
      expect(run.report, summarize(run)).toBeDefined();
      expect(run.report!.causes.map((c) => c.id)).not.toContain('process-limit');
      expect(run.report!.probes.find((p) => p.id === 'gopls')?.status).toBe('ok');
    } finally {
      removeTree(dir);
    }
  });
});
