// `go env -w NAME=…` writes go env's file, which go reads only where the environment leaves NAME
// empty: with NAME exported, go warns "go env -w NAME=... does not override conflicting OS
// environment variable" and nothing changes. A tester's GOTMPDIR, exported on a noexec mount, got
// that fix, and after it the very same fix again. Here such a fix gives way to what works: the
// export removed where a start-up file sets it, then the same go env -w (for the next login); the
// editor setting the probe offers beside it stays, as it overrides any export for the Go tools.
import type { FindingInput, Fix } from '../doctor/model.js';
import type { ProbeContext, ProbeOutcome } from './probe.js';
import { whereGoVarIsSet } from './whereGoVarIsSet.js';

/** Pure: the variable a `go env -w NAME=…` command writes, anywhere in a fix's text. */
export function goEnvWriteOf(text: string): string | undefined {
  return /\bgo env -w '?([A-Z][A-Z0-9_]*)=/.exec(text)?.[1];
}

/**
 * Pure: a start-up file's export removed, then the go env -w: one fix, as the second alone cannot
 * work and the first alone may leave go on another directory as bad (TMPDIR on the same mount).
 */
export function unexportThenWrite(remove: Extract<Fix, { kind: 'terminal' }>, write: Extract<Fix, { kind: 'terminal' }>, name: string): Fix {
  return {
    ...write,
    id: `${write.id}-unexported:${remove.id.split(':').slice(1).join(':')}`.slice(0, 150),
    title: `${remove.title}, then ${write.title.charAt(0).toLowerCase()}${write.title.slice(1)}`,
    text: `${remove.text} && ${write.text}`,
    needsRoot: remove.needsRoot || write.needsRoot,
    detail: `go env -w alone cannot change an exported ${name} (go: "does not override conflicting OS environment variable"). ${remove.detail ?? ''}`.trim(),
  };
}

async function withoutOverriddenWrites(ctx: ProbeContext, f: FindingInput): Promise<FindingInput> {
  const names = [...new Set((f.fixes ?? []).flatMap((x) => (x.kind === 'terminal' ? [goEnvWriteOf(x.text)] : [])).filter((n): n is string => !!n && !!ctx.env[n]))];
  if (!names.length) return f;
  let { message, evidence, fixes = [] } = f;
  for (const name of names) {
    const where = await whereGoVarIsSet(ctx, name, undefined, undefined);
    if (where.source !== 'environment' && where.source !== 'setting') continue;
    const removals = where.fixes.filter((x): x is Extract<Fix, { kind: 'terminal' }> => x.kind === 'terminal' && x.id.startsWith('remove-export-'));
    fixes = fixes.flatMap((x) => (x.kind === 'terminal' && goEnvWriteOf(x.text) === name ? removals.map((r) => unexportThenWrite(r, x, name)) : [x]));
    const how = where.source === 'setting' ? `go.toolsEnvVars sets ${name}=${ctx.env[name]}` : `${name}=${ctx.env[name]} is exported`;
    message = `${message} ${how}, and go env -w cannot override it (go: "does not override conflicting OS environment variable").${where.source === 'setting' ? ' Change it in go.toolsEnvVars.' : where.words}`;
    evidence = [...evidence, ...(where.evidence.length ? where.evidence : [{ source: 'environment', excerpt: `${name}=${ctx.env[name]}` }])];
  }
  return { ...f, message, evidence, fixes };
}

/** A probe's outcome, its follow-up's included, with no go env -w an export overrides. */
export async function exportedBeatsGoEnvWrite(ctx: ProbeContext, outcome: ProbeOutcome): Promise<ProbeOutcome> {
  const mend = async (o: ProbeOutcome): Promise<ProbeOutcome> => (o.findings?.length ? { ...o, findings: await Promise.all(o.findings.map((f) => withoutOverriddenWrites(ctx, f))) } : o);
  const first = await mend(outcome);
  return outcome.followUp ? { ...first, followUp: { ...outcome.followUp, outcome: outcome.followUp.outcome.then(mend) } } : first;
}
