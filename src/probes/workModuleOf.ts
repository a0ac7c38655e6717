// gopls says "no required module provides package X" for an import of a module that sits beside
// the file's own module under a go.work: the go.work is not in effect (GOWORK=off, or GOWORK naming
// another file) or does not `use` that folder. A tester's go.work of app/ and lib/ under GOWORK=off
// was offered `go mod tidy` first, which looks X up on the proxy: it failed ("400 Bad Request" for
// example.com/lib), and for a module also published it would pull the published copy into go.mod
// instead of the folder beside it. What joins the two is the go.work.
//
// Read once, asynchronously, by the gopls probe (workModulesAround), then matched against each
// import by a pure function (workModuleOf), so the session's findings stay synchronous.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CAP, readUserText } from '../host/readUserFile.js';
import { goModModulePath, parseGoWorkUses } from '../lsp/workspaceFiles.js';
import { findUp, goWorkFor } from './modules.js';
import { goEnvFileOf, parseGoEnvFile } from './goEnvFile.js';

/** The modules one go.work reaches: those it uses and those below its folder. */
export interface WorkModules {
  work: string;
  /** Whether go reads this go.work for the importing module (GOWORK, else the nearest above). */
  inEffect: boolean;
  modules: Array<{ dir: string; path: string; used: boolean }>;
}

/** What go reads for the importing module, and the go.work files around it. */
export interface WorkLookup {
  /** The GOWORK setting go honours: the environment's, else the go env file's; undefined: unset. */
  setting?: { value: string; from: 'environment' | string };
  /** The go.work go reads there; undefined for GOWORK=off, a relative GOWORK (go refuses it), or none. */
  effective?: string;
  /** The go.work in effect first, then the nearest one above when that is another file. */
  works: WorkModules[];
}

export interface WorkModule {
  /** The go.work that reaches the providing module (uses it, or holds it below its folder). */
  work: string;
  inEffect: boolean;
  /** The folder of the module that provides the import, and the module path its go.mod declares. */
  dir: string;
  path: string;
  /** Whether that go.work lists the folder in a `use` directive. */
  used: boolean;
}

/** Bounds on the walk of the go.work's folder: a monorepo's modules lie a few levels down. */
const WALK = { maxDirs: 2000, maxDepth: 6, maxUses: 500 } as const;

/**
 * The GOWORK go honours: an empty variable counts as unset, and then the go env file's line is read
 * (measured with go 1.26: `go env -w GOWORK` is refused, but a GOWORK=off written into the file by
 * hand makes go build ignore the go.work).
 */
async function goWorkSetting(env: NodeJS.ProcessEnv): Promise<WorkLookup['setting']> {
  if (env.GOWORK) return { value: env.GOWORK, from: 'environment' };
  const file = goEnvFileOf(env);
  const value = file ? parseGoEnvFile((await readUserText(file, CAP.smallConfig)) ?? '').get('GOWORK') : undefined;
  return file && value ? { value, from: file } : undefined;
}

/** The go.work files that can join moduleDir to a module beside it, and the modules each reaches. */
export async function workModulesAround(moduleDir: string, env: NodeJS.ProcessEnv): Promise<WorkLookup> {
  const setting = await goWorkSetting(env);
  // goWorkFor as go and gopls resolve it; a relative GOWORK is no go.work at all ("invalid GOWORK:
  // not an absolute path", which the go-env probe reports).
  const named = await goWorkFor(moduleDir, setting ? { GOWORK: setting.value } : {});
  const effective = named && path.isAbsolute(named) ? named : undefined;
  const above = await findUp(moduleDir, 'go.work');
  const works: WorkModules[] = [];
  for (const work of new Set([effective, above])) {
    if (!work) continue;
    const text = await readUserText(work, CAP.goModFile);
    if (text === undefined) continue;
    const base = path.dirname(work);
    const uses = parseGoWorkUses(text).slice(0, WALK.maxUses).map((u) => path.resolve(base, u));
    const modules: WorkModules['modules'] = [];
    for (const dir of new Set([...uses, ...(await goModDirsBelow(base))])) {
      const mod = goModModulePath((await readUserText(path.join(dir, 'go.mod'), 8192)) ?? '');
      if (mod) modules.push({ dir, path: mod, used: uses.includes(dir) });
    }
    works.push({ work, inEffect: work === effective, modules });
  }
  return { ...(setting ? { setting } : {}), ...(effective ? { effective } : {}), works };
}

/**
 * Pure: the module that provides importPath (the longest module path that is the import or a prefix
 * of it, as go resolves an import: a used module whose path is a prefix does not provide a package
 * of a module nested in it), other than moduleDir's own, through the go.work in effect first, else
 * through the one above. undefined when no go.work reaches such a module.
 */
export function workModuleOf(lookup: WorkLookup, moduleDir: string, importPath: string): WorkModule | undefined {
  for (const w of lookup.works) {
    let out: WorkModule | undefined;
    for (const m of w.modules) {
      if (path.resolve(m.dir) === path.resolve(moduleDir)) continue;
      if ((importPath === m.path || importPath.startsWith(`${m.path}/`)) && (!out || m.path.length > out.path.length)) out = { work: w.work, inEffect: w.inEffect, ...m };
    }
    if (out) return out;
  }
  return undefined;
}

/** Folders holding a go.mod below root (root included), breadth first, within WALK's bounds. */
async function goModDirsBelow(root: string): Promise<string[]> {
  const out: string[] = [];
  let level = [root];
  let seen = 0;
  for (let depth = 0; depth <= WALK.maxDepth && level.length; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      if (++seen > WALK.maxDirs) return out;
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        // The folders go itself skips: vendor, testdata, names starting with "." or "_".
        if (e.isFile() && e.name === 'go.mod') out.push(dir);
        else if (e.isDirectory() && !/^[._]/.test(e.name) && e.name !== 'vendor' && e.name !== 'testdata') next.push(path.join(dir, e.name));
      }
    }
    level = next;
  }
  return out;
}
