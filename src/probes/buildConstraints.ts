// The file open in the editor, left out of the build by its //go:build line or its _GOOS/_GOARCH
// name. gopls then says "No packages found for open file …" (or "This file is ignored by your
// gopls build") and gives no completion, hover or type errors there: the doctor names the line,
// the build it was judged against (go env), and the gopls setting that would include the file.
import path from 'node:path';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import { includingFixes } from '../fixes/buildInclusion.js';
import { includingBuild, whyExcluded, type BuildContext } from '../lsp/buildConstraint.js';
import { buildContextOf, dropTags, goplsBuildContext, goplsBuildSettings } from '../lsp/goplsBuild.js';
import { readUserText } from '../host/readUserFile.js';

/** The header (comments before `package`) is what matters; a file's first 64 KiB hold it. */
const HEAD_CAP = 64 * 1024;

export interface BuildConstraintInput {
  file: string;
  head: string;
  ctx: BuildContext;
  /** Where ctx came from, for evidence: "go env GOOS=linux GOARCH=amd64 CGO_ENABLED=1 GOFLAGS=", gopls's settings. */
  ctxSource: { source: string; excerpt: string } | Array<{ source: string; excerpt: string }>;
  /** gopls build.buildFlags the user has, other than -tags: kept in the fix. */
  keepFlags?: readonly string[];
}

/** Why a file is left out of the build, with the evidence and the settings that bring it back. */
export interface Exclusion {
  reasons: string[];
  evidence: Evidence[];
  /** Empty when no combination of the tags and platforms the file names includes it. */
  fixes: Fix[];
}

/** Pure: undefined when the file is in the build; shared with the gopls probe's "No packages found". */
export function describeExclusion(i: BuildConstraintInput): Exclusion | undefined {
  const name = path.basename(i.file);
  const why = whyExcluded(name, i.head, i.ctx);
  if (!why) return undefined;
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
  return { reasons, evidence, fixes: inc ? includingFixes(inc, i.ctx, i.keepFlags) : [] };
}

export const NOTHING_INCLUDES = ' No combination of the tags and platforms it names includes it.';

/** Pure: a finding when the file is left out of the build, with the setting that brings it back. */
export function buildConstraintFindings(i: BuildConstraintInput): FindingInput[] {
  const ex = describeExclusion(i);
  if (!ex) return [];
  return [
    {
      classId: 'module-resolution',
      severity: 'warning',
      confidence: 0.85,
      message:
        `${i.file} is left out of the build gopls loads: ${ex.reasons.join(', and ')}. gopls says "No packages found for open file" (or "This file is ignored by your gopls build") and gives no completion, hover or errors in it.` +
        (ex.fixes.length ? '' : NOTHING_INCLUDES),
      evidence: ex.evidence,
      fixes: ex.fixes,
    },
  ];
}

export interface FileBuild extends BuildConstraintInput {
  /** The build from go env alone, without the user's gopls settings: what the doctor's own gopls ran with. */
  goEnvOnly: BuildContext;
}

/** A file's header and the build gopls loads it with here (go env, then the user's gopls settings). */
export async function readFileBuild(ctx: ProbeContext, file: string): Promise<FileBuild | undefined> {
  const head = await readUserText(file, HEAD_CAP);
  if (head === undefined) return undefined;
  const goEnv = await ctx.facts.goEnv();
  const values = goEnv.ok ? goEnv.values : undefined;
  const gopls = goplsBuildSettings(ctx.settings.editorSettings);
  const { ctx: build, sources } = goplsBuildContext(values, process.arch, gopls);
  return { file, head, ctx: build, ctxSource: sources, keepFlags: dropTags(gopls.buildFlags ?? []), goEnvOnly: buildContextOf(values, process.arch).ctx };
}

async function run(ctx: ProbeContext): Promise<ProbeOutcome> {
  const file = ctx.settings.activeFile;
  if (!file) return skipped('no Go file named (the editor passes the active file; the CLI takes --file FILE)');
  if (!file.endsWith('.go')) return skipped(`${file} is not a .go file`);
  const input = await readFileBuild(ctx, file);
  if (!input) return skipped(`${file} cannot be read`);
  const findings = buildConstraintFindings(input);
  return { findings, observed: { file, build: input.ctx, included: findings.length === 0 } };
}

export const buildConstraintsProbe: Probe = {
  id: 'build-constraints',
  title: 'Build constraints of the open file',
  classes: ['module-resolution'],
  run,
};
