// The login shell's cache between runs: which files key it, what the key holds, and when a cache
// file is not trusted. The real shells are in test/real/loginShellCache.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  CACHE_FILE_NAME,
  CACHE_MAX_AGE_MS,
  cacheDir,
  cacheKey,
  entryFromText,
  expandLiteral,
  lookUpCache,
  sourcedPaths,
  startupPaths,
  storableEnv,
  storeInCache,
  trackStartupFiles,
  untrusted,
  withEntry,
  type CacheKeyInput,
} from '../../../src/facts/loginShellCache.js';
import { isSecretName } from '../../../src/doctor/redact.js';
import { COMPARED_GO_VARS, LEAKY_VARS } from '../../../src/probes/loginShell.js';
import { NETWORK_VARS } from '../../../src/probes/moduleDownloads.js';

const HOME = '/home/u';
const uid = process.getuid!();
const dirs: string[] = [];
const tmp = (name: string) => {
  const d = mkdtempSync(path.join(os.tmpdir(), `lsc-${name}-`));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('startupPaths: the files each shell reads', () => {
  it('bash: /etc/profile and profile.d, every profile bash -l picks from, and .bashrc that profiles source', () => {
    const p = startupPaths('bash', {}, HOME)!;
    expect(p.files).toEqual(expect.arrayContaining(['/etc/profile', '/etc/bash.bashrc', `${HOME}/.bash_profile`, `${HOME}/.bash_login`, `${HOME}/.profile`, `${HOME}/.bashrc`]));
    expect(p.dirs).toContain('/etc/profile.d');
  });

  it('zsh: /etc and /etc/zsh files, and the dot files of HOME and of $ZDOTDIR', () => {
    const p = startupPaths('zsh', { ZDOTDIR: '~/.config/zdot' }, HOME)!;
    for (const f of ['zshenv', 'zprofile', 'zshrc', 'zlogin']) {
      expect(p.files).toContain(`/etc/${f}`);
      expect(p.files).toContain(`/etc/zsh/${f}`);
      expect(p.files).toContain(`${HOME}/.${f}`);
      expect(p.files).toContain(`${HOME}/.config/zdot/.${f}`);
    }
  });

  it('fish: config.fish, the universal variables file and every conf.d, under XDG_CONFIG_HOME when set', () => {
    const p = startupPaths('fish', { XDG_CONFIG_HOME: '/cfg' }, HOME)!;
    expect(p.files).toEqual(expect.arrayContaining(['/cfg/fish/config.fish', '/cfg/fish/fish_variables', '/etc/fish/config.fish']));
    expect(p.dirs).toEqual(expect.arrayContaining(['/cfg/fish/conf.d', '/etc/fish/conf.d', '/usr/share/fish/vendor_conf.d']));
    expect(startupPaths('fish', {}, HOME)!.files).toContain(`${HOME}/.config/fish/config.fish`);
  });

  it('sh family reads $ENV; csh its own files; a shell not known here is never cached', () => {
    expect(startupPaths('mksh', { ENV: '$HOME/.mkshrc.local' }, HOME)!.files).toContain(`${HOME}/.mkshrc.local`);
    expect(startupPaths('tcsh', {}, HOME)!.files).toEqual(expect.arrayContaining([`${HOME}/.tcshrc`, `${HOME}/.cshrc`, '/etc/csh.login']));
    expect(startupPaths('nu', {}, HOME)).toBeUndefined();
    expect(startupPaths('xonsh', {}, HOME)).toBeUndefined();
  });
});

describe('sourcedPaths: files followed from a start-up file', () => {
  it.each([
    ['. "$HOME/.cargo/env"', [`${HOME}/.cargo/env`]],
    ['source ~/.nvm/nvm.sh', [`${HOME}/.nvm/nvm.sh`]],
    ['[ -f ~/.bash_aliases ] && . ~/.bash_aliases', [`${HOME}/.bash_aliases`]],
    ['if [ -s ${HOME}/.gvm/scripts/gvm ]; then source ${HOME}/.gvm/scripts/gvm; fi', [`${HOME}/.gvm/scripts/gvm`]],
    ["emulate sh -c 'source /etc/profile'", ['/etc/profile']],
    ['source /usr/share/fish/x.fish', ['/usr/share/fish/x.fish']],
    // Not followable: another variable, a glob, a relative path, a comment, a plain dot.
    ['. "$NVM_DIR/nvm.sh"', []],
    ['for i in /etc/profile.d/*.sh; do . $i; done', []],
    ['source ./local.sh', []],
    ['# . ~/.old_profile', []],
    ['cd .. && ls .', []],
  ])('%s', (line, want) => {
    expect(sourcedPaths(line, HOME).files).toEqual(want);
  });

  it('ZDOTDIR assignments with a literal value', () => {
    expect(sourcedPaths('export ZDOTDIR="$HOME/.config/zsh"\n', HOME).zdotdirs).toEqual([`${HOME}/.config/zsh`]);
    expect(sourcedPaths('ZDOTDIR=${XDG_CONFIG_HOME:-$HOME/.config}/zsh', HOME).zdotdirs).toEqual([]);
  });

  it('expandLiteral: ~, $HOME, ${HOME} and absolute paths only', () => {
    expect(expandLiteral('~/a/../b', HOME)).toBe(`${HOME}/b`);
    expect(expandLiteral("'/etc/x'", HOME)).toBe('/etc/x');
    expect(expandLiteral('$HOMEDIR/x', HOME)).toBeUndefined();
    expect(expandLiteral('x/y', HOME)).toBeUndefined();
  });
});

describe('cacheKey', () => {
  const base: CacheKeyInput = {
    shell: '/bin/bash',
    shellBinary: '/usr/bin/bash:1234:1',
    args: ['-l', '-i', '-c', 'x'],
    uid: 1000,
    cwd: '/w',
    env: { PATH: '/usr/bin', HOME, _: '/usr/bin/node', OLDPWD: '/a' },
    files: [
      { path: `${HOME}/.profile`, state: 'sha256:aa' },
      { path: `${HOME}/.bash_profile`, state: 'absent' },
    ],
  };
  const key = cacheKey(base);

  it('is stable, whatever the order of files and variables, and ignores `_` and OLDPWD', () => {
    expect(cacheKey({ ...base, files: [...base.files].reverse(), env: { HOME, PATH: '/usr/bin', _: '/other', OLDPWD: '/b' } })).toBe(key);
  });

  it.each<[string, Partial<CacheKeyInput>]>([
    ['an edited start-up file', { files: [{ path: `${HOME}/.profile`, state: 'sha256:bb' }, base.files[1]!] }],
    ['a created start-up file', { files: [base.files[0]!, { path: `${HOME}/.bash_profile`, state: 'sha256:cc' }] }],
    ['another starting PATH', { env: { ...base.env, PATH: '/usr/local/bin:/usr/bin' } }],
    ['a variable added to the starting environment', { env: { ...base.env, GOFLAGS: '-mod=mod' } }],
    ['another working directory (mise, asdf and direnv read it)', { cwd: '/elsewhere' }],
    ['another user', { uid: 1001 }],
    ['an upgraded shell binary', { shellBinary: '/usr/bin/bash:1234:2' }],
    ['another shell', { shell: '/bin/zsh' }],
  ])('changes with %s', (_what, change) => {
    expect(cacheKey({ ...base, ...change })).not.toBe(key);
  });
});

describe('cache file validation', () => {
  const now = Date.parse('2026-12-01T13:00:00Z');
  const entry = { readAt: '2026-12-01T12:58:00.000Z', shell: '/bin/bash', commandLine: "/bin/bash -l -i -c '<print env>'", env: { PATH: '/usr/bin' } };
  const file = JSON.stringify({ version: 1, entries: { k1: entry } });

  it('an entry for the key, young enough, is used', () => {
    expect(entryFromText(file, 'k1', now)).toEqual({ ok: true, entry });
  });

  it.each([
    ['not JSON', '{"version":1,"entr', 'k1', /not JSON/],
    ['another shape', JSON.stringify({ version: 1, entries: { k1: { ...entry, env: 'PATH=/x' } } }), 'k1', /expected shape/],
    ['another version', JSON.stringify({ version: 2, entries: { k1: entry } }), 'k1', /expected shape/],
    ['no entry for this key', file, 'k2', /no entry/],
    ['too old', JSON.stringify({ version: 1, entries: { k1: { ...entry, readAt: new Date(now - CACHE_MAX_AGE_MS - 1000).toISOString() } } }), 'k1', /older than/],
    ['dated in the future', JSON.stringify({ version: 1, entries: { k1: { ...entry, readAt: '2026-12-02T00:00:00.000Z' } } }), 'k1', /future/],
  ])('%s is a miss', (_what, text, key, why) => {
    const r = entryFromText(text, key, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.why).toMatch(why);
  });

  it('untrusted: another owner, a mode open to others, not a regular file', () => {
    expect(untrusted({ uid: 1000, mode: 0o100600, isFile: true }, 1000, 'file')).toBeUndefined();
    expect(untrusted({ uid: 0, mode: 0o100600, isFile: true }, 1000, 'file')).toMatch(/owned by uid 0/);
    expect(untrusted({ uid: 1000, mode: 0o100644, isFile: true }, 1000, 'file')).toMatch(/mode 0644/);
    expect(untrusted({ uid: 1000, mode: 0o120777, isFile: false }, 1000, 'file')).toMatch(/not a regular file/);
    expect(untrusted({ uid: 1000, mode: 0o40755, isFile: false }, 1000, 'directory')).toBeUndefined();
    expect(untrusted({ uid: 1000, mode: 0o40777, isFile: false }, 1000, 'directory')).toMatch(/writable by others/);
  });

  it('withEntry keeps the newest entries, the new one first, and drops expired ones', () => {
    const entries = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, { ...entry, readAt: new Date(now - i * 1000).toISOString() }]));
    entries.old = { ...entry, readAt: new Date(now - CACHE_MAX_AGE_MS - 1).toISOString() };
    const out = withEntry({ version: 1, entries }, 'new', { ...entry, readAt: new Date(now).toISOString() }, now);
    expect(Object.keys(out.entries)).toEqual(['new', 'k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
  });

  it('storableEnv leaves secret-named variables out, and none the probes compare is secret-named', () => {
    expect(storableEnv({ PATH: '/x', GITHUB_TOKEN: 'ghp_x', AWS_SECRET_ACCESS_KEY: 'y', GOPATH: '/g' })).toEqual({ PATH: '/x', GOPATH: '/g' });
    // A cached environment must answer every comparison a fresh one would.
    for (const name of ['PATH', 'HOME', ...COMPARED_GO_VARS, ...NETWORK_VARS, ...LEAKY_VARS]) expect(isSecretName(name), name).toBe(false);
  });

  it('cacheDir: XDG_CACHE_HOME when absolute, else ~/.cache', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/c', HOME })).toBe('/c/go-env-doctor');
    expect(cacheDir({ XDG_CACHE_HOME: 'rel', HOME })).toBe(`${HOME}/.cache/go-env-doctor`);
    expect(cacheDir({})).toBeUndefined();
  });
});

describe('trackStartupFiles on a temp HOME', () => {
  it('follows a sourced file, and its state changes with an edit of it or a new profile', async () => {
    const home = tmp('home');
    writeFileSync(path.join(home, '.profile'), '. "$HOME/.goenvrc"\n');
    writeFileSync(path.join(home, '.goenvrc'), 'export GOFLAGS=-tags=a\n');
    const state = async () => JSON.stringify(await trackStartupFiles('bash', {}, home));
    const first = await state();
    expect(first).toContain(path.join(home, '.goenvrc'));
    expect(await state()).toBe(first);
    writeFileSync(path.join(home, '.goenvrc'), 'export GOFLAGS=-tags=b\n');
    const second = await state();
    expect(second).not.toBe(first);
    writeFileSync(path.join(home, '.bash_profile'), '');
    expect(await state()).not.toBe(second);
  });

  it('zsh: a ZDOTDIR set in ~/.zshenv brings that directory\'s files in', async () => {
    const home = tmp('zhome');
    mkdirSync(path.join(home, 'zd'));
    writeFileSync(path.join(home, '.zshenv'), 'export ZDOTDIR="$HOME/zd"\n');
    writeFileSync(path.join(home, 'zd', '.zshrc'), 'export GOFLAGS=-tags=a\n');
    const files = (await trackStartupFiles('zsh', {}, home))!;
    expect(files.find((f) => f.path === path.join(home, 'zd', '.zshrc'))?.state).toMatch(/^sha256:/);
  });

  it('an unknown shell has no key', async () => {
    expect(await trackStartupFiles('nu', {}, tmp('nu'))).toBeUndefined();
  });
});

describe('lookUpCache / storeInCache on a temp directory', () => {
  const now = Date.now();
  const entry = { readAt: new Date(now).toISOString(), shell: '/bin/bash', commandLine: 'bash', env: { PATH: '/usr/bin', GOFLAGS: '-tags=a' } };

  it('stores 0600 in a 0700 directory, then hits', async () => {
    const dir = path.join(tmp('c'), 'go-env-doctor');
    expect(await lookUpCache(dir, 'k', uid, now)).toEqual({ hit: false, why: 'no cache yet' });
    expect(await storeInCache(dir, 'k', entry, uid, now)).toBeUndefined();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, CACHE_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(await lookUpCache(dir, 'k', uid, now)).toMatchObject({ hit: true, entry });
    expect(await lookUpCache(dir, 'other', uid, now)).toMatchObject({ hit: false, why: expect.stringMatching(/no entry/) });
  });

  it('a corrupt file is a miss, and the next store replaces it', async () => {
    const dir = tmp('corrupt');
    writeFileSync(path.join(dir, CACHE_FILE_NAME), '\u0000garbage', { mode: 0o600 });
    expect(await lookUpCache(dir, 'k', uid, now)).toMatchObject({ hit: false, why: expect.stringMatching(/not JSON/) });
    expect(await storeInCache(dir, 'k', entry, uid, now)).toBeUndefined();
    expect(await lookUpCache(dir, 'k', uid, now)).toMatchObject({ hit: true });
  });

  it('a file readable by others is not trusted, and is replaced by a private one', async () => {
    const dir = tmp('mode');
    const file = path.join(dir, CACHE_FILE_NAME);
    writeFileSync(file, JSON.stringify({ version: 1, entries: { k: entry } }), { mode: 0o644 });
    chmodSync(file, 0o644);
    expect(await lookUpCache(dir, 'k', uid, now)).toMatchObject({ hit: false, why: expect.stringMatching(/mode 0644/) });
    await storeInCache(dir, 'k', entry, uid, now);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a symbolic link is not followed, on reading or on writing', async () => {
    const dir = tmp('link');
    const target = path.join(tmp('elsewhere'), 'planted.json');
    writeFileSync(target, JSON.stringify({ version: 1, entries: { k: { ...entry, env: { PATH: '/evil' } } } }), { mode: 0o600 });
    symlinkSync(target, path.join(dir, CACHE_FILE_NAME));
    expect(await lookUpCache(dir, 'k', uid, now)).toMatchObject({ hit: false, why: expect.stringMatching(/symbolic link/) });
    await storeInCache(dir, 'k', entry, uid, now);
    expect(lstatSync(path.join(dir, CACHE_FILE_NAME)).isSymbolicLink()).toBe(false);
    expect(readFileSync(target, 'utf8')).toContain('/evil');
  });

  it('a FIFO in place of the cache file or of a start-up file does not hang the run', async () => {
    const dir = tmp('fifo');
    execFileSync('mkfifo', [path.join(dir, CACHE_FILE_NAME), path.join(dir, '.bashrc')]);
    expect(await lookUpCache(dir, 'k', uid, now)).toMatchObject({ hit: false, why: expect.stringMatching(/not a regular file/) });
    const files = await trackStartupFiles('bash', {}, dir);
    expect(files!.find((f) => f.path === path.join(dir, '.bashrc'))?.state).toMatch(/^other:/);
  });

  it('a directory writable by others is neither read nor written', async () => {
    const dir = tmp('open');
    writeFileSync(path.join(dir, CACHE_FILE_NAME), JSON.stringify({ version: 1, entries: { k: entry } }), { mode: 0o600 });
    chmodSync(dir, 0o777);
    expect(await lookUpCache(dir, 'k', uid, now)).toMatchObject({ hit: false, why: expect.stringMatching(/writable by others/) });
    expect(await storeInCache(dir, 'k', entry, uid, now)).toMatch(/writable by others/);
  });

  it.skipIf(uid !== 0)('a file owned by another user is not trusted, and is replaced by our own', async () => {
    const dir = tmp('foreign');
    const file = path.join(dir, CACHE_FILE_NAME);
    writeFileSync(file, JSON.stringify({ version: 1, entries: { k: entry } }), { mode: 0o600 });
    chownSync(file, 65534, 65534);
    expect(await lookUpCache(dir, 'k', uid, now)).toMatchObject({ hit: false, why: expect.stringMatching(/owned by uid 65534/) });
    await storeInCache(dir, 'k', entry, uid, now);
    expect(statSync(file).uid).toBe(uid);
    expect(await lookUpCache(dir, 'k', uid, now)).toMatchObject({ hit: true });
  });
});
