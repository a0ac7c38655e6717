// The directories the Go tools write to, execute from or read, named the way `go env` names them.
// The mounts and file-access probes both look at these; the values come from `go env -json`
// when go runs, else from the environment with the go command's own defaults.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { ProbeContext } from './probe.js';
import { goEnvFileOf, parseGoEnvFile } from './goEnvFile.js';
import { CAP, readUserText } from '../host/readUserFile.js';

export type GoPathRole = 'GOTMPDIR' | 'GOCACHE' | 'GOMODCACHE' | 'GOPATH' | 'GOPATH/bin' | 'GOBIN' | 'gopls binary dir' | 'gopls cache';

export interface GoPathEntry {
  role: GoPathRole;
  /** Absolute, as configured (not resolved). */
  path: string;
  /** Where the value came from, for evidence: "go env GOCACHE", "$TMPDIR", "default: $HOME/go". */
  origin: string;
  /** Set in the environment the editor was started with: go env -w cannot override it there. */
  fromEnvironment?: true;
  /**
   * GOCACHE or gopls's cache at its default under this XDG_CACHE_HOME, its own variable unset:
   * XDG_CACHE_HOME is what put it there (xdgCacheHome.ts).
   */
  xdgCacheHome?: string;
}

export interface GoPaths {
  entries: GoPathEntry[];
  /** The directory `go build`/`go test` create their work dirs in (GOTMPDIR, else os.TempDir()). */
  tmpDir: GoPathEntry;
  /** "go env -json" when it answered, else why the environment was used. */
  source: string;
  /** Values that were set but are not absolute paths (the go command rejects them). */
  ignored: Array<{ name: string; value: string }>;
}

/** os.UserCacheDir() on Linux: $XDG_CACHE_HOME if absolute, else $HOME/.cache. */
export function userCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return xdg;
  return env.HOME ? path.join(env.HOME, '.cache') : undefined;
}

/**
 * Pure: the variable that set an entry's path, as the user set it: the temp dir is TMPDIR's when
 * GOTMPDIR is unset, and no variable's at its default /tmp (a tester's noexec TMPDIR was called
 * "GOTMPDIR", and `go env GOTMPDIR` printed nothing). Other roles are their variable.
 */
export function variableOf(entry: Pick<GoPathEntry, 'role' | 'origin'>): string | undefined {
  if (entry.role !== 'GOTMPDIR') return entry.role;
  if (entry.origin.startsWith('$TMPDIR')) return 'TMPDIR';
  if (entry.origin.startsWith('default temp dir')) return undefined;
  return 'GOTMPDIR';
}

/** Pure: the entry named in a sentence: its variable, or "the temporary directory" at /tmp by default. */
export function nameOf(entry: Pick<GoPathEntry, 'role' | 'origin'>): string {
  return variableOf(entry) ?? 'the temporary directory';
}

/**
 * Pure: the Go paths from `go env` values (undefined when go did not run), the environment and
 * the gopls binary the editor would run.
 */
export function goPathsFrom(goEnv: Record<string, string> | undefined, env: NodeJS.ProcessEnv, goplsBinary?: string, goEnvFile?: { path: string; values: ReadonlyMap<string, string> }): GoPaths {
  const entries: GoPathEntry[] = [];
  const ignored: GoPaths['ignored'] = [];
  const fromGo = goEnv !== undefined;
  // Without go env (it fails when the build cache cannot be set up, the very fault to diagnose), the
  // go env file still holds what go env -w wrote, under the environment's values: a tester's
  // read-only GOCACHE from the go env file was looked for at its default, and got no fix.
  const fromFile = (name: string) => (!fromGo && !env[name] ? goEnvFile?.values.get(name) || undefined : undefined);
  const src = (name: string) => (fromGo ? `go env ${name}` : fromFile(name) ? `${name} in the go env file ${goEnvFile!.path}` : `$${name}`);
  const value = (name: string): string | undefined => {
    const v = fromGo ? goEnv![name] : env[name] || fromFile(name);
    return v ? v : undefined;
  };
  const add = (role: GoPathRole, p: string | undefined, origin: string, name: string = role, xdgCacheHome?: string) => {
    if (!p) return undefined;
    if (!path.isAbsolute(p)) {
      ignored.push({ name, value: p });
      return undefined;
    }
    const e: GoPathEntry = { role, path: path.normalize(p), origin, ...(env[name] ? { fromEnvironment: true as const } : {}), ...(xdgCacheHome ? { xdgCacheHome } : {}) };
    if (!entries.some((x) => x.role === e.role && x.path === e.path)) entries.push(e);
    return e;
  };

  // GOTMPDIR, else os.TempDir(): $TMPDIR, else /tmp.
  const gotmp = value('GOTMPDIR');
  let tmpDir: GoPathEntry | undefined;
  if (gotmp) tmpDir = add('GOTMPDIR', gotmp, src('GOTMPDIR'));
  if (!tmpDir && env.TMPDIR && path.isAbsolute(env.TMPDIR)) tmpDir = add('GOTMPDIR', env.TMPDIR, '$TMPDIR (GOTMPDIR is unset)');
  if (!tmpDir) tmpDir = add('GOTMPDIR', '/tmp', 'default temp dir /tmp (GOTMPDIR and TMPDIR are unset)')!;

  const cacheHome = userCacheDir(env);
  // os.UserCacheDir's XDG_CACHE_HOME, when it is the one in use.
  const xdg = cacheHome !== undefined && cacheHome === env.XDG_CACHE_HOME ? cacheHome : undefined;
  const gocache = value('GOCACHE');
  // go env's GOCACHE is its default under XDG_CACHE_HOME when nothing in the environment set it
  // (a go env -w value of the same path is the default written out: the same directory).
  const gocacheViaXdg = xdg && !env.GOCACHE && (gocache === undefined || path.normalize(gocache) === path.join(xdg, 'go-build')) ? xdg : undefined;
  if (gocache !== 'off') add('GOCACHE', gocache ?? (cacheHome && path.join(cacheHome, 'go-build')), gocache ? src('GOCACHE') : gocacheViaXdg ? 'default: $XDG_CACHE_HOME + /go-build' : 'default: $XDG_CACHE_HOME or $HOME/.cache, + /go-build', 'GOCACHE', gocacheViaXdg);

  const gopathRaw = value('GOPATH');
  const gopath = (gopathRaw ?? (env.HOME ? path.join(env.HOME, 'go') : '')).split(path.delimiter).filter(Boolean);
  const gomod = value('GOMODCACHE');
  add('GOMODCACHE', gomod ?? (gopath[0] && path.join(gopath[0], 'pkg', 'mod')), gomod ? src('GOMODCACHE') : 'default: first GOPATH entry + /pkg/mod');
  for (const g of gopath) {
    add('GOPATH', g, gopathRaw ? src('GOPATH') : 'default: $HOME/go');
    add('GOPATH/bin', path.isAbsolute(g) ? path.join(g, 'bin') : g, gopathRaw ? `${src('GOPATH')} + /bin` : 'default: $HOME/go/bin', 'GOPATH');
  }
  add('GOBIN', value('GOBIN'), src('GOBIN'));
  if (goplsBinary) add('gopls binary dir', path.dirname(goplsBinary), `directory of ${goplsBinary}`);
  // gopls's filecache: $GOPLSCACHE, else os.UserCacheDir(), + /gopls (golang.org/x/tools/gopls/internal/filecache).
  const goplsCache = env.GOPLSCACHE ? path.join(env.GOPLSCACHE, 'gopls') : cacheHome && path.join(cacheHome, 'gopls');
  add('gopls cache', goplsCache, env.GOPLSCACHE ? '$GOPLSCACHE + /gopls' : xdg ? '$XDG_CACHE_HOME + /gopls' : '$XDG_CACHE_HOME or $HOME/.cache, + /gopls', 'gopls cache', env.GOPLSCACHE ? undefined : xdg);

  return { entries, tmpDir, source: fromGo ? 'go env -json' : 'environment (go env did not run)', ignored };
}

export async function goPathsFor(ctx: Pick<ProbeContext, 'env' | 'facts'>): Promise<GoPaths & { goVersion?: string; goEnvReason?: string }> {
  const goEnv = await ctx.facts.goEnv();
  const gopls = await ctx.facts.goplsLocation().catch(() => undefined);
  const file = goEnv.ok ? undefined : goEnvFileOf(ctx.env);
  const text = file ? await readUserText(file, CAP.smallConfig) : undefined;
  const paths = goPathsFrom(goEnv.ok ? goEnv.values : undefined, ctx.env, gopls?.found?.exists ? gopls.found.path : undefined, file && text !== undefined ? { path: file, values: parseGoEnvFile(text) } : undefined);
  return { ...paths, goVersion: goEnv.ok ? goEnv.values.GOVERSION : undefined, goEnvReason: goEnv.ok ? undefined : goEnv.reason };
}

export interface Resolved {
  /** The real path, resolved through the deepest ancestor that exists. */
  real: string;
  exists: boolean;
  /** The deepest existing ancestor (itself when it exists), resolved. */
  existing: string;
}

/** realpath that works for paths that do not exist yet: resolves the nearest existing ancestor. */
export async function resolveExisting(p: string): Promise<Resolved> {
  let cur = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      const real = await fs.realpath(cur);
      return { real: rest.length ? path.join(real, ...rest.reverse()) : real, exists: rest.length === 0, existing: real };
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return { real: path.resolve(p), exists: false, existing: '/' };
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}
