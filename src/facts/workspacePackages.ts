// The packages gopls will load for the workspaces (go list -deps ./..., offline) and the bytes of Go
// source they hold, what gopls's memory grows with (src/probes/goNeeds.ts). A fact: the cgroups
// probe (a memory limit) and the process-limits probe (RLIMIT_AS, RLIMIT_DATA) both judge a limit
// by it, and one go list and one pass of stats serve both.
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Host } from '../host/host.js';
import type { GoEnvFact } from './readGoEnv.js';
import { mapLimit } from '../procfs/procs.js';

export interface WorkspacePackages {
  count: number;
  command: string;
  /** Bytes of the Go source (GoFiles, CgoFiles) of every package gopls loads: what its memory grows with (goNeeds.ts). */
  sourceBytes?: number;
  /** Source files stat'ed, and how many there were (the bytes are scaled up when not all were). */
  files?: { statted: number; total: number };
}

/** Source files stat'ed at most: a monorepo's tens of thousands take a few hundred milliseconds. */
const MAX_SOURCE_STATS = 50_000;

export interface WorkspacePackagesInput {
  host: Host;
  env: NodeJS.ProcessEnv;
  goEnv: () => Promise<GoEnvFact>;
  workspaces: readonly string[];
  signal: AbortSignal;
  /** The run's time left: bounds go list and the stats. */
  remainingMs: () => number;
}

/**
 * A copy of the module's go.mod and go.sum for go list to write instead of the user's: -mod=mod
 * lists past a go.sum that lacks lines, and writes go.sum (measured with go1.26.8: the doctor's run
 * created go.sum in a tester's module that had none). -modfile sends both writes to the copy
 * (go.sum is found beside the -modfile). Undefined in workspace mode (a go.work above, GOWORK not
 * off), where go refuses -mod=mod and -modfile: go list then runs with the user's flags alone.
 */
async function scratchModFile(ws: string, env: NodeJS.ProcessEnv): Promise<{ dir: string; modfile: string } | undefined> {
  let goMod: string | undefined;
  for (let d = path.resolve(ws); ; d = path.dirname(d)) {
    if (!goMod && (await exists(path.join(d, 'go.mod')))) goMod = path.join(d, 'go.mod');
    if (env.GOWORK !== 'off' && (await exists(path.join(d, 'go.work')))) return undefined;
    if (path.dirname(d) === d) break;
  }
  if (env.GOWORK && env.GOWORK !== 'off') return undefined;
  if (!goMod) return undefined;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'go-env-doctor-modfile-'));
  const modfile = path.join(dir, 'go.mod');
  try {
    await fs.copyFile(goMod, modfile);
    await fs.copyFile(path.join(path.dirname(goMod), 'go.sum'), path.join(dir, 'go.sum')).catch(() => undefined);
  } catch {
    await fs.rm(dir, { recursive: true, force: true });
    return undefined;
  }
  return { dir, modfile };
}

const exists = (p: string) => fs.stat(p).then(() => true, () => false);

export async function readWorkspacePackages(i: WorkspacePackagesInput): Promise<WorkspacePackages | undefined> {
  const goEnv = await i.goEnv();
  if (!goEnv.ok) return undefined;
  const seen = new Set<string>();
  const files: string[] = [];
  let command = '';
  for (const ws of i.workspaces) {
    const timeoutMs = Math.max(200, Math.min(4000, i.remainingMs() - 400));
    if (i.remainingMs() < 500) break;
    // Tab-separated: a directory or file name may hold spaces, never a tab (go rejects them in import paths).
    const scratch = await scratchModFile(ws, i.env);
    let r;
    try {
      r = await i.host.exec(goEnv.goBinary, ['list', '-e', '-deps', '-f', '{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles "\t"}}\t{{join .CgoFiles "\t"}}', './...'], { timeoutMs, signal: i.signal, env: { ...i.env, GOPROXY: 'off', GOFLAGS: [i.env.GOFLAGS, ...(scratch ? ['-mod=mod', `-modfile=${scratch.modfile}`] : [])].filter(Boolean).join(' ') }, cwd: ws, maxBuffer: 16 * 1024 * 1024 });
    } finally {
      if (scratch) await fs.rm(scratch.dir, { recursive: true, force: true });
    }
    if (r.timedOut || r.canceled || r.errorCode) continue;
    command = r.commandLine;
    for (const line of r.stdout.split('\n')) {
      const [pkg, dir, ...names] = line.split('\t');
      if (!pkg?.trim() || seen.has(pkg.trim())) continue;
      seen.add(pkg.trim());
      if (dir) for (const n of names) if (n) files.push(path.join(dir, n));
    }
  }
  if (!seen.size) return undefined;
  return { count: seen.size, command, ...(await sourceBytes(files, i)) };
}

/** The files' total size (stat'ed up to MAX_SOURCE_STATS, under the run's deadline, then scaled to all). */
async function sourceBytes(files: readonly string[], i: Pick<WorkspacePackagesInput, 'host' | 'remainingMs'>): Promise<Pick<WorkspacePackages, 'sourceBytes' | 'files'>> {
  if (!files.length || !i.host.live) return {};
  const deadline = performance.now() + Math.max(100, Math.min(1000, i.remainingMs() / 4));
  let bytes = 0;
  let statted = 0;
  await mapLimit(files.slice(0, MAX_SOURCE_STATS), 32, async (f) => {
    if (performance.now() > deadline) return;
    const st = await fs.stat(f).catch(() => undefined);
    if (st?.isFile()) {
      bytes += st.size;
      statted++;
    }
  });
  if (!statted) return {};
  return { sourceBytes: Math.round((bytes * files.length) / statted), files: { statted, total: files.length } };
}
