// Pure readings of what the go command says and is set to: a failing command's stderr
// (classifyGoFailure), GOFLAGS (parseGoFlags) and GOTOOLCHAIN (parseToolchain). Shared by the
// go-env and modules probes; kept apart from goEnv.ts so that modules.ts does not import a probe
// that imports the log rules (which import modules.ts back).
import type { ClassId, Fix, Severity } from '../doctor/model.js';

export interface GoFailure {
  classId: ClassId;
  severity: Severity;
  confidence: number;
  message: string;
  /** 'module' when one module's files cause it (go.mod), 'env' when every folder fails alike. */
  scope?: 'module';
}

/** golang.org/dl internal/version/version.go: "go1.27.0: not downloaded. Run 'go1.27.0 download' to install to DIR". */
const DL_WRAPPER_NOT_DOWNLOADED = /\b((?:go1[\w.]*|gotip)): not downloaded\. Run '\1 download'(?: to install to (\S+))?/;
/** cmd/go's toolchain switch, when the goX.Y.Z it ran from PATH reported another version. */
const TOOLCHAIN_IMPOSTOR = /toolchain (go\S+) invoked to provide (go[\w.-]+)/;

/**
 * Pure: what a failing go command's stderr means. The patterns are the go command's own messages
 * (cmd/go/internal/cfg, modload, toolchain), so the user can search for the line we quote.
 */
export function classifyGoFailure(stderr: string): GoFailure | undefined {
  const text = stderr.trim();
  let m: RegExpExecArray | null;
  if ((m = /GOPATH entry is relative; must be absolute path: "([^"]*)"/.exec(text)))
    return { classId: 'env-inheritance', severity: 'error', confidence: 0.95, message: `GOPATH holds a relative entry (${JSON.stringify(m[1])}); the go command refuses to run until every GOPATH entry is absolute.` };
  // cmd/go cfg: "GOPATH entry cannot start with shell metacharacter '~': "~/go"": a GOPATH written
  // with a tilde where no shell expands it (go.toolsEnvVars, a systemd unit, an env file, a quoted export).
  if ((m = /GOPATH entry cannot start with shell metacharacter '~': "([^"]*)"/.exec(text)))
    return { classId: 'env-inheritance', severity: 'error', confidence: 0.95, message: `GOPATH holds ${JSON.stringify(m[1])}, with a "~" nothing expanded: only a shell turns ~ into the home directory, not a settings file, a systemd unit or a quoted export, and the go command refuses to run with it (not even go env).` };
  // cmd/go main.go: a go built with -trimpath (every release is) finds GOROOT only from where its
  // binary lies (GOROOT/bin/go, symlinks resolved); a copy elsewhere, with GOROOT unset, finds none.
  if (/cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set/.test(text))
    return { classId: 'env-inheritance', severity: 'error', confidence: 0.95, message: "The go command run here is a copy of the go binary, away from the Go installation it came from, and GOROOT is not set: a release go finds its GOROOT only from where its binary lies (GOROOT/bin/go; a symlink is followed, a copy is not), so every go command fails with \"cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set\"." };
  if ((m = /cannot find GOROOT directory: (.*)/.exec(text)))
    return { classId: 'env-inheritance', severity: 'error', confidence: 0.95, message: `GOROOT points at ${m[1]!.trim()}, which does not exist: every go command fails.` };
  if (/build cache is required, but could not be located: GOCACHE is not defined and neither \$XDG_CACHE_HOME nor \$HOME are defined/.test(text))
    // No HOME is what the process inherited (a launcher, a service, cron), not a directory's access.
    return { classId: 'env-inheritance', severity: 'error', confidence: 0.95, message: 'The editor was started without HOME (and without XDG_CACHE_HOME or GOCACHE): go has no build cache, so every build, test and gopls load fails.' };
  // go1.26.8, measured with HOME set: go takes a relative XDG_CACHE_HOME as no cache directory at
  // all, and does not fall back to HOME/.cache.
  if (/build cache is required, but could not be located: GOCACHE is not defined and path in \$XDG_CACHE_HOME is relative/.test(text))
    return { classId: 'env-inheritance', severity: 'error', confidence: 0.95, message: 'XDG_CACHE_HOME is a relative path and GOCACHE is not set: go takes its build cache from XDG_CACHE_HOME, refuses a relative one (it does not fall back to HOME), so every build, test and gopls load fails.' };
  if (/GOCACHE is not an absolute path/.test(text))
    return { classId: 'fs-access', severity: 'error', confidence: 0.95, message: 'GOCACHE is a relative path: go refuses to use it, so every build and gopls load fails.' };
  if ((m = /unknown environment setting GO111MODULE=(\S*)/.exec(text)))
    return { classId: 'module-resolution', severity: 'error', confidence: 0.95, message: `GO111MODULE=${m[1]} is not a valid value (on, off, auto or empty): every go command fails.` };
  if (/invalid GOWORK: not an absolute path/.test(text))
    return { classId: 'module-resolution', severity: 'error', confidence: 0.95, message: 'GOWORK is set to a relative path: the go command rejects it in every folder.' };
  if ((m = /reading go\.work: open ([^:]+): no such file or directory/.exec(text)))
    return { classId: 'module-resolution', severity: 'error', confidence: 0.9, message: `GOWORK names ${m[1]}, which does not exist: every go command (and gopls) fails to load the workspace.` };
  if ((m = /invalid GOTOOLCHAIN "([^"]*)"/.exec(text)))
    return { classId: 'env-inheritance', severity: 'error', confidence: 0.95, message: `GOTOOLCHAIN=${m[1]} is not a valid setting: every go command fails.` };
  if ((m = /download (go[^\s]+) for [^:]+: toolchain not available/.exec(text)))
    return { classId: 'env-inheritance', severity: 'error', confidence: 0.85, message: `The go command must switch to ${m[1]} (GOTOOLCHAIN or a go.mod asks for it) and cannot download it (offline, or GOPROXY=off).` };
  // "go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)", and the same for go.work.
  if ((m = /go\.(mod|work) requires go >= (\S+) \(running go (\S+); GOTOOLCHAIN=local\)/.exec(text)))
    return { classId: 'module-resolution', severity: 'error', confidence: 0.9, scope: 'module', message: `go.${m[1]} requires go ${m[2]}, newer than the installed go ${m[3]}, and GOTOOLCHAIN=local forbids switching.` };
  // A golang.org/dl wrapper go ran in this module (GOTOOLCHAIN=path, or a pinned release found on
  // PATH) whose release was never downloaded: a tester's go1.27.0 wrapper read as "no problems".
  if ((m = DL_WRAPPER_NOT_DOWNLOADED.exec(text)))
    return { classId: 'env-inheritance', severity: 'error', confidence: 0.9, scope: 'module', message: `go runs ${m[1]} here (GOTOOLCHAIN "path" mode, or a pinned ${m[1]} found on PATH), and that ${m[1]} is a golang.org/dl wrapper whose release was never downloaded: every go command in this module, and gopls's loads, fail with "${m[1]}: not downloaded. Run '${m[1]} download' …".` };
  // cmd/go toolchain switch: the goX.Y.Z it ran from PATH reported another version (a wrapper or
  // link named go1.27.0 that runs the installed go1.26.8): a tester's read "no problems found".
  if ((m = TOOLCHAIN_IMPOSTOR.exec(text)))
    return { classId: 'env-inheritance', severity: 'error', confidence: 0.9, scope: 'module', message: `go runs the ${m[2]} it finds on PATH (GOTOOLCHAIN "path" mode, or a pin with +path), and that program is really ${m[1]}: go refuses it ("${m[0]}"), so every go command in this module, and gopls's loads, fail. A wrapper or link named ${m[2]} runs another Go.` };
  // GOTOOLCHAIN=path (or go1.N+path): go may only run a goX.Y found on PATH, never download one.
  if ((m = /cannot find "(go[^"]+)" in PATH/.exec(text)))
    return { classId: 'module-resolution', severity: 'error', confidence: 0.85, scope: 'module', message: `the module asks for ${m[1]}, and GOTOOLCHAIN's "path" mode only looks for a ${m[1]} binary on PATH, where there is none (it never downloads one).` };
  if ((m = /creating work dir: (?:stat|mkdir) ([^:]+): (no such file or directory|permission denied|read-only file system|no space left on device)/.exec(text)))
    return { classId: 'fs-access', severity: 'error', confidence: 0.9, message: `go cannot create its work directory in ${m[1]} (${m[2]}): GOTMPDIR or TMPDIR points there, so go build, go test, go run and even go env fail.` };
  // cmd/go/internal/cache/default.go: the build cache directory (or its 00..ff subdirectories) cannot be made.
  if ((m = /failed to initialize build cache at ([^:\n]+): (?:mkdir|open|stat) [^:\n]+: (permission denied|read-only file system|no space left on device|disk quota exceeded|not a directory)/.exec(text)))
    return { classId: 'fs-access', severity: 'error', confidence: 0.95, message: `go cannot set up its build cache in ${m[1]} (${m[2]}): every build, test and gopls load fails.` };
  if (/build cache is disabled by GOCACHE=off, but required/.test(text))
    return { classId: 'env-inheritance', severity: 'error', confidence: 0.95, message: 'GOCACHE=off: go has required a build cache since Go 1.12, so every build and gopls load fails.' };
  if ((m = /-mod=(\S*) not supported/.exec(text)))
    return { classId: 'module-resolution', severity: 'error', confidence: 0.9, message: `GOFLAGS holds -mod=${m[1]}, which go does not accept: every go command fails.` };
  return undefined;
}

/**
 * Pure: a golang.org/dl wrapper (go1.N.M, gotip) that was never downloaded says so and exits 1
 * (internal/version/version.go: "go1.27.0: not downloaded. Run 'go1.27.0 download' to install to
 * …"); go itself runs such a wrapper for GOTOOLCHAIN=path or a pinned release found on PATH. Its
 * own remedy, as a terminal fix.
 */
export function dlWrapperDownloadFix(stderr: string): Fix | undefined {
  const m = DL_WRAPPER_NOT_DOWNLOADED.exec(stderr);
  if (!m?.[2]) return undefined;
  return { id: 'dl-wrapper-download', kind: 'terminal', title: `Download the release the ${m[1]} wrapper runs`, text: `${m[1]} download`, needsRoot: false, detail: `golang.org/dl's ${m[1]} is a small program that runs the release unpacked in ${m[2]}; "${m[1]} download" fetches it there (with network access).` };
}

/** Pure: for "toolchain go1.26.8 invoked to provide go1.27.0", the line that shows which program that is. */
export function impostorFix(stderr: string): Fix | undefined {
  const m = TOOLCHAIN_IMPOSTOR.exec(stderr);
  return m ? { id: 'toolchain-impostor-which', kind: 'terminal', title: `See which program named ${m[2]} go runs, and what it really is`, text: `command -v ${m[2]} && ${m[2]} version`, needsRoot: false, detail: `go found it on the PATH it was given; remove it or point it at a real ${m[2]} (it reports ${m[1]}).` } : undefined;
}

/** Pure: GOFLAGS is a space-separated list of -flag[=value]. */
export function parseGoFlags(goflags: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of goflags.split(/\s+/).filter(Boolean)) {
    const name = f.replace(/^--?/, '');
    const eq = name.indexOf('=');
    out.set(eq < 0 ? name : name.slice(0, eq), eq < 0 ? 'true' : name.slice(eq + 1));
  }
  return out;
}

/** Pure: GOFLAGS with every -name[=value] (or --name) removed, the rest as they were: what a fix that drops one flag sets. */
export function goFlagsWithout(goflags: string, name: string): string {
  return goflags.split(/\s+/).filter((f) => f && f.replace(/^--?/, '').split('=')[0] !== name).join(' ');
}

/**
 * Pure: does go build a module from its vendor/? -mod=vendor says so; -mod=mod or -mod=readonly
 * say not; otherwise a vendor/modules.txt does, when the go.mod's go line is 1.14 or later
 * (cmd/go modload; an unknown go line counts as a current one).
 */
export function buildsFromVendor(goflags: string, hasModulesTxt: boolean, goLine?: string): boolean {
  const mode = parseGoFlags(goflags).get('mod');
  if (mode === 'vendor') return true;
  if (mode === 'mod' || mode === 'readonly' || !hasModulesTxt) return false;
  const minor = goLine === undefined ? Infinity : Number(/^1\.(\d+)/.exec(goLine)?.[1] ?? 0);
  return minor >= 14;
}

export type ToolchainSetting =
  | { mode: 'local' | 'auto' | 'path' }
  | { mode: 'version'; version: string; fallback?: 'auto' | 'path' }
  | { mode: 'invalid' };

/** Pure: GOTOOLCHAIN as go.dev/doc/toolchain defines it ("local", "auto", "go1.22.0+auto", …). */
export function parseToolchain(value: string): ToolchainSetting {
  const v = value.trim();
  if (v === '' || v === 'auto' || v === 'local+auto') return { mode: v === '' ? 'local' : 'auto' };
  if (v === 'local') return { mode: 'local' };
  if (v === 'path' || v === 'local+path') return { mode: 'path' };
  const m = /^(go\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)(?:\+(auto|path))?$/.exec(v);
  if (!m) return { mode: 'invalid' };
  return { mode: 'version', version: m[1]!, fallback: m[2] as 'auto' | 'path' | undefined };
}
