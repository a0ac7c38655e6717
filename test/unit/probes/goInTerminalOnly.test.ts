import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { chmodSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { goInTerminalOnly, terminalOnlyWords } from '../../../src/probes/goInTerminalOnly.js';
import type { LoginShellFact } from '../../../src/facts/readLoginShellEnv.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { binDir, tempDir, tree } from '../goenv/ctx.js';

const DEBIAN_PROFILE = 'if [ -n "$BASH_VERSION" ]; then\n    if [ -f "$HOME/.bashrc" ]; then\n\t. "$HOME/.bashrc"\n    fi\nfi\n';

/** Login and terminal environments as bash -l -i and bash -i would give them: go only in the terminal's. */
function ctxFor(home: string, goDir: string): Pick<ProbeContext, 'facts' | 'env'> {
  const login: LoginShellFact = { ok: true, shell: '/bin/bash', env: { HOME: home, PATH: '/usr/bin:/bin' }, commandLine: "/bin/bash -l -i -c '<print env>'" };
  const term: LoginShellFact = { ok: true, shell: '/bin/bash', env: { HOME: home, PATH: `${goDir}:/usr/bin:/bin` }, commandLine: "/bin/bash -i '<print env>'" };
  const facts = { loginShellEnv: async () => login, terminalShellEnv: async () => term } as unknown as ProbeContext['facts'];
  return { facts, env: { HOME: home, PATH: '/usr/bin:/bin' } };
}

describe('go in terminals only: the file a login bash reads', () => {
  it.each([
    // [files besides ~/.bashrc, the file named and appended to, whether ~/.profile is said to be skipped]
    [{ '.profile': 'export EDITOR=vi\n' }, '.profile', false],
    [{}, '.profile', false],
    // A tester's: Debian's ~/.profile reads ~/.bashrc, but ~/.bash_profile shadows it.
    [{ '.profile': DEBIAN_PROFILE, '.bash_profile': 'export GOPRIVATE=example.com\n' }, '.bash_profile', true],
    [{ '.profile': DEBIAN_PROFILE, '.bash_login': 'umask 022\n' }, '.bash_login', true],
    [{ '.bash_profile': '', '.bash_login': 'umask 022\n' }, '.bash_profile', true],
  ])('%j: names ~/%s', async (files, named, skipsProfile) => {
    const goDir = binDir('termgo', 'go');
    const home = tree(tempDir('home'), { ...files, '.bashrc': `# aliases\nexport PATH="${goDir}:$PATH"\n` });
    const t = (await goInTerminalOnly(ctxFor(home, goDir)))!;
    expect(t.go).toBe(path.join(goDir, 'go'));
    const w = terminalOnlyWords(t);
    expect(w.where).toContain(`whose line 2 puts ${goDir} on PATH`);
    expect(w.where).toContain(`a login shell reads ~/${named}`);
    expect(w.where.includes('not ~/.profile either')).toBe(skipsProfile);
    const fix = w.fixes.find((f) => f.id === 'profile-sources-bashrc')!;
    expect(fix.kind === 'terminal' && fix.text).toMatch(new RegExp(`>> ~/${named.replace('.', '\\.')}$`));
    expect(fix.title).toContain(`~/${named} read ~/.bashrc`);
  });
});

// bash's _evalfile goes on to the next login file only when open fails with ENOENT: one that is
// there but cannot be read ends the search, with an error, and no file is read. Measured with bash
// 5.2 as a user without read permission on ~/.bash_profile; the same for a directory in its place.
describe('go in terminals only: a login file bash cannot read', () => {
  const marker = (name: string) => `echo READ-${name}\n`;
  /** A real login bash, without -i as the desktop runs it, as `uid` (root reads any mode). */
  const loginBash = (home: string, uid?: number) =>
    spawnSync('bash', ['-l', '-c', 'true'], { env: { HOME: home, PATH: '/usr/bin:/bin' }, encoding: 'utf8', cwd: '/', ...(uid === undefined ? {} : { uid, gid: uid }) });

  it('a directory named ~/.bash_profile: bash stops there; the probe names it, says why, and offers no append', async () => {
    const goDir = binDir('termgo', 'go');
    const home = tree(tempDir('home'), { '.bashrc': `export PATH="${goDir}:$PATH"\n`, '.bash_login': marker('bash_login'), '.profile': marker('profile') + DEBIAN_PROFILE });
    mkdirSync(path.join(home, '.bash_profile'));
    const real = loginBash(home);
    expect(real.stdout).not.toContain('READ-');
    expect(real.stderr).toContain('.bash_profile: is a directory');
    const t = (await goInTerminalOnly(ctxFor(home, goDir)))!;
    expect(t).toMatchObject({ loginFile: '.bash_profile', loginFileUnreadable: 'EISDIR' });
    const w = terminalOnlyWords(t);
    expect(w.where).toContain('~/.bash_profile, which cannot be read here (EISDIR)');
    expect(w.fixes).toEqual([]);
  });

  it('permission denied (pure): the words say bash reads none, and the fix gives read permission back first', () => {
    const w = terminalOnlyWords({ go: '/opt/go/bin/go', dir: '/opt/go/bin', commandLine: 'bash -i', loginCommandLine: 'bash -l -i', sites: [], profile: '/h/.profile', profileExists: true, loginFile: '.bash_login', loginFileUnreadable: 'EACCES' });
    expect(w.where).toContain('reads none of ~/.bash_profile, ~/.bash_login and ~/.profile');
    const fix = w.fixes[0]!;
    expect(fix.kind === 'terminal' && fix.text).toMatch(/^chmod u\+rw ~\/\.bash_login && printf .* >> ~\/\.bash_login$/);
  });

  const nobody = 65534;
  it.runIf(process.getuid?.() === 0)('real bash as a user who cannot read ~/.bash_profile: none of the three is read (what the probe assumes)', () => {
    const home = tree(tempDir('home'), { '.bash_profile': marker('bash_profile'), '.bash_login': marker('bash_login'), '.profile': marker('profile') });
    chmodSync(home, 0o755);
    for (const f of ['.bash_login', '.profile']) chmodSync(path.join(home, f), 0o644);
    chmodSync(path.join(home, '.bash_profile'), 0o000);
    const r = loginBash(home, nobody);
    expect(r.stderr).toContain('.bash_profile: Permission denied');
    expect(r.stdout).not.toContain('READ-');
    // Readable again, it is the one read, and the others are not.
    chmodSync(path.join(home, '.bash_profile'), 0o644);
    expect(loginBash(home, nobody).stdout.trim()).toBe('READ-bash_profile');
  });

  it.runIf(process.getuid?.() === 0)("the fix for an unreadable ~/.bash_profile, typed as its owner, makes a login bash read ~/.bashrc's PATH (mode 000: write refused too)", () => {
    const goDir = binDir('termgo', 'go');
    const home = tree(tempDir('home'), { '.bashrc': `export PATH="${goDir}:$PATH"\n`, '.bash_profile': '# mine\n' });
    spawnSync('chown', ['-R', `${nobody}:${nobody}`, home]);
    chmodSync(home, 0o755);
    // The go's folder, made 0700 by mkdtemp, searchable by that user as an install would be.
    chmodSync(goDir, 0o755);
    chmodSync(path.join(home, '.bash_profile'), 0o000);
    const fix = terminalOnlyWords({ go: path.join(goDir, 'go'), dir: goDir, commandLine: 'bash -i', loginCommandLine: 'bash -l -i', sites: [], profile: path.join(home, '.profile'), profileExists: false, loginFile: '.bash_profile', loginFileUnreadable: 'EACCES' }).fixes[0]!;
    const env = { HOME: home, PATH: '/usr/bin:/bin' };
    const applied = spawnSync('sh', ['-c', fix.kind === 'terminal' ? fix.text : 'false'], { env, encoding: 'utf8', uid: nobody, gid: nobody });
    expect(applied.status, applied.stderr).toBe(0);
    const r = spawnSync('bash', ['-l', '-c', 'command -v go'], { env, encoding: 'utf8', cwd: '/', uid: nobody, gid: nobody });
    expect(r.stdout.trim(), r.stderr).toBe(path.join(goDir, 'go'));
  });
  it.skipIf(process.getuid?.() === 0)('real bash as another user: skipped, the test needs root to run bash as nobody', () => undefined);
});
