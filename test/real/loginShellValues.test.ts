// The editor's environment against the login shell's, through the real CLI, a real bash reading a
// throwaway HOME's start-up files, and the real go. A desktop session's editor has what ~/.profile
// exported at login; the doctor's login shell reads the files as they are now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOnce, CLI, GO, GOPLS } from './support.js';
import { gorootVersionMismatch } from '../../src/probes/loginValueWorks.js';
import { namedVarsShared } from '../../src/probes/sameInLoginShell.js';

interface Finding { message: string; headline?: string; evidence: Array<{ source: string; excerpt: string }>; fixes: Array<{ id: string; kind: string; text?: string; key?: string; value?: unknown }> }
interface Report { causes: Array<{ id: string; severity: string; title: string; findings: Finding[] }> }

let tmp: string;
let module_: string;
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'login-values-'));
  module_ = path.join(tmp, 'mod');
  mkdirSync(module_);
  writeFileSync(path.join(module_, 'go.mod'), 'module example.com/mod\n\ngo 1.22\n');
  writeFileSync(path.join(module_, 'main.go'), 'package main\n\nfunc main() {}\n');
  await buildOnce();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A HOME of its own with these start-up files, and the environment a desktop launcher gives: no GO* variables. */
function home(name: string, files: Record<string, string>): string {
  const h = path.join(tmp, name);
  mkdirSync(h, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(h, f), text);
  return h;
}

function diagnose(homeDir: string, editorPath: string, extra: NodeJS.ProcessEnv = {}): { code: number | null; report: Report } {
  const env: NodeJS.ProcessEnv = { HOME: homeDir, SHELL: '/bin/bash', USER: os.userInfo().username, LANG: 'C.UTF-8', PATH: editorPath, GOTOOLCHAIN: 'local', ...extra };
  const r = spawnSync(process.execPath, [CLI, 'diagnose', '--json', '--no-cache', '--workspace', module_, '--gopls', GOPLS, '--timeout-ms', '30000'], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, report: JSON.parse(r.stdout) as Report };
}

const findings = (r: Report) => r.causes.flatMap((c) => c.findings);

describe.skipIf(!GO)('a broken value in the login shell is not copied into the editor', () => {
  const goDir = () => path.dirname(GO!);

  // A tester's ~/.profile exported a GOROOT that was gone and GOFLAGS=-mod=vendr; the editor had
  // neither and worked, and the fix offered go.toolsEnvVars with both values.
  it('GOROOT that does not exist and a GOFLAGS go rejects: named at their line in ~/.profile, never offered as go.toolsEnvVars', () => {
    const gone = path.join(tmp, 'no-such-goroot');
    const h = home('broken-values', { '.profile': `export GOROOT=${gone}\nexport GOFLAGS=-mod=vendr\n` });
    // What go says with them, in this module: both fail (the premise of the case).
    const go = (e: NodeJS.ProcessEnv) => spawnSync(GO!, ['list', '-e', '-find', '-f', '{{.ImportPath}}', 'unsafe'], { cwd: module_, env: { ...process.env, GOTOOLCHAIN: 'local', ...e }, encoding: 'utf8' });
    expect(go({ GOROOT: gone }).stderr).toContain('cannot find GOROOT directory');
    expect(go({ GOFLAGS: '-mod=vendr' }).stderr).toContain('-mod=vendr not supported');

    const { report } = diagnose(h, `${goDir()}:/usr/bin:/bin`);
    const all = findings(report);
    expect(JSON.stringify(all.flatMap((f) => f.fixes))).not.toMatch(/no-such-goroot"|-mod=vendr"/);
    for (const [name, line] of [['GOROOT', 1], ['GOFLAGS', 2]] as const) {
      const f = all.find((x) => x.message.startsWith(`Your login shell sets ${name}=`));
      expect(f, JSON.stringify(all.map((x) => x.message))).toBeDefined();
      expect(f!.headline).toBe('login-shell-value');
      expect(f!.message).toContain(`~/.profile (line ${line})`);
      expect(f!.evidence[0]).toMatchObject({ source: `${path.join(h, '.profile')}:${line}` });
      expect(f!.fixes[0]).toMatchObject({ kind: 'terminal', text: `sed -i '${line}{/${name}/d}' ${path.join(h, '.profile')}` });
    }
  });

  it('a GOPATH the shell sets that works is still offered to the editor', () => {
    const gp = path.join(tmp, 'gp-ok');
    mkdirSync(gp, { recursive: true });
    const h = home('good-gopath', { '.profile': `export GOPATH=${gp}\n` });
    const f = findings(diagnose(h, `${goDir()}:/usr/bin:/bin`).report).find((x) => x.message.startsWith('GOPATH differs'));
    expect(f?.fixes[0]).toMatchObject({ key: 'go.toolsEnvVars', value: { GOPATH: gp } });
  });
});

describe.skipIf(!GO)('go on PATH only through ~/.bashrc', () => {
  // A terminal's bash (interactive, not login) reads ~/.bashrc; the login environment the desktop
  // session is built from does not. The report said "a terminal's go fails the same way" and
  // pointed the editor at another Go than the user's.
  it('says terminals find it and the desktop session does not, and points at the Go the user set up', () => {
    const mine = path.join(tmp, 'my-sdk', 'bin');
    mkdirSync(mine, { recursive: true });
    symlinkSync(GO!, path.join(mine, 'go'));
    const h = home('bashrc-only', { '.bashrc': `export PATH="${mine}:$PATH"\n` });
    // The premise, with the real bash: a terminal's shell finds it, a login shell does not.
    const env = { HOME: h, PATH: '/usr/bin:/bin', TERM: 'dumb' };
    expect(spawnSync('bash', ['-i', '-c', 'command -v go'], { env, encoding: 'utf8' }).stdout.trim()).toBe(path.join(mine, 'go'));
    expect(spawnSync('bash', ['-l', '-i', '-c', 'command -v go'], { env, encoding: 'utf8' }).status).not.toBe(0);

    const { report } = diagnose(h, `/usr/bin:/bin:${path.dirname(GOPLS)}`);
    const f = findings(report).find((x) => x.message.startsWith("go is not on the editor's PATH"));
    expect(f, JSON.stringify(findings(report).map((x) => x.message))).toBeDefined();
    expect(f!.headline).toBeUndefined();
    expect(f!.message).toContain(`Terminals do find it, at ${path.join(mine, 'go')}`);
    expect(f!.message).toContain('line 1 puts');
    expect(f!.evidence).toContainEqual({ source: `${path.join(h, '.bashrc')}:1`, excerpt: `export PATH="${mine}:$PATH"` });
    expect(f!.fixes.map((x) => x.id)).toContain('profile-sources-bashrc');
    expect(f!.fixes.find((x) => x.key === 'go.alternateTools')).toMatchObject({ value: { go: path.join(mine, 'go') } });
    expect(report.causes.map((c) => c.title).join('\n')).not.toContain('in terminals as in the editor');
  });
});

describe.skipIf(!GO)('the export already in ~/.profile', () => {
  // The fix appended a second copy of the very line the login shell had found go through.
  it('is named with its line, and no fix appends it again', () => {
    const mine = path.join(tmp, 'profile-sdk', 'bin');
    mkdirSync(mine, { recursive: true });
    symlinkSync(GO!, path.join(mine, 'go'));
    const h = home('in-profile', { '.profile': `export PATH="${mine}:$PATH"\n` });
    const { report } = diagnose(h, `/usr/bin:/bin:${path.dirname(GOPLS)}`);
    const all = findings(report);
    const f = all.find((x) => x.message.startsWith("go is not on the editor's PATH"));
    expect(f, JSON.stringify(all.map((x) => x.message))).toBeDefined();
    expect(f!.message).toContain('~/.profile already puts it on PATH (line 1)');
    expect(f!.evidence).toContainEqual({ source: `${path.join(h, '.profile')}:1`, excerpt: `export PATH="${mine}:$PATH"` });
    expect(JSON.stringify(all.flatMap((x) => x.fixes))).not.toContain('>> ~/.profile');
  });
});

describe.skipIf(!GO)('a Go value that fails in terminals too', () => {
  // Titled "The editor does not see the environment your shell sees" and given no fix, though the
  // value was the same in the login shell (a tester's GOROOT, relative GOPATH, go env -w GOFLAGS).
  const goPath = () => `${path.dirname(GO!)}:/usr/bin:/bin`;
  const cause = (r: Report, start: string) => r.causes.find((c) => c.findings.some((f) => f.message.startsWith(start)));

  it('a GOROOT that does not exist, inherited by the editor and the shell alike: where it is set, and a fix', () => {
    const gone = path.join(tmp, 'gone-goroot');
    const { report } = diagnose(home('inherited-goroot', {}), goPath(), { GOROOT: gone });
    const c = cause(report, `GOROOT points at ${gone}`);
    expect(c?.title).toBe('The Go environment is wrong here, in terminals as in the editor');
    const f = c!.findings.find((x) => x.message.startsWith(`GOROOT points at ${gone}`))!;
    expect(f.message).toContain('none of your shell start-up files sets it');
    expect(f.fixes[0]).toMatchObject({ key: 'go.toolsEnvVars', value: { GOROOT: '' } });
  });

  it('a relative GOPATH exported in ~/.profile: its line, and the line\'s removal', () => {
    const h = home('relative-gopath', { '.profile': 'export GOPATH=relgp\n' });
    const { report } = diagnose(h, goPath(), { GOPATH: 'relgp' });
    const c = cause(report, 'GOPATH holds a relative entry');
    expect(c?.title).toBe('The Go environment is wrong here, in terminals as in the editor');
    const f = c!.findings.find((x) => x.message.startsWith('GOPATH holds a relative entry'))!;
    expect(f.message).toContain('~/.profile (line 1)');
    expect(f.fixes[0]).toMatchObject({ kind: 'terminal', text: `sed -i '1{/GOPATH/d}' ${path.join(h, '.profile')}` });
  });

  it("GOFLAGS from the go env file: titled by go's refusal, told as failing in terminals too, and go env -u", () => {
    const h = home('goenv-file', {});
    mkdirSync(path.join(h, '.config', 'go'), { recursive: true });
    writeFileSync(path.join(h, '.config', 'go', 'env'), 'GOFLAGS=-bogus\n');
    const { report } = diagnose(h, goPath());
    const c = cause(report, 'GOFLAGS=-bogus');
    expect(c?.title).toBe('go refuses GOFLAGS (-bogus): "go: parsing $GOFLAGS: unknown flag -bogus"');
    expect(JSON.stringify(c!.findings.flatMap((f) => f.fixes))).toContain('go env -u GOFLAGS');
  });
});

/** Another Go release on this machine: a toolchain go downloaded into the module cache, if any. */
function otherGo(): string | undefined {
  if (!GO) return undefined;
  const cache = spawnSync(GO, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout.trim();
  const dir = cache && path.join(cache, 'golang.org');
  const mine = spawnSync(GO, ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim();
  const found = dir && existsSync(dir) ? readdirSync(dir).filter((d) => /^toolchain@v0\.0\.1-go[\d.]+\.linux-amd64$/.test(d) && !d.includes(`-${mine}.`)) : [];
  const go = found[0] ? path.join(dir, found[0], 'bin', 'go') : undefined;
  return go && existsSync(go) ? go : undefined;
}

describe.skipIf(!otherGo())('the editor and a terminal run different Go releases', () => {
  // A tester's editor PATH put an old go1.22.12 first while the login shell's go was go1.26.8;
  // the login-shell check said ok, and the module's fix pointed at a third Go.
  it('is said with both paths and versions, and the fixes point at the terminal\'s go', () => {
    const old = otherGo()!;
    const mine = path.join(tmp, 'terminal-sdk', 'bin');
    mkdirSync(mine, { recursive: true });
    symlinkSync(GO!, path.join(mine, 'go'));
    const h = home('two-gos', { '.profile': `export PATH="${mine}:$PATH"\n` });
    const oldV = spawnSync(old, ['env', 'GOVERSION'], { env: { ...process.env, GOTOOLCHAIN: 'local' }, encoding: 'utf8' }).stdout.trim();
    const newV = spawnSync(GO!, ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim();
    const { report } = diagnose(h, `${path.dirname(old)}:/usr/bin:/bin`);
    const f = findings(report).find((x) => x.message.startsWith('The editor runs'));
    expect(f, JSON.stringify(findings(report).map((x) => x.message))).toBeDefined();
    expect(f!.message).toContain(`The editor runs ${old} (${oldV}), and a terminal runs ${path.join(mine, 'go')} (${newV})`);
    expect(f!.fixes[0]).toMatchObject({ key: 'go.alternateTools', value: { go: path.join(mine, 'go') } });
  });
});

describe('a GOROOT of another release', () => {
  // `GOROOT=…/go1.22.12 go build` with go1.26.8: compile: version "go1.22.12" does not match go tool version "go1.26.8".
  it.each([
    ['go1.22.12', 'go1.26.8', true],
    ['go1.26.8', 'go1.26.8', false],
    ['go1.26.8\n', 'go1.26.8 X:nocoverageredesign', false],
    ['go1.22.12', undefined, false],
  ])('%s beside the editor go %s: mismatch %s', (root, editor, want) => {
    expect(gorootVersionMismatch(root, editor)).toBe(want);
  });
});

describe('a finding about named Go variables, each the same in the login shell', () => {
  const same = new Set(['GOROOT', 'GOPATH', 'HOME']);
  it.each([
    ['GOROOT points at /x/oldgo, which does not exist: every go command fails.', true],
    ['GOPATH and GOROOT are the same directory (/usr/local/go)', true],
    ['GOFLAGS=-bogus (from your go env file …) makes every go command but go env fail here', false],
    ["go is not on the editor's PATH: the Go extension and gopls both need it.", false],
  ])('%s → %s', (message, want) => {
    expect(namedVarsShared(message, same)).toBe(want);
  });
});
