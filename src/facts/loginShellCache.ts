// The login shell is the slowest fact of a run (0.4–0.6 s on a profile that runs pyenv's init, and
// more with nvm or conda), and it rarely changes between two runs. Its environment is kept between
// runs in a file of the user's cache directory, and used only while everything that decides what
// the shell prints is unchanged: the shell binary, the user, the working directory, the environment
// it starts with, and the content of every start-up file it reads (with the files those source by
// a literal path). A file created where the shell would look (a new ~/.bash_profile) changes the
// key too, since absent files are part of it. What a start-up file runs can change with no file
// changing (pyenv init's output, a version manager's default); that is why an entry also expires.
import { createHash, randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isSecretName, redactGoflags, redactPatterns } from '../doctor/redact.js';
import { readUserFile } from '../host/readUserFile.js';
import { untrusted } from '../host/userCache.js';

/** An entry older than this is read again: what rc files run (a version manager) may have moved on. */
export const CACHE_MAX_AGE_MS = 10 * 60_000;
/** A start-up file up to this size is keyed by its content; a larger one by its size and mtime. */
const CONTENT_CAP = 256 * 1024;
/** Enough for /etc/profile.d and a few sourced helpers; past it the shell is not cached at all. */
const MAX_TRACKED = 128;
/** Entries kept (one per shell, directory and environment), the most recently read first. */
const MAX_ENTRIES = 8;
export const CACHE_FILE_NAME = 'login-shell.json';
/** Set by the calling shell for each command, not by the user: they would defeat every hit. */
const VOLATILE_VARS = new Set(['_', 'OLDPWD']);

export interface StartupPaths {
  /** Files the shell may read (absent ones too: creating one must miss the cache). */
  files: string[];
  /** Directories whose every file is read (a new file in them must miss the cache). */
  dirs: string[];
}

/**
 * Pure: the start-up files of a shell run as readLoginShellEnv runs it, by its basename; undefined
 * for a shell whose files are not known here (that shell is never cached). More files than the
 * shell reads is only a cost (a change to them misses the cache); fewer would hide a change.
 */
export function startupPaths(shellBase: string, env: Record<string, string | undefined>, home: string): StartupPaths | undefined {
  const h = (f: string) => path.join(home, f);
  const sh = { files: ['/etc/profile', h('.profile')], dirs: ['/etc/profile.d'] };
  // An interactive ksh/mksh/sh reads the file $ENV names.
  const envFile = env.ENV ? expandLiteral(env.ENV, home) : undefined;
  if (shellBase === 'bash') {
    return {
      // bash -l reads the first of .bash_profile, .bash_login, .profile; -i does not read .bashrc
      // in a login shell, but nearly every profile sources it, and distributions' /etc files too.
      files: [...sh.files, '/etc/bash.bashrc', '/etc/bashrc', '/etc/bash/bashrc', h('.bash_profile'), h('.bash_login'), h('.bashrc'), h('.bash_aliases')],
      dirs: [...sh.dirs, '/etc/bash/bashrc.d'],
    };
  }
  if (/^(sh|dash|ash|ksh|ksh93|mksh|lksh|pdksh)$/.test(shellBase)) {
    return { files: [...sh.files, h('.kshrc'), h('.mkshrc'), '/etc/mkshrc', '/etc/ksh.kshrc', ...(envFile ? [envFile] : [])], dirs: sh.dirs };
  }
  if (shellBase === 'zsh') {
    const zdot = [env.ZDOTDIR ? expandLiteral(env.ZDOTDIR, home) : undefined, home, path.join(xdgConfigHome(env, home), 'zsh')].filter((d): d is string => !!d);
    const etc = ['zshenv', 'zprofile', 'zshrc', 'zlogin'].flatMap((f) => [`/etc/${f}`, `/etc/zsh/${f}`]);
    const dots = [...new Set(zdot)].flatMap((d) => ['.zshenv', '.zprofile', '.zshrc', '.zlogin'].map((f) => path.join(d, f)));
    // Debian's and Arch's zprofile read /etc/profile in sh emulation.
    return { files: [...etc, ...dots, ...sh.files], dirs: sh.dirs };
  }
  if (shellBase === 'fish') {
    const conf = path.join(xdgConfigHome(env, home), 'fish');
    const dataDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter((d) => path.isAbsolute(d));
    return {
      // fish_variables holds universal variables: `fish_add_path` and `set -U` write there.
      files: [path.join(conf, 'config.fish'), path.join(conf, 'fish_variables'), '/etc/fish/config.fish', '/usr/share/fish/config.fish', '/usr/local/share/fish/config.fish'],
      dirs: [path.join(conf, 'conf.d'), '/etc/fish/conf.d', ...dataDirs.map((d) => path.join(d, 'fish/vendor_conf.d'))],
    };
  }
  if (/^t?csh$/.test(shellBase)) {
    return { files: ['/etc/csh.cshrc', '/etc/csh.login', h('.tcshrc'), h('.cshrc'), h('.login')], dirs: ['/etc/csh/cshrc.d', '/etc/profile.d'] };
  }
  return undefined;
}

/** XDG_CONFIG_HOME where it is absolute (as the shells and go take it), else ~/.config. */
export function xdgConfigHome(env: Record<string, string | undefined>, home: string): string {
  const x = env.XDG_CONFIG_HOME;
  return x && path.isAbsolute(x) ? x : path.join(home, '.config');
}

/** Pure: `~/x`, `$HOME/x`, `${HOME}/x` or `/x` as an absolute path; anything else (another variable, a glob, a relative path) is undefined. */
export function expandLiteral(word: string, home: string): string | undefined {
  let p = word.replace(/^["']|["']$/g, '');
  if (p.startsWith('~/')) p = path.join(home, p.slice(2));
  else p = p.replace(/^\$\{?HOME\}?(?=\/)/, home);
  if (!path.isAbsolute(p) || /[$`*?[\]]/.test(p)) return undefined;
  return path.normalize(p);
}

/**
 * Pure: the files a start-up file sources by a literal path (`. ~/.cargo/env`, `source
 * "$HOME/.nvm/nvm.sh"`, `[ -f ~/.bash_aliases ] && . ~/.bash_aliases`, fish's `source ~/x.fish`),
 * and for zsh the directories a ZDOTDIR= assignment names. A path built from another variable
 * cannot be followed here; the entry's age bounds what that can hide.
 */
export function sourcedPaths(text: string, home: string): { files: string[]; zdotdirs: string[] } {
  const files: string[] = [];
  const zdotdirs: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    for (const m of line.matchAll(/(?:^|[\s;&|({'"])(?:source|\.)\s+("[^"]*"|'[^']*'|[^\s;&|)'"]+)/g)) {
      const p = expandLiteral(m[1]!, home);
      if (p && !files.includes(p)) files.push(p);
    }
    const z = /(?:^|[\s;])(?:export\s+)?ZDOTDIR=("[^"]*"|'[^']*'|[^\s;]+)/.exec(line);
    const zd = z ? expandLiteral(z[1]!, home) : undefined;
    if (zd && !zdotdirs.includes(zd)) zdotdirs.push(zd);
  }
  return { files, zdotdirs };
}

/** One start-up path as it stands now: its content's hash, its listing, or that it is absent. */
export interface TrackedPath {
  path: string;
  state: string;
}

/**
 * Reads the state of every start-up path, following literal `source` lines and ZDOTDIR
 * assignments; undefined when the shell's files are not known or too many to follow.
 */
export async function trackStartupFiles(shellBase: string, env: Record<string, string | undefined>, home: string): Promise<TrackedPath[] | undefined> {
  const start = startupPaths(shellBase, env, home);
  if (!start) return undefined;
  const out = new Map<string, string>();
  const queue: Array<{ p: string; dir: boolean }> = [...start.files.map((p) => ({ p, dir: false })), ...start.dirs.map((p) => ({ p, dir: true }))];
  while (queue.length) {
    const { p, dir } = queue.shift()!;
    const id = dir ? `${p}/` : p;
    if (out.has(id)) continue;
    if (out.size >= MAX_TRACKED) return undefined;
    if (dir) {
      const names = await fs.readdir(p).then((n) => n.sort(), (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : null));
      out.set(id, names === undefined ? 'absent' : names === null ? 'unreadable' : `list:${JSON.stringify(names)}`);
      for (const n of names ?? []) queue.push({ p: path.join(p, n), dir: false });
      continue;
    }
    const st = await fs.stat(p).catch(() => undefined);
    if (!st) {
      out.set(id, 'absent');
      continue;
    }
    if (!st.isFile()) {
      out.set(id, `other:${st.mode}`);
      continue;
    }
    // Opened non-blocking and checked again once open: a FIFO in profile.d must not hang the run.
    const r = st.size > CONTENT_CAP ? undefined : await readUserFile(p, CONTENT_CAP);
    if (!r?.ok || r.truncated) {
      out.set(id, `${r ? 'unreadable' : 'big'}:${st.size}:${st.mtimeMs}:${st.ino}`);
      continue;
    }
    out.set(id, `sha256:${createHash('sha256').update(r.text).digest('hex')}`);
    const more = sourcedPaths(r.text, home);
    for (const f of more.files) queue.push({ p: f, dir: false });
    if (shellBase === 'zsh') for (const d of more.zdotdirs) for (const f of ['.zshenv', '.zprofile', '.zshrc', '.zlogin']) queue.push({ p: path.join(d, f), dir: false });
  }
  return [...out].map(([p, state]) => ({ path: p, state }));
}

export interface CacheKeyInput {
  /** The shell as run, its resolved path, and the binary's size and mtime (an upgrade misses). */
  shell: string;
  shellBinary: string;
  args: readonly string[];
  uid: number;
  cwd: string;
  /** The environment the shell is started with. */
  env: Record<string, string | undefined>;
  files: readonly TrackedPath[];
}

/** Pure: one hash of everything that decides what the shell prints. */
export function cacheKey(k: CacheKeyInput): string {
  const env = Object.entries(k.env)
    .filter(([n, v]) => v !== undefined && !VOLATILE_VARS.has(n))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const files = [...k.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return createHash('sha256').update(JSON.stringify({ v: 1, shell: k.shell, bin: k.shellBinary, args: k.args, uid: k.uid, cwd: k.cwd, env, files })).digest('hex');
}

// Shared with the CLI's code cache (cliLoader.ts).
export { cacheDir, untrusted, type FileFacts } from '../host/userCache.js';

const EntrySchema = z.object({
  readAt: z.string().datetime(),
  shell: z.string(),
  commandLine: z.string(),
  env: z.record(z.string()),
});
export type CacheEntry = z.infer<typeof EntrySchema>;
const FileSchema = z.object({ version: z.literal(1), entries: z.record(EntrySchema) });
type CacheFile = z.infer<typeof FileSchema>;

/** Pure: a cache file's text as its entries, or why it is not one. */
function parseCacheFile(text: string): CacheFile | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'the cache file is not JSON';
  }
  const parsed = FileSchema.safeParse(json);
  return parsed.success ? parsed.data : 'the cache file is not in the expected shape';
}

/** Pure: the entry for `key` in a cache file's text, if it parses, is ours and is young enough. */
export function entryFromText(text: string, key: string, now: number): { ok: true; entry: CacheEntry } | { ok: false; why: string } {
  const file = parseCacheFile(text);
  if (typeof file === 'string') return { ok: false, why: file };
  const entry = file.entries[key];
  if (!entry) return { ok: false, why: 'no entry for this shell, directory, environment and start-up files (one changed, or the first run)' };
  const age = now - Date.parse(entry.readAt);
  // A clock set back would make an old entry look young forever.
  if (age < -60_000) return { ok: false, why: 'the entry is dated in the future' };
  if (age > CACHE_MAX_AGE_MS) return { ok: false, why: `the entry is older than ${CACHE_MAX_AGE_MS / 60_000} minutes` };
  return { ok: true, entry };
}

/** Pure: the file's entries with `entry` put first under `key`, the oldest dropped past MAX_ENTRIES. */
export function withEntry(previous: CacheFile | undefined, key: string, entry: CacheEntry, now: number): CacheFile {
  const rest = Object.entries(previous?.entries ?? {}).filter(([k, e]) => k !== key && now - Date.parse(e.readAt) <= CACHE_MAX_AGE_MS);
  rest.sort(([, a], [, b]) => Date.parse(b.readAt) - Date.parse(a.readAt));
  return { version: 1, entries: Object.fromEntries([[key, entry], ...rest.slice(0, MAX_ENTRIES - 1)]) };
}

/** Pure: what is kept of a login environment. Secret-named variables are not written to disk (no probe reads them). */
export function storableEnv(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !isSecretName(k)));
}

/** Pure: the first variable whose value holds what the reports would redact (URL userinfo, a bearer token, a known token shape). */
export function credentialIn(env: Record<string, string>): string | undefined {
  return Object.entries(env).find(([k, v]) => redactPatterns(v) !== v || (k === 'GOFLAGS' && redactGoflags(v) !== v))?.[0];
}

/** Reads the file without following a link, and trusts it only if it is ours and private. */
async function readTrusted(file: string, uid: number): Promise<{ text: string } | { why: string }> {
  let h: fs.FileHandle;
  try {
    h = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { why: 'no cache file yet' } : { why: `the cache file cannot be opened (${code === 'ELOOP' ? 'a symbolic link' : code})` };
  }
  try {
    const st = await h.stat();
    const bad = untrusted({ uid: st.uid, mode: st.mode, isFile: st.isFile() }, uid, 'file');
    if (bad) return { why: `the cache file is ${bad}` };
    if (st.size > 4 * 1024 * 1024) return { why: 'the cache file is too large' };
    return { text: await h.readFile('utf8') };
  } finally {
    await h.close();
  }
}

async function dirTrusted(dir: string, uid: number): Promise<string | undefined> {
  const st = await fs.lstat(dir).catch(() => undefined);
  if (!st) return 'absent';
  if (!st.isDirectory()) return 'not a directory';
  return untrusted({ uid: st.uid, mode: st.mode, isFile: false }, uid, 'directory');
}

export type CacheLookup = { hit: true; entry: CacheEntry; file: string } | { hit: false; why: string };

export async function lookUpCache(dir: string, key: string, uid: number, now: number): Promise<CacheLookup> {
  const dirBad = await dirTrusted(dir, uid);
  if (dirBad === 'absent') return { hit: false, why: 'no cache yet' };
  if (dirBad) return { hit: false, why: `the cache directory ${dir} is ${dirBad}: not used` };
  const file = path.join(dir, CACHE_FILE_NAME);
  const r = await readTrusted(file, uid);
  if ('why' in r) return { hit: false, why: r.why };
  const e = entryFromText(r.text, key, now);
  return e.ok ? { hit: true, entry: e.entry, file } : { hit: false, why: e.why };
}

/**
 * Stores an entry: the directory is created 0700, the file written 0600 under a new name and
 * renamed over the old one, so a corrupt, foreign or linked file is replaced, never written through.
 * Returns why it was not stored, or undefined.
 */
export async function storeInCache(dir: string, key: string, entry: CacheEntry, uid: number, now: number): Promise<string | undefined> {
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const dirBad = await dirTrusted(dir, uid);
    if (dirBad) return `the cache directory ${dir} is ${dirBad}`;
    const file = path.join(dir, CACHE_FILE_NAME);
    // The other entries of a file we trust are kept; anything else is replaced whole.
    const old = await readTrusted(file, uid);
    const parsed = 'text' in old ? parseCacheFile(old.text) : undefined;
    const previous = typeof parsed === 'object' ? parsed : undefined;
    const tmp = path.join(dir, `.${CACHE_FILE_NAME}.${process.pid}.${randomBytes(6).toString('hex')}`);
    await fs.writeFile(tmp, JSON.stringify(withEntry(previous, key, entry, now)), { mode: 0o600, flag: 'wx' });
    try {
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
    return undefined;
  } catch (e) {
    return `the cache could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}
