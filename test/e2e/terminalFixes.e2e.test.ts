// The fixes typed into a terminal, in a real VS Code (code-server 4.100.3, headless Chromium) with
// bash's shell integration on: a folder whose root holds a stray .go file beside a module in lib/
// (gopls makes it an ad-hoc package), and GOTMPDIR on a tmpfs mounted noexec. As the user sees it:
// - forced colours (Windows High Contrast) keep the fix commands, the buttons and the focus ring
//   visible, and axe-core finds nothing;
// - as root, the remount is typed without sudo; the user runs a mistyped command, the panel says
//   it failed and the cause is still there; the user corrects it in the same terminal and the panel
//   turns to "gone" on that command's end, with no Re-run;
// - "Create a module" types one line that also makes the go.work, and after it ran the panel has
//   no module-resolution card (no "holds 2 modules and no go.work").
// The suite runs as root, so the non-root sudo cases are covered by the engine with a stubbed uid
// and PATH (test/faults/rootFixes.fault.test.ts), not here.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, formatAxe, webviewContentFrame } from './axe.js';
import { startCodeServer, type CodeServer } from './codeServer.js';
import { closeDoctorWindow, DOCTOR_ID, openDoctorPage } from './flows.js';
import { mountNoexecTmpfs, mountOptionsOf, type NoexecMount } from './noexecMount.js';
import { forcedColorsProblems, shot, tabTo } from './panelChecks.js';
import { doctorVsix, packageStandin, REPO } from './standin.js';
import { focusTerminal, isCspViolation, isHarmless, runCommand, terminalRun, type ConsoleEntry, type E2EBrowser } from './workbench.js';

const GOPLS = path.join(REPO, '.tools/bin/gopls');
const RESULTS = path.join(REPO, 'test-results');

/** A folder as issue 12 found it: main.go at the root with no go.mod, and a module in lib/. */
function strayFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-e2e-stray-'));
  writeFileSync(path.join(dir, 'main.go'), 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello")\n}\n');
  mkdirSync(path.join(dir, 'lib'));
  writeFileSync(path.join(dir, 'lib', 'go.mod'), 'module example.com/lib\n\ngo 1.22\n');
  writeFileSync(path.join(dir, 'lib', 'lib.go'), 'package lib\n\n// Answer is in a module of its own.\nfunc Answer() int { return 42 }\n');
  return dir;
}

describe('fixes typed into a terminal, in code-server with shell integration', () => {
  let noexec: NoexecMount;
  let folder: string;
  let cs: CodeServer;
  let browser: E2EBrowser;
  let page: Page;
  let panel: FrameLocator;
  let consoleEntries: ConsoleEntry[];
  const frame = (): Promise<Frame> => webviewContentFrame(page, DOCTOR_ID);
  const recheck = () => panel.locator('[data-testid="recheck"]');
  const recheckState = async () => ({
    result: await recheck().getAttribute('data-result', { timeout: 1000 }).catch(() => null),
    text: (await recheck().innerText({ timeout: 1000 }).catch(() => '')).trim(),
  });

  beforeAll(async () => {
    if (!existsSync(GOPLS)) throw new Error(`${GOPLS} is missing: run node test/setup/install-gopls.mjs`);
    mkdirSync(RESULTS, { recursive: true });
    const vsixes = [await packageStandin(), doctorVsix()];
    noexec = mountNoexecTmpfs();
    folder = strayFolder();
    cs = await startCodeServer({
      folder,
      extensions: vsixes,
      // bash, so VS Code injects its shell integration (--init-file) and reports each command's end.
      env: { GOTMPDIR: noexec.dir, SHELL: '/bin/bash' },
      settings: {
        'go.alternateTools': { gopls: GOPLS },
        'terminal.integrated.defaultProfile.linux': 'bash',
        'terminal.integrated.shellIntegration.enabled': true,
        // xterm's DOM renderer: the terminal's rows are readable text.
        'terminal.integrated.gpuAcceleration': 'off',
        'terminal.integrated.enablePersistentSessions': false,
        'workbench.colorTheme': 'Default Dark Modern',
        // Two cores shared with other suites: the default 8 s deadline can end the mounts probe
        // before it speaks, and then there is no card to fix.
        'goEnvDoctor.runTimeoutMs': 30_000,
      },
    });
    ({ browser, page, consoleEntries, panel } = await openDoctorPage(cs, folder));
  });

  afterAll(async () => {
    await closeDoctorWindow({ browser, cs, folder, noexec });
    if (noexec) expect(mountOptionsOf(noexec.dir)).toBeUndefined();
  });

  it('diagnoses: as root the remount is typed without sudo, and "Create a module" is one line that also makes the go.work', async () => {
    await runCommand(page, 'Go: Diagnose Environment');
    const mountsStatus = () => panel.locator('[data-testid="probe"][data-probe-id="mounts"]').getAttribute('data-status', { timeout: 1000 }).catch(() => null);
    // A probe has 5 s of its own: on two cores shared with other suites the mounts probe can run
    // out of it. Then the user presses Re-run, and so does the test (at most twice).
    for (let attempt = 0; ; attempt++) {
      await expect.poll(async () => panel.locator('[data-testid="verdict"]').textContent().catch(() => null), { timeout: 90_000 }).toMatch(/\d+ problems?/);
      await expect.poll(async () => panel.locator('[data-testid="progress"]').isVisible().catch(() => false), { timeout: 60_000 }).toBe(false);
      if (attempt >= 2 || (await mountsStatus()) !== 'timeout') break;
      await panel.locator('[data-testid="rerun"]').click();
      await expect.poll(async () => panel.locator('[data-testid="progress"]').isVisible().catch(() => false), { timeout: 30_000 }).toBe(true);
    }

    // What the panel said, for a failure below (the cards, the probes and their notes).
    writeFileSync(path.join(RESULTS, 'terminal-fixes-panel.txt'), await panel.locator('body').innerText());
    await page.screenshot({ path: path.join(RESULTS, 'terminal-fixes-diagnosed.png') });
    const probes = async () => (await panel.locator('[data-testid="probe"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-probe-id')}:${e.getAttribute('data-status')}`))).join(' ');
    await expect.poll(async () => panel.locator('[data-testid="cause"][data-cause-id="noexec-mount"]').count(), { timeout: 10_000, message: `no noexec-mount card; probes: ${await probes()}` }).toBe(1);
    const remount = panel.locator('[data-testid="cause"][data-cause-id="noexec-mount"] [data-testid="fix-row"]').filter({ has: panel.locator('[data-fix-id="noexec-remount-exec"]') });
    const typed = await remount.locator('.fix-command').innerText();
    expect(typed).toBe(`mount -o remount,exec ${noexec.dir}`);
    // Still marked: the user reads it before running it.
    expect(await remount.locator('.needs-root').innerText()).toMatch(/needs root/);

    const modules = panel.locator('[data-testid="cause"][data-cause-id="module-resolution"]');
    const inits = modules.locator('[data-testid="fix"][data-fix-id="go-mod-init"]');
    expect(await inits.count()).toBe(1);
    const line = await modules.locator('[data-testid="fix-row"]').filter({ has: panel.locator('[data-fix-id="go-mod-init"]') }).locator('.fix-command').innerText();
    expect(line).toMatch(/^go mod init example\.com\/\S+ && go work init && go work use -r \.$/);
  });

  it('keeps fix commands, buttons and the focus ring visible under forced colours, and axe-core finds nothing', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      const f = await frame();
      await expect.poll(() => f.evaluate(() => matchMedia('(forced-colors: active)').matches), { timeout: 10_000 }).toBe(true);
      // Keyboard focus, so :focus-visible draws the ring.
      await panel.locator('[data-testid="rerun"]').focus();
      await tabTo(page, f, 'fix:noexec-mount:noexec-remount-exec');
      await page.locator(`iframe.webview.ready[src*="extensionId=${DOCTOR_ID}"]`).screenshot({ path: shot(RESULTS, 'panel-forced-colors') });
      expect(await forcedColorsProblems(f)).toEqual([]);
      // axe's colour-contrast reads -webkit-text-fill-color, which Chromium still reports with the
      // theme's colour under forced colours although it paints the system one (the screenshot is
      // black on white where axe says #ccc on #fff): forcedColorsProblems measures that instead.
      expect(formatAxe(await axeProblems(f, { disable: ['color-contrast', 'color-contrast-enhanced'] }))).toEqual([]);
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
  });

  it('follows each command end in the fix terminal: a mistyped remount fails and says so, the corrected one makes the card go, with no Re-run', async () => {
    await panel.locator('[data-testid="fix"][data-fix-id="noexec-remount-exec"]').click();
    const typed = `mount -o remount,exec ${noexec.dir}`;
    await expect.poll(() => terminalRun(page), { timeout: 30_000 }).toContain(typed);
    expect(await terminalRun(page)).not.toContain('sudo');
    await expect.poll(async () => (await recheckState()).text, { timeout: 15_000 }).toMatch(/checks again each time a command ends there/);
    // Nothing ran yet: typed, not executed.
    expect(mountOptionsOf(noexec.dir)).toContain('noexec');

    // The user edits the line and gets it wrong: mount fails (no such mount point).
    await focusTerminal(page);
    await page.keyboard.press('Control+U');
    const wrong = `${noexec.dir}-typo`;
    await page.keyboard.type(`mount -o remount,exec ${wrong}`);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await recheckState()).result, { timeout: 60_000 }).toBe('still-there');
    await expect.poll(async () => (await recheckState()).text, { timeout: 30_000 }).toMatch(/^The command failed \(exit status [1-9]\d*\)\. Still there: /);
    expect(await panel.locator('[data-testid="cause"][data-cause-id="noexec-mount"]').count()).toBe(1);
    await page.screenshot({ path: path.join(RESULTS, 'terminal-fix-failed.png') });

    // Corrected in the same terminal.
    await focusTerminal(page);
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await expect.poll(() => mountOptionsOf(noexec.dir)?.includes('noexec'), { timeout: 30_000 }).toBe(false);
    await expect.poll(async () => (await recheckState()).result, { timeout: 60_000 }).toBe('gone');
    expect((await recheckState()).text).toMatch(/this cause is gone/);
    expect(await panel.locator('[data-testid="cause"][data-cause-id="noexec-mount"]').count()).toBe(0);
    expect(await panel.locator('[data-testid="verdict-text"]').innerText()).toMatch(/after a re-check/);
    await page.screenshot({ path: path.join(RESULTS, 'terminal-fix-gone.png') });
  });

  it('"Create a module" typed and run: go.mod and go.work exist, and the panel ends with no module-resolution card', async () => {
    await panel.locator('[data-testid="fix"][data-fix-id="go-mod-init"]').click();
    await expect.poll(() => terminalRun(page), { timeout: 30_000 }).toMatch(/go mod init example\.com\/\S+ && go work init && go work use -r \./);
    await expect.poll(async () => (await recheckState()).result, { timeout: 15_000 }).toBe('pending');
    expect(existsSync(path.join(folder, 'go.mod'))).toBe(false);
    await focusTerminal(page);
    await page.keyboard.press('Enter');

    await expect.poll(async () => (await recheckState()).result, { timeout: 90_000 }).toBe('gone');
    expect(readFileSync(path.join(folder, 'go.mod'), 'utf8')).toMatch(/^module example\.com\//);
    const work = readFileSync(path.join(folder, 'go.work'), 'utf8');
    expect(work).toMatch(/use \(\s*\.\s+\.\/lib\s*\)|use \.\s[\s\S]*use \.\/lib/);
    // What the user ends up seeing: no card for the class, and none of the next problem's words.
    expect(await panel.locator('[data-testid="cause"][data-cause-id="module-resolution"]').count()).toBe(0);
    const all = await panel.locator('body').innerText();
    expect(all).not.toMatch(/no go\.work|holds \d+ modules/);
    expect(await panel.locator('[data-testid="verdict-text"]').innerText()).toMatch(/after a re-check/);
    await page.screenshot({ path: path.join(RESULTS, 'terminal-fix-go-mod-init.png') });
  });

  it('logs no CSP violation and no console error (but the two vsda 404s)', () => {
    expect(consoleEntries.filter(isCspViolation)).toEqual([]);
    expect(consoleEntries.filter((e) => (e.type === 'error' || e.type === 'pageerror') && !isHarmless(e))).toEqual([]);
  });
});
