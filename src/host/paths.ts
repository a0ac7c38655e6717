// Path relations computed on the strings, after the caller has resolved symlinks where it matters.
import path from 'node:path';
import os from 'node:os';

/** True when child is parent itself or lies below it. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  // "..x" is a name below parent; only ".." itself or "../…" climbs out.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * The home directory: $HOME, else the passwd entry's, else undefined. os.homedir() throws
 * (uv_os_homedir ENOENT) for a uid with no passwd entry and no HOME, as in a container run with
 * --user 1234 on an image without that user: measured, the CLI died with an internal error.
 */
/**
 * The passwd entry's home, whatever $HOME says: where OpenSSH looks for ~/.ssh, and the home of a
 * process started without HOME. Undefined for a uid with no passwd entry.
 */
export function passwdHomeDir(): string | undefined {
  try {
    return os.userInfo().homedir || undefined;
  } catch {
    return undefined;
  }
}

export function homeDirOf(env: NodeJS.ProcessEnv): string | undefined {
  if (env.HOME) return env.HOME;
  try {
    return os.homedir() || undefined;
  } catch {
    return undefined;
  }
}
