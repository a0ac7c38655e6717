// One failure, told twice: VS Code's "gopls (server)" channel holds gopls's stderr (with -rpc.trace
// in go.languageServerFlags, the trace: the window/logMessage record and its JSON message) and the
// language client's own line for the same message ("[error] 2026/12/06 04:01:15 go/packages.Load #1:
// err: …"). Counted as two events, one failure read "14 lines" where the trace alone said 9 (a
// tester's; measured on a real gopls v0.23.0 capture, test/fixtures/logs/editor-echo/). A line is the
// echo of a record when it says the record's words, a few lines from it, one of the two in a
// record's body and the other not.
import { unescapeJsonFragment } from './lines.js';

/** How far apart (in lines) a record and the client's line for it are found. */
export const ECHO_LINES = 20;
/** Shorter words than this ("no views") are said by many failures: never taken for an echo. */
const MIN_ECHO_CHARS = 30;

/**
 * The words of an event's line that a copy of it would say: JSON escapes read, the one line of
 * them that holds one of the rule's needles (a message's other lines are its attributes), without
 * the excerpt's cut marks, a "Params: …"/"message":" wrapper or surrounding blanks. Pure.
 */
export function eventCore(text: string, needles: readonly string[]): string {
  const lines = unescapeJsonFragment(text).split('\n');
  const line = lines.find((l) => needles.some((n) => l.includes(n))) ?? lines[0] ?? '';
  return line
    .replace(/^…|…$/g, '')
    .replace(/^.*"message":"/, '')
    .replace(/"\s*[,}].*$/, '')
    .trim();
}

/** Does `plain` (a line outside any record) say what `body` (a record's line) says? Pure. */
export function echoes(plain: string, body: string): boolean {
  return plain.length >= MIN_ECHO_CHARS && body.length >= MIN_ECHO_CHARS && (body.includes(plain) || plain.includes(body));
}
