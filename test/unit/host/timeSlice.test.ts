// A long synchronous walk lets the event loop turn between its slices, and still visits every
// item once, in order.
import { describe, expect, it } from 'vitest';
import { forEachSliced } from '../../../src/host/timeSlice.js';

describe('forEachSliced', () => {
  it('visits every item in order', async () => {
    const seen: number[] = [];
    await forEachSliced([1, 2, 3, 4], (x) => seen.push(x));
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('lets queued callbacks run between slices (a zero-length slice yields after each item)', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('other'));
    await forEachSliced(['a', 'b', 'c'], (x) => log.push(x), 0);
    expect(log.indexOf('other')).toBeGreaterThan(0);
    expect(log.indexOf('other')).toBeLessThan(log.length - 1);
    expect(log.filter((x) => x !== 'other')).toEqual(['a', 'b', 'c']);
  });

  it('holds the thread for a whole slice when items are quick (nothing runs in between)', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('other'));
    await forEachSliced(['a', 'b', 'c'], (x) => log.push(x), 60_000);
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('runs a generator’s own steps inside the slices', async () => {
    const steps: string[] = [];
    function* gen() {
      for (const d of ['x', 'y']) {
        steps.push(`list ${d}`);
        yield `${d}1`;
        yield `${d}2`;
      }
    }
    await forEachSliced(gen(), (x) => steps.push(x));
    expect(steps).toEqual(['list x', 'x1', 'x2', 'list y', 'y1', 'y2']);
  });
});
