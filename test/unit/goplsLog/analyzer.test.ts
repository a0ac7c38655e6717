import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText, LogAnalyzer, MAX_LINE_BYTES } from '../../../src/goplsLog/analyzer.js';

const F = path.resolve('test/fixtures/logs');
const fx = (n: string) => readFileSync(path.join(F, n));

describe('real gopls v0.23.0 -rpc.trace captures', () => {
  it('healthy trace: requests counted per method, latencies matched, one deliberate error reply, read as the file in no package', () => {
    const s = analyzeText(fx('trace-healthy.rpc.log'));
    // What capture/record-trace.mjs sent.
    expect(s.requestsSent).toEqual({ initialize: 1, 'textDocument/hover': 2, 'textDocument/completion': 1, 'textDocument/definition': 1, 'textDocument/documentSymbol': 1, shutdown: 1 });
    expect(s.notificationsSent).toEqual({ initialized: 1, 'textDocument/didOpen': 1, exit: 1 });
    expect(s.requestsReceived).toEqual({ 'window/workDoneProgress/create': 1, 'workspace/configuration': 1 });
    const hover = s.latencies.find((l) => l.method === 'textDocument/hover')!;
    expect(hover).toEqual({ method: 'textDocument/hover', count: 1, p50: 857, p95: 857, max: 857 });
    expect(s.slowest[0]).toMatchObject({ method: 'shutdown', ms: 3287 });
    expect(s.errorReplies).toEqual([{ method: 'textDocument/hover', count: 1, messages: [{ message: expect.stringContaining('no package metadata for file'), line: 89 }] }]);
    expect(s.serverStarts).toHaveLength(1);
    expect(s.unknownLines).toBe(0);
    // The hover on a file outside the module: gopls's "no package metadata for file" family.
    expect(s.events).toEqual([{ ruleId: 'no-package-metadata', classId: 'module-resolution', severity: 'warning', line: 89, text: '[Error - Received] 18:16:19.289 PM #5 no package metadata for file file:///tmp/gedlog/nope/missing.go' }]);
    expect(s.crashes).toEqual([]);
  });

  // gopls's verboseOutput logs every go command it runs, among them x/tools gocommand's own
  // release query, run with GO111MODULE=off on purpose, and go list's -json field list naming
  // "Error": a healthy log read as modules off (exit 1) with two "error lines" (a tester's).
  it('verboseOutput on a healthy module: no modules-off reading and no error lines; modules really off still read', () => {
    const s = analyzeText(fx('trace-verbose-healthy.rpc.log'));
    expect(readFileSync(path.join(F, 'trace-verbose-healthy.rpc.log'), 'utf8')).toContain('GO111MODULE=off GOPROXY= PWD=/work/explore-logs/healthy go list -e -f {{context.ReleaseTags}} -- unsafe');
    expect(s.events.filter((e) => e.severity !== 'info')).toEqual([]);
    expect(s.unclassified).toEqual([]);
    expect(analyzeText(fx('trace-go111module-off.rpc.log')).events.map((e) => e.ruleId)).toContain('modules-disabled');
  });

  // A folder without go.mod importing a module's package: gopls's only word is the diagnostic
  // "could not import X (cannot find package X in GOROOT)" (a tester's log read "no problems found").
  // A module path is never GOROOT's: read inside publishDiagnostics too.
  it('no go.mod, a third-party import: read from the diagnostic as modules not in use', () => {
    const s = analyzeText(fx('trace-no-gomod-import.rpc.log'));
    expect(s.events).toContainEqual(expect.objectContaining({ ruleId: 'module-import-in-goroot', classId: 'module-resolution', severity: 'warning' }));
    // A std-looking path (no dot: a typo of the user's) is not that.
    expect(analyzeText('could not import fmtt (cannot find package "fmtt" in GOROOT)\n').events.map((e) => e.ruleId)).not.toContain('module-import-in-goroot');
  });

  it('go missing: the cause, the "no views" replies, the go failure', () => {
    const s = analyzeText(fx('trace-go-missing.rpc.log'));
    // gopls's diagnostic for the open file, "No active builds contain …", is the no-view symptom too.
    expect(s.eventCounts).toEqual({ 'go-missing': 4, 'no-views': 4, 'no-view-for-file': 1 });
    expect(s.errorReplies.map((e) => [e.method, e.count])).toEqual([
      ['textDocument/hover', 1],
      ['textDocument/completion', 1],
      ['textDocument/definition', 1],
      ['textDocument/documentSymbol', 1],
    ]);
    const nv = s.events.find((e) => e.ruleId === 'no-views')!;
    expect(nv).toMatchObject({ line: 77, text: '[Error - Received] 18:16:35.831 PM #1 no views', classId: 'module-resolution' });
    expect(s.goFailures[0]!.status).toContain('go command required, not found');
  });

  it('user-code errors are not environment events (broken import, didOpen text skipped)', () => {
    const s = analyzeText(fx('trace-broken-import.rpc.log'));
    expect(s.events).toEqual([]);
    expect(s.unknownLines).toBe(0);
  });

  it('OOM-killed trace just stops: unanswered requests, no crash text', () => {
    const s = analyzeText(fx('trace-oom-killed.rpc.log'));
    expect(s.serverStarts).toHaveLength(1);
    expect(s.crashes).toEqual([]);
    expect(s.unanswered).toBeGreaterThan(0);
  });
});

describe('crash output', () => {
  it('real SIGABRT goroutine dump: one signal crash with a sanitized stack', () => {
    const s = analyzeText(fx('gopls-sigabrt.stderr.log'));
    expect(s.crashes).toHaveLength(1);
    const c = s.crashes[0]!;
    expect(c).toMatchObject({ kind: 'signal', line: 1, message: 'SIGABRT: abort' });
    expect(c.dumpLines).toBeGreaterThan(200);
    expect(c.stack.length).toBeLessThanOrEqual(60);
    expect(c.stack.join('\n')).not.toMatch(/\/root\/|\/usr\/local\/go\/src|0x[0-9a-f]{6,}\?/);
    expect(c.stack).toContain('\tserve.go:173');
    expect(s.unknownLines).toBe(0);
  });

  it('vscode-go #3606 sanitized panic', () => {
    const s = analyzeText(fx('public/vscode-go-3606-panic.txt'));
    expect(s.crashes[0]).toMatchObject({ kind: 'panic', message: 'runtime error: invalid memory address or nil pointer dereference' });
    expect(s.crashes[0]!.stack).toContain('golang.org/x/tools/gopls/internal/lsp/cache.localPackageKey(...)');
    expect(s.crashes[0]!.stack).toContain('\tcheck.go:1402');
    expect(s.eventCounts.panic).toBe(1);
  });

  it('golang/go #42889 out of memory', () => {
    const s = analyzeText(fx('public/golang-go-42889-oom.txt'));
    expect(s.crashes[0]).toMatchObject({ kind: 'fatal', message: 'runtime: out of memory' });
    expect(s.eventCounts['fatal-out-of-memory']).toBe(1);
    expect(s.eventCounts['fatal-error']).toBeUndefined();
  });

  it('golang/go #68927 Neovim log: a panic inside escaped stderr strings', () => {
    const s = analyzeText(fx('public/golang-go-68927-nvim.log'));
    expect(s.eventCounts.panic).toBe(1);
    expect(s.crashes[0]).toMatchObject({ kind: 'panic', line: 2 });
  });

  it('editor channel framing: the crash is read through the prefix', () => {
    const s = analyzeText(fx('editor/golang.go/gopls (server).log'));
    expect(s.shapes.editorLog).toBe(30);
    expect(s.crashes[0]).toMatchObject({ kind: 'signal', message: 'SIGABRT: abort' });
  });

  it('public snippets land in their classes', () => {
    expect(analyzeText(fx('public/chromebrew-87-noexec.txt')).events.map((e) => e.classId)).toEqual(['noexec-mount', 'noexec-mount']);
    expect(analyzeText(fx('public/chromebrew-87-readonly.txt')).events.map((e) => e.ruleId)).toEqual(['read-only-fs']);
    expect(analyzeText(fx('public/gaia-117-inotify.txt')).events.map((e) => e.ruleId)).toEqual(['inotify-enospc']);
  });
});

describe('error replies', () => {
  it('the first five distinct messages per method, each with its first line, whatever repeats between them', () => {
    const long = `x${'y'.repeat(1200)}`;
    const msgs = ['A', 'A', 'B', 'A', long, long, 'B', 'C', long, 'D', 'E', 'A', 'F'];
    const text = msgs.map((m, i) => `[Error - Received] 18:16:19.289 PM #${i} no views: ${m}\n`).join('');
    const s = analyzeText(text);
    expect(s.errorReplies).toHaveLength(1);
    expect(s.errorReplies[0]!.count).toBe(msgs.length);
    expect(s.errorReplies[0]!.messages.map((m) => [m.message.slice(0, 12), m.line])).toEqual([['no views: A', 1], ['no views: B', 3], ['no views: xy', 5], ['no views: C', 8], ['no views: D', 10]]);
  });
});

describe('pending requests', () => {
  // Ids are the text between the parentheses: a decimal one is keyed as a number (analyzer.ts
  // pendingKey), every other one as a string. Either way an id and its side are one key.
  const req = (dir: 'Sending' | 'Received', id: string) => `[Trace - 10:00:00.000 AM] ${dir} request 'm/x - (${id})'.\n`;
  const res = (dir: 'Sending' | 'Received', id: string, method = 'm/x') => `[Trace - 10:00:00.005 AM] ${dir} response '${method} - (${id})' in 5ms.\n`;
  it.each([
    ['7', '7', 0], ['0', '0', 0], ['07', '7', 1], ['7', '07', 1], ['x7', 'x7', 0], ['', '', 0], ['1234567890123456', '1234567890123456', 0],
    ['1234567890123456', '1234567890123450', 1], ['123456789012345', '123456789012345', 0], ['-1', '-1', 0], ['1.0', '1', 1], ['c:1', '1', 1],
  ])('request %j answered by %j: %i left', (a, b, left) => {
    expect(analyzeText(req('Sending', a) + res('Received', b)).unanswered).toBe(left);
    // gopls's requests are answered by the editor; the two sides never answer each other.
    expect(analyzeText(req('Received', a) + res('Sending', b)).unanswered).toBe(left);
    expect(analyzeText(req('Sending', a) + res('Sending', b)).unanswered).toBe(1);
  });
  it('an error reply answers the editor\'s request with its id, and a response without a method takes the request\'s', () => {
    expect(analyzeText(`${req('Sending', '12')}[Error - Received] 10:00:00.010 AM #12 no views\n`).errorReplies).toEqual([{ method: 'm/x', count: 1, messages: [{ message: 'no views', line: 2 }] }]);
    expect(analyzeText(`${req('Sending', '12')}[Error - Received] 10:00:00.010 AM #012 no views\n`).errorReplies[0]!.method).toBe('?');
    const s = analyzeText(req('Sending', '3') + res('Received', '3', ''));
    expect(s.latencies.map((l) => l.method)).toEqual(['m/x']);
    expect(s.slowest).toEqual([{ method: 'm/x', id: '3', ms: 5, line: 2 }]);
  });
});

describe('streaming', () => {
  it('any split of the bytes gives the same summary', () => {
    const all = Buffer.concat([fx('trace-go-missing.rpc.log'), fx('public/vscode-go-3606-panic.txt')]);
    const whole = analyzeText(all);
    for (const size of [1, 7, 100, 4096]) {
      const a = new LogAnalyzer();
      for (let i = 0; i < all.length; i += size) a.feed(all.subarray(i, i + size));
      expect(a.end()).toEqual(whole);
    }
  });

  it('bodies it skips, cut anywhere (their start kept as a length only): any split gives the same summary', () => {
    // Sent bodies and plain results are skipped; a chunk ending inside one keeps no bytes of it. Lines
    // in them that start like a header, an editor line, a crash or nothing, and files ending inside one.
    const piece = fc.constantFrom(
      "[Trace - 18:16:18.401 PM] Sending request 'initialize - (0)'.\r\n",
      "[Trace - 18:16:18.404 PM] Received response 'initialize - (0)' in 2ms.\n",
      "[Trace - 18:16:19.000 PM] Received notification 'window/logMessage'.\n",
      'Params: {"type":1,"message":"no space left on device"}\n', `Result: {"x":"${'y'.repeat(3000)}"}\n`, '\r\n', '\n', '\r',
      'panic: runtime error: invalid memory address\n', 'goroutine 1 [running]:\nmain.main()\n\t/x/main.go:3 +0x1\n', 'fatal error: out of memory\n',
      'SIGABRT: abort\n', '<pre>panic: x\n', '2024-01-02 10:11:12.123 [error] gopls: permission denied\n', '12 go/packages.Load\n', 'permission denied\n', 'P', 'x',
      // Blank lines end a body, whitespace-only ones too once trimmed, and a body line may start with spaces.
      '   \n', ' \t\r\n', '    "uri": "file:///x"\n', 'sh: 1: /tmp/x: Permission denied\n',
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 5000 }), (pieces, size) => {
      const all = Buffer.from(pieces.join(''), 'latin1');
      const whole = analyzeText(all);
      const a = new LogAnalyzer();
      for (let i = 0; i < all.length; i += size) a.feed(all.subarray(i, i + size));
      expect(a.end()).toEqual(whole);
    }), { numRuns: 300 });
    // A skipped line past the cap, cut in pieces, and a file ending inside one.
    const big = Buffer.alloc(MAX_LINE_BYTES * 2 + 10, 'y');
    const head = Buffer.from("[Trace - 1:00:00.000 PM] Received response 'x - (1)' in 2ms.\nResult: ");
    for (const tail of ['\nnext\n', '\n', '', '\r\n[Trace - 1:00:01.000 PM] Received notification \'window/logMessage\'.\nParams: no space left on device\n']) {
      const text = Buffer.concat([head, big, Buffer.from(tail)]);
      const whole = analyzeText(text);
      for (const size of [65536, 65537, 1000003]) {
        const a = new LogAnalyzer();
        for (let i = 0; i < text.length; i += size) a.feed(text.subarray(i, i + size));
        expect(a.end()).toEqual(whole);
      }
    }
  });

  it('a crash dump inside a skipped body is read whole: its frames are not skipped as body lines', () => {
    const text = "[Trace - 18:16:18.401 PM] Sending request 'initialize - (0)'.\nParams: {}\npanic: runtime error: invalid memory address or nil pointer dereference\n\ngoroutine 1 [running]:\nmain.main()\n\t/x/main.go:3 +0x1\nexit status 2\n";
    const s = analyzeText(text);
    expect(s.crashes.map((c) => [c.line, c.dumpLines, c.stack.length])).toEqual([[3, 4, 4]]);
    expect(s.lines).toBe(8);
  });

  it("a record's body ends at the blank lines after it: gopls's stderr that follows is read, the JSON is not", () => {
    const record = (body: string) => `[Trace - 10:41:14 AM] Received response 'textDocument/hover - (7)' in 31ms.\nResult: {\n    "value": "${body}"\n}\n`;
    // Inside the body a refusal is the user's hover text, not a failure.
    expect(analyzeText(record('sh: 1: /tmp/x: Permission denied')).events).toEqual([]);
    // After it (two blank lines, as the client writes them; or lines of spaces a paste left), the
    // same words are gopls's stderr.
    for (const gap of ['\n\n', '   \n\n', '\r\n\r\n']) {
      const s = analyzeText(`${record('ok')}${gap}sh: 1: /tmp/build/fixdep: Permission denied\n`);
      expect(s.events.map((e) => e.ruleId), JSON.stringify(gap)).toEqual(['shell-exec-denied']);
    }
    // A diagnostics record's quiet (the user's compiler errors) ends with its body too.
    const diags = "[Trace - 10:41:15 AM] Received notification 'textDocument/publishDiagnostics'.\nParams: {\n    \"diagnostics\": []\n}\n\n\n";
    expect(analyzeText(`${diags}fork/exec /tmp/go-build1/b001/x.test: permission denied\n`).events.map((e) => e.ruleId)).toEqual(['exec-permission-denied']);
    // Cut anywhere, a line of blanks still ends the body: a chunk ending inside it keeps its bytes.
    const text = Buffer.from(`${record('ok')} \t\r\nsh: 1: /tmp/x: Permission denied\n`, 'latin1');
    const whole = analyzeText(text);
    for (let cut = 1; cut < text.length; cut++) {
      const a = new LogAnalyzer();
      a.feed(text.subarray(0, cut));
      a.feed(text.subarray(cut));
      expect(a.end(), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('a giant line is cut into pieces, never held whole', () => {
    const big = Buffer.alloc(MAX_LINE_BYTES * 3 + 10, 'x');
    const text = Buffer.concat([Buffer.from("[Trace - 1:00:00.000 PM] Received notification 'window/logMessage'.\nParams: "), big, Buffer.from(' no space left on device\nnext\n')]);
    const a = new LogAnalyzer();
    for (let i = 0; i < text.length; i += 65536) a.feed(text.subarray(i, i + 65536));
    const s = a.end();
    expect(s.lines).toBe(3);
    expect(s.eventCounts['no-space-left']).toBe(1);
    expect(s.events[0]!.text.length).toBeLessThan(500);
  });

  it('a record cut mid-line at the end of the file is fine', () => {
    const s = analyzeText("[Trace - 18:16:18.401 PM] Sending request 'initialize - (0)'.\nParams: {\"proc");
    expect(s.endedMidLine).toBe(true);
    expect(s.requestsSent).toEqual({ initialize: 1 });
  });

  it('UTF-8 evidence survives the latin1 fast path', () => {
    const s = analyzeText('open /home/jürgen/データ: permission denied\n');
    expect(s.events[0]!.text).toBe('open /home/jürgen/データ: permission denied');
  });
});

describe("encoding/json's escapes in an -rpc.trace body", () => {
  // A real gopls v0.23.0 trace (a tester's, 2026-12-05): go's ">=" reaches the log as "\u003e=".
  const body = String.raw`Params: {"uri":"file:///w/newgo/go.mod","diagnostics":[{"severity":1,"source":"go list","message":"packages.Load error: err: exit status 1: stderr: go: go.mod requires go \u003e= 1.99.0 (running go 1.26.8; GOTOOLCHAIN=local)"}]}`;
  it('are read as the characters go wrote', () => {
    const s = analyzeText(`[Trace - 06:39:35.100 AM] Received notification 'window/logMessage'.\n${body.replace('"uri":"file:///w/newgo/go.mod","diagnostics":[{"severity":1,"source":"go list","message"', '"type":1,"message"').replace(/"\}\]\}$/, '"}')}\n`);
    expect(s.events.map((e) => e.ruleId)).toContain('go-version-too-old-for-module');
  });
  it('and the excerpt stays as written', () => {
    const s = analyzeText(`[Trace - 06:39:35.100 AM] Received notification 'window/logMessage'.\nParams: {"type":1,"message":"go: go.mod requires go \\u003e= 1.99.0 (running go 1.26.8; GOTOOLCHAIN=local)"}\n`);
    const e = s.events.find((x) => x.ruleId === 'go-version-too-old-for-module');
    expect(e?.text).toContain('\\u003e=');
  });
});
