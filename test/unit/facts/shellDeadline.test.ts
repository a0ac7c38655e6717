// The login shell's deadline: the grace for its traps always fits inside the time it is allowed.
import { describe, expect, it } from 'vitest';
import { SHELL_HANGUP_GRACE_MS, SHELL_WORK_MS, shellDeadline } from '../../../src/facts/shellDeadline.js';

describe('shellDeadline', () => {
  it.each([
    { limit: 60_000, work: SHELL_WORK_MS, grace: SHELL_HANGUP_GRACE_MS },
    { limit: SHELL_WORK_MS + SHELL_HANGUP_GRACE_MS, work: SHELL_WORK_MS, grace: SHELL_HANGUP_GRACE_MS },
    { limit: 3000, work: 2250, grace: 750 },
    { limit: 2000, work: 1500, grace: 500 },
    { limit: 7, work: 6, grace: 1 },
    { limit: 3, work: 3, grace: 0 },
  ])('allowed $limit ms: hung up at $work ms, killed $grace ms later', ({ limit, work, grace }) => {
    expect(shellDeadline(limit)).toEqual({ workMs: work, timeoutMs: work + grace, stop: { signal: 'SIGHUP', graceMs: grace, leaderFirst: true } });
  });

  it.each([0, -5, 0.5, Number.NaN])('no time left (%s ms): no shell is started', (limit) => {
    expect(shellDeadline(limit)).toBeUndefined();
  });

  it('whatever the limit, the kill comes by it and the shell keeps most of its time', () => {
    for (let limit = 1; limit < 20_000; limit += 97) {
      const d = shellDeadline(limit)!;
      expect(d.timeoutMs).toBeLessThanOrEqual(limit);
      expect(d.workMs + d.stop.graceMs).toBe(d.timeoutMs);
      expect(d.stop.graceMs).toBeLessThanOrEqual(limit / 4);
      expect(d.workMs).toBeGreaterThan(0);
    }
  });
});
