import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { Host } from '../../../src/host/host.js';
import { runDoctor, type ProgressEvent } from '../../../src/engine/pipeline.js';
import type { Probe } from '../../../src/probes/probe.js';

const host = new Host();

function probe(id: string, run: Probe['run'], timeoutMs?: number): Probe {
  return { id, title: id, classes: ['fs-access'], timeoutMs, run };
}

/** Pids of live processes whose command line contains the marker. */
function processesWith(marker: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(marker)) out.push(Number(name));
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

describe('runDoctor', () => {
  it('turns a throw into a crashed record and keeps the other probes', async () => {
    const report = await runDoctor({
      host,
      workspaces: ['/x'],
      probes: [
        probe('boom', async () => {
          throw new TypeError('cannot read mountinfo');
        }),
        probe('fine', async () => ({ observed: { read: 1 } })),
      ],
    });
    const boom = report.probes.find((p) => p.id === 'boom')!;
    expect(boom.status).toBe('crashed');
    expect(boom.reason).toContain('cannot read mountinfo');
    expect(report.probes.find((p) => p.id === 'fine')).toMatchObject({ status: 'ok', observed: { read: 1 } });
  });

  it('marks a probe that overruns its deadline as timeout and does not wait for it', async () => {
    const report = await runDoctor({
      host,
      workspaces: [],
      timeoutMs: 10_000,
      probes: [probe('hang', () => new Promise(() => undefined), 150)],
    });
    expect(report.probes[0]).toMatchObject({ id: 'hang', status: 'timeout' });
    expect(report.probes[0]!.reason).toMatch(/deadline/);
    expect(report.incomplete).toBe(true);
  });

  it('kills the child processes of a probe that times out, grandchildren included', async () => {
    // A unique sleep length marks the grandchild's command line, so only our own tree is looked for.
    const secs = `${600 + (process.pid % 1000)}.${Date.now() % 100000}`;
    const report = await runDoctor({
      host,
      workspaces: [],
      probes: [
        probe(
          'spawner',
          async (ctx) => {
            // The shell forks a long sleeper that holds its stdout, then waits: the tree must die with the probe.
            await ctx.host.exec('/bin/sh', ['-c', `sleep ${secs} & wait`], { timeoutMs: 60_000, signal: ctx.signal });
            return {};
          },
          300,
        ),
      ],
    });
    expect(report.probes[0]!.status).toBe('timeout');
    await new Promise((r) => setTimeout(r, 200));
    expect(processesWith(`sleep ${secs}`)).toEqual([]);
    expect(processesWith(`sleep\u0000${secs}`)).toEqual([]);
  });

  it('rejects a finding outside the classes the probe declares', async () => {
    const report = await runDoctor({
      host,
      workspaces: [],
      probes: [probe('liar', async () => ({ findings: [{ classId: 'mac-policy', severity: 'error', confidence: 1, message: 'x', evidence: [{ source: 's', excerpt: 'e' }] }] }))],
    });
    expect(report.probes[0]).toMatchObject({ status: 'crashed' });
    expect(report.causes).toEqual([]);
  });

  it('derives the status from the findings and ranks them into causes', async () => {
    const report = await runDoctor({
      host,
      workspaces: [],
      probes: [
        probe('w', async () => ({ findings: [{ classId: 'fs-access', severity: 'warning', confidence: 0.5, message: 'slow nfs', evidence: [{ source: '/proc/self/mountinfo', excerpt: 'nfs4' }] }] })),
      ],
    });
    expect(report.probes[0]!.status).toBe('warn');
    expect(report.causes.map((c) => c.id)).toEqual(['fs-access']);
    expect(report.causes[0]!.findings[0]!.probeId).toBe('w');
  });

  it('reports progress as each probe ends and can be canceled', async () => {
    const events: ProgressEvent[] = [];
    const ac = new AbortController();
    const pending = runDoctor({
      host,
      workspaces: [],
      signal: ac.signal,
      onProgress: (e) => events.push(e),
      probes: [probe('quick', async () => ({})), probe('slow', () => new Promise(() => undefined), 60_000)],
    });
    setTimeout(() => ac.abort(), 100);
    const report = await pending;
    expect(events[0]).toMatchObject({ type: 'started' });
    const finished = events.filter((e) => e.type === 'probeFinished');
    expect(finished.map((e) => e.type === 'probeFinished' && e.record.id)).toEqual(['quick', 'slow']);
    expect(report.probes.find((p) => p.id === 'slow')).toMatchObject({ status: 'timeout', reason: expect.stringContaining('canceled') });
  });
});

describe('runDoctor: the after phase', () => {
  it('takes the baseline before any other probe starts, runs after they all end, and sees their findings', async () => {
    const order: string[] = [];
    let counter = 0;
    const after: Probe = {
      id: 'after',
      title: 'after',
      classes: ['memory-limit'],
      phase: 'after',
      async baseline() {
        order.push('baseline');
        return counter;
      },
      async run(ctx) {
        order.push('after');
        return { observed: { before: ctx.baseline, now: counter, earlier: ctx.earlier?.map((f) => f.message) } };
      },
    };
    const active = probe('active', async () => {
      order.push('active');
      counter++;
      return { findings: [{ classId: 'fs-access', severity: 'warning', confidence: 0.5, message: 'seen by after', evidence: [{ source: 's', excerpt: 'x' }] }] };
    });
    const report = await runDoctor({ host, workspaces: ['/x'], probes: [after, active] });
    expect(order).toEqual(['baseline', 'active', 'after']);
    // Records keep the order the probes were given.
    expect(report.probes.map((p) => p.id)).toEqual(['after', 'active']);
    expect(report.probes[0]!.observed).toEqual({ before: 0, now: 1, earlier: ['seen by after'] });
  });

  it('keeps time for the after phase: a probe that hangs to the deadline does not starve it', async () => {
    const after: Probe = { id: 'after', title: 'after', classes: ['memory-limit'], phase: 'after', run: async () => ({ observed: { ran: true } }) };
    const hang = probe('hang', () => new Promise(() => {}), 60_000);
    const report = await runDoctor({ host, workspaces: ['/x'], probes: [hang, after], timeoutMs: 1500 });
    expect(report.probes.find((p) => p.id === 'hang')!.status).toBe('timeout');
    expect(report.probes.find((p) => p.id === 'after')).toMatchObject({ status: 'ok', observed: { ran: true } });
  });

  it('a baseline that throws leaves the after probe without one, not crashed', async () => {
    const after: Probe = {
      id: 'after',
      title: 'after',
      classes: ['memory-limit'],
      phase: 'after',
      baseline: async () => {
        throw new Error('unreadable');
      },
      run: async (ctx) => ({ observed: { baseline: ctx.baseline ?? null } }),
    };
    const report = await runDoctor({ host, workspaces: ['/x'], probes: [after] });
    expect(report.probes[0]).toMatchObject({ status: 'ok', observed: { baseline: null } });
  });
});
