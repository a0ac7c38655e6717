// Whose crash is it? A panic or a deadlock of the user's own program (its stack shows main.main
// and its packages, none of gopls's) must not become a gopls crash; a panic is gopls's only when
// its stack or its log says so. Stacks are shaped as the Go runtime prints them.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { crashVerdict } from '../../../src/goplsLog/crashVerdict.js';

const USER_NIL = `panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0x4a2b3c]

goroutine 1 [running]:
example.com/shop/cart.(*Cart).Total(0x0)
	/home/ann/shop/cart/cart.go:41 +0x1c
main.main()
	/home/ann/shop/main.go:17 +0x85
exit status 2
`;

const USER_DEADLOCK = `fatal error: all goroutines are asleep - deadlock!

goroutine 1 [semacquire]:
sync.runtime_Semacquire(0xc000012098)
	/usr/local/go/src/runtime/sema.go:62 +0x25
sync.(*WaitGroup).Wait(0xc000012090)
	/usr/local/go/src/sync/waitgroup.go:116 +0x48
main.main()
	/tmp/play/prog.go:12 +0x9d
`;

const USER_GOROUTINE_PANIC = `panic: send on closed channel

goroutine 7 [running]:
github.com/acme/ingest/internal/queue.(*Q).push(...)
	/src/internal/queue/q.go:88
github.com/acme/ingest/internal/queue.worker(0xc0000a4000)
	/src/internal/queue/q.go:120 +0x1a5
created by github.com/acme/ingest/internal/queue.Start in goroutine 1
	/src/internal/queue/q.go:60 +0x7c
`;

const GOPLS_PANIC = `panic: runtime error: index out of range [3] with length 3

goroutine 311 [running]:
golang.org/x/tools/gopls/internal/golang.hover(0xc001b2e000, {0x1a2b3c0, 0xc000f10000})
	/home/ann/go/pkg/mod/golang.org/x/tools/gopls@v0.19.1/internal/golang/hover.go:512 +0x1f44
golang.org/x/tools/gopls/internal/server.(*server).Hover(0xc000248000, {0x1a2b3c0, 0xc000f10000}, 0xc00112a0c0)
	/home/ann/go/pkg/mod/golang.org/x/tools/gopls@v0.19.1/internal/server/hover.go:49 +0x3b1
created by golang.org/x/tools/internal/jsonrpc2.(*conn).run in goroutine 12
	/home/ann/go/pkg/mod/golang.org/x/tools@v0.33.0/internal/jsonrpc2/conn.go:211 +0x10a
`;

const USER_OOM = `fatal error: runtime: out of memory

runtime stack:
runtime.throw({0x5c1e2a, 0x16})
	/usr/local/go/src/runtime/panic.go:1023 +0x5c
runtime.sysMap(0xc400000000, 0x4000000, 0x7a1f10)
	/usr/local/go/src/runtime/mem_linux.go:187 +0x12c

goroutine 1 [running]:
main.buildIndex(...)
	/home/ann/idx/main.go:33
main.main()
	/home/ann/idx/main.go:12 +0x4b
`;

const CLOSED = '[Info  - 3:14:15 PM] Connection to server got closed. Server will restart.\n';

function findings(text: string) {
  return findingsOf('/logs/gopls (server).log', analyzeText(text));
}

describe('crash ownership', () => {
  it.each([
    ['a nil dereference in main.main', USER_NIL],
    ['a deadlock in main.main', USER_DEADLOCK],
    ['a panic in a goroutine of the user module', USER_GOROUTINE_PANIC],
  ])('%s is the program\'s own: no error, the crash kept as unclassified evidence', (_, text) => {
    for (const t of [text, text + CLOSED]) {
      const s = analyzeText(t);
      expect(s.crashes.map((c) => c.owner)).toEqual(['other']);
      const f = findingsOf('/logs/x.log', s);
      expect(f.filter((x) => x.severity === 'error')).toEqual([]);
      const kept = f.find((x) => x.severity === 'info');
      expect(kept?.evidence[0]).toMatchObject({ line: 1, excerpt: expect.stringMatching(/^(panic|fatal error): /) });
      expect(kept?.evidence[0]!.excerpt).toContain("another program's");
      expect(crashVerdict({ logs: [{ source: 'x', summary: s }] }).kind).not.toMatch(/panic|fatal-error/);
    }
  });

  it('a panic whose stack is in gopls is a gopls crash', () => {
    const s = analyzeText(GOPLS_PANIC + CLOSED);
    expect(s.crashes.map((c) => c.owner)).toEqual(['gopls']);
    expect(findings(GOPLS_PANIC)).toContainEqual(expect.objectContaining({ classId: 'gopls-launch', severity: 'error', message: expect.stringContaining('gopls v0.19.1 panicked') }));
  });

  it('a stack with only runtime frames is gopls\'s when the log names gopls right before it, not otherwise', () => {
    const bare = 'fatal error: concurrent map writes\n\ngoroutine 9 [running]:\nruntime.throw({0x1, 0x2})\n\t/usr/local/go/src/runtime/panic.go:1023 +0x5c\n';
    expect(analyzeText(bare).crashes[0]!.owner).toBe('unknown');
    expect(findings(bare).filter((f) => f.severity === 'error')).toEqual([]);
    const said = `[Error - 3:14:15 PM] gopls client: the gopls server died\n${bare}`;
    expect(analyzeText(said).crashes[0]!.owner).toBe('gopls');
    expect(findings(said)).toContainEqual(expect.objectContaining({ classId: 'gopls-launch', severity: 'error' }));
  });

  it("a stack in the Go type checker or x/tools's packages, and no other program's frames, is a Go tool's: gopls's", () => {
    const checker = `panic: internal error: bad position\n\ngoroutine 4121 [running]:\ngo/types.(*Checker).handleBailout(0xc000a2e000, 0xc0012f3b20)\n\t/usr/local/go/src/go/types/check.go:404 +0x9c\npanic({0x8f1e20?, 0xc000e1a150?})\n\t/usr/local/go/src/runtime/panic.go:785 +0x132\ngo/types.(*Checker).exprInternal(0xc000a2e000, 0x0, 0xc001b40c00, {0xa1c3b8, 0xc000d4e360}, {0x0, 0x0})\n\t/usr/local/go/src/go/types/expr.go:1120 +0x2c5\n`;
    expect(analyzeText(checker).crashes[0]!.owner).toBe('gopls');
    expect(findings(checker)).toContainEqual(expect.objectContaining({ classId: 'gopls-launch', severity: 'error' }));
    const loader = `panic: runtime error: invalid memory address or nil pointer dereference\n\ngoroutine 88 [running]:\ngolang.org/x/tools/go/packages.(*loader).refine(0xc000152000, 0xc0001f4000)\n\t/home/ann/go/pkg/mod/golang.org/x/tools@v0.30.0/go/packages/packages.go:790 +0x5a1\n`;
    expect(analyzeText(loader).crashes[0]!.owner).toBe('gopls');
    // The same x/tools packages under a linter's or vet's own driver: that program's crash.
    const linter = `${loader}github.com/golangci/golangci-lint/pkg/lint.(*Runner).Run(0xc0003e2000)\n\t/src/pkg/lint/runner.go:201 +0x8a\n`;
    expect(analyzeText(linter).crashes[0]!.owner).toBe('other');
    expect(findings(linter).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('the user program running out of memory is still a memory problem, not a gopls crash', () => {
    const f = findings(USER_OOM);
    // What the program saw, not why: a memory symptom until a probe finds the limit or the shortage.
    expect(f).toContainEqual(expect.objectContaining({ classId: 'memory-limit', severity: 'warning', role: 'symptom', symptom: 'out-of-memory' }));
    expect(f.filter((x) => x.classId === 'gopls-launch' && x.severity === 'error')).toEqual([]);
  });

  it('"gopls exited due to fatal error: runtime: out of memory" (no dump) is memory', () => {
    expect(findings('gopls exited due to fatal error: runtime: out of memory\n')).toContainEqual(expect.objectContaining({ classId: 'memory-limit', role: 'symptom', symptom: 'out-of-memory' }));
  });
});

describe('nothing is dropped', () => {
  it('error lines no rule names are kept, with their line numbers, up to a bound, and counted past it', () => {
    const lines = ['starting', ...Array.from({ length: 30 }, (_, i) => `tool ${i}: failed to reach the license server`), 'done'];
    const s = analyzeText(lines.join('\n') + '\n');
    expect(s.unclassifiedCount).toBe(30);
    expect(s.unclassified).toHaveLength(20);
    expect(s.unclassified[0]).toEqual({ line: 2, text: 'tool 0: failed to reach the license server' });
    const f = findingsOf('/logs/a.log', s);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', message: expect.stringContaining('30 error lines or crashes in a.log that no rule names (the first 20 kept)') });
    expect(f[0]!.evidence[0]).toMatchObject({ source: '/logs/a.log', line: 2 });
  });

  it("a VS Code log line at [error] is kept whatever its words; one at [warning] only with a failure's", () => {
    const s = analyzeText(
      [
        '2026-12-05 10:14:02.125 [error] [File Watcher (parcel)] Inotify event queue overflowed (path: /home/dev/proj)',
        '2026-12-05 10:14:02.130 [critical] [Extension Host] extension host terminated unexpectedly. Code: 0',
        '2026-12-05 10:14:02.140 [warning] [File Watcher (parcel)] Inotify event queue overflowed (path: /home/dev/proj)',
        '2026-12-05 10:14:02.150 [info] Started local extension host with pid 4711.',
      ].join('\n') + '\n',
    );
    expect(s.unclassified.map((u) => u.line)).toEqual([1, 2]);
  });

  it('lines a rule classifies and calm lines are not repeated as unclassified', () => {
    const s = analyzeText('all good\nwrite /x: no space left on device\nstill fine\n');
    expect(s.unclassified).toEqual([]);
  });

  // vscode-languageclient logs a failed request as a header and its message on the next line.
  it("a client's \"Request … failed.\" header goes with the message under it", () => {
    const named = analyzeText('[Error - 10:00:01 AM] Request textDocument/hover failed.\n  Message: open /home/u/go/pkg/mod/cache/lock: no space left on device\n  Code: 0 \n');
    expect(named.unclassified).toEqual([]);
    const unnamed = analyzeText('[Error - 10:00:01 AM] Request textDocument/hover failed.\n  Message: something odd happened\n  Code: 0 \n');
    expect(unnamed.unclassified).toEqual([
      { line: 1, text: '[Error - 10:00:01 AM] Request textDocument/hover failed.' },
      { line: 2, text: '  Message: something odd happened' },
    ]);
    expect(unnamed.unclassifiedCount).toBe(2);
    const bare = analyzeText('[Error - 10:00:01 AM] Request textDocument/hover failed.\n[Info  - 10:00:02 AM] ok\n[Error - 10:00:03 AM] Request textDocument/definition failed.\n');
    expect(bare.unclassified.map((u) => u.line)).toEqual([1, 3]);
  });
});
