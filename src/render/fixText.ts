// How a fix reads as an instruction, for the CLI and the Markdown report (the extension runs it).
import { assertNever, type Fix } from '../doctor/model.js';
import { quoteForDisplay } from '../host/exec.js';

export function fixInstruction(fix: Fix): string {
  switch (fix.kind) {
    case 'command':
      return `In VS Code, run the command "${fix.command}"`;
    case 'setting':
      return `Set ${JSON.stringify(fix.key)}: ${JSON.stringify(fix.value)} in your ${fix.target} settings.json${fix.merge ? ' (merged into the existing object)' : ''}`;
    case 'terminal':
      return `${fix.needsRoot ? '# as root\n' : ''}$ ${fix.cwd ? `cd ${quoteForDisplay(fix.cwd)} && ` : ''}${fix.text}`;
    case 'link':
      return `Read ${fix.url}`;
    case 'clearGoplsCache':
      return `$ rm -rf ${quoteForDisplay(fix.path)}`;
    default:
      return assertNever(fix, 'fix kind');
  }
}
