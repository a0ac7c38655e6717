// The fallback for failure lines that name the Go language server but that no rule knows (issue
// 11). A VS Code "gopls (server)" channel always carries the client's own verdict on a dead server
// ("Connection to server got closed"); a raw `gopls -logfile`, another editor's LSP log or a
// pasted terminal does not, and what is left is the failure told in that program's own words:
// "LSP[gopls]: Error SPAWN_FAILED", "ide-gopls: Unable to start", "Installing gopls FAILED",
// "gopls: error while loading shared libraries". Those words vary with every client, so rules
// cannot list them all; but a failure line whose subject is gopls says, at least, that gopls
// itself is what failed. That is the class's symptom, and only a hint: it is kept at a confidence
// below every rule and every named mechanism, so any cause found beside it comes first.
//
// The name must be a word of its own. "gopls" inside an identifier (goplsClient, gopls_path) is
// still gopls, but inside a longer word it is not, and a Go package path inside gopls's source
// tree (golang.org/x/tools/gopls/internal/…) is a stack frame, which the crash reader owns.

/** The Go language servers an editor may run (rules/shared.ts's GO_LS), minus words that are also English (bingo) or other tools (gocode). */
const NAME = /(?<![A-Za-z0-9])(?:gopls|go-langserver|go-language-server)(?![A-Za-z0-9]|\/internal\/)/i;

/**
 * Words that say a process failed, beyond the analyzer's ERRORISH ones (it is always tested
 * second, after them): an exit status, "exited", a crash, a time-out (Go's own "context deadline
 * exceeded" among them), a missing file (ENOENT as
 * clients print it), a command line's own refusals.
 */
const PROCESS_FAILURE = /\bexit(?:ed)? (?:status|code|with)\b|\bexited\b|\bcrash(?:ed|es|ing)?\b|\btimed out\b|\btime-?out\b|\bdeadline exceeded\b|\bENOENT\b|\bno such file or directory\b|\bnot executable\b|\bunexpected(?:ly)?\b|\bnot recognized\b|\bunknown (?:command|subcommand|flag|option)\b|\bflag provided but not defined\b|\binvalid (?:argument|option|flag|value)\b/i;

/**
 * gopls that cannot be built or installed with the Go at hand, told in a reporter's or an
 * installer's words rather than the compiler's: "x/tools/cmd/gopls: doesn't build with Go 1.11",
 * "gopls doesn't support Go 1.10", "gopls install failed". A line naming gopls that says so is the
 * class's symptom too (gopls cannot start, for there is no gopls). Kept apart from
 * PROCESS_FAILURE, which also decides which lines the word model reads (analyzer.ts
 * tellsOfTrouble): "build failed" beside a language server's name is gopls's own trouble, but
 * alone it is as often a user's compile error.
 */
const BUILD_FAILURE = /\b(?:does(?:n't| not)|can(?:'t|not)|won't|will not|fail(?:s|ed)? to|unable to) (?:be )?(?:build|built|compile|compiled|install|installed)\b|\bdoes(?:n't| not) (?:support|work with) go ?1\.\d+|\b(?:build|compilation|install(?:ation)?) (?:fail(?:s|ed|ure)?|broke|broken)\b/i;

/** True when a line, already known to name the Go language server, says it cannot be built or installed. */
export function saysBuildFailed(text: string): boolean {
  return BUILD_FAILURE.test(text);
}

/**
 * A test run gopls made for the editor (its gopls.test / gopls.run_tests command, the "run test"
 * code lens) and what it reported: "gopls: 1 / 1 tests failed" and "command error: gopls.test
 * command failed" (gopls v0.23.0, a tester's noexec GOTMPDIR: the test binary could not be run).
 * gopls is the messenger and names itself; the failure is the tests' (or what stopped them).
 */
const GOPLS_TEST_RUN = /\b\d+ \/ \d+ (?:tests|benchmarks) failed\b|\bgopls\.(?:test|run_tests)\b/;

/** True when a line, already known to report a failure or possibly one, names the Go language server (not as the messenger of a test run). */
export function namesGoLanguageServer(text: string): boolean {
  return NAME.test(text) && !GOPLS_TEST_RUN.test(text);
}

/**
 * An exit that is the ordinary end of a server the client stopped, in the clients' own words: a
 * status or code of 0 (vscode-languageclient's "Server process exited with code 0.", vim-lsp's
 * s:on_exit record ["s:on_exit",2,"gopls","exited",0], coc.nvim's "exited with code: 0"), Emacs's
 * process event "finished" (lsp-mode: "gopls has exited (finished)"), "exited successfully" or
 * "normally". Such a line names gopls and says "exited", and is no failure. Also a container
 * listing's status column for a container that ended with 0 or was stopped (moby container/state.go
 * and podman's ps: "Exited (%d) %s ago"; 143 is 128 + SIGTERM, what `docker stop` sends first), as
 * `docker ps -a` prints it for a container running gopls.
 */
const ORDINARY_EXIT = /\bexit(?:ed)?:? (?:(?:with )?(?:exit )?(?:code|status):? 0|successfully|normally)\b(?![.,]?\d)|\bexited\W{1,4}0\W*$|\bhas exited \(finished\)|\bExited \((?:0|143)\) [^\n]{1,40}? ago\b/i;

/**
 * Process-failure words ERRORISH does not cover (a line with them and gopls's name counts too),
 * unless the only exit the line tells of is an ordinary one.
 */
export function saysProcessFailed(text: string): boolean {
  if (!PROCESS_FAILURE.test(text)) return false;
  if (!ORDINARY_EXIT.test(text)) return true;
  // "exited (finished)" or "with code 0" beside a crash or time-out is still a failure.
  return /\bcrash(?:ed|es|ing)?\b|\btimed out\b|\bENOENT\b|\bno such file or directory\b|\bnot executable\b|\bunexpected(?:ly)?\b/i.test(text);
}
