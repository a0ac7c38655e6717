// A transcript that asks go which installation it is, once as the user and once under sudo, and
// gets two answers ("$ go version" → go1.19, "$ sudo go version" → go1.18.1; "+ go env GOROOT" →
// /opt/hostedtoolcache/go/1.15.4/x64, "+ sudo go env GOROOT" → …/1.14.11/x64). sudo resets the
// environment (sudoers' env_reset, on by default) and replaces PATH with its secure_path (Debian's
// and Ubuntu's default sudoers set one), so root runs the first go on that path, with its own
// GOROOT: `sudo -E` keeps other variables but not PATH where secure_path is set. A build, a test
// or an install run with sudo then uses another toolchain than the user's shell (a CI job's setup-go
// version, a go installed under /usr/local/go or a version manager's shim). Pure and bounded: one
// pending command and at most one answer per question and side.

/** The questions whose one-line answer names the installation. */
type Question = 'version' | 'env GOROOT' | 'env GOVERSION';

/**
 * A go question typed at a prompt ("$ ", "user@host:~/app$ ", "# ", "% ") or traced by `set -x`
 * ("+ "), or echoed alone, with sudo and its options in front or not: `sudo -E`, `sudo
 * --preserve-env=GOROOT`, `sudo env "PATH=$PATH"`, `sudo -u ann`. An option is one dash and the rest, so each
 * matches one way ("--?" split "--a" two ways, and a line of them that failed backtracked over every split).
 */
const QUESTION =
  /^\s*(?:\S*[$#%>]\s*|\+\s*)?(sudo\b(?:\s+(?:-[\w-]+(?:=\S*)?|env|"?\w+=[^\s"]*"?|(?<=-u\s)\w+))*\s+)?go (version|env (?:GOROOT|GOVERSION))\s*$/;
/** `go version`'s answer: "go version go1.18.1 linux/amd64" (the release, prereleases and suffixes included). */
const VERSION_ANSWER = /^\s*go version (go\d+(?:\.\d+)*\S*) \S+\/\S+\s*$/;
/** `go env GOROOT`'s or `go env GOVERSION`'s answer: one word, a path or a release. */
const ENV_ANSWER = /^\s*((?:\/|[A-Za-z]:\\|go\d)\S*)\s*$/;
/** The answer is on the next line; a blank line or a prompt's echo between them is allowed. */
const ANSWER_WITHIN = 2;

export class SudoTranscript {
  private pending: { q: Question; sudo: boolean; at: number } | undefined;
  private readonly plain = new Map<Question, string>();
  private readonly underSudo = new Map<Question, string>();

  /**
   * Reads one line; true when it completes two different answers to one question, with and without
   * sudo. Cheap on any other line: a number compared, then two substrings looked for.
   */
  see(line: string, lineNo: number): boolean {
    if (this.pending && lineNo - this.pending.at <= ANSWER_WITHIN) {
      const { q, sudo } = this.pending;
      const m = (q === 'version' ? VERSION_ANSWER : ENV_ANSWER).exec(line);
      if (m) {
        this.pending = undefined;
        const answer = m[1]!.replace(/[\\/]+$/, '');
        (sudo ? this.underSudo : this.plain).set(q, answer);
        const other = (sudo ? this.plain : this.underSudo).get(q);
        return other !== undefined && other !== answer;
      }
    }
    // A question names go version or go env GOROOT/GOVERSION: most lines hold neither.
    if (!line.includes('go version') && !line.includes('go env G')) return false;
    const a = QUESTION.exec(line);
    if (a) this.pending = { q: a[2] as Question, sudo: a[1] !== undefined, at: lineNo };
    return false;
  }
}
