// The one report panel: created or revealed, restored after a reload by the serializer, fed by
// the session, and answering the webview's messages after validating them.
import * as vscode from 'vscode';
import { PANEL_TITLE, VIEW_TYPE } from './commandTable.js';
import type { DoctorSession } from './doctorSession.js';
import { buildHtml, makeNonce } from './html.js';
import { parseToExtension, type ToExtension, type ToWebview } from '../protocol/panel.js';

export interface PanelActions {
  rerun(): void;
  applyFix(causeId: Extract<ToExtension, { type: 'applyFix' }>['causeId'], fixId: string): void;
  recordTrace(): void;
  /** Diagnose again with the online GOPROXY check (the default run asks no proxy itself). */
  checkOnline(): void;
  copyMarkdown(): void;
  saveJson(): void;
  cancel(): void;
  restartGopls(): void;
  /** Open golang/go's new-issue form for gopls, pre-filled from the report. */
  reportToGopls(): void;
}

export class ReportPanel implements vscode.Disposable {
  private static current: ReportPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static show(context: vscode.ExtensionContext, session: DoctorSession, actions: PanelActions): ReportPanel {
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal(undefined, false);
      return ReportPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, PANEL_TITLE, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, webviewOptions(context));
    return (ReportPanel.current = new ReportPanel(panel, context, session, actions));
  }

  /**
   * Gives keyboard focus back to the panel after one of the editor's modal dialogs (a setting's
   * confirmation, the cache clear, Save) closed: the dialog returns focus to the webview's outer
   * frame only, and the next Tab would start over at the panel's first button.
   */
  static refocus(): void {
    const p = ReportPanel.current?.panel;
    if (p?.visible) p.reveal(p.viewColumn, false);
  }

  static exists(): boolean {
    return !!ReportPanel.current;
  }

  static serializer(context: vscode.ExtensionContext, session: DoctorSession, actions: PanelActions): vscode.WebviewPanelSerializer {
    return {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        ReportPanel.current?.dispose();
        panel.webview.options = webviewOptions(context);
        ReportPanel.current = new ReportPanel(panel, context, session, actions);
      },
    };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly session: DoctorSession,
    private readonly actions: PanelActions,
  ) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    const web = panel.webview;
    const media = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    web.html = buildHtml({
      cspSource: web.cspSource,
      nonce: makeNonce(),
      scriptUri: web.asWebviewUri(vscode.Uri.joinPath(media, 'main.js')).toString(),
      styleUri: web.asWebviewUri(vscode.Uri.joinPath(media, 'main.css')).toString(),
      codiconUri: web.asWebviewUri(vscode.Uri.joinPath(media, 'codicon.css')).toString(),
    });
    this.disposables.push(
      web.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      session.subscribe({ state: (s) => this.post(s), progress: (p) => this.post(p) }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private post(m: ToWebview): void {
    void this.panel.webview.postMessage(m);
  }

  private onMessage(raw: unknown): void {
    const m = parseToExtension(raw);
    if (!m) {
      this.session.log.warn(`ignored a malformed message from the panel: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (m.type) {
      case 'ready':
        return this.post(this.session.state());
      case 'rerun':
        return this.actions.rerun();
      case 'applyFix':
        return this.actions.applyFix(m.causeId, m.fixId);
      case 'recordTrace':
        return this.actions.recordTrace();
      case 'checkOnline':
        return this.actions.checkOnline();
      case 'copyMarkdown':
        return this.actions.copyMarkdown();
      case 'saveJson':
        return this.actions.saveJson();
      case 'cancel':
        return this.actions.cancel();
      case 'restartGopls':
        return this.actions.restartGopls();
      case 'reportToGopls':
        return this.actions.reportToGopls();
      default: {
        const never: never = m;
        return never;
      }
    }
  }

  dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')],
  };
}
