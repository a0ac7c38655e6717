// noexec-mount: a tmpfs mounted noexec used as GOTMPDIR. `go test` links the test binary there and
// cannot exec it; editing works, Run/Test fail.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, expectDiagnosis, isMountPoint, mountTmpfs, removeTree, runCmd, runDoctorCli, summarize, tempDir, unmountVerified, userEnv, writeSmallModule } from './lib/harness.js';

describe('fault: noexec GOTMPDIR', () => {
  it('go test fails with "permission denied" and the doctor names noexec-mount and the mount point', async () => {
    const dir = tempDir('noexec');
    const mnt = path.join(dir, 'gotmp');
    mkdirSync(mnt);
    const ws = writeSmallModule(path.join(dir, 'ws'));
    try {
      await mountTmpfs(mnt, 'size=64m,mode=1777,noexec,nosuid,nodev');
      const env = userEnv({ GOTMPDIR: mnt });
      const sym = await runCmd(GO, ['test', './...'], { cwd: ws, env });
      expect(sym.code).not.toBe(0);
      expect(sym.stdout + sym.stderr).toMatch(new RegExp(`fork/exec ${mnt}/go-build\\d+/\\S+: permission denied`));

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[noexec-mount] ${summarize(run)}`);
      expectDiagnosis(run, ['noexec-mount'], [mnt]);
      expect(run.report!.causes[0]!.severity).toBe('error');
      expect(evidenceHasNoexec(run.report!.causes[0]!)).toBe(true);
    } finally {
      await unmountVerified(mnt);
      removeTree(dir);
    }
    expect(isMountPoint(mnt)).toBe(false);
  });
});

function evidenceHasNoexec(c: { findings: Array<{ evidence: Array<{ excerpt: string }> }> }): boolean {
  return c.findings.some((f) => f.evidence.some((e) => /noexec|permission denied|EACCES/.test(e.excerpt)));
}
