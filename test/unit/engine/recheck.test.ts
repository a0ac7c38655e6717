// A re-check after a fix and a full run over the same findings rank identically: the pipeline runs
// stand-in probes whose findings change between the first run and the re-check, the re-check is
// merged into the first report, and the result is compared with a fresh full run of the new state.
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/host/host.js';
import { runDoctor } from '../../../src/engine/pipeline.js';
import { mergeRecheck } from '../../../src/engine/recheck.js';
import type { ClassId, FindingInput, Report } from '../../../src/doctor/model.js';
import type { Probe } from '../../../src/probes/probe.js';

const host = new Host({
  root: 'test/fixtures/hosts/noexec-gotmpdir',
  pid: 4242,
  uid: 1000,
  exec: async (file) => {
    throw new Error(`spawned ${file}`);
  },
});

function probe(id: string, classes: ClassId[], findings: FindingInput[]): Probe {
  return { id, title: id, classes, run: async () => ({ findings }) };
}

function finding(classId: ClassId, severity: 'error' | 'warning', confidence: number, extra: Partial<FindingInput> = {}): FindingInput {
  return { classId, severity, confidence, message: `${classId} ${severity} ${confidence}`, evidence: [{ source: 'test', excerpt: classId }], ...extra };
}

const run = (probes: Probe[]) => runDoctor({ host, probes, workspaces: [], env: { PATH: '' } });

/** Everything the ranking decides: order, scores, and the findings under each cause. */
function ranking(r: Report) {
  return r.causes.map((c) => ({ id: c.id, score: c.score, severity: c.severity, findings: c.findings.map((f) => `${f.probeId}: ${f.message}`), fixes: c.fixes.map((f) => f.id) }));
}

/** What the session did before: drop the class, append its re-checked cause, sort by score. */
function sortByScore(full: Report, recheck: Report, classId: ClassId): string[] {
  const causes = full.causes.filter((c) => c.id !== classId);
  const still = recheck.causes.find((c) => c.id === classId);
  if (still) causes.push(still);
  return causes.sort((a, b) => b.score - a.score).map((c) => c.id);
}

describe('a re-check merged into the report ranks as a full run does', () => {
  it('tie-break: a cause that drops to the same score as another is ordered by class, as in a full run', async () => {
    const modules = probe('modules', ['module-resolution'], [finding('module-resolution', 'warning', 0.5)]);
    const before = probe('gopls', ['gopls-launch'], [finding('gopls-launch', 'error', 0.9)]);
    const after = probe('gopls', ['gopls-launch'], [finding('gopls-launch', 'warning', 0.5)]);

    const first = await run([before, modules]);
    const recheck = await run([after]); // diagnose({ onlyClasses: ['gopls-launch'] }) selects just this probe
    const merged = mergeRecheck(first, recheck);
    const full = await run([after, modules]);

    expect(full.causes[0]!.score).toBe(full.causes[1]!.score);
    expect(ranking(merged)).toEqual(ranking(full));
    expect(merged.causes.map((c) => c.id)).toEqual(['gopls-launch', 'module-resolution']);
    // The old merge lost the tie-break.
    expect(sortByScore(first, recheck, 'gopls-launch')).not.toEqual(full.causes.map((c) => c.id));
  });

  it('explainer lift: a re-checked cause that explains another is lifted above it, as in a full run', async () => {
    const launch = probe('gopls', ['gopls-launch'], [finding('gopls-launch', 'error', 0.9)]);
    const envBefore = probe('login-shell', ['env-inheritance'], []);
    const envAfter = probe('login-shell', ['env-inheritance'], [finding('env-inheritance', 'error', 0.5, { explains: ['gopls-launch'] })]);

    const first = await run([launch, envBefore]);
    const recheck = await run([envAfter]);
    const merged = mergeRecheck(first, recheck);
    const full = await run([launch, envAfter]);

    expect(ranking(merged)).toEqual(ranking(full));
    expect(merged.causes.map((c) => c.id)).toEqual(['env-inheritance', 'gopls-launch']);
    expect(sortByScore(first, recheck, 'env-inheritance')).not.toEqual(full.causes.map((c) => c.id));
  });

  it('a probe that ran again replaces its findings of every class; the others keep theirs and their records', async () => {
    const mounts = probe('mounts', ['noexec-mount', 'fs-access'], [finding('noexec-mount', 'error', 0.97), finding('fs-access', 'warning', 0.4)]);
    const mountsFixed = probe('mounts', ['noexec-mount', 'fs-access'], []);
    const files = probe('file-access', ['fs-access'], [finding('fs-access', 'warning', 0.6)]);
    const limits = probe('process-limits', ['process-limit'], [finding('process-limit', 'warning', 0.3)]);

    const first = await run([mounts, files, limits]);
    const recheck = await run([mountsFixed, files]); // the probes that speak to noexec-mount or fs-access
    const merged = mergeRecheck(first, recheck);
    const full = await run([mountsFixed, files, limits]);

    expect(ranking(merged)).toEqual(ranking(full));
    expect(merged.causes.map((c) => c.id)).not.toContain('noexec-mount');
    expect(merged.probes.map((p) => [p.id, p.status])).toEqual(full.probes.map((p) => [p.id, p.status]));
    expect(merged.incomplete).toBe(false);
  });

  it('a probe that times out in the re-check keeps its findings: the cause is not called gone', async () => {
    const mounts = probe('mounts', ['noexec-mount'], [finding('noexec-mount', 'error', 0.9)]);
    const stuck: Probe = { id: 'mounts', title: 'mounts', classes: ['noexec-mount'], timeoutMs: 20, run: () => new Promise(() => undefined) };
    const first = await run([mounts]);
    const recheck = await run([stuck]);
    expect(recheck.probes[0]!.status).toBe('timeout');
    const merged = mergeRecheck(first, recheck);
    expect(merged.causes.map((c) => c.id)).toEqual(['noexec-mount']);
    expect(merged.probes.find((p) => p.id === 'mounts')!.status).toBe('timeout');
    expect(merged.incomplete).toBe(true);
  });
});
