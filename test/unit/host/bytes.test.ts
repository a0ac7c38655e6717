import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/host/bytes.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

describe('formatBytes: one spelling of a size for every message, panel and dialog', () => {
  const rows: Array<[number, string]> = [
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [2048, '2 KiB'],
    [64 * KiB, '64 KiB'],
    [160 * MiB, '160 MiB'],
    [250 * MiB, '250 MiB'],
    [726.4 * MiB, '726 MiB'],
    [1.5 * GiB, '1.5 GiB'],
    [4 * GiB, '4 GiB'],
    [78 * GiB, '78 GiB'],
    [3 * 1024 * GiB, '3 TiB'],
  ];
  for (const [n, want] of rows) it(`${n} → ${want}`, () => expect(formatBytes(n)).toBe(want));
});
