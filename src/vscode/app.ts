// Everything the extension does, loaded by extension.ts on the first command, panel restore or
// crash-watch start: the session, the panel, the fixes, the badge and the gopls crash watcher.
// Activation itself parses none of this.
import * as vscode from 'vscode';
import type { ClassId } from '../doctor/model.js';
import { verdictOf } from '../render/summary.js';
import { GO_RESTART_COMMAND, type CommandId } from './commandTable.js';
import { GoplsCrashWatcher, type GoplsDeath } from './crashWatcher.js';
import { DoctorSession } from './doctorSession.js';
import { findFix } from './fixLookup.js';
import { applyFix, clearGoplsCache } from './fixRunner.js';
import { goplsCacheDir } from './goplsCache.js';
import { loadEngine } from './loadEngine.js';
import { ReportPanel, type PanelActions } from './panel.js';
import { StatusBadge } from './statusBadge.js';

const AUTO_RUN_EVERY_MS = 60_000;

export interface App extends vscode.Disposable {
  readonly handlers: Record<CommandId, () => unknown>;
  readonly serializer: vscode.WebviewPanelSerializer;
  readonly watching: boolean;
  startWatcher(): void;
  stopWatcher(): void;
  onConfigChange(e: vscode.ConfigurationChangeEvent): void;
  onTrustChange(): void;
}

export function createApp(context: vscode.ExtensionContext): App {
  const subscriptions: vscode.Disposable[] = [];
  const session = new DoctorSession(context);
  const badge = new StatusBadge();
  const watcher = new GoplsCrashWatcher(
    () => new (loadEngine().Host)(),
    process.pid,
    (d) => void onGoplsDeath(d),
    // Info, not debug: "watching gopls N" is how a user (and the e2e suite) knows a crash would be seen.
    (m) => session.log.info(m),
    // The counters a later death is compared with: read when the first gopls is seen.
    () => void session.baselineCounters(true),
  );
  let lastAutoRun = 0;
  // The badge follows the session: every state change the session publishes updates it, so no
  // action has to remember to.
  const showBadge = () => {
    if (session.report || session.crashNote) badge.update(session.report, session.crashNote !== undefined, session.crashNote);
  };
  subscriptions.push(session.subscribe({ state: showBadge, progress: () => undefined }));
  // A reloaded window restores the panel's last report: until a run, the badge says what it says.
  const saved = session.lastSavedReport();
  if (saved) badge.update(saved, false);

  const showPanel = () => ReportPanel.show(context, session, actions);
  const runAndShow = async (recordTrace = false, online = false) => {
    showPanel();
    await (recordTrace
      ? vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Recording a gopls trace and diagnosing…', cancellable: true }, (_p, token) => {
          token.onCancellationRequested(() => session.cancelRun());
          return session.run({ recordTrace: true });
        })
      : session.run(online ? { online: true, trigger: 'online check: asking the module proxy for one dependency' } : {}));
    session.clearCrash();
  };
  const reportOrRun = async () => session.report ?? (await session.run());

  const actions: PanelActions = {
    rerun: () => void runAndShow(),
    recordTrace: () => void runAndShow(true),
    checkOnline: () => void runAndShow(false, true),
    copyMarkdown: () => void copyMarkdown(),
    // The save dialog hands focus back to the webview's outer frame only: give it to the panel.
    saveJson: () => void session.saveJson().finally(() => ReportPanel.refocus()),
    applyFix: (causeId, fixId) => void fix(causeId, fixId),
    cancel: () => session.cancelRun(),
    restartGopls: () => void restartGopls(),
    reportToGopls: () => void reportToGopls(),
  };

  async function reportToGopls(): Promise<void> {
    await reportOrRun();
    const issue = session.goplsIssue();
    if (!issue) return void vscode.window.showWarningMessage('Go Environment Doctor: there is no report to send.');
    // A string, not a Uri: Uri.parse decodes and re-encodes the query, which mangles "%23", "+"
    // and "%2F" in the report (microsoft/vscode#85930); openExternal opens a string as given.
    const opened = await vscode.env.openExternal(issue.url as unknown as vscode.Uri);
    session.log.info(`gopls issue: ${opened ? 'opened' : 'not opened'} (${issue.url.length} characters${issue.trimmed.length ? `; trimmed: ${issue.trimmed.join('; ')}` : ''})`);
    session.notify(
      opened
        ? `Opened a new gopls issue in the browser (redacted report${issue.trimmed.length ? ', trimmed to fit a URL: paste the rest with Copy as Markdown' : ''}). ${issue.warnings.length ? `Note: ${issue.warnings.join('; ')}. ` : ''}Review it and submit it there.`
        : 'The browser did not open the gopls issue form.',
    );
  }

  async function restartGopls(): Promise<void> {
    watcher.expectRestart();
    const out = await applyFix({ id: 'restart-gopls', title: 'Restart gopls', kind: 'command', command: GO_RESTART_COMMAND }, { env: session.inputs().env, log: session.log });
    session.clearCrash();
    session.notify(out.applied ? 'Asked the Go extension to restart gopls.' : out.message);
  }

  async function copyMarkdown(): Promise<void> {
    await reportOrRun();
    const md = session.markdown();
    if (!md) return void vscode.window.showWarningMessage('Go Environment Doctor: there is no report to copy.');
    await vscode.env.clipboard.writeText(md);
    session.notify('Copied the report as Markdown (secrets redacted).');
    void vscode.window.setStatusBarMessage('$(copy) Go environment report copied as Markdown', 3000);
  }

  async function fix(causeId: ClassId, fixId: string): Promise<void> {
    // A panel restored after a reload shows a report this session did not build: build one first.
    if (!session.report) await session.run();
    const found = findFix(session.report, causeId, fixId);
    if (!found) {
      return session.notify(`The fix ${fixId} is not in the current report (it may be from before a reload); run the diagnosis again.`);
    }
    if (found.fix.kind === 'command' && found.fix.command === GO_RESTART_COMMAND) watcher.expectRestart();
    try {
      const out = await applyFix(found.fix, { env: session.inputs().env, log: session.log });
      session.log.info(`fix ${fixId}: ${out.applied ? 'applied' : 'not applied'}: ${out.message}`);
      // A dialog (a setting's confirmation, the cache clear) hands focus back to the webview's
      // outer frame only: give it to the panel, so the next Tab goes on from the button.
      if (found.fix.kind === 'setting' || found.fix.kind === 'clearGoplsCache') ReportPanel.refocus();
      if (out.terminal) {
        session.awaitTerminal(causeId, fixId, out.message);
        return recheckAfterTerminal(out.terminal, causeId, fixId);
      }
      session.notify(out.message);
      if (!out.applied) return;
      // A page that opened changes nothing a re-check could see.
      if (found.fix.kind === 'link') return session.clearRecheck();
      await session.recheckClass(causeId, fixId);
    } catch (e) {
      session.log.error(`fix ${fixId}: ${(e as Error).message}`);
      session.notify(`The fix failed: ${(e as Error).message}`);
    }
  }

  /**
   * Re-checks after every command that ends in the fix's terminal (the user may correct a failed
   * command and run it again), until the cause is gone or the terminal closes. Shell integration's
   * command-end event exists from VS Code 1.93; without it, closing the terminal is the signal.
   */
  function recheckAfterTerminal(terminal: vscode.Terminal, causeId: ClassId, fixId: string): void {
    const subs: vscode.Disposable[] = [];
    const stop = () => subs.splice(0).forEach((s) => s.dispose());
    const check = async (exitCode: number | undefined, closed: boolean) => {
      const r = await session.recheckClass(causeId, fixId);
      if (r.result === 'still-there' && exitCode !== undefined && exitCode !== 0) session.amendRecheck(`The command failed (exit status ${exitCode}). ${r.message}`);
      if (r.result === 'gone' || closed) stop();
    };
    subs.push(vscode.window.onDidCloseTerminal((t) => t === terminal && void check(undefined, true)));
    const onEnd = (vscode.window as unknown as { onDidEndTerminalShellExecution?: vscode.Event<{ terminal: vscode.Terminal; exitCode: number | undefined }> }).onDidEndTerminalShellExecution;
    if (onEnd) subs.push(onEnd((e) => e.terminal === terminal && void check(e.exitCode, false)));
    subscriptions.push({ dispose: stop });
  }

  async function clearCacheCommand(): Promise<void> {
    const env = session.inputs().env;
    const dir = goplsCacheDir(env);
    if (!dir.ok) return void vscode.window.showWarningMessage(`Go Environment Doctor: cannot find gopls's cache: ${dir.reason}`);
    const out = await clearGoplsCache(dir.dir, { env, log: session.log });
    session.notify(out.message);
    // Nothing there is not a warning, and a toast must fit: say it in a few words.
    if (out.absent) return void vscode.window.showInformationMessage('No gopls cache to clear: gopls has not made one yet.');
    void (out.applied ? vscode.window.showInformationMessage(out.message) : vscode.window.showWarningMessage(out.message));
  }

  async function onGoplsDeath(d: GoplsDeath): Promise<void> {
    session.log.info(`gopls ${d.pid} is gone (seen alive ${Math.round(d.seenAliveMs)} ms; ${d.recentDeaths} exit(s) in 3 minutes)`);
    const cfg = vscode.workspace.getConfiguration('goEnvDoctor');
    // Without a diagnosis the counters still start over: the next death is judged by its own window.
    if (!cfg.get<boolean>('autoRunOnCrash', true)) return void session.baselineCounters();
    const now = Date.now();
    if (now - lastAutoRun < AUTO_RUN_EVERY_MS) {
      session.log.info(`gopls ${d.pid} died again; the auto-run waits (at most once a minute)`);
      return void session.baselineCounters();
    }
    lastAutoRun = now;
    const fallback = d.recentDeaths >= 3 ? `crash loop (${d.recentDeaths} exits in 3 minutes)` : `gopls (pid ${d.pid}) exited unexpectedly after ${Math.round(d.seenAliveMs / 1000)} s`;
    session.markCrashed(`gopls crashed: ${fallback}`);
    // The badge is up first; then the log intelligence names the crash (panic, OOM kill, signal, loop).
    const crash = await session.explainDeath(d);
    const what = crash && crash.kind !== 'none' ? crash.summary.replace(/\.$/, '') : fallback;
    session.log.warn(`gopls crashed: ${what}; diagnosing`);
    for (const e of crash?.evidence ?? []) session.log.info(`  ${e.source}${e.line !== undefined ? `:${e.line}` : ''}: ${e.excerpt.split('\n')[0]}`);
    session.markCrashed(`gopls crashed: ${what}`);
    const report = await session.run({ trigger: `gopls crashed: ${what}`, crash: { at: new Date(now).toISOString(), verdict: crash, fallback } });
    // The crash is put down only to a cause that explains it (the engine's inference), never
    // simply to whatever ranked first: a gopls killed by hand is not a noexec mount's doing.
    const why = report?.crash?.attribution;
    const verdict = report ? verdictOf(report).line : 'the diagnosis failed';
    const msg = `gopls crashed: ${what}. ${why ?? `Unexplained (${verdict}).`}`;
    session.markCrashed(msg);
    const pick = await vscode.window.showWarningMessage(msg, 'Open Report');
    if (pick === 'Open Report') showPanel();
  }

  const handlers: Record<CommandId, () => unknown> = {
    'goEnvDoctor.diagnose': () => runAndShow(),
    'goEnvDoctor.recordTraceAndDiagnose': () => runAndShow(true),
    'goEnvDoctor.copyReportMarkdown': () => copyMarkdown(),
    'goEnvDoctor.clearGoplsCache': () => clearCacheCommand(),
    'goEnvDoctor.showReport': () => {
      showPanel();
      if (!session.report && !session.isRunning) void runAndShow();
    },
  };

  return {
    handlers,
    serializer: ReportPanel.serializer(context, session, actions),
    get watching() {
      return watcher.active;
    },
    startWatcher: () => watcher.start(),
    stopWatcher: () => watcher.stop(),
    onConfigChange(e) {
      // vscode-go restarts gopls when its settings change (go.toolsEnvVars, go.alternateTools,
      // go.languageServerFlags, gopls.*): that exit is not a crash.
      if (e.affectsConfiguration('go') || e.affectsConfiguration('gopls')) watcher.expectRestart(15_000);
      if (e.affectsConfiguration('goEnvDoctor.statusBar')) showBadge();
    },
    onTrustChange: () => session.trustChanged(),
    dispose() {
      watcher.stop();
      for (const d of subscriptions.splice(0)) d.dispose();
      badge.dispose();
      session.dispose();
    },
  };
}
