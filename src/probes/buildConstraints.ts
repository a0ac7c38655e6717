// The file open in the editor, left out of the build by its //go:build line or its _GOOS/_GOARCH
// name. gopls then says "No packages found for open file …" (or "This file is ignored by your
// gopls build") and gives no completion, hover or type errors there: the doctor names the line,
// the build it was judged against (go env), and the gopls setting that would include the file.
import path from 'node:path';
import type { Probe, ProbeContext, ProbeOutcome } from './probe.js';
import { skipped } from './probe.js';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import { includingFixes } from '../fixes/buildInclusion.js';
import { fileConstraint, includingBuild, whyExcluded, type BuildContext } from '../lsp/buildConstraint.js';
import { buildContextOf, dropTags, goplsBuildContext, goplsBuildSettings, standaloneTags } from '../lsp/goplsBuild.js';
import { readUserText } from '../host/readUserFile.js';
import { importPaths, isModuleImport } from '../lsp/goImports.js';
import { ancestors, findUp, goModInitFix, goWorkFor, modulePathFor } from './modules.js';
import { resolveProgram } from '../facts/lookPath.js';
import { ccProgram } from './cgoPreamble.js';

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
  /** gopls's standaloneTags (default ["ignore"]). */
  standaloneTags?: readonly string[];
  /**
   * cgo's C compiler (go env CC) when go turned cgo off because it is not found: turning cgo on
   * for gopls then fails every cgo package with 'cgo: C compiler "gcc" not found' (a tester's).
   */
  missingCompiler?: string;
}

/** Why a file is left out of the build, with the evidence and the settings that bring it back. */
export interface Exclusion {
  reasons: string[];
  evidence: Evidence[];
  /** Empty when no combination of the tags and platforms the file names includes it. */
  fixes: Fix[];
  /** cgo would include it, but its C compiler is not found: no setting is offered until it is. */
  needsCompiler?: string;
  /**
   * Its constraint is one of gopls's standaloneTags alone (`//go:build ignore`, the convention for
   * a file no build should take: a generator, an example): left out on purpose. gopls v0.10 and
   * later load such a file on its own when it is package main. No tag is offered: building with
   * -tags=ignore would take in every such file of the module.
   */
  deliberate?: { tag: string; main: boolean };
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
  if (why.byCgo) {
    reasons.push('it imports "C" and cgo is off (CGO_ENABLED=0), so go leaves it out as it leaves every cgo file');
    evidence.push({ source: i.file, excerpt: 'import "C"' });
  }
  if (why.byConstraint) {
    reasons.push(`its constraint \`${why.byConstraint.text.replace(/^\/\/\s*/, '')}\` is false for GOOS=${i.ctx.goos} GOARCH=${i.ctx.goarch}${i.ctx.tags.length ? ` -tags=${i.ctx.tags.join(',')}` : ' without tags'}${i.ctx.cgo ? '' : ' (cgo off)'}`);
    evidence.push({ source: i.file, excerpt: why.byConstraint.text, line: why.byConstraint.line });
  }
  evidence.push(...(Array.isArray(i.ctxSource) ? i.ctxSource : [i.ctxSource]));
  const c = !why.byName ? fileConstraint(i.head) : undefined;
  if (c && 'tag' in c.expr && (i.standaloneTags ?? ['ignore']).includes(c.expr.tag)) {
    return { reasons, evidence, fixes: [], deliberate: { tag: c.expr.tag, main: /^package\s+main\b/m.test(i.head) } };
  }
  const inc = includingBuild(name, i.head, i.ctx);
  if (inc?.cgo && i.missingCompiler) return { reasons, evidence, fixes: [], needsCompiler: i.missingCompiler };
  return { reasons, evidence, fixes: inc ? includingFixes(inc, i.ctx, i.keepFlags) : [] };
}

export const NOTHING_INCLUDES = ' No combination of the tags and platforms it names includes it.';

/** What a message adds after the reasons: nothing when a setting brings the file back, else why none does. */
export function exclusionTail(ex: Exclusion): string {
  if (ex.fixes.length) return '';
  if (ex.needsCompiler) return ` cgo's C compiler ${JSON.stringify(ex.needsCompiler)} (go env CC) is not found either, so turning cgo on alone fails every cgo package with 'cgo: C compiler ${JSON.stringify(ex.needsCompiler)} not found': put it on the PATH the tools get (or set CC) first; go turns cgo on by itself then, unless CGO_ENABLED=0 is set.`;
  if (ex.deliberate) {
    return ex.deliberate.main
      ? ` That tag marks a file no build should take, on purpose; gopls v0.10 and later load such a package main file on its own (its standaloneTags setting), older ones do not.`
      : ` That tag marks a file no build should take, on purpose, and gopls loads such a file on its own only when it is package main (its standaloneTags setting): remove the constraint if the file should be built.`;
  }
  return NOTHING_INCLUDES;
}

/** Pure: a finding when the file is left out of the build, with the setting that brings it back. */
export function buildConstraintFindings(i: BuildConstraintInput): FindingInput[] {
  const ex = describeExclusion(i);
  if (!ex) return [];
  // A package main file marked to be left out is one gopls loads on its own: nothing is wrong.
  if (ex.deliberate?.main) return [];
  // Another platform's file only (a GOOS/GOARCH name suffix or constraint, no tag, cgo as it is):
  // gopls v0.15 and later build an open file like that in a view of its own for a port that
  // includes it (measured with v0.23.0: hover and type-checking work in reg_windows.go on linux).
  // Switching the whole workspace's GOOS, the fix for older gopls, would hide the linux files.
  const inc = includingBuild(path.basename(i.file), i.head, i.ctx);
  if (inc && !inc.addTags.length && inc.cgo === undefined && (inc.goos || inc.goarch)) {
    return [
      {
        classId: 'module-resolution',
        severity: 'info',
        confidence: 0.5,
        message: `${i.file} is not in the workspace's default build: ${ex.reasons.join(', and ')}. gopls v0.15 and later check an open file like this in a build of its own (${inc.goos ?? i.ctx.goos}/${inc.goarch ?? i.ctx.goarch}), so completion, hover and errors work in it; an older gopls says "No packages found for open file" (update gopls).`,
        evidence: ex.evidence,
        fixes: [],
      },
    ];
  }
  return [
    {
      classId: 'module-resolution',
      // Left out on purpose by its own author: worth knowing, not a fault of the environment.
      severity: ex.deliberate ? 'info' : 'warning',
      confidence: 0.85,
      message:
        `${i.file} is left out of the build gopls loads: ${ex.reasons.join(', and ')}. gopls says "No packages found for open file" (or "This file is ignored by your gopls build") and gives no completion, hover or errors in it.` +
        exclusionTail(ex),
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
  const editorSettings = await ctx.facts.editorSettings();
  const gopls = goplsBuildSettings(editorSettings);
  const { ctx: build, sources } = goplsBuildContext(values, process.arch, gopls);
  // cgo off, and no compiler to turn it on with: a CGO_ENABLED=1 setting fails every cgo package.
  const program = ccProgram(values?.CC ?? '') ?? 'gcc';
  const missingCompiler = values?.CGO_ENABLED === '0' && !(await resolveProgram(program, ctx.env)) ? program : undefined;
  return { file, head, ctx: build, ctxSource: sources, keepFlags: dropTags(gopls.buildFlags ?? []), standaloneTags: standaloneTags(editorSettings), goEnvOnly: buildContextOf(values, process.arch).ctx, ...(missingCompiler ? { missingCompiler } : {}) };
}

async function run(ctx: ProbeContext): Promise<ProbeOutcome> {
  const file = ctx.settings.activeFile;
  if (!file) return skipped('no Go file named (the editor passes the active file; the CLI takes --file FILE)');
  if (!file.endsWith('.go')) return skipped(`${file} is not a .go file`);
  const input = await readFileBuild(ctx, file);
  if (!input) return skipped(`${file} cannot be read`);
  const findings = buildConstraintFindings(input);
  const outside = await outsideModuleFindings(ctx, file, input.head);
  return { findings: [...findings, ...outside], observed: { file, build: input.ctx, included: findings.length === 0, ...(outside.length ? { inModule: false } : {}) } };
}

/**
 * The file is in no module (no go.mod at or above it, no go.work, modules on) and imports another
 * module's package: gopls (v0.15+) still loads it, as a package of its own, but nothing provides
 * that import there, and go build of it fails ("go.mod file not found" or "no required module
 * provides package"). A tester's --file of such a file, beside a healthy workspace, got nothing.
 * Standard-library imports only: it builds and runs as it is, nothing to say.
 */
async function outsideModuleFindings(ctx: ProbeContext, file: string, head: string): Promise<FindingInput[]> {
  const dir = path.dirname(path.resolve(file));
  const goEnv = await ctx.facts.goEnv();
  const values = goEnv.ok ? goEnv.values : {};
  if ((values.GO111MODULE ?? ctx.env.GO111MODULE ?? '') === 'off') return [];
  if ((await findUp(dir, 'go.mod')) || (await goWorkFor(dir, ctx.env))) return [];
  const imports = importPaths(head).filter(isModuleImport);
  if (!imports.length) return [];
  const up = ancestors(dir);
  return [
    {
      classId: 'module-resolution',
      severity: 'warning',
      confidence: 0.7,
      message: `${file} is in no module (no go.mod in its folder or above it) and imports ${imports.slice(0, 3).join(', ')}${imports.length > 3 ? ', …' : ''}: gopls loads it as a package of its own, but no module provides ${imports.length === 1 ? 'that import' : 'those imports'} there, so ${imports.length === 1 ? 'it stays' : 'they stay'} red and go build or go run of the file fails ("go.mod file not found in current directory or any parent directory").`,
      evidence: [
        { source: file, excerpt: imports.slice(0, 6).map((p) => `import "${p}"`).join('\n') },
        { source: dir, excerpt: `no go.mod in ${up.slice(0, 6).join(', ')}${up.length > 6 ? ', …' : ''}` },
      ],
      fixes: [goModInitFix(dir, modulePathFor(dir), { otherModules: 0, goWork: false, importsModules: true })],
    },
  ];
}

export const buildConstraintsProbe: Probe = {
  id: 'build-constraints',
  title: 'Build constraints of the open file',
  classes: ['module-resolution'],
  run,
};
