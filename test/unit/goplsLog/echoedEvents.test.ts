// One failure told twice is one event: in VS Code's "gopls (server)" channel, gopls's stderr trace
// record and the client's own line for the same logMessage; across files, a rolled copy's lines the
// live file also holds. The channel fixture (test/fixtures/logs/editor-echo/) frames a real gopls
// v0.23.0 stderr capture (gopls-stderr.rpc.log, kept beside it), so the two must count alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText, type LogSummary } from '../../../src/goplsLog/analyzer.js';
import { echoes, eventCore } from '../../../src/goplsLog/echoedEvents.js';
import { withoutEventsSeen } from '../../../src/goplsLog/rolledCopies.js';
import { analyseLogs } from '../../../src/probes/goplsLogs.js';

const dir = path.resolve(__dirname, '../../fixtures/logs/editor-echo');
const live = path.join(dir, 'golang.go', 'gopls (server).log');
const rolled = path.join(dir, 'golang.go', 'gopls (server).log_1');

describe('eventCore and echoes', () => {
  const needles = ['module lookup disabled by GOPROXY=off'];
  const body = String.raw`Params: {"type":1,"message":"2026/12/06 04:01:15 go/packages.Load #1: err: exit status 1: stderr: go: x.example/m@v1.0.0: module lookup disabled by GOPROXY=off\n\n\tview_id=\"1\"\n\tsnapshot=0"}`;
  const client = 'go/packages.Load #1: err: exit status 1: stderr: go: x.example/m@v1.0.0: module lookup disabled by GOPROXY=off';
  it("a record's JSON message comes down to the line of it holding the needle", () => {
    expect(eventCore(body, needles)).toBe('2026/12/06 04:01:15 go/packages.Load #1: err: exit status 1: stderr: go: x.example/m@v1.0.0: module lookup disabled by GOPROXY=off');
    expect(eventCore(`…${client.slice(20)}…`, needles)).toBe(client.slice(20).trim());
  });
  it("the client's line for it echoes it; another load's does not", () => {
    expect(echoes(eventCore(client, needles), eventCore(body, needles))).toBe(true);
    expect(echoes(eventCore(client.replace('#1', '#2'), needles), eventCore(body, needles))).toBe(false);
  });
  it('a few common words are never taken for an echo', () => {
    expect(echoes('no views', 'err: no views')).toBe(false);
  });
});

const counts = (s: LogSummary) => s.eventCounts;

describe('a real capture framed as the channel, with the client echoing each error logMessage', () => {
  it('counts what the stderr trace alone counts, rule by rule', () => {
    const channel = analyzeText(readFileSync(live));
    const trace = analyzeText(readFileSync(path.join(dir, 'gopls-stderr.rpc.log')));
    expect(counts(channel)).toEqual(counts(trace));
    expect(counts(channel)['goproxy-off-lookup']).toBe(9);
    // The echoed messages' attributes (view_id, snapshot, query…) are the event's, not error lines.
    expect(channel.unclassified).toEqual([]);
  });
});

describe('a rolled copy holding lines of the live channel file', () => {
  it('tells each failure once, in the live file', async () => {
    const r = await analyseLogs({ signal: new AbortController().signal, remainingMs: () => 10_000 }, [
      { path: live, origin: 'editor-channel' },
      { path: rolled, origin: 'editor-channel' },
    ]);
    const refusals = (r.findings ?? []).filter((f) => f.message.startsWith('go could not download'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]!.message).toContain('(9 lines in gopls (server).log)');
    expect(refusals[0]!.evidence.every((e) => e.source === live)).toBe(true);
  });
  it('merges only stamped lines with the same words: a trace read twice stays two files', () => {
    const trace = analyzeText(readFileSync(path.join(dir, 'gopls-stderr.rpc.log')));
    const seen = new Set<string>();
    withoutEventsSeen(trace, seen);
    expect(withoutEventsSeen(trace, seen)).toBe(trace);
    const channel = analyzeText(readFileSync(live));
    const once = new Set<string>();
    expect(withoutEventsSeen(channel, once).eventCounts['goproxy-off-lookup']).toBe(9);
    expect(withoutEventsSeen(channel, once).eventCounts['goproxy-off-lookup']).toBeUndefined();
  });
});

// A session the client ended with shutdown/exit: gopls's queued reply found the pipe closed and its
// -logfile's last record said so (fault 37a's control, seen on CI). The connection's end is not an
// error line; another delivery failure still is.
describe('a reply written after the client went away', () => {
  const record = (err: string) => `[Trace - 18:53:01.120 PM] Received notification 'window/logMessage'.\nParams: {"type":1,"message":"2026/12/06 18:53:01 jsonrpc2 async message delivery failed: ${err}\\n"}\n`;
  it.each(['EOF', 'io: read/write on closed pipe', 'write |1: broken pipe', 'write tcp 127.0.0.1:4389->127.0.0.1:50112: use of closed network connection'])('%s: kept as no error line', (err) => {
    expect(analyzeText(record(err)).unclassified).toEqual([]);
  });
  it('another error is still kept', () => {
    expect(analyzeText(record('json: cannot unmarshal number into Go value of type string')).unclassified.map((u) => u.text)).toEqual([expect.stringContaining('delivery failed: json: cannot unmarshal')]);
  });
});
