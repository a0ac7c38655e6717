// The rules' matcher leaves a rule's regex unrun on a line that lacks what every match of it holds
// (regexLiterals.ts, rules.ts testNeedsOf). That is only right if the reading of the regex is: a
// run it gives must be in every match. Held here on hand-made patterns, on every rule's regex
// against every line of the fixtures and catalogs it matches, and on generated lines.
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mandatoryRuns, type Alternative } from '../../../src/goplsLog/regexLiterals.js';
import { NEEDLES, RULES, testNeedsOf } from '../../../src/goplsLog/rules.js';
import { NeedleSet } from '../../../src/goplsLog/needleSet.js';
import { LINE_WORDS, lineWordsOf } from '../../../src/goplsLog/analyzer.js';

describe('mandatoryRuns', () => {
  const rows: Array<[RegExp, Alternative[] | undefined]> = [
    [/abc/, [['abc']]],
    [/ab?c/, [['a', 'c']]],
    [/ab*c|x+y/, [['a', 'c'], ['x', 'y']]],
    [/ab+c/, [['a', 'b', 'c']]],
    [/ab{0,2}c/, [['a', 'c']]],
    [/ab{2}c/, [['a', 'b', 'c']]],
    [/ab{1,}?c/, [['a', 'b', 'c']]],
    // A brace that is no quantifier is a literal brace (Annex B): nothing joins across it.
    [/a{b}c/, [['a', 'b', 'c']]],
    [/a{,2}/, [['a', ',2']]],
    [/a\.b\/c\\d/, [['a.b/c\\d']]],
    [/a\sb\dc\bd\ne/, [['a', 'b', 'c', 'd', 'e']]],
    [/a\x41b\u0042c\cJd/, [['a', 'b', 'c', 'd']]],
    [/(a)\1b|\0c/, [[[['a']], 'b'], ['c']]],
    // A lone ']' is a literal in Annex B; read as nothing, it only ends the run.
    [/a[bc]d[^]e[]]f/, [['a', 'd', 'e', 'f']]],
    [/a[\]x]b/, [['a', 'b']]],
    [/^a.b$/m, [['a', 'b']]],
    [/(?:go|gopls) x/, [[[['go'], ['gopls']], ' x']]],
    [/(?:go|gopls)? x/, [[' x']]],
    [/(?:ab)+c/, [[[['ab']], 'c']]],
    [/(?<n>ab)\k<n>c/, [[[['ab']], 'c']]],
    [/a(?=bc)d(?!e)f(?<=g)h(?<!i)j/, [['a', 'd', 'f', 'h', 'j']]],
    [/a(?:b(?:c|d)e|f)g/, [['a', [['b', [['c'], ['d']], 'e'], ['f']], 'g']]],
    [/a(b|)c/, [['a', [['b'], []], 'c']]],
    [/|a/, [[], ['a']]],
    [/a\|b/, [['a|b']]],
    [/[(]a[)]/, [['a']]],
    [/a/u, undefined],
    [/a/g, undefined],
    [/a/y, undefined],
  ];
  it.each(rows)('%s', (re, want) => expect(mandatoryRuns(re)).toEqual(want));
});

/** Every run of an alternative is in every string that alternative matches: checked by building the strings. */
describe('what the rules\' regexes need, against lines they match', () => {
  const set = new NeedleSet(NEEDLES);
  const regexes = RULES.flatMap((r) => [r.test, r.nearWatcher, r.nearExec, r.inContainer, r.inBindMount, r.nearChmodX, r.afterToolId, r.nearGopls].filter((x): x is RegExp => x !== undefined));
  const needs = regexes.map((re) => testNeedsOf(re, LINE_WORDS));

  function satisfied(i: number, line: string): boolean {
    const n = needs[i];
    if (n === null || n === undefined) return true;
    if ((lineWordsOf(line) & n.bits) !== n.bits) return false;
    if (!n.needles) return true;
    const marks = new Uint8Array(NEEDLES.length);
    set.find(line, marks);
    return n.needles.some((k) => marks[k] === 1);
  }

  function linesOf(dir: string): string[] {
    const out: string[] = [];
    for (const e of readdirSync(dir)) {
      const p = path.join(dir, e);
      if (statSync(p).isDirectory()) out.push(...linesOf(p));
      else out.push(...readFileSync(p, 'latin1').split(/\r?\n/));
    }
    return out;
  }
  const fixtures = path.join(__dirname, '../../fixtures');
  const catalogs = readdirSync(fixtures).filter((f) => f.endsWith('-messages.jsonl'));
  const lines = [
    ...['logs', 'gopls', 'vscode-go', 'hostile', 'golang-go-standin'].flatMap((d) => linesOf(path.join(fixtures, d))),
    ...catalogs.flatMap((f) => readFileSync(path.join(fixtures, f), 'utf8').split('\n').filter(Boolean).flatMap((l) => (JSON.parse(l) as { instance: string }).instance.split('\n'))),
  ];

  it('most regexes need something a line can lack (else this saves nothing)', () => {
    expect(needs.filter((n) => n !== null).length).toBeGreaterThan(regexes.length / 2);
  });

  it('every fixture and catalog line a regex matches holds what it needs', () => {
    let matched = 0;
    for (const line of lines) {
      regexes.forEach((re, i) => {
        if (!re.test(line)) return;
        matched++;
        expect(satisfied(i, line), `${re} on ${JSON.stringify(line.slice(0, 200))}`).toBe(true);
      });
    }
    expect(matched).toBeGreaterThan(300);
  });

  it('on generated lines made of the regexes\' own literals, other case and other characters', () => {
    // Pieces of the sources (their literal runs, whole and cut), the needles and the line words,
    // in either case: lines that come near to matching, and sometimes do.
    const runsOf = (alts: Alternative[] | undefined): string[] => (alts ?? []).flatMap((a) => a.flatMap((p) => (typeof p === 'string' ? [p] : runsOf(p))));
    const pieces = [...new Set([...regexes.flatMap((re) => runsOf(mandatoryRuns(re))), ...NEEDLES, ...LINE_WORDS.map(([w]) => w)])];
    const piece = fc.oneof(
      fc.constantFrom(...pieces),
      fc.constantFrom(...pieces).map((p) => p.toUpperCase()),
      fc.constantFrom(...pieces).map((p) => p.slice(1)),
      fc.constantFrom(' ', '/', '"', ':', '\\', '\\"', '1', 'go', 'gopls', 'x.go:12:', '\u00e2', '\u00c2', '\u0130', '\u212a'),
    );
    let matched = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.nat(regexes.length - 1), (a, k) => {
        const line = a.join(' ');
        // One regex chosen, and every regex whose needles the line holds.
        for (const i of [k, ...regexes.keys()]) {
          if (i !== k && !RULES.some((r) => r.test === regexes[i] && r.needles.some((n) => line.includes(n)))) continue;
          if (!regexes[i]!.test(line)) continue;
          matched++;
          expect(satisfied(i, line), `${regexes[i]} on ${JSON.stringify(line)}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(50);
  });
});
