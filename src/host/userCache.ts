// The doctor's own cache directory and the rule for trusting what is in it, shared by every cache
// it keeps (the login shell's environment, the CLI's compiled code). Pure.
import path from 'node:path';
import { octalMode } from './fileMode.js';

/** Where the caches live: $XDG_CACHE_HOME/go-env-doctor, else ~/.cache/go-env-doctor. */
export function cacheDir(env: Record<string, string | undefined>): string | undefined {
  const x = env.XDG_CACHE_HOME;
  if (x && path.isAbsolute(x)) return path.join(x, 'go-env-doctor');
  return env.HOME && path.isAbsolute(env.HOME) ? path.join(env.HOME, '.cache', 'go-env-doctor') : undefined;
}

export interface FileFacts {
  uid: number;
  mode: number;
  isFile: boolean;
}

/** Why a cache file or directory cannot be trusted (not ours, or writable by others), or undefined. */
export function untrusted(st: FileFacts, uid: number, what: 'file' | 'directory'): string | undefined {
  if (what === 'file' && !st.isFile) return 'not a regular file';
  if (st.uid !== uid) return `owned by uid ${st.uid}, not ${uid}`;
  if (what === 'file' && st.mode & 0o077) return `mode ${octalMode(st.mode)}: readable or writable by others`;
  if (what === 'directory' && st.mode & 0o022) return `mode ${octalMode(st.mode)}: writable by others`;
  return undefined;
}
