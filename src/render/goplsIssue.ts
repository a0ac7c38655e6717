// A gopls issue the maintainers can act on (issue 10 item 9): a link to golang/go's "new issue"
// page with its gopls issue form (.github/ISSUE_TEMPLATE/03-gopls.yml) pre-filled by field id:
// versions, go env, what was seen (the verdict and the sanitized panic), editor and OS, and the
// redacted Markdown report as the logs. The user reads it in the browser and submits it.
// GitHub refuses very long URLs (about 8 KB), so the report is trimmed to fit, and says so.
import type { Report } from '../doctor/model.js';
import { redactPatterns } from '../doctor/redact.js';
import { renderMarkdown } from './markdown.js';
import { verdictOf } from './summary.js';
import { visible } from './controlChars.js';

export const GOPLS_ISSUE_NEW = 'https://github.com/golang/go/issues/new';
const TEMPLATE = '03-gopls.yml';
/** GitHub answers 414 or drops the fields a little above 8 KB; keep a margin. */
export const MAX_URL_CHARS = 8000;
const TITLE_MAX = 120;

export interface IssueContext {
  /** "Visual Studio Code 1.100.3", "code-server 4.100.3", "CLI (no editor)". */
  editor?: string;
  /** "golang.go 0.48.0". */
  goExtension?: string;
}

export interface GoplsIssue {
  url: string;
  title: string;
  /** What had to be cut for the URL to fit, for the user (empty when nothing was). */
  trimmed: string[];
  /** Said to the user before they file it: the crash is another gopls's than the one installed. */
  warnings: string[];
}

/** "v0.11.0" in "gopls v0.11.0 panicked: …" (crashVerdict names the version its stack's paths gave). */
function crashedVersion(report: Report): string | undefined {
  const texts = [report.crash?.summary, ...report.causes.flatMap((c) => c.findings).filter((f) => f.classId === 'gopls-launch').map((f) => f.message)];
  for (const t of texts) {
    const m = t && /\bgopls (v\d+\.\d+\.\d+[\w.+-]*) panicked\b/.exec(t);
    if (m) return m[1];
  }
  return undefined;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The panic (or crash evidence) worth a gopls bug, sanitized as the report already is. */
function crashText(report: Report): string | undefined {
  if (report.crash) {
    const ev = report.crash.evidence.map((e) => `${e.source}${e.line !== undefined ? `:${e.line}` : ''}\n${e.excerpt}`).join('\n\n');
    return `gopls crashed (${report.crash.kind}, ${report.crash.at}): ${report.crash.summary}${ev ? `\n\n${ev}` : ''}`;
  }
  const panic = report.causes.flatMap((c) => c.findings).find((f) => f.classId === 'gopls-launch' && /\bpanic/i.test(f.message));
  return panic ? `${panic.message}\n\n${panic.evidence.map((e) => `${e.source}${e.line !== undefined ? `:${e.line}` : ''}\n${e.excerpt}`).join('\n\n')}` : undefined;
}

function titleOf(report: Report): string {
  const crash = report.crash ? `crash (${report.crash.kind}): ${report.crash.summary}` : undefined;
  const panic = report.causes.flatMap((c) => c.findings).find((f) => f.classId === 'gopls-launch' && /\bpanic/i.test(f.message))?.message;
  const top = report.causes.find((c) => c.severity !== 'info')?.title;
  // The first sentence: a panic's own words, not the doctor's advice after them.
  const what = (crash ?? panic ?? top ?? 'describe the problem').replace(/\s+/g, ' ').trim().split(/\.\s/)[0]!;
  const t = `x/tools/gopls: ${what}`;
  return t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t;
}

function fence(text: string, lang = ''): string {
  const run = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(run + 1);
  return `${f}${lang}\n${text}\n${f}`;
}

/** The form's fields by id, before trimming; `logs` is the Markdown report. */
export function issueFields(report: Report, ctx: IssueContext): Record<string, string> {
  const gopls = report.probes.find((p) => p.id === 'gopls')?.observed ?? {};
  const goEnv = report.probes.find((p) => p.id === 'go-env')?.observed ?? {};
  const installed = str(gopls.goplsVersion) ?? str(gopls.serverVersion);
  const crashed = crashedVersion(report);
  // One line: the form's gopls-version field is an `input`, not a textarea (03-gopls.yml).
  const goplsVersion = [
    `golang.org/x/tools/gopls ${installed ?? '(version unknown)'}`,
    str(gopls.builtWith) ? `built with ${str(gopls.builtWith)}` : undefined,
    str(gopls.gopls) ? `at ${str(gopls.gopls)} (found by ${str(gopls.source) ?? '?'})` : undefined,
    // The version that crashed, when the log's stack names another one (a tester's v0.11.0 panic
    // was filed under the v0.23.0 installed: sanitizing had stripped the stack's version).
    crashed && !installed?.includes(crashed) ? `the crash in the log is from gopls ${crashed} (its stack's paths)` : undefined,
  ]
    .filter(Boolean)
    .join('; ');
  const envLines = Object.entries(goEnv)
    .filter(([k, v]) => /^GO[A-Z0-9_]*$/.test(k) && typeof v === 'string')
    .map(([k, v]) => `${k}='${v as string}'`);
  const changed = report.goEnvChanged ? Object.entries(report.goEnvChanged).map(([k, v]) => `${k}='${v}'`) : [];
  const goEnvText = [...envLines, ...(changed.length ? ['', '# go env -changed', ...changed] : [])].join('\n') || '(go env could not be read)';
  const crash = crashText(report);
  const actual = [`Go Environment Doctor: ${verdictOf(report).line}.`, ...report.causes.filter((c) => c.severity !== 'info').slice(0, 5).map((c, i) => `${i + 1}. ${c.title} (${c.id}, ${c.severity}): ${c.findings[0]?.message ?? ''}`), ...(crash ? ['', fence(crash)] : [])].join('\n');
  const ext = str(report.probes.find((p) => p.id === 'editor-settings')?.observed.goExtension);
  const editor = [
    `Editor: ${ctx.editor ?? '(not given)'}`,
    `Go extension: ${ctx.goExtension ?? (ext && !ext.startsWith('not found') ? ext : '(not found)')}`,
    `OS: ${report.host.platform} ${report.host.release} ${report.host.arch}`,
    `Report by go-env-doctor ${report.tool.version}`,
  ].join('\n');
  return {
    'gopls-version': goplsVersion,
    'go-env': goEnvText,
    'what-did-you-do': '<!-- What did you do in the editor when this happened? A small module that reproduces it is best. -->',
    'actual-behavior': actual,
    'expected-behavior': '<!-- What did you expect gopls to do? -->',
    'editor-and-settings': editor,
    logs: `The Go Environment Doctor report (secrets redacted):\n\n${renderMarkdown(report)}`,
  };
}

function build(title: string, fields: Record<string, string>): string {
  const q = new URLSearchParams({ template: TEMPLATE, title });
  // Belt and braces: the report is redacted already; the URL is the one place it leaves the machine.
  for (const [k, v] of Object.entries(fields)) q.set(k, redactPatterns(visible(v, { multiline: true })));
  return `${GOPLS_ISSUE_NEW}?${q.toString()}`;
}

/** Cuts text to `keep` characters at a line end, with a note saying how much went. */
function cut(text: string, keep: number, what: string): { text: string; note: string } {
  const lines = text.split('\n');
  let out = '';
  let n = 0;
  for (const l of lines) {
    if (out.length + l.length + 1 > keep) break;
    out += `${l}\n`;
    n++;
  }
  const note = `${what}: ${n} of ${lines.length} lines kept`;
  return { text: `${out}\n… (trimmed to fit a URL: ${lines.length - n} more lines; copy the whole report with "Copy as Markdown" or \`go-env-doctor diagnose --markdown\` and paste it here)`, note };
}

export function goplsIssue(report: Report, ctx: IssueContext = {}, maxChars = MAX_URL_CHARS): GoplsIssue {
  const title = redactPatterns(titleOf(report));
  const fields = issueFields(report, ctx);
  const trimmed: string[] = [];
  let url = build(title, fields);
  // Trim the biggest, least essential field first: the full report, then the crash text.
  for (const key of ['logs', 'actual-behavior', 'go-env']) {
    if (url.length <= maxChars) break;
    const over = url.length - maxChars;
    const encodedLen = new URLSearchParams({ x: fields[key]! }).toString().length - 2;
    // Encoded text is longer than plain text: scale the plain cut by that ratio.
    const ratio = encodedLen / Math.max(1, fields[key]!.length);
    const keep = Math.max(0, Math.floor(fields[key]!.length - over / ratio) - 400);
    const c = cut(fields[key]!, keep, key);
    fields[key] = c.text;
    trimmed.push(c.note);
    url = build(title, fields);
  }
  // Whatever is still too long (a hostile title, a huge crash summary) is cut hard.
  while (url.length > maxChars) {
    const key = Object.keys(fields).sort((a, b) => fields[b]!.length - fields[a]!.length)[0]!;
    fields[key] = fields[key]!.slice(0, Math.floor(fields[key]!.length / 2));
    trimmed.push(`${key}: cut to ${fields[key]!.length} characters`);
    url = build(title, fields);
  }
  const crashed = crashedVersion(report);
  const installed = str(report.probes.find((p) => p.id === 'gopls')?.observed?.goplsVersion);
  const warnings = crashed && installed && !installed.includes(crashed) ? [`the panic in the log is from gopls ${crashed}, and ${installed} is installed: a newer gopls may have fixed it, so check that it still happens before filing`] : [];
  return { url, title, trimmed, warnings };
}
