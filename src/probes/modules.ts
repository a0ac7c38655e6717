// Module and workspace resolution, per workspace folder: the go.mod at or above it, the go.work in
// effect, the modules and loose .go files below it (a bounded walk), and what `go list -m` says in
// each module. gopls builds one view per module or go.work; what falls outside every view gets
// "no views" / "no view for file" and red imports.
import { withSealedGo } from '../host/sealedGo.js';
import path from 'node:path';
import { octalMode } from '../host/fileMode.js';
import { existsSync, promises as fs } from 'node:fs';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { compareGoVersions, gopathEntries, parseGoVersion, type GoEnvFact } from '../facts/readGoEnv.js';
import { buildsFromVendor, classifyGoFailure, dlWrapperDownloadFix, goFlagsWithout, impostorFix, parseGoFlags, parseToolchain } from './goFailure.js';
import { goRefusesDir, refusedDirFinding } from './refusedDirChars.js';
import { alternateToolFix, goworkOffFix, gotoolchainLocalFix, INSTALL_NEWER_GO, toolsEnvFix } from '../fixes/catalog.js';
import { dropToolchainLineFix, lowerGoLineFix } from '../fixes/goModLines.js';
import { lookUpToolchain } from './toolchainAvailable.js';
import { loginShellGo } from './loginShell.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { quoteForDisplay } from '../host/shellQuote.js';
import { isInside } from '../host/paths.js';
import { goSkips, walkDirs } from '../host/walk.js';
import { goModModulePath, goModRequires, parseGoWorkUses, readHead } from '../lsp/workspaceFiles.js';
import { importPaths, isModuleImport } from '../lsp/goImports.js';
import { lookPath } from '../facts/lookPath.js';
import { goplsSettingsGoList } from './goplsBuildEnv.js';
import { firstAndMore } from '../doctor/listing.js';

export const WALK_MAX_DEPTH = 6;
export const WALK_MAX_DIRS = 5000;
/**
 * Folders read before the verdict. The walk of a 5,000-package module was the slowest step before
 * it (and grew with the tree); this many folders cost the same on every tree, and a tree larger
 * than this (or a walk the clock stopped first) gets the rest of its walk (up to WALK_MAX_DIRS) as a follow-up, whose findings
 * replace the first ones: a stray folder or nested module deep in a large tree arrives late, not never.
 * At 500 the first walk still made the probe the slowest before the verdict on a quiet machine
 * (480–580 ms at 1,000 and 5,000 packages, against the login shell's ~450 ms): 200 keeps it under.
 */
export const WALK_FIRST_DIRS = 200;
const GO_LIST_MODULES = 4;

export interface WalkResult {
  /** Directories below the root (the root included) that hold a go.mod. */
  modules: string[];
  /** Directories holding .go files, each with the module root that owns it (undefined: none). */
  goDirs: Array<{ dir: string; module?: string; files: string[] }>;
  /** Modules with a vendor/ directory. */
  vendored: string[];
  dirs: number;
  truncated?: 'depth' | 'dirs' | 'time';
  /** Folders go would look into that this user may not read, with the module they are in. */
  refused: Array<{ dir: string; code: string; module: string | undefined }>;
}

/**
 * A breadth-first walk as `go list ./...` sees the tree: dot-, underscore-, vendor, testdata and
 * node_modules directories skipped, symlinks not followed. `outer` is the module that owns the
 * root from above (a go.mod in a parent), if any.
 */
export async function walkWorkspace(
  root: string,
  outer: string | undefined,
  /** performance.now() based. */
  deadline: number,
  limits = { depth: WALK_MAX_DEPTH, dirs: WALK_MAX_DIRS },
  /** Trees that are not the user's code (GOROOT, the module cache) when a folder contains them. */
  skip: readonly string[] = [],
): Promise<WalkResult> {
  const res: WalkResult = { modules: [], goDirs: [], vendored: [], dirs: 0, refused: [] };
  const skipSet = new Set(skip.map((p) => path.resolve(p)));
  // Parents are visited before their children: a folder's module is its own or its parent's.
  const moduleOf = new Map<string, string | undefined>([[path.dirname(root), outer]]);
  const walk = await walkDirs([root], { maxDepth: limits.depth, maxDirs: limits.dirs, deadline, enter: (name, child) => !goSkips(name) && !skipSet.has(child) }, (dir, entries) => {
    const hasGoMod = entries.some((e) => e.name === 'go.mod' && e.isFile());
    const module = hasGoMod ? dir : dir === root ? outer : moduleOf.get(path.dirname(dir));
    moduleOf.set(dir, module);
    if (hasGoMod) {
      res.modules.push(dir);
      if (entries.some((e) => e.name === 'vendor' && e.isDirectory())) res.vendored.push(dir);
    }
    const goFiles = entries.filter((e) => e.isFile() && e.name.endsWith('.go')).map((e) => e.name);
    if (goFiles.length) res.goDirs.push({ dir, module, files: goFiles.slice(0, 3) });
  });
  res.dirs = walk.dirs;
  res.refused = (walk.refused ?? []).map((r) => ({ ...r, module: moduleOf.get(path.dirname(r.dir)) }));
  if (walk.truncated === 'depth' || walk.truncated === 'dirs' || walk.truncated === 'time') res.truncated = walk.truncated;
  return res;
}

/**
 * go.mod's replace directives whose target is a directory (a path starting with ./, ../ or /, as
 * cmd/go's modfile reads one), single-line and in a replace ( … ) block. Pure.
 */
export function parseLocalReplaces(text: string): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  let block = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (/^replace\s*\($/.test(line)) { block = true; continue; }
    if (block && line === ')') { block = false; continue; }
    const body = block ? line : /^replace\s+(.*)$/.exec(line)?.[1];
    if (!body) continue;
    const m = /^(\S+)(?:\s+\S+)?\s*=>\s*("?)([^\s"]+)\2(?:\s+\S+)?$/.exec(body);
    if (m && /^(?:\.\.?\/|\/)/.test(m[3]!)) out.push({ from: m[1]!, to: m[3]! });
  }
  return out;
}

/** The package clause of the first non-test .go file directly in dir, or undefined. */
async function rootPackageName(dir: string): Promise<string | undefined> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go')).sort();
  for (const n of names.slice(0, 8)) {
    const text = await readUserText(path.join(dir, n), 16 * 1024);
    const m = text && /^\s*package\s+(\w+)/m.exec(text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, ''));
    if (m) return m[1];
  }
  return undefined;
}

/** Go files read at most, and how long, when looking for code that calls a replaced module by its path's last element. */
const CALLER_SCAN = { files: 400, dirs: 300, ms: 1000 } as const;

/**
 * The first .go file under dir that imports modPath without a name of its own and uses `name.` in
 * its code: it calls the package by the import path's last element, which compiles only if the
 * package clause says so. undefined when none (bounded: CALLER_SCAN).
 */
async function callerByPathName(dir: string, modPath: string, name: string): Promise<string | undefined> {
  const quoted = modPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // `import "p"` or a line of an import block holding only "p": no name given, so the package's own is used.
  const unnamed = new RegExp(`^\\s*(?:import\\s+)?"${quoted}"\\s*$`, 'm');
  const uses = new RegExp(`(?<![\\w.])${name.replace(/[^\w]/g, '')}\\.[\\p{L}_]`, 'u');
  let files = 0;
  let hit: string | undefined;
  await walkDirs([dir], { maxDirs: CALLER_SCAN.dirs, deadline: performance.now() + CALLER_SCAN.ms, sorted: true }, async (d, entries) => {
    for (const e of entries) {
      if (!e.isFile() || !e.name.endsWith('.go')) continue;
      if (++files > CALLER_SCAN.files) return 'stop';
      const text = await readUserText(path.join(d, e.name), 64 * 1024);
      if (!text || !text.includes(`"${modPath}"`)) continue;
      const code = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, '');
      if (unnamed.test(code) && uses.test(code.replace(/"(?:[^"\\\n]|\\.)*"|`[^`]*`/g, '""'))) {
        hit = path.join(d, e.name);
        return 'stop';
      }
    }
    return undefined;
  });
  return hit;
}

/**
 * A replace directive pointing at a directory that is not there or holds no go.mod: go fails every
 * package that imports the module ("replacement directory ../x does not exist", "reading
 * ../x/go.mod: … no such file or directory"), and gopls says only that no module provides the
 * import. Measured: that was all the report said of a `replace example.com/x => ../missing`.
 */
export async function replaceFindings(dir: string, gomod: string): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  for (const r of parseLocalReplaces(gomod).slice(0, 20)) {
    const target = path.resolve(dir, r.to);
    const st = await fs.stat(target).catch(() => undefined);
    const modText = st?.isDirectory() ? await readUserText(path.join(target, 'go.mod'), CAP.goModFile) : undefined;
    const modPath = r.from.split('@')[0]!;
    const declared = modText === undefined ? undefined : goModModulePath(modText);
    // A folder whose go.mod names another module: go builds it in place of this one without a word
    // (a tester's "imported as other and not used", and the report said nothing).
    if (modText !== undefined && (!declared || declared === modPath)) continue;
    // Where the module the replace meant may be: a folder nearby whose go.mod declares it.
    const found = await folderDeclaring(modPath, [path.dirname(target), dir, path.dirname(dir)], target);
    const rel = found ? (path.relative(dir, found).startsWith('.') ? path.relative(dir, found) : `./${path.relative(dir, found)}`) : undefined;
    const retarget: Fix[] = found ? [{ id: 'go-mod-replace-retarget', kind: 'terminal', title: `Replace ${modPath} with ${rel}, whose go.mod declares it`, text: `go mod edit -replace=${r.from}=${rel}`, needsRoot: false, cwd: dir }] : [];
    if (modText !== undefined) {
      // go allows it on purpose (cmd/go testdata/script/mod_replace.txt: "The module path of the
      // replacement doesn't need to match", a fork with its own path), and such a project builds (a
      // tester's, after this was an error). What breaks code is a package named otherwise than the
      // import path it is imported by ("imported as other and not used"): only then a warning.
      const pkg = await rootPackageName(target);
      const last = modPath.split('/').pop()!.replace(/^go-|[.-]go$/g, '').replace(/\.v\d+$/, '');
      // Only code that calls it by that name breaks: `import "example.com/aa"` then `a.A()` (the
      // package clause's name, as Go uses it) builds, vet and gopls are clean (a tester's fork).
      const caller = pkg !== undefined && pkg !== last && pkg !== 'main' ? await callerByPathName(dir, modPath, last) : undefined;
      const misnamed = caller !== undefined;
      out.push({
        classId: 'module-resolution',
        severity: misnamed ? 'warning' : 'info',
        confidence: misnamed ? 0.6 : 0.3,
        message: misnamed
          ? `${path.join(dir, 'go.mod')} replaces ${r.from} with ${r.to}, whose go.mod declares module ${declared} and whose package is named ${pkg}: go builds that folder in place of ${modPath} (a fork may keep its own path), so ${caller}, which imports ${modPath} and calls it ${last}, fails to compile ("imported as ${pkg} and not used", "undefined: ${last}").${found ? ` ${found} declares ${modPath}.` : ''}`
          : `${path.join(dir, 'go.mod')} replaces ${r.from} with ${r.to}, whose go.mod declares module ${declared}: go builds that folder in place of ${modPath}, as it allows for a fork with its own path.${found ? ` ${found} declares ${modPath}, if that is the folder meant.` : ''}`,
        evidence: [{ source: path.join(dir, 'go.mod'), excerpt: `replace ${r.from} => ${r.to}` }, { source: path.join(target, 'go.mod'), excerpt: `module ${declared}` }],
        fixes: retarget,
      });
      continue;
    }
    // A version that exists only as a placeholder (v0.0.0, the zero pseudo-version) cannot be
    // downloaded: dropping the replace then fails too ("missing go.sum entry", 400 from the proxy).
    // From the require lines only (a regex over the whole file also took exclude and retract lines).
    const required = goModRequires(gomod).find((q) => q.path === modPath)?.version;
    const placeholder = !required || /^v0\.0\.0(?:-00010101000000-000000000000)?$/.test(required);
    out.push({
      classId: 'module-resolution',
      severity: 'error',
      confidence: 0.9,
      message: `${path.join(dir, 'go.mod')} replaces ${r.from} with ${r.to}, ${!st ? `which does not exist (${target})` : !st.isDirectory() ? `which is a file, not a directory (${target})` : `which holds no go.mod (${target})`}: go and gopls fail every package that imports ${r.from} ("replacement directory … does not exist" or "reading …/go.mod").${found ? ` ${found} declares ${modPath}.` : ''}`,
      evidence: [{ source: path.join(dir, 'go.mod'), excerpt: `replace ${r.from} => ${r.to}` }, { source: `stat ${target}${st?.isDirectory() ? '/go.mod' : ''}`, excerpt: 'ENOENT' }],
      // go mod tidy fails on it the same way (a tester ran the fix offered: "replacement directory
      // … does not exist"): point it at the folder that declares the module, put the folder back,
      // or drop the replace and take the required version, when that version can be downloaded.
      fixes: [
        ...retarget,
        ...(placeholder
          ? []
          : [{ id: 'go-mod-dropreplace', kind: 'terminal' as const, title: `Drop the replace of ${modPath} and use the version go.mod requires`, text: `go mod edit -dropreplace=${r.from}`, needsRoot: false, cwd: dir, detail: `go then downloads ${modPath} ${required} from GOPROXY; a module that exists only on disk needs its folder back at ${r.to} instead (clone or check it out there).` }]),
      ],
    });
  }
  return out;
}

/** The first folder, among those right under `parents` (at most 200 looked at), whose go.mod declares `modPath`; not `not`. */
async function folderDeclaring(modPath: string, parents: readonly string[], not: string): Promise<string | undefined> {
  let looked = 0;
  for (const parent of [...new Set(parents)]) {
    const names = await fs.readdir(parent, { withFileTypes: true }).catch(() => []);
    for (const d of names) {
      if (!d.isDirectory() || looked++ > 200) continue;
      const candidate = path.join(parent, d.name);
      if (candidate === not) continue;
      const text = await readUserText(path.join(candidate, 'go.mod'), CAP.goModFile);
      if (text !== undefined && goModModulePath(text) === modPath) return candidate;
    }
  }
  return undefined;
}

/** Pure: the `go` and `toolchain` lines of a go.mod or go.work. */
export function parseGoDirectives(text: string): { go?: string; toolchain?: string } {
  const go = /^go\s+(\S+)\s*$/m.exec(text)?.[1];
  const toolchain = /^toolchain\s+(\S+)\s*$/m.exec(text)?.[1];
  return { go, toolchain };
}

/** Pure: "go: inconsistent vendoring in DIR:" and the problem lines under it. */
/** Pure: the packages vendor/modules.txt says are vendored (its lines that are not # comments). */
export function parseVendoredPackages(modulesTxt: string): string[] {
  return modulesTxt
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !/\s/.test(l));
}

export function parseInconsistentVendoring(stderr: string): { dir: string; problems: string[] } | undefined {
  const m = /go: inconsistent vendoring in (.*):\n/.exec(stderr);
  if (!m) return undefined;
  const problems: string[] = [];
  for (const line of stderr.slice(m.index + m[0].length).split('\n')) {
    if (!line.startsWith('\t') || /^\t(To ignore|To sync|\tgo mod vendor)/.test(line)) {
      if (line.trim() === '' || problems.length) break;
      continue;
    }
    problems.push(line.trim());
  }
  return { dir: m[1]!, problems };
}

/** The nearest `name` file in dir or a folder above it, as the go command looks for go.mod and go.work. */
export async function findUp(dir: string, name: string, kind: 'file' | 'any' = 'file'): Promise<string | undefined> {
  let d = dir;
  for (;;) {
    const p = path.join(d, name);
    if (await fs.stat(p).then((s) => kind === 'any' || s.isFile(), () => false)) return p;
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/** The go.work the go command (and gopls) use in dir: GOWORK when set (off: none), else the nearest above. */
export async function goWorkFor(dir: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const explicit = env.GOWORK;
  // modload.FindGoWork: "auto" searches as unset does (go 1.26: GOWORK=auto go env GOWORK prints
  // the go.work above), it names no file called "auto".
  return explicit === 'off' ? undefined : explicit && explicit !== 'auto' ? explicit : findUp(dir, 'go.work');
}

/** Where a go env value came from, for a message: the editor's environment beats the GOENV file. */
function sourceOfVar(name: string, env: NodeJS.ProcessEnv, values: Record<string, string>): string {
  return env[name] !== undefined ? 'from the environment' : `from ${values.GOENV || 'the go env file'}`;
}

function rel(root: string, p: string): string {
  return path.relative(root, p) || '.';
}

export const modulesProbe: Probe = {
  id: 'modules',
  title: 'Module and workspace resolution',
  // fs-access: git refusing a repository another user owns, which breaks go build's VCS stamping (vcsStampFindings).
  // env-inheritance: what the user's GOTOOLCHAIN makes go run in a module failing by itself (a
  // golang.org/dl wrapper never downloaded), which only go list there, with that setting, shows:
  // the go-env probe's go runs GOTOOLCHAIN=local.
  classes: ['module-resolution', 'fs-access', 'env-inheritance'],
  async run(ctx) {
    const goEnv = await ctx.facts.goEnv();
    // One `go list -m` per module for the whole run: the follow-up reuses the first pass's.
    const goLists = new Map<string, Promise<GoListed>>();
    const first = await inspectAll(ctx, goEnv, WALK_FIRST_DIRS, goLists);
    if (!first.partial) return first.outcome;
    return { ...first.outcome, followUp: { title: 'walk of the whole tree', outcome: inspectAll(ctx, goEnv, WALK_MAX_DIRS, goLists).then((r) => r.outcome) } };
  },
};

/** Every folder, its walk bounded by `maxDirs`; `partial` when a walk stopped there and more may lie beyond. */
async function inspectAll(ctx: ProbeContext, goEnv: GoEnvFact, maxDirs: number, goLists: Map<string, Promise<GoListed>>): Promise<{ outcome: ProbeOutcome; partial: boolean }> {
  const values = goEnv.ok ? goEnv.values : {};
  const gopathMode = (values.GO111MODULE ?? ctx.env.GO111MODULE ?? '') === 'off';
  const findings: FindingInput[] = [];
  const folders: Record<string, unknown>[] = [];
  let goListBudget = GO_LIST_MODULES;
  let partial = false;
  for (const ws of ctx.workspaces) {
    const r = await inspectFolder(ctx, ws, goEnv, gopathMode, goListBudget, maxDirs, goLists);
    goListBudget -= r.goListRuns;
    partial ||= r.partial && maxDirs < WALK_MAX_DIRS;
    findings.push(...r.findings);
    folders.push(r.observed);
  }
  findings.push(...(await gopathSymlinkFindings(goEnv)));
  if (values.GOMODCACHE && goRefusesDir(values.GOMODCACHE)) findings.push(refusedDirFinding(values.GOMODCACHE, 'module cache', `${goEnv.ok ? goEnv.commandLine : 'go env'} (GOMODCACHE)`, existsSync));
  return { outcome: { findings, observed: { GO111MODULE: values.GO111MODULE ?? ctx.env.GO111MODULE ?? '', gopathMode, folders } }, partial };
}

async function inspectFolder(
  ctx: ProbeContext,
  ws: string,
  goEnv: GoEnvFact,
  gopathMode: boolean,
  goListBudget: number,
  maxDirs: number,
  goLists: Map<string, Promise<GoListed>>,
): Promise<{ findings: FindingInput[]; observed: Record<string, unknown>; goListRuns: number; partial: boolean }> {
  const findings: FindingInput[] = [];
  const folder = path.resolve(ws);
  const observed: Record<string, unknown> = { folder };
  const st = await fs.stat(folder).catch(() => undefined);
  if (!st) {
    observed.exists = false;
    return { findings, observed, goListRuns: 0, partial: false };
  }
  const root = st.isDirectory() ? folder : path.dirname(folder);
  const real = await fs.realpath(root).catch(() => root);
  observed.realpath = real;
  const refused = [root, real].find(goRefusesDir);
  if (refused) findings.push(refusedDirFinding(refused, 'workspace', refused === root ? 'workspace folder' : `realpath ${JSON.stringify(root)}`, existsSync));
  if (real !== root) {
    findings.push({
      classId: 'module-resolution',
      severity: 'warning',
      confidence: 0.5,
      headline: 'symlinked-path',
      message: `The workspace folder ${root} is reached through a symlink and resolves to ${real}: gopls and go may see the same files under two paths, so diagnostics, go-to-definition and renames can point at the "other" copy.`,
      evidence: [{ source: `realpath ${root}`, excerpt: real }],
      fixes: [{ id: 'open-real-path', kind: 'terminal', title: `Open the real path instead: code ${real}`, text: `code ${quoteForDisplay(real)}`, needsRoot: false }],
    });
  }

  const goMod = await findUp(root, 'go.mod');
  const outer = goMod && path.dirname(goMod) !== root ? path.dirname(goMod) : undefined;
  observed.goMod = goMod ?? null;
  // GOWORK=off from the go env file counts as from the environment (a tester's go env -w GOWORK=off
  // went unseen, and gopls's "No packages found" with it).
  const fileWorkOff = ctx.env.GOWORK === undefined && goEnv.ok && goEnv.values.GOWORK === 'off';
  const explicitWork = fileWorkOff ? 'off' : ctx.env.GOWORK;
  const goWork = await goWorkFor(root, fileWorkOff ? { ...ctx.env, GOWORK: 'off' } : ctx.env);
  observed.goWork = goWork ?? null;
  if (explicitWork !== undefined) observed.GOWORK = explicitWork;

  const budgetMs = Math.max(200, Math.min(3000, ctx.remainingMs() - 1500));
  const v = goEnv.ok ? goEnv.values : {};
  const notUserCode = [v.GOROOT, v.GOMODCACHE, ...gopathEntries(v).map((g) => path.join(g, 'pkg'))].filter((p): p is string => Boolean(p));
  const walk = await walkWorkspace(root, outer, performance.now() + budgetMs, { depth: WALK_MAX_DEPTH, dirs: maxDirs }, notUserCode);
  // Stopped by the folder count or the clock (a loaded machine): the rest of the tree is unseen,
  // and a follow-up may still see it. A depth stop is final.
  const partial = walk.truncated === 'dirs' || walk.truncated === 'time';
  const modules = [...(outer ? [outer] : []), ...walk.modules];
  observed.modules = modules.slice(0, 20).map((m) => rel(root, m));
  observed.moduleCount = modules.length;
  observed.walk = { dirs: walk.dirs, truncated: walk.truncated ?? null, maxDepth: WALK_MAX_DEPTH, maxDirs };
  // A folder inside a module that this user cannot read: `go build ./...` stops with "open …:
  // permission denied", and gopls says a package of the module is provided by no module (a
  // tester's root-owned 0700 render/: the verdict said no problems found).
  const refusedInModules = walk.refused.filter((r) => r.module);
  if (refusedInModules.length) {
    const first = refusedInModules[0]!;
    const st = await fs.stat(first.dir).catch(() => undefined);
    findings.push({
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.85,
      message: `${refusedInModules.length === 1 ? `${first.dir} is a folder` : `${refusedInModules.length} folders (${firstAndMore(refusedInModules.map((r) => rel(root, r.dir)))}) are folders`} of the module ${first.module} that you cannot read (${first.code}${st ? `: owned by uid ${st.uid}, mode ${octalMode(st.mode)}, you are uid ${ctx.host.uid}` : ''}): go build ./... and go test ./... stop with "open ${first.dir}: permission denied", and gopls cannot load what is in ${refusedInModules.length === 1 ? 'it' : 'them'} (an import of a package there reads "no required module provides package").`,
      evidence: refusedInModules.slice(0, 4).map((r) => ({ source: `readdir(3) ${r.dir}`, excerpt: r.code })),
      fixes: st && st.uid !== ctx.host.uid && ctx.host.uid !== 0 ? [{ id: 'fs-access-chown-workspace-dir', kind: 'terminal', title: `Take ownership of ${first.dir}`, text: `sudo chown -R "$USER:" ${quoteForDisplay(first.dir)}`, needsRoot: true, detail: 'A checkout, copy or build made as root left it so.' }] : [],
    });
  }
  observed.walk = { ...(observed.walk as object), ...(walk.refused.length ? { refused: walk.refused.slice(0, 10).map((r) => rel(root, r.dir)) } : {}) };
  // Two package folders whose paths differ only in case ("util" and "Util"): go refuses a build that
  // imports both ("case-insensitive import collision"), gopls says nothing, and on a case-insensitive
  // file system (macOS, Windows, a drvfs mount) the checkout holds one of them (a tester's).
  const byLower = new Map<string, string[]>();
  for (const g of walk.goDirs) {
    const k = g.dir.toLowerCase();
    byLower.set(k, [...(byLower.get(k) ?? []), g.dir]);
  }
  const clashes = [...byLower.values()].filter((dirs) => dirs.length > 1);
  if (clashes.length) {
    findings.push({
      classId: 'module-resolution',
      severity: 'warning',
      confidence: 0.6,
      message: `${clashes.length === 1 ? 'Two package folders differ' : `${clashes.length} sets of package folders differ`} only in case (${clashes.slice(0, 3).map((c) => c.map((d) => rel(root, d)).join(' and ')).join('; ')}): go build and go vet fail with "case-insensitive import collision" in any package importing both, gopls reports nothing of it, and on a case-insensitive file system (macOS, Windows, a /mnt/c checkout) they are one folder.`,
      evidence: [{ source: walkSource(root, walk), excerpt: clashes.slice(0, 3).flat().join('\n') }],
      fixes: [],
    });
  }
  const orphans = walk.goDirs.filter((g) => !g.module);
  observed.goDirsOutsideModules = orphans.slice(0, 10).map((g) => rel(root, g.dir));

  if (gopathMode) {
    // go-env reports GO111MODULE=off itself; nothing below applies in GOPATH mode.
    return { findings, observed, goListRuns: 0, partial };
  }
  // GO111MODULE=auto with no go.mod at or above the folder is GOPATH mode for it (cmd/go since 1.13),
  // and inside a GOPATH's src that is a legacy project that builds (measured: go build exits 0,
  // gopls check reports nothing), not a folder outside every module.
  const srcOf = gopathEntries(v).map((g) => path.join(g, 'src')).find((src) => isInside(root, src));
  if (!goMod && !goWork && (v.GO111MODULE ?? '') === 'auto' && srcOf && modules.length === 0) {
    observed.gopathModeFolder = true;
    findings.push({
      classId: 'module-resolution',
      severity: 'info',
      confidence: 0.5,
      message: `${root} has no go.mod and GO111MODULE=auto (${sourceOfVar('GO111MODULE', ctx.env, v)}), inside ${srcOf}: go and gopls build it in GOPATH mode, importing from ${srcOf} only. That works, but GOPATH mode is legacy: modules (go mod init) are what go and gopls are developed for.`,
      evidence: [{ source: 'go env -json', excerpt: `"GO111MODULE": "auto"\n"GOPATH": ${JSON.stringify(v.GOPATH ?? '')}` }, { source: root, excerpt: `no go.mod in ${ancestors(root).slice(0, 4).join(', ')}` }],
      // Its import path in GOPATH is the module path that keeps every import of it working.
      fixes: [goModInitFix(root, path.relative(srcOf, root).split(path.sep).join('/') || modulePathFor(root), { otherModules: 0, goWork: false })],
    });
    return { findings, observed, goListRuns: 0, partial };
  }

  if (orphans.length) {
    const examples = orphans.slice(0, 5).map((g) => path.join(g.dir, g.files[0]!));
    const lookedUp = ancestors(root);
    // The folder is a symbolic link into a module (a package folder of it): go mod init here would
    // write a go.mod inside that module and cut the package out of it (a tester's parent module
    // stopped building). Opening the real path is the way; the symlink warning offers it.
    const realModule = real !== root ? await findUp(real, 'go.mod') : undefined;
    // With no module at all the folder is broken; beside modules, a few loose files (scripts,
    // examples) only break when opened.
    const none = modules.length === 0;
    findings.push({
      classId: 'module-resolution',
      severity: none ? 'error' : 'warning',
      confidence: none ? 0.9 : 0.55,
      message:
        `${orphans.length} director${orphans.length === 1 ? 'y' : 'ies'} in ${root} hold${orphans.length === 1 ? 's' : ''} .go files with no go.mod at or above ${orphans.length === 1 ? 'it' : 'them'}${none ? '' : ` (outside the ${modules.length} module${modules.length === 1 ? '' : 's'} here)`}: ` +
        `gopls will say "no views" (or "No active builds contain …") for them, so imports, completion and diagnostics fail there.` +
        (realModule ? ` ${root} is a link to ${real}, inside the module of ${realModule}: open that module's folder (go mod init here would write a go.mod inside it and split the package off).` : ''),
      evidence: [
        { source: root, excerpt: `no go.mod in ${lookedUp.slice(0, 6).join(', ')}${lookedUp.length > 6 ? ', …' : ''}` },
        { source: walkSource(root, walk), excerpt: examples.join('\n') },
        ...(realModule ? [{ source: `realpath ${root}`, excerpt: `${real} (go.mod at ${realModule})` }] : []),
      ],
      fixes: realModule ? [] : [goModInitFix(root, modulePathFor(root), { otherModules: modules.length, goWork: !!goWork, importsModules: await importModules(examples) })],
    });
  }

  const workUses = goWork ? await readWorkUses(goWork) : undefined;
  if (goWork && workUses) {
    observed.goWorkUses = workUses.uses;
    findings.push(...workFindings(goWork, workUses.uses, workUses.text, modules, workUses.missing, walkSource(path.dirname(goWork), walk), goMod && path.dirname(goMod)));
    findings.push(...duplicateUseFindings(goWork, workUses.modulePaths));
  } else if (goWork && explicitWork) {
    // go-env reports a GOWORK that names a missing file.
  } else if (modules.length > 1) {
    // GOWORK=off over a go.work that is there: go work init fails ("go.work already exists"), and
    // unsetting GOWORK is what brings it back (a tester's fix failed as typed).
    const hidden = explicitWork === 'off' ? await findUp(root, 'go.work') : undefined;
    const from = fileWorkOff ? `from your go env file (${v.GOENV || 'GOENV'})` : 'from the environment';
    findings.push({
      classId: 'module-resolution',
      severity: 'warning',
      confidence: 0.7,
      message: hidden
        ? `${root} holds ${modules.length} modules, and GOWORK=off (${from}) makes go and gopls ignore ${hidden}: gopls loads only the module of the folder or of the files you open, so references, renames and diagnostics stop at module boundaries.`
        : `${root} holds ${modules.length} modules and no go.work${explicitWork === 'off' ? ` is in effect (GOWORK=off, ${from})` : ''}: gopls loads only the module of the folder or of the files you open, ` +
          `so references, renames and diagnostics stop at module boundaries. Run go work init && go work use -r . in the folder.`,
      evidence: [
        { source: walkSource(root, walk), excerpt: modules.slice(0, 10).map((m) => path.join(m, 'go.mod')).join('\n') },
        { source: root, excerpt: explicitWork === 'off' ? `GOWORK=off${hidden ? ` (${hidden} is there)` : ''}` : `no go.work in ${ancestors(root).slice(0, 6).join(', ')}` },
      ],
      fixes: hidden
        ? [goworkOffFix(ctx.env, v.GOENV)]
        : [{ id: 'go-work-init', kind: 'terminal', title: `Create a go.work that uses every module in ${root}`, text: 'go work init && go work use -r .', needsRoot: false, cwd: root }],
    });
  }

  let goListRuns = 0;
  const goListed: Record<string, unknown>[] = [];
  if (ctx.host.live && goEnv.ok) {
    const vendoredFirst = [...new Set([...walk.vendored, ...modules])];
    // Modules listed by an earlier, partial pass come first: the follow-up keeps their findings.
    const order = [...vendoredFirst.filter((d) => goLists.has(d)), ...vendoredFirst.filter((d) => !goLists.has(d))];
    // gopls's view of the folder: the module at or above it (its go commands run there), where
    // the user's gopls settings are tried once; a nested module would only repeat the answer.
    const viewDir = order.find((d) => isInside(root, d)) ?? order[0];
    for (const dir of order.slice(0, Math.max(0, goListBudget))) {
      if (!goLists.has(dir)) {
        if (ctx.remainingMs() < 800 || ctx.signal.aborted) break;
        goLists.set(dir, goListModule(ctx, goEnv, dir, dir === viewDir));
      }
      goListRuns++;
      const r = await goLists.get(dir)!;
      goListed.push(r.observed);
      findings.push(...r.findings);
      if (goWork) break; // in workspace mode every module lists the same go.work
    }
  }
  observed.goList = goListed;
  if (ctx.host.live && goEnv.ok && ctx.remainingMs() > 1500) {
    const vcs = await vcsStampFindings(ctx, goEnv, real);
    findings.push(...vcs.findings);
    if (vcs.observed) observed.vcs = vcs.observed;
  }
  return { findings, observed, goListRuns, partial };
}

/** Where a finding's walk evidence comes from, and how much of the tree that walk saw when it stopped early. */
function walkSource(root: string, walk: WalkResult): string {
  return walk.truncated ? `walk of ${root} (stopped after ${walk.dirs} folders: ${walk.truncated} limit)` : `walk of ${root}`;
}

export function ancestors(dir: string): string[] {
  const out: string[] = [];
  let d = dir;
  for (;;) {
    out.push(d);
    const p = path.dirname(d);
    if (p === d) return out;
    d = p;
  }
}

export function modulePathFor(root: string): string {
  const base = path.basename(root).toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'project';
  return `example.com/${base}`;
}

/** Used go.mod files read for their module path at most (the duplicate-module check's bound). */
const MAX_MODULE_PATHS = 200;

/**
 * A go.work's use directives, the used folders without a go.mod, and the module path each used
 * go.mod declares (read once here: the duplicate check and the missing check share the read).
 */
export async function readWorkUses(goWork: string): Promise<{ uses: string[]; text: string; missing: string[]; modulePaths: Map<string, string> } | undefined> {
  const text = await readUserText(goWork, CAP.goModFile);
  if (text === undefined) return undefined;
  const uses = parseGoWorkUses(text);
  const base = path.dirname(goWork);
  const missing: string[] = [];
  const modulePaths = new Map<string, string>();
  for (const [i, u] of uses.entries()) {
    const gm = path.join(path.resolve(base, u), 'go.mod');
    // The first MAX_MODULE_PATHS used go.mod files are read for their module line; the rest only stat'ed.
    const modText = i < MAX_MODULE_PATHS ? await readUserText(gm, CAP.goModFile) : undefined;
    const mod = modText === undefined ? undefined : goModModulePath(modText);
    if (mod) modulePaths.set(u, mod);
    // A go.mod that is there but cannot be read is not missing: go names it differently.
    else if (modText === undefined && !(await fs.stat(gm).then((s) => s.isFile(), () => false))) missing.push(u);
  }
  return { uses, text, missing, modulePaths };
}

/**
 * Two used folders whose go.mod declare the same module path: go refuses the whole workspace ("go:
 * module example.com/same appears multiple times in workspace"), every command in every folder (a
 * tester's: the modules probe said ok; the follow-up's words named neither folder and no fix).
 */
function duplicateUseFindings(goWork: string, modulePaths: ReadonlyMap<string, string>): FindingInput[] {
  const base = path.dirname(goWork);
  const byPath = new Map<string, string[]>();
  for (const [u, mod] of modulePaths) byPath.set(mod, [...(byPath.get(mod) ?? []), u]);
  const dups = [...byPath.entries()].filter(([, dirs]) => dirs.length > 1);
  return dups.slice(0, 3).map(([mod, dirs]) => ({
    classId: 'module-resolution' as const,
    severity: 'error' as const,
    confidence: 0.9,
    message: `${goWork} uses ${dirs.join(' and ')}, whose go.mod files both declare module ${mod}: go refuses the whole workspace ("module ${mod} appears multiple times in workspace"), so go build, go test and gopls fail in every folder of it.`,
    evidence: dirs.map((d) => ({ source: path.join(path.resolve(base, d), 'go.mod'), excerpt: `module ${mod}` })),
    fixes: dirs.slice(1).map((d) => ({ id: `go-work-dropuse-duplicate:${d}`.slice(0, 150), kind: 'terminal' as const, title: `Drop ${d} from ${path.basename(goWork)} (or give its go.mod a module path of its own)`, text: `go work edit ${quoteForDisplay(`-dropuse=${d}`)}`, needsRoot: false, cwd: base })),
  }));
}

/** Pure: the 1-based line of a go.work that uses `dir` (`use dir`, or `dir` inside a use block), and its text. */
export function useLineOf(text: string, dir: string): { line: number; text: string } | undefined {
  const lines = text.split('\n');
  const i = lines.findIndex((raw) => {
    const l = raw.replace(/\/\/.*$/, '').trim().replace(/^use\s+(?!\()/, '');
    return l.replace(/^(["`])(.*)\1$/, '$2') === dir;
  });
  return i < 0 ? undefined : { line: i + 1, text: lines[i]!.trim() };
}

function workFindings(goWork: string, uses: string[], text: string, modules: string[], missing: string[], walked: string, folderModule?: string): FindingInput[] {
  const out: FindingInput[] = [];
  const base = path.dirname(goWork);
  const useLines = text.split('\n').filter((l) => /^\s*(use|\)|\.|"|`)/.test(l) || /^\s+\S/.test(l)).slice(0, 12).join('\n');
  if (missing.length) {
    out.push({
      classId: 'module-resolution',
      severity: 'error',
      confidence: 0.9,
      message: `${goWork} uses ${missing.join(', ')}, which ${missing.length === 1 ? 'has' : 'have'} no go.mod: go fails with "cannot load module … listed in go.work file", and gopls loads nothing in this workspace.`,
      // The use lines that name the missing folders, each with its line number: the whole use block,
      // cut to the report's first lines, hid the very line at fault (a tester's ./c, third in the list).
      evidence: [
        ...missing.map((m) => useLineOf(text, m)).map((l, i) => (l ? { source: goWork, line: l.line, excerpt: l.text } : { source: goWork, excerpt: `use ${missing[i]}` })),
        ...missing.map((m) => ({ source: `stat ${path.join(path.resolve(base, m), 'go.mod')}`, excerpt: 'ENOENT' })),
      ],
      // go work edit -dropuse drops exactly these, inside the tree or out of it: `go work use -r .`
      // fails on a missing folder outside the tree (measured: exit 1, go.work unchanged).
      fixes: [{ id: 'go-work-drop-missing', kind: 'terminal', title: `Drop the use directives of ${goWork} that name no module`, text: `go work edit ${missing.map((m) => quoteForDisplay(`-dropuse=${m}`)).join(' ')}`, needsRoot: false, cwd: base, detail: 'Add a module back with go work use DIR once it is checked out.' }],
    });
  }
  const used = new Set(uses.map((u) => path.resolve(base, u)));
  const unused = [...new Set([...(folderModule ? [folderModule] : []), ...modules])].filter((m) => !used.has(m) && isInside(m, base));
  if (unused.length) {
    // The folder the editor opened is itself in one of them: nothing builds there (measured, go
    // 1.26.8: "current directory is contained in a module that is not one of the workspace modules
    // listed in go.work"), not only in files the user may never open.
    const opened = folderModule && unused.includes(folderModule);
    out.push({
      classId: 'module-resolution',
      severity: opened ? 'error' : 'warning',
      confidence: opened ? 0.85 : 0.6,
      message:
        `${goWork} does not use ${unused.length} module${unused.length === 1 ? '' : 's'} below it (${unused.slice(0, 5).map((m) => rel(base, m)).join(', ')}): gopls shows "This file is within module …, which is not included in your workspace" for their files.` +
        (opened ? ` The workspace folder is in ${rel(base, folderModule)}: go build and go test there fail with "current directory is contained in a module that is not one of the workspace modules listed in go.work".` : ''),
      evidence: [{ source: goWork, excerpt: useLines || text.slice(0, 400) }, { source: walked, excerpt: unused.slice(0, 10).map((m) => path.join(m, 'go.mod')).join('\n') }],
      // The modules named, not -r .: that also pulls in testdata/ fixtures (which the walk skips) and
      // fails when one needs a newer go (a tester's "testdata/fixture/go.mod requires go >= 1.30").
      fixes: [{ id: 'go-work-use-refresh', kind: 'terminal', title: `Add ${unused.length === 1 ? rel(base, unused[0]!) : `the ${unused.length} modules`} to ${goWork}`, text: `go work use ${unused.slice(0, 20).map((m) => quoteForDisplay(`./${path.relative(base, m)}`)).join(' ')}`, needsRoot: false, cwd: base }],
    });
  }
  return out;
}

/**
 * `go list -m` in one module: it reads go.mod, go.work and vendor/modules.txt exactly as gopls's
 * go list calls do. GOPROXY=off keeps the doctor from downloading anything (toolchains included).
 */
interface GoListed {
  findings: FindingInput[];
  observed: Record<string, unknown>;
}

/**
 * A vendor/ that go.mod and modules.txt agree on, but that lacks a package modules.txt lists (a
 * .gitignore that kept a directory out, a hand deletion): `go list -m` passes, and every build of
 * an importer fails with "cannot find module providing package x: import lookup disabled by
 * -mod=vendor" (measured), which gopls shows as an import no module provides.
 */
async function vendorGapFindings(dir: string, goEnv: Extract<GoEnvFact, { ok: true }>, gomod: string): Promise<FindingInput[]> {
  const txt = path.join(dir, 'vendor', 'modules.txt');
  const text = await readUserText(txt, CAP.goModFile);
  // A go.mod with no go line predates vendoring by default (go 1.14): not judged.
  if (text === undefined || !buildsFromVendor(goEnv.values.GOFLAGS ?? '', true, parseGoDirectives(gomod).go ?? '1.0')) return [];
  const pkgs = parseVendoredPackages(text).slice(0, 5000);
  const missing: string[] = [];
  for (const p of pkgs) {
    if (!(await fs.stat(path.join(dir, 'vendor', ...p.split('/'))).then((st) => st.isDirectory(), () => false))) missing.push(p);
  }
  if (!missing.length) return [];
  return [
    {
      classId: 'module-resolution',
      severity: 'error',
      confidence: 0.9,
      message: `${dir}/vendor lacks ${missing.length} of the ${pkgs.length} packages vendor/modules.txt lists (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}): go builds from vendor/ here, so every package importing ${missing.length === 1 ? 'it' : 'them'} fails with "cannot find module providing package …: import lookup disabled by -mod=vendor".`,
      evidence: [{ source: txt, excerpt: missing.slice(0, 6).join('\n') }, { source: `stat in ${path.join(dir, 'vendor')}`, excerpt: missing.slice(0, 6).map((m) => `${m}: no such directory`).join('\n') }],
      fixes: [{ id: 'go-mod-vendor', kind: 'terminal', title: `Re-sync vendor/ in ${dir}`, text: vendorCommand(dir, goEnv), needsRoot: false, cwd: dir }],
    },
  ];
}

/**
 * The vendor command for a folder: `go work vendor` where go runs in workspace mode there (its
 * go.work, GOWORK not off), since go refuses `go mod vendor` in workspace mode ("cannot be run in
 * workspace mode. Run 'go work vendor'", a tester's go.work workspace got it as the fix).
 */
export function vendorCommand(dir: string, goEnv: Extract<GoEnvFact, { ok: true }>): string {
  const gowork = goEnv.values.GOWORK ?? '';
  return gowork !== 'off' && (existsSync(path.join(dir, 'go.work')) || (gowork !== '' && path.dirname(gowork) === dir)) ? 'go work vendor' : 'go mod vendor';
}

async function goListModule(ctx: ProbeContext, goEnv: Extract<GoEnvFact, { ok: true }>, dir: string, goplsView: boolean): Promise<GoListed> {
  const gomod = (await readUserText(path.join(dir, 'go.mod'), CAP.goModFile)) ?? '';
  const findings: FindingInput[] = await replaceFindings(dir, gomod);
  const timeoutMs = Math.max(300, Math.min(3000, ctx.remainingMs() - 500));
  // Sealed: under -mod=mod `go list -m` rewrites a go.mod go would tidy; the copy fails or passes alike.
  const r = await withSealedGo({ ...ctx.env, GOPROXY: 'off' }, dir, goEnv.values, (env) => ctx.host.exec(goEnv.goBinary, ['list', '-m'], { timeoutMs, signal: ctx.signal, env, cwd: dir, maxBuffer: 256 * 1024 }));
  const observed: Record<string, unknown> = { dir, exitCode: r.exitCode ?? null, timedOut: r.timedOut };
  if (!r.failed) findings.push(...(await vendorGapFindings(dir, goEnv, gomod)), ...(goplsView ? await goplsSettingsGoList(ctx, goEnv, dir) : []));
  if (!r.failed || r.timedOut || r.canceled || r.errorCode) return { findings, observed };
  const stderr = r.stderr;
  observed.stderr = stderr.trim().split('\n')[0];
  const evidence: Evidence[] = [{ source: `${r.commandLine} (in ${dir})`, excerpt: stderr.trim().split('\n').slice(0, 8).join('\n') }];
  const vend = parseInconsistentVendoring(stderr);
  if (vend) {
    // No vendor/ at all: only -mod=vendor (GOFLAGS) makes go look there. Measured: GOFLAGS=-mod=vendor
    // beside a module with a requirement and no vendor/ was reported as "vendor/modules.txt disagrees".
    const hasVendor = await fs.stat(path.join(vend.dir, 'vendor')).then((st) => st.isDirectory(), () => false);
    if (!hasVendor && parseGoFlags(goEnv.values.GOFLAGS ?? '').get('mod') === 'vendor') {
      const rest = goFlagsWithout(goEnv.values.GOFLAGS ?? '', 'mod');
      findings.push({
        classId: 'module-resolution',
        severity: 'error',
        confidence: 0.9,
        message: `GOFLAGS=${goEnv.values.GOFLAGS} (${sourceOfVar('GOFLAGS', ctx.env, goEnv.values)}) makes go build every module from its vendor/ directory, and ${vend.dir} has none: every go command and gopls fail to load its packages.`,
        evidence: [...evidence, { source: ctx.env.GOFLAGS !== undefined ? 'environment' : 'go env GOFLAGS', excerpt: `GOFLAGS=${goEnv.values.GOFLAGS}` }, { source: `stat ${path.join(vend.dir, 'vendor')}`, excerpt: 'ENOENT' }],
        // From the go env file, GOFLAGS is fixed there (for terminals too); an empty GOFLAGS in
        // go.toolsEnvVars would not even hide it (go reads the file when the variable is empty),
        // so the setting says ' ', which go reads as no flags.
        fixes: [
          ...(ctx.env.GOFLAGS === undefined
            ? [
                rest
                  ? { id: 'go-env-goflags-no-vendor', kind: 'terminal' as const, title: `Drop -mod=vendor from GOFLAGS in your go env file (keep ${rest})`, text: `go env -w ${quoteForDisplay(`GOFLAGS=${rest}`)}`, needsRoot: false }
                  : { id: 'go-env-unset-goflags', kind: 'terminal' as const, title: 'Remove GOFLAGS from your go env file', text: 'go env -u GOFLAGS', needsRoot: false },
              ]
            : []),
          toolsEnvFix('toolsenv-goflags-no-vendor', rest ? `Drop -mod=vendor from GOFLAGS for the Go tools (keep ${rest})` : 'Drop -mod=vendor from GOFLAGS for the Go tools', { GOFLAGS: rest || ' ' }),
          { id: 'go-mod-vendor', kind: 'terminal', title: `Or create vendor/ in ${vend.dir}`, text: vendorCommand(vend.dir, goEnv), needsRoot: false, cwd: vend.dir },
        ],
      });
      return { findings, observed };
    }
    findings.push({
      classId: 'module-resolution',
      severity: 'error',
      confidence: 0.9,
      message: `Inconsistent vendoring in ${vend.dir}: vendor/modules.txt disagrees with go.mod${vend.problems.length ? ` (${vend.problems[0]}${vend.problems.length > 1 ? `, and ${vend.problems.length - 1} more` : ''})` : ''}. go builds from vendor/ here, so every go command and gopls fail to load the module.`,
      evidence,
      fixes: [{ id: 'go-mod-vendor', kind: 'terminal', title: `Re-sync vendor/ in ${vend.dir}`, text: vendorCommand(vend.dir, goEnv), needsRoot: false, cwd: vend.dir }],
    });
    return { findings, observed };
  }
  // The doctor itself never fetches the toolchain (GOPROXY=off here, GOTOOLCHAIN=local elsewhere:
  // host/noDownload.ts), so "not available" means "not in the module cache", i.e. not installed.
  // Class module-resolution, not gopls-launch: gopls starts fine; it is loading this module that
  // needs the download, and fails where the download does (the same as go build in it).
  if (/toolchain not available/.test(stderr)) {
    // Our GOPROXY=off caused this failure unless the user's own GOPROXY is off too.
    const userProxy = goEnv.values.GOPROXY ?? '';
    const userOff = userProxy.split(/[,|]/).every((p) => p === 'off' || p === '');
    const d = parseGoDirectives(gomod);
    const wanted = stderr.match(/download (go\S+)/)?.[1] ?? d.toolchain ?? `go${d.go}`;
    // GOTOOLCHAIN=goX.Y.Z in the environment asks for it, not this go.mod (whose go and toolchain
    // lines the installed go satisfies): what fails here is what that variable does, and the go-env
    // probe's env-inheritance cause names it. Measured: GOTOOLCHAIN=go1.30.0 GOPROXY=off beside a
    // go.mod saying go 1.22 was reported as "go.mod needs go1.30.0".
    const envTc = parseToolchain(goEnv.values.GOTOOLCHAIN ?? '');
    const have = parseGoVersion(goEnv.values.GOVERSION ?? '');
    const modAsks = [d.toolchain, d.go && `go${d.go}`].some((x) => { const w = x ? parseGoVersion(x) : undefined; return !!w && !!have && compareGoVersions(w, have) > 0; });
    if (envTc.mode === 'version' && envTc.version === wanted && !modAsks) {
      findings.push({
        classId: 'module-resolution',
        severity: userOff ? 'error' : 'warning',
        confidence: userOff ? 0.8 : 0.45,
        role: 'symptom',
        symptom: 'load-failed',
        message: `go and gopls cannot load the module in ${dir}: GOTOOLCHAIN=${goEnv.values.GOTOOLCHAIN} asks every go command for ${wanted}, which is not installed (the installed go is ${goEnv.values.GOVERSION}; this go.mod asks for no newer one)${userOff ? ', and GOPROXY=off forbids downloading it' : ''}.`,
        evidence: [...evidence, { source: path.join(dir, 'go.mod'), excerpt: [d.go && `go ${d.go}`, d.toolchain && `toolchain ${d.toolchain}`].filter(Boolean).join('\n') || '(no go line)' }],
        fixes: [],
      });
      return { findings, observed };
    }
    // Under auto the editor's go fetches it; whether the proxy has that release at all is asked
    // only with --online (the doctor contacts no server otherwise). A release that is not there
    // fails every go command and gopls's every load now, not "offline or behind a proxy".
    const lookup = userOff ? {} : await lookUpToolchain(ctx, goEnv.goBinary, wanted, goEnv.values.GOHOSTOS || 'linux', goEnv.values.GOHOSTARCH || 'amd64');
    const missing = lookup.available === false;
    const installed = goEnv.values.GOVERSION ?? '';
    // What makes the module build with the installed Go: only the toolchain line asks for more, or the go line does.
    const lower: Fix[] = [];
    if (d.toolchain && localMeetsGoLine(goEnv, gomod)) lower.push(dropToolchainLineFix(dir, d.toolchain, installed), gotoolchainLocalFix(installed || undefined));
    else if (d.go) {
      const f = lowerGoLineFix(dir, d.go, installed);
      if (f) lower.push(f);
    }
    findings.push({
      classId: 'module-resolution',
      severity: userOff || missing ? 'error' : 'warning',
      confidence: missing ? 0.9 : userOff ? 0.85 : 0.5,
      message: userOff
        ? `${path.join(dir, 'go.mod')} needs ${wanted}, newer than the installed ${goEnv.values.GOVERSION}, and GOPROXY=off forbids downloading it: go and gopls fail in this module.`
        : missing
          ? `${path.join(dir, 'go.mod')} asks for ${wanted}, which the module proxy does not have (no such Go release): with GOTOOLCHAIN=${goEnv.values.GOTOOLCHAIN || 'auto'} every go command in this module (go build, and gopls's every package load) tries to download it and fails ("This module version is not available"). The installed go is ${installed}.`
          : `This workspace asks for toolchain ${wanted}, which is not installed; opening it will download it (${path.join(dir, 'go.mod')}, GOTOOLCHAIN=${goEnv.values.GOTOOLCHAIN || 'auto'}; the installed go is ${goEnv.values.GOVERSION}). Offline, behind a proxy, or for a release that does not exist, that download fails, and go and gopls cannot load the module.` +
            (lookup.available === true ? ' The module proxy has that release (online check).' : ctx.settings.online ? '' : ' Whether the proxy has that release is asked only with --online.'),
      evidence: [...evidence, ...(lookup.evidence ? [lookup.evidence] : []), { source: path.join(dir, 'go.mod'), excerpt: [d.go && `go ${d.go}`, d.toolchain && `toolchain ${d.toolchain}`].filter(Boolean).join('\n') }],
      fixes: missing ? lower : [...lower, INSTALL_NEWER_GO],
    });
    return { findings, observed };
  }
  const known = classifyGoFailure(stderr);
  // GOTOOLCHAIN=local ignores a toolchain line and needs only the go line: offered where the
  // installed Go meets it (a tester's first fix, local, failed under a go 1.27.0 line).
  const localMeets = localMeetsGoLine(goEnv, gomod);
  const localFix = gotoolchainLocalFix(goEnv.values.GOVERSION || undefined);
  // "cannot find "go1.28.1" in PATH" under GOTOOLCHAIN=go1.28.1+path: the setting asks for that
  // release, not the module (a tester's report said "the module asks for go1.28.1" of a go 1.22 one).
  const pinned = parseToolchain(goEnv.values.GOTOOLCHAIN ?? '');
  const notOnPath = /cannot find "(go[^"]+)" in PATH/.exec(stderr)?.[1];
  if (known?.scope === 'module' && notOnPath && pinned.mode === 'version' && pinned.version === notOnPath) {
    findings.push({
      classId: 'env-inheritance',
      headline: 'toolchain-setting',
      explains: ['module-resolution', 'gopls-launch'],
      severity: 'error',
      confidence: 0.9,
      message: `GOTOOLCHAIN=${goEnv.values.GOTOOLCHAIN} makes every go command run ${notOnPath} from the PATH (the "+path" form never downloads one), and there is no ${notOnPath} on the PATH go gets: every go command, and every package load of gopls, fails with "cannot find "${notOnPath}" in PATH".`,
      evidence,
      fixes: [
        ...(localMeets ? [localFix] : []),
        { id: 'dl-wrapper-install', kind: 'terminal', title: `Install ${notOnPath} with its golang.org/dl wrapper`, text: `go install golang.org/dl/${notOnPath}@latest && ${notOnPath} download`, needsRoot: false, detail: `The wrapper lands in $(go env GOPATH)/bin, which must be on the PATH the editor gives go; "${notOnPath} download" fetches the release into ~/sdk/${notOnPath} (with network access).` },
      ],
    });
    return { findings, observed };
  }
  if (known?.scope === 'module') {
    const { scope: _scope, ...finding } = known;
    // go names the file it read the go line from, relative to dir ("../go.work" from a used module).
    const printed = /(\S*go\.(?:mod|work)) requires go >=/.exec(stderr)?.[1]?.replace(/^go: /, '');
    const message = printed && /^go\.(mod|work) /.test(finding.message) ? `${path.resolve(dir, printed)}${finding.message.slice(finding.message.indexOf(' '))}` : `${path.join(dir, 'go.mod')}: ${finding.message}`;
    // Another Go on this machine may already be new enough (a tester's old Go first on PATH
    // shadowed /usr/local/go's go1.26.8, and the fix said to download one).
    const need = /requires go ([0-9][0-9a-z.]*[0-9a-z])/.exec(known.message)?.[1];
    // The terminal's go first: the Go the user set up, not an unrelated third (a tester's).
    const other = need ? await newerGoInstalled(need, goEnv.goBinaryReal, ctx.env, (await loginShellGo(ctx))?.go) : undefined;
    // The path modes' and a wrapper's failures are the setting's doing: titled as such.
    const bySetting = finding.classId === 'env-inheritance' || /"path" mode/.test(finding.message);
    // Only the toolchain line asks for it: the go line, which GOTOOLCHAIN=local needs, is met.
    const d = parseGoDirectives(gomod);
    const fromToolchainLine = notOnPath !== undefined && d.toolchain === notOnPath && localMeets;
    const said = fromToolchainLine ? message.replace(`the module asks for ${notOnPath}`, `its toolchain line asks for ${notOnPath} (the go line, ${d.go}, is met by the installed ${goEnv.values.GOVERSION})`) : message;
    findings.push({
      ...finding,
      ...(bySetting ? { headline: 'toolchain-setting' as const } : {}),
      ...(finding.classId === 'env-inheritance' ? { explains: ['module-resolution' as const, 'gopls-launch' as const] } : {}),
      // The go that runs may be go.alternateTools.go's choice, not PATH's (a tester's old SDK there).
      message: other ? `${said} ${other.goBinary} (${other.version}) is installed on this machine and is new enough, but ${ctx.settings.alternateTools?.go === goEnv.goBinary ? `go.alternateTools.go names ${goEnv.goBinary}` : `the go found first on PATH is ${goEnv.goBinary}`}.` : said,
      evidence: other ? [...evidence, { source: path.join(other.root, 'VERSION'), excerpt: other.version }] : evidence,
      fixes: [...(other ? [alternateToolFix('go', other.goBinary)] : []), ...[dlWrapperDownloadFix(stderr), impostorFix(stderr)].filter((f) => f !== undefined), ...(bySetting && localMeets ? [localFix] : []), ...toolchainFixes(goEnv, known.message, localMeets, d.go && !other ? lowerGoLineFix(dir, d.go, goEnv.values.GOVERSION ?? '') : undefined).filter((f) => !other || f.id !== INSTALL_NEWER_GO.id)],
    });
    return { findings, observed };
  }
  if (known) return { findings, observed }; // an environment problem: the go-env probe reports it
  // cmd/go modload: "go: module . listed in go.work file requires go >= 1.26, but go.work lists go
  // 1.22; to update it:\n\tgo work use": go's own remedy raises the go.work's go line, run beside it.
  const behind = /listed in go\.work file requires go >= (\S+), but go\.work lists go (\S+?);/.exec(stderr);
  const work = behind ? await goWorkFor(dir, ctx.env) : undefined;
  if (behind && work) {
    findings.push({
      classId: 'module-resolution',
      severity: 'error',
      confidence: 0.9,
      message: `${work} says go ${behind[2]}, but a module it uses needs go ${behind[1]}: go refuses to load the workspace ("${stderr.trim().split('\n')[0]}"), so go build, go test and gopls fail in every module of it.`,
      evidence,
      fixes: [{ id: 'go-work-use-go-line', kind: 'terminal', title: `Raise ${path.basename(work)}'s go line to what its modules need (go work use)`, text: 'go work use', cwd: path.dirname(work), needsRoot: false, detail: 'go work use, with no folder named, brings the go line up to the highest one of the modules it uses; the use list stays as it is.' }],
    });
    return { findings, observed };
  }
  const syntax = MODULE_FILE_SYNTAX.test(stderr);
  if (syntax || /go\.work file|go: cannot load module/.test(stderr)) {
    findings.push({
      classId: 'module-resolution',
      severity: 'error',
      confidence: 0.85,
      ...(syntax ? { headline: 'module-file-syntax' as const } : {}),
      message: `go cannot load the module in ${dir}: ${stderr.trim().split('\n').slice(0, 2).join(' ')}. gopls fails the same way and shows no packages here.`,
      evidence,
      // The mistake is a word in the file go names: only the user can say what it should be.
      fixes: parseErrorPlaces(stderr, dir).slice(0, 2).map((p) => ({ id: `open-${path.basename(p.file)}-line-${p.line}`, kind: 'openFile' as const, title: `Open ${path.basename(p.file)} at line ${p.line}, where go stops`, path: p.file, line: p.line, ...(p.column ? { column: p.column } : {}) })),
    });
  }
  return { findings, observed };
}

/** go's words for a go.mod or go.work it cannot parse (modfile's errors), as against one it cannot load. */
const MODULE_FILE_SYNTAX = /errors parsing go\.(?:mod|work)|unknown directive|malformed|invalid go version/;

/**
 * Pure: the go.mod and go.work lines go's parse errors point at ("go: errors parsing go.mod:\n
 * /m/go.mod:5: unknown directive: requre", "go.work:3:2: malformed module path"), resolved against
 * `dir`, where go ran (base.ShortPath prints a path relative to it when shorter); one per file and line.
 */
export function parseErrorPlaces(stderr: string, dir: string): Array<{ file: string; line: number; column?: number }> {
  const out: Array<{ file: string; line: number; column?: number }> = [];
  for (const m of stderr.matchAll(/(?:^|[\s"'(])((?:[^\s:"'()]*\/)?go\.(?:mod|work)):(\d+)(?::(\d+))?:/gm)) {
    const file = path.resolve(dir, m[1]!);
    const line = Number(m[2]);
    if (!(line > 0) || out.some((o) => o.file === file && o.line === line)) continue;
    out.push({ file, line, ...(m[3] && Number(m[3]) > 0 ? { column: Number(m[3]) } : {}) });
  }
  return out;
}

/** Where Go installations usually live: the tarball's, distributions', golang.org/dl's and snap's. */
async function goRootCandidates(env: NodeJS.ProcessEnv): Promise<string[]> {
  const out = ['/usr/local/go', '/usr/lib/go', '/opt/go', '/snap/go/current'];
  for (const [dir, prefix] of [['/usr/lib', 'go-'], [env.HOME ? path.join(env.HOME, 'sdk') : '', 'go']] as const) {
    if (!dir) continue;
    for (const n of (await fs.readdir(dir).catch(() => [] as string[])).slice(0, 100)) if (n.startsWith(prefix)) out.push(path.join(dir, n));
  }
  return out;
}

/** The Go installations in the usual places (a VERSION file go reads as a release, and bin/go), other than the go at `notReal` (a real path). Nothing is run. */
export async function installedGos(env: NodeJS.ProcessEnv, notReal: string | undefined): Promise<Array<{ root: string; goBinary: string; version: string }>> {
  const out: Array<{ root: string; goBinary: string; version: string }> = [];
  for (const root of await goRootCandidates(env)) {
    const version = ((await readUserText(path.join(root, 'VERSION'), CAP.smallConfig)) ?? '').split('\n')[0]!.trim();
    const goBinary = path.join(root, 'bin', 'go');
    if (!parseGoVersion(version)) continue;
    const real = await fs.realpath(goBinary).catch(() => undefined);
    if (real && real !== notReal) out.push({ root, goBinary, version });
  }
  return out;
}

/** An installed Go at least `need` that is not the one that ran. */
async function newerGoInstalled(need: string, ran: string, env: NodeJS.ProcessEnv, preferred?: string): Promise<{ root: string; goBinary: string; version: string } | undefined> {
  const want = parseGoVersion(need);
  if (!want) return undefined;
  const preferredReal = preferred ? await fs.realpath(preferred).catch(() => undefined) : undefined;
  if (preferred && preferredReal && preferredReal !== ran) {
    const root = path.dirname(path.dirname(preferredReal));
    const version = ((await readUserText(path.join(root, 'VERSION'), CAP.smallConfig)) ?? '').split('\n')[0]!.trim();
    const v = parseGoVersion(version);
    if (v && compareGoVersions(v, want) >= 0) return { root, goBinary: preferred, version };
  }
  return (await installedGos(env, ran)).find((g) => compareGoVersions(parseGoVersion(g.version)!, want) >= 0);
}

/** The installed Go (GOVERSION) meets the go line of this go.mod; undefined when either is unknown. */
function localMeetsGoLine(goEnv: Extract<GoEnvFact, { ok: true }>, gomod: string): boolean {
  const line = parseGoDirectives(gomod).go;
  const need = line ? parseGoVersion(line) : undefined;
  const have = parseGoVersion(goEnv.values.GOVERSION ?? '');
  return !!need && !!have && compareGoVersions(have, need) >= 0;
}

function toolchainFixes(goEnv: Extract<GoEnvFact, { ok: true }>, message: string, localMeets = false, lowerGoLine?: Fix): Fix[] {
  // With the installed Go enough (localFix, offered first), nothing needs downloading.
  if (/golang\.org\/dl wrapper|invoked to provide/.test(message)) return localMeets ? [] : [toolsEnvFix('toolsenv-gotoolchain-auto', 'Or let go download the toolchain go.mod asks for (GOTOOLCHAIN=auto)', { GOTOOLCHAIN: 'auto' })];
  if (/"path" mode/.test(message)) return localMeets ? [] : [INSTALL_NEWER_GO, toolsEnvFix('toolsenv-gotoolchain-auto', 'Let go download the toolchain go.mod asks for (GOTOOLCHAIN=auto)', { GOTOOLCHAIN: 'auto' })];
  if (!/GOTOOLCHAIN=local/.test(message)) return [];
  const tc = parseToolchain(goEnv.values.GOTOOLCHAIN ?? '');
  // The installed Go is refused by the go line alone: lowering it needs no download (a tester's
  // go 1.99, where both other fixes failed: no such release to install or to fetch).
  const fixes: Fix[] = [...(lowerGoLine ? [lowerGoLine] : []), INSTALL_NEWER_GO];
  if (tc.mode === 'local') {
    fixes.push(toolsEnvFix('toolsenv-gotoolchain-auto', 'Let go download the toolchain go.mod asks for (GOTOOLCHAIN=auto)', { GOTOOLCHAIN: 'auto' }));
  }
  return fixes;
}

/** GOPATH entries reached through a symlink: files open under one path, packages load under the other. */
async function gopathSymlinkFindings(goEnv: GoEnvFact): Promise<FindingInput[]> {
  if (!goEnv.ok) return [];
  const out: FindingInput[] = [];
  for (const g of gopathEntries(goEnv.values)) {
    if (!path.isAbsolute(g)) continue;
    const real = await fs.realpath(g).catch(() => undefined);
    if (!real || real === path.resolve(g)) continue;
    out.push({
      classId: 'module-resolution',
      severity: 'warning',
      confidence: 0.45,
      headline: 'symlinked-path',
      message: `GOPATH entry ${g} is a symlink to ${real}: go reports packages under one path while the editor opens files under the other, so gopls may treat them as different files.`,
      evidence: [{ source: goEnv.commandLine, excerpt: `"GOPATH": ${JSON.stringify(goEnv.values.GOPATH)}` }, { source: `realpath ${g}`, excerpt: real }],
      fixes: [],
    });
  }
  return out;
}


/** Do any of these Go files import a package of another module (not the standard library's)? */
export async function importModules(files: readonly string[]): Promise<boolean> {
  for (const f of files) {
    // Imports follow the package clause; a long licence comment above it still fits in 16 KiB.
    const head = await readHead(f, 16 * 1024);
    if (head !== undefined && importPaths(head).some(isModuleImport)) return true;
  }
  return false;
}

/**
 * A module at the root, complete: beside other modules, a bare `go mod init` would leave the
 * folder holding several modules and no go.work (the next warning), so the same line adds the
 * go.work over all of them, or the new module to the go.work that is there.
 */
export function goModInitFix(root: string, modulePath: string, o: { otherModules: number; goWork: boolean; importsModules?: boolean }): Fix {
  // Files that import other modules' packages still fail after a bare init ("no required module
  // provides package"): a tester needed a second run of the doctor to be told go mod tidy.
  const init = `go mod init ${modulePath}${o.importsModules ? ' && go mod tidy' : ''}`;
  const work = o.goWork ? ' && go work use .' : o.otherModules > 0 ? ' && go work init && go work use -r .' : '';
  const then =
    (o.importsModules ? ', then go mod tidy adds the modules its files import to it (downloading them through your GOPROXY)' : '') +
    (o.goWork ? ' and adds it to the go.work' : o.otherModules > 0 ? ` and a go.work over it and the ${o.otherModules} module${o.otherModules === 1 ? '' : 's'} below, so gopls loads them all` : '');
  return {
    id: 'go-mod-init',
    kind: 'terminal',
    title: o.goWork ? `Create a module in ${root} and add it to the go.work` : o.otherModules > 0 ? `Create a module in ${root} and a go.work over all modules` : `Create a module in ${root}`,
    detail: `Creates go.mod${then}. Replace the module path with your repository path (e.g. github.com/you/project).`,
    text: init + work,
    needsRoot: false,
    cwd: root,
  };
}

/**
 * The go command (1.18+) stamps a main package it builds with its repository's state by running
 * git there, and fails the build when git fails ("error obtaining VCS status: exit status 128. Use
 * -buildvcs=false to disable VCS stamping."). Since git 2.35.2 the usual failure is a repository
 * another user owns (safe.directory): a bind mount into a container, a checkout made with sudo.
 * gopls never stamps, so the editor looks fine while go build, go run and the debugger fail.
 * Measured as nobody in a root-owned checkout: go build failed so and the report said "no problems
 * found". Asked of git itself (its safe.directory settings decide), with config that could run a
 * program switched off; skipped when GOFLAGS turns stamping off or no .git is above the folder.
 */
async function vcsStampFindings(ctx: ProbeContext, goEnv: Extract<GoEnvFact, { ok: true }>, folder: string): Promise<{ findings: FindingInput[]; observed?: Record<string, unknown> }> {
  if (parseGoFlags(goEnv.values.GOFLAGS ?? '').get('buildvcs') === 'false') return { findings: [] };
  // .git is a directory, or a file in a worktree or submodule.
  const dotGit = await findUp(folder, '.git', 'any');
  if (!dotGit) return { findings: [] };
  const top = path.dirname(dotGit);
  const git = await lookPath('git', ctx.env);
  if (!git) return { findings: [], observed: { repository: top, git: 'not on PATH (go skips stamping)' } };
  const r = await ctx.host.exec(git, ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '--no-optional-locks', '-C', folder, 'rev-parse', '--git-dir'], {
    timeoutMs: Math.min(1500, ctx.remainingMs() - 500),
    signal: ctx.signal,
    env: { ...ctx.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
  });
  const observed = { repository: top, git, exitCode: r.exitCode ?? null };
  const said = r.stderr.trim().split('\n').filter(Boolean);
  if (!r.failed || !/dubious ownership|is owned by someone else|not owned by current user/.test(r.stderr)) return { findings: [], observed };
  return {
    observed,
    findings: [
      {
        classId: 'fs-access',
        severity: 'error',
        confidence: 0.85,
        message: `git refuses the repository at ${top}: another user owns it (git's safe.directory check). go build, go run, go install and the debugger stamp a main package by running git there, so they fail with "error obtaining VCS status: exit status 128"; gopls does not stamp and looks fine.`,
        evidence: [{ source: `${r.commandLine} (in ${folder})`, excerpt: said.slice(0, 4).join('\n') || `exit ${r.exitCode}` }],
        fixes: [
          { id: 'git-safe-directory', kind: 'terminal', title: `Trust ${top} for git (safe.directory)`, text: `git config --global --add safe.directory ${quoteForDisplay(top)}`, needsRoot: false, detail: 'Only for a checkout you trust: git refuses other users\' repositories because their config can run programs.' },
          toolsEnvFix('toolsenv-goflags-buildvcs-false', 'Build without VCS stamping in the Go tools (GOFLAGS=-buildvcs=false)', { GOFLAGS: [goEnv.values.GOFLAGS ?? '', '-buildvcs=false'].join(' ').trim() }),
        ],
      },
    ],
  };
}

