import type { Finding, Report } from '../doctor/model.js';

export interface Verdict {
  errors: number;
  warnings: number;
  problems: number;
  line: string;
}

/** The one line every surface leads with: the CLI header, the panel's verdict, the badge tooltip. */
export function verdictOf(report: Report, opts: { duration?: boolean } = {}): Verdict {
  const errors = report.causes.filter((c) => c.severity === 'error').length;
  const warnings = report.causes.filter((c) => c.severity === 'warning').length;
  const problems = errors + warnings;
  const secs = report.durationMs >= 1000 ? `${(report.durationMs / 1000).toFixed(1)} s` : `${Math.round(report.durationMs)} ms`;
  const what =
    problems === 0
      ? 'no problems found'
      : `${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  const infos = report.causes.length - problems;
  const notes = infos ? `, ${infos} note${infos === 1 ? '' : 's'}` : '';
  const skippedish = report.probes.filter((p) => p.status === 'timeout' || p.status === 'crashed').length;
  const tail = skippedish ? `; ${skippedish} probe${skippedish === 1 ? '' : 's'} did not finish` : '';
  // A report merged with a re-check has no one duration: the panel leaves it out then.
  const took = opts.duration === false ? '' : ` in ${secs}`;
  return { errors, warnings, problems, line: `${what}${notes}${took}${tail}` };
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
