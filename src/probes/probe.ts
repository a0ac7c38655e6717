// What a probe is, and what it is given. Probes read the machine through ctx.host, spawn only
// through ctx.host.exec with ctx.signal, and return errors as data: a probe never shows UI.
import type { Host } from '../host/host.js';
import type { ClassId, Finding, FindingInput, ProbeStatus, ReportSections } from '../doctor/model.js';
import type { Facts } from '../facts/runFacts.js';
import type { DoctorSettings } from '../doctor/settings.js';

export interface ProbeContext {
  readonly host: Host;
  /** The environment the Go tools run with: the editor's, or the one the CLI was started with. */
  readonly env: NodeJS.ProcessEnv;
  readonly workspaces: readonly string[];
  readonly goplsLogs: readonly string[];
  readonly settings: DoctorSettings;
  /** Aborts at this probe's deadline or when the run is canceled: pass it to every exec. */
  readonly signal: AbortSignal;
  /** Milliseconds left before this probe's deadline, for sizing child timeouts. */
  remainingMs(): number;
  /** Facts several probes need (go env, the login shell's env, where gopls is), computed once. */
  readonly facts: Facts;
  /** For an after-phase probe: what its baseline() read when the run started (undefined if it failed). */
  readonly baseline?: unknown;
  /** For an after-phase probe: the findings every other probe made. */
  readonly earlier?: readonly Finding[];
  /**
   * Settles when every probe of the main phase has given its first outcome (the verdict's part): a
   * follow-up that only adds detail starts its heavy work after it, not beside the probes the verdict
   * waits for. Absent outside the pipeline (a probe run alone): nothing to wait for.
   */
  readonly verdictReady?: Promise<void>;
}

/** What a probe returns; the runner adds id, duration and the final status. */
export interface ProbeOutcome {
  /** Defaults from the findings: any error → fail, any warning → warn, else ok. */
  status?: Extract<ProbeStatus, 'ok' | 'warn' | 'fail' | 'skipped'>;
  reason?: string;
  findings?: FindingInput[];
  observed?: Record<string, unknown>;
  /** Report sections of its own (the tool inventory), merged into the report beside the causes. */
  sections?: ReportSections;
  /**
   * A slower proof that keeps running under the probe's deadline after this outcome was shown
   * (the verdict does not wait for it). It settles with the probe's complete outcome, which
   * replaces this one; the runner re-ranks and reports it as a late result.
   */
  followUp?: { title: string; outcome: Promise<ProbeOutcome> };
}

export interface Probe {
  id: string;
  title: string;
  classes: readonly ClassId[];
  /** Its own deadline; the run's remaining time caps it. */
  timeoutMs?: number;
  /**
   * 'after': runs once every other probe has ended, still under the run's deadline, to read again
   * what the active probes (a real gopls) may have provoked: counters that only events raise.
   */
  phase?: 'after';
  /** Readings taken before any other probe starts; handed to run() as ctx.baseline. Must be quick. */
  baseline?(ctx: ProbeContext): Promise<unknown>;
  /** Runs only when the user asks for it (settings.online): never part of the default, offline run. */
  optIn?: 'online';
  run(ctx: ProbeContext): Promise<ProbeOutcome>;
}

export function skipped(reason: string, observed: Record<string, unknown> = {}): ProbeOutcome {
  return { status: 'skipped', reason, observed };
}
