import { describe, expect, it } from 'vitest';
import { firstAndMore } from '../../../src/doctor/listing.js';

describe('firstAndMore', () => {
  it.each([
    [[], 3, ''],
    [['a'], 3, 'a'],
    [['a', 'b', 'c'], 3, 'a, b, c'],
    [['a', 'b', 'c', 'd', 'e'], 3, 'a, b, c and 2 more'],
    [['x.go', 'y.go', 'z.go'], 2, 'x.go, y.go and 1 more'],
  ])('%j (at most %i) → %j', (items, max, want) => expect(firstAndMore(items, max)).toBe(want));
});
