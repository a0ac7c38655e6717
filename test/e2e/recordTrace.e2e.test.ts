// "Record gopls Trace" in a real VS Code (code-server 4.100.3, headless Chromium), on a module that
// gopls cannot load: go.mod requires a module that is not vendored while go.toolsEnvVars sets
// GOFLAGS=-mod=vendor, so the recorded trace holds gopls's "inconsistent vendoring" load errors.
// As the user sees it: the countdown shows and counts down; Cancel stops the recording (the
// doctor's traced gopls is gone) and the panel says so and still shows the whole diagnosis; a
// recording that runs to its end names the findings that came from the trace, not a bare path.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from './codeServer.js';
import { closeDoctorWindow, openDoctorPage } from './flows.js';
import { alive, childrenOf } from './procs.js';
import { doctorVsix, packageStandin, REPO } from './standin.js';
import { isCspViolation, isHarmless, runCommand, type ConsoleEntry, type E2EBrowser } from './workbench.js';

const GOPLS = path.join(REPO, '.tools/bin/gopls');
const RESULTS = path.join(REPO, 'test-results');

function unvendoredModule(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ged-e2e-vendor-'));
  writeFileSync(path.join(dir, 'go.mod'), 'module example.com/vendored\n\ngo 1.22\n\nrequire golang.org/x/example v0.1.0\n');
  writeFileSync(path.join(dir, 'main.go'), 'package main\n\nimport _ "golang.org/x/example/hello/reverse"\n\nfunc main() {}\n');
  return dir;
}

describe('Record gopls Trace in code-server', () => {
  let folder: string;
  let cs: CodeServer;
  let browser: E2EBrowser;
  let page: Page;
  let panel: FrameLocator;
  let consoleEntries: ConsoleEntry[];
  const progressText = async () => (await panel.locator('[data-testid="progress-text"]').innerText({ timeout: 1000 }).catch(() => '')).trim();
  const notice = async () => (await panel.locator('[data-testid="notice"]').innerText({ timeout: 1000 }).catch(() => '')).trim();
  /** The doctor's recording gopls: a child of the extension host started with -rpc.trace. */
  const tracedGopls = () => cs.extensionHosts().flatMap((h) => childrenOf(h.pid)).filter((p) => p.argv.includes('-rpc.trace'));

  beforeAll(async () => {
    if (!existsSync(GOPLS)) throw new Error(`${GOPLS} is missing: run node test/setup/install-gopls.mjs`);
    mkdirSync(RESULTS, { recursive: true });
    const vsixes = [await packageStandin(), doctorVsix()];
    folder = unvendoredModule();
    cs = await startCodeServer({
      folder,
      extensions: vsixes,
      // A longer deadline than the default 8 s: two cores shared with other suites.
      settings: { 'go.alternateTools': { gopls: GOPLS }, 'go.toolsEnvVars': { GOFLAGS: '-mod=vendor', GOPROXY: 'off' }, 'goEnvDoctor.runTimeoutMs': 30_000 },
    });
    ({ browser, page, consoleEntries, panel } = await openDoctorPage(cs, folder));
  });

  afterAll(async () => {
    await closeDoctorWindow({ browser, cs, folder });
  });

  it('counts down while it records; Cancel stops the traced gopls and the panel says so with the whole diagnosis', async () => {
    await runCommand(page, 'Go: Record gopls Trace and Diagnose');
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          const m = /Recording a gopls trace: (\d+) s left/.exec(await progressText());
          if (m && seen.at(-1) !== Number(m[1])) seen.push(Number(m[1]));
          return seen.length;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBeGreaterThanOrEqual(3);
    // It counts down, one second at a time, from at most the trace's length.
    expect(seen[0]).toBeLessThanOrEqual(10);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThan(seen[i - 1]!);
    const gopls = tracedGopls();
    expect(gopls.length, 'the doctor records with its own gopls -rpc.trace').toBe(1);
    const cancel = panel.getByRole('button', { name: 'Cancel Trace', exact: true });
    await cancel.click();

    await expect.poll(() => alive(gopls[0]!.pid), { timeout: 15_000 }).toBe(false);
    await expect.poll(() => notice(), { timeout: 60_000 }).toMatch(/^Canceled the trace early; Recorded a gopls trace to \S+; /);
    expect(tracedGopls()).toEqual([]);
    // Nothing lost: Cancel ended the recording, not the probes (none says it was canceled; a
    // deadline under load is another matter), and the cards are there.
    const notes = await panel.locator('[data-testid="probe"] td.reason').allInnerTexts();
    expect(notes.length).toBeGreaterThan(5);
    expect(notes.filter((n) => /cancel/i.test(n))).toEqual([]);
    expect(await panel.locator('[data-testid="cause"][data-cause-id="module-resolution"]').count()).toBe(1);
    expect(await panel.locator('[data-testid="verdict-text"]').innerText()).toMatch(/\d+ problems?/);
    await page.screenshot({ path: path.join(RESULTS, 'trace-canceled.png') });
  });

  it('a recording that runs to its end shows the findings that came from the trace, not a bare path', async () => {
    await runCommand(page, 'Notifications: Clear All Notifications');
    await panel.locator('[data-testid="record-trace"]').click();
    await expect.poll(() => progressText(), { timeout: 30_000 }).toMatch(/Recording a gopls trace: \d+ s left/);
    // Ten seconds of recording, then the probes.
    await expect.poll(() => notice(), { timeout: 90_000, interval: 500 }).toMatch(/^Recorded a gopls trace to /);
    const text = await notice();
    const m = /^Recorded a gopls trace to (\S+); (\d+) findings? came from it: (.+)\.$/.exec(text);
    expect(m, text).not.toBeNull();
    expect(Number(m![2])).toBeGreaterThan(0);
    expect(m![3]).toMatch(/vendor/i);
    // One full stop at the end, none doubled inside the list.
    expect(text).not.toMatch(/\.\.|\.;/);
    // The findings are in the cards, with the trace as their evidence.
    const sources = await panel.locator('[data-testid="evidence"] td.source').allInnerTexts();
    expect(sources.some((s) => s.startsWith(m![1]!))).toBe(true);
    expect(tracedGopls()).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, 'trace-recorded.png') });
  });

  it('logs no CSP violation and no console error (but the two vsda 404s)', () => {
    expect(consoleEntries.filter(isCspViolation)).toEqual([]);
    expect(consoleEntries.filter((e) => (e.type === 'error' || e.type === 'pageerror') && !isHarmless(e))).toEqual([]);
  });
});
