// The report panel: plain DOM, vscode-elements components, data in through validated messages,
// ids out. Everything the report says is put in with textContent, never as markup.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import './style.css';
import type { Cause, Evidence, Fix, ProbeRecord, Report } from '../src/doctor/model.js';
import { verdictOf } from '../src/render/summary.js';
import { planFix } from '../src/fixes/plan.js';
import { stepInstruction } from '../src/render/fixText.js';
import { parseToWebview, StateSchema, type Progress, type State, type ToExtension } from '../src/protocol/panel.js';

interface VsCodeApi {
  postMessage(msg: ToExtension): void;
  getState(): unknown;
  setState(s: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let state: State | undefined;
let progress: Progress | undefined;
let restored = false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string>, ...kids: Array<Node | string | undefined>): HTMLElementTagNameMap[K];
function el(tag: string, attrs?: Record<string, string>, ...kids: Array<Node | string | undefined>): HTMLElement;
function el(tag: string, attrs: Record<string, string> = {}, ...kids: Array<Node | string | undefined>): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kids) if (k !== undefined) e.append(k);
  return e;
}

function button(testid: string, label: string, icon: string, onClick: () => void, opts: { secondary?: boolean; disabled?: boolean; title?: string; extra?: Record<string, string> } = {}): HTMLElement {
  const b = el('vscode-button', { 'data-testid': testid, icon, 'aria-label': opts.title ?? label, ...(opts.extra ?? {}) }, label);
  if (opts.secondary) b.setAttribute('secondary', '');
  if (opts.disabled) b.setAttribute('disabled', '');
  if (opts.title) b.setAttribute('title', opts.title);
  b.addEventListener('click', () => {
    if (!b.hasAttribute('disabled')) onClick();
  });
  return b;
}

const SEVERITY_ICON = { error: 'error', warning: 'warning', info: 'info' } as const;
const STATUS_ICON: Record<ProbeRecord['status'], string> = { ok: 'pass', warn: 'warning', fail: 'error', skipped: 'circle-slash', timeout: 'watch', crashed: 'bug' };

function evidenceTable(ev: Evidence[]): HTMLElement {
  const body = el('tbody');
  for (const e of ev) {
    body.append(
      el('tr', { 'data-testid': 'evidence' },
        el('td', { class: 'source' }, e.line !== undefined ? `${e.source}:${e.line}` : e.source),
        el('td', { class: 'excerpt' }, el('pre', {}, e.excerpt)),
      ),
    );
  }
  return el('table', { class: 'evidence' },
    el('caption', { class: 'sr-only' }, 'Evidence: where it was read and what was read there'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Source'), el('th', { scope: 'col' }, 'Excerpt'))),
    body,
  );
}

function fixRow(cause: Cause, f: Fix, busy: boolean): HTMLElement {
  const label = f.kind === 'terminal' ? `${f.title} (typed in a terminal)` : f.title;
  const icon = { command: 'debug-restart', setting: 'settings-gear', terminal: 'terminal', link: 'link-external', clearGoplsCache: 'trash' }[f.kind];
  const b = button('fix', label, icon, () => vscode.postMessage({ type: 'applyFix', causeId: cause.id, fixId: f.id }), {
    secondary: f.kind === 'link',
    disabled: busy,
    title: f.detail ?? f.title,
    extra: { 'data-fix-id': f.id, 'data-fix-kind': f.kind },
  });
  const info = el('div', { class: 'fix-info' });
  // The steps the button performs, read from the fix by the same planFix the extension runs.
  for (const s of planFix(f)) {
    if (s.step === 'typeInTerminal') info.append(el('code', { class: 'fix-command' }, s.text), s.needsRoot ? el('span', { class: 'needs-root' }, ' needs root') : '');
    if (s.step === 'createDir') info.append(el('code', { class: 'fix-command' }, stepInstruction(s)), ' ');
    if (s.step === 'writeSetting') info.append(el('code', { class: 'fix-command' }, `${s.key}: ${JSON.stringify(s.value)}`), el('span', { class: 'fix-detail' }, ` (${s.target} settings${s.merge ? ', merged' : ''}) `));
  }
  if (f.detail) info.append(el('div', { class: 'fix-detail' }, f.detail));
  return el('div', { class: 'fix' }, b, info.childNodes.length ? info : undefined);
}

function causeCard(c: Cause, rank: number, busy: boolean): HTMLElement {
  const titleId = `cause-${c.id}`;
  const card = el('article', { class: `cause ${c.severity}`, 'data-testid': 'cause', 'data-cause-id': c.id, 'data-severity': c.severity, 'aria-labelledby': titleId });
  card.append(
    el('header', {},
      el('vscode-icon', { name: SEVERITY_ICON[c.severity], class: `sev ${c.severity}`, 'aria-hidden': 'true' }),
      el('h3', { id: titleId }, `${rank}. ${c.title}`),
      el('vscode-badge', { 'aria-label': `severity ${c.severity}` }, c.severity),
      el('span', { class: 'score', title: 'How strongly the evidence points here (0 to 1)' }, `score ${c.score.toFixed(2)}`),
      el('span', { class: 'class-id' }, c.id),
    ),
    el('p', { class: 'explanation' }, c.explanation),
  );
  for (const f of c.findings) {
    card.append(el('section', { class: 'finding', 'aria-label': 'finding' }, el('p', { class: 'message' }, f.message), evidenceTable(f.evidence)));
  }
  if (c.fixes.length) {
    const fixes = el('div', { class: 'fixes', role: 'group', 'aria-label': `Fixes for ${c.title}` });
    for (const f of c.fixes) fixes.append(fixRow(c, f, busy));
    card.append(fixes);
  }
  return card;
}

function probeTable(probes: ProbeRecord[]): HTMLElement {
  const body = el('tbody');
  for (const p of probes) {
    body.append(
      el('tr', { 'data-testid': 'probe', 'data-probe-id': p.id, 'data-status': p.status },
        el('td', {}, el('vscode-icon', { name: STATUS_ICON[p.status], class: `status ${p.status}`, 'aria-hidden': 'true' }), ` ${p.status}`, p.followUp ? el('span', { class: `follow-up ${p.followUp.status}`, 'data-testid': 'follow-up', 'data-status': p.followUp.status }, ` · ${p.followUp.title}: ${p.followUp.status}`) : undefined),
        el('td', {}, p.title),
        el('td', { class: 'num' }, `${p.durationMs.toFixed(p.durationMs < 10 ? 1 : 0)} ms`),
        el('td', { class: 'reason' }, p.reason ?? (p.findingCount ? `${p.findingCount} finding${p.findingCount === 1 ? '' : 's'}` : '')),
      ),
    );
  }
  return el('table', { class: 'probes' },
    el('caption', { class: 'sr-only' }, 'Every probe, with its status and duration'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Status'), el('th', { scope: 'col' }, 'Probe'), el('th', { scope: 'col' }, 'Time'), el('th', { scope: 'col' }, 'Note'))),
    body,
  );
}

function render(): void {
  const s = state;
  app.replaceChildren();
  app.setAttribute('aria-busy', String(!!s?.running));
  const running = !!s?.running;
  const report = s?.report ?? null;

  const toolbar = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Report actions' },
    button('rerun', running ? 'Diagnosing…' : 'Re-run', 'refresh', () => vscode.postMessage({ type: 'rerun' }), { disabled: running, title: 'Run every probe again' }),
    button('record-trace', 'Record gopls Trace', 'record', () => vscode.postMessage({ type: 'recordTrace' }), { secondary: true, disabled: running, title: 'Record a gopls trace for a few seconds, then diagnose with it' }),
    button('check-online', 'Check the module proxy', 'globe', () => vscode.postMessage({ type: 'checkOnline' }), { secondary: true, disabled: running, title: 'Diagnose again and ask your GOPROXY for one dependency of the workspace (uses the network)' }),
    button('copy-markdown', 'Copy as Markdown', 'copy', () => vscode.postMessage({ type: 'copyMarkdown' }), { secondary: true, disabled: !report, title: 'Copy the report as Markdown (secrets redacted)' }),
    button('save-json', 'Save JSON', 'save', () => vscode.postMessage({ type: 'saveJson' }), { secondary: true, disabled: !report, title: 'Save the report as JSON' }),
  );
  app.append(el('header', { class: 'top' }, el('h1', {}, 'Go Environment Doctor'), toolbar));

  const verdict = el('p', { class: 'verdict', 'data-testid': 'verdict', role: 'status' });
  verdict.textContent = report ? verdictOf(report).line : running ? 'Diagnosing…' : 'No diagnosis yet.';
  if (report) verdict.classList.add(report.causes.some((c) => c.severity === 'error') ? 'error' : report.causes.some((c) => c.severity === 'warning') ? 'warning' : 'ok');
  app.append(verdict);

  if (s?.trigger) app.append(el('p', { class: 'trigger' }, el('vscode-icon', { name: 'flame', 'aria-hidden': 'true' }), ` ${s.trigger}`));
  if (s?.restricted) {
    app.append(el('p', { class: 'restricted', 'data-testid': 'restricted', role: 'note' }, el('vscode-icon', { name: 'shield', 'aria-hidden': 'true' }), ` Restricted Mode: ${s.restrictedNote ?? 'binaries named by workspace settings are never executed.'}`));
  }
  if (running) {
    const p = progress;
    const bar = el('vscode-progress-bar', { 'aria-label': 'Diagnosis progress' });
    if (p && p.total > 0) {
      bar.setAttribute('value', String(p.done));
      bar.setAttribute('max', String(p.total));
    } else bar.setAttribute('indeterminate', '');
    app.append(el('div', { class: 'progress', 'data-testid': 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(p?.total ?? 0), 'aria-valuenow': String(p?.done ?? 0) },
      bar, el('span', {}, p && p.total ? `${p.done} of ${p.total} probes${p.done ? ` (last: ${p.probe})` : ''}` : 'Starting…')));
  }
  if (s?.recheck) {
    const r = s.recheck;
    const icon = r.result === 'gone' ? 'pass' : r.result === 'pending' ? 'sync' : 'warning';
    app.append(el('p', { class: `recheck ${r.result}`, 'data-testid': 'recheck', 'data-result': r.result, 'data-cause-id': r.causeId, 'data-fix-id': r.fixId, role: 'status' }, el('vscode-icon', { name: icon, 'aria-hidden': 'true' }), ` ${r.message}`));
  }
  if (s?.notice) app.append(el('p', { class: 'notice', role: 'status' }, s.notice));
  if (s?.error) app.append(el('p', { class: 'error-line', role: 'alert' }, s.error));

  if (report) {
    if (report.causes.length) {
      const list = el('section', { class: 'causes', 'aria-label': 'Causes, most likely first' }, el('h2', {}, 'Causes, most likely first'));
      report.causes.forEach((c, i) => list.append(causeCard(c, i + 1, running)));
      app.append(list);
    } else {
      app.append(el('p', { class: 'healthy' }, el('vscode-icon', { name: 'pass', 'aria-hidden': 'true' }), ' Nothing in this environment explains a Go tooling failure.'));
    }
    const probes = el('vscode-collapsible', { heading: `Probes (${report.probes.length})`, open: '', class: 'probes-box' }, probeTable(report.probes));
    app.append(probes);
    app.append(el('p', { class: 'meta' }, `go-env-doctor ${report.tool.version} · ${report.host.platform} ${report.host.release} ${report.host.arch} · ${new Date(report.generatedAt).toLocaleString()}`));
  }
}

window.addEventListener('message', (ev: MessageEvent) => {
  const m = parseToWebview(ev.data);
  if (!m) {
    console.warn('go-env-doctor: ignored a malformed message');
    return;
  }
  if (m.type === 'progress') {
    progress = m;
    if (state && !state.running) state = { ...state, running: true };
  } else {
    // After a reload the extension has no report yet: keep showing the restored one until it does.
    state = m.report === null && !m.running && restored && state?.report ? { ...m, report: state.report, notice: m.notice ?? state.notice } : m;
    if (m.report) restored = false;
    if (!m.running) progress = undefined;
    // Survives the panel being hidden or the window reloading (no retainContextWhenHidden).
    vscode.setState({ state });
  }
  render();
});

const saved = StateSchema.safeParse((vscode.getState() as { state?: unknown } | undefined)?.state);
if (saved.success) {
  state = { ...saved.data, running: false, recheck: undefined, notice: 'Restored from before the reload; Re-run to refresh it.' };
  restored = true;
}
render();
vscode.postMessage({ type: 'ready' });
