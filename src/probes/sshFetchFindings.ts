// What stops go's git over ssh where nobody can answer a prompt (sshFetch.ts reads the state): an
// unknown host key, or no key ssh may use without asking. Errors, as the build fails on them: the
// modules are not in the module cache and this is the only way go has to fetch them.
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { firstAndMore } from '../doctor/listing.js';
import { lookPath } from '../facts/lookPath.js';
import { sshAddFix, sshAgentFromLoginFix, sshKeyModeFix, sshKnownHostFix } from '../fixes/downloads.js';
import { canAuthenticateUnasked, credentialHelperHosts, parseInsteadOf, readSshState, refusesUnknownHost, rewriteUrl, sshCommandFor, sshTarget, urlHasUserinfo, type SshState } from './sshFetch.js';

export interface FetchedModule {
  path: string;
  version: string;
}

export interface SshFetch {
  findings: FindingInput[];
  /**
   * Modules whose credentials are not .netrc's business: fetched over ssh, from a URL that carries
   * its own (an insteadOf to https://token@host/), or from a host git has a credential helper for.
   */
  notNetrc: Set<string>;
}

/** A session agent socket under /tmp/ssh-XXXX/ changes with every login: not worth a setting. */
function stableSocket(p: string): boolean {
  return !/^\/tmp\/ssh-[^/]+\/agent\.\d+$/.test(p);
}

export async function sshFetchFindings(ctx: ProbeContext, modules: readonly FetchedModule[], goModPath: string, cacheEv: Evidence): Promise<SshFetch> {
  const res: SshFetch = { findings: [], notNetrc: new Set() };
  // A command of the user's own (GIT_SSH, GIT_SSH_COMMAND, core.sshCommand) is not judged.
  // git's config, ssh's and the keys are this machine's: nothing to say of a fixture tree.
  if (!modules.length || !ctx.host.live || !(await lookPath('git', ctx.env))) return res;
  // go runs git in a bare repository of its own under the module cache: global and system config apply, not a workspace's.
  const cfg = await ctx.host.exec('git', ['config', '--get-regexp', '^(url\\..*\\.insteadof|core\\.sshcommand|credential\\..*helper)$'], { timeoutMs: 3000, signal: ctx.signal, env: ctx.env, cwd: '/' });
  // Exit 1: none of these keys is set.
  if (cfg.failed && cfg.exitCode !== 1) return res;
  const rules = parseInsteadOf(cfg.stdout);
  const helpers = credentialHelperHosts(cfg.stdout);
  // go asks git for https://<module path> first (its secure schemes: https, then git+ssh and ssh).
  const urls = modules.map((m) => ({ m, url: rewriteUrl(`https://${m.path}`, rules) }));
  for (const { m, url } of urls) if (urlHasUserinfo(url) || helpers.has('*') || helpers.has(m.path.split('/')[0]!)) res.notNetrc.add(m.path);
  if (!rules.length || ctx.env.GIT_SSH || ctx.env.GIT_SSH_COMMAND || /^core\.sshcommand /im.test(cfg.stdout) || !(await lookPath('ssh', ctx.env))) return res;
  const byTarget = new Map<string, { url: string; target: NonNullable<ReturnType<typeof sshTarget>>; modules: FetchedModule[] }>();
  for (const { m, url } of urls) {
    const target = sshTarget(url);
    if (!target) continue;
    const k = `${target.user ?? ''}@${target.host}:${target.port ?? 22}`;
    const e = byTarget.get(k) ?? { url, target, modules: [] };
    e.modules.push(m);
    byTarget.set(k, e);
  }
  const rulesEv: Evidence = { source: 'git config --get-regexp url.*.insteadof', excerpt: cfg.stdout.trim().split('\n').slice(0, 6).join('\n') };
  for (const { url, target, modules: ms } of [...byTarget.values()].slice(0, 2)) {
    const s = await readSshState(ctx, url, target);
    if (!s) continue;
    for (const m of ms) res.notNetrc.add(m.path);
    const names = firstAndMore(ms.map((m) => `${m.path} ${m.version}`));
    const lead = `${names}, required by ${goModPath}, ${ms.length === 1 ? 'is' : 'are'} not in the module cache, and git fetches ${ms.length === 1 ? 'it' : 'them'} over ssh (${url}, by git's insteadOf rule)`;
    const sshEv: Evidence = { source: s.commandLine, excerpt: `hostname ${s.hostname}\nport ${s.port}\nuser ${s.user}\nstricthostkeychecking ${s.strictHostKeyChecking}` };
    const symptom = 'go then reports only "no secure protocol found for repository" (or "Could not read from remote repository")';
    if (!s.hostKnown && refusesUnknownHost(s.strictHostKeyChecking)) {
      res.findings.push({
        classId: 'module-resolution',
        explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
        headline: 'module-downloads',
        severity: 'error',
        confidence: 0.8,
        message: `${lead}. No known_hosts file holds the host key of ${s.hostname}${s.port === 22 ? '' : ` port ${s.port}`}, and StrictHostKeyChecking is ${s.strictHostKeyChecking}: in a terminal ssh asks whether to trust it, but go's git in the editor has no terminal to ask on, so ssh stops with "Host key verification failed." and ${symptom}.`,
        evidence: [cacheEv, rulesEv, sshEv, { source: `ssh-keygen -F ${s.knownHostsName}`, excerpt: s.knownHostsFiles.length ? `not found in ${s.knownHostsFiles.join(', ')}` : 'no known_hosts file exists' }],
        fixes: [sshKnownHostFix(sshCommandFor(s))],
      });
    }
    if (!canAuthenticateUnasked(s)) res.findings.push(await authFinding(ctx, s, lead, symptom, [cacheEv, rulesEv, sshEv]));
  }
  return res;
}

async function authFinding(ctx: ProbeContext, s: SshState, lead: string, symptom: string, evidence: Evidence[]): Promise<FindingInput> {
  const keysEv: Evidence = {
    source: 'identity files (ssh -G identityfile)',
    excerpt: s.keys.length ? s.keys.map((k) => `${k.file}: ${k.passphrase ? 'has a passphrase' : 'no passphrase'}${k.tooOpen ? `, mode ${k.tooOpen} (ssh refuses it)` : ''}`).join('\n') : 'none of them exists',
  };
  const agentEv: Evidence = { source: 'ssh-add -l', excerpt: s.agent ? `${s.agent.socket}: ${s.agent.error ?? `${s.agent.identities} keys`}` : 'no agent: SSH_AUTH_SOCK is not set in the editor\'s environment' };
  const usable = s.keys.filter((k) => !k.tooOpen);
  const open = s.keys.filter((k) => k.tooOpen);
  const keysSaid = !s.keys.length
    ? 'there is no private key where ssh looks (~/.ssh/id_ed25519, id_rsa, … or an IdentityFile)'
    : usable.length
      ? `every key ssh would offer has a passphrase (${usable.map((k) => k.file).join(', ')})${open.length ? ` and it refuses ${open.map((k) => k.file).join(', ')}, which others may read` : ''}`
      : `ssh refuses ${open.map((k) => k.file).join(', ')}: others may read ${open.length === 1 ? 'it' : 'them'} ("UNPROTECTED PRIVATE KEY FILE!")`;
  const agentSaid = !s.agent ? 'the editor has no SSH agent (SSH_AUTH_SOCK is unset)' : s.agent.error ? `the agent at ${s.agent.socket} does not answer (${s.agent.error})` : `the agent at ${s.agent.socket} holds no key`;
  // The login shell's agent: the editor may simply have been started without it.
  const login = await ctx.facts.loginShellEnv();
  const loginSock = login.ok ? login.env.SSH_AUTH_SOCK : undefined;
  let loginAgentKeys = 0;
  if (loginSock && loginSock !== s.agent?.socket) {
    const r = await ctx.host.exec('ssh-add', ['-l'], { timeoutMs: 3000, signal: ctx.signal, env: { ...ctx.env, SSH_AUTH_SOCK: loginSock }, cwd: '/' });
    if (r.exitCode === 0) loginAgentKeys = r.stdout.trim().split('\n').filter(Boolean).length;
  }
  const fixes: Fix[] = [];
  if (loginAgentKeys && stableSocket(loginSock!)) fixes.push(sshAgentFromLoginFix(loginSock!));
  for (const k of open.slice(0, 2)) fixes.push(sshKeyModeFix(k.file));
  if (s.agent && !s.agent.error && usable[0]) fixes.push(sshAddFix(usable[0].file));
  // How to keep a key in an agent across sessions (AddKeysToAgent, a keychain): the lasting answer.
  if (usable.some((k) => k.passphrase)) fixes.push({ id: 'ssh-agent-docs', kind: 'link', title: 'Keep an SSH key with a passphrase in an agent', url: 'https://docs.github.com/en/authentication/connecting-to-github-with-ssh/working-with-ssh-key-passphrases' });
  const inherited = loginAgentKeys > 0;
  return {
    classId: inherited ? 'env-inheritance' : 'module-resolution',
    severity: 'error',
    confidence: inherited ? 0.85 : 0.75,
    message: `${lead}. ssh has no key it may use without asking: ${keysSaid}, and ${agentSaid}${inherited ? `, while your login shell's agent (${loginSock}) holds ${loginAgentKeys}: the editor was started without your session's SSH_AUTH_SOCK` : ''}. In a terminal ssh asks for the passphrase; go's git in the editor cannot, so ssh stops with "Permission denied (publickey)." and ${symptom}.`,
    evidence: [...evidence, keysEv, agentEv, ...(inherited ? [{ source: login.ok ? login.commandLine : 'login shell', excerpt: `SSH_AUTH_SOCK=${loginSock} (${loginAgentKeys} keys)` }] : [])],
    fixes,
    // Either way it blocks downloads (explain.ts fetch-failed); inherited, it also explains the module's symptoms from env-inheritance.
    explains: ['module-resolution'],
  };
}
