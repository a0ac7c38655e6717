// fs-access: the Go caches unusable three real ways: a read-only bind mount, a directory owned by
// another user with mode 0755 (the user here is nobody, the owner root), and a full disk.
import { mkdirSync, writeFileSync, chmodSync, openSync, writeSync, closeSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, NOBODY, asUser, bindReadOnly, chownTree, expectDiagnosis, isMountPoint, makeHome, mountTmpfs, removeTree, runCmd, runDoctorCli, summarize, tempDir, unmountVerified, userEnv, userEnvFor, writeSmallModule } from './lib/harness.js';

/** A module with one requirement, so `go mod download` has something to write into GOMODCACHE. */
function writeModuleWithRequirement(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'go.mod'), 'module example.com/withdep\n\ngo 1.22\n\nrequire golang.org/x/mod v0.20.0\n');
  writeFileSync(path.join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
  return dir;
}

describe('fault: Go caches not writable', () => {
  it('read-only bind mount: go mod download / go build fail with "read-only file system"; fs-access names the mount', async () => {
    const dir = tempDir('rocache');
    const src = path.join(dir, 'src');
    const mnt = path.join(dir, 'cache');
    mkdirSync(path.join(src, 'mod'), { recursive: true });
    mkdirSync(path.join(src, 'build'), { recursive: true });
    mkdirSync(mnt);
    const ws = writeModuleWithRequirement(path.join(dir, 'ws'));
    try {
      await bindReadOnly(src, mnt);
      const env = userEnv({ GOMODCACHE: path.join(mnt, 'mod'), GOCACHE: path.join(mnt, 'build') });
      const dl = await runCmd(GO, ['mod', 'download', 'golang.org/x/mod'], { cwd: ws, env });
      expect(dl.code).not.toBe(0);
      expect(dl.stderr).toContain(`mkdir ${mnt}/mod/cache: read-only file system`);
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
      expect(build.stderr).toMatch(/read-only file system/);

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[fs-access read-only] ${summarize(run)}`);
      expectDiagnosis(run, ['fs-access'], [mnt]);
      expect(JSON.stringify(run.report!.causes[0]!.findings)).toMatch(/read-only|\bro\b|EROFS/);
    } finally {
      await unmountVerified(mnt);
      removeTree(dir);
    }
    expect(isMountPoint(mnt)).toBe(false);
  });

  it('owned by another user, mode 0755: go fails with "permission denied" for nobody; fs-access names the directory', async () => {
    const dir = tempDir('owner');
    const home = makeHome(path.join(dir, 'home'));
    const ws = writeModuleWithRequirement(path.join(dir, 'ws'));
    chownTree(home, NOBODY);
    const rootOwned = path.join(dir, 'rootcache');
    mkdirSync(path.join(rootOwned, 'mod'), { recursive: true });
    mkdirSync(path.join(rootOwned, 'build'), { recursive: true });
    for (const d of [rootOwned, path.join(rootOwned, 'mod'), path.join(rootOwned, 'build')]) chmodSync(d, 0o755);
    try {
      const env = userEnvFor(home, 'nobody', { GOMODCACHE: path.join(rootOwned, 'mod'), GOCACHE: path.join(rootOwned, 'build') });
      const dl = await runCmd(GO, ['mod', 'download', 'golang.org/x/mod'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(dl.code).not.toBe(0);
      expect(dl.stderr).toContain(`mkdir ${rootOwned}/mod/cache: permission denied`);
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(build.stderr).toContain(`failed to initialize build cache at ${rootOwned}/build`);
      expect(build.stderr).toContain('permission denied');

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY) });
      console.log(`[fs-access owner] ${summarize(run)}`);
      expectDiagnosis(run, ['fs-access'], [rootOwned]);
    } finally {
      removeTree(dir);
    }
  });

  it('a full disk: a tiny tmpfs as GOCACHE, filled up: go build fails with "no space left on device"', async () => {
    const dir = tempDir('full');
    const mnt = path.join(dir, 'gocache');
    mkdirSync(mnt);
    const ws = writeSmallModule(path.join(dir, 'ws'));
    // Sources an hour old, as a user's are. go skips its module index for files modified in the
    // last seconds, and on that path a full GOCACHE shows up as "package fmt is not in std"
    // (measured here) instead of the ENOSPC it really is.
    const anHourAgo = new Date(Date.now() - 3600_000);
    for (const f of readdirSync(ws)) utimesSync(path.join(ws, f), anHourAgo, anHourAgo);
    utimesSync(ws, anHourAgo, anHourAgo);
    try {
      await mountTmpfs(mnt, 'size=1m,nr_inodes=2k,mode=0755');
      // Fill it to the last page: big writes, then page-sized ones, until the kernel says ENOSPC.
      // (Left with a few free pages, go writes half an index and reports "package fmt is not in std"
      // instead: a real but different symptom.)
      const fd = openSync(path.join(mnt, 'filler'), 'w');
      try {
        for (const size of [64 * 1024, 4096, 1]) {
          try {
            for (;;) writeSync(fd, Buffer.alloc(size, 0x5a));
          } catch (e) {
            expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
          }
        }
      } finally {
        closeSync(fd);
      }
      const env = userEnv({ GOCACHE: mnt });
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
      expect(build.code).not.toBe(0);
      expect(build.stderr).toMatch(/no space left on device/);

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[fs-access full] ${summarize(run)}`);
      expectDiagnosis(run, ['fs-access'], [mnt]);
      expect(JSON.stringify(run.report!.causes[0]!.findings)).toMatch(/space|ENOSPC|full|free/i);
    } finally {
      await unmountVerified(mnt);
      removeTree(dir);
    }
    expect(isMountPoint(mnt)).toBe(false);
  });
});
