// The PATH fix and the "already there" check for login shells besides sh, bash, zsh and fish's
// config.fish: csh/tcsh, xonsh and nu were all offered an `export` line in ~/.profile, which none
// of them reads (a tester's). fish's universal fish_user_paths counts as already there; a line in a
// file the login shell reads only through another is checked through that other file. Real shells
// in a temp HOME where the machine has them: a test needing tcsh or xonsh skips, saying so, without.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { liveHost } from '../../../src/host/host.js';
import { loginFiles } from '../../../src/facts/loginPathFile.js';
import { fishUserPaths, loginPathFor, pathLines } from '../../../src/facts/profileHasDir.js';
import { pathAddDirFix, pathLineFor, profilePathFix } from '../../../src/fixes/catalog.js';
import { loginPathSetup } from '../../../src/probes/loginPathSetup.js';
import type { ProbeContext } from '../../../src/probes/probe.js';
import type { Fix } from '../../../src/doctor/model.js';

const has = (shell: string) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', shell]).status === 0;
const txt = (f: Fix | undefined): string => {
  if (f?.kind !== 'terminal') throw new Error(`not a terminal fix: ${JSON.stringify(f)}`);
  return f.text;
};

let home: string;
let bin: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'loginshells-'));
  bin = path.join(home, 'sdk', 'go', 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'go'), '#!/bin/sh\n');
  chmodSync(path.join(bin, 'go'), 0o755);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(home, rel)), { recursive: true });
  writeFileSync(path.join(home, rel), text);
};
const env = () => ({ HOME: home, PATH: '/usr/bin:/bin' });

/** Types the fix's text as a user would (sh), then asks a new login shell of that kind for its PATH. */
function applyThenLoginPath(text: string | undefined, shell: 'tcsh' | 'csh' | 'xonsh' | 'fish' | 'bash'): string[] {
  if (text) {
    const applied = spawnSync('sh', ['-c', text], { env: env(), encoding: 'utf8' });
    expect(applied.status, applied.stderr).toBe(0);
  }
  // csh and tcsh take -l only alone: a login one is started as `-tcsh`, as login(1) does.
  const r =
    shell === 'tcsh' || shell === 'csh'
      ? spawnSync(shell, ['-c', 'printenv PATH'], { argv0: `-${shell}`, env: env(), encoding: 'utf8', cwd: home, timeout: 30_000 })
      : spawnSync(shell, ['-l', '-c', 'printenv PATH'], { env: env(), encoding: 'utf8', cwd: home, timeout: 60_000 });
  return r.stdout.trim().split(':');
}

describe('pure: a PATH line in each syntax, and the lines that count', () => {
  it.each([
    ['sh', ['$HOME/sdk/go/bin'], 'export PATH="$PATH:$HOME/sdk/go/bin"'],
    ['fish', ['/usr/local/go/bin', '/opt/x'], 'set -gx PATH $PATH /usr/local/go/bin /opt/x'],
    // ${PATH}: csh reads `$PATH:/…` as a variable modifier and stops.
    ['csh', ['/usr/local/go/bin'], 'setenv PATH "${PATH}:/usr/local/go/bin"'],
    ['csh', ['$HOME/go/bin', '/opt/y'], 'setenv PATH "${PATH}:$HOME/go/bin:/opt/y"'],
    ['xonsh', ['/usr/local/go/bin'], '$PATH.extend(["/usr/local/go/bin"])'],
    ['xonsh', ['$HOME/sdk/go/bin', '/opt/z'], '$PATH.extend([$HOME + "/sdk/go/bin", "/opt/z"])'],
  ] as const)('%s %j → %s', (syntax, dirs, line) => {
    expect(pathLineFor(syntax, dirs)).toBe(line);
  });

  it.each([
    ['setenv PATH "${PATH}:/usr/local/go/bin"', 1],
    ['set path = ($path /usr/local/go/bin)', 1],
    ['  setenv PATH /usr/local/go/bin:$PATH', 1],
    ['setenv PATHX /x', 0],
    ['$PATH.append("/usr/local/go/bin")', 1],
    ['$PATH.insert(0, "/usr/local/go/bin")', 1],
    ['$PATH += ["/usr/local/go/bin"]', 1],
    ['$env.PATH = ($env.PATH | split row (char esep) | append "/usr/local/go/bin")', 1],
    ["path add '/usr/local/go/bin'", 1],
    ['print($PATH)', 0],
  ])('pathLines(%j) has %i line(s)', (text, n) => {
    expect(pathLines(text)).toHaveLength(n);
  });

  it.each([
    // fish 3.6's own spelling: \x1e between entries, \xHH for what is not printable or special.
    ['SETUVAR fish_user_paths:/h/u/my\\x20dir\\x1e/usr/local/go/bin', ['/h/u/my dir', '/usr/local/go/bin'], 1],
    ['# This file contains fish universal variable definitions.\n# VERSION: 3.0\nSETUVAR foo:a\\x1eb\nSETUVAR fish_user_paths:/tmp/tmp\\x2eAb/go/bin', ['/tmp/tmp.Ab/go/bin'], 4],
    ['SETUVAR --export fish_user_paths:/opt/one', ['/opt/one'], 1],
  ])('fishUserPaths(%j)', (text, dirs, line) => {
    expect(fishUserPaths(text)).toMatchObject({ dirs, line });
  });
  it('fishUserPaths: none, or another variable', () => {
    expect(fishUserPaths('SETUVAR foo:/usr/local/go/bin\n')).toBeUndefined();
    expect(fishUserPaths('')).toBeUndefined();
  });
});

describe('csh and tcsh', () => {
  it('tcsh: ~/.tcshrc when there is one, else ~/.cshrc; csh: ~/.cshrc; lines there count', async () => {
    expect((await loginFiles('/usr/bin/tcsh', {}, home)).target).toMatchObject({ shown: '~/.cshrc', syntax: 'csh' });
    write('.tcshrc', '# mine\n');
    expect((await loginFiles('tcsh', {}, home)).target).toMatchObject({ shown: '~/.tcshrc', syntax: 'csh' });
    expect((await loginFiles('/bin/csh', {}, home)).target.shown).toBe('~/.cshrc');
    write('.tcshrc', '# a\nset path = ($path ~/sdk/go/bin)\n');
    expect((await loginPathFor(bin, 'tcsh', {}, home)).sites).toMatchObject([{ file: path.join(home, '.tcshrc'), line: 2 }]);
    write('.login', 'setenv PATH "${PATH}:${HOME}/sdk/go/bin"\n');
    expect((await loginPathFor(bin, 'tcsh', {}, home)).sites.map((s) => path.basename(s.file))).toEqual(['.tcshrc', '.login']);
  });

  it('the fix for a csh shell is a setenv line, not an export in ~/.profile', async () => {
    const fix = profilePathFix([bin, '/opt/go/bin'], home, (await loginFiles('tcsh', {}, home)).target)!;
    expect(txt(fix)).toBe(`printf '%s\\n' 'setenv PATH "\${PATH}:$HOME/sdk/go/bin:/opt/go/bin"' >> ~/.cshrc`);
    expect(fix.title).toContain('in ~/.cshrc');
  });

  it.runIf(has('tcsh'))('real tcsh and csh: the line applied is on a new login shell\'s PATH; `$PATH:` would not be', async () => {
    for (const shell of ['tcsh', 'csh'] as const) {
      rmSync(path.join(home, '.cshrc'), { force: true });
      rmSync(path.join(home, '.tcshrc'), { force: true });
      // The modifier trap, measured: tcsh stops at "Bad : modifier in $ '/'" and PATH is unchanged.
      write('.cshrc', `setenv PATH "$PATH:${bin}"\n`);
      expect(applyThenLoginPath(undefined, shell)).not.toContain(bin);
      rmSync(path.join(home, '.cshrc'));
      const fix = profilePathFix([bin], home, (await loginFiles(shell, {}, home)).target)!;
      expect(applyThenLoginPath(txt(fix), shell)).toContain(bin);
    }
    // A directory csh must not expand: in single quotes.
    const odd = path.join(home, 'my $dir');
    mkdirSync(odd);
    rmSync(path.join(home, '.cshrc'));
    const f = pathAddDirFix(odd, home, (await loginFiles('tcsh', {}, home)).target);
    expect(f.id).toBe('path-add-dir');
    expect(applyThenLoginPath(txt(f), 'tcsh')).toContain(odd);
  });
  it.skipIf(has('tcsh'))('real tcsh: skipped, no tcsh on this machine (.ci/run does not install it)', () => undefined);
});

describe('xonsh', () => {
  it('~/.xonshrc in xonsh syntax; its lines and ~/.config/xonsh/rc.xsh\'s count', async () => {
    const { target, reads } = await loginFiles('/usr/bin/xonsh', {}, home);
    expect(target).toMatchObject({ shown: '~/.xonshrc', syntax: 'xonsh' });
    expect(reads).toEqual([path.join(home, '.config/xonsh/rc.xsh'), path.join(home, '.xonshrc')]);
    expect(txt(profilePathFix([bin], home, target))).toBe(`printf '%s\\n' '$PATH.extend([$HOME + "/sdk/go/bin"])' >> ~/.xonshrc`);
    write('.config/xonsh/rc.xsh', `$PATH.append("${bin}")\n`);
    expect((await loginPathFor(bin, 'xonsh', {}, home)).sites).toMatchObject([{ file: path.join(home, '.config/xonsh/rc.xsh'), line: 1 }]);
  });

  it.runIf(has('xonsh'))('real xonsh: the line applied is on a new login xonsh\'s PATH, an odd directory too', async () => {
    const target = (await loginFiles('xonsh', {}, home)).target;
    expect(applyThenLoginPath(txt(profilePathFix([bin], home, target)), 'xonsh')).toContain(bin);
    const odd = path.join(home, `it's "$odd"`);
    mkdirSync(odd);
    const f = pathAddDirFix(odd, home, target);
    expect(f.id).toBe('path-add-dir');
    expect(applyThenLoginPath(txt(f), 'xonsh')).toContain(odd);
  });
  it.skipIf(has('xonsh'))('real xonsh: skipped, no xonsh on this machine (.ci/run does not install it)', () => undefined);
});

describe('nu: a shell whose syntax the doctor does not write', () => {
  it('no line in another syntax and no ~/.profile: a link fix that says so and what the line must do', async () => {
    const { target } = await loginFiles('/usr/bin/nu', { XDG_CONFIG_HOME: path.join(home, 'cfg') }, home);
    expect(target).toMatchObject({ shown: '~/cfg/nushell/config.nu', syntax: 'unwritten', shell: 'nu' });
    for (const f of [profilePathFix([bin], home, target)!, pathAddDirFix(path.join(home, 'a $b'), home, target)]) {
      expect(f).toMatchObject({ id: 'login-path-unwritten', kind: 'link' });
      expect(f.title).toContain("nu's syntax, which the doctor does not write");
      expect(f.title).not.toContain('.profile');
      expect(f.detail).toContain('keep PATH and add');
    }
    write('.config/nushell/env.nu', `$env.PATH = ($env.PATH | split row (char esep) | append '${bin}')\n`);
    expect((await loginPathFor(bin, 'nu', {}, home)).sites).toMatchObject([{ file: path.join(home, '.config/nushell/env.nu'), line: 1 }]);
  });
});

describe('fish universal variables', () => {
  it('a fish_user_paths entry in fish_variables counts as already there (a string written as fish writes it)', async () => {
    write('.config/fish/fish_variables', `# VERSION: 3.0\nSETUVAR fish_user_paths:${bin.replace(/\./g, '\\x2e')}\\x1e/opt/other\n`);
    expect((await loginPathFor(bin, 'fish', {}, home)).sites).toMatchObject([{ file: path.join(home, '.config/fish/fish_variables'), line: 2 }]);
    expect((await loginPathFor('/opt/elsewhere', 'fish', {}, home)).sites).toEqual([]);
    // Another shell does not read fish's variables.
    expect((await loginPathFor(bin, 'bash', {}, home)).sites).toEqual([]);
  });

  it.runIf(has('fish'))('real fish: fish_add_path writes it, a login fish has it, and the doctor counts it', async () => {
    const odd = path.join(home, 'my dir', 'bin');
    mkdirSync(odd, { recursive: true });
    const r = spawnSync('fish', ['-c', 'fish_add_path $argv', odd, bin], { env: env(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const loginPath = applyThenLoginPath(undefined, 'fish');
    for (const d of [odd, bin]) {
      expect(loginPath).toContain(d);
      expect((await loginPathFor(d, '/usr/bin/fish', {}, home)).sites[0]?.file).toBe(path.join(home, '.config/fish/fish_variables'));
    }
  });
});

describe('"already there" is checked through the file the login shell runs', () => {
  const ctx = (): Pick<ProbeContext, 'facts' | 'env' | 'host' | 'signal' | 'remainingMs'> => ({
    facts: {} as ProbeContext['facts'],
    env: env(),
    host: liveHost(),
    signal: new AbortController().signal,
    remainingMs: () => 20_000,
  });
  const bashrcLine = `# ~/.bashrc\nexport PATH="$PATH:$HOME/sdk/go/bin"\n`;

  it.each([
    // [what ~/.bash_profile does before sourcing ~/.bashrc, whether a login bash gets the line]
    ['sources it first thing', '. ~/.bashrc\n', true],
    ['stops at an unset variable under set -u', 'set -u\n: "$NOT_SET_ANYWHERE_S1"\n. ~/.bashrc\n', false],
    ['exits before it', 'exit 0\n. ~/.bashrc\n', false],
    ['sources it only when interactive', 'case $- in *i*) . ~/.bashrc;; esac\n', false],
  ])('~/.bash_profile %s', async (_what, profile, reached) => {
    write('.bashrc', bashrcLine);
    write('.bash_profile', profile);
    const { sites } = await loginPathFor(bin, 'bash', {}, home);
    // The case line names ~/.bashrc too: only a file the login bash reads, with the one leading to it.
    expect(sites).toMatchObject([{ file: path.join(home, '.bashrc'), line: 2, via: path.join(home, '.bash_profile') }]);
    const setup = await loginPathSetup(ctx(), bin, { shell: '/bin/bash', home });
    expect(setup.fix).toBeUndefined();
    expect(setup.already?.reached).toBe(reached);
    expect(setup.already?.words).toContain('~/.bash_profile');
    // What a real login bash does, without -i as the desktop runs it.
    const real = spawnSync('bash', ['-l', '-c', 'printenv PATH'], { env: env(), encoding: 'utf8', cwd: home });
    expect(real.stdout.includes(bin)).toBe(reached);
  });
});
