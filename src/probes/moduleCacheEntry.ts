// Is a module version in the module cache, the way go itself decides (cmd/go/internal/modfetch,
// DownloadDir and DownloadZip in go 1.26)? go uses the extracted folder <path>@<version> when it is
// a folder, no <version>.partial marks it half-extracted, and <version>.ziphash exists; otherwise it
// unzips cache/download/<path>/@v/<version>.zip when that zip is there, with no network (a lost
// .ziphash it hashes again from the zip). Only without both does it download. Before, the doctor looked at the extracted folder
// alone and told a tester that golang.org/x/text was "not in the module cache" while go built from
// the zip offline (a CI cache that keeps cache/download only holds exactly that).
import path from 'node:path';
import { promises as fs, statSync, accessSync, constants as fsConst } from 'node:fs';
import { escapeModulePath } from './goproxyConfig.js';

export interface ModuleVersionRef {
  path: string;
  version: string;
}

/** What a stat of each part of one module version's cache entry found. */
export interface CacheEntryFiles {
  /** The extracted folder: a folder, a file, absent, or refused (EACCES/EPERM on search or read). */
  dir: 'folder' | 'file' | 'absent' | 'EACCES' | 'EPERM';
  partial: boolean;
  zip: boolean;
  ziphash: boolean;
  mod: boolean;
}

export type CacheEntryState =
  /** go uses the extracted folder as it is. */
  | 'extracted'
  /** go unzips the cached zip, offline. */
  | 'zip'
  /** The folder is there but go cannot use it (a .partial, no .ziphash) and there is no zip to unzip again: go downloads. */
  | 'incomplete'
  /** Only the go.mod (what go list -m all fetches): the module graph loads, no package of it builds without a download. */
  | 'mod-only'
  | 'absent'
  /** There, behind a folder this user cannot search or read: downloading again does not help. */
  | 'unreadable';

/** Pure: go's verdict on one entry. */
export function cacheEntryState(f: CacheEntryFiles): CacheEntryState {
  if (f.dir === 'EACCES' || f.dir === 'EPERM') return 'unreadable';
  if (f.dir === 'folder' && !f.partial && f.ziphash) return 'extracted';
  if (f.zip) return 'zip';
  if (f.dir !== 'absent') return 'incomplete';
  return f.mod ? 'mod-only' : 'absent';
}

/** Pure: can go build from this entry without downloading? */
export const usableOffline = (s: CacheEntryState): boolean => s === 'extracted' || s === 'zip';

/** Pure: the paths go looks at, under GOMODCACHE (module path and version case-escaped, "!x" for "X"). */
export function cacheEntryPaths(modcache: string, m: ModuleVersionRef): { dir: string; download: string } {
  const v = escapeModulePath(m.version);
  return {
    dir: path.join(modcache, `${escapeModulePath(m.path)}@${v}`),
    // download + ".zip", ".ziphash", ".mod", ".partial", ".info"
    download: path.join(modcache, 'cache', 'download', escapeModulePath(m.path), '@v', v),
  };
}

/** Pure: what the cache holds of an entry that is not usable, in a few words for evidence ("only …/@v/v1.0.0.mod"). */
export function cacheEntryWords(state: CacheEntryState, m: ModuleVersionRef): string {
  const at = `${escapeModulePath(m.path)}@${escapeModulePath(m.version)}`;
  const dl = `cache/download/${escapeModulePath(m.path)}/@v/${escapeModulePath(m.version)}`;
  switch (state) {
    case 'extracted':
      return `${at} (extracted)`;
    case 'zip':
      return `${dl}.zip (go unzips it offline)`;
    case 'incomplete':
      return `${at} is there but not usable (half extracted, or no .ziphash) and ${dl}.zip is not`;
    case 'mod-only':
      return `no ${at}, no ${dl}.zip; only ${dl}.mod (the module graph's, no source)`;
    case 'absent':
      return `no ${at}`;
    case 'unreadable':
      return `${at} cannot be read`;
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** Pure: the folder's kind from its stat and its access(2) R_OK|X_OK answer. */
function folderKind(isDir: boolean | undefined, access: string | undefined): CacheEntryFiles['dir'] {
  if (isDir === false) return 'file';
  if (access === 'EACCES' || access === 'EPERM') return access;
  return isDir ? 'folder' : 'absent';
}

/** One entry, read as go reads it. */
export async function readCacheEntry(modcache: string, m: ModuleVersionRef): Promise<{ state: CacheEntryState; dir: string; code?: string }> {
  const p = cacheEntryPaths(modcache, m);
  const there = (f: string) => fs.stat(f).then(() => true, () => false);
  // go reads the folder's files: a folder this user cannot search or read is refused, not absent.
  const [isDir, access, partial, zip, ziphash, mod] = await Promise.all([
    fs.stat(p.dir).then((s) => s.isDirectory(), () => undefined),
    fs.access(p.dir, fsConst.R_OK | fsConst.X_OK).then(() => undefined, (e: NodeJS.ErrnoException) => e.code ?? 'EIO'),
    there(`${p.download}.partial`),
    there(`${p.download}.zip`),
    there(`${p.download}.ziphash`),
    there(`${p.download}.mod`),
  ]);
  const state = cacheEntryState({ dir: folderKind(isDir, access), partial, zip, ziphash, mod });
  return { state, dir: p.dir, ...(state === 'unreadable' ? { code: access } : {}) };
}

/** The same, synchronously: for code that already reads a few files in line (gopls.ts's diagnostics). */
export function readCacheEntrySync(modcache: string, m: ModuleVersionRef): { state: CacheEntryState; dir: string; code?: string } {
  const p = cacheEntryPaths(modcache, m);
  const there = (f: string) => {
    try {
      statSync(f);
      return true;
    } catch {
      return false;
    }
  };
  let access: string | undefined;
  try {
    accessSync(p.dir, fsConst.R_OK | fsConst.X_OK);
  } catch (e) {
    access = (e as NodeJS.ErrnoException).code ?? 'EIO';
  }
  let isDir: boolean | undefined;
  try {
    isDir = statSync(p.dir).isDirectory();
  } catch {
    isDir = undefined;
  }
  const dir = folderKind(isDir, access);
  const state = cacheEntryState({ dir, partial: there(`${p.download}.partial`), zip: there(`${p.download}.zip`), ziphash: there(`${p.download}.ziphash`), mod: there(`${p.download}.mod`) });
  return { state, dir: p.dir, ...(state === 'unreadable' ? { code: access } : {}) };
}
