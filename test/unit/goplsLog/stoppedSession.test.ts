// Does a trace's last session just stop? Real gopls v0.23.0 traces (test/fixtures/logs/README.md:
// an OOM kill in a 100 MiB memory cgroup, a kill -9, a closed stdin, a clean exit), and strings.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { lastRecordAt, stoppedSession, tellsOfDeath } from '../../../src/goplsLog/stoppedSession.js';

const F = path.resolve('test/fixtures/logs');
const fx = (n: string) => analyzeText(readFileSync(path.join(F, n)));
const record = (t: string, dir: 'Sending' | 'Received', what: string) => `[Trace - ${t} AM] ${dir} ${what}.\nParams: {}\n\n\n`;
const start = record('03:43:49.100', 'Sending', "request 'initialize - (0)'") + record('03:43:49.200', 'Received', "response 'initialize - (0)' in 100ms");
const s = (text: string) => analyzeText(Buffer.from(text));

describe('stoppedSession on real traces', () => {
  it('gopls OOM-killed in a 100 MiB cgroup: stops on its last record (Created View), at its time', () => {
    const st = stoppedSession(fx('trace-oom-cgroup-100m.rpc.log'));
    expect(st).toMatchObject({ line: 37, startLine: 1, text: "[Trace - 03:43:49.743 AM] Received notification 'window/logMessage'." });
    expect(st!.dayMs).toBe(((3 * 60 + 43) * 60 + 49) * 1000 + 743);
  });

  it('kill -9 after the first diagnostics: stops on publishDiagnostics', () => {
    expect(stoppedSession(fx('trace-kill9.rpc.log'))?.text).toMatch(/publishDiagnostics/);
  });

  it('a client that closed the pipe without shutdown leaves the same shape (gopls exits 0 in silence): read as stopped', () => {
    expect(stoppedSession(fx('trace-stdin-closed.rpc.log'))?.text).toMatch(/publishDiagnostics/);
  });

  it("the editor's shutdown and exit end a session: a clean exit, six clean sessions, the healthy trace", () => {
    for (const n of ['trace-clean-exit.rpc.log', 'trace-six-clean-sessions.rpc.log', 'trace-healthy.rpc.log']) expect(stoppedSession(fx(n)), n).toBeUndefined();
  });

  it("a log with no session's shape (gopls's stderr in the editor's channel, ending in its crash and the client's words) is not read", () => {
    expect(stoppedSession(fx('editor-oom-then-stopped.log'))).toBeUndefined();
    expect(stoppedSession(fx('gopls-sigabrt.stderr.log'))).toBeUndefined();
  });
});

describe('stoppedSession on strings', () => {
  it('a session with no end stops on its last record', () => {
    expect(stoppedSession(s(start + record('03:43:50.000', 'Sending', "notification 'initialized'")))).toMatchObject({ line: 9, startLine: 1 });
  });

  it('shutdown alone (exit never sent) is still the editor ending it', () => {
    expect(stoppedSession(s(start + record('03:43:50.000', 'Sending', "request 'shutdown - (1)'")))).toBeUndefined();
  });

  it('a restart after a clean session that then stops is read by its last session', () => {
    const text = start + record('03:43:50.000', 'Sending', "notification 'exit'") + start + record('03:44:00.000', 'Received', "notification 'window/logMessage'");
    expect(stoppedSession(s(text))).toMatchObject({ startLine: 13, line: 21 });
  });

  it("the client's own words of the death after the start: told, not silent", () => {
    const closed = start + '[Error - 3:43:51 AM] Connection to server got closed. Server will restart.\n';
    expect(stoppedSession(s(closed))).toBeUndefined();
  });

  it('a crash after the start: told, not silent', () => {
    const crash = start + 'panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\ngolang.org/x/tools/gopls/internal/cache.(*Snapshot).load(0x0)\n\t/root/go/pkg/mod/golang.org/x/tools/gopls@v0.23.0/internal/cache/load.go:12 +0x1d\n';
    expect(stoppedSession(s(crash))).toBeUndefined();
  });

  it('no initialize at all (a -logfile without -rpc.trace): nothing to judge', () => {
    expect(stoppedSession(s('2026/12/06 03:43:49 Created View (#1)\n\tdirectory=/tmp/x\n'))).toBeUndefined();
  });
});

describe('tellsOfDeath: a log that says gopls died, whose symptom a stopped trace beside it would repeat', () => {
  it("the editor's channel with the client's connection-closed line and gopls's out-of-memory crash", () => {
    expect(tellsOfDeath(fx('editor-oom-then-stopped.log'))).toBe(true);
    expect(tellsOfDeath(s('[Error - 3:50:07 AM] Connection to server got closed. Server will restart.\n'))).toBe(true);
  });
  it('a trace that just stops or ends cleanly says nothing of a death', () => {
    for (const n of ['trace-kill9.rpc.log', 'trace-oom-cgroup-100m.rpc.log', 'trace-clean-exit.rpc.log']) expect(tellsOfDeath(fx(n)), n).toBe(false);
  });
});

describe('lastRecordAt', () => {
  const at = (y: number, mo: number, d: number, h: number, mi: number, sec: number, ms = 0) => new Date(y, mo, d, h, mi, sec, ms).getTime();
  const tod = (h: number, mi: number, sec: number, ms = 0) => ((h * 60 + mi) * 60 + sec) * 1000 + ms;
  it("the record's time of day on the day the file was last written", () => {
    expect(lastRecordAt(at(2026, 11, 6, 3, 43, 49, 737), tod(3, 43, 49, 743))).toBe(at(2026, 11, 6, 3, 43, 49, 743));
  });
  it('a file copied after midnight: the record was the day before', () => {
    expect(lastRecordAt(at(2026, 11, 7, 0, 5, 0), tod(23, 59, 58))).toBe(at(2026, 11, 6, 23, 59, 58));
  });
  it('a log that crossed midnight (its time of day past 24 h) lands on the next day', () => {
    expect(lastRecordAt(at(2026, 11, 7, 0, 0, 3), tod(24, 0, 2))).toBe(at(2026, 11, 7, 0, 0, 2));
  });
  it('without a time of day, the modification time', () => {
    expect(lastRecordAt(1234, undefined)).toBe(1234);
  });
});
