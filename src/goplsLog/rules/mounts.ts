// noexec-mount: the words that say a file could not be executed or mapped executable because of
// the mount it is on (execve EACCES, mmap PROT_EXEC EPERM; policies.ts says how the two classes
// part). One file per class, so a family's rules read together; the order they are tried in is
// order.ts's.
import type { Rule } from './rule.js';
import { GO_LS } from './shared.js';

/**
 * A file a program had just written to run it, refused: only a mount (or a policy) refuses such a
 * file, its execute bit having just been set. exec-permission-denied reads it in os/exec's words,
 * work-exec-denied in a shell's or perror's.
 */
const FRESH_EXEC_DENIED = {
  classId: 'noexec-mount',
  role: 'symptom',
  symptom: 'exec-denied',
  severity: 'error',
  confidence: 0.8,
  needles: ['ermission denied'],
} as const satisfies Partial<Rule>;

export const MOUNT_RULES: readonly Rule[] = [
  {
    id: 'shared-object-map-denied',
    classId: 'noexec-mount',
    severity: 'error',
    confidence: 0.75,
    // dlopen of a library extracted to /tmp: "…/libx.so: failed to map segment from shared object".
    // With the errno glibc adds: EPERM ("Operation not permitted") is mmap(2)'s answer for PROT_EXEC
    // on a noexec mount (mm/mmap.c do_mmap: path_noexec → -EPERM); EACCES ("Permission denied") is a
    // security module's mmap hook (security_mmap_file), the loader having opened the file for
    // reading itself, so that one is shared-object-map-eacces's and never this rule's.
    needles: ['failed to map segment from shared object'],
    test: /failed to map segment from shared object(?!: Permission denied)/,
    yieldsTo: ['ld-preload-leak', 'shared-object-map-eacces'],
    says: 'a shared library could not be mapped executable ("failed to map segment from shared object"): the directory it was written to is mounted noexec',
  },
  {
    id: 'shell-exec-denied',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.55,
    // Executing a file refused with EACCES, as shells, make, sudo and kernels say it:
    // "bash: ./tool: Permission denied", "/bin/sh: 1: scripts/x: Permission denied",
    // "execvp: /x: Permission denied", "unable to execute ./x: Permission denied", "bad interpreter: Permission denied".
    needles: ['ermission denied'],
    // The thing executed is a path (has a slash); "bash: cd: /x: Permission denied" is a directory.
    test: /(?:^|\s)-?(?:\/\S*\/)?(?:ba|z|da|k|fi)?sh(?:: line \d+)?(?:: \d+)?: \.{0,2}\/?[^\s:]*\/[^\s:]*: Permission denied|^\S+: line \d+: [^\s:]+: Permission denied|execvp: [^:\n]+: Permission denied|unable to execute [^:\n]+: Permission denied|bad interpreter: Permission denied/m,
    yieldsTo: ['exec-permission-denied', 'work-exec-denied', 'exec-path-denied', 'exec-relative-denied', 'gopls-exec-denied', 'container-path-denied', 'shell-system-exec-denied', 'android-app-home-exec', 'android-app-data-exec'],
    says: 'executing a file was refused with "permission denied": a noexec mount (or a file without its execute bit)',
  },
  {
    id: 'noexec-listed',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.55,
    // noexec among a mount's options, wherever mounts are written down: `mount` ("tmpfs on /tmp
    // type tmpfs (rw,noexec)"), findmnt and /proc/self/mountinfo option lists, an /etc/fstab line,
    // Docker's `--tmpfs /tmp:rw,noexec`, `mount -o remount,noexec`, and the words ("/tmp is mounted
    // noexec"). /proc, /sys, /dev and the kernel's pseudo file systems are always noexec and say
    // nothing about where a build runs: a full `mount` listing has them. Also a systemd mount unit's
    // `Options=` line (systemd.mount(5), tmp.mount's drop-ins). mount(8)'s listing prints the target
    // as it is, spaces included ("/dev/mmcblk1p1 on /media/removable/SD Card type ext4 (rw,noexec…)",
    // a removable disk's label), where /proc/self/mountinfo escapes them as \040.
    needles: ['noexec'],
    test: /^(?![^\n]*(?:\son \/(?:(?:proc|sys)(?:\/\S*)?|dev(?:\/pts|\/mqueue|\/hugepages)?|run(?:\/lock)?)\s|^\s*\/(?:proc|sys)\S*\s|\s(?:proc|sysfs|devpts|mqueue|cgroup2?|securityfs|debugfs|tracefs|pstore|bpf|configfs|hugetlbfs|efivarfs|fusectl|binfmt_misc)\s))[^\n]*?(?:\bon \S[^\n]{0,300}? type \S+ \([^)]*\bnoexec\b|^\s*(?:\S+\s+){0,5}\(?(?:rw|ro|defaults),(?:[\w=:.-]+,)*noexec\b|^\s*\S+\s+\/\S*\s+\w+\s+(?:[\w=:.-]+,)*noexec\b|^\s*Options=(?:[\w=:.%-]+,)*noexec\b|--tmpfs[ =]\S*:\S*\bnoexec\b|-o\s*\S*\bnoexec\b|\b(?:mounted|mount(?:ed)? (?:with|as)|is|are) (?:with )?['"`]?noexec\b|\bnoexec\b['"`]? (?:mount|option|flag|partition|file ?system))/,
    says: 'a file system is mounted noexec: nothing written there can be executed',
  },
  {
    id: 'exec-refused-on-noexec',
    classId: 'noexec-mount',
    severity: 'error',
    confidence: 0.85,
    // Not screened by needles: execListing.ts ties an exec refused with EACCES ("spawn /x EACCES",
    // "bash: /x: Permission denied") to a mount listing in the same text (findmnt, mount(8),
    // /proc/mounts, mountinfo) whose deepest target holding the path has noexec among its options.
    needles: [],
    says: 'a program was refused execution (EACCES) under a mount the same text lists as noexec: nothing on that file system can be executed',
  },
  {
    id: 'exec-permission-denied',
    ...FRESH_EXEC_DENIED,
    // A file a program had just written to run it, with its execute bit set by that program: cmd/go's
    // $WORK (GOTMPDIR or TMPDIR: /tmp/go-build123/b001/exe/main, …/_test/x.test), Delve's and
    // vscode-go's __debug_bin, a directory made by os.MkdirTemp (a name ending in its random
    // digits: goagen633708867/, ollama2604787016/), or anything under a temp directory (/tmp,
    // /var/tmp, /dev/shm, /run/user/UID), where programs unpack helpers to run. Only a mount (or a
    // policy) refuses such a file. Any other path is exec-path-denied: there the mode is as likely.
    test: /fork\/exec (?=\$WORK\/|\/(?:tmp|var\/tmp|dev\/shm|run\/user)\/|\/[^:]*?(?:\/go-build|\/[^/:]*?\d{5,}\/|__debug_bin|\/_test\/|\/exe\/|\.test:))[^:]*: permission denied/i,
    yieldsTo: ['system-exec-denied', 'gopls-exec-denied'],
    says: 'executing a freshly built binary failed with "fork/exec …: permission denied", the mark of a noexec mount',
  },
  {
    id: 'work-exec-denied',
    ...FRESH_EXEC_DENIED,
    // The same refusal in a shell's or perror's words ("PATH: Permission denied", strerror's
    // capital P, no Go op before it) of a program in cmd/go's work directory: go-build…/bNNN/exe/x
    // or a test binary there, run by a script, `go test -exec` or a wrapper rather than by
    // os/exec. cmd/go made the file and its execute bit moments before, so only a mount (or a
    // policy) refuses it, as for exec-permission-denied. An open of it would say "open …" in Go's
    // lower case, which go-file-refused keeps.
    test: /(?:^|[\s'"`])(?:\/[^\s:'"`]*)?(?:\$WORK|\/go-build\d*)\/b\d+\/(?:exe\/[^\s:'"`]+|[^\s:'"`]*\.test(?:\.exe)?)['"`]?: Permission denied/,
    yieldsTo: ['exec-permission-denied', 'system-exec-denied', 'gopls-exec-denied'],
    says: 'a binary the go command had just built in its work directory could not be executed ("…/go-build…/exe/…: Permission denied"), the mark of a noexec mount',
  },
  {
    id: 'toolchain-exec-denied',
    ...FRESH_EXEC_DENIED,
    // The go command switching to the toolchain go.mod or GOTOOLCHAIN asks for (Go 1.21+,
    // cmd/go/internal/toolchain/exec.go execGoToolchain: base.Fatalf("exec %s: %v", gotoolchain,
    // err) after syscall.Exec, under select.go's log prefix "go: "): "go: exec go1.23.4: permission
    // denied". The binary is one the go command just unpacked into GOMODCACHE and made executable
    // itself (select.go), or one exec.LookPath found executable on PATH: EACCES from execve there
    // is the mount (or a policy), not the mode.
    test: /(?:^|\s)go: exec go1\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?(?:-\w+)?: permission denied/,
    says: 'the Go toolchain the go command had just downloaded (or found on PATH) for go.mod\'s toolchain line could not be executed ("go: exec go1.N: permission denied"): GOMODCACHE (or GOPATH) is on a noexec mount',
  },
  {
    id: 'exec-path-denied',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.5,
    // os/exec starting a program by an absolute path that is not a fresh build or temp file
    // (exec-permission-denied's): a tool's output in the project ("fork/exec /home/u/app/gin-bin"),
    // an installed binary, a folder given as the program. execve(2)'s EACCES there is the file's
    // mode, a directory or a file that is no program in its place, or a noexec mount, so it is a
    // warning-level symptom that a mount or access cause found on the machine explains.
    needles: ['ermission denied'],
    // Not the system's own directories (/usr, /bin, /sbin, /lib…): a system whose root or /usr were
    // noexec could not run its own programs, so an exec refused there is the file's mode or a
    // policy (system-exec-denied), never the mount.
    test: /fork\/exec (?!\/(?:usr|s?bin|lib(?:32|64|x32|exec)?)\/)\/[^:]*: permission denied/i,
    yieldsTo: ['exec-permission-denied', 'system-exec-denied', 'gopls-exec-denied', 'android-app-data-exec'],
    says: 'running a program by its path failed with "fork/exec …: permission denied": its execute bit, something that is no program in its place, or a noexec mount',
  },
  {
    id: 'exec-relative-denied',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.45,
    // os/exec starting a path relative to the working directory ("fork/exec ./debug", "fork/exec
    // ./": Delve launching a package that built no binary, a compose or CI step given a directory):
    // execve(2)'s EACCES there is as often the file's mode, or a directory in its place, as a
    // noexec mount, and nothing says the program was one the go command had just built. A
    // warning-level symptom, which a mount or access cause found on the machine explains.
    needles: ['ermission denied'],
    test: /fork\/exec (?!\/|\$WORK\/)[^:\s]*: permission denied/i,
    yieldsTo: ['system-exec-denied', 'gopls-exec-denied'],
    says: 'running a program by a path relative to the working directory failed with "fork/exec …: permission denied": its execute bit, a directory in its place, or a noexec mount',
  },
  {
    id: 'program-exec-denied',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.6,
    // Executing a file refused with EACCES, in the words of runtimes that spawn: Go's os/exec
    // `exec: "/x/tool": permission denied`, node's "spawn /x/tool EACCES", Java's "Cannot run
    // program \"/x\": error=13, Permission denied", cargo's "could not execute process `/x` (never
    // executed)", zsh's "zsh: permission denied: ./x", fish's "The file './x' is not executable by
    // this user", strace's "execve(\"/x\", …) = -1 EACCES", C's perror("execv") / "execv error: Permission
    // denied"; and a bare refusal right after the exec was named: Python's PermissionError raised from
    // subprocess's _execute_child, Rust's "Permission denied (os error 13)" under cargo's "could not
    // execute process".
    needles: ['ermission denied', 'EACCES', 'error=13', 'never executed', 'not executable by this user'],
    test: /exec: \\?"[^"\n]*\/[^"\n]*\\?": permission denied|spawn \S+ EACCES|Cannot run program "[^"\n]{0,300}"[^\n]{0,100}error=13|[Cc]ould not execute process [^\n]{0,400}\(never executed\)|zsh: permission denied: \S*\/|is not executable by this user|\bexec(?:ve?|vpe?|le?|lp)\b[^\n]{0,80}(?:Permission denied|EACCES)/,
    nearExec: /Permission denied|EACCES|Errno 13/,
    yieldsTo: ['exec-permission-denied', 'exec-path-denied', 'exec-relative-denied', 'shell-exec-denied', 'system-exec-denied', 'gopls-exec-denied', 'container-path-denied', 'android-app-data-exec'],
    says: 'executing a program was refused with EACCES (permission denied): the directory it is in is mounted noexec (or the file lacks its execute bit)',
  },
  {
    id: 'mmap-exec-eperm',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.6,
    // mmap(2): "EPERM: The prot argument asks for PROT_EXEC but the mapped area belongs to a file on
    // a filesystem that was mounted no-exec" — a JIT, a DOS emulator or a loader mapping code from
    // /tmp or /dev/shm.
    needles: ['mmap', 'PROT_EXEC'],
    test: /\b(?:mmap\w*|PROT_EXEC)\b[^\n]{0,200}(?:[Oo]peration not permitted|\bEPERM\b)/,
    yieldsTo: ['shared-object-map-denied'],
    says: 'mapping a file executable was refused with EPERM, which mmap(2) returns for a file on a noexec mount',
  },
  {
    id: 'exec-refused-more',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.6,
    // Executing a file refused with EACCES, in more programs' words: Perl's "Can't exec \"%s\": %s"
    // (pp_sys.c/doio.c, as dpkg-buildpackage and other Perl drivers report it), GNU make 4.3+'s
    // posix_spawn failure "make: ./tool: Permission denied", dash's "script: 12: ./tool: Permission
    // denied" (its line number, not bash's "line 12"), node's "spawn EACCES" without the path and
    // spawnSync's "spawnSync ./x EACCES", and Go's syscall.Exec as runc's init or a wrapper prints it,
    // "exec /work/bin/tool: permission denied". The system's own programs (/bin, /usr/bin) are
    // never on a noexec mount: those stay system-exec-denied's (a service's program under /usr, which
    // systemd reports, systemd-exec-system-denied's: /usr/local included, never a noexec mount).
    // Also coreutils' "env: './x': Permission denied" and "nohup: failed to run command './x':
    // Permission denied" (timeout, nice, chroot, stdbuf say the same), mksh's and busybox's
    // "./x: can't execute: Permission denied", dash's exec builtin "exec: ./x: Permission denied",
    // .NET's "An error occurred trying to start process '/x' … Permission denied" /
    // "Win32Exception (13): Permission denied", older runc's "exec user process caused: permission
    // denied", systemd's "Failed at step EXEC spawning /x: Permission denied", zsh's refusal of a
    // command found on PATH ("zsh: permission denied: tool"). And runc 1.1+'s own check before it
    // execs the container's program (libcontainer/standard_init_linux.go: &os.PathError{Op:
    // "eaccess", …}, "exec.LookPath … might return no error for an executable residing on a file
    // system mounted with noexec flag, so perform this extra check"): "eaccess /x: permission denied".
    needles: ["Can't exec", 'ermission denied', 'EACCES'],
    test: /Can't exec "[^"\n]+": Permission denied|\benv: ['\u2018"]?\.{0,2}\/?[^'\u2019"\s:]*\/[^'\u2019"\s:]*['\u2019"]?: Permission denied|failed to run command ['\u2018"]?[^'\u2019"\n]+['\u2019"]?: Permission denied|: can't execute: Permission denied|can't execute '[^'\n]+': Permission denied|\bexec: \.{0,2}\/[^\s:]*: Permission denied|An error occurred trying to start process '[^'\n]+'[^\n]*Permission denied|Win32Exception \(13\): Permission denied|exec user process caused:? \\?"?permission denied|Failed at step EXEC spawning (?!\/(?:usr|s?bin|lib(?:32|64|x32|exec)?)\/)\S+: Permission denied|zsh: permission denied: [^\s\/]+\s*$|^make(?:\[\d+\])?: (?!\/(?:usr\/)?s?bin\/)\.{0,2}\/?[^\s:]*\/[^\s:]*: Permission denied|^\S+: \d+: (?!\/(?:usr\/)?s?bin\/)\.{0,2}\/?[^\s:]*\/[^\s:]*: Permission denied|\bspawn EACCES\b|\bspawnSync \S+ EACCES\b|(?:^|[\s"'])exec (?!\/(?:usr|s?bin|lib(?:32|64|x32|exec)?)\/)\.{0,2}\/[^\s:"]+: permission denied|\beaccess \/[^\s:]+: permission denied/,
    yieldsTo: ['exec-permission-denied', 'exec-path-denied', 'exec-relative-denied', 'shell-exec-denied', 'program-exec-denied', 'system-exec-denied', 'container-path-denied', 'systemd-exec-home-denied', 'systemd-exec-system-denied'],
    says: 'executing a program was refused with EACCES (permission denied): the directory it is in is mounted noexec (or the file lacks its execute bit)',
  },
  {
    id: 'exec-refusal-words',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.55,
    // An exec refused with EACCES in the words of the callers the other exec rules do not read
    // (lane limits, from each caller's source):
    // - bash's exec builtin (builtins/exec.def: builtin_error ("%s: cannot execute: %s")) and bash
    //   5.2's shell_execve for a file whose mode allows it but the kernel refused: "bash: ./x:
    //   cannot execute: Permission denied";
    // - dash's exec.c (exerror "%s: %s" after a PATH search) for a bare command name, which bash
    //   never prints (it names the path it found): "sh: 1: vite: Permission denied", and the same
    //   without dash's line number as macOS's and busybox's sh print it ("sh: react-scripts:
    //   Permission denied", npm's scripts run through sh -c);
    // - distutils' and setuptools' spawn (setuptools/_distutils/spawn.py: DistutilsExecError
    //   "command %r failed: %s" from the OSError of starting it; a command that ran and failed
    //   says "failed with exit code %d"): "error: command '/usr/bin/gcc' failed: Permission denied";
    // - findutils xargs ("xargs: ./run.sh: Permission denied", exit 126) and coreutils env for a
    //   bare name ("env: 'python3': Permission denied", a #!/usr/bin/env line);
    // - crun, podman's default runtime (src/libcrun/container.c: "exec container process `%s`",
    //   and "open executable" for the O_PATH open it execs through, which answers EPERM for a
    //   directory or a file no one may execute: crun#1694), as podman prints them with ": OCI
    //   permission denied";
    // - the JDK's process launcher (java.base/unix/native/libjava/ProcessImpl_md.c throwIOException,
    //   IOE_FORMAT "error=%d, %s", used only when forking or exec'ing a child), as a "Caused by:"
    //   line of its own: "java.io.IOException: error=13, Permission denied";
    // - a runner that says it could not execute, spawn, launch or run something and reports EACCES
    //   on the same line (Rust's io::Error "Permission denied (os error 13)" under just's
    //   "execution error" or a "failed to spawn", krun's "Couldn't execute '/x' inside the vm"),
    //   unless a file operation on the way names what was refused (an open, a mkdir, a socket);
    // - node programs' own mapping of spawn's EACCES (the error code libuv returns from
    //   uv_spawn, lib/internal/child_process.js) to words, "…/bin/tool is not executable (EACCES)",
    //   and "is not executable" said of a path beside "permission denied".
    // None of these says why (the mode bit, a directory, a mount or a policy), so it is a symptom.
    needles: ['ermission denied', 'open executable:', 'EACCES'],
    test: new RegExp(
      [
        String.raw`: cannot execute: Permission denied`,
        String.raw`^(?:\S*\/)?(?:da|ba)?sh: (?:\d+: )?[\w.+-]+: Permission denied\s*$`,
        String.raw`\bcommand ['"][^'"\n]{1,300}['"] failed: Permission denied`,
        String.raw`\bxargs: ['\u2018"]?[^\s'\u2019":]+['\u2019"]?: Permission denied`,
        String.raw`\benv: ['\u2018"]?[\w.+-]+['\u2019"]?: Permission denied`,
        String.raw`\bopen executable: (?:Permission denied|Operation not permitted)`,
        String.raw`\bexec container process [\x60'"][^\x60'"\n]{1,300}[\x60'"]: Permission denied`,
        String.raw`\bIOException: error=13, Permission denied`,
        String.raw`\/[^\s:'"\x60]*['"\x60]? is not (?:an )?executable\b[^\n]{0,60}(?:\(EACCES\)|[Pp]ermission denied)`,
        String.raw`(?:\bexecution error|\b(?:[Ff]ailed|[Uu]nable|[Cc]ould not|[Cc]ouldn't|[Cc]annot|[Cc]an't) (?:to )?(?:execute|exec|spawn|launch|run)\b)(?:(?!\b(?:open|opening|mkdir|create|creat|stat|lstat|chdir|cd|read|write|remove|rename|unlink|chmod|chown|access|lock|dial|connect|bind|listen|socket|mount|mounting|load|loading)\b|docker\.sock|daemon)[^\n]){0,150}?(?:Permission denied|\bEACCES\b|os error 13)`,
      ].join('|'),
      'm',
    ),
    yieldsTo: ['exec-permission-denied', 'exec-path-denied', 'exec-relative-denied', 'shell-exec-denied', 'program-exec-denied', 'exec-refused-more', 'system-exec-denied', 'shell-system-exec-denied', 'gopls-exec-denied', 'gopls-under-tmpfs-path', 'toolkit-spawn-refused', 'shared-storage-exec', 'container-path-denied', 'systemd-exec-home-denied', 'systemd-exec-system-denied', 'snap-user-data-refused'],
    says: 'executing a program was refused (permission denied): a noexec mount, a file without its execute bit, a directory in its place, or a policy',
  },
  {
    id: 'exec-status-126',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'warning',
    confidence: 0.45,
    // Exit status 126, POSIX's "command found but not executable" (sh(1), bash's EX_NOEXEC), as
    // make ("Error 126"), Go ("exit status 126"), docker ("exited with code 126") report it.
    needles: ['126'],
    // Bazel's failed action says "failed: (Exit 126): …".
    test: /\b(?:exit(?:ed)?(?: with)?(?: code| status)?:?|Error|code:?|status:?|returned non-zero exit status)\s*126\b|\(Exit 126\)/,
    // A version manager's shim that chose no Go exits 126 itself ("No version is set for command
    // go", asdf): it ran, so nothing refused to execute it (measured: read as a noexec mount).
    yieldsTo: ['go-shim-no-version', 'shim-no-version'],
    says: 'a command exited with status 126, "found but not executable": its file could not be executed (a noexec mount, a missing execute bit, or a policy)',
  },
  {
    id: 'exec-mount-option',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.55,
    // The remedy for a noexec mount being applied or advised: mount(8)'s `mount -o remount,exec
    // /tmp`, an `exec` option added back ("-o rw,exec"), ChromeOS's "script from noexec mount" is
    // noexec-listed's. Where the fix is shown, the thread's cause was the missing exec option.
    needles: ['remount', ' -o '],
    test: /\bmount\b[^\n]{0,40}-o\s*['"]?(?:[\w=:.-]+,)*(?:remount,)?exec\b(?!\w)|\bremount,(?:[\w=:.-]+,)*exec\b/,
    yieldsTo: ['noexec-listed'],
    says: 'a mount is (re)mounted with the exec option, the remedy for a file system mounted noexec',
  },
  {
    id: 'shared-storage-exec',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.6,
    // Places that are mounted without exec by the system that owns them, where a program built or
    // copied there is refused: Android's shared storage (/sdcard, /storage/emulated/0, through
    // sdcardfs or FUSE, as Termux's storage documentation says); ChromeOS's user data, stateful
    // partition and removable media (/home/chronos/user, /mnt/stateful_partition, /media/removable:
    // mounted noexec, chromiumos docs security/noexec_shell_scripts.md); and desktop automounts of
    // removable drives (/media/USER/…, /run/media/USER/…: udisks2 mounts FAT with showexec, so an
    // ELF binary there has no execute permission).
    needles: ['/sdcard/', '/storage/', '/home/chronos/', '/mnt/stateful_partition/', '/media/'],
    test: /(?:\bsh|\bbash|\bzsh|exec\w*|fork\/exec|spawn|Cannot run program|unable to execute)\b[^\n]{0,60}\/(?:sdcard|storage\/emulated\/\d+|storage\/self\/primary|home\/chronos|mnt\/stateful_partition|(?:run\/)?media)\/[^\n]*(?:Permission denied|permission denied|EACCES)/,
    says: 'a program on storage its system mounts without exec (Android\'s shared storage, ChromeOS\'s user data or removable media, a desktop automount of a removable drive) was refused execution',
  },
  {
    id: 'noexec-by-default',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.5,
    // Mounts that are noexec unless told otherwise: Docker's `--tmpfs /path[:opts]` and compose's
    // `tmpfs: /path` default to rw,nosuid,nodev,noexec (docker/docs#8138: "default mount options
    // for tmpfs contain at least noexec … switched off by using --tmpfs /tmp:exec"), and systemd's
    // NoExecPaths= (systemd.exec(5)). An explicit exec option is not noexec.
    needles: ['--tmpfs', 'tmpfs:', 'NoExecPaths='],
    test: /--tmpfs[= ]["']?\/[^\s:"']*(?::(?![^\s"']*\bexec\b)[^\s"']*)?["']?(?=\s|$)|^\s*-?\s*tmpfs:\s*["']?\/[^\s:"']*(?::(?![^\s"']*\bexec\b)[^\s"']*)?["']?\s*$|\bNoExecPaths=/,
    yieldsTo: ['noexec-listed'],
    says: 'a mount that is noexec by default is in use (Docker\'s --tmpfs, compose\'s tmpfs, systemd\'s NoExecPaths=): nothing written there can be executed',
  },
  {
    id: 'musl-map-denied',
    classId: 'noexec-mount',
    severity: 'error',
    confidence: 0.7,
    // musl's dynamic loader (ldso/dynlink.c) reports a library it could not map as "Error loading
    // shared library /tmp/x.so: Operation not permitted": the EPERM mmap(2) gives PROT_EXEC on a
    // noexec mount, the musl (Alpine) twin of glibc's "failed to map segment from shared object".
    needles: ['Error loading shared library'],
    test: /Error loading shared library [^:\n]+: (?:Operation not permitted|EPERM)/,
    says: 'a shared library could not be mapped executable (musl: "Error loading shared library …: Operation not permitted"): the directory it is in is mounted noexec',
  },
  {
    id: 'gotmpdir-moved',
    besideFailure: true,
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.4,
    // GOTMPDIR (cmd/go: "the directory where the go command will write temporary source files,
    // packages, and binaries") being pointed elsewhere: the standard way around a noexec /tmp.
    // Only a value being set, not a `go env` listing where GOTMPDIR is merely printed.
    needles: ['GOTMPDIR'],
    test: /\b(?:export|setenv|set -x|env)\s+GOTMPDIR[= ]\S|\bgo env -w\s+(?:\S+=\S+\s+)*GOTMPDIR=\S|(?:^|[\s;&|$])GOTMPDIR=(?!["']?\s*$)["']?[^\s"']+["']?\s+(?:\S+=\S+\s+)*go (?:test|run|build|install|generate)\b/m,
    says: 'GOTMPDIR is being moved to another directory, the way around a temporary directory mounted noexec',
  },
  {
    id: 'gopls-under-tmpfs-path',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.62,
    // Executing the language server itself refused with EACCES (fs/exec.c's path_noexec) when it
    // lives under the places mounted noexec by hardening guides and defaults: /tmp and /var/tmp
    // (CIS benchmarks, ChromeOS), /dev/shm and /run/user/UID (systemd-logind's tmpfs, runc's SPEC
    // for /dev/shm), /media, /run/media and /mnt (udisks2 and fstab automounts of removable and
    // extra disks, often noexec or vfat/NTFS mounted without exec). gopls-exec-denied says the
    // start failed and makes the generic exec rules yield; this is the cause that explains it. Exec
    // words: os/exec's fork/exec and exec:, node's spawn, execv*, sudo's "unable to execute", Java's
    // Cannot run program, a shell's own report, and zsh's errno-first one (zerr's "%e: %s": "zsh:
    // permission denied: /tmp/x/gopls").
    needles: ['ermission denied', 'EACCES', 'error=13'],
    test: new RegExp(
      String.raw`(?:fork\/exec|spawn(?:Sync)?|exec:?|execv\w*:?|unable to execute|Cannot run program|(?:^|\s)-?(?:\/\S*\/)?(?:ba|z|da|k|fi)?sh(?:: line \d+)?(?:: \d+)?:) \\?["'\u2018]?\/(?:tmp|var\/tmp|dev\/shm|run\/shm|run\/user\/\d+|media|run\/media|mnt)\/(?:[^\s"'\u2019:]{0,300}\/)?${GO_LS}(?:\.exe)?\\?["'\u2019]?[^\n]{0,40}?(?:[Pp]ermission denied|\bEACCES\b|error=13)` +
        String.raw`|\bzsh: permission denied: \/(?:tmp|var\/tmp|dev\/shm|run\/shm|run\/user\/\d+|media|run\/media|mnt)\/(?:[^\s"'\u2019:]{0,300}\/)?${GO_LS}(?:\.exe)?\s*$`,
    ),
    says: 'the language server under /tmp, /dev/shm, /run/user or a removable or extra disk (/media, /mnt) could not be executed: these are the mounts most often noexec',
  },
  {
    id: 'chmod-x-refused',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.45,
    // chmod(2) refused with EPERM right after the user tried to make a file executable (`chmod +x
    // f`, `chmod 755 f`): on the file systems that fix modes at mount time, vfat/exfat (fmask=,
    // mount(8)), Android's shared storage (sdcardfs, FUSE), a drvfs without metadata, chmod cannot
    // set an execute bit and the mount's options decide whether anything there may run. chmod's
    // words: coreutils' "chmod: changing permissions of 'f': Operation not permitted", toybox's
    // and busybox's "chmod: f: Operation not permitted". Weak (a file owned by another user gives
    // the same EPERM): only beside a chmod that adds execute (analyzer CHMOD_X_WORDS).
    needles: ['ot permitted'],
    test: /(?!)/,
    nearChmodX: /\bchmod: (?:changing permissions of )?[^\n]{1,300}: [Oo]peration not permitted/,
    says: 'execute permission could not be set (chmod: operation not permitted) where the file system fixes modes at mount time (a FAT/exFAT or NTFS disk, Android shared storage): nothing there can be executed unless the mount allows it',
  },
  {
    id: 'toolkit-spawn-refused',
    classId: 'noexec-mount',
    severity: 'warning',
    confidence: 0.55,
    // An exec refused with EACCES in the words of the toolkits editors spawn through: GLib's
    // gspawn.c "Failed to execute child process “%s” (%s)" (GNOME Builder, GTK editors, Flatpak
    // hosts) and Neovim's jobstart/libuv "E903: Process failed to start: permission denied: "%s"".
    // Like the other exec-refusal rules (program-exec-denied), EACCES from an exec reads as a
    // mount's; the language server itself named is gopls-launch's, not claimed here.
    needles: ['Failed to execute child process', 'Process failed to start'],
    test: new RegExp(
      String.raw`Failed to execute child process [\u201c"](?![^\u201d"\n]{0,300}\b${GO_LS}[\u201d"])[^\u201d"\n]{1,300}[\u201d"] \(Permission denied\)|E903: Process failed to start: permission denied: "(?![^"\n]{0,300}\b${GO_LS}")[^"\n]{1,300}"`,
    ),
    says: 'a program the editor started through its toolkit (GLib, Neovim\'s jobstart) could not be executed (permission denied): a noexec mount, a file without its execute bit, or a policy',
  },
];
