// A login shell stopped by the doctor must leave the machine as it was: its traps run, and nothing
// of it is left by its deadline. Seen for real: a login shell killed in the middle of `pyenv
// rehash` left pyenv's lock (~/.pyenv/shims/.pyenv-shim), and the doctor then reported that lock.
// Real bash, real rc files in a private HOME, real signals; no timing asserts.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandsStopped, run, type StopPolicy } from '../../../src/host/exec.js';
import { Host } from '../../../src/host/host.js';
import { newRunMarker, withRunMarker } from '../../../src/host/runMarker.js';
import { findMarked } from '../../../src/procfs/sweepMarked.js';
import { readLoginShellEnv } from '../../../src/facts/readLoginShellEnv.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-hangup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { PATH: '/usr/bin:/bin' };
const HANG_UP: StopPolicy = { signal: 'SIGHUP', graceMs: 1000, leaderFirst: true };

/** pyenv-rehash's way: a lock taken with noclobber, dropped by an EXIT trap; then it works on. */
const lockScript = (lock: string, then: string) => `trap "rm -f '${lock}'" EXIT; set -o noclobber; echo > '${lock}'; ${then}`;

async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
}

describe('a login shell past its deadline is hung up, and its traps run', () => {
  it("the rc file's own trap and a rehash-like step's trap both run; nothing is left", async () => {
    const home = path.join(dir, 'home');
    mkdirSync(home);
    const rcLock = path.join(home, 'rc.lock');
    const stepLock = path.join(home, 'step.lock');
    const reached = path.join(home, 'reached');
    // bash -l -i reads ~/.bash_profile: a trap of the shell itself, then a child that takes a
    // lock and is still working when the deadline comes (`; :` keeps bash from exec'ing sleep).
    writeFileSync(
      path.join(home, '.bash_profile'),
      [`trap "rm -f '${rcLock}'" EXIT`, `: > '${rcLock}'`, `bash -c ${JSON.stringify(lockScript(stepLock, `: > '${reached}'; sleep 30; :`))}`, ''].join('\n'),
    );
    const m = newRunMarker();
    const fact = await withRunMarker(m, () => readLoginShellEnv(new Host(), { ...env, HOME: home, SHELL: '/bin/bash' }, new AbortController().signal, 6000, { useCache: false }));
    expect(fact.ok).toBe(false);
    expect(!fact.ok && fact.reason).toMatch(/did not finish within \d+ ms/);
    // The shell got as far as the step (both locks were taken), and both were dropped.
    expect(existsSync(reached)).toBe(true);
    expect(existsSync(rcLock)).toBe(false);
    expect(existsSync(stepLock)).toBe(false);
    // By the time the fact is read, nothing of the shell runs any more.
    expect(await findMarked(m)).toEqual([]);
  });

  it('canceled: the same hang-up and grace, and the run that canceled it can wait for the traps', async () => {
    const lock = path.join(dir, 'cancel.lock');
    const m = newRunMarker();
    const ac = new AbortController();
    const pending = withRunMarker(m, () => run('bash', ['-c', lockScript(lock, 'sleep 30; :')], { timeoutMs: 60_000, stop: HANG_UP, signal: ac.signal, env }));
    await until(() => existsSync(lock));
    ac.abort();
    // What diagnose() does before it sweeps the run's leftovers with SIGKILL.
    await commandsStopped();
    expect(existsSync(lock)).toBe(false);
    expect(await findMarked(m)).toEqual([]);
    const r = await pending;
    expect(r.canceled).toBe(true);
    expect(r.timedOut).toBe(false);
    expect(r.failed).toBe(true);
  });

  it('a group that ignores the hang-up is still killed by the deadline', async () => {
    const m = newRunMarker();
    const r = await withRunMarker(m, () => run('bash', ['-c', "trap '' HUP TERM; sleep 30 & wait; sleep 30"], { timeoutMs: 1500, stop: { ...HANG_UP, graceMs: 500 }, env }));
    expect(r.timedOut).toBe(true);
    expect(await findMarked(m)).toEqual([]);
  });

  it('a shell that finishes in time is not signalled: its output is whole', async () => {
    const r = await run('bash', ['-c', 'echo done'], { timeoutMs: 10_000, stop: HANG_UP, env });
    expect(r).toMatchObject({ exitCode: 0, stdout: 'done\n', timedOut: false, canceled: false, failed: false });
  });
});
