// How the go command decides where a module comes from, read from its own settings, as pure
// functions: the GOPROXY list and its fall-through rules, GOPRIVATE-style patterns, the proxy an
// HTTP request goes through (HTTPS_PROXY/NO_PROXY as Go's httpproxy reads them), .netrc entries,
// and module path escaping. Shared by the offline module-downloads probe and the opt-in online check.
import path from 'node:path';

export type ProxyEntry =
  | { kind: 'url'; url: string; fallThrough: 'notFound' | 'anyError' }
  | { kind: 'direct' | 'off'; fallThrough: 'notFound' | 'anyError' }
  /** An entry go rejects: every download then fails with `error`, go's own words. */
  | { kind: 'invalid'; item: string; error: string; fallThrough: 'notFound' | 'anyError' };

/**
 * Pure: GOPROXY as cmd/go/internal/modfetch/proxy.go proxyList reads it. After an entry followed
 * by "," the next is tried only on 404 or 410; after "|" on any error. Empty means the default.
 * "direct" and "off" end the list (what follows is ignored). An entry with ".", ":" or "/" and no
 * ":/" that is not an absolute path gets "https://"; the rest must name http, https or file, or
 * go rejects the whole list (newProxyRepo: "invalid proxy URL scheme (must be https, http,
 * file)", "invalid proxy URL missing scheme"), and every download fails with that message.
 */
export function parseGoproxy(value: string): ProxyEntry[] {
  const v = value.trim() || 'https://proxy.golang.org,direct';
  const out: ProxyEntry[] = [];
  const re = /([^,|]*)([,|]?)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(v)) && m[0] !== '') {
    const item = m[1]!.trim();
    const fallThrough = m[2] === '|' ? 'anyError' : 'notFound';
    if (!item) continue;
    if (item === 'direct' || item === 'off') {
      out.push({ kind: item, fallThrough });
      break;
    }
    const url = /[.:/]/.test(item) && !item.includes(':/') && !item.startsWith('/') ? `https://${item}` : item;
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
    if (scheme === 'http' || scheme === 'https' || scheme === 'file') out.push({ kind: 'url', url, fallThrough });
    else out.push({ kind: 'invalid', item, error: scheme ? `invalid proxy URL scheme (must be https, http, file): ${item}` : `invalid proxy URL missing scheme: ${item}`, fallThrough });
  }
  return out;
}

/** Pure: go's own error when the GOPROXY list holds an entry it rejects (then nothing downloads). */
export function goproxyError(entries: readonly ProxyEntry[]): string | undefined {
  for (const e of entries) if (e.kind === 'invalid') return e.error;
  return undefined;
}

/** Pure: Go's path.Match for one glob against a whole string (no '/' crossed by * or ?). */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^\^/, '!');
        re += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) re += `\\${glob[++i]}`;
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Pure: golang.org/x/mod/module.MatchPrefixPatterns, the matcher behind GOPRIVATE, GONOPROXY,
 * GONOSUMDB and GOINSECURE: a comma list of globs, each matched against as many leading path
 * elements of the module path as it has itself. Returns the pattern that matched.
 */
export function matchPrefixPatterns(patterns: string, target: string): string | undefined {
  // As x/mod does: no space is trimmed (a tester's "a.example, b.example" covered b.example here
  // and not in go, which then asked the checksum database), and one trailing slash is dropped.
  for (const raw of patterns.split(',')) {
    const pat = raw.endsWith('/') ? raw.slice(0, -1) : raw;
    if (!pat) continue;
    const n = pat.split('/').length;
    const elems = target.split('/');
    if (elems.length < n) continue;
    if (globToRegExp(pat).test(elems.slice(0, n).join('/'))) return pat;
  }
  return undefined;
}

/** Pure: the module proxy protocol's case encoding ("Azure" → "!azure"). */
export function escapeModulePath(p: string): string {
  return p.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

/**
 * Pure: where go's first connection toward a URL goes: the HTTP proxy proxyFor picks, else the URL's
 * own host; the host without IPv6 brackets. Undefined for a URL (or proxy) that does not parse.
 */
export function firstHop(rawUrl: string, env: NodeJS.ProcessEnv): { hop: URL; host: string; via: ReturnType<typeof proxyFor> } | undefined {
  try {
    const url = new URL(rawUrl);
    const via = proxyFor(url, env);
    const hop = via.proxy ? new URL(via.proxy) : url;
    return { hop, host: hop.hostname.replace(/^\[|\]$/g, ''), via };
  } catch {
    return undefined;
  }
}

/**
 * Pure: the proxy Go's net/http uses for a URL (golang.org/x/net/http/httpproxy): HTTPS_PROXY
 * for https, HTTP_PROXY for http, upper case before lower case; never for localhost or a loopback
 * address; NO_PROXY of "*", host names (suffix match, leading dot optional), IPs and CIDRs.
 */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv): { proxy?: string; variable?: string; noProxy?: string } {
  const pick = (...names: string[]) => {
    for (const n of names) if (env[n]) return { name: n, value: env[n]! };
    return undefined;
  };
  const chosen = url.protocol === 'https:' ? pick('HTTPS_PROXY', 'https_proxy') : url.protocol === 'http:' ? pick('HTTP_PROXY', 'http_proxy') : undefined;
  if (!chosen) return {};
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || isLoopback(host)) return { noProxy: 'loopback' };
  const noProxy = pick('NO_PROXY', 'no_proxy');
  if (noProxy) {
    for (const raw of noProxy.value.split(',')) {
      const e = raw.trim().toLowerCase();
      if (!e) continue;
      if (e === '*') return { noProxy: `${noProxy.name}=*` };
      const [h, port] = splitHostPort(e);
      if (port && port !== (url.port || (url.protocol === 'https:' ? '443' : '80'))) continue;
      if (h.includes('/') && inCidr(host, h)) return { noProxy: `${noProxy.name} has ${e}` };
      // x/net/http/httpproxy: "corp.example" matches it and its subdomains; ".corp.example" and
      // "*.corp.example" only subdomains (a tester's NO_PROXY=.proxy.golang.org: go still proxied).
      const subdomainsOnly = /^\*?\./.test(h);
      const bare = h.replace(/^\*?\./, '');
      if ((!subdomainsOnly && host === bare) || host.endsWith(`.${bare}`)) return { noProxy: `${noProxy.name} has ${e}` };
    }
  }
  const proxy = /^[a-z][a-z0-9+.-]*:\/\//i.test(chosen.value) ? chosen.value : `http://${chosen.value}`;
  return { proxy, variable: chosen.name };
}

function splitHostPort(e: string): [string, string | undefined] {
  if (e.includes('/')) return [e, undefined];
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(e);
  return m ? [m[1]!.replace(/^\[|\]$/g, ''), m[2]] : [e, undefined];
}

export function isLoopback(host: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === 'localhost';
}

function inCidr(host: string, cidr: string): boolean {
  const [net, bitsText] = cidr.split('/');
  const a = ipv4(host);
  const b = ipv4(net ?? '');
  const bits = Number(bitsText);
  if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

function ipv4(s: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (!m) return undefined;
  return m.slice(1).reduce((acc, x) => acc * 256 + Number(x), 0) >>> 0;
}

export interface NetrcEntry {
  machine: string;
  login?: string;
  password?: string;
}

/**
 * Pure: a .netrc file as cmd/go/internal/auth's parseNetrc reads it: line by line, tokens in
 * pairs, an entry kept once it has machine, login and password; a macdef skips to the next empty
 * line; go never uses a "default" entry's credentials (unlike curl), and a "default" left last on
 * its line ends the file.
 */
export function parseNetrc(text: string): NetrcEntry[] {
  const out: NetrcEntry[] = [];
  let l: NetrcEntry = { machine: '' };
  let inMacro = false;
  for (const line of text.split('\n')) {
    if (inMacro) {
      if (line === '') inMacro = false;
      continue;
    }
    const f = line.split(/\s+/).filter(Boolean);
    let i = 0;
    for (; i < f.length - 1; i += 2) {
      if (f[i] === 'machine') l = { machine: f[i + 1]! };
      else if (f[i] === 'login') l.login = f[i + 1];
      else if (f[i] === 'password') l.password = f[i + 1];
      else if (f[i] === 'macdef') inMacro = true;
      if (l.machine && l.login && l.password) {
        out.push(l);
        l = { machine: '' };
      }
    }
    if (i < f.length && f[i] === 'default') break;
  }
  return out;
}

/**
 * Pure: the entry go sends for a request: the first whose machine is the URL's host as written,
 * with its port when the URL names one (go compares req.URL.Host), over https only.
 */
export function netrcFor(entries: readonly NetrcEntry[], rawUrl: string): NetrcEntry | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(rawUrl);
  if (!m || m[1]!.toLowerCase() !== 'https') return undefined;
  return entries.find((e) => e.machine === m[2]);
}

/** Where go reads .netrc: $NETRC, else ~/.netrc. */
export function netrcPath(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NETRC) return env.NETRC;
  return env.HOME ? path.join(env.HOME, '.netrc') : undefined;
}

/** Hosts of well-known public code hosts and vanity domains the public proxy serves. */
const PUBLIC_HOSTS = /^(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|sr\.ht|git\.sr\.ht|golang\.org|go\.googlesource\.com|google\.golang\.org|cloud\.google\.com|gopkg\.in|go\.uber\.org|k8s\.io|sigs\.k8s\.io|go\.opentelemetry\.io|go\.etcd\.io|honnef\.co|mvdan\.cc|go\.mongodb\.org|gorm\.io|modernc\.org|dario\.cat|filippo\.io|go4\.org|gocloud\.dev|lukechampine\.com|nhooyr\.io|rsc\.io|golang\.zx2c4\.com|gonum\.org|gotest\.tools|zombiezen\.com|buf\.build|connectrpc\.com|tailscale\.com|storj\.io|go\.temporal\.io|helm\.sh|oras\.land|cuelang\.org|cuelabs\.dev|software\.sslmate\.com|4d63\.com|go\.starlark\.net|go\.yaml\.in|go\.podman\.io|tags\.cncf\.io)$/;

/**
 * Pure: a module path whose host looks like a company's own server (an internal TLD, a bare
 * IP, a host named git./gitlab./scm./code. on a domain that is not a public code host), so
 * proxy.golang.org and sum.golang.org cannot know it. A heuristic: it only ever raises a warning.
 */
export function looksPrivate(modulePath: string): boolean {
  const host = modulePath.split('/')[0]!.toLowerCase().replace(/:\d+$/, '');
  if (PUBLIC_HOSTS.test(host)) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return true;
  if (/\.(internal|corp|local|lan|intranet|intra|private|home|localdomain|home\.arpa|test|example)$/.test(host)) return true;
  return /^(git|gitlab|gitea|gogs|scm|code|source|vcs|bitbucket|stash|repo|repos|dev)\d*\./.test(host) && host.split('.').length >= 3;
}

/** Pure: a module on a well-known public host or vanity domain (golang.org/x/…, github.com/…): never "private". */
export function onPublicHost(modulePath: string): boolean {
  return PUBLIC_HOSTS.test(modulePath.split('/')[0]!.toLowerCase().replace(/:\d+$/, ''));
}

/** Code hosts where each owner's modules live under host/owner: the owner, not the host, is private. */
const SHARED_CODE_HOSTS = /^(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|gitee\.com|git\.sr\.ht|sr\.ht)$/;

/**
 * Pure: the GOPRIVATE/GONOSUMDB pattern to offer for a module: its owner on a shared code host
 * (github.com/acme, not all of github.com), else its host (git.corp.example).
 */
export function privatePattern(modulePath: string): string {
  const parts = modulePath.split('/');
  return SHARED_CODE_HOSTS.test(parts[0]!.toLowerCase()) && parts.length >= 2 ? parts.slice(0, 2).join('/') : parts[0]!;
}
