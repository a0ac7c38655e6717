import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { Host } from '../../../src/host/host.js';
import { loginShellProbe } from '../../../src/probes/loginShell.js';
import { readLoginShellEnv } from '../../../src/facts/readLoginShellEnv.js';
import { binDir, makeCtx, runProbe, tempDir, tree } from './ctx.js';

const flatpakHost = () => new Host({ root: 'test/fixtures/hosts/flatpak-code', pid: 2, uid: 1000 });
const snapHost = () => new Host({ root: 'test/fixtures/hosts/snap-code', pid: 2, uid: 1000 });
const LOGIN_CMD = "/bin/bash -l -i -c '<print env>'";

describe('login-shell probe: sandboxes', () => {
  it('a Flatpak editor without go is an error that names the app from /.flatpak-info', async () => {
    const r = await runProbe(loginShellProbe, makeCtx({ host: flatpakHost(), env: { PATH: `${tempDir('app-bin')}`, FLATPAK_ID: 'com.visualstudio.code' } }));
    const f = r.findings.find((x) => x.severity === 'error')!;
    expect(f.classId).toBe('env-inheritance');
    expect(f.message).toMatch(/Flatpak sandbox \(com\.visualstudio\.code\)/);
    expect(f.explains).toEqual(['gopls-launch']);
    const info = f.evidence.find((e) => e.source === '/.flatpak-info')!;
    expect(info.excerpt).toContain('name=com.visualstudio.code');
    expect(info.excerpt).toContain('runtime=runtime/org.freedesktop.Sdk/x86_64/21.08');
    expect(f.fixes.map((x) => x.id)).toEqual(['flatpak-go-docs', 'flatpak-install-go-sdk', 'install-native-editor']);
    expect(f.fixes[0]).toMatchObject({ kind: 'link' });
    expect(r.observed).toMatchObject({ flatpak: { app: 'com.visualstudio.code' } });
  });

  it('the Flatpak file alone is enough (no FLATPAK_ID), and the go of the SDK extension is only an info', async () => {
    const sdkLike = binDir('sdk', 'go');
    const r = await runProbe(loginShellProbe, makeCtx({ host: flatpakHost(), env: { PATH: sdkLike } }));
    // Our stand-in is not under /usr/lib/sdk, so it is the odd case: a warning.
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(r.findings[0]!.message).toContain(path.join(sdkLike, 'go'));
  });

  it('without /.flatpak-info or FLATPAK_ID nothing is said about Flatpak', async () => {
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: binDir('bin', 'go') } }));
    expect(r.findings).toEqual([]);
    expect(r.observed).not.toHaveProperty('flatpak');
  });

  it('a Snap editor (exe under /snap and SNAP variables) without go is an error', async () => {
    const env = { PATH: tempDir('snapbin'), SNAP: '/snap/code/156', SNAP_NAME: 'code', SNAP_REVISION: '156' };
    const r = await runProbe(loginShellProbe, makeCtx({ host: snapHost(), env }));
    const f = r.findings.find((x) => x.severity === 'error')!;
    expect(f.message).toMatch(/runs as a Snap \(code\)/);
    expect(f.evidence).toContainEqual({ source: '/proc/self/exe', excerpt: '/snap/code/156/usr/share/code/code' });
    expect(f.evidence).toContainEqual({ source: 'environment', excerpt: 'SNAP=/snap/code/156\nSNAP_NAME=code\nSNAP_REVISION=156' });
  });

  it('the exe path alone marks a Snap; with go visible it is only an info', async () => {
    const r = await runProbe(loginShellProbe, makeCtx({ host: snapHost(), env: { PATH: binDir('bin', 'go') } }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'info' });
  });

  it('LD_PRELOAD / GTK_PATH that the login shell does not set are a warning; ones it sets itself are not', async () => {
    const env = { PATH: binDir('bin', 'go'), LD_PRELOAD: '/usr/lib/libgtk3-nocsd.so.0', GTK_PATH: '/snap/code/156/usr/lib/gtk-3.0', LD_LIBRARY_PATH: '/opt/cuda/lib64' };
    const loginShell = { ok: true as const, shell: '/bin/bash', env: { PATH: env.PATH, LD_LIBRARY_PATH: '/opt/cuda/lib64' }, commandLine: LOGIN_CMD };
    const r = await runProbe(loginShellProbe, makeCtx({ env, loginShell }));
    const f = r.findings.find((x) => x.severity === 'warning')!;
    expect(f.message).toMatch(/^LD_PRELOAD, GTK_PATH are set/);
    expect(f.evidence[0]!.excerpt).not.toContain('LD_LIBRARY_PATH');
    expect(f.fixes[0]).toMatchObject({ key: 'go.toolsEnvVars', value: { LD_PRELOAD: '', GTK_PATH: '' }, merge: true });
  });
});

describe('login-shell probe: what it waits for', () => {
  // The gopls location waits for `go env`; on a cached login shell the probe would otherwise sit
  // on the verdict's path for it. It decides something only when the login shell has a gopls.
  const counted = (loginPath: string) => {
    const editorBin = tempDir('editor-bin');
    const loginShell = { ok: true as const, shell: '/bin/bash', env: { PATH: loginPath, HOME: '/home/u' }, commandLine: LOGIN_CMD };
    const ctx = makeCtx({ env: { PATH: editorBin, HOME: '/home/u' }, loginShell, gopls: { looked: [] } });
    let asked = 0;
    const located = ctx.facts.goplsLocation;
    ctx.facts.goplsLocation = () => {
      asked++;
      return located();
    };
    return { ctx, asked: () => asked };
  };

  it('without a gopls on the login PATH it never asks where the editor finds gopls', async () => {
    const c = counted(binDir('goroot-bin', 'go'));
    const r = await runProbe(loginShellProbe, c.ctx);
    expect(c.asked()).toBe(0);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([expect.stringMatching(/^go is found by your login shell/)]);
    expect(r.observed).toMatchObject({ goplsInLogin: null, goplsInEditor: expect.stringMatching(/^not looked up/) });
  });

  it('with one, it asks, and a gopls the editor cannot find is an error', async () => {
    const c = counted(binDir('gopath-bin', 'gopls'));
    const r = await runProbe(loginShellProbe, c.ctx);
    expect(c.asked()).toBe(1);
    expect(r.findings.some((f) => f.severity === 'error' && /^gopls is found by your login shell/.test(f.message))).toBe(true);
  });
});

describe('login-shell probe: editor vs login shell', () => {
  it('go and gopls on the login PATH only: two errors that name the directory and explain gopls-launch', async () => {
    const editorBin = tempDir('editor-bin');
    const goBin = binDir('goroot-bin', 'go');
    const toolsBin = binDir('gopath-bin', 'gopls');
    const loginShell = { ok: true as const, shell: '/bin/bash', env: { PATH: `${editorBin}:${goBin}:${toolsBin}`, HOME: '/home/u' }, commandLine: LOGIN_CMD };
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: editorBin, HOME: '/home/u' }, loginShell, gopls: { looked: [] } }));
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(2);
    const [go, gopls] = errors;
    expect(go!.message).toContain(`go is found by your login shell in ${goBin} but not by the editor`);
    expect(gopls!.message).toContain(`gopls is found by your login shell in ${toolsBin}`);
    for (const f of errors) {
      expect(f.explains).toEqual(['gopls-launch']);
      expect(f.confidence).toBeGreaterThanOrEqual(0.85);
      expect(f.evidence[0]!.source).toBe(LOGIN_CMD);
      expect(f.fixes[0]).toMatchObject({ id: 'login-path-to-profile', kind: 'terminal', needsRoot: false });
    }
    expect(gopls!.fixes[1]).toMatchObject({ key: 'go.alternateTools', value: { gopls: path.join(toolsBin, 'gopls') } });
    expect(r.observed).toMatchObject({ dirsOnlyInLoginPATH: [goBin, toolsBin] });
  });

  it('gopls found by the Go extension outside PATH (GOPATH/bin) is no error', async () => {
    const goBin = binDir('bin', 'go');
    const toolsBin = binDir('gopath-bin', 'gopls');
    const loginShell = { ok: true as const, shell: '/bin/bash', env: { PATH: `${goBin}:${toolsBin}` }, commandLine: LOGIN_CMD };
    const gopls = { found: { source: 'GOPATH/bin' as const, path: path.join(toolsBin, 'gopls'), exists: true, executable: true }, looked: [] };
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: goBin }, loginShell, gopls }));
    expect(r.findings).toEqual([]);
  });

  // A tester's: --gopls naming a copy on a noexec mount, the PATH's gopls in a directory the
  // editor's PATH holds too. The launch probe says why that gopls fails; nothing is missing here.
  it('a gopls the editor has but cannot execute (go.alternateTools, --gopls) is no PATH the editor lacks', async () => {
    const goBin = binDir('bin', 'go');
    const toolsBin = binDir('gopath-bin', 'gopls');
    const loginShell = { ok: true as const, shell: '/bin/bash', env: { PATH: `${goBin}:${toolsBin}` }, commandLine: LOGIN_CMD };
    const gopls = { found: { source: 'go.alternateTools' as const, path: '/mnt/noexec/gopls', exists: true, executable: false }, looked: [] };
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: goBin }, loginShell, gopls }));
    expect(r.findings.filter((f) => /is found by your login shell/.test(f.message))).toEqual([]);
  });

  it("a directory on the editor's own PATH is never one its PATH lacks", async () => {
    const goBin = binDir('bin', 'go');
    const toolsBin = binDir('gopath-bin', 'gopls');
    const loginShell = { ok: true as const, shell: '/bin/bash', env: { PATH: `${goBin}:${toolsBin}` }, commandLine: LOGIN_CMD };
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: `${goBin}:${toolsBin}` }, loginShell, gopls: { looked: [] } }));
    expect(r.findings.filter((f) => /its PATH lacks/.test(f.message))).toEqual([]);
  });

  it('GO* differences are warnings; an unset GOPATH against the default $HOME/go is none', async () => {
    const goBin = binDir('bin', 'go');
    const env = { PATH: goBin, HOME: '/home/u', GOPROXY: 'off' };
    const loginShell = { ok: true as const, shell: '/bin/zsh', env: { PATH: goBin, HOME: '/home/u', GOPATH: '/home/u/go', GOFLAGS: '-mod=mod' }, commandLine: '/bin/zsh -l -i -c' };
    const r = await runProbe(loginShellProbe, makeCtx({ env, loginShell }));
    expect(r.findings.map((f) => f.message.split(' ')[0])).toEqual(['GOFLAGS', 'GOPROXY']);
    expect(r.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(r.findings[0]!.fixes[0]).toMatchObject({ id: 'toolsenv-goflags-from-login', value: { GOFLAGS: '-mod=mod' } });
  });

  it.each([
    ['/bin/zsh', { '.zshrc': 'alias g=go\nexport GOFLAGS=-mod=mod\n' }, ['.zshrc:2']],
    ['/bin/bash', { '.profile': 'export GOFLAGS="-mod=mod"\n', '.bashrc': '\nGOFLAGS=-mod=mod\n' }, ['.profile:1', '.bashrc:2']],
    ['/usr/bin/fish', { '.config/fish/config.fish': 'set -gx GOFLAGS -mod=mod\n' }, ['.config/fish/config.fish:1']],
    ['/bin/bash', { '.profile': 'export EDITOR=vi\n' }, []],
  ])('a GO* difference names the %s start-up file lines that set it', async (shell, files, sites) => {
    const goBin = binDir('bin', 'go');
    const home = tree(tempDir('home'), files);
    const loginShell = { ok: true as const, shell, env: { PATH: goBin, HOME: home, GOFLAGS: '-mod=mod' }, commandLine: `${shell} -l -c` };
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: goBin, HOME: home }, loginShell }));
    const f = r.findings.find((x) => x.message.startsWith('GOFLAGS differs'))!;
    expect(f.evidence.map((e) => e.source).filter((x) => x.startsWith(home))).toEqual(sites.map((x) => path.join(home, x)));
    for (const x of sites) expect(f.message).toContain(`~/${x.replace(/:(\d+)$/, ' (line $1)')}`);
    if (!sites.length) expect(f.message).not.toContain('start-up files set it');
  });

  it('observed holds PATH and GO* values only, never the rest of the login environment', async () => {
    const goBin = binDir('bin', 'go');
    const loginShell = { ok: true as const, shell: '/bin/bash', env: { PATH: goBin, GITHUB_TOKEN: 'ghp_abcdefabcdefabcdefabcdefabcdefabcdef', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI', GOPATH: '/g', GO_ENV_DOCTOR_PROBE: '123.abc' }, commandLine: LOGIN_CMD };
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: goBin, GOPATH: '/g' }, loginShell }));
    expect(r.findings).toEqual([]);
    const text = JSON.stringify(r.observed);
    expect(text).not.toContain('ghp_');
    expect(text).not.toContain('wJalrXUtnFEMI');
    expect(r.observed).toMatchObject({ loginGoVars: { GOPATH: '/g' }, loginPATH: goBin });
    expect(r.observed).not.toHaveProperty('loginGoVars.GO_ENV_DOCTOR_PROBE');
  });

  it('a login shell still running at the deadline is recorded, not a finding, and the probe says it compared nothing', async () => {
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: binDir('bin', 'go') }, loginShell: { ok: false, shell: '/bin/bash', reason: 'did not finish within 3000 ms', ended: { how: 'timeout' } } }));
    expect(r.findings).toEqual([]);
    expect(r.observed).toMatchObject({ loginShell: { ok: false, reason: 'did not finish within 3000 ms' } });
    // A bare "ok" read as "the editor has what the login shell has" (a tester's hung ~/.profile).
    expect(r.status).toBe('skipped');
    expect(r.reason).toContain('did not finish within 3000 ms');
  });

  it.each([
    ['bash', '.bashrc', 'export FOO=1\n[ -x /usr/bin/zsh ] && exec /usr/bin/zsh\n', 2, 'BASH_EXECUTION_STRING'],
    ['zsh', '.zshrc', 'if [ -t 1 ]; then\n  exec tmux new -A\nfi\n', 2, 'ZSH_EXECUTION_STRING'],
    ['bash', '.profile', 'PATH=$PATH:/opt/x\nexit 0\n', 2, 'BASH_EXECUTION_STRING'],
  ])('a %s login shell that a start-up file ends (%s) is a warning that quotes the line', async (shellName, file, text, line, guard) => {
    const home = tree(tempDir('home'), { [file]: text });
    const loginShell = { ok: false as const, shell: `/bin/${shellName}`, reason: `/bin/${shellName} -l -i -c '<print env>' did not print an environment (exit 0)`, ended: { how: 'no-env' as const, exit: '0' } };
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: binDir('bin', 'go'), HOME: home }, loginShell }));
    const f = r.findings.find((x) => x.message.includes('without running the command'))!;
    expect(f).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
    expect(f.message).toContain(`~/${file} line ${line}`);
    expect(f.message).toContain(guard);
    expect(f.evidence).toContainEqual({ source: `${path.join(home, file)}:${line}`, excerpt: text.split('\n')[line - 1]!.trim() });
    expect(r.reason).toContain('did not print an environment');
  });

  // A tester's `set -u` then an unset variable: sh -l stops there; the finding said "a start-up
  // file ran exit or exec" and named nothing. The shell's own error line is what says where.
  it.each([
    ['/bin/sh', 'set -u\necho "$UNDEFINED_THING"\nexport PATH="$PATH:/opt/go/bin"\n', 'UNDEFINED_THING'],
    ['/bin/sh', '# a\n# b\nset -u\n: "${NOT_SET_HERE}"\n', 'NOT_SET_HERE'],
  ])('a %s login shell that stops at an error names the error line (real shell; bash -l -i goes on past it)', async (shell, text, name) => {
    const home = tree(tempDir('home'), { '.profile': text });
    const fact = await readLoginShellEnv(new Host(), { HOME: home, SHELL: shell, PATH: '/usr/bin:/bin' }, new AbortController().signal, 6000, { useCache: false });
    expect(fact.ok).toBe(false);
    if (fact.ok) return;
    expect(fact.ended).toMatchObject({ how: 'no-env' });
    const errors = fact.ended?.how === 'no-env' ? (fact.ended.errors ?? []) : [];
    expect(errors.join('\n')).toContain(name);
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: binDir('bin', 'go'), HOME: home }, loginShell: fact }));
    const f = r.findings.find((x) => x.message.includes('without running the command'))!;
    expect(f.message).toMatch(new RegExp(`at an error in a start-up file \\(.*${name}`));
    expect(f.message).not.toContain('ran `exit`');
    expect(f.evidence[0]!.excerpt).toContain(name);
  });

  // A tester's run as nobody (login shell /usr/sbin/nologin) was told a start-up file had run
  // `exit`: such an account has no login environment, and nothing of the user's ended it.
  it.each(['/usr/sbin/nologin', '/bin/false'])('an account whose login shell is %s: skipped with that reason, no start-up file blamed (real shell)', async (shell) => {
    const home = tree(tempDir('home'), { '.profile': 'exit 0\n' });
    const fact = await readLoginShellEnv(new Host(), { HOME: home, SHELL: shell, PATH: '/usr/bin:/bin' }, new AbortController().signal, 6000, { useCache: false });
    expect(fact).toMatchObject({ ok: false, reason: expect.stringContaining(`the account's login shell is ${shell}, which runs no commands`) });
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: binDir('bin', 'go'), HOME: home }, loginShell: fact }));
    expect(r.findings.filter((x) => x.message.includes('without running the command'))).toEqual([]);
    expect(r.status).toBe('skipped');
    expect(r.reason).toContain('runs no commands');
  });

  it('a login shell that ended with no ending line in the files it reads says so, and guesses no line', async () => {
    const home = tree(tempDir('home'), { '.profile': 'export PATH=$PATH:/opt/go/bin\n' });
    const loginShell = { ok: false as const, shell: '/bin/sh', reason: "/bin/sh -l -c '<print env>' did not print an environment (exit 3)", ended: { how: 'no-env' as const, exit: '3' } };
    const r = await runProbe(loginShellProbe, makeCtx({ env: { PATH: binDir('bin', 'go'), HOME: home }, loginShell }));
    const f = r.findings.find((x) => x.message.includes('without running the command'))!;
    expect(f.message).toContain('(exit 3)');
    expect(f.message).toContain('None of the start-up files');
    expect(f.evidence.map((e) => e.source)).toEqual(['login shell']);
  });
});
