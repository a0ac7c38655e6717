// What a fix does, step by step: the one reading of a fix's data. The extension performs exactly
// these steps (vscode/fixRunner.ts), and the CLI, the Markdown report and the panel print them
// (render/fixText.ts), so an instruction and its button cannot drift apart. Pure, and free of
// Node, because the panel's browser bundle renders it too.
import { assertNever, type Fix } from '../doctor/model.js';

export type FixStep =
  /** Run a VS Code command. */
  | { step: 'runCommand'; command: string; args: unknown[] }
  /** Create a directory (and its parents), mode 0700, before a setting names it. */
  | { step: 'createDir'; path: string }
  /** Write one setting; `merge` merges into the object already there. */
  | { step: 'writeSetting'; key: string; value: unknown; target: 'user' | 'workspace'; merge: boolean }
  /** Type a command into a terminal; never run it: the user presses Enter. */
  | { step: 'typeInTerminal'; text: string; cwd?: string; needsRoot: boolean }
  | { step: 'openUrl'; url: string }
  /** Open a file in the editor, at a line (and column) when known. */
  | { step: 'openFile'; path: string; line?: number; column?: number }
  /** Empty gopls's cache, after the guard re-derives the directory and the user confirms. */
  | { step: 'clearGoplsCache'; path: string };

export function planFix(fix: Fix): FixStep[] {
  switch (fix.kind) {
    case 'command':
      return [{ step: 'runCommand', command: fix.command, args: fix.args ?? [] }];
    case 'setting':
      return [
        ...(fix.createDirs ?? []).map((p): FixStep => ({ step: 'createDir', path: p })),
        { step: 'writeSetting', key: fix.key, value: fix.value, target: fix.target, merge: !!fix.merge },
        ...(fix.extraWrites ?? []).map((w): FixStep => ({ step: 'writeSetting', key: w.key, value: w.value, target: fix.target, merge: !!w.merge })),
      ];
    case 'terminal':
      return [{ step: 'typeInTerminal', text: fix.text, needsRoot: fix.needsRoot, ...(fix.cwd ? { cwd: fix.cwd } : {}) }];
    case 'link':
      return [{ step: 'openUrl', url: fix.url }];
    case 'openFile':
      return [{ step: 'openFile', path: fix.path, ...(fix.line ? { line: fix.line } : {}), ...(fix.column ? { column: fix.column } : {}) }];
    case 'clearGoplsCache':
      return [{ step: 'clearGoplsCache', path: fix.path }];
    default:
      return assertNever(fix, 'fix kind');
  }
}
