// Facts that no single line states but a listing of the environment does, read line by line:
// `go env` (any of its shapes: GOOS="linux", GOOS='linux', set GOOS=linux, "GOOS": "linux", the
// GOOS=linux lines gopls logs under "go env for …") and the Go extension's "Checking configured
// tools...." block (GOROOT: …, PATH: …). Pure and bounded: a few short strings of state.
import path from 'node:path';
import { asPrinted } from './rules.js';
import { SudoTranscript } from './sudoTranscript.js';
import { PathListings, type PathFact } from './pathListings.js';
import { GO_ENV_PREFIXES, listedVar, normDir, withoutTrailingSeparators } from './listingShapes.js';

export type ListingFact =
  | 'foreign-target-env'
  | 'windows-go-in-wsl'
  | 'goroot-bin-not-on-path'
  | 'goroot-version-mix'
  | 'modules-off-listed'
  | 'goroot-not-a-root'
  | 'gopath-equals-goroot'
  | 'gopath-inside-goroot'
  | 'go-unfound-listed'
  | 'sudo-other-go'
  | 'gocache-not-inherited'
  | PathFact;

const GO_VAR = listedVar(GO_ENV_PREFIXES, 'GOOS|GOARCH|GOHOSTOS|GOHOSTARCH', '([\\w-]*)');
// goLanguageServer/goInstallTools' "Checking configured tools...." block prints "GOROOT: x" and "PATH: y";
// so does "Go: Locate Configured Go Tools" since 2022 (commands/getConfiguredGoTools.ts), under "# Tools
// Configuration" and "## Environment" (the output the Go extension's issue template asks for).
const TOOLS_HEADER = /Checking configured tools|^\s*#{1,2}\s*(?:Tools Configuration|Environment)\s*$/;
const TOOLS_GOROOT = /^\s*GOROOT: (.*?)\s*$/;
const TOOLS_PATH = /^\s*PATH: (.*?)\s*$/;
/** The tools block is a dozen lines; a PATH line further away belongs to something else. */
const TOOLS_BLOCK_LINES = 12;

// Lane envmod: which Go release each part of the environment belongs to. GOROOT and GOPATH in any
// listing shape (go env, "go env for", the tools block's "GOROOT:" and lower-case "gopath:"), and
// the running go's release (GOVERSION, `go version` output, gopls's "(go version go version …)").
// The same shape as pathListings.ts's GO_DIR_VAR (listingShapes.ts), any value: this reader wants the text.
const PATH_VAR = listedVar(GO_ENV_PREFIXES, 'GOROOT|GOPATH|gopath|GOVERSION|GOCACHE', `([^"'\\n]*?)`);
/** GO111MODULE=off in a listing line (go env in any shape), or in gopls's go command log "… for GOROOT=… GOPATH=… GO111MODULE=off PWD=…". */
const MODULES_OFF = /^\s*(?:set\s+|export\s+|\$env:)?"?GO111MODULE"?\s*[=:]\s*["']?off["']?,?\s*$|\bfor GOROOT=\S* GOPATH=\S* GO111MODULE=off\b/;
/**
 * gopls asking the go command for its release: x/tools internal/gocommand GoVersion runs `go list -e
 * -f {{context.ReleaseTags}} -- unsafe` with GO111MODULE=off on purpose, in every session; with
 * verboseOutput its invocation is logged like any other ("… for GOROOT= GOPATH=… GO111MODULE=off …
 * go list -e -f {{context.ReleaseTags}} -- unsafe"), and a healthy module's log read as modules off
 * (a tester's real gopls v0.23.0 log).
 */
const RELEASE_TAGS_QUERY = /\bgo list -e -f \{\{context\.ReleaseTags\}\}/;
const GO_VERSION_OUTPUT = /\bgo version (?:go version )?go(1\.\d{1,2})(?!\d)/;
/**
 * A Go release named by a directory, as installers and version managers name them: gvm's
 * gos/go1.12 and pkgsets/go1.15, sdk/go1.21.0, asdf's installs/golang/1.21.0, mise's installs/go/1.21,
 * Homebrew's Cellar/go/1.21.5, Debian's /usr/lib/go-1.18, nix's …-go-1.21.0, goenv's versions/1.20.3,
 * a toolchain in the module cache (toolchain@v0.0.1-go1.22.0.linux-amd64).
 */
const RELEASE_IN_PATH = /(?:\bgo(?:lang)?[-/]?|[\\/]versions[\\/])(1\.\d{1,2})(?:\.\d+|rc\d+|beta\d+)?(?![\d])/;

/** The major.minor Go release a path names, if it names one. Pure. */
export function releaseInPath(p: string): string | undefined {
  return RELEASE_IN_PATH.exec(p)?.[1];
}

/**
 * A Windows drive as WSL mounts it, as a path's start ("/mnt/c/Users/…", "cd /mnt/d/src"): go env
 * then listing GOHOSTOS=windows means the go that ran is the Windows go.exe, which WSL's PATH
 * (appendWindowsPath) offers after the Linux directories when no Linux go is installed.
 */
const WSL_DRIVE = /(?:^|[\s:='"])\/mnt\/[a-z]\//;

/**
 * cmd/go's words when it cannot use its build cache (cache/default.go initDefaultCache): the
 * directory is GOCACHE's value when go got one, else the user cache directory's go-build. A
 * directory ending in go-build beside a GOCACHE listed elsewhere is a variable the go that failed
 * never received (an editor task, a devfile command or a service that does not pass it on).
 * golangci-lint prints the same words for its own cache (…/golangci-lint): not go's.
 */
const BUILD_CACHE_AT = /failed to initialize build cache at (\S+?\/go-build)\/?:/;

/** see()'s words besides 'GO', as its lines hold them (the tools block's "## Environment" header capitalised). */
const SCREEN_WORDS: readonly string[] = ['gopath', 'go version ', 'onfigur', 'Environment', 'build cache at'];
/** The same words as a case-blind screen finds them (each line see() reads holds one of these in lower case). */
export const LISTING_WORDS: readonly string[] = SCREEN_WORDS.map((w) => w.toLowerCase());

function holdsScreenWord(line: string): boolean {
  for (const w of SCREEN_WORDS) if (line.includes(w)) return true;
  return false;
}

export class GoEnvListing {
  private readonly vars = new Map<string, string>();
  private readonly said = new Set<ListingFact>();
  private toolsAt = -Infinity;
  /** A line showed a Windows drive under /mnt: the text comes from a shell inside WSL. */
  private wsl = false;
  private goroot: string | undefined;
  /** The Go release GOROOT's path names; the go command's; a per-release GOPATH's. */
  private readonly release: { goroot?: string; running?: string; gopath?: string } = {};
  /** GOROOT and GOPATH as the listing shows them (lane envmod). */
  private readonly paths: { GOROOT?: string; GOPATH?: string; GOCACHE?: string } = {};
  /** The build cache directory go said it could not use (BUILD_CACHE_AT), a default one. */
  private defaultCache: string | undefined;
  private readonly sudo = new SudoTranscript();
  private readonly pathListings = new PathListings();

  /**
   * One line (short: callers skip record bodies); the facts this line completes, each once per file.
   * `lowerWords` false: the caller found none of LISTING_WORDS in the line in any case (the
   * analyzer's one-pass word screen), so the line holds none of those below.
   */
  see(line: string, lineNo: number, lowerWords = true, mayBePasted = true): ListingFact[] {
    // The same question answered twice, as the user and under sudo (sudoTranscript.ts, which screens
    // its own lines): its answer is a bare path or a version line, which the listing's screen below would pass by.
    const sudoOtherGo = this.sudo.see(line, lineNo);
    const out = this.seeListing(line, lineNo, lowerWords, mayBePasted);
    if (sudoOtherGo) this.once('sudo-other-go', out);
    // PATH listed twice, or asked for (pathListings.ts): its own cheap screen, before this one's.
    for (const f of this.pathListings.see(line, lineNo)) this.once(f, out);
    return out;
  }

  private seeListing(line: string, lineNo: number, lowerWords: boolean, mayBePasted: boolean): ListingFact[] {
    // Every pattern below needs one of these words (GO… variables, gopath, `go version` output,
    // the tools block's header), or an open tools block: most lines of a log have none, and
    // skipping the eight regexes for them was a measurable part of reading a 200 MB trace.
    // A Linux shell inside WSL shows where it stands: a Windows drive under /mnt ("/mnt/c/Users/…").
    if (!this.wsl && line.includes('/mnt/') && WSL_DRIVE.test(line)) {
      this.wsl = true;
      const out: ListingFact[] = [];
      if (this.vars.get('GOHOSTOS') === 'windows') this.once('windows-go-in-wsl', out);
      if (!line.includes('GO')) return out;
    }
    if (lineNo - this.toolsAt > TOOLS_BLOCK_LINES && !line.includes('GO') && !(lowerWords && holdsScreenWord(line))) return [];
    // A listing pasted through a web page or a chat keeps its words but may have its quotes
    // curled or its spaces made no-break: read as go env printed it.
    // `mayBePasted` false: the caller's word screen found none of the characters asPrinted mends.
    if (mayBePasted) line = asPrinted(line);
    const out: ListingFact[] = [];
    const cache = line.includes('build cache at') ? BUILD_CACHE_AT.exec(line) : null;
    if (cache) {
      this.defaultCache = cache[1];
      this.cacheNotInherited(out);
      return out;
    }
    this.seeRelease(line, out);
    // Each regex below that searches the whole line is tried only on a line holding a literal all
    // its alternatives hold (a trace's env lines pass the screen above and were searched four times).
    if (line.includes('GO111MODULE') && MODULES_OFF.test(line) && !RELEASE_TAGS_QUERY.test(line)) this.once('modules-off-listed', out);
    const v = GO_VAR.exec(line);
    if (v) {
      this.vars.set(v[1]!, v[2]!);
      if (this.foreignTarget()) this.once('foreign-target-env', out);
      if (this.wsl && v[1] === 'GOHOSTOS' && v[2] === 'windows') this.once('windows-go-in-wsl', out);
      return out;
    }
    if ((line.includes('#') || line.includes('Checking configured tools')) && TOOLS_HEADER.test(line)) {
      this.toolsAt = lineNo;
      this.goroot = undefined;
      return out;
    }
    if (lineNo - this.toolsAt > TOOLS_BLOCK_LINES) return out;
    const g = TOOLS_GOROOT.exec(line);
    if (g) {
      this.goroot = g[1];
      return out;
    }
    const p = TOOLS_PATH.exec(line);
    if (p && this.goroot && goBinMissing(this.goroot, p[1]!)) this.once('goroot-bin-not-on-path', out);
    // Lane env2: the block prints GOROOT as the extension resolved it (getCurrentGoRoot: the
    // environment's, else `go env GOROOT`): empty, or "undefined", when it could run no go at all.
    // With no Go directory on the PATH it prints beside it, the editor's PATH lacks the go the
    // login shell finds (a desktop launcher's or a daemon's minimal PATH).
    if (p && this.goroot !== undefined && /^(?:undefined)?$/.test(this.goroot) && !goDirOnPath(p[1]!)) this.once('go-unfound-listed', out);
    return out;
  }

  /** GOROOT from one Go release beside a go command or a per-release GOPATH from another. */
  private seeRelease(line: string, out: ListingFact[]): void {
    // GoLand's run output marks each variable it sets with " #gosetup" (GOROOT=/usr/local/go #gosetup).
    const v = PATH_VAR.exec(line.includes('#gosetup') ? line.replace(/\s+#gosetup\s*$/, '') : line);
    if (v) {
      const name = v[1]!.toUpperCase();
      if (name === 'GOROOT' || name === 'GOPATH') this.seePath(name, v[2]!.trim(), out);
      if (name === 'GOCACHE') {
        const value = v[2]!.trim();
        // go env prints GOCACHE whether set or not: its default ends in go-build, and a default
        // listed from another shell (an issue form's go env, a root's) says nothing was set.
        if (value.startsWith('/') && !/\/go-build\/?$/.test(value)) this.paths.GOCACHE = value;
        this.cacheNotInherited(out);
        return;
      }
      const rel = name === 'GOVERSION' ? /^go(1\.\d{1,2})(?!\d)/.exec(v[2]!)?.[1] : releaseInPath(v[2]!);
      if (!rel) return;
      if (name === 'GOROOT') this.release.goroot = rel;
      else if (name === 'GOPATH') this.release.gopath = rel;
      else this.release.running = rel;
    } else {
      const g = line.includes('go version ') ? GO_VERSION_OUTPUT.exec(line) : null;
      if (!g) return;
      this.release.running = g[1];
    }
    const { goroot, running, gopath } = this.release;
    if (goroot && ((running && running !== goroot) || (gopath && gopath !== goroot))) this.once('goroot-version-mix', out);
  }

  /**
   * GOROOT naming the bin directory or the go binary instead of the installation (go.goroot or an
   * exported GOROOT set to "/usr/local/go/bin"), and GOPATH the same directory as GOROOT (cmd/go
   * then warns "GOPATH set to GOROOT (…) has no effect" and ignores it).
   */
  private seePath(name: 'GOROOT' | 'GOPATH', value: string, out: ListingFact[]): void {
    if (!value || value === 'undefined') return;
    this.paths[name] = value;
    if (name === 'GOROOT' && /[\\/]bin(?:[\\/](?:go|go\.exe))?[\\/]?$/.test(value)) this.once('goroot-not-a-root', out);
    const norm = withoutTrailingSeparators;
    const { GOROOT: root, GOPATH: gopath } = this.paths;
    const sep = /^[A-Za-z]:[\\/]/.test(gopath ?? '') || gopath?.includes(';') ? ';' : ':';
    if (root && gopath && gopath.split(sep).some((e) => e && norm(e).toLowerCase() === norm(root).toLowerCase())) this.once('gopath-equals-goroot', out);
    // A GOPATH inside the Go installation (GOROOT=/usr/lib/go, GOPATH=/usr/lib/go/site) is no
    // user's workspace: a distribution's profile or a package's default set it, root owns it, and
    // the GOPATH the user exports in a shell's rc file is not the one the listing's program got.
    if (root && gopath && root.startsWith('/') && gopath.split(sep).some((e) => e.startsWith('/') && norm(e).startsWith(`${norm(root)}/`))) this.once('gopath-inside-goroot', out);
  }

  /** A GOCACHE listed (absolute) and go failing at its default cache directory instead. */
  private cacheNotInherited(out: ListingFact[]): void {
    const listed = this.paths.GOCACHE;
    const used = this.defaultCache;
    if (!listed || !used) return;
    if (withoutTrailingSeparators(listed) !== withoutTrailingSeparators(used)) this.once('gocache-not-inherited', out);
  }

  private foreignTarget(): boolean {
    const differs = (a: string, b: string) => {
      const x = this.vars.get(a);
      const y = this.vars.get(b);
      return !!x && !!y && x !== y;
    };
    return differs('GOOS', 'GOHOSTOS') || differs('GOARCH', 'GOHOSTARCH');
  }

  private once(f: ListingFact, out: ListingFact[]): void {
    if (this.said.has(f)) return;
    this.said.add(f);
    out.push(f);
  }
}

/**
 * GOROOT is an absolute directory and no PATH entry is GOROOT/bin. A GOROOT that is itself a file
 * ("/usr/local/go/bin/go") is another fault (goroot-invalid says so when go complains). Pure.
 */
export function goBinMissing(goroot: string, pathList: string): boolean {
  if (!goroot.startsWith('/') || /\/bin\/go$/.test(goroot)) return false;
  const want = path.posix.normalize(`${goroot}/bin`);
  return !pathList.split(':').filter(Boolean).map(normDir).includes(normDir(want));
}

/**
 * Some PATH entry is a Go installation's or a Go tool directory (…/go/bin, …/go1.22/bin,
 * /usr/lib/go-1.21/bin, …/golang/…/bin, GOPATH's …/go/bin, a version manager's shims). Pure.
 */
export function goDirOnPath(pathList: string): boolean {
  return pathList
    .split(/[:;]/)
    .some((e) => /(?:^|[\\/])(?:go(?:[-_.]?\d[\w.]*)?|golang[\w.-]*)(?:[\\/]|$)|[\\/](?:shims|gvm|goenv|\.asdf|mise)(?:[\\/]|$)/i.test(e));
}
