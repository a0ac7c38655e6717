// Latent limits: what Go tooling will need on a machine, from its CPU count and package count.
import { describe, expect, it } from 'vitest';
import { parseCpuList } from '../../../src/procfs/cpuList.js';
import { goplsMemoryNeeds, taskNeeds } from '../../../src/probes/goNeeds.js';

describe('parseCpuList', () => {
  const table: Array<[string | undefined, number | undefined]> = [
    ['0-1\n', 2],
    ['0', 1],
    ['0-3,8-11', 8],
    ['0,2,4-5', 4],
    ['', undefined],
    [undefined, undefined],
    ['3-1', undefined],
    ['x', undefined],
  ];
  for (const [text, want] of table) it(JSON.stringify(text), () => expect(parseCpuList(text)).toBe(want));
});

describe('taskNeeds', () => {
  it('on this VM (2 CPUs) stays within what was measured: go build -p 2 16–20 tasks, gopls 17–38', () => {
    const n = taskNeeds(2);
    expect(n.trivial).toBeGreaterThanOrEqual(10);
    expect(n.trivial).toBeLessThanOrEqual(16);
    expect(n.normal).toBeGreaterThanOrEqual(16 + 17);
    expect(n.method).toMatch(/measured/);
  });

  it('the issue\'s case: pids.max 40 with 21 in use leaves less than gopls and a build need, even on 2 CPUs', () => {
    expect(40 - 21).toBeLessThan(taskNeeds(2).normal);
    expect(40 - 21).toBeGreaterThanOrEqual(taskNeeds(2).trivial);
  });

  it('grows with the CPU count: a 64-core machine needs thousands of tasks for a default build', () => {
    expect(taskNeeds(64).normal).toBeGreaterThan(4000);
    expect(taskNeeds(64).normal).toBeGreaterThan(taskNeeds(8).normal);
  });
});

describe('goplsMemoryNeeds', () => {
  it('matches the two measured points within 10%', () => {
    const MB = 1024 * 1024;
    expect(goplsMemoryNeeds(62).cold / MB).toBeCloseTo(356, -1.5);
    expect(goplsMemoryNeeds(317).cold / MB).toBeCloseTo(770, -1.5);
    expect(goplsMemoryNeeds(317).warm / MB).toBeCloseTo(133, -1.5);
    expect(goplsMemoryNeeds(10).method).toMatch(/10 packages/);
  });
});
