// memory-limit: the runtime's, the kernel's and container runtimes' words for running out of
// memory or being killed for it. One file per class, so a family's rules read together; the
// order they are tried in is order.ts's.
import type { Rule } from './rule.js';

export const MEMORY_RULES: readonly Rule[] = [
  {
    id: 'fatal-out-of-memory',
    classId: 'memory-limit',
    // What the program saw, not why it happened (explain.ts 'out-of-memory'): a memory cgroup or an
    // exhausted machine explains it when a probe finds one; a linter's own memory regression or a
    // daemon's leak prints the same words. A symptom, so it is an error only once a limit is found.
    role: 'symptom',
    symptom: 'out-of-memory',
    severity: 'warning',
    confidence: 0.85,
    // The Go runtime on any OS ("fatal error: out of memory" on Windows, "failed to reserve page
    // summary memory" and "cannot reserve arena virtual address space" under ulimit -v,
    // "VirtualAlloc of 8192 bytes failed with errno=1455" when Windows' paging file is full), the
    // compiler's "file.go:1: out of memory", and ENOMEM in C's words (strerror's "Cannot allocate
    // memory", gcc's "virtual memory exhausted", cc1's "out of memory allocating 65536 bytes").
    // Also sysMap's "runtime: cannot map pages in arena address space" (mmap refused,
    // runtime/mem_linux.go), under a memory or address-space limit, and Windows' sysUsedOS
    // "runtime: failed to commit pages" (VirtualAlloc MEM_COMMIT refused: the commit limit).
    // The C toolchain's and git's own allocators: LLVM's report_bad_alloc_error "LLVM ERROR: out of
    // memory" (clang, rustc's "rustc-LLVM ERROR"), lld's "ld.lld: error: out of memory", git's
    // wrapper.c "fatal: Out of memory, malloc failed (tried to allocate N bytes)" (go get runs
    // git; xrealloc's and xcalloc's "Out of memory, realloc failed" / "calloc failed" beside it), bash's lib/malloc/xmalloc.c "xmalloc: [file:line: ]cannot allocate N bytes".
    // And the runtime's own report of an mmap refused with ENOMEM (errno 12), printed before it
    // throws (runtime/mem_linux.go sysMapOS: print("runtime: mmap(", v, ", ", n, ") returned ", p,
    // ", ", err, "\n")).
    // On Windows the runtime's thread-create failure carries GetLastError (os_windows.go newosproc:
    // "runtime: failed to create new OS thread (have 11 already; errno=8)", then "fatal error:
    // runtime.newosproc"): CreateThread answers ERROR_NOT_ENOUGH_MEMORY (8) or
    // ERROR_COMMITMENT_LIMIT (1455) when the thread's stack cannot be had. On Linux clone never
    // answers errno 8 (ENOEXEC), and 1455 is no Unix errno.
    needles: ['runtime: mmap(', 'runtime: out of memory', 'failed to create new OS thread (have', 'annot allocate memory', 'fatal error: out of memory', 'failed to reserve page summary memory', ': out of memory', 'cannot reserve arena', 'VirtualAlloc of', 'virtual memory exhausted', 'out of memory allocating', 'cannot map pages in arena', 'runtime: failed to commit pages', 'LLVM ERROR: out of memory', 'Out of memory, ', 'xmalloc: '],
    test: /runtime: mmap\([^)\n]{0,100}\) returned 0x0, 12\b|failed to create new OS thread \(have \d+ already; errno=(?:8|1455)\)|runtime: out of memory|[Cc]annot allocate memory|fatal error: out of memory|failed to reserve page summary memory|cannot reserve arena|cannot map pages in arena address space|runtime: failed to commit pages|VirtualAlloc of \d+ bytes failed with errno=(?:1455|8)\b|virtual memory exhausted|out of memory allocating \d+ bytes|\.go:\d+: out of memory|^(?:[\w.-]+: )?(?:[Ee]rror: )?out of memory\s*$|\bLLVM ERROR: out of memory\b|\bOut of memory, (?:malloc|realloc|calloc) failed\b|\bxmalloc: (?:[^\s:]{1,200}:\d+: )?cannot allocate \d+ bytes/m,
    // A user's program asking for 220 GB to decode a fuzzer's gob (golang/go#24446) or 3.4 TB for a
    // crafted PNG header (golang/go#53778, both tuning negatives): its frames name the size.
    withdrawnByHugeAllocation: 12,
    yieldsTo: ['fork-enomem'],
    // Not one fixed quotation: the line is the evidence (a tester's "failed to reserve page summary
    // memory" under ulimit -v was reported as "runtime: out of memory", which it never said).
    says: 'gopls (or the go command it ran) ran out of memory, in the words quoted below; "failed to reserve page summary memory" and "cannot reserve arena" at start mean a virtual-memory limit (ulimit -v, RLIMIT_AS) or strict overcommit, not a lack of RAM',
  },
  {
    id: 'fork-enomem',
    classId: 'memory-limit',
    severity: 'warning',
    confidence: 0.65,
    // fork(2)/clone(2) refused with ENOMEM as a Go program or a shell reports it ("fork/exec
    // /usr/bin/git: cannot allocate memory", bash's "fork: Cannot allocate memory"): the kernel would
    // not commit a copy of the parent's address space. Most often the machine's or the container's
    // memory is short (eight tuning texts, a small VPS or a memory-limited container: moby/tool#19,
    // gogs/gogs#3943, flynn/flynn#4033…), but a runtime that forks a large heap instead of using
    // vfork meets it with memory to spare under heuristic overcommit (corpus55's tuning negative
    // golang/go#31936: Go on s390x before its fix). The line alone cannot tell them apart: a warning
    // beside fatal-out-of-memory's error, which yields to it on such a line.
    needles: ['annot allocate memory'],
    test: /\bfork\/exec [^\n:]*: cannot allocate memory|\bfork: Cannot allocate memory/,
    says: 'a process could not be forked for lack of memory (ENOMEM): the machine or the container was short of memory, or the forking program\'s address space too large to copy under the kernel\'s overcommit policy',
  },
  {
    id: 'max-map-count-low',
    classId: 'memory-limit',
    severity: 'warning',
    confidence: 0.6,
    // The kernel's limit on a process's memory mappings (vm.max_map_count, 65530 by default) as a
    // program's start-up check reports it, Elasticsearch's and CrateDB's bootstrap check: "max
    // virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]".
    // The fix is the host's sysctl (a container cannot raise it). Filed under memory-limit by the
    // corpus's convention (corpus3); written from corpus45's two tuning texts.
    needles: ['vm.max_map_count'],
    test: /vm\.max_map_count \[\d+\] is too low/,
    says: 'the kernel\'s per-process limit on memory mappings (vm.max_map_count) is below what the program checks for at start: it is raised on the host with sysctl, not inside a container',
  },
  {
    id: 'v8-reserve-refused',
    classId: 'memory-limit',
    severity: 'warning',
    confidence: 0.6,
    // V8 (Electron's VS Code, node, Chromium) reserves a large virtual range for each isolate's heap
    // (its pointer-compression cage) before it uses any of it; an address-space limit below that
    // (ulimit -v, limits.conf's `as`, a batch system's RLIMIT_AS) refuses the reservation however
    // much memory is free, and V8 aborts at start: "Fatal process out of memory: Failed to reserve
    // memory for new V8 Isolate" (the tuning text microsoft/vscode#110535: `as 7340032` in limits.conf).
    needles: ['Failed to reserve memory for new V8 Isolate'],
    says: 'V8 (the editor\'s Electron or node) could not reserve the address space for its heap: an address-space limit (ulimit -v, limits.conf `as`) is below what it reserves at start, whatever memory is free',
  },
  {
    id: 'go-command-killed',
    classId: 'memory-limit',
    role: 'symptom',
    symptom: 'killed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['signal: killed'],
    // Go's os/exec words for a child that died of SIGKILL: a go command gopls ran, or gopls itself
    // as a Go client saw it ("gopls: signal: killed", a tester's paste): the line names the program.
    says: 'a process was killed with SIGKILL ("signal: killed", Go\'s words for a child that was: the program the line names, a go command gopls ran or gopls itself), which is what the kernel\'s OOM killer looks like from outside',
  },
  {
    id: 'kernel-oom-kill',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.9,
    // mm/oom_kill.c: "Out of memory: Killed process 123 (gopls) total-vm:…", "Memory cgroup out of
    // memory: Killed process …", "oom-kill:constraint=CONSTRAINT_MEMCG,…,task=gopls,pid=123",
    // "X invoked oom-killer: gfp_mask=…", "oom_reaper: reaped process 123 (x)".
    // Userspace killers too: "systemd-oomd[840]: Killed /user.slice/… due to memory pressure",
    // and the memcg report's "memory: usage 30720kB, limit 30720kB, failcnt 12".
    // Older kernels' memcg report (mm/memcontrol.c before 4.19: "Task in /docker/abc killed as a
    // result of limit of /docker/abc"), sysctl vm.oom_kill_allocating_task's "Out of memory
    // (oom_kill_allocating_task): Killed process 123 (go)", and earlyoom's warning before it kills
    // ("earlyoom: low memory! at or below SIGTERM limits: mem 10.00%, …").
    // And the memcg OOM report's statistics header (mm/memcontrol.c mem_cgroup_print_oom_meminfo:
    // "Memory cgroup stats for /docker/abc:"), printed only inside an OOM report.
    // And the OOM report's call trace (dump_header's dump_stack, called from oom_kill_process): the
    // frames of mm/oom_kill.c's oom_kill_process, out_of_memory and pagefault_out_of_memory and
    // mm/memcontrol.c's mem_cgroup_out_of_memory ("oom_kill_process+0x21f/0x420"), which only that
    // path prints; a paste often keeps the trace and loses the "Killed process" line after it.
    // Other kernels' OOM kills: FreeBSD's vm_pageout.c vm_pageout_oom ("pid %d (%s), jid %d, uid %d,
    // was killed: %s", older releases without the jid) with its three reasons ("out of swap space",
    // "failed to reclaim memory", "a thread waited too long to allocate a page"), and macOS's xnu
    // memorystatus killing on low swap ("low swap: killing largest compressed process with pid %d
    // (%s) and size %llu MB", older xnu "low swap: killing pid %d (%s)").
    // Linux 2.6's wording of the same kill (mm/oom_kill.c before 3.x): "Out of memory: kill process
    // 15575 (x) score 77029 or a child", lower case.
    // And panic_on_oom (kernel/panic.c via mm/oom_kill.c check_panic_on_oom: "Kernel panic - not
    // syncing: Out of memory: system-wide panic_on_oom is enabled", or "… compulsory panic_on_oom is
    // enabled"): the machine ran out and rebooted instead of killing (catalog row, lane limits of 2026-12-05).
    // Lane h16 (the programs' own words, read from their sources):
    // - the OOM path's frames as GCC names its split and specialised copies (".cold", ".part.0",
    //   ".isra.0", ".constprop.0": "oom_kill_process.cold+0xb/0x10", "out_of_memory.part.0+0x1b4/0x470"),
    //   which distribution kernels print in that report's call trace as often as the plain names;
    // - dump_tasks' header (mm/oom_kill.c, called only from dump_header on the OOM path): "Tasks state
    //   (memory values in pages):" and its column line "[  pid  ]   uid  tgid total_vm      rss …"
    //   (before 4.19 "[ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents …", alone);
    // - xnu's per-process memory limit (bsd/kern/kern_memorystatus.c memorystatus_log_exception:
    //   "EXC_RESOURCE -> %s[%d] exceeded mem limit: %s%s %d MB (%s)", newer xnu "memorystatus: %s [%d]
    //   exceeded mem limit: …"), only its fatal (Hard) form: macOS killed the process at its limit.
    needles: ['panic_on_oom is enabled', 'ut of memory: Kill', 'ut of memory: kill process', 'oom-kill:', 'invoked oom-killer', 'oom_reaper: reaped process', 'oom_reaper: unable to reap', 'Out of memory! avail', 'systemd-oomd', 'earlyoom', ', failcnt ', 'killed as a result of limit of', 'oom_kill_allocating_task', 'Memory cgroup stats for', 'oom_kill_process', 'out_of_memory', ', was killed: ', 'low swap: killing', 'Tasks state (memory values in pages)', 'tgid total_vm', 'exceeded mem limit: '],
    test: /\bTasks state \(memory values in pages\):|\[\s*pid\s*\]\s+uid\s+tgid\s+total_vm\s+rss\b|(?:\bEXC_RESOURCE -> |\bmemorystatus: )[^\n]{1,100}\[\d+\] exceeded mem limit: (?:Active|Inactive)Hard \d+ MB \(fatal\)|\bOut of memory: (?:system-wide|compulsory) panic_on_oom is enabled\b|\bpid \d+ \([^)\n]{1,100}\),(?: jid \d+,)?(?: uid \d+,)? was killed: (?:out of swap space|failed to reclaim memory|a thread waited too long to allocate a page)|\blow swap: killing (?:largest compressed process with )?pid \d+|\b(?:oom_kill_process|mem_cgroup_out_of_memory|pagefault_out_of_memory|out_of_memory)(?:\.(?:cold|part|isra|constprop)(?:\.\d+)?)*\+0x[0-9a-f]+\/0x[0-9a-f]+|\bMemory cgroup stats for\b|(?:Out of memory(?: \(oom_kill_allocating_task\))?|Memory cgroup out of memory): (?:Kill(?:ed)?|kill) process \d+|oom-kill:constraint=|invoked oom-killer:|oom_reaper: (?:reaped process \d+|unable to reap pid:\s*\d+)|systemd-oomd[^\n]*(?:Killed|killed \d+ process|\bMarked \S+ for killing due to)|earlyoom[^\n]*(?:sending SIG|[Kk]illing|low memory!|Out of memory! avail)|memory: usage \d+kB, limit \d+kB, failcnt [1-9]|\bTask in \S+ killed as a result of limit of \S/,
    says: "the kernel's OOM killer killed a process (a memory cgroup or the machine ran out of memory)",
  },
  {
    id: 'process-killed',
    classId: 'memory-limit',
    role: 'symptom',
    symptom: 'killed',
    severity: 'warning',
    confidence: 0.5,
    // SIGKILL seen from outside: bash's "line 1: 40423 Killed   cmd" and a lone "Killed", exit
    // code 137 (128+9), gcc's "internal compiler error: Killed (program cc1)", GNU make's
    // "make: *** [Makefile:45: lint] Killed" (job.c child_error: "%s[%s: %s] %s%s%s" with
    // strsignal(SIGKILL); make before 4.3 wrote "*** [lint] Killed"), and clang's driver
    // (err_drv_command_failure with llvm::sys::ExecuteAndWait's strsignal: "clang: error: unable
    // to execute command: Killed", macOS "Killed: 9"), as cgo's compiles and links report it.
    // zsh's job report (Src/jobs.c printjob with sigmsg(SIGKILL), "killed"): "zsh: killed     go
    // build ./..." without job control, "[1]  + 4242 killed     gopls" with it.
    // Darwin's strsignal(SIGKILL) is "Killed: 9", which shells on macOS print alone or after the
    // job ("zsh: killed" aside): "Killed: 9", "./build.sh: line 3: 4242 Killed: 9   go build".
    // A workspace runner's prefix before the lone "Killed" of a child: lerna --stream's "pkg: "
    // ("@packages/net-stubbing: Killed", cypress-io/cypress#23623) and yarn 2+'s foreach
    // ("➤ YN0000: [@acme/web]: Killed", commercetools/commercetools-docs-kit#1424; the arrow is
    // read as its UTF-8 bytes, hence any short mark before the YN code). Not git's
    // "remote: Killed", a process of the server being fetched from.
    needles: ['Killed', 'code 137', 'status 137', 'zsh: killed', ' killed  '],
    test: /^\s*Killed(?:: 9)?\s*$|^\s*(?!remote:)(?:(?:\S{1,4} )?YN\d{4}: \[[^\]\n]{1,200}\]|@?[\w.-]{1,100}(?:\/[\w.-]{1,100})?): Killed\s*$|\b\d+ Killed: 9\s+\S|\bzsh: killed\s+\S|^\[\d+\]\s*[+-]?\s*\d+ killed\s{2,}\S|\*\*\* \[[^\]\n]{1,300}\] Killed\b|\b\d+ Killed\s{2,}\S|\b(?:exit(?:ed)? (?:with )?(?:code|status)|exit code|code) 137\b|internal compiler error: Killed \(program|Killed signal terminated program|unable to execute command: Killed\b/m,
    yieldsTo: ['kernel-oom-kill'],
    says: 'a process was killed with SIGKILL (exit code 137 / "Killed"), which is what the OOM killer looks like from outside',
  },
  {
    id: 'container-oom-killed',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.85,
    // Kubernetes "Reason: OOMKilled", Docker's "OOMKilled": true, OpenShift's "killed due to an out
    // of memory condition": the container's memory limit.
    // Also `docker events`' line for the daemon's OOM event (docker/cli prettyPrintEvent: "%s %s %s"
    // type, action, actor id, then attributes; moby daemon/monitor.go logs events.ActionOOM when
    // containerd reports an OOM in the container's cgroup and sets State.OOMKilled):
    // "container oom 3f2a… (image=golang:1.22, name=build)".
    // Amazon ECS's stopped reason for a container its memory limit killed, "OutOfMemoryError:
    // Container killed due to memory usage" (program-out-of-memory reads it whole), often quoted
    // without the exception's name and in either case.
    // containerd's CRI plugin logging the shim's OOM event for a container (internal/cri/server/
    // events.go, pkg/cri/server/events.go before 2.0: log.L.Infof("TaskOOM event %+v", e)), as a
    // node's journal shows it: "TaskOOM event &TaskOOM{ContainerID:3f2a…,XXX_unrecognized:[],}"
    // (gogo protobuf's String) or "TaskOOM event container_id:\"3f2a…\"" (newer protobuf). The shim
    // sends it when the container's memory cgroup counts an OOM kill; the kubelet then reports the
    // container OOMKilled.
    needles: ['OOMKilled', 'out of memory condition', 'container oom ', 'ontainer killed due to memory usage', 'TaskOOM event '],
    test: /\bOOMKilled\b(?!"?:\s*false)|killed due to an out of memory condition|\bcontainer oom [0-9a-f]{12,64}\b|\b[Cc]ontainer killed due to memory usage\b|\bTaskOOM event (?:&TaskOOM\{ContainerID:|container_id:\\?")[0-9a-f]{12}/,
    says: "a container was killed for exceeding its memory limit (OOMKilled)",
  },
  {
    id: 'oom-killed-named',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.8,
    // A kill by the OOM killer as tools report it: "OOM killed", "oom-killed", "was killed by the
    // OOM killer", systemd's "A process of this unit has been killed by the OOM killer" and
    // "Failed with result 'oom-kill'", kubelet's "System OOM encountered, victim process: x",
    // the kernel's older two-line report ("Killed process 123 (x) total-vm:…"), and a
    // memory.events oom_kill counter above 0. That line in older kernels' shapes too: 2.6's
    // "Killed process 123 (x) vsz:308116kB, anon-rss:…" and RHEL 6's "Killed process 123, UID 500,
    // (x) total-vm:…".
    needles: ['OOM kill', 'OOM-kill', 'OOM Kill', 'oom kill', 'oom-kill', 'by the OOM', 'by OOM', 'by the oom', 'System OOM', 'total-vm:', ') vsz:', 'oom_kill '],
    test: /\boom[- ]?kill(?:ed|ing)\b|killed by (?:the )?oom(?:[- ]killer)?\b|result '?oom-kill|System OOM encountered|Killed process \d+(?:, UID \d+,)? \([^)\n]{0,100}\)[^\n]{0,40}(?:total-vm|vsz):|^\s*oom_kill [1-9]/im,
    yieldsTo: ['kernel-oom-kill', 'container-oom-killed'],
    says: 'a process was killed by the OOM killer (a memory limit or the machine ran out of memory)',
  },
  {
    id: 'memory-limit-exceeded',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.75,
    // A supervisor enforcing a memory limit, in its own words: Cloud Run / App Engine "Memory limit
    // of 512 MiB exceeded with 530 MiB used", Heroku's "R14 (Memory quota exceeded)", kubelet's
    // eviction "The node was low on resource: memory", "Container x exceeded its memory limit".
    // Also kubelet's eviction message for a node condition (pkg/kubelet/eviction/helpers.go,
    // nodeConditionMessageFmt "The node had condition: %v. "), [MemoryPressure] being the memory
    // signal's condition. Older kubelets named the condition in brackets in the eviction message
    // ("Pod The node was low on resource: [MemoryPressure].", as OpenShift's documentation shows it).
    // And the kubelet's other words for the same shortage (kubernetes pkg/kubelet): the node
    // status setter's MemoryPressure=True condition, "KubeletHasInsufficientMemory kubelet has
    // insufficient memory available" (nodestatus/setters.go; the healthy state says "has
    // sufficient memory available"), and pod admission's refusal, "Node didn't have enough
    // resource: memory, requested: …, used: …, capacity: …" (lifecycle/predicate.go, reason
    // OutOfmemory; "resource: pods" there is the node's pod count, not processes).
    // App Engine's instance kill, "Exceeded soft memory limit of 256 MB with 280 MB after servicing 5
    // requests total" (soft, medium and hard limits), the "of N" keeping out ps(1)'s state legend
    // ("Exceeded soft memory limits").
    needles: ['emory limit', 'emory quota', 'low on resource: memory', 'low on resource: [', 'The node had condition:', 'insufficient memory available', 'enough resource: memory'],
    test: /memory limit (?:of [\d.]+ ?\w+ )?(?:was |has been )?exceeded|\bexceeded (?:soft|medium|hard) memory limit of \d|exceed(?:ed|s|ing)? (?:its |the |their |a )?(?:container'?s? |pod'?s? )?memory limit|memory quota (?:vastly )?exceeded|low on resource: \[?(?:memory|MemoryPressure)\b|The node had condition: \[[^\]\n]*\bMemoryPressure\b|\bkubelet has insufficient memory available\b|\bNode didn't have enough resource: memory\b/i,
    says: 'a process exceeded the memory limit its supervisor (container runtime, platform, kubelet) enforces',
  },
  {
    id: 'program-out-of-memory',
    classId: 'memory-limit',
    severity: 'warning',
    confidence: 0.6,
    // Other runtimes running out, at their own heap limit or the machine's: V8 "FATAL ERROR:
    // Reached heap limit Allocation failed - JavaScript heap out of memory", Java
    // "java.lang.OutOfMemoryError: Java heap space" (not "unable to create native thread", a task
    // limit), C++ "std::bad_alloc", Python "MemoryError", Rust "memory allocation of 1024 bytes failed".
    // The sanitizers (the race detector is ThreadSanitizer): "ThreadSanitizer failed to allocate
    // 0x80000 (524288) bytes of clock allocator (error code: 12)", "allocator is out of memory".
    // .NET's System.OutOfMemoryException ("Exception of type 'System.OutOfMemoryException' was
    // thrown.", OmniSharp and other .NET language servers beside gopls). HotSpot's vmError.cpp report when the JVM's own native allocation fails: "There is
    // insufficient memory for the Java Runtime Environment to continue." (gopls's neighbours in
    // an IDE: JetBrains' and Gradle's JVMs).
    needles: ['heap out of memory', 'OutOfMemoryError', 'OutOfMemoryException', 'bad_alloc', 'MemoryError', 'memory allocation of', 'Sanitizer failed to allocate', 'allocator is out of memory', 'insufficient memory for the Java Runtime Environment'],
    test: /JavaScript heap out of memory|OutOfMemoryError(?![^\n]*native thread)|std::bad_alloc|\bMemoryError\b|memory allocation of \d+ bytes failed|Sanitizer failed to allocate|allocator is out of memory|insufficient memory for the Java Runtime Environment|\bOutOfMemoryException\b/,
    yieldsTo: ['fatal-out-of-memory', 'execmem-refused'],
    says: 'a program ran out of memory (its runtime could not allocate more)',
  },
  {
    id: 'mlock-limit',
    classId: 'memory-limit',
    severity: 'warning',
    confidence: 0.55,
    // Go 1.14's runtime on a kernel with the AVX bug: "runtime: mlock of signal stack failed: 12",
    // "runtime: increase the mlock limit (ulimit -l) or", "mlock failed: Cannot allocate memory".
    // Also the runtime's sysAllocOS when mmap answers EAGAIN (runtime/mem_linux.go: "runtime: mmap:
    // too much locked memory (check 'ulimit -l')."), a process under mlockall past RLIMIT_MEMLOCK.
    needles: ['mlock', "too much locked memory (check 'ulimit -l')"],
    test: /mlock of signal stack failed|increase the mlock limit|mlock(?:all)?(?:\(\))? failed|too much locked memory \(check 'ulimit -l'\)/,
    says: 'locking memory failed: the locked-memory limit (ulimit -l, RLIMIT_MEMLOCK) is too small for the Go runtime',
  },
  {
    id: 'sigkill-reported',
    classId: 'memory-limit',
    role: 'symptom',
    symptom: 'killed',
    severity: 'warning',
    confidence: 0.5,
    // SIGKILL (exit status 128+9) in the words of the tools that ran the killed process: Gradle's
    // ExecException "finished with non-zero exit value 137", BuildKit's "process … did not complete
    // successfully: exit code: 137", kubectl describe's "Exit Code:    137", GNU make's
    // "*** [target] Error 137", `docker ps`'s "Exited (137)", Python subprocess's "returned non-zero
    // exit status 137" / "died with <Signals.SIGKILL: 9>", systemd's "code=killed, status=9/KILL",
    // cargo's "(signal: 9, SIGKILL: kill)", npm's "signal SIGKILL", "killed by signal 9", Docker's
    // legacy builder "The command '/bin/sh -c go build' returned a non-zero code: 137", Bazel's failed
    // action "GoLink app failed: (Exit 137): builder failed: error executing command", and hosting
    // platforms' "Exited with status 137".
    // VS Code's log of its extension host's exit (localProcessExtensionHost.ts: "Extension host
    // with pid %d exited with code: %d, signal: %s.") puts a colon after "code".
    // yarn's `error Command failed with signal "SIGKILL".`, Neovim's `Client gopls quit with exit code 0
    // and signal 9` (lsp/client.lua on_exit: the signal's number), kubectl describe's and Docker's
    // `Exit code: 137` in either case.
    // npm 6's lifecycle failure in its two lines, "npm ERR! errno 137" and "npm ERR! Exit status 137"
    // (capital E; npm-lifecycle's error message ends "\nExit status " + code), and lerna's
    // logPackageError "lerna ERR! yarn run build exited 137 in 'pkg'" (`exited ${err.exitCode} in
    // '${err.pkg.name}'`).
    // CircleCI's words for a step whose process was killed: `Received "killed" signal` (the signal
    // named as Go's syscall.SIGKILL.String() gives it; PetroFit/petrofit#63 and
    // digitalfabrik/integreat-cms#2203, answered by a larger resource_class), and "The build failed
    // because the process exited too early. This probably means the system ran out of memory or
    // someone called `kill -9` on the process." (DataBiosphere/terra-ui#3913).
    // Google Cloud Build's failed step: 'ERROR: build step 0 "golang" failed: step exited with
    // non-zero status: 137'.
    // Not SIGQUIT or SIGTERM (go test's "Test killed with quit", a cancelled job's 143): those are
    // timeouts and cancellations, not a limit.
    needles: ['137', 'SIGKILL', '9/KILL', 'signal 9', 'signal: 9', 'Received "killed" signal', 'process exited too early'],
    test: /\bReceived "killed" signal\b|\bprocess exited too early\. This probably means the system ran out of memory\b|\bnpm ERR! errno 137\b|\bexited 137 in '|\b(?:exit value|[Ee]xit [Cc]ode:|[Ee]xit [Ss]tatus:?|exitCode"?[:=]|Error|Exited \(|returned non-zero exit status|non-zero status:|returned a non-zero code:|return code|[Ee]xited with(?: code| status)?:?)\s*137\b|\(Exit 137\)|<Signals\.SIGKILL: 9>|status=9\/KILL|\bsignal:? 9\b[^\n]{0,12}SIGKILL|\bsignal:? ['"]?SIGKILL\b|\bquit with exit code -?\d+ and signal 9\b|(?:killed|terminated|died|exited)\b[^\n]{0,40}\b(?:by |with |on )?(?:signal )?(?:SIGKILL|signal 9\b)/,
    yieldsTo: ['process-killed', 'go-command-killed', 'kernel-oom-kill', 'oom-killed-named', 'container-oom-killed'],
    // Said as what was seen, not as a memory limit's: a tester's plain `kill -9` of gopls (f25) read
    // "which is how a memory limit's OOM kill looks" first. The kernel log tells the two apart.
    says: 'a process was killed with SIGKILL (exit status 137): a memory limit\'s OOM killer does that, and so do kill -9, a supervisor or a watchdog; the kernel log says which (an OOM-killer record names the process it killed)',
  },
  {
    id: 'runner-lost-communication',
    classId: 'memory-limit',
    role: 'symptom',
    symptom: 'killed',
    severity: 'warning',
    confidence: 0.45,
    // GitHub Actions' annotation when the job's runner stops answering: "The hosted runner: GitHub
    // Actions 8 lost communication with the server. Anything in your workflow that terminates the
    // runner process, starves it for CPU/Memory, or blocks its network access can cause this
    // error." (self-hosted: "The self-hosted runner: x lost communication with the server. Verify
    // the machine is running …"). On hosted runners the maintainers' answer is that the job
    // exhausted the runner's resources (actions/runner-images#9823: "You exhausted runner resources
    // in both cases"), a build or test run taking the memory the runner needs. A symptom: the
    // runner's own words name no limit. Not "The runner has received a shutdown signal", which a
    // cancellation, a deprovisioned machine or a job timeout give as often.
    // Azure Pipelines says the same of its agent, in the same advice: "We stopped hearing from agent
    // Azure Pipelines 2. Verify the agent machine is running and has a healthy network connection.
    // Anything that terminates an agent process, starves it for CPU, or blocks its network access
    // can cause this error." (the service's timeline issue; Azure DevOps' support form files it under
    // "Microsoft-hosted agents - disk space, IP address range, etc", the hosted machine's resources).
    needles: ['lost communication with the server', 'We stopped hearing from agent'],
    test: /\brunner\b[^\n]{0,200}\blost communication with the server\b|\bWe stopped hearing from agent\b/,
    says: "the CI runner lost communication with its server mid-job, which on hosted runners most often means the job exhausted the runner's memory (or CPU) and the runner process was starved or killed",
  },
  {
    id: 'memory-limit-named',
    classId: 'memory-limit',
    // Information only: a limit written in a command or a manifest is configuration, not a sign it
    // was hit, and it must not take a task limit's EAGAIN ("docker create --memory=100m --ulimit
    // nproc=300" then "pthread_create failed: Resource temporarily unavailable") from process-limit.
    // It is shown beside a kill as the limit to raise.
    severity: 'info',
    confidence: 0.4,
    // A memory limit written down where the failure happened: the cgroup files (v2 memory.max /
    // memory.high / memory.events, v1 memory.limit_in_bytes), systemd's MemoryMax=/MemoryHigh=/
    // MemoryLimit=, Docker's `--memory 2g` and compose's mem_limit, a Kubernetes
    // `memory: 512Mi` limit, WSL's .wslconfig `memory=4GB`, `ulimit -v`, vm.overcommit_memory, and
    // Go's own GOMEMLIMIT.
    needles: ['memory.max', 'memory.high', 'memory.limit_in_bytes', 'MemoryMax=', 'MemoryHigh=', 'MemoryLimit=', '--memory', 'mem_limit', 'memory:', 'memory=', 'ulimit -v', 'overcommit_memory', 'GOMEMLIMIT'],
    // The pod line is Kubernetes' quantity ("memory: 512Mi", "memory: 2G"), not a machine's RAM
    // in a system-information paste ("Memory: 16 GB").
    test: /\bmemory\.(?:max|high|limit_in_bytes)\b|\bMemory(?:Max|High|Limit)=|--memory(?:-swap)?[= ]\d|\bmem_limit\b|^\s*(?:limits:\s*)?memory:\s*['"]?\d+(?:\.\d+)?(?:[KMGTE]i|[kMGTE])['"]?\s*$|^\s*memory\s*=\s*\d+(?:\.\d+)?\s*[KMGT]B\s*$|ulimit -v\b|\bovercommit_memory\b|\bGOMEMLIMIT\b/m,
    says: 'a memory limit (a cgroup\'s memory.max, a container\'s --memory, a pod\'s limit, WSL\'s memory=, ulimit -v) is named beside the failure',
  },
  {
    id: 'commit-limit-reached',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.8,
    // Windows' ERROR_COMMITMENT_LIMIT (1455) as FormatMessage writes it: "The paging file is too
    // small for this operation to complete." (the Go runtime prints errno=1455, fatal-out-of-memory).
    // And the Resource-Exhaustion-Detector's event 2004 for the same commit charge reaching its
    // limit: "Windows successfully diagnosed a low virtual memory condition. The following programs
    // consumed the most virtual memory: gopls.exe (1234) consumed … bytes".
    needles: ['paging file is too small', 'diagnosed a low virtual memory condition'],
    says: 'Windows ran out of memory it could commit ("the paging file is too small", "a low virtual memory condition"): the machine or VM ran out of memory',
  },
  {
    id: 'memory-exhausted-more',
    classId: 'memory-limit',
    severity: 'warning',
    confidence: 0.6,
    // Running out of memory in more writers' words: ENOMEM by its errno name (node's "spawn
    // ENOMEM", strace's "= -1 ENOMEM"), the kernel's "page allocation failure: order:4" and "Out of
    // memory and no killable processes", and Electron's render-process-gone reason 'oom' as VS Code
    // reports it ("The window terminated unexpectedly (reason: 'oom', code: '-536870904')").
    // Also older V8's "Allocation failed - process out of memory", Windows' ERROR_NOT_ENOUGH_MEMORY
    // text "Not enough memory resources are available to process this command", and bison's and
    // GNU ld's "memory exhausted".
    // The editors' own words: VS Code's main log of the same renderer loss (electron-main
    // CodeWindow.onWindowError: "CodeWindow: renderer process gone (reason: oom, code: -536870904)",
    // unquoted), Emacs's memory-signal-data ("Memory exhausted--use M-x save-some-buffers then exit
    // and restart Emacs", alloc.c), Vim's and Neovim's e_out_of_memory_allocating_nr_bytes ("E342:
    // Out of memory!  (allocating 1234 bytes)"), and macOS's own dialog when memory and swap run
    // out ("Your system has run out of application memory.").
    // And the kernel's warning for an allocation reclaim could not satisfy for seconds (mm/page_alloc.c
    // __alloc_pages_slowpath, 4.9 to 4.14: warn_alloc(…, "page allocation stalls for %ums, order:%u"),
    // printed as "gopls: page allocation stalls for 10012ms, order:0, mode:0x14200ca(…)"): memory so
    // short that the machine thrashes, the step before the OOM killer.
    needles: ['ENOMEM', 'page allocation failure', 'page allocation stalls for', 'no killable processes', "reason: 'oom'", '-536870904', 'process out of memory', 'Not enough memory resources', 'emory exhausted', 'process gone (reason: oom', 'E342: Out of memory', 'run out of application memory'],
    test: /\bENOMEM\b|page allocation failure: order:\d+|page allocation stalls for \d+ms, order:\d+|Out of memory and no killable processes|reason: 'oom'|'-536870904'|Allocation failed - process out of memory|Not enough memory resources are available|\b[Mm]emory exhausted\b|\bprocess gone \(reason: oom\b|\bE342: Out of memory!|\bhas run out of application memory\b/,
    yieldsTo: ['fatal-out-of-memory', 'kernel-oom-kill'],
    says: 'memory could not be allocated (ENOMEM, a page allocation failure, an editor window lost to OOM): the machine or its limit ran out of memory',
  },
  // Lane remote: a remote development layer reporting that the process it ran on the remote side
  // was killed with SIGKILL, in words the rules above do not read (test/fixtures/remote-messages.jsonl).
  {
    id: 'remote-host-killed',
    classId: 'memory-limit',
    role: 'symptom',
    symptom: 'killed',
    severity: 'warning',
    confidence: 0.5,
    // The Dev Containers CLI's shell server (src/spec-common/shellServer.ts): "Shell server
    // terminated (code: ${code}, signal: ${signal})", the `docker exec` it talks to the container
    // through; and VS Code's extension service (abstractExtensionService.ts _onExtensionHostCrashed):
    // "Extension host (Remote) terminated unexpectedly. Code: ${code}, Signal: ${signal}", the
    // remote server's extension host, gopls's parent. Code 137 is 128+SIGKILL: the container's or
    // the remote machine's memory limit (the OOM killer) is the usual sender. With "signal:
    // SIGKILL" sigkill-reported already reads them.
    needles: ['Shell server terminated (code: 137', 'terminated unexpectedly. Code: 137'],
    test: /Shell server terminated \(code: 137\b|terminated unexpectedly\. Code: 137\b/,
    yieldsTo: ['sigkill-reported', 'kernel-oom-kill', 'container-oom-killed'],
    says: "a remote development layer's process in the container or on the remote machine (the dev container's shell server, the remote extension host that runs gopls) was killed with SIGKILL (code 137), which is how a memory limit's OOM kill looks from outside",
  },
];
