// The extension's one piece of state: the last report it built, whether a run is going, and what
// the panel and the badge should show. Every run goes through here and is written to the log.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { DiagnoseOptions } from '../engine/diagnose.js';
import type { DoctorSettings } from '../doctor/settings.js';
import { loadEngine } from './loadEngine.js';
import type { CounterBaseline, CrashVerdict } from './engine.js';
import { PROBE_ENV_MARKER } from './goplsChildren.js';
import { persistedChannelLogs } from './editorLogs.js';
import { ReportSchema, type ClassId, type Crash, type Report } from '../doctor/model.js';
import type { ProgressEvent } from '../engine/pipeline.js';
import { renderMarkdown } from '../render/markdown.js';
import { goplsIssue, type GoplsIssue } from '../render/goplsIssue.js';
import { verdictOf } from '../render/summary.js';
import { GO_EXTENSION_ID, OUTPUT_CHANNEL, TRACE_SECONDS } from './commandTable.js';
import { manifestFromPackageJson } from '../facts/goExtensionManifest.js';
import { resolveUserShell } from '../host/userShell.js';
import { liveEditorSettings } from './editorSettings.js';
import { doctorInputs, runTimeoutMs, ownSetting, resolveSettingPath, type DoctorInputs, type GoSettingsSnapshot } from '../facts/goSettings.js';
import type { Progress, Recheck, State } from '../protocol/panel.js';

export interface RunRequest {
  /** Why this run: shown in the panel ("gopls crashed: …"). */
  trigger?: string;
  recordTrace?: boolean;
  /** Include the opt-in online check (ask GOPROXY for one dependency). */
  online?: boolean;
  /** The gopls crash this run follows: attached to the report (panel card, Markdown, JSON). */
  crash?: { at: string; verdict: CrashVerdict | undefined; fallback: string };
}

/** workspaceState key of the last report, so a reloaded window's badge matches the restored panel. */
const LAST_REPORT_KEY = 'goEnvDoctor.lastReport';

type Listener = { state(s: State): void; progress(p: Progress): void };

// State changes only through the methods below, and every one of them publishes: callers never
// assign a field and then remember to tell the panel and the badge (vscode-go's context.ts is the
// shape this avoids).
export class DoctorSession implements vscode.Disposable {
  private current: Report | undefined;
  private running: Promise<Report | undefined> | undefined;
  /**
   * The first full run of a window reads the login shell afresh; the runs and re-checks after it
   * take its environment from the cache for as long as the start-up files are unchanged.
   */
  private loginShellRead = false;
  private recheck: Recheck | undefined;
  private trigger: string | undefined;
  private error: string | undefined;
  private notice: string | undefined;
  /** Set when a gopls of this window died; the badge shows it until the next user-started run. */
  private crash: { note: string } | undefined;
  /** While a trace records: when it ends, for the panel's countdown. */
  private tracing: { endsAt: number; seconds: number } | undefined;
  private logChannel: vscode.LogOutputChannel | undefined;
  private readonly listeners = new Set<Listener>();
  private cancel: vscode.CancellationTokenSource | undefined;
  readonly onDidReport = new vscode.EventEmitter<Report>();

  constructor(private readonly context: vscode.ExtensionContext) {}

  get log(): vscode.LogOutputChannel {
    this.logChannel ??= vscode.window.createOutputChannel(OUTPUT_CHANNEL, { log: true });
    return this.logChannel;
  }

  subscribe(l: Listener): vscode.Disposable {
    this.listeners.add(l);
    return new vscode.Disposable(() => this.listeners.delete(l));
  }

  state(): State {
    const inputs = this.inputs();
    const s: State = { type: 'state', report: this.current ?? null, running: !!this.running, restricted: !vscode.workspace.isTrusted };
    if (inputs.restrictedNotes.length) s.restrictedNote = inputs.restrictedNotes.join(' ');
    if (this.recheck) s.recheck = this.recheck;
    if (this.trigger) s.trigger = this.trigger;
    if (this.error) s.error = this.error;
    if (this.notice) s.notice = this.notice;
    if (this.running && this.tracing) s.tracing = this.tracing;
    return s;
  }

  /** The last report this session built (not one a restored panel shows from before a reload). */
  get report(): Report | undefined {
    return this.current;
  }

  get isRunning(): boolean {
    return !!this.running;
  }

  /** Why the badge is red, while a gopls crash is the latest news. */
  get crashNote(): string | undefined {
    return this.crash?.note;
  }

  /** A one-line outcome of the last action, shown in the panel. */
  notify(message: string): void {
    this.notice = message;
    this.publish();
  }

  /** A terminal fix was typed: the re-check waits for the user's command to end. */
  awaitTerminal(causeId: ClassId, fixId: string, typed: string): void {
    // The recheck line says it all; a notice "press Enter" would linger after the command ran.
    this.notice = undefined;
    this.recheck = { causeId, fixId, result: 'pending', message: `${typed} The doctor checks again each time a command ends there.` };
    this.publish();
  }

  /** A fix whose outcome cannot be checked (a page that opened): no re-check line. */
  clearRecheck(): void {
    this.recheck = undefined;
    this.publish();
  }

  /** Replaces the last re-check's message (the command that ran failed, say how). */
  amendRecheck(message: string): void {
    if (!this.recheck) return;
    this.recheck = { ...this.recheck, message };
    this.publish();
  }

  /** Stops the run in progress (the panel's Cancel, the trace notification's Cancel). */
  cancelRun(): void {
    this.cancel?.cancel();
  }

  /** The report saved by the last run of this workspace, for the badge after a window reload. */
  lastSavedReport(): Report | undefined {
    const r = ReportSchema.safeParse(this.context.workspaceState.get(LAST_REPORT_KEY));
    return r.success ? r.data : undefined;
  }

  /** A gopls of this window died; `note` says how, as far as is known yet. */
  markCrashed(note: string): void {
    this.crash = { note };
    this.publish();
  }

  /** A run the user asked for replaces the crash news with its own verdict. */
  clearCrash(): void {
    if (!this.crash) return;
    this.crash = undefined;
    this.publish();
  }

  /** Restricted Mode came or went: the panel's note about it changes. */
  trustChanged(): void {
    this.publish();
  }

  private publish(): void {
    const s = this.state();
    for (const l of this.listeners) l.state(s);
  }

  private progress(p: Progress): void {
    for (const l of this.listeners) l.progress(p);
  }

  /** The Go extension's settings and API, read now (they change while the window lives). */
  inputs(): DoctorInputs {
    const go = vscode.workspace.getConfiguration('go');
    const ins = <T>(k: string) => {
      const i = go.inspect<T>(k);
      return { globalValue: i?.globalValue, workspaceValue: i?.workspaceValue, workspaceFolderValue: i?.workspaceFolderValue };
    };
    const ins0 = <T>(k: string) => {
      const i = vscode.workspace.getConfiguration().inspect<T>(k);
      return { globalValue: i?.globalValue, workspaceValue: i?.workspaceValue, workspaceFolderValue: i?.workspaceFolderValue };
    };
    const snapshot: GoSettingsSnapshot = {
      trusted: vscode.workspace.isTrusted,
      alternateTools: ins<Record<string, unknown>>('alternateTools'),
      toolsEnvVars: ins<Record<string, unknown>>('toolsEnvVars'),
      languageServerFlags: ins<unknown[]>('languageServerFlags'),
      goroot: ins<unknown>('goroot'),
      gopath: ins<unknown>('gopath'),
      toolsGopath: ins<unknown>('toolsGopath'),
      toolsManagementGo: ins<unknown>('toolsManagement.go'),
      gopls: ins0<Record<string, unknown>>('gopls'),
      apiGoplsPath: goExtensionGopls(),
      workspaceFolder: this.workspaces()[0],
    };
    const inputs = doctorInputs(snapshot, process.env);
    // The Go file the user is editing (or, with the panel focused, one still visible): the
    // build-constraints probe asks whether any build includes it.
    const isGo = (d: vscode.TextDocument | undefined) => d?.uri.scheme === 'file' && d.languageId === 'go';
    const doc = [vscode.window.activeTextEditor?.document, ...(vscode.window.visibleTextEditors ?? []).map((e) => e.document)].find(isGo);
    if (doc) inputs.settings.activeFile = doc.uri.fsPath;
    // The settings probe checks what the user set for gopls and go.* against gopls api-json and
    // the Go extension's own declarations (its package.json, when it is installed).
    const goExt = vscode.extensions.getExtension(GO_EXTENSION_ID);
    const manifest = goExt ? manifestFromPackageJson(JSON.stringify(goExt.packageJSON ?? {}), `golang.go ${String((goExt.packageJSON as { version?: unknown })?.version ?? '')}`) : undefined;
    const root = vscode.workspace.getConfiguration();
    const gi = root.inspect<unknown>('gopls');
    const wx = root.inspect<unknown>('files.watcherExclude');
    inputs.settings.editorSettings = liveEditorSettings({
      gopls: { globalValue: gi?.globalValue, workspaceValue: gi?.workspaceValue, workspaceFolderValue: gi?.workspaceFolderValue },
      goSection: JSON.parse(JSON.stringify(go)) as Record<string, unknown>,
      inspectGo: (k) => ins<unknown>(k),
      manifest,
      watcherExclude: { globalValue: wx?.globalValue, workspaceValue: wx?.workspaceValue },
      folderWatcherExcludes: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => ({ folder: f.uri.fsPath, value: vscode.workspace.getConfiguration('files', f.uri).inspect<unknown>('watcherExclude')?.workspaceFolderValue })),
    });
    if (manifest) inputs.settings.goExtensionManifest = manifest;
    // Terminal fixes are typed into a new terminal of the default profile: quote them for its shell.
    if (vscode.env.shell) inputs.settings.shell = resolveUserShell(vscode.env.shell);
    return inputs;
  }

  workspaces(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  }

  /**
   * The memory and pids counters (oom_kill, pids.events max…) as read when gopls was first seen or
   * after the last death: what a death is compared with, as the CLI's after-run phase compares.
   */
  private countersBefore: CounterBaseline | undefined;

  /** Reads the counters now as the baseline for the next death; `ifMissing` keeps an existing one. */
  async baselineCounters(ifMissing = false): Promise<void> {
    if (ifMissing && this.countersBefore) return;
    try {
      this.countersBefore = await loadEngine().countersNow();
    } catch (e) {
      this.log.debug(`counters baseline: ${(e as Error).message}`);
    }
  }

  /** Why a gopls of this window died, from its logs and the counters since the baseline (the crash verdict). */
  async explainDeath(d: { pid: number; seenAliveMs: number; starts: number[] }): Promise<CrashVerdict | undefined> {
    const inputs = this.inputs();
    const o = this.options(inputs);
    try {
      return await loadEngine().explainGoplsDeath({
        pid: d.pid,
        ranMs: d.seenAliveMs,
        starts: d.starts,
        settings: o.settings ?? {},
        env: inputs.env,
        workspaces: o.workspaces,
        budgetMs: 1500,
        ...(this.countersBefore ? { countersBefore: this.countersBefore } : {}),
      });
    } catch (e) {
      this.log.warn(`crash verdict failed: ${(e as Error).message}`);
      return undefined;
    } finally {
      // The next death is judged by what is counted from now on.
      void this.baselineCounters();
    }
  }

  options(inputs: DoctorInputs): DiagnoseOptions {
    const cfg = vscode.workspace.getConfiguration('goEnvDoctor');
    // restrictedConfigurations in package.json: in Restricted Mode only the user's own values.
    const own = <T>(k: string): T | undefined => {
      const i = cfg.inspect<T>(k);
      return ownSetting<T>({ globalValue: i?.globalValue, workspaceValue: i?.workspaceValue, workspaceFolderValue: i?.workspaceFolderValue }, vscode.workspace.isTrusted);
    };
    const extra = (own<unknown[]>('extraLogPaths') ?? []).filter((p): p is string => typeof p === 'string' && p.length > 0);
    const settings: DoctorSettings = { ...inputs.settings };
    const ws = this.workspaces();
    // Where this window's extension logs live: logUri is <…>/exthost<N>/<our id>, and the Go
    // extension's persisted "gopls (server)" channel sits beside it in <…>/exthost<N>/golang.go/.
    settings.editorLogDir = vscode.Uri.joinPath(this.context.logUri, '..').fsPath;
    settings.hostIsEditor = true;
    // A plain OutputChannel (what vscode-languageclient gets for "gopls (server)") persists as
    // <exthost logs>/output_logging_<ts>/<N>-gopls (server).log: found here, read by the engine.
    settings.extraLogPaths = [...extra.map((p) => resolveSettingPath(p, inputs.env, ws[0])), ...persistedChannelLogs(settings.editorLogDir)];
    return {
      workspaces: ws.length ? ws : [],
      // Marks the gopls the probes start, so the crash watcher does not take their exit for a crash.
      env: { ...inputs.env, [PROBE_ENV_MARKER]: '1' },
      settings,
      timeoutMs: runTimeoutMs(cfg.inspect('runTimeoutMs') ?? {}, cfg.inspect('probeTimeoutMs') ?? {}, vscode.workspace.isTrusted),
    };
  }

  /** A full diagnosis. Concurrent callers share the run in progress. */
  run(req: RunRequest = {}): Promise<Report | undefined> {
    if (this.running) return this.running;
    this.trigger = req.trigger;
    this.error = undefined;
    this.notice = undefined;
    this.recheck = undefined;
    const cancel = (this.cancel = new vscode.CancellationTokenSource());
    const ac = new AbortController();
    cancel.token.onCancellationRequested(() => ac.abort(new Error('canceled')));
    const inputs = this.inputs();
    const opts: DiagnoseOptions = { ...this.options(inputs), signal: ac.signal, onProgress: (e) => this.onProgress(e) };
    if (req.recordTrace) {
      opts.recordTraceSeconds = TRACE_SECONDS;
      this.tracing = { endsAt: Date.now() + TRACE_SECONDS * 1000, seconds: TRACE_SECONDS };
    }
    if (req.online) opts.settings = { ...opts.settings, online: true };
    if (!this.loginShellRead) {
      opts.settings = { ...opts.settings, noCache: true };
      this.loginShellRead = true;
    }
    this.log.info(`diagnose${req.trigger ? ` (${req.trigger})` : ''}: workspaces=${JSON.stringify(opts.workspaces)} logs=${opts.settings?.extraLogPaths?.length ?? 0} timeoutMs=${opts.timeoutMs} trusted=${vscode.workspace.isTrusted}`);
    this.running = (async () => {
      try {
        const { report: built, tracePath } = await loadEngine().diagnose(opts);
        const report = req.crash ? { ...built, crash: crashOf(req.crash, built) } : built;
        this.current = report;
        void Promise.resolve(this.context.workspaceState.update(LAST_REPORT_KEY, report)).catch(() => undefined);
        const v = verdictOf(report);
        this.log.info(`verdict: ${v.line}`);
        for (const c of report.causes) this.log.info(`  ${c.severity} ${c.id} score=${c.score.toFixed(2)}: ${c.title}`);
        for (const p of report.probes) this.log.debug(`  probe ${p.id} ${p.status} ${p.durationMs} ms${p.reason ? `: ${p.reason}` : ''}`);
        if (tracePath) this.notice = traceNotice(report, tracePath, ac.signal.aborted);
        else if (ac.signal.aborted) this.notice = 'Canceled: the report shows what was checked before.';
        this.onDidReport.fire(report);
        return report;
      } catch (e) {
        if (ac.signal.aborted) this.notice = 'Canceled.';
        else {
          this.error = `The doctor itself failed: ${(e as Error).message}`;
          this.log.error(this.error);
        }
        return undefined;
      } finally {
        this.running = undefined;
        this.tracing = undefined;
        cancel.dispose();
        if (this.cancel === cancel) this.cancel = undefined;
        this.publish();
      }
    })();
    this.publish();
    return this.running;
  }

  private onProgress(e: ProgressEvent): void {
    if (e.type === 'started') this.progress({ type: 'progress', done: 0, total: e.probes.length, probe: 'starting' });
    else if (e.type === 'probeFinished') this.progress({ type: 'progress', done: e.done, total: e.total, probe: e.record.title, status: e.record.status });
    else {
      // The verdict is shown at once; a follow-up (gopls's type-check proof) lands in it later.
      this.current = e.report;
      this.onDidReport.fire(e.report);
      this.publish();
      const pending = e.report.probes.filter((p) => p.followUp?.status === 'pending');
      if (pending.length) this.progress({ type: 'progress', done: e.report.probes.length - pending.length, total: e.report.probes.length, probe: `${pending[0]!.followUp!.title} (pending)` });
    }
  }

  /** Re-runs only the probes of one class after a fix and says whether the cause is gone. */
  async recheckClass(causeId: ClassId, fixId: string): Promise<Recheck> {
    this.recheck = { causeId, fixId, result: 'pending', message: 'Checking again…' };
    this.publish();
    const inputs = this.inputs();
    let recheck: Recheck;
    try {
      const { report } = await loadEngine().diagnose({ ...this.options(inputs), onlyClasses: [causeId] });
      const still = report.causes.find((c) => c.id === causeId);
      // The engine merges and ranks, exactly as a full run would; the session only shows.
      if (this.current) this.current = loadEngine().mergeRecheck(this.current, report);
      // A probe of the class that did not finish cannot vouch for "gone" (its old findings stay, mergeRecheck).
      const unfinished = report.probes.filter((p) => p.classes.includes(causeId) && (p.status === 'timeout' || p.status === 'crashed'));
      recheck = still
        ? { causeId, fixId, result: 'still-there', message: `Still there: ${still.findings[0]?.message ?? still.title}` }
        : unfinished.length
          ? { causeId, fixId, result: 'not-applied', message: `Could not check again: ${unfinished.map((p) => `"${p.title}" ${p.status === 'timeout' ? 'ran out of time' : 'crashed'}`).join(', ')}. The card stays until a check can see; Re-run to try again.` }
          : { causeId, fixId, result: 'gone', message: 'Checked again: this cause is gone.' };
    } catch (e) {
      recheck = { causeId, fixId, result: 'still-there', message: `The re-check failed: ${(e as Error).message}` };
    }
    this.log.info(`re-check ${causeId} after ${fixId}: ${recheck.result}`);
    this.recheck = recheck;
    if (this.current) this.onDidReport.fire(this.current);
    this.publish();
    return recheck;
  }

  markdown(): string | undefined {
    return this.current ? renderMarkdown(this.current) : undefined;
  }

  /** The pre-filled gopls issue for the current report, with this editor's and the Go extension's versions. */
  goplsIssue(): GoplsIssue | undefined {
    if (!this.current) return undefined;
    const goExt = vscode.extensions.getExtension(GO_EXTENSION_ID);
    const goVersion = (goExt?.packageJSON as { version?: unknown } | undefined)?.version;
    return goplsIssue(this.current, { editor: `${vscode.env.appName} ${vscode.version} (${vscode.env.appHost}${vscode.env.remoteName ? `, remote ${vscode.env.remoteName}` : ''})`, goExtension: goExt ? `golang.go ${String(goVersion ?? '?')}` : 'not installed' });
  }

  async saveJson(): Promise<string | undefined> {
    if (!this.current) return undefined;
    const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.env.HOME ?? '/');
    const uri = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(base, 'go-env-doctor-report.json'), filters: { JSON: ['json'] }, title: 'Save the environment report' });
    if (!uri) return undefined;
    const text = JSON.stringify(this.current, null, 2) + '\n';
    if (uri.scheme === 'file') await fs.writeFile(uri.fsPath, text);
    else await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    this.log.info(`saved the report to ${uri.toString()}`);
    this.notify(`Saved the report to ${uri.fsPath}.`);
    return uri.fsPath;
  }

  dispose(): void {
    this.cancel?.cancel();
    this.onDidReport.dispose();
    this.logChannel?.dispose();
    this.listeners.clear();
  }
}

/** The gopls the Go extension runs, from its exported API (vscode-go: settings.getExecutionCommand). */
export function goExtensionGopls(): string | undefined {
  const ext = vscode.extensions.getExtension(GO_EXTENSION_ID);
  if (!ext?.isActive) return undefined;
  try {
    const api = ext.exports as { settings?: { getExecutionCommand?(tool: string): { binPath?: unknown } | undefined } } | undefined;
    const bin = api?.settings?.getExecutionCommand?.('gopls')?.binPath;
    return typeof bin === 'string' && bin ? bin : undefined;
  } catch {
    return undefined;
  }
}


/** The crash as the report records it: what explains it (the engine's attribution), if anything does. */
export function crashOf(c: NonNullable<RunRequest['crash']>, report: Report): Crash {
  const v = c.verdict;
  const known = !!v && v.kind !== 'none';
  const why = v ? loadEngine().attributeCrash(v, report) : undefined;
  const cause = why?.explained && why.classId ? report.causes.find((x) => x.id === why.classId) : undefined;
  const explainedBy = why?.explained && why.classId ? [{ id: why.classId, title: cause?.title ?? why.line.replace(/^(Cause|Explained by): /, '').replace(/\.$/, '') }] : [];
  return {
    at: c.at,
    kind: known ? v.kind : 'unexplained',
    summary: known ? v.summary : c.fallback,
    evidence: v?.evidence ?? [],
    explainedBy,
    ...(why ? { attribution: why.line } : {}),
  };
}

/** What a recorded trace brought: where it is, and how many findings came from it. */
function traceNotice(report: Report, tracePath: string, canceled: boolean): string {
  const fromTrace = report.causes.flatMap((c) => c.findings).filter((f) => f.evidence.some((e) => e.source === tracePath || e.source.startsWith(tracePath + ':')));
  const what = fromTrace.length
    ? // A message ends with its own full stop: "…log).; …" and "…log).." read as typos.
      `${fromTrace.length} finding${fromTrace.length === 1 ? '' : 's'} came from it: ${fromTrace.map((f) => f.message.replace(/\.+$/, '')).slice(0, 3).join('; ')}`
    : 'nothing in it points to a problem';
  return `${canceled ? 'Canceled the trace early; ' : ''}Recorded a gopls trace to ${tracePath}; ${what}.`;
}
