// timeOfDayMs and splitMethodId are written by hand for speed (every trace header goes through
// both); they must say exactly what the regexes they replaced said, on any string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTraceHeader, parseTraceHeaderAt, splitMethodId, timeOfDayMs, timeOfDayMsAt, traceHeaderByRegex } from '../../../src/goplsLog/lines.js';

function timeByRegex(t: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?: ([AP]M))?$/.exec(t.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  if (m[5] === 'PM' && h < 12) h += 12;
  if (m[5] === 'AM' && h === 12) h = 0;
  const frac = m[4] ? Number(`0.${m[4]}`) * 1000 : 0;
  return ((h * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Math.round(frac);
}

function splitByRegex(s: string): { method: string; id?: string } {
  const m = /^(.*) - \((.*)\)$/.exec(s);
  return m ? { method: m[1]!, id: m[2]! } : { method: s };
}

const TIMES = [
  '18:16:18.401 PM', '5:19:22 PM', '12:00:00 AM', '12:30:00 PM', '0:00:00', '23:59:59.999999', '23:59:59.9999999', '1:2:3', '01:02:03.', '01:02:03.5',
  '01:02:03.12 AM', ' 01:02:03 AM ', '01:02:03  AM', '01:02:03 XM', '01:02:03 Am', '01:02:03 AMX', '123:00:00', '1:00:00\n', '\t7:08:09.010 PM\r', '١:٠٠:٠٠', '',
];
const HEADERS = ['initialize - (0)', 'x - (7)', 'textDocument/didOpen', 'a - ()', 'a - (b) - (c)', 'a - (b - (c)', ' - (1)', 'a - (', 'a - )', 'a\n - (1)', 'a - (1\r)', 'a\u2028b - (1)', 'a - (1)x', '- (1)', 'a -(1)'];

describe('hand-written line parsers agree with their regexes', () => {
  it.each(TIMES)('timeOfDayMs(%j)', (t) => expect(timeOfDayMs(t)).toBe(timeByRegex(t)));
  it.each(HEADERS)('splitMethodId(%j)', (s) => expect(splitMethodId(s)).toEqual(splitByRegex(s)));
  it('every fraction of one to three digits, and a sample of longer ones', () => {
    for (const digits of [1, 2, 3]) for (let v = 0; v < 10 ** digits; v++) {
      const t = `1:02:03.${String(v).padStart(digits, '0')} PM`;
      expect(timeOfDayMs(t)).toBe(timeByRegex(t));
    }
    for (const f of ['0005', '4005', '00050', '123456', '999999', '000500']) expect(timeOfDayMs(`1:02:03.${f}`)).toBe(timeByRegex(`1:02:03.${f}`));
  });
  it('on generated strings made of their grammar', () => {
    const timeChar = fc.constantFrom(...'0123456789:. APMX\t\r\n');
    fc.assert(fc.property(fc.array(timeChar, { maxLength: 20 }).map((a) => a.join('')), (t) => timeOfDayMs(t) === timeByRegex(t)), { numRuns: 20_000 });
    const idChar = fc.constantFrom(...'ab -()\n\r\u2028');
    fc.assert(fc.property(fc.array(idChar, { maxLength: 16 }).map((a) => a.join('')), (s) => {
      expect(splitMethodId(s)).toEqual(splitByRegex(s));
    }), { numRuns: 20_000 });
  });
  it('parseTraceHeaderAt (the common shapes read from the bytes) reads every line as TRACE_HEADER does', () => {
    const check = (l: string) => {
      const want = traceHeaderByRegex(l);
      expect(parseTraceHeader(l), l).toStrictEqual(l.startsWith('[') ? want : undefined);
      for (const pad of ['', 'x]\n', "'"]) expect(parseTraceHeaderAt(l, Buffer.from(pad + l + "']. ", 'latin1'), pad.length), l).toStrictEqual(l.startsWith('[') ? want : undefined);
    };
    const rows = [
      "[Trace - 18:16:18.401 PM] Sending request 'initialize - (0)'.",
      "[Trace - 18:16:18.404 PM] Received response 'initialize - (0)' in 2ms.",
      "[Trace - 18:16:18.422 PM] Received notification '$/progress'.",
      "[Trace - 10:00:00 AM] Received response 'x - (7)' in 12ms. Request failed: no views (-32603).",
      "[Trace - 10:00:00 AM] Received response 'a' in 5ms.'b'.",
      "[Trace - 10:00:00 AM] Received response 'a' b'.",
      "[Trace - 10:00:00 AM] Sending request 'a\rb'.",
      "[Trace - 10:00:00 AM] Sending request 'a'. ",
      "[Trace - 10:00:00 AM] Sending request 'a' in ms.",
      "[Trace - 10:00:00 AM] Sending request 'a' in 0012ms.",
      `[Trace - 10:00:00 AM] Sending request 'a' in ${'9'.repeat(25)}ms.`,
      `[Trace - 10:00:00 AM] Sending request 'a' in ${'9'.repeat(16)}ms.`,
      "[Trace - ] Sending request 'a'.",
      `[Trace - ${'1'.repeat(40)}] Sending request 'a'.`,
      `[Trace - ${'1'.repeat(41)}] Sending request 'a'.`,
      "[Trace - 1\n2] Sending request 'a'.",
      "[Trace - 1\u00e92] Sending request '\u00e9 - (\u00ff)'.",
      "[Info - 10:00:00 AM] Sending request 'a'.",
      "[Warning - 10:00:00 AM] Sending request 'a'.",
      "[Trace - 10:00:00 AM] Sending request 'a'",
      "[Trace - 10:00:00 AM] Sending request ",
      '[Trace - 10:00:00 AM]',
      '[Trace - ',
    ];
    for (const l of rows) check(l);
    const piece = fc.constantFrom('[Trace - ', '[Info - ', '[Warn - ', '[Trace -', ']', '] ', ' ', 'Sending ', 'Received ', 'Sent ', "request '", "response '", "notification '", "'", "''",
      ' in ', '12', '0', '9999999999999999', 'ms', '.', '..', ' Request failed: ', ' (-32603)', '(', ')', '\r', '\n', '\t', '\u00a0', '\u00e9', 'x', 'a - (1)', ' - (', '18:16:18.401 PM', ']]');
    const line = fc.array(piece, { maxLength: 14 }).map((a) => a.join(''));
    const likely = fc.tuple(fc.constantFrom('[Trace - '), fc.array(piece, { maxLength: 3 }), fc.constantFrom('] '), fc.constantFrom('Sending ', 'Received ', 'x'), fc.constantFrom("request '", "response '", "notification '", 'y'), fc.array(piece, { maxLength: 8 }))
      .map(([a, b, c, d, e, f]) => a + b.join('') + c + d + e + f.join(''));
    fc.assert(fc.property(fc.oneof(line, likely), (l) => check(l)), { numRuns: 30_000 });
  });
  it('timeOfDayMsAt reads the bytes as timeOfDayMs reads their latin1 string', () => {
    const at = (t: string) => {
      for (const pad of ['', '9', ':12']) expect(timeOfDayMsAt(Buffer.from(`${pad}${t}0 PM`, 'latin1'), pad.length, pad.length + t.length), JSON.stringify(t)).toBe(timeOfDayMs(t));
    };
    for (const t of [...TIMES.filter((x) => !/[^\x00-\xff]/.test(x)), '1:02:03.1234 PM', '1:02:03.12345', '01:02:03.0005', '\u00a01:02:03', '1:02:03\u00a0', '1:02:03 PM ', '11:22:33.44 AM', '1:2:03']) at(t);
    for (const digits of [1, 2, 3, 4]) for (let v = 0; v < 10 ** digits; v += digits === 4 ? 7 : 1) at(`1:02:03.${String(v).padStart(digits, '0')} PM`);
    const timeChar = fc.constantFrom(...'0123456789:. APMX\t\r\n\u00a0\u0085');
    fc.assert(fc.property(fc.array(timeChar, { maxLength: 20 }).map((a) => a.join('')), (t) => at(t)), { numRuns: 20_000 });
  });
});
