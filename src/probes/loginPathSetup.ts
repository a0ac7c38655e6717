// One answer, for every probe, to "the editor's PATH lacks this directory: what now?": the lines
// of the login shell's own start-up files that already put it there (checked by sourcing the file
// without -i, which is how a login at the desktop reads it), or else the append fix for the file
// that shell really reads, in its syntax. Probes that offered the fix each with ~/.profile hard-coded
// told a zsh user to edit a file zsh never reads (a tester's).
import type { Evidence, Fix } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { alreadyInProfile, loginPathFor } from '../facts/profileHasDir.js';
import type { LoginPathTarget } from '../facts/loginPathFile.js';
import { sourceStartupFile } from '../facts/sourceStartupFile.js';
import { shellAllowance } from '../facts/shellDeadline.js';
import { profilePathFix } from '../fixes/catalog.js';

export interface LoginPathSetup {
  /** A start-up file has the line: why adding it again would not help, and what would. */
  already?: { words: string; evidence: Evidence[]; reached: boolean };
  /** The append fix, when no file has the line. */
  fix?: Fix;
  target?: LoginPathTarget;
}

/** The login shell as the desktop session runs it: the one the login-shell fact ran, else SHELL. */
export async function loginShellOf(ctx: Pick<ProbeContext, 'facts' | 'env'>): Promise<string | undefined> {
  const f = await ctx.facts.loginShellEnv();
  return f.shell ?? ctx.env.SHELL;
}

/**
 * For `dir`, missing from the editor's PATH. `env` is the environment whose variables a PATH line
 * may name (the login shell's, when read); HOME is the editor's unless given. `check: false` skips
 * sourcing the file (a caller that words no "already there").
 */
export async function loginPathSetup(ctx: Pick<ProbeContext, 'facts' | 'env' | 'host' | 'signal' | 'remainingMs'>, dir: string, opts: { env?: Record<string, string | undefined>; home?: string; shell?: string; check?: boolean } = {}): Promise<LoginPathSetup> {
  const home = opts.home ?? ctx.env.HOME;
  const shell = opts.shell ?? (await loginShellOf(ctx));
  const { sites, target } = await loginPathFor(dir, shell, opts.env ?? ctx.env, home);
  if (sites.length) {
    // What runs at login is the file the shell itself reads (~/.bash_profile), not the one holding
    // the line (a ~/.bashrc it sources, which may return early when not interactive): that one is
    // sourced. Only sh-syntax files are: fish, csh and xonsh lines would be sh errors.
    const sourceable = target?.syntax === 'sh' && opts.check !== false;
    const check = sourceable ? await sourceStartupFile(ctx.host, shell, sites[0]!.via, { ...ctx.env, ...(home ? { HOME: home } : {}) }, ctx.signal, shellAllowance(ctx.remainingMs())) : undefined;
    return { already: alreadyInProfile(sites, home, dir, check), target };
  }
  return { fix: profilePathFix([dir], home, target), target };
}
