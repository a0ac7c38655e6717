// What the words in a gopls log mean: each rule names a message gopls, the go command, the Go
// runtime or the kernel writes, and the root-cause class it is evidence for. A line is first
// screened with plain substrings (`needles`, which the benchmark also hands to `grep -E`), and
// only a line that contains one is tested against the rules in full.
import type { ClassId, Severity, SymptomKind } from '../doctor/model.js';

export type RuleId =
  | 'go-missing'
  | 'no-views'
  | 'no-view-for-file'
  | 'workspace-load-failed'
  | 'packages-load-error'
  | 'go-too-old'
  | 'gopls-built-unsupported'
  | 'go-version-deprecated'
  | 'go-mod-not-found'
  | 'inconsistent-vendoring'
  | 'panic'
  | 'fatal-out-of-memory'
  | 'fatal-error'
  | 'killed-by-signal-dump'
  | 'go-command-killed'
  | 'thread-create-failed'
  | 'eagain'
  | 'exec-permission-denied'
  | 'permission-denied'
  | 'inotify-enospc'
  | 'inotify-emfile'
  | 'too-many-open-files'
  | 'watch-unable'
  | 'no-space-left'
  | 'read-only-fs'
  | 'module-cache-create'
  | 'selinux-avc-denied'
  | 'apparmor-denied'
  | 'crash-loop'
  | 'connection-closed'
  | 'executable-not-found';

export interface Rule {
  id: RuleId;
  classId: ClassId;
  severity: Severity;
  confidence: number;
  /** A line is tested only if it contains one of these; the same strings go to grep in the bench. */
  needles: readonly string[];
  /** The full test on a line that passed the screen; defaults to "contains a needle". */
  test?: RegExp;
  /** Rules that, when they match the same line, already say what this one would say better. */
  yieldsTo?: readonly RuleId[];
  /** Classes whose symptoms this explains (go missing → "no views" and a dead language server). */
  explains?: readonly ClassId[];
  /**
   * What the line is: an observed symptom (gopls died, a build was killed, a thread could not be
   * created) or a cause. Absent = cause. A symptom names its kind, which decides which causes
   * explain it (src/doctor/explain.ts).
   */
  role?: 'symptom' | 'cause';
  symptom?: SymptomKind;
  /** One sentence for the finding; `n` is how many lines said it. */
  says: string;
}

// Most specific first; a line may match several rules (one per class), see yieldsTo.
export const RULES: readonly Rule[] = [
  {
    id: 'go-missing',
    classId: 'env-inheritance',
    severity: 'error',
    confidence: 0.9,
    needles: ['go command required, not found'],
    explains: ['module-resolution', 'gopls-launch'],
    says: 'gopls could not find the go command on the PATH it was started with, so it cannot load any package',
  },
  {
    id: 'executable-not-found',
    classId: 'env-inheritance',
    severity: 'warning',
    confidence: 0.6,
    needles: ['executable file not found in $PATH'],
    yieldsTo: ['go-missing'],
    says: 'a program gopls needed was not on the PATH it was started with',
  },
  {
    id: 'no-views',
    classId: 'module-resolution',
    severity: 'error',
    confidence: 0.75,
    needles: ['no views'],
    test: /\bno views\b/,
    says: 'gopls answered "no views": it has no build (module or GOPATH) for the workspace, so every request on a file fails',
  },
  {
    id: 'no-view-for-file',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    needles: ['no view for'],
    says: 'gopls found no build containing a file the editor opened ("no view for file")',
  },
  {
    id: 'workspace-load-failed',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'error',
    confidence: 0.7,
    needles: ['rror loading workspace', 'initial workspace load failed', 'failed to load view for'],
    yieldsTo: ['go-missing', 'go-too-old'],
    says: 'gopls failed to load the workspace ("Error loading workspace" / "initial workspace load failed")',
  },
  {
    id: 'packages-load-error',
    classId: 'module-resolution',
    role: 'symptom',
    symptom: 'load-failed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['packages.Load error'],
    yieldsTo: ['go-missing', 'workspace-load-failed'],
    says: 'go/packages.Load failed: the go command could not list the workspace packages',
  },
  {
    id: 'go-mod-not-found',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.5,
    needles: ['go.mod file not found', 'cannot find main module'],
    says: 'the go command found no go.mod at or above the directory gopls ran it in',
  },
  {
    id: 'inconsistent-vendoring',
    classId: 'module-resolution',
    severity: 'warning',
    confidence: 0.6,
    needles: ['inconsistent vendoring'],
    says: 'the vendor directory disagrees with go.mod (inconsistent vendoring)',
  },
  {
    id: 'gopls-built-unsupported',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.85,
    needles: ['not supported by this version of gopls'],
    test: /Gopls was built with Go version 1\.\d+, which is not supported/,
    says: 'gopls was built with a Go release this gopls no longer supports',
  },
  {
    id: 'go-too-old',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.85,
    needles: ['not supported by this version of gopls'],
    test: /Found Go version 1\.\d+, which is not supported/,
    says: 'the go command gopls runs is older than this gopls supports',
  },
  {
    id: 'go-version-deprecated',
    classId: 'gopls-launch',
    severity: 'warning',
    confidence: 0.5,
    needles: ['will be unsupported by gopls'],
    says: 'the Go release in use will be unsupported by the next gopls',
  },
  {
    id: 'panic',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.85,
    needles: ['panic: '],
    // Go's runtime writes "panic: " at the start of a line; inside a JSON string it follows "\n".
    test: /(?:^|\\n|\] |")panic: /,
    says: 'gopls panicked and died (the stack is in the evidence)',
  },
  {
    id: 'fatal-out-of-memory',
    classId: 'memory-limit',
    severity: 'error',
    confidence: 0.85,
    needles: ['runtime: out of memory', 'cannot allocate memory'],
    says: 'gopls (or the go command it ran) ran out of memory ("fatal error: runtime: out of memory")',
  },
  {
    id: 'fatal-error',
    classId: 'gopls-launch',
    severity: 'error',
    confidence: 0.8,
    needles: ['fatal error: '],
    test: /(?:^|\\n|\] |")fatal error: /,
    yieldsTo: ['fatal-out-of-memory', 'thread-create-failed'],
    says: 'the Go runtime in gopls hit a fatal error and the process died',
  },
  {
    id: 'killed-by-signal-dump',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'error',
    confidence: 0.7,
    needles: ['SIGABRT: abort', 'SIGQUIT: quit', 'SIGBUS: bus error'],
    says: 'gopls was killed by a signal and the Go runtime dumped its goroutines',
  },
  {
    id: 'go-command-killed',
    classId: 'memory-limit',
    role: 'symptom',
    symptom: 'killed',
    severity: 'warning',
    confidence: 0.5,
    needles: ['signal: killed'],
    says: 'a go command gopls ran was killed ("signal: killed"), which is what the kernel\'s OOM killer looks like from outside',
  },
  {
    id: 'thread-create-failed',
    classId: 'process-limit',
    role: 'symptom',
    symptom: 'thread-create',
    severity: 'error',
    confidence: 0.85,
    needles: ['failed to create new OS thread'],
    says: 'the Go runtime could not create a thread: a process or thread limit was reached',
  },
  {
    id: 'eagain',
    classId: 'process-limit',
    role: 'symptom',
    symptom: 'thread-create',
    severity: 'error',
    confidence: 0.7,
    needles: ['esource temporarily unavailable'],
    yieldsTo: ['thread-create-failed'],
    says: 'fork or clone failed with "resource temporarily unavailable" (EAGAIN): a process or thread limit was reached',
  },
  {
    id: 'exec-permission-denied',
    classId: 'noexec-mount',
    role: 'symptom',
    symptom: 'exec-denied',
    severity: 'error',
    confidence: 0.8,
    needles: ['ermission denied'],
    test: /fork\/exec [^:]*: permission denied/i,
    says: 'executing a freshly built binary failed with "fork/exec …: permission denied", the mark of a noexec mount',
  },
  {
    id: 'permission-denied',
    classId: 'fs-access',
    role: 'symptom',
    symptom: 'access-denied',
    severity: 'warning',
    confidence: 0.5,
    needles: ['ermission denied'],
    yieldsTo: ['exec-permission-denied', 'selinux-avc-denied', 'apparmor-denied'],
    says: 'a file operation was refused with "permission denied"',
  },
  {
    id: 'inotify-enospc',
    classId: 'file-watch',
    severity: 'error',
    confidence: 0.85,
    needles: ['o space left on device', 'Inotify limit reached'],
    test: /inotify[^\n]*(?:no space left on device|ENOSPC)|Inotify limit reached/i,
    says: 'inotify_add_watch failed with ENOSPC: the inotify watch limit (fs.inotify.max_user_watches) is exhausted',
  },
  {
    id: 'inotify-emfile',
    classId: 'file-watch',
    severity: 'error',
    confidence: 0.8,
    needles: ['oo many open files'],
    test: /inotify[^\n]*too many open files/i,
    says: 'inotify failed with EMFILE: the inotify instance limit (fs.inotify.max_user_instances) is exhausted',
  },
  {
    id: 'too-many-open-files',
    classId: 'file-watch',
    severity: 'warning',
    confidence: 0.4,
    needles: ['oo many open files'],
    yieldsTo: ['inotify-emfile'],
    says: 'an open failed with "too many open files" (EMFILE), usually file watchers holding descriptors',
  },
  {
    id: 'watch-unable',
    classId: 'file-watch',
    severity: 'warning',
    confidence: 0.6,
    needles: ['unable to watch for file changes'],
    says: 'the editor reported it is unable to watch for file changes in this workspace',
  },
  {
    id: 'no-space-left',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.8,
    needles: ['o space left on device'],
    yieldsTo: ['inotify-enospc'],
    says: 'a write failed with "no space left on device" (out of blocks or inodes)',
  },
  {
    id: 'read-only-fs',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.8,
    needles: ['ead-only file system'],
    says: 'a write failed with "read-only file system"',
  },
  {
    id: 'module-cache-create',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    needles: ['could not create module cache'],
    says: 'the go command could not create the module cache',
  },
  {
    id: 'selinux-avc-denied',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.8,
    needles: ['avc:  denied', 'avc: denied'],
    says: 'SELinux denied an operation ("avc: denied")',
  },
  {
    id: 'apparmor-denied',
    classId: 'mac-policy',
    severity: 'error',
    confidence: 0.8,
    needles: ['apparmor="DENIED"'],
    says: 'AppArmor denied an operation (apparmor="DENIED")',
  },
  {
    id: 'crash-loop',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'error',
    confidence: 0.85,
    needles: ['times in the last 3 minutes'],
    says: 'the language server crashed repeatedly and the editor stopped restarting it',
  },
  {
    id: 'connection-closed',
    classId: 'gopls-launch',
    role: 'symptom',
    symptom: 'died',
    severity: 'warning',
    confidence: 0.6,
    needles: ['Connection to server got closed'],
    yieldsTo: ['crash-loop'],
    says: 'the connection to gopls closed unexpectedly (the server died and was restarted)',
  },
];

/** Every needle once, for the screen and for grep. */
export const NEEDLES: readonly string[] = [...new Set(RULES.flatMap((r) => r.needles)), ': stderr: '];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// Needles drop a leading letter ('ermission denied') so "Permission denied" (C, systemd, the
// kernel) and "permission denied" (Go) both pass one case-sensitive screen.

/** One regex that finds any needle: the screen every scanned line goes through. */
export const SCREEN = new RegExp(NEEDLES.map(escapeRe).join('|'));

/** The same screen as a POSIX ERE for `grep -E` (the benchmark's yardstick). */
export function needlesAsERE(): string {
  return NEEDLES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

export interface RuleMatch {
  rule: Rule;
}

/** The rules a line says, after yieldsTo. Pure. */
export function matchRules(text: string): Rule[] {
  if (!SCREEN.test(text)) return [];
  const hits: Rule[] = [];
  for (const r of RULES) {
    if (!r.needles.some((n) => text.includes(n))) continue;
    if (r.test && !r.test.test(text)) continue;
    hits.push(r);
  }
  if (hits.length < 2) return hits;
  const ids = new Set(hits.map((h) => h.id));
  return hits.filter((h) => !h.yieldsTo?.some((y) => ids.has(y)));
}

export function ruleById(id: RuleId): Rule {
  const r = RULES.find((x) => x.id === id);
  if (!r) throw new Error(`unknown rule ${id}`);
  return r;
}
