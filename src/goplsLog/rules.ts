// What the words in a gopls log mean: each rule names a message gopls, the go command, the Go
// runtime or the kernel writes, and the root-cause class it is evidence for. The rules are in
// rules/, one file per class; this file matches a line against them. A line is first screened
// with plain substrings (`needles`, which the benchmark also hands to `grep -E`), and only a line
// that contains one is tested against the rules in full.
import { NeedleSet } from './needleSet.js';
import type { CaselessWords } from './lineWords.js';
import { mandatoryRuns, type Alternative } from './regexLiterals.js';
import { RULES, type Rule } from './rules/index.js';
import type { ClassId } from '../doctor/model.js';

export { RULES, ruleById, type Rule, type RuleId } from './rules/index.js';

/**
 * strerror(3)'s words for the errnos the rules read, as glibc spells them. Rules and needles are
 * written in that casing (or Go's, all lower case: the needles drop the first letter), but people
 * and some programs write the same words Title Cased or in capitals ("bash: ./run.sh: Permission
 * Denied", "ERROR: PERMISSION DENIED"): such a line is read as if it had the usual casing.
 */
export const ERRNO_WORDS: readonly string[] = [
  'Operation not permitted',
  'No such file or directory',
  'Permission denied',
  'Resource temporarily unavailable',
  'Cannot allocate memory',
  'No space left on device',
  'Read-only file system',
  'Too many open files',
  'Exec format error',
  'Stale file handle',
  'No locks available',
  'Input/output error',
];
const titled = (p: string) => p.replace(/(^|[\s/-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
/** What only another casing holds (first letter dropped, as the rules' needles drop it). */
const CASE_VARIANTS: readonly string[] = [...new Set(ERRNO_WORDS.flatMap((p) => [titled(p), p.toUpperCase()].filter((v) => v !== p).map((v) => v.slice(1))))];
const ERRNO_ANY_CASE = new RegExp(ERRNO_WORDS.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'gi');
const CANONICAL = new Map(ERRNO_WORDS.map((p) => [p.toLowerCase(), p]));

/** The line with each errno phrase in strerror's casing, its first letter kept as written. Pure. */
export function errnoCased(text: string): string {
  return text.replace(ERRNO_ANY_CASE, (m) => m[0]! + CANONICAL.get(m.toLowerCase())!.slice(1));
}

/** The rules with a notAfter line (Rule.notAfter), in RULES order: the analyzer tracks where each one's line was seen. */
export const NOT_AFTER: readonly Rule[] = RULES.filter((r) => r.notAfter);

/**
 * For each notAfter test, in ASCII lower case, the longest plain run of each of its top-level
 * alternatives (regexLiterals.ts: every match of that alternative holds it): a line with none of
 * them cannot match any, so the analyzer runs those tests only on a line its one-pass word screen
 * found one of them in. A test with an alternative that holds no run could not be screened.
 */
export function notAfterWords(): string[] {
  // The analyzer keeps which of them a line matches as bits of a number.
  if (NOT_AFTER.length > 31) throw new Error('more than 31 rules with notAfter');
  const out = new Set<string>();
  for (const r of NOT_AFTER) {
    const re = r.notAfter!.test;
    for (const alt of mandatoryRuns(re) ?? [[]]) {
      const run = alt.filter((p): p is string => typeof p === 'string').sort((a, b) => b.length - a.length)[0];
      if (!run || (re.ignoreCase && !/^[\x00-\x7f]*$/.test(run))) throw new Error(`${r.id}: its notAfter test has an alternative without a plain ASCII run to screen lines by`);
      out.add(asciiLower(run));
    }
  }
  return [...out];
}

/** Every needle once, for the screen and for grep. */
export const NEEDLES: readonly string[] = [...new Set([...RULES.flatMap((r) => r.needles), ': stderr: ', ...CASE_VARIANTS])];

// Needles drop a leading letter ('ermission denied') so "Permission denied" (C, systemd, the
// kernel) and "permission denied" (Go) both pass one case-sensitive screen.

/**
 * The needles as one automaton, and each rule's needles as indexes into it: one pass over a line
 * says which needles it holds, and only the rules those needles name are tested. Built from the
 * tables on first use, so rules added to RULES need nothing else.
 */
interface NeedleIndex {
  set: NeedleSet;
  /** Per rule (RULES order): the indexes of its needles in `set`. */
  ruleNeedles: ReadonlyArray<readonly number[]>;
  /** Per needle: the rules (indexes into RULES, ascending) that name it. */
  needleRules: ReadonlyArray<readonly number[]>;
  /** One slot per needle, cleared after each line. */
  found: Uint8Array;
  /** The needles found in the line, in the order found (scratch, reused). */
  foundList: number[];
  /** One slot per rule: already a candidate for this line (scratch, cleared after each line). */
  candidate: Uint8Array;
  /** One slot per rule: matched this line (scratch, cleared after each line). */
  hit: Uint8Array;
  /** Per rule: the rules it yields to (indexes into RULES). */
  yieldTo: ReadonlyArray<readonly number[]>;
  /** Per needle: 1 when it is only in another casing of an errno's words (CASE_VARIANTS). */
  recase: Uint8Array;
  /** Per table of line words (or none), per rule: what its `test` needs a line to hold (testNeeds), once asked; null: nothing known. */
  needs: Map<LineWordsSeen['table'] | undefined, Array<TestNeeds | null | undefined>>;
}

/**
 * What a line must hold for a rule's `test` to match it, read from the regex's literals
 * (regexLiterals.ts): in every alternative, a run holding one of these line words (bits of the
 * caller's table, all of them needed), and, for a case-sensitive regex whose every alternative
 * holds a needle, one of those needles. The line's one pass found both, so a regex a line cannot
 * match is not run on it (on a trace's records, a third of the time the rules' regexes took).
 */
export interface TestNeeds {
  bits: number;
  needles: readonly number[] | undefined;
}

/** A line's LINE_WORDS bits (analyzer.ts) with the table they come from: the words each bit stands for. */
export interface LineWordsSeen {
  table: ReadonlyArray<readonly [string, number]>;
  mask: number;
}
let index: NeedleIndex | undefined;

/**
 * The corpus runner's leave-family-out check (`npm run test:corpus -- --heldout --lfo`) reads a
 * class's texts with every rule of that class silenced, so what the fallbacks (named mechanisms,
 * gopls named beside a failure, the word model) find of a family nobody has written down is
 * measured. Undefined restores every rule. The product never calls this.
 */
let silenced: ClassId | undefined;
export function silenceRulesOf(classId: ClassId | undefined): void {
  silenced = classId;
}
export function ruleSilenced(r: Pick<Rule, 'classId'>): boolean {
  return silenced !== undefined && r.classId === silenced;
}

function needleIndex(): NeedleIndex {
  if (index) return index;
  const at = new Map(NEEDLES.map((n, i) => [n, i]));
  const ruleNeedles = RULES.map((r) => r.needles.map((n) => at.get(n)!));
  const needleRules: number[][] = NEEDLES.map(() => []);
  ruleNeedles.forEach((ks, r) => {
    for (const k of new Set(ks)) needleRules[k]!.push(r);
  });
  const byId = new Map(RULES.map((r, i) => [r.id, i]));
  index = {
    set: new NeedleSet(NEEDLES),
    ruleNeedles,
    needleRules,
    found: new Uint8Array(NEEDLES.length),
    foundList: [],
    candidate: new Uint8Array(RULES.length),
    hit: new Uint8Array(RULES.length),
    yieldTo: RULES.map((r) => (r.yieldsTo ?? []).map((y) => byId.get(y)!)),
    recase: Uint8Array.from(NEEDLES, (n) => (CASE_VARIANTS.includes(n) ? 1 : 0)),
    needs: new Map(),
  };
  return index;
}

/** [A-Z] to lower case, nothing else: the line words' screen folds ASCII letters only. */
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** RULES[i].test's needs (TestNeeds) for a table of line words (or none), read on first use. */
function testNeeds(ix: NeedleIndex, i: number, table: LineWordsSeen['table'] | undefined): TestNeeds | null {
  let byRule = ix.needs.get(table);
  if (!byRule) ix.needs.set(table, (byRule = []));
  let n = byRule[i];
  if (n === undefined) byRule[i] = n = testNeedsOf(RULES[i]!.test!, table);
  return n;
}

/** What a line must hold for `re` to match it (TestNeeds); null when nothing is known. Pure. */
export function testNeedsOf(re: RegExp, table: LineWordsSeen['table'] | undefined): TestNeeds | null {
  const alternatives = mandatoryRuns(re);
  if (!alternatives) return null;
  const { set } = needleIndex();
  // The bits an alternative's runs hold: a word in ASCII's either case (as the screen reads it);
  // under the i flag only an ASCII word (a character outside ASCII folds to its other case there,
  // which the screen does not match). A group it goes through holds what all its own alternatives hold.
  const words = (table ?? []).filter(([w]) => !re.ignoreCase || /^[\x00-\x7f]*$/.test(w));
  const heldBits = (alt: Alternative): number => {
    let held = 0;
    for (const part of alt) {
      if (typeof part !== 'string') held |= part.reduce((all, a) => all & heldBits(a), -1);
      else {
        const lower = asciiLower(part);
        for (const [word, bit] of words) if (lower.includes(word)) held |= bit;
      }
    }
    return held;
  };
  let bits = -1;
  let needles: number[] | undefined = [];
  const marks = new Uint8Array(set.needles.length);
  for (const alt of alternatives) {
    bits &= heldBits(alt);
    // The needles its own runs hold, exactly (a case-sensitive regex's run is in the line as written).
    if (needles) {
      const list: number[] = [];
      if (!re.ignoreCase) for (const part of alt) if (typeof part === 'string') set.find(part, marks, list);
      for (const k of list) marks[k] = 0;
      if (list.length === 0) needles = undefined;
      else needles.push(...list);
    }
  }
  if (bits === -1) bits = 0;
  return bits === 0 && needles === undefined ? null : { bits, needles: needles && [...new Set(needles)] };
}

/** Finds any needle: the screen every scanned line goes through. */
export const SCREEN: { test(text: string): boolean } = {
  test: (text) => needleIndex().set.test(text),
};

/** The same screen as a POSIX ERE for `grep -E` (the benchmark's yardstick). */
export function needlesAsERE(): string {
  return NEEDLES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

export interface LineContext {
  /** A file watcher was named in the lines just before this one. */
  nearWatcher?: boolean;
  /** A program was being executed in the lines just before this one (a traceback through exec). */
  nearExec?: boolean;
  /** A container runtime was invoked in the lines before this one. */
  inContainer?: boolean;
  /** The line names a path under the target of a host bind mount a container runtime was given just before. */
  inBindMount?: boolean;
  /** Execute permission was being added in the lines just before this one. */
  nearChmodX?: boolean;
  /** The go command reported, in the lines just before, that a GOROOT tool failed to give its version. */
  afterToolId?: boolean;
  /** gopls was named on this line or the few before it (the module an error is about, a command line). */
  nearGopls?: boolean;
  /** The line is inside textDocument/publishDiagnostics: about the user's code. */
  inDiagnostics?: boolean;
  /**
   * How many lines ago a rule's notAfter test last matched (0: an earlier part of this line;
   * Infinity: not seen, or this line matches it itself). Asked only about a rule with notAfter
   * that matched the line.
   */
  sinceNotAfter?: (r: Rule) => number;
}

// A rule's full test has shapes like `ENOSPC[^\n]*\bwatch`: each occurrence of the first part
// scans to the end of the line, so a 1 MB line that repeats it is quadratic (fuzzing: 350 ms on
// 20 KB, minutes on 1 MB). A message a rule reads is short, so on a long line the test runs only
// on a few windows around the first occurrences of the rule's needles.
const WINDOW_CHARS = 512;
const MAX_WINDOWS = 6;
/** A line up to this long is tested whole. */
const LONG_LINE = 4096;

/** `occurs(i)` false: needles[i] is known to be absent, and the line is not searched for it again. */
export function windowsAround(text: string, needles: readonly string[], occurs: (i: number) => boolean = () => true): string[] {
  if (text.length <= LONG_LINE) return [text];
  const starts: number[] = [];
  for (let k = 0; k < needles.length; k++) {
    if (!occurs(k)) continue;
    const n = needles[k]!;
    let from = 0;
    while (starts.length < MAX_WINDOWS * needles.length) {
      const i = text.indexOf(n, from);
      if (i < 0) break;
      starts.push(i);
      // The next window starts past this one: a run of repeats costs one window, not thousands.
      from = i + WINDOW_CHARS;
    }
  }
  return starts
    .sort((a, b) => a - b)
    .slice(0, MAX_WINDOWS)
    .map((i) => text.slice(Math.max(0, i - WINDOW_CHARS), i + WINDOW_CHARS));
}

/** The rules a line says, after yieldsTo. Pure. */
export function matchRules(text: string, ctx: LineContext = {}): Rule[] {
  return screenAndMatch(text, ctx).rules;
}

/**
 * A line as it was printed, when a paste went through a renderer that turned each URL-like word
 * into a Markdown link to itself ("[golang.org/x/tools/gopls@v0.20.0](http://golang.org/x/tools/gopls@v0.20.0)
 * requires go >= 1.24.2"): the rules are written for the program's words, not the renderer's.
 * Only a link whose target is its own text (with a scheme added) is undone; other links stay.
 */
const SELF_LINK = /\[([^\]\n]{1,300})\]\(([^)\s]{1,320})\)/g;
const bare = (u: string) => u.replace(/^(?:https?|mailto):(?:\/\/)?/, '').replace(/\/$/, '');
export function unlinked(line: string): string {
  if (!line.includes('](')) return line;
  return line.replace(SELF_LINK, (all, label: string, target: string) => (bare(target) === bare(label) ? label : all));
}

/**
 * What loggers and collectors put before a program's own words: an ISO-8601 timestamp (GitHub
 * Actions' "2024-03-02T10:11:12.3456789Z ", kubectl logs --timestamps, journalctl -o short-iso),
 * syslog's and journalctl's "Mar  2 10:11:12 host prog[123]: ", docker compose's "service  | ",
 * BuildKit's plain progress "#8 0.234 ", a stream or level tag ("[stderr] ", "stderr: ", "[ERROR] "), and a
 * Markdown quote's "> " (a report quoting its log). A rule anchored at the start of the program's
 * message ("^\S+: line 4: …", a shell's) reads the line again without them. At most three,
 * outermost first.
 */
const LOG_PREFIX = /^(?:(?:>[ \t]?)+|#\d+ \d+(?:\.\d+)? |\[[^\]\n]{1,40}\][ \t]+|(?:std(?:err|out)|STD(?:ERR|OUT)|[Ss]tderr output):[ \t]+|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?\s+|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ [\w.@/-]{1,100}(?:\[\d+\])?: |[\w.-]{1,100}\s+\| ?)/;
export function withoutLogPrefix(line: string): string {
  let out = line;
  for (let i = 0; i < 3; i++) {
    const m = LOG_PREFIX.exec(out);
    if (!m || m[0].length === out.length) break;
    out = out.slice(m[0].length);
  }
  return logfmtMessage(out) ?? out;
}

/**
 * The message of a logfmt record, the structured form Go's daemons log in (logrus: dockerd,
 * containerd, k3s, podman, golangci-lint: `time="…" level=error msg="open /x: permission denied"`;
 * log/slog's TextHandler: `time=… level=ERROR msg=…`; go-kit: `ts=… caller=main.go:9 level=error
 * msg=…`), unquoted as the program wrote it: `exec: \"go\"` is `exec: "go"`. Undefined for any
 * other line. Pure.
 */
const LOGFMT = /^(?:(?:time|ts)=(?:"[^"\n]*"|\S+)[ \t]+)?(?:caller=\S+[ \t]+)?level=\w+[ \t]+msg=/;
export function logfmtMessage(line: string): string | undefined {
  const c = line.charCodeAt(0);
  // Cheap gate: t(ime=/ts=), c(aller=), l(evel=).
  if (c !== 0x74 && c !== 0x6c && c !== 0x63) return undefined;
  const m = LOGFMT.exec(line);
  if (!m) return undefined;
  const rest = line.slice(m[0].length);
  if (rest.charCodeAt(0) !== 0x22) return rest.replace(/[ \t]\w+=.*$/, '');
  let out = '';
  for (let i = 1; i < rest.length; i++) {
    const ch = rest[i]!;
    if (ch === '"') return out;
    // \" and \\ are the quote and the backslash; "\n" stays two characters, for escapedLines.
    if (ch === '\\' && (rest[i + 1] === '"' || rest[i + 1] === '\\')) out += rest[++i]!;
    else out += ch;
  }
  return out;
}

/**
 * A line as its program printed it, before a web page, a chat or a mail client replaced some of its
 * characters on the way into a report: a no-break space (U+00A0, U+202F) for a space, curly quotes
 * for straight ones, a zero-width space or a byte-order mark inserted, HTML's entities for quotes
 * and brackets. The analyzer reads bytes as latin1, so the UTF-8 forms are matched as their bytes
 * (U+00A0 is "\u00c2\u00a0", U+201C is "\u00e2\u0080\u009c"); a string holding real Unicode (a test's)
 * is mended too. The same string when there is nothing to mend (the common case costs one test). Pure.
 */
const PASTED = /\u00c2\u00a0|\u00e2\u0080[\u0098\u0099\u009c\u009d\u008b\u008c\u008d\u00af]|\u00ef\u00bb\u00bf|[\u00a0\u202f\u2018\u2019\u201c\u201d\u200b-\u200d\ufeff]|&(?:quot|apos|amp|lt|gt|nbsp|#3[49]|#x2[27]);/g;
const MENDED: Record<string, string> = {
  '\u00c2\u00a0': ' ', '\u00e2\u0080\u00af': ' ', '\u00a0': ' ', '\u202f': ' ',
  '\u00e2\u0080\u0098': "'", '\u00e2\u0080\u0099': "'", '\u2018': "'", '\u2019': "'",
  '\u00e2\u0080\u009c': '"', '\u00e2\u0080\u009d': '"', '\u201c': '"', '\u201d': '"',
  '&quot;': '"', '&#34;': '"', '&#x22;': '"', '&apos;': "'", '&#39;': "'", '&#x27;': "'", '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': ' ',
};
/**
 * The characters PASTED's matches start with, one by one (a screen finds them in the same pass as
 * other words, lineWords.ts); MAY_BE_PASTED is the same set as a regex.
 */
export const MAY_BE_PASTED_CHARS: readonly string[] = ['\u00a0', '\u00c2', '\u00e2', '\u00ef', '\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d', '\u200b', '\u200c', '\u200d', '\u202f', '\ufeff', '&'];
export const MAY_BE_PASTED = new RegExp(`[${MAY_BE_PASTED_CHARS.join('')}]`);
export function asPrinted(line: string): string {
  if (!MAY_BE_PASTED.test(line)) return line;
  return line.replace(PASTED, (m) => MENDED[m] ?? '');
}

/**
 * The lines of another program's output carried inside one line as a JSON string or an exception
 * message, joined by a literal "\\n" ({"stderr":"go: downloading …\\nKilled\\n"}, Node's "Error:
 * Command failed: go install …\\nKilled"): each as a line of its own, prefix peeled, so a rule
 * anchored at a message's start reads it. None for a line without such an escape. Pure.
 */
export function escapedLines(line: string): string[] {
  if (!line.includes('\\n')) return [];
  return line
    .split(/\\(?:r\\)?n/)
    // The first one starts where its JSON string does: after the last '":"' before it.
    .map((l, i) => withoutLogPrefix(unquoted(i === 0 ? l.replace(/^.*"\s*:\s*"/, '') : l)))
    .filter((l) => l.length > 0);
}

/**
 * What `s.replace(/^\s*["']?|["'},\]]*\s*$/g, '')` returns, by hand: each line of a multi-line
 * message went through that global regex, which tries its second branch at every position (a
 * measurable share of reading a log whose messages carry escaped newlines). The regex removes
 * the leading spaces and one quote, then, searching on from there (from index 1 when that match
 * was empty, as a global replace steps past an empty match), the first position from which only
 * closing characters then spaces run to the end. Tested against the regex in rules.test.ts. Pure.
 */
export function unquoted(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  let e = 0;
  while (e < n && isRegExpSpace(s.charCodeAt(e))) e++;
  if (e < n && (s.charCodeAt(e) === 0x22 || s.charCodeAt(e) === 0x27)) e++;
  // The tail: spaces back from the end, then closing characters " ' } , ] back from there.
  let p = n;
  while (p > 0 && isRegExpSpace(s.charCodeAt(p - 1))) p--;
  while (p > 0 && isClosing(s.charCodeAt(p - 1))) p--;
  const to = Math.max(p, e > 0 ? e : 1);
  return e === 0 && to === n ? s : s.slice(e, to);
}

const isClosing = (c: number) => c === 0x22 || c === 0x27 || c === 0x7d || c === 0x2c || c === 0x5d;
/** A regex's \s: WhiteSpace and LineTerminator (ECMA-262), the same code units. */
function isRegExpSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * One pass over the line: did any needle pass the screen (`: stderr: ` included, which names no
 * rule), and which rules does it say, after yieldsTo. The line is read as printed (asPrinted: the
 * characters a page or a mail put in place of the program's mended first), and `printed` is that
 * reading. Pure. `latin1`: the line is also these bytes from `at` on, one per code unit (the
 * analyzer decodes its chunks as latin1), and the pass reads them instead of the string.
 * `mayBePasted` false: the caller knows the line holds none of MAY_BE_PASTED_CHARS, so it is
 * already as printed (asPrinted would return it unchanged) and is not tested again.
 * `prefound` true: prescreenBytes() just ran the needle pass over this line's bytes (and nothing
 * screened another line since); its needles are used, unless mending changed the line.
 */
export function screenAndMatch(text: string, ctx: LineContext = {}, latin1?: { bytes: Uint8Array; at: number }, mayBePasted = true, prefound = false, words?: LineWordsSeen): { screened: boolean; rules: Rule[]; printed: string } {
  const printed = text.length <= LONG_LINE && mayBePasted ? asPrinted(text) : text;
  if (prefound && printed !== text) {
    clearFound(needleIndex());
    prefound = false;
  }
  const { screened, rules } = screenPrinted(printed, ctx, printed === text ? latin1 : undefined, prefound, printed === text ? words : undefined);
  return { screened, rules, printed };
}

/**
 * The needle pass of screenAndMatch over a line's latin1 bytes and a CaselessWords pass, in one
 * loop (NeedleSet.findBytesAndWords); returns the words' mask. The needles found wait for the
 * screenAndMatch(…, prefound = true) of the same line, which the caller makes next.
 */
export function prescreenBytes(bytes: Uint8Array, at: number, length: number, words: CaselessWords): number {
  const ix = needleIndex();
  clearFound(ix);
  ix.set.findBytesAndWords(bytes, at, at + length, ix.found, ix.foundList, words);
  return ix.set.wordMask;
}

function clearFound(ix: NeedleIndex): void {
  for (const k of ix.foundList) ix.found[k] = 0;
  ix.foundList.length = 0;
}

/**
 * screenAndMatch on a line already read as printed (a hard-wrapped message's two halves joined).
 * `words`: the line's LINE_WORDS bits, when the caller has them for this very text.
 */
export function screenPrinted(text: string, ctx: LineContext = {}, latin1?: { bytes: Uint8Array; at: number }, prefound = false, words?: LineWordsSeen): { screened: boolean; rules: Rule[] } {
  const ix = needleIndex();
  const { set, ruleNeedles, needleRules, found, foundList, candidate, hit, yieldTo, recase } = ix;
  // The pass sets each found needle once and lists it, so the list's length is its count.
  const some = prefound ? foundList.length : latin1 ? set.findBytes(latin1.bytes, latin1.at, latin1.at + text.length, found, foundList) : set.find(text, found, foundList);
  if (some === 0) return { screened: false, rules: [] };
  if (foundList.some((k) => recase[k] === 1)) {
    // Read again in strerror's casing; the recased line holds no variant, so this happens once.
    clearFound(needleIndex());
    return screenPrinted(errnoCased(text), ctx);
  }
  const hits: number[] = [];
  // Only the rules that name a needle the line holds, in RULES order (first match, excerpts and
  // yieldsTo read the order). Walking all 200-odd rules for every line that held one needle was
  // most of the matcher's time on a long log.
  const rules: number[] = [];
  for (const k of foundList) {
    for (const i of needleRules[k]!) {
      if (candidate[i] === 0) (candidate[i] = 1), rules.push(i);
    }
  }
  sortAscending(rules);
  let plain: string | undefined;
  let peeled: string | undefined;
  let segments: string[] | undefined;
  try {
    for (const i of rules) {
      const r = RULES[i]!;
      if (r.userCode && ctx.inDiagnostics) continue;
      if (ruleSilenced(r)) continue;
      if (r.test) {
        // The strings tested below are all this text or parts of it (unless a Markdown link is
        // undone: then the needs are not looked at), so a need it lacks they lack.
        plain ??= text.length <= LONG_LINE ? unlinked(text) : text;
        const needs = plain === text ? testNeeds(ix, i, words?.table) : null;
        const may = needs === null || ((words === undefined || (words.mask & needs.bits) === needs.bits) && (needs.needles === undefined || needs.needles.some((k) => found[k] === 1)));
        const test = (w: string) => (may && r.test!.test(w)) || (ctx.nearWatcher && r.nearWatcher?.test(w)) || (ctx.nearExec && r.nearExec?.test(w)) || (ctx.inContainer && r.inContainer?.test(w)) || (ctx.inBindMount && r.inBindMount?.test(w)) || (ctx.nearChmodX && r.nearChmodX?.test(w)) || (ctx.afterToolId && r.afterToolId?.test(w)) || (ctx.nearGopls && r.nearGopls?.test(w));
        if (text.length <= LONG_LINE) {
          if (!test(plain) && ((peeled ??= withoutLogPrefix(plain)) === plain || !test(peeled)) && !(segments ??= escapedLines(plain)).some((l) => test(l))) continue;
        } else {
          // A long line is searched again only for the needles the pass found in it.
          const mine = ruleNeedles[i]!;
          if (!(r.windowNeedles ? windowsAround(text, r.windowNeedles) : windowsAround(text, r.needles, (k) => found[mine[k]!] === 1)).some(test)) continue;
        }
      }
      // Held back after its notAfter line: asked only here, once the rule has matched.
      if (r.notAfter && ctx.sinceNotAfter && ctx.sinceNotAfter(r) <= r.notAfter.lines && (!r.notAfter.holds || r.notAfter.holds.test(text))) continue;
      hits.push(i);
    }
    if (hits.length < 2) return { screened: true, rules: hits.map((i) => RULES[i]!) };
    // yieldsTo: a hit is dropped when a rule it yields to is a hit too.
    for (const i of hits) hit[i] = 1;
    const out: Rule[] = [];
    for (const i of hits) if (!yieldTo[i]!.some((t) => hit[t] === 1)) out.push(RULES[i]!);
    return { screened: true, rules: out };
  } finally {
    for (const k of foundList) found[k] = 0;
    for (const i of rules) (candidate[i] = 0), (hit[i] = 0);
    foundList.length = 0;
  }
}

/** Sorts a short list of distinct numbers in place (an insertion sort: no comparator calls). */
function sortAscending(a: number[]): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}
