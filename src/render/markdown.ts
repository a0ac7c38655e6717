// A report ready to paste into a bug report: GitHub-flavoured Markdown, evidence in tables.
import type { Report } from '../doctor/model.js';
import { fixInstruction } from './fixText.js';
import { symptomNote, verdictOf } from './summary.js';

export function escapeCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').replace(/`/g, "'");
}

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`## Go Environment Doctor report`, '');
  out.push(`**${verdictOf(report).line}** · go-env-doctor ${report.tool.version} · ${report.host.platform} ${report.host.release} ${report.host.arch} · ${report.generatedAt}`, '');
  out.push(`Workspace: ${report.workspaces.map((w) => `\`${w}\``).join(', ') || '(none)'}`, '');
  if (!report.causes.length) out.push('No root cause found.', '');
  report.causes.forEach((cause, i) => {
    out.push(`### ${i + 1}. ${cause.title} (\`${cause.id}\`, ${cause.severity}, score ${cause.score.toFixed(2)})`, '');
    out.push(cause.explanation, '');
    for (const f of cause.findings) {
      const note = symptomNote(f);
      out.push(`- **${f.severity}**: ${f.message}${note ? ` _${note}_` : ''}`);
    }
    out.push('', '| Source | Evidence |', '|---|---|');
    for (const f of cause.findings) for (const e of f.evidence) out.push(`| ${escapeCell(e.line !== undefined ? `${e.source}:${e.line}` : e.source)} | \`${escapeCell(e.excerpt).slice(0, 400)}\` |`);
    out.push('');
    if (cause.fixes.length) {
      out.push('**Fixes**', '');
      for (const fix of cause.fixes) out.push(`- ${fix.title}`, '', '  ```', ...fixInstruction(fix).split('\n').map((l) => `  ${l}`), '  ```');
      out.push('');
    }
  });
  out.push('<details><summary>Probes</summary>', '', '| Probe | Status | ms | Note |', '|---|---|---:|---|');
  for (const p of report.probes) out.push(`| ${p.id} | ${p.status} | ${p.durationMs.toFixed(1)} | ${escapeCell(p.reason ?? '')} |`);
  out.push('', '</details>', '');
  return out.join('\n');
}
