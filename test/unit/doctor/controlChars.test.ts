// A log line or a path holding ESC sequences (window title, clear screen, OSC 8 link), other C0
// bytes or C1 controls must reach the terminal inert: stripped or shown, never obeyed. The CLI's
// own colours still work.
import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type Report } from '../../../src/doctor/model.js';
import { renderText } from '../../../src/render/text.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { jsonForTerminal, visible, visibleLines } from '../../../src/render/controlChars.js';
import { reportOf } from '../../support/report.js';

const OSC_TITLE = '\u001b]0;pwned title\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const OSC8 = '\u001b]8;;https://evil.example/\u001b\\click me\u001b]8;;\u001b\\';
const C0 = '\u0001\u0008\u0015\r';
const C1 = '\u009b31m\u0085';

function hostileReport(): Report {
  const finding = FindingSchema.parse({
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.9,
    message: `gopls panicked ${OSC_TITLE}in ${CLEAR}/w`,
    evidence: [{ source: `/tmp/log${OSC8}`, excerpt: `panic: boom ${C0}${C1}\nsecond${OSC_TITLE} line`, line: 7 }],
    fixes: [{ id: 'f', kind: 'link', title: `Read ${OSC8}`, url: `https://go.dev/${CLEAR}` }],
  });
  return reportOf({
    workspaces: [`/w${OSC_TITLE}`],
    causes: rankCauses([finding]),
    probes: [{ id: 'gopls-logs', title: 'Logs', status: 'fail', durationMs: 3, classes: ['gopls-launch'], observed: {}, findingCount: 1, reason: `bad ${CLEAR}${C1}` }],
  });
}

const controls = (s: string) => [...s].filter((ch) => ch !== '\n' && /[\u0000-\u001f\u007f-\u009f]/.test(ch)).map((ch) => ch.codePointAt(0)!.toString(16));

describe('control characters in reports', () => {
  it('visible(): ANSI sequences stripped, other controls shown as \\xHH', () => {
    expect(visible(`a${OSC_TITLE}b${CLEAR}c${OSC8}d`)).toBe('abcclick med');
    expect(visible('x\u0015y\rz\u007f\u0085')).toBe('x\\x15y\\x0dz\\x7f\\x85');
    expect(visible('tab\tnew\nline')).toBe('tab\tnew\\x0aline');
    expect(visibleLines('one\r\ntwo\rthree\nfour')).toEqual(['one', 'two\\x0dthree', 'four']);
  });

  it('the text report carries no control byte without colour, and only its own SGR codes with colour', () => {
    const plain = renderText(hostileReport(), { color: false, verbose: true });
    expect(controls(plain)).toEqual([]);
    expect(plain).toContain('panic: boom \\x01\\x08\\x15\\x0d');
    const coloured = renderText(hostileReport(), { color: true, verbose: true });
    // Every ESC left is the start of one of the renderer's own colour codes.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toSatisfy((s: string) => controls(s).length === 0);
    expect(coloured).toContain('\u001b[31m');
  });

  it('the Markdown report carries no control byte', () => {
    expect(controls(renderMarkdown(hostileReport()))).toEqual([]);
  });
});

describe('JSON on stdout', () => {
  it('DEL and C1 controls are \\u escapes, and the value parses back the same', () => {
    const v = { path: '/w\u007f\u009b2J\u0085\u001b', n: 1 };
    const s = jsonForTerminal(v);
    expect(controls(s)).toEqual([]);
    expect(JSON.parse(s)).toEqual(v);
  });
});
