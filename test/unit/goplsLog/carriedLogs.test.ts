// A log as a report or a collector carries it: quoted in Markdown, indented as a code block, each
// line behind a CI timestamp, a BuildKit step, a compose service, a list bullet, or in a terminal's
// colours. The log's own shapes (a crash and whose it is, a `go env` listing, a rule anchored at
// the start of a message) are read under all of them, and nothing that is not such a prefix is cut.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { transportPrefixLength } from '../../../src/goplsLog/lines.js';

describe('transportPrefixLength', () => {
  it.each([
    ['> panic: boom', 2],
    ['>> > panic: boom', 5],
    ['>', 1],
    ['> ', 2],
    ['2024-03-02T10:11:12.3456789Z panic: boom', 29],
    ['2024-03-02T10:11:12Z', 20],
    ['2024-03-02T10:11:12+01:00 go: downloading x', 26],
    ['2024-03-02 10:11:12,345 panic: boom', 24],
    ['#8 0.234 go: downloading example.com/m v1.0.0', 9],
    // A blank line in BuildKit's progress, once the space a paste left at its end is gone.
    ['#8 0.234', 8],
    ['web-1  | panic: boom', 9],
    ['api_1 | 2024-03-02T10:11:12Z > GOROOT=/usr/local/go', 31],
    ['- GOROOT=/usr/local/go', 2],
    ['* GOPATH=/home/ann/go', 2],
    ['-', 1],
  ])('%j: %i', (line, n) => {
    expect(transportPrefixLength(line)).toBe(n);
  });

  it.each([
    'panic: boom',
    // The editor's own log line: parseEditorLogLine reads it, date, time, level and all.
    '2024-03-02 10:11:12.345 [error] panic: boom',
    // gopls's event log and a trace header keep their shapes.
    '2024/03/02 10:11:12 failed to load snapshot',
    '[Trace - 10:11:12 AM] Received response',
    '--- FAIL: TestHover (0.01s)',
    '-mod=vendor',
    '#cgo LDFLAGS: -lfoo',
    'go version go1.22.1 linux/amd64',
    'GOOS=linux',
    '\tdirectory = file:///home/ann/m',
    '1234 | what',
    '  12 | func main() {',
    'a|b',
  ])('%j: no prefix', (line) => {
    expect(transportPrefixLength(line)).toBe(0);
  });
});

const GOPLS_CRASH = `panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x1593785]

goroutine 12691 [running]:
golang.org/x/tools/gopls/internal/cache.(*snapshot).View(0x0, 0xc001257cd0, 0x0)
	/home/ann/go/pkg/mod/golang.org/x/tools/gopls@v0.16.1/internal/cache/snapshot.go:61 +0x5
golang.org/x/tools/gopls/internal/server.(*server).diagnoseSnapshot(0xc00020c960, 0x18516e0, 0x0)
	/home/ann/go/pkg/mod/golang.org/x/tools/gopls@v0.16.1/internal/server/diagnostics.go:20 +0x69`;

const USER_CRASH = `panic: send on closed channel

goroutine 7 [running]:
github.com/acme/ingest/internal/queue.worker(0xc0000a4000)
	/src/internal/queue/q.go:120 +0x1a5
main.main()
	/src/main.go:17 +0x85`;

const GO_ENV = `GOARCH="arm64"
GOHOSTARCH="amd64"
GOHOSTOS="linux"
GOOS="linux"`;

const each = (text: string, f: (l: string, i: number) => string) => text.split('\n').map(f).join('\n');
const CARRIERS: Array<[string, (t: string) => string]> = [
  ['quoted', (t) => each(t, (l) => `> ${l}`)],
  ['quoted twice, blank lines as bare ">"', (t) => each(t, (l) => (l ? `> > ${l}` : '>'))],
  ['a code block (four spaces)', (t) => each(t, (l) => `    ${l}`)],
  ['a code block whose tabs became spaces', (t) => each(t.replace(/\t/g, '        '), (l) => `    ${l}`)],
  ['GitHub Actions timestamps', (t) => each(t, (l, i) => `2024-03-02T10:11:${String(10 + i).padStart(2, '0')}.1234567Z ${l}`)],
  ['BuildKit progress', (t) => each(t, (l, i) => `#12 ${(1.5 + i / 100).toFixed(3)} ${l}`)],
  ['compose service', (t) => each(t, (l) => `gopls-dev-1  | ${l}`)],
  ['a list', (t) => each(t, (l) => `- ${l}`)],
  ['terminal colours', (t) => each(t, (l) => `\x1b[31m${l}\x1b[0m`)],
  ["the editor's own log lines (VS Code 1.84+), blank lines too", (t) => each(t, (l) => `2024-03-02 10:11:12.345 [info] ${l}`)],
  ["spaces and tabs left at lines' ends", (t) => each(t, (l, i) => `${l}${i % 2 ? ' \t' : '   '}`)],
];

describe('a log carried in a report', () => {
  it.each(CARRIERS)('%s: a gopls crash is still gopls\'s, with its message and stack', (_, carry) => {
    const c = analyzeText(carry(GOPLS_CRASH)).crashes;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ kind: 'panic', owner: 'gopls', line: 1, message: expect.stringContaining('nil pointer dereference') });
    expect(c[0]!.stack.some((l) => l.includes('golang.org/x/tools/gopls/internal/server'))).toBe(true);
  });

  it.each(CARRIERS)("%s: the user's own crash is still not gopls's", (_, carry) => {
    expect(analyzeText(carry(USER_CRASH)).crashes.map((c) => c.owner)).toEqual(['other']);
  });

  it.each(CARRIERS)('%s: a go env listing still says its facts', (_, carry) => {
    const e = analyzeText(carry(GO_ENV)).events.filter((x) => x.ruleId === 'foreign-target-env');
    expect(e.map((x) => x.line)).toEqual([2]);
  });

  // Under a code block's indent too, outside a trace's records: their JSON bodies are indented and
  // are not messages (reading each such line again cost every rule a second test there).
  it.each(CARRIERS)('%s: a rule anchored at the start of a message still reads it', (_, carry) => {
    const e = analyzeText(carry('fatal: morestack on g0')).events;
    expect(e.map((x) => x.classId)).toContain('gopls-launch');
  });

  it('an excerpt from a coloured line is its UTF-8 text without the colours', () => {
    const plain = analyzeText('fatal: morestack on g0 — süß\n').events;
    expect(plain.map((e) => e.text)).toEqual(['fatal: morestack on g0 — süß']);
    expect(analyzeText('\x1b[1;31mfatal: morestack on g0 — süß\x1b[0m\n').events).toEqual(plain);
  });
});

// Go's log package (gopls's event log, and any Go program's log.Printf or log.Fatal) writes the
// date and time before the message: a rule anchored at a message's start reads the message.
describe("a message behind Go's log date", () => {
  it.each([
    ['2024/03/02 10:11:12 fatal: morestack on g0', 'gopls-launch'],
    ['2024/03/02 10:11:12.345678 .local/bin/tool: line 75: /tmp/tmpx-1/dat/../run: Permission denied', 'noexec-mount'],
    ['2024/03/02 10:11:12 /bin/sh: 1: /tmp/go-build3321/b001/exe/main: Permission denied', 'noexec-mount'],
  ])('%j names %s', (line, cls) => {
    const e = analyzeText(`${line}\n`).events;
    expect(e.map((x) => x.classId)).toContain(cls);
    // The excerpt is the message as the program wrote it.
    expect(e.find((x) => x.classId === cls)!.text).toBe(line.slice(line.indexOf(' ', 11) + 1));
  });

  it("an event's key=value lines are still read as its own", () => {
    const r = analyzeText('2024/03/02 10:11:12 go/packages.Load #1\n\tsnapshot=0\n\tdirectory=/home/ann/m\n');
    expect(r.shapes.goplsEvents).toBe(1);
    expect(r.unclassified).toEqual([]);
  });
});
