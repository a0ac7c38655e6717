// A go that terminals find and the editor does not, because only ~/.bashrc puts it on PATH. A
// terminal emulator's bash is interactive, not a login shell, and reads ~/.bashrc; the desktop
// session that starts the editor is built from the login environment (~/.profile), which reads
// ~/.bashrc only when it sources it. A tester's report said "a terminal's go fails the same way"
// and pointed the editor at another Go than the one the user had set up in ~/.bashrc.
import path from 'node:path';
import type { Evidence, Fix } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { lookPath } from '../facts/lookPath.js';
import { assignmentLines } from '../facts/exportSites.js';
import { readUserFile } from '../host/readUserFile.js';
import { lineNamesDir } from '../facts/profileHasDir.js';
import { loginFiles } from '../facts/loginPathFile.js';

export interface TerminalOnlyGo {
  go: string;
  dir: string;
  /** The terminal shell's command line, for evidence. */
  commandLine: string;
  loginCommandLine: string;
  /** The ~/.bashrc lines that set PATH with that directory in them. */
  sites: Array<{ file: string; line: number; text: string }>;
  /** ~/.profile, and whether it is there at all. */
  profile: string;
  profileExists: boolean;
  /**
   * The file a login bash reads: the first of ~/.bash_profile, ~/.bash_login, ~/.profile that exists
   * (bash(1) INVOCATION; loginPathFile.ts answers it for every probe). With ~/.bash_profile there,
   * ~/.profile is never read, whatever it sources: a tester's Debian ~/.profile read ~/.bashrc and
   * the report said it did not, and offered to make it.
   */
  loginFile?: '.bash_profile' | '.bash_login' | '.profile';
  /**
   * The login file is there but cannot be read (EACCES, EISDIR): bash prints the error and reads
   * none of the three (bash 5.2, measured as a user without read permission on ~/.bash_profile).
   */
  loginFileUnreadable?: string;
}

export async function goInTerminalOnly(ctx: Pick<ProbeContext, 'facts' | 'env'>): Promise<TerminalOnlyGo | undefined> {
  const login = await ctx.facts.loginShellEnv();
  if (!login.ok || (await lookPath('go', login.env))) return undefined;
  const term = await ctx.facts.terminalShellEnv?.();
  if (!term?.ok) return undefined;
  const go = await lookPath('go', term.env);
  if (!go) return undefined;
  const dir = path.dirname(go);
  const home = term.env.HOME ?? ctx.env.HOME;
  const sites: TerminalOnlyGo['sites'] = [];
  const profile = home ? path.join(home, '.profile') : '~/.profile';
  let profileExists = false;
  let loginFile: TerminalOnlyGo['loginFile'];
  let loginFileUnreadable: string | undefined;
  if (home && path.isAbsolute(home)) {
    const rc = path.join(home, '.bashrc');
    const r = await readUserFile(rc, 256 * 1024);
    if (r.ok) for (const l of assignmentLines(r.text, 'PATH')) if (lineNamesDir(l.text, dir, home)) sites.push({ file: rc, ...l });
    // The terminal's shell is bash here: its login files, as a login bash chooses them.
    const { target } = await loginFiles('bash', term.env, home);
    loginFile = path.basename(target.file) as TerminalOnlyGo['loginFile'];
    loginFileUnreadable = target.unreadable;
    // Present, readable or not: bash stops at ~/.profile too when it cannot read it.
    const p = await readUserFile(profile, 1);
    profileExists = p.ok || (p.code !== 'ENOENT' && p.code !== 'ENOTDIR');
  }
  return { go, dir, commandLine: term.commandLine, loginCommandLine: login.commandLine, sites, profile, profileExists, loginFile, ...(loginFileUnreadable ? { loginFileUnreadable } : {}) };
}

/** The sentence, evidence and fixes for a finding that go is missing from the editor's PATH. */
export function terminalOnlyWords(t: TerminalOnlyGo): { where: string; evidence: Evidence[]; fixes: Fix[] } {
  const site = t.sites[0];
  // The file the login shell reads in place of ~/.profile, when there is one.
  const own = t.loginFile && t.loginFile !== '.profile' ? t.loginFile : undefined;
  const shownLogin = `~/${t.loginFile ?? '.profile'}`;
  const reads = t.loginFileUnreadable
    ? `${shownLogin}, which cannot be read here (${t.loginFileUnreadable}): bash says so and reads none of ~/.bash_profile, ~/.bash_login and ~/.profile, nor ~/.bashrc through them`
    : own
      ? `~/${own}, which does not read ~/.bashrc here (and not ~/.profile either: bash reads only the first of ~/.bash_profile, ~/.bash_login and ~/.profile)`
      : `~/.profile${t.profileExists ? ', which does not read ~/.bashrc here' : ' (there is none here)'}`;
  const where =
    ` Terminals do find it, at ${t.go}: a terminal's bash is interactive and reads ~/.bashrc${site ? `, whose line ${site.line} puts ${t.dir} on PATH` : ''}. ` +
    `The editor, started from the desktop, has the login environment instead, and a login shell reads ${reads}, not ~/.bashrc: so go is missing there, and in anything else started from the desktop.`;
  const target = own ?? '.profile';
  const evidence: Evidence[] = [
    { source: t.commandLine, excerpt: `go → ${t.go}` },
    ...(site ? [{ source: `${site.file}:${site.line}`, excerpt: site.text }] : []),
    { source: t.loginCommandLine, excerpt: 'go → not found' },
  ];
  // A login file bash cannot read gets the line only once it can: read (and write: a mode-000 file
  // refuses the append) permission back first; a
  // directory in its place is the user's to move (an append would fail).
  const fixes: Fix[] = t.loginFileUnreadable && t.loginFileUnreadable !== 'EACCES' ? [] : [
    {
      id: 'profile-sources-bashrc',
      kind: 'terminal',
      title: own ? `Make ~/${own} read ~/.bashrc` : 'Make ~/.profile read ~/.bashrc, as Debian\'s and Ubuntu\'s default ~/.profile does',
      text: `${t.loginFileUnreadable ? `chmod u+rw ~/${target} && ` : ''}printf '%s\\n' 'if [ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ]; then . "$HOME/.bashrc"; fi' >> ~/${target}`,
      needsRoot: false,
      detail: 'Everything ~/.bashrc sets then reaches the desktop session too; log out and back in for the editor to get it.',
    },
  ];
  return { where, evidence, fixes };
}
