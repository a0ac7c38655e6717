// The one entry both the CLI and the extension call: live host, every probe, redacted report.
import os from 'node:os';
import { Host } from '../host/host.js';
import { allProbes } from '../probes/index.js';
import type { ClassId, FindingInput, Report } from '../doctor/model.js';
import type { Probe } from '../probes/probe.js';
import { sessionFindings } from '../probes/gopls.js';
import type { GoplsSessionResult } from '../lsp/session.js';
import type { GoplsCandidate } from '../facts/goplsLocate.js';
import { runDoctor, type ProgressEvent, type RunOptions } from './pipeline.js';
import { DEFAULT_TIMEOUT_MS } from '../doctor/settings.js';
import { redactAll } from '../doctor/secretShapes.js';
import { recordGoplsTrace } from '../goplsLog/record.js';
import { newRunMarker, withRunMarker } from '../host/runMarker.js';
import { commandsStopped } from '../host/exec.js';
import { bootTicksNow, killMarked } from '../procfs/sweepMarked.js';
import { rootFixes } from '../fixes/asRoot.js';
import { fixesForShell } from '../fixes/terminalGuard.js';
import { lookPath } from '../facts/lookPath.js';

/** A run of every probe (or those of some classes) on the live host unless told otherwise. */
export interface DiagnoseOptions extends Omit<RunOptions, 'host' | 'probes'> {
  /** Only the probes that can speak to these classes (the re-check after a fix). */
  onlyClasses?: ClassId[];
  /** Record a fresh gopls -rpc.trace for this long first and analyse it with the other logs. */
  recordTraceSeconds?: number;
  host?: Host;
}

export interface DiagnoseResult {
  /** Redacted: safe to print, paste, save or send to the webview. */
  report: Report;
  /** Where a recorded trace was written, if one was. */
  tracePath?: string;
}

export async function diagnose(opts: DiagnoseOptions): Promise<DiagnoseResult> {
  // Every child of this run carries the marker; when the run is over, whatever still carries it
  // (a helper that called setsid and left the process group) is killed.
  const marker = newRunMarker();
  const since = opts.host && !opts.host.live ? undefined : await bootTicksNow();
  try {
    return await withRunMarker(marker, () => diagnoseMarked(opts));
  } finally {
    // A login shell canceled as the run ended is in its grace, running its traps (exec.ts
    // StopPolicy): the sweep waits for it, a grace at most, so it does not cut them short.
    await commandsStopped();
    if (!opts.host || opts.host.live) await killMarked(marker, { sinceTicks: since });
  }
}

function tracedDeathFindings(session: GoplsSessionResult, gopls: GoplsCandidate, uid: number, seconds: number): FindingInput[] {
  return sessionFindings({ gopls, session, uid, alternatives: [] }).map((f) =>
    f.role === 'symptom' && f.classId === 'gopls-launch' && f.message.startsWith(gopls.path)
      ? { ...f, message: `The traced gopls (${gopls.path} -rpc.trace)${f.message.slice(gopls.path.length)}, ${Math.round(session.durationMs / 1000)} s into a recording of ${seconds} s: the editor's gopls on this workspace would die the same way` }
      : f,
  );
}

async function diagnoseMarked(opts: DiagnoseOptions): Promise<DiagnoseResult> {
  const env = opts.env ?? process.env;
  const host = opts.host ?? new Host();
  const goplsLogs = [...(opts.goplsLogs ?? [])];
  let tracePath: string | undefined;
  let traceError: string | undefined;
  let traceDied: FindingInput[] | undefined;
  let timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (opts.recordTraceSeconds) {
    // The hold is asked for on top of --timeout-ms; everything else the recording waits for (go
    // env, gopls's start and initialize, shutdown) gets half of --timeout-ms, and the probes the
    // rest: the whole run ends within hold + --timeout-ms whatever gopls does.
    const holdMs = Math.round(opts.recordTraceSeconds * 1000);
    const runDeadline = performance.now() + holdMs + timeoutMs;
    const rec = await recordGoplsTrace({ host, env, settings: opts.settings ?? {}, workspaces: opts.workspaces, seconds: opts.recordTraceSeconds, signal: opts.signal, budgetMs: timeoutMs / 2 });
    timeoutMs = Math.max(1, Math.round(runDeadline - performance.now()));
    if (rec.ok) {
      tracePath = rec.path;
      goplsLogs.push(rec.path);
    } else traceError = rec.reason;
    // A gopls that died while it was traced is what the editor's gopls on this workspace does too
    // (a tester's: under ulimit -v it died of "out of memory" 5 s into a 30 s hold, and the report
    // said no problems): its death and its stderr's reading are findings, as the launch probe's are,
    // whether or not it wrote a trace first.
    if (rec.died) traceDied = tracedDeathFindings(rec.died.session, rec.died.gopls, host.uid, opts.recordTraceSeconds);
  }
  // The traced gopls's death is reported as a probe's findings, so the ranking weighs it with the rest.
  const traceDeath: Probe[] = traceDied ? [{ id: 'record-trace', title: 'Record a gopls trace', classes: [...new Set<ClassId>(['gopls-launch', ...traceDied.map((f) => f.classId)])], run: async () => ({ findings: traceDied }) }] : [];
  const probes = [...allProbes(), ...traceDeath]
    .filter((p) => !p.optIn || (p.optIn === 'online' && opts.settings?.online))
    .filter((p) => !opts.onlyClasses || p.classes.some((c) => opts.onlyClasses!.includes(c)));
  const traceSkipped = traceError && !traceDied
    ? { id: 'record-trace', title: 'Record a gopls trace', status: 'skipped' as const, durationMs: 0, reason: traceError, classes: ['gopls-launch' as const], observed: {}, findingCount: 0 }
    : undefined;
  // Root commands as they can run here: sudo only for a user who is not root on a machine that has
  // it. A fixture host is not this machine: its fixes stay as the builders wrote them.
  const rootCtx = host.live ? { uid: host.uid, sudo: !!(await lookPath('sudo', env)), user: callerName(host.uid) } : undefined;
  // Then every terminal fix in the words of the shell it goes to, the root wrapper included.
  const finish = (r: Report): Report => {
    const t = traceSkipped ? { ...r, probes: [...r.probes, traceSkipped] } : r;
    return fixesForShell(rootCtx ? rootFixes(t, rootCtx) : t, opts.settings?.shell);
  };
  // Reports inside progress events reach the panel and the terminal too: redacted like the last.
  // Redaction is async (secretlint), so events are delivered through one chain, in order, and the
  // run returns only after the last one is out.
  let delivered = Promise.resolve();
  const onProgress = opts.onProgress
    ? (e: ProgressEvent) => {
        delivered = delivered
          .then(async () => opts.onProgress!(e.type === 'verdict' || e.type === 'lateResult' ? { ...e, report: await redactAll(finish(e.report), env) } : e))
          .catch(() => undefined);
      }
    : undefined;
  const report = await runDoctor({ host, probes, workspaces: opts.workspaces, goplsLogs, env, settings: opts.settings, timeoutMs, signal: opts.signal, onProgress });
  await delivered;
  return { report: await redactAll(finish(report), env), tracePath };
}

/** The user's login name, else their uid (chown takes either); undefined when neither is known. */
function callerName(uid: number): string | undefined {
  try {
    return os.userInfo().username || (uid >= 0 ? String(uid) : undefined);
  } catch {
    // A uid with no passwd entry (a container's --user 1234): userInfo throws.
    return uid >= 0 ? String(uid) : undefined;
  }
}
