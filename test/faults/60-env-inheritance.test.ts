// env-inheritance / gopls-launch: the editor was started from a desktop launcher whose PATH lacks
// go and gopls, while the user's login shell (bash -l reading ~/.bash_profile) has both.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, GOPLS, GOPLS_DIR, GOROOT_BIN, NOBODY, asUser, chownTree, expectDiagnosis, makeHome, removeTree, runCmd, runDoctorCli, summarize, tempDir, userEnv, userEnvFor, writeSmallModule } from './lib/harness.js';

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

// GOTOOLCHAIN pinned to a release that is not installed, with GOPROXY=off (an image's ENV, a
// CI variable): every go command switches first and fails. The go.mod is not what asks, so the
// module's failure is what the variable does, not a problem of the module. The control: the same
// variable with a go.mod that asks for that release too keeps the module's own cause.
describe('fault: GOTOOLCHAIN names a Go that is not installed, GOPROXY=off', () => {
  for (const goLine of ['go 1.22', 'go 1.99.0']) {
    it(`go.mod "${goLine}": env-inheritance first, naming GOTOOLCHAIN${goLine === 'go 1.22' ? '; the module\'s failure follows from it' : '; the go.mod\'s own demand stays a cause'}`, async () => {
      const dir = tempDir('gotoolchain');
      try {
        const ws = writeSmallModule(path.join(dir, 'ws'));
        const mod = path.join(ws, 'go.mod');
        writeFileSync(mod, readFileSync(mod, 'utf8').replace(/^go .*$/m, goLine));
        const env = userEnv({ GOTOOLCHAIN: 'go1.99.0', GOPROXY: 'off', GOMODCACHE: path.join(dir, 'modcache'), GOPATH: path.join(dir, 'gopath'), GOCACHE: path.join(dir, 'gocache') });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        expect(build.code).not.toBe(0);
        expect(build.stderr).toMatch(/go1\.99\.0.*toolchain not available/);

        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS });
        console.log(`[GOTOOLCHAIN ${goLine}] ${summarize(run)}`);
        // With the go.mod asking too, both are problems of their own, in either order.
        expectDiagnosis(run, goLine === 'go 1.22' ? ['env-inheritance'] : ['env-inheritance', 'module-resolution'], [/GOTOOLCHAIN|go\.mod/]);
        expect(run.report!.causes[0]!.severity).toBe('error');
        expect(run.report!.causes.find((c) => c.id === 'env-inheritance')?.findings.some((f) => /GOTOOLCHAIN=go1\.99\.0/.test(f.message))).toBe(true);
        const mr = run.report!.causes.find((c) => c.id === 'module-resolution');
        expect(mr, summarize(run)).toBeDefined();
        if (goLine === 'go 1.22') {
          expect(mr!.findings.every((f) => f.role === 'symptom' && f.explainedBy?.includes('env-inheritance')), summarize(run)).toBe(true);
          expect(mr!.findings.map((f) => f.message).join('\n')).not.toMatch(/go\.mod needs/);
        } else {
          expect(mr!.findings.some((f) => f.role !== 'symptom' && /go\.mod needs go1\.99\.0/.test(f.message)), summarize(run)).toBe(true);
        }
      } finally {
        removeTree(dir);
      }
    });
  }
});

// A go.mod asking for a newer Go whose toolchain is already in the module cache (fetched once from
// GOPROXY here, as a user's earlier build did): the user's go switches to it offline and builds. The
// doctor's own gopls runs GOTOOLCHAIN=local so as never to download, and had reported "the module asks
// for go 1.27.3 … no toolchain may be downloaded" as an error. The control: GOTOOLCHAIN=local is the
// user's own setting, and the error stands. gopls built with the older go is told to be rebuilt
// with the switched toolchain (a warning: gopls checks the module with its own Go's language).
describe('fault: a go.mod asking for a newer Go whose toolchain is in the module cache', () => {
  const toolchain = 'go1.27.3';
  for (const setting of ['auto', 'local'] as const) {
    it(`GOTOOLCHAIN=${setting}: ${setting === 'auto' ? 'go builds offline with the cached toolchain; no error' : 'go refuses (the user keeps the installed go); the module-resolution error stands'}`, async () => {
      const dir = tempDir('cachedtc');
      try {
        const ws = writeSmallModule(path.join(dir, 'ws'));
        const mod = path.join(ws, 'go.mod');
        writeFileSync(mod, readFileSync(mod, 'utf8').replace(/^go .*$/m, `go ${toolchain.slice(2)}`));
        const base = { GOMODCACHE: path.join(dir, 'modcache'), GOPATH: path.join(dir, 'gopath'), GOCACHE: path.join(dir, 'gocache'), GOFLAGS: '-modcacherw' };
        // The one download, through the machine's module proxy, as the user's earlier build made it.
        const fetched = await runCmd(GO, ['version'], { cwd: ws, env: userEnv({ ...base, GOTOOLCHAIN: 'auto' }), killAfterMs: 300_000 });
        expect(fetched.stdout, fetched.stderr).toContain(`go version ${toolchain}`);
        const env = userEnv({ ...base, GOTOOLCHAIN: setting, GOPROXY: 'off' });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS });
        console.log(`[cached toolchain, GOTOOLCHAIN=${setting}] ${summarize(run)}`);
        if (setting === 'auto') {
          expect(build.code, build.stderr).toBe(0);
          expect(run.report!.causes.some((c) => c.severity === 'error')).toBe(false);
          expect(run.report!.causes.flatMap((c) => c.findings).some((f) => f.message.includes(`your go switches to ${toolchain}, already installed`))).toBe(true);
          // The pinned gopls was built with the machine's go1.26: it checks this go 1.27.3 module
          // with Go 1.26's language (no error: it leaves the version unset), and the rebuild with the
          // switched toolchain is offered (a gopls built with go1.27.3 got no such warning, by hand).
          const built = String(run.report!.probes.find((p) => p.id === 'gopls')?.observed?.builtWith ?? '');
          const rebuild = run.report!.causes.find((c) => c.fixes.some((x) => x.id === 'gopls-install-with-toolchain'));
          if (/^go1\.2[0-6]\b/.test(built)) {
            expect(rebuild, summarize(run)).toMatchObject({ severity: 'warning', id: 'gopls-launch' });
            expect(rebuild!.findings.map((f) => f.message).join('\n')).toContain(`your go switches to ${toolchain} (the module's go line, GOTOOLCHAIN)`);
            // No gopls .mod in this module cache says what @latest needs: go may switch up from the toolchain (goplsVersionFor).
            expect(rebuild!.fixes.find((x) => x.id === 'gopls-install-with-toolchain')).toMatchObject({ text: `GOTOOLCHAIN=${toolchain}+auto go install golang.org/x/tools/gopls@latest` });
          } else expect(rebuild).toBeUndefined();
        } else {
          expect(build.stderr).toContain(`go.mod requires go >= ${toolchain.slice(2)}`);
          expectDiagnosis(run, ['module-resolution'], [toolchain.slice(2)]);
        }
      } finally {
        removeTree(dir);
      }
    });
  }
});

// The go on PATH is a version manager's shim that has no version for this directory: a stand-in
// script printing asdf 0.16's words (asdf-vm/asdf internal/cli/cli.go, the manager catalog's rows)
// and failing, ahead of the real go on PATH. Every go command the tools run fails with it.
describe("fault: the go on PATH is a version manager's shim with no version set", () => {
  it('env-inheritance first, naming the shim; go env failing and gopls finding no view follow from it', async () => {
    const dir = tempDir('shim');
    try {
      const shims = path.join(dir, 'shims');
      mkdirSync(shims);
      writeFileSync(path.join(shims, 'go'), `#!/bin/sh\necho "No version is set for command go" >&2\necho "Consider adding one of the following versions in your config file at $PWD/.tool-versions" >&2\necho "golang 1.22.5" >&2\nexit 126\n`, { mode: 0o755 });
      const ws = writeSmallModule(path.join(dir, 'ws'));
      const env = userEnv({ PATH: [shims, GOROOT_BIN, GOPLS_DIR, '/usr/bin', '/bin'].join(':') });
      const v = await runCmd('go', ['version'], { cwd: ws, env });
      expect(v.code).toBe(126);
      expect(v.stderr).toContain('No version is set for command go');

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, format: 'json' });
      console.log(`[shim] ${summarize(run)}`);
      expectDiagnosis(run, ['env-inheritance'], [/No version is set for command go/]);
      expect(run.report!.probes.every((p) => p.status !== 'crashed'), summarize(run)).toBe(true);
      for (const id of ['gopls-launch', 'module-resolution']) {
        const c = run.report!.causes.find((x) => x.id === id);
        if (c) expect(c.findings.every((f) => f.role === 'symptom' && f.explainedBy?.includes('env-inheritance')), `${id}: ${summarize(run)}`).toBe(true);
      }
    } finally {
      removeTree(dir);
    }
  });
});


// golang.org/dl's wrappers (go1.N.M on PATH) run the release unpacked under ~/sdk; never
// downloaded, they say so and exit 1. go runs one for GOTOOLCHAIN=path when a go.mod asks for a
// newer Go, and for a release pinned with +path. A tester's was "no problems found" from the
// probes, and the one cause came from the doctor's own GOTOOLCHAIN=local gopls. The stand-in prints
// the wrapper's own words (golang.org/dl internal/version/version.go) and exits as it does.
describe('fault: go runs a golang.org/dl wrapper whose release was never downloaded', () => {
  it.each([
    ['GOTOOLCHAIN=path, go.mod asks for the newer release', 'path', 'go1.27.0', '1.27.0'],
    ['GOTOOLCHAIN pins the release +path', 'go1.28.1+path', 'go1.28.1', '1.22'],
  ])('%s: env-inheritance first, naming the wrapper, with its download as the fix', async (_name, toolchain, wrapper, goLine) => {
    const dir = tempDir('dlwrapper');
    try {
      const bin = path.join(dir, 'bin');
      mkdirSync(bin);
      const sdk = path.join(dir, 'home', 'sdk', wrapper);
      writeFileSync(path.join(bin, wrapper), `#!/bin/sh\necho "${wrapper}: not downloaded. Run '${wrapper} download' to install to ${sdk}" >&2\nexit 1\n`, { mode: 0o755 });
      const ws = writeSmallModule(path.join(dir, 'ws'));
      writeFileSync(path.join(ws, 'go.mod'), `module example.com/faultmod\n\ngo ${goLine}\n`);
      const env = userEnv({ PATH: [bin, GOROOT_BIN, GOPLS_DIR, '/usr/bin', '/bin'].join(':'), GOTOOLCHAIN: toolchain });
      const list = await runCmd('go', ['list', '-m'], { cwd: ws, env });
      expect(list.code).toBe(1);
      expect(list.stderr).toContain(`${wrapper}: not downloaded`);

      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, format: 'json' });
      console.log(`[dl wrapper ${toolchain}] ${summarize(run)}`);
      expectDiagnosis(run, ['env-inheritance'], [`${wrapper}: not downloaded`]);
      const fixes = run.report!.causes[0]!.fixes.map((f) => ('text' in f ? f.text : f.id));
      expect(fixes, summarize(run)).toContain(`${wrapper} download`);
    } finally {
      removeTree(dir);
    }
  });

  // A program named go1.27.0 that is really the installed Go (a wrapper or link left behind): go
  // refuses it ("toolchain go1.26.8 invoked to provide go1.27.0"); a tester's read "no problems".
  // Where the installed Go meets the go line, GOTOOLCHAIN=local, run as offered, loads the module.
  it('a go1.27.0 on PATH that runs the installed Go: env-inheritance, naming what go says, and GOTOOLCHAIN=local works', async () => {
    const dir = tempDir('dlwrapper-impostor');
    try {
      const bin = path.join(dir, 'bin');
      mkdirSync(bin);
      writeFileSync(path.join(bin, 'go1.27.0'), `#!/bin/sh\nexec ${path.join(GOROOT_BIN, 'go')} "$@"\n`, { mode: 0o755 });
      const ws = writeSmallModule(path.join(dir, 'ws'));
      const env = userEnv({ PATH: [bin, GOROOT_BIN, GOPLS_DIR, '/usr/bin', '/bin'].join(':'), GOTOOLCHAIN: 'go1.27.0+path' });
      const list = await runCmd('go', ['list', '-m'], { cwd: ws, env });
      expect(list.stderr).toMatch(/toolchain go\S+ invoked to provide go1\.27\.0/);
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, format: 'json' });
      console.log(`[impostor go1.27.0] ${summarize(run)}`);
      expectDiagnosis(run, ['env-inheritance'], ['invoked to provide go1.27.0']);
      const local = run.report!.causes[0]!.fixes.find((f) => f.id === 'toolsenv-gotoolchain-local') as { value: Record<string, string> } | undefined;
      expect(local, summarize(run)).toBeDefined();
      expect((await runCmd('go', ['list', '-m'], { cwd: ws, env: { ...env, ...local!.value } })).stdout.trim()).toBe('example.com/faultmod');
    } finally {
      removeTree(dir);
    }
  });

  // GOTOOLCHAIN=path and a toolchain line the installed Go does not have, under a go line it meets:
  // the toolchain line is what asks, and GOTOOLCHAIN=local (which ignores it) is offered and works;
  // under a go line it does not meet, local is not offered (a tester's first fix failed there).
  it.each([
    ['go 1.22 and toolchain go1.27.0', 'go 1.22\n\ntoolchain go1.27.0', true],
    ['go 1.27.0', 'go 1.27.0', false],
  ])('GOTOOLCHAIN=path, %s, no go1.27.0 on PATH: GOTOOLCHAIN=local offered only where it works', async (_name, lines, localWorks) => {
    const dir = tempDir('pathmode-lines');
    try {
      const ws = writeSmallModule(path.join(dir, 'ws'));
      writeFileSync(path.join(ws, 'go.mod'), `module example.com/faultmod\n\n${lines}\n`);
      const env = userEnv({ PATH: [GOROOT_BIN, GOPLS_DIR, '/usr/bin', '/bin'].join(':'), GOTOOLCHAIN: 'path' });
      expect((await runCmd('go', ['list', '-m'], { cwd: ws, env })).stderr).toContain('cannot find "go1.27.0" in PATH');
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, format: 'json' });
      console.log(`[path mode, ${lines.replace(/\n+/g, ' ')}] ${summarize(run)}`);
      expectDiagnosis(run, ['module-resolution', 'env-inheritance'], ['cannot find "go1.27.0" in PATH']);
      const first = run.report!.causes[0]!;
      expect(first.title).toBe('GOTOOLCHAIN makes go run a Go it cannot use here');
      const local = first.fixes.find((f) => f.id === 'toolsenv-gotoolchain-local') as { value: Record<string, string> } | undefined;
      expect(local !== undefined, summarize(run)).toBe(localWorks);
      const withLocal = await runCmd('go', ['list', '-m'], { cwd: ws, env: { ...env, GOTOOLCHAIN: 'local' } });
      expect(withLocal.code === 0).toBe(localWorks);
      if (localWorks) expect(first.findings.some((f) => f.message.includes('its toolchain line asks for go1.27.0'))).toBe(true);
    } finally {
      removeTree(dir);
    }
  });

  // The same setting with no such go on the PATH at all: the setting is named, not the module
  // (whose go line asks for nothing newer), and GOTOOLCHAIN=local, run as offered, loads it.
  it('GOTOOLCHAIN pins a release +path that is not on the PATH: env-inheritance, and GOTOOLCHAIN=local works', async () => {
    const dir = tempDir('dlwrapper-none');
    try {
      const ws = writeSmallModule(path.join(dir, 'ws'));
      const env = userEnv({ PATH: [GOROOT_BIN, GOPLS_DIR, '/usr/bin', '/bin'].join(':'), GOTOOLCHAIN: 'go1.28.1+path' });
      const list = await runCmd('go', ['list', '-m'], { cwd: ws, env });
      expect(list.stderr).toContain('cannot find "go1.28.1" in PATH');
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, format: 'json' });
      console.log(`[+path, none on PATH] ${summarize(run)}`);
      expectDiagnosis(run, ['env-inheritance'], ['cannot find "go1.28.1" in PATH']);
      const first = run.report!.causes[0]!;
      expect(first.findings.some((f) => f.message.startsWith('GOTOOLCHAIN=go1.28.1+path makes every go command run go1.28.1 from the PATH')), summarize(run)).toBe(true);
      const local = first.fixes.find((f) => f.id === 'toolsenv-gotoolchain-local') as { value: Record<string, string> } | undefined;
      expect(local?.value).toEqual({ GOTOOLCHAIN: 'local' });
      expect((await runCmd('go', ['list', '-m'], { cwd: ws, env: { ...env, ...local!.value } })).stdout.trim()).toBe('example.com/faultmod');
    } finally {
      removeTree(dir);
    }
  });
});
// answers as ever, every build stops. The Go is a hard-linked copy of the real one (a full copy where
// /tmp is another file system), with the compiler removed, then the runtime's sources moved away;
// the whole copy is the control. Before, the report said "no problems found" until gopls's load.
describe('fault: the Go installation on PATH is incomplete', () => {
  const hostTools = `pkg/tool/linux_${process.arch === 'x64' ? 'amd64' : process.arch}`;
  for (const broken of [`${hostTools}/compile`, 'src/runtime', 'none']) {
    it(broken === 'none' ? 'a whole copy of Go (the control): it builds, and no error is named' : `${broken} missing: env-inheritance first, naming the missing piece`, async () => {
      const dir = tempDir('goroot');
      const goroot = path.join(dir, 'go');
      try {
        const linked = await runCmd('/bin/cp', ['-al', path.dirname(GOROOT_BIN), goroot]);
        if (linked.code !== 0) expect((await runCmd('/bin/cp', ['-a', path.dirname(GOROOT_BIN), goroot], { killAfterMs: 300_000 })).code).toBe(0);
        if (broken !== 'none') rmSync(path.join(goroot, broken), { recursive: true });
        const ws = writeSmallModule(path.join(dir, 'ws'));
        const env = userEnv({ PATH: [path.join(goroot, 'bin'), GOPLS_DIR, '/usr/bin', '/bin'].join(':'), GOCACHE: path.join(dir, 'gocache'), GOROOT: undefined });
        const build = await runCmd(path.join(goroot, 'bin', 'go'), ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS });
        console.log(`[goroot ${broken}] ${summarize(run)}`);
        if (broken === 'none') {
          expect(build.code).toBe(0);
          expect(run.report!.causes.some((c) => c.severity === 'error')).toBe(false);
          return;
        }
        expect(build.code).not.toBe(0);
        expect(build.stderr).toContain(broken === 'src/runtime' ? 'package runtime is not in std' : 'no such tool "compile"');
        expectDiagnosis(run, ['env-inheritance'], [path.join(goroot, broken)]);
        expect(run.report!.causes[0]!.findings.some((f) => f.severity === 'error' && f.message.includes(`The Go installation at ${goroot} is incomplete: ${broken} is missing`))).toBe(true);
      } finally {
        removeTree(dir);
      }
    });
  }
});

// A private module (GOPRIVATE) not yet in the module cache: go fetches it from its repository with
// git, and the editor's PATH has no git (a desktop launcher's PATH, a minimal image), while the login
// shell finds it. The control: git on the editor's PATH too. Offline, so the fetch itself would fail
// later either way; what is checked is what go says first.
describe('fault: git missing from the PATH go fetches private modules with', () => {
  for (const git of ['missing', 'present'] as const) {
    it(git === 'missing' ? 'no git on the editor\'s PATH: go says "executable file not found"; env-inheritance first, naming git and the login shell\'s' : 'git on the PATH (the control): no env-inheritance error', async () => {
      const dir = tempDir('nogit');
      const bin = path.join(dir, 'bin');
      mkdirSync(bin);
      symlinkSync(GO, path.join(bin, 'go'));
      const home = makeHome(path.join(dir, 'home'), undefined, [GOROOT_BIN, GOPLS_DIR, '/usr/bin', '/bin']);
      const ws = path.join(dir, 'ws');
      mkdirSync(ws);
      writeFileSync(path.join(ws, 'go.mod'), 'module example.com/w\n\ngo 1.22\n\nrequire github.com/some/private v1.0.0\n');
      writeFileSync(path.join(ws, 'main.go'), 'package main\n\nimport _ "github.com/some/private"\n\nfunc main() {}\n');
      try {
        const env = userEnv({
          PATH: git === 'missing' ? `${bin}:${GOPLS_DIR}` : `${bin}:${GOPLS_DIR}:/usr/bin:/bin`,
          HOME: home,
          SHELL: '/bin/bash',
          GOPATH: path.join(home, 'go'),
          GOMODCACHE: path.join(dir, 'modcache'),
          GOCACHE: path.join(dir, 'gocache'),
          GOPRIVATE: 'github.com/some',
          GOFLAGS: '-mod=mod',
        });
        const build = await runCmd(GO, ['build', '-o', '/dev/null', '.'], { cwd: ws, env });
        expect(build.code).not.toBe(0);
        const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, gopls: GOPLS, extra: ['--no-cache'] });
        console.log(`[git ${git}] ${summarize(run)}`);
        const gitFinding = run.report!.causes.flatMap((c) => c.findings).find((f) => f.message.includes('with git, which is not on the editor\'s PATH'));
        if (git === 'present') {
          expect(gitFinding).toBeUndefined();
          return;
        }
        expect(build.stderr).toContain('exec: "git": executable file not found in $PATH');
        expectDiagnosis(run, ['env-inheritance'], ['git: not found']);
        expect(gitFinding!.message).toContain('Your login shell finds it at /usr/bin/git');
      } finally {
        removeTree(dir);
      }
    });
  }
});

// A tester's: a go env file nobody may read (root's 0600, as a `sudo go env -w` leaves it): go
// ignores it without a word, its GOFLAGS lost, and the report said nothing.
describe('fault: a go env file the user cannot read', () => {
  it('root-owned 0600 GOENV file with GOFLAGS: go drops it silently; a warning naming the file, and after the chown go reads it', async () => {
    const dir = tempDir('goenv-unreadable');
    const home = makeHome(path.join(dir, 'home'), NOBODY);
    const ws = writeSmallModule(path.join(dir, 'ws'));
    chownTree(ws, NOBODY);
    const file = path.join(dir, 'goenv');
    writeFileSync(file, 'GOFLAGS=-mod=mod\n');
    chmodSync(file, 0o600);
    try {
      const env = userEnvFor(home, 'nobody', { GOENV: file });
      const before = await runCmd(GO, ['env', 'GOFLAGS'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(before.stdout.trim()).toBe('');
      const run = await runDoctorCli({ workspaces: [ws], env, cwd: ws, wrap: asUser(NOBODY) });
      console.log(`[goenv unreadable] ${summarize(run)}`);
      const f = run.report!.causes.flatMap((c) => c.findings).find((x) => x.message.startsWith(`Your go env file ${file} cannot be read`));
      expect(f, summarize(run)).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
      chownSync(file, NOBODY.uid, NOBODY.gid);
      const after = await runCmd(GO, ['env', 'GOFLAGS'], { cwd: ws, env, wrap: asUser(NOBODY) });
      expect(after.stdout.trim()).toBe('-mod=mod');
    } finally {
      removeTree(dir);
    }
  });
});

