// "~/.profile already puts it on PATH … log out and back in" is checked by sourcing the file without
// -i: a tester's `set -u` then an unset variable stopped the display manager's `. ~/.profile` before
// the PATH line, while the doctor's `bash -l -i` went on past it and saw go. Real shells, temp HOME.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { liveHost } from '../../../src/host/host.js';
import { errorLines, pathAfterMark, sourceStartupFile } from '../../../src/facts/sourceStartupFile.js';
import { alreadyInProfile, loginPathFor } from '../../../src/facts/profileHasDir.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'srcfile-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const has = (shell: string) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', shell]).status === 0;
const dir = '/usr/local/go/bin';
const env = () => ({ HOME: home, PATH: '/usr/bin:/bin' });
const run = (shell: string, file: string, limitMs = 8000) => sourceStartupFile(liveHost(), shell, path.join(home, file), env(), new AbortController().signal, limitMs);

describe('sourceStartupFile', () => {
  // Several errors and where they sit before the line: the shell's own message names the line.
  const broken: Array<[string, string, RegExp]> = [
    ['set -u', 'set -u\necho "$UNDEFINED_THING"', /UNDEFINED_THING/],
    ['set -u, later line', '# one\n# two\nset -u\n: "${NOT_SET_EITHER}"', /NOT_SET_EITHER/],
    ['set -e', 'set -e\nfalse', /.*/],
    ['exit', 'exit 3', /.*/],
  ];
  for (const shell of ['/bin/sh', 'bash', ...(has('zsh') ? ['zsh'] : []), ...(has('dash') ? ['dash'] : [])]) {
    it.each(broken)(`${shell}: %s before the PATH line stops the file there`, async (_n, head, err) => {
      const lines = `${head}\nexport PATH="$PATH:${dir}"\n`;
      writeFileSync(path.join(home, '.profile'), lines);
      const r = (await run(shell, '.profile'))!;
      expect(r.ended).toBe(false);
      if (!r.ended) expect(r.errors.join('\n')).toMatch(err);
      expect(r.commandLine).toContain(". ~/.profile");
      // An interactive login shell goes on past it (why the doctor's -l -i read saw go).
      if (/set -u/.test(_n) && shell === 'bash') {
        writeFileSync(path.join(home, '.bash_profile'), lines);
        const i = spawnSync('bash', ['-l', '-i', '-c', 'echo "$PATH"'], { env: { ...env(), TERM: 'dumb' }, encoding: 'utf8', input: '' });
        expect(i.stdout).toContain(dir);
        rmSync(path.join(home, '.bash_profile'));
      }
    });
  }

  it('a file that ends well: the PATH it leaves, with the directory on it', async () => {
    writeFileSync(path.join(home, '.profile'), `echo hello from profile\nexport PATH="$PATH:${dir}"\n`);
    const r = (await run('bash', '.profile'))!;
    expect(r).toMatchObject({ ended: true, errors: [] });
    if (r.ended) expect(r.path).toEqual(['/usr/bin', '/bin', dir]);
  });

  it('a file that returns early without -i: ended, but without the directory', async () => {
    writeFileSync(path.join(home, '.profile'), `case $- in *i*) ;; *) return ;; esac\nexport PATH="$PATH:${dir}"\n`);
    const r = (await run('/bin/sh', '.profile'))!;
    expect(r.ended).toBe(true);
    if (r.ended) expect(r.path).not.toContain(dir);
  });

  it('fish files, no time left: not checked', async () => {
    expect(await run('fish', 'x.fish')).toBeUndefined();
    writeFileSync(path.join(home, '.profile'), 'true\n');
    expect(await run('bash', '.profile', 0)).toBeUndefined();
  });
});

describe('alreadyInProfile with the check', () => {
  it('a file that stops before the line: says where, with the error, and no "log out" alone', async () => {
    for (const [n, file] of [[28, '.profile'], [5, '.zprofile']] as const) {
      const pad = Array.from({ length: n - 3 }, (_, i) => `# ${i}`).join('\n');
      writeFileSync(path.join(home, file), `${pad}\nset -u\necho "$UNDEFINED_THING"\nexport PATH="$PATH:${dir}"\n`);
      const shell = file === '.zprofile' ? 'zsh' : 'bash';
      const { sites } = await loginPathFor(dir, shell, env(), home);
      expect(sites).toMatchObject([{ line: n }]);
      if (shell === 'zsh' && !has('zsh')) continue;
      const check = await sourceStartupFile(liveHost(), shell, sites[0]!.file, env(), new AbortController().signal, 8000);
      const w = alreadyInProfile(sites, home, dir, check);
      expect(w.reached).toBe(false);
      expect(w.words).toContain(`~/${file} has a line that puts it on PATH (line ${n})`);
      expect(w.words).toMatch(new RegExp(`stops at an error: .*~/\\${file}\\D*${n - 1}\\D.*UNDEFINED_THING`));
      expect(w.words).not.toContain('already puts it on PATH');
      expect(w.evidence.map((e) => e.excerpt).join('\n')).toContain('UNDEFINED_THING');
    }
  });

  it('a file that reaches the line: "already puts it on PATH", naming that file', async () => {
    writeFileSync(path.join(home, '.profile'), `export PATH="$PATH:${dir}"\n`);
    const { sites } = await loginPathFor(dir, 'sh', env(), home);
    const check = await sourceStartupFile(liveHost(), '/bin/sh', sites[0]!.file, env(), new AbortController().signal, 8000);
    const w = alreadyInProfile(sites, home, dir, check);
    expect(w.reached).toBe(true);
    expect(w.words).toContain('~/.profile already puts it on PATH (line 1)');
    // Unchecked (no live shell): the same words.
    expect(alreadyInProfile(sites, home, dir, undefined).words).toBe(w.words);
  });
});

describe('pure parsers', () => {
  it('pathAfterMark', () => {
    expect(pathAfterMark('noise\0__GO_ENV_DOCTOR_PATH__\0/a:/b::/c\0')).toEqual(['/a', '/b', '/c']);
    expect(pathAfterMark('noise only')).toBeUndefined();
  });
  it.each([
    ['/h/u/.profile: line 28: UNDEFINED_THING: unbound variable', '~/.profile: line 28: UNDEFINED_THING: unbound variable'],
    ['/h/u/.profile: 3: UNDEFINED_THING: parameter not set', '~/.profile: 3: UNDEFINED_THING: parameter not set'],
    ['motd line\n/h/u/.zprofile:5: UNDEFINED_THING: parameter not set', '~/.zprofile:5: UNDEFINED_THING: parameter not set'],
    ['something odd', 'something odd'],
  ])('errorLines(%j)', (stderr, first) => {
    expect(errorLines(stderr, '/h/u')[0]).toBe(first);
  });
});
