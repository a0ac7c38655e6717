// Issue 9 finding 11: a trace naming a new method on every line made 288k map entries, a 22 MB
// report and 314 MB RSS. Every map keyed by what a log says keeps the top entries plus OTHER.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { BoundedCounts, MAX_KEYS, OTHER } from '../../../src/goplsLog/boundedCounts.js';
import { analyseLogs } from '../../../src/probes/goplsLogs.js';

const UNIQUE = 100_000;

/** The real trace shape (test/fixtures/logs/trace-*.rpc.log), with a fresh method name per request. */
function hostileTrace(): string {
  const out: string[] = [];
  for (let i = 0; i < 3; i++) out.push(`[Trace - 10:00:00.000 AM] Sending request 'textDocument/hover - (h${i})'.`, '', `[Trace - 10:00:00.001 AM] Received response 'textDocument/hover - (h${i})' in 1ms.`, '');
  for (let i = 0; i < UNIQUE; i++) {
    out.push(`[Trace - 10:00:01.000 AM] Sending request 'x/m${i} - (${i})'.`, '');
    out.push(`[Trace - 10:00:01.002 AM] Received response 'x/m${i} - (${i})' in 2ms.`, '');
    out.push(`[Trace - 10:00:01.003 AM] Sending notification 'x/n${i}'.`, '');
    out.push(`[Error - Received] 10:00:01.004 AM #${i} unique failure ${i}`, '');
  }
  return out.join('\n');
}

describe('maps keyed by log content are bounded (top N + other)', () => {
  it('BoundedCounts keeps the frequent keys and sums the rest', () => {
    const c = new BoundedCounts(3);
    for (let i = 0; i < 50; i++) c.add('initialize');
    for (let i = 0; i < 20; i++) c.add('textDocument/hover');
    for (let i = 0; i < 1000; i++) c.add(`junk${i}`);
    const r = c.toRecord();
    expect(c.size).toBeLessThanOrEqual(6);
    expect(r.initialize).toBe(50);
    expect(r['textDocument/hover']).toBe(20);
    expect(Object.keys(r).length).toBe(4);
    expect(Object.values(r).reduce((a, b) => a + b, 0)).toBe(1070);
  });

  it(`a trace with ${UNIQUE} unique method names: bounded summary, every count still adds up`, () => {
    const s = analyzeText(hostileTrace());
    expect(Object.keys(s.requestsSent).length).toBeLessThanOrEqual(MAX_KEYS + 1);
    expect(Object.keys(s.notificationsSent).length).toBeLessThanOrEqual(MAX_KEYS + 1);
    expect(s.latencies.length).toBeLessThanOrEqual(MAX_KEYS + 1);
    expect(s.errorReplies.length).toBeLessThanOrEqual(MAX_KEYS + 1);
    expect(Object.values(s.requestsSent).reduce((a, b) => a + b, 0)).toBe(UNIQUE + 3);
    expect(s.requestsSent[OTHER]).toBeGreaterThan(UNIQUE - 2 * MAX_KEYS);
    expect(s.requestsSent['textDocument/hover']).toBe(3);
    expect(JSON.stringify(s).length).toBeLessThan(256 * 1024);
  });

  it('the probe\'s observed section for that trace stays small', async () => {
    const f = path.join(mkdtempSync(path.join(os.tmpdir(), 'ged-bounded-')), 'trace.rpc.log');
    writeFileSync(f, hostileTrace());
    const out = await analyseLogs({ signal: new AbortController().signal, remainingMs: () => 60_000 }, [{ path: f, origin: 'cli' }]);
    expect(JSON.stringify(out).length).toBeLessThan(64 * 1024);
  });
});
