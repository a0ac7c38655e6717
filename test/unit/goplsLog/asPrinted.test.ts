// Reports pasted from a rendered page, a chat or a mail carry other characters than the program
// printed: no-break spaces, curly quotes, zero-width spaces, HTML entities. The rules read the
// line as printed (asPrinted); the analyzer reads bytes as latin1, so the UTF-8 forms arrive as
// their bytes, and a Unicode string (a test's) is mended too.
import { describe, expect, it } from 'vitest';
import { asPrinted, matchRules } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';

const asLatin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

describe('asPrinted', () => {
  it.each<[string, string]>([
    ['go:\u00a0cannot\u00a0find main module', 'go: cannot find main module'],
    ['exec: \u201cgo\u201d: executable file not found in $PATH', 'exec: "go": executable file not found in $PATH'],
    ["watch \u2018/home/u/x\u2019", "watch '/home/u/x'"],
    ['fatal\u200b error: runtime: out of memory', 'fatal error: runtime: out of memory'],
    ['\ufeffpanic: boom', 'panic: boom'],
    ['exec: &quot;go&quot;: executable file not found in $PATH', 'exec: "go": executable file not found in $PATH'],
    ['watch &#39;/x&#39; &lt;nil&gt; a &amp; b', "watch '/x' <nil> a & b"],
  ])('%j', (pasted, printed) => {
    expect(asPrinted(pasted)).toBe(printed);
    // The same characters as the analyzer sees them: UTF-8 bytes read as latin1.
    expect(asPrinted(asLatin1(pasted))).toBe(asLatin1(printed));
  });

  it('leaves a line with nothing to mend as the same string, and other non-ASCII text alone', () => {
    const line = 'go: downloading golang.org/x/tools v0.23.0';
    expect(asPrinted(line)).toBe(line);
    expect(asPrinted(asLatin1('ошибка: доступ запрещён — é'))).toBe(asLatin1('ошибка: доступ запрещён — é'));
    expect(asPrinted('R&D; a&b')).toBe('R&D; a&b');
  });
});

describe('the analyzer reads pasted lines as printed, and quotes them as pasted', () => {
  it('a no-break space in cmd/go\'s words still names the rule; the evidence keeps the pasted bytes', () => {
    const pasted = 'go:\u00a0cannot\u00a0find main module, but found .git/config in /home/u/p';
    const ev = analyzeText(`${pasted}\n`).events;
    expect(ev.map((e) => e.ruleId)).toContain('go-mod-not-found');
    expect(ev[0]!.text).toBe(pasted);
  });

  it('HTML-escaped quotes in exec\'s words: read as the plain quotes are', () => {
    expect(analyzeText('exec: &quot;go&quot;: executable file not found in $PATH\n').events.map((e) => e.ruleId)).toEqual(analyzeText('exec: "go": executable file not found in $PATH\n').events.map((e) => e.ruleId));
  });
});

describe('matchRules reads a line as printed, as the analyzer does', () => {
  it('a no-break space in a rule\'s words names the same rules as a plain space', () => {
    expect(matchRules('go:\u00a0cannot\u00a0find main module, but found .git/config in /home/u/p').map((r) => r.id)).toEqual(matchRules('go: cannot find main module, but found .git/config in /home/u/p').map((r) => r.id));
    expect(matchRules('go: cannot find main module, but found .git/config in /home/u/p')).not.toEqual([]);
  });
});
