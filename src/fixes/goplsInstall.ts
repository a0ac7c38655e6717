// Which `go install golang.org/x/tools/gopls@…` to offer. @latest is what the Go extension and
// most guides type, but under GOTOOLCHAIN=local (the go.env of some distributions' Go, and what
// `go env -w GOTOOLCHAIN=local` sets) a gopls whose go.mod asks for a newer go fails: a tester's
// go1.26.8 was offered @latest, which is v0.24.0, "requires go >= 1.27.0 (running go 1.26.8;
// GOTOOLCHAIN=local)", and after that failure was offered it again. The failed attempt leaves
// that version's go.mod in the module cache, so what each cached gopls needs is known offline:
// the newest one this go satisfies is offered instead, and a toolchain switch for the newest
// one only where go may download it. Pure: the module cache is read by probes/cachedGopls.ts.
import type { Fix } from '../doctor/model.js';
import { compareGoVersions, parseGoVersion, type GoVersion } from '../facts/readGoEnv.js';
import { quoteForDisplay as sh } from '../host/shellQuote.js';
import { INSTALL_NEWER_GO } from './catalog.js';

export const GOPLS_MODULE = 'golang.org/x/tools/gopls';

/** One gopls version whose go.mod the module cache holds. */
export interface CachedGopls {
  version: string;
  /** The go.mod's go line: the least go that builds it. */
  go?: string;
  /** The .mod file it was read from, for the fix's detail. */
  source: string;
}

export interface GoplsInstallInput {
  /** The go that would run `go install` (go env GOVERSION), e.g. "go1.26.8". */
  goVersion?: string;
  /** The user's GOTOOLCHAIN and GOPROXY (go env). */
  toolchain?: string;
  goproxy?: string;
  cached: readonly CachedGopls[];
  /** The go binary to name in the command; `go` (from PATH) when unset. */
  go?: string;
}

/** Pure: a module release version (no pre-release) as numbers, for ordering; undefined otherwise. */
function releaseOf(v: string): [number, number, number] | undefined {
  const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function newerFirst(a: CachedGopls, b: CachedGopls): number {
  const x = releaseOf(a.version)!;
  const y = releaseOf(b.version)!;
  return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
}

/** Pure: GOPROXY=off (go stops at the first "off" of the list): go downloads nothing at all. */
export function proxyIsOff(goproxy: string | undefined): boolean {
  return (goproxy ?? '').split(/[,|]/)[0]!.trim() === 'off';
}

/** Pure: may go fetch a newer toolchain by itself (GOTOOLCHAIN auto or goX+auto, GOPROXY not off)? */
export function mayDownloadToolchain(toolchain: string | undefined, goproxy: string | undefined): boolean {
  // Unknown GOTOOLCHAIN reads as go's default, auto; "local", "path", "goX" and "goX+path" never
  // download (cmd/go's toolchain.Select: only the auto fallback fetches golang.org/toolchain).
  const tc = (toolchain ?? 'auto').trim();
  return !proxyIsOff(goproxy) && (tc === 'auto' || tc === 'local+auto' || /^go\d\S*\+auto$/.test(tc));
}

const INSTALL_DETAIL = 'Builds gopls for this machine with the go in use and puts it in GOBIN (or the first GOPATH/bin).';

/**
 * Pure: does this go build a gopls whose go.mod says `line`, as far as anyone can know offline? A go
 * line is the least go that builds it, not a promise for every later one: each gopls release is
 * built with the Go release of its day (gopls v0.17.0 release notes: "must be built with the
 * latest major Go"), and old x/tools sources stop compiling on a newer Go. A tester's go 1.26.8
 * was offered gopls v0.18.1 (go 1.23.4) and failed in x/tools's internal/tokeninternal, "invalid
 * array length -delta * delta", a compile-time check on go/token's layout that Go 1.25 broke
 * (golang/go#74462). So only a go line of this go's own release (1.X) counts as known to build.
 */
export function goLineKnownToBuild(have: GoVersion, line: GoVersion): boolean {
  return compareGoVersions(have, line) >= 0 && have.major === line.major && have.minor === line.minor;
}

/** Pure: the go line's release is older than this go's: go accepts it, but it may not compile. */
function olderRelease(have: GoVersion, line: GoVersion): boolean {
  return compareGoVersions(have, line) >= 0 && !goLineKnownToBuild(have, line);
}

/**
 * The gopls install fixes, first the one to type. Without a go version or a cached gopls go.mod
 * newer than this go can build, it is the plain @latest (id gopls-install, as before).
 */
export function goplsInstallFixes(i: GoplsInstallInput): Fix[] {
  const go = i.go ? sh(i.go) : 'go';
  const latest: Fix = { id: 'gopls-install', kind: 'terminal', title: 'Install gopls with the Go toolchain', text: `${go} install ${GOPLS_MODULE}@latest`, needsRoot: false, detail: INSTALL_DETAIL };
  const have = i.goVersion ? parseGoVersion(i.goVersion.replace(/^go/, '').replace(/\s.*$/, '')) : undefined;
  const releases = i.cached.filter((c) => releaseOf(c.version) && c.go && parseGoVersion(c.go)).sort(newerFirst);
  const newest = releases[0];
  const download = mayDownloadToolchain(i.toolchain, i.goproxy);
  // Where go may not switch toolchains, say what a failure looks like and that it teaches the
  // doctor: go caches the go.mod it refused.
  const teaches: Fix = { ...latest, detail: `${INSTALL_DETAIL} If go answers "requires go >= …" (GOTOOLCHAIN=${i.toolchain || 'local'} does not switch), run the diagnosis again: that gopls's go.mod is then in the module cache, and the doctor offers a gopls this go can build.` };
  // Nothing cached says what @latest needs.
  if (have && !newest && !download) return [teaches];
  if (!have || !newest) return [latest];
  const lineOf = (c: CachedGopls) => parseGoVersion(c.go!)!;
  const builds = (c: CachedGopls) => compareGoVersions(have, lineOf(c)) >= 0;
  const haveText = i.goVersion!.replace(/^go/, '').replace(/\s.*$/, '');
  // The newest gopls the cache knows builds with this go: @latest is what it resolved to then. From
  // an older Go release only, the cache may simply not know a newer gopls, which may need a newer go.
  if (builds(newest)) return download || goLineKnownToBuild(have, lineOf(newest)) ? [latest] : [teaches];
  const tc = i.toolchain || 'auto';
  const withToolchain: Fix = {
    id: 'gopls-install-newest-gotoolchain',
    kind: 'terminal',
    title: `Install gopls ${newest.version} with a go${newest.go} toolchain downloaded for this one command`,
    text: `GOTOOLCHAIN=go${newest.go}+auto ${go} install ${GOPLS_MODULE}@${newest.version}`,
    needsRoot: false,
    detail: `gopls ${newest.version} needs go ${newest.go} (${newest.source}); go fetches go${newest.go} from the module proxy into the module cache and builds gopls with it. GOTOOLCHAIN stays ${tc} for everything else.`,
  };
  // GOTOOLCHAIN lets go switch by itself: @latest works, by downloading the newer go first.
  if (download) return [{ ...latest, detail: `${INSTALL_DETAIL} gopls ${newest.version}, the newest the module cache knows, needs go ${newest.go} (${newest.source}): with GOTOOLCHAIN=${tc} go downloads go${newest.go} first to build it.` }];
  const fails = `\`go install ${GOPLS_MODULE}@latest\` (and the Go extension's Install/Update Tools) fails here: gopls ${newest.version} needs go ${newest.go} (${newest.source}) and this go is ${haveText} with GOTOOLCHAIN=${tc}`;
  // A download is possible when only the toolchain setting forbids switching (local, path, an exact
  // version), not GOPROXY=off: then the one-command override is worth offering.
  const offerToolchain = !proxyIsOff(i.goproxy);
  const known = releases.find((c) => goLineKnownToBuild(have, lineOf(c)));
  if (known) {
    return [
      {
        id: 'gopls-install',
        kind: 'terminal',
        // Not "the newest this go can build": the cache holds only what go happened to fetch.
        title: `Install gopls ${known.version}, made for go ${known.go} like this go ${haveText}`,
        text: `${go} install ${GOPLS_MODULE}@${known.version}`,
        needsRoot: false,
        detail: `${fails}. gopls ${known.version} needs go ${known.go} (${known.source}), the Go release in use. ${INSTALL_DETAIL}`,
      },
      ...(offerToolchain ? [withToolchain] : []),
    ];
  }
  // Only gopls releases of an older Go are cached: go accepts their go line, but whether they still
  // compile with this go is unknown (the tester's v0.18.1 did not): the switch first, then the try.
  const older = releases.find((c) => olderRelease(have, lineOf(c)));
  if (older) {
    const tryOlder: Fix = {
      id: 'gopls-install-older',
      kind: 'terminal',
      title: `Try gopls ${older.version} (made for go ${older.go}: it may not compile with go ${haveText})`,
      text: `${go} install ${GOPLS_MODULE}@${older.version}`,
      needsRoot: false,
      detail: `${fails}. gopls ${older.version} needs go ${older.go} (${older.source}), an older Go release than ${haveText}; a go line is the least go that builds it, not a promise that a newer go still does (x/tools before v0.34 does not compile with Go 1.25 or later: golang/go#74462). If go stops with a compile error, this version is too old for this go. ${INSTALL_DETAIL}`,
    };
    return offerToolchain ? [withToolchain, tryOlder] : [tryOlder, INSTALL_NEWER_GO];
  }
  // Nothing cached this go can build: say what the newest needs; a newer go is the way.
  return [
    ...(offerToolchain ? [{ ...withToolchain, detail: `${fails}, and no gopls in the module cache builds with go ${haveText}. ${withToolchain.detail}` }] : []),
    INSTALL_NEWER_GO,
  ];
}

/**
 * Pure: the gopls version to build with the exact toolchain `to` (e.g. "go1.27.3", which
 * GOTOOLCHAIN=go1.27.3 pins: go then neither switches up nor down). @latest when the newest gopls
 * the module cache knows is of `to`'s own Go release and `to` builds it; else the newest cached
 * one of that release, with the .mod file that says so. Where the cache has none (nothing cached,
 * only releases of an older Go, which `to` may not compile, or only ones needing more), switchUp:
 * GOTOOLCHAIN=<to>+auto builds @latest with `to`, or with the newer go gopls's go.mod asks for,
 * whose go/types knows `to`'s language too. `to` unparsable: @latest as it is.
 */
export function goplsVersionFor(to: string, cached: readonly CachedGopls[]): { version: string; switchUp?: boolean; because?: string } {
  const have = parseGoVersion(to.replace(/^go/, ''));
  if (!have) return { version: 'latest' };
  const releases = cached.filter((c) => releaseOf(c.version) && c.go && parseGoVersion(c.go)).sort(newerFirst);
  const newest = releases[0];
  if (!newest) return { version: 'latest', switchUp: true };
  const lineOf = (c: CachedGopls) => parseGoVersion(c.go!)!;
  if (goLineKnownToBuild(have, lineOf(newest))) return { version: 'latest' };
  const known = releases.find((c) => goLineKnownToBuild(have, lineOf(c)));
  const needs = `gopls ${newest.version} needs go ${newest.go} (${newest.source})`;
  if (known) return { version: known.version, because: `${needs}, newer than ${to}; gopls ${known.version} needs go ${known.go}` };
  if (compareGoVersions(have, lineOf(newest)) < 0) return { version: 'latest', switchUp: true, because: `${needs}, newer than ${to}, and no cached gopls is made for go ${have.major}.${have.minor}: go switches to go${newest.go} for it` };
  return { version: 'latest', switchUp: true, because: `${needs}, an older Go release than ${to}, which may not compile it; a newer gopls may need a newer go, which go then switches to` };
}
