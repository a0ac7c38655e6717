// A class made only of what a cause did, in the panel (issue 11's symptoms and causes): the real
// pinned gopls, executable, copied onto a tmpfs mounted noexec and named by go.alternateTools.
// The doctor's own spawn of it is refused (EACCES); the mounts probe finds the noexec mount that
// holds it. The panel must rank the mount first, count one problem and the symptom it explains in
// the verdict, open gopls-launch's card with a "Follows from" line whose link lands on the mount's
// card, and pass axe-core in a light and a High Contrast theme.
/// <reference lib="dom" />
import { chmodSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, formatAxe, webviewContentFrame } from './axe.js';
import { startCodeServer, type CodeServer } from './codeServer.js';
import { closeDoctorWindow, DOCTOR_ID, openDoctorPage, waitForActivation } from './flows.js';
import { makeGoModule } from './gomodule.js';
import { mountNoexecTmpfs, mountOptionsOf, type NoexecMount } from './noexecMount.js';
import { setTheme, THEMES } from './panelChecks.js';
import { doctorVsix, packageStandin, REPO } from './standin.js';
import { runCommand, type E2EBrowser } from './workbench.js';

const GOPLS = path.join(REPO, '.tools/bin/gopls');

describe('a symptom class that follows from a cause, in the panel: gopls on a noexec mount', () => {
  let noexec: NoexecMount;
  let folder: string;
  let cs: CodeServer;
  let browser: E2EBrowser;
  let page: Page;
  let panel: FrameLocator;
  const frame = (): Promise<Frame> => webviewContentFrame(page, DOCTOR_ID);

  beforeAll(async () => {
    const vsixes = [await packageStandin(), doctorVsix()];
    noexec = mountNoexecTmpfs();
    const gopls = path.join(noexec.dir, 'gopls');
    copyFileSync(GOPLS, gopls);
    chmodSync(gopls, 0o755);
    folder = makeGoModule();
    cs = await startCodeServer({ folder, extensions: vsixes, settings: { 'go.alternateTools': { gopls } } });
    ({ browser, page, panel } = await openDoctorPage(cs, folder));
  });

  afterAll(async () => {
    await closeDoctorWindow({ browser, cs, folder, noexec });
    if (noexec) expect(mountOptionsOf(noexec.dir)).toBeUndefined();
  });

  it('ranks the mount first, counts one problem and the symptom it explains, and links the symptom class to its cause', async () => {
    await waitForActivation(cs, DOCTOR_ID);
    await runCommand(page, 'Go: Diagnose Environment');
    // The whole report, not a first card: the verdict names the symptom the mount explains.
    const verdict = panel.locator('[data-testid="verdict-text"]');
    await expect.poll(async () => verdict.innerText().catch(() => ''), { timeout: 90_000 }).toMatch(/^\d+ problems? \(\d+ errors?, \d+ warnings?\) and 1 symptom (?:it explains|they explain)/);
    await expect.poll(async () => panel.locator('[data-testid="progress"]').isVisible().catch(() => true), { timeout: 90_000 }).toBe(false);
    const cards = panel.locator('[data-testid="cause"]');
    expect(await cards.first().getAttribute('data-cause-id')).toBe('noexec-mount');
    const launch = panel.locator('[data-testid="cause"][data-cause-id="gopls-launch"]');
    const follows = launch.locator('[data-testid="follows-from"]');
    // The mount, and whatever else this machine shows that explains a death the stand-in's log
    // reported (a memory warning on a loaded VM explains a bare "connection closed").
    expect(await follows.innerText()).toMatch(/^Follows from 1\. [^:]+(?: and \d+\. [^:]+)*: what (?:that cause does|those causes do) here, not a problem of its own\.$/);
    expect(await follows.locator('a').first().getAttribute('href')).toBe('#card-noexec-mount');
    expect(await launch.locator('[data-testid="fix"]').count()).toBe(0);
    // The mount's card is the one the link names, and it carries the evidence and the fix.
    const mount = panel.locator('#card-noexec-mount');
    expect(await mount.locator('[data-testid="evidence"]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(noexec.dir)]));
    expect(await mount.locator('[data-testid="fix"]').count()).toBeGreaterThan(0);
  });

  it('passes axe-core with the "Follows from" line, in Light Modern and Dark High Contrast', async () => {
    const problems: string[] = [];
    for (const theme of [THEMES[0], THEMES[3]]) {
      await setTheme(page, frame, theme);
      for (const p of formatAxe(await axeProblems(await frame()))) problems.push(`${theme.slug}: ${p}`);
    }
    await setTheme(page, frame, THEMES[0]);
    expect(problems).toEqual([]);
  });
});
