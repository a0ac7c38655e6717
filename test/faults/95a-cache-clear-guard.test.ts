// Issue 9 finding 3: with ~/.cache/gopls a symlink to $HOME and $HOME not writable, the text report
// and the Markdown told the user to `rm -rf <home>`, a clear the extension's own guard refuses.
// Now the probe runs that guard before it offers the fix: no output offers it, and the evidence
// says why. Run as nobody (root can write anywhere, so the fault needs another user).
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOBODY, asUser, chownTree, makeHome, removeTree, runDoctorCli, summarize, tempDir, userEnvFor, writeSmallModule } from './lib/harness.js';

describe('the gopls cache clear is offered only when its guard agrees', () => {
  it('~/.cache/gopls → $HOME, $HOME not writable: no rm -rf in text, Markdown or JSON, and the reason is given', async () => {
    const dir = tempDir('cache-guard');
    try {
      const home = makeHome(path.join(dir, 'home'));
      mkdirSync(path.join(home, '.cache'));
      symlinkSync(home, path.join(home, '.cache', 'gopls'));
      const ws = writeSmallModule(path.join(dir, 'ws'));
      chownTree(dir, NOBODY);
      chmodSync(home, 0o555);
      const env = userEnvFor(home, 'nobody', { GOCACHE: path.join(dir, 'gocache'), GOPATH: path.join(dir, 'gopath') });
      mkdirSync(path.join(dir, 'gocache'));
      mkdirSync(path.join(dir, 'gopath'));
      chownTree(dir, NOBODY);
      chmodSync(home, 0o555);
      const outs: Record<string, string> = {};
      for (const format of ['text', 'markdown', 'json'] as const) {
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, format, wrap: asUser(NOBODY), timeoutMs: 15_000, extra: format === 'text' ? ['--verbose', '--no-color'] : [] });
        if (format === 'json') console.log(`[cache-guard] ${summarize(run)}`);
        outs[format] = run.stdout;
        expect(run.stdout.length, run.stderr).toBeGreaterThan(0);
        expect(run.stdout).not.toMatch(/rm -rf/);
      }
      const report = JSON.parse(outs.json!) as { causes: Array<{ fixes: Array<{ kind: string }>; findings: Array<{ evidence: Array<{ source: string; excerpt: string }> }> }> };
      expect(report.causes.flatMap((c) => c.fixes).filter((f) => f.kind === 'clearGoplsCache')).toEqual([]);
      const ev = report.causes.flatMap((c) => c.findings.flatMap((f) => f.evidence)).find((e) => e.source === 'gopls cache clear: not offered');
      expect(ev?.excerpt).toMatch(/symbolic link/);
    } finally {
      chmodSync(path.join(dir, 'home'), 0o755);
      removeTree(dir);
    }
  });
});
