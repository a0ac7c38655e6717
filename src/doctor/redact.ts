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
export function makeRedactor(...envs: Array<Record<string, string | undefined> | undefined>): Redactor {
  const values = new Set<string>();
  for (const env of envs) {
    for (const [k, v] of Object.entries(env ?? {})) {
      if (!v || v.length < 4 || !isSecretName(k)) continue;
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

export function redactPatterns(text: string): string {
  return (
    text
      // scheme://user:password@host and scheme://token@host
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"<>]+@/gi, `$1${MASK}@`)
      // NAME=value / NAME: value where NAME looks secret (env dumps, GOFLAGS, headers)
      .replace(/\b([A-Za-z_][A-Za-z0-9_-]*(?:TOKEN|SECRET|PASSWORD|PASSWD|_KEY|APIKEY|CREDENTIALS?|AUTH)[A-Za-z0-9_]*)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&'"]+)/gi, `$1$2${MASK}`)
      .replace(/\b(Authorization)(\s*[=:]\s*)(Bearer|Basic|token)?\s*[^\s,;'"]+/gi, (_m, n: string, sep: string, scheme?: string) => `${n}${sep}${scheme ? scheme + ' ' : ''}${MASK}`)
      .replace(/\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${MASK}`)
      // Well-known token shapes: GitHub, GitLab, AWS access keys, Slack, npm.
      .replace(/\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}|npm_[A-Za-z0-9]{30,})\b/g, MASK)
  );
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
      out[redact(k)] = /^[A-Z][A-Z0-9_]*$/.test(k) && isSecretName(k) && typeof x === 'string' && x ? MASK : walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
