// Records a fresh gopls trace when the user never turned tracing on: a private gopls with
// `-rpc.trace -logfile <tmp>` on the workspace, driven through the handshake's LSP session (open
// one Go file, hold the session, shut down), and the path of what it wrote.
import { currentDir } from '../host/currentDir.js';
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Host } from '../host/host.js';
import type { DoctorSettings } from '../doctor/settings.js';
import { readGoEnv } from '../facts/readGoEnv.js';
import { locateGopls } from '../facts/goplsLocate.js';
import { runGoplsSession } from '../lsp/session.js';
import { findFirstGoFile } from '../lsp/workspaceFiles.js';
import type { GoplsSessionResult } from '../lsp/session.js';
import type { GoplsCandidate } from '../facts/goplsLocate.js';

export interface RecordTraceOptions {
  host: Host;
  env: NodeJS.ProcessEnv;
  settings: DoctorSettings;
  workspaces: string[];
  seconds: number;
  signal?: AbortSignal;
  /** Where to write; default a fresh file in the OS temp directory. */
  outFile?: string;
  /**
   * Milliseconds for everything but the hold: go env, gopls's start and initialize, shutdown.
   * The run's --timeout-ms share, so a gopls that never answers cannot stretch the run.
   */
  budgetMs?: number;
}

export type RecordTraceResult =
  | {
      ok: true;
      path: string;
      gopls: string;
      openedFile?: string;
      failure?: string;
      /**
       * The traced gopls died while it was recorded (a crash, or killed): its session, for the
       * engine to read as the launch probe reads its own gopls's death.
       */
      died?: { session: GoplsSessionResult; gopls: GoplsCandidate };
    }
  | { ok: false; reason: string; died?: { session: GoplsSessionResult; gopls: GoplsCandidate } };

/** Milliseconds for starting gopls and shutting it down, on top of the hold, when no budget is given. */
const OVERHEAD_MS = 15_000;

export async function recordGoplsTrace(opts: RecordTraceOptions): Promise<RecordTraceResult> {
  if (!opts.host.live) return { ok: false, reason: 'not the live machine: no gopls is started against a fixture tree' };
  const holdMs = Math.round(opts.seconds * 1000);
  const budgetMs = opts.budgetMs ?? OVERHEAD_MS;
  const deadline = performance.now() + holdMs + budgetMs;
  const left = () => Math.max(0, deadline - performance.now());
  const workspace = opts.workspaces[0] ?? currentDir() ?? '/';
  const goEnv = await readGoEnv(opts.host, opts.env, opts.signal ?? new AbortController().signal, Math.min(5000, budgetMs / 2));
  const where = await locateGopls(opts.env, opts.settings, goEnv);
  if (!where.found?.executable) return { ok: false, reason: `no runnable gopls found (looked in ${where.looked.map((l) => l.path).join(', ') || 'nothing'})` };
  const openFile = await firstGoFile(workspace);
  // Our own temp directory is removed again when nothing useful was recorded in it.
  const ownDir = opts.outFile ? undefined : await fs.mkdtemp(path.join(os.tmpdir(), 'go-env-doctor-trace-'));
  const out = opts.outFile ?? path.join(ownDir!, 'gopls-trace.log');
  const r = await runGoplsSession({
    host: opts.host,
    // A relative --gopls is relative to where the doctor runs, not to the workspace gopls runs in.
    gopls: path.resolve(where.found.path),
    args: ['-rpc.trace', '-logfile', out],
    env: opts.env,
    ...(goEnv.ok ? { goSettings: goEnv.values } : {}),
    workspaces: opts.workspaces.length ? opts.workspaces : [workspace],
    ...(opts.settings.goplsSettings ? { settings: opts.settings.goplsSettings } : {}),
    signal: opts.signal,
    timeoutMs: Math.max(1, left()),
    holdMs,
    ...(openFile ? { openFile } : {}),
  });
  const written = await fs.stat(out).then((s) => s.size, () => -1);
  const died = r.failure?.kind === 'crash' ? { died: { session: r, gopls: where.found } } : {};
  if (written <= 0) {
    if (ownDir) await fs.rm(ownDir, { recursive: true, force: true }).catch(() => undefined);
    return { ok: false, reason: `gopls wrote no trace (${r.failure?.message ?? (written === 0 ? 'the log file stayed empty' : 'no log file appeared')})`, ...died };
  }
  return { ok: true, path: out, gopls: where.found.path, ...(openFile ? { openedFile: openFile } : {}), ...(r.failure ? { failure: r.failure.message } : {}), ...died };
}

/** The file the recording opens: the same small-file choice as the launch probe's (workspaceFiles.ts). */
export async function firstGoFile(dir: string): Promise<string | undefined> {
  return findFirstGoFile(dir);
}
