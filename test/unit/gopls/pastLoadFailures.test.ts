// Which log findings a failure that no longer happens turns into information (pastLoadFailures.ts).
import { describe, expect, it } from 'vitest';
import { asPastFailure, recheckableLines, type PastFailure } from '../../../src/probes/pastLoadFailures.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import type { FindingInput } from '../../../src/doctor/model.js';

const past: PastFailure[] = [{ source: '/l/gopls.log', lines: new Set([3, 5]), folders: ['/w'], evidence: [{ source: 'go list -m (in /w)', excerpt: 'example.com/w' }] }];
const finding = (x: Partial<FindingInput>): FindingInput => ({ classId: 'env-inheritance', severity: 'warning', confidence: 0.6, message: 'the go that ran is older', evidence: [{ source: '/l/gopls.log', line: 3, excerpt: 'x' }], fixes: [], ...x });

describe('asPastFailure', () => {
  it('a finding on those lines only becomes information, with go\'s answer and a restart', () => {
    const f = asPastFailure(finding({}), past);
    expect(f).toMatchObject({ severity: 'info', fixes: [{ id: 'gopls-restart' }] });
    expect(f.evidence.at(-1)).toMatchObject({ source: 'go list -m (in /w)' });
  });
  const kept: Array<[string, Partial<FindingInput>]> = [
    ['a line the failure is not on', { evidence: [{ source: '/l/gopls.log', line: 3, excerpt: 'x' }, { source: '/l/gopls.log', line: 9, excerpt: 'y' }] }],
    ['another log', { evidence: [{ source: '/l/other.log', line: 3, excerpt: 'x' }] }],
    ['evidence read from this machine', { evidence: [{ source: '/l/gopls.log', line: 3, excerpt: 'x' }, { source: 'go env', excerpt: 'GOROOT=/x' }] }],
    ['another class', { classId: 'memory-limit' }],
  ];
  for (const [name, x] of kept) it(`keeps ${name}`, () => expect(asPastFailure(finding(x), past)).toEqual(finding(x)));
});

describe('recheckableLines', () => {
  it('collects the lines of the re-checked rules only', () => {
    const s = analyzeText('go: go.mod requires go >= 1.99.0 (running go 1.26.8; GOTOOLCHAIN=local)\nfatal error: runtime: out of memory\ngo: errors parsing go.mod:\n/w/go.mod:3: unknown directive: x\n');
    const lines = recheckableLines('/l/a.log', s, new Map()).get('/l/a.log');
    expect(lines?.has(1)).toBe(true);
    expect(lines?.has(3) || lines?.has(4)).toBe(true);
    expect(lines?.has(2)).toBe(false);
  });
});
