// Where a go usually is when the PATH at hand reaches none: the tarball's /usr/local/go, the
// distributions' /usr/lib/go and /usr/lib/golang, snap's /snap/bin, golang.org/dl's ~/sdk/goX and a
// tarball unpacked into the home. A go found here means "put its directory on PATH", not "install
// Go" (a tester's `env -i` run was told to install the Go sitting in /usr/local/go).
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { compareGoVersions, parseGoVersion } from './readGoEnv.js';
import { isExecutableFile, pathEntries } from './lookPath.js';
import { homeDirOf } from '../host/paths.js';

/** ~/sdk holds one directory per `goX download`; more than this many is no one's machine. */
const MAX_SDK_ENTRIES = 64;

/**
 * The bin directories a Go installation usually has, most usual first: GOROOT's when the
 * environment names one, the system's, then the home's (~/sdk newest release first, so the
 * suggestion is the Go the user downloaded last). Pure.
 */
export function goInstallDirs(where: { goroot?: string; home?: string; sdkEntries?: readonly string[] }): string[] {
  const dirs = [...(where.goroot ? [path.join(where.goroot, 'bin')] : []), '/usr/local/go/bin', '/usr/lib/go/bin', '/usr/lib/golang/bin', '/snap/bin', '/usr/bin', '/opt/go/bin'];
  const home = where.home;
  if (home && path.isAbsolute(home)) {
    // ~/go is GOPATH's default, but also where `tar -C ~ -xzf go*.tar.gz` puts a whole Go.
    dirs.push(path.join(home, 'go', 'bin'), path.join(home, '.local', 'go', 'bin'), path.join(home, 'go-sdk', 'bin'));
    const releases = (where.sdkEntries ?? []).flatMap((n) => {
      const v = /^go\d/.test(n) ? parseGoVersion(n) : undefined;
      return v ? [{ n, v }] : [];
    });
    releases.sort((a, b) => compareGoVersions(b.v, a.v));
    dirs.push(...releases.map((r) => path.join(home, 'sdk', r.n, 'bin')));
  }
  return [...new Set(dirs)];
}

/** The same directories for this machine: GOROOT from `env`, the home from `env` or passwd, ~/sdk read. */
export async function goInstallDirsHere(env: NodeJS.ProcessEnv): Promise<string[]> {
  const home = homeDirOf(env);
  const sdkEntries = home ? (await fs.readdir(path.join(home, 'sdk')).catch(() => [] as string[])).slice(0, MAX_SDK_ENTRIES) : [];
  return goInstallDirs({ ...(env.GOROOT ? { goroot: env.GOROOT } : {}), ...(home ? { home } : {}), sdkEntries });
}

/** The first executable go in a usual place that `env`'s PATH does not reach; undefined when there is none. */
export async function goOffPath(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const onPath = new Set(pathEntries(env).map((d) => path.resolve(d)));
  for (const dir of await goInstallDirsHere(env)) {
    if (onPath.has(dir)) continue;
    const go = path.join(dir, 'go');
    if (await isExecutableFile(go)) return go;
  }
  return undefined;
}
