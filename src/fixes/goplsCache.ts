// gopls's cache directory, and the guard that stands between "Clear gopls Cache" and a recursive
// delete. No vscode import: the probes run the same guard before they offer the fix, so the text
// report, the Markdown, the JSON and the panel only ever offer a clear that the button would do
// (issue 9 finding 3), and the extension's confirmation is just a callback here.
//
// gopls itself (internal/filecache getCacheDir, v0.23.0) uses $GOPLSCACHE or os.UserCacheDir()
// ($XDG_CACHE_HOME, else $HOME/.cache), joined with "gopls". The guard re-derives that path and
// refuses anything else: $HOME, /, an ancestor of $HOME, a symlink, a directory that resolves
// somewhere not named gopls, another user's directory, and a directory that another user could
// swap or fill because it or a parent (up to $HOME or the cache base) is writable by them.
//
// The delete never follows a symlink and cannot be redirected after the check (issue 9 finding
// 2): the guard runs again after the confirmation; the directory is opened O_DIRECTORY|O_NOFOLLOW
// and its (dev, ino) must be the checked one; then everything is done relative to that open
// descriptor through /proc/self/fd/N (the kernel resolves that link to the opened directory
// itself, like openat/unlinkat), each subdirectory opened the same way. Freed space is counted in
// blocks (st_blocks × 512, like du), not apparent sizes.
import { promises as fs, constants as fsConst } from 'node:fs';
import path from 'node:path';
import { octalMode } from '../host/fileMode.js';

export type CacheDirResult = { ok: true; dir: string } | { ok: false; reason: string };

/** Where gopls keeps its cache for this environment (not checked against the disk). */
export function goplsCacheDir(env: NodeJS.ProcessEnv): CacheDirResult {
  let base = env.GOPLSCACHE || '';
  if (!base) {
    // os.UserCacheDir on Linux.
    const xdg = env.XDG_CACHE_HOME || '';
    if (xdg) {
      if (!path.isAbsolute(xdg)) return { ok: false, reason: `XDG_CACHE_HOME is relative (${xdg}); gopls falls back to the temp dir` };
      base = xdg;
    } else if (env.HOME) base = path.join(env.HOME, '.cache');
    else return { ok: false, reason: 'neither $XDG_CACHE_HOME nor $HOME is set' };
  }
  if (!path.isAbsolute(base)) return { ok: false, reason: `cache base ${base} is not absolute` };
  return { ok: true, dir: path.join(path.resolve(base), 'gopls') };
}

export type GuardResult =
  | { ok: true; dir: string; dev: number; ino: number }
  | { ok: false; reason: string; absent?: boolean };

const S_ISVTX = 0o1000;
const writableByOthers = (mode: number) => (mode & 0o022) !== 0;

/**
 * Checks that `requested` is gopls's cache directory for `env` and is safe to empty; cheap (no
 * walk), so a probe can run it before it offers the fix. Never follows a symlink at the end.
 */
export async function guardGoplsCacheDir(requested: string, env: NodeJS.ProcessEnv, uid?: number): Promise<GuardResult> {
  const expected = goplsCacheDir(env);
  if (!expected.ok) return { ok: false, reason: expected.reason };
  if (!path.isAbsolute(requested)) return { ok: false, reason: `${requested} is not an absolute path` };
  const want = expected.dir;
  if (path.resolve(requested) !== want) return { ok: false, reason: `${requested} is not gopls's cache directory (${want})` };
  let st;
  try {
    st = await fs.lstat(want);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: `${want}: ${code === 'ENOENT' ? 'does not exist; nothing to clear' : code}`, absent: code === 'ENOENT' };
  }
  if (st.isSymbolicLink()) return { ok: false, reason: `${want} is a symbolic link; refusing to delete through it` };
  if (!st.isDirectory()) return { ok: false, reason: `${want} is not a directory` };
  const me = uid !== undefined && uid >= 0 ? uid : undefined;
  if (me !== undefined && st.uid !== me) return { ok: false, reason: `${want} belongs to uid ${st.uid}, not to you (uid ${me})` };
  let real: string;
  try {
    real = await fs.realpath(want);
  } catch (e) {
    return { ok: false, reason: `${want}: ${(e as NodeJS.ErrnoException).code}` };
  }
  const home = env.HOME ? await fs.realpath(env.HOME).catch(() => path.resolve(env.HOME!)) : undefined;
  if (real === '/' || path.dirname(real) === real) return { ok: false, reason: `${want} resolves to the file system root` };
  if (home && (real === home || home.startsWith(real + path.sep))) return { ok: false, reason: `${want} resolves to ${real}, which is or contains your home directory` };
  if (path.basename(real) !== 'gopls') return { ok: false, reason: `${want} resolves to ${real}, which is not a gopls cache directory` };
  const rst = await fs.lstat(real).catch(() => undefined);
  if (!rst?.isDirectory()) return { ok: false, reason: `${real} is not a directory` };
  if (writableByOthers(rst.mode)) return { ok: false, reason: `${real} is writable by other users (mode ${octalMode(rst.mode)}): someone else could put links in it` };
  const parents = await unsafeParent(real, home, me);
  if (parents) return { ok: false, reason: parents };
  return { ok: true, dir: real, dev: rst.dev, ino: rst.ino };
}

/**
 * Each parent of the cache, up to $HOME when the cache is inside it, else up to the directory
 * holding the cache: owned by you or root, and not writable by anyone else unless it is sticky
 * and the entry below it is yours (as /tmp is). Otherwise another user could rename the cache
 * away and put a symlink in its place.
 */
async function unsafeParent(real: string, home: string | undefined, me: number | undefined): Promise<string | undefined> {
  const stop = home && real.startsWith(home + path.sep) ? home : path.dirname(real);
  let child = real;
  let childOwner = (await fs.lstat(real)).uid;
  for (let dir = path.dirname(real); ; dir = path.dirname(dir)) {
    const st = await fs.lstat(dir).catch(() => undefined);
    if (!st) return `${dir} cannot be checked`;
    if (me !== undefined && st.uid !== me && st.uid !== 0) return `${dir}, a parent of the cache, belongs to uid ${st.uid}: that user could replace ${child}`;
    if (writableByOthers(st.mode) && !((st.mode & S_ISVTX) !== 0 && (me === undefined || childOwner === me))) {
      return `${dir}, a parent of the cache, is writable by other users (mode ${octalMode(st.mode)}): they could replace ${child} with a link`;
    }
    if (dir === stop || path.dirname(dir) === dir) return undefined;
    child = dir;
    childOwner = st.uid;
  }
}

export interface CacheSize {
  entries: number;
  /** Allocated bytes (st_blocks × 512), each inode once: what deleting would free, like du. */
  bytes: number;
}

/** What the cache holds, by lstat: symlinks are counted, never followed. */
export async function measureCacheDir(dir: string): Promise<CacheSize> {
  const seen = new Set<string>();
  let bytes = 0;
  let entries = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    const names = await fs.readdir(d).catch(() => [] as string[]);
    for (const n of names) {
      const p = path.join(d, n);
      const st = await fs.lstat(p).catch(() => undefined);
      if (!st) continue;
      entries++;
      if (st.isDirectory()) stack.push(p);
      const key = `${st.dev}:${st.ino}`;
      if (seen.has(key)) continue;
      seen.add(key);
      bytes += st.blocks * 512;
    }
  }
  return { bytes, entries };
}

export type ClearResult =
  | { ok: true; dir: string; freedBytes: number; removed: number; failed: number }
  | { ok: false; reason: string; cancelled?: boolean };

export interface ClearOptions {
  env: NodeJS.ProcessEnv;
  uid?: number;
  /** Asks the user; the extension shows a modal dialog. False: nothing is touched. */
  confirm(summary: { dir: string } & CacheSize): Promise<boolean>;
}

/**
 * The whole clear: guard, measure, confirm, guard again, then empty the very directory that was
 * checked (the directory itself stays: a running gopls holds it).
 */
export async function clearGoplsCacheDir(requested: string, o: ClearOptions): Promise<ClearResult> {
  const first = await guardGoplsCacheDir(requested, o.env, o.uid);
  if (!first.ok) return first;
  const size = await measureCacheDir(first.dir);
  if (!(await o.confirm({ dir: first.dir, ...size }))) return { ok: false, reason: 'The gopls cache was not touched.', cancelled: true };
  // The dialog may have waited minutes: check everything again, and that it is the same directory.
  const again = await guardGoplsCacheDir(requested, o.env, o.uid);
  if (!again.ok) return { ok: false, reason: `changed since the check: ${again.reason}` };
  if (again.dir !== first.dir || again.dev !== first.dev || again.ino !== first.ino) return { ok: false, reason: `${first.dir} was replaced since the check; nothing was deleted` };
  return emptyCheckedDir(again);
}

/** Empties the checked directory through a descriptor: never by its path again. */
export async function emptyCheckedDir(guard: Extract<GuardResult, { ok: true }>): Promise<ClearResult> {
  let h: fs.FileHandle;
  try {
    h = await fs.open(guard.dir, fsConst.O_RDONLY | fsConst.O_DIRECTORY | fsConst.O_NOFOLLOW);
  } catch (e) {
    return { ok: false, reason: `${guard.dir}: ${(e as NodeJS.ErrnoException).code === 'ELOOP' ? 'is now a symbolic link' : (e as NodeJS.ErrnoException).code}; nothing was deleted` };
  }
  try {
    const st = await h.stat();
    if (st.dev !== guard.dev || st.ino !== guard.ino) return { ok: false, reason: `${guard.dir} was replaced since the check; nothing was deleted` };
    const tally = { freedBytes: 0, removed: 0, failed: 0, seen: new Set<string>() };
    await emptyByFd(h, tally, 0);
    return { ok: true, dir: guard.dir, freedBytes: tally.freedBytes, removed: tally.removed, failed: tally.failed };
  } finally {
    await h.close().catch(() => undefined);
  }
}

/** gopls's cache is two levels deep; a limit keeps a crafted tree from exhausting descriptors. */
const MAX_DEPTH = 32;

async function emptyByFd(dir: fs.FileHandle, t: { freedBytes: number; removed: number; failed: number; seen: Set<string> }, depth: number): Promise<void> {
  const at = `/proc/self/fd/${dir.fd}`;
  const names = await fs.readdir(at);
  for (const n of names) {
    const p = `${at}/${n}`;
    const st = await fs.lstat(p).catch(() => undefined);
    if (!st) continue;
    const key = `${st.dev}:${st.ino}`;
    const blocks = t.seen.has(key) ? 0 : st.blocks * 512;
    t.seen.add(key);
    if (st.isDirectory()) {
      if (depth >= MAX_DEPTH) {
        t.failed++;
        continue;
      }
      let sub: fs.FileHandle | undefined;
      try {
        // O_NOFOLLOW: if the entry became a symlink since the lstat, this fails and it is skipped.
        sub = await fs.open(p, fsConst.O_RDONLY | fsConst.O_DIRECTORY | fsConst.O_NOFOLLOW);
        const sst = await sub.stat();
        if (sst.dev !== st.dev || sst.ino !== st.ino) {
          t.failed++;
          continue;
        }
        await emptyByFd(sub, t, depth + 1);
      } catch {
        t.failed++;
        continue;
      } finally {
        await sub?.close().catch(() => undefined);
      }
      try {
        await fs.rmdir(p);
        t.removed++;
        t.freedBytes += blocks;
      } catch {
        t.failed++;
      }
    } else {
      // unlink removes a symlink itself, never what it points at.
      try {
        await fs.unlink(p);
        t.removed++;
        t.freedBytes += blocks;
      } catch {
        t.failed++;
      }
    }
  }
}
