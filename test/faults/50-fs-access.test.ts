// fs-access: the Go caches unusable three real ways: a read-only bind mount, a directory owned by
// another user with mode 0755 (the user here is nobody, the owner root), and a full disk.
import { existsSync, mkdirSync, writeFileSync, chmodSync, chownSync, openSync, writeSync, closeSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, NOBODY, asUser, forOthers, bindReadOnly, layOutCachedModule, offlineModuleEnv, writeAppRequiring, chownTree, expectDiagnosis, isMountPoint, makeHome, mountTmpfs, removeTree, runCmd, runDoctorCli, summarize, tempDir, unmountVerified, userEnv, userEnvFor, writeSmallModule } from './lib/harness.js';

/** Fills a file system to the last byte: big writes, then page-sized ones, then single bytes, each until ENOSPC. */
/** Empty files until the file system has no inode left. */
function fillInodes(mnt: string): void {
  const d = path.join(mnt, 'many');
  mkdirSync(d);
  try {
    for (let i = 0; ; i++) writeFileSync(path.join(d, String(i)), '');
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
}

function fillUp(mnt: string): void {
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
}

const chownFixes = (run: Awaited<ReturnType<typeof runDoctorCli>>) => run.report!.causes.flatMap((c) => c.fixes).filter((x) => /chown/.test(JSON.stringify(x)));
/**
 * A chown fix as nobody would run it: with sudo, "$USER" expands in their own shell; without (as
 * here), in a root shell, the user is named (src/fixes/asRoot.ts).
 */
const chownAsTyped = (run: Awaited<ReturnType<typeof runDoctorCli>>) => chownFixes(run).map((x) => String((x as { text?: string }).text ?? x.id).replace(/^sudo /, '').replace('"$USER:"', 'nobody:'));

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

  // A module cache filled beforehand and mounted read-only (an image's layer, a shared mount): go
  // builds from it; only a module it lacks fails, when go tries to download it. Before, the doctor
  // called the read-only cache an error (score 1.0) in both, and offered go clean -modcache.
  for (const needs of ['nothing', 'a module it lacks'] as const) {
    it(`a filled module cache on a read-only bind mount, the workspace needing ${needs}: ${needs === 'nothing' ? 'go builds, a warning and no error' : 'go build fails with "read-only file system", fs-access error naming the module'}`, async () => {
      const dir = tempDir('rofilled');
      const src = path.join(dir, 'src');
      const mnt = path.join(dir, 'mod');
      const proxy = path.join(dir, 'proxy', 'example.com', 'y', '@v');
      const x = layOutCachedModule(src, 'example.com/x', 'v1.3.0', { 'x.go': 'package x\n\n// F does nothing.\nfunc F() {}\n' });
      mkdirSync(mnt);
      // y is served by a proxy on disk (GOPROXY=file://), never put in the cache.
      mkdirSync(proxy, { recursive: true });
      writeFileSync(path.join(proxy, 'list'), 'v0.2.0\n');
      writeFileSync(path.join(proxy, 'v0.2.0.info'), '{"Version":"v0.2.0","Time":"2025-06-01T00:00:00Z"}');
      writeFileSync(path.join(proxy, 'v0.2.0.mod'), 'module example.com/y\n\ngo 1.21\n');
      const ws = path.join(dir, 'ws');
      mkdirSync(ws);
      const lacks = needs !== 'nothing';
      writeFileSync(path.join(ws, 'go.mod'), `module example.com/ws\n\ngo 1.22\n\nrequire (\n\texample.com/x v1.3.0\n${lacks ? '\texample.com/y v0.2.0\n' : ''})\n`);
      writeFileSync(path.join(ws, 'go.sum'), x.goSum);
      writeFileSync(path.join(ws, 'main.go'), `package main\n\nimport (\n\t"example.com/x"\n${lacks ? '\t_ "example.com/y"\n' : ''})\n\nfunc main() { x.F() }\n`);
      try {
        await bindReadOnly(src, mnt);
        const env = userEnv({ GOMODCACHE: mnt, GOCACHE: path.join(dir, 'gocache'), GOPROXY: `file://${path.join(dir, 'proxy')}`, GOSUMDB: 'off', GOFLAGS: '-mod=mod' });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
        console.log(`[fs-access read-only filled, needs ${needs}] ${summarize(run)}`);
        const access = run.report!.causes.find((c) => c.id === 'fs-access');
        expect(access?.findings.some((f) => f.severity === 'warning' && f.message.includes(`GOMODCACHE ${mnt}`))).toBe(true);
        expect(access?.fixes.map((f) => f.id)).not.toContain('fs-access-go-clean-modcache');
        if (!lacks) {
          expect(build.code).toBe(0);
          expect(run.report!.causes.some((c) => c.severity === 'error')).toBe(false);
          return;
        }
        expect(build.stderr).toContain(`mkdir ${mnt}/cache/download/example.com/y: read-only file system`);
        expectDiagnosis(run, ['fs-access'], [mnt]);
        expect(run.report!.causes[0]!.findings.some((f) => f.severity === 'error' && f.message.startsWith(`example.com/y v0.2.0, required by ${path.join(ws, 'go.mod')}, is not in the module cache ${mnt}, which cannot be written (EROFS)`))).toBe(true);
      } finally {
        await unmountVerified(mnt);
        removeTree(dir);
      }
      expect(isMountPoint(mnt)).toBe(false);
    });
  }

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

  // What `sudo go build` / `sudo go mod download` leave behind: the caches' top directories are
  // still the user's, directories inside them root's (found by a tester as a non-root user: "no
  // problems found" while go build failed). Half the build cache's shards, chosen by name, and
  // the module cache's download tree of one host.
  it("the caches are the user's at the top, with directories inside left to root: go fails for nobody; fs-access names them, with the chown of the cache", async () => {
    const dir = tempDir('owner-inside');
    const home = makeHome(path.join(dir, 'home'), NOBODY);
    const gocache = path.join(home, '.cache', 'go-build');
    const gomodcache = path.join(home, 'go', 'pkg', 'mod');
    const ws = writeSmallModule(path.join(dir, 'ws'));
    chownTree(ws, NOBODY);
    try {
      const env = userEnvFor(home, 'nobody', { GOCACHE: gocache, GOMODCACHE: gomodcache, GOPROXY: 'off' });
      expect((await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env, wrap: asUser(NOBODY) })).code).toBe(0);
      layOutCachedModule(gomodcache, 'example.com/dep', 'v1.0.0', { 'dep.go': 'package dep\n' });
      chownTree(path.join(home, 'go'), NOBODY);
      const shards = readdirSync(gocache).filter((d) => /^[0-9a-f]{2}$/.test(d) && parseInt(d, 16) % 2 === 0);
      for (const d of shards) chownTree(path.join(gocache, d), { uid: 0, gid: 0 });
      chownTree(path.join(gomodcache, 'cache', 'download', 'example.com'), { uid: 0, gid: 0 });
      // The real failures: go clean cannot empty the cache, a changed build cannot write its results.
      const clean = await runCmd(GO, ['clean', '-cache'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(clean.stderr).toMatch(/permission denied/);
      writeFileSync(path.join(ws, 'extra.go'), 'package main\n\nimport "strings"\n\nvar _ = strings.ToUpper\n');
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(build.code).not.toBe(0);
      // go says "permission denied" when it writes a result, or only the misleading follow-on
      // ("package X is not in std") when the half-cleaned cache lost what std needed.
      expect(build.stderr).toMatch(/permission denied|is not in std/);

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY) });
      console.log(`[fs-access inside caches] ${summarize(run)}`);
      expectDiagnosis(run, ['fs-access'], [gocache]);
      const fs = run.report!.causes.find((c) => c.id === 'fs-access')!;
      expect(fs.severity).toBe('error');
      const inside = fs.findings.filter((f) => /inside (GOCACHE|GOMODCACHE)/.test(f.message));
      expect(inside.map((f) => f.message.match(/inside (GOCACHE|GOMODCACHE)/)![1]).sort()).toEqual(['GOCACHE', 'GOMODCACHE']);
      expect(inside.find((f) => f.message.includes('GOMODCACHE'))!.message).toContain(path.join('cache', 'download', 'example.com'));
      // The user's own cache, so taking it back is offered (as root: no sudo here for nobody).
      expect(chownAsTyped(run)).toEqual(expect.arrayContaining([`chown -R nobody: ${gocache}`]));
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
      fillUp(mnt);
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

// A module cache filled by root under umask 077 (an image's RUN go mod download): the module is
// there, behind a 0700 folder, and nobody's go build fails with "permission denied". A tester's
// report said the module was "not in the module cache" and offered adding it, which cannot help.
describe('fault: a module cache another user filled under umask 077', () => {
  it('a 0700 root-owned folder inside GOMODCACHE: nobody cannot read the module; an fs-access error with chmod a+rX, after which go builds', async () => {
    const dir = tempDir('umask077');
    const home = makeHome(path.join(dir, 'home'), NOBODY);
    const cache = path.join(dir, 'modcache');
    const ws = path.join(dir, 'ws');
    const dep = layOutCachedModule(cache, 'example.com/lib', 'v1.0.0', { 'lib.go': 'package lib\n\n// Answer is what the app prints.\nconst Answer = 42\n' });
    writeAppRequiring(ws, 'example.com/lib', 'v1.0.0', dep.goSum, 'lib', 'Answer');
    chownTree(ws, NOBODY);
    mkdirSync(path.join(dir, 'gocache'));
    chownTree(path.join(dir, 'gocache'), NOBODY);
    chmodSync(path.join(cache, 'example.com'), 0o700);
    try {
      const env = offlineModuleEnv(dir, home, cache);
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(build.code).not.toBe(0);
      expect(build.stderr).toMatch(/permission denied/);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY) });
      console.log(`[modcache umask 077] ${summarize(run)}`);
      const f = run.report!.causes.flatMap((c) => c.findings).find((x) => x.message.includes('is in the module cache'));
      expect(f, summarize(run)).toMatchObject({ classId: 'fs-access', severity: 'error' });
      expect(f!.message).toContain(`${path.join(cache, 'example.com')} is owned by uid 0, mode 0700`);
      expect(run.report!.causes.flatMap((c) => c.findings).some((x) => x.message.includes('not in the module cache'))).toBe(false);
      const fix = (run.report!.causes.flatMap((c) => c.fixes) as Array<{ id: string; text?: string }>).find((x) => x.id === 'modcache-chmod-readable');
      expect(fix?.text).toMatch(new RegExp(`chmod -R a\\+rX ${cache}$`));
      await runCmd('chmod', ['-R', 'a+rX', cache]);
      const after = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(after.code, after.stderr).toBe(0);
    } finally {
      removeTree(dir);
    }
  });
});

// A small file system made for GOTMPDIR, still empty: go run and go test of a small module work
// there, and the report said "Not enough space … builds fail" as an error (a tester's, 16 MiB). Two
// sizes, and the same tmpfs filled to a few MiB, where it is the error it looks like.
describe('fault: a small GOTMPDIR', () => {
  for (const size of [12, 24]) {
    it(`an empty ${size} MiB tmpfs as GOTMPDIR: go test runs there; a warning that it is small, no error`, async () => {
      const dir = tempDir('small-tmp');
      const mnt = path.join(dir, 'gotmp');
      mkdirSync(mnt);
      const ws = writeSmallModule(path.join(dir, 'ws'));
      writeFileSync(path.join(ws, 'small_test.go'), 'package main\n\nimport "testing"\n\nfunc TestSmall(t *testing.T) {}\n');
      try {
        await mountTmpfs(mnt, `size=${size}m,mode=1777`);
        const env = userEnv({ GOTMPDIR: mnt });
        const test = await runCmd(GO, ['test', '-count=1', '.'], { cwd: ws, env });
        expect(test.code, test.stderr).toBe(0);
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
        console.log(`[small GOTMPDIR ${size} MiB] ${summarize(run)}`);
        const all = run.report!.causes.flatMap((c) => c.findings);
        expect(all.filter((f) => f.severity === 'error')).toEqual([]);
        expect(all.find((f) => f.message.includes(`GOTMPDIR ${mnt}`))).toMatchObject({ classId: 'fs-access', severity: 'warning' });
      } finally {
        await unmountVerified(mnt);
        removeTree(dir);
      }
      expect(isMountPoint(mnt)).toBe(false);
    });
  }
});

// The workspace's own file system (a tester's: a full 3 MiB tmpfs and a read-only bind mount,
// each "no problems found" while go build or go mod tidy failed there).
describe("fault: the workspace's own file system", () => {
  // Out of bytes, or out of inodes with bytes free (a tmpfs made with a small nr_inodes). The
  // remount fix, run as printed (the tests run as root), gives go room, and the doctor is quiet.
  const cases = [
    { short: 'space', options: 'size=2m,mode=0755', fill: (mnt: string) => fillUp(mnt), show: 'workspace-full-show-space', grow: /remount,size=\d+m / },
    { short: 'inodes', options: 'size=64m,nr_inodes=24,mode=0755', fill: (mnt: string) => fillInodes(mnt), show: 'workspace-full-show-inodes', grow: /remount,nr_inodes=\d+ / },
  ] as const;
  for (const c of cases) {
    it(`the workspace on a tmpfs out of ${c.short}: go build of its main package fails with "no space left on device"; fs-access names the workspace, and the remount mends it`, async () => {
      const dir = tempDir('ws-full');
      const mnt = path.join(dir, 'mnt');
      mkdirSync(mnt);
      try {
        await mountTmpfs(mnt, c.options);
        const ws = writeSmallModule(path.join(mnt, 'ws'));
        c.fill(mnt);
        const env = userEnv();
        const build = await runCmd(GO, ['build', '.'], { cwd: ws, env });
        expect(build.stderr).toMatch(/no space left on device/);
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
        console.log(`[workspace full of ${c.short}] ${summarize(run)}`);
        expectDiagnosis(run, ['fs-access'], [ws]);
        const first = run.report!.causes[0]!;
        expect(first.findings.some((f) => f.message.startsWith(`The workspace ${ws} is on a full file system`))).toBe(true);
        const fixes = first.fixes as Array<{ id: string; text?: string }>;
        expect(fixes.some((f) => f.id === c.show)).toBe(true);
        const grow = fixes.find((f) => f.id === 'workspace-full-tmpfs-grow');
        expect(grow?.text).toMatch(c.grow);
        const applied = await runCmd('bash', ['-c', grow!.text!.replace(/^sudo /, '')], { env });
        expect(applied.code, applied.stderr).toBe(0);
        const again = await runCmd(GO, ['build', '.'], { cwd: ws, env });
        expect(again.code, again.stderr).toBe(0);
        const after = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
        expect(after.report!.causes.some((x) => x.findings.some((f) => f.message.startsWith(`The workspace ${ws} is on a full file system`))), summarize(after)).toBe(false);
      } finally {
        await unmountVerified(mnt);
        removeTree(dir);
      }
      expect(isMountPoint(mnt)).toBe(false);
    });
  }

  it('the workspace on a read-only bind mount: go mod tidy fails with "read-only file system"; a warning with the remount', async () => {
    const dir = tempDir('ws-ro');
    const src = path.join(dir, 'src');
    const ws = writeSmallModule(src);
    writeFileSync(path.join(src, 'go.mod'), 'module example.com/faultmod\n\ngo 1.22\n\nrequire golang.org/x/nothing v0.0.0\n');
    const mnt = path.join(dir, 'ro');
    mkdirSync(mnt);
    try {
      await bindReadOnly(ws, mnt);
      const tidy = await runCmd(GO, ['mod', 'edit', '-droprequire=golang.org/x/nothing'], { cwd: mnt, env: userEnv() });
      expect(tidy.stderr).toMatch(/read-only file system/);
      const run = await runDoctorCli({ workspaces: [mnt], env: userEnv(), cwd: mnt });
      console.log(`[workspace read-only] ${summarize(run)}`);
      const f = run.report!.causes.flatMap((c) => c.findings).find((x) => x.message.startsWith(`The workspace ${mnt} is on a read-only mount`));
      expect(f).toMatchObject({ classId: 'fs-access', severity: 'warning' });
      expect(JSON.stringify(f)).toContain(`remount,rw ${mnt}`);
    } finally {
      await unmountVerified(mnt);
      removeTree(dir);
    }
    expect(isMountPoint(mnt)).toBe(false);
  });
});

// gopls's own file cache (gopls v0.16 on opens it first and stops if it cannot): three real states,
// each checked on the pinned gopls before the doctor runs. HOME, XDG_CACHE_HOME and TMPDIR are
// what differ; go itself has a writable GOCACHE in each, so only gopls is stopped.
describe("fault: gopls's cache directory", () => {
  const goplsFor = () => path.join(forOthers().goplsDir, 'gopls');
  const persistentIndex = /gopls cannot access its persistent index \(disk full\?\): can't create cache: mkdir \S+: permission denied/;
  /**
   * nobody with a HOME that does not exist (Debian's /nonexistent, in a temp dir here) and its own
   * TMPDIR (1777), GOCACHE and GOPATH there, so only gopls's cache is in question; with
   * `othersGopls`, root's 0700 `$TMPDIR/gopls` is already there, as another user's first gopls leaves it.
   */
  const missingHomeSetup = (dir: string, othersGopls: boolean) => {
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    chmodSync(tmp, 0o1777);
    if (othersGopls) mkdirSync(path.join(tmp, 'gopls'), { mode: 0o700 });
    const cache = path.join(tmp, 'nobody-go-build');
    mkdirSync(cache);
    chownTree(cache, NOBODY);
    // nobody's own workspace: only gopls's cache is in question (a root-owned one is a warning of its own).
    const ws = writeSmallModule(path.join(dir, 'ws'));
    chownTree(ws, NOBODY);
    const missingHome = path.join(dir, 'nonexistent');
    const env = userEnvFor(missingHome, 'nobody', { TMPDIR: tmp, GOCACHE: cache, GOPATH: path.join(tmp, 'nobody-gopath') });
    return { tmp, ws, missingHome, env };
  };

  it('an existing gopls directory in XDG_CACHE_HOME owned by root, mode 0755: gopls exits at start; fs-access first, the death follows from it', async () => {
    const dir = tempDir('goplscache');
    const home = makeHome(path.join(dir, 'home'), NOBODY);
    // The user's cache home is another user's (XDG_CACHE_HOME as a launcher set it), gopls's directory in it already made.
    const xdg = path.join(dir, 'xdg');
    mkdirSync(path.join(xdg, 'gopls'), { recursive: true });
    for (const d of [xdg, path.join(xdg, 'gopls')]) chmodSync(d, 0o755);
    const ws = writeSmallModule(path.join(dir, 'ws'));
    chownTree(ws, NOBODY);
    try {
      const env = userEnvFor(home, 'nobody', { XDG_CACHE_HOME: xdg });
      const v = await runCmd(goplsFor(), ['version'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(v.code).toBe(1);
      expect(v.stderr).toMatch(persistentIndex);
      expect((await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env, wrap: asUser(NOBODY) })).code).toBe(0);

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY) });
      console.log(`[gopls cache root-owned] ${summarize(run)}`);
      expectDiagnosis(run, ['fs-access'], [path.join(xdg, 'gopls')]);
      expect(run.report!.causes[0]!.severity).toBe('error');
      const launch = run.report!.causes.find((c) => c.id === 'gopls-launch');
      expect(launch, 'gopls-launch: the death of the gopls the doctor started').toBeDefined();
      expect(launch!.findings.every((f) => f.role === 'symptom' && f.explainedBy?.includes('fs-access'))).toBe(true);
      // Taking over gopls's own directory is offered; its parent, someone else's, is not.
      // (sudo is dropped from the text where it is not installed, as here.)
      expect(chownAsTyped(run)).toEqual([`chown -R nobody: ${path.join(xdg, 'gopls')}`]);
    } finally {
      removeTree(dir);
    }
  });

  it("a HOME that does not exist and another user's $TMPDIR/gopls (0700): gopls exits at start; no chown of /, the fallback named", async () => {
    const dir = tempDir('nohome');
    const { tmp, ws, missingHome, env } = missingHomeSetup(dir, true);
    try {
      const v = await runCmd(goplsFor(), ['version'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(v.code).toBe(1);
      expect(v.stderr).toMatch(persistentIndex);
      expect(v.stderr).toContain(path.join(tmp, 'gopls'));

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY) });
      console.log(`[gopls cache fallback taken] ${summarize(run)}`);
      expectDiagnosis(run, ['fs-access'], [path.join(tmp, 'gopls')]);
      const first = run.report!.causes[0]!;
      expect(first.findings.some((f) => f.message.includes(`HOME=${missingHome}, which does not exist`))).toBe(true);
      expect(run.report!.causes.find((c) => c.id === 'gopls-launch')?.findings.every((f) => f.explainedBy?.includes('fs-access'))).toBe(true);
      expect(chownFixes(run)).toEqual([]);
      // No link to "a directory you own" but one of this uid's own under $TMPDIR, which gopls starts with.
      const own = first.fixes.find((x) => x.id === 'toolsenv-gocache-gopath') as { value?: Record<string, string> } | undefined;
      expect(own?.value?.GOPLSCACHE).toMatch(new RegExp(`^${tmp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/go-\\d+/gopls-cache$`));
      const fixed = await runCmd(goplsFor(), ['version'], { cwd: ws, env: { ...env, ...own!.value }, wrap: asUser(NOBODY) });
      expect(fixed.code, fixed.stderr).toBe(0);
    } finally {
      removeTree(dir);
    }
  });

  it('the same HOME with $TMPDIR/gopls free: gopls starts there, a warning and no gopls-launch', async () => {
    const dir = tempDir('nohome-ok');
    const { tmp, ws, env } = missingHomeSetup(dir, false);
    try {
      expect((await runCmd(goplsFor(), ['version'], { cwd: ws, env, wrap: asUser(NOBODY) })).code).toBe(0);
      removeTree(path.join(tmp, 'gopls'));

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY) });
      console.log(`[gopls cache fallback free] ${summarize(run)}`);
      // The doctor's gopls made $TMPDIR/gopls (0700) and removed it: left behind, it stopped the next
      // user's gopls on a shared machine (a tester's).
      expect(existsSync(path.join(tmp, 'gopls'))).toBe(false);
      expect(run.report, summarize(run)).toBeDefined();
      expect(run.report!.causes.some((c) => c.id === 'gopls-launch' && c.severity !== 'info'), summarize(run)).toBe(false);
      const fs = run.report!.causes.find((c) => c.id === 'fs-access');
      const note = fs?.findings.find((f) => f.message.startsWith('gopls cache'));
      expect(note, summarize(run)).toMatchObject({ severity: 'warning' });
      expect(note!.message).toContain(`${path.join(tmp, 'gopls')} instead`);
      expect(chownFixes(run)).toEqual([]);
    } finally {
      removeTree(dir);
    }
  });
});

// A workspace folder this user cannot enter (a devcontainer's bind mount owned by the host's uid,
// mode 0700): node's spawn reports the failed chdir as the spawn's own EACCES, which read like
// gopls itself being refused "although it has execute permission".
describe('fault: a workspace folder the user cannot enter', () => {
  it('root-owned 0700 folder, nobody runs the doctor: fs-access names the folder first, gopls\'s failed start follows from it', async () => {
    const dir = tempDir('noenter');
    const home = makeHome(path.join(dir, 'home'), NOBODY);
    const ws = writeSmallModule(path.join(dir, 'ws'));
    chmodSync(ws, 0o700);
    try {
      const env = userEnvFor(home, 'nobody');
      const cd = await runCmd('/bin/sh', ['-c', 'cd "$1"', 'sh', ws], { env, wrap: asUser(NOBODY) });
      expect(cd.code).not.toBe(0);
      expect(cd.stderr).toMatch(/can't cd|Permission denied/i);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: dir, wrap: asUser(NOBODY) });
      console.log(`[workspace no enter] ${summarize(run)}`);
      expectDiagnosis(run, ['fs-access'], [ws]);
      expect(run.report!.causes[0]!.findings.some((f) => f.message.includes(`The workspace folder ${ws} cannot be entered (EACCES)`))).toBe(true);
      const launch = run.report!.causes.find((c) => c.id === 'gopls-launch');
      expect(launch?.findings.every((f) => f.explainedBy?.includes('fs-access')), summarize(run)).toBe(true);
    } finally {
      removeTree(dir);
    }
  });
});

// A tester's: another user's checkout, readable and not writable: go build and go mod tidy failed with
// "permission denied" and the report said "no problems found" (a read-only mount of it got a warning).
describe('fault: a workspace folder the user can read but not write', () => {
  it('root-owned 0755 module, nobody runs the doctor: go build fails writing its binary; a warning naming the owner, with the chown', async () => {
    const dir = tempDir('nowrite');
    const home = makeHome(path.join(dir, 'home'), NOBODY);
    const ws = writeSmallModule(path.join(dir, 'ws'));
    chmodSync(ws, 0o755);
    try {
      const env = userEnvFor(home, 'nobody');
      const build = await runCmd(GO, ['build', '.'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(build.code).not.toBe(0);
      expect(build.stderr).toMatch(/permission denied/);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: dir, wrap: asUser(NOBODY) });
      console.log(`[workspace not writable] ${summarize(run)}`);
      const f = run.report!.causes.flatMap((c) => c.findings).find((x) => x.message.startsWith(`The workspace ${ws} is not writable for you (uid ${NOBODY.uid}): it belongs to uid 0, mode 0755`));
      expect(f, summarize(run)).toMatchObject({ classId: 'fs-access', severity: 'warning' });
      expect(JSON.stringify(run.report!.causes.find((c) => c.id === 'fs-access')!.fixes)).toContain(`chown -R nobody: ${ws}`);
      // The same folder, the user's own (the control): nothing about it.
      chownTree(ws, NOBODY);
      const own = await runDoctorCli({ workspaces: [ws], env, cwd: dir, wrap: asUser(NOBODY) });
      expect(own.report!.causes.flatMap((c) => c.findings).some((x) => x.message.includes('is not writable for you'))).toBe(false);
    } finally {
      removeTree(dir);
    }
  });
});

describe('fault: a workspace folder behind one the user cannot search', () => {
  // A tester's: the CLI stopped with "--workspace … is not a readable directory (EACCES)", exit 3,
  // the code for the doctor's own failure, though the folder was fine and its parent the matter.
  it('root-owned 0700 parent, nobody runs the doctor: a report (not exit 3), fs-access naming the parent', async () => {
    const dir = tempDir('noparent');
    const home = makeHome(path.join(dir, 'home'), NOBODY);
    const locked = path.join(dir, 'locked');
    const ws = writeSmallModule(path.join(locked, 'proj'));
    chownTree(ws, NOBODY);
    chmodSync(locked, 0o700);
    try {
      const env = userEnvFor(home, 'nobody');
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: dir, wrap: asUser(NOBODY) });
      console.log(`[workspace parent no search] ${summarize(run)}`);
      expect(run.code).toBe(2);
      expectDiagnosis(run, ['fs-access'], [locked]);
      expect(run.report!.causes[0]!.findings.some((f) => f.message.includes(`The workspace folder ${ws} cannot be reached: ${locked} above it cannot be searched (EACCES`))).toBe(true);
    } finally {
      removeTree(dir);
    }
  });
});

// go build stamps a main package by running git in its repository (Go 1.18+); git (2.35.2+)
// refuses a repository another user owns. gopls does not stamp, so only the builds fail. The
// control: the same checkout owned by the user who builds.
describe('fault: files of the module the user cannot read', () => {
  // Found by a tester as a non-root user: a root-owned 0700 package folder was reported as a
  // missing requirement with go mod tidy (which then failed with "permission denied"), and a
  // root-owned 0600 go.sum as "(absent)" with go mod tidy too.
  it('a package folder owned by root, mode 0700: fs-access names it in the verdict, and gopls\'s "no required module provides" is not put down to go.mod', async () => {
    const dir = tempDir('pkg-unreadable');
    const home = makeHome(path.join(dir, 'home'), NOBODY);
    const ws = path.join(dir, 'ws');
    mkdirSync(path.join(ws, 'internal', 'render'), { recursive: true });
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/app\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "example.com/app/internal/render"\n\nfunc main() { render.Page() }\n');
    writeFileSync(path.join(ws, 'internal', 'render', 'page.go'), 'package render\n\n// Page draws nothing.\nfunc Page() {}\n');
    chownTree(ws, NOBODY);
    const locked = path.join(ws, 'internal', 'render');
    chownTree(locked, { uid: 0, gid: 0 });
    chmodSync(locked, 0o700);
    try {
      const env = userEnvFor(home, 'nobody', { GOPROXY: 'off' });
      const build = await runCmd(GO, ['build', '-o', '/dev/null', './...'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(build.stderr).toContain(`open ${locked}: permission denied`);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY), timeoutMs: 20_000 });
      console.log(`[fs-access package folder] ${summarize(run)}`);
      expectDiagnosis(run, ['fs-access'], [locked]);
      const all = run.report!.causes.flatMap((c) => c.findings);
      expect(all.find((f) => f.probeId === 'modules' && f.classId === 'fs-access')?.message).toContain(`${locked} is a folder of the module`);
      // gopls's words for the import are read as this folder's, not as a requirement go.mod lacks.
      expect(JSON.stringify(run.report!.causes.flatMap((c) => c.fixes))).not.toMatch(/go mod tidy/);
    } finally {
      removeTree(dir);
    }
  });

  it('go.sum owned by root, mode 0600: an fs-access error naming it, not "(absent)" and go mod tidy', async () => {
    const dir = tempDir('gosum-unreadable');
    const home = makeHome(path.join(dir, 'home'), NOBODY);
    const gomodcache = path.join(dir, 'modcache');
    const { goSum } = layOutCachedModule(gomodcache, 'example.com/dep', 'v1.0.0', { 'dep.go': 'package dep\n\n// X is nothing.\nfunc X() {}\n' });
    chownTree(gomodcache, NOBODY);
    const ws = path.join(dir, 'ws');
    mkdirSync(ws, { recursive: true });
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/app\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n');
    writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "example.com/dep"\n\nfunc main() { dep.X() }\n');
    writeFileSync(path.join(ws, 'go.sum'), goSum);
    chownTree(ws, NOBODY);
    chownSync(path.join(ws, 'go.sum'), 0, 0);
    chmodSync(path.join(ws, 'go.sum'), 0o600);
    try {
      const env = userEnvFor(home, 'nobody', { GOPROXY: 'off', GOMODCACHE: gomodcache, GOSUMDB: 'off' });
      const tidy = await runCmd(GO, ['mod', 'tidy'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(tidy.stderr).toContain('permission denied');
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY), timeoutMs: 20_000 });
      console.log(`[fs-access go.sum] ${summarize(run)}`);
      expectDiagnosis(run, ['fs-access'], [path.join(ws, 'go.sum')]);
      const all = run.report!.causes.flatMap((c) => c.findings);
      expect(all.find((f) => f.probeId === 'module-downloads' && f.classId === 'fs-access')?.message).toContain('exists but cannot be read (EACCES');
      expect(JSON.stringify(all)).not.toContain('go.sum (absent)');
      // gopls's "missing go.sum entry" is what was seen, and no go mod tidy is offered for it.
      expect(JSON.stringify(run.report!.causes.flatMap((c) => c.fixes))).not.toMatch(/go mod tidy/);
    } finally {
      removeTree(dir);
    }
  });
});

describe("fault: a checkout another user owns (git's safe.directory) breaks go build's VCS stamping", () => {
  for (const owner of ['root', 'nobody']) {
    it(`repository owned by ${owner}, nobody builds: ${owner === 'root' ? 'fs-access names the repository, with the safe.directory fix' : 'nothing about git'}`, async () => {
      const dir = tempDir('vcs');
      const home = makeHome(path.join(dir, 'home'), NOBODY);
      const ws = writeSmallModule(path.join(dir, 'ws'));
      try {
        const git = (args: string[]) => runCmd('git', ['-C', ws, '-c', 'user.email=a@example.com', '-c', 'user.name=a', ...args], { env: userEnv() });
        expect((await git(['init', '-q', '.'])).code).toBe(0);
        expect((await git(['add', '.'])).code).toBe(0);
        expect((await git(['commit', '-qm', 'init'])).code).toBe(0);
        if (owner === 'nobody') chownTree(ws, NOBODY);
        const env = userEnvFor(home, 'nobody');
        const build = await runCmd(GO, ['build', '-o', path.join(home, 'out'), '.'], { cwd: ws, env, wrap: asUser(NOBODY) });
        if (owner === 'root') {
          expect(build.code).not.toBe(0);
          expect(build.stderr).toContain('error obtaining VCS status: exit status 128');
        } else expect(build.code, build.stderr).toBe(0);

        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY) });
        console.log(`[vcs ${owner}] ${summarize(run)}`);
        const said = (run.report?.causes ?? []).flatMap((c) => c.findings.map((f) => f.message)).join('\n');
        if (owner === 'root') {
          expectDiagnosis(run, ['fs-access'], [/dubious ownership|owned by someone else/]);
          expect(said).toContain(`git refuses the repository at ${ws}`);
          expect(run.report!.causes[0]!.fixes.map((x) => x.id)).toContain('git-safe-directory');
        } else {
          expect(run.report, summarize(run)).toBeDefined();
          expect(said).not.toMatch(/git refuses the repository/);
        }
      } finally {
        removeTree(dir);
      }
    });
  }
});

