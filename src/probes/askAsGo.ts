// One GET as the go command sends it (cmd/go/internal/web): through the proxy net/http picks
// from the environment (HTTPS_PROXY, NO_PROXY), with .netrc credentials for the URL's host:port
// when GOAUTH reads netrc, else the URL's own user:password over https. Shared by the online
// checks of the module proxy (goproxyOnline.ts) and of the checksum database (sumdbOnline.ts).
import type { ProbeContext } from './probe.js';
import { traceGet, type HopTrace } from '../host/httpHops.js';
import { netrcFor, netrcPath, parseNetrc, proxyFor } from './goproxyConfig.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { noRouteWords, type NetworkReach } from './networkReach.js';

/** How long one request may take: go waits longer, so a slower answer is a warning, not a failure. */
export const PER_REQUEST_MS = 4000;

/** GOAUTH's commands (";"-separated, go help goauth): does it read .netrc? Unset means netrc. */
export function goauthReadsNetrc(goauth: string | undefined): boolean {
  const cmds = (goauth ?? '').split(';').map((c) => c.trim()).filter(Boolean);
  return !cmds.length || cmds.some((c) => c === 'netrc');
}

export async function askAsGo(ctx: Pick<ProbeContext, 'env' | 'signal' | 'remainingMs'>, rawUrl: string, ca: string[] | undefined, goauth: string | undefined, maxBody: number): Promise<HopTrace> {
  const url = new URL(rawUrl);
  const via = proxyFor(url, ctx.env);
  const np = netrcPath(ctx.env);
  const netrc = np && goauthReadsNetrc(goauth) ? parseNetrc((await readUserText(np, CAP.smallConfig)) ?? '') : [];
  // go sends .netrc credentials only over https, to the host:port they name (netrcFor); without
  // them net/http sends the URL's own user:password (a GOPROXY of https://user:token@host/), which
  // a request built from the bare URL left out (a tester's false 401).
  const cred = netrcFor(netrc, rawUrl);
  const user = url.username ? { login: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : undefined;
  const basic = cred ? { login: cred.login ?? '', password: cred.password ?? '' } : url.protocol === 'https:' ? user : undefined;
  const authorization = basic ? `Basic ${Buffer.from(`${basic.login}:${basic.password}`).toString('base64')}` : undefined;
  url.username = '';
  url.password = '';
  return traceGet(url.toString(), { proxy: via.proxy, ca, authorization, signal: ctx.signal, deadlineMs: Math.max(500, Math.min(PER_REQUEST_MS, ctx.remainingMs() - 300)), maxBody });
}

/** A trace as evidence: the request (and the proxy it went through), then each hop, ✓ or ✗. */
export function traceEvidence(t: HopTrace): { source: string; excerpt: string } {
  return { source: `GET ${t.url}${t.proxy ? ` via ${t.proxy}` : ''}`, excerpt: t.hops.map((h) => `${h.ok ? '✓' : '✗'} ${h.hop} ${h.target}: ${h.detail}`).join('\n') };
}

/**
 * Why a trace that failed at the DNS lookup or the TCP connect got no further; undefined for other
 * hops. getaddrinfo's codes say different things: ENOTFOUND is an answer (no such name), EAI_AGAIN
 * no answer (the resolver timed out or failed). With `reach`, the kernel's routes (networkReach.ts),
 * an EAI_AGAIN whose resolver no route leads to is that, not a bad name (explore3 item 25: a network
 * namespace without routes read as "proxy.golang.org does not resolve (EAI_AGAIN)").
 */
export function unreachedWords(t: HopTrace, reach?: NetworkReach): string | undefined {
  const step = t.hops[t.hops.length - 1];
  const cut = reach && (reach.noNetwork || reach.resolverUnreachable) ? noRouteWords(reach) : undefined;
  if (t.failedAt === 'dns') {
    if (cut && step?.code !== 'ENOTFOUND') return `the name ${step?.target} cannot be looked up (${step?.code}), because ${cut} (go says "connect: network is unreachable")`;
    if (step?.code === 'ENOTFOUND') return `the name ${step?.target} does not exist (ENOTFOUND: the resolver answered that there is no such name): a typo in the host, or a name only another network's DNS knows`;
    if (step?.code === 'EAI_AGAIN') return `the lookup of ${step?.target} got no answer (EAI_AGAIN: the resolver timed out or failed; the name itself may be fine)`;
    return `the name ${step?.target} does not resolve (${step?.code})`;
  }
  if (t.failedAt === 'tcp') {
    if (step?.code === 'ENETUNREACH' || step?.code === 'EHOSTUNREACH') return `${t.proxy ? 'the HTTP proxy' : 'the server'} at ${step?.target} cannot be reached: no route to it (${step?.code}${cut ? `; ${cut}` : ''})`;
    return `${t.proxy ? 'the HTTP proxy' : 'the server'} at ${step?.target} ${step?.code === 'ECONNREFUSED' ? 'refuses connections' : step?.code === 'ETIMEDOUT' ? 'does not answer (timeout)' : `cannot be reached (${step?.code})`}`;
  }
  return undefined;
}

/** The hop a trace failed at, in words. */
export function hopWords(hop: string | undefined): string {
  switch (hop) {
    case 'dns':
      return 'DNS lookup';
    case 'tcp':
      return 'TCP connect';
    case 'proxy-connect':
      return 'HTTP proxy (CONNECT)';
    case 'tls':
      return 'TLS handshake';
    case 'http':
      return 'HTTP answer';
    default:
      return 'GOPROXY setting';
  }
}
