// Playwright side of the e2e rig: headless Debian Chromium on a code-server workbench, the
// command palette, the webview frame (an iframe in an iframe), console/CSP capture.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type FrameLocator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

export interface E2EBrowser {
  browser: Browser;
  /** Closes Chromium and removes its scratch home (crash reports, caches). */
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<E2EBrowser> {
  // Chromium's Debian wrapper and crashpad write under XDG dirs: keep them out of $HOME.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ged-e2e-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, HOME: scratch, XDG_CONFIG_HOME: path.join(scratch, 'config'), XDG_CACHE_HOME: path.join(scratch, 'cache') },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Nothing but the local code-server resolves: no gallery, no marketplace, no CDN.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export interface ConsoleEntry {
  type: string;
  text: string;
  url: string;
}

/** The two 404s every code-server page load logs (the closed-source vsda module is absent). */
export function isHarmless(e: ConsoleEntry): boolean {
  if (/vsda(_bg\.wasm|\.js)/.test(e.text + ' ' + e.url) && /404|Failed to load resource/i.test(e.text)) return true;
  // What the web workbench logs about itself while a page reload shuts it down.
  return /Long running operations during shutdown are unsupported in the web|IndexedDB database 'vscode-web-db' is closed/.test(e.text);
}

export function isCspViolation(e: ConsoleEntry): boolean {
  return /Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(e.text);
}

/** Collects console messages (the webview frames' included) and page errors. */
export function captureConsole(page: Page): ConsoleEntry[] {
  const entries: ConsoleEntry[] = [];
  page.on('console', (m: ConsoleMessage) => entries.push({ type: m.type(), text: m.text(), url: m.location().url ?? '' }));
  page.on('pageerror', (err) => entries.push({ type: 'pageerror', text: String(err?.stack ?? err), url: '' }));
  return entries;
}

export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
}

/**
 * Runs a palette command by its title ("Go: Diagnose Environment"). The palette reads the command
 * list when it opens, so if the remote extension host has not registered the command yet the row
 * is missing: close it and open it again until it shows up.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget .quick-input-box input');
  let attempts = 0;
  while (Date.now() < deadline) {
    attempts++;
    await page.keyboard.press('Escape');
    await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, trial: true }).catch(() => undefined);
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 5000 });
    } catch {
      continue;
    }
    // The palette can close again between showing and typing (a notification or the extension
    // host taking focus: one CI run in many, 2026-12-05): open it again rather than wait 30 s.
    try {
      await input.fill(`>${title}`, { timeout: 3000 });
    } catch {
      continue;
    }
    const row = page.locator('.quick-input-widget .monaco-list-row', { has: page.locator('.label-name', { hasText: title }) }).filter({
      hasText: title,
    });
    // The row whose label is exactly the title (not "Go: Diagnose Environment (something)").
    const exact = row.filter({ has: page.locator(`.label-name`).getByText(title, { exact: true }) });
    try {
      await exact.first().waitFor({ state: 'visible', timeout: 2500 });
    } catch {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
      continue;
    }
    await exact.first().click();
    return;
  }
  throw new Error(`command "${title}" never showed in the palette (${attempts} attempts in ${timeoutMs} ms)`);
}

/** The webview of one extension: `iframe.webview.ready[src*="extensionId=ID"]` then its #active-frame. */
export function webviewFrame(page: Page, extensionId: string): FrameLocator {
  return page.frameLocator(`iframe.webview.ready[src*="extensionId=${extensionId}"]`).frameLocator('#active-frame');
}

/** The status bar entry of an extension item, by id or by its accessible text. */
export function statusItem(page: Page, id: string, text: RegExp) {
  const byId = page.locator(`[id="${id}"]`);
  const byText = page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ hasText: text });
  return byId.or(byText).first();
}

/** The notification toasts currently shown. */
export function notificationToasts(page: Page) {
  return page.locator('.notifications-toasts .notification-toast');
}

/** Answers a modal dialog by its button label ("Write Setting"). */
export async function pressDialogButton(page: Page, label: string, timeoutMs = 15_000): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
  const text = (await dialog.innerText()).trim();
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: timeoutMs });
  return text;
}

export async function setColorTheme(writeSettings: (s: Record<string, unknown>) => void, current: Record<string, unknown>, theme: string) {
  writeSettings({ ...current, 'workbench.colorTheme': theme });
}

/**
 * The text of the terminal on show. Needs `terminal.integrated.gpuAcceleration: "off"`: xterm.js
 * then draws with its DOM renderer, so the rows are text, not pixels on a canvas.
 */
export async function terminalText(page: Page): Promise<string> {
  const rows = page.locator('.terminal-wrapper.active .xterm-rows');
  if (!(await rows.first().isVisible().catch(() => false))) return '';
  return (await rows.first().innerText()).replace(/\u00a0/g, ' ');
}

/** The terminal's text with its rows joined: a command longer than the width wraps onto the next row. */
export async function terminalRun(page: Page): Promise<string> {
  return (await terminalText(page)).replace(/\n/g, '');
}

/** Gives the terminal on show keyboard focus, as a click into it does. */
export async function focusTerminal(page: Page): Promise<void> {
  await page.locator('.terminal-wrapper.active .xterm-screen').first().click();
  await page.locator('.terminal-wrapper.active textarea.xterm-helper-textarea').first().waitFor({ state: 'attached', timeout: 10_000 });
}
