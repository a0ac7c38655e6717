// module-resolution: a folder of .go files with no go.mod, and a folder holding two modules with
// no go.work (one imports the other).
import { symlinkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, GOPLS, expectDiagnosis, layOutCachedModule, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv } from './lib/harness.js';

describe('fault: modules gopls cannot resolve', () => {
  it('.go files and no go.mod: go build and gopls fail to resolve imports; the doctor names module-resolution and the folder', async () => {
    const dir = tempDir('nomod');
    const ws = path.join(dir, 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "example.com/b"\n\nfunc main() { b.Hello() }\n');
    try {
      const env = userEnv();
      const build = await runCmd(GO, ['build', './...'], { cwd: ws, env });
      expect(build.code).not.toBe(0);
      expect(build.stderr).toMatch(/go\.mod file not found|does not contain main module/);
      const check = await runCmd(GOPLS, ['check', path.join(ws, 'main.go')], { cwd: ws, env, killAfterMs: 60_000 });
      expect(check.stdout + check.stderr).toContain('could not import example.com/b');

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[module-resolution no go.mod] ${summarize(run)}`);
      expectDiagnosis(run, ['module-resolution'], [ws]);
    } finally {
      removeTree(dir);
    }
  });

  it('two modules and no go.work: one does not see the other; the doctor names module-resolution and the modules', async () => {
    const dir = tempDir('twomods');
    const ws = path.join(dir, 'ws');
    for (const m of ['a', 'b']) {
      mkdirSync(path.join(ws, m), { recursive: true });
      writeFileSync(path.join(ws, m, 'go.mod'), `module example.com/${m}\n\ngo 1.22\n`);
    }
    writeFileSync(path.join(ws, 'a', 'a.go'), 'package a\n\nimport "example.com/b"\n\n// A calls into the sibling module.\nfunc A() { b.Hello() }\n');
    writeFileSync(path.join(ws, 'b', 'b.go'), 'package b\n\n// Hello does nothing.\nfunc Hello() {}\n');
    try {
      const env = userEnv();
      const build = await runCmd(GO, ['build', './...'], { cwd: path.join(ws, 'a'), env });
      expect(build.code).not.toBe(0);
      expect(build.stderr).toContain('no required module provides package example.com/b');
      const check = await runCmd(GOPLS, ['check', path.join(ws, 'a', 'a.go')], { cwd: ws, env, killAfterMs: 60_000 });
      expect(check.stdout + check.stderr).toContain('could not import example.com/b (no required module provides package "example.com/b")');

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws });
      console.log(`[module-resolution two modules] ${summarize(run)}`);
      expectDiagnosis(run, ['module-resolution'], [path.join(ws, 'a'), path.join(ws, 'b'), 'go.work']);
    } finally {
      removeTree(dir);
    }
  });

  // A replace to a local directory that is gone (the sibling checkout never cloned), one that is
  // there but holds no go.mod, and one whose go.mod declares another module (go builds it in place
  // without a word; a tester's "imported as other and not used"). The required version is the
  // placeholder v0.0.0, so dropping the replace cannot work (go then wants it from the proxy): not
  // offered. Where a folder nearby declares the module, the fix points the replace there and go builds.
  for (const target of ['gone', 'nomod', 'other']) {
    it(`a replace to a local directory that ${target === 'gone' ? 'does not exist' : target === 'nomod' ? 'holds no go.mod' : 'declares another module'}: the doctor names the directive and the directory`, async () => {
      const dir = tempDir('replace');
      const ws = path.join(dir, 'ws');
      mkdirSync(ws);
      if (target === 'nomod') {
        mkdirSync(path.join(dir, target));
        writeFileSync(path.join(dir, target, 'x.go'), 'package x\n\nfunc F() {}\n');
      }
      if (target === 'other') {
        mkdirSync(path.join(dir, target));
        writeFileSync(path.join(dir, target, 'go.mod'), 'module example.com/other\n\ngo 1.22\n');
        writeFileSync(path.join(dir, target, 'o.go'), 'package other\n');
      }
      // The checkout the replace meant, beside the others, for all but "nomod".
      if (target !== 'nomod') {
        mkdirSync(path.join(dir, 'x'));
        writeFileSync(path.join(dir, 'x', 'go.mod'), 'module example.com/x\n\ngo 1.22\n');
        writeFileSync(path.join(dir, 'x', 'x.go'), 'package x\n\nfunc F() {}\n');
      }
      writeFileSync(path.join(ws, 'go.mod'), `module example.com/ws\n\ngo 1.22\n\nrequire example.com/x v0.0.0\n\nreplace example.com/x => ../${target}\n`);
      writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "example.com/x"\n\nfunc main() { x.F() }\n');
      try {
        const env = userEnv({ GOFLAGS: '-mod=mod', GOPROXY: 'off' });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        expect(build.code).not.toBe(0);
        expect(build.stderr).toMatch(target === 'gone' ? /replacement directory \.\.\/gone does not exist/ : target === 'nomod' ? /nomod\/go\.mod: no such file or directory/ : /imported as other and not used|undefined: x/);
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS });
        console.log(`[replace ${target}] ${summarize(run)}`);
        expectDiagnosis(run, ['module-resolution'], [`replace example.com/x => ../${target}`]);
        expect(run.report!.causes[0]!.findings.some((f) => f.message.includes(path.join(dir, target)) || f.message.includes(`../${target}`))).toBe(true);
        // go mod tidy fails the same way (a tester ran it), and so does dropping the replace of a
        // placeholder version: neither is offered.
        const fixes = run.report!.causes.flatMap((c) => c.fixes) as Array<{ id: string; text?: string }>;
        expect(fixes.map((f) => f.text ?? '')).not.toContain('go mod tidy');
        expect(fixes.map((f) => f.id)).not.toContain('go-mod-dropreplace');
        const retarget = fixes.find((f) => f.id === 'go-mod-replace-retarget');
        if (target === 'nomod') {
          expect(retarget).toBeUndefined();
          return;
        }
        expect(retarget?.text).toBe('go mod edit -replace=example.com/x=../x');
        expect((await runCmd('/bin/sh', ['-c', retarget!.text!], { cwd: ws, env })).code).toBe(0);
        expect((await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env })).code).toBe(0);
      } finally {
        removeTree(dir);
      }
    });
  }

  // A workspace opened through a symbolic link to a package folder of a module (a tester's): go mod
  // init there, once the first fix, wrote a go.mod inside the real module and its parent stopped building.
  it('a workspace that is a symlink into a package folder of a module: the real module named, no go mod init', async () => {
    const dir = tempDir('symws');
    const mod = path.join(dir, 'real');
    mkdirSync(path.join(mod, 'pkg'), { recursive: true });
    writeFileSync(path.join(mod, 'go.mod'), 'module example.com/real\n\ngo 1.22\n');
    writeFileSync(path.join(mod, 'pkg', 'p.go'), 'package pkg\n\nfunc P() int { return 1 }\n');
    writeFileSync(path.join(mod, 'main.go'), 'package main\n\nimport "example.com/real/pkg"\n\nfunc main() { println(pkg.P()) }\n');
    const link = path.join(dir, 'links', 'pkglink');
    mkdirSync(path.dirname(link));
    symlinkSync(path.join(mod, 'pkg'), link);
    try {
      const env = userEnv();
      const run = await runDoctorCli({ workspaces: [link], env, cwd: dir, gopls: GOPLS });
      console.log(`[symlinked package folder] ${summarize(run)}`);
      const all = run.report!.causes.flatMap((c) => c.fixes) as Array<{ id: string; text?: string }>;
      expect(all.some((f) => /go mod init/.test(f.text ?? '')), JSON.stringify(all)).toBe(false);
      const said = run.report!.causes.flatMap((c) => c.findings).map((f) => f.message).join('\n');
      expect(said).toContain(`inside the module of ${path.join(mod, 'go.mod')}`);
      expect((await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: mod, env })).code).toBe(0);
    } finally {
      removeTree(dir);
    }
  });

  // The same replace to a folder declaring another module, where that folder is a fork that keeps
  // its own path and its package's name: go allows it on purpose (cmd/go's mod_replace.txt), and it
  // builds. A tester's such project got an error and exit 2; now an info line at most.
  // Also a fork whose package is named otherwise (package a for example.com/x) and code that calls
  // it by that name: Go names an import by its package clause, so it builds too (a tester's fork got
  // a warning saying code calling it x fails, and no code did).
  for (const pkg of ['x', 'a']) it(`a replace to a fork with its own module path, package ${pkg}, called ${pkg}: it builds, and no warning or error`, async () => {
    const dir = tempDir('replace-fork');
    const ws = path.join(dir, 'ws');
    mkdirSync(ws);
    mkdirSync(path.join(dir, 'fork'));
    writeFileSync(path.join(dir, 'fork', 'go.mod'), 'module example.com/forked\n\ngo 1.22\n');
    writeFileSync(path.join(dir, 'fork', 'x.go'), `package ${pkg}\n\nfunc F() {}\n`);
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/ws\n\ngo 1.22\n\nrequire example.com/x v0.0.0\n\nreplace example.com/x => ../fork\n');
    writeFileSync(path.join(ws, 'main.go'), `package main\n\nimport "example.com/x"\n\nfunc main() { ${pkg}.F() }\n`);
    try {
      const env = userEnv({ GOFLAGS: '-mod=mod', GOPROXY: 'off' });
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
      expect(build.code, build.stderr).toBe(0);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS });
      console.log(`[replace fork] ${summarize(run)}`);
      expect(run.report!.causes.filter((c) => c.severity !== 'info').flatMap((c) => c.findings).filter((f) => f.message.includes('replaces example.com/x'))).toEqual([]);
      expect(run.code).toBe(0);
    } finally {
      removeTree(dir);
    }
  });

  // GOFLAGS=-mod=vendor (an image's ENV, a team's go env -w) beside a module that has no vendor/,
  // and the control: a vendor/ whose modules.txt disagrees with go.mod, with no GOFLAGS at all.
  for (const kind of ['no vendor dir', 'stale vendor dir']) {
    it(`go says "inconsistent vendoring" (${kind}): the doctor names ${kind === 'no vendor dir' ? 'GOFLAGS and the missing vendor/' : 'vendor/modules.txt'}`, async () => {
      const dir = tempDir('vendoring');
      const ws = path.join(dir, 'ws');
      mkdirSync(ws);
      writeFileSync(path.join(ws, 'go.mod'), 'module example.com/ws\n\ngo 1.22\n\nrequire golang.org/x/mod v0.20.0\n');
      writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport _ "golang.org/x/mod/semver"\n\nfunc main() {}\n');
      if (kind === 'stale vendor dir') {
        mkdirSync(path.join(ws, 'vendor'));
        writeFileSync(path.join(ws, 'vendor', 'modules.txt'), '# golang.org/x/mod v0.19.0\n## explicit; go 1.18\ngolang.org/x/mod/semver\n');
      }
      try {
        const env = userEnv({ GOFLAGS: kind === 'no vendor dir' ? '-mod=vendor' : undefined, GOPROXY: 'off', GOMODCACHE: path.join(dir, 'modcache'), GOCACHE: path.join(dir, 'gocache') });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        expect(build.code).not.toBe(0);
        expect(build.stderr).toMatch(/inconsistent vendoring/);
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS });
        console.log(`[vendoring ${kind}] ${summarize(run)}`);
        expectDiagnosis(run, ['module-resolution'], [/inconsistent vendoring/]);
        const said = run.report!.causes[0]!.findings.map((f) => f.message).join('\n');
        if (kind === 'no vendor dir') {
          expect(said).toMatch(/GOFLAGS=-mod=vendor \(from the environment\) makes go build every module from its vendor\/ directory, and \S+ has none/);
          expect(run.report!.causes[0]!.fixes.map((x) => x.id)).toContain('toolsenv-goflags-no-vendor');
        } else {
          expect(said).toMatch(/vendor\/modules\.txt disagrees with go\.mod/);
        }
      } finally {
        removeTree(dir);
      }
    });
  }

  it('GOFLAGS=-modfile naming a file that does not exist: every go command fails; the doctor names the flag and the file', async () => {
    const dir = tempDir('modfile');
    const ws = path.join(dir, 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/ws\n\ngo 1.22\n');
    writeFileSync(path.join(ws, 'main.go'), 'package main\n\nfunc main() {}\n');
    const modfile = path.join(dir, 'alt', 'go.mod');
    try {
      const env = userEnv({ GOFLAGS: `-modfile=${modfile}` });
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
      expect(build.code).not.toBe(0);
      expect(build.stderr).toContain(`go: open ${modfile}: no such file or directory`);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS });
      console.log(`[modfile] ${summarize(run)}`);
      expectDiagnosis(run, ['module-resolution'], ['GOFLAGS']);
      expect(run.report!.causes[0]!.findings.some((f) => f.severity === 'error' && f.message.includes(`-modfile=${modfile}, which does not exist`))).toBe(true);
    } finally {
      removeTree(dir);
    }
  });

  // go.sum disagreeing with the module cache ("verifying m@v: checksum mismatch … SECURITY ERROR"): a
  // merge that mangled a line, a hand edit, a cache changed in place. The cache is laid out by hand
  // as go lays it out, so the run is offline. gopls said only "could not import fmt (missing
  // metadata …)" of it before.
  const OTHER = `h1:${Buffer.alloc(32, 9).toString('base64')}`;
  for (const wrong of ['zip', 'go.mod', 'none'] as const) {
    it(wrong === 'none' ? 'go.sum agreeing with the module cache (the control): go builds, and no module error is named' : `go.sum's ${wrong} line disagrees with the module cache: the doctor names the module, the line and both hashes`, async () => {
      const dir = tempDir('checksum');
      const ws = path.join(dir, 'ws');
      const cache = path.join(dir, 'modcache');
      const x = layOutCachedModule(cache, 'example.com/x', 'v1.3.0', { 'x.go': 'package x\n\n// F does nothing.\nfunc F() {}\n' });
      mkdirSync(ws);
      writeFileSync(path.join(ws, 'go.mod'), 'module example.com/ws\n\ngo 1.22\n\nrequire example.com/x v1.3.0\n');
      writeFileSync(path.join(ws, 'go.sum'), `example.com/x v1.3.0 ${wrong === 'zip' ? OTHER : x.zipSum}\nexample.com/x v1.3.0/go.mod ${wrong === 'go.mod' ? OTHER : x.modSum}\n`);
      writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "example.com/x"\n\nfunc main() { x.F() }\n');
      try {
        const env = userEnv({ GOPROXY: 'off', GOMODCACHE: cache, GOCACHE: path.join(dir, 'gocache') });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        const line = `example.com/x@v1.3.0${wrong === 'go.mod' ? '/go.mod' : ''}`;
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS });
        console.log(`[checksum ${wrong}] ${summarize(run)}`);
        if (wrong === 'none') {
          expect(build.code).toBe(0);
          expect(run.report!.causes.some((c) => c.id === 'module-resolution' && c.severity === 'error')).toBe(false);
          return;
        }
        expect(build.code).not.toBe(0);
        expect(build.stderr).toContain(`verifying ${line}: checksum mismatch`);
        expectDiagnosis(run, ['module-resolution'], [OTHER]);
        const f = run.report!.causes[0]!.findings.find((y) => y.severity === 'error' && y.message.includes(`for ${line},`))!;
        expect(f.message).toContain(wrong === 'zip' ? x.zipSum : x.modSum);
        expect(run.report!.causes[0]!.fixes.map((y) => y.id)).toContain('go-mod-verify-mismatch');
      } finally {
        removeTree(dir);
      }
    });
  }

  // A legacy project in GOPATH/src with no go.mod. With GO111MODULE=auto go builds it in GOPATH mode
  // (it had been reported as an error, "no go.mod at or above"); with the default (on) go build fails
  // and the error stands.
  for (const mode of ['auto', 'default'] as const) {
    it(`a project in GOPATH/src with no go.mod, GO111MODULE=${mode === 'auto' ? 'auto: go builds it in GOPATH mode; a note, no error' : 'unset: go build fails; module-resolution error'}`, async () => {
      const dir = tempDir('gopathmode');
      const gopath = path.join(dir, 'gopath');
      const ws = path.join(gopath, 'src', 'example.com', 'legacy');
      mkdirSync(path.join(ws, 'util'), { recursive: true });
      writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport "example.com/legacy/util"\n\nfunc main() { util.F() }\n');
      writeFileSync(path.join(ws, 'util', 'u.go'), 'package util\n\n// F does nothing.\nfunc F() {}\n');
      try {
        const env = userEnv({ GOPATH: gopath, GO111MODULE: mode === 'auto' ? 'auto' : undefined, GOCACHE: path.join(dir, 'gocache') });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS });
        console.log(`[gopath mode ${mode}] ${summarize(run)}`);
        if (mode === 'auto') {
          expect(build.code).toBe(0);
          expect(run.report!.causes.some((c) => c.severity === 'error')).toBe(false);
          expect(run.report!.causes.flatMap((c) => c.findings).some((f) => f.message.includes('GOPATH mode'))).toBe(true);
        } else {
          expect(build.stderr).toContain('go.mod file not found');
          expectDiagnosis(run, ['module-resolution'], [ws]);
        }
      } finally {
        removeTree(dir);
      }
    });
  }

  // vendor/modules.txt and go.mod agree, but a package it lists is not in vendor/ (a .gitignore that
  // kept a directory out, a hand deletion): `go list -m` passes, go build fails, and gopls said only
  // that no module provides the package (with go mod tidy as the fix). The control: the package there.
  for (const sub of ['missing', 'present'] as const) {
    it(`vendor/ ${sub === 'missing' ? 'lacks a package modules.txt lists: the doctor names it, with go mod vendor' : 'holds every package modules.txt lists (the control): go builds, no error'}`, async () => {
      const dir = tempDir('vendorgap');
      const ws = path.join(dir, 'ws');
      const v = path.join(ws, 'vendor', 'example.com', 'x');
      mkdirSync(path.join(v, 'sub'), { recursive: true });
      writeFileSync(path.join(ws, 'go.mod'), 'module example.com/ws\n\ngo 1.22\n\nrequire example.com/x v1.3.0\n');
      writeFileSync(path.join(ws, 'vendor', 'modules.txt'), '# example.com/x v1.3.0\n## explicit; go 1.21\nexample.com/x\nexample.com/x/sub\n');
      writeFileSync(path.join(v, 'x.go'), 'package x\n\n// F does nothing.\nfunc F() {}\n');
      writeFileSync(path.join(v, 'sub', 'sub.go'), 'package sub\n\n// G does nothing.\nfunc G() {}\n');
      if (sub === 'missing') removeTree(path.join(v, 'sub'));
      writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport (\n\t"example.com/x"\n\t"example.com/x/sub"\n)\n\nfunc main() { x.F(); sub.G() }\n');
      try {
        const env = userEnv({ GOPROXY: 'off', GOMODCACHE: path.join(dir, 'modcache'), GOCACHE: path.join(dir, 'gocache') });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS });
        console.log(`[vendor gap ${sub}] ${summarize(run)}`);
        if (sub === 'present') {
          expect(build.code, build.stderr).toBe(0);
          expect(run.report!.causes.some((c) => c.severity === 'error')).toBe(false);
          return;
        }
        expect(build.stderr).toContain('cannot find module providing package example.com/x/sub: import lookup disabled by -mod=vendor');
        expectDiagnosis(run, ['module-resolution'], ['example.com/x/sub']);
        expect(run.report!.causes[0]!.findings.some((f) => f.severity === 'error' && f.message.includes('vendor lacks 1 of the 2 packages vendor/modules.txt lists (example.com/x/sub)'))).toBe(true);
        expect(run.report!.causes[0]!.fixes.map((f) => f.id)).toContain('go-mod-vendor');
      } finally {
        removeTree(dir);
      }
    });
  }
});
