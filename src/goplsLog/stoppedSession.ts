// Does a trace's last session just stop? gopls writes nothing when it is SIGKILLed (the OOM killer,
// `kill -9`, a supervisor), and a panic's stack goes to its stderr, not to its -logfile: such a
// log ends mid-session, with no shutdown or exit from the editor and no line of the death. Measured
// with the pinned gopls v0.23.0: a log whose gopls ended any other way says so (the editor's
// shutdown/exit records), and one still being written is the same shape, which only the machine
// can tell apart (src/probes/stoppedLogs.ts). Pure.
import type { LogSummary } from './analyzer.js';
import { ruleById, type RuleId } from './rules.js';
import type { SymptomKind } from '../doctor/model.js';

export interface StoppedSession {
  /** The last record's line, its header as written, and its time of day (ServerStart.dayMs). */
  line: number;
  text: string;
  dayMs?: number;
  /** The line of the session's initialize. */
  startLine: number;
}

/** The ways a rule's line tells that gopls ended (a death, a kill, a refusal that ends it). */
const DEATH_KINDS: ReadonlySet<SymptomKind> = new Set(['died', 'killed', 'signalled', 'out-of-memory', 'thread-create', 'init-died']);

/**
 * The log's last session when it stops without a word: an initialize, then neither the editor's
 * shutdown/exit nor a crash nor any line that tells of gopls's end (a rule of a death, or any
 * memory-limit or process-limit line after the start). A rule whose lines were too many to keep
 * (only the first MAX_EVENTS_PER_RULE are) may have told of it later: then the log is not read as
 * silent. Undefined for every other log.
 */
export function stoppedSession(s: LogSummary): StoppedSession | undefined {
  const last = s.lastSession;
  if (!last || last.endedByEditor) return undefined;
  if (s.crashes.some((c) => c.line > last.startLine)) return undefined;
  const kept = new Map<RuleId, number>();
  for (const e of s.events) kept.set(e.ruleId, (kept.get(e.ruleId) ?? 0) + 1);
  for (const [id, n] of Object.entries(s.eventCounts) as Array<[RuleId, number]>) {
    if (n > (kept.get(id) ?? 0) && tellsOfEnd(id)) return undefined;
  }
  if (s.events.some((e) => e.line > last.startLine && tellsOfEnd(e.ruleId))) return undefined;
  return { line: last.lastRecordLine, text: last.lastRecordText, ...(last.lastRecordDayMs !== undefined ? { dayMs: last.lastRecordDayMs } : {}), startLine: last.startLine };
}

/**
 * Does the log tell, anywhere, of gopls's death in words (the client's "Connection to server got
 * closed", a crash, an OOM kill)? Such a line in the editor's channel is the same death a trace
 * that just stops shows: one symptom, not two. Pure.
 */
export function tellsOfDeath(s: LogSummary): boolean {
  return s.crashes.some((c) => c.owner === 'gopls') || (Object.keys(s.eventCounts) as RuleId[]).some(tellsOfEnd);
}

function tellsOfEnd(id: RuleId): boolean {
  const r = ruleById(id);
  if (r.symptom && DEATH_KINDS.has(r.symptom)) return true;
  // Out-of-memory and task-limit lines are what a gopls dies of even when their rule is a cause.
  return (r.classId === 'memory-limit' || r.classId === 'process-limit') && r.severity !== 'info';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When, on the wall clock, the last record was written: its time of day (the writer's local time)
 * on the day of the file's last modification, a day earlier when that would put it after the
 * modification (a log written up to just before midnight and copied after). Without a time of day,
 * the modification time itself. Pure (the time zone is the process's, as the writer's on this machine).
 */
export function lastRecordAt(mtimeMs: number, dayMs: number | undefined): number {
  if (dayMs === undefined) return mtimeMs;
  const d = new Date(mtimeMs);
  const midnight = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  let t = midnight + (dayMs % DAY_MS);
  // A record stamped a little after the write the file's clock saw is the same moment (measured:
  // the last record's stamp 6 ms after the mtime); a minute after is yesterday's.
  if (t > mtimeMs + 60_000) t -= DAY_MS;
  return t;
}
