// The commands of a run still running, so that a probe stopped at its deadline can say what it was
// waiting for. A tester's `go` on PATH hung: ten probes read "did not finish: probe deadline of
// 5000 ms" and nothing named the go that never answered. Commands are kept per run (the run's
// marker, runMarker.ts), not per probe: a fact such as `go env` runs once, in the first asking
// probe's async context, and every probe that awaits it waits for that same command.
import { currentRunMarker } from './runMarker.js';

interface Running {
  commandLine: string;
  started: number;
}

const byRun = new Map<string, Set<Running>>();

/** Notes a command started in the current run; the returned function forgets it. Outside a run: nothing. */
export function noteRunning(commandLine: string): () => void {
  const marker = currentRunMarker();
  if (!marker) return () => undefined;
  const entry = { commandLine, started: performance.now() };
  let set = byRun.get(marker);
  if (!set) byRun.set(marker, (set = new Set()));
  set.add(entry);
  return () => {
    set.delete(entry);
    if (!set.size) byRun.delete(marker);
  };
}

/** Longer command lines are cut: the reason is one line of a probe table. */
const SHOWN_CHARS = 100;
/** The longest-running few are named; the rest counted. */
const SHOWN_COMMANDS = 2;

/**
 * "still running then: `go env -json` (for 5.0 s)", the longest-running first, or undefined when the
 * run has none. Pure but for the clock: `now` and the list come in.
 */
export function runningWords(list: readonly Running[], now: number): string | undefined {
  if (!list.length) return undefined;
  const sorted = [...list].sort((a, b) => a.started - b.started);
  const shown = sorted.slice(0, SHOWN_COMMANDS).map((r) => {
    const line = r.commandLine.length > SHOWN_CHARS ? `${r.commandLine.slice(0, SHOWN_CHARS - 1)}…` : r.commandLine;
    return `${line} (for ${((now - r.started) / 1000).toFixed(1)} s)`;
  });
  const more = sorted.length - shown.length;
  return `still running then: ${shown.join('; ')}${more ? `; and ${more} more` : ''}`;
}

/** What the current run still has running, in words (see runningWords). */
export function runningNow(): string | undefined {
  const marker = currentRunMarker();
  const set = marker ? byRun.get(marker) : undefined;
  return set ? runningWords([...set], performance.now()) : undefined;
}
