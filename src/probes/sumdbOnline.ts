// The checksum database, asked online as go asks it (cmd/go/internal/modfetch/sumdb.go). Before
// go writes a go.sum line it has not verified, it asks GOSUMDB (sum.golang.org unless set) for the
// module's hashes, unless GONOSUMDB (GOPRIVATE by default) covers the module's path. A database
// that has never seen the module (a private one: "410 Gone") or cannot be reached fails go mod
// tidy, go get and gopls's loads with "verifying module: …" or "verifying go.mod: …". A tester's
// private module, served by a company proxy, read offline as "missing go.sum → go mod tidy", and
// that fix failed at sum.golang.org (measured with go1.26 against a local database: "reading
// http://127.0.0.1:…/lookup/golang.org/x/mod@v0.20.0: 410 Gone"; with GONOSUMDB it downloads).
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import type { HopTrace } from '../host/httpHops.js';
import { askAsGo, hopWords, traceEvidence, unreachedWords } from './askAsGo.js';
import { escapeModulePath, isLoopback, looksPrivate, matchPrefixPatterns, onPublicHost, parseGoproxy, privatePattern } from './goproxyConfig.js';
import { gosumdbUnsetFixes, ownGosumdbUrl } from './gosumdbRefusal.js';
import { parseGoSum } from './moduleDownloads.js';
import { goWorkFor } from './modules.js';
import { gonosumdbFix, GO_PROXY_ENV_DOCS } from '../fixes/downloads.js';
import { toolsEnvFix } from '../fixes/catalog.js';
import { parseGosumdb, SUMDB_DOCS } from './gosumdbSetting.js';
import { CAP, readUserText } from '../host/readUserFile.js';

/** The variables go's HTTP client takes a proxy from (x/net/http/httpproxy), upper case first. */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** What the database's /lookup answers at most: a record and a signed tree, well under this. */
const LOOKUP_BYTES = 16 * 1024;

export interface SumdbDep {
  path: string;
  version: string;
  goMod: string;
}

interface Asked {
  url: string;
  trace?: HopTrace;
  note?: string;
}

/**
 * Asks the checksum database for one dependency, when go would: its go.sum lines are missing, no
 * GONOSUMDB pattern covers it, and go has no answer cached. Returns what it saw and, when go's
 * verification would fail, the finding.
 */
export async function sumdbCheck(ctx: Pick<ProbeContext, 'env' | 'signal' | 'remainingMs' | 'facts' | 'settings'>, dep: SumdbDep, v: Record<string, string>, ca: string[] | undefined): Promise<{ observed: Record<string, unknown>; finding?: FindingInput }> {
  const setting = parseGosumdb(v.GOSUMDB);
  if (setting.kind === 'off') return { observed: { asked: false, why: 'GOSUMDB=off' } };
  const covered = matchPrefixPatterns(v.GONOSUMDB ?? '', dep.path);
  if (covered) return { observed: { asked: false, why: `GONOSUMDB pattern ${covered} covers ${dep.path}` } };
  const goSum = path.join(path.dirname(dep.goMod), 'go.sum');
  // In a go.work workspace go also takes the lines of go.work.sum beside it.
  const work = await goWorkFor(path.dirname(dep.goMod), ctx.env);
  const workSum = work ? path.join(path.dirname(work), 'go.work.sum') : undefined;
  const texts = await Promise.all([goSum, ...(workSum ? [workSum] : [])].map(async (f) => (await readUserText(f, CAP.goSum)) ?? ''));
  const sums = parseGoSum(texts.join('\n'));
  const key = `${dep.path} ${dep.version}`;
  const lacks = sums.mod.has(key) ? `only the /go.mod line for ${key}` : `no line for ${key}`;
  if (sums.zip.has(key) && sums.mod.has(key)) return { observed: { asked: false, why: `${workSum ? `${goSum} or ${workSum}` : goSum} holds ${key}: go does not ask` } };
  // dbDial refuses the setting before any request, cached answers or not. The module-downloads
  // probe says so offline (gosumdbSetting.ts), in every run: here it is only why nothing was asked.
  if (setting.kind === 'invalid') return { observed: { asked: false, why: setting.why } };
  const lookup = `lookup/${escapeModulePath(dep.path)}@${escapeModulePath(dep.version)}`;
  if (v.GOMODCACHE && existsSync(path.join(v.GOMODCACHE, 'cache', 'download', 'sumdb', setting.name, lookup))) {
    return { observed: { asked: false, why: `go has the database's answer cached (${path.join(v.GOMODCACHE, 'cache', 'download', 'sumdb', setting.name)})` } };
  }
  const asked: Asked[] = [];
  let base = setting.url?.replace(/\/+$/, '');
  // dbClient.initBase: with no URL in GOSUMDB, each proxy of GOPROXY is asked whether it serves the
  // database (/sumdb/NAME/supported): 200 → only through it; 404/410 (or "|") → the next; any other
  // answer → the database is unavailable; "direct" or "off" → the database's own address.
  if (!base) {
    for (const e of parseGoproxy(v.GOPROXY ?? '')) {
      if (e.kind !== 'url') break;
      if (/^file:/i.test(e.url)) {
        let file: string;
        try {
          file = path.join(fileURLToPath(e.url), 'sumdb', setting.name, 'supported');
        } catch {
          break;
        }
        if (existsSync(file)) return { observed: { asked: false, why: `the file proxy ${e.url} serves ${setting.name}` } };
        asked.push({ url: file, note: 'absent: the next proxy' });
        continue;
      }
      const url = `${e.url.replace(/\/+$/, '')}/sumdb/${setting.name}/supported`;
      const trace = await askAsGo(ctx, url, ca, v.GOAUTH, LOOKUP_BYTES);
      asked.push({ url, trace });
      if (trace.ok && trace.status === 200) {
        base = `${e.url.replace(/\/+$/, '')}/sumdb/${setting.name}`;
        break;
      }
      if (trace.status === 404 || trace.status === 410 || e.fallThrough === 'anyError') continue;
      return { observed: { asked: true, base: null, attempts: asked.map(summary) }, finding: failed(dep, setting.name, v, asked, goSum, true, lacks, await context(ctx, v, dep)) };
    }
  }
  base ??= `https://${setting.name}`;
  const url = `${base}/${lookup}`;
  const trace = await askAsGo(ctx, url, ca, v.GOAUTH, LOOKUP_BYTES);
  asked.push({ url, trace });
  const observed = { asked: true, base, attempts: asked.map(summary) };
  if (trace.ok && trace.status === 200) return { observed };
  if (toldOffline(v, trace)) return { observed: { ...observed, toldBy: 'module-downloads: the offline connect to the server GOSUMDB names' } };
  return { observed, finding: failed(dep, setting.name, v, asked, goSum, false, lacks, await context(ctx, v, dep)) };
}

/**
 * True when the module-downloads probe, which runs in every run, has already said this failure:
 * GOSUMDB names a server of its own on this machine (directly or behind an HTTP proxy on it) and
 * the TCP connect was refused (gosumdbRefusal.ts, told offline by the same connect). Said again
 * here, a tester's --online report named the same refusal twice, once per probe. Pure.
 */
export function toldOffline(v: Readonly<Record<string, string>>, t: HopTrace): boolean {
  if (!ownGosumdbUrl(v.GOSUMDB) || t.failedAt !== 'tcp') return false;
  // The first hop's host as the URL names it (httpHops.ts looks it up before the connect), which is
  // what the offline check asks isLoopback of.
  const host = t.hops.find((h) => h.hop === 'dns')?.target;
  return !!host && isLoopback(host);
}

interface FailureContext {
  /** GOSUMDB names a server of its own: the fixes that give go its default back, where it is set. */
  unset?: Awaited<ReturnType<typeof gosumdbUnsetFixes>>;
  /** An HTTP proxy variable is set, so the docs on how go picks a proxy are worth a link. */
  proxyVariable: boolean;
}

async function context(ctx: Pick<ProbeContext, 'env' | 'facts' | 'settings'>, v: Record<string, string>, dep: SumdbDep): Promise<FailureContext> {
  const proxyVariable = PROXY_VARIABLES.some((n) => ctx.env[n]);
  return ownGosumdbUrl(v.GOSUMDB) ? { unset: await gosumdbUnsetFixes(ctx, v.GOENV, path.dirname(dep.goMod)), proxyVariable } : { proxyVariable };
}

function summary(a: Asked): Record<string, unknown> {
  return { url: a.url, note: a.note ?? null, ok: a.trace?.ok ?? false, status: a.trace?.status ?? null, failedAt: a.trace?.failedAt ?? null };
}

function failed(dep: SumdbDep, name: string, v: Record<string, string>, asked: Asked[], goSum: string, atSupported: boolean, lacks: string, c: FailureContext): FindingInput {
  const last = asked[asked.length - 1]!;
  const t = last.trace!;
  const hop = t.failedAt;
  const step = t.hops[t.hops.length - 1];
  const notKnown = !atSupported && (t.status === 404 || t.status === 410);
  const slow = hop === 'http' && step?.code === 'ETIMEDOUT';
  const pattern = privatePattern(dep.path);
  const setting = v.GOSUMDB ? `GOSUMDB=${v.GOSUMDB}` : 'GOSUMDB unset: the default';
  const what = notKnown
    ? `it answered ${step?.detail ?? t.status}: the database has never seen ${dep.path} ${dep.version}, as for any private module (or a version that was never published)`
    : atSupported && !slow
      ? `the proxy answered ${step?.detail ?? t.status} where go asks whether it serves the database, and go then treats the database as unavailable`
      : (unreachedWords(t) ??
        (hop === 'tls'
          ? `the TLS certificate of ${step?.target} is not trusted (${step?.code})`
          : slow
            ? 'it accepted the connection but sent no answer within the check\'s deadline (go waits longer)'
            : `it answered ${step?.detail ?? t.status}`));
  const evidence: Evidence[] = asked.map((a) => (a.trace ? traceEvidence(a.trace) : { source: a.url, excerpt: a.note ?? '' }));
  evidence.push({ source: goSum, excerpt: lacks });
  evidence.push({ source: 'go env -json', excerpt: ['GOSUMDB', 'GONOSUMDB', 'GOPRIVATE', 'GOPROXY'].map((n) => `"${n}": ${JSON.stringify(v[n] ?? '')}`).join('\n') });
  const publicHost = onPublicHost(dep.path);
  // A server GOSUMDB names that cannot be reached is the setting's doing, not the module's.
  const ownServer = !notKnown && c.unset;
  const tail = notKnown
    ? `No GONOSUMDB pattern covers it (GONOSUMDB=${JSON.stringify(v.GONOSUMDB ?? '')}); one that does makes go skip the database for it, and its go.sum lines then come from the download itself.`
    : ownServer
      ? `GOSUMDB names a server of its own; unset, it is sum.golang.org, which go reaches through GOPROXY when the proxy serves it.${c.unset!.words}`
      : publicHost
        ? `${dep.path} is public: the database must be reachable (the network variables, or a GOPROXY that serves it).`
        : `For a private module, a GONOSUMDB pattern keeps it out of the database; for a public one the database must be reachable (the network variables, or a GOPROXY that serves it).`;
  return {
    classId: 'module-resolution',
    explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
    headline: 'module-downloads',
    severity: slow ? 'warning' : 'error',
    confidence: 0.85,
    message: `${goSum} has ${lacks}, so go verifies it with the checksum database ${name} (${setting}) before writing one. Asked ${atSupported ? 'through the GOPROXY' : 'as go would'}, the request ${slow ? 'was cut short' : 'failed'} at the ${hopWords(hop)}: ${what}. go mod tidy, go mod download and gopls's loads ${slow ? 'are slow, or hang,' : 'fail'} with "verifying module: …" or "verifying go.mod: …". ${tail}`,
    evidence: ownServer ? [...evidence, ...c.unset!.evidence] : evidence,
    fixes: [
      ...(ownServer ? c.unset!.fixes : []),
      // A public-looking path the database does not know is more often a version never published
      // than a private module: the fix says when it applies (it turns checking off for the pattern).
      // A module of a public host is never called private (a tester's golang.org/x/sync got "If
      // golang.org is private"): skipping the database is offered for that module alone.
      publicHost
        ? gonosumdbFix([dep.path], v.GONOSUMDB ?? '', `Or skip the checksum database for ${dep.path} (GONOSUMDB): go then trusts what the proxy serves`)
        : gonosumdbFix([pattern], v.GONOSUMDB ?? '', notKnown && looksPrivate(dep.path) ? undefined : `If ${pattern} is private: keep it out of the checksum database (GONOSUMDB)`),
      // How go picks an HTTP proxy matters only where one is set.
      ...(notKnown || !c.proxyVariable ? [] : [GO_PROXY_ENV_DOCS]),
      SUMDB_DOCS,
    ],
  };
}
