// A terminal fix is typed into a shell for the user to read and run, and printed for pasting: no
// byte a terminal acts on (Ctrl-U, CR, ESC…) may be in it, or the line runs before Enter. Builders
// quote paths with quoteForDisplay (bash's words); guardTerminalFixes checks every probe's
// findings in the pipeline. At the end of a run, after the root wrapper (asRoot.ts) is decided,
// fixesForShell rewrites the words for the shell the fix is typed into when that is known (the
// editor's terminal shell, the CLI's $SHELL): fish reads `$'…'` as a literal `$` and a quoted
// string, and dash before 0.5.13 has no form for a control character at all.
import { quoteForDisplay, requoteForShell, shellDialect, TERMINAL_CONTROL } from '../host/shellQuote.js';
import type { Finding, Fix } from '../doctor/model.js';

export const WITHHELD_NOTE = 'A fix was withheld: its command would hold control characters, which a terminal acts on while the command is typed.';

/** Why a fix is not offered in this shell. */
export function withheldForShellNote(shell: string): string {
  const name = shell.split('/').pop() ?? shell;
  return `A fix was withheld: its command names a path with control characters, which only $'…' quoting can type, and ${name} does not read $'…' (bash, zsh, ksh and fish can; dash only from 0.5.13).`;
}

export type GuardResult = { fix: Fix } | { withheld: string };

/**
 * The fix as it can be typed into `shell` (a path or name; undefined: bash's words as built). A cwd
 * with control characters, or one the shell quotes differently, moves into the text as a quoted
 * `cd`; a text the shell cannot read, or that still holds a control character, is withheld.
 */
export function checkTerminalFix(fix: Fix, shell?: string): GuardResult {
  if (fix.kind !== 'terminal') return { fix };
  const dialect = shellDialect(shell);
  let safe = fix;
  const cwdWord = fix.cwd === undefined ? undefined : quoteForDisplay(fix.cwd);
  if (fix.cwd !== undefined && cwdWord !== undefined && (TERMINAL_CONTROL.test(fix.cwd) || requoteForShell(cwdWord, dialect) !== cwdWord)) {
    const { cwd: _cwd, ...rest } = fix;
    safe = { ...rest, text: `cd ${cwdWord} && ${fix.text}` };
  }
  const text = requoteForShell(safe.text, dialect);
  if (text === undefined) return { withheld: withheldForShellNote(shell!) };
  if (TERMINAL_CONTROL.test(text)) return { withheld: WITHHELD_NOTE };
  return { fix: text === safe.text ? safe : { ...safe, text } };
}

/** checkTerminalFix without the reason: the fix, or undefined when withheld. */
export function guardTerminalFix(fix: Fix, shell?: string): Fix | undefined {
  const r = checkTerminalFix(fix, shell);
  return 'fix' in r ? r.fix : undefined;
}

export function guardTerminalFixes(finding: Finding, shell?: string): Finding {
  const results = finding.fixes.map((f) => checkTerminalFix(f, shell));
  const fixes = results.flatMap((r) => ('fix' in r ? [r.fix] : []));
  const notes = [...new Set(results.flatMap((r) => ('withheld' in r ? [r.withheld] : [])))];
  if (!notes.length) return { ...finding, fixes };
  return { ...finding, message: `${finding.message} ${notes.join(' ')}`, fixes };
}

/**
 * Every terminal fix of a report in the words of `shell`, findings' and causes' alike: a fix the
 * shell cannot read is dropped from both and its finding says why. Bash, zsh, ksh and a shell
 * nobody named keep the words as built.
 */
export function fixesForShell<R extends { causes: Array<{ fixes: Fix[]; findings: Finding[] }> }>(report: R, shell: string | undefined): R {
  const dialect = shellDialect(shell);
  if (dialect === undefined || dialect === 'ansi-c') return report;
  return {
    ...report,
    causes: report.causes.map((c) => ({
      ...c,
      fixes: c.fixes.flatMap((x) => guardTerminalFix(x, shell) ?? []),
      findings: c.findings.map((f) => guardTerminalFixes(f, shell)),
    })),
  };
}
