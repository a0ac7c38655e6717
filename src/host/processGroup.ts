// Ending a child's process group: the signals, the grace between them, and the check that nothing
// of the group is left. exec.ts decides when; this file decides how.
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';

/**
 * A gentler end, for a command that runs the user's own scripts (a login shell and its rc files).
 * `graceMs` before the deadline (or at a cancel) the command is asked to stop with `signal`;
 * SIGKILL ends whatever is left at the deadline (graceMs after the cancel). The caller puts the
 * grace inside the command's timeout, so the deadline is still the last moment any of it runs.
 *
 * `leaderFirst`: only the command itself is asked first, its group halfway through the grace.
 * A login shell hung up stops starting rc lines at once, while the step it was in (`pyenv
 * rehash`) may finish by itself: interrupting a step has windows a trap cannot close (pyenv
 * creates its lock before it sets the trap that removes it). What is still running at half the
 * grace is asked too, and its traps get the other half.
 */
export interface StopPolicy {
  signal: 'SIGHUP' | 'SIGTERM';
  graceMs: number;
  leaderFirst: boolean;
}

/** Kills a detached child's whole process group; harmless if it is already gone. */
export function killProcessGroup(pid: number | undefined): void {
  signalGroup(pid, 'SIGKILL');
}

export function signalGroup(pid: number | undefined, signal: NodeJS.Signals | 0): boolean {
  if (!pid || pid <= 1) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is already gone
  }
}

/**
 * Sends the stop signal to the group (or to its leader alone). SIGHUP is followed by SIGCONT, as
 * the terminal driver does when it hangs up: a stopped process would otherwise never see the
 * hang-up, nor run its trap.
 */
export function askToStop(pid: number | undefined, signal: NodeJS.Signals, only = false): boolean {
  if (!pid || pid <= 1) return false;
  const target = only ? pid : -pid;
  try {
    process.kill(target, signal);
    if (signal === 'SIGHUP') process.kill(target, 'SIGCONT');
    return true;
  } catch {
    return false;
  }
}

/** Waits until no live member of the group is left, or until `until` (performance.now() time). */
async function groupGoneOr(pgid: number, until: number): Promise<void> {
  while (performance.now() < until && groupHasLiveMember(pgid)) await new Promise((r) => setTimeout(r, 20));
}

/**
 * The staged end of one group under a StopPolicy: `begin` at the deadline less the grace (or at a
 * cancel), `leaderExited` when the command ends by itself with its group perhaps not empty.
 * Whichever comes first starts the one grace; SIGKILL comes graceMs after it, never later.
 */
export class GroupStop {
  /** The group as a whole has been sent the stop signal. */
  groupAsked = false;
  private killAt: number | undefined;
  private readonly timers: ReturnType<typeof setTimeout>[] = [];

  constructor(
    private readonly pid: number | undefined,
    private readonly policy: StopPolicy,
  ) {}

  /** The grace starts now: the leader (or the group) is asked to stop; SIGKILL at its end. */
  begin(): void {
    this.startGrace(this.policy.leaderFirst);
  }

  /** The command ended by itself: what it left in its group is asked to stop, with the grace. */
  leaderExited(): void {
    this.startGrace(false);
  }

  /** The one grace, whichever began it; a second call finds the staged end already running its course. */
  private startGrace(leaderFirst: boolean): void {
    if (this.killAt !== undefined) return;
    const { signal, graceMs } = this.policy;
    this.killAt = performance.now() + graceMs;
    if (leaderFirst && askToStop(this.pid, signal, true)) this.timers.push(setTimeout(() => this.askGroup(), graceMs / 2));
    else this.askGroup();
    this.timers.push(setTimeout(() => killProcessGroup(this.pid), graceMs));
  }

  /** Resolves when nothing of the group is left: gone by itself, or killed at the grace's end. */
  async settled(): Promise<void> {
    if (!this.pid || !signalGroup(this.pid, 0) || !groupHasLiveMember(this.pid)) return this.done();
    if (this.killAt === undefined) this.leaderExited();
    await groupGoneOr(this.pid, this.killAt!);
    this.done();
  }

  private askGroup(): void {
    if (!this.groupAsked) this.groupAsked = askToStop(this.pid, this.policy.signal);
  }

  private done(): void {
    for (const t of this.timers) clearTimeout(t);
    killProcessGroup(this.pid);
  }
}

/** True while a process of group `pgid` is not a zombie: /proc/PID/stat's state and pgrp fields. */
export function groupHasLiveMember(pgid: number): boolean {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return signalGroup(pgid, 0); // no /proc: only the kernel's word that the group exists
  }
  const buf = Buffer.allocUnsafe(1024); // /proc/PID/stat is one short line (comm is at most 64 bytes)
  for (const n of names) {
    const c = n.charCodeAt(0);
    if (c < 0x30 || c > 0x39) continue;
    let stat: string;
    try {
      const fd = openSync(`/proc/${n}/stat`, 'r');
      try {
        stat = buf.toString('latin1', 0, readSync(fd, buf, 0, buf.length, 0));
      } finally {
        closeSync(fd);
      }
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) S ppid pgrp …": comm may hold spaces and parentheses, so read after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(f[2]) === pgid && f[0] !== 'Z' && f[0] !== 'X') return true;
  }
  return false;
}
