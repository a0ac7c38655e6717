// The limits, mounts and policies families (file-watch, memory-limit, process-limit, noexec-mount,
// mac-policy) on lines written for this test from each message's upstream source: inotify(7) and
// inotify_add_watch(2), watchman, the JDK's LinuxWatchService, .NET's FileSystemWatcher, coreutils,
// systemd, kubelet, V8, the JDK, glibc, mmap(2), bubblewrap, Chromium, Delve, sestatus and the
// audit formats. Programs, paths and numbers are this test's own, not any corpus text's.
import { describe, expect, it } from 'vitest';
import { matchRules, type RuleId } from '../../../src/goplsLog/rules.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';
import { crashVerdict } from '../../../src/goplsLog/crashVerdict.js';

const ids = (line: string) => matchRules(line, {}).map((r) => r.id);

const CASES: Array<[string, RuleId[]]> = [
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
  ["chmod: changing permissions of '/srv/x': Operation not permitted", []],
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
  ['docker: Error response from daemon: AppArmor enabled on system but the docker-default profile could not be loaded: exit status 1', ['apparmor-named']],
  ['apparmor module is loaded.', []],
  // VS Code's older watcher notification, and the race detector (ThreadSanitizer) out of memory.
  ['Visual Studio Code is running out of file handles. Please follow the instructions link to resolve this issue.', ['watch-unable']],
  ['==4242==ERROR: ThreadSanitizer failed to allocate 0x100000 (1048576) bytes of sync allocator (error code: 12)', ['program-out-of-memory']],
  // The ordinary file refusal stays fs-access's.
  ['open /home/ann/go/pkg/mod/cache/lock: permission denied', ['go-file-refused']],
  ['bash: cd: /srv/private: Permission denied', ['permission-denied']],
];

describe('limits, mounts and policies: rules on real message formats', () => {
  it.each(CASES)('%s', (line, want) => {
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
