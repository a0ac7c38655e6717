// Path relations computed on the strings, after the caller has resolved symlinks where it matters.
import path from 'node:path';

/** True when child is parent itself or lies below it. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  // "..x" is a name below parent; only ".." itself or "../…" climbs out.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
