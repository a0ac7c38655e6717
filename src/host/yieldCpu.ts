// The doctor's own gopls (the probe's, the trace's) type-checks the whole workspace while every
// other probe runs: on a large module it takes both cores, and the verdict waits for probes that
// only read /proc and run go env. Its CPU priority is lowered (nice +10, inherited by the go list
// children it forks), so the probes finish first and gopls gets every idle cycle. Raising niceness
// needs no privilege, and it touches only processes the doctor started; the user's gopls is not one.
import os from 'node:os';

/** How far the doctor's server children sit below the doctor (nice; 19 is the lowest priority). */
const SERVER_NICE = 10;

/** Best effort: a gone child, or a host without priorities, leaves things as they were. */
export function yieldCpu(pid: number | undefined): void {
  if (!pid) return;
  try {
    os.setPriority(pid, Math.min(19, os.getPriority() + SERVER_NICE));
  } catch {
    // The child already exited, or priorities cannot be changed here.
  }
}
