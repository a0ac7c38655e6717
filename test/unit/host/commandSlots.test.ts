// The command limiter under a tight task limit: commands never overlap, a canceled waiter leaves the
// queue without taking anyone's turn. Overlap is seen through a lock directory each command holds
// (mkdir fails while another holds it), not through timing.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { limitConcurrentCommands, run } from '../../../src/host/exec.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-slots-'));
const lock = path.join(dir, 'lock');
const hold = ['-c', `mkdir "${lock}" && sleep 0.5 && rmdir "${lock}"`];

afterEach(() => limitConcurrentCommands(Number.POSITIVE_INFINITY));

describe('limitConcurrentCommands', () => {
  it('one slot: four commands started together run one after another, every one holding the lock alone (each holds it half a second)', async () => {
    limitConcurrentCommands(1);
    const results = await Promise.all([1, 2, 3, 4].map(() => run('/bin/sh', hold, { timeoutMs: 10_000 })));
    expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0, 0]);
  });

  it('unlimited (the default): they run side by side, and the lock is contended (the control)', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => run('/bin/sh', hold, { timeoutMs: 10_000 })));
    expect(results.some((r) => r.exitCode !== 0)).toBe(true);
    rmSync(lock, { recursive: true, force: true });
  });

  it('a command canceled while it waits ends as canceled, and the next still gets its turn', async () => {
    limitConcurrentCommands(1);
    const ac = new AbortController();
    const first = run('/bin/sh', hold, { timeoutMs: 10_000 });
    const waiting = run('/bin/sh', hold, { timeoutMs: 10_000, signal: ac.signal });
    const third = run('/bin/sh', hold, { timeoutMs: 10_000 });
    ac.abort();
    const [a, b, c] = await Promise.all([first, waiting, third]);
    expect(b.canceled).toBe(true);
    expect([a.exitCode, c.exitCode]).toEqual([0, 0]);
  });
});
