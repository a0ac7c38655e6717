// A GOSUMDB go refuses (a database named without its key, a mistyped key). go checks the setting
// before any request, for every module whose go.sum lines it does not have yet, so the refusal is
// told offline: the online check's first version was the only one that said it, and a tester's
// "sum.example.com http://…" read as fine in every run without --online.
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Fix, FindingInput } from '../doctor/model.js';
import { toolsEnvFix } from '../fixes/catalog.js';
import { matchPrefixPatterns } from './goproxyConfig.js';

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

export interface UnsummedModules {
  /** The module whose go.mod requires them. */
  dir: string;
  /** Requirements go.sum has no line for: go must verify them before it uses them. */
  missingSum: ReadonlyArray<{ path: string; version: string }>;
}

/**
 * The finding for an invalid GOSUMDB, or undefined when go accepts it (or it is off). An error when
 * a workspace module lacks go.sum lines the database must vouch for (go mod tidy, its fix, fails
 * the same way); else a warning, since the modules already summed build, and the next one added
 * does not. Pure.
 */
export function invalidGosumdbFinding(v: Readonly<Record<string, string | undefined>>, modules: readonly UnsummedModules[]): FindingInput | undefined {
  const setting = parseGosumdb(v.GOSUMDB);
  if (setting.kind !== 'invalid') return undefined;
  // GONOSUMDB defaults to GOPRIVATE (cmd/go cfg); a module they cover is never sent to the database.
  const patterns = v.GONOSUMDB || v.GOPRIVATE || '';
  const asked = modules.flatMap((m) => m.missingSum.filter((r) => !matchPrefixPatterns(patterns, r.path)).map((r) => ({ dir: m.dir, ...r })));
  const first = asked[0];
  const now = first
    ? `${path.join(first.dir, 'go.sum')} has no line for ${first.path} ${first.version}${asked.length > 1 ? ` (and ${asked.length - 1} more)` : ''}, so go must verify it with the checksum database first: go build says "missing go.sum entry", and go mod tidy and go get, which would add the line, fail with "verifying module: ${setting.why}".`
    : 'Every requirement is in go.sum now, so builds work; the next module added (go get, go mod tidy, a new import in gopls) fails with "verifying module: ' + setting.why + '".';
  return {
    classId: 'module-resolution',
    explains: ['module-resolution'],
    headline: 'module-downloads',
    severity: first ? 'error' : 'warning',
    confidence: 0.9,
    message: `GOSUMDB=${v.GOSUMDB} is not a setting go accepts ("${setting.why}"). ${now} A database of your own is named "name+hash+key [url]", as its operator publishes the key.`,
    evidence: [
      { source: 'go env -json', excerpt: ['GOSUMDB', 'GONOSUMDB', 'GOPRIVATE'].map((n) => `"${n}": ${JSON.stringify(v[n] ?? '')}`).join('\n') },
      ...(first ? [{ source: path.join(first.dir, 'go.sum'), excerpt: asked.slice(0, 6).map((r) => `no line for ${r.path} ${r.version}`).join('\n') }] : []),
    ],
    fixes: [toolsEnvFix('toolsenv-gosumdb-default', 'Use the public checksum database for the Go tools (GOSUMDB=sum.golang.org)', { GOSUMDB: 'sum.golang.org' }), SUMDB_DOCS],
  };
}
