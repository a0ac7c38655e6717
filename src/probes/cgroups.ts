// Memory and pids limits of the cgroups that the editor (this process) and the gopls of the
// diagnosed session run in (sessionGopls.ts says which gopls that is): v1, v2 and hybrid
// hierarchies, with the effective limit being the smallest on the way from the cgroup up to its
// mount point (a container's limit often sits on an ancestor). Another gopls's limit is only noted.
import path from 'node:path';
import { realpath } from 'node:fs/promises';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import type { Host } from '../host/host.js';
import { parseMountInfo } from '../procfs/mountinfo.js';
import {
  ancestorsWithin,
  cgroupMounts,
  excerptKeys,
  parseCgroupLimit,
  parseCgroupNumber,
  parseFlatKeyed,
  parseProcCgroup,
  placeController,
  type CgroupMembership,
  type CgroupMount,
  type ControllerPlacement,
} from '../procfs/cgroup.js';
import { parseMemInfo } from '../procfs/meminfo.js';
import { mapLimit, procOf, scanProcesses, type ProcessEntry } from '../procfs/procs.js';
import { ownTasks } from './ownTasks.js';
import { forEachSliced } from '../host/timeSlice.js';
import { goplsMemoryNeeds, taskNeeds, type MemoryNeeds, type TaskNeeds } from './goNeeds.js';
import { parseCpuList } from '../procfs/cpuList.js';
import { RESTART_GOPLS } from '../fixes/catalog.js';
import { formatBytes } from '../host/bytes.js';
import { raiseLimitFixes } from '../fixes/catalog.js';
import { firstAndMore } from '../doctor/listing.js';
import { describeOomVictim, isGoTool, oomVictims, parseKernelOomKills, type KernelOomKill, type OomVictim } from '../procfs/oomKills.js';
import { readKernelRecordsSince } from './afterRun.js';
import { descendantsOf, goplsMembership, readGoplsProcesses, type Membership } from './sessionGopls.js';
import { userNameOf } from './limitSources.js';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
/** Below this, a mid-sized module already pushes gopls against the limit. */
const SMALL_MEMORY_LIMIT = 1 * GiB;
const LOW_MEM_AVAILABLE = 512 * MiB;
const MEMORY_WARN_RATIO = 0.9;
const MEMORY_ERROR_RATIO = 0.97;
const PIDS_WARN_RATIO = 0.8;
const PIDS_ERROR_RATIO = 0.9;
/** Reading every user process's exe link is cheap, but not without end. */
const MAX_EXE_LOOKUPS = 2000;

function pct(r: number): string {
  return `${Math.round(r * 100)}%`;
}

export interface Subject {
  pid: number;
  name: string;
  /** 'other': a gopls outside the diagnosed session (another user's, another workspace's). */
  role: 'editor' | 'gopls' | 'other';
  /** For 'other': whose it is and where it works, as the report names it. */
  about?: string;
}

/** The session's subjects by name; another gopls sharing their cgroup is not what the finding is about. */
function describe(subjects: readonly Subject[]): string {
  const parts = subjects.filter((s) => s.role !== 'other').map((s) => (s.role === 'editor' ? `this editor/doctor process (pid ${s.pid})` : `gopls (pid ${s.pid})`));
  return firstAndMore(parts);
}

// ---------- reading ----------

export interface FileRead {
  file: string;
  text?: string;
}

async function readFile(host: Host, dir: string, name: string): Promise<FileRead> {
  const file = path.posix.join(dir, name);
  return { file, text: await host.readText(file, 64 * 1024) };
}

interface MemoryLevel {
  dir: string;
  limit?: number | 'max';
  limitRead: FileRead;
  usage?: number;
  usageRead: FileRead;
  /** Reclaimable page cache, subtracted from usage the way kubelet computes a working set. */
  inactiveFile?: number;
  high?: number | 'max';
  highRead?: FileRead;
  eventsRead?: FileRead;
  events?: Map<string, number>;
  failcnt?: number;
  failcntRead?: FileRead;
  oomControlRead?: FileRead;
  oomControl?: Map<string, number>;
}

async function readMemoryLevel(host: Host, version: 1 | 2, dir: string): Promise<MemoryLevel> {
  if (version === 1) {
    const [limitRead, usageRead, failcntRead, oomControlRead, stat] = await Promise.all([
      readFile(host, dir, 'memory.limit_in_bytes'),
      readFile(host, dir, 'memory.usage_in_bytes'),
      readFile(host, dir, 'memory.failcnt'),
      readFile(host, dir, 'memory.oom_control'),
      readFile(host, dir, 'memory.stat'),
    ]);
    const statMap = parseFlatKeyed(stat.text);
    return {
      dir,
      limit: parseCgroupLimit(limitRead.text),
      limitRead,
      usage: parseCgroupNumber(usageRead.text),
      usageRead,
      // usage_in_bytes is hierarchical in v1, so is total_inactive_file.
      inactiveFile: statMap.get('total_inactive_file') ?? statMap.get('inactive_file'),
      failcnt: parseCgroupNumber(failcntRead.text),
      failcntRead,
      oomControlRead,
      oomControl: oomControlRead.text === undefined ? undefined : parseFlatKeyed(oomControlRead.text),
    };
  }
  const [limitRead, usageRead, highRead, eventsRead, stat] = await Promise.all([
    readFile(host, dir, 'memory.max'),
    readFile(host, dir, 'memory.current'),
    readFile(host, dir, 'memory.high'),
    readFile(host, dir, 'memory.events'),
    readFile(host, dir, 'memory.stat'),
  ]);
  return {
    dir,
    limit: parseCgroupLimit(limitRead.text),
    limitRead,
    usage: parseCgroupNumber(usageRead.text),
    usageRead,
    inactiveFile: parseFlatKeyed(stat.text).get('inactive_file'),
    high: parseCgroupLimit(highRead.text),
    highRead,
    eventsRead,
    events: eventsRead.text === undefined ? undefined : parseFlatKeyed(eventsRead.text),
  };
}

export interface PidsLevel {
  dir: string;
  max?: number | 'max';
  maxRead: FileRead;
  current?: number;
  /** Tasks of the doctor's own left out of `current` (its run's, not the user's). */
  ownExcluded?: number;
  currentRead: FileRead;
  eventsRead: FileRead;
  eventsMax?: number;
}

async function readPidsLevel(host: Host, dir: string): Promise<PidsLevel> {
  const [maxRead, currentRead, eventsRead] = await Promise.all([readFile(host, dir, 'pids.max'), readFile(host, dir, 'pids.current'), readFile(host, dir, 'pids.events')]);
  return {
    dir,
    max: parseCgroupLimit(maxRead.text),
    maxRead,
    current: parseCgroupNumber(currentRead.text),
    currentRead,
    eventsRead,
    eventsMax: eventsRead.text === undefined ? undefined : parseFlatKeyed(eventsRead.text).get('max'),
  };
}

/** Picks the first candidate directory that exists and, on v2, actually has the controller's files. */
async function resolveDir(host: Host, placement: ControllerPlacement, probeFile: string): Promise<string | undefined> {
  for (const dir of placement.candidates) {
    if (!(await host.exists(dir))) continue;
    if (placement.version === 1) return dir;
    // On v2 a cgroup without the controller has no probeFile; the root cgroup never has limit
    // files, so accept it when the hierarchy lists the controller at all.
    if (await host.exists(path.posix.join(dir, probeFile))) return dir;
    const controllers = await host.readText(path.posix.join(placement.mount.mountPoint, 'cgroup.controllers'));
    if (controllers?.split(/\s+/).includes(placement.controller)) return dir;
  }
  return undefined;
}

// ---------- evaluating ----------

interface CgroupView<L> {
  version: 1 | 2;
  placement: ControllerPlacement;
  /** Leaf first, the mount point last. */
  levels: L[];
}

function cgroupPathOf(dir: string, mount: CgroupMount['mount']): string {
  const rel = dir === mount.mountPoint ? '' : dir.slice(mount.mountPoint.length);
  return path.posix.join(mount.root, rel || '/');
}

function readEvidence(r: FileRead | undefined, excerpt?: string): Evidence[] {
  if (!r || r.text === undefined) return [];
  return [{ source: r.file, excerpt: (excerpt ?? r.text).trim() }];
}

export interface MemoryVerdict {
  effectiveLimit?: { bytes: number; level: MemoryLevel };
  tightest?: { ratio: number; workingSet: number; level: MemoryLevel & { limit: number } };
  oomKill?: { count: number; read: FileRead; key: string };
  underOom?: boolean;
  failcnt?: number;
}

export function judgeMemory(view: CgroupView<MemoryLevel>): MemoryVerdict {
  const leaf = view.levels[0];
  const v: MemoryVerdict = {};
  for (const level of view.levels) {
    if (typeof level.limit !== 'number') continue;
    if (!v.effectiveLimit || level.limit < v.effectiveLimit.bytes) v.effectiveLimit = { bytes: level.limit, level };
    if (level.usage !== undefined && level.limit > 0) {
      const workingSet = Math.max(0, level.usage - (level.inactiveFile ?? 0));
      const ratio = workingSet / level.limit;
      if (!v.tightest || ratio > v.tightest.ratio) v.tightest = { ratio, workingSet, level: level as MemoryLevel & { limit: number } };
    }
  }
  if (leaf) {
    // The leaf's counter is the one charged when a process of this cgroup is the victim (v2
    // memory.events is hierarchical; v1 memory.oom_control counts per cgroup).
    const kills = view.version === 2 ? leaf.events?.get('oom_kill') : leaf.oomControl?.get('oom_kill');
    const read = view.version === 2 ? leaf.eventsRead : leaf.oomControlRead;
    if (kills !== undefined && read) v.oomKill = { count: kills, read, key: 'oom_kill' };
    if (view.version === 1) {
      v.underOom = leaf.oomControl?.get('under_oom') === 1;
      v.failcnt = leaf.failcnt;
    }
  }
  return v;
}

/** The kernel log's OOM records, read only where a cgroup counts kills (readPastKills). */
export interface PastKills {
  kills: readonly KernelOomKill[];
  source: string;
}

export interface PastOomKillInput {
  count: number;
  /** Whose cgroup: "this editor/doctor process (pid 1)". */
  who: string;
  hasGopls: boolean;
  /** The cgroup's path in its hierarchy, as the kernel log names it (/user.slice/…). */
  cgroup: string;
  limitBytes?: number;
  kernel?: PastKills;
  evidence: Evidence[];
  fixes: Fix[];
}

/** A kill at this limit differs from it by less than a page (the kernel prints KiB of a page-rounded limit). */
const SAME_LIMIT_BYTES = 4096;

/**
 * The cgroup's OOM kills since it was made, with whom the kernel log says they were. A tester's
 * cold gopls was OOM-killed in this very cgroup before the run (dmesg: oom_memcg=/explore-ex,
 * task=gopls), and the report said only "killed 1 process … the count does not say when", a
 * warning. When the log names gopls or a go command killed in this cgroup under the limit it has
 * now, the limit has already done to the Go tools what the user sees: an error. Another victim, or
 * a kill under another limit (raised since), leaves it a warning that says so. Pure.
 */
export function pastOomKillFinding(i: PastOomKillInput): FindingInput {
  const limit = i.limitBytes !== undefined ? ` (limit ${formatBytes(i.limitBytes)})` : '';
  const counted = `The kernel OOM killer has killed ${i.count} process${i.count === 1 ? '' : 'es'} in the memory cgroup of ${i.who}${limit} since the cgroup was created`;
  // The victim's own cgroup (task_memcg, "Task in"); a record without it, by the cgroup whose limit was hit.
  const here = oomVictims(i.kernel?.kills ?? []).filter((v) => (v.taskMemcg ?? v.memcg) === i.cgroup);
  if (!here.length) {
    return {
      classId: 'memory-limit',
      severity: 'warning',
      confidence: i.hasGopls ? 0.6 : 0.5,
      pastEvents: true,
      message: `${counted} (the count does not say when): the limit is tight for what runs in it, and a gopls killed by it leaves no stack trace.`,
      evidence: i.evidence,
      fixes: i.fixes,
      explains: ['gopls-launch'],
    };
  }
  const underThis = (v: OomVictim) => v.limitKb === undefined || i.limitBytes === undefined || Math.abs(v.limitKb * 1024 - i.limitBytes) <= SAME_LIMIT_BYTES;
  const goKilled = here.filter((v) => isGoTool(v.comm) && underThis(v));
  const other = here.find((v) => !underThis(v));
  // describeOomVictim says the limit of then; this says it is not the limit of now.
  const then = other ? `, killed under a limit other than today's` : '';
  const named = `the kernel log names ${firstAndMore(here.map(describeOomVictim))}${goKilled.length ? '' : then}`;
  const first = goKilled.find((v) => v.comm === 'gopls') ?? goKilled[0];
  const tools = first?.comm === 'gopls' ? 'gopls' : first?.comm === 'go' ? 'the go command' : `the go command's ${first?.comm ?? ''}`;
  return {
    classId: 'memory-limit',
    severity: goKilled.length ? 'error' : 'warning',
    confidence: goKilled.length ? 0.85 : i.hasGopls ? 0.65 : 0.55,
    pastEvents: true,
    message: goKilled.length
      ? `${counted}, and ${named}: this limit has already killed ${tools} here, without a stack trace, and does it again on the same load.`
      : `${counted}, and ${named}: the limit is tight for what runs in it, and a gopls killed by it leaves no stack trace.`,
    evidence: [...i.evidence, ...here.flatMap((v) => v.lines.slice(-2)).slice(-4).map((line) => ({ source: i.kernel!.source, excerpt: line }))],
    fixes: i.fixes,
    explains: ['gopls-launch'],
  };
}

function memoryFindings(view: CgroupView<MemoryLevel>, subjects: Subject[], membershipLine: Evidence, memAvailable: Evidence | undefined, memAvailableBytes: number | undefined, need?: MemoryNeeds, kernel?: PastKills): FindingInput[] {
  const who = describe(subjects);
  const hasGopls = subjects.some((s) => s.role === 'gopls');
  const v = judgeMemory(view);
  const leaf = view.levels[0]!;
  const out: FindingInput[] = [];
  const limitDir = v.effectiveLimit ? v.effectiveLimit.level.dir : leaf.dir;
  const raise = raiseLimitFixes('memory', cgroupPathOf(limitDir, view.placement.mount), { dir: limitDir, version: view.version });
  const limitEvidence = v.effectiveLimit ? readEvidence(v.effectiveLimit.level.limitRead) : [];
  const failEvidence = view.version === 1 && (v.failcnt ?? 0) > 0 ? readEvidence(leaf.failcntRead) : [];

  // The counter is cumulative: kills from any time since the cgroup was made. It shows the limit
  // is tight for what runs there, not that it killed anything now; a rise during the run (the
  // after-run probe, the editor's crash watcher) is what ties a kill to a gopls that died. The
  // kernel log, where readable, says whom it killed (pastOomKillFinding).
  if (v.oomKill && v.oomKill.count > 0) {
    out.push(
      pastOomKillFinding({
        count: v.oomKill.count,
        who,
        hasGopls,
        cgroup: cgroupPathOf(leaf.dir, view.placement.mount),
        limitBytes: v.effectiveLimit?.bytes,
        kernel,
        evidence: [...readEvidence(v.oomKill.read, excerptKeys(v.oomKill.read.text, ['oom', 'oom_kill', 'under_oom', 'max'])), ...limitEvidence, ...failEvidence, membershipLine],
        fixes: [...raise, RESTART_GOPLS],
      }),
    );
  }
  if (v.underOom) {
    out.push({
      classId: 'memory-limit',
      severity: 'error',
      confidence: 0.85,
      message: `The memory cgroup of ${who} is under OOM right now (under_oom 1): its processes are stalled until memory is freed.`,
      evidence: [...readEvidence(leaf.oomControlRead), ...limitEvidence, membershipLine],
      fixes: raise,
      explains: ['gopls-launch'],
    });
  }
  // Judged against what gopls will need for these workspaces when that could be estimated.
  if (v.effectiveLimit && need && v.effectiveLimit.bytes < need.cold) {
    const below = v.effectiveLimit.bytes < need.warm;
    out.push({
      classId: 'memory-limit',
      severity: below ? 'error' : 'warning',
      confidence: below ? 0.75 : 0.6,
      message: below
        ? `The memory limit of ${who} is ${formatBytes(v.effectiveLimit.bytes)}, below the ~${formatBytes(need.warm)} gopls needs for these workspaces even with a warm cache: it will be OOM-killed as soon as it loads them.`
        : `The memory limit of ${who} is ${formatBytes(v.effectiveLimit.bytes)}, below the ~${formatBytes(need.cold)} gopls needs to load these workspaces with a cold cache (a first open, a cleared cache, a new Go): that load ends in an OOM kill.`,
      evidence: [...limitEvidence, { source: 'estimate', excerpt: need.method }, ...failEvidence, membershipLine],
      fixes: raise,
    });
  } else if (v.effectiveLimit && !need && v.effectiveLimit.bytes < SMALL_MEMORY_LIMIT) {
    out.push({
      classId: 'memory-limit',
      severity: 'warning',
      confidence: 0.6,
      message: `The memory limit of ${who} is ${formatBytes(v.effectiveLimit.bytes)} (${v.effectiveLimit.level.limitRead.file}); gopls alone needs about 1 GiB or more on a mid-sized module.`,
      evidence: [...limitEvidence, ...failEvidence, membershipLine],
      fixes: raise,
    });
  }
  if (v.tightest && v.tightest.ratio >= MEMORY_WARN_RATIO) {
    const t = v.tightest;
    const error = t.ratio >= MEMORY_ERROR_RATIO;
    out.push({
      classId: 'memory-limit',
      severity: error ? 'error' : 'warning',
      confidence: error ? 0.75 : 0.55,
      message: `The memory cgroup of ${who} uses ${formatBytes(t.workingSet)} of its ${formatBytes(t.level.limit)} limit (${pct(t.ratio)}, not counting reclaimable file cache): the next allocation spike ends in reclaim stalls or an OOM kill.`,
      evidence: [...readEvidence(t.level.usageRead), ...readEvidence(t.level.limitRead), ...failEvidence, membershipLine],
      fixes: raise,
    });
  }
  if (view.version === 2) {
    const highLevel = view.levels.find((l) => typeof l.high === 'number' && l.usage !== undefined && l.usage >= (l.high as number) * 0.95);
    if (highLevel && typeof highLevel.high === 'number') {
      const throttled = leaf.events?.get('high') ?? 0;
      out.push({
        classId: 'memory-limit',
        severity: 'warning',
        confidence: 0.55,
        message: `The memory cgroup of ${who} is at its memory.high of ${formatBytes(highLevel.high)} (using ${formatBytes(highLevel.usage ?? 0)}): the kernel throttles it with reclaim, so gopls and builds crawl${throttled ? ` (memory.events high ${throttled})` : ''}.`,
        evidence: [...readEvidence(highLevel.highRead), ...readEvidence(highLevel.usageRead), ...readEvidence(leaf.eventsRead, excerptKeys(leaf.eventsRead?.text, ['high', 'max', 'oom_kill'])), membershipLine],
        fixes: raise,
      });
    }
  }
  if (!v.effectiveLimit && memAvailableBytes !== undefined && memAvailableBytes < LOW_MEM_AVAILABLE && memAvailable) {
    out.push({
      classId: 'memory-limit',
      severity: 'warning',
      confidence: 0.4,
      message: `No cgroup limits ${who}, but the machine has only ${formatBytes(memAvailableBytes)} available: gopls competes with everything else for memory.`,
      evidence: [memAvailable, ...readEvidence(leaf.limitRead)],
      fixes: [],
    });
  }
  return out;
}

export interface PidsVerdict {
  effectiveMax?: { max: number; level: PidsLevel };
  tightest?: { ratio: number; level: PidsLevel & { max: number; current: number } };
  refused?: { count: number; level: PidsLevel };
}

export function judgePids(levels: readonly PidsLevel[]): PidsVerdict {
  const v: PidsVerdict = {};
  for (const level of levels) {
    if (typeof level.max !== 'number') continue;
    if (!v.effectiveMax || level.max < v.effectiveMax.max) v.effectiveMax = { max: level.max, level };
    if (level.current !== undefined) {
      const ratio = level.max === 0 ? 1 : level.current / level.max;
      if (!v.tightest || ratio > v.tightest.ratio) v.tightest = { ratio, level: level as PidsLevel & { max: number; current: number } };
    }
  }
  for (const level of levels) {
    if ((level.eventsMax ?? 0) > (v.refused?.count ?? 0)) v.refused = { count: level.eventsMax!, level };
  }
  return v;
}

/** Pure: the fewest tasks any limited level still has free (max − current), when one is readable. */
export function roomNow(levels: readonly PidsLevel[]): number | undefined {
  const free = levels.filter((l) => typeof l.max === 'number' && l.current !== undefined).map((l) => (l.max as number) - l.current!);
  return free.length ? Math.min(...free) : undefined;
}

function pidsFindings(view: CgroupView<PidsLevel>, subjects: Subject[], membershipLine: Evidence, need?: TaskNeeds): FindingInput[] {
  const who = describe(subjects);
  const v = judgePids(view.levels);
  const out: FindingInput[] = [];
  const at = v.tightest?.level ?? v.effectiveMax?.level ?? view.levels[0]!;
  const fixes = raiseLimitFixes('pids', cgroupPathOf(at.dir, view.placement.mount), { dir: at.dir, version: view.version, ...(typeof at.max === 'number' ? { current: at.max } : {}) });
  const refusedEvidence = v.refused ? readEvidence(v.refused.level.eventsRead) : [];
  const room = roomNow(view.levels);
  if (v.tightest && v.tightest.ratio >= PIDS_WARN_RATIO) {
    const t = v.tightest;
    const error = t.ratio >= PIDS_ERROR_RATIO || (v.refused?.count ?? 0) > 0;
    out.push({
      classId: 'process-limit',
      severity: error ? 'error' : 'warning',
      confidence: error ? 0.8 : 0.55,
      message: `The pids cgroup of ${who} holds ${t.level.current} of its ${t.level.max} tasks (${pct(t.ratio)}${t.level.ownExcluded ? `, besides the doctor's own ${t.level.ownExcluded}` : ''})${v.refused ? `, and pids.events counts ${v.refused.count} refused fork${v.refused.count === 1 ? '' : 's'} since the cgroup was made (the doctor's own included when it runs in it)` : ''}: go build and go test fail with "resource temporarily unavailable" or "failed to create new OS thread".`,
      evidence: [...readEvidence(t.level.currentRead), ...readEvidence(t.level.maxRead), ...refusedEvidence, membershipLine],
      fixes,
      // A gopls that cannot fork go fails to load its views or dies: those are this limit's symptoms.
      explains: error ? ['gopls-launch', 'module-resolution'] : undefined,
    });
  } else if (v.refused && v.refused.count > 0 && need && room !== undefined && room >= need.normal) {
    // pids.events max only ever grows: refusals under a limit since raised stay counted forever (a
    // tester's 391, warned about on every run after `echo 8192 > pids.max` had fixed the builds).
    // With room now for gopls and a default build, they are history, not a problem; a refusal
    // during this run is the after-run probe's (afterRun.ts), which compares the counter over the run.
    const n = v.refused.count;
    out.push({
      classId: 'process-limit',
      severity: 'info',
      confidence: 0.2,
      message: `The pids limit of ${who} refused ${n} fork${n === 1 ? '' : 's'} before (pids.events max ${n} counts every refusal since the cgroup was made, and never goes down); the limit is now ${v.effectiveMax?.max ?? '?'}, with ${room} tasks free: enough for gopls and a default go build here (about ${need.normal}). Nothing to raise.`,
      evidence: [...refusedEvidence, ...(v.effectiveMax ? readEvidence(v.effectiveMax.level.maxRead) : []), { source: 'estimate', excerpt: need.method }, membershipLine],
      fixes: [],
    });
  } else if (v.refused && v.refused.count > 0) {
    out.push({
      classId: 'process-limit',
      severity: 'warning',
      confidence: 0.6,
      message: `The pids limit of ${who} has refused ${v.refused.count} fork${v.refused.count === 1 ? '' : 's'} (pids.events max ${v.refused.count})${v.effectiveMax ? `; the limit is ${v.effectiveMax.max}` : ''}: builds and tests that run many processes or threads fail intermittently.`,
      evidence: [...refusedEvidence, ...(v.effectiveMax ? readEvidence(v.effectiveMax.level.maxRead) : []), membershipLine],
      fixes,
    });
  }
  // Not tight yet by use: will the next build fit? Every level's headroom counts (the smallest wins).
  if (!out.length && need) {
    const levels = view.levels.filter((l): l is PidsLevel & { max: number; current: number } => typeof l.max === 'number' && l.current !== undefined);
    const tightest = levels.sort((a, b) => a.max - a.current - (b.max - b.current))[0];
    if (tightest) {
      const left = tightest.max - tightest.current;
      const error = left < need.trivial;
      if (error || left < need.normal) {
        out.push({
          classId: 'process-limit',
          severity: error ? 'error' : 'warning',
          confidence: error ? 0.8 : 0.6,
          message: `The pids cgroup of ${who} allows ${tightest.max} tasks and ${tightest.current} are in use${tightest.ownExcluded ? ` (besides the doctor's own ${tightest.ownExcluded})` : ''}: ${left} left, while ${error ? `even a trivial go build (-p 1) needs about ${need.trivial}` : `gopls and a default go build (-p ${need.cpus}) need about ${need.normal}`}. Every thread counts: builds fail with "resource temporarily unavailable" and Go programs with "failed to create new OS thread".`,
          evidence: [...readEvidence(tightest.maxRead), ...readEvidence(tightest.currentRead), { source: 'estimate', excerpt: need.method }, membershipLine],
          fixes: raiseLimitFixes('pids', cgroupPathOf(tightest.dir, view.placement.mount), { dir: tightest.dir, version: view.version, current: tightest.max }),
        });
      }
    }
  }
  return out;
}

/** CPUs Go will use: GOMAXPROCS if set, else the online CPUs. */
export async function cpusFor(host: Host, env: NodeJS.ProcessEnv): Promise<number | undefined> {
  const fromEnv = Number(env.GOMAXPROCS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return parseCpuList(await host.readText('/sys/devices/system/cpu/online'));
}

// ---------- another gopls ----------

/** Cgroups of gopls outside the session listed at most: a shared machine runs many. */
const MAX_OTHER_NOTES = 3;

/** "gopls (pid 4242 of user nobody)", "gopls (pid 4243, works in /srv/other)". */
function otherAbout(p: ProcessEntry, m: Membership | undefined, passwd: string | undefined): string {
  if (m && !m.belongs && m.reason === 'other-user') return `${p.name ?? 'gopls'} (pid ${p.pid} of user ${p.uid === undefined ? '?' : (userNameOf(passwd, p.uid) ?? `uid ${p.uid}`)})`;
  return `${p.name ?? 'gopls'} (pid ${p.pid}${m ? `, ${m.why}` : ''})`;
}

/** What the report says of a limited cgroup that holds only gopls outside the session (`observed.otherLimits`). */
export interface OtherLimit {
  controller: 'memory' | 'pids';
  /** Bytes for memory, tasks for pids. */
  limit: number;
  limitFile?: string;
  gopls: string[];
}

/**
 * A limit on a cgroup that holds only gopls outside the diagnosed session: information about that
 * gopls, kept among what the probe saw and never a finding, so that no cause of this workspace's,
 * not even a note, is made of it (the tester's report had put one first). Nothing without a limit. Pure.
 */
export function otherLimit(controller: 'memory' | 'pids', subjects: readonly Subject[], limitRead: FileRead | undefined, limit: number | undefined): OtherLimit | undefined {
  if (limit === undefined) return undefined;
  const gopls = subjects.filter((s) => s.role === 'other').map((s) => s.about ?? `gopls (pid ${s.pid})`);
  return { controller, limit, ...(limitRead ? { limitFile: limitRead.file } : {}), gopls };
}

/**
 * Which found gopls belong to the session (sessionGopls.ts): the diagnosed folders as given and, on
 * the live machine, as resolved, since /proc shows a working folder resolved.
 */
async function sessionOf(ctx: ProbeContext, found: readonly ProcessEntry[], table: readonly ProcessEntry[]): Promise<Map<number, Membership>> {
  const { host } = ctx;
  const descendants = descendantsOf(table, host.pid);
  const given = ctx.workspaces.map((w) => path.posix.resolve(w));
  const resolved = host.live ? await Promise.all(given.map((w) => realpath(w).catch(() => w))) : [];
  const scope = { uid: host.uid, descendants, workspaces: [...new Set([...given, ...resolved])] };
  const read = await readGoplsProcesses(host, found, table, scope);
  const out = new Map(read.map((p) => [p.pid, goplsMembership(p, scope)]));
  // A gopls started by a gopls (its telemetry uploader, a forwarder) is its parent's.
  for (const p of found) {
    const parent = p.ppid === undefined ? undefined : out.get(p.ppid);
    if (parent && !scope.descendants.has(p.pid)) out.set(p.pid, parent);
  }
  return out;
}

// ---------- the probe ----------

async function findGopls(host: Host, processes: readonly ProcessEntry[]): Promise<ProcessEntry[]> {
  // comm is the name that was exec'd ("gopls", or "gopls-v0.23.0" for a versioned binary);
  // a gopls started through a differently named link only shows in exe, readable for this user's.
  // Every user's gopls is found by name, so that another's can be told apart, and said to be another's.
  const isGoplsName = (n: string | undefined) => n !== undefined && /^gopls([-_.@]|$)/.test(n);
  const byName = processes.filter((p) => isGoplsName(p.name));
  const others = processes.filter((p) => (p.uid === host.uid || p.euid === host.uid) && !isGoplsName(p.name)).slice(0, MAX_EXE_LOOKUPS);
  // One readlink per process: synchronous, in time slices (host.ts says why).
  const byExe: ProcessEntry[] = [];
  await forEachSliced(others, (p) => {
    const exe = host.readlinkSync(`/proc/${p.pid}/exe`);
    if (exe && isGoplsName(path.posix.basename(exe.replace(/ \(deleted\)$/, '')))) byExe.push(p);
  });
  return [...byName, ...byExe];
}

interface SubjectCgroups {
  subject: Subject;
  memberships: CgroupMembership[];
  cgroupText: string;
  cgroupFile: string;
}

/**
 * The kernel log's OOM records, only when a cgroup has counted kills (else nothing is run) and only
 * of the live machine (a fixture tree's cgroups are not this kernel's). dmesg as after-run reads it.
 */
async function readPastKills(ctx: ProbeContext, wanted: boolean): Promise<PastKills | { note: string } | {}> {
  if (!wanted || !ctx.host.live) return {};
  const r = await readKernelRecordsSince(ctx.host, ctx.env, 0, Math.max(100, Math.min(1000, ctx.remainingMs() - 100)), ctx.signal, ctx.facts.lookPath);
  if (r.note) return { note: r.note };
  return { kills: parseKernelOomKills(r.records.map((x) => x.line).join('\n')), source: r.source };
}

export async function runCgroups(ctx: ProbeContext): Promise<ProbeOutcome> {
  const { host } = ctx;
  if (host.platform !== 'linux') return skipped(`cgroups exist only on Linux (platform ${host.platform})`);
  const mountinfoFile = procOf(host, 'self', 'mountinfo');
  const mountinfo = await host.readText(mountinfoFile);
  if (mountinfo === undefined) return skipped(`${mountinfoFile} is not readable`);
  const mounts = cgroupMounts(parseMountInfo(mountinfo));
  if (mounts.length === 0) return skipped(`no cgroup or cgroup2 file system is mounted (${mountinfoFile})`);
  const hasV1 = mounts.some((m) => m.version === 1 && m.controllers.some((c) => !c.startsWith('name=')));
  const hasV2 = mounts.some((m) => m.version === 2);
  const mode = hasV1 && hasV2 ? 'hybrid' : hasV1 ? 'v1' : 'v2';

  const meminfo = await host.readText('/proc/meminfo');
  const memAvailEntry = meminfo === undefined ? undefined : parseMemInfo(meminfo).get('MemAvailable');
  const memAvailable: Evidence | undefined = memAvailEntry ? { source: '/proc/meminfo', excerpt: memAvailEntry.line } : undefined;

  const table = await ctx.facts.processTable();
  const self = table.processes.find((p) => p.pid === host.pid);
  const found = (await findGopls(host, table.processes)).filter((p) => p.pid !== host.pid);
  const session = await sessionOf(ctx, found, table.processes);
  const gopls = found.filter((p) => session.get(p.pid)?.belongs);
  const others = found.filter((p) => !session.get(p.pid)?.belongs);
  const users = others.length ? await host.readText('/etc/passwd') : undefined;
  const subjects: Subject[] = [
    { pid: host.pid, name: self?.name ?? 'self', role: 'editor' },
    ...gopls.map((p): Subject => ({ pid: p.pid, name: p.name ?? 'gopls', role: 'gopls' })),
    ...others.map((p): Subject => ({ pid: p.pid, name: p.name ?? 'gopls', role: 'other', about: otherAbout(p, session.get(p.pid), users) })),
  ];

  const withCgroups = (
    await mapLimit(subjects, 16, async (subject): Promise<SubjectCgroups | undefined> => {
      const cgroupFile = `/proc/${subject.pid}/cgroup`;
      const cgroupText = await host.readText(cgroupFile);
      return cgroupText === undefined ? undefined : { subject, memberships: parseProcCgroup(cgroupText), cgroupText, cgroupFile };
    })
  ).filter((s): s is SubjectCgroups => s !== undefined);
  if (withCgroups.length === 0) return skipped(`/proc/${host.pid}/cgroup is not readable`, { mode });

  const memoryCache = new Map<string, Promise<MemoryLevel>>();
  const pidsCache = new Map<string, Promise<PidsLevel>>();
  // Subjects that share a cgroup are judged once, and named together.
  const memoryGroups = new Map<string, { view: CgroupView<MemoryLevel>; subjects: Subject[]; line: Evidence }>();
  const pidsGroups = new Map<string, { view: CgroupView<PidsLevel>; subjects: Subject[]; line: Evidence }>();
  const unresolved: string[] = [];

  for (const s of withCgroups) {
    for (const controller of ['memory', 'pids'] as const) {
      const placement = placeController(controller, s.memberships, mounts);
      if (!placement) continue;
      const dir = await resolveDir(host, placement, controller === 'memory' ? 'memory.current' : 'pids.current');
      if (!dir) {
        unresolved.push(`${controller} of pid ${s.subject.pid}: ${placement.membership.line}`);
        continue;
      }
      const line: Evidence = { source: s.cgroupFile, excerpt: placement.membership.line };
      const groups = controller === 'memory' ? memoryGroups : pidsGroups;
      const existing = groups.get(dir);
      if (existing) {
        existing.subjects.push(s.subject);
        continue;
      }
      const dirs = ancestorsWithin(dir, placement.mount.mountPoint);
      if (controller === 'memory') {
        const levels = await Promise.all(dirs.map((d) => memoryCache.get(d) ?? (memoryCache.set(d, readMemoryLevel(host, placement.version, d)), memoryCache.get(d)!)));
        memoryGroups.set(dir, { view: { version: placement.version, placement, levels }, subjects: [s.subject], line });
      } else {
        const levels = await Promise.all(dirs.map((d) => pidsCache.get(d) ?? (pidsCache.set(d, readPidsLevel(host, d)), pidsCache.get(d)!)));
        pidsGroups.set(dir, { view: { version: placement.version, placement, levels }, subjects: [s.subject], line });
      }
    }
  }

  const findings: FindingInput[] = [];
  // A cgroup that holds only gopls outside the session is theirs: seen, never judged as this session's.
  const theirs = <G extends { subjects: Subject[] }>(groups: Map<string, G>): G[] => {
    const out = [...groups].filter(([, g]) => g.subjects.every((x) => x.role === 'other'));
    for (const [dir] of out) groups.delete(dir);
    return out.map(([, g]) => g).slice(0, MAX_OTHER_NOTES);
  };
  const otherLimits: OtherLimit[] = [];
  for (const g of theirs(memoryGroups)) {
    const limit = judgeMemory(g.view).effectiveLimit;
    const seen = otherLimit('memory', g.subjects, limit?.level.limitRead, limit?.bytes);
    if (seen) otherLimits.push(seen);
  }
  for (const g of theirs(pidsGroups)) {
    const limit = judgePids(g.view.levels).effectiveMax;
    const seen = otherLimit('pids', g.subjects, limit?.level.maxRead, limit?.max);
    if (seen) otherLimits.push(seen);
  }
  // Latent limits: what Go tooling will need here, estimated only when a limit exists to judge.
  const limited = [...memoryGroups.values()].some((g) => judgeMemory(g.view).effectiveLimit);
  const packages = limited ? await ctx.facts.workspacePackages().catch(() => undefined) : undefined;
  const memNeed = packages ? goplsMemoryNeeds(packages.count, packages.sourceBytes) : undefined;
  const cpus = await cpusFor(host, ctx.env);
  const taskNeed = cpus ? taskNeeds(cpus) : undefined;
  const kernel = await readPastKills(ctx, [...memoryGroups.values()].some((g) => (judgeMemory(g.view).oomKill?.count ?? 0) > 0));
  for (const g of memoryGroups.values()) findings.push(...memoryFindings(g.view, g.subjects, g.line, memAvailable, memAvailEntry?.bytes, memNeed, 'kills' in kernel ? kernel : undefined));
  // The doctor's own tasks are not in use when the user builds (process-limits.ts says the same of
  // RLIMIT_NPROC): in the CLI none of its tree stays, in the editor the extension host does but the
  // probes' children do not. Every level of the doctor's own pids view holds them (a tester's fresh
  // pids.max 15 read "15 of its 15 tasks", all of them the doctor's). Counted again together with
  // pids.current, now: the run's children come and go, and the table of the run's start missed those
  // begun since (a first try said 16 of 27 were someone else's).
  const mineLimited = [...pidsGroups.values()].some((g) => g.subjects.some((x) => x.role === 'editor') && judgePids(g.view.levels).effectiveMax);
  const fresh = mineLimited && host.live ? await scanProcesses(host) : undefined;
  const ownThreads = fresh ? ownTasks(host, fresh.processes, ctx.settings.hostIsEditor === true).threads : 0;
  for (const g of pidsGroups.values()) {
    const mine = ownThreads > 0 && g.subjects.some((x) => x.role === 'editor');
    const levels = mine ? await Promise.all(g.view.levels.map((l) => readPidsLevel(host, l.dir))) : g.view.levels;
    const view = mine ? { ...g.view, levels: levels.map((l) => (l.current === undefined ? l : { ...l, current: Math.max(0, l.current - ownThreads), ownExcluded: Math.min(l.current, ownThreads) })) } : g.view;
    findings.push(...pidsFindings(view, g.subjects, g.line, taskNeed));
  }

  const observed = {
    mode,
    memAvailableBytes: memAvailEntry?.bytes,
    goplsProcesses: gopls.map((p) => p.pid),
    ...(others.length ? { otherGopls: others.map((p) => ({ pid: p.pid, uid: p.uid, why: session.get(p.pid)?.why })) } : {}),
    ...(otherLimits.length ? { otherLimits } : {}),
    memory: [...memoryGroups.entries()].map(([dir, g]) => {
      const v = judgeMemory(g.view);
      return {
        cgroup: dir,
        version: g.view.version,
        pids: g.subjects.map((s) => s.pid),
        effectiveLimitBytes: v.effectiveLimit?.bytes ?? null,
        limitFile: v.effectiveLimit?.level.limitRead.file ?? g.view.levels[0]?.limitRead.file,
        usageBytes: g.view.levels[0]?.usage,
        workingSetRatio: v.tightest ? Math.round(v.tightest.ratio * 1000) / 1000 : undefined,
        oomKill: v.oomKill?.count,
        failcnt: v.failcnt,
      };
    }),
    pids: [...pidsGroups.entries()].map(([dir, g]) => {
      const v = judgePids(g.view.levels);
      return { cgroup: dir, version: g.view.version, pids: g.subjects.map((s) => s.pid), effectiveMax: v.effectiveMax?.max ?? null, current: v.tightest?.level.current ?? g.view.levels[0]?.current, forksRefused: v.refused?.count ?? 0 };
    }),
    ...(unresolved.length ? { unresolved } : {}),
    ...('note' in kernel ? { kernelLog: kernel.note } : 'kills' in kernel ? { kernelLog: `${kernel.kills.length} OOM-kill records (${kernel.source})` } : {}),
    needs: { cpus, tasks: taskNeed && { trivial: taskNeed.trivial, normal: taskNeed.normal }, packages: packages?.count, ...(packages?.sourceBytes ? { sourceBytes: packages.sourceBytes } : {}), goplsMemory: memNeed && { cold: memNeed.cold, warm: memNeed.warm } },
  };
  return { findings, observed };
}

export const cgroupsProbe: Probe = {
  id: 'cgroups',
  title: 'cgroup memory and pids limits',
  classes: ['memory-limit', 'process-limit'],
  run: runCgroups,
};
