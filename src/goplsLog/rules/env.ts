// env-inheritance: the words that say a program ran with another environment than the user's
// shell gives (a go or tool not on its PATH, a GOROOT or toolchain from elsewhere, a sandbox's
// libraries or variables leaking in). One file per class, so a family's rules read together;
// the order they are tried in is order.ts's.
import type { Rule } from './rule.js';
import { NO_OTHER_JAVA_ERRNO, pathWords, PATH_WORDS_NEEDLES, notOnPath, windowsNotRecognized, WINDOWS_NOT_RECOGNIZED_NEEDLES } from './shared.js';

/** A library in the system's own library directories, as the loader names it ("/lib64/libc.so.6:"). */
const SYSTEM_LIB_DIR = String.raw`\/(?:usr\/)?lib(?:32|64|x32)?\/(?:[\w-]+-linux-gnu\w*\/)?lib[^\s/]*\.so[\d.]*:`;
/** glibc's "version `GLIBC_2.32' not found (required by " for the version namespaces of glibc, libstdc++ and libgcc. */
const LOADER_VERSION_NOT_FOUND = String.raw`[\x60'‘]?(?:GLIBC|GLIBCXX|CXXABI|GCC|LIBC)[\w.]*['’]? not found \(required by `;
/** Where a Snap's or a Flatpak's own files live: an object from there is the sandbox's. */
const SANDBOX_DIR = String.raw`(?:\/snap\/|\/app\/|\/var\/lib\/flatpak\/|\/usr\/lib\/sdk\/|\S*\/\.local\/share\/flatpak\/)`;

/** The Go tools a version manager's shim or a shell names: go, gofmt, gopls, as a whole word. */
const GO_TOOL = String.raw`(?:go|gofmt|gopls)(?![\w+-]|\.\w)`;
/**
 * The Go developer tools editors run besides go and gopls (vscode-go goToolsInformation.ts, and
 * the tools of the gocode era that go-mode.el, vim-go and Sublime plugins ran), as a whole word.
 */
const GO_DEV_TOOL = String.raw`(?:dlv|staticcheck|golangci-lint|revive|gomodifytags|goplay|impl|gotests|gofumpt|goimports|golint|gocode|gocode-gomod|godef|guru|gorename|gopkgs|go-outline|fillstruct|godoctor|goreturns|gogetdoc|errcheck|gotype-live|keyify|gomvpkg)(?![\w.+-])`;
/** gopath-invalid's needles: cmd/go's, the Go extension's and vim-go's words for a GOPATH unset, relative or GOROOT. */
const GOPATH_INVALID_NEEDLES = ['GOPATH is not set', 'GOPATH environment variable is not set', 'Set GOPATH environment variable and restart', 'neither GOPATH nor GOMODCACHE are set', '$GOPATH not set', 'missing $GOPATH', 'GOPATH entry is relative', 'GOPATH entry cannot start', 'GOPATH set to GOROOT', '$GOPATH must not be set to $GOROOT', 'cannot set GOROOT as GOPATH', 'GOPATH and GOROOT are the same directory', 'GOMODCACHE entry is relative', 'neither GOMODCACHE nor GOPATH is set', 'GOBIN must be an absolute path'];
/**
 * "$VAR is not set" as the programs that read a Go variable themselves (scripts, IDE plugins, build
 * tools) word it: "GOPATH not set", "$GOROOT is not defined", "GOPATH environment variable is not
 * set", "GOROOT is undefined", "GOPATH is empty", "GOROOT must be set", "invalid GOPATH". A program
 * that says it coped ("GOPATH not set, using default ~/go") and systemctl's notice for a name the
 * calling shell lacks ("Environment variable $GOPATH not set, ignoring.") failed at nothing.
 */
function goVarUnset(name: 'GOPATH' | 'GOROOT'): string {
  return [
    String.raw`(?<![\w])\$?${name}(?: (?:environment )?variable)? (?:is |was )?(?:not (?:set|defined)|undefined|unset|empty)\b(?!,? (?:using|defaulting|falling back|ignoring|assuming))`,
    String.raw`(?<![\w])\$?${name}(?: (?:environment )?variable)? (?:must be set|is required)\b`,
    String.raw`\binvalid \$?${name}\b`,
    // A tool's own lookup of the value (its environment, else `go env`): "Failed to find GOPATH",
    // "could not determine GOROOT", "unable to get $GOPATH". Not a path under it ("find GOPATH/bin").
    String.raw`(?:[Ff]ailed to|[Uu]nable to|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't) (?:find|determine|locate|detect|get) \$?${name}(?![\w/\\.-])`,
  ].join('|');
}
/** goVarUnset's needles: a plain run each of its shapes holds. */
const GO_VAR_UNSET_NEEDLES = (name: 'GOPATH' | 'GOROOT'): string[] => [
  `${name} not set`,
  `${name} not defined`,
  `${name} is not set`,
  `${name} is not defined`,
  `${name} was not set`,
  `${name} is undefined`,
  `${name} is unset`,
  `${name} is empty`,
  `${name} variable`,
  `${name} environment variable`,
  `${name} must be set`,
  `${name} is required`,
  `invalid ${name}`,
  `invalid $${name}`,
  ...['find', 'determine', 'locate', 'detect', 'get'].flatMap((verb) => [`${verb} ${name}`, `${verb} $${name}`]),
];
/** The go command by the name a PATH lookup uses. */
const GO_CMD = String.raw`go(?:\.exe)?`;
/** A standard-library import path: its first element is one of the standard library's. */
export const STD = String.raw`(?:archive|bufio|bytes|cmp|compress|container|context|crypto|database|debug|embed|encoding|errors|expvar|flag|fmt|go|hash|html|image|index|io|iter|log|maps|math|mime|net|os|path|plugin|reflect|regexp|runtime|slices|sort|strconv|strings|structs|sync|syscall|testing|text|time|unicode|unique|unsafe|weak)(?:\/[a-z0-9]+)*`;

/**
 * Standard packages by the Go 1.N release that added them (the release notes' "New packages"):
 * a GOROOT of an older release cannot hold them, so "package slices is not in GOROOT
 * (/usr/lib/go-1.18/src/slices)" is a Go too old for the code, not two installations mixed.
 */
export const STD_ADDED_IN: Readonly<Record<string, number>> = {
  'crypto/ed25519': 13,
  'hash/maphash': 14,
  'time/tzdata': 15,
  embed: 16,
  'io/fs': 16,
  'testing/fstest': 16,
  'runtime/metrics': 16,
  'go/build/constraint': 16,
  'net/netip': 18,
  'go/doc/comment': 19,
  'crypto/ecdh': 20,
  'log/slog': 21,
  slices: 21,
  maps: 21,
  cmp: 21,
  'testing/slogtest': 21,
  'math/rand/v2': 22,
  'go/version': 22,
  iter: 23,
  unique: 23,
  structs: 23,
  weak: 24,
  'crypto/mlkem': 24,
  'crypto/hkdf': 24,
  'crypto/pbkdf2': 24,
  'crypto/sha3': 24,
};
/** STD_ADDED_IN's packages as regex literals ("log\/slog"). */
export const stdAddedLiteral = (pkg: string): string => pkg.replace(/\//g, '\\/');

/**
 * cmd/go's "package P is not in GOROOT (DIR)" / "is not in std (DIR)" where DIR's path names a Go
 * release (/usr/lib/go-1.18, /usr/local/go1.12.17, the tool cache's go/1.15.15, Homebrew's
 * Cellar/go/1.16) older than the one that added P.
 */
const STD_NEWER_THAN_GOROOT = new RegExp(
  // Each alternative spelled out whole (GOROOT and std apart): the needle screen reads a plain run of each.
  Object.entries(STD_ADDED_IN)
    .flatMap(([pkg, minor]) =>
      ['GOROOT', 'std'].map((where) => String.raw`package ${stdAddedLiteral(pkg)} is not in ${where} \([^)\n]*?\bgo[-/]?1\.(?:${Array.from({ length: minor }, (_, i) => i).join('|')})(?!\d)`),
    )
    .join('|'),
);

/**
 * The same refusal where DIR names no release at all (/home/gitpod/go, /usr/local/go): a package a
 * later release added is missing, so the GOROOT is of a Go older than that release, or of another
 * installation than the go that ran; the text cannot tell which (corpus50's tuning negative
 * prometheus/prometheus#14122: cmp, log/slog, maps and slices missing from a Gitpod image's older Go,
 * fixed in the project's image). A package every release has (bytes, encoding/binary) missing is
 * two installations mixed, and go-toolchain-mismatch's error.
 */
const STD_NEWER_THAN_UNNAMED_GOROOT = new RegExp(
  // Spelled out whole, as above, for the needle screen.
  ['GOROOT', 'std']
    .map((where) => String.raw`package (?:${Object.keys(STD_ADDED_IN).map(stdAddedLiteral).join('|')}) is not in ${where} \((?![^)\n]*?\bgo[-/]?1\.\d)[^)\n]*\)`)
    .join('|'),
);

/**
 * A VS Code server release directory on the remote side: ~/.vscode-server/bin/<commit>/ and the newer
 * ~/.vscode-server/cli/servers/Stable-<commit>/ (and the Insiders twins).
 */
const VSCODE_SERVER_RELEASE = String.raw`\/\.vscode-server(?:-insiders)?\/(?:bin\/[0-9a-f]{40}|cli\/servers\/(?:Stable|Insiders)-[0-9a-f]{40})\/`;

/**
 * go-not-found-words's shapes: the go command named missing by a program's own lookup, as the
 * program (a kind word after it: binary, executable, toolchain, installation, SDK, compiler) or
 * quoted. Quotes as pasted: ASCII or typographic.
 */
function goNotFoundWords(): RegExp {
  const go = String.raw`(?:go|Go|GO|golang|Golang|go\.exe)`;
  const q = String.raw`['"\x60‘’]`;
  const named = String.raw`(?<![\w.+/-])${q}?${go}${q}?(?![\w.+/-])`;
  const quoted = String.raw`(?<![\w.+/-])${q}${go}${q}(?![\w.+/-])`;
  const kind = String.raw`(?:binary|executable|toolchain|installation|SDK|compiler)`;
  const cannot = String.raw`(?:[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Cc]annot|[Cc]an't|[Ff]ailed to|[Dd]id not)`;
  return new RegExp(
    [
      // "Go binary not found", "the go executable was not found", "go toolchain could not be located"
      String.raw`${named} ${kind}s? (?:(?:was|is) )?(?:not found|(?:could not|cannot|can't|couldn't) be (?:found|located))`,
      // "Could not find the Go binary", "unable to locate a go installation", "failed to find 'go' executable"
      String.raw`${cannot} (?:find|locate|detect) (?:the |a |any |your )?${named} ${kind}\b`,
      // "Could not find 'go'", "unable to locate \"go\"" (quoted: the program itself)
      String.raw`${cannot} (?:find|locate) (?:the )?${quoted}(?! (?:module|package|file|directive|version|line)s?\b)`,
      // "No go executable found", "no Go installation was found"
      String.raw`\b[Nn]o ${named} ${kind}s? (?:(?:was|were) )?found`,
      // "Executable 'go' not found", "Binary \"go\" was not found"
      String.raw`\b(?:[Ee]xecutable|[Bb]inary|[Pp]rogram) ${quoted} (?:(?:was|is) )?not found`,
    ].join('|'),
  );
}

/** What go-binary-not-found and its localized twin say: one finding, in whichever words it was read. */
const GO_NOT_ON_PATH = {
  classId: 'env-inheritance',
  severity: 'error',
  confidence: 0.85,
  yieldsTo: ['go-missing'],
  explains: ['module-resolution', 'gopls-launch'],
  says: 'the editor or a tool it ran could not find the go command on the PATH it was given',
  // As go-not-found-shells's: only where go is on neither PATH and every Go-deciding value is shared.
  inShellToo: "the editor or a tool it ran could not find the go command on the PATH it was given, nor does your login shell: a terminal finds no go either",
} as const satisfies Partial<Rule>;

export const ENV_RULES: readonly Rule[] = [
  {
    id: 'go-missing',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.9,
    needles: ['go command required, not found'],
    // gopls's prefix is fixed; "fork/exec /x/bin/go: permission denied" after it says go was found
    // and refused at exec (a noexec mount, a policy): the exec-denied reading is the line's, not a
    // PATH without go (catalog row, lane fs of 2026-12-05).
    test: /go command required, not found(?![^\n]*fork\/exec [^\n]*: permission denied)/,
    explains: ['module-resolution', 'gopls-launch'],
    says: 'gopls could not find the go command on the PATH it was started with, so it cannot load any package',
  },
  {
    id: 'executable-not-found',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    needles: ['executable file not found in $PATH'],
    yieldsTo: ['go-missing', 'go-binary-not-found', 'gopls-not-found', 'go-tool-missing', 'c-compiler-missing'],
    says: 'a program gopls needed was not on the PATH it was started with',
  },
  {
    id: 'foreign-runtime-libs',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.8,
    // The dynamic loader's words (glibc elf/dl-version.c: "%s: %s: version `%s' not found (required
    // by %s)", program then the library it resolved; elf/dl-lookup.c: "symbol lookup error: %s:
    // undefined symbol: %s"), when the library it resolved is not the system's own, or is but the
    // object needing it is a sandbox's: from a Snap or Flatpak editor, a child (go, gopls, git, a
    // node addon) got the sandbox's libraries (/snap/core20/current/lib/…, /app/lib/…) through
    // LD_LIBRARY_PATH and friends.
    needles: ["' not found (required by", 'symbol lookup error'],
    test: new RegExp(String.raw`(?<!\S)(?!${SYSTEM_LIB_DIR})\/\S+: version ${LOADER_VERSION_NOT_FOUND}|(?<!\S)${SYSTEM_LIB_DIR} version ${LOADER_VERSION_NOT_FOUND}${SANDBOX_DIR}|symbol lookup error: [^\n]*undefined symbol|^(?![^\n]*\/\S+: version)[^\n]*version ${LOADER_VERSION_NOT_FOUND}`),
    says: "a program could not load its shared libraries (a glibc version or symbol lookup error): it ran with another runtime's libraries, as children of a Snap or Flatpak editor do when the sandbox's LD_LIBRARY_PATH leaks into them",
  },
  {
    id: 'pam-env-file-absent',
    classId: 'env-inheritance',
    // Information only: pam_env (modules/pam_env/pam_env.c _parse_env_file) logs at LOG_ERR
    // "Unable to open env file: %s: %m" and returns PAM_IGNORE, so the session goes on. With
    // "No such file or directory" nothing was in that file to lose: Debian's sshd and login PAM
    // stacks name envfile=/etc/default/locale, which a minimal install lacks. Its "Unable to"
    // and "env" words are no sign of an environment that went missing (catalog row, lane env).
    severity: 'info',
    confidence: 0.3,
    needles: ['Unable to open env file'],
    test: /\bpam_env\([^)\n]*\): Unable to open env file: [^\n]*: No such file or directory/,
    says: 'pam_env found no env file to read and went on (PAM_IGNORE): a record, nothing the session lacks',
  },
  {
    id: 'pam-env-refused',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // linux-pam's pam_env (modules/pam_env/pam_env.c) skipping a line of /etc/environment,
    // ~/.pam_environment or /etc/security/pam_env.conf at login: "Expandable variables must be
    // wrapped in {} <$PATH:/usr/local/go/bin> - ignoring", "Unrecognized Option: PATH - ignoring
    // line", "non-alphanumeric key 'PATH+=…' in …", "Unterminated expandable variable": the desktop
    // session, and the editor started from it, lack what that line set, while a shell that sets it
    // in a profile has it (catalog rows, lane env of 2026-12-05). A missing envfile is not one.
    needles: ['pam_env('],
    test: /\bpam_env\([^)\n]*\): (?:Expandable variables must be wrapped in \{\}|Unrecognized Option|non-alphanumeric key|Unterminated expandable variable)/,
    says: "pam_env skipped a line of the login environment (/etc/environment, ~/.pam_environment): the desktop session, and the editor started from it, lack what that line sets, such as Go's directory on PATH",
  },
  {
    id: 'sandbox-libs-warned',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // glibc's loader warning (elf/dl-version.c match_symbol: "%s: %s: no version information
    // available (required by %s)") for a library of a Snap's or Flatpak's runtime: the program still
    // runs, but it got the sandbox's libraries (LD_LIBRARY_PATH from a Snap or Flatpak editor's
    // terminal or tasks), the way to the errors foreign-runtime-libs reads (catalog row, lane env of 2026-12-05).
    needles: [': no version information available (required by'],
    test: new RegExp(String.raw`(?<!\S)${SANDBOX_DIR}\S*: no version information available \(required by `),
    yieldsTo: ['foreign-runtime-libs'],
    says: "a program was started with a Snap's or Flatpak's libraries (the loader warns that they carry no version information for it): the sandbox's LD_LIBRARY_PATH leaked into it",
  },
  {
    id: 'built-for-newer-libc',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // The same loader words with the system's own library (/lib64/libc.so.6,
    // /lib/x86_64-linux-gnu/libstdc++.so.6): no foreign runtime got in; the program was linked
    // against a newer glibc or libstdc++ than this system has (built on a newer distribution or
    // image, then run here). Go tooling only suffers when the program is one of its own (a
    // downloaded go, gopls or cgo-built tool), so this is a warning, not a cause by itself.
    needles: ["' not found (required by"],
    test: new RegExp(String.raw`(?<!\S)${SYSTEM_LIB_DIR} version ${LOADER_VERSION_NOT_FOUND}(?!${SANDBOX_DIR})`),
    yieldsTo: ['foreign-runtime-libs'],
    says: 'a program needs a newer C library (glibc or libstdc++) than this system has: it was built on a newer system or image and copied here',
  },
  {
    id: 'go-binary-not-found',
    ...GO_NOT_ON_PATH,
    // The Go extension's "Failed to find the \"go\" binary in either GOROOT() or PATH(…)", a shell's
    // "go: command not found" / "sh: 1: go: not found", node's "spawn /usr/local/go/bin/go ENOENT",
    // Go's exec: "go": executable file not found in $PATH. Other clients: vim-go's "go executable not
    // found", Zed's "Could not install the Go language server `gopls`, because `go` was not found" (its
    // log says "cannot install gopls" exactly then: languages/src/go.rs will_fetch_server) and "failed
    // to get go version via `go version` command", Windows' "'go' is not recognized…", JetBrains'
    // Cannot run program "go", Python's No such file or directory: 'go', env's "env: 'go': No such
    // file or directory", and a fork/exec of a go binary that is gone (a stale GOROOT). Node's
    // synchronous spawn says "spawnSync go ENOENT" (lib/internal/child_process.js).
    // golang.org/x/tools/go/packages (golist.go), which gopls and every analysis tool load
    // packages with: "'go list' driver requires 'go', but executable file not found in $PATH".
    // The Go extension's "Go: Locate Configured Go Tools" listing (commands/getConfiguredGoTools.ts)
    // prints "\tgo:\t${goVersion?.binaryPath}: ${goVersion?.version}", which reads "go:
    // undefined: undefined" exactly when getGoVersion found no go binary to run.
    // Zed's notice as reports carry it, in straight quotes and without the comma ("Could not
    // install the Go Language server 'gopls' because 'go' was not found", zed-industries/zed#42851).
    // Atom's go-plus (go-config's locator found no go on the PATH the editor was started with):
    // "No Go Installations Were Found" (corpus43's tuning text go-plus#380).
    needles: ['No Go Installations Were Found', "because 'go' was not found", 'Failed to find the', 'go: command not found', 'go: not found', ' ENOENT', 'exec: "go"', 'exec: \\"go\\"', '"go" binary', 'go binary not found', 'o executable not found', 'is not recognized', 'because `go` was not found', 'cannot install gopls', 'failed to get go version', 'Cannot run program', 'No such file or directory', 'no such file or directory', "driver requires 'go'", 'undefined: undefined'],
    test: new RegExp(String.raw`^\s*go:\s+undefined: undefined\s*$|Failed to find the \\?"go\\?" binary|(?:unable to locate|cannot be found|could not find|not find)[^\n]{0,20}\\?"go\\?" binary|\\?"go\\?" binary (?:cannot|could not) be found|(?<![\w.+/-])go binary not found|(?:^|[\s:])go: (?:command )?not found|spawn(?:Sync)? (?:\S*\/)?go ENOENT|exec: \\?"go\\?": executable file not found|\b[Gg]o executable not found|['"‘]go(?:\.exe)?['"’] is not recognized|because [\x60']go[\x60'] was not found|\bcannot install gopls\b(?! with)|failed to get go version via \x60go version\x60|Cannot run program \\?"(?:\S*[/\\])?go(?:\.exe)?\\?"${NO_OTHER_JAVA_ERRNO}|No such file or directory: ['"](?:\S*\/)?go['"]|env: ['‘]go['’]: No such file or directory|fork\/exec \S*\/bin\/go(?:\.exe)?: no such file or directory|'go list' driver requires 'go', but executable file not found|\bNo Go Installations Were Found\b`),
  },
  {
    id: 'go-not-recognized-localized',
    ...GO_NOT_ON_PATH,
    // go-binary-not-found's Windows "'go' is not recognized…" in other display languages
    // (shared.ts windowsNotRecognized). A rule of its own, as launch.ts gopls-not-recognized-localized
    // says why: its phrases' runs are groups (Unicode or their UTF-8 bytes), not plain needles.
    needles: WINDOWS_NOT_RECOGNIZED_NEEDLES,
    test: new RegExp(windowsNotRecognized(GO_CMD)),
  },
  {
    id: 'go-env-not-json',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.7,
    // gopls (gopls/internal/cache/view.go loadGoEnv) runs `go env -json …` before it creates a view
    // and fails the workspace folder with "internal error unmarshaling JSON from 'go env': invalid
    // character 'W' looking for beginning of value" when what came back is not JSON: the program
    // named go first on the PATH gopls was started with is not the go command (a wrapper, shim or
    // script that prints a banner). No view, so nothing loads.
    needles: ["internal error unmarshaling JSON from 'go env'"],
    explains: ['module-resolution', 'gopls-launch'],
    says: "the program gopls ran as go printed something other than go env's JSON: a wrapper or shim named go comes first on the PATH gopls was started with",
  },
  {
    id: 'packages-driver-missing',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // go/packages (go/packages/external.go findExternalDriver), which gopls loads packages with,
    // runs the program GOPACKAGESDRIVER names (from the environment or gopls's "env" setting) and
    // reports its failure as fmt.Errorf("%v: %v: %s", tool, err, stderr): "packages.Load error:
    // /x/gopackagesdriver.sh: fork/exec /x/gopackagesdriver.sh: no such file or directory: ". The
    // driver named is not there, so no package loads. (A driver named by a bare word and not on
    // the PATH is exec's "executable file not found in $PATH", read by executable-not-found.)
    needles: ['fork/exec '],
    test: /packages\.Load error: (\S+): fork\/exec \1: no such file or directory/,
    headline: 'packages-driver',
    explains: ['module-resolution'],
    says: 'GOPACKAGESDRIVER (from the environment or gopls\'s env setting) names a program that is not there, so gopls loads no package',
  },
  {
    id: 'packages-driver-not-json',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.7,
    // go/packages (external.go) json.Unmarshal's the driver's stdout and returns its error as it is:
    // "packages.Load error: invalid character 'h' in literal true (expecting 'r')" (a real gopls
    // v0.23.0 with GOPACKAGESDRIVER naming a script that printed text). go list's own output goes
    // through golist.go, which says "JSON decoding failed: …" instead (go-list-not-json), so a bare
    // JSON syntax error right after "packages.Load error:" is the external driver's.
    needles: ['packages.Load error: '],
    test: /packages\.Load error: (?:invalid character '[^'\n]{1,6}' (?:looking for beginning of (?:value|object key string)|in literal \w+ \(expecting '[^'\n]{1,6}'\)|after (?:top-level value|object key(?::value pair)?|array element))|unexpected end of JSON input)/,
    headline: 'packages-driver',
    explains: ['module-resolution', 'gopls-launch'],
    says: "the package driver gopls ran printed something that is not JSON: GOPACKAGESDRIVER (from the environment or gopls's build.env) names a program that failed or wrote text to stdout, so gopls loads no package (unset it, or fix the driver)",
  },
  {
    id: 'go-list-not-json',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.6,
    // go/packages golist.go: fmt.Errorf("JSON decoding failed: %v", err) when `go list -json`'s
    // stdout does not decode: the program run as go printed text of its own (a wrapper, a shim,
    // a version manager's warning) before or among go's JSON.
    needles: ['JSON decoding failed: '],
    test: /JSON decoding failed: (?:invalid character|unexpected EOF|unexpected end of JSON input)/,
    explains: ['module-resolution', 'gopls-launch'],
    says: 'go list printed something that is not JSON: the program gopls ran as go (a wrapper or shim first on its PATH) wrote text of its own to stdout, so gopls loads no package',
  },
  {
    id: 'goroot-invalid',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.85,
    // go: cannot find GOROOT directory: /x; "GOROOT is not set"; the go command rejecting a GOROOT.
    // Reports' titles cut cmd/go's words short ("go: cannot find GOROOT"): its prefix is its own too.
    // Tools, scripts and IDE plugins that read $GOROOT themselves say it missing in more words than
    // cmd/go's: "GOROOT not set", "GOROOT environment variable is not set", "$GOROOT is undefined",
    // "GOROOT is empty", "GOROOT must be set" (the variable as the editor or task got it). Not when
    // the program says it coped ("…, using the default"): nothing failed.
    needles: ['cannot find GOROOT directory', 'go: cannot find GOROOT', ...GO_VAR_UNSET_NEEDLES('GOROOT'), ' does not exist'],
    // And "GOROOT does not exist", "GOROOT directory /x does not exist" (the same refusal, a tool's words).
    test: new RegExp(String.raw`cannot find GOROOT directory|go: cannot find GOROOT|${goVarUnset('GOROOT')}|(?<![\w/.-])\$?GOROOT(?: (?:directory|dir|path))?(?::? \S+)? does not exist`),
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
    // cmd/go toolchain/select.go: "toolchain go1.21.0 invoked to provide go1.22.0" (the binary a
    // toolchain switch ran reports another release: a goX.Y.Z on the PATH that is not that release).
    // select.go's Exec also stops a switch that keeps handing over ("too many toolchain switches"):
    // a goX.Y.Z found on the PATH that is not the release it is named after switches back again.
    // cmd/link's own words for an archive of another release (cmd/link/internal/ld/lib.go
    // ldobjfile: "%s: linked object header mismatch:\nhave %q\nwant %q"; catalog row, lane env of 2026-12-05).
    needles: ['linked object header mismatch', 'does not match go tool version', 'expected [go', 'is not in GOROOT', 'is not in std', 'compiled with go', 'internal compiler error: version', 'module providing package', 'invoked to provide go', 'too many toolchain switches'],
    test: new RegExp(
      String.raw`\blinked object header mismatch\b|version "?go[\d.]+\S*"? does not match go tool version|\binvoked to provide go|\btoo many toolchain switches\b|object is \[go[^\]]*\] expected \[go|package ${STD} is not in (?:GOROOT|std)\b|cannot find module providing package ${STD}(?![\w./-])|compiled with go[\d.]+\S*,? (?:but )?(?:need|expected|want)`,
    ),
    yieldsTo: ['go-too-old-for-tools', 'std-package-newer-than-go'],
    says: 'the go command and its tools or standard library come from different Go releases (a GOROOT or PATH that mixes two installations, or a go too old for the code)',
  },
  {
    id: 'std-package-newer-than-go',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // A standard package the GOROOT's own release predates (STD_ADDED_IN): the go that ran is older
    // than the code needs, as go-version-too-old-for-module says when go.mod tells it. Whether a
    // newer Go is installed and another one ran (the editor's or CI's PATH, a stale GOROOT) or none
    // is, the text cannot say: a warning, where a package its release does have gone missing
    // (go-toolchain-mismatch) is two installations mixed and an error.
    needles: ['is not in GOROOT', 'is not in std'],
    test: new RegExp(`${STD_NEWER_THAN_GOROOT.source}|${STD_NEWER_THAN_UNNAMED_GOROOT.source}`),
    yieldsTo: ['go-too-old-for-tools'],
    says: 'the go that ran is older than the code needs: it lacks a standard package a later Go release added (a newer Go is needed, or another Go than the one installed for this code runs here)',
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
    says: "the go that ran is older than the module's go line, and may not switch to a newer toolchain (GOTOOLCHAIN=local, or a download that failed): a newer Go is needed, or an older Go installation comes first on the PATH the tools get",
  },
  {
    id: 'ld-preload-leak',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.65,
    // ld.so: "ERROR: ld.so: object 'libgtk3-nocsd.so.0' from LD_PRELOAD cannot be preloaded … ignored."
    // And LD_AUDIT's (elf/rtld.c report_audit_module_load_error: "ERROR: ld.so: object '%s' cannot be
    // loaded as audit interface: %s; ignored."), a sandbox's audit module inherited (catalog row, lane env of 2026-12-05).
    needles: ['from LD_PRELOAD cannot be preloaded', 'cannot be loaded as audit interface'],
    test: /from LD_PRELOAD cannot be preloaded|ld\.so: object '[^'\n]*' cannot be loaded as audit interface/,
    says: 'a library named in LD_PRELOAD or LD_AUDIT (inherited from the desktop session or a sandbox) could not be loaded into the tools',
  },
  {
    id: 'foreign-lib-unversioned',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // glibc's loader (elf/dl-version.c match_symbol): "%s: %s: no version information available
    // (required by %s)" when the library it resolved carries no symbol versions, as builds outside
    // the distribution do. Read only for a library from a tree a variable puts first (a home
    // directory, /opt, conda, Nix, a Snap or Flatpak runtime): LD_LIBRARY_PATH from a conda
    // activation, a module system or a sandbox leaked into git, gcc or the tools go runs. The
    // system's own directories and /usr/local/lib (ld.so.conf's, not the environment's) are left out.
    needles: ['no version information available (required by'],
    test: /(?<!\S)\/(?:home|root|opt|nix\/store|snap|app|var\/lib\/flatpak)\/\S*\/lib[^\s/]*\.so[\d.]*: no version information available \(required by |(?<!\S)\/\S*(?:conda|anaconda|miniconda|miniforge|mambaforge)\S*\/lib[^\s/]*\.so[\d.]*: no version information available \(required by /,
    yieldsTo: ['foreign-runtime-libs'],
    says: 'a program loaded a library from outside the system\'s own directories (LD_LIBRARY_PATH from a conda environment, a module system or a sandbox, inherited by the tools go runs)',
  },
  {
    id: 'exec-format-error',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.7,
    // ENOEXEC: "fork/exec /tmp/go-build…/exe/main: exec format error" — built for another
    // GOOS/GOARCH (inherited from the environment) than the machine runs. The same errno in
    // other spawners' words: Java's ProcessBuilder "Cannot run program "X": error=8, Exec format
    // error", Rust's io::Error "Exec format error (os error 8)", node's "spawn X ENOEXEC".
    // A warning: the line proves the binary is foreign, not why. A GOARCH exported to the editor
    // is one reason; a project's own build step that targets another machine, or a binary fetched
    // for the wrong architecture, are others the line cannot tell apart. The go-env probe's own
    // reading of a foreign GOOS/GOARCH, which does prove the environment's part, is a warning too:
    // a log line is no stronger evidence than the value itself.
    needles: ['exec format error', 'error=8, Exec format error', 'Exec format error (os error 8)', ' ENOEXEC'],
    test: /exec format error|error=8, Exec format error|Exec format error \(os error 8\)|\bspawn(?:Sync)? \S+ ENOEXEC\b/,
    yieldsTo: ['gopls-binary-broken', 'image-exec-format'],
    says: 'a program could not be executed ("exec format error"): it was built for another OS or architecture, as a GOOS/GOARCH inherited from the environment does',
  },
  {
    id: 'image-exec-format',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // runc's own words when a container's first process is of another architecture:
    // libcontainer's "exec /entrypoint: exec format error" (runc 1.1+, a line of its own or after
    // a log prefix) and the older "standard_init_linux.go:228: exec user process caused: exec
    // format error". The binary is the image's: its build chose the platform (a Dockerfile that
    // does not pass TARGETOS/TARGETARCH to go build, corpus41's tuning negative), or the image of
    // another platform was pulled; not the Go environment of the machine reading the log.
    needles: ['exec format error'],
    test: /(?:^|\s)exec \/[^\s:]*: exec format error|exec user process caused:? "?exec format error/m,
    says: 'a container\'s first process is built for another architecture than the node runs (the image\'s build or the platform pulled, not this machine\'s Go environment)',
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
    // os/user's Current in a binary built without cgo (lookup_stubs.go): "user: Current requires cgo
    // or $USER set in environment" (or "$USER, $HOME", "$HOME"): the process got no USER or HOME.
    needles: ['$HOME is not defined', 'nor $HOME are defined', 'requires cgo or $USER', 'requires cgo or $HOME'],
    says: 'the process was started without HOME, so go has no default build cache, GOPATH or module cache',
    // Told where the live run found HOME unset in the login shell too (sameInLoginShell.ts clears
    // every Go variable from "shared" when HOME differs, so GOPATH named here is shared only then).
    inShellToo: "the process was started without HOME, and so is your login shell, so go has no default build cache, GOPATH or module cache: a terminal's go fails the same way, so it is the session or container that lacks HOME, not the editor's start",
  },
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
    id: 'go-dir-through-file',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go creating its module cache (modfetch: "could not create module cache: %w") or build
    // cache (cache.DefaultDir: "failed to initialize build cache at %s: %s") under a path one of
    // whose parts is a file: ENOTDIR, "stat /bin/go/pkg/mod: not a directory". No permission is
    // missing; GOPATH, GOMODCACHE or GOCACHE as the program received it names a file (GOPATH set to
    // the go binary, a GOPATH of a file left where a folder should be), so go looks for its
    // directories inside it.
    needles: ['could not create module cache', 'failed to initialize build cache'],
    test: /(?:could not create module cache|failed to initialize build cache at \S+): [^\n]*: not a directory/,
    explains: ['module-resolution', 'fs-access'],
    says: 'GOPATH, GOMODCACHE or GOCACHE as the go command received it runs through a file (for example GOPATH set to the go binary), so go cannot make its cache directories there',
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
    // work/build.go: "cannot install, GOBIN must be an absolute path". The Go extension's util.ts
    // isGoPathSet (before modules): "Set GOPATH environment variable and restart VS Code or set
    // GOPATH in Workspace settings" — the editor was started without GOPATH.
    // modfetch/codehost/codehost.go WorkDir (a direct VCS fetch): "neither GOPATH nor GOMODCACHE are set".
    // Editors' plugins before modules said it in a sentence: vim-go's "vim.go: $GOPATH is not set"
    // (a GOPATH assigned in ~/.profile but not exported, so the editor never got it).
    // Programs that read $GOPATH themselves (build scripts, IDE plugins, tools of the GOPATH era) say
    // it missing in more words than these (goVarUnset: "GOPATH not set", "invalid GOPATH \"\"").
    needles: [...GOPATH_INVALID_NEEDLES, ...GO_VAR_UNSET_NEEDLES('GOPATH')],
    // Not systemd's notice for a name given to `systemctl --user import-environment` that the calling
    // shell lacks (src/systemctl/systemctl-set-environment.c: "Environment variable $%s not set,
    // ignoring."): an unset GOPATH there means go's default, ~/go, nothing wrong.
    test: new RegExp([...GOPATH_INVALID_NEEDLES.map((n) => n.replaceAll('$', String.raw`\$`) + (n === '$GOPATH not set' ? '(?!, ignoring)' : '')), goVarUnset('GOPATH')].join('|')),
    explains: ['module-resolution'],
    says: 'GOPATH (or GOMODCACHE) as the tools received it is unset, relative or the same as GOROOT: the editor was started without the environment the shell sets up',
    inShellToo: "GOPATH (or GOMODCACHE) as the tools received it is unset, relative or the same as GOROOT, as in your login shell: a terminal's go fails the same way, so it is the value where it is set that is wrong, not the editor's start",
  },
  {
    id: 'go-env-invalid',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // cmd/go refuses to run at all: "go: parsing $GOFLAGS: non-flag …" / "unknown flag -x", "go: unknown
    // environment setting GO111MODULE=…", "invalid GOTOOLCHAIN …", "cmd/go: unsupported GOOS/GOARCH pair
    // x/y", "go: cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set".
    // Also the module variables cmd/go refuses before any fetch (modfetch/proxy.go "GOPROXY list is
    // not the empty string, but contains no entries", "invalid proxy URL missing scheme: …";
    // modfetch/sumdb.go "invalid GOSUMDB: …"; modload/init.go "invalid GOWORK: not an absolute
    // path") and work/init.go's "-mod=x not supported (can be '', 'mod', 'readonly', or
    // 'vendor')" (a -mod from GOFLAGS or the editor's build flags). base/goflags.go SetFromGOFLAGS
    // names where a bad value came from: "go: invalid value "x" for flag -mod (from $GOFLAGS): …",
    // "go: invalid boolean value …", "go: flag needs an argument: -x (from $GOFLAGS)" ("%GOFLAGS%"
    // on Windows). modfetch/sumdb.go's dbDial: "verifying module: missing GOSUMDB" (GOSUMDB set
    // to an empty or blank value, by go env -w or the environment).
    needles: ['verifying module: missing GOSUMDB', 'parsing $GOFLAGS', '(from $GOFLAGS)', '(from %GOFLAGS%)', 'unknown environment setting GO111MODULE', 'invalid GOTOOLCHAIN', 'unsupported GOOS/GOARCH pair', 'GOPROXY list is not the empty string, but contains no entries', 'invalid proxy URL missing scheme', 'invalid proxy URL scheme', 'invalid GOSUMDB', 'invalid GOWORK', "not supported (can be '', 'mod'", "not supported (can be '', 'readonly'"],
    explains: ['module-resolution'],
    says: 'the go command rejects a variable of the environment it was started with (GOFLAGS, GO111MODULE, GOTOOLCHAIN, GOPROXY, GOSUMDB, GOWORK or GOOS/GOARCH), so every go command fails',
  },
  {
    id: 'goflags-vendor-blocks-install',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go modload/query.go refuses any version query in vendor mode: "cannot query module due to
    // -mod=vendor". After `go install path@version` (or go get path@version) it reads "go:
    // path@version: cannot query module …": such a command runs outside any main module, where no
    // vendor directory can choose vendor mode, so -mod=vendor came from GOFLAGS, exported by a
    // builder image or CI, or set with go env -w. Written from corpus46's tuning text
    // openshift/release#36444 (a CI image exporting GOFLAGS=-mod=vendor, fixed by unsetting it for
    // the step; the batch waits in test/fixtures/corpus/pending/corpus46/) and
    // hashicorp/terraform-provider-azurerm#11461 (the same said in a sentence, in the corpus).
    needles: ['cannot query module due to -mod=vendor'],
    test: /(?:\S@[\w.+~-]+: |GOFLAGS=-mod=vendor[^\n]{0,200})cannot query module due to -mod=vendor/,
    explains: ['module-resolution'],
    says: 'GOFLAGS=-mod=vendor in the environment (a builder image, CI, or go env -w) makes go install and go get of a module@version fail: vendor mode forbids the version query they need',
  },
  {
    id: 'goflags-turns-query-into-write',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // cmd/go envcmd/env.go: with -w, every argument must be KEY=VALUE ("go env -w: arguments must be
    // KEY=VALUE: invalid argument: %s" before Go 1.16's "go: " prefix). A read-only variable as that
    // argument (GOMOD, GOVERSION, GOTOOLDIR, GOGCCFLAGS, GOHOSTOS, GOHOSTARCH, GOEXE: `go env -w`
    // refuses to set these in other words, "GOMOD cannot be modified") is a query, `go env GOMOD`,
    // as gopls and the editors' tools run it; the -w came from GOFLAGS, where a build flag's value
    // (-ldflags "-w -s", unquoted) leaves it (golang/go#37108). Every such query then fails. A
    // warning: the flag's origin is inferred, not printed.
    needles: ['arguments must be KEY=VALUE: invalid argument: '],
    test: /arguments must be KEY=VALUE: invalid argument: (?:GOMOD|GOVERSION|GOTOOLDIR|GOGCCFLAGS|GOHOSTOS|GOHOSTARCH|GOEXE)\b(?!=)/,
    explains: ['module-resolution', 'gopls-launch'],
    says: "a query of a read-only go env variable (go env GOMOD, as gopls runs it) was read as `go env -w`: GOFLAGS carries a -w, as an unquoted -ldflags \"-w -s\" leaves it, so every such query fails",
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
    id: 'windows-go-in-wsl',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // Not screened by needles: the analyzer sees a shell inside WSL (a path under /mnt/<drive>/)
    // and go env listing GOHOSTOS=windows in the same text (goEnvListing.ts), as corpus43's tuning
    // text golang/go#70533 shows: the go WSL found is the Windows go.exe its PATH appends.
    needles: [],
    says: 'inside WSL, the go that ran is the Windows go.exe (go env shows GOHOSTOS=windows): WSL appends the Windows PATH, so with no Linux go installed, or one later on PATH, the Windows toolchain builds for Windows and reads Windows paths',
  },
  {
    id: 'sudo-other-go',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // Not screened by needles: the analyzer reads a transcript asking go version or go env GOROOT
    // as the user and under sudo, with two answers (sudoTranscript.ts), as the tuning texts
    // kubernetes-sigs/cri-tools#688 and confidential-containers/cloud-api-adaptor#165 show.
    needles: [],
    says: "under sudo, go is another installation: sudo resets the environment (env_reset drops GOROOT) and replaces PATH with its secure_path, which sudo -E does not undo, so root runs the first go on that path and builds, tests or installs with another toolchain than your shell's; run it without sudo, or as sudo env \"PATH=$PATH\" go …",
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
    id: 'command-not-on-path',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // A shell that could not find a program on the PATH it was given (bash: "line 1: cargo: command
    // not found", dash: "/bin/sh: 1: npm: not found", exit status 127), and VS Code's task terminal:
    // 'The terminal process "/bin/sh '-c', 'x'" failed to launch (exit code: 127).' Run by an editor,
    // a task or a CI runner, the PATH is the one its launcher exported, not the login shell's.
    needles: ['command not found', ': not found', 'exit code: 127'],
    // dash's exec builtin says it with its name ("run-golangci-lint.sh: 2: exec: golangci-lint: not
    // found", the tuning text golangci/golangci-lint#1185: a pre-commit hook's script).
    // BusyBox ash (Alpine images, distroless debug shells) says it without a line number ("sh: gofmt:
    // not found", "/bin/sh: golangci-lint: not found"): only after a shell's own name there.
    test: /\b[\w.+-]+: command not found|sh: (?:line )?\d+: (?:exec: )?[\w.+-]+: not found|(?:^|[\s/\[(-])(?:a|ba|da|k|z)?sh: (?:exec: )?[\w.+-]+: not found\b|failed to launch \(exit code: 127\)/,
    // (zsh's "zsh:1: command not found: go" and gvm's hook are said better by the shells' and shims' rules.)
    yieldsTo: ['go-binary-not-found', 'gopls-not-found', 'go-tool-missing', 'go-not-found-shells', 'gopls-not-found-shells', 'go-shim-no-version', 'shim-no-version'],
    says: 'a program was not found on the PATH the process was started with (a launcher, task runner or CI runner that did not export the login shell\'s PATH)',
  },
  // A program not on the PATH, as the shells and clients go-binary-not-found does not cover say it: zsh
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
    needles: ['command not found: go', "Command 'go", 'Unknown command', 'Command not found', 'Searching for program', 'failed to run command', 'which: no go in (', 'go: No such file or directory', 'go.exe: No such file or directory', 'zsh: no such file or directory: ', '/bin/go: not found', '/shims/go: not found', 'bwrap: execvp '],
    // Also a shell running a go binary that is gone ("-bash: /usr/local/go/bin/go: No such file or directory",
    // dash's "/bin/sh: 1: /usr/local/go/bin/go: not found"), or a version manager's shim that is
    // gone ("bash: /home/u/.asdf/shims/go: No such file or directory": the PATH or the shell's hash
    // still names a manager root that was moved or removed).
    // zsh puts the errno first ("zsh: no such file or directory: /usr/local/go/bin/go", exec.c's "%e: %s").
    test: new RegExp(notOnPath(String.raw`go(?:\.exe)?|gofmt`, true).source + String.raw`|(?:^|\s)\S*\/(?:bin|shims)\/go(?:\.exe)?: (?:[Nn]o such file or directory|not found)|zsh: no such file or directory: \S*\/(?:bin|shims)\/go(?:\.exe)?\s*$`),
    yieldsTo: ['go-missing', 'go-binary-not-found'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'the editor or a tool it ran could not find the go command on the PATH it was given (the shell, task runner or GUI application it ran under did not get the login shell\'s PATH)',
    // Names no Go variable: told only where the live run found every Go-deciding value the same in
    // the login shell and go on neither PATH, nor in a terminal's (sameInLoginShell.ts `all`).
    inShellToo: "the editor or a tool it ran could not find the go command on the PATH it was given, nor does your login shell: a terminal finds no go either",
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
    // program", node's "spawn pyright ENOENT"): the gopls-launch rules read those, for Go's servers only.
    needles: ['command not found: ', "Command '", 'Unknown command', 'Command not found', 'failed to run command', 'which: no ', 'is not recognized as', 'Cannot run program', 'is not executable', 'bwrap: execvp '],
    test: new RegExp(
      [
        notOnPath(String.raw`[\w.+-]+`, false, false).source,
        // PowerShell 7 says "as a name of a cmdlet" (0xagil/WhatsApp-Online-Status-Monitor#10), 5 "as the name of".
        String.raw`['"‘][\w.+-]+['"’] is not recognized as (?:an internal or external command|(?:the|a) name of a cmdlet)`,
        String.raw`Cannot run program \\?"[\w.+-]+\\?"${NO_OTHER_JAVA_ERRNO}`,
        // mason.nvim's spawn.lua for a program other than go or gopls ("spawn: npm failed with exit
        // code - and signal -. npm is not executable").
        String.raw`spawn: (?!(?:go|gofmt|gopls)(?:\.exe)? )[\w.+-]+ failed with exit code - and signal -\. [\w.+-]+ is not executable`,
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
    // Lane managers (test/fixtures/manager-messages.jsonl), read in the managers' sources: goenv 2.x
    // libexec/goenv-which quotes the command ("goenv: 'go' command not found"); asdf's bash
    // lib/utils.bash "asdf: unknown shim go" (a shim asdf no longer knows) and display_no_version_set
    // "No version is set for golang; please run `asdf <global | shell | local> golang <version>`";
    // mise src/shims.rs exec_resolution_hint "go is installed but not activated — it is not in any
    // config file."; asdf-golang's go wrapper (shims/go) "Could not resolve real Go binary." (no asdf,
    // no current golang version, no other go on its PATH); goenv's own 'eval "$(goenv init -)" has
    // not been executed.' (the shell never ran the hook, so no shims are on its PATH).
    // golang.org/dl's wrappers (internal/version/version.go Run): "go1.25.0: not downloaded. Run
    // 'go1.25.0 download' to install to …" when ~/sdk/go1.25.0 holds no unpacked release; the go
    // command itself runs such a wrapper found on PATH for GOTOOLCHAIN=go1.25.0, so a stale one
    // shadows the toolchain it would have fetched.
    needles: ['version is set for command', 'version set for command', 'No preset version installed for command', 'No version is set for shim', 'is not a valid shim', 'Perhaps you have to', 'goenv: ', 'asdf: unknown shim ', 'No version is set for golang', 'is installed but not activated', 'Could not resolve real Go binary', 'goenv init -)" has not been executed', ': not downloaded. Run ', '/shims/go: line ', '/shims/gofmt: line ', '/shims/gopls: line '],
    test: new RegExp(
      [
        String.raw`No version (?:is )?set for command ${GO_TOOL}`,
        String.raw`No preset version installed for command ${GO_TOOL}`,
        String.raw`No version is set for shim:? ${GO_TOOL}`,
        String.raw`\b${GO_TOOL} is not a valid shim`,
        String.raw`(?:unknown|no) command:? ${GO_TOOL}\. Perhaps you have to (?:asdf )?reshim`,
        String.raw`\bgoenv: version [\x60'‘]v?[\w.-]+['’] is not installed`,
        String.raw`\bgoenv: ${GO_TOOL}: command not found`,
        String.raw`\bgoenv: '${GO_TOOL}' command not found`,
        String.raw`\basdf: unknown shim ${GO_TOOL}`,
        String.raw`No version is set for golang; please run`,
        String.raw`(?:^|\s)${GO_TOOL} is installed but not activated`,
        String.raw`Could not resolve real Go binary`,
        String.raw`eval "\$\(goenv init -\)" has not been executed`,
        String.raw`\b(?:go1[\w.]*|gotip): not downloaded\. Run '(?:go1[\w.]*|gotip) download'`,
        // The shim script itself failing: asdf's, goenv's and rbenv-style shims are shell scripts
        // that exec the manager ("/home/u/.asdf/shims/go: line 4: /home/u/.asdf/bin/asdf: No such
        // file or directory", "…/.goenv/shims/go: line 21: goenv: command not found"): the manager
        // the shim names is not where it was, or not on the PATH the shim was run with.
        String.raw`\/shims\/${GO_TOOL}: line \d+: [^\n]*?(?:[Nn]o such file or directory|command not found|not found)`,
      ].join('|'),
    ),
    explains: ['module-resolution', 'gopls-launch'],
    says: "a version manager's shim (asdf, mise, goenv, a golang.org/dl wrapper) could not choose a Go or has none downloaded: the editor or task ran it without the manager's environment or outside the directory whose version file names one",
  },
  {
    id: 'shim-no-version',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // gvm's shell hook with no default Go chosen (gvm use goX --default never run): scripts/gvm
    // sources $GVM_ROOT/environments/default, which does not exist, and every new shell prints
    // "ERROR: Invalid or corrupt Go version" (the tuning texts moovweb/gvm#449, with the shell's own
    // ". : no such file or directory: …/.gvm/environments/default").
    needles: ['version is set for command', 'version set for command', 'No preset version installed for command', 'No version is set for shim', 'is not a valid shim', 'Perhaps you have to', 'is not installed (set by', 'GVM_ROOT not set', '__gvm_', 'Invalid or corrupt Go version', '/environments/default'],
    test: /No version (?:is )?set for command [\w.+-]+|No preset version installed for command|No version is set for shim|[\w.+-]{1,200} is not a valid shim|command:? [\w.+-]+\. Perhaps you have to (?:asdf )?reshim|\b\w+env: version [`'‘][^'’\s]+['’] is not installed \(set by|GVM_ROOT not set|command not found: __gvm_\w+|(?:^|[\s#])(?:ERROR: )?Invalid or corrupt Go version\s*$|[Nn]o such file or directory:? [^\n]*\/\.gvm\/environments\/default\b|\/\.gvm\/environments\/default: [Nn]o such file or directory/m,
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
    // go-toolchain-mismatch does not read: cmd/go's 'cannot find package "fmt" in any of:'
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
    id: 'goroot-source-mixed',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // The compiler rejecting the standard library's own source (".../go/src/runtime/x.go:12:6:
    // Foo redeclared in this block", "undefined: …", "found packages a (a.go) and b (b.go) in
    // /usr/local/go/src/…"): that tree is not the release its compiler belongs to. go.dev/doc/install
    // warns of the common way there, an archive extracted over an existing /usr/local/go ("known
    // to produce broken Go installations"); a GOROOT exported for another release does the same.
    // Only a Go root's src/ (go/, go-1.N/, goN.M/, sdk/…) and a standard package, and only the
    // messages two releases' files in one tree give (a symbol declared twice, or gone, or two
    // package names in one directory): screened by those words, since a stack frame's file line
    // holds the same path and would run the regex on every frame.
    needles: ['redeclared in this block', 'other declaration of', 'undefined: ', 'found packages'],
    test: new RegExp(
      String.raw`(?:^|\s)(?:\S*\/)?(?:go|go-?\d[\w.]*|go\d[\w.]*)\/src\/(?:${STD}|internal(?:\/[a-z0-9]+)*)\/[\w.-]+\.go:\d+:\d+: (?:\S+ redeclared in this block|other declaration of |undefined: )|found packages \w+ \([\w.-]+\.go\) and \w+ \([\w.-]+\.go\) in \S*\/(?:go|go-?\d[\w.]*|go\d[\w.]*)\/src\/(?:${STD}|internal(?:\/[a-z0-9]+)*)\s*$`,
      'm',
    ),
    explains: ['module-resolution', 'gopls-launch'],
    says: "the compiler rejects the standard library's own source: that Go installation mixes two releases (an archive extracted over an existing one) or GOROOT points at another release's tree",
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
    // GOPPC64, GORISCV64, GOWASM), "unknown GOEXPERIMENT x". A variable from the environment the
    // tools were started with makes every build fail.
    needles: ['invalid GOAMD64', 'invalid GOARM', 'invalid GO386', 'invalid GOMIPS', 'invalid GOPPC64', 'invalid GORISCV64', 'invalid GOWASM', 'unknown GOEXPERIMENT'],
    test: /invalid GO(?:AMD64|ARM64|ARM|386|MIPS64|MIPS|PPC64|RISCV64|WASM)\b|unknown GOEXPERIMENT/,
    says: 'the go command rejects a build variable of the environment it was started with (GOAMD64, GOARM, GOEXPERIMENT), so every build fails',
  },
  {
    id: 'amd64-level-unsupported',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // runtime/asm_amd64.s bad_cpu_msg: a program built with GOAMD64=vN started on a CPU below vN
    // (a virtual CPU model, an Atom without AVX) exits at once with these words, a go test binary
    // or a tool installed with that GOAMD64 alike. Like an exec format error: built for another machine.
    needles: ['This program can only be run on AMD64 processors with v'],
    // When the program is gopls, the editor's language server dies at start: that death follows.
    explains: ['gopls-launch'],
    test: /This program can only be run on AMD64 processors with v[2-4] microarchitecture support/,
    says: 'a program was built for a newer x86-64 level (GOAMD64=v2, v3 or v4, from the environment or the go env file) than this CPU offers, and stopped at start',
  },
  {
    id: 'race-without-cgo',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // cmd/go work/init.go: "go: -race requires cgo; enable cgo by setting CGO_ENABLED=1" (and -msan,
    // -asan). CGO_ENABLED was 0, and the line does not say who made it so: an environment that
    // exports it, the build script's own command line (corpus41's tuning negative, a Dockerfile
    // running `CGO_ENABLED=0 … go test -race`), or go itself, which turns cgo off when no C
    // compiler is on PATH (Go 1.20+). A warning: the cgo probe reads which on a live machine.
    needles: [' requires cgo'],
    test: /-(?:race|msan|asan) requires cgo/,
    says: 'a -race (or -msan, -asan) build was asked for with cgo off (CGO_ENABLED=0, exported, set by the build script, or chosen by go because no C compiler is on PATH)',
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
    says: "the go that ran is older than the module's go line, and may not switch to a newer toolchain (GOTOOLCHAIN=local, or a download that failed): a newer Go is needed, or an older Go installation comes first on the PATH the tools get",
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
    // A library that exists but may not be mapped executable (EPERM) is a noexec mount's.
    yieldsTo: ['musl-map-denied'],
    says: "a program could not be loaded against this system's C library (musl's loader: a symbol or library it was built against is missing): it ran under another runtime than it was built for",
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
    // The last branch is "a program name, maybe quoted, then not found in PATH". As a yes/no test
    // one character of the name is as good as all of it; `[\w.+-]{1,200}` (and an optional opening
    // quote) read every run of word characters back and forth from each of its starts, the
    // costliest pattern on a long trace's lines. test/unit/goplsLog/ruleRewrites.test.ts checks it
    // says what the longer form said.
    test: /exec: \\?"[^"\\\n]+\\?": (?:executable file not found in %PATH%|cannot run executable found relative to current directory)|Unable to locate executable file: [\w.+-]+|[\w.+-]['"’]? (?:was |is )?not found in (?:\$PATH|PATH|your PATH)\b/,
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
    // Not "…: Permission denied": the library was there and its open refused (shared-object-open-denied).
    test: /(?<!gopls(?:\.exe)?): error while loading shared libraries: \S+: cannot open shared object file(?!: Permission denied)/,
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
    id: 'wsl-interop-unreachable',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // WSL's init runs a Windows program started from inside WSL and relays its I/O over a socket
    // (microsoft/WSL src/linux/init/util.cpp UtilConnectVsock, UtilConnectUnix, UtilAcceptVsock);
    // when that fails its LOG_ERROR prints "<3>WSL (4131) ERROR: UtilConnectVsock:2954: connect port
    // 50000 failed 110 (from: …)" (older builds "<3>init: (…) ERROR: …", without the "from"). The
    // program was a Windows one (a go.exe or a code found on the Windows PATH WSL appends to the
    // Linux one), and interop could not reach Windows: a WSL_INTEROP socket inherited from a session
    // that has ended (tmux and screen keep the old environment), or interop switched off.
    needles: ['UtilConnectVsock', 'UtilConnectUnix', 'UtilAcceptVsock'],
    // Each function spelled out whole: the needle screen reads a plain run of each.
    test: /\bERROR: UtilConnectVsock:\d+: connect\b[^\n]*?\bfailed\b|\bERROR: UtilConnectUnix:\d+: connect\b[^\n]*?\bfailed\b|\bERROR: UtilAcceptVsock:\d+: accept4?\b[^\n]*?\bfailed\b/,
    explains: ['gopls-launch'],
    says: 'inside WSL, a Windows program (a go.exe or code from the Windows PATH WSL appends) was run through interop and WSL could not reach Windows: the shell carries a WSL_INTEROP of a session that has ended (tmux, screen) or interop is off; a Linux go first on PATH avoids it',
  },
  {
    id: 'flatpak-spawn-failed',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // flatpak-xdg-utils src/flatpak-spawn.c, how a Flatpak editor reaches the host's go and gopls (a
    // `flatpak-spawn --host` wrapper in go.alternateTools or on the sandbox's PATH): "Can't find
    // bus: %s" when it has no session bus in its environment (GLib's "Cannot autolaunch D-Bus
    // without X11 $DISPLAY", "Could not connect: …"), and "Portal call failed: %s" when the
    // host-command service refuses or is out of reach (an app without
    // --talk-name=org.freedesktop.Flatpak: "The name org.freedesktop.Flatpak was not provided by any
    // .service files"). Either way nothing on the host runs for the editor.
    needles: ["Can't find bus: ", 'Portal call failed: '],
    explains: ['gopls-launch', 'module-resolution'],
    says: 'flatpak-spawn, the sandboxed editor\'s way to the host\'s go and gopls, could not reach the host: it has no session bus in its environment, or the Flatpak app may not talk to org.freedesktop.Flatpak (flatpak override --user --talk-name=org.freedesktop.Flatpak APP)',
  },
  {
    id: 'snap-command-gone',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.65,
    // snapd cmd/snap/cmd_run.go getSnapInfo (and snap/info.go ReadCurrentInfo): "cannot find current
    // revision for snap %s: %s" with readlink's ENOENT: a /snap/bin command (/snap/bin/go, a snap's
    // alias) is still on PATH for a snap that was removed or renamed. The go the editor finds there
    // is no Go at all; another one, if any, comes later on PATH. Another errno is not "gone".
    needles: ['cannot find current revision for snap '],
    test: /cannot find current revision for snap [\w.-]+: readlink \S+: [Nn]o such file or directory/,
    explains: ['gopls-launch', 'module-resolution'],
    says: 'the command run is a /snap/bin wrapper left on PATH for a snap that is no longer installed: remove it (or reinstall the snap) so the go that is installed comes first',
  },
  {
    id: 'no-user-session',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // systemd src/shared/bus-util.c bus_log_connect_full: "Failed to connect to user scope bus via
    // local transport: $DBUS_SESSION_BUS_ADDRESS and $XDG_RUNTIME_DIR not defined (consider using
    // --machine=<user>@.host --user …)"; before v248 "Failed to connect to bus: $DBUS_SESSION_BUS_ADDRESS
    // and $XDG_RUNTIME_DIR not defined". The shell runs outside the user's login session (sudo -i,
    // su, cron, a container exec), so what the session imports (environment.d, systemctl --user
    // set-environment) is not there, and it is not the environment the desktop's programs have.
    needles: ['$XDG_RUNTIME_DIR not defined'],
    test: /Failed to connect to (?:user scope )?bus(?: via \w+ transport)?: \$DBUS_SESSION_BUS_ADDRESS and \$XDG_RUNTIME_DIR not defined/,
    says: "this shell runs outside the user's login session (sudo, su, cron, a container exec): systemctl --user cannot reach the session, so the environment the desktop's programs get is not what this shell has or sets",
  },
  {
    id: 'environment-d-failed',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // systemd src/environment-d-generator/environment-d-generator.c: "Failed to load environment.d:
    // %m", and the user manager's "…/30-systemd-environment-d-generator failed with exit status 1."
    // (src/core/manager.c, generator run). ~/.config/environment.d is where a desktop session's
    // GOPATH and PATH for Go are set: none of it reached the session or the editor started from it.
    needles: ['Failed to load environment.d', 'environment-d-generator failed with exit status'],
    explains: ['fs-access', 'gopls-launch', 'module-resolution'],
    says: "systemd could not load ~/.config/environment.d at login (the user manager's journal says why): the variables set there, such as GOPATH and Go's directory on PATH, are missing from the desktop session and the editor started from it",
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
    id: 'cgo-link-failed',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.4,
    // cmd/link's external linking: "/x/pkg/tool/linux_amd64/link: running gcc failed: exit status 1"
    // — the C toolchain and the CGO_CFLAGS/CGO_LDFLAGS/LD_LIBRARY_PATH it got from the environment.
    needles: [' failed: exit status'],
    test: /\blink(?:\.exe)?: running (?:gcc|g\+\+|clang\+*|cc|c\+\+|\S*-gcc)\S* failed: exit status/,
    // gcc's collect2 prints the linker's end on the next lines ("ld terminated with signal 9
    // [Killed]", "compilation terminated."), cmd/link quoting them below its own line.
    withdrawnByKill: 4,
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
    // Inside the sandbox the Flatpak editors' own trees are /app/extra/vscode/ (flathub
    // com.visualstudio.code's extra-data) and /app/share/codium/ (com.vscodium.codium): a stack
    // trace or a spawned path from there is the sandboxed editor's too.
    needles: ['/.var/app/', '/flatpak/app/', '/snap/code', '/snap/codium', '/snap/goland', '/snap/intellij-idea', '/snap/sublime-text', 'snap/code/', '/app/extra/vscode/', '/app/share/codium/'],
    test: /\/\.var\/app\/[\w.-]+\/|\/flatpak\/app\/[\w.-]+\/|(?:^|[\s('"=:])\/app\/extra\/vscode\/|(?:^|[\s('"=:])\/app\/share\/codium\/|\/snap\/(?:code|code-insiders|codium|goland|intellij-idea-\w+|sublime-text)\/|\bsnap\/code\/(?:common|current|\d+)\//,
    yieldsTo: ['sandboxed-editor', 'snap-runtime-leak', 'foreign-runtime-libs'],
    says: 'the editor runs in a Flatpak or Snap sandbox (its paths are in the log), which decides what go, gopls and the programs they start can see',
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
    inShellToo: "the go command is not on the PATH the editor or tool was given, nor on your login shell's: a terminal finds no go either",
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
    // first; Neovim's "Client gopls quit with exit code 127" is a dead server's (gopls-launch). GNU make's and
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
    id: 'path-listings-differ',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    // Not screened by needles: two PATH listings of one text (echo $PATH or printenv answers, env or
    // show-environment's PATH=, the tools block's PATH:) of which one holds a Go directory the other
    // lacks (pathListings.ts): a shell's and a session's, a terminal's and an editor's environment.
    needles: [],
    explains: ['gopls-launch', 'module-resolution'],
    says: "two PATHs in this text disagree on Go's directories: the program started with the one that lacks them (an editor or a service started from the desktop session, not from your shell) finds another go, or none, and not the tools in GOPATH/bin",
  },
  {
    id: 'path-listed-without-go',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.4,
    // Not screened by needles: the answer to `echo $PATH` or `printenv PATH` typed at a prompt holds
    // no Go directory (pathListings.ts). A distribution's go in /usr/bin needs none, hence a weak warning.
    needles: [],
    explains: ['gopls-launch'],
    says: "the PATH shown holds no Go directory (no …/go/bin, GOPATH/bin or version manager's shims): where Go was installed under its own directory, that environment does not find go or the Go tools",
  },
  {
    id: 'gopath-inside-goroot',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // Not screened by needles: a listing whose GOPATH lies inside GOROOT (goEnvListing.ts), as a
    // distribution's profile default (/usr/lib/go/site) gives it to a program that did not get the
    // GOPATH the user's shell exports.
    needles: [],
    explains: ['module-resolution'],
    says: "GOPATH lies inside the Go installation (GOROOT): a system profile's or a package's default, not your workspace; the program listed did not get the GOPATH your shell exports",
  },
  {
    id: 'gocache-not-inherited',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.7,
    // Not screened by needles: GOCACHE listed with one directory and go failing at its default
    // (…/go-build under the user cache directory, cmd/go cache/default.go) (goEnvListing.ts): the
    // go that failed never received the GOCACHE shown, so its fault is the environment, not the
    // default directory's permissions.
    needles: [],
    explains: ['fs-access'],
    says: 'GOCACHE is set where it is listed, yet go tried its default build cache: the task, command or service that ran go did not pass the variable on (set it in the environment that program gets)',
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
  // Lane remote: what remote-development layers print when the environment they give the
  // remote side is not the user's (VS Code's remote CLI in a long-lived tmux or ssh shell, sudo
  // and su dropping or refusing the caller's variables, a dev container's lifecycle command that
  // found no program). Read from their sources (test/fixtures/remote-messages.jsonl).
  {
    id: 'remote-cli-stale-env',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // VS Code's remote CLI (src/vs/server/node/server.cli.ts), the `code` an integrated terminal of
    // a remote window puts on the PATH: main() says "Command is only available in WSL or inside a
    // Visual Studio Code terminal." when neither VSCODE_IPC_HOOK_CLI nor VSCODE_CLIENT_COMMAND is
    // in its environment, and sendToPipe's fatal() "Unable to connect to VS Code server: Error in
    // request." when the socket VSCODE_IPC_HOOK_CLI names is gone (connect ENOENT/ECONNREFUSED): a
    // tmux or screen session, or an ssh login, that kept the variables of a server which has since
    // restarted or been updated. Its "Error in response" is a live server answering: not read.
    // The same shell then still has that server's bin/<commit> directories on its PATH, which
    // remote-server-path-stale reads.
    needles: ['Unable to connect to VS Code server: Error in request', 'Command is only available in WSL or inside a Visual Studio Code terminal'],
    says: "a shell's VS Code remote variables (VSCODE_IPC_HOOK_CLI, the server's PATH) are not those of the running server: a tmux, screen or ssh session kept the environment of a server that has since restarted or been updated",
  },
  {
    id: 'remote-server-path-stale',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.4,
    // A program under a VS Code server's per-release directory (~/.vscode-server/bin/<commit>/…,
    // the newer ~/.vscode-server/cli/servers/Stable-<commit>/server/…, and the Insiders twin) that
    // the shell cannot find: "…/bin/remote-cli/code: 12: …/node: not found" (dash), "bash:
    // …/remote-cli/code: No such file or directory". The server put that directory on the PATH of
    // the terminals it started; a session that outlived the release (tmux, screen) still has it,
    // or has the script's old path hashed (bash's "bash: …/remote-cli/code: No such file or
    // directory", zsh's "zsh: no such file or directory: …/remote-cli/code").
    needles: ['.vscode-server'],
    test: new RegExp(String.raw`${VSCODE_SERVER_RELEASE}[^\s:]*(?::\s*\d+)?:[^\n]*?(?:\bnot found\b|No such file or directory)|no such file or directory: \S*${VSCODE_SERVER_RELEASE}`),
    yieldsTo: ['remote-cli-stale-env'],
    says: "a shell's PATH names a VS Code server release directory that is no longer there: the session (tmux, screen, an old terminal) kept the environment of a server that has since been updated",
  },
  {
    id: 'sudo-env-refused',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // sudo (plugins/sudoers/sudoers.c sudoers_check_cmnd): "sorry, you are not allowed to preserve
    // the environment" for `sudo -E` without SETENV; env.c validate_env_vars: "sorry, you are not
    // allowed to set the following environment variables: %s" for `sudo GOPATH=… go …` outside
    // env_keep. sudo-rs (src/sudo/cli/mod.rs, the sudo of newer Ubuntu releases) accepts -E but
    // drops it: "preserving the entire environment is not supported, '-E' is ignored". Either way
    // the command does not get the caller's GOPATH, GOROOT, PATH or proxy variables (sudo's
    // env_reset and secure_path; sudo's "go: command not found" is the shell rules').
    needles: ['not allowed to preserve the environment', 'not allowed to set the following environment variables', 'preserving the entire environment is not supported'],
    says: "sudo would not pass the caller's environment on (env_reset without SETENV, or sudo-rs ignoring -E): the command runs without the user's GOPATH, GOROOT, PATH or proxy settings",
  },
  {
    id: 'su-env-reset',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.4,
    // util-linux su and runuser (login-utils/su-common.c): "ignoring --preserve-environment, it's
    // mutually exclusive with --login". `su -` (or -l) was asked to keep the environment as well:
    // it starts a login shell with the target user's environment instead, without the caller's
    // PATH or Go variables.
    needles: ["ignoring --preserve-environment, it's mutually exclusive with --login"],
    says: "su started a login shell with the target user's environment, not the caller's (--preserve-environment is ignored with --login): the Go variables and PATH set in the calling session are gone",
  },
  {
    id: 'devcontainer-command-127',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.35,
    // The Dev Containers CLI (src/spec-common/injectHeadless.ts runPostCommand): "${postCommandName}
    // failed with exit code ${code}. Skipping any further user-provided commands." With 127 the
    // shell did not find the program (POSIX sh 2.8.2): the lifecycle command runs with the remote
    // environment the CLI computed (containerEnv, remoteEnv, the userEnvProbe result), which lacks
    // the directory the image or a feature installed go or a Go tool into. Weak like
    // shell-status-127: the shell's own "command not found" line names the program.
    needles: ['failed with exit code 127'],
    test: /\b(?:onCreate|updateContent|postCreate|postStart|postAttach)Command failed with exit code 127\b/,
    yieldsTo: ['command-not-on-path', 'program-not-found-shells', 'go-binary-not-found', 'go-not-found-shells'],
    says: "a dev container's lifecycle command could not find a program (exit code 127): the environment the container's commands run with lacks the directory go or the tool was installed into",
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
  {
    id: 'editor-tool-not-run',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // go-mode.el and company-go: a file-error from call-process, the program not on the exec-path
    // the Emacs session has ("Could not run godef binary", "company-go: Could not run godef binary");
    // a GUI Emacs gets the desktop's PATH, not the login shell's.
    needles: ['Could not run '],
    test: /Could not run [\w.-]+ binary\b/,
    says: "the editor could not run a Go tool (not on the PATH or exec-path the editor was started with, which a desktop launcher does not take from the login shell)",
  },
  {
    id: 'python-program-not-found',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // CPython's subprocess (_execute_child) for a bare command name the PATH search did not find:
    // "FileNotFoundError: [Errno 2] No such file or directory: 'golint'" (Sublime Text's and other
    // Python-based editors' plugins running Go tools). Only the Go tools editors run (the Go
    // extension's goToolsInformation.ts list and the older tools of gocode's era): another
    // language's program missing is that language's setup, and a name with a dot or slash is a file.
    needles: ['[Errno 2] No such file or directory: '],
    test: new RegExp(String.raw`\[Errno 2\] No such file or directory: '${GO_DEV_TOOL}'`),
    yieldsTo: ['go-binary-not-found', 'server-binary-missing'],
    says: 'a Python-based editor plugin could not find a program on the PATH it was started with',
  },
  {
    id: 'install-location-missing',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // cmd/go work/build.go in GOPATH mode: "go install: no install location for directory /x
    // outside GOPATH" and "… for .go files listed on command line (GOBIN not set)": neither GOBIN
    // nor a GOPATH holding the directory is in the environment go was started with.
    needles: ['no install location for directory', 'no install location for .go files'],
    says: 'go install has nowhere to put the program: GOBIN is not set and the directory is outside the GOPATH the go command was given (GOPATH mode)',
  },
  {
    id: 'vcs-command-missing',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // cmd/go vcs/vcs.go (run1, before any direct fetch or VCS stamping): "go: missing Git command.
    // See https://golang.org/s/gogetcmd" (also Mercurial, Subversion, Bazaar, Fossil): exec.LookPath
    // found no git on the PATH the go command was started with.
    needles: ['command. See https://golang.org/s/gogetcmd'],
    says: 'the go command could not find git (or another version control tool) on the PATH it was started with, so it cannot fetch a module directly or stamp version control information',
  },
  // Lane gocmd: the go command's and the Go extension's own words for an environment they cannot
  // work with, enumerated from their sources rather than from reports (test/fixtures/go-messages.jsonl).
  {
    id: 'gocache-disabled',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.8,
    // cmd/go cache/default.go initDefaultCache: "build cache is disabled by GOCACHE=off, but
    // required as of Go 1.12", and DefaultDir's "GOCACHE is not an absolute path" (printed as "build
    // cache is required, but could not be located: …"). A GOCACHE exported by an old CI script, a
    // profile or a launcher that every go command after Go 1.12 refuses.
    needles: ['build cache is disabled by GOCACHE=off', 'GOCACHE is not an absolute path'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'the go command refuses the GOCACHE of the environment it was started with (GOCACHE=off, or a relative path), so it cannot build or load anything',
  },
  {
    id: 'go-env-file-unusable',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // cmd/go envcmd/env.go readEnvFileLines: "go: cannot find go env config: %v" (cfg.EnvFile found
    // no GOENV and no user config directory: neither XDG_CONFIG_HOME nor HOME) and "go: reading go
    // env config: %v"; checkEnvWrite: "%s can only be set using the OS environment" (GOENV and
    // GODEBUG, which go env -w cannot set). Where go keeps its go env -w settings is the
    // environment's to say, and this one does not say it usably.
    needles: ['cannot find go env config', 'reading go env config', 'GOENV can only be set using the OS environment', 'GODEBUG can only be set using the OS environment'],
    yieldsTo: ['home-unset'],
    says: "the go command cannot find or read its go env file (GOENV, or the user config directory under XDG_CONFIG_HOME or HOME), so settings made with go env -w are not in effect",
  },
  {
    id: 'gosumdb-off-toolchain',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // cmd/go modfetch/sumdb.go dbDial: "checksum database disabled by GOSUMDB=off", reported by
    // the toolchain switch (select.go "download go1.x: golang.org/toolchain@…: verifying module:
    // checksum database disabled by GOSUMDB=off"): go verifies every toolchain it downloads against
    // the checksum database, and GOSUMDB=off (exported, or set with go env -w for private modules,
    // where GONOSUMDB or GOPRIVATE was meant) forbids it.
    needles: ['checksum database disabled by GOSUMDB=off'],
    explains: ['module-resolution'],
    says: 'GOSUMDB=off in the environment (or go env -w) forbids the checksum check go needs before it uses a downloaded toolchain or module (GOPRIVATE or GONOSUMDB names private modules without turning the check off)',
  },
  {
    id: 'editor-go-run-failed',
    classId: 'env-inheritance',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.4,
    // The Go extension running the go it found and getting no usable answer: goInstallTools.ts
    // updateGoVarsFromConfig "Failed to run '<go> env' (cwd: …)" and "Failed to run '<go> env. The
    // config change may not be applied correctly."; util.ts getGoVersion 'failed to run "<go>
    // version": …' and 'unable to determine version from the output of "<go> version"';
    // commands/getConfiguredGoTools.ts "failed to run 'go env': …". The go on the editor's PATH (or
    // go.goroot) fails with the editor's environment, or is not the Go toolchain; the lines after
    // it, when a rule reads them, say why. Weak on its own, and what the editor saw rather than
    // why: a symptom, so the go command's own reason below it (a toolchain its go.mod asks for
    // and cannot have, corpus42's tuning text vscode-go#3317) goes first; alone it still leads.
    needles: ["Failed to run '", "failed to run 'go env'", 'failed to run "', 'unable to determine version from the output of'],
    test: /Failed to run '\S*?\bgo(?:\.exe)? env\b|failed to run 'go env'|failed to run "\S*?\bgo(?:\.exe)? version"|unable to determine version from the output of "\S*?\bgo(?:\.exe)? version"/,
    yieldsTo: ['go-for-tools-missing'],
    explains: ['gopls-launch'],
    says: 'the editor found a go command but could not run it with the environment it has (or it is not the Go toolchain): the PATH, GOROOT or variables the editor was started with are not the login shell\'s',
  },
  {
    id: 'c-compiler-missing',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // cmd/go work/exec.go (cgo builds): 'cgo: C compiler "gcc" not found: exec: "gcc": executable
    // file not found in $PATH', and cmd/cgo util.go run: "cgo: exec <cc>: <err>" when CC (or the
    // default gcc) names a compiler the PATH does not hold or a path that is not there. The C
    // toolchain is the environment's: CC, CGO_ENABLED and the PATH the go command was started with.
    needles: ['cgo: C compiler ', 'cgo: exec '],
    test: /cgo: C compiler \\?"[^"\n]+\\?" not found|cgo: exec \S+: (?:fork\/exec \S+: no such file or directory|exec: \\?"[^"\n]+\\?": executable file not found)/,
    yieldsTo: ['c-toolchain-env'],
    says: "cgo's C compiler is not where the environment says (no gcc on the PATH the go command was started with, or CC naming a compiler that is not there)",
  },
  {
    id: 'go-too-old-for-delve',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // Delve pkg/goversion/compat.go: "Version of Go is too old for this version of Delve (minimum
    // supported version 1.21, suppress this error with --check-go-version=false)": the go found
    // first on the PATH the debugger got is older than the one the tools were installed with.
    needles: ['Version of Go is too old for this version of Delve'],
    says: 'the go command the debugger found is older than its Delve supports (another, older Go installation is first on the PATH the editor gave it)',
  },
  {
    id: 'codegen-plugin-not-on-path',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // The protocol buffer compilers looking a plugin up on the PATH: protoc's subprocess.cc
    // "protoc-gen-go: program not found or is not executable" ("Please specify a program using
    // absolute path or make sure the program is available in your PATH system variable") and buf's
    // "could not find protoc plugin for name go - please make sure protoc-gen-go is installed and
    // present on your $PATH". go install puts protoc-gen-go in GOBIN or GOPATH/bin, which the PATH
    // the build, task or editor was started with often lacks.
    needles: ['program not found or is not executable', 'could not find protoc plugin for name'],
    // (No leading \S+ before the phrase: on a long run of non-space characters it is quadratic.)
    test: /: program not found or is not executable|could not find protoc plugin for name \S/,
    says: "a protoc plugin (protoc-gen-…) is not on the PATH the code generator was started with (go install puts it in GOBIN or GOPATH/bin, which that PATH lacks)",
  },
  {
    id: 'go-not-executable-mason',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.8,
    // mason.nvim (lua/mason-core/spawn.lua) checks vim.fn.executable(cmd) before it runs an
    // installer's command and fails with "spawn: go failed with exit code - and signal -. go is not
    // executable": installing gopls (or any Go tool) runs `go install`, and the go command is not on
    // the PATH Neovim was started with.
    needles: ['is not executable'],
    test: /spawn: (?:go|gofmt)(?:\.exe)? failed with exit code - and signal -\. (?:go|gofmt)(?:\.exe)? is not executable/,
    explains: ['gopls-launch', 'module-resolution'],
    says: 'the editor\'s package manager (mason.nvim) could not run the go command: it is not on the PATH the editor was started with, so no Go tool (gopls among them) can be installed',
  },
  {
    id: 'vim-go-env-failed',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // vim-go autoload/go/lsp.vim: "could not determine appropriate working directory for gopls",
    // said when go#util#ModuleRoot() returns -1, i.e. `go env GOMOD` failed in the environment Vim
    // runs it with (no go on that PATH, a GOROOT or GOPATH go rejects): gopls is never started.
    needles: ['could not determine appropriate working directory for gopls'],
    explains: ['gopls-launch'],
    says: 'vim-go could not run `go env GOMOD` in the environment Vim was started with (go missing from its PATH, or a GOROOT/GOPATH go rejects), so it does not start gopls',
  },
  // Lane managers: what the Go version managers print when the Go their configuration names is not
  // there, read in their sources (test/fixtures/manager-messages.jsonl). The version file the
  // manager found for the directory the editor or task ran in (.tool-versions, mise.toml,
  // .go-version, go.mod) names a release this manager root does not hold, so the shim has no go to
  // run: the same family as goenv's "version '1.21.5' is not installed (set by …)", which
  // go-shim-no-version reads.
  {
    id: 'go-manager-version-missing',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // asdf 0.16+ internal/cli/cli.go: "version 1.23.4 of golang is set for the current directory, but
    // it is not installed" and "No executable go found for current version. Please select a
    // different version or install go manually for the current version"; asdf's bash
    // version_not_installed_text "version 1.22.0 is not installed for golang"; mise src/shims.rs
    // err_no_version_set "Tool not installed for shim: go" and unavailable_configured_tool_message
    // "No executable found for configured tool: go"; gvm scripts/env/use "Version not found locally.
    // Try 'gvm install go1.22.5'" and "go1.22.5 is not installed. Install it by running 'gvm install
    // go1.22.5'"; voidint/g cli/use.go '[g] The "1.22.5" version does not exist, please install it
    // first.'; stefanmaric/g bin/g set_version "Version 1.22.5 is not available. Use 'g install
    // 1.22.5' to install it."; mise src/errors.rs VersionNotInstalled "go@1.22.5 not installed"
    // ("{0}@{1} not installed"). gopls and other tools missing for the selected version are
    // gopls-manager-not-installed's.
    needles: ['is set for the current directory, but it is not installed', 'is not installed for go', 'No executable go found for current version', 'No executable gofmt found for current version', 'not installed for shim: ', 'No executable found for configured tool: ', 'Version not found locally. Try ', "Install it by running 'gvm install", 'version does not exist, please install it first', "is not available. Use 'g install ", 'go@'],
    test: new RegExp(
      [
        String.raw`\bof (?:golang|go) is set for the current directory, but it is not installed`,
        String.raw`\bis not installed for (?:golang|go)\s*$`,
        String.raw`No executable (?:go|gofmt) found for current version`,
        String.raw`Tools? not installed for shim: (?:go|gofmt)(?:\.exe)?\s*$`,
        String.raw`No executable found for configured tool: (?:go|gofmt)(?:\.exe)?\s*$`,
        String.raw`Version not found locally\. Try 'gvm install `,
        String.raw`\bgo[\w.-]* is not installed\. Install it by running 'gvm install `,
        String.raw`\[g\] The "[^"\n]{1,40}" version does not exist, please install it first`,
        String.raw`\bVersion [\w.-]{1,40} is not available\. Use 'g install `,
        String.raw`(?:^|\s)(?:core:)?go@\d[\w.-]{0,40} not installed\s*$`,
      ].join('|'),
    ),
    yieldsTo: ['go-shim-no-version'],
    explains: ['module-resolution', 'gopls-launch'],
    says: "the Go a version manager's configuration names (.tool-versions, mise.toml, .go-version, go.mod) is not installed under the manager root the editor or task used, so its go shim has no go to run",
  },
  {
    id: 'testmain-other-release',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.75,
    // The go command writes each test binary's main for its own release (cmd/go test.go, later
    // internal/load/test.go testmainTmpl: "m := testing.MainStart(matchString, tests, benchmarks,
    // examples)" in Go 1.7, "testing.MainStart(testdeps.TestDeps{}, tests, benchmarks, fuzzTargets,
    // examples)" from Go 1.18) and compiles it against the testing package of the GOROOT it runs
    // with. When that call does not type-check, testing comes from another release than the go
    // command: "cannot use matchString (type func(string, string) (bool, error)) as type
    // testing.testDeps in argument to testing.MainStart" (a Go 1.7 go over a Go 1.8 GOROOT, as a
    // version manager that leaves GOROOT exported for the previous Go gives it), and the types2
    // words "too many arguments in call to testing.MainStart" / "not enough arguments in call to
    // testing.MainStart". No user code calls testing.MainStart with these arguments.
    needles: ['in argument to testing.MainStart', 'arguments in call to testing.MainStart'],
    test: /\bin argument to testing\.MainStart\b|\b(?:too many|not enough) arguments in call to testing\.MainStart\b/,
    explains: ['module-resolution'],
    says: "the test main the go command generated does not fit the testing package it was compiled against: GOROOT belongs to another Go release than the go command (a version manager's GOROOT left exported for the previous Go)",
  },
  {
    id: 'go-tool-id-failed',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.7,
    // cmd/go work/buildid.go toolID (Go 1.10 on): before it builds anything the go command runs each
    // of its tools from GOROOT/pkg/tool as "<tool> -V=full" to key the build cache, and stops when
    // that fails with "%s: %v\n%s%s": "go tool asm: exit status 2", then the tool's stderr. An asm
    // or compile that answers "flag provided but not defined: -V" is older than Go 1.10 while the go
    // command is not: GOROOT (exported by a version manager or a profile for a previous Go) points at
    // another installation. Read only right after that go line (afterToolId): the flag package's
    // words alone are any Go program's, and the exit status alone is also what a tool that crashes
    // there gives (no thread could be created), which the lines after it say.
    needles: ['flag provided but not defined: -V'],
    test: /(?!)/,
    afterToolId: /^\s*flag provided but not defined: -V\s*$/,
    explains: ['module-resolution'],
    says: "the go command's own assembler or compiler rejected the -V flag it asks them for: the tools in GOROOT/pkg/tool are older than the go command (GOROOT belongs to another Go installation)",
  },
  {
    id: 'mise-config-untrusted',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // mise src/errors.rs UntrustedConfig: "Config files in ~/src/app/mise.toml are not trusted.
    // Trust them with `mise trust`." A project's mise.toml (or .tool-versions with env settings)
    // that was never trusted in this checkout or worktree is not loaded, so the tools, PATH and
    // variables it sets (GOROOT, GOFLAGS, the Go it pins) are not in the environment the command or
    // the editor's shim got. Like direnv's blocked .envrc (shell-env-unresolved), a warning: the
    // file may pin tools other than Go.
    needles: ['are not trusted.'],
    test: /\bConfig files in \S[^\n]{0,300}? are not trusted\./,
    explains: ['module-resolution'],
    says: "mise refused to load a project's config file that was never trusted, so the Go version, PATH and variables it sets are not in the environment the tools got",
  },
  {
    id: 'git-https-helper-missing',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // git's transport (transport-helper.c) says "fatal: unable to find remote helper for 'https'"
    // when no git-remote-https is in its exec path: the git the go command ran (for a module's
    // `git ls-remote`) is not the installation's whole git — a GIT_EXEC_PATH from another
    // install, a snap's or a container's minimal git, a git built without curl. Only http and
    // https: another scheme there is a URL mistyped in the user's own config.
    needles: ['unable to find remote helper for'],
    test: /unable to find remote helper for ['‘"]?https?['’"]?/,
    says: "the git that go ran for a module cannot reach https (no git-remote-https in its exec path): a GIT_EXEC_PATH or PATH from another installation, a sandbox's or image's minimal git",
  },
  // Lane h13 (issue 11): what env-inheritance reports say in words the rules above read in one
  // phrasing only: the go command named missing without the word PATH, a Go tree handed to Go's
  // own build, a remote host's C library below what the editor's server needs, a version manager's
  // configured Go that is not installed. Each from the program's own source (cited), with other
  // names and spellings in test/unit/goplsLog/envParaphrases.test.ts.
  {
    id: 'go-not-found-words',
    ...GO_NOT_ON_PATH,
    // A warning: a program's own lookup says go is not where it looked, not that another
    // environment has it (pre-commit's "Executable `go` not found" for a contributor with no Go at
    // all is corpus50's tuning negative flake8-spellcheck#75). The shells' words stay errors.
    severity: 'warning',
    confidence: 0.6,
    // An editor plugin's, a build tool's or a script's own lookup of go, in the words pathWords
    // leaves out because they name no PATH: "Go binary not found" (Sublime's LSP-gopls says it with
    // "in $PATH"), "Could not find 'go' executable", "unable to locate the Go toolchain", "No go
    // executable found", "Executable 'go' not found", "the go binary could not be found". Go is
    // named as the program (a kind word follows it, or it is quoted), so "could not find go.mod" and
    // "go version not found" are not read.
    needles: ['not found', 'be found', 'be located', 'find ', 'locate ', 'detect ', 'was found', 'were found', 'binary found', 'executable found', 'executables found', 'installation found', 'installations found', 'toolchain found', 'SDK found', 'compiler found'],
    test: goNotFoundWords(),
    yieldsTo: ['go-binary-not-found', 'go-not-found-shells', 'go-missing', 'go-not-on-path-words', 'go-not-found-windows-path', 'toolchain-not-on-path', 'go-for-tools-missing', 'go-too-old-for-tools'],
  },
  {
    id: 'go-spawn-enoent-runtimes',
    ...GO_NOT_ON_PATH,
    // A program that starts go itself (a build script, a plugin, a task runner) through its
    // language's process API, which says ENOENT in its own words and names the program: Rust's
    // std::process ("failed to execute go: No such file or directory (os error 2)", io::Error's
    // Display appends "(os error N)"), Ruby's Errno::ENOENT ("No such file or directory - go"),
    // Deno's Deno.Command ("Failed to spawn 'go': entity not found", later "…: No such file or
    // directory (os error 2)"), .NET's Process.Start ("An error occurred trying to start process
    // 'go' with working directory '/src'. No such file or directory"), Perl's exec/system ('Can't exec
    // "go": No such file or directory'), nushell ("Command `go` not found"). The program looked go up
    // on the PATH it was started with. Confidence below the shells': a script may name a go path
    // of its own that is absent, which says less about PATH.
    confidence: 0.7,
    needles: ['(os error 2)', '(Errno::ENOENT)', 'Failed to spawn ', 'trying to start process ', "Can't exec ", 'Command `go'],
    test: new RegExp(
      [
        String.raw`\b(?:execute|run|spawn|start|invoke)\s+[\x60'"]?(?:\S*\/)?(?:go|gofmt)[\x60'"]?(?:\s+[^:\n]{0,60})?: No such file or directory \(os error 2\)`,
        String.raw`No such file or directory - (?:\S*\/)?(?:go|gofmt) \(Errno::ENOENT\)`,
        String.raw`Failed to spawn '(?:\S*\/)?(?:go|gofmt)': (?:entity not found|No such file or directory)`,
        String.raw`error occurred trying to start process '(?:\S*\/)?(?:go|gofmt)' with working directory '[^']*'\. No such file or directory`,
        String.raw`Can't exec "(?:\S*\/)?(?:go|gofmt)": No such file or directory`,
        String.raw`Command \x60(?:go|gofmt)\x60 not found`,
      ].join('|'),
    ),
    yieldsTo: ['go-binary-not-found', 'go-not-found-shells', 'go-missing'],
  },
  {
    id: 'goroot-bootstrap-invalid',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.55,
    // Go's own build (src/make.bash, make.bat, make.rc): "ERROR: Cannot find $GOROOT_BOOTSTRAP/bin/go."
    // then "Set $GOROOT_BOOTSTRAP to a working Go tree >= Go 1.N." (make.bat: "Set GOROOT_BOOTSTRAP
    // to …"), and "ERROR: $GOROOT_BOOTSTRAP must not be set to $GOROOT". The Go that builds Go is
    // chosen by that variable (else ~/go1.4, or the go on PATH): the environment the build runs in
    // names none that works (a PATH with no go, a WSL PATH naming Windows' Go, GOROOT_BOOTSTRAP left
    // from another machine).
    needles: ['$GOROOT_BOOTSTRAP to a working Go tree', 'GOROOT_BOOTSTRAP to a working Go tree', '$GOROOT_BOOTSTRAP must not be set to $GOROOT'],
    says: "Go's build found no working Go to bootstrap with: GOROOT_BOOTSTRAP (or the go on the PATH it falls back to) names no usable Go tree in the environment the build ran in",
  },
  {
    id: 'remote-server-libc-old',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.45,
    // VS Code's remote server checks the host's C runtime before it starts and names what it found
    // missing: resources/server/bin/helpers/check-requirements-linux.sh "Warning: Missing GLIBC >=
    // 2.28! from /usr/lib64/libc-2.17.so", "Warning: Missing GLIBCXX >= 3.4.25! from …" (the older
    // script "Missing GLIBC >= 2.17!", then "Found version …"), and the CLI's prereqs.rs "find GLIBC
    // >= 2.28 (but found v2.17.0 instead)". It reads the system's libraries (ldconfig, /usr/lib64),
    // not what a login shell adds (Linuxbrew, modules, conda): the server, and gopls and go beneath
    // it, run with the host's older runtime. Like built-for-newer-libc, a warning: the host, not Go,
    // is too old. Only the lines that name the version missing: the summaries ("The remote host may
    // not meet VS Code Server's prerequisites…", "This machine does not meet Visual Studio Code
    // Server's prerequisites, expected either…" over the musl line alone) are also what the check's
    // own regressions print on a host that meets them (corpus tuning negatives
    // microsoft/vscode-remote-release#10688, microsoft/vscode#243158).
    needles: ['Missing GLIBC', 'find GLIBC'],
    test: /Missing GLIBC(?:XX)? >= \d[\d.]*!|\bfind GLIBC(?:XX)? >= \d[\d.]* \(but found v?\d[\d.]* instead\)/,
    explains: ['gopls-launch'],
    says: "the remote host's C library (glibc, libstdc++) is older than the VS Code server needs: the server reads the system's own libraries, not newer ones a login shell adds, so the editor's server and the Go tools under it cannot run there",
  },
  {
    id: 'mise-go-missing',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.5,
    // mise (and rtx, its former name) at every prompt and command when a tool its config names is
    // not installed: "mise WARN  missing: go@1.22.5 python@3.12" (src/toolset, the missing-tools
    // warning; run `mise install`). mise puts no go of that version on PATH, so the shell, the
    // editor and the tasks it starts run whatever other go comes first, or none.
    needles: ['missing: '],
    test: /\b(?:mise|rtx) WARN\s+missing: (?:\S+ ){0,20}(?:core:)?(?:go|golang)@\d/,
    explains: ['module-resolution'],
    says: "the Go version mise's config names (mise.toml, .tool-versions, .go-version) is not installed, so no go of that version is on the PATH the shell, editor or task gets: another go runs, or none (run `mise install`)",
  },
];
