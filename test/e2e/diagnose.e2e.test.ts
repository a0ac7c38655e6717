// Go Environment Doctor in a real VS Code (code-server 4.100.3, headless Chromium): a real Go
// module, the golang.go stand-in running the real pinned gopls, and a planted fault, GOTMPDIR on
// a tmpfs mounted noexec in code-server's environment. From the palette to the ranked causes, the
// status-bar badge, the auto-run and crash card when the extension host's gopls is killed, Copy,
// Report to gopls (canary secrets in the environment kept out of the issue URL) and Save JSON with
// the crash in them, the panel in four themes at two widths under axe-core,
// the badge after a reload, a keyboard-only settings fix and its re-check, a clean console.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { axeProblems, formatAxe, webviewContentFrame } from './axe.js';
import { focusedKey, layoutProblems, setTheme, shot, tabTo, THEMES, WIDTHS } from './panelChecks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from './codeServer.js';
import { badge, badgeState, ChildSampler, closeDoctorWindow, DOCTOR_ID, goplsChildren, openDoctorPage, waitForActivation, waitForGopls, waitForWatched } from './flows.js';
import { makeGoModule } from './gomodule.js';
import { mountNoexecTmpfs, mountOptionsOf, type NoexecMount } from './noexecMount.js';
import { alive, environOf } from './procs.js';
import { doctorVsix, packageStandin, REPO, STANDIN_MARKER } from './standin.js';
import { isCspViolation, isHarmless, notificationToasts, pressDialogButton, runCommand, type ConsoleEntry, type E2EBrowser } from './workbench.js';

const GOPLS = path.join(REPO, '.tools/bin/gopls');
const RESULTS = path.join(REPO, 'test-results');
/** The shared contract's id of the fix that moves GOTMPDIR off the noexec mount (go.toolsEnvVars + go.testEnvVars). */
const GOTMPDIR_FIX = 'gotmpdir-toolsenv';
/**
 * Canary secrets in code-server's environment, where real ones live (as fault 92 plants them): an
 * API key variable, a GOPROXY password that `go env` prints back and the gopls issue's go-env field
 * quotes, and an HTTPS_PROXY password. Offline, neither proxy is ever contacted: the module has no
 * dependencies. (Not GITHUB_TOKEN: code-server takes it as its own --github-auth and deletes it
 * from its environment, so it never reaches the extension host.)
 */
const CANARY = { apiKey: 'canary-e2e-apikey-41c7d2', proxyPassword: 'canary-e2e-proxy-9f3b68', httpsProxyPassword: 'canary-e2e-https-5a2e70' };
const CANARY_ENV = {
  MY_API_KEY: CANARY.apiKey,
  GOPROXY: `https://u:${CANARY.proxyPassword}@proxy.golang.org,direct`,
  HTTPS_PROXY: `http://svc:${CANARY.httpsProxyPassword}@proxy.corp.example:3128`,
};
/** The gopls issue form's field ids (golang/go .github/ISSUE_TEMPLATE/03-gopls.yml) the doctor fills. */
const GOPLS_FORM_FIELDS = ['gopls-version', 'go-env', 'actual-behavior', 'editor-and-settings', 'logs'];

describe('Go: Diagnose Environment in code-server, GOTMPDIR on a noexec tmpfs', () => {
  let noexec: NoexecMount;
  let folder: string;
  let cs: CodeServer;
  let sampler: ChildSampler;
  let browser: E2EBrowser;
  let page: Page;
  let consoleEntries: ConsoleEntry[];
  let panel: FrameLocator;
  let context: BrowserContext;
  const frame = (): Promise<Frame> => webviewContentFrame(page, DOCTOR_ID);
  /** Console entries the old page logged while the reload shut it down: the workbench's, not ours. */
  let reloadNoise: ConsoleEntry[] = [];

  beforeAll(async () => {
    if (!existsSync(GOPLS)) throw new Error(`${GOPLS} is missing: run node test/setup/install-gopls.mjs`);
    mkdirSync(RESULTS, { recursive: true });
    const vsixes = [await packageStandin(), doctorVsix()];
    noexec = mountNoexecTmpfs();
    folder = makeGoModule();
    cs = await startCodeServer({
      folder,
      extensions: vsixes,
      env: { GOTMPDIR: noexec.dir, ...CANARY_ENV },
      settings: {
        'go.alternateTools': { gopls: GOPLS },
        'window.autoDetectColorScheme': true,
        'workbench.preferredLightColorTheme': 'Default Light Modern',
        'workbench.preferredDarkColorTheme': 'Default Dark Modern',
      },
    });
    // Before the page loads: the extension host does not exist yet, so nothing it spawns is missed.
    sampler = new ChildSampler(cs).start();
    // Clipboard permissions: the test reads what "Copy as Markdown" put there.
    ({ browser, context, page, consoleEntries, panel } = await openDoctorPage(cs, folder, { colorScheme: 'light', permissions: ['clipboard-read', 'clipboard-write'] }));
  });

  afterAll(async () => {
    sampler?.stop();
    await closeDoctorWindow({ browser, cs, folder, noexec });
    if (noexec) {
      expect(mountOptionsOf(noexec.dir)).toBeUndefined();
      expect(existsSync(noexec.dir)).toBe(false);
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
    await waitForWatched(cs, gopls!.pid);
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

  it('shows the crash as a card that says what explains it, with a working Restart gopls button', async () => {
    const card = panel.locator('[data-testid="crash"]');
    await card.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await card.locator('[data-testid="crash-summary"]').innerText()).not.toBe('');
    // The noexec mount ranks first, but it does not explain a killed gopls: the card must not say it does.
    expect(await card.locator('[data-testid="crash-explained"]').innerText()).not.toMatch(/test binaries where executing is forbidden/);
    const restart = card.getByRole('button', { name: 'Restart gopls', exact: true });
    expect(await restart.count()).toBe(1);
    const before = new Set(goplsChildren(cs).map((p) => p.pid));
    await restart.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => panel.locator('[data-testid="notice"]').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/restart gopls/i);
    await expect.poll(() => goplsChildren(cs).some((p) => !before.has(p.pid) && environOf(p.pid)[STANDIN_MARKER] === '1'), { timeout: 30_000 }).toBe(true);
    expect(await focusedKey(await frame())).toBe('restart-gopls');
  });

  it('copies the report as Markdown from the keyboard; the Markdown has the crash and focus stays on Copy', async () => {
    const f = await frame();
    await panel.locator('[data-testid="rerun"]').focus();
    const presses = await tabTo(page, f, 'copy-markdown');
    expect(presses).toBeLessThanOrEqual(3);
    await page.keyboard.press('Enter');
    await expect.poll(async () => panel.locator('[data-testid="notice"]').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/Copied the report as Markdown/);
    expect(await focusedKey(f)).toBe('copy-markdown');
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toMatch(/### gopls crashed/);
    expect(md).toContain('noexec-mount');
  });

  it('opens the gopls issue form from the keyboard: "Report to gopls" → the external-link prompt → golang/go\'s new-issue page, fields filled, ≤ 8,000 characters, no canary secret', async () => {
    // The canaries reached the extension host (else their absence below would prove nothing). Its
    // process.env is merged from a login shell after it starts, so /proc/<host>/environ does not
    // show it; the Go extension's gopls inherits it.
    const standin = goplsChildren(cs).find((p) => environOf(p.pid)[STANDIN_MARKER] === '1');
    expect(standin, 'a gopls child of the extension host').toBeDefined();
    const hostEnv = environOf(standin!.pid);
    for (const [k, v] of Object.entries(CANARY_ENV)) expect(hostEnv[k], k).toBe(v);
    // github.com does not resolve here: answer the browser's request for it with a stub page, so
    // the popup keeps the URL the extension asked for.
    const requested: string[] = [];
    await context.route('https://github.com/**', (route) => {
      requested.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' });
    });
    const f = await frame();
    await panel.locator('[data-testid="rerun"]').focus();
    await tabTo(page, f, 'report-gopls', 8);
    const popupP = context.waitForEvent('page', { timeout: 60_000 });
    await page.keyboard.press('Enter');
    // VS Code asks before it opens a site outside its trusted domains; a keyboard user accepts
    // with Enter on the focused "Open". A product that trusts github.com opens it at once.
    const prompt = page.locator('.monaco-dialog-box');
    const first = await Promise.race([
      prompt.waitFor({ state: 'visible', timeout: 60_000 }).then(() => 'prompt' as const),
      popupP.then(() => 'popup' as const),
    ]);
    if (first === 'prompt') {
      const promptText = await prompt.innerText();
      expect(promptText).toMatch(/open the external website/i);
      expect(promptText).toContain('github.com');
      await expect.poll(async () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''), { timeout: 5000 }).toBe('Open');
      await page.keyboard.press('Enter');
      await prompt.waitFor({ state: 'hidden', timeout: 15_000 });
    }
    const popup = await popupP;
    await expect.poll(() => requested.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const url = requested[0]!;
    await popup.close();
    await context.unroute('https://github.com/**');
    await page.bringToFront();

    expect(url.length).toBeLessThanOrEqual(8000);
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe('https://github.com/golang/go/issues/new');
    expect(u.searchParams.get('template')).toBe('03-gopls.yml');
    expect(u.searchParams.get('title')).toMatch(/^x\/tools\/gopls: \S/);
    for (const id of GOPLS_FORM_FIELDS) expect(u.searchParams.get(id)?.trim(), `field ${id}`).toBeTruthy();
    // What the fields say: the versions, this window's go env (GOPROXY read, its password masked),
    // the ranked cause, the editor, and the report itself.
    expect(u.searchParams.get('gopls-version')).toMatch(/golang\.org\/x\/tools\/gopls v?\d/);
    expect(u.searchParams.get('go-env')).toMatch(/GOPROXY='https:\/\/[^'\n]*proxy\.golang\.org/);
    expect(u.searchParams.get('go-env')).toContain(`GOTMPDIR='${noexec.dir}'`);
    expect(u.searchParams.get('actual-behavior')).toContain('noexec-mount');
    expect(u.searchParams.get('editor-and-settings')).toMatch(/Go extension: golang\.go /);
    expect(u.searchParams.get('logs')).toMatch(/Go Environment Doctor report/);
    // No canary, whole or by its distinctive tail, encoded or decoded.
    const decoded = decodeURIComponent(url.replace(/\+/g, ' '));
    for (const [name, canary] of Object.entries(CANARY)) {
      for (const text of [url, decoded]) expect(text.includes(canary.slice(-8)), `${name} leaks into the issue URL`).toBe(false);
    }
    await expect.poll(async () => panel.locator('[data-testid="notice"]').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/Opened a new gopls issue in the browser/);
    console.log(`gopls issue URL: ${url.length} characters, opened ${first === 'prompt' ? 'after the external-link prompt' : 'at once'}`);
  });

  it('saves the report as JSON with the crash in it', async () => {
    const target = path.join(cs.home, 'report.json');
    await panel.locator('[data-testid="save-json"]').click();
    // code-server's save dialog is the simple one: a path in the quick input.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    // The dialog fills in its default path a moment after it shows: type over it after that.
    await expect.poll(async () => input.inputValue(), { timeout: 15_000 }).toMatch(/go-env-doctor-report\.json$/);
    await input.fill(target);
    await expect.poll(async () => input.inputValue(), { timeout: 5000 }).toBe(target);
    // OK, not Enter: Enter while the dialog still lists the folder picks the highlighted row.
    const ok = page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ });
    let written = false;
    for (let attempt = 0; attempt < 3 && !written; attempt++) {
      if (await ok.isVisible().catch(() => false)) await ok.click().catch(() => undefined);
      written = await expect
        .poll(() => existsSync(target), { timeout: 5000 })
        .toBe(true)
        .then(() => true)
        .catch(() => false);
    }
    if (!written) await page.screenshot({ path: path.join(RESULTS, 'save-json-dialog.png') });
    expect(written).toBe(true);
    // The file exists from the moment writeFile opens it; the notice comes once it is written.
    await expect.poll(async () => panel.locator('[data-testid="notice"]').innerText().catch(() => ''), { timeout: 15_000 }).toContain(target);
    const saved = JSON.parse(readFileSync(target, 'utf8')) as { crash?: { summary: string; explainedBy: unknown[] }; causes: Array<{ id: string }> };
    expect(saved.crash?.summary).toBeTruthy();
    expect(Array.isArray(saved.crash?.explainedBy)).toBe(true);
    expect(saved.causes.map((c) => c.id)).toContain('noexec-mount');
  });

  it('passes axe-core and keeps its layout in four themes at 1280 px and 480 px (screenshots)', async () => {
    await runCommand(page, 'View: Close Primary Side Bar');
    const problems: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const theme of THEMES) {
        await setTheme(page, frame, theme);
        await page.mouse.move(1, 890); // no workbench hover over the panel in the picture
        const f = await frame();
        const name = `panel-${theme.slug}-${width}`;
        const frameEl = page.locator(`iframe.webview.ready[src*="extensionId=${DOCTOR_ID}"]`);
        await frameEl.screenshot({ path: shot(RESULTS, name) });
        for (const p of formatAxe(await axeProblems(f))) problems.push(`${name}: ${p}`);
        for (const l of await layoutProblems(f)) problems.push(`${name}: layout: ${l.what}: ${l.detail}`);
        if (process.env.E2E_UPDATE_MEDIA === '1') {
          const media = width === 480 ? (theme.slug === 'light' ? 'narrow' : undefined) : theme.slug;
          if (media) copyFileSync(shot(RESULTS, name), path.join(REPO, 'media', `screenshot-${media}.png`));
        }
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await setTheme(page, frame, THEMES[0]);
    expect(problems).toEqual([]);
  });

  it('shows the badge after a window reload that restored a report with problems', async () => {
    const before = consoleEntries.length;
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    reloadNoise = consoleEntries.slice(before, consoleEntries.length).filter((e) => !e.url.includes('extensionId='));
    await expect.poll(async () => panel.locator('[data-testid="notice"]').innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/Restored from before the reload/);
    await expect.poll(async () => (await badgeState(page))?.text ?? '', { timeout: 30_000 }).toMatch(/Go env: \d+ problems?/);
  });

  it('applies the gotmpdir-toolsenv fix from the keyboard: Esc keeps focus, Write Setting writes both settings, the card goes and the verdict says so', async () => {
    const f = await frame();
    const key = `fix:noexec-mount:${GOTMPDIR_FIX}`;
    await panel.locator('[data-testid="rerun"]').focus();
    await tabTo(page, f, key);
    // Its accessible name is what it does, not its detail text.
    const button = panel.locator(`[data-testid="fix"][data-fix-id="${GOTMPDIR_FIX}"]`).first();
    expect(await button.getAttribute('aria-label')).toBeNull();
    expect(await button.innerText()).toMatch(/^Set GOTMPDIR=/);
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await dialog.innerText()).toContain('"go.toolsEnvVars": {"GOTMPDIR":');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    await expect.poll(async () => panel.locator('[data-testid="notice"]').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/Nothing was written/);
    await expect.poll(async () => focusedKey(await frame()), { timeout: 10_000 }).toBe(key);
    await page.keyboard.press('Enter');
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

    // What the user sees: the re-check line, the card gone, a verdict without the old duration.
    const recheck = panel.locator('[data-testid="recheck"]');
    await expect.poll(async () => recheck.first().getAttribute('data-result').catch(() => null), { timeout: 60_000 }).toBe('gone');
    expect(await recheck.innerText()).toMatch(/this cause is gone/);
    expect(await panel.locator('[data-testid="cause"][data-cause-id="noexec-mount"]').count()).toBe(0);
    const verdict = await panel.locator('[data-testid="verdict-text"]').innerText();
    expect(verdict).toMatch(/after a re-check/);
    expect(verdict).not.toMatch(/ in [\d.]+ m?s/);
    const problems = formatAxe(await axeProblems(await frame()));
    expect(problems).toEqual([]);
  });

  it('logs no CSP violation and no console error (but the two vsda 404s)', () => {
    const csp = consoleEntries.filter(isCspViolation);
    expect(csp).toEqual([]);
    const errors = consoleEntries.filter((e) => (e.type === 'error' || e.type === 'pageerror') && !isHarmless(e) && !reloadNoise.includes(e));
    expect(errors).toEqual([]);
  });
});
