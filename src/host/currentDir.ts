// The process's working directory, or undefined when it is gone. A shell can stand in a folder
// that was removed (rm -rf of the checkout a terminal is in, a container's bind mount replaced):
// process.cwd() then throws ENOENT (uv_cwd), and a tester's run ended in "internal error" with a
// stack trace, or a login-shell probe "crashed" on it, although nothing needed that folder.
export function currentDir(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

/** The arguments that are paths relative to the working directory, which cannot be resolved without it. Pure. */
export function needsWorkingDir(paths: readonly (string | undefined)[]): string[] {
  return paths.filter((p): p is string => p !== undefined && p !== '' && !p.startsWith('/'));
}

/** Where a child starts when the caller names no folder: ours, or / when ours is gone. */
export function childCwd(): string | undefined {
  return currentDir() === undefined ? '/' : undefined;
}
