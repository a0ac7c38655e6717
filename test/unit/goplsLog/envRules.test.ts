// The env-inheritance families (and the module-resolution words beside them), each on lines built
// from the format string of the program named beside it, with other names, paths and versions
// than any corpus text. Two tables: the shells', version managers', cmd/go's and gopls's words
// (SHELL_SHIM_GOROOT_CASES: zsh, fish, tcsh, make, which, asdf, mise, goenv, gvm, GOROOT and HOME,
// GOPATH mode and go.work), and programs' own lookups (OWN_LOOKUP_CASES: clients' "not in your
// PATH" checks, coreutils/BSD/BusyBox env, systemd, POSIX sh's status 127, launchers that clear
// the environment, archives of another Go, cross-build variables). Near-misses sit beside them and
// must say nothing of the environment: a user's compile error or test (TestPATH), a program's own
// "not found", a GOPATH-mode message that is module resolution's, a CRLF script, a deployment's
// missing absolute path, a seccomp-refused shell.
import { describe, expect, it } from 'vitest';
import { matchRules, type RuleId } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';
import { GoEnvListing, goDirOnPath, releaseInPath } from '../../../src/goplsLog/goEnvListing.js';

const ids = (line: string) => matchRules(line).map((r) => r.id);

const SHELL_SHIM_GOROOT_CASES: Array<[string, RuleId[]]> = [
  // --- go not on the PATH, in other shells' and clients' words ---
  ['zsh:1: command not found: go', ['go-not-found-shells']],
  ["Command 'go' not found, but can be installed with:", ['go-not-found-shells']],
  ['fish: Unknown command: go', ['go-not-found-shells']],
  ["fish: Unknown command 'gofmt'", ['go-not-found-shells']],
  ['go: Command not found.', ['go-not-found-shells']],
  ['make[2]: go: No such file or directory', ['go-not-found-shells']],
  ['Searching for program: No such file or directory, go', ['go-not-found-shells']],
  ['(file-missing "Searching for program" "No such file or directory" "go")', ['go-not-found-shells']],
  ["timeout: failed to run command 'go': No such file or directory", ['go-not-found-shells']],
  ['which: no go in (/usr/local/sbin:/usr/bin)', ['go-not-found-shells']],
  ['xargs: go: No such file or directory', ['go-not-found-shells']],
  ['xargs: gopls: No such file or directory', ['gopls-not-found-shells']],
  ['-bash: /opt/go1.20/bin/go: No such file or directory', ['go-not-found-shells']],
  ['exec: "go.exe": executable file not found in %PATH%', ['go-not-found-windows-path']],
  ['exec: "go": cannot run executable found relative to current directory', ['go-not-found-windows-path']],
  ['##[error]Unable to locate executable file: go. Please verify either the file path exists', ['go-not-found-windows-path']],
  // gopls by the same words is a launch failure
  ['zsh: command not found: gopls', ['gopls-not-found']],
  ['make: gopls: Command not found', ['gopls-not-found-shells']],
  ['Searching for program: No such file or directory, gopls', ['server-binary-missing']],
  // any other program
  ['zsh: command not found: dlv', ['command-not-on-path']],
  ['zsh:1: command not found: dlv', ['command-not-on-path']],
  ['fish: Unknown command: staticcheck', ['program-not-found-shells']],
  ["'make' is not recognized as an internal or external command,", ['program-not-found-shells']],
  ['Cannot run program "git": error=2, No such file or directory', ['program-not-found-shells']],
  // …but a program there and refused exec (error=13) is not missing.
  ['Cannot run program "git" (in directory "/home/ann/p"): error=13, Permission denied', ['program-exec-denied']],
  // (env(1) given a bare name looks it up on the PATH: env-program-missing reads it.)
  ["env: 'node': No such file or directory", ['env-program-missing']],
  ['exec: "protoc": executable file not found in %PATH%', ['program-not-on-path-other']],
  ["  ✘ golangci-lint-langserver: 'golangci-lint-langserver' not found in $PATH", ['program-not-on-path-other']],
  // near-misses: make naming a missing file, gopls's own CLI, a user's "not found"
  ['make: Makefile.local: No such file or directory', []],
  ['gopls: Unknown command go.goroot', ['gopls-bad-command']],
  ['user not found: alice', []],
  ['2024/05/01 12:00:00 record not found', []],
  ['--- FAIL: TestLookup (0.00s)\n    lookup_test.go:12: key "go" not found in map', []],
  // --- version managers' shims and hooks ---
  ['No version is set for command go', ['go-shim-no-version']],
  // The shim's own exit status 126 is not "found but not executable": it ran.
  ['failed to load view for file:///home/ann/app: err: exit status 126: stderr: No version is set for command go', ['workspace-load-failed', 'go-shim-no-version']],
  ['No preset version installed for command gofmt', ['go-shim-no-version']],
  ['mise ERROR No version is set for shim: go', ['go-shim-no-version']],
  ['unknown command: gopls. Perhaps you have to reshim?', ['go-shim-no-version']],
  ["goenv: version `1.22.4' is not installed (set by /srv/app/.go-version)", ['go-shim-no-version']],
  ['No version is set for command golangci-lint', ['shim-no-version']],
  ["pyenv: version `3.11.2' is not installed (set by /srv/app/.python-version)", ['shim-no-version']],
  ['ERROR: GVM_ROOT not set. Please source $GVM_ROOT/scripts/gvm', ['shim-no-version']],
  // gvm with no default Go chosen, at every shell start, and the shell's own word for the file it sources.
  ['ERROR: Invalid or corrupt Go version', ['shim-no-version']],
  ['# ERROR: Invalid or corrupt Go version', ['shim-no-version']],
  ['.: no such file or directory: /home/ann/.gvm/environments/default', ['shim-no-version']],
  ['bash: /home/ann/.gvm/environments/default: No such file or directory', ['shim-no-version']],
  ['error: invalid or corrupt go version string in go.mod', []],
  // dash's exec builtin in a hook's script.
  ['/home/ann/.cache/pre-commit/repo1/run-golangci-lint.sh: 2: exec: golangci-lint: not found', ['command-not-on-path']],
  ['cd:1: command not found: __gvm_is_function', ['shim-no-version']],
  // --- no HOME, a GOROOT that is not go's own, build variables go rejects ---
  ['go: error obtaining home directory: $HOME is not defined', ['home-unset']],
  ['failed to create cache: neither $XDG_CACHE_HOME nor $HOME are defined', ['home-unset']],
  ['go: no such tool "compile"', ['goroot-tools-missing']],
  ['fork/exec /opt/go/pkg/tool/linux_arm64/link: no such file or directory', ['goroot-tools-missing']],
  ['go: no such tool "covdata"', []],
  ['x.go:4:2: cannot find package "net/http" in any of:', ['goroot-std-missing', 'package-not-found']],
  // (beside it, as for "cannot find package" above, the GOPATH-mode words for any path no one provides)
  ['package fmt: unrecognized import path "fmt": import path does not begin with hostname', ['goroot-std-missing', 'package-not-found']],
  ['cannot find package "acme.dev/util" in any of:', ['package-not-found']],
  ['go.goroot setting is ignored. /opt/go/bin/go is not a valid GOROOT directory.', ['goroot-setting-invalid']],
  ['go: invalid GOAMD64: must be v1, v2, v3, v4', ['go-env-value-invalid']],
  ['go: cannot find "go1.23.4" in PATH', ['toolchain-not-on-path']],
  // Who turned cgo off the line does not say (the environment, the build script, go without a C compiler): a warning.
  ['go: -race requires cgo; enable cgo by setting CGO_ENABLED=1', ['race-without-cgo']],
  ['go: go.mod file indicates go 1.22, but maximum version supported by tidy is 1.20', ['go-too-old-for-go-mod']],
  ["Debug command: cd /srv/app && export GOPATH= && export GO111MODULE=on && '/opt/bin/golangci-lint' 'run'", ['empty-go-path-exported']],
  ['export GOPATH=/home/ann/go && go build', []],
  ['bash: ./bin/server: cannot execute binary file: Exec format error', ['foreign-binary-exec']],
  ['OSError: [Errno 8] Exec format error', ['foreign-binary-exec']],
  ['Error relocating /usr/local/bin/protoc: __strdup: symbol not found', ['foreign-libc-loader']],
  ['Error loading shared library libstdc++.so.6: No such file or directory (needed by /usr/local/bin/buf)', ['foreign-libc-loader']],
  ['buf: error while loading shared libraries: libssl.so.3: cannot open shared object file: No such file or directory', ['shared-lib-missing']],
  ['Unable to resolve your shell environment: Unexpected exit code from spawned shell (code 1, signal null)', ['shell-env-unresolved']],
  ['You appear to be setting environment variables ("PATH" "GOPATH") in your .bashrc or .zshrc: those files are only read by interactive shells', ['shell-env-unresolved']],
  ['direnv: error /srv/app/.envrc is blocked. Run `direnv allow` to approve its content', ['shell-env-unresolved']],
  ['The terminal process failed to launch: Path to shell executable "/usr/bin/fish" does not exist.', ['shell-env-unresolved']],
  ['warning: go env -w GOFLAGS=... does not override conflicting OS environment variable', ['go-env-w-overridden']],
  ['UNC paths are not supported.  Defaulting to Windows directory.', ['wsl-windows-interop']],
  ['    at Object.<anonymous> (/home/ann/.var/app/com.visualstudio.code/data/vscode/extensions/golang.go-0.41.0/dist/goMain.js:2:10)', ['sandboxed-editor-path']],
  ['    at Module._load (/snap/code/182/usr/share/code/resources/app/out/vs/loader.js:5:1)', ['sandboxed-editor-path']],
  ['COPY ./app /app/bin/server', []],
  ['Failed to find a go command needed to install tools.', ['go-for-tools-missing']],
  ['failed to run "go version" with "/opt/go1.22/bin/go". Provide a valid path to the Go binary', ['go-for-tools-missing']],
  ['(code:41022): GLib-GIO-WARNING **: 10:01:02.345: Failed to load module: /home/ann/snap/code/common/.cache/gio-modules/libgiolibproxy.so', ['snap-runtime-leak']],
  ['/usr/bin/git: /snap/core22/current/lib/x86_64-linux-gnu/libc.so.6: cannot open shared object file', ['snap-runtime-leak']],
  ['snap install code --classic', []],
  ['go: unknown subcommand "mod"', ['go-too-old-subcommand']],
  ['zsh: bad CPU type in executable: ./bin/server', ['foreign-arch-exec']],
  ['go: -race is not supported on linux/386', ['foreign-arch-exec']],
  ["xcrun: error: invalid active developer path (/Library/Developer/CommandLineTools), missing xcrun at: /Library/Developer/CommandLineTools/usr/bin/xcrun", ['c-toolchain-env']],
  ["gcc: error trying to exec 'cc1': execvp: No such file or directory", ['c-toolchain-env']],
  // --- module-resolution ---
  ["go language server error: 'no AST for file:///srv/scratch/main.go'", ['old-gopls-no-file']],
  ['\texample.org/kit@v1.2.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt', ['vendor-out-of-sync']],
  ['/usr/lib/go/pkg/tool/linux_arm64/link: running gcc failed: exit status 1', ['cgo-link-failed']],
  ['exit status 1', []],
  ['no file information for file:///srv/app/cmd/main.go', ['old-gopls-no-file']],
  ['can\'t load package: package .: no buildable Go source files in /srv/app', ['no-buildable-files']],
  ['found packages main (main.go) and util (util.go) in /srv/app', ['no-buildable-files']],
  ["go: modules disabled inside GOPATH/src by GO111MODULE=auto; see 'go help modules'", ['gopath-mode-auto']],
  ['go: current directory is contained in a module that is not one of the workspace modules listed in go.work. You can add the module to the workspace using:', ['workspace-excludes-module']],
  ['pattern ./...: directory prefix . does not contain modules listed in go.work or their selected dependencies', ['workspace-excludes-module']],
  ["go: no modules were found in the current workspace; see 'go help work'", ['workspace-excludes-module']],
  // GOWORK naming a file that is gone (measured: GOWORK=/tmp/nope.work go build), as gopls logs go's stderr.
  ['go: reading go.work: open /tmp/nope.work: no such file or directory', ['gowork-file-missing']],
  ['err: exit status 1: stderr: go: reading go.work: open /home/ann/work/go.work: no such file or directory', ['gowork-file-missing']],
  // Another errno is another story (a go.work that cannot be read is fs-access's).
  ['go: reading go.work: open /home/ann/work/go.work: permission denied', ['go-file-refused']],
  ['pattern ./cmd/...: directory prefix cmd does not contain main module or its selected dependencies', ['no-main-module-here']],
  ["go: 'go install' requires a version when current directory is not in a module", ['no-main-module-here']],
  ['go: cannot match "all": working directory is not part of a module', ['no-main-module-here']],
  ['go: example.org/lib@v0.0.0-00010101000000-000000000000: replacement directory ../lib does not exist', ['replace-target-missing']],
  ['go: example.org/lib@v0.0.0: parsing ../lib/go.mod: open /srv/lib/go.mod: no such file or directory', ['replace-target-missing']],
  ['case-insensitive import collision: "example.org/Lib/x" and "example.org/lib/x"', ['module-path-mismatch']],
  ['go: example.org/lib@v2.1.0: invalid version: module contains a go.mod file, so major version must be compatible: should be v0 or v1, not v2', ['module-path-mismatch']],
  ['example.org/kit is not in your go.mod file', ['module-path-mismatch']],
  ['cmd/app/main.go:6:2: use of internal package example.org/other/internal/db not allowed', ['internal-import-denied']],
  ['build example.org/app: cannot find module for path example.org/kit/retry', ['module-for-path-missing']],
  ['package example.org/app: build constraints exclude all Go files in /srv/app', ['build-constraints-exclude']],
  ['errors loading workspace: You are working in a nested module.', ['nested-module']],
  ['You are outside of a module and outside of $GOPATH/src.', ['outside-module-and-gopath']],
  ['This file is in /srv/app/tools, which is a nested module in the example.org/app module.', ['nested-module']],
  ["go: 'go mod vendor' cannot be run in workspace mode. Run 'go work vendor' to vendor the workspace", ['go-work-mode-refused']],
  ['could not import example.org/kit (can\'t find import: "example.org/kit")', ['cant-find-import']],
  // --- the canonical-message sweep (lane sweepA): cmd/go's words for the environment and go.mod ---
  ['go: toolchain go1.29.1 invoked to provide go1.30.4', ['go-toolchain-mismatch']],
  ["go: -mod=Vendor not supported (can be '', 'mod', 'readonly', or 'vendor')", ['go-env-invalid']],
  ['go: invalid GOWORK: not an absolute path', ['go-env-invalid']],
  ['go: GOPROXY list is not the empty string, but contains no entries', ['go-env-invalid']],
  ['go: acme.dev/kit@v0.4.0: invalid proxy URL missing scheme: athens', ['go-env-invalid']],
  ['go: invalid GOSUMDB: malformed verifier id', ['go-env-invalid']],
  // a query of a read-only variable read as `go env -w` (a -w in GOFLAGS): Go 1.14's prefix and today's
  ['go env -w: arguments must be KEY=VALUE: invalid argument: GOMOD', ['goflags-turns-query-into-write']],
  ['go: arguments must be KEY=VALUE: invalid argument: GOVERSION', ['goflags-turns-query-into-write']],
  // …but a writable variable without its value is the user's own `go env -w GOPROXY` typo, and a KEY=VALUE pair is another message
  ['go: arguments must be KEY=VALUE: invalid argument: GOPROXY', []],
  ['go: arguments must be KEY=VALUE: invalid argument: GOMODCACHE', []],
  ['go: cannot install, GOBIN must be an absolute path', ['gopath-invalid']],
  ['go install: no install location for directory /srv/tools/fmtx outside GOPATH', ['install-location-missing']],
  ['go install: no install location for .go files listed on command line (GOBIN not set)', ['install-location-missing']],
  ['go: missing Git command. See https://golang.org/s/gogetcmd', ['vcs-command-missing']],
  ['go: missing Mercurial command. See https://golang.org/s/gogetcmd', ['vcs-command-missing']],
  ['Error: spawnSync /opt/sdk/go/bin/go ENOENT', ['go-binary-not-found']],
  ['zsh: no such file or directory: /opt/sdk/go/bin/go', ['go-not-found-shells']],
  ['go.mod:7: unknown directive: toolchain', ['go-mod-invalid']],
  ['/srv/kit/go.work:4: unknown directive: godebug', ['go-mod-invalid']],
  ['go: acme.dev/kit@v0.0.0-00010101000000-000000000000 (replaced by ../kit): replacement module has different module path "acme.dev/kit2" but "acme.dev/kit" is required', ['go-mod-invalid']],
  ['go: acme.dev/kit@v0.4.0 (replaced by ../kit): reading ../kit/go.mod: open /srv/kit/go.mod: no such file or directory', ['replace-target-missing']],
  ['go: acme.dev/kit@v0.4.0 (replaced by ..\\kit): reading ..\\kit\\go.mod: open C:\\src\\kit\\go.mod: The system cannot find the path specified.', ['replace-target-missing']],
  ['cmd/app/main.go:8:2: package acme.dev/app/store imports acme.dev/sqlx from implicitly required module; to add missing requirements, run:', ['vendor-mode-lookup']],
  ["go: 'go get' is no longer supported outside a module.", ['no-main-module-here']],
  ['go: acme.dev/kit@v3.0.0: invalid version: go.mod has non-.../v3 module path "acme.dev/kit" (and .../v3/go.mod does not exist) at revision v3.0.0', ['module-path-mismatch']],
  ["err: 'go list' driver requires 'go', but executable file not found in $PATH", ['go-binary-not-found']],
  // Atom's go-plus finding no go on the PATH the editor was started with.
  ['No Go Installations Were Found', ['go-binary-not-found']],
  ['invalid workspace folder path: path "/Volumes/Work/App" has incorrect case; check that the casing of the configured workspace folder path agrees with the casing reported by the operating system', ['workspace-path-mismatch']],
  ['invalid workspace folder path: invalid path "d:\\src\\con"; check that the spelling of the configured workspace folder path agrees with the spelling reported by the operating system', ['workspace-path-mismatch']],
  ['references failed: getting file for References: no parsed file for file:///srv/scratch/tool/main.go in command-line-arguments', ['adhoc-package-file']],
  ['Could not run godef binary', ['editor-tool-not-run']],
  ['company-go: Could not run godef binary', ['editor-tool-not-run']],
  ["FileNotFoundError: [Errno 2] No such file or directory: 'staticcheck'", ['python-program-not-found']],
  ["FileNotFoundError: [Errno 2] No such file or directory: 'settings.json'", []],
  ["FileNotFoundError: [Errno 2] No such file or directory: '/srv/app/data'", []],
  ['vim-go: Features that rely on gopls will not work correctly outside of GOPATH or a module.', ['outside-module-and-gopath']],
  ['no parsed file for /srv/app/report.csv', []],
  // near-misses: the same shells and node for another program, a go.mod line the user wrote wrong elsewhere
  ['zsh: no such file or directory: ./run.sh', []],
  ['Error: spawnSync python3 ENOENT', []],
  ['config.yaml:7: unknown directive: toolchain', []],
  // --- near-misses: the user's own code and tests ---
  ['./main.go:9:2: undefined: x', []],
  ['./main.go:4:2: "os" imported and not used', []],
  ['--- FAIL: TestParse (0.01s)\n    parse_test.go:20: got 1, want 2', []],
  ['FAIL\texample.org/app\t0.012s', []],
  ['2024/05/01 12:00:00 config file not found: /etc/app.yaml', []],
];

describe('env-inheritance and module-resolution in shells\', shims\' and cmd/go\'s words: one rule per upstream phrasing', () => {
  it.each(SHELL_SHIM_GOROOT_CASES)('%s', (line, want) => {
    expect(ids(line).sort()).toEqual([...want].sort());
  });

  it('a user compile error inside published diagnostics is not read as an import problem', () => {
    const inDiag = (line: string) => matchRules(line, { inDiagnostics: true }).map((r) => r.id);
    expect(inDiag('main.go:6:2: use of internal package example.org/other/internal/db not allowed')).toEqual([]);
    expect(inDiag('build example.org/app: cannot find module for path example.org/kit/retry')).toEqual([]);
  });
});

describe('goroot-version-mix: GOROOT from one Go release, the go command or GOPATH from another', () => {
  const facts = (text: string) => {
    const l = new GoEnvListing();
    return text.split('\n').flatMap((line, i) => l.see(line, i + 1));
  };

  it.each([
    // gvm: GOROOT from gos/go1.17, GOPATH from the go1.19 pkgset (the Go extension's tools block)
    ['tools block, gvm', 'Checking configured tools....\nGOBIN: undefined\ntoolsGopath: \ngopath: /home/ann/.gvm/pkgsets/go1.19/global\nGOROOT: /home/ann/.gvm/gos/go1.17', ['goroot-version-mix']],
    // go env: asdf's GOROOT against the running go's GOVERSION
    ['go env, asdf', "GOROOT='/home/ann/.asdf/installs/golang/1.20.3/go'\nGOVERSION='go1.22.1'", ['goroot-version-mix']],
    ['go env -json, Homebrew', '{\n\t"GOROOT": "/opt/homebrew/Cellar/go/1.21.5/libexec",\n\t"GOVERSION": "go1.21.5"\n}', []],
    ['windows set, same release', 'set GOROOT=C:\\sdk\\go1.21.0\nset GOVERSION=go1.21.0', []],
    // gopls's "go env for" header names the go it ran
    ['gopls go env for', '(go version go version go1.16.5 linux/amd64)\nGOROOT=/usr/lib/go-1.15', ['goroot-version-mix']],
    ['no release in GOROOT', 'GOROOT="/usr/local/go"\nGOVERSION="go1.22.0"', []],
    ['a module-cache toolchain', 'GOROOT="/home/ann/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64"\nGOVERSION="go1.22.0"', []],
  ])('%s', (_name, text, want) => {
    expect(facts(text)).toEqual(want);
  });

  it('GO111MODULE=off in a go env listing or in the go commands gopls logs', () => {
    expect(facts('GO111MODULE="off"\nGOPATH="/home/ann/go"')).toEqual(['modules-off-listed']);
    expect(facts('set GO111MODULE=off')).toEqual(['modules-off-listed']);
    expect(facts('[Info  - 9:00:01 AM] 48.1ms for GOROOT=/usr/local/go GOPATH=/home/ann/go GO111MODULE=off PWD=/home/ann/src/app go "list" "-e"')).toEqual(['modules-off-listed']);
    expect(facts('GO111MODULE="on"\nGO111MODULE=\nset GO111MODULE=auto')).toEqual([]);
    expect(facts('run with GO111MODULE=off to build in GOPATH mode')).toEqual([]);
  });

  it('GOROOT naming bin or the go binary, GOPATH the same directory as GOROOT', () => {
    expect(facts('Checking configured tools....\nGOBIN: undefined\ngopath: undefined\nGOROOT: /usr/local/go/bin/go')).toEqual(['goroot-not-a-root']);
    expect(facts('GOROOT="/opt/go/bin"')).toEqual(['goroot-not-a-root']);
    expect(facts('GOROOT="/opt/go"\nGOPATH="/home/ann/go"')).toEqual([]);
    expect(facts('set GOPATH=C:\\Go\nset GOROOT=C:\\Go')).toEqual(['gopath-equals-goroot']);
    expect(facts('GOPATH="/home/ann/go:/usr/lib/go/"\nGOROOT="/usr/lib/go"')).toEqual(['gopath-equals-goroot']);
    expect(facts('GOPATH="/home/ann/go"\nGOROOT="/home/ann/go/sdk/go1.21"')).toEqual([]);
  });

  it('reads the release out of the directory names installers and managers use', () => {
    expect(releaseInPath('/home/ann/.gvm/gos/go1.12')).toBe('1.12');
    expect(releaseInPath('/home/ann/.goenv/versions/1.20.3')).toBe('1.20');
    expect(releaseInPath('/nix/store/abc123-go-1.21.0/share/go')).toBe('1.21');
    expect(releaseInPath('/usr/lib/go-1.18')).toBe('1.18');
    expect(releaseInPath('/home/ann/.local/share/mise/installs/go/1.23.1')).toBe('1.23');
    expect(releaseInPath('/usr/local/go')).toBeUndefined();
    expect(releaseInPath('/home/ann/go')).toBeUndefined();
  });
});

const OWN_LOOKUP_CASES: Array<[string, RuleId[]]> = [
  // --- clients' and scripts' own PATH checks ---
  ["Error: 'go' is not installed or not in your PATH", ['go-not-on-path-words']],
  ['golang is not installed, or not in the PATH.', ['go-not-on-path-words']],
  ['Unable to locate the go executable on the PATH', ['go-not-on-path-words']],
  ['[go.nvim] could not find go in $PATH', ['go-not-on-path-words']],
  ['gofmt was not found on your $PATH', ['go-not-on-path-words']],
  ['gopls is not installed or not in your PATH', ['gopls-not-on-path-words']],
  ['Could not find `gopls` in PATH, please install it', ['gopls-not-on-path-words']],
  ['Command "go" is not present on the path.', ['go-not-on-path-words']],
  ['Command "golangci-lint-langserver" is not present on the path.', ['program-not-on-path-words']],
  ['staticcheck binary not found on PATH', ['program-not-on-path-words']],
  ['ERROR: protoc is not installed or not in your PATH.', ['program-not-on-path-words']],
  ['Failed to locate dlv in the system PATH', ['program-not-on-path-words']],
  // the toolchain switch's own words stay toolchain-not-on-path's
  ['go: cannot find "go1.24.1" in PATH', ['toolchain-not-on-path']],
  // near-misses: GOPATH is module resolution's, a Go test's own output, a PATH/ path
  ['You are neither in a module nor in your GOPATH', ['outside-module-and-gopath']],
  ['the package is not in your GOPATH', []],
  ['--- FAIL: TestPATH (0.00s)', []],
  ['    env_test.go:31: helper not in PATH', []],
  ['Tesseract is not installed or not in your PATH/configured path.', []],
  // --- env(1) running a bare name ---
  ['/usr/bin/env: ‘node’: No such file or directory', ['env-program-missing']],
  ["/usr/bin/env: 'python3.11': No such file or directory", ['env-program-missing']],
  ['env: ruby: No such file or directory', ['env-program-missing']],
  ["env: can't execute 'zsh': No such file or directory", ['env-program-missing']],
  // near-misses: a CRLF script, a path, another program's "env:"
  ["/usr/bin/env: 'bash\\r': No such file or directory", []],
  ['/usr/bin/env: ‘python\\r’: No such file or directory', []],
  ['env: ./scripts/gen.sh: No such file or directory', []],
  ['getenv: TOKEN: No such file or directory', []],
  // --- systemd's own search path and environment files ---
  ['gopls-proxy.service: Failed to locate executable gopls-proxy: No such file or directory', ['systemd-exec-lookup']],
  ['builder.service: Failed at step EXEC spawning go: No such file or directory', ['systemd-exec-lookup']],
  ['api.service: Failed to load environment files: No such file or directory', ['systemd-exec-lookup']],
  // near-misses: an absolute path that is gone (a deployment's), a refused exec (another class's)
  ['api.service: Failed at step EXEC spawning /srv/api/bin/api: No such file or directory', []],
  ['kubelet.service: Failed to locate executable /usr/etc/kubelet: No such file or directory', []],
  // --- sh's "command not found" status ---
  ['failed to run golangci-lint: exit status 127', ['shell-status-127']],
  ['ERROR: script returned exit code 127', ['shell-status-127']],
  ['##[error]Process completed with exit code 127.', ['shell-status-127']],
  ['ERROR: Job failed: exit code 127', ['shell-status-127']],
  ['##[error]Process completed with exit code 1.', []],
  ['ide-subproces-supervisor[    2]:    DEBUG: process 4711 exited with code: 127', ['shell-status-127']],
  ['[tsserver] child process exited with code 127', ['shell-status-127']],
  ['exit status 1270', []],
  ['Client gopls quit with exit code 127 and signal 0', ['server-lost']],
  // --- a launcher that clears the environment ---
  [
    "ide-subprocess-launcher[    3]:    DEBUG: Launching '/usr/libexec/pyls --stdio' from directory '/home/k/src' with environment LANG=C PATH=/usr/bin:/bin clearing parent environment",
    ['launcher-clears-env'],
  ],
  ["ide-subprocess-launcher[    3]:    DEBUG: Launching 'gopls' from directory '/home/k/src' with environment LANG=C inheriting parent environment", []],
  ['make: *** [Makefile:12: build] Error 127', []],
  // --- archives of another Go release ---
  ['main.go:4:2: could not import fmt (object is [darwin amd64 go1.20.3 X:none] expected [darwin amd64 go1.21.0 X:none])', ['archive-from-other-go']],
  ['/usr/local/go/pkg/linux_amd64/runtime.a: object is [linux amd64 go1.9 X:framepointer] expected [linux amd64 go1.10 X:framepointer]', ['archive-from-other-go']],
  // near-miss: the same release, other experiments (a build's own flags)
  ['could not import fmt (object is [linux amd64 go1.21.0 X:none] expected [linux amd64 go1.21.0 X:regabi])', []],
  // --- HOME missing, in other programs' words ---
  ['Error: $HOME must be set to run brew.', ['home-unset-other']],
  ['fatal: $HOME not set', ['home-unset-other']],
  ['/etc/profile.d/go.sh: line 3: cd: HOME not set', ['home-unset-other']],
  ['RuntimeError: Could not determine home directory.', ['home-unset-other']],
  ['go: error obtaining home directory: $HOME is not defined', ['home-unset']],
  // near-miss: a variable of the user's own
  ['config: MYAPP_HOME not set, using defaults', []],
  // --- a dev container's probe of the login shell's environment ---
  ["[12034 ms] userEnvProbe is taking longer than 10 seconds. Avoid waiting for user input in your shell's startup scripts. Continuing.", ['container-env-probe-failed']],
  ['[903 ms] Error reading shell environment.', ['container-env-probe-failed']],
  // near-miss: the probe is only slow
  ['[2510 ms] userEnvProbe is taking longer than 2 seconds. Process not found.', []],
  // --- cross-build variables inherited by go install ---
  ['go install: cannot install cross-compiled binaries when GOBIN is set', ['gobin-cross-install']],
  ['go: cannot install cross-compiled binaries when GOBIN is set', ['gobin-cross-install']],
  // --- WSL interop to a Windows program (microsoft/WSL src/linux/init/util.cpp) ---
  ['<3>WSL (212) ERROR: UtilConnectVsock:2954: connect port 49731 failed 110 (from: /mnt/c/Go/bin/go.exe)', ['wsl-interop-unreachable']],
  ['<3>init: (8830) ERROR: UtilConnectUnix:467: connect failed 111', ['wsl-interop-unreachable']],
  ['<3>WSL (1) ERROR: UtilAcceptVsock:250: accept4 failed 110', ['wsl-interop-unreachable']],
  // near-miss: a program's own function of that name, not WSL's log
  ['UtilConnectVsock: retrying', []],
  // --- flatpak-spawn, a Flatpak editor's way to the host (flatpak-xdg-utils src/flatpak-spawn.c) ---
  ['Portal call failed: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.Flatpak was not provided by any .service files', ['flatpak-spawn-failed']],
  ["Can't find bus: Could not connect: No such file or directory", ['flatpak-spawn-failed']],
  // --- a /snap/bin command for a snap that is gone (snapd cmd/snap/cmd_run.go getSnapInfo) ---
  ['error: cannot find current revision for snap gopls: readlink /snap/gopls/current: no such file or directory', ['snap-command-gone']],
  ['cannot find current revision for snap go-1-22: readlink /var/lib/snapd/snap/go-1-22/current: no such file or directory', ['snap-command-gone']],
  // near-miss: readlink refused, not gone
  ['cannot find current revision for snap go: readlink /snap/go/current: permission denied', ['permission-denied']],
  // --- a shell outside the user's session (systemd src/shared/bus-util.c) ---
  ['Failed to connect to user scope bus via local transport: $DBUS_SESSION_BUS_ADDRESS and $XDG_RUNTIME_DIR not defined (consider using --machine=<user>@.host --user to connect to bus of other user)', ['no-user-session']],
  ['Failed to connect to bus: $DBUS_SESSION_BUS_ADDRESS and $XDG_RUNTIME_DIR not defined', ['no-user-session']],
  // --- environment.d not applied at login (systemd src/environment-d-generator) ---
  ['Mar 02 08:01:12 ws systemd[2211]: /usr/lib/systemd/user-environment-generators/30-systemd-environment-d-generator: Failed to load environment.d: Invalid argument', ['environment-d-failed']],
  ['Mar 02 08:01:12 ws systemd[2211]: /usr/lib/systemd/user-environment-generators/30-systemd-environment-d-generator failed with exit status 1.', ['environment-d-failed']],
  // --- systemctl's notice for a variable the calling shell lacks is no GOPATH problem ---
  ['Environment variable $GOPATH not set, ignoring.', []],
  ['go: cannot download, $GOPATH not set. For more details see: go help gopath', ['gopath-invalid']],
];

describe('env-inheritance in programs\' own PATH checks, env(1), systemd and launchers: one rule per upstream phrasing', () => {
  it.each(OWN_LOOKUP_CASES)('%s', (line, want) => {
    expect(ids(line)).toEqual(want);
  });
});

describe('env-inheritance through the engine', () => {
  const rank = (text: string) => rankCauses(findingsOf('/logs/gopls.log', analyzeText(text)).map((f) => FindingSchema.parse(f)));

  it('a client that could not find go on the PATH leads the dead server it explains', () => {
    const causes = rank("Error: 'go' is not installed or not in your PATH\n[Info  - 10:15:12 AM] Connection to server got closed. Server will restart.\n");
    expect(causes[0]).toMatchObject({ id: 'env-inheritance', severity: 'error' });
    expect(causes.find((c) => c.id === 'gopls-launch')!.findings[0]!.explainedBy).toEqual(['env-inheritance']);
  });

  it('a shell refused by seccomp: the 127 make reports is not read as a PATH problem', () => {
    const causes = rank('make: /bin/sh: Operation not permitted\nmake: *** [Makefile:2: all] Error 127\n');
    expect(causes.some((c) => c.id === 'env-inheritance')).toBe(false);
  });

  it("cgo's failed link is the environment's, unless the linker's own lines just below say it was killed", () => {
    const link = '# example.com/app\n/usr/local/go/pkg/tool/linux_amd64/link: running gcc failed: exit status 1';
    const killed = rank(`${link}\ncollect2: fatal error: ld terminated with signal 9 [Killed]\ncompilation terminated.\n`);
    expect(killed.map((c) => c.id)).toEqual(['memory-limit']);
    const library = rank(`${link}\n/usr/bin/ld: cannot find -lsqlite3\ncollect2: error: ld returned 1 exit status\n`);
    expect(library[0]).toMatchObject({ id: 'env-inheritance' });
    // A kill farther on is another process's: the link's reading stands beside it.
    const later = rank(`${link}\n/usr/bin/ld: cannot find -lsqlite3\ncollect2: error: ld returned 1 exit status\nmake: *** [build] Error 1\n$ go test ./...\n\nsignal: killed\nFAIL\texample.com/app\t61.2s\n`);
    expect(later.map((c) => c.id)).toContain('env-inheritance');
  });

  it('a user program printing "not found" and a test named TestPATH give no environment cause', () => {
    const causes = rank('=== RUN   TestPATH\n    path_test.go:12: key "go" not found in map\n--- FAIL: TestPATH (0.00s)\nFAIL\n');
    expect(causes.filter((c) => c.id === 'env-inheritance')).toEqual([]);
    expect(causes.every((c) => c.severity !== 'error')).toBe(true);
  });
});

describe('the Go extension could run no go (its tools block)', () => {
  const block = (goroot: string, pathList: string) =>
    `Checking configured tools....\nGOBIN: undefined\ntoolsGopath: \ngopath: undefined\nGOROOT: ${goroot}\nPATH: ${pathList}\n`;
  const facts = (text: string) => text.split('\n').flatMap((l, i) => listing.see(l, i + 1));
  let listing = new GoEnvListing();
  const fresh = (text: string) => {
    listing = new GoEnvListing();
    return facts(text);
  };

  it.each([
    ['', '/usr/bin:/bin:/usr/sbin:/sbin'],
    ['undefined', '/usr/local/bin:/usr/bin:/bin:/snap/bin'],
  ])('GOROOT %j beside a PATH with no Go directory (%s)', (goroot, p) => {
    expect(fresh(block(goroot, p))).toContain('go-unfound-listed');
  });

  it.each([
    ['', '/usr/local/go/bin:/usr/bin:/bin'],
    ['', '/home/k/sdk/go1.23.2/bin:/usr/bin'],
    ['', '/home/k/.asdf/shims:/usr/bin'],
    ['', 'C:\\Program Files\\Go\\bin;C:\\Windows'],
    ['/usr/local/go', '/usr/local/go/bin:/usr/bin'],
  ])('near-miss: GOROOT %j with a Go directory on the PATH (%s), or a GOROOT found', (goroot, p) => {
    expect(fresh(block(goroot, p))).not.toContain('go-unfound-listed');
  });

  it("GoLand's run output (\"GOROOT=… #gosetup\") is a listing too", () => {
    expect(fresh('GOROOT=/usr/local/go/bin #gosetup\nGOPATH=/home/k/go #gosetup\n')).toEqual(['goroot-not-a-root']);
    expect(fresh('GOROOT=/opt/go #gosetup\nGOPATH=/opt/go\n')).toEqual(['gopath-equals-goroot']);
    expect(fresh('GOROOT=/usr/local/go #gosetup\nGOPATH=/home/k/go #gosetup\n')).toEqual([]);
  });

  it('"Go: Locate Configured Go Tools" since 2022 (# Tools Configuration / ## Environment) is the same block', () => {
    const located = (goroot: string, p: string) => `# Tools Configuration\n\n## Environment\n\nGOBIN: undefined\ntoolsGopath: \ngopath: /home/k/go\nGOROOT: ${goroot}\nPATH: ${p}\n\n## Tools\n`;
    expect(fresh(located('', '/usr/local/bin:/usr/bin:/bin'))).toContain('go-unfound-listed');
    expect(fresh(located('/opt/go', '/usr/local/bin:/usr/bin:/bin'))).toContain('goroot-bin-not-on-path');
    expect(fresh(located('/usr/local/go', '/usr/local/go/bin:/usr/bin'))).toEqual([]);
    // pasted from its second heading on
    expect(fresh('## Environment\n\nGOBIN: undefined\ntoolsGopath: \ngopath: /home/k/go\nGOROOT: undefined\nPATH: /usr/bin:/bin\n')).toContain('go-unfound-listed');
    // a README's "## Environment" section far from any GOROOT/PATH lines
    expect(fresh('## Environment\n' + 'text\n'.repeat(20) + 'GOROOT: \nPATH: /usr/bin:/bin\n')).toEqual([]);
  });

  it('a bare "GOROOT:" line outside the tools block says nothing', () => {
    expect(fresh('GOROOT: \nPATH: /usr/bin:/bin\n')).toEqual([]);
  });

  it('goDirOnPath reads installations, per-release SDKs, GOPATH/bin and shims, not lookalikes', () => {
    expect(goDirOnPath('/usr/lib/go-1.21/bin')).toBe(true);
    expect(goDirOnPath('/home/k/go/bin')).toBe(true);
    expect(goDirOnPath('/opt/golang/bin')).toBe(true);
    expect(goDirOnPath('/usr/bin:/bin:/home/k/google-cloud-sdk/bin:/opt/gopher-tools')).toBe(false);
  });
});

// Lane gocmd: families enumerated from the programs' sources (test/fixtures/go-messages.jsonl),
// each with other names and paths than the catalog, and near-misses that must say nothing.
const GOCMD_CASES: Array<[string, RuleId[]]> = [
  // cmd/go cache/default.go
  ['build cache is disabled by GOCACHE=off, but required as of Go 1.12', ['gocache-disabled']],
  ['build cache is required, but could not be located: GOCACHE is not an absolute path', ['gocache-disabled']],
  ['export GOCACHE=off', []],
  // cmd/go envcmd/env.go
  ['go: cannot find go env config: neither $XDG_CONFIG_HOME nor $HOME are defined', ['home-unset']],
  ['go: reading go env config: open /srv/cfg/go/env: permission denied', ['go-env-file-unusable', 'go-file-refused']],
  ['go: GODEBUG can only be set using the OS environment', ['go-env-file-unusable']],
  ['MYAPP_DEBUG can only be set using the OS environment', []],
  // modfetch/sumdb.go dbDial
  ['go: download go1.31.2: golang.org/toolchain@v0.0.1-go1.31.2.linux-arm64: verifying module: checksum database disabled by GOSUMDB=off', ['gosumdb-off-toolchain']],
  ['go: acme.dev/kit@v0.4.0: verifying module: missing GOSUMDB', ['go-env-invalid']],
  // toolchain/select.go Exec
  ['go: too many toolchain switches', ['go-toolchain-mismatch']],
  // vscode-go goInstallTools.ts, util.ts, commands/getConfiguredGoTools.ts
  ["Failed to run '/opt/sdk/go1.31.2/bin/go env' (cwd: /srv/app): Error: Command failed", ['editor-go-run-failed']],
  ["Failed to run '/opt/sdk/go1.31.2/bin/go env. The config change may not be applied correctly.", ['editor-go-run-failed']],
  ['failed to run "/opt/sdk/go1.31.2/bin/go version": Error: spawn EBADF cwd: /srv/app', ['editor-go-run-failed']],
  ['unable to determine version from the output of "/opt/bin/go version": "weird"', ['editor-go-run-failed']],
  ["failed to run 'go env': Error: Command failed: go env", ['editor-go-run-failed']],
  ["Failed to run '/usr/bin/make build'", []],
  ['failed to run "npm version": exit 1', []],
  ['\tgo:\tundefined: undefined', ['go-binary-not-found']],
  ['\tgopls:\tundefined: undefined', []],
  ['x: undefined: undefined', []],
  // cgo: work/exec.go and cmd/cgo util.go
  ['cgo: C compiler "clang" not found: exec: "clang": executable file not found in $PATH', ['c-compiler-missing']],
  ['cgo: exec /opt/x-tools/bin/arm-gcc: fork/exec /opt/x-tools/bin/arm-gcc: no such file or directory', ['c-compiler-missing']],
  ['cgo: exec gcc: exec: "gcc": executable file not found in $PATH', ['c-compiler-missing']],
  ['cgo: exec gcc: exit status 1', []],
  // Delve pkg/goversion/compat.go
  ['Version of Go is too old for this version of Delve (minimum supported version 1.30, suppress this error with --check-go-version=false)', ['go-too-old-for-delve']],
  // cmd/go modload, modfetch, vcs and x/mod modfile (module-resolution)
  ['package acme.dev/kit/v3/log provided by acme.dev/kit/v3 at latest version v3.0.0 but not at required version v3.1.0-rc.1', ['package-not-found']],
  ['missing module for import: acme.dev/kit@v0.4.0 provides acme.dev/kit/log', ['package-not-found']],
  ['cmd/a/main.go:3:8: cannot find package "." in:\n\t/srv/app/vendor/acme.dev/kit', ['package-not-found']],
  ['go: ignoring package acme.dev/kit/log which exists in the vendor directory but is missing from vendor/modules.txt. To sync the vendor directory run go work vendor.', ['vendor-out-of-sync']],
  ['x.go:5:2: "../shared" is relative, but relative import paths are not supported in module mode', ['relative-import-in-module']],
  ['go: acme.dev/kit@v0.4.1-0.20300101000000-0123456789ab: invalid pseudo-version: revision is shorter than canonical (expected 0123456789abcdef)', ['pseudo-version-invalid']],
  ['go: acme.dev/kit@v3.0.0+incompatible: invalid version: +incompatible suffix not allowed: module contains a go.mod file, so semantic import versioning is required', ['module-path-mismatch']],
  ['go: acme.dev/kit@v0.4.0: unrecognized import path "acme.dev/kit": parse https://acme.dev/kit?go-get=1: no go-import meta tags ()', ['go-import-meta-missing']],
  ['/srv/app/go.mod:9: unknown block type: requirements', ['go-mod-invalid']],
  ['config.toml:3: usage: require a value', []],
  ['Set GOPATH environment variable and restart VS Code or set GOPATH in Workspace settings', ['gopath-invalid']],
  ['go: github.com/acme/kit@v1.0.0: neither GOPATH nor GOMODCACHE are set', ['gopath-invalid']],
  // An editor plugin's sentence for the same (vim-go's "vim.go: $GOPATH is not set").
  ['vim-go: $GOPATH is not set', ['gopath-invalid']],
  ['error: GOPATH environment variable is not set', ['gopath-invalid']],
  ['go: cannot find GOROOT', ['goroot-invalid']],
  // gopls cache/load.go moduleErrorMap
  ['Error loading workspace: 2 modules have errors:', ['workspace-load-failed', 'modules-have-errors']],
  ['\t3 modules have errors:', ['modules-have-errors']],
  ['load failed: module name in /srv/app/go.mod contains "command-line-arguments", which is disallowed', ['modules-have-errors']],
  // vim-go autoload/go/lsp.vim when `go env GOMOD` failed
  ['vim-go: could not determine appropriate working directory for gopls', ['vim-go-env-failed']],
  // mason.nvim lua/mason-core/spawn.lua
  ['spawn: go failed with exit code - and signal -. go is not executable', ['go-not-executable-mason']],
  ['spawn: cargo failed with exit code - and signal -. cargo is not executable', ['program-not-found-shells']],
  ['spawn: go failed with exit code 1 and signal -. go: module lookup disabled by GOPROXY=off', ['goproxy-off-lookup']],
  ['/usr/local/go is not executable', []],
  // protoc's subprocess.cc and buf's plugin lookup; gopls's importer
  ['protoc-gen-twirp: program not found or is not executable', ['codegen-plugin-not-on-path']],
  ['plugin connect-go: could not find protoc plugin for name connect-go - please make sure protoc-gen-connect-go is installed and present on your $PATH', ['codegen-plugin-not-on-path']],
  ['x.go:4:2: could not import acme.dev/shared (missing metadata for import of "acme.dev/shared")', ['import-metadata-missing']],
  ['invalid pseudo-version number in config', []],
];

describe('lane gocmd: the go command\'s, the Go extension\'s, cgo\'s and Delve\'s own words, one rule per upstream phrasing', () => {
  it.each(GOCMD_CASES)('%s', (line, want) => {
    expect(ids(line).sort()).toEqual([...want].sort());
  });

  it('a relative import in published diagnostics is the user\'s code, not read', () => {
    expect(matchRules('x.go:5:2: "./util" is relative, but relative import paths are not supported in module mode', { inDiagnostics: true }).map((r) => r.id)).toEqual([]);
  });
});
