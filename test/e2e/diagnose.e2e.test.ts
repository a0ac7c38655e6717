// Go Environment Doctor in a real VS Code (code-server 4.100.3, headless Chromium): a real Go
// module, the golang.go stand-in running the real pinned gopls, and a planted fault, GOTMPDIR on
// a tmpfs mounted noexec in code-server's environment. From the palette to the ranked causes,
// a one-click settings fix and its re-check, the status-bar badge, a clean browser console, and
// the auto-run when the extension host's gopls is killed.
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from './codeServer.js';
import { badge, badgeState, ChildSampler, DOCTOR_ID, goplsChildren, waitForActivation, waitForGopls } from './flows.js';
import { makeGoModule } from './gomodule.js';
import { mountNoexecTmpfs, mountOptionsOf, type NoexecMount } from './noexecMount.js';
import { alive, environOf } from './procs.js';
import { doctorVsix, packageStandin, REPO, STANDIN_MARKER } from './standin.js';
import {
  captureConsole,
  isCspViolation,
  isHarmless,
  launchBrowser,
  notificationToasts,
  openWorkbench,
  pressDialogButton,
  runCommand,
  webviewFrame,
  type ConsoleEntry,
  type E2EBrowser,
} from './workbench.js';

const GOPLS = path.join(REPO, '.tools/bin/gopls');
const RESULTS = path.join(REPO, 'test-results');
/** The shared contract's id of the fix that moves GOTMPDIR off the noexec mount (go.toolsEnvVars + go.testEnvVars). */
const GOTMPDIR_FIX = 'gotmpdir-toolsenv';

describe('Go: Diagnose Environment in code-server, GOTMPDIR on a noexec tmpfs', () => {
  let noexec: NoexecMount;
  let folder: string;
  let cs: CodeServer;
  let sampler: ChildSampler;
  let browser: E2EBrowser;
  let page: Page;
  let consoleEntries: ConsoleEntry[];
  let panel: FrameLocator;

  beforeAll(async () => {
    if (!existsSync(GOPLS)) throw new Error(`${GOPLS} is missing: run node test/setup/install-gopls.mjs`);
    mkdirSync(RESULTS, { recursive: true });
    const vsixes = [await packageStandin(), doctorVsix()];
    noexec = mountNoexecTmpfs();
    folder = makeGoModule();
    cs = await startCodeServer({
      folder,
      extensions: vsixes,
      env: { GOTMPDIR: noexec.dir },
      settings: {
        'go.alternateTools': { gopls: GOPLS },
        'window.autoDetectColorScheme': true,
        'workbench.preferredLightColorTheme': 'Default Light Modern',
        'workbench.preferredDarkColorTheme': 'Default Dark Modern',
      },
    });
    // Before the page loads: the extension host does not exist yet, so nothing it spawns is missed.
    sampler = new ChildSampler(cs).start();
    browser = await launchBrowser();
    page = await browser.browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    consoleEntries = captureConsole(page);
    await openWorkbench(page, cs.url, folder);
    panel = webviewFrame(page, DOCTOR_ID);
  });

  afterAll(async () => {
    sampler?.stop();
    await browser?.close();
    try {
      await cs?.stop();
    } finally {
      if (folder) rmSync(folder, { recursive: true, force: true });
      if (noexec) {
        noexec.unmount();
        expect(mountOptionsOf(noexec.dir)).toBeUndefined();
        expect(existsSync(noexec.dir)).toBe(false);
      }
    }
  });

  it('activates on the Go module without spawning any process', async () => {
    const line = await waitForActivation(cs, DOCTOR_ID);
    expect(line).toMatch(/activationEvent: '[^']*(workspaceContains|onLanguage)/);
    // The stand-in's gopls proves the sampler sees the extension host's children at all.
    await waitForGopls(cs);
    // Give an eager activate() a moment to spawn something (it must not).
    await new Promise((r) => setTimeout(r, 2000));
    const all = sampler.stop();
    expect(all.some((c) => c.standin)).toBe(true);
    expect(sampler.foreign().map((c) => `pid ${c.pid} (${c.comm}) +${c.firstSeenMs}ms: ${c.argv.join(' ')}`)).toEqual([]);
  });

  it('runs "Go: Diagnose Environment" from the palette and ranks noexec-mount first, with the mount point in evidence', async () => {
    await runCommand(page, 'Go: Diagnose Environment');
    const verdict = panel.locator('[data-testid="verdict"]');
    await expect.poll(async () => verdict.textContent().catch(() => null), { timeout: 60_000 }).toMatch(/\d+ problems?/);
    await expect.poll(async () => panel.locator('[data-testid="progress"]').isVisible().catch(() => false), { timeout: 60_000 }).toBe(false);

    const first = panel.locator('[data-testid="cause"]').first();
    expect(await first.getAttribute('data-cause-id')).toBe('noexec-mount');
    expect(await first.getAttribute('data-severity')).toBe('error');
    const evidence = await first.locator('[data-testid="evidence"]').allInnerTexts();
    expect(evidence.some((row) => row.includes(noexec.dir))).toBe(true);
    const fixIds = await first.locator('[data-testid="fix"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-fix-id')));
    expect(fixIds).toContain(GOTMPDIR_FIX);
    // Every probe has a row with a status.
    const probes = panel.locator('[data-testid="probe"]');
    expect(await probes.count()).toBeGreaterThan(0);
    for (const status of await probes.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))) {
      expect(['ok', 'warn', 'fail', 'skipped', 'timeout', 'crashed']).toContain(status);
    }
  });

  it('renders the panel in light and dark themes (screenshots)', async () => {
    // The workbench follows the browser's colour scheme (window.autoDetectColorScheme): switching
    // it through Chromium is instant and leaves settings.json to the extension under test.
    for (const [name, workbenchClass, bodyClass] of [
      ['light', 'vs.vscode-theme-defaults-themes-light_modern-json', 'vscode-light'],
      ['dark', 'vs-dark.vscode-theme-defaults-themes-dark_modern-json', 'vscode-dark'],
    ] as const) {
      await page.emulateMedia({ colorScheme: name });
      await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 30_000 });
      await panel.locator(`body.${bodyClass}`).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300); // let the webview's CSS variables settle before the picture
      await page.screenshot({ path: path.join(RESULTS, `workbench-${name}.png`) });
      const frameEl = page.locator(`iframe.webview.ready[src*="extensionId=${DOCTOR_ID}"]`);
      await frameEl.screenshot({ path: path.join(RESULTS, `panel-${name}.png`) });
      expect(statSync(path.join(RESULTS, `panel-${name}.png`)).size).toBeGreaterThan(10_000);
      if (process.env.E2E_UPDATE_MEDIA === '1') copyFileSync(path.join(RESULTS, `panel-${name}.png`), path.join(REPO, 'media', `screenshot-${name}.png`));
    }
  });

  it('shows the status-bar badge with the problem count, warning background, and a tooltip naming the top cause', async () => {
    await expect.poll(async () => (await badgeState(page))?.text ?? '', { timeout: 15_000 }).toMatch(/Go env: \d+ problems?/);
    const state = (await badgeState(page))!;
    // errorBackground is for a gopls crash, and none happened: nothing was killed yet.
    expect(await notificationToasts(page).filter({ hasText: /gopls crashed/ }).count()).toBe(0);
    expect(state.kind).toBe('warning');
    await badge(page).hover();
    const hover = page.locator('.monaco-hover, .workbench-hover, .custom-hover').filter({ hasText: /noexec|exec/i });
    await expect.poll(async () => hover.first().isVisible().catch(() => false), { timeout: 10_000 }).toBe(true);
    await page.mouse.move(700, 400);
  });

  it('auto-runs when the extension host gopls is killed: notification and an errorBackground badge', async () => {
    const gopls = goplsChildren(cs).find((p) => environOf(p.pid)[STANDIN_MARKER] === '1');
    expect(gopls, 'a gopls child of the extension host').toBeDefined();
    expect(cs.extensionHosts().map((h) => h.pid)).toContain(gopls!.ppid);
    const t0 = Date.now();
    process.kill(gopls!.pid, 'SIGKILL');
    await expect.poll(() => alive(gopls!.pid), { timeout: 5000 }).toBe(false);

    await expect.poll(async () => (await badgeState(page))?.kind, { timeout: 20_000, interval: 50 }).toBe('error');
    const badgeMs = Date.now() - t0;
    const toast = notificationToasts(page).filter({ hasText: /gopls crashed:/ });
    await toast.first().waitFor({ state: 'visible', timeout: 20_000 });
    const text = await toast.first().innerText();
    // Killed by hand: the notification puts it down only to a cause that explains a death, never
    // to the noexec mount this workspace also has (issue 11).
    expect(text).toMatch(/gopls crashed: .+(Unexplained|Explained by|Cause): .+/s);
    expect(text).not.toMatch(/noexec|executing is forbidden/i);
    expect(await toast.first().getByRole('button', { name: /Open Report/i }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(RESULTS, 'crash-badge.png') });
    console.log(`crash-to-badge: ${badgeMs} ms`);
    // The toast would sit over the panel's buttons.
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  it('applies the gotmpdir-toolsenv fix after "Write Setting", writes the user settings, and the re-check says gone', async () => {
    const first = panel.locator('[data-testid="cause"][data-cause-id="noexec-mount"]').first();
    await first.locator(`[data-testid="fix"][data-fix-id="${GOTMPDIR_FIX}"]`).click();
    const dialogText = await pressDialogButton(page, 'Write Setting');
    expect(dialogText).toContain('go.toolsEnvVars');

    let written: { tools?: string; test?: string } = {};
    await expect
      .poll(
        () => {
          const s = cs.readSettings() as Record<string, Record<string, string> | undefined>;
          written = { tools: s['go.toolsEnvVars']?.GOTMPDIR, test: s['go.testEnvVars']?.GOTMPDIR };
          return !!written.tools && !!written.test;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(written.tools).toBe(written.test);
    expect(written.tools).not.toBe(noexec.dir);
    expect(path.isAbsolute(written.tools!)).toBe(true);
    expect(statSync(written.tools!).isDirectory()).toBe(true);
    expect(mountOptionsOf(written.tools!) ?? []).not.toContain('noexec');

    // The Go extension restarts gopls on a go.toolsEnvVars change (the stand-in does as vscode-go
    // does): the new gopls runs with the new GOTMPDIR.
    await expect
      .poll(() => goplsChildren(cs).some((p) => environOf(p.pid)[STANDIN_MARKER] === '1' && environOf(p.pid).GOTMPDIR === written.tools), { timeout: 30_000 })
      .toBe(true);

    const recheck = panel.locator('[data-testid="recheck"]');
    await expect.poll(async () => recheck.first().getAttribute('data-result').catch(() => null), { timeout: 60_000 }).toBe('gone');
  });

  it('logs no CSP violation and no console error (but the two vsda 404s)', () => {
    const csp = consoleEntries.filter(isCspViolation);
    expect(csp).toEqual([]);
    const errors = consoleEntries.filter((e) => (e.type === 'error' || e.type === 'pageerror') && !isHarmless(e));
    expect(errors).toEqual([]);
  });
});
