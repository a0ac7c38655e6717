// What the words in a gopls log mean: each rule names a message gopls, the go command, the Go
// runtime or the kernel writes, and the root-cause class it is evidence for. A line is first
// screened with plain substrings (`needles`, which the benchmark also hands to `grep -E`), and
// only a line that contains one is tested against the rules in full.
import type { ClassId, Severity, SymptomKind } from '../doctor/model.js';
import { NeedleSet } from './needleSet.js';

export type RuleId =
  | 'go-missing'
  | 'no-views'
  | 'no-view-for-file'
  | 'workspace-load-failed'
  | 'packages-load-error'
  | 'go-too-old'
  | 'gopls-built-unsupported'
  | 'go-version-deprecated'
  | 'go-mod-not-found'
  | 'inconsistent-vendoring'
  | 'panic'
  | 'fatal-out-of-memory'
  | 'fatal-error'
  | 'killed-by-signal-dump'
  | 'go-command-killed'
  | 'thread-create-failed'
  | 'eagain'
  | 'exec-permission-denied'
  | 'permission-denied'
  | 'inotify-enospc'
  | 'inotify-emfile'
  | 'too-many-open-files'
  | 'watch-unable'
  | 'no-space-left'
  | 'read-only-fs'
  | 'module-cache-create'
  | 'home-unset'
  | 'selinux-avc-denied'
  | 'apparmor-denied'
  | 'crash-loop'
  | 'connection-closed'
  | 'executable-not-found'
  | 'foreign-runtime-libs'
  | 'go-binary-not-found'
  | 'goroot-invalid'
  | 'go-toolchain-mismatch'
  | 'go-version-too-old-for-module'
  | 'kernel-oom-kill'
  | 'pids-fork-rejected'
  | 'thread-create-eperm'
  | 'exec-eperm'
  | 'nfs-no-locks'
  | 'stale-file-handle'
  | 'quota-exceeded'
  | 'build-cache-unusable'
  | 'tool-install-failed'
  | 'gopls-bad-command'
  | 'gopls-shell-crash'
  | 'server-init-failed'
  | 'no-modules-in-workspace'
  // module downloads (engineer net): keep this block together
  | 'module-fetch-x509'
  | 'module-fetch-timeout'
  | 'module-fetch-refused'
  | 'proxy-auth-required'
  | 'module-fetch-forbidden'
  | 'module-fetch-not-found'
  | 'sumdb-private-lookup'
  | 'checksum-mismatch'
  | 'missing-go-sum'
  | 'goproxy-off-lookup'
  | 'vcs-auth-prompt'
  | 'ld-preload-leak'
  | 'exec-format-error'
  | 'gopls-not-found'
  | 'seccomp-new-syscall'
  | 'shell-exec-denied'
  | 'noexec-listed'
  | 'shared-object-map-denied'
  | 'process-killed'
  | 'container-oom-killed'
  | 'modules-disabled'
  | 'outside-modules'
  | 'file-not-in-workspace'
  | 'package-not-found'
  | 'go-too-old-for-tools'
  // limits, mounts and policies (engineer accB): keep this block together
  | 'inotify-limit-reached'
  | 'inotify-limit-named'
  | 'oom-killed-named'
  | 'memory-limit-exceeded'
  | 'program-out-of-memory'
  | 'mlock-limit'
  | 'thread-start-refused'
  | 'task-limit-named'
  | 'program-exec-denied'
  | 'mmap-exec-eperm'
  | 'not-permitted'
  | 'ownership-change-eacces'
  | 'selinux-named'
  | 'apparmor-profile-denied'
  | 'seccomp-named'
  | 'ptrace-scope'
  | 'sandbox-namespace-denied'
  | 'system-exec-denied'
  | 'apparmor-named'
  // gopls-launch in other clients' words (lane launch): keep together
  | 'server-exited'
  | 'server-start-failed'
  | 'server-binary-missing'
  | 'gopls-kernel-crash'
  | 'gopls-build-failed'
  | 'initialize-rejected'
  | 'gopls-listed-missing'
  | 'gopls-needs-newer-go'
  | 'gopls-exec-denied'
  | 'gopls-stack-headless'
  | 'gopls-wrong-platform'
  // limits, mounts and policies, second wave (lane limits): keep this block together
  | 'sigkill-reported'
  | 'memory-limit-named'
  | 'commit-limit-reached'
  | 'memory-exhausted-more'
  | 'exec-refused-more'
  | 'exec-status-126'
  | 'exec-mount-option'
  | 'shared-storage-exec'
  | 'gotmpdir-moved'
  | 'noexec-by-default'
  | 'musl-map-denied'
  | 'cwd-stat-denied'
  | 'selinux-vocabulary'
  | 'apparmor-vocabulary'
  | 'ptrace-capability'
  | 'seccomp-sigsys'
  | 'privileged-container'
  | 'runtime-eperm'
  | 'fapolicyd-denied'
  | 'file-lock-unsupported'
  | 'go-work-dir-failed'
  | 'go-file-refused'
  | 'read-only-root-named'
  // env-inheritance, gopls-launch and module-resolution message families (lane accA): keep together
  | 'go-tool-missing'
  | 'gopath-invalid'
  | 'go-env-invalid'
  | 'sandboxed-editor'
  | 'foreign-target-env'
  | 'goroot-bin-not-on-path'
  | 'gopls-binary-broken'
  | 'server-lost'
  | 'not-in-module'
  | 'go-mod-invalid'
  | 'vendor-mode-lookup'
  | 'module-lacks-package'
  | 'command-not-on-path'
  | 'no-packages-matched'
  // env-inheritance and module-resolution families (lane envmod): keep this block together
  | 'go-not-found-shells'
  | 'gopls-not-found-shells'
  | 'program-not-found-shells'
  | 'go-shim-no-version'
  | 'shim-no-version'
  | 'goroot-tools-missing'
  | 'goroot-std-missing'
  | 'goroot-setting-invalid'
  | 'goroot-version-mix'
  | 'go-env-value-invalid'
  | 'go-too-old-for-go-mod'
  | 'empty-go-path-exported'
  | 'foreign-binary-exec'
  | 'foreign-libc-loader'
  | 'gopath-mode-auto'
  | 'workspace-excludes-module'
  | 'no-main-module-here'
  | 'replace-target-missing'
  | 'module-path-mismatch'
  | 'internal-import-denied'
  | 'module-for-path-missing'
  | 'build-constraints-exclude'
  | 'go-not-found-windows-path'
  | 'program-not-on-path-other'
  | 'shell-env-unresolved'
  | 'shared-lib-missing'
  | 'wsl-windows-interop'
  | 'nested-module'
  | 'go-work-mode-refused'
  | 'cant-find-import'
  | 'go-env-w-overridden'
  | 'outside-module-and-gopath'
  | 'modules-off-listed'
  | 'snap-runtime-leak'
  | 'go-too-old-subcommand'
  | 'foreign-arch-exec'
  | 'c-toolchain-env'
  | 'old-gopls-no-file'
  | 'no-buildable-files'
  | 'goroot-not-a-root'
  | 'gopath-equals-goroot'
  | 'go-for-tools-missing'
  | 'vendor-out-of-sync'
  | 'cgo-link-failed'
  | 'sandboxed-editor-path'
  | 'toolchain-not-on-path'
  // env-inheritance families, round 2 (lane env2): keep this block together
  | 'go-not-on-path-words'
  | 'gopls-not-on-path-words'
  | 'program-not-on-path-words'
  | 'env-program-missing'
  | 'systemd-exec-lookup'
  | 'shell-status-127'
  | 'launcher-clears-env'
  | 'go-unfound-listed'
  | 'archive-from-other-go'
  | 'container-env-probe-failed'
  | 'home-unset-other'
  | 'gobin-cross-install'
  // mac-policy and noexec-mount by mechanism (lane mac2): keep this block together
  | 'container-path-denied'
  | 'systemd-sandbox-step'
  | 'proc-self-denied'
  | 'shell-exec-eperm'
  | 'ldso-text-reloc-denied'
  | 'chromium-sandbox-refused'
  | 'gopls-under-tmpfs-path'
  | 'shell-system-exec-denied'
  | 'os-exec-policy'
  | 'os-policy-vocabulary'
  | 'chmod-x-refused'
  | 'toolkit-spawn-refused'
  | 'snap-cwd-refused';

export interface Rule {
  id: RuleId;
  classId: ClassId;
  severity: Severity;
  confidence: number;
  /** A line is tested only if it contains one of these; the same strings go to grep in the bench. */
  needles: readonly string[];
  /** The full test on a line that passed the screen; defaults to "contains a needle". */
  test?: RegExp;
  /**
   * When a file watcher was named in the lines just before (fsnotify's "Start watching /tmp",
   * node's "watching …"), this test alone is enough: an ENOSPC then is the watcher's.
   */
  nearWatcher?: RegExp;
  /**
   * When a program was being executed in the lines just before (Python's subprocess
   * `_execute_child`, an exec call), this test alone is enough: the refusal is the exec's.
   */
  nearExec?: RegExp;
  /**
   * When a container runtime was invoked in the lines before (`docker run …`, `podman exec …`,
   * "Starting docker container"), this test alone is enough: a path refused inside a container
   * is most often the host's label policy on a bind mount, not the file's mode (lane mac2).
   */
  inContainer?: RegExp;
  /**
   * When execute permission was just being added (`chmod +x f`, `chmod 755 f`) in the lines
   * before, this test alone is enough: the refusal is of setting an execute bit (lane mac2).
   */
  nearChmodX?: RegExp;
  /** The compiler says this about the user's code too: not read inside published diagnostics. */
  userCode?: true;
  /** Rules that, when they match the same line, already say what this one would say better. */
  yieldsTo?: readonly RuleId[];
  /** Classes whose symptoms this explains (go missing → "no views" and a dead language server). */
  explains?: readonly ClassId[];
  /**
   * What the line is: an observed symptom (gopls died, a build was killed, a thread could not be
   * created) or a cause. Absent = cause. A symptom names its kind, which decides which causes
   * explain it (src/doctor/explain.ts).
   */
  role?: 'symptom' | 'cause';
  symptom?: SymptomKind;
  /** One sentence for the finding; `n` is how many lines said it. */
  says: string;
}

/** The Go language servers an editor may run, as clients name them in their messages. */
const GO_LS_NAMES = ['gopls', 'go-langserver', 'go-language-server', 'langserver-go', 'bingo', 'gocode'] as const;
const GO_LS = `(?:${GO_LS_NAMES.join('|')})`;
// ---- lane env2: the shape its PATH rules share (the rules are at the end of RULES) ----
/**
 * "NAME is not on the PATH" as programs and scripts word it when their own lookup fails (the
 * exec.LookPath / shutil.which / vim.fn.executable / `command -v` check before running a tool):
 * "X is not installed or not in your PATH", "X (binary|executable) not found on PATH", "X is not
 * in your $PATH", "could not find X in PATH", "unable to locate X on the PATH". The words after
 * the name must say PATH, so "not in your GOPATH" (module resolution's) is not one.
 */
/** After a match: no "file.go:N:" earlier on the line (a Go test's or program's own output). */
const NOT_GO_OUTPUT = String.raw`(?<!\.go:\d+:.*)`;
function pathWords(name: string): RegExp {
  // Quotes as pasted: ASCII, typographic, or typographic read as latin1 bytes (â\x80\x98).
  const q = String.raw`(?:['"\`‘’]|\u00e2\u0080[\u0098\u0099])?`;
  const n = String.raw`${q}(?:${name})${q}`;
  const what = String.raw`(?: (?:binary|executable|command|program|tool))?`;
  const path = String.raw`(?:(?:your|the|system|user) ){0,2}(?:\$PATH|\$\{PATH\}|%PATH%|PATH)(?![\w/-])`;
  return new RegExp(
    [
      // Not a Go test's or program's own output ("x_test.go:12: tool not in PATH"): the guard is a
      // lookbehind at the END of each branch, tried only once the words matched. At the start it
      // scanned back over the line from every position (quadratic: 3x slower log analysis).
      String.raw`(?<![\w/.-])${n}${what} (?:is |was )?(?:not installed(?:,)? or (?:is )?not (?:found )?|not (?:found |available |present )?)(?:in|on) ${path}${NOT_GO_OUTPUT}`,
      // Emacs lsp-mode (lsp-mode.el): 'Command "go" is not present on the path.'
      String.raw`[Cc]ommand ${n} is not present on the path\b${NOT_GO_OUTPUT}`,
      String.raw`(?:[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Cc]annot|[Cc]an't|[Ff]ailed to) (?:find|locate) (?:the )?${n}${what} (?:in|on) ${path}${NOT_GO_OUTPUT}`,
    ].join('|'),
  );
}
const PATH_WORDS_NEEDLES = ['is not present on the path', 'not installed or not', 'not installed, or not', ' in PATH', ' on PATH', ' in $PATH', ' on $PATH', ' your PATH', ' your $PATH', ' the PATH', ' the $PATH', ' system PATH', 'in %PATH%'];

// ---- lane envmod: shapes its rules share (the rules are at the end of RULES) ----
/** The Go tools a version manager's shim or a shell names: go, gofmt, gopls, as a whole word. */
const GO_TOOL = String.raw`(?:go|gofmt|gopls)(?![\w+-]|\.\w)`;
/** The go command by the name a PATH lookup uses. */
const GO_CMD = String.raw`go(?:\.exe)?`;
/** A standard-library import path: its first element is one of the standard library's. */
const STD = String.raw`(?:archive|bufio|bytes|cmp|compress|container|context|crypto|database|debug|embed|encoding|errors|expvar|flag|fmt|go|hash|html|image|index|io|iter|log|maps|math|mime|net|os|path|plugin|reflect|regexp|runtime|slices|sort|strconv|strings|structs|sync|syscall|testing|text|time|unicode|unique|unsafe|weak)(?:\/[a-z0-9]+)*`;

/**
 * "program `name` is not on the PATH" in the words of zsh, fish, tcsh, GNU make, Emacs, coreutils
 * and GNU which. `makeNoSuchFile`: also GNU make 4's "make: go: No such file or directory", which
 * for an arbitrary name may be a missing file rather than a program; `emacs`: also Emacs's
 * call-process words (for go; another program there is usually another language's server).
 */
function notOnPath(name: string, makeNoSuchFile: boolean, emacs = true): RegExp {
  const n = String.raw`(?:${name})(?![\w.+-])`;
  return new RegExp(
    [
      String.raw`command not found: ${n}`,
      // Ubuntu's command-not-found handler: "Command 'go' not found, but can be installed with:".
      String.raw`Command ['‘]${n}['’] not found`,
      String.raw`fish: Unknown command:? ['"‘]?${n}`,
      String.raw`(?:^|[\s:])${n}: Command not found\.`,
      String.raw`\bmake(?:\[\d+\])?: ${n}: ${makeNoSuchFile ? '(?:Command not found|No such file or directory)' : 'Command not found'}`,
      emacs ? String.raw`Searching for program\\?"?:? \\?"?[Nn]o such file or directory\\?"?,? \\?"?${n}` : '(?!)',
      String.raw`failed to run command [‘'"]${n}[’'"]: No such file or directory`,
      String.raw`\bwhich: no ${n} in \(`,
    ].join('|'),
  );
}

// Most specific first; a line may match several rules (one per class), see yieldsTo.
export const RULES: readonly Rule[] = [
  {
    id: 'go-missing',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.9,
    needles: ['go command required, not found'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'gopls could not find the go command on the PATH it was started with, so it cannot load any package',
  },
  {
    id: 'executable-not-found',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    needles: ['executable file not found in $PATH'],
    yieldsTo: ['go-missing', 'go-binary-not-found', 'gopls-not-found', 'go-tool-missing'],
    says: 'a program gopls needed was not on the PATH it was started with',
  },
  // --- environment: a sandbox's libraries, a go that is not there or not the one expected ---
  {
    id: 'foreign-runtime-libs',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.8,
    // The dynamic loader's words: "version `GLIBC_2.28' not found (required by …)",
    // "symbol lookup error: …: undefined symbol: …". From a Snap or Flatpak editor, a child (go,
    // gopls, git, a node addon) got the sandbox's libraries through LD_LIBRARY_PATH and friends.
    needles: ["' not found (required by", 'symbol lookup error'],
    test: /version [`'‘]?(?:GLIBC|GLIBCXX|CXXABI|GCC|LIBC)[\w.]*['’]? not found \(required by|symbol lookup error: [^\n]*undefined symbol/,
    says: "a program could not load its shared libraries (a glibc version or symbol lookup error): it ran with another runtime's libraries, as children of a Snap or Flatpak editor do when the sandbox's LD_LIBRARY_PATH leaks into them",
  },
  {
    id: 'go-binary-not-found',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.85,
    // The Go extension's "Failed to find the \"go\" binary in either GOROOT() or PATH(…)", a shell's
    // "go: command not found" / "sh: 1: go: not found", node's "spawn /usr/local/go/bin/go ENOENT",
    // Go's exec: "go": executable file not found in $PATH. Other clients: vim-go's "go executable not
    // found", Zed's "Could not install the Go language server `gopls`, because `go` was not found" (its
    // log says "cannot install gopls" exactly then: languages/src/go.rs will_fetch_server) and "failed
    // to get go version via `go version` command", Windows' "'go' is not recognized…", JetBrains'
    // Cannot run program "go", Python's No such file or directory: 'go', env's "env: 'go': No such
    // file or directory", and a fork/exec of a go binary that is gone (a stale GOROOT).
    needles: ['Failed to find the', 'go: command not found', 'go: not found', ' ENOENT', 'exec: "go"', 'exec: \\"go\\"', '"go" binary', 'go binary not found', 'o executable not found', 'is not recognized', 'because `go` was not found', 'cannot install gopls', 'failed to get go version', 'Cannot run program', 'No such file or directory', 'no such file or directory'],
    test: /Failed to find the \\?"go\\?" binary|(?:unable to locate|cannot be found|could not find|not find)[^\n]{0,20}\\?"go\\?" binary|\\?"go\\?" binary (?:cannot|could not) be found|\bgo binary not found|(?:^|[\s:])go: (?:command )?not found|spawn (?:\S*\/)?go ENOENT|exec: \\?"go\\?": executable file not found|\b[Gg]o executable not found|['"‘]go(?:\.exe)?['"’] is not recognized|because `go` was not found|\bcannot install gopls\b(?! with)|failed to get go version via `go version`|Cannot run program \\?"(?:\S*[/\\])?go(?:\.exe)?\\?"|No such file or directory: ['"](?:\S*\/)?go['"]|env: ['‘]go['’]: No such file or directory|fork\/exec \S*\/bin\/go(?:\.exe)?: no such file or directory/,
    yieldsTo: ['go-missing'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'the editor or a tool it ran could not find the go command on the PATH it was given',
  },
  {
    id: 'goroot-invalid',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.85,
    // go: cannot find GOROOT directory: /x; "GOROOT is not set"; the go command rejecting a GOROOT.
    needles: ['cannot find GOROOT directory', 'GOROOT is not set', 'GOROOT is not defined'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'GOROOT points where there is no Go installation (set by the environment the tools were started with, or by go.goroot)',
  },
  {
    id: 'go-toolchain-mismatch',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // compile: version "go1.21.0" does not match go tool version "go1.22.1"; an export file or
    // object "compiled with go1.x, need go1.y" / "object is [go1.x …] expected [go1.y …]";
    // "package X is not in GOROOT (…)" / "is not in std" for a standard package: one go ran with
    // another Go's GOROOT or tools.
    // A standard package missing is told by its first path element (slices, go/build/constraint,
    // crypto/ed25519); "package rogue/lib is not in GOROOT" is a GOPATH import, not a toolchain.
    needles: ['does not match go tool version', 'expected [go', 'is not in GOROOT', 'is not in std', 'compiled with go', 'internal compiler error: version', 'module providing package'],
    test: /version "?go[\d.]+\S*"? does not match go tool version|object is \[go[^\]]*\] expected \[go|package (?:archive|bufio|bytes|cmp|compress|container|context|crypto|database|debug|embed|encoding|errors|expvar|flag|fmt|go|hash|html|image|index|io|iter|log|maps|math|mime|net|os|path|plugin|reflect|regexp|runtime|slices|sort|strconv|strings|structs|sync|syscall|testing|text|time|unicode|unique|unsafe|weak)(?:\/[a-z0-9]+)* is not in (?:GOROOT|std)\b|cannot find module providing package (?:archive|bufio|bytes|cmp|compress|container|context|crypto|database|debug|embed|encoding|errors|expvar|flag|fmt|go|hash|html|image|index|io|iter|log|maps|math|mime|net|os|path|plugin|reflect|regexp|runtime|slices|sort|strconv|strings|structs|sync|syscall|testing|text|time|unicode|unique|unsafe|weak)(?:\/[a-z0-9]+)*(?![\w./-])|compiled with go[\d.]+\S*,? (?:but )?(?:need|expected|want)/,
    yieldsTo: ['go-too-old-for-tools'],
    says: 'the go command and its tools or standard library come from different Go releases (a GOROOT or PATH that mixes two installations, or a go too old for the code)',
  },
  {
    id: 'go-version-too-old-for-module',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // go: go.mod requires go >= 1.22 (running go 1.21.0; GOTOOLCHAIN=local); "note: module requires Go 1.21".
    needles: ['requires go >=', 'module requires Go '],
    yieldsTo: ['go-too-old-for-tools'],
    test: /requires go >= ?[\d.]+ \(running go [\d.]+|note: module requires Go [\d.]+/,
    says: 'the go command found first on the PATH is older than the module needs (another Go installation is found before the one expected)',
  },
  {
    id: 'ld-preload-leak',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.65,
    // ld.so: "ERROR: ld.so: object 'libgtk3-nocsd.so.0' from LD_PRELOAD cannot be preloaded … ignored."
    needles: ['from LD_PRELOAD cannot be preloaded'],
    says: 'a library named in LD_PRELOAD (inherited from the desktop session or a sandbox) could not be loaded into the tools',
  },
  {
    id: 'exec-format-error',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.7,
    // ENOEXEC: "fork/exec /tmp/go-build…/exe/main: exec format error" — built for another
    // GOOS/GOARCH (inherited from the environment) than the machine runs.
    needles: ['exec format error'],
    yieldsTo: ['gopls-binary-broken'],
    says: 'a program could not be executed ("exec format error"): it was built for another OS or architecture, as a GOOS/GOARCH inherited from the environment does',
  },
  {
    id: 'gopls-not-found',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.8,
    // vim-go "could not find 'gopls'", PowerShell "The term 'gopls' is not recognized", coc.nvim
    // "Command \"…/gopls\" of go is not executable: Error: not found", "gopls: command not found".
    // Also (lane accA): Neovim's "Spawning language server with cmd: `gopls` failed. The language
    // server is either not installed, missing from PATH, or not executable." (vim/lsp/rpc.lua),
    // lsp-mode's 'Command "gopls" is not present on the path.', os/exec's exec: "gopls": executable
    // file not found, the Go extension's 'The "gopls" command is not available.', "gopls is not
    // found. Please make sure it is installed and available in the PATH" and "Cannot find the
    // alternate tool X configured for gopls", JetBrains' Cannot run program "gopls", a fork/exec of
    // a gopls that is not there.
    needles: ['gopls not found', "find 'gopls'", 'find "gopls"', 'find gopls', 'is not recognized', 'gopls: command not found', 'gopls: not found', 'gopls.exe: not found', 'is not executable', 'not found: ', 'gopls ENOENT', 'gopls.exe ENOENT', 'Spawning language server with cmd', 'is not present on the path', 'exec: "gopls', 'exec: \\"gopls', 'command is not available', 'gopls is not found', 'configured for gopls', 'Cannot run program', 'gopls: no such file or directory', 'gopls: No such file or directory'],
    test: /could not find ['"]?gopls\b|\bgopls not found\b|['"]gopls(?:\.exe)?['"] is not recognized|\bgopls(?:\.exe)?: (?:command )?not found|\bgopls(?:\.exe)?\\?"? (?:of [\w.-]+ )?is not executable|not found: (?:\S*[/\\])?gopls(?:\.exe)?\b|spawn \S*gopls(?:\.exe)? ENOENT|Spawning language server with cmd: [^\n]{0,200}\bgopls\b[^\n]{0,200} failed|Command \\?"gopls\\?" is not present on the path|exec: \\?"gopls(?:\.exe)?\\?": executable file not found|The \\?"gopls\\?" command is not available|\bgopls is not found\. Please make sure|Cannot find the alternate tool \S+ configured for gopls|Cannot run program \\?"(?:\S*[/\\])?gopls(?:\.exe)?\\?"|(?:fork\/exec |^|\s)\S*\/gopls(?:\.exe)?: [Nn]o such file or directory/,
    says: 'the editor could not find or execute the gopls binary it was told to use',
  },
  {
    id: 'no-views',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'error',
    confidence: 0.75,
    needles: ['no views'],
    test: /\bno views\b/,
    says: 'gopls answered "no views": it has no build (module or GOPATH) for the workspace, so every request on a file fails',
  },
  {
    id: 'no-modules-in-workspace',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.75,
    // gopls's workspace notice: "gopls was not able to find modules in your workspace. When
    // outside of GOPATH, gopls needs to know which modules you are working on."
    needles: ['not able to find modules in your workspace', 'needs to know which modules you are working on', 'requires a module at the root of your workspace'],
    says: 'gopls found no module in the workspace: the folder opened is not inside a module and there is no go.work',
  },
  {
    id: 'modules-disabled',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.8,
    // go: modules disabled by GO111MODULE=off; "modules disabled by GO111MODULE=auto in GOPATH/src".
    // Also GOPATH mode told otherwise: "cannot use path@version syntax in GOPATH mode", "go: warning:
    // ignoring go.mod in $GOPATH …" (cmd/go modload/init.go), "build flag -mod=mod only valid when using modules".
    needles: ['modules disabled by GO111MODULE', 'go.mod exists but should not', 'syntax in GOPATH mode', 'ignoring go.mod in', 'only valid when using modules'],
    says: 'the go command runs with modules disabled (GO111MODULE=off, or auto inside GOPATH/src) or with a go.mod where GOPATH mode expects none',
  },
  {
    id: 'outside-modules',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.75,
    // "directory . outside modules listed in go.work or their selected dependencies", "directory x is
    // outside main module or its selected dependencies", "…is not in the main module".
    needles: ['outside modules listed in go.work', 'outside main module', 'outside available modules', 'is not in the main module', 'outside the main module'],
    says: 'the go command was run in a directory that is not part of the main module or the go.work',
  },
  {
    id: 'file-not-in-workspace',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // gopls's notices: "This file is within module X, which is not included in your workspace",
    // "No packages found for open file X", "This file is ignored by your gopls build".
    // Older gopls: "go/packages.Load: no packages found for /x/y_test.go".
    needles: ['which is not included in your workspace', 'No packages found for open file', 'is ignored by your gopls build', 'no packages found for'],
    says: 'gopls found no package for an open file: its module is not part of the workspace (or the file is excluded from the build)',
  },
  {
    id: 'package-not-found',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.45,
    // "package foo/bar is not in GOROOT (…)", "cannot find package \"x\" in any of:", "no required
    // module provides package x": an import nothing in the build provides.
    // go1.20+ says "package x/y is not in std (…)"; gopls "cannot find package %q in GOROOT or GOPATH".
    needles: ['is not in GOROOT', 'is not in std', 'cannot find package', 'no required module provides package', 'cannot find module providing package'],
    test: /package \S+ is not in (?:GOROOT|std)\b|cannot find package \\?"[^"]+\\?" in (?:any of|GOROOT)|no required module provides package|cannot find module providing package/,
    yieldsTo: ['go-toolchain-mismatch', 'tool-install-failed', 'vendor-mode-lookup', 'go-too-old-for-tools'],
    userCode: true,
    says: 'an import is provided by no module in the build (or by nothing in GOPATH in GOPATH mode)',
  },
  {
    id: 'no-view-for-file',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // Also gopls's "No active builds contain X: consider opening a new workspace folder containing
    // it" and "current file is not included in a workspace module" (lane accA): no view has the file,
    // which is also what a gopls that cannot run go says (go-missing explains it then).
    needles: ['no view for', 'No active builds contain', 'not included in a workspace module'],
    says: 'gopls found no build containing a file the editor opened ("no view for file")',
  },
  {
    id: 'workspace-load-failed',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'error',
    confidence: 0.7,
    // gopls 0.4–0.5: "Your workspace is misconfigured: go [-e -json …]: exit status 1: …".
    needles: ['rror loading workspace', 'initial workspace load failed', 'failed to load view for', 'Your workspace is misconfigured'],
    yieldsTo: ['go-missing', 'go-too-old'],
    says: 'gopls failed to load the workspace ("Error loading workspace" / "initial workspace load failed")',
  },
  {
    id: 'packages-load-error',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['packages.Load error'],
    yieldsTo: ['go-missing', 'workspace-load-failed'],
    says: 'go/packages.Load failed: the go command could not list the workspace packages',
  },
  {
    id: 'go-mod-not-found',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.5,
    needles: ['go.mod file not found', 'cannot find main module'],
    says: 'the go command found no go.mod at or above the directory gopls ran it in',
  },
  {
    id: 'inconsistent-vendoring',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    needles: ['inconsistent vendoring'],
    says: 'the vendor directory disagrees with go.mod (inconsistent vendoring)',
  },
  {
    id: 'gopls-built-unsupported',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.85,
    needles: ['not supported by this version of gopls'],
    test: /Gopls was built with Go version 1\.\d+, which is not supported/,
    says: 'gopls was built with a Go release this gopls no longer supports',
  },
  {
    id: 'go-too-old',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.85,
    needles: ['not supported by this version of gopls'],
    test: /Found Go version 1\.\d+, which is not supported/,
    says: 'the go command gopls runs is older than this gopls supports',
  },
  {
    id: 'go-too-old-for-tools',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.8,
    // The Go extension: "Failed to find a go command (go1.21.0 or newer) needed to install tools.
    // The go command (/usr/bin/go) is too old (go1.19.2)." Building gopls itself with an old go:
    // cmd/go's "go: golang.org/x/tools/gopls@v0.17.0 requires go >= 1.23.1 (running go 1.21.0;
    // GOTOOLCHAIN=local)", and a compile of x/tools's own sources failing on a standard package
    // that go lacks (".../golang.org/x/tools@v0.1.9/go/analysis/…/x.go:13:2: package go/build/constraint
    // is not in GOROOT (…)").
    needles: ['is too old (go', 'or newer) needed to install tools', 'golang.org/x/tools'],
    test: /go command \([^)]*\) is too old \(go[\d.]+|Failed to find a go command \(go[\d.]+ or newer\)|golang\.org\/x\/tools\/gopls@v[\w.-]+:? requires go >= ?[\d.]+|golang\.org\/x\/tools(?:\/gopls)?@v[^\s:/]*\/[^\s:]*\.go:\d+(?::\d+)?: package \S+ is not in (?:GOROOT|std)\b/,
    says: 'the go command is too old to build the Go tools (gopls among them), so they cannot be installed or updated',
  },
  {
    id: 'go-version-deprecated',
    classId: 'gopls-launch',
    severity: 'warning',
    confidence: 0.5,
    needles: ['will be unsupported by gopls'],
    says: 'the Go release in use will be unsupported by the next gopls',
  },
  {
    id: 'panic',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.85,
    needles: ['panic: '],
    // Go's runtime writes "panic: " at the start of a line; inside a JSON string it follows "\n".
    test: /(?:^|\\n|\] |"|<pre>)panic: /,
    says: 'gopls panicked and died (the stack is in the evidence)',
  },
  {
    id: 'fatal-out-of-memory',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.85,
    // The Go runtime on any OS ("fatal error: out of memory" on Windows, "failed to reserve page
    // summary memory" and "cannot reserve arena virtual address space" under ulimit -v,
    // "VirtualAlloc of 8192 bytes failed with errno=1455" when Windows' paging file is full), the
    // compiler's "file.go:1: out of memory", and ENOMEM in C's words (strerror's "Cannot allocate
    // memory", gcc's "virtual memory exhausted", cc1's "out of memory allocating 65536 bytes").
    // Also (lane limits) sysMap's "runtime: cannot map pages in arena address space" (mmap refused,
    // runtime/mem_linux.go), under a memory or address-space limit.
    needles: ['runtime: out of memory', 'annot allocate memory', 'fatal error: out of memory', 'failed to reserve page summary memory', ': out of memory', 'cannot reserve arena', 'VirtualAlloc of', 'virtual memory exhausted', 'out of memory allocating', 'cannot map pages in arena'],
    test: /runtime: out of memory|[Cc]annot allocate memory|fatal error: out of memory|failed to reserve page summary memory|cannot reserve arena|cannot map pages in arena address space|VirtualAlloc of \d+ bytes failed with errno=(?:1455|8)\b|virtual memory exhausted|out of memory allocating \d+ bytes|\.go:\d+: out of memory|^(?:[\w-]+: )?(?:[Ee]rror: )?out of memory\s*$/m,
    says: 'gopls (or the go command it ran) ran out of memory ("fatal error: runtime: out of memory")',
  },
  {
    id: 'fatal-error',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.8,
    needles: ['fatal error: '],
    test: /(?:^|\\n|\] |"|<pre>)fatal error: /,
    yieldsTo: ['fatal-out-of-memory', 'thread-create-failed'],
    says: 'the Go runtime in gopls hit a fatal error and the process died',
  },
  {
    id: 'killed-by-signal-dump',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'error',
    confidence: 0.7,
    needles: ['SIGABRT: abort', 'SIGQUIT: quit', 'SIGBUS: bus error'],
    says: 'gopls was killed by a signal and the Go runtime dumped its goroutines',
  },
  {
    id: 'go-command-killed',
    classId: 'memory-limit',
    role: 'symptom',
    symptom: 'killed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['signal: killed'],
    says: 'a go command gopls ran was killed ("signal: killed"), which is what the kernel\'s OOM killer looks like from outside',
  },
  {
    id: 'thread-create-failed',
    classId: 'process-limit',
    role: 'symptom',
    symptom: 'thread-create',
    severity: 'error',
    confidence: 0.85,
    needles: ['failed to create new OS thread'],
    // errno=1 (EPERM) is a seccomp or container policy, see thread-create-eperm. errno=12 (ENOMEM)
    // stays here: clone(2) answers ENOMEM for an exhausted pid space too (alloc_pid), not only for memory.
    test: /failed to create new OS thread(?![^\n]*errno=1\b)/,
    says: 'the Go runtime could not create a thread: a process or thread limit was reached',
  },
  {
    id: 'eagain',
    classId: 'process-limit',
    role: 'symptom',
    symptom: 'thread-create',
    severity: 'error',
    confidence: 0.7,
    needles: ['esource temporarily unavailable'],
    yieldsTo: ['thread-create-failed'],
    says: 'fork or clone failed with "resource temporarily unavailable" (EAGAIN): a process or thread limit was reached',
  },
  // --- memory, processes, policies: the kernel's and the runtime's own words ---
  {
    id: 'kernel-oom-kill',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.9,
    // mm/oom_kill.c: "Out of memory: Killed process 123 (gopls) total-vm:…", "Memory cgroup out of
    // memory: Killed process …", "oom-kill:constraint=CONSTRAINT_MEMCG,…,task=gopls,pid=123",
    // "X invoked oom-killer: gfp_mask=…", "oom_reaper: reaped process 123 (x)".
    // Userspace killers too: "systemd-oomd[840]: Killed /user.slice/… due to memory pressure",
    // and the memcg report's "memory: usage 30720kB, limit 30720kB, failcnt 12".
    needles: ['out of memory: Kill', 'Out of memory: Kill', 'oom-kill:', 'invoked oom-killer', 'oom_reaper: reaped process', 'systemd-oomd', 'earlyoom', ', failcnt '],
    test: /(?:Out of memory|Memory cgroup out of memory): Kill(?:ed)? process \d+|oom-kill:constraint=|invoked oom-killer:|oom_reaper: reaped process \d+|systemd-oomd[^\n]*(?:Killed|killed \d+ process)|earlyoom[^\n]*(?:sending SIG|[Kk]illing)|memory: usage \d+kB, limit \d+kB, failcnt [1-9]/,
    says: "the kernel's OOM killer killed a process (a memory cgroup or the machine ran out of memory)",
  },
  {
    id: 'process-killed',
    classId: 'memory-limit',
    role: 'symptom',
    symptom: 'killed',
    severity: 'warning',
    confidence: 0.5,
    // SIGKILL seen from outside: bash's "line 1: 40423 Killed   cmd" and a lone "Killed", exit
    // code 137 (128+9), gcc's "internal compiler error: Killed (program cc1)".
    needles: ['Killed', 'code 137', 'status 137'],
    test: /^\s*Killed\s*$|\b\d+ Killed\s{2,}\S|\b(?:exit(?:ed)? (?:with )?(?:code|status)|exit code|code) 137\b|internal compiler error: Killed \(program|Killed signal terminated program/m,
    yieldsTo: ['kernel-oom-kill'],
    says: 'a process was killed with SIGKILL (exit code 137 / "Killed"), which is what the OOM killer looks like from outside',
  },
  {
    id: 'container-oom-killed',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.85,
    // Kubernetes "Reason: OOMKilled", Docker's "OOMKilled": true, OpenShift's "killed due to an out
    // of memory condition": the container's memory limit.
    needles: ['OOMKilled', 'out of memory condition'],
    test: /\bOOMKilled\b(?!"?:\s*false)|killed due to an out of memory condition/,
    says: "a container was killed for exceeding its memory limit (OOMKilled)",
  },
  {
    id: 'pids-fork-rejected',
    classId: 'process-limit',
    severity: 'error',
    confidence: 0.9,
    // kernel/cgroup/pids.c: "cgroup: fork rejected by pids controller in /user.slice/…".
    needles: ['fork rejected by pids controller'],
    says: "the kernel's pids controller refused a fork: the cgroup's pids.max was reached",
  },
  {
    id: 'thread-create-eperm',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.8,
    // runtime: failed to create new OS thread (have 2 already; errno=1); pthread_create failed:
    // Operation not permitted; strace's clone3(…) = -1 EPERM; glibc's "thread failed to start".
    // EPERM, not EAGAIN: a seccomp filter or container runtime refused clone, not a limit.
    needles: ['errno=1)', 'EPERM', 'thread failed to start', 'ermission denied', 'ot permitted'],
    test: /failed to create new OS thread[^\n]*errno=1\b|(?:pthread_create|clone3?|newosproc)[^\n]*(?:EPERM|Operation not permitted|operation not permitted)|thread failed to start/,
    yieldsTo: ['thread-create-failed', 'eagain'],
    says: 'creating a thread was refused with EPERM: a seccomp profile or the container runtime forbids clone/clone3 (older Docker with newer glibc), not a process limit',
  },
  {
    id: 'exec-eperm',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.7,
    // fork/exec ./debug: operation not permitted (delve in a container), ptrace: Operation not
    // permitted, execve(…) = -1 EPERM: a seccomp profile, a MAC policy or a container runtime.
    needles: ['ot permitted', 'EPERM'],
    // Bounded spans: unbounded ones backtracked cubically (0.9 s on a 4 KB line of "fork/exec ").
    test: /fork\/exec [^:\n]{0,300}:\s*(?:EPERM|[Oo]peration not permitted)|(?:ptrace(?:\([^)\n]{0,300}\))?|execve?(?:\([^)\n]{0,300}\))?|exec format)[^\n]{0,300}?(?::|=\s*-1)\s*(?:EPERM|[Oo]peration not permitted)/,
    says: 'executing or tracing a program was refused with EPERM (operation not permitted): a seccomp profile, a MAC policy or the container runtime forbids it',
  },
  {
    id: 'seccomp-new-syscall',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // A container runtime's seccomp profile older than the libc inside: close_range, clone3,
    // faccessat2, statx, openat2, pidfd_* return EPERM ("close_range: Operation not permitted").
    needles: ['ot permitted', 'EPERM'],
    test: /\b(?:clone3|close_range|faccessat2|statx|openat2|pidfd_\w+|epoll_pwait2|io_uring_setup|membarrier|landlock_\w+|rseq)\b[^\n]*(?:Operation not permitted|operation not permitted|EPERM)/,
    yieldsTo: ['thread-create-eperm'],
    says: 'a system call newer than the sandbox\'s seccomp profile was refused with EPERM (an old container runtime or profile)',
  },
  {
    id: 'shared-object-map-denied',
    classId: 'noexec-mount',
    severity: 'error',
    confidence: 0.75,
    // dlopen of a library extracted to /tmp: "…/libx.so: failed to map segment from shared object".
    needles: ['failed to map segment from shared object'],
    yieldsTo: ['ld-preload-leak'],
    says: 'a shared library could not be mapped executable ("failed to map segment from shared object"): the directory it was written to is mounted noexec',
  },
  {
    id: 'shell-exec-denied',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.55,
    // Executing a file refused with EACCES, as shells, make, sudo and kernels say it:
    // "bash: ./tool: Permission denied", "/bin/sh: 1: scripts/x: Permission denied",
    // "execvp: /x: Permission denied", "unable to execute ./x: Permission denied", "bad interpreter: Permission denied".
    needles: ['ermission denied'],
    // The thing executed is a path (has a slash); "bash: cd: /x: Permission denied" is a directory.
    test: /(?:^|\s)-?(?:\/\S*\/)?(?:ba|z|da|k|fi)?sh(?:: line \d+)?(?:: \d+)?: \.{0,2}\/?[^\s:]*\/[^\s:]*: Permission denied|^\S+: line \d+: [^\s:]+: Permission denied|execvp: [^:\n]+: Permission denied|unable to execute [^:\n]+: Permission denied|bad interpreter: Permission denied/m,
    yieldsTo: ['exec-permission-denied', 'gopls-exec-denied', 'container-path-denied', 'shell-system-exec-denied'],
    says: 'executing a file was refused with "permission denied": a noexec mount (or a file without its execute bit)',
  },
  {
    id: 'noexec-listed',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.55,
    // noexec among a mount's options, wherever mounts are written down: `mount` ("tmpfs on /tmp
    // type tmpfs (rw,noexec)"), findmnt and /proc/self/mountinfo option lists, an /etc/fstab line,
    // Docker's `--tmpfs /tmp:rw,noexec`, `mount -o remount,noexec`, and the words ("/tmp is mounted
    // noexec"). /proc, /sys, /dev and the kernel's pseudo file systems are always noexec and say
    // nothing about where a build runs: a full `mount` listing has them.
    needles: ['noexec'],
    test: /^(?![^\n]*(?:\son \/(?:(?:proc|sys)(?:\/\S*)?|dev(?:\/pts|\/mqueue|\/hugepages)?|run(?:\/lock)?)\s|^\s*\/(?:proc|sys)\S*\s|\s(?:proc|sysfs|devpts|mqueue|cgroup2?|securityfs|debugfs|tracefs|pstore|bpf|configfs|hugetlbfs|efivarfs|fusectl|binfmt_misc)\s))[^\n]*?(?:\bon \S+ type \S+ \([^)]*\bnoexec\b|^\s*(?:\S+\s+){0,5}\(?(?:rw|ro|defaults),(?:[\w=:.-]+,)*noexec\b|^\s*\S+\s+\/\S*\s+\w+\s+(?:[\w=:.-]+,)*noexec\b|--tmpfs[ =]\S*:\S*\bnoexec\b|-o\s*\S*\bnoexec\b|\b(?:mounted|mount(?:ed)? (?:with|as)|is|are) (?:with )?['"`]?noexec\b|\bnoexec\b['"`]? (?:mount|option|flag|partition|file ?system))/,
    says: 'a file system is mounted noexec: nothing written there can be executed',
  },
  {
    id: 'exec-permission-denied',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'error',
    confidence: 0.8,
    needles: ['ermission denied'],
    test: /fork\/exec [^:]*: permission denied/i,
    yieldsTo: ['system-exec-denied', 'gopls-exec-denied'],
    says: 'executing a freshly built binary failed with "fork/exec …: permission denied", the mark of a noexec mount',
  },
  {
    id: 'permission-denied',
    classId: 'fs-access',
    role: 'symptom',
    symptom: 'access-denied',
    severity: 'warning',
    confidence: 0.5,
    needles: ['ermission denied'],
    yieldsTo: ['exec-permission-denied', 'selinux-avc-denied', 'apparmor-denied', 'build-cache-unusable', 'thread-create-eperm', 'shell-exec-denied', 'program-exec-denied', 'ownership-change-eacces', 'apparmor-profile-denied', 'sandbox-namespace-denied', 'system-exec-denied', 'exec-refused-more', 'shared-storage-exec', 'cwd-stat-denied', 'go-file-refused', 'go-work-dir-failed', 'runtime-eperm', 'container-path-denied', 'proc-self-denied', 'ldso-text-reloc-denied', 'chromium-sandbox-refused', 'shell-system-exec-denied', 'toolkit-spawn-refused', 'snap-cwd-refused'],
    says: 'a file operation was refused with "permission denied"',
  },
  {
    id: 'inotify-enospc',
    classId: 'file-watch',
    severity: 'error',
    confidence: 0.85,
    needles: ['o space left on device', 'ENOSPC', 'Inotify limit reached', 'file watchers reached', 'limit reached'],
    // inotify_add_watch (fsnotify, systemd, dune), node's fs.watch ("ENOSPC: System limit for
    // number of file watchers reached, watch '/x'", libuv's "watch /x ENOSPC"), "could not watch".
    test: /(?:inotify|watch|fsnotify)[^\n]*(?:no space left on device|ENOSPC)|(?:no space left on device|ENOSPC)[^\n]*\bwatch|limit for number of file watchers reached|Inotify limit reached|watch(?:er)?[^\n]*(?:system |user )?limit reached/i,
    nearWatcher: /no space left on device|ENOSPC/i,
    says: 'inotify_add_watch failed with ENOSPC: the inotify watch limit (fs.inotify.max_user_watches) is exhausted',
  },
  {
    id: 'inotify-emfile',
    classId: 'file-watch',
    severity: 'error',
    confidence: 0.8,
    needles: ['oo many open files', 'EMFILE'],
    test: /(?:inotify|watch|fsnotify)[^\n]*(?:too many open files|EMFILE)|(?:too many open files|EMFILE)[^\n]*\bwatch/i,
    nearWatcher: /too many open files|EMFILE/i,
    says: 'inotify failed with EMFILE: the inotify instance limit (fs.inotify.max_user_instances) is exhausted',
  },
  {
    id: 'too-many-open-files',
    classId: 'file-watch',
    severity: 'warning',
    confidence: 0.4,
    needles: ['oo many open files'],
    yieldsTo: ['inotify-emfile'],
    says: 'an open failed with "too many open files" (EMFILE), usually file watchers holding descriptors',
  },
  {
    id: 'watch-unable',
    classId: 'file-watch',
    severity: 'warning',
    confidence: 0.6,
    // VS Code's two notifications: "…is unable to watch for file changes in this large workspace"
    // (ENOSPC) and the older "Visual Studio Code is running out of file handles" (EMFILE).
    needles: ['unable to watch for file changes', 'is running out of file handles'],
    says: 'the editor reported it is unable to watch for file changes in this workspace',
  },
  {
    id: 'no-space-left',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.8,
    needles: ['o space left on device', 'ENOSPC'],
    test: /no space left on device|\bENOSPC\b/i,
    yieldsTo: ['inotify-enospc'],
    says: 'a write failed with "no space left on device" (out of blocks or inodes)',
  },
  {
    id: 'read-only-fs',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.8,
    needles: ['ead-only file system'],
    says: 'a write failed with "read-only file system"',
  },
  {
    id: 'nfs-no-locks',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.8,
    // ENOLCK from flock/fcntl on NFS without lockd (the go command locks the module and build caches).
    needles: ['o locks available', 'ENOLCK'],
    test: /no locks available|\bENOLCK\b/i,
    says: 'a file lock was refused with "no locks available" (ENOLCK): the cache or module directory is on a network file system without working locks',
  },
  {
    id: 'stale-file-handle',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.7,
    needles: ['tale file handle', 'tale NFS file handle', 'ESTALE'],
    test: /stale (?:NFS )?file handle|\bESTALE\b/i,
    says: 'a file operation failed with "stale file handle" (ESTALE): a network file system lost the file under the tools',
  },
  {
    id: 'quota-exceeded',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    // EDQUOT, EFBIG and other "full" file systems: "disk quota exceeded", "file system is full".
    needles: ['quota exceeded', 'EDQUOT', 'ystem is full', 'ystem full'],
    test: /disk quota exceeded|\bEDQUOT\b|file ?system (?:is )?full/i,
    says: 'a write failed because the file system or the user\'s quota is full',
  },
  {
    id: 'build-cache-unusable',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.85,
    // go: "failed to initialize build cache at /x: mkdir /x: permission denied", "go: disabling
    // cache (/x) due to initialization failure: …". Without HOME it is home-unset's.
    needles: ['failed to initialize build cache', 'due to initialization failure'],
    yieldsTo: ['read-only-fs', 'no-space-left'],
    says: 'the go command cannot use its build cache (GOCACHE is not writable)',
  },
  {
    id: 'home-unset',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.85,
    // The process was started without HOME (a service, cron, a CI step, a stripped launcher env):
    // Go's os.UserHomeDir "$HOME is not defined", os.UserCacheDir "neither $XDG_CACHE_HOME nor
    // $HOME are defined" (cmd/go: "build cache is required, but could not be located: GOCACHE is
    // not defined and neither …") and os.UserConfigDir's XDG_CONFIG_HOME twin. cmd/go's "neither
    // GOMODCACHE nor GOPATH is set" is gopath-invalid's (same class).
    needles: ['$HOME is not defined', 'nor $HOME are defined'],
    says: 'the process was started without HOME, so go has no default build cache, GOPATH or module cache',
  },
  {
    id: 'module-cache-create',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    needles: ['could not create module cache'],
    says: 'the go command could not create the module cache',
  },
  {
    id: 'selinux-avc-denied',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.8,
    // The kernel's audit record, and setroubleshoot's summary of it ("SELinux is preventing X from …").
    needles: ['avc:  denied', 'avc: denied', 'SELinux is preventing'],
    says: 'SELinux denied an operation ("avc: denied")',
  },
  {
    id: 'apparmor-denied',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.8,
    // Also (lane limits) the record with its quotes stripped or JSON-escaped, as pastes and log
    // shippers leave it (apparmor=DENIED, apparmor=\"DENIED\").
    needles: ['apparmor="DENIED"', 'apparmor=DENIED', 'apparmor=\\"DENIED'],
    says: 'AppArmor denied an operation (apparmor="DENIED")',
  },
  {
    id: 'tool-install-failed',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    // A failed install says nothing about why (permissions, network, an old go): a cause beside it comes first.
    confidence: 0.45,
    // The Go extension's tool installer: "Installing golang.org/x/tools/gopls@latest FAILED",
    // "1 tools failed to install.", "Failed to install gopls"; go install's "go: … : … failed".
    // coc.nvim's "Failed to install 'gopls'", zed's "cannot install gopls", a failed `go get/install …gopls`.
    // Also any failure that names gopls's own module path (an ansible loop, `go get` in GOPATH mode).
    // vim-go: "Error installing golang.org/x/tools/cmd/gopls: …".
    needles: ['FAILED', 'failed to install', 'Failed to install', 'cannot install', 'Command failed', 'golang.org/x/tools/gopls', 'golang.org/x/tools/cmd/gopls', 'Error installing'],
    yieldsTo: ['go-binary-not-found'],
    test: /\bfailed\b[^\n]*golang\.org\/x\/tools\/(?:cmd\/)?gopls|golang\.org\/x\/tools\/(?:cmd\/)?gopls\b[^\n]*(?:\bfailed\b|cannot find package|: not found)|Installing \S+ (?:\([^)]*\) )?FAILED|\d+ tools? failed to install|[Ff]ailed to install (?:the )?(?:tools?|gopls|['"]?\w[\w.-]*['"]?(?:\s|$)|\S+@)|cannot install gopls|Error installing \S*gopls|Command failed: [^\n]*\bgo(?:\.exe)? (?:get|install) [^\n]*gopls/,
    says: 'installing a Go tool (gopls or another) failed, so the editor runs without it or with an old copy',
  },
  {
    id: 'gopls-bad-command',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.8,
    // gopls's own CLI rejecting its arguments: "gopls: Unknown command go.goroot", "flag provided
    // but not defined: -x" — go.languageServerFlags or go.alternateTools hands it something else.
    needles: ['gopls: Unknown command', 'gopls: unknown command', 'flag provided but not defined'],
    test: /gopls: [Uu]nknown command|flag provided but not defined: -/,
    says: 'gopls refused the command line it was started with (an unknown command or flag from go.languageServerFlags or the settings), so it never serves',
  },
  {
    id: 'gopls-shell-crash',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.75,
    // A shell's report of gopls dying: "[1] 1578 segmentation fault  gopls", "Illegal instruction (core dumped) gopls".
    needles: ['egmentation fault', 'llegal instruction', 'llegal hardware instruction', 'us error'],
    test: /(?:segmentation fault|illegal (?:hardware )?instruction|bus error)(?:\s*\(core dumped\))?\s+(?:\S*\/)?gopls\b|gopls[^\n]*(?:segmentation fault|illegal (?:hardware )?instruction)/i,
    says: 'gopls itself crashed with a signal (segmentation fault or illegal instruction) as soon as it ran: a broken or foreign-architecture binary',
  },
  {
    id: 'server-init-failed',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    confidence: 0.65,
    // vscode-languageclient: "The gopls server failed to initialize.", "gopls client: couldn't create
    // connection to server.", the Go extension's "Error starting language server".
    needles: ['server failed to initialize', "couldn't create connection to server", 'Error starting language server', 'Starting client failed', 'failed to start', 'Failed to start language server', 'Unable to start subprocess'],
    test: /server failed to initialize|couldn't create connection to server|Error starting language server|Starting client failed|(?:server|LSP server|language server)? ?"?gopls"? failed to start|Failed to start language server "?gopls|Unable to start subprocess for gopls/,
    says: 'the editor could not start or initialize gopls',
  },
  {
    id: 'crash-loop',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'error',
    confidence: 0.85,
    needles: ['times in the last 3 minutes'],
    says: 'the language server crashed repeatedly and the editor stopped restarting it',
  },
  {
    id: 'connection-closed',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    // The line says the server died and nothing about why: the weakest evidence in a log, so any
    // warning-level cause found beside it comes first (issue 11), and alone it still names the class.
    confidence: 0.3,
    needles: ['Connection to server got closed'],
    yieldsTo: ['crash-loop'],
    says: 'the connection to gopls closed unexpectedly (the server died and was restarted)',
  },
  // ---- env-inheritance, gopls-launch and module-resolution families (lane accA): keep this
  // block together. Each names the upstream source of its words.
  {
    id: 'go-tool-missing',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // A Go tool other than gopls that the editor cannot find: the Go extension's 'The "dlv" command
    // is not available. Run "go install …" to install.' (goInstallTools.ts promptForMissingTool; the
    // older extension said 'Use "go get -v …"'), "X is not found. Please make sure it is installed and
    // available in the PATH …", 'Cannot find Delve debugger. … ensure it is in your "GOPATH/bin" or
    // "PATH"', vim-go's "could not find 'x'. Run :GoInstallBinaries", os/exec's exec: "x": executable
    // file not found. The tools live in GOBIN or GOPATH/bin, which the editor's PATH often lacks.
    needles: ['command is not available', 'is not found. Please make sure', 'Cannot find Delve debugger', 'Run :GoInstallBinaries'],
    test: /The \\?"(?!gopls\\?")[\w.-]+\\?" command is not available|(?:^|\s)(?!gopls\b)[\w.-]+ is not found\. Please make sure it is installed|Cannot find Delve debugger|could not find '(?!gopls')[\w.-]+'\. Run :GoInstallBinaries/,
    yieldsTo: ['gopls-not-found'],
    says: 'the editor could not find a Go tool it uses (installed into GOBIN or GOPATH/bin, which the PATH the editor was started with lacks, or never installed)',
  },
  {
    id: 'gopath-invalid',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go (cfg, modload, modfetch): "$GOPATH not set. For more details see: 'go help gopath'",
    // "cannot download, $GOPATH not set", "missing $GOPATH", "GOPATH entry is relative; must be absolute
    // path", "GOPATH entry cannot start with shell metacharacter '~'", "warning: GOPATH set to GOROOT
    // (…) has no effect", "cannot set GOROOT as GOPATH", "both GOPATH and GOROOT are the same directory",
    // "GOMODCACHE entry is relative", "module cache not found: neither GOMODCACHE nor GOPATH is set".
    needles: ['$GOPATH not set', 'missing $GOPATH', 'GOPATH entry is relative', 'GOPATH entry cannot start', 'GOPATH set to GOROOT', 'cannot set GOROOT as GOPATH', 'GOPATH and GOROOT are the same directory', 'GOMODCACHE entry is relative', 'neither GOMODCACHE nor GOPATH is set'],
    explains: ['module-resolution'],
    says: 'GOPATH (or GOMODCACHE) as the tools received it is unset, relative or the same as GOROOT: the editor was started without the environment the shell sets up',
  },
  {
    id: 'go-env-invalid',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // cmd/go refuses to run at all: "go: parsing $GOFLAGS: non-flag …" / "unknown flag -x", "go: unknown
    // environment setting GO111MODULE=…", "invalid GOTOOLCHAIN …", "cmd/go: unsupported GOOS/GOARCH pair
    // x/y", "go: cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set".
    needles: ['parsing $GOFLAGS', 'unknown environment setting GO111MODULE', 'invalid GOTOOLCHAIN', 'unsupported GOOS/GOARCH pair'],
    explains: ['module-resolution'],
    says: 'the go command rejects a variable of the environment it was started with (GOFLAGS, GO111MODULE, GOTOOLCHAIN or GOOS/GOARCH), so every go command fails',
  },
  {
    id: 'sandboxed-editor',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // The Flatpak editors' own notice (flathub com.visualstudio.code, VSCodium, the JetBrains wrappers:
    // "This version is running inside a container and is therefore not able to access SDKs on your
    // host system!"), their advice to use flatpak-spawn --host or the golang SDK extension.
    needles: ['not able to access SDKs on your host', 'inside a container and is therefore not able', 'flatpak-spawn --host', 'Sdk.Extension.golang', 'FLATPAK_ENABLE_SDK'],
    says: 'the editor runs in a Flatpak sandbox: go, gopls and the rest of the host are not visible to it unless an SDK extension or flatpak-spawn provides them',
  },
  {
    id: 'foreign-target-env',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // Not screened by needles: the analyzer compares GOOS/GOARCH with GOHOSTOS/GOHOSTARCH over the
    // lines of a `go env` listing (goEnvListing.ts).
    needles: [],
    says: 'go env shows GOOS/GOARCH set to another target than the host (GOHOSTOS/GOHOSTARCH): programs built for run, test and debug cannot execute here',
  },
  {
    id: 'goroot-bin-not-on-path',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // Not screened by needles: the Go extension's "Checking configured tools...." listing names GOROOT
    // and the PATH it hands to its tools; the analyzer checks GOROOT/bin is on it (goEnvListing.ts).
    needles: [],
    says: "the PATH the Go extension hands its tools lacks GOROOT/bin: gopls and the tools that run `go` find another go, or none",
  },
  {
    id: 'gopls-binary-broken',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.75,
    // The loader or the kernel refusing the gopls binary itself: "gopls: error while loading shared
    // libraries: …", "cannot execute binary file: Exec format error", "fork/exec …/gopls: exec format error".
    // Also the macOS kernel's "CODE SIGNING: process 4159[gopls]: rejecting invalid page" (it SIGKILLs
    // the binary at launch), and the runtime's own aborts before any Go code runs (runtime/asm_*.s
    // badmorestackg0: "fatal: morestack on g0"; signal_unix.go: "fatal: bad g in signal handler").
    needles: ['error while loading shared libraries', 'cannot execute binary file', 'xec format error', 'CODE SIGNING', 'fatal: morestack on g', 'fatal: bad g in signal handler'],
    test: /gopls(?:\.exe)?: error while loading shared libraries|gopls(?:\.exe)?: cannot execute binary file|gopls(?:\.exe)?: [Ee]xec format error|CODE SIGNING: [^\n]{0,200}\[gopls\]|^fatal: (?:morestack on g(?:0|signal)|bad g in signal handler)/,
    says: 'the gopls binary itself cannot be loaded or executed (damaged, built for another architecture, or missing its libraries)',
  },
  {
    id: 'server-lost',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    confidence: 0.5,
    // Clients saying the server is gone, without why: the Go extension's "The language server is not
    // able to serve any features. Initialization failed: …" and "The connection to gopls has been
    // closed. The gopls server may have crashed." (goLanguageServer.ts), "Error communicating with the
    // language server", vscode-languageclient's "Server initialization failed.", "Connection to server
    // is erroring. Shutting down server.", "Pending response rejected since connection got disposed",
    // "Request initialize failed with message: …", Neovim's "Client gopls quit with exit code 2 and
    // signal 0", lsp-mode's "Server gopls:1234/starting exited".
    needles: ['not able to serve any features', 'The connection to gopls has been closed', 'Error communicating with the language server', 'Server initialization failed', 'Connection to server is erroring', 'connection got disposed', 'Request initialize failed', 'quit with exit code', 'Server gopls'],
    test: /not able to serve any features|The connection to gopls has been closed|Error communicating with the language server|Server initialization failed|Connection to server is erroring|connection got disposed|Request initialize failed|Client \S+ quit with exit code [1-9]\d* and signal|Client \S+ quit with exit code \d+ and signal [1-9]|Server gopls\S* exited/,
    yieldsTo: ['server-init-failed', 'crash-loop'],
    says: 'the editor lost its gopls: the server did not initialize or its connection broke (the client does not say why)',
  },
  {
    id: 'not-in-module',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.7,
    // gopls before 0.7: "You are neither in a module nor in your GOPATH…", "You are in module mode,
    // but you are not inside of a module", "Your workspace root is X, but your module root is Y";
    // gopls now: "no go.mod file found for X"; cmd/go: "go:
    // cannot determine module path for source directory X (outside GOPATH, module path must be
    // specified)", "go: no go.work file found".
    // gopls's "go env for" header "(valid build configuration = false)": the very condition under
    // which it showed "neither in a module nor in your GOPATH".
    needles: ['valid build configuration = false', 'neither in a module nor in your GOPATH', 'but you are not inside of a module', 'but your module root is', 'no go.mod file found for', 'cannot determine module path for source directory', 'no go.work file found'],
    yieldsTo: ['outside-module-and-gopath'],
    says: 'the open folder or file is in no module gopls or go can use (no go.mod at or above it, or a go.work that leaves it out)',
  },
  {
    id: 'go-mod-invalid',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go modload: "go: errors parsing go.mod:\n…:3: unknown directive: x", "error loading go.mod",
    // "invalid go version '1.21.0': must match format 1.23", "missing module declaration", "module
    // declares its path as: a but was required as: b", "cannot load module x listed in go.work file",
    // "module x appears multiple times in workspace", "conflicting replacements", "workspace module x
    // is replaced at all versions in the go.work file".
    needles: ['malformed module path', 'errors parsing go.', 'error loading go.', 'must match format', 'missing module declaration', 'module declares its path as', 'listed in go.work file', 'appears multiple times in workspace', 'conflicting replacements', 'is replaced at all versions'],
    test: /malformed module path|errors parsing go\.(?:mod|work)|error loading go\.(?:mod|work)|invalid go version '[^'\n]*': must match format|missing module declaration|module declares its path as|cannot load module \S+ listed in go\.work file|appears multiple times in workspace|conflicting replacements|is replaced at all versions in the go\.work/,
    says: 'go.mod or go.work cannot be used as written (a parse error, a module path that disagrees, a go.work naming modules it cannot load)',
  },
  {
    id: 'vendor-mode-lookup',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go modload with -mod=vendor or -mod=readonly (set, or from GOFLAGS): "cannot find module
    // providing package x: import lookup disabled by -mod=vendor\n\t(Go version in go.mod is at least
    // 1.14 and vendor directory exists.)", "module lookup disabled by -mod=…", "cannot query module due
    // to -mod=…", "can't resolve module using the vendor directory", "directory x is not a package
    // listed in vendor/modules.txt", "go: updates to go.mod needed, disabled by -mod=readonly", "go:
    // updates to go.mod needed; to update it:\n\tgo mod tidy", "-mod may only be set to readonly or
    // vendor when in workspace mode".
    needles: ['lookup disabled by -mod=', 'cannot query module due to -mod=', 'resolve module using the vendor directory', 'listed in vendor/modules.txt', 'should be required explicitly in go.mod', 'needed, disabled by -mod=', 'updates to go.mod needed', '-mod may only be set to', 'vendor directory exists'],
    yieldsTo: ['go-toolchain-mismatch'],
    says: 'the go command runs with -mod=vendor or -mod=readonly (set, or from GOFLAGS) and the vendor directory or go.mod does not have what the build needs',
  },
  {
    id: 'module-lacks-package',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.5,
    // cmd/go modload: "main module (x) does not contain package x/y", "module x@v found, but does not
    // contain package x/y", "ambiguous import: found package x in multiple modules", "module x provides
    // package y and is replaced but not required".
    needles: ['does not contain package', 'ambiguous import: found package', 'and is replaced but not required'],
    yieldsTo: ['go-toolchain-mismatch'],
    says: 'the module graph does not provide an imported package where the import path says (a wrong module path, a replace without a require, or two modules with the same package)',
  },
  {
    id: 'command-not-on-path',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // A shell that could not find a program on the PATH it was given (bash: "line 1: cargo: command
    // not found", dash: "/bin/sh: 1: npm: not found", exit status 127), and VS Code's task terminal:
    // 'The terminal process "/bin/sh '-c', 'x'" failed to launch (exit code: 127).' Run by an editor,
    // a task or a CI runner, the PATH is the one its launcher exported, not the login shell's.
    needles: ['command not found', ': not found', 'exit code: 127'],
    test: /\b[\w.+-]+: command not found|sh: (?:line )?\d+: [\w.+-]+: not found|failed to launch \(exit code: 127\)/,
    // (lane envmod: zsh's "zsh:1: command not found: go" and gvm's hook are said better by its rules.)
    yieldsTo: ['go-binary-not-found', 'gopls-not-found', 'go-tool-missing', 'go-not-found-shells', 'gopls-not-found-shells', 'go-shim-no-version', 'shim-no-version'],
    says: 'a program was not found on the PATH the process was started with (a launcher, task runner or CI runner that did not export the login shell\'s PATH)',
  },
  {
    id: 'no-packages-matched',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go: 'go: warning: "./..." matched no packages' and "can't load package: package x: no Go
    // files in /dir": the go command ran in a folder (the one opened) that holds no package.
    needles: ['matched no packages', 'no Go files in'],
    says: 'the go command found no package where it ran (the folder opened is not the module or package root)',
  },
  // ---- end of lane accA's block
  // ---- gopls-launch in other clients' words (lane launch): keep this block together. A log
  // written without VS Code has no "Connection to server got closed" line; what says the server
  // died is the client's own sentence, or the kernel's. Each rule names the upstream source of its
  // words. Symptoms (warnings) unless the words themselves say the binary is missing or crashed on
  // its own, so a cause found beside them (a memory or task limit, a missing go) still comes first:
  // their confidence (0.38) sits below every warning-level cause rule's (0.4 and up), so even a
  // cause none of them lists in explain.ts (a permission, a go.mod) outranks them.
  {
    id: 'server-exited',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    confidence: 0.38,
    // The client saw the server process end with a failure, in its own words:
    // vscode-languageclient (client/src/node/main.ts): "Server process exited with code 2." /
    // "… with signal SIGSEGV." (code 0 is "exited successfully"; SIGTERM/SIGINT/SIGHUP are stops);
    // jsonrpc.el under eglot: "[jsonrpc] Server exited with status 2", eglot: "Reconnecting after
    // unexpected server exit." / "Not auto-reconnecting, last one didn't last long.", and the error
    // jsonrpc.el hands every pending request when the process goes (:code -1 :message "Server
    // died"); lsp-mode's
    // process sentinel: "gopls has exited (exited abnormally with code 2)" (Emacs's event string);
    // lsp-bridge (core/lspserver.py): "--- Lsp server exited, exit code: 1"; vim-lsp (autoload/
    // lsp.vim s:on_exit, logged as JSON): ["s:on_exit",1,"gopls","exited",2]; atom-languageclient
    // and ide-go: "the gopls language server stopped unexpectedly"; Neovim (vim/lsp/handlers.lua):
    // "LSP[gopls] client has shut down after sending the message"; Zed's error buffer header
    // "Language server error: gopls" and its dropped request channel "oneshot canceled"; and any
    // tool's "gopls exited with code 2" / "gopls crashed" / "gopls terminated unexpectedly" (also
    // Sublime LSP's "gopls crashed (2 / 5 times …)"). Older Go servers (go-langserver, bingo,
    // gocode) count the same. vscode-jsonrpc's "Connection is closed." / "Connection is disposed."
    // and node's "write EPIPE" on a request: the client wrote to a server that was gone; its
    // "Error: Connection got disposed." thrown from handleConnectionClosed to pending requests.
    // vim-lsp's :LspStatus ("gopls: exited", "gopls: failed": autoload/lsp.vim s:server_status).
    // ALE's :ALEInfo command history: "(finished - exit code 2) ['/bin/bash', '-c', '''gopls''']".
    needles: ['exited', 'crashed', 'terminated', ' died', ' quit ', ' stopped ', 'unexpected server exit', "didn't last long", 'Server died', 'client has shut down after sending', 'Language server error: ', 'oneshot canceled', '(finished - exit code ', 'Connection is closed.', 'Connection is disposed.', 'Connection got disposed.', 'write EPIPE', ': failed'],
    test: new RegExp(
      [
        String.raw`Server process exited with code (?!0\b)-?\d+|Server process exited with signal (?!SIGTERM\b|SIGINT\b|SIGHUP\b)SIG[A-Z]+`,
        String.raw`\b(?:Server|EGLOT \([^\n]{0,200}?\)) exited with status [1-9]\d*`,
        String.raw`Reconnecting after unexpected server exit|Not auto-reconnecting, last one? didn't last long|:message "Server died"|\bServer died\b`,
        String.raw`\b${GO_LS}(?::\d+)?(?:\/\w+)? has exited \((?:exited abnormally with code [1-9]\d*|killed|terminated|aborted|[\w ]{0,40}\(core dumped\)|segmentation fault|bus error|illegal instruction|[\w ]{0,20}signal[^)\n]{0,40})\)`,
        String.raw`Lsp server exited, exit code: (?!0\b)-?\d+`,
        String.raw`"s:on_exit",\s*-?\d+,\s*"${GO_LS}[^"\n]{0,100}",\s*"exited",\s*(?!0\b|143\b)-?\d+`,
        String.raw`\b(?:${GO_LS}|[Gg]o) language server (?:has )?stopped unexpectedly|LSP\[(?:${GO_LS}|id=\d+)\] client has shut down after sending`,
        String.raw`^\W*Language server error: \S*${GO_LS}\b|\boneshot canceled\b`,
        String.raw`\bConnection is (?:closed|disposed)\.|\bConnection got disposed\.|\bwrite EPIPE\b`,
        String.raw`^\s*${GO_LS}(?:\.exe)?: (?:exited|failed)\s*$`,
        String.raw`\(finished - exit code (?!0\))-?\d+\) [^\n]{0,300}\b${GO_LS}\b`,
        String.raw`\b${GO_LS}(?:\.exe)?(?:\[\d+\]|:\d+)?(?: process| server| language server)? (?:has )?(?:exited|terminated|quit|stopped) (?:unexpectedly|abnormally|with (?:exit )?(?:code|status) (?!0\b)-?\d+|(?:with|by|due to|on) signal)`,
        String.raw`\b${GO_LS}(?:\.exe)?(?: process| server| language server)? (?:has |had |was )?(?:crashed|died)\b`,
      ].join('|'),
    ),
    yieldsTo: ['server-lost', 'crash-loop', 'connection-closed', 'gopls-shell-crash', 'gopls-kernel-crash', 'server-binary-missing'],
    says: 'the editor says its language server process ended with a failure (an exit code, a signal, "crashed", "unexpected server exit"); the client does not say why',
  },
  {
    id: 'server-start-failed',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    confidence: 0.38,
    // The client could not start the server, in its own words: vscode-languageclient 5's
    // "Couldn't start client gopls" and (client/src/node/main.ts) "Launching server using command
    // gopls failed."; the Go extension's "The extension was unable to start the language server."
    // (goLanguageServer.ts, after a usage error); coc.nvim's "Server languageserver.golang failed to
    // start: …" for any Go server id; Helix (helix-view editor.rs): "Failed to initialize the
    // language servers for `source.go` - `gopls` { … }" (older: "Failed to initialize the LSP for
    // `source.go` { … }"); Zed (crates/project lsp_store.rs, crates/lsp): "failed to start language
    // server \"gopls\": …", "failed to spawn command. path: \"…/gopls\" …"; and any client's
    // "Failed to start language server" / "could not start gopls". vscode-languageclient's stop on
    // a client whose start failed: "Client is not running and can't be stopped. It's current state
    // is: startFailed", and its restart after a lost connection failing: "Restarting client failed"
    // (handleConnectionClosed's start().catch). gopls's own -remote=auto dialer (gopls/internal/lsprpc/dialer.go): "failed to
    // start gopls daemon on unix;…", "failed to dial remote: …", "failed attempt #3 to connect to
    // remote", "socket … is owned by a different user". gopls printing its usage ("Usage: gopls
    // [flags] <command> …", older "gopls flags are:"): its command line was refused, which the Go
    // extension itself checks for (isIncorrectCommandUsage looks for "Usage:").
    // Zed's record of a start that failed (crates/project lsp_store.rs: BinaryStatus::Failed
    // "{err}\n-- stderr--\n{log}" under a "Language server gopls:" header, and its log line
    // "server stderr: …", written only after "Failed to start language server").
    needles: ["Couldn't start client", 'Restarting client failed', 'Launching server using command', 'unable to start the language server', 'ailed to start', 'ailed to launch', 'ailed to spawn', 'Failed to initialize the ', "can't be stopped", 'gopls daemon', 'failed to dial remote', 'to connect to remote', 'owned by a different user', '-- stderr--', 'server stderr: ', 'Language server ', 'gopls [flags] <command>', 'Usage: gopls', 'gopls flags are:', 'start gopls', 'Go language server'],
    test: new RegExp(
      [
        String.raw`Client is not running and can't be stopped\. It's current state is: (?:startFailed|starting)|^\W*(?:\[Error[^\]]*\] )?Restarting client failed\b`,
        String.raw`failed to start gopls daemon|failed to dial remote|failed attempt #\d+ to connect to remote|socket \S+ is owned by a different user`,
        String.raw`^\s*gopls \[flags\] <command>|^\s*Usage: gopls\b|^\s*gopls flags are:`,
        String.raw`Couldn't start client (?:${GO_LS}\b|[Gg]o\b)|Launching server using command (?:\S*[/\\])?${GO_LS}(?:\.exe)? failed|was unable to start the language server`,
        String.raw`\bServer (?:[\w-]+\.)*(?:go|golang|gopls|golsp|go-?ls)\b\S* failed to start`,
        String.raw`Failed to initialize the (?:language servers|LSP) for \x60source\.go(?:mod|work)?\x60`,
        String.raw`^\s*-- stderr--\s*$|\bserver stderr: |^\W*Language server ${GO_LS}\S*:\s*$`,
        String.raw`[Ff]ailed to (?:start|launch|spawn) (?:the )?language server(?:\s*(?:[:.,!]|$)|\s+\\?["'\x60]?${GO_LS}\b| for [Gg]o\b)|[Ff]ailed to spawn command\. [Pp]ath: [^\n]{0,300}${GO_LS}`,
        String.raw`\b(?:[Ff]ailed|[Uu]nable|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't) (?:to )?(?:start|launch|spawn|run) (?:the )?(?:gopls\b|Go language server)`,
      ].join('|'),
    ),
    yieldsTo: ['server-init-failed', 'gopls-not-found', 'server-binary-missing', 'go-binary-not-found', 'gopls-bad-command'],
    says: 'the editor could not start its language server (gopls); the client does not say why',
  },
  {
    id: 'server-binary-missing',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.75,
    // The client's words say the gopls binary is not there: Emacs's make-process "Searching for
    // program: No such file or directory, gopls" (file-missing, under eglot and lsp-mode); Python's
    // subprocess "[Errno 2] No such file or directory: 'gopls'" (lsp-bridge, Sublime LSP); Rust's
    // "No such file or directory (os error 2)" on a spawn of gopls (Zed, Helix) and Helix's
    // "`gopls` { cannot find binary path }"; nvim-lspconfig's :LspInfo "Unable to find executable.
    // Please check your path and ensure the server is installed"; vim-lsp-settings' "Please do
    // :LspInstallServer to enable Language Server gopls"; ALE's :ALEInfo command history
    // "(executable check - failure) gopls"; lsp-mode's "No LSP server for go-mode";
    // the old Go extension's "Cannot find the language server X. Please install it".
    needles: ['Searching for program', "No such file or directory: '", 'os error 2', 'cannot find binary path', 'Unable to find executable. Please check your path', '(executable check - failure) ', 'to enable Language Server', 'No LSP server for go', 'Cannot find the language server'],
    test: new RegExp(
      [
        String.raw`Searching for program\W+No such file or directory\W+(?:\S*[/\\])?${GO_LS}\b`,
        String.raw`No such file or directory: '(?:\S*[/\\])?${GO_LS}(?:\.exe)?'`,
        String.raw`${GO_LS}[^\n]{0,300}No such file or directory \(os error 2\)|\x60${GO_LS}\x60[^\n]{0,40}cannot find binary path`,
        String.raw`Unable to find executable\. Please check your path and ensure the server is installed`,
        String.raw`\(executable check - failure\) (?:\S{0,300}[/\\])?${GO_LS}(?:\.exe)?\s*$`,
        String.raw`to enable Language Server ${GO_LS}\b|No LSP server for go(?:-ts|-dot-mod|-mod-ts)?-mode|Cannot find the language server \S+\. Please install it`,
      ].join('|'),
    ),
    yieldsTo: ['gopls-not-found', 'go-binary-not-found'],
    says: 'the editor could not find the gopls binary it was configured to run (not installed, or not on the PATH the editor has)',
  },
  {
    id: 'gopls-kernel-crash',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.7,
    // The kernel's report of gopls dying on a hardware fault (arch/x86/mm/fault.c show_signal_msg:
    // "gopls[4242]: segfault at 0 ip … sp … error 4 in gopls[…]"; arch/x86/kernel/traps.c:
    // "traps: gopls[4242] general protection fault ip:…", "trap invalid opcode ip:…"). A Go program
    // turns its own nil dereferences into panics, so a fault the kernel reports is the binary or
    // the runtime itself broken (corrupted, built for a newer CPU, a bad toolchain).
    needles: [': segfault at ', 'traps: '],
    test: new RegExp(String.raw`\b${GO_LS}\[\d+\]:? (?:segfault at [0-9a-f]+ ip |general protection fault|trap (?:invalid opcode|divide error|int3|stack segment))`),
    says: 'the kernel reports gopls itself faulting (segfault, general protection fault or invalid opcode): a broken or foreign-CPU gopls binary',
  },
  {
    id: 'gopls-build-failed',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    confidence: 0.38,
    // Building gopls failed, in the go command's words: go build's per-package header for a
    // package that did not compile ("# golang.org/x/tools/gopls/internal/cache"), and the
    // compiler's errors located in gopls's or x/tools's own sources, in the module cache
    // (".../golang.org/x/tools/gopls@v0.16.2/internal/.../x.go:12:2: undefined: slices.Concat") or a
    // GOPATH checkout (".../src/golang.org/x/tools/internal/lsp/x.go:226:18: …"). Nothing gets
    // installed, so the editor keeps an old gopls or none (usually a go too old for that gopls).
    needles: ['golang.org/x/tools'],
    test: /^\s*# golang\.org\/x\/tools\/(?:gopls|internal|go|cmd\/gopls|imports|refactor)\b|golang\.org\/x\/tools(?:\/gopls)?@v[^\s/:]+\/[^\s:]+\.go:\d+(?::\d+)?: |\/src\/golang\.org\/x\/tools\/[^\s:]+\.go:\d+(?::\d+)?: /m,
    yieldsTo: ['go-too-old-for-tools', 'tool-install-failed', 'panic', 'fatal-error'],
    says: 'gopls (or the x/tools code it is built from) failed to compile, so it could not be installed or updated',
  },
  {
    id: 'initialize-rejected',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    confidence: 0.38,
    // gopls refusing the client's initialize request, in gopls's words: its jsonrpc2 "JSON RPC
    // parse error: json: cannot unmarshal … into Go struct field …Capabilities…" (the client sent
    // capabilities an old gopls cannot decode: client and gopls versions out of step), and
    // "unsupported URI scheme:  (gopls only supports file URIs)" with an empty scheme (no
    // workspace folder: the root URI was empty).
    needles: ['JSON RPC parse error', 'gopls only supports file URIs'],
    test: /JSON RPC parse error: json: cannot unmarshal [^\n]{0,200}into Go struct field [^\n]{0,200}(?:[Cc]apabilities|InitializeParams)|unsupported URI scheme:\s+\(gopls only supports file URIs\)/,
    yieldsTo: ['server-init-failed', 'server-start-failed', 'server-lost'],
    says: 'gopls rejected the editor\'s initialize request (capabilities it cannot decode, or no workspace folder), so it never started serving',
  },
  {
    id: 'gopls-listed-missing',
    classId: 'gopls-launch',
    severity: 'warning',
    confidence: 0.45,
    // The Go extension's "Go: Locate Configured Go Tools" listing (commands/getConfiguredGoTools.ts:
    // "\tgopls:\tnot installed"; before v0.17: "   gopls: gopls not installed" / "… not found"): the
    // extension looked in GOBIN, GOPATH/bin, GOROOT/bin and PATH and found no gopls. A warning: the
    // listing names every tool, and the report may be about another.
    needles: ['not installed', 'not found'],
    test: /^\s*gopls:\s+(?:\S*gopls(?:\.exe)?\s+)?(?:not installed|not found)\s*$/m,
    yieldsTo: ['gopls-not-found', 'server-binary-missing'],
    says: "the Go extension's tool listing says gopls is not installed where it looks (GOBIN, GOPATH/bin, GOROOT/bin, PATH)",
  },
  {
    id: 'gopls-needs-newer-go',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.8,
    // Installing gopls with a go older than gopls's go.mod allows, in older go commands' words: go
    // before 1.21 cannot parse a three-part go line ("go: golang.org/x/tools/gopls@latest (in
    // golang.org/x/tools/gopls@v0.14.2): go.mod:3: invalid go version '1.21.1': must match format
    // 1.23") or a toolchain line ("go.mod:5: unknown directive: toolchain") (cmd/go modload,
    // modfile). The module that go refuses is gopls itself, so gopls cannot be installed.
    needles: ['must match format', 'unknown directive: toolchain'],
    test: /golang\.org\/x\/tools\/gopls@[^\n]*(?:invalid go version '[^'\n]*': must match format|unknown directive: toolchain)/,
    says: "the go command installing gopls is too old to read gopls's go.mod (a go line or toolchain directive from a newer Go), so gopls cannot be installed or updated",
  },
  {
    id: 'gopls-exec-denied',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.38,
    // Executing gopls itself was refused (TAXONOMY gopls-launch: "spawn … EACCES"): node's "spawn
    // /x/gopls EACCES" (and "EPERM"), os/exec's "fork/exec /x/gopls: permission denied", a shell's
    // "bash: /x/gopls: Permission denied", and a client that names gopls on the line of a refused
    // fork/exec (templ's proxy: "gopls command error" … "fork/exec /home/u/go/bin: permission
    // denied", a gopls path that is a directory). The reason (a noexec GOPATH/bin, a file without
    // its execute bit, a directory, a policy) is not in the words: the generic exec-refusal rules
    // yield here so the class is gopls's start, and a mount, access or policy cause found beside
    // it explains it (explain.ts exec-denied).
    needles: ['ermission denied', 'EACCES', 'EPERM'],
    test: new RegExp(
      [
        String.raw`(?:fork\/exec|spawn|exec:?) \\?"?(?:[^\s"]{0,300}\/)?${GO_LS}(?:\.exe)?\\?"?:? (?:[Pp]ermission denied|EACCES|EPERM|operation not permitted)`,
        String.raw`(?:^|[\s"'])(?:[^\s:"']{0,300}\/)?${GO_LS}(?:\.exe)?: [Pp]ermission denied`,
        String.raw`\b${GO_LS}\b[^\n]{0,200}fork\/exec [^:\n]+: permission denied|fork\/exec [^:\n]+: permission denied[^\n]{0,200}\b${GO_LS}\b`,
      ].join('|'),
    ),
    says: 'the editor was refused when it executed gopls (permission denied): a noexec mount, a gopls without its execute bit, a path that is not the binary, or a policy',
  },
  {
    id: 'gopls-stack-headless',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    confidence: 0.38,
    // A goroutine dump in gopls's own frames whose first line ("panic: …", "fatal error: …") was
    // not pasted: the Go runtime's traceback format (runtime/traceback.go: "goroutine 76
    // [running]:", then "pkg.Func(args)" and "\tfile.go:142 +0x7e4"), with frames in gopls's
    // packages (golang.org/x/tools/gopls/… and, before gopls had its own module,
    // golang.org/x/tools/internal/lsp/…; the same test the crash reader uses for a gopls frame).
    // Only frames outside a crash the reader recognised reach the rules, so this says gopls died
    // without saying why: a panic, or a dump on a fatal error such as running out of memory.
    needles: ['golang.org/x/tools/gopls/', 'golang.org/x/tools/internal/'],
    test: /^\s*(?:created by )?golang\.org\/x\/tools\/(?:gopls|internal)\/[^\s(]*\(/,
    yieldsTo: ['panic', 'fatal-error', 'fatal-out-of-memory'],
    says: "a goroutine dump in gopls's own code without its first line: gopls crashed (the reason, a panic or a fatal error, was not pasted)",
  },
  {
    id: 'gopls-wrong-platform',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.75,
    // The OS refusing the gopls binary as built for another CPU or OS, in the words outside Linux's
    // "exec format error" (gopls-binary-broken): Windows' ERROR_BAD_EXE_FORMAT through Go's os/exec
    // ("fork/exec C:\…\gopls.exe: %1 is not a valid Win32 application.", newer "The specified
    // executable is not a valid application for this OS platform.") and
    // ERROR_EXE_MACHINE_TYPE_MISMATCH ("This version of … is not compatible with the version of
    // Windows you're running"); macOS's EBADARCH in a shell ("zsh: bad CPU type in executable:
    // gopls") and through node, which has no name for errno 86 ("spawn Unknown system error -86",
    // the client spawning its server).
    needles: ['is not a valid Win32 application', 'is not a valid application for this OS platform', 'is not compatible with the version of Windows', 'bad CPU type in executable', 'Bad CPU type in executable', 'Unknown system error -86'],
    test: new RegExp(
      [
        String.raw`${GO_LS}(?:\.exe)?\\?"?:? (?:%1 )?is not a valid Win32 application|${GO_LS}(?:\.exe)?\\?"?:? [^\n]{0,40}is not a valid application for this OS platform|${GO_LS}(?:\.exe)?[^\n]{0,80}is not compatible with the version of Windows`,
        String.raw`[Bb]ad CPU type in executable:? [^\n]{0,200}\b${GO_LS}\b|\b${GO_LS}\b[^\n]{0,200}[Bb]ad CPU type in executable`,
        String.raw`spawn (?:[^\s]{0,300}\s)?Unknown system error -86\b`,
      ].join('|'),
    ),
    yieldsTo: ['gopls-binary-broken'],
    says: 'the gopls binary was built for another CPU or OS than this machine (Windows: not a valid application; macOS: bad CPU type), so it cannot start',
  },
  // ---- end of lane launch's block
  // ---- module downloads (engineer net): keep this block together. The go command's own words
  // when fetching a module fails. Failed fetches are symptoms (load-failed) of something outside
  // the line: a proxy variable the editor lacks, a CA it does not trust, a GOPRIVATE not set.
  // Warnings, not errors: on their own they may be the network's fault, none of the nine
  // classes; the module-downloads probe and the online check turn them into causes with evidence.
  {
    id: 'module-fetch-x509',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.6,
    needles: ['x509: certificate', 'x509: '],
    test: /x509: (certificate signed by unknown authority|certificate has expired|certificate is valid for|certificate is not valid|cannot validate certificate|failed to load system roots)/,
    says: 'go could not verify the TLS certificate of a module proxy or code host (x509): a company proxy that re-signs traffic, with its CA not trusted by the go that gopls runs',
  },
  {
    id: 'module-fetch-timeout',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['i/o timeout', 'TLS handshake timeout'],
    // Lookaheads anchored at the start: linear on a 40 k-character line (the fuzz suite's), where
    // an unanchored `A[^\n]*B` retries from every A and goes quadratic.
    test: /^(?=[\s\S]*i\/o timeout)(?=[\s\S]*(?:dial tcp|proxyconnect tcp|lookup ))|TLS handshake timeout/,
    says: 'go timed out reaching a module proxy or code host ("dial tcp … i/o timeout"): no route out, or an HTTP proxy the editor was not given',
  },
  {
    id: 'module-fetch-refused',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['connection refused'],
    test: /^(?=[\s\S]*connect: connection refused)(?=[\s\S]*(?:Get "?https?:\/\/|proxyconnect tcp|@v\/|sum\.golang\.org))/,
    says: 'a module proxy (or the HTTP proxy in front of it) refused the connection ("connect: connection refused")',
  },
  {
    id: 'proxy-auth-required',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.65,
    needles: ['Proxy Authentication Required'],
    says: 'an HTTP proxy demanded credentials (407 Proxy Authentication Required) when go fetched a module',
  },
  {
    id: 'module-fetch-forbidden',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['403 Forbidden'],
    test: /^(?=[\s\S]*reading https?:\/\/)(?=[\s\S]*: 403 Forbidden)/,
    says: 'a module proxy answered 403 Forbidden: it refuses this client or this module (credentials, an allow-list)',
  },
  {
    id: 'module-fetch-not-found',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.45,
    needles: ['404 Not Found', '410 Gone'],
    test: /^(?=[\s\S]*reading https?:\/\/)(?=[\s\S]*: (?:404 Not Found|410 Gone))/,
    yieldsTo: ['sumdb-private-lookup'],
    says: 'a module proxy answered 404 or 410 Gone for a module: it cannot see that module (a private one needs GOPRIVATE), or the version does not exist',
  },
  {
    id: 'sumdb-private-lookup',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.6,
    needles: ['sum.golang.org/lookup'],
    test: /^(?=[\s\S]*sum\.golang\.org\/lookup\/)(?=[\s\S]*(?:404 Not Found|410 Gone|not found))/,
    says: 'go asked the public checksum database (sum.golang.org) about a module it cannot know: a private module not covered by GOPRIVATE or GONOSUMDB',
  },
  {
    id: 'checksum-mismatch',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    needles: ['checksum mismatch'],
    says: 'a downloaded module does not match its go.sum line or the checksum database ("verifying module: checksum mismatch"): a module cache entry changed, or a proxy served other content',
  },
  {
    id: 'missing-go-sum',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    needles: ['missing go.sum entry'],
    says: 'go.sum lacks a line the build needs ("missing go.sum entry"): go mod tidy in the module adds it',
  },
  {
    id: 'goproxy-off-lookup',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    needles: ['module lookup disabled by GOPROXY=off'],
    says: 'go needed a module that is not in the module cache while GOPROXY=off forbids downloading it',
  },
  {
    id: 'vcs-auth-prompt',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['terminal prompts disabled', 'could not read Username'],
    says: 'git needed credentials to fetch a module directly (GOPRIVATE/GONOPROXY) and could not ask for them ("terminal prompts disabled"): a .netrc entry or a git credential helper is missing',
  },
  // ---- end of module downloads (engineer net)
  // ---- limits, mounts and policies (engineer accB): keep this block together. Each family is
  // written from the message's upstream source (named on the rule), not from one pasted text.
  // file-watch
  {
    id: 'inotify-limit-reached',
    classId: 'file-watch',
    severity: 'error',
    confidence: 0.85,
    // inotify_add_watch(2)'s ENOSPC as libraries quote the man page: "The user limit on the total
    // number of inotify watches was reached" (watchman "…; increase the fs.inotify.max_user_watches
    // sysctl", rb-inotify, fsnotify wrappers); Java's LinuxWatchService "User limit of inotify
    // watches reached" / "User limit of inotify instances reached or too many open files"; .NET's
    // "The configured user limit (128) on the number of inotify instances has been reached";
    // MonoDevelop's "Inotify watch limit is too low (8192)", JetBrains' "The current inotify(7)
    // watch limit is too low"; coreutils tail's "inotify resources exhausted"; syncthing's
    // "Please increase inotify limits".
    needles: ['notify watch', 'notify instance', 'notify(7) watch', 'notify resources exhausted', 'notify limits'],
    test: /\blimit\b[^\n]{0,40}\binotify (?:watch|instance)[^\n]{0,60}\b(?:reached|exceeded|exhausted)|\binotify(?:\(7\))? (?:watch|instance)[^\n]{0,12} limit[^\n]{0,30}(?:too low|reached|exceeded|exhausted)|inotify resources exhausted|increas(?:e|ing) (?:the |your )?inotify limits/i,
    yieldsTo: ['inotify-enospc', 'inotify-emfile'],
    says: 'a file watcher hit the inotify limits (fs.inotify.max_user_watches or max_user_instances), as its own message says',
  },
  {
    id: 'inotify-limit-named',
    classId: 'file-watch',
    severity: 'warning',
    confidence: 0.5,
    // The sysctls by name (a watcher's advice, a `cat /proc/sys/fs/inotify/max_user_watches`, a
    // sysctl.conf line): the text is about the watch limits even when the error line is not in it.
    needles: ['max_user_watches', 'max_user_instances'],
    yieldsTo: ['inotify-limit-reached', 'inotify-enospc', 'inotify-emfile'],
    says: 'the inotify limits (fs.inotify.max_user_watches / max_user_instances) are named: file watchers are at or near them',
  },
  // memory-limit
  {
    id: 'oom-killed-named',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.8,
    // A kill by the OOM killer as tools report it: "OOM killed", "oom-killed", "was killed by the
    // OOM killer", systemd's "A process of this unit has been killed by the OOM killer" and
    // "Failed with result 'oom-kill'", kubelet's "System OOM encountered, victim process: x",
    // the kernel's older two-line report ("Killed process 123 (x) total-vm:…"), and a
    // memory.events oom_kill counter above 0.
    needles: ['OOM kill', 'OOM-kill', 'OOM Kill', 'oom kill', 'oom-kill', 'by the OOM', 'by OOM', 'by the oom', 'System OOM', 'total-vm:', 'oom_kill '],
    test: /\boom[- ]?kill(?:ed|ing)\b|killed by (?:the )?oom(?:[- ]killer)?\b|result '?oom-kill|System OOM encountered|Killed process \d+ \([^)\n]{0,100}\)[^\n]{0,40}total-vm:|^\s*oom_kill [1-9]/im,
    yieldsTo: ['kernel-oom-kill', 'container-oom-killed'],
    says: 'a process was killed by the OOM killer (a memory limit or the machine ran out of memory)',
  },
  {
    id: 'memory-limit-exceeded',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.75,
    // A supervisor enforcing a memory limit, in its own words: Cloud Run / App Engine "Memory limit
    // of 512 MiB exceeded with 530 MiB used", Heroku's "R14 (Memory quota exceeded)", kubelet's
    // eviction "The node was low on resource: memory", "Container x exceeded its memory limit".
    needles: ['emory limit', 'emory quota', 'low on resource: memory'],
    test: /memory limit (?:of [\d.]+ ?\w+ )?(?:was |has been )?exceeded|exceed(?:ed|s|ing)? (?:its |the |their |a )?(?:container'?s? |pod'?s? )?memory limit|memory quota (?:vastly )?exceeded|low on resource: memory/i,
    says: 'a process exceeded the memory limit its supervisor (container runtime, platform, kubelet) enforces',
  },
  {
    id: 'program-out-of-memory',
    classId: 'memory-limit',
    severity: 'warning',
    confidence: 0.6,
    // Other runtimes running out, at their own heap limit or the machine's: V8 "FATAL ERROR:
    // Reached heap limit Allocation failed - JavaScript heap out of memory", Java
    // "java.lang.OutOfMemoryError: Java heap space" (not "unable to create native thread", a task
    // limit), C++ "std::bad_alloc", Python "MemoryError", Rust "memory allocation of 1024 bytes failed".
    // The sanitizers (the race detector is ThreadSanitizer): "ThreadSanitizer failed to allocate
    // 0x80000 (524288) bytes of clock allocator (error code: 12)", "allocator is out of memory".
    needles: ['heap out of memory', 'OutOfMemoryError', 'bad_alloc', 'MemoryError', 'memory allocation of', 'Sanitizer failed to allocate', 'allocator is out of memory'],
    test: /JavaScript heap out of memory|OutOfMemoryError(?![^\n]*native thread)|std::bad_alloc|\bMemoryError\b|memory allocation of \d+ bytes failed|Sanitizer failed to allocate|allocator is out of memory/,
    yieldsTo: ['fatal-out-of-memory'],
    says: 'a program ran out of memory (its runtime could not allocate more)',
  },
  {
    id: 'mlock-limit',
    classId: 'memory-limit',
    severity: 'warning',
    confidence: 0.55,
    // Go 1.14's runtime on a kernel with the AVX bug: "runtime: mlock of signal stack failed: 12",
    // "runtime: increase the mlock limit (ulimit -l) or", "mlock failed: Cannot allocate memory".
    needles: ['mlock'],
    test: /mlock of signal stack failed|increase the mlock limit|mlock(?:all)?(?:\(\))? failed/,
    says: 'locking memory failed: the locked-memory limit (ulimit -l, RLIMIT_MEMLOCK) is too small for the Go runtime',
  },
  // process-limit
  {
    id: 'thread-start-refused',
    classId: 'process-limit',
    role: 'symptom',
    symptom: 'thread-create',
    severity: 'error',
    confidence: 0.75,
    // Thread or process creation refused (EAGAIN) in other runtimes' words: Python's "RuntimeError:
    // can't start new thread", Java's "OutOfMemoryError: unable to create new native thread" /
    // "unable to create native thread: possibly out of memory or process/resource limits reached",
    // node's failed "uv_thread_create" assertion, bash's "fork: retry: No child processes",
    // busybox's "can't fork", "spawn … EAGAIN", and the Go runtime's advice "may need to increase
    // max user processes (ulimit -u)".
    needles: ["can't start new thread", 'native thread', 'uv_thread_create', 'fork: retry', "can't fork", 'EAGAIN', 'max user processes'],
    test: /can't start new thread|unable to create (?:new )?native thread|uv_thread_create|fork: retry:|can't fork|(?:spawn|fork|clone3?|pthread_create)\b[^\n]{0,200}\bEAGAIN\b|increase max user processes/,
    yieldsTo: ['thread-create-failed', 'eagain', 'thread-create-eperm'],
    says: 'a thread or process could not be created (EAGAIN): a process or thread limit was reached',
  },
  {
    id: 'task-limit-named',
    classId: 'process-limit',
    severity: 'warning',
    confidence: 0.45,
    // The task limits by name: cgroup pids.max / pids.events, Docker's --pids-limit, systemd's
    // TasksMax, `ulimit -u` / "max user processes", kernel.threads-max and pid_max.
    needles: ['pids.max', 'pids.events', 'pids-limit', 'pids_limit', 'TasksMax', 'ulimit -u', 'max user processes', 'threads-max', 'threads_max'],
    test: /\bpids\.(?:max|events)\b|--pids-limit|\bpids_limit\b|\bTasksMax\b|ulimit -u\b|max user processes|threads[-_]max/,
    yieldsTo: ['thread-start-refused', 'thread-create-failed', 'pids-fork-rejected'],
    says: 'the process and thread limits (pids.max, TasksMax, ulimit -u, threads-max) are named: a task limit is in play',
  },
  // noexec-mount
  {
    id: 'program-exec-denied',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.6,
    // Executing a file refused with EACCES, in the words of runtimes that spawn: Go's os/exec
    // `exec: "/x/tool": permission denied`, node's "spawn /x/tool EACCES", Java's "Cannot run
    // program \"/x\": error=13, Permission denied", cargo's "could not execute process `/x` (never
    // executed)", zsh's "zsh: permission denied: ./x", fish's "The file './x' is not executable by
    // this user", strace's "execve(\"/x\", …) = -1 EACCES", C's perror("execv") / "execv error: Permission
    // denied"; and a bare refusal right after the exec was named: Python's PermissionError raised from
    // subprocess's _execute_child, Rust's "Permission denied (os error 13)" under cargo's "could not
    // execute process".
    needles: ['ermission denied', 'EACCES', 'error=13', 'never executed', 'not executable by this user'],
    test: /exec: \\?"[^"\n]*\/[^"\n]*\\?": permission denied|spawn \S+ EACCES|Cannot run program "[^"\n]{0,300}"[^\n]{0,100}error=13|[Cc]ould not execute process [^\n]{0,400}\(never executed\)|zsh: permission denied: \S*\/|is not executable by this user|\bexec(?:ve?|vpe?|le?|lp)\b[^\n]{0,80}(?:Permission denied|EACCES)/,
    nearExec: /Permission denied|EACCES|Errno 13/,
    yieldsTo: ['exec-permission-denied', 'shell-exec-denied', 'system-exec-denied', 'gopls-exec-denied', 'container-path-denied'],
    says: 'executing a program was refused with EACCES (permission denied): the directory it is in is mounted noexec (or the file lacks its execute bit)',
  },
  {
    id: 'mmap-exec-eperm',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.6,
    // mmap(2): "EPERM: The prot argument asks for PROT_EXEC but the mapped area belongs to a file on
    // a filesystem that was mounted no-exec" — a JIT, a DOS emulator or a loader mapping code from
    // /tmp or /dev/shm.
    needles: ['mmap', 'PROT_EXEC'],
    test: /\b(?:mmap\w*|PROT_EXEC)\b[^\n]{0,200}(?:[Oo]peration not permitted|\bEPERM\b)/,
    yieldsTo: ['shared-object-map-denied'],
    says: 'mapping a file executable was refused with EPERM, which mmap(2) returns for a file on a noexec mount',
  },
  // mac-policy
  {
    id: 'not-permitted',
    classId: 'mac-policy',
    role: 'symptom',
    symptom: 'not-permitted',
    severity: 'warning',
    confidence: 0.4,
    // EPERM, "Operation not permitted": refused by a policy (seccomp, a capability the container
    // dropped, SELinux, AppArmor), not by file modes, which answer EACCES. Changing a file's owner,
    // mode or times, and signalling another user's process, are the exceptions: there EPERM is the
    // ordinary answer of file ownership.
    needles: ['ot permitted', 'EPERM'],
    test: /^(?![^\n]*(?:\bch(?:mod|own|grp|attr)\b|changing (?:permissions|ownership|group)|setting (?:times|permissions)|\butimes?\b|\bkill\b))[^\n]*(?:[Oo]peration not permitted|\bEPERM\b)/,
    yieldsTo: ['thread-create-eperm', 'exec-eperm', 'seccomp-new-syscall', 'shared-object-map-denied', 'mmap-exec-eperm', 'ptrace-scope', 'sandbox-namespace-denied', 'seccomp-named', 'selinux-named', 'runtime-eperm', 'musl-map-denied', 'shell-exec-eperm', 'chromium-sandbox-refused', 'systemd-sandbox-step'],
    says: 'an operation was refused with EPERM (operation not permitted): a seccomp filter, a dropped capability or a MAC policy forbids it, not the file modes',
  },
  {
    id: 'ownership-change-eacces',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // coreutils chown/chmod stat the file first; a refusal after that is EPERM when the caller does
    // not own the file. "changing ownership of 'x': Permission denied" (EACCES) is a security
    // module's answer (SELinux, AppArmor), as on an unlabelled container bind mount.
    needles: ['ermission denied'],
    test: /changing (?:ownership|permissions|group) of [^\n]{0,300}: Permission denied/,
    says: 'changing a file\'s owner or mode was refused with EACCES rather than EPERM: a security module (SELinux, AppArmor) denied it',
  },
  {
    id: 'selinux-named',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // SELinux in force and in the way, short of an AVC record: sestatus's "Current mode: enforcing",
    // audit fields (scontext=/tcontext=), container file types (container_file_t,
    // svirt_sandbox_file_t), podman's "error setting label on mount source" / relabel failures.
    needles: ['enforcing', 'scontext=', 'tcontext=', 'container_file_t', 'svirt_sandbox_file_t', 'svirt_lxc_net_t', 'setting label', 'relabel'],
    test: /Current mode:\s+enforcing|\b[st]context=\w+_u:|\b(?:container_file_t|svirt_sandbox_file_t|svirt_lxc_net_t)\b|setting (?:SELinux )?label on|relabel(?:ing)? (?:failed|[^\n]{0,120}not (?:permitted|supported))|SELinux[^\n]{0,80}\benforcing\b/i,
    yieldsTo: ['selinux-avc-denied'],
    says: 'SELinux is enforcing and named beside the failure (contexts, labels or its mode)',
  },
  {
    id: 'apparmor-profile-denied',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // AppArmor's older kernel records (type=1503 … operation="open" … denied_mask="r::") and snap's
    // confinement helper: "snap-confine … Permission denied", "cannot change profile for the next
    // exec call: No such file or directory".
    needles: ['denied_mask=', 'snap-confine', 'cannot change profile'],
    test: /denied_mask="?[a-z:]+|snap-confine[^\n]{0,200}(?:denied|not permitted|cannot|error|refus)|cannot change profile for the next exec call/i,
    yieldsTo: ['apparmor-denied', 'selinux-avc-denied'],
    says: 'AppArmor (a snap\'s confinement profile) denied an operation',
  },
  {
    id: 'seccomp-named',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // A seccomp filter named beside a refusal: the kernel's audit record of a seccomp action
    // (type=1326 / type=SECCOMP), "seccomp" with "not permitted" / "denied" / "blocked", a profile
    // action (SCMP_ACT_ERRNO), and the usual workaround being shown (seccomp=unconfined).
    // Also (lane limits) /proc/PID/status's "Seccomp: 2" (a filter is installed, proc(5)).
    needles: ['seccomp', 'SECCOMP', 'Seccomp:', 'type=1326', 'SCMP_ACT_'],
    test: /^\s*Seccomp:\s*2\b|type=(?:1326|SECCOMP)\b|\bseccomp\b[^\n]{0,120}(?:not permitted|denied|block|refus|EPERM|unconfined|violation)|(?:not permitted|denied|blocked|EPERM)[^\n]{0,120}\bseccomp\b|SCMP_ACT_(?:ERRNO|KILL|TRAP)/i,
    says: 'a seccomp filter is named beside the failure: the container runtime or sandbox refuses a system call',
  },
  {
    id: 'ptrace-scope',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // Delve's "could not attach to pid 123: this could be caused by a kernel security setting, try
    // writing \"0\" to /proc/sys/kernel/yama/ptrace_scope": the Yama LSM forbids attaching.
    needles: ['ptrace_scope', 'kernel security setting'],
    says: 'attaching a debugger was refused by a kernel security setting (Yama ptrace_scope)',
  },
  {
    id: 'sandbox-namespace-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // A sandbox that cannot set itself up because the host's policy forbids user namespaces
    // (AppArmor's apparmor_restrict_unprivileged_userns, a container without the capability):
    // bubblewrap's "bwrap: No permissions to creating new namespace" / "bwrap: setting up uid map:
    // Permission denied", Chromium/Electron's "No usable sandbox!" and "The SUID sandbox helper
    // binary was found, but is not configured correctly", "unshare failed: Operation not permitted".
    needles: ['bwrap:', 'No usable sandbox', 'SUID sandbox helper', 'unshare', 'restrict_unprivileged_userns'],
    test: /bwrap:[^\n]{0,200}(?:permission|not permitted|namespace|denied)|No usable sandbox|SUID sandbox helper binary|unshare(?: failed)?:[^\n]{0,120}(?:[Oo]peration not permitted|EPERM)|restrict_unprivileged_userns/i,
    says: 'a sandbox could not create its namespaces: the host\'s policy (AppArmor\'s user-namespace restriction, a container\'s seccomp or capabilities) forbids it',
  },
  {
    id: 'system-exec-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // Executing the system's own programs (/bin/bash, /usr/bin/git) refused with EACCES: /usr is
    // not mounted noexec on a working system and those files are executable by everyone, so the
    // refusal is a policy's (an SELinux domain transition a confined container may not make, an
    // AppArmor profile), as in "start command: fork/exec /bin/bash: permission denied".
    needles: ['ermission denied'],
    // Also Go's syscall.Exec as runc's init prints it ("exec /bin/sh: permission denied") and GNU
    // make 4.3+'s posix_spawn failure ("make: /bin/sh: Permission denied").
    // /usr/local/bin is left out of these two: container images copy their own scripts there.
    test: /(?:fork\/exec|exec:|execv\w*:?) \\?"?\/(?:usr\/(?:local\/)?)?s?bin\/[^":\s]+\\?"?: permission denied|(?:^|[\s"'])exec \/(?:usr\/)?s?bin\/[^":\s]+: permission denied|^make(?:\[\d+\])?: \/(?:usr\/)?s?bin\/[^\s:]+: permission denied/i,
    says: 'executing a system program (under /bin or /usr/bin) was refused with "permission denied": not a noexec mount or file mode, but a security policy (SELinux, AppArmor) forbidding the exec',
  },
  {
    id: 'apparmor-named',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // AppArmor named beside a failure: Docker's "AppArmor enabled on system but the docker-default
    // profile could not be loaded", apparmor_parser errors, "profile … not found".
    needles: ['AppArmor', 'apparmor'],
    test: /\bapparmor\b[^\n]{0,120}(?:could not|cannot|failed|denied|not found|error)|(?:could not|cannot|failed to)[^\n]{0,60}\bapparmor\b/i,
    yieldsTo: ['apparmor-denied', 'apparmor-profile-denied'],
    says: 'AppArmor is named beside the failure: a profile confines or could not be set up for the program',
  },
  // ---- end of limits, mounts and policies (engineer accB)
  // ---- limits, mounts and policies, second wave (lane limits): keep this block together. Each
  // family is written from its upstream source (named on the rule) and separates the classes by
  // what the message itself says: which errno, which program refused, and which limit or policy
  // is written down beside it.
  // memory-limit
  {
    id: 'sigkill-reported',
    classId: 'memory-limit',
    role: 'symptom',
    symptom: 'killed',
    severity: 'warning',
    confidence: 0.5,
    // SIGKILL (exit status 128+9) in the words of the tools that ran the killed process: Gradle's
    // ExecException "finished with non-zero exit value 137", BuildKit's "process … did not complete
    // successfully: exit code: 137", kubectl describe's "Exit Code:    137", GNU make's
    // "*** [target] Error 137", `docker ps`'s "Exited (137)", Python subprocess's "returned non-zero
    // exit status 137" / "died with <Signals.SIGKILL: 9>", systemd's "code=killed, status=9/KILL",
    // cargo's "(signal: 9, SIGKILL: kill)", npm's "signal SIGKILL", "killed by signal 9".
    // Not SIGQUIT or SIGTERM (go test's "Test killed with quit", a cancelled job's 143): those are
    // timeouts and cancellations, not a limit.
    needles: ['137', 'SIGKILL', '9/KILL', 'signal 9', 'signal: 9'],
    test: /\b(?:exit value|exit code:|Exit Code:|exit status:?|exitCode"?[:=]|Error|Exited \(|returned non-zero exit status|return code|exited with(?: code)?)\s*137\b|<Signals\.SIGKILL: 9>|status=9\/KILL|\bsignal:? 9\b[^\n]{0,12}SIGKILL|\bsignal:? '?SIGKILL\b|(?:killed|terminated|died|exited)\b[^\n]{0,40}\b(?:by |with |on )?(?:signal )?(?:SIGKILL|signal 9\b)/,
    yieldsTo: ['process-killed', 'go-command-killed', 'kernel-oom-kill', 'oom-killed-named', 'container-oom-killed'],
    says: 'a process was killed with SIGKILL (exit status 137), which is how a memory limit\'s OOM kill looks from the tool that ran it',
  },
  {
    id: 'memory-limit-named',
    classId: 'memory-limit',
    // Information only: a limit written in a command or a manifest is configuration, not a sign it
    // was hit, and it must not take a task limit's EAGAIN ("docker create --memory=100m --ulimit
    // nproc=300" then "pthread_create failed: Resource temporarily unavailable") from process-limit.
    // It is shown beside a kill as the limit to raise.
    severity: 'info',
    confidence: 0.4,
    // A memory limit written down where the failure happened: the cgroup files (v2 memory.max /
    // memory.high / memory.events, v1 memory.limit_in_bytes), systemd's MemoryMax=/MemoryHigh=/
    // MemoryLimit=, Docker's `--memory 2g` and compose's mem_limit, a Kubernetes
    // `memory: 512Mi` limit, WSL's .wslconfig `memory=4GB`, `ulimit -v`, vm.overcommit_memory, and
    // Go's own GOMEMLIMIT.
    needles: ['memory.max', 'memory.high', 'memory.limit_in_bytes', 'MemoryMax=', 'MemoryHigh=', 'MemoryLimit=', '--memory', 'mem_limit', 'memory:', 'memory=', 'ulimit -v', 'overcommit_memory', 'GOMEMLIMIT'],
    // The pod line is Kubernetes' quantity ("memory: 512Mi", "memory: 2G"), not a machine's RAM
    // in a system-information paste ("Memory: 16 GB").
    test: /\bmemory\.(?:max|high|limit_in_bytes)\b|\bMemory(?:Max|High|Limit)=|--memory(?:-swap)?[= ]\d|\bmem_limit\b|^\s*(?:limits:\s*)?memory:\s*['"]?\d+(?:\.\d+)?(?:[KMGTE]i|[kMGTE])['"]?\s*$|^\s*memory\s*=\s*\d+(?:\.\d+)?\s*[KMGT]B\s*$|ulimit -v\b|\bovercommit_memory\b|\bGOMEMLIMIT\b/m,
    says: 'a memory limit (a cgroup\'s memory.max, a container\'s --memory, a pod\'s limit, WSL\'s memory=, ulimit -v) is named beside the failure',
  },
  {
    id: 'commit-limit-reached',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.8,
    // Windows' ERROR_COMMITMENT_LIMIT (1455) as FormatMessage writes it: "The paging file is too
    // small for this operation to complete." (the Go runtime prints errno=1455, fatal-out-of-memory).
    needles: ['paging file is too small'],
    says: 'Windows refused to commit more memory ("the paging file is too small"): the machine or VM ran out of memory',
  },
  {
    id: 'memory-exhausted-more',
    classId: 'memory-limit',
    severity: 'warning',
    confidence: 0.6,
    // Running out of memory in more writers' words: ENOMEM by its errno name (node's "spawn
    // ENOMEM", strace's "= -1 ENOMEM"), the kernel's "page allocation failure: order:4" and "Out of
    // memory and no killable processes", and Electron's render-process-gone reason 'oom' as VS Code
    // reports it ("The window terminated unexpectedly (reason: 'oom', code: '-536870904')").
    // Also older V8's "Allocation failed - process out of memory", Windows' ERROR_NOT_ENOUGH_MEMORY
    // text "Not enough memory resources are available to process this command", and bison's and
    // GNU ld's "memory exhausted".
    needles: ['ENOMEM', 'page allocation failure', 'no killable processes', "reason: 'oom'", '-536870904', 'process out of memory', 'Not enough memory resources', 'memory exhausted'],
    test: /\bENOMEM\b|page allocation failure: order:\d+|Out of memory and no killable processes|reason: 'oom'|'-536870904'|Allocation failed - process out of memory|Not enough memory resources are available|\bmemory exhausted\b/,
    yieldsTo: ['fatal-out-of-memory', 'kernel-oom-kill'],
    says: 'memory could not be allocated (ENOMEM, a page allocation failure, an editor window lost to OOM): the machine or its limit ran out of memory',
  },
  // noexec-mount
  {
    id: 'exec-refused-more',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.6,
    // Executing a file refused with EACCES, in more programs' words: Perl's "Can't exec \"%s\": %s"
    // (pp_sys.c/doio.c, as dpkg-buildpackage and other Perl drivers report it), GNU make 4.3+'s
    // posix_spawn failure "make: ./tool: Permission denied", dash's "script: 12: ./tool: Permission
    // denied" (its line number, not bash's "line 12"), node's "spawn EACCES" without the path and
    // spawnSync's "spawnSync ./x EACCES", and Go's syscall.Exec as runc's init or a wrapper prints it,
    // "exec /work/bin/tool: permission denied". The system's own programs (/bin, /usr/bin) are
    // never on a noexec mount: those stay system-exec-denied's.
    // Also coreutils' "env: './x': Permission denied" and "nohup: failed to run command './x':
    // Permission denied" (timeout, nice, chroot, stdbuf say the same), mksh's and busybox's
    // "./x: can't execute: Permission denied", dash's exec builtin "exec: ./x: Permission denied",
    // .NET's "An error occurred trying to start process '/x' … Permission denied" /
    // "Win32Exception (13): Permission denied", older runc's "exec user process caused: permission
    // denied", systemd's "Failed at step EXEC spawning /x: Permission denied", zsh's refusal of a
    // command found on PATH ("zsh: permission denied: tool").
    needles: ["Can't exec", 'ermission denied', 'EACCES'],
    test: /Can't exec "[^"\n]+": Permission denied|\benv: ['\u2018"]?\.{0,2}\/?[^'\u2019"\s:]*\/[^'\u2019"\s:]*['\u2019"]?: Permission denied|failed to run command ['\u2018"]?[^'\u2019"\n]+['\u2019"]?: Permission denied|: can't execute: Permission denied|can't execute '[^'\n]+': Permission denied|\bexec: \.{0,2}\/[^\s:]*: Permission denied|An error occurred trying to start process '[^'\n]+'[^\n]*Permission denied|Win32Exception \(13\): Permission denied|exec user process caused:? \\?"?permission denied|Failed at step EXEC spawning \S+: Permission denied|zsh: permission denied: [^\s\/]+\s*$|^make(?:\[\d+\])?: (?!\/(?:usr\/)?s?bin\/)\.{0,2}\/?[^\s:]*\/[^\s:]*: Permission denied|^\S+: \d+: (?!\/(?:usr\/)?s?bin\/)\.{0,2}\/?[^\s:]*\/[^\s:]*: Permission denied|\bspawn EACCES\b|\bspawnSync \S+ EACCES\b|(?:^|[\s"'])exec (?!\/(?:usr\/)?s?bin\/)\.{0,2}\/[^\s:"]+: permission denied/,
    yieldsTo: ['exec-permission-denied', 'shell-exec-denied', 'program-exec-denied', 'system-exec-denied', 'container-path-denied'],
    says: 'executing a program was refused with EACCES (permission denied): the directory it is in is mounted noexec (or the file lacks its execute bit)',
  },
  {
    id: 'exec-status-126',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.45,
    // Exit status 126, POSIX's "command found but not executable" (sh(1), bash's EX_NOEXEC), as
    // make ("Error 126"), Go ("exit status 126"), docker ("exited with code 126") report it.
    needles: ['126'],
    test: /\b(?:exit(?:ed)?(?: with)?(?: code| status)?:?|Error|code:?|status:?|returned non-zero exit status)\s*126\b/,
    says: 'a command exited with status 126, "found but not executable": its file could not be executed (a noexec mount, a missing execute bit, or a policy)',
  },
  {
    id: 'exec-mount-option',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.55,
    // The remedy for a noexec mount being applied or advised: mount(8)'s `mount -o remount,exec
    // /tmp`, an `exec` option added back ("-o rw,exec"), ChromeOS's "script from noexec mount" is
    // noexec-listed's. Where the fix is shown, the thread's cause was the missing exec option.
    needles: ['remount', ' -o '],
    test: /\bmount\b[^\n]{0,40}-o\s*['"]?(?:[\w=:.-]+,)*(?:remount,)?exec\b(?!\w)|\bremount,(?:[\w=:.-]+,)*exec\b/,
    yieldsTo: ['noexec-listed'],
    says: 'a mount is (re)mounted with the exec option, the remedy for a file system mounted noexec',
  },
  {
    id: 'shared-storage-exec',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.6,
    // Places that are mounted without exec by the system that owns them, where a program built or
    // copied there is refused: Android's shared storage (/sdcard, /storage/emulated/0, through
    // sdcardfs or FUSE, as Termux's storage documentation says); ChromeOS's user data, stateful
    // partition and removable media (/home/chronos/user, /mnt/stateful_partition, /media/removable:
    // mounted noexec, chromiumos docs security/noexec_shell_scripts.md); and desktop automounts of
    // removable drives (/media/USER/…, /run/media/USER/…: udisks2 mounts FAT with showexec, so an
    // ELF binary there has no execute permission).
    needles: ['/sdcard/', '/storage/', '/home/chronos/', '/mnt/stateful_partition/', '/media/'],
    test: /(?:\bsh|\bbash|\bzsh|exec\w*|fork\/exec|spawn|Cannot run program|unable to execute)\b[^\n]{0,60}\/(?:sdcard|storage\/emulated\/\d+|storage\/self\/primary|home\/chronos|mnt\/stateful_partition|(?:run\/)?media)\/[^\n]*(?:Permission denied|permission denied|EACCES)/,
    says: 'a program on storage its system mounts without exec (Android\'s shared storage, ChromeOS\'s user data or removable media, a desktop automount of a removable drive) was refused execution',
  },
  {
    id: 'noexec-by-default',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.5,
    // Mounts that are noexec unless told otherwise: Docker's `--tmpfs /path[:opts]` and compose's
    // `tmpfs: /path` default to rw,nosuid,nodev,noexec (docker/docs#8138: "default mount options
    // for tmpfs contain at least noexec … switched off by using --tmpfs /tmp:exec"), and systemd's
    // NoExecPaths= (systemd.exec(5)). An explicit exec option is not noexec.
    needles: ['--tmpfs', 'tmpfs:', 'NoExecPaths='],
    test: /--tmpfs[= ]["']?\/[^\s:"']*(?::(?![^\s"']*\bexec\b)[^\s"']*)?["']?(?=\s|$)|^\s*-?\s*tmpfs:\s*["']?\/[^\s:"']*(?::(?![^\s"']*\bexec\b)[^\s"']*)?["']?\s*$|\bNoExecPaths=/,
    yieldsTo: ['noexec-listed'],
    says: 'a mount that is noexec by default is in use (Docker\'s --tmpfs, compose\'s tmpfs, systemd\'s NoExecPaths=): nothing written there can be executed',
  },
  {
    id: 'musl-map-denied',
    classId: 'noexec-mount',
    severity: 'error',
    confidence: 0.7,
    // musl's dynamic loader (ldso/dynlink.c) reports a library it could not map as "Error loading
    // shared library /tmp/x.so: Operation not permitted": the EPERM mmap(2) gives PROT_EXEC on a
    // noexec mount, the musl (Alpine) twin of glibc's "failed to map segment from shared object".
    needles: ['Error loading shared library'],
    test: /Error loading shared library [^:\n]+: (?:Operation not permitted|EPERM)/,
    says: 'a shared library could not be mapped executable (musl: "Error loading shared library …: Operation not permitted"): the directory it is in is mounted noexec',
  },
  {
    id: 'gotmpdir-moved',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.4,
    // GOTMPDIR (cmd/go: "the directory where the go command will write temporary source files,
    // packages, and binaries") being pointed elsewhere: the standard way around a noexec /tmp.
    // Only a value being set, not a `go env` listing where GOTMPDIR is merely printed.
    needles: ['GOTMPDIR'],
    test: /\b(?:export|setenv|set -x|env)\s+GOTMPDIR[= ]\S|\bgo env -w\s+(?:\S+=\S+\s+)*GOTMPDIR=\S|(?:^|[\s;&|$])GOTMPDIR=(?!["']?\s*$)["']?[^\s"']+["']?\s+(?:\S+=\S+\s+)*go (?:test|run|build|install|generate)\b/m,
    says: 'GOTMPDIR is being moved to another directory, the way around a temporary directory mounted noexec',
  },
  // mac-policy
  {
    id: 'cwd-stat-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // stat(2) of a name in the working directory refused with EACCES, in GNU make's words
    // (remake.c: perror_with_name ("stat: ", name) → "make: stat: Makefile: Permission denied") and
    // coreutils' ("stat: cannot stat 'go.mod'", "ls: cannot access 'x'"). stat needs no permission on
    // the file, only search permission on the directory, which a process working in that directory
    // had to chdir there: the refusal is a security module's (an unlabelled container bind mount
    // under SELinux), not the file modes. A path with a slash may cross a directory the user cannot
    // search, so only bare names count.
    needles: ['ermission denied'],
    test: /\bstat: [^\s/:]+: Permission denied|cannot (?:stat|access) '[^\s/':]+': Permission denied|\bl?stat [^\s/:$]+: permission denied/,
    says: 'looking up a file in the working directory was refused: file modes cannot do that to a directory the process works in, a security module (SELinux, AppArmor) can',
  },
  {
    id: 'selinux-vocabulary',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.5,
    // SELinux's own tools and labels named beside a failure: setenforce/getenforce/sestatus,
    // audit2allow/audit2why/ausearch -m avc, restorecon/chcon/semanage/setsebool, the container
    // domains (container_t, spc_t), Docker's and Podman's SELinux volume options (`-v src:dst:z`,
    // `:Z`, `--security-opt label=disable`, "relabel"), and SELinux named as the trouble ("SELinux is
    // enabled", "disable SELinux"). The kernel's own "SELinux:  Initializing." boot lines are not.
    needles: ['SELinux', 'selinux', 'setenforce', 'getenforce', 'sestatus', 'sealert', 'audit2allow', 'audit2why', 'ausearch', 'restorecon', 'chcon', 'semanage', 'setsebool', 'container_t', 'spc_t', '_u:', 'label=disable', 'label:disable', ':z', ':Z'],
    test: /\b(?:setenforce|getenforce|sestatus|sealert|audit2allow|audit2why|restorecon|chcon|semanage|setsebool|getsebool)\b|ausearch[^\n]{0,20}-m\s*avc|\b(?:container_t|spc_t|container_runtime_t)\b|\b[a-z]\w*_u:[a-z]\w*_r:[a-z]\w*_t\b|\blabel[=:]disable\b|(?:-v|--volume)[= ]["']?[^\s:"']+["']?:["']?[^\s:"']+["']?:(?:[a-z]+,)*[zZ](?:,[a-z]+)*["']?(?=\s|$)|^\s*-\s+["']?[^\s:"']+:[^\s:"']+:(?:[a-z]+,)*[zZ](?:,[a-z]+)*["']?\s*$|\bselinux\b(?!:)[^\n]{0,80}\b(?:enabl|enforc|permissive|den(?:y|ied)|prevent|block|label|context|polic|relabel|disabl|issue|problem)|\b(?:disabl\w*|because of|due to|caused by|blame\w*|turn(?:ing|ed)? off)\s+(?:the\s+)?selinux\b/im,
    yieldsTo: ['selinux-avc-denied', 'selinux-named'],
    says: 'SELinux is named beside the failure (its tools, its container labels, a :z/:Z volume relabel or label=disable)',
  },
  {
    id: 'apparmor-vocabulary',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.5,
    // AppArmor's own tools and switches (apparmor-utils: aa-status, aa-complain, aa-disable,
    // aa-enforce, aa-logprof; apparmor_parser; the profiles under /etc/apparmor.d/) and Docker's
    // `--security-opt apparmor=unconfined`, named beside a failure; and snapd's confinement, which
    // is AppArmor (`snap connect` of an interface, "strict confinement").
    // snap-confine's "Sorry, home directories outside of /home are not currently supported" too.
    needles: ['aa-', 'apparmor', 'snap connect', 'confinement', 'home directories outside of /home'],
    test: /\baa-(?:status|complain|disable|enforce|logprof|genprof|teardown)\b|\bapparmor_(?:parser|status)\b|\/etc\/apparmor\.d\/|\bapparmor[=:]\s*unconfined\b|\bsnap connect\b|\bstrict confinement\b|\bconfinement:\s*strict\b|home directories outside of \/home are not currently supported/i,
    yieldsTo: ['apparmor-denied', 'apparmor-profile-denied', 'apparmor-named'],
    says: 'AppArmor is named beside the failure (its tools, a profile or apparmor=unconfined)',
  },
  {
    id: 'ptrace-capability',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.5,
    // A container's capability set named as the remedy: `docker run --cap-add=SYS_PTRACE`, compose's
    // `cap_add: [SYS_PTRACE]`, CAP_SYS_PTRACE. Docker's default profile drops it (and, before 19.03,
    // its seccomp profile blocked ptrace without it), so Delve's launch fails with EPERM.
    needles: ['SYS_PTRACE'],
    says: 'the ptrace capability (SYS_PTRACE) is named: a container policy that forbids debugging or tracing is in play',
  },
  {
    id: 'privileged-container',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.45,
    // A container run privileged (`docker run --privileged`, compose's and Kubernetes'
    // `privileged: true`): that switch turns off the runtime's seccomp profile, its AppArmor or
    // SELinux confinement and the dropped capabilities at once, so where it is the remedy, a
    // container policy was in the way.
    needles: ['privileged'],
    test: /--privileged\b(?!=false)|^\s*privileged:\s*true\b/m,
    says: 'a container is run privileged, which lifts its seccomp profile, AppArmor/SELinux confinement and capability limits: a container policy is in play',
  },
  {
    id: 'runtime-eperm',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // A container runtime refused with EPERM while setting up or running the container, in its own
    // words: "OCI runtime create failed: runc create failed: … operation not permitted", crun's
    // "crun: … Operation not permitted", conmon and containerd-shim the same. The runtime runs as the
    // caller, so EPERM there is the host's policy (seccomp, a missing capability, user namespaces
    // refused), not file modes.
    needles: ['OCI runtime', 'runc', 'crun', 'conmon', 'containerd-shim'],
    test: /\b(?:OCI runtime|runc|crun|conmon|containerd-shim)\b[^\n]{0,300}(?:[Oo]peration not permitted|\bEPERM\b)/,
    yieldsTo: ['thread-create-eperm', 'exec-eperm', 'seccomp-new-syscall', 'sandbox-namespace-denied'],
    says: 'a container runtime (runc, crun, containerd) was refused with EPERM: the host\'s seccomp, capability or user-namespace policy',
  },
  {
    id: 'seccomp-sigsys',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // SIGSYS on Linux comes from a seccomp filter whose action is KILL or TRAP (seccomp(2)); an
    // unimplemented system call answers ENOSYS instead. The shell's "Bad system call (core
    // dumped)", the Go runtime's "SIGSYS: bad system call" dump, systemd's "status=31/SYS".
    needles: ['ad system call', 'SIGSYS', 'status=31/SYS'],
    test: /\bBad system call\b|\bSIGSYS\b|status=31\/SYS/,
    says: 'a process was killed by SIGSYS ("bad system call"): a seccomp filter (a container runtime, systemd\'s SystemCallFilter, a sandbox) forbids a system call it made',
  },
  {
    id: 'fapolicyd-denied',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // fapolicyd (RHEL/Fedora application allow-listing) logs its decisions as "rule=13
    // dec=deny_audit perm=execute … exe=/usr/bin/bash : path=/tmp/x": an exec refused by policy,
    // which the program sees as EPERM.
    needles: ['dec=deny', 'fapolicyd'],
    test: /\bdec=deny\w*\b|fapolicyd[^\n]{0,200}\bden(?:y|ied)\b/,
    says: 'fapolicyd, the application allow-listing daemon, denied an execute or open: a policy, not the file modes',
  },
  // fs-access
  {
    id: 'file-lock-unsupported',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    // cmd/go's lockedfile (internal/filelock) wraps a failed flock/LockFileEx as an fs.PathError
    // whose Op is the lock type: "go: RLock /x/go.mod: Incorrect function." (Windows
    // ERROR_INVALID_FUNCTION on a network share or WSL's 9P), "Lock …: function not implemented"
    // (ENOSYS), "…: operation not supported" (EOPNOTSUPP). ENOLCK is nfs-no-locks'.
    needles: ['Lock '],
    test: /\b(?:R?Lock|Unlock) \S+: (?:Incorrect function|function not implemented|operation not supported|not supported|The request is not supported)/,
    yieldsTo: ['nfs-no-locks'],
    says: 'the go command could not lock go.mod or a cache file: the file system (a network share, WSL\'s 9P, FUSE) does not support file locks',
  },
  {
    id: 'go-work-dir-failed',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    // cmd/go/internal/work: os.MkdirTemp(GOTMPDIR, "go-build") failing is base.Fatalf("go: creating
    // work dir: %v"): GOTMPDIR (or TMPDIR) does not exist, is not writable, or is full.
    needles: ['creating work dir'],
    test: /\bgo: creating work dir: /,
    says: 'the go command could not create its work directory in GOTMPDIR (or TMPDIR): it is missing, not writable or full',
  },
  {
    id: 'go-file-refused',
    classId: 'fs-access',
    role: 'symptom',
    symptom: 'access-denied',
    severity: 'warning',
    // Stronger than a bare "permission denied": it names the operation and the directory that is
    // not writable, so a tool install it broke comes after it; a policy named beside it still
    // explains it (SELinux on a bind mount).
    confidence: 0.7,
    // A Go program's fs.PathError for a file operation, as the go command prints it when GOPATH, GOCACHE,
    // GOMODCACHE or GOROOT is not writable: "mkdir /go: permission denied", "open
    // /usr/lib/go/pkg/linux_amd64/runtime/cgo.a: permission denied". Go's errno text is lower-case
    // ("permission denied"); C's strerror is "Permission denied".
    needles: ['ermission denied'],
    test: /\b(?:mkdir|open|create|rename|remove|unlinkat|symlink|link|chmod|chtimes|truncate|write) (?:\/|\$WORK|[A-Za-z]:\\)[^:\n]*: permission denied/,
    yieldsTo: ['build-cache-unusable', 'module-cache-create', 'go-work-dir-failed', 'exec-permission-denied', 'system-exec-denied', 'exec-refused-more', 'program-exec-denied', 'shared-storage-exec', 'selinux-avc-denied', 'apparmor-denied', 'container-path-denied', 'proc-self-denied'],
    says: 'the go command (or another Go program) was refused a file or directory it creates or opens (mkdir, open, rename … : permission denied): a directory is not writable by this user',
  },
  {
    id: 'read-only-root-named',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.45,
    // Kubernetes' securityContext `readOnlyRootFilesystem: true` and Docker's `--read-only`: the
    // container's own file system cannot be written, so the go command's default GOCACHE, GOPATH
    // and TMPDIR there fail unless a writable volume is mounted for them.
    needles: ['readOnlyRootFilesystem', '--read-only', 'read_only:'],
    test: /\breadOnlyRootFilesystem"?:\s*true\b|\bdocker (?:run|create)\b[^\n]{0,200}\s--read-only\b|^\s*read_only:\s*true\b/m,
    says: 'the container\'s root file system is read-only (readOnlyRootFilesystem, --read-only): the Go caches and temporary files need a writable volume',
  },
  // ---- end of limits, mounts and policies, second wave (lane limits)
  // ---- env-inheritance and module-resolution families (lane envmod): keep this block together.
  // Each names the program that prints the words. Families, not pasted texts: a program name,
  // a path or a version is always a placeholder.
  //
  // A program not on the PATH, as the shells and clients accA's rules do not cover say it: zsh
  // ("zsh:1: command not found: go"), fish ("fish: Unknown command: go", fish 2: "Unknown command
  // 'go'"), tcsh/csh ("go: Command not found."), GNU make ("make: go: Command not found", make 4:
  // "make: go: No such file or directory"), Emacs's call-process ("Searching for program: No such
  // file or directory, go"), coreutils' timeout/nohup/nice ("failed to run command 'go': No such
  // file or directory") and GNU which ("which: no go in (/usr/bin:/bin)"). Run by a desktop
  // launcher, a GUI Emacs, a task runner or sudo, the PATH is not the login shell's.
  {
    id: 'go-not-found-shells',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.85,
    needles: ['command not found: go', "Command 'go", 'Unknown command', 'Command not found', 'Searching for program', 'failed to run command', 'which: no go in (', 'go: No such file or directory', 'go.exe: No such file or directory'],
    // Also a shell running a go binary that is gone ("-bash: /usr/local/go/bin/go: No such file or directory").
    test: new RegExp(notOnPath(String.raw`go(?:\.exe)?|gofmt`, true).source + String.raw`|(?:^|\s)\S*\/bin\/go(?:\.exe)?: [Nn]o such file or directory`),
    yieldsTo: ['go-missing', 'go-binary-not-found'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'the editor or a tool it ran could not find the go command on the PATH it was given (the shell, task runner or GUI application it ran under did not get the login shell\'s PATH)',
  },
  {
    id: 'gopls-not-found-shells',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.8,
    // The shapes notOnPath reads, each a needle of its own: a bare 'gopls' needle sent every line of
    // a gopls log that names gopls through this rule's full test.
    needles: ['command not found: gopls', "Command 'gopls", 'Unknown command', 'Command not found', 'gopls: No such file or directory', 'Searching for program', "failed to run command 'gopls", 'failed to run command ‘gopls', 'which: no gopls in ('],
    test: notOnPath(String.raw`gopls(?:\.exe)?`, true),
    yieldsTo: ['gopls-not-found', 'server-binary-missing'],
    says: 'the editor could not find the gopls binary on the PATH it was given',
  },
  {
    id: 'program-not-found-shells',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // The same shells for any other program, plus Windows' "'make' is not recognized as an internal
    // or external command" / PowerShell's "The term 'make' is not recognized as the name of a
    // cmdlet" and Java's ProcessBuilder 'Cannot run program "git"'. GNU make's and env(1)'s bare "No
    // such file or directory" are left out (they also name files), and so are an editor's words for another language's server (Emacs's "Searching for
    // program", node's "spawn pyright ENOENT"): lane launch reads those, for Go's servers only.
    needles: ['command not found: ', "Command '", 'Unknown command', 'Command not found', 'failed to run command', 'which: no ', 'is not recognized as', 'Cannot run program'],
    test: new RegExp(
      [
        notOnPath(String.raw`[\w.+-]+`, false, false).source,
        String.raw`['"‘][\w.+-]+['"’] is not recognized as (?:an internal or external command|the name of a cmdlet)`,
        String.raw`Cannot run program \\?"[\w.+-]+\\?"`,
      ].join('|'),
    ),
    yieldsTo: ['go-not-found-shells', 'gopls-not-found-shells', 'go-binary-not-found', 'gopls-not-found', 'go-tool-missing', 'command-not-on-path', 'go-missing'],
    says: 'a program was not found on the PATH the process was started with (a launcher, task runner, GUI application or sudo that did not export the login shell\'s PATH)',
  },
  // Version managers' shims, run where the manager's environment or version file is missing: asdf
  // ("No version is set for command go" / "Consider adding one of the following versions in your
  // config file at …/.tool-versions"; asdf 0.8 "No preset version installed for command go";
  // "unknown command: go. Perhaps you have to reshim?"), mise/rtx ("mise ERROR No version is set for
  // shim: go", "go is not a valid shim"), the rbenv-style goenv ("goenv: version `1.21.5' is not
  // installed (set by /x/.go-version)", "goenv: go: command not found") and gvm's shell hooks
  // ("ERROR: GVM_ROOT not set. Please source $GVM_ROOT/scripts/gvm"). The editor or task ran the
  // shim without the variables or the directory the manager needs.
  {
    id: 'go-shim-no-version',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.8,
    needles: ['version is set for command', 'version set for command', 'No preset version installed for command', 'No version is set for shim', 'is not a valid shim', 'Perhaps you have to', 'goenv: '],
    test: new RegExp(
      [
        String.raw`No version (?:is )?set for command ${GO_TOOL}`,
        String.raw`No preset version installed for command ${GO_TOOL}`,
        String.raw`No version is set for shim:? ${GO_TOOL}`,
        String.raw`\b${GO_TOOL} is not a valid shim`,
        String.raw`(?:unknown|no) command:? ${GO_TOOL}\. Perhaps you have to (?:asdf )?reshim`,
        String.raw`\bgoenv: version [\x60'‘]v?[\w.-]+['’] is not installed`,
        String.raw`\bgoenv: ${GO_TOOL}: command not found`,
      ].join('|'),
    ),
    explains: ['module-resolution', 'gopls-launch'],
    says: "a version manager's shim (asdf, mise, goenv) could not choose a Go: the editor or task ran it without the manager's environment or outside the directory whose version file names one",
  },
  {
    id: 'shim-no-version',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    needles: ['version is set for command', 'version set for command', 'No preset version installed for command', 'No version is set for shim', 'is not a valid shim', 'Perhaps you have to', 'is not installed (set by', 'GVM_ROOT not set', '__gvm_'],
    test: /No version (?:is )?set for command [\w.+-]+|No preset version installed for command|No version is set for shim|[\w.+-]{1,200} is not a valid shim|command:? [\w.+-]+\. Perhaps you have to (?:asdf )?reshim|\b\w+env: version [`'‘][^'’\s]+['’] is not installed \(set by|GVM_ROOT not set|command not found: __gvm_\w+/,
    yieldsTo: ['go-shim-no-version'],
    says: "a version manager's shim or shell hook (asdf, mise, goenv, pyenv, gvm) failed: the program ran without the manager's environment or outside the directory whose version file names a version",
  },
  {
    id: 'goroot-tools-missing',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // cmd/go base/tool.go: 'go: no such tool "compile"' (older: "go tool: no such tool"), and a
    // fork/exec of GOROOT/pkg/tool/<os_arch>/compile that is not there: the go binary runs with a
    // GOROOT (exported, or go.goroot) that is not its own installation. "covdata" is left out: Go
    // 1.25 toolchains fetched into the module cache lack it (a known cmd/go issue, not the environment).
    needles: ['no such tool', 'pkg/tool/', 'pkg\\tool\\'],
    test: /no such tool \\?"(?:compile|link|asm|cgo|vet|cover|pack|buildid|nm|objdump|fix|trace|pprof|test2json|addr2line|doc)\\?"|pkg[\\/]tool[\\/][\w-]+[\\/](?:compile|link|asm|cgo|vet|cover)(?:\.exe)?: (?:[Nn]o such file or directory|The system cannot find)/,
    yieldsTo: ['go-binary-not-found'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'the go command cannot find its own compiler or tools: GOROOT (exported by a shell, a version manager or go.goroot) points at another or an incomplete Go installation',
  },
  {
    id: 'goroot-std-missing',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // A standard-library import go cannot find, in the GOPATH-mode and older module-mode words
    // accA's go-toolchain-mismatch does not read: cmd/go's 'cannot find package "fmt" in any of:'
    // (GOROOT/src/fmt listed first), 'unrecognized import path "fmt"' and 'malformed module path
    // "fmt": missing dot in first path element' (go 1.13–1.15 looking for fmt as a module). The go
    // command runs with a GOROOT whose src is not its release's, or is missing.
    needles: ['cannot find package', 'unrecognized import path', 'malformed module path'],
    test: new RegExp(String.raw`cannot find package \\?"${STD}\\?" in (?:any of|GOROOT)|unrecognized import path \\?"${STD}\\?"|malformed module path \\?"${STD}\\?": missing dot in first path element`),
    yieldsTo: ['go-toolchain-mismatch', 'go-too-old-for-tools'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'the go command cannot find the standard library: it runs with a GOROOT (exported by a shell, a version manager or go.goroot) that is not its own Go installation, or that Go is older than the code',
  },
  {
    id: 'goroot-setting-invalid',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.8,
    // The Go extension's goEnv.ts setGOROOTEnvVar: "go.goroot setting is ignored. X is not a valid GOROOT directory."
    needles: ['is not a valid GOROOT directory'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'the go.goroot setting names a directory that is not a Go installation, so the editor runs the tools with another GOROOT than intended',
  },
  {
    id: 'goroot-version-mix',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // Not screened by needles: the analyzer compares the Go release named by GOROOT's path (gvm's
    // gos/go1.12, asdf's installs/golang/1.21.0, goenv's versions/1.20.3, Homebrew's Cellar/go/1.21,
    // /usr/lib/go-1.18) with the go command's release (GOVERSION, `go version`) or a per-release
    // GOPATH (gvm's pkgsets/go1.15, goenv's $HOME/go/1.21.0) in the same listing (goEnvListing.ts).
    needles: [],
    explains: ['module-resolution'],
    says: 'the environment mixes two Go installations: GOROOT belongs to one Go release and the go command or GOPATH to another (a version manager activated in one shell but not in the one that started the editor)',
  },
  {
    id: 'go-env-value-invalid',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // internal/buildcfg: "invalid GOAMD64: must be v1, v2, v3, v4" (and GOARM, GO386, GOMIPS,
    // GOPPC64, GORISCV64, GOWASM), "unknown GOEXPERIMENT x"; cmd/go work/init.go: "go: -race requires
    // cgo; enable cgo by setting CGO_ENABLED=1" (CGO_ENABLED=0 exported). A variable from the
    // environment the tools were started with makes every build fail.
    needles: ['invalid GOAMD64', 'invalid GOARM', 'invalid GO386', 'invalid GOMIPS', 'invalid GOPPC64', 'invalid GORISCV64', 'invalid GOWASM', 'unknown GOEXPERIMENT', ' requires cgo'],
    test: /invalid GO(?:AMD64|ARM64|ARM|386|MIPS64|MIPS|PPC64|RISCV64|WASM)\b|unknown GOEXPERIMENT|-(?:race|msan|asan) requires cgo/,
    says: 'the go command rejects a build variable of the environment it was started with (GOAMD64, GOARM, GOEXPERIMENT, or CGO_ENABLED=0 with -race), so every build fails',
  },
  {
    id: 'toolchain-not-on-path',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // cmd/go toolchain/select.go under GOTOOLCHAIN=path (or <name>+path): 'go: cannot find "go1.22.1"
    // in PATH' — the toolchain go.mod asks for must be on the PATH the tools were started with.
    needles: ['" in PATH'],
    test: /cannot find \\?"go1\.[\w.-]+\\?" in PATH/,
    explains: ['module-resolution', 'gopls-launch'],
    says: 'GOTOOLCHAIN=path asks for a Go toolchain (goX.Y) on the PATH and the PATH the tools were started with has none',
  },
  {
    id: 'go-too-old-for-go-mod',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go modload (go mod tidy): "go: go.mod file indicates go 1.21, but maximum version supported
    // by tidy is 1.19" — the go found first on the PATH is older than the one the module was written with.
    needles: ['go.mod file indicates go'],
    test: /go\.mod file indicates go [\d.]+, but maximum (?:version )?supported (?:by tidy )?(?:version )?is [\d.]+/,
    says: 'the go command found first on the PATH is older than the module needs (another Go installation is found before the one expected)',
  },
  {
    id: 'empty-go-path-exported',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // A command line that exports GOPATH or GOROOT empty ("export GOPATH= && …", as IDE plugins and
    // task runners print the command they run): the tool gets an empty value in place of the user's.
    needles: ['export GOPATH=', 'export GOROOT='],
    test: /\bexport (?:GOPATH|GOROOT)=(?=\s*(?:&&|;|\|\||$))/,
    explains: ['module-resolution'],
    says: 'the tool was started with GOPATH or GOROOT exported empty (by the IDE or script that ran it), not the value the shell sets',
  },
  {
    id: 'foreign-binary-exec',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // bash's "cannot execute binary file: Exec format error" and Python's "OSError: [Errno 8] Exec
    // format error" (ENOEXEC) for a program other than gopls: built for another GOOS/GOARCH, as a
    // target exported in the environment does.
    needles: ['cannot execute binary file', '[Errno 8] Exec format error'],
    test: /cannot execute binary file(?:: Exec format error|\s*$)|\[Errno 8\] Exec format error/,
    yieldsTo: ['gopls-binary-broken', 'exec-format-error'],
    says: 'a program could not be executed (ENOEXEC): it was built for another OS or architecture, as a GOOS/GOARCH exported in the environment does',
  },
  {
    id: 'foreign-libc-loader',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // musl's dynamic loader (ldso/dynlink.c): "Error relocating /x: __memcpy_chk: symbol not found",
    // "Error loading shared library libstdc++.so.6: No such file or directory (needed by /x)": a
    // program run against another libc than it was built for (a glibc build in an Alpine container,
    // a sandbox's runtime). gopls itself is left to the gopls-launch rules.
    needles: ['Error relocating', 'Error loading shared library'],
    test: /Error relocating (?!\S*gopls)\S+: \S+: symbol not found|Error loading shared library \S+: No such file or directory \(needed by (?!\S*gopls)/,
    // A library that exists but may not be mapped executable (EPERM) is a noexec mount's (lane limits).
    yieldsTo: ['musl-map-denied'],
    says: "a program could not be loaded against this system's C library (musl's loader: a symbol or library it was built against is missing): it ran under another runtime than it was built for",
  },
  // --- module-resolution ---
  {
    id: 'gopath-mode-auto',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.8,
    // cmd/go modload (go 1.11–1.12): "go: modules disabled inside GOPATH/src by GO111MODULE=auto; see 'go help modules'".
    needles: ['modules disabled inside GOPATH/src'],
    says: 'the go command runs in GOPATH mode (GO111MODULE=auto inside GOPATH/src), so the module is ignored',
  },
  {
    id: 'workspace-excludes-module',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.75,
    // cmd/go modload (workspace mode): "current directory is contained in a module that is not one
    // of the workspace modules listed in go.work. You can add the module to the workspace using: go
    // work use .", "pattern ./...: directory prefix . does not contain modules listed in go.work or
    // their selected dependencies", "go: no modules were found in the current workspace; see 'go help work'".
    needles: ['is contained in a module that is not one of the workspace modules', 'does not contain modules listed in go.work', 'no modules were found in the current workspace'],
    says: 'a go.work is in effect (found above the folder, or named by GOWORK) and does not list the module being built',
  },
  {
    id: 'no-main-module-here',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.55,
    // cmd/go: "pattern ./...: directory prefix . does not contain main module or its selected
    // dependencies", "go: 'go install' requires a version when current directory is not in a module"
    // (go 1.16: "go install: version is required when current directory is not in a module"), and
    // go 1.12's "go: cannot match "all": working directory is not part of a module".
    needles: ['does not contain main module or its selected dependencies', 'requires a version when current directory is not in a module', 'version is required when current directory is not in a module', 'working directory is not part of a module'],
    says: 'the go command ran in a directory that is not inside the module (no go.mod at or above it)',
  },
  {
    id: 'replace-target-missing',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go modload/import.go fetch: "replacement directory ../x does not exist"; older go: "go:
    // example.com/x@v0.0.0: parsing ../x/go.mod: open /abs/x/go.mod: no such file or directory".
    needles: ['replacement directory', 'go.mod: open '],
    test: /replacement directory \S+ does not exist|parsing \S*go\.mod: open \S*go\.mod: (?:[Nn]o such file or directory|The system cannot find)/,
    says: 'a replace directive in go.mod points at a directory that is not there (not checked out, not copied into the container, or a path relative to another folder)',
  },
  {
    id: 'module-path-mismatch',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.5,
    // cmd/go load/pkg.go "case-insensitive import collision: "a/B" and "a/b"", modfetch "case-
    // insensitive file name collision"; modfetch/coderepo.go "go.mod has post-v2 module path … at
    // revision …", "module contains a go.mod file, so major version must be compatible: should be v0
    // or v1, not v2" / "… so module path must match major version"; gopls's go.mod diagnostic "x is
    // not in your go.mod file" (mod tidy): an import path and the module that provides it disagree.
    needles: ['case-insensitive import collision', 'case-insensitive file name collision', 'major version must be compatible', 'module path must match major version', 'is not in your go.mod file', 'module path "'],
    test: /case-insensitive (?:import|file name) collision|go\.mod has post-v\d+ module path|major version must be compatible|module path must match major version|\S{1,300} is not in your go\.mod file/,
    says: "an import path disagrees with the module that provides it (letter case, a major version suffix, or a module missing from go.mod)",
  },
  {
    id: 'internal-import-denied',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go load/pkg.go: "use of internal package x/internal/y not allowed": the importing package
    // is not where its import path says (a checkout outside its module path, GOPATH mode vs modules).
    needles: ['use of internal package'],
    test: /use of internal package \S+ not allowed/,
    userCode: true,
    says: 'an internal package is imported from outside the tree that owns it: the code is not checked out where its module path says, or is built in the wrong mode',
  },
  {
    id: 'module-for-path-missing',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go 1.11: "cannot find module for path x" (later "cannot find module providing package x").
    needles: ['cannot find module for path'],
    userCode: true,
    yieldsTo: ['goroot-std-missing', 'go-toolchain-mismatch'],
    says: 'an import is provided by no module in the build',
  },
  {
    id: 'build-constraints-exclude',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.4,
    // cmd/go: "build constraints exclude all Go files in /x" — the same kind the gopls diagnostics
    // probe reads (src/lsp/goplsDiagnostics.ts): the folder holds no file of this build.
    // gopls's "This file may be excluded due to its build tags" / "is excluded due to its build tags".
    needles: ['build constraints exclude all Go files', 'excluded due to its build tags'],
    says: 'the go command found no file of this build in a package directory (its build constraints exclude every file for this GOOS/GOARCH and tags)',
  },
  {
    id: 'go-not-found-windows-path',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.85,
    // os/exec on Windows (lp_windows.go ErrNotFound): 'exec: "go": executable file not found in
    // %PATH%', and Go's ErrDot since 1.19: 'exec: "go": cannot run executable found relative to
    // current directory' (a PATH entry that is "." or relative: an unexpanded "~/go/bin" or "$HOME/sdk/go/bin").
    // Also the GitHub Actions toolkit (@actions/io which): "Unable to locate executable file: go."
    needles: ['exec: "go": executable file not found in %PATH%', 'exec: "go.exe": executable file not found in %PATH%', 'exec: "go": cannot run executable found relative to current directory', 'Unable to locate executable file: go'],
    test: new RegExp(String.raw`exec: \\?"${GO_CMD}\\?": (?:executable file not found in %PATH%|cannot run executable found relative to current directory)|Unable to locate executable file: ${GO_CMD}`),
    yieldsTo: ['go-missing', 'go-binary-not-found'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'the editor or a tool it ran could not find the go command on the PATH it was given (missing, or found only through a relative PATH entry that Go refuses)',
  },
  {
    id: 'program-not-on-path-other',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // The same os/exec and Actions words for any other program, and clients' "'gopls' not found in
    // $PATH" shape for any program (Helix's health check, Sublime, scripts): the PATH handed to the
    // process lacks the program, or holds it only through a relative entry.
    needles: ['executable file not found in %PATH%', 'cannot run executable found relative to current directory', 'Unable to locate executable file', 'not found in $PATH', 'not found in PATH', 'not found in your PATH'],
    test: /exec: \\?"[^"\\\n]+\\?": (?:executable file not found in %PATH%|cannot run executable found relative to current directory)|Unable to locate executable file: [\w.+-]+|['"‘]?[\w.+-]{1,200}['"’]? (?:was |is )?not found in (?:\$PATH|PATH|your PATH)\b/,
    yieldsTo: ['go-not-found-windows-path', 'go-binary-not-found', 'gopls-not-found', 'go-missing', 'executable-not-found', 'go-tool-missing'],
    says: 'a program was not found on the PATH the process was started with (or only through a relative PATH entry, which Go refuses)',
  },
  {
    id: 'shell-env-unresolved',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // VS Code's shellEnv.ts, started from a desktop launcher, reads the login shell's environment
    // and says when it could not: "Unable to resolve your shell environment in a reasonable time.
    // Please review your shell configuration and restart." / "Unable to resolve your shell
    // environment: Unexpected exit code from spawned shell (code 1, signal null)". Emacs's
    // exec-path-from-shell: 'You appear to be setting environment variables ("PATH") in your .bashrc
    // or .zshrc: those files are only read by interactive shells'. direnv: "direnv: error
    // /x/.envrc is blocked. Run `direnv allow` to approve its content". VS Code's terminal: "The
    // terminal process failed to launch: Path to shell executable "/usr/bin/zsh" does not exist." (a
    // shell the sandboxed or remote editor cannot see).
    needles: ['Unable to resolve your shell environment', 'You appear to be setting environment variables', 'is blocked. Run `direnv allow`', 'Path to shell executable'],
    explains: ['module-resolution'],
    says: 'the editor runs without the environment the login shell sets up (it could not read the shell environment, or PATH and Go variables are set where a launcher never reads them)',
  },
  {
    id: 'go-env-w-overridden',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // cmd/go envcmd/env.go: "warning: go env -w GO111MODULE=... does not override conflicting OS
    // environment variable": a variable exported by the shell profile, the IDE or the system wins
    // over the user's go env -w, so what go does (GOPATH mode, -mod, a proxy) is not what was set.
    needles: ['does not override conflicting OS environment'],
    explains: ['module-resolution'],
    says: 'a Go variable exported in the environment (by a shell profile, the IDE or the system) overrides the value set with go env -w, so the tools do not run with the configuration the user chose',
  },
  {
    id: 'shared-lib-missing',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // glibc's ld.so for a program other than gopls: "x: error while loading shared libraries:
    // libfoo.so.1: cannot open shared object file: No such file or directory" — the library path
    // (LD_LIBRARY_PATH, a sandbox's or conda's runtime) the program was started with lacks it.
    needles: ['error while loading shared libraries'],
    test: /(?<!gopls(?:\.exe)?): error while loading shared libraries: \S+: cannot open shared object file/,
    yieldsTo: ['gopls-binary-broken', 'foreign-runtime-libs'],
    says: 'a program could not load a shared library: the library path it was started with (LD_LIBRARY_PATH, a sandbox or conda runtime) lacks it',
  },
  {
    id: 'wsl-windows-interop',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // cmd.exe started by a Windows program from a WSL path: "UNC paths are not supported.
    // Defaulting to Windows directory." — the PATH WSL inherited from Windows put a Windows go,
    // code or tool before the Linux one.
    needles: ['UNC paths are not supported'],
    says: 'a Windows program ran from inside WSL (the PATH WSL inherits from Windows put a Windows go or tool before the Linux one)',
  },
  {
    id: 'outside-module-and-gopath',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'error',
    confidence: 0.7,
    // gopls before 0.7 (cache/view.go): "You are neither in a module nor in your GOPATH. If you are
    // using modules, please open your editor to a directory in your module." and gopls 0.5's "You are
    // outside of a module and outside of $GOPATH/src." What gopls saw, which the environment decides
    // as much as the folder: a GOPATH set wrong (or to GOROOT) or GO111MODULE=off puts every folder
    // outside both, so an environment cause found beside it comes first.
    needles: ['neither in a module nor in your GOPATH', 'outside of a module and outside of $GOPATH'],
    says: 'gopls found the open folder neither in a module nor in GOPATH (no go.mod at or above it, or a GOPATH that does not contain it)',
  },
  {
    id: 'modules-off-listed',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.55,
    // Not screened by needles: the analyzer reads GO111MODULE=off in a `go env` listing (any shape)
    // or in gopls's log of the go commands it runs ("… for GOROOT=… GOPATH=… GO111MODULE=off PWD=…",
    // internal/gocommand) (goEnvListing.ts).
    needles: [],
    says: 'the go command runs with GO111MODULE=off from the environment, so go.mod is ignored and imports are looked up in GOPATH',
  },
  {
    id: 'goroot-not-a-root',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // Not screened by needles: a listing (go env, the Go extension's tools block) whose GOROOT is
    // the bin directory or the go binary itself ("GOROOT: /usr/local/go/bin/go"), as a go.goroot
    // setting or an exported GOROOT written that way gives it (goEnvListing.ts).
    needles: [],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'GOROOT names the bin directory or the go binary, not the Go installation, so the go command and the tools look for the standard library and the compiler in the wrong place',
  },
  {
    id: 'gopath-equals-goroot',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // Not screened by needles: a listing whose GOPATH is GOROOT (cmd/go then warns "GOPATH set to
    // GOROOT (…) has no effect" and ignores it), as an IDE or a profile exporting GOPATH=$GOROOT does.
    needles: [],
    explains: ['module-resolution'],
    says: 'GOPATH is the same directory as GOROOT, which go ignores: the editor or a profile exported GOPATH set to the Go installation',
  },
  {
    id: 'go-for-tools-missing',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.8,
    // The Go extension's goInstallTools.ts: "Failed to find a go command needed to install tools.",
    // 'failed to run "go version" with "/x/go". Provide a valid path to the Go binary' (the
    // go.toolsManagement.go setting), 'failed to find "go" for install'.
    needles: ['Failed to find a go command needed to install tools', 'Provide a valid path to the Go binary', 'failed to find "go" for install'],
    explains: ['gopls-launch', 'module-resolution'],
    says: 'the Go extension could not find or run the go command it installs tools with (PATH, go.goroot or go.toolsManagement.go point where there is no working go)',
  },
  {
    id: 'vendor-out-of-sync',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go modload/vendor.go's reasons under "inconsistent vendoring": "x@v: is explicitly required
    // in go.mod, but not marked as explicit in vendor/modules.txt", "… is marked as explicit in
    // vendor/modules.txt, but not explicitly required in go.mod", "… is replaced in go.mod, but not
    // marked as replaced in vendor/modules.txt", and its advice "run 'go mod vendor' to sync".
    needles: ['but not marked as explicit in vendor/modules.txt', 'is marked as explicit in vendor/modules.txt', 'but not marked as replaced in vendor/modules.txt', "run 'go mod vendor' to sync"],
    yieldsTo: ['inconsistent-vendoring'],
    says: 'the vendor directory disagrees with go.mod (inconsistent vendoring: go.mod changed without go mod vendor)',
  },
  {
    id: 'cgo-link-failed',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.4,
    // cmd/link's external linking: "/x/pkg/tool/linux_amd64/link: running gcc failed: exit status 1"
    // — the C toolchain and the CGO_CFLAGS/CGO_LDFLAGS/LD_LIBRARY_PATH it got from the environment.
    needles: [' failed: exit status'],
    test: /\blink(?:\.exe)?: running (?:gcc|g\+\+|clang\+*|cc|c\+\+|\S*-gcc)\S* failed: exit status/,
    says: "cgo's external link failed: the C compiler and the CGO_CFLAGS, CGO_LDFLAGS or library path it took from the environment",
  },
  {
    id: 'sandboxed-editor-path',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.4,
    // Paths that exist only when the editor runs sandboxed: a Flatpak app's own data directory
    // (~/.var/app/com.visualstudio.code/…) or install tree (/var/lib/flatpak/app/<id>/), and a Snap
    // editor's (/snap/code/, /snap/codium/, /snap/goland/, /snap/intellij-idea-*/, ~/snap/code/).
    // The sandbox decides what go, gopls and their children see (Flathub's and Snapcraft's docs).
    // Weak on its own: any cause the text names comes first.
    needles: ['/.var/app/', '/flatpak/app/', '/snap/code', '/snap/codium', '/snap/goland', '/snap/intellij-idea', '/snap/sublime-text', 'snap/code/'],
    test: /\/\.var\/app\/[\w.-]+\/|\/flatpak\/app\/[\w.-]+\/|\/snap\/(?:code|code-insiders|codium|goland|intellij-idea-\w+|sublime-text)\/|\bsnap\/code\/(?:common|current|\d+)\//,
    yieldsTo: ['sandboxed-editor', 'snap-runtime-leak', 'foreign-runtime-libs'],
    says: 'the editor runs in a Flatpak or Snap sandbox (its paths are in the log), which decides what go, gopls and the programs they start can see',
  },
  {
    id: 'nested-module',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    // gopls 0.6–0.7 (cache/snapshot.go): "You are working in a nested module. Please open it as a
    // separate workspace folder." and "This file is in X, which is a nested module in the Y module.
    // gopls currently requires one module per workspace folder."
    needles: ['You are working in a nested module', 'which is a nested module in the'],
    says: 'the open file belongs to a module nested inside the folder opened, which this gopls does not load (open the nested module as its own folder, or use a go.work)',
  },
  {
    id: 'go-work-mode-refused',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.55,
    // cmd/go modcmd/vendor.go: "go: 'go mod vendor' cannot be run in workspace mode. Run 'go work
    // vendor' to vendor the workspace or set 'GOWORK=off' to exit workspace mode." — a go.work above
    // the module (or GOWORK) switched workspace mode on.
    needles: ['cannot be run in workspace mode'],
    says: 'a go.work (found above the folder, or named by GOWORK) put the go command in workspace mode, where this command cannot run',
  },
  {
    id: 'cant-find-import',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.4,
    // go/types' gc importer, as gotype, old gocode and the Go extension's build before gopls printed
    // it: 'could not import x (can't find import: "x")' — no compiled package for the import where
    // GOPATH says it should be.
    needles: ["can't find import"],
    test: /can't find import:? \\?"/,
    userCode: true,
    says: 'an import could not be found where GOPATH or the module graph says it should be',
  },
  {
    id: 'snap-runtime-leak',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // A program outside the sandbox loading a Snap's runtime: paths under /snap/core*/,
    // /snap/gnome-*/, /snap/kde-*/ or the Snap VS Code's gio-modules cache in a failure line (GLib's
    // "Failed to load module: /home/u/snap/code/common/.cache/gio-modules/libgiolibproxy.so", a
    // loader error naming /snap/core20/current/lib/…). The Snap editor exported GTK_PATH,
    // GIO_MODULE_DIR or LD_LIBRARY_PATH into the processes it starts.
    needles: ['/snap/', '/.cache/gio-modules/'],
    test: /(?:[Ff]ail|[Ee]rror|cannot|[Uu]nable|not found)[^\n]{0,400}(?:\/snap\/(?:core\d*|gnome-[\w.-]+|kde-[\w.-]+)\/\S+\.so|snap\/[\w-]+\/\w+\/\.cache\/gio-modules\/)|(?:\/snap\/(?:core\d*|gnome-[\w.-]+|kde-[\w.-]+)\/\S+\.so|snap\/[\w-]+\/\w+\/\.cache\/gio-modules\/)[^\n]{0,400}(?:not found|cannot open|[Ff]ailed|undefined symbol)/,
    yieldsTo: ['foreign-runtime-libs'],
    says: "a program started from a Snap editor loaded the Snap's own libraries (GTK_PATH, GIO_MODULE_DIR or LD_LIBRARY_PATH leaked from the sandbox into the processes it starts)",
  },
  {
    id: 'go-too-old-subcommand',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // cmd/go before 1.11 / 1.18: 'go: unknown subcommand "mod"' (or "work") — the go found first on
    // the PATH is an old installation (a distribution's golang package) rather than the one expected.
    needles: ['unknown subcommand'],
    test: /go(?:\.exe)?: unknown subcommand \\?"(?:mod|work|env)\\?"/,
    says: 'the go command found first on the PATH is too old to know modules or workspaces (another, older Go installation is found before the one expected)',
  },
  {
    id: 'foreign-arch-exec',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // The same ENOEXEC on other systems: macOS's "bad CPU type in executable" (zsh: "zsh: bad CPU
    // type in executable: ./app") and Windows' "This version of %1 is not compatible with the version
    // of Windows you're running"; and cmd/go's "-race is not supported on linux/386" — a GOOS/GOARCH
    // exported for another target than the machine.
    needles: ['Bad CPU type in executable', 'bad CPU type in executable', 'is not compatible with the version of Windows', 'is not supported on '],
    test: /[Bb]ad CPU type in executable(?![^\n]*gopls)|is not compatible with the version of Windows you're running|-(?:race|msan|asan) is not supported on \w+\/\w+/,
    yieldsTo: ['gopls-binary-broken', 'gopls-wrong-platform'],
    says: 'a program was built for another OS or architecture than this machine (a GOOS/GOARCH exported in the environment)',
  },
  {
    id: 'c-toolchain-env',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // The C toolchain cgo runs, broken by the environment it inherits: xcrun's "xcrun: error:
    // invalid active developer path (/Library/Developer/CommandLineTools), missing xcrun" (the
    // Command Line Tools gone after a macOS update), gcc's "error trying to exec 'cc1': execvp: No
    // such file or directory" (a gcc from another prefix — conda, a module system — first on PATH).
    needles: ['invalid active developer path', "error trying to exec 'cc1"],
    says: "cgo's C compiler cannot run in this environment (missing Command Line Tools, or a compiler from another prefix first on the PATH)",
  },
  {
    id: 'old-gopls-no-file',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'no-build',
    severity: 'warning',
    confidence: 0.55,
    // gopls of 2019 (internal/lsp/cache) answering a request on a file no loaded package holds:
    // "no AST for file:///x.go", "no file information for file:///x.go", "no metadata for file:///x.go".
    needles: ['no AST for file://', 'no file information for file://', 'no metadata for file://'],
    test: /no (?:AST|file information|metadata) for file:\/\//,
    says: 'gopls had no package for the open file: the folder opened is not a module or GOPATH workspace that holds it',
  },
  {
    id: 'no-buildable-files',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.45,
    // cmd/go before 1.11: "no buildable Go source files in /x" (later "no Go files in"), and go/build's
    // "found packages a (a.go) and b (b.go) in /x" — the directory the tool ran in is not one package.
    needles: ['no buildable Go source files in', 'found packages '],
    test: /no buildable Go source files in|found packages \w+ \(\S+\.go\) and \w+ \(\S+\.go\) in/,
    userCode: true,
    says: 'the go command found no single buildable package where it ran (the folder opened is not the package or module root)',
  },
  // ---- end of lane envmod's block
  // ---- env-inheritance families, round 2 (lane env2): keep this block together. Each names the
  // upstream source of its words; each is a family (any program, any path, any version).
  {
    id: 'go-not-on-path-words',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.8,
    // pathWords (above) for the go command: editors' plugins and scripts that check for go before
    // running it (Neovim plugins' vim.fn.executable("go") guard, go.nvim/mason's "go is not
    // installed or not in your PATH", Python's shutil.which, a Makefile's `command -v go`).
    needles: PATH_WORDS_NEEDLES,
    test: pathWords(String.raw`go|Go|golang|go\.exe|gofmt`),
    yieldsTo: ['go-binary-not-found', 'go-not-found-shells', 'go-missing', 'toolchain-not-on-path'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'the go command is not on the PATH the editor or tool was given (installed, but the launcher did not export the login shell\'s PATH)',
  },
  {
    id: 'gopls-not-on-path-words',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.75,
    // The same words for gopls: the client checked for the server binary before starting it.
    needles: PATH_WORDS_NEEDLES,
    test: pathWords(String.raw`gopls|gopls\.exe`),
    yieldsTo: ['gopls-not-found', 'gopls-not-found-shells', 'server-binary-missing'],
    says: 'the editor could not find the gopls binary on the PATH it was given',
  },
  {
    id: 'program-not-on-path-words',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // The same words for any other program (dlv, staticcheck, git, gcc…): run by an editor, a task
    // or a CI job, the PATH is the one its launcher exported, not the login shell's.
    needles: PATH_WORDS_NEEDLES,
    test: pathWords(String.raw`(?!(?:go|Go|golang|gofmt|gopls)(?:\.exe)?['"\`’ ])[\w.+-]{1,80}`),
    yieldsTo: ['go-not-on-path-words', 'gopls-not-on-path-words', 'program-not-on-path-other', 'executable-not-found', 'go-binary-not-found', 'gopls-not-found', 'go-tool-missing', 'toolchain-not-on-path'],
    says: 'a program was not found on the PATH the process was started with (a launcher, task runner or CI runner that did not export the login shell\'s PATH)',
  },
  {
    id: 'env-program-missing',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // env(1) running a program by name (a `#!/usr/bin/env node` script, `env -i go build`) that is
    // not on the PATH it has: GNU coreutils env.c "env: ‘node’: No such file or directory" (its
    // shebang form "/usr/bin/env: 'python3': No such file or directory"), BSD/macOS env(1) "env:
    // node: No such file or directory", BusyBox env "env: can't execute 'node': No such file or
    // directory". A bare name only: env given a path that is gone names a file, and a name ending
    // in a carriage return ('python\r', a script saved with CRLF line ends) is not a PATH problem.
    needles: ['env: ', "env: can't execute"],
    test: /(?:^|[\s:>\]])(?:\/usr)?(?:\/bin\/)?env: (?:can't execute )?(?:['"‘’]|\u00e2\u0080[\u0098\u0099])?[\w.+-]+(?:['"‘’]|\u00e2\u0080[\u0098\u0099])?: No such file or directory/,
    yieldsTo: ['go-binary-not-found', 'go-not-found-shells', 'gopls-not-found', 'gopls-not-found-shells'],
    says: 'env(1) could not find the program it was asked to run (a script\'s #!/usr/bin/env line) on the PATH the process was started with',
  },
  {
    id: 'systemd-exec-lookup',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // systemd (src/core/exec-invoke.c, execute.c): a unit's ExecStart= given a bare name is looked up
    // in systemd's own fixed search path, never the user's PATH — "x.service: Failed to locate
    // executable go: No such file or directory", older "Failed at step EXEC spawning go: No such file
    // or directory" — and "Failed to load environment files: No such file or directory" (the unit's
    // EnvironmentFile= is gone, so the service runs without its variables). A full path that is
    // missing ("/opt/app/bin/x") is a deployment's, not the environment's: not read.
    needles: ['Failed to locate executable ', 'Failed at step EXEC spawning ', 'Failed to load environment files'],
    test: /Failed (?:to locate executable|at step EXEC spawning) [\w.+-]+: No such file or directory|Failed to load environment files: No such file or directory/,
    says: "a systemd service could not find its program or its environment file (services get systemd's own PATH and only the variables their unit sets, not the login shell's)",
  },
  {
    id: 'shell-status-127',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.35,
    // The shell's status for "command not found" (bash(1) EXIT STATUS and POSIX sh 2.8.2: "If a
    // command is not found, the exit status shall be 127"), as the program that ran the shell
    // reports it: Go's os/exec "exit status 127" (a tool run through sh -c), Jenkins' "script
    // returned exit code 127", GitHub Actions' "##[error]Process completed with exit code 127.",
    // GitLab Runner's "ERROR: Job failed: exit code 127", a supervisor's or node's "process 92 exited with code: 127" / "child
    // process exited with code 127" (GNOME Builder's ide-subprocess-supervisor, node's
    // child_process users), VS Code's "terminated with exit code: 127". A #!/usr/bin/env script whose
    // interpreter is not on the PATH ends the same way. Weak: the words that say which command come
    // first; Neovim's "Client gopls quit with exit code 127" is a dead server's (lane launch). GNU make's and
    // Docker's "Error 127" / "returned a non-zero code: 127" are left out: there 127 also means make
    // or the runtime could not exec /bin/sh itself ("make: /bin/sh: Operation not permitted" under
    // a seccomp profile), which is another class's.
    needles: ['exit status 127', 'exit code 127', 'with code: 127', 'with code 127', 'exit code: 127'],
    test: /\bexit status 127(?!\d)|(?:script returned|Process completed with|Job failed:) exit code 127(?!\d)|(?:exited|terminated) with (?:exit )?code:? 127(?!\d)/,
    yieldsTo: ['server-lost', 'command-not-on-path', 'program-not-found-shells', 'go-binary-not-found', 'go-not-found-shells'],
    says: 'a shell could not find a command it was asked to run (exit status 127) on the PATH it was started with',
  },
  {
    id: 'launcher-clears-env',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // A launcher that says it starts the program with a fresh environment instead of its own:
    // GNOME Builder's ide-subprocess-launcher ("Launching '/app/bin/x --stdio' from directory '/w'
    // with environment PATH=/usr/bin:/bin HOME=… clearing parent environment", its "safe"
    // environment for language servers). What the program can find is only what that environment
    // names, not the login shell's PATH, GOPATH or GOROOT.
    needles: ['clearing parent environment'],
    test: /with environment [^\n]{0,2000}clearing parent environment/,
    explains: ['gopls-launch'],
    says: "the editor started the program with a cleared environment (only the variables it names, not the login shell's PATH, GOPATH or GOROOT)",
  },
  {
    id: 'go-unfound-listed',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // Not screened by needles: the Go extension's "Checking configured tools...." block with GOROOT
    // empty (it could run no go) beside a PATH with no Go directory on it (goEnvListing.ts): the PATH
    // the editor was started with is not the login shell's.
    needles: [],
    explains: ['gopls-launch', 'module-resolution'],
    says: 'the Go extension could run no go: the PATH it was started with (listed in its tools block) holds no Go installation',
  },
  {
    id: 'archive-from-other-go',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // cmd/compile and cmd/link reading a compiled package built by another Go release: "could not
    // import fmt (object is [darwin amd64 go1.20.3 X:none] expected [darwin amd64 go1.21.0 X:none])",
    // ".../pkg/linux_amd64/fmt.a: object is [… go1.9 …] expected [… go1.10 …]" (the archive header
    // check, cmd/internal/objabi / cmd/compile's importer). Two Go installations meet: a GOROOT from
    // one release with the compiler of another, or GOPATH/pkg left by an older Go. Only when the two
    // releases differ; the same release with other flags is a build's own. The compiler prints the
    // headers without their "go object " prefix (gc/main.go importfile: p[10:]); with the prefix,
    // go-toolchain-mismatch says it.
    needles: ['object is ['],
    yieldsTo: ['go-toolchain-mismatch'],
    test: /object is \[[^\]\n]*?\bgo(1\.\d+(?:\.\d+)?)\b[^\]\n]*\] expected \[[^\]\n]*?\bgo(?!\1\b)1\.\d+/,
    explains: ['module-resolution'],
    says: 'the compiler read packages built by another Go release (GOROOT belongs to one Go installation and the go command to another, or GOPATH/pkg holds an older Go\'s archives)',
  },
  {
    id: 'container-env-probe-failed',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // The Dev Containers CLI (devcontainers/cli src/spec-common/injectHeadless.ts probeUserEnv, from
    // VS Code's shellEnv.ts) runs the user's login shell in the container to read its environment
    // for the editor's server and extensions; when it gives up it says "userEnvProbe is taking
    // longer than 10 seconds. Avoid waiting for user input in your shell's startup scripts.
    // Continuing." or "Error reading shell environment." and the tools run without the PATH, GOPATH
    // or GOROOT the shell's start-up files set. Its 2-second note (the probe is slow, not failed)
    // is not read.
    needles: ['userEnvProbe is taking longer than 10 seconds', 'Error reading shell environment'],
    says: "the dev container's environment probe gave up on the login shell: the editor's tools run without the PATH, GOPATH or GOROOT the shell's start-up files set",
  },
  {
    id: 'home-unset-other',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // HOME missing from the environment in other programs' words (home-unset reads Go's): Homebrew's
    // brew.sh "Error: $HOME must be set to run brew.", git's "fatal: $HOME not set", bash's builtin
    // "cd: HOME not set", Python's pathlib "Could not determine home directory." A service, cron, a
    // CI step or `env -i` started the process without the login's variables; go has no default
    // GOPATH, GOCACHE or module cache there either.
    needles: ['must be set to run brew', '$HOME not set', 'cd: HOME not set', 'Could not determine home directory'],
    test: /\$HOME must be set to run brew|fatal: \$HOME not set|\bcd: HOME not set|Could not determine home directory/,
    yieldsTo: ['home-unset'],
    says: 'a program was started without HOME (a service, cron, a CI step or a stripped launcher environment), where go has no default GOPATH, build cache or module cache either',
  },
  {
    id: 'gobin-cross-install',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // cmd/go (internal/load/pkg.go): "go install: cannot install cross-compiled binaries when GOBIN is
    // set" — GOOS or GOARCH in the environment names another target than the machine while GOBIN is
    // set: variables exported for one build leak into every go install.
    needles: ['cannot install cross-compiled binaries'],
    says: 'GOOS/GOARCH in the environment name another target than this machine (exported for a cross build and inherited by go install)',
  },
  // ---- end of lane env2's block
  // ---- mac-policy and noexec-mount by mechanism (lane mac2): keep this block together. What
  // separates the two when the words are a bare errno, from the kernel's side: execve(2) of a file
  // on a noexec mount is EACCES (fs/exec.c, path_noexec) and mmap(PROT_EXEC) of one is EPERM
  // (mm/mmap.c); an LSM (SELinux, AppArmor) refuses with EACCES, but a seccomp filter's
  // SCMP_ACT_ERRNO (Docker's and containerd's default profiles), fapolicyd and an LSM under
  // no_new_privs refuse exec with EPERM, which file modes and mount options never give. Where the
  // line alone cannot tell, its context does: a refusal inside a container is the host's labels.
  {
    id: 'container-path-denied',
    classId: 'mac-policy',
    severity: 'warning',
    // Below a named noexec mount (noexec-listed 0.55) and any error, above a bare "permission
    // denied" (fs-access 0.5): a prior from where the refusal happened, not a record of a denial.
    confidence: 0.52,
    // Podman's troubleshooting.md ("touch: cannot touch '/content/file': Permission denied — this
    // is sometimes caused by SELinux, and sometimes by user namespaces") and docker-run(1)/
    // podman-run(1) --volume: "Labeling systems like SELinux require that proper labels are placed
    // on volume content mounted into a container. Without a label, the security system might
    // prevent the processes running inside the container from using the content." A container's
    // process runs as container_t; host files keep user_home_t or user_tmp_t, and EACCES follows
    // whatever the modes say, for reads, writes and execs alike. Only after a container runtime
    // was invoked (analyzer CONTAINER_WORDS); not for a path under /tmp, /var/tmp, /dev/shm or
    // /run/user (Docker's --tmpfs and /dev/shm are noexec by default, runc's SPEC), not for the
    // Docker socket (the docker group) or an SSH key.
    needles: ['ermission denied', '(error: 13)', 'EACCES'],
    test: /(?!)/,
    // Nor the image's own files, which SELinux labels container_file_t and never refuses the
    // container: the Go directories a non-root user cannot write (/go, a HOME of / and its .cache,
    // the module cache read-only by design) and the runtime exec'ing the image's entrypoint.
    inContainer: /^(?![^\n]*(?:\/(?:var\/)?tmp\/|\/dev\/shm\b|\/run\/user\/|\bnoexec\b|docker\.sock|[Dd]ocker daemon|dial unix|\(publickey|go-build|\/\.cache\b|\/pkg\/mod\b|mod-cache|\bmkdir \/go\b|\/go\/(?:pkg|bin|src)\b|exec user process|starting container process|(?:^|[\s"'])exec \/)).{0,400}?(?:[Pp]ermission denied|\(error: 13\)|\bEACCES\b)/,
    says: 'a path was refused inside a container: with SELinux enforcing, a bind-mounted host directory keeps its own label (user_home_t, user_tmp_t) and container_t may not use it whatever the file modes say (mount it with :z / :Z, or --security-opt label=disable)',
  },
  {
    id: 'systemd-sandbox-step',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // systemd's exit-status.c names the step of a unit's exec that failed: "Failed at step SECCOMP
    // spawning /usr/bin/x: Operation not permitted" (older systemd) and "Main process exited,
    // code=exited, status=228/SECCOMP" (every systemd). The sandboxing steps are policies:
    // SystemCallFilter= (SECCOMP), RestrictAddressFamilies= (ADDRESS_FAMILIES, a seccomp filter
    // too), SELinuxContext= (SELINUX_CONTEXT), AppArmorProfile= (APPARMOR), NoNewPrivileges=
    // (NO_NEW_PRIVILEGES), SmackProcessLabel= (SMACK_PROCESS_LABEL), systemd.exec(5).
    needles: ['Failed at step ', '/SECCOMP', '/SELINUX_CONTEXT', '/APPARMOR', '/NO_NEW_PRIVILEGES', '/ADDRESS_FAMILIES', '/SMACK_PROCESS_LABEL'],
    test: /Failed at step (?:SECCOMP|SELINUX_CONTEXT|APPARMOR|NO_NEW_PRIVILEGES|ADDRESS_FAMILIES|SMACK_PROCESS_LABEL) spawning|\bstatus=2\d\d\/(?:SECCOMP|SELINUX_CONTEXT|APPARMOR|NO_NEW_PRIVILEGES|ADDRESS_FAMILIES|SMACK_PROCESS_LABEL)\b/,
    says: 'systemd could not start the service inside its sandbox (SystemCallFilter=, SELinuxContext=, AppArmorProfile=, NoNewPrivileges=): the unit\'s own policy refused it',
  },
  {
    id: 'proc-self-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // proc(5): a process's own /proc/self files belong to it, and /proc/PID/mountinfo, mounts,
    // cgroup, status and stat are world-readable; EACCES there is not a file mode but a policy: an
    // AppArmor profile without the @{PROC} rule (snapd's templates, which Go 1.22's and 1.25's
    // runtime reads of /proc/self/maps and mountinfo tripped), SELinux, or a user-namespace
    // restriction on uid_map/gid_map/setgroups. Not /proc/self/fd/N (re-opening another user's
    // pipe or tty is the file's own modes) nor another process's maps or environ (ptrace's
    // access-mode check, ptrace-scope's).
    needles: ['/proc/'],
    test: /\/proc\/(?:self|thread-self)\/(?:s?maps|mountinfo|mounts|cgroup|status|stat|environ|cmdline|exe|auxv|limits|attr\/\w+|setgroups|[ug]id_map)\b[^\n]{0,60}?(?:[Pp]ermission denied|\bEACCES\b)|\/proc\/\d+\/(?:mountinfo|mounts|cgroup|status|stat)\b[^\n]{0,60}?(?:[Pp]ermission denied|\bEACCES\b)/,
    says: 'reading the process\'s own /proc files was refused: a confinement profile (AppArmor for a snap or a container, SELinux) does not allow it',
  },
  {
    id: 'shell-exec-eperm',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // A shell's, make's or sudo's report of execve(2) failing with EPERM: bash's "bash: ./x:
    // Operation not permitted", dash's "sh: 1: ./x: Operation not permitted", GNU make's "make:
    // /bin/sh: Operation not permitted", sudo's "unable to execute ./x: Operation not permitted",
    // execvp's, env's, macOS zsh's "zsh: operation not permitted: ./x". Mode bits and noexec give
    // GLib's "Failed to execute child process “x” (Operation not permitted)" and Neovim's "E903:
    // Process failed to start: operation not permitted: …" are the same refusal. Mode bits and noexec give
    // EACCES; EPERM from exec is a seccomp filter (Docker before 20.10 answering faccessat2 or
    // clone3), fapolicyd, an LSM under no_new_privs, or macOS's quarantine. Not /dev, /proc or /sys
    // (a shell opening its tty) and not a redirect ("cannot create").
    needles: ['ot permitted'],
    test: /(?:^|\s)-?(?:\/\S*\/)?(?:ba|z|da|k|fi)?sh(?:: line \d+)?(?:: \d+)?: (?!\/(?:dev|proc|sys)\/)\.{0,2}\/?[^\s:]*\/[^\s:]*: [Oo]peration not permitted|^make(?:\[\d+\])?: (?!\/(?:dev|proc|sys)\/)\.{0,2}\/?[^\s:]*\/[^\s:]*: Operation not permitted|unable to execute [^:\n]+: Operation not permitted|\bexecvp?: [^:\n]+: Operation not permitted|zsh: operation not permitted: \S+|\benv: ['\u2018"]?[^'\u2019"\s:]+['\u2019"]?: Operation not permitted|Failed to execute child process [\u201c"][^\u201d"\n]{1,300}[\u201d"] \(Operation not permitted\)|E903: Process failed to start: operation not permitted: /m,
    says: 'executing a program was refused with EPERM (not EACCES): a seccomp filter, fapolicyd or a security module refused the exec, not file modes or a noexec mount',
  },
  {
    id: 'ldso-text-reloc-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.65,
    // glibc's dynamic loader when mprotect(2) of a loaded object is refused (elf/dl-reloc.c, dl-load.c):
    // "cannot restore segment prot after reloc", "cannot make segment writable for relocation"
    // (text relocations) and "cannot enable executable stack as shared object requires". With
    // EACCES these are SELinux's execmod and execstack checks (the documented fix is chcon -t
    // textrel_shlib_t): a noexec mount fails earlier, at mmap, with EPERM ("failed to map segment").
    needles: ['segment prot after reloc', 'segment writable for relocation', 'enable executable stack'],
    test: /(?:cannot restore segment prot after reloc|cannot make segment writable for relocation|cannot enable executable stack as shared object requires): Permission denied/,
    says: 'the dynamic loader was refused changing a library\'s memory protection (text relocations or an executable stack): SELinux\'s execmod/execstack policy refuses it',
  },
  {
    id: 'chromium-sandbox-refused',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // Chromium's sandbox/linux/services/credentials.cc (Electron editors: VS Code, and the
    // browsers tools drive) CHECKs each step of entering a user namespace: "FATAL:credentials.cc(127)]
    // Check failed: . : Permission denied (13)" when an AppArmor userns restriction (Ubuntu 23.10+'s
    // kernel.apparmor_restrict_unprivileged_userns), a container's seccomp profile or the
    // unprivileged_userns_clone sysctl refuses it.
    needles: ['credentials.cc('],
    test: /\bcredentials\.cc\(\d+\)\] Check failed[^\n]{0,200}(?:Permission denied|Operation not permitted)/,
    says: 'the editor\'s (Chromium\'s) sandbox could not enter a user namespace: an AppArmor user-namespace restriction, a container\'s seccomp profile or a sysctl refuses it',
  },
  {
    id: 'gopls-under-tmpfs-path',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.62,
    // Executing the language server itself refused with EACCES (fs/exec.c's path_noexec) when it
    // lives under the places mounted noexec by hardening guides and defaults: /tmp and /var/tmp
    // (CIS benchmarks, ChromeOS), /dev/shm and /run/user/UID (systemd-logind's tmpfs, runc's SPEC
    // for /dev/shm), /media, /run/media and /mnt (udisks2 and fstab automounts of removable and
    // extra disks, often noexec or vfat/NTFS mounted without exec). gopls-exec-denied says the
    // start failed and makes the generic exec rules yield; this is the cause that explains it. Exec
    // words: os/exec's fork/exec and exec:, node's spawn, execv*, sudo's "unable to execute", Java's
    // Cannot run program, a shell's own report.
    needles: ['ermission denied', 'EACCES', 'error=13'],
    test: new RegExp(
      String.raw`(?:fork\/exec|spawn(?:Sync)?|exec:?|execv\w*:?|unable to execute|Cannot run program|(?:^|\s)-?(?:\/\S*\/)?(?:ba|z|da|k|fi)?sh(?:: line \d+)?(?:: \d+)?:) \\?["'\u2018]?\/(?:tmp|var\/tmp|dev\/shm|run\/shm|run\/user\/\d+|media|run\/media|mnt)\/(?:[^\s"'\u2019:]{0,300}\/)?${GO_LS}(?:\.exe)?\\?["'\u2019]?[^\n]{0,40}?(?:[Pp]ermission denied|\bEACCES\b|error=13)`,
    ),
    says: 'the language server under /tmp, /dev/shm, /run/user or a removable or extra disk (/media, /mnt) could not be executed: these are the mounts most often noexec',
  },
  {
    id: 'shell-system-exec-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // A shell's, sudo's or su's report that a system program (/bin, /sbin, /usr/bin, /usr/sbin)
    // could not be executed with EACCES: bash/dash "sh: 1: /usr/bin/x: Permission denied",
    // sudo's "unable to execute /bin/bash: Permission denied", util-linux su's "failed to execute
    // /bin/bash: Permission denied". The root file system is never noexec and packages install
    // these with their execute bits, so the refusal is a policy's (SELinux, AppArmor); the
    // fork/exec and exec: forms are system-exec-denied's. Not /usr/local (a hand-unpacked go can
    // carry any modes).
    needles: ['ermission denied'],
    test: /(?:(?:^|\s)-?(?:\/\S*\/)?(?:ba|z|da|k|fi)?sh(?:: line \d+)?(?:: \d+)?:|unable to execute|failed to execute) \/(?:usr\/)?s?bin\/[^\s:]+: Permission denied/,
    says: 'a system program (/bin, /usr/bin) could not be executed: the root file system is not noexec and the package set its modes, so a security policy (SELinux, AppArmor) refused it',
  },
  {
    id: 'os-exec-policy',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // The other systems' own words for a program refused by policy although its modes allow it
    // (TAXONOMY mac-policy), as the go command and editors relay them: Windows' ERROR_VIRUS_INFECTED
    // (225) "Operation did not complete successfully because the file contains a virus or
    // potentially unwanted software." (Defender quarantining a go-build test binary or gopls.exe),
    // ERROR_ACCESS_DISABLED_BY_POLICY (1260) "This program is blocked by group policy.", WDAC's
    // ERROR_SYSTEM_INTEGRITY_POLICY_VIOLATION (4551) "Application Control policy has blocked this
    // file."; macOS Gatekeeper's dialogs "cannot be opened because the developer cannot be
    // verified", "… from an unidentified developer", "can't be opened because Apple cannot check it
    // for malicious software", "is damaged and can't be opened" (a quarantined download), macOS
    // 15's "Apple could not verify … is free of malware".
    needles: ['cannot be opened because', 'Apple cannot check it', 'damaged and can', 'free of malware', 'potentially unwanted software', 'blocked by group policy', 'Application Control policy'],
    test: /cannot be opened because (?:the developer cannot be verified|it is from an unidentified developer)|can[\u2019']t be opened because Apple cannot check it for malicious software|is damaged and can[\u2019']t be opened|Apple could not verify [^\n]{0,200}free of malware|contains a virus or potentially unwanted software|blocked by group policy|Application Control policy has blocked this file/,
    says: 'the system\'s own policy refused the program (Windows Defender or an application-control policy, macOS Gatekeeper\'s quarantine): not its file modes',
  },
  {
    id: 'os-policy-vocabulary',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.5,
    // The tools that lift those policies, named in a report: xattr(1) removing
    // com.apple.quarantine, spctl(8) (Gatekeeper's assessments), csrutil (System Integrity
    // Protection), TCC's "Full Disk Access" pane; PowerShell's Add-MpPreference -ExclusionPath
    // (a Defender exclusion).
    needles: ['com.apple.quarantine', 'spctl ', 'csrutil ', 'Full Disk Access', 'Add-MpPreference'],
    test: /\bxattr\s+(?:-\w+\s+)*com\.apple\.quarantine\b|\bspctl --(?:add|master-disable|global-disable|assess)\b|\bcsrutil (?:disable|status)\b|\bFull Disk Access\b|\bAdd-MpPreference\b[^\n]{0,40}-Exclusion/,
    says: 'a tool that lifts an operating system\'s program policy (macOS quarantine, Gatekeeper, SIP, TCC; a Defender exclusion) is named: the refusal was that policy\'s',
  },
  {
    id: 'chmod-x-refused',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.45,
    // chmod(2) refused with EPERM right after the user tried to make a file executable (`chmod +x
    // f`, `chmod 755 f`): on the file systems that fix modes at mount time, vfat/exfat (fmask=,
    // mount(8)), Android's shared storage (sdcardfs, FUSE), a drvfs without metadata, chmod cannot
    // set an execute bit and the mount's options decide whether anything there may run. chmod's
    // words: coreutils' "chmod: changing permissions of 'f': Operation not permitted", toybox's
    // and busybox's "chmod: f: Operation not permitted". Weak (a file owned by another user gives
    // the same EPERM): only beside a chmod that adds execute (analyzer CHMOD_X_WORDS).
    needles: ['ot permitted'],
    test: /(?!)/,
    nearChmodX: /\bchmod: (?:changing permissions of )?[^\n]{1,300}: [Oo]peration not permitted/,
    says: 'execute permission could not be set (chmod: operation not permitted) where the file system fixes modes at mount time (a FAT/exFAT or NTFS disk, Android shared storage): nothing there can be executed unless the mount allows it',
  },
  {
    id: 'toolkit-spawn-refused',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.55,
    // An exec refused with EACCES in the words of the toolkits editors spawn through: GLib's
    // gspawn.c "Failed to execute child process “%s” (%s)" (GNOME Builder, GTK editors, Flatpak
    // hosts) and Neovim's jobstart/libuv "E903: Process failed to start: permission denied: "%s"".
    // Like the other exec-refusal rules (program-exec-denied), EACCES from an exec reads as a
    // mount's; the language server itself named is gopls-launch's (lane launch), not claimed here.
    needles: ['Failed to execute child process', 'Process failed to start'],
    test: new RegExp(
      String.raw`Failed to execute child process [\u201c"](?![^\u201d"\n]{0,300}\b${GO_LS}[\u201d"])[^\u201d"\n]{1,300}[\u201d"] \(Permission denied\)|E903: Process failed to start: permission denied: "(?![^"\n]{0,300}\b${GO_LS}")[^"\n]{1,300}"`,
    ),
    says: 'a program the editor started through its toolkit (GLib, Neovim\'s jobstart) could not be executed (permission denied): a noexec mount, a file without its execute bit, or a policy',
  },
  {
    id: 'snap-cwd-refused',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.6,
    // snap-confine (setuid root) opens the working directory before it confines the snap:
    // die("cannot open path of the current working directory") with EACCES. Root is refused there by
    // an NFS export's root_squash or a FUSE mount without allow_other (sshfs, gcsfuse): a snap (VS
    // Code, a snapped go) started from a directory on a network or FUSE file system. The file
    // system's access rule, not a policy's.
    needles: ['cannot open path of the current working directory'],
    test: /cannot open path of the current working directory: Permission denied/,
    says: 'a snap could not start from this directory: snap-confine runs as root, which an NFS root_squash export or a FUSE mount without allow_other refuses (start it from a local directory)',
  },
  // ---- end of lane mac2's block
];

/** Every needle once, for the screen and for grep. */
export const NEEDLES: readonly string[] = [...new Set(RULES.flatMap((r) => r.needles)), ': stderr: '];

// Needles drop a leading letter ('ermission denied') so "Permission denied" (C, systemd, the
// kernel) and "permission denied" (Go) both pass one case-sensitive screen.

/**
 * The needles as one automaton, and each rule's needles as indexes into it: one pass over a line
 * says which needles it holds, and only the rules those needles name are tested. Built from the
 * tables on first use, so rules added to RULES need nothing else.
 */
interface NeedleIndex {
  set: NeedleSet;
  /** Per rule (RULES order): the indexes of its needles in `set`. */
  ruleNeedles: ReadonlyArray<readonly number[]>;
  /** One slot per needle, cleared after each line. */
  found: Uint8Array;
}
let index: NeedleIndex | undefined;

function needleIndex(): NeedleIndex {
  if (index) return index;
  const at = new Map(NEEDLES.map((n, i) => [n, i]));
  index = { set: new NeedleSet(NEEDLES), ruleNeedles: RULES.map((r) => r.needles.map((n) => at.get(n)!)), found: new Uint8Array(NEEDLES.length) };
  return index;
}

/** Finds any needle: the screen every scanned line goes through. */
export const SCREEN: { test(text: string): boolean } = {
  test: (text) => needleIndex().set.test(text),
};

/** The same screen as a POSIX ERE for `grep -E` (the benchmark's yardstick). */
export function needlesAsERE(): string {
  return NEEDLES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

export interface RuleMatch {
  rule: Rule;
}

export interface LineContext {
  /** A file watcher was named in the lines just before this one. */
  nearWatcher?: boolean;
  /** A program was being executed in the lines just before this one (a traceback through exec). */
  nearExec?: boolean;
  /** A container runtime was invoked in the lines before this one (lane mac2). */
  inContainer?: boolean;
  /** Execute permission was being added in the lines just before this one (lane mac2). */
  nearChmodX?: boolean;
  /** The line is inside textDocument/publishDiagnostics: about the user's code. */
  inDiagnostics?: boolean;
}

// A rule's full test has shapes like `ENOSPC[^\n]*\bwatch`: each occurrence of the first part
// scans to the end of the line, so a 1 MB line that repeats it is quadratic (fuzzing: 350 ms on
// 20 KB, minutes on 1 MB). A message a rule reads is short, so on a long line the test runs only
// on a few windows around the first occurrences of the rule's needles.
const WINDOW_CHARS = 512;
const MAX_WINDOWS = 6;
/** A line up to this long is tested whole. */
const LONG_LINE = 4096;

/** `occurs(i)` false: needles[i] is known to be absent, and the line is not searched for it again. */
export function windowsAround(text: string, needles: readonly string[], occurs: (i: number) => boolean = () => true): string[] {
  if (text.length <= LONG_LINE) return [text];
  const starts: number[] = [];
  for (let k = 0; k < needles.length; k++) {
    if (!occurs(k)) continue;
    const n = needles[k]!;
    let from = 0;
    while (starts.length < MAX_WINDOWS * needles.length) {
      const i = text.indexOf(n, from);
      if (i < 0) break;
      starts.push(i);
      // The next window starts past this one: a run of repeats costs one window, not thousands.
      from = i + WINDOW_CHARS;
    }
  }
  return starts
    .sort((a, b) => a - b)
    .slice(0, MAX_WINDOWS)
    .map((i) => text.slice(Math.max(0, i - WINDOW_CHARS), i + WINDOW_CHARS));
}

/** The rules a line says, after yieldsTo. Pure. */
export function matchRules(text: string, ctx: LineContext = {}): Rule[] {
  return screenAndMatch(text, ctx).rules;
}

/**
 * One pass over the line: did any needle pass the screen (`: stderr: ` included, which names no
 * rule), and which rules does it say, after yieldsTo. Pure.
 */
export function screenAndMatch(text: string, ctx: LineContext = {}): { screened: boolean; rules: Rule[] } {
  const { set, ruleNeedles, found } = needleIndex();
  if (set.find(text, found) === 0) return { screened: false, rules: [] };
  const hits: Rule[] = [];
  try {
    for (let i = 0; i < RULES.length; i++) {
      const r = RULES[i]!;
      if (r.userCode && ctx.inDiagnostics) continue;
      const mine = ruleNeedles[i]!;
      if (!mine.some((k) => found[k] === 1)) continue;
      if (r.test) {
        // A long line is searched again only for the needles the pass found in it.
        const around = windowsAround(text, r.needles, (k) => found[mine[k]!] === 1);
        if (!around.some((w) => r.test!.test(w) || (ctx.nearWatcher && r.nearWatcher?.test(w)) || (ctx.nearExec && r.nearExec?.test(w)) || (ctx.inContainer && r.inContainer?.test(w)) || (ctx.nearChmodX && r.nearChmodX?.test(w)))) continue;
      }
      hits.push(r);
    }
  } finally {
    found.fill(0);
  }
  if (hits.length < 2) return { screened: true, rules: hits };
  const ids = new Set(hits.map((h) => h.id));
  return { screened: true, rules: hits.filter((h) => !h.yieldsTo?.some((y) => ids.has(y))) };
}

export function ruleById(id: RuleId): Rule {
  const r = RULES.find((x) => x.id === id);
  if (!r) throw new Error(`unknown rule ${id}`);
  return r;
}
