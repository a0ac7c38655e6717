// A re-check after a fix reruns only the probes that speak to one class. Merged into the report it
// came from, it must rank exactly as a full run over the same findings would: the probes that ran
// again replace all their findings (of every class), the others keep theirs, and rankCauses, the
// one ranking, orders the result with its tie-break and explainer lift.
import type { Report } from '../doctor/model.js';
import { rankCauses } from '../doctor/rank.js';

export function mergeRecheck(full: Report, recheck: Report): Report {
  // A probe that timed out or crashed in the re-check said nothing about its findings: they stay
  // (on a busy machine, a re-check whose mounts probe ran out of time is not "the mount is fixed").
  const rerun = new Set(recheck.probes.filter((p) => p.status !== 'timeout' && p.status !== 'crashed').map((p) => p.id));
  const kept = full.causes.flatMap((c) => c.findings).filter((f) => f.probeId === undefined || !rerun.has(f.probeId));
  const fresh = recheck.causes.flatMap((c) => c.findings);
  const probes = full.probes.map((p) => recheck.probes.find((q) => q.id === p.id) ?? p);
  for (const q of recheck.probes) if (!full.probes.some((p) => p.id === q.id)) probes.push(q);
  return {
    ...full,
    causes: rankCauses([...kept, ...fresh]),
    probes,
    incomplete: recheck.incomplete || probes.some((p) => p.status === 'timeout'),
  };
}
