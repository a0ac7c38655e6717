// Pure, per-line readers of the formats a gopls log can be in. Each takes one line (no newline,
// no trailing \r) and says what it is, or undefined. Table-tested on strings.

/** An LSP trace record header, from gopls -rpc.trace or from vscode-languageclient's trace. */
export interface TraceHeader {
  /** Client's point of view in both writers: Sending = editor → gopls, Received = gopls → editor. */
  direction: 'Sending' | 'Received';
  kind: 'request' | 'response' | 'notification';
  method: string;
  id?: string;
  /** The writer's own measure ("in 8ms"). */
  ms?: number;
  /** "Request failed: MESSAGE (CODE)." on a response line. */
  failure?: { message: string; code?: number };
  /** As written: "15:04:05.000 PM" or "5:19:22 AM". */
  time: string;
}

// [Trace - 15:04:05.000 PM] Received response 'textDocument/hover - (12)' in 8ms.
// [Trace - 10:00:00 AM] Received response 'x - (7)' in 12ms. Request failed: no views (-32603).
const TRACE_HEADER =
  /^\[(?:Trace|Info|Warn|Warning|Error) - ([^\]]{1,40})\] (Sending|Received) (request|response|notification) '(.*?)'(?: in (\d+)ms)?\.(?: Request failed: (.*?)(?: \((-?\d+)\))?\.?)?\s*$/;

export function parseTraceHeader(line: string): TraceHeader | undefined {
  if (line.charCodeAt(0) !== 0x5b /* [ */) return undefined;
  return traceHeaderByRegex(line);
}

/**
 * parseTraceHeader of a line that is also the latin1 bytes bytes[at, at + line.length) (the
 * analyzer decodes its chunks so): the same answer. The shapes a trace is made of,
 * `[Trace - TIME] Sending|Received request|response|notification 'METHOD' in Nms.` with or
 * without ` in Nms`, ending at its full stop, are read from the bytes; anything else (another
 * level, "Request failed: …", trailing text, a line break inside the quotes) by the regex. Every
 * record header went through TRACE_HEADER and its seven captures. When the bytes answer, it is the
 * regex's answer: the regex's lazy `(.*?)'` stops at the first quote whose remainder matches, and
 * these shapes' remainders do (lineParsersByHand.test.ts holds the two to each other).
 */
export function parseTraceHeaderAt(line: string, bytes: Uint8Array, at: number): TraceHeader | undefined {
  if (line.charCodeAt(0) !== 0x5b /* [ */) return undefined;
  return plainTraceHeaderAt(line, bytes, at) ?? traceHeaderByRegex(line);
}

const latin1Bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const SENDING = latin1Bytes('Sending ');
const RECEIVED = latin1Bytes('Received ');
const REQUEST = latin1Bytes("request '");
const RESPONSE = latin1Bytes("response '");
const NOTIFICATION = latin1Bytes("notification '");

function bytesAt(b: Uint8Array, i: number, end: number, lit: Uint8Array): boolean {
  if (i + lit.length > end) return false;
  for (let k = 0; k < lit.length; k++) if (b[i + k] !== lit[k]) return false;
  return true;
}

/**
 * Where a plain "[Trace - …]" header's parts lie in its bytes (traceHeaderSpanAt): absolute offsets
 * into the bytes, so the analyzer cuts a string only where it needs one (a method already interned
 * is recognised from its bytes; an id only for the pending requests' key).
 */
export interface TraceHeaderSpan {
  direction: TraceHeader['direction'];
  kind: TraceHeader['kind'];
  timeFrom: number;
  timeTo: number;
  methodFrom: number;
  methodTo: number;
  /** idFrom < 0: no id. */
  idFrom: number;
  idTo: number;
  /** The writer's " in Nms", or -1 without one. */
  ms: number;
}

/** A span to fill (traceHeaderSpanAt overwrites every field). */
export function newTraceHeaderSpan(): TraceHeaderSpan {
  return { direction: 'Sending', kind: 'request', timeFrom: 0, timeTo: 0, methodFrom: 0, methodTo: 0, idFrom: -1, idTo: -1, ms: -1 };
}

/**
 * plainTraceHeaderAt's reading of the latin1 bytes b[o, end) into `out`, no string cut: true when
 * the line is one of its shapes (then every field of `out` is set), false when the regex must read
 * it (`out` is then undefined in part).
 */
export function traceHeaderSpanAt(b: Uint8Array, o: number, end: number, out: TraceHeaderSpan): boolean {
  // "[Trace - ", spelled out: a loop over a table of its bytes was half of this function's time.
  if (end - o < 20 || b[o + 1] !== 0x54 || b[o + 2] !== 0x72 || b[o + 3] !== 0x61 || b[o + 4] !== 0x63 || b[o + 5] !== 0x65 || b[o + 6] !== 0x20 || b[o + 7] !== 0x2d || b[o + 8] !== 0x20 || b[o] !== 0x5b) return false;
  // ([^\]]{1,40})\] : the time is everything up to the first ']', one to forty characters.
  let c = o + 9;
  const lim = Math.min(end, o + 50);
  while (c < lim && b[c] !== 0x5d) c++;
  if (c === o + 9 || c >= lim || c + 1 >= end || b[c + 1] !== 0x20) return false;
  let p = c + 2;
  // Each alternative is told by its first byte, then compared whole.
  if (b[p] === 0x53 && bytesAt(b, p, end, SENDING)) (out.direction = 'Sending'), (p += SENDING.length);
  else if (b[p] === 0x52 && bytesAt(b, p, end, RECEIVED)) (out.direction = 'Received'), (p += RECEIVED.length);
  else return false;
  if (b[p] === 0x72 && b[p + 2] === 0x71 && bytesAt(b, p, end, REQUEST)) (out.kind = 'request'), (p += REQUEST.length);
  else if (b[p] === 0x72 && bytesAt(b, p, end, RESPONSE)) (out.kind = 'response'), (p += RESPONSE.length);
  else if (b[p] === 0x6e && bytesAt(b, p, end, NOTIFICATION)) (out.kind = 'notification'), (p += NOTIFICATION.length);
  else return false;
  // The method runs to the first quote; `.` matches no line terminator (in latin1: \n and \r).
  // (These loops read each byte once into a local: reading b[q] again for each test, and " in "
  // through bytesAt, was a fifth of this function's time.)
  let q = p;
  for (;;) {
    if (q >= end) return false;
    const x = b[q]!;
    if (x === 0x27) break;
    if (x === 0x0a || x === 0x0d) return false;
    q++;
  }
  let r = q + 1;
  let ms = -1;
  if (r + 4 <= end && b[r] === 0x20 && b[r + 1] === 0x69 && b[r + 2] === 0x6e && b[r + 3] === 0x20 /* " in " */) {
    const from = r + 4;
    let d = from;
    let v = 0;
    for (; d < end; d++) {
      const x = b[d]! - 0x30;
      if (x < 0 || x > 9) break;
      v = v * 10 + x;
    }
    if (d === from || d + 2 > end || b[d] !== 0x6d || b[d + 1] !== 0x73) return false;
    // Up to 15 digits the sum is exact; longer ones are read as Number() reads them.
    ms = d - from <= 15 ? v : Number(latin1At(b, from, d));
    r = d + 2;
  }
  if (r !== end - 1 || b[r] !== 0x2e /* . */) return false;
  out.timeFrom = o + 9;
  out.timeTo = c;
  out.ms = ms;
  // splitOneLine over the bytes: the last " - (" of a method that ends with ")".
  out.methodFrom = p;
  out.methodTo = q;
  out.idFrom = -1;
  out.idTo = -1;
  if (q > p && b[q - 1] === 0x29 /* ) */) {
    for (let k = q - 4; k >= p; k--) {
      if (b[k] === 0x20 && b[k + 1] === 0x2d && b[k + 2] === 0x20 && b[k + 3] === 0x28) {
        if (k + 4 <= q - 1) (out.methodTo = k), (out.idFrom = k + 4), (out.idTo = q - 1);
        break;
      }
    }
  }
  return true;
}

/** A string's UTF-8 bytes as latin1 code units: how the analyzer, which decodes a log as latin1, sees it. */
export const utf8AsLatin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

/** The latin1 string of b[from, to). */
function latin1At(b: Uint8Array, from: number, to: number): string {
  return Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('latin1');
}

const SPAN = newTraceHeaderSpan();

function plainTraceHeaderAt(line: string, b: Uint8Array, o: number): TraceHeader | undefined {
  if (!traceHeaderSpanAt(b, o, o + line.length, SPAN)) return undefined;
  const h: TraceHeader = { direction: SPAN.direction, kind: SPAN.kind, method: line.slice(SPAN.methodFrom - o, SPAN.methodTo - o), time: line.slice(9, SPAN.timeTo - o) };
  if (SPAN.idFrom >= 0) h.id = line.slice(SPAN.idFrom - o, SPAN.idTo - o);
  if (SPAN.ms >= 0) h.ms = SPAN.ms;
  return h;
}

/** TRACE_HEADER's reading of a line (parseTraceHeaderAt's reference). */
export function traceHeaderByRegex(line: string): TraceHeader | undefined {
  const m = TRACE_HEADER.exec(line);
  if (!m) return undefined;
  // m[4] is `.*?`, which holds no line terminator: the check for one is not needed here.
  const { method, id } = splitOneLine(m[4]!);
  const h: TraceHeader = { direction: m[2] as TraceHeader['direction'], kind: m[3] as TraceHeader['kind'], method, time: m[1]! };
  if (id !== undefined) h.id = id;
  if (m[5] !== undefined) h.ms = Number(m[5]);
  if (m[6] !== undefined) h.failure = { message: m[6], ...(m[7] !== undefined ? { code: Number(m[7]) } : {}) };
  return h;
}

/** "textDocument/hover - (12)" → method and id; a notification has no id. */
export function splitMethodId(s: string): { method: string; id?: string } {
  // What /^(.*) - \((.*)\)$/ says, without its backtracking (every trace header goes through
  // here): the last " - (" of a string that ends with ")", on one line (`.` crosses no line
  // terminator).
  return LINE_TERMINATOR.test(s) ? { method: s } : splitOneLine(s);
}

/** splitMethodId of a string known to hold no line terminator. */
function splitOneLine(s: string): { method: string; id?: string } {
  if (s.charCodeAt(s.length - 1) !== 0x29 /* ) */) return { method: s };
  const at = s.lastIndexOf(' - (');
  if (at < 0 || at + 4 > s.length - 1) return { method: s };
  return { method: s.slice(0, at), id: s.slice(at + 4, -1) };
}

/** What a regex's `.` does not match. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** gopls's own error record: `[Error - Received] 14:03:07.123 PM #5 no views`. */
export interface ErrorReply {
  direction: 'Sending' | 'Received' | 'Sent';
  time: string;
  id: string;
  message: string;
}

const GOPLS_ERROR = /^\[Error - (Received|Sending|Sent)\] (\d{1,2}:\d{2}:\d{2}(?:\.\d+)?(?: [AP]M)?) #(\S+) (.*)$/;

export function parseErrorReply(line: string): ErrorReply | undefined {
  if (line.charCodeAt(0) !== 0x5b) return undefined;
  const m = GOPLS_ERROR.exec(line);
  if (!m) return undefined;
  return { direction: m[1] as ErrorReply['direction'], time: m[2]!, id: m[3]!, message: m[4]! };
}

/**
 * vscode-languageclient's output channel line: `[Error - 5:19:22 AM] Request textDocument/hover failed.`
 * (followed by `  Message: …` and `  Code: …`), `[Info - …] …`, `[Warn - …] …`.
 */
export interface ClientLogLine {
  level: 'Trace' | 'Debug' | 'Info' | 'Warn' | 'Warning' | 'Error';
  time: string;
  text: string;
  /** "Request textDocument/hover failed." */
  failedMethod?: string;
}

// vscode-languageclient 9 pads the level to five characters: "[Info  - 10:15:12 AM] …".
const CLIENT_LOG = /^\[(Trace|Debug|Info|Warn|Warning|Error) {1,2}- ([^\]]{1,40})\] ?(.*)$/;

export function parseClientLogLine(line: string): ClientLogLine | undefined {
  if (line.charCodeAt(0) !== 0x5b) return undefined;
  const m = CLIENT_LOG.exec(line);
  if (!m) return undefined;
  const out: ClientLogLine = { level: m[1] as ClientLogLine['level'], time: m[2]!, text: m[3]! };
  const f = /^Request (\S+) failed\.\s*$/.exec(out.text);
  if (f) out.failedMethod = f[1]!;
  return out;
}

/** VS Code's persisted log channel: `2024-05-01 10:00:00.123 [error] message`. */
export interface EditorLogLine {
  date: string;
  time: string;
  level: string;
  text: string;
}

const EDITOR_LOG = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) \[(trace|debug|info|warning|warn|error|critical)\] ?(.*)$/;

export function parseEditorLogLine(line: string): EditorLogLine | undefined {
  const c = line.charCodeAt(0);
  if (c < 0x30 || c > 0x39) return undefined;
  const m = EDITOR_LOG.exec(line);
  if (!m) return undefined;
  return { date: m[1]!, time: m[2]!, level: m[3]!, text: m[4]! };
}

/**
 * What a report or a collector put before every line of the log it carries, so that the log's own
 * shapes (a crash, a `go env` listing, an event line) are read under it: a Markdown quote's "> " (a
 * report quoting its log), an ISO-8601 timestamp (GitHub Actions' "2024-03-02T10:11:12.3456789Z ",
 * kubectl logs --timestamps), BuildKit's plain progress "#8 0.234 ", docker compose's "web-1  | ", a
 * Markdown list's "- " or "* ",
 * in any mix. Its length, 0 for none; all of the line's for a quoted blank line. The editor's own "2024-03-02
 * 10:11:12.345 [error] " is not one: parseEditorLogLine reads it. Pure.
 */
const TRANSPORT = /(?:(?:>[ \t]?)+|#\d{1,5} \d{1,6}\.\d{1,4}(?: |$)|\d{4}-\d\d-\d\d(?:T|(?= \d\d:\d\d:\d\d(?:[.,]\d+)? (?!\[)) )\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?(?: |$)|[-*](?: | ?$))+/y;
export function transportPrefixLength(line: string): number {
  let at = 0;
  // At most three, outermost first ("web_1  | 2024-03-02T10:11:12Z > …").
  for (let k = 0; k < 3; k++) {
    const n = oneTransportPrefix(line, at);
    if (!n) break;
    at += n;
  }
  return at;
}

function oneTransportPrefix(line: string, at: number): number {
  const c = line.charCodeAt(at);
  // Cheap gates: > # - * or a digit with a date's dash at index 4 (TRANSPORT); else a word then
  // spaces then "|" (compose), which fails at the first character that is neither for most lines.
  if (c === 0x3e || c === 0x23 || c === 0x2d || c === 0x2a || (c >= 0x30 && c <= 0x39 && line.charCodeAt(at + 4) === 0x2d)) {
    TRANSPORT.lastIndex = at;
    const m = TRANSPORT.exec(line);
    if (m) return m[0].length;
  }
  return composeServiceLength(line, at);
}

/** docker compose's (and kubetail's, stern's) "service-1  | ": a name, spaces, a bar, a space. */
function composeServiceLength(line: string, at: number): number {
  let i = at;
  // A name starts with a letter: "  12 | func main()" is a numbered source listing.
  const c0 = line.charCodeAt(at) | 0x20;
  if (c0 < 0x61 || c0 > 0x7a) return 0;
  for (let c = line.charCodeAt(i); i - at < 100 && ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x2d); c = line.charCodeAt(++i));
  if (i === at || line.charCodeAt(i) !== 0x20) return 0;
  while (line.charCodeAt(i) === 0x20) i++;
  if (line.charCodeAt(i) !== 0x7c) return 0;
  i++;
  if (line.charCodeAt(i) === 0x20) i++;
  return i - at;
}

/** gopls's event log (internal/event/export): `2006/01/02 15:04:05 message`, then `\tkey=value` lines. */
export interface GoplsEventLine {
  date: string;
  time: string;
  message: string;
}

const GOPLS_EVENT = /^(\d{4}\/\d{2}\/\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) (.*)$/;

export function parseGoplsEventLine(line: string): GoplsEventLine | undefined {
  const c = line.charCodeAt(0);
  if (c < 0x30 || c > 0x39) return undefined;
  const m = GOPLS_EVENT.exec(line);
  if (!m) return undefined;
  return { date: m[1]!, time: m[2]!, message: m[3]! };
}

/** A `\tkey=value` continuation of a gopls event. */
export function isEventAttribute(line: string): boolean {
  return line.charCodeAt(0) === 0x09 && /^\t[\w.]+=/.test(line);
}

// --- Go runtime crash output (stderr) ---------------------------------------------------

export type StackLine =
  | { kind: 'panic'; message: string }
  | { kind: 'fatal'; message: string }
  | { kind: 'signal-dump'; signal: string; message: string }
  | { kind: 'signal-info'; text: string }
  | { kind: 'goroutine'; id: number; state: string }
  | { kind: 'frame-func'; func: string }
  | { kind: 'frame-file'; file: string; line: number }
  | { kind: 'created-by'; func: string }
  | { kind: 'runtime-stack' }
  | { kind: 'register'; text: string };

/**
 * One line of what the Go runtime prints when it dies. The vscode-go crash report's sanitized form
 * (`\t  diagnostics.go:86  0x3e`) is read too.
 */
export function parseStackLine(line: string): StackLine | undefined {
  // A paste into a GitHub issue often keeps its HTML wrapper: "<pre>panic: …".
  if (line.startsWith('<pre>')) line = line.slice(5);
  if (line.startsWith('panic: ')) return { kind: 'panic', message: line.slice(7) };
  if (line.startsWith('fatal error: ')) return { kind: 'fatal', message: line.slice(13) };
  const sig = /^(SIG[A-Z]+): (.*)$/.exec(line);
  if (sig) return { kind: 'signal-dump', signal: sig[1]!, message: sig[2]! };
  if (line.startsWith('[signal ')) return { kind: 'signal-info', text: line };
  if (line === 'runtime stack:') return { kind: 'runtime-stack' };
  const g = /^goroutine (\d+)(?: gp=\S+)?(?: m=\S+)?(?: mp=\S+)? \[([^\]]*)\]:$/.exec(line);
  if (g) return { kind: 'goroutine', id: Number(g[1]), state: g[2]! };
  if (line.charCodeAt(0) === 0x09) {
    const f = /^\t\s*(.*?\.(?:go|s|c)|<autogenerated>):(\d+)(?:\s.*)?$/.exec(line);
    if (f) return { kind: 'frame-file', file: f[1]!, line: Number(f[2]) };
    return undefined;
  }
  if (line.startsWith('created by ')) return { kind: 'created-by', func: line.slice(11).replace(/ in goroutine \d+$/, '') };
  // rax 0x0 / PC=0x46eec0 m=0 sigcode=0 / rip 0x…: the register dump after a signal.
  if (/^(?:PC=0x[0-9a-f]+ |[a-z][a-z0-9]{1,6}\s+0x[0-9a-f]+$)/.test(line)) return { kind: 'register', text: line };
  const fn = /^([\w./%*()-]+(?:\.[\w.%*()[\]-]+)*)\((.*)\)(?: fp=\S+ sp=\S+ pc=\S+)?$/.exec(line);
  if (fn && fn[1]!.includes('.')) return { kind: 'frame-func', func: fn[1]! };
  if (/^[\w./%*()-]+\.[\w.*()[\]-]+\(\.\.\.\)$/.test(line)) return { kind: 'frame-func', func: line.slice(0, -5) };
  return undefined;
}

/** A stack line as a bug report wants it: arguments and addresses dropped, paths cut to base names. */
export function sanitizeStackLine(s: StackLine): string {
  switch (s.kind) {
    case 'panic':
      return `panic: ${sanitizeMessage(s.message)}`;
    case 'fatal':
      return `fatal error: ${sanitizeMessage(s.message)}`;
    case 'signal-dump':
      return `${s.signal}: ${s.message}`;
    case 'signal-info':
      return s.text;
    case 'goroutine':
      return `goroutine ${s.id} [${s.state}]:`;
    case 'frame-func':
      return `${s.func}(...)`;
    case 'frame-file':
      return `\t${baseName(s.file)}:${s.line}`;
    case 'created-by':
      return `created by ${s.func}`;
    case 'runtime-stack':
      return 'runtime stack:';
    case 'register':
      return s.text;
  }
}

function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}

/** Paths in a message cut to base names: /home/ann/src/x/y.go → y.go. */
export function sanitizeMessage(text: string): string {
  return text.replace(/(?:[A-Za-z]:)?(?:[\\/][^\\/\s:"'()]+)+[\\/]([^\\/\s:"'()]+)/g, '$1');
}

// --- helpers for record bodies -------------------------------------------------------------

/** gopls's failing go invocations: `err: exit status 1: stderr: go: …`. */
export interface GoFailure {
  status: string;
  stderr: string;
}

/** The go command's failure as gopls quotes it: "…err: <how it failed>: stderr: <what go said>". */
export function parseGoFailure(text: string): GoFailure | undefined {
  const at = text.indexOf(': stderr: ');
  if (at < 0) return undefined;
  const before = text.slice(Math.max(0, at - 300), at);
  const e = before.lastIndexOf('err: ');
  if (e < 0) return undefined;
  const status = unescapeJsonFragment(before.slice(e + 5)).trim();
  if (!status) return undefined;
  // The stderr runs to the end of the JSON string (an unescaped quote) or of the line.
  const rest = /^((?:[^"\\]|\\.){0,400})/.exec(text.slice(at + 10))![1]!;
  return { status: status.slice(0, 200), stderr: unescapeJsonFragment(rest).trim().slice(0, 300) };
}

/** Undoes JSON string escapes in a fragment cut out of a JSON line (never throws). */
export function unescapeJsonFragment(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '';
      case 'u':
        return e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e;
      default:
        return e;
    }
  });
}

/** Milliseconds since midnight of a "15:04:05.000 PM" / "5:19:22 AM" / "15:04:05" time, or undefined. */
export function timeOfDayMs(t: string): number | undefined {
  // By hand rather than /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?: ([AP]M))?$/ (the same
  // grammar, property-tested against it): every trace header's time comes here, and the regex
  // and its Number() calls were a twentieth of reading a long trace.
  const s = t.trim();
  const n = s.length;
  let i = 0;
  let h = digitAt(s, i++);
  if (h < 0) return undefined;
  if (digitAt(s, i) >= 0) h = h * 10 + digitAt(s, i++);
  if (s.charCodeAt(i) !== 0x3a /* : */ || digitAt(s, i + 1) < 0 || digitAt(s, i + 2) < 0) return undefined;
  const min = digitAt(s, i + 1) * 10 + digitAt(s, i + 2);
  i += 3;
  if (s.charCodeAt(i) !== 0x3a || digitAt(s, i + 1) < 0 || digitAt(s, i + 2) < 0) return undefined;
  const sec = digitAt(s, i + 1) * 10 + digitAt(s, i + 2);
  i += 3;
  let frac = 0;
  if (s.charCodeAt(i) === 0x2e /* . */) {
    const from = i + 1;
    let to = from;
    let v = 0;
    while (to - from < 6 && digitAt(s, to) >= 0) v = v * 10 + digitAt(s, to++);
    if (to === from) return undefined;
    // Up to three digits are whole milliseconds (what Number('0.ddd') * 1000 rounds to); more
    // go through the same float arithmetic as before, whose rounding at .5 they can reach.
    frac = to - from <= 3 ? v * (to - from === 1 ? 100 : to - from === 2 ? 10 : 1) : Number(`0.${s.slice(from, to)}`) * 1000;
    i = to;
  }
  let pm = false;
  let am = false;
  if (i < n) {
    if (n - i !== 3 || s.charCodeAt(i) !== 0x20 || s.charCodeAt(i + 2) !== 0x4d /* M */) return undefined;
    const c = s.charCodeAt(i + 1);
    if (c === 0x50 /* P */) pm = true;
    else if (c === 0x41 /* A */) am = true;
    else return undefined;
  }
  // gopls formats "15:04:05.000 PM": a 24-hour clock with a decorative AM/PM; only a 12-hour
  // clock (hour ≤ 12) is shifted.
  if (pm && h < 12) h += 12;
  if (am && h === 12) h = 0;
  return ((h * 60 + min) * 60 + sec) * 1000 + Math.round(frac);
}

/**
 * timeOfDayMs of the latin1 text bytes[from, to), read from the bytes for a record header's usual
 * times ("18:16:18.401 PM", "5:19:22 AM", "15:04:05"): the same answer. A time with spaces around
 * it or more than three fraction digits goes to timeOfDayMs itself (the string is cut then).
 * Tested against timeOfDayMs in lineParsersByHand.test.ts.
 */
export function timeOfDayMsAt(bytes: Uint8Array, from: number, to: number): number | undefined {
  const n = to - from;
  if (n < 7 || isLatin1Space(bytes[from]!) || isLatin1Space(bytes[to - 1]!)) return timeOfDayMs(Buffer.from(bytes.buffer, bytes.byteOffset + from, n).toString('latin1'));
  let i = from;
  let h = byteDigit(bytes, i++);
  if (h < 0) return undefined;
  if (byteDigit(bytes, i) >= 0) h = h * 10 + byteDigit(bytes, i++);
  if (i + 6 > to || bytes[i] !== 0x3a || byteDigit(bytes, i + 1) < 0 || byteDigit(bytes, i + 2) < 0 || bytes[i + 3] !== 0x3a || byteDigit(bytes, i + 4) < 0 || byteDigit(bytes, i + 5) < 0) return undefined;
  const min = byteDigit(bytes, i + 1) * 10 + byteDigit(bytes, i + 2);
  const sec = byteDigit(bytes, i + 4) * 10 + byteDigit(bytes, i + 5);
  i += 6;
  let frac = 0;
  if (i < to && bytes[i] === 0x2e) {
    const f = i + 1;
    let e = f;
    let v = 0;
    while (e < to && e - f < 4 && byteDigit(bytes, e) >= 0) v = v * 10 + byteDigit(bytes, e++);
    if (e === f) return undefined;
    // Four or more digits: Number()'s rounding, as timeOfDayMs does it.
    if (e - f > 3) return timeOfDayMs(Buffer.from(bytes.buffer, bytes.byteOffset + from, n).toString('latin1'));
    frac = v * (e - f === 1 ? 100 : e - f === 2 ? 10 : 1);
    i = e;
  }
  let pm = false;
  let am = false;
  if (i < to) {
    if (to - i !== 3 || bytes[i] !== 0x20 || bytes[i + 2] !== 0x4d /* M */) return undefined;
    const c = bytes[i + 1];
    if (c === 0x50 /* P */) pm = true;
    else if (c === 0x41 /* A */) am = true;
    else return undefined;
  }
  if (pm && h < 12) h += 12;
  if (am && h === 12) h = 0;
  return ((h * 60 + min) * 60 + sec) * 1000 + frac;
}

/** The ASCII digit at bytes[i] as a number, or -1 (not a closure in timeOfDayMsAt: one was made for every header). */
function byteDigit(bytes: Uint8Array, i: number): number {
  const c = bytes[i]! - 0x30;
  return c >= 0 && c <= 9 ? c : -1;
}

/** String.prototype.trim's whitespace among latin1 code units. */
const isLatin1Space = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;

/** The ASCII digit at i as a number, or -1 (what \d matches without the u flag). */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 0x30;
  return c >= 0 && c <= 9 ? c : -1;
}
