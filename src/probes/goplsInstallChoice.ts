// The gopls install this machine's go can do, for every probe that offers one. The gopls probe and
// the log probe both used to say @latest (the log probe through the Go extension's Install/Update
// Tools, which installs @latest too): under GOTOOLCHAIN=local a gopls whose go.mod asks for a newer
// go fails that way (fixes/goplsInstall.ts), so both take the choice made here.
import type { FindingInput, Fix } from '../doctor/model.js';
import type { GoEnvFact } from '../facts/readGoEnv.js';
import { installGoplsFix } from '../fixes/catalog.js';
import { goplsInstallFixes, type CachedGopls } from '../fixes/goplsInstall.js';
import { cachedGoplsVersions } from './cachedGopls.js';

export interface InstallChoice {
  fixes: Fix[];
  cached: CachedGopls[];
  observed: Record<string, unknown>;
}

/** What go env and the module cache's gopls go.mod files say this go can install. */
export async function installFixesFor(goEnv: GoEnvFact): Promise<InstallChoice> {
  if (!goEnv.ok) return { fixes: [installGoplsFix(undefined)], cached: [], observed: { skipped: 'go env did not answer' } };
  const cached = await cachedGoplsVersions(goEnv.values.GOMODCACHE);
  const fixes = goplsInstallFixes({ goVersion: goEnv.values.GOVERSION, toolchain: goEnv.values.GOTOOLCHAIN, goproxy: goEnv.values.GOPROXY, cached });
  return { fixes, cached, observed: { goVersion: goEnv.values.GOVERSION, cachedGoplsGoLines: cached.slice(0, 6).map((c) => `${c.version}: go ${c.go ?? '?'}`), offered: fixes.map((f) => (f.kind === 'terminal' ? f.text : f.id)) } };
}

/** Pure: every finding's @latest install replaced by the fixes chosen for this go, each id once. */
export function withInstallFixes(findings: FindingInput[], install: readonly Fix[]): FindingInput[] {
  return findings.map((f) => {
    if (!f.fixes?.some((x) => x.id === 'gopls-install')) return f;
    const fixes = f.fixes.flatMap((x) => (x.id === 'gopls-install' ? install : [x]));
    return { ...f, fixes: fixes.filter((x, i) => fixes.findIndex((y) => y.id === x.id) === i) };
  });
}

/** The log probe's installs through the Go extension's Install/Update Tools (go.tools.install), which installs gopls@latest. */
export const TOOLS_INSTALL_FIX_IDS: ReadonlySet<string> = new Set(['gopls-reinstall', 'gopls-install-command']);

/** Pure: is the chosen install the plain @latest, which the Go extension's Install/Update Tools does as well? */
export function latestWorks(install: readonly Fix[]): boolean {
  const first = install[0];
  return install.length === 1 && first?.kind === 'terminal' && first.id === 'gopls-install' && first.text.endsWith('@latest');
}

/**
 * Pure: a log finding's Install/Update Tools command replaced by the terminal installs chosen for
 * this go where @latest is known to fail here; kept where @latest works (one click in the editor).
 */
export function withToolsInstallReplaced(findings: FindingInput[], install: readonly Fix[]): FindingInput[] {
  if (latestWorks(install)) return findings;
  return findings.map((f) => {
    if (!f.fixes?.some((x) => TOOLS_INSTALL_FIX_IDS.has(x.id) && x.kind === 'command')) return f;
    const fixes = f.fixes.flatMap((x) => (TOOLS_INSTALL_FIX_IDS.has(x.id) && x.kind === 'command' ? install : [x]));
    return { ...f, fixes: fixes.filter((x, i) => fixes.findIndex((y) => y.id === x.id) === i) };
  });
}
