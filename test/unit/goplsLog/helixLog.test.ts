// Helix's log files a language server's stderr, and its error replies, at ERROR (helixLog.ts).
// Read as what gopls printed and answered, a healthy session and a reply about code being typed
// are no failure of gopls; the transport's own "StreamClosed" stays the line it is.
import { describe, expect, it } from 'vitest';
import { parseHelixErrorReply, parseHelixStderr, unescapeRustDebug } from '../../../src/goplsLog/helixLog.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';

const T = 'helix_lsp::transport [ERROR] ';

describe('parseHelixStderr (the timestamp is a transport prefix the analyzer takes off first)', () => {
  it.each([
    // helix-editor/helix#14055's log, another server's line.
    [`${T}golangci-lint-lsp err <- "2025/07/23 14:58:18 golangci-lint-langserver: connections opened\\n"`, 'golangci-lint-lsp', ['2025/07/23 14:58:18 golangci-lint-langserver: connections opened']],
    [`${T}gopls err <- "panic: runtime error: index out of range [3] with length 3\\n"`, 'gopls', ['panic: runtime error: index out of range [3] with length 3']],
    // Before 22.12 the server had no name in the line; a cut line keeps what is there.
    [`${T}err <- "go: cannot find GOROOT directory: /usr/local/go`, '', ['go: cannot find GOROOT directory: /usr/local/go']],
    [`${T}gopls err <- "say \\"hi\\"\\tC:\\\\go \\u{1b}[0m \\u{e9}\\r\\n"`, 'gopls', ['say "hi"\tC:\\go \x1b[0m \u00c3\u00a9']],
  ])('%s', (line, command, lines) => {
    expect(parseHelixStderr(line)).toEqual({ command, lines });
  });

  it.each([
    `${T}gopls err: <- StreamClosed`,
    `${T}gopls <- ServerError(0): no packages`,
    "helix_view::editor [ERROR] Failed to initialize the language servers for `source.go` - `gopls` { cannot find binary path }",
    '[Error - 10:41:12 AM] gopls err <- "x"',
  ])('not a relayed stderr line: %s', (line) => {
    expect(parseHelixStderr(line)).toBeUndefined();
  });
});

describe('parseHelixErrorReply', () => {
  it.each([
    [`${T}gopls <- ServerError(0): 28:24: missing ',' before newline in composite literal`, { server: 'gopls', message: "28:24: missing ',' before newline in composite literal" }],
    [`${T}gopls <- ServerError(-32603): no views`, { server: 'gopls', message: 'no views' }],
  ])('%s', (line, reply) => {
    expect(parseHelixErrorReply(line)).toEqual(reply);
  });

  it('the transport\'s own error is not a reply', () => {
    expect(parseHelixErrorReply(`${T}gopls err: <- StreamClosed`)).toBeUndefined();
  });
});

describe('unescapeRustDebug', () => {
  it.each([
    ['plain', 'plain'],
    ['a\\nb\\tc\\r\\0', 'a\nb\tc\r\0'],
    ['\\\\ \\" \\\'', '\\ " \''],
    ['\\u{7f}', '\x7f'],
    ['\\u{110000}', 'u{110000}'],
  ])('%j', (s, out) => {
    expect(unescapeRustDebug(s)).toBe(out);
  });
});

const at = (s: string, i: number) => `2025-07-23T14:58:${String(10 + i).padStart(2, '0')}.221 ${s}`;

describe("Helix's log", () => {
  it('a healthy gopls session, and its replies about code being typed, are no failure of gopls', () => {
    const s = analyzeText(
      [
        `${T}gopls err <- "2025/07/23 14:58:10 background imports cache refresh starting\\n"`,
        `${T}gopls err <- "2025/07/23 14:58:11 imports fixes: AllImportsFixes: /home/ann/app/main.go:12:17: expected ';', found 'ILLEGAL' (and 3 more errors)\\n"`,
        `${T}gopls <- ServerError(0): 28:24: missing ',' before newline in composite literal`,
        "helix_view::document [WARN] LSP formatting failed: protocol error: ServerError(0): 28:24: missing ',' before newline in composite literal",
      ].map(at).join('\n'),
    );
    expect(s.goplsFailures).toEqual([]);
    expect(s.errorReplies[0]!.messages[0]!.message).toContain("missing ','");
    for (const w of ['helix_lsp', 'transport', 'err']) expect(s.resemblanceWords).not.toContain(w);
    expect(findingsOf('/logs/helix.log', s).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('what gopls printed or answered is read as it wrote it', () => {
    expect(analyzeText(at(`${T}gopls err <- "go: cannot find GOROOT directory: /usr/local/go\\n"`, 0)).events.map((e) => e.classId)).toContain('env-inheritance');
    expect(analyzeText(at(`${T}gopls <- ServerError(0): no views`, 0)).events.map((e) => e.classId)).toContain('module-resolution');
    const crash = analyzeText([`${T}gopls err <- "panic: runtime error: index out of range [3] with length 3\\n"`, `${T}gopls err <- "\\n"`, `${T}gopls err <- "goroutine 7 [running]:\\n"`].map(at).join('\n'));
    expect(crash.crashes[0]).toMatchObject({ kind: 'panic', line: 1, owner: 'gopls' });
  });
});
