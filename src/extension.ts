// activate() registers one command table, the panel serializer and the listeners that decide
// when to watch gopls, and nothing else: no probe, no child process, and none of the extension's
// code is parsed until a command runs, a panel is restored, or there is a gopls to watch.
import path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS, GO_EXTENSION_ID, VIEW_TYPE } from './vscode/commandTable.js';
import type { App } from './vscode/app.js';

/** How long after a reason to watch appears the watcher (and the code behind it) is loaded. */
const WATCH_START_DELAY_MS = 2000;

export function activate(context: vscode.ExtensionContext): void {
  let app: App | undefined;
  const getApp = (): App => {
    // dist/app.js beside dist/extension.js; a computed path so esbuild does not inline it.
    app ??= (require(path.join(__dirname, ['app', 'js'].join('.'))) as typeof import('./vscode/app.js')).createApp(context);
    return app;
  };

  // Watch gopls only while there is a reason: the Go extension is installed or a Go file is open.
  let startTimer: NodeJS.Timeout | undefined;
  const wantsWatcher = () =>
    process.platform === 'linux' &&
    vscode.workspace.getConfiguration('goEnvDoctor').get<boolean>('autoRunOnCrash', true) &&
    (!!vscode.extensions.getExtension(GO_EXTENSION_ID) || vscode.workspace.textDocuments.some((d) => d.languageId === 'go'));
  const reviewWatcher = () => {
    if (!wantsWatcher()) return app?.stopWatcher();
    if (app?.watching || startTimer) return;
    startTimer = setTimeout(() => {
      startTimer = undefined;
      if (wantsWatcher()) getApp().startWatcher();
    }, WATCH_START_DELAY_MS);
    startTimer.unref?.();
  };

  context.subscriptions.push(
    ...COMMANDS.map((c) => vscode.commands.registerCommand(c.id, () => getApp().handlers[c.id]())),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => getApp().serializer.deserializeWebviewPanel(panel, state),
    }),
    vscode.workspace.onDidOpenTextDocument((d) => d.languageId === 'go' && reviewWatcher()),
    vscode.extensions.onDidChange(reviewWatcher),
    vscode.workspace.onDidChangeConfiguration((e) => {
      app?.onConfigChange(e);
      if (e.affectsConfiguration('goEnvDoctor.autoRunOnCrash')) reviewWatcher();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => app?.onTrustChange()),
    {
      dispose: () => {
        if (startTimer) clearTimeout(startTimer);
        app?.dispose();
      },
    },
  );
  reviewWatcher();
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
