// A GOSUMDB naming a server of its own ("sum.golang.org http://127.0.0.1:9", a company mirror)
// that does not answer, while go.sum lacks lines: go must verify each new line there first, so
// go mod tidy, go mod download and go get fail with "verifying module: … connection refused", and
// go build keeps saying "missing go.sum entry". A tester's report said only "run go mod tidy",
// which failed that very way, and never named GOSUMDB. Told offline by a TCP connect on this
// machine only (the GOPROXY check's loopbackRefusal, through HTTPS_PROXY when go would use it);
// the fix is GOSUMDB unset where it is set (go then asks sum.golang.org, through GOPROXY when the
// proxy serves it: measured, go mod tidy works here with GOSUMDB unset), before GONOSUMDB, which
// skips verification.
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { parseGosumdb, SUMDB_DOCS } from './gosumdbSetting.js';
import { escapeModulePath, matchPrefixPatterns, onPublicHost, privatePattern } from './goproxyConfig.js';
import { whereGoVarIsSet } from './whereGoVarIsSet.js';
import { gonosumdbFix } from '../fixes/downloads.js';
import { firstAndMore } from '../doctor/listing.js';

export interface Refusal {
  what: string;
  target: string;
  code: string;
  /** The HTTP proxy variable whose proxy refused, when go goes through one. */
  variable?: string;
}

/** Pure: the URL GOSUMDB names for its database, when it names one other than go's default. */
export function ownGosumdbUrl(value: string | undefined): string | undefined {
  const s = parseGosumdb(value);
  return s.kind === 'db' && s.url ? s.url : undefined;
}

/** The fixes that give go its default database back where GOSUMDB is set, and the words saying where. */
export async function gosumdbUnsetFixes(ctx: Pick<ProbeContext, 'env' | 'facts' | 'settings'>, goenv: string | undefined, dir?: string): Promise<{ fixes: Fix[]; words: string; evidence: Evidence[] }> {
  const where = await whereGoVarIsSet(ctx, 'GOSUMDB', '', goenv);
  // Once, for this module: the environment beats go env's file, so it works wherever GOSUMDB is set.
  const once: Fix[] = dir ? [{ id: 'go-mod-tidy-default-sumdb', kind: 'terminal', title: "Add the go.sum lines once with Go's default checksum database", text: 'GOSUMDB=sum.golang.org go mod tidy', needsRoot: false, cwd: dir, detail: 'go asks sum.golang.org (through GOPROXY when the proxy serves it) for this command only; your GOSUMDB stays for everything else.' }] : [];
  return { fixes: [...where.fixes, ...once], words: where.words, evidence: where.evidence };
}

/**
 * Pure: the GONOSUMDB patterns for modules: each one's own path where its host is public (skipping
 * all of golang.org to reach golang.org/x/sync would be far too wide), else its private prefix.
 */
export function skipPatterns(modules: ReadonlyArray<{ path: string }>): string[] {
  return [...new Set(modules.map((m) => (onPublicHost(m.path) ? m.path : privatePattern(m.path))))];
}

/**
 * The offline finding: `missing` are the requirements go.sum lacks in module `dir`; `refusal` the
 * TCP connect toward the GOSUMDB URL (loopbackRefusal). Undefined when GOSUMDB is go's default,
 * off, or every missing module is covered by GONOSUMDB (GOPRIVATE) or has its answer cached: go
 * then never asks it.
 */
export async function gosumdbRefusalFinding(
  ctx: Pick<ProbeContext, 'env' | 'facts' | 'settings'>,
  v: Readonly<Record<string, string>>,
  s: { dir: string; missing: ReadonlyArray<{ path: string; version: string }>; sumFiles: readonly string[] },
  connect: (url: string, env: NodeJS.ProcessEnv) => Promise<Refusal | undefined>,
): Promise<FindingInput | undefined> {
  const url = ownGosumdbUrl(v.GOSUMDB);
  if (!url || (v.GOFLAGS ?? '').includes('-insecure')) return undefined;
  const setting = parseGosumdb(v.GOSUMDB);
  // go keeps the database's answers in the module cache by its name, not its URL: a module looked
  // up before is verified from there without a connection (measured: go mod tidy passed with the
  // server down and the shared cache's sumdb/sum.golang.org/lookup entry).
  const cached = (m: { path: string; version: string }) =>
    setting.kind === 'db' && !!v.GOMODCACHE && existsSync(path.join(v.GOMODCACHE, 'cache', 'download', 'sumdb', setting.name, 'lookup', `${escapeModulePath(m.path)}@${escapeModulePath(m.version)}`));
  const asked = s.missing.filter((m) => !matchPrefixPatterns(v.GONOSUMDB || v.GOPRIVATE || '', m.path) && !cached(m));
  if (!asked.length) return undefined;
  const refused = await connect(url, ctx.env);
  if (!refused) return undefined;
  const unset = await gosumdbUnsetFixes(ctx, v.GOENV, s.dir);
  const list = firstAndMore(asked.map((m) => `${m.path} ${m.version}`));
  const one = asked.length === 1;
  return {
    classId: 'module-resolution',
    explains: ['module-resolution'], // it blocks downloads (explain.ts fetch-failed)
    headline: 'module-downloads',
    severity: 'error',
    // Above the go.sum finding's 0.9: this is why its go mod tidy fails.
    confidence: 0.92,
    message: `${path.join(s.dir, 'go.sum')} has no line for ${list}, so go must verify ${one ? 'it' : 'them'} with the checksum database GOSUMDB names (GOSUMDB=${v.GOSUMDB}) before writing one, and the ${refused.variable ? `HTTP proxy ${refused.variable} names` : 'server it names'} on this machine (${refused.target}) does not accept connections (${refused.code}): go mod tidy, go mod download and go get fail with "verifying module: … dial tcp ${refused.target}: connect: connection refused", and go build and gopls with "missing go.sum entry for module providing package …".${unset.words || ' Unset, GOSUMDB is sum.golang.org, which go reaches through GOPROXY when the proxy serves it.'}`,
    evidence: [
      { source: s.sumFiles.join(', ') || path.join(s.dir, 'go.sum'), excerpt: asked.slice(0, 8).map((m) => `no line for ${m.path} ${m.version}`).join('\n') },
      { source: 'go env -json', excerpt: ['GOSUMDB', 'GONOSUMDB', 'GOPRIVATE'].map((n) => `"${n}": ${JSON.stringify(v[n] ?? '')}`).join('\n') },
      { source: `TCP connect ${refused.target}`, excerpt: refused.code },
      ...unset.evidence,
    ],
    fixes: [...unset.fixes, gonosumdbFix(skipPatterns(asked), v.GONOSUMDB ?? '', `Or skip the checksum database for ${skipPatterns(asked).join(', ')} (GONOSUMDB): go then trusts what the proxy serves`), SUMDB_DOCS],
  };
}
