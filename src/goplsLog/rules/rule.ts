// What a rule is: a message family gopls, the go command, the Go runtime, an editor client or the
// kernel writes, the root-cause class it is evidence for, and how a line is tested for it.
import type { ClassId, HeadlineId, Severity, SymptomKind } from '../../doctor/model.js';
import type { RuleId } from './order.js';

export interface Rule {
  id: RuleId;
  classId: ClassId;
  severity: Severity;
  confidence: number;
  /** A line is tested only if it contains one of these; the same strings go to grep in the bench. */
  needles: readonly string[];
  /** The full test on a line that passed the screen; defaults to "contains a needle". */
  test?: RegExp;
  /**
   * On a line too long to test whole (rules.ts LONG_LINE), the test runs on windows around the
   * first occurrences of these instead of the needles: one short string every match holds, when
   * the needles are several longer ones. Each needle's own occurrences are spaced a window apart,
   * but different needles' are not, so many needles' first windows overlap near the line's start
   * and reach less far into it than one string's do.
   */
  windowNeedles?: readonly string[];
  /**
   * When a file watcher was named in the lines just before (fsnotify's "Start watching /tmp",
   * node's "watching …"), this test alone is enough: an ENOSPC then is the watcher's.
   */
  nearWatcher?: RegExp;
  /**
   * When a program was being executed in the lines just before (Python's subprocess
   * `_execute_child`, an exec call), this test alone is enough: the refusal is the exec's.
   */
  nearExec?: RegExp;
  /**
   * When a container runtime was invoked in the lines before (`docker run …`, `podman exec …`,
   * "Starting docker container"), this test alone is enough: a path refused inside a container
   * is most often the host's label policy on a bind mount, not the file's mode.
   */
  inContainer?: RegExp;
  /**
   * When the line names a path under the target of a host bind mount given to a container runtime
   * just before (`docker run -v /home/u/src:/go/src/app …`, `--mount type=bind,…,target=/src`), this
   * test alone is enough: that path is the host's content, not the image's.
   */
  inBindMount?: RegExp;
  /**
   * When execute permission was just being added (`chmod +x f`, `chmod 755 f`) in the lines
   * before, this test alone is enough: the refusal is of setting an execute bit.
   */
  nearChmodX?: RegExp;
  /**
   * When the go command just reported that asking one of its GOROOT tools for its version failed
   * ("go tool asm: exit status 2", cmd/go work/buildid.go toolID), this test alone is enough: the
   * lines that follow are that tool's own stderr.
   */
  afterToolId?: RegExp;
  /**
   * A line that says what follows it is no sign of this rule's class: within `lines` lines after a
   * line matching `test` (an earlier part of the same line, read as lines of its own, counts as 0
   * lines before), the rule does not fire on a line matching `holds` (every line it fires on when
   * absent). A line matching `test` itself is not held back: only the lines before it are looked
   * at. The analyzer tracks where `test` last matched (on lines up to MAX_MESSAGE_CHARS, as read,
   * screened by the literal text every match of `test` holds, regexLiterals.ts), and a rule looks
   * at it only on a line it matched: other lines and other rules pay nothing.
   * `wordsMislead`: the `test` line's own words are a false sign of the class (it names the
   * class's mechanism while saying it is not what failed), so the word model does not read them.
   * The rule's other evidence (unclassified lines, mechanisms) is kept.
   */
  notAfter?: { test: RegExp; lines: number; holds?: RegExp; wordsMislead?: true };
  /** When gopls was named on this line or the few before it, this test alone is enough. */
  nearGopls?: RegExp;
  /** The compiler says this about the user's code too: not read inside published diagnostics. */
  userCode?: true;
  /**
   * The failure this rule reads is a process's exit status, and the lines after it may say how
   * that process ended: when a SIGKILL symptom (memory-limit's `killed`) follows within this many
   * lines, the rule's event is withdrawn. "link: running gcc failed: exit status 1" blames the C
   * toolchain's environment, but "collect2: fatal error: ld terminated with signal 9 [Killed]"
   * just below says the linker was killed: the environment is not what failed. Rules look at the
   * lines before them; this and withdrawnByHugeAllocation are the places a later line takes an
   * earlier reading back.
   */
  withdrawnByKill?: number;
  /**
   * Lines (below) within which a single allocation request no machine could grant (HUGE_ALLOCATION,
   * 64 GiB or more, in the runtime's own frames or its "cannot allocate N-byte block") takes this
   * rule's reading back: the program asked for that, which is its bug (a length read from hostile
   * or corrupt input), not a memory limit of the environment.
   */
  withdrawnByHugeAllocation?: number;
  /**
   * The rule's line names a mechanism or a setting (SELinux's mode, a seccomp filter installed,
   * GOTMPDIR moved), not a failure: it is evidence of the class only beside a failure the text
   * tells of. A status listing, a relabel that worked or a build that went on under a moved
   * GOTMPDIR, with no failure anywhere, is a state, and no finding is made (probes/goplsLogs.ts
   * failureTold). `true`: every line the rule reads is such; a RegExp: only the lines it matches
   * (a status tool's own output, a command typed to look), the rule's other lines saying more.
   * Its own line counts as the failure when it tells of trouble itself ("SELinux is preventing …").
   */
  besideFailure?: true | RegExp;
  /** Rules that, when they match the same line, already say what this one would say better. */
  yieldsTo?: readonly RuleId[];
  /** Classes whose symptoms this explains (go missing → "no views" and a dead language server). */
  explains?: readonly ClassId[];
  /** What the finding is about when its class's title would tell another story (model.ts HEADLINE_IDS). */
  headline?: HeadlineId;
  /**
   * What the line is: an observed symptom (gopls died, a build was killed, a thread could not be
   * created) or a cause. Absent = cause. A symptom names its kind, which decides which causes
   * explain it (src/doctor/explain.ts).
   */
  role?: 'symptom' | 'cause';
  symptom?: SymptomKind;
  /** One sentence for the finding; `n` is how many lines said it. */
  says: string;
  /**
   * What the finding says instead where a live run found the login shell with the same values
   * (probes/sameInLoginShell.ts): `says` puts the failure down to a launcher that did not pass the
   * shell's environment on, which a log cannot rule out but the run then has.
   */
  inShellToo?: string;
}
