// A gopls log whose last session just stops (goplsLog/stoppedSession.ts) tells of a gopls that was
// killed or crashed before the doctor ran, and nothing else in the report would say so: a tester's
// gopls OOM-killed in a 100 MiB memory cgroup left a trace ending on "Created View", and the doctor
// said "no problems found". The same shape is a gopls still running, so the machine is asked:
// a process that holds the log open, or a gopls whose -logfile names it, is still writing it. When
// none is, the kernel log's OOM-killer records say whether a gopls was killed when the log stopped:
// then the memory limit is the cause, with the log's last line and the kernel's record as evidence.
// Where the kernel log cannot be read, this editor's memory cgroup counting kills is the only
// record left (a warning). Otherwise the stop is an unexplained symptom that names the checks that
// would explain it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Evidence, FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import type { Host } from '../host/host.js';
import { AUTO_LOG_NAME, logfileFromFlags, type FoundLog } from '../goplsLog/discover.js';
import { forEachSliced } from '../host/timeSlice.js';
import { formatBytes } from '../host/bytes.js';
import { lastRecordAt, type StoppedSession } from '../goplsLog/stoppedSession.js';
import { describeOomVictim, oomVictims, parseKernelOomKills, type KernelOomKill, type OomVictim } from '../procfs/oomKills.js';
import { parseMountInfo } from '../procfs/mountinfo.js';
import { readKmsg } from '../procfs/kmsg.js';
import type { KernelRecord } from '../procfs/kernelLog.js';
import { cgroupDirCandidates, cgroupMounts, parseCgroupLimit, parseFlatKeyed } from '../procfs/cgroup.js';
import { procOf } from '../procfs/procs.js';
import { readCounters, readKernelRecordsSince } from './afterRun.js';
import { raiseLimitFixes } from '../fixes/catalog.js';

/**
 * A kill belongs to the log's stop when it is stamped this long before its last record at most:
 * the gopls that wrote that record was alive then, and the kernel's stamp, placed on the wall
 * clock, and the record's own time differ by a scheduling tick (afterRun.ts SLACK_S) and the
 * rounding of the log's milliseconds. A gopls killed earlier is another one (the next session can
 * start within seconds of a kill)…
 */
const KILL_BEFORE_MS = 2_000;
/**
 * …and this long after at most: gopls writes nothing while it loads packages, and the OOM killer
 * takes it in the middle of a load. Measured here on the module importing every public std
 * package: 0.2-1.6 s at 60-300 MiB, 3.4 s at 450 MiB (killed after its first diagnostics). The
 * rest is room for a large workspace's load, just as silent; a gopls killed later may have sat
 * idle first, and is named as possible, not tied.
 */
const KILL_AFTER_MS = 120_000;
/** An open log has at most a handful of descriptors per process; a process with more is read this far. */
const MAX_FDS_PER_PROCESS = 4096;

/**
 * Can where this log ends be where its gopls stopped? Not a rolled copy of the editor's channel
 * ("gopls (server).log_1"): VS Code cut it at a size, mid-session, and the session goes on in the
 * next file. Pure.
 */
export function endsWhereItStopped(log: FoundLog): boolean {
  return log.origin !== 'editor-channel' || path.basename(log.path) === 'gopls (server).log';
}

export interface StoppedLog {
  source: string;
  session: StoppedSession;
}

/** A kernel OOM kill with the wall-clock time the kernel stamped it. */
export interface TimedKill {
  atMs: number;
  kill: KernelOomKill;
}

/** What the cgroup a victim was killed in counts now (memory.events / memory.oom_control), where it still exists. */
export interface VictimCgroup {
  file: string;
  oomKill: number;
  limitBytes?: number;
}

/**
 * Who can have written a log: its file's owner (gopls creates its -logfile, the editor its channel,
 * both as the user), and for -logfile=auto's gopls-<pid>.log that very pid.
 */
export interface LogWriter {
  uid?: number;
  pid?: number;
}

export interface StoppedLogInput {
  log: StoppedLog;
  /** Who can have written it: a kill of another user's gopls, or of another pid, is not its stop. */
  writer?: LogWriter;
  /** When the last record was written (lastRecordAt). */
  stoppedAtMs: number;
  /** The kernel's OOM kills, stamped; undefined when the kernel log could not be read (why in kernelNote). */
  kills?: readonly TimedKill[];
  kernelSource: string;
  kernelNote?: string;
  /** The cgroup the matching victim was killed in, as read now. */
  victimCgroup?: VictimCgroup;
  /**
   * Where the kernel log cannot be read: the leaf-most of this process's memory cgroups (the
   * editor's, which its gopls shares) whose oom_kill counts kills, the only record left.
   */
  countedHere?: VictimCgroup & { cgPath: string };
}

/**
 * Can this victim have written the log? Another user's gopls killed in the same second (a shared
 * machine, another session) is not the one whose log stopped. A record without a uid or pid cannot
 * rule it out. Pure.
 */
export function couldWrite(kill: Pick<KernelOomKill, 'uid' | 'pid'>, writer: LogWriter): boolean {
  if (writer.uid !== undefined && kill.uid !== undefined && kill.uid !== writer.uid) return false;
  if (writer.pid !== undefined && kill.pid !== undefined && kill.pid !== writer.pid) return false;
  return true;
}

/** Is this OOM victim a gopls (comm is at most 15 bytes: "gopls", or a versioned binary's name)? */
function isGopls(comm: string): boolean {
  return /^gopls(?:[-_.@]|$)/.test(comm);
}

/**
 * The gopls kill that belongs to the stop: of those stamped in its window, the one nearest its last
 * record. Not the first: another gopls killed a second before this one started (an editor's
 * restart, a fault suite's previous case) is in the window too, and was taken for it. Pure.
 */
export function killAtStop(kills: readonly TimedKill[], stoppedAtMs: number, writer: LogWriter = {}): { victim: OomVictim; atMs: number } | undefined {
  const near = kills.filter((k) => isGopls(k.kill.comm) && couldWrite(k.kill, writer) && k.atMs >= stoppedAtMs - KILL_BEFORE_MS && k.atMs <= stoppedAtMs + KILL_AFTER_MS);
  const first = [...near].sort((a, b) => Math.abs(a.atMs - stoppedAtMs) - Math.abs(b.atMs - stoppedAtMs) || a.atMs - b.atMs)[0];
  if (!first) return undefined;
  // The kill's other records (the summary and "Killed process" lines) are merged into one victim.
  const victim = oomVictims(near.filter((k) => k.kill.pid === first.kill.pid).map((k) => k.kill))[0]!;
  return { victim, atMs: first.atMs };
}

/** The local time of day, with the date before it when that is not today's (an old log). */
function clock(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  const today = new Date(now);
  const same = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
  return `${same ? '' : `${day} `}${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

function gap(ms: number): string {
  const s = Math.abs(ms) / 1000;
  const said = s < 10 ? `${s.toFixed(1)} s` : s < 120 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`;
  return ms >= 0 ? `${said} after` : `${said} before`;
}

/** The finding for one log whose session stopped and that nothing writes any more. Pure. */
export function stoppedLogFinding(i: StoppedLogInput): FindingInput {
  const { log, stoppedAtMs } = i;
  const name = path.basename(log.source);
  const at = `line ${log.session.line} (${clock(stoppedAtMs)})`;
  const lastLine: Evidence = { source: log.source, line: log.session.line, excerpt: log.session.text };
  const tied = i.kills ? killAtStop(i.kills, stoppedAtMs, i.writer) : undefined;
  if (tied) {
    const cg = i.victimCgroup;
    const counted: Evidence[] = cg ? [{ source: cg.file, excerpt: `oom_kill ${cg.oomKill}${cg.limitBytes !== undefined ? `; the limit now ${formatBytes(cg.limitBytes)}` : ''}` }] : [];
    const memcg = tied.victim.taskMemcg ?? tied.victim.memcg;
    return {
      classId: 'memory-limit',
      severity: 'error',
      confidence: 0.9,
      role: 'cause',
      explains: ['gopls-launch'],
      message: `${name} stops mid-session at ${at}, with no shutdown from the editor and no crash, and ${gap(tied.atMs - stoppedAtMs)} its last record the kernel's OOM killer killed ${describeOomVictim(tied.victim)}: the memory limit killed the gopls that wrote this log. A gopls killed this way leaves no stack trace, and the editor restarts it into the same limit.`,
      evidence: [lastLine, ...tied.victim.lines.slice(-2).map((excerpt) => ({ source: i.kernelSource, excerpt })), ...counted],
      fixes: memcg && memcg !== '/' ? raiseLimitFixes('memory', memcg) : [],
    };
  }
  const counted = !i.kills ? i.countedHere : undefined;
  if (counted) {
    return {
      classId: 'memory-limit',
      severity: 'warning',
      confidence: 0.6,
      role: 'cause',
      explains: ['gopls-launch'],
      message: `${name} stops mid-session at ${at}, with no shutdown from the editor and no crash, and the memory cgroup ${counted.cgPath} (this editor's, which its gopls shares) has counted ${counted.oomKill} OOM kill${counted.oomKill === 1 ? '' : 's'}: likely the memory limit killed the gopls that wrote this log. The kernel log, which would say whom it killed and when, could not be read (${i.kernelNote ?? 'unreadable'}).`,
      evidence: [lastLine, { source: counted.file, excerpt: `oom_kill ${counted.oomKill}${counted.limitBytes !== undefined ? `; the limit now ${formatBytes(counted.limitBytes)}` : ''}` }],
      fixes: counted.cgPath !== '/' ? raiseLimitFixes('memory', counted.cgPath) : [],
    };
  }
  const gopls = (i.kills ?? []).filter((k) => isGopls(k.kill.comm) && couldWrite(k.kill, i.writer ?? {}));
  const later = gopls.filter((k) => k.atMs > stoppedAtMs + KILL_AFTER_MS);
  const kernelSaid = !i.kills
    ? `The kernel log, which would name an OOM kill, could not be read (${i.kernelNote ?? 'unreadable'}).`
    : later.length
      ? `The kernel's OOM killer killed a gopls ${gap(later[0]!.atMs - stoppedAtMs)} the log's last record (${describeOomVictim(oomVictims([later[0]!.kill])[0]!)}): too long after to be sure it was this one, which may have sat idle until then.`
      : `The kernel log holds no OOM kill of a gopls from then.`;
  return {
    classId: 'gopls-launch',
    severity: 'warning',
    confidence: 0.5,
    role: 'symptom',
    symptom: 'stopped',
    message: `gopls's log ${name} stops mid-session at ${at}: no shutdown or exit from the editor, no crash, and no process writes it any more, so that gopls was killed or crashed without a word (SIGKILL from a memory limit, a supervisor or a user; a crash whose stack went to its stderr, which the editor's "gopls (server)" channel keeps; or its editor went away without a shutdown). ${kernelSaid}`,
    evidence: [lastLine, ...(i.kills ? [{ source: i.kernelSource, excerpt: later.length ? later[0]!.kill.line : `no OOM-killer record of a gopls between ${clock(stoppedAtMs - KILL_BEFORE_MS)} and ${clock(stoppedAtMs + KILL_AFTER_MS)}` }] : [])],
    fixes: [],
  };
}

/**
 * The processes that have `file` open, and the gopls processes whose -logfile names it: the log
 * is still being written (an editor's channel, a gopls serving now). A process's command line can
 * be read whoever runs it; its descriptors only when it is this user's (or by root), so only those
 * are listed: a desktop's hundreds of processes hold thousands of them.
 */
async function writersOf(ctx: ProbeContext, file: string): Promise<number[]> {
  const { host } = ctx;
  const names = new Set([path.resolve(file), await fs.realpath(file).catch(() => path.resolve(file))]);
  const table = await ctx.facts.processTable();
  const out: number[] = [];
  await forEachSliced(table.processes, (p) => {
    if (p.pid === host.pid) return;
    const mine = host.uid === 0 || p.uid === host.uid || p.euid === host.uid;
    if (namesLogfile(host, p.pid, names) || (mine && holdsOpen(host, p.pid, names))) out.push(p.pid);
  });
  return out;
}

export function holdsOpen(host: Host, pid: number, names: ReadonlySet<string>): boolean {
  const fds = host.listSync(procOf(host, pid, 'fd'));
  if (!fds) return false;
  for (const fd of fds.slice(0, MAX_FDS_PER_PROCESS)) {
    const target = host.readlinkSync(procOf(host, pid, `fd/${fd}`));
    if (target !== undefined && names.has(target)) return true;
  }
  return false;
}

/**
 * Does the process's command line give gopls this file as its -logfile (relative to its working
 * directory; `auto` is $TMPDIR/gopls-<pid>.log, so a file of that name with this process's pid)?
 */
export function namesLogfile(host: Host, pid: number, names: ReadonlySet<string>): boolean {
  const args = host.readTextSync(procOf(host, pid, 'cmdline'), 64 * 1024)?.split('\0');
  const value = args && logfileFromFlags(args);
  if (!value) return false;
  if (value === 'auto') return [...names].some((n) => path.basename(n) === `gopls-${pid}.log`);
  return names.has(path.resolve(host.readlinkSync(procOf(host, pid, 'cwd')) ?? '/', value));
}

/**
 * The kernel log's OOM kills with the wall-clock time of each. The kernel stamps a record with
 * its local clock, which stops while the machine is suspended, as CLOCK_MONOTONIC does (Node's
 * hrtime) and /proc/uptime does not: placed by the monotonic clock, only a suspend between the kill
 * and now moves it (by /proc/uptime, every suspend since boot would, as `dmesg -T` warns).
 */
export async function readTimedKills(ctx: ProbeContext): Promise<{ kills?: TimedKill[]; source: string; note?: string; firstAtMs?: number }> {
  const boot = Date.now() - Number(process.hrtime.bigint() / 1_000_000n);
  const dmesg = await readKernelRecordsSince(ctx.host, ctx.env, 0, Math.max(100, Math.min(1000, ctx.remainingMs() - 100)), ctx.signal, ctx.facts.lookPath);
  let r: { records: KernelRecord[]; source: string } = dmesg;
  if (dmesg.note) {
    // No dmesg program (a minimal container), or it failed: the device it reads, directly.
    try {
      r = { records: readKmsg(), source: '/dev/kmsg' };
    } catch (e) {
      return { source: dmesg.source, note: `${dmesg.note}; /dev/kmsg: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    }
  }
  const seconds = new Map(r.records.map((x) => [x.line.trim(), x.seconds]));
  const kills: TimedKill[] = [];
  for (const kill of parseKernelOomKills(r.records.map((x) => x.line).join('\n'))) {
    const s = seconds.get(kill.line);
    if (s !== undefined) kills.push({ atMs: boot + s * 1000, kill });
  }
  // The oldest record still held: a kill before it may have been rotated out of the ring buffer.
  const first = r.records[0]?.seconds;
  return { kills, source: r.source, ...(first !== undefined ? { firstAtMs: boot + first * 1000 } : {}) };
}

/**
 * This process's own memory cgroup (afterRun.ts readCounters), where its oom_kill counts any kill.
 * Not an ancestor's: v2 counts there every kill below it (another user's slice, another session's
 * scope), and v1 the kills of processes in the ancestor itself; neither is the editor's gopls.
 */
async function countedKillsHere(host: Host): Promise<StoppedLogInput['countedHere']> {
  const r = await readCounters(host);
  if ('skip' in r) return undefined;
  const leaf = r.counters.find((x) => x.controller === 'memory')?.dir;
  const c = r.counters.find((x) => x.controller === 'memory' && x.dir === leaf && (x.values.oom_kill ?? 0) > 0);
  return c ? { file: c.file, cgPath: c.cgPath, oomKill: c.values.oom_kill!, ...(c.limit !== undefined ? { limitBytes: c.limit } : {}) } : undefined;
}

/** The OOM-kill count and limit of the memory cgroup the kernel named, where it is mounted here. */
async function readVictimCgroup(host: Host, memcg: string | undefined): Promise<VictimCgroup | undefined> {
  if (!memcg) return undefined;
  const mountinfo = await host.readText(procOf(host, 'self', 'mountinfo'));
  if (!mountinfo) return undefined;
  for (const m of cgroupMounts(parseMountInfo(mountinfo))) {
    if (m.version === 1 && !m.controllers.includes('memory')) continue;
    for (const dir of cgroupDirCandidates(memcg, m.mount)) {
      const file = path.posix.join(dir, m.version === 2 ? 'memory.events' : 'memory.oom_control');
      const oomKill = parseFlatKeyed(await host.readText(file)).get('oom_kill');
      if (oomKill === undefined) continue;
      const limit = parseCgroupLimit(await host.readText(path.posix.join(dir, m.version === 2 ? 'memory.max' : 'memory.limit_in_bytes')));
      return { file, oomKill, ...(typeof limit === 'number' ? { limitBytes: limit } : {}) };
    }
  }
  return undefined;
}

/**
 * The findings for the logs whose session stopped: those still written are left alone, the others
 * are judged against the kernel log (read once). `toldDeath`: logs of this run that tell of a
 * gopls death in words, whose symptom the stop would only repeat. Only on the live machine: a log pasted from
 * elsewhere, or a fixture host's, may have been cut anywhere, and its gopls is not this kernel's.
 */
export async function stoppedLogFindings(ctx: ProbeContext, stopped: readonly StoppedLog[], toldDeath: readonly string[] = []): Promise<FindingInput[]> {
  if (!ctx.host.live || ctx.host.platform !== 'linux' || !stopped.length) return [];
  const silent: Array<{ log: StoppedLog; stoppedAtMs: number; writer: LogWriter }> = [];
  // The kernel log's pids are the initial namespace's; in a container of its own, a log's name is not.
  const nspid = /^NSpid:\s*(.*)$/m.exec(ctx.host.readTextSync(procOf(ctx.host, 'self', 'status')) ?? '')?.[1]?.trim().split(/\s+/);
  const kernelPids = !nspid || nspid.length === 1;
  for (const log of stopped) {
    const st = await fs.stat(log.source).catch(() => undefined);
    if (!st || (await writersOf(ctx, log.source)).length) continue;
    const auto = AUTO_LOG_NAME.exec(path.basename(log.source));
    silent.push({ log, stoppedAtMs: lastRecordAt(st.mtimeMs, log.session.dayMs), writer: { uid: st.uid, ...(auto && kernelPids ? { pid: Number(auto[1]) } : {}) } });
  }
  if (!silent.length) return [];
  const kernel = await readTimedKills(ctx);
  const countedHere = kernel.kills ? undefined : await countedKillsHere(ctx.host);
  const out: FindingInput[] = [];
  for (const s of silent) {
    const tied = kernel.kills ? killAtStop(kernel.kills, s.stoppedAtMs, s.writer) : undefined;
    const victimCgroup = tied ? await readVictimCgroup(ctx.host, tied.victim.taskMemcg ?? tied.victim.memcg) : undefined;
    const f = stoppedLogFinding({ ...s, ...(kernel.kills ? { kills: kernel.kills } : {}), kernelSource: kernel.source, ...(kernel.note ? { kernelNote: kernel.note } : {}), ...(victimCgroup ? { victimCgroup } : {}), ...(countedHere ? { countedHere } : {}) });
    // Another log given (the editor's channel: "Connection to server got closed") already tells
    // of the death as a symptom: the stop is the same death, and only its cause is news.
    if (f.role === 'symptom' && toldDeath.length) continue;
    out.push(f);
  }
  return out;
}
