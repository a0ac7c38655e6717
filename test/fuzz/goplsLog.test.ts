// Fuzzing the gopls log reader (src/goplsLog): the whole-log analyser on text and on raw bytes
// (invalid UTF-8 included), and each line parser, over NUM_RUNS inputs built from the real traces
// and logs in test/fixtures/logs. A summary or undefined, never a throw or a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/goplsLog/analyzer.js';
import { parseClientLogLine, parseEditorLogLine, parseErrorReply, parseGoFailure, parseGoplsEventLine, parseStackLine, parseTraceHeader, sanitizeMessage, unescapeJsonFragment, timeOfDayMs } from '../../src/goplsLog/lines.js';
import { parseKernelOomKills } from '../../src/goplsLog/crashVerdict.js';
import { matchRules } from '../../src/goplsLog/rules.js';
import { HANG_MS, NUM_RUNS, check, hostileText, samplesMatching, timed } from './lib/hostileText.js';

const opts = { numRuns: NUM_RUNS };

describe('fuzz: gopls logs', () => {
  const logs = samplesMatching(/\/logs\/.*\.(log|txt)$/, 64 * 1024);

  it('has real logs, and the analyser reads them', () => {
    expect(logs.length).toBeGreaterThan(2);
    expect(logs.some((l) => analyzeText(l).shapes.traceRecords > 0)).toBe(true);
  });

  it('analyzeText on text and on raw bytes, and every line parser', () => {
    const lineParsers = { parseTraceHeader, parseErrorReply, parseClientLogLine, parseEditorLogLine, parseGoplsEventLine, parseStackLine, parseGoFailure, sanitizeMessage, unescapeJsonFragment, timeOfDayMs, matchRules };
    fc.assert(
      fc.property(hostileText(logs), fc.constantFrom('utf8', 'latin1', 'bytes'), (s, as) => {
        const input = as === 'utf8' ? s : as === 'latin1' ? Buffer.from(s, 'latin1') : Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from([0xff, 0xfe, 0xc0, 0x0a, 0xed, 0xa0, 0x80])]);
        const { value, ms } = timed(() => analyzeText(input));
        if (ms > HANG_MS) throw new Error(`analyzeText took ${Math.round(ms)} ms on ${s.length} chars`);
        check(typeof value.lines === 'number' && value.lines >= 0, 'a summary with a line count');
        const { ms: oomMs } = timed(() => parseKernelOomKills(s));
        if (oomMs > HANG_MS) throw new Error(`parseKernelOomKills took ${Math.round(oomMs)} ms`);
        // Line parsers see one line at a time, as the analyser feeds them.
        for (const line of s.split('\n').slice(0, 12)) {
          for (const [name, p] of Object.entries(lineParsers)) {
            const t = timed(() => (p as (l: string) => unknown)(line));
            if (t.ms > HANG_MS) throw new Error(`${name} took ${Math.round(t.ms)} ms on a ${line.length}-char line`);
          }
        }
      }),
      opts,
    );
  });
});
