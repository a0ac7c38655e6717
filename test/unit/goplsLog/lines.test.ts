import { describe, expect, it } from 'vitest';
import {
  parseTraceHeader,
  parseErrorReply,
  parseClientLogLine,
  parseEditorLogLine,
  parseGoplsEventLine,
  parseStackLine,
  sanitizeStackLine,
  parseGoFailure,
  timeOfDayMs,
} from '../../../src/goplsLog/lines.js';
import { matchRules } from '../../../src/goplsLog/rules.js';

describe('parseTraceHeader', () => {
  const rows = [
    { in: "[Trace - 18:16:18.401 PM] Sending request 'initialize - (0)'.", want: { direction: 'Sending', kind: 'request', method: 'initialize', id: '0' } },
    { in: "[Trace - 18:16:19.278 PM] Received response 'textDocument/hover - (1)' in 857ms.", want: { direction: 'Received', kind: 'response', method: 'textDocument/hover', id: '1', ms: 857 } },
    { in: "[Trace - 18:16:18.420 PM] Sending notification 'textDocument/didOpen'.", want: { kind: 'notification', method: 'textDocument/didOpen' } },
    { in: "[Trace - 15:04:05.000 PM] Received response 'textDocument/hover - (12)' in 8ms. Request failed: no views (0).", want: { ms: 8, failure: { message: 'no views', code: 0 } } },
    { in: "[Trace - 10:00:00 AM] Received response 'x - (7)' in 12ms. Request failed: boom (-32603).", want: { method: 'x', id: '7', failure: { message: 'boom', code: -32603 } } },
  ];
  for (const r of rows) it(r.in, () => expect(parseTraceHeader(r.in)).toMatchObject(r.want));
  it('rejects other lines', () => {
    for (const l of ['Params: {}', '[Trace - x] nonsense', '', '[Error - Received] 18:16:19.289 PM #5 no views']) expect(parseTraceHeader(l)).toBeUndefined();
  });
});

describe('other line shapes', () => {
  it('gopls error reply', () => {
    expect(parseErrorReply('[Error - Received] 18:16:35.831 PM #1 no views')).toEqual({ direction: 'Received', time: '18:16:35.831 PM', id: '1', message: 'no views' });
    expect(parseErrorReply('[Trace - 18:16:35.831 PM] Sending request')).toBeUndefined();
  });
  it('languageclient log line', () => {
    expect(parseClientLogLine('[Error - 3:04:05 PM] Request textDocument/hover failed.')).toMatchObject({ level: 'Error', failedMethod: 'textDocument/hover' });
    expect(parseClientLogLine('[Info - 5:19:22 AM] hello')).toMatchObject({ level: 'Info', text: 'hello' });
  });
  it('VS Code log channel line', () => {
    expect(parseEditorLogLine('2024-05-01 10:00:00.123 [error] panic: boom')).toEqual({ date: '2024-05-01', time: '10:00:00.123', level: 'error', text: 'panic: boom' });
    expect(parseEditorLogLine('2024/05/01 10:00:00 Created View')).toBeUndefined();
  });
  it('gopls event line', () => {
    expect(parseGoplsEventLine('2026/11/24 18:16:18 go/packages.Load #1')).toEqual({ date: '2026/11/24', time: '18:16:18', message: 'go/packages.Load #1' });
  });
  it('time of day, including gopls\'s 24-hour clock with a PM suffix', () => {
    expect(timeOfDayMs('18:16:18.401 PM')).toBe(((18 * 60 + 16) * 60 + 18) * 1000 + 401);
    expect(timeOfDayMs('5:19:22 PM')).toBe(((17 * 60 + 19) * 60 + 22) * 1000);
    expect(timeOfDayMs('12:00:00 AM')).toBe(0);
    expect(timeOfDayMs('junk')).toBeUndefined();
  });
});

describe('stack lines', () => {
  const rows: Array<{ in: string; kind: string; clean?: string }> = [
    { in: 'panic: runtime error: invalid memory address or nil pointer dereference', kind: 'panic' },
    { in: 'fatal error: runtime: out of memory', kind: 'fatal' },
    { in: 'SIGABRT: abort', kind: 'signal-dump' },
    { in: 'goroutine 1 gp=0x390a596941e0 m=nil [sync.WaitGroup.Wait]:', kind: 'goroutine', clean: 'goroutine 1 [sync.WaitGroup.Wait]:' },
    { in: 'goroutine 54151 [running]:', kind: 'goroutine' },
    {
      in: 'golang.org/x/tools/gopls/internal/cmd.(*Serve).Run(0x390a59927910, {0x15e4498, 0x390a5993f290}, {0x390a5973c230?, 0x0?, 0x0?})',
      kind: 'frame-func',
      clean: 'golang.org/x/tools/gopls/internal/cmd.(*Serve).Run(...)',
    },
    { in: '\t/root/go/pkg/mod/golang.org/x/tools/gopls@v0.23.0/internal/cmd/serve.go:173 +0x57a fp=0x390a596db8e8 sp=0x390a596db7f8 pc=0x107e17a', kind: 'frame-file', clean: '\tserve.go:173' },
    { in: '\t  check.go:1402  0x93a', kind: 'frame-file', clean: '\tcheck.go:1402' },
    { in: 'created by golang.org/x/sync/errgroup.(*Group).Go in goroutine 1157', kind: 'created-by', clean: 'created by golang.org/x/sync/errgroup.(*Group).Go' },
    { in: 'runtime.goparkunlock(...)', kind: 'frame-func' },
  ];
  for (const r of rows)
    it(r.in.slice(0, 60), () => {
      const s = parseStackLine(r.in);
      expect(s?.kind).toBe(r.kind);
      if (r.clean) expect(sanitizeStackLine(s!)).toBe(r.clean);
    });
  it('plain prose is not a stack line', () => {
    for (const l of ['Created View (#1)', 'hello world', 'Params: {}']) expect(parseStackLine(l)).toBeUndefined();
  });
});

describe('go invocation failures', () => {
  it('reads status and stderr out of a JSON-escaped message', () => {
    const f = parseGoFailure('{"message":"go/packages.Load error: err: exit status 1: stderr: go: inconsistent vendoring in /x:\\n\\tgithub.com/a/b@v1: is explicitly required\\n"}');
    expect(f).toEqual({ status: 'exit status 1', stderr: 'go: inconsistent vendoring in /x:\n\tgithub.com/a/b@v1: is explicitly required' });
  });
  it('no stderr marker, no failure', () => expect(parseGoFailure('exit status 1')).toBeUndefined());
});

describe('rules (which class a line is evidence for)', () => {
  const rows: Array<{ in: string; want: string[] }> = [
    { in: '[Error - Received] 14:03:07.123 PM #5 no views', want: ['no-views'] },
    { in: 'err: go command required, not found: exec: "go": executable file not found in $PATH: stderr: ', want: ['go-missing'] },
    { in: 'Error loading workspace folders (expected 1, got 0)\\nfailed to load view for file:///x: err: go command required, not found', want: ['go-missing'] },
    { in: 'Error loading workspace folders (expected 2, got 1)', want: ['workspace-load-failed'] },
    { in: 'Gopls was built with Go version 1.18, which is not supported by this version of gopls. Please upgrade', want: ['gopls-built-unsupported'] },
    { in: 'Found Go version 1.16, which is not supported by this version of gopls. Please upgrade to Go 1.21', want: ['go-too-old'] },
    { in: 'Found Go version 1.21, which will be unsupported by gopls v0.17.0. Please upgrade', want: ['go-version-deprecated'] },
    { in: 'fatal error: runtime: out of memory', want: ['fatal-out-of-memory'] },
    { in: 'runtime: failed to create new OS thread (have 11 already; errno=11)', want: ['thread-create-failed'] },
    { in: 'fork/exec /tmp/go-build214772872/b001/x.test: permission denied', want: ['exec-permission-denied'] },
    { in: 'open /home/u/go/pkg/mod/cache/lock: permission denied', want: ['go-file-refused'] },
    { in: 'inotify_add_watch /home/u/src: no space left on device', want: ['inotify-enospc'] },
    { in: 'write /tmp/x: no space left on device', want: ['no-space-left'] },
    { in: 'mkdir /_go_os_test: read-only file system', want: ['read-only-fs'] },
    { in: 'type=AVC msg=audit(1.2:3): avc:  denied  { execute } for pid=1 comm="go"', want: ['selinux-avc-denied'] },
    { in: 'audit: type=1400 apparmor="DENIED" operation="exec" profile="snap.code.code"', want: ['apparmor-denied'] },
    { in: 'fork/exec /usr/local/go/bin/go: resource temporarily unavailable', want: ['eagain'] },
    { in: 'err: signal: killed: stderr: ', want: ['go-command-killed'] },
    { in: 'The gopls server crashed 5 times in the last 3 minutes. The server will not be restarted.', want: ['crash-loop'] },
    // Healthy lines from the real capture say nothing.
    { in: 'Params: {"type":1,"message":"2026/11/24 18:16:22 warning: while diagnosing orphaned files: session is shut down\\n"}', want: [] },
    { in: 'Params: {"type":3,"message":"2026/11/24 18:16:18 go/packages.Load #1\\n\\tview_id=\\"1\\"\\n\\tpackages=3\\n"}', want: [] },
    { in: 'the panic: word mid-sentence is not a crash', want: [] },
  ];
  for (const r of rows) it(r.in.slice(0, 70), () => expect(matchRules(r.in).map((x) => x.id)).toEqual(r.want));
});
