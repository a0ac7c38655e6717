// A program the Go tools run (a C or C++ compiler, git) that the editor's PATH lacks: does the
// login shell find it? Then the editor was started without the shell's PATH, and the fixes put that
// directory on the profile's PATH (and, where a variable names the program, its absolute path in
// go.toolsEnvVars); else the program is not installed and the fix installs it. One reading for the
// cgo compilers (cgo.ts, cgoHeaders.ts) and git (moduleDownloads.ts), so they say it alike.
import path from 'node:path';
import type { Evidence, Fix } from '../doctor/model.js';
import { lookPath } from '../facts/lookPath.js';
import { profilePathFix } from '../fixes/catalog.js';
import { loginFiles } from '../facts/loginPathFile.js';

export interface ProgramInLogin {
  /** Where the login shell's PATH finds the program, if it does. */
  inLogin?: string;
  /** The sentence for the finding: where the login shell finds it, or that nothing is installed. */
  where: string;
  fixes: Fix[];
  /** The login shell's lookup, when it found the program. */
  evidence: Evidence[];
}

export interface ProgramInLoginInput {
  /** The program as go names it: a bare name is looked up on PATH; a path is not the login shell's business. */
  program: string;
  /** The login shell's environment, when it could be read. */
  loginEnv?: NodeJS.ProcessEnv;
  /** The evidence's source for the login shell's lookup (its command line). */
  loginSource: string;
  editorEnv: NodeJS.ProcessEnv;
  /** The fix naming the found program's absolute path for the Go tools (CC=…, CXX=…), if any. */
  pathFix?: (found: string) => Fix;
  /** The install of the program, when one package is known to bring it. */
  installFix?: Fix;
  /** The sentence when the login shell does not find it either (" It is not on your login shell's PATH either: …"). */
  notInstalled: string;
}

export async function programInLogin(input: ProgramInLoginInput): Promise<ProgramInLogin> {
  const inLogin = input.loginEnv && !input.program.includes('/') ? await lookPath(input.program, input.loginEnv) : undefined;
  if (inLogin) {
    // The file the login shell reads (~/.zprofile, config.fish…), as the go-env probe's same fix.
    const home = input.editorEnv.HOME;
    const target = home && path.isAbsolute(home) ? (await loginFiles(input.editorEnv.SHELL, input.editorEnv, home)).target : undefined;
    const profile = profilePathFix([path.dirname(inLogin)], home, target);
    return {
      inLogin,
      where: ` Your login shell finds it at ${inLogin}: the editor was started without your shell's PATH.`,
      fixes: [...(profile ? [profile] : []), ...(input.pathFix ? [input.pathFix(inLogin)] : [])],
      evidence: [{ source: input.loginSource, excerpt: `${input.program} → ${inLogin}` }],
    };
  }
  const where = input.program.includes('/') || !input.loginEnv ? '' : input.notInstalled;
  return { where, fixes: input.installFix ? [input.installFix] : [], evidence: [] };
}
