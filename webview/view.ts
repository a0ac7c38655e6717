// The panel's templates (lit-html): one render of the whole state, which lit turns into in-place
// updates of the nodes that changed. Cards, fixes and rows are keyed, so a button the user focused
// is the same node after every update, icons do not flicker, and nothing is rebuilt.
// Everything the report says goes in as text bindings (escaped by lit), never as markup.
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { Cause, Crash, Evidence, Fix, ProbeRecord, Report, Tool } from '../src/doctor/model.js';
import { planFix } from '../src/fixes/plan.js';
import { stepInstruction } from '../src/render/fixText.js';
import { EVIDENCE_ROWS, evidenceShown } from '../src/render/evidenceShown.js';
import { followsFrom, followsTail, noCauseLine, symptomNote, verdictOf } from '../src/render/summary.js';
import type { Progress, State, ToExtension } from '../src/protocol/panel.js';

export interface ViewInput {
  state: State | undefined;
  progress: Progress | undefined;
  /** Date.now() of this render, for the trace countdown. */
  now: number;
  post(m: ToExtension): void;
}

const SEVERITY_ICON = { error: 'error', warning: 'warning', info: 'info' } as const;
const STATUS_ICON: Record<ProbeRecord['status'], string> = { ok: 'pass', warn: 'warning', fail: 'error', skipped: 'circle-slash', timeout: 'watch', crashed: 'bug' };
const FIX_ICON: Record<Fix['kind'], string> = { command: 'debug-restart', setting: 'settings-gear', terminal: 'terminal', link: 'link-external', openFile: 'go-to-file', clearGoplsCache: 'trash' };

const icon = (name: string, cls = '') => html`<span class="codicon codicon-${name} ${cls}" aria-hidden="true"></span>`;

/**
 * A native button. While busy it stays focusable (aria-disabled, not disabled): a focused button
 * that became `disabled` would drop focus to the document, and the next Tab would start over.
 */
function button(o: { key: string; label: string; icon: string; onClick: () => void; busy?: boolean; secondary?: boolean; describedBy?: string; title?: string; testid: string; attrs?: Record<string, string> }): TemplateResult {
  const click = () => {
    if (!o.busy) o.onClick();
  };
  return html`<button
    type="button"
    class="btn ${o.secondary ? 'secondary' : ''}"
    data-testid=${o.testid}
    data-focus-key=${o.key}
    data-fix-id=${o.attrs?.['data-fix-id'] ?? nothing}
    data-fix-kind=${o.attrs?.['data-fix-kind'] ?? nothing}
    aria-disabled=${o.busy ? 'true' : 'false'}
    aria-describedby=${o.describedBy ?? nothing}
    title=${o.title ?? nothing}
    @click=${click}
  >${icon(o.icon)}<span class="label">${o.label}</span></button>`;
}

/** `untold`: lines that said it beyond those shown (a log finding keeps up to 50: render/evidenceShown.ts). */
function evidenceTable(ev: Evidence[], label: string, untold = 0): TemplateResult {
  return html`<table class="evidence stack" role="table" aria-label=${label}>
    <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">Source</th><th role="columnheader" scope="col">Excerpt</th></tr></thead>
    <tbody role="rowgroup">
      ${ev.map(
        (e) => html`<tr role="row" data-testid="evidence">
          <td role="cell" class="source" data-label="Source">${e.line !== undefined ? `${e.source}:${e.line}` : e.source}</td>
          <td role="cell" class="excerpt" data-label="Excerpt"><pre>${e.excerpt}</pre></td>
        </tr>`,
      )}
      ${untold > 0 ? html`<tr role="row" data-testid="evidence-more"><td role="cell" class="source" data-label="Source"></td><td role="cell" class="excerpt" data-label="Excerpt">… and ${untold} more</td></tr>` : nothing}
    </tbody>
  </table>`;
}

/** What a button does, in words a screen reader says first; the command or setting is its description. */
function fixLabel(f: Fix): string {
  switch (f.kind) {
    case 'terminal':
      // A check changes nothing: its label says so, so it is not taken for the repair.
      return `${f.check ? 'Check: ' : ''}${f.title} (typed in a terminal)`;
    case 'link':
      return `${f.title} (opens in the browser)`;
    default:
      return f.title;
  }
}

function fixRow(cause: Cause, f: Fix, busy: boolean, post: ViewInput['post']): TemplateResult {
  const infoId = `fix-${cause.id}-${f.id}`;
  const info: TemplateResult[] = [];
  // The steps the button performs, read from the fix by the same planFix the extension runs.
  for (const s of planFix(f)) {
    if (s.step === 'typeInTerminal') {
      info.push(html`<code class="fix-command">${s.text}</code>`);
      if (s.needsRoot) info.push(html`<span class="needs-root">${icon('shield')} needs root</span>`);
    }
    if (s.step === 'createDir') info.push(html`<code class="fix-command">${stepInstruction(s)}</code>`);
    if (s.step === 'writeSetting') {
      info.push(html`<code class="fix-command">${s.key}: ${JSON.stringify(s.value)}</code>`);
      info.push(html`<span class="fix-where">${s.target === 'user' ? 'User' : 'Workspace'} settings${s.merge ? ', merged with what is there' : ''}</span>`);
    }
    if (s.step === 'openUrl') info.push(html`<span class="fix-where">${s.url}</span>`);
  }
  if (f.detail) info.push(html`<p class="fix-detail">${f.detail}</p>`);
  return html`<div class="fix" data-testid="fix-row">
    ${button({
      key: `fix:${cause.id}:${f.id}`,
      testid: 'fix',
      label: fixLabel(f),
      icon: FIX_ICON[f.kind],
      secondary: f.kind === 'link',
      busy,
      describedBy: info.length ? infoId : undefined,
      attrs: { 'data-fix-id': f.id, 'data-fix-kind': f.kind },
      onClick: () => post({ type: 'applyFix', causeId: cause.id, fixId: f.id }),
    })}
    ${info.length ? html`<div class="fix-info" id=${infoId}>${info}</div>` : nothing}
  </div>`;
}

function causeCard(c: Cause, rank: number, busy: boolean, post: ViewInput['post'], causes: readonly Cause[]): TemplateResult {
  const titleId = `cause-${c.id}`;
  // A class that only follows from causes above it says so before anything else, with a link.
  const follows = followsFrom(c, causes);
  return html`<article class="card cause ${c.severity}" id=${`card-${c.id}`} data-testid="cause" data-cause-id=${c.id} data-severity=${c.severity} aria-labelledby=${titleId}>
    <header>
      ${follows ? icon('arrow-small-right', 'sev follows') : icon(SEVERITY_ICON[c.severity], `sev ${c.severity}`)}
      <h3 id=${titleId}>${rank}. ${c.title}</h3>
      <span class="tag ${c.severity}">${follows ? `${c.severity} symptom` : c.severity}</span>
    </header>
    ${follows
      ? html`<p class="follows-from" data-testid="follows-from">Follows from ${follows.map((e, i) => html`${i ? ' and ' : ''}<a href=${`#card-${e.id}`}>${causes.indexOf(e) + 1}. ${e.title}</a>`)}: ${followsTail(follows.length)}</p>`
      : nothing}
    <p class="explanation">${c.explanation}</p>
    ${c.findings.map((f, i) => {
      const note = symptomNote(f);
      // Named by its own message: "Finding 1" in every card would make the regions indistinguishable.
      const msgId = `finding-${c.id}-${i}`;
      return html`<section class="finding" aria-labelledby=${msgId}>
        <p class="message" id=${msgId}>${f.message}</p>
        ${note ? html`<p class="symptom-note" data-testid="symptom-note">${note}</p>` : nothing}
        ${((e) => evidenceTable(e.shown, `Evidence for: ${f.message}`, e.untold))(evidenceShown(f, EVIDENCE_ROWS))}
      </section>`;
    })}
    ${c.fixes.length
      ? html`<div class="fixes" role="group" aria-label=${`Fixes for ${c.title}`}>${repeat(c.fixes, (f) => f.id, (f) => fixRow(c, f, busy, post))}</div>`
      : nothing}
    <p class="card-meta"><span class="class-id">${c.id}</span> · <span class="score" title="How strongly the evidence points here (0 to 1)">score ${c.score.toFixed(2)}</span></p>
  </article>`;
}

function crashCard(c: Crash, busy: boolean, post: ViewInput['post']): TemplateResult {
  const at = new Date(c.at);
  return html`<article class="card crash" data-testid="crash" data-crash-kind=${c.kind} aria-labelledby="crash-title">
    <header>${icon('bug', 'sev error')}<h2 id="crash-title">gopls crashed at ${Number.isNaN(at.getTime()) ? c.at : at.toLocaleTimeString()}</h2><span class="tag error">${c.kind}</span></header>
    <p class="explanation" data-testid="crash-summary">${c.summary}</p>
    <p class="crash-cause" data-testid="crash-explained">
      ${c.explainedBy.length
        ? html`Explained by: ${c.explainedBy.map((e, i) => html`${i ? '; ' : ''}<a href=${`#card-${e.id}`}>${e.title}</a>`)}.`
        : (c.attribution ?? 'Nothing found in this environment explains the crash; the evidence below is what the logs say.')}
    </p>
    ${c.evidence.length ? evidenceTable(c.evidence, 'Evidence for the crash') : nothing}
    <div class="fixes" role="group" aria-label="Recover from the crash">
      <div class="fix">
        ${button({ key: 'restart-gopls', testid: 'restart-gopls', label: 'Restart gopls', icon: 'debug-restart', busy, describedBy: 'restart-gopls-info', onClick: () => post({ type: 'restartGopls' }) })}
        <div class="fix-info" id="restart-gopls-info"><p class="fix-detail">Runs the Go extension's "Restart Language Server".</p></div>
      </div>
    </div>
  </article>`;
}

function probeTable(probes: ProbeRecord[]): TemplateResult {
  return html`<table class="probes stack" role="table" aria-label="Every probe, with its status and duration">
    <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">Status</th><th role="columnheader" scope="col">Probe</th><th role="columnheader" scope="col">Time</th><th role="columnheader" scope="col">Note</th></tr></thead>
    <tbody role="rowgroup">
      ${repeat(
        probes,
        (p) => p.id,
        (p) => html`<tr role="row" data-testid="probe" data-probe-id=${p.id} data-status=${p.status}>
          <td role="cell" data-label="Status">${icon(STATUS_ICON[p.status], `status ${p.status}`)} ${p.status}${p.followUp
            ? html`<span class="follow-up ${p.followUp.status}" data-testid="follow-up" data-status=${p.followUp.status}> · ${p.followUp.title}: ${p.followUp.status}</span>`
            : nothing}</td>
          <td role="cell" data-label="Probe">${p.title}</td>
          <td role="cell" class="num" data-label="Time">${p.durationMs.toFixed(p.durationMs < 10 ? 1 : 0)} ms</td>
          <td role="cell" class="reason" data-label="Note">${p.reason ?? (p.findingCount ? `${p.findingCount} finding${p.findingCount === 1 ? '' : 's'}` : '')}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The tool inventory: each Go tool the Go extension would run, its version and the Go that built it. */
function toolsTable(tools: Tool[]): TemplateResult {
  const found = tools.filter((t) => t.found);
  const missing = tools.filter((t) => !t.found).map((t) => t.name);
  return html`${found.length
      ? html`<table class="tools stack" role="table" aria-label="Go tools the Go extension would run">
          <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">Tool</th><th role="columnheader" scope="col">Version</th><th role="columnheader" scope="col">Built with</th><th role="columnheader" scope="col">Found</th></tr></thead>
          <tbody role="rowgroup">
            ${repeat(
              found,
              (t) => t.name,
              (t) => html`<tr role="row" data-testid="tool" data-tool=${t.name} data-stale=${t.stale ? 'true' : 'false'}>
                <td role="cell" data-label="Tool">${t.name}</td>
                <td role="cell" data-label="Version">${t.version ?? '?'}</td>
                <td role="cell" data-label="Built with">${t.goVersion
                  ? html`${t.goVersion}${t.stale ? html` ${icon('warning', 'sev warning')} older Go` : nothing}`
                  : html`<span class="reason">${t.error ?? 'no build info'}</span>`}</td>
                <td role="cell" class="source" data-label="Found">${t.source}: ${t.path}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p>None of the Go extension's tools was found.</p>`}
    ${missing.length ? html`<p class="reason" data-testid="tools-missing">Not found: ${missing.join(', ')}</p>` : nothing}`;
}

/** One line under the toolbar with a reserved height: progress while running, the last outcome after. */
function statusSlot(v: ViewInput): TemplateResult {
  const s = v.state;
  const lines: TemplateResult[] = [];
  if (s?.running) {
    const p = v.progress;
    const tracing = s.tracing;
    const left = tracing ? Math.max(0, Math.ceil((tracing.endsAt - v.now) / 1000)) : 0;
    const text = tracing && left > 0 ? `Recording a gopls trace: ${left} s left` : p && p.total ? `${p.done} of ${p.total} probes${p.done ? ` (last: ${p.probe})` : ''}` : 'Starting…';
    lines.push(html`<div class="progress" data-testid="progress">
      <progress aria-label="Diagnosis progress" max=${p?.total || 1} value=${p && p.total ? p.done : nothing}></progress>
      <span class="progress-text" data-testid="progress-text">${text}</span>
      ${button({ key: 'cancel', testid: 'cancel', label: tracing ? 'Cancel Trace' : 'Cancel', icon: 'close', secondary: true, onClick: () => v.post({ type: 'cancel' }) })}
    </div>`);
  } else {
    if (s?.error) lines.push(html`<p class="line error-line" data-testid="error">${icon('error', 'sev error')} ${s.error}</p>`);
    if (s?.recheck) {
      const r = s.recheck;
      const name = r.result === 'gone' ? 'pass' : r.result === 'pending' ? 'sync' : r.result === 'not-applied' ? 'info' : 'warning';
      const cls = r.result === 'gone' ? 'ok' : r.result === 'still-there' ? 'warning' : 'info';
      lines.push(html`<p class="line recheck" data-testid="recheck" data-result=${r.result} data-cause-id=${r.causeId} data-fix-id=${r.fixId}>${icon(name, `sev ${cls}`)} ${r.message}</p>`);
    }
    if (s?.notice) lines.push(html`<p class="line notice" data-testid="notice">${icon('info', 'sev info')} ${s.notice}</p>`);
  }
  return html`<div class="status-slot" role="status" aria-live="polite">${lines}</div>`;
}

export function view(v: ViewInput): TemplateResult {
  const s = v.state;
  const running = !!s?.running;
  const report: Report | null = s?.report ?? null;
  const rechecked = !!s?.recheck && s.recheck.result !== 'pending';
  const verdict = report ? verdictOf(report, { duration: !rechecked }) : undefined;
  const level = !report ? 'none' : report.causes.some((c) => c.severity === 'error') ? 'error' : report.causes.some((c) => c.severity === 'warning') ? 'warning' : 'ok';
  const verdictText = verdict ? (rechecked ? `${verdict.line}, after a re-check` : verdict.line) : running ? 'Diagnosing…' : 'No diagnosis yet.';
  // A verdict over probes that did not finish gets no pass mark (summary.ts noCauseLine).
  const verdictIcon = level === 'error' ? 'error' : level === 'warning' ? 'warning' : level === 'ok' ? (verdict?.unfinished.length ? 'question' : 'pass') : 'pulse';

  return html`
    <header class="top">
      <h1>Go Environment Doctor</h1>
      <div class="toolbar" role="toolbar" aria-label="Report actions">
        ${button({ key: 'rerun', testid: 'rerun', label: 'Re-run', icon: 'refresh', busy: running, onClick: () => v.post({ type: 'rerun' }) })}
        ${button({ key: 'record-trace', testid: 'record-trace', label: 'Record gopls Trace', icon: 'record', secondary: true, busy: running, onClick: () => v.post({ type: 'recordTrace' }) })}
        ${button({ key: 'copy-markdown', testid: 'copy-markdown', label: 'Copy as Markdown', icon: 'copy', secondary: true, busy: !report || running, onClick: () => v.post({ type: 'copyMarkdown' }) })}
        ${button({ key: 'save-json', testid: 'save-json', label: 'Save JSON', icon: 'save', secondary: true, busy: !report || running, onClick: () => v.post({ type: 'saveJson' }) })}
        ${button({ key: 'report-gopls', testid: 'report-gopls', label: 'Report to gopls', icon: 'github', secondary: true, busy: !report || running, title: 'Open a new gopls issue on github.com/golang/go in your browser, pre-filled with the versions and this redacted report; you review and submit it', onClick: () => v.post({ type: 'reportToGopls' }) })}
        ${button({ key: 'check-online', testid: 'check-online', label: 'Check the module proxy', icon: 'globe', secondary: true, busy: running, title: 'Diagnose again and ask your GOPROXY for one dependency of the workspace (uses the network)', onClick: () => v.post({ type: 'checkOnline' }) })}
      </div>
    </header>
    <p class="verdict ${level}" data-testid="verdict">${icon(verdictIcon, `sev ${level}`)} <span data-testid="verdict-text">${verdictText}</span></p>
    ${s?.trigger && !report?.crash ? html`<p class="line trigger">${icon('flame', 'sev error')} ${s.trigger}</p>` : nothing}
    ${s?.restricted
      ? html`<p class="line restricted" data-testid="restricted" role="note">${icon('shield', 'sev warning')} Restricted Mode: ${s.restrictedNote ?? 'binaries named by workspace settings are never executed.'}</p>`
      : nothing}
    ${statusSlot(v)}
    ${report
      ? html`
          ${report.crash ? crashCard(report.crash, running, v.post) : nothing}
          ${report.causes.length
            ? html`<section class="causes" aria-labelledby="causes-title"><h2 id="causes-title">Causes, most likely first</h2>
                ${repeat(report.causes, (c) => c.id, (c, i) => causeCard(c, i + 1, running, v.post, report.causes))}</section>`
            : noCauseLine(report).healthy
              ? html`<p class="healthy" data-testid="healthy">${icon('pass', 'sev ok')} Go tooling should work here: nothing in this environment explains a Go tooling failure.</p>`
              : html`<p class="healthy unfinished" data-testid="healthy">${icon('question', 'sev warning')} ${noCauseLine(report).line}</p>`}
          ${report.tools
            ? html`<details class="probes-box tools-box">
                <summary class="probes-summary">Go tools (${report.tools.filter((t) => t.found).length} found${report.tools.some((t) => t.stale) ? `, ${report.tools.filter((t) => t.stale).length} built with an older Go` : ''})</summary>
                ${toolsTable(report.tools)}
              </details>`
            : nothing}
          ${report.goEnvChanged
            ? html`<details class="probes-box go-env-changed">
                <summary class="probes-summary">Go environment you changed (${Object.keys(report.goEnvChanged).length})</summary>
                ${Object.keys(report.goEnvChanged).length
                  ? html`<pre data-testid="go-env-changed">${Object.keys(report.goEnvChanged)
                      .sort()
                      .map((k) => `${k}=${report.goEnvChanged![k]}`)
                      .join('\n')}</pre>`
                  : html`<p>Every Go setting has its default (go env -changed printed nothing).</p>`}
              </details>`
            : nothing}
          <details class="probes-box" open>
            <summary class="probes-summary">Probes (${report.probes.length})</summary>
            ${probeTable(report.probes)}
          </details>
          <p class="meta">go-env-doctor ${report.tool.version} · ${report.host.platform} ${report.host.release} ${report.host.arch} · ${new Date(report.generatedAt).toLocaleString()}</p>
        `
      : nothing}
  `;
}
