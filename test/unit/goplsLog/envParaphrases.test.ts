// The env-inheritance rules widened for issue 11 (lane h13): the same facts in the other words
// programs print them in. Each row is built from the format string of the program named beside
// it, with other names, paths, versions and quotes than any corpus text; near-misses beside them
// (a project's own PATH or GOPATH notice, a program that coped, a user's compile error or test, a
// lookalike word) must say nothing of the environment.
import { describe, expect, it } from 'vitest';
import { matchRules, type RuleId } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const ids = (line: string) => matchRules(line).map((r) => r.id);

const CASES: Array<[string, RuleId[]]> = [
  // --- go named missing by a program's own lookup, without the word PATH (go-not-found-words) ---
  ['Go binary not found', ['go-not-found-words']],
  ['error: the go executable was not found', ['go-not-found-words']],
  ['[lsp] golang toolchain could not be located', ['go-not-found-words']],
  ["Could not find 'go' executable", ['go-not-found-words']],
  ['Unable to locate the Go installation', ['go-not-found-words']],
  ['failed to detect a go toolchain; set go.goroot', ['go-not-found-words']],
  ['Cannot find ‘go’', ['go-not-found-words']],
  ['No go executable found', ['go-not-found-words']],
  ['warning: no Go installations were found on this system', ['go-not-found-words']],
  ["Executable 'go' not found", ['go-not-found-words']],
  ['Binary "go.exe" was not found', ['go-not-found-words']],
  // …the words PATH and a client's own phrase still go to the rules that read them
  ['Unable to locate the go executable on the PATH', ['go-not-on-path-words']],
  ['Failed to find the "go" binary from PATH', ['go-binary-not-found']],
  // near-misses: go.mod, a package, a version, another program, a variable
  ['go: could not find go.mod in /home/ann/src', []],
  ["could not find 'go' module github.com/ann/kit", []],
  ['cargo binary not found', []],
  // (go-binary-not-found read "…-go binary not found" as go's before: a word boundary after "-")
  ['protoc-gen-go binary not found', []],
  ['mongo executable not found', []],
  ['algo toolchain not found', []],
  ['Could not find GOPATH/bin', []],
  // --- GOPATH or GOROOT a tool could not look up (goVarUnset), cmd/go's GOPATH-era refusal, os/user without USER or HOME ---
  ['[ERROR] Failed to find GOPATH', ['gopath-invalid']],
  ["plugin: couldn't determine $GOPATH", ['gopath-invalid']],
  ['Could not determine GOROOT', ['goroot-invalid']],
  ['lint: unable to locate GOROOT, is go installed?', ['goroot-invalid']],
  ["package github.com/ann/kit: cannot download, $GOPATH must not be set to $GOROOT. For more details see: 'go help gopath'", ['gopath-invalid']],
  ['get current user: user: Current requires cgo or $USER set in environment', ['home-unset']],
  ['hook: user: Current requires cgo or $USER, $HOME set in environment', ['home-unset']],
  // near-misses: a path under the variable, a value found
  ['Could not find GOROOT/src/runtime', []],
  ['unable to find $GOPATH/bin/dlv', []],
  // --- go started through a language's process API, ENOENT in that runtime's words (go-spawn-enoent-runtimes) ---
  ['Error: failed to execute gofmt: No such file or directory (os error 2)', ['go-spawn-enoent-runtimes']],
  ["thread 'main' panicked at tools/build.rs:41:9: could not run `go` version: No such file or directory (os error 2)", ['go-spawn-enoent-runtimes']],
  ['/usr/lib/ruby/3.2.0/open3.rb:222:in `spawn\': No such file or directory - go (Errno::ENOENT)', ['go-spawn-enoent-runtimes']],
  ["error: Uncaught (in promise) NotFound: Failed to spawn '/opt/sdk/bin/go': No such file or directory (os error 2)", ['go-spawn-enoent-runtimes']],
  ["System.ComponentModel.Win32Exception (2): An error occurred trying to start process 'go' with working directory '/home/bo/w'. No such file or directory", ['go-spawn-enoent-runtimes']],
  ['Can\'t exec "gofmt": No such file or directory at scripts/fmt.pl line 7.', ['go-spawn-enoent-runtimes']],
  ['Error: nu::shell::external_command\n  × Command `go` not found', ['go-spawn-enoent-runtimes']],
  // near-misses: another program, gopls (launch's), a file go could not open, go's own run of a missing file
  ['Error: failed to execute protoc: No such file or directory (os error 2)', []],
  ['failed to spawn gopls: No such file or directory (os error 2)', ['server-binary-missing']],
  ['failed to run go build: open /tmp/x/main.go: no such file or directory', []],
  ['No such file or directory - /etc/app.yml (Errno::ENOENT)', []],
  ['--- FAIL: TestFind (0.00s)\n    find_test.go:9: binary not found', []],

  // --- GOROOT and GOPATH missing in the words of programs that read them (goVarUnset) ---
  ['GOROOT not set', ['goroot-invalid']],
  ['error: $GOROOT environment variable is not set', ['goroot-invalid']],
  ['FATAL: GOROOT is undefined', ['goroot-invalid']],
  ['GOROOT must be set to build the plugin', ['goroot-invalid']],
  ['go: cannot find GOROOT directory: /opt/sdk/go1.19.13', ['goroot-invalid']],
  ['Error: GOPATH not set', ['gopath-invalid']],
  ['GOPATH environment variable was not set', ['gopath-invalid']],
  ['$GOPATH is empty; set it in your profile', ['gopath-invalid']],
  ['2021/02/03 10:11:12 Error running builder: invalid GOPATH ""', ['gopath-invalid']],
  ['GOPATH must be set', ['gopath-invalid']],
  // near-misses: a program that coped, systemctl's notice, lookalike names, a go env listing
  ['GOPATH not set, using default /home/ann/go', []],
  ['GOROOT is not set, defaulting to the go on PATH', []],
  ['Environment variable $GOROOT not set, ignoring.', []],
  ['MYGOPATH not set', []],
  ['GOROOT_FINAL is empty', []],
  ["GOPATH='/home/ann/go'", []],

  // --- Go's own build bootstrapping from the environment (src/make.bash, make.bat) ---
  ['Set $GOROOT_BOOTSTRAP to a working Go tree >= Go 1.20.6.', ['goroot-bootstrap-invalid']],
  ['"Set GOROOT_BOOTSTRAP to a working Go tree >= Go 1.4."', ['goroot-bootstrap-invalid']],
  ['ERROR: $GOROOT_BOOTSTRAP must not be set to $GOROOT', ['goroot-bootstrap-invalid']],
  ['##### Building Go bootstrap tool.', []],

  // --- the VS Code server's check of the remote host's C runtime ---
  ['Warning: Missing GLIBC >= 2.28! from /usr/lib64/libc-2.17.so', ['remote-server-libc-old']],
  ['[09:12:01.114] > Missing GLIBCXX >= 3.4.18!', ['remote-server-libc-old']],
  ['  - find GLIBC >= 2.28 (but found v2.26.0 instead) for GNU environments', ['remote-server-libc-old']],
  ['  - find GLIBCXX >= 3.4.25 (but found v3.4.19 instead) for GNU environments', ['remote-server-libc-old']],
  // near-misses: the summaries a regression of the check prints on a host that meets it too, the
  // check skipped, a package manager's own missing dependency
  ["[2025-02-11 08:00:00] error This machine does not meet Visual Studio Code Server's prerequisites, expected either...", []],
  ["[LinuxPrereqs]: The remote host may not meet VS Code Server's prerequisites for glibc and libstdc++", []],
  ['!!! WARNING: Skipping server pre-requisite check !!!', []],
  ['Warning: NixOS detected, skipping GLIBC check', []],
  ['Error: Missing required dependencies: libfoo', []],

  // --- a version manager's configured Go not installed (mise, rtx) ---
  ['mise WARN  missing: go@1.23.4', ['mise-go-missing']],
  ['mise WARN  missing: golangci-lint@1.61.0 node@22 go@1.22.8', ['mise-go-missing']],
  ['rtx WARN missing: golang@1.21.3', ['mise-go-missing']],
  // near-miss: other tools missing, not Go
  ['mise WARN  missing: node@20.11.0 python@3.12.1', []],
  ['mise WARN  missing: golangci-lint@1.61.0', []],

  // --- shells: a go path or shim that is gone, BusyBox's and bubblewrap's words ---
  ['/bin/sh: 1: /usr/local/go/bin/go: not found', ['go-not-found-shells']],
  ['bash: /home/ann/.asdf/shims/go: No such file or directory', ['go-not-found-shells']],
  ['zsh: no such file or directory: /home/ann/.local/share/mise/shims/go', ['go-not-found-shells']],
  ['bwrap: execvp go: No such file or directory', ['go-not-found-shells']],
  ['bwrap: execvp staticcheck: No such file or directory', ['program-not-found-shells']],
  ['bwrap: execvp gopls: No such file or directory', ['gopls-not-found-shells']],
  ['sh: staticcheck: not found', ['command-not-on-path']],
  ['/bin/sh: golangci-lint: not found', ['command-not-on-path']],
  ['/home/ann/.asdf/shims/go: line 4: /home/ann/.asdf/bin/asdf: No such file or directory', ['go-shim-no-version']],
  ['/home/ann/.goenv/shims/gofmt: line 21: goenv: command not found', ['go-shim-no-version']],
  // near-misses: words that end in "sh", a file named go, a project's own shims directory
  ['refresh: token: not found', []],
  ['ssh: host: not found', []],
  ['open /srv/app/bin/go.mod: no such file or directory', []],
  ['cp: cannot stat /tmp/shims/golden.txt: No such file or directory', []],

  // --- GOROOT named where nothing is ---
  ['Error: GOROOT does not exist: /usr/local/go', ['goroot-invalid']],
  ['$GOROOT directory /opt/go1.20 does not exist', ['goroot-invalid']],
  // near-misses: a file under GOROOT, a file named GOROOT
  ['stat /usr/local/go/src/runtime/foo.go: file does not exist', []],
  ['open /tmp/GOROOT.txt: file does not exist', []],

  // --- a library from outside the system's directories, without symbol versions ---
  ['/usr/bin/git: /home/ann/anaconda3/lib/libcurl.so.4: no version information available (required by /usr/bin/git)', ['foreign-lib-unversioned']],
  ['git: /opt/conda/envs/ml/lib/libcurl.so.4: no version information available (required by git)', ['foreign-lib-unversioned']],
  ['gcc: /nix/store/abc123-zlib-1.3/lib/libz.so.1: no version information available (required by gcc)', ['foreign-lib-unversioned']],
  // near-misses: the system's own directories and /usr/local/lib (ld.so.conf's, not a variable's)
  ['curl: /usr/local/lib/libcurl.so.4: no version information available (required by curl)', []],
  ['/usr/bin/ssh: /lib/x86_64-linux-gnu/libcrypto.so.1.1: no version information available (required by /usr/bin/ssh)', []],

  // --- the Flatpak editors' own trees ---
  ['    at Object.<anonymous> (/app/extra/vscode/resources/app/out/vs/workbench/api/node/extensionHostProcess.js:1:2)', ['sandboxed-editor-path']],
  ['spawn /app/share/codium/codium ENOENT', ['sandboxed-editor-path']],
  // near-miss: a web app's own /app/extra directory in a container
  ['open /srv/app/extra/vscode.json: no such file or directory', []],
];

describe('env-inheritance in the other words programs print it in (issue 11, lane h13)', () => {
  it.each(CASES)('%s', (line, want) => {
    expect(ids(line).sort()).toEqual([...want].sort());
  });
});

describe('the widened readings through the engine', () => {
  const rank = (text: string) => rankCauses(findingsOf('/logs/gopls.log', analyzeText(text)).map((f) => FindingSchema.parse(f)));

  it('a plugin that could not find the go binary leads the dead server it explains', () => {
    const causes = rank('[Error - 10:01:02] go binary could not be found\n[Info  - 10:01:03] Connection to server got closed. Server will restart.\n');
    expect(causes[0]?.id).toBe('env-inheritance');
    // (a warning: the lookup's words do not say go is installed elsewhere)
    expect(causes[0]?.severity).toBe('warning');
  });

  it("the remote server's glibc check is a warning of the environment, not an error", () => {
    const causes = rank('[12:18:40.938] > Missing GLIBCXX >= 3.4.18!\n[12:18:41.011] > Missing GLIBC >= 2.17!\n');
    expect(causes.map((c) => [c.id, c.severity])).toEqual([['env-inheritance', 'warning']]);
  });

  it('a program that coped with an unset GOPATH, and a failing test of its own, give no environment finding of a rule', () => {
    const text = 'GOPATH not set, using default /home/ann/go\n--- FAIL: TestGOPATH (0.00s)\n    env_test.go:14: GOPATH not found in config\nFAIL\n';
    expect(analyzeText(text).events.map((e) => e.ruleId)).toEqual([]);
    // (the word model may still find the words env-inheritance's: a guess, never an error)
    expect(rank(text).filter((c) => c.severity === 'error')).toEqual([]);
  });
});
