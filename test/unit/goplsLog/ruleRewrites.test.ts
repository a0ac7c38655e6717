// Rule patterns rewritten for speed must say yes or no exactly where the longer form did: a rule's
// test is only ever used as a yes/no on a line (or a window of one), never for what it matched.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/goplsLog/rules.js';

/** `more`: lines of the rule's own shapes, tested beside the fixtures; `generated`: the generated lines below are its pieces. */
const REWRITES: Array<{ id: string; before: RegExp; more?: string[]; generated?: true }> = [
  {
    // `['"‘]?[\w.+-]{1,200}` before the quote: backtracked over every run of word characters.
    id: 'program-not-on-path-other',
    generated: true,
    before: /exec: \\?"[^"\\\n]+\\?": (?:executable file not found in %PATH%|cannot run executable found relative to current directory)|Unable to locate executable file: [\w.+-]+|['"‘]?[\w.+-]{1,200}['"’]? (?:was |is )?not found in (?:\$PATH|PATH|your PATH)\b/,
  },
  {
    // "[Ff]ailed to install" spelt "(?:Failed|failed) to install": a class ends the run the
    // screen reads the error word "fail" from (rules.ts testNeedsOf), a group of words does not.
    id: 'tool-install-failed',
    before: /\bfailed\b[^\n]*golang\.org\/x\/tools\/(?:cmd\/)?gopls|golang\.org\/x\/tools\/(?:cmd\/)?gopls\b[^\n]*(?:\bfailed\b|cannot find package|: not found)|cannot find package \\?"golang\.org\/x\/tools\/(?:cmd\/)?gopls\\?" in any of|Installing \S+ (?:\([^)]*\) )?FAILED|\d+ tools? failed to install|[Ff]ailed to install (?:the )?(?:tools?|gopls|['"]?\w[\w.-]*['"]?(?:\s|$)|\S+@)|cannot install gopls|Error installing \S*gopls|Command failed: [^\n]*\bgo(?:\.exe)? (?:get|install) [^\n]*gopls|Installation failed for Package\(name=gopls\)|Server (?:gopls|go-\w+)\S* install process failed/,
    more: ["Failed to install 'gopls'", 'failed to install the tools', 'Failed to install x@v1', 'xFailed to install gopls', 'FAILED to install gopls', 'Failed  to install gopls', 'failed to install', 'Failed to install -'],
  },
  {
    // "(?:\/gopls)?@v" spelt out as two alternatives, so each holds its needle ("…/x/tools@v",
    // "…/x/tools/gopls@v") as a plain run: its needles are what each match holds, not the bare
    // module path every gopls stack frame holds.
    id: 'gopls-build-failed',
    before: /^\s*# golang\.org\/x\/tools\/(?:gopls|internal|go|cmd\/gopls|imports|refactor)\b|golang\.org\/x\/tools(?:\/gopls)?@v[^\s/\\:]+\/[^\s:]+\.go:\d+(?::\d+)?: |golang\.org\\x\\tools(?:\\gopls)?@v[^\s/\\:]+\\[^\s:]+\.go:\d+(?::\d+)?: |\/src\/golang\.org\/x\/tools\/[^\s:]+\.go:\d+(?::\d+)?: |\\src\\golang\.org\\x\\tools\\[^\s:]+\.go:\d+(?::\d+)?: /m,
    more: [
      '# golang.org/x/tools/gopls/internal/cache', '  # golang.org/x/tools/internal/lsp', '# golang.org/x/toolsy', 'x # golang.org/x/tools/gopls',
      '../../pkg/mod/golang.org/x/tools@v0.24.0/internal/typesinternal/types.go:40:9: undefined: types.Alias',
      '/root/go/pkg/mod/golang.org/x/tools/gopls@v0.16.2/internal/cache/x.go:12:2: undefined: slices.Concat',
      '/root/go/pkg/mod/golang.org/x/tools/gopls@v0.16.2/internal/cache/x.go:12: undefined: slices.Concat',
      '\t/root/go/pkg/mod/golang.org/x/tools/gopls@v0.23.0/internal/cmd/serve.go:173 +0x57a fp=0x390a596db8e8',
      'golang.org/x/tools/gopls/internal/cmd.(*Serve).Run(0x390a59927910, {0x15e4498})',
      'golang.org/x/tools/gopls/v0.1.0/a.go:1:2: x', 'golang.org/x/tools/gopls@v0.1.0:a.go:1:2: x', 'golang.org/x/tools@v0.1.0/a.go:1:2:x',
      '/home/ann/go/src/golang.org/x/tools/internal/lsp/source/completion.go:301:7: cannot use x',
      '/home/u/go/src/golang.org/x/tools/internal/lsp/x.go:12 +0x4',
      'C:\\Users\\r\\go\\pkg\\mod\\golang.org\\x\\tools@v0.0.0-2020\\internal\\event\\core\\export.go:41:9: undefined: errors.Is',
      'C:\\Users\\r\\go\\pkg\\mod\\golang.org\\x\\tools\\gopls@v0.9.0\\internal\\x.go:41: undefined: y',
      'C:\\go\\src\\golang.org\\x\\tools\\internal\\lsp\\x.go:4:2: undefined: z',
      'C:\\go\\pkg\\mod\\golang.org\\x\\tools\\gopls@v0.9.0\\internal\\x.go:41 +0x1f',
    ],
  },
  {
    // "x\/tools\/(?:gopls|internal)\/" spelt out as two alternatives: each holds its needle as a
    // plain run (the bare module path before the group stopped being a needle).
    id: 'gopls-stack-headless',
    before: /^\s*(?:created by )?golang\.org\/x\/tools\/(?:gopls|internal)\/[^\s(]*\(/,
    more: ['created by golang.org/x/tools/internal/lsp.(*Server).processModifications', '\tgolang.org/x/tools/gopls/internal/cache.(*snapshot).load(0xc0)', 'golang.org/x/tools/go/packages.Load(0x1)', 'x golang.org/x/tools/gopls/a.b(', 'golang.org/x/tools/gopls/a b('],
  },
];

function fixtureLines(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...fixtureLines(p));
    else if (e.isFile()) out.push(...readFileSync(p, 'latin1').split('\n'));
  }
  return out;
}

describe('rule patterns rewritten for speed say what they said before', () => {
  const lines = fixtureLines(path.join(__dirname, '../../fixtures/logs'));
  for (const { id, before, more, generated } of REWRITES) {
    const after = RULES.find((r) => r.id === id)!.test!;
    it(`${id}: on every fixture log line and every rule needle`, () => {
      expect(after.source).not.toBe(before.source);
      for (const l of [...lines, ...RULES.flatMap((r) => r.needles), ...(more ?? [])]) expect(after.test(l), l.slice(0, 200)).toBe(before.test(l));
    });
    it(`${id}: every line the old form says yes to holds one of the rule's needles (a line without one is never tested)`, () => {
      const { needles } = RULES.find((r) => r.id === id)!;
      let yes = 0;
      for (const l of [...lines, ...(more ?? [])]) {
        if (!before.test(l)) continue;
        yes++;
        expect(needles.some((n) => l.includes(n)), l.slice(0, 200)).toBe(true);
      }
      expect(yes).toBeGreaterThan(0);
    });
    if (!generated) continue;
    it(`${id}: on generated lines made of its own pieces`, () => {
      const piece = fc.constantFrom('go', 'gopls', 'a.b-c+d', 'x', '_', '"', "'", '‘', '’', '\\"', ' ', 'was ', 'is ', 'not found in ', '$PATH', 'PATH', 'your PATH', '%PATH%', 'exec: ', ': ', 'executable file not found in %PATH%', 'Unable to locate executable file: ', '\n', 'é', '1');
      // …and shaped like the message, each part present or not, so near-misses are common.
      const opt = (...xs: string[]) => fc.constantFrom('', ...xs);
      const shaped = fc
        .tuple(fc.array(piece, { maxLength: 3 }), opt('"', "'", '‘', '\\"'), opt('go', 'x', 'a.b-c+d', '_', 'é'), opt('"', "'", '’', '‘', '\\"'), opt(' ', '  '), opt('was ', 'is ', 'are '), opt('not found in ', 'not found  in '), opt('$PATH', 'PATH', 'your PATH', '%PATH%', 'the PATH'), opt('', 'x', '.', '_'), fc.array(piece, { maxLength: 3 }))
        .map(([a, ...rest]) => a.join('') + rest.slice(0, -1).join('') + (rest.at(-1) as string[]).join(''));
      let yes = 0;
      fc.assert(
        fc.property(fc.oneof(fc.array(piece, { maxLength: 14 }).map((a) => a.join('')), shaped), (s) => {
          const b = before.test(s);
          expect(after.test(s)).toBe(b);
          if (b) yes++;
        }),
        { numRuns: 20_000 },
      );
      expect(yes).toBeGreaterThan(1000);
    });
  }
});
