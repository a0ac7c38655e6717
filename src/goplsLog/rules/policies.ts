// mac-policy: the words that say a security policy refused what file modes allow (SELinux,
// AppArmor, seccomp, fapolicyd, a sandbox). One file per class, so a family's rules read together;
// the order they are tried in is order.ts's.
import type { Rule } from './rule.js';
import { EDITOR_NAMES, GO_TOOL_NAMES } from '../../procfs/lsm.js';
import { NEGATED_BEFORE, NOT_THE_CAUSE, SWITCHED_OFF } from '../mechanisms.js';

/**
 * An AppArmor or SELinux record's field naming the Go tools or the editor: comm=, profile=, name= or exe=
 * (or label=, where AppArmor's D-Bus, signal and unix-socket records name the confined profile: a
 * snap editor's label="snap.code.code")
 * holding go, gopls, gofmt, the toolchain's compile/link/asm/cgo/vet/cover, dlv, a linter, a test
 * binary (x.test), a go-build directory or a Go tree (/go/), or VS Code, VSCodium, Cursor and the
 * node or electron they run extensions in: the names the mac-policy probe counts as relevant
 * (procfs/lsm.ts), so a log's record and the machine's audit log are judged alike.
 */
const GO_TOOL_FIELD = String.raw`\b(?:comm|profile|label|name|exe)=\\?"?[^"\s]*?(?:\b(?:${GO_TOOL_NAMES}|${EDITOR_NAMES})\b|go-build|\/go\/|\.test\b)`;

/**
 * SELinux's state as its status tools print it, which says what is in force, not that anything was
 * refused (Rule.besideFailure): sestatus's fields (policycoreutils/sestatus/sestatus.c printf_tab:
 * "SELinux status:", "Current mode:", "Mode from config file:", "Policy version:" …), getenforce's
 * bare mode (libselinux/utils/getenforce.c: puts("Enforcing") or "Permissive"), restorecon -v's
 * report of a label it set (libselinux/src/selinux_restorecon.c: "%s %s from %s to %s", "Relabeled"
 * or "Would relabel"), and a command typed at a shell prompt to look (`$ sestatus`, `# ausearch -m
 * avc`): the user asking, not a program answering.
 */
const SELINUX_STATE = /^\s*(?:(?:SELinux status|SELinuxfs mount|SELinux root directory|Loaded policy name|Current mode|Mode from config file|Policy MLS status|Policy deny_unknown status|Memory protection checking|Max kernel policy version|Policy version|Policy from config file):[ \t]+\S[^\n]*|Enforcing|Permissive|(?:Relabeled|Would relabel) \S[^\n]* from \S+ to \S+|(?:\$|#|[\w.-]+@[\w.-]+[^\s$#]*[$#])\s[^\n]*)\s*$/;

export const POLICY_RULES: readonly Rule[] = [
  {
    id: 'thread-create-eperm',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.8,
    // runtime: failed to create new OS thread (have 2 already; errno=1); pthread_create failed:
    // Operation not permitted; strace's clone3(…) = -1 EPERM; glibc's "thread failed to start".
    // EPERM, not EAGAIN: a seccomp filter or container runtime refused clone, not a limit.
    needles: ['errno=1)', 'EPERM', 'thread failed to start', 'ermission denied', 'ot permitted'],
    test: /failed to create new OS thread[^\n]*errno=1\b|(?:pthread_create|clone3?|newosproc)[^\n]*(?:EPERM|Operation not permitted|operation not permitted)|thread failed to start/,
    yieldsTo: ['thread-create-failed', 'eagain'],
    says: 'creating a thread was refused with EPERM: a seccomp profile or the container runtime forbids clone/clone3 (older Docker with newer glibc), not a process limit',
  },
  {
    id: 'exec-eperm',
    classId: 'mac-policy',
    role: 'symptom',
    symptom: 'not-permitted',
    severity: 'warning',
    confidence: 0.7,
    // fork/exec ./debug: operation not permitted (delve in a container), ptrace: Operation not
    // permitted, execve(…) = -1 EPERM: a seccomp profile, a MAC policy or a container runtime, but
    // also the kernel's own rules with no policy at all: a second tracer of a traced process, a
    // namespace or capability an unprivileged user may not take. The words say refused, not by
    // what, so it is the symptom not-permitted (warning) whose checks (the MAC probe) settle it, as
    // a bare EPERM is; a line that names the refusing layer (seccomp-named, selinux-named,
    // ptrace-scope, sandbox-namespace-denied) stays the cause.
    needles: ['ot permitted', 'EPERM'],
    // Bounded spans: unbounded ones backtracked cubically (0.9 s on a 4 KB line of "fork/exec ").
    test: /fork\/exec [^:\n]{0,300}:\s*(?:EPERM|[Oo]peration not permitted)|(?:ptrace(?:\([^)\n]{0,300}\))?|execve?(?:\([^)\n]{0,300}\))?|exec format)[^\n]{0,300}?(?::|=\s*-1)\s*(?:EPERM|[Oo]peration not permitted)/,
    says: 'executing or tracing a program was refused with EPERM (operation not permitted): a seccomp profile, a MAC policy or the container runtime forbids it',
  },
  {
    id: 'seccomp-new-syscall',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // A container runtime's seccomp profile older than the libc inside: close_range, clone3,
    // faccessat2, statx, openat2, pidfd_* return EPERM ("close_range: Operation not permitted").
    // copy_file_range (Linux 4.5) is the Go linker's and os.File.ReadFrom's since Go 1.15: an
    // older Docker's profile answered it EPERM ("link: cannot write …: copy_file_range: operation
    // not permitted"), which Go 1.15.1 learned to fall back from (internal/poll, golang/go#40731).
    needles: ['ot permitted', 'EPERM'],
    test: /\b(?:clone3|close_range|faccessat2|statx|openat2|pidfd_\w+|epoll_pwait2|io_uring_\w+|membarrier|landlock_\w+|rseq|copy_file_range)\b[^\n]*(?:Operation not permitted|operation not permitted|EPERM)/,
    yieldsTo: ['thread-create-eperm'],
    says: 'a system call newer than the sandbox\'s seccomp profile was refused with EPERM (an old container runtime or profile)',
  },
  {
    id: 'selinux-avc-denied',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.8,
    // The kernel's audit record, and setroubleshoot's summary of it ("SELinux is preventing X from …").
    // An error when the record is about the Go tools or the editor (comm, exe, name as for AppArmor),
    // or when it does not say whose it is (setroubleshoot's summary names a path, not always a comm);
    // see selinux-avc-denied-other for another program's.
    // Not a record that ends "permissive=1": see selinux-avc-permissive.
    needles: ['avc:  denied', 'avc: denied', 'SELinux is preventing'],
    test: new RegExp(String.raw`SELinux is preventing|^(?![^\n]*\bpermissive=1\b)[^\n]*?(?:avc: +denied(?![^\n]*\bcomm=)|avc: +denied[^\n]*${GO_TOOL_FIELD})`),
    says: 'SELinux denied an operation ("avc: denied")',
  },
  {
    id: 'selinux-avc-permissive',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // The same record for the Go tools or the editor, logged with permissive=1. The kernel appends
    // the field to every denial it audits as result ? 0 : 1 (security/selinux/avc.c
    // avc_audit_post_callback: audit_log_format(ab, " permissive=%u", sad->result ? 0 : 1)), the
    // result being 0 when the system is permissive or the domain is (semanage permissive -a): the
    // access was logged and ALLOWED. The record alone then refused nothing, and the policy will
    // refuse it once enforced; the mac-policy probe files such a denial in the machine's audit log
    // as a warning too (probes/macPolicy.ts). It is an error only when the same log also shows a
    // refusal ("permission denied", EACCES, EPERM, "not permitted"): SELinux is usually set
    // permissive to collect the records of what failed under enforcing (goplsLogs.ts findingsOf).
    needles: ['permissive=1'],
    test: new RegExp(String.raw`^(?=[^\n]*\bpermissive=1\b)[^\n]*?(?:avc: +denied(?![^\n]*\bcomm=)|avc: +denied[^\n]*${GO_TOOL_FIELD})`),
    says: 'SELinux logged a denial in permissive mode ("avc: denied … permissive=1"): the operation was allowed, not refused, and will be refused once the policy is enforced',
  },
  {
    id: 'selinux-avc-granted',
    classId: 'mac-policy',
    // Information only: the kernel audits an access it ALLOWED as "avc:  granted" (an auditallow
    // rule, setenforce, load_policy; security/selinux/avc.c avc_audit_pre_callback prints
    // "granted" when the result is not a denial). Such a record carries the contexts and tool names
    // the SELinux rules below read as SELinux in the way, but it refused nothing.
    severity: 'info',
    confidence: 0.3,
    needles: ['avc:  granted', 'avc: granted'],
    test: /avc: +granted\b/,
    says: 'SELinux logged an access it allowed ("avc: granted"): a record, not a refusal',
  },
  {
    id: 'selinux-avc-denied-other',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // The same record for a program the Go tools do not run (a web server, a registry, runc's
    // init): SELinux is enforcing and acting here, which the doctor says; whether it explains a Go
    // failure depends on what failed (the mac-policy probe reads the machine's audit log the same way).
    needles: ['avc:  denied', 'avc: denied'],
    yieldsTo: ['selinux-avc-denied', 'selinux-avc-permissive'],
    says: 'SELinux denied an operation of a program other than the Go tools or the editor ("avc: denied")',
  },
  {
    id: 'apparmor-denied',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.8,
    // Also the record with its quotes stripped or JSON-escaped, as pastes and log
    // shippers leave it (apparmor=DENIED, apparmor=\"DENIED\"). An error when the record is
    // about the Go tools or the editor (its comm, profile or name: go, gopls, the compiler and
    // linker, a test binary, a go-build directory, a Go tree, VS Code and its node); see
    // apparmor-denied-other for every other program. Also a profile in kill mode's record,
    // apparmor="KILLED" (security/apparmor/audit.c aa_audit: a DENIED under KILL_MODE becomes
    // AUDIT_APPARMOR_KILL, and the task is sent SIGKILL): denied, and the process killed for it.
    needles: ['apparmor="DENIED"', 'apparmor=DENIED', 'apparmor=\\"DENIED', 'apparmor="KILLED"', 'apparmor=KILLED', 'apparmor=\\"KILLED'],
    test: new RegExp(String.raw`apparmor=\\?"?(?:DENIED|KILLED)[^\n]*${GO_TOOL_FIELD}|${GO_TOOL_FIELD}[^\n]*apparmor=\\?"?(?:DENIED|KILLED)`),
    says: 'AppArmor denied an operation (apparmor="DENIED")',
  },
  {
    id: 'apparmor-denied-other',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // The same record for a program the Go tools do not run (a snap's mysql, htop, a desktop
    // app): AppArmor is acting on this machine, which the doctor says, but whether it explains a Go
    // failure depends on what failed, so not an error by itself (snaps log expected denials that
    // change nothing: nextcloud-snap#1612, a tuning negative).
    needles: ['apparmor="DENIED"', 'apparmor=DENIED', 'apparmor=\\"DENIED', 'apparmor="KILLED"', 'apparmor=KILLED', 'apparmor=\\"KILLED'],
    yieldsTo: ['apparmor-denied'],
    says: 'AppArmor denied an operation of a program other than the Go tools or the editor (apparmor="DENIED")',
  },
  {
    id: 'not-permitted',
    classId: 'mac-policy',
    role: 'symptom',
    symptom: 'not-permitted',
    severity: 'warning',
    confidence: 0.4,
    // EPERM, "Operation not permitted": refused by a policy (seccomp, a capability the container
    // dropped, SELinux, AppArmor), not by file modes, which answer EACCES. Changing a file's owner,
    // mode or times, and signalling another user's process, are the exceptions: there EPERM is the
    // ordinary answer of file ownership. And mapping a file executable: mmap(2) answers EPERM for
    // PROT_EXEC on a noexec mount (mm/mmap.c do_mmap: path_noexec → -EPERM), where SELinux's and
    // AppArmor's mmap checks answer EACCES, so glibc's "failed to map segment from shared object:
    // Operation not permitted", musl's "Error loading shared library …: Operation not permitted" and
    // an mmap's own EPERM are the mount's (its rules read them), not a policy's by default.
    needles: ['ot permitted', 'EPERM'],
    test: /^(?![^\n]*(?:\bch(?:mod|own|grp|attr)\b|changing (?:permissions|ownership|group)|setting (?:times|permissions)|\butimes?\b|\bkill\b|failed to map segment|Error loading shared library|\bmmap\w*\b|\bPROT_EXEC\b))[^\n]*(?:[Oo]peration not permitted|\bEPERM\b)/,
    yieldsTo: ['thread-create-eperm', 'exec-eperm', 'seccomp-new-syscall', 'shared-object-map-denied', 'mmap-exec-eperm', 'ptrace-scope', 'sandbox-namespace-denied', 'seccomp-named', 'selinux-named', 'runtime-eperm', 'musl-map-denied', 'shell-exec-eperm', 'chromium-sandbox-refused', 'systemd-sandbox-step', 'aslr-disable-refused', 'exec-refusal-words', 'snap-user-data-refused', 'ownership-change-eperm', 'apparmor-profile-denied'],
    says: 'an operation was refused with EPERM (operation not permitted): a seccomp filter, a dropped capability or a MAC policy forbids it, not the file modes',
  },
  {
    id: 'ownership-change-eacces',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // coreutils chown/chmod stat the file first; a refusal after that is EPERM when the caller does
    // not own the file. "changing ownership of 'x': Permission denied" (EACCES) is a security
    // module's answer (SELinux, AppArmor), as on an unlabelled container bind mount.
    needles: ['ermission denied'],
    test: /changing (?:ownership|permissions|group) of [^\n]{0,300}: Permission denied/,
    says: 'changing a file\'s owner or mode was refused with EACCES rather than EPERM: a security module (SELinux, AppArmor) denied it',
  },
  {
    id: 'selinux-named',
    besideFailure: SELINUX_STATE,
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // SELinux in force and in the way, short of an AVC record: sestatus's "Current mode: enforcing",
    // audit fields (scontext=/tcontext=), container file types (container_file_t,
    // svirt_sandbox_file_t), podman's "error setting label on mount source" / relabel failures.
    // Also audit2why's verdict on an AVC record (policycoreutils audit2allow -w): "Was caused by:
    // Missing type enforcement (TE) allow rule." and "One of the following booleans was set incorrectly."
    // go-selinux's refusal to relabel system content for a :z/:Z volume (opencontainers/selinux
    // go-selinux/selinux_linux.go, badPrefixes: "relabeling content in %s is not allowed", older
    // versions "Relabeling content in %s is not allowed."), as podman, buildah and CRI-O print it.
    // SELinux's own permission names inside a record's or a rule's braces ("{ execmod }", "{ execute
    // execute_no_trans }": an exec or a text relocation the policy checks beyond the file modes,
    // where a noexec mount would not be asked), its booleans on them (deny_execmem,
    // selinuxuser_execmod, container_manage_cgroup), and a type-enforcement rule as audit2allow
    // prints it ("allow container_t user_home_t:file { read open };").
    needles: ['enforcing', 'scontext=', 'tcontext=', 'container_file_t', 'execmod', 'execmem', 'execheap', 'execute_no_trans', 'selinuxuser_exec', 'allow_exec', 'container_manage_cgroup', 'container_use_devices', '_t:', 'svirt_sandbox_file_t', 'svirt_lxc_net_t', 'setting label', 'relabel', 'Relabel', 'Missing type enforcement (TE) allow rule', 'One of the following booleans was set incorrectly'],
    test: /relabeling content in \S+ is not allowed|\{[^}\n]*\b(?:execmod|execmem|execheap|execute_no_trans)\b[^}\n]*\}|\b(?:deny_execmem|selinuxuser_exec(?:mod|stack|heap)|allow_exec(?:mem|mod|stack|heap)|container_manage_cgroup|container_use_devices)\b|^\s*(?:allow|dontaudit|auditallow|neverallow)\s+\w+_t\s+\w+_t:\w+\s+(?:\{[^}\n]*\}|\w+)\s*;|Missing type enforcement \(TE\) allow rule|One of the following booleans was set incorrectly|Current mode:\s+enforcing|\b[st]context=\w+_u:|\b(?:container_file_t|svirt_sandbox_file_t|svirt_lxc_net_t)\b|setting (?:SELinux )?label on|relabel(?:ing)? (?:failed|[^\n]{0,120}not (?:permitted|supported))|SELinux[^\n]{0,80}\benforcing\b/i,
    yieldsTo: ['selinux-avc-denied', 'selinux-avc-denied-other', 'selinux-avc-permissive', 'selinux-avc-granted'],
    says: 'SELinux is enforcing and named beside the failure (contexts, labels or its mode)',
  },
  {
    id: 'apparmor-profile-denied',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // AppArmor's older kernel records (type=1503 … operation="open" … denied_mask="r::") and snap's
    // confinement helper: "snap-confine … Permission denied", "cannot change profile for the next
    // exec call: No such file or directory".
    // Also snap-confine's own mounts into its scratch root, /tmp/snap.rootfs_XXXXXX, refused
    // ("cannot perform operation: mount --rbind /dev /tmp/snap.rootfs_3oxSBe/dev: Permission
    // denied", "… mount -t tmpfs … /tmp/snap.rootfs_a8t3aV: Permission denied", "cannot create mount
    // point for file "/tmp/snap.rootfs_…/x": Permission denied"): snap-confine runs as root, so
    // what refuses it is its AppArmor profile (usr.lib.snapd.snap-confine: a /tmp or /mnt that is a
    // symlink, a distribution's profile out of date, snaps inside an unprivileged container), as
    // redis/RedisDesktopManager#4743, anbox/anbox#399, zigford/snapd#6 and #12 (its
    // apparmor="DENIED" … profile="/usr/lib/snapd/snap-confine" record) and
    // cross-platform/apple-music-for-linux#18 report it.
    // Not a record of complain mode or auditing: apparmor="ALLOWED" (aa-complain) and
    // apparmor="AUDIT" carry a denied_mask too, but the access was allowed (apparmor(7)).
    // snap-confine started without its setuid bit or capabilities (cmd/snap-confine/snap-confine.c:
    // "need to run as root or suid"): every snap fails to start, the Go and VS Code snaps included.
    // snap-update-ns, which snap-confine runs (as root) to build a snap's mount namespace
    // (cmd/snap-update-ns/main.go: fmt.Printf("cannot update snap namespace: %s\n", err)), refused
    // with EACCES or EPERM: it runs under its own AppArmor profile (snap-update-ns.SNAP, written by
    // snapd), so root being refused a layout's mount or writable mimic is that confinement's answer.
    // snap-update-ns's reading of each change it makes (cmd/snap-update-ns/change.go, update.go:
    // "cannot change mount namespace according to change mount (…): permission denied") is the
    // same confinement refusing one mount; snap-exec's (cmd/snap-exec/main.go: "cannot snap-exec:
    // cannot exec %q: %s") the snap's own command refused.
    needles: ['denied_mask=', 'snap-confine', 'cannot change profile', 'snap.rootfs_', 'need to run as root or suid', 'cannot update snap namespace', 'cannot change mount namespace', 'cannot snap-exec'],
    test: /^(?![^\n]*apparmor=\\?"?(?:ALLOWED|AUDIT)\b)[^\n]*?(?:^\s*need to run as root or suid\s*$|\bcannot (?:update snap namespace: |change mount namespace according to change |snap-exec: )[^\n]{0,400}(?:[Pp]ermission denied|[Oo]peration not permitted)|denied_mask="?[a-z:]+|snap-confine[^\n]{0,200}(?:denied|not permitted|cannot|error|refus)|cannot change profile for the next exec call|\/tmp\/snap\.rootfs_\w+[^\n]{0,300}: Permission denied)/i,
    yieldsTo: ['apparmor-denied', 'apparmor-denied-other', 'selinux-avc-denied', 'selinux-avc-denied-other', 'selinux-avc-permissive'],
    says: 'AppArmor (a snap\'s confinement profile) denied an operation',
  },
  {
    id: 'seccomp-named',
    // /proc/PID/status's "Seccomp: 2" (fs/proc/array.c task_seccomp) says a filter is installed, as
    // in every container under the runtime's default profile: a state, evidence only beside a failure.
    besideFailure: /^\s*Seccomp:\s*2\s*$/,
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // A seccomp filter named beside a refusal: the kernel's audit record of a seccomp action
    // (type=1326 / type=SECCOMP), "seccomp" with "not permitted" / "denied" / "blocked", a profile
    // action (SCMP_ACT_ERRNO), and the usual workaround being shown (seccomp=unconfined).
    // Also /proc/PID/status's "Seccomp: 2" (a filter is installed, proc(5)).
    // Also a container runtime that could not install the container's seccomp profile, in runc's
    // words (libcontainer/seccomp/seccomp_linux.go "error loading seccomp filter into kernel: %w",
    // standard_init_linux.go "unable to init seccomp: %w"): the runtime refuses to start the
    // container without its security option (errno 524 there is the kernel's BPF JIT limit).
    needles: ['seccomp', 'SECCOMP', 'Seccomp:', 'type=1326', 'SCMP_ACT_'],
    test: /\b(?:error loading seccomp filter|unable to init seccomp)\b|^\s*Seccomp:\s*2\b|type=(?:1326|SECCOMP)\b(?![^\n]*\bcode=0x7ff[cf]0000\b)|\baudit\[\d+\]: SECCOMP\b|\bseccomp\b[^\n]{0,120}(?:not permitted|denied|block|refus|EPERM|unconfined|violation)|(?:not permitted|denied|blocked|EPERM)[^\n]{0,120}\bseccomp\b|SCMP_ACT_(?:ERRNO|KILL|TRAP)/i,
    // A seccomp record that carries the kill's signal is seccomp-sigsys's, an error.
    yieldsTo: ['seccomp-sigsys'],
    says: 'a seccomp filter is named beside the failure: the container runtime or sandbox refuses a system call',
  },
  {
    id: 'landlock-denied',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.7,
    // Landlock's audit record of a refused access (Linux 6.15+, security/landlock/audit.c:
    // AUDIT_LANDLOCK_ACCESS, type=1423, "domain=%llx blockers=fs.write_file path=…"): a sandbox the
    // process (or a launcher) put itself in refused a file or network access. type=1424 records only
    // a domain's life (status=allocated / deallocated) and refuses nothing (catalog rows, lane mac of 2026-12-05).
    needles: [' blockers='],
    test: /\btype=(?:1423|LANDLOCK_ACCESS)\b[^\n]* blockers=/,
    says: 'a Landlock sandbox refused an access (its audit record names what it blocked)',
  },
  {
    id: 'ptrace-scope',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // Delve's "could not attach to pid 123: this could be caused by a kernel security setting, try
    // writing \"0\" to /proc/sys/kernel/yama/ptrace_scope": the Yama LSM forbids attaching.
    // The kernel's side of the same refusal (security/yama/yama_lsm.c report_access, ratelimited):
    // 'ptrace attach of "/x"[41234] was attempted by "dlv attach 41234"[41300]' (catalog row, lane mac of 2026-12-05).
    needles: ['ptrace_scope', 'kernel security setting', 'was attempted by "'],
    test: /ptrace_scope|kernel security setting|\bptrace (?:attach|traceme) of "[^"\n]*"\[\d+\] was attempted by "/,
    says: 'attaching a debugger was refused by a kernel security setting (Yama ptrace_scope)',
  },
  {
    id: 'sandbox-namespace-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // A sandbox that cannot set itself up because the host's policy forbids user namespaces
    // (AppArmor's apparmor_restrict_unprivileged_userns, a container without the capability):
    // bubblewrap's "bwrap: No permissions to creating new namespace" / "bwrap: setting up uid map:
    // Permission denied", Chromium/Electron's "No usable sandbox!" and "The SUID sandbox helper
    // binary was found, but is not configured correctly", "unshare failed: Operation not permitted",
    // and containers/storage's re-exec helper as skopeo, buildah and podman print it
    // (pkg/unshare/unshare.c: "Error during unshare(...): %m"; Ubuntu 24.04's AppArmor userns
    // restriction on CI runners).
    // unshare(2) refused with EACCES as well as EPERM: AppArmor's user-namespace mediation
    // (security/apparmor/task.c aa_profile_ns_perm; the audit record's error=-13) answers -EACCES,
    // so Ubuntu 23.10+'s restriction reads "unshare(CLONE_NEWUSER): Permission denied" (os error 13
    // in Rust's words), which no file mode gives: unshare opens no file. Chromium's zygote
    // (content/browser/zygote_host/zygote_host_impl_linux.cc) words the same refusal "Failed to move
    // to new namespace: … but failed: errno = Operation not permitted".
    needles: ['bwrap:', 'No usable sandbox', 'SUID sandbox helper', 'unshare', 'restrict_unprivileged_userns', 'Failed to move to new namespace'],
    test: /bwrap:[^\n]{0,200}(?:permission|not permitted|namespace|denied)|No usable sandbox|SUID sandbox helper binary|unshare(?:\([^)\n]{0,40}\))?(?: failed)?:[^\n]{0,120}(?:[Oo]peration not permitted|EPERM|[Pp]ermission denied|EACCES)|restrict_unprivileged_userns|Failed to move to new namespace:[^\n]{0,200}(?:not permitted|denied)/i,
    says: 'a sandbox could not create its namespaces: the host\'s policy (AppArmor\'s user-namespace restriction, a container\'s seccomp or capabilities) forbids it',
  },
  {
    id: 'system-exec-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // Executing the system's own programs (/bin/bash, /usr/bin/git) refused with EACCES: /usr is
    // not mounted noexec on a working system and those files are executable by everyone, so the
    // refusal is a policy's (an SELinux domain transition a confined container may not make, an
    // AppArmor profile), as in "start command: fork/exec /bin/bash: permission denied".
    needles: ['ermission denied'],
    // Also Go's syscall.Exec as runc's init prints it ("exec /bin/sh: permission denied") and GNU
    // make 4.3+'s posix_spawn failure ("make: /bin/sh: Permission denied").
    // /usr/local/bin is left out of these two: container images copy their own scripts there.
    test: /(?:fork\/exec|exec:|execv\w*:?) \\?"?\/(?:usr\/(?:local\/)?)?s?bin\/[^":\s]+\\?"?: permission denied|(?:^|[\s"'])exec \/(?:usr\/)?s?bin\/[^":\s]+: permission denied|^make(?:\[\d+\])?: \/(?:usr\/)?s?bin\/[^\s:]+: permission denied/i,
    says: 'executing a system program (under /bin or /usr/bin) was refused with "permission denied": not a noexec mount or file mode, but a security policy (SELinux, AppArmor) forbidding the exec',
  },
  {
    id: 'apparmor-named',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // AppArmor named beside a failure: Docker's "AppArmor enabled on system but the docker-default
    // profile could not be loaded", apparmor_parser errors, "profile … not found".
    needles: ['AppArmor', 'apparmor'],
    // Not a complain-mode or audit record (apparmor="ALLOWED"/"AUDIT"), whose denied_mask says denied.
    test: /^(?![^\n]*apparmor=\\?"?(?:ALLOWED|AUDIT)\b)[^\n]*?(?:\bapparmor\b[^\n]{0,120}(?:could not|cannot|failed|denied|not found|error)|(?:could not|cannot|failed to)[^\n]{0,60}\bapparmor\b)/i,
    yieldsTo: ['apparmor-denied', 'apparmor-denied-other', 'apparmor-profile-denied'],
    says: 'AppArmor is named beside the failure: a profile confines or could not be set up for the program',
  },
  {
    id: 'cwd-stat-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // stat(2) of a name in the working directory refused with EACCES, in GNU make's words
    // (remake.c: perror_with_name ("stat: ", name) → "make: stat: Makefile: Permission denied") and
    // coreutils' ("stat: cannot stat 'go.mod'", "ls: cannot access 'x'"). stat needs no permission on
    // the file, only search permission on the directory, which a process working in that directory
    // had to chdir there: the refusal is a security module's (an unlabelled container bind mount
    // under SELinux), not the file modes. A path with a slash may cross a directory the user cannot
    // search, so only bare names count.
    needles: ['ermission denied'],
    test: /\bstat: [^\s/:]+: Permission denied|cannot (?:stat|access) '[^\s/':]+': Permission denied|\bl?stat [^\s/:$]+: permission denied/,
    says: 'looking up a file in the working directory was refused: file modes cannot do that to a directory the process works in, a security module (SELinux, AppArmor) can',
  },
  {
    id: 'selinux-vocabulary',
    besideFailure: SELINUX_STATE,
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.5,
    // SELinux's own tools and labels named beside a failure: setenforce/getenforce/sestatus,
    // audit2allow/audit2why/ausearch -m avc, restorecon/chcon/semanage/setsebool, the container
    // domains (container_t, spc_t), Docker's and Podman's SELinux volume options (`-v src:dst:z`,
    // `:Z`, `--security-opt label=disable`, "relabel"), and SELinux named as the trouble ("SELinux is
    // enabled", "disable SELinux"). The kernel's own "SELinux:  Initializing." boot lines are not, nor
    // SELinux said to be off ("SELinux is disabled", sestatus's "SELinux status: disabled"), which
    // says it refused nothing; a fix that turns it off ("SELINUX=disabled", "disabling SELinux") is kept.
    // Also the policy's module and query tools (policycoreutils semodule, checkpolicy's
    // checkmodule, setools' sesearch and seinfo, matchpathcon, runcon, fixfiles, load_policy) and
    // its configuration file, /etc/selinux/config.
    needles: ['SELinux', 'selinux', 'SELINUX', 'setenforce', 'getenforce', 'sestatus', 'sealert', 'audit2allow', 'audit2why', 'ausearch', 'restorecon', 'chcon', 'semanage', 'setsebool', 'container_t', 'spc_t', '_u:', 'label=disable', 'label:disable', ':z', ':Z', 'semodule', 'checkmodule', 'sesearch', 'seinfo', 'matchpathcon', 'runcon', 'fixfiles', 'load_policy'],
    test: /\b(?:setenforce|getenforce|sestatus|sealert|audit2allow|audit2why|restorecon|chcon|semanage|setsebool|getsebool|semodule|checkmodule|sesearch|seinfo|matchpathcon|runcon|fixfiles|load_policy)\b(?![.\/-]\w)|\/etc\/selinux\/config\b|ausearch[^\n]{0,20}-m\s*avc|\b(?:container_t|spc_t|container_runtime_t)\b|\b[a-z]\w*_u:[a-z]\w*_r:[a-z]\w*_t\b|\blabel[=:]disable\b|(?:-v|--volume)[= ]["']?[^\s:"']+["']?:["']?[^\s:"']+["']?:(?:[a-z]+,)*[zZ](?:,[a-z]+)*["']?(?=\s|$)|^\s*-\s+["']?[^\s:"']+:[^\s:"']+:(?:[a-z]+,)*[zZ](?:,[a-z]+)*["']?\s*$|\bselinux\b(?!:)(?!\s+(?:is|was)\s+(?:(?:currently|already|also|now)\s+)?(?:disabled|off\b|not\b)|\s+status:\s+disabled|:\s+disabled)[^\n]{0,80}\b(?:enabl|enforc|permissive|den(?:y|ied)|prevent|block|label|context|polic|relabel|disabl|issue|problem)|\b(?:disabl\w*|because of|due to|caused by|blame\w*|turn(?:ing|ed)? off)\s+(?:the\s+)?selinux\b/im,
    yieldsTo: ['selinux-avc-denied', 'selinux-avc-denied-other', 'selinux-avc-permissive', 'selinux-named', 'selinux-avc-granted'],
    says: 'SELinux is named beside the failure (its tools, its container labels, a :z/:Z volume relabel or label=disable)',
  },
  {
    id: 'apparmor-vocabulary',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.5,
    // AppArmor's own tools and switches (apparmor-utils: aa-status, aa-complain, aa-disable,
    // aa-enforce, aa-logprof; apparmor_parser; the profiles under /etc/apparmor.d/) and Docker's
    // `--security-opt apparmor=unconfined`, named beside a failure; and snapd's confinement, which
    // is AppArmor (`snap connect` of an interface, "strict confinement", "strictly confined", "snap
    // confinement", confinement said to prevent or block; not "classic confinement", which is none).
    // snap-confine's "Sorry, home directories outside of /home are not currently supported" too.
    // And AppArmor named as the trouble in a reporter's words ("AppArmor is blocking it", "after
    // disabling AppArmor it works"), as selinux-vocabulary reads SELinux. Not AppArmor merely on
    // (Ubuntu's default: kubelet's "… ready status. AppArmor enabled"), a record's apparmor="…"
    // field, nor the kernel's "AppArmor: AppArmor initialized".
    // Not the kernel's own notice of a profile being loaded or replaced (apparmor="STATUS"
    // operation="profile_load"/"profile_replace", comm="apparmor_parser"), which dockerd, snapd and
    // boot write every time they (re)load profiles: a record of policy set up, not of anything refused.
    // And a profile's own syntax pasted as the fix: its variables (@{HOME}, @{PROC}) and includes
    // (<tunables/global>, <abstractions/base>).
    needles: ['aa-', 'apparmor', 'AppArmor', 'Apparmor', 'snap connect', 'confinement', 'confined', 'home directories outside of /home', '@{', '<tunables/', '<abstractions/'],
    test: /^(?![^\n]*apparmor=\\?"?STATUS\b)[^\n]*?(?:\baa-(?:status|complain|disable|enforce|logprof|genprof|teardown|exec|notify|unconfined|remove-unknown|features-abi)\b|\bapparmor_(?:parser|status)\b|\/etc\/apparmor\.d\/|@\{(?:HOME|HOMEDIRS|PROC|run|sys|multiarch|exec_path)\}|<(?:tunables|abstractions)\/[\w.-]+>|\bapparmor[=:]\s*unconfined\b|\bsnap connect\b|\bstrict(?:ly)? confine(?:ment|d)\b|\bconfinement:\s*strict\b|\bsnap(?:'s|d's)? confinement\b|\bconfinement (?:prevents|blocks|denies|refuses)\b|home directories outside of \/home are not currently supported|\bapparmor\b(?![=:"])(?!\s+(?:is|was)\s+(?:(?:currently|already|also|now)\s+)?(?:disabled|off\b|not\b)|\s+status:\s+disabled|:\s+disabled)[^\n]{0,80}\b(?:den(?:y|ied)|prevent|block|disabl|issue|problem)|\b(?:disabl\w*|because of|due to|caused by|blame\w*|turn(?:ing|ed)? off|stop(?:ping|ped)?)\s+(?:the\s+)?apparmor\b)/i,
    yieldsTo: ['apparmor-denied', 'apparmor-denied-other', 'apparmor-profile-denied', 'apparmor-named'],
    says: 'AppArmor is named beside the failure (its tools, a profile or apparmor=unconfined)',
  },
  {
    id: 'ptrace-capability',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.5,
    // A container's capability set named as the remedy: `docker run --cap-add=SYS_PTRACE`, compose's
    // `cap_add: [SYS_PTRACE]`, CAP_SYS_PTRACE. Docker's default profile drops it (and, before 19.03,
    // its seccomp profile blocked ptrace without it), so Delve's launch fails with EPERM.
    needles: ['SYS_PTRACE'],
    says: 'the ptrace capability (SYS_PTRACE) is named: a container policy that forbids debugging or tracing is in play',
  },
  {
    id: 'privileged-container',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.45,
    // A container run privileged (`docker run --privileged`, compose's and Kubernetes'
    // `privileged: true`): that switch turns off the runtime's seccomp profile, its AppArmor or
    // SELinux confinement and the dropped capabilities at once, so where it is the remedy, a
    // container policy was in the way.
    needles: ['privileged'],
    test: /--privileged\b(?!=false)|^\s*privileged:\s*true\b/m,
    says: 'a container is run privileged, which lifts its seccomp profile, AppArmor/SELinux confinement and capability limits: a container policy is in play',
  },
  {
    id: 'runtime-eperm',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // A container runtime refused with EPERM while setting up or running the container, in its own
    // words: "OCI runtime create failed: runc create failed: … operation not permitted", crun's
    // "crun: … Operation not permitted", conmon and containerd-shim the same. The runtime runs as the
    // caller, so EPERM there is the host's policy (seccomp, a missing capability, user namespaces
    // refused), not file modes.
    needles: ['OCI runtime', 'runc', 'crun', 'conmon', 'containerd-shim'],
    test: /\b(?:OCI runtime|runc|crun|conmon|containerd-shim)\b[^\n]{0,300}(?:[Oo]peration not permitted|\bEPERM\b)/,
    // crun's "open executable: Operation not permitted" is the O_PATH open of a directory or a
    // file nobody may execute (crun#1694), exec-refusal-words' symptom, not the host's policy.
    yieldsTo: ['thread-create-eperm', 'exec-eperm', 'seccomp-new-syscall', 'sandbox-namespace-denied', 'exec-refusal-words'],
    says: 'a container runtime (runc, crun, containerd) was refused with EPERM: the host\'s seccomp, capability or user-namespace policy',
  },
  {
    id: 'seccomp-sigsys',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // SIGSYS on Linux comes from a seccomp filter whose action is KILL or TRAP (seccomp(2)); an
    // unimplemented system call answers ENOSYS instead. The shell's "Bad system call (core
    // dumped)", the Go runtime's "SIGSYS: bad system call" dump, systemd's "status=31/SYS", os/exec's
    // ExitError "signal: bad system call" (strsignal in Go's words), and the kernel's audit record
    // of a process dying of a signal (audit_core_dumps: "type=1701 … sig=31 res=1", ANOM_ABEND),
    // SIGSYS being 31 on x86 and arm64; also the seccomp record itself with the kill's signal
    // (audit_seccomp, type 1326: "type=SECCOMP … sig=31 … syscall=141"), as the journal shows it
    // ("audit[7053]: SECCOMP auid=… sig=31 arch=c000003e syscall=141").
    needles: ['ad system call', 'SIGSYS', 'status=31/SYS', 'sig=31'],
    test: /\b[Bb]ad system call\b|\bSIGSYS\b|status=31\/SYS|\b(?:type=1701|ANOM_ABEND|type=1326|type=SECCOMP|audit(?:\[\d+\])?: SECCOMP)\b[^\n]{0,400}\bsig=31\b/,
    says: 'a process was killed by SIGSYS ("bad system call"): a seccomp filter (a container runtime, systemd\'s SystemCallFilter, a sandbox) forbids a system call it made',
  },
  {
    id: 'fapolicyd-denied',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // fapolicyd (RHEL/Fedora application allow-listing) logs its decisions as "rule=13
    // dec=deny_audit perm=execute … exe=/usr/bin/bash : path=/tmp/x": an exec refused by policy,
    // which the program sees as EPERM.
    needles: ['dec=deny', 'fapolicyd'],
    test: /\bdec=deny\w*\b|fapolicyd[^\n]{0,200}\bden(?:y|ied)\b/,
    says: 'fapolicyd, the application allow-listing daemon, denied an execute or open: a policy, not the file modes',
  },
  {
    id: 'systemd-exec-home-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.62,
    // systemd's exec step refused with EACCES for a program under a user's home (src/core/
    // execute.c, exec_child / exec_invoke: "Failed at step EXEC spawning %s: %m", and the unit's
    // "status=203/EXEC"). systemd runs ExecStart= in the init_t domain, and the SELinux reference
    // policy (container-selinux and selinux-policy's init module) gives init no execute permission
    // on user_home_t: a script or binary left in /home or /root is refused whatever its mode until
    // it is relabelled (chcon -t bin_t, semanage fcontext, or moved to /usr/local/bin or /opt).
    // /home is not among the mounts hardening guides make noexec (/tmp, /var/tmp, /dev/shm), so
    // exec-refused-more's mount reading yields here.
    needles: ['Failed at step EXEC spawning'],
    test: /Failed at step EXEC spawning \/(?:home|root)\/\S*: Permission denied/,
    says: 'systemd could not execute a program in a home directory (Failed at step EXEC … Permission denied): SELinux does not let services (init_t) execute files labelled as home content (user_home_t) whatever their mode',
  },
  {
    id: 'systemd-exec-system-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.5,
    // The same refusal for a program under the system's own directories (/usr, /opt): a system
    // whose /usr were noexec could not run its own programs, and the mounts hardening guides make
    // noexec are /tmp, /var/tmp, /dev/shm, removable media and at most /home, not /opt (/srv, a
    // data partition, may be: it stays exec-refused-more's). So the mount is most likely not why. What refuses a
    // service's program there is its label (a binary built or downloaded under /tmp or a home and
    // then moved with mv keeps user_tmp_t or user_home_t, which init_t may not execute; restorecon
    // gives it bin_t) or its missing execute bit (file access). Weaker than the home rule: the mode
    // is as likely here.
    needles: ['Failed at step EXEC spawning'],
    test: /Failed at step EXEC spawning \/(?:usr|opt)\/\S*: Permission denied/,
    says: 'systemd could not execute a program under /usr or /opt (Failed at step EXEC … Permission denied), where no mount is noexec: its SELinux label (a file moved there from /tmp or a home keeps user_tmp_t or user_home_t; restorecon relabels it) or its missing execute bit',
  },
  {
    id: 'snap-user-data-refused',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // snap-confine's user-support.c setup_user_data: die("cannot create user data directory: %s")
    // when it cannot make ~/snap/NAME/REV, and cmd/snap/cmd_run.go's "WARNING: cannot create user
    // data directory: %s". snap-confine runs under its own AppArmor profile, which lets it write
    // user data only under @{HOME} as /home/*: a home elsewhere (/nfs/home, /usr/…, /var/lib/…)
    // is refused, the case the same function words as "home directories outside of /home are not
    // currently supported" when the error is EROFS. The confinement, not the directory's modes.
    needles: ['cannot create user data directory'],
    says: 'a snap could not create its data directory under the home directory: snap confinement (AppArmor) allows only homes under /home',
  },
  {
    id: 'android-app-home-exec',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // A script run through Android's own shell refused with EACCES: "/data/…/files/run.sh:
    // /system/bin/sh: bad interpreter: Permission denied" (bash's shell_execve, "%s: %s: bad
    // interpreter" with execve's errno, when the file has its execute bits). /system is mounted
    // read-only but never noexec, so what refused the script is where it is: an app's home
    // (/data/data, /data/user) is refused exec by SELinux for apps targeting Android 10 or later
    // (developer.android.com, Android 10 behavior changes, "Removed execute permission for app home
    // directory": untrusted_app may not execute app_data_file). Shared storage (/sdcard, /storage)
    // is mounted noexec, which shared-storage-exec and the mount rules say.
    needles: ['/system/bin/sh: bad interpreter'],
    // /system/bin/sh always exists, so the errno after it is the refusal (EACCES).
    test: /^(?![^\n]*\/(?:sdcard|storage|mnt\/media_rw)\/)[^\n]*\/system\/bin\/sh: bad interpreter\b/,
    says: "a script was refused through Android's own shell: apps targeting Android 10 or later may not execute files in their home directory (SELinux), whatever their mode",
  },
  {
    id: 'android-app-data-exec',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // The same refusal told by the program that spawned the file rather than by the shell: an exec
    // of a file in an app's home (/data/data/PKG/…, /data/user/N/PKG/…, /data/user_de/N/PKG/…)
    // refused with EACCES. Apps targeting Android 10 or later run as untrusted_app, which SELinux
    // may not let execute app_data_file (developer.android.com, Android 10 behavior changes,
    // "Removed execute permission for app home directory"), whatever the file's mode; the apps
    // that ship a Go toolchain or a binary in their files directory meet it first. Java's
    // ProcessBuilder.start says `Cannot run program "PATH" (in directory "DIR"): error=13,
    // Permission denied` (the errno as UNIXProcess forkAndExec words it; a report may wrap the
    // path onto its own line), Go's os/exec `fork/exec PATH: permission denied`. Not Termux
    // (com.termux targets API 28 to keep executing in its home: a refusal there is a mode), and
    // not shared storage (/sdcard, /storage: noexec, shared-storage-exec).
    needles: ['/data/data/', '/data/user/', '/data/user_de/'],
    test: /(?:Cannot run program \\?"|\bfork\/exec |\bexec: \\?")\/data\/(?:data|user(?:_de)?\/\d+)\/(?!com\.termux\/)[^\n]*?(?:error=13, Permission denied|: permission denied)|^\s*"\/data\/(?:data|user(?:_de)?\/\d+)\/(?!com\.termux\/)[^"\n]*"[^\n]*error=13, Permission denied/,
    says: "an app's own file was refused exec: apps targeting Android 10 or later may not execute files in their home directory (SELinux), whatever their mode",
  },
  // mac-policy and noexec-mount by mechanism. What separates the two when the words are a bare
  // errno, from the kernel's side: execve(2) of a file on a noexec mount is EACCES (fs/exec.c,
  // path_noexec) and mmap(PROT_EXEC) of one is EPERM (mm/mmap.c); an LSM (SELinux, AppArmor)
  // refuses with EACCES, but a seccomp filter's SCMP_ACT_ERRNO (Docker's and containerd's default
  // profiles), fapolicyd and an LSM under no_new_privs refuse exec with EPERM, which file modes and
  // mount options never give. Where the line alone cannot tell, its context does: a refusal inside
  // a container is the host's labels.
  {
    id: 'container-path-denied',
    classId: 'mac-policy',
    severity: 'warning',
    // Below a named noexec mount (noexec-listed 0.55) and any error, above a bare "permission
    // denied" (fs-access 0.5): a prior from where the refusal happened, not a record of a denial.
    confidence: 0.52,
    // Podman's troubleshooting.md ("touch: cannot touch '/content/file': Permission denied — this
    // is sometimes caused by SELinux, and sometimes by user namespaces") and docker-run(1)/
    // podman-run(1) --volume: "Labeling systems like SELinux require that proper labels are placed
    // on volume content mounted into a container. Without a label, the security system might
    // prevent the processes running inside the container from using the content." A container's
    // process runs as container_t; host files keep user_home_t or user_tmp_t, and EACCES follows
    // whatever the modes say, for reads, writes and execs alike. Only after a container runtime
    // was invoked (analyzer CONTAINER_WORDS); not for a path under /tmp, /var/tmp, /dev/shm or
    // /run/user (Docker's --tmpfs and /dev/shm are noexec by default, runc's SPEC), not for the
    // Docker socket (the docker group) or an SSH key.
    needles: ['ermission denied', '(error: 13)', 'EACCES'],
    test: /(?!)/,
    // Nor the image's own files, which SELinux labels container_file_t and never refuses the
    // container: the Go directories a non-root user cannot write (/go, a HOME of / and its .cache,
    // the module cache read-only by design) and the runtime exec'ing the image's entrypoint.
    inContainer: /^(?![^\n]*(?:\/(?:var\/)?tmp\/|\/dev\/shm\b|\/run\/user\/|\bnoexec\b|docker\.sock|[Dd]ocker daemon|dial unix|\(publickey|go-build|\/\.cache\b|\/pkg\/mod\b|mod-cache|\bmkdir \/go\b|\/go\/(?:pkg|bin|src)\b|exec user process|starting container process|(?:^|[\s"'])exec \/)).{0,400}?(?:[Pp]ermission denied|\(error: 13\)|\bEACCES\b)/,
    // A path under the target of a host bind mount named on the runtime's command line (`-v
    // $(pwd):/go/src/app`, `--mount type=bind,…,target=/src`) is the host's content whatever the
    // path looks like, /go/src and /go/pkg included: the image-owned exclusions above do not apply.
    // It is the volume docker-run(1)'s and podman-run(1)'s --volume text says needs :z / :Z under
    // SELinux, mounted where Go build containers put sources (GOPATH's /go/src/…) and caches. A
    // noexec mount, the Docker socket or an SSH key named on the line stay theirs.
    inBindMount: /^(?![^\n]*(?:\bnoexec\b|docker\.sock|[Dd]ocker daemon|dial unix|\(publickey)).{0,400}?(?:[Pp]ermission denied|\(error: 13\)|\bEACCES\b)/,
    says: 'a path was refused inside a container: with SELinux enforcing, a bind-mounted host directory keeps its own label (user_home_t, user_tmp_t) and container_t may not use it whatever the file modes say (mount it with :z / :Z, or --security-opt label=disable)',
  },
  {
    id: 'systemd-sandbox-step',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // systemd's exit-status.c names the step of a unit's exec that failed: "Failed at step SECCOMP
    // spawning /usr/bin/x: Operation not permitted" (older systemd) and "Main process exited,
    // code=exited, status=228/SECCOMP" (every systemd). The sandboxing steps are policies:
    // SystemCallFilter= (SECCOMP), RestrictAddressFamilies= (ADDRESS_FAMILIES, a seccomp filter
    // too), SELinuxContext= (SELINUX_CONTEXT), AppArmorProfile= (APPARMOR), NoNewPrivileges=
    // (NO_NEW_PRIVILEGES), SmackProcessLabel= (SMACK_PROCESS_LABEL), systemd.exec(5).
    needles: ['Failed at step ', '/SECCOMP', '/SELINUX_CONTEXT', '/APPARMOR', '/NO_NEW_PRIVILEGES', '/ADDRESS_FAMILIES', '/SMACK_PROCESS_LABEL'],
    test: /Failed at step (?:SECCOMP|SELINUX_CONTEXT|APPARMOR|NO_NEW_PRIVILEGES|ADDRESS_FAMILIES|SMACK_PROCESS_LABEL) spawning|\bstatus=2\d\d\/(?:SECCOMP|SELINUX_CONTEXT|APPARMOR|NO_NEW_PRIVILEGES|ADDRESS_FAMILIES|SMACK_PROCESS_LABEL)\b/,
    says: 'systemd could not start the service inside its sandbox (SystemCallFilter=, SELinuxContext=, AppArmorProfile=, NoNewPrivileges=): the unit\'s own policy refused it',
  },
  {
    id: 'proc-self-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // proc(5): a process's own /proc/self files belong to it, and /proc/PID/mountinfo, mounts,
    // cgroup, status and stat are world-readable; EACCES there is not a file mode but a policy: an
    // AppArmor profile without the @{PROC} rule (snapd's templates, which Go 1.22's and 1.25's
    // runtime reads of /proc/self/maps and mountinfo tripped), SELinux, or a user-namespace
    // restriction on uid_map/gid_map/setgroups. Not /proc/self/fd/N (re-opening another user's
    // pipe or tty is the file's own modes) nor another process's maps or environ (ptrace's
    // access-mode check, ptrace-scope's).
    needles: ['/proc/'],
    test: /\/proc\/(?:self|thread-self)\/(?:s?maps|mountinfo|mounts|cgroup|status|stat|environ|cmdline|exe|auxv|limits|attr\/\w+|setgroups|[ug]id_map)\b[^\n]{0,60}?(?:[Pp]ermission denied|\bEACCES\b)|\/proc\/\d+\/(?:mountinfo|mounts|cgroup|status|stat)\b[^\n]{0,60}?(?:[Pp]ermission denied|\bEACCES\b)/,
    says: 'reading the process\'s own /proc files was refused: a confinement profile (AppArmor for a snap or a container, SELinux) does not allow it',
  },
  {
    id: 'shell-exec-eperm',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // A shell's, make's or sudo's report of execve(2) failing with EPERM: bash's "bash: ./x:
    // Operation not permitted", dash's "sh: 1: ./x: Operation not permitted", GNU make's "make:
    // /bin/sh: Operation not permitted", sudo's "unable to execute ./x: Operation not permitted",
    // execvp's, env's, macOS zsh's "zsh: operation not permitted: ./x". Mode bits and noexec give
    // GLib's "Failed to execute child process “x” (Operation not permitted)" and Neovim's "E903:
    // Process failed to start: operation not permitted: …" are the same refusal. Mode bits and noexec give
    // EACCES; EPERM from exec is a seccomp filter (Docker before 20.10 answering faccessat2 or
    // clone3), fapolicyd, an LSM under no_new_privs, or macOS's quarantine. Not /dev, /proc or /sys
    // (a shell opening its tty) and not a redirect ("cannot create").
    needles: ['ot permitted'],
    test: /(?:^|\s)-?(?:\/\S*\/)?(?:ba|z|da|k|fi)?sh(?:: line \d+)?(?:: \d+)?: (?!\/(?:dev|proc|sys)\/)\.{0,2}\/?[^\s:]*\/[^\s:]*: [Oo]peration not permitted|^make(?:\[\d+\])?: (?!\/(?:dev|proc|sys)\/)\.{0,2}\/?[^\s:]*\/[^\s:]*: Operation not permitted|unable to execute [^:\n]+: Operation not permitted|\bexecvp?: [^:\n]+: Operation not permitted|zsh: operation not permitted: \S+|\benv: ['\u2018"]?[^'\u2019"\s:]+['\u2019"]?: Operation not permitted|Failed to execute child process [\u201c"][^\u201d"\n]{1,300}[\u201d"] \(Operation not permitted\)|E903: Process failed to start: operation not permitted: /m,
    says: 'executing a program was refused with EPERM (not EACCES): a seccomp filter, fapolicyd or a security module refused the exec, not file modes or a noexec mount',
  },
  {
    id: 'snap-void-cwd',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // snap-confine (cmd/snap-confine/mount-support.c): when the working directory the user started a
    // strictly confined snap in does not exist in the snap's own mount namespace (its private /tmp, a
    // home outside /home, a path its interfaces do not grant), "cannot remain in %s, moving to the
    // void directory" and it runs in SC_VOID_DIR, /var/lib/snapd/void, a directory nobody may read:
    // every relative path and getcwd then fails there, whatever the user's own directory allows.
    needles: ['/var/lib/snapd/void', 'moving to the void directory'],
    test: /\/var\/lib\/snapd\/void\b|cannot remain in [^\n]{0,300}, moving to the void directory/,
    says: "a strictly confined snap could not use the directory it was started in (snap-confine moved it to /var/lib/snapd/void): the snap's confinement hides paths its interfaces do not grant (its private /tmp, a home outside /home)",
  },
  {
    id: 'pivot-root-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // pivot_root(2) has no EACCES of its own (its errors are EBUSY, EINVAL, ENOTDIR and EPERM): a
    // "permission denied" from it is a Linux security module's answer, AppArmor's "pivotroot"
    // mediation for a container runtime nested in another container (runc's "error jailing
    // process inside rootfs: pivot_root .: permission denied", with "apparmor="DENIED"
    // operation="pivotroot"" in the kernel log).
    needles: ['pivot_root'],
    test: /\bpivot_root\b[^\n]{0,200}: [Pp]ermission denied/,
    says: 'a container runtime was refused pivot_root with "permission denied", which only a security module (AppArmor, SELinux) answers: the policy of the container it runs in forbids it',
  },
  {
    id: 'signal-eacces',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // kill(2) has no EACCES (its errors are EINVAL, EPERM and ESRCH): a signal refused with
    // "permission denied" is a Linux security module's answer, AppArmor's signal mediation above
    // all (docker-default or the runtime's own profile refusing runc's stop signal to a
    // container's init, as Ubuntu 23.10's AppArmor did): runc's "signaling init process caused
    // \"permission denied\"" and "unable to signal init: permission denied", relayed by dockerd as
    // "cannot stop container: …" or "Cannot kill container: …". Written from corpus40's two tuning
    // texts (moby#36809, moby#47720); a socket refused ("permission denied while trying to connect
    // to the Docker daemon socket") is a different message and stays fs-access's.
    needles: ['signaling init process caused', 'unable to signal init', 'annot stop container', 'annot kill container'],
    test: /(?:signaling init process caused|unable to signal init|[Cc]annot (?:stop|kill) container: )[^\n]{0,300}?[Pp]ermission denied/,
    says: 'a container\'s process could not be sent a signal ("permission denied"): kill(2) itself never answers EACCES, so a security policy (an AppArmor profile\'s signal rules, SELinux) refused it',
  },
  {
    id: 'runc-sysctl-reopen-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // runc since 1.2.8 and 1.3.3 (the fixes for CVE-2025-52881) writes a container's sysctls through
    // a /proc/sys file it reopens from a verified descriptor: "error during container init: open
    // sysctl net.ipv4.ip_unprivileged_port_start file: reopen fd 8: permission denied". File modes
    // allow root that; an AppArmor profile around the runtime does not (Docker nested in a Proxmox
    // LXC container, whose profile lacks the rule: opencontainers/runc#4968; the tuning text
    // games-on-whales/wolf#291, fixed by the LXC's AppArmor rules).
    needles: ['file: reopen fd '],
    test: /\bopen sysctl \S+ file: reopen fd \d+: permission denied/,
    says: "the container runtime was refused reopening a /proc/sys file to set a sysctl: root may write it by its modes, so the security profile around the runtime refused it (AppArmor in a nesting LXC container, as runc 1.2.8 and later reopen these files)",
  },
  {
    id: 'ldso-text-reloc-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.65,
    // glibc's dynamic loader when mprotect(2) of a loaded object is refused (elf/dl-reloc.c, dl-load.c):
    // "cannot restore segment prot after reloc", "cannot make segment writable for relocation"
    // (text relocations), "cannot enable executable stack as shared object requires", and
    // _dl_protect_relro's "cannot apply additional memory protection after relocation" (making
    // RELRO read-only). With EACCES these are SELinux's checks on the mapped file (execmod,
    // execstack; a library whose label the policy does not let the process map, as container
    // storage with the wrong context, fixed by restorecon; the documented fix for text relocations
    // is chcon -t textrel_shlib_t): a noexec mount fails earlier, at mmap, with EPERM ("failed to
    // map segment").
    // And _dl_map_segments' "cannot change memory protections" (dl-map-segments.h: mprotect of a
    // segment's gap refused) with EACCES or no errno, as a report's title quotes it (the tuning text
    // containers/podman#13401: container storage on a tmpfs labelled user_tmp_t, fixed by restorecon);
    // with ENOMEM ("Cannot allocate memory") it is the mapping count, not a policy.
    needles: ['segment prot after reloc', 'segment writable for relocation', 'enable executable stack', 'additional memory protection after relocation', 'cannot change memory protections'],
    test: /(?:cannot restore segment prot after reloc|cannot make segment writable for relocation|cannot enable executable stack as shared object requires|cannot apply additional memory protection after relocation): Permission denied|: cannot change memory protections(?:: Permission denied)?\s*$/,
    says: 'the dynamic loader was refused changing a library\'s memory protection (text relocations or an executable stack): SELinux\'s execmod/execstack policy refuses it',
  },
  {
    id: 'shared-object-map-eacces',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.65,
    // The dynamic loader's "failed to map segment from shared object" with the errno glibc adds
    // (elf/dl-load.c): mmap(2) of an executable segment on a noexec mount fails with EPERM
    // ("Operation not permitted", or no errno from older loaders), which shared-object-map-denied
    // reads; EACCES ("Permission denied") there is a Linux security module's answer from its mmap
    // hook (SELinux's execute check on the file's label, a library in /tmp or a database's
    // directory), since the loader opened the file for reading itself. Written from a tuning
    // text (PostgreSQL loading a library from /tmp, "blocked by SELinux").
    needles: ['failed to map segment from shared object'],
    test: /failed to map segment from shared object: Permission denied/,
    says: 'the dynamic loader was refused mapping a library executable with "Permission denied" (EACCES): a noexec mount refuses with "Operation not permitted", so a security policy (SELinux) refused it',
  },
  {
    id: 'chromium-sandbox-refused',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // Chromium's sandbox/linux/services/credentials.cc (Electron editors: VS Code, and the
    // browsers tools drive) CHECKs each step of entering a user namespace: "FATAL:credentials.cc(127)]
    // Check failed: . : Permission denied (13)" when an AppArmor userns restriction (Ubuntu 23.10+'s
    // kernel.apparmor_restrict_unprivileged_userns), a container's seccomp profile or the
    // unprivileged_userns_clone sysctl refuses it.
    needles: ['credentials.cc('],
    test: /\bcredentials\.cc\(\d+\)\] Check failed[^\n]{0,200}(?:Permission denied|Operation not permitted)/,
    says: 'the editor\'s (Chromium\'s) sandbox could not enter a user namespace: an AppArmor user-namespace restriction, a container\'s seccomp profile or a sysctl refuses it',
  },
  {
    id: 'shell-system-exec-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // A shell's, sudo's or su's report that a system program (/bin, /sbin, /usr/bin, /usr/sbin)
    // could not be executed with EACCES: bash/dash "sh: 1: /usr/bin/x: Permission denied",
    // sudo's "unable to execute /bin/bash: Permission denied", util-linux su's "failed to execute
    // /bin/bash: Permission denied". The root file system is never noexec and packages install
    // these with their execute bits, so the refusal is a policy's (SELinux, AppArmor); the
    // fork/exec and exec: forms are system-exec-denied's. Not /usr/local (a hand-unpacked go can
    // carry any modes).
    needles: ['ermission denied'],
    test: /(?:(?:^|\s)-?(?:\/\S*\/)?(?:ba|z|da|k|fi)?sh(?:: line \d+)?(?:: \d+)?:|unable to execute|failed to execute) \/(?:usr\/)?s?bin\/[^\s:]+: Permission denied/,
    says: 'a system program (/bin, /usr/bin) could not be executed: the root file system is not noexec and the package set its modes, so a security policy (SELinux, AppArmor) refused it',
  },
  {
    id: 'os-exec-policy',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.75,
    // The other systems' own words for a program refused by policy although its modes allow it
    // (TAXONOMY mac-policy), as the go command and editors relay them: Windows' ERROR_VIRUS_INFECTED
    // (225) "Operation did not complete successfully because the file contains a virus or
    // potentially unwanted software." (Defender quarantining a go-build test binary or gopls.exe),
    // ERROR_ACCESS_DISABLED_BY_POLICY (1260) "This program is blocked by group policy.", WDAC's
    // ERROR_SYSTEM_INTEGRITY_POLICY_VIOLATION (4551) "Application Control policy has blocked this
    // file."; macOS Gatekeeper's dialogs "cannot be opened because the developer cannot be
    // verified", "… from an unidentified developer", "can't be opened because Apple cannot check it
    // for malicious software", "is damaged and can't be opened" (a quarantined download), macOS
    // 15's "Apple could not verify … is free of malware".
    needles: ['cannot be opened because', 'Apple cannot check it', 'damaged and can', 'free of malware', 'potentially unwanted software', 'blocked by group policy', 'Application Control policy'],
    test: /cannot be opened because (?:the developer cannot be verified|it is from an unidentified developer)|can[\u2019']t be opened because Apple cannot check it for malicious software|is damaged and can[\u2019']t be opened|Apple could not verify [^\n]{0,200}free of malware|contains a virus or potentially unwanted software|blocked by group policy|Application Control policy has blocked this file/,
    says: 'the system\'s own policy refused the program (Windows Defender or an application-control policy, macOS Gatekeeper\'s quarantine): not its file modes',
  },
  {
    id: 'os-policy-vocabulary',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.5,
    // The tools that lift those policies, named in a report: xattr(1) removing
    // com.apple.quarantine, spctl(8) (Gatekeeper's assessments), csrutil (System Integrity
    // Protection), TCC's "Full Disk Access" pane; PowerShell's Add-MpPreference -ExclusionPath
    // (a Defender exclusion).
    needles: ['com.apple.quarantine', 'spctl ', 'csrutil ', 'Full Disk Access', 'Add-MpPreference'],
    test: /\bxattr\s+(?:-\w+\s+)*com\.apple\.quarantine\b|\bspctl --(?:add|master-disable|global-disable|assess)\b|\bcsrutil (?:disable|status)\b|\bFull Disk Access\b|\bAdd-MpPreference\b[^\n]{0,40}-Exclusion/,
    says: 'a tool that lifts an operating system\'s program policy (macOS quarantine, Gatekeeper, SIP, TCC; a Defender exclusion) is named: the refusal was that policy\'s',
  },
  {
    id: 'execmem-refused',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // Memory both writable and executable refused, in cffi's words (c/_cffi_backend.c: "Cannot
    // allocate write+execute memory for ffi.callback(). You might be running on a system that
    // prevents this."): SELinux's deny_execmem boolean and execmem check, systemd's
    // MemoryDenyWriteExecute= (a seccomp filter), PaX MPROTECT, macOS's hardened runtime. A
    // policy on W^X memory, not a shortage: program-out-of-memory's MemoryError yields to it.
    needles: ['Cannot allocate write+execute memory'],
    test: /Cannot allocate write\+execute memory/,
    says: 'memory that is both writable and executable was refused: a policy forbids it (SELinux deny_execmem, systemd\'s MemoryDenyWriteExecute=, PaX, macOS\'s hardened runtime), not a lack of memory',
  },
  {
    id: 'aslr-disable-refused',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // personality(2) refused: gdb's and gdbserver's nat/linux-personality.c "Error disabling
    // address space randomization: Operation not permitted", util-linux setarch's "failed to set
    // personality to x86_64: Operation not permitted". Docker's and Podman's default seccomp
    // profiles allow personality only for a few persona values (moby profiles/seccomp
    // default.json), not ADDR_NO_RANDOMIZE, so a debugger or setarch in a container is refused.
    needles: ['disabling address space randomization', 'failed to set personality'],
    test: /Error disabling address space randomization: (?:Operation not permitted|EPERM)|failed to set personality to \S+: Operation not permitted/,
    says: 'turning off address-space randomisation (personality) was refused: a container\'s seccomp profile forbids it (a profile that allows personality, or --security-opt seccomp=unconfined)',
  },
  {
    id: 'no-new-privileges-set',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // sudo (1.9.10+, src/sudo.c, after sudo-project/sudo#129) when the no_new_privs bit is set:
    // 'sudo: The "no new privileges" flag is set, which prevents sudo from running as root.' and its
    // hint "If sudo is running in a container, you may need to adjust the container configuration
    // to disable the flag." The flag comes from the process's sandbox: Docker's and Podman's
    // --security-opt no-new-privileges, Kubernetes' allowPrivilegeEscalation: false, systemd's
    // NoNewPrivileges= (and every seccomp or Landlock filter installed without CAP_SYS_ADMIN),
    // bubblewrap and Flatpak, a terminal started inside one (Eugeny/tabby#9204,
    // topgrade-rs/topgrade#1006): the kernel then ignores setuid bits, so nothing run from there
    // can gain root, whatever the file modes say.
    needles: ['no new privileges" flag is set', 'to disable the flag'],
    test: /The \\?"no new privileges\\?" flag is set|If sudo is running in a container, you may need to adjust the container configuration to disable the flag/,
    says: 'the process runs with no_new_privs set (a container\'s no-new-privileges option, Kubernetes\' allowPrivilegeEscalation: false, systemd\'s NoNewPrivileges=, a sandbox): setuid programs such as sudo cannot gain privileges from there',
  },
  {
    id: 'pod-security-refused',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // A cluster's security policy refusing a pod or container whatever the image's files allow:
    // kubelet's verifyRunAsNonRoot (pkg/kubelet/kuberuntime/security_context_others.go: "container
    // has runAsNonRoot and image will run as root (pod: %q, container: %s)", "… and image has
    // non-numeric user (%s), cannot verify user is non-root …", "… and image has an invalid user id",
    // "container's runAsUser breaks non-root policy"; cloudnativedevops/demo#31, yonahd/kor#588,
    // openshift/ibm-roks-toolkit#134), Pod Security admission's 'pods "x" is forbidden: violates
    // PodSecurity "restricted:latest": …', PodSecurityPolicy's "unable to validate against any pod
    // security policy" and OpenShift's "unable to validate against any security context
    // constraint". Not the admission's warn mode ('Warning: would violate PodSecurity …'), which
    // admits the pod.
    needles: ['container has runAsNonRoot and image', "runAsUser breaks non-root policy", 'violates PodSecurity', 'unable to validate against any pod security policy', 'unable to validate against any security context constraint'],
    test: /container has runAsNonRoot and image (?:will run as root|has non-numeric user|has an invalid user id)|container's runAsUser breaks non-root policy|(?<!would )violates PodSecurity \\?"|unable to validate against any (?:pod security policy|security context constraint)/,
    says: "the cluster's pod security policy refused the container (runAsNonRoot with an image that runs as root, Pod Security admission, a PodSecurityPolicy or OpenShift SCC): the pod's securityContext or the image's USER must satisfy it",
  },
  {
    id: 'snap-wrapper-run-failed',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.5,
    // The Go extension (or another editor tool) failing to run go through the snap's command
    // wrapper, /snap/bin/go (a link to /usr/bin/snap, which execs snap-confine): vscode-go's
    // "Failed to run '/snap/bin/go env' (cwd: …)", 'failed to run "/snap/bin/go version"', and
    // node's "Command failed: /snap/bin/go env -json …" (golang/vscode-go#1411, #1587, #3061). Run
    // from inside another snap (the VS Code snap) the wrapper is refused by snap-confine's AppArmor
    // profile (Launchpad bug 1849753, file_inherit denials; canonical/snapd#10029); what works is
    // pointing go.alternateTools at /snap/go/current/bin/go, which bypasses the wrapper and its
    // confinement, or a go installed outside snap. Stronger than editor-go-run-failed's generic
    // "the editor could not run the go it found".
    needles: ['/snap/bin/go'],
    // A snap that is gone says so itself (snap-command-gone): that is no confinement.
    yieldsTo: ['snap-command-gone'],
    test: /Failed to run '\/snap\/bin\/go env\b|failed to run "\/snap\/bin\/go version"|unable to determine version from the output of "\/snap\/bin\/go version"|Command failed: \/snap\/bin\/go (?:env|version)\b/,
    says: "the editor could not run go through the snap's /snap/bin wrapper: run from inside another snap (the VS Code snap) snap confinement (snap-confine's AppArmor profile) refuses it; point go.alternateTools at /snap/go/current/bin/go or install Go outside snap",
  },
  {
    id: 'kernel-lockdown',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // The lockdown LSM's refusal (security/lockdown/lockdown.c lockdown_is_locked_down:
    // "Lockdown: %s: %s is restricted; see man kernel_lockdown.7"), the answer EPERM: a kernel
    // locked down (Secure Boot's integrity or confidentiality mode) refuses /dev/mem, kprobes,
    // bpf reads of kernel memory, unsigned modules, whatever the caller's privileges.
    needles: ['kernel_lockdown', 'Lockdown: '],
    test: /\bLockdown: [^\n]{0,200}\bis restricted\b|\bsee man kernel_lockdown\.7\b/,
    says: 'the kernel is locked down (lockdown LSM, as under Secure Boot) and refused an operation whatever the caller\'s privileges',
  },
  {
    id: 'hardened-kernel-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.65,
    // A hardened kernel's own records of a refusal: grsecurity's (grsecurity/grsec_log.c, "grsec:
    // denied …", "grsec: From 10.0.0.1: denied …", "grsec: use of …") and PaX's (fs/exec.c
    // pax_report_fault, "PAX: terminating task: …", "PAX: execution attempt in: …"; MPROTECT's
    // "PAX: denied RWX mmap …"): the policy, not the file modes, refused or killed.
    needles: ['grsec: ', 'PAX: ', 'PaX: '],
    test: /\bgrsec: (?:From [^:\n]{1,60}: )?(?:denied|use of|more alerts|exec of)\b|\b(?:PAX|PaX): (?:terminating task|execution attempt|denied|From [^:\n]{1,60}: execution attempt)\b/,
    says: 'a hardened kernel (grsecurity, PaX) refused an operation or killed the process for it (MPROTECT, RBAC, chroot restrictions)',
  },
  {
    id: 'seatbelt-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // macOS's sandbox (Seatbelt) logs each refusal as "Sandbox: PROC(PID) deny(1) OPERATION PATH"
    // (the kernel's Sandbox.kext, as `log show` and Console print it; "System Policy: PROC(PID)
    // deny(1) …" for the system's own policy): the process's sandbox profile (sandbox-exec, an App
    // Sandbox entitlement, an editor's or agent's sandbox) refused it whatever the file modes allow.
    needles: [' deny(', 'sandbox-exec'],
    test: /\b(?:Sandbox|System Policy): [^\n()]{1,80}\(\d+\) deny\(\d+\) [a-z][\w*-]+|\bsandbox-exec\b[^\n]{0,200}(?:[Oo]peration not permitted|denied|deny)/,
    says: 'the macOS sandbox (Seatbelt) denied an operation (its "deny(1) …" record): the sandbox profile, not the file modes, refused it',
  },
  {
    id: 'snap-path-exec-denied',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.6,
    // An exec of a program under /snap refused with EACCES: /snap/bin's commands are links to
    // /usr/bin/snap and a snap's own files sit in its read-only squashfs image with the modes
    // its package gave them, on a mount that is never noexec, so what refuses the exec is
    // confinement: the AppArmor profile of the (snap) program that tries it, as the Go snap's
    // /snap/bin/go run from the VS Code or Neovim snap (Launchpad bug 1849753).
    needles: ['/snap/'],
    test: /(?:fork\/exec|exec:?|execv\w*:?|spawn|Cannot run program) \\?["']?\/snap\/[^"'\s:]+\\?["']?(?:: | \(in directory [^)\n]*\): error=13, )[Pp]ermission denied|\bspawn \/snap\/\S+ EACCES\b/,
    says: 'a program under /snap was refused execution: snap images are never mounted noexec and carry their package\'s modes, so snap confinement (an AppArmor profile) refused it',
  },
  {
    id: 'container-security-options',
    besideFailure: true,
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.45,
    // A container's security settings named beside a failure: docker-run(1)/podman-run(1)
    // --cap-add/--cap-drop and --security-opt (seccomp=, apparmor=, label=, systempaths=: each a
    // policy; no-new-privileges alone refuses no file access and is no-new-privileges-set's), compose's cap_add/cap_drop, and
    // Kubernetes' securityContext fields (capabilities add/drop, allowPrivilegeEscalation,
    // seccompProfile, appArmorProfile, seLinuxOptions). What a container may do beyond its file
    // modes is decided there: a capability withheld (DAC_OVERRIDE, SYS_ADMIN) refuses root.
    needles: ['--cap-', 'cap_add', 'cap_drop', '--security-opt', 'allowPrivilegeEscalation', 'seccompProfile', 'appArmorProfile', 'seLinuxOptions', 'requiredDropCapabilities'],
    test: /(?:^|\s)--cap-(?:add|drop)[= ]["']?[A-Za-z_]{3,}|\bcap_(?:add|drop)\s*:|(?:^|\s)--security-opt[= ]["']?(?:seccomp|apparmor|label|systempaths|mask|unmask)\b|\b(?:allowPrivilegeEscalation|seccompProfile|appArmorProfile|seLinuxOptions|requiredDropCapabilities)\b\s*:/,
    yieldsTo: ['seccomp-named', 'apparmor-vocabulary', 'selinux-vocabulary', 'ptrace-capability', 'privileged-container'],
    says: "a container's security options (capabilities, seccomp, AppArmor or SELinux settings) are named beside the failure: the container's policy decides what it may do beyond file modes",
  },
  {
    id: 'policy-mentioned',
    besideFailure: true,
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.45,
    // A report naming a Linux security policy by name beside a failure, in words no rule above
    // knows ("on RHEL 9 with SELinux", "the VS Code snap under AppArmor", "a Landlock ruleset"):
    // reporters name the policy they suspect or found, and a policy named beside a refusal that file
    // modes would allow is what explains it (the gopls-log probe files the refusal as its symptom).
    // As mechanisms.ts reads a name: a word of its own (not in an identifier, a path, a package
    // or a module: libselinux, opencontainers/selinux, seccomp.json, apparmorEnabled), not negated
    // ("without SELinux", "SELinux is disabled", "… is not the cause", "disabling AppArmor didn't
    // help"), not a kernel subsystem's prefix (boot's "SELinux:  Initializing.", "landlock: Up and
    // running.", unless the line goes on to a refusal), nor the policy merely on ("AppArmor is
    // enabled", "apparmor module is loaded": Ubuntu's default, as apparmor-vocabulary reads it), nor
    // a record's field (apparmor="STATUS", the records' own rules read those), nor a bare listing of what is built in (docker info's "Security Options:" items).
    // Not in a compiler's diagnostic, which quotes code.
    needles: ['selinux', 'SELinux', 'apparmor', 'AppArmor', 'Apparmor', 'seccomp', 'Seccomp', 'landlock', 'Landlock', 'fapolicyd', 'grsecurity', 'TOMOYO'],
    test: new RegExp(
      String.raw`^(?![^\n]*\.go:\d+(?::\d+)?: )(?![^\n]*Security Options)(?!\s*(?:-\s+)?(?:name=)?\w+\s*$)[^\n]*?(?<!${NEGATED_BEFORE.source.replace(/\$$/, '')})(?<![\w/.-])(?:SELinux|AppArmor|seccomp|Landlock|fapolicyd|grsecurity|TOMOYO)(?![\w/=-]|\.\w|:\s(?![^\n]*(?:denied|not permitted|refus|fail)))(?!\s+(?:initiali[sz]ed|enabled|loaded)\b|[^\n]{0,30}?\b(?:is|are|was|were|has been)\s+(?:(?:already|also|now|currently)\s+)?(?:enabled|loaded|initiali[sz]ed|active|running|installed|supported|available|on)\b)(?!${SWITCHED_OFF.source.replace(/^\^/, '')})(?!${NOT_THE_CAUSE.source.replace(/^\^/, '')})(?![^\n]{0,60}\b(?:did(?:n't| not)|does(?:n't| not)|won't|will not|no) (?:help|fix|change|work|matter|solve|make a difference)\b)`,
      'i',
    ),
    yieldsTo: ['selinux-avc-denied', 'selinux-avc-permissive', 'selinux-avc-granted', 'selinux-avc-denied-other', 'selinux-named', 'selinux-vocabulary', 'apparmor-denied', 'apparmor-denied-other', 'apparmor-profile-denied', 'apparmor-named', 'apparmor-vocabulary', 'seccomp-named', 'seccomp-sigsys', 'seccomp-new-syscall', 'landlock-denied', 'fapolicyd-denied', 'sandbox-namespace-denied', 'container-security-options', 'kernel-lockdown', 'hardened-kernel-denied', 'chromium-sandbox-refused', 'systemd-sandbox-step'],
    says: 'a security policy (SELinux, AppArmor, seccomp, Landlock, fapolicyd) is named beside the failure',
  },
  {
    id: 'mprotect-refused',
    classId: 'mac-policy',
    severity: 'warning',
    confidence: 0.55,
    // mprotect(2) refused with EACCES, as a JIT, an FFI trampoline or a loader reports it
    // ("mprotect failed: Permission denied", "mprotect(0x7f…, 4096, PROT_READ|PROT_EXEC) failed:
    // EACCES"), and tinycc's own hint (tccrun.c: "mprotect failed: did you mean to configure
    // --with-selinux?"): memory made executable after it was written is what SELinux's execmem and
    // execmod checks, PaX's MPROTECT and systemd's MemoryDenyWriteExecute= refuse, whatever the
    // file modes. ENOMEM there is the mapping count or a limit, not a policy.
    needles: ['mprotect'],
    test: /\bmprotect\b[^\n]{0,120}?(?:[Pp]ermission denied|\bEACCES\b|--with-selinux)/,
    says: 'making memory executable (mprotect) was refused: a policy on writable-then-executable memory (SELinux execmem/execmod, PaX MPROTECT, systemd\'s MemoryDenyWriteExecute=) forbids it',
  },
];
