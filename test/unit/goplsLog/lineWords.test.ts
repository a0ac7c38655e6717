// The analyzer's one-pass word screen (lineWords.ts, LINE_WORDS in analyzer.ts) stands in front of
// its per-line context regexes: each bit must say exactly, or at least, what its regex needs, on
// any string (either ASCII case, other code units exactly), and the byte pass what the string pass says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaselessWords } from '../../../src/goplsLog/lineWords.js';
import {
  CHMOD_X_WORDS, CONTAINER_SCREEN, CONTEXT_WORDS, ERRORISH, LINE_WORDS, MAY_NAME_GOPLS, TOOL_ID_WORDS,
  W_CHMOD, W_CONTAINER, W_ERRORISH, W_GOPLS, W_GO_TOOL, W_LISTING, W_NAMES_LS, W_NOT_AFTER, W_PASTED, contextWordsOf, lineWordsOf,
} from '../../../src/goplsLog/analyzer.js';
import { MAY_BE_PASTED, NOT_AFTER } from '../../../src/goplsLog/rules.js';

function byRegex(t: string) {
  const w = CONTEXT_WORDS.exec(t);
  return { watcher: !!w?.[1], gopls: !!w?.[2], exec: !!w?.[3] };
}

/** Every claim a line's bits make about the regexes. */
function agrees(t: string): void {
  const m = lineWordsOf(t);
  expect(contextWordsOf(t, m), t).toEqual(byRegex(t));
  expect((m & W_CONTAINER) !== 0, t).toBe(CONTAINER_SCREEN.test(t));
  expect((m & (W_GOPLS | W_NAMES_LS)) !== 0, t).toBe(MAY_NAME_GOPLS.test(t));
  expect((m & W_PASTED) !== 0, t).toBe(MAY_BE_PASTED.test(t));
  // Necessary words: the regex never matches a line without them.
  if (ERRORISH.test(t)) expect(m & W_ERRORISH, t).not.toBe(0);
  if (CHMOD_X_WORDS.test(t)) expect(m & W_CHMOD, t).not.toBe(0);
  if (TOOL_ID_WORDS.test(t)) expect(m & W_GO_TOOL, t).not.toBe(0);
  if (NOT_AFTER.some((r) => r.notAfter!.test.test(t))) expect(m & W_NOT_AFTER, t).not.toBe(0);
  if (['gopath', 'go version ', 'onfigur', 'Environment'].some((w) => t.includes(w))) expect(m & W_LISTING, t).not.toBe(0);
  // The byte pass reads latin1 code units as the string pass reads the string.
  if (!/[^\x00-\xff]/.test(t)) {
    const b = Buffer.from(`xx${t}yy`, 'latin1');
    expect(lineWordsOf(t, b, 2), t).toBe(m);
  }
}

const LINES = [
  '', 'a quiet line', 'gopls: watching files', 'WATCH out, GOPLS', 'inotify_add_watch failed', 'notify-rs', 'notify', 'Gopls exec', 'gopls then subprocess.run(',
  'File "/usr/lib/python3.11/subprocess.py", line 1024, in _execute_child', 'child_exception_type', 'os.execvp(', 'execve(', 'could not execute gopls', 'Unable To Spawn x',
  'docker run --rm -it golang', 'Podman container ls', 'KUBECTL exec', 'a container', 'containe', 'gopls language-server', 'LangServer', 'chmod +x ./gopls', 'CHMOD 755 x',
  'go tool compile: exit status 2', 'gopath: /x', 'go version go1.22', 'Checking configured tools', '## Environment', 'ENVIRONMENT', 'GOPATH=/x', 'GO TOOL asm: exit status 1', "can't open", 'COULDN\'T', 'Could Not', 'segmentation fault', 'Bad System Call', 'errors', 'ERROR', 'erro',
  'caf\u00e9\u00a0x', '\u00e2\u0080\u0099', '&amp;', '\u201cquoted\u201d', 'zero\u200bwidth', '\ufeffBOM', '\u00c2', '\u00ef\u00bb\u00bf',
  // Characters that fold to an ASCII letter only under Unicode case folding: not under /i without u.
  'runtime: failed to create new OS thread (have 2 already; errno=22)', 'FAILED TO CREATE NEW OS THREAD', 'failed to create new OS thread errno=11', '\u212aILLED', '\u017fpawn', 'gop\u0131s', 'G\u00d3PLS', 'W\u0041TCH',
];

describe('LINE_WORDS bits against the regexes they screen for', () => {
  it.each(LINES)('%j', (t) => agrees(t));

  it('on generated lines made of the words, their pieces and other case', () => {
    const words = LINE_WORDS.map(([w]) => w);
    const pieces = [...words, ...words.map((w) => w.toUpperCase()), ...words.map((w) => w.slice(0, Math.max(1, w.length - 1))), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1)),
      ' ', '.', '(', '_', '-', "'", ':', 'x', 'run', 'Popen', 'check_output', 'os.', 'execv', ' exit status 2', '\u212a', '\u017f', '\u0131', '\u00e9', '\u2018', '+x ', '755', 'ID'];
    const piece = fc.constantFrom(...pieces);
    const mixCase = (s: string, flips: number) => [...s].map((c, i) => ((flips >> (i % 30)) & 1 ? c.toUpperCase() : c)).join('');
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), fc.integer(), (a, flips) => {
      agrees(a.join(''));
      agrees(mixCase(a.join(''), flips));
    }), { numRuns: 20_000 });
  });

  it('on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40, unit: 'binary' }), (t) => agrees(t)), { numRuns: 5_000 });
  });
});

describe('CaselessWords', () => {
  const set = new CaselessWords([['he', 1], ['she', 2], ['hers', 4], ['é', 8], ['a-b', 16]]);
  it.each([
    ['ushers', 1 | 2 | 4], ['USHERS', 1 | 2 | 4], ['', 0], ['É', 0], ['é', 8], ['A-B', 16], ['a_b', 0], ['h\u0130', 0],
  ] as Array<[string, number]>)('%j', (t, want) => {
    expect(set.mask(t)).toBe(want);
    expect(set.maskBytes(Buffer.from(t, 'latin1'), 0, t.length)).toBe(/[^\x00-\xff]/.test(t) ? set.maskBytes(Buffer.from(t, 'latin1'), 0, t.length) : want);
  });
  it('refuses a word with an upper-case letter (it would never be found)', () => {
    expect(() => new CaselessWords([['Go', 1]])).toThrow();
  });
});
