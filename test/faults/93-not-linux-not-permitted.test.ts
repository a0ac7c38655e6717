// Not Linux / not permitted: the pipeline against an empty host root that claims to be macOS
// (every /proc and /sys read fails), and the real CLI run as an unprivileged user. Every probe
// must end ok or skipped-with-a-reason: never crashed, never timed out.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import { allProbes } from '../../src/probes/index.js';
import { NOBODY, asUser, chownTree, makeHome, removeTree, runDoctorCli, summarize, tempDir, userEnv, userEnvFor, writeSmallModule } from './lib/harness.js';

describe('not Linux, not permitted', () => {
  it('an empty host root as on macOS: every probe ok or skipped with a reason', async () => {
    const dir = tempDir('darwin');
    try {
      const root = path.join(dir, 'root');
      mkdirSync(root);
      const ws = writeSmallModule(path.join(dir, 'ws'));
      // go and gopls are on PATH, as on a working Mac: what is absent is /proc, /sys and Linux.
      for (const env of [userEnv(), userEnv({ HOME: path.join(dir, 'home') })]) {
        const report = await runDoctor({ host: new Host({ root, platform: 'darwin' }), probes: allProbes(), workspaces: [ws], env, timeoutMs: 15_000 });
        const statuses = report.probes.map((p) => `${p.id}=${p.status}${p.reason ? ` (${p.reason})` : ''}`);
        console.log(`[darwin, ${env.HOME === process.env.HOME ? 'real HOME' : 'empty HOME'}] ${statuses.join('; ')}; causes: ${report.causes.map((c) => `${c.id}/${c.severity}`).join(', ') || '(none)'}`);
        expect(report.probes.length).toBe(allProbes().length);
        for (const p of report.probes) {
          expect(['ok', 'skipped'], `${p.id}: ${p.status} ${p.reason ?? ''}`).toContain(p.status);
          if (p.status === 'skipped') expect(p.reason, p.id).toBeTruthy();
        }
        expect(report.causes.filter((c) => c.severity === 'error').map((c) => c.id)).toEqual([]);
      }
    } finally {
      removeTree(dir);
    }
  });

  it('as nobody (setpriv): every probe ok or skipped with a reason, no error', async () => {
    const dir = tempDir('nobody');
    try {
      const home = makeHome(path.join(dir, 'home'));
      const ws = writeSmallModule(path.join(dir, 'ws'));
      chownTree(home, NOBODY);
      // The user's own workspace, as a user's is (a root-owned one is a warning of its own since 2026-12-05).
      chownTree(ws, NOBODY);
      const run = await runDoctorCli({ workspaces: [ws], env: userEnvFor(home, 'nobody'), cwd: ws, wrap: asUser(NOBODY), timeoutMs: 20_000 });
      console.log(`[nobody] ${summarize(run)}; probes: ${run.report?.probes.map((p) => `${p.id}=${p.status}${p.reason ? ` (${p.reason.slice(0, 100)})` : ''}`).join('; ')}`);
      expect(run.report, summarize(run)).toBeDefined();
      for (const p of run.report!.probes) {
        expect(['ok', 'skipped'], `${p.id}: ${p.status} ${p.reason ?? ''}`).toContain(p.status);
        if (p.status === 'skipped') expect(p.reason, p.id).toBeTruthy();
      }
      expect(run.report!.causes.filter((c) => c.severity === 'error').map((c) => c.id), summarize(run)).toEqual([]);
    } finally {
      removeTree(dir);
    }
  });
});
