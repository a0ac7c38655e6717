// Generators of hostile parser input, built around real samples: the samples themselves, their
// truncations and splices, binary garbage and invalid UTF-8 decoded as a reader would decode it
// (utf8 → U+FFFD, latin1 → one char per byte), huge lines, and shuffles of real lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export const FIXTURES = path.resolve(__dirname, '../../fixtures');
/** Enough to make every parser earn it; under a minute for the whole fuzz directory. */
export const NUM_RUNS = 10_000;

/** Every file under test/fixtures whose path matches, read as text (others' real copies). */
export function samplesMatching(re: RegExp, maxBytes = 256 * 1024): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (re.test(p) && st.size <= maxBytes) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(FIXTURES);
  return out;
}

const decode = (bytes: Uint8Array, enc: 'utf8' | 'latin1') => Buffer.from(bytes).toString(enc);

/** Bytes that are not valid UTF-8: lone continuation bytes, overlongs, surrogates, 0xff. */
const invalidUtf8 = fc.array(fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xe0, 0xed, 0xa0, 0xf5, 0xf8, 0xfe, 0xff, 0x00, 0x0a, 0x20, 0x3a), { maxLength: 200 }).map((a) => Uint8Array.from(a));

export function hostileText(samples: readonly string[], opts: { hugeLine?: boolean } = {}): fc.Arbitrary<string> {
  const real = samples.length ? samples : ['\n'];
  const sample = fc.constantFrom(...real);
  const lines = real.flatMap((s) => s.split('\n')).filter(Boolean);
  const line = fc.constantFrom(...(lines.length ? lines : ['']));
  const cut = fc.tuple(sample, fc.nat(), fc.nat()).map(([s, a, b]) => {
    const i = a % (s.length + 1);
    const j = b % (s.length + 1);
    return s.slice(Math.min(i, j), Math.max(i, j));
  });
  const splice = fc.tuple(sample, fc.nat(), fc.oneof(fc.string({ maxLength: 40 }), invalidUtf8.map((b) => decode(b, 'utf8')), fc.constantFrom('\0', '\r\n', '\t', ' ', ':', '-', '(', ')', '\\040', '\\', '"', '{', '}', '[', ']', 'Content-Length: 99999999999\r\n\r\n', 'inotify wd:', '0::', '\u2028', '\ufeff'))).map(([s, at, ins]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + ins + s.slice(i);
  });
  const shuffled = fc.shuffledSubarray(lines.length ? lines : [''], { minLength: 0 }).chain((ls) => fc.constantFrom('\n', '\r\n', '\0', '').map((sep) => ls.join(sep)));
  const repeatedLine = fc.tuple(line, fc.integer({ min: 2, max: 200 })).map(([l, n]) => Array.from({ length: n }, () => l).join('\n'));
  const garbage = fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((b) => decode(b, 'utf8')),
    fc.uint8Array({ maxLength: 2048 }).map((b) => decode(b, 'latin1')),
    invalidUtf8.map((b) => decode(b, 'utf8')),
    invalidUtf8.map((b) => decode(b, 'latin1')),
  );
  const arbitrary = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }));
  const huge = fc.tuple(line, fc.integer({ min: 10_000, max: 40_000 }), fc.constantFrom('a', ' ', '\\', '0', ':', '(', '=', '\t', '-')).map(([l, n, c]) => `${l}${c.repeat(n)}${l}\n${l}`);
  const parts: Array<fc.WeightedArbitrary<string>> = [
    { arbitrary: sample, weight: 1 },
    { arbitrary: cut, weight: 4 },
    { arbitrary: splice, weight: 4 },
    { arbitrary: shuffled, weight: 2 },
    { arbitrary: repeatedLine, weight: 1 },
    { arbitrary: garbage, weight: 3 },
    { arbitrary: arbitrary, weight: 3 },
  ];
  if (opts.hugeLine !== false) parts.push({ arbitrary: huge, weight: 1 });
  return fc.oneof(...parts);
}

/** The hang guard: a parser that takes this long on one input has a runaway loop or regex. */
export const HANG_MS = 2000;

/**
 * The hang guard for an input of `chars` characters: HANG_MS plus 1 µs per character. A runaway
 * (quadratic rescans, backtracking) grows with the square of the input or worse, so it still
 * blows far past this; an honest linear pass over a multi-megabyte input on a loaded 2-core CI
 * machine does not (a 6.7 MB single line took 0.74 s idle and 2.05 s under the full suite, which
 * a flat 2 s guard called a hang).
 */
export function hangBudgetMs(chars: number): number {
  return HANG_MS + chars / 1000;
}

export function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

/** A cheap assertion for inside properties (expect() costs more than the parsers under test). */
export function check(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(`property broken: ${what}`);
}
