// How an argument is shown in a command line a person reads or types. Pure and free of Node, so
// the panel's browser bundle renders fix instructions with the same quoting as the CLI.

/** C0 controls, DEL and C1 controls: bytes a terminal acts on (Ctrl-U wipes the line, CR submits it). */
export const TERMINAL_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const utf8 = new TextEncoder();

/**
 * Quotes one word for bash and zsh as a person would type or paste it. A word with a control
 * character is written as ANSI-C `$'…'` with `\xHH` escapes, so the text holds only printable
 * characters while the shell still sees the original bytes: typed into a terminal, a raw Ctrl-U or
 * CR would edit or submit the line before the user pressed Enter.
 */
export function quoteForDisplay(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  if (!TERMINAL_CONTROL.test(arg)) return `'${arg.replace(/'/g, `'\\''`)}'`;
  let out = '';
  for (const ch of arg) {
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (TERMINAL_CONTROL.test(ch)) for (const b of utf8.encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `$'${out}'`;
}
