// The start-up file lines that end the shell reading them: `exit`, or `exec` of another program
// (`exec zsh` in ~/.bashrc, where chsh is not allowed; `exec tmux`). A login shell that meets one
// never runs the command it was given, so the doctor (and an editor reading the login environment
// the same way) gets no environment from it: a tester's `exec zsh` showed only "ok" on the probe.
import { linesInStartupFiles, type ExportSite } from './exportSites.js';

/** A command word's position: the line's start, or after ; && || | { ( then do else. */
const COMMAND_START = String.raw`(?:^\s*|[;&|{(]\s*|\b(?:then|do|else)\s+)`;
const EXIT = new RegExp(`${COMMAND_START}exit\\b(?!\\s*\\))`);
const EXEC = new RegExp(`${COMMAND_START}exec\\s+(.*)$`);

/** Pure: whether an `exec` command's words (up to the next ; & |) run a program, not only redirections (`exec >log 2>&1`). */
export function execRunsProgram(rest: string): boolean {
  const words = rest.split(/\s*(?:;|&&|\|\||\|)\s*/)[0]!.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // A bare operator (`> file`, `2> /dev/null`) takes the next word as its target.
    if (/^[0-9]*(?:[<>]{1,2}|&>|>&|<>)$/.test(w)) {
      i++;
      continue;
    }
    if (/^[0-9]*(?:[<>]|&>)/.test(w)) continue;
    return true;
  }
  return false;
}

/** Pure: the lines of a sh-family or fish start-up file that end the shell (`exit`, `exec prog`), comments left out. */
export function shellEndingLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  text.split('\n').forEach((raw, i) => {
    // A `#` that starts a word starts a comment (close enough outside quotes, where it is rare).
    const l = raw.replace(/(^|\s)#.*$/, '$1');
    const exec = EXEC.exec(l);
    if (EXIT.test(l) || (exec && execRunsProgram(exec[1]!))) out.push({ line: i + 1, text: raw.trim() });
  });
  return out;
}

/** The start-up files of `shell` (by basename) with lines that end it, in the order the shell reads them; at most `max`. */
export function shellEndingSites(shell: string, env: Record<string, string | undefined>, home: string, max = 4): Promise<ExportSite[]> {
  return linesInStartupFiles(shellEndingLines, shell, env, home, max);
}
