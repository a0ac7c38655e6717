// gopls-launch: the words that say gopls could not be found, built, started or kept alive, in
// gopls's, the go command's, the runtime's and every editor client's own sentences. One file per
// class, so a family's rules read together; the order they are tried in is order.ts's.
import type { Rule } from './rule.js';
import { GO_LS, NO_OTHER_JAVA_ERRNO, pathWords, PATH_WORDS_NEEDLES, notOnPath, windowsNotRecognized, WINDOWS_NOT_RECOGNIZED_NEEDLES } from './shared.js';

/**
 * A place in x/tools's or gopls's own sources as the compiler prints it: in the module cache
 * (".../golang.org/x/tools@v0.1.9/go/…/x.go:13:2: ", on Windows "…\golang.org\x\tools@v0.0.0-…\
 * internal\jsonrpc2\messages.go:168:5: ") or a GOPATH checkout ("go/src/golang.org/x/tools/internal/
 * lsp/source/symbols.go:226:18: "). Not a project's vendor directory: that copy is the project's.
 */
/** x/tools's module path where a compiler error's location starts (not a vendored copy's). */
const XTOOLS_AT = String.raw`(?<![\w.-])(?<!vendor[/\\])golang\.org[/\\]x[/\\]tools`;
const XTOOLS_SRC = String.raw`${XTOOLS_AT}(?:(?:[/\\]gopls)?@v[^\s:/\\]*)?[/\\][^\s:]*\.go:\d+(?::\d+)?: `;
/**
 * The standard library's packages by the name the compiler qualifies their identifiers with
 * ("errors.As", "types.Interface"): an identifier of theirs that a compile of x/tools finds
 * missing was added in a later Go release than the one compiling it (Go 1 compatibility: the
 * standard library only grows).
 */
const STD_PKG_NAME = String.raw`(?:errors|strings|bytes|bufio|fmt|io|fs|os|exec|signal|filepath|path|sort|slices|maps|cmp|iter|sync|atomic|context|time|reflect|runtime|debug|trace|pprof|unicode|utf8|utf16|strconv|math|bits|big|flag|log|slog|json|binary|base64|http|url|netip|testing|unsafe|types|ast|token|parser|printer|format|build|constraint|doc|comment|scanner|importer|constant|version|template|regexp|syntax|heap|list|tar|zip|gzip|embed|syscall|unique|weak|structs|sha256|maphash|tabwriter|user|textproto|mime)`;
/**
 * The same in gopls's own sources: its module (golang.org/x/tools/gopls@v…) or, before gopls had
 * one, x/tools's internal/lsp tree. Other x/tools packages (go/packages, internal/event…) are
 * built into every tool that imports them, not only gopls.
 */
const GOPLS_SRC = String.raw`${XTOOLS_AT}(?:[/\\]gopls@v[^\s:/\\]*[/\\]|(?:@v[^\s:/\\]*)?[/\\]internal[/\\]lsp[/\\])[^\s:]*\.go:\d+(?::\d+)?: `;
/** What only a later Go release has, as the compiler misses it (after a source location). */
const LATER_GO_MISSING = String.raw`(?:undefined: (?:${STD_PKG_NAME}\.[A-Z]\w*|any|comparable|min|max|clear)(?![\w.])|\S+ undefined \(type \*?${STD_PKG_NAME}\.[A-Z]\w* has no (?:field or )?method [A-Z])`;

/** What gopls-not-found and its localized twin say: one finding, in whichever words it was read. */
/** gopls's own flags (gopls/internal/cmd) that take a value, which may follow as the next word. */
const GOPLS_VALUED_FLAGS = String.raw`logfile|remote(?:\.debug|\.logfile|\.listen\.timeout)?|mode|listen(?:\.timeout)?|debug|profile\.\w+|ocagent|port`;
/** gopls's own flags that take none. */
const GOPLS_SWITCHES = String.raw`rpc\.trace|vv?|veryverbose|help|h`;

const GOPLS_NOT_ON_PATH = {
  classId: 'gopls-launch',
  severity: 'error',
  confidence: 0.8,
  says: 'the editor could not find or execute the gopls binary it was told to use',
} as const satisfies Partial<Rule>;

/**
 * The Go extension's installer reporting that one tool's install failed ("Installing
 * golang.org/x/tools/gopls@latest (/home/u/go/bin/gopls) FAILED"): tool-install-failed's words, and
 * the anchor after which analyzer.ts reads a compiler's diagnostic as the tool's own source
 * (TOOL_INSTALL_FAILED_WORDS).
 */
export const INSTALLING_FAILED = String.raw`Installing \S+ (?:\([^)]*\) )?FAILED`;

export const LAUNCH_RULES: readonly Rule[] = [
  {
    id: 'gopls-not-found',
    ...GOPLS_NOT_ON_PATH,
    // vim-go "could not find 'gopls'", PowerShell "The term 'gopls' is not recognized", coc.nvim
    // "Command \"…/gopls\" of go is not executable: Error: not found", "gopls: command not found".
    // Also Neovim's "Spawning language server with cmd: `gopls` failed. The language
    // server is either not installed, missing from PATH, or not executable." (vim/lsp/rpc.lua),
    // lsp-mode's 'Command "gopls" is not present on the path.', os/exec's exec: "gopls": executable
    // file not found, the Go extension's 'The "gopls" command is not available.', "gopls is not
    // found. Please make sure it is installed and available in the PATH" and "Cannot find the
    // alternate tool X configured for gopls", JetBrains' Cannot run program "gopls", a fork/exec of
    // a gopls that is not there. Node's synchronous spawn ("spawnSync gopls ENOENT") and zsh, which
    // puts the errno first (exec.c "%e: %s": "zsh: no such file or directory: /x/gopls").
    // Helix's `hx --health` table (helix-term/src/health.rs: a row per language, each language
    // server marked "✘" when which::which finds no binary on the PATH Helix runs with, as its
    // per-language "'gopls' not found in $PATH"): "go    ✘ gopls    ✘ dlv    ✓ …"
    // (helix-editor/helix#4379), the go, gomod, gowork and gotmpl rows. The analyzer reads a log's
    // bytes as latin1, where "✘" (U+2718) is its UTF-8 bytes E2 9C 98.
    // Eglot (eglot.el eglot--guess-contact, when no program of eglot-server-programs for the mode
    // is on exec-path): "None of 'gopls' are valid executables" (joaotavora/eglot#719 for its format).
    needles: ['are valid executables', '✘ gopls', '\u00e2\u009c\u0098 gopls', 'gopls not found', "find 'gopls'", 'find "gopls"', 'find gopls', 'is not recognized', 'gopls: command not found', 'gopls: not found', 'gopls.exe: not found', 'is not executable', 'not found: ', 'gopls ENOENT', 'gopls.exe ENOENT', 'Spawning language server with cmd', 'is not present on the path', 'exec: "gopls', 'exec: \\"gopls', 'command is not available', 'gopls is not found', 'configured for gopls', 'Cannot run program', 'gopls: no such file or directory', 'gopls: No such file or directory', 'zsh: no such file or directory: '],
    test: new RegExp(String.raw`could not find ['"]?gopls\b|\bgopls not found\b|['"]gopls(?:\.exe)?['"] is not recognized|\bgopls(?:\.exe)?: (?:command )?not found|\bgopls(?:\.exe)?\\?"? (?:of [\w.-]+ )?is not executable|not found: (?:\S*[/\\])?gopls(?:\.exe)?\b|spawn(?:Sync)? \S*gopls(?:\.exe)? ENOENT|zsh: no such file or directory: \S*\/gopls(?:\.exe)?\s*$|Spawning language server with cmd: [^\n]{0,200}\bgopls\b[^\n]{0,200} failed|Command \\?"gopls\\?" is not present on the path|exec: \\?"gopls(?:\.exe)?\\?": executable file not found|The \\?"gopls\\?" command is not available|\bgopls is not found\. Please make sure|Cannot find the alternate tool \S+ configured for gopls|Cannot run program \\?"(?:\S*[/\\])?gopls(?:\.exe)?\\?"${NO_OTHER_JAVA_ERRNO}|(?:fork\/exec |^|\s)\S*\/gopls(?:\.exe)?: [Nn]o such file or directory|^\s*(?:go|gomod|gowork|gotmpl)\s+(?:✘|\u00e2\u009c\u0098) gopls(?:\s|$)|None of '(?:[^'\n]{0,100}[\s,])?gopls(?:\.exe)?(?:[\s,][^'\n]{0,100})?' are valid executables`),
  },
  {
    id: 'gopls-not-recognized-localized',
    ...GOPLS_NOT_ON_PATH,
    // gopls-not-found's Windows "'gopls' is not recognized…" in other display languages (shared.ts
    // windowsNotRecognized). A rule of its own: those phrases' runs are groups (Unicode or their
    // UTF-8 bytes), so as one more alternative of gopls-not-found's regex they left it no needle
    // as a plain run to be screened by (rules.ts testNeedsOf), only gopls's name.
    needles: WINDOWS_NOT_RECOGNIZED_NEEDLES,
    test: new RegExp(windowsNotRecognized(String.raw`gopls(?:\.exe)?`)),
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
    id: 'tools-need-recompiling',
    classId: 'gopls-launch',
    // Filed with gopls's class as the stale-tools probe files it (src/probes/goTools.ts): the tools
    // ride on the same install, and they still start.
    headline: 'stale-tools',
    severity: 'warning',
    confidence: 0.55,
    // The Go extension after the go it finds changed (vscode-go extension/src/goInstallTools.ts
    // suggestUpdates): "Tools (staticcheck, dlv) need recompiling to work with go version go1.22.5
    // linux/amd64". The tools in GOPATH/bin were built by another Go than the one now first on the
    // editor's PATH (a new Go installed, or another go found first).
    needles: ['need recompiling to work with'],
    test: /\bTools \([^)\n]+\) need recompiling to work with\b/,
    says: 'the Go tools the editor runs (dlv, staticcheck, …) were built by another Go than the one it now finds: Go: Install/Update Tools rebuilds them with it',
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
    // Its prompt for a missing tool (promptForMissingTool): "You are using go1.20.3, but gopls
    // requires at least go1.21.0."
    // And cmd/go's "note: module requires Go 1.23" (work/exec.go, after a compile of a module whose
    // go.mod asks for a newer go than the one building it) when gopls was named on the lines just
    // before: the module that needs the newer go is gopls's (its own sources failed to compile).
    // The compiler's own words in x/tools's sources for what only a newer Go has: a standard
    // library identifier ("x/tools@v0.0.0-…/internal/jsonrpc2/messages.go:168:5: undefined:
    // errors.As" with go1.11, golang/vscode-go#808; "undefined: types.Alias"), a method of a
    // standard type ("ti.EmbeddedType undefined (type *types.Interface has no field or method
    // EmbeddedType)" with go1.10, fatih/vim-go#2246), or a predeclared identifier of Go 1.18 and
    // 1.21 ("undefined: any", "undefined: comparable", "undefined: min").
    // Not cmd/go's "…gopls@v0.16.2 requires go >= 1.22.7; switching to go1.22.7": with
    // GOTOOLCHAIN=auto that is the switch to a newer toolchain going ahead (what then fails, if
    // anything, is said on its own lines).
    // Needles that each alternative's match must hold, not golang.org/x/tools, which gopls's own
    // stack frames put on many lines of a long log: on each of them this regex (lookbehinds, the
    // standard library's package names) ran in full and cost the analyzer several percent.
    needles: ['is too old (go', 'or newer) needed to install tools', 'requires at least go', 'module requires Go ', 'requires go >=', 'undefined: ', ' undefined (type ', ' is not in GOROOT', ' is not in std'],
    test: new RegExp(
      [
        String.raw`You are using go[\w.-]+, but [\w.-]+ requires at least go\d|go command \([^)]*\) is too old \(go[\d.]+|Failed to find a go command \(go[\d.]+ or newer\)`,
        String.raw`golang\.org\/x\/tools\/gopls@v[\w.-]+:? requires go >= ?(?![\d.]+;? switching to\b)[\d.]+`,
        String.raw`${XTOOLS_SRC}package \S+ is not in (?:GOROOT|std)\b`,
        String.raw`${GOPLS_SRC}${LATER_GO_MISSING}`,
      ].join('|'),
    ),
    // In x/tools's other packages only when gopls was named on the lines just before (its install
    // failing): a project or another tool importing x/tools (go/packages) compiles them too, and
    // then the go that is too old is that build's (go-version-too-old-for-module's "note: module
    // requires Go", read beside it).
    nearGopls: new RegExp(String.raw`^\s*note: module requires Go [\d.]+|${XTOOLS_SRC}${LATER_GO_MISSING}`),
    says: 'the go command is too old to build the Go tools (gopls among them), so they cannot be installed or updated',
  },
  {
    id: 'go-too-old-for-gopls-list',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.8,
    // The go/packages loader gopls runs (go/packages/golist.go invokeGo): when go list refuses one of
    // the flags it passes ("-compiled", "-deps", "-export", "-find", "-pgo"), it reports
    // goTooOldError{fmt.Errorf("unsupported version of go: %s: %s", exitErr, stderr)}, which gopls
    // logs as "initial workspace load failed: packages.Load error: unsupported version of go: exit
    // status 2: flag provided but not defined: -compiled". The go on the PATH is older than this
    // gopls supports: go-too-old's class, in go/packages' words.
    needles: ['unsupported version of go: '],
    test: /unsupported version of go: exit status \d+: flag provided but not defined: -/,
    says: 'the go command gopls runs is too old for it: go list refused a flag gopls passes ("unsupported version of go")',
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
    id: 'tool-install-failed',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    // A failed install says nothing about why (permissions, network, an old go): a cause beside it comes first.
    confidence: 0.45,
    // The Go extension's tool installer: "Installing golang.org/x/tools/gopls@latest FAILED",
    // "1 tools failed to install.", "Failed to install gopls" (a Go tool by its name, or quoted as
    // coc.nvim quotes it: "Failed to install MITM CA certificate" and Terraform's "Failed to install
    // provider" are no editor's tools); go install's "go: … : … failed".
    // coc.nvim's "Failed to install 'gopls'", zed's "cannot install gopls", a failed `go get/install …gopls`.
    // Also any failure that names gopls's own module path (an ansible loop, `go get` in GOPATH mode).
    // vim-go: "Error installing golang.org/x/tools/cmd/gopls: …". mason.nvim's install log
    // ("Installation failed for Package(name=gopls) error=spawn: go failed with exit code 1 …").
    // lsp-mode's installer (lsp-mode.el lsp--install-server-internal): "Server gopls install
    // process failed with the following error message: …".
    // GOPATH mode's "cannot find package \"golang.org/x/tools/cmd/gopls\" in any of:" (go get and go
    // install of gopls before modules, or with GO111MODULE=off: selesy/workstation#180) also when
    // the "package …: " before it was not pasted.
    needles: ['install process failed', 'Installation failed for Package(name=gopls)', 'FAILED', 'failed to install', 'Failed to install', 'cannot install', 'Command failed', 'golang.org/x/tools/gopls', 'golang.org/x/tools/cmd/gopls', 'Error installing'],
    yieldsTo: ['go-binary-not-found'],
    // Every alternative holds an error word (failed, FAILED, cannot, Error: analyzer.ts
    // W_ERRORISH), so its regex is skipped on a line without one (rules.ts testNeedsOf): gopls's
    // own stack frames put golang.org/x/tools/gopls, a needle here, on many lines of a log, and
    // the regex ran in full on each. "(?:Failed|failed)", not "[Ff]ailed": a class ends the run
    // the word is read from. Its needles cannot be what each match holds instead: the
    // "failed … gopls's path" alternatives hold no one literal but the path or a bare "failed"
    // (on the tuning texts a bare "failed" needle made it run 3x as often as the path did).
    test: new RegExp(String.raw`\bfailed\b[^\n]*golang\.org\/x\/tools\/(?:cmd\/)?gopls|golang\.org\/x\/tools\/(?:cmd\/)?gopls\b[^\n]*(?:\bfailed\b|cannot find package|: not found)|cannot find package \\?"golang\.org\/x\/tools\/(?:cmd\/)?gopls\\?" in any of|${INSTALLING_FAILED}|\d+ tools? failed to install|(?:Failed|failed) to install (?:the )?(?:tools?|gopls|['"]?(?:dlv(?:-dap)?|staticcheck|golangci-lint|gotests|gomodifytags|impl|goplay|go-outline|gopkgs|goimports|gorename|guru|godef|gocode|golint|revive|goreturns|gotype-live|fillstruct|godoctor|gogetdoc)['"]?(?:\s|$|:)|['"][\w.-]+['"]|\S+@)|cannot install gopls|Error installing \S*gopls|Command failed: [^\n]*\bgo(?:\.exe)? (?:get|install) [^\n]*gopls|Installation failed for Package\(name=gopls\)|Server (?:gopls|go-\w+)\S* install process failed`),
    says: 'installing a Go tool (gopls or another) failed, so the editor runs without it or with an old copy',
  },
  {
    id: 'gopls-install-query-failed',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    // As tool-install-failed: the failure's reason is another finding's (a proxy out of reach, an old go).
    confidence: 0.45,
    // cmd/go names the module query it failed on first ("go: golang.org/x/tools/gopls@latest: module
    // golang.org/x/tools/gopls: Get …: dial tcp …: i/o timeout"), which only `go install` or `go get`
    // of gopls prints, whatever the reason after it (the tuning text ayamir/nvimdots#477, mason.nvim's
    // install log, which names no failure of its own but "spawn: go failed"). Its own rule, anchored
    // on that prefix: tool-install-failed's alternatives run on every line naming gopls's module.
    needles: ['go: golang.org/x/tools/gopls@', 'go: golang.org/x/tools/cmd/gopls@'],
    test: /^\s*go: golang\.org\/x\/tools\/gopls@[^\s:]+: (?!downloading )|^\s*go: golang\.org\/x\/tools\/cmd\/gopls@[^\s:]+: (?!downloading )/,
    yieldsTo: ['go-too-old-for-tools', 'tool-install-failed', 'gopls-needs-newer-go'],
    says: 'installing gopls failed (go install or go get of golang.org/x/tools/gopls), so the editor runs without it or with an old copy',
  },
  {
    id: 'gopls-bad-command',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.8,
    // gopls's own CLI rejecting its arguments: "gopls: Unknown command go.goroot", "flag provided
    // but not defined: -x" — go.languageServerFlags or go.alternateTools hands it something else.
    // The flag package's words are every Go program's (cmd/go runs `go tool asm -V=full` and an
    // older asm says the same): gopls's when gopls was named on the lines just before, when a
    // client relays it as its language server's stderr, or when the flag is one of gopls's own
    // (-rpc.trace, -logfile, -remote…, -mode, -listen, -debug, -profile.*, -ocagent, -port, -v).
    // gopls serve with stray arguments (gopls/internal/cmd/serve.go Run: tool.CommandLineErrorf("server
    // does not take arguments, got %v", args), printed by tool.Main as "gopls: …").
    needles: ['gopls: Unknown command', 'gopls: unknown command', 'flag provided but not defined', 'server does not take arguments'],
    yieldsTo: ['go-too-old-for-gopls-list'],
    test: /gopls: server does not take arguments, got \[|gopls: [Uu]nknown command|server stderr:[^\n]*flag provided but not defined: -|flag provided but not defined: -(?:rpc\.\w*|logfile|remote\S*|mode|listen\S*|debug|profile\.\w+|ocagent|port|vv?|veryverbose)\b/,
    nearGopls: /flag provided but not defined: -/,
    says: 'gopls refused the command line it was started with (an unknown command or flag from go.languageServerFlags or the settings), so it never serves',
  },
  {
    id: 'gopls-logfile-uncreatable',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.8,
    // gopls serve cannot create the file its -logfile flag names and exits at once (gopls/internal/
    // debug/serve.go SetLogFile, called from cmd/serve.go Run: fmt.Errorf("unable to create log
    // file: %w", err), printed by tool.Main as "gopls: …"; v0.23.0 run here with -logfile=/proc/nope/log: "gopls: unable to create log
    // file: open /proc/nope/log: no such file or directory", exit 2). The flag comes from the
    // editor's server flags (go.languageServerFlags), so the editor has no server at all; the
    // gopls-logs probe checks the path those settings name (logfileFlagFindings) and files it
    // under the same class. Only a path that cannot be (a directory that is missing, a file where a
    // directory should be): a permission, a read-only file system or a full disk is fs-access's
    // reading of the same line (the gopls-messages catalog's permission-denied row).
    needles: ['unable to create log file: '],
    test: /\bgopls: unable to create log file: (?![^\n]*(?:permission denied|read-only file system|no space left on device|disk quota exceeded))\S/,
    nearGopls: /\bunable to create log file: open [^\n]*: (?:no such file or directory|not a directory)\b/,
    says: 'gopls could not create the log file its -logfile flag names (go.languageServerFlags or the client\'s server command), for its directory does not exist, and exited at once, so the editor has no language server: point -logfile at a directory that exists, or use -logfile=auto',
  },
  {
    id: 'gopls-flags-invalid',
    classId: 'gopls-launch',
    severity: 'warning',
    confidence: 0.6,
    // The Go extension's own crash and initialization reports head with the command line it gave
    // gopls ("gopls version: …", "gopls flags: …", from go.languageServerFlags). gopls's flag
    // package takes only its own flags (gopls/internal/cmd: -rpc.trace, -logfile, -remote…,
    // -mode, -listen…, -debug, -profile.*, -ocagent, -port, -v, -vv); a word that is no flag is
    // a subcommand to it ("go.gopath": unknown command), another server's flag (go-langserver's
    // -gocodecompletion) stops it at once, and -remote takes "auto", "unix;PATH" or HOST:PORT (a
    // bare "aut" is no address). Written from corpus42's two tuning reports (vscode-go#773,
    // #944); a flag's value given as the next word (-logfile /tmp/gopls.log) is not a stray word,
    // and "serve" is gopls's own command (gopls serve -rpc.trace).
    needles: ['gopls flags: '],
    test: new RegExp(String.raw`^\s*gopls flags:[^\n]*?(?:\s--?(?!(?:${GOPLS_VALUED_FLAGS}|${GOPLS_SWITCHES})(?:=|\s|$))[\w.-]+|(?<!\s--?(?:${GOPLS_VALUED_FLAGS}))\s(?!-|serve(?:\s|$))[^\s-]\S*|\s--?remote=(?!auto\b|unix;)[^\s:]*(?=\s|$))`, 'm'),
    says: 'the editor started gopls with a command line gopls does not accept (go.languageServerFlags holds a word that is no gopls flag, another server\'s flag or a -remote value that is no address), so it exits before serving',
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
  {
    id: 'gopls-binary-broken',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.75,
    // The loader or the kernel refusing the gopls binary itself: "gopls: error while loading shared
    // libraries: …", "cannot execute binary file: Exec format error", "fork/exec …/gopls: exec format error",
    // zsh's errno-first "zsh: exec format error: /x/gopls".
    // Also the macOS kernel's "CODE SIGNING: process 4159[gopls]: rejecting invalid page" (it SIGKILLs
    // the binary at launch), and the runtime's own aborts before any Go code runs (runtime/asm_*.s
    // badmorestackg0: "fatal: morestack on g0"; signal_unix.go: "fatal: bad g in signal handler").
    // The same ENOEXEC in other spawners' words: Java's "Cannot run program "…/gopls": error=8, Exec
    // format error", node's "spawn …/gopls ENOEXEC", Rust's "Exec format error (os error 8)" after gopls's name (zed, helix).
    needles: ['error while loading shared libraries', 'cannot execute binary file', 'xec format error', 'CODE SIGNING', 'fatal: morestack on g', 'fatal: bad g in signal handler', ' ENOEXEC'],
    test: /Cannot run program \\?"(?:[^\s"]{0,300}\/)?gopls(?:\.exe)?\\?"[^\n]{0,300}error=8\b|\bspawn(?:Sync)? (?:\S*\/)?gopls(?:\.exe)? ENOEXEC\b|\bgopls(?:\.exe)?\b[^\n]{0,60}Exec format error \(os error 8\)|gopls(?:\.exe)?: error while loading shared libraries|gopls(?:\.exe)?: cannot execute binary file|gopls(?:\.exe)?: [Ee]xec format error|zsh: exec format error: \S*gopls(?:\.exe)?\s*$|CODE SIGNING: [^\n]{0,200}\[gopls\]|^fatal: (?:morestack on g(?:0|signal)|bad g in signal handler)/,
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
    // vscode-languageclient 8.1 and 9 (client/src/common/client.ts handleConnectionError) put the
    // client's name first and the verb in lower case: "Client gopls: connection to server is
    // erroring." (9: the error's message and "Shutting down server." on lines of their own). A
    // request sent once the client stopped fails with its ResponseError "Client is not running"
    // (ErrorCodes.ConnectionInactive), printed by logFailedRequest as "  Message: Client is not
    // running" (whole: "Client is not running and can't be stopped. It's current state is:
    // stopped" is an ordinary stop). The Go extension's "gopls is not running"
    // (goLanguageServer.ts showServerOutputChannel). Geany's LSP plugin (geany-plugins
    // lsp/src/lsp-server.c initialize_cb): "Initialize request failed for LSP server gopls: …".
    // Neovim's client (runtime/lua/vim/lsp/client.lua write_error: "LSP[%s]: Error %s: %s" with
    // rpc.lua's client_errors): READ_ERROR, the server's output ended or broke, and
    // INVALID_SERVER_MESSAGE / INVALID_SERVER_JSON, the server wrote what is no LSP message (a
    // usage text, a wrapper's banner). The handler errors (NOTIFICATION_HANDLER_ERROR, …) are the
    // client's own Lua failing, not the server. vscode-jsonrpc's message reader says the same when
    // the server's stdout carries what is no LSP frame (jsonrpc/src/common/messageReader.ts
    // ReadableStreamMessageReader.onData: "Header must provide a Content-Length property." — 8.x
    // adds the headers it read as JSON on the next line — and "Content-Length value must be a
    // number. Got …"), as does LSP4J's StreamMessageProducer ("Missing header Content-Length in
    // input"): a gopls, a wrapper script or an analyzer printing to stdout (golang/vscode-go#2406).
    needles: [']: Error ', 'not able to serve any features', 'Content-Length', 'content-length', 'The connection to gopls has been closed', 'Error communicating with the language server', 'Server initialization failed', 'onnection to server is erroring', 'connection got disposed', 'Request initialize failed', 'quit with exit code', 'Server gopls', ' is not running', 'Initialize request failed for LSP server'],
    test: new RegExp(
      [
        String.raw`not able to serve any features|The connection to gopls has been closed|Error communicating with the language server|Server initialization failed|[Cc]onnection to server is erroring|connection got disposed|Request initialize failed`,
        String.raw`Client \S+ quit with exit code [1-9]\d* and signal|Client \S+ quit with exit code \d+ and signal [1-9]|Server gopls\S* exited`,
        String.raw`^\W*(?:\[Error[^\]\n]{0,40}\]\s*)?(?:Message:\s*|Error:\s*)?Client is not running\.?\s*$|^\W*${GO_LS}(?:\.exe)? is not running\W*$`,
        String.raw`Initialize request failed for LSP server (?:\S{0,300}[/\\])?${GO_LS}(?:\.exe)?\b`,
        String.raw`LSP\[${GO_LS}\]: Error (?:READ_ERROR|INVALID_SERVER_MESSAGE|INVALID_SERVER_JSON)\b`,
        String.raw`Header must provide a Content-Length property|Content-Length value must be a number|Missing header Content-Length in input`,
      ].join('|'),
    ),
    yieldsTo: ['server-init-failed', 'crash-loop'],
    says: 'the editor lost its gopls: the server did not initialize or its connection broke (the client does not say why)',
  },
  // gopls-launch in other clients' words. A log written without VS Code has no "Connection to
  // server got closed" line; what says the server died is the client's own sentence, or the
  // kernel's. Symptoms (warnings) unless the words themselves say the binary is missing or crashed
  // on its own, so a cause found beside them (a memory or task limit, a missing go) still comes
  // first: their confidence (0.38) sits below every warning-level cause rule's (0.4 and up), so
  // even a cause none of them lists in explain.ts (a permission, a go.mod) outranks them.
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
    // coc.nvim's language client (src/language-client/index.ts, on a non-zero exit): "gopls exited
    // with code: 2". Kate (addons/lspclient/lspclientservermanager.cpp onStateChanged): "Server
    // terminated unexpectedly ... Restarting /x/gopls serve [go] [homepage: …]" ("NOT Restarting"
    // once it died twice within a minute of its start). Geany's LSP plugin (geany-plugins
    // lsp/src/lsp-server.c process_stopped): "LSP server gopls stopped unexpectedly, restarting",
    // and after ten: "LSP server gopls terminated 10 times, giving up".
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
        String.raw`\b${GO_LS}(?:\.exe)?(?:\[\d+\]|:\d+)?(?: process| server| language server)? (?:has )?(?:exited|terminated|quit|stopped) (?:unexpectedly|abnormally|with (?:exit )?(?:code|status):? (?!0\b)-?\d+|(?:with|by|due to|on) signal)`,
        String.raw`Server terminated unexpectedly \.\.\. (?:NOT )?Restarting (?:\S{0,300}[/\\])?${GO_LS}(?:\.exe)?\b|LSP server (?:\S{0,300}[/\\])?${GO_LS}(?:\.exe)? terminated \d+ times, giving up`,
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
    // remote" (its socket owner check and the forwarder's "forwarder: connecting to remote: …" are
    // gopls-remote-unreachable's). gopls printing its usage ("Usage: gopls
    // [flags] <command> …", older "gopls flags are:"): its command line was refused, which the Go
    // extension itself checks for (isIncorrectCommandUsage looks for "Usage:").
    // Zed's record of a start that failed (crates/project lsp_store.rs: BinaryStatus::Failed
    // "{err}\n-- stderr--\n{log}" under a "Language server gopls:" header, and its log line
    // "server stderr: …", written only after "Failed to start language server").
    // vscode-languageclient 8 and 9 (client/src/common/client.ts): the restart after a lost
    // connection failing, "Restarting server failed", and what $start throws at a request when the
    // server could not be started: "Starting server failed", "Previous start failed. Can't restart
    // server.". coc.nvim's own language client (src/language-client/index.ts): "Launching server
    // \"languageserver.golang\" using command gopls failed.". Kate (addons/lspclient/
    // lspclientservermanager.cpp _findServer): "Failed to start server: /x/gopls serve". Zed
    // (crates/languages/src/go.rs fetch_server_binary): "failed to run installed gopls binary". The
    // Go extension refusing to start it (goLanguageServer.ts getLanguageServerToolPath): "The Go
    // language server is currently not supported in a multi-root set-up with different GOPATHs".
    // VS Code failing to activate the Go extension itself, so no client ever starts gopls
    // (vs/workbench/api/common/extHostExtensionActivator.ts: the notification "Activating extension
    // '{0}' failed: {1}.", its log's "Activating extension {0} failed due to an error:", and older
    // builds' console "Activating extension `{0}` failed: "), for the Go extension's ids (golang.go,
    // its nightly, and ms-vscode.go and lukehoban.go before the move); the reason it quotes is read
    // by the other rules on the same line. vim-go with no gopls running (autoload/go/lsp.vim: its
    // lspfactory hands back an empty client when gopls could not be started, and the next request
    // fails in Vim's words, "E117: Unknown function: sendMessage" and "E15: Invalid expression:
    // l:lsp.sendMessage(l:msg, l:state)", which Vim localizes around the quoted code: the tuning
    // text imxiejie/ThinkVim#43, and vim-go's own fix, fatih/vim-go#3244).
    needles: ['l:lsp.sendMessage(', 'Unknown function: sendMessage', 'Go language server is currently not supported in a multi-root', 'Activating extension ', "Couldn't start client", 'Restarting ', 'Starting server failed', "Previous start failed. Can't restart server.", 'installed gopls', 'Launching server ', 'unable to start the language server', 'ailed to start', 'ailed to launch', 'ailed to spawn', 'Failed to initialize the ', "can't be stopped", 'gopls daemon', 'failed to dial remote', 'to connect to remote', '-- stderr--', 'server stderr: ', 'Language server ', 'gopls [flags] <command>', 'Usage: gopls', 'gopls flags are:', 'start gopls', 'Go language server'],
    test: new RegExp(
      [
        String.raw`Client is not running and can't be stopped\. It's current state is: (?:startFailed|starting)|^\W*(?:\[Error[^\]]*\] )?Restarting (?:client|server) failed\b`,
        String.raw`^\W*(?:\[Error[^\]\n]{0,40}\]\s*)?(?:Error:\s*)?Starting server failed\s*$|Previous start failed\. Can't restart server\.`,
        String.raw`\bGo language server is currently not supported in a multi-root\b`,
        String.raw`Launching server "[^"\n]{1,200}" using command (?:\S{0,300}[/\\])?${GO_LS}(?:\.exe)? failed|Failed to start server: (?:\S{0,300}[/\\])?${GO_LS}(?:\.exe)?\b`,
        String.raw`failed to start gopls daemon|failed to dial remote|failed attempt #\d+ to connect to remote`,
        String.raw`^\s*gopls \[flags\] <command>|^\s*Usage: gopls\b|^\s*gopls flags are:`,
        String.raw`Couldn't start client (?:${GO_LS}\b|[Gg]o\b)|Launching server using command (?:\S*[/\\])?${GO_LS}(?:\.exe)? failed|was unable to start the language server`,
        String.raw`\bServer (?:[\w-]+\.)*(?:go|golang|gopls|golsp|go-?ls)\b\S* failed to start`,
        String.raw`Failed to initialize the (?:language servers|LSP) for \x60source\.go(?:mod|work)?\x60`,
        String.raw`^\s*-- stderr--\s*$|\bserver stderr: |^\W*Language server ${GO_LS}\S*:\s*$`,
        String.raw`[Ff]ailed to (?:start|launch|spawn) (?:the )?language server(?:\s*(?:[:.,!]|$)|\s+\\?["'\x60]?${GO_LS}\b| for [Gg]o\b)|[Ff]ailed to spawn command\. [Pp]ath: [^\n]{0,300}${GO_LS}`,
        String.raw`\b(?:[Ff]ailed|[Uu]nable|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't) (?:to )?(?:start|launch|spawn|run) (?:the )?(?:installed )?(?:gopls\b|Go language server)`,
        String.raw`\bActivating extension ['\x60]?(?:golang\.go(?:-nightly)?|ms-vscode\.go|lukehoban\.go)['\x60]? failed\b`,
        String.raw`\bE117: Unknown function: sendMessage\s*$|\bE15: [^\n]{0,60}\bl:lsp\.sendMessage\(l:msg, l:state\)`,
      ].join('|'),
    ),
    yieldsTo: ['server-init-failed', 'gopls-not-found', 'server-binary-missing', 'go-binary-not-found', 'gopls-bad-command', 'gopls-remote-unreachable'],
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
    // the old Go extension's "Cannot find the language server X. Please install it"; ycmd's Go
    // completer (ycmd/completers/go/go_completer.py ShouldEnableGoCompleter, logged at INFO): "No
    // gopls executable at /x/third_party/go/bin/gopls."; the Go extension's own stat of the binary it
    // located (goLanguageServer.ts buildLanguageServerConfig): "Unable to stat path to language
    // server binary: /x/gopls. Please try reinstalling it.".
    needles: ['No gopls executable at', 'Unable to stat path to language server binary', 'Searching for program', "No such file or directory: '", 'os error 2', 'cannot find binary path', 'Unable to find executable. Please check your path', '(executable check - failure) ', 'to enable Language Server', 'No LSP server for go', 'Cannot find the language server', 'do not have automatic installation', 'Failed to find server binary: '],
    test: new RegExp(
      [
        String.raw`Searching for program\W+No such file or directory\W+(?:\S*[/\\])?${GO_LS}\b`,
        String.raw`No such file or directory: '(?:\S*[/\\])?${GO_LS}(?:\.exe)?'`,
        String.raw`${GO_LS}[^\n]{0,300}No such file or directory \(os error 2\)|\x60${GO_LS}\x60[^\n]{0,40}cannot find binary path`,
        String.raw`\(executable check - failure\) (?:\S{0,300}[/\\])?${GO_LS}(?:\.exe)?\s*$`,
        String.raw`to enable Language Server ${GO_LS}\b|No LSP server for go(?:-ts|-dot-mod|-mod-ts)?-mode|Cannot find the language server \S+\. Please install it`,
        // lsp-mode.el (lsp): a client for the buffer whose server binary it could not find
        // (lsp--server-binary-present? false): "The following servers support current file but do
        // not have automatic installation configuration: gopls go-bingo go-ls" (newer: "… automatic
        // installation: gopls").
        String.raw`servers support current file but do not have automatic installation(?: configuration)?: [^\n]{0,200}\b${GO_LS}\b`,
        // Kate's LSP client (lspclientservermanager.cpp): "Failed to find server binary: gopls" then
        // "Please check your PATH for the binary".
        String.raw`Failed to find server binary: (?:\S{0,300}[/\\])?${GO_LS}(?:\.exe)?\b`,
        String.raw`\bNo gopls executable at \S|Unable to stat path to language server binary\b`,
      ].join('|'),
    ),
    // nvim-lspconfig's :LspInfo line names no server: the server's is the "Config: gopls" /
    // "cmd: gopls" block it ends (ui/lspinfo.lua make_config_info), so only with gopls named on
    // the lines just before; under another server's block (golangci_lint_ls for Go files too) it
    // is that server's binary that is missing.
    nearGopls: /Unable to find executable\. Please check your path and ensure the server is installed/,
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
    // On Windows the same places with backslashes ("…\golang.org\x\tools@v0.0.0-…\internal\…\x.go:168:5: ").
    // Needles that each alternative's match holds, not x/tools's bare module path: every frame of
    // a gopls goroutine dump holds that path, and on each frame's function line
    // ("golang.org/x/tools/gopls/internal/cmd.(*Serve).Run(…)") this regex ran for nothing. A
    // frame's file line ("\t…/golang.org/x/tools/gopls@v0.23.0/internal/cmd/serve.go:173 +0x57a")
    // still holds one: only its " +0x…" after the line number tells it from a compile error.
    // Each alternative holds its needle as a plain run (rules.ts testNeedsOf reads no needle
    // inside a group), so "(?:\/gopls)?@v" is spelt out as two alternatives, and each separator
    // is spelt out (not [/\\]).
    needles: ['# golang.org/x/tools/', 'golang.org/x/tools@v', 'golang.org/x/tools/gopls@v', 'golang.org\\x\\tools@v', 'golang.org\\x\\tools\\gopls@v', '/src/golang.org/x/tools/', '\\src\\golang.org\\x\\tools\\'],
    // On a long line the windows stay where the module path puts them (Rule.windowNeedles): seven
    // needles' first windows would bunch up near the line's start (a goroutine dump pasted as one
    // JSON string) and miss a compile error further on that the path's six windows reach.
    windowNeedles: ['golang.org/x/tools', 'golang.org\\x\\tools'],
    test: new RegExp(
      [
        String.raw`^\s*# golang\.org\/x\/tools\/(?:gopls|internal|go|cmd\/gopls|imports|refactor)\b`,
        String.raw`golang\.org\/x\/tools@v[^\s/\\:]+\/[^\s:]+\.go:\d+(?::\d+)?: `,
        String.raw`golang\.org\/x\/tools\/gopls@v[^\s/\\:]+\/[^\s:]+\.go:\d+(?::\d+)?: `,
        String.raw`golang\.org\\x\\tools@v[^\s/\\:]+\\[^\s:]+\.go:\d+(?::\d+)?: `,
        String.raw`golang\.org\\x\\tools\\gopls@v[^\s/\\:]+\\[^\s:]+\.go:\d+(?::\d+)?: `,
        String.raw`\/src\/golang\.org\/x\/tools\/[^\s:]+\.go:\d+(?::\d+)?: `,
        String.raw`\\src\\golang\.org\\x\\tools\\[^\s:]+\.go:\d+(?::\d+)?: `,
      ].join('|'),
      'm',
    ),
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
        // zsh puts the errno first (exec.c "%e: %s"): "zsh: permission denied: /x/gopls".
        String.raw`zsh: permission denied: (?:[^\s]{0,300}\/)?${GO_LS}(?:\.exe)?\s*$`,
        // JetBrains' (Java ProcessBuilder) `Cannot run program "…/gopls": error=13, Permission denied`
        // and zed's `failed to start language server "gopls": Permission denied (os error 13)` (a
        // Rust io::Error): the same refused exec, not a missing gopls.
        String.raw`Cannot run program \\?"(?:[^\s"]{0,300}\/)?${GO_LS}(?:\.exe)?\\?"[^\n]{0,300}error=13\b`,
        String.raw`language server \\?"${GO_LS}\\?": Permission denied \(os error 13\)`,
        String.raw`\b${GO_LS}\b[^\n]{0,200}fork\/exec [^:\n]+: permission denied|fork\/exec [^:\n]+: permission denied[^\n]{0,200}\b${GO_LS}\b`,
      ].join('|'),
    ),
    says: 'the editor was refused when it executed gopls (permission denied): a noexec mount, a gopls without its execute bit, a path that is not the binary, or a policy',
  },
  {
    id: 'gopls-telemetry-stack',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    confidence: 0.4,
    // A stack as Go telemetry records it, which the gopls crash and bug reports on golang/go quote
    // (x/telemetry counter.EncodeStack: "pkg.Func:+N" lines into the function (":N" and ":?N"
    // before 2024), ":=N" for an
    // inlined or non-Go frame, ",+0xPC" since 2024; a ditto mark `"` for the previous frame's
    // package; crashmonitor's "crash/crash" or gopls's bug.Report "gopls/bug" counter before it),
    // as the report tool writes them: a Markdown list of code spans, some linked to the source
    // ("- [`golang.org/x/tools/gopls/internal/cache.(*snapshot).X:+3`](https://cs.opensource…)").
    // A frame in gopls's own packages: gopls crashed (or caught its own bug) there. Not a source
    // position (".../cache/load.go:42"), which a traceback's file line or a diagnostic is.
    needles: ['golang.org/x/tools/gopls/'],
    test: /^\s*(?:[-*]\s+)?\[?`?golang\.org\/x\/tools\/gopls\/(?![^\s`]*\.go:)[^\s`]*?:(?:[+-]?\d+|=\d+|\?\d+)(?:,\+0x[0-9a-f]+)?`?(?:\]\([^)\s]*\))?\s*$/,
    yieldsTo: ['panic', 'fatal-error', 'fatal-out-of-memory'],
    says: "a stack from gopls's crash or bug telemetry (symbol:+line frames) in gopls's own code: gopls crashed or caught a bug of its own; a newer gopls, not the environment, is the fix",
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
    // Each needle spelt out as a plain run, not "x\/tools\/(?:gopls|internal)\/": rules.ts
    // testNeedsOf reads no needle inside a group (the bare module path in the run before it was
    // one only while gopls-build-failed had it as a needle).
    test: /^\s*(?:created by )?golang\.org\/x\/tools\/gopls\/[^\s(]*\(|^\s*(?:created by )?golang\.org\/x\/tools\/internal\/[^\s(]*\(/,
    yieldsTo: ['panic', 'fatal-error', 'fatal-out-of-memory', 'gopls-telemetry-stack'],
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
  {
    id: 'gopls-remote-unreachable',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.7,
    // gopls started with -remote (vim-go and others pass -remote=auto) forwards the editor's LSP
    // stream to a shared gopls daemon; when it cannot reach it, it exits, and tool.Main prints the
    // error (gopls/internal/lsprpc/lsprpc.go ServeStream: "forwarder: connecting to remote: %w"
    // around dialer.go's "dialing remote: dial unix /run/user/1000/gopls-…-daemon.x: connect:
    // connection refused" / "…: permission denied", "starting remote gopls: …", and the socket owner
    // check's 'socket "/tmp/gopls-…-daemon.shared" is owned by a different user'). A refusal in
    // those words is the daemon socket's (another user's, or stale), not a Go directory's: the
    // generic permission-denied rule yields here.
    needles: ['forwarder: connecting to remote: ', 'is owned by a different user'],
    test: /\bforwarder: connecting to remote: |socket \S+ is owned by a different user/,
    says: 'gopls runs in -remote mode and could not reach its shared daemon (its socket refused the connection, is stale, or belongs to another user), so it exits without serving',
  },
  {
    id: 'gopls-settings-invalid',
    classId: 'gopls-launch',
    severity: 'warning',
    confidence: 0.4,
    // gopls refusing a setting the editor sent it (gopls/internal/server/general.go handleOptionResult:
    // "Invalid settings: " + the errors joined by "; ", errors first; each from settings.go Set/setOne:
    // 'setting option "buildFlags": invalid type string (want JSON array of string)', "unexpected
    // setting", "invalid map value bool (want string)" for env, "invalid filter x, must start with +
    // or -", 'invalid option "Full" for enum', "duplicate value for x"). The setting is not applied
    // (an env or buildFlags the user relies on is dropped). Not its SoftErrors, which gopls sorts
    // after the errors and says "do not affect the functionality of gopls": a message whose first
    // entry is 'setting option "x": this setting is deprecated' holds only those. gopls v0.12–v0.15
    // (gopls/internal/lsp/source/options.go OptionResult) worded them 'parsing setting "x": invalid
    // type string, expect list', 'unexpected gopls setting "x"', 'applying setting "staticcheck":
    // staticcheck is not supported at go1.18; rebuild gopls with a more recent version of Go', and
    // its SoftErrors 'gopls setting "x" is deprecated[, use "y" instead]'. gopls v0.1–v0.2
    // (internal/lsp/general.go fetchConfig) said "unexpected config %s" alone on its line (at its
    // start or after a client's "[Error …] " prefix: "error: unexpected config key" is another program's).
    needles: ['Invalid settings: ', 'unexpected config '],
    test: /Invalid settings: (?!setting option "[^"\n]*": this setting is deprecated|gopls setting "[^"\n]*" is deprecated)\S|(?:^|\] )unexpected config [\w.-]+\s*$/,
    says: 'gopls refused a setting the editor sent it (invalid settings), so that setting (build flags, env, filters…) is not applied',
  },
  {
    id: 'gopls-bug-report',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    confidence: 0.38,
    // gopls's own bug reports, shown when the showBugReports setting is on (gopls/internal/server/
    // general.go Initialize: "A bug occurred on the server: %s\nLocation:%s", from the bug package's
    // Report/Reportf: a broken invariant, or protocol.go's "panic in %s request" just before a
    // handler's panic propagates). gopls's fault, not the machine's: a symptom, so a cause found
    // beside it (the environment that provoked it) comes first.
    needles: ['A bug occurred on the server: '],
    test: /A bug occurred on the server: \S/,
    says: 'gopls reported an internal bug ("A bug occurred on the server"): a request failed, and gopls may crash next',
  },
  {
    id: 'tool-source-does-not-compile',
    classId: 'gopls-launch',
    severity: 'warning',
    confidence: 0.55,
    // Not screened by needles: the analyzer notes a compiler's diagnostic in the lines after an
    // editor's failed tool install (analyzer.ts TOOL_INSTALL_FAILED_WORDS, COMPILE_DIAGNOSTIC), as
    // the tuning text microsoft/vscode-go#1979 shows: "Installing github.com/stamblerre/gocode
    // FAILED", then "Error: Command failed: /usr/local/go/bin/go build -o /home/mi/go/bin/gocode-gomod
    // github.com/stamblerre/gocode" and ".../gocode/internal/suggest/suggest.go:138:3: cannot use
    // func literal …": the tool's own source does not compile with this Go release or with the
    // versions of its dependencies the install took (there, golang.org/x/tools had changed an API the
    // next day's gocode followed). The install's failure, told: a cause, above what a guess from the
    // words around it says; a warning, as tool-install-failed. go-too-old-for-tools names the case
    // of x/tools's sources and an old go (an error) when its words are there.
    needles: [],
    says: "a Go tool's own source failed to compile while the editor installed it: that version of the tool does not build with this Go release or with the versions of its dependencies the install took (install a newer release of the tool, or the Go release it supports)",
  },
  {
    id: 'gocode-panic',
    classId: 'gopls-launch',
    severity: 'warning',
    confidence: 0.6,
    // gocode, the completion daemon editors ran before gopls (nsf/gocode and its forks), answers a
    // request it panicked on with one candidate of class "PANIC", and each client says so in its
    // own words: company-go's (error "GOCODE PANIC: Please check your code by \"go build\""), ycmd's
    // "Gocode panicked trying to find completions, you likely have a syntax error.", margo's
    // (GoSublime) "gocode panicked in '%s' at pos '%d'", vim-go's 'PANIC PANIC PANIC' candidate. The
    // clients blame the code, but gocode crashing on code it cannot read is gocode's bug, and most
    // often a gocode built for an older Go release than the one in use (nsf/gocode#526: Go 1.11's
    // export data; its maintained fork or gopls replaces it). A cause, so a guess from the words
    // around it does not come first; a warning, since only completion is lost.
    needles: ['GOCODE PANIC', 'ocode panicked', 'PANIC PANIC PANIC'],
    test: /GOCODE PANIC\b|\b[Gg]ocode panicked (?:trying|in '|at\b)|'PANIC PANIC PANIC'/,
    says: 'gocode, the completion daemon used before gopls, panicked in its own code (most often a gocode older than the Go release in use)',
  },
  {
    id: 'server-panic-serving',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    confidence: 0.38,
    // A Go language server's request handler panicked. gopls's predecessors and forks
    // (sourcegraph/go-langserver langserver/util.go panicf, as saibing/bingo kept it) log
    // "panic serving %s: %v\n%s" with the LSP method as the id, recover, and answer the request with
    // "unexpected panic: …". net/http prints the same words with an address ("http: panic serving
    // 10.0.0.7:51234: …"), which is a user's web server: only an LSP method makes it the server's.
    // The server's bug, not the machine's: a symptom, so a cause found beside it comes first.
    needles: ['panic serving '],
    test: /panic serving (?:(?:textDocument|workspace|window|client|completionItem|codeLens|documentLink|inlayHint|callHierarchy|typeHierarchy|notebookDocument|\$)\/\w+|initialized?|shutdown)\b/,
    says: "the language server's handler for an editor request panicked (a bug in the server): that request failed, and the server may crash next",
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
    id: 'gopls-manager-not-installed',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.75,
    // Lane managers (test/fixtures/manager-messages.jsonl): a version manager that selected a Go but
    // holds no gopls for it. asdf 0.16+ internal/cli/cli.go: "No executable gopls found for current
    // version. Please select a different version or install gopls manually for the current version"
    // (gopls was go-installed under another golang version's packages); mise src/shims.rs
    // err_no_version_set "Tool not installed for shim: gopls" (the go:golang.org/x/tools/gopls tool
    // its config names is not installed) and unavailable_configured_tool_message "No executable
    // found for configured tool: gopls".
    needles: ['No executable gopls found for current version', 'not installed for shim: gopls', 'No executable found for configured tool: gopls'],
    test: /No executable gopls(?:\.exe)? found for current version|Tools? not installed for shim: gopls(?:\.exe)?\s*$|No executable found for configured tool: gopls(?:\.exe)?\s*$/,
    says: "the version manager's configuration selects a Go for which no gopls is installed, so the gopls shim has nothing to run",
  },
];
