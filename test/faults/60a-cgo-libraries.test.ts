// env-inheritance: cgo is on and gcc is there, but a C library a cgo file needs is not where the
// compiler or pkg-config look ("fatal error: gedfault.h: No such file or directory", "Package
// gedfault was not found in the pkg-config search path"): its development files not installed, or
// CPATH / PKG_CONFIG_PATH set in a shell and not in the editor. gopls says only "go list failed to
// return CompiledGoFiles" and "undefined: C.…". The library is a real header and .pc file under a
// temporary prefix; whether the real gcc and pkg-config find it is decided by the environment,
// varied case by case, with a control where they do. A file for another GOOS including a header
// nobody has stays out of it, as it stays out of the build.
import { appendFileSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, GOPLS, expectDiagnosis, layOutCachedModule, makeHome, offlineModuleEnv, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, writeAppRequiring } from './lib/harness.js';

async function library(prefix: string): Promise<void> {
  mkdirSync(path.join(prefix, 'include'), { recursive: true });
  mkdirSync(path.join(prefix, 'lib', 'pkgconfig'), { recursive: true });
  writeFileSync(path.join(prefix, 'include', 'gedfault.h'), '#define GEDFAULT_ANSWER 42\n');
  writeFileSync(path.join(prefix, 'lib', 'pkgconfig', 'gedfault.pc'), `prefix=${prefix}\nincludedir=\${prefix}/include\n\nName: gedfault\nDescription: a header-only test library\nVersion: 1.0\nCflags: -I\${includedir}\nLibs:\n`);
  // And a shared library to link with, built by the real gcc.
  writeFileSync(path.join(prefix, 'gedfault.c'), 'int gedfault_answer(void) { return 42; }\n');
  const cc = await runCmd('gcc', ['-shared', '-fPIC', '-o', path.join(prefix, 'lib', 'libgedfault.so'), path.join(prefix, 'gedfault.c')]);
  expect(cc.code, cc.stderr).toBe(0);
}

function workspace(ws: string, via: 'header' | 'pkg-config' | 'library'): void {
  mkdirSync(path.join(ws, 'answer'), { recursive: true });
  mkdirSync(path.join(ws, 'mac'), { recursive: true });
  writeFileSync(path.join(ws, 'go.mod'), 'module example.com/cgolib\n\ngo 1.22\n');
  const directive = via === 'pkg-config' ? '#cgo pkg-config: gedfault\n' : via === 'library' ? '#cgo LDFLAGS: -lgedfault\n' : '';
  writeFileSync(path.join(ws, 'answer', 'answer.go'), `package answer\n\n/*\n${directive}#include <gedfault.h>\n*/\nimport "C"\n\n// Answer comes from the C library.\nconst Answer = C.GEDFAULT_ANSWER\n`);
  // Another platform's cgo file: never built here, whatever it includes.
  writeFileSync(path.join(ws, 'mac', 'mac_darwin.go'), 'package mac\n\n// #include <CoreFoundation/CoreFoundation.h>\nimport "C"\n');
  writeFileSync(path.join(ws, 'mac', 'doc.go'), '// Package mac is empty off macOS.\npackage mac\n');
  writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/cgolib/answer"\n)\n\nfunc main() { fmt.Println(answer.Answer) }\n');
}

describe('fault: a C library a cgo file needs, where gcc and pkg-config do not look', () => {
  const cases = [
    { via: 'header', found: false, what: 'CPATH unset: <gedfault.h> is nowhere gcc looks' },
    { via: 'header', found: true, what: 'CPATH names its include directory (the control)' },
    { via: 'pkg-config', found: false, what: "PKG_CONFIG_PATH set in the login shell only: pkg-config does not know gedfault in the editor" },
    { via: 'pkg-config', found: true, what: 'PKG_CONFIG_PATH set in the editor too (the control)' },
    { via: 'library', found: false, what: 'the header found (CPATH), LIBRARY_PATH set in the login shell only: the link fails' },
    { via: 'library', found: true, what: 'LIBRARY_PATH set in the editor too (the control)' },
  ] as const;
  for (const c of cases) {
    it(`#include <gedfault.h>${c.via === 'pkg-config' ? ' with #cgo pkg-config' : c.via === 'library' ? ' with #cgo LDFLAGS: -lgedfault' : ''}, ${c.what}`, async () => {
      const dir = tempDir('cgolib');
      const prefix = path.join(dir, 'opt', 'gedfault');
      const ws = path.join(dir, 'ws');
      await library(prefix);
      workspace(ws, c.via);
      const home = makeHome(path.join(dir, 'home'));
      const pcPath = path.join(prefix, 'lib', 'pkgconfig');
      if (c.via === 'pkg-config') appendFileSync(path.join(home, '.bash_profile'), `export PKG_CONFIG_PATH="${pcPath}"\n`);
      if (c.via === 'library') appendFileSync(path.join(home, '.bash_profile'), `export LIBRARY_PATH="${path.join(prefix, 'lib')}"\n`);
      try {
        const env = userEnv({
          HOME: home,
          SHELL: '/bin/bash',
          GOPATH: path.join(home, 'go'),
          GOCACHE: path.join(dir, 'gocache'),
          CGO_ENABLED: '1',
          CPATH: (c.via === 'header' && c.found) || c.via === 'library' ? path.join(prefix, 'include') : undefined,
          LIBRARY_PATH: c.via === 'library' && c.found ? path.join(prefix, 'lib') : undefined,
          C_INCLUDE_PATH: undefined,
          PKG_CONFIG_PATH: c.via === 'pkg-config' && c.found ? pcPath : undefined,
        });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, extra: ['--no-cache'] });
        console.log(`[cgo ${c.via} found=${c.found}] ${summarize(run)}`);
        if (c.found) {
          expect(build.code).toBe(0);
          expect(run.report!.causes.some((x) => x.severity === 'error')).toBe(false);
          return;
        }
        expect(build.code).not.toBe(0);
        expect(build.stderr).toMatch(c.via === 'header' ? /fatal error: gedfault\.h: No such file or directory/ : c.via === 'library' ? /cannot find -lgedfault/ : /Package gedfault was not found in the pkg-config search path/);
        expectDiagnosis(run, ['env-inheritance'], [c.via === 'header' ? 'gedfault.h: No such file or directory' : c.via === 'library' ? 'cannot find -lgedfault' : 'Package gedfault was not found']);
        const said = run.report!.causes[0]!.findings.map((f) => f.message).join('\n');
        expect(said).toContain(path.join(ws, 'answer', 'answer.go'));
        expect(said).not.toContain('CoreFoundation');
        if (c.via === 'library') expect(said).toContain('the LIBRARY_PATH your login shell sets is missing in the editor');
        if (c.via === 'pkg-config') {
          expect(said).toContain('the PKG_CONFIG_PATH your login shell sets is missing in the editor');
          expect(run.report!.causes[0]!.fixes.map((x) => x.id)).toContain('cgo-env-pkg_config_path');
        }
      } finally {
        removeTree(dir);
      }
    });
  }
});

// pkg-config itself missing from the editor's PATH only (a PATH the desktop session built without
// /usr/bin's neighbours): the report said "pkg-config is not installed" and offered apt-get install,
// which answered "already the newest version" (a tester's). The editor's PATH here is every program
// of /usr/bin but pkg-config, so gcc and the rest still run; the login shell's PATH has /usr/bin.
describe.skipIf(!existsSync('/usr/bin/pkg-config'))('fault: pkg-config on the login shell\'s PATH, not on the editor\'s', () => {
  it('#cgo pkg-config with pkg-config off the editor\'s PATH: named as the PATH the editor lacks, with the directory to add', async () => {
    const dir = tempDir('cgopc');
    const prefix = path.join(dir, 'opt', 'gedfault');
    const ws = path.join(dir, 'ws');
    await library(prefix);
    workspace(ws, 'pkg-config');
    const bin = path.join(dir, 'usrbin-without-pkg-config');
    mkdirSync(bin);
    for (const name of readdirSync('/usr/bin')) if (!/pkg-?conf/.test(name)) symlinkSync(path.join('/usr/bin', name), path.join(bin, name));
    const home = makeHome(path.join(dir, 'home'));
    try {
      const env = userEnv({ HOME: home, SHELL: '/bin/bash', GOPATH: path.join(home, 'go'), GOCACHE: path.join(dir, 'gocache'), CGO_ENABLED: '1', PKG_CONFIG_PATH: path.join(prefix, 'lib', 'pkgconfig') });
      env.PATH = [path.dirname(GO), path.dirname(GOPLS), bin].join(':');
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
      expect(build.stderr).toMatch(/exec: "pkg-config": executable file not found in \$PATH/);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, extra: ['--no-cache'] });
      console.log(`[cgo pkg-config off PATH] ${summarize(run)}`);
      expectDiagnosis(run, ['env-inheritance'], ['pkg-config']);
      const first = run.report!.causes[0]!;
      const said = first.findings.map((f) => f.message).join('\n');
      expect(said).toContain('Your login shell finds it at /usr/bin/pkg-config');
      expect(said).not.toContain('pkg-config is not installed');
      expect(first.fixes.map((x) => x.id)).not.toContain('cgo-install-pkg-config');
      // With /usr/bin on the editor's PATH, as the fix puts it, go builds.
      const fixed = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env: { ...env, PATH: `${env.PATH}:/usr/bin` } });
      expect(fixed.code, fixed.stderr).toBe(0);
    } finally {
      removeTree(dir);
    }
  });
});

// The same library needed by a module the workspace requires, not by the workspace's own code (the
// common case: gopacket's pcap package includes <pcap.h>). The module sits in the module cache as
// go leaves it after a download; go list -deps names its cgo file, which the workspace walk never
// sees. Before, the report said "no problems found" while go build stopped at the header.
describe('fault: a C library a dependency\'s cgo file needs, where gcc does not look', () => {
  for (const found of [false, true]) {
    it(found ? 'CPATH names its include directory in the editor too (the control)' : "CPATH set in the login shell only: the dependency's <gedfault.h> is nowhere gcc looks", async () => {
      const dir = tempDir('cgodep');
      const prefix = path.join(dir, 'opt', 'gedfault');
      const ws = path.join(dir, 'ws');
      const cache = path.join(dir, 'modcache');
      await library(prefix);
      const dep = layOutCachedModule(cache, 'example.com/gedlib', 'v1.0.0', {
        'gedlib.go': 'package gedlib\n\n/*\n#include <gedfault.h>\n\nconst char* gedlib_name(void) { return "gedfault"; }\n*/\nimport "C"\n\n// Answer comes from the C library.\nconst Answer = C.GEDFAULT_ANSWER\n',
      });
      writeAppRequiring(ws, 'example.com/gedlib', 'v1.0.0', dep.goSum, 'gedlib', 'Answer');
      const home = makeHome(path.join(dir, 'home'));
      appendFileSync(path.join(home, '.bash_profile'), `export CPATH="${path.join(prefix, 'include')}"\n`);
      try {
        const env = offlineModuleEnv(dir, home, cache, {
          CGO_ENABLED: '1',
          CPATH: found ? path.join(prefix, 'include') : undefined,
          C_INCLUDE_PATH: undefined,
        });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, extra: ['--no-cache'] });
        console.log(`[cgo dependency found=${found}] ${summarize(run)}`);
        if (found) {
          expect(build.code, build.stderr).toBe(0);
          expect(run.report!.causes.some((x) => x.severity === 'error')).toBe(false);
          return;
        }
        expect(build.stderr).toMatch(/fatal error: gedfault\.h: No such file or directory/);
        expectDiagnosis(run, ['env-inheritance'], ['gedfault.h: No such file or directory']);
        const said = run.report!.causes[0]!.findings.map((f) => f.message).join('\n');
        expect(said).toContain(`${path.join(cache, 'example.com', 'gedlib@v1.0.0', 'gedlib.go')} (in example.com/gedlib@v1.0.0, a module the workspace requires) includes <gedfault.h>`);
        expect(said).toContain('the CPATH your login shell sets is missing in the editor');
      } finally {
        removeTree(dir);
      }
    });
  }
});
