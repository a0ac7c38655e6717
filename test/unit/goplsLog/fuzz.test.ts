// 10,000+ hostile inputs: truncated real records, binary garbage, huge lines, wrong encodings,
// split anywhere. The analyzer must not throw, must end, and must stay bounded.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LogAnalyzer } from '../../../src/goplsLog/analyzer.js';
import { RULES } from '../../../src/goplsLog/rules.js';

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

describe('analyzer fuzz', () => {
  it('never throws, always ends, stays bounded (10,000 inputs)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 8 }), (pieces, splits) => {
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
      { numRuns: 10_000, seed: 4242 },
    );
  });
});
