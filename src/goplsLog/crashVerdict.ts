// Why did gopls die? Pure: given what its logs said and what the kernel said (a cgroup's
// oom_kill counter moving, the kernel log's OOM records, the exit code or signal, when it was
// started), name one cause with the evidence for it. The crash watcher and the logs probe call it.
import { FindingSchema, type ClassId, type Evidence, type Finding, type Report, type Role, type SymptomKind } from '../doctor/model.js';
import { checksFor, explainsSymptom, tellsOfGoplsDeath } from '../doctor/explain.js';
import { TAXONOMY } from '../doctor/taxonomy.js';
import type { CrashRecord, LogSummary } from './analyzer.js';
import { matchRules } from './rules.js';
import type { Rule } from './rules/rule.js';
import { parseKernelOomKills } from '../procfs/oomKills.js';

export type CrashKind =
  /** The kernel's OOM killer ended it (cgroup oom_kill moved, or the kernel log names it). */
  | 'oom-kill'
  /** The Go runtime could not get memory: "fatal error: runtime: out of memory". */
  | 'out-of-memory'
  | 'panic'
  /** Another fatal runtime error (stack overflow, concurrent map writes, thread creation). */
  | 'fatal-error'
  | 'killed-by-signal'
  /** It exited (non-zero, or before answering initialize) soon after it was started. */
  | 'failed-start'
  /** Started again and again within a short window, with no better cause known. */
  | 'crash-loop'
  /** It exited with a code and nothing says why. */
  | 'exited'
  /** Nothing says it died. */
  | 'none';

export interface CrashInput {
  /** Parsed logs of the server (the channel it wrote stderr to, traces, -logfile). */
  logs?: Array<{ source: string; summary: LogSummary }>;
  /**
   * memory.events oom_kill (v2) or memory.oom_control oom_kill (v1) before and after. Without
   * `before` the count is cumulative (kills from any time since the cgroup was made): evidence of
   * a tight limit, never of this death.
   */
  oomKill?: { before?: number; after: number; source: string };
  /** pids.events max before and after: forks and thread creations the pids limit refused meanwhile. */
  pidsMax?: { before: number; after: number; source: string; limit?: number };
  /** Kernel log text where readable (dmesg, /dev/kmsg, journal). */
  kernelLog?: { source: string; text: string };
  /** How the gopls process ended, as its parent saw it. */
  exit?: { code?: number | null; signal?: string | null; source: string; pid?: number; ranMs?: number; initialized?: boolean };
  /** Epoch ms of each start of the server, if the caller tracks them. */
  starts?: number[];
  /** "N starts within M ms" is a loop; vscode-languageclient gives up after 5 in 3 minutes. */
  crashLoop?: { starts: number; withinMs: number };
}

export interface CrashVerdict {
  kind: CrashKind;
  classId: ClassId;
  /** One sentence for a person. */
  summary: string;
  /** A cause (OOM kill, a panic: a gopls bug) or only a symptom (killed, exited) that something else must explain. */
  role: Role;
  symptom?: SymptomKind;
  confidence: number;
  evidence: Evidence[];
  /** Sanitized stack for a bug report (panics and fatal errors). */
  stack?: string[];
  /** Set when the starts form a loop, whatever the cause. */
  crashLoop?: { starts: number; withinMs: number };
}

export const DEFAULT_CRASH_LOOP = { starts: 5, withinMs: 3 * 60 * 1000 };
/** A server that dies within this long of starting failed to start. */
const FAILED_START_MS = 10_000;

// The OOM killer's records are read in procfs/oomKills.ts; re-exported for the log package's users.
export { parseKernelOomKills, type KernelOomKill } from '../procfs/oomKills.js';

/** The largest number of starts inside any window of withinMs. Pure. */
export function maxStartsWithin(starts: readonly number[], withinMs: number): number {
  const s = [...starts].sort((a, b) => a - b);
  let best = 0;
  let i = 0;
  for (let j = 0; j < s.length; j++) {
    while (s[j]! - s[i]! > withinMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

export function crashVerdict(input: CrashInput): CrashVerdict {
  const loopRule = input.crashLoop ?? DEFAULT_CRASH_LOOP;
  const logs = input.logs ?? [];
  // Another program's crash (its stack shows its own code and none of gopls's) says nothing about gopls.
  const crashes = logs.flatMap((l) => l.summary.crashes.filter((c) => c.owner !== 'other').map((c) => ({ source: l.source, c })));
  const last = <T>(xs: T[]) => xs[xs.length - 1];
  const ex = input.exit;
  const exitEvidence: Evidence[] = ex ? [{ source: ex.source, excerpt: exitText(ex) }] : [];

  // Starts: the caller's clock, else each log's initialize times (same file, same day).
  let starts = input.starts ?? [];
  let startEvidence: Evidence[] = [];
  if (!starts.length) {
    for (const l of logs) {
      // A start after the editor itself ended the last session (shutdown/exit: a restart, a
      // window reload) is no sign of a death: only the others can make a crash loop. Measured:
      // six clean sessions in one trace were "started 6 times … a crash loop", exit 2.
      const s = l.summary.serverStarts.filter((x) => x.dayMs !== undefined && !x.afterCleanEnd);
      if (s.length > starts.length) {
        starts = s.map((x) => x.dayMs!);
        startEvidence = s.slice(-loopRule.starts).map((x) => ({ source: l.source, line: x.line, excerpt: `initialize (server start) at ${x.time ?? '?'}` }));
      }
    }
  } else startEvidence = [{ source: 'gopls starts', excerpt: starts.map((t) => new Date(t).toISOString()).join(', ') }];
  const inWindow = maxStartsWithin(starts, loopRule.withinMs);
  const crashLoop = inWindow >= loopRule.starts ? { starts: inWindow, withinMs: loopRule.withinMs } : undefined;
  const loopNote = crashLoop ? ` It was started ${crashLoop.starts} times within ${Math.round(crashLoop.withinMs / 60000)} minutes (a crash loop).` : '';
  const withLoop = (v: Omit<CrashVerdict, 'crashLoop'>): CrashVerdict => (crashLoop ? { ...v, summary: v.summary + loopNote, crashLoop } : v);

  // 1. The kernel's OOM killer: a kill counted while this gopls ran, or a kernel record naming it.
  const oomDelta = input.oomKill?.before !== undefined ? input.oomKill.after - input.oomKill.before : 0;
  const kernelKills = input.kernelLog ? parseKernelOomKills(input.kernelLog.text).filter((k) => (ex?.pid ? k.pid === ex.pid : /gopls/.test(k.comm))) : [];
  // The editor's crash watcher sees gopls vanish but not its exit status (the Go extension holds
  // the handle): an unknown status does not rule a SIGKILL out.
  const statusUnknown = !!ex && (ex.signal === undefined || ex.signal === null) && (ex.code === undefined || ex.code === null);
  const killedHard = !ex || ex.signal === 'SIGKILL' || ex.code === 137 || statusUnknown;
  if ((oomDelta > 0 && killedHard) || kernelKills.length) {
    const evidence: Evidence[] = [];
    if (oomDelta > 0) evidence.push({ source: input.oomKill!.source, excerpt: `oom_kill ${input.oomKill!.before ?? 0} → ${input.oomKill!.after}` });
    for (const k of kernelKills.slice(-3)) evidence.push({ source: input.kernelLog!.source, excerpt: k.line });
    evidence.push(...exitEvidence);
    return withLoop({
      kind: 'oom-kill',
      role: 'cause',
      classId: 'memory-limit',
      // Without the exit status or a record naming gopls, another process of the cgroup may have been the victim.
      confidence: kernelKills.length ? 0.95 : statusUnknown ? 0.85 : 0.9,
      summary: `The kernel's OOM killer ended gopls${ex?.signal ? ` (${ex.signal})` : ''}: its memory cgroup reached its limit. A Go program killed this way leaves no stack trace.`,
      evidence,
    });
  }

  // 2. What the Go runtime said on its way out; the last crash in the logs is the one that ended it.
  // The runtime's words for "no more memory": out of memory, ENOMEM, an address space too small
  // for its arenas (ulimit -v), Windows' full paging file (VirtualAlloc errno=1455).
  const oom = last(crashes.filter((x) => /out of memory|cannot allocate memory|cannot reserve arena|failed to reserve page summary memory|VirtualAlloc of \d+ bytes failed/.test(x.c.message)));
  if (oom) {
    return withLoop({
      kind: 'out-of-memory',
      // What gopls saw, not why (explain.ts 'out-of-memory'): a memory limit or an exhausted machine
      // found in this run explains it; gopls's own appetite (a leak, a huge workspace load) prints
      // the same words.
      role: 'symptom',
      symptom: 'out-of-memory',
      classId: 'memory-limit',
      confidence: 0.9,
      summary: 'gopls died with "fatal error: runtime: out of memory": it could not get more memory from the kernel (a memory limit, an exhausted machine, or more memory than gopls should need).',
      evidence: [crashEvidence(oom.source, oom.c), ...exitEvidence],
      stack: oom.c.stack,
    });
  }
  // The pids limit refused forks or threads while this gopls ran (pids.events max rose).
  const pidsRefused = input.pidsMax && input.pidsMax.after > input.pidsMax.before ? input.pidsMax : undefined;
  const pidsEvidence: Evidence[] = pidsRefused
    ? [{ source: pidsRefused.source, excerpt: `max ${pidsRefused.before} → ${pidsRefused.after}${pidsRefused.limit !== undefined ? ` (pids.max ${pidsRefused.limit})` : ''}` }]
    : [];
  const fatalOrPanic = last(crashes.filter((x) => x.c.kind !== 'signal'));
  if (fatalOrPanic) {
    const c = fatalOrPanic.c;
    const thread = /failed to create new OS thread|newosproc|pthread_create/.test(c.message + c.stack.join('\n'));
    if (thread && pidsRefused) {
      return withLoop({
        kind: 'fatal-error',
        role: 'cause',
        classId: 'process-limit',
        confidence: 0.95,
        summary: `gopls died because it could not create a thread (${c.message}) while the pids limit refused ${pidsRefused.after - pidsRefused.before} fork${pidsRefused.after - pidsRefused.before === 1 ? '' : 's'} or thread creation${pidsRefused.after - pidsRefused.before === 1 ? '' : 's'}.`,
        evidence: [crashEvidence(fatalOrPanic.source, c), ...pidsEvidence, ...exitEvidence],
        stack: c.stack,
      });
    }
    // A panic whose own message a rule reads as the environment's fault ("get user cache dir:
    // neither $XDG_CACHE_HOME nor $HOME are defined": a process started without HOME) is no gopls
    // bug: gopls died of that cause, which the ranking then puts first (explain.ts, "died").
    const envCause = c.kind === 'panic' && !thread ? environmentCauseOf(c.message) : undefined;
    if (envCause) {
      return withLoop({
        kind: 'panic',
        role: 'symptom',
        symptom: 'died',
        classId: 'gopls-launch',
        confidence: 0.9,
        summary: `gopls panicked: ${c.message}. The message names its cause, not a gopls bug: ${envCause.says ?? TAXONOMY[envCause.classId].title}.`,
        evidence: [crashEvidence(fatalOrPanic.source, c), ...exitEvidence],
        stack: c.stack,
      });
    }
    return withLoop({
      kind: c.kind === 'panic' ? 'panic' : 'fatal-error',
      // A panic or fatal error is gopls's own bug (a cause); failing to create a thread is a symptom of a limit.
      ...(thread ? { role: 'symptom' as const, symptom: 'thread-create' as const } : { role: 'cause' as const }),
      classId: thread ? 'process-limit' : 'gopls-launch',
      confidence: 0.9,
      summary:
        c.kind === 'panic'
          ? `gopls${c.goplsVersion ? ` ${c.goplsVersion}` : ''} panicked: ${c.message}. This is a gopls bug; the sanitized stack below is what its issue tracker needs${c.goplsVersion ? ` (the stack's paths name gopls ${c.goplsVersion}: a newer gopls may have fixed it, so check with the one installed before reporting)` : ''}.`
          : thread
            ? `gopls died because it could not create a thread (${c.message}): a process or thread limit was reached.`
            : `gopls died with a fatal runtime error: ${c.message}.`,
      evidence: [crashEvidence(fatalOrPanic.source, c), ...exitEvidence],
      stack: c.stack,
    });
  }

  // A Go program that cannot create a thread aborts; with no log to say so, a vanished gopls and
  // the pids limit refusing in the meantime are the evidence.
  if (pidsRefused && statusUnknown) {
    return withLoop({
      kind: 'exited',
      role: 'cause',
      classId: 'process-limit',
      confidence: 0.8,
      summary: `gopls stopped while the pids limit refused ${pidsRefused.after - pidsRefused.before} fork${pidsRefused.after - pidsRefused.before === 1 ? '' : 's'} or thread creation${pidsRefused.after - pidsRefused.before === 1 ? '' : 's'}: the Go runtime aborts when it cannot create a thread ("failed to create new OS thread").`,
      evidence: [...pidsEvidence, ...exitEvidence],
    });
  }

  // 3. A signal, as the parent saw it or as the runtime's dump says.
  const dump = last(crashes.filter((x) => x.c.kind === 'signal'));
  // cgo's runtime aborts the process itself when it cannot start a thread ("runtime/cgo:
  // pthread_create failed: Resource temporarily unavailable", then "SIGABRT: abort" and a dump):
  // no kill from outside, but a task limit (a tester's gopls in a pids cgroup of 14, f19).
  const aborted = dump && /^SIGABRT\b/.test(dump.c.message) ? threadFailureBefore(logs, dump.source, dump.c.line) : undefined;
  if (dump && aborted) {
    return withLoop({
      kind: 'killed-by-signal',
      role: 'symptom',
      symptom: 'thread-create',
      classId: 'process-limit',
      confidence: 0.9,
      summary: `gopls aborted itself (SIGABRT) because it could not create a thread ("${aborted.text.trim().slice(0, 160)}"): a process or thread limit was reached (a pids cgroup's pids.max, RLIMIT_NPROC / ulimit -u, kernel.threads-max).`,
      evidence: [{ source: dump.source, line: aborted.line, excerpt: aborted.text }, crashEvidence(dump.source, dump.c), ...exitEvidence],
      stack: dump.c.stack,
    });
  }
  if (ex?.signal || dump) {
    const sig = ex?.signal ?? dump!.c.message.split(':')[0]!;
    const evidence = [...exitEvidence, ...(dump ? [crashEvidence(dump.source, dump.c)] : [])];
    // The Go runtime's dump says who sent the signal: sigcode=0 (SI_USER) or -6 (SI_TKILL) is
    // kill(2) from a process, not a fault of gopls's own (a tester's `kill -SEGV` read as a crash).
    const sigcode = dump ? /\bsigcode=(-?\d+)\b/.exec(dump.c.stack.join('\n'))?.[1] : undefined;
    const sent = sigcode === '0' || sigcode === '-6';
    return withLoop({
      kind: 'killed-by-signal',
      role: 'symptom',
      symptom: sig === 'SIGKILL' ? 'killed' : sent ? 'signalled' : 'died',
      classId: 'gopls-launch',
      confidence: 0.8,
      summary:
        sig === 'SIGKILL'
          ? 'gopls was killed by SIGKILL and no OOM kill was recorded for its cgroup: something outside it (a supervisor, a user, a limit) killed it.'
          : sent
            ? `gopls was killed by ${sig}, sent by another process (sigcode=${sigcode}: kill(2), not a fault in gopls): a user, a supervisor or a script stopped it.`
            : `gopls was killed by ${sig}.`,
      evidence,
      ...(dump ? { stack: dump.c.stack } : {}),
    });
  }

  // 4. It exited on its own, early or before the handshake.
  const startupWords = logs.flatMap((l) =>
    l.summary.events.filter((e) => e.ruleId === 'go-too-old' || e.ruleId === 'gopls-built-unsupported' || e.ruleId === 'go-missing').map((e) => ({ source: l.source, e })),
  );
  if (ex && ex.code !== undefined && ex.code !== null && (ex.code !== 0 || ex.initialized === false)) {
    const early = ex.initialized === false || (ex.ranMs !== undefined && ex.ranMs < FAILED_START_MS);
    if (early || startupWords.length) {
      const why = startupWords[0];
      return withLoop({
        kind: 'failed-start',
        ...(why ? { role: 'cause' as const } : { role: 'symptom' as const, symptom: 'died' as const }),
        classId: why ? (why.e.classId as ClassId) : 'gopls-launch',
        confidence: why ? 0.85 : 0.7,
        summary: `gopls exited with code ${ex.code} ${ex.initialized === false ? 'before answering initialize' : `${Math.round((ex.ranMs ?? 0) / 1000)} s after it started`}${why ? `: ${why.e.text.slice(0, 200)}` : ''}.`,
        evidence: [...exitEvidence, ...startupWords.slice(0, 3).map((w) => ({ source: w.source, line: w.e.line, excerpt: w.e.text }))],
      });
    }
  }
  if (crashLoop) {
    return {
      kind: 'crash-loop',
      role: 'symptom',
      symptom: 'died',
      classId: 'gopls-launch',
      confidence: 0.75,
      summary: `gopls was started ${crashLoop.starts} times within ${Math.round(crashLoop.withinMs / 60000)} minutes and nothing recorded why it stopped each time.`,
      evidence: [...startupEvidenceOr(startEvidence), ...exitEvidence],
      crashLoop,
    };
  }
  if (ex && ((ex.code !== undefined && ex.code !== null && ex.code !== 0) || ex.signal)) {
    return { kind: 'exited', role: 'symptom', symptom: 'died', classId: 'gopls-launch', confidence: 0.5, summary: `gopls exited with code ${ex.code} and nothing recorded why.`, evidence: exitEvidence };
  }
  return { kind: 'none', role: 'symptom', classId: 'gopls-launch', confidence: 0, summary: 'Nothing says gopls died.', evidence: exitEvidence };
}

function startupEvidenceOr(e: Evidence[]): Evidence[] {
  return e.length ? e : [{ source: 'gopls starts', excerpt: 'starts counted by the caller' }];
}

function crashEvidence(source: string, c: CrashRecord): Evidence {
  return { source, line: c.line, excerpt: c.stack.slice(0, 12).join('\n') };
}

function exitText(ex: NonNullable<CrashInput['exit']>): string {
  const how = ex.signal ? `killed by ${ex.signal}` : `exited with code ${ex.code ?? '?'}`;
  return `gopls${ex.pid ? ` (pid ${ex.pid})` : ''} ${how}${ex.ranMs !== undefined ? ` after ${Math.round(ex.ranMs)} ms` : ''}${ex.initialized === false ? ', before answering initialize' : ''}`;
}

export interface CrashAttribution {
  /** The class the crash is put down to; absent when nothing found explains it. */
  classId?: ClassId;
  explained: boolean;
  /** One sentence for the crash notification and the status-bar tooltip. */
  line: string;
}

/**
 * What a crash is put down to, by the same inference as the ranking (src/doctor/explain.ts): the
 * verdict itself when it names a cause (an OOM kill, a panic: a gopls bug), else the first cause
 * of the report, in rank order, holding a finding that explains this kind of death. Otherwise the
 * crash is unexplained and the line says what would explain it. Pure.
 */
export function attributeCrash(v: CrashVerdict, report?: Pick<Report, 'causes' | 'probes'>): CrashAttribution {
  if (v.role === 'cause' && v.kind !== 'none') {
    const what =
      v.kind === 'panic' ? 'a bug in gopls (it panicked; the stack is in the log)' : v.kind === 'fatal-error' && v.classId === 'gopls-launch' ? 'a fatal runtime error in gopls' : TAXONOMY[v.classId].title;
    return { classId: v.classId, explained: true, line: `Cause: ${what}.` };
  }
  // What was observed, as a finding the explanation table can judge.
  const symptom = FindingSchema.parse({
    classId: v.classId,
    severity: 'error',
    confidence: v.confidence,
    message: v.summary,
    evidence: v.evidence,
    role: 'symptom',
    symptom: v.symptom ?? 'died',
  });
  // A cumulative record (oom_kill since the cgroup was made) happened at some time, not
  // necessarily now: it never explains this crash on its own, and is named for what it is. What
  // holds now (a limit, a mount, a policy) or was counted during the run does.
  const ties = (f: Finding) => !f.pastEvents && explainsSymptom(f, symptom);
  for (const c of report?.causes ?? []) {
    if (c.findings.some(ties)) return { classId: c.id, explained: true, line: `Explained by: ${c.title}.` };
  }
  const possible = (report?.causes ?? []).find((c) => c.findings.some((f) => explainsSymptom(f, symptom)));
  const checks = checksFor(symptom, report?.probes);
  const looked = checks.filter((c) => c.result === 'found-nothing').map((c) => c.check);
  const other = checks.filter((c) => c.result !== 'found-nothing').map((c) => c.check);
  const parts = [looked.length ? `checked without finding a cause: ${looked.join('; ')}` : '', other.length ? `${looked.length ? 'not checked' : 'what would explain it'}: ${other.join('; ')}` : ''].filter(Boolean);
  const past = possible ? ` Possible: "${possible.title}" (earlier records), but nothing recorded while this gopls ran ties it to this death.` : '';
  return { explained: false, line: `Unexplained: nothing found explains this crash (${parts.join('; ')}).${past}` };
}

/**
 * A rule of a class that can kill gopls (explain.ts "died"), other than gopls-launch itself, that
 * names a cause in a panic's message, if any. Pure.
 */
function environmentCauseOf(message: string): Rule | undefined {
  return matchRules(message).find((r) => r.classId !== 'gopls-launch' && r.role !== 'symptom' && tellsOfGoplsDeath(r));
}

/** The thread-creation failure a log reads in the few lines just before a dump (cgo prints it, then aborts). Pure. */
function threadFailureBefore(logs: NonNullable<CrashInput['logs']>, source: string, dumpLine: number): { line: number; text: string } | undefined {
  const log = logs.find((l) => l.source === source);
  return log?.summary.events.find((e) => e.ruleId === 'thread-create-failed' && e.line < dumpLine && e.line >= dumpLine - 3);
}
