// Executes one fix from a report the extension built. Anything that writes shows exactly what and
// where first; anything that needs root is typed into a terminal and never run; the gopls cache is
// emptied only after the guard in goplsCache.ts re-derives and checks the directory.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { assertNever, type Fix } from '../doctor/model.js';
import { GO_EXTENSION_ID, GO_RESTART_COMMAND } from './commandTable.js';
import { checkGoplsCacheDir, emptyDir, formatBytes } from './goplsCache.js';

export const WRITE_SETTING = 'Write Setting';
export const CLEAR_CACHE = 'Clear Cache';

export interface FixOutcome {
  applied: boolean;
  message: string;
  /** A terminal fix is applied only when the user presses Enter: re-check after that. */
  terminal?: vscode.Terminal;
}

export interface FixEnv {
  /** The environment the diagnosis used (process.env + go.toolsEnvVars). */
  env: NodeJS.ProcessEnv;
  log: vscode.LogOutputChannel;
}

export async function applyFix(fix: Fix, fx: FixEnv): Promise<FixOutcome> {
  fx.log.info(`fix ${fix.id} (${fix.kind}) requested`);
  switch (fix.kind) {
    case 'command':
      return runCommand(fix.command, fix.args ?? []);
    case 'setting':
      return writeSetting(fix);
    case 'terminal':
      return typeInTerminal(fix);
    case 'link': {
      const uri = vscode.Uri.parse(fix.url, true);
      if (uri.scheme !== 'https' && uri.scheme !== 'http') return { applied: false, message: `Refusing to open ${fix.url}: not a web link` };
      const opened = await vscode.env.openExternal(uri);
      return { applied: opened, message: opened ? `Opened ${fix.url}` : `Did not open ${fix.url}` };
    }
    case 'clearGoplsCache':
      return clearGoplsCache(fix.path, fx);
    default:
      return assertNever(fix, 'fix kind');
  }
}

async function runCommand(command: string, args: unknown[]): Promise<FixOutcome> {
  if (command === GO_RESTART_COMMAND && !vscode.extensions.getExtension(GO_EXTENSION_ID)) {
    return { applied: false, message: 'The Go extension (golang.go) is not installed, so there is no gopls for it to restart.' };
  }
  const known = await vscode.commands.getCommands(true);
  if (!known.includes(command)) return { applied: false, message: `Command ${command} is not available in this window.` };
  await vscode.commands.executeCommand(command, ...args);
  return { applied: true, message: `Ran ${command}` };
}

type SettingFix = Extract<Fix, { kind: 'setting' }>;

export interface SettingWrite {
  key: string;
  value: unknown;
  target: vscode.ConfigurationTarget;
  where: string;
}

/** What a setting fix writes, merged with what is there; GOTMPDIR goes to go.testEnvVars too. */
export function plannedWrites(fix: SettingFix): SettingWrite[] {
  const hasFolder = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = fix.target === 'workspace' && hasFolder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const where = target === vscode.ConfigurationTarget.Workspace ? 'Workspace settings' : 'User settings';
  const writes: Array<{ key: string; value: unknown; merge: boolean }> = [{ key: fix.key, value: fix.value, merge: !!fix.merge }];
  // vscode-go runs tests with go.toolsEnvVars overlaid by go.testEnvVars: a GOTMPDIR fix must be
  // in both, or an older testEnvVars GOTMPDIR would keep go test on the noexec mount.
  const v = fix.value as Record<string, unknown> | undefined;
  if (fix.key === 'go.toolsEnvVars' && v && typeof v === 'object' && typeof v.GOTMPDIR === 'string') {
    writes.push({ key: 'go.testEnvVars', value: { GOTMPDIR: v.GOTMPDIR }, merge: true });
  }
  const config = vscode.workspace.getConfiguration();
  return writes.map((w) => {
    let value = w.value;
    if (w.merge && value && typeof value === 'object' && !Array.isArray(value)) {
      const ins = config.inspect<Record<string, unknown>>(w.key);
      const current = target === vscode.ConfigurationTarget.Workspace ? ins?.workspaceValue : ins?.globalValue;
      value = { ...(current && typeof current === 'object' ? current : {}), ...(value as Record<string, unknown>) };
    }
    return { key: w.key, value, target, where };
  });
}

async function writeSetting(fix: SettingFix): Promise<FixOutcome> {
  const writes = plannedWrites(fix);
  const json = `{\n${writes.map((w) => `  ${JSON.stringify(w.key)}: ${JSON.stringify(w.value, null, 2).replace(/\n/g, '\n  ')}`).join(',\n')}\n}`;
  const where = writes[0]!.where;
  const answer = await vscode.window.showInformationMessage(
    `${fix.title}: write ${writes.map((w) => w.key).join(' and ')} to ${where}?`,
    { modal: true, detail: `${fix.detail ? fix.detail + '\n\n' : ''}This will be written to ${where}:\n\n${json}` },
    WRITE_SETTING,
  );
  if (answer !== WRITE_SETTING) return { applied: false, message: 'Nothing was written.' };
  const tmp = (fix.value as Record<string, unknown> | undefined)?.GOTMPDIR;
  if (typeof tmp === 'string' && path.isAbsolute(tmp)) await fs.mkdir(tmp, { recursive: true, mode: 0o700 }).catch(() => undefined);
  for (const w of writes) await vscode.workspace.getConfiguration().update(w.key, w.value, w.target);
  return { applied: true, message: `Wrote ${writes.map((w) => w.key).join(' and ')} to ${where}.` };
}

async function typeInTerminal(fix: Extract<Fix, { kind: 'terminal' }>): Promise<FixOutcome> {
  const terminal = vscode.window.createTerminal({ name: `Go Environment Doctor: ${fix.title}`, cwd: fix.cwd });
  terminal.show(false);
  // Typed, never executed: the user reads it and presses Enter (addNewLine false).
  terminal.sendText(fix.text, false);
  const root = fix.needsRoot ? ' It needs root: read it before you run it.' : '';
  return { applied: true, message: `Typed the command in a terminal; press Enter there to run it.${root}`, terminal };
}

/** The cache clear behind both the fix and the "Clear gopls Cache" command. */
export async function clearGoplsCache(requested: string, fx: FixEnv): Promise<FixOutcome> {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const guard = await checkGoplsCacheDir(requested, fx.env, uid);
  if (!guard.ok) {
    fx.log.warn(`clear gopls cache refused: ${guard.reason}`);
    return { applied: false, message: `Not cleared: ${guard.reason}` };
  }
  const answer = await vscode.window.showWarningMessage(
    `Delete gopls's cache in ${guard.dir}?`,
    { modal: true, detail: `${guard.entries} ${guard.entries === 1 ? 'entry' : 'entries'}, ${formatBytes(guard.bytes)}. gopls rebuilds it as it needs; the next start is slower.` },
    CLEAR_CACHE,
  );
  if (answer !== CLEAR_CACHE) return { applied: false, message: 'The gopls cache was not touched.' };
  await emptyDir(guard.dir);
  fx.log.info(`cleared ${guard.dir}: ${guard.bytes} bytes in ${guard.entries} entries`);
  return { applied: true, message: `Cleared ${guard.dir}: freed ${formatBytes(guard.bytes)}.` };
}
