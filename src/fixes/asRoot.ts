// A command that needs root, typed the way it can run on this machine: with `sudo` only for a user
// who is not root on a machine that has sudo; as it is for root; and, with no sudo, as it is with
// a word on how to become root first. Builders write the plain command (or one that starts with
// `sudo `, the common spelling); this is the one place that decides. Pure.
import type { Fix } from '../doctor/model.js';
import { quoteForDisplay as sh } from '../host/shellQuote.js';

export interface RootContext {
  /** The user the doctor (and so the editor's terminal) runs as; undefined when unknown. */
  uid: number | undefined;
  /** Whether `sudo` is on PATH. */
  sudo: boolean;
  /** That user's name (or uid), for a root shell where "$USER" would be root. */
  user?: string;
}

/** The calling user's own name in a command: `sudo` expands it in the user's shell; a root shell would say root. */
const CALLER = /"\$USER:"/g;

const SUDO = /^sudo\s+/;
/** Redirections, pipes and lists apply to the whole line only when a root shell runs it. */
const NEEDS_SHELL = /[|&;<>]/;

export function asRoot(fix: Fix, ctx: RootContext): Fix {
  if (fix.kind !== 'terminal' || !fix.needsRoot) return fix;
  const plain = fix.text.replace(SUDO, '');
  if (ctx.uid === 0) return { ...fix, text: plain };
  if (!ctx.sudo) {
    const how = 'sudo is not installed here: run it in a root shell (`su -`, or log in as root).';
    // In `su -` $USER is root: `chown -R "$USER:" dir` would give the directory to root again
    // (a tester ran it so; nothing changed). The user is named as this run knows them.
    const text = ctx.user ? plain.replace(CALLER, `${sh(ctx.user)}:`) : plain;
    return { ...fix, text, detail: fix.detail ? `${fix.detail} ${how}` : how };
  }
  if (SUDO.test(fix.text)) return fix;
  if (!NEEDS_SHELL.test(plain)) return { ...fix, text: `sudo ${plain}` };
  // sh is dash on Debian and Ubuntu, which reads no $'…' word before 0.5.13: a line holding one (a
  // path with control characters, quoteForDisplay) is run by bash.
  return { ...fix, text: `sudo ${/\$'/.test(plain) ? 'bash' : 'sh'} -c ${sh(plain)}` };
}

/** Every root fix of a report, findings' and causes' alike. */
export function rootFixes<R extends { causes: Array<{ fixes: Fix[]; findings: Array<{ fixes: Fix[] }> }> }>(report: R, ctx: RootContext): R {
  return {
    ...report,
    causes: report.causes.map((c) => ({ ...c, fixes: c.fixes.map((f) => asRoot(f, ctx)), findings: c.findings.map((f) => ({ ...f, fixes: f.fixes.map((x) => asRoot(x, ctx)) })) })),
  };
}
