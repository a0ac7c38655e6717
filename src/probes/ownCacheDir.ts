// A cache directory of the user's own, for a Go cache that cannot be used where it is (a read-only
// mount, another user's directory, a full or tiny file system). Testers got only remount or chown,
// both root's, or a link saying "a directory you can write": the fix names a place checked here,
// writable by this user on a file system with room, so typing it works without root.
import { promises as fs, constants as fsConst } from 'node:fs';
import path from 'node:path';
import { isInside } from '../host/paths.js';
import { assessSpace } from '../procfs/statfs.js';
import { resolveExisting, userCacheDir } from './goPaths.js';
import type { OwnCacheDir, OwnCacheRole } from '../fixes/ownCache.js';

export type { OwnCacheDir, OwnCacheRole };


/**
 * Room a new cache needs. A go test of a one-file package from an empty GOCACHE wrote 57 MB there
 * (the standard library compiled for it; go1.26.8, measured); a module cache grows with the
 * modules, which are rarely fewer MiB.
 */
export const OWN_CACHE_ROOM_BYTES = 256 * 1024 * 1024;

/**
 * Pure: where a cache of the user's own could go, best first: the default under the user's cache
 * directory, then under HOME itself (when XDG_CACHE_HOME or ~/.cache is the broken part). For the
 * gopls cache the value is GOPLSCACHE's, under which gopls makes its own "gopls" directory, so it
 * is never the user cache directory itself (that is where the broken one lies).
 */
export function ownCacheCandidates(role: OwnCacheRole, env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME && path.isAbsolute(env.HOME) && env.HOME !== '/' ? env.HOME : undefined;
  const cache = userCacheDir(env);
  const list: Array<string | undefined> =
    role === 'GOCACHE'
      ? [cache && path.join(cache, 'go-build'), home && path.join(home, '.cache', 'go-build'), home && path.join(home, 'go-build-cache')]
      : role === 'GOMODCACHE'
        ? [home && path.join(home, 'go', 'pkg', 'mod'), cache && path.join(cache, 'go-mod'), home && path.join(home, 'go-mod-cache')]
        : [cache && path.join(cache, 'gopls-own'), home && path.join(home, '.gopls-cache')];
  return [...new Set(list.filter((p): p is string => !!p).map((p) => path.normalize(p)))];
}

/**
 * A further check of a candidate's nearest existing directory, for what writability and room do not
 * say (a build cache go runs programs from must allow executing): the reason to pass it over, or
 * undefined to take it.
 */
export type OwnCacheCheck = (existing: string) => Promise<string | undefined>;

export interface OwnCacheSearch {
  found?: OwnCacheDir;
  /** Why each candidate before it was passed over, for the probe's observed record. */
  rejected: Array<{ dir: string; why: string }>;
}

/**
 * The first candidate this user can create or write, outside the broken directory (`brokenReal`,
 * resolved) and on a file system with OWN_CACHE_ROOM_BYTES free. access(2) answers for this
 * process's uid, which is the user the Go tools run as; a read-only mount answers EROFS.
 */
export async function findOwnCacheDir(role: OwnCacheRole, env: NodeJS.ProcessEnv, brokenReal: string, accept?: OwnCacheCheck): Promise<OwnCacheSearch> {
  const rejected: OwnCacheSearch['rejected'] = [];
  for (const dir of ownCacheCandidates(role, env)) {
    const r = await resolveExisting(dir);
    // gopls appends /gopls: GOPLSCACHE=X uses X/gopls.
    const used = role === 'gopls cache' ? path.join(r.real, 'gopls') : r.real;
    if (isInside(used, brokenReal) || isInside(brokenReal, used)) {
      rejected.push({ dir, why: `is or holds the directory that fails (${brokenReal})` });
      continue;
    }
    const st = await fs.stat(r.existing).catch(() => undefined);
    if (!st?.isDirectory()) {
      rejected.push({ dir, why: `${r.existing} is not a directory` });
      continue;
    }
    const denied = await fs.access(r.existing, fsConst.W_OK | fsConst.X_OK).then(() => undefined, (e: NodeJS.ErrnoException) => e.code ?? 'EACCES');
    if (denied) {
      rejected.push({ dir, why: `${r.existing} is not writable (${denied})` });
      continue;
    }
    const sfs = await fs.statfs(r.existing).catch(() => undefined);
    const space = sfs ? assessSpace({ bsize: sfs.bsize, blocks: sfs.blocks, bavail: sfs.bavail, files: sfs.files, ffree: sfs.ffree }) : undefined;
    if (!space || space.level !== 'ok' || space.bytesFree < OWN_CACHE_ROOM_BYTES) {
      rejected.push({ dir, why: space ? `only ${space.bytesFree} bytes free there` : 'statfs failed' });
      continue;
    }
    const refused = accept ? await accept(r.existing) : undefined;
    if (refused) {
      rejected.push({ dir, why: refused });
      continue;
    }
    return { found: { dir, checked: r.existing, bytesFree: space.bytesFree }, rejected };
  }
  return { rejected };
}
