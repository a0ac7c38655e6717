// Whether a start-up file the login shell reads already puts a directory on PATH. Then appending
// the export again (the usual fix for "the login shell finds go, the editor does not") adds a
// second copy and changes nothing: the editor was started before that line was there, or by
// something that does not read that file, and a new login session is what is missing (a tester's,
// for go and for GOBIN). Which files count is the login shell's (loginPathFile.ts): ~/.zprofile
// for zsh, the first of ~/.bash_profile, ~/.bash_login, ~/.profile for bash, config.fish for fish.
import path from 'node:path';
import type { Evidence } from '../doctor/model.js';
import { assignmentLines, type ExportSite } from './exportSites.js';
import { fishVariablesFile, loginFiles, tildePath, type LoginPathTarget } from './loginPathFile.js';
import { readUserFile } from '../host/readUserFile.js';
import type { SourcedFile } from './sourceStartupFile.js';

/** Pure: whether a PATH assignment line names `dir` (as written, or under $HOME / ~). */
export function lineNamesDir(text: string, dir: string, home: string | undefined): boolean {
  const spellings = [dir];
  if (home && dir.startsWith(`${home}/`)) spellings.push(`$HOME/${dir.slice(home.length + 1)}`, `\${HOME}/${dir.slice(home.length + 1)}`, `~/${dir.slice(home.length + 1)}`);
  return spellings.some((s) => text.includes(s));
}

/**
 * Pure: the lines that put something on PATH: an assignment (sh's or fish's `set`), fish's
 * `fish_add_path`, csh's `setenv PATH` or `set path = (…)`, xonsh's `$PATH.append(…)` and the like.
 */
export function pathLines(text: string): Array<{ line: number; text: string }> {
  const out = assignmentLines(text, 'PATH');
  const other = /^\s*(?:fish_add_path(?:\s|$)|setenv\s+PATH(?:\s|$)|set\s+path\s*=|\$PATH\s*(?:\.(?:append|insert|extend|add)\s*\(|\+?=)|\$env\.PATH\b|path\s+add\s)/;
  text.split('\n').forEach((l, i) => {
    if (other.test(l)) out.push({ line: i + 1, text: l.trim() });
  });
  return out.sort((a, b) => a.line - b.line);
}

/**
 * Pure: the directories of fish's universal fish_user_paths in a fish_variables file (`SETUVAR
 * fish_user_paths:/a\x1e/b`, with fish's `\xHH` escapes; fish 3.6 measured), and their line. fish's
 * own config.fish puts them in front of PATH at every start, login or not: `fish_add_path` writes
 * them there by default.
 */
export function fishUserPaths(text: string): { line: number; text: string; dirs: string[] } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^SETUVAR\s+(?:--export\s+)?fish_user_paths:(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const decode = (v: string) => v.replace(/\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\\\/g, (w, x?: string, u?: string) => (x ? String.fromCharCode(parseInt(x, 16)) : u ? String.fromCharCode(parseInt(u, 16)) : '\\'));
    return { line: i + 1, text: lines[i]!.trim(), dirs: m[1]!.split('\\x1e').map(decode).filter(Boolean) };
  }
  return undefined;
}

/** A line that puts the directory on PATH, with the file the login shell reads that leads to it. */
export interface LoginPathSite extends ExportSite {
  /** The file the login shell itself reads: `file`, or the one that sources it (loginPathFile.ts `via`). */
  via: string;
}

/** The lines of the login shell's own start-up files that put `dir` on PATH, and the file a new line goes to. */
export async function loginPathFor(dir: string, shell: string | undefined, env: Record<string, string | undefined>, home: string | undefined): Promise<{ sites: LoginPathSite[]; target?: LoginPathTarget }> {
  if (!home || !path.isAbsolute(home)) return { sites: [] };
  const { reads, via, target } = await loginFiles(shell, env, home);
  // `export PATH="$PATH:$GOBIN"` names the directory through a variable the file set before it.
  const expanded = (t: string) => t.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, n: string) => (n === 'PATH' || n === 'HOME' ? m : (env[n] ?? m)));
  const sites: LoginPathSite[] = [];
  if (target.syntax === 'fish') {
    const file = fishVariablesFile(env, home);
    const r = await readUserFile(file, 256 * 1024);
    const u = r.ok ? fishUserPaths(r.text) : undefined;
    if (u && u.dirs.some((d) => path.resolve(d) === path.resolve(dir))) sites.push({ file, line: u.line, text: u.text, via: file });
  }
  for (const file of reads) {
    const r = await readUserFile(file, 256 * 1024);
    if (!r.ok) continue;
    for (const l of pathLines(r.text)) if (lineNamesDir(l.text, dir, home) || lineNamesDir(expanded(l.text), dir, home)) sites.push({ file, ...l, via: via[file] ?? file });
  }
  return { sites: sites.slice(0, 16), target };
}

/** The lines of the login shell's start-up files that put `dir` on PATH (as written, or under $HOME / ~). */
export async function profileLinesFor(dir: string, shell: string | undefined, env: Record<string, string | undefined>, home: string | undefined): Promise<ExportSite[]> {
  return (await loginPathFor(dir, shell, env, home)).sites;
}

/**
 * The sentence and evidence for a finding whose append fix is left out because a start-up file
 * has the line. `check` is the file the login shell reads that leads to the line (the line's own
 * file, or the one sourcing it) sourced without -i (sourceStartupFile.ts): when it stops, or ends
 * without `dir` on PATH, the line is not reached at login, and "log out and back in" would not
 * help; the shell's own error says where it stops.
 */
export function alreadyInProfile(sites: ReadonlyArray<ExportSite & { via?: string }>, home?: string, dir?: string, check?: SourcedFile): { words: string; evidence: Evidence[]; reached: boolean } {
  const s = sites[0]!;
  const show = (f: string) => (home ? tildePath(f, home) : f);
  const shown = show(s.file);
  // The file the login shell runs, when another one than the line's own (~/.bash_profile sourcing ~/.bashrc).
  const through = s.via && s.via !== s.file ? show(s.via) : undefined;
  const entry = through ?? shown;
  const evidence: Evidence[] = sites.map((x) => ({ source: `${x.file}:${x.line}`, excerpt: x.text }));
  const reached = !check || !dir || (check.ended && check.path.includes(dir));
  if (!reached) {
    const how = check.ended ? `ends without ${dir} on PATH${check.errors.length ? ` (${check.errors[0]})` : ''}` : check.errors.length ? `stops at an error: ${check.errors[0]}` : `ends before it (exit ${check.exit})`;
    evidence.push({ source: check.commandLine, excerpt: check.ended ? `PATH=${check.path.join(':')}${check.errors.length ? `\n${check.errors.join('\n')}` : ''}` : check.errors.join('\n') || `exit ${check.exit}, no PATH printed` });
    return {
      words: ` ${shown} has a line that puts it on PATH (line ${s.line})${through ? `, and the login shell reads it through ${through}` : ''}, but read as a login does at the desktop, without -i, ${entry} ${how}. An interactive shell (a terminal, or the doctor's own -l -i read) goes on past such an error${through ? ' and runs what only an interactive shell runs' : ''}, so terminals find it and the desktop session does not. Mend ${through ? `${entry} or ${shown}` : shown} there, then log out and back in; another PATH line appended to ${shown} would not be reached either.`,
      evidence,
      reached,
    };
  }
  return {
    words: ` ${shown} already puts it on PATH (line ${s.line}${through ? `, read through ${through}` : ''}), so adding it again would change nothing: the editor was started before that line was there (the desktop session reads ${entry} once, at login), or by a launcher that does not read ${entry}. Log out and back in, then start the editor again; or use a setting below, which does not depend on the session.`,
    evidence,
    reached,
  };
}
