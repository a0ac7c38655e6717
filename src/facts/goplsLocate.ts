// Where gopls is, in the order the Go extension looks (src/utils/pathUtils.ts
// getBinPathWithExplanation): go.alternateTools.gopls, GOBIN, each GOPATH/bin, GOROOT/bin, PATH.
import path from 'node:path';
import { accessSync, statSync, constants as fsConst } from 'node:fs';
import type { GoEnvFact } from './readGoEnv.js';
import { gopathEntries } from './readGoEnv.js';
import { lookPath } from './lookPath.js';
import type { DoctorSettings } from '../doctor/settings.js';

export type GoplsSource = 'go.alternateTools' | 'GOBIN' | 'go.toolsGopath' | 'GOPATH/bin' | 'GOROOT/bin' | 'PATH';

export interface GoplsCandidate {
  source: GoplsSource;
  path: string;
  exists: boolean;
  executable: boolean;
}

export interface GoplsLocation {
  /** The binary the editor would run, if any. */
  found?: GoplsCandidate;
  /** Every place looked, in order, for the evidence table. */
  looked: GoplsCandidate[];
  /** Set when Restricted Mode stopped a workspace-named binary from being considered. */
  refusedUntrusted?: string;
}

/**
 * Synchronous on purpose: the launch probe spawns what this finds, and the spawn blocks this
 * thread on the same file anyway, while these two calls through libuv's four pool threads queued
 * behind every other probe's /proc reads and put gopls's start 60-130 ms late.
 */
function candidate(source: GoplsSource, p: string): GoplsCandidate {
  let exists = false;
  try {
    exists = statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    // Not there as far as anyone can tell (EACCES on a parent, ELOOP…).
  }
  let executable = false;
  if (exists) {
    try {
      accessSync(p, fsConst.X_OK);
      executable = true;
    } catch {
      // Not executable by this user.
    }
  }
  return { source, path: p, exists, executable };
}

/**
 * goEnv may be a thunk: go.alternateTools.gopls needs no `go env`, so the launch probe can start
 * gopls before `go env -json` has answered.
 */
export async function locateGopls(env: NodeJS.ProcessEnv, settings: DoctorSettings, goEnvOrThunk: GoEnvFact | (() => Promise<GoEnvFact>)): Promise<GoplsLocation> {
  const looked: GoplsCandidate[] = [];
  let refusedUntrusted: string | undefined;
  const alt = settings.alternateGopls;
  if (alt) {
    if (settings.alternateGoplsFromWorkspace && settings.trustWorkspaceBinaries === false) {
      refusedUntrusted = alt;
    } else {
      const p = path.isAbsolute(alt) ? alt : (await lookPath(alt, env)) ?? alt;
      const c = candidate('go.alternateTools', p);
      looked.push(c);
      // The Go extension uses an alternate tool even when it is broken: that is the point of the
      // setting, and the launch probe reports why it fails.
      return { found: c, looked };
    }
  }
  const goEnv = typeof goEnvOrThunk === 'function' ? await goEnvOrThunk() : goEnvOrThunk;
  const values = goEnv.ok ? goEnv.values : {};
  const gobin = values.GOBIN || env.GOBIN;
  const dirs: Array<[GoplsSource, string]> = [];
  if (gobin) dirs.push(['GOBIN', gobin]);
  // vscode-go's getBinPath: go.toolsGopath's bin before GOPATH's (its preferredGopaths), where the
  // extension installs tools when the setting is there. Measured: a broken gopls there was the one
  // the editor ran, while the report checked the one on PATH.
  for (const t of (settings.toolsGopath ?? '').split(path.delimiter).filter((x) => path.isAbsolute(x))) dirs.push(['go.toolsGopath', path.join(t, 'bin')]);
  const gopath = goEnv.ok ? gopathEntries(values) : (env.GOPATH ?? '').split(':').filter(Boolean);
  for (const g of gopath) dirs.push(['GOPATH/bin', path.join(g, 'bin')]);
  const goroot = values.GOROOT || env.GOROOT;
  if (goroot) dirs.push(['GOROOT/bin', path.join(goroot, 'bin')]);
  for (const [source, dir] of dirs) {
    const c = candidate(source, path.join(dir, 'gopls'));
    looked.push(c);
    if (c.executable) return { found: c, looked, refusedUntrusted };
  }
  const onPath = await lookPath('gopls', env);
  if (onPath) {
    const c = candidate('PATH', onPath);
    looked.push(c);
    return { found: c, looked, refusedUntrusted };
  }
  // A present but non-executable gopls is still what would be run and fail with EACCES.
  const broken = looked.find((c) => c.exists);
  return { found: broken, looked, refusedUntrusted };
}
