// Kernel-wide and per-user task limits: kernel.pid_max and kernel.threads-max against every task
// on the machine, RLIMIT_NPROC against this user's tasks (each thread counts, which is why Go's
// "failed to create new OS thread" shows up here), and RLIMIT_NOFILE. Also the two rlimits that
// limit memory per process, RLIMIT_AS and RLIMIT_DATA (memory-limit): a batch system's or a shell
// start-up file's `ulimit -v` kills gopls at start with words that name no limit. And RLIMIT_FSIZE
// (fs-access): `ulimit -f` stops the linker writing its binary.
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import { findLimit, parseFileNr, parseLimits, parseLoadAvg, parseSysctlInt, type FileNr, type ResourceLimit } from '../procfs/limits.js';
import { procOf } from '../procfs/procs.js';
import { ownTasks } from './ownTasks.js';
import { limitsConfFix, raiseNofileFix, sysctlFix } from '../fixes/catalog.js';
import { limitsConfFixFor, removeUlimitFixes, type LimitItem, type LimitsContext } from '../fixes/limitsConf.js';
import { readLimitSources } from './limitSources.js';
import { FILE_SIZE_NEEDS, addressSpaceNeeds, openFileNeeds, taskNeeds, type AddressSpaceNeeds, type OpenFileNeeds, type TaskNeeds } from './goNeeds.js';
import { cpusFor } from './cgroups.js';
import { formatBytes } from '../host/bytes.js';

const PID_MAX_FILE = '/proc/sys/kernel/pid_max';
const THREADS_MAX_FILE = '/proc/sys/kernel/threads-max';
const LOADAVG_FILE = '/proc/loadavg';
const FILE_NR_FILE = '/proc/sys/fs/file-nr';
const WARN_RATIO = 0.8;
const ERROR_RATIO = 0.9;
/** Below this, a parallel go build with its compiler threads alone can hit RLIMIT_NPROC. */
const LOW_NPROC = 1024;

function pct(r: number): string {
  return `${Math.round(r * 100)}%`;
}

export interface ProcessLimitsInput {
  pidMax?: number;
  threadsMax?: number;
  /** Every task on the machine (from /proc/loadavg). */
  tasks?: number;
  uid: number;
  /** This user's tasks: threads of processes whose real uid is uid. */
  userTasks: number;
  nproc?: ResourceLimit;
  nofile?: ResourceLimit;
  /** The system's file table (fs.file-nr): ENFILE for every process once it is full. */
  fileNr?: FileNr;
  limitsFile: string;
  /** What gopls and a go build will need here (src/probes/goNeeds.ts), when the CPUs are known. */
  needs?: TaskNeeds;
  /** Who the limits were read for and where they are set (probes/limitSources.ts); without it the fixes are the wildcard ones. */
  sources?: LimitSources;
}

export interface LimitSources {
  ctx: LimitsContext;
  home?: string;
}

/**
 * The fixes that raise an rlimit for the user it was read for: a start-up file's `ulimit` line
 * removed first (it cuts any login's limit back), then the pam_limits line. With no user known, the
 * old wildcard file. A user's fix has an id of its own: the log probe's wildcard one keeps its id.
 */
/**
 * Where the limit is set, as evidence: the pam_limits lines naming the user for this item and the
 * shell start-up lines whose ulimit sets the value in force. The finding then says where, not
 * only the fix's detail.
 */
export function limitSourceEvidence(item: LimitItem, sources?: LimitSources): Evidence[] {
  const ctx = sources?.ctx;
  if (!ctx?.user) return [];
  const pam = ctx.lines.filter((l) => l.domain === ctx.user && l.item === item).map((l) => ({ source: `${l.file}:${l.line}`, excerpt: `${l.text} (pam_limits, for ${ctx.user})` }));
  const shell = (ctx.ulimits[item] ?? []).map((u) => ({ source: `${u.file}:${u.line}`, excerpt: `${u.text} (run by that shell at every start)` }));
  return [...pam, ...shell];
}

export function rlimitFixes(id: string, item: LimitItem, value: number | 'unlimited', sources?: LimitSources): Fix[] {
  if (!sources?.ctx.user) return [limitsConfFix(id, item, value)];
  return [...removeUlimitFixes(item, sources.ctx, sources.home), { ...limitsConfFixFor(id, item, value, sources.ctx), id: `${id}:${sources.ctx.user}` }];
}

export function processLimitFindings(i: ProcessLimitsInput): FindingInput[] {
  const out: FindingInput[] = [];
  const tasksEvidence: Evidence | undefined = i.tasks === undefined ? undefined : { source: LOADAVG_FILE, excerpt: `${i.tasks} tasks exist (4th field, running/total)` };
  /** A machine-wide table (tasks, file handles) near its size: a warning at 80 %, an error at 90 %. */
  const ratioFinding = (used: number | undefined, max: number | undefined, says: (share: string) => string, evidence: Evidence[], fix: Fix): void => {
    if (max === undefined || used === undefined || max <= 0) return;
    const r = used / max;
    if (r < WARN_RATIO) return;
    const error = r >= ERROR_RATIO;
    out.push({
      classId: 'process-limit',
      severity: error ? 'error' : 'warning',
      confidence: error ? 0.8 : 0.55,
      message: says(pct(r)),
      evidence,
      fixes: [fix],
    });
  };
  const tasksRatio = (max: number | undefined, file: string, what: string, fix: Fix): void =>
    ratioFinding(i.tasks, max, (share) => `${i.tasks} tasks exist against ${what} ${max} (${share}): new processes and threads fail with "resource temporarily unavailable".`, [{ source: file, excerpt: String(max) }, ...(tasksEvidence ? [tasksEvidence] : [])], fix);
  tasksRatio(i.threadsMax, THREADS_MAX_FILE, 'kernel.threads-max', sysctlFix('sysctl-raise-threads-max', 'kernel.threads-max', Math.max(4 * (i.threadsMax ?? 0), 1 << 20)));
  tasksRatio(i.pidMax, PID_MAX_FILE, 'kernel.pid_max', sysctlFix('sysctl-raise-pid-max', 'kernel.pid_max', 4194304));
  if (i.fileNr) {
    const { allocated, max } = i.fileNr;
    ratioFinding(
      allocated,
      max,
      (share) => `${allocated} file handles are open on this machine against fs.file-max ${max} (${share}): every open, pipe and process start fails with "too many open files in system" (ENFILE) once it is full.`,
      [{ source: FILE_NR_FILE, excerpt: `${allocated} allocated, max ${max}` }],
      sysctlFix('sysctl-raise-file-max', 'fs.file-max', Math.max(4 * max, 1 << 20)),
    );
  }

  // Root is exempt from RLIMIT_NPROC (the kernel skips the check for uid 0 and CAP_SYS_RESOURCE).
  if (i.nproc && i.uid !== 0 && typeof i.nproc.soft === 'number') {
    const soft = i.nproc.soft;
    const r = soft > 0 ? i.userTasks / soft : 1;
    const evidence: Evidence[] = [{ source: i.limitsFile, excerpt: i.nproc.line.trim() }, { source: '/proc/*/status', excerpt: `${i.userTasks} threads in processes with Uid ${i.uid}` }, ...limitSourceEvidence('nproc', i.sources)];
    const fix = rlimitFixes('rlimit-raise-nproc', 'nproc', Math.max(65536, soft * 4), i.sources);
    if (r >= WARN_RATIO) {
      const error = r >= ERROR_RATIO;
      out.push({
        classId: 'process-limit',
        severity: error ? 'error' : 'warning',
        confidence: error ? 0.85 : 0.6,
        message: `uid ${i.uid} runs ${i.userTasks} tasks against its RLIMIT_NPROC of ${soft} (${pct(r)}): Go programs fail with "failed to create new OS thread" and go build with "resource temporarily unavailable".`,
        evidence,
        fixes: fix,
      });
    } else if (i.needs && soft - i.userTasks < i.needs.normal) {
      const left = soft - i.userTasks;
      const error = left < i.needs.trivial;
      out.push({
        classId: 'process-limit',
        severity: error ? 'error' : 'warning',
        confidence: error ? 0.8 : 0.55,
        message: `RLIMIT_NPROC of uid ${i.uid} is ${soft} with ${i.userTasks} tasks in use: ${left} left, while ${error ? `even a trivial go build (-p 1) needs about ${i.needs.trivial}` : `gopls and a default go build (-p ${i.needs.cpus}) need about ${i.needs.normal}`}. Every thread counts.`,
        evidence: [...evidence, { source: 'estimate', excerpt: i.needs.method }],
        fixes: fix,
      });
    } else if (!i.needs && soft < LOW_NPROC) {
      out.push({
        classId: 'process-limit',
        severity: 'warning',
        confidence: 0.4,
        message: `RLIMIT_NPROC is only ${soft} for uid ${i.uid} (${i.userTasks} in use): every thread counts, and a parallel go build or go test spawns many.`,
        evidence,
        fixes: fix,
      });
    }
  }

  out.push(...openFilesFindings(i.nofile, i.limitsFile, openFileNeeds(i.needs?.cpus ?? 1), i.sources));
  return out;
}

/**
 * RLIMIT_NOFILE against what go build and gopls keep open here (goNeeds.ts openFileNeeds): an
 * error below what go build at its default -p or gopls's start needs, a warning below twice that.
 * Go programs and node raise their soft limit to the hard one when they start, so the hard limit is
 * the one judged: a low soft limit under a high hard one costs them nothing. Pure.
 */
export function openFilesFindings(nofile: ResourceLimit | undefined, limitsFile: string, needs: OpenFileNeeds, sources?: LimitSources): FindingInput[] {
  if (!nofile) return [];
  const hard = nofile.hard;
  if (typeof hard !== 'number' || hard >= needs.headroom) return [];
  const error = hard < needs.need;
  return [
    {
      classId: 'process-limit',
      severity: error ? 'error' : 'warning',
      confidence: error ? 0.85 : 0.55,
      message: error
        ? `Max open files is ${hard} (RLIMIT_NOFILE, hard), below the ${needs.need} that go build at its default parallelism or gopls on a small module keeps open here: go, gopls and the editor fail with "too many open files" (EMFILE).`
        : `Max open files is ${hard} (RLIMIT_NOFILE, hard), less than twice the ${needs.need} that go build and gopls keep open here: a larger package graph, cgo's compilers or a large workspace will fail with "too many open files".`,
      evidence: [
        { source: limitsFile, excerpt: nofile.line.trim() },
        { source: 'estimate', excerpt: needs.method },
        ...limitSourceEvidence('nofile', sources),
      ],
      fixes: sources?.ctx.user ? rlimitFixes('rlimit-raise-nofile', 'nofile', 65536, sources) : [raiseNofileFix()],
    },
  ];
}

/**
 * RLIMIT_AS and RLIMIT_DATA (bytes, soft) against what the go command and gopls reserve here
 * (goNeeds.ts addressSpaceNeeds): an error below what starts them, a warning below what gopls needs
 * for these workspaces. Each limit is per process, so only one process's need is compared. Pure.
 */
export function memoryRlimitFindings(i: { as?: ResourceLimit; data?: ResourceLimit; limitsFile: string; needs: AddressSpaceNeeds; sources?: LimitSources }): FindingInput[] {
  const out: FindingInput[] = [];
  const judge = (l: ResourceLimit | undefined, what: string, item: 'as' | 'data', levels: Array<{ below: number; severity: 'error' | 'warning'; confidence: number; why: string }>): void => {
    if (!l || typeof l.soft !== 'number') return;
    const soft = l.soft;
    const hit = levels.find((x) => soft < x.below);
    if (!hit) return;
    out.push({
      classId: 'memory-limit',
      severity: hit.severity,
      confidence: hit.confidence,
      message: `${what} is ${formatBytes(soft)} (soft; hard ${typeof l.hard === 'number' ? formatBytes(l.hard) : l.hard}): ${hit.why}.`,
      evidence: [
        { source: i.limitsFile, excerpt: l.line.trim() },
        { source: 'estimate', excerpt: i.needs.method },
      ],
      fixes: rlimitFixes(`rlimit-raise-${item}`, item, 'unlimited', i.sources),
    });
  };
  const n = i.needs;
  const dies = 'it dies at once with "runtime: out of memory", "failed to reserve page summary memory" or "pthread_create failed: Resource temporarily unavailable", words that name no limit';
  judge(i.as, 'The address-space limit RLIMIT_AS (ulimit -v)', 'as', [
    // go version and go list still run down to about 750 MB (a tester's go env and go list at 732
    // MiB): what fails first is a build, the compiler and the linker reserving more.
    { below: n.goCommand, severity: 'error', confidence: 0.9, why: `below the about ${formatBytes(n.goCommand)} a build of a hello world needs, so go build, go test and go run fail while the compiler or the linker starts (${dies}; go env and go list may still run), and gopls cannot start at all` },
    { below: n.goplsStart, severity: 'error', confidence: 0.85, why: `below the about ${formatBytes(n.goplsStart)} gopls reserves before it loads anything on ${n.cpus} CPUs, so gopls cannot start (${dies})` },
    ...(n.packages !== undefined && n.gopls > n.goplsStart
      ? [{ below: n.gopls, severity: 'warning' as const, confidence: 0.6, why: `below the about ${formatBytes(n.gopls)} gopls will reserve once it has loaded these workspaces' ${n.packages} packages: it starts, then dies of "out of memory" as it loads` }]
      : []),
  ]);
  judge(i.data, 'The data-segment limit RLIMIT_DATA (ulimit -d, which counts the Go heap)', 'data', [
    { below: n.dataStart, severity: 'error', confidence: 0.85, why: `below the about ${formatBytes(n.dataStart)} of heap gopls maps to start, so gopls cannot start (${dies})` },
    ...(n.packages !== undefined && n.data > n.dataStart
      ? [{ below: n.data, severity: 'warning' as const, confidence: 0.6, why: `below the about ${formatBytes(n.data)} gopls needs for its first load of these workspaces' ${n.packages} packages` }]
      : []),
  ]);
  return out;
}

/**
 * RLIMIT_FSIZE (`ulimit -f`, a judge's or a CI sandbox's) against the largest files Go tooling
 * writes here (goNeeds.ts FILE_SIZE_NEEDS): the compiler and the linker cannot write past it. An
 * error below what a hello world's cold build writes, a warning below gopls's own binary. Pure.
 */
export function fileSizeLimitFindings(fsize: ResourceLimit | undefined, limitsFile: string, sources?: LimitSources): FindingInput[] {
  if (!fsize || typeof fsize.soft !== 'number') return [];
  const soft = fsize.soft;
  const error = soft < FILE_SIZE_NEEDS.trivial;
  if (!error && soft >= FILE_SIZE_NEEDS.normal) return [];
  return [
    {
      classId: 'fs-access',
      severity: error ? 'error' : 'warning',
      confidence: error ? 0.9 : 0.55,
      message: `The file-size limit RLIMIT_FSIZE (ulimit -f) is ${formatBytes(soft)}: ${
        error
          ? `below the about ${formatBytes(FILE_SIZE_NEEDS.trivial)} even a hello world's build writes with a cold build cache (the runtime package's archive), so go build, go run and go test fail with "file too large"`
          : `below the about ${formatBytes(FILE_SIZE_NEEDS.normal)} Go tooling writes at most here: installing gopls (a ${formatBytes(42 * 1000 * 1000)} binary) and the test binaries of large packages fail with "file too large"`
      }.`,
      evidence: [
        { source: limitsFile, excerpt: fsize.line.trim() },
        { source: 'estimate', excerpt: FILE_SIZE_NEEDS.method },
      ],
      fixes: rlimitFixes('rlimit-raise-fsize', 'fsize', 'unlimited', sources),
    },
  ];
}

export async function runProcessLimits(ctx: ProbeContext): Promise<ProbeOutcome> {
  const { host } = ctx;
  if (host.platform !== 'linux') return skipped(`these limits are read from Linux /proc (platform ${host.platform})`);
  const limitsFile = procOf(host, 'self', 'limits');
  const [pidMaxText, threadsMaxText, loadavgText, limitsText, table, fileNrText] = await Promise.all([
    host.readText(PID_MAX_FILE),
    host.readText(THREADS_MAX_FILE),
    host.readText(LOADAVG_FILE),
    host.readText(limitsFile),
    ctx.facts.processTable(),
    host.readText(FILE_NR_FILE),
  ]);
  if (pidMaxText === undefined && limitsText === undefined && host.limitsAtStart === undefined) return skipped(`neither ${PID_MAX_FILE} nor ${limitsFile} is readable`);
  // Out of descriptors now (the limit this probe looks for), the reading made at start stands in.
  const limitsFromStart = limitsText === undefined && host.limitsAtStart !== undefined;
  const limits = parseLimits(limitsText ?? host.limitsAtStart ?? '');
  // The doctor's own tasks are not in use when the user builds: in the CLI none of them stays, in
  // the editor the extension host does but the probes' children do not.
  const ours = ownTasks(host, table.processes, ctx.settings.hostIsEditor === true).pids;
  const own = table.processes.filter((p) => p.uid === host.uid && !ours.has(p.pid));
  const userTasks = own.reduce((n, p) => n + (p.threads ?? 1), 0);
  const allThreads = table.processes.reduce((n, p) => n + (p.threads ?? 1), 0);
  const input: ProcessLimitsInput = {
    pidMax: parseSysctlInt(pidMaxText),
    threadsMax: parseSysctlInt(threadsMaxText),
    // loadavg counts every task cheaply; the scan is the fallback (and misses other namespaces).
    tasks: (loadavgText === undefined ? undefined : parseLoadAvg(loadavgText)?.tasks) ?? (table.truncated ? undefined : allThreads),
    uid: host.uid,
    userTasks,
    nproc: findLimit(limits, 'Max processes'),
    nofile: findLimit(limits, 'Max open files'),
    fileNr: parseFileNr(fileNrText),
    limitsFile,
  };
  const cpus = await cpusFor(host, ctx.env);
  if (cpus) input.needs = taskNeeds(cpus);
  const as = findLimit(limits, 'Max address space');
  const data = findLimit(limits, 'Max data size');
  const fsize = findLimit(limits, 'Max file size');
  // Where the limits are set, read only on a live machine or a fixture tree that has /etc (a
  // few small files): the fixes then name the user and the line that decides.
  const ctxSources = await readLimitSources(host, { nproc: input.nproc, nofile: input.nofile, as, data, fsize }, ctx.env).catch(() => undefined);
  if (ctxSources) input.sources = { ctx: ctxSources, ...(ctx.env.HOME ? { home: ctx.env.HOME } : {}) };
  const findings = processLimitFindings(input);
  // The workspaces' packages are counted (a go list) only when a finite limit is there to judge.
  const limited = typeof as?.soft === 'number' || typeof data?.soft === 'number';
  const packages = limited ? await ctx.facts.workspacePackages().catch(() => undefined) : undefined;
  const memNeeds = limited ? addressSpaceNeeds(cpus ?? 1, packages?.count, packages?.sourceBytes) : undefined;
  if (memNeeds) findings.push(...memoryRlimitFindings({ as, data, limitsFile, needs: memNeeds, ...(input.sources ? { sources: input.sources } : {}) }));
  findings.push(...fileSizeLimitFindings(fsize, limitsFile, input.sources));
  const show = (l: ResourceLimit | undefined) => (l ? { soft: l.soft, hard: l.hard } : undefined);
  const unjudged = limitsText === undefined && !limitsFromStart;
  return {
    findings,
    // Not "ok" when the rlimits could not be read at all: nothing was judged of them.
    ...(unjudged && !findings.length ? { status: 'warn' as const, reason: `${limitsFile} could not be read, so RLIMIT_NOFILE, RLIMIT_NPROC and the memory rlimits were not judged` } : {}),
    observed: {
      pidMax: input.pidMax,
      threadsMax: input.threadsMax,
      tasks: input.tasks,
      threadsCounted: allThreads,
      uid: host.uid,
      userProcesses: own.length,
      userTasks,
      maxProcesses: show(input.nproc),
      maxOpenFiles: show(input.nofile),
      fileHandles: input.fileNr,
      maxAddressSpace: show(as),
      maxDataSize: show(data),
      maxFileSize: show(fsize),
      ...(memNeeds ? { memoryNeeds: { goCommand: memNeeds.goCommand, goplsStart: memNeeds.goplsStart, gopls: memNeeds.gopls, dataStart: memNeeds.dataStart, data: memNeeds.data, packages: memNeeds.packages } } : {}),
      ...(host.uid === 0 ? { nprocNote: 'uid 0 is exempt from RLIMIT_NPROC: no finding is made for it' } : {}),
      processTableTruncated: table.truncated,
      ...(limitsFromStart ? { limitsRead: `${limitsFile} as read when the doctor started: it could not be opened again during the run` } : {}),
      ...(unjudged ? { limitsUnreadable: `${limitsFile} could not be read: the rlimits were not judged` } : {}),
    },
  };
}

export const processLimitsProbe: Probe = {
  id: 'process-limits',
  title: 'Kernel and rlimit process limits',
  classes: ['process-limit', 'memory-limit', 'fs-access'],
  run: runProcessLimits,
};
