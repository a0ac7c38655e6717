// The go-env, login-shell and modules probes on this very machine: real go, real bash, real files.
import { describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Host } from '../../src/host/host.js';
import { runDoctor } from '../../src/engine/pipeline.js';
import type { Finding, Report } from '../../src/doctor/model.js';
import { goEnvProbe } from '../../src/probes/goEnv.js';
import { loginShellProbe } from '../../src/probes/loginShell.js';
import { modulesProbe } from '../../src/probes/modules.js';
import { moduleDownloadsProbe } from '../../src/probes/moduleDownloads.js';
import { goEnvChangedProbe } from '../../src/probes/goEnvChanged.js';
import { cachedXMod } from './support.js';

const GO_DIR = '/usr/local/go/bin';
const haveGo = existsSync(path.join(GO_DIR, 'go'));
const OURS = ['go-env', 'login-shell', 'modules'];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'goenv-real-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

const MOD = (m: string, go = '1.22') => `module ${m}\n\ngo ${go}\n`;
/** The editor's environment: this process's, with PATH guaranteed to hold go unless a test says otherwise. */
const baseEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  for (const k of ['GO111MODULE', 'GOOS', 'GOARCH', 'GOWORK', 'GOFLAGS', 'GOROOT', 'GOTOOLCHAIN']) delete env[k];
  env.PATH = `${GO_DIR}:${process.env.PATH ?? '/usr/bin:/bin'}`;
  return env;
};

async function diagnose(workspaces: string[], env: NodeJS.ProcessEnv): Promise<Report> {
  return runDoctor({ host: new Host(), probes: [goEnvProbe, loginShellProbe, modulesProbe], workspaces, env, timeoutMs: 20_000 });
}

function ours(report: Report): Finding[] {
  return report.causes.flatMap((c) => c.findings).filter((f) => OURS.includes(f.probeId ?? ''));
}

describe.skipIf(!haveGo)('go-env / login-shell / modules on the real machine', () => {
  it('a healthy module: no error from any of the three probes, and each says what it read', async () => {
    const ws = tree({ 'go.mod': MOD('example.com/healthy'), 'main.go': 'package main\n\nfunc main() {}\n' });
    const report = await diagnose([ws], baseEnv());
    expect(ours(report).filter((f) => f.severity === 'error')).toEqual([]);
    const rec = Object.fromEntries(report.probes.map((p) => [p.id, p]));
    expect(rec['go-env']!.status).toMatch(/ok|warn/);
    expect(rec['go-env']!.observed).toMatchObject({ goBinary: path.join(GO_DIR, 'go'), GOROOT: '/usr/local/go' });
    expect(rec['modules']!.observed).toMatchObject({ folders: [{ goMod: path.join(ws, 'go.mod'), moduleCount: 1, goList: [{ dir: ws, exitCode: 0 }] }] });
    expect(rec['login-shell']!.observed).toHaveProperty('loginShell');
  });

  it('GO111MODULE=off: a module-resolution error', async () => {
    const ws = tree({ 'go.mod': MOD('example.com/off'), 'main.go': 'package main\n' });
    const report = await diagnose([ws], { ...baseEnv(), GO111MODULE: 'off' });
    const f = ours(report).find((x) => x.classId === 'module-resolution' && x.severity === 'error');
    expect(f?.message).toContain('GO111MODULE=off');
    expect(report.causes.find((c) => c.id === 'module-resolution')?.severity).toBe('error');
  });

  // A tester's legacy GOPATH tree: GO111MODULE=off is how it builds (go build works, gopls
  // answers), and the fix GO111MODULE=on broke it ("directory prefix . does not contain main module").
  it('GO111MODULE=off in a GOPATH/src tree without go.mod: information, go builds there; outside GOPATH and modules: a warning without GO111MODULE=on', async () => {
    const gopath = tree({ 'src/example.com/util/u.go': 'package util\n\nfunc U() int { return 3 }\n', 'src/example.com/legacy/main.go': 'package main\n\nimport "example.com/util"\n\nfunc main() { println(util.U()) }\n' });
    const ws = path.join(gopath, 'src/example.com/legacy');
    const e = { ...baseEnv(), GO111MODULE: 'off', GOPATH: gopath };
    expect(spawnSync(path.join(GO_DIR, 'go'), ['build', '-o', '/dev/null', '.'], { cwd: ws, env: e, encoding: 'utf8' }).status).toBe(0);
    const off = (r: Report) => ours(r).filter((x) => x.probeId === 'go-env' && x.message.startsWith('GO111MODULE=off'));
    const [info] = off(await diagnose([ws], e));
    expect(info).toMatchObject({ severity: 'info' });
    expect(info!.fixes).toEqual([]);
    const loose = tree({ 'main.go': 'package main\n\nfunc main() {}\n' });
    const [warn] = off(await diagnose([loose], e));
    expect(warn).toMatchObject({ severity: 'warning' });
    expect(warn!.fixes.map((x) => x.id)).not.toContain('toolsenv-go111module-on');
  });

  it("go missing from the editor's PATH while the login shell has it: an env-inheritance error naming /usr/local/go/bin", async () => {
    // A login bash whose HOME holds a .bash_profile that puts Go on PATH, as a user's would.
    const home = tree({ '.bash_profile': `export PATH="${GO_DIR}:$PATH"\n` });
    const ws = tree({ 'go.mod': MOD('example.com/nogo'), 'main.go': 'package main\n' });
    const env = { ...baseEnv(), PATH: '/usr/bin:/bin', HOME: home, SHELL: '/bin/bash' };
    const report = await diagnose([ws], env);
    const errs = ours(report).filter((f) => f.classId === 'env-inheritance' && f.severity === 'error');
    expect(errs.length).toBeGreaterThanOrEqual(1);
    const login = errs.find((f) => f.probeId === 'login-shell');
    expect(login?.message).toContain(`go is found by your login shell in ${GO_DIR} but not by the editor`);
    expect(login?.explains).toEqual(['gopls-launch']);
    // vscode-go's own fallback to /usr/local/go/bin/go is said, not hidden.
    expect(login?.message).toContain('falls back to /usr/local/go/bin/go');
    // The line is in ~/.bash_profile, the file a login bash reads here (not ~/.profile): no second
    // copy is offered, and the sentence names that file and line (it once offered `>> ~/.profile`).
    expect(login?.fixes.find((x) => x.id === 'login-path-to-profile')).toBeUndefined();
    expect(login?.message).toContain('~/.bash_profile already puts it on PATH (line 1)');
    expect(login?.evidence).toContainEqual({ source: `${home}/.bash_profile:1`, excerpt: `export PATH="${GO_DIR}:$PATH"` });
    const goEnv = errs.find((f) => f.probeId === 'go-env');
    expect(goEnv?.message).toContain("go is not on the editor's PATH");
    expect(goEnv?.message).toContain(GO_DIR);
    expect(goEnv?.evidence[0]).toEqual({ source: 'PATH (editor environment)', excerpt: '/usr/bin:/bin' });
    expect(report.causes[0]?.id).toBe('env-inheritance');
  });

  it('a folder with two modules and no go.work: a warning', async () => {
    const ws = tree({ 'a/go.mod': MOD('example.com/a'), 'a/a.go': 'package a\n', 'b/go.mod': MOD('example.com/b'), 'b/b.go': 'package b\n' });
    const report = await diagnose([ws], baseEnv());
    const f = ours(report).find((x) => x.classId === 'module-resolution');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.fixes[0]).toMatchObject({ text: 'go work init && go work use -r .', cwd: ws });
    expect(ours(report).filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('.go files without go.mod: an error', async () => {
    const ws = tree({ 'main.go': 'package main\n', 'util/u.go': 'package util\n' });
    const report = await diagnose([ws], baseEnv());
    const f = ours(report).find((x) => x.classId === 'module-resolution' && x.severity === 'error');
    expect(f?.message).toContain('no views');
  });

  it.each<{ what: string; files: Record<string, string>; file: string; line: number; sub: string }>([
    { what: 'a misspelt directive in go.mod', files: { 'go.mod': 'module example.com/typo\n\ngo 1.22\n\nrequre golang.org/x/mod v0.20.0\n', 'a.go': 'package a\n' }, file: 'go.mod', line: 5, sub: '' },
    { what: 'a bad go line in go.mod, diagnosed from a package folder below it', files: { 'go.mod': 'module example.com/typo\n\ngo 1.x\n', 'p/a.go': 'package p\n' }, file: 'go.mod', line: 3, sub: 'p' },
    { what: 'an unknown directive in go.work', files: { 'go.work': 'go 1.22\n\nuse .\nfoo bar\n', 'go.mod': MOD('example.com/w'), 'a.go': 'package a\n' }, file: 'go.work', line: 4, sub: '' },
  ])('$what: an error whose fix opens the file at the line go names', async ({ files, file, line, sub }) => {
    const ws = tree(files);
    const report = await diagnose([path.join(ws, sub)], baseEnv());
    const f = ours(report).find((x) => x.classId === 'module-resolution' && x.severity === 'error' && x.fixes.some((y) => y.kind === 'openFile'));
    expect(f?.fixes.find((y) => y.kind === 'openFile'), JSON.stringify(ours(report).map((x) => [x.message, x.fixes]))).toMatchObject({ kind: 'openFile', path: path.join(ws, file), line });
  });

  it('GOOS=windows in the environment: an env-inheritance warning', async () => {
    const ws = tree({ 'go.mod': MOD('example.com/win'), 'main.go': 'package main\n' });
    const report = await diagnose([ws], { ...baseEnv(), GOOS: 'windows' });
    const f = ours(report).find((x) => x.probeId === 'go-env' && x.classId === 'env-inheritance');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toContain('windows/');
  });

  it.each([
    { where: 'environment', goflags: '-nosuchflag', says: 'go: parsing $GOFLAGS: unknown flag -nosuchflag', fix: 'toolsenv-goflags-clear' },
    { where: 'go env file', goflags: '-mod=bogus', says: "-mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')", fix: 'go-env-unset-goflags' },
  ])('GOFLAGS=$goflags from the $where, which go rejects: an env-inheritance error with go\'s words and the fix for where it is set', async ({ where, goflags, says, fix }) => {
    const ws = tree({ 'go.mod': MOD('example.com/flags'), 'main.go': 'package main\n\nfunc main() {}\n' });
    const goenv = path.join(tree({ 'env': `GOFLAGS=${goflags}\n` }), 'env');
    const env = where === 'environment' ? { ...baseEnv(), GOFLAGS: goflags } : { ...baseEnv(), GOENV: goenv };
    const report = await diagnose([ws], env);
    const f = ours(report).find((x) => x.probeId === 'go-env' && x.message.startsWith(`GOFLAGS=${goflags}`));
    expect(f, JSON.stringify(ours(report).map((x) => x.message))).toMatchObject({ classId: 'env-inheritance', severity: 'error' });
    expect(f!.message).toContain(says);
    expect(f!.message).toContain(where === 'environment' ? 'from the environment' : `from your go env file (${goenv}`);
    expect(f!.fixes.map((x) => x.id)).toEqual([fix]);
  });

  // GOPATH="~/go" in go.toolsEnvVars, a systemd unit or a quoted export: nothing expands the tilde,
  // and go refuses to run at all. The report's only error was "go env fails".
  it('GOPATH with an unexpanded ~: an env-inheritance error saying so, and the written-out GOPATH makes go run', async () => {
    const ws = tree({ 'go.mod': MOD('example.com/tilde'), 'main.go': 'package main\n\nfunc main() {}\n' });
    const home = tree({});
    const env: NodeJS.ProcessEnv = { ...baseEnv(), HOME: home, GOPATH: '~/go' };
    const goEnv = (e: NodeJS.ProcessEnv) => spawnSync(path.join(GO_DIR, 'go'), ['env', 'GOPATH'], { cwd: ws, env: e, encoding: 'utf8' });
    expect(goEnv(env).stderr).toContain(`GOPATH entry cannot start with shell metacharacter '~': "~/go"`);
    const report = await diagnose([ws], env);
    const f = ours(report).find((x) => x.probeId === 'go-env' && x.severity === 'error');
    expect(f, JSON.stringify(ours(report).map((x) => x.message))).toMatchObject({ classId: 'env-inheritance' });
    expect(f!.message).toContain('GOPATH holds "~/go", with a "~" nothing expanded');
    expect(f!.fixes[0]).toMatchObject({ id: 'toolsenv-gopath-expanded', key: 'go.toolsEnvVars', value: { GOPATH: path.join(home, 'go') } });
    const fixed = goEnv({ ...env, GOPATH: path.join(home, 'go') });
    expect(fixed.status).toBe(0);
    expect(fixed.stdout.trim()).toBe(path.join(home, 'go'));
  });

  // A Flatpak editor's XDG_CONFIG_HOME (~/.var/app/ID/config) moves the go env file: what go env -w
  // set in a host terminal (~/.config/go/env) never reaches the editor's go. The fix's GOENV,
  // applied to the editor's environment, gives its go those settings.
  it('go env -w settings in the terminal\'s go env file that the editor\'s go (another XDG_CONFIG_HOME) does not read: a warning, and GOENV brings them', async () => {
    const home = tree({ '.config/go/env': 'GOPRIVATE=corp.example\nGOFLAGS=-mod=mod\n' });
    const sandboxConfig = path.join(home, '.var', 'app', 'com.visualstudio.code', 'config');
    mkdirSync(sandboxConfig, { recursive: true });
    const ws = tree({ 'go.mod': MOD('example.com/envfile'), 'p.go': 'package p\n' });
    const env: NodeJS.ProcessEnv = { ...baseEnv(), HOME: home, XDG_CONFIG_HOME: sandboxConfig, SHELL: '/bin/bash' };
    for (const k of ['GOPRIVATE', 'GONOSUMDB', 'GONOPROXY', 'GOENV']) delete env[k];
    const go = path.join(GO_DIR, 'go');
    expect(spawnSync(go, ['env', 'GOPRIVATE'], { env, encoding: 'utf8' }).stdout.trim()).toBe('');
    const report = await runDoctor({ host: new Host(), probes: [loginShellProbe], workspaces: [ws], env, timeoutMs: 20_000, settings: { noCache: true } });
    const f = report.causes.flatMap((c) => c.findings).find((x) => x.message.startsWith('What go env -w set in your terminal'));
    expect(f, JSON.stringify(report.causes.map((c) => c.findings.map((x) => x.message)))).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
    expect(f!.message).toContain(`the terminal's go reads ${path.join(home, '.config', 'go', 'env')}, the editor's reads ${path.join(sandboxConfig, 'go', 'env')}`);
    expect(f!.message).toContain('GOPRIVATE=corp.example');
    const fix = f!.fixes[0] as unknown as { value: Record<string, string> };
    expect(spawnSync(go, ['env', 'GOPRIVATE', 'GOFLAGS'], { env: { ...env, ...fix.value }, encoding: 'utf8' }).stdout.trim().split('\n')).toEqual(['corp.example', '-mod=mod']);
    // Both reading the same file: nothing to say.
    const same = await runDoctor({ host: new Host(), probes: [loginShellProbe], workspaces: [ws], env: { ...env, XDG_CONFIG_HOME: path.join(home, '.config') }, timeoutMs: 20_000, settings: { noCache: true } });
    expect(same.causes.flatMap((c) => c.findings).some((x) => x.message.startsWith('What go env -w set in your terminal'))).toBe(false);
  });

  it.skipIf(!cachedXMod().version)('GOMODCACHE with an unexpanded ~: an fs-access error with the home written out, no "not in the cache yet" note, and with the fix go builds', async () => {
    const { version, goLine } = cachedXMod();
    const ws = tree({ 'go.mod': `module example.com/mc\n\ngo ${goLine}\n\nrequire golang.org/x/mod ${version}\n`, 'main.go': 'package main\n\nimport "golang.org/x/mod/semver"\n\nfunc main() { println(semver.IsValid("v1")) }\n' });
    const go = path.join(GO_DIR, 'go');
    const realCache = spawnSync(go, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout.trim();
    spawnSync(go, ['mod', 'tidy'], { cwd: ws, env: { ...baseEnv(), GOPROXY: 'off', GOFLAGS: '-mod=mod' } });
    // A home whose go/pkg/mod is this machine's module cache: the written-out path finds x/mod offline.
    const home = tree({});
    mkdirSync(path.join(home, 'go', 'pkg'), { recursive: true });
    symlinkSync(realCache, path.join(home, 'go', 'pkg', 'mod'));
    const env: NodeJS.ProcessEnv = { ...baseEnv(), HOME: home, GOMODCACHE: '~/go/pkg/mod', GOPROXY: 'off' };
    expect(spawnSync(go, ['build', './...'], { cwd: ws, env, encoding: 'utf8' }).stderr).toContain('GOMODCACHE entry is relative; must be absolute path: "~/go/pkg/mod"');
    const report = await runDoctor({ host: new Host(), probes: [goEnvProbe, moduleDownloadsProbe], workspaces: [ws], env, timeoutMs: 20_000 });
    const all = report.causes.flatMap((c) => c.findings);
    const f = all.find((x) => x.probeId === 'go-env' && x.message.startsWith('GOMODCACHE (~/go/pkg/mod) is not an absolute path'));
    expect(f, JSON.stringify(all.map((x) => x.message))).toMatchObject({ classId: 'fs-access', severity: 'error' });
    expect(f!.fixes[0]).toMatchObject({ id: 'toolsenv-gomodcache-absolute', value: { GOMODCACHE: path.join(home, 'go', 'pkg', 'mod') } });
    expect(all.some((x) => x.message.includes('is not in the module cache yet'))).toBe(false);
    expect(spawnSync(go, ['build', './...'], { cwd: ws, env: { ...env, GOMODCACHE: path.join(home, 'go', 'pkg', 'mod') }, encoding: 'utf8' }).status).toBe(0);
  });

  // GOFLAGS=-mod=mod set once for every module, then a go.work above the folder: go refuses every
  // command. The verdict said "no problems found" and gopls's load failure read as a vendoring one.
  it.each([
    { where: 'environment', goflags: '-mod=mod -trimpath', fix: 'toolsenv-goflags-no-mod' },
    { where: 'go env file', goflags: '-mod=mod', fix: 'go-env-unset-goflags' },
    { where: 'go env file', goflags: '-mod=mod -trimpath', fix: 'go-env-goflags-no-mod' },
  ])('GOFLAGS=$goflags from the $where and a go.work: an error naming both, and after its fix go builds', async ({ where, goflags, fix }) => {
    const ws = tree({ 'go.work': 'go 1.22\n\nuse ./a\n', 'a/go.mod': MOD('example.com/a'), 'a/a.go': 'package a\n' });
    const goenv = path.join(tree({ 'env': `GOFLAGS=${goflags}\n` }), 'env');
    const env: NodeJS.ProcessEnv = where === 'environment' ? { ...baseEnv(), GOFLAGS: goflags } : { ...baseEnv(), GOENV: goenv };
    const build = (e: NodeJS.ProcessEnv) => spawnSync(path.join(GO_DIR, 'go'), ['build', './...'], { cwd: path.join(ws, 'a'), env: e, encoding: 'utf8' });
    expect(build(env).stderr).toContain('-mod may only be set to readonly or vendor when in workspace mode');
    const report = await diagnose([ws], env);
    const f = ours(report).find((x) => x.probeId === 'go-env' && x.severity === 'error');
    expect(f, JSON.stringify(ours(report).map((x) => x.message))).toMatchObject({ classId: 'env-inheritance' });
    expect(f!.message).toContain(`GOFLAGS=${goflags} (from ${where === 'environment' ? 'the environment' : `your go env file (${goenv}`}`);
    expect(f!.message).toContain(`which go refuses in workspace mode, and the go.work ${path.join(ws, 'go.work')} puts ${ws} in workspace mode`);
    expect(f!.fixes.map((x) => x.id)).toEqual([fix]);
    const applied = f!.fixes[0]!;
    if (applied.kind === 'setting') {
      // As the Go extension applies go.toolsEnvVars: only -mod goes, the other flags stay.
      const value = (applied.value as Record<string, string>).GOFLAGS!;
      expect(value).toBe(goflags.replace('-mod=mod', '').trim() || ' ');
      expect(build({ ...env, GOFLAGS: value }).status).toBe(0);
    } else {
      spawnSync('bash', ['-c', (applied as { text: string }).text], { env: { ...env, PATH: `${GO_DIR}:${env.PATH}` } });
      expect(readFileSync(goenv, 'utf8')).not.toContain('-mod');
      expect(build(env).status).toBe(0);
    }
  });

  it('GOFLAGS=-trimpath and a go.work (the control): no error', async () => {
    const ws = tree({ 'go.work': 'go 1.22\n\nuse ./a\n', 'a/go.mod': MOD('example.com/a'), 'a/a.go': 'package a\n' });
    const report = await diagnose([ws], { ...baseEnv(), GOFLAGS: '-trimpath' });
    expect(ours(report).filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('a GOFLAGS go rejects, exported over a go env file with GOFLAGS of its own: the fix gives the tools the file\'s value, not none', async () => {
    const ws = tree({ 'go.mod': MOD('example.com/flags2'), 'main.go': 'package main\n\nfunc main() {}\n' });
    const goenv = path.join(tree({ 'env': 'GOFLAGS=-trimpath\n' }), 'env');
    const env: NodeJS.ProcessEnv = { ...baseEnv(), GOENV: goenv, GOFLAGS: '-tags integration' };
    const report = await diagnose([ws], env);
    const f = ours(report).find((x) => x.probeId === 'go-env' && x.message.startsWith('GOFLAGS=-tags integration'));
    expect(f!.message).toContain('non-flag "integration"');
    expect(f!.fixes[0]).toMatchObject({ id: 'toolsenv-goflags-clear', value: { GOFLAGS: '-trimpath' } });
    expect(spawnSync(path.join(GO_DIR, 'go'), ['build', './...'], { cwd: ws, env: { ...env, GOFLAGS: '-trimpath' }, encoding: 'utf8' }).status).toBe(0);
  });

  // GOFLAGS=-mod=vendor written with go env -w: the fix was go.toolsEnvVars GOFLAGS "", which go
  // does not even read as "no flags" (an empty variable falls back to the go env file).
  it.skipIf(!cachedXMod().version)('GOFLAGS=-mod=vendor from the go env file, no vendor/: go env -u GOFLAGS first, and the setting is " ", both of which make go list work', async () => {
    const { version, goLine } = cachedXMod();
    const ws = tree({ 'go.mod': `module example.com/gv\n\ngo ${goLine}\n\nrequire golang.org/x/mod ${version}\n`, 'main.go': 'package main\n\nfunc main() {}\n' });
    const goenv = path.join(tree({ env: 'GOFLAGS=-mod=vendor\n' }), 'env');
    const env: NodeJS.ProcessEnv = { ...baseEnv(), GOENV: goenv };
    const go = path.join(GO_DIR, 'go');
    const list = (e: NodeJS.ProcessEnv) => spawnSync(go, ['list', '-m'], { cwd: ws, env: { ...e, GOPROXY: 'off' }, encoding: 'utf8' });
    expect(list(env).stderr).toMatch(/vendor/);
    expect(list({ ...env, GOFLAGS: '' }).status).not.toBe(0);
    const report = await diagnose([ws], env);
    const f = ours(report).find((x) => x.message.includes('makes go build every module from its vendor/ directory'))!;
    expect(f.fixes.map((x) => x.id)).toEqual(['go-env-unset-goflags', 'toolsenv-goflags-no-vendor', 'go-mod-vendor']);
    expect(f.fixes[1]).toMatchObject({ value: { GOFLAGS: ' ' } });
    expect(list({ ...env, GOFLAGS: ' ' }).status).toBe(0);
    spawnSync('bash', ['-c', (f.fixes[0] as { text: string }).text], { env: { ...env, PATH: `${GO_DIR}:${process.env.PATH}` } });
    expect(list(env).status).toBe(0);
  });

  it('GOFLAGS=-mod=vendor without a vendor/ directory: go parses it and fails on the module, which is not this finding (the modules probe names it)', async () => {
    const ws = tree({ 'go.mod': `${MOD('example.com/vend')}\nrequire golang.org/x/mod v0.20.0\n`, 'main.go': 'package main\n\nfunc main() {}\n' });
    const report = await diagnose([ws], { ...baseEnv(), GOFLAGS: '-mod=vendor' });
    expect(ours(report).some((x) => x.message.includes('makes every go command but go env fail'))).toBe(false);
  });

  it('GOFLAGS go accepts (-mod=mod -trimpath): nothing said of it but the usual note', async () => {
    const ws = tree({ 'go.mod': MOD('example.com/okflags'), 'main.go': 'package main\n\nfunc main() {}\n' });
    const report = await diagnose([ws], { ...baseEnv(), GOFLAGS: '-mod=mod -trimpath' });
    expect(ours(report).filter((x) => x.severity === 'error')).toEqual([]);
    expect(ours(report).some((x) => x.message.includes('makes every go command but go env fail'))).toBe(false);
  });

  it('inconsistent vendoring, as go list -m reports it: an error with go mod vendor as the fix', async () => {
    const ws = tree({
      'go.mod': `${MOD('example.com/vend')}\nrequire golang.org/x/text v0.3.0\n`,
      'vendor/modules.txt': '# golang.org/x/text v0.3.0\n',
      'v.go': 'package vend\n',
    });
    const report = await diagnose([ws], baseEnv());
    const f = ours(report).find((x) => x.probeId === 'modules' && x.severity === 'error');
    expect(f?.message).toMatch(/Inconsistent vendoring/);
    expect(f?.evidence[0]!.excerpt).toContain('go: inconsistent vendoring in');
    expect(f?.fixes[0]).toMatchObject({ text: 'go mod vendor', cwd: ws });
  });

  it('a go.mod that needs a newer Go under GOTOOLCHAIN=local: a module-resolution error', async () => {
    const ws = tree({ 'go.mod': MOD('example.com/future', '1.99') });
    const report = await diagnose([ws], { ...baseEnv(), GOTOOLCHAIN: 'local' });
    const f = ours(report).find((x) => x.probeId === 'modules' && x.severity === 'error');
    expect(f?.message).toContain('requires go 1.99');
    expect(f?.message).toContain(`${ws}/go.mod requires go 1.99, newer than the installed go`);
    expect(f?.fixes.map((x) => x.id)).toEqual(['go-mod-lower-go-line', 'install-newer-go', 'toolsenv-gotoolchain-auto']);
  });

  // A tester's GOTOOLCHAIN=go1.22.0 against a go 1.26 module: every go command stops with "go.mod
  // requires go >= 1.26 (running go 1.22.0; GOTOOLCHAIN=go1.22.0)", and the doctor, whose go runs
  // with GOTOOLCHAIN=local, said "no problems found". (No real go here: it would download go1.22.0.)
  it('GOTOOLCHAIN pinned below the module\'s go line: an error titled by the setting; with +auto, or pinned high enough, nothing', async () => {
    const ws = tree({ 'go.mod': MOD('example.com/pinned', '1.26'), 'main.go': 'package main\n\nfunc main() {}\n' });
    const report = await diagnose([ws], { ...baseEnv(), GOTOOLCHAIN: 'go1.22.0' });
    const cause = report.causes.find((c) => c.id === 'env-inheritance');
    expect(cause).toMatchObject({ severity: 'error', title: 'GOTOOLCHAIN makes go run a Go it cannot use here' });
    const f = cause!.findings.find((x) => x.headline === 'toolchain-setting')!;
    expect(f.message).toContain('"go.mod requires go >= 1.26 (running go 1.22.0; GOTOOLCHAIN=go1.22.0)"');
    expect(f.fixes[0]).toMatchObject({ key: 'go.toolsEnvVars', value: { GOTOOLCHAIN: 'local' } });
    for (const ok of ['go1.22.0+auto', 'go1.26.0']) {
      const r = await diagnose([ws], { ...baseEnv(), GOTOOLCHAIN: ok, GOPROXY: 'off' });
      expect(r.causes.flatMap((c) => c.findings).filter((x) => x.headline === 'toolchain-setting' && /older than the go/.test(x.message)), ok).toEqual([]);
    }
  });

  // A tester's old Go first on PATH shadowed a new-enough one installed elsewhere, and the fix said
  // to download Go. A golang.org/dl-style install under ~/sdk (its VERSION file is what is read).
  it('a newer Go installed elsewhere (~/sdk/go1.99.0) that satisfies the go line: named, with go.alternateTools.go first', async () => {
    const home = tree({ 'sdk/go1.99.0/VERSION': 'go1.99.0\ntime 2030-01-01T00:00:00Z\n', 'sdk/go1.99.0/bin/go': '#!/bin/sh\n' });
    const ws = tree({ 'go.mod': MOD('example.com/future2', '1.99') });
    const report = await diagnose([ws], { ...baseEnv(), GOTOOLCHAIN: 'local', HOME: home });
    const f = ours(report).find((x) => x.probeId === 'modules' && x.severity === 'error')!;
    expect(f.message).toContain(`${home}/sdk/go1.99.0/bin/go (go1.99.0) is installed on this machine and is new enough`);
    expect(f.fixes[0]).toMatchObject({ id: 'alternate-tools-go', value: { go: `${home}/sdk/go1.99.0/bin/go` } });
  });

  it('a go.work whose go line needs a newer Go under GOTOOLCHAIN=local: the error names go.work, not the module', async () => {
    const ws = tree({ 'go.work': 'go 1.99\n\nuse ./a\n', 'a/go.mod': MOD('example.com/a', '1.22'), 'a/a.go': 'package a\n' });
    const report = await diagnose([ws], { ...baseEnv(), GOTOOLCHAIN: 'local' });
    const f = ours(report).find((x) => x.probeId === 'modules' && x.severity === 'error');
    // go ran in the module a/ and printed "../go.work": the finding names the file itself.
    expect(f?.message).toMatch(new RegExp(`^${ws}/go\\.work requires go 1\\.99, newer than the installed go 1\\.\\d+`));
    expect(f?.evidence[0]!.excerpt).toContain('go.work requires go >= 1.99');
  });

  // The other way round: the go.work's go line older than a module's. go says "to update it: go
  // work use"; the report had a false go.sum error first and no fix for this.
  it('a go.work whose go line is older than a module\'s: an error naming the go.work, and go work use (offered beside it) makes go build', async () => {
    const ws = tree({ 'go.work': 'go 1.21\n\nuse ./a\n', 'a/go.mod': MOD('example.com/a', '1.24'), 'a/a.go': 'package a\n' });
    const build = () => spawnSync(path.join(GO_DIR, 'go'), ['build', './...'], { cwd: path.join(ws, 'a'), env: { ...baseEnv(), GOTOOLCHAIN: 'local' }, encoding: 'utf8' });
    expect(build().stderr).toContain('listed in go.work file requires go >= 1.24, but go.work lists go 1.21');
    const report = await diagnose([path.join(ws, 'a')], { ...baseEnv(), GOTOOLCHAIN: 'local' });
    const f = ours(report).find((x) => x.probeId === 'modules' && x.severity === 'error');
    expect(f?.message).toContain(`${ws}/go.work says go 1.21, but a module it uses needs go 1.24`);
    const fix = f!.fixes[0] as { id: string; text: string; cwd: string };
    expect(fix).toMatchObject({ id: 'go-work-use-go-line', text: 'go work use', cwd: ws });
    spawnSync('bash', ['-c', fix.text], { cwd: fix.cwd, env: { ...baseEnv(), GOTOOLCHAIN: 'local', PATH: `${GO_DIR}:${process.env.PATH}` } });
    expect(readFileSync(path.join(ws, 'go.work'), 'utf8')).toContain('use ./a');
    expect(build().status).toBe(0);
  });

  // GOTOOLCHAIN naming a version newer than the installed go and not downloaded (here one never
  // released): a module-resolution symptom that nothing explained, with no fix.
  it('GOTOOLCHAIN=go1.99.0, not in the module cache: an env-inheritance warning that explains the load failure, with GOTOOLCHAIN=local; the installed version says nothing', async () => {
    const ws = tree({ 'go.mod': MOD('example.com/tc', '1.22'), 'main.go': 'package main\n\nfunc main() {}\n' });
    const report = await diagnose([ws], { ...baseEnv(), GOTOOLCHAIN: 'go1.99.0' });
    const f = ours(report).find((x) => x.probeId === 'go-env' && x.message.startsWith('GOTOOLCHAIN=go1.99.0'));
    expect(f, JSON.stringify(ours(report).map((x) => x.message))).toMatchObject({ classId: 'env-inheritance', severity: 'warning', explains: ['module-resolution', 'gopls-launch'] });
    expect(f!.message).toContain('not in the module cache');
    expect(f!.fixes[0]).toMatchObject({ id: 'toolsenv-gotoolchain-local', value: { GOTOOLCHAIN: 'local' } });
    const installed = spawnSync(path.join(GO_DIR, 'go'), ['env', 'GOVERSION'], { env: { ...baseEnv(), GOTOOLCHAIN: 'local' }, encoding: 'utf8' }).stdout.trim();
    const same = await diagnose([ws], { ...baseEnv(), GOTOOLCHAIN: installed });
    expect(ours(same).filter((x) => x.message.startsWith('GOTOOLCHAIN='))).toEqual([]);
  });

  // A teammate's go.work naming folders not checked out here, one outside the tree: the fix was
  // `go work use -r .`, which fails on the outside one and leaves go.work as it was.
  it('a go.work using folders with no module, inside and outside its tree: the fix drops exactly those, and go builds', async () => {
    const ws = tree({ 'repo/go.work': 'go 1.22\n\nuse (\n\t./app\n\t./lib\n\t../../elsewhere/shared\n)\n', 'repo/app/go.mod': MOD('example.com/app'), 'repo/app/main.go': 'package main\n\nfunc main() {}\n' });
    const repo = path.join(ws, 'repo');
    const go = path.join(GO_DIR, 'go');
    const build = () => spawnSync(go, ['build', './...'], { cwd: path.join(repo, 'app'), env: baseEnv(), encoding: 'utf8' });
    expect(build().stderr).toContain('listed in go.work file');
    expect(spawnSync('bash', ['-c', 'go work use -r .'], { cwd: repo, env: { ...baseEnv(), PATH: `${GO_DIR}:${process.env.PATH}` } }).status).not.toBe(0);
    const report = await diagnose([path.join(repo, 'app')], baseEnv());
    const f = ours(report).find((x) => x.message.includes('which have no go.mod'));
    expect(f, JSON.stringify(ours(report).map((x) => x.message))).toBeDefined();
    const fix = f!.fixes[0] as { id: string; text: string; cwd: string };
    expect(fix.id).toBe('go-work-drop-missing');
    expect(spawnSync('bash', ['-c', fix.text], { cwd: fix.cwd, env: { ...baseEnv(), PATH: `${GO_DIR}:${process.env.PATH}` }, encoding: 'utf8' }).status).toBe(0);
    expect(readFileSync(path.join(repo, 'go.work'), 'utf8')).not.toMatch(/lib|shared/);
    expect(build().status).toBe(0);
  });

  it('GOTOOLCHAIN=go1.99+path with no go1.99 on PATH: go only searches PATH and fails', async () => {
    const ws = tree({ 'go.mod': MOD('example.com/pathmode', '1.22'), 'p.go': 'package p\n' });
    const report = await diagnose([ws], { ...baseEnv(), GOTOOLCHAIN: 'go1.99+path' });
    // The setting asks for go1.99, not this go 1.22 module: it is named (env-inheritance).
    const f = ours(report).find((x) => x.probeId === 'modules' && x.severity === 'error');
    expect(f?.classId).toBe('env-inheritance');
    expect(f?.message).toContain('GOTOOLCHAIN=go1.99+path makes every go command run go1.99 from the PATH');
    expect(f?.evidence[0]!.excerpt).toContain('go: cannot find "go1.99" in PATH');
    // GOTOOLCHAIN=path and a go.mod asking for go1.99: the module asks, path mode only searches.
    const asks = tree({ 'go.mod': MOD('example.com/pathmode', '1.99'), 'p.go': 'package p\n' });
    const m = ours(await diagnose([asks], { ...baseEnv(), GOTOOLCHAIN: 'path' })).find((x) => x.probeId === 'modules' && x.severity === 'error');
    expect(m?.classId).toBe('module-resolution');
    expect(m?.message).toContain('"path" mode only looks for a go1.99.0 binary on PATH');
  });
});

// GOAMD64 above the CPU's level: real go env, the CPU read from real /proc/cpuinfo files
// (test/fixtures/cpuinfo: a QEMU default virtual CPU, a Ryzen 3800X) under a fixture root.
describe.skipIf(!haveGo || process.arch !== 'x64')('GOAMD64 and the CPU', () => {
  const FIX = path.resolve('test/fixtures/cpuinfo');
  async function withCpu(file: string | undefined, goamd64: string): Promise<Report> {
    const ws = tree({ 'go.mod': MOD('example.com/lvl'), 'main.go': 'package main\n\nfunc main() {}\n' });
    let host = new Host();
    if (file) {
      const root = tree({ 'proc/cpuinfo': readFileSync(path.join(FIX, file), 'utf8') });
      host = new Host({ root });
    }
    return runDoctor({ host, probes: [goEnvProbe], workspaces: [ws], env: { ...baseEnv(), GOAMD64: goamd64 }, timeoutMs: 20_000 });
  }
  const said = (r: Report) => ours(r).filter((f) => f.message.includes('GOAMD64='));
  it.each([
    ['qemu-1.5.3.txt', 'v3', 1, 'ssse3, sse4_1, sse4_2, popcnt, fma, movbe and 6 more'],
    ['qemu-1.5.3.txt', 'v2', 1, 'ssse3, sse4_1, sse4_2, popcnt'],
    ['ryzen-3800x.txt', 'v4', 3, 'avx512f, avx512dq, avx512cd, avx512bw, avx512vl'],
  ])('%s with GOAMD64=%s: a warning naming v%i and what it lacks', async (file, goamd64, level, lacks) => {
    const f = said(await withCpu(file, goamd64));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
    expect(f[0]!.message).toContain(`offers only v${level}: it lacks ${lacks}`);
    expect(f[0]!.message).toContain(`"This program can only be run on AMD64 processors with ${goamd64} microarchitecture support."`);
  });
  it.each([
    ['ryzen-3800x.txt', 'v3'],
    ['qemu-1.5.3.txt', 'v1'],
    [undefined, 'v2'],
  ])('%s with GOAMD64=%s: nothing (the CPU has it)', async (file, goamd64) => {
    expect(said(await withCpu(file, goamd64))).toEqual([]);
  });
});

// A copy of the go binary outside its installation (cp instead of ln -s into ~/bin, a Dockerfile's
// COPY of go alone): release builds are trimmed and find GOROOT only from where the binary lies.
// The report said "GOROOT points at 'go' binary is trimmed and GOROOT is not set, which does not exist".
describe.skipIf(!haveGo)('a copied go binary', () => {
  it('names the copy, and the link it offers makes go work', async () => {
    const dir = tree({});
    const copy = path.join(dir, 'bin', 'go');
    mkdirSync(path.dirname(copy));
    copyFileSync(path.join(GO_DIR, 'go'), copy);
    chmodSync(copy, 0o755);
    const env = { ...baseEnv(), PATH: `${path.dirname(copy)}:/usr/bin:/bin` };
    const before = spawnSync(copy, ['env', 'GOROOT'], { env, encoding: 'utf8' });
    expect(before.stderr).toContain("cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set");
    const ws = tree({ 'go.mod': MOD('example.com/copy'), 'main.go': 'package main\n\nfunc main() {}\n' });
    const report = await diagnose([ws], env);
    const f = ours(report).find((x) => x.probeId === 'go-env' && x.severity === 'error');
    expect(f?.message).toContain('is a copy of the go binary, away from the Go installation it came from');
    expect(f?.message).not.toContain('GOROOT points at');
    const cause = report.causes.find((c) => c.findings.includes(f!))!;
    const link = cause.fixes.find((x) => x.id === 'go-copy-to-link');
    expect(link).toMatchObject({ kind: 'terminal', text: `ln -sf ${path.join(GO_DIR, 'go')} ${copy}` });
    expect(cause.fixes.find((x) => x.id === 'toolsenv-goroot-copy')).toMatchObject({ value: { GOROOT: path.dirname(GO_DIR) } });
    // What the person would type, typed.
    expect(spawnSync('bash', ['-c', (link as { text: string }).text], { encoding: 'utf8' }).status).toBe(0);
    expect(spawnSync(copy, ['env', 'GOROOT'], { env, encoding: 'utf8' }).stdout.trim()).toBe(path.dirname(GO_DIR));
  });

  // A tester's: an image's stale ENV GOROOT pointing at an older toolchain that a switch once put in
  // the module cache. Every build failed ("compile: version "go1.24.0" does not match go tool version")
  // and the report said nothing: a GOROOT there was taken for a toolchain switch.
  it('GOROOT exported at an older Go tree inside the module cache: an error naming the two versions, with go.goroot', async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'ged-stale-goroot-'));
    const old = path.join(cache, 'golang.org', 'toolchain@v0.0.1-go1.24.0.linux-amd64');
    for (const d of ['runtime', 'fmt', 'os', 'io', 'errors', 'strings', 'sync', 'context']) mkdirSync(path.join(old, 'src', d), { recursive: true });
    mkdirSync(path.join(old, 'pkg', 'tool', 'linux_amd64'), { recursive: true });
    for (const t of ['compile', 'link', 'asm']) writeFileSync(path.join(old, 'pkg', 'tool', 'linux_amd64', t), '');
    writeFileSync(path.join(old, 'VERSION'), 'go1.24.0\ntime 2025-02-10T00:00:00Z\n');
    const ws = tree({ 'go.mod': MOD('example.com/stale'), 'main.go': 'package main\n\nfunc main() {}\n' });
    const report = await diagnose([ws], { ...baseEnv(), GOROOT: old, GOMODCACHE: cache });
    const f = ours(report).find((x) => x.message.startsWith(`The environment sets GOROOT=${old}`));
    expect(f, JSON.stringify(ours(report).map((x) => x.message))).toMatchObject({ classId: 'env-inheritance', severity: 'error' });
    expect(f!.message).toContain('that GOROOT holds go1.24.0');
    expect(f!.fixes.map((x) => x.id)).toContain('go-goroot-setting');
  });

  // A tester's: GOWORK=off over a go.work that is there got "go work init && go work use -r .",
  // which fails ("go.work already exists"); from the go env file it went unseen.
  it('GOWORK=off hiding a go.work over two modules: unset GOWORK, from the environment or from the go env file', async () => {
    const ws = tree({ 'go.work': 'go 1.22\n\nuse (\n\t./a\n\t./b\n)\n', 'a/go.mod': MOD('example.com/a'), 'a/a.go': 'package a\n', 'b/go.mod': MOD('example.com/b'), 'b/b.go': 'package b\n' });
    const fromEnv = ours(await diagnose([ws], { ...baseEnv(), GOWORK: 'off' })).find((f) => f.message.includes('makes go and gopls ignore'));
    expect(fromEnv?.message).toContain(`GOWORK=off (from the environment) makes go and gopls ignore ${path.join(ws, 'go.work')}`);
    expect(fromEnv!.fixes.map((x) => x.id)).toEqual(['toolsenv-gowork-auto']);
    const goenv = path.join(ws, 'goenv');
    writeFileSync(goenv, 'GOWORK=off\n');
    const env: NodeJS.ProcessEnv = { ...baseEnv(), GOENV: goenv };
    const fromFile = ours(await diagnose([ws], env)).find((f) => f.message.includes('makes go and gopls ignore'));
    expect(fromFile?.message).toContain(`GOWORK=off (from your go env file (${goenv}))`);
    // go env -u refuses GOWORK ("go: GOWORK cannot be modified"): the line goes from the file.
    const fix = fromFile!.fixes.find((x) => x.id === 'go-env-file-drop-gowork') as { text: string } | undefined;
    expect(fix?.text).toBe(`sed -i '/^GOWORK=/d' ${goenv}`);
    expect(spawnSync('sh', ['-c', fix!.text], { cwd: ws, env: { ...env, PATH: `${GO_DIR}:${env.PATH ?? '/usr/bin:/bin'}` }, encoding: 'utf8' }).stderr).toBe('');
    expect(spawnSync(path.join(GO_DIR, 'go'), ['env', 'GOWORK'], { cwd: ws, env, encoding: 'utf8' }).stdout.trim()).toBe(path.join(ws, 'go.work'));
  });

  // A tester's CI image: go on PATH is a script that execs the real go; go build works through it,
  // and the report warned that the binary is not inside its GOROOT (exit 1).
  it('a go on PATH that is a script exec-ing the real go: no "not inside its GOROOT" warning', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'ged-go-shim-'));
    writeFileSync(path.join(bin, 'go'), `#!/bin/sh\nexec ${path.join(GO_DIR, 'go')} "$@"\n`, { mode: 0o755 });
    const ws = tree({ 'go.mod': MOD('example.com/shim'), 'main.go': 'package main\n\nfunc main() {}\n' });
    const report = await diagnose([ws], { ...baseEnv(), PATH: `${bin}:/usr/bin:/bin` });
    expect(report.probes.find((p) => p.id === 'go-env')!.observed).toMatchObject({ goBinary: path.join(bin, 'go') });
    expect(ours(report).map((f) => f.message).join('\n')).not.toContain('is not inside its GOROOT');
  });

  // go env -changed never lists GOPATH: a report said "every Go setting has its default" beside an
  // exported one (a tester's).
  it('an exported GOPATH is in the changed section, which go env -changed leaves it out of', async () => {
    const gopath = mkdtempSync(path.join(os.tmpdir(), 'ged-changed-gopath-'));
    const ws = tree({ 'go.mod': MOD('example.com/changed'), 'main.go': 'package main\n\nfunc main() {}\n' });
    const env = { ...baseEnv(), GOPATH: gopath };
    expect(spawnSync(path.join(GO_DIR, 'go'), ['env', '-changed'], { env, encoding: 'utf8' }).stdout).not.toContain('GOPATH');
    const report = await runDoctor({ host: new Host(), probes: [goEnvChangedProbe], workspaces: [ws], env, timeoutMs: 20_000 });
    expect(report.goEnvChanged).toMatchObject({ GOPATH: gopath });
  });
});

