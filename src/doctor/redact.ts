// Reports get pasted into bug trackers: every output format goes through here first.
// Three nets, widest last: values of secret-named variables from the environment, credentials in
// URLs and NAME=value pairs, and token shapes that are secret wherever they appear.

const SECRET_NAME = /TOKEN|SECRET|PASSW(OR)?D|(^|_)KEY($|_)|APIKEY|PRIVATE_KEY|CREDENTIAL|AUTH|COOKIE|SESSION/i;
const MASK = '***';

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export interface Redactor {
  (text: string): string;
}

/** Builds a redactor that knows the secret values of this environment (and of the login shell's). */
/** GOAUTH's keywords, alone or in a ";" list: go's ways to find credentials, none of them one. */
const GOAUTH_PLAIN = /^\s*(?:(?:off|netrc|git\s+\S+)\s*(?:;\s*|$))+$/;

export function makeRedactor(...envs: Array<Record<string, string | undefined> | undefined>): Redactor {
  const values = new Set<string>();
  for (const env of envs) {
    for (const [k, v] of Object.entries(env ?? {})) {
      if (!v || v.length < 4 || !isSecretName(k)) continue;
      // GOAUTH=netrc masked every "netrc" in the report (".*** machine entry").
      if (k === 'GOAUTH' && GOAUTH_PLAIN.test(v)) continue;
      values.add(v);
    }
  }
  // Longest first, so a value that contains another is masked whole.
  const secrets = [...values].sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(MASK);
    return redactPatterns(out);
  };
}

// Every rule masks the secret and keeps the name, so a reader still sees what was there.
// AUTH, but not the prose words that hold it: "401 Unauthorized: it wants credentials" lost its "it".
const KEYWORD = String.raw`(?:TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|_KEY|APIKEY|API_KEY|ACCESS_KEY|CREDENTIALS?|AUTH(?!ORS?\b|ORED\b|ORI[SZ]ED\b|ORITY\b|ORITIES\b)|COOKIE)`;
const HEADER = String.raw`(?:Proxy-)?Authorization|X-[A-Za-z0-9-]{0,40}?(?:Key|Token|Secret|Auth|Signature|Session)[A-Za-z0-9-]{0,40}|Set-Cookie|Cookie|(?:Private|Job|Deploy)-Token`;
const AUTH_SCHEME = String.raw`(?:Bearer|Basic|Digest|Token|Negotiate|NTLM|AWS4-HMAC-SHA256)`;

const RULES: Array<[RegExp, string | ((...m: string[]) => string)]> = [
  // A PEM private key, whole block; a block cut short by an excerpt is masked to its end.
  [/-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END \1PRIVATE KEY\2-----|$)/g, (_m, kind = '', block = '') => `-----BEGIN ${kind}PRIVATE KEY${block}-----\n${MASK}\n-----END ${kind}PRIVATE KEY${block}-----`],
  // scheme://user:password@host and scheme://token@host
  // An ssh URL's user alone ("ssh://git@github.com/", a git insteadOf) is a login name, not a
  // secret: ssh authenticates with keys, and "***@github.com" read as a broken URL to a tester.
  [/\b([a-z][a-z0-9+.-]{0,30}:\/\/)([^\s/@'"<>]+)@/gi, (m, scheme: string, user: string) => (/(?:^|\.)(?:git\+)?ssh:\/\/$/i.test(scheme) && /^[a-z_][a-z0-9_.-]{0,31}$/i.test(user) ? m : `${scheme}${MASK}@`)],
  // A token as a path segment of a URL (registries that issue https://host/<token>/… GOPROXY URLs),
  // but not a commit hash, a pseudo-version or a module path (maskPathTokens).
  // The origin stops at a comma too: GOPROXY lists URLs with commas, and an origin that ran on into
  // the next URL made that URL's host look like a module path and kept its token.
  [/\b([a-z][a-z0-9+.-]{0,30}:\/\/[^\s/'"<>,;|]+)(\/[^\s'"<>,;|]*)/gi, (_m, origin: string, rest: string) => origin + maskPathTokens(origin, rest)],
  // A URL query's credential whose name alone says so but holds no keyword above: ?key= (Google's
  // and many proxies' API keys), ?sig= / ?signature= (signed URLs), ?pass= / ?pwd=. A tester's
  // GOPROXY https://proxy2.corp.example/mod?key=… kept its key in text, JSON and Markdown.
  [/([?&](?:amp;)?)(key|sig|signature|pass|pwd)=(?!\*\*\*)[^&#\s,;'"<>|]+/gi, (_m, sep: string, name: string) => `${sep}${name}=${MASK}`],
  // HTTP headers, in a log, a GOFLAGS -header or a curl line: the credential to the end of the value,
  // the scheme word kept ("Proxy-Authorization: Basic ***").
  [new RegExp(String.raw`\b(${HEADER})(\s*[:=]\s*)(${AUTH_SCHEME}[\s-]+)?[^\r\n"'\\]*`, 'gi'), (_m, name: string, sep: string, scheme = '') => `${name}${sep}${scheme}${MASK}`],
  // "MY_TOKEN": "…", 'password': '…' (JSON, Python, YAML flow)
  [new RegExp(String.raw`(["'])([^"'\n]{0,100}?${KEYWORD}[^"'\n]{0,100}?)\1(\s*[:=]\s*)(["'])((?:\\.|(?!\4)[^\\\n])*)\4`, 'gi'), (m, q: string, name: string, sep: string, vq: string, value: string) => (name === 'GOAUTH' && GOAUTH_PLAIN.test(value) ? m : `${q}${name}${q}${sep}${vq}${MASK}${vq}`)],
  // NAME=value / NAME: value where NAME looks secret, with or without a prefix (TOKEN=, MY_TOKEN=)
  // Anchored on the keyword, not on the start of the name: a long name-like run cannot make it quadratic.
  // GOAUTH's own words (off, netrc, git DIR) are how go finds credentials, not credentials: kept.
  [new RegExp(String.raw`(${KEYWORD}[A-Za-z0-9_]{0,64})(\s*[=:]\s*)(?!${AUTH_SCHEME}[\s-]+\*\*\*|\*\*\*)("[^"]*"|'[^']*'|[^\s,;&'"]+)`, 'gi'), (...a: string[]) => {
    // replace() passes the match, the groups, then the offset (a number) and the whole string.
    const [m = '', name = '', sep = '', value = ''] = a;
    const at = Number(a[4]);
    const goauth = /^AUTH$/i.test(name) && /(?:^|[^A-Za-z0-9_])GO$/i.test(String(a[5]).slice(Math.max(0, at - 3), at));
    // Unquoted, the value is its first word ("git" of GOAUTH=git /dir); quoted, the whole list.
    const plain = /^["']/.test(value) ? GOAUTH_PLAIN.test(value.slice(1, -1)) : /^(?:off|netrc|git)$/i.test(value);
    return goauth && plain ? m : `${name}${sep}${MASK}`;
  }],
  // --password value, --token=value, --api-key value
  [/(--?[A-Za-z0-9-]{0,40}?(?:password|passwd|passphrase|token|secret|api-?key|access-key)[A-Za-z0-9-]{0,40})(=|\s+)(?!\*\*\*)([^\s'"]+)/gi, `$1$2${MASK}`],
  // .netrc: "machine h login u password p", or "password p" on a line of its own
  [/(^[ \t]*|\b(?:login|account|machine)\s+\S+\s+)(password|passwd)(\s+)(?!\*\*\*)(\S+)/gim, `$1$2$3${MASK}`],
  [/\b(Bearer)\s+(?!\*\*\*)[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${MASK}`],
  // Token shapes that are secret wherever they appear: GitHub, GitLab, AWS access keys, Slack, npm
  // (secretlint's rules add more at the end of a run, see secretShapes.ts).
  [/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}|npm_[A-Za-z0-9]{30,})\b/g, MASK],
  // GOFLAGS=…: every flag's value but the harmless build flags (redactGoflags).
  [/\b(GOFLAGS\s*[=:]\s*)("[^"\n]*"|'[^'\n]*'|[^\n]*)/g, (_m, head: string, value: string) => head + redactGoflags(value)],
];

/**
 * Hosts whose URL paths are module and repository paths and commit pages, never credentials: their
 * tokens travel in headers, in userinfo or with a prefix (ghp_, glpat-) the shape rules catch.
 */
const PUBLIC_GO_HOSTS = /^(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|go\.googlesource\.com|golang\.org|go\.dev|pkg\.go\.dev|proxy\.golang\.org|sum\.golang\.org|gopkg\.in)$/i;
/** The segment before a commit hash or digest: GitHub and Gitea (commit, blob, tree, src), GitLab (-/commit), Gitiles (+), Bitbucket (commits). */
const COMMIT_WORDS = /^(?:commit|commits|blob|tree|raw|blame|archive|compare|src|\+|rev|revision|sha1|sha256|objects)$/i;
/** A git object name, full or abbreviated, or a SHA-256 digest: lowercase hex, as git prints it. */
const HASH = /^[0-9a-f]{7,64}$/;
/** A pseudo-version's timestamp and 12-hex revision (cmd/go's module.PseudoVersion: yyyymmddhhmmss-abcdefabcdef). */
const PSEUDO_VERSION_REV = /^\d{14}-[0-9a-f]{12}$/;
/** A Go module path's first element names a host (github.com, k8s.io): what follows it is the module's path. */
const MODULE_ROOT = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{20,}(?=$|[?#])/;

/** A URL path with each token-shaped segment (20+ letters and digits, both present) masked. */
function maskPathTokens(origin: string, rest: string): string {
  const host = origin.replace(/^[^:]*:\/\//, '').replace(/^.*@/, '').replace(/:\d*$/, '');
  if (PUBLIC_GO_HOSTS.test(host)) return rest;
  const parts = rest.split('/');
  const moduleRoot = parts.findIndex((p, i) => i > 0 && MODULE_ROOT.test(p));
  return parts
    .map((part, i) => {
      if (moduleRoot > 0 && i > moduleRoot) return part;
      const seg = TOKEN_SEGMENT.exec(part)?.[0];
      if (!seg || !/[0-9]/.test(seg) || !/[A-Za-z]/.test(seg)) return part;
      if (PSEUDO_VERSION_REV.test(seg) || (HASH.test(seg) && COMMIT_WORDS.test(parts[i - 1] ?? ''))) return part;
      return MASK + part.slice(seg.length);
    })
    .join('/');
}

export function redactPatterns(text: string): string {
  let out = text;
  for (const [re, to] of RULES) out = out.replace(re, to as never);
  return out;
}

// GOFLAGS flags whose values say how Go builds and never carry a credential. Any other flag with a
// value (-header=…, -ldflags=-X main.key=…) is masked: GOFLAGS reaches the report's `observed`.
const HARMLESS_GOFLAGS = new Set(['mod', 'modcacherw', 'modfile', 'buildvcs', 'trimpath', 'tags', 'p', 'race', 'msan', 'asan', 'cover', 'covermode', 'coverpkg', 'v', 'x', 'n', 'a', 'work', 'count', 'buildmode', 'compiler', 'gcflags', 'asmflags', 'overlay', 'pgo', 'pkgdir', 'installsuffix', 'linkshared', 'json', 'failfast', 'short', 'timeout', 'run', 'skip', 'bench', 'benchtime', 'benchmem', 'cpu', 'shuffle', 'vet', 'parallel']);

export function redactGoflags(value: string): string {
  return value.replace(/(^|[\s"'])(--?)([A-Za-z0-9_.-]+)=((?:"[^"]*"|'[^']*'|[^\s"'])*)/g, (m, pre: string, dash: string, name: string, v: string) => (HARMLESS_GOFLAGS.has(name) || v === MASK ? m : `${pre}${dash}${name}=${MASK}`));
}

/** Applies a redactor to every string inside a JSON-like value, keys included. */
export function redactDeep<T>(value: T, redact: Redactor): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) // Only environment-style keys (GITHUB_TOKEN) mask their value; model fields such as a fix's
      // `key` are not secrets.
      out[redact(k)] = /^[A-Z][A-Z0-9_]*$/.test(k) && isSecretName(k) && typeof x === 'string' && x ? MASK : k === 'GOFLAGS' && typeof x === 'string' ? redact(redactGoflags(x)) : walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
