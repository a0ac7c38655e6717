// The editor's after-run phase. The CLI reads the memory and pids counters before its probes and
// again after them (afterRun.ts); in the editor gopls dies whenever it dies, so the counters are
// read when the session starts watching gopls and again when the crash watcher sees it vanish.
// A rise in between (memory.events / memory.oom_control oom_kill, pids.events max) and kernel
// records stamped after the first reading are this death's evidence; a count from before the
// first reading (a cumulative oom_kill) never is.
import type { Host } from '../host/host.js';
import type { KernelRecord } from '../procfs/kernelLog.js';
import { parseKernelOomKills } from '../procfs/oomKills.js';
import { ownKills, readCounters, readKernelRecordsSince, risesBetween, type CounterReading, type Readings } from './afterRun.js';

/** The parts of the crash verdict's input (goplsLog/crashVerdict.ts CrashInput) that counters give. */
export interface CrashCounterEvidence {
  oomKill?: { before: number; after: number; source: string };
  pidsMax?: { before: number; after: number; source: string; limit?: number };
  kernelLog?: { source: string; text: string };
}

/** The first reading: undefined where there are no cgroup counters to read (not Linux, no access). */
export async function readCrashBaseline(host: Host): Promise<Readings | undefined> {
  const r = await readCounters(host);
  return 'skip' in r ? undefined : r;
}

/**
 * What changed between the two readings, as the crash verdict takes it. Pure. The counter named
 * is the leaf-most one that rose (the cgroup whose limit bit), else the leaf-most one read, so the
 * verdict can say a kill was looked for and none counted.
 */
export function crashEvidenceBetween(before: Readings, after: Readings, kernel: readonly KernelRecord[], kernelSource: string): CrashCounterEvidence {
  // v2's memory.events is hierarchical: an ancestor's oom_kill also rises for a kill in a sibling
  // cgroup (another session's). Only our own (leaf) cgroup's counts a kill of our gopls.
  const leafDir = after.counters.find((c) => c.controller === 'memory')?.dir;
  const rises = risesBetween(before, after).filter((r) => r.key !== 'oom_kill' || r.reading.dir === leafDir);
  const pick = (controller: CounterReading['controller'], key: string) => {
    const rose = rises.find((r) => r.reading.controller === controller && r.key === key);
    if (rose) return { before: rose.before, after: rose.after, reading: rose.reading };
    for (const a of after.counters) {
      if (a.controller !== controller || a.values[key] === undefined) continue;
      const b = before.counters.find((x) => x.file === a.file)?.values[key];
      if (b !== undefined) return { before: b, after: a.values[key]!, reading: a };
    }
    return undefined;
  };
  const out: CrashCounterEvidence = {};
  const oom = pick('memory', 'oom_kill');
  if (oom) out.oomKill = { before: oom.before, after: oom.after, source: oom.reading.file };
  const pids = pick('pids', 'max');
  if (pids) out.pidsMax = { before: pids.before, after: pids.after, source: pids.reading.file, ...(pids.reading.limit !== undefined ? { limit: pids.reading.limit } : {}) };
  // Only the OOM records that can concern our cgroups (a sibling container's kill is not ours).
  const kills = ownKills(parseKernelOomKills(kernel.map((k) => k.line).join('\n')), after);
  if (kills.length) out.kernelLog = { source: kernelSource, text: kills.map((k) => k.line).join('\n') };
  return out;
}

/** The second reading and the kernel log since the first, within `timeoutMs`. Never throws. */
export async function readCrashEvidence(host: Host, env: NodeJS.ProcessEnv, before: Readings | undefined, timeoutMs: number): Promise<CrashCounterEvidence> {
  if (!before) return {};
  try {
    const after = await readCounters(host);
    if ('skip' in after) return {};
    const kernel = await readKernelRecordsSince(host, env, before.uptime, timeoutMs, AbortSignal.timeout(timeoutMs + 100));
    return crashEvidenceBetween(before, after, kernel.records, kernel.source);
  } catch {
    return {};
  }
}
