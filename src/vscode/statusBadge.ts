// The status bar item: created on first use, so a healthy window that never ran the doctor has none.
import * as vscode from 'vscode';
import type { Report } from '../doctor/model.js';
import { verdictOf } from '../render/summary.js';
import { STATUS_ITEM_ID } from './commandTable.js';

export type StatusBarMode = 'problems' | 'always' | 'never';

export class StatusBadge implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;

  update(report: Report | undefined, crashed: boolean, note?: string): void {
    const mode = vscode.workspace.getConfiguration('goEnvDoctor').get<StatusBarMode>('statusBar') ?? 'problems';
    const v = report ? verdictOf(report) : undefined;
    const problems = v?.problems ?? 0;
    const show = mode === 'always' || (mode === 'problems' && (problems > 0 || crashed));
    if (!show) {
      this.item?.hide();
      return;
    }
    const item = (this.item ??= vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 100));
    item.name = 'Go Environment Doctor';
    item.command = 'goEnvDoctor.showReport';
    if (problems > 0) item.text = `$(warning) Go env: ${problems} problem${problems === 1 ? '' : 's'}`;
    else if (crashed) item.text = report ? '$(warning) Go env: gopls crashed' : '$(sync~spin) Go env: gopls crashed, diagnosing…';
    // Probes that did not finish vouch for nothing: no pass mark over them (summary.ts noCauseLine).
    else if (v?.unfinished.length) item.text = `$(question) Go env: no problems found, ${v.unfinished.length} check${v.unfinished.length === 1 ? '' : 's'} did not finish`;
    else item.text = '$(pass) Go env: no problems';
    item.backgroundColor = crashed
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : problems > 0
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    const top = report?.causes[0];
    // After a crash the note says what explains it (or that nothing does); "top cause" would
    // suggest the crash is that cause's doing when it may be unrelated.
    const lines = [top && !crashed ? `Top cause: ${top.title}` : v ? `Go environment: ${v.line}` : 'Go environment: diagnosing…'];
    if (note) lines.unshift(note);
    lines.push('Click to open the report');
    item.tooltip = lines.join('\n');
    item.accessibilityInformation = { label: `${item.text.replace(/\$\([^)]*\)\s*/g, '')}. ${lines[0]}`, role: 'button' };
    item.show();
  }

  dispose(): void {
    this.item?.dispose();
  }
}
