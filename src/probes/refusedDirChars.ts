// go refuses to build a package whose directory path holds a carriage return or a line feed
// (cmd/go/internal/load/pkg.go: `strings.ContainsAny(p.Dir, "\r\n")` → "invalid package directory
// %q"), whatever the folder's own name. A tester's module under a folder named with a newline got
// "no problems found", then an unexplained "could not import fmt (missing metadata …)" from gopls,
// while every go build there failed with that error. A module cache whose path holds one fails
// every dependency the same way (measured: `imports golang.org/x/mod/semver: invalid package
// directory "…/mod\ncache/golang.org/x/mod@v0.43.0/semver"`).
import path from 'node:path';
import type { Fix, FindingInput } from '../doctor/model.js';
import { quoteForDisplay } from '../host/shellQuote.js';

const REFUSED = /[\r\n]/;

/** Does go refuse package directories at or below dir (a CR or LF anywhere in the path)? Pure. */
export function goRefusesDir(dir: string): boolean {
  return REFUSED.test(dir);
}

/**
 * The folder to rename so that dir's path holds no CR or LF: the outermost path segment holding
 * one, and the same path with each run of CR/LF in that segment turned into "-". Pure.
 */
export function renameFor(dir: string): { from: string; to: string } | undefined {
  const parts = path.resolve(dir).split('/');
  const i = parts.findIndex((p) => REFUSED.test(p));
  if (i < 0) return undefined;
  const from = parts.slice(0, i + 1).join('/');
  return { from, to: [...parts.slice(0, i), parts[i]!.replace(/[\r\n]+/g, '-')].join('/') };
}

/**
 * A finding for a directory go refuses: `what` says which (the workspace folder, the module cache)
 * and `source` where the path was read. The fix renames the outermost offending folder, unless the
 * new name is taken (`taken`). Pure.
 */
export function refusedDirFinding(dir: string, what: 'workspace' | 'module cache', source: string, taken: (p: string) => boolean): FindingInput {
  const r = renameFor(dir);
  const whose = what === 'workspace' ? 'every package there' : `every dependency in the module cache ${quoteForDisplay(dir)}`;
  const fixes: Fix[] =
    r && !taken(r.to)
      ? [
          {
            id: `rename-refused-dir:${what}`,
            kind: 'terminal',
            title: `Rename the folder whose name holds a line break, then ${what === 'workspace' ? 'open the folder under its new path' : 'point GOMODCACHE at the new path'}`,
            text: `mv -- ${quoteForDisplay(r.from)} ${quoteForDisplay(r.to)}`,
            needsRoot: false,
            detail: what === 'workspace' ? `Then open ${quoteForDisplay(path.join(r.to, path.relative(r.from, dir)))} in the editor.` : `Then set GOMODCACHE to ${quoteForDisplay(path.join(r.to, path.relative(r.from, dir)))} where it is set (go env -w, or your environment).`,
          },
        ]
      : [];
  return {
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.9,
    message: `The path ${quoteForDisplay(dir)} holds a line break (CR or LF), and go refuses to build any package in a directory whose path holds one: ${whose} fails in go build, go test and gopls with "invalid package directory", and gopls then reports imports it cannot load ("missing metadata").`,
    // The path as go prints it in that error (%q): the line break shows as \n.
    evidence: [{ source, excerpt: JSON.stringify(dir) }],
    fixes,
  };
}
