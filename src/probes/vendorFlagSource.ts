// The "no vendor/ but -mod=vendor" reading of a gopls log (vendorAbsentFinding.ts) offered
// `go env -u GOFLAGS` whatever set the flag. With GOFLAGS=-mod=vendor exported (or in
// go.toolsEnvVars) that command does nothing: the environment beats go env's file. Here, on the
// live machine, the fix follows where GOFLAGS is set (goVarSource.ts, whereGoVarIsSet.ts): the
// export's line, the setting, or go env's file, keeping the flags that are not -mod=vendor.
import type { Fix, FindingInput } from '../doctor/model.js';
import type { ProbeContext, ProbeOutcome } from './probe.js';
import { lastGoFlag } from '../host/sealedGo.js';
import { goFlagsWithout } from './goFailure.js';
import { goflagsFileFix } from './goVarSource.js';
import { whereGoVarIsSet } from './whereGoVarIsSet.js';

export const DROP_MOD_VENDOR_FIX_ID = 'goflags-drop-mod-vendor';

/** Pure: the findings with the generic GOFLAGS fix replaced by `fixes` (none: it is dropped), `words` added to their message. */
export function withGoflagsFixes(findings: readonly FindingInput[], fixes: readonly Fix[], words: string, evidence: FindingInput['evidence']): FindingInput[] {
  return findings.map((f) => {
    if (!f.fixes?.some((x) => x.id === DROP_MOD_VENDOR_FIX_ID)) return f;
    const at = f.fixes.findIndex((x) => x.id === DROP_MOD_VENDOR_FIX_ID);
    return { ...f, message: `${f.message}${words}`, evidence: [...f.evidence, ...evidence], fixes: [...f.fixes.slice(0, at), ...fixes, ...f.fixes.slice(at + 1)] };
  });
}

export async function withVendorFlagSource(ctx: Pick<ProbeContext, 'env' | 'facts' | 'settings' | 'host'>, findings: readonly FindingInput[]): Promise<FindingInput[]> {
  if (!ctx.host.live || !findings.some((f) => f.fixes?.some((x) => x.id === DROP_MOD_VENDOR_FIX_ID))) return [...findings];
  const goEnv = await ctx.facts.goEnv();
  if (!goEnv.ok) return [...findings];
  const value = goEnv.values.GOFLAGS ?? '';
  // GOFLAGS here does not force vendor mode: the flag came from go.buildFlags or gopls's
  // build.buildFlags (the finding's detail names them), or the log is older than the GOFLAGS now.
  if (lastGoFlag(value, 'mod') !== 'vendor') return withGoflagsFixes(findings, [], ` GOFLAGS here (${value || 'empty'}) does not ask for vendor mode.`, []);
  const rest = goFlagsWithout(value, 'mod');
  const where = await whereGoVarIsSet(ctx, 'GOFLAGS', rest, goEnv.values.GOENV);
  // In go env's file: go env -w keeps the other flags, where go env -u would drop them all.
  const fixes = where.source === 'file' && goEnv.values.GOENV ? [goflagsFileFix(rest, goEnv.values.GOENV)] : where.fixes;
  return withGoflagsFixes(findings, fixes, ` GOFLAGS=${value} here.${where.words}`, where.evidence);
}

/** The same for a whole probe's outcome and its follow-up (the gopls probe reads its own session's load errors with the log rules). */
export async function outcomeWithVendorFlagSource(ctx: Pick<ProbeContext, 'env' | 'facts' | 'settings' | 'host'>, o: ProbeOutcome): Promise<ProbeOutcome> {
  const followUp = o.followUp && { ...o.followUp, outcome: o.followUp.outcome.then((f) => outcomeWithVendorFlagSource(ctx, f)) };
  return { ...o, ...(o.findings?.length ? { findings: await withVendorFlagSource(ctx, o.findings) } : {}), ...(followUp ? { followUp } : {}) };
}
