// The report panel: state in through validated messages, ids out, the DOM updated in place by
// lit-html (webview/view.ts). Focus is kept on the control the user last used, across updates and
// across the editor's dialogs (a setting's confirmation, the save dialog), which blur the webview.
import { render } from 'lit-html';
import './style.css';
import { parseToWebview, StateSchema, type Progress, type State, type ToExtension } from '../src/protocol/panel.js';
import { view } from './view.js';

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
let countdown: ReturnType<typeof setInterval> | undefined;
/** data-focus-key of the control that last had focus. */
let focusKey: string | undefined;

const post = (m: ToExtension) => vscode.postMessage(m);

function paint(): void {
  app.setAttribute('aria-busy', String(!!state?.running));
  render(view({ state, progress, now: Date.now(), post }), app);
  // A trace counts down once a second while it records.
  if (state?.running && state.tracing && !countdown) countdown = setInterval(paint, 1000);
  if (!(state?.running && state.tracing) && countdown) {
    clearInterval(countdown);
    countdown = undefined;
  }
  restoreFocus();
}

/** Puts focus back on the last used control when nothing inside the panel holds it. */
function restoreFocus(): void {
  if (!focusKey || !document.hasFocus()) return;
  const active = document.activeElement;
  if (active && active !== document.body && app.contains(active)) return;
  const target = app.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
  target?.focus({ preventScroll: true });
}

app.addEventListener('focusin', (e) => {
  const key = (e.target as HTMLElement | null)?.closest?.('[data-focus-key]')?.getAttribute('data-focus-key');
  focusKey = key ?? undefined;
});
// The webview's document gets focus back when a modal dialog of the editor closes (Esc too).
window.addEventListener('focus', () => setTimeout(restoreFocus, 0));

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
    // (Also while its first run goes: the cards, and the button the user pressed, stay in place.)
    state = m.report === null && restored && state?.report ? { ...m, report: state.report, notice: m.notice ?? state.notice } : m;
    if (m.report) restored = false;
    if (!m.running) progress = undefined;
    // Survives the panel being hidden or the window reloading (no retainContextWhenHidden).
    vscode.setState({ state });
  }
  paint();
});

const saved = StateSchema.safeParse((vscode.getState() as { state?: unknown } | undefined)?.state);
if (saved.success) {
  state = { ...saved.data, running: false, recheck: undefined, tracing: undefined, notice: 'Restored from before the reload; Re-run to refresh it.' };
  restored = true;
}
app.replaceChildren();
paint();
post({ type: 'ready' });
