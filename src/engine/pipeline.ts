// Runs every probe concurrently, each under its own deadline, all under the run's deadline.
// A throw becomes a `crashed` record and an overrun a `timeout` record (flutter's asyncGuard);
// the runner, not the probe, stamps durationMs. Aborting a probe's signal kills its children.
import os from 'node:os';
import { setMaxListeners } from 'node:events';
import type { Host } from '../host/host.js';
import { FindingSchema, type Finding, type ProbeRecord, type Report, type ProbeStatus, type ClassId } from '../doctor/model.js';
import type { DoctorSettings } from '../doctor/settings.js';
import type { Probe, ProbeContext, ProbeOutcome } from '../probes/probe.js';
import { createFacts } from '../facts/runFacts.js';
import { rankCauses } from '../doctor/rank.js';
import { TOOL_VERSION } from '../doctor/version.js';

export const DEFAULT_TIMEOUT_MS = 8000;
export const DEFAULT_PROBE_TIMEOUT_MS = 5000;

export type ProgressEvent =
  | { type: 'started'; probes: Array<{ id: string; title: string }> }
  | { type: 'probeFinished'; record: ProbeRecord; done: number; total: number };

export interface RunOptions {
  host: Host;
  probes: readonly Probe[];
  workspaces: string[];
  goplsLogs?: string[];
  env?: NodeJS.ProcessEnv;
  settings?: DoctorSettings;
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
}

interface ProbeResult {
  record: ProbeRecord;
  findings: Finding[];
}

export async function runDoctor(opts: RunOptions): Promise<Report> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = started + timeoutMs;
  const env = opts.env ?? process.env;
  const settings = opts.settings ?? {};
  const run = new AbortController();
  // Every probe listens on the run's signal; that is by design, not a leak.
  setMaxListeners(0, run.signal);
  const onCancel = () => run.abort(new Error('canceled'));
  opts.signal?.addEventListener('abort', onCancel, { once: true });
  const runTimer = setTimeout(() => run.abort(new Error(`run deadline of ${timeoutMs} ms`)), timeoutMs);
  const facts = createFacts({ host: opts.host, env, settings, signal: run.signal, timeoutMs });
  opts.onProgress?.({ type: 'started', probes: opts.probes.map((p) => ({ id: p.id, title: p.title })) });

  let done = 0;
  try {
    const results = await Promise.all(
      opts.probes.map(async (probe) => {
        const r = await runOne(probe, { ...opts, env, settings, workspaces: opts.workspaces, goplsLogs: opts.goplsLogs ?? [] }, facts, run.signal, deadline);
        done++;
        opts.onProgress?.({ type: 'probeFinished', record: r.record, done, total: opts.probes.length });
        return r;
      }),
    );
    const findings = results.flatMap((r) => r.findings);
    return {
      schemaVersion: 1,
      tool: { name: 'go-env-doctor', version: TOOL_VERSION },
      generatedAt: new Date().toISOString(),
      durationMs: round(performance.now() - started),
      host: {
        platform: opts.host.platform,
        release: opts.host.live ? os.release() : 'fixture',
        arch: process.arch,
        hostname: opts.host.hostname(),
        root: opts.host.root,
        uid: opts.host.uid,
      },
      workspaces: [...opts.workspaces],
      goplsLogs: [...(opts.goplsLogs ?? [])],
      causes: rankCauses(findings, { probes: results.map((r) => r.record) }),
      probes: results.map((r) => r.record),
      incomplete: run.signal.aborted || results.some((r) => r.record.status === 'timeout'),
    };
  } finally {
    clearTimeout(runTimer);
    opts.signal?.removeEventListener('abort', onCancel);
    // Anything still running (a fact nobody awaited to the end) is told to stop now.
    if (!run.signal.aborted) run.abort(new Error('run finished'));
  }
}

type Base = Omit<ProbeContext, 'signal' | 'remainingMs' | 'facts'>;

async function runOne(probe: Probe, base: Base, facts: ProbeContext['facts'], runSignal: AbortSignal, runDeadline: number): Promise<ProbeResult> {
  const started = performance.now();
  const probeDeadline = Math.min(runDeadline, started + (probe.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS));
  const ac = new AbortController();
  const stop = () => ac.abort(runSignal.reason);
  runSignal.addEventListener('abort', stop, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const record = (status: ProbeStatus, extra: Partial<ProbeRecord> = {}, findings: Finding[] = []): ProbeResult => ({
    record: { id: probe.id, title: probe.title, classes: [...probe.classes], status, durationMs: round(performance.now() - started), observed: {}, findingCount: findings.length, ...extra },
    findings,
  });
  const ctx: ProbeContext = {
    host: base.host,
    env: base.env,
    workspaces: base.workspaces,
    goplsLogs: base.goplsLogs,
    settings: base.settings,
    signal: ac.signal,
    remainingMs: () => Math.max(0, probeDeadline - performance.now()),
    facts,
  };
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, probeDeadline - performance.now()));
    ac.signal.addEventListener('abort', () => resolve('timeout'), { once: true });
  });
  try {
    if (runSignal.aborted) return record('timeout', { reason: `not started: ${String((runSignal.reason as Error)?.message ?? 'canceled')}` });
    const outcome = await Promise.race([Promise.resolve().then(() => probe.run(ctx)), timedOut]);
    if (outcome === 'timeout') {
      const why = runSignal.aborted ? String((runSignal.reason as Error)?.message ?? 'canceled') : `probe deadline of ${Math.round(probeDeadline - started)} ms`;
      return record('timeout', { reason: `did not finish: ${why}` });
    }
    return finish(probe, outcome, record);
  } catch (e) {
    const err = e as Error;
    return record('crashed', { reason: `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}` });
  } finally {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', stop);
    // Kills whatever the probe still has running, timeout or not.
    ac.abort(new Error('probe finished'));
  }
}

function finish(probe: Probe, outcome: ProbeOutcome, record: (s: ProbeStatus, extra?: Partial<ProbeRecord>, f?: Finding[]) => ProbeResult): ProbeResult {
  const findings: Finding[] = [];
  for (const raw of outcome.findings ?? []) {
    const parsed = FindingSchema.safeParse({ ...raw, probeId: probe.id });
    if (!parsed.success) return record('crashed', { reason: `returned an invalid finding: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` });
    if (!probe.classes.includes(parsed.data.classId as ClassId)) return record('crashed', { reason: `returned a finding of class ${parsed.data.classId}, which it does not declare` });
    findings.push(parsed.data);
  }
  const status = outcome.status ?? (findings.some((f) => f.severity === 'error') ? 'fail' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'ok');
  return record(status, { reason: outcome.reason, observed: outcome.observed ?? {} }, findings);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
