// The limits, mounts and policies families (file-watch, memory-limit, process-limit, noexec-mount,
// fs-access, mac-policy) on lines written for this test from each message's upstream source.
// KERNEL_RUNTIME_CASES: inotify(7) and inotify_add_watch(2), watchman, the JDK's LinuxWatchService,
// .NET's FileSystemWatcher, coreutils, systemd, kubelet, V8, the JDK, glibc, mmap(2), bubblewrap,
// Chromium, Delve, sestatus and the audit formats. TOOL_RUNNER_CASES: Gradle, BuildKit, kubectl,
// GNU make, Python, systemd, cargo, npm, Perl, coreutils, dash, mksh, .NET, runc, node, the Go
// runtime and cmd/go, mount(8), seccomp(2), fapolicyd, Electron, Windows, SELinux and AppArmor
// tools. Programs, paths and numbers are this test's own, not any corpus text's. Near-misses sit
// beside each family: they must say nothing, or keep the class they had.
import { describe, expect, it } from 'vitest';
import { matchRules, type RuleId } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { crashVerdict } from '../../../src/goplsLog/crashVerdict.js';
import { findingsOf } from '../../../src/probes/goplsLogs.js';
import { rankCauses } from '../../../src/doctor/rank.js';
import { FindingSchema } from '../../../src/doctor/model.js';

const ids = (line: string) => matchRules(line, {}).map((r) => r.id);

const KERNEL_RUNTIME_CASES: Array<[string, RuleId[]]> = [
  // file-watch: the limit reached, in each library's words (inotify_add_watch(2)'s ENOSPC text).
  ['watchman: inotify-add-watch(/srv/web/node_modules/pkg) -> The user limit on the total number of inotify watches was reached; increase the fs.inotify.max_user_watches sysctl', ['inotify-limit-reached']],
  ['Caused by: java.io.IOException: User limit of inotify watches reached', ['inotify-limit-reached']],
  ['System.IO.IOException: The configured user limit (256) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.', ['inotify-limit-reached']],
  ['WARNING [2031-05-06]: Inotify watch limit is too low (16384).', ['inotify-limit-reached']],
  ['External file changes sync may be slow: The current inotify(7) watch limit is too low.', ['inotify-limit-reached']],
  ['tail: inotify resources exhausted', ['inotify-limit-reached']],
  ['failed to setup inotify handler for folder "docs". Please increase inotify limits', ['inotify-limit-reached']],
  ['$ sysctl fs.inotify.max_user_instances', ['inotify-limit-named']],
  ['the inotify API reports events', []],
  // memory-limit: kills and limits as supervisors report them.
  ['May 07 09:10:11 box systemd[1]: build.service: A process of this unit has been killed by the OOM killer.', ['oom-killed-named']],
  ["session-4.scope: Failed with result 'oom-kill'.", ['oom-killed-named']],
  ['Warning  SystemOOM  31s  kubelet  System OOM encountered, victim process: compile, pid: 7001', ['oom-killed-named']],
  ['the runner pod got oom-killed twice', ['oom-killed-named']],
  ['[ 88.1] Killed process 3131 (gopls) total-vm:6120000kB, anon-rss:5000000kB, file-rss:12kB', ['oom-killed-named']],
  ['oom_kill 2', ['oom-killed-named']],
  ['oom_kill 0', []],
  ['oom_kill_disable 0', []],
  ['zoom in on the bloom filter', []],
  ['Memory limit of 1024 MiB exceeded with 1100 MiB used. Consider increasing the memory limit.', ['memory-limit-exceeded']],
  ['Error R15 (Memory quota vastly exceeded)', ['memory-limit-exceeded']],
  ['The node was low on resource: memory. Threshold quantity: 100Mi, available: 90Mi.', ['memory-limit-exceeded']],
  ['<--- JS stacktrace ---> FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory', ['program-out-of-memory']],
  ['java.lang.OutOfMemoryError: GC overhead limit exceeded', ['program-out-of-memory']],
  ["terminate called after throwing an instance of 'std::bad_alloc'", ['program-out-of-memory']],
  ['virtual memory exhausted: Cannot allocate memory', ['fatal-out-of-memory']],
  ['cc1: out of memory allocating 262144 bytes after a total of 9000000 bytes', ['fatal-out-of-memory']],
  ['runtime: VirtualAlloc of 65536 bytes failed with errno=1455', ['fatal-out-of-memory']],
  ['fatal error: runtime: cannot reserve arena virtual address space', ['fatal-out-of-memory']],
  ['Rust: memory allocation of 4194304 bytes failed', ['program-out-of-memory']],
  ['runtime: mlock of signal stack failed: 12', ['mlock-limit']],
  // process-limit: thread or process creation refused with EAGAIN.
  ["RuntimeError: can't start new thread", ['thread-start-refused']],
  ['java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached', ['thread-start-refused']],
  ["node[77]: ../src/node_platform.cc:61: Assertion `(0) == (uv_thread_create(t.get(), start_thread, this))' failed.", ['thread-start-refused']],
  ['-bash: fork: retry: No child processes', ['thread-start-refused']],
  ['Error: spawn /usr/bin/git EAGAIN', ['thread-start-refused']],
  ['runtime: may need to increase max user processes (ulimit -u)', ['thread-start-refused']],
  ['$ systemctl show -p TasksMax user-1000.slice', ['task-limit-named']],
  ['$ cat /sys/fs/cgroup/pids.max', ['task-limit-named']],
  // noexec-mount: an exec refused with EACCES, and noexec written down.
  ['exec: "/var/tmp/build-42/gen": permission denied', ['program-exec-denied']],
  ['Error: spawn /tmp/tools-9/protoc-gen-x EACCES', ['program-exec-denied']],
  ['java.io.IOException: Cannot run program "/tmp/native-31/helper": error=13, Permission denied', ['program-exec-denied']],
  ['Could not execute process `/tmp/target/debug/build/sys-0a1b/build-script-build` (never executed)', ['program-exec-denied']],
  ['zsh: permission denied: ./bin/migrate', ['program-exec-denied']],
  ['execvp failed for /tmp/x/cc-wrapper: Permission denied', ['program-exec-denied']],
  ['mmap(NULL, 8192, PROT_READ|PROT_EXEC, MAP_PRIVATE, 5, 0) = -1 EPERM (Operation not permitted)', ['mmap-exec-eperm']],
  ['tmpfs /var/tmp tmpfs defaults,nosuid,nodev,noexec 0 0', ['noexec-listed']],
  ['shm on /dev/shm type tmpfs (rw,nosuid,nodev,noexec,relatime)', ['noexec-listed']],
  ['44 30 0:41 / /home/ann/scratch rw,nosuid,noexec,relatime shared:20 - tmpfs tmpfs rw', ['noexec-listed']],
  ['docker run --rm --tmpfs /work:rw,noexec,size=1g golang:1.22 go test ./...', ['noexec-listed']],
  ['our CI image has /tmp mounted noexec', ['noexec-listed']],
  // A full `mount` listing always has noexec on the kernel's own file systems: not a finding.
  ['proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)', []],
  ['sysfs on /sys type sysfs (rw,nosuid,nodev,noexec,relatime)', []],
  ['cgroup2 on /sys/fs/cgroup type cgroup2 (rw,nosuid,nodev,noexec,relatime,nsdelegate)', []],
  ['/proc proc proc rw,nosuid,nodev,noexec,relatime', []],
  // mac-policy: EPERM is a policy's answer; EACCES where ownership would give EPERM is a module's.
  ['ping: socket: Operation not permitted', ['not-permitted']],
  ['rm: cannot remove /srv/data/lock: Operation not permitted', ['not-permitted']],
  // chmod's EPERM is the file's owner (fs-access), not a policy: no not-permitted.
  ["chmod: changing permissions of '/srv/x': Operation not permitted", ['ownership-change-eperm']],
  ['kill: (4242) - Operation not permitted', []],
  ["chown: changing ownership of '/workspace/out': Permission denied", ['ownership-change-eacces']],
  ['Current mode:                   enforcing', ['selinux-named']],
  ['drwxr-xr-x. 3 ann ann system_u:object_r:container_file_t:s0 4096 May  1 10:00 src', ['selinux-named']],
  ["Error: error setting label on mount source '/home/ann/src': relabel failed", ['selinux-named']],
  ['[  12.3] type=1503 audit(1.2:3): operation="open" pid=9 parent=1 profile="/usr/bin/code" requested_mask="w::" denied_mask="w::" fsuid=1000 ouid=1000 name="/x"', ['apparmor-profile-denied']],
  ['snap-confine has elevated permissions and is not confined but should be. Refusing to continue to avoid permission escalation attacks', ['apparmor-profile-denied']],
  ['cannot change profile for the next exec call: No such file or directory', ['apparmor-profile-denied']],
  ['audit: type=1326 audit(1.5:6): auid=1000 uid=1000 pid=50 comm="gopls" exe="/home/ann/go/bin/gopls" sig=0 arch=c000003e syscall=435 compat=0 ip=0x1 code=0x50000', ['seccomp-named']],
  ['docker run --security-opt seccomp=unconfined -it golang:1.22 dlv debug', ['seccomp-named']],
  ['could not attach to pid 5150: this could be caused by a kernel security setting, try writing "0" to /proc/sys/kernel/yama/ptrace_scope', ['ptrace-scope']],
  ['bwrap: No permissions to creating new namespace, likely because the kernel does not allow non-privileged user namespaces.', ['sandbox-namespace-denied']],
  ['[5:5:0101/000000.1:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! Update your kernel or see https://x for more information.', ['sandbox-namespace-denied']],
  ['unshare: unshare failed: Operation not permitted', ['sandbox-namespace-denied']],
  // The system's own programs are never on a noexec mount: a refused exec of them is a policy's.
  ['devcontainer start: fork/exec /bin/sh: permission denied', ['system-exec-denied']],
  ['exec: "/usr/local/bin/node": permission denied', ['system-exec-denied']],
  ['fork/exec /home/ann/.cache/go-tmp/go-build7/b001/exe/srv: permission denied', ['exec-permission-denied']],
  // The same in a shell's or perror's words: a binary in cmd/go's work directory, run by a script or `go test -exec`.
  ['/tmp/go-build81/b001/exe/srv: Permission denied', ['work-exec-denied']],
  ['./run.sh: line 3: /home/ann/.cache/gotmp/go-build5/b042/api.test: Permission denied', ['work-exec-denied']],
  ['$WORK/b001/exe/a.out: Permission denied', ['work-exec-denied']],
  // Go's own open of a file there stays a file refusal.
  ['open /tmp/go-build81/b001/exe/srv: permission denied', ['go-file-refused']],
  // A path relative to the working directory: as often a mode or a directory as a mount (a weaker rule).
  ['could not launch process: fork/exec ./debug: permission denied', ['exec-relative-denied']],
  ['fork/exec ./: permission denied', ['exec-relative-denied']],
  ['fork/exec bin/server: permission denied', ['exec-relative-denied']],
  ['fork/exec $WORK/b001/exe/a.out: permission denied', ['exec-permission-denied']],
  // What a program had just written to run: a temp dir's file, os.MkdirTemp's digits, a debugger's binary.
  ['Error: error starting the external llama server: fork/exec /tmp/ollama2604787016/runners/cpu/ollama_llama_server: permission denied', ['exec-permission-denied']],
  ['fork/exec /var/tmp/helper: permission denied', ['exec-permission-denied']],
  ['fork/exec /run/user/1000/just/just-abc/example: permission denied', ['exec-permission-denied']],
  ['fork/exec /home/ann/src/api/goagen633708867/goagen: permission denied', ['exec-permission-denied']],
  ['could not launch process: fork/exec /home/ann/proj/__debug_bin3012: permission denied', ['exec-permission-denied']],
  ['fork/exec /home/ann/.cache/tmp/pkg/_test/pkg.test: permission denied', ['exec-permission-denied']],
  // Any other absolute path: an installed tool, a watcher's output in the project, a folder.
  ['2017/08/23 09:40:56 Error running: fork/exec /home/ann/server/gin-bin: permission denied', ['exec-path-denied']],
  ['fork/exec /opt/tools/protoc-gen-x: permission denied', ['exec-path-denied']],
  ['docker: Error response from daemon: AppArmor enabled on system but the docker-default profile could not be loaded: exit status 1', ['apparmor-named']],
  ['apparmor module is loaded.', []],
  // VS Code's older watcher notification, and the race detector (ThreadSanitizer) out of memory.
  ['Visual Studio Code is running out of file handles. Please follow the instructions link to resolve this issue.', ['watch-unable']],
  ['==4242==ERROR: ThreadSanitizer failed to allocate 0x100000 (1048576) bytes of sync allocator (error code: 12)', ['program-out-of-memory']],
  // The ordinary file refusal stays fs-access's.
  ['open /home/ann/go/pkg/mod/cache/lock: permission denied', ['go-file-refused']],
  ['bash: cd: /srv/private: Permission denied', ['permission-denied']],
];

// Lane limits (s8): the callers' words for an exec refused, a snap or systemd refusal that is a
// policy's, kills and evictions in zsh's, kubelet's and the memcg report's words, and EAGAIN from
// I/O (strace, Python, Go's net and os) that is no task limit. Written from each program's source
// (bash builtins/exec.def, dash exec.c, findutils xargs, coreutils env, crun container.c, Rust's
// io::Error, systemd exec-invoke.c, snap-confine user-support.c, zsh jobs.c, kubelet eviction
// helpers.go, mm/memcontrol.c, strace, Python's BlockingIOError, os/file.go).
const RUNTIME_WORDS_CASES: Array<[string, RuleId[]]> = [
  ['bash: exec: /opt/tool/run: cannot execute: Permission denied', ['exec-refusal-words']],
  ['sh: 1: vite: Permission denied', ['exec-refusal-words']],
  ['xargs: ./run.sh: Permission denied', ['exec-refusal-words']],
  ["env: 'python3': Permission denied", ['exec-refusal-words']],
  ['Error: crun: exec container process `/entrypoint.sh`: Permission denied: OCI permission denied', ['exec-refusal-words']],
  // crun's O_PATH open answers EPERM for a directory or a mode nobody may execute (crun#1694): not a policy.
  ['Error: crun: open executable: Operation not permitted: OCI permission denied', ['exec-refusal-words']],
  ['error: Recipe `build` with shebang `#!/usr/bin/env bash` execution error: Permission denied (os error 13)', ['exec-refusal-words']],
  ["Couldn't execute '/etc' inside the vm: Permission denied", ['exec-refusal-words']],
  ['Error: /home/ann/.local/share/tool/bin/tool is not executable (EACCES)', ['exec-refusal-words']],
  ['sh: react-scripts: Permission denied', ['exec-refusal-words']],
  ["error: command '/usr/bin/gcc' failed: Permission denied", ['exec-refusal-words']],
  ["error: command '/usr/bin/gcc' failed with exit code 1", []],
  ['runtime: mmap(0xc000400000, 67108864) returned 0x0, 12', ['fatal-out-of-memory']],
  ['runtime: mmap(0xc000400000, 67108864) returned 0x0, 11', []],
  ['the README is not executable', []],
  // A run that failed on a file operation, a socket or a mount is that operation's, not an exec's.
  ['failed to run go list: open /home/ann/proj/go.mod: permission denied', ['go-file-refused']],
  ['failed to start server: listen tcp :80: bind: permission denied', ['permission-denied']],
  ['sh: 1: cannot create /var/log/x.log: Permission denied', ['permission-denied']],
  // A policy's refusals, named by where: a service's program in a home, a snap's data outside /home.
  ['api.service: Failed at step EXEC spawning /root/bin/api: Permission denied', ['systemd-exec-home-denied']],
  ['WARNING: cannot create user data directory: cannot create "/srv/home/ann/snap/go/10": mkdir /srv/home/ann/snap: permission denied', ['go-file-refused', 'snap-user-data-refused']],
  // Android's own shell refusing a script: an app's home is SELinux's (API 29+), shared storage a mount's.
  ['/data/user/0/org.example.ide/files/home/run.sh: /system/bin/sh: bad interpreter: Permission denied', ['android-app-home-exec']],
  ['/storage/emulated/0/run.sh: /system/bin/sh: bad interpreter: Permission denied', ['shell-exec-denied']],
  // …and told by the program that spawned it: Java's ProcessBuilder (the path wrapped onto its own
  // line too), Go's os/exec. Termux keeps exec in its home (API 28): a refusal there is a mode's.
  ['java.io.IOException: Cannot run program "/data/user/0/org.example.app/files/go/bin/go" (in directory "/data/user/0/org.example.app/files/p"): error=13, Permission denied', ['android-app-data-exec']],
  ['  "/data/user/0/org.example.app/files/go/bin/go" (...): error=13, Permission denied', ['android-app-data-exec']],
  ['fork/exec /data/data/org.example.app/files/bin/tool: permission denied', ['android-app-data-exec']],
  ['fork/exec /data/data/com.termux/files/usr/bin/go: permission denied', ['exec-path-denied']],
  ['open /data/data/org.example.app/files/notes.txt: permission denied', ['go-file-refused']],
  // Kills and evictions.
  ['zsh: killed     go build ./...', ['process-killed']],
  ['[1]  + 4242 killed     gopls serve', ['process-killed']],
  ['Killed: 9', ['process-killed']],
  ['Extension host with pid 4242 exited with code: 137, signal: unknown.', ['sigkill-reported']],
  ['error Command failed with signal "SIGKILL".', ['sigkill-reported']],
  ['Client gopls quit with exit code 0 and signal 9', ['server-lost', 'sigkill-reported']],
  ['    Exit code: 137', ['sigkill-reported']],
  ['Extension host with pid 4242 exited with code: 1, signal: unknown.', []],
  ['./build.sh: line 3: 4242 Killed: 9   go build ./...', ['process-killed']],
  ['the job was killed', []],
  ['Warning  Evicted  pod/app-5  The node had condition: [MemoryPressure].', ['memory-limit-exceeded']],
  ['The node had condition: [DiskPressure].', ['storage-limit-exceeded']], // the disk's condition (kubelet eviction/helpers.go), not memory's
  ['[ 1.2] Memory cgroup stats for /docker/3f2a: cache:0KB rss:1048576KB', ['kernel-oom-kill']],
  // EAGAIN: a fork or clone refused is a task limit; I/O on a non-blocking descriptor is not.
  ['[pid  4242] clone3({flags=CLONE_VM}, 88) = -1 EAGAIN (Resource temporarily unavailable)', ['eagain']],
  ['fork/exec /usr/bin/git: resource temporarily unavailable', ['eagain']],
  ['read(3, 0xc000100000, 4096) = -1 EAGAIN (Resource temporarily unavailable)', []],
  ['futex(0xc000080148, FUTEX_WAIT_PRIVATE, 0, NULL) = -1 EAGAIN (Resource temporarily unavailable)', []],
  ['BlockingIOError: [Errno 11] Resource temporarily unavailable', []],
  ['write /dev/stdout: resource temporarily unavailable', []],
  ['accept tcp [::]:8080: accept4: resource temporarily unavailable', []],
];

describe('lane limits: callers\' words for exec refusals, policies, kills and EAGAIN', () => {
  it.each(RUNTIME_WORDS_CASES)('%s', (line, want) => {
    expect(ids(line)).toEqual(want);
  });

  it("Python's BlockingIOError is a refused fork only right under subprocess's _execute_child", () => {
    const tb = ['Traceback (most recent call last):', '  File "/usr/lib/python3.11/subprocess.py", line 1824, in _execute_child', '    self.pid = _fork_exec(', 'BlockingIOError: [Errno 11] Resource temporarily unavailable', ''].join('\n');
    expect(analyzeText(tb).events.map((e) => e.ruleId)).toEqual(['eagain']);
  });
});

describe('limits, mounts and policies in the kernel\'s, libraries\' and runtimes\' words: rules on real message formats', () => {
  it.each(KERNEL_RUNTIME_CASES)('%s', (line, want) => {
    expect(ids(line)).toEqual(want);
  });

  it("a refusal right after an exec was named is the exec's, further down it is a file's", () => {
    // Python's subprocess raises the exec's EACCES as a bare PermissionError under _execute_child.
    const tb = [
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3.11/subprocess.py", line 1901, in _execute_child',
      '    raise child_exception_type(errno_num, err_msg, err_filename)',
      "PermissionError: [Errno 13] Permission denied: '/var/tmp/stage/configure'",
      '',
    ].join('\n');
    expect(analyzeText(tb).events.map((e) => e.ruleId)).toEqual(['program-exec-denied']);
    // cargo puts the io error two lines under "could not execute process".
    const cargo = ['error: failed to run custom build command for `zz-sys v1.0.0`', 'Could not execute process `/mnt/t/build/zz-sys-1/build-script-build` (never executed)', '', 'Caused by:', '  Permission denied (os error 13)', ''].join('\n');
    expect(new Set(analyzeText(cargo).events.map((e) => e.ruleId))).toEqual(new Set(['program-exec-denied']));
    const far = ['  File "/usr/lib/python3.11/subprocess.py", line 1901, in _execute_child', 'a', 'b', 'c', 'd', "PermissionError: [Errno 13] Permission denied: '/home/ann/.netrc'", ''].join('\n');
    expect(analyzeText(far).events.map((e) => e.ruleId)).toEqual(['permission-denied']);
  });
});

describe("gopls's own crash for want of address space is memory, not a gopls bug", () => {
  // The runtime's mallocinit/sysReserve failures under `ulimit -v` (runtime/malloc.go), with
  // gopls's frames under them.
  it.each([
    'fatal error: runtime: cannot reserve arena virtual address space',
    'fatal error: failed to reserve page summary memory',
  ])('%s', (first) => {
    const text = [first, '', 'runtime stack:', 'runtime.throw({0x1, 0x2})', '\t/usr/local/go/src/runtime/panic.go:1047 +0x5d', 'runtime.mallocinit()', '\t/usr/local/go/src/runtime/malloc.go:560 +0x3c5', '', 'goroutine 1 [running]:', 'golang.org/x/tools/gopls/internal/cmd.(*Application).Run(0xc0001)', '\t/home/ann/go/pkg/mod/golang.org/x/tools/gopls@v0.16.0/internal/cmd/cmd.go:200 +0x1', ''].join('\n');
    const v = crashVerdict({ logs: [{ source: 'gopls.log', summary: analyzeText(text) }] });
    expect(v).toMatchObject({ kind: 'out-of-memory', classId: 'memory-limit' });
  });
});

const TOOL_RUNNER_CASES: Array<[string, RuleId[]]> = [
  // memory-limit: SIGKILL (exit status 137) in the words of the tool that ran the process.
  ["Caused by: org.gradle.process.internal.ExecException: Process 'command '/opt/jdk/bin/java'' finished with non-zero exit value 137", ['sigkill-reported']],
  ['#12 ERROR: process "/bin/sh -c go build -o /out/app ./cmd/app" did not complete successfully: exit code: 137', ['sigkill-reported']],
  ['      Exit Code:    137', ['sigkill-reported']],
  ['make: *** [Makefile:40: build] Error 137', ['sigkill-reported']],
  ['Exited (137) 12 seconds ago', ['sigkill-reported']],
  ["subprocess.CalledProcessError: Command '['go', 'vet', './...']' died with <Signals.SIGKILL: 9>.", ['sigkill-reported']],
  ['builder.service: Main process exited, code=killed, status=9/KILL', ['sigkill-reported']],
  ['process didn\'t exit successfully: `/w/target/debug/build/x/build-script-build` (signal: 9, SIGKILL: kill)', ['sigkill-reported']],
  ['npm ERR! signal SIGKILL', ['sigkill-reported']],
  ['collect2: fatal error: ld terminated with signal 9 [Killed]', ['sigkill-reported']],
  ['gopls was killed by SIGKILL during diagnostics', ['sigkill-reported']],
  // A timeout or a cancellation is not a kill for memory: SIGQUIT, SIGTERM (143), other numbers.
  ['*** Test killed with quit: ran too long (11m0s).', []],
  ['Error: Process completed with exit code 143.', []],
  ['make: *** [Makefile:40: build] Error 1370', []],
  ['kill -9 4242', []],
  // A memory limit written down is information beside a kill, not a cause on its own.
  ['docker run --memory=1g --rm golang:1.22 go build ./...', ['memory-limit-named']],
  ['      memory: 256Mi', ['memory-limit-named']],
  ['$ cat /sys/fs/cgroup/memory.max', ['memory-limit-named']],
  ['memory=6GB', ['memory-limit-named']],
  ['Memory: 16 GB', []],
  ['The paging file is too small for this operation to complete.', ['commit-limit-reached']],
  ['Error: spawn ENOMEM', ['memory-exhausted-more']],
  ['FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - process out of memory', ['memory-exhausted-more']],
  ['ld: final link failed: memory exhausted', ['memory-exhausted-more']],
  ['fatal error: runtime: cannot map pages in arena address space', ['fatal-out-of-memory']],
  ['[ 771.2] gopls: page allocation failure: order:5, mode:0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO)', ['memory-exhausted-more']],
  ["The window terminated unexpectedly (reason: 'oom', code: '-536870904')", ['memory-exhausted-more']],
  // A user's test that asks for too large a slice is the user's bug, not the machine's memory:
  // a panic (whose owner the crash reader decides), no memory finding.
  ['panic: runtime error: makeslice: len out of range', ['panic']],
  // noexec-mount: an exec refused with EACCES in more programs' words.
  ['Can\'t exec "tools/gen.sh": Permission denied at /usr/share/perl5/Build/Driver.pm line 40.', ['exec-refused-more']],
  ['make: ./scripts/mkversion: Permission denied', ['exec-refused-more']],
  ['build.sh: 31: ./bin/protoc: Permission denied', ['exec-refused-more']],
  ['Error: spawn EACCES', ['exec-refused-more']],
  ['exec /srv/app/bin/server: permission denied', ['exec-refused-more']],
  ["env: './configure': Permission denied", ['exec-refused-more']],
  ["nohup: failed to run command './worker': Permission denied", ['exec-refused-more']],
  ["/system/bin/sh: ./hello: can't execute: Permission denied", ['exec-refused-more']],
  ['sh: 1: exec: /var/tmp/run/job: Permission denied', ['exec-refused-more']],
  ["An error occurred trying to start process '/tmp/dn/tool' with working directory '/w'. Permission denied", ['exec-refused-more']],
  ['standard_init_linux.go:228: exec user process caused: permission denied', ['exec-refused-more']],
  // systemd's exec step refused: under a home directory SELinux's init_t may not execute
  // user_home_t (a policy); under /usr or /opt, where no mount is noexec, the label (a file moved
  // from /tmp keeps user_tmp_t) or the mode; anywhere else the mount or the mode, as for any exec refusal.
  ['api.service: Failed at step EXEC spawning /home/ann/bin/api: Permission denied', ['systemd-exec-home-denied']],
  ['breeze-agent.service: Failed at step EXEC spawning /usr/local/bin/breeze-agent: Permission denied', ['systemd-exec-system-denied']],
  ['api.service: Failed at step EXEC spawning /opt/api/bin/api: Permission denied', ['systemd-exec-system-denied']],
  ['api.service: Failed at step EXEC spawning /srv/api/bin/api: Permission denied', ['exec-refused-more']],
  ['zsh: permission denied: mytool', ['exec-refused-more']],
  ['make: *** [Makefile:9: gen] Error 126', ['exec-status-126']],
  ['sudo mount -o remount,exec /tmp', ['exec-mount-option']],
  ['docker run --rm --tmpfs /build golang:1.22 make', ['noexec-by-default']],
  ['Error loading shared library /tmp/snappy-1.1/libsnappyjava.so: Operation not permitted (needed by /app/bin/srv)', ['musl-map-denied']],
  // A library that is not there is another libc's problem, not a mount's.
  ['Error loading shared library libfoo.so.1: No such file or directory (needed by /usr/bin/x)', ['foreign-libc-loader']],
  ['docker run --rm --tmpfs /build:rw,size=2g golang:1.22 make', ['noexec-by-default']],
  ['    tmpfs: /app/tmp', ['noexec-by-default']],
  ['NoExecPaths=/var/lib/x', ['noexec-by-default']],
  // Told to allow exec, or told noexec outright (noexec-listed's).
  ['docker run --rm --tmpfs /build:rw,exec golang:1.22 make', []],
  ['docker run --tmpfs /work:rw,noexec,size=1g golang:1.22 go test ./...', ['noexec-listed']],
  ['mount -o remount,noexec /tmp', ['noexec-listed']],
  ['bash: /sdcard/go/bin/hello: Permission denied', ['shell-exec-denied', 'shared-storage-exec']],
  // The place must be the program's path, not the prompt's working directory.
  ['chronos@localhost /media/removable/USB $ sudo: unable to execute ./bin/run: Permission denied', ['shell-exec-denied']],
  ['sudo: unable to execute /media/removable/USB/bin/run: Permission denied', ['shell-exec-denied', 'shared-storage-exec']],
  ['fork/exec /home/chronos/user/Downloads/app: permission denied', ['exec-path-denied', 'shared-storage-exec']],
  ['bash: /run/media/ann/STICK/tool: Permission denied', ['shell-exec-denied', 'shared-storage-exec']],
  // Reading a file there is not an exec.
  ['cat: /media/ann/STICK/notes.txt: Permission denied', ['permission-denied']],
  ['export GOTMPDIR=$HOME/.cache/gotmp', ['gotmpdir-moved']],
  ['GOTMPDIR=/var/tmp/gt go test ./...', ['gotmpdir-moved']],
  // go env listings print GOTMPDIR; printing it is not moving it.
  ['GOTMPDIR=""', []],
  ["GOTMPDIR=''", []],
  // The system's own programs are never on a noexec mount.
  ['make: /bin/sh: Permission denied', ['system-exec-denied']],
  ['exec /usr/bin/git: permission denied', ['system-exec-denied']],
  // A file read or a directory entered with EACCES is file access, not an exec.
  ['cat: /home/ann/notes.txt: Permission denied', ['permission-denied']],
  ['bash: cd: /srv/private: Permission denied', ['permission-denied']],
  ['sh: 1: cannot create /var/log/build.log: Permission denied', ['permission-denied']],
  // mac-policy: the shape of the refusal, and the policy named beside it.
  ['make: stat: GNUmakefile: Permission denied', ['cwd-stat-denied']],
  ["stat: cannot stat 'go.mod': Permission denied", ['cwd-stat-denied']],
  // With a directory in the path, a directory the user cannot search explains it.
  ['make: stat: /srv/private/Makefile: Permission denied', ['permission-denied']],
  ['stat /home/ann/private/go.mod: permission denied', ['permission-denied']],
  ['$ sudo setenforce 0', ['selinux-vocabulary']],
  ['docker run --rm -v "$PWD":/src:Z -w /src golang:1.22 go build', ['selinux-vocabulary']],
  ['      - ./:/go/src/app:z', ['selinux-vocabulary']],
  ['podman run --security-opt label=disable -v /home/ann/src:/src img', ['selinux-vocabulary']],
  ['SELinux is enforcing on this host', ['selinux-named']],
  ['looks like SELinux is blocking the bind mount', ['selinux-vocabulary']],
  ['ausearch -m avc -ts recent', ['selinux-vocabulary']],
  ['-rwxr-xr-x. 1 ann ann unconfined_u:object_r:user_home_t:s0 9000 May 1 10:00 goss', ['selinux-vocabulary']],
  ['Seccomp:\t2', ['seccomp-named']],
  ['Seccomp:\t0', []],
  ['docker run --privileged -v /src:/src img', ['privileged-container']],
  ['    privileged: true', ['privileged-container']],
  ['docker run --privileged=false img', []],
  ['      readOnlyRootFilesystem: true', ['read-only-root-named']],
  ['docker run --read-only golang:1.22 go build', ['read-only-root-named']],
  // The kernel's boot lines name SELinux and say nothing about a denial.
  ['[    0.41] SELinux:  Initializing.', []],
  ['sudo aa-complain /usr/share/code/code', ['apparmor-vocabulary']],
  ['docker run --security-opt apparmor=unconfined img', ['apparmor-vocabulary']],
  ['sudo snap connect go-tools:home', ['apparmor-vocabulary']],
  ['docker run --cap-add=SYS_PTRACE --security-opt seccomp=unconfined img dlv debug', ['seccomp-named', 'ptrace-capability']],
  ['Bad system call (core dumped)', ['seccomp-sigsys']],
  // SELinux's records alike: a Go tool's or the editor's denial is the error, another program's a warning.
  ['type=AVC msg=audit(1.2:3): avc:  denied  { execute } for  pid=9 comm="go" name="x.test" dev="tmpfs" ino=1 scontext=unconfined_u:unconfined_r:unconfined_t:s0 tcontext=system_u:object_r:tmp_t:s0 tclass=file permissive=0', ['selinux-avc-denied']],
  ['type=AVC msg=audit(1.2:3): avc:  denied  { name_bind } for  pid=9 comm="caddy" src=443 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:http_port_t:s0 tclass=tcp_socket permissive=0', ['selinux-avc-denied-other']],
  // A denial of another program: AppArmor is acting here, a warning; of the Go tools or the editor: an error.
  ['audit: type=1400 audit(1.2:3): apparmor=DENIED operation=open profile=snap.x.y name=/etc/x pid=1 comm=x', ['apparmor-denied-other']],
  ['audit: type=1400 audit(1.2:3): apparmor=DENIED operation=exec profile=snap.code.code name=/home/ann/go/bin/gopls pid=1 comm=code', ['apparmor-denied']],
  ['audit: type=1400 audit(1.2:3): apparmor="DENIED" operation="exec" profile="docker-default" name="/tmp/go-build1234/b001/app.test" pid=9 comm="go"', ['apparmor-denied']],
  ['docker: Error response from daemon: OCI runtime create failed: runc create failed: unable to start container process: error during container init: operation not permitted: unknown.', ['runtime-eperm']],
  ['Error: crun: set propagation for `sys`: Operation not permitted: OCI permission denied', ['runtime-eperm']],
  ['Sorry, home directories outside of /home are not currently supported.', ['apparmor-vocabulary']],
  ['looks like AppArmor is blocking the exec of gopls', ['apparmor-vocabulary']],
  ['AppArmor is enabled on this Ubuntu machine', []],
  ['it works after disabling apparmor for the snap', ['apparmor-vocabulary']],
  ['[    0.52] AppArmor: AppArmor initialized', []],
  ['[    3.10] audit: type=1400 audit(1.2:3): apparmor="STATUS" operation="profile_load" profile="unconfined" name="snap.code.code" pid=1 comm="apparmor_parser"', []],
  // A runtime named on a line whose EPERM is about something else it reports is still the runtime's;
  // a runtime's EACCES is not claimed (file modes or a label, two ways).
  ['OCI runtime exec failed: exec failed: unable to start container process: exec: "/app/run": permission denied: unknown', ['program-exec-denied']],
  ['SIGSYS: bad system call', ['seccomp-sigsys']],
  ['rule=9 dec=deny_audit perm=execute auid=1000 pid=77 exe=/usr/bin/bash : path=/tmp/x/run ftype=application/x-executable', ['fapolicyd-denied']],
  // fs-access: the go command's own words about its directories.
  ['go: RLock /mnt/share/app/go.mod: Incorrect function.', ['file-lock-unsupported']],
  ['go: Lock /home/ann/.cache/go-build/x: function not implemented', ['file-lock-unsupported']],
  ['go: RLock /mnt/nfs/go.mod: no locks available', ['nfs-no-locks']],
  ['go: creating work dir: stat /home/ann/gotmp: no such file or directory', ['go-work-dir-failed']],
  ['go: creating work dir: mkdir /tmp/go-build123: read-only file system', ['read-only-fs', 'go-work-dir-failed']],
  ['package golang.org/x/tools/cmd/gopls: mkdir /opt/gopath: permission denied', ['go-file-refused']],
  ['go build runtime/cgo: open /usr/lib/go/pkg/linux_amd64/runtime/cgo.a: permission denied', ['go-file-refused']],
  ['failed to initialize build cache at /x/.cache/go-build: mkdir /x: permission denied', ['build-cache-unusable']],
  ['fork/exec /tmp/go-build7/b001/exe/app: permission denied', ['exec-permission-denied']],
];

describe('limits, mounts and policies in build tools\' and runners\' words: rules on upstream message formats', () => {
  it.each(TOOL_RUNNER_CASES)('%s', (line, want) => {
    expect(ids(line)).toEqual(want);
  });
});

/** The classes a text ranks, best first, through the log probe's findings and the ranking. */
const ranked = (text: string) =>
  rankCauses(findingsOf('gopls.log', analyzeText(`${text}\n`)).map((f) => FindingSchema.parse(f))).filter((c) => c.severity !== 'info');

describe('which class a text puts first', () => {
  it('an exec refused under a mount written down as noexec is noexec-mount, not fs-access', () => {
    const text = ['$ findmnt -no OPTIONS /work', 'rw,nosuid,nodev,noexec,relatime', '$ ./build/tool', "env: './build/tool': Permission denied"].join('\n');
    expect(ranked(text)[0]?.id).toBe('noexec-mount');
  });

  it('a freshly built binary refused is a noexec-mount error; a program by a relative path only a warning', () => {
    expect(ranked('fork/exec /tmp/go-build123/b001/exe/main: permission denied')[0]).toMatchObject({ id: 'noexec-mount', severity: 'error' });
    // Delve launching a package that built no binary, a step given a directory: not a mount's doing by itself.
    const rel = ranked('could not launch process: fork/exec ./debug: permission denied');
    expect(rel[0]).toMatchObject({ id: 'noexec-mount', severity: 'warning' });
    expect(rel.every((c) => c.severity !== 'error')).toBe(true);
  });

  it('a program refused by an ordinary absolute path is a warning; one a program had just written to a temp folder is an error', () => {
    // A watcher's build output in the project, refused (the build wrote no program there): mode or mount.
    const own = ranked('Error running: fork/exec /home/ann/server/gin-bin: permission denied');
    expect(own[0]).toMatchObject({ id: 'noexec-mount', severity: 'warning' });
    expect(own.every((c) => c.severity !== 'error')).toBe(true);
    expect(ranked('fork/exec /tmp/ollama12345678/runners/server: permission denied')[0]).toMatchObject({ id: 'noexec-mount', severity: 'error' });
  });

  it('a plain file refusal with no policy or mount named stays fs-access', () => {
    expect(ranked('cat: /home/ann/src/app/config.yaml: Permission denied')[0]?.id).toBe('fs-access');
    expect(ranked('open /home/ann/go/pkg/mod/cache/download/x.lock: permission denied')[0]?.id).toBe('fs-access');
  });

  it('the same refusals with SELinux named beside them are the policy', () => {
    const text = ['docker run -v "$PWD":/src:z golang:1.22 go build', 'open /src/go.mod: permission denied'].join('\n');
    expect(ranked(text)[0]?.id).toBe('mac-policy');
    const exec = ['$ sudo setenforce 0   # after this it works', '/bin/bash: ./build.sh: Permission denied'].join('\n');
    expect(ranked(exec)[0]?.id).toBe('mac-policy');
  });

  it('a refused write of the go command comes before the tool install it broke', () => {
    const text = ['Installing golang.org/x/tools/gopls@latest FAILED', '1 tools failed to install.', 'go: could not install: mkdir /opt/gopath: permission denied', '[Info  - 10:15:12 AM] Connection to server got closed. Server will restart.'].join('\n');
    expect(ranked(text)[0]?.id).toBe('fs-access');
  });

  it('a kill reported as exit 137 is memory-limit, with a named limit shown beside it', () => {
    const text = ['docker run --memory=512m builder make', 'make: *** [Makefile:4: all] Error 137'].join('\n');
    const causes = ranked(text);
    expect(causes[0]?.id).toBe('memory-limit');
    expect(causes[0]?.severity).toBe('warning');
  });

  it('a named memory limit does not take a task limit\'s EAGAIN', () => {
    const text = ['docker create --memory=100m --ulimit nproc=300 img', 'runtime/cgo: pthread_create failed: Resource temporarily unavailable'].join('\n');
    expect(ranked(text)[0]?.id).toBe('process-limit');
  });

  it('none of these is an error on its own: a kill, an exit 126, a policy named', () => {
    for (const t of ['npm ERR! signal SIGKILL', 'exit status 126', 'sudo aa-status', 'export GOTMPDIR=/var/tmp/x']) {
      expect(ranked(t).filter((c) => c.severity === 'error'), t).toEqual([]);
    }
  });
});

// The same families in more programs' words, each written from the program that prints it: the Go
// runtime (mem_linux.go, mem_windows.go, proc.go checkmcount, os_linux.go newosproc), the kernel
// (mm/memcontrol.c, oom_kill.c, fs/nfs, fs/lockd/mon.c, ext4/btrfs/xfs error handling), earlyoom,
// LLVM/clang/lld, git (wrapper.c, setup.c), libgit2, bash's xmalloc, dash's jobs.c, HotSpot,
// Docker's legacy builder, systemd.mount(5), Windows' FormatMessage texts, glibc's strerror,
// audit2why, apparmor(7), cffi, gdb and util-linux setarch. Near-misses beside each family.
const MORE_PROGRAMS_CASES: Array<[string, RuleId[]]> = [
  // memory-limit
  ['fatal error: runtime: failed to commit pages', ['fatal-out-of-memory']],
  ["runtime: mmap: too much locked memory (check 'ulimit -l').", ['mlock-limit']],
  ['Task in /kubepods/pod7/ctr9 killed as a result of limit of /kubepods/pod7', ['kernel-oom-kill']],
  ['Out of memory (oom_kill_allocating_task): Killed process 4321 (compile)', ['kernel-oom-kill']],
  ['earlyoom: low memory! at or below SIGTERM limits: mem  5.00%, swap  5.00%', ['kernel-oom-kill']],
  ['LLVM ERROR: out of memory', ['fatal-out-of-memory']],
  ['rustc-LLVM ERROR: out of memory', ['fatal-out-of-memory']],
  ['ld.lld: error: out of memory', ['fatal-out-of-memory']],
  ['clang: error: unable to execute command: Killed', ['process-killed']],
  ['fatal: Out of memory, malloc failed (tried to allocate 2097152 bytes)', ['fatal-out-of-memory']],
  ['bash: xmalloc: ../bash/make_cmd.c:100: cannot allocate 64 bytes (0 bytes allocated)', ['fatal-out-of-memory']],
  ['# There is insufficient memory for the Java Runtime Environment to continue.', ['program-out-of-memory']],
  ["The command '/bin/sh -c go test ./...' returned a non-zero code: 137", ['sigkill-reported']],
  ["The command '/bin/sh -c go mod download' returned a non-zero code: 1", []],
  ['the linker reported: out of memory budget is 3 items', []],
  // process-limit
  ['runtime: program exceeds 10000-thread limit', ['go-thread-exhaustion']],
  ['fatal error: thread exhaustion', ['fatal-error', 'go-thread-exhaustion']],
  ['fatal error: newosproc', ['fatal-error', 'go-thread-exhaustion']],
  ['sh: 1: Cannot fork', ['thread-start-refused']],
  ['[3.1s][warning][os,thread] Failed to start the native thread for java.lang.Thread "pool-2-thread-9"', ['thread-start-refused']],
  ['Cannot fork the mirror: the repository is archived', []],
  // noexec-mount
  ['Options=mode=1777,strictatime,nosuid,nodev,noexec', ['noexec-listed']],
  ['Options=mode=1777,strictatime,nosuid,nodev', []],
  // fs-access
  ['write C:\\Users\\ann\\go\\pkg\\mod\\cache\\x: There is not enough space on the disk.', ['no-space-left']],
  ['open C:\\Users\\ann\\AppData\\Local\\go-build\\trim.txt: Access is denied.', ['permission-denied']],
  ['lockd: cannot monitor filer2', ['nfs-no-locks']],
  ['mkdir /home/ann/.cache/go-build/3f: input/output error', ['fs-io-error']],
  ["cp: error reading '/mnt/usbdisk/src/go.mod': Input/output error", ['fs-io-error']],
  ['open /srv/ann/go.sum: structure needs cleaning', ['fs-io-error']],
  ['read /dev/ptmx: input/output error', []],
  ['EXT4-fs (nvme0n1p2): Remounting filesystem read-only', ['fs-remounted-read-only']],
  ['BTRFS info (device dm-0): forced readonly', ['fs-remounted-read-only']],
  ['XFS (vdb1): Log I/O Error Detected. Shutting down filesystem', ['fs-remounted-read-only']],
  ["ls: cannot access '/mnt/remote/src': Transport endpoint is not connected", ['fuse-endpoint-gone']],
  ['stat /home/ann/sshfs/app/go.mod: transport endpoint is not connected', ['fuse-endpoint-gone']],
  ['getpeername: transport endpoint is not connected', []],
  ['write unix @->/run/user/1000/bus: write: transport endpoint is not connected', []],
  ['nfs: server filer2 not responding, still trying', ['nfs-server-unresponsive']],
  ['nfs: server filer2 not responding, timed out', ['nfs-server-unresponsive']],
  ['nfs: server filer2 OK', []],
  ['open /home/ann/go/pkg/mod/cache/download/example.com/a/very/long/path/@v/v1.2.3.zip: file name too long', ['fs-name-or-size-limit']],
  ['write /media/ann/STICK/go/bin/app: file too large', ['fs-name-or-size-limit']],
  ['--- FAIL: TestLongName (0.00s) the name is too long for the column', []],
  ["fatal: detected dubious ownership in repository at '/src/app'", ['repo-owner-refused']],
  ["fatal: unsafe repository ('/src/app' is owned by someone else)", ['repo-owner-refused']],
  ["repository path '/src/app/' is not owned by current user", ['repo-owner-refused']],
  // go's VCS stamping when git died (exit 128) without its words: most often the same ownership refusal.
  ['error obtaining VCS status: exit status 128', ['vcs-stamp-git-refused']],
  ['#14 1.722 error obtaining VCS status: exit status 128', ['vcs-stamp-git-refused']],
  ['cmd/app/main.go:1: : error obtaining VCS status: exit status 128', ['vcs-stamp-git-refused']],
  // Another exit is not git's fatal refusal.
  ['error obtaining VCS status: exit status 1', []],
  // mac-policy
  ['\t\tMissing type enforcement (TE) allow rule.', ['selinux-named']],
  ['MemoryError: Cannot allocate write+execute memory for ffi.callback(). You might be running on a system that prevents this.', ['execmem-refused']],
  ['MemoryError', ['program-out-of-memory']],
  ['warning: Error disabling address space randomization: Operation not permitted', ['aslr-disable-refused']],
  ['setarch: failed to set personality to x86_64: Operation not permitted', ['aslr-disable-refused']],
  ['setarch: failed to set personality to linux32: Invalid argument', []],
  // complain mode and auditing allowed the access: not a denial
  ['audit: type=1400 audit(1.5:7): apparmor="ALLOWED" operation="open" profile="snap.code.code" name="/etc/x" pid=9 comm="code" requested_mask="r" denied_mask="r" fsuid=1000 ouid=0', []],
  ['audit: type=1400 audit(1.5:7): apparmor="DENIED" operation="open" profile="snap.code.code" name="/etc/x" pid=9 comm="code" requested_mask="r" denied_mask="r" fsuid=1000 ouid=0', ['apparmor-denied']],
  // file-watch: journalctl --follow out of inotify instances
  ['Insufficient watch descriptors available. Reverting to -n.', ['inotify-emfile']],
  // fs-access: VS Code's save refused, kubelet's disk evictions
  ["Failed to save 'handler.go': Insufficient permissions. Select 'Retry as Sudo' to retry as superuser.", ['permission-denied']],
  ['Container gobuild exceeded its local ephemeral storage limit "2Gi". ', ['storage-limit-exceeded']],
  ['Pod ephemeral local storage usage exceeds the total limit of containers 4Gi. ', ['storage-limit-exceeded']],
  ['Usage of EmptyDir volume "modcache" exceeds the limit "1Gi". ', ['storage-limit-exceeded']],
  ['The node was low on resource: ephemeral-storage. Threshold quantity: 3Gi, available: 1Gi. ', ['storage-limit-exceeded']],
  ['resources: {limits: {ephemeral-storage: 2Gi}}', []],
  // memory-limit: .NET's allocation failure
  ["Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.", ['program-out-of-memory']],
  // process-limit: the per-user process limit by name
  ['OpenBLAS blas_thread_init: RLIMIT_NPROC 4096 current, 4096 max', ['task-limit-named']],
  ['@builders   hard   nproc   2048', ['task-limit-named']],
  ['LimitNPROC=1024', ['task-limit-named']],
  ['docker run --ulimit nproc=128:256 golang:1.23 go test ./...', ['task-limit-named']],
  ['make -j$(nproc) all', []],
  // mount(8)'s listing with a space in the target; a traversal's ENOSPC; a CI runner's disk warning
  ['/dev/sdb1 on /media/ann/USB Stick type vfat (rw,nosuid,nodev,noexec,relatime,uid=1000)', ['noexec-listed']],
  ['/dev/sdb1 on /media/ann/USB Stick type vfat (rw,nosuid,nodev,relatime,uid=1000)', []],
  ['[fatal]  initial sync: error while traversing /home/ann/proj/web: no space left on device', ['inotify-enospc']],
  ['write /home/ann/proj/out.bin: no space left on device', ['no-space-left']],
  // EAGAIN that is contention, not a task limit; errnos in Python's and node's words
  ['E: Could not get lock /var/lib/dpkg/lock-frontend - open (11: Resource temporarily unavailable)', []],
  ['Error: EAGAIN: resource temporarily unavailable, read', []],
  ['fork/exec /usr/bin/git: resource temporarily unavailable', ['eagain']],
  ["OSError: [Errno 5] Input/output error: '/mnt/nas/go/pkg/mod/cache/x'", ['fs-io-error']],
  ["Error: EIO: i/o error, read '/mnt/remote/app/go.mod'", ['fs-io-error']],
  ["Error: ENOTCONN: socket is not connected, stat '/mnt/remote/app'", ['fuse-endpoint-gone']],
  ['Error: read ENOTCONN', []],
  ["Error: ENAMETOOLONG: name too long, open '/home/ann/go/pkg/mod/x'", ['fs-name-or-size-limit']],
  ["OSError: [Errno 36] File name too long: '/home/ann/.cache/x'", ['fs-name-or-size-limit']],
  // Bazel's failed actions and hosting platforms' exit reports; git's object store written by root
  ['ERROR: /src/cmd/BUILD.bazel:9:10: GoLink cmd/srv_/srv failed: (Exit 137): builder failed: error executing GoLink command', ['sigkill-reported']],
  ['ERROR: /src/cmd/BUILD.bazel:9:10: GoLink cmd/srv_/srv failed: (Exit 1): builder failed: error executing GoLink command', []],
  ['ERROR: /src/tools/BUILD:4:8: Executing genrule //tools:gen failed: (Exit 126): bash failed: error executing command', ['exec-status-126']],
  ['==> Exited with status 137', ['sigkill-reported']],
  ['error: insufficient permission for adding an object to repository database .git/objects', ['repo-owner-refused']],
  // zsh's errno-first report of gopls refused under /tmp
  ['zsh: permission denied: /tmp/tools/bin/gopls', ['gopls-exec-denied', 'gopls-under-tmpfs-path']],
  ['##[warning]You are running out of disk space. The runner will stop working when the machine runs out of disk space. Free space left: 31 MB', ['runner-disk-low']],
  // mac-policy: SIGSYS as os/exec and the kernel's audit report it
  ['signal: bad system call (core dumped)', ['seccomp-sigsys']],
  ['audit: type=1701 audit(1712.3:41): auid=1000 uid=1000 gid=1000 ses=2 pid=77 comm="vet" exe="/usr/local/go/pkg/tool/linux_amd64/vet" sig=31 res=1', ['seccomp-sigsys']],
  ['audit: type=1701 audit(1712.3:41): auid=1000 uid=1000 gid=1000 ses=2 pid=77 comm="srv" exe="/home/ann/srv" sig=11 res=1', []],
  // fs-access: mode, owner or times of another user's file (EPERM), in each tool's words.
  ["chown: changing ownership of '/home/ann/go/pkg/mod': Operation not permitted", ['ownership-change-eperm']],
  ["chgrp: changing group of '/srv/cache': Operation not permitted", ['ownership-change-eperm']],
  ['chmod: /srv/cache/x: Operation not permitted', ['ownership-change-eperm']],
  ["touch: setting times of '/src/app/go.mod': Operation not permitted", ['ownership-change-eperm']],
  ["cp: preserving permissions for '/out/app': Operation not permitted", ['ownership-change-eperm']],
  ["cp: failed to preserve ownership for '/out/app': Operation not permitted", ['ownership-change-eperm']],
  ['tar: go/bin/go: Cannot change ownership to uid 1000, gid 1000: Operation not permitted', ['ownership-change-eperm']],
  ['tar: go/bin: Cannot utime: Operation not permitted', ['ownership-change-eperm']],
  ['rsync: [generator] chown "/data/go/bin" failed: Operation not permitted (1)', ['ownership-change-eperm']],
  ['rsync: failed to set times on "/data/go": Operation not permitted (1)', ['ownership-change-eperm']],
  ['Error response from daemon: failed to chmod on /var/lib/docker/volumes/cache/_data: chmod /var/lib/docker/volumes/cache/_data: operation not permitted', ['ownership-change-eperm']],
  ["Error: EPERM: operation not permitted, chmod '/home/ann/.vscode-server/bin/x/node'", ['ownership-change-eperm']],
  // Creating or opening a file with EPERM is not a mode change: the generic symptom at most.
  ["touch: cannot touch '/src/app/go.mod': Operation not permitted", ['not-permitted']],
  // fs-access: git's per-user configuration under a HOME the process may not enter.
  ["warning: unable to access '/root/.config/git/attributes': Permission denied", ['git-home-config-refused']],
  ["fatal: unable to access '/root/.config/git/ignore': Permission denied", ['git-home-config-refused']],
  ['error: could not lock config file /root/.gitconfig: Permission denied', ['git-home-config-refused']],
  // Another file refused is a bare refusal, not git's HOME.
  ["warning: unable to access '/srv/share/notes.txt': Permission denied", ['permission-denied']],
  // fs-access: a Windows file another process holds (sharing or lock violation).
  ['go: open C:\\Users\\ann\\AppData\\Local\\Temp\\go-build1\\b001\\exe\\a.out.exe: The process cannot access the file because it is being used by another process.', ['file-in-use']],
  ['The process cannot access the file because another process has locked a portion of the file.', ['file-in-use']],
  ["Error: EBUSY: resource busy or locked, unlink 'C:\\Users\\ann\\go\\bin\\gopls.exe'", ['file-in-use']],
  ["Error: EBUSY: resource busy or locked, rmdir '/mnt/data'", []],
  // mac-policy: snap-confine's own mounts refused (its AppArmor profile), not a missing path.
  ['cannot perform operation: mount --rbind /dev /tmp/snap.rootfs_Ab12Cd//dev: Permission denied', ['apparmor-profile-denied']],
  ['cannot perform operation: mount -t tmpfs /tmp/snap.rootfs_Ab12Cd: Permission denied', ['apparmor-profile-denied']],
  ['cannot perform operation: mount --rbind /dev /tmp/snap.rootfs_Ab12Cd//dev: No such file or directory', []],
  // mac-policy: no_new_privs, a cluster's pod security, the snap wrapper run from a snap.
  ['sudo: The "no new privileges" flag is set, which prevents sudo from running as root.', ['no-new-privileges-set']],
  ['sudo: If sudo is running in a container, you may need to adjust the container configuration to disable the flag.', ['no-new-privileges-set']],
  ['docker run --security-opt no-new-privileges golang:1.23 go test ./...', []],
  ['  Warning  Failed  4s (x3 over 30s)  kubelet  Error: container has runAsNonRoot and image will run as root (pod: "gobuild_ci(1a2b)", container: go)', ['pod-security-refused']],
  ['Error: container has runAsNonRoot and image has non-numeric user (gopher), cannot verify user is non-root (pod: "gobuild_ci(1a2b)", container: go)', ['pod-security-refused']],
  ['Error from server (Forbidden): error when creating "pod.yaml": pods "gobuild" is forbidden: violates PodSecurity "restricted:latest": runAsNonRoot != true', ['pod-security-refused']],
  ['Warning: would violate PodSecurity "restricted:latest": runAsNonRoot != true', []],
  ['      runAsNonRoot: true', []],
  ["Failed to run '/snap/bin/go env' (cwd: /home/ann/src/app): Error: Command failed: /snap/bin/go env -json GOPATH GOROOT", ['snap-wrapper-run-failed', 'editor-go-run-failed']],
  ['Error: Command failed: /snap/bin/go build -o bin/app ./cmd/app', []],
];

describe('limits, mounts and policies in more programs\' words: rules on upstream message formats', () => {
  it.each(MORE_PROGRAMS_CASES)('%s', (line, want) => {
    expect(ids(line)).toEqual(want);
  });

  it('a file system failing under the Go directories is an error of fs-access, a pty closing is nothing', () => {
    expect(ranked('nfs: server filer2 not responding, still trying')[0]).toMatchObject({ id: 'fs-access', severity: 'error' });
    expect(ranked('EXT4-fs (sda2): Remounting filesystem read-only')[0]).toMatchObject({ id: 'fs-access', severity: 'error' });
    expect(ranked('read /dev/ptmx: input/output error').filter((c) => c.severity === 'error')).toEqual([]);
  });

  it('a W^X refusal is a policy, not a lack of memory', () => {
    expect(ranked('MemoryError: Cannot allocate write+execute memory for ffi.callback().')[0]?.id).toBe('mac-policy');
  });
});
