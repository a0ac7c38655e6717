// A probe's follow-up (gopls's type-check proof): the verdict goes out without it, marked pending;
// it lands later, replaces the probe's first outcome, and the causes are ranked again.
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/host/host.js';
import { runDoctor, type ProgressEvent } from '../../../src/engine/pipeline.js';
import type { Probe, ProbeOutcome } from '../../../src/probes/probe.js';

const host = new Host();
const fast: Probe = { id: 'fast', title: 'fast', classes: ['fs-access'], run: async () => ({ observed: { read: 1 } }) };
const problem = { classId: 'gopls-launch' as const, severity: 'error' as const, confidence: 0.9, message: 'gopls could not type-check main.go', evidence: [{ source: 'gopls', excerpt: 'no views' }], fixes: [] };

function withFollowUp(later: Promise<ProbeOutcome>, timeoutMs?: number): Probe {
  return { id: 'gopls', title: 'gopls', classes: ['gopls-launch'], timeoutMs, run: async () => ({ observed: { alive: true }, followUp: { title: 'type-check of main.go', outcome: later } }) };
}

describe('a follow-up', () => {
  it('the verdict comes first with it pending; the late result merges, re-ranks, and the returned report has it', async () => {
    let settle!: (o: ProbeOutcome) => void;
    const later = new Promise<ProbeOutcome>((r) => (settle = r));
    const events: ProgressEvent[] = [];
    const run = runDoctor({
      host,
      workspaces: [],
      probes: [withFollowUp(later), fast],
      onProgress: (e) => {
        events.push(e);
        // The proof settles only after the verdict was shown: the verdict cannot have waited for it.
        if (e.type === 'verdict') setTimeout(() => settle({ findings: [problem], observed: { alive: true, diagnosed: true } }), 20);
      },
    });
    const report = await run;
    const kinds = events.map((e) => e.type);
    expect(kinds.indexOf('verdict')).toBeLessThan(kinds.indexOf('lateResult'));
    const verdict = events.find((e) => e.type === 'verdict') as Extract<ProgressEvent, { type: 'verdict' }>;
    expect(verdict.report.probes[0]!.followUp).toEqual({ title: 'type-check of main.go', status: 'pending' });
    expect(verdict.report.causes).toEqual([]);
    const late = events.find((e) => e.type === 'lateResult') as Extract<ProgressEvent, { type: 'lateResult' }>;
    expect(late.record.followUp?.status).toBe('done');
    expect(late.report.causes[0]?.id).toBe('gopls-launch');
    expect(report.causes[0]?.findings[0]?.message).toBe('gopls could not type-check main.go');
    const p = report.probes.find((x) => x.id === 'gopls')!;
    expect(p).toMatchObject({ status: 'fail', observed: { diagnosed: true }, findingCount: 1 });
    expect(p.followUp?.durationMs).toBeGreaterThanOrEqual(p.durationMs);
    expect(report.verdictMs).toBeLessThanOrEqual(report.durationMs);
  });

  it('a follow-up that overruns the deadline keeps the first outcome and says it timed out', async () => {
    const report = await runDoctor({ host, workspaces: [], probes: [withFollowUp(new Promise(() => undefined), 200), fast] });
    const p = report.probes.find((x) => x.id === 'gopls')!;
    expect(p).toMatchObject({ status: 'ok', observed: { alive: true } });
    expect(p.followUp).toMatchObject({ status: 'timeout' });
    expect(p.followUp?.reason).toMatch(/deadline/);
    expect(report.incomplete).toBe(true);
  });

  it('a follow-up that throws is recorded as crashed; the first outcome stands', async () => {
    const report = await runDoctor({ host, workspaces: [], probes: [withFollowUp(Promise.reject(new Error('session broke')))] });
    expect(report.probes[0]!.status).toBe('ok');
    expect(report.probes[0]!.followUp).toMatchObject({ status: 'crashed', reason: 'Error: session broke' });
  });

  it('without follow-ups the verdict event carries the final report once', async () => {
    const events: ProgressEvent[] = [];
    const report = await runDoctor({ host, workspaces: [], probes: [fast], onProgress: (e) => events.push(e) });
    const verdicts = events.filter((e) => e.type === 'verdict');
    expect(verdicts).toHaveLength(1);
    expect((verdicts[0] as Extract<ProgressEvent, { type: 'verdict' }>).report).toBe(report);
    expect(events.some((e) => e.type === 'lateResult')).toBe(false);
  });
});
