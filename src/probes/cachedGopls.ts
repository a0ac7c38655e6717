// The gopls versions whose go.mod the module cache holds, with each go.mod's go line: what the
// install fix (fixes/goplsInstall.ts) needs to offer a gopls this go can build. Offline: only
// $GOMODCACHE/cache/download/golang.org/x/tools/gopls/@v/*.mod, which go writes whenever it
// resolves a gopls version (an install that then failed on the go line included).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GOPLS_MODULE, type CachedGopls } from '../fixes/goplsInstall.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { parseGoDirectives } from './modules.js';

/** A cache that kept every release since v0.1 holds about 150; reading the newest few is enough. */
const MAX_READ = 24;

export function goplsDownloadDir(gomodcache: string): string {
  // Module paths are lower case in the cache (no escaping needed for golang.org/x/tools/gopls).
  return path.join(gomodcache, 'cache', 'download', ...GOPLS_MODULE.split('/'), '@v');
}

/** Pure: the release versions named by .mod files in a directory listing, newest first. */
export function releaseModFiles(names: readonly string[]): string[] {
  const key = (n: string) => /^v(\d+)\.(\d+)\.(\d+)\.mod$/.exec(n)?.slice(1).map(Number);
  return names
    .filter((n) => key(n))
    .sort((a, b) => {
      const x = key(a)!;
      const y = key(b)!;
      return y[0]! - x[0]! || y[1]! - x[1]! || y[2]! - x[2]!;
    })
    .map((n) => n.slice(0, -'.mod'.length));
}

export async function cachedGoplsVersions(gomodcache: string | undefined): Promise<CachedGopls[]> {
  if (!gomodcache) return [];
  const dir = goplsDownloadDir(gomodcache);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const versions = releaseModFiles(names).slice(0, MAX_READ);
  const read = await Promise.all(
    versions.map(async (version) => {
      const source = path.join(dir, `${version}.mod`);
      const text = await readUserText(source, CAP.goModFile);
      return text === undefined ? undefined : { version, source, ...(parseGoDirectives(text).go ? { go: parseGoDirectives(text).go } : {}) };
    }),
  );
  return read.filter((c): c is CachedGopls => c !== undefined);
}
