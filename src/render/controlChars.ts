// Strings in a report come from the machine (paths, log lines, go's stderr): any of them may hold
// ESC sequences (a window title, a cleared screen, an OSC 8 link) or other control bytes that a
// terminal acts on. Every renderer passes data through here; the renderers' own colours are added
// after, so they keep working.
import stripAnsi from 'strip-ansi';

// C0 and C1 controls and DEL; tab and newline are decided per call.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
const CONTROL_NO_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const hex = (ch: string) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * The text with ANSI escape sequences removed (strip-ansi) and every other control character
 * written as `\xHH`. Tabs stay; newlines stay only with `multiline`.
 */
export function visible(text: string, opts: { multiline?: boolean } = {}): string {
  return stripAnsi(text).replace(opts.multiline ? CONTROL_NO_NEWLINE : CONTROL, hex);
}

/** The lines of a multi-line text, each made visible (a CR inside a line is shown, not obeyed). */
export function visibleLines(text: string): string[] {
  return visible(text.replace(/\r\n/g, '\n'), { multiline: true }).split('\n');
}

/**
 * JSON for stdout: JSON.stringify escapes C0 controls but leaves DEL and C1 (U+0080–U+009F, where
 * U+009B is a CSI to some terminals) raw; written as \u escapes, the value parses the same.
 */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
