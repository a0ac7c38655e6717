// Pattern pieces more than one family's rules are written with: the Go language servers' names,
// and "NAME is not on the PATH" in programs' own words and in the shells'. Shared so that
// launch.ts (gopls) and env.ts (go, other tools) read a missing program the same way.
import { utf8AsLatin1 } from '../lines.js';

/** The Go language servers an editor may run, as clients name them in their messages. */
const GO_LS_NAMES = ['gopls', 'go-langserver', 'go-language-server', 'langserver-go', 'bingo', 'gocode'] as const;
export const GO_LS = `(?:${GO_LS_NAMES.join('|')})`;

/**
 * After Java's `Cannot run program "X"` (java.lang.ProcessBuilder.start): no "error=N" later on
 * the line but error=2. The IOException's own text says why exec failed (ProcessImpl_md.c
 * throwIOException, "error=%d, %s": `…: error=2, No such file or directory`), and only ENOENT says
 * the program is missing; error=13 (EACCES), error=8 (ENOEXEC) and the rest refuse a program that
 * is there, which other rules read. Shared by the rules that read a missing go, gopls or other program.
 */
export const NO_OTHER_JAVA_ERRNO = String.raw`(?![^\n]*error=(?!2\b)\d)`;

/** After a match: no "file.go:N:" earlier on the line (a Go test's or program's own output). */
const NOT_GO_OUTPUT = String.raw`(?<!\.go:\d+:.*)`;

/**
 * "NAME is not on the PATH" as programs and scripts word it when their own lookup fails (the
 * exec.LookPath / shutil.which / vim.fn.executable / `command -v` check before running a tool):
 * "X is not installed or not in your PATH", "X (binary|executable) not found on PATH", "X is not
 * in your $PATH", "could not find X in PATH", "unable to locate X on the PATH". The words after
 * the name must say PATH, so "not in your GOPATH" (module resolution's) is not one.
 */
export function pathWords(name: string): RegExp {
  // Quotes as pasted: ASCII, typographic, or typographic read as latin1 bytes (â\x80\x98).
  const q = String.raw`(?:['"\`‘’]|\u00e2\u0080[\u0098\u0099])?`;
  const n = String.raw`${q}(?:${name})${q}`;
  const what = String.raw`(?: (?:binary|executable|command|program|tool))?`;
  const path = String.raw`(?:(?:your|the|system|user) ){0,2}(?:\$PATH|\$\{PATH\}|%PATH%|PATH)(?![\w/-])`;
  return new RegExp(
    [
      // Not a Go test's or program's own output ("x_test.go:12: tool not in PATH"): the guard is a
      // lookbehind at the END of each branch, tried only once the words matched. At the start it
      // scanned back over the line from every position (quadratic: 3x slower log analysis).
      String.raw`(?<![\w/.-])${n}${what} (?:is |was )?(?:not installed(?:,)? or (?:is )?not (?:found )?|not (?:found |available |present )?)(?:in|on) ${path}${NOT_GO_OUTPUT}`,
      // Emacs lsp-mode (lsp-mode.el): 'Command "go" is not present on the path.'
      String.raw`[Cc]ommand ${n} is not present on the path\b${NOT_GO_OUTPUT}`,
      String.raw`(?:[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Cc]annot|[Cc]an't|[Ff]ailed to) (?:find|locate) (?:the )?${n}${what} (?:in|on) ${path}${NOT_GO_OUTPUT}`,
    ].join('|'),
  );
}
/** The needles of pathWords's shapes. */
export const PATH_WORDS_NEEDLES = ['is not present on the path', 'not installed or not', 'not installed, or not', ' in PATH', ' on PATH', ' in $PATH', ' on $PATH', ' your PATH', ' your $PATH', ' the PATH', ' the $PATH', ' system PATH', 'in %PATH%'];

/**
 * "program `name` is not on the PATH" in the words of zsh, fish, tcsh, GNU make, Emacs, coreutils
 * and GNU which. `makeNoSuchFile`: also GNU make 4's "make: go: No such file or directory", which
 * for an arbitrary name may be a missing file rather than a program; `emacs`: also Emacs's
 * call-process words (for go; another program there is usually another language's server).
 */
export function notOnPath(name: string, makeNoSuchFile: boolean, emacs = true): RegExp {
  const n = String.raw`(?:${name})(?![\w.+-])`;
  return new RegExp(
    [
      String.raw`command not found: ${n}`,
      // Ubuntu's command-not-found handler: "Command 'go' not found, but can be installed with:".
      String.raw`Command ['‘]${n}['’] not found`,
      String.raw`fish: Unknown command:? ['"‘]?${n}`,
      String.raw`(?:^|[\s:])${n}: Command not found\.`,
      String.raw`\bmake(?:\[\d+\])?: ${n}: ${makeNoSuchFile ? '(?:Command not found|No such file or directory)' : 'Command not found'}`,
      emacs ? String.raw`Searching for program\\?"?:? \\?"?[Nn]o such file or directory\\?"?,? \\?"?${n}` : '(?!)',
      String.raw`failed to run command [‘'"]${n}[’'"]: No such file or directory`,
      String.raw`\bwhich: no ${n} in \(`,
      // findutils' xargs running a command it cannot find ("xargs: go: No such file or directory", exit 127).
      String.raw`\bxargs: ${n}: No such file or directory`,
      // bubblewrap, the sandbox Flatpak runs apps in (bubblewrap.c: die_with_error ("execvp %s",
      // argv[0])): "bwrap: execvp go: No such file or directory", a command the sandbox's PATH lacks.
      String.raw`\bbwrap: execvp ${n}: No such file or directory`,
    ].join('|'),
  );
}

/** A literal for a regex, in Unicode (a caller's string) and as the analyzer sees its bytes. */
const literalBothWays = (s: string): string => {
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const bytes = utf8AsLatin1(s);
  return bytes === s ? esc(s) : `(?:${esc(s)}|${esc(bytes)})`;
};

/**
 * Windows' "NAME is not on the PATH" in a non-English display language: cmd.exe's message 9009
 * ("'go' is not recognized as an internal or external command, operable program or batch file.")
 * and PowerShell's CommandNotFoundException ("The term 'go' is not recognized as the name of a
 * cmdlet…"), as reports paste them: Simplified Chinese "'go' 不是内部或外部命令，也不是可运行的程序"
 * (robGoods/sams#48), French "'go' n’est pas reconnu en tant que commande interne"
 * (microsoft/vscode#55824) and PowerShell's "Le terme «go» n'est pas reconnu comme nom d'applet de
 * commande" (tw93/Mole#538), Japanese "'x' は、内部コマンドまたは外部コマンド、" (NON906/mascotgirl#2),
 * German 'Der Befehl "x" ist entweder falsch geschrieben oder' (its cmd.exe, as the tuning corpus
 * has it). Only the start of each message, which names the program: cmd.exe breaks its line after
 * it. The English messages are each rule's own. The analyzer reads a log as latin1, so each
 * phrase is matched as its UTF-8 bytes too; a typographic apostrophe is read mended (asPrinted).
 */
export function windowsNotRecognized(name: string): string {
  const q = String.raw`['"]`;
  const frQuote = String.raw`(?:${literalBothWays('«')}\s?|['"])`;
  const frClose = String.raw`(?:\s?${literalBothWays('»')}|['"])`;
  return [
    `${q}(?:${name})${q} ?${literalBothWays('不是内部或外部命令')}`,
    `${q}(?:${name})${q} ?${literalBothWays('は、内部コマンドまたは外部コマンド')}`,
    `${q}(?:${name})${q} n'est pas reconnu en tant que commande interne`,
    `Le terme ${frQuote}(?:${name})${frClose} n'est pas reconnu comme nom d'applet de commande`,
    `Der Befehl "(?:${name})" ist entweder falsch geschrieben oder`,
  ].join('|');
}
/**
 * The needles of windowsNotRecognized's shapes, in Unicode and as the analyzer sees their bytes.
 * The Chinese and Japanese shapes share one short needle, 外部 ("external"), and the regex checks
 * the rest: every distinct byte of a needle is a column of the needle automaton's table and of its
 * product with the line words, and the two whole phrases' UTF-8 bytes added about 40 columns, which
 * cost about 8 MiB and 6 % of the analyzer's time on the 200 MB trace (bench goplsLog, 2026-12-02).
 */
export const WINDOWS_NOT_RECOGNIZED_NEEDLES: readonly string[] = ['外部'].flatMap((p) => [p, utf8AsLatin1(p)]).concat(["n'est pas reconnu ", 'ist entweder falsch geschrieben oder']);
