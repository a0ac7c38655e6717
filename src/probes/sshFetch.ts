// Private modules fetched over ssh. The usual set-up for a private repository is a git rule
// `url."git@host:".insteadOf "https://host/"` (or ssh://…): go asks git for https://host/repo and
// git goes over ssh instead, so .netrc plays no part. go runs git with no terminal to ask on (and
// gopls or the editor has none at all): where ssh would ask, it fails instead, and go hides its
// words behind "no secure protocol found for repository" (measured with go1.26.8, OpenSSH 9.2):
// - the server's host key is not in any known_hosts file (StrictHostKeyChecking ask, the default):
//   "Host key verification failed." In a terminal ssh asks once, so it "works in the terminal";
// - no key ssh can use without a prompt: every identity file has a passphrase and no agent holds
//   it, or the editor was started without the session's agent (SSH_AUTH_SOCK): "Permission denied
//   (publickey)." In a terminal ssh asks for the passphrase, or the shell has the agent.
// What ssh would do is read, not tried: `ssh -G` (the effective configuration, no connection),
// `ssh-keygen -F` (the known_hosts files, hashed or not), `ssh-add -l` (what the agent holds) and
// the identity files' headers. Nothing connects anywhere.
import { octalMode } from '../host/fileMode.js';
import os from 'node:os';
import { promises as fs } from 'node:fs';
import type { ProbeContext } from './probe.js';
import { readUserFile } from '../host/readUserFile.js';
import { passwdHomeDir } from '../host/paths.js';

export interface InsteadOf {
  /** What a matching URL becomes: url.<base>.insteadOf. */
  base: string;
  /** The URL prefix it replaces. */
  prefix: string;
}

/** Pure: `git config --get-regexp '^url\..*\.insteadof$'` output → its rules. */
export function parseInsteadOf(stdout: string): InsteadOf[] {
  const out: InsteadOf[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^url\.(.+)\.insteadof (.+)$/i.exec(line.trim());
    if (m) out.push({ base: m[1]!, prefix: m[2]! });
  }
  return out;
}

/**
 * Pure: the hosts git has a credential helper for, from `git config --get-regexp` lines
 * `credential.helper X` (every host: "*") and `credential.<url>.helper X` (that URL's host). An
 * empty value resets the list in git; a helper configured at all is what counts here.
 */
export function credentialHelperHosts(stdout: string): Set<string> {
  const out = new Set<string>();
  for (const line of stdout.split('\n')) {
    const m = /^credential\.(?:(.+)\.)?helper (.+)$/i.exec(line.trim());
    if (!m || !m[2]!.trim()) continue;
    if (!m[1]) {
      out.add('*');
      continue;
    }
    try {
      out.add(new URL(m[1].includes('://') ? m[1] : `https://${m[1]}`).hostname);
    } catch {
      // not a URL git would match either
    }
  }
  return out;
}

/** Pure: does this URL carry its own credentials (https://user:token@host/)? */
export function urlHasUserinfo(url: string): boolean {
  return /^https?:\/\/[^/@\s]+@/i.test(url);
}

/** Pure: git's rewrite of a URL: the longest matching insteadOf prefix wins. */
export function rewriteUrl(url: string, rules: readonly InsteadOf[]): string {
  let best: InsteadOf | undefined;
  for (const r of rules) if (url.startsWith(r.prefix) && (!best || r.prefix.length > best.prefix.length)) best = r;
  return best ? best.base + url.slice(best.prefix.length) : url;
}

export interface SshTarget {
  user?: string;
  host: string;
  port?: number;
}

/** Pure: where git goes over ssh for a URL (ssh://, git+ssh://, ssh+git://, or scp-like user@host:path); undefined for any other transport. */
export function sshTarget(url: string): SshTarget | undefined {
  const u = /^(?:ssh|git\+ssh|ssh\+git):\/\/(?:([^@/]+)@)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?\//.exec(url);
  const scp = !u && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? /^(?:([^@/:]+)@)?([^:/]+):(?!\/\/)/.exec(url) : undefined;
  const m = u ?? scp;
  if (!m) return undefined;
  const bracketed = /^\[([0-9A-Fa-f:.]+)\]$/.exec(m[2]!);
  const host = bracketed ? bracketed[1]! : m[2]!;
  // Only names ssh and a terminal line can take as they are (no option-like or shell-special text).
  if (!bracketed && !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(host)) return undefined;
  const user = m[1] && /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(m[1]) ? m[1] : undefined;
  const port = u && m[3] ? Number(m[3]) : undefined;
  return { host, ...(user ? { user } : {}), ...(port && port !== 22 ? { port } : {}) };
}

/** Pure: `ssh -G` output → each keyword's values (identityfile and the known-hosts files repeat or list several). */
export function parseSshConfig(stdout: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    const m = /^(\S+)\s+(.*)$/.exec(line.trim());
    if (!m) continue;
    const k = m[1]!.toLowerCase();
    const values = k.endsWith('knownhostsfile') ? m[2]!.split(/\s+/).filter(Boolean) : [m[2]!];
    out.set(k, [...(out.get(k) ?? []), ...values]);
  }
  return out;
}

/**
 * Pure: does this private key file need a passphrase? OpenSSH's own format names its cipher
 * ("none" when it has no passphrase); PEM says ENCRYPTED. Undefined: not a private key read here.
 */
export function keyHasPassphrase(text: string): boolean | undefined {
  // Only the head is needed (and read: see readSshState): the cipher name sits in the first bytes.
  const openssh = /-----BEGIN OPENSSH PRIVATE KEY-----([A-Za-z0-9+/=\s]*)/.exec(text);
  if (openssh) {
    const b64 = openssh[1]!.replace(/\s+/g, '');
    const raw = Buffer.from(b64.slice(0, b64.length - (b64.length % 4)), 'base64');
    const magic = 'openssh-key-v1\0';
    if (raw.subarray(0, magic.length).toString('latin1') !== magic || raw.length < magic.length + 4) return undefined;
    const n = raw.readUInt32BE(magic.length);
    const cipher = raw.subarray(magic.length + 4, magic.length + 4 + n).toString('latin1');
    return cipher !== 'none';
  }
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text)) return true;
  if (/-----BEGIN (RSA|DSA|EC) PRIVATE KEY-----/.test(text)) return /Proc-Type:\s*4,ENCRYPTED/.test(text);
  if (/-----BEGIN PRIVATE KEY-----/.test(text)) return false;
  return undefined;
}

/** Pure: a path from ssh -G, with ~ and the tokens identity files use (%d home, %u user, %%) expanded. */
export function expandSshPath(p: string, home: string, user: string): string {
  return p.replace(/^~(?=\/|$)/, home).replace(/%([%du])/g, (_, t: string) => (t === '%' ? '%' : t === 'd' ? home : user));
}

/** The name ssh looks a host key up by: [host]:port off port 22. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export interface KeyState {
  file: string;
  /** Has a passphrase (ssh would ask for it). */
  passphrase: boolean;
  /** Group or others may read it: ssh refuses the key ("UNPROTECTED PRIVATE KEY FILE!"). */
  tooOpen?: string;
}

export interface SshState {
  target: SshTarget;
  /** The URL git goes to, after insteadOf. */
  url: string;
  /** ssh -G's hostname and port: what known_hosts is searched for. */
  hostname: string;
  port: number;
  user: string;
  strictHostKeyChecking: string;
  /** The name the host key is looked up by: HostKeyAlias, or knownHostsName(hostname, port). */
  knownHostsName: string;
  /** The known-hosts files that exist and were searched. */
  knownHostsFiles: string[];
  /** Whether any of them holds the host's key. */
  hostKnown: boolean;
  keys: KeyState[];
  /** The agent ssh would ask: its socket and what `ssh-add -l` said (undefined: no agent). */
  agent?: { socket: string; identities: number; error?: string };
  commandLine: string;
}

const SHORT_MS = 3000;

/** What ssh would do for this target, read without connecting. Undefined when ssh is not there or says nothing. */
export async function readSshState(ctx: ProbeContext, url: string, target: SshTarget): Promise<SshState | undefined> {
  const args = ['-G', ...(target.port ? ['-p', String(target.port)] : []), ...(target.user ? ['-l', target.user] : []), '--', target.host];
  const g = await ctx.host.exec('ssh', args, { timeoutMs: SHORT_MS, signal: ctx.signal, env: ctx.env, cwd: '/' });
  if (g.failed || !g.stdout.trim()) return undefined;
  const cfg = parseSshConfig(g.stdout);
  const one = (k: string) => cfg.get(k)?.[0] ?? '';
  // OpenSSH takes ~ from the passwd entry, never from $HOME.
  const home = passwdHomeDir();
  const user = one('user') || os.userInfo().username;
  const hostname = one('hostname') || target.host;
  const port = Number(one('port')) || 22;
  const expand = (p: string) => (home ? expandSshPath(p, home, user) : p);
  const knownHostsFiles: string[] = [];
  let hostKnown = false;
  const name = one('hostkeyalias') && one('hostkeyalias') !== 'none' ? one('hostkeyalias') : knownHostsName(hostname, port);
  for (const f of [...(cfg.get('userknownhostsfile') ?? []), ...(cfg.get('globalknownhostsfile') ?? [])].map(expand)) {
    if (f === 'none' || !(await fs.stat(f).then((s) => s.isFile(), () => false))) continue;
    knownHostsFiles.push(f);
    const r = await ctx.host.exec('ssh-keygen', ['-F', name, '-f', f], { timeoutMs: SHORT_MS, signal: ctx.signal, env: ctx.env, cwd: '/' });
    if (r.exitCode === 0 && r.stdout.trim()) {
      hostKnown = true;
      break;
    }
  }
  const keys: KeyState[] = [];
  for (const f of (cfg.get('identityfile') ?? []).map(expand).slice(0, 12)) {
    const st = await fs.stat(f).catch(() => undefined);
    if (!st?.isFile()) continue;
    // Its first lines only: the format and cipher name are there, and the key itself need not be read.
    const read = await readUserFile(f, 512);
    const passphrase = read.ok ? keyHasPassphrase(read.text) : undefined;
    if (passphrase === undefined) continue;
    const mode = st.mode & 0o777;
    keys.push({ file: f, passphrase, ...(mode & 0o077 && st.uid === process.getuid?.() ? { tooOpen: octalMode(mode) } : {}) });
  }
  // IdentityAgent: SSH_AUTH_SOCK (the default) reads the environment; a path names the socket; none, no agent.
  const ia = one('identityagent') || 'SSH_AUTH_SOCK';
  const socket = ia === 'none' ? undefined : ia === 'SSH_AUTH_SOCK' ? ctx.env.SSH_AUTH_SOCK : expand(ia.replace(/^\$\{?(\w+)\}?$/, (_, v: string) => ctx.env[v] ?? ''));
  let agent: SshState['agent'];
  if (socket) {
    const r = await ctx.host.exec('ssh-add', ['-l'], { timeoutMs: SHORT_MS, signal: ctx.signal, env: { ...ctx.env, SSH_AUTH_SOCK: socket }, cwd: '/' });
    // 0: identities listed; 1: "The agent has no identities."; 2: no agent at that socket.
    agent = r.exitCode === 0 ? { socket, identities: r.stdout.trim().split('\n').filter(Boolean).length } : { socket, identities: 0, error: (r.stderr || r.stdout).trim().split('\n')[0]?.slice(0, 200) ?? `exit ${r.exitCode}` };
  }
  return {
    target,
    url,
    hostname,
    port,
    user,
    strictHostKeyChecking: one('stricthostkeychecking') || 'ask',
    knownHostsName: name,
    knownHostsFiles,
    hostKnown,
    keys,
    ...(agent ? { agent } : {}),
    commandLine: `ssh ${args.join(' ')}`,
  };
}

/** Pure: can ssh authenticate without asking anything? A key without a passphrase it accepts, or an agent holding one. */
export function canAuthenticateUnasked(s: Pick<SshState, 'keys' | 'agent'>): boolean {
  return s.keys.some((k) => !k.passphrase && !k.tooOpen) || (s.agent?.identities ?? 0) > 0;
}

/** Pure: will ssh refuse an unknown host key with nobody to ask? */
export function refusesUnknownHost(strict: string): boolean {
  return !['no', 'off', 'accept-new'].includes(strict.toLowerCase());
}

/** ssh's own name for a target, as a person types it. */
export function sshCommandFor(s: Pick<SshState, 'target'>): string {
  const t = s.target;
  return `ssh ${t.port ? `-p ${t.port} ` : ''}${t.user ? `${t.user}@` : ''}${t.host}`;
}
