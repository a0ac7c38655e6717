// A command past its deadline, or a command's leftovers, are asked to stop (SIGTERM) before they
// are killed (SIGKILL): a shell's EXIT trap then still cleans up. Seen for real: a login shell
// killed outright in the middle of `pyenv rehash` left pyenv's lock behind, and every later shell
// waited 60 s for it. Real processes; the deadline still holds (nothing of the run is left).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graceFor, groupHasLiveMember, run, TERM_GRACE_MS } from '../../../src/host/exec.js';
import { newRunMarker, withRunMarker } from '../../../src/host/runMarker.js';
import { findMarked } from '../../../src/procfs/sweepMarked.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-exec-grace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { PATH: '/usr/bin:/bin' };

/** pyenv-rehash's way: take a lock with noclobber, drop it in an EXIT trap (set first, so no signal falls between). */
const lockScript = (lock: string, then: string) => `trap "rm -f '${lock}'" EXIT; set -o noclobber; echo > '${lock}'; ${then}`;

describe('exec.run ends a process group gently, within the deadline', () => {
  it('a script still holding its lock at the deadline gets to run its EXIT trap', async () => {
    const lock = path.join(dir, 'deadline.lock');
    const m = newRunMarker();
    const r = await withRunMarker(m, () => run('bash', ['-c', lockScript(lock, 'sleep 30')], { timeoutMs: 1500, env }));
    // (The lock was taken: the script got that far long before its deadline.)
    expect(r.timedOut).toBe(true);
    expect(r.failed).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(await findMarked(m)).toEqual([]);
  });

  it('a child that ignores SIGTERM is still killed by the deadline', async () => {
    const m = newRunMarker();
    const r = await withRunMarker(m, () => run('bash', ['-c', "trap '' TERM; sleep 30 & wait; sleep 30"], { timeoutMs: 1500, env }));
    expect(r.timedOut).toBe(true);
    // The 30 s sleeps did not run their course: none of the run's processes is left.
    expect(await findMarked(m)).toEqual([]);
  });

  it('a background job the command left behind is asked to stop too, and its trap runs', async () => {
    const lock = path.join(dir, 'leftover.lock');
    const m = newRunMarker();
    const r = await withRunMarker(m, () => run('bash', ['-c', `(${lockScript(lock, 'sleep 30')}) >/dev/null 2>&1 & until [ -e '${lock}' ]; do sleep 0.05; done; exit 0`], { timeoutMs: 10_000, env }));
    expect(r.exitCode).toBe(0);
    expect(r.timedOut).toBe(false);
    expect(existsSync(lock)).toBe(false);
    expect(await findMarked(m)).toEqual([]);
  });

  it('the grace is a quarter of a short deadline at most, never more than TERM_GRACE_MS', () => {
    expect(graceFor(100)).toBe(25);
    expect(graceFor(60_000)).toBe(TERM_GRACE_MS);
    expect(graceFor(0)).toBe(0);
  });

  it('no process group by that id: no live member', () => {
    expect(groupHasLiveMember(2 ** 22 + 12345)).toBe(false);
  });
});
