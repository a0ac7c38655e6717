// The last fallback for a failure no rule and no mechanism names (issue 11): which class's real
// reports use these words (resemblance/). The words, the model's arithmetic on a model small
// enough to check by hand, and what a user sees through the analyzer and the probe with the
// shipped model. The failure lines are written for this test (not corpus texts): a go test binary
// refused on a mount, a snap-packaged editor that cannot reach go.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addWords, wordsOf } from '../../../src/goplsLog/resemblance/words.js';
import { parseModel, resemble, MIN_MARGIN, swapShippedModel } from '../../../src/goplsLog/resemblance/classify.js';
import { parseWeights, REFUSING_LAYERS, swapShippedRefusalModel } from '../../../src/goplsLog/resemblance/refusal.js';
import { analyzeText, SHORT_TEXT_LINES, tellsOfTrouble } from '../../../src/goplsLog/analyzer.js';
import { matchRules } from '../../../src/goplsLog/rules.js';
import { mechanismOf } from '../../../src/goplsLog/mechanisms.js';
import { findingsOf, GOPLS_NAMED_CONFIDENCE, MECHANISM_CONFIDENCE, RESEMBLANCE_CONFIDENCE, timesAsLikely } from '../../../src/probes/goplsLogs.js';
import { FindingSchema, type Finding } from '../../../src/doctor/model.js';
import { rankCauses } from '../../../src/doctor/rank.js';

describe('a builder\'s failed step around lines that tell of no trouble lends the model no words', () => {
  it('reads nothing in a Dockerfile step whose only failure line is the step\'s own', () => {
    const text = "Step 5/9 : RUN go build -o /out/srv ./cmd/srv\n ---> Running in 0a1b2c3d4e5f\n[INFO] resolving dependencies for package alpha\nThe command '/bin/sh -c go build -o /out/srv ./cmd/srv' returned a non-zero code: 1\n";
    expect(analyzeText(text).resemblanceWords).toEqual([]);
    // A line of trouble inside the step still lets it read the text.
    expect(analyzeText(text.replace('[INFO] resolving', 'error: cannot resolve')).resemblanceWords.length).toBeGreaterThan(0);
  });
});

describe('tellsOfTrouble: the lines that let the word model read a short text', () => {
  it.each([
    // Failure words, errnos, exits, and trouble short of failure.
    ['go: cannot find GOROOT directory', true],
    ['Connection to server got closed. Server will restart.', false],
    // A state that is trouble by itself, or a rule unmet, with no failure word.
    ['    Reason: OOMKilled', true],
    ["finished with non-zero exit value 137", true],
    ['mkdir /_go_os_test: read-only file system', true],
    ['gopls requires a module at the root of your workspace.', true],
    ['$GOPATH/go.mod exists but should not', true],
    ['package go/build/constraint is not in GOROOT (/usr/local/go/src/go/build/constraint)', true],
    ['go: inconsistent vendoring in /src:', true],
    ['Trace/breakpoint trap', true],
    // Module trouble with no failure word: needed, required as something else, no such, false.
    ['go: updates to go.mod needed; to update it:', true],
    ['\tbut was required as: github.com/ann/tool', true],
    ['(valid build configuration = false)', true],
    ['ambiguous import: found package example.org/x/y in multiple modules', true],
    ['no such package in module example.org/x', true],
    ['(valid build configuration = true)', false],
    // A limit reached, a fork rejected, an exception: trouble in other programs' words.
    ['The configured user limit (128) on the number of inotify instances has been reached', true],
    ['[ 814.796021] cgroup: fork rejected by pids controller in', true],
    ['Unhandled exception. System.IO.IOException: The configured user limit (128)', true],
    ['java.io.IOException: User limit of inotify watches reached', true],
    ['working directory is not part of a module', true],
    // cmd/go's requirements unmet (modload/init.go, load/pkg.go), with no failure word.
    ['build flag -mod=vendor only valid when using modules', true],
    ['\tmore replace directives. It must not contain directives that would cause', true],
    // A counter at zero is a listing of nothing that happened, whatever its name.
    ['oom_kill 0', false],
    ['failcnt: 0', false],
    ['oom_kill 3', true],
    // A compile error's "must" is the user's code, not trouble of the environment.
    ['//go:linkname must refer to declared function or variable', false],
    // Healthy output: a version, an environment listing, a build step.
    ['golang.org/x/tools/gopls v0.23.0', false],
    ['GOROOT: /usr/local/go', false],
    ['Step 4/12 : RUN go mod download', false],
    // A runner's or builder's word that a step failed says that, not how: the failure is inside.
    ["The command '/bin/sh -c go build -o /out/app ./cmd/app' returned a non-zero code: 1", false],
    ['##[error]Process completed with exit code 1.', false],
    ['make: *** [Makefile:12: build] Error 2', false],
  ])('%j → %s', (line, want) => {
    expect(tellsOfTrouble(line)).toBe(want);
  });
});

describe('wordsOf: words and neighbouring pairs, line by line', () => {
  it.each([
    // A compiler's position names the user's file: its words are not the failure's.
    ['pkg/aa/mount.go:8:2: package slices is not in GOROOT (/usr/lib/go-1.19/src/slices)', ['package', 'slices', 'goroot'], ['mount', 'pkg']],
    ['  ./internal/watch/inotify.go:12:3: undefined: unix.InotifyInit1', ['undefined', 'unix'], ['watch', 'internal']],
    // A stack frame carries no column: gopls's own frames keep saying gopls.
    ['\t/home/u/go/pkg/mod/golang.org/x/tools/gopls@v0.16.1/internal/cache/load.go:123 +0x48', ['gopls', 'cache', 'load'], []],
    // A position later in the line is not at its start: left alone.
    ['vet: error at main.go:3:1: exec: "gcc": executable file not found', ['main', 'gcc'], []],
  ])('%s', (line, has, hasNot) => {
    const ws = wordsOf(line);
    for (const w of has) expect(ws.has(w), w).toBe(true);
    for (const w of hasNot) expect(ws.has(w), w).toBe(false);
  });
  it.each([
    ['fork/exec /tmp/go-build1/b001/x.test: permission denied', ['fork', 'exec', 'tmp', 'build', 'test', 'permission', 'denied', 'fork+exec', 'exec+tmp', 'tmp+go', 'go+build', 'build+test', 'test+permission', 'permission+denied']],
    ['1GB limit', ['limit']],
    // Digits end a word and are not words, and the letters of an address start none.
    ['pid 4242 0xc000376270 Killed go1.21', ['pid', 'killed', 'pid+killed', 'killed+go']],
    // Upper case folds; two-letter words join pairs only, one-letter ones not even that.
    ['GO mod Is  a dog', ['mod', 'dog', 'go+mod', 'mod+is', 'is+dog']],
    [`alpha ${'x'.repeat(31)} beta`, ['alpha', 'beta']],
    // A logfmt record (logrus, slog, go-kit) is read for its message: time=, level=, msg= are its logger's.
    ['time="2024-03-02T10:11:12Z" level=error msg="go get: permission denied"', ['get', 'permission', 'denied', 'go+get', 'get+permission', 'permission+denied']],
    ['', []],
  ])('%j', (line, want) => {
    expect([...wordsOf(line)].sort()).toEqual([...want].sort());
  });

  // What an issue form puts around a failure says nothing about it (words.ts TEMPLATE_LINE): the
  // shapes of golang/go's and the Go extension's forms, of `go env`, `gopls -v version` and "Go:
  // Locate Configured Go Tools".
  it.each([
    '### Output of `go env` in your module/workspace:',
    "GOSUMDB='sum.golang.org'",
    'GOGCCFLAGS="-fPIC -m64 -pthread -fmessage-length=0 -ffile-prefix-map=/tmp/go-build2532093422=/tmp/go-build"',
    'set GOPATH=C:\\Users\\ann\\go',
    'export GOFLAGS=-mod=mod',
    'go version go1.22.1 linux/amd64',
    '    - go version go1.22.1 linux/amd64',
    '$ go env',
    '* Run `gopls -v version` to get version of Gopls from _the VS Code integrated terminal_.',
    'Run Ctrl+Shift+P (Cmd+Shift+P on Mac OS) > `Go: Locate Configured Go Tools` command.',
    '    - # Tools Configuration',
    'PATH: /home/ann/go/bin:/usr/local/go/bin:/usr/bin:/bin',
    'toolsGopath:',
    '\tgopls:\t/home/ann/go/bin/gopls\t(version: v0.15.3 built with go: go1.22.1)',
    '\tgo:\t/usr/local/go/bin/go: go version go1.22.1 linux/amd64',
    '\tgotests:\tnot installed',
    'Workspace Folder (app): /home/ann/src/app',
    '    - Build info',
    '    golang.org/x/tools/gopls v0.15.3',
    '        golang.org/x/mod@v0.15.0 h1:SernR4v+D55NyBH2QiEQrlBAnj1ECL6AGrA5+dPaMY8=',
    'Version: 1.88.1 (user setup)',
    'Commit: e170252f762678dec6ca2cc69aba1570769a5d39',
    'Electron: 28.2.8',
    'Node.js: 18.18.2',
    'OS: Linux x64 6.5.0-27-generic',
    '```shell',
    '<details><summary><code>go env</code> Output</summary><br><pre>',
    // A runner's word that a step failed, and with which code (words.ts RUNNER_LINE): the code is the rules'.
    'Error: Process completed with exit code 1.',
    '##[error]Process completed with exit code 2.',
    'ERROR: Job failed: exit code 1',
    'ERROR: Job failed: command terminated with exit code 1',
    'script returned exit code 1',
    'Exited with code exit status 1',
    "##[error]Bash exited with code '1'.",
    'make: *** [Makefile:12: build] Error 1',
    'make[2]: *** [test] Error 2',
    'exit status 2',
    ' ---> Running in 3f2a1b9c8d7e',
    ' ---> 4c5d6e7f8a9b',
    'Removing intermediate container 3f2a1b9c8d7e',
    // The Dev Containers CLI's lifecycle hooks (devcontainers/cli postCommands).
    '[12555 ms] postCreateCommand failed with exit code 127. Skipping any further user-provided commands.',
    '[9932 ms] postStartCommand from devcontainer.json failed with exit code 1. Skipping any further user-provided commands.',
    'onCreateCommand from devcontainer.json failed with exit code 128.',
    'Skipping any further user-provided commands.',
    'go: downloading github.com/spf13/cobra v1.8.0',
    // A CI runner's bookkeeping (words.ts CI_CHATTER): GitHub Actions, actions/setup-go, actions/cache.
    '##[group]Run actions/setup-go@v5',
    '##[endgroup]',
    '[command]/opt/hostedtoolcache/go/1.22.4/x64/bin/go env GOMODCACHE',
    'shell: /usr/bin/bash -e {0}',
    'with:',
    '  go-version: 1.22.x',
    '  check-latest: false',
    'Setup go version spec 1.22.x',
    'Found in cache @ /opt/hostedtoolcache/go/1.22.4/x64',
    'Added go to the path',
    'Successfully set up Go version 1.22.x',
    'Received 104857600 of 284707931 (36.8%), 50.0 MBs/sec',
    'Cache restored successfully',
    'Cache restored from key: setup-go-Linux-ubuntu22-go-1.22.4-9f8bf866',
        // The go command's -x trace (words.ts BUILD_SCRIPT).
    'WORK=/tmp/go-build2830581617',
    'mkdir -p $WORK/b001/',
    "cat >$WORK/b001/importcfg << 'EOF' # internal",
    '# import config',
    'packagefile fmt=/home/ann/.cache/go-build/3c/3c5e-d',
    'EOF',
    'cd /home/ann/src/app',
    '/usr/local/go/pkg/tool/linux_amd64/compile -o $WORK/b001/_pkg_.a -trimpath "$WORK/b001=>" -p main -lang=go1.22 ./main.go',
    'mv $WORK/b001/exe/a.out app',
    // gopls's healthy start (words.ts GOPLS_CHATTER).
    '2024/03/01 10:41:12 go info for /home/ann/src/app',
    'go env for /home/ann/src/app',
    '(go dir /home/ann/src/app)',
    '(root /home/ann/src/app)',
    '(go version go version go1.22.1 linux/amd64)',
    '(valid build configuration = true)',
    '(build flags: [])',
    '(selected go env: [GO111MODULE=, GOFLAGS=, GOMOD=/home/ann/src/app/go.mod, GOPATH=/home/ann/go])',
    '2024/03/01 10:41:13 go/packages.Load #1',
    '\tsnapshot=0',
    '\tdirectory=/home/ann/src/app',
    '\tquery=[./... builtin]',
    // The Go extension's word that a tool installation went well.
    'Installing golang.org/x/tools/gopls@latest (/home/ann/go/bin/gopls) SUCCEEDED',
    'All tools successfully installed. You are ready to Go. :)',
    // …and the head every install prints, good or bad (a failed one says so in its own lines, below).
    'Tools environment: GOPATH=/home/ann/go',
    'Installing 1 tool at /home/ann/go/bin in module mode.',
    'Installing 12 tools at /home/ann/go/bin in module mode.',
    // …and the tools' names listed under that head (a failed install names the tool again in its FAILED line, below).
    '  gopls',
    '  golangci-lint',
    '    PATH (vscode launched with): /usr/local/bin:/usr/bin:/bin',
    '\tgotests:\t/home/ann/go/bin/gotests: unknown version',
    // The Go extension's debug console as a session starts (boilerplate.ts DEBUG_CONSOLE).
    'Starting: /home/ann/go/bin/dlv dap --listen=127.0.0.1:38697 --log-dest=3 from /home/ann/src/app',
    'DAP server listening at: 127.0.0.1:38697',
    "Type 'dlv help' for list of commands.",
    // kubectl describe's Events table, its Normal rows (boilerplate.ts KUBE_EVENTS).
    'Events:',
    'Events:  <none>',
    '  Type    Reason     Age   From               Message',
    '  ----    ------     ----  ----               -------',
    '  Normal  Scheduled  2m    default-scheduler  Successfully assigned ci/builder-7f9c to node-3',
    '  Normal  Pulled     2m    kubelet            Container image "golang:1.22" already present on machine',
    '  Normal  Started    12s (x3 over 2m)  kubelet, node-3  Started container build',
    // moby's legacy builder's step header (boilerplate.ts DOCKER_STEP: the failure line quotes a
    // failed step's command) and its bookkeeping between steps (RUNNER_LINE).
    'Step 5/9 : RUN go build -o /out/app ./cmd/app',
    ' ---> Running in 3f2a1b9c8d7e',
    ' ---> Using cache',
    ' ---> 0a1b2c3d4e5f',
    'Removing intermediate container 3f2a1b9c8d7e',
    // dockerd's stop escalation (boilerplate.ts DOCKERD_STOP), with and without the container's id.
    'time="2024-05-02T10:11:12.123456789Z" level=info msg="Container 3f2a9c0b1d4e failed to exit within 10 seconds of signal 15 - using the force"',
    'time="2024-04-15T14:15:26Z" level=info msg="Container failed to exit within 2s of signal 3 - using the force" container=24cf886faaa4',
    'level=error msg="Container failed to exit within 10s of kill - trying direct SIGKILL"',
    // A go command as typed at a prompt, under set -x, or echoed by a runner before its step runs
    // (boilerplate.ts TYPED_GO_COMMAND).
    'go build ./...',
    '$ go test -race -count=1 ./...',
    'ann@box:~/src/app$ go run .',
    '+ go mod download',
    'PS C:\\src\\app> go build -o app.exe',
    'root@4bcb8d9b7641:/go/src/app# go install github.com/example/tool@latest',
    '% go get -u golang.org/x/tools/gopls@v0.15.3',
    '$ go env GOMOD',
  ])('a form\'s or a runner\'s line has no words: %j', (line) => {
    expect([...wordsOf(line)]).toEqual([]);
  });

  it.each([
    // One # is the go command's package header, not a heading.
    ['# example.org/app', ['example', 'org', 'app', 'example+org', 'org+app']],
    // gopls or go missing from the tools listing is the failure itself.
    ['\tgopls:\tnot installed', ['gopls', 'not', 'installed', 'gopls+not', 'not+installed']],
    // A variable set in a sentence, not a listing, is read.
    ['GOFLAGS=-mod=vendor breaks gopls', ['goflags', 'mod', 'vendor', 'breaks', 'gopls', 'goflags+mod', 'mod+vendor', 'vendor+breaks', 'breaks+gopls']],
    // The form's tags go; what they wrap stays.
    ['<pre>go: not found</pre>', ['not', 'found', 'go+not', 'not+found']],
    // A fetch that failed says why.
    ['go: downloading example.org/lib v1.2.3: verifying module: checksum mismatch', ['downloading', 'example', 'org', 'lib', 'verifying', 'module', 'checksum', 'mismatch', 'go+downloading', 'downloading+example', 'example+org', 'org+lib', 'lib+verifying', 'verifying+module', 'module+checksum', 'checksum+mismatch']],
    // A job's own settings under env: keep theirs.
    ['  GOFLAGS: -mod=vendor', ['goflags', 'mod', 'vendor', 'goflags+mod', 'mod+vendor']],
    // gopls's own account that something is wrong keeps its words.
    ['(valid build configuration = false)', ['valid', 'build', 'configuration', 'false', 'valid+build', 'build+configuration', 'configuration+false']],
    ['\terror=no required module provides package', ['error', 'required', 'module', 'provides', 'package', 'error+no', 'no+required', 'required+module', 'module+provides', 'provides+package']],
    ['##### Testing packages.', ['testing', 'packages', 'testing+packages']],
    ['Installing golang.org/x/tools/gopls@latest FAILED', ['installing', 'golang', 'org', 'tools', 'gopls', 'latest', 'failed', 'installing+golang', 'golang+org', 'org+tools', 'tools+gopls', 'gopls+latest', 'latest+failed']],
    // A Docker builder's failed step is read for the command it quotes, not the shell or the wrapper.
    ["The command '/bin/sh -c GOFLAGS=-mod=vendor go build -o /out/app ./cmd/app' returned a non-zero code: 1", ['goflags', 'mod', 'vendor', 'build', 'out', 'app', 'cmd', 'goflags+mod', 'mod+vendor', 'vendor+go', 'go+build', 'build+out', 'out+app', 'app+cmd', 'cmd+app']],
    ['ERROR: failed to solve: process "/bin/sh -c go build ./..." did not complete successfully: exit code: 1', ['build', 'go+build']],
    ['executor failed running [/bin/sh -c go mod download]: exit code: 2', ['mod', 'download', 'go+mod', 'mod+download']],
    // A step's failure that says more than its code.
    ['exit status 1: stderr: go: no such tool', ['status', 'stderr', 'such', 'tool', 'exit+status', 'status+stderr', 'stderr+go', 'go+no', 'no+such', 'such+tool', 'exit']],
    // A Warning event is what went wrong.
    ['  Warning  OOMKilling  2m  kernel-monitor, node-3  Memory cgroup out of memory: Killed process 4242 (gopls)', ['warning', 'oomkilling', 'kernel', 'monitor', 'node', 'memory', 'cgroup', 'out', 'killed', 'process', 'gopls', 'warning+oomkilling', 'oomkilling+kernel', 'kernel+monitor', 'monitor+node', 'node+memory', 'memory+cgroup', 'cgroup+out', 'out+of', 'of+memory', 'memory+killed', 'killed+process', 'process+gopls']],
    // An environment set on the command's line is the environment's, and keeps its words.
    ['$ GOFLAGS=-mod=vendor go build ./...', ['goflags', 'mod', 'vendor', 'build', 'goflags+mod', 'mod+vendor', 'vendor+go', 'go+build']],
    ["make: *** No rule to make target 'build'.  Stop.", ['make', 'rule', 'target', 'build', 'stop', 'make+no', 'no+rule', 'rule+to', 'to+make', 'make+target', 'target+build', 'build+stop']],
  ])('…but a line that only looks like one keeps its words: %j', (line, want) => {
    expect([...wordsOf(line)].sort()).toEqual([...want].sort());
  });

  // A typed go command's arguments each match one way (boilerplate.ts TYPED_GO_COMMAND): a long line of
  // them that fails at its end must not backtrack over every split of every argument.
  it.each(['--a', '-a.b', './x/...', 'a@v1', 'GOMOD'])('a 4 KB typed go command of %j arguments that fails at its end reads in well under a second', (arg) => {
    const line = `go build${` ${arg}`.repeat(Math.ceil(4000 / (arg.length + 1)))} :`;
    const t = performance.now();
    wordsOf(line);
    expect(performance.now() - t).toBeLessThan(500);
  });

  it.each([
    // A tool's own failure names $WORK too, and keeps its words.
    ['compile: writing output: write $WORK/b001/_pkg_.a: no space left on device', ['compile', 'writing', 'output', 'space', 'left', 'device', 'no+space']],
    ['/usr/local/go/pkg/tool/linux_amd64/link: running gcc failed: exit status 1', ['link', 'running', 'gcc', 'failed', 'gcc+failed']],
    // …nor Delve's own failure after its banner.
    ['could not launch process: fork/exec /home/ann/src/app/__debug_bin: permission denied', ['launch', 'process', 'fork+exec', 'permission+denied']],
    // …nor cmd/go's own errors, which begin like a typed command (boilerplate.ts TYPED_GO_COMMAND).
    ['go build runtime/cgo: copying /tmp/go-build1/b003/_cgo_.o: permission denied', ['go+build', 'runtime', 'copying', 'permission+denied']],
    ['go install requires a version when current directory is not in a module', ['go+install', 'requires', 'version', 'module']],
  ])('…nor is a tool\'s error in the -x trace: %j', (line, some) => {
    const got = wordsOf(line);
    for (const w of some) expect(got.has(w), w).toBe(true);
  });

  it('pairs never span two lines', () => {
    expect(wordsOf('out of\nmemory').has('of+memory')).toBe(false);
  });

  it('keeps only what the filter accepts (the analyzer keeps the vocabulary)', () => {
    const into = new Set<string>();
    addWords('permission denied here', into, (w) => w.startsWith('perm'));
    expect([...into]).toEqual(['permission', 'permission+denied']);
  });
});

describe('resemble: Bernoulli naive Bayes with a margin, on a model small enough to work by hand', () => {
  // 10 texts of each: "inotify" in 8 of file-watch's, "permission" in 8 of fs-access's, "the" in nearly all.
  const model = parseModel(['file-watch', 'fs-access', 'negative'], [10, 10, 10], ['inotify 8 0 0', 'permission 0 8 1', 'the 9 9 9', 'undefined 0 0 9'].join('\n'));

  it('names the class whose words these are, with the words that lean to it', () => {
    const r = resemble(['inotify', 'the'], model, 0)!;
    expect(r.classId).toBe('file-watch');
    expect(r.words).toEqual(['inotify']);
    expect(r.runnerUp).toBe('fs-access');
    // By hand: P(w | c) = (count + 0.1) / (10 + 0.2); a class's score is log P(c) plus, for every
    // word of the model, log P(w | c) if present and log(1 − P(w | c)) if absent.
    const p = (c: number) => (c + 0.1) / 10.2;
    const score = (inotify: number, permission: number, the: number, undef: number) =>
      Math.log(1 / 3) + Math.log(p(inotify)) + Math.log(1 - p(permission)) + Math.log(p(the)) + Math.log(1 - p(undef));
    const margin = score(8, 0, 9, 0) - Math.max(score(0, 8, 9, 0), score(0, 1, 9, 9));
    expect(r.margin).toBeCloseTo(margin, 1);
  });

  it('says nothing when the words lean to "negative", or not clearly enough', () => {
    expect(resemble(['undefined', 'the'], model, 0)).toBeUndefined();
    const r = resemble(['inotify'], model, 0)!;
    expect(resemble(['inotify'], model, r.margin + 0.5)).toBeUndefined();
  });

  it('says nothing about words it has never seen', () => {
    expect(resemble(['zebra', 'quux'], model, 0)).toBeUndefined();
    expect(resemble([], model, 0)).toBeUndefined();
  });

  it('the held-out check swaps the shipped model for its fold model, and undefined restores it', () => {
    const before = resemble(['inotify', 'the']);
    swapShippedModel(model);
    try {
      expect(resemble(['inotify', 'the'], undefined, 0)?.classId).toBe('file-watch');
      expect(resemble(['zebra-free', 'permission', 'the'], undefined, 0)?.classId).toBe('fs-access');
    } finally {
      swapShippedModel(undefined);
    }
    expect(resemble(['inotify', 'the'])).toEqual(before);
  });

  it('a malformed model fails at load, naming the word', () => {
    expect(() => parseModel(['file-watch', 'negative'], [1, 1], 'inotify 1 0 0')).toThrow(/"inotify" has 3 counts for 2 labels/);
  });
});

// The shipped model, through the analyzer and the probe: what a user sees.
const NOEXEC = 'go test failed: exec /tmp/go-build123/b001/x.test is not allowed on this mount';
const SNAP = 'the snap package of the editor cannot reach the go binary installed under /usr/local/go/bin';

const findings = (text: string, file = '/logs/gopls.log') => findingsOf(file, analyzeText(text)).map((f) => FindingSchema.parse(f) as Finding);
const hintOf = (fs: readonly Finding[]) => fs.find((f) => f.headline === 'resembles-reports');

describe('the finding: a hint from words, the weakest thing the doctor says', () => {
  it('these lines are known to no rule and name no mechanism (else this would test the rules)', () => {
    for (const l of [NOEXEC, SNAP]) {
      expect(matchRules(l, {})).toEqual([]);
      expect(mechanismOf(l)).toBeUndefined();
    }
  });

  it('a mount refusing a test binary, in words no rule knows: a noexec-mount hint, quoting its words and line', () => {
    const fs = findings(`$ go test ./...\n${NOEXEC}\n`);
    const h = hintOf(fs)!;
    expect(h).toMatchObject({ classId: 'noexec-mount', severity: 'warning', role: 'symptom', symptom: 'exec-denied', confidence: RESEMBLANCE_CONFIDENCE });
    expect(h.message).toMatch(/^No message the doctor knows matched gopls\.log, but its words are those real noexec-mount reports use \("[^"+]+"(, "[^"+]+")*\), far more than (harmless output does|[a-z-]+ reports do)\./);
    expect(h.message).toContain('"exec tmp"');
    expect(h.message).toMatch(/A guess from the words, not a diagnosis/);
    // Beside a message the doctor knows that says only that gopls died, the hint does not claim
    // nothing matched: it says what matched does not say why.
    const closed = hintOf(findings(`$ go test ./...\n${NOEXEC}\n[Info  - 10:15:12 AM] Connection to server got closed. Server will restart.\n`))!;
    expect(closed.message).toMatch(/^The messages the doctor knows in gopls\.log say that gopls died or failed, not why, but its words are those real noexec-mount reports use/);
    expect(h.evidence).toContainEqual({ source: '/logs/gopls.log', line: 2, excerpt: NOEXEC });
    const causes = rankCauses(fs);
    expect(causes[0]).toMatchObject({ id: 'noexec-mount', severity: 'warning', headlines: ['resembles-reports'] });
    // An unexplained symptom says which checks would settle it.
    expect(causes[0]!.findings[0]!.unexplained?.checks.map((c) => c.probe)).toContain('mounts');
  });

  it('a snap editor that cannot reach go: an env-inheritance hint', () => {
    expect(hintOf(findings(`${SNAP}\n`))).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
  });

  it('is weaker than a named mechanism and the gopls fallback, and never an error', () => {
    expect(RESEMBLANCE_CONFIDENCE).toBeLessThan(GOPLS_NAMED_CONFIDENCE);
    expect(GOPLS_NAMED_CONFIDENCE).toBeLessThan(MECHANISM_CONFIDENCE);
    expect(MIN_MARGIN).toBeGreaterThan(0);
  });

  it('says nothing when a rule names a class in the same log', () => {
    const fs = findings(`${NOEXEC}\nfatal error: runtime: out of memory\n`);
    expect(hintOf(fs)).toBeUndefined();
    expect(fs.some((f) => f.classId === 'memory-limit')).toBe(true);
  });

  it('but the bare "server closed" symptom leaves room for it, and the hint goes first', () => {
    const closed = '[Info  - 10:15:12 AM] Connection to server got closed. Server will restart.';
    const fs = findings(`${SNAP}\n${closed}\n`, '/logs/1-gopls (server).log');
    const causes = rankCauses(fs);
    expect(causes.map((c) => c.id)).toEqual(['env-inheritance', 'gopls-launch']);
    expect(causes.every((c) => c.severity === 'warning')).toBe(true);
    // A mount refusing an exec does not kill a server, but "the server died" is no lead at all: the mount goes first.
    expect(rankCauses(findings(`${NOEXEC}\n${closed}\n`, '/logs/1-gopls (server).log')).map((c) => c.id)).toEqual(['noexec-mount', 'gopls-launch']);
  });

  it("a refusal with kubectl describe's Normal events after it keeps the file mode's reading: the pod's bookkeeping is no SELinux word", () => {
    const refusal = 'ccache: error: Failed to create directory /home/ann/.cache/ccache/lock: Permission denied';
    const events = ['', 'Events:', '  Type    Reason     Age   From               Message', '  ----    ------     ----  ----               -------', '  Normal  Scheduled  2m    default-scheduler  Successfully assigned ci/builder-7f9c to node-3', '  Normal  Pulled     2m    kubelet            Container image "golang:1.22" already present on machine', '  Normal  Created    2m    kubelet            Created container build', '  Normal  Started    2m    kubelet            Started container build'];
    const fs = findings([refusal, ...events, ''].join('\n'));
    expect(hintOf(fs)).toBeUndefined();
    expect(rankCauses(fs)[0]).toMatchObject({ id: 'fs-access' });
  });

  it("pasted inside an issue form, with go env and the tools listing, a failure gets the same hint, and a panic of the user's program still none", () => {
    const form = (failure: string) =>
      [
        '### What version of Go, VS Code & VS Code Go extension are you using?',
        '<details><summary>Version Information</summary><br>',
        '',
        '* Run `go version` to get version of Go from _the VS Code integrated terminal_.',
        '    - go version go1.23.2 linux/amd64',
        '* Run `gopls -v version` to get version of Gopls from _the VS Code integrated terminal_.',
        '    - Build info',
        '      ----------',
        '      golang.org/x/tools/gopls v0.16.2',
        '          golang.org/x/tools/gopls@v0.16.2 h1:K1z03MlikHfaMTtG01cUeL5FAOTJnITuNe0TWOcg8tM=',
        '          golang.org/x/sync@v0.8.0 h1:3NFvSEYkUoMifnESzZl15y791HH1qU2xm6eCJU5ZPXQ=',
        '      go: go1.23.2',
        '* Run Ctrl+Shift+P (Cmd+Shift+P on Mac OS) > `Go: Locate Configured Go Tools` command.',
        '    - # Tools Configuration',
        '## Environment',
        'GOBIN: undefined',
        'toolsGopath: ',
        'gopath: /home/dana/go',
        'GOROOT: /usr/local/go',
        'PATH: /home/dana/go/bin:/usr/local/go/bin:/usr/local/bin:/usr/bin:/bin',
        '## Tools',
        '\tgo:\t/usr/local/go/bin/go: go version go1.23.2 linux/amd64',
        '\tgopls:\t/home/dana/go/bin/gopls\t(version: v0.16.2 built with go: go1.23.2)',
        '\tgotests:\tnot installed',
        '\timpl:\tnot installed',
        '## Go env',
        'Workspace Folder (svc): /home/dana/src/svc',
        "\tGOPATH='/home/dana/go'",
        "\tGOSUMDB='sum.golang.org'",
        "\tGOMOD='/home/dana/src/svc/go.mod'",
        '</details>',
        '',
        '### Describe the bug',
        '```console',
        failure,
        '```',
      ].join('\n');
    const bare = hintOf(findings(`$ go test ./...\n${NOEXEC}\n`))!;
    const inForm = hintOf(findings(form(`$ go test ./...\n${NOEXEC}`)))!;
    expect(bare.classId).toBe('noexec-mount');
    expect(inForm.classId).toBe('noexec-mount');
    // The same words are quoted: the form added none.
    expect(inForm.message.match(/\("[^)]*\)/)?.[0]).toBe(bare.message.match(/\("[^)]*\)/)?.[0]);
    const panic = 'panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.parseArgs(...)\n\t/home/dana/src/svc/main.go:41\nmain.main()\n\t/home/dana/src/svc/main.go:17 +0x1d\nexit status 2';
    expect(hintOf(findings(panic))).toBeUndefined();
    expect(hintOf(findings(form(panic)))).toBeUndefined();
  });

  it('a deadlock of a program run in a Dockerfile build and a failing test in a CI step give no hint: the runner\'s wrapper is no memory kill', () => {
    const docker = [
      'Step 4/7 : RUN go build -o /out/svc ./cmd/svc',
      ' ---> Running in 9a8b7c6d5e4f',
      'fatal error: all goroutines are asleep - deadlock!',
      '',
      'goroutine 1 [chan receive]:',
      'main.main()',
      '\t/src/cmd/svc/gen.go:14 +0x7d',
      "The command '/bin/sh -c go build -o /out/svc ./cmd/svc' returned a non-zero code: 1",
    ].join('\n');
    const actions = ['Run go test ./...', '--- FAIL: TestRoute (0.00s)', '    route_test.go:18: got 404, want 200', 'FAIL', 'FAIL\texample.org/svc/route\t0.012s', 'Error: Process completed with exit code 1.'].join('\n');
    expect(hintOf(findings(docker))).toBeUndefined();
    expect(hintOf(findings(actions))).toBeUndefined();
  });

  it("a failing test in a GitHub Actions job, setup-go's and the cache's progress before it, gets no hint", () => {
    const job = [
      '##[group]Run actions/setup-go@v5',
      'with:',
      '  go-version: 1.23.x',
      '  check-latest: false',
      '  token: ***',
      '  cache: true',
      '##[endgroup]',
      'Setup go version spec 1.23.x',
      'Found in cache @ /opt/hostedtoolcache/go/1.23.2/x64',
      'Added go to the path',
      'Successfully set up Go version 1.23.x',
      '[command]/opt/hostedtoolcache/go/1.23.2/x64/bin/go env GOMODCACHE',
      'Received 52428800 of 104857600 (50.0%), 49.9 MBs/sec',
      'Cache restored successfully',
      '##[group]Run go test ./...',
      'go test ./...',
      'shell: /usr/bin/bash -e {0}',
      '##[endgroup]',
      'ok  \texample.org/svc/api\t0.012s',
      '--- FAIL: TestSeed (1.02s)',
      '    seed_test.go:40: context deadline exceeded',
      'FAIL',
      'FAIL\texample.org/svc/seed\t1.031s',
      '##[error]Process completed with exit code 1.',
    ].join('\n');
    expect(hintOf(findings(job))).toBeUndefined();
  });

  it('a compile error and a failing test give no hint', () => {
    expect(hintOf(findings('# example.org/app\n./main.go:12:2: undefined: Client\n./main.go:14:5: x declared and not used\n'))).toBeUndefined();
    expect(hintOf(findings('--- FAIL: TestParse (0.00s)\n    parse_test.go:31: got 3, want 4\nFAIL\nFAIL\texample.org/app\t0.004s\n'))).toBeUndefined();
  });
});

describe('what the model reads', () => {
  const QUIET_CACHE = 'the build cache lives under /tmp';
  const healthy = (n: number) => Array.from({ length: n }, (_, i) => `2026/12/01 10:00:${String(i % 60).padStart(2, '0')} request ${i} served`).join('\n');

  it(`a short text (≤ ${SHORT_TEXT_LINES} lines) that tells of a failure: every plain line`, () => {
    const s = analyzeText(`go test ran under /tmp\nerror: the run stopped\n`);
    expect(s.resemblanceWords).toEqual(expect.arrayContaining(['tmp', 'stopped']));
  });

  it('trouble told without a failure word counts: a file outside the workspace\'s modules', () => {
    const line = 'the folder you opened is outside of every module your workspace lists; imports stay unresolved';
    expect(matchRules(line, {})).toEqual([]);
    expect(hintOf(findings(`${line}\n`))).toMatchObject({ classId: 'module-resolution', severity: 'warning' });
    // Without the trouble ("outside"), the same words tell of nothing: no hint.
    expect(hintOf(findings(`${line.replace('outside of', 'in')}\n`))).toBeUndefined();
  });

  it('a text that tells of no failure: nothing (gopls version names gopls, and nothing failed)', () => {
    expect(analyzeText(`${SNAP.replace('cannot reach', 'reaches')}\n`).resemblanceWords).toEqual([]);
  });

  it('a long log: only the lines around a failure line, so a healthy day of output says nothing', () => {
    const QUIET = 'the build cache lives under /tmp';
    expect(matchRules(QUIET, {})).toEqual([]);
    const quiet = analyzeText(`${healthy(300)}\n${QUIET}\n${healthy(300)}\n`);
    expect(quiet.resemblanceWords).toEqual([]);
    expect(hintOf(findingsOf('/logs/gopls.log', quiet) as Finding[])).toBeUndefined();
    // The same line just before a failure line is read, and the failure line, and those just after.
    const failing = analyzeText(`${healthy(300)}\n${QUIET}\n${NOEXEC}\n${healthy(300)}\n`);
    expect(failing.resemblanceWords).toEqual(expect.arrayContaining(['cache', 'build+cache', 'go+build', 'failed']));
    expect(failing.resemblanceWords).not.toContain('served');
    expect(hintOf(findingsOf('/logs/gopls.log', failing) as Finding[])).toMatchObject({ classId: 'noexec-mount' });
  });

  it("a line with Go's log timestamp is read when it reports a failure itself, and not when it is chatter", () => {
    // Every Go program's log package prints "2022/11/14 14:40:53 …", as gopls's event lines do.
    const line = `2026/12/01 10:00:07 ${NOEXEC}`;
    expect(matchRules(line, {})).toEqual([]);
    expect(hintOf(findings(`${line}\n`))).toMatchObject({ classId: 'noexec-mount', severity: 'warning' });
    // An errno's text is a failure on such a line too.
    const quota = '2013/03/01 12:58:55 watcher.go:54: the watcher quota is exhausted for this user';
    expect(matchRules(quota, {})).toEqual([]);
    expect(analyzeText(`${quota}\n`).resemblanceWords).toContain('watcher');
    // The same shape saying nothing failed gives the model nothing, as before.
    expect(analyzeText(`2026/12/01 10:00:07 go env for /home/ann/proj\n2026/12/01 10:00:08 ${QUIET_CACHE}\n`).resemblanceWords).toEqual([]);
  });

  it('EAGAIN on a non-blocking read or write tells of no trouble; on a fork it does', () => {
    // Go's *PathError for I/O on a descriptor set O_NONBLOCK: no task limit.
    for (const l of ['write /dev/stdout: resource temporarily unavailable', 'read /dev/stdin: resource temporarily unavailable']) {
      expect(tellsOfTrouble(l)).toBe(false);
      expect(analyzeText(`${l}\n`).resemblanceWords).toEqual([]);
    }
    expect(tellsOfTrouble('fork/exec /usr/local/go/bin/go: resource temporarily unavailable')).toBe(true);
    // Python raises BlockingIOError for a refused fork too: still read.
    expect(tellsOfTrouble('BlockingIOError: [Errno 11] Resource temporarily unavailable')).toBe(true);
  });

  it("a user's program's crash: its first line's words are read (the crash names nothing, it is not gopls's)", () => {
    const crash = `panic: ${SNAP}\n\ngoroutine 1 [running]:\nmain.main()\n\t/home/ann/x/main.go:9 +0x1d\nexit status 2\n`;
    expect(hintOf(findings(crash))).toMatchObject({ classId: 'env-inheritance', severity: 'warning' });
  });

  it("an LSP record's body is gopls's own chatter: not read", () => {
    const trace = `[Trace - 10:00:00 AM] Received notification 'window/logMessage'.\nParams: {"type":3,"message":"${NOEXEC}"}\n\n`;
    expect(analyzeText(trace).resemblanceWords).toEqual([]);
  });

  it('…except an error gopls sent the editor to log (window/logMessage type 1): its message, line by line', () => {
    // JSON-escaped as the trace prints it: the message's second line is go's stderr.
    const message = JSON.stringify(`2026/12/01 10:00:00 running the tests:\n${NOEXEC}`).slice(1, -1);
    const trace = (type: number) => `[Trace - 10:00:00 AM] Received notification 'window/logMessage'.\nParams: {"type":${type},"message":"${message}"}\n\n`;
    expect(matchRules(`Params: {"type":1,"message":"${message}"}`, {})).toEqual([]);
    const s = analyzeText(trace(1));
    expect(s.resemblanceWords).toEqual(expect.arrayContaining(['mount', 'go+build']));
    expect(hintOf(findingsOf('/logs/gopls.log', s) as Finding[])).toMatchObject({ classId: 'noexec-mount', severity: 'warning' });
    // An info line (type 3) with the same words stays chatter; so does the editor's own message.
    expect(analyzeText(trace(3)).resemblanceWords).toEqual([]);
    expect(analyzeText(trace(1).replace('Received', 'Sending')).resemblanceWords).toEqual([]);
  });

  const F = path.resolve('test/fixtures');
  it.each(['logs/trace-healthy.rpc.log', 'logs/trace-broken-import.rpc.log', 'gopls/sessions/healthy.json', 'gopls/gopls-version-v0.23.0.txt', 'gopls/go-version-m-gopls.txt'])('real healthy log %s: no hint', (file) => {
    expect(hintOf(findingsOf(file, analyzeText(readFileSync(path.join(F, file)))) as Finding[])).toBeUndefined();
  });
});

describe('timesAsLikely: a margin in words', () => {
  it.each([
    [1, '2.7 times'],
    [1.8, '6.0 times'],
    [3, 'over 20 times'],
    [2.9, '18.2 times'],
    [10, 'over 20 times'],
  ])('%s → %s', (m, want) => {
    expect(timesAsLikely(m)).toBe(want);
  });
});

describe('a bare "permission denied": which refusing layer do the words around it resemble?', () => {
  // Toy models: "configure" in noexec-mount reports, "labels" in mac-policy ones, "owner" in
  // fs-access ones. The word model's vocabulary is the words the analyzer keeps (its counts here
  // lean to no layer, so only the refusing layers' own model can decide); the refusing layers'
  // logistic model (refusal.ts) weighs them, among those three layers alone.
  const labels = ['env-inheritance', 'fs-access', 'noexec-mount', 'mac-policy', 'negative'] as const;
  const toy = parseModel(labels, [100, 100, 100, 100, 100], ['configure 0 50 50 50 0', 'labels 0 50 50 50 0', 'owner 0 50 50 50 0', 'permission+denied 1 90 90 90 0', 'denied 1 90 90 90 0', 'permission 1 90 90 90 1'].join('\n'));
  const layers = parseWeights(REFUSING_LAYERS, [0.2, 0, 0], ['configure -0.5 1.5 -0.5', 'labels -0.5 -0.5 1.5', 'owner 1.5 -0.5 -0.5', 'permission+denied 0.1 0.1 0.1'].join('\n'));
  const swapBoth = () => {
    swapShippedModel(toy);
    swapShippedRefusalModel(layers);
  };
  const refused = 'open /data/build/out: permission denied';
  afterAll(() => {
    swapShippedModel(undefined);
    swapShippedRefusalModel(undefined);
  });

  it('words of a noexec report: a noexec-mount hint that says the refusal named no layer, ranked before the bare refusal', () => {
    swapBoth();
    // The words are read only beside a failure line no rule named (the trouble gate).
    const fs = findings(`running configure for the build\n${refused}\nthe build failed\n`);
    const hint = hintOf(fs)!;
    expect(hint).toMatchObject({ classId: 'noexec-mount', severity: 'warning', role: 'symptom' });
    expect(hint.message).toMatch(/refused \("permission denied"\) and not by what/);
    // How much likelier, in words: the toy's noexec-mount outscores fs-access by 1.5 + 0.5 − 0.2 (e^1.8 ≈ 6.0).
    expect(hint.message).toContain('more than fs-access reports do (6.0 times as likely, by a model of the three layers trained on real reports)');
    expect(rankCauses(fs).filter((c) => c.severity !== 'info').map((c) => c.id)).toEqual(['noexec-mount', 'fs-access']);
  });

  it('the refusal alone is read too: its own words can name the layer', () => {
    swapBoth();
    const fs = findings('configure: error: cannot run the compiler: permission denied\n');
    expect(hintOf(fs)).toMatchObject({ classId: 'noexec-mount', severity: 'warning' });
    expect(hintOf(fs)!.evidence[0]!.excerpt).toBe('configure: error: cannot run the compiler: permission denied');
    // A Go program's refused open (go-file-refused) says no more about the layer: read the same way.
    expect(matchRules('configure: open /data/build/out: permission denied', {}).map((r) => r.id)).toEqual(['go-file-refused']);
    expect(hintOf(findings('configure: open /data/build/out: permission denied\n'))).toMatchObject({ classId: 'noexec-mount', severity: 'warning' });
  });

  it("words of the file's mode: no hint, the rule's fs-access reading stands", () => {
    swapBoth();
    expect(hintOf(findings(`the owner of the build directory changed\n${refused}\nthe build failed\n`))).toBeUndefined();
  });

  it('a refusal a rule placed (a noexec-mount rule) gets no second reading', () => {
    swapBoth();
    expect(hintOf(findings('running configure for the build\nfork/exec /tmp/go-build1/b001/exe/main: permission denied\nthe build failed\n'))).toBeUndefined();
  });
});
