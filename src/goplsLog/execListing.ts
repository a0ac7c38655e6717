// Why an exec was refused, read across lines. "bash: ./bin/shop: Permission denied" or node's
// "spawn /home/u/go/bin/gopls EACCES" says only that execve(2) answered EACCES: a noexec mount, a
// file without its execute bit, or a policy. Users asked "what does findmnt say?" or "ls -l?" paste
// the answer below (or above) the failure, and that answer decides it: the refused path lies under a
// mount whose options hold noexec, or `ls -l` shows the file with no x bit for anyone. No single line
// says so, so the rules cannot; this keeps the few paths and listings a paste holds and ties them.
// Pure and bounded: a few short strings of state per file.
import { isInside } from '../host/paths.js';

export type ExecListingFact = 'exec-refused-on-noexec' | 'exec-refused-no-x-bit';

/** What a fact was read from: the refused path and the line of the listing that decides it. */
export interface ExecListingReading {
  fact: ExecListingFact;
  /** The path execve refused, as the text wrote it. */
  refused: string;
  /** The listing line (a mount's, or ls -l's) that says why, and its line number. */
  listing: string;
  line: number;
}

/**
 * A refused exec, in the words of the programs that start others: node's child_process ("spawn
 * /x EACCES", libuv's errno name after the file), Go's os/exec ("fork/exec /x: permission denied",
 * LookPath's `exec: "/x": permission denied`), shells ("bash: ./x: Permission denied", "bash: line
 * 3: /x: Permission denied", dash's "/bin/sh: 1: ./x: Permission denied", "zsh: permission denied:
 * ./x"), execvp's perror and make's "unable to execute ./x: Permission denied". The file must be a
 * path (it holds a slash), as execve is given it; `bash: cd: /x: Permission denied` is a directory.
 */
const REFUSED: readonly RegExp[] = [
  /\bspawn (\.{0,2}\/\S+) EACCES\b/,
  /\bfork\/exec (\.{0,2}\/[^:\n]+): permission denied/i,
  /\bexec: "(\.{0,2}\/[^"\n]+)": permission denied/,
  /(?:^|\s)-?(?:\/\S*\/)?(?:ba|z|da|k|fi)?sh(?:: line \d+)?(?:: \d+)?: (?!cd:)(\.{0,2}\/?[^\s:]*\/[^\s:]*): Permission denied/,
  /\bzsh: permission denied: (\.{0,2}\/?\S*\/\S*)/,
  /\b(?:execvp|unable to execute): (\.{0,2}\/?[^\s:]*\/[^\s:]*): Permission denied/,
];

/**
 * The three ways mounts are listed with their options: mount(8)'s "SRC on TARGET type FS (OPTS)"
 * (its target may hold spaces), /proc/mounts' and fstab's "SRC TARGET FS OPTS [N N]", and
 * /proc/self/mountinfo's "ID PARENT MAJ:MIN ROOT TARGET OPTS … - FS SRC SUPEROPTS" (the per-mount
 * options, where noexec is, come before the separator). findmnt's table is read by its header.
 */
const MOUNT_LINE = /^\s*\S+ on (\/.*?) type \S+ \(([^)]*)\)/;
const MOUNTS_LINE = /^\s*\S+\s+(\/\S*)\s+[\w.-]+\s+((?:rw|ro|defaults)(?:,[\w=:.@/+-]*)*)(?:\s+\d+\s+\d+)?\s*$/;
const MOUNTINFO_LINE = /^\s*\d+\s+\d+\s+\d+:\d+\s+\S+\s+(\/\S*)\s+((?:rw|ro)(?:,[\w=:.@/+-]*)*)\s(?:.*\s)?-\s/;
/** findmnt's default header (TARGET SOURCE FSTYPE OPTIONS), in any column order -o chose. */
const FINDMNT_HEADER = /^\s*TARGET\b.*\bOPTIONS\b/;
/** A findmnt row: the target first (after the tree's ├─ └─ │ in a full listing), options anywhere. */
const FINDMNT_ROW = /^[\s│├└─|`-]*(\/\S*)\s/;
const OPTIONS_FIELD = /(?:^|\s)((?:rw|ro)(?:,[\w=:.@/+-]*)*)(?=\s|$)/;
/** A findmnt table ends at a line that is no row: a prompt, a blank line, another command's output. */
const FINDMNT_ROWS = 400;

/**
 * `ls -l`'s long format (GNU coreutils, busybox, BSD): the mode, links, owner, group, size, a
 * date (locale "Mar  2 10:11" or --time-style's ISO forms), then the name as given on the command
 * line or a directory's entry; a symlink's " -> target" is cut.
 */
const LS_LONG = /^\s*(-[rwxsStT-]{9})[.+@]?\s+\d+\s+\S+\s+\S+\s+[\d,]+\s+(?:\w{3}\s+\d{1,2}\s+(?:\d{1,2}:\d{2}|\d{4})|\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[+-]\d{4})?)?)\s+(.+?)\s*$/;
/** stat(1)'s "  File: x" and "Access: (0644/-rw-r--r--)" lines. */
const STAT_FILE = /^\s*File: [‘'"`]?(.+?)[’'"`]?\s*$/;
const STAT_ACCESS = /^\s*Access: \(\d{3,4}\/(-[rwxsStT-]{9})\)/;

/**
 * A build or install typed in the text. cmd/go writes the binaries it builds with mode 0777 &^
 * umask (work/shell.go moveOrCopyFile, BuildInstallFunc), so one listed without any x bit after it is
 * a file system that keeps no modes (vfat, exFAT, NTFS under fmask, Android's shared storage, a
 * FUSE mount with a mask): the mount's story, not a chmod the user forgot (termux#1345: GOBIN on
 * /sdcard listed -rw-rw---- root everybody).
 */
const GO_BUILDS = /(?:^|[\s$#>:])go (?:install|build)\b/;

/**
 * Where cmd/go builds and runs what it builds: GOTMPDIR, else os.TempDir() (TMPDIR, else /tmp), as a
 * `go env` or `export` line in the text sets them ("GOTMPDIR=''" is unset).
 */
const TEMP_VAR = /^\s*(?:set\s+|export\s+)?"?(GOTMPDIR|TMPDIR)"?\s*[=:]\s*["']?([^"'\s]*)["']?,?\s*$/;
/**
 * Mounts a system makes noexec on purpose, where no Go build, module cache or installed tool lives:
 * systemd's /run and its /run/user/UID, /dev/shm, /dev/mqueue, /boot. A listing with only these
 * noexec, and the directory builds use shown exec-able, is a healthy machine's.
 */
const SYSTEM_NOEXEC = /^\/(?:run|dev|boot)(?:\/|$)/;

const MAX_PATHS = 32;
const MAX_MOUNTS = 200;
const MAX_MODES = 200;
/** A `stat` File: line names the file the Access: line just below it describes. */
const STAT_LINES = 4;

interface Mount {
  target: string;
  noexec: boolean;
  line: string;
  at: number;
}

interface Mode {
  name: string;
  mode: string;
  line: string;
  at: number;
}

/**
 * Fed a text line by line (see), it says at the end (readings) what the text's listings tell of
 * its refused execs: only then is the deepest mount holding a path known, as a findmnt tree lists
 * /home before /home/u/go.
 */
export class ExecListing {
  private readonly refused: string[] = [];
  private readonly mounts: Mount[] = [];
  private readonly modes: Mode[] = [];
  private findmntAt = -Infinity;
  private stat: { name: string; at: number } | undefined;
  private goBuilt = false;
  /** GOTMPDIR's and TMPDIR's values as the text sets them. */
  private readonly temp: { GOTMPDIR?: string; TMPDIR?: string } = {};

  /** One line of the text. */
  see(line: string, lineNo: number): void {
    // Most lines hold none of these: a refusal's words, a mount option list's rw/ro, a findmnt
    // header, an ls/stat mode. The screens are plain searches so a 200 MB trace pays little.
    if (line.includes('ermission denied') || line.includes('EACCES')) {
      const p = refusedPath(line);
      if (p && this.refused.length < MAX_PATHS && !this.refused.includes(p)) this.refused.push(p);
      return;
    }
    // An LSP trace is mostly JSON bodies and record headers ({, ", [, }, "Params: {…}"), which hold
    // no listing: the 200 MB trace bench lost about a tenth of its speed to the screens below.
    const c = firstNonBlank(line);
    if (c === 0x7b || c === 0x22 || c === 0x5b || c === 0x7d || line.startsWith('Params: ') || line.startsWith('Result: ')) return;
    if (!this.goBuilt && line.includes('go ') && GO_BUILDS.test(line)) this.goBuilt = true;
    if (line.includes('TMPDIR')) {
      const v = TEMP_VAR.exec(line);
      if (v) {
        this.temp[v[1] as 'GOTMPDIR' | 'TMPDIR'] = v[2]!;
        return;
      }
    }
    if (line.includes('TARGET') && FINDMNT_HEADER.test(line)) {
      this.findmntAt = lineNo;
      return;
    }
    if (line.includes('File: ')) {
      const f = STAT_FILE.exec(line);
      if (f) this.stat = { name: f[1]!, at: lineNo };
      return;
    }
    // ls -l's mode starts its line; stat's follows "Access: (".
    if (c === 0x2d || line.includes('Access: (')) {
      const ls = LS_LONG.exec(line);
      const m = ls ? { name: ls[2]!, mode: ls[1]!, line: line.trim(), at: lineNo } : this.statMode(line, lineNo);
      if (m) {
        if (this.modes.length < MAX_MODES) this.modes.push(m);
        return;
      }
    }
    // An option list: "rw,…" or "ro,…" (findmnt, /proc/mounts, mountinfo, mount(8)'s "(rw,…)"), or one
    // option alone.
    if (line.includes('rw,') || line.includes('ro,') || line.includes('defaults') || / r[wo](?:\)|\s|$)/.test(line)) {
      const mt = this.mountOf(line, lineNo);
      if (mt && this.mounts.length < MAX_MOUNTS) this.mounts.push(mt);
    }
  }

  /** What the listings say of the refused execs, each fact once, read at the end of the text. */
  readings(): ExecListingReading[] {
    // The first refused path each reading holds for.
    const first = (read: (p: string) => ExecListingReading | undefined): ExecListingReading[] => {
      for (const p of this.refused) {
        const r = read(p);
        if (r) return [r];
      }
      return [];
    };
    return [...first((p) => this.onNoexec(p)), ...(this.goBuilt ? [] : first((p) => this.withoutX(p)))];
  }

  /**
   * The lines of noexec mounts that say nothing of Go here: the text refuses no exec, lists the
   * directory cmd/go builds in (GOTMPDIR, TMPDIR or /tmp) on an exec-able mount, and these mounts
   * are the system's own (SYSTEM_NOEXEC). A `mount | grep` pasted to show /tmp is fine names /run and
   * /dev/shm noexec too. Empty otherwise.
   */
  harmlessNoexec(): number[] {
    if (this.refused.length) return [];
    const build = this.temp.GOTMPDIR || this.temp.TMPDIR || '/tmp';
    if (!build.startsWith('/')) return [];
    const holding = this.deepest(build);
    // The build directory's own mount must be listed: a listing that leaves it out says nothing of it.
    if (!holding || holding.noexec || holding.target === '/') return [];
    return this.mounts.filter((m) => m.noexec && SYSTEM_NOEXEC.test(m.target) && !isInside(build, m.target)).map((m) => m.at);
  }

  private deepest(p: string): Mount | undefined {
    let best: Mount | undefined;
    for (const m of this.mounts) if (isInside(p, m.target) && (!best || m.target.length >= best.target.length)) best = m;
    return best;
  }

  private statMode(line: string, lineNo: number): Mode | undefined {
    if (!this.stat || lineNo - this.stat.at > STAT_LINES) return undefined;
    const a = STAT_ACCESS.exec(line);
    return a ? { name: this.stat.name, mode: a[1]!, line: line.trim(), at: lineNo } : undefined;
  }

  private mountOf(line: string, lineNo: number): Mount | undefined {
    // Under a findmnt header its rows come first: "/home /dev/mapper/vg-home ext4 rw,…" has
    // /proc/mounts' shape too, with the columns the other way round.
    if (lineNo - this.findmntAt <= FINDMNT_ROWS) {
      const row = FINDMNT_ROW.exec(line);
      const opts = row && OPTIONS_FIELD.exec(line.slice(row[0].length - 1));
      if (row && opts) return mount(row[1]!, opts[1]!, line, lineNo);
    }
    const m = MOUNT_LINE.exec(line) ?? MOUNTINFO_LINE.exec(line) ?? MOUNTS_LINE.exec(line);
    return m ? mount(m[1]!, m[2]!, line, lineNo) : undefined;
  }

  /** The refused path lies under a listed mount, the deepest that holds it (the last listed of equals), and that one is noexec. */
  private onNoexec(p: string): ExecListingReading | undefined {
    if (!p.startsWith('/')) return undefined;
    const best = this.deepest(p);
    return best?.noexec ? { fact: 'exec-refused-on-noexec', refused: p, listing: best.line, line: best.at } : undefined;
  }

  /** ls -l (or stat) shows the refused file with no execute bit for its owner, group or others. */
  private withoutX(p: string): ExecListingReading | undefined {
    const m = this.modes.find((x) => sameFile(p, x.name) && !/[xst]/.test(x.mode[3]! + x.mode[6]! + x.mode[9]!));
    return m ? { fact: 'exec-refused-no-x-bit', refused: p, listing: m.line, line: m.at } : undefined;
  }
}

/** The first character that is not a space or a tab, as a char code (NaN for none). */
function firstNonBlank(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09) i++;
  return line.charCodeAt(i);
}

/** The path a refused exec on this line names, if any. Pure. */
export function refusedPath(line: string): string | undefined {
  for (const re of REFUSED) {
    const m = re.exec(line);
    if (m) return m[1]!.replace(/['"`]+$/, '');
  }
  return undefined;
}

function mount(target: string, options: string, line: string, at: number): Mount {
  // mountinfo and /proc/mounts escape a space in a target as \040.
  const t = target.replace(/\\040/g, ' ');
  return { target: t.length > 1 ? t.replace(/\/+$/, '') : t, noexec: options.split(',').includes('noexec'), line: line.trim(), at };
}

/**
 * Do a refused path and a listed name mean the same file? The same path, or one ends with the
 * other at a slash: `ls -l bin/shop` beside "./bin/shop", a directory's entry "gopls" beside
 * "/home/u/go/bin/gopls". Pure.
 */
export function sameFile(refused: string, listed: string): boolean {
  const a = refused.replace(/^\.\//, '');
  const b = listed.replace(/ -> .*$/, '').replace(/^\.\//, '');
  if (!a || !b) return false;
  return a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`);
}
