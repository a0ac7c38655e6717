// Proves the rig itself with the golang.go stand-in alone: code-server starts offline, a .vsix
// installs, the real gopls runs as a child of the extension host, a palette command runs, and a
// webview frame can be found.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from './codeServer.js';
import { makeGoModule } from './gomodule.js';
import { childrenOf, environOf, exeBasename, type ProcInfo } from './procs.js';
import { packageStandin, REPO, STANDIN_MARKER } from './standin.js';
import { captureConsole, isHarmless, launchBrowser, openWorkbench, runCommand, webviewFrame, type ConsoleEntry, type E2EBrowser } from './workbench.js';

const GOPLS = path.join(REPO, '.tools/bin/gopls');

function standinGopls(cs: CodeServer): ProcInfo[] {
  const hosts = cs.extensionHosts();
  return hosts.flatMap((h) => childrenOf(h.pid)).filter((p) => exeBasename(p.pid) === 'gopls' && environOf(p.pid)[STANDIN_MARKER] === '1');
}

async function until<T>(what: string, f: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('e2e rig (stand-in only)', () => {
  let folder: string;
  let cs: CodeServer;
  let browser: E2EBrowser;
  let page: Page;
  let consoleEntries: ConsoleEntry[];

  beforeAll(async () => {
    folder = makeGoModule();
    const standin = await packageStandin();
    cs = await startCodeServer({ folder, extensions: [standin], settings: { 'go.alternateTools': { gopls: GOPLS } } });
    browser = await launchBrowser();
    page = await browser.browser.newPage({ viewport: { width: 1400, height: 900 } });
    consoleEntries = captureConsole(page);
    await openWorkbench(page, cs.url, folder);
  });

  afterAll(async () => {
    await browser?.close();
    await cs?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('runs the stand-in gopls as a child of the extension host', async () => {
    const [gopls] = await until('stand-in gopls', () => {
      const g = standinGopls(cs);
      return g.length ? g : undefined;
    });
    expect(gopls!.argv[0]).toBe(GOPLS);
    expect(cs.extensionHosts().map((h) => h.pid)).toContain(gopls!.ppid);
  });

  it('runs a palette command of the installed extension (Go: Restart Language Server)', async () => {
    const before = await until('stand-in gopls', () => standinGopls(cs)[0]);
    await runCommand(page, 'Go: Restart Language Server');
    const after = await until('a new gopls', () => standinGopls(cs).find((p) => p.pid !== before.pid));
    expect(after.pid).not.toBe(before.pid);
  });

  it('finds a webview frame by extension id (the built-in Markdown preview)', async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').fill('README.md');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'README.md' }).first().click();
    await runCommand(page, 'Markdown: Open Preview to the Side');
    const frame = webviewFrame(page, 'vscode.markdown-language-features');
    await expect.poll(async () => frame.locator('h1').first().textContent().catch(() => null), { timeout: 30_000 }).toBe('hello');
  });

  it('logs nothing in the console but the two vsda 404s', () => {
    const errors = consoleEntries.filter((e) => (e.type === 'error' || e.type === 'pageerror') && !isHarmless(e));
    expect(errors).toEqual([]);
  });
});
