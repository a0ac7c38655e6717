// What to do about a cause read only from a log. A tester reading real gopls logs found most such
// causes (an SELinux denial, a full disk, a pids limit, a memory cgroup's kill) came with no fix at
// all: the rules name the mechanism, and the live probes, which know this machine's paths and
// limits, carry the precise repair. When the log is another machine's, or the probe saw nothing
// wrong now, the user was left with a diagnosis and no next step. These are the next steps that
// hold whatever the machine: the repair where it needs no value read here (GOTMPDIR away from a
// noexec mount, emptying the build cache, the inotify sysctls), else the command that shows the
// state the log speaks of, typed for the user and never run, and the documentation.
import type { ClassId, Fix } from '../doctor/model.js';
import { GOPLS_TROUBLESHOOTING, GOPLS_WORKSPACE_DOCS, raiseInotifyLimitFix, RESTART_GOPLS } from './catalog.js';

/** Documentation read about the cause: it changes nothing, so it follows every repair (rank.ts). */
const read = (f: Fix): Fix => ({ ...f, check: true });

export const GOTMPDIR_EXEC: Fix = {
  id: 'gotmpdir-exec',
  kind: 'terminal',
  title: 'Build in a directory that allows exec',
  text: 'mkdir -p "$HOME/.cache/go-tmp" && go env -w GOTMPDIR="$HOME/.cache/go-tmp"',
  needsRoot: false,
  detail: 'The go command writes and runs test binaries in GOTMPDIR; point it away from a noexec mount.',
};
const NOEXEC_GO_ISSUE: Fix = { id: 'noexec-go-issue', kind: 'link', check: true, url: 'https://github.com/golang/go/issues/52941', title: 'cmd/go: noexec temp directories (golang/go#52941)' };

const CLEAN_BUILD_CACHE: Fix = {
  id: 'fs-space-go-clean-cache',
  kind: 'terminal',
  text: 'go clean -cache',
  needsRoot: false,
  title: 'Empty the build cache to free space',
  detail: 'It is rebuilt on demand; the module cache (go clean -modcache) is the other large one.',
};
const GO_DIRS_STATE: Fix = {
  id: 'fs-show-go-dirs',
  kind: 'terminal',
  check: true,
  title: 'Show who owns the Go directories, where they are mounted and how full they are',
  // gopls's cache too ($GOPLSCACHE, else the user cache directory, + /gopls): a tester's gopls-cache
  // problem got this list without it.
  text: 'for d in "$(go env GOPATH)" "$(go env GOMODCACHE)" "$(go env GOCACHE)" "${GOPLSCACHE:-${XDG_CACHE_HOME:-$HOME/.cache}}/gopls"; do ls -ld "$d"; findmnt -T "$d" -o TARGET,FSTYPE,OPTIONS; df -h "$d" | tail -1; done',
  needsRoot: false,
};
// "package unsafe is not in std" with GOROOT's own path: whether GOCACHE can take a write and the
// package is really there tells a cache go cannot write (the usual cause) from a broken GOROOT.
const STD_INDEX_STATE: Fix = {
  id: 'fs-show-gocache-and-goroot',
  kind: 'terminal',
  check: true,
  title: 'Show how full GOCACHE is, whether go may write there, and whether GOROOT has the package',
  text: 'c="$(go env GOCACHE)"; df -h "$c" | tail -1; ls -ld "$c"; touch "$c/.write-test" && rm "$c/.write-test" && echo writable; ls -d "$(go env GOROOT)/src/unsafe"',
  needsRoot: false,
};
const MODULE_CACHE_DOCS: Fix = { id: 'fs-access-module-cache-docs', kind: 'link', check: true, url: 'https://go.dev/ref/mod#module-cache', title: 'The module cache and its permissions' };

const POLICY_DENIALS: Fix = {
  id: 'mac-show-denials',
  kind: 'terminal',
  check: true,
  title: "Show today's SELinux, AppArmor and seccomp denials in the kernel log",
  text: `sudo journalctl -k --since today | grep -E 'avc: +denied|apparmor="DENIED"|type=1326'`,
  needsRoot: true,
};
const SELINUX_DOCS: Fix = { id: 'mac-selinux-troubleshoot', kind: 'link', check: true, url: 'https://docs.fedoraproject.org/en-US/quick-docs/selinux-troubleshooting/', title: 'Troubleshooting SELinux denials' };
const APPARMOR_DOCS: Fix = { id: 'mac-apparmor-docs', kind: 'link', check: true, url: 'https://ubuntu.com/server/docs/security-apparmor', title: 'AppArmor profiles and complain mode' };

// The cgroup's own files are read by the live probes in the same run (cgroups, process-limits),
// and their paths differ between cgroup v1 and v2: what the user can add is the kernel's record of
// what happened, which needs the journal.
const MEMORY_RECORDS: Fix = {
  id: 'memory-show-oom-records',
  kind: 'terminal',
  check: true,
  title: "Show today's OOM-killer records in the kernel log (who was killed, under which limit)",
  text: `sudo journalctl -k --since today | grep -iE 'out of memory|oom-kill|killed process'`,
  needsRoot: true,
};
const MEMORY_CGROUP_DOCS: Fix = { id: 'memory-cgroup-docs', kind: 'link', check: true, url: 'https://docs.kernel.org/admin-guide/cgroup-v2.html#memory', title: 'The memory controller (memory.max, memory.events)' };

const TASK_LIMITS_STATE: Fix = {
  id: 'pids-show-limits',
  kind: 'terminal',
  check: true,
  title: "Show the task limits (RLIMIT_NPROC, the kernel's) and today's refused forks",
  text: `echo "ulimit -u: $(ulimit -u)"; grep . /proc/sys/kernel/threads-max /proc/sys/kernel/pid_max; sudo journalctl -k --since today | grep 'fork rejected by pids controller'`,
  needsRoot: true,
};
const PIDS_CGROUP_DOCS: Fix = { id: 'pids-cgroup-docs', kind: 'link', check: true, url: 'https://docs.kernel.org/admin-guide/cgroup-v2.html#pid', title: 'The pids controller (pids.max, pids.events)' };

const TOOLS_ENV_DOCS: Fix = { id: 'go-tools-env-docs', kind: 'link', check: true, url: 'https://github.com/golang/vscode-go/wiki/settings#gotoolsenvvars', title: 'Give the Go tools the environment they need (go.toolsEnvVars)' };
const SHELL_ENV: Fix = {
  id: 'go-env-in-shell',
  kind: 'terminal',
  check: true,
  title: 'Show what your login shell gives go, to compare with the editor',
  // GOCACHE and GOWORK too (a tester's GOCACHE=off was not among them), and GOENV: the file go
  // env -w wrote, which any of them may come from.
  text: 'command -v go gopls; go env GOROOT GOPATH GOFLAGS GO111MODULE GOTOOLCHAIN GOCACHE GOWORK GOENV',
  needsRoot: false,
};

/** Read only by rule: where the rule's mechanism has a repair of its own that needs no value read here. */
const BY_RULE: Readonly<Record<string, readonly Fix[]>> = {
  'no-space-left': [CLEAN_BUILD_CACHE, GO_DIRS_STATE],
  'std-package-unindexed': [CLEAN_BUILD_CACHE, STD_INDEX_STATE],
  'quota-exceeded': [CLEAN_BUILD_CACHE, GO_DIRS_STATE],
  'storage-limit-exceeded': [CLEAN_BUILD_CACHE, GO_DIRS_STATE],
  'runner-disk-low': [CLEAN_BUILD_CACHE, GO_DIRS_STATE],
  'inotify-limit-reached': [raiseInotifyLimitFix('instances')],
  'inotify-limit-named': [raiseInotifyLimitFix('watches')],
  'watch-unable': [raiseInotifyLimitFix('watches')],
  'selinux-avc-denied': [POLICY_DENIALS, SELINUX_DOCS],
  'selinux-avc-permissive': [POLICY_DENIALS, SELINUX_DOCS],
  'selinux-avc-denied-other': [POLICY_DENIALS, SELINUX_DOCS],
  'apparmor-denied': [POLICY_DENIALS, APPARMOR_DOCS],
  'apparmor-denied-other': [POLICY_DENIALS, APPARMOR_DOCS],
  'apparmor-profile-denied': [POLICY_DENIALS, APPARMOR_DOCS],
  'apparmor-named': [POLICY_DENIALS, APPARMOR_DOCS],
};

/** By class, when the rule has nothing of its own. */
const BY_CLASS: Readonly<Record<ClassId, readonly Fix[]>> = {
  'gopls-launch': [RESTART_GOPLS, read(GOPLS_TROUBLESHOOTING)],
  'env-inheritance': [SHELL_ENV, TOOLS_ENV_DOCS],
  'module-resolution': [read(GOPLS_WORKSPACE_DOCS)],
  'file-watch': [raiseInotifyLimitFix('watches')],
  'memory-limit': [MEMORY_RECORDS, MEMORY_CGROUP_DOCS, read(GOPLS_TROUBLESHOOTING)],
  'process-limit': [TASK_LIMITS_STATE, PIDS_CGROUP_DOCS],
  'noexec-mount': [GOTMPDIR_EXEC, NOEXEC_GO_ISSUE],
  'fs-access': [GO_DIRS_STATE, MODULE_CACHE_DOCS],
  'mac-policy': [POLICY_DENIALS, SELINUX_DOCS, APPARMOR_DOCS],
};

/**
 * The next steps for a log-read cause that no rule-specific repair covers. Symptoms get none: what
 * explains them carries the fix, and unexplained they list the checks that would (doctor/explain.ts).
 */
export function logCauseFixes(rule: { id: string; classId: ClassId; role?: 'symptom' | 'cause' }): Fix[] {
  if (rule.role === 'symptom') return [];
  return [...(BY_RULE[rule.id] ?? BY_CLASS[rule.classId])];
}
