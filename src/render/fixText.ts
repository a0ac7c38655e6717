// How a fix reads as an instruction, for the CLI, the Markdown report and the panel: one line per
// step of planFix, the same steps the extension's button performs.
import type { Fix } from '../doctor/model.js';
import { assertNever } from '../doctor/model.js';
import { planFix, type FixStep } from '../fixes/plan.js';
import { quoteForDisplay } from '../host/shellQuote.js';

export function stepInstruction(s: FixStep): string {
  switch (s.step) {
    case 'runCommand':
      return `In VS Code, run the command "${s.command}"`;
    case 'createDir':
      return `$ mkdir -p -m 700 ${quoteForDisplay(s.path)}`;
    case 'writeSetting':
      return `Set ${JSON.stringify(s.key)}: ${JSON.stringify(s.value)} in your ${s.target} settings.json${s.merge ? ' (merged into the existing object)' : ''}`;
    case 'typeInTerminal':
      return `${s.needsRoot ? '# as root\n' : ''}$ ${s.cwd ? `cd ${quoteForDisplay(s.cwd)} && ` : ''}${s.text}`;
    case 'openUrl':
      return `Read ${s.url}`;
    case 'openFile':
      return `Open ${s.path}${s.line ? ` at line ${s.line}${s.column ? `, column ${s.column}` : ''}` : ''}`;
    case 'clearGoplsCache':
      return `$ rm -rf ${quoteForDisplay(s.path)}`;
    default:
      return assertNever(s, 'fix step');
  }
}

export function fixInstruction(fix: Fix): string {
  return planFix(fix).map(stepInstruction).join('\n');
}
