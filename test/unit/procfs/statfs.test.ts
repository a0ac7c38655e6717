import { describe, expect, it } from 'vitest';
import { assessSpace } from '../../../src/procfs/statfs.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
// 4 KiB blocks, like ext4 and tmpfs here.
const fsOf = (freeBytes: number, totalBytes: number, ffree = 1_000_000, files = 2_000_000) => ({ bsize: 4096, blocks: totalBytes / 4096, bavail: freeBytes / 4096, files, ffree });

describe('assessSpace', () => {
  const rows: Array<{ name: string; in: ReturnType<typeof fsOf>; level: string; reason?: RegExp; short?: [bytes: boolean, inodes: boolean] }> = [
    { name: 'this VM: 78 GiB of 252 GiB free', in: fsOf(78 * GiB, 252 * GiB, 16_312_515, 16_777_216), level: 'ok' },
    { name: 'full: 0 bytes', in: fsOf(0, 64 * 1024), level: 'error', reason: /^0 B free of 64 KiB$/, short: [true, false] },
    { name: 'under 50 MiB', in: fsOf(40 * MiB, 100 * GiB), level: 'error' },
    { name: 'under 1 GiB', in: fsOf(900 * MiB, 100 * GiB), level: 'warning', reason: /900 MiB free of 100 GiB \(0\.9%\)/ },
    { name: 'a small, mostly empty tmpfs (64 MiB, all free) is fine', in: fsOf(64 * MiB, 64 * MiB), level: 'ok' },
    // A tester's GOTMPDIR: go run and go test -count=1 of a small module succeed there; a bigger binary would not fit.
    { name: 'a 16 MiB tmpfs, empty: small, a warning, not "nothing left"', in: fsOf(16 * MiB, 16 * MiB), level: 'warning', reason: /16 MiB free of 16 MiB, a small file system/ },
    { name: 'a 16 MiB tmpfs with 12 MiB used: nothing left', in: fsOf(4 * MiB, 16 * MiB), level: 'error' },
    { name: 'a 40 MiB tmpfs three quarters used: nothing left', in: fsOf(10 * MiB, 40 * MiB), level: 'error' },
    { name: 'a small tmpfs more than half used', in: fsOf(200 * MiB, 512 * MiB), level: 'warning', reason: /200 MiB free of 512 MiB/ },
    { name: 'over 1 GiB but under 2%', in: fsOf(3 * GiB, 400 * GiB), level: 'warning' },
    { name: 'inodes exhausted with space left', in: fsOf(50 * GiB, 100 * GiB, 12, 6_553_600), level: 'error', reason: /12 inodes free/, short: [false, true] },
    { name: 'inodes under 2%', in: fsOf(50 * GiB, 100 * GiB, 100_000, 6_553_600), level: 'warning', short: [false, true] },
    // A tmpfs mounted with nr_inodes=40: 64 MiB free, no inode left.
    { name: 'a tmpfs of 40 inodes, all used, bytes free', in: fsOf(64 * MiB, 64 * MiB, 0, 40), level: 'error', reason: /^0 inodes free of 40$/, short: [false, true] },
    { name: 'both short', in: fsOf(0, 8 * MiB, 3, 2048), level: 'error', short: [true, true] },
    { name: 'a file system without inode counts (files=0) is judged on bytes only', in: fsOf(50 * GiB, 100 * GiB, 0, 0), level: 'ok' },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const v = assessSpace(r.in);
      expect(v.level).toBe(r.level);
      if (r.reason) expect(v.reasons.join('; ')).toMatch(r.reason);
      if (r.short) expect([v.bytesShort, v.inodesShort]).toEqual(r.short);
      if (r.level === 'ok') expect([v.bytesShort, v.inodesShort]).toEqual([false, false]);
    });
  }
});
