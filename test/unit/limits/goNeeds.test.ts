// Latent limits: what Go tooling will need on a machine, from its CPU count and package count.
import { describe, expect, it } from 'vitest';
import { parseCpuList } from '../../../src/procfs/cpuList.js';
import { addressSpaceNeeds, goplsMemoryNeeds, taskNeeds } from '../../../src/probes/goNeeds.js';

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

describe('gopls memory from the size of the source it loads', () => {
  const MB = 1000 * 1000;
  // Measured on 2026-12-05 (goNeeds.ts's table): source MB, packages, cold and warm max RSS in KiB (/usr/bin/time %M).
  const measured: Array<[string, number, number, number, number]> = [
    ["fmt's deps", 5.1, 62, 464300, 264056],
    ['800 one-function packages', 3.3, 831, 305044, 83648],
    ['x/tools ssautil', 9.7, 159, 440264, 89364],
    ['every public std package', 17.9, 318, 788012, 237940],
    ['aws-sdk-go-v2 ec2', 28.4, 247, 1660176, 1437068],
    ['client-go kubernetes', 43.0, 577, 1805288, 1150008],
    ["a tester's module", 62.6, 676, 3171548, 2324644],
  ];
  it.each(measured)('%s: the cold estimate is within a factor of two of what gopls took, and the warm floor under it', (_name, src, pkgs, cold, warm) => {
    const n = goplsMemoryNeeds(pkgs, src * MB);
    expect(n.cold / (cold * 1024)).toBeGreaterThan(0.6);
    expect(n.cold / (cold * 1024)).toBeLessThan(1.6);
    expect(n.warm).toBeLessThanOrEqual(warm * 1024);
    expect(n.method).toContain(`${src.toFixed(1)} MB of Go source`);
  });

  it('the count alone was off by more than two for large generated packages, and is still what is used without the bytes', () => {
    expect(goplsMemoryNeeds(676).cold / (3171548 * 1024)).toBeLessThan(0.5);
    expect(goplsMemoryNeeds(676).method).not.toMatch(/MB of Go source/);
  });

  it('RLIMIT_AS: the estimate sits between the limits gopls died and loaded under (bisected)', () => {
    for (const [src, pkgs, died, loaded] of [
      [17.9, 318, 2.56e9, 3.07e9],
      [62.6, 676, 5.12e9, 6.14e9],
    ] as const) {
      const n = addressSpaceNeeds(2, pkgs, src * MB);
      expect(n.gopls).toBeGreaterThan(died);
      expect(n.gopls).toBeLessThanOrEqual(loaded);
    }
  });
});
