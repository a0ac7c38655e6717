// How much of a finding's evidence a view shows. A log finding keeps up to 50 of the lines that
// said it (probes/goplsLogs.ts EVIDENCE_KEPT) so --verbose can show them all; the panel and a
// pasted Markdown report show a few and say how many more there are, as the short text report does.
import type { Evidence, Finding } from '../doctor/model.js';

/** Evidence rows the panel and the Markdown report show a finding with. */
export const EVIDENCE_ROWS = 10;

/** The first `max` entries, and how many lines said it beyond them (those kept and those not). */
export function evidenceShown(f: Pick<Finding, 'evidence' | 'moreEvidence'>, max: number): { shown: Evidence[]; untold: number } {
  const shown = f.evidence.slice(0, max);
  return { shown, untold: f.evidence.length - shown.length + (f.moreEvidence ?? 0) };
}
