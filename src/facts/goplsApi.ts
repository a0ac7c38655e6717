// What the gopls in use documents about its own settings: `gopls api-json` (the source of its
// settings docs and of the Go extension's "gopls" schema). Read with a deadline, once per gopls
// binary and mtime: in this process, and on disk under the user's cache folder, so a CLI run
// after the first costs a stat and a small read instead of a gopls start and 300 KB of JSON.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Host } from '../host/host.js';
import { noToolchainSwitch } from '../host/noDownload.js';
import { CAP, readUserFile } from '../host/readUserFile.js';
import { homeDirOf } from '../host/paths.js';

export interface GoplsOption {
  name: string;
  /** "build", "ui.completion"…: the prefix the Go extension's schema puts before the name. */
  hierarchy: string;
  /** Set when gopls documents the option as deprecated: its own words, naming the replacement. */
  deprecation?: string;
  /** api-json's Type: "bool", "string", "[]string", "map[string]bool", "enum", "time.Duration"… (absent in an older cache). */
  type?: string;
  /**
   * An enum's values, as api-json lists them (JSON text) decoded: mostly strings, but linksInHover's
   * are `false`, `true` and `"gopls"`, and gopls takes the JSON false, not the string "false".
   */
  enumValues?: Array<string | boolean | number>;
}

export interface GoplsApi {
  options: GoplsOption[];
  analyzers: string[];
  lenses: string[];
  hints: string[];
}

/** Pure: one of api-json's EnumValues' Value, JSON text; a string, boolean or number, else the text itself. */
function enumValue(text: string): string | boolean | number {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  } catch {
    // Not JSON (an older gopls's bare word): the text as written.
  }
  return text;
}

/** Pure: the parts of `gopls api-json` the settings check needs; undefined for anything else. */
export function parseGoplsApiJson(text: string): GoplsApi | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const user = ((o.Options as Record<string, unknown> | undefined)?.User ?? undefined) as unknown;
  if (!Array.isArray(user)) return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const names = (list: unknown, key: string) => (Array.isArray(list) ? list.map((x) => str((x as Record<string, unknown>)?.[key])).filter(Boolean) : []);
  const options = user
    .map((x) => x as Record<string, unknown>)
    .filter((x) => str(x.Name))
    .map((x) => {
      const opt: GoplsOption = { name: str(x.Name), hierarchy: str(x.Hierarchy) };
      const dep = str(x.DeprecationMessage).trim();
      if (dep) opt.deprecation = dep.replace(/\s+/g, ' ');
      if (str(x.Type)) opt.type = str(x.Type);
      // Values are JSON text in api-json ('"FullDocumentation"', 'false'): decoded, as the user writes them.
      const values = names(x.EnumValues, 'Value').map(enumValue);
      if (opt.type === 'enum' && values.length) opt.enumValues = values;
      return opt;
    });
  return { options, analyzers: names(o.Analyzers, 'Name'), lenses: names(o.Lenses, 'Lens'), hints: names(o.Hints, 'Name') };
}

export type GoplsApiFact = { ok: true; api: GoplsApi; from: 'gopls api-json' | 'cache'; commandLine: string } | { ok: false; reason: string };

const memory = new Map<string, GoplsApi>();

/** Bumped when GoplsApi gains or changes a field: a cache written before (without options' types, or with enum values all strings) is read afresh. */
const CACHE_SHAPE = 'types-2';

function cacheDir(env: NodeJS.ProcessEnv): string {
  // No home at all (a uid without a passwd entry): the temp directory, as a cache that may go.
  return path.join(env.XDG_CACHE_HOME || path.join(homeDirOf(env) ?? os.tmpdir(), '.cache'), 'go-env-doctor', 'gopls-api');
}

export async function readGoplsApi(host: Host, gopls: string, env: NodeJS.ProcessEnv, signal: AbortSignal, timeoutMs: number): Promise<GoplsApiFact> {
  const commandLine = `${gopls} api-json`;
  const st = await fs.stat(gopls).catch(() => undefined);
  if (!st) return { ok: false, reason: `${gopls} cannot be read` };
  const key = createHash('sha256').update(`${gopls}\0${st.mtimeMs}\0${st.size}\0${CACHE_SHAPE}`).digest('hex').slice(0, 32);
  const hit = memory.get(key);
  if (hit) return { ok: true, api: hit, from: 'cache', commandLine };
  const file = path.join(cacheDir(env), `${key}.json`);
  const read = await readUserFile(file, CAP.smallConfig);
  let cached: GoplsApi | undefined;
  try {
    cached = read.ok && !read.truncated ? (JSON.parse(read.text) as GoplsApi) : undefined;
  } catch {
    cached = undefined;
  }
  if (cached && Array.isArray(cached.options)) {
    memory.set(key, cached);
    return { ok: true, api: cached, from: 'cache', commandLine };
  }
  const r = await host.exec(gopls, ['api-json'], { timeoutMs, signal, env: noToolchainSwitch(env), maxBuffer: 8 * 1024 * 1024 });
  if (r.failed) return { ok: false, reason: `${r.commandLine} failed: ${r.timedOut ? `timed out after ${timeoutMs} ms` : r.errorCode ?? (r.stderr.trim().split('\n')[0] || `exit ${r.exitCode}`)}` };
  const api = parseGoplsApiJson(r.stdout);
  if (!api) return { ok: false, reason: `${r.commandLine} printed no settings list this doctor can read` };
  memory.set(key, api);
  // Best effort: a read-only home only costs the next run a gopls start.
  await fs
    .mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
    .then(() => fs.writeFile(file, JSON.stringify(api), { mode: 0o600 }))
    .catch(() => undefined);
  return { ok: true, api, from: 'gopls api-json', commandLine };
}
