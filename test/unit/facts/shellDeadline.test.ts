// The login shell's deadline: the grace for its traps always fits inside the time it is allowed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from '../../../src/doctor/settings.js';
import { SHELL_HANGUP_GRACE_MS, SHELL_WORK_MS, shellAllowance, shellDeadline } from '../../../src/facts/shellDeadline.js';

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

describe('shellAllowance: the shell leaves time for the probes that read its environment', () => {
  it('a default run keeps the shell its whole time and grace', () => {
    // What is left of a default run when the shell starts (a few ms to a few hundred in).
    for (const spent of [0, 50, 300]) expect(shellDeadline(shellAllowance(DEFAULT_TIMEOUT_MS - spent))!.timeoutMs).toBe(SHELL_WORK_MS + SHELL_HANGUP_GRACE_MS);
  });

  it('a short run (--timeout-ms 1500, 900, 300) still ends the shell well before the run does', () => {
    for (const left of [1500, 900, 300, 37]) {
      const d = shellDeadline(shellAllowance(left))!;
      expect(d.timeoutMs).toBeLessThan(left);
      // Time over for go-env, gopls and login-shell to report what the shell gave (or did not).
      expect(left - d.timeoutMs).toBeGreaterThanOrEqual(Math.floor(left / 3));
    }
  });

  it.each([0, -1, Number.NaN])('no time left (%s): nothing to allow', (left) => {
    expect(shellDeadline(shellAllowance(left))).toBeUndefined();
  });
});
