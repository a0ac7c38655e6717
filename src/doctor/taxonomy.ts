// The nine classes of shared/TAXONOMY.md: titles and the plain-language story of each, which
// the report shows above the evidence so a user knows why the editor shows what it shows.
import type { ClassId, HeadlineId, SymptomKind } from './model.js';

export interface ClassInfo {
  title: string;
  /**
   * The title of a cause that holds only information (severity info): nothing failed, so the
   * class's title, which tells of a failure, would overstate it (a tester read "gopls cannot place
   * your files in a module" above a note on a working setup).
   */
  noteTitle: string;
  /** What the user lives through, and why. */
  explanation: string;
  docs: string;
}

export const TAXONOMY: Record<ClassId, ClassInfo> = {
  'gopls-launch': {
    noteTitle: 'Notes on how gopls is found and started',
    title: 'gopls cannot start or keeps dying',
    explanation:
      'The editor gets completion, hover and diagnostics from gopls. When gopls cannot be found, cannot be executed, or dies during start-up, the Go extension has no language server: completion is dead and the server restarts or stays silent.',
    docs: 'https://go.dev/gopls/troubleshooting',
  },
  'env-inheritance': {
    noteTitle: "Notes on the environment the editor's Go tools get",
    title: "The editor does not see the environment your shell sees",
    explanation:
      'Programs started from the desktop launcher (or inside a Flatpak/Snap sandbox) do not read your shell start-up files, so PATH, GOPATH or GOROOT that work in a terminal are missing or different in the editor, and gopls or go run with the wrong ones.',
    docs: 'https://github.com/golang/vscode-go/wiki/troubleshooting#environment-variables',
  },
  'module-resolution': {
    noteTitle: 'Notes on how gopls places your files in modules',
    title: 'gopls cannot place your files in a module',
    explanation:
      'gopls builds a "view" for each module or go.work it finds. A folder without go.mod, several modules without go.work, GO111MODULE=off, or inconsistent vendoring leave files outside every view: imports turn red and gopls reports "no views" or "no view for file".',
    docs: 'https://go.dev/gopls/workspace',
  },
  'file-watch': {
    noteTitle: 'Notes on file watching',
    title: 'The file watcher has run out of inotify watches',
    explanation:
      'VS Code and gopls watch files through inotify, which has a per-user limit. When it is exhausted, new watches fail with ENOSPC: changes to go.mod and new files are not noticed until a restart.',
    docs: 'https://code.visualstudio.com/docs/setup/linux#_visual-studio-code-is-unable-to-watch-for-file-changes-in-this-large-workspace-error-enospc',
  },
  'memory-limit': {
    noteTitle: 'Notes on the memory gopls may use',
    title: 'A memory limit is killing or starving gopls',
    explanation:
      'gopls needs memory in proportion to the code it loads. Under a container or cgroup memory limit the kernel OOM-kills it without a stack trace, or throttles it near memory.high so everything crawls.',
    docs: 'https://docs.kernel.org/admin-guide/cgroup-v2.html#memory',
  },
  'process-limit': {
    noteTitle: 'Notes on process and thread limits',
    title: 'A process or thread limit stops go from starting workers',
    explanation:
      'go build, go test and gopls start many threads and processes. A cgroup pids.max, RLIMIT_NPROC or kernel.threads-max near its limit makes fork and thread creation fail with "resource temporarily unavailable".',
    docs: 'https://docs.kernel.org/admin-guide/cgroup-v1/pids.html',
  },
  'noexec-mount': {
    noteTitle: 'Notes on where go runs what it builds',
    title: 'Go builds test binaries where executing is forbidden',
    explanation:
      'go test and go run compile a binary into GOTMPDIR (or TMPDIR, usually /tmp) and execute it. On a file system mounted noexec the kernel refuses: "fork/exec /tmp/go-build…: permission denied", while editing still works.',
    docs: 'https://pkg.go.dev/cmd/go#hdr-Environment_variables',
  },
  'fs-access': {
    noteTitle: "Notes on Go's directories",
    title: 'Go cannot read or write its directories',
    explanation:
      'The module cache, build cache, GOPATH and gopls cache must be readable and writable by you, on a file system with free space and inodes. Wrong owners, read-only mounts, full disks and slow network file systems show up as "permission denied", "read-only file system", "no space left on device" or hangs.',
    docs: 'https://go.dev/ref/mod#module-cache',
  },
  'mac-policy': {
    noteTitle: 'Notes on the security policy in force',
    title: 'A security policy denies what file modes allow',
    explanation:
      'SELinux, AppArmor or a seccomp filter can deny an exec, a file open or a socket even when permissions look right. The denial is logged by the kernel, not shown by the editor.',
    docs: 'https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/9/html/using_selinux/troubleshooting-problems-related-to-selinux_using-selinux',
  },
};

/**
 * Titles for findings that are filed under a class without being its core story (model.ts
 * HEADLINE_IDS). A report that reads "gopls cannot start or keeps dying" above "dlv was built with
 * go1.21" is a false alarm to the reader; these say what was found instead.
 */
export const HEADLINES: Record<HeadlineId, Omit<ClassInfo, 'docs' | 'noteTitle'>> = {
  'stale-tools': {
    title: 'Go tools were built with an older Go',
    explanation:
      'gopls, Delve, the linters and the formatters read, type-check or debug code with the Go they were built with. Built with a Go older than the one in use, they can fail on newer syntax, report "requires newer Go version" or refuse to debug a newer program. They still start: rebuilding them with the current go fixes it.',
  },
  'ineffective-settings': {
    title: 'Settings that have no effect',
    explanation:
      'gopls and the Go extension ignore settings they do not know, and a deprecated setting stops working in a later release. Nothing fails to start because of them, but what they were meant to change does not happen: a misspelt analyzer stays off, a removed option does nothing.',
  },
  'tool-install': {
    title: 'Installing or updating gopls needs a newer Go',
    explanation:
      'Each gopls release needs a minimum Go to build, and "Go: Install/Update Tools" builds gopls with the go the extension installs tools with. When that go is older, the install fails, or first downloads a newer toolchain. The gopls already installed keeps running.',
  },
  'inotify-instances': {
    title: 'Too few inotify instances for the editor\'s file watchers',
    explanation:
      'Each program that watches files opens inotify instances (an editor window opens several: its server, its file watcher, its extension host), and fs.inotify.max_user_instances caps how many one user may hold. When none are left, the next watcher fails with EMFILE ("too many open files") however many watches are free, and changes on disk go unnoticed.',
  },
  // A tester's working workspace reached through a symlink was titled "gopls cannot place your
  // files in a module": nothing failed, the two paths are a risk, and the title says that.
  'module-file-syntax': {
    title: 'go cannot parse go.mod or go.work',
    explanation:
      'Every go command and gopls read go.mod (and go.work, where there is one) first. A line go does not understand, a misspelt directive, a malformed module path or go version, stops them all before any package loads: the editor shows no packages and go build fails with the file and line. Only the file\'s author can say what the line should be; go names where it stops.',
  },
  'symlinked-path': {
    title: 'A workspace folder or GOPATH is reached through a symlink',
    explanation:
      'go and gopls name files by the path they resolve to, the editor by the path it opened. Through a symlink the two differ: diagnostics, go-to-definition and renames can land on the "other" copy of the same file, and a file may be reported as outside the module. Opening the real path avoids it.',
  },
  'remote-workspace': {
    title: 'The workspace is on a network, FUSE or shared file system',
    explanation:
      'go and gopls read every file of the workspace on each load, take file locks and expect Unix modes. On NFS, SMB, 9p (WSL\'s Windows drives, a VM\'s host folder) or FUSE those are slower or behave differently: loads crawl, locks fail or hang, and file modes or executability are not what they seem. Nothing is refused yet; moving the workspace to a local disk avoids it.',
  },
  'watches-short': {
    title: 'The workspace needs more inotify watches than are free',
    explanation:
      "The editor's file watcher takes one inotify watch per folder it watches, and fs.inotify.max_user_watches caps them per user. Nothing has failed yet: when the editor starts watching this workspace (or another window, or a bigger checkout), the watches run out part-way, new watches fail with ENOSPC, and changes in the folders it did not get to go unnoticed.",
  },
  'inotify-queue': {
    title: "A file watcher's event queue overflowed",
    explanation:
      'inotify queues events for each watcher until it reads them, at most fs.inotify.max_queued_events. A burst of changes (git checkout, go mod vendor, a build writing many files) beyond it is dropped: the watcher misses them, and go.mod or new files may not be noticed until it rescans or the editor restarts.',
  },
  'watch-descriptors': {
    title: 'A file watcher ran out of file descriptors',
    explanation:
      'A watcher that opens what it watches (or reads each new folder) holds file descriptors, capped per process by RLIMIT_NOFILE (ulimit -n). When they run out it fails with "too many open files" (EMFILE), though inotify itself may have watches and instances to spare.',
  },
  'unnamed-log-errors': {
    title: 'Error lines in the logs that no rule names',
    explanation:
      'These error lines or crashes match none of the messages the doctor knows. They are shown as they are, with their line numbers, so nothing is dropped, and are not taken for a cause.',
  },
  'named-mechanism': {
    title: 'A failure in the logs names the mechanism behind it',
    explanation:
      'No message the doctor knows matched these lines, but each reports a failure and names a mechanism that belongs to this class alone (SELinux, the OOM killer, pids.max, inotify, a noexec mount, a Flatpak sandbox, GOROOT…). That points where to look; it is a hint, not a diagnosis, and any cause a rule or a check of this machine finds comes first.',
  },
  'packages-driver': {
    title: 'gopls loads packages through GOPACKAGESDRIVER, not go list',
    explanation:
      'gopls asks go/packages for every package, and go/packages runs the program GOPACKAGESDRIVER names (from the environment, or gopls\'s build.env; unset, a gopackagesdriver on the PATH) instead of go list. A driver that is not there, cannot run or prints something other than JSON fails every load: imports turn red and nothing gets hover or completion, although go build works. GOPACKAGESDRIVER=off makes go/packages use go list.',
  },
  'module-downloads': {
    title: 'go cannot download the modules it needs',
    explanation:
      'go fetches a module it does not have from GOPROXY, or from its repository with git for GOPRIVATE and GONOPROXY modules. When the way there fails (no DNS answer, a company proxy or its CA, a 401 or 403, git without credentials, a GOPROXY go rejects or set to off), every package that imports the module stays red and go mod tidy fails the same way. The checks listed find what blocks it; the online check asks the proxy now.',
  },
  'sum-mismatch': {
    title: 'go refuses a module that does not match go.sum',
    explanation:
      'go.sum records the hash of every module version the build uses. go compares each module it downloads or takes from the module cache against it, and refuses one that differs ("verifying m@v: checksum mismatch", a SECURITY ERROR): nothing is wrong with the network, so go mod download fails the same way. Either go.sum is wrong (edited by hand, mangled in a merge) or the module is not what was published (changed upstream, in the cache or by a proxy): compare before changing go.sum.',
  },
  'modules-not-downloaded': {
    title: 'Required modules are not downloaded yet',
    explanation:
      'go and gopls download a required module into the module cache the first time they need it, from GOPROXY (or with git for GOPRIVATE modules). Nothing has failed: opening the workspace needs that download to work, and afterwards it needs no network for these modules.',
  },
  'cgo-build': {
    title: 'cgo cannot build the packages that import "C"',
    explanation:
      'A package that imports "C" is built by cgo, which runs the C compiler go env CC names with CGO_CFLAGS and the flags of the package\'s #cgo lines, and pkg-config for its #cgo pkg-config lines. A compiler that is missing, a header or library whose development package is not installed, or a flag the compiler or go\'s allowlist refuses fails the package: go build stops there, and in the editor everything its C code declares is "undefined". Unless a finding here says the editor\'s environment differs from your login shell\'s, a terminal\'s go build fails the same way.',
  },
  'go-environment': {
    title: 'The Go environment is wrong here, in terminals as in the editor',
    explanation:
      'go and gopls take PATH, HOME, GOROOT, GOPATH, GOFLAGS and the other Go variables from the environment they start in, and from go env\'s file (go env -w). Here the value at fault is the same in your login shell: a terminal\'s go fails the same way, so it is not the desktop launcher\'s doing (and in a container or CI job there is no launcher at all). The fix is the value itself, where it is set.',
  },
  'go-rejects-setting': {
    title: 'go refuses a Go setting it was given',
    explanation:
      'go checks some of its settings before it does anything: GO111MODULE, GOTOOLCHAIN, the flags in GOFLAGS, GOPROXY, GOSUMDB, GOWORK, GOOS/GOARCH. A value it cannot use fails every go command, and gopls, which runs go env and go list, loads nothing. go says which value it refused, not where it was set: go env\'s file (go env -w wrote it; go env -u removes it), a shell start-up file, or the editor\'s go.toolsEnvVars all reach go the same way, in a terminal as in the editor.',
  },
  'login-shell-value': {
    title: 'Your shell start-up files set a Go variable that makes go fail',
    explanation:
      'A terminal runs go with what your shell start-up files export (and a desktop session with what ~/.profile exports, from the next login on). Here one of them sets a Go variable to a value go cannot use, so go fails in a terminal while the editor, started without it, works. The fix is that line in the start-up file; copying the value into the editor\'s settings would break the editor too.',
  },
  'toolchain-setting': {
    title: 'GOTOOLCHAIN makes go run a Go it cannot use here',
    explanation:
      'GOTOOLCHAIN decides which Go release every go command, and gopls through it, runs: the installed one (local), the newer one a go.mod asks for (auto: downloaded into the module cache; path: a goX.Y.Z program found on PATH, never downloaded), or a pinned release. A pinned release older than a module\'s go line refuses the module; one that cannot be downloaded, found on PATH or run fails every command. The doctor never downloads a toolchain: it reads the setting, and asks go list in each module with it.',
  },
  'unwatched-mount': {
    title: 'Changes made on the other side of the mount produce no file events',
    explanation:
      'inotify, which the editor\'s file watcher uses, reports only changes made through this machine\'s kernel. On a network, FUSE (sshfs) or host-shared folder, a file changed by another machine, the host or the file server produces no event, though no watch is used up: the editor and gopls keep the old contents of go.mod and of files until they are reopened or gopls restarts.',
  },
  'resembles-reports': {
    title: 'Failure lines in the logs read like reports of this kind',
    explanation:
      'No message the doctor knows matched the failure in these logs and none names a mechanism, but its words are those real bug reports of this class use (a model of word use trained on public reports, measured on reports it was not trained on), or nearly those of one such report, whose thread is named. It is a guess from the words, the weakest thing the doctor reports: the checks listed would confirm or rule it out, and any cause a rule or a check of this machine finds comes first.',
  },
};

/**
 * A cause made only of symptoms of one kind is titled by what was observed when the class's own
 * title would tell another story: module-resolution's is about views and go.mod, while a
 * download that failed ("no such host", 403, git without credentials) is about the way out.
 * `over`: symptoms of other kinds that such a failure produces, which do not change the title.
 */
export const SYMPTOM_HEADINGS: Partial<Record<SymptomKind, Omit<ClassInfo, 'docs' | 'noteTitle'> & { over: readonly SymptomKind[]; headline?: HeadlineId; unexplainedOnly?: true }>> = {
  // What a failed download leaves behind: a load that failed, an import with no package.
  'fetch-failed': { over: ['load-failed', 'no-build'], ...HEADLINES['module-downloads'], headline: 'module-downloads' },
  // A SIGKILL alone is what happened, not who did it: the OOM killer and a plain kill -9 look the
  // same from the editor or from go (a tester's kill -9 was titled "A memory limit is killing or
  // starving gopls"). The class stays memory-limit, the likeliest sender, while its title says what was seen.
  killed: {
    over: ['died', 'load-failed'],
    // Explained (a memory limit found above it), the class's own title says what follows from it.
    unexplainedOnly: true,
    title: 'gopls or a program it ran was killed (SIGKILL)',
    explanation:
      'SIGKILL cannot be caught, so the process leaves no stack trace. The kernel\'s OOM killer sends it when a memory limit (a cgroup\'s memory.max, a container\'s limit) or the machine runs out, and so do kill -9, a supervisor or a watchdog. The kernel log says which: an OOM-killer record ("Killed process N (gopls)") names the process it killed.',
  },
};
