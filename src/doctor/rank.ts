// Finding[] → ranked causes. Pure and deterministic: the same findings give the same order.
//
// A cause's severity is its worst finding's. Its score lives in a band per severity (error
// 0.6–1, warning 0.3–0.6, info 0–0.3), so no pile of warnings outranks an error; inside the band
// the findings of that severity combine by noisy-OR of their confidence (two independent
// indications make a cause more likely than either alone). A cause whose findings explain
// another cause's symptoms (PATH lacks gopls → gopls cannot launch) is lifted just above it.
//
// Symptoms and causes (shared/TAXONOMY.md): a symptom explained by a cause found in this run
// (src/doctor/explain.ts) counts as support for that cause (half its confidence, noisy-OR) and
// not for its own class; a class whose findings are all explained symptoms is placed after every
// class holding a cause that explains them, whatever the severities. A symptom nothing explains
// is scored like any finding and says which checks would explain it.
import { CLASS_IDS, type Cause, type ClassId, type Finding, type Fix, type ProbeRecord, type Severity, assertNever } from './model.js';
import { checksFor, explainers, hintPointsAt, isHint, isSymptom, symptomPointsAt } from './explain.js';
import { headingOf } from './heading.js';

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

/** `support`: further independent indications (explained symptoms), each a probability. */
export function scoreOf(findings: readonly Finding[], support: readonly number[] = []): number {
  const sev = worstSeverity(findings);
  const [lo, hi] = BANDS[sev];
  const own = findings.filter((f) => f.severity === sev).reduce((m, f) => m * (1 - f.confidence), 1);
  const miss = support.reduce((m, p) => m * (1 - p), own);
  return round3(lo + (hi - lo) * (1 - miss));
}

export interface RankContext {
  /** The run's probe records, so an unexplained symptom can say which checks ran and found nothing. */
  probes?: readonly ProbeRecord[];
}

/** How much an explained symptom adds to the cause that explains it, as a share of its confidence. */
const SUPPORT = 0.5;
const EPS = 0.001;

export function rankCauses(input: readonly Finding[], ctx: RankContext = {}): Cause[] {
  // A re-rank (after a fix) gets findings a previous rank annotated: start from what the probes said.
  const findings = input.map(({ explainedBy: _e, unexplained: _u, ...f }) => f as Finding);
  const why = explainers(findings);
  const annotated = new Map<Finding, Finding>();
  /** For each cause finding, the confidence of every symptom it explains. */
  const support = new Map<Finding, Finding[]>();
  for (const f of findings) {
    const by = why.get(f);
    if (!by) annotated.set(f, f);
    else if (by.length) {
      annotated.set(f, { ...f, explainedBy: [...new Set(by.map((c) => c.classId))] });
      for (const c of by) support.set(c, [...(support.get(c) ?? []), f]);
    } else if (f.unclassified || f.severity === 'info') {
      // Error lines no rule names say nothing died, and information (a failure that does not
      // happen here now) asks for no explanation: listing what would explain them is noise.
      annotated.set(f, f);
    } else annotated.set(f, { ...f, unexplained: { checks: checksFor(f, ctx.probes) } });
  }

  const byClass = new Map<ClassId, Finding[]>();
  for (const f of findings) byClass.set(f.classId, [...(byClass.get(f.classId) ?? []), f]);
  const causes: Cause[] = [];
  /** Symptom-only classes, all explained: the classes that explain them. */
  const after = new Map<ClassId, Set<ClassId>>();
  for (const id of CLASS_IDS) {
    const raw = byClass.get(id);
    if (!raw?.length) continue;
    // Causes and unexplained symptoms speak for the class; explained symptoms speak for their explainer.
    const counted = raw.filter((f) => !(isSymptom(f) && why.get(f)?.length));
    const basis = counted.length ? counted : raw;
    if (!counted.length) after.set(id, new Set(raw.flatMap((f) => why.get(f)!.map((c) => c.classId))));
    const supported = [...new Set(basis.flatMap((f) => support.get(f) ?? []))];
    const fs = raw.map((f) => annotated.get(f)!);
    const sorted = [...fs].sort((a, b) => roleRank(a) - roleRank(b) || severityRank(b.severity) - severityRank(a.severity) || b.confidence - a.confidence || a.message.localeCompare(b.message));
    const severity = worstSeverity(basis);
    const heading = headingOf(id, sorted, severity);
    causes.push({
      id,
      score: scoreOf(basis, supported.map((x) => x.confidence * SUPPORT)),
      severity,
      title: heading.title,
      explanation: heading.explanation,
      ...(heading.headlines ? { headlines: heading.headlines } : {}),
      findings: sorted,
      // An explained symptom's own repair (reinstall gopls, restart it) is not the fix: the cause
      // that explains it carries that. Unexplained, it is all the user has.
      fixes: uniqueFixes(unblockingFirst(sorted.filter((f) => !(isSymptom(f) && f.explainedBy?.length)), severity).flatMap((f) => f.fixes), new Set(fs.flatMap((f) => f.withholds ?? []))),
    });
  }
  placeExplainedAfter(causes, after);
  liftExplainers(causes);
  placeExplainedAfter(causes, after);
  placeHintedAfter(causes, findings, why);
  const rank = (c: Cause) => (after.has(c.id) ? 1 : 0);
  return causes.sort((a, b) => b.score - a.score || rank(a) - rank(b) || CLASS_IDS.indexOf(a.id) - CLASS_IDS.indexOf(b.id));
}

/**
 * What blocks the fixes of the findings beside it comes first: a cause that explains its own
 * class's findings (GOPROXY=off, which makes go mod tidy fail as typed), then a download that fails
 * unexplained (go mod tidy for a missing go.sum line, go mod download for an uncached module fail
 * the same way), so what gets the download through is offered before them. The findings keep their order.
 */
function unblockingFirst(findings: Finding[], severity: Severity): Finding[] {
  const blocker = (f: Finding) => !isSymptom(f) && (f.explains?.includes(f.classId) ?? false);
  const blocked = (f: Finding) => isSymptom(f) && f.symptom === 'fetch-failed';
  // A note's routine step (go mod download for a module not cached yet) is what the blocker makes
  // fail as typed: a refusing proxy or a go.sum go refuses gave a fix that failed the same way (a
  // tester's). Under a blocker of a worse severity the note's fixes are not offered.
  const blocks = severity !== 'info' && findings.some((f) => blocker(f) && f.severity !== 'info');
  const rest = findings.filter((f) => !blocker(f) && !blocked(f) && !(blocks && f.severity === 'info'));
  return [...findings.filter(blocker), ...findings.filter(blocked), ...rest];
}

/** Within a cause, what explains comes before what was merely observed and is explained. */
function roleRank(f: Finding): number {
  return f.explainedBy ? 1 : 0;
}

/** A class of explained symptoms scores just below the weakest class that explains it. */
function placeExplainedAfter(causes: Cause[], after: Map<ClassId, Set<ClassId>>): void {
  const byId = new Map(causes.map((c) => [c.id, c]));
  for (const [id, explainedBy] of after) {
    const c = byId.get(id)!;
    const floor = Math.min(...[...explainedBy].map((e) => byId.get(e)?.score ?? 1));
    if (c.score >= floor) c.score = Math.max(0, round3(floor - EPS));
  }
}

/**
 * A class holding nothing but unexplained symptoms that say only that something died or failed
 * (the client's "Connection to server got closed") scores just below a mechanism hint that would
 * explain every one of them (explain.ts hintPointsAt), when no cause was found for either: the
 * line that names GOROOT or the OOM killer is nearer the cause than the line that says the
 * server is gone. Both stay symptoms; the bare one keeps its checks.
 */
function placeHintedAfter(causes: Cause[], findings: readonly Finding[], why: Map<Finding, Finding[]>): void {
  const hints = findings.filter((f) => isSymptom(f) && !why.get(f)?.length && (isHint(f) || !f.headline));
  if (!hints.length) return;
  const byId = new Map(causes.map((c) => [c.id, c]));
  for (const c of causes) {
    const own = findings.filter((f) => f.classId === c.id && severityRank(f.severity) >= severityRank(c.severity));
    if (!own.length || own.some((f) => !isSymptom(f) || why.get(f)?.length || f.headline)) continue;
    const pointing = hints.filter((h) => own.every((s) => hintPointsAt(h, s) || symptomPointsAt(h, s)));
    const floor = Math.max(...pointing.map((h) => byId.get(h.classId)?.score ?? 0));
    if (pointing.length && c.score >= floor) c.score = Math.max(0, round3(floor - EPS));
  }
}

/** One pass in class order keeps it deterministic; chains longer than one are rare and need no fixpoint. */
function liftExplainers(causes: Cause[]): void {
  const byId = new Map(causes.map((c) => [c.id, c]));
  for (const c of causes) {
    const explained = new Set(c.findings.filter((f) => f.severity === c.severity && !isSymptom(f)).flatMap((f) => f.explains ?? []));
    for (const id of explained) {
      const other = byId.get(id);
      // A symptom is this cause's to explain only if explain.ts says so (a noexec gopls directory
      // explains a refused start, not a SIGKILL): the class must hold a cause or such a symptom.
      const relevant = other?.findings.some((f) => !isSymptom(f) || f.explainedBy?.includes(c.id));
      if (other && other !== c && relevant && other.score >= c.score && severityRank(c.severity) >= severityRank(other.severity)) {
        c.score = Math.min(1, round3(other.score + 0.001));
      }
    }
  }
}

/**
 * Each fix once (none a finding withholds), and the checks (steps that change nothing) after the
 * steps that repair: a tester found "Show who owns the Go directories" offered before the chown
 * that fixed the gopls cache.
 */
function uniqueFixes(fixes: Fix[], withheld: ReadonlySet<string> = new Set()): Fix[] {
  const once = uniqueById(fixes, withheld);
  return [...once.filter((f) => !f.check), ...once.filter((f) => f.check)];
}

function uniqueById(fixes: Fix[], withheld: ReadonlySet<string>): Fix[] {
  const seen = new Set<string>(withheld);
  // The same command from two findings (a log rule's `go mod verify` and a probe's, which knows the
  // module folder) was offered twice, once without its cd: the one that says where to run it stays.
  const placed = new Set(fixes.flatMap((f) => (f.kind === 'terminal' && f.cwd ? [f.text] : [])));
  // One command under several ids is one action: a tester's noexec HOME and TMPDIR on one tmpfs got
  // "Remount … with exec" three times (GOTMPDIR's, GOPATH/bin's and GOCACHE's finding).
  const typed = new Set<string>();
  return fixes.filter((f) => {
    if (f.kind === 'terminal' && !f.cwd && placed.has(f.text)) return false;
    if (f.kind === 'terminal') {
      const key = `${f.cwd ?? ''}\0${f.text}`;
      if (typed.has(key)) return false;
      if (!seen.has(f.id)) typed.add(key);
    }
    return seen.has(f.id) ? false : (seen.add(f.id), true);
  });
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
