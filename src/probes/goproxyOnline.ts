// The opt-in online check (CLI --online, the panel's "Check the module proxy"): ask the user's
// GOPROXY for one real dependency of the workspace, as go would, and say which hop failed. Never
// part of the default run. It follows go's own rules: the GOPROXY list with "," (next only on
// 404/410) and "|" (next on any error), GONOPROXY/GOPRIVATE (fetched directly), HTTPS_PROXY and
// NO_PROXY (net/http's ProxyFromEnvironment), .netrc credentials for the proxy host (GOAUTH's
// default), and the system certificate files go reads (SSL_CERT_FILE / SSL_CERT_DIR honoured).
// A failure is module-resolution: what the user lives through is a module that cannot be fetched.
import { readCacheEntrySync, usableOffline } from './moduleCacheEntry.js';
import path from 'node:path';
import { existsSync, promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { Probe, ProbeContext } from './probe.js';
import { skipped } from './probe.js';
import type { HopTrace } from '../host/httpHops.js';
import { readNetworkReach } from './networkReach.js';
import { askAsGo, goauthReadsNetrc, hopWords, PER_REQUEST_MS, traceEvidence, unreachedWords } from './askAsGo.js';
import { sumdbCheck } from './sumdbOnline.js';
import { escapeModulePath, goproxyError, looksPrivate, matchPrefixPatterns, parseGoproxy, privatePattern, proxyFor, type ProxyEntry } from './goproxyConfig.js';
import { httpProxyOrigin, type VariableOrigin } from './proxyVariableFixes.js';
import { directRequirements, requirements } from './moduleDownloads.js';
import { findUp, goWorkFor, readWorkUses } from './modules.js';
import { GO_PROXY_ENV_DOCS, GOPROXY_DOCS, goprivateFix, networkVarFromLoginFix, trustCaFix } from '../fixes/downloads.js';
import { toolsEnvFix } from '../fixes/catalog.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { goTrustedRoots, noRootsWords, type GoRoots } from '../facts/goTrustedRoots.js';

export { goauthReadsNetrc } from './askAsGo.js';

/** The variable that named the HTTP proxy a request went through, where it is set, and the fixes there. */
async function proxyVarOrigin(ctx: ProbeContext, url: string, goMod: string | undefined): Promise<(VariableOrigin & { variable: string }) | undefined> {
  const u = new URL(url);
  const variable = proxyFor(u, ctx.env).variable;
  if (!variable) return undefined;
  return { variable, ...(await httpProxyOrigin(ctx, variable, u.hostname, goMod ? path.dirname(goMod) : undefined)) };
}

/** One real dependency of the workspace: the first direct requirement of the first module found. */
async function pickDependency(ctx: ProbeContext, goBinary: string): Promise<{ path: string; version: string; goMod: string } | undefined> {
  for (const ws of ctx.workspaces) {
    // A go.work folder holds no go.mod of its own: its used modules do (a tester's workspace was
    // "no go.mod with a requirement" here while the offline probes read a/go.mod).
    const work = await goWorkFor(path.resolve(ws), ctx.env);
    const used = work ? ((await readWorkUses(work))?.uses ?? []).map((u) => path.join(path.resolve(path.dirname(work), u), 'go.mod')) : [];
    for (const goMod of [await findUp(path.resolve(ws), 'go.mod'), ...used.slice(0, 8)]) {
      if (!goMod || !existsSync(goMod)) continue;
      const r = await ctx.host.exec(goBinary, ['mod', 'edit', '-json'], { timeoutMs: 2000, signal: ctx.signal, env: { ...ctx.env, GOPROXY: 'off', GOTOOLCHAIN: 'local' }, cwd: path.dirname(goMod) });
      // A direct requirement first; else an `// indirect` one, as go get writes before go mod tidy
      // (a tester's module was "no requirement" and skipped): go fetches those the same way.
      const all = r.failed ? undefined : requirements(r.stdout);
      const pick = directRequirements(r.stdout ?? '')?.[0] ?? all?.[0];
      const dep = pick ? { path: pick.path, version: pick.version } : undefined;
      if (dep) return { ...dep, goMod };
    }
  }
  return undefined;
}

/** The version list kept: a module with hundreds of versions fits; a longer list is not judged. */
const LIST_BYTES = 64 * 1024;

interface Attempt {
  entry: string;
  trace?: HopTrace;
  note?: string;
  /** A file:// GOPROXY, read from disk as go reads it: did it hold the module's version list? */
  file?: { list: string; found: boolean };
  /** go refuses before any request, in its own words: a GOPROXY entry it rejects, credentials over http. */
  refused?: string;
}

export const goproxyOnlineProbe: Probe = {
  id: 'goproxy-online',
  title: 'Module proxy, asked online (opt-in)',
  classes: ['module-resolution'],
  optIn: 'online',
  timeoutMs: 15_000,
  async run(ctx) {
    if (!ctx.settings.online) return skipped('asked only on request: use --online or "Check the module proxy"');
    const goEnv = await ctx.facts.goEnv();
    if (!goEnv.ok) return skipped(`go env is unavailable (${goEnv.reason})`);
    const v = goEnv.values;
    const dep = await pickDependency(ctx, goEnv.goBinary);
    if (!dep) return skipped('no go.mod with a requirement in the workspace: no dependency to ask for');
    const roots = await goTrustedRoots(ctx.env);
    // Exactly go's roots, none when go has none: Node's own bundle passed a check go failed (a tester's).
    const observed: Record<string, unknown> = { module: `${dep.path} ${dep.version}`, goMod: dep.goMod, GOPROXY: v.GOPROXY ?? '', roots: roots.from.length ? roots.from : ['(none: go would trust no certificate authority)'] };
    const attempts: Attempt[] = [];
    const direct = matchPrefixPatterns(v.GONOPROXY ?? '', dep.path);
    const entries: ProxyEntry[] = direct ? [{ kind: 'direct', fallThrough: 'notFound' }] : parseGoproxy(v.GOPROXY ?? '');
    // go rejects the whole list for one entry it cannot use, before any request (a tester's
    // "htps://…" was asked over plain http and passed).
    const rejected = goproxyError(entries);
    if (rejected) attempts.push({ entry: `GOPROXY=${v.GOPROXY ?? ''}`, refused: rejected });
    for (const e of rejected ? [] : entries) {
      if (ctx.signal.aborted) break;
      if (e.kind === 'invalid') break;
      if (e.kind === 'off') {
        attempts.push({ entry: 'off', note: 'GOPROXY=off: go may not download anything' });
        break;
      }
      if (e.kind === 'url' && /^file:/i.test(e.url)) {
        // go reads a file:// GOPROXY from disk (cmd/go modfetch): no request to trace (measured: it
        // was reported as "the server at :80 refuses connections").
        let list: string;
        try {
          list = path.join(fileURLToPath(e.url), escapeModulePath(dep.path), '@v', 'list');
        } catch {
          attempts.push({ entry: e.url, note: 'not a file URL go can read' });
          break;
        }
        const code = await fs.stat(list).then(() => undefined, (err: NodeJS.ErrnoException) => err.code ?? 'error');
        attempts.push({ entry: e.url, note: code ? `${list}: ${code}` : `${list} is there`, file: { list, found: !code } });
        if (!code) break;
        if (!(e.fallThrough === 'anyError' || code === 'ENOENT' || code === 'ENOTDIR')) break;
        continue;
      }
      // cmd/go web: credentials in the URL go only over https ("refusing to pass credentials to
      // insecure URL", measured with go1.26 on an http://user:pw@ GOPROXY).
      if (e.kind === 'url' && /^http:\/\/[^/@?#]*@/i.test(e.url)) {
        attempts.push({ entry: e.url, refused: `refusing to pass credentials to insecure URL: ${e.url}` });
        break;
      }
      const url = e.kind === 'url' ? `${e.url.replace(/\/+$/, '')}/${escapeModulePath(dep.path)}/@v/list` : `https://${dep.path}?go-get=1`;
      const trace = await askAsGo(ctx, url, roots.ca, v.GOAUTH, LIST_BYTES);
      attempts.push({ entry: e.kind === 'url' ? e.url : `direct${direct ? ` (GONOPROXY ${direct})` : ''}`, trace });
      if (trace.ok) break;
      const notFound = trace.status === 404 || trace.status === 410;
      if (!(e.fallThrough === 'anyError' || notFound)) break;
    }
    observed.attempts = attempts.map((a) => ({ entry: a.entry, note: a.note, ok: a.trace?.ok ?? false, failedAt: a.trace?.failedAt ?? null, status: a.trace?.status ?? null, proxy: a.trace?.proxy ?? null, hops: a.trace?.hops.map((h) => `${h.hop} ${h.target}: ${h.ok ? h.detail : h.detail} (${Math.round(h.ms)} ms)`) }));
    const last = attempts[attempts.length - 1];
    // The list is there: is the required version in it? A version the proxy never had (a typo, a
    // tag deleted upstream) reads offline as a missing go.sum line, and go mod tidy then fails with
    // "not available" (measured: github.com/google/uuid v1.99.0, whose list ends at v1.6.0). A
    // pseudo-version is never listed; a list cut at LIST_BYTES is not judged.
    const listed = last?.trace?.ok && last.trace.status === 200 && last.entry !== 'off' && !last.entry.startsWith('direct') ? last.trace.body : undefined;
    if (listed !== undefined && listed.length < LIST_BYTES && !/\d{14}-[0-9a-f]{12}$/.test(dep.version.replace(/\+incompatible$/, ''))) {
      const versions = listed.split(/\s+/).filter((x) => /^v\d/.test(x));
      // 200 with something else (a login page, a captive portal): go takes no version from it and
      // its next request fails ("invalid response from proxy"); not "the proxy lists none".
      const junk = listed.split('\n').map((l) => l.trim()).filter((l) => l && !/^v\d\S*$/.test(l));
      // The list says the version is not there, or is no list at all: an error that blocks downloads.
      const listFinding = (confidence: number, message: string, excerpt: string, fixes: Fix[]) => {
        observed.versionListed = false;
        const f: FindingInput = { classId: 'module-resolution', explains: ['module-resolution'], headline: 'module-downloads', severity: 'error', confidence, message, evidence: [{ source: `GET ${last!.trace!.url}`, excerpt }], fixes };
        return { observed, findings: [f] };
      };
      if (junk.length) {
        return listFinding(0.8, `Asked for the versions of ${dep.path}, ${last!.entry} answered 200 with something that is not a version list ("${junk[0]!.slice(0, 80)}"): a login page, a captive portal or another server answers in the proxy's place, and go fails with "invalid response from proxy" for every module not in the cache.`, listed.slice(0, 400), [GOPROXY_DOCS]);
      }
      if (!versions.includes(dep.version)) {
        return listFinding(
          0.85,
          `${dep.goMod} requires ${dep.path} ${dep.version}, but ${last!.entry} lists no such version (${versions.length ? `it lists ${versions.length}, the last ${versions.slice(-3).join(', ')}` : 'it lists none'}): go mod download and go mod tidy fail with "not available" or "unknown revision", and offline the report can only see a missing go.sum line.`,
          versions.slice(-8).join('\n') || '(empty)',
          [{ id: 'go-get-listed-version', kind: 'terminal', title: `Require a version of ${dep.path} the proxy has`, text: `go get ${dep.path}@latest`, needsRoot: false, cwd: path.dirname(dep.goMod) }],
        );
      }
    }
    if (!last) return { observed };
    if (last.trace?.ok || last.file?.found) {
      // The module is served: will go accept it? Without its go.sum lines go asks the checksum
      // database first, and a private module it has never seen fails there (sumdbOnline.ts).
      const sumdb = await sumdbCheck(ctx, dep, v, roots.ca);
      observed.sumdb = sumdb.observed;
      return sumdb.finding ? { observed, findings: [sumdb.finding] } : { observed };
    }
    return { observed, findings: [await failureFinding(ctx, dep, attempts, v, roots)] };
  },
};

async function failureFinding(ctx: ProbeContext, dep: { path: string; version: string; goMod?: string }, attempts: Attempt[], v: Record<string, string>, roots: GoRoots): Promise<FindingInput> {
  const last = attempts[attempts.length - 1]!;
  const evidence: Evidence[] = attempts.map((a) => (a.trace ? traceEvidence(a.trace) : { source: `GOPROXY entry ${a.entry}`, excerpt: a.note ?? '' }));
  evidence.push({ source: 'go env -json', excerpt: ['GOPROXY', 'GONOPROXY', 'GOPRIVATE'].map((n) => `"${n}": ${JSON.stringify(v[n] ?? '')}`).join('\n') });
  const t = last.trace;
  const hop = t?.failedAt;
  const failed = t?.hops[t.hops.length - 1];
  const login = await ctx.facts.loginShellEnv();
  const loginVar = (names: string[]): Fix[] => {
    if (!login.ok) return [];
    for (const n of names) if (login.env[n] && !ctx.env[n] && !/\/\/[^/@\s]*@/.test(login.env[n]!)) return [networkVarFromLoginFix(n, login.env[n]!)];
    return [];
  };
  let what: string;
  let fixes: Fix[];
  if (last.refused) {
    what = `go refuses it before any request: "${last.refused}"`;
    fixes = [GOPROXY_DOCS];
  } else if (last.file || (!t && last.entry !== 'off')) {
    what = `the file proxy does not hold ${dep.path} (${last.note ?? 'unreadable'})`;
    fixes = [GOPROXY_DOCS];
  } else if (!t) {
    what = 'GOPROXY=off forbids any download';
    fixes = [GOPROXY_DOCS];
  } else if (hop === 'dns' || hop === 'tcp') {
    // The kernel's routes tell a resolver out of reach from a name that does not exist.
    const reach = await readNetworkReach(ctx.host);
    what = unreachedWords(t, reach)!;
    if (reach && (reach.noNetwork || reach.resolverUnreachable)) evidence.push(...reach.evidence);
    // Through an HTTP proxy that cannot be reached, the variable that names it is the cure (a tester's).
    const origin = t.proxy ? await proxyVarOrigin(ctx, t.url, dep.goMod) : undefined;
    if (origin) {
      what += `; ${origin.variable} comes from ${origin.where}`;
      evidence.push(...origin.evidence);
    }
    fixes = [...loginVar(['HTTPS_PROXY', 'https_proxy']), ...(origin?.fixes ?? []), GO_PROXY_ENV_DOCS, GOPROXY_DOCS];
  } else if (hop === 'proxy-connect') {
    const auth = failed?.code === 'HTTP 407';
    // With user:password in the proxy's URL, a 407 means those were refused, not missing.
    const sent = /^[a-z][a-z0-9+.-]*:\/\/[^/@]+@/i.test(t.proxy ?? '');
    what = auth ? (sent ? `the HTTP proxy ${t.proxy} refused the credentials its URL carries (407 Proxy Authentication Required): a wrong or expired user or password` : `the HTTP proxy ${t.proxy} demands credentials (407 Proxy Authentication Required)`) : `the HTTP proxy ${t.proxy} refused the tunnel (${failed?.detail})`;
    // Where the variable is set is where it is corrected; a value with credentials is for the user
    // to edit (reports mask it), so the fixes only clear or bypass it.
    const origin = await proxyVarOrigin(ctx, t.url, dep.goMod);
    if (origin) {
      what += `; ${origin.variable} comes from ${origin.where}${auth ? ", where the proxy's user and password are set" : ''}`;
      evidence.push(...origin.evidence);
    }
    fixes = [...(auth ? [] : loginVar(['NO_PROXY', 'no_proxy'])), ...(origin?.fixes ?? []), GO_PROXY_ENV_DOCS];
  } else if (hop === 'tls' && /WRONG_VERSION_NUMBER|EPROTO/.test(failed?.code ?? '')) {
    // Not a certificate at all: the server answered in plain HTTP (go: "tls: first record does not
    // look like a TLS handshake"), as a plain-HTTP proxy named without http:// does (go adds https://).
    what = `${failed?.target} does not speak TLS (${failed?.code}): a plain-HTTP server named without "http://" (go adds "https://" to a GOPROXY entry without a scheme), so go fails with "tls: first record does not look like a TLS handshake" or "server gave HTTP response to HTTPS client"`;
    fixes = [GOPROXY_DOCS];
  } else if (hop === 'tls' && !roots.certificates) {
    // go has no roots at all: every certificate is unknown to it, whoever signed it.
    const set = ['SSL_CERT_FILE', 'SSL_CERT_DIR'].filter((n) => ctx.env[n]);
    what = `go trusts no certificate authority here: ${noRootsWords(roots, ctx.env)}. Every https download fails with "tls: failed to verify certificate: x509: certificate signed by unknown authority"`;
    evidence.push(...roots.unreadable.map((u) => ({ source: `open(2) ${u.path} (${u.variable})`, excerpt: u.code })));
    fixes = [...loginVar(['SSL_CERT_FILE', 'SSL_CERT_DIR']), ...set.map((n) => toolsEnvFix(`toolsenv-${n.toLowerCase()}-clear-roots`, `Clear ${n} for the Go tools (go then reads the system's roots)`, { [n]: '' }))];
    if (!set.length) fixes.push(trustCaFix());
  } else if (hop === 'tls' && (ctx.env.SSL_CERT_FILE || ctx.env.SSL_CERT_DIR)) {
    // go reads only these while they are set (crypto/x509 root_unix.go): a CA added to the system
    // store changes nothing (a tester's empty SSL_CERT_FILE got "add a CA to the system store").
    const set = ['SSL_CERT_FILE', 'SSL_CERT_DIR'].filter((n) => ctx.env[n]);
    what = `the TLS certificate of ${failed?.target} is not trusted (${failed?.code}) by the roots ${set.map((n) => `${n}=${ctx.env[n]}`).join(' and ')} name${set.length === 1 ? 's' : ''}: while ${set.length === 1 ? 'it is' : 'they are'} set, go reads its roots there and not in the system store`;
    fixes = [...loginVar(['SSL_CERT_FILE', 'SSL_CERT_DIR']), ...set.map((n) => toolsEnvFix(`toolsenv-${n.toLowerCase()}-clear-roots`, `Clear ${n} for the Go tools (go then reads the system's roots)`, { [n]: '' }))];
  } else if (hop === 'tls') {
    what = `the TLS certificate of ${failed?.target} is not trusted (${failed?.code}): a proxy that re-signs traffic, or a server with a certificate go rejects too ("x509: certificate signed by unknown authority")`;
    fixes = [...loginVar(['SSL_CERT_FILE', 'SSL_CERT_DIR']), trustCaFix()];
  } else {
    const s = t.status ?? 0;
    what =
      s === 404 || s === 410
        ? `it answered ${failed?.detail}: the proxy cannot see ${dep.path} (a private module needs GOPRIVATE) or the version does not exist`
        : s === 401 || s === 403
          ? (v.GOAUTH ?? '').trim() === 'off'
            ? `it answered ${failed?.detail}: it wants credentials, and GOAUTH=off keeps go from sending any (.netrc included)`
            : !goauthReadsNetrc(v.GOAUTH)
              ? `it answered ${failed?.detail} to this check, which does not run GOAUTH=${v.GOAUTH}: the credentials that command gives go were not sent, so go itself may be let in`
              : `it answered ${failed?.detail}: it wants credentials (a .netrc machine entry for ${new URL(t.url).host}, or user:password in the GOPROXY URL) or refuses this client`
          : failed?.code === 'ETIMEDOUT'
            ? `it accepted the connection but sent no answer within the check's ${(PER_REQUEST_MS / 1000).toFixed(0)} s (go waits longer: a proxy this slow makes every download slow, or hangs it)`
            : `it answered ${failed?.detail}`;
    fixes = s === 404 || s === 410 ? [goprivateFix([privatePattern(dep.path)], v.GOPRIVATE ?? ''), GOPROXY_DOCS] : [GOPROXY_DOCS];
    if ((s === 404 || s === 410) && !looksPrivate(dep.path)) fixes = [GOPROXY_DOCS, ...fixes.filter((f) => f.id !== 'goproxy-docs')];
  }
  // A slow answer is not a failure go would see (it waits longer), and a module already in the
  // cache builds whatever the proxy does (a tester's exit 2 while go build worked): warnings.
  const slow = hop === 'http' && failed?.code === 'ETIMEDOUT';
  // A GOAUTH command's credentials are go's, not this check's: a 401 here says nothing of go.
  const unsure = !last.refused && (t?.status === 401 || t?.status === 403) && (v.GOAUTH ?? '').trim() !== 'off' && !goauthReadsNetrc(v.GOAUTH);
  // Builds from the cache only with its source there (or its zip): a go.mod alone loads the graph only.
  const cached = v.GOMODCACHE && path.isAbsolute(v.GOMODCACHE) ? usableOffline(readCacheEntrySync(v.GOMODCACHE, dep).state) : false;
  const tail = unsure
    ? 'go mod download in a terminal tells whether go gets in.'
    : slow
      ? 'Downloads through it are slow, or hang.'
      : cached
        ? `${dep.path} ${dep.version} itself is in the module cache, so this workspace builds; a module that is not would fail the same way.`
        : 'go build, go mod download and gopls fail the same way for modules not in the cache.';
  return {
    classId: 'module-resolution',
    explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
    headline: 'module-downloads',
    severity: slow || cached || unsure ? 'warning' : 'error',
    confidence: 0.85,
    message: `Asked for ${dep.path} ${dep.version} as go would (GOPROXY=${v.GOPROXY || 'https://proxy.golang.org,direct'}), the ${last.entry === 'off' ? 'download' : last.file ? `read of ${last.entry}` : `request to ${last.entry}`} ${slow ? 'was cut short' : 'failed'} ${last.file ? 'on disk' : `at the ${hopWords(hop)}`}: ${what}. ${tail}`,
    evidence,
    fixes,
  };
}
