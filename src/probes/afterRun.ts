// Evidence after the fact. The gopls probe starts a real gopls; if a memory or pids limit kills
// or starves it, the only trace is a counter the kernel raised (memory.events oom_kill, v1
// memory.oom_control oom_kill and memory.failcnt, pids.events max) and a kernel-log record (the
// OOM killer's "Killed process", the pids controller's "fork rejected"). Read at the same time
// as the gopls probe runs, those miss what the diagnosis itself provoked. So this probe reads the
// counters of this process's cgroups (leaf to the mount point) before any probe starts, and again
// after they have all ended; a rise in between, and kernel records stamped after the start, are
// evidence tied to what died during the run.
import path from 'node:path';
import type { ClassId, Evidence, Finding, FindingInput, SymptomKind } from '../doctor/model.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import type { Host } from '../host/host.js';
import { parseMountInfo } from '../procfs/mountinfo.js';
import { parseLoadAvg } from '../procfs/limits.js';
import { ancestorsWithin, cgroupMounts, parseCgroupLimit, parseFlatKeyed, parseProcCgroup, placeController } from '../procfs/cgroup.js';
import { procOf } from '../procfs/procs.js';
import { parseDmesg, parseForkRejected, parseUptime, recordsSince, type ForkRejected, type KernelRecord } from '../procfs/kernelLog.js';
import { parseKernelOomKills, type KernelOomKill } from '../procfs/oomKills.js';
import { lookPath } from '../facts/lookPath.js';
import { raiseLimitFixes } from '../fixes/catalog.js';
import { formatBytes } from '../host/bytes.js';

/** Which counters of which file, per controller and cgroup version. */
const COUNTERS: ReadonlyArray<{ controller: 'memory' | 'pids'; version: 1 | 2; file: string; keys: readonly string[] }> = [
  { controller: 'memory', version: 2, file: 'memory.events', keys: ['oom_kill', 'oom', 'max'] },
  { controller: 'memory', version: 1, file: 'memory.oom_control', keys: ['oom_kill'] },
  // A bare number; read as the key "failcnt".
  { controller: 'memory', version: 1, file: 'memory.failcnt', keys: ['failcnt'] },
  { controller: 'pids', version: 1, file: 'pids.events', keys: ['max'] },
  { controller: 'pids', version: 2, file: 'pids.events', keys: ['max'] },
];
const KERNEL_LOG_BYTES = 4 * 1024 * 1024;
/** dmesg stamps and /proc/uptime can differ by a scheduling tick; a second of slack is plenty. */
const SLACK_S = 1;

export interface CounterReading {
  controller: 'memory' | 'pids';
  /** The cgroup version of its hierarchy. */
  version?: 1 | 2;
  /** The cgroup directory. */
  dir: string;
  /** The cgroup's path in its hierarchy (/system.slice/…), for the fix that raises its limit. */
  cgPath: string;
  file: string;
  values: Record<string, number>;
  /** The limit at this level (memory.max / memory.limit_in_bytes / pids.max), if one is set. */
  limit?: number;
  limitFile?: string;
}

export interface Readings {
  /** /proc/uptime when read: the kernel log's clock. */
  uptime?: number;
  counters: CounterReading[];
  /**
   * This process's own pids cgroup, as a path in its hierarchy, also where no counter file could
   * be read there: the root cgroup has no pids.max or pids.events (v1 and v2), yet it is known to be
   * no other cgroup's.
   */
  pidsLeaf?: string;
  /**
   * The last pid the kernel handed out (/proc/loadavg's fifth field) and the pids alive then, when
   * they mean what the kernel log's pids mean (the initial pid namespace): which OOM victims could
   * not have died during the run.
   */
  lastPid?: number;
  livePids?: ReadonlySet<number>;
}

/**
 * Synchronous reads (host.ts): a dozen small procfs and cgroupfs files, read before any probe
 * starts, when the others have ended and after the follow-ups, when nothing else is waiting, and
 * one await each put 10-15 ms before gopls's start and on the run's tail.
 */
export async function readCounters(host: Host, opts: { livePids?: boolean } = {}): Promise<Readings | { skip: string }> {
  if (host.platform !== 'linux') return { skip: `cgroups and the kernel log exist only on Linux (platform ${host.platform})` };
  const mountinfo = host.readTextSync(procOf(host, 'self', 'mountinfo'));
  const cgroupText = host.readTextSync(procOf(host, 'self', 'cgroup'));
  if (mountinfo === undefined || cgroupText === undefined) return { skip: '/proc/self/mountinfo or /proc/self/cgroup is not readable' };
  const mounts = cgroupMounts(parseMountInfo(mountinfo));
  const memberships = parseProcCgroup(cgroupText);
  const uptime = parseUptime(host.readTextSync('/proc/uptime'));
  const counters: CounterReading[] = [];
  let pidsLeaf: string | undefined;
  for (const controller of ['memory', 'pids'] as const) {
    const placement = placeController(controller, memberships, mounts);
    if (!placement) continue;
    let leaf: string | undefined;
    for (const c of placement.candidates) if (host.existsSync(c)) (leaf ??= c);
    if (!leaf) continue;
    if (controller === 'pids') pidsLeaf = path.posix.join(placement.mount.root, leaf.slice(placement.mount.mountPoint.length) || '/');
    for (const dir of ancestorsWithin(leaf, placement.mount.mountPoint)) {
      const limitName = controller === 'pids' ? 'pids.max' : placement.version === 2 ? 'memory.max' : 'memory.limit_in_bytes';
      const limitText = host.readTextSync(path.posix.join(dir, limitName));
      const limit = parseCgroupLimit(limitText);
      for (const spec of COUNTERS) {
        if (spec.controller !== controller || spec.version !== placement.version) continue;
        const file = path.posix.join(dir, spec.file);
        const text = host.readTextSync(file);
        if (text === undefined) continue;
        const map = spec.keys[0] === 'failcnt' ? new Map([['failcnt', Number(text.trim())]]) : parseFlatKeyed(text);
        const values: Record<string, number> = {};
        for (const k of spec.keys) {
          const v = map.get(k);
          if (v !== undefined && Number.isFinite(v)) values[k] = v;
        }
        const cgPath = path.posix.join(placement.mount.root, dir.slice(placement.mount.mountPoint.length) || '/');
        counters.push({ controller, version: placement.version, dir, cgPath, file, values, ...(typeof limit === 'number' ? { limit, limitFile: path.posix.join(dir, limitName) } : {}) });
      }
    }
  }
  return { uptime, counters, ...(pidsLeaf ? { pidsLeaf } : {}), ...pidsNow(host, opts.livePids === true) };
}

/**
 * The last pid handed out, and, only where asked (the run's baseline: notBeforeTheRun reads no
 * other), the pids alive: a listing of /proc that the crash watcher's readings and the after
 * reading do not need.
 */
function pidsNow(host: Host, live: boolean): Pick<Readings, 'lastPid' | 'livePids'> {
  // In a pid namespace of its own (a container), /proc's pids are not the kernel log's.
  const nspid = /^NSpid:\s*(.*)$/m.exec(host.readTextSync(procOf(host, 'self', 'status')) ?? '')?.[1]?.trim().split(/\s+/);
  if (nspid && nspid.length > 1) return {};
  const lastPid = parseLoadAvg(host.readTextSync('/proc/loadavg') ?? '')?.lastPid;
  if (lastPid === undefined || !live) return lastPid === undefined ? {} : { lastPid };
  const names = host.listSync('/proc');
  return names ? { lastPid, livePids: new Set(names.filter((n) => /^\d+$/.test(n)).map(Number)) } : {};
}

/**
 * OOM victims that may have died during the run: started after it began (a pid above the last one
 * handed out then), or alive when it began. A victim with an older pid that was already gone had
 * died before the run, within the kernel log's second of slack: a tester's own `gopls check`, run
 * just before the doctor, was called killed "during this diagnosis". When the pid counter wrapped
 * during the run, or the pids could not be read, every record is kept. Pure.
 */
export function notBeforeTheRun(kills: readonly KernelOomKill[], before: Readings, after: Readings): KernelOomKill[] {
  const last = before.lastPid;
  if (last === undefined || !before.livePids || (after.lastPid !== undefined && after.lastPid < last)) return [...kills];
  return kills.filter((k) => k.pid === undefined || k.pid > last || before.livePids!.has(k.pid));
}

export interface CounterRise {
  reading: CounterReading;
  key: string;
  before: number;
  after: number;
}

/** Counters that rose between two readings of the same files. Pure. */
export function risesBetween(before: Readings, after: Readings): CounterRise[] {
  const out: CounterRise[] = [];
  for (const a of after.counters) {
    const b = before.counters.find((x) => x.file === a.file);
    if (!b) continue;
    for (const [key, v] of Object.entries(a.values)) {
      const old = b.values[key];
      if (old !== undefined && v > old) out.push({ reading: a, key, before: old, after: v });
    }
  }
  return out;
}

export interface AfterRunInput {
  before: Readings;
  after: Readings;
  /** Kernel records stamped during the run (after the baseline's uptime). */
  kernel: KernelRecord[];
  kernelSource: string;
  /** What the other probes found: a SIGKILLed gopls is what a rise is tied to. */
  earlier: ReadonlyArray<Pick<Finding, 'role' | 'symptom' | 'message' | 'probeId'> & Partial<Pick<Finding, 'classId' | 'severity' | 'evidence' | 'fixes'>>>;
}

/** Pure: what rose during the run → findings. */
export function afterRunFindings(i: AfterRunInput): FindingInput[] {
  const out: FindingInput[] = [];
  const rises = risesBetween(i.before, i.after);
  const riseEvidence = (r: CounterRise): Evidence => ({ source: r.reading.file, excerpt: `${r.key} ${r.before} → ${r.after} during this run` });
  // The cgroup's own version decides the limit file and its docs (a tester's v1 host was sent to v2's page).
  // Its limit file is written only where the limit is set at that level (else a parent's is).
  const at = (c: CounterReading) => (c.version ? { ...(c.limit !== undefined ? { dir: c.dir } : {}), version: c.version } : undefined);
  const limitEvidence = (r: CounterRise): Evidence[] => (r.reading.limitFile && r.reading.limit !== undefined ? [{ source: r.reading.limitFile, excerpt: String(r.reading.limit) }] : []);
  const killedDuring = i.earlier.filter((f) => f.role === 'symptom' && f.symptom === 'killed');
  const diedDuring = i.earlier.filter((f) => f.role === 'symptom' && (f.symptom === 'died' || f.symptom === 'hang'));
  const tiedTo = killedDuring[0] ?? diedDuring[0];

  // A kill of one of ours counts at our own (leaf) cgroup. v2's memory.events is hierarchical, so an
  // ancestor's count also rises for a kill in a sibling cgroup (another user's session, another
  // container): not ours, and no finding (observed.risen still lists it).
  const leafDir = i.after.counters.find((c) => c.controller === 'memory')?.dir;
  const oomRises = rises.filter((r) => r.reading.controller === 'memory' && r.key === 'oom_kill' && r.reading.dir === leafDir);
  const oomLines = notBeforeTheRun(ownKills(parseKernelOomKills(i.kernel.map((r) => r.line).join('\n')), i.after), i.before, i.after);
  if (oomRises.length || oomLines.length) {
    // The leaf-most level that rose names the cgroup; the smallest limit on the way says how big it was.
    const r = oomRises[0];
    const limit = Math.min(...i.after.counters.filter((c) => c.controller === 'memory' && c.limit !== undefined).map((c) => c.limit!));
    const where = r ? `the memory cgroup ${r.reading.dir}` : 'this machine';
    // The kernel writes two records per kill (oom-kill: and Killed process): name each victim once.
    const victims = [...new Set(oomLines.map((k) => `${k.comm}${k.pid ? ` (pid ${k.pid})` : ''}`))];
    const tie = tiedTo ? ` That is what ended ${tiedTo.probeId === 'gopls' ? "the doctor's own gopls" : 'gopls'}: ${firstSentence(tiedTo.message)}.` : '';
    out.push({
      classId: 'memory-limit',
      severity: 'error',
      confidence: tiedTo || victims.some((v) => /gopls|compile|\bgo\b/.test(v)) ? 0.97 : 0.85,
      message: `During this diagnosis the kernel's OOM killer killed ${r ? `${r.after - r.before} process${r.after - r.before === 1 ? '' : 'es'}` : 'a process'}${victims.length ? ` (${victims.slice(0, 3).join(', ')})` : ''} in ${where}${Number.isFinite(limit) ? `, limited to ${formatBytes(limit)}` : ''}.${tie} A Go program killed this way leaves no stack trace.`,
      evidence: [...(r ? [riseEvidence(r), ...limitEvidence(r)] : []), ...oomLines.slice(-3).map((k) => ({ source: i.kernelSource, excerpt: k.line }))],
      fixes: r ? raiseLimitFixes('memory', r.reading.cgPath, at(r.reading)) : [],
      explains: ['gopls-launch'],
    });
  } else {
    // Hitting the limit without a kill: reclaim kept up, this time.
    const hit = rises.find((r) => r.reading.controller === 'memory' && (r.key === 'failcnt' || r.key === 'max'));
    if (hit) {
      out.push({
        classId: 'memory-limit',
        severity: 'warning',
        confidence: 0.55,
        message: `During this diagnosis the memory cgroup ${hit.reading.dir} hit its limit${hit.reading.limit !== undefined ? ` of ${formatBytes(hit.reading.limit)}` : ''} ${hit.after - hit.before} time${hit.after - hit.before === 1 ? '' : 's'} (${hit.key}): the kernel reclaimed memory to stay under it, and a larger load ends in an OOM kill.`,
        evidence: [riseEvidence(hit), ...limitEvidence(hit)],
        fixes: raiseLimitFixes('memory', hit.reading.cgPath, at(hit.reading)),
      });
    }
  }

  out.push(...rlimitBitFindings(i.earlier), ...limitBitFindings(i.earlier));

  const pidRise = rises.find((r) => r.reading.controller === 'pids' && r.key === 'max');
  const rejected = ownRejections(parseForkRejected(i.kernel), i.after);
  if (pidRise || rejected.length) {
    const n = pidRise ? pidRise.after - pidRise.before : undefined;
    out.push({
      classId: 'process-limit',
      severity: 'error',
      confidence: 0.9,
      message: `During this diagnosis the pids limit${pidRise?.reading.limit !== undefined ? ` (pids.max ${pidRise.reading.limit} in ${pidRise.reading.dir})` : ''} refused ${n !== undefined ? `${n} fork${n === 1 ? '' : 's'} or thread creation${n === 1 ? '' : 's'}` : 'forks'}: go build, go test and gopls fail with "resource temporarily unavailable" or "failed to create new OS thread".`,
      evidence: [...(pidRise ? [riseEvidence(pidRise), ...limitEvidence(pidRise)] : []), ...rejected.slice(-3).map((x) => ({ source: i.kernelSource, excerpt: x.line }))],
      fixes: raiseLimitFixes('pids', pidRise?.reading.cgPath ?? rejected[0]!.cgroup, pidRise ? at(pidRise.reading) : undefined),
      explains: ['gopls-launch', 'module-resolution'],
    });
  }
  return out;
}

/** The process-limits probe's evidence line of a memory rlimit (/proc/self/limits). */
const RLIMIT_LINE = /^Max (address space|data size)\b/;

/**
 * A limit judged low before it bit (a warning), under which the doctor's own go or gopls then
 * failed in this run in the way that limit fails them: the limit bit; that is an error. Each row
 * names the limit by its /proc/self/limits line, the symptoms it produces, and whose failures count.
 */
interface BitingLimit {
  classId: 'memory-limit' | 'process-limit';
  line: RegExp;
  symptoms: readonly SymptomKind[];
  probes: readonly string[];
  /** Another limit could have refused the same thing: that one's row judges it. */
  unless?: (earlier: AfterRunInput['earlier']) => boolean;
  message: (line: Evidence, failed: string) => string;
  explains: ClassId[];
}

function bitFindings(earlier: AfterRunInput['earlier'], rows: readonly BitingLimit[]): FindingInput[] {
  const out: FindingInput[] = [];
  for (const b of rows) {
    if (b.unless?.(earlier)) continue;
    const limits = earlier.filter((f) => f.classId === b.classId && f.role !== 'symptom' && f.evidence?.some((e) => b.line.test(e.excerpt ?? '')));
    const failed = earlier.filter((f) => f.role === 'symptom' && f.symptom !== undefined && b.symptoms.includes(f.symptom) && f.probeId !== undefined && b.probes.includes(f.probeId));
    if (!limits.length || !failed.length || limits.some((f) => f.severity === 'error')) continue;
    const line = limits.flatMap((f) => f.evidence ?? []).find((e) => b.line.test(e.excerpt ?? ''))!;
    out.push({
      classId: b.classId,
      severity: 'error',
      confidence: 0.9,
      message: b.message(line, firstSentence(failed[0]!.message)),
      evidence: [line, ...failed.slice(0, 2).flatMap((f) => (f.evidence ?? []).slice(0, 1))],
      fixes: limits[0]!.fixes ?? [],
      explains: b.explains,
    });
  }
  return out;
}

/**
 * A memory rlimit judged below gopls's need for these workspaces, under which the doctor's own
 * gopls then died of it: its stderr said it ran out of memory or could not create a thread.
 */
const MEMORY_RLIMIT_ROWS: readonly BitingLimit[] = [
  {
    classId: 'memory-limit',
    line: RLIMIT_LINE,
    symptoms: ['out-of-memory', 'thread-create'],
    probes: ['gopls'],
    message: (line, failed) =>
      `During this diagnosis the doctor's own gopls died under ${/address space/.test(line.excerpt) ? 'RLIMIT_AS (ulimit -v)' : 'RLIMIT_DATA (ulimit -d)'} as it loaded the workspaces: ${failed}. The limit was below what gopls needs here, and it bit.`,
    explains: ['gopls-launch'],
  },
];

/**
 * RLIMIT_NOFILE with EMFILE at the spawn of go or gopls (`out-of-files`); RLIMIT_NPROC with EAGAIN
 * (`thread-create`), unless a memory rlimit could have refused the thread's stack too.
 */
const TASK_AND_FILE_ROWS: readonly BitingLimit[] = [
  {
    classId: 'process-limit',
    line: /^Max open files\b/,
    symptoms: ['out-of-files'],
    probes: ['gopls', 'go-env'],
    message: (_line, failed) => `During this diagnosis the open-files limit (RLIMIT_NOFILE) bit: ${failed}.`,
    explains: ['gopls-launch', 'module-resolution'],
  },
  {
    classId: 'process-limit',
    line: /^Max processes\b/,
    symptoms: ['thread-create'],
    probes: ['gopls', 'go-env'],
    unless: (earlier) => earlier.some((f) => f.classId === 'memory-limit' && f.evidence?.some((e) => RLIMIT_LINE.test(e.excerpt ?? ''))),
    message: (_line, failed) => `During this diagnosis the task limit of this user (RLIMIT_NPROC) bit: ${failed}.`,
    explains: ['gopls-launch', 'module-resolution'],
  },
];

/** A memory rlimit that bit the doctor's gopls. Pure. */
export function rlimitBitFindings(earlier: AfterRunInput['earlier']): FindingInput[] {
  return bitFindings(earlier, MEMORY_RLIMIT_ROWS);
}

/** RLIMIT_NOFILE or RLIMIT_NPROC that bit the doctor's go or gopls. Pure. */
export function limitBitFindings(earlier: AfterRunInput['earlier']): FindingInput[] {
  return bitFindings(earlier, TASK_AND_FILE_ROWS);
}

/**
 * The kernel's OOM kills that can concern this run. dmesg's clock drifts from /proc/uptime on
 * VMs, so "stamped after the start" also lets in a kill of a moment before, elsewhere: a kill whose
 * `oom-kill:` record names a memory cgroup that is neither one of ours nor above one of ours (a
 * sibling container's limit) is dropped, with the "Killed process" record of the same pid. A
 * global OOM (oom_memcg=/) concerns everyone and stays.
 */
export function ownKills(kills: readonly KernelOomKill[], after: Readings): KernelOomKill[] {
  const ours = after.counters.filter((c) => c.controller === 'memory').map((c) => c.cgPath);
  // Counters unreadable: nothing to tell ours from others' by, so every record is kept.
  if (!ours.length) return [...kills];
  // The victim's own cgroup (task_memcg, "Task in"), where printed, says whose it was: a process in
  // another cgroup killed under a limit above both (a shared slice's) is not one of ours.
  const leaf = ours[0]!;
  const foreign = new Set(kills.filter((k) => (k.taskMemcg !== undefined ? !atOrBelow(k.taskMemcg, leaf) : k.memcg !== undefined && !atOrAbove(k.memcg, ours))).map((k) => k.pid));
  return kills.filter((k) => !foreign.has(k.pid));
}

/** Is cgroup `cg` ours or below ours (a process there is one of ours)? */
function atOrBelow(cg: string, leaf: string): boolean {
  return leaf === '/' || cg === leaf || cg.startsWith(`${leaf}/`);
}

/**
 * The pids controller's refusals in this process's pids cgroup or one above it (the limit that
 * refused may be an ancestor's): another cgroup's ("fork rejected by pids controller in /other")
 * is not this run's (a tester's healthy project got an error for one). Our cgroups are those whose
 * counters were read, else the leaf alone (in the root cgroup no counter file exists, and a unit
 * run beside the fault scenarios took a scenario's "fork rejected by pids controller in
 * /ged-fault-pids-…", stamped during the run, for its own). As ownKills, all are kept when our
 * cgroup is not known at all.
 */
export function ownRejections(rejected: readonly ForkRejected[], after: Readings): ForkRejected[] {
  const read = after.counters.filter((c) => c.controller === 'pids').map((c) => c.cgPath);
  const ours = read.length ? read : after.pidsLeaf ? [after.pidsLeaf] : [];
  if (!ours.length) return [...rejected];
  return rejected.filter((x) => atOrAbove(x.cgroup, ours));
}

/** Is cgroup `cg` one of ours or above one of ours (its limit then applies to us)? */
function atOrAbove(cg: string, ours: readonly string[]): boolean {
  return cg === '/' || ours.some((p) => p === cg || p.startsWith(cg.endsWith('/') ? cg : `${cg}/`));
}

function firstSentence(s: string): string {
  return s.split(/(?<=[.:;])\s/)[0]!.replace(/[.:;]$/, '');
}

/** The kernel log's records stamped after `since` (the baseline's uptime), through dmesg. */
export async function readKernelRecordsSince(
  host: Host,
  env: NodeJS.ProcessEnv,
  since: number | undefined,
  timeoutMs: number,
  signal: AbortSignal,
  locate: (name: string) => Promise<string | undefined> = (name) => lookPath(name, env),
): Promise<{ records: KernelRecord[]; source: string; note?: string }> {
  if (since === undefined) return { records: [], source: 'dmesg', note: '/proc/uptime was not readable at the start' };
  const dmesg = await locate('dmesg');
  if (!dmesg) return { records: [], source: 'dmesg', note: 'dmesg is not on PATH' };
  const r = await host.exec(dmesg, [], { timeoutMs, signal, env, maxBuffer: KERNEL_LOG_BYTES });
  if (r.failed) return { records: [], source: r.commandLine, note: `${r.commandLine}: ${r.errorCode ?? r.stderr.trim().split('\n')[0] ?? 'failed'}` };
  return { records: recordsSince(parseDmesg(r.stdout), since - SLACK_S), source: r.commandLine };
}

function readKernelLog(ctx: ProbeContext, since: number | undefined): Promise<{ records: KernelRecord[]; source: string; note?: string }> {
  return readKernelRecordsSince(ctx.host, ctx.env, since, Math.max(100, Math.min(1000, ctx.remainingMs() - 50)), ctx.signal, ctx.facts.lookPath);
}

export const afterRunProbe: Probe = {
  id: 'after-run',
  title: 'Counters and kernel log read again after the active probes',
  classes: ['memory-limit', 'process-limit'],
  phase: 'after',
  timeoutMs: 1500,
  async baseline(ctx) {
    return readCounters(ctx.host, { livePids: true });
  },
  async run(ctx): Promise<ProbeOutcome> {
    const before = ctx.baseline as Readings | { skip: string } | undefined;
    if (!before) return skipped('the counters could not be read when the run started');
    if ('skip' in before) return skipped(before.skip);
    const after = await readCounters(ctx.host);
    if ('skip' in after) return skipped(after.skip);
    const kernel = await readKernelLog(ctx, before.uptime);
    const findings = afterRunFindings({ before, after, kernel: kernel.records, kernelSource: kernel.source, earlier: ctx.earlier ?? [] });
    return {
      findings,
      observed: {
        counters: after.counters.map((a) => ({ file: a.file, before: before.counters.find((b) => b.file === a.file)?.values, after: a.values, limit: a.limit })),
        risen: risesBetween(before, after).map((r) => `${r.reading.file} ${r.key} ${r.before} → ${r.after}`),
        kernelLog: kernel.note ?? `${kernel.records.length} records since the run started (${kernel.source})`,
        secondsBetween: before.uptime !== undefined && after.uptime !== undefined ? Math.round((after.uptime - before.uptime) * 100) / 100 : undefined,
      },
    };
  },
};
