// activate() builds the context and registers one command table, the panel serializer and the
// listeners that decide when to watch gopls; it runs no probe and starts no process.
import * as vscode from 'vscode';
import type { ClassId } from './doctor/model.js';
import { verdictOf } from './render/summary.js';
import { COMMANDS, GO_EXTENSION_ID, GO_RESTART_COMMAND, VIEW_TYPE, type CommandId } from './vscode/commandTable.js';
import { GoplsCrashWatcher, type GoplsDeath } from './vscode/crashWatcher.js';
import { DoctorSession } from './vscode/doctorSession.js';
import { findFix } from './vscode/fixLookup.js';
import { applyFix, clearGoplsCache } from './vscode/fixes.js';
import { goplsCacheDir } from './vscode/goplsCache.js';
import { loadEngine } from './vscode/loadEngine.js';
import { ReportPanel, type PanelActions } from './vscode/panel.js';
import { StatusBadge } from './vscode/statusBadge.js';

const AUTO_RUN_EVERY_MS = 60_000;

export function activate(context: vscode.ExtensionContext): void {
  const session = new DoctorSession(context);
  const badge = new StatusBadge();
  const watcher = new GoplsCrashWatcher(() => new (loadEngine().Host)(), process.pid, (d) => void onGoplsDeath(d), (m) => session.log.debug(m));
  let lastAutoRun = 0;

  const showPanel = () => ReportPanel.show(context, session, actions);
  const runAndShow = async (recordTrace = false) => {
    showPanel();
    const report = await (recordTrace
      ? vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Recording a gopls trace and diagnosing…', cancellable: false }, () => session.run({ recordTrace: true }))
      : session.run());
    session.crashed = false;
    badge.update(report, false);
  };
  const reportOrRun = async () => session.report ?? (await session.run());

  const actions: PanelActions = {
    rerun: () => void runAndShow(),
    recordTrace: () => void runAndShow(true),
    copyMarkdown: () => void copyMarkdown(),
    saveJson: () =>
      void session.saveJson().then((p) => {
        if (p) {
          session.notice = `Saved the report to ${p}.`;
          session.publish();
        }
      }),
    applyFix: (causeId, fixId) => void fix(causeId, fixId),
  };

  async function copyMarkdown(): Promise<void> {
    await reportOrRun();
    const md = session.markdown();
    if (!md) return void vscode.window.showWarningMessage('Go Environment Doctor: there is no report to copy.');
    await vscode.env.clipboard.writeText(md);
    session.notice = 'Copied the report as Markdown (secrets redacted).';
    session.publish();
    void vscode.window.setStatusBarMessage('$(copy) Go environment report copied as Markdown', 3000);
  }

  async function fix(causeId: ClassId, fixId: string): Promise<void> {
    const found = findFix(session.report, causeId, fixId);
    if (!found) {
      session.notice = `The fix ${fixId} is not in the current report (it may be from before a reload); run the diagnosis again.`;
      session.publish();
      return;
    }
    if (found.fix.kind === 'command' && found.fix.command === GO_RESTART_COMMAND) watcher.expectRestart();
    try {
      const out = await applyFix(found.fix, { env: session.inputs().env, log: session.log });
      session.notice = out.message;
      session.log.info(`fix ${fixId}: ${out.applied ? 'applied' : 'not applied'}: ${out.message}`);
      if (!out.applied) return session.publish();
      if (out.terminal) {
        session.recheck = { causeId, fixId, result: 'pending', message: 'Press Enter in the terminal; the doctor checks again when the command finishes or the terminal closes.' };
        session.publish();
        return recheckAfterTerminal(out.terminal, causeId, fixId);
      }
      await session.recheckClass(causeId, fixId);
      badge.update(session.report, session.crashed);
    } catch (e) {
      session.notice = `The fix failed: ${(e as Error).message}`;
      session.log.error(`fix ${fixId}: ${(e as Error).message}`);
      session.publish();
    }
  }

  function recheckAfterTerminal(terminal: vscode.Terminal, causeId: ClassId, fixId: string): void {
    const subs: vscode.Disposable[] = [];
    const done = () => {
      subs.forEach((s) => s.dispose());
      void session.recheckClass(causeId, fixId).then(() => badge.update(session.report, session.crashed));
    };
    subs.push(vscode.window.onDidCloseTerminal((t) => t === terminal && done()));
    // Shell integration (VS Code ≥ 1.93) says when the typed command finished.
    const onEnd = (vscode.window as unknown as { onDidEndTerminalShellExecution?: vscode.Event<{ terminal: vscode.Terminal }> }).onDidEndTerminalShellExecution;
    if (onEnd) subs.push(onEnd((e) => e.terminal === terminal && done()));
    context.subscriptions.push(...subs);
  }

  async function clearCacheCommand(): Promise<void> {
    const env = session.inputs().env;
    const dir = goplsCacheDir(env);
    if (!dir.ok) return void vscode.window.showWarningMessage(`Go Environment Doctor: cannot find gopls's cache: ${dir.reason}`);
    const out = await clearGoplsCache(dir.dir, { env, log: session.log });
    session.notice = out.message;
    session.publish();
    void (out.applied ? vscode.window.showInformationMessage(out.message) : vscode.window.showWarningMessage(out.message));
  }

  async function onGoplsDeath(d: GoplsDeath): Promise<void> {
    const cfg = vscode.workspace.getConfiguration('goEnvDoctor');
    if (!cfg.get<boolean>('autoRunOnCrash', true)) return;
    const now = Date.now();
    if (now - lastAutoRun < AUTO_RUN_EVERY_MS) {
      session.log.info(`gopls ${d.pid} died again; the auto-run waits (at most once a minute)`);
      return;
    }
    lastAutoRun = now;
    const what = d.recentDeaths >= 3 ? `crash loop (${d.recentDeaths} exits in 3 minutes)` : `gopls (pid ${d.pid}) exited unexpectedly after ${Math.round(d.seenAliveMs / 1000)} s`;
    session.crashed = true;
    badge.update(session.report, true, `gopls crashed: ${what}`);
    session.log.warn(`gopls crashed: ${what}; diagnosing`);
    const report = await session.run({ trigger: `gopls crashed: ${what}` });
    badge.update(report, true, `gopls crashed: ${what}`);
    const top = report?.causes[0];
    const verdict = report ? verdictOf(report).line : 'the diagnosis failed';
    const msg = `gopls crashed: ${what}. ${top ? `Top cause: ${top.title}` : `No environment cause found (${verdict}).`}`;
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
      if (!session.report && !session.running) void runAndShow();
    },
  };

  // Watch gopls only while there is a reason: the Go extension is here or a Go file is open.
  const reviewWatcher = () => {
    const wanted =
      process.platform === 'linux' &&
      vscode.workspace.getConfiguration('goEnvDoctor').get<boolean>('autoRunOnCrash', true) &&
      (!!vscode.extensions.getExtension(GO_EXTENSION_ID) || vscode.workspace.textDocuments.some((d) => d.languageId === 'go'));
    if (wanted && !watcher.active) watcher.start();
    else if (!wanted && watcher.active) watcher.stop();
  };

  context.subscriptions.push(
    ...COMMANDS.map((c) => vscode.commands.registerCommand(c.id, handlers[c.id])),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, ReportPanel.serializer(context, session, actions)),
    vscode.workspace.onDidOpenTextDocument((d) => d.languageId === 'go' && !watcher.active && reviewWatcher()),
    vscode.extensions.onDidChange(reviewWatcher),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // vscode-go restarts gopls when its settings change (go.toolsEnvVars, go.alternateTools,
      // go.languageServerFlags, gopls.*): that exit is not a crash.
      if (e.affectsConfiguration('go') || e.affectsConfiguration('gopls')) watcher.expectRestart(15_000);
      if (e.affectsConfiguration('goEnvDoctor.autoRunOnCrash')) reviewWatcher();
      if (e.affectsConfiguration('goEnvDoctor.statusBar')) badge.update(session.report, session.crashed);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => session.publish()),
    session,
    badge,
    { dispose: () => watcher.stop() },
  );
  reviewWatcher();
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
