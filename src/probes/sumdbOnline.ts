// The checksum database, asked online as go asks it (cmd/go/internal/modfetch/sumdb.go). Before
// go writes a go.sum line it has not verified, it asks GOSUMDB (sum.golang.org unless set) for the
// module's hashes, unless GONOSUMDB (GOPRIVATE by default) covers the module's path. A database
// that has never seen the module (a private one: "410 Gone") or cannot be reached fails go mod
// tidy, go get and gopls's loads with "verifying module: …" or "verifying go.mod: …". A tester's
// private module, served by a company proxy, read offline as "missing go.sum → go mod tidy", and
// that fix failed at sum.golang.org (measured with go1.26 against a local database: "reading
// http://127.0.0.1:…/lookup/golang.org/x/mod@v0.20.0: 410 Gone"; with GONOSUMDB it downloads).
import path from 'node:path';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import type { HopTrace } from '../host/httpHops.js';
import { askAsGo, hopWords, traceEvidence, unreachedWords } from './askAsGo.js';
import { escapeModulePath, looksPrivate, matchPrefixPatterns, parseGoproxy, privatePattern } from './goproxyConfig.js';
import { parseGoSum } from './moduleDownloads.js';
import { goWorkFor } from './modules.js';
import { gonosumdbFix, GO_PROXY_ENV_DOCS } from '../fixes/downloads.js';
import { toolsEnvFix } from '../fixes/catalog.js';
import { CAP, readUserText } from '../host/readUserFile.js';

export const SUMDB_DOCS: Fix = { id: 'sumdb-docs', kind: 'link', title: 'The checksum database, GOSUMDB and GONOSUMDB', url: 'https://go.dev/ref/mod#checksum-database' };

export type GosumdbSetting = { kind: 'off' } | { kind: 'db'; name: string; url?: string; key: Buffer } | { kind: 'invalid'; why: string };

/** cmd/go's knownGOSUMDB: the one database go knows the key of. */
const SUM_GOLANG_ORG = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';

/**
 * Pure: golang.org/x/mod/sumdb/note NewVerifier's checks of "name+hash+key": an 8-digit hex hash,
 * a base64 key, a name without spaces or "+"; the hash the first 4 bytes of SHA-256(name "\n" key);
 * an Ed25519 key (algorithm byte 1, 32 bytes). Returns go's error, or the key.
 */
export function parseVerifierKey(vkey: string): { name: string; key: Buffer } | { error: string } {
  const [name = '', hash16 = '', key64 = ''] = [vkey.split('+')[0], vkey.split('+')[1], vkey.split('+').slice(2).join('+')];
  const key = /^[A-Za-z0-9+/]*={0,2}$/.test(key64) && key64.length % 4 === 0 ? Buffer.from(key64, 'base64') : undefined;
  if (!/^[0-9a-fA-F]{8}$/.test(hash16) || !key?.length || !name || /\s/.test(name)) return { error: 'malformed verifier id' };
  const want = createHash('sha256').update(name).update('\n').update(key).digest().readUInt32BE(0);
  if (want !== parseInt(hash16, 16)) return { error: 'invalid verifier hash' };
  if (key[0] !== 1) return { error: 'unknown verifier algorithm' };
  if (key.length !== 33) return { error: 'malformed verifier id' };
  return { name, key };
}

/**
 * Pure: GOSUMDB as dbDial reads it: unset is sum.golang.org; "sum.golang.google.cn" is
 * sum.golang.org served from there; else "name+hash+key [url]" (only sum.golang.org may be named
 * without its key). go refuses anything else before any request, for every module it must verify.
 */
export function parseGosumdb(value: string | undefined): GosumdbSetting {
  let v = (value ?? '').trim();
  if (!v) v = 'sum.golang.org';
  if (v === 'off') return { kind: 'off' };
  if (v === 'sum.golang.google.cn') v = 'sum.golang.org https://sum.golang.google.cn';
  const fields = v.split(/\s+/);
  if (fields.length > 2) return { kind: 'invalid', why: 'invalid GOSUMDB: too many fields' };
  const parsed = parseVerifierKey(fields[0] === 'sum.golang.org' ? SUM_GOLANG_ORG : fields[0]!);
  if ('error' in parsed) return { kind: 'invalid', why: `invalid GOSUMDB: ${parsed.error}` };
  if (parsed.name.endsWith('/') || /[?#@]/.test(parsed.name)) return { kind: 'invalid', why: `invalid sumdb name (must be host[/path]): ${parsed.name}` };
  return fields[1] ? { kind: 'db', name: parsed.name, url: fields[1], key: parsed.key } : { kind: 'db', name: parsed.name, key: parsed.key };
}

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
export async function sumdbCheck(ctx: Pick<ProbeContext, 'env' | 'signal' | 'remainingMs'>, dep: SumdbDep, v: Record<string, string>, ca: string[] | undefined): Promise<{ observed: Record<string, unknown>; finding?: FindingInput }> {
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
  // dbDial refuses the setting before any request, cached answers or not (a tester's "sum.example.com
  // http://…" read as "ok" while go said "invalid GOSUMDB: malformed verifier id").
  if (setting.kind === 'invalid') {
    return {
      observed: { asked: false, why: setting.why },
      finding: {
        classId: 'module-resolution',
        explains: ['module-resolution'],
        headline: 'module-downloads',
        severity: 'error',
        confidence: 0.9,
        message: `GOSUMDB=${v.GOSUMDB} is not a setting go accepts ("${setting.why}"). ${goSum} has ${lacks}, so go must verify it with the checksum database, and go mod tidy, go mod download and gopls's loads fail with "verifying module: ${setting.why}" for it and every module not yet in go.sum. A database of your own is named "name+hash+key [url]", as its operator publishes the key.`,
        evidence: [{ source: 'go env -json', excerpt: ['GOSUMDB', 'GONOSUMDB'].map((n) => `"${n}": ${JSON.stringify(v[n] ?? '')}`).join('\n') }, { source: goSum, excerpt: lacks }],
        fixes: [toolsEnvFix('toolsenv-gosumdb-default', 'Use the public checksum database for the Go tools (GOSUMDB=sum.golang.org)', { GOSUMDB: 'sum.golang.org' }), SUMDB_DOCS],
      },
    };
  }
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
      return { observed: { asked: true, base: null, attempts: asked.map(summary) }, finding: failed(dep, setting.name, v, asked, goSum, true, lacks) };
    }
  }
  base ??= `https://${setting.name}`;
  const url = `${base}/${lookup}`;
  const trace = await askAsGo(ctx, url, ca, v.GOAUTH, LOOKUP_BYTES);
  asked.push({ url, trace });
  const observed = { asked: true, base, attempts: asked.map(summary) };
  if (trace.ok && trace.status === 200) return { observed };
  return { observed, finding: failed(dep, setting.name, v, asked, goSum, false, lacks) };
}

function summary(a: Asked): Record<string, unknown> {
  return { url: a.url, note: a.note ?? null, ok: a.trace?.ok ?? false, status: a.trace?.status ?? null, failedAt: a.trace?.failedAt ?? null };
}

function failed(dep: SumdbDep, name: string, v: Record<string, string>, asked: Asked[], goSum: string, atSupported: boolean, lacks: string): FindingInput {
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
  const tail = notKnown
    ? `No GONOSUMDB pattern covers it (GONOSUMDB=${JSON.stringify(v.GONOSUMDB ?? '')}); one that does makes go skip the database for it, and its go.sum lines then come from the download itself.`
    : `For a private module, a GONOSUMDB pattern keeps it out of the database; for a public one the database must be reachable (the network variables, or a GOPROXY that serves it).`;
  return {
    classId: 'module-resolution',
    explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
    headline: 'module-downloads',
    severity: slow ? 'warning' : 'error',
    confidence: 0.85,
    message: `${goSum} has ${lacks}, so go verifies it with the checksum database ${name} (${setting}) before writing one. Asked ${atSupported ? 'through the GOPROXY' : 'as go would'}, the request ${slow ? 'was cut short' : 'failed'} at the ${hopWords(hop)}: ${what}. go mod tidy, go mod download and gopls's loads ${slow ? 'are slow, or hang,' : 'fail'} with "verifying module: …" or "verifying go.mod: …". ${tail}`,
    evidence,
    fixes: [
      // A public-looking path the database does not know is more often a version never published
      // than a private module: the fix says when it applies (it turns checking off for the pattern).
      gonosumdbFix([pattern], v.GONOSUMDB ?? '', notKnown && looksPrivate(dep.path) ? undefined : `If ${pattern} is private: keep it out of the checksum database (GONOSUMDB)`),
      ...(notKnown ? [] : [GO_PROXY_ENV_DOCS]),
      SUMDB_DOCS,
    ],
  };
}
