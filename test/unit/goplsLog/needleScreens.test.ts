// A rule's regex runs only on a line that passes its screens (rules.ts screenPrinted): the line
// must hold one of the rule's own needles, and then what testNeedsOf reads from the regex's plain
// runs (a needle of the whole table each alternative holds, and LINE_WORDS bits all of them hold).
// An edit that takes a plain run away (a `[/\\]` separator, a group of spellings) or adds a needle
// most lines hold changes no answer, so no other test sees it; only the 200 MB bench did, 12 %
// slower and 8 MiB heavier, a session later. This holds both screens where they are: the regexes
// testNeedsOf cannot screen by a needle are listed here, each with why, and on the real records
// the bench's trace is built from, no rule's regex runs on more than a few lines it does not match.
// Lines and regex runs are counted, never timed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_WORDS, W_ERRORISH, W_EXEC, W_GOPLS, W_LISTING, W_WATCHER, lineWordsOf } from '../../../src/goplsLog/analyzer.js';
import { RULES, screenAndMatch, testNeedsOf, type RuleId } from '../../../src/goplsLog/rules.js';

/** testNeedsOf read nothing from the regex (no needle, no bits). */
const NONE = 0;
const CASELESS = 'case-insensitive: testNeedsOf reads needles only from a case-sensitive regex';

/**
 * The rules whose regex testNeedsOf screens by no needle: what it does read (NONE, or the LINE_WORDS
 * bits every alternative holds) and why it reads no needle. Each is still tested only on a line
 * holding one of its own needles (given by hand: what its messages hold). A rule added to this
 * list needs a reason; a rule that leaves it (testNeedsOf now reads a needle) is taken off.
 */
const UNSCREENED: ReadonlyArray<readonly [RuleId, number, string]> = [
  ['go-binary-not-found', NONE, '\\\\?"go\\\\?" binary: an optional backslash splits the quoted name from its words'],
  ['go-not-recognized-localized', NONE, 'each phrase is a group of its Unicode and UTF-8-byte spellings (shared.ts windowsNotRecognized)'],
  ['go-toolchain-mismatch', NONE, '"package (archive|bufio|…) is not in": the standard packages are a group'],
  ['gopls-not-found', W_GOPLS, '"could not find [\'"]?gopls", "…/gopls: [Nn]o such file", the ✘ listing: a class or an optional quote splits each'],
  ['gopls-flags-invalid', W_GOPLS, 'a lookbehind (a word that is the value of the flag before it is no stray word) stops testNeedsOf from reading "gopls flags:" as a run'],
  ['gopls-not-recognized-localized', W_GOPLS, 'each phrase is a group of its Unicode and UTF-8-byte spellings (shared.ts windowsNotRecognized)'],
  ['package-not-found', NONE, '"package \\S+ is not in": the package name is between the words'],
  ['goroot-source-mixed', NONE, 'the compiler\'s three messages ("X redeclared in this block", "other declaration of", "undefined:") are a group after the path, and "found packages" is the other alternative: its needles are those phrases, by hand'],
  ['gopls-built-unsupported', W_GOPLS | W_LISTING, 'its needle ("…not supported by this version of gopls") runs on past the regex\'s last run'],
  ['go-too-old', W_LISTING, 'its needle ("…not supported by this version of gopls") runs on past the regex\'s last run'],
  ['go-too-old-for-tools', NONE, 'needles by hand, what each match holds (launch.ts); its x/tools paths spell the separator [/\\\\]; also nearGopls'],
  ['fatal-out-of-memory', NONE, '"^(prog: )?([Ee]rror: )?out of memory$": the bare phrase is no needle (": out of memory" is)'],
  ['eagain', NONE, 'its words are inside lookaheads, which testNeedsOf does not read; also nearExec'],
  ['kernel-oom-kill', NONE, 'kernel lines with numbers and names between the words ("pid N (comm), … was killed:", "+0x…/0x…")'],
  ['process-killed', NONE, 'a shell\'s job line "[1]  + 123 killed  prog": only " killed" is plain'],
  ['node-pid-pressure', NONE, '"low on resource: (pids|PIDPressure)": the resource is a group'],
  ['thread-create-eperm', NONE, '(pthread_create|clone3?|newosproc) … (EPERM|Operation not permitted): groups at both ends'],
  ['exec-eperm', NONE, '(ptrace|execve?|exec format) … EPERM: groups at both ends'],
  ['seccomp-new-syscall', NONE, 'a group of syscall names, then the errno as a group'],
  ['hardened-kernel-denied', NONE, 'grsecurity\'s and PaX\'s prefixes ("PAX: " and "PaX: ") are a group, and so is what they say'],
  ['container-security-options', NONE, 'each alternative is a flag or a field name followed by a group of values or a colon'],
  ['policy-mentioned', NONE, `the policies' names are a group between lookarounds; ${CASELESS}`],
  ['noexec-listed', W_EXEC, 'a mount listing read through lookaheads and groups'],
  ['exec-permission-denied', W_EXEC | W_ERRORISH, CASELESS],
  ['exec-relative-denied', W_EXEC | W_ERRORISH, CASELESS],
  ['exec-path-denied', W_EXEC | W_ERRORISH, CASELESS],
  ['inotify-enospc', NONE, `${CASELESS}; also nearWatcher`],
  ['inotify-emfile', W_WATCHER, `${CASELESS}; also nearWatcher`],
  ['watch-descriptors-exhausted', NONE, `${CASELESS}; also nearWatcher`],
  ['no-space-left', NONE, CASELESS],
  ['nfs-no-locks', NONE, CASELESS],
  ['stale-file-handle', NONE, CASELESS],
  ['quota-exceeded', NONE, CASELESS],
  ['fuse-endpoint-gone', NONE, 'lookaheads only (a path on the line, no socket words)'],
  ['nfs-server-unresponsive', NONE, CASELESS],
  ['fs-io-error', NONE, 'lookaheads only (a path on the line, no terminal words)'],
  ['fs-name-or-size-limit', NONE, 'lookaheads only (a path and the errno anywhere on the line)'],
  ['storage-limit-exceeded', NONE, '"low on resource: (ephemeral-storage|inodes)": the resource is a group'],
  ['selinux-avc-denied', NONE, '"avc: +denied": a quantified space splits the words'],
  ['selinux-avc-permissive', W_ERRORISH, '"avc: +denied": a quantified space splits the words'],
  ['selinux-avc-granted', NONE, '"avc: +granted": a quantified space splits the words'],
  ['tool-install-failed', W_ERRORISH, 'its "failed … gopls\'s path" alternatives hold no one literal rarer than either (launch.ts): an error word screens it'],
  ['gopls-shell-crash', W_GOPLS, CASELESS],
  ['gopls-bad-command', NONE, '"gopls: [Uu]nknown command": a class; also nearGopls'],
  ['go-dir-through-file', W_ERRORISH, '"(could not create module cache|…): …: not a directory": the cause is a group'],
  ['gopls-binary-broken', NONE, '"^fatal: (morestack on g0|bad g in signal handler)": a group'],
  ['go-mod-invalid', NONE, '"parsing go.mod: (unexpected module path|missing module line)": a group'],
  ['vendor-mode-lookup', NONE, '"cannot load X: open …/vendor/…": the separators are [/\\\\]'],
  ['server-exited', NONE, 'the language servers\' names (GO_LS) and "Connection is (closed|disposed)." are groups'],
  ['server-start-failed', NONE, '"[Ff]ailed to (start|launch|spawn) … language server": a class and groups'],
  ['gopls-kernel-crash', NONE, 'the language servers\' names, then "[pid]:": a group and a class'],
  ['gopls-listed-missing', W_GOPLS, '"gopls: … (not installed|not found)": a group'],
  ['gopls-exec-denied', NONE, '(fork/exec|spawn|exec:?) … (gopls|…): groups'],
  ['gopls-wrong-platform', NONE, '"[Bb]ad CPU type in executable" beside the servers\' names: a class and a group'],
  ['module-fetch-proxy-scheme', NONE, 'lookaheads only (two facts in either order)'],
  ['module-fetch-timeout', NONE, 'lookaheads only (two facts in either order)'],
  ['module-fetch-refused', NONE, 'lookaheads only (two facts in either order)'],
  ['module-fetch-unreachable', NONE, 'lookaheads only (two facts in either order); "(Get|read) \\"https?://…\\": EOF"'],
  ['module-fetch-forbidden', NONE, 'lookaheads only (two facts in either order)'],
  ['module-fetch-not-found', NONE, 'lookaheads only (two facts in either order)'],
  ['module-fetch-server-error', NONE, 'lookaheads only (two facts in either order)'],
  ['sumdb-private-lookup', NONE, 'lookaheads only (two facts in either order)'],
  ['toolchain-unavailable', NONE, '"invalid toolchain \\\\?"…\\\\?" in …go.(mod|work)": optional backslashes and a group'],
  ['vcs-auth-prompt', NONE, '"could not read (Username|Password)": a group'],
  ['inotify-limit-reached', W_WATCHER, CASELESS],
  ['oom-killed-named', NONE, CASELESS],
  ['memory-limit-exceeded', NONE, CASELESS],
  ['task-limit-named', NONE, '"pids.(max|events)", "threads[-_]max": a group, a class'],
  ['program-exec-denied', NONE, '"exec(ve?|vpe?|…) … (Permission denied|EACCES)": groups; also nearExec'],
  ['mmap-exec-eperm', NONE, '(mmap\\w*|PROT_EXEC) … ([Oo]peration not permitted|EPERM): groups'],
  ['not-permitted', NONE, 'lookaheads only (no chmod/chown words on the line)'],
  ['file-in-use', NONE, '"…because (it is being used by another process|another process has locked…)": a group'],
  ['selinux-named', NONE, CASELESS],
  ['apparmor-profile-denied', NONE, CASELESS],
  ['seccomp-named', NONE, CASELESS],
  ['no-new-privileges-set', NONE, 'The \\\\?"no new privileges\\\\?" flag: optional backslashes split it'],
  ['pod-security-refused', NONE, '"unable to validate against any (pod security policy|…)": a group'],
  ['sandbox-namespace-denied', NONE, CASELESS],
  ['system-exec-denied', W_ERRORISH, CASELESS],
  ['apparmor-named', W_ERRORISH, CASELESS],
  ['sigkill-reported', NONE, '(killed|terminated|died|exited) … (SIGKILL|signal 9): groups'],
  ['memory-limit-named', NONE, 'memory.(max|high|…), Memory(Max|High|Limit)=, "memory = N[KMGT]B": groups'],
  ['exec-refusal-words', NONE, '"/x is not (an )?executable …", "(execution error|[Ff]ailed to execute…)": groups'],
  ['exec-mount-option', W_EXEC, '"mount … -o …exec": options between the words'],
  ['shared-storage-exec', NONE, '(sh|bash|exec…) … /(sdcard|storage|…): groups'],
  ['selinux-vocabulary', NONE, CASELESS],
  ['apparmor-vocabulary', NONE, CASELESS],
  ['runtime-eperm', NONE, '(OCI runtime|runc|…) … ([Oo]peration not permitted|EPERM): groups'],
  ['file-lock-unsupported', NONE, '"(R?Lock|Unlock) X: (…not supported…)": groups'],
  ['go-not-found-shells', NONE, '"make[N]: (go|gofmt): …", "…/bin/go: [Nn]o such file": a group and a class'],
  ['gopls-not-found-shells', W_GOPLS, '"make[N]: gopls: …": the program is a group'],
  ['program-not-found-shells', NONE, 'one alternative is (?!) (shared.ts notOnPath without Emacs\'s words)'],
  ['go-shim-no-version', NONE, '"No version (is )?set for command": an optional word'],
  ['shim-no-version', NONE, '"No version (is )?set for command": an optional word'],
  ['go-manager-version-missing', NONE, '"No executable (go|gofmt) found for current version": a group'],
  ['gopls-manager-not-installed', W_GOPLS, '"No executable gopls(.exe)? found…": an optional suffix'],
  ['go-tool-id-failed', NONE, 'its test is (?!): it reads a line only after the go command named a failed GOROOT tool (afterToolId)'],
  ['goroot-tools-missing', NONE, '"pkg[\\\\/]tool[\\\\/]…": the separators are classes'],
  ['go-env-value-invalid', NONE, '"invalid GO(AMD64|ARM|…)": a group'],
  ['empty-go-path-exported', NONE, '"export (GOPATH|GOROOT)=": a group'],
  ['install-refuses-directives', NONE, '"…contains one or more (replace|exclude) directives": a group'],
  ['gopls-install-refused', NONE, 'its test is (?!): it reads a line only when gopls was named just before (nearGopls)'],
  ['module-path-mismatch', NONE, '"case-insensitive (import|file name) collision", "go.mod has post-vN…": groups'],
  ['go-not-found-windows-path', W_EXEC | W_ERRORISH, 'exec: \\\\?"go(.exe)?\\\\?": optional parts split the name from the words'],
  ['program-not-on-path-other', W_ERRORISH, 'exec: \\\\?"NAME\\\\?": any name between the words'],
  ['snap-runtime-leak', NONE, 'an error word, then a snap\'s library path: groups'],
  ['foreign-arch-exec', NONE, '"[Bb]ad CPU type in executable": a class'],
  ['old-gopls-no-file', NONE, '"no (AST|file information|metadata) for file://": a group'],
  ['go-not-on-path-words', NONE, 'shared.ts pathWords: the name and the PATH words are groups'],
  ['go-not-found-words', NONE, 'env.ts goNotFoundWords: the name (optionally quoted) and the kind word are groups, the not-found words a group after them: its needles are those words, by hand'],
  ['goroot-invalid', NONE, 'env.ts goVarUnset: "$?GOROOT( environment variable)? (is )?(not set|…)": optional groups between the name and its words; needles by hand (GO_VAR_UNSET_NEEDLES)'],
  ['gopath-invalid', NONE, 'env.ts goVarUnset: "$?GOPATH( environment variable)? (is )?(not set|…)": optional groups between the name and its words; needles by hand (GO_VAR_UNSET_NEEDLES)'],
  ['gopls-not-on-path-words', W_GOPLS, 'shared.ts pathWords: the name and the PATH words are groups'],
  ['program-not-on-path-words', NONE, 'shared.ts pathWords: the name and the PATH words are groups'],
  ['shell-status-127', NONE, '"(exited|terminated) with (exit )?code:? 127": groups'],
  ['container-path-denied', NONE, 'its test is (?!): it reads a line only after a container runtime ran or in a bind mount (inContainer, inBindMount)'],
  ['systemd-sandbox-step', NONE, '"status=2NN/(SECCOMP|…)": digits and a group'],
  ['gopls-under-tmpfs-path', NONE, '(fork/exec|spawn|…) … a tmpfs path: groups'],
  ['chmod-x-refused', NONE, 'its test is (?!): it reads a line only after chmod +x (nearChmodX)'],
  ['import-metadata-missing', NONE, '"no package (data )?for import": an optional word'],
  ['android-app-data-exec', W_ERRORISH, '(Cannot run program|fork/exec|exec:) /data/(data|user…): groups'],
];

describe('every rule regex is screened', () => {
  const listed = new Map(UNSCREENED.map(([id, bits, why]) => [id, { bits, why }]));

  it('lists each rule once, with a reason', () => {
    expect(listed.size).toBe(UNSCREENED.length);
    for (const [id, , why] of UNSCREENED) {
      expect(RULES.some((r) => r.id === id), `${id} is no rule`).toBe(true);
      expect(why.length, id).toBeGreaterThan(10);
    }
  });

  it('no needle is empty (it would pass every line), and a rule with a regex has needles (it is tested only on a line holding one)', () => {
    for (const r of RULES) {
      // A rule without needles is filed by the analyzer's own readers (goEnvListing.ts), never by the screen.
      if (r.test) expect(r.needles.length, r.id).toBeGreaterThan(0);
      expect(r.needles.every((n) => n.length > 0), r.id).toBe(true);
    }
  });

  it('testNeedsOf reads a needle from every rule regex but the listed ones, and no less than listed from those', () => {
    const problems: string[] = [];
    for (const r of RULES) {
      if (!r.test) continue;
      const n = testNeedsOf(r.test, LINE_WORDS);
      const l = listed.get(r.id);
      if (n?.needles) {
        if (l) problems.push(`${r.id}: screened by a needle now; take it off UNSCREENED`);
      } else if (!l) {
        problems.push(`${r.id}: testNeedsOf reads no needle from its regex (${n ? `bits ${n.bits} only` : 'nothing'}): an alternative without a plain run holding a needle? (or list it, with why)`);
      } else if (((n?.bits ?? 0) & l.bits) !== l.bits) {
        problems.push(`${r.id}: testNeedsOf reads bits ${n?.bits ?? 0}, less than the listed ${l.bits}`);
      } else if ((n?.bits ?? 0) !== l.bits) {
        problems.push(`${r.id}: testNeedsOf reads bits ${n?.bits ?? 0} now, more than listed (${l.bits}): update the list`);
      }
    }
    for (const [id] of UNSCREENED) if (!RULES.find((r) => r.id === id)?.test) problems.push(`${id}: has no regex`);
    expect(problems).toEqual([]);
  });
});

/** The real records the bench's trace is built from (bench/goplsLog.bench.mjs buildTrace). */
const TRACE_FILES = ['trace-healthy.rpc.log', 'trace-broken-import.rpc.log', 'trace-oom-killed.rpc.log', 'trace-go-missing.rpc.log', 'gopls-sigabrt.stderr.log'];
/** A rule's regex may run on this share of the lines without matching (about 14 of the ~690). */
const MAX_IDLE_SHARE = 0.02;
/** Rules over that share, with the most idle lines allowed and why. */
const OVER_SHARE: ReadonlyArray<readonly [RuleId, number, string]> = [
  // Its needles are x/tools's path with what each match holds beside it ("…/x/tools@v",
  // "…/x/tools/gopls@v", "# …", "/src/…"), so a goroutine dump's function lines no longer run it
  // (61 before). A frame's file line in the module cache ("\t…/golang.org/x/tools/gopls@v0.23.0/
  // internal/cmd/serve.go:173 +0x57a", 26 here) holds the same needle as a compile error there
  // ("…/x.go:12:2: undefined: …"): only what follows the line number tells them apart, and no
  // needle says that. The other 5: trace-oom-killed's workspace is x/tools's module cache, named
  // in its URIs. The bound is today's count: it may fall, not rise.
  ['gopls-build-failed', 31, 'a gopls stack frame\'s file line holds the module-cache path ("…/x/tools/gopls@vX/…") each compile error there holds'],
  // A goroutine dump's function lines ("golang.org/x/tools/gopls/internal/cache.(*snapshot).load(0xc…)",
  // 21 here) start with the package path a telemetry frame starts with ("…/cache.(*snapshot).load:+12"):
  // only what follows the name, its arguments or ":+N", tells them apart, and no needle says that.
  // The test is anchored at the line's start and fails at the arguments' "(0x". The bound is today's count.
  ['gopls-telemetry-stack', 21, "a goroutine dump's function line starts with the package path a telemetry frame starts with"],
];

describe('on the bench trace\'s real records, no rule regex runs on many lines it does not match', () => {
  const lines = TRACE_FILES.flatMap((f) => readFileSync(path.join(__dirname, '../../fixtures/logs', f), 'latin1').split('\n').map((l) => l.replace(/\r$/, '')));
  // Per rule: lines its regex ran on, and of those the lines it matched.
  const ran = new Map<RuleId, number>();
  const matched = new Map<RuleId, number>();
  const thisLine = new Map<RuleId, boolean>();
  const counted = RULES.filter((r) => r.test);

  beforeAll(() => {
    // The analyzer calls a rule's test.test(); an own property on each regex counts the calls.
    for (const r of counted) {
      const re = r.test!;
      Object.defineProperty(re, 'test', {
        configurable: true,
        value(s: string): boolean {
          const ok = RegExp.prototype.test.call(re, s);
          thisLine.set(r.id, (thisLine.get(r.id) ?? false) || ok);
          return ok;
        },
      });
    }
    // Each line as the analyzer's screen reads a line of a log (screenAndMatch with its LINE_WORDS
    // bits), on its own: a stack frame's line counts even though this dump's own frames go to the
    // crash reader, as a pasted one's may not.
    for (const line of lines) {
      thisLine.clear();
      screenAndMatch(line, {}, undefined, true, false, { table: LINE_WORDS, mask: lineWordsOf(line) });
      for (const [id, ok] of thisLine) {
        ran.set(id, (ran.get(id) ?? 0) + 1);
        if (ok) matched.set(id, (matched.get(id) ?? 0) + 1);
      }
    }
  });
  afterAll(() => {
    for (const r of counted) delete (r.test as { test?: unknown }).test;
  });

  it('reads enough lines, and the regexes ran on some (the counting works)', () => {
    expect(lines.length).toBeGreaterThan(600);
    expect([...ran.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
    expect([...matched.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
  });

  it(`no rule regex runs idle on more than ${MAX_IDLE_SHARE * 100} % of the lines, but the listed ones, within their bound`, () => {
    const over = new Map(OVER_SHARE.map(([id, max]) => [id, max]));
    const problems: string[] = [];
    for (const [id, n] of ran) {
      const idle = n - (matched.get(id) ?? 0);
      const max = over.get(id) ?? Math.floor(lines.length * MAX_IDLE_SHARE);
      if (idle > max) problems.push(`${id}: its regex ran on ${n} of ${lines.length} lines and matched ${n - idle} (${idle} idle, at most ${max}): a needle most lines hold, or a screen lost?`);
    }
    // A listed rule back under the share is taken off the list, so the list stays what it says.
    for (const [id] of OVER_SHARE) {
      const idle = (ran.get(id) ?? 0) - (matched.get(id) ?? 0);
      if (idle <= lines.length * MAX_IDLE_SHARE) problems.push(`${id}: ${idle} idle lines now, under the share: take it off OVER_SHARE`);
    }
    expect(problems).toEqual([]);
  });
});
