// A dependency's cgo with cgo off. Since Go 1.20 go turns cgo off by itself when its C compiler is
// not on PATH (a golang:alpine or distroless-built image, a desktop without build-essential), and
// CI images set CGO_ENABLED=0 for static binaries. The workspace's own files are walked (cgo.ts);
// most cgo a Go developer depends on is in a module they require, and what happens to it then is
// the package's choice:
// - some packages ship files that build only without cgo (`//go:build !cgo`) and stand in for the
//   cgo ones: they build, and the stand-in may refuse at run time (go-sqlite3's static_mock.go:
//   "Binary was compiled with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work. This is a stub");
// - others have none: their cgo files are dropped, and go build and gopls stop there with
//   "undefined: …" (gopacket's pcap), or, when every file was a cgo file, "build constraints
//   exclude all Go files".
// go itself tells them apart without compiling anything: the package's GoFiles listed with cgo on
// and with cgo off. A file listed only with cgo off is a stand-in; none means there is no stand-in.
import path from 'node:path';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { readUserFile } from '../host/readUserFile.js';
import { listDeps } from './cgoDependencies.js';
import { firstAndMore } from '../doctor/listing.js';

/**
 * One line per non-standard package: import path, module ("main" for the workspace's own), dir,
 * GoFiles, CgoFiles (space-separated) and go list's error for it, quoted (it may span lines).
 */
export const CGO_SPLIT_TEMPLATE =
  '{{if not .Standard}}{{.ImportPath}}\t{{with .Module}}{{if .Main}}main{{else}}{{.Path}}@{{.Version}}{{end}}{{end}}\t{{.Dir}}\t{{join .GoFiles " "}}\t{{join .CgoFiles " "}}\t{{with .Error}}{{printf "%q" .Err}}{{end}}\n{{end}}';

export interface ListedPackage {
  importPath: string;
  /** "path@version" of the module it is in; "main" for a workspace module; "" outside modules. */
  module: string;
  dir: string;
  goFiles: string[];
  cgoFiles: string[];
  error?: string;
}

/** Go's %q is JSON's string syntax but for \x, \a, \v and \U escapes: those are rare in an error. */
function unquote(q: string): string {
  try {
    return JSON.parse(q.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as string;
  } catch {
    return q.replace(/^"|"$/g, '');
  }
}

/** Pure: `go list -deps -e -f CGO_SPLIT_TEMPLATE` output → its packages. */
export function parseListedPackages(stdout: string): ListedPackage[] {
  const out: ListedPackage[] = [];
  for (const line of stdout.split('\n')) {
    const f = line.split('\t');
    if (f.length < 6 || !f[0]) continue;
    const words = (s: string | undefined) => (s ?? '').split(' ').filter(Boolean);
    const error = f.slice(5).join('\t');
    out.push({ importPath: f[0], module: f[1]!, dir: f[2]!, goFiles: words(f[3]), cgoFiles: words(f[4]), ...(error ? { error: unquote(error) } : {}) });
  }
  return out;
}

export interface CgoOffPackage {
  importPath: string;
  module: string;
  dir: string;
  /** The cgo files go drops with cgo off. */
  dropped: string[];
  /** Files built only with cgo off: the package's stand-ins for the dropped ones. */
  standIns: string[];
  /** What is left without cgo: nothing means "build constraints exclude all Go files". */
  remaining: number;
  /** go list's own error for the package with cgo off, when it gave one. */
  error?: string;
}

/**
 * Pure: the packages of the build as it is (cgo off) that have cgo files when cgo is on, each with
 * what it loses and what stands in. Packages outside the build with cgo off are left out (only a
 * cgo file imports them); so are the workspace's own (`main`), which cgo.ts walks itself.
 */
export function cgoOffPackages(withCgo: readonly ListedPackage[], withoutCgo: readonly ListedPackage[]): CgoOffPackage[] {
  const on = new Map(withCgo.map((p) => [p.importPath, p]));
  const out: CgoOffPackage[] = [];
  for (const off of withoutCgo) {
    const p = on.get(off.importPath);
    if (!p || !p.cgoFiles.length || off.module === 'main' || p.module === 'main') continue;
    const built = new Set(p.goFiles);
    out.push({
      importPath: off.importPath,
      module: off.module || p.module,
      dir: off.dir || p.dir,
      dropped: p.cgoFiles,
      standIns: off.goFiles.filter((f) => !built.has(f)),
      remaining: off.goFiles.length,
      ...(off.error ? { error: off.error } : {}),
    });
  }
  return out;
}

/** Pure: a Go string literal in a stand-in's source that speaks of cgo, the words it fails with at run time. */
export function cgoRefusalIn(src: string): string | undefined {
  for (const m of src.matchAll(/"((?:[^"\\\n]|\\.){12,300})"|`([^`]{12,300})`/g)) {
    const s = (m[1] ?? m[2])!;
    if (/\bcgo\b|CGO_ENABLED/i.test(s) && /\s/.test(s)) return s.replace(/\\(["\\])/g, '$1');
  }
  return undefined;
}

export interface CgoOffList {
  packages: CgoOffPackage[];
  /** Per workspace folder, why go list said nothing usable. */
  skipped: string[];
}

/** Both listings for each workspace folder (cgo on, then as configured), compared. Nothing is compiled or fetched. */
export async function cgoOffDependencies(ctx: ProbeContext, goBinary: string, roots: readonly string[], timeoutMs: number): Promise<CgoOffList> {
  const res: CgoOffList = { packages: [], skipped: [] };
  const seen = new Set<string>();
  for (const root of roots.slice(0, 3)) {
    if (ctx.signal.aborted) break;
    // cgo on only for listing: go list without -compiled runs no compiler, so a missing one is no matter.
    const opts = { timeoutMs, maxBuffer: 8 * 1024 * 1024 };
    const [on, off] = await Promise.all([listDeps(ctx, goBinary, root, CGO_SPLIT_TEMPLATE, { ...opts, env: { CGO_ENABLED: '1' } }), listDeps(ctx, goBinary, root, CGO_SPLIT_TEMPLATE, opts)]);
    if ('skipped' in on) {
      res.skipped.push(on.skipped);
      continue;
    }
    if ('skipped' in off) {
      res.skipped.push(off.skipped);
      continue;
    }
    for (const p of cgoOffPackages(parseListedPackages(on.stdout), parseListedPackages(off.stdout))) {
      if (seen.has(p.importPath)) continue;
      seen.add(p.importPath);
      res.packages.push(p);
    }
  }
  return res;
}

/** The first stand-in's words about cgo, read from its head (a stub's error message sits near the top). */
export async function standInRefusal(p: CgoOffPackage): Promise<{ file: string; words: string } | undefined> {
  for (const name of p.standIns.slice(0, 4)) {
    const file = path.join(p.dir, name);
    const head = await readUserFile(file, 32 * 1024);
    const words = head.ok ? cgoRefusalIn(head.text) : undefined;
    if (words) return { file, words };
  }
  return undefined;
}

/** Pure: a package as a message names it, with the module it comes from. */
function packageName(p: CgoOffPackage): string {
  return p.module && p.module !== 'main' ? `${p.importPath} (in ${p.module})` : p.importPath;
}

export interface CgoOffContext {
  /** Why cgo is off, as cgo.ts words it. */
  why: string;
  /** Where the compiler is (the login shell's words), or "". */
  where: string;
  evidence: Evidence[];
  fixes: Fix[];
}

/**
 * The findings for the dependencies cgo being off breaks: an error for packages with nothing in
 * place of their cgo files (the build stops there), a warning for stand-ins whose own words say they
 * refuse without cgo. Stand-ins that say nothing are not reported: pure-Go fallbacks that work.
 */
export async function cgoOffFindings(packages: readonly CgoOffPackage[], c: CgoOffContext): Promise<FindingInput[]> {
  const broken = packages.filter((p) => !p.standIns.length);
  const refusing: { p: CgoOffPackage; file: string; words: string }[] = [];
  for (const p of packages.filter((q) => q.standIns.length).slice(0, 6)) {
    const r = await standInRefusal(p);
    if (r) refusing.push({ p, ...r });
  }
  const out: FindingInput[] = [];
  const listing = (ps: readonly CgoOffPackage[]): Evidence => ({
    source: 'go list -deps -e, with CGO_ENABLED=1 and as configured',
    excerpt: ps
      .slice(0, 6)
      .map((p) => `${p.importPath}: without cgo, ${p.dropped.join(' ')} dropped; ${p.standIns.length ? `${p.standIns.join(' ')} built instead` : p.remaining ? 'nothing built in their place' : 'no file left'}${p.error ? ` (go list: ${p.error.split('\n')[0]!.slice(0, 200)})` : ''}`)
      .join('\n'),
  });
  if (broken.length) {
    const one = broken.length === 1;
    const detail = broken
      .slice(0, 3)
      .map((p) => `${packageName(p)} loses ${firstAndMore(p.dropped, 2)} ${p.remaining ? `and has no file that builds without cgo in ${p.dropped.length === 1 ? 'its' : 'their'} place ("undefined: …")` : 'and has no file left ("build constraints exclude all Go files")'}`)
      .join('; ');
    out.push({
      classId: 'env-inheritance',
      severity: 'error',
      confidence: 0.85,
      message: `${c.why}, and ${one ? 'a package' : `${broken.length} packages`} the workspace builds ${one ? 'needs' : 'need'} it: ${detail}${broken.length > 3 ? `; and ${broken.length - 3} more` : ''}. go build, go test and gopls stop there, and what ${one ? 'it declares' : 'they declare'} is missing in every file that imports ${one ? 'it' : 'them'}.${c.where}`,
      evidence: [...c.evidence, listing(broken)],
      fixes: c.fixes,
      explains: ['module-resolution'],
    });
  }
  if (refusing.length) {
    const one = refusing.length === 1;
    out.push({
      classId: 'env-inheritance',
      severity: 'warning',
      confidence: 0.7,
      message: `${c.why}: ${one ? 'a package' : `${refusing.length} packages`} the workspace builds ${one ? 'is' : 'are'} built from a stand-in that refuses at run time: ${refusing
        .slice(0, 3)
        .map((r) => `${packageName(r.p)} from ${path.basename(r.file)} in place of ${firstAndMore(r.p.dropped, 2)} ("${r.words}")`)
        .join('; ')}.${c.where}`,
      evidence: [...c.evidence, listing(refusing.map((r) => r.p)), ...refusing.slice(0, 3).map((r) => ({ source: r.file, excerpt: r.words }))],
      fixes: c.fixes,
      explains: ['module-resolution'],
    });
  }
  return out;
}
