// A download GOPROXY=off refused, told as what it did: which module the module cache lacks, in go's
// own words, with the diagnostics it turned imports red with, and how to get the module once.
// Before, a log read alone said "go needed a module…" with no module, no fix, and the red imports'
// "no required module provides package" lines nowhere (a tester's real gopls v0.23.0 logs).
import type { Evidence, FindingInput } from '../doctor/model.js';
import { firstAndMore } from '../doctor/listing.js';
import { proxyOffDownloadFixes } from '../fixes/downloads.js';
import { packageInModule, proxyOffRefusalIn, refusedModules, unprovidedPackageIn } from '../goplsLog/proxyOffRefusals.js';

interface Line {
  line: number;
  text: string;
}

/**
 * `base`: the rule's finding (goproxy-off-lookup) as findingsOf builds it; `events` its lines;
 * `diagnostics` the published diagnostics saying no required module provides a package. Pure.
 */
export function proxyOffRefusalFinding(base: FindingInput, source: string, events: readonly Line[], diagnostics: readonly Line[], keep: number): FindingInput {
  const modules = refusedModules(events.map((e) => e.text));
  // Only the red imports a refused module would have provided: another import no module provides
  // is the code's own (a typo, a require go.mod lacks), and stays out of it.
  const red = diagnostics.filter((d) => {
    const pkg = unprovidedPackageIn(d.text);
    return pkg !== undefined && modules.some((m) => packageInModule(pkg, m));
  });
  const packages = [...new Set(red.map((d) => unprovidedPackageIn(d.text)!))];
  const said = events.map((e) => proxyOffRefusalIn(e.text)).find((r) => r?.module) ?? proxyOffRefusalIn(events[0]?.text ?? '');
  const n = events.length + (base.moreEvidence ?? 0);
  const what = modules.length ? `go could not download ${firstAndMore(modules)}` : 'go could not download a module the build needs';
  const message =
    `${what}: ${modules.length === 1 ? 'it is' : 'they are'} not in the module cache, and GOPROXY=off forbids downloading` +
    (said ? ` ("${said.said}")` : '') +
    (packages.length ? `; gopls's diagnostics say no required module provides ${firstAndMore(packages)} because of it` : '') +
    ` (${n} ${n === 1 ? 'line' : 'lines'}${red.length ? ` and ${red.length} diagnostic${red.length === 1 ? '' : 's'}` : ''} in ${source.split('/').pop()}).`;
  const evidence: Evidence[] = [...events, ...red]
    .sort((a, b) => a.line - b.line)
    .slice(0, keep)
    .map((l) => ({ source, line: l.line, excerpt: l.text }));
  const { moreEvidence: _kept, ...rest } = base;
  const untold = n + red.length - evidence.length;
  return {
    ...rest,
    message,
    evidence,
    ...(untold > 0 ? { moreEvidence: untold } : {}),
    headline: 'module-downloads',
    fixes: proxyOffDownloadFixes(),
  };
}
