// The file open in the editor, left out of the build by its //go:build line or its _GOOS/_GOARCH
// name. gopls then says "No packages found for open file …" (or "This file is ignored by your
// gopls build") and gives no completion, hover or type errors there: the doctor names the line,
// the build it was judged against (go env), and the gopls setting that would include the file.
import path from 'node:path';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import { settingFix } from '../fixes/catalog.js';
import { includingBuild, tagsOfFlags, whyExcluded, type BuildContext, type Inclusion } from '../lsp/buildConstraint.js';
import { readUserText } from '../host/readUserFile.js';
import type { EditorSettingsSource } from '../doctor/settings.js';

const NODE_TO_GOARCH: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64', loong64: 'loong64' };
/** The header (comments before `package`) is what matters; a file's first 64 KiB hold it. */
const HEAD_CAP = 64 * 1024;

/** The gopls settings that include the file: build.buildFlags for tags, build.env for a platform. */
export function includingFixes(inc: Inclusion, ctx: BuildContext, keepFlags: readonly string[] = []): Fix[] {
  const fixes: Fix[] = [];
  if (inc.goos || inc.goarch || inc.cgo !== undefined) {
    const env: Record<string, string> = {};
    if (inc.goos) env.GOOS = inc.goos;
    if (inc.goarch) env.GOARCH = inc.goarch;
    if (inc.cgo !== undefined) env.CGO_ENABLED = inc.cgo ? '1' : '0';
    fixes.push(
      settingFix({
        id: 'gopls-build-env',
        title: `Have gopls build with ${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')} in this workspace (gopls build.env)`,
        key: 'gopls',
        value: { 'build.env': env },
        merge: true,
        target: 'workspace',
        detail: inc.goos || inc.goarch
          ? `gopls then loads this workspace as ${inc.goos ?? ctx.goos}/${inc.goarch ?? ctx.goarch}: this file is checked, and files only built for ${ctx.goos}/${ctx.goarch} drop out instead. gopls restarts when the setting changes.`
          : `gopls then loads this workspace with cgo ${inc.cgo ? 'on' : 'off'}: this file is checked, and files that need cgo ${inc.cgo ? 'off' : 'on'} drop out instead.`,
      }),
    );
  }
  if (inc.addTags.length) {
    const tags = [...new Set([...ctx.tags, ...inc.addTags])];
    fixes.push(
      settingFix({
        id: 'gopls-build-tags',
        title: `Have gopls build with -tags=${tags.join(',')} in this workspace (gopls build.buildFlags)`,
        key: 'gopls',
        // The user's other build flags stay: the setting replaces the whole list.
        value: { 'build.buildFlags': [...keepFlags, `-tags=${tags.join(',')}`] },
        merge: true,
        target: 'workspace',
        detail: `${inc.addTags.join(', ')} ${inc.addTags.length > 1 ? 'are' : 'is'} then set for every package gopls loads here, as \`go build -tags=${tags.join(',')}\` would.${ctx.tags.length ? ` The tags GOFLAGS already sets (${ctx.tags.join(',')}) are kept: a -tags flag replaces them.` : ''}`,
      }),
    );
  }
  return fixes;
}

export interface BuildConstraintInput {
  file: string;
  head: string;
  ctx: BuildContext;
  /** Where ctx came from, for evidence: "go env GOOS=linux GOARCH=amd64 CGO_ENABLED=1 GOFLAGS=", gopls's settings. */
  ctxSource: { source: string; excerpt: string } | Array<{ source: string; excerpt: string }>;
  /** gopls build.buildFlags the user has, other than -tags: kept in the fix. */
  keepFlags?: readonly string[];
}

/** Pure: a finding when the file is left out of the build, with the setting that brings it back. */
export function buildConstraintFindings(i: BuildConstraintInput): FindingInput[] {
  const name = path.basename(i.file);
  const why = whyExcluded(name, i.head, i.ctx);
  if (!why) return [];
  const reasons: string[] = [];
  const evidence: Evidence[] = [];
  if (why.byName) {
    reasons.push(`its name ends in a GOOS/GOARCH suffix other than ${i.ctx.goos}/${i.ctx.goarch}`);
    evidence.push({ source: i.file, excerpt: `file name ${name}` });
  }
  if (why.byConstraint) {
    reasons.push(`its constraint \`${why.byConstraint.text.replace(/^\/\/\s*/, '')}\` is false for GOOS=${i.ctx.goos} GOARCH=${i.ctx.goarch}${i.ctx.tags.length ? ` -tags=${i.ctx.tags.join(',')}` : ' without tags'}${i.ctx.cgo ? '' : ' (cgo off)'}`);
    evidence.push({ source: i.file, excerpt: why.byConstraint.text, line: why.byConstraint.line });
  }
  evidence.push(...(Array.isArray(i.ctxSource) ? i.ctxSource : [i.ctxSource]));
  const inc = includingBuild(name, i.head, i.ctx);
  return [
    {
      classId: 'module-resolution',
      severity: 'warning',
      confidence: 0.85,
      message:
        `${i.file} is left out of the build gopls loads: ${reasons.join(', and ')}. gopls says "No packages found for open file" (or "This file is ignored by your gopls build") and gives no completion, hover or errors in it.` +
        (inc ? '' : ' No combination of the tags and platforms it names includes it.'),
      evidence,
      fixes: inc ? includingFixes(inc, i.ctx, i.keepFlags) : [],
    },
  ];
}

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
    if (/^--?tags=/.test(flags[i]!)) continue;
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
  for (const s of sources ?? []) {
    const g = s.values.gopls;
    if (!g || typeof g !== 'object') continue;
    const o = g as Record<string, unknown>;
    const flags = o['build.buildFlags'] ?? (o.build as Record<string, unknown> | undefined)?.buildFlags;
    const env = o['build.env'] ?? (o.build as Record<string, unknown> | undefined)?.env;
    if (Array.isArray(flags)) (out.buildFlags = flags.filter((f): f is string => typeof f === 'string')), out.from.push(s.source);
    if (env && typeof env === 'object') (out.env = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'))), out.from.push(s.source);
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

async function run(ctx: ProbeContext): Promise<ProbeOutcome> {
  const file = ctx.settings.activeFile;
  if (!file) return skipped('no Go file named (the editor passes the active file; the CLI takes --file FILE)');
  if (!file.endsWith('.go')) return skipped(`${file} is not a .go file`);
  const head = await readUserText(file, HEAD_CAP);
  if (head === undefined) return skipped(`${file} cannot be read`);
  const goEnv = await ctx.facts.goEnv();
  const gopls = goplsBuildSettings(ctx.settings.editorSettings);
  const { ctx: build, sources } = goplsBuildContext(goEnv.ok ? goEnv.values : undefined, process.arch, gopls);
  const keepFlags = dropTags(gopls.buildFlags ?? []);
  const findings = buildConstraintFindings({ file, head, ctx: build, ctxSource: sources, keepFlags });
  return { findings, observed: { file, build, included: findings.length === 0 } };
}

export const buildConstraintsProbe: Probe = {
  id: 'build-constraints',
  title: 'Build constraints of the open file',
  classes: ['module-resolution'],
  run,
};
