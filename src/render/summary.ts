import type { Cause, ClassId, Finding, Report } from '../doctor/model.js';

export interface Verdict {
  /** Causes at error severity, not counting classes that only follow from another (`followsFrom`). */
  errors: number;
  warnings: number;
  problems: number;
  /** Warning- or error-level classes of symptoms that a problem counted above explains. */
  consequences: number;
  /** Probes (and follow-up checks) that timed out or crashed: what they look at was not checked. */
  unfinished: string[];
  line: string;
}

/**
 * The probes whose checks did not all run: a probe that timed out or crashed, or a follow-up of one
 * (gopls's type-check) that did. "no problems found" over them is no clean bill of health (a tester
 * whose go hung read "No root cause found: Go tooling should work here" above 16 timeouts, exit 0).
 */
export function unfinishedProbes(report: Pick<Report, 'probes'>): string[] {
  const ended = (s: string | undefined) => s === 'timeout' || s === 'crashed';
  return [...new Set(report.probes.filter((p) => ended(p.status) || ended(p.followUp?.status)).map((p) => p.id))];
}

/** Up to `max` names, then how many more: the probes a sentence names without a wall of ids. */
export function someNames(names: readonly string[], max = 4): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/**
 * What a report with no cause at all may say of the machine: that Go tooling should work only when
 * every probe finished; otherwise which probes did not, since nothing vouches for what they check.
 */
export function noCauseLine(report: Pick<Report, 'probes'>): { healthy: boolean; line: string } {
  const unfinished = unfinishedProbes(report);
  if (!unfinished.length) return { healthy: true, line: 'No root cause found: Go tooling should work here.' };
  const n = unfinished.length;
  return {
    healthy: false,
    line: `No root cause found, but this is no clean bill of health: ${n} probe${n === 1 ? '' : 's'} did not finish (${someNames(unfinished)}), so what ${n === 1 ? 'it checks' : 'they check'} was not checked. Their reasons are under Probes.`,
  };
}

/**
 * The causes above this one that explain everything it holds, when every finding of it is a
 * symptom explained in this run (rank.ts placed it after them) and one of them is itself a
 * warning or an error: "gopls cannot place your files in a module" under an RLIMIT_NPROC that
 * made go fail is what the limit did, not a second problem. Otherwise undefined.
 */
export function followsFrom(cause: Cause, causes: readonly Cause[], seen: ReadonlySet<Cause> = new Set()): Cause[] | undefined {
  if (!cause.findings.length || !cause.findings.every((f) => f.role === 'symptom' && f.explainedBy?.length)) return undefined;
  const ids = new Set<ClassId>(cause.findings.flatMap((f) => f.explainedBy ?? []));
  // A class of symptoms holds no cause, so it explains nothing; `seen` only guards a report
  // assembled elsewhere (a JSON file read back) against a cycle.
  const inner = new Set([...seen, cause]);
  const by = causes.filter((c) => !inner.has(c) && ids.has(c.id) && c.severity !== 'info' && !followsFrom(c, causes, inner));
  return by.length ? by : undefined;
}

/** The one line every surface leads with: the CLI header, the panel's verdict, the badge tooltip. */
export function verdictOf(report: Report, opts: { duration?: boolean } = {}): Verdict {
  const own = report.causes.filter((c) => c.severity !== 'info' && !followsFrom(c, report.causes));
  const errors = own.filter((c) => c.severity === 'error').length;
  const warnings = own.length - errors;
  const problems = own.length;
  const consequences = report.causes.filter((c) => c.severity !== 'info').length - problems;
  const secs = report.durationMs >= 1000 ? `${(report.durationMs / 1000).toFixed(1)} s` : `${Math.round(report.durationMs)} ms`;
  const unfinished = unfinishedProbes(report);
  const what =
    problems === 0
      ? unfinished.length
        ? 'no problems found by the probes that finished'
        : 'no problems found'
      : `${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  const follow = consequences ? ` and ${consequences} symptom${consequences === 1 ? '' : 's'} ${problems === 1 ? 'it explains' : 'they explain'}` : '';
  const infos = report.causes.length - problems - consequences;
  const notes = infos ? `, ${infos} note${infos === 1 ? '' : 's'}` : '';
  const tail = unfinished.length ? `; ${unfinished.length} probe${unfinished.length === 1 ? '' : 's'} did not finish` : '';
  // A report merged with a re-check has no one duration: the panel leaves it out then.
  const took = opts.duration === false ? '' : ` in ${secs}`;
  return { errors, warnings, problems, consequences, unfinished, line: `${what}${follow}${notes}${took}${tail}` };
}

/** Exit status of the CLI, as TAXONOMY.md fixes it. */
export function exitCodeOf(report: Report): 0 | 1 | 2 {
  if (report.causes.some((c) => c.severity === 'error')) return 2;
  if (report.causes.some((c) => c.severity === 'warning')) return 1;
  return 0;
}

const CHECK_RESULT: Record<string, string> = {
  'found-nothing': 'checked, nothing found',
  'not-run': 'not run',
  skipped: 'skipped',
  timeout: 'did not finish',
  crashed: 'crashed',
  'not-checkable': 'cannot be checked from here',
};

/** For a symptom, one line: what explains it, or that nothing found does and what would. */
export function symptomNote(f: Finding): string | undefined {
  if (f.role !== 'symptom') return undefined;
  if (f.explainedBy?.length) return `Symptom, explained by: ${f.explainedBy.join(', ')}.`;
  if (!f.unexplained) return 'Symptom.';
  const checks = f.unexplained.checks.map((c) => `${c.check}${c.result ? ` (${CHECK_RESULT[c.result] ?? c.result})` : ''}`);
  return `Unexplained symptom: nothing found in this run explains it. What would: ${checks.join('; ')}.`;
}

/** For a class that only follows from causes above it, one line naming them by rank and id. */
export function followsNote(cause: Cause, causes: readonly Cause[]): string | undefined {
  const by = followsFrom(cause, causes);
  if (!by) return undefined;
  const names = by.map((c) => `${causes.indexOf(c) + 1} (${c.id})`).join(' and ');
  return `Follows from ${names}: ${followsTail(by.length)}`;
}

/** The words after the causes' names, shared by the renderers and the panel's linked form. */
export function followsTail(causes: number): string {
  return `what ${causes === 1 ? 'that cause does' : 'those causes do'} here, not a problem of its own.`;
}
