// Fuzzing the gopls log reader (src/goplsLog): the whole-log analyser on text and on raw bytes
// (invalid UTF-8 included), and each line parser, over NUM_RUNS inputs built from the real traces
// and logs in test/fixtures/logs. A summary or undefined, never a throw or a hang. The streaming
// LogAnalyzer is also fed in random chunk sizes and must stay bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText, LogAnalyzer } from '../../src/goplsLog/analyzer.js';
import { parseClientLogLine, parseEditorLogLine, parseErrorReply, parseGoFailure, parseGoplsEventLine, parseStackLine, parseTraceHeader, sanitizeMessage, unescapeJsonFragment, timeOfDayMs } from '../../src/goplsLog/lines.js';
import { parseKernelOomKills } from '../../src/goplsLog/crashVerdict.js';
import { matchRules, RULES } from '../../src/goplsLog/rules.js';
import { NUM_RUNS, check, hangBudgetMs, hostileText, samplesMatching, timed } from './lib/hostileText.js';

const opts = { numRuns: NUM_RUNS };

const F = path.resolve('test/fixtures/logs');
const realLines = ['trace-go-missing.rpc.log', 'gopls-sigabrt.stderr.log', 'public/vscode-go-3606-panic.txt', 'editor/golang.go/gopls (server).log']
  .flatMap((f) => readFileSync(path.join(F, f), 'utf8').split('\n'))
  .filter((l) => l.length < 2000);

const piece = fc.oneof(
  fc.constantFrom(...realLines).map((l) => Buffer.from(l + '\n')),
  // a real line cut short
  fc.tuple(fc.constantFrom(...realLines), fc.nat()).map(([l, n]) => Buffer.from(l.slice(0, n % (l.length + 1)))),
  fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  fc.string({ maxLength: 100 }).map((s) => Buffer.from(s, 'utf16le')),
  fc.string({ maxLength: 100 }).map((s) => Buffer.from(s, 'latin1')),
  fc.constantFrom('\r\n\r\n\r\n', '[Trace - ', "'x - (", 'panic: ', 'goroutine 1 [running]:\n', '\t', '\n', '\r', '[Error - Received] 1:00 PM #').map((s) => Buffer.from(s)),
  fc.nat({ max: 200_000 }).map((n) => Buffer.alloc(n, 0x7b)),
);

/**
 * Each run first lets the worker's event loop turn: 10,000 synchronous runs held it for 52 s on CI,
 * and vitest's worker then timed out reporting to the main process ("Timeout calling onTaskUpdate",
 * vitest-dev/vitest#8164), failing a run whose every test passed.
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

// 10,000 runs of CPU-bound properties: under a loaded 2-core CI the default 60 s per test is not enough (a budget, not a speed claim).
describe('fuzz: gopls logs', { timeout: 300_000 }, () => {
  const logs = samplesMatching(/\/logs\/.*\.(log|txt)$/, 64 * 1024);

  it('has real logs, and the analyser reads them', () => {
    expect(logs.length).toBeGreaterThan(2);
    expect(logs.some((l) => analyzeText(l).shapes.traceRecords > 0)).toBe(true);
  });

  it('analyzeText on text and on raw bytes, and every line parser', async () => {
    const lineParsers = { parseTraceHeader, parseErrorReply, parseClientLogLine, parseEditorLogLine, parseGoplsEventLine, parseStackLine, parseGoFailure, sanitizeMessage, unescapeJsonFragment, timeOfDayMs, matchRules };
    await fc.assert(
      fc.asyncProperty(hostileText(logs), fc.constantFrom('utf8', 'latin1', 'bytes'), async (s, as) => {
        await breathe();
        const input = as === 'utf8' ? s : as === 'latin1' ? Buffer.from(s, 'latin1') : Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from([0xff, 0xfe, 0xc0, 0x0a, 0xed, 0xa0, 0x80])]);
        const { value, ms } = timed(() => analyzeText(input));
        if (ms > hangBudgetMs(s.length)) throw new Error(`analyzeText took ${Math.round(ms)} ms on ${s.length} chars`);
        check(typeof value.lines === 'number' && value.lines >= 0, 'a summary with a line count');
        const { ms: oomMs } = timed(() => parseKernelOomKills(s));
        if (oomMs > hangBudgetMs(s.length)) throw new Error(`parseKernelOomKills took ${Math.round(oomMs)} ms`);
        // Line parsers see one line at a time, as the analyser feeds them.
        for (const line of s.split('\n').slice(0, 12)) {
          for (const [name, p] of Object.entries(lineParsers)) {
            const t = timed(() => (p as (l: string) => unknown)(line));
            if (t.ms > hangBudgetMs(line.length)) throw new Error(`${name} took ${Math.round(t.ms)} ms on a ${line.length}-char line`);
          }
        }
      }),
      opts,
    );
  });

  it('the streaming analyzer fed real records, cut and spliced with garbage, in random chunk sizes: ends, stays bounded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 8 }), async (pieces, splits) => {
        await breathe();
        const all = Buffer.concat(pieces);
        const a = new LogAnalyzer();
        let i = 0;
        let k = 0;
        while (i < all.length) {
          const n = splits[k++ % splits.length]!;
          a.feed(all.subarray(i, i + n));
          i += n;
        }
        const s = a.end();
        expect(s.bytes).toBe(all.length);
        expect(s.lines).toBeGreaterThanOrEqual(0);
        expect(s.events.length).toBeLessThanOrEqual(RULES.length * 20);
        expect(s.crashes.length).toBeLessThanOrEqual(20);
        for (const c of s.crashes) expect(c.stack.length).toBeLessThanOrEqual(60);
        for (const e of s.events) expect(e.text.length).toBeLessThanOrEqual(500);
      }),
      { ...opts, seed: 4242 },
    );
  });
});
