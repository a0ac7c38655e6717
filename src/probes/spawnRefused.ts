// The errnos with which the kernel refuses to start a program for want of a resource. They say
// nothing about the program refused (reinstalling go or gopls does not help): the spawn is a
// symptom, and the limit that ran out (process-limits, cgroups, after-run) is its cause.
import type { Evidence, FindingInput, SymptomKind } from '../doctor/model.js';
import { isResourceErrno, type ResourceErrno } from '../host/refusedCommands.js';

export interface SpawnRefusal {
  symptom: SymptomKind;
  /** What the errno means, for the finding's message. */
  says: string;
}

const REFUSALS: Readonly<Record<ResourceErrno, SpawnRefusal>> = {
  EMFILE: { symptom: 'out-of-files', says: 'too many open files: the process starting it reached its open-files limit (RLIMIT_NOFILE, ulimit -n)' },
  ENFILE: { symptom: 'out-of-files', says: "too many open files in the system: the kernel's file table is full (fs.file-max)" },
  EAGAIN: { symptom: 'thread-create', says: 'resource temporarily unavailable: a task limit (pids.max, RLIMIT_NPROC, kernel.threads-max) refused a new process' },
  ENOMEM: { symptom: 'out-of-memory', says: 'cannot allocate memory for a new process' },
};

/** What a spawn refused with `code` means, or undefined when `code` is not a resource errno (host/refusedCommands.ts). */
export function spawnRefusal(code: string | undefined): SpawnRefusal | undefined {
  return isResourceErrno(code) ? REFUSALS[code] : undefined;
}

/**
 * The gopls-launch symptom of a program (go, gopls) the kernel would not start for want of a
 * resource, or undefined when `code` is not such an errno. No fix: the limit's cause carries it.
 */
export function spawnRefusedFinding(program: { path: string; name: string; consequence?: string }, code: string | undefined, evidence: Evidence[]): FindingInput | undefined {
  const refused = spawnRefusal(code);
  if (!code || !refused) return undefined;
  return {
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: refused.symptom,
    severity: 'error',
    confidence: 0.8,
    message: `${program.path} could not be started (${code})${program.consequence ?? ''}: ${refused.says}. Nothing is wrong with ${program.name} itself.`,
    evidence,
    fixes: [],
  };
}
