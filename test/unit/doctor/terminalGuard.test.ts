import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { quoteForDisplay, quoteForFish, requoteForShell, shellDialect } from '../../../src/host/shellQuote.js';
import { checkTerminalFix, fixesForShell, guardTerminalFix, guardTerminalFixes, WITHHELD_NOTE } from '../../../src/fixes/terminalGuard.js';
import { asRoot } from '../../../src/fixes/asRoot.js';
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

// fish reads `$'…'` as a literal `$` followed by a quoted string, and dash before 0.5.13 (Debian 12
// ships 0.5.12) the same: a control-character path typed there names another file. Where the shell
// is known, the fix is written in its words or withheld with the reason.
const FISH = ['/usr/bin/fish', '/bin/fish'].find((p) => existsSync(p));
const DASH = ['/usr/bin/dash', '/bin/dash'].find((p) => existsSync(p));
const WORDS = ['plain', "q'uo\"te", 'back\\slash\\', "end\\'", '$(x) `y` ${z} ~ {a,b} *', 'a\u0015b\rc\nd\te\u0007\u001b]0;t\u0007\u007f\u0080\u009f!!', 'x\\x41 \\\\ \\', 'ünï\u0001'];

describe('shellDialect', () => {
  it.each([
    ['/bin/bash', 'ansi-c'],
    ['/usr/bin/zsh', 'ansi-c'],
    ['ksh93', 'ansi-c'],
    ['/usr/bin/mksh', 'ansi-c'],
    ['/usr/bin/fish', 'fish'],
    ['/usr/local/bin/fish', 'fish'],
    ['/usr/bin/dash', 'no-ansi-c'],
    ['/bin/sh', 'no-ansi-c'],
    ['/bin/tcsh', 'no-ansi-c'],
    ['/usr/bin/nu', undefined],
    ['pwsh', undefined],
    [undefined, undefined],
    ['', undefined],
  ] as const)('%s → %s', (shell, want) => expect(shellDialect(shell)).toBe(want));
});

describe('quoteForFish', () => {
  it.each([
    ['/home/u/go', '/home/u/go'],
    ['with space', "'with space'"],
    ["it's", "'it\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
    ['a\u0015b', "'a'\\x15'b'"],
    ['\r', '\\x0d'],
    ['c1\u009b', "'c1'\\xc2\\x9b"],
    ['', "''"],
  ])('%j → %s', (word, want) => {
    expect(quoteForFish(word)).toBe(want);
    expect(CONTROL.test(quoteForFish(word))).toBe(false);
  });

  it.skipIf(!FISH)('real fish reads every quoted word back as the original bytes', () => {
    for (const w of WORDS) expect(execFileSync(FISH!, ['--no-config', '-c', `printf '%s' ${quoteForFish(w)}`], { encoding: 'utf8' })).toBe(w);
  });
});

describe('requoteForShell', () => {
  it('bash, zsh, ksh and an unknown shell: the text as built', () => {
    const text = `cd ${quoteForDisplay('/tmp/a\u0015b')} && mkdir -p ${quoteForDisplay("it's")}`;
    expect(requoteForShell(text, 'ansi-c')).toBe(text);
    expect(requoteForShell(text, undefined)).toBe(text);
  });

  it('fish: the $\'…\' and single-quoted words in its own quoting, the rest copied', () => {
    expect(requoteForShell(`cd $'/tmp/a\\x15b' && sudo chown -R "$USER:" '/x y' > /dev/null`, 'fish')).toBe(`cd '/tmp/a'\\x15'b' && sudo chown -R "$USER:" '/x y' > /dev/null`);
    expect(requoteForShell("mkdir -p 'it'\\''s'", 'fish')).toBe("mkdir -p 'it'\\''s'");
    expect(requoteForShell("mkdir -p 'a\\'", 'fish')).toBe("mkdir -p 'a\\\\'");
  });

  it('dash before 0.5.13, posh, csh: withheld when it needs $\'…\', as built otherwise', () => {
    expect(requoteForShell(`mkdir -p ${quoteForDisplay('/tmp/a\u0015b')}`, 'no-ansi-c')).toBeUndefined();
    expect(requoteForShell("mkdir -p 'it'\\''s' '/x y'", 'no-ansi-c')).toBe("mkdir -p 'it'\\''s' '/x y'");
  });

  it.skipIf(!FISH)('real fish runs the rewritten bash command and sees the same words', () => {
    for (const w of WORDS) {
      const text = requoteForShell(`printf '%s' ${quoteForDisplay(w)}`, 'fish')!;
      expect(CONTROL.test(text)).toBe(false);
      expect(execFileSync(FISH!, ['--no-config', '-c', text], { encoding: 'utf8' })).toBe(w);
    }
  });

  it.skipIf(!DASH)("real dash: the single-quoted words read back, the $'…' ones do not (why they are withheld)", () => {
    for (const w of WORDS.filter((x) => !CONTROL.test(x))) expect(execFileSync(DASH!, ['-c', requoteForShell(`printf '%s' ${quoteForDisplay(w)}`, 'no-ansi-c')!], { encoding: 'utf8' })).toBe(w);
    const dollar = execFileSync(DASH!, ['-c', `printf '%s' ${quoteForDisplay('a\u0015b')}`], { encoding: 'utf8' });
    // dash 0.5.13 and later read it; older ones print the quoting itself.
    if (dollar !== 'a\u0015b') expect(dollar).toBe('$a\\x15b');
  });
});

describe('terminal fixes in the shell they are typed into', () => {
  const base: Fix = { id: 'go-work-init', kind: 'terminal', title: 't', text: 'go work init', needsRoot: false };
  const ctrl: Fix = { ...base, id: 'mkdir', text: `mkdir -p ${quoteForDisplay('/tmp/a\u0015b')}` };

  it('fish: a control-character cwd becomes a cd fish reads; a text with $\'…\' is rewritten', () => {
    expect(guardTerminalFix({ ...base, cwd: '/tmp/a\u0015b' }, '/usr/bin/fish')).toEqual({ ...base, text: "cd '/tmp/a'\\x15'b' && go work init" });
    expect(guardTerminalFix(ctrl, '/usr/bin/fish')).toEqual({ ...ctrl, text: "mkdir -p '/tmp/a'\\x15'b'" });
  });

  it('fish: a cwd whose quoting differs there (a backslash) moves into the text, quoted for fish', () => {
    expect(guardTerminalFix({ ...base, cwd: '/tmp/a\\ b' }, 'fish')).toEqual({ ...base, text: "cd '/tmp/a\\\\ b' && go work init" });
    expect(guardTerminalFix({ ...base, cwd: '/tmp/a b' }, 'fish')).toEqual({ ...base, cwd: '/tmp/a b' });
  });

  it('dash: withheld, and the finding says which shell cannot read it and which can', () => {
    const r = checkTerminalFix(ctrl, '/usr/bin/dash');
    expect(r).toEqual({ withheld: expect.stringMatching(/dash does not read \$'…' \(bash, zsh, ksh and fish can; dash only from 0\.5\.13\)/) });
    expect(guardTerminalFix({ ...base, cwd: '/tmp/a\u0015b' }, '/bin/sh')).toBeUndefined();
    const f: Finding = { classId: 'module-resolution', severity: 'warning', confidence: 0.5, message: 'm.', evidence: [], fixes: [ctrl, base] };
    const g = guardTerminalFixes(f, '/usr/bin/dash');
    expect(g.fixes.map((x) => x.id)).toEqual(['go-work-init']);
    expect(g.message).toMatch(/^m\. A fix was withheld: .*dash does not read/);
    // A fix without a control character is the same in dash.
    expect(guardTerminalFix(base, '/usr/bin/dash')).toEqual(base);
  });

  it('bash, and a shell nobody said: as built', () => {
    expect(guardTerminalFix(ctrl, '/bin/bash')).toEqual(ctrl);
    expect(guardTerminalFix(ctrl)).toEqual(ctrl);
  });

  it("a report's fixes, the causes' and the findings', in the shell's words; one it cannot read is dropped from both", () => {
    const finding: Finding = { classId: 'fs-access', severity: 'warning', confidence: 0.5, message: 'm.', evidence: [], fixes: [ctrl, base] };
    const report = { causes: [{ fixes: [ctrl, base], findings: [finding] }] };
    const fish = fixesForShell(report, '/usr/bin/fish');
    expect(fish.causes[0]!.fixes[0]).toMatchObject({ id: 'mkdir', text: "mkdir -p '/tmp/a'\\x15'b'" });
    expect(fish.causes[0]!.findings[0]!.fixes[0]).toEqual(fish.causes[0]!.fixes[0]);
    const dash = fixesForShell(report, '/usr/bin/dash');
    expect(dash.causes[0]!.fixes.map((x) => x.id)).toEqual(['go-work-init']);
    expect(dash.causes[0]!.findings[0]!.fixes.map((x) => x.id)).toEqual(['go-work-init']);
    expect(dash.causes[0]!.findings[0]!.message).toMatch(/dash does not read/);
    expect(fixesForShell(report, '/bin/bash')).toBe(report);
  });

  // A root fix that needs a shell is wrapped in `sudo sh -c '…'` (asRoot.ts): its inside is read
  // by sh, whatever the user's shell, so a $'…' word inside makes it `bash -c`; the outside is
  // then quoted for the user's shell.
  it('a root line with a control-character path runs under bash -c, and types right in fish and dash', () => {
    const dir = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
    const target = `${dir}/a\u0015b`;
    const plain = `mkdir -p ${quoteForDisplay(target)} && touch ${quoteForDisplay(`${target}/f`)}`;
    const root = asRoot({ ...base, id: 'root', needsRoot: true, text: plain }, { uid: 1000, sudo: true });
    expect(root).toMatchObject({ text: expect.stringMatching(/^sudo bash -c '/) });
    expect(asRoot({ ...base, needsRoot: true, text: 'sysctl -w a=1 && echo a=1 > /etc/x' }, { uid: 1000, sudo: true })).toMatchObject({ text: "sudo sh -c 'sysctl -w a=1 && echo a=1 > /etc/x'" });
    const shells: Array<[string | undefined, string]> = [[FISH, 'fish'], [DASH, 'dash'], ['/bin/bash', 'bash']];
    try {
      for (const [bin, name] of shells) {
        if (!bin) continue;
        const [finding] = fixesForShell({ causes: [{ fixes: [root], findings: [{ classId: 'fs-access', severity: 'warning', confidence: 0.5, message: 'm', evidence: [], fixes: [root] } as Finding] }] }, bin).causes[0]!.findings;
        const text = (finding!.fixes[0] as Extract<Fix, { kind: 'terminal' }>).text.replace(/^sudo /, '');
        expect(CONTROL.test(text)).toBe(false);
        execFileSync(bin, name === 'fish' ? ['--no-config', '-c', text] : ['-c', text]);
        expect(existsSync(`${target}/f`), name).toBe(true);
        execFileSync('rm', ['-rf', target]);
      }
    } finally {
      execFileSync('rm', ['-rf', dir]);
    }
  });
});
