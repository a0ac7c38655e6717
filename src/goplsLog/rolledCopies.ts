// The same channel lines in two files: VS Code's persisted "gopls (server)" channel and a rolled
// copy of it that still holds lines the live file has. Each file is read on its own, so one failure
// was counted once in each (a tester's "2 lines said it" for one event). An event on a line the
// channel stamped with its date and time to the millisecond, with the same words as an event of a
// file read before, is that event again; unstamped lines (a -logfile, a trace) are never merged.
import type { LogSummary } from './analyzer.js';

/** The identity of a stamped event across files. */
function keyOf(e: { ruleId: string; stamp?: string; text: string }): string | undefined {
  return e.stamp === undefined ? undefined : `${e.ruleId}\u0000${e.stamp}\u0000${e.text}`;
}

/**
 * The summary without the events `seen` (from files read before) already holds, their counts
 * lowered to match; the rest are added to `seen`. Pure but for `seen`.
 */
export function withoutEventsSeen(s: LogSummary, seen: Set<string>): LogSummary {
  const dropped = new Map<string, number>();
  const events = s.events.filter((e) => {
    const k = keyOf(e);
    if (k === undefined) return true;
    if (seen.has(k)) {
      dropped.set(e.ruleId, (dropped.get(e.ruleId) ?? 0) + 1);
      return false;
    }
    return true;
  });
  for (const e of events) {
    const k = keyOf(e);
    if (k !== undefined) seen.add(k);
  }
  if (!dropped.size) return s;
  const eventCounts = { ...s.eventCounts };
  for (const [id, n] of dropped) {
    const left = (eventCounts[id as keyof typeof eventCounts] ?? 0) - n;
    if (left > 0) eventCounts[id as keyof typeof eventCounts] = left;
    else delete eventCounts[id as keyof typeof eventCounts];
  }
  return { ...s, events, eventCounts };
}
