// Which causes explain which symptoms (shared/TAXONOMY.md, "Symptoms and causes"). Data first:
// each kind of symptom lists the classes whose causes can produce it and the checks that would
// find such a cause. A symptom is explained only by a cause found in this run, never by a class
// merely being plausible, so a gopls killed by hand with no memory limit in sight stays
// unexplained instead of being pinned on whatever else was wrong.
import type { ClassId, Finding, ProbeRecord, Severity, SymptomKind } from './model.js';

export interface Check {
  /** What would explain the symptom, in words a user can act on. */
  what: string;
  /** The probe that looks there; absent when nothing the doctor can read would show it. */
  probe?: string;
}

export interface SymptomExplanation {
  /** Classes whose causes, found in this run, explain this kind of symptom. */
  by: readonly ClassId[];
  /**
   * Only a cause of the symptom's own class, or one that names that class in `explains`, explains
   * it: of the environment's causes, a GOPATH set to GOROOT explains "cannot find package", an
   * LD_PRELOAD that cannot be loaded does not.
   */
  named?: true;
  /**
   * Classes in `by` whose causes explain this kind only when they name the symptom's class in
   * `explains`: of the environment's causes, a Flatpak sandbox that does not expose the refused
   * path explains a "permission denied", a PATH difference does not.
   */
  namedBy?: readonly ClassId[];
  checks: readonly Check[];
}

const MEMORY_CGROUP: Check = { what: 'the memory cgroup (memory.max, memory.events oom_kill, memory.failcnt)', probe: 'cgroups' };
const MACHINE_MEMORY: Check = { what: "the machine's available memory (MemAvailable) against what gopls needs for these workspaces", probe: 'cgroups' };
const KERNEL_LOG: Check = { what: "the kernel log's OOM-killer and fork-rejected records, and the counters re-read after the run", probe: 'after-run' };
const PIDS: Check = { what: 'the pids cgroup (pids.max, pids.events max)', probe: 'cgroups' };
const TASK_LIMITS: Check = { what: 'kernel.threads-max, kernel.pid_max and RLIMIT_NPROC', probe: 'process-limits' };
const MEMORY_RLIMITS: Check = { what: 'RLIMIT_AS and RLIMIT_DATA (ulimit -v, ulimit -d) against what gopls reserves', probe: 'process-limits' };
const OPEN_FILES: Check = { what: "RLIMIT_NOFILE (ulimit -n) against what go build and gopls keep open, and the system's file table (fs.file-nr against fs.file-max)", probe: 'process-limits' };
const MAC: Check = { what: 'seccomp, SELinux and AppArmor (the MAC policy)', probe: 'mac-policy' };
const MOUNTS: Check = { what: 'noexec and read-only mounts under GOTMPDIR, GOCACHE, GOPATH and the gopls binary', probe: 'mounts' };
const ACCESS: Check = { what: 'access to GOPATH, GOMODCACHE, GOCACHE and GOTMPDIR', probe: 'file-access' };
const FLATPAK: Check = { what: "a Flatpak sandbox's filesystem grants (/.flatpak-info [Context] filesystems=) against the refused path", probe: 'gopls-logs' };

/** Causes a gopls can die of; the order is only for reading. */
const KILLS_GOPLS: readonly ClassId[] = ['memory-limit', 'process-limit', 'gopls-launch', 'env-inheritance', 'mac-policy'];

export const EXPLAINED_BY: Readonly<Record<SymptomKind, SymptomExplanation>> = {
  // SIGKILL leaves no stack: only the kernel's OOM killer (or someone outside) sends it.
  killed: { by: ['memory-limit'], checks: [MEMORY_CGROUP, KERNEL_LOG, { what: 'a supervisor, a watchdog or a user that sent SIGKILL (not visible from here)' }] },
  // fs-access only when it names gopls's death (namedBy): gopls (v0.16 on) stops at start when it
  // cannot create its cache directory (fileAccess.ts, rule gopls-cache-unusable); an unwritable
  // module cache or GOPATH kills no gopls.
  died: {
    by: [...KILLS_GOPLS, 'fs-access'],
    namedBy: ['fs-access'],
    checks: [MEMORY_CGROUP, KERNEL_LOG, PIDS, TASK_LIMITS, { what: "gopls's own log for a panic or a fatal error (stack)", probe: 'gopls-logs' }, { what: 'the gopls binary and the Go it runs against', probe: 'gopls' }, MAC],
  },
  // Thread creation fails with EAGAIN at a task limit, with ENOMEM at a memory limit, with EPERM under seccomp.
  // Under RLIMIT_AS glibc's pthread_create cannot map the thread's stack and answers EAGAIN too.
  'thread-create': { by: ['process-limit', 'memory-limit', 'mac-policy'], checks: [PIDS, TASK_LIMITS, MEMORY_CGROUP, MEMORY_RLIMITS, MAC] },
  // A container's init died before it reported back to the runtime (runc's "read init-p: connection
  // reset by peer"): its pids cgroup refused the threads runc init's Go runtime starts, or the
  // memory cgroup's OOM killer took it. The message names neither, so only such a cause found in
  // this run explains it; the checks name both.
  'init-died': { by: ['process-limit', 'memory-limit'], checks: [PIDS, TASK_LIMITS, MEMORY_CGROUP, KERNEL_LOG] },
  // "Out of memory" is what the program saw, not why: a memory cgroup or an exhausted machine (both
  // memory-limit causes a probe can find) or its own appetite, a leak or a huge allocation (a bug
  // fixed in the program's code, no environment problem at all). Only a limit or a shortage found
  // in this run explains it.
  'out-of-memory': {
    by: ['memory-limit'],
    checks: [MEMORY_CGROUP, MACHINE_MEMORY, MEMORY_RLIMITS, KERNEL_LOG, { what: "the program's own appetite (a leak, a huge allocation): not visible from here" }],
  },
  // A spawn or an open refused with EMFILE ("too many open files") or ENFILE: the process's open-files
  // limit or the system's file table is full. Nothing about the program refused is wrong, so
  // reinstalling it does not help; only the limit found in this run explains it.
  'out-of-files': { by: ['process-limit'], checks: [OPEN_FILES] },
  'not-permitted': { by: ['mac-policy'], checks: [MAC] },
  'exec-denied': { by: ['noexec-mount', 'fs-access', 'mac-policy'], checks: [MOUNTS, ACCESS, MAC] },
  // A sandbox refuses what it does not expose (src/probes/flatpakGrants.ts): that cause says so.
  'access-denied': { by: ['fs-access', 'mac-policy', 'noexec-mount', 'env-inheritance'], namedBy: ['env-inheritance'], checks: [ACCESS, MOUNTS, MAC, FLATPAK] },
  'load-failed': {
    by: ['module-resolution', 'env-inheritance', 'fs-access', 'process-limit', 'memory-limit', 'gopls-launch', 'mac-policy'],
    checks: [{ what: 'go.mod / go.work for each workspace folder', probe: 'modules' }, { what: 'the go command and its environment', probe: 'go-env' }, ACCESS, PIDS, MEMORY_CGROUP],
  },
  // A gopls log that stops mid-session (goplsLog/stoppedSession.ts): SIGKILL leaves no word, and a
  // panic or a refused thread prints its stack on stderr, which a -logfile does not hold. Nothing
  // found in the run explains it by being there: the OOM killer's record of that gopls is looked
  // for when the log is read (probes/stoppedLogs.ts), and names the memory limit itself; a limit
  // merely tight, or a cgroup's count of kills at other times, said a gopls killed by hand was
  // "explained" by memory (measured). A supervisor's or a user's kill shows nowhere.
  stopped: {
    by: [],
    checks: [
      MEMORY_CGROUP,
      KERNEL_LOG,
      { what: 'a supervisor, a watchdog or a user that sent SIGKILL (not visible from here)' },
      { what: 'gopls\'s stderr (the editor\'s "gopls (server)" channel) for a panic\'s or a fatal error\'s stack', probe: 'gopls-logs' },
    ],
  },
  // A signal another process sent with kill(2) (a `kill -SEGV`, a watchdog): no limit or policy
  // sends one, so nothing found here explains it, and a stack or a cgroup says nothing of who did.
  signalled: { by: [], checks: [{ what: 'who sent it: a user (kill, pkill), a supervisor or watchdog, a script, or the editor stopping gopls' }] },
  // A download that failed (no DNS answer, a proxy's 407, a 403, git without credentials) is
  // explained by what blocks downloads: GOPROXY=off, a network variable or CA the editor lacks, a
  // private module sent to the public proxy, an unwritable module cache, the online check's failed
  // hop. Those causes say so in `explains`; a go.sum line missing for the same module does not
  // (namedBy every class): it is what the download was for, and go mod tidy fails the same way.
  'fetch-failed': {
    by: ['module-resolution', 'env-inheritance', 'fs-access'],
    namedBy: ['module-resolution', 'env-inheritance', 'fs-access'],
    checks: [
      { what: 'the module proxy and the way to it, asked as go would (the online check: --online, or "Check the module proxy" in the panel)', probe: 'goproxy-online' },
      { what: "HTTPS_PROXY, NO_PROXY, SSL_CERT_FILE, GOPROXY and GOPRIVATE in the editor against your login shell's", probe: 'module-downloads' },
      { what: 'a route out of this machine or network namespace, and to the resolvers in /etc/resolv.conf (/proc/net/route, /proc/net/ipv6_route)', probe: 'module-downloads' },
      { what: 'credentials for a private module: a .netrc entry or GOAUTH for its host, a git credential helper, an ssh key', probe: 'module-downloads' },
    ],
  },
  'no-diagnostics': {
    by: ['module-resolution', 'env-inheritance', 'fs-access', 'memory-limit', 'process-limit', 'gopls-launch', 'file-watch'],
    checks: [{ what: 'go.mod / go.work for each workspace folder', probe: 'modules' }, { what: 'the go command and its environment', probe: 'go-env' }, MEMORY_CGROUP, ACCESS],
  },
  // A key gopls was sent only because a settings file's JSON error put it under "gopls": the error
  // says so (explainsKinds). A key the user wrote there is no symptom: the refusal is the cause.
  'setting-refused': {
    by: ['gopls-launch'],
    namedBy: ['gopls-launch'],
    checks: [
      { what: 'JSON errors in the settings files (a missing "}" puts the top-level settings after it under "gopls")', probe: 'editor-settings' },
      { what: 'the keys under "gopls" against the settings the gopls in use documents', probe: 'editor-settings' },
    ],
  },
  hang: { by: ['memory-limit', 'fs-access', 'process-limit', 'mac-policy'], checks: [MEMORY_CGROUP, { what: 'network and stalled file systems under the Go directories', probe: 'file-access' }, PIDS, MAC] },
  // Where go and gopls look for modules and packages is decided by the folder and by the
  // environment (GOPATH, GO111MODULE, GOFLAGS, GOROOT, which go runs), so an environment cause
  // that says so comes before "no views" or "cannot find package" (issue 11).
  'no-build': {
    by: ['module-resolution', 'env-inheritance'],
    named: true,
    checks: [
      { what: 'go.mod / go.work for each workspace folder', probe: 'modules' },
      { what: 'the go command and its environment (GOPATH, GO111MODULE, GOFLAGS, GOROOT)', probe: 'go-env' },
      { what: "the login shell's PATH and Go variables against the editor's", probe: 'login-shell' },
    ],
  },
};

const WEIGHT: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function isSymptom(f: Pick<Finding, 'role'>): boolean {
  return f.role === 'symptom';
}

/**
 * Does cause c explain symptom s? Only a cause of at least warning severity (an info finding says
 * a limit was read and is fine), of a class the symptom's kind lists (for a `named` kind, also of
 * the symptom's own class or naming it in `explains`), or one that names the symptom's class in
 * `explains` when the symptom has no kind or the cause has a headline. Pure.
 */
export function explainsSymptom(c: Finding, s: Finding): boolean {
  if (isSymptom(c) || !isSymptom(s) || WEIGHT[c.severity] < WEIGHT.warning) return false;
  // A cause that names the kinds it explains explains no other (a JSON error kills no gopls).
  if (c.explainsKinds && !(s.symptom && c.explainsKinds.includes(s.symptom))) return false;
  // A finding filed under a class without being its core story (model.ts headline: a stale
  // linter, a setting with no effect) explains none of that class's symptoms: dlv built with an
  // older Go does not kill gopls. It explains only what it names.
  if (c.headline) return (c.explains?.includes(s.classId) ?? false) || sameStory(c, s);
  if (s.symptom) {
    const kind = EXPLAINED_BY[s.symptom];
    if (!kind.by.includes(c.classId)) return false;
    if (kind.namedBy?.includes(c.classId) && !c.explains?.includes(s.classId)) return false;
    return !kind.named || c.classId === s.classId || (c.explains?.includes(s.classId) ?? false);
  }
  return c.explains?.includes(s.classId) ?? false;
}

/**
 * A symptom told under the headline of a cause of its own class is what that cause does: gopls's
 * "could not run cgo" (cgoDiagnostics.ts) beside the cgo probe's missing C compiler, both cgo-build
 * findings of the environment's class. Only for a kind whose causes the class may give without
 * naming it (namedBy keeps its rule). Pure.
 */
function sameStory(c: Finding, s: Finding): boolean {
  if (!s.symptom || c.classId !== s.classId || c.headline !== s.headline) return false;
  const kind = EXPLAINED_BY[s.symptom];
  return kind.by.includes(c.classId) && !kind.namedBy?.includes(c.classId);
}

/**
 * Does hint h name a mechanism that would explain symptom s? h is a failure line that names a
 * mechanism no rule's message matched (goplsLogs.ts, headline `named-mechanism`), or failure lines
 * whose words resemble one class's reports (`resembles-reports`, weaker still): not a cause
 * found, so it explains nothing and s stays unexplained with its checks, but when s says only
 * THAT something died or failed (a symptom of another class whose kind lists h's class, with no
 * headline of its own), h is the nearer guess at why: "GOROOT is wrong" said beside the client's
 * "Connection to server got closed" points to the environment, not to gopls. Pure.
 */
export function hintPointsAt(h: Finding, s: Finding): boolean {
  if (!isHint(h) || !isSymptom(h) || !isSymptom(s) || s.headline || h.classId === s.classId) return false;
  const kind = EXPLAINED_BY[s.symptom ?? 'died'];
  // gopls's own bare death (the client's connection-closed line) says nothing of the environment,
  // so any lead on it comes first, even one of a class that does not kill gopls: an inotify or
  // noexec failure told in the same log is what the user can act on; "the server died" is not.
  const bareDeath = s.classId === 'gopls-launch' && (s.symptom ?? 'died') === 'died';
  // A hint names no path: it cannot say a sandbox hides the one refused (namedBy).
  return !kind.named && ((kind.by.includes(h.classId) && !kind.namedBy?.includes(h.classId)) || bareDeath) && WEIGHT[h.severity] >= WEIGHT[s.severity];
}

/**
 * Does symptom h say how the death that symptom s only reports came about? s is a bare "gopls
 * died" (no headline); h, of another class that can kill gopls, is what the same log says of the
 * way it went: killed by SIGKILL (memory), a thread refused (a task limit), EPERM (a policy). Like a
 * hint it explains nothing (s keeps its checks), but it is nearer the cause. Pure.
 */
export function symptomPointsAt(h: Finding, s: Finding): boolean {
  if (!isSymptom(h) || !isSymptom(s) || h.headline || s.headline || h.unclassified || h.classId === s.classId || (s.symptom ?? 'died') !== 'died') return false;
  return tellsOfGoplsDeath(h) && h.classId !== 'gopls-launch' && WEIGHT[h.severity] >= WEIGHT[s.severity];
}

/**
 * Can a reading of this class tell why gopls died (EXPLAINED_BY.died)? A class in namedBy only when
 * the reading itself names gopls's death (explains gopls-launch). Shared by the symptoms' ranking
 * and the crash verdict's reading of a panic's message. Pure.
 */
export function tellsOfGoplsDeath(r: { classId: ClassId; explains?: readonly ClassId[] }): boolean {
  const died = EXPLAINED_BY.died;
  return died.by.includes(r.classId) && (!died.namedBy?.includes(r.classId) || (r.explains?.includes('gopls-launch') ?? false));
}

/** A guess at the class from a failure's words: a named mechanism, or words that resemble a class's reports. */
export function isHint(f: Pick<Finding, 'headline'>): boolean {
  return f.headline === 'named-mechanism' || f.headline === 'resembles-reports';
}

/** For each symptom in findings, the causes found in this run that explain it. */
export function explainers(findings: readonly Finding[]): Map<Finding, Finding[]> {
  const causes = findings.filter((f) => !isSymptom(f));
  const out = new Map<Finding, Finding[]>();
  for (const s of findings) if (isSymptom(s)) out.set(s, causes.filter((c) => explainsSymptom(c, s) || saysWhyOnItsLine(c, s)));
  return out;
}

/**
 * Does cause c stand on a log line symptom s stands on? One line that says both what failed and
 * why ("Error installing gopls: go: cannot find main module", "failed to start gopls: fork/exec
 * …: operation not permitted") is the program's own account of the cause, whatever the classes'
 * usual relation (an installation that failed is no death a module explains in general; this
 * one says it was). Only a cause of at least warning severity that is its class's own story (no
 * headline), on the same line of the same log. Pure.
 */
export function saysWhyOnItsLine(c: Finding, s: Finding): boolean {
  if (isSymptom(c) || !isSymptom(s) || c.headline || c.unclassified || s.unclassified || WEIGHT[c.severity] < WEIGHT.warning || c.classId === s.classId) return false;
  const onLine = s.evidence.filter((e) => e.line !== undefined);
  return onLine.length > 0 && c.evidence.some((e) => e.line !== undefined && onLine.some((o) => o.line === e.line && o.source === e.source && sameMessage(o.excerpt, e.excerpt)));
}

/**
 * Two excerpts of one log line tell the same message when they overlap. A line can carry several
 * messages: Neovim's lsp.log relays a chunk of gopls's stderr as one line ("rpc" "gopls" "stderr"
 * "…\n…\n"), so a cgo link failure and the kill of the linker two lines below it stand on the same
 * line number, and the first is no account of the second. Excerpts are windows cut around each
 * finding's words: of one message they share its text; of two messages in one chunk they do not.
 */
function sameMessage(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.includes(b) || b.includes(a)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const k = Math.min(24, short.length);
  for (let i = 0; i + k <= short.length; i += 4) if (long.includes(short.slice(i, i + k))) return true;
  return false;
}

export type CheckResult = 'found-nothing' | 'not-run' | 'skipped' | 'timeout' | 'crashed' | 'not-checkable';

/** The checks that would explain an unexplained symptom, and what became of each in this run. */
export function checksFor(s: Finding, probes: readonly ProbeRecord[] | undefined): Array<{ check: string; probe?: string; result?: CheckResult }> {
  const kind = s.symptom ?? 'died';
  return EXPLAINED_BY[kind].checks.map((c) => {
    if (!c.probe) return { check: c.what, result: 'not-checkable' as const };
    // Without the run's probe records (a bare re-rank) say where to look, not what was found.
    if (!probes) return { check: c.what, probe: c.probe };
    const rec = probes?.find((p) => p.id === c.probe);
    const result: CheckResult = !rec ? 'not-run' : rec.status === 'skipped' || rec.status === 'timeout' || rec.status === 'crashed' ? rec.status : 'found-nothing';
    return { check: c.what, probe: c.probe, result };
  });
}
