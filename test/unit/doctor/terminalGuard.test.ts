import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteForDisplay } from '../../../src/host/shellQuote.js';
import { guardTerminalFix, guardTerminalFixes, WITHHELD_NOTE } from '../../../src/fixes/terminalGuard.js';
import type { Finding, Fix } from '../../../src/doctor/model.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe('quoteForDisplay', () => {
  const table: Array<{ in: string; want: string }> = [
    { in: '/home/u/go', want: '/home/u/go' },
    { in: 'with space', want: "'with space'" },
    { in: "it's", want: "'it'\\''s'" },
    { in: 'a\u0015b', want: "$'a\\x15b'" },
    { in: 'cr\rlf\n', want: "$'cr\\x0dlf\\x0a'" },
    { in: "esc\u001b[2J'q'\\", want: "$'esc\\x1b[2J\\'q\\'\\\\'" },
    { in: 'del\u007f', want: "$'del\\x7f'" },
    // C1 controls are escaped byte by byte of their UTF-8 form, which is what the file name holds.
    { in: 'c1\u009b', want: "$'c1\\xc2\\x9b'" },
    { in: 'ünï\u0001', want: "$'ünï\\x01'" },
  ];
  for (const t of table) {
    it(JSON.stringify(t.in), () => {
      const q = quoteForDisplay(t.in);
      expect(q).toBe(t.want);
      expect(CONTROL.test(q)).toBe(false);
    });
  }

  it('bash reads every quoted word back as the original bytes', () => {
    const words = ['plain', "q'uo\"te", '$(x) `y` ${z}', 'a\u0015b\rc\nd\te\u0007\u001b]0;t\u0007\u007f\u0080\u009f!!', 'x\\x41 \\\\ \\'];
    for (const w of words) {
      const out = execFileSync('bash', ['-c', `printf '%s' ${quoteForDisplay(w)}`], { encoding: 'utf8' });
      expect(out).toBe(w);
    }
  });
});

describe('guardTerminalFix', () => {
  const base: Fix = { id: 'go-work-init', kind: 'terminal', title: 't', text: 'go work init', needsRoot: false };

  it('leaves a clean fix alone, cwd included', () => {
    expect(guardTerminalFix({ ...base, cwd: '/home/u/src' })).toEqual({ ...base, cwd: '/home/u/src' });
  });

  it('moves a cwd with control characters into the text as a quoted cd', () => {
    const g = guardTerminalFix({ ...base, cwd: '/tmp/a\u0015b' });
    expect(g).toEqual({ ...base, text: "cd $'/tmp/a\\x15b' && go work init" });
  });

  it('withholds a fix whose text still holds a control character, and says so on the finding', () => {
    const bad: Fix = { ...base, id: 'raw', text: 'code /tmp/a\u0015touch x\r' };
    expect(guardTerminalFix(bad)).toBeUndefined();
    const f: Finding = { classId: 'module-resolution', severity: 'warning', confidence: 0.5, message: 'm.', evidence: [], fixes: [bad, base] };
    const g = guardTerminalFixes(f);
    expect(g.fixes.map((x) => x.id)).toEqual(['go-work-init']);
    expect(g.message).toBe(`m. ${WITHHELD_NOTE}`);
  });
});
