// A line up to 4096 characters is tested whole by every rule whose needle it holds (rules.ts,
// windowsAround), so a rule's test must not backtrack over every pair or triple of positions: a
// hostile or binary-ish log of such lines would stall the reader. Seen before these bounds: 5 s
// for an unanchored \S*gopls\S*, 0.9 s for exec-eperm's two unbounded spans on "fork/exec "; an
// unbounded \S+ or [\w.+-]+ before a phrase is quadratic (30 ms alone, ten times that on a busy
// machine). The budget is loose so a loaded machine does not fail it; cubic backtracking still does.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/goplsLog/rules.js';

const SEEDS = ['gopls', 'gopls/', 'go ', 'a/', 'x:', '\\"', ' ', '0x', '[', 'fork/exec ', 'exec: "', 'permission denied ', 'golang.org/x/tools/gopls@v', 'Server ', 'GOPATH='];

describe('rule cost on long repetitive lines', () => {
  it.each(SEEDS)('every rule tests a 4 KB line of %j in well under a second', (seed) => {
    const line = seed.repeat(Math.ceil(4096 / seed.length)).slice(0, 4096);
    for (const r of RULES) {
      if (!r.test) continue;
      const t = performance.now();
      r.test.test(line);
      expect(performance.now() - t, r.id).toBeLessThan(500);
    }
  });
});
