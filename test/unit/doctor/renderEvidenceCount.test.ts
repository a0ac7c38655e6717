// How many evidence lines the text report shows: a few by default with a count of the rest, every
// one kept with --verbose (a tester's --verbose printed 3 of "9 lines in …").
import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type Report } from '../../../src/doctor/model.js';
import { renderText } from '../../../src/render/text.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { reportOf } from '../../support/report.js';

function reportWith(lines: number, moreEvidence?: number): Report {
  const finding = FindingSchema.parse({
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    message: `go needed a module that is not in the module cache (${lines + (moreEvidence ?? 0)} lines in x.log).`,
    evidence: Array.from({ length: lines }, (_, i) => ({ source: '/logs/x.log', line: 100 + i, excerpt: `refusal number ${i}` })),
    ...(moreEvidence ? { moreEvidence } : {}),
  });
  return reportOf({ causes: rankCauses([finding]), probes: [] });
}

const shownLines = (out: string) => [...out.matchAll(/\/logs\/x\.log:(\d+)/g)].map((m) => Number(m[1]));

describe('evidence lines in the text report', () => {
  it('--verbose shows every line a finding kept', () => {
    const out = renderText(reportWith(9), { color: false, verbose: true });
    expect(shownLines(out)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108]);
    expect(out).toContain('refusal number 8');
    expect(out).not.toContain('more');
  });
  it('without --verbose a few show, and the rest are counted', () => {
    const out = renderText(reportWith(9), { color: false });
    expect(shownLines(out)).toEqual([100, 101, 102, 103]);
    expect(out).toContain('… and 5 more (--verbose shows them)');
  });
  it('--verbose stops at 50 and counts what it left out, with the lines the log had beyond those kept', () => {
    const out = renderText(reportWith(60, 40), { color: false, verbose: true });
    expect(shownLines(out)).toHaveLength(50);
    expect(out).toContain('… and 50 more');
    expect(out).not.toContain('--verbose shows them');
  });
  it('a pasted Markdown report shows 10 rows a finding and counts the rest', () => {
    const md = renderMarkdown(reportWith(60, 40));
    expect(shownLines(md)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    expect(md).toContain('| | … and 90 more |');
    expect(renderMarkdown(reportWith(9))).not.toContain('more |');
  });
});
