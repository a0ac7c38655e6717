// The human report for a terminal, in the spirit of `flutter doctor`: verdict, ranked causes
// with their evidence and exact fixes, then every probe with its status. Every string from the
// report goes through visible() before it is coloured: data never carries a live escape sequence.
import type { Cause, ProbeRecord, ProbeStatus, Report, Severity, Tool } from '../doctor/model.js';
import { assertNever } from '../doctor/model.js';
import { fixInstruction } from './fixText.js';
import { followsNote, noCauseLine, symptomNote, verdictOf } from './summary.js';
import { visible, visibleLines } from './controlChars.js';
import { evidenceShown } from './evidenceShown.js';

export interface TextOptions {
  color: boolean;
  verbose?: boolean;
}

const ESC = '\u001b[';
/** Evidence entries a finding shows: a few by default, every one kept with --verbose (up to a bound a terminal can take). */
const SHORT_EVIDENCE = 4;
const VERBOSE_EVIDENCE = 50;

export function renderText(report: Report, opts: TextOptions): string {
  const c = painter(opts.color);
  const out: string[] = [];
  // Printed before a follow-up settles (gopls's type-check): the line says so, since what the
  // follow-up finds is printed under the report (a tester read "no problems found" above an error).
  const pending = report.probes.filter((p) => p.followUp?.status === 'pending').length;
  const sofar = pending ? `; so far: ${pending} follow-up check${pending === 1 ? ' is' : 's are'} still running` : '';
  out.push(c.bold(`Go Environment Doctor ${report.tool.version}`) + ` — ${verdictOf(report).line}${sofar}`);
  out.push(c.dim(`workspace: ${report.workspaces.map((w) => visible(w)).join(', ') || '(none)'}`));
  out.push('');
  // With a follow-up still running, "should work here" is a promise the report cannot make yet (a
  // tester piped the report through head and read it above a missing C header's error).
  if (report.causes.length === 0) {
    const none = noCauseLine(report);
    out.push(
      pending
        ? c.dim(`No root cause found so far; ${pending} follow-up check${pending === 1 ? ' is' : 's are'} still running, and what ${pending === 1 ? 'it finds' : 'they find'} is printed below.`)
        : none.healthy
          ? c.green(`✓ ${none.line}`)
          : c.yellow(none.line),
      '',
    );
  }
  report.causes.forEach((cause, i) => out.push(...renderCause(cause, i + 1, c, opts.verbose ?? false, followsNote(cause, report.causes)), ''));
  if (report.tools) out.push(...renderTools(report.tools, c), '');
  if (report.goEnvChanged) out.push(...renderGoEnvChanged(report.goEnvChanged, c), '');
  out.push(c.bold('Probes'));
  const width = Math.max(...report.probes.map((p) => p.id.length), 4);
  for (const p of report.probes) out.push(renderProbe(p, width, c));
  if (report.incomplete) out.push('', c.yellow('The run was cut short: some probes did not finish (see above).'));
  return out.join('\n') + '\n';
}

function renderCause(cause: Cause, rank: number, c: Painter, verbose: boolean, follows?: string, updated?: string): string[] {
  const lines: string[] = [];
  // A class whose findings are all symptoms another cause explains is no problem of its own: it
  // gets no error or warning mark (a tester counted "three error causes" for one bad GOOS), and its
  // severity is told as the symptom's.
  const mark = follows ? c.dim('↳') : sevMark(cause.severity, c);
  const severity = follows ? `${cause.severity} symptom` : cause.severity;
  lines.push(`${mark} ${c.bold(`${rank}. ${visible(cause.title)}`)} ${c.dim(`[${visible(cause.id)}, ${severity}, score ${cause.score.toFixed(2)}]`)}${updated ? ` ${c.dim(visible(updated))}` : ''}`);
  if (follows) lines.push(...wrap(visible(follows), 92).map((l) => `    ${c.bold(l)}`));
  lines.push(...wrap(visible(cause.explanation), 92).map((l) => `    ${c.dim(l)}`));
  const shown = verbose ? cause.findings : cause.findings.filter((f) => f.severity !== 'info' || cause.severity === 'info' || f.unclassified);
  for (const f of shown) {
    lines.push(...visibleLines(f.message).map((l, i) => `${i ? '      ' : '    • '}${l}`));
    const note = symptomNote(f);
    if (note) lines.push(...wrap(visible(note), 88).map((l) => `      ${c.dim(l)}`));
    const { shown: evidence, untold } = evidenceShown(f, verbose ? VERBOSE_EVIDENCE : SHORT_EVIDENCE);
    for (const e of evidence) {
      const where = visible(e.line !== undefined ? `${e.source}:${e.line}` : e.source);
      const excerpt = visibleLines(e.excerpt).slice(0, verbose ? 20 : 3);
      lines.push(`        ${c.cyan(where)}`);
      for (const x of excerpt) lines.push(`          ${truncate(x, 160)}`);
    }
    // How many were left out, so "9 lines" above 3 excerpts is not read as all there is.
    if (untold > 0) lines.push(`        ${c.dim(`… and ${untold} more${verbose || f.evidence.length <= evidence.length ? '' : ' (--verbose shows them)'}`)}`);
  }
  if (cause.fixes.length) {
    lines.push(`    ${c.bold('Fix')}`);
    for (const fix of cause.fixes) {
      // A check changes nothing: it says so, so it is not taken for the repair.
      lines.push(`      → ${fix.check && fix.kind === 'terminal' ? c.dim('check: ') : ''}${visible(fix.title)}${fix.detail ? c.dim(` — ${visible(fix.detail)}`) : ''}`);
      for (const l of visibleLines(fixInstruction(fix))) lines.push(`          ${c.green(l)}`);
    }
  }
  return lines;
}

/** The tool inventory: one row per tool found, in the Go extension's lookup order, then what was not. */
function renderTools(tools: Tool[], c: Painter): string[] {
  const found = tools.filter((t) => t.found);
  const missing = tools.filter((t) => !t.found).map((t) => visible(t.name));
  const lines = [c.bold('Go tools') + c.dim(' (what the Go extension would run, and what built it)')];
  const w = Math.max(4, ...found.map((t) => t.name.length));
  const vw = Math.max(7, ...found.map((t) => (t.version ?? '').length));
  for (const t of found) {
    const built = t.goVersion ? (t.stale ? c.yellow(`${visible(t.goVersion)} (older Go)`) : visible(t.goVersion)) : c.dim(truncate(visible(t.error ?? 'no build info'), 60));
    lines.push(`  ${visible(t.name).padEnd(w)} ${visible(t.version ?? '?').padEnd(vw)} ${built}  ${c.dim(`${visible(t.source ?? '')}: ${visible(t.path ?? '')}`)}`);
  }
  if (!found.length) lines.push(c.dim('  none found'));
  if (missing.length) lines.push(c.dim(`  not found: ${missing.join(', ')}`));
  return lines;
}

/** `go env -changed`: what differs from Go's defaults, so a setting the user forgot stands out. */
function renderGoEnvChanged(changed: Record<string, string>, c: Painter): string[] {
  const names = Object.keys(changed).sort();
  const lines = [c.bold('Go environment you changed') + c.dim(' (go env -changed)')];
  for (const k of names) lines.push(...visibleLines(`${k}=${changed[k]}`).map((l, i) => `  ${i ? '  ' : ''}${truncate(l, 160)}`));
  if (!names.length) lines.push(c.dim('  nothing: every Go setting has its default'));
  return lines;
}

function renderProbe(p: ProbeRecord, width: number, c: Painter): string {
  const status = statusMark(p.status, c);
  const reason = p.reason ? c.dim(` — ${truncate(visible(p.reason), 100)}`) : '';
  return `  ${status} ${visible(p.id).padEnd(width)} ${String(p.durationMs.toFixed(1)).padStart(7)} ms${reason}${p.followUp ? followUpNote(p.followUp, c) : ''}`;
}

function followUpNote(f: NonNullable<ProbeRecord['followUp']>, c: Painter): string {
  const when = f.durationMs !== undefined ? ` after ${Math.round(f.durationMs)} ms` : '';
  const text = ` · ${visible(f.title)}: ${f.status === 'pending' ? 'pending…' : `${f.status}${when}`}${f.reason ? ` — ${truncate(visible(f.reason), 80)}` : ''}`;
  return f.status === 'pending' ? c.cyan(text) : f.status === 'done' ? c.dim(text) : c.yellow(text);
}

/**
 * What to print once follow-ups settle, under a report already printed with them pending: each
 * follow-up's line, the causes that are new or changed, and the verdict if it moved.
 */
export function renderLateResults(shown: Report, final: Report, opts: TextOptions): string {
  const c = painter(opts.color);
  const out: string[] = [];
  const width = Math.max(...final.probes.map((p) => p.id.length), 4);
  for (const p of final.probes) if (p.followUp && shown.probes.find((q) => q.id === p.id)?.followUp?.status === 'pending') out.push(renderProbe(p, width, c));
  const seen = new Set(shown.causes.flatMap((k) => k.findings.map((f) => `${k.id}\0${f.message}`)));
  // Only what the cause would show: a new info finding under a warning is hidden without
  // --verbose, and printing the cause again for it repeated it word for word (a tester's report).
  const shows = (k: (typeof final.causes)[number], f: (typeof k.findings)[number]) => opts.verbose || f.severity !== 'info' || k.severity === 'info' || f.unclassified;
  const changed = final.causes.filter((k) => k.findings.some((f) => !seen.has(`${k.id}\0${f.message}`) && shows(k, f)));
  if (changed.length) {
    out.push('', c.bold('Found by the follow-up'));
    for (const k of changed) out.push(...renderCause(k, final.causes.indexOf(k) + 1, c, opts.verbose ?? false, followsNote(k, final.causes), updatedNote(k, final.causes.indexOf(k) + 1, shown.causes)), '');
  }
  const before = verdictOf(shown).line;
  // Only what it says counts, not the seconds it names.
  const after = verdictOf({ ...final, durationMs: shown.durationMs }).line;
  if (after !== before) out.push(`${c.bold('Verdict now')} — ${verdictOf(final).line}`);
  if (final.incomplete && !shown.incomplete) out.push('', c.yellow('The run was cut short: a follow-up did not finish (see above).'));
  return out.join('\n') + '\n';
}

/**
 * A cause the follow-up changed is the one printed above, numbered by the final ranking: saying
 * so keeps two headers with the same number from reading as two causes (a tester's).
 */
function updatedNote(k: Cause, rank: number, before: readonly Cause[]): string | undefined {
  const i = before.findIndex((b) => b.id === k.id);
  if (i < 0) return undefined;
  const was = before[i]!;
  return i + 1 === rank && was.title === k.title && was.severity === k.severity ? '(updated)' : `(updated: shown above as ${i + 1}. ${was.title}, ${was.severity})`;
}

function sevMark(s: Severity, c: Painter): string {
  switch (s) {
    case 'error':
      return c.red('✗');
    case 'warning':
      return c.yellow('!');
    case 'info':
      return c.cyan('i');
    default:
      return assertNever(s);
  }
}

function statusMark(s: ProbeStatus, c: Painter): string {
  switch (s) {
    case 'ok':
      return c.green('✓ ok     ');
    case 'warn':
      return c.yellow('! warn   ');
    case 'fail':
      return c.red('✗ fail   ');
    case 'skipped':
      return c.dim('- skipped');
    case 'timeout':
      return c.red('⌛ timeout');
    case 'crashed':
      return c.red('✗ crashed');
    default:
      return assertNever(s);
  }
}

export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/)) {
    if (cur && cur.length + word.length + 1 > width) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

type Painter = Record<'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan', (s: string) => string>;

function painter(color: boolean): Painter {
  const wrapWith = (open: number, close: number) => (s: string) => (color ? `${ESC}${open}m${s}${ESC}${close}m` : s);
  return { bold: wrapWith(1, 22), dim: wrapWith(2, 22), red: wrapWith(31, 39), green: wrapWith(32, 39), yellow: wrapWith(33, 39), cyan: wrapWith(36, 39) };
}
