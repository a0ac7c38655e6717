// PATH as a text lists it, more than once or once on request: the answer to `echo $PATH` or
// `printenv PATH …` typed at a prompt, `PATH=…` lines of `env`, `printenv`, `systemctl --user
// show-environment`, `export -p` (declare -x PATH="…") or a container's environment, and the Go
// extension's tools block ("PATH: …"). Two listings of one text that disagree on the Go
// directories are two environments (the shell's and the desktop session's, the terminal's and the
// editor's, the user's and a service's): the process started from the one without them does not
// find go or the tools `go install` put in GOPATH/bin. A PATH asked for at a prompt that holds no
// Go directory at all is the same question with half the answer. Pure and bounded: a handful of
// listings kept, each a set of a few directories.
import { listedVar, normDir } from './listingShapes.js';

export type PathFact = 'path-listings-differ' | 'path-listed-without-go';

/**
 * A PATH question at a prompt ("$ ", "user@host:~/w$ ", "# ", "% ") or traced (`+ `): `echo $PATH`,
 * `echo "${PATH}"`, `printenv PATH [NAME …]`. Piped through tr or sed the answer is one directory
 * a line, which this reader does not follow.
 */
const QUESTION = /^\s*(?:\S*[$#%>]\s*|\+\s*)?(?:echo\s+"?\$\{?PATH\}?"?|printenv((?:\s+\w+)+))\s*$/;
/** An answer: absolute directories joined by ':' (two at least), nothing else on the line. */
const PATH_VALUE = /^\s*(\/[^\s:$]*(?::\/[^\s:$]*)+):?\s*$/;
/**
 * An assignment listed, not typed: PATH=… (env, show-environment, a container's Env), declare -x
 * PATH="…" (export -p), "PATH": "…" (JSON), PATH: … (the Go extension's tools block). A value
 * holding `$` (export PATH=$PATH:/usr/local/go/bin) is an instruction, not a listing: the regex
 * refuses it. PATH1 or PATH_ORIG beside it is a copy a user made to compare.
 */
const ASSIGNED = /^\s*(?:declare -x\s+|-\s+)?"?(PATH(?:\d|_ORIG|_OLD)?)"?\s*(?:=|:)\s*"?(\/[^\s:$"]*(?::\/[^\s:$"]*)*)"?,?\s*$/;
/** GOPATH or GOROOT listed with one absolute value ("GOPATH=/home/u/go", GOPATH="…", gopath: …). */
const GO_DIR_VAR = listedVar('declare -x\\s+|set\\s+|export\\s+', 'GOPATH|GOROOT|gopath', `(\\/[^\\s:"']*)`);
/** An answer is on one of the next lines (printenv answers each name on a line of its own). */
const ANSWER_WITHIN = 4;
/** Listings kept: a report compares two or three; the rest add nothing. */
const MAX_LISTINGS = 8;

/**
 * A directory that holds go or the Go tools: a Go installation's bin (…/go/bin, …/go1.22/bin,
 * /usr/lib/go-1.21/bin, …/golang/…), GOPATH's bin as most systems name it (~/go/bin), a version
 * manager's shims. Pure.
 */
export function isGoDir(dir: string): boolean {
  return /(?:^|[\\/])(?:go(?:[-_.]?\d[\w.]*)?|golang[\w.-]*)(?:[\\/]|$)|[\\/](?:shims|gvm|goenv|\.asdf|mise)(?:[\\/]|$)/i.test(dir);
}

export class PathListings {
  private readonly listings: string[][] = [];
  /** GOPATH's and GOROOT's bin directories, as listed: Go directories whatever their names. */
  private readonly goBins = new Set<string>();
  private pending: { names: string[]; at: number; answered: number } | undefined;
  private readonly said = new Set<PathFact>();

  /** One line; the facts it completes, each once per text. */
  see(line: string, lineNo: number): PathFact[] {
    const out: PathFact[] = [];
    const q = this.pending;
    if (q && lineNo - q.at <= ANSWER_WITHIN) {
      const v = PATH_VALUE.exec(line);
      const single = !v && /^\s*(\/\S*)\s*$/.exec(line);
      if (v || single) {
        // printenv answers in the order asked (skipping names that are unset): an answer that is
        // a path list is a PATH whatever its place; a single directory is GOPATH's if asked.
        const name = q.names[q.answered++];
        if (v) {
          this.list(v[1]!, true, out);
        } else if (single && (name === 'GOPATH' || name === 'GOROOT')) this.goBins.add(normDir(`${single[1]!}/bin`));
        if (q.answered >= q.names.length) this.pending = undefined;
        return out;
      }
    }
    // Every shape below holds PATH (GOPATH's, GOROOT's and the questions' lines too).
    if (!line.includes('PATH') && !line.includes('GOROOT') && !line.includes('gopath')) return out;
    const ask = line.includes('echo') || line.includes('printenv') ? QUESTION.exec(line) : null;
    if (ask) {
      const names = ask[1] ? ask[1].trim().split(/\s+/) : ['PATH'];
      if (names.includes('PATH')) this.pending = { names, at: lineNo, answered: 0 };
      return out;
    }
    const g = GO_DIR_VAR.exec(line);
    if (g) {
      this.goBins.add(normDir(`${g[2]!}/bin`));
      this.compare(out);
      return out;
    }
    const a = ASSIGNED.exec(line);
    if (a && a[2]!.includes(':')) this.list(a[2]!, false, out);
    return out;
  }

  private list(value: string, asked: boolean, out: PathFact[]): void {
    const dirs = value.split(':').filter(Boolean).map(normDir);
    if (this.listings.length < MAX_LISTINGS) this.listings.push(dirs);
    if (asked && !dirs.some((d) => this.isGo(d))) this.once('path-listed-without-go', out);
    this.compare(out);
  }

  /** Some listing holds a Go directory another one lacks. */
  private compare(out: PathFact[]): void {
    if (this.listings.length < 2 || this.said.has('path-listings-differ')) return;
    const goDirs = this.listings.map((l) => new Set(l.filter((d) => this.isGo(d))));
    const differ = goDirs.some((a) => goDirs.some((b) => [...a].some((d) => !b.has(d))));
    if (differ) this.once('path-listings-differ', out);
  }

  private isGo(dir: string): boolean {
    return isGoDir(dir) || this.goBins.has(dir);
  }

  private once(f: PathFact, out: PathFact[]): void {
    if (this.said.has(f)) return;
    this.said.add(f);
    out.push(f);
  }
}
