import { describe, expect, it } from 'vitest';
import path from 'node:path';
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
