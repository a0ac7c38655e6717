// A report ready to paste into a bug report: GitHub-flavoured Markdown, evidence in tables.
// Every string from the report is escaped (markdownEscape.ts): it renders as the same text.
import type { Crash, Report, Tool } from '../doctor/model.js';
import { visibleLines } from './controlChars.js';
import { fixInstruction } from './fixText.js';
import { mdCode, mdFence, mdText } from './markdownEscape.js';
import { followsNote, noCauseLine, symptomNote, verdictOf } from './summary.js';
import { EVIDENCE_ROWS, evidenceShown } from './evidenceShown.js';

const EXCERPT_LINES = 20;
const EXCERPT_LINE_CHARS = 400;

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`## Go Environment Doctor report`, '');
  out.push(`**${verdictOf(report).line}** · go-env-doctor ${mdText(report.tool.version)} · ${mdText(`${report.host.platform} ${report.host.release} ${report.host.arch}`)} · ${mdText(report.generatedAt)}`, '');
  out.push(`Workspace: ${report.workspaces.map((w) => mdCode(w)).join(', ') || '(none)'}`, '');
  if (report.crash) out.push(...crashSection(report.crash));
  if (!report.causes.length) {
    const none = noCauseLine(report);
    out.push(none.healthy ? 'No root cause found.' : mdText(none.line), '');
  }
  report.causes.forEach((cause, i) => {
    const follows = followsNote(cause, report.causes);
    // A class that only follows from a cause above is told as the symptom it is (text.ts).
    out.push(`### ${i + 1}. ${mdText(cause.title)} (${mdCode(cause.id)}, ${cause.severity}${follows ? ' symptom' : ''}, score ${cause.score.toFixed(2)})`, '');
    if (follows) out.push(`**${mdText(follows)}**`, '');
    out.push(mdText(cause.explanation), '');
    for (const f of cause.findings) {
      const note = symptomNote(f);
      out.push(`- **${f.severity}**: ${mdText(f.message)}${note ? ` _${mdText(note)}_` : ''}`);
    }
    out.push('', '| Source | Evidence |', '|---|---|');
    for (const f of cause.findings) {
      const { shown, untold } = evidenceShown(f, EVIDENCE_ROWS);
      for (const e of shown) {
        // One row per excerpt line: a table cell cannot hold a line break, and a code span turns
        // one into a space.
        const lines = visibleLines(e.excerpt).slice(0, EXCERPT_LINES);
        lines.forEach((l, n) => out.push(`| ${n ? '' : mdText(e.line !== undefined ? `${e.source}:${e.line}` : e.source)} | ${mdCode(l.slice(0, EXCERPT_LINE_CHARS), { inTable: true })} |`));
      }
      if (untold > 0) out.push(`| | … and ${untold} more |`);
    }
    out.push('');
    if (cause.fixes.length) {
      out.push('**Fixes**', '');
      for (const fix of cause.fixes) out.push(`- ${fix.check && fix.kind === 'terminal' ? '*check:* ' : ''}${mdText(fix.title)}`, '', ...mdFence(visibleLines(fixInstruction(fix)), '  '));
      out.push('');
    }
  });
  if (report.tools) out.push(...toolsSection(report.tools));
  if (report.goEnvChanged) {
    const names = Object.keys(report.goEnvChanged).sort();
    out.push('### Go environment you changed (`go env -changed`)', '');
    if (names.length) out.push(...mdFence(names.flatMap((k) => visibleLines(`${k}=${report.goEnvChanged![k]}`))));
    else out.push('Nothing: every Go setting has its default.');
    out.push('');
  }
  out.push('<details><summary>Probes</summary>', '', '| Probe | Status | ms | Note |', '|---|---|---:|---|');
  for (const p of report.probes) out.push(`| ${mdText(p.id)} | ${p.status} | ${p.durationMs.toFixed(1)} | ${mdText(p.reason ?? '')} |`);
  out.push('', '</details>', '');
  return out.join('\n');
}

/** The tool inventory: what the Go extension would run, its version and the Go that built it. */
function toolsSection(tools: Tool[]): string[] {
  const found = tools.filter((t) => t.found);
  const missing = tools.filter((t) => !t.found);
  const out = ['### Go tools', ''];
  if (found.length) {
    out.push('| Tool | Version | Built with | Found by | Path |', '|---|---|---|---|---|');
    for (const t of found) {
      const built = t.goVersion ? `${mdText(t.goVersion)}${t.stale ? ' **(older Go)**' : ''}` : mdText(t.error ?? 'no build info');
      out.push(`| ${mdText(t.name)} | ${mdText(t.version ?? '?')} | ${built} | ${mdText(t.source ?? '')} | ${mdCode(t.path ?? '', { inTable: true })} |`);
    }
  } else out.push('None of the Go extension\'s tools was found.');
  out.push('');
  if (missing.length) out.push(`Not found: ${missing.map((t) => mdText(t.name)).join(', ')}.`, '');
  return out;
}

/** The gopls crash that led to this run: what died, why (when a log says), and what explains it. */
function crashSection(c: Crash): string[] {
  const out = [`### gopls crashed (${mdText(c.kind)}, ${mdText(c.at)})`, '', mdText(c.summary), ''];
  const why = c.explainedBy.length ? `Explained by: ${c.explainedBy.map((e) => `${mdText(e.title)} (${mdCode(e.id)})`).join('; ')}.` : mdText(c.attribution ?? 'No cause in this report explains the crash.');
  out.push(why, '');
  if (c.evidence.length) {
    out.push('| Source | Evidence |', '|---|---|');
    for (const e of c.evidence) {
      const lines = visibleLines(e.excerpt).slice(0, EXCERPT_LINES);
      lines.forEach((l, n) => out.push(`| ${n ? '' : mdText(e.line !== undefined ? `${e.source}:${e.line}` : e.source)} | ${mdCode(l.slice(0, EXCERPT_LINE_CHARS), { inTable: true })} |`));
    }
    out.push('');
  }
  return out;
}
