// The engine, as the extension loads it: a separate bundle (dist/engine.js) required on the first
// diagnosis or when the crash watcher starts, so activation parses only the thin VS Code layer.
import { crashVerdict, type CrashVerdict } from '../goplsLog/crashVerdict.js';
export { attributeCrash, type CrashAttribution } from '../goplsLog/crashVerdict.js';
import { discoverGoplsLogs } from '../goplsLog/discover.js';
import { readLogFile } from '../goplsLog/read.js';
import type { DoctorSettings } from '../doctor/settings.js';
import { redactAll } from '../doctor/secretShapes.js';
import { Host } from '../host/host.js';
import { readCrashBaseline, readCrashEvidence } from '../probes/crashCounters.js';
import type { Readings } from '../probes/afterRun.js';

export { diagnose } from '../engine/diagnose.js';
export { mergeRecheck } from '../engine/recheck.js';
export { Host };
export type { Readings as CounterBaseline };
export type { CrashVerdict };

export interface GoplsDeathInput {
  pid: number;
  /** How long the watcher saw it alive. */
  ranMs: number;
  /** When the watcher first saw each gopls of this window (epoch ms). */
  starts: number[];
  settings: DoctorSettings;
  env: NodeJS.ProcessEnv;
  workspaces: string[];
  /** Reading the logs stops here (performance.now() based). */
  budgetMs: number;
  /** The memory and pids counters as read when the session started watching gopls (countersNow). */
  countersBefore?: Readings;
}

/**
 * The memory and pids counters of this process's cgroups now: the crash watcher's baseline, read
 * again when a gopls dies so a kill counted in between is that death's evidence.
 */
export function countersNow(): Promise<Readings | undefined> {
  return readCrashBaseline(new Host());
}

/** Why gopls died, from the log intelligence: the editor's persisted gopls channel and any -logfile. */
export async function explainGoplsDeath(i: GoplsDeathInput): Promise<CrashVerdict> {
  const deadline = performance.now() + i.budgetMs;
  const found = await discoverGoplsLogs({
    explicit: [],
    extraLogPaths: i.settings.extraLogPaths,
    goplsFlags: i.settings.goplsFlags,
    editorLogDir: i.settings.editorLogDir,
    env: i.env,
    workspaces: i.workspaces,
    maxAuto: 1,
  });
  const logs = [];
  for (const f of found) {
    if (performance.now() > deadline) break;
    const r = await readLogFile(f.path, { deadline });
    if (r.summary) logs.push({ source: f.path, summary: r.summary });
  }
  // The exit status belongs to the Go extension's handle, not ours: what we know is when it
  // vanished, and what the kernel counted while it ran (a kill, refused forks).
  const left = Math.max(100, Math.min(1000, deadline - performance.now()));
  const counters = await readCrashEvidence(new Host(), i.env, i.countersBefore, left);
  const verdict = crashVerdict({ logs, starts: i.starts, exit: { source: `/proc/${i.pid}/stat`, pid: i.pid, ranMs: i.ranMs }, ...counters });
  // The verdict quotes the panic message into the trigger line, the badge tooltip, the
  // notification and the output channel: redacted like every report.
  return redactAll(verdict, i.env);
}
