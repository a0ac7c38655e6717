// Finding[] → ranked causes. Pure and deterministic: the same findings give the same order.
//
// A cause's severity is its worst finding's. Its score lives in a band per severity (error
// 0.6–1, warning 0.3–0.6, info 0–0.3), so no pile of warnings outranks an error; inside the band
// the findings of that severity combine by noisy-OR of their confidence (two independent
// indications make a cause more likely than either alone). A cause whose findings explain
// another cause's symptoms (PATH lacks gopls → gopls cannot launch) is lifted just above it.
import { CLASS_IDS, type Cause, type ClassId, type Finding, type Fix, type Severity, assertNever } from './model.js';
import { TAXONOMY } from './taxonomy.js';

const BANDS: Record<Severity, [number, number]> = { info: [0, 0.3], warning: [0.3, 0.6], error: [0.6, 1] };

export function severityRank(s: Severity): number {
  switch (s) {
    case 'info':
      return 0;
    case 'warning':
      return 1;
    case 'error':
      return 2;
    default:
      return assertNever(s, 'severity');
  }
}

export function worstSeverity(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>((w, f) => (severityRank(f.severity) > severityRank(w) ? f.severity : w), 'info');
}

export function scoreOf(findings: readonly Finding[]): number {
  const sev = worstSeverity(findings);
  const [lo, hi] = BANDS[sev];
  const miss = findings.filter((f) => f.severity === sev).reduce((m, f) => m * (1 - f.confidence), 1);
  return round3(lo + (hi - lo) * (1 - miss));
}

export function rankCauses(findings: readonly Finding[]): Cause[] {
  const byClass = new Map<ClassId, Finding[]>();
  for (const f of findings) byClass.set(f.classId, [...(byClass.get(f.classId) ?? []), f]);
  const causes: Cause[] = [];
  for (const id of CLASS_IDS) {
    const fs = byClass.get(id);
    if (!fs?.length) continue;
    const sorted = [...fs].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.confidence - a.confidence || a.message.localeCompare(b.message));
    causes.push({
      id,
      score: scoreOf(sorted),
      severity: worstSeverity(sorted),
      title: TAXONOMY[id].title,
      explanation: TAXONOMY[id].explanation,
      findings: sorted,
      fixes: uniqueFixes(sorted.flatMap((f) => f.fixes)),
    });
  }
  liftExplainers(causes);
  return causes.sort((a, b) => b.score - a.score || CLASS_IDS.indexOf(a.id) - CLASS_IDS.indexOf(b.id));
}

/** One pass in class order keeps it deterministic; chains longer than one are rare and need no fixpoint. */
function liftExplainers(causes: Cause[]): void {
  const byId = new Map(causes.map((c) => [c.id, c]));
  for (const c of causes) {
    const explained = new Set(c.findings.filter((f) => f.severity === c.severity).flatMap((f) => f.explains ?? []));
    for (const id of explained) {
      const other = byId.get(id);
      if (other && other !== c && other.score >= c.score && severityRank(c.severity) >= severityRank(other.severity)) {
        c.score = Math.min(1, round3(other.score + 0.001));
      }
    }
  }
}

function uniqueFixes(fixes: Fix[]): Fix[] {
  const seen = new Set<string>();
  return fixes.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
