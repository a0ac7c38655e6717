// The doctor's own tasks, which are not in use when the user builds: in the CLI none of its tree
// stays; in the editor the extension host does, but the probes' children (marked with the run's
// marker in their environment) do not. process-limits (RLIMIT_NPROC) and cgroups (pids.current)
// leave them out of what they call "in use".
import type { Host } from '../host/host.js';
import { currentRunMarker } from '../host/runMarker.js';
import { environHasMarker } from '../procfs/sweepMarked.js';
import { ownTaskPids, type ProcessEntry } from '../procfs/procs.js';

export function ownTasks(host: Host, processes: readonly ProcessEntry[], hostIsEditor: boolean): { pids: Set<number>; threads: number } {
  if (!host.live) return { pids: new Set(), threads: 0 };
  const marker = currentRunMarker();
  const marked = (pid: number) => {
    if (marker === undefined) return false;
    const environ = host.readTextSync(`/proc/${pid}/environ`, 256 * 1024);
    return environ !== undefined && environHasMarker(environ, marker);
  };
  const pids = ownTaskPids(processes, host.pid, hostIsEditor, marked);
  return { pids, threads: processes.filter((p) => pids.has(p.pid)).reduce((n, p) => n + (p.threads ?? 1), 0) };
}
