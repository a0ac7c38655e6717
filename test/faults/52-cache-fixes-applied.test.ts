// The fixes for an unusable Go cache, applied exactly as the report prints them: a tester found the
// first fix for a full 1 MiB GOCACHE (go clean -cache) refilled at once, go clean offered where the
// cache held 0 B, and only remount or chown (root) for a read-only or root-owned cache. Each
// scenario breaks the cache for real, runs the doctor, types the fix it offers (a terminal line
// through bash, a setting as the environment it sets), and checks go works and the doctor is clean.
import { mkdirSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, NOBODY, asUser, bindReadOnly, chownTree, isMountPoint, makeHome, mountTmpfs, removeTree, runCmd, runDoctorCli, summarize, tempDir, unmountVerified, userEnvFor, type DoctorRun } from './lib/harness.js';
import { applyFix as apply, privateEnv, type AnyFix } from './lib/appliedFixes.js';


/** A package with a test: go test needs the standard library compiled into the cache (57 MB measured). */
function writeTestedModule(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'go.mod'), 'module example.com/cached\n\ngo 1.22\n');
  writeFileSync(path.join(dir, 'a.go'), 'package a\n\n// F is tested.\nfunc F() int { return 1 }\n');
  writeFileSync(path.join(dir, 'a_test.go'), 'package a\n\nimport "testing"\n\nfunc TestF(t *testing.T) {\n\tif F() != 1 {\n\t\tt.Fatal()\n\t}\n}\n');
  return dir;
}


const fsFixes = (run: DoctorRun): AnyFix[] => (run.report!.causes.find((c) => c.id === 'fs-access')?.fixes ?? []) as AnyFix[];


async function fillUp(file: string): Promise<void> {
  const fd = openSync(file, 'w');
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
}

describe('fault: Go cache fixes, applied as printed', () => {
  it('GOCACHE (go env file) on a 1 MiB tmpfs: the move comes first, names a checked directory, and works', async () => {
    const dir = tempDir('tinycache');
    const mnt = path.join(dir, 'tiny');
    const ws = writeTestedModule(path.join(dir, 'ws'));
    let env = privateEnv(dir);
    mkdirSync(mnt);
    try {
      await mountTmpfs(mnt, 'size=1m');
      expect((await runCmd(GO, ['env', '-w', `GOCACHE=${mnt}/c`], { env })).code).toBe(0);
      const broken = await runCmd(GO, ['test', './...'], { cwd: ws, env });
      expect(broken.code).not.toBe(0);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[cache fixes: 1 MiB] ${summarize(run)}`);
      const fixes = fsFixes(run);
      expect(fixes[0]).toMatchObject({ id: 'fs-space-move-gocache', kind: 'terminal', needsRoot: false });
      expect(fixes[0]!.text).toMatch(/^mkdir -p \S+ && go env -w GOCACHE=\S+$/);
      // go clean still listed (the cache fills the file system), after the move.
      expect(fixes.map((f) => f.id).indexOf('fs-space-go-clean-cache')).toBeGreaterThan(0);
      env = await apply(fixes[0]!, env, ws);
      expect((await runCmd(GO, ['test', './...'], { cwd: ws, env })).code).toBe(0);
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      expect(after.report!.causes.find((c) => c.id === 'fs-access'), summarize(after)).toBeUndefined();
    } finally {
      await unmountVerified(mnt);
      removeTree(dir);
    }
    expect(isMountPoint(mnt)).toBe(false);
  });

  it('a tmpfs full of another file, GOCACHE empty: no go clean (it frees nothing), the move works', async () => {
    const dir = tempDir('junkcache');
    const mnt = path.join(dir, 'junk');
    const ws = writeTestedModule(path.join(dir, 'ws'));
    let env = privateEnv(dir);
    mkdirSync(mnt);
    try {
      await mountTmpfs(mnt, 'size=16m');
      mkdirSync(path.join(mnt, 'c'));
      await fillUp(path.join(mnt, 'filler'));
      expect((await runCmd(GO, ['env', '-w', `GOCACHE=${mnt}/c`], { env })).code).toBe(0);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[cache fixes: junk] ${summarize(run)}`);
      const fixes = fsFixes(run);
      expect(fixes.map((f) => f.id)).not.toContain('fs-space-go-clean-cache');
      expect(JSON.stringify(run.report!.causes)).not.toContain('go clean -cache');
      expect(fixes[0]).toMatchObject({ id: 'fs-space-move-gocache', kind: 'terminal' });
      env = await apply(fixes[0]!, env, ws);
      expect((await runCmd(GO, ['test', './...'], { cwd: ws, env })).code).toBe(0);
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      expect(after.report!.causes.find((c) => c.id === 'fs-access'), summarize(after)).toBeUndefined();
    } finally {
      await unmountVerified(mnt);
      removeTree(dir);
    }
    expect(isMountPoint(mnt)).toBe(false);
  });

  it('GOCACHE (go env file) on a read-only bind mount: a cache of your own, no root, works', async () => {
    const dir = tempDir('rocache-own');
    const src = path.join(dir, 'src');
    const mnt = path.join(dir, 'ro');
    const ws = writeTestedModule(path.join(dir, 'ws'));
    let env = privateEnv(dir);
    mkdirSync(src);
    mkdirSync(mnt);
    try {
      await bindReadOnly(src, mnt);
      expect((await runCmd(GO, ['env', '-w', `GOCACHE=${mnt}/build`], { env })).code).toBe(0);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[cache fixes: read-only] ${summarize(run)}`);
      const own = fsFixes(run).find((f) => f.id === 'fs-access-own-dir-gocache');
      expect(own).toMatchObject({ kind: 'terminal', needsRoot: false });
      env = await apply(own!, env, ws);
      expect((await runCmd(GO, ['test', './...'], { cwd: ws, env })).code).toBe(0);
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      expect(after.report!.causes.find((c) => c.id === 'fs-access'), summarize(after)).toBeUndefined();
    } finally {
      await unmountVerified(mnt);
      removeTree(dir);
    }
    expect(isMountPoint(mnt)).toBe(false);
  });

  it('GOCACHE exported, owned by root, run as nobody: a cache of your own through go.toolsEnvVars works', async () => {
    const dir = tempDir('rootcache-own');
    const home = makeHome(path.join(dir, 'home'));
    const ws = writeTestedModule(path.join(dir, 'ws'));
    chownTree(home, NOBODY);
    chownTree(ws, NOBODY);
    const rootOwned = path.join(dir, 'rootcache');
    mkdirSync(rootOwned, { mode: 0o755 });
    try {
      let env = userEnvFor(home, 'nobody', { GOCACHE: rootOwned, GOENV: path.join(home, 'goenv'), GOTOOLCHAIN: 'local' });
      const wrap = asUser(NOBODY);
      expect((await runCmd(GO, ['build', './...'], { cwd: ws, env, wrap })).code).not.toBe(0);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap });
      console.log(`[cache fixes: root-owned] ${summarize(run)}`);
      const own = fsFixes(run).find((f) => f.id === 'fs-access-own-dir-gocache');
      // Exported: go env -w cannot override it, so the setting.
      expect(own).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars' });
      env = await apply(own!, env, ws, wrap);
      expect((await runCmd(GO, ['test', './...'], { cwd: ws, env, wrap })).code).toBe(0);
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap });
      expect(after.report!.causes.find((c) => c.id === 'fs-access'), summarize(after)).toBeUndefined();
    } finally {
      removeTree(dir);
    }
  });
});
