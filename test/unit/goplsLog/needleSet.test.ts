// The one-pass needle finder behind the log screen: it must say exactly what `includes` says,
// needle by needle, on overlapping, nested and repeated needles, any code unit, and long lines.
import { describe, expect, it } from 'vitest';
import { NeedleSet } from '../../../src/goplsLog/needleSet.js';
import { CaselessWords } from '../../../src/goplsLog/lineWords.js';
import { LINE_WORDS } from '../../../src/goplsLog/analyzer.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NEEDLES, RULES, matchRules, screenAndMatch, windowsAround } from '../../../src/goplsLog/rules.js';

function found(set: NeedleSet, text: string): string[] {
  const marks = new Uint8Array(set.needles.length);
  const n = set.find(text, marks);
  const out = set.needles.filter((_, i) => marks[i] === 1);
  expect(n).toBe(out.length);
  return out;
}
const byIncludes = (needles: readonly string[], text: string) => needles.filter((n) => text.includes(n));

/**
 * `count` texts of up to 7 pieces (each cut by up to 2 leading characters), seeded, each as latin1
 * bytes after up to 4 bytes of padding and before a needle ("ENOSPC"), so a pass over [pad, pad +
 * text.length) must stop at the text's edges.
 */
function* paddedTexts(seed: number, pieces: readonly string[], count: number): Generator<{ text: string; pad: number; bytes: Buffer }> {
  const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  for (let t = 0; t < count; t++) {
    let text = '';
    for (let k = rnd(8); k > 0; k--) text += pieces[rnd(pieces.length)]!.slice(rnd(3));
    const pad = rnd(5);
    yield { text, pad, bytes: Buffer.from('\xff'.repeat(pad) + text + 'ENOSPC', 'latin1') };
  }
}

describe('NeedleSet', () => {
  const needles = ['he', 'she', 'his', 'hers', 'not found', 'not found: ', 'go: not found', 'ENOENT', ' ENOENT', 'é', '→x', 'aaa'];
  const set = new NeedleSet(needles);
  const rows: Array<[string, string[]]> = [
    ['ushers', ['he', 'she', 'hers']],
    ['', []],
    ['a quiet line', []],
    ['nothing here', ['he']],
    ['go: not found: x', ['not found', 'not found: ', 'go: not found']],
    ['open /x: ENOENT', ['ENOENT', ' ENOENT']],
    ['ENOENT at start', ['ENOENT']],
    ['aaaa', ['aaa']],
    ['aa', []],
    ['café → x →x', ['é', '→x']],
    ['not foun', []],
    ['hi his hehe', ['he', 'his']],
  ];
  for (const [text, want] of rows) {
    it(JSON.stringify(text), () => {
      expect(found(set, text)).toEqual(want);
      expect(found(set, text)).toEqual(byIncludes(needles, text));
      expect(set.test(text)).toBe(want.length > 0);
    });
  }

  it('a code unit above 0xff is not mistaken for the latin1 character with the same low byte', () => {
    // U+0145 and U+0165 share their low byte with 'E' (0x45) and 'e' (0x65).
    expect(set.test('\u0145NO\u0145NT')).toBe(false);
    expect(found(set, 'sh\u0165')).toEqual([]);
  });

  it('the empty needle is in every text, as includes says', () => {
    const withEmpty = new NeedleSet(['', 'x']);
    expect(withEmpty.test('')).toBe(true);
    expect(found(withEmpty, 'abc')).toEqual(['']);
    expect(found(withEmpty, 'xx')).toEqual(['', 'x']);
  });

  it('agrees with includes on random texts built from pieces of the needles', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const pieces = [...needles, ...needles.map((n) => n.slice(0, Math.max(1, n.length - 1))), ' ', 'x', '\n', 'h', 'e'];
    for (let t = 0; t < 500; t++) {
      let text = '';
      for (let k = rnd(12); k > 0; k--) text += pieces[rnd(pieces.length)];
      expect(found(set, text)).toEqual(byIncludes(needles, text));
    }
  });

  it('findBytes over latin1 bytes finds what find finds in the same text, at any offset', () => {
    const real = new NeedleSet(NEEDLES);
    let some = 0;
    const pieces = [...NEEDLES.filter((n) => /^[\x00-\xff]*$/.test(n)), ' ', '\xe9', '\xff', '\x00', 'e'];
    for (const { text, pad, bytes } of paddedTexts(11, pieces, 2000)) {
      const a = new Uint8Array(NEEDLES.length);
      const b = new Uint8Array(NEEDLES.length);
      const listed: number[] = [];
      const n = real.find(text, a);
      expect(real.findBytes(bytes, pad, pad + text.length, b, listed)).toBe(n);
      const want = [...a.keys()].filter((i) => a[i] === 1);
      expect([...b.keys()].filter((i) => b[i] === 1)).toEqual(want);
      expect([...listed].sort((x, y) => x - y)).toEqual(want);
      if (n > 0) some++;
    }
    expect(some).toBeGreaterThan(500);
  });

  it('findBytesAndWords finds what findBytes and the words pass find, each alone, in one loop', () => {
    const real = new NeedleSet(NEEDLES);
    const words = new CaselessWords(LINE_WORDS);
    const pieces = [...NEEDLES.filter((n) => /^[\x00-\xff]*$/.test(n)), ...LINE_WORDS.map(([w]) => w.toUpperCase()), ...LINE_WORDS.map(([w]) => w), ' ', '\xe9', '\xff', '\x00', 'e'];
    let some = 0;
    for (const { text, pad, bytes } of paddedTexts(13, pieces, 2000)) {
      const a = new Uint8Array(NEEDLES.length);
      const b = new Uint8Array(NEEDLES.length);
      const la: number[] = [];
      const lb: number[] = [];
      const n = real.findBytes(bytes, pad, pad + text.length, a, la);
      expect(real.findBytesAndWords(bytes, pad, pad + text.length, b, lb, words)).toBe(n);
      expect(lb).toEqual(la);
      expect(b).toEqual(a);
      expect(real.wordMask).toBe(words.maskBytes(bytes, pad, pad + text.length));
      if (n > 0 && real.wordMask !== 0) some++;
    }
    expect(some).toBeGreaterThan(300);
  });

  it('findBytesAndWords with two word sets in turn (its product automaton is made for each) and on one long line (many states made mid-line)', () => {
    const real = new NeedleSet(NEEDLES);
    const sets = [new CaselessWords(LINE_WORDS), new CaselessWords([['gopls', 1], ['error', 2], ['not found', 4]])];
    const texts = [...NEEDLES.slice(0, 300), NEEDLES.join(' | '), `GOPLS ${NEEDLES.join('')} ERROR`, ''];
    for (let round = 0; round < 2; round++) {
      for (const [k, text] of texts.entries()) {
        if (!/^[\x00-\xff]*$/.test(text)) continue;
        const words = sets[(k + round) % 2]!;
        const bytes = Buffer.from(`x${text}y`, 'latin1');
        const a = new Uint8Array(NEEDLES.length);
        const b = new Uint8Array(NEEDLES.length);
        const la: number[] = [];
        const lb: number[] = [];
        expect(real.findBytesAndWords(bytes, 1, 1 + text.length, b, lb, words)).toBe(real.findBytes(bytes, 1, 1 + text.length, a, la));
        expect(lb).toEqual(la);
        expect(b).toEqual(a);
        expect(real.wordMask).toBe(words.maskBytes(bytes, 1, 1 + text.length));
      }
    }
  });

  it('the real needles on a line far longer than a message: every needle where includes finds it', () => {
    const real = new NeedleSet(NEEDLES);
    const line = `${'{"k":"v",'.repeat(200_000)}"go: not found ${'x'.repeat(10_000)} ermission denied"`;
    expect(found(real, line)).toEqual(byIncludes(NEEDLES, line));
    expect(found(real, line).length).toBeGreaterThan(1);
  });
});

/** The rules as they were matched before the index: each rule's needles tested with includes. */
function byEachRule(text: string, ctx: { nearWatcher?: boolean; nearExec?: boolean; inContainer?: boolean; nearChmodX?: boolean; inDiagnostics?: boolean }): string[] {
  if (!NEEDLES.some((n) => text.includes(n))) return [];
  const hits = RULES.filter(
    (r) =>
      !(r.userCode && ctx.inDiagnostics) &&
      r.needles.some((n) => text.includes(n)) &&
      (!r.test || windowsAround(text, r.needles).some((w) => r.test!.test(w) || (ctx.nearWatcher && r.nearWatcher?.test(w)) || (ctx.nearExec && r.nearExec?.test(w)) || (ctx.inContainer && r.inContainer?.test(w)) || (ctx.nearChmodX && r.nearChmodX?.test(w)))),
  );
  const ids = new Set(hits.map((h) => h.id));
  return hits.filter((h) => !h.yieldsTo?.some((y) => ids.has(y))).map((h) => h.id);
}

function fixtureLines(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...fixtureLines(p));
    else if (e.name.endsWith('.log') || e.name.endsWith('.txt')) out.push(...readFileSync(p, 'latin1').split('\n'));
  }
  return out;
}

describe('the rules through the index', () => {
  const logLines = fixtureLines(path.join(__dirname, '../../fixtures/logs'));
  const needleLines = RULES.flatMap((r) => r.needles.map((n) => `2026/01/01 12:00:00 ${n} in /home/u/watch/x.go`));
  // Long lines take the windowed path: a message far into a body, and the same message repeated.
  const long = needleLines.slice(0, 40).map((l, i) => `${'{"a":1},'.repeat(700 + i)}${l}${' pad'.repeat(2000)}${l}`);
  const cases = [...logLines, ...needleLines, ...long];

  for (const ctx of [{}, { nearWatcher: true }, { nearExec: true }, { inContainer: true }, { nearChmodX: true }, { inDiagnostics: true }]) {
    it(`matches exactly what each rule's own needles matched (${cases.length} lines, ${JSON.stringify(ctx)})`, () => {
      expect(logLines.length).toBeGreaterThan(500);
      let named = 0;
      for (const line of cases) {
        const got = matchRules(line, ctx).map((r) => r.id);
        expect(got, line.slice(0, 200)).toEqual(byEachRule(line, ctx));
        if (got.length) named++;
      }
      // Not a vacuous agreement on empty answers. A needle alone (without its rule's test) names
      // nothing for about half of the rules, and in the diagnostics context the user-code rules
      // are off, so a third is the floor that still fails when the index matches nothing.
      expect(named).toBeGreaterThan(needleLines.length / 3);
    });
  }

  it('a line holding a yielding rule\'s needles and those of the rules it yields to (and theirs): what testing every rule says', () => {
    const byId = new Map(RULES.map((r) => [r.id, r]));
    let seed = 5;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const lines: string[] = [];
    for (const r of RULES.filter((x) => x.yieldsTo?.length)) {
      for (const y of r.yieldsTo!) {
        const t = byId.get(y)!;
        const more = (t.yieldsTo ?? []).map((z) => byId.get(z)!.needles[0]!);
        for (const n of r.needles) for (const m of t.needles) lines.push(`2026/01/01 12:00:00 ${n}: ${m} ${more.join(' ')}`, `${m} in ${n} on PATH`);
      }
      // and a random handful of other rules' needles beside it
      for (let k = 0; k < 4; k++) lines.push([r.needles[0]!, ...Array.from({ length: 1 + rnd(4) }, () => RULES[rnd(RULES.length)]!.needles[0]!)].join(': '));
    }
    let named = 0;
    for (const ctx of [{}, { nearWatcher: true, nearExec: true, inContainer: true, nearChmodX: true }, { inDiagnostics: true }]) {
      for (const line of lines) {
        const got = matchRules(line, ctx).map((r) => r.id);
        expect(got, line.slice(0, 200)).toEqual(byEachRule(line, ctx));
        if (got.length) named++;
      }
    }
    expect(lines.length).toBeGreaterThan(200);
    expect(named).toBeGreaterThan(lines.length);
    // Its own limit: the lines grow as a yielding rule's needles times those of each rule it
    // yields to (fs-access's bare refusal yields to forty), and each is tested against every rule
    // the slow way; about 40 s on an idle 2-core machine, past the default 60 s under load.
  }, 240_000);

  it('reading the line as latin1 bytes (as the analyzer does) says the same', () => {
    let compared = 0;
    for (const ctx of [{}, { nearWatcher: true }, { inDiagnostics: true }]) {
      for (const line of cases) {
        if (!/^[\x00-\xff]*$/.test(line)) continue;
        const bytes = Buffer.from(`[x] ${line}\n`, 'latin1');
        expect(screenAndMatch(line, ctx, { bytes, at: 4 })).toEqual(screenAndMatch(line, ctx));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(cases.length);
  });

  it('a line with only ": stderr: " passes the screen and names no rule', () => {
    expect(screenAndMatch('2024/01/01 go list failed: stderr: nothing known')).toEqual({ screened: true, rules: [], printed: '2024/01/01 go list failed: stderr: nothing known' });
    expect(screenAndMatch('an ordinary line')).toEqual({ screened: false, rules: [], printed: 'an ordinary line' });
  });
});
