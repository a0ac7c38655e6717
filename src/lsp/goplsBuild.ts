// The build gopls loads a workspace with: go env's GOOS, GOARCH, CGO_ENABLED and GOFLAGS -tags,
// then gopls's own build.env over them and build.buildFlags' -tags over GOFLAGS's (gopls passes
// both to every go list it runs). Judging a file's constraints against anything else gives false
// warnings, so every check of "is this file built" reads the build here.
import type { EditorSettingsSource } from '../doctor/settings.js';
import { tagsOfFlags, type BuildContext } from './buildConstraint.js';

const NODE_TO_GOARCH: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64', loong64: 'loong64' };

/** The build gopls uses here, from go env (GOFLAGS -tags included). */
export function buildContextOf(values: Record<string, string> | undefined, arch: string): { ctx: BuildContext; source: { source: string; excerpt: string } } {
  const goos = values?.GOOS || 'linux';
  const goarch = values?.GOARCH || NODE_TO_GOARCH[arch] || arch;
  const goflags = values?.GOFLAGS ?? '';
  const minor = /^go1\.(\d+)/.exec(values?.GOVERSION ?? '')?.[1];
  const ctx: BuildContext = { goos, goarch, cgo: values?.CGO_ENABLED === '1', tags: tagsOfFlags(goflags.split(/\s+/).filter(Boolean)), ...(minor ? { goMinor: Number(minor) } : {}) };
  const excerpt = values ? `GOOS=${goos} GOARCH=${goarch} CGO_ENABLED=${values.CGO_ENABLED ?? ''} GOFLAGS=${goflags} GOVERSION=${values.GOVERSION ?? ''}` : `go did not run: GOOS=${goos} GOARCH=${goarch} assumed`;
  return { ctx, source: { source: values ? 'go env -json' : 'this machine', excerpt } };
}

/** A flag list without its -tags (either spelling). */
export function dropTags(flags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    // "-tags integration" in one entry (which go rejects) is a tags flag too: a fix replaces it.
    if (/^--?tags(=|\s)/.test(flags[i]!.trim())) continue;
    if (/^--?tags$/.test(flags[i]!)) {
      i++;
      continue;
    }
    out.push(flags[i]!);
  }
  return out;
}

/** gopls's own build settings (the `gopls` object, later scopes over earlier ones, key by key). */
export function goplsBuildSettings(sources: readonly EditorSettingsSource[] | undefined): { buildFlags?: string[]; env?: Record<string, string>; from: string[] } {
  const out: { buildFlags?: string[]; env?: Record<string, string>; from: string[] } = { from: [] };
  // Each scope's object read as gopls reads one (goplsBuildOf); a later scope's value wins.
  for (const s of sources ?? []) {
    const g = s.values.gopls;
    if (!g || typeof g !== 'object' || Array.isArray(g)) continue;
    const b = goplsBuildOf(g as Record<string, unknown>);
    if (b.buildFlags) (out.buildFlags = b.buildFlags), out.from.push(s.source);
    if (b.env) (out.env = b.env), out.from.push(s.source);
  }
  return out;
}

/**
 * build.env and build.buildFlags of one merged "gopls" settings object, and the key env was found
 * under ("build.env", or "env": gopls keeps only a dotted name's last segment).
 */
export function goplsBuildOf(settings: Record<string, unknown> | undefined): { env?: Record<string, string>; buildFlags?: string[]; envKey?: string } {
  const out: { env?: Record<string, string>; buildFlags?: string[]; envKey?: string } = {};
  if (!settings) return out;
  const nested = settings.build as Record<string, unknown> | undefined;
  const envKey = ['build.env', 'env'].find((k) => settings[k] !== undefined);
  const env = envKey ? settings[envKey] : nested?.env;
  const flags = settings['build.buildFlags'] ?? settings.buildFlags ?? nested?.buildFlags;
  if (env && typeof env === 'object' && !Array.isArray(env)) out.env = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
  if (envKey) out.envKey = envKey;
  if (Array.isArray(flags)) out.buildFlags = flags.filter((f): f is string => typeof f === 'string');
  return out;
}

/**
 * gopls's standaloneTags (default ["ignore"]; the last settings scope that sets it wins): a file
 * whose constraint is one of these tags alone is left out of every build on purpose, and gopls
 * (v0.10 and later) loads it on its own when it is package main.
 */
export function standaloneTags(sources: readonly EditorSettingsSource[] | undefined): string[] {
  return lastGoplsList(sources, 'standaloneTags')?.value ?? ['ignore'];
}

/**
 * A list-valued gopls setting (`"gopls": {"NAME": […]}`, or `build.NAME`, flat or nested) from the
 * last settings scope that sets it to a list, its strings only, with that scope's source.
 */
export function lastGoplsList(sources: readonly EditorSettingsSource[] | undefined, name: string): { value: string[]; source: string } | undefined {
  let out: { value: string[]; source: string } | undefined;
  for (const s of sources ?? []) {
    const g = s.values.gopls as Record<string, unknown> | undefined;
    const v = g && typeof g === 'object' ? (g[name] ?? g[`build.${name}`] ?? (g.build as Record<string, unknown> | undefined)?.[name]) : undefined;
    if (Array.isArray(v)) out = { value: v.filter((t): t is string => typeof t === 'string'), source: s.source };
  }
  return out;
}

/** The build gopls runs: go env, then gopls's build.env over it, then build.buildFlags' -tags over GOFLAGS's. */
export function goplsBuildContext(values: Record<string, string> | undefined, arch: string, gopls: ReturnType<typeof goplsBuildSettings>): { ctx: BuildContext; sources: Array<{ source: string; excerpt: string }> } {
  const merged = values || gopls.env ? { ...(values ?? {}), ...(gopls.env ?? {}) } : undefined;
  const { ctx, source } = buildContextOf(merged, arch);
  const sources = [source];
  const flagTags = gopls.buildFlags?.some((f) => /^--?tags(=|$)/.test(f)) ? tagsOfFlags(gopls.buildFlags) : undefined;
  if (flagTags) ctx.tags = flagTags;
  if (gopls.from.length) sources.push({ source: [...new Set(gopls.from)].join(', '), excerpt: `gopls ${JSON.stringify({ ...(gopls.buildFlags ? { 'build.buildFlags': gopls.buildFlags } : {}), ...(gopls.env ? { 'build.env': gopls.env } : {}) })}` });
  return { ctx, sources };
}
