// The go env file's lines go reads past (cmd/go/internal/cfg readEnvFile, go 1.26): table tests on
// file texts, and the findings built from them. What go does with each line was run with go1.26.8
// (`GOENV=file go env NAME`); test/real/goEnvFileLines.test.ts runs the real go on the same texts.
import { describe, expect, it } from 'vitest';
import { ignoredGoEnvLines, ignoredLineFindings, type IgnoredLine } from '../../../src/probes/goEnvFileLines.js';

describe('ignoredGoEnvLines', () => {
  it.each<[string, string, Partial<IgnoredLine>[]]>([
    ['a space for "=" (the tester\'s)', 'GOPROXY https://proxy.example.com\nGOFLAGS=-mod=mod -v=true\n', [{ line: 1, reason: 'no-equals', name: 'GOPROXY', value: 'https://proxy.example.com' }]],
    ['a colon for "="', 'GONOSUMDB: corp.example\n', [{ line: 1, reason: 'no-equals', name: 'GONOSUMDB', value: 'corp.example' }]],
    ['a name alone', 'GOPRIVATE\n', [{ line: 1, reason: 'no-equals', name: 'GOPRIVATE' }]],
    ['no "=" and no Go name', 'hello world\n', [{ line: 1, reason: 'no-equals' }]],
    ['a leading space', 'GOFLAGS=-mod=mod\n  GONOSUMDB=corp.example\n', [{ line: 2, reason: 'not-a-name', name: 'GONOSUMDB', value: 'corp.example' }]],
    ['a lower-case name', 'goprivate=corp.example\n', [{ line: 1, reason: 'not-a-name', name: 'GOPRIVATE', value: 'corp.example' }]],
    ['spaces around "="', 'GOPRIVATE = corp.example\n', [{ line: 1, reason: 'spaced-name', name: 'GOPRIVATE', value: 'corp.example' }]],
    ['a name go does not know, near one it does', 'GOPROXYY=https://p.example\n', [{ line: 1, reason: 'unknown-name', nearName: 'GOPROXY' }]],
    ['a name far from any', 'MYTOKEN=abc\n', [{ line: 1, reason: 'unknown-name' }]],
    ['a quoted URL (go keeps the quotes)', 'GOPROXY="https://proxy.golang.org"\n', [{ line: 1, reason: 'quoted', name: 'GOPROXY', value: 'https://proxy.golang.org' }]],
    ['single quotes, CRLF', "GOINSECURE='q.example'\r\n", [{ line: 1, reason: 'quoted', name: 'GOINSECURE', value: 'q.example' }]],
    ['a name set twice: the first is replaced', 'GOVCS=a:git\nGOFLAGS=-x\nGOVCS=b:git\n', [{ line: 1, reason: 'overridden', name: 'GOVCS', laterLine: 3 }]],
  ])('%s', (_what, text, want) => {
    const got = ignoredGoEnvLines(text);
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
  it.each([
    ['what go env -w writes', 'GOFLAGS=-mod=mod\nGOPRIVATE=corp.example\nGOPROXY=https://proxy.golang.org,direct\n'],
    ['comments and blank lines (GOROOT/go.env style)', '# This file holds defaults.\n\nGOPROXY=https://proxy.golang.org,direct\n   \n'],
    ['quotes where go splits words', 'CGO_CFLAGS="-O2 -g"\nGOFLAGS=\'-tags=a b\'\nCC="ccache gcc"\n'],
    ['an empty value', 'GOPROXY=\n'],
    ['no final newline', 'GOPROXY=off'],
  ])('nothing for %s', (_what, text) => expect(ignoredGoEnvLines(text)).toEqual([]));
});

describe('ignoredLineFindings', () => {
  const eff = (v: Record<string, string>) => (name: string) => ({ value: v[name] ?? '', from: "/usr/local/go/go.env or Go's default" });
  it('a lost GOPROXY: a warning naming the line, what go uses instead, and go env -w with the value the line meant', () => {
    const lines = ignoredGoEnvLines('GOPROXY https://proxy.example.com\nGOFLAGS=-mod=mod\n');
    const [f, ...rest] = ignoredLineFindings('/h/.config/go/env', lines, eff({ GOPROXY: 'https://proxy.golang.org,direct' }), () => undefined, 'go env -json');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
    expect(f!.message).toContain('line 1 ("GOPROXY https://proxy.example.com") has no \'=\'');
    expect(f!.message).toContain("go uses GOPROXY=https://proxy.golang.org,direct from /usr/local/go/go.env or Go's default, not the https://proxy.example.com the line meant");
    expect(f!.evidence[0]).toEqual({ source: '/h/.config/go/env', excerpt: '1: GOPROXY https://proxy.example.com' });
    expect(f!.fixes).toEqual([expect.objectContaining({ kind: 'terminal', text: 'go env -w GOPROXY=https://proxy.example.com', needsRoot: false })]);
  });
  it('the environment sets the name anyway: info, no fix', () => {
    const lines = ignoredGoEnvLines('goprivate=corp.example\n');
    const out = ignoredLineFindings('/f', lines, eff({}), (n) => (n === 'GOPRIVATE' ? 'other.example' : undefined), 'go env -json');
    expect(out).toEqual([expect.objectContaining({ severity: 'info', fixes: [] })]);
    expect(out[0]!.message).toContain("the environment's GOPRIVATE=other.example would win over the file anyway");
  });
  it('unknown names and replaced lines: info only', () => {
    const lines = ignoredGoEnvLines('GOPROXYY=x\nGOVCS=a:git\nGOVCS=b:git\n');
    const out = ignoredLineFindings('/f', lines, eff({ GOVCS: 'b:git' }), () => undefined, 'go env -json');
    expect(out.map((f) => f.severity)).toEqual(['info']);
    expect(out[0]!.message).toContain('did you mean GOPROXY?');
    expect(out[0]!.message).toContain('is replaced by line 3');
  });
  it('many lines: four named, the rest counted; four fixes at most', () => {
    const text = ['GOPROXY a', 'GOPRIVATE b', 'GONOSUMDB c', 'GONOPROXY d', 'GOINSECURE e', 'GOVCS f'].join('\n');
    const [f] = ignoredLineFindings('/f', ignoredGoEnvLines(text), eff({}), () => undefined, 'go env -json');
    expect(f!.message).toMatch(/6 lines go ignores.*; and 2 more\.$/);
    expect(f!.fixes).toHaveLength(4);
  });
  it('no lines, no findings', () => expect(ignoredLineFindings('/f', [], eff({}), () => undefined, 'go env -json')).toEqual([]));
});
