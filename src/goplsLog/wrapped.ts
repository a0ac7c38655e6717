// Messages that reach a log inside another program's quoting. Real reports paste a message the way
// the program in between stored it: Neovim's lsp.log and vim-lsp keep a server's stderr as a Lua or
// JSON string ("Cannot find \"go\" in PATH\n"), zap and logrus put an error in a JSON or logfmt field
// (\"go\", \n between lines), Python shows bytes as b'…\n…', and a terminal capture keeps its ANSI
// colours. The rules are written against the message as its own program prints it, so a line no
// rule knows is read once more with those layers taken off: escapes undone, colours removed, and
// split where the escaped text had line breaks. Pure.
import stripAnsi from 'strip-ansi';
import { unescapeJsonFragment } from './lines.js';

/** A backslash escape of a quote, a line break or a tab, or an ANSI CSI sequence. */
const WRAPPED = /\\[nrt"']|\x1b\[/;

/**
 * The lines inside a wrapped message, or undefined when the line carries no such layer (then it is
 * already as its program printed it). Empty lines are dropped; at most `max` are returned.
 */
export function unwrapMessage(text: string, max = 64): string[] | undefined {
  if (!WRAPPED.test(text)) return undefined;
  let t = text.includes('\x1b[') ? stripAnsi(text) : text;
  if (t.includes('\\')) t = unescapeJsonFragment(t);
  if (t === text) return undefined;
  const out: string[] = [];
  for (const l of t.split(/\r?\n|\r/)) {
    if (!l.trim()) continue;
    out.push(l);
    if (out.length >= max) break;
  }
  return out;
}
