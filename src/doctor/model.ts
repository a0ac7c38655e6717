// The report model. Everything that leaves the engine (JSON on stdout, messages to the webview)
// is one of these shapes, so they are zod schemas first and TypeScript types second.
import { z } from 'zod';

/** The nine root-cause classes of shared/TAXONOMY.md. The ids are a contract: never rename. */
export const CLASS_IDS = [
  'gopls-launch',
  'env-inheritance',
  'module-resolution',
  'file-watch',
  'memory-limit',
  'process-limit',
  'noexec-mount',
  'fs-access',
  'mac-policy',
] as const;
export const ClassIdSchema = z.enum(CLASS_IDS);
export type ClassId = z.infer<typeof ClassIdSchema>;

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const PROBE_STATUSES = ['ok', 'warn', 'fail', 'skipped', 'timeout', 'crashed'] as const;
export const ProbeStatusSchema = z.enum(PROBE_STATUSES);
export type ProbeStatus = z.infer<typeof ProbeStatusSchema>;

/**
 * What a finding is (shared/TAXONOMY.md, "Symptoms and causes"): a `symptom` is something
 * observed (gopls died, the connection closed, a thread could not be created), a `cause` what
 * explains it (a limit, a mount, a policy). Absent means cause.
 */
export const ROLES = ['symptom', 'cause'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * The kind of a symptom, which decides which causes can explain it (src/doctor/explain.ts):
 * killed = SIGKILL or "signal: killed"; died = crashed, exited, restarted, connection closed;
 * thread-create = EAGAIN on clone/fork, "failed to create new OS thread"; not-permitted = EPERM;
 * exec-denied = "fork/exec …: permission denied"; access-denied = EACCES on a file;
 * load-failed = packages.Load or the workspace load failed; no-diagnostics; hang;
 * signalled = a signal another process sent (the runtime's dump says sigcode=0, kill(2)): not a
 * fault of the program's, and nothing this machine's state shows explains who sent it;
 * fetch-failed = go could not download a module (DNS, TLS, a proxy, 401/403/404, git refused the
 * credentials): only a cause that blocks downloads explains it, not the go.sum line it was for;
 * no-build = the go command or gopls found no module, package or import where it looked ("no
 * views", "cannot find package", "go.mod file not found"): what the environment's GOPATH,
 * GO111MODULE, GOROOT or go binary decides as much as the folder does.
 * init-died = a container runtime's init process died before it reported back (runc's "read
 * init-p: connection reset by peer"): a task limit (pids.max counts the threads of runc init's Go
 * runtime) or a memory limit (the OOM killer) are the usual reasons, and the message says neither.
 * out-of-memory = a program said it could not get memory ("fatal error: runtime: out of memory",
 * ENOMEM, "virtual memory exhausted"): a memory limit, an exhausted machine, or the program's own
 * appetite (a leak, a huge allocation), which the message alone cannot tell apart.
 * setting-refused = gopls refused a setting it was sent ("Invalid settings: setting option "X":
 * unexpected setting") that the user did not put under "gopls": a settings file's JSON error moved it there.
 */
export const SYMPTOM_KINDS = ['killed', 'died', 'thread-create', 'not-permitted', 'exec-denied', 'access-denied', 'load-failed', 'no-diagnostics', 'hang', 'no-build', 'init-died', 'out-of-memory', 'out-of-files', 'fetch-failed', 'signalled', 'stopped', 'setting-refused'] as const;
export const SymptomKindSchema = z.enum(SYMPTOM_KINDS);
export type SymptomKind = z.infer<typeof SymptomKindSchema>;

/**
 * What a finding is about when it is not its class's own story: a tool built with an older Go or a
 * setting with no effect is filed under gopls-launch (the class whose probe found it) although
 * gopls starts fine. When every finding a cause leads with carries one, the cause is titled by it
 * (src/doctor/heading.ts) instead of by its class, so the heading says what was found.
 */
export const HEADLINE_IDS = ['stale-tools', 'ineffective-settings', 'tool-install', 'unnamed-log-errors', 'inotify-instances', 'named-mechanism', 'resembles-reports', 'packages-driver', 'unwatched-mount', 'toolchain-setting', 'module-downloads', 'sum-mismatch', 'modules-not-downloaded', 'cgo-build', 'go-environment', 'watches-short', 'inotify-queue', 'watch-descriptors', 'remote-workspace', 'login-shell-value', 'go-rejects-setting', 'symlinked-path', 'module-file-syntax'] as const;
export const HeadlineIdSchema = z.enum(HEADLINE_IDS);
export type HeadlineId = z.infer<typeof HeadlineIdSchema>;

/** Where a fact was read and what exactly was read there. */
export const EvidenceSchema = z.object({
  /** A file path, a command line (`go env -json`), or a log file with a line number. */
  source: z.string(),
  excerpt: z.string(),
  line: z.number().int().nonnegative().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const fixBase = {
  /** Stable within one report; the webview sends it back to ask for this fix. */
  id: z.string().min(1),
  title: z.string(),
  /** One sentence on what the fix changes, shown beside the button and printed by the CLI. */
  detail: z.string().optional(),
  /**
   * The step changes nothing: it shows the state a finding speaks of (a kernel log's denials, the
   * Go directories' owners) or documentation about it. Offered after every step that does change
   * something (rank.ts).
   */
  check: z.literal(true).optional(),
};

/** A fix is data: the extension executes it, the CLI prints it as an instruction. */
export const FixSchema = z.discriminatedUnion('kind', [
  /** Runs a VS Code command (e.g. `go.languageserver.restart`). */
  z.object({ ...fixBase, kind: z.literal('command'), command: z.string(), args: z.array(z.unknown()).optional() }),
  /** Writes a setting, after showing what and where. */
  z.object({
    ...fixBase,
    kind: z.literal('setting'),
    key: z.string(),
    value: z.unknown(),
    target: z.enum(['user', 'workspace']),
    /** Merge into an object-valued setting instead of replacing it (go.toolsEnvVars, files.watcherExclude). */
    merge: z.boolean().optional(),
    /** More settings the same button writes, after key/value (go.testEnvVars beside go.toolsEnvVars). */
    extraWrites: z.array(z.object({ key: z.string(), value: z.unknown(), merge: z.boolean().optional() })).optional(),
    /** Directories created (mode 0700) before anything is written, because the setting names them. */
    createDirs: z.array(z.string()).optional(),
  }),
  /** Typed into a terminal and never executed for the user: they press Enter. */
  z.object({ ...fixBase, kind: z.literal('terminal'), text: z.string(), needsRoot: z.boolean(), cwd: z.string().optional() }),
  z.object({ ...fixBase, kind: z.literal('link'), url: z.string() }),
  /**
   * Opens a file of the user's in the editor at a line (go's "go.mod:5: unknown directive"): the
   * mistake is a word only the user can correct. Changes nothing by itself.
   */
  z.object({ ...fixBase, kind: z.literal('openFile'), path: z.string(), line: z.number().int().positive().optional(), column: z.number().int().positive().optional() }),
  /** Deletes gopls's cache directory after confirmation; the path is re-derived and checked when applied. */
  z.object({ ...fixBase, kind: z.literal('clearGoplsCache'), path: z.string() }),
]);
export type Fix = z.infer<typeof FixSchema>;
export type FixKind = Fix['kind'];

export const FindingSchema = z.object({
  classId: ClassIdSchema,
  severity: SeveritySchema,
  /** How sure the probe is that this finding is real and is a cause (0..1). */
  confidence: z.number().min(0).max(1),
  message: z.string(),
  evidence: z.array(EvidenceSchema),
  /** Lines that said it beyond those kept in `evidence` (a log repeating one failure hundreds of times). */
  moreEvidence: z.number().int().positive().optional(),
  fixes: z.array(FixSchema).default([]),
  /** Classes whose symptoms this finding explains (PATH missing gopls explains a failed launch). */
  explains: z.array(ClassIdSchema).optional(),
  /**
   * Only these kinds of those classes' symptoms: a settings file's JSON error explains gopls's
   * refusal of a key the misparse handed it, not gopls dying (src/doctor/explain.ts).
   */
  explainsKinds: z.array(SymptomKindSchema).optional(),
  /** Observed symptom or explaining cause; absent = cause. */
  role: RoleSchema.optional(),
  /** For a symptom: what kind, so the ranking knows which causes explain it. */
  symptom: SymptomKindSchema.optional(),
  /** Set by the ranking on a symptom: the classes of the causes found in this run that explain it. */
  explainedBy: z.array(ClassIdSchema).optional(),
  /** Set by the ranking on a symptom nothing found explains: the checks that would, and what became of each. */
  unexplained: z
    .object({
      checks: z.array(
        z.object({
          check: z.string(),
          probe: z.string().optional(),
          /** found-nothing: the probe ran and found no such cause; not-checkable: nothing the doctor can read shows it. */
          result: z.enum(['found-nothing', 'not-run', 'skipped', 'timeout', 'crashed', 'not-checkable']).optional(),
        }),
      ),
    })
    .optional(),
  /** Not its class's core story (a stale tool, a setting with no effect): the cause is titled by it when all its leading findings carry one. */
  headline: HeadlineIdSchema.optional(),
  /**
   * The cause's title in the finding's own words (go's: 'go refuses GO111MODULE=maybe: "go: unknown
   * environment setting GO111MODULE=maybe"'), in place of its headline's fixed title when the cause
   * is titled by that headline alone.
   */
  headlineText: z.string().optional(),
  /** Evidence no rule classifies (error lines, another program's crash): always shown, never a cause of its own. */
  unclassified: z.boolean().optional(),
  /**
   * Read from a cumulative record (a counter since the cgroup was made): it says what happened at
   * some time, not during this run, so it supports its cause but does not by itself explain a crash seen now.
   */
  pastEvents: z.boolean().optional(),
  /** Set by the pipeline: which probe produced it. */
  probeId: z.string().optional(),
  /**
   * Fix ids this finding measured to be of no use here, dropped from its cause whoever offers them:
   * a log's "no space left on device" offers go clean -cache on any machine, and the live probe that
   * found the build cache empty on a file system full of other files withholds it.
   */
  withholds: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
/** What probes construct; the schema fills the defaults. */
export type FindingInput = z.input<typeof FindingSchema>;

export const CauseSchema = z.object({
  id: ClassIdSchema,
  score: z.number().min(0).max(1),
  severity: SeveritySchema,
  title: z.string(),
  /** Plain language: what is happening and why the editor shows what it shows. */
  explanation: z.string(),
  /** Set when title and explanation come from these findings' headlines, not from the class (src/doctor/heading.ts). */
  headlines: z.array(HeadlineIdSchema).optional(),
  findings: z.array(FindingSchema).min(1),
  fixes: z.array(FixSchema),
});
export type Cause = z.infer<typeof CauseSchema>;

export const ProbeRecordSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: ProbeStatusSchema,
  durationMs: z.number().nonnegative(),
  /** Why it was skipped, timed out or crashed. */
  reason: z.string().optional(),
  classes: z.array(ClassIdSchema),
  /** The values read, so "ok" still says what was looked at. */
  observed: z.record(z.unknown()).default({}),
  findingCount: z.number().int().nonnegative(),
  /**
   * A slower proof the probe keeps running after its verdict (gopls's type-check of one file):
   * `pending` in the report shown first, then what became of it once it settled.
   */
  followUp: z
    .object({
      title: z.string(),
      status: z.enum(['pending', 'done', 'timeout', 'crashed']),
      /** From the probe's start to the follow-up settling. */
      durationMs: z.number().nonnegative().optional(),
      reason: z.string().optional(),
    })
    .optional(),
});
export type ProbeRecord = z.infer<typeof ProbeRecordSchema>;

/** A gopls crash the editor saw before this run (the extension's crash watcher), as the log intelligence explained it. */
export const CrashSchema = z.object({
  /** When it was seen dead (ISO time). */
  at: z.string(),
  /** panic, oom-kill, signal, crash-loop … or none (no log says why). */
  kind: z.string(),
  /** One sentence for a person. */
  summary: z.string(),
  evidence: z.array(EvidenceSchema),
  /** Causes of this report that explain the crash; empty when none does. */
  explainedBy: z.array(z.object({ id: ClassIdSchema, title: z.string() })),
  /** One sentence: what the crash is put down to, or that nothing found explains it and what would. */
  attribution: z.string().optional(),
});
export type Crash = z.infer<typeof CrashSchema>;

/**
 * One Go tool the Go extension runs (issue 10 item 7): where the extension's lookup order finds it,
 * and what `go version -m` says built it. Absent fields were not found or not readable.
 */
export const ToolSchema = z.object({
  name: z.string(),
  /** The package `go install` builds (vscode-go's goToolsInformation importPath). */
  importPath: z.string(),
  found: z.boolean(),
  path: z.string().optional(),
  /** Which lookup step found it: go.alternateTools, go.toolsGopath, GOBIN, GOPATH/bin, GOROOT/bin, PATH. */
  source: z.string().optional(),
  /** Its main module's version (v0.23.0, or (devel) for a source build). */
  version: z.string().optional(),
  /** The Go it was built with: go1.26.8. */
  goVersion: z.string().optional(),
  /** The main package and module the build info names (may differ from importPath: a fork, a stand-in). */
  packagePath: z.string().optional(),
  modulePath: z.string().optional(),
  /** Why the build info could not be read. */
  error: z.string().optional(),
  /** Built with a Go older (by minor release) than the go in use. */
  stale: z.boolean().optional(),
});
export type Tool = z.infer<typeof ToolSchema>;

export const ReportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('go-env-doctor'), version: z.string() }),
  generatedAt: z.string(),
  durationMs: z.number().nonnegative(),
  /** From the start to the verdict: every probe's first outcome in, follow-ups maybe pending. */
  verdictMs: z.number().nonnegative().optional(),
  host: z.object({
    platform: z.string(),
    release: z.string(),
    arch: z.string(),
    hostname: z.string().optional(),
    root: z.string(),
    uid: z.number().int().optional(),
  }),
  workspaces: z.array(z.string()),
  goplsLogs: z.array(z.string()),
  /** Only classes with evidence, best answer first. */
  causes: z.array(CauseSchema),
  probes: z.array(ProbeRecordSchema),
  /** True when the overall deadline or a cancellation cut the run short. */
  incomplete: z.boolean().default(false),
  /** Set by the editor when this run followed a gopls crash. */
  crash: CrashSchema.optional(),
  /** The Go tools the Go extension uses, in its lookup order (the go-tools probe). */
  tools: z.array(ToolSchema).optional(),
  /** `go env -changed`: the Go settings that differ from their defaults, by name (redacted like the rest). */
  goEnvChanged: z.record(z.string()).optional(),
});

/** Report sections a probe may fill besides its findings; the pipeline merges them into the report. */
export type ReportSections = Partial<Pick<Report, 'tools' | 'goEnvChanged'>>;
export type Report = z.infer<typeof ReportSchema>;

export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
