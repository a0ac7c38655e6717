// The errnos with which the kernel refuses to start a program for want of a resource. They say
// nothing about the program refused (reinstalling go or gopls does not help): the spawn is a
// symptom, and the limit that ran out (process-limits, cgroups, after-run) is its cause.
import type { SymptomKind } from '../doctor/model.js';

export interface SpawnRefusal {
  symptom: SymptomKind;
  /** What the errno means, for the finding's message. */
  says: string;
}

export function spawnRefusal(code: string | undefined): SpawnRefusal | undefined {
  switch (code) {
    case 'EMFILE':
      return { symptom: 'out-of-files', says: 'too many open files: the process starting it reached its open-files limit (RLIMIT_NOFILE, ulimit -n)' };
    case 'ENFILE':
      return { symptom: 'out-of-files', says: "too many open files in the system: the kernel's file table is full (fs.file-max)" };
    case 'EAGAIN':
      return { symptom: 'thread-create', says: 'resource temporarily unavailable: a task limit (pids.max, RLIMIT_NPROC, kernel.threads-max) refused a new process' };
    case 'ENOMEM':
      return { symptom: 'out-of-memory', says: 'cannot allocate memory for a new process' };
    default:
      return undefined;
  }
}
