// Which program gopls loads packages with. go/packages (x/tools go/packages/external.go
// findExternalDriver) runs GOPACKAGESDRIVER from the environment gopls gives it (the process's,
// then gopls's build.env over it, the last entry winning) instead of go list; "off" means go
// list; unset, a program named `gopackagesdriver` on the PATH is used. A driver that is not there
// fails every load ("packages.Load error: /x/driver: fork/exec /x/driver: no such file or
// directory", measured with gopls v0.23.0), and with a driver the doctor's own go list answers say
// what go sees, not what gopls sees.
import path from 'node:path';
import { promises as fs, constants as fsConstants } from 'node:fs';
import type { FindingInput } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';
import { goplsBuildOf } from '../lsp/goplsBuild.js';
import { lookPath } from '../facts/lookPath.js';
import { toolsEnvFix } from '../fixes/catalog.js';

export interface PackagesDriver {
  /** What names it: the variable, gopls's build.env, or the PATH lookup of `gopackagesdriver`. */
  from: 'environment' | 'gopls build.env' | 'PATH';
  /** As written. */
  value: string;
  /** The program that would run; undefined when it is not there. */
  program?: string;
  /** Why it cannot run: ENOENT, EACCES, not found on PATH. */
  problem?: string;
}

/** The driver gopls would use with this environment and these gopls settings; undefined = go list. */
export async function packagesDriver(env: NodeJS.ProcessEnv, goplsSettings: Record<string, unknown> | undefined): Promise<PackagesDriver | undefined> {
  const buildEnv = goplsBuildOf(goplsSettings).env;
  const fromBuild = buildEnv?.GOPACKAGESDRIVER;
  const value = fromBuild ?? env.GOPACKAGESDRIVER;
  const from = fromBuild !== undefined ? 'gopls build.env' : 'environment';
  if (value === 'off') return undefined;
  if (!value) {
    const found = await lookPath('gopackagesdriver', env);
    return found ? { from: 'PATH', value: 'gopackagesdriver', program: found } : undefined;
  }
  // exec.Command: a name with a slash is a path (relative to gopls's directory), else a PATH lookup.
  if (!value.includes('/')) {
    const found = await lookPath(value, env);
    return found ? { from, value, program: found } : { from, value, problem: `no ${value} on the PATH` };
  }
  const program = path.resolve(value);
  const problem = await fs.access(program, fsConstants.X_OK).then(
    () => undefined,
    (e: NodeJS.ErrnoException) => e.code ?? 'error',
  );
  return problem ? { from, value, problem: problem === 'ENOENT' ? `${program} does not exist` : `${program} cannot be run (${problem})` } : { from, value, program };
}

/** go/packages with go list, whatever the environment or the PATH holds: "off" is its own word for it. */
export const PACKAGES_DRIVER_OFF = toolsEnvFix('toolsenv-packagesdriver-off', 'Load packages with go list (GOPACKAGESDRIVER=off for the Go tools)', { GOPACKAGESDRIVER: 'off' }, 'go.toolsEnvVars reaches gopls; "off" makes go/packages use go list whatever the environment or PATH holds.');

/** A driver that cannot run is an error: every package load of gopls fails. One that runs is information. */
export async function packagesDriverFindings(ctx: Pick<ProbeContext, 'env' | 'settings' | 'host'>): Promise<FindingInput[]> {
  if (!ctx.host.live) return [];
  const d = await packagesDriver(ctx.env, ctx.settings.goplsSettings);
  if (!d) return [];
  const where = d.from === 'environment' ? 'GOPACKAGESDRIVER in the environment the Go tools get' : d.from === 'gopls build.env' ? "GOPACKAGESDRIVER in gopls's build.env setting" : 'a program named gopackagesdriver on the PATH (go/packages uses it when GOPACKAGESDRIVER is unset)';
  const evidence = [{ source: d.from === 'PATH' ? 'PATH lookup (editor environment)' : d.from, excerpt: d.from === 'PATH' ? `gopackagesdriver: ${d.program}` : `GOPACKAGESDRIVER=${d.value}${d.problem ? ` (${d.problem})` : ''}` }];
  if (d.problem) {
    return [
      {
        classId: 'env-inheritance',
        severity: 'error',
        confidence: 0.85,
        explains: ['module-resolution'],
        headline: 'packages-driver',
        message: `${where} names ${d.value}, which cannot run here (${d.problem}): gopls loads every package through it, so each load fails with "packages.Load error: ${d.value}: …" and no file gets hover, completion or diagnostics.`,
        evidence,
        fixes: [PACKAGES_DRIVER_OFF],
      },
    ];
  }
  return [
    {
      classId: 'env-inheritance',
      severity: 'info',
      confidence: 0.3,
      headline: 'packages-driver',
      message: `gopls loads packages with ${d.program} (${where}), not with go list: what go list says here (and the doctor's checks that ask it) need not be what gopls sees.`,
      evidence,
      fixes: [],
    },
  ];
}
