// A SIGKILL a log tells of ("Server process exited with signal SIGKILL.", exit status 137,
// "signal: killed") is what the OOM killer of a memory limit sends, and what kill -9, a supervisor
// or a watchdog sends. Read alone it stays a memory-limit symptom; on the live host the kernel log
// is asked, as stoppedLogs.ts asks it for a log that just stops: a tester's plain `kill -9` of gopls
// (f25) was put first as "how a memory limit's OOM kill looks" from the editor's channel, while the
// same run's -logfile was checked and said "no OOM kill". With the kernel log read and no OOM kill
// in it from when the log was written, the kill is no memory limit's: it becomes gopls-launch's
// symptom and says so. An OOM kill from then leaves the reading as it was.
import { promises as fs } from 'node:fs';
import type { FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { couldWrite, readTimedKills, type TimedKill } from './stoppedLogs.js';

/**
 * A kill comes this long before the line that tells of it at most: the editor reports its
 * server's exit at once, gopls a go command's "signal: killed" when the load returns; the kernel's
 * stamp, placed on the wall clock, and a log's whole seconds differ by a second or two more.
 */
const BEFORE_LINE_MS = 30_000;
const AFTER_LINE_MS = 5_000;

/**
 * When a line was written, from its own stamp: gopls's "2026/12/06 04:31:02" or the editor
 * client's "[Error - 4:35:13 AM]" (time of day only: the day is the log's last write's, or the
 * day before when that time is later than the write). Local time, as both print it. Pure.
 */
export function lineTimeMs(excerpt: string, lastWriteMs: number): number | undefined {
  const full = /\b(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})\b/.exec(excerpt);
  if (full) return new Date(+full[1]!, +full[2]! - 1, +full[3]!, +full[4]!, +full[5]!, +full[6]!).getTime();
  const client = /^\[(?:Info|Warn|Error|Trace|Debug)\s*- (\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)? (AM|PM)\]/.exec(excerpt);
  if (!client) return undefined;
  const h = (+client[1]! % 12) + (client[4] === 'PM' ? 12 : 0);
  const day = new Date(lastWriteMs);
  let t = new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, +client[2]!, +client[3]!).getTime();
  if (t > lastWriteMs + AFTER_LINE_MS) t -= 24 * 3600_000;
  return t;
}

const isKilledSymptom = (f: FindingInput) => f.classId === 'memory-limit' && f.role === 'symptom' && f.symptom === 'killed';

/**
 * The killed symptoms retold where the kernel log, reaching back far enough, holds no OOM kill near
 * the lines' times. A kill counts only where its victim may be of the log's user (`owners`: each
 * log's file owner): another user's process killed in the same seconds is not what this log tells. Pure.
 */
export function notOomKilled(findings: readonly FindingInput[], lastWrite: ReadonlyMap<string, number>, kills: readonly TimedKill[], firstAtMs: number | undefined, kernelSource: string, owners: ReadonlyMap<string, number> = new Map()): FindingInput[] {
  return findings.map((f) => {
    if (!isKilledSymptom(f) || firstAtMs === undefined) return f;
    const times = f.evidence.flatMap((e) => {
      const w = lastWrite.get(e.source);
      const t = w === undefined ? undefined : lineTimeMs(e.excerpt, w);
      return t === undefined ? [] : [t];
    });
    // Every line must be placed in time, and the kernel log must reach back to the first of them.
    if (!times.length || times.length < f.evidence.length || firstAtMs > Math.min(...times) - BEFORE_LINE_MS) return f;
    const uids = new Set(f.evidence.flatMap((e) => owners.get(e.source) ?? []));
    // The stopped-log check's rule (couldWrite): a kill of another user's gopls is not this log's.
    const ours = kills.filter((k) => !uids.size || [...uids].some((uid) => couldWrite(k.kill, { uid })));
    if (ours.some((k) => times.some((t) => k.atMs >= t - BEFORE_LINE_MS && k.atMs <= t + AFTER_LINE_MS))) return f;
    const at = (ms: number) => new Date(ms).toTimeString().slice(0, 8);
    return {
      ...f,
      classId: 'gopls-launch',
      message: `${f.message.replace(/\.$/, '')}. Here the kernel log holds no OOM kill from then (${times.map(at).join(', ')}): no memory limit killed it; another process sent SIGKILL (kill -9, a supervisor, a watchdog, the editor).`,
      evidence: [...f.evidence, { source: kernelSource, excerpt: `no OOM-killer record within ${BEFORE_LINE_MS / 1000} s before ${times.map(at).join(', ')}` }],
      fixes: [],
    };
  });
}

/** On the live Linux host, the kernel log's word on each killed symptom of a log (above). */
export async function withKernelKillCheck(ctx: ProbeContext, findings: FindingInput[]): Promise<FindingInput[]> {
  if (!ctx.host.live || ctx.host.platform !== 'linux' || !findings.some(isKilledSymptom)) return findings;
  const lastWrite = new Map<string, number>();
  const owners = new Map<string, number>();
  for (const f of findings.filter(isKilledSymptom)) {
    for (const e of f.evidence) {
      if (lastWrite.has(e.source)) continue;
      const st = await fs.stat(e.source).catch(() => undefined);
      if (st) {
        lastWrite.set(e.source, st.mtimeMs);
        owners.set(e.source, st.uid);
      }
    }
  }
  if (!lastWrite.size) return findings;
  const kernel = await readTimedKills(ctx);
  return kernel.kills ? notOomKilled(findings, lastWrite, kernel.kills, kernel.firstAtMs, kernel.source, owners) : findings;
}
