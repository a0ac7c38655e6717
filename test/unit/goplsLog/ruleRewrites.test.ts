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
