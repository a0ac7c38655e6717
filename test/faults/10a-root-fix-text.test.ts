// A fix that needs root, typed the way it can run for the user who runs the doctor (issue 12 item
// 3): the remount of a noexec GOTMPDIR, from the real CLI on a real noexec tmpfs, run as root, as
// nobody with a `sudo` on PATH (a stub: it is found, never run), and as nobody with none. The
// e2e suite (test/e2e/terminalFixes.e2e.test.ts) types the root case into code-server's terminal
// and runs it; code-server runs as root there, so the two non-root cases are covered here, by
// the same engine path (uid and PATH are the real process's, nothing is injected).
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asUser, chownTree, isMountPoint, makeHome, mountTmpfs, NOBODY, removeTree, runDoctorCli, summarize, tempDir, unmountVerified, userEnv, userEnvFor, writeSmallModule, type DoctorRun } from './lib/harness.js';

interface TerminalFix {
  id: string;
  kind: string;
  text?: string;
  detail?: string;
  needsRoot?: boolean;
}

function remountFix(run: DoctorRun): TerminalFix {
  const cause = run.report?.causes.find((c) => c.id === 'noexec-mount');
  const fix = (cause?.fixes as TerminalFix[] | undefined)?.find((f) => f.id === 'noexec-remount-exec');
  if (!fix) throw new Error(`no noexec-remount-exec fix: ${summarize(run)}`);
  return fix;
}

/** `sudo` on PATH, as lookPath sees it (the same dirs the doctor searches). */
const sudoOn = (pathVar: string) => pathVar.split(':').some((d) => d && existsSync(path.join(d, 'sudo')));

describe('fault: a root fix as root, as a user with sudo, as a user without', () => {
  it('types "mount -o remount,exec" bare for root, with sudo for nobody when sudo is on PATH, and says how to become root when it is not', async () => {
    const dir = tempDir('rootfix');
    const mnt = path.join(dir, 'gotmp');
    mkdirSync(mnt);
    const ws = writeSmallModule(path.join(dir, 'ws'));
    const home = makeHome(path.join(dir, 'home'));
    chownTree(home, NOBODY);
    // A stub sudo: the doctor only looks it up; if anything ran it, it would fail loudly.
    const stubBin = path.join(dir, 'stub-bin');
    mkdirSync(stubBin);
    writeFileSync(path.join(stubBin, 'sudo'), '#!/bin/sh\necho "stub sudo must not run" >&2\nexit 99\n');
    chmodSync(path.join(stubBin, 'sudo'), 0o755);
    try {
      await mountTmpfs(mnt, 'size=16m,mode=1777,noexec,nosuid,nodev');

      const root = remountFix(await runDoctorCli({ workspaces: [ws], env: userEnv({ GOTMPDIR: mnt }), cwd: ws }));
      expect(root.text).toBe(`mount -o remount,exec ${mnt}`);
      expect(root.needsRoot).toBe(true);
      expect(root.detail ?? '').not.toMatch(/sudo/);

      const plain = userEnvFor(home, 'nobody', { GOTMPDIR: mnt });
      const withSudo = remountFix(await runDoctorCli({ workspaces: [ws], env: { ...plain, PATH: `${stubBin}:${plain.PATH}` }, cwd: ws, wrap: asUser(NOBODY) }));
      expect(withSudo.text).toBe(`sudo mount -o remount,exec ${mnt}`);
      expect(withSudo.detail ?? '').not.toMatch(/not installed/);

      if (sudoOn(plain.PATH ?? '')) {
        // Loud on purpose: a silent skip would look like a pass.
        console.error('!!! 10a-root-fix-text: this machine has sudo on PATH; the no-sudo case is not run');
      } else {
        const noSudo = remountFix(await runDoctorCli({ workspaces: [ws], env: plain, cwd: ws, wrap: asUser(NOBODY) }));
        expect(noSudo.text).toBe(`mount -o remount,exec ${mnt}`);
        expect(noSudo.detail).toMatch(/sudo is not installed here: run it in a root shell/);
      }
    } finally {
      await unmountVerified(mnt);
      removeTree(dir);
    }
    expect(isMountPoint(mnt)).toBe(false);
  });
});
