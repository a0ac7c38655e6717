// process-limit: the words that say a process or thread could not be created (EAGAIN, a pids or
// task limit). One file per class, so a family's rules read together; the order they are tried
// in is order.ts's.
import type { Rule } from './rule.js';

/**
 * EAGAIN on I/O, not on a fork: node's "EAGAIN: resource temporarily unavailable, read" on a
 * non-blocking stdin (libuv fs read), Go's *PathError/*OpError for a read, write or accept on a
 * non-blocking descriptor ("write /dev/stdout: resource temporarily unavailable", "accept tcp
 * [::]:8080: accept4: resource temporarily unavailable"). The eagain rule leaves these out, and
 * the analyzer's word model reads them as no trouble (analyzer.ts tellsOfTrouble). A regex source.
 */
export const NONBLOCKING_IO_EAGAIN = String.raw`EAGAIN: resource temporarily unavailable, (?:read|write)\b|\b(?:read|write|accept4?|recvfrom|sendto|recvmsg|sendmsg)(?: [^\s:]+)?: resource temporarily unavailable`;

export const PROCESS_RULES: readonly Rule[] = [
  {
    id: 'spawn-out-of-files',
    classId: 'process-limit',
    severity: 'warning',
    confidence: 0.55,
    // os/exec's and syscall's words when a process could not be started for want of descriptors:
    // "fork/exec /usr/local/go/bin/go: too many open files" (the pipes for its stdio could not be
    // made), "pipe2: too many open files". The process's RLIMIT_NOFILE is full: not a watcher (a
    // tester's real gopls under ulimit -n 14 was filed under "out of inotify watches", its loads'
    // failures above it under module placement). inotify_init's EMFILE is inotify-emfile's.
    // Only gopls's own go command (internal/gocommand: "err: fork/exec …: too many open files:
    // stderr: "): gopls on Linux holds no watcher descriptors of its own (the editor watches for
    // it), so its table is full because its limit is low. Another program's fork/exec EMFILE may
    // be its watchers' doing (file-watch's too-many-open-files reads that).
    needles: ['oo many open files'],
    // gopls v0.23.0 under `prlimit --nofile=12` (a tester's f38) fails one step earlier, making the
    // pipes for go's stdio: "failed to load view for …: err: pipe2: too many open files", with no
    // "stderr:" after it (the command never ran). Same limit, same reading.
    // Two top-level alternatives, each holding the needle's run whole (rules.ts testNeedsOf reads none inside a group).
    test: /\berr: fork\/exec \S+: too many open files: stderr:|\berr: pipe2?: too many open files\b/,
    // With a watcher named just before, the watchers are what holds the descriptors (file-watch's).
    yieldsTo: ['inotify-emfile', 'watch-descriptors-exhausted'],
    explains: ['module-resolution', 'gopls-launch'],
    says: "gopls could not start the go command because it ran out of file descriptors (\"fork/exec …: too many open files\", \"pipe2: too many open files\"): its open-files limit (RLIMIT_NOFILE, ulimit -n, a service's LimitNOFILE=) is too low for gopls and go",
  },
  {
    id: 'thread-create-failed',
    classId: 'process-limit',
    role: 'symptom',
    symptom: 'thread-create',
    severity: 'error',
    confidence: 0.85,
    // And cgo's own words when a cgo-enabled Go program cannot start a thread (runtime/cgo
    // gcc_libinit.c: "runtime/cgo: pthread_create failed: %s", then abort(), so "SIGABRT: abort"
    // and a dump follow): gopls v0.23.0 in a v1 pids cgroup with pids.max=14 (a tester's f19) said
    // it with EAGAIN's words, read before as a bare EAGAIN and the abort as a kill by SIGABRT.
    needles: ['failed to create new OS thread', 'runtime/cgo: pthread_create failed'],
    // errno=1 (EPERM) is a seccomp or container policy, see thread-create-eperm. errno=12 (ENOMEM)
    // stays here: clone(2) answers ENOMEM for an exhausted pid space too (alloc_pid), not only for
    // memory. Any other errno is no limit: the runtime (os_linux.go newosproc) adds "may need to
    // increase max user processes (ulimit -u)" only for EAGAIN, and EINVAL (22) is clone refusing
    // the runtime's flags (a kernel older than that Go supports, an emulator), kept as an
    // unclassified error line rather than named a task limit.
    // EAGAIN is 35 on macOS and the BSDs, where the runtime prints the same line (os_darwin.go's
    // pthread_create, os_freebsd.go's thr_new, os_openbsd.go's tfork: "runtime: failed to create new
    // OS thread (have 2049 already; errno=35)"); on Linux 35 is EDEADLK, which clone never answers.
    // Windows' errno=8 and 1455 (no memory for the thread, the commit limit) are memory's
    // (fatal-out-of-memory).
    test: /failed to create new OS thread(?![^\n]*errno=(?!11\b|12\b|35\b)\d+\b)|runtime\/cgo: pthread_create failed: (?:Resource temporarily unavailable|Cannot allocate memory)/,
    says: 'the Go runtime could not create a thread: a process or thread limit was reached, or an address-space limit (ulimit -v) left no room for its stack',
  },
  {
    id: 'eagain',
    classId: 'process-limit',
    role: 'symptom',
    symptom: 'thread-create',
    severity: 'error',
    confidence: 0.7,
    needles: ['esource temporarily unavailable'],
    // Not EAGAIN from a lock or a non-blocking read, which is contention, not a task limit: apt's
    // "E: Could not get lock /var/lib/dpkg/lock - open (11: Resource temporarily unavailable)"
    // (apt-pkg fileutl.cc GetLock), node's "EAGAIN: resource temporarily unavailable, read" on a
    // non-blocking stdin (libuv fs read). The same errno on I/O in other writers' words: Go's
    // *PathError/*OpError for a read, write or accept on a non-blocking descriptor ("write
    // /dev/stdout: resource temporarily unavailable", os/file.go's Op and Path; net's "accept tcp
    // [::]:8080: accept4: resource temporarily unavailable", the system call's name last), strace's record of
    // a system call other than fork/clone/vfork returning it ("read(3, …) = -1 EAGAIN (Resource
    // temporarily unavailable)", "futex(…) = -1 EAGAIN": strace prints every errno in that shape,
    // and a non-blocking read or a futex wake answers EAGAIN on every healthy system), and Python's
    // BlockingIOError, which the Python docs define as "an operation would block on an object (e.g.
    // socket) set for non-blocking operation" (fcntl.flock with LOCK_NB says it too). Python raises
    // the same exception for a refused fork; right after subprocess's _execute_child (nearExec) it
    // is the fork's.
    test: new RegExp(String.raw`^(?![^\n]*(?:Could not get lock |${NONBLOCKING_IO_EAGAIN}|^\s*(?:\[pid\s+\d+\]\s*)?(?!(?:clone3?|v?fork|pthread_create|posix_spawn)\()[a-z_][a-z0-9_]*\([^\n]*\)\s*=\s*-1 EAGAIN\b|BlockingIOError: \[Errno 11\]))(?=[^\n]*esource temporarily unavailable)`),
    nearExec: /BlockingIOError: \[Errno 11\] Resource temporarily unavailable/,
    yieldsTo: ['thread-create-failed'],
    says: 'fork or clone failed with "resource temporarily unavailable" (EAGAIN): a process or thread limit was reached, or an address-space limit (ulimit -v) left no room for its stack',
  },
  {
    id: 'pids-fork-rejected',
    classId: 'process-limit',
    severity: 'error',
    confidence: 0.9,
    // kernel/cgroup/pids.c: "cgroup: fork rejected by pids controller in /user.slice/…".
    needles: ['fork rejected by pids controller'],
    says: "the kernel's pids controller refused a fork: the cgroup's pids.max was reached",
  },
  {
    id: 'maxproc-exceeded',
    classId: 'process-limit',
    severity: 'error',
    confidence: 0.85,
    // FreeBSD's kernel refusing a fork at the process limit (sys/kern/kern_fork.c fork1, then EAGAIN):
    // "maxproc limit exceeded by uid %u (pid %d); see tuning(7) and login.conf(5)", older releases
    // "maxproc limit exceeded by uid %i, please see tuning(7) and login.conf(5)." The per-user
    // limit (login.conf maxproc, kern.maxprocperuid) or the system's (kern.maxproc) was reached.
    needles: ['maxproc limit exceeded by uid'],
    says: "the kernel refused a fork: the user's or the system's process limit (maxproc, login.conf) was reached",
  },
  {
    id: 'node-pid-pressure',
    classId: 'process-limit',
    severity: 'error',
    confidence: 0.75,
    // The kubelet running short of process ids on its node (kubernetes pkg/kubelet): the eviction
    // manager's messages for the pid.available signal, whose resource is "pids" and whose node
    // condition is PIDPressure (eviction/helpers.go nodeLowMessageFmt "The node was low on
    // resource: %v. ", nodeConditionMessageFmt "The node had condition: %v. "), and the node
    // status setter's PIDPressure=True words, "KubeletHasInsufficientPID kubelet has insufficient
    // PID available" (nodestatus/setters.go; the healthy state says "has sufficient PID available").
    // Older kubelets put the condition in brackets: "The node was low on resource: [PIDPressure].".
    needles: ['low on resource: pids', 'PIDPressure', 'insufficient PID available', 'KubeletHasInsufficientPID'],
    test: /low on resource: \[?(?:pids|PIDPressure)\b|The node had condition: \[[^\]\n]*\bPIDPressure\b|\bkubelet has insufficient PID available\b|\bKubeletHasInsufficientPID\b/,
    says: 'the kubelet found its node short of process ids (PIDPressure) and evicted or refused pods: a process limit was reached',
  },
  {
    id: 'thread-start-refused',
    classId: 'process-limit',
    role: 'symptom',
    symptom: 'thread-create',
    severity: 'error',
    confidence: 0.75,
    // Thread or process creation refused (EAGAIN) in other runtimes' words: Python's "RuntimeError:
    // can't start new thread", Java's "OutOfMemoryError: unable to create new native thread" /
    // "unable to create native thread: possibly out of memory or process/resource limits reached",
    // node's failed "uv_thread_create" assertion, bash's "fork: retry: No child processes",
    // busybox's "can't fork", "spawn … EAGAIN", and the Go runtime's advice "may need to increase
    // max user processes (ulimit -u)". Also dash's jobs.c forkparent, sh_error("Cannot fork") (the
    // /bin/sh of Debian and Ubuntu that go generate, make and cgo's scripts run under), and
    // HotSpot's jvm.cpp "Failed to start the native thread for java.lang.Thread \"x\"" (JDK 11+,
    // logged beside the pthread_create EAGAIN). node's child_process.spawnSync names its call
    // "spawnSync" ("Error: spawnSync /bin/sh EAGAIN", errnoException(err, 'spawnSync ' + file)).
    // OpenBSD's runtime advises "(ulimit -p)" where Linux's says "-u" (os_openbsd.go newosproc).
    needles: ["can't start new thread", 'native thread', 'uv_thread_create', 'fork: retry', "can't fork", 'EAGAIN', 'max user processes', 'Cannot fork'],
    test: /can't start new thread|unable to create (?:new )?native thread|Failed to start the native thread for\b|uv_thread_create|fork: retry:|can't fork|^(?:\S+: )?(?:\d+: )?Cannot fork\s*$|(?:spawn(?:Sync)?|fork|clone3?|pthread_create)\b[^\n]{0,200}\bEAGAIN\b|increase max user processes/,
    yieldsTo: ['thread-create-failed', 'eagain', 'thread-create-eperm'],
    says: 'a thread or process could not be created (EAGAIN): a process or thread limit was reached, or an address-space limit (ulimit -v) left no room for its stack',
  },
  {
    id: 'go-thread-exhaustion',
    classId: 'process-limit',
    role: 'symptom',
    symptom: 'thread-create',
    severity: 'warning',
    confidence: 0.55,
    // The Go runtime's fatal errors when it cannot have another thread: proc.go checkmcount's
    // "runtime: program exceeds 10000-thread limit" then "fatal error: thread exhaustion" (the
    // runtime's own cap, debug.SetMaxThreads, reached when goroutines pile up in blocking system
    // calls), and os_linux.go newosproc's "fatal error: newosproc" after a clone refused (its
    // errno line says which; errno=1 is thread-create-eperm's policy, which outranks this). On
    // macOS and the BSDs the throw is "runtime.newosproc" (os_darwin.go, os_openbsd.go: "fatal
    // error: runtime.newosproc").
    needles: ['-thread limit', 'thread exhaustion', 'fatal error: newosproc', 'fatal error: runtime.newosproc'],
    test: /runtime: program exceeds \d+-thread limit|\bthread exhaustion\b|fatal error: (?:runtime\.)?newosproc\b/,
    // newosproc throws "fatal error: newosproc" after any refused clone; the line before it gives
    // the errno. EAGAIN/ENOMEM is a limit (thread-create-failed reads that line), but another errno
    // is not (EINVAL: qemu-user emulating another architecture, an old kernel), so its throw is
    // no thread limit either: the crash stays, unexplained, and no limit is blamed. The errno
    // line's words ("failed to create new OS thread") are a thread limit's in every report, but
    // its errno says it is none: a guess from them would blame the limit the errno rules out.
    notAfter: { test: /failed to create new OS thread[^\n]*errno=(?!11\b|12\b)\d+/, lines: 2, holds: /newosproc/, wordsMislead: true },
    // checkmcount's cap is the program's own setting, not the kernel's refusal, yet a system's in
    // practice too: dockerd sets it from kernel.threads-max (moby's configureMaxThreads), and
    // thousands of threads blocked in system calls are what a stalled file system leaves. So a
    // symptom, explained only by a limit found in this run; the words say which runtime limit it is
    // (a tester read "a thread or task limit was reached" as a claim about the kernel's).
    says: "the Go runtime could not have another OS thread (newosproc: the kernel refused one; or \"thread exhaustion\": the runtime's own cap, debug.SetMaxThreads, 10000 unless the program set it, e.g. from kernel.threads-max): threads ran out",
  },
  {
    id: 'task-limit-named',
    classId: 'process-limit',
    severity: 'warning',
    confidence: 0.45,
    // The task limits by name: cgroup pids.max / pids.events, Docker's --pids-limit, systemd's
    // TasksMax, `ulimit -u` / "max user processes", kernel.threads-max and pid_max. Also
    // RLIMIT_NPROC by name (OpenBLAS's "blas_thread_init: RLIMIT_NPROC 4096 current, 4096 max"),
    // an nproc line of limits.conf(5) ("* soft nproc 4096"), systemd's LimitNPROC= and Docker's
    // `--ulimit nproc=…`.
    needles: ['pids.max', 'pids.events', 'pids-limit', 'pids_limit', 'TasksMax', 'ulimit -u', 'max user processes', 'threads-max', 'threads_max', 'RLIMIT_NPROC', 'nproc', 'LimitNPROC='],
    test: /\bpids\.(?:max|events)\b|--pids-limit|\bpids_limit\b|\bTasksMax\b|ulimit -u\b|max user processes|threads[-_]max|\bRLIMIT_NPROC\b|^\s*[\w@*%:-]+\s+(?:soft|hard|-)\s+nproc\s+(?:\d+|unlimited)\s*$|\bLimitNPROC=|--ulimit[ =]nproc=/m,
    yieldsTo: ['thread-start-refused', 'thread-create-failed', 'pids-fork-rejected'],
    says: 'the process and thread limits (pids.max, TasksMax, ulimit -u, threads-max) are named: a task limit is in play',
  },
  // Lane remote: a remote server's terminal that could not be started (test/fixtures/remote-messages.jsonl).
  {
    id: 'pty-fork-failed',
    classId: 'process-limit',
    role: 'symptom',
    symptom: 'thread-create',
    severity: 'warning',
    confidence: 0.5,
    // node-pty (src/unix/pty.cc PtyFork): "forkpty(3) failed." when forkpty returns -1, which VS
    // Code's terminal (and its remote server's pty host) shows as "The terminal process failed to
    // launch: A native exception occurred during launch (forkpty(3) failed.)." forkpty forks: on a
    // remote machine or container it fails with EAGAIN when the user's process limit (ulimit -u,
    // the cgroup's pids.max) is reached, or when no pseudo-terminal can be had. A warning: the
    // limit itself is what the process-limit probe reads.
    needles: ['forkpty(3) failed'],
    says: 'a terminal could not be started (forkpty failed): the user\'s process limit (ulimit -u, pids.max) or the pseudo-terminals on the remote side ran out',
  },
  // Lane loose: a container's init process that died before it told runc its pid.
  {
    id: 'runc-init-died',
    classId: 'process-limit',
    role: 'symptom',
    symptom: 'init-died',
    severity: 'warning',
    confidence: 0.5,
    // runc (opencontainers/runc libcontainer) talks to "runc init" over a socket pair it names
    // "init-p" / "init-c" (utils/utils_unix.go NewSockPair: os.NewFile(fd, name+"-p")), so a read on
    // the parent's end after the init died with the bootstrap data unread is Go's *PathError "read
    // init-p: connection reset by peer". runc wraps it in the step that was waiting
    // (process_linux.go): "getting the final child's pid from pipe caused" (the 1.0-rc releases),
    // initWaiter's "waiting for init preliminary setup: %w", "can't get final child's PID from pipe:
    // %w" and, for exec, "error reading pid from init pipe: %w"; containerd and Docker put "OCI
    // runtime create failed: runc create failed: unable to start container process:" in front. The
    // init dies there mostly of the container's limits (runc#1914, "Tight container limits may cause
    // …"): pids.max counts the threads runc init's Go runtime starts before it execs the command,
    // and a memory limit lets the OOM killer take it. Newer runc (process_linux.go as read at
    // 8da42aa and 00b3a7f) reads the memory cgroup's OOM kill count when the start fails and then
    // says "container init was OOM-killed (memory limit too low?)" or appends "(possibly
    // OOM-killed)" (oom-killed-named reads both), so there the bare reset leans to the task limit;
    // older runc, a kernel too old for the runc in use and emulated architectures give it too.
    // Hence a symptom: explained only by a task or memory limit found in this run, and otherwise
    // shown with the checks that would tell (explain.ts init-died).
    // The init may also die having written nothing: the same steps then read EOF ("can't get final
    // child's PID from pipe: EOF", "error reading pid from init pipe: EOF", the 1.0-rc "getting the
    // final child's pid from pipe caused: EOF").
    needles: ['read init-p: connection reset by peer', "final child's PID from pipe: EOF", "final child's pid from pipe caused: EOF", 'reading pid from init pipe: EOF'],
    says: "a container's init process died before it reported to runc (\"read init-p: connection reset by peer\"): the container's pids limit (runc init's threads count against pids.max) or its memory limit (the OOM killer) is the usual reason",
  },
];
