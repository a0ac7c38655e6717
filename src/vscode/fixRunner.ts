// Executes one fix from a report the extension built: the steps planFix reads from its data, no
// more. Anything that writes shows exactly what and where first; anything that needs root is typed into a terminal and never run; the gopls cache is
// emptied only after the guard in goplsCache.ts re-derives and checks the directory.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { assertNever, type Fix } from '../doctor/model.js';
import { GO_EXTENSION_ID, GO_RESTART_COMMAND } from './commandTable.js';
import { clearGoplsCacheDir } from './goplsCache.js';
import { formatBytes } from '../host/bytes.js';
import { planFix, type FixStep } from '../fixes/plan.js';

export const WRITE_SETTING = 'Write Setting';
export const CLEAR_CACHE = 'Clear Cache';

export interface FixOutcome {
  applied: boolean;
  message: string;
  /** A terminal fix is applied only when the user presses Enter: re-check after that. */
  terminal?: vscode.Terminal;
  /** The gopls cache was not there at all (nothing to clear is not an error). */
  absent?: boolean;
}

export interface FixEnv {
  /** The environment the diagnosis used (process.env + go.toolsEnvVars). */
  env: NodeJS.ProcessEnv;
  log: vscode.LogOutputChannel;
}

/** Performs exactly the steps planFix reads from the fix, the same ones the CLI prints. */
export async function applyFix(fix: Fix, fx: FixEnv): Promise<FixOutcome> {
  fx.log.info(`fix ${fix.id} (${fix.kind}) requested`);
  const steps = planFix(fix);
  // Anything that writes is shown, all of it, and confirmed once before the first step runs.
  const writes = settingWrites(steps);
  const dirs = steps.flatMap((s) => (s.step === 'createDir' ? [s.path] : []));
  if (writes.length || dirs.length) {
    const where = writes[0]?.where ?? 'User settings';
    // One line per setting: the dialog's detail text does not keep leading spaces, so indented
    // JSON would lose its shape there.
    const json = writes.map((w) => `${JSON.stringify(w.key)}: ${JSON.stringify(w.value)}`).join('\n');
    const mkdirs = dirs.length ? `Creates ${dirs.join(', ')} (mode 0700) first.\n\n` : '';
    const answer = await vscode.window.showInformationMessage(
      `${fix.title}: write ${writes.map((w) => w.key).join(' and ')} to ${where}?`,
      { modal: true, detail: `${fix.detail ? fix.detail + '\n\n' : ''}${mkdirs}This will be written to ${where}:\n\n${json}` },
      WRITE_SETTING,
    );
    if (answer !== WRITE_SETTING) return { applied: false, message: 'Nothing was written.' };
  }
  let outcome: FixOutcome = { applied: false, message: 'Nothing to do.' };
  let w = 0;
  for (const step of steps) {
    switch (step.step) {
      case 'runCommand':
        outcome = await runCommand(step.command, step.args);
        break;
      case 'createDir':
        // A directory that cannot be made is reported by the re-check (go says why), not here.
        if (path.isAbsolute(step.path)) await fs.mkdir(step.path, { recursive: true, mode: 0o700 }).catch((e: Error) => fx.log.warn(`mkdir ${step.path}: ${e.message}`));
        break;
      case 'writeSetting': {
        const write = writes[w++]!;
        await vscode.workspace.getConfiguration().update(write.key, write.value, write.target);
        outcome = { applied: true, message: `Wrote ${writes.map((x) => x.key).join(' and ')} to ${write.where}.` };
        break;
      }
      case 'typeInTerminal':
        outcome = typeInTerminal(step);
        break;
      case 'openUrl': {
        const uri = vscode.Uri.parse(step.url, true);
        if (uri.scheme !== 'https' && uri.scheme !== 'http') return { applied: false, message: `Refusing to open ${step.url}: not a web link` };
        const opened = await vscode.env.openExternal(uri);
        outcome = { applied: opened, message: opened ? `Opened ${step.url}` : `Did not open ${step.url}` };
        break;
      }
      case 'openFile':
        outcome = await openFile(step);
        break;
      case 'clearGoplsCache':
        outcome = await clearGoplsCache(step.path, fx);
        break;
      default:
        return assertNever(step, 'fix step');
    }
    if (step.step !== 'createDir' && step.step !== 'writeSetting' && !outcome.applied) return outcome;
  }
  return outcome;
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

export interface SettingWrite {
  key: string;
  value: unknown;
  target: vscode.ConfigurationTarget;
  where: string;
}

/** The plan's setting writes, each merged with what is there now (the one thing the plan cannot know). */
function settingWrites(steps: readonly FixStep[]): SettingWrite[] {
  const hasFolder = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const config = vscode.workspace.getConfiguration();
  return steps.flatMap((s) => {
    if (s.step !== 'writeSetting') return [];
    const target = s.target === 'workspace' && hasFolder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const where = target === vscode.ConfigurationTarget.Workspace ? 'Workspace settings' : 'User settings';
    let value = s.value;
    if (s.merge && value && typeof value === 'object' && !Array.isArray(value)) {
      const ins = config.inspect<Record<string, unknown>>(s.key);
      const current = target === vscode.ConfigurationTarget.Workspace ? ins?.workspaceValue : ins?.globalValue;
      value = { ...(current && typeof current === 'object' ? current : {}), ...(value as Record<string, unknown>) };
    }
    return [{ key: s.key, value, target, where }];
  });
}

/** Opens the file at its line; only an absolute path of a file that exists (the report names it, go printed it). */
async function openFile(step: Extract<FixStep, { step: 'openFile' }>): Promise<FixOutcome> {
  if (!path.isAbsolute(step.path)) return { applied: false, message: `Refusing to open ${step.path}: not an absolute path` };
  const st = await fs.stat(step.path).catch(() => undefined);
  if (!st?.isFile()) return { applied: false, message: `${step.path} is not there any more.` };
  const at = new vscode.Position(Math.max(0, (step.line ?? 1) - 1), Math.max(0, (step.column ?? 1) - 1));
  await vscode.window.showTextDocument(vscode.Uri.file(step.path), { selection: new vscode.Range(at, at), preview: false });
  return { applied: true, message: `Opened ${step.path}${step.line ? ` at line ${step.line}` : ''}.` };
}

function typeInTerminal(step: Extract<FixStep, { step: 'typeInTerminal' }>): FixOutcome {
  // Named after the command (the terminal list shows a dozen characters), not the fix's title.
  const terminal = vscode.window.createTerminal({ name: terminalName(step.text), cwd: step.cwd });
  terminal.show(false);
  // Typed, never executed: the user reads it and presses Enter (addNewLine false).
  terminal.sendText(step.text, false);
  const root = step.needsRoot ? ' It needs root: read it before you run it.' : '';
  return { applied: true, message: `Typed the command in a terminal; press Enter there to run it.${root}`, terminal };
}

/** "go mod init", "sudo mount -o", "mkdir -p": the first words of the typed command. */
export function terminalName(text: string): string {
  const words = text.trim().split(/\s+/).filter((w) => !w.includes('/') && !w.includes('=')).slice(0, 3);
  return `${words.join(' ') || 'fix'} (Go Doctor)`;
}

/** The cache clear behind both the fix and the "Clear gopls Cache" command. */
export async function clearGoplsCache(requested: string, fx: FixEnv): Promise<FixOutcome> {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const out = await clearGoplsCacheDir(requested, {
    env: fx.env,
    uid,
    confirm: async (c) =>
      (await vscode.window.showWarningMessage(
        `Delete gopls's cache in ${c.dir}?`,
        { modal: true, detail: `${c.entries} ${c.entries === 1 ? 'entry' : 'entries'}, ${formatBytes(c.bytes)} on disk. gopls rebuilds it as it needs; the next start is slower.` },
        CLEAR_CACHE,
      )) === CLEAR_CACHE,
  });
  if (!out.ok) {
    if (!out.cancelled) fx.log.warn(`clear gopls cache refused: ${out.reason}`);
    return { applied: false, message: out.cancelled ? out.reason : `Not cleared: ${out.reason}`, absent: 'absent' in out && !!out.absent };
  }
  fx.log.info(`cleared ${out.dir}: ${out.freedBytes} bytes freed, ${out.removed} entries removed, ${out.failed} not removed`);
  return { applied: true, message: `Cleared ${out.dir}: freed ${formatBytes(out.freedBytes)}${out.failed ? ` (${out.failed} entries could not be removed)` : ''}.` };
}
