// Where the Go extension finds one of its tools (vscode-go src/utils/pathUtils.ts,
// getBinPathWithPreferredGopathGorootWithExplanation): an absolute go.alternateTools entry, then
// the alternate name (or the tool's own) in GOBIN, each go.toolsGopath and GOPATH bin folder,
// GOROOT/bin, and PATH. gopls has its own locator (goplsLocate.ts), with the same order.
import path from 'node:path';
import { promises as fs, constants as fsConst } from 'node:fs';
import type { GoEnvFact } from './readGoEnv.js';
import { gopathEntries } from './readGoEnv.js';
import { lookPath } from './lookPath.js';
import type { DoctorSettings } from '../doctor/settings.js';

export type ToolSource = 'go.alternateTools' | 'go.toolsGopath' | 'GOBIN' | 'GOPATH/bin' | 'GOROOT/bin' | 'PATH';

export interface ToolLocation {
  path: string;
  source: ToolSource;
}

async function executable(p: string): Promise<boolean> {
  const file = await fs.stat(p).then((s) => s.isFile(), () => false);
  return file && fs.access(p, fsConst.X_OK).then(() => true, () => false);
}

/** The binary the Go extension would run for `name`, or undefined when it would find none. */
export async function locateTool(name: string, env: NodeJS.ProcessEnv, settings: DoctorSettings, goEnv: GoEnvFact): Promise<ToolLocation | undefined> {
  const alt = settings.alternateTools?.[name];
  if (alt && path.isAbsolute(alt) && (await executable(alt))) return { path: alt, source: 'go.alternateTools' };
  const bin = alt && !path.isAbsolute(alt) ? alt : name;
  const as = (s: ToolSource): ToolSource => (bin === name ? s : 'go.alternateTools');
  const values = goEnv.ok ? goEnv.values : {};
  const dirs: Array<[ToolSource, string]> = [];
  const gobin = values.GOBIN || env.GOBIN;
  if (gobin) dirs.push(['GOBIN', gobin]);
  for (const g of (settings.toolsGopath ?? '').split(path.delimiter).filter(Boolean)) dirs.push(['go.toolsGopath', path.join(g, 'bin')]);
  const gopath = goEnv.ok ? gopathEntries(values) : (env.GOPATH ?? '').split(path.delimiter).filter(Boolean);
  for (const g of gopath) dirs.push(['GOPATH/bin', path.join(g, 'bin')]);
  const goroot = values.GOROOT || env.GOROOT;
  if (goroot) dirs.push(['GOROOT/bin', path.join(goroot, 'bin')]);
  for (const [source, dir] of dirs) {
    const p = path.join(dir, bin);
    if (await executable(p)) return { path: p, source: as(source) };
  }
  const onPath = await lookPath(bin, env);
  return onPath ? { path: onPath, source: as('PATH') } : undefined;
}
