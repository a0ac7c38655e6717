// Module downloads, offline: can the workspace's module graph be built from what is on this
// machine, and if not, will go be able to fetch the rest? Never touches the network: go runs with
// GOPROXY=off and GOTOOLCHAIN=local; the only connection ever made is a TCP connect to a proxy on
// this very machine (a loopback address), which sends nothing out.
//
// Classes, decided per case (the fix the user needs decides):
// - a go.sum line missing, a module absent from the cache while GOPROXY is off or its loopback
//   proxy refuses, a private-looking module routed to the public proxy or checksum database:
//   module-resolution (the cure is in the module: go mod tidy, GOPRIVATE, go mod download);
// - HTTPS_PROXY / NO_PROXY / SSL_CERT_* / GOPRIVATE … set in the login shell and not in the
//   editor (or the reverse): env-inheritance (the cure is the editor's environment), and it
//   explains module-resolution symptoms.
import { withSealedGo } from '../host/sealedGo.js';
import { invalidGosumdbFinding } from './gosumdbSetting.js';
import { gosumdbRefusalFinding } from './gosumdbRefusal.js';
import path from 'node:path';
import { octalMode } from '../host/fileMode.js';
import net from 'node:net';
import { promises as fs, constants as fsConstants } from 'node:fs';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { Probe, ProbeContext } from './probe.js';
import { skipped } from './probe.js';
import type { GoEnvFact } from '../facts/readGoEnv.js';
import { goModModulePath, parseGoWorkUses } from '../lsp/workspaceFiles.js';
import { cacheEntryWords, readCacheEntry, usableOffline, type CacheEntryState } from './moduleCacheEntry.js';
import { escapeModulePath, goproxyError, isLoopback, looksPrivate, matchPrefixPatterns, netrcPath, parseGoproxy, parseNetrc, firstHop, type ProxyEntry } from './goproxyConfig.js';
import { downloadOnceFix, tidyOnceFix, gitInstallFix, goModDownloadFix, goModTidyFix, gonosumdbFix, goprivateFix, GO_PROXY_ENV_DOCS, GOPROXY_DOCS, networkVarClearFix, networkVarFromLoginFix } from '../fixes/downloads.js';
import { goproxyOrigin, httpProxyOrigin } from './proxyVariableFixes.js';
import { CAP, readUserFile, readUserText } from '../host/readUserFile.js';
import { lookPath } from '../facts/lookPath.js';
import { buildsFromVendor } from './goFailure.js';
import { findUp, goWorkFor } from './modules.js';
import { programInLogin } from './programInLogin.js';
import { sshFetchFindings } from './sshFetchFindings.js';
import { firstAndMore } from '../doctor/listing.js';
import { goworkOffFix, toolsEnvFix } from '../fixes/catalog.js';
import { quoteForDisplay } from '../host/shellQuote.js';
import { checksumMismatchAt, type SumMismatch } from './checksumMismatch.js';
import { mismatchFinding } from './sumMismatchFindings.js';
import { goTrustedRoots } from '../facts/goTrustedRoots.js';
import { noRootsFinding } from './noRootsFinding.js';
import { noRouteWords, readNetworkReach, type NetworkReach } from './networkReach.js';

const MAX_MODULES = 8;

const MODULE_CACHE_DOCS: Fix = { id: 'module-cache-readonly-docs', kind: 'link', url: 'https://go.dev/ref/mod#module-cache', title: 'Point GOMODCACHE at a directory you can write, or add the module where the cache is filled', detail: 'A read-only cache (an image layer, a shared mount) serves only what was put in it; GOMODCACHE in the environment the tools start with moves it.' };
const LOOPBACK_CONNECT_MS = 400;

/** The variables that decide how go reaches a proxy and whom it trusts. GOPROXY itself is the login-shell probe's. */
export const NETWORK_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOSUMDB', 'NETRC'] as const;

const GoModJsonSchema = z.object({
  Module: z.object({ Path: z.string() }).nullish(),
  Require: z.array(z.object({ Path: z.string(), Version: z.string(), Indirect: z.boolean().optional() })).nullish(),
  Replace: z
    .array(z.object({ Old: z.object({ Path: z.string(), Version: z.string().optional() }), New: z.object({ Path: z.string(), Version: z.string().optional() }) }))
    .nullish(),
});
export type GoModJson = z.infer<typeof GoModJsonSchema>;

export interface ModuleVersion {
  path: string;
  version: string;
}

/** Pure: `go mod edit -json` → the direct requirements as go will fetch them (replacements applied, local directories dropped). */
export function directRequirements(json: string): ModuleVersion[] | undefined {
  return requirements(json)?.filter((m) => !m.indirect).map(({ path, version }) => ({ path, version }));
}

/** Pure: `go mod edit -json` or `go work edit -json` output, or undefined. */
export function parseGoModJson(json: string): GoModJson | undefined {
  try {
    const parsed = GoModJsonSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Pure: every requirement of `go mod edit -json`, `// indirect` ones marked, replacements applied, local directories dropped. */
export function requirements(json: string): (ModuleVersion & { indirect: boolean; replaced?: boolean })[] | undefined {
  const parsed = parseGoModJson(json);
  if (!parsed) return undefined;
  const out: (ModuleVersion & { indirect: boolean; replaced?: boolean })[] = [];
  for (const r of parsed.Require ?? []) {
    const rep = (parsed.Replace ?? []).find((x) => x.Old.Path === r.Path && (!x.Old.Version || x.Old.Version === r.Version));
    if (rep && !rep.New.Version) continue; // a directory on disk: nothing to download or verify
    out.push({ ...(rep ? { path: rep.New.Path, version: rep.New.Version!, replaced: true } : { path: r.Path, version: r.Version }), indirect: r.Indirect === true });
  }
  return out;
}

/** Pure: go.sum's lines by "path version" key → their hash: `zip` for module content, `mod` for go.mod files. */
export function parseGoSum(text: string): { zip: Map<string, string>; mod: Map<string, string> } {
  const zip = new Map<string, string>();
  const mod = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [p, v, h] = line.trim().split(/\s+/);
    if (!p || !v) continue;
    if (v.endsWith('/go.mod')) mod.set(`${p} ${v.slice(0, -'/go.mod'.length)}`, h ?? '');
    else zip.set(`${p} ${v}`, h ?? '');
  }
  return { zip, mod };
}

/**
 * Pure: the h1: hash go records for a module's go.mod (golang.org/x/mod/sumdb/dirhash Hash1 over
 * the one file "go.mod"): base64 of the SHA-256 of "<hex sha256>  go.mod\n".
 */
export function goModHash(content: Buffer | string): string {
  const line = `${createHash('sha256').update(content).digest('hex')}  go.mod\n`;
  return `h1:${createHash('sha256').update(line).digest('base64')}`;
}

/** Pure: what `go list -m all` under GOPROXY=off says is missing or refused, in go's own words. */
export function parseGraphErrors(stderr: string): { missingSum: string[]; notCached: string[]; mismatch: SumMismatch[]; lines: string[] } {
  const missingSum: string[] = [];
  const notCached: string[] = [];
  const mismatch: SumMismatch[] = [];
  const lines: string[] = [];
  const all = stderr.split('\n');
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    let m: RegExpExecArray | null;
    let v: ReturnType<typeof checksumMismatchAt>;
    if ((m = /^go: (\S+?)@(\S+): missing go\.sum entry/.exec(line))) missingSum.push(`${m[1]} ${m[2]}`);
    else if ((m = /^go: (\S+?)@(\S+): module lookup disabled by GOPROXY=off/.exec(line))) notCached.push(`${m[1]} ${m[2]}`);
    else if ((v = checksumMismatchAt(all, i))) {
      mismatch.push(v.mismatch);
      lines.push(...v.lines);
      continue;
    } else continue;
    lines.push(line.trim());
  }
  return { missingSum, notCached, mismatch, lines };
}

const exists = (p: string) => fs.stat(p).then(() => true, () => false);

/** The outermost folder from the module cache down to `dir` that this user cannot search, with its owner and mode. */
async function firstRefusingDir(modcache: string, dir: string): Promise<{ dir: string; uid: number; mode: string } | undefined> {
  if (!modcache) return undefined;
  const rel = path.relative(modcache, dir).split(path.sep);
  for (let i = 0; i <= rel.length; i++) {
    const d = path.join(modcache, ...rel.slice(0, i));
    const ok = await fs.access(d, fsConstants.X_OK | fsConstants.R_OK).then(() => true, () => false);
    if (!ok) {
      const st = await fs.stat(d).catch(() => undefined);
      return st ? { dir: d, uid: st.uid, mode: octalMode(st.mode) } : undefined;
    }
  }
  return undefined;
}

/** A TCP connect to a loopback address only: nothing leaves the machine. */
function connectLoopback(host: string, port: number): Promise<{ ok: true } | { ok: false; code: string }> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (r: { ok: true } | { ok: false; code: string }) => {
      clearTimeout(timer);
      s.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done({ ok: false, code: 'ETIMEDOUT' }), LOOPBACK_CONNECT_MS);
    s.once('connect', () => done({ ok: true }));
    s.once('error', (e: NodeJS.ErrnoException) => done({ ok: false, code: e.code ?? e.message }));
  });
}

interface ModuleState {
  dir: string;
  requires: ModuleVersion[];
  missingSum: ModuleVersion[];
  /** With what the cache holds of each (absent, only its go.mod, a folder go cannot use). */
  notCached: Array<ModuleVersion & { cached?: CacheEntryState }>;
  /** Requirements in the module cache that this user cannot reach (a folder on the way refuses search: a cache filled under umask 077). */
  unreachable?: Array<ModuleVersion & { dir: string; code: string }>;
  /** go.sum lines that disagree with the module cache's copy (its recorded .ziphash, its .mod). */
  mismatch: SumMismatch[];
  /** Requirements whose cached go.mod declares another module path (a fork required by its own name). */
  declaredElse: Array<ModuleVersion & { declared: string }>;
  sumFiles: string[];
  /** go.sum exists but could not be read (EACCES): what it lacks cannot be told. */
  sumUnreadable?: { path: string; code: string };
}

export const moduleDownloadsProbe: Probe = {
  id: 'module-downloads',
  title: 'Module downloads: go.sum, module cache, proxy and private modules',
  classes: ['module-resolution', 'env-inheritance', 'fs-access'],
  async run(ctx) {
    const goEnv = await ctx.facts.goEnv();
    if (!goEnv.ok) return skipped(`go env is unavailable (${goEnv.reason}); the go-env probe reports why`);
    const v = goEnv.values;
    const findings: FindingInput[] = [];
    const observed: Record<string, unknown> = {
      GOPROXY: v.GOPROXY ?? '',
      GOPRIVATE: v.GOPRIVATE ?? '',
      GONOPROXY: v.GONOPROXY ?? '',
      GONOSUMDB: v.GONOSUMDB ?? '',
      GOINSECURE: v.GOINSECURE ?? '',
      GOSUMDB: v.GOSUMDB ?? '',
      GOAUTH: v.GOAUTH ?? '',
    };
    // The login shell takes longest of the facts: compare against it while go runs below.
    const envDiffs = networkEnvFindings(ctx, observed);
    if ((v.GO111MODULE ?? '') === 'off') return { findings: await envDiffs, observed: { ...observed, gopathMode: true } };
    if (!ctx.host.live) return { findings: await envDiffs, observed };

    const roots = await moduleRoots(ctx);
    const unwritable = await cacheUnwritable(v.GOMODCACHE);
    const states: ModuleState[] = [];
    const graph: Record<string, unknown>[] = [];
    for (const r of roots) {
      if (ctx.remainingMs() < 600 || ctx.signal.aborted) break;
      const [s, g] = await Promise.all([inspectModules(ctx, goEnv, r.mods, r.workSum, r.workFile), graphCheck(ctx, goEnv, r.root)]);
      states.push(...s);
      if (g) {
        graph.push(g.observed);
        findings.push(...graphFindings(g, r.root, s, v, unwritable));
      }
    }
    // A SSL_CERT_FILE / SSL_CERT_DIR that leaves go no root fails every https download, offline to tell.
    const needDownload = states.flatMap((s) => s.notCached.map(key));
    // Only a set SSL_CERT_FILE / SSL_CERT_DIR can leave go without a root, and one certificate says it has one.
    const noRoots = ctx.env.SSL_CERT_FILE || ctx.env.SSL_CERT_DIR ? noRootsFinding(ctx.env, await goTrustedRoots(ctx.env, { anyOne: true }), needDownload, v.GOPROXY ?? '') : undefined;
    if (noRoots) findings.push(noRoots);
    const gosumdb = invalidGosumdbFinding(v, states);
    if (gosumdb) findings.push(gosumdb);
    observed.modules = states.map((s) => ({ dir: s.dir, direct: s.requires.length, missingSum: s.missingSum.map(key), notCached: s.notCached.map(key), sumMismatch: s.mismatch.map(mismatchKey) }));
    observed.graph = graph;
    // The kernel's routes and resolvers, read only when something must be downloaded.
    const reach = needDownload.length ? await readNetworkReach(ctx.host) : undefined;
    if (reach) observed.network = { defaultRoute: reach.defaultRoute, routes: reach.routes, interfaces: reach.interfaces, resolvers: reach.resolvers, noNetwork: reach.noNetwork };
    for (const s of states) findings.push(...(await moduleFindings(ctx, goEnv, s, unwritable, reach)));
    findings.unshift(...(await envDiffs));
    return { findings, observed };
  },
};

const key = (m: ModuleVersion) => `${m.path} ${m.version}`;

/** Each workspace's go.work (its modules) or go.mod; at most MAX_MODULES modules in all. */
async function moduleRoots(ctx: ProbeContext): Promise<Array<{ root: string; mods: string[]; workSum?: string; workFile?: string }>> {
  const out: Array<{ root: string; mods: string[]; workSum?: string; workFile?: string }> = [];
  const seen = new Set<string>();
  let budget = MAX_MODULES;
  for (const ws of ctx.workspaces) {
    const folder = path.resolve(ws);
    const work = await goWorkFor(folder, ctx.env);
    if (work) {
      const base = path.dirname(work);
      if (seen.has(base)) continue;
      seen.add(base);
      const text = (await readUserText(work, CAP.goModFile)) ?? '';
      const mods: string[] = [];
      for (const u of parseGoWorkUses(text)) {
        const d = path.resolve(base, u);
        if (budget > 0 && (await exists(path.join(d, 'go.mod')))) {
          mods.push(d);
          budget--;
        }
      }
      out.push({ root: base, mods, workSum: path.join(base, 'go.work.sum'), workFile: work });
      continue;
    }
    const gm = await findUp(folder, 'go.mod');
    if (!gm || seen.has(path.dirname(gm)) || budget <= 0) continue;
    seen.add(path.dirname(gm));
    budget--;
    out.push({ root: path.dirname(gm), mods: [path.dirname(gm)] });
  }
  return out;
}

function goCommandEnv(ctx: ProbeContext): NodeJS.ProcessEnv {
  // Never download anything, module or toolchain.
  return { ...ctx.env, GOPROXY: 'off', GOTOOLCHAIN: 'local' };
}

async function inspectModules(ctx: ProbeContext, goEnv: Extract<GoEnvFact, { ok: true }>, mods: string[], workSum?: string, workFile?: string): Promise<ModuleState[]> {
  const workSums = workSum ? ((await readUserText(workSum, CAP.goSum)) ?? '') : '';
  // A relative GOMODCACHE is refused by go itself (the go-env probe says so): nothing here to look in.
  const modcache = path.isAbsolute(goEnv.values.GOMODCACHE ?? '') ? goEnv.values.GOMODCACHE! : '';
  const edit = (args: string[], cwd: string, env: NodeJS.ProcessEnv) => ctx.host.exec(goEnv.goBinary, args, { timeoutMs: Math.max(300, Math.min(2000, ctx.remainingMs() - 300)), signal: ctx.signal, env, cwd, maxBuffer: 1024 * 1024 });
  // Built from vendor/: go reads neither go.sum nor the module cache for it (measured: a vendored
  // module with neither, GOPROXY=off, builds), so nothing here can be missing.
  const listed = await Promise.all(mods.map(async (dir) => ((await vendorMode(dir, goEnv)) ? undefined : await edit(['mod', 'edit', '-json'], dir, goCommandEnv(ctx)))));
  // In workspace mode a requirement on another module of the go.work is served from its folder, and
  // a go.work replace overrides every go.mod's: neither needs a go.sum line or a cache entry
  // (measured: a healthy two-module go.work was an error "go.sum has no checksum for
  // example.com/lib", with a go mod tidy that fails).
  const workModules = new Set(workFile ? listed.flatMap((r) => (r && !r.failed ? [parseGoModJson(r.stdout)?.Module?.Path ?? ''] : [])).filter(Boolean) : []);
  const workReplace = workFile ? parseGoModJson((await edit(['work', 'edit', '-json'], path.dirname(workFile), { ...goCommandEnv(ctx), GOWORK: workFile })).stdout)?.Replace ?? [] : [];
  const served = (m: ModuleVersion): ModuleVersion | undefined => {
    if (workModules.has(m.path)) return undefined;
    const rep = workReplace.find((x) => x.Old.Path === m.path && (!x.Old.Version || x.Old.Version === m.version));
    if (!rep) return m;
    return rep.New.Version ? { path: rep.New.Path, version: rep.New.Version } : undefined;
  };
  return Promise.all(
    mods.map(async (dir, i): Promise<ModuleState> => {
      const r = listed[i];
      if (!r) return { dir, requires: [], missingSum: [], notCached: [], mismatch: [], declaredElse: [], sumFiles: [] };
      const all = (r.failed ? [] : requirements(r.stdout) ?? []).flatMap((m) => {
        const to = served(m);
        // A go.work replace counts as a replace too (served() returned another module or version).
        return to ? [{ ...to, indirect: m.indirect, replaced: m.replaced === true || to !== m }] : [];
      });
      const requires = all.filter((m) => !m.indirect).map(({ path: p, version }) => ({ path: p, version }));
      const sumPath = path.join(dir, 'go.sum');
      const read = await readUserFile(sumPath, CAP.goSum);
      const own = read.ok ? read.text : undefined;
      const sumUnreadable = !read.ok && read.code !== 'ENOENT' ? { path: sumPath, code: read.code } : undefined;
      const sums = parseGoSum(`${own ?? ''}\n${workSums}`);
      const missingSum = requires.filter((m) => !sums.zip.has(key(m)));
      const notCached: ModuleState['notCached'] = [];
      // ENOENT is a module not downloaded; EACCES one that is there behind a folder this user may not
      // search (a cache baked by root under umask 077): "add the module" cannot help that (a tester's).
      const unreachable: Array<ModuleVersion & { dir: string; code: string }> = [];
      // Looked at as go looks (moduleCacheEntry.ts): a zip go unzips offline is in the cache, a
      // go.mod alone (what go list -m all fetched) is not.
      if (modcache)
        for (const m of requires) {
          const e = await readCacheEntry(modcache, m);
          if (e.state === 'unreadable') unreachable.push({ ...m, dir: e.dir, code: e.code ?? 'EACCES' });
          else if (!usableOffline(e.state)) notCached.push({ ...m, cached: e.state });
        }
      // Mismatches over every requirement, `// indirect` ones too: since go 1.17 go.mod lists each
      // module the build's packages come from, and go verifies a cached copy against go.sum whenever
      // it uses it (measured: an indirect x/mod whose go.sum line was edited gave "no problems
      // found" while go build stopped with "checksum mismatch … SECURITY ERROR"). Missing sums and
      // cache entries stay direct-only: an indirect one may be needed by no package built here.
      const mismatch = modcache ? await cacheMismatches(modcache, all.filter((m) => !notCached.some((n) => key(n) === key(m)) && !unreachable.some((n) => key(n) === key(m))), sums) : [];
      // go downloads a requirement's go.mod and refuses a module that names itself otherwise ("module
      // declares its path as: github.com/orig/thing but was required as: git.corp.example/fork"): a
      // fork required by its own path. A replaced one may keep the original's name (go allows it).
      const declaredElse: ModuleState['declaredElse'] = [];
      if (modcache) {
        for (const m of all.filter((x) => !x.replaced && !x.indirect).slice(0, 200)) {
          const head = await readUserText(path.join(modcache, 'cache', 'download', escapeModulePath(m.path), '@v', `${escapeModulePath(m.version)}.mod`), 4096);
          const declared = head ? goModModulePath(head) : undefined;
          if (declared && declared !== m.path) declaredElse.push({ path: m.path, version: m.version, declared });
        }
      }
      return {
        dir,
        requires,
        // A go.sum that is there but unreadable lacks nothing we can see: its own finding says so.
        missingSum: sumUnreadable ? [] : missingSum,
        notCached,
        ...(unreachable.length ? { unreachable } : {}),
        mismatch,
        declaredElse,
        sumFiles: [own === undefined ? `${sumPath} (${sumUnreadable ? sumUnreadable.code : 'absent'})` : sumPath, ...(workSum && workSums ? [workSum] : [])],
        ...(sumUnreadable ? { sumUnreadable } : {}),
      };
    }),
  );
}

/**
 * go.sum's lines against what the module cache holds for the same versions: the hash go recorded
 * when it downloaded the content (cache/download/…/@v/V.ziphash) and the cached go.mod, hashed as
 * go does. go compares the same two before it uses a cached module, and stops with "verifying
 * m@v: checksum mismatch … SECURITY ERROR" when they differ.
 */
async function cacheMismatches(modcache: string, mods: ModuleVersion[], sums: ReturnType<typeof parseGoSum>): Promise<SumMismatch[]> {
  const one = async (m: ModuleVersion): Promise<SumMismatch[]> => {
    const out: SumMismatch[] = [];
    const base = path.join(modcache, 'cache', 'download', escapeModulePath(m.path), '@v', escapeModulePath(m.version));
    const zipSum = sums.zip.get(key(m));
    const modSum = sums.mod.get(key(m));
    const [zipHash, modRead] = await Promise.all([zipSum ? readUserText(`${base}.ziphash`, 256).then((t) => t?.trim()) : undefined, modSum ? readUserFile(`${base}.mod`, CAP.goModFile) : undefined]);
    if (zipSum && zipHash && zipHash.startsWith('h1:') && zipHash !== zipSum) out.push({ module: m.path, version: m.version, what: 'zip', goSum: zipSum, cached: zipHash });
    // A go.mod is UTF-8 (go rejects it otherwise), so its text hashes as its bytes; a truncated read would not.
    const modText = modRead?.ok && !modRead.truncated ? modRead.text : undefined;
    const modHash = modText === undefined ? undefined : goModHash(modText);
    if (modSum && modHash && modHash !== modSum) out.push({ module: m.path, version: m.version, what: 'go.mod', goSum: modSum, cached: modHash });
    return out;
  };
  // A few modules at a time: a large module requires 250 (prometheus), and one read after another
  // doubled the probe's time there; all at once could take every file descriptor.
  const out: SumMismatch[] = [];
  for (let i = 0; i < mods.length; i += 16) for (const r of await Promise.all(mods.slice(i, i + 16).map(one))) out.push(...r);
  return out;
}

export interface GraphResult {
  observed: Record<string, unknown>;
  commandLine: string;
  errors: ReturnType<typeof parseGraphErrors>;
  /** Of the modules whose go.mod checksum go.sum lacks, those whose go.mod the module cache lacks too. */
  modUncached: string[];
}

/** `go list -m all` with GOPROXY=off: the module graph as go loads it, from go.sum and the cache only. */
async function graphCheck(ctx: ProbeContext, goEnv: Extract<GoEnvFact, { ok: true }>, root: string): Promise<GraphResult | undefined> {
  // In vendor mode go builds from vendor/ and `all` cannot be computed from it: nothing to download.
  if (await vendorMode(root, goEnv)) return undefined;
  const timeoutMs = Math.max(300, Math.min(3000, ctx.remainingMs() - 400));
  // Sealed: `go list -m all` fills go.sum under -mod=mod, and go.work.sum in workspace mode (measured);
  // on copies it reports the same graph and the same missing lines.
  const r = await withSealedGo(goCommandEnv(ctx), root, goEnv.values, (env) => ctx.host.exec(goEnv.goBinary, ['list', '-m', 'all'], { timeoutMs, signal: ctx.signal, env, cwd: root, maxBuffer: 1024 * 1024 }));
  const errors = parseGraphErrors(r.stderr);
  const modcache = goEnv.values.GOMODCACHE;
  const modUncached: string[] = [];
  for (const k of errors.missingSum.slice(0, 20)) {
    const [p, version] = k.split(' ');
    if (modcache && p && version && !(await exists(path.join(modcache, 'cache', 'download', escapeModulePath(p), '@v', `${escapeModulePath(version)}.mod`)))) modUncached.push(k);
  }
  return { commandLine: `GOPROXY=off ${r.commandLine} (in ${root})`, errors, modUncached, observed: { dir: root, exitCode: r.exitCode ?? null, timedOut: r.timedOut, modules: r.failed ? null : r.stdout.split('\n').filter(Boolean).length } };
}

export function graphFindings(g: GraphResult, root: string, states: ModuleState[], v: Record<string, string>, unwritable: string | undefined): FindingInput[] {
  // go.mod-level sums and cache misses deeper in the graph; direct requirements are moduleFindings'.
  const direct = new Set(states.flatMap((s) => [...s.missingSum, ...s.notCached].map(key)));
  const out: FindingInput[] = [];
  // An unreadable go.sum makes every sum missing: its own fs-access finding says why.
  const deepSum = states.some((s) => s.sumUnreadable) ? [] : g.errors.missingSum.filter((k) => !direct.has(k));
  if (deepSum.length) {
    out.push({
      classId: 'module-resolution',
      severity: 'error',
      confidence: 0.9,
      message: `go.sum in ${root} lacks the go.mod checksum of ${firstAndMore(deepSum)}: go cannot load the module graph, so go build and gopls fail in every package of this module.`,
      evidence: [{ source: g.commandLine, excerpt: g.errors.lines.slice(0, 6).join('\n') }],
      fixes: [sumLinesFix(root, v, deepSum.some((k) => g.modUncached.includes(k) || g.errors.notCached.includes(k)))],
    });
  }
  const seen = new Set(states.flatMap((s) => s.mismatch.map(mismatchKey)));
  const deepMismatch = g.errors.mismatch.filter((m) => !seen.has(mismatchKey(m)));
  if (deepMismatch.length) out.push(mismatchFinding(root, deepMismatch, { source: g.commandLine, excerpt: g.errors.lines.slice(0, 6).join('\n') }));
  const deepCache = g.errors.notCached.filter((k) => !direct.has(k));
  if (deepCache.length && unwritable) {
    out.push({
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.85,
      explains: ['module-resolution'],
      message: `The module graph of ${root} needs ${firstAndMore(deepCache)}, not in the module cache ${v.GOMODCACHE}, which cannot be written (${unwritable}): go cannot download ${deepCache.length === 1 ? 'it' : 'them'}, so go list -m all fails here (quoted), and so does every go command or gopls load that needs ${deepCache.length === 1 ? 'it' : 'them'}.`,
      evidence: [{ source: g.commandLine, excerpt: g.errors.lines.slice(0, 6).join('\n') }, { source: `access(2) W_OK on ${v.GOMODCACHE}`, excerpt: unwritable }],
      fixes: [MODULE_CACHE_DOCS],
    });
  } else if (deepCache.length && userProxyOff(v)) {
    out.push({
      classId: 'module-resolution',
      explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
      headline: 'module-downloads',
      severity: 'error',
      confidence: 0.85,
      message: `The module graph of ${root} needs ${firstAndMore(deepCache)}, which ${deepCache.length === 1 ? 'is' : 'are'} not in the module cache, and GOPROXY=${v.GOPROXY} forbids downloading: go and gopls fail with "module lookup disabled by GOPROXY=off".`,
      evidence: [{ source: g.commandLine, excerpt: g.errors.lines.slice(0, 6).join('\n') }, { source: 'go env -json', excerpt: `"GOPROXY": ${JSON.stringify(v.GOPROXY ?? '')}` }],
      // Not go mod download as typed: under this GOPROXY=off it fails the same way (a tester's).
      // go mod tidy only where go.sum lacks lines too: it rewrites go.mod (a tester's lost a kept requirement).
      fixes: [deepSum.length || states.some((s) => s.missingSum.length) ? tidyOnceFix(root) : downloadOnceFix(root)],
    });
  }
  return out;
}

/**
 * Does go build this module from its vendor/? -mod=vendor, or a vendor/modules.txt with no -mod=mod
 * or -mod=readonly (the default from go 1.14 on; earlier go.mod lines predate it and are rare).
 */
async function vendorMode(dir: string, goEnv: Extract<GoEnvFact, { ok: true }>): Promise<boolean> {
  return buildsFromVendor(goEnv.values.GOFLAGS ?? '', await exists(path.join(dir, 'vendor', 'modules.txt')));
}

/**
 * Pure: what the cache does hold of modules it lacks, so "not in the module cache" stays true when
 * a part is there: a go.mod alone (go list -m all fetched it) loads the graph but builds nothing.
 */
export function cachedPart(ms: ReadonlyArray<ModuleVersion & { cached?: CacheEntryState }>): string {
  const modOnly = ms.filter((m) => m.cached === 'mod-only').map(key);
  const unusable = ms.filter((m) => m.cached === 'incomplete').map(key);
  const parts: string[] = [];
  if (modOnly.length) parts.push(`it holds only the go.mod of ${firstAndMore(modOnly)}, which loads the module graph but builds no package`);
  if (unusable.length) parts.push(`the folder of ${firstAndMore(unusable)} there is incomplete to go (marked half extracted, or its .ziphash is gone) and no zip is left to unpack, so go downloads it again`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/**
 * Pure: who fails for a requirement go cannot fetch. Only what imports it: a tester's module
 * imported golang.org/x/tools in a _test.go file alone, and go build and gopls worked while go test
 * stopped with "[setup failed]"; the report had said go build and gopls fail.
 */
export function importersFail(n: number): string {
  return `every package or test that imports ${n === 1 ? 'it' : 'one of them'} fails to build (go build, go test, go vet, and gopls on those files)`;
}

/** The errno that refuses writing in an existing module cache (EACCES, EROFS), or undefined. */
function cacheUnwritable(dir: string | undefined): Promise<string | undefined> {
  if (!dir) return Promise.resolve(undefined);
  return fs.access(dir, fsConstants.W_OK).then(
    () => undefined,
    (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : (e.code ?? 'EACCES')),
  );
}

const mismatchKey = (m: SumMismatch) => `${m.module} ${m.version} ${m.what}`;

/**
 * The command that writes missing go.sum lines: go mod tidy, which works offline when the cache has
 * the modules; under GOPROXY=off with one of them uncached it fails as typed ("module lookup
 * disabled"), and the once-through-the-default-proxy command is the one that works (a tester got
 * the plain one for the module graph's lines while the direct ones had the other).
 */
function sumLinesFix(dir: string, v: Record<string, string>, someUncached: boolean): Fix {
  return userProxyOff(v) && someUncached ? tidyOnceFix(dir) : goModTidyFix(dir);
}

function userProxyOff(v: Record<string, string>): boolean {
  const entries = parseGoproxy(v.GOPROXY ?? '');
  return entries[0]?.kind === 'off';
}

/** The go.work above dir (GOWORK aside) and which of mods its use list serves from a folder. */
async function workServing(dir: string, mods: readonly ModuleVersion[]): Promise<{ work: string; served: Array<{ path: string; dir: string }> } | undefined> {
  const work = await findUp(dir, 'go.work');
  if (!work) return undefined;
  const wanted = new Set(mods.map((m) => m.path));
  const served: Array<{ path: string; dir: string }> = [];
  for (const u of parseGoWorkUses((await readUserText(work, CAP.goModFile)) ?? '').slice(0, MAX_MODULES)) {
    const d = path.resolve(path.dirname(work), u);
    const mod = goModModulePath((await readUserText(path.join(d, 'go.mod'), CAP.goModFile)) ?? '');
    if (mod && wanted.has(mod)) served.push({ path: mod, dir: d });
  }
  return { work, served };
}

async function moduleFindings(ctx: ProbeContext, goEnv: Extract<GoEnvFact, { ok: true }>, s: ModuleState, unwritable: string | undefined, reach?: NetworkReach): Promise<FindingInput[]> {
  const v = goEnv.values;
  const out: FindingInput[] = [];
  const goEnvEv = (names: string[]): Evidence => ({ source: goEnv.commandLine, excerpt: names.map((n) => `"${n}": ${JSON.stringify(v[n] ?? '')}`).join('\n') });
  const list = (ms: ModuleVersion[]) => firstAndMore(ms.map(key));
  // GOWORK=off (set for CI, or left from a script) hides a go.work above the module that serves
  // these requirements from its folders: go then fetches them and wants their sums. Measured: the
  // report blamed go.sum and offered go mod tidy, which failed against the proxy.
  if ((ctx.env.GOWORK ?? v.GOWORK) === 'off' && (s.missingSum.length || s.notCached.length)) {
    const hidden = await workServing(s.dir, [...s.missingSum, ...s.notCached]);
    if (hidden && hidden.served.length) {
      const served = new Set(hidden.served.map((m) => m.path));
      out.push({
        classId: 'module-resolution',
        explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
        severity: 'error',
        confidence: 0.9,
        message: `GOWORK=off (${ctx.env.GOWORK === 'off' ? 'from the environment the tools get' : `from your go env file (${v.GOENV || 'GOENV'})`}) makes go ignore ${hidden.work}, whose modules serve ${firstAndMore([...served])} to ${path.join(s.dir, 'go.mod')}: go tries to download ${served.size === 1 ? 'it' : 'them'} instead, and go build and gopls fail ("missing go.sum entry", or no such version on the proxy).`,
        evidence: [goEnvEv(['GOWORK']), { source: hidden.work, excerpt: hidden.served.map((m) => `use ${m.dir} (module ${m.path})`).join('\n') }],
        fixes: [goworkOffFix(ctx.env, v.GOENV)],
      });
      s = { ...s, missingSum: s.missingSum.filter((m) => !served.has(m.path)), notCached: s.notCached.filter((m) => !served.has(m.path)) };
    }
  }
  if (s.sumUnreadable) {
    // Measured as a non-root user with a root-owned 0600 go.sum: go build said "missing go.sum
    // entry", go mod tidy "open …/go.sum: permission denied"; the report said "(absent)" and
    // offered go mod tidy.
    const u = s.sumUnreadable;
    const st = await fs.stat(u.path).catch(() => undefined);
    out.push({
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.9,
      message: `${u.path} exists but cannot be read (${u.code}${st ? `: owned by uid ${st.uid}, mode ${octalMode(st.mode)}, you are uid ${ctx.host.uid}` : ''}): go treats every checksum as missing ("missing go.sum entry"), go mod tidy fails with "open ${u.path}: permission denied", and gopls loads nothing that needs a module.`,
      evidence: [{ source: `open(2) ${u.path}`, excerpt: u.code }],
      fixes: st && st.uid !== ctx.host.uid && ctx.host.uid !== 0 ? [{ id: 'fs-access-chown-go-sum', kind: 'terminal', title: `Take ownership of ${path.basename(u.path)}`, text: `sudo chown "$USER:" ${quoteForDisplay(u.path)}`, needsRoot: true, detail: 'A `sudo go …` in the module wrote it as root.' }] : [],
    });
  }
  if (s.declaredElse.length) {
    const d = s.declaredElse[0]!;
    out.push({
      classId: 'module-resolution',
      severity: 'error',
      confidence: 0.9,
      message: `${path.join(s.dir, 'go.mod')} requires ${d.path} ${d.version}, but that module's go.mod declares itself ${d.declared}: go refuses it ("module declares its path as: ${d.declared} but was required as: ${d.path}"), so go build and gopls fail in every package importing it${s.declaredElse.length > 1 ? ` (and ${s.declaredElse.length - 1} more so)` : ''}. A fork keeps its original's name: import ${d.declared} and point it at the fork with a replace directive.`,
      evidence: [{ source: path.join(v.GOMODCACHE ?? '', 'cache', 'download', escapeModulePath(d.path), '@v', `${escapeModulePath(d.version)}.mod`), excerpt: `module ${d.declared}` }],
      fixes: [{ id: 'go-mod-replace-fork', kind: 'terminal', title: `Require ${d.declared} and take it from ${d.path} (a replace directive)`, text: `go mod edit -droprequire=${d.path} -replace=${d.declared}=${d.path}@${d.version}`, needsRoot: false, cwd: s.dir, detail: `Then import ${d.declared} in the code and run go mod tidy: go resolves it from ${d.path} ${d.version}.` }],
    });
  }
  if (s.mismatch.length) {
    out.push(
      mismatchFinding(s.dir, s.mismatch, {
        source: `${s.sumFiles.join(', ')} and the module cache ${v.GOMODCACHE}`,
        excerpt: s.mismatch.slice(0, 4).map((m) => `${m.module} ${m.version}${m.what === 'go.mod' ? '/go.mod' : ''}: go.sum ${m.goSum}, cache ${m.cached}`).join('\n'),
      }),
    );
  }
  if (s.missingSum.length) {
    // go mod tidy (the fix) verifies new go.sum lines with the checksum database unless GONOSUMDB
    // or GOPRIVATE covers the module: sum.golang.org cannot know a private one, and is often out
    // of reach where such modules live (measured: GOPRIVATE=corp.example, which does not match
    // git.corp.example/lib, made the offered go mod tidy fail at sum.golang.org).
    const sumdbOn = (v.GOSUMDB ?? 'sum.golang.org') !== 'off' && !(v.GOFLAGS ?? '').includes('-insecure');
    const askedPublic = sumdbOn ? s.missingSum.filter((m) => looksPrivate(m.path) && !matchPrefixPatterns(v.GONOSUMDB || v.GOPRIVATE || '', m.path)) : [];
    const hosts = [...new Set(askedPublic.map((m) => m.path.split('/')[0]!))];
    // GOSUMDB naming a server of its own that refuses connections: go mod tidy (the go.sum
    // finding's fix) fails there, so the finding that names GOSUMDB takes this one's place.
    const sumdbRefused = await gosumdbRefusalFinding(ctx, v, { dir: s.dir, missing: s.missingSum, sumFiles: s.sumFiles }, loopbackRefusal);
    if (sumdbRefused) out.push(sumdbRefused);
    else out.push({
      classId: 'module-resolution',
      severity: 'error',
      confidence: 0.9,
      message: `${path.join(s.dir, 'go.sum')} has no checksum for ${list(s.missingSum)}, which go.mod requires directly: go build, go test and gopls fail on every package importing ${s.missingSum.length === 1 ? 'it' : 'them'} with "missing go.sum entry for module providing package …".${askedPublic.length ? ` ${firstAndMore(askedPublic.map((m) => m.path))} ${askedPublic.length === 1 ? 'looks' : 'look'} private, and neither GONOSUMDB nor GOPRIVATE (${JSON.stringify(v.GONOSUMDB || v.GOPRIVATE || '')}) covers ${askedPublic.length === 1 ? 'it' : 'them'}: go mod tidy will ask the public checksum database (${v.GOSUMDB || 'sum.golang.org'}) to verify ${askedPublic.length === 1 ? 'it' : 'them'}, which it cannot.` : ''}`,
      evidence: [{ source: s.sumFiles.join(', '), excerpt: s.missingSum.slice(0, 8).map((m) => `no line for ${key(m)}`).join('\n') }, { source: `go mod edit -json (in ${s.dir})`, excerpt: s.missingSum.slice(0, 8).map((m) => `require ${key(m)}`).join('\n') }],
      // Under GOPROXY=off go mod tidy fails as typed ("module lookup disabled") for a module the cache
      // lacks: the once-through-the-default-proxy command is the one that works (a tester's got both,
      // the plain one second). With everything cached, go mod tidy works offline.
      fixes: [...(hosts.length ? [gonosumdbFix(hosts, v.GONOSUMDB ?? '')] : []), sumLinesFix(s.dir, v, s.missingSum.some((m) => s.notCached.some((n) => key(n) === key(m))))],
    });
  }
  if (s.unreachable?.length) {
    const u = s.unreachable;
    const blocker = await firstRefusingDir(v.GOMODCACHE ?? '', u[0]!.dir);
    out.push({
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.85,
      message: `${list(u)}, required by ${path.join(s.dir, 'go.mod')}, ${u.length === 1 ? 'is' : 'are'} in the module cache ${v.GOMODCACHE}, but you cannot read ${u.length === 1 ? 'it' : 'them'} (${u[0]!.code}${blocker ? `: ${blocker.dir} is owned by uid ${blocker.uid}, mode ${blocker.mode}` : ''}), as when the cache was filled by another user under umask 077: go build and gopls fail with "permission denied" on ${u.length === 1 ? 'its' : 'their'} files, and downloading again does not help.`,
      evidence: [{ source: `access(2) R_OK|X_OK`, excerpt: u.slice(0, 6).map((m) => `${m.dir}: ${m.code}`).join('\n') }, ...(blocker ? [{ source: `stat ${blocker.dir}`, excerpt: `owner uid ${blocker.uid}, mode ${blocker.mode}` }] : [])],
      fixes: [{ id: 'modcache-chmod-readable', kind: 'terminal', title: `Let every user read the module cache ${v.GOMODCACHE}`, text: `sudo chmod -R a+rX ${quoteForDisplay(v.GOMODCACHE ?? '')}`, needsRoot: true, detail: 'An image that fills the cache should do it under umask 022 (or run this after go mod download).' }],
    });
  }
  if (!s.notCached.length) return out;
  const entries = parseGoproxy(v.GOPROXY ?? '');
  const cacheEv: Evidence = { source: `module cache ${v.GOMODCACHE}`, excerpt: s.notCached.slice(0, 8).map((m) => cacheEntryWords(m.cached ?? 'absent', m)).join('\n') };
  // A cache that cannot be written is fine while it holds everything (the file-access finding is a
  // warning); a requirement it lacks can never be downloaded into it.
  if (unwritable) {
    out.push({
      // The directory is the cause (the fix moves or fills it); the module's failure follows.
      classId: 'fs-access',
      severity: 'error',
      confidence: 0.9,
      explains: ['module-resolution'],
      message: `${list(s.notCached)}, required by ${path.join(s.dir, 'go.mod')}, ${s.notCached.length === 1 ? 'is' : 'are'} not in the module cache ${v.GOMODCACHE}${cachedPart(s.notCached)}, which cannot be written (${unwritable}): go cannot download ${s.notCached.length === 1 ? 'it' : 'them'}, so ${importersFail(s.notCached.length)} with "${v.GOMODCACHE}/cache/download/…: ${unwritable === 'EROFS' ? 'read-only file system' : 'permission denied'}" (go's verb, mkdir or open, depends on which folders are already there).`,
      evidence: [cacheEv, { source: `access(2) W_OK on ${v.GOMODCACHE}`, excerpt: unwritable }, goEnvEv(['GOMODCACHE'])],
      fixes: [MODULE_CACHE_DOCS],
    });
    return out;
  }
  // An entry go rejects fails every download with go's own words, whatever else the list holds;
  // off forbids them. Either way nothing the cache lacks can come in.
  const rejected = goproxyError(entries);
  if (rejected || entries[0]?.kind === 'off') {
    const lacks = `${list(s.notCached)}, required by ${path.join(s.dir, 'go.mod')}, ${s.notCached.length === 1 ? 'is' : 'are'} not in the module cache${cachedPart(s.notCached)}`;
    out.push({
      classId: 'module-resolution',
      explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
      headline: 'module-downloads',
      severity: 'error',
      confidence: 0.9,
      message: rejected
        ? `${lacks}, and go rejects GOPROXY=${v.GOPROXY}: every download fails with "${rejected}". Write each entry with https:// or http:// (or file://), or direct or off.`
        : `${lacks} and GOPROXY=off forbids downloading: ${importersFail(s.notCached.length)} with "module lookup disabled by GOPROXY=off".`,
      evidence: [cacheEv, goEnvEv(['GOPROXY'])],
      // With go.sum complete only the cache lacks them: go mod download, which edits no file (a
      // tester's go mod tidy dropped a requirement kept on purpose). Missing sums get the go.sum finding's tidy.
      fixes: rejected ? [GOPROXY_DOCS] : [s.missingSum.length ? tidyOnceFix(s.dir) : downloadOnceFix(s.dir)],
    });
    return out;
  }
  // Which modules go would send to a proxy, and which it fetches directly (GONOPROXY/GOPRIVATE).
  // GOPROXY=direct (or off-proxy first) sends every module to its repository, GONOPROXY/GOPRIVATE some.
  const viaProxy = s.notCached.filter((m) => !matchPrefixPatterns(v.GONOPROXY ?? '', m.path));
  const direct = s.notCached.filter((m) => matchPrefixPatterns(v.GONOPROXY ?? '', m.path));
  const fetchedWithVcs = entries[0]?.kind === 'direct' ? s.notCached : direct;
  if (fetchedWithVcs.length) out.push(...(await gitFindings(ctx, s, fetchedWithVcs, cacheEv)));
  const listed = entries.find((e) => e.kind === 'url');
  // Entries on this machine that refuse, each followed by "|", are passed over as go passes them.
  const over = listed?.kind === 'url' && viaProxy.length ? await passRefusingEntries(entries, entries.indexOf(listed), ctx.env) : undefined;
  const passedWords = over?.passed.length ? ` go first tries ${over.passed.map((x) => `${x.url} (on this machine, ${x.target} refuses connections: ${x.code})`).join(', then ')}, and goes on to the next entry, since "|" follows ${over.passed.length === 1 ? 'it' : 'each'} in GOPROXY: a refused connection does not stop it there.` : '';
  if (over && over.entry.kind !== 'url') {
    // Past the refusing entries: direct fetches from the repositories (git), off forbids.
    const off = over.entry.kind === 'off';
    out.push({
      classId: 'module-resolution',
      ...(off ? { explains: ['module-resolution' as const], headline: 'module-downloads' } : { headline: 'modules-not-downloaded' }),
      severity: off ? 'error' : 'info',
      confidence: off ? 0.85 : 0.4,
      message: `${list(viaProxy)}, required by ${path.join(s.dir, 'go.mod')}, ${viaProxy.length === 1 ? 'is' : 'are'} not in the module cache${cachedPart(viaProxy)}.${passedWords} ${off ? `What follows is off, which forbids the rest: ${importersFail(viaProxy.length)} with ${goReportsRefusal(over.passed)}.` : `What follows is direct: go fetches ${viaProxy.length === 1 ? 'it' : 'them'} from ${viaProxy.length === 1 ? 'its repository' : 'their repositories'} with git when first needed.`}`,
      evidence: [cacheEv, goEnvEv(['GOPROXY']), ...over.passed.map((x) => ({ source: `TCP connect ${x.target}`, excerpt: x.code }))],
      fixes: [off ? downloadOnceFix(s.dir) : goModDownloadFix(s.dir), GOPROXY_DOCS],
    });
  }
  const firstUrl = over ? (over.entry.kind === 'url' ? over.entry : undefined) : listed;
  if (viaProxy.length && firstUrl?.kind === 'url') {
    const refused = over?.refused;
    const cut = refused ? undefined : networkCut(firstUrl.url, ctx.env, reach);
    if (cut && reach) {
      // The kernel has no way out (or none to the resolver): what blocks every download, named
      // offline. go's own words then are "dial udp <resolver>:53: connect: network is unreachable".
      const firstNs = reach.resolvers.find((r) => r.reachable === false)?.address;
      out.push({
        classId: 'module-resolution',
        explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
        headline: 'module-downloads',
        severity: 'error',
        confidence: reach.noNetwork ? 0.9 : 0.8,
        message: `${list(viaProxy)}, required by ${path.join(s.dir, 'go.mod')}, ${viaProxy.length === 1 ? 'is' : 'are'} not in the module cache, and ${noRouteWords(reach)}: go cannot download ${viaProxy.length === 1 ? 'it' : 'them'} from ${cut}, so ${importersFail(viaProxy.length)}${firstNs ? ` with "dial tcp: lookup ${cut} on ${firstNs.includes(':') ? `[${firstNs}]` : firstNs}:53: … connect: network is unreachable"` : reach.resolvers.length ? `: the lookup of ${cut} fails (the resolver ${reach.resolvers[0]!.address} on this machine has nowhere to forward it) or the connect finds no route ("network is unreachable")` : ' ("network is unreachable")'}.`,
        evidence: [cacheEv, goEnvEv(['GOPROXY']), ...reach.evidence],
        fixes: [goModDownloadFix(s.dir), NETWORK_CHECK_FIX],
      });
    } else if (refused) {
      // The variable is the cure, where it is set: go mod download fails as typed (a tester's).
      const origin = refused.variable ? await httpProxyOrigin(ctx, refused.variable, new URL(firstUrl.url).hostname, s.dir) : await goproxyOrigin(ctx, v, s.dir);
      const named = refused.variable ? `${refused.variable}=${ctx.env[refused.variable]}` : `GOPROXY=${v.GOPROXY}`;
      out.push({
        classId: 'module-resolution',
        explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
        headline: 'module-downloads',
        severity: 'error',
        confidence: 0.85,
        message: `${list(viaProxy)}, required by ${path.join(s.dir, 'go.mod')}, ${viaProxy.length === 1 ? 'is' : 'are'} not in the module cache${cachedPart(viaProxy)}, and the ${refused.what} on this machine (${refused.target}) does not accept connections (${refused.code}): go build and gopls fail with "${refused.variable ? 'proxyconnect tcp: ' : ''}dial tcp ${refused.target}: connect: connection refused". ${named} comes from ${origin.where}: start the proxy it names, correct it, or ${refused.variable ? `clear it (or bypass it for ${new URL(firstUrl.url).hostname} with NO_PROXY) where it is set` : 'set another GOPROXY where it is set'}.`,
        evidence: [cacheEv, goEnvEv(['GOPROXY']), ...origin.evidence, { source: `TCP connect ${refused.target}`, excerpt: refused.code }],
        fixes: [...origin.fixes, refused.variable ? GO_PROXY_ENV_DOCS : GOPROXY_DOCS],
      });
    } else {
      out.push({
        classId: 'module-resolution',
        // Nothing fails: the class's story of views and go.mod was the title of a healthy module (a tester's).
        headline: 'modules-not-downloaded',
        severity: 'info',
        confidence: 0.4,
        message: `${list(viaProxy)}, required by ${path.join(s.dir, 'go.mod')}, ${viaProxy.length === 1 ? 'is' : 'are'} not in the module cache${cachedPart(viaProxy)} yet: go and gopls must download ${viaProxy.length === 1 ? 'it' : 'them'} from ${firstUrl.url}${viaWords(firstUrl.url, ctx.env)} when first needed.${passedWords} ${ctx.settings.online ? 'The online check (goproxy-online) asks that proxy in this run.' : 'The doctor asks no proxy itself; the online check (--online, or "Check the module proxy" in the panel) asks that one now.'}`,
        evidence: [cacheEv, goEnvEv(['GOPROXY'])],
        fixes: [goModDownloadFix(s.dir)],
      });
    }
    const privateLooking = viaProxy.filter((m) => looksPrivate(m.path));
    if (privateLooking.length && /(^|\/\/)proxy\.golang\.org\b/.test(firstUrl.url)) {
      const hosts = [...new Set(privateLooking.map((m) => m.path.split('/')[0]!))];
      out.push({
        classId: 'module-resolution',
        explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
        headline: 'module-downloads',
        severity: 'warning',
        confidence: 0.6,
        message: `${list(privateLooking)} look${privateLooking.length === 1 ? 's' : ''} like a private module, but no GOPRIVATE or GONOPROXY pattern covers ${privateLooking.length === 1 ? 'it' : 'them'}: go asks ${firstUrl.url} (which answers 404 or 410 Gone for code it cannot see) and verifies with ${v.GOSUMDB || 'sum.golang.org'} ("verifying module: … 410 Gone"), leaking the path.`,
        evidence: [cacheEv, goEnvEv(['GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB'])],
        fixes: [goprivateFix(hosts, v.GOPRIVATE ?? ''), GOPROXY_DOCS],
      });
    }
  }
  // Over ssh (git's insteadOf), .netrc plays no part: what ssh needs is checked instead. Nor with a
  // git credential helper for the host, or credentials in the URL an insteadOf rewrites to.
  const ssh = fetchedWithVcs.length ? await sshFetchFindings(ctx, fetchedWithVcs, path.join(s.dir, 'go.mod'), cacheEv) : undefined;
  out.push(...(ssh?.findings ?? []));
  const overHttps = direct.filter((m) => !ssh?.notNetrc.has(m.path));
  if (overHttps.length) out.push(...(await credentialFindings(ctx, goEnv, s, overHttps, cacheEv)));
  return out;
}

/**
 * A module fetched from its repository needs the version-control command: go runs git (for every
 * host but a few hg/svn/fossil/bzr ones, whose paths say so). A minimal image (golang:alpine) has
 * none: "unable to resolve git version: … exec: "git": executable file not found in $PATH".
 */
async function gitFindings(ctx: ProbeContext, s: ModuleState, direct: ModuleVersion[], cacheEv: Evidence): Promise<FindingInput[]> {
  if (await lookPath('git', ctx.env)) return [];
  const login = await ctx.facts.loginShellEnv();
  const list = firstAndMore(direct.map(key));
  const osRelease = await ctx.host.readText('/etc/os-release');
  const { inLogin, where, fixes, evidence } = await programInLogin({
    program: 'git',
    loginEnv: login.ok ? login.env : undefined,
    loginSource: login.ok ? login.commandLine : 'login shell',
    editorEnv: ctx.env,
    installFix: gitInstallFix(osRelease),
    notInstalled: " It is not on your login shell's PATH either: git is not installed.",
  });
  return [
    {
      classId: 'env-inheritance',
      severity: 'error',
      confidence: inLogin ? 0.9 : 0.85,
      explains: ['module-resolution'],
      message:
        `${list}, required by ${path.join(s.dir, 'go.mod')}, ${direct.length === 1 ? 'is' : 'are'} not in the module cache and go fetches ${direct.length === 1 ? 'it' : 'them'} from the repository (GOPROXY=direct, GOPRIVATE or GONOPROXY) with git, which is not on the editor's PATH: go build and gopls fail with 'unable to resolve git version: … exec: "git": executable file not found in $PATH'.` +
        where,
      evidence: [cacheEv, { source: 'PATH lookup (editor environment)', excerpt: `git: not found in ${ctx.env.PATH ?? '<unset>'}` }, ...evidence],
      fixes,
    },
  ];
}

/** Modules go fetches straight from their host (GOPRIVATE/GONOPROXY): do credentials exist for it? */
async function credentialFindings(ctx: ProbeContext, goEnv: Extract<GoEnvFact, { ok: true }>, s: ModuleState, direct: ModuleVersion[], cacheEv: Evidence): Promise<FindingInput[]> {
  const v = goEnv.values;
  const goauth = (v.GOAUTH ?? '').trim();
  // GOAUTH other than the default ("netrc") names a command or git: the doctor cannot judge it.
  if (goauth && goauth !== 'netrc' && goauth !== 'off') return [];
  const np = netrcPath(ctx.env);
  const text = np ? await readUserText(np, CAP.smallConfig) : undefined;
  const machines = new Set(parseNetrc(text ?? '').map((e) => e.machine));
  const hosts = [...new Set(direct.map((m) => m.path.split('/')[0]!))].filter((h) => !machines.has(h) && !machines.has('*'));
  if (!hosts.length) return [];
  return [
    {
      classId: 'module-resolution',
      explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
      headline: 'module-downloads',
      severity: 'info',
      confidence: 0.35,
      message: `go fetches ${direct.slice(0, 3).map(key).join(', ')} directly from ${hosts.join(', ')} (GONOPROXY/GOPRIVATE), and it is not in the module cache. ${text === undefined ? `There is no ${np ?? '.netrc'}` : `${np} has no machine entry for ${hosts.join(', ')}`}${goauth === 'off' ? ' and GOAUTH=off' : ''}: unless git has a credential helper for ${hosts.length === 1 ? 'that host' : 'those hosts'}, a private repository answers 401, 403 or 404 and go reports "terminal prompts disabled" or "could not read Username".`,
      evidence: [cacheEv, { source: np ?? '.netrc', excerpt: text === undefined ? 'absent' : `machines: ${[...machines].join(', ') || 'none'}` }, { source: goEnv.commandLine, excerpt: `"GONOPROXY": ${JSON.stringify(v.GONOPROXY ?? '')}\n"GOAUTH": ${JSON.stringify(goauth)}` }],
      fixes: [GOPROXY_DOCS, goModDownloadFix(s.dir)],
    },
  ];
}

/** Shows the state the network finding read, in the user's terminal. */
const NETWORK_CHECK_FIX: Fix = {
  id: 'network-routes-check',
  kind: 'terminal',
  check: true,
  title: 'See the routes and resolvers this machine (or container) has',
  text: 'cat /proc/net/route /proc/net/ipv6_route /etc/resolv.conf',
  needsRoot: false,
  detail: 'A container run with --network none, or a sandbox in its own network namespace, has no route out: give it a network, or fill the module cache where there is one (go mod download) and copy it in.',
};

/**
 * Pure: the host go must reach first for a GOPROXY URL (the HTTP proxy when one applies), when the
 * kernel's view says it cannot: no route anywhere, or the name must be looked up and no resolver
 * can be reached. Undefined where it may be reachable, or for a host on this machine.
 */
export function networkCut(goproxyUrl: string, env: NodeJS.ProcessEnv, reach: NetworkReach | undefined): string | undefined {
  if (!reach || (!reach.noNetwork && !reach.resolverUnreachable)) return undefined;
  const first = firstHop(goproxyUrl, env);
  if (!first) return undefined;
  const { host } = first;
  if (isLoopback(host)) return undefined;
  const literal = net.isIP(host) !== 0;
  if (literal && !reach.noNetwork) return undefined;
  return host;
}

/**
 * go tries GOPROXY's entries in order, moving past one followed by "|" on any error, a refused
 * connection too (past one followed by "," only on 404 and 410: a refusal stops it there). From
 * entries[from], the entries on this machine that refuse and are followed by "|" are passed over;
 * `entry` is the one go then uses, with its own refusal. A tester's
 * GOPROXY=http://127.0.0.1:9|https://proxy.golang.org built, and the report said it could not.
 */
export async function passRefusingEntries(entries: readonly ProxyEntry[], from: number, env: NodeJS.ProcessEnv, refusal = loopbackRefusal): Promise<{ entry: ProxyEntry; refused?: Awaited<ReturnType<typeof loopbackRefusal>>; passed: Array<{ url: string; target: string; code: string }> }> {
  const passed: Array<{ url: string; target: string; code: string }> = [];
  for (let i = from; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.kind !== 'url') return { entry: e, passed };
    const refused = await refusal(e.url, env);
    if (!refused || e.fallThrough !== 'anyError' || i + 1 >= entries.length) return { entry: e, refused, passed };
    passed.push({ url: e.url, target: refused.target, code: refused.code });
  }
  return { entry: entries[entries.length - 1]!, passed };
}

/**
 * Pure: the refusal go's error quotes when every entry refused and off ends the list: go keeps the
 * last proxy error that is not a "not found" (modfetch.TryProxies; off ranks as not found), so the
 * last entry passed over, not the first (measured with go 1.26: GOPROXY=http://127.0.0.1:9|
 * http://127.0.0.1:10|off said "dial tcp 127.0.0.1:10: connect: connection refused").
 */
export function goReportsRefusal(passed: ReadonlyArray<{ target: string; code: string }>): string {
  const last = passed[passed.length - 1];
  if (!last) return 'the refusal it met';
  return last.code === 'ECONNREFUSED' ? `the last refusal it met ("dial tcp ${last.target}: connect: connection refused")` : `the last refusal it met (${last.target}: ${last.code})`;
}

/**
 * Pure: " through the HTTP proxy …" where one stands in front of the GOPROXY URL: a tester's
 * https_proxy answering 407 to every CONNECT was left out of the offline note, which named only
 * proxy.golang.org, while go's error was "Proxy Authentication Required".
 */
export function viaWords(goproxyUrl: string, env: NodeJS.ProcessEnv): string {
  const via = firstHop(goproxyUrl, env)?.via;
  return via?.proxy ? `, through the HTTP proxy ${via.proxy} (${via.variable})` : '';
}

/** The first proxy hop toward a GOPROXY URL when it is on this machine, and whether it refuses. */
export async function loopbackRefusal(goproxyUrl: string, env: NodeJS.ProcessEnv): Promise<{ what: string; target: string; code: string; variable?: string } | undefined> {
  const first = firstHop(goproxyUrl, env);
  if (!first) return undefined;
  const { hop, host, via } = first;
  if (!isLoopback(host)) return undefined;
  const port = Number(hop.port || (hop.protocol === 'https:' ? 443 : 80));
  const r = await connectLoopback(host === 'localhost' ? '127.0.0.1' : host, port);
  if (r.ok) return undefined;
  return { what: via.proxy ? `HTTP proxy ${via.variable} names` : 'module proxy GOPROXY names', target: `${host}:${port}`, code: r.code, variable: via.variable };
}

/** HTTPS_PROXY, NO_PROXY, SSL_CERT_*, GOPRIVATE … in one environment and not the other. */
async function networkEnvFindings(ctx: ProbeContext, observed: Record<string, unknown>): Promise<FindingInput[]> {
  const login = await ctx.facts.loginShellEnv();
  if (!login.ok) return [];
  const out: FindingInput[] = [];
  const diffs: string[] = [];
  for (const name of NETWORK_VARS) {
    const editor = ctx.env[name] ?? '';
    const shell = login.env[name] ?? '';
    if (editor === shell) continue;
    diffs.push(name);
    // A value with credentials in it is masked in every report, so a button would write the mask:
    // those are left for the user to copy from their profile.
    const secret = /\/\/[^/@\s]*@/.test(shell);
    const fixes: Fix[] = shell ? (secret ? [] : [networkVarFromLoginFix(name, shell)]) : [networkVarClearFix(name)];
    const proxyVar = /proxy/i.test(name);
    out.push({
      classId: 'env-inheritance',
      severity: 'warning',
      confidence: proxyVar || name.startsWith('SSL_CERT') ? 0.6 : 0.5,
      message: `${name} differs between the editor (${editor ? JSON.stringify(editor) : 'unset'}) and your login shell (${shell ? JSON.stringify(shell) : 'unset'}): ${
        proxyVar
          ? 'go and gopls in the editor reach the module proxy another way than go in a terminal, so downloads that work there can time out, be refused or answer 407 here.'
          : name.startsWith('SSL_CERT')
            ? 'go in the editor trusts other certificates than go in a terminal, so downloads can fail with "x509: certificate signed by unknown authority".'
            : 'go in the editor decides differently which modules are private (no proxy, no checksum database) than go in a terminal.'
      }${secret ? ' The value holds credentials: copy it from your shell profile into go.toolsEnvVars yourself.' : ''}`,
      evidence: [
        { source: 'environment (editor)', excerpt: editor ? `${name}=${editor}` : `${name} is unset` },
        { source: login.commandLine, excerpt: shell ? `${name}=${shell}` : `${name} is unset` },
      ],
      fixes,
      explains: ['module-resolution'],
    });
  }
  observed.networkVarsDiffering = diffs;
  return out;
}
