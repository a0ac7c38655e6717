// Lane env2's env-inheritance families (issue 11, round 2): each on lines built from the format
// string of the program named in the rule's comment (cmd/go, systemd, coreutils/BSD/BusyBox env,
// POSIX sh's status 127, clients' own "not in your PATH" checks), with other names, paths and
// versions than any corpus text; and the near-misses that must say nothing of the environment: a
// user's test named TestPATH, a program's own "not found", a GOPATH-mode message that is module
// resolution's, a CRLF script, a deployment's missing absolute path, a seccomp-refused shell.
import { describe, expect, it } from 'vitest';
import { matchRules, type RuleId } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';
import { GoEnvListing, goDirOnPath } from '../../../src/goplsLog/goEnvListing.js';

const ids = (line: string) => matchRules(line).map((r) => r.id);

const CASES: Array<[string, RuleId[]]> = [
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
  // the toolchain switch's own words stay envmod's
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
];

describe('lane env2 message families: one rule per upstream phrasing', () => {
  it.each(CASES)('%s', (line, want) => {
    expect(ids(line)).toEqual(want);
  });
});

describe('lane env2 families through the engine', () => {
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

  it('a user program printing "not found" and a test named TestPATH give no environment cause', () => {
    const causes = rank('=== RUN   TestPATH\n    path_test.go:12: key "go" not found in map\n--- FAIL: TestPATH (0.00s)\nFAIL\n');
    expect(causes.filter((c) => c.id === 'env-inheritance')).toEqual([]);
    expect(causes.every((c) => c.severity !== 'error')).toBe(true);
  });
});

describe('the Go extension could run no go (its tools block, lane env2)', () => {
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
