// Runs every probe concurrently, each under its own deadline, all under the run's deadline.
// A throw becomes a `crashed` record and an overrun a `timeout` record (flutter's asyncGuard);
// the runner, not the probe, stamps durationMs. Aborting a probe's signal kills its children.
// Probes of the 'after' phase take a baseline before the others start and run once they have all
// ended, still under the run's deadline (a slice of it is kept for them): they read again the
// counters that what the active probes provoked (a gopls OOM-killed) would have raised.
import os from 'node:os';
import { setMaxListeners } from 'node:events';
import type { Host } from '../host/host.js';
import { FindingSchema, type Finding, type ProbeRecord, type Report, type ReportSections, type ProbeStatus, type ClassId } from '../doctor/model.js';
import { DEFAULT_TIMEOUT_MS, type DoctorSettings } from '../doctor/settings.js';
import type { Probe, ProbeContext, ProbeOutcome } from '../probes/probe.js';
import { createFacts } from '../facts/runFacts.js';
import { rankCauses } from '../doctor/rank.js';
import { TOOL_VERSION } from '../doctor/version.js';
import { guardTerminalFixes } from '../fixes/terminalGuard.js';
import { collectRefused, type RefusedCommand } from '../host/refusedCommands.js';
import { runningNow } from '../host/runningCommands.js';
import { spawnRefusal } from '../probes/spawnRefused.js';

export const DEFAULT_PROBE_TIMEOUT_MS = 5000;
/** The longest a baseline may delay the start of the other probes. */
const BASELINE_MS = 400;
/** Kept from the run's deadline for the after phase: at most this, at most a tenth of the run. */
const AFTER_RESERVE_MS = 800;

export type ProgressEvent =
  | { type: 'started'; probes: Array<{ id: string; title: string }> }
  | { type: 'probeFinished'; record: ProbeRecord; done: number; total: number }
  /** Every probe's first outcome is in: the report to show now, follow-ups still `pending`. */
  | { type: 'verdict'; report: Report }
  /** A follow-up settled: its probe's record, and the whole report merged and ranked again. */
  | { type: 'lateResult'; record: ProbeRecord; report: Report };

/**
 * One run: what to look at, and how long. The option types and their roles: DoctorSettings is
 * what the user configured; RunOptions one run of given probes; DiagnoseOptions (diagnose.ts) the
 * same plus what only the entry does; ProbeContext what each probe gets from them.
 */
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
  sections?: ReportSections;
}

/** A probe's first result, and its follow-up's when it has one (settles, never rejects). */
interface ProbeRun {
  first: ProbeResult;
  late?: Promise<ProbeResult>;
}

/**
 * Resolves with the complete report, follow-ups included (what --json prints). The verdict,
 * which waits for no follow-up, goes out earlier as a `verdict` progress event, and each
 * follow-up as a `lateResult` once it settles.
 */
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
  const facts = createFacts({ host: opts.host, env, settings, signal: run.signal, timeoutMs, workspaces: opts.workspaces, remainingMs: () => deadline - performance.now() });
  opts.onProgress?.({ type: 'started', probes: opts.probes.map((p) => ({ id: p.id, title: p.title })) });
  const build = (results: ProbeResult[], verdictMs: number | undefined): Report => {
    const findings = results.flatMap((r) => r.findings);
    return {
      schemaVersion: 1,
      tool: { name: 'go-env-doctor', version: TOOL_VERSION },
      generatedAt: new Date().toISOString(),
      durationMs: round(performance.now() - started),
      verdictMs,
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
      incomplete: run.signal.aborted || results.some((r) => r.record.status === 'timeout' || r.record.followUp?.status === 'timeout'),
      ...Object.assign({}, ...results.map((r) => r.sections ?? {})),
    };
  };

  let done = 0;
  const verdictReady = deferred();
  const base: Base = { ...opts, env, settings, workspaces: opts.workspaces, goplsLogs: opts.goplsLogs ?? [], verdictReady: verdictReady.promise };
  const mainProbes = opts.probes.filter((p) => p.phase !== 'after');
  const afterProbes = opts.probes.filter((p) => p.phase === 'after');
  const reported = (r: ProbeResult): ProbeResult => {
    done++;
    opts.onProgress?.({ type: 'probeFinished', record: r.record, done, total: opts.probes.length });
    return r;
  };
  try {
    const baselines = await Promise.all(afterProbes.map((p) => takeBaseline(p, base, facts, run.signal)));
    // Follow-ups run under the main deadline too, so the after phase keeps its slice after them.
    const mainDeadline = afterProbes.length ? deadline - Math.min(AFTER_RESERVE_MS, timeoutMs / 10) : deadline;
    const mainRuns = await Promise.all(
      mainProbes.map(async (probe) => {
        const r = await runOne(probe, base, facts, run.signal, mainDeadline);
        reported(r.first);
        return r;
      }),
    );
    verdictReady.resolve();
    const mainResults = mainRuns.map((r) => r.first);
    const runAfter = (count: boolean) =>
      Promise.all(
        afterProbes.map(async (probe, i) => {
          const r = (await runOne(probe, { ...base, baseline: baselines[i], earlier: mainResults.flatMap((m) => m.findings) }, facts, run.signal, deadline)).first;
          return count ? reported(r) : r;
        }),
      );
    let afterResults = await runAfter(true);
    // Records in the order the probes were given, whatever their phase.
    const ordered = (): ProbeResult[] => {
      const byProbe = new Map([...mainProbes.map((p, i) => [p, mainResults[i]!] as const), ...afterProbes.map((p, i) => [p, afterResults[i]!] as const)]);
      return opts.probes.map((p) => byProbe.get(p)!);
    };
    const verdictMs = round(performance.now() - started);
    const lates = mainRuns.some((r) => r.late);
    if (lates) {
      opts.onProgress?.({ type: 'verdict', report: build(ordered(), verdictMs) });
      await Promise.all(
        mainRuns.map(async (r, i) => {
          if (!r.late) return;
          mainResults[i] = await r.late;
          opts.onProgress?.({ type: 'lateResult', record: mainResults[i]!.record, report: build(ordered(), verdictMs) });
        }),
      );
      // What the follow-ups provoked (a gopls OOM-killed while type-checking) is read again.
      if (afterProbes.length) afterResults = await runAfter(false);
    }
    const report = build(ordered(), verdictMs);
    if (!lates) opts.onProgress?.({ type: 'verdict', report });
    return report;
  } finally {
    clearTimeout(runTimer);
    opts.signal?.removeEventListener('abort', onCancel);
    // Anything still running (a fact nobody awaited to the end) is told to stop now.
    if (!run.signal.aborted) run.abort(new Error('run finished'));
  }
}

type Base = Omit<ProbeContext, 'signal' | 'remainingMs' | 'facts'>;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A baseline that throws, or takes too long, is simply absent: the after phase then says so. */
async function takeBaseline(probe: Probe, base: Base, facts: ProbeContext['facts'], runSignal: AbortSignal): Promise<unknown> {
  if (!probe.baseline) return undefined;
  const ac = new AbortController();
  const stop = () => ac.abort(runSignal.reason);
  runSignal.addEventListener('abort', stop, { once: true });
  const until = performance.now() + BASELINE_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    const ctx: ProbeContext = { ...base, signal: ac.signal, remainingMs: () => Math.max(0, until - performance.now()), facts };
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), BASELINE_MS)));
    return await Promise.race([Promise.resolve().then(() => probe.baseline!(ctx)), late]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', stop);
    ac.abort(new Error('baseline taken'));
  }
}

async function runOne(probe: Probe, base: Base, facts: ProbeContext['facts'], runSignal: AbortSignal, runDeadline: number): Promise<ProbeRun> {
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
    ...(base.verdictReady ? { verdictReady: base.verdictReady } : {}),
    ...(probe.phase === 'after' ? { baseline: base.baseline, earlier: base.earlier } : {}),
  };
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, probeDeadline - performance.now()));
    ac.signal.addEventListener('abort', () => resolve('timeout'), { once: true });
  });
  // With what the run still had running then: a probe waiting on a go that never answers says so.
  const whyStopped = () => {
    const why = runSignal.aborted ? String((runSignal.reason as Error)?.message ?? 'canceled') : `probe deadline of ${Math.round(probeDeadline - started)} ms`;
    const running = runningNow();
    return running ? `${why}; ${running}` : why;
  };
  const cleanup = () => {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', stop);
    // Kills whatever the probe still has running, timeout or not.
    ac.abort(new Error('probe finished'));
  };
  let handedOff = false;
  try {
    if (runSignal.aborted) return { first: record('timeout', { reason: `not started: ${String((runSignal.reason as Error)?.message ?? 'canceled')}` }) };
    // What the kernel refused to run for this probe (its follow-up included): refusedCommands.ts.
    const refused: RefusedCommand[] = [];
    const outcome = await Promise.race([collectRefused(refused, () => Promise.resolve().then(() => probe.run(ctx))), timedOut]);
    if (outcome === 'timeout') return { first: record('timeout', { reason: `did not finish: ${whyStopped()}` }) };
    const first = finish(probe, outcome, record, refused);
    const followUp = outcome.followUp;
    if (!followUp || first.record.status === 'crashed') {
      // Nobody will wait for it: its children die with the probe.
      followUp?.outcome.catch(() => undefined);
      return { first };
    }
    first.record.followUp = { title: followUp.title, status: 'pending' };
    handedOff = true;
    const late = (async (): Promise<ProbeResult> => {
      const keep = (status: 'timeout' | 'crashed', reason: string): ProbeResult => ({
        record: { ...first.record, followUp: { title: followUp.title, status, durationMs: round(performance.now() - started), reason } },
        findings: first.findings,
        sections: first.sections,
      });
      try {
        const more = await Promise.race([followUp.outcome, timedOut]);
        if (more === 'timeout') return keep('timeout', `did not finish: ${whyStopped()}`);
        const r = finish(probe, more, record, refused);
        if (r.record.status === 'crashed') return keep('crashed', r.record.reason ?? 'crashed');
        // The verdict's duration stays the probe's; the follow-up's total is its own.
        r.record.followUp = { title: followUp.title, status: 'done', durationMs: r.record.durationMs };
        r.record.durationMs = first.record.durationMs;
        return r;
      } catch (e) {
        const err = e as Error;
        return keep('crashed', `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`);
      } finally {
        cleanup();
      }
    })();
    return { first, late };
  } catch (e) {
    const err = e as Error;
    return { first: record('crashed', { reason: `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}` }) };
  } finally {
    if (!handedOff) cleanup();
  }
}

function finish(probe: Probe, outcome: ProbeOutcome, record: (s: ProbeStatus, extra?: Partial<ProbeRecord>, f?: Finding[]) => ProbeResult, refused: readonly RefusedCommand[] = []): ProbeResult {
  const findings: Finding[] = [];
  for (const raw of outcome.findings ?? []) {
    const parsed = FindingSchema.safeParse({ ...raw, probeId: probe.id });
    if (!parsed.success) return record('crashed', { reason: `returned an invalid finding: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` });
    if (!probe.classes.includes(parsed.data.classId as ClassId)) return record('crashed', { reason: `returned a finding of class ${parsed.data.classId}, which it does not declare` });
    findings.push(guardTerminalFixes(parsed.data));
  }
  const found = outcome.status ?? (findings.some((f) => f.severity === 'error') ? 'fail' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'ok');
  // A probe whose commands the kernel would not run has not looked: "ok" would pass a check that
  // never ran. What it did find (warn, fail) stands, and says what it could not check.
  const unchecked = refused.length ? refusedReason(refused) : undefined;
  const status = found === 'ok' && unchecked ? 'skipped' : found;
  const reason = unchecked && found !== 'skipped' ? (status === 'skipped' ? `could not check: ${unchecked}` : (outcome.reason ? `${outcome.reason}; ` : '') + `not all checked: ${unchecked}`) : outcome.reason;
  const observed = unchecked ? { ...(outcome.observed ?? {}), commandsRefused: refused.map((x) => `${x.command}: ${x.code}`) } : (outcome.observed ?? {});
  const r = record(status, { reason, observed }, findings);
  return outcome.sections ? { ...r, sections: outcome.sections } : r;
}

/** "EAGAIN running go version -m … (resource temporarily unavailable: …)": the errno first, as the text report cuts a long reason. Pure. */
export function refusedReason(refused: readonly RefusedCommand[]): string {
  const first = refused[0]!;
  const command = first.command.length > 60 ? `${first.command.slice(0, 59)}…` : first.command;
  const more = refused.length > 1 ? ` and ${refused.length - 1} more command${refused.length === 2 ? '' : 's'}` : '';
  return `${first.code} running ${command}${more} (${spawnRefusal(first.code)?.says ?? 'refused by the kernel'})`;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
