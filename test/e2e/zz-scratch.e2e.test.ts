import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { startCodeServer } from './codeServer.js';
import { makeGoModule } from './gomodule.js';
import { packageStandin, REPO } from './standin.js';
import { launchBrowser, openWorkbench, runCommand } from './workbench.js';
import { childrenOf } from './procs.js';

function walk(d: string): string[] { return readdirSync(d).flatMap((f) => { const p = path.join(d, f); return statSync(p).isDirectory() ? walk(p) : [p]; }); }

it('scratch', async () => {
  const folder = makeGoModule();
  const cs = await startCodeServer({ folder, extensions: [await packageStandin()], settings: { 'go.alternateTools': { gopls: path.join(REPO, '.tools/bin/gopls') } } });
  const b = await launchBrowser();
  const page = await b.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await openWorkbench(page, cs.url, folder);
  await page.waitForTimeout(4000);
  console.log('EXTHOSTS', cs.extensionHosts().map(h => [h.pid, h.argv.join(' ')]));
  for (const h of cs.extensionHosts()) console.log('CHILDREN', childrenOf(h.pid).map(c => [c.pid, c.comm, c.argv.join(' ')]));
  await runCommand(page, 'Developer: Show Running Extensions');
  await page.waitForTimeout(3000);
  const rows = await page.locator('.runtime-extensions-editor .monaco-list-row').allInnerTexts().catch(e => [String(e)]);
  console.log('ROWS', JSON.stringify(rows, null, 1));
  const html = await page.locator('.runtime-extensions-editor .monaco-list-row').first().innerHTML().catch(e => String(e));
  console.log('HTML', html.slice(0, 3000));
  for (const f of walk(path.join(cs.userDataDir, 'logs'))) { console.log('==', f); console.log(readFileSync(f, 'utf8').slice(0, 3000)); }
  await page.screenshot({ path: 'test-results/scratch.png' });
  await b.close(); await cs.stop(); rmSync(folder, { recursive: true });
});
