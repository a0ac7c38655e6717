// A terminal fix is typed into a shell for the user to read and run, and printed for pasting: no
// byte a terminal acts on (Ctrl-U, CR, ESC…) may be in it, or the line runs before Enter. Builders
// quote paths with quoteForDisplay; this is the last check, for every probe's findings.
import { quoteForDisplay, TERMINAL_CONTROL } from '../host/shellQuote.js';
import type { Finding, Fix } from '../doctor/model.js';

export const WITHHELD_NOTE = 'A fix was withheld: its command would hold control characters, which a terminal acts on while the command is typed.';

/** A cwd with control characters moves into the text as a quoted `cd`; unquoted ones withhold the fix. */
export function guardTerminalFix(fix: Fix): Fix | undefined {
  if (fix.kind !== 'terminal') return fix;
  let safe = fix;
  if (fix.cwd !== undefined && TERMINAL_CONTROL.test(fix.cwd)) {
    const { cwd, ...rest } = fix;
    safe = { ...rest, text: `cd ${quoteForDisplay(cwd)} && ${fix.text}` };
  }
  return TERMINAL_CONTROL.test(safe.text) ? undefined : safe;
}

export function guardTerminalFixes(finding: Finding): Finding {
  const fixes = finding.fixes.map(guardTerminalFix);
  if (fixes.every((f) => f !== undefined)) return { ...finding, fixes: fixes as Fix[] };
  return { ...finding, message: `${finding.message} ${WITHHELD_NOTE}`, fixes: fixes.filter((f): f is Fix => f !== undefined) };
}
