// Pieces of the Go Environment Doctor e2e flow that the test and the bench share: the browser page
// on the workbench with the doctor's panel, what the extension host spawned, when our extension
// activated and how long VS Code says it took, the status-bar badge, the stand-in's gopls.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions, FrameLocator, Page } from 'playwright-core';
import type { CodeServer } from './codeServer.js';
import type { NoexecMount } from './noexecMount.js';
import { alive, childrenOf, environOf, exeBasename, type ProcInfo } from './procs.js';
import { STANDIN_MARKER } from './standin.js';
import { captureConsole, launchBrowser, openWorkbench, runCommand, webviewFrame, type ConsoleEntry, type E2EBrowser } from './workbench.js';

export const DOCTOR_ID = 'go-env-doctor.go-env-doctor';
export const STATUS_ID = 'goEnvDoctor.status';

export interface DoctorPage {
  browser: E2EBrowser;
  context: BrowserContext;
  page: Page;
  /** Console messages and page errors of the page, the webview frames' included, from before it loaded. */
  consoleEntries: ConsoleEntry[];
  /** The doctor's panel (its webview's content frame); a locator, so it resolves once the panel is open. */
  panel: FrameLocator;
}

/**
 * What a panel suite opened, closed in the order that leaves nothing behind: the browser, then
 * code-server (its process tree and directory), then, even when that throws, the workspace folder
 * and the noexec mount. The caller asserts what it needs of the mount afterwards.
 */
export async function closeDoctorWindow(w: { browser?: E2EBrowser; cs?: CodeServer; folder?: string; noexec?: NoexecMount }): Promise<void> {
  await w.browser?.close();
  try {
    await w.cs?.stop();
  } finally {
    if (w.folder) rmSync(w.folder, { recursive: true, force: true });
    w.noexec?.unmount();
  }
}

/**
 * Chromium, a 1280×900 context, console capture, and the workbench open on `folder`: the set-up every
 * panel suite shares. `context` adds what a suite needs of its own (clipboard permissions, a colour
 * scheme); the caller closes it with `browser.close()`.
 */
export async function openDoctorPage(cs: CodeServer, folder: string, context: BrowserContextOptions = {}): Promise<DoctorPage> {
  const browser = await launchBrowser();
  try {
    const ctx = await browser.browser.newContext({ viewport: { width: 1280, height: 900 }, ...context });
    const page = await ctx.newPage();
    const consoleEntries = captureConsole(page);
    await openWorkbench(page, cs.url, folder);
    return { browser, context: ctx, page, consoleEntries, panel: webviewFrame(page, DOCTOR_ID) };
  } catch (err) {
    // The caller has no handle to close yet: do not leave a Chromium behind.
    await browser.close();
    throw err;
  }
}

export interface SeenChild extends ProcInfo {
  /** The stand-in Go extension's gopls (marked in its environment), not ours. */
  standin: boolean;
  /** Only ever seen between fork and exec (it exited before it showed its own argv). */
  preExec?: boolean;
  firstSeenMs: number;
}

/**
 * Samples the extension host's children every few milliseconds from before the page loads:
 * short-lived ones (a `go env` takes ~30 ms) are caught too. No cost to the editor: /proc reads.
 */
export class ChildSampler {
  readonly seen = new Map<number, SeenChild>();
  private timer: NodeJS.Timeout | undefined;
  private readonly t0 = Date.now();

  constructor(private readonly cs: CodeServer, private readonly everyMs = 10) {}

  start(): this {
    this.timer = setInterval(() => this.sample(), this.everyMs);
    return this;
  }

  /** Children caught between fork and exec: they still carry the extension host's argv and environment. */
  private readonly preExec = new Map<number, SeenChild>();

  sample(): void {
    for (const host of this.cs.extensionHosts()) {
      for (const c of childrenOf(host.pid)) {
        if (this.seen.has(c.pid)) continue;
        const entry = { ...c, standin: environOf(c.pid)[STANDIN_MARKER] === '1', firstSeenMs: Date.now() - this.t0 };
        if (c.argv.join('\0') === host.argv.join('\0')) {
          if (!this.preExec.has(c.pid)) this.preExec.set(c.pid, { ...entry, preExec: true });
          continue;
        }
        this.preExec.delete(c.pid);
        this.seen.set(c.pid, entry);
      }
    }
  }

  /** Everything seen; a child that exited before its exec was observed is kept as it was seen. */
  stop(): SeenChild[] {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    for (const [pid, entry] of this.preExec) if (!alive(pid)) this.seen.set(pid, entry);
    return [...this.seen.values()];
  }

  /**
   * Children that neither the stand-in's gopls nor VS Code itself account for: what another
   * extension (ours) spawned. One seen only while exiting (no argv left) is ours if it led its own
   * session, as everything host/exec.ts spawns does; VS Code's child_process.exec children do not.
   */
  foreign(): SeenChild[] {
    return [...this.seen.values()].filter(isForeign);
  }
}

export function isForeign(c: Pick<SeenChild, 'pid' | 'session' | 'argv' | 'standin' | 'preExec'>): boolean {
  if (c.standin) return false;
  if (c.argv.length === 0 || c.preExec) return c.session === c.pid;
  return !coreSpawn(c.argv);
}

/**
 * What VS Code 1.100's extension host spawns by itself, whatever the extensions: the ripgrep
 * search behind `workspaceContains:` activation events, and the port auto-detection of
 * ExtHostTunnelService (`ls -l /proc/[0-9]*\/fd/[0-9]* | grep socket:`, then, for sockets of
 * other users' processes, `ps -F -A -l | grep <user>`), both read from extensionHostProcess.js.
 * Also the language servers of VS Code's built-in extensions, which ship inside VS Code
 * (code-server's lib/vscode/extensions/: json-language-features starts its server when the
 * workbench opens a JSON file, e.g. a workspace's settings; seen once at +9 s in a CI run), not
 * in the user's extensions directory where ours is installed.
 */
export function coreSpawn(argv: string[]): string | undefined {
  const [file = '', ...args] = argv;
  if (argv.some((a) => /\/lib\/vscode\/extensions\/[^/]+\/server\//.test(a))) return 'built-in language server';
  if (path.basename(file) === 'rg' && args.includes('--files') && file.includes('@vscode/ripgrep')) return 'workspaceContains search';
  if (file === '/bin/sh' && args[0] === '-c') {
    if (args[1] === 'ls -l /proc/[0-9]*/fd/[0-9]* | grep socket:') return 'port auto-detection';
    if (/^ps -F -A -l \| grep \S+$/.test(args[1] ?? '')) return 'port auto-detection';
  }
  return undefined;
}

export function remoteExthostLog(cs: CodeServer): string {
  const dir = cs.exthostLogDir();
  const file = dir && path.join(dir, 'remoteexthost.log');
  return file && existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** The doctor's own output channel as the extension host persisted it (<exthost>/<extension id>/Go Environment Doctor.log). */
export function doctorLog(cs: CodeServer): string {
  const dir = cs.exthostLogDir();
  const ext = dir && path.join(dir, DOCTOR_ID);
  if (!ext || !existsSync(ext)) return '';
  return readdirSync(ext)
    .filter((f) => f.endsWith('.log'))
    .map((f) => readFileSync(path.join(ext, f), 'utf8'))
    .join('\n');
}

/**
 * Waits until the doctor's crash watcher has seen this gopls ("watching gopls <pid>"): a gopls
 * killed before that is a death nobody could notice, and a test that kills it sooner races the
 * watcher (it lost once on a slower CI machine).
 */
export async function waitForWatched(cs: CodeServer, pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const line = new RegExp(`watching gopls ${pid}\\b`);
  while (!line.test(doctorLog(cs))) {
    if (Date.now() > deadline) throw new Error(`the doctor did not report watching gopls ${pid} within ${timeoutMs} ms:\n${doctorLog(cs).slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The extension host logs `ExtensionService#_doActivateExtension <id>, startup: …, activationEvent: '…'`. */
export function activationLine(log: string, extensionId: string): string | undefined {
  return log.split('\n').find((l) => l.includes(`_doActivateExtension ${extensionId},`));
}

export async function waitForActivation(cs: CodeServer, extensionId: string, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = activationLine(remoteExthostLog(cs), extensionId);
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`${extensionId} did not activate within ${timeoutMs} ms:\n${remoteExthostLog(cs).slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Parses a "Developer: Show Running Extensions" row: "Name\nversion\n host\nStartup Activation: 67ms". */
export function parseActivationMs(rowText: string): number | undefined {
  const m = /Activation:\s*([\d.]+)\s*ms/.exec(rowText);
  return m ? Number(m[1]) : undefined;
}

/**
 * The activation time VS Code itself measured (code loading + activate() call), as shown by
 * "Developer: Show Running Extensions".
 */
export async function runningExtensionsActivationMs(page: Page, displayName: string): Promise<number> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({
    has: page.locator('.name', { hasText: displayName }),
  });
  await row.first().waitFor({ state: 'visible', timeout: 30_000 });
  const text = await row.first().innerText();
  const ms = parseActivationMs(text);
  if (ms === undefined) throw new Error(`no activation time in the Running Extensions row: ${JSON.stringify(text)}`);
  await page.keyboard.press('Control+W').catch(() => undefined);
  return ms;
}

/** The badge: by its element id (`goEnvDoctor.status`, possibly prefixed with the extension id) or its text. */
export function badge(page: Page) {
  const byId = page.locator(`#workbench\\.parts\\.statusbar [id="${STATUS_ID}"], #workbench\\.parts\\.statusbar [id$=".${STATUS_ID}"]`);
  const byText = page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ hasText: /Go env:/ });
  return byId.or(byText).first();
}

export interface BadgeState {
  text: string;
  ariaLabel: string;
  /** statusBarItem.errorBackground / warningBackground become error-kind / warning-kind classes. */
  kind: 'error' | 'warning' | 'none';
}

export async function badgeState(page: Page): Promise<BadgeState | undefined> {
  const b = badge(page);
  if (!(await b.isVisible().catch(() => false))) return undefined;
  const cls = (await b.getAttribute('class')) ?? '';
  const label = (await b.locator('[aria-label]').first().getAttribute('aria-label').catch(() => null)) ?? (await b.getAttribute('aria-label')) ?? '';
  return {
    text: (await b.innerText()).trim(),
    ariaLabel: label,
    kind: /\berror-kind\b/.test(cls) ? 'error' : /\bwarning-kind\b/.test(cls) ? 'warning' : 'none',
  };
}

/** The gopls children of this code-server's extension host (a process named gopls whose parent is it). */
export function goplsChildren(cs: CodeServer): ProcInfo[] {
  return cs
    .extensionHosts()
    .flatMap((h) => childrenOf(h.pid))
    .filter((p) => p.comm === 'gopls' || exeBasename(p.pid) === 'gopls');
}

export async function waitForGopls(cs: CodeServer, timeoutMs = 60_000): Promise<ProcInfo> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const g = goplsChildren(cs).find((p) => environOf(p.pid)[STANDIN_MARKER] === '1');
    if (g) return g;
    if (Date.now() > deadline) throw new Error(`no gopls child of the extension host within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
