import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { goEnvProbe } from '../../../src/probes/goEnv.js';
import { Host } from '../../../src/host/host.js';
import { FindingSchema } from '../../../src/doctor/model.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import type { ExecResult } from '../../../src/host/exec.js';
import { readGoEnv } from '../../../src/facts/readGoEnv.js';
import { binDir, fakeGo, makeCtx, okGoEnv, runProbe, tempDir, tree } from './ctx.js';

function failedExec(stderr: string, extra: Partial<ExecResult> = {}): ExecResult {
  return { commandLine: '/usr/local/go/bin/go env -json', stdout: '', stderr, exitCode: 1, timedOut: false, canceled: false, failed: true, durationMs: 5, ...extra };
}

describe('go-env probe', () => {
  it('a healthy Go reports no finding and says what it read', async () => {
    const g = fakeGo();
    const r = await runProbe(goEnvProbe, makeCtx({ env: { PATH: path.dirname(g.goBinary), HOME: '/home/u' }, goEnv: okGoEnv(g) }));
    expect(r.findings).toEqual([]);
    expect(r.observed).toMatchObject({ goBinary: g.goBinary, GOROOT: g.goroot, GOVERSION: 'go1.26.8', GOOS: 'linux', GOFLAGS: '' });
  });

  it('go missing from PATH while the login shell has it: env-inheritance error naming the directory', async () => {
    const loginBin = binDir('loginbin', 'go');
    const ctx = makeCtx({
      env: { PATH: tempDir('emptybin'), HOME: '/home/u' },
      goEnv: { ok: false, missing: true, reason: 'go was not found on PATH' },
      loginShell: { ok: true, shell: '/bin/bash', env: { PATH: `${loginBin}:/usr/bin` }, commandLine: "/bin/bash -l -i -c '<print env>'" },
    });
    const r = await runProbe(goEnvProbe, ctx);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'error', explains: ['gopls-launch'] });
    expect(f.message).toContain("go is not on the editor's PATH");
    expect(f.message).toContain(loginBin);
    expect(f.evidence.map((e) => e.source)).toContain('PATH (editor environment)');
    expect(f.evidence.find((e) => e.source === 'PATH lookup for go')?.excerpt).toMatch(/looked in: /);
    const ids = f.fixes.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['login-path-to-profile', 'alternate-tools-go']));
    const alt = f.fixes.find((x) => x.id === 'alternate-tools-go');
    expect(alt).toMatchObject({ kind: 'setting', key: 'go.alternateTools', value: { go: path.join(loginBin, 'go') }, merge: true });
  });

  // A tester's ~/.bashrc ran `exec zsh` (and another's ~/.profile hung after its PATH line): the
  // report offered to append the very line ~/.profile already had.
  it.each([true, false])('go installed off PATH, login shell gave nothing, ~/.profile naming its directory: %s; the append fix only when it does not', async (already) => {
    const home = tree(tempDir('home'), { '.local/go/bin/go': '#!/bin/sh\n' });
    chmodSync(path.join(home, '.local/go/bin/go'), 0o755);
    const run = async () =>
      runProbe(
        goEnvProbe,
        makeCtx({
          env: { PATH: tempDir('emptybin'), HOME: home, SHELL: '/bin/bash' },
          goEnv: { ok: false, missing: true, reason: 'go was not found on PATH' },
          loginShell: { ok: false, shell: '/bin/bash', reason: "/bin/bash -l -i -c '<print env>' did not print an environment (exit 0)", ended: { how: 'no-env', exit: '0' } },
        }),
      );
    // The directory the finding names first (this machine may have a Go of its own in a usual place).
    const dir = ((await run()).observed as { goInstalledOffPath: string[] }).goInstalledOffPath[0]!;
    const line = `export PATH="${dir}:$PATH"`;
    writeFileSync(path.join(home, '.profile'), `export EDITOR=vi\n${already ? line : ''}\n`);
    const f = (await run()).findings[0]!;
    expect(f.fixes.some((x) => x.id === 'login-path-to-profile')).toBe(!already);
    if (already) {
      expect(f.message).toContain('~/.profile already puts it on PATH (line 2)');
      expect(f.message).toContain('did not print an environment');
      expect(f.evidence).toContainEqual({ source: `${path.join(home, '.profile')}:2`, excerpt: line });
    } else expect(f.message).not.toContain('already puts it');
  });

  // A tester's go on PATH was a symlink loop: the report said only "go is not on the editor's PATH".
  describe('a go on PATH that cannot be run is named with why', () => {
    const cases: { name: string; make: (dir: string) => void; why: RegExp }[] = [
      { name: 'a symlink loop', make: (d) => (symlinkSync(path.join(d, 'go2'), path.join(d, 'go')), symlinkSync(path.join(d, 'go'), path.join(d, 'go2'))), why: /a symbolic link loop \(ELOOP\)/ },
      { name: 'a dangling symlink', make: (d) => symlinkSync(path.join(d, 'no-such-go'), path.join(d, 'go')), why: /a symbolic link to nothing \(→ .*no-such-go\)/ },
      { name: 'a directory', make: (d) => mkdirSync(path.join(d, 'go')), why: /a directory/ },
    ];
    for (const c of cases)
      it(c.name, async () => {
        const dir = tempDir(`unusable-go-${c.name.replace(/\W+/g, '-')}`);
        c.make(dir);
        const ctx = makeCtx({ env: { PATH: `${tempDir('emptybin2')}:${dir}`, HOME: '/home/u' }, goEnv: { ok: false, missing: true, reason: 'go was not found on PATH' } });
        const f = (await runProbe(goEnvProbe, ctx)).findings[0]!;
        expect(f.message).toContain(`${path.join(dir, 'go')} is on it but is `);
        expect(f.message).toMatch(c.why);
        expect(f.evidence.find((e) => e.source === path.join(dir, 'go'))?.excerpt).toMatch(c.why);
      });
    it('a PATH without any go says nothing of the kind', async () => {
      const ctx = makeCtx({ env: { PATH: tempDir('emptybin3'), HOME: '/home/u' }, goEnv: { ok: false, missing: true, reason: 'go was not found on PATH' } });
      expect((await runProbe(goEnvProbe, ctx)).findings[0]!.message).not.toContain('is on it but');
    });
  });

  it('GO111MODULE=off is a module-resolution error with the environment as evidence', async () => {
    const g = fakeGo();
    const r = await runProbe(goEnvProbe, makeCtx({ env: { GO111MODULE: 'off' }, goEnv: okGoEnv(g, { GO111MODULE: 'off' }) }));
    const f = r.findings.find((x) => x.classId === 'module-resolution');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f!.message).toMatch(/GOPATH mode/);
    expect(f!.evidence).toContainEqual({ source: 'environment', excerpt: 'GO111MODULE=off' });
    expect(f!.fixes[0]).toMatchObject({ key: 'go.toolsEnvVars', value: { GO111MODULE: 'on' } });
  });

  // A tester's module under GOPATH/src requiring nothing built fine in GOPATH mode and got an error.
  it('GO111MODULE=off over a module under GOPATH/src that requires nothing: a warning (it builds from GOPATH); with a requirement, the error', async () => {
    const g = fakeGo();
    const gopath = tempDir('gopath-mod');
    const ws = tree(path.join(gopath, 'src', 'example.com', 'gp'), { 'go.mod': 'module example.com/gp\n\ngo 1.22\n', 'main.go': 'package main\n' });
    const run = async () => (await runProbe(goEnvProbe, makeCtx({ env: { GO111MODULE: 'off' }, workspaces: [ws], goEnv: okGoEnv(g, { GO111MODULE: 'off', GOPATH: gopath }) }))).findings.find((x) => x.classId === 'module-resolution');
    expect(await run()).toMatchObject({ severity: 'warning' });
    writeFileSync(path.join(ws, 'go.mod'), 'module example.com/gp\n\ngo 1.22\n\nrequire golang.org/x/mod v0.20.0\n');
    expect(await run()).toMatchObject({ severity: 'error' });
  });

  it('a foreign GOOS in the environment is an env-inheritance warning', async () => {
    const g = fakeGo();
    const r = await runProbe(goEnvProbe, makeCtx({ env: { GOOS: 'windows' }, goEnv: okGoEnv(g, { GOOS: 'windows' }) }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
    expect(r.findings[0]!.message).toMatch(/windows\/amd64, not this machine \(linux\/amd64\)/);
    expect(r.findings[0]!.message).toContain('files for linux (*_linux.go, //go:build linux or unix) are left out');
    expect(r.findings[0]!.message).toContain('binaries this machine cannot run (windows programs do not run on linux)');
    // Only what differs is overridden: GOARCH was the machine's already.
    expect(r.findings[0]!.fixes[0]!).toMatchObject({ value: { GOOS: 'linux' } });
    expect((r.findings[0]!.fixes[0] as { value: object }).value).not.toHaveProperty('GOARCH');
  });

  // A tester's GOARCH=arm64 was told linux-tagged files drop out (GOOS was linux), and GOARCH=386
  // that its tests cannot run (GOARCH=386 go test passes on amd64). The host tree holds the
  // kernel's facts: IA32 emulation built in, binfmt_misc mounted with or without a qemu handler.
  it.each([
    { goarch: '386', files: {}, runs: /go test and go run still work: .*IA32 emulation/, confidence: 0.5 },
    { goarch: 'arm64', files: {}, runs: /linux\/arm64 binaries this machine cannot run \(no binfmt_misc handler \(qemu-user\) for arm64; none is registered\)/, confidence: 0.7 },
    { goarch: 'arm64', files: { 'proc/sys/fs/binfmt_misc/qemu-aarch64': 'enabled\ninterpreter /usr/bin/qemu-aarch64-static\nflags: F\noffset 0\nmagic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n' }, runs: /still work: .*qemu-aarch64-static \(binfmt_misc handler qemu-aarch64\)/, confidence: 0.5 },
    { goarch: 'riscv64', files: {}, runs: /cannot run/, confidence: 0.7 },
  ] as Array<{ goarch: string; files: Record<string, string>; runs: RegExp; confidence: number }>)('GOARCH=$goarch on linux/amd64 is worded by the architecture alone: $runs', async ({ goarch, files, runs, confidence }) => {
    const root = tempDir('platform-host');
    tree(root, { 'proc/sys/abi/vsyscall32': '1\n', 'proc/cmdline': 'quiet\n', 'proc/sys/fs/binfmt_misc/status': 'enabled\n', 'proc/sys/fs/binfmt_misc/register': '', ...files });
    const g = fakeGo();
    const r = await runProbe(goEnvProbe, makeCtx({ host: new Host({ root, pid: 1, uid: 1000 }), env: { GOARCH: goarch }, goEnv: okGoEnv(g, { GOARCH: goarch, CGO_ENABLED: '0' }) }));
    const f = r.findings.find((x) => x.fixes.some((fix) => fix.id === 'toolsenv-host-platform'))!;
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'warning', confidence });
    expect(f.message).toContain(`files for amd64 (*_amd64.go, *_amd64.s, //go:build amd64) are left out and those for ${goarch} taken in`);
    expect(f.message).not.toMatch(/linux tags|\/\/go:build linux/);
    expect(f.message).toContain('cgo is off for this cross build');
    expect(f.message).toMatch(runs);
    expect(f.fixes[0]).toMatchObject({ value: { GOARCH: 'amd64' } });
  });

  it('GOCACHE=off because HOME is unset quotes go\'s own message as an env-inheritance error', async () => {
    const g = fakeGo();
    const r = await runProbe(goEnvProbe, makeCtx({ env: { PATH: '/usr/bin' }, goEnv: okGoEnv(g, { GOCACHE: 'off' }) }));
    const f = r.findings.find((x) => x.classId === 'env-inheritance')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined');
    expect(f.evidence[1]!.excerpt).toContain('HOME is unset');
  });

  it('a GOROOT variable naming another Go installation is an error when the versions differ', async () => {
    const g = fakeGo('go1.26.8');
    const other = fakeGo('go1.20.14');
    const ctx = makeCtx({ env: { GOROOT: other.goroot }, goEnv: okGoEnv(g, { GOROOT: other.goroot }) });
    const r = await runProbe(goEnvProbe, ctx);
    const f = r.findings.find((x) => x.classId === 'env-inheritance')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('go1.20.14');
    expect(f.evidence).toContainEqual({ source: path.join(other.goroot, 'VERSION'), excerpt: 'go1.20.14' });
    expect(f.fixes[0]).toMatchObject({ id: 'go-goroot-setting', key: 'go.goroot', value: g.goroot });
  });

  it('a GOROOT that exists but is no Go root (GOROOT=<go>/bin from the environment) is an error with the go.goroot fix', async () => {
    const g = fakeGo();
    const bin = path.join(g.goroot, 'bin');
    const r = await runProbe(goEnvProbe, makeCtx({ env: { GOROOT: bin }, goEnv: okGoEnv(g, { GOROOT: bin }) }));
    const f = r.findings.find((x) => x.classId === 'env-inheritance')!;
    expect(f).toMatchObject({ severity: 'error' });
    expect(f.message).toMatch(/is not a Go installation.*comes from the environment/);
    expect(f.fixes[0]).toMatchObject({ id: 'go-goroot-setting', key: 'go.goroot', value: g.goroot });
  });

  it('a Go root missing its linker (an extraction cut short) is an error naming it, with the install link', async () => {
    const g = fakeGo();
    rmSync(path.join(g.goroot, 'pkg/tool/linux_amd64/link'));
    const r = await runProbe(goEnvProbe, makeCtx({ env: { PATH: path.dirname(g.goBinary) }, goEnv: okGoEnv(g) }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ classId: 'env-inheritance', severity: 'error', fixes: [{ id: 'install-go' }] });
    expect(r.findings[0]!.message).toContain(`The Go installation at ${g.goroot} is incomplete: pkg/tool/linux_amd64/link is missing, so every go build, go test and gopls's package loading fail with go: no such tool "link"`);
  });

  // A tester's Go tree without src/fmt: every build failed ("package fmt is not in std"), and the
  // report blamed the module's requirements, with go mod tidy.
  it('a Go root missing a core standard package (src/fmt) is an error naming it', async () => {
    const g = fakeGo();
    rmSync(path.join(g.goroot, 'src/fmt'), { recursive: true });
    const r = await runProbe(goEnvProbe, makeCtx({ env: { PATH: path.dirname(g.goBinary) }, goEnv: okGoEnv(g) }));
    expect(r.findings[0]).toMatchObject({ classId: 'env-inheritance', severity: 'error', fixes: [{ id: 'install-go' }] });
    expect(r.findings[0]!.message).toContain(`src/fmt is missing, so every build importing it fails with "package fmt is not in std (${path.join(g.goroot, 'src/fmt')})"`);
  });

  it('a GOROOT that no longer exists is an error', async () => {
    const g = fakeGo();
    const r = await runProbe(goEnvProbe, makeCtx({ goEnv: okGoEnv(g, { GOROOT: '/nonexistent/go' }) }));
    expect(r.findings[0]).toMatchObject({ classId: 'env-inheritance', severity: 'error' });
  });

  it('GOWORK naming a missing file and GOTMPDIR naming a missing directory are errors', async () => {
    const g = fakeGo();
    const missing = path.join(tempDir('gone'), 'nope');
    const r = await runProbe(goEnvProbe, makeCtx({ env: { GOWORK: `${missing}/go.work` }, goEnv: okGoEnv(g, { GOWORK: `${missing}/go.work`, GOTMPDIR: missing }) }));
    expect(r.findings.map((f) => [f.classId, f.severity])).toEqual(
      expect.arrayContaining([
        ['module-resolution', 'error'],
        ['fs-access', 'error'],
      ]),
    );
    expect(r.findings.find((f) => f.classId === 'fs-access')!.message).toContain('creating work dir');
  });

  // A relative -modfile is opened from the folder each go command runs in (measured with go 1.26:
  // `go build ..` from sub/ opened sub/alt.mod); gopls runs its go commands in the module's folder.
  // A tester's GOFLAGS=-modfile=alt.mod with no alt.mod got a warning below gopls's "no views".
  it.each([
    ['alt.mod', false, 'error'],
    ['alt.mod', true, 'warning'],
    ['mods/dev.mod', false, 'error'],
    ['mods/dev.mod', true, 'warning'],
  ] as const)('GOFLAGS=-modfile=%s, there in the module folder: %s, a workspace below the module: %s', async (modfile, there, severity) => {
    const g = fakeGo();
    const mod = tree(tempDir('modfile'), { 'go.mod': 'module example.com/m\n\ngo 1.22\n', 'sub/x.go': 'package sub\n', ...(there ? { [modfile]: 'module example.com/m\n' } : {}) });
    const r = await runProbe(goEnvProbe, makeCtx({ goEnv: okGoEnv(g, { GOFLAGS: `-modfile=${modfile}` }), workspaces: [path.join(mod, 'sub')] }));
    const f = r.findings.find((x) => x.message.includes('-modfile'))!;
    expect(f).toMatchObject({ classId: 'module-resolution', severity });
    if (!there) {
      expect(f.message).toContain(`${path.join(mod, modfile)} does not exist`);
      expect(f.evidence).toContainEqual({ source: `stat ${path.join(mod, modfile)}`, excerpt: 'ENOENT' });
      expect(f.fixes.map((x) => x.id)).toContain('toolsenv-goflags-no-modfile');
    }
  });

  it('GOFLAGS=-mod=vendor is worth an info, not a warning', async () => {
    const g = fakeGo();
    const r = await runProbe(goEnvProbe, makeCtx({ goEnv: okGoEnv(g, { GOFLAGS: '-mod=vendor' }) }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ classId: 'module-resolution', severity: 'info' });
  });

  it('GOPATH equal to GOROOT is a warning', async () => {
    const g = fakeGo();
    const r = await runProbe(goEnvProbe, makeCtx({ goEnv: okGoEnv(g, { GOPATH: g.goroot }) }));
    expect(r.findings[0]).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
  });

  it('a go env that fails is classified from its stderr', async () => {
    const home = tempDir('home');
    tree(home, {});
    const r = await runProbe(
      goEnvProbe,
      makeCtx({ env: { PATH: '/usr/local/go/bin' }, goEnv: { ok: false, missing: false, goBinary: '/usr/local/go/bin/go', reason: 'failed', exec: failedExec('build cache is required, but could not be located: GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined\n') } }),
    );
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ classId: 'env-inheritance', severity: 'error' });
    expect(r.findings[0]!.evidence[0]!.source).toBe('/usr/local/go/bin/go env -json');
    expect(r.findings[0]!.evidence[1]!.excerpt).toContain('HOME is unset');
  });

  // A tester's relative GOPATH showed `environment GOPATH=rel/path` twice under one finding (the
  // culprit line and where it is set). The real go's refusal, several relative shapes.
  it.each(['rel/path', './gp', 'gp:/abs/go', '/abs/go:rel'])('GOPATH=%s, refused by the real go: each evidence line shown once', async (GOPATH) => {
    const home = tempDir('relgopath');
    const env = { PATH: '/usr/local/go/bin:/usr/bin:/bin', HOME: home, GOPATH, GOENV: path.join(home, 'goenv') };
    const host = new Host();
    const goEnv = await readGoEnv(host, env, new AbortController().signal, 10_000);
    expect(goEnv.ok).toBe(false);
    const r = await runProbe(goEnvProbe, makeCtx({ env, goEnv }));
    const f = r.findings.find((x) => x.message.includes('GOPATH'))!;
    expect(f, JSON.stringify(r.findings)).toBeDefined();
    const lines = f.evidence.flatMap((e) => e.excerpt.split('\n').map((l) => `${e.source}: ${l}`));
    expect(lines).toEqual([...new Set(lines)]);
    expect(lines).toContain(`environment: GOPATH=${GOPATH}`);
  });

  // A tester's root-owned XDG_CACHE_HOME: go1.26's go env -json itself fails on the build cache,
  // and go's words name neither GOCACHE's origin nor a variable to change.
  it.each([
    ['GOCACHE unset: XDG_CACHE_HOME named, with commands', {}, true],
    ['GOCACHE exported at that directory: XDG_CACHE_HOME is not why', { GOCACHE: '/xdg-root/go-build' }, false],
  ])('go env failing to set up the build cache under XDG_CACHE_HOME, %s', async (_name, extra, blamed) => {
    const home = tempDir('xdg-home');
    const stderr = 'failed to initialize build cache at /xdg-root/go-build: mkdir /xdg-root/go-build: permission denied\n';
    const r = await runProbe(goEnvProbe, makeCtx({ env: { PATH: '/usr/local/go/bin', HOME: home, XDG_CACHE_HOME: '/xdg-root', ...extra }, goEnv: { ok: false, missing: false, goBinary: '/usr/local/go/bin/go', reason: 'failed', exec: failedExec(stderr) } }));
    const f = r.findings[0]!;
    expect(f).toMatchObject({ classId: 'fs-access', severity: 'error' });
    expect(f.message.includes('XDG_CACHE_HOME=/xdg-root')).toBe(blamed);
    expect(f.evidence.some((e) => e.excerpt === 'XDG_CACHE_HOME=/xdg-root\nGOCACHE is unset')).toBe(blamed);
    // Exported elsewhere: a build cache of the user's own, through go.toolsEnvVars (go env -w cannot override an export).
    expect(f.fixes.map((x) => x.id)).toEqual(blamed ? ['gocache-go-env-w', 'xdg-cache-home-to-profile'] : ['fs-access-own-dir-gocache']);
    if (!blamed) expect(f.fixes[0]).toMatchObject({ kind: 'setting', key: 'go.toolsEnvVars', value: { GOCACHE: `${home}/.cache/go-build` } });
  });

  it('a go env failure no message explains is a load-failed symptom: a read-only mount found beside it ranks first', async () => {
    const r = await runProbe(
      goEnvProbe,
      makeCtx({ env: { PATH: '/usr/local/go/bin' }, goEnv: { ok: false, missing: false, goBinary: '/usr/local/go/bin/go', reason: 'failed', exec: failedExec('go: something new went wrong\n') } }),
    );
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ classId: 'gopls-launch', severity: 'error', role: 'symptom', symptom: 'load-failed' });
    const mount = FindingSchema.parse({ classId: 'fs-access', severity: 'warning', confidence: 0.8, message: 'GOCACHE is on a read-only mount', evidence: [{ source: '/proc/self/mountinfo', excerpt: 'ro' }], fixes: [] });
    const ranked = rankCauses([FindingSchema.parse(r.findings[0]), mount]);
    expect(ranked.map((c) => c.id)).toEqual(['fs-access', 'gopls-launch']);
  });

  it("go's own words that the log rules read (a version manager's shim with no version) are the cause the failure follows from", async () => {
    const stderr = 'No version is set for command go\nConsider adding one of the following versions in your config file at /home/u/.tool-versions\ngolang 1.22.5\n';
    const r = await runProbe(goEnvProbe, makeCtx({ env: { PATH: '/home/u/.asdf/shims' }, goEnv: { ok: false, missing: false, goBinary: '/home/u/.asdf/shims/go', reason: 'failed', exec: failedExec(stderr) } }));
    expect(r.findings.map((f) => [f.classId, f.role ?? 'cause'])).toEqual([['gopls-launch', 'symptom'], ['env-inheritance', 'cause']]);
    const ranked = rankCauses(r.findings.map((f) => FindingSchema.parse(f)));
    expect(ranked.map((c) => c.id)).toEqual(['env-inheritance', 'gopls-launch']);
    expect(ranked[1]!.findings[0]!.explainedBy).toEqual(['env-inheritance']);
    // A real Go installed in a usual place is offered (a tester's shims got no fix at all); here a
    // golang.org/dl-style one under ~/sdk, or /usr/local/go where this machine has it.
    const home = mkdtempSync(path.join(os.tmpdir(), 'shim-home-'));
    mkdirSync(path.join(home, 'sdk/go1.22.5/bin'), { recursive: true });
    writeFileSync(path.join(home, 'sdk/go1.22.5/VERSION'), 'go1.22.5\n');
    writeFileSync(path.join(home, 'sdk/go1.22.5/bin/go'), '#!/bin/sh\n');
    const withGo = await runProbe(goEnvProbe, makeCtx({ env: { PATH: '/home/u/.asdf/shims', HOME: home }, goEnv: { ok: false, missing: false, goBinary: '/home/u/.asdf/shims/go', reason: 'failed', exec: failedExec(stderr) } }));
    const fix = withGo.findings[1]!.fixes![0] as { id: string; value: { go: string } };
    expect(fix.id).toBe('alternate-tools-go');
    expect(existsSync(fix.value.go)).toBe(true);
  });

  // A tester's GOTOOLCHAIN=garbage: every go command fails; it got no fix and the title of the
  // editor's environment. Now the setting's title and GOTOOLCHAIN=local for the Go tools.
  it('an invalid GOTOOLCHAIN: titled by the setting, with GOTOOLCHAIN=local for the Go tools', async () => {
    const r = await runProbe(goEnvProbe, makeCtx({ env: { PATH: '/usr/bin', GOTOOLCHAIN: 'garbage' }, goEnv: { ok: false, missing: false, goBinary: '/usr/local/go/bin/go', reason: 'failed', exec: failedExec('go: invalid GOTOOLCHAIN "garbage"\n') } }));
    const [cause] = rankCauses(r.findings.map((f) => FindingSchema.parse(f)));
    expect(cause).toMatchObject({ id: 'env-inheritance', title: 'GOTOOLCHAIN makes go run a Go it cannot use here' });
    expect(cause!.fixes[0]).toMatchObject({ id: 'toolsenv-gotoolchain-local', value: { GOTOOLCHAIN: 'local' } });
  });

  it('a go binary that cannot be executed is a gopls-launch error', async () => {
    const r = await runProbe(
      goEnvProbe,
      makeCtx({ goEnv: { ok: false, missing: false, goBinary: '/opt/go/bin/go', reason: 'ENOEXEC', exec: failedExec('', { errorCode: 'ENOEXEC', exitCode: undefined, message: 'spawn ENOEXEC' }) } }),
    );
    expect(r.findings[0]).toMatchObject({ classId: 'gopls-launch', severity: 'error' });
    expect(r.findings[0]!.message).toMatch(/another architecture/);
  });

  it.each([
    ['EMFILE', 'out-of-files'],
    ['EAGAIN', 'thread-create'],
  ] as const)('a go the kernel would not start (%s) is a symptom of a limit, with no install fix', async (code, kind) => {
    const r = await runProbe(
      goEnvProbe,
      makeCtx({ goEnv: { ok: false, missing: false, goBinary: '/usr/local/go/bin/go', reason: code, exec: failedExec('', { errorCode: code, exitCode: undefined, message: `spawn /usr/local/go/bin/go ${code}` }) } }),
    );
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ classId: 'gopls-launch', role: 'symptom', symptom: kind, fixes: [] });
    expect(r.findings[0]!.message).toMatch(new RegExp(`^/usr/local/go/bin/go could not be started \\(${code}\\), so the Go extension and gopls cannot run go: .*Nothing is wrong with go itself\\.$`));
  });

  it('a go env that timed out is skipped, not a finding', async () => {
    const r = await goEnvProbe.run(makeCtx({ goEnv: { ok: false, missing: false, goBinary: '/usr/local/go/bin/go', reason: 'timed out', exec: failedExec('', { timedOut: true }) } }));
    expect(r.status).toBe('skipped');
    expect(r.findings ?? []).toEqual([]);
  });
});
