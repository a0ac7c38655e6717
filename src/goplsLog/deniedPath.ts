// The path a "permission denied" line names, for the checks that ask whether this machine's
// sandbox hides it (probes/flatpakGrants.ts). Pure, table-tested on strings. The shapes are the
// programs' own: Go's fs.PathError ("mkdir /x: permission denied", "open /x/y: permission
// denied"), coreutils/bash ("mkdir: cannot create directory '/x': Permission denied",
// "bash: /x: Permission denied"), Node's ("EACCES: permission denied, mkdir '/x'") and Python's
// ("PermissionError: [Errno 13] Permission denied: '/x'").

export interface DeniedPath {
  path: string;
  /** The operation when the line names one (Go's PathError op, Node's syscall). */
  op?: string;
}

// A path ended by ": permission denied", after an op word, a quote or a prefix like "bash: ".
// The path starts a word: "./run.sh" and "$WORK/b001" are relative, not a place to look up.
const PATH_THEN_DENIED = /(?:\b(mkdir|open|create|rename|remove|unlinkat|symlink|link|chmod|chtimes|truncate|write|stat|lstat|readdirent|openat) )?['"]?(?<![\w.$~/-])(\/[^\s'":]*[^\s'":.,;)])['"]?: [Pp]ermission denied/;
// Node and Python put the path after the words.
const DENIED_THEN_PATH = /[Pp]ermission denied(?:, (\w+))?:? ['"](\/[^'"\n]+)['"]/;

/** Pure: the absolute path a refused file operation names, or undefined. */
export function deniedPathOf(line: string): DeniedPath | undefined {
  const a = PATH_THEN_DENIED.exec(line);
  if (a) return clean(a[2]!, a[1]);
  const b = DENIED_THEN_PATH.exec(line);
  if (b) return clean(b[2]!, b[1]);
  return undefined;
}

function clean(p: string, op: string | undefined): DeniedPath | undefined {
  // Go's $WORK and a path that climbs are not a place on this file system.
  if (p.includes('/../') || p.endsWith('/..')) return undefined;
  const path = p.length > 1 ? p.replace(/\/+$/, '') : p;
  return op ? { path, op } : { path };
}
