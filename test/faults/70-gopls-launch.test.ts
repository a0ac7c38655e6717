// gopls-launch: go.alternateTools.gopls (here --gopls) names a binary for another architecture, or
// a file without the execute bit.
import { spawn } from 'node:child_process';
import { copyFileSync, chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOPLS, aarch64Elf, expectDiagnosis, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, writeSmallModule } from './lib/harness.js';

function nodeSpawn(file: string): Promise<{ errno?: string; code?: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(file, ['version'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString('latin1')));
    c.on('error', (e: NodeJS.ErrnoException) => resolve({ errno: e.code, stderr }));
    c.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('fault: the configured gopls cannot be executed', () => {
  it('an aarch64 ELF: execve fails with ENOEXEC; the doctor names gopls-launch and the file', async () => {
    const dir = tempDir('arch');
    const bad = path.join(dir, 'gopls-linux-arm64');
    writeFileSync(bad, aarch64Elf(), { mode: 0o755 });
    const ws = writeSmallModule(path.join(dir, 'ws'));
    try {
      // The kernel's answer, as a shell shows it.
      const sh = await runCmd('/bin/bash', ['-c', '"$1" version', 'bash', bad]);
      expect(sh.code).toBe(126);
      expect(sh.stderr).toContain('cannot execute binary file: Exec format error');
      // What an editor's Node spawn sees: libuv's execvp retries ENOEXEC through /bin/sh, so
      // there is no ENOEXEC error event, only exit 127 and sh's complaint about the ELF bytes.
      const viaNode = await nodeSpawn(bad);
      expect(viaNode.errno ?? viaNode.code).toBeDefined();

      const run = await runDoctorCli({ workspaces: [ws], env: userEnv(), cwd: ws, gopls: bad });
      console.log(`[gopls-launch arch] node spawn → ${viaNode.errno ?? `exit ${viaNode.code}`} ${summarize(run)}`);
      expectDiagnosis(run, ['gopls-launch'], [bad]);
      expect(run.report!.causes[0]!.severity).toBe('error');
      expect(JSON.stringify(run.report!.causes[0]!.findings)).toMatch(/ENOEXEC|exec format|architecture|aarch64|arm64/i);
    } finally {
      removeTree(dir);
    }
  });

  it('a copy of gopls without the execute bit: spawn fails with EACCES; the doctor names gopls-launch and the file', async () => {
    const dir = tempDir('noexecbit');
    const bad = path.join(dir, 'gopls');
    copyFileSync(GOPLS, bad);
    chmodSync(bad, 0o644);
    const ws = writeSmallModule(path.join(dir, 'ws'));
    try {
      const viaNode = await nodeSpawn(bad);
      expect(viaNode.errno).toBe('EACCES');

      const run = await runDoctorCli({ workspaces: [ws], env: userEnv(), cwd: ws, gopls: bad });
      console.log(`[gopls-launch mode] ${summarize(run)}`);
      expectDiagnosis(run, ['gopls-launch'], [bad]);
      expect(JSON.stringify(run.report!.causes[0]!.findings)).toMatch(/EACCES|permission|execut/i);
    } finally {
      removeTree(dir);
    }
  });
});
