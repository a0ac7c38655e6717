// The streaming reader of gopls logs: fed Buffers in any split, it walks the lines once, keeps a
// bounded summary (latencies, error replies, server starts, crashes, go failures) and the
// classified events, and never holds more than one line (capped) of the file.
//
// Speed: a chunk is decoded once as latin1 (one char per byte, so offsets are byte offsets and
// decoding cannot fail), lines are found with indexOf, and only lines that can carry gopls's
// own words are screened in one pass for every needle (needleSet.ts). Bodies the editor sent (didOpen carries the user's
// source) and results (hover text quotes it) are skipped: a program that prints "permission
// denied" must not look like a permission problem.
import stripAnsi from 'strip-ansi';
import type { ClassId, Severity } from '../doctor/model.js';
import { inEnglish } from './localized.js';
import { NONBLOCKING_IO_EAGAIN } from './rules/processes.js';
import { INSTALLING_FAILED } from './rules/launch.js';
import { ECHO_LINES, echoes, eventCore } from './echoedEvents.js';
import { MAY_BE_PASTED_CHARS, NOT_AFTER, notAfterWords, prescreenBytes, RULES, ruleById, ruleSilenced, screenAndMatch, screenPrinted, type Rule, type RuleId } from './rules.js';
import { CaselessWords } from './lineWords.js';
import { ExecListing } from './execListing.js';
import { GoEnvListing, LISTING_WORDS } from './goEnvListing.js';
import { namesGoLanguageServer, saysBuildFailed, saysProcessFailed } from './goplsNamed.js';
import { mechanismOf } from './mechanisms.js';
import { unwrapMessage } from './wrapped.js';
import { mayBeNeovimLogLine, parseNeovimStderr, type RelayedStderr } from './neovimLog.js';
import { mayBeHelixLine, parseHelixErrorReply, parseHelixStderr, type HelixErrorReply } from './helixLog.js';
import { addWords } from './resemblance/words.js';
import { isStepFailure } from './resemblance/boilerplate.js';
import { inVocabulary } from './resemblance/classify.js';
import { BoundedCounts, MAX_KEYS, OTHER } from './boundedCounts.js';
import { countLoad, packagesOfLoadRecord, type PackageLoads } from '../lsp/packagesLoad.js';
import {
  parseClientLogLine,
  parseEditorLogLine,
  parseErrorReply,
  parseGoFailure,
  parseGoplsEventLine,
  parseStackLine,
  parseTraceHeader,
  traceHeaderSpanAt,
  transportPrefixLength,
  newTraceHeaderSpan,
  sanitizeMessage,
  sanitizeStackLine,
  timeOfDayMs,
  timeOfDayMsAt,
  unescapeJsonFragment,
  isEventAttribute,
  type StackLine,
  type TraceHeader,
} from './lines.js';

/** Lines longer than this are cut into pieces of this size (a 300 MB Result line is one JSON). */
export const MAX_LINE_BYTES = 1024 * 1024;
const EXCERPT_CHARS = 400;
/** Each rule's lines kept as evidence (400 characters each at most): what --verbose can show (probes/goplsLogs.ts EVIDENCE_KEPT). */
const MAX_EVENTS_PER_RULE = 50;
const UNPROVIDED_IMPORT = 'no required module provides package';
/** gopls's view environment's GOROOT (cache/view.go's env listing: "GOROOT:/usr/local/go GoVersion:26"). */
const VIEW_GOROOT = /^ GOROOT:(\/[^\s"\\}]*) GoVersion:/;
const MAX_VIEW_GOROOTS = 4;
/** Where a load record's "packages=N" can be: a continuation line's start, a trace line's end (before "\tduration=…\n\"}"). */
const LOAD_HEAD = 20;
const LOAD_TAIL = 96;
const loadFieldOf = (w: string): number | undefined => (w.includes('packages=') ? packagesOfLoadRecord(w) : undefined);
/** A rule's events looked back at for a copy of this one (echoOfRecent). */
const RECENT_EVENTS = 4;
const MAX_STACK_LINES = 60;
const MAX_SAMPLES_PER_METHOD = 20_000;
const MAX_PENDING = 20_000;
const MAX_CRASHES = 20;
const MAX_GO_FAILURES = 50;
const MAX_ERROR_MESSAGES = 5;
/** Longer error messages are not remembered as a method's last (noteError). */
const MAX_REMEMBERED_ERROR = 1000;
const MAX_INTERNED = 2000;
const INTERN_SLOTS = 64;
const MAX_STARTS_KEPT = 200;
const SLOWEST = 10;
/** Error-level lines and crashes no rule names, kept as evidence (the count goes on past this). */
export const MAX_UNCLASSIFIED = 20;
/** Failure lines no rule names that name a mechanism (mechanisms.ts), kept per class. */
export const MAX_MECHANISM_LINES = 5;
/** A "no space left" or "too many open files" this many lines after a watcher's words is the watcher's. */
const WATCH_CONTEXT_LINES = 3;
/** A "permission denied" this many lines after an exec's words (a traceback's frames) is the exec's. */
const EXEC_CONTEXT_LINES = 3;
/**
 * A container runtime invoked this many lines before a refusal still frames it (lane mac2): a
 * pasted session runs the container once, then shows what failed inside it, often a screenful on.
 */
const CONTAINER_CONTEXT_LINES = 200;
/**
 * The target of a host bind mount on a container runtime's command line: `-v SRC:DST[:opts]`,
 * `--volume=SRC:DST`, `--mount type=bind,source=SRC,target=DST`. SRC must be a host path (absolute,
 * relative, ~ or a shell expansion such as $(pwd) or ${PWD}), not a named volume.
 */
const BIND_MOUNT_TARGETS = /(?:^|\s)(?:-v|--volume)[= ]["']?(?:[/.~]|\$\{?\(?\w*\)?\}?)[^\s:"']*["']?:["']?(\/[^\s:"']*)|--mount[= ]["']?(?=[^\s"']*\btype=bind\b)[^\s"']*\b(?:target|destination|dst)=(\/[^\s,"']*)/g;
/** At most this many bind targets are remembered (a command line has a few). */
const MAX_BIND_TARGETS = 16;
/**
 * The resemblance model (resemblance/classify.ts) speaks only where trouble is told. A text this
 * short (a paste, an excerpt, a brief log) is all about it, so all its plain lines no rule named are
 * read, if one of them tells of trouble (tellsOfTrouble); a text with none gives no words at all
 * (`gopls version`'s output names gopls and its module, and nothing failed). In a longer log only
 * the lines around its failing lines (an error word, a named mechanism, gopls failing) are read,
 * RESEMBLANCE_WINDOW either side, so a healthy day of gopls's chatter does not speak.
 */
export const SHORT_TEXT_LINES = 200;
const RESEMBLANCE_WINDOW = 5;
/** Failing lines whose neighbourhoods are read, at most. */
const MAX_RESEMBLANCE_WINDOWS = 50;
/** Lines of a short text kept as the hint's evidence candidates (the finding quotes those with its words). */
const MAX_RESEMBLANCE_LINES = 20;
/** Longer lines are records (JSON bodies), not a program's message: not read for context or as error lines. */
const MAX_MESSAGE_CHARS = 4096;
/**
 * A line that may go on on the next one: as long as a wrapped line (a terminal's or a mail's
 * width, or a reporter breaking a long message), not ending a sentence.
 */
const GOES_ON = /^.{40,}[^.!?\s]\s*$/;
const isBlank = (c: number) => c === 0x20 || c === 0x09;
/** Where a line ends without the spaces and tabs at its end (the rare case, kept out of onLine). */
function trimmedEnd(s: string, start: number, end: number): number {
  while (end > start && isBlank(s.charCodeAt(end - 1))) end--;
  return end;
}
/** A line that carries on a sentence: it starts in lower case (after indentation). */
const CONTINUES = /^\s*[a-z]/;
/**
 * A terminal's widths: a line exactly this long, copied from a console that breaks lines where its
 * window ends (Windows' conhost, GNU screen, a serial console), was cut wherever the width fell,
 * inside a word too, so it goes on into the next line as it stands, with nothing between them.
 */
const TERMINAL_WIDTHS = new Set([80, 100, 120, 132, 160]);
/**
 * A window/logMessage (or showMessage) record's Params of type 1, MessageType.Error in the LSP
 * specification, as vscode-languageclient's trace prints them: `Params: {"type":1,"message":"…"}`.
 * The message is what gopls logged as an error (its event.Error); types 2–4 are warnings, info
 * and log lines, gopls's healthy chatter.
 */
const ERROR_MESSAGE_PARAMS = /^Params: \{"type":\s*1\s*,\s*"message":\s*"((?:[^"\\]|\\.)*)"/;
/** A Params line is read this far for its message (a megabyte of stderr needs no more). */
const MAX_ERROR_MESSAGE_SCAN = 64 * 1024;
/** Lines of one error message read for words. */
const MAX_ERROR_MESSAGE_LINES = 40;
/** The farthest a kill reaches back to withdraw an earlier reading (Rule.withdrawnByKill). */
const WITHDRAW_REACH = Math.max(0, ...RULES.map((r) => r.withdrawnByKill ?? 0));
/** The farthest a huge allocation reaches back (Rule.withdrawnByHugeAllocation). */
const HUGE_ALLOCATION_REACH = Math.max(0, ...RULES.map((r) => r.withdrawnByHugeAllocation ?? 0));
/** 64 GiB: no Go tool asks for one object this large; a program that does read a length from bad input. */
const HUGE_ALLOCATION_BYTES = 2 ** 36;
/**
 * Where the runtime says how much one allocation asked for: mallocgc's size (its first argument
 * in a traceback), sysAlloc's, sysMap's and sysMapOS's length (after the address), and
 * "runtime: out of memory: cannot allocate N-byte block" (runtime/mheap.go). Arguments are hex
 * in tracebacks, with a "?" when the value may be stale (Go 1.18+).
 */
const ALLOCATION_SIZE = /\bruntime\.(?:mallocgc|\(\*mheap\)\.sysAlloc|sysAlloc)\((0x[0-9a-f]+)\??[,)]|\bruntime\.sysMap(?:OS)?\(0x[0-9a-f]+\??, (0x[0-9a-f]+)\??[,)]|\bcannot allocate (\d+)-byte block\b/;

/** The size a line says one allocation asked for, in bytes, or undefined. Pure. */
export function allocationSize(line: string): number | undefined {
  const m = ALLOCATION_SIZE.exec(line);
  if (!m) return undefined;
  const hex = m[1] ?? m[2];
  const n = hex ? parseInt(hex, 16) : Number(m[3]);
  return Number.isFinite(n) ? n : undefined;
}
/** A crash within this many lines after gopls is named was written by gopls ("gopls exited due to…"). */
const GOPLS_CONTEXT_LINES = 3;

export interface LogEvent {
  ruleId: RuleId;
  classId: ClassId;
  severity: Severity;
  /** 1-based line number in the file. */
  line: number;
  /** The line (or, for a long line, the part around the match), as UTF-8, capped. */
  text: string;
  /** The editor channel's date and time on the line ("2026-12-06 04:01:15.513"): a rolled copy's same line has the same (rolledCopies.ts). */
  stamp?: string;
}

export interface MethodLatency {
  method: string;
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export interface SlowRequest {
  method: string;
  id: string;
  ms: number;
  line: number;
}

export interface ErrorReplies {
  method: string;
  count: number;
  /** The first few distinct messages, with the line of the first. */
  messages: Array<{ message: string; line: number }>;
}

export interface CrashRecord {
  kind: 'panic' | 'fatal' | 'signal';
  line: number;
  /** "runtime error: invalid memory address…", "runtime: out of memory", "SIGABRT: abort". */
  message: string;
  /** Sanitized: arguments dropped, paths cut to base names. */
  stack: string[];
  /** Lines of the dump that were consumed (the stored stack is capped). */
  dumpLines: number;
  /**
   * Whose crash it is. `gopls`: a frame is gopls's (golang.org/x/tools/gopls/…, …/internal/…) or
   * the log names gopls right there; `other`: the stack shows another program's code (main.main,
   * its packages) and none of gopls's; `unknown`: only runtime frames, or none.
   */
  owner: 'gopls' | 'other' | 'unknown';
  /**
   * The gopls release its frames were built from, where a file path names it
   * (".../golang.org/x/tools/gopls@v0.11.0/internal/…"): the sanitized stack keeps base names only,
   * and a crash of an old gopls must not be reported as one of the gopls installed now.
   */
  goplsVersion?: string;
}

/** gopls's module in a frame's file path, with its version (a module-cache build). */
const GOPLS_VERSION_IN_PATH = /golang\.org\/x\/tools\/gopls@(v\d+\.\d+\.\d+[\w.+-]*)\//;
function noteVersion(rec: CrashRecord, s: StackLine): void {
  if (rec.goplsVersion || s.kind !== 'frame-file') return;
  const m = GOPLS_VERSION_IN_PATH.exec(s.file);
  if (m) rec.goplsVersion = m[1]!;
}

/** An error-level line, or a crash, that no rule classifies: shown as such, never dropped. */
export interface UnclassifiedLine {
  line: number;
  text: string;
}

/** A failure line no rule classifies that names a mechanism of exactly one class (mechanisms.ts). */
export interface MechanismLine {
  classId: ClassId;
  line: number;
  text: string;
  /** The mechanisms' names, as the finding says them ("SELinux"). */
  names: string[];
  /** The words of the line that named them. */
  words: string[];
}

export interface GoFailureRecord {
  line: number;
  status: string;
  stderr: string;
}

export interface ServerStart {
  line: number;
  /** As written in the log. */
  time?: string;
  /** Milliseconds since midnight, kept increasing across midnight within one file. */
  dayMs?: number;
  /**
   * The session before this start was ended by the editor (it sent `shutdown` or `exit`): a
   * restart, a reload or a closed window, not a death. Absent for the first start and after a
   * session that just stops.
   */
  afterCleanEnd?: boolean;
}

export interface LogSummary {
  bytes: number;
  lines: number;
  /** Lines no reader recognised; counted, never fatal. */
  unknownLines: number;
  /** Which writers' shapes were seen, by lines. */
  shapes: { traceRecords: number; goplsErrorRecords: number; clientLog: number; editorLog: number; goplsEvents: number; crashLines: number };
  requestsSent: Record<string, number>;
  requestsReceived: Record<string, number>;
  notificationsSent: Record<string, number>;
  notificationsReceived: Record<string, number>;
  latencies: MethodLatency[];
  slowest: SlowRequest[];
  errorReplies: ErrorReplies[];
  /** initialize requests: each is a (re)start of the server (the last 200 kept). */
  serverStarts: ServerStart[];
  serverStartCount: number;
  crashes: CrashRecord[];
  goFailures: GoFailureRecord[];
  /** Events kept for evidence (capped per rule); eventCounts has the full counts. */
  events: LogEvent[];
  eventCounts: Partial<Record<RuleId, number>>;
  /** Lines of published diagnostics saying "no required module provides package" (the first MAX_EVENTS_PER_RULE): no finding of their own. */
  unprovidedImports: UnclassifiedLine[];
  /**
   * The GOROOTs gopls's "Created View" lines say its go runs from ("env={… GOROOT:/usr/local/go …}"),
   * the first few: a "package P is not in std (DIR)" under one of them is no other installation's.
   */
  viewGoroots?: string[];
  /**
   * gopls's go/packages.Load records ("\tpackages=N"): how many returned packages and how many none
   * (lsp/packagesLoad.ts). Absent when the log has none.
   */
  packageLoads?: PackageLoads;
  /** The file ended without a final newline (a log being written, or cut off): fine, noted. */
  endedMidLine: boolean;
  /** Requests that never got an answer (in flight when the log ended, or lost in a crash). */
  unanswered: number;
  /** The first MAX_UNCLASSIFIED error-level lines and foreign or unowned crashes no rule named. */
  unclassified: UnclassifiedLine[];
  unclassifiedCount: number;
  /** Failure lines no rule names that name one class's mechanism: the first few per class. */
  mechanisms: MechanismLine[];
  /** How many such lines per class (past the kept ones too). */
  mechanismCounts: Partial<Record<ClassId, number>>;
  /** Failure lines no rule names whose subject is gopls (goplsNamed.ts): the first few. */
  goplsFailures: UnclassifiedLine[];
  goplsFailureCount: number;
  /**
   * The words (in the resemblance model's vocabulary) of the plain lines no rule named: all of them
   * in a text of at most SHORT_TEXT_LINES lines that tells of trouble (none in one that does not),
   * else those around failing lines only.
   */
  resemblanceWords: string[];
  /** In a short text, the first lines no rule named that have such words (the hint's evidence is chosen from them); none in a long log, whose evidence is its failure lines. */
  resemblanceLines: UnclassifiedLine[];
  /** gopls's own shapes were seen (LSP records, gopls events, its error replies): the file is gopls's log. */
  isGoplsLog: boolean;
  /**
   * The last LSP session a trace shows (from its last initialize): whether the editor ended it, and
   * its last record, which is where a session that just stops (gopls killed) stops. Absent without
   * an initialize (a -logfile without -rpc.trace writes no session's shape).
   */
  lastSession?: LastSession;
}

export interface LastSession {
  /** The line of its initialize. */
  startLine: number;
  /** The editor sent shutdown or exit after it. */
  endedByEditor: boolean;
  /** The last LSP record's header line, its line number and its time of day (ServerStart.dayMs). */
  lastRecordLine: number;
  lastRecordText: string;
  lastRecordDayMs?: number;
}

/** What the lines after a record header are: not in a record, skipped, screened, event attributes. */
type Body = 'none' | 'skip' | 'scan' | 'event';

interface Pending {
  method: string;
  line: number;
  dayMs?: number;
}

/** A crash's first line indented by more spaces than this is not a dump's start but part of something else. */
const MAX_CRASH_INDENT = 8;

/** The spaces a Markdown code block (or a list item's) put before a line, up to MAX_CRASH_INDENT. */
function leadingSpaces(line: string): number {
  let n = 0;
  while (n < MAX_CRASH_INDENT && line.charCodeAt(n) === 0x20) n++;
  return n;
}

/**
 * A line of an indented dump without the dump's indent; a file line whose tab the paste turned into
 * spaces ("        /src/x.go:12 +0x5") gets its tab back, as parseStackLine reads file lines by it.
 */
function unindented(line: string, indent: number): string {
  let i = 0;
  while (i < indent && line.charCodeAt(i) === 0x20) i++;
  if (i === line.length) return '';
  if (i < indent) return line;
  let rest = line.slice(i);
  if (rest.charCodeAt(0) === 0x20) {
    const t = rest.trimStart();
    if (/^(?:\S*\.(?:go|s|c)|<autogenerated>):\d+(?:\s|$)/.test(t)) rest = `\t${t}`;
  }
  return rest;
}

interface CrashCapture {
  rec: CrashRecord;
  blanks: number;
  /** Over the whole dump, not only the kept lines. */
  goplsFrames: boolean;
  otherFrames: boolean;
  toolFrames: boolean;
  /** The spaces the crash's first line was indented by (a Markdown code block's four), peeled from the lines after it. */
  indent: number;
}

// The frames that make a crash gopls's, and the ones that make it some other program's: anything
// outside the standard library (main.*, a module path) that is not gopls's own code.
const GOPLS_FRAME = /^golang\.org\/x\/tools\/(?:gopls|internal)\//;
/**
 * The Go type checker and parser (go/types, go/ast, go/parser…) and x/tools's packages gopls is
 * built from (go/packages, go/analysis, go/ssa, refactor, imports): code a language tool runs, not
 * a user's program. A dump with these frames and no other program's (main.*, another module: a
 * linter's or vet's driver) is a Go tool's crash, and in an editor's log that tool is gopls: its
 * crash reports often stop inside go/types before reaching gopls's own frames.
 */
const TOOL_FRAME = /^(?:go\/(?:types|ast|parser|scanner|token|constant|printer|format|doc|build)|golang\.org\/x\/tools\/(?:go|refactor|imports))[./]/;
const STD_FRAME = /^(?:runtime|internal|sync|syscall|reflect|os|io|net|fmt|time|errors|context|strings|bytes|sort|encoding|unicode|math|strconv|bufio|path|testing|log|go|crypto|container|hash|text|mime|compress|archive|debug|regexp|html|image|plugin|embed|maps|slices|iter|unique|weak|structs|cmp|expvar|flag|index)(?:[./]|$)/;

/**
 * Words of a file watcher (node's fs.watch, fsnotify, inotify users), gopls being named, and a
 * program being executed (a Python traceback through subprocess's _execute_child, an exec call).
 */
export const CONTEXT_WORDS = /(watch|inotify|fsnotify|notify-rs)|(gopls)|(_execute_child|child_exception_type|\bos\.exec\w*|\bexecv\w*\(|\bsubprocess\.(?:run|call|Popen|check_\w+)\(|(?:could not|failed to|unable to) (?:execute|exec|spawn)\b)/i;

/** A plain-word screen before goplsNamed.ts's stricter test of the name. */
export const MAY_NAME_GOPLS = /gopls|langserver|language-server/i;

/**
 * gopls's trace of a go command it runs (verboseOutput, x/tools internal/gocommand: "starting
 * GOROOT=… GOPATH=… GO111MODULE=… go list -e -json=Name,…,Error,… " and "15.8ms for GOROOT=…"):
 * a command line, whose "Error" is a field name of -json=, not a failure (a tester's healthy log
 * listed two as error lines).
 */
const GO_INVOCATION_TRACE = /(?:\bstarting|\d(?:[\d.]*)(?:ns|µs|ms|s|m) for) GOROOT=\S* GOPATH=/;

/**
 * gopls's jsonrpc2 AsyncHandler (x/tools internal/jsonrpc2 handler.go) logs "jsonrpc2 async message
 * delivery failed" when a queued request's reply cannot be written. With the connection's end as the
 * error (EOF, a closed or broken pipe, a closed socket) the client had already gone: a session the
 * client ended with shutdown/exit can leave one as its last record (fault 37a's control, on CI), and
 * it is no failure of gopls or of the environment.
 */
const CLIENT_GONE = /jsonrpc2 async message delivery failed: (?:EOF|io: read\/write on closed pipe|write [^:]*: (?:broken pipe|file already closed)|.*use of closed network connection)/;

/** A line that starts at a Go source position ("./main.go:12:2: ", "pkg/x.go:31: "): a diagnostic about code. */
const SOURCE_DIAGNOSTIC = /^\s*(?:[A-Za-z]:)?[^\s:]{0,300}\.go:\d+(?::\d+)?: /;

/**
 * An error-level line: what a program writes when something failed. Case-insensitive words; the
 * last ones are strsignal(3)'s names of fatal signals as shells print them ("Bad system call" is
 * SIGSYS, "Illegal instruction" SIGILL).
 * Not ext2/3/4's mount option errors=continue|remount-ro|panic (mount(8), "FILESYSTEM-SPECIFIC
 * MOUNT OPTIONS"; ext4's default policy shows in every findmnt, mount and /etc/fstab line of the
 * root file system): it says what the kernel would do on an error, not that one happened.
 */
export const ERRORISH = /\b(?:error|errors(?!=(?:continue|remount-ro|panic)\b)|fatal|failed|failure|panic|denied|refused|cannot|can't|couldn't|could not|unable|killed|not permitted|not found|segmentation fault|aborted|bad system call|illegal instruction)\b/i;

/**
 * On a line the rules screened but did not classify, words that say something failed beyond
 * ERRORISH's: the errno names and their texts a refusal or a limit is reported with.
 */
const FAILURE_WORDS = /\b(?:E(?:PERM|ACCES|NOSPC|MFILE|NFILE|AGAIN|NOMEM|ROFS|DQUOT|STALE|NOLCK|NOEXEC)\b|[Pp]ermission denied|[Oo]peration not permitted|[Rr]esource temporarily unavailable|[Nn]o space left|[Tt]oo many open files|exceed(?:ed|s)|exhausted|limit (?:reached|hit)|reached (?:the |its |a )?limit|\blimit\b[^\n]{0,60}?\breached\b|violation|blocked)/;

/**
 * Words of trouble short of a failure: a warning, something missing, invalid, unsupported, too old
 * or outside where it should be ("gopls was not able to find modules", "No packages found for open
 * file", "outside modules listed in go.work": module trouble is often told without a failure word).
 * Also a state that is trouble by itself (a read-only file system, out of memory, the OOM killer's
 * and Kubernetes' OOMKilled, running out, terminated, a trap, a non-zero exit or exit value), a
 * requirement or rule unmet ("requires a module", "should not", "is not in GOROOT", "inconsistent
 * vendoring", "too many", "is preventing"), and ERRORISH's verbs in their other forms (fails,
 * failing, kills, refusing). Measured on the tuning half only: leave-family-out with per-fold word
 * models, form (b), 240 → 248 of 452 positives, tuning negatives with any warning 13 → 14 of 92.
 * Then what is needed, unexpected, ambiguous, conflicting, wrong or absent ("updates to go.mod
 * needed", "module declares its path as: … but was required as: …", "no file information for
 * file", "no such package", gopls's "(valid build configuration = false)"): module trouble told
 * with no failure word at all, which left the word model nothing to read. Leave-family-out, form
 * (b): module-resolution's silenced texts 55 → 62 of 92 found, no other class lower, one more
 * negative with a warning first only while module-resolution's rules are silenced; with every rule
 * on no tuning text's first class changed. "must" was tried and left out: compile errors say it
 * ("//go:linkname must refer to declared function"), and a negative got a hint. Then a limit
 * that "has been reached", a fork "rejected by pids controller", an "Unhandled exception" (with
 * the errno texts now read on timestamped lines too): file-watch 46 → 50 and process-limit
 * 64 → 68 of their silenced texts, negatives and the all-rules reading unchanged. Then "not
 * part of" (a module) and a limit "… reached" further along the line (FAILURE_WORDS): +1 each for
 * module-resolution and file-watch. Then cmd/go's requirements unmet in its own words: "build flag
 * -mod=vendor only valid when using modules" (cmd/go/internal/modload/init.go, also "-modfile only
 * valid"), and `go install pkg@version`'s "The go.mod file for the module providing named packages
 * contains one or more replace directives. It must not contain directives that would cause it to be
 * interpreted differently…" (cmd/go/internal/load/pkg.go): module-resolution's silenced texts
 * 57 → 60 of 99 found (2026-12-02, 960 tuning texts), no other class's, no negative's and no
 * all-rules reading changed. Tried beside them and left out: "deprecated" (cmd/go's "installing
 * executables with 'go get' in module mode is deprecated" is a gopls install failing, and the
 * model read its module words: a right class lost to module-resolution), "must be" (compile
 * errors say it: "first argument to append must be slice"), and ENOSYS's "not implemented",
 * ECONNRESET's "connection reset", a non-zero "failcnt", "warn" and "retry", which let texts be
 * read but named none more.
 */
const TROUBLE_WORDS = /\b(?:warning|not able|neither|no (?:packages|module|required module|go files|views?)|outside|not (?:included|supported|allowed)|missing|invalid|mismatch|does not match|unsupported|too (?:old|new|many)|read-only|out of memory|oom\w*|running out|terminated|trap|non-zero|exit value|requires?|should not|is not in|inconsistent|prevent(?:s|ing|ed)|fail(?:s|ing)|kill(?:s|ing)?|refusing|needed|unexpected(?:ly)?|does not|doesn't|no such|no file|ambiguous|conflict(?:s|ing)?|incorrect|wrong|configuration = false|but was required|rejected|exception|(?:has|have) been (?:reached|exceeded)|not part of|must not|only valid)\b/i;

/**
 * Rules that name a line without saying why, whose line's words the model still reads: a crash's
 * first line, and a refusal that does not say which layer refused (a bare "permission denied", a
 * Go program's refused open).
 */
const WORDS_READ_FROM: ReadonlySet<RuleId> = new Set<RuleId>(['panic', 'fatal-error', 'permission-denied', 'go-file-refused']);

/**
 * A counter at zero ("oom_kill 0", "failcnt: 0", "max=0"), as memory.events, pids.events and a
 * cgroup v1 listing print them: its name may be a word of trouble (oom), but nothing happened.
 */
const COUNTER_AT_ZERO = /^\s*[\w.]+\s*[:=]?\s*0\s*$/;
/**
 * EAGAIN on I/O, not on a fork (rules/processes.ts NONBLOCKING_IO_EAGAIN, which the eagain rule
 * leaves out as no task limit): its words alone tell of no trouble of the environment either, or
 * the word model reads "resource temporarily unavailable" as a process limit. In any case here, as
 * the line was pasted. Not Python's BlockingIOError, which is also what a refused fork raises
 * (subprocess's fork_exec).
 */
const IO_EAGAIN = new RegExp(String.raw`(?:${NONBLOCKING_IO_EAGAIN})\b`, 'gi');

/**
 * A line that tells of trouble: ERRORISH's words, an errno or a limit (FAILURE_WORDS), a process
 * that exited or crashed (goplsNamed.ts), or TROUBLE_WORDS; never a runner's or builder's line that
 * a step failed (boilerplate.ts isStepFailure), which says that, not how. The resemblance model reads
 * only texts that have one; test/corpus/train.ts measures it with the same test.
 */
export function tellsOfTrouble(line: string): boolean {
  return !isStepFailure(line) && troubleWords(line);
}

/** tellsOfTrouble's words, for a line already known to be no runner's or builder's step-failure line. */
function troubleWords(line: string): boolean {
  if (COUNTER_AT_ZERO.test(line)) return false;
  const l = line.includes('emporarily unavailable') ? line.replace(IO_EAGAIN, ' ') : line;
  return ERRORISH.test(l) || FAILURE_WORDS.test(l) || saysProcessFailed(l) || TROUBLE_WORDS.test(l);
}

/**
 * Words that say a container runtime ran what follows (lane mac2): the docker, podman, nerdctl
 * and buildah CLIs' `run`/`exec`/`create`/`start` verbs (and `container …`, `compose …`),
 * docker-compose's, kubectl's `exec`/`run`/`debug`, "docker container" as wrappers print it, and
 * "Container ID". A build (`docker build`, a Dockerfile RUN step) is not one: SELinux labels do
 * not refuse a build's own layers.
 */
const CONTAINER_WORDS = /\b(?:docker|podman|nerdctl|buildah)\s+(?:(?:container|compose)\s+)?(?:run|exec|create|start|up)\b|\bdocker-compose\s+(?:run|exec|up)\b|\bkubectl\s+(?:exec|run|debug)\b|\b(?:docker|podman) container\b|\bContainer ID\b/i;
export const CONTAINER_SCREEN = /docker|podman|nerdctl|buildah|kubectl|container/i;
/**
 * A command adding execute permission (lane mac2): chmod(1)'s symbolic `+x` (any who, with other
 * letters: u+rwx, a+x) or an octal mode with an execute bit for anyone (755, 0700, 4711).
 */
export const CHMOD_X_WORDS = /\bchmod\s+(?:-\w+\s+)*(?:[ugoa]*\+[rwst]*x|0?[0-7]?(?:[1357][0-7]{2}|[0-7][1357][0-7]|[0-7]{2}[1357]))\b/;
const CHMOD_X_CONTEXT_LINES = 3;
/**
 * cmd/go work/buildid.go toolID (Go 1.10 on): "go tool asm: exit status 2", then the tool's stderr,
 * when a GOROOT tool run as "<tool> -V=full" fails (lane managers). What the tool said follows.
 */
export const TOOL_ID_WORDS = /\bgo tool (?:asm|compile|link|cgo): exit status \d+\s*$/;
const TOOL_ID_CONTEXT_LINES = 2;

/**
 * An editor installing a Go tool and failing, as its installer says it (the Go extension's
 * "Installing github.com/stamblerre/gocode FAILED", node's "Command failed: …" for the go get, go
 * install, or go build -o …/bin/… it ran): a compiler diagnostic in the next lines is the tool's own
 * source failing to compile (tool-source-does-not-compile). Not any "Command failed: go build": an
 * extension building the user's project prints that too, and then the diagnostics are the user's.
 */
export const TOOL_INSTALL_FAILED_WORDS = new RegExp(String.raw`${INSTALLING_FAILED}|\bCommand failed: [^\n]*\bgo(?:\.exe)? (?:get|install|build -o \S*\/bin\/)`);
const TOOL_INSTALL_CONTEXT_LINES = 10;
/**
 * A compiler's diagnostic, "file.go:LINE:COL: message" (cmd/compile and the type checker print the
 * column), at the start of a line or of a JSON string's line; not a stack frame's "file.go:LINE
 * +0x1d" or a test's "file.go:LINE: message" (no column).
 */
/** encoding/json's HTML-safe escapes, as gopls's JSON-RPC bodies carry them. */
const GO_JSON_ESCAPE = /\\u00(?:3[ce]|26)/g;
const GO_JSON_ESCAPED: Record<string, string> = { '\\u003c': '<', '\\u003e': '>', '\\u0026': '&' };

export const COMPILE_DIAGNOSTIC = /(?:^|\\n)(?:[^\s:"\\]*\/)?[\w.-]+\.go:\d+:\d+: \S/;

/**
 * The words the regexes above need, found in one pass over a short line (lineWords.ts), so that a
 * regex runs only on a line that holds one of its words (any ASCII case, as their `i` flag reads).
 * Each bit says exactly or at least what its regex needs:
 * - W_WATCHER: CONTEXT_WORDS's first group exactly (its words are plain);
 * - W_GOPLS: its second group exactly;
 * - W_EXEC: a word every alternative of its third group holds;
 * - W_CONTAINER: CONTAINER_SCREEN exactly; W_NAMES_LS with W_GOPLS: MAY_NAME_GOPLS exactly;
 * - W_CHMOD, W_GO_TOOL: CHMOD_X_WORDS and TOOL_ID_WORDS hold these words in this case and more;
 * - W_ERRORISH: a word each of ERRORISH's alternatives holds;
 * - W_PASTED: a character asPrinted may mend (rules.ts MAY_BE_PASTED) exactly;
 * - W_LISTING: goEnvListing.ts's words other than 'GO', in any case (it looks for them in one);
 * - W_NOT_AFTER: a word each alternative of each rule's notAfter test holds (rules.ts notAfterWords).
 * test/unit/goplsLog/lineWords.test.ts holds each regex to its bits on generated lines.
 */
export const W_WATCHER = 1 << 0;
export const W_GOPLS = 1 << 1;
export const W_EXEC = 1 << 2;
export const W_CONTAINER = 1 << 3;
export const W_NAMES_LS = 1 << 4;
export const W_CHMOD = 1 << 5;
export const W_GO_TOOL = 1 << 6;
export const W_ERRORISH = 1 << 7;
export const W_PASTED = 1 << 8;
/** goEnvListing.ts's lower-case words (see() still looks for 'GO' itself). */
export const W_LISTING = 1 << 9;
export const W_NOT_AFTER = 1 << 10;
export const LINE_WORDS: ReadonlyArray<readonly [string, number]> = [
  ...['watch', 'inotify', 'fsnotify', 'notify-rs'].map((w) => [w, W_WATCHER] as const),
  ['gopls', W_GOPLS],
  ...['exec', 'spawn', 'child_exception_type', 'subprocess'].map((w) => [w, W_EXEC] as const),
  ...['docker', 'podman', 'nerdctl', 'buildah', 'kubectl', 'container'].map((w) => [w, W_CONTAINER] as const),
  ...['langserver', 'language-server'].map((w) => [w, W_NAMES_LS] as const),
  ['chmod', W_CHMOD],
  ['go tool ', W_GO_TOOL],
  ...['error', 'fatal', 'fail', 'panic', 'denied', 'refused', 'cannot', "can't", 'could', 'unable', 'killed', 'not permitted', 'not found', 'segmentation fault', 'aborted', 'bad system call', 'illegal instruction'].map((w) => [w, W_ERRORISH] as const),
  ...MAY_BE_PASTED_CHARS.map((c) => [c, W_PASTED] as const),
  ...LISTING_WORDS.map((w) => [w, W_LISTING] as const),
  ...notAfterWords().map((w) => [w, W_NOT_AFTER] as const),
];
let lineWordSet: CaselessWords | undefined;
const lineWords = () => (lineWordSet ??= new CaselessWords(LINE_WORDS));
/** The LINE_WORDS bits of a line (its latin1 bytes from `off` when given, else the string). */
export function lineWordsOf(text: string, buf?: Uint8Array, off = 0): number {
  return buf ? lineWords().maskBytes(buf, off, off + text.length) : lineWords().mask(text);
}

/**
 * CONTEXT_WORDS's three groups as the analyzer reads them (the first match's), from the line's
 * LINE_WORDS bits: no regex when no group can match, or when only gopls's name can (then the
 * first match is gopls's). Pure.
 */
export function contextWordsOf(text: string, m: number): { watcher: boolean; gopls: boolean; exec: boolean } {
  if ((m & (W_WATCHER | W_GOPLS | W_EXEC)) === 0) return NO_CONTEXT_WORDS;
  if ((m & (W_WATCHER | W_EXEC)) === 0) return GOPLS_CONTEXT_WORDS;
  const words = CONTEXT_WORDS.exec(text);
  return words ? { watcher: !!words[1], gopls: !!words[2], exec: !!words[3] } : NO_CONTEXT_WORDS;
}
const NO_CONTEXT_WORDS = Object.freeze({ watcher: false, gopls: false, exec: false });
const GOPLS_CONTEXT_WORDS = Object.freeze({ watcher: false, gopls: true, exec: false });

export class LogAnalyzer {
  /** The pending (unterminated) line, in pieces. */
  private carry: Buffer[] = [];
  private carryLen = 0;
  /** The previous piece of a line longer than MAX_LINE_BYTES was already handled. */
  private midLongLine = false;
  /** The pending line is one handle() ignores (ignoresLine): carryLen counts it, carry holds nothing. */
  private skippingCarry = false;
  private endedMidLine = false;
  private lineNo = 0;
  private bytes = 0;
  private unknown = 0;
  private body: Body = 'none';
  private lastDayMs: number | undefined;
  private dayOffset = 0;
  private awaitingFailureMessage: { method: string; line: number } | undefined;
  /**
   * The client's "Request X failed." header, held back from the unclassified evidence until the
   * "  Message: …" line under it is read: when a rule names that message the pair is classified,
   * and the header alone is no unnamed failure (holdingHeader: keepUnclassified stores it here).
   */
  private failureHeader: UnclassifiedLine | undefined;
  private holdingHeader = false;
  /** Rule hits when a gopls error record's first line was held back (failureHeader), until its body ends. */
  private errorRecordHits: number | undefined;
  /** Every rule hit, capped or not: whether a line was named. */
  private ruleHits = 0;
  private crash: CrashCapture | undefined;
  private readonly shapes = { traceRecords: 0, goplsErrorRecords: 0, clientLog: 0, editorLog: 0, goplsEvents: 0, crashLines: 0 };
  private readonly requestsSent = new BoundedCounts();
  private readonly requestsReceived = new BoundedCounts();
  private readonly notificationsSent = new BoundedCounts();
  private readonly notificationsReceived = new BoundedCounts();
  private readonly pending = new Map<PendingKey, Pending>();
  private readonly samples = new Map<string, { count: number; max: number; values: number[] }>();
  private slowest: SlowRequest[] = [];
  private readonly errors = new Map<string, ErrorReplies>();
  /** Per error entry, the raw message its last error had (noteError), when short. */
  private readonly lastErrorMessage = new Map<ErrorReplies, string>();
  private readonly starts: ServerStart[] = [];
  private readonly crashes: CrashRecord[] = [];
  private readonly goFailures: GoFailureRecord[] = [];
  private readonly events: LogEvent[] = [];
  private readonly eventCounts = new Map<RuleId, number>();
  private readonly unprovidedImports: UnclassifiedLine[] = [];
  private readonly viewGoroots: string[] = [];
  private readonly packageLoads: PackageLoads = { empty: 0, loaded: 0 };
  /** The editor channel's date and time of the line being read, while its framed text is handled. */
  private frameStamp: string | undefined;
  /** Each rule's last RECENT_EVENTS events, for echoOfRecent. */
  private readonly recentEvents = new Map<RuleId, Array<{ line: number; core: string; inBody: boolean; paired: boolean }>>();
  private readonly interned = new Map<string, string>();
  /** The last interned string per slot (intern()); only ever strings the map holds. */
  private readonly internSlots: Array<string | undefined> = new Array<string | undefined>(INTERN_SLOTS).fill(undefined);
  private serverStartCount = 0;
  /** The editor sent shutdown or exit since the last initialize. */
  private clientEnded = false;
  /** The last LSP record header (LogSummary.lastSession): a reference, cut and copied only in summary(). */
  private lastRecordLine = 0;
  private lastRecordText = '';
  private lastRecordDayMs: number | undefined;
  private readonly unclassified: UnclassifiedLine[] = [];
  private unclassifiedCount = 0;
  private readonly mechanisms: MechanismLine[] = [];
  private readonly mechanismCounts = new Map<ClassId, number>();
  private readonly goplsFailures: UnclassifiedLine[] = [];
  /** Lines up to which an allocation's size may still withdraw an out-of-memory reading. */
  private hugeAllocationUntil = 0;
  /** The last line that named (or was an out-of-memory reading withdrawn for) an absurd allocation. */
  private hugeAllocationAt = -Infinity;
  private goplsFailureCount = 0;
  /** Words of lines no rule named, while the text is still short (SHORT_TEXT_LINES). */
  private readonly earlyWords = new Set<string>();
  /** Words of lines no rule named around failing lines no rule named. */
  private readonly failureWords = new Set<string>();
  /** The last RESEMBLANCE_WINDOW lines no rule named, for the window before a failure line. */
  private readonly recentUnnamed: string[] = new Array<string>(RESEMBLANCE_WINDOW).fill('');
  private recentAt = 0;
  private failureWindowUntil = -Infinity;
  /** In a short text, plain lines no rule named that tell of trouble (none: the model is not asked). */
  private troubleLines = 0;
  /** Windows opened around failing lines (a long log's only words). */
  private failureWindows = 0;
  private readonly resemblanceLines: UnclassifiedLine[] = [];
  private lastWatchWords = -Infinity;
  private lastGoplsWords = -Infinity;
  /** The line whose text is gopls's stderr as another editor's log relays it (onRelayedStderr): a crash starting there is gopls's. */
  private goplsStderrLine = -1;
  private lastExecWords = -Infinity;
  private lastContainerWords = -Infinity;
  /** Host bind-mount targets (`-v SRC:DST`) named on the last container runtime command line that named any (a later `docker exec` into the same container keeps them). */
  private bindTargets: string[] = [];
  private lastChmodX = -Infinity;
  private lastToolId = -Infinity;
  private lastToolInstallFailed = -Infinity;
  /** Per rule of NOT_AFTER, the last line its notAfter test matched (Rule.notAfter). */
  private readonly notAfterSeen: number[] = NOT_AFTER.map(() => -Infinity);
  /** The bits (by NOT_AFTER index) of the notAfter tests the line being scanned matches itself. */
  private notAfterHere = 0;
  /** The last line that matched a notAfter test whose line's words mislead (wordsMislead). */
  private lastMisleading = -Infinity;
  /** LineContext.sinceNotAfter, bound once: the rules ask it only on a line they matched. */
  private readonly sinceNotAfter = (r: Rule): number => {
    const j = NOT_AFTER.indexOf(r);
    return j < 0 || (this.notAfterHere & (1 << j)) !== 0 ? Infinity : this.lineNo - this.notAfterSeen[j]!;
  };
  /** Not on a line that carries the user's code (diagnostics quote it). */
  private quietBody = false;
  /**
   * In the body of a message gopls sent the editor to log or show (window/logMessage,
   * window/showMessage): its Params line says the message's type, and type 1 is an error by
   * gopls's own judgement (ERROR_MESSAGE_PARAMS).
   */
  private messageBody = false;
  /** Reading the lines inside a wrapped message (wrapped.ts): one layer only. */
  private unwrapping = false;
  /**
   * The last plain line no rule named, when it may go on on the next line (it does not end a
   * sentence): a message a terminal, a mail client or the reporter hard-wrapped is read whole.
   */
  private openLine: { lineNo: number; text: string; cut: boolean } | undefined;
  /** The line's length as the file holds it, before a carrier's prefix or an indent was taken off. */
  private rawLength = 0;
  /** GOOS against GOHOSTOS, GOROOT/bin against PATH, across the lines of an environment listing. */
  private readonly envListing = new GoEnvListing();
  private readonly execListing = new ExecListing();
  /** The line being read is the message of a VS Code log line at [error] or [critical]. */
  private editorErrorLevel = false;
  /** Deterministic reservoir sampling once a method has more samples than we keep. */
  private rng = 0x9e3779b9;
  /** Where the header being read lies in its bytes (onBracketLine), reused. */
  private readonly span = newTraceHeaderSpan();

  /** Feeds the next bytes of the file, split anywhere. */
  feed(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.bytes += chunk.length;
    // No newline in it: only remember it (copying the pending line on every small chunk would be
    // quadratic), unless the pending line grew past the cap.
    const first = chunk.indexOf(10);
    if (first < 0) {
      if (this.skippingCarry) {
        // A pending line handle() ignores: its length is all that is kept (as onPiece, past the cap).
        this.carryLen += chunk.length;
        if (this.carryLen > MAX_LINE_BYTES) {
          this.carryLen = 0;
          if (!this.midLongLine) this.lineNo++;
          this.midLongLine = true;
        }
        return;
      }
      this.carry.push(Buffer.from(chunk));
      this.carryLen += chunk.length;
      if (this.carryLen > MAX_LINE_BYTES) {
        const buf = this.takeCarry();
        this.onPiece(buf.toString('latin1'), 0, buf.length, buf);
      }
      return;
    }
    let buf = chunk;
    if (this.skippingCarry) {
      // The ignored line ends here: counted as onLine counts it, its bytes never copied.
      this.skippingCarry = false;
      this.carryLen = 0;
      if (this.midLongLine) this.midLongLine = false;
      else this.lineNo++;
      buf = chunk.subarray(first + 1);
    } else if (this.carryLen) {
      // The pending line ends at the first newline: it alone is joined, not the whole chunk
      // (copying every 64 KiB chunk to prepend a line's start was a copy of the whole file).
      this.carry.push(chunk.subarray(0, first));
      const line = this.takeCarry();
      this.onLine(line.toString('latin1'), 0, line.length, line);
      buf = chunk.subarray(first + 1);
    }
    // Decoded up to its last newline only: the pending line's start is kept as bytes (or, when
    // it is ignored, as a length) and decoded once whole, so decoding it here too was wasted.
    const last = buf.lastIndexOf(10);
    const s = last < 0 ? '' : buf.toString('latin1', 0, last + 1);
    let pos = 0;
    for (;;) {
      const nl = s.indexOf('\n', pos);
      if (nl < 0) break;
      this.onLine(s, pos, nl, buf);
      pos = nl + 1;
    }
    if (pos < buf.length) {
      if (buf.length - pos > MAX_LINE_BYTES) {
        // A giant line: handle what we have as one piece, keep nothing.
        const rest = buf.subarray(pos);
        this.onPiece(rest.toString('latin1'), 0, rest.length, rest);
      } else if (!startsBlankish(buf[pos]!) && this.ignoresLine(buf[pos]!)) {
        // (A line that starts with a space, a tab or a CR may be blank once whole, and a blank line
        // ends a record's body (handle): it is kept and read, as a whole file would read it.)
        // Most of a trace's bytes are long skipped bodies, and most chunks end inside one: copying
        // its start, joining it to its end and decoding it again was only to ignore it.
        this.skippingCarry = true;
        this.carryLen = buf.length - pos;
      } else {
        this.carry.push(Buffer.from(buf.subarray(pos)));
        this.carryLen = buf.length - pos;
      }
    }
  }

  private takeCarry(): Buffer {
    const b = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry);
    this.carry = [];
    this.carryLen = 0;
    return b;
  }

  /** The file ended: a last line without a newline is still a line; a cut record is fine. */
  end(): LogSummary {
    this.endedMidLine = this.carryLen > 0 || this.midLongLine;
    if (this.skippingCarry) {
      this.skippingCarry = false;
      if (this.carryLen > 0) {
        this.carryLen = 0;
        if (this.midLongLine) this.midLongLine = false;
        else this.lineNo++;
      }
    } else if (this.carryLen > 0) {
      const buf = this.takeCarry();
      this.onLine(buf.toString('latin1'), 0, buf.length, buf);
    }
    this.finishCrash();
    this.flushFailureHeader();
    for (const r of this.execListing.readings()) if (!ruleSilenced(ruleById(r.fact))) this.noteEvent(ruleById(r.fact), r.listing.slice(0, EXCERPT_CHARS), r.line);
    this.withdrawLines('noexec-listed', this.execListing.harmlessNoexec());
    return this.summary();
  }

  private onPiece(s: string, start: number, end: number, buf: Buffer): void {
    if (!this.midLongLine) this.lineNo++;
    this.midLongLine = true;
    // A piece of an overlong line is body text: screen it, never parse it as a header.
    if (this.body !== 'skip') this.scan(s.slice(start, end), buf, start);
  }

  private onLine(s: string, start: number, end: number, buf: Buffer): void {
    if (this.midLongLine) {
      this.midLongLine = false;
      if (this.body !== 'skip') this.scan(s.slice(start, end), buf, start);
      return;
    }
    this.lineNo++;
    if (end > start && s.charCodeAt(end - 1) === 13) end--;
    // gopls's view environment ("… GOROOT:/usr/local/go GoVersion:26 …", in a -logfile, a
    // channel or a trace's JSON): which GOROOT its go runs from. Few views per log, so a bounded list.
    if (this.viewGoroots.length < MAX_VIEW_GOROOTS) {
      // Within the line only (an unbounded indexOf would scan the rest of the chunk on every line).
      const line = s.slice(start, end);
      const at = line.indexOf(' GOROOT:');
      if (at >= 0) {
        const m = VIEW_GOROOT.exec(line.slice(at, at + 400));
        if (m && !this.viewGoroots.includes(m[1]!)) this.viewGoroots.push(m[1]!);
      }
    }
    // gopls's record of each package load, at any level ("\tpackages=0" after a failed one): does
    // gopls load anything at all? The field starts a -logfile's or a channel's continuation line,
    // and ends a trace's JSON line but for the duration after it: two short windows of the line,
    // so no line costs more than a few dozen characters here.
    const n = loadFieldOf(s.slice(start, Math.min(end, start + LOAD_HEAD))) ?? (end - start > LOAD_HEAD ? loadFieldOf(s.slice(Math.max(start + LOAD_HEAD, end - LOAD_TAIL), end)) : undefined);
    if (n !== undefined) countLoad(this.packageLoads, n);
    // Spaces a paste left at a line's end (a terminal's padding, an editor's, a mail client's) are
    // not the program's: a dump's "goroutine 7 [running]:" must still end with its colon, and a
    // blank line of spaces between a crash's message and its goroutines is still blank.
    if (end > start && isBlank(s.charCodeAt(end - 1))) end = trimmedEnd(s, start, end);
    if (end === start) {
      // A blank line in a skipped body ends it (handle says why); there is nothing else to read.
      if (this.body === 'skip' && this.crash === undefined) {
        this.endBody();
        return;
      }
    } else if (this.ignoresLine(s.charCodeAt(start))) return;
    this.rawLength = end - start;
    this.handle(s.slice(start, end), buf, start, 0);
  }

  /**
   * True when handle() would do nothing with a line starting with c0 but count it: inside a body the
   * editor sent or a plain result (skipped), with no crash being read, it looks only at a line's
   * first character (a record header '[', an editor or event line's digit, a crash's p(anic)
   * f(atal) S(IG…) <(pre>). Such a line is not cut out of its chunk (most of a trace's lines and
   * bytes are these bodies).
   */
  private ignoresLine(c0: number): boolean {
    return this.body === 'skip' && this.crash === undefined && c0 !== 0x5b && (c0 < 0x30 || c0 > 0x39) && c0 !== 0x70 && c0 !== 0x66 && c0 !== 0x53 && c0 !== 0x3c;
  }

  /**
   * True when the line is another editor's relay of the server, now read: Neovim's lsp.log files a
   * server's stderr chunk behind an ERROR level that says nothing of it (neovimLog.ts); Helix's log
   * does the same, with the server's error replies beside it (helixLog.ts). The cheap gates first:
   * most lines start with neither shape.
   */
  private onEditorRelay(line: string): boolean {
    if (mayBeNeovimLogLine(line)) {
      const nv = parseNeovimStderr(line);
      if (nv) {
        this.onRelayedStderr(nv);
        return true;
      }
    } else if (mayBeHelixLine(line)) {
      const hx = parseHelixStderr(line);
      if (hx) {
        this.onRelayedStderr(hx);
        return true;
      }
      const reply = parseHelixErrorReply(line);
      if (reply) {
        this.onHelixErrorReply(reply);
        return true;
      }
    }
    return false;
  }

  /**
   * A server's stderr chunk from Neovim's lsp.log or Helix's log: its lines read as the server printed them, each
   * as UTF-8 from its own bytes (the chunk's escapes are undone, so the file's bytes no longer
   * line up).
   */
  private onRelayedStderr(nv: RelayedStderr): void {
    this.shapes.editorLog++;
    this.body = 'none';
    // A crash read here is gopls's (its owner); the chunk's other lines are gopls's own log, read as
    // a raw -logfile's would be: their errors are what gopls says of the code, not that gopls failed.
    if (namesGoLanguageServer(nv.command)) this.goplsStderrLine = this.lineNo;
    for (const l of nv.lines) this.handle(l, Buffer.from(l, 'latin1'), 0, 1);
  }

  /**
   * gopls's error reply to a request, as Helix files it: kept with the others (errorReplies), and its
   * message read by the rules as the VS Code client's "[Error - Received]" record's is, without the
   * log's framing ("[ERROR]", the server's name), which said only that a reply was an error.
   */
  private onHelixErrorReply(r: HelixErrorReply): void {
    this.shapes.editorLog++;
    this.body = 'none';
    this.noteError('?', r.message, this.lineNo);
    this.scan(r.message, Buffer.from(r.message, 'latin1'), 0);
  }

  /** A record's body ended (handle's blank line): what follows is no record's JSON. */
  private endBody(): void {
    if (this.errorRecordHits !== undefined) {
      // A rule named a line of the error record under its held first line: one failure, named.
      if (this.ruleHits > this.errorRecordHits) this.failureHeader = undefined;
      this.flushFailureHeader();
    }
    this.body = 'none';
    this.quietBody = false;
    this.messageBody = false;
  }

  /** One line of text; `off` is its byte offset in `buf` for the UTF-8 excerpt. */
  private handle(line: string, buf: Buffer | undefined, off: number, depth: number): void {
    // Just after an out-of-memory reading, the runtime's frames may say the request was absurd.
    if (this.hugeAllocationUntil >= this.lineNo && depth === 0) this.noteAllocationSize(line);
    // Most of a trace's lines start with a space, a tab, a brace, a quote or a bracket (JSON bodies,
    // record headers), which no carrier's prefix does: those skip the look below.
    const first = line.charCodeAt(0);
    if (depth === 0 && (first >= 0x23 || first === 0x1b) && first !== 0x5b && first !== 0x7b && first !== 0x7d) {
      // A terminal capture's colours are not the program's words: a line that starts with one
      // (a level or a whole line coloured) would hide a crash's "panic: " or a listing's
      // "GOROOT=". Colours inside a line are the rules' business (wrapped.ts reads a line no
      // rule knows again without them); looking for them in every line here cost the 200 MB
      // trace bench about 8 %. Taken off as UTF-8, which is how strip-ansi reads (its CSI set
      // includes U+009B, a byte inside UTF-8 characters read as latin1), and the line handled
      // from its own bytes so excerpts stay UTF-8.
      if (first === 0x1b && line.includes('\x1b[')) {
        const plain = stripAnsi(buf ? buf.toString('utf8', off, off + line.length) : line);
        buf = Buffer.from(plain, 'utf8');
        line = buf.toString('latin1');
        off = 0;
      }
      // A quoted or timestamped log is read as the log it carries (lines.ts transportPrefixLength).
      const n = transportPrefixLength(line);
      if (n) {
        line = line.slice(n);
        off += n;
      }
    }
    // Another editor's log relaying the server: read before a crash's next line is looked for (a
    // dump spans many relayed chunks).
    if (depth === 0 && this.onEditorRelay(line)) return;
    if (this.crash) {
      if (this.continueCrash(line)) return;
      this.finishCrash();
    }
    if (line.length === 0) {
      // A trace record's body (Params:/Result: and its JSON, which never holds a blank line: a
      // string's line breaks are escaped) ends at the blank lines the client writes after it. What
      // comes next without a header of its own is gopls's stderr, which the client appends to the
      // same channel: a panic, a go command's complaint, a shell's refusal. Read as the record's JSON
      // until the next header, it went unread (a response's body is skipped).
      if (this.body === 'skip' || this.body === 'scan') this.endBody();
      return;
    }
    const c0 = line.charCodeAt(0);
    const ed = depth === 0 && c0 >= 0x30 && c0 <= 0x39 ? parseEditorLogLine(line) : undefined;
    // (A framed line decides below, from its own text, whether the event goes on.)
    if (this.body === 'event' && c0 !== 0x09 && !ed) this.body = 'none';
    if (c0 === 0x5b /* [ */) {
      if (this.onBracketLine(line, buf, off)) return;
    } else if (c0 >= 0x30 && c0 <= 0x39) {
      if (ed) {
        this.shapes.editorLog++;
        // A gopls event's "\tkey=value" lines, each framed on its own (the client's line for a
        // logMessage: "[error] \tview_id=\"1\""), go on with the event the line before began:
        // its attributes, not error lines of their own (a tester's: 15 "error lines no rule names"
        // that were three events' view_id, snapshot, query…).
        // (gopls puts a blank line between an event's message and its attributes.)
        const attribute = this.body === 'event' && (ed.text.length === 0 || ed.text.charCodeAt(0) === 0x09);
        if (!attribute) this.body = 'none';
        // The message may itself be any of the other shapes (stderr lines, trace records).
        // At [error] or [critical] it is an error-level line whatever its words ("[File Watcher
        // (parcel)] Inotify event queue overflowed" holds none of ERRORISH's): one no rule names is
        // kept as unclassified evidence with the rest, so nothing error-level is dropped.
        this.editorErrorLevel = !attribute && (ed.level === 'error' || ed.level === 'critical');
        this.frameStamp = `${ed.date} ${ed.time}`;
        try {
          this.handle(ed.text, buf, off + line.length - ed.text.length, depth + 1);
        } finally {
          this.frameStamp = undefined;
          this.editorErrorLevel = false;
        }
        return;
      }
      const ev = parseGoplsEventLine(line);
      if (ev) {
        this.shapes.goplsEvents++;
        this.body = 'event';
        // The message as its program printed it: Go's log package (gopls's event log, and any Go
        // program's log.Printf or log.Fatal) puts the date before it, and a rule anchored at a
        // message's start ("sh: …: Permission denied") must see that start.
        this.scan(ev.message, buf, off + line.length - ev.message.length);
        return;
      }
    }
    // Go's crash output can land between trace records (stderr and trace share the channel).
    if (this.startCrash(line)) {
      this.body = 'none';
      this.scan(line, buf, off);
      return;
    }
    if (this.body !== 'none') {
      // Params:/Result: and the raw JSON lines that follow, or an event's \tkey=value lines.
      if (this.body !== 'skip') this.scan(line, buf, off);
      return;
    }
    if (this.awaitingFailureMessage) {
      const m = /^\s+Message: (.*)$/.exec(line);
      if (m) {
        const a = this.awaitingFailureMessage;
        this.awaitingFailureMessage = undefined;
        this.noteError(a.method, m[1]!, a.line);
        const hits = this.ruleHits;
        const kept = this.unclassifiedCount;
        this.scan(line, buf, off);
        const named = this.ruleHits > hits;
        const messageKept = this.unclassifiedCount > kept;
        const header = this.failureHeader;
        this.failureHeader = undefined;
        // A message no rule names: the header says it was an error, the message what failed.
        if (header && !named) {
          this.keepUnclassified(header.line, header.text);
          if (!messageKept) this.keepUnclassified(this.lineNo, excerptAround(line, buf, off));
        }
        return;
      }
      this.flushFailureHeader();
    }
    if (isEventAttribute(line) || /^\s+(Message|Code): /.test(line)) {
      this.scan(line, buf, off);
      return;
    }
    this.unknown++;
    // A message pasted as a Markdown code block (four spaces; two or three under a list item) is read
    // from its first word, so a rule anchored at a message's start still sees it. Only here, outside
    // every record's body: a trace's JSON bodies are indented too, and are not messages.
    // Not one space (no code block's), nor the next line of a console's cut, which goes on as it stands.
    const n = depth === 0 && line.charCodeAt(0) === 0x20 && line.charCodeAt(1) === 0x20 && this.openBefore()?.cut !== true ? leadingSpaces(line) : 0;
    this.scan(n ? line.slice(n) : line, buf, off + n);
  }

  /** `[Trace - …]`, `[Error - Received] … #id …`, `[Info - …] …`; false if none of them. */
  private onBracketLine(line: string, buf: Buffer | undefined, off: number): boolean {
    // A request-failure header with no "Message:" line under it is kept as it is.
    this.flushFailureHeader();
    // A trace's usual header ("[Trace - TIME] Received response 'METHOD - (ID)' in Nms.") is read
    // where it lies in the bytes (traceHeaderSpanAt): a method seen before is recognised there
    // (internAt), and only the id is cut. Cutting the method, the time and the id for every
    // record, and splitting them again, was most of reading a header. What parseTraceHeaderAt
    // would say, read the same way below.
    const span = this.span;
    if (buf && traceHeaderSpanAt(buf, off, off + line.length, span)) {
      const method = this.internAt(line, buf, off, span.methodFrom, span.methodTo);
      const id = span.idFrom >= 0 ? own(line.slice(span.idFrom - off, span.idTo - off)) : undefined;
      this.onTraceRecord(span.direction, span.kind, method, id, span.ms >= 0 ? span.ms : undefined, undefined, timeOfDayMsAt(buf, span.timeFrom, span.timeTo), undefined, line, buf, off);
      return true;
    }
    // (With the bytes, parseTraceHeaderAt would say what the regex says now: the line starts with '['.)
    const h = parseTraceHeader(line);
    if (h) {
      // A "[Trace - …]" header's time is the line's bytes from the tenth on (Trace is the only
      // level starting with T): read from there (timeOfDayMsAt), not from the cut string.
      const dayMs = buf && line.charCodeAt(1) === 0x54 ? timeOfDayMsAt(buf, off + 9, off + 9 + h.time.length) : timeOfDayMs(h.time);
      this.onTraceRecord(h.direction, h.kind, this.intern(h.method), h.id === undefined ? undefined : own(h.id), h.ms, h.failure, dayMs, h.time, line, buf, off);
      return true;
    }
    const e = parseErrorReply(line);
    if (e) {
      this.shapes.goplsErrorRecords++;
      const key = pendingKey(true, e.id);
      const p = this.pending.get(key);
      if (p) this.pending.delete(key);
      this.noteError(p?.method ?? '?', e.message, this.lineNo);
      this.body = 'scan';
      // The record's first line may be only the start of go's words ("#3 err: exit status 1:
      // stderr: go: downloading m v1.2.0"), whose failure a rule names on the next ("module lookup
      // disabled by GOPROXY=off"): held back until the record ends, and no unnamed failure then.
      this.holdingHeader = true;
      try {
        this.scan(line, buf, off);
      } finally {
        this.holdingHeader = false;
      }
      if (this.failureHeader) this.errorRecordHits = this.ruleHits;
      return true;
    }
    const cl = parseClientLogLine(line);
    if (cl) {
      this.shapes.clientLog++;
      this.body = 'none';
      if (cl.failedMethod) this.awaitingFailureMessage = { method: this.intern(cl.failedMethod), line: this.lineNo };
      // The rest of the line may be stderr the client relayed ("[Error - 5:19:22 AM] panic: …").
      this.startCrash(cl.text);
      this.holdingHeader = !!cl.failedMethod;
      try {
        this.scan(line, buf, off);
      } finally {
        this.holdingHeader = false;
      }
      return true;
    }
    return false;
  }

  /**
   * A trace record's header, read by either path of onBracketLine: `method` interned, `id` owned,
   * `timeOfDay` its time (timeOfDayMs; dayMsOf applied here). `time` is the header's time as
   * written, or undefined when the header was read from its bytes (this.span says where it is).
   */
  private onTraceRecord(
    direction: TraceHeader['direction'], kind: TraceHeader['kind'], method: string, id: string | undefined, writerMs: number | undefined,
    failure: TraceHeader['failure'], timeOfDay: number | undefined, time: string | undefined, line: string, buf: Buffer | undefined, off: number,
  ): void {
    this.shapes.traceRecords++;
    this.awaitingFailureMessage = undefined;
    // Diagnostics quote the user's code and compiler: their errors are not the environment's.
    this.quietBody = kind === 'notification' && method === 'textDocument/publishDiagnostics';
    const dayMs = this.dayMsOf(timeOfDay);
    this.lastRecordLine = this.lineNo;
    this.lastRecordText = line;
    this.lastRecordDayMs = dayMs;
    const fromEditor = direction === 'Sending';
    this.messageBody = kind === 'notification' && !fromEditor && (method === 'window/logMessage' || method === 'window/showMessage');
    switch (kind) {
      case 'request': {
        (fromEditor ? this.requestsSent : this.requestsReceived).add(method);
        if (method === 'shutdown' && fromEditor) this.clientEnded = true;
        if (method === 'initialize' && fromEditor) {
          this.serverStartCount++;
          const start: ServerStart = { line: this.lineNo, time: own(time ?? line.slice(this.span.timeFrom - off, this.span.timeTo - off)) };
          if (dayMs !== undefined) start.dayMs = dayMs;
          if (this.clientEnded && this.serverStartCount > 1) start.afterCleanEnd = true;
          this.clientEnded = false;
          this.starts.push(start);
          // Trimmed in batches (a shift per start moved 200 entries each time); the summary keeps the last MAX_STARTS_KEPT.
          if (this.starts.length >= 2 * MAX_STARTS_KEPT) this.starts.splice(0, this.starts.length - MAX_STARTS_KEPT);
        }
        if (id !== undefined) {
          // Not a spread of a conditional object literal: that allocated twice per request.
          const p: Pending = { method, line: this.lineNo };
          if (dayMs !== undefined) p.dayMs = dayMs;
          this.setPending(pendingKey(fromEditor, id), p);
        }
        // What the editor sends is the user's code and settings; what gopls asks is gopls's words.
        this.body = fromEditor ? 'skip' : 'scan';
        break;
      }
      case 'response': {
        // A response travels the other way from its request.
        const key = pendingKey(!fromEditor, id ?? '');
        const p = this.pending.get(key);
        if (p) this.pending.delete(key);
        const m = method || p?.method || '?';
        const ms = writerMs ?? (p?.dayMs !== undefined && dayMs !== undefined ? dayMs - p.dayMs : undefined);
        if (!fromEditor && ms !== undefined && ms >= 0) this.sample(m, id ?? '', ms);
        if (failure) {
          this.noteError(m, failure.message, this.lineNo);
          this.body = 'scan';
          this.scan(line, buf, off);
        } else {
          this.body = 'skip';
        }
        break;
      }
      case 'notification':
        (fromEditor ? this.notificationsSent : this.notificationsReceived).add(method);
        if (method === 'exit' && fromEditor) this.clientEnded = true;
        this.body = fromEditor ? 'skip' : 'scan';
        break;
    }
  }

  // --- crashes ----------------------------------------------------------------------------

  private startCrash(line: string): boolean {
    // A dump pasted as a Markdown code block is indented by spaces, every line alike.
    const indent = leadingSpaces(line);
    const c = line.charCodeAt(indent);
    // Cheap gate: p(anic), f(atal), S(IG…), <(pre>panic, a paste's HTML).
    if (c !== 0x70 && c !== 0x66 && c !== 0x53 && c !== 0x3c) return false;
    const s = parseStackLine(indent ? line.slice(indent) : line);
    if (!s || (s.kind !== 'panic' && s.kind !== 'fatal' && s.kind !== 'signal-dump')) return false;
    this.shapes.crashLines++;
    // "fatal error: …" right after a "panic: …" (panic during panic) belongs to the same crash.
    const rec = this.crashRecordOf(s);
    this.crash = { rec, blanks: 0, goplsFrames: false, otherFrames: false, toolFrames: false, indent };
    return true;
  }

  /** A crash's first line as a record; both the plain and the JSON-embedded dumps start here. */
  private crashRecordOf(s: Extract<NonNullable<ReturnType<typeof parseStackLine>>, { kind: 'panic' | 'fatal' | 'signal-dump' }>): CrashRecord {
    return {
      kind: s.kind === 'panic' ? 'panic' : s.kind === 'fatal' ? 'fatal' : 'signal',
      line: this.lineNo,
      message: own(s.kind === 'signal-dump' ? `${s.signal}: ${s.message}` : sanitizeMessage(s.message)),
      stack: [own(sanitizeStackLine(s))],
      dumpLines: 1,
      // The log names gopls on the crash's line or just before it.
      owner: this.lineNo - this.lastGoplsWords <= GOPLS_CONTEXT_LINES || this.lineNo === this.goplsStderrLine ? 'gopls' : 'unknown',
    };
  }

  private noteFrame(cap: Pick<CrashCapture, 'goplsFrames' | 'otherFrames' | 'toolFrames'>, s: StackLine): void {
    if (s.kind !== 'frame-func' && s.kind !== 'created-by') return;
    if (GOPLS_FRAME.test(s.func)) cap.goplsFrames = true;
    else if (TOOL_FRAME.test(s.func)) cap.toolFrames = true;
    else if (!STD_FRAME.test(s.func)) cap.otherFrames = true;
  }

  private static ownerOf(rec: CrashRecord, cap: Pick<CrashCapture, 'goplsFrames' | 'otherFrames' | 'toolFrames'>): CrashRecord['owner'] {
    if (cap.goplsFrames || rec.owner === 'gopls') return 'gopls';
    if (cap.otherFrames) return 'other';
    return cap.toolFrames ? 'gopls' : 'unknown';
  }

  /** True if the line belongs to the dump being read. */
  private continueCrash(line: string): boolean {
    const cap = this.crash!;
    if (cap.indent) line = unindented(line, cap.indent);
    if (line.length === 0) {
      cap.blanks++;
      return cap.blanks <= 2;
    }
    // A relayed stderr line in the editor's log carries its prefix on every line.
    const ed = line.charCodeAt(0) <= 0x39 ? parseEditorLogLine(line) : undefined;
    const text = ed ? ed.text : line;
    // A relayed blank line ("2024-03-02 10:11:12.345 [info] ") is as blank as a bare one.
    if (ed && text.trim().length === 0) {
      this.shapes.editorLog++;
      cap.blanks++;
      return cap.blanks <= 2;
    }
    const s = parseStackLine(text);
    if (!s) return false;
    if (s.kind === 'panic' || s.kind === 'fatal' || s.kind === 'signal-dump') {
      if (cap.rec.dumpLines > 3) return false; // a new crash
    }
    cap.blanks = 0;
    this.noteFrame(cap, s);
    noteVersion(cap.rec, s);
    cap.rec.dumpLines++;
    this.shapes.crashLines++;
    if (cap.rec.stack.length < MAX_STACK_LINES) cap.rec.stack.push(own(sanitizeStackLine(s)));
    if (ed) this.shapes.editorLog++;
    return true;
  }

  private finishCrash(): void {
    const cap = this.crash;
    if (!cap) return;
    this.crash = undefined;
    cap.rec.owner = LogAnalyzer.ownerOf(cap.rec, cap);
    if (this.crashes.length < MAX_CRASHES) this.crashes.push(cap.rec);
  }

  /** A stack inside a JSON string (window/logMessage carrying stderr): split on \n and read. */
  private crashFromText(text: string): void {
    const parts = unescapeJsonFragment(text).split('\n');
    const i = parts.findIndex((p) => /(?:^|\] |")(panic|fatal error): /.test(p) || /^SIG[A-Z]+: /.test(p));
    if (i < 0 || this.crashes.length >= MAX_CRASHES) return;
    const first = parts[i]!.replace(/^.*?(?:\] |")(?=panic: |fatal error: )/, '').replace(/"$/, '');
    const s = parseStackLine(first);
    if (!s || (s.kind !== 'panic' && s.kind !== 'fatal' && s.kind !== 'signal-dump')) return;
    const rec = this.crashRecordOf(s);
    const frames = { goplsFrames: false, otherFrames: false, toolFrames: false };
    for (const p of parts.slice(i + 1)) {
      const t = parseStackLine(p);
      if (!t) continue;
      this.noteFrame(frames, t);
      noteVersion(rec, t as StackLine);
      rec.dumpLines++;
      if (rec.stack.length < MAX_STACK_LINES) rec.stack.push(own(sanitizeStackLine(t as StackLine)));
    }
    rec.owner = LogAnalyzer.ownerOf(rec, frames);
    this.crashes.push(rec);
  }

  // --- classification ---------------------------------------------------------------------

  /** The line before this one when it may go on into it (openLine), else undefined. */
  private openBefore(): { lineNo: number; text: string; cut: boolean } | undefined {
    const o = this.openLine;
    return o !== undefined && o.lineNo === this.lineNo - 1 ? o : undefined;
  }

  private scan(text: string, buf: Buffer | undefined, off: number): void {
    // Go's encoding/json writes <, > and & as \u003c, \u003e and \u0026: in an -rpc.trace body,
    // "go.mod requires go \u003e= 1.99.0 (running go 1.26.8; GOTOOLCHAIN=local)" is gopls's
    // "requires go >=", which no rule read (a tester's real trace: "unexplained symptom"). Read as
    // written; the bytes are then not the text, so the byte-level screen is skipped (excerpts
    // still come from the bytes, as written).
    let bytesAreText = buf !== undefined;
    if (text.length <= MAX_MESSAGE_CHARS && text.includes('\\u00')) {
      const mended = text.replace(GO_JSON_ESCAPE, (m) => GO_JSON_ESCAPED[m] ?? m);
      if (mended !== text) {
        text = mended;
        bytesAreText = false;
      }
    }
    // What came just before: a watcher named, gopls named (one regex for both). Only on lines of
    // a size a program's message has: a 1 MB JSON body is a record, not a message.
    const short = text.length <= MAX_MESSAGE_CHARS;
    // One pass for the words the regexes below need (LINE_WORDS); a long line needs none. Over the
    // line's bytes the same loop runs the rules' needle pass (prescreenBytes), which
    // screenAndMatch below then uses.
    const prefound = short && bytesAreText;
    const lw = prefound ? prescreenBytes(buf!, off, text.length, lineWords()) : short ? lineWords().mask(text) : 0;
    const words = contextWordsOf(text, lw);
    if (words.watcher) this.lastWatchWords = this.lineNo;
    if (words.gopls) this.lastGoplsWords = this.lineNo;
    if (words.exec) this.lastExecWords = this.lineNo;
    if ((lw & W_CONTAINER) !== 0 && CONTAINER_WORDS.test(text)) {
      this.lastContainerWords = this.lineNo;
      const targets = short ? bindTargetsOf(text) : [];
      if (targets.length) this.bindTargets = targets;
    }
    if ((lw & W_CHMOD) !== 0 && CHMOD_X_WORDS.test(text)) this.lastChmodX = this.lineNo;
    if ((lw & W_GO_TOOL) !== 0 && TOOL_ID_WORDS.test(text)) this.lastToolId = this.lineNo;
    // A compiler's diagnostic just after a failed tool install: the tool's own source (named, so
    // not kept below as a line no rule names).
    let toolSource = false;
    if ((lw & W_ERRORISH) !== 0 && TOOL_INSTALL_FAILED_WORDS.test(text)) this.lastToolInstallFailed = this.lineNo;
    else if (short && this.lineNo - this.lastToolInstallFailed <= TOOL_INSTALL_CONTEXT_LINES && COMPILE_DIAGNOSTIC.test(text)) {
      const rule = ruleById('tool-source-does-not-compile');
      toolSource = !ruleSilenced(rule);
      if (toolSource) this.noteEvent(rule, excerptAround(text, buf, off));
    }
    // A line some rule is held back after (Rule.notAfter): only a line holding one of those
    // tests' words is tested (a long line has no bits: it is no such line).
    this.notAfterHere = 0;
    if ((lw & W_NOT_AFTER) !== 0) {
      for (let j = 0; j < NOT_AFTER.length; j++) {
        const na = NOT_AFTER[j]!.notAfter!;
        if (!na.test.test(text)) continue;
        this.notAfterHere |= 1 << j;
        this.notAfterSeen[j] = this.lineNo;
        if (na.wordsMislead) this.lastMisleading = this.lineNo;
      }
    }
    if (short && !this.quietBody) {
      for (const fact of this.envListing.see(text, this.lineNo, (lw & W_LISTING) !== 0, (lw & W_PASTED) !== 0)) if (!ruleSilenced(ruleById(fact))) this.noteEvent(ruleById(fact), excerptAround(text, buf, off));
      // An exec refused with EACCES, a mount listing, an ls -l: tied at the end (execListing.ts).
      this.execListing.see(text, this.lineNo);
    }
    // gopls named on this line or the few before it: for the rules (nearGopls) and, below, for a failure line no rule named.
    const goplsNear = this.lineNo - this.lastGoplsWords <= GOPLS_CONTEXT_LINES;
    // The rules read the line as printed (screenAndMatch mends what a web page or a mail client put
    // in place of the program's characters); excerpts keep it as pasted.
    const inContainer = this.lineNo - this.lastContainerWords <= CONTAINER_CONTEXT_LINES;
    const inBindMount = inContainer && this.bindTargets.length > 0 && namesPathUnder(text, this.bindTargets);
    const ctx = {
      nearWatcher: this.lineNo - this.lastWatchWords <= WATCH_CONTEXT_LINES,
      nearExec: this.lineNo - this.lastExecWords <= EXEC_CONTEXT_LINES,
      // A container runtime invoked in the lines before frames a refusal, but not one of a path the
      // command line's bind mounts leave in the image: with its mounts named,
      // a refused absolute path under none of their targets is the image's own file (labelled
      // container_file_t, which SELinux never refuses the container), and its mode or owner is
      // what refused: a non-root USER writing a root-owned directory, the classic.
      inContainer: inContainer && !(this.bindTargets.length > 0 && !inBindMount && namesAbsolutePath(text)),
      inBindMount,
      nearChmodX: this.lineNo - this.lastChmodX <= CHMOD_X_CONTEXT_LINES,
      afterToolId: this.lineNo - this.lastToolId <= TOOL_ID_CONTEXT_LINES,
      nearGopls: goplsNear,
      inDiagnostics: this.quietBody,
      sinceNotAfter: this.sinceNotAfter,
    };
    // A long line is not mended (screenAndMatch), so its lack of LINE_WORDS bits says nothing.
    // A short line's bits also tell the rules which of their regexes it cannot match.
    const matched = screenAndMatch(text, ctx, bytesAreText && buf ? { bytes: buf, at: off } : undefined, !short || (lw & W_PASTED) !== 0, prefound, short ? { table: LINE_WORDS, mask: lw } : undefined);
    const printed = matched.printed;
    let { screened, rules } = matched;
    // An import gopls's diagnostics say no module provides is the user's code as often as not (a
    // typo, a missing require: no rule reads it there), but beside a download GOPROXY=off refused
    // it is what that refusal did to the user: kept as that finding's evidence (proxyOffRefusals.ts).
    if (this.quietBody && this.unprovidedImports.length < MAX_EVENTS_PER_RULE && text.includes(UNPROVIDED_IMPORT)) this.unprovidedImports.push({ line: this.lineNo, text: excerptOf(text, buf, off, ruleById('package-not-found')) });
    // A C program's message in the user's language ("bash: go: Kommando nicht gefunden.", "fork:
    // Die Ressource ist zur Zeit nicht verfügbar", Java's "error=13, Keine Berechtigung"): read
    // again in English (localized.ts), the words the rules were written in; what they name there
    // is what this line says, named or not in its own words. The excerpt stays as pasted.
    if (short && this.body === 'none' && !this.quietBody) {
      const english = inEnglish(printed, true);
      const again = english === undefined ? undefined : screenPrinted(english, ctx);
      if (again && again.rules.length) {
        screened = true;
        rules = again.rules;
      }
    }
    const open = this.openBefore();
    this.openLine = undefined;
    if (rules.length === 0 && short && this.body === 'none' && !this.quietBody && !this.unwrapping) {
      // A hard-wrapped message ("…: The configured user limit (128)" / "on the number of inotify
      // instances has been reached, …"): the line before went on into this one, so the two are read
      // as one line. Only when neither half was named by a rule alone, and this line continues a
      // sentence (it starts in lower case); the joined line's rules are filed on this line.
      if (open && (open.cut || CONTINUES.test(printed))) {
        const joined = open.cut ? `${open.text}${printed}` : `${open.text.trimEnd()} ${printed.trimStart()}`;
        const again = screenPrinted(joined, ctx);
        if (again.rules.length) {
          // latin1 in, as the analyzer decodes its chunks: the excerpt goes back to UTF-8 (the two
          // lines joined, as the rules read them).
          const excerpt = Buffer.from(excerptOf(joined, undefined, 0, again.rules[0]!), 'latin1').toString('utf8');
          for (const r of again.rules) this.noteEvent(r, excerpt);
          return;
        }
      }
      // A console's cut is told by the line's whole length, a collector's prefix or an indent included.
      const cutHere = TERMINAL_WIDTHS.has(this.rawLength);
      if (GOES_ON.test(printed) || cutHere) this.openLine = { lineNo: this.lineNo, text: printed, cut: cutHere };
    }
    if (rules.length === 0) {
      // A message inside another program's quoting (a Lua or JSON string, ANSI colours): its own
      // lines are read instead, each as a line of this one (wrapped.ts). Not inside an LSP
      // record's body: gopls's own JSON is read as it is (its rules know its escapes), and a
      // trace is mostly such bodies, which would be read twice.
      const inner = short && this.body === 'none' && !this.quietBody && !this.unwrapping ? unwrapMessage(text) : undefined;
      if (inner) {
        this.unwrapping = true;
        try {
          for (const l of inner) this.scan(l, undefined, 0);
        } finally {
          this.unwrapping = false;
        }
      } else if (short && !this.quietBody) {
        // No rule knows the words: a failure line may still name its mechanism (mechanisms.ts).
        // Lines the rules screened are considered too, but only when they report a failure.
        // Such a line stays in the unclassified evidence too (a screened one is added there when
        // it names a mechanism): the finding is a guess at the class, the line is still unnamed.
        // The line's UTF-8 excerpt is cut once, whichever of the three below keeps it.
        let excerpt: string | undefined;
        const excerptOnce = () => (excerpt ??= excerptAround(text, buf, off));
        const errorish = (lw & W_ERRORISH) !== 0 && ERRORISH.test(text) && !GO_INVOCATION_TRACE.test(text) && !CLIENT_GONE.test(text);
        const named = (errorish || (screened && FAILURE_WORDS.test(text))) && this.noteMechanism(text, excerptOnce);
        // …or say, at least, that gopls is what failed (goplsNamed.ts): the class's symptom.
        // A line just after one naming gopls ("Installing gopls…", "$ gopls version") counts too,
        // within the reach the crash reader gives gopls's name (GOPLS_CONTEXT_LINES).
        // Cheapest tests first: most lines name no language server and follow none, so the name's
        // and the failure words' regexes do not run on them.
        // A diagnostic at a Go file's position ("main.go:31:2: Error return value … (errcheck)", a
        // compile or vet error) is about the code, whatever program printed it, so it is no failure of
        // gopls for being near gopls's name; a line naming gopls itself is read below as before.
        const nearGopls = !words.gopls && goplsNear && !SOURCE_DIAGNOSTIC.test(text);
        const namesGopls = !nearGopls && (lw & (W_GOPLS | W_NAMES_LS)) !== 0 && namesGoLanguageServer(text);
        const aboutGopls = (nearGopls || namesGopls) && (errorish || saysProcessFailed(text) || (namesGopls && saysBuildFailed(text)));
        if (aboutGopls && ++this.goplsFailureCount <= MAX_MECHANISM_LINES) this.goplsFailures.push({ line: this.lineNo, text: excerptOnce() });
        if ((errorish || named || aboutGopls || this.editorErrorLevel) && !toolSource) this.keepUnclassified(this.lineNo, excerptOnce());
        // Plain lines, and a timestamped line ("2022/11/14 14:40:53 …", gopls's event lines and
        // every Go program's log package) only when it reports a failure itself (a failure word or
        // an errno's text: "watcher.go:54: inotify_init: too many open files"): an LSP record's
        // JSON and gopls's healthy events are a server's chatter ("go env for …",
        // "packages.Load"), not a failure told in words, but "2022/11/14 14:40:53 Error: failed to
        // create FS watcher: …" is one whatever its prefix.
        const failing = errorish || named || aboutGopls;
        // (An errno's text is looked for on a short text's lines only: a long trace's event lines
        // are many, and its windows open on failure words alone, as before.)
        if (this.body === 'none' || (this.body === 'event' && (failing || (this.lineNo <= SHORT_TEXT_LINES && FAILURE_WORDS.test(text))))) this.noteUnnamedWords(text, failing, excerptOnce);
      }
      // An error gopls sent the editor to log (window/logMessage type 1) is a record's body, which
      // is otherwise not read for words: its message is what gopls itself calls a failure
      // ("diagnosing go.mod: err: exit status 1: stderr: go: … module lookup disabled by
      // GOPROXY=off"), the same words the client prints as "[Error - …] …" in the other log form.
      if (this.messageBody && this.body === 'scan' && !this.unwrapping) this.readErrorMessage(text, buf, off);
      if (!screened) return;
    }
    // Only while there is room for it: parseGoFailure is pure, and a log that repeats one go
    // failure on every request would parse each only to drop it.
    const failure = this.goFailures.length < MAX_GO_FAILURES && text.includes(': stderr: ') ? parseGoFailure(text) : undefined;
    if (failure) this.goFailures.push({ line: this.lineNo, status: own(failure.status), stderr: own(failure.stderr) });
    if (rules.length === 0) return;
    // A crash's first line ("panic: get user cache dir: neither $XDG_CACHE_HOME nor $HOME are
    // defined") says what went wrong in words the model can read; the crash itself is named only
    // when it is gopls's (the crash reader's owner), and a user's program's panic names nothing.
    // So does a bare "permission denied" (the refusal that does not say by what): its own words
    // ("fork/exec /tmp/go-build…/x.test") are what the refusing-layer guess goes by.
    if (short && this.body === 'none' && !this.quietBody && rules.every((r) => WORDS_READ_FROM.has(r.id))) this.noteUnnamedWords(text, true, () => excerptAround(text, buf, off));
    const excerpt = excerptOf(text, buf, off, rules[0]!);
    for (const r of rules) this.noteEvent(r, excerpt);
    // A crash told inside a record body rather than on stderr lines.
    if (!this.crash && rules.some((r) => r.id === 'panic' || r.id === 'fatal-error' || r.id === 'fatal-out-of-memory' || r.id === 'killed-by-signal-dump')) {
      if (!this.crashes.some((c) => c.line === this.lineNo)) this.crashFromText(text);
    }
  }

  /**
   * The message of a window/logMessage or window/showMessage record of type 1 (an error), line by
   * line as its JSON string holds them, for the resemblance model: the first line is failing (a
   * window opens around it), the rest (go's stderr) are read within it. At most
   * MAX_ERROR_MESSAGE_LINES lines of MAX_MESSAGE_CHARS each: a hostile record costs no more.
   */
  private readErrorMessage(text: string, buf: Buffer | undefined, off: number): void {
    const m = ERROR_MESSAGE_PARAMS.exec(text.length > MAX_ERROR_MESSAGE_SCAN ? text.slice(0, MAX_ERROR_MESSAGE_SCAN) : text);
    if (!m) return;
    const lines = unescapeJsonFragment(m[1]!).split('\n', MAX_ERROR_MESSAGE_LINES);
    let first = true;
    let excerpt: string | undefined;
    const excerptOnce = () => (excerpt ??= excerptAround(text, buf, off));
    for (const l of lines) {
      if (!l.trim()) continue;
      this.noteUnnamedWords(l.length > MAX_MESSAGE_CHARS ? l.slice(0, MAX_MESSAGE_CHARS) : l, first, excerptOnce);
      first = false;
    }
  }

  /** The held-back request-failure header had no "Message:" line under it: it is kept as it is. */
  private flushFailureHeader(): void {
    this.errorRecordHits = undefined;
    const h = this.failureHeader;
    this.failureHeader = undefined;
    if (h) this.keepUnclassified(h.line, h.text);
  }

  /** `line`: where the event was told, when not the line being read (a reading made at the end). */
  private noteEvent(r: Rule, excerpt: string, line = this.lineNo): void {
    this.ruleHits++;
    // A SIGKILL told just after a failure that only gave its exit status says how that process
    // ended (Rule.withdrawnByKill): the earlier reading is taken back.
    if (r.classId === 'memory-limit' && r.symptom === 'killed') this.withdrawBeforeKill();
    if (r.withdrawnByHugeAllocation !== undefined) {
      // The same crash after an absurd request, or the request told on this very line
      // ("cannot allocate 137438953472-byte block"): not the environment's limit either.
      if (this.lineNo - this.hugeAllocationAt <= r.withdrawnByHugeAllocation || (allocationSize(excerpt) ?? 0) >= HUGE_ALLOCATION_BYTES) {
        this.hugeAllocationAt = this.lineNo;
        return;
      }
      this.hugeAllocationUntil = this.lineNo + r.withdrawnByHugeAllocation;
    }
    // The language client's line for a record already read (or the record after its line) is the
    // same failure told again, not another one (echoedEvents.ts).
    if (this.echoOfRecent(r, excerpt, line)) return;
    const n = (this.eventCounts.get(r.id) ?? 0) + 1;
    this.eventCounts.set(r.id, n);
    if (n <= MAX_EVENTS_PER_RULE) this.events.push({ ruleId: r.id, classId: r.classId, severity: r.severity, line, text: excerpt, ...(this.frameStamp ? { stamp: this.frameStamp } : {}) });
  }

  /**
   * Is this event a copy of one of the rule's last few, a record's line and the client's line for
   * it (one inside a record's body, the other not)? Each event is paired with one copy at most.
   */
  private echoOfRecent(r: Rule, excerpt: string, line: number): boolean {
    const inBody = this.body !== 'none';
    const core = eventCore(excerpt, r.needles);
    const recent = (this.recentEvents.get(r.id) ?? []).filter((e) => line - e.line <= ECHO_LINES);
    const copy = recent.find((e) => !e.paired && e.inBody !== inBody && (inBody ? echoes(e.core, core) : echoes(core, e.core)));
    if (copy) copy.paired = true;
    else recent.push({ line, core, inBody, paired: false });
    this.recentEvents.set(r.id, recent.slice(-RECENT_EVENTS));
    return copy !== undefined;
  }

  /** Drops the events of rules withdrawn by a kill (Rule.withdrawnByKill) within their reach before this line. */
  private withdrawBeforeKill(): void {
    this.withdrawBefore(WITHDRAW_REACH, (r) => r.withdrawnByKill);
  }

  /**
   * Takes back the kept events (and their counts) of the lines before this one that `reachOf` gives
   * a reach covering this line. Events are in line order, so the walk back stops at `maxReach`: a
   * log of many withdrawing lines pays for the few events just before each.
   */
  private withdrawBefore(maxReach: number, reachOf: (r: Rule) => number | undefined): void {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i]!;
      if (e.line < this.lineNo - maxReach) break;
      const reach = reachOf(ruleById(e.ruleId));
      if (reach === undefined || e.line < this.lineNo - reach || e.line >= this.lineNo) continue;
      this.dropEventAt(i);
    }
  }

  /** Takes back one rule's kept events on these lines (a reading of the whole text found them harmless). */
  private withdrawLines(id: RuleId, lines: readonly number[]): void {
    if (!lines.length) return;
    const at = new Set(lines);
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i]!;
      if (e.ruleId === id && at.has(e.line)) this.dropEventAt(i);
    }
  }

  /** Removes the kept event at index i, and its count. */
  private dropEventAt(i: number): void {
    const [e] = this.events.splice(i, 1);
    const n = this.eventCounts.get(e!.ruleId)! - 1;
    if (n > 0) this.eventCounts.set(e!.ruleId, n);
    else this.eventCounts.delete(e!.ruleId);
  }

  /**
   * A line after an out-of-memory reading that names an allocation of HUGE_ALLOCATION_BYTES or
   * more takes back the readings it withdraws (Rule.withdrawnByHugeAllocation) within their reach.
   */
  private noteAllocationSize(line: string): void {
    const n = line.length < 400 ? allocationSize(line) : undefined;
    if (n === undefined || n < HUGE_ALLOCATION_BYTES) return;
    this.hugeAllocationUntil = 0;
    this.hugeAllocationAt = this.lineNo;
    this.withdrawBefore(HUGE_ALLOCATION_REACH, (r) => r.withdrawnByHugeAllocation);
  }

  /** True when the line names one class's mechanism. `excerpt` cuts the line's evidence when kept. */
  private noteMechanism(text: string, excerpt: () => string): boolean {
    const m = mechanismOf(text);
    if (!m) return false;
    const n = (this.mechanismCounts.get(m.classId) ?? 0) + 1;
    this.mechanismCounts.set(m.classId, n);
    if (n > MAX_MECHANISM_LINES) return true;
    this.mechanisms.push({
      classId: m.classId,
      line: this.lineNo,
      text: excerpt(),
      names: m.hits.map((h) => h.mechanism.name),
      words: m.hits.map((h) => own(h.words)),
    });
    return true;
  }

  /**
   * A plain line no rule named: its words for the resemblance model (SHORT_TEXT_LINES,
   * RESEMBLANCE_WINDOW). `failing`: the caller's own test (an ERRORISH line, a named mechanism, gopls
   * failing), free to pass. Only a short text pays for the wider test (tellsOfTrouble's other
   * words): a long log's windows open on failing lines alone, so its healthy lines cost no regex.
   */
  private noteUnnamedWords(text: string, failing: boolean, excerpt: () => string): void {
    // A line whose words name a class it says is not what failed (Rule.notAfter wordsMislead),
    // and the rest of the same line read as lines of its own.
    if (this.lastMisleading === this.lineNo) return;
    if (this.lineNo <= SHORT_TEXT_LINES) {
      // A runner's or builder's word that a step failed is no trouble of its own (boilerplate.ts):
      // it says the step failed, not how, and a Dockerfile's RUN around a log that tells of no
      // trouble must not make the model read that log. Its command's words are still read.
      if (!isStepFailure(text) && (failing || troubleWords(text))) this.troubleLines++;
      const before = this.earlyWords.size;
      addWords(text, this.earlyWords, inVocabulary);
      if (this.earlyWords.size > before && this.resemblanceLines.length < MAX_RESEMBLANCE_LINES) this.resemblanceLines.push({ line: this.lineNo, text: excerpt() });
    }
    if (this.lineNo <= this.failureWindowUntil) {
      addWords(text, this.failureWords, inVocabulary);
      return;
    }
    // Past the last window a long log costs one comparison a line from here on.
    if (this.failureWindows >= MAX_RESEMBLANCE_WINDOWS) return;
    if (failing) {
      this.failureWindows++;
      for (const t of this.recentUnnamed) addWords(t, this.failureWords, inVocabulary);
      this.recentUnnamed.fill('');
      addWords(text, this.failureWords, inVocabulary);
      this.failureWindowUntil = this.lineNo + RESEMBLANCE_WINDOW;
    } else {
      // A ring of the last RESEMBLANCE_WINDOW lines: no array grows or shifts.
      this.recentUnnamed[this.recentAt] = text;
      this.recentAt = (this.recentAt + 1) % RESEMBLANCE_WINDOW;
    }
  }

  private keepUnclassified(line: number, text: string): void {
    if (this.holdingHeader) {
      this.failureHeader = { line, text };
      return;
    }
    this.unclassifiedCount++;
    if (this.unclassified.length < MAX_UNCLASSIFIED) this.unclassified.push({ line, text });
  }

  // --- bookkeeping ------------------------------------------------------------------------

  /** Method names and ids repeat: one owned copy each (bounded: a hostile log gets no new ones). */
  private intern(s: string): string {
    // A slot per length and middle character first: a trace repeats a few dozen methods, and
    // comparing with the slot's string costs less than hashing each freshly cut one for the map.
    const slot = (s.length * 31 + s.charCodeAt(s.length >> 1)) & (INTERN_SLOTS - 1);
    const recent = this.internSlots[slot];
    if (recent === s) return recent;
    const hit = this.interned.get(s);
    if (hit !== undefined) return (this.internSlots[slot] = hit);
    if (this.interned.size >= MAX_INTERNED) return own(s);
    const o = own(s);
    this.interned.set(o, o);
    return (this.internSlots[slot] = o);
  }

  /**
   * intern() of line's latin1 bytes buf[from, to) (line starts at buf[off]): the same string. The
   * last one interned in the slot intern() would look in is compared with the bytes first, so a
   * repeated method is found without cutting it out of the line.
   */
  private internAt(line: string, buf: Uint8Array, off: number, from: number, to: number): string {
    const n = to - from;
    if (n > 0) {
      const recent = this.internSlots[(n * 31 + buf[from + (n >> 1)]!) & (INTERN_SLOTS - 1)];
      if (recent !== undefined && recent.length === n && sameLatin1(recent, buf, from)) return recent;
    }
    return this.intern(line.slice(from - off, to - off));
  }

  /** A header's time of day (timeOfDayMs) as milliseconds since the file's first midnight. */
  private lastSessionOf(start: ServerStart): LastSession {
    const s: LastSession = { startLine: start.line, endedByEditor: this.clientEnded, lastRecordLine: this.lastRecordLine, lastRecordText: own(this.lastRecordText.slice(0, 300).trimEnd()) };
    if (this.lastRecordDayMs !== undefined) s.lastRecordDayMs = this.lastRecordDayMs;
    return s;
  }

  private dayMsOf(timeOfDay: number | undefined): number | undefined {
    let t = timeOfDay;
    if (t === undefined) return undefined;
    t += this.dayOffset;
    // Past midnight the clock starts over; a file is read forwards, so add a day.
    if (this.lastDayMs !== undefined && t < this.lastDayMs - 60 * 60 * 1000) {
      this.dayOffset += 24 * 60 * 60 * 1000;
      t += 24 * 60 * 60 * 1000;
    }
    this.lastDayMs = t;
    return t;
  }

  private setPending(key: PendingKey, p: Pending): void {
    if (this.pending.size >= MAX_PENDING) {
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.pending.delete(oldest);
    }
    this.pending.set(key, p);
  }

  private sample(method: string, id: string, ms: number): void {
    // Bounded by method: past MAX_KEYS names, new ones share one OTHER entry (issue 9 finding 11).
    if (!this.samples.has(method) && this.samples.size >= MAX_KEYS) method = OTHER;
    let s = this.samples.get(method);
    if (!s) this.samples.set(method, (s = { count: 0, max: 0, values: [] }));
    s.count++;
    if (ms > s.max) s.max = ms;
    if (s.values.length < MAX_SAMPLES_PER_METHOD) s.values.push(ms);
    else {
      this.rng = (Math.imul(this.rng ^ (this.rng >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
      const j = this.rng % s.count;
      if (j < MAX_SAMPLES_PER_METHOD) s.values[j] = ms;
    }
    if (this.slowest.length < SLOWEST || ms > this.slowest[this.slowest.length - 1]!.ms) {
      this.slowest.push({ method, id, ms, line: this.lineNo });
      this.slowest.sort((a, b) => b.ms - a.ms);
      if (this.slowest.length > SLOWEST) this.slowest.length = SLOWEST;
    }
  }

  private noteError(method: string, message: string, line: number): void {
    method = this.intern(method);
    if (!this.errors.has(method) && this.errors.size >= MAX_KEYS) method = OTHER;
    let e = this.errors.get(method);
    if (!e) this.errors.set(method, (e = { method, count: 0, messages: [] }));
    e.count++;
    // Only while there is room, and not again for the message this method's last error had (its
    // reading is kept already: sanitizeMessage is pure). A server that answers every request with
    // the same error had each one sanitized and copied only to be found there or dropped.
    if (e.messages.length >= MAX_ERROR_MESSAGES || this.lastErrorMessage.get(e) === message) return;
    const msg = sanitizeMessage(message).slice(0, 300);
    if (!e.messages.some((m) => m.message === msg)) e.messages.push({ message: own(msg), line });
    // Owned (a cut string would keep its chunk alive), and only a message's size.
    if (message.length <= MAX_REMEMBERED_ERROR) this.lastErrorMessage.set(e, own(message));
    else this.lastErrorMessage.delete(e);
  }

  private summary(): LogSummary {
    const isGoplsLog = this.shapes.traceRecords + this.shapes.goplsErrorRecords + this.serverStartCount > 0;
    // A crash is gopls's only when its stack or its log says so; the others are kept as evidence.
    const crashes = this.crashes.map((c) => (c.owner === 'unknown' && isGoplsLog ? { ...c, owner: 'gopls' as const } : c));
    const unclassified = [...this.unclassified];
    let unclassifiedCount = this.unclassifiedCount;
    for (const c of crashes) {
      if (c.owner === 'gopls') continue;
      unclassifiedCount++;
      const text = `${c.stack.slice(0, 6).join('\n')}${c.owner === 'other' ? '\n(the stack is another program\'s, not gopls\'s)' : ''}`;
      if (unclassified.length < MAX_UNCLASSIFIED) unclassified.push({ line: c.line, text });
    }
    unclassified.sort((a, b) => a.line - b.line);
    const latencies: MethodLatency[] = [...this.samples.entries()]
      .map(([method, s]) => {
        const v = [...s.values].sort((a, b) => a - b);
        return { method, count: s.count, p50: pct(v, 0.5), p95: pct(v, 0.95), max: s.max };
      })
      .sort((a, b) => b.count - a.count || a.method.localeCompare(b.method));
    return {
      bytes: this.bytes,
      lines: this.lineNo,
      unknownLines: this.unknown,
      shapes: { ...this.shapes },
      requestsSent: this.requestsSent.toRecord(),
      requestsReceived: this.requestsReceived.toRecord(),
      notificationsSent: this.notificationsSent.toRecord(),
      notificationsReceived: this.notificationsReceived.toRecord(),
      latencies,
      slowest: [...this.slowest],
      errorReplies: [...this.errors.values()].sort((a, b) => b.count - a.count),
      serverStarts: this.starts.slice(-MAX_STARTS_KEPT),
      serverStartCount: this.serverStartCount,
      crashes,
      goFailures: [...this.goFailures],
      events: [...this.events],
      eventCounts: Object.fromEntries(this.eventCounts),
      unprovidedImports: [...this.unprovidedImports],
      ...(this.viewGoroots.length ? { viewGoroots: [...this.viewGoroots] } : {}),
      ...(this.packageLoads.empty + this.packageLoads.loaded ? { packageLoads: { ...this.packageLoads } } : {}),
      endedMidLine: this.endedMidLine,
      unanswered: this.pending.size,
      unclassified,
      unclassifiedCount,
      mechanisms: [...this.mechanisms],
      mechanismCounts: Object.fromEntries(this.mechanismCounts),
      goplsFailures: [...this.goplsFailures],
      goplsFailureCount: this.goplsFailureCount,
      resemblanceWords: [...(this.lineNo <= SHORT_TEXT_LINES ? (this.troubleLines ? this.earlyWords : []) : this.failureWords)].sort(),
      resemblanceLines: this.lineNo <= SHORT_TEXT_LINES ? [...this.resemblanceLines] : [],
      isGoplsLog,
      ...(this.starts.length ? { lastSession: this.lastSessionOf(this.starts[this.starts.length - 1]!) } : {}),
    };
  }
}

/**
 * A fresh copy of a string cut out of a chunk. V8 keeps a substring as a view of its parent, so
 * one stored method name would keep its whole 1 MiB chunk alive; everything kept past the line
 * it came from goes through here (or through intern()).
 */
export function own(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** s is the latin1 bytes from `at` on (its length's worth). */
function sameLatin1(s: string, bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== bytes[at + i]) return false;
  return true;
}

type PendingKey = number | string;

/**
 * The pending requests' key of a request id from the editor (`client`) or from gopls. Ids are
 * mostly small decimal numbers: one in its canonical form (no leading zero, up to 15 digits) is
 * the number 2 × id for the editor's, 2 × id + 1 for gopls's, which a Map hashes as it is; the
 * string "c:ID" / "s:ID" it was before was built, then flattened to be hashed, for every record.
 * Any other id keeps that string. One id and side, one key, so what is found is what was before.
 */
function pendingKey(client: boolean, id: string): PendingKey {
  const n = id.length;
  if (n > 0 && n <= 15 && (n === 1 || id.charCodeAt(0) !== 0x30)) {
    let v = 0;
    let i = 0;
    for (; i < n; i++) {
      const d = id.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (i === n) return client ? 2 * v : 2 * v + 1;
  }
  return `${client ? 'c' : 's'}:${id}`;
}

/** Nearest-rank percentile of sorted values. */
function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

/** The line as UTF-8, or for a long line the part around the first needle of the rule. */
function excerptOf(latin1: string, buf: Buffer | undefined, off: number, rule: Rule): string {
  let from = 0;
  let to = latin1.length;
  if (latin1.length > EXCERPT_CHARS) {
    // No needle in the text as pasted (the rules read it mended: asPrinted): from its start.
    const found = rule.needles.map((n) => latin1.indexOf(n)).filter((i) => i >= 0);
    const at = found.length ? Math.min(...found) : 0;
    from = Math.max(0, at - 150);
    to = Math.min(latin1.length, from + EXCERPT_CHARS);
  }
  const text = buf ? buf.toString('utf8', off + from, off + to) : latin1.slice(from, to);
  return (from > 0 ? '…' : '') + text.replace(/\r$/, '') + (to < latin1.length ? '…' : '');
}

/** An unclassified line as UTF-8, capped. */
function excerptAround(latin1: string, buf: Buffer | undefined, off: number): string {
  const to = Math.min(latin1.length, EXCERPT_CHARS);
  const text = buf ? buf.toString('utf8', off, off + to) : latin1.slice(0, to);
  return text.replace(/\r$/, '') + (to < latin1.length ? '…' : '');
}

/** A space, a tab or a CR: a line starting with one may be blank once trimmed (isBlank, onLine's CR). */
function startsBlankish(c: number): boolean {
  return isBlank(c) || c === 0x0d;
}

/** Whole text at once (tests, small logs). */
export function analyzeText(text: string | Buffer): LogSummary {
  const a = new LogAnalyzer();
  a.feed(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  return a.end();
}

/** The targets of the host bind mounts on a container runtime's command line (not "/" itself). */
export function bindTargetsOf(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(BIND_MOUNT_TARGETS)) {
    const t = (m[1] ?? m[2] ?? '').replace(/\/+$/, '');
    if (t.length > 1 && !out.includes(t) && out.length < MAX_BIND_TARGETS) out.push(t);
  }
  return out;
}

/**
 * Whether the line names an absolute path: a / that no name, dot, ~ or - comes right before (so not
 * ./x, ~/x, $PWD/x or a URL's //), then a name. Any other character may (a space, quotes of any
 * kind, whose UTF-8 bytes the analyzer's Latin-1 text shows as other characters, a colon).
 */
export function namesAbsolutePath(line: string): boolean {
  return ABSOLUTE_PATH.test(line);
}
const ABSOLUTE_PATH = /(?<![\w./~$-])\/[\w.-]/;

/** Whether the line names a path at or under one of the targets (the target followed by / : ' " or a space, or ending the line). */
export function namesPathUnder(line: string, targets: readonly string[]): boolean {
  for (const t of targets) {
    let at = line.indexOf(t);
    while (at >= 0) {
      const before = at === 0 ? ' ' : line[at - 1]!;
      const after = line[at + t.length];
      if (!/[\w./-]/.test(before) && (after === undefined || /[/:'"\s]/.test(after))) return true;
      at = line.indexOf(t, at + 1);
    }
  }
  return false;
}
