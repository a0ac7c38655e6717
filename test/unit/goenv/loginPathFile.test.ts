// The PATH fix goes to the file the user's login shell really reads, in that shell's syntax, and a
// line already there counts only in such a file (a tester's ~/.bash_profile, zsh and fish users were
// offered an append to ~/.profile that no login shell of theirs reads). Real files in a temp HOME;
// the offered command is run, then a fresh login shell of that kind is asked for its PATH.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { loginFiles, tildePath, type LoginPathTarget } from '../../../src/facts/loginPathFile.js';
import { loginPathFor, pathLines } from '../../../src/facts/profileHasDir.js';
import { pathAddDirFix, profilePathFix } from '../../../src/fixes/catalog.js';
import type { Fix } from '../../../src/doctor/model.js';

/** The command a terminal fix has the user type. */
function txt(f: Fix | undefined): string {
  if (f?.kind !== 'terminal') throw new Error(`not a terminal fix: ${JSON.stringify(f)}`);
  return f.text;
}

let home: string;
let bin: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'loginpath-'));
  // A directory of the user's own with a program in it: what the fix must put on PATH.
  bin = path.join(home, 'sdk', 'go', 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'go'), '#!/bin/sh\necho fake\n');
  chmodSync(path.join(bin, 'go'), 0o755);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const has = (shell: string) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', shell]).status === 0;
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(home, rel)), { recursive: true });
  writeFileSync(path.join(home, rel), text);
};

/** Runs the fix's text as typed in a terminal, then `shell -l -c 'command -v go'` in a desktop-like environment. */
function applyThenLogin(text: string, shell: string, extraEnv: Record<string, string> = {}): string {
  const env = { HOME: home, PATH: '/usr/bin:/bin', ...extraEnv };
  const applied = spawnSync('sh', ['-c', text], { env, encoding: 'utf8' });
  expect(applied.status, applied.stderr).toBe(0);
  const r = spawnSync(shell, ['-l', '-c', 'command -v go'], { env, encoding: 'utf8', cwd: home, timeout: 20_000 });
  return r.stdout.trim();
}

describe('loginFiles: the file a login shell reads, and the fix that lands there', () => {
  const nobody = 65534;
  it.runIf(process.getuid?.() === 0)('bash whose ~/.bash_profile its user cannot read: the fix gives read permission back, and a login bash of that user finds the directory', async () => {
    for (const f of ['.bash_profile', '.profile']) write(f, '# mine\n');
    spawnSync('chown', ['-R', `${nobody}:${nobody}`, home]);
    chmodSync(path.join(home, '.bash_profile'), 0o000);
    // What loginFiles answers to that user (root reads any file; bash's refusal itself is measured
    // in goInTerminalOnly.test.ts): the file, and why it is not read.
    const target: LoginPathTarget = { file: path.join(home, '.bash_profile'), shown: '~/.bash_profile', syntax: 'sh', why: '', unreadable: 'EACCES' };
    const text = txt(profilePathFix([bin], home, target));
    const env = { HOME: home, PATH: '/usr/bin:/bin' };
    const applied = spawnSync('sh', ['-c', text], { env, encoding: 'utf8', uid: nobody, gid: nobody });
    expect(applied.status, applied.stderr).toBe(0);
    const r = spawnSync('bash', ['-l', '-c', 'command -v go'], { env, encoding: 'utf8', cwd: home, uid: nobody, gid: nobody, timeout: 20_000 });
    expect(r.stdout.trim(), r.stderr).toBe(path.join(bin, 'go'));
  });

  it('bash with only ~/.profile: appends there, and a new login bash finds the directory', async () => {
    write('.profile', '# mine\n');
    const { target, reads } = await loginFiles('/bin/bash', {}, home);
    expect(target).toMatchObject({ file: path.join(home, '.profile'), shown: '~/.profile', syntax: 'sh' });
    expect(reads).toEqual([path.join(home, '.profile')]);
    const fix = profilePathFix([bin], home, target)!;
    expect(fix.title).toBe(`Add ${bin} to PATH in ~/.profile`);
    expect(applyThenLogin(txt(fix), 'bash')).toBe(path.join(bin, 'go'));
  });

  it('bash with ~/.bash_profile (or ~/.bash_login): that file, and ~/.profile lines do not count unless it sources ~/.profile', async () => {
    for (const first of ['.bash_profile', '.bash_login']) {
      rmSync(path.join(home, '.bash_profile'), { force: true });
      write(first, 'umask 022\n');
      write('.profile', `export PATH="$PATH:$HOME/sdk/go/bin"\n`);
      const { target } = await loginFiles('bash', {}, home);
      expect(target.shown).toBe(`~/${first}`);
      expect(target.why).toContain(`here ~/${first}`);
      // The ~/.profile line is never read by this login bash: not "already there".
      expect((await loginPathFor(bin, 'bash', {}, home)).sites).toEqual([]);
      // The old fix (~/.profile) leaves a login bash without it; the new one does not.
      expect(applyThenLogin(txt(profilePathFix([bin], home)), 'bash')).toBe('');
      const fix = profilePathFix([bin], home, target)!;
      expect(fix.title).toContain(`in ~/${first}`);
      expect(applyThenLogin(txt(fix), 'bash')).toBe(path.join(bin, 'go'));
      rmSync(path.join(home, first));
    }
    write('.bash_profile', '[ -f ~/.profile ] && . ~/.profile\n');
    write('.profile', `export PATH="$PATH:$HOME/sdk/go/bin"\n`);
    const sites = (await loginPathFor(bin, 'bash', {}, home)).sites;
    expect(sites).toMatchObject([{ file: path.join(home, '.profile'), line: 1 }]);
  });

  it('sh, dash and an unknown shell: ~/.profile', async () => {
    for (const sh of ['/bin/sh', 'dash', 'ksh', 'mksh', 'elvish', undefined]) expect((await loginFiles(sh, {}, home)).target.shown).toBe('~/.profile');
  });

  it('zsh: ~/.zprofile (under ZDOTDIR when set); a line in ~/.zprofile counts, one only in ~/.zshrc does not', async () => {
    expect((await loginFiles('/usr/bin/zsh', {}, home)).target).toMatchObject({ file: path.join(home, '.zprofile'), shown: '~/.zprofile', syntax: 'sh' });
    const zdot = path.join(home, '.config', 'zdot');
    expect((await loginFiles('zsh', { ZDOTDIR: zdot }, home)).target.shown).toBe('~/.config/zdot/.zprofile');
    expect((await loginFiles('zsh', { ZDOTDIR: '~/.config/zdot' }, home)).target.file).toBe(path.join(zdot, '.zprofile'));
    write('.zshrc', 'path+=(~/x)\nexport PATH="$PATH:$HOME/sdk/go/bin"\n');
    expect((await loginPathFor(bin, 'zsh', {}, home)).sites).toEqual([]);
    write('.zprofile', '# a\n# b\nexport PATH="$HOME/sdk/go/bin:$PATH"\n');
    expect((await loginPathFor(bin, 'zsh', {}, home)).sites).toMatchObject([{ file: path.join(home, '.zprofile'), line: 3 }]);
  });

  it.runIf(has('zsh'))('zsh: the offered line, applied, is found by a new login zsh (and the ~/.profile one is not)', async () => {
    expect(applyThenLogin(txt(profilePathFix([bin], home)), 'zsh')).toBe('');
    const fix = profilePathFix([bin], home, (await loginFiles('zsh', {}, home)).target)!;
    expect(applyThenLogin(txt(fix), 'zsh')).toBe(path.join(bin, 'go'));
  });

  it('fish: config.fish in fish syntax, made with its directory; fish_add_path and set -gx lines count', async () => {
    const { target } = await loginFiles('/usr/bin/fish', {}, home);
    expect(target).toMatchObject({ file: path.join(home, '.config/fish/config.fish'), shown: '~/.config/fish/config.fish', syntax: 'fish' });
    expect((await loginFiles('fish', { XDG_CONFIG_HOME: path.join(home, 'cfg') }, home)).target.shown).toBe('~/cfg/fish/config.fish');
    const fix = profilePathFix([bin, '/opt/x/bin'], home, target)!;
    expect(txt(fix)).toBe(`mkdir -p ~/.config/fish && printf '%s\\n' 'set -gx PATH $PATH $HOME/sdk/go/bin /opt/x/bin' >> ~/.config/fish/config.fish`);
    expect(txt(fix)).not.toContain('export');
    if (has('fish')) expect(applyThenLogin(txt(fix), 'fish')).toBe(path.join(bin, 'go'));
    write('.config/fish/conf.d/go.fish', 'fish_add_path ~/sdk/go/bin\n');
    // conf.d is read before config.fish (which has the line applied above).
    expect((await loginPathFor(bin, 'fish', {}, home)).sites).toMatchObject([{ file: path.join(home, '.config/fish/conf.d/go.fish'), line: 1 }, { file: path.join(home, '.config/fish/config.fish') }]);
  });

  it('pathAddDirFix escapes a directory for the target shell, and shares the id for a plain one', async () => {
    const fish = (await loginFiles('fish', {}, home)).target;
    expect(pathAddDirFix(bin, home, fish).id).toBe('login-path-to-profile');
    const odd = path.join(home, 'my $dir');
    mkdirSync(odd);
    writeFileSync(path.join(odd, 'go'), '#!/bin/sh\n');
    chmodSync(path.join(odd, 'go'), 0o755);
    const f = pathAddDirFix(odd, home, fish);
    expect(f.id).toBe('path-add-dir');
    if (has('fish')) expect(applyThenLogin(txt(f), 'fish')).toBe(path.join(odd, 'go'));
    const z = pathAddDirFix(odd, home, (await loginFiles('zsh', {}, home)).target);
    expect(txt(z)).toContain('>> ~/.zprofile');
  });
});

describe('pure helpers', () => {
  it.each([
    ['export PATH="$PATH:/usr/local/go/bin"', 1],
    ['fish_add_path -g /usr/local/go/bin', 1],
    ['set -gx PATH $PATH /usr/local/go/bin', 1],
    ['# fish_add_path /usr/local/go/bin', 0],
    ['echo $PATH', 0],
  ])('pathLines(%j) has %i line(s)', (text, n) => {
    expect(pathLines(text)).toHaveLength(n);
  });
  it('tildePath', () => {
    expect(tildePath('/h/u/.zprofile', '/h/u')).toBe('~/.zprofile');
    expect(tildePath('/etc/zprofile', '/h/u')).toBe('/etc/zprofile');
  });
});
