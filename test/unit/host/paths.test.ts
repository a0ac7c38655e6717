import { describe, expect, it } from 'vitest';
import { isInside } from '../../../src/host/paths.js';

describe('isInside', () => {
  const rows: Array<[string, string, boolean]> = [
    ['/usr/local/go/bin/go', '/usr/local/go', true],
    ['/usr/local/go', '/usr/local/go', true],
    ['/usr/local/go/', '/usr/local/go', true],
    ['/usr/local/gopher', '/usr/local/go', false],
    ['/usr/local', '/usr/local/go', false],
    ['/home/u/..x/y', '/home/u', true],
    ['/etc/passwd', '/home/u', false],
  ];
  for (const [child, parent, want] of rows) it(`${child} in ${parent}: ${want}`, () => expect(isInside(child, parent)).toBe(want));
});
