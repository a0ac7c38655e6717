// The fixes for a build cache go cannot use, applied exactly as the report prints them. A tester
// found only a remount offered for a GOCACHE on a noexec mount (root's, and impossible under a
// read-only policy), and no fix at all for "go cannot set up its build cache" (an unwritable
// GOCACHE), a relative GOCACHE or a relative XDG_CACHE_HOME. Each scenario breaks the cache for
// real with go1.26.8, checks what go says and which command fails, runs the doctor, types the fix
// (a terminal line through bash, a setting as the environment it gives the tools), and checks that
// go works and the doctor no longer reports it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, NOBODY, asUser, chownTree, isMountPoint, makeHome, mountTmpfs, removeTree, runCmd, runDoctorCli, summarize, tempDir, unmountVerified, userEnvFor, type DoctorRun } from './lib/harness.js';
import { applyFix as apply, privateEnv, type AnyFix } from './lib/appliedFixes.js';


/** A main package with a test: go run runs a binary, go test a test binary. */
function writeRunnableModule(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'go.mod'), 'module example.com/runnable\n\ngo 1.22\n');
  writeFileSync(path.join(dir, 'main.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("ran") }\n');
  writeFileSync(path.join(dir, 'main_test.go'), 'package main\n\nimport "testing"\n\nfunc TestRan(t *testing.T) {}\n');
  return dir;
}


const allFixes = (run: DoctorRun): AnyFix[] => (run.report?.causes ?? []).flatMap((c) => c.fixes as AnyFix[]);
const fixById = (run: DoctorRun, id: string): AnyFix | undefined => allFixes(run).find((f) => f.id === id);
/** What the doctor still says about the build cache, from any probe. */
const cacheWords = (run: DoctorRun, re: RegExp): string[] => (run.report?.causes ?? []).flatMap((c) => c.findings.map((f) => f.message)).filter((m) => re.test(m));


/** go run twice: the first builds in GOTMPDIR, the second runs the copy go 1.24+ cached in GOCACHE. */
async function goRunTwice(ws: string, env: NodeJS.ProcessEnv): Promise<Array<{ code: number | null; stderr: string }>> {
  const out = [];
  for (let i = 0; i < 2; i++) out.push(await runCmd(GO, ['run', '.'], { cwd: ws, env }));
  return out;
}

describe('fault: build cache fixes, applied as printed', () => {
  it.each([
    ['in the go env file, a 64 MiB tmpfs', 'size=64m', 'file'],
    ['exported, a 300 MiB tmpfs', 'size=300m', 'exported'],
  ] as const)('GOCACHE on a noexec tmpfs (%s): a cache of your own where programs run, not only a remount', async (_name, size, where) => {
    const dir = tempDir('noexec-gocache');
    const mnt = path.join(dir, 'nx');
    const ws = writeRunnableModule(path.join(dir, 'ws'));
    mkdirSync(mnt);
    const gocache = path.join(mnt, 'gocache');
    let env = privateEnv(dir, where === 'exported' ? { GOCACHE: gocache } : {});
    try {
      await mountTmpfs(mnt, `noexec,${size}`);
      if (where === 'file') expect((await runCmd(GO, ['env', '-w', `GOCACHE=${gocache}`], { env })).code).toBe(0);
      // Measured: go build and go test work; go run fails once its binary is cached, in GOCACHE.
      expect((await runCmd(GO, ['test', '-count=1', './...'], { cwd: ws, env })).code).toBe(0);
      const [first, second] = await goRunTwice(ws, env);
      expect(first!.code).toBe(0);
      expect(second!.code).not.toBe(0);
      expect(second!.stderr).toContain(`fork/exec ${gocache}/`);
      expect(second!.stderr).toContain('permission denied');

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[build cache: noexec ${where}] ${summarize(run)}`);
      const noexec = run.report!.causes.find((c) => c.id === 'noexec-mount');
      expect(noexec, summarize(run)).toBeDefined();
      const fixes = noexec!.fixes as AnyFix[];
      // The user's own cache first, then the remount.
      expect(fixes[0]).toMatchObject({ id: 'noexec-own-gocache' });
      expect(fixes[0]!.needsRoot).not.toBe(true);
      expect(fixes.map((f) => f.id)).toContain('noexec-remount-exec-gocache');
      if (where === 'file') expect(fixes[0]!.text).toMatch(/^mkdir -p \S+ && go env -w GOCACHE=\S+$/);
      else expect(fixes[0]).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars' });

      env = await apply(fixes[0]!, env, ws);
      for (const r of await goRunTwice(ws, env)) expect(r.code, r.stderr).toBe(0);
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      expect(after.report!.causes.find((c) => c.id === 'noexec-mount'), summarize(after)).toBeUndefined();
    } finally {
      await unmountVerified(mnt);
      removeTree(dir);
    }
    expect(isMountPoint(mnt)).toBe(false);
  });

  it.each([
    // go env -w refuses both values ("GOCACHE entry is relative"; GOCACHE=off is written): the file is written as a user's editor would.
    ['GOCACHE relative, in the go env file', 'GOCACHE=relcache\n', 'build cache is required, but could not be located: GOCACHE is not an absolute path'],
    ['GOCACHE=off, in the go env file', 'GOPROXY=off\nGOCACHE=off\n', 'build cache is disabled by GOCACHE=off, but required as of Go 1.12'],
  ])('%s: go env -u, where go reads it, and go builds', async (_name, fileText, said) => {
    const dir = tempDir('gocache-file');
    const ws = writeRunnableModule(path.join(dir, 'ws'));
    const env = privateEnv(dir);
    try {
      writeFileSync(env.GOENV!, fileText);
      const broken = await runCmd(GO, ['build', './...'], { cwd: ws, env });
      expect(broken.code).not.toBe(0);
      expect(broken.stderr).toContain(said);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[build cache: ${fileText.trim()}] ${summarize(run)}`);
      const fix = fixById(run, 'go-env-unset-gocache');
      expect(fix, JSON.stringify(allFixes(run).map((f) => f.id))).toMatchObject({ kind: 'terminal', text: 'go env -u GOCACHE' });
      await apply(fix!, env, ws);
      expect((await runCmd(GO, ['test', './...'], { cwd: ws, env })).code).toBe(0);
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      expect(cacheWords(after, /GOCACHE|build cache/), summarize(after)).toEqual([]);
    } finally {
      removeTree(dir);
    }
  });

  it('GOCACHE relative and exported: unset for the Go tools, and go builds with that environment', async () => {
    const dir = tempDir('gocache-rel-env');
    const ws = writeRunnableModule(path.join(dir, 'ws'));
    let env = privateEnv(dir, { GOCACHE: 'some/rel' });
    try {
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[build cache: exported relative] ${summarize(run)}`);
      const fix = fixById(run, 'toolsenv-gocache-fixed');
      expect(fix, JSON.stringify(allFixes(run).map((f) => f.id))).toMatchObject({ kind: 'setting', value: { GOCACHE: '' } });
      env = await apply(fix!, env, ws);
      expect((await runCmd(GO, ['test', './...'], { cwd: ws, env })).code).toBe(0);
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      expect(cacheWords(after, /GOCACHE|build cache/), summarize(after)).toEqual([]);
    } finally {
      removeTree(dir);
    }
  });

  it.each(['rel-cache', './cache'])('XDG_CACHE_HOME=%s with HOME set: go does not fall back to HOME; a GOCACHE of your own (go env -w) works', async (xdg) => {
    const dir = tempDir('xdg-rel');
    const ws = writeRunnableModule(path.join(dir, 'ws'));
    const env = privateEnv(dir, { XDG_CACHE_HOME: xdg });
    try {
      const broken = await runCmd(GO, ['build', './...'], { cwd: ws, env });
      expect(broken.stderr).toContain('GOCACHE is not defined and path in $XDG_CACHE_HOME is relative');
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[build cache: XDG_CACHE_HOME=${xdg}] ${summarize(run)}`);
      expect(cacheWords(run, /XDG_CACHE_HOME is a relative path/).length, summarize(run)).toBeGreaterThan(0);
      const fix = fixById(run, 'fs-access-own-dir-gocache');
      expect(fix, JSON.stringify(allFixes(run).map((f) => f.id))).toMatchObject({ kind: 'terminal', needsRoot: false });
      expect(fix!.text).toBe(`mkdir -p ${env.HOME}/.cache/go-build && go env -w GOCACHE=${env.HOME}/.cache/go-build`);
      await apply(fix!, env, ws);
      expect((await runCmd(GO, ['test', './...'], { cwd: ws, env })).code).toBe(0);
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      expect(cacheWords(after, /XDG_CACHE_HOME is a relative path|build cache/), summarize(after)).toEqual([]);
    } finally {
      removeTree(dir);
    }
  });

  it('GOCACHE (go env file) in a directory nobody may not write: "go cannot set up its build cache" comes with a cache of your own', async () => {
    const dir = tempDir('gocache-denied');
    const home = makeHome(path.join(dir, 'home'));
    const ws = writeRunnableModule(path.join(dir, 'ws'));
    const locked = path.join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    chownTree(home, NOBODY);
    chownTree(ws, NOBODY);
    const wrap = asUser(NOBODY);
    try {
      const env = userEnvFor(home, 'nobody', { GOCACHE: undefined, GOENV: path.join(home, 'goenv'), GOTOOLCHAIN: 'local' });
      expect((await runCmd(GO, ['env', '-w', `GOCACHE=${locked}/cache`], { env, wrap })).code).toBe(0);
      const broken = await runCmd(GO, ['build', './...'], { cwd: ws, env, wrap });
      expect(broken.stderr).toContain(`failed to initialize build cache at ${locked}/cache: mkdir ${locked}/cache: permission denied`);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap });
      console.log(`[build cache: denied] ${summarize(run)}`);
      const setUp = run.report!.causes.flatMap((c) => c.findings).find((f) => /go cannot set up its build cache/.test(f.message));
      expect(setUp, summarize(run)).toBeDefined();
      const fix = fixById(run, 'fs-access-own-dir-gocache');
      expect(fix).toMatchObject({ kind: 'terminal', needsRoot: false });
      await apply(fix!, env, ws, wrap);
      expect((await runCmd(GO, ['test', './...'], { cwd: ws, env, wrap })).code).toBe(0);
      const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap });
      expect(cacheWords(after, /build cache/), summarize(after)).toEqual([]);
    } finally {
      removeTree(dir);
    }
  });
});
