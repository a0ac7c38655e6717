// What bench/extension.bench.mjs measures in a real code-server, one cold start per run:
// activation time as VS Code reports it ("Developer: Show Running Extensions"), the extension
// host's children spawned by anything but the stand-in's gopls up to two seconds after our
// activation, and the latency from killing the extension host's gopls to an errorBackground badge.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { startCodeServer } from './codeServer.js';
import { ChildSampler, DOCTOR_ID, runningExtensionsActivationMs, waitForActivation, waitForGopls } from './flows.js';
import { makeGoModule } from './gomodule.js';
import { alive } from './procs.js';
import { doctorVsix, packageStandin, REPO } from './standin.js';
import { launchBrowser, openWorkbench } from './workbench.js';

/** When a crash is measured: well after the extension's watcher has had its first look. */
export const STEADY_AFTER_ACTIVATION_MS = 8000;

export interface RunFigures {
  activationMs?: number;
  activationEvent?: string;
  foreignChildren: string[];
  crashToBadgeMs?: number;
  error?: string;
}

export async function measure(runs: number, log: (s: string) => void = console.log): Promise<RunFigures[]> {
  const vsixes = [await packageStandin(path.join(REPO, '.bench')), doctorVsix()];
  const out: RunFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const folder = makeGoModule('ged-bench-mod-');
    const cs = await startCodeServer({ folder, extensions: vsixes, settings: { 'go.alternateTools': { gopls: path.join(REPO, '.tools/bin/gopls') } } });
    const sampler = new ChildSampler(cs, 5).start();
    const browser = await launchBrowser();
    const fig: RunFigures = { foreignChildren: [] };
    try {
      const page = await browser.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await openWorkbench(page, cs.url, folder);
      const line = await waitForActivation(cs, DOCTOR_ID);
      const activatedAt = Date.now();
      fig.activationEvent = /activationEvent: '([^']*)'/.exec(line)?.[1];
      const gopls = await waitForGopls(cs);
      await new Promise((r) => setTimeout(r, 2000));
      sampler.sample();
      fig.foreignChildren = sampler.foreign().map((c) => `${c.comm}: ${c.argv.join(' ')}`);
      fig.activationMs = await runningExtensionsActivationMs(page, 'Go Environment Doctor');

      // Crash: SIGKILL the extension host's gopls, then wait in the page (every animation frame)
      // for our badge to carry the errorBackground class. Steady state: the extension starts its
      // watcher 2 s after activation and looks every 2 s, so a gopls killed sooner is never seen.
      const settle = activatedAt + STEADY_AFTER_ACTIVATION_MS - Date.now();
      if (settle > 0) await new Promise((r) => setTimeout(r, settle));
      const t0 = Date.now();
      process.kill(gopls.pid, 'SIGKILL');
      await page.waitForFunction(
        // A string: this runs in the page, and the Node-side tsconfig has no DOM lib.
        `[...document.querySelectorAll('#workbench\\\\.parts\\\\.statusbar .statusbar-item.error-kind')].some((e) => (e.textContent ?? '').includes('Go env:'))`,
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      fig.crashToBadgeMs = Date.now() - t0;
      if (alive(gopls.pid)) throw new Error('gopls survived SIGKILL');
    } catch (e) {
      fig.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    } finally {
      sampler.stop();
      await browser.close();
      await cs.stop();
      rmSync(folder, { recursive: true, force: true });
    }
    log(`  run ${i + 1}: ${JSON.stringify(fig)}`);
    out.push(fig);
  }
  return out;
}
