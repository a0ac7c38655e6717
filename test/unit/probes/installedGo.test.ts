import { describe, expect, it } from 'vitest';
import type { FindingInput } from '../../../src/doctor/model.js';
import { INSTALL_GO } from '../../../src/fixes/catalog.js';
import { withInstalledGo, type InstalledGo } from '../../../src/probes/installedGo.js';
import path from 'node:path';
import { liveHost } from '../../../src/host/host.js';
import { loginPathSetup } from '../../../src/probes/loginPathSetup.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import { tempDir, tree } from '../goenv/ctx.js';

// The log probe's "go was not found" finding, as fixesFor gives it.
const fromLog: FindingInput = {
  classId: 'env-inheritance',
  severity: 'error',
  confidence: 0.9,
  message: 'gopls could not find the go command on the PATH it was started with, so it cannot load any package (1 line in Go.log).',
  evidence: [{ source: '/logs/Go.log', line: 1, excerpt: 'gopls: go command required, not found: exec: "go": executable file not found in $PATH' }],
  fixes: [INSTALL_GO, { id: 'go-alternate-tools-docs', kind: 'link', title: 'Or point the Go extension at it', url: 'https://github.com/golang/vscode-go/wiki/settings#goalternatetools' }],
};
const other: FindingInput = { ...fromLog, message: 'something else', fixes: [{ id: 'gopls-restart', kind: 'command', title: 'Restart gopls', command: 'go.languageserver.restart' }] };

describe('withInstalledGo: a log\'s "go was not found" on a machine with a go', () => {
  it.each<[string, InstalledGo | undefined, string[]]>([
    // A tester's env -i run was told to install the Go in /usr/local/go.
    ['off PATH: the Go extension pointed at it and its directory on PATH, in place of the install link', { go: '/usr/local/go/bin/go', onPath: false }, ['alternate-tools-go', 'login-path-to-profile', 'go-alternate-tools-docs']],
    ['on the PATH the editor has now: pointed at it, nothing to add to PATH', { go: '/usr/bin/go', onPath: true }, ['alternate-tools-go', 'go-alternate-tools-docs']],
    ['no go anywhere known: still the install link', undefined, ['install-go', 'go-alternate-tools-docs']],
  ])('%s', (_name, found, ids) => {
    const [f, o] = withInstalledGo([fromLog, other], found, '/home/u');
    expect(f!.fixes!.map((x) => x.id)).toEqual(ids);
    if (found) expect(f!.evidence.at(-1)).toMatchObject({ source: found.go });
    else expect(f).toEqual(fromLog);
    expect(o).toEqual(other);
  });

  it('the PATH line names the go\'s directory, under $HOME when it is in the home', () => {
    const [f] = withInstalledGo([fromLog], { go: '/home/u/sdk/go1.22.1/bin/go', onPath: false }, '/home/u');
    expect(f!.fixes!.find((x) => x.id === 'login-path-to-profile')).toMatchObject({ kind: 'terminal', text: `printf '%s\\n' 'export PATH="$PATH:$HOME/sdk/go1.22.1/bin"' >> ~/.profile` });
  });
});

describe('withInstalledGo: the line already in a login start-up file (the probes\' check, shared)', () => {
  const ctx = (home: string) => ({
    facts: {} as ProbeContext['facts'],
    env: { HOME: home, PATH: '/usr/bin:/bin' },
    host: liveHost(),
    signal: new AbortController().signal,
    remainingMs: () => 20_000,
  });
  it.each([
    // [the login file, its text, the go's directory (under home), whether a login reaches the line]
    ['.profile', 'export PATH="$PATH:$HOME/sdk/go/bin"\n', 'sdk/go/bin', true],
    ['.bash_profile', '# mine\nexport PATH="$HOME/go1.26/bin:$PATH"\n', 'go1.26/bin', true],
    ['.profile', 'set -u\n: "$UNSET_IN_S1_TEST"\nexport PATH="$PATH:$HOME/sdk/go/bin"\n', 'sdk/go/bin', false],
  ])('%s with %j: no second copy offered, and the finding says why', async (file, text, rel, reached) => {
    const home = tree(tempDir('home'), { [file]: text });
    const dir = path.join(home, rel);
    const setup = await loginPathSetup(ctx(home), dir, { shell: '/bin/bash', home });
    expect(setup.already?.reached).toBe(reached);
    const [f] = withInstalledGo([fromLog], { go: path.join(dir, 'go'), onPath: false }, home, setup.target, setup.already);
    expect(f!.fixes!.map((x) => x.id)).toEqual(['alternate-tools-go', 'go-alternate-tools-docs']);
    expect(f!.message).toContain(`~/${file}`);
    expect(f!.message).toContain(reached ? 'already puts it on PATH' : 'would not be reached either');
    expect(f!.evidence.some((e) => e.source === `${path.join(home, file)}:${text.split('\n').findIndex((l) => l.includes('PATH=')) + 1}`)).toBe(true);
  });
  it('no file has it: the append fix, to the file that shell reads', async () => {
    const home = tree(tempDir('home'), { '.bash_profile': 'umask 022\n' });
    const setup = await loginPathSetup(ctx(home), path.join(home, 'sdk/go/bin'), { shell: '/bin/bash', home });
    const [f] = withInstalledGo([fromLog], { go: path.join(home, 'sdk/go/bin/go'), onPath: false }, home, setup.target, setup.already);
    expect(f!.fixes!.find((x) => x.id === 'login-path-to-profile')).toMatchObject({ text: expect.stringContaining('>> ~/.bash_profile') });
  });
});
