// Where the Go extension finds one of its tools (vscode-go src/utils/pathUtils.ts,
// getBinPathWithPreferredGopathGorootWithExplanation): an absolute go.alternateTools entry, then
// the alternate name (or the tool's own) in GOBIN, each go.toolsGopath and GOPATH bin folder,
// GOROOT/bin, and PATH. gopls has its own locator (goplsLocate.ts), with the same order.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { GoEnvFact } from './readGoEnv.js';
import { gopathEntries } from './readGoEnv.js';
import { isExecutableFile, lookPath } from './lookPath.js';
import type { DoctorSettings } from '../doctor/settings.js';

export type ToolSource = 'go.alternateTools' | 'go.toolsGopath' | 'GOBIN' | 'GOPATH/bin' | 'GOROOT/bin' | 'PATH';

export interface ToolLocation {
  path: string;
  source: ToolSource;
}

/**
 * Directory listings shared by the lookups of one inventory: a dozen tools, most of them absent,
 * each stat'ed in every GOBIN/GOPATH/GOROOT/PATH folder were ~200 stats through the thread pool
 * while gopls starts; a folder is listed once instead, and only a folder that lists the name is
 * looked at further (a folder that cannot be listed, or a relative PATH entry, always is).
 */
export class DirListings {
  private readonly listings = new Map<string, Promise<Set<string> | undefined>>();

  /** False only when the folder was listed and has no entry of that name. */
  async mayHold(dir: string, name: string): Promise<boolean> {
    if (!path.isAbsolute(dir)) return true;
    let listing = this.listings.get(dir);
    if (!listing) this.listings.set(dir, (listing = fs.readdir(dir).then((names) => new Set(names), () => undefined)));
    return (await listing)?.has(name) ?? true;
  }

  /** PATH without the folders that were listed and hold no `name`: the same first match, fewer stats. */
  async pathFor(name: string, env: NodeJS.ProcessEnv): Promise<string> {
    const entries = (env.PATH ?? '').split(path.delimiter);
    const keep = await Promise.all(entries.map((e) => this.mayHold(e, name)));
    return entries.filter((_, i) => keep[i]).join(path.delimiter);
  }
}

/**
 * The binary the Go extension would run for `name`, or undefined when it would find none. With
 * `listings`, the folders are listed once for many lookups (DirListings); the answer is the same.
 */
export async function locateTool(name: string, env: NodeJS.ProcessEnv, settings: DoctorSettings, goEnv: GoEnvFact, listings?: DirListings): Promise<ToolLocation | undefined> {
  const alt = settings.alternateTools?.[name];
  if (alt && path.isAbsolute(alt) && (await isExecutableFile(alt))) return { path: alt, source: 'go.alternateTools' };
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
    if (listings && bin === path.basename(bin) && !(await listings.mayHold(dir, bin))) continue;
    const p = path.join(dir, bin);
    if (await isExecutableFile(p)) return { path: p, source: as(source) };
  }
  // Only a bare name is searched for in folders (`which` takes one with a slash as a path), and an
  // empty PATH is left alone (`which` then falls back to the doctor's own).
  let pathEnv = env.PATH;
  if (listings && bin === path.basename(bin) && env.PATH) {
    pathEnv = await listings.pathFor(bin, env);
    if (!pathEnv) return undefined;
  }
  const onPath = await lookPath(bin, { ...env, PATH: pathEnv });
  return onPath ? { path: onPath, source: as('PATH') } : undefined;
}
