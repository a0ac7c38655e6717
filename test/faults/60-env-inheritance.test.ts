// env-inheritance / gopls-launch: the editor was started from a desktop launcher whose PATH lacks
// go and gopls, while the user's login shell (bash -l reading ~/.bash_profile) has both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOPLS_DIR, GOROOT_BIN, expectDiagnosis, makeHome, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, writeSmallModule } from './lib/harness.js';

const LAUNCHER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function spawnErrno(cmd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((resolve) => {
    const c = spawn(cmd, ['version'], { env, stdio: 'ignore' });
    c.on('error', (e: NodeJS.ErrnoException) => resolve(e.code));
    c.on('exit', () => resolve(undefined));
  });
}

describe('fault: PATH without go and gopls, login shell with them', () => {
  it('gopls cannot be spawned; the doctor names env-inheritance or gopls-launch and the missing directory', async () => {
    const dir = tempDir('path');
    const home = makeHome(path.join(dir, 'home'), undefined, [GOROOT_BIN, GOPLS_DIR]);
    const ws = writeSmallModule(path.join(dir, 'ws'));
    try {
      const env = userEnv({ PATH: LAUNCHER_PATH, HOME: home, SHELL: '/bin/bash', GOPATH: path.join(home, 'go') });
      // The symptom: what the Go extension's spawn of "gopls" and "go" meets.
      expect(await spawnErrno('gopls', env)).toBe('ENOENT');
      expect(await spawnErrno('go', env)).toBe('ENOENT');
      // …while a login shell of the same user finds both.
      const login = await runCmd('/bin/bash', ['-l', '-c', 'command -v go; command -v gopls'], { env });
      expect(login.stdout.split('\n').filter(Boolean)).toEqual([path.join(GOROOT_BIN, 'go'), path.join(GOPLS_DIR, 'gopls')]);

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[env-inheritance] ${summarize(run)}`);
      expectDiagnosis(run, ['env-inheritance', 'gopls-launch'], [GOPLS_DIR, GOROOT_BIN]);
      // Both halves are in the report: gopls cannot launch, and why.
      const ids = run.report!.causes.map((c) => c.id);
      expect(ids).toContain('gopls-launch');
      expect(ids).toContain('env-inheritance');
    } finally {
      removeTree(dir);
    }
  });
});
