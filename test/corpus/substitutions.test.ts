// What differs from one user's paste of a failure to the next must not change what the doctor reads:
// another user's home, other pids, sizes and times, another project's module, other hashes, another
// build's temporary directory, Windows line ends, tabs a page expanded. A rule keyed on any of those
// (a user name, a pid, a repository seen in one tuning text) would read that text and no other user's:
// it would be tuned, not general. The tuning half, each text read right bare in the raw -logfile
// form, is read again with each substitution made throughout; it must read the same. (Tried as well
// and left out, 2026-12-03: a line's first letter put in upper or in lower case. What changed were
// lines whose case a program fixes, `panic:`, `memory: usage`, gopls's stack frames, go-plus's "No Go
// Installations Were Found", a `PATH:` label: not a variation users' pastes have.)
import { describe, expect, it } from 'vitest';
import { loadCorpus, measure, readRightBare } from './corpus.js';

const rotateDigits = (s: string) => s.replace(/\d/g, (d) => String((Number(d) + 3) % 10));
const HEX = '0123456789abcdef';
const rotateHex = (s: string) => s.replace(/[0-9a-f]/g, (c) => HEX[(HEX.indexOf(c) + 5) % 16]!);

const SUBSTITUTIONS: Record<string, (s: string) => string> = {
  "another user's home": (s) => s.replace(/\/home\/[A-Za-z0-9._-]+/g, '/home/qwerty').replace(/\/Users\/[A-Za-z0-9._-]+/g, '/Users/qwerty'),
  // Four digits or more, not inside a word or a dotted version: pids, sizes, ports, times, line counts.
  'other pids, sizes and times': (s) => s.replace(/(?<![\w.])\d{4,}(?![\w.])/g, rotateDigits),
  "another project's module": (s) => s.replace(/\b(github\.com|gitlab\.com|bitbucket\.org)\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+/g, '$1/acme/widgetry'),
  'other hashes and ids': (s) => s.replace(/\b[0-9a-f]{8,}\b/g, rotateHex),
  "another build's temporary directory": (s) => s.replace(/\/tmp\/(go-build|gopls-)\d+/g, (_, p: string) => `/tmp/${p}77331`),
  'Windows line ends': (s) => s.replace(/\n/g, '\r\n'),
  'tabs a page expanded': (s) => s.replace(/^\t+/gm, (m) => '    '.repeat(m.length)),
};

describe("a failure reads the same in another user's paste", () => {
  const tuning = loadCorpus().items.filter((i) => i.split === 'tuning');

  it('the tuning half, read right bare, reads the same with each substitution made', async () => {
    const readRight = await readRightBare(tuning);
    expect(readRight.filter((i) => i.label !== 'negative').length).toBeGreaterThan(600);
    for (const [name, substitute] of Object.entries(SUBSTITUTIONS)) {
      const changedTexts = readRight.map((i) => ({ ...i, text: substitute(i.text) })).filter((i, k) => i.text !== readRight[k]!.text);
      // Each substitution must meet enough texts to say something.
      expect(changedTexts.length, name).toBeGreaterThanOrEqual(5);
      const rs = await measure(changedTexts, ['logfile']);
      const changed = rs.filter((r) => (r.label === 'negative' ? r.top !== undefined : !r.ok)).map((r) => `${r.id} -> ${r.top ?? '(nothing)'}`);
      expect(changed, name).toEqual([]);
    }
  }, 600_000);
});
