// Each rule on lines written for this test from the real message formats (Go's runtime and
// cmd/go, the kernel's mm/oom_kill.c and cgroup/pids.c, glibc's loader, node/libuv, the Go
// extension, vscode-languageclient), with other programs, paths and numbers than any corpus text.
import { describe, expect, it } from 'vitest';
import { NOT_AFTER, errnoCased, escapedLines, matchRules, unlinked, unquoted, windowsAround, withoutLogPrefix, type RuleId } from '../../../src/goplsLog/rules.js';
import fc from 'fast-check';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';

const ids = (line: string, nearWatcher = false) => matchRules(line, { nearWatcher }).map((r) => r.id);

const CASES: Array<[string, RuleId[]]> = [
  // A sandbox's libraries leaking into children.
  ["git: /snap/core18/current/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.33' not found (required by /usr/lib/x86_64-linux-gnu/libpcre2-8.so.0)", ['foreign-runtime-libs']],
  ["node: /app/lib/x86_64-linux-gnu/libstdc++.so.6: version `CXXABI_1.3.13' not found (required by node)", ['foreign-runtime-libs']],
  ['gopls: symbol lookup error: /app/lib/libfoo.so.1: undefined symbol: bar_init, version FOO_1', ['foreign-runtime-libs']],
  // The system's own glibc, too old for a program built elsewhere: no sandbox got in (a warning of its own)…
  ["./bin/api: /lib64/libc.so.6: version `GLIBC_2.34' not found (required by ./bin/api)", ['built-for-newer-libc']],
  ["/usr/local/bin/protoc-gen-go-grpc: /lib/x86_64-linux-gnu/libc.so.6: version 'GLIBC_2.33' not found (required by /usr/local/bin/protoc-gen-go-grpc)", ['built-for-newer-libc']],
  // …unless what needs the newer one is the sandbox's own library.
  ["zenity: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.35' not found (required by /snap/core22/current/usr/lib/x86_64-linux-gnu/libgtk-3.so.0)", ['foreign-runtime-libs']],
  // GOPATH, GOMODCACHE or GOCACHE running through a file: ENOTDIR is the setting's, not a permission.
  ['go: could not create module cache: mkdir /home/ann/go.tar/pkg: not a directory', ['go-dir-through-file']],
  ['failed to initialize build cache at /usr/local/go/bin/go/cache: mkdir /usr/local/go/bin/go: not a directory', ['go-dir-through-file']],
  ['go: could not create module cache: mkdir /srv/cache/mod: permission denied', ['module-cache-create']],
  // ENOSPC from a step that writes nothing (a walk, a stat): only inotify_add_watch's limit says that…
  ['2024/03/02 10:11:12 filepath.Walk() no space left on device', ['inotify-enospc']],
  ['watcher: lstat /home/ann/src/app/internal: no space left on device', ['inotify-enospc']],
  // …while a walk that copies or extracts may well fill the disk.
  ['error walking the layer while extracting /var/lib/docker/tmp/x: no space left on device', ['no-space-left']],
  // newosproc's errno says whether a limit refused the thread: EAGAIN and ENOMEM are limits, EINVAL a kernel refusing clone's flags.
  ['runtime: failed to create new OS thread (have 14 already; errno=11)', ['thread-create-failed']],
  ['runtime: failed to create new OS thread (have 3 already; errno=22)', []],
  // The kernel's seccomp audit record as the journal prints it; sig=31 is the filter's kill.
  ['Mar 02 10:11:12 host audit[4121]: SECCOMP auid=1000 uid=1000 gid=1000 ses=3 pid=4121 comm="gopls" exe="/home/ann/go/bin/gopls" sig=31 arch=c000003e syscall=318 compat=0 ip=0x46b1c3 code=0x0', ['seccomp-sigsys']],
  ['audit[4121]: SECCOMP auid=1000 uid=1000 gid=1000 ses=3 pid=4121 comm="make" exe="/usr/bin/make" sig=0 arch=c000003e syscall=318 compat=0 ip=0x46b1c3 code=0x7ffc0000', ['seccomp-named']],
  // pivot_root(2) has no EACCES of its own: a security module's answer.
  ['runc run failed: unable to start container process: error during container init: error jailing process inside rootfs: pivot_root .: permission denied', ['pivot-root-denied']],
  // A bad value in GOFLAGS, named by where it came from.
  ['go: invalid value "vendored" for flag -mod (from $GOFLAGS): -mod=vendored not supported', ['go-env-invalid']],
  ['go: flag needs an argument: -tags (from %GOFLAGS%)', ['go-env-invalid']],
  // The flag package's words are any Go program's: an older asm refusing cmd/go's -V is no gopls.
  ['flag provided but not defined: -V', []],
  // snap-confine's void directory: the working directory was not in the snap's mount namespace.
  ["PermissionError: [Errno 13] Permission denied: '/var/lib/snapd/void'", ['snap-void-cwd']],
  ['cannot remain in /tmp/build, moving to the void directory', ['snap-void-cwd']],
  // glibc's RELRO mprotect refused: a library whose SELinux label the process may not map.
  ['/usr/bin/make: error while loading shared libraries: /lib64/libm.so.6: cannot apply additional memory protection after relocation: Permission denied', ['ldso-text-reloc-denied']],
  // A paste whose renderer turned each URL-like word into a Markdown link to itself.
  ['go: [golang.org/x/tools/gopls@v0.21.0](https://golang.org/x/tools/gopls@v0.21.0) requires go >= 1.25.0 (running go 1.24.3; GOTOOLCHAIN=local)', ['go-too-old-for-tools']],
  ['release 1.2 not found in the changelog', []],
  // go not found, as the Go extension, shells, node and Go say it.
  ['Failed to find the "go" binary in either GOROOT() or PATH(/usr/bin:/bin). Check PATH, or Install Go and reload the window.', ['go-binary-not-found']],
  ['bash: go: command not found', ['go-binary-not-found']],
  ['sh: 1: go: not found', ['go-binary-not-found']],
  ['Error: spawn /opt/go/bin/go ENOENT', ['go-binary-not-found']],
  ['exec: "go": executable file not found in $PATH', ['go-binary-not-found']],
  // Not go: only the weak "not on the PATH it was given" warning (command-not-on-path).
  ['sh: 1: mongo: not found', ['command-not-on-path']],
  ['Error: spawn /usr/bin/mongo ENOENT', []],
  // GOROOT and toolchains.
  ['go: cannot find GOROOT directory: /opt/go1.99', ['goroot-invalid']],
  ['compile: version "go1.21.5" does not match go tool version "go1.22.0"', ['go-toolchain-mismatch']],
  ['could not import fmt (object is [go object linux amd64 go1.20.3 X:none] expected [go object linux amd64 go1.21.0 X:none])', ['go-toolchain-mismatch']],
  // A standard package newer than the GOROOT's own release: a Go too old for the code (a warning),
  // not two installations mixed; a package that release does have is the mix. A GOROOT naming no
  // release (/usr/local/go, /home/gitpod/go) missing a package a later release added is either, so
  // a warning too (corpus50's tuning negative prometheus#14122); missing one every release has is the mix.
  ['main.go:4:2: package slices is not in GOROOT (/usr/lib/go-1.18/src/slices)', ['std-package-newer-than-go']],
  ['        log/slog: package log/slog is not in GOROOT (/usr/lib/go-1.18/src/log/slog)', ['std-package-newer-than-go']],
  ['embedded.go:22:2: package embed is not in GOROOT (/opt/hostedtoolcache/go/1.15.15/x64/src/embed)', ['std-package-newer-than-go']],
  ['x.go:5:2: package go/version is not in std (/home/ann/sdk/go1.21.6/src/go/version)', ['std-package-newer-than-go']],
  ['x.go:5:2: package iter is not in std (/usr/local/Cellar/go/1.22.5/libexec/src/iter)', ['std-package-newer-than-go']],
  ['main.go:4:2: package slices is not in GOROOT (/usr/lib/go-1.22/src/slices)', ['go-toolchain-mismatch']],
  ['main.go:4:2: package slices is not in GOROOT (/usr/local/go/src/slices)', ['std-package-newer-than-go']],
  ['../go/pkg/mod/go.opentelemetry.io/otel@v1.25.0/attribute/set.go:7:2: package cmp is not in GOROOT (/home/gitpod/go/src/cmp)', ['std-package-newer-than-go']],
  ['x.go:5:2: package log/slog is not in std (/usr/local/go/src/log/slog)', ['std-package-newer-than-go']],
  ['attr_ver.go:4:2: package bytes is not in GOROOT (/usr/local/go/src/bytes)', ['go-toolchain-mismatch']],
  ['x.go:3:2: package encoding/binary is not in GOROOT (./free5gc/src/src/encoding/binary)', ['go-toolchain-mismatch']],
  ['x.go:5:2: package iter is not in std (/usr/local/go1.21.0/src/iter)', ['std-package-newer-than-go']],
  ['x.go:5:2: package iter is not in std (/usr/local/go1.23.0/src/iter)', ['go-toolchain-mismatch']],
  // A package every release has, in a path naming no release: go could not write its module index
  // into GOCACHE (measured: a full GOCACHE tmpfs, go1.26.8), or two installations mixed; the log's
  // own view GOROOT decides (probes/goplsLogs.ts stdUnindexedLines), so both read the line.
  ['package unsafe is not in std (/usr/local/go/src/unsafe)', ['std-package-unindexed', 'go-toolchain-mismatch']],
  ['main.go:3:8: package fmt is not in std (/home/ann/sdk/go/src/fmt)', ['std-package-unindexed', 'go-toolchain-mismatch']],
  // The path names a release: that GOROOT may be another installation's.
  ['x.go:5:2: package bytes is not in std (/usr/local/go1.21.0/src/bytes)', ['go-toolchain-mismatch']],
  ['attr_ver.go:4:2: package bytes is not in GOROOT (/usr/lib/go-1.18/src/bytes)', ['go-toolchain-mismatch']],
  ['main.go:4:2: package github.com/acme/lib is not in GOROOT (/usr/local/go/src/github.com/acme/lib)', ['package-not-found']],
  ['app.go:3:8: package acme/internal/db is not in GOROOT (/usr/local/go/src/acme/internal/db)', ['package-not-found']],
  ['x.go:5:2: cannot find module providing package io/fs: import lookup disabled by -mod=vendor', ['go-toolchain-mismatch']],
  ['go: go.mod requires go >= 1.23 (running go 1.21.4; GOTOOLCHAIN=local)', ['go-version-too-old-for-module']],
  // The kernel's OOM killer, global and memcg.
  ['[81234.567890] Out of memory: Killed process 4242 (gopls) total-vm:4000000kB, anon-rss:3000000kB, file-rss:0kB', ['kernel-oom-kill']],
  ['Memory cgroup out of memory: Killed process 991 (compile) total-vm:812000kB, anon-rss:500000kB', ['kernel-oom-kill']],
  ['oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/user.slice/user-1000.slice,task_memcg=/user.slice,task=gopls,pid=991,uid=1000', ['kernel-oom-kill']],
  ['link invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0', ['kernel-oom-kill']],
  ['go build example.com/big/pkg: /usr/lib/go/pkg/tool/linux_arm64/link: signal: killed', ['go-command-killed']],
  // The kernel's mapping limit, as a program's bootstrap check says it.
  ['[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]', ['max-map-count-low']],
  // V8 refused its heap reservation by an address-space limit (ulimit -v, limits.conf's as).
  ['# Fatal process out of memory: Failed to reserve memory for new V8 Isolate', ['v8-reserve-refused']],
  // A fork refused with ENOMEM: memory short, or a large heap forked under overcommit (a warning, not the runtime's own OOM).
  ['GetTags: fork/exec /usr/bin/git: cannot allocate memory', ['fork-enomem']],
  ['2019/05/07 03:59:54 fork/exec /bin/sleep: cannot allocate memory', ['fork-enomem']],
  ['-bash: fork: Cannot allocate memory', ['fork-enomem']],
  ['mmap failed: Cannot allocate memory', ['fatal-out-of-memory']],
  ['<--- JS stacktrace ---> FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', ['program-out-of-memory']],
  ['sysctl -w vm.max_map_count=262144', []],
  // Processes and threads: a limit (EAGAIN) or a policy (EPERM).
  ['[  301.123456] cgroup: fork rejected by pids controller in /system.slice/docker-0a1b2c.scope', ['pids-fork-rejected']],
  ['runtime: failed to create new OS thread (have 11 already; errno=11)', ['thread-create-failed']],
  ['runtime: failed to create new OS thread (have 7 already; errno=1)', ['thread-create-eperm']],
  ['runtime/cgo: pthread_create failed: Operation not permitted', ['thread-create-eperm']],
  // cgo's words for the runtime's thread failure (gcc_libinit.c), then abort(): a tester's real gopls in a pids cgroup (f19).
  ['runtime/cgo: pthread_create failed: Resource temporarily unavailable', ['thread-create-failed']],
  ['clone(child_stack=0x7f3a2c1fef70, flags=CLONE_VM|CLONE_FS|CLONE_THREAD) = -1 EPERM (Operation not permitted)', ['thread-create-eperm']],
  ['could not launch process: fork/exec /home/ann/proj/__debug_bin: operation not permitted', ['exec-eperm']],
  ['ptrace(PTRACE_TRACEME) = -1 EPERM (Operation not permitted)', ['exec-eperm']],
  ['fork/exec /tmp/go-build99/b001/exe/app: permission denied', ['exec-permission-denied']],
  // File systems.
  ['go: RLock /mnt/nfs/go/pkg/mod/cache/download/golang.org/x/tools/@v/list.lock: no locks available', ['nfs-no-locks']],
  ['open /net/home/ann/go/pkg/mod/cache/lock: stale NFS file handle', ['stale-file-handle']],
  ['write /home/ann/.cache/go-build/ab/abcdef-d: disk quota exceeded', ['quota-exceeded']],
  ['cp: error writing /srv/out.bin: file system is full', ['quota-exceeded']],
  ['failed to initialize build cache at /nonexistent/.cache/go-build: mkdir /nonexistent: permission denied', ['build-cache-unusable']],
  ['build cache is required, but could not be located: GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined', ['home-unset']],
  ['panic: $HOME is not defined', ['panic', 'home-unset']],
  // Near miss: a HOME that is set but not writable is the directory's, not the environment's.
  ['failed to initialize build cache at /home/u/.cache/go-build: mkdir /home/u/.cache: permission denied', ['build-cache-unusable']],
  ['go: disabling cache (/var/cache/go-build) due to initialization failure: mkdir /var/cache/go-build: read-only file system', ['read-only-fs']],
  ['write /home/ann/go/pkg/mod/cache/x.zip: no space left on device', ['no-space-left']],
  // File watchers: ENOSPC and EMFILE from node, fsnotify and inotify users.
  ["Error: ENOSPC: System limit for number of file watchers reached, watch '/home/ann/src/app/node_modules/x'", ['inotify-enospc']],
  ["Error: watch /home/ann/src/app ENOSPC", ['inotify-enospc']],
  ['failed to add watch for /srv/repo/pkg: inotify_add_watch /srv/repo/pkg: no space left on device', ['inotify-enospc']],
  ["Error: EMFILE: too many open files, watch '/home/ann/src'", ['inotify-emfile']],
  ['open /home/ann/src/x.go: too many open files', ['too-many-open-files']],
  // A process that could not be started for want of descriptors: the starter's RLIMIT_NOFILE (a
  // real gopls v0.23.0 under ulimit -n 14, a tester's), not a watcher.
  ['Error loading packages: err: fork/exec /usr/local/go/bin/go: too many open files: stderr: ', ['spawn-out-of-files']],
  ['failed to load view for file:///w/app: err: fork/exec /usr/local/go/bin/go: too many open files: stderr: ', ['workspace-load-failed', 'spawn-out-of-files']],
  // Another program's: maybe its watchers' descriptors (read by the file-watch rules).
  ['go: error obtaining buildID for go tool asm: fork/exec /usr/local/go/pkg/tool/linux_amd64/asm: too many open files', ['too-many-open-files']],
  // A watcher's open(2) refused with EMFILE: the descriptor limit, not inotify's instances (gopls mcp's "watch error: %v").
  ['2026/05/20 10:11:13 watch error: open /home/ann/src/app/internal: too many open files', ['watch-descriptors-exhausted']],
  ['2026/05/20 10:11:12 cannot create fsnotify watcher: too many open files', ['inotify-emfile']],
  // entr's own refusal (entr.c, a kqueue descriptor per file listed): the same descriptor limit.
  ['entr: Too many files listed; the hard limit for your login class is 256', ['watch-descriptors-exhausted']],
  // VS Code's current notification and Theia's (capitalised), fsnotify's ErrEventOverflow.
  ['Unable to watch for file changes. Please follow the instructions link to resolve this issue.', ['watch-unable']],
  ['Unable to watch for file changes in this large workspace.  Please follow the instructions link to resolve this issue.', ['watch-unable']],
  ['2026/01/02 10:00:00 watcher error: fsnotify: queue or buffer overflow', ['watch-queue-overflow']],
  // rb-inotify's exception on IN_Q_OVERFLOW (lib/rb-inotify/event.rb), as guard/listen logs it.
  ['E, [2026-01-02T10:00:00.123456 #4242] ERROR -- : INotify::QueueOverflowError: inotify event queue has overflowed.', ['watch-queue-overflow']],
  ['2026/01/02 10:00:00 job queue drained, 0 events pending', []],
  ['ERROR: ld.so: object \'/usr/lib/libfakeroot.so\' from LD_PRELOAD cannot be preloaded (cannot open shared object file): ignored.', ['ld-preload-leak']],
  ['fork/exec /tmp/go-build1234/b001/exe/tool: exec format error', ['exec-format-error']],
  ['go: modules disabled by GO111MODULE=off; see \'go help modules\'', ['modules-disabled']],
  ['go: directory ../other is outside main module or its selected dependencies', ['outside-modules']],
  ['No packages found for open file /home/ann/scratch/tool.go.', ['file-not-in-workspace']],
  ['gopls requires a module at the root of your workspace.', ['no-modules-in-workspace']],
  ['unable to locate "go" binary in GOROOT (/opt/none) or PATH (/usr/bin)', ['go-binary-not-found']],
  // Memory: what a kill looks like from outside, containers, userspace killers, the runtime.
  ['./build.sh: line 12: 31337 Killed                  go build ./...', ['process-killed']],
  ['Killed', ['process-killed']],
  // GNU make's child_error with strsignal(SIGKILL), 4.3+ and older.
  ['make: *** [Makefile:45: lint] Killed', ['process-killed']],
  ['make[2]: *** [build] Killed', ['process-killed']],
  ['Error: process completed with exit code 137.', ['process-killed']],
  ['gcc: fatal error: Killed signal terminated program cc1plus', ['process-killed']],
  ['      Reason:       OOMKilled', ['container-oom-killed']],
  ['"OOMKilled": false,', []],
  ['Mar 03 10:11:12 host systemd-oomd[612]: Killed /user.slice/user-1000.slice/app-code.scope due to memory pressure for /user.slice above 80.00% for > 20s', ['kernel-oom-kill']],
  ['memory: usage 524288kB, limit 524288kB, failcnt 77', ['kernel-oom-kill']],
  ['memory: usage 1024kB, limit 524288kB, failcnt 0', []],
  ['fatal error: out of memory', ['fatal-out-of-memory']],
  ['fatal error: failed to reserve page summary memory', ['fatal-out-of-memory']],
  // Policies and mounts.
  ['faccessat2: Operation not permitted', ['seccomp-new-syscall']],
  ['SELinux is preventing /usr/bin/gopls from execute access on the file /home/ann/go/bin/gopls.', ['selinux-avc-denied']],
  ['java.lang.UnsatisfiedLinkError: /tmp/jna-123/libjnidispatch.so: failed to map segment from shared object', ['shared-object-map-denied']],
  ['bash: ./gen-assets: Permission denied', ['shell-exec-denied']],
  ['/bin/sh: 1: ./tools/fmt.sh: Permission denied', ['shell-exec-denied']],
  ['make[1]: execvp: /srv/build/bin/protoc: Permission denied', ['shell-exec-denied']],
  ['sudo: unable to execute ./runner: Permission denied', ['shell-exec-denied']],
  ['bash: cd: /srv/private: Permission denied', ['permission-denied']],
  ['tmpfs on /tmp type tmpfs (rw,nosuid,nodev,noexec,relatime)', ['noexec-listed']],
  ['rw,nosuid,nodev,noexec,relatime', ['noexec-listed']],
  ['Failed to find a go command (go1.23.0 or newer) needed to install tools. The go command (/usr/lib/go-1.20/bin/go) is too old (go1.20.3).', ['go-too-old-for-tools']],
  ['TASK [go tools] failed: [host1] (item=golang.org/x/tools/gopls@v0.16.0) => {"changed": false}', ['tool-install-failed']],
  ['/dev/nvme0n1p3 on /var/tmp type xfs', []],
  ['(rw,noexec,relatime,attr2)', ['noexec-listed']],
  // The editor and gopls's launch.
  ["could not find 'gopls'. Run :GoInstallBinaries to fix it", ['gopls-not-found']],
  ["gopls.exe : The term 'gopls.exe' is not recognized as the name of a cmdlet", ['gopls-not-found']],
  ['[Error - 4:05:06 PM] Starting client failed', ['server-init-failed']],
  ["[coc.nvim] Failed to install 'golangci-lint-langserver'", ['tool-install-failed']],
  ['Failed to install gopls: exit status 1', ['tool-install-failed']],
  ['failed to install dlv: go: downloading github.com/go-delve/delve v1.22.1', ['tool-install-failed']],
  // Installing something that is no Go tool is not the editor's tools (an LXC template's CA, a Terraform provider).
  ['Build failed for tpl-minimal: Failed to install MITM CA certificate:', []],
  ['Error: Failed to install provider', []],
  ['Installing github.com/go-delve/delve/cmd/dlv@latest FAILED', ['tool-install-failed']],
  ['2 tools failed to install.', ['tool-install-failed']],
  ['gopls: Unknown command -remote=auto', ['gopls-bad-command']],
  ['flag provided but not defined: -rpc.trce', ['gopls-bad-command']],
  ['bash: line 1:  4711 Segmentation fault      (core dumped) /home/ann/go/bin/gopls', ['gopls-shell-crash']],
  ['zsh: illegal hardware instruction  gopls version', ['gopls-shell-crash']],
  ['[Error - 9:01:02 AM] The gopls server failed to initialize.', ['server-init-failed']],
  ['gopls was not able to find modules in your workspace.', ['no-modules-in-workspace']],
];

describe('gopls-log rules on real message formats', () => {
  it.each(CASES)('%s', (line, want) => {
    expect(ids(line)).toEqual(want);
  });

  it('a watcher named just before makes a bare ENOSPC or EMFILE the watcher\'s', () => {
    expect(ids('2031/04/05 06:07:08 no space left on device', true)).toEqual(['inotify-enospc']);
    expect(ids('2031/04/05 06:07:08 no space left on device', false)).toEqual(['no-space-left']);
    expect(ids('error: too many open files', true)).toEqual(['inotify-emfile']);
  });

  it('the analyzer gives the watcher context a few lines, not the whole file', () => {
    const near = analyzeText('starting watcher on /srv/data\nloading index\nerror: no space left on device\n');
    expect(near.events.map((e) => e.ruleId)).toEqual(['inotify-enospc']);
    const far = analyzeText(['starting watcher on /srv/data', 'a', 'b', 'c', 'd', 'write /srv/data/x: no space left on device', ''].join('\n'));
    expect(far.events.map((e) => e.ruleId)).toEqual(['no-space-left']);
  });
});

describe('long lines: a rule reads a few windows around its needles, not the whole line', () => {
  it('a line that repeats a needle a hundred thousand times is read as a handful of short windows', () => {
    const line = 'ENOSPC'.repeat(200_000);
    const w = windowsAround(line, ['ENOSPC', 'o space left on device']);
    expect(w.length).toBeGreaterThan(0);
    expect(w.length).toBeLessThanOrEqual(6);
    for (const x of w) expect(x.length).toBeLessThanOrEqual(1024 + 'ENOSPC'.length);
  });

  it('still finds a watcher message deep inside a long trace line', () => {
    const msg = 'failed to watch /home/u/proj/vendor: inotify_add_watch: no space left on device';
    const line = `[Trace - 10:00:00 AM] Received notification 'window/logMessage'. Params: {"type":1,"pad":"${'x'.repeat(150_000)}","message":"${msg}"}`;
    expect(matchRules(line).map((r) => r.id)).toContain('inotify-enospc');
  });

  it('a short line is tested whole', () => {
    expect(windowsAround('watch /x ENOSPC', ['ENOSPC'])).toEqual(['watch /x ENOSPC']);
  });
});

describe('unlinked: a Markdown link to its own text reads as the text', () => {
  it.each([
    ['[golang.org/x/tools](http://golang.org/x/tools) v0.35.0', 'golang.org/x/tools v0.35.0'],
    ['see [https://go.dev/doc](https://go.dev/doc/)', 'see https://go.dev/doc'],
    // A link whose text says something else is the author's, not a renderer's: kept.
    ['[the docs](https://go.dev/doc) say', '[the docs](https://go.dev/doc) say'],
    ['plain line, no link', 'plain line, no link'],
  ])('%s', (line, want) => {
    expect(unlinked(line)).toBe(want);
  });
});

describe("a collector's prefix before a program's words", () => {
  it.each([
    ['2024-03-02T10:11:12.3456789Z ./build.sh: line 4: ./gen: Permission denied', './build.sh: line 4: ./gen: Permission denied'],
    ['Mar  2 10:11:12 build-host app[812]: /srv/app/run.sh: line 9: /srv/bin/x: Permission denied', '/srv/app/run.sh: line 9: /srv/bin/x: Permission denied'],
    ['worker-1  | /etc/init.d/run.sh: line 45: /data/run.sh: Permission denied', '/etc/init.d/run.sh: line 45: /data/run.sh: Permission denied'],
    // Two collectors: compose's prefix, then the program's own timestamp.
    ['api  | 2024-03-02 10:11:12 ./start.sh: line 2: ./api: Permission denied', './start.sh: line 2: ./api: Permission denied'],
    ['> /etc/init.d/run.sh: line 45: /data/run.sh: Permission denied', '/etc/init.d/run.sh: line 45: /data/run.sh: Permission denied'],
    ['#12 3.456 /bin/sh: 1: ./build.sh: Permission denied', '/bin/sh: 1: ./build.sh: Permission denied'],
    ['[build : compile] Killed', 'Killed'],
    ['> [stderr] Killed', 'Killed'],
    ['stderr: Killed', 'Killed'],
    // A logfmt record's message, unquoted: logrus (dockerd, containerd, golangci-lint), slog, go-kit.
    [String.raw`time="2024-03-02T10:11:12Z" level=error msg="/bin/sh: 1: ./gen: Permission denied"`, '/bin/sh: 1: ./gen: Permission denied'],
    [String.raw`level=warning msg="Failed to discover go env: failed to run 'go env': exec: \"go\": executable file not found in $PATH"`, `Failed to discover go env: failed to run 'go env': exec: "go": executable file not found in $PATH`],
    [String.raw`time=2024-03-02T10:11:12.345Z level=ERROR msg="fatal: morestack on g0" pid=7`, 'fatal: morestack on g0'],
    [String.raw`ts=2024-03-02T10:11:12Z caller=main.go:9 level=error msg=Killed err=x`, 'Killed'],
    // Behind syslog's prefix, as journalctl shows dockerd's log.
    [String.raw`Jan 29 11:35:36 host dockerd[7024]: time="2019-01-29T11:35:36Z" level=error msg="a \\ b \"c\" \n d"`, String.raw`a \ b "c" \n d`],
    // A line that is nothing but a prefix, or has none, stays as it is.
    ['plain line: permission denied', 'plain line: permission denied'],
    ['level: error msg: x', 'level: error msg: x'],
    ['2024-03-02T10:11:12Z', '2024-03-02T10:11:12Z'],
  ])('%s', (line, want) => {
    expect(withoutLogPrefix(line)).toBe(want);
  });

  it('a rule anchored at the start of the message reads the line under the prefix', () => {
    const bare = ids('/etc/init.d/run.sh: line 45: /data/run.sh: Permission denied');
    expect(bare.length).toBeGreaterThan(0);
    expect(ids('worker-1  | /etc/init.d/run.sh: line 45: /data/run.sh: Permission denied')).toEqual(bare);
    expect(ids('2024-03-02T10:11:12.3456789Z /etc/init.d/run.sh: line 45: /data/run.sh: Permission denied')).toEqual(bare);
    expect(ids(String.raw`time="2024-03-02T10:11:12Z" level=error msg="/etc/init.d/run.sh: line 45: /data/run.sh: Permission denied"`)).toEqual(bare);
    // bash's bare "Killed" line, as a CI step's log tags it.
    expect(ids('[build : build-static] Killed')).toEqual(ids('Killed'));
    expect(ids('Killed')).not.toEqual([]);
  });
});

describe('output carried inside one line as a JSON string or an exception message', () => {
  it.each<[string, string[]]>([
    [String.raw`{"killed":false,"code":1,"cmd":"go install x","stderr":"go: downloading x v1\nKilled\n"}`, ['go: downloading x v1', 'Killed']],
    [String.raw`Error: Command failed: go install golang.org/x/tools/gopls@latest\nKilled\n`, ['Error: Command failed: go install golang.org/x/tools/gopls@latest', 'Killed']],
    [String.raw`"stderr": "a\r\n2024-03-02T10:11:12Z b"`, ['a', 'b']],
    ['no escape here: Killed', []],
  ])('%s', (line, want) => {
    expect(escapedLines(line)).toEqual(want);
  });

  it('unquoted() says what the global regex it replaced says, on any string', () => {
    const byRegex = (t: string) => t.replace(/^\s*["']?|["'},\]]*\s*$/g, '');
    // Every code unit, alone and between letters: its spaces are the regex's \s.
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      if (unquoted(`a${u}`) !== byRegex(`a${u}`) || unquoted(`${u}a`) !== byRegex(`${u}a`)) expect(c.toString(16)).toBe('no difference');
    }
    for (const t of ['', '"', "'", '}', ' }', '"}', ' "a"}, ', 'a', '}a}', '\u00a0"x"\u2028', '\ufeff', ' \t', '""', "'a',", ']]', 'a }']) expect(unquoted(t), JSON.stringify(t)).toBe(byRegex(t));
    const ch = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', '"', "'", '}', ',', ']', '[', '{', 'a', ':', '\\');
    fc.assert(fc.property(fc.array(ch, { maxLength: 12 }).map((a) => a.join('')), (t) => {
      expect(unquoted(t)).toBe(byRegex(t));
    }), { numRuns: 30_000 });
    fc.assert(fc.property(fc.string({ maxLength: 20, unit: 'binary' }), (t) => {
      expect(unquoted(t)).toBe(byRegex(t));
    }), { numRuns: 5_000 });
  });

  it("a rule anchored at a message's start reads it inside the string", () => {
    expect(ids(String.raw`{"level":"error","msg":"exec failed","stderr":"Killed\n"}`)).toEqual(ids('Killed'));
    expect(ids(String.raw`Error: Command failed: go install golang.org/x/tools/gopls@latest\nKilled\n`)).toContain(ids('Killed')[0]);
  });
});

describe("errno words in another casing read as strerror's", () => {
  it.each([
    ['bash: ./build.sh: Permission Denied', 'bash: ./build.sh: Permission denied'],
    ['ERROR: PERMISSION DENIED', 'ERROR: Permission denied'],
    ['mkdir /data: Read-Only File System', 'mkdir /data: Read-only file system'],
    ['write /tmp/x: NO SPACE LEFT ON DEVICE', 'write /tmp/x: No space left on device'],
    // The first letter stays as written: Go's lower case is Go's.
    ['open /x: permission Denied', 'open /x: permission denied'],
    ['nothing to change here: permission denied', 'nothing to change here: permission denied'],
  ])('%s', (line, want) => {
    expect(errnoCased(line)).toBe(want);
  });

  it.each<[string, RuleId]>([
    ['fork/exec /tmp/go-build4127/b001/exe/main: Permission Denied', 'exec-permission-denied'],
    ['go: could not create module cache: mkdir /srv/cache/mod: PERMISSION DENIED', 'module-cache-create'],
    ['write /home/ann/.cache/go-build/ab/cd-d: No Space Left On Device', 'no-space-left'],
    ['runtime: failed to create new OS thread (have 9 already; errno=11): Resource Temporarily Unavailable', 'thread-create-failed'],
  ])('the rules read %s as in the usual casing', (line, want) => {
    expect(ids(line)).toContain(want);
    expect(ids(line)).toEqual(ids(errnoCased(line)));
  });
});

describe("cmd/go's 'note: module requires Go' after a failed compile: whose module decides the class", () => {
  const install = (mod: string) =>
    [`$ go install ${mod}@latest`, `# ${mod}/internal/util`, `/home/ann/go/pkg/mod/${mod}@v0.16.1/internal/util/slices.go:12:9: undefined: slices.Contains`, 'note: module requires Go 1.21', ''].join('\n');
  it("gopls's own sources: the go in use is too old to build gopls", () => {
    expect(analyzeText(install('golang.org/x/tools/gopls')).events.map((e) => e.ruleId)).toContain('go-too-old-for-tools');
  });
  it("another module's: the go found first on PATH is older than that module needs", () => {
    const rules = analyzeText(install('example.org/tools/cmd/gen')).events.map((e) => e.ruleId);
    expect(rules).toContain('go-version-too-old-for-module');
    expect(rules).not.toContain('go-too-old-for-tools');
  });
});

describe('go install pkg@version refusing a module with replace directives: whose module decides the class', () => {
  const refusal = (mod: string) =>
    [`$ go install ${mod}@master`, `go: ${mod}@master (in ${mod}@v0.0.0-20251104183034-4e2c5a1b7c9d):`, '\tThe go.mod file for the module providing named packages contains one or', '\tmore replace directives. It must not contain directives that would cause', '\tit to be interpreted differently than if it were the main module.', ''].join('\n');
  it("another module's go.mod: module-resolution", () => {
    expect(analyzeText(refusal('example.org/tools/cmd/gen')).events.map((e) => e.ruleId)).toEqual(['install-refuses-directives']);
  });
  it("gopls's own (at master): gopls could not be installed", () => {
    expect(analyzeText(refusal('golang.org/x/tools/gopls')).events.map((e) => e.ruleId)).toEqual(['gopls-install-refused']);
    // The way out is a released gopls, which the Go extension's tool installer fetches.
    const [f] = findingsOf('/logs/install.log', analyzeText(refusal('golang.org/x/tools/gopls'))).filter((x) => x.classId === 'gopls-launch');
    expect(f!.fixes?.map((x) => x.id)).toEqual(['gopls-reinstall']);
  });
});

// Rule.notAfter: a rule held back on the lines just after one that says they are no sign of its
// class. Rows for the field itself, on its one user (go-thread-exhaustion after a clone refused
// with an errno that is no limit, os_linux.go newosproc): gap = lines between the two.
describe('notAfter: a rule held back for a few lines after a line that rules its class out', () => {
  const X = 'runtime: failed to create new OS thread (have 2 already; errno=22)';
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `2031/04/05 06:07:0${i} go env for /srv/app${i}`);
  const fired = (lines: string[]) => analyzeText([...lines, ''].join('\n')).events.map((e) => e.ruleId);
  const rule = NOT_AFTER.find((r) => r.id === 'go-thread-exhaustion')!;

  it('go-thread-exhaustion has one, reaching 2 lines', () => {
    expect(rule.notAfter?.lines).toBe(2);
  });
  it.each<[string, number, boolean]>([
    // Within its reach: held back.
    ['fatal error: newosproc', 0, false],
    ['fatal error: newosproc', 1, false],
    ['fatal error: runtime.newosproc', 0, false],
    // Further away than its reach: the rule fires as it would with no such line.
    ['fatal error: newosproc', 2, true],
    ['fatal error: newosproc', 4, true],
    // A line of the rule that `holds` does not name is not held back, near or far.
    ['runtime: program exceeds 10000-thread limit', 0, true],
    ['fatal error: thread exhaustion', 1, true],
  ])('%s %i line(s) after it: fires %s', (line, gap, fires) => {
    expect(fired([X, ...filler(gap), line]).includes('go-thread-exhaustion')).toBe(fires);
    // Without the line before, it always fires.
    expect(fired([...filler(gap), line])).toContain('go-thread-exhaustion');
  });
  it('a line that is not the notAfter line (errno=11, a limit) holds nothing back', () => {
    expect(fired(['runtime: failed to create new OS thread (have 2 already; errno=11)', 'fatal error: newosproc'])).toContain('go-thread-exhaustion');
  });
  it('a line matching the notAfter test itself is not held back: only the lines before it are', () => {
    expect(fired([`${X} fatal error: newosproc`])).toContain('go-thread-exhaustion');
  });
  it('held back also where the next line is read joined to it (a hard-wrapped message)', () => {
    expect(fired([X, 'gopls: fatal error: newosproc'])).not.toContain('go-thread-exhaustion');
  });
  it('the notAfter line alone: no finding, kept as unclassified evidence, its words not read (wordsMislead)', () => {
    const s = analyzeText(`${X}\n`);
    expect(s.events).toEqual([]);
    expect(s.unclassified.map((u) => u.line)).toEqual([1]);
    expect(s.resemblanceWords).toEqual([]);
    // Only that line's: the next one's are read.
    expect(analyzeText(`${X}\nerror: cannot allocate thread stack\n`).resemblanceWords).toEqual(['allocate', 'cannot', 'cannot+allocate', 'error', 'error+cannot', 'stack', 'thread']);
  });
  it('the matcher asks only about a rule that matched, and holds it back within reach', () => {
    const asked: string[] = [];
    const at = (n: number) => matchRules('fatal error: newosproc', { sinceNotAfter: (r) => (asked.push(r.id), n) }).map((r) => r.id);
    expect(at(2)).toEqual(['fatal-error']);
    expect(at(3)).toEqual(['fatal-error', 'go-thread-exhaustion']);
    expect(at(Infinity)).toEqual(['fatal-error', 'go-thread-exhaustion']);
    expect(new Set(asked)).toEqual(new Set(['go-thread-exhaustion']));
    asked.length = 0;
    matchRules('error: too many open files', { sinceNotAfter: (r) => (asked.push(r.id), 0) });
    expect(asked).toEqual([]);
  });
});

describe('build-cache-unusable says where an unset GOCACHE lies', () => {
  it('names XDG_CACHE_HOME, which the message of go itself never does', () => {
    const report = analyzeText('failed to initialize build cache at /srv/xdg/go-build: mkdir /srv/xdg/go-build: permission denied\n');
    const f = findingsOf('/logs/gopls.log', report).find((x) => x.classId === 'fs-access');
    expect(f?.message).toContain('$XDG_CACHE_HOME/go-build');
  });
});
