// Where the GOROOT that made gopls's go fail was set, for the log rule's reading of go's words
// ("cannot find GOROOT directory"), which a log alone cannot place: "set by the environment the
// tools were started with, or by go.goroot". Live, the doctor knows which of go's places gave it
// (goVarSource.ts) or whether the Go extension's go.goroot did, and the fix goes there: a tester's
// GOROOT from go env -w was told of the environment and go.goroot, neither of which held it.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Evidence, FindingInput, Fix } from '../doctor/model.js';
import type { DoctorSettings } from '../doctor/settings.js';
import type { ProbeContext } from './probe.js';
import { gorootFix, settingFix } from '../fixes/catalog.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { goEnvFileOf } from './goEnvFile.js';
import { goVarSource, type GoVarSource } from './goVarSource.js';
import { whereGoVarIsSet } from './whereGoVarIsSet.js';

/** The log rule's own guess at the origin (goplsLog/rules/env.ts, goroot-invalid), replaced where the origin is known. */
export const LOG_GUESS = '(set by the environment the tools were started with, or by go.goroot)';

export type GorootOrigin = GoVarSource | { kind: 'go.goroot'; value: string };

/**
 * Pure: where the GOROOT the tools run with comes from. The Go extension applies go.goroot after
 * go.toolsEnvVars (goSettings.ts doctorInputs), so a go.goroot in effect wins over both.
 */
export function gorootOrigin(env: Record<string, string | undefined>, settings: Pick<DoctorSettings, 'goroot' | 'toolsEnvVarsKeys'>, fileText: string | undefined): GorootOrigin {
  if (settings.goroot && env.GOROOT === settings.goroot) return { kind: 'go.goroot', value: settings.goroot };
  return goVarSource('GOROOT', env, settings.toolsEnvVarsKeys ?? [], fileText);
}

/** Pure: the origin in words, to stand where the log rule guessed. */
export function gorootOriginWords(o: GorootOrigin, file: string | undefined): string {
  switch (o.kind) {
    case 'go.goroot':
      return `GOROOT=${o.value} comes from the go.goroot setting, which the Go extension gives go and gopls`;
    case 'setting':
      return `GOROOT=${o.value} comes from go.toolsEnvVars in your editor settings`;
    case 'environment':
      return `GOROOT=${o.value} is exported in the environment the tools were started with, not set by go.goroot or go.toolsEnvVars`;
    case 'file':
      return `GOROOT=${o.value} is set in your go env file ${file ?? '(go env GOENV)'} at line ${o.line}, written by go env -w, which go reads in terminals too`;
    case 'default':
      return 'GOROOT is set nowhere: go takes the installation its own binary lies in';
    default:
      return assertNever(o);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected GOROOT origin ${JSON.stringify(x)}`);
}

/** The root of the go that runs (…/bin/go resolved), for a go.goroot that names another. */
async function ownGoroot(ctx: Pick<ProbeContext, 'facts'>): Promise<string | undefined> {
  const fact = await ctx.facts.goEnv();
  if (!fact.goBinary) return undefined;
  const real = await fs.realpath(fact.goBinary).catch(() => fact.goBinary!);
  return path.basename(path.dirname(real)) === 'bin' ? path.dirname(path.dirname(real)) : undefined;
}

/** go.goroot pointed at the go that runs, or emptied when that is unknown (the extension then sets no GOROOT). */
async function gorootSettingFix(ctx: Pick<ProbeContext, 'facts'>, value: string): Promise<Fix> {
  const own = await ownGoroot(ctx);
  const fix = own && own !== value ? gorootFix(path.join(own, 'bin', 'go')) : undefined;
  return fix ?? settingFix({ id: 'go-goroot-clear', title: 'Clear go.goroot', detail: 'Without it the Go extension gives go and gopls no GOROOT, and go finds the installation its binary lies in.', key: 'go.goroot', value: '' });
}

/** The gopls probe's findings with the log rule's guess at GOROOT's origin replaced by where it is set, and the fix there. */
export async function withGorootOrigin(ctx: Pick<ProbeContext, 'env' | 'facts' | 'settings'>, findings: FindingInput[]): Promise<FindingInput[]> {
  if (!findings.some((f) => f.message.includes(LOG_GUESS))) return findings;
  const fact = await ctx.facts.goEnv();
  const file = (fact.ok ? fact.values.GOENV : undefined) || goEnvFileOf(ctx.env);
  const fileText = file && path.isAbsolute(file) ? await readUserText(file, CAP.smallConfig) : undefined;
  const origin = gorootOrigin(ctx.env, ctx.settings, fileText);
  let fixes: Fix[];
  let evidence: Evidence[];
  if (origin.kind === 'go.goroot') {
    fixes = [await gorootSettingFix(ctx, origin.value)];
    evidence = [{ source: 'go.goroot (editor settings)', excerpt: origin.value }];
  } else {
    const where = await whereGoVarIsSet(ctx, 'GOROOT', '', file);
    fixes = where.fixes;
    evidence = where.evidence.length ? where.evidence : origin.kind === 'default' ? [] : [{ source: origin.kind === 'setting' ? 'go.toolsEnvVars' : 'environment', excerpt: `GOROOT=${origin.value}` }];
  }
  const words = `: ${gorootOriginWords(origin, file)}`;
  return findings.map((f) => (f.message.includes(LOG_GUESS) ? { ...f, message: f.message.replace(` ${LOG_GUESS}`, words), evidence: [...f.evidence, ...evidence], fixes: [...fixes, ...(f.fixes ?? []).filter((x) => !fixes.some((y) => y.id === x.id))] } : f));
}
