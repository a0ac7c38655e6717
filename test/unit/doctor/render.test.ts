import { describe, expect, it } from 'vitest';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema, type Report } from '../../../src/doctor/model.js';
import { renderText } from '../../../src/render/text.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { exitCodeOf, verdictOf } from '../../../src/render/summary.js';
import { reportOf } from '../../support/report.js';

function report(findings: Parameters<typeof FindingSchema.parse>[0][]): Report {
  return reportOf({
    causes: rankCauses(findings.map((f) => FindingSchema.parse(f))),
    probes: [{ id: 'mounts', title: 'Mounts', status: 'fail', durationMs: 3.14, classes: ['noexec-mount'], observed: {}, findingCount: 1 }],
  });
}

const noexec = {
  classId: 'noexec-mount',
  severity: 'error',
  confidence: 0.97,
  message: 'GOTMPDIR /tmp/gt is on a tmpfs mounted noexec',
  evidence: [{ source: '/proc/self/mountinfo', excerpt: '42 1 0:50 / /tmp/gt rw,noexec - tmpfs tmpfs rw|x' }],
  fixes: [{ id: 'remount', title: 'Allow exec', kind: 'terminal', text: 'mount -o remount,exec /tmp/gt', needsRoot: true }],
} as const;

describe('renderers', () => {
  it('text leads with the verdict, then the cause, its evidence and the exact fix', () => {
    const out = renderText(report([noexec]), { color: false });
    expect(out.split('\n')[0]).toContain('1 problem (1 error, 0 warnings) in 812 ms');
    expect(out).toContain('Go builds test binaries where executing is forbidden');
    expect(out).toContain('/proc/self/mountinfo');
    expect(out).toContain('$ mount -o remount,exec /tmp/gt');
    expect(out).toContain('# as root');
    expect(out).not.toContain('\u001b[');
  });
  it('a verdict printed while a follow-up runs says it is a verdict so far', () => {
    const r = report([]);
    const pending = { ...r, probes: [{ ...r.probes[0]!, followUp: { title: 'type-check of main.go', status: 'pending' as const } }] };
    expect(renderText(pending, { color: false }).split('\n')[0]).toContain('no problems found in 812 ms; so far: 1 follow-up check is still running');
    expect(renderText(r, { color: false }).split('\n')[0]).not.toContain('so far');
    // Nor does the line under it promise that Go tooling works before the follow-up has said so.
    expect(renderText(pending, { color: false })).not.toContain('should work here');
    expect(renderText(pending, { color: false })).toContain('No root cause found so far; 1 follow-up check is still running');
    expect(renderText(r, { color: false })).toContain('✓ No root cause found: Go tooling should work here.');
  });

  // A tester's go that hung: 16 probes timed out, and the report said "Go tooling should work here"
  // with exit 0. The exit status stays as TAXONOMY.md fixes it; the words claim only what was checked.
  describe('no cause, but probes that did not finish: no claim of health', () => {
    const probe = (id: string, status: 'ok' | 'timeout' | 'crashed' | 'skipped', followUp?: 'done' | 'timeout' | 'crashed') => ({
      id,
      title: id,
      status,
      durationMs: 5,
      classes: [],
      observed: {},
      findingCount: 0,
      ...(status === 'timeout' || status === 'crashed' ? { reason: 'did not finish: probe deadline of 85 ms' } : {}),
      ...(followUp ? { followUp: { title: 'type-check of main.go', status: followUp } } : {}),
    });
    const cases = [
      { name: 'one timeout', probes: [probe('go-env', 'timeout'), probe('mounts', 'ok')], unfinished: ['go-env'] },
      { name: 'a crash among skips', probes: [probe('login-shell', 'crashed'), probe('gopls-logs', 'skipped'), probe('mounts', 'ok')], unfinished: ['login-shell'] },
      { name: 'a follow-up that timed out', probes: [probe('inotify', 'ok', 'timeout'), probe('gopls', 'ok', 'done')], unfinished: ['inotify'] },
      { name: 'sixteen timeouts', probes: Array.from({ length: 16 }, (_, i) => probe(`p${i}`, 'timeout')), unfinished: Array.from({ length: 16 }, (_, i) => `p${i}`) },
    ];
    for (const c of cases)
      it(c.name, () => {
        const r = reportOf({ causes: [], probes: c.probes });
        const v = verdictOf(r);
        expect(v.unfinished).toEqual(c.unfinished);
        expect(v.line).toMatch(/^no problems found by the probes that finished/);
        expect(v.line).toContain(`; ${c.unfinished.length} probe${c.unfinished.length === 1 ? '' : 's'} did not finish`);
        const text = renderText(r, { color: false });
        expect(text).not.toContain('should work here');
        expect(text).toContain('no clean bill of health');
        expect(text).toContain(c.unfinished[0]);
        const md = renderMarkdown(r);
        expect(md).toContain('no clean bill of health');
        expect(md).not.toMatch(/^No root cause found\.$/m);
        expect(exitCodeOf(r)).toBe(0);
      });
    it('every probe finished (skipped counts as finished): the healthy words stay', () => {
      const r = reportOf({ causes: [], probes: [probe('mounts', 'ok', 'done'), probe('gopls-logs', 'skipped')] });
      expect(verdictOf(r).unfinished).toEqual([]);
      expect(verdictOf(r).line).toMatch(/^no problems found in /);
      expect(renderText(r, { color: false })).toContain('✓ No root cause found: Go tooling should work here.');
    });
  });

  it('markdown escapes table cells so evidence cannot break the table', () => {
    const md = renderMarkdown(report([noexec]));
    expect(md).toContain('| /proc/self/mountinfo | `42 1 0:50 / /tmp/gt rw,noexec - tmpfs tmpfs rw\\|x` |');
    expect(md).toContain('### 1. Go builds test binaries where executing is forbidden (`noexec-mount`, error');
  });
  it('exit status follows the worst cause', () => {
    expect(exitCodeOf(report([]))).toBe(0);
    expect(exitCodeOf(report([{ ...noexec, severity: 'warning' }]))).toBe(1);
    expect(exitCodeOf(report([noexec]))).toBe(2);
    expect(verdictOf(report([])).line).toMatch(/^no problems found/);
  });
  it('markdown names the gopls crash the run followed, and says when no cause explains it', () => {
    const crash = { at: '2026-11-24T00:00:00Z', kind: 'signal', summary: 'gopls was killed by SIGKILL.', evidence: [{ source: '/proc/4242/stat', excerpt: 'gone after 12 s' }], explainedBy: [] };
    const md = renderMarkdown({ ...report([noexec]), crash });
    expect(md).toContain('### gopls crashed (signal, 2026-11-24T00:00:00Z)');
    expect(md).toContain('gopls was killed by SIGKILL.');
    expect(md).toContain('No cause in this report explains the crash.');
    expect(md).toContain('| /proc/4242/stat | `gone after 12 s` |');
    const explained = renderMarkdown({ ...report([noexec]), crash: { ...crash, explainedBy: [{ id: 'noexec-mount', title: 'Go builds test binaries where executing is forbidden' }] } });
    expect(explained).toContain('Explained by: Go builds test binaries where executing is forbidden (`noexec-mount`).');
    expect(renderMarkdown(report([noexec]))).not.toContain('gopls crashed');
  });
  it('the verdict can leave out the duration (a report merged with a re-check has none)', () => {
    expect(verdictOf(report([noexec]), { duration: false }).line).toBe('1 problem (1 error, 0 warnings)');
  });
  describe('a class that only follows from a cause above it is not counted as a problem of its own', () => {
    const killed = { classId: 'gopls-launch', severity: 'error', role: 'symptom', symptom: 'killed', confidence: 0.9, message: 'gopls was killed by SIGKILL during start-up', evidence: [], fixes: [] } as const;
    const limit = { classId: 'memory-limit', severity: 'warning', confidence: 0.6, message: 'memory.max is 110 MiB', evidence: [], fixes: [] } as const;
    it('the verdict counts the limit, and names the symptom it explains', () => {
      const r = report([killed, limit]);
      expect(r.causes.map((c) => c.id)).toEqual(['memory-limit', 'gopls-launch']);
      expect(verdictOf(r, { duration: false })).toMatchObject({ problems: 1, errors: 0, warnings: 1, consequences: 1, line: '1 problem (0 errors, 1 warning) and 1 symptom it explains' });
      // The SIGKILL is still an error-severity cause in the JSON, so the exit status keeps it.
      expect(exitCodeOf(r)).toBe(2);
    });
    it('text and Markdown say which cause it follows from, by rank and id', () => {
      const r = report([killed, limit]);
      const text = renderText(r, { color: false });
      expect(text).toMatch(/2\. gopls cannot start[^\n]*\n    Follows from 1 \(memory-limit\): what that cause does here, not a problem of its own\./);
      expect(text).not.toMatch(/1\. [^\n]*\n    Follows from/);
      // No error mark for it: the line reads as the symptom it is, not a second error.
      expect(text).toMatch(/^↳ 2\. gopls cannot start[^\n]*\[gopls-launch, error symptom, score /m);
      expect(text).toMatch(/^! 1\. /m);
      expect(renderMarkdown(r)).toContain('**Follows from 1 (memory-limit): what that cause does here, not a problem of its own.**');
    });
    it('an unexplained symptom, or one next to an unrelated cause, is a problem of its own', () => {
      const r = report([killed, noexec]);
      expect(verdictOf(r, { duration: false }).line).toBe('2 problems (2 errors, 0 warnings)');
      expect(renderText(r, { color: false })).not.toContain('Follows from');
    });
  });
});
