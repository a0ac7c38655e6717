// env-inheritance: a cgo package with C++ or Fortran files. cgo compiles them with go env CXX (g++)
// and FC (gfortran), which gcc alone does not bring, and a .cpp file's own #includes need the
// library's headers as a preamble's do. go build and gopls (its go list -compiled) both fail on the
// package: 'exec: "g++": executable file not found in $PATH', or the C++ header's "No such file or
// directory", then "undefined: C.…". The compilers are the real g++ (under a name only the login
// shell's PATH has) and a Fortran compiler nobody has; each case with a control where go builds.
import { appendFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, GOPLS, expectDiagnosis, layOutCachedModule, makeHome, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, writeAppRequiring } from './lib/harness.js';

const HEADER = '#ifdef __cplusplus\nextern "C" {\n#endif\nint twice(int);\n#ifdef __cplusplus\n}\n#endif\n';

/** A module whose package `twice` is Go over C++ (or, for fortran, Go over a Fortran file for another GOOS only). */
function workspace(ws: string, opts: { cxxInclude?: string; flagsInOtherFile?: string; fortranFor?: 'linux' | 'darwin' }): void {
  const pkg = path.join(ws, 'twice');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(ws, 'go.mod'), 'module example.com/cxx\n\ngo 1.22\n');
  writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/cxx/twice"\n)\n\nfunc main() { fmt.Println(twice.Twice(21)) }\n');
  if (opts.fortranFor) {
    const sym = opts.fortranFor === 'linux' ? 'twice_' : 'unused_';
    writeFileSync(path.join(pkg, 'twice.go'), `package twice\n\n// int ${sym}(int*);\nimport "C"\n\n// Twice doubles in Fortran (or, off its GOOS, in Go).\nfunc Twice(x int) int {\n\t${opts.fortranFor === 'linux' ? 'v := C.int(x)\n\treturn int(C.twice_(&v))' : 'return 2 * x'}\n}\n`);
    writeFileSync(path.join(pkg, `twice${opts.fortranFor === 'linux' ? '' : '_darwin'}.f`), '      integer function twice(x)\n      integer x\n      twice = 2*x\n      end\n');
    return;
  }
  writeFileSync(path.join(pkg, 'twice.h'), HEADER);
  writeFileSync(path.join(pkg, 'twice.go'), 'package twice\n\n// #include "twice.h"\nimport "C"\n\n// Twice doubles in C++.\nfunc Twice(x int) int { return int(C.twice(C.int(x))) }\n');
  if (opts.flagsInOtherFile) writeFileSync(path.join(pkg, 'flags.go'), `package twice\n\n// #cgo CXXFLAGS: -I${opts.flagsInOtherFile}\nimport "C"\n`);
  writeFileSync(path.join(pkg, 'twice.cpp'), `#include <vector>\n${opts.cxxInclude ? `#include <${opts.cxxInclude}>\n` : ''}#include "twice.h"\nextern "C" int twice(int x) { std::vector<int> v{x, x}; return v[0] + v[1]; }\n`);
  // Another platform's C++ file includes what nobody has: never compiled here, never named.
  writeFileSync(path.join(pkg, 'twice_darwin.cpp'), '#include <CoreFoundation/CoreFoundation.h>\n');
}

/**
 * go build and the doctor where CXX is g++-gedfault, which only the login shell's PATH holds (or,
 * for the control, the editor's too). The control builds and gets no error; otherwise go names the
 * missing compiler, env-inheritance comes first with the PATH lookup and the login-PATH and CXX
 * fixes, and its messages are returned for the case's own assertions.
 */
async function gxxOnlyInLogin(ws: string, env: NodeJS.ProcessEnv, inEditor: boolean, label: string): Promise<string | undefined> {
  const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
  const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, extra: ['--no-cache'] });
  console.log(`[${label} inEditor=${inEditor}] ${summarize(run)}`);
  if (inEditor) {
    expect(build.code, build.stderr).toBe(0);
    expect(run.report!.causes.some((x) => x.severity === 'error')).toBe(false);
    return undefined;
  }
  expect(build.stderr).toContain('exec: "g++-gedfault": executable file not found in $PATH');
  expectDiagnosis(run, ['env-inheritance'], ['g++-gedfault: not found in']);
  expect(run.report!.causes[0]!.fixes.map((x) => x.id)).toEqual(expect.arrayContaining(['login-path-to-profile', 'cgo-cxx-path']));
  return run.report!.causes[0]!.findings.map((f) => f.message).join('\n');
}

/** A directory holding the real g++ as g++-gedfault: a compiler only a PATH naming that directory finds. */
async function gxxUnderAnotherName(dir: string): Promise<string> {
  const bin = path.join(dir, 'opt', 'cxx', 'bin');
  mkdirSync(bin, { recursive: true });
  const gxx = await runCmd('sh', ['-c', 'command -v g++']);
  expect(gxx.code, 'g++ is installed by .ci/run').toBe(0);
  symlinkSync(gxx.stdout.trim(), path.join(bin, 'g++-gedfault'));
  return bin;
}

function envFor(dir: string, home: string, over: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return userEnv({ HOME: home, SHELL: '/bin/bash', GOPATH: path.join(home, 'go'), GOCACHE: path.join(dir, 'gocache'), CGO_ENABLED: '1', CXX: undefined, FC: undefined, CPLUS_INCLUDE_PATH: undefined, CPATH: undefined, CGO_CXXFLAGS: undefined, ...over });
}

describe('fault: a cgo package with C++ or Fortran files the editor cannot compile', () => {
  it.each([
    { inEditor: false, what: "CXX names a g++ only the login shell's PATH holds: the editor's go cannot run it" },
    { inEditor: true, what: "the same g++ on the editor's PATH too (the control)" },
  ])('$what', async ({ inEditor }) => {
    const dir = tempDir('cgocxx');
    const ws = path.join(dir, 'ws');
    const bin = await gxxUnderAnotherName(dir);
    workspace(ws, {});
    const home = makeHome(path.join(dir, 'home'));
    appendFileSync(path.join(home, '.bash_profile'), `export PATH="${bin}:$PATH"\n`);
    try {
      const base = envFor(dir, home, { CXX: 'g++-gedfault' });
      const said = await gxxOnlyInLogin(ws, inEditor ? { ...base, PATH: `${bin}:${base.PATH}` } : base, inEditor, 'cgo C++ compiler');
      if (said === undefined) return;
      expect(said).toContain(path.join(ws, 'twice', 'twice.cpp'));
      expect(said).toContain(`Your login shell finds it at ${path.join(bin, 'g++-gedfault')}`);
      expect(said).not.toContain('twice_darwin.cpp');
    } finally {
      removeTree(dir);
    }
  });

  it.each([
    { how: 'login', what: "a C++ file's library header on CPLUS_INCLUDE_PATH set in the login shell only" },
    { how: 'editor', what: 'CPLUS_INCLUDE_PATH set in the editor too (the control)' },
    { how: 'cgo-flags', what: "the header's directory given by #cgo CXXFLAGS in another cgo file of the package (the control: go gathers a package's flags from all its files)" },
  ] as const)('$what', async ({ how }) => {
    const dir = tempDir('cgocxxh');
    const ws = path.join(dir, 'ws');
    const include = path.join(dir, 'opt', 'gedfault', 'include');
    mkdirSync(path.join(include, 'gedfault'), { recursive: true });
    writeFileSync(path.join(include, 'gedfault', 'widget.hpp'), 'namespace gedfault { inline int answer() { return 42; } }\n');
    workspace(ws, { cxxInclude: 'gedfault/widget.hpp', ...(how === 'cgo-flags' ? { flagsInOtherFile: include } : {}) });
    const home = makeHome(path.join(dir, 'home'));
    appendFileSync(path.join(home, '.bash_profile'), `export CPLUS_INCLUDE_PATH="${include}"\n`);
    try {
      const env = envFor(dir, home, how === 'editor' ? { CPLUS_INCLUDE_PATH: include } : {});
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, extra: ['--no-cache'] });
      console.log(`[cgo C++ header ${how}] ${summarize(run)}`);
      if (how !== 'login') {
        expect(build.code, build.stderr).toBe(0);
        expect(run.report!.causes.some((x) => x.severity === 'error')).toBe(false);
        return;
      }
      expect(build.stderr).toMatch(/fatal error: gedfault\/widget\.hpp: No such file or directory/);
      expectDiagnosis(run, ['env-inheritance'], ['gedfault/widget.hpp: No such file or directory']);
      const said = run.report!.causes[0]!.findings.map((f) => f.message).join('\n');
      expect(said).toContain(`${path.join(ws, 'twice', 'twice.cpp')} includes <gedfault/widget.hpp>, which the C++ compiler cannot find`);
      expect(said).toContain('the CPLUS_INCLUDE_PATH your login shell sets is missing in the editor');
      expect(said).not.toContain('CoreFoundation');
      expect(run.report!.causes[0]!.fixes.map((x) => x.id)).toContain('cgo-env-cplus_include_path');
    } finally {
      removeTree(dir);
    }
  });

  it.each([
    { goos: 'linux', what: 'a Fortran file this build compiles, and FC names a compiler nobody has' },
    { goos: 'darwin', what: 'the Fortran file is for darwin only (the control: nothing compiles it here)' },
  ] as const)('$what', async ({ goos }) => {
    const dir = tempDir('cgoftn');
    const ws = path.join(dir, 'ws');
    workspace(ws, { fortranFor: goos });
    const home = makeHome(path.join(dir, 'home'));
    try {
      const env = envFor(dir, home, { FC: 'gfortran-gedfault' });
      const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, extra: ['--no-cache'] });
      console.log(`[cgo Fortran ${goos}] ${summarize(run)}`);
      if (goos === 'darwin') {
        expect(build.code, build.stderr).toBe(0);
        expect(run.report!.causes.some((x) => x.severity === 'error')).toBe(false);
        return;
      }
      expect(build.stderr).toContain('exec: "gfortran-gedfault": executable file not found in $PATH');
      expectDiagnosis(run, ['env-inheritance'], ['gfortran-gedfault: not found in']);
      const top = run.report!.causes[0]!;
      expect(top.findings.map((f) => f.message).join('\n')).toContain(path.join(ws, 'twice', 'twice.f'));
      expect(top.fixes.map((x) => x.id)).toContain('cgo-install-fortran-compiler');
    } finally {
      removeTree(dir);
    }
  });
});

// A module the workspace requires compiles C++ (as a tree-sitter grammar's scanner.cc does, measured
// with github.com/smacker/go-tree-sitter/yaml): its .cc needs g++ as much as the workspace's own
// would. The module sits in the module cache as go leaves it; the workspace has no cgo of its own.
describe("fault: a dependency's C++ file and a C++ compiler only the login shell finds", () => {
  it.each([
    { inEditor: false, what: "CXX names a g++ only the login shell's PATH holds" },
    { inEditor: true, what: "the same g++ on the editor's PATH too (the control)" },
  ])('$what', async ({ inEditor }) => {
    const dir = tempDir('cgocxxdep');
    const ws = path.join(dir, 'ws');
    const cache = path.join(dir, 'modcache');
    const bin = await gxxUnderAnotherName(dir);
    const dep = layOutCachedModule(cache, 'example.com/gedcxx', 'v1.0.0', {
      'twice.h': HEADER,
      'twice.go': 'package gedcxx\n\n// #include "twice.h"\nimport "C"\n\n// Twice doubles in C++.\nfunc Twice(x int) int { return int(C.twice(C.int(x))) }\n',
      'twice.cc': '#include <vector>\n#include "twice.h"\nextern "C" int twice(int x) { std::vector<int> v{x, x}; return v[0] + v[1]; }\n',
    });
    writeAppRequiring(ws, 'example.com/gedcxx', 'v1.0.0', dep.goSum, 'gedcxx', 'Twice(21)');
    const home = makeHome(path.join(dir, 'home'));
    appendFileSync(path.join(home, '.bash_profile'), `export PATH="${bin}:$PATH"\n`);
    try {
      const base = envFor(dir, home, { CXX: 'g++-gedfault', GOMODCACHE: cache, GOPROXY: 'off', GOFLAGS: '-modcacherw' });
      const said = await gxxOnlyInLogin(ws, inEditor ? { ...base, PATH: `${bin}:${base.PATH}` } : base, inEditor, 'cgo dependency C++');
      if (said === undefined) return;
      expect(said).toContain(`${path.join(cache, 'example.com', 'gedcxx@v1.0.0', 'twice.cc')} (in example.com/gedcxx@v1.0.0, a module the workspace requires) is compiled by cgo with the C++ compiler`);
    } finally {
      removeTree(dir);
    }
  });
});
