// Can the Go that installs the tools build this gopls? The Go extension runs
// `go install golang.org/x/tools/gopls@VERSION` with go.toolsManagement.go, else the go on PATH.
// gopls's go.mod `go` line is the least Go that builds it; below it, under GOTOOLCHAIN=local,
// go refuses: "golang.org/x/tools/gopls@v0.23.0 requires go >= 1.26.0 (running go 1.24.0;
// GOTOOLCHAIN=local)", so "Install/Update Tools" fails while the old gopls keeps running.
// Read offline only: the go.mod comes from the module cache (where installing gopls put it),
// never from the network (host/noDownload.ts).
import path from 'node:path';
import type { Evidence, Fix, FindingInput } from '../doctor/model.js';
import { compareGoVersions, parseGoVersion } from '../facts/readGoEnv.js';
import { INSTALL_NEWER_GO } from '../fixes/catalog.js';
import { parseToolchain } from './goFailure.js';
import { parseGoDirectives } from './modules.js';
import type { ProbeContext } from './probe.js';
import type { GoEnvFact } from '../facts/readGoEnv.js';
import { CAP, readUserText } from '../host/readUserFile.js';
import { noToolchainSwitch } from '../host/noDownload.js';

export { GOPLS_MODULE } from '../fixes/goplsInstall.js';
import { GOPLS_MODULE } from '../fixes/goplsInstall.js';

/** $GOMODCACHE/cache/download/golang.org/x/tools/gopls/@v/v0.23.0.mod (module paths are lower case here). */
export function goplsModInCache(gomodcache: string, version: string): string {
  return path.join(gomodcache, 'cache', 'download', ...GOPLS_MODULE.split('/'), '@v', `${version}.mod`);
}

/** A release or pre-release module version; "(devel)" and pseudo-versions of a local build have no cached go.mod to read. */
export function isModuleVersion(v: string | undefined): v is string {
  return !!v && /^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(v);
}

export interface ToolInstallInput {
  goplsVersion: string;
  /** gopls's go.mod, as read from the module cache. */
  goplsGoMod: string;
  goplsGoModSource: string;
  /** The go the Go extension installs tools with, and its version. */
  installGo: string;
  installGoVersion: string;
  installGoSource: string;
  /** The user's GOTOOLCHAIN (go env GOTOOLCHAIN), and GOPROXY. */
  toolchain?: string;
  goproxy?: string;
}

/** Pure: the findings when the installing go is older than gopls's go line. */
export function toolInstallFindings(i: ToolInstallInput): FindingInput[] {
  const required = parseGoDirectives(i.goplsGoMod).go;
  const need = required ? parseGoVersion(required) : undefined;
  const have = parseGoVersion(i.installGoVersion.replace(/^go/, '').replace(/\s.*$/, ''));
  if (!need || !have || compareGoVersions(have, need) >= 0) return [];
  // Unknown (go env GOTOOLCHAIN did not answer) reads as go's default, auto.
  const tc = parseToolchain(i.toolchain ?? 'auto');
  const proxyOff = (i.goproxy ?? '').split(/[,|]/).every((p) => p === 'off' || p === '');
  const local = tc.mode === 'local' || tc.mode === 'path';
  const evidence: Evidence[] = [
    { source: i.goplsGoModSource, excerpt: `go ${required}` },
    { source: i.installGoSource, excerpt: `${i.installGo}: ${i.installGoVersion}` },
    { source: 'go env GOTOOLCHAIN', excerpt: `GOTOOLCHAIN=${i.toolchain ?? '(unknown)'}${local ? '' : `; GOPROXY=${i.goproxy || '(unset)'}`}` },
  ];
  const install = `go install ${GOPLS_MODULE}@${i.goplsVersion}`;
  const fixes: Fix[] = [INSTALL_NEWER_GO];
  if (local && !proxyOff)
    fixes.push({
      id: 'gopls-install-gotoolchain-auto',
      kind: 'terminal',
      needsRoot: false,
      title: `Build gopls ${i.goplsVersion} with a go${required} toolchain downloaded for this one command`,
      text: `GOTOOLCHAIN=go${required}+auto ${install}`,
      detail: `go fetches go${required} from the module proxy into the module cache and builds gopls with it; GOTOOLCHAIN stays as it is for everything else.`,
    });
  const says = `"${GOPLS_MODULE}@${i.goplsVersion} requires go >= ${required} (running go ${i.installGoVersion.replace(/^go/, '')}; GOTOOLCHAIN=${tc.mode === 'path' ? 'path' : 'local'})"`;
  if (local)
    return [
      {
        classId: 'gopls-launch',
        headline: 'tool-install',
        severity: 'warning',
        confidence: 0.75,
        message: `gopls ${i.goplsVersion} needs go ${required} or newer to build, and the go that installs the tools (${i.installGo}) is ${i.installGoVersion} with GOTOOLCHAIN=${i.toolchain || 'local'}: "Install/Update Tools" and \`${install}\` fail with ${says}. The installed gopls keeps running, but it cannot be reinstalled or updated with this go.`,
        evidence,
        fixes,
      },
    ];
  return [
    {
      classId: 'gopls-launch',
        headline: 'tool-install',
      severity: proxyOff ? 'warning' : 'info',
      confidence: proxyOff ? 0.7 : 0.3,
      message: proxyOff
        ? `gopls ${i.goplsVersion} needs go ${required} or newer to build; the go that installs the tools (${i.installGo}) is ${i.installGoVersion} and would switch to go${required} by downloading it, which GOPROXY=off forbids: "Install/Update Tools" fails.`
        : `gopls ${i.goplsVersion} needs go ${required} or newer to build; the go that installs the tools (${i.installGo}) is ${i.installGoVersion}, so installing or updating gopls first downloads go${required} (GOTOOLCHAIN=${i.toolchain ?? 'auto'}). Offline, or behind a proxy that refuses it, the install fails.`,
      evidence,
      fixes,
    },
  ];
}

/** Reads what toolInstallFindings needs: the cached gopls go.mod and the installing go's version. */
export async function toolInstallCheck(ctx: ProbeContext, goEnv: GoEnvFact, goplsVersion: string | undefined): Promise<{ findings: FindingInput[]; observed: Record<string, unknown> }> {
  if (!goEnv.ok) return { findings: [], observed: { skipped: 'go env did not answer' } };
  if (!isModuleVersion(goplsVersion)) return { findings: [], observed: { skipped: `gopls version ${goplsVersion ?? 'unknown'} is not a module release` } };
  const gomodcache = goEnv.values.GOMODCACHE;
  if (!gomodcache) return { findings: [], observed: { skipped: 'no GOMODCACHE' } };
  const modFile = goplsModInCache(gomodcache, goplsVersion);
  const goMod = await readUserText(modFile, CAP.goModFile);
  if (goMod === undefined) return { findings: [], observed: { skipped: `${modFile} is not in the module cache (gopls was built elsewhere); not downloaded` } };
  let installGo = goEnv.goBinary;
  let installGoVersion = goEnv.values.GOVERSION ?? '';
  let installGoSource = 'go env -json';
  const toolsGo = ctx.settings.toolsGo;
  if (toolsGo) {
    // GOTOOLCHAIN=local: the installing go's own version, never a switch (and never a download).
    const r = await ctx.host.exec(toolsGo, ['env', 'GOVERSION'], { timeoutMs: Math.max(200, Math.min(3000, ctx.remainingMs() - 300)), signal: ctx.signal, env: noToolchainSwitch(ctx.env) });
    if (r.failed) return { findings: [], observed: { modFile, skipped: `go.toolsManagement.go ${toolsGo} did not answer: ${r.message}` } };
    installGo = toolsGo;
    installGoVersion = r.stdout.trim();
    installGoSource = `${r.commandLine} (go.toolsManagement.go)`;
  }
  const required = parseGoDirectives(goMod).go;
  const findings = toolInstallFindings({ goplsVersion, goplsGoMod: goMod, goplsGoModSource: modFile, installGo, installGoVersion, installGoSource, toolchain: goEnv.values.GOTOOLCHAIN, goproxy: goEnv.values.GOPROXY });
  return { findings, observed: { modFile, goplsNeedsGo: required, installGo, installGoVersion } };
}
