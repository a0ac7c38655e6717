// Which of the user's start-up files a login shell really reads, for a PATH line: the one a fix
// appends to, and the ones whose lines count as "already there". A tester's fixes always appended
// to ~/.profile, which a login bash with a ~/.bash_profile never reads, nor zsh or fish at all, and
// missed a ~/.zprofile that already had the line. The files come from startupPaths (the login-shell
// cache's list), narrowed to what a login shell that is not interactive reads, as a desktop session
// starts one (gnome-session's `$SHELL -l`): zsh's ~/.zshrc and bash's ~/.bashrc are left out.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { expandLiteral, sourcedPaths, startupPaths, xdgConfigHome } from './loginShellCache.js';
import { readUserFile } from '../host/readUserFile.js';

/** bash(1) INVOCATION: a login bash reads the first of these that exists, and only that one. */
export const BASH_LOGIN_FILES = ['.bash_profile', '.bash_login', '.profile'] as const;
/** zsh(1) STARTUP/SHUTDOWN FILES: what a login zsh reads from ZDOTDIR (or HOME) when it is not interactive. */
const ZSH_LOGIN_FILES = ['.zshenv', '.zprofile', '.zlogin'];

/**
 * The syntax a PATH line is written in: sh's `export`, fish's `set -gx`, csh's `setenv`, xonsh's
 * `$PATH.append`. 'unwritten': a shell whose syntax the doctor has no real shell to check against
 * (nu's changed between releases), whose fix says what the line must do instead of a wrong one.
 */
export type LineSyntax = 'sh' | 'fish' | 'csh' | 'xonsh' | 'unwritten';

export interface LoginPathTarget {
  /** The file a PATH line is appended to (absolute). */
  file: string;
  /** The same, as written in a sentence and a command (`~/.zprofile`). */
  shown: string;
  syntax: LineSyntax;
  /** Why that file: for a fix's detail. */
  why: string;
  /** The shell's name, for a fix that says it does not write that shell's syntax. */
  shell?: string;
  /**
   * bash's: the first of its login files is there but cannot be read (EACCES, EISDIR). bash then
   * prints the error and reads none of the others (bash 5.2 measured, as a user without read
   * permission on ~/.bash_profile: ~/.bash_login and ~/.profile were not read).
   */
  unreadable?: string;
}

export interface LoginFiles {
  /** The user's files a login shell reads, in order, with the ones they source by a literal path. */
  reads: string[];
  /**
   * For each file of `reads`, the file the login shell itself reads that leads to it: itself, or the
   * one that sources it (~/.bash_profile for a ~/.bashrc it sources). What runs at login is that
   * file, so a line's "already there" is checked through it.
   */
  via: Record<string, string>;
  target: LoginPathTarget;
}

const CAP = 256 * 1024;

/** Pure: `~/x` for a path under home, else the path. */
export function tildePath(file: string, home: string): string {
  return file.startsWith(`${home}/`) ? `~/${file.slice(home.length + 1)}` : file;
}

/** Pure: fish's universal variable file (`fish_add_path` and `set -U` write there), under XDG_CONFIG_HOME. */
export function fishVariablesFile(env: Record<string, string | undefined>, home: string): string {
  return path.join(xdgConfigHome(env, home), 'fish', 'fish_variables');
}

/** The files a login `shell` (a path or basename; undefined: sh) reads for PATH, and the one to append to. */
export async function loginFiles(shell: string | undefined, env: Record<string, string | undefined>, home: string): Promise<LoginFiles> {
  const base = shell ? path.basename(shell) : 'sh';
  const listed = startupPaths(base, env, home)?.files ?? [];
  const exists = async (f: string) => (await fs.stat(f).catch(() => undefined))?.isFile() ?? false;
  const h = (n: string) => path.join(home, n);
  const target = (file: string, syntax: LineSyntax, why: string, extra: Partial<LoginPathTarget> = {}): LoginPathTarget => ({ file, shown: tildePath(file, home), syntax, why, ...extra });
  let reads: string[];
  let to: LoginPathTarget;
  if (base === 'bash') {
    // bash's _evalfile goes on to the next file only when open fails with ENOENT: one that is there
    // but cannot be read (EACCES, a directory) ends the search with an error, and none is read.
    let first: string | undefined;
    let unreadable: string | undefined;
    for (const f of BASH_LOGIN_FILES.map(h)) {
      const r = await readUserFile(f, 1);
      if (!r.ok && (r.code === 'ENOENT' || r.code === 'ENOTDIR')) continue;
      first = f;
      if (!r.ok) unreadable = r.code;
      break;
    }
    const file = first ?? h('.profile');
    reads = unreadable ? [] : [file];
    const why = unreadable
      ? `A login bash reads only the first of ~/.bash_profile, ~/.bash_login and ~/.profile that is there: here ${tildePath(file, home)}, which cannot be read (${unreadable}), so bash reads none of them. Make it readable first.`
      : first && !first.endsWith('/.profile')
        ? `A login bash reads only the first of ~/.bash_profile, ~/.bash_login and ~/.profile that exists: here ${tildePath(first, home)}, so ~/.profile is read only if it sources it.`
        : 'A login bash reads ~/.profile when there is no ~/.bash_profile or ~/.bash_login, and display managers that start the session with sh read it too.';
    to = target(file, 'sh', why, unreadable ? { unreadable } : {});
  } else if (base === 'zsh') {
    const zdot = (env.ZDOTDIR ? expandLiteral(env.ZDOTDIR, home) : undefined) ?? home;
    reads = listed.filter((f) => path.dirname(f) === zdot && ZSH_LOGIN_FILES.includes(path.basename(f)));
    to = target(path.join(zdot, '.zprofile'), 'sh', 'A login zsh reads ~/.zshenv, ~/.zprofile and ~/.zlogin (under ZDOTDIR when set), not ~/.profile; ~/.zshrc only when interactive, which the desktop session\'s login shell is not.');
  } else if (base === 'fish') {
    // The user's config.fish comes first in the list (under XDG_CONFIG_HOME).
    const conf = listed[0]!;
    const confD = path.join(path.dirname(conf), 'conf.d');
    const dropIns = (await fs.readdir(confD).catch(() => [] as string[])).filter((n) => n.endsWith('.fish')).sort().map((n) => path.join(confD, n));
    reads = [...dropIns, conf];
    to = target(conf, 'fish', 'fish reads conf.d/*.fish and config.fish at every start, never ~/.profile.');
  } else if (/^t?csh$/.test(base)) {
    // tcsh(1) Startup and shutdown: ~/.tcshrc, or ~/.cshrc when there is none, then ~/.login; csh
    // reads ~/.cshrc. Every tcsh reads the rc file, login or not, so the line goes there.
    const rc = base === 'tcsh' && (await exists(h('.tcshrc'))) ? h('.tcshrc') : h('.cshrc');
    reads = [rc, h('.login')];
    to = target(rc, 'csh', `${base} reads ${tildePath(rc, home)} at every start${base === 'tcsh' ? ' (~/.cshrc only when there is no ~/.tcshrc)' : ''}, never ~/.profile.`);
  } else if (base === 'xonsh') {
    // xonsh's default XONSHRC (0.13.4 measured: `xonsh -l -c` reads ~/.xonshrc, `xonsh -c` does not).
    const rcXsh = path.join(xdgConfigHome(env, home), 'xonsh', 'rc.xsh');
    reads = [rcXsh, h('.xonshrc')];
    to = target(h('.xonshrc'), 'xonsh', 'A login xonsh reads ~/.config/xonsh/rc.xsh and ~/.xonshrc (xonsh 0.13), never ~/.profile.');
  } else if (base === 'nu') {
    // nu reads env.nu, then config.nu, then login.nu as a login shell, from its config directory;
    // which of them should hold PATH, and their syntax, changed between releases.
    const dir = path.join(xdgConfigHome(env, home), 'nushell');
    reads = ['env.nu', 'config.nu', 'login.nu'].map((n) => path.join(dir, n));
    to = target(path.join(dir, 'config.nu'), 'unwritten', 'nu reads env.nu, config.nu and (as a login shell) login.nu from its config directory, never ~/.profile.', { shell: 'nu' });
  } else {
    // sh, dash, ksh; and shells whose files are not known here, whose desktop session is still
    // often built by a display manager that reads ~/.profile with sh.
    const file = h('.profile');
    reads = [file];
    to = target(file, 'sh', 'A login sh, dash or ksh reads ~/.profile, as display managers that start the session with sh do.');
  }
  const via: Record<string, string> = Object.fromEntries(reads.map((f) => [f, f]));
  // A file sourced by a literal path (`. ~/.profile` in ~/.bash_profile, `emulate sh -c '. ~/.profile'`
  // in ~/.zprofile) is read too; one level is what these files do.
  if (to.syntax !== 'unwritten' && to.syntax !== 'xonsh') {
    for (const f of [...reads]) {
      const r = await readUserFile(f, CAP);
      if (!r.ok) continue;
      for (const s of sourcedPaths(r.text, home).files) {
        if (s.startsWith(`${home}/`) && !reads.includes(s)) {
          reads.push(s);
          via[s] = f;
        }
      }
    }
  }
  return { reads, via, target: to };
}
