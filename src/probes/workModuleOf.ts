// gopls says "no required module provides package X" for an import of a module that sits beside
// the file's own module under a go.work: the go.work is not in effect (GOWORK=off, or GOWORK naming
// another file) or does not `use` that folder. A tester's go.work of app/ and lib/ under GOWORK=off
// was offered `go mod tidy` first, which looks X up on the proxy: it failed ("400 Bad Request" for
// example.com/lib), and for a module also published it would pull the published copy into go.mod
// instead of the folder beside it. What joins the two is the go.work.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CAP, readUserTextSync } from '../host/readUserFile.js';
import { goModModulePath, parseGoWorkUses } from '../lsp/workspaceFiles.js';

export interface WorkModule {
  /** The go.work found at or above the importing module, as go looks for it when GOWORK is unset. */
  work: string;
  /** The folder of the module that provides the import, and the module path its go.mod declares. */
  dir: string;
  path: string;
  /** Whether the go.work lists that folder in a `use` directive. */
  used: boolean;
}

/** Bounds on the walk of the go.work's folder: a monorepo's modules lie a few levels down. */
const WALK = { maxDirs: 2000, maxDepth: 6, maxUses: 500 } as const;

/**
 * The module of the go.work at or above moduleDir that provides importPath (the longest module
 * path that is the import or a prefix of it), other than moduleDir's own, among the go.work's `use`
 * folders and the go.mod files below the go.work's folder (the folders go itself skips left out:
 * vendor, testdata, names starting with "." or "_"). undefined when there is no
 * go.work or no such module. Synchronous: capped reads and a bounded walk.
 */
export function workModuleOf(moduleDir: string, importPath: string): WorkModule | undefined {
  const work = goWorkAbove(moduleDir);
  if (!work) return undefined;
  const base = path.dirname(work);
  const uses = parseGoWorkUses(readUserTextSync(work, CAP.goModFile) ?? '')
    .slice(0, WALK.maxUses)
    .map((u) => path.resolve(base, u));
  // The longest module path over both, as go resolves an import: a used module whose path is a
  // prefix does not provide a package that lies in a module nested in it.
  const found = best([...new Set([...uses, ...goModDirsBelow(base)])], moduleDir, importPath);
  return found ? { work, ...found, used: uses.includes(found.dir) } : undefined;
}

function best(dirs: readonly string[], moduleDir: string, importPath: string): { dir: string; path: string } | undefined {
  let out: { dir: string; path: string } | undefined;
  for (const dir of dirs) {
    if (path.resolve(dir) === path.resolve(moduleDir)) continue;
    const mod = goModModulePath(readUserTextSync(path.join(dir, 'go.mod'), 8192) ?? '');
    if (mod && (importPath === mod || importPath.startsWith(`${mod}/`)) && (!out || mod.length > out.path.length)) out = { dir, path: mod };
  }
  return out;
}

/** The nearest go.work at or above dir (go's own search when GOWORK is unset). */
function goWorkAbove(dir: string): string | undefined {
  for (let d = path.resolve(dir), i = 0; i < 64; i++) {
    const p = path.join(d, 'go.work');
    if (readUserTextSync(p, 1) !== undefined) return p;
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
  return undefined;
}

/** Folders holding a go.mod below root (root included), breadth first, within WALK's bounds. */
function goModDirsBelow(root: string): string[] {
  const out: string[] = [];
  let level = [root];
  let seen = 0;
  for (let depth = 0; depth <= WALK.maxDepth && level.length; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      if (++seen > WALK.maxDirs) return out;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (e.isFile() && e.name === 'go.mod') out.push(dir);
        else if (e.isDirectory() && !/^[._]/.test(e.name) && e.name !== 'vendor' && e.name !== 'testdata') next.push(path.join(dir, e.name));
      }
    }
    level = next;
  }
  return out;
}
