// /dev/kmsg records (src/procfs/kmsg.ts): the real record of the 100 MiB OOM kill in
// test/fixtures/logs/kernel-oom-cgroup-100m.dmesg.log, as /dev/kmsg gave it on the same VM, and
// the device itself where this user may read it.
import { describe, expect, it } from 'vitest';
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parseKmsgRecord, readKmsg } from '../../../src/procfs/kmsg.js';
import { parseKernelOomKills } from '../../../src/procfs/oomKills.js';

const KILLED = '3,423,463186989,-;Memory cgroup out of memory: Killed process 9604 (gopls) total-vm:2080700kB, anon-rss:86528kB, file-rss:23372kB, shmem-rss:0kB, UID:0 pgtables:396kB oom_score_adj:0';

describe('parseKmsgRecord', () => {
  it("reads a record as dmesg prints it: the OOM parser names the same victim from either", () => {
    const r = parseKmsgRecord(`${KILLED}\n SUBSYSTEM=memcg\n`)!;
    expect(r.seconds).toBeCloseTo(463.186989, 6);
    expect(r.line).toBe(`[  463.186989] ${KILLED.split(';')[1]}`);
    expect(parseKernelOomKills(r.line)).toMatchObject([{ pid: 9604, comm: 'gopls', residentKb: 86528 + 23372 }]);
  });
  it('a continuation line or garbage is no record', () => {
    expect(parseKmsgRecord(' SUBSYSTEM=memcg')).toBeUndefined();
    expect(parseKmsgRecord('[  463.186989] not the device format')).toBeUndefined();
  });
});

const readable = (() => {
  try {
    accessSync('/dev/kmsg', constants.R_OK);
    return process.platform === 'linux';
  } catch {
    return false;
  }
})();

describe('readKmsg on this machine', () => {
  // Compared with what dmesg prints of the same buffer (nothing is written to the kernel log).
  it.skipIf(!readable)('reads the ring buffer to its end without blocking, as dmesg prints it', () => {
    let printed: string[];
    try {
      printed = execFileSync('dmesg', [], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }).split('\n').filter((l) => /^\[\s*\d+\.\d+\] \S/.test(l));
    } catch {
      return; // no dmesg to compare with
    }
    const records = readKmsg();
    expect(records.length).toBeGreaterThan(0);
    const lines = new Set(records.map((r) => r.line));
    // Plain ASCII records only: /dev/kmsg escapes other bytes as \xNN, which dmesg unescapes.
    const last = printed.slice(-20).filter((l) => /^[\x20-\x7e]*$/.test(l));
    expect(last.filter((l) => !lines.has(l))).toEqual([]);
    const stamps = records.map((r) => r.seconds!);
    expect(stamps.every((x, k) => k === 0 || x >= stamps[k - 1]!)).toBe(true);
  });
});
