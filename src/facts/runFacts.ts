// Facts several probes share, each computed at most once per run and only if some probe asks.
// They run under the run's signal, not a probe's, so one probe's deadline cannot cancel a
// fact another probe is waiting for.
import type { Host } from '../host/host.js';
import { readGoEnv, type GoEnvFact } from './readGoEnv.js';
import { readLoginShellEnv, type LoginShellFact } from './readLoginShellEnv.js';
import { locateGopls, type GoplsLocation } from './goplsLocate.js';
import type { DoctorSettings } from '../doctor/settings.js';
import { scanProcesses, type ProcessTable } from '../procfs/procs.js';
import { lookPath } from './lookPath.js';

export interface Facts {
  goEnv(): Promise<GoEnvFact>;
  loginShellEnv(): Promise<LoginShellFact>;
  goplsLocation(): Promise<GoplsLocation>;
  /** Every process of the host, scanned once (inotify holders, gopls's cgroups, task counts). */
  processTable(): Promise<ProcessTable>;
  /**
   * A command on the run's PATH (the environment the Go tools get), looked up once per run: dmesg
   * is wanted three times (mac-policy, and after-run twice, once on the run's tail).
   */
  lookPath(name: string): Promise<string | undefined>;
}

function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
}

/** The facts of one run, from what its probes are given; timeoutMs caps each child process. */
export function createFacts(input: { host: Host; env: NodeJS.ProcessEnv; settings: DoctorSettings; signal: AbortSignal; timeoutMs: number }): Facts {
  const { host, env, settings, signal, timeoutMs } = input;
  const goEnv = once(() => readGoEnv(host, env, signal, timeoutMs));
  const loginShellEnv = once(() => readLoginShellEnv(host, env, signal, timeoutMs, { useCache: !settings.noCache }));
  const goplsLocation = once(() => locateGopls(env, settings, goEnv));
  const processTable = once(() => scanProcesses(host));
  const found = new Map<string, Promise<string | undefined>>();
  const onPath = (name: string) => {
    let p = found.get(name);
    if (!p) found.set(name, (p = lookPath(name, env)));
    return p;
  };
  return { goEnv, loginShellEnv, goplsLocation, processTable, lookPath: onPath };
}
