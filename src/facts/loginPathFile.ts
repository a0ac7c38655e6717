// Which of the user's start-up files a login shell really reads, for a PATH line: the one a fix
// appends to, and the ones whose lines count as "already there". A tester's fixes always appended
// to ~/.profile, which a login bash with a ~/.bash_profile never reads, nor zsh or fish at all, and
// missed a ~/.zprofile that already had the line. The files come from startupPaths (the login-shell
// cache's list), narrowed to what a login shell that is not interactive reads, as a desktop session
// starts one (gnome-session's `$SHELL -l`): zsh's ~/.zshrc and bash's ~/.bashrc are left out.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { expandLiteral, sourcedPaths, startupPaths } from './loginShellCache.js';
import { readUserFile } from '../host/readUserFile.js';

/** bash(1) INVOCATION: a login bash reads the first of these that exists, and only that one. */
export const BASH_LOGIN_FILES = ['.bash_profile', '.bash_login', '.profile'] as const;
/** zsh(1) STARTUP/SHUTDOWN FILES: what a login zsh reads from ZDOTDIR (or HOME) when it is not interactive. */
const ZSH_LOGIN_FILES = ['.zshenv', '.zprofile', '.zlogin'];

export interface LoginPathTarget {
  /** The file a PATH line is appended to (absolute). */
  file: string;
  /** The same, as written in a sentence and a command (`~/.zprofile`). */
  shown: string;
  /** fish's `set -gx PATH …` in place of sh's `export PATH=…`. */
  fish: boolean;
  /** Why that file: for a fix's detail. */
  why: string;
}

export interface LoginFiles {
  /** The user's files a login shell reads, in order, with the ones they source by a literal path. */
  reads: string[];
  target: LoginPathTarget;
}

const CAP = 256 * 1024;

/** Pure: `~/x` for a path under home, else the path. */
export function tildePath(file: string, home: string): string {
  return file.startsWith(`${home}/`) ? `~/${file.slice(home.length + 1)}` : file;
}

/** The files a login `shell` (a path or basename; undefined: sh) reads for PATH, and the one to append to. */
export async function loginFiles(shell: string | undefined, env: Record<string, string | undefined>, home: string): Promise<LoginFiles> {
  const base = shell ? path.basename(shell) : 'sh';
  const listed = startupPaths(base, env, home)?.files ?? [];
  const exists = async (f: string) => (await fs.stat(f).catch(() => undefined))?.isFile() ?? false;
  const target = (file: string, fish: boolean, why: string): LoginPathTarget => ({ file, shown: tildePath(file, home), fish, why });
  let reads: string[];
  let to: LoginPathTarget;
  if (base === 'bash') {
    let first: string | undefined;
    for (const f of BASH_LOGIN_FILES.map((n) => path.join(home, n))) if (listed.includes(f) && (await exists(f))) { first = f; break; }
    const file = first ?? path.join(home, '.profile');
    reads = [file];
    to = target(file, false, first && !first.endsWith('/.profile') ? `A login bash reads only the first of ~/.bash_profile, ~/.bash_login and ~/.profile that exists: here ${tildePath(first, home)}, so ~/.profile is read only if it sources it.` : 'A login bash reads ~/.profile when there is no ~/.bash_profile or ~/.bash_login, and display managers that start the session with sh read it too.');
  } else if (base === 'zsh') {
    const zdot = (env.ZDOTDIR ? expandLiteral(env.ZDOTDIR, home) : undefined) ?? home;
    reads = listed.filter((f) => path.dirname(f) === zdot && ZSH_LOGIN_FILES.includes(path.basename(f)));
    to = target(path.join(zdot, '.zprofile'), false, 'A login zsh reads ~/.zshenv, ~/.zprofile and ~/.zlogin (under ZDOTDIR when set), not ~/.profile; ~/.zshrc only when interactive, which the desktop session\'s login shell is not.');
  } else if (base === 'fish') {
    // The user's config.fish comes first in the list (under XDG_CONFIG_HOME).
    const conf = listed[0]!;
    const confD = path.join(path.dirname(conf), 'conf.d');
    const dropIns = (await fs.readdir(confD).catch(() => [] as string[])).filter((n) => n.endsWith('.fish')).sort().map((n) => path.join(confD, n));
    reads = [...dropIns, conf];
    to = target(conf, true, 'fish reads conf.d/*.fish and config.fish at every start, never ~/.profile.');
  } else {
    // sh, dash, ksh; and shells whose files are not known here, whose desktop session is still
    // often built by a display manager that reads ~/.profile with sh.
    const file = path.join(home, '.profile');
    reads = [file];
    to = target(file, false, 'A login sh, dash or ksh reads ~/.profile, as display managers that start the session with sh do.');
  }
  // A file sourced by a literal path (`. ~/.profile` in ~/.bash_profile, `emulate sh -c '. ~/.profile'`
  // in ~/.zprofile) is read too; one level is what these files do.
  for (const f of [...reads]) {
    const r = await readUserFile(f, CAP);
    if (!r.ok) continue;
    for (const s of sourcedPaths(r.text, home).files) if (s.startsWith(`${home}/`) && !reads.includes(s)) reads.push(s);
  }
  return { reads, target: to };
}
