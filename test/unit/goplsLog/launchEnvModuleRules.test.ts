// The env-inheritance, gopls-launch and module-resolution message families (issue 11), each on
// lines built from the format string in the upstream source named beside it, with other paths,
// tools, versions and numbers than any corpus text.
import { describe, expect, it } from 'vitest';
import { matchRules, type RuleId } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';

const ids = (line: string) => matchRules(line).map((r) => r.id);

const CASES: Array<[string, RuleId[]]> = [
  // --- go not found, as other clients say it ---
  // vim-go and scripts: "go executable not found"
  ['vim-go: go executable not found.', ['go-binary-not-found']],
  // zed crates/languages/src/go.rs: NOTIFICATION_MESSAGE, and its error when `go` is not on PATH
  ['Could not install the Go language server `gopls`, because `go` was not found.', ['go-binary-not-found']],
  ['2025-03-01T09:00:00+00:00 [ERROR] Failed to start language server "gopls": cannot install gopls', ['go-binary-not-found', 'server-init-failed']],
  ['Could not install the Go Language server \'gopls\' because \'go\' was not found', ['go-binary-not-found']],
  ['failed to get go version via `go version` command`', ['go-binary-not-found']],
  // Eglot's eglot--guess-contact: no program for the mode on exec-path
  ['Debugger entered--Lisp error: (error "None of \'gopls\' are valid executables")', ['gopls-not-found']],
  ['(error "None of \'pylsp, pyls\' are valid executables")', []],
  // Windows cmd.exe and PowerShell
  ["'go' is not recognized as an internal or external command,", ['go-binary-not-found']],
  // ... in other display languages (shared.ts windowsNotRecognized): cmd.exe and PowerShell
  ["'go' 不是内部或外部命令，也不是可运行的程序", ['go-not-recognized-localized']],
  ["'go.exe' は、内部コマンドまたは外部コマンド、", ['go-not-recognized-localized']],
  ["'go' n’est pas reconnu en tant que commande interne", ['go-not-recognized-localized']],
  ["go : Le terme «go» n'est pas reconnu comme nom d'applet de commande, fonction, fichier de script ou programme", ['go-not-recognized-localized']],
  ['Der Befehl "go" ist entweder falsch geschrieben oder', ['go-not-recognized-localized']],
  ["'gopls' 不是内部或外部命令，也不是可运行的程序", ['gopls-not-recognized-localized']],
  ['Der Befehl "gopls.exe" ist entweder falsch geschrieben oder', ['gopls-not-recognized-localized']],
  // another program: not go's nor gopls's (the generic rule reads only the English words)
  ["'src' 不是内部或外部命令，也不是可运行的程序", []],
  ['Der Befehl "/" ist entweder falsch geschrieben oder', []],
  ["'gofmt' n'est pas reconnu en tant que commande interne", []],
  // PowerShell 7: "as a name of a cmdlet"
  ["make: The term 'make' is not recognized as a name of a cmdlet, function, script file, or executable program.", ['program-not-found-shells']],
  // JetBrains (java.lang.ProcessBuilder) and Python (subprocess)
  ['Cannot run program "go": error=2, No such file or directory', ['go-binary-not-found']],
  // The go binary there and refused exec (EACCES) is no missing go: a refused exec's rules say it.
  ['Cannot run program "/usr/local/go/bin/go" (in directory "/home/ann/p"): error=13, Permission denied', ['program-exec-denied']],
  ["FileNotFoundError: [Errno 2] No such file or directory: 'go'", ['go-binary-not-found']],
  ["env: 'go': No such file or directory", ['go-binary-not-found']],
  ['fork/exec /opt/go1.19/bin/go: no such file or directory', ['go-binary-not-found']],
  // The Go extension (microsoft/vscode-go goPath.ts): 'Cannot find "go" binary. Update PATH or GOROOT appropriately'
  ['Cannot find "go" binary. Update PATH or GOROOT appropriately', ['go-binary-not-found']],
  // not go
  ["FileNotFoundError: [Errno 2] No such file or directory: 'cargo'", []],
  ['fork/exec /opt/tools/bin/protoc: no such file or directory', []],
  ['mongo executable not found', []],
  // --- other Go tools the editor cannot find (goInstallTools.ts promptForMissingTool) ---
  ['The "dlv" command is not available. Run "go install -v github.com/go-delve/delve/cmd/dlv@latest" to install.', ['go-tool-missing']],
  ['The "gopkgs" command is not available. Use "go get -v github.com/uudashr/gopkgs/v2/cmd/gopkgs" to install.', ['go-tool-missing']],
  ['staticcheck is not found. Please make sure it is installed and available in the PATH /usr/bin:/bin', ['go-tool-missing']],
  ['Failed to continue: "Cannot find Delve debugger. Install from https://github.com/go-delve/delve & ensure it is in your "GOPATH/bin" or "PATH"."', ['go-tool-missing']],
  // --- gopls not found, per client ---
  ['The "gopls" command is not available. Run "go install -v golang.org/x/tools/gopls@latest" to install.', ['gopls-not-found']],
  // Neovim vim/lsp/rpc.lua
  ['/usr/share/nvim/runtime/lua/vim/lsp/rpc.lua:734: Spawning language server with cmd: `{ "gopls" }` failed. The language server is either not installed, missing from PATH, or not executable.', ['gopls-not-found']],
  ['Spawning language server with cmd: `pyright-langserver` failed. The language server is either not installed, missing from PATH, or not executable.', []],
  // emacs lsp-mode
  ['Command "gopls" is not present on the path.', ['gopls-not-found']],
  // os/exec
  ['exec: "gopls": executable file not found in $PATH', ['gopls-not-found']],
  // coc.nvim, with a dotted server id
  ['[coc.nvim] Server languageserver.go failed to start: Command "gopls" of languageserver.go is not executable: Error: not found: gopls', ['gopls-not-found']],
  ['Cannot find the alternate tool /opt/bin/gopls-nightly configured for gopls. Please install it and reload this VS Code window.', ['gopls-not-found']],
  ['Cannot run program "/home/ann/go/bin/gopls": error=2, No such file or directory', ['gopls-not-found']],
  // --- the gopls binary itself broken ---
  ['/home/ann/go/bin/gopls: error while loading shared libraries: libc.musl-x86_64.so.1: cannot open shared object file', ['gopls-binary-broken']],
  ['bash: /usr/local/bin/gopls: cannot execute binary file: Exec format error', ['gopls-binary-broken']],
  ['fork/exec /tmp/go-build1/b001/exe/app: exec format error', ['exec-format-error']],
  // runc's words for a container's first process of another architecture: the image's, a warning.
  ['exec /usr/local/bin/server: exec format error', ['image-exec-format']],
  ['standard_init_linux.go:228: exec user process caused: exec format error', ['image-exec-format']],
  ['2024-05-02T10:11:12Z app-7f9c exec /app: exec format error', ['image-exec-format']],
  // ENOEXEC in other spawners' words (Java, Rust, node): the same foreign binary, gopls's own named as such.
  ['Cannot run program "/home/ann/go/bin/dlv": error=8, Exec format error', ['exec-format-error']],
  ['Error: spawn /home/ann/go/bin/staticcheck ENOEXEC', ['exec-format-error']],
  ['failed to spawn "/usr/local/go/bin/go": Exec format error (os error 8)', ['exec-format-error']],
  ['Cannot run program "/home/ann/go/bin/gopls": error=8, Exec format error', ['gopls-binary-broken']],
  ['Starting client failed: Error: spawn /home/ann/go/bin/gopls ENOEXEC', ['server-init-failed', 'gopls-binary-broken']],
  // A Java spawn's errno decides: only error=2 is a missing program.
  ['Cannot run program "go": error=1, Operation not permitted', ['not-permitted']],
  ['Cannot run program "/home/ann/go/bin/gopls": error=1, Operation not permitted', ['not-permitted']],
  // --- the client lost its server (goLanguageServer.ts, vscode-languageclient, Neovim, lsp-mode) ---
  ['The language server is not able to serve any features. Initialization failed: Error: invalid params.', ['server-lost']],
  ['The connection to gopls has been closed. The gopls server may have crashed.', ['server-lost']],
  ['[Error - 9:12:01 PM] Server initialization failed.', ['server-lost']],
  ['[Error - 9:12:01 PM] Connection to server is erroring. Shutting down server.', ['server-lost']],
  ['Client gopls quit with exit code 2 and signal 0', ['server-lost']],
  ['Client gopls quit with exit code 0 and signal 0', []],
  ['Server gopls:48211/starting exited (check corresponding stderr buffer for details). Do you want to restart it? (y or n)', ['server-lost']],
  // --- environment variables go refuses (cmd/go cfg, base) ---
  ['go: parsing $GOFLAGS: non-flag "vendor"', ['go-env-invalid']],
  ['go: unknown environment setting GO111MODULE=true', ['go-env-invalid']],
  ['cmd/go: unsupported GOOS/GOARCH pair linux/arm32', ['go-env-invalid']],
  ['go: GOPATH entry is relative; must be absolute path: "gopath".', ['gopath-invalid']],
  ['package example.org/x: cannot download, $GOPATH not set. For more details see: go help gopath', ['gopath-invalid']],
  ['warning: GOPATH set to GOROOT (/usr/lib/go) has no effect', ['gopath-invalid']],
  // --- Flatpak editors' own notice ---
  ['This version is running inside a container and is therefore not able to access SDKs on your host system!', ['sandboxed-editor']],
  ['  $ flatpak-spawn --host <COMMAND>', ['sandboxed-editor']],
  // --- building gopls with a go that is too old ---
  ['go: golang.org/x/tools/gopls@v0.16.2 requires go >= 1.22.7 (running go 1.20.14; GOTOOLCHAIN=local)', ['go-too-old-for-tools']],
  // The Go extension after the go it finds changed (goInstallTools.ts suggestUpdates): tools built by another Go.
  ['Tools (gopls, dlv, staticcheck) need recompiling to work with go version go1.24.1 linux/arm64', ['tools-need-recompiling']],
  ['Tools (golangci-lint) need recompiling to work with go1.23.0', ['tools-need-recompiling']],
  ['../pkg/mod/golang.org/x/tools@v0.21.0/internal/typesinternal/types.go:9:2: package iter is not in GOROOT (/usr/lib/go-1.21/src/iter)', ['go-too-old-for-tools']],
  ['go: example.com/app requires go >= 1.24 (running go 1.22.3; GOTOOLCHAIN=local)', ['go-version-too-old-for-module']],
  // cmd/compile in gopls's own sources (its module, or x/tools/internal/lsp before it had one): what
  // only a later Go has (fatih/vim-go#2246). In x/tools's other packages a tool's or a project's
  // build too: alone, only a failed build (go-too-old-for-tools with gopls named just before).
  ['C:\\Users\\rei\\go\\pkg\\mod\\golang.org\\x\\tools@v0.0.0-20200914163123-ea50a3c84940\\internal\\event\\core\\export.go:41:9: undefined: errors.Is', ['gopls-build-failed']],
  ['/home/rei/go/src/golang.org/x/tools/internal/lsp/cache/check.go:311:22: info.Instances undefined (type *types.Info has no field or method Instances)', ['go-too-old-for-tools']],
  ['../../pkg/mod/golang.org/x/tools@v0.12.0/internal/typesinternal/types.go:52:18: undefined: comparable', ['gopls-build-failed']],
  ['../../pkg/mod/golang.org/x/tools/gopls@v0.12.0/internal/lsp/cache/check.go:52:18: undefined: comparable', ['go-too-old-for-tools']],
  ['/root/go/pkg/mod/golang.org/x/tools/gopls@v0.16.0/internal/cache/view.go:9:2: undefined: slices.Concat', ['go-too-old-for-tools']],
  // an identifier of x/tools's own, a vendored copy, a user's package: no Go version in the words
  ['/home/rei/go/pkg/mod/golang.org/x/tools@v0.1.12/internal/lsp/cache/load.go:40:2: undefined: snapshotID', ['gopls-build-failed']],
  ['vendor/golang.org/x/tools/go/packages/loader.go:88:14: undefined: errors.Join', []],
  ['/home/rei/src/app/main.go:12:2: undefined: errors.Join', []],
  ['/home/rei/go/pkg/mod/golang.org/x/tools@v0.1.12/internal/lsp/x.go:4:2: undefined: anyway', ['gopls-build-failed']],
  // GOTOOLCHAIN=auto switching to the Go gopls needs is the install going ahead
  ['go: golang.org/x/tools/gopls@v0.17.1 requires go >= 1.23.1; switching to go1.23.4', []],
  ['go: golang.org/x/tools/gopls@v0.17.1 requires go >= 1.23.1 (running go 1.22.9; GOTOOLCHAIN=local)', ['go-too-old-for-tools']],
  // GOPATH-mode install of gopls (cmd/go load "cannot find package %q in any of:", selesy/workstation#180)
  ['cannot find package "golang.org/x/tools/gopls" in any of:', ['tool-install-failed']],
  // Helix's --health table (helix-term/src/health.rs)
  ['go          ✘ gopls       ✓ dlv         ✓             ✓             ✓', ['gopls-not-found']],
  ['go          ✓ gopls       ✘ dlv         ✓             ✓             ✓', []],
  ['rust        ✘ rust-analy…  ✘ lldb-dap    ✓             ✓             ✓', []],
  // --- no module (gopls before 0.7 and now, cmd/go) ---
  // (what gopls saw in GOPATH mode is a symptom an environment cause can explain)
  ['You are neither in a module nor in your GOPATH. If you are using modules, please open your editor to a directory in your module.', ['outside-module-and-gopath']],
  ['You are in module mode, but you are not inside of a module. Please create a module.', ['not-in-module']],
  ['Your workspace root is /home/ann/src, but your module root is /home/ann/src/api. Please add /home/ann/src/api as a workspace folder.', ['not-in-module']],
  ['No active builds contain /home/ann/scratch/main.go: consider opening a new workspace folder containing it', ['no-view-for-file']],
  ['go: cannot determine module path for source directory /srv/app (outside GOPATH, module path must be specified)', ['not-in-module']],
  ['go: no go.work file found\n\t(run \'go work init\' first or specify path using GOWORK environment variable)', ['not-in-module']],
  // --- go.mod / go.work that cannot be used (modload) ---
  ['go: errors parsing go.mod:', ['go-mod-invalid']],
  ["/srv/app/go.mod:3: invalid go version '1.22.1.0': must match format 1.23", ['go-mod-invalid']],
  ['\tmodule declares its path as: github.com/Ann/Lib', ['go-mod-invalid']],
  // A use folder that is gone or holds no go.mod has its own rule, which names the folder and drops it.
  ['go: cannot load module tools/lint listed in go.work file: open tools/lint/go.mod: no such file or directory', ['gowork-use-missing']],
  ['go: module example.org/a appears multiple times in workspace', ['go-mod-invalid']],
  ['panic: invalid Go version "go1.23.0" (should be something like "go1.12")', ['panic']],
  // --- vendor and readonly mode (modload import.go, init.go) ---
  ['api/x.go:7:2: cannot find module providing package github.com/acme/log: import lookup disabled by -mod=vendor', ['vendor-mode-lookup']],
  ['\t(Go version in go.mod is at least 1.14 and vendor directory exists.)', ['vendor-mode-lookup']],
  ['go: updates to go.mod needed, disabled by -mod=readonly', ['vendor-mode-lookup']],
  ['go: updates to go.mod needed; to update it:', ['vendor-mode-lookup']],
  ['main.go:4:2: directory api/internal is not a package listed in vendor/modules.txt', ['vendor-mode-lookup']],
  // --- the module graph lacks a package ---
  ['main.go:5:2: module github.com/acme/kit@latest found (v1.4.0), but does not contain package github.com/acme/kit/retry', ['module-lacks-package']],
  ['ambiguous import: found package cloud.example.com/storage in multiple modules:', ['module-lacks-package']],
  // Go 1.11–1.13's shape of it (modload/import.go then), after "unknown import path".
  ['x.go:4:2: unknown import path "acme.dev/kit/log": ambiguous import: found acme.dev/kit/log in multiple modules:', ['module-lacks-package']],
  // --- Go 1.11–1.13 module words ---
  ['go: acme.dev/kit@v0.3.1: parsing go.mod: unexpected module path "kit"', ['go-mod-invalid']],
  ['go: error loading module requirements', ['modules-have-errors']],
  ['build acme.dev/app: cannot load github.com/acme/log: open /srv/app/vendor/github.com/acme/log: no such file or directory', ['vendor-mode-lookup']],
  ['build acme.dev/app: cannot load github.com/acme/log: open C:\\src\\app\\vendor\\github.com\\acme\\log: The system cannot find the path specified.', ['vendor-mode-lookup']],
  ['go get: disabled by -mod=vendor', ['vendor-mode-lookup']],
  ['go: -mod may only be set to readonly or vendor when in workspace mode, but it is set to "mod"', ['mod-flag-in-workspace-mode']],
  // (a vendor path in any other program's words is not the go command's vendor mode)
  ["PHP Warning:  require(/srv/www/vendor/autoload.php): failed to open stream: No such file or directory", []],
  ["cp: cannot stat '/srv/app/vendor/modules.txt': No such file or directory", []],
  // --- workspace file behind its modules (Go 1.21+) ---
  ['go: module ./tools listed in go.work file requires go >= 1.23.2, but go.work lists go 1.22; to update it:', ['go-mod-invalid']],
  // --- gopls 2019–2021: importer and go.mod diagnostics ---
  ['a.go:5:2: could not import acme.dev/kit/log (no package for import acme.dev/kit/log)', ['import-metadata-missing']],
  ['could not import acme.dev/kit (no package data for import acme.dev/kit)', ['import-metadata-missing']],
  // (cgo's pseudo-package is the C toolchain's, not the module graph's)
  ['a.go:3:8: could not import C (no package for import C)', []],
  ['Inconsistent vendoring detected. Please re-run "go mod vendor".', ['inconsistent-vendoring']],
  ['github.com/acme/kit@v1.2.0 has not been downloaded', ['goproxy-off-lookup']],
  ['The speech model has not been downloaded yet', []],
  ['go.sum is out of sync with go.mod. Please update it by applying the quick fix.', ['missing-go-sum']],
  ['go.sum is out of sync with go.mod: entry for acme.dev/kit@v1.2.0 is missing. Please updating it by applying the quick fix.', ['missing-go-sum']],
  // --- GOPATH mode ---
  ['go: cannot use path@version syntax in GOPATH mode', ['modules-disabled']],
  ['go: warning: ignoring go.mod in $GOPATH /home/ann/go', ['modules-disabled']],
  // go list -m (gopls and the Go extension run it) in GOPATH mode, in 1.14+'s words and before.
  ['go: list -m cannot be used with GO111MODULE=off', ['modules-disabled']],
  ['go list -m: not using modules', ['modules-disabled']],
  // gopls v0.15+'s "Created View" record of the environment it runs go with: the channel's line, and
  // the same inside a trace's logMessage body (a real v0.23.0 capture; "\tenv" there is two characters).
  ['\tenv={GOOS:linux GOARCH:amd64 GOCACHE:/root/.cache/go-build GOFLAGS: GO111MODULE:off GOTOOLCHAIN:local GOROOT:/usr/local/go GoVersion:26', ['modules-disabled']],
  [String.raw`Params: {"type":3,"message":"2026/12/05 06:40:10 Created View (#1)
	directory=/w/app
	view_type="AdHoc"
	env={GOOS:linux GOARCH:amd64 GO111MODULE:off GOTOOLCHAIN:local}"}`, ['modules-disabled']],
  ['\tenv={GOOS:linux GOARCH:amd64 GOFLAGS: GO111MODULE:on GOTOOLCHAIN:local}', []],
  ['\tenv={GOOS:linux GOARCH:amd64 GOFLAGS: GO111MODULE: GOTOOLCHAIN:local}', []],
  // gopls's "no package metadata for file file:///…", and a paste that dropped the doubled word.
  ['no package metadata for file file:///home/ann/app/main.go', ['no-package-metadata']],
  ['gopls: no package metadata for file:///home/ann/app/main.go', ['no-package-metadata']],
  ['no package metadata for file', []],
  ['main.go:3:8: package acme.dev/util is not in std (/usr/local/go/src/acme.dev/util)', ['package-not-found']],
  ['a.go:6:2: cannot find package "acme.dev/util" in GOROOT or GOPATH', ['package-not-found']],
  // cmd/go's vcs when neither GOPATH nor a module has the package and the path names no host
  ['package shop/routers: unrecognized import path "shop/routers" (import path does not begin with hostname)', ['package-not-found']],
  ['unrecognized import path "shop/routers": import path does not begin with hostname', ['package-not-found']],
  // load/pkg.go with modules off: a GOPATH checkout at another path than its import comment, a relative import
  ["can't load package: package github.com/ann/kit: code in directory /home/ann/go/src/github.com/ann/kit expects import \"acme.dev/kit\"", ['module-path-mismatch']],
  ['main.go:4:2: local import "./store" in non-local package', ['relative-import-in-module']],
  // load/pkg.go before Go 1.13 (no path in it), and gopls's importer of 2020
  ['\timports github.com/acme/kit/internal/x: use of internal package not allowed', ['internal-import-denied']],
  ['a.go:5:2: could not import github.com/acme/kit/internal/x (invalid use of internal package github.com/acme/kit/internal/x)', ['internal-import-denied']],
  ['Your workspace is misconfigured: go [-e -json -compiled=true -- ./...]: exit status 1: go: cannot find main module; see \'go help modules\'', ['workspace-load-failed', 'go-mod-not-found']],
  // --- second wave: shells, tasks, vim-go installs, pasted HTML, old gopls headers ---
  ['bash: line 1: protoc: command not found', ['command-not-on-path']],
  ['/bin/sh: 1: yarn: not found', ['command-not-on-path']],
  [' *  The terminal process "/bin/bash \'-c\', \'make gen\'" failed to launch (exit code: 127). ', ['command-not-on-path']],
  ['zsh: go: command not found', ['go-binary-not-found']],
  ['vim-go: gopls not found. Installing golang.org/x/tools/gopls@latest to folder /home/ann/go/bin/', ['gopls-not-found']],
  ['Error installing golang.org/x/tools/gopls@latest: exit status 1', ['tool-install-failed']],
  ['kernel: CODE SIGNING: process 7311[gopls]: rejecting invalid page at address 0x1 from offset 0x8000 in file "/Users/ann/go/bin/gopls"', ['gopls-binary-broken']],
  ['fatal: morestack on g0', ['gopls-binary-broken']],
  ['fatal: not a git repository (or any of the parent directories): .git', []],
  ['<pre>panic: runtime error: index out of range [3] with length 2', ['panic']],
  ['build acme: cannot load util: malformed module path "util": missing dot in first path element', ['go-mod-invalid']],
  ['go: warning: "./..." matched no packages', ['no-packages-matched']],
  ["can't load package: package example.org/app: no Go files in /home/ann/src/app", ['no-packages-matched']],
  ['(valid build configuration = false)', ['not-in-module']],
  ['  Message: go/packages.Load: no packages found for /home/ann/src/x/x_test.go', ['file-not-in-workspace']],
];

describe('env-inheritance, gopls-launch and module-resolution families: one rule per upstream phrasing', () => {
  it.each(CASES)('%s', (line, want) => {
    expect(ids(line).sort()).toEqual([...want].sort());
  });
});

describe('Windows\' localized "not recognized" as the analyzer reads a log (UTF-8 bytes as latin1)', () => {
  it.each([
    ["C:\\src>go run .\n'go' 不是内部或外部命令，也不是可运行的程序\n或批处理文件。\n", 'go-not-recognized-localized'],
    ["'gopls' は、内部コマンドまたは外部コマンド、\n操作可能なプログラムまたはバッチ ファイルとして認識されていません。\n", 'gopls-not-recognized-localized'],
    ["go : Le terme «go» n'est pas reconnu comme nom d'applet de commande, fonction, fichier de script ou programme\n", 'go-not-recognized-localized'],
  ])('%s', (text, rule) => {
    expect(analyzeText(Buffer.from(text, 'utf8')).events.map((e) => e.ruleId)).toContain(rule);
  });
});
