// gopls's cache directory, and the guard that stands between a "Clear gopls Cache" click and
// a recursive delete. gopls itself (internal/filecache getCacheDir, v0.23.0) uses
// $GOPLSCACHE or os.UserCacheDir() ($XDG_CACHE_HOME, else $HOME/.cache), joined with "gopls".
// The guard re-derives that path and refuses anything else: $HOME, /, an ancestor of $HOME,
// a symlink, a directory that resolves somewhere not named gopls, another user's directory.
import { promises as fs } from 'node:fs';
import path from 'node:path';

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
  | { ok: true; dir: string; bytes: number; entries: number }
  | { ok: false; reason: string; absent?: boolean };

/**
 * Checks that `requested` is gopls's cache directory for `env` and is safe to empty. Returns the
 * resolved directory and what it holds. Never follows a symlink.
 */
export async function checkGoplsCacheDir(requested: string, env: NodeJS.ProcessEnv, uid?: number): Promise<GuardResult> {
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
  if (uid !== undefined && uid >= 0 && st.uid !== uid) return { ok: false, reason: `${want} belongs to uid ${st.uid}, not to you (uid ${uid})` };
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
  const { bytes, entries } = await sizeOf(real);
  return { ok: true, dir: real, bytes, entries };
}

/** Bytes and entries under dir, by lstat: symlinks are counted, never followed. */
export async function sizeOf(dir: string): Promise<{ bytes: number; entries: number }> {
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
      else bytes += st.size;
    }
  }
  return { bytes, entries };
}

/** Empties a directory the guard accepted (the directory itself stays: a running gopls holds it). */
export async function emptyDir(dir: string): Promise<void> {
  for (const n of await fs.readdir(dir)) await fs.rm(path.join(dir, n), { recursive: true, force: true });
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 10 ? 0 : 1)} ${units[i]}`;
}
