// The fix that gives the Go tools a cache of the user's own, at a directory the probe checked
// (probes/ownCacheDir.ts): no root needed, unlike a remount or a chown. Where the value must go
// depends on where the current one is set: a GOCACHE or GOMODCACHE exported where the editor was
// started wins over the go env file (go env -w only warns "does not override conflicting OS
// environment variable", measured), so it goes into go.toolsEnvVars; otherwise go env -w, which
// terminals and the editor both read. GOPLSCACHE is gopls's alone and read from the environment
// only, so it is always the setting.
import type { Fix } from '../doctor/model.js';
import { formatBytes } from '../host/bytes.js';
import { quoteForDisplay as sh } from '../host/shellQuote.js';
import { toolsEnvFix } from './catalog.js';

export type OwnCacheRole = 'GOCACHE' | 'GOMODCACHE' | 'gopls cache';

/** A directory found for a cache of the user's own (probes/ownCacheDir.ts). */
export interface OwnCacheDir {
  /** The directory to use, absolute (for the gopls cache: GOPLSCACHE's value). */
  dir: string;
  /** What was checked: the directory or its nearest existing parent, and the free bytes there. */
  checked: string;
  bytesFree: number;
}

const WHAT: Record<OwnCacheRole, { noun: string; refill: string }> = {
  GOCACHE: { noun: 'build cache', refill: 'go fills it again as it builds (the first build is slower).' },
  GOMODCACHE: { noun: 'module cache', refill: 'go downloads the modules again into it, which needs the network (or GOPROXY) once.' },
  'gopls cache': { noun: 'gopls cache', refill: 'gopls makes its gopls directory there and indexes again.' },
};

export function ownCacheFix(id: string, role: OwnCacheRole, own: OwnCacheDir, exported: string | undefined, titled?: string): Fix {
  const { noun, refill } = WHAT[role];
  const checked = `Checked: you can write ${own.checked}, and its file system has ${formatBytes(own.bytesFree)} free.`;
  if (role === 'gopls cache') {
    return toolsEnvFix(id, `Give gopls a cache of your own (GOPLSCACHE=${own.dir})`, { GOPLSCACHE: own.dir }, `gopls keeps its cache in $GOPLSCACHE/gopls; go.toolsEnvVars sets it for the gopls the editor starts. ${refill} ${checked}`);
  }
  const title = titled ?? `Use a ${noun} of your own: ${own.dir}`;
  if (exported !== undefined) {
    return toolsEnvFix(id, title, { [role]: own.dir }, `${role}=${exported} is exported in the environment the editor was started with, where go env -w cannot override it: go.toolsEnvVars does for gopls and every go command the extension runs. Change or remove the export itself (a shell profile, the launcher) for terminals. ${refill} ${checked}`);
  }
  return { id, kind: 'terminal', title, text: `mkdir -p ${sh(own.dir)} && go env -w ${role}=${sh(own.dir)}`, needsRoot: false, detail: `Written to go's own config file (go env GOENV), which terminals and the editor read; needs no root. ${refill} ${checked}` };
}
