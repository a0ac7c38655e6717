// Lines that are no failure's words (resemblance/words.ts skips them): what a bug report's form,
// a CI runner, the go command's -x trace and gopls's healthy start put around a failure, whatever
// the failure. Their words are the same in every report, so reading them only tilts the word model
// towards whichever class's tuning texts happened to paste them. Each set names the program whose
// format it is; a line that only resembles one (a tool's own error naming $WORK, an invalid build
// configuration, a FAILED install, a job's env: settings) is not here and keeps its words. Pure.

/**
 * Lines a bug report's template puts around the failure, whatever the failure (golang/go's and the
 * Go extension's issue forms, .github/ISSUE_TEMPLATE): a Markdown heading of two to four #'s ("###
 * Output of `go env` in your module/workspace:"); a variable of an environment listing (`go env` in
 * any shape: GOSUMDB='sum.golang.org', set GOPATH=C:\\go, export GOFLAGS=…); `go version`'s output
 * and the prompt lines that ask for these ("$ go env"); the Go extension's form's instructions
 * ("* Run `gopls -v version` to get version of Gopls from…"). Their words are the same in every
 * report (sum, golang, prefix and tmp from -ffile-prefix-map=/tmp/go-build…, "linux amd", "your
 * module", "integrated terminal"), so they only tilt the guess towards whichever class's tuning
 * texts happened to paste one. What a listing shows that matters (GOROOT's release, GO111MODULE=off,
 * a foreign GOOS) goEnvListing.ts reads as facts. One # is not a heading here: it is the go
 * command's "# example.com/pkg"; nor five: cmd/dist's "##### Testing packages.".
 */
const TEMPLATE_LINE = new RegExp(
  [
    String.raw`^\s*#{2,4}\s`,
    String.raw`^\s*(?:set\s+|export\s+)?[A-Z][A-Z0-9_]*=(?:'[^']*'|"[^"]*"|\S*)\s*$`,
    String.raw`^\s*(?:[-*]\s+)?(?:\$\s*)?go version go\d\S* \w+/\w+\s*$`,
    String.raw`^\s*\$\s*(?:go (?:version|env)|gopls (?:-v )?version|code(?:-insiders)? -v)\s*$`,
    // "Go: Locate Configured Go Tools" (vscode-go commands/getConfiguredGoTools.ts), which the form
    // asks for: its environment lines, each installed tool with its version, an optional tool
    // not installed (gopls or go missing is not boilerplate, and stays), the workspace's folder.
    String.raw`^\s*(?:[-*]\s+)?#\s*Tools Configuration\s*$`,
    String.raw`^\s*(?:GOBIN|GOROOT|GOPATH|PATH|gopath|toolsGopath)(?: \(vscode launched with\))?:(?:\s|$)`,
    String.raw`^\s*[\w.-]+:\s+\S+\s+\(version: [^)]*\)\s*$`,
    String.raw`^\s*go:\s+\S+: go version go\S+ \S+\s*$`,
    String.raw`^\s*(?!go:|gopls:)[\w.-]+:\s+(?:not installed|\S+: unknown version)\s*$`,
    // The Go extension's word that a tool installation went well (vscode-go goInstallTools.ts):
    // "Installing …@latest (…) SUCCEEDED", "All tools successfully installed. You are ready to Go :)."
    // And the head every install prints, good or bad ("Tools environment: GOPATH=…", "Installing 1
    // tool at … in module mode."): until 2026-12-02 23:10 it kept its words, on the argument that a
    // pasted install is mostly a failed one; but a failed install says so in its own lines
    // ("Installing …@latest (…) FAILED" and the go command's error, which keep theirs), and the
    // head's words ("installing", "module mode", "tools") leaned any text after a successful
    // install to gopls-launch (a successful install before each tuning negative: 63 of 162 with a
    // warning first, 30 bare). The tools' names under the head (goInstallTools.ts: each missing
    // tool's name on a line of its own, indented by two spaces) went too on 2026-12-03 09:45: kept
    // on the argument that gopls named is gopls named, they leaned a successful install before a
    // user's own test panic to gopls-launch once the model was retrained on 1078 texts; a failed
    // install names the tool again in its own FAILED line, which keeps its words. The names are
    // the extension's tools (goToolsInformation.ts, as facts/goToolsCatalog.ts lists them); the
    // indentation is not required, for the analyzer reads a line without it.
    String.raw`^\s*(?:gopls|dlv|staticcheck|golangci-lint|revive|golint|goimports|gofumpt|gotests|impl|gomodifytags|goplay)\s*$`,
    String.raw`^\s*Installing \S+ \([^)]*\) SUCCEEDED\s*$`,
    String.raw`^\s*Installing \d+ tools? at \S.* in module mode\.\s*$|^\s*Tools environment: `,
    String.raw`^\s*All tools successfully installed\.`,
    // `gopls -v version` (gopls/internal/debug/info.go): "Build info", the rule under it, the main
    // module, each dependency with its h1: hash, and the go it was built with.
    String.raw`^\s*(?:[-*]\s+)?(?:Build info|-{5,}|go: go\d\S*)\s*$`,
    String.raw`^\s*golang\.org/x/tools/gopls (?:v|\(devel)\S*\s*$`,
    String.raw`^\s*[\w.-]+(?:/[\w.-]+)*@v\S+\s+h1:\S+\s*$`,
    String.raw`^\s*Workspace Folder \([^)]*\): `,
    // VS Code's Help > About, which its issue forms ask for ("Version: 1.88.1", "Commit: e170252…",
    // "Electron: 28.2.8", "Chromium: …", "Node.js: …", "V8: …", "OS: Linux x64 6.5.0-27-generic").
    String.raw`^\s*(?:Electron|ElectronBuildId|Chromium|Node\.js|V8): \d\S*\s*$`,
    String.raw`^\s*(?:Commit: [0-9a-f]{40}|Date: \d{4}-\d\d-\d\dT\S+|Version: \d+\.\d+\.\d+(?: \((?:user|system) setup\))?|OS: (?:Linux|Darwin|Windows_NT) \S+ \S+)\s*$`,
    // A Markdown code fence and its language tag ("\x60\x60\x60shell", "\x60\x60\x60console").
    String.raw`^\s*(?:\x60{3,}|~{3,})\s*[\w+-]*\s*$`,
    // A folded section's label: "<details><summary>Version Information</summary>", "<summary><code>go env</code> Output</summary>".
    String.raw`^\s*(?:<details>\s*)?<summary>.*</summary>`,
    String.raw`^\s*(?:[-*]\s+)?(?:Run \x60(?:go version|gopls -v version|code -v)\x60|Check your installed extensions to get the version|Run Ctrl\+Shift\+P)`,
  ].join('|'),
);
/**
 * Lines a runner prints when a step it ran failed, whatever failed in it: they say a step failed
 * and with which exit code, and nothing else. The code is all they carry (137 is a SIGKILL, 127 a
 * program not found), the rules read it (memory.ts, env.ts), and words drop digits, so for the
 * model every such line reads the same. Tuning texts of killed builds carried them with 137, and
 * the model had learned "returned a non-zero code" and "process completed with exit code" as
 * memory-limit words: a Dockerfile's compile error or a failing test in Actions then leaned to a
 * memory kill. The programs' own formats (the Docker builders' lines quote the step's command,
 * and are read for it: stepCommand below): GitHub Actions' runner ("Process
 * completed with exit code N."), GitLab Runner ("Job failed: exit code N", "command terminated with
 * exit code N"), Jenkins' sh step ("script returned exit code N"), CircleCI ("Exited with code exit
 * status N"), Azure Pipelines ("Bash exited with code 'N'."), GNU make ("make: *** [target] Error
 * N"), and os/exec's "exit status N" alone on a line (go run's last line). With them, the legacy
 * builder's bookkeeping between steps (" ---> Running in 3f2a1b9c8d7e", "Removing intermediate
 * container …", " ---> 4c5d…").
 */
const RUNNER_LINE = new RegExp(
  [
    String.raw`^\s*(?:##\[error\]|Error: )?Process completed with exit code \d+\.?\s*$`,
    String.raw`^\s*(?:ERROR: )?Job failed: (?:command terminated with )?exit code \d+\s*$`,
    String.raw`^\s*(?:ERROR: )?script returned exit code \d+\s*$`,
    String.raw`^\s*Exited with code (?:exit status )?\d+\s*$`,
    String.raw`^\s*(?:##\[error\])?\w+ exited with code '\d+'\.?\s*$`,
    String.raw`^\s*g?make(?:\[\d+\])?: \*\*\* \[[^\]]*\] Error \d+\s*$`,
    String.raw`^\s*exit status \d+\s*$`,
    String.raw`^\s*---> (?:Running in [0-9a-f]+|Using cache|[0-9a-f]+)\s*$`,
    String.raw`^\s*Removing intermediate container [0-9a-f]+\s*$`,
    // The Dev Containers CLI's lifecycle hooks (devcontainers/cli postCommands: "${postCommandName}
    // failed with exit code ${code}. Skipping any further user-provided commands."), behind its
    // "[12555 ms] " or a log's ISO time: the user's own command failed, and this says only that.
    String.raw`^\s*(?:\[[^\]\n]{1,40}\] )?\w+Command(?: from devcontainer\.json)? failed with exit code \d+\.(?: Skipping any further user-provided commands\.)?\s*$`,
    String.raw`^\s*Skipping any further user-provided commands\.\s*$`,
    // cmd/go's progress as it fetches a module (modfetch "go: downloading %s %s", 1.11–1.12's "go:
    // extracting"): every build that fetched prints it, whatever failed after.
    String.raw`^\s*go: (?:downloading|extracting) \S+ v\S+\s*$`,
  ].join('|'),
);
/**
 * A CI runner's bookkeeping around the steps, the same in every job whatever failed (GitHub Actions'
 * raw log): its group markers and command echoes ("##[group]Run …", "##[endgroup]", "[command]/usr/bin/git
 * …", "shell: /usr/bin/bash -e {0}", a bare "with:" or "env:"), actions/setup-go's progress (src/main.ts,
 * installer.ts: "Setup go version spec 1.22", "Found in cache @ …", "Added go to the path",
 * "Successfully set up Go version 1.22", "Acquiring go1.22.1 from …", "Extracting Go..."), and
 * actions/cache's ("Received 104857600 of 284707931 (36.8%), 50.0 MBs/sec", "Cache Size: ~272 MB",
 * "Cache restored successfully", "Cache restored from key: …"). Their words ("added go to the path",
 * "set up go version") are env-inheritance's vocabulary, so a failing test in Actions leaned there.
 * So are setup-go's own inputs under with: (go-version: 1.22, cache: true); the entries under env:
 * (GOFLAGS: -mod=vendor) are the job's settings and keep their words.
 */
const CI_CHATTER = new RegExp(
  [
    String.raw`^\s*##\[(?:group|endgroup|add-matcher)\]`,
    String.raw`^\s*\[command\]`,
    String.raw`^\s*(?:shell: \S+.*\{0\}|with:|env:|Post job cleanup\.|Cleaning up orphan processes)\s*$`,
    String.raw`^\s*(?:Setup go version spec |Found in cache @ |Added go to the path\s*$|Successfully set up Go version |Setting GOROOT for Go version|Attempting to download |Acquiring go\S* from |Extracting Go\.\.\.|Successfully extracted go to |Adding to the cache|Successfully cached go to |Attempting to resolve the latest version|Resolved as |Not found in manifest|Install from dist)`,
    // actions/setup-go's inputs as the runner echoes them under with: (its action.yml).
    String.raw`^\s*(?:go-version|go-version-file|check-latest|token|cache|cache-dependency-path|architecture): \S`,
    String.raw`^\s*(?:Received \d+ of \d+ \(|Cache Size: |Cache restored (?:successfully|from key: )|Cache not found for input keys: |Cache hit occurred on the primary key |Cache saved (?:successfully|with key: ))`,
  ].join('|'),
);
/**
 * The go command's `-x` trace: the script it runs, printed before any of it fails (cmd/go's
 * work/exec.go and shell.go: "WORK=/tmp/go-build…", "mkdir -p $WORK/b001/", "cat >$WORK/b001/importcfg
 * << 'EOF' # internal", "# import config", "packagefile fmt=…", "EOF", "cd /home/ann/app",
 * ".../pkg/tool/linux_amd64/compile -o $WORK/b001/_pkg_.a -trimpath …", "mv $WORK/b001/exe/a.out app").
 * Every build prints the same steps; their words ("tmp", "build", "work", "pkg tool") leaned to fs-access
 * and noexec-mount, so any failure pasted with -x did. A tool's own error names $WORK too ("compile:
 * writing output: write $WORK/b001/_pkg_.a: no space left on device"): only the script's shapes are here.
 */
const BUILD_SCRIPT = new RegExp(
  [
    String.raw`^\s*WORK=\S+\s*$`,
    String.raw`^\s*(?:mkdir -p|mv|cp|rm -rf?|touch) \$WORK/`,
    String.raw`^\s*cat >\s*\$WORK/\S+ << 'EOF' # internal\s*$`,
    String.raw`^\s*(?:# import config|EOF)\s*$`,
    String.raw`^\s*(?:packagefile|importmap|packageshlib|modinfo) \S`,
    String.raw`^\s*cd \S+\s*$`,
    String.raw`^\s*\S*/pkg/tool/\w+/(?:compile|link|asm|cgo|pack|buildid|vet|cover) -`,
  ].join('|'),
);
/**
 * gopls's own account of a healthy start, in every log it writes: the view's environment
 * (gopls/internal/cache session.go viewEnv, "go info for %v\n(go dir %s)\n(go version %s)\n(valid
 * build configuration = %v)\n(build flags: %v)\n(selected go env: %v)"; before v0.15 view.go
 * WriteEnv's "go env for %v\n(root %s)…" and its KEY=value lines, which TEMPLATE_LINE skips), a
 * packages.Load event's line, and the labels its event exporter prints under an event ("\tsnapshot=0",
 * "\tdirectory=…", "\tquery=[…]", "\tpackages=12", "\tduration=…"). Their words (go env, build
 * configuration, packages load) are module-resolution's vocabulary, so any gopls log that held them
 * leaned there, whatever went wrong in it. An invalid build configuration (= false) and an error
 * label ("\terror=…") are not healthy, and keep their words.
 */
const GOPLS_CHATTER = new RegExp(
  [
    String.raw`^\s*(?:\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(?:\.\d+)? )?(?:go (?:env|info) for \S.*|go/packages\.Load #\d+)$`,
    String.raw`^\s*\((?:root|go dir|go version|build flags:|selected go env:) .*\)\s*$`,
    String.raw`^\s*\(valid build configuration = true\)\s*$`,
    String.raw`^\t(?!err(?:or)?=)[a-z_]+=`,
  ].join('|'),
);
/**
 * `kubectl describe`'s Events table (k8s.io/kubectl pkg/describe DescribeEvents: "Events:", a
 * "Type Reason Age From Message" header, its dashes, then a row per event, tab-aligned), its rows of
 * type Normal: the scheduler placing the pod, the kubelet pulling an image, creating and starting a
 * container. Every pod that ran has them; their words ("container", "kubelet", "image", "node")
 * leaned a refusal in the log before them to a bind mount's SELinux label. A Warning row (BackOff,
 * OOMKilling, FailedMount) is what went wrong, and keeps its words.
 */
const KUBE_EVENTS = new RegExp(
  [
    String.raw`^\s*Events:\s*(?:<none>\s*)?$`,
    String.raw`^\s*Type\s+Reason\s+Age\s+From\s+Message\s*$`,
    String.raw`^\s*-{4}\s+-{6}\s+-{3,4}\s+-{4}\s+-{7}\s*$`,
    String.raw`^\s*Normal\s{2,}[A-Z]\w*\s{2,}\S`,
  ].join('|'),
);
/**
 * The Go extension's debug console as a session starts (vscode-go goDebugFactory.ts and Delve's own
 * banner): "Starting: /home/ann/go/bin/dlv dap --listen=127.0.0.1:38697 --log-dest=3 from
 * /home/ann/app", "DAP server listening at: 127.0.0.1:38697", "Type 'dlv help' for list of
 * commands.". Every debug session prints them; their words (dlv, dap, listen, starting) are not the
 * failure's, and "starting … bin" leaned a refusal after them to noexec-mount.
 */
const DEBUG_CONSOLE = /^\s*Starting: \S*dlv(?:\.exe)? dap --listen=\S+|^\s*DAP server listening at: \S+\s*$|^\s*Type 'dlv help' for list of commands\.\s*$/;
/**
 * dockerd's stop escalation, logged at info on every `docker stop` of a container that ignores its
 * stop signal (daemon/stop.go): "Container 3f2a… failed to exit within 10 seconds of signal 15 -
 * using the force" (older: "Container … failed to exit within 10 seconds of kill - trying direct
 * SIGKILL"). A container that takes its time to stop is no failure; the words are the daemon's, and
 * a tuning report that also carried them (moby#47720, AppArmor refusing the signal) was the
 * nearest report to the catalog's harmless row.
 */
const DOCKERD_STOP = /\bContainer (?:\S+ )?failed to exit within \d+ ?s(?:econds)? of (?:signal \d+ - using the force|kill - trying direct SIGKILL)/;
/**
 * moby's legacy builder's step header (builder/dockerfile): "Step 5/9 : RUN go build -o /out/app
 * ./cmd/app". Every step of every build prints one; a step that fails is quoted again by the
 * builder's failure line, whose command STEP_COMMAND reads (its bookkeeping between steps, " --->
 * Running in …" and "Removing intermediate container …", is RUNNER_LINE's). The header's own words
 * ("step", "run") leaned a negative pasted inside a Dockerfile build to module-resolution.
 */
const DOCKER_STEP = /^\s*Step \d+\/\d+ : /;
/**
 * A go command as typed, alone on its line: at a shell prompt ("$ go build ./...", "user@host:~/app$
 * go test -race ./...", "PS C:\app> go run ."), under `set -x` ("+ go vet ./..."), or as a CI runner
 * echoes a step's script before running it ("go build ./..." under "##[group]Run go build ./..."). It
 * says what the user ran, which every report of every class ran too; its verbs ("build", "test",
 * "install") only tilt the guess towards whichever class's tuning texts pasted theirs. With corpus46's
 * CI reports in the model, the echoed "go build ./..." alone lifted a tuning negative (gopls's
 * "context canceled") to a module-resolution warning. The command's own failure is a line of its own
 * and keeps its words. Not here: a line with a "word: " in it, which is cmd/go's error format ("go
 * build runtime/cgo: copying …: permission denied", "go get: …"); a command after an environment
 * assignment ("GOFLAGS=-mod=vendor go build"), which says what the environment set; and a command
 * whose arguments are not a flag, a package pattern, a path or a module@version. Each argument matches one
 * alternative one way (a flag is one dash and the rest; a path is one run, checked ahead for its mark): with
 * "-{1,2}" or a path split around its mark, a long line of such arguments that fails at its end backtracked
 * over every split (twenty arguments, 60 ms; resemblance.test.ts times it).
 */
const TYPED_GO_COMMAND = new RegExp(
  String.raw`^\s*(?:[$%>+❯#]\s*|\S+@\S+:\S*[$#]\s*|PS \S+>\s*|\S+>\s+)?go (?:build|test|run|install|vet|get|generate|list|clean|fmt|mod (?:tidy|download|vendor|verify|why|graph|init)|work (?:sync|use|init)|version -m|env(?: -w)?)(?:\s+(?:-[\w.-]+(?:=\S*)?|(?!-)(?=[\w~*\${}-]*[./@*~\$])[\w./@~*\${}-]+(?<!:)|[A-Z][A-Z0-9_]+))*\s*$`,
  'u',
);
/** HTML a form wraps a pasted block in (<details><summary><code>go env</code> Output</summary><br><pre>): markup, not words. */
const FORM_TAGS = /<\/?(?:details|summary|code|pre|br|p|b|kbd)\s*\/?>/gi;

/**
 * A builder's word that a step failed quotes the step's command, and the command is the report's own
 * (GOFLAGS=-mod=vendor go build, a script, a go run): moby's legacy builder "The command '/bin/sh -c
 * …' returned a non-zero code: 1", BuildKit's `process "/bin/sh -c …" did not complete successfully:
 * exit code: 1` and its older `executor failed running [/bin/sh -c …]: exit code: 1`. Only the
 * command is read, without the shell that ran it; the wrapper's words are the same for every step.
 */
const STEP_COMMAND = /(?:\bThe command '(.*)' returned a non-zero code|\bprocess "(.*)" did not complete successfully: exit code|\bexecutor failed running \[(.*)\]: exit code): \d+\s*$/;
const SHELL_C = /^\s*(?:\/bin\/)?(?:ba|da)?sh -c\s+/;

/** The command a builder's failed-step line quotes, or undefined when the line is no such line. */
export function stepCommand(line: string): string | undefined {
  if (!line.includes('code')) return undefined;
  const m = STEP_COMMAND.exec(line);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? m[3] ?? '').replace(SHELL_C, '');
}

/** True for a runner's or builder's line that says a step failed and nothing else (RUNNER_LINE, or a builder's failed-step line, whatever command it quotes). */
export function isStepFailure(line: string): boolean {
  return RUNNER_LINE.test(line) || stepCommand(line) !== undefined;
}

/** True for a line that is boilerplate around a failure, not the failure's words. */
export function isBoilerplate(line: string): boolean {
  return TEMPLATE_LINE.test(line) || RUNNER_LINE.test(line) || CI_CHATTER.test(line) || BUILD_SCRIPT.test(line) || GOPLS_CHATTER.test(line) || KUBE_EVENTS.test(line) || DEBUG_CONSOLE.test(line) || DOCKERD_STOP.test(line) || DOCKER_STEP.test(line) || TYPED_GO_COMMAND.test(line);
}

/** The line without a form's HTML tags (each becomes a space). */
export function withoutFormTags(line: string): string {
  return line.includes('<') ? line.replace(FORM_TAGS, ' ') : line;
}
