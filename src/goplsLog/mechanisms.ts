// The fallback for failure lines no rule knows (issue 11, lane vocab): a line that reports a
// failure in words no rule in rules/ matches may still NAME the mechanism behind it — SELinux,
// the OOM killer, pids.max, inotify, a noexec mount, a Flatpak sandbox, GOROOT — the way a kernel
// engineer reading it would. Each entry below is a mechanism that belongs to exactly one class of
// shared/TAXONOMY.md, spelt the way its own documentation spells it (the upstream source is named
// on every entry). The vocabulary comes from the class definitions and those documents, not from
// the wording of any report.
//
// Generic words are not mechanisms: "permission denied", "module", "killed", "not found" belong
// to the rules (which know the messages) and are never here. A mention counts only as a word of
// its own: inside an identifier (isSELinuxEnabled), a path or URL (github.com/opencontainers/
// selinux), a package name (libseccomp2, apparmor-utils) or a longer word (snapshot) it is not the
// mechanism. A negated mention ("SELinux is disabled", "without seccomp", "no memory limit") says
// the mechanism is NOT in play. A line naming mechanisms of two classes names neither.
import type { ClassId, SymptomKind } from '../doctor/model.js';

export interface Mechanism {
  id: string;
  classId: ClassId;
  /** What the message calls it: "SELinux", "the OOM killer". */
  name: string;
  /** Words that name it; tested only where the boundary rules below allow (see `mentions`). */
  test: RegExp;
  /**
   * A variable or a setting (GOROOT, PATH, pids.max) rather than a feature that can be switched
   * off: "GOROOT not set" is the problem itself, not a negated mention.
   */
  variable?: true;
  /** Shapes that look like a mention but are another message's (cmd/go's "(from $GOPATH)" search list). */
  unless?: RegExp;
}

// Boundaries: not after a letter, digit, _, /, . or - (an identifier, a path, a package name),
// not before a letter, digit, _, / or - . Entries whose mechanism IS an identifier
// (inotify_add_watch, oom_score_adj) or a path (/etc/apparmor.d) spell it out in full.
const B = String.raw`(?<![\w/.-])`;
const E = String.raw`(?![\w/-])`;

export const MECHANISMS: readonly Mechanism[] = [
  // ---- mac-policy ---------------------------------------------------------------------------
  {
    id: 'selinux',
    classId: 'mac-policy',
    name: 'SELinux',
    // SELinux project and selinux-policy docs: the name, its tools (setenforce, getenforce,
    // restorecon, chcon, semanage, setroubleshoot's sealert), the audit record type AVC, the
    // container types of container-selinux (container_t, container_file_t, spc_t, svirt_*), the
    // user/role/type:level contexts; podman-run(1) and docker-run's volume options `:z`/`:Z`
    // ("relabel the content") and `--security-opt label=disable`.
    test: new RegExp(
      [
        `${B}SELinux${E}`,
        `${B}(?:setenforce|getenforce|restorecon|chcon|semanage|setroubleshoot(?:d)?|sealert|sestatus)${E}`,
        String.raw`\btype=AVC\b`,
        String.raw`\bavc:\s`,
        `${B}(?:container_t|container_file_t|container_runtime_t|spc_t|svirt_\\w+_t|user_tmp_t|user_home_t|unconfined_t)${E}`,
        String.raw`\b(?:system_u|unconfined_u|user_u):\w+_r:\w+_t\b`,
        String.raw`\blabel[=:]disable\b`,
        String.raw`(?:^|\s)(?:-v|--volume)[= ]\S+:\S+:(?:[\w]+,)*[zZ](?:,\w+)*(?=\s|$)`,
      ].join('|'),
      'i',
    ),
  },
  {
    id: 'apparmor',
    classId: 'mac-policy',
    name: 'AppArmor',
    // apparmor.net / apparmor(7): the name, the kernel audit field apparmor="…", its tools
    // (aa-status, aa-complain, aa-enforce, aa-exec, apparmor_parser), /etc/apparmor.d profiles,
    // docker's default profile (docker-default), `--security-opt apparmor=…`, and snapd's
    // confinement helper snap-confine (which applies the snap's AppArmor profile).
    test: new RegExp(
      [
        `${B}AppArmor(?![\\w/-])`,
        String.raw`\bapparmor=`,
        `${B}(?:aa-status|aa-complain|aa-enforce|aa-exec|apparmor_parser|snap-confine|docker-default)${E}`,
        String.raw`/etc/apparmor\.d\b`,
      ].join('|'),
      'i',
    ),
  },
  {
    id: 'seccomp',
    classId: 'mac-policy',
    name: 'seccomp',
    // seccomp(2): the filter, its return actions (SECCOMP_RET_*), libseccomp's actions (SCMP_ACT_*),
    // the signal it delivers, SIGSYS, whose strsignal(3) text is "Bad system call" (signal(7): "Bad
    // system call (SVr4); see also seccomp(2)"), no_new_privs (prctl(2), required for an
    // unprivileged filter); docker/podman `--security-opt seccomp=…`.
    test: new RegExp(
      [`${B}seccomp${E}`, String.raw`\bSECCOMP_(?:RET|MODE|FILTER)\w*`, String.raw`\bSCMP_ACT_\w+`, `${B}SIGSYS${E}`, String.raw`\bBad system call\b`, String.raw`\bno_new_privs\b|\bNoNewPrivs\b|\bno-new-privileges\b`].join('|'),
      'i',
    ),
  },
  {
    id: 'landlock-yama',
    classId: 'mac-policy',
    name: 'a Linux security module (Landlock, Yama)',
    // The kernel's LSM documentation: Landlock (unprivileged sandboxing), Yama's ptrace_scope.
    test: new RegExp(`${B}Landlock${E}|\\bptrace_scope\\b|${B}Yama${E}`),
  },
  {
    id: 'container-privileges',
    classId: 'mac-policy',
    name: "a container's security options or capabilities",
    // capabilities(7): CAP_* names; docker-run(1)/podman-run(1): --cap-add/--cap-drop and
    // --privileged, which grant what the default profile withholds, and --security-opt, whose
    // values are all policies (seccomp=, apparmor=, label= for SELinux, no-new-privileges).
    test: new RegExp(String.raw`\bCAP_(?:SYS_ADMIN|SYS_PTRACE|SYS_RESOURCE|NET_ADMIN|DAC_OVERRIDE|DAC_READ_SEARCH|CHOWN|FOWNER|SETUID|SETGID|SYS_CHROOT|MKNOD|IPC_LOCK|SYS_NICE|PERFMON|BPF)\b|(?:^|\s)--(?:cap-add|cap-drop|privileged|security-opt)\b`),
  },
  // ---- memory-limit -------------------------------------------------------------------------
  {
    id: 'oom-killer',
    classId: 'memory-limit',
    name: 'the OOM killer',
    // mm/oom_kill.c and Documentation/admin-guide/mm: the OOM killer (oom-killer, oom_kill,
    // oom_reaper, oom_score_adj), Kubernetes' and Docker's OOMKilled, systemd-oomd, earlyoom.
    test: new RegExp(
      [
        `${B}OOM(?:[- ]?kill(?:er|ed|ing)?)?${E}`,
        String.raw`\boom[-_ ]?kill(?:er|ed|ing)?\b`,
        String.raw`\bOOMKilled\b`,
        String.raw`\boom_(?:reaper|score_adj|score|kill_process|control)\b`,
        String.raw`\bout_of_memory\b`,
        `${B}(?:systemd-oomd|earlyoom)${E}`,
      ].join('|'),
      'i',
    ),
  },
  {
    id: 'memory-cgroup',
    classId: 'memory-limit',
    name: 'a memory limit (memory cgroup, rlimit)',
    variable: true,
    // Documentation/admin-guide/cgroup-v2.rst and cgroup-v1/memory.rst: memory.max, memory.high,
    // memory.events, memory.limit_in_bytes, memory.memsw.*, memory.failcnt, memory.oom_control;
    // "memory cgroup"/memcg; systemd.resource-control(5) MemoryMax/MemoryHigh/MemoryLimit;
    // docker-run --memory/--memory-swap, compose mem_limit; getrlimit(2) RLIMIT_AS/RLIMIT_DATA and
    // bash's `ulimit -v`; the Go runtime's GOMEMLIMIT; proc(5) overcommit_memory.
    test: new RegExp(
      [
        String.raw`\bmemory\.(?:max|high|low|events|limit_in_bytes|memsw\.\w+|failcnt|oom_control|usage_in_bytes|swap\.max)\b`,
        String.raw`\bmemory[- ]cgroups?\b|\bcgroups? memory\b|\bmemcg\b`,
        String.raw`\bMemory(?:Max|High|Limit|SwapMax)\b`,
        String.raw`(?:^|\s)--memory(?:-swap)?[= ]\d|\bmem_limit\b`,
        String.raw`\bRLIMIT_(?:AS|DATA)\b|\bulimit -v\b|\bGOMEMLIMIT\b|\bovercommit_memory\b`,
        String.raw`\bmemory limits?\b`,
      ].join('|'),
    ),
  },
  // ---- process-limit ------------------------------------------------------------------------
  {
    id: 'task-limits',
    classId: 'process-limit',
    name: 'a process or thread limit (pids cgroup, RLIMIT_NPROC, threads-max)',
    variable: true,
    // cgroup-v2.rst's pids controller (pids.max, pids.current, pids.events), systemd's
    // TasksMax/DefaultTasksMax and LimitNPROC, getrlimit(2) RLIMIT_NPROC (bash `ulimit -u`,
    // limits.conf(5) "nproc" item), proc(5) kernel.threads-max and pid_max, docker --pids-limit.
    // Not the `nproc` command, which counts CPUs: only "nproc" as a limit's item.
    test: new RegExp(
      [
        String.raw`\bpids\.(?:max|current|events)\b`,
        String.raw`\bpids (?:controller|cgroup|limit)\b|\bcgroup pids\b`,
        String.raw`\b(?:Default)?TasksMax\b|\bLimitNPROC\b`,
        String.raw`\bRLIMIT_NPROC\b|\bulimit -u\b|--ulimit[= ]nproc\b|\b(?:soft|hard|-)\s+nproc\b|\bnproc (?:limit|soft|hard)\b|\bmax user processes\b`,
        String.raw`\bthreads[-_]max\b|\bpid_max\b`,
        String.raw`--pids-limit\b|\bpids_limit\b`,
      ].join('|'),
    ),
  },
  // ---- file-watch ---------------------------------------------------------------------------
  {
    id: 'inotify',
    classId: 'file-watch',
    name: 'inotify (file watching)',
    // inotify(7): the API (inotify_init, inotify_init1, inotify_add_watch), its limits under
    // /proc/sys/fs/inotify (max_user_watches, max_user_instances, max_queued_events), the overflow
    // event IN_Q_OVERFLOW; the watchers built on it or its peers: fsnotify (Go), fanotify(7),
    // kqueue, FSEvents, Watchman, chokidar, node's fs.watch, VS Code's files.watcherExclude.
    test: new RegExp(
      [
        `${B}inotify${E}`,
        String.raw`\binotify_(?:init1?|add_watch|rm_watch)\b`,
        String.raw`\bfs\.inotify\b|\bmax_(?:user_watches|user_instances|queued_events)\b|\bIN_Q_OVERFLOW\b`,
        `${B}(?:fsnotify|fanotify|kqueue|FSEvents|[Ww]atchman|chokidar)${E}`,
        String.raw`\bfs\.watch(?:File)?\b|\bfiles\.watcher\w*`,
        String.raw`\b(?:file|files|filesystem|file system|fs) ?watch(?:er|ers|ing)\b`,
      ].join('|'),
    ),
  },
  // ---- noexec-mount -------------------------------------------------------------------------
  {
    id: 'noexec',
    classId: 'noexec-mount',
    name: 'a noexec mount',
    // mount(8): the noexec option (and remount,exec to lift it); mount(2) MS_NOEXEC.
    test: new RegExp(String.raw`(?<![\w/.-])noexec(?![\w/-])|\bMS_NOEXEC\b|\bremount,exec\b`),
  },
  // ---- fs-access ----------------------------------------------------------------------------
  {
    id: 'network-fs',
    classId: 'fs-access',
    name: 'a network or FUSE file system',
    // nfs(5) (NFS, lockd, the nolock option), mount.cifs(8), sshfs(1), the FUSE docs, WSL's 9p
    // drvfs, FS-Cache and cachefilesd(8): file systems where locks, modes and caching differ.
    test: new RegExp(`${B}(?:NFS(?:v[234](?:\\.\\d)?)?|nfs4?|sshfs|CIFS|cifs|FUSE|fusermount3?|drvfs|lockd|nolock|cachefilesd|FS-Cache|fscache)${E}`),
  },
  {
    id: 'fs-space-modes',
    classId: 'fs-access',
    name: 'file system space, quotas, ownership or a read-only mount',
    // errno(3) EROFS/EDQUOT; statfs(2) and df -i (inodes); POSIX ACLs (acl(5), getfacl/setfacl);
    // chown(1); cmd/go's -modcacherw (the module cache is read-only by default); Kubernetes'
    // readOnlyRootFilesystem.
    test: new RegExp(`${B}(?:EROFS|EDQUOT|inodes?|getfacl|setfacl|chown|modcacherw|readOnlyRootFilesystem)${E}|\\bdf -i\\b`),
  },
  // ---- env-inheritance ----------------------------------------------------------------------
  {
    id: 'sandboxed-editor',
    classId: 'env-inheritance',
    name: 'a Flatpak or Snap sandbox',
    // docs.flatpak.org: flatpak, flatpak-spawn --host, /.flatpak-info, FLATPAK_ID, the SDK
    // extensions; snapcraft.io docs: snap confinement (strict/classic), the SNAP_* variables.
    test: new RegExp(
      [`${B}(?:Flatpak|flatpak-spawn)${E}`, String.raw`/\.flatpak-info\b|\bFLATPAK_\w+`, String.raw`\b(?:snap|strict|classic) confinement\b`, String.raw`\bSNAP_[A-Z_]+\b|${B}snapcraft${E}`].join('|'),
      'i',
    ),
  },
  {
    id: 'inherited-variables',
    classId: 'env-inheritance',
    name: 'an environment variable the tools inherited (PATH, GOROOT, GOPATH, the dynamic loader\'s)',
    variable: true,
    // The variables of cmd/go's `go help environment` that decide which Go runs and where it looks
    // (GOROOT, GOPATH, GOOS/GOARCH), the PATH of execve(2)/exec.LookPath, ld.so(8)'s LD_PRELOAD and
    // LD_LIBRARY_PATH, GTK's GTK_PATH and GIO_MODULE_DIR; the Go extension's settings that set them
    // (go.goroot, go.gopath, go.toolsEnvVars) and VS Code's terminal.integrated.env/remoteEnv; the
    // shell start-up files bash(1) and zsh(1) read (.bashrc, .profile, .zshrc…) and the version
    // managers that rewrite PATH per shell (gvm, goenv, asdf, mise, direnv, nix-shell).
    test: new RegExp(
      [
        String.raw`(?<![\w/.-])\$?(?:GOROOT|GOPATH|GOOS|GOARCH|LD_PRELOAD|LD_LIBRARY_PATH|GTK_PATH|GIO_MODULE_DIR)(?![\w/-])`,
        String.raw`(?<![\w/.$-])\$?\{?PATH\}?(?![\w/-])`,
        String.raw`\bgo\.(?:goroot|gopath|toolsEnvVars|alternateTools\.go\b)|\bterminal\.integrated\.env\b|\bremoteEnv\b`,
        String.raw`(?:^|[\s'"~/])\.(?:bashrc|bash_profile|profile|zshrc|zprofile|zshenv)\b|/etc/environment\b|\blogin shell\b`,
        `${B}(?:gvm|goenv|asdf|mise|direnv|nix-shell)${E}`,
      ].join('|'),
    ),
    // cmd/go's import search list ("… (from $GOROOT)", "… (from $GOPATH)"), go/build's "package x is
    // not in GOROOT", GOPATH mode and a file's place inside or outside GOPATH are module-resolution's
    // words, not an environment difference; `go env NAME…` lists variables whatever went wrong. A
    // line about gopls itself is ambiguous: TAXONOMY puts gopls not found on PATH, or run against
    // another GOROOT, under gopls-launch unless the shell's PATH differs, which one line cannot tell.
    unless: /\(from \$GO(?:ROOT|PATH)\)|is not in (?:GOROOT|std)\b|GOPATH (?:mode|workspace)|\b(?:in|inside|outside(?: of)?|out of|under) (?:your |the |any |a )?\$?GOPATH\b|\bgo env\b|\bgopls\b/,
  },
  // ---- module-resolution --------------------------------------------------------------------
  {
    id: 'module-mode',
    classId: 'module-resolution',
    name: 'how the go command finds modules (go.work, GO111MODULE, GOPATH mode, vendoring)',
    variable: true,
    // `go help modules`, `go help work`, `go help environment`: go.work and GOWORK, GO111MODULE,
    // GOPATH mode, the -mod=vendor|mod|readonly flag and vendor/modules.txt.
    test: new RegExp(String.raw`(?<![\w/.-])go\.work(?![\w/-]|\.sum)|\bGOWORK\b|\bGO111MODULE\b|\bGOPATH (?:mode|workspace)\b|\b(?:in|inside|outside(?: of)?|out of|under) (?:your |the |any |a )?\$?GOPATH\b|(?:^|\s|=)-mod=(?:vendor|mod|readonly)\b|\bvendor/modules\.txt\b`),
  },
  // ---- gopls-launch -------------------------------------------------------------------------
  {
    id: 'server-binary',
    classId: 'gopls-launch',
    name: 'how the editor starts gopls (its binary and flags)',
    variable: true,
    // The Go extension's settings that choose and start the server (go.alternateTools for gopls,
    // go.languageServerFlags, go.useLanguageServer); execve(2)'s ENOEXEC; signal(7)'s SIGILL
    // ("Illegal instruction": a binary built for another CPU).
    test: new RegExp(String.raw`\bgo\.(?:languageServerFlags|useLanguageServer)\b|\balternateTools\.gopls\b|\bENOEXEC\b|${B}SIGILL${E}|\bIllegal instruction\b`, 'i'),
  },
];

/** "SELinux is disabled", "seccomp: not supported", "apparmor=\"ALLOWED\"" (complain mode): a feature not in play. */
export const SWITCHED_OFF = /^["']?\s*(?:(?:is|was|are|were|has been|status)\s*:?\s*|[:=]\s*)?(?:(?:currently|now|also)\s+)?(?:disabled|permissive|off\b|"?ALLOWED"?|not\s+(?:enabled|enforcing|active|in use|used|supported|available|installed|loaded|running|mounted))/i;
/** "the memory limit is not the problem", "GOROOT isn't the issue": said of anything, variables too. */
export const NOT_THE_CAUSE = /^["']?\s*(?:is|was|are|were)?\s*(?:not|n't|isn't|wasn't)\s+(?:the\s+|a\s+|an\s+)?(?:cause|problem|issue|culprit|factor|involved|related)\b/i;
/** "no SELinux", "without seccomp", "not using AppArmor", "non-SELinux", "disable seccomp" is a fix: kept. */
export const NEGATED_BEFORE = /(?:\b(?:no|without|non|isn't|not (?:using|running(?: under| with)?|under|related to|caused by|due to|because of))\s+(?:(?:a|an|the|any)\s+)?|\bnon-)$/i;

/**
 * Lines that are not a program reporting its own failure, whatever words they hold: a compiler's
 * diagnostic (`file.go:12:3: …` quotes code, where GOROOT or inotify are identifiers) and a
 * command the user typed at a shell prompt (`$ export PATH=…`, `dev@box:~/src$ …`).
 */
const NOT_A_REPORT = /\.go:\d+(?::\d+)?: |^\s*(?:\$|[\w.-]+@[\w.-]+[^\s$#]*[$#])\s/;

export interface MechanismHit {
  mechanism: Mechanism;
  /** The words of the line that named it. */
  words: string;
}

/**
 * A global copy of each mechanism's test, made once: building a RegExp per mechanism per line was
 * most of this fallback's cost on a long log (the analyzer asks on every unnamed error line).
 */
const GLOBAL = new WeakMap<RegExp, RegExp>();
function globalOf(test: RegExp): RegExp {
  let re = GLOBAL.get(test);
  if (!re) GLOBAL.set(test, (re = new RegExp(test.source, test.flags.includes('g') ? test.flags : `${test.flags}g`)));
  return re;
}

/** Every mention of this mechanism in the line that is not negated or another message's shape. */
export function mentions(m: Mechanism, line: string): string[] {
  if (m.unless?.test(line)) return [];
  const out: string[] = [];
  const re = globalOf(m.test);
  re.lastIndex = 0;
  for (let hit = re.exec(line); hit; hit = re.exec(line)) {
    if (hit[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const before = line.slice(Math.max(0, hit.index - 40), hit.index);
    const after = line.slice(hit.index + hit[0].length, hit.index + hit[0].length + 60);
    if (NEGATED_BEFORE.test(before)) continue;
    if (NOT_THE_CAUSE.test(after) || (!m.variable && SWITCHED_OFF.test(after))) continue;
    out.push(hit[0].trim());
  }
  return out;
}

/**
 * The one class the line's mechanism names, or nothing: no mechanism named, or mechanisms of two
 * classes (then the line does not say which). Pure; the caller decides the line reports a failure.
 */
export function mechanismOf(line: string): { classId: ClassId; hits: MechanismHit[] } | undefined {
  if (NOT_A_REPORT.test(line)) return undefined;
  const hits: MechanismHit[] = [];
  for (const m of MECHANISMS) {
    const words = mentions(m, line);
    if (words.length) hits.push({ mechanism: m, words: words[0]! });
  }
  if (!hits.length) return undefined;
  const classes = new Set(hits.map((h) => h.mechanism.classId));
  if (classes.size !== 1) return undefined;
  return { classId: hits[0]!.mechanism.classId, hits };
}

/**
 * What kind of symptom a failure line naming a mechanism of this class is, so the ranking knows
 * which real causes explain it (src/doctor/explain.ts): a cause found by a rule or a probe then
 * outranks this guess.
 */
export const SYMPTOM_OF: Readonly<Record<ClassId, SymptomKind>> = {
  'gopls-launch': 'died',
  'env-inheritance': 'load-failed',
  'module-resolution': 'load-failed',
  'file-watch': 'no-diagnostics',
  'memory-limit': 'killed',
  'process-limit': 'thread-create',
  'noexec-mount': 'exec-denied',
  'fs-access': 'access-denied',
  'mac-policy': 'not-permitted',
};
