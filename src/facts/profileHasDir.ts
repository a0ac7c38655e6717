// Whether ~/.profile already puts a directory on PATH. Then appending the export again (the usual
// fix for "the login shell finds go, the editor does not") adds a second copy and changes nothing:
// the editor was started before that line was there, or by something that does not read
// ~/.profile, and a new login session is what is missing (a tester's, for go and for GOBIN).
import path from 'node:path';
import type { Evidence } from '../doctor/model.js';
import { exportSites, type ExportSite } from './exportSites.js';

/** Pure: whether a PATH assignment line names `dir` (as written, or under $HOME / ~). */
export function lineNamesDir(text: string, dir: string, home: string | undefined): boolean {
  const spellings = [dir];
  if (home && dir.startsWith(`${home}/`)) spellings.push(`$HOME/${dir.slice(home.length + 1)}`, `\${HOME}/${dir.slice(home.length + 1)}`, `~/${dir.slice(home.length + 1)}`);
  return spellings.some((s) => text.includes(s));
}

/** The ~/.profile lines that set PATH with `dir` in it (as written, or under $HOME / ~). */
export async function profileLinesFor(dir: string, shell: string | undefined, env: Record<string, string | undefined>, home: string | undefined): Promise<ExportSite[]> {
  if (!home) return [];
  const profile = path.join(home, '.profile');
  // The sh family's list holds ~/.profile for every shell that reads it; other shells' files are not the desktop's.
  const sites = await exportSites('PATH', shell && /^(bash|zsh|sh|dash|ksh|mksh)$/.test(path.basename(shell)) ? shell : '/bin/sh', env, home, 16);
  // `export PATH="$PATH:$GOBIN"` names the directory through a variable the file set before it.
  const expanded = (t: string) => t.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, n: string) => (n === 'PATH' || n === 'HOME' ? m : (env[n] ?? m)));
  return sites.filter((s) => s.file === profile && (lineNamesDir(s.text, dir, home) || lineNamesDir(expanded(s.text), dir, home)));
}

/** The sentence and evidence that say so, for a finding whose append-to-~/.profile fix is left out. */
export function alreadyInProfile(sites: readonly ExportSite[]): { words: string; evidence: Evidence[] } {
  const s = sites[0]!;
  return {
    words: ` ~/.profile already puts it on PATH (line ${s.line}), so adding it again would change nothing: the editor was started before that line was there (the desktop session reads ~/.profile once, at login), or by a launcher that does not read ~/.profile. Log out and back in, then start the editor again; or use a setting below, which does not depend on the session.`,
    evidence: sites.map((x) => ({ source: `${x.file}:${x.line}`, excerpt: x.text })),
  };
}
