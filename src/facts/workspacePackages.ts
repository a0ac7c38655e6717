// The packages gopls will load for the workspaces (go list -deps ./..., offline) and the bytes of Go
// source they hold, what gopls's memory grows with (src/probes/goNeeds.ts). A fact: the cgroups
// probe (a memory limit) and the process-limits probe (RLIMIT_AS, RLIMIT_DATA) both judge a limit
// by it, and one go list and one pass of stats serve both.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Host } from '../host/host.js';
import type { GoEnvFact } from './readGoEnv.js';
import { mapLimit } from '../procfs/procs.js';
import { sealedGo } from '../host/sealedGo.js';

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
    // -mod=mod lists past a go.sum that lacks lines, and would write go.sum (measured with go1.26.8:
    // the doctor's run created go.sum in a tester's module that had none): sealedGo sends that
    // write to a copy (-modfile), and in workspace mode (where go refuses -mod=mod) go.work.sum's.
    const sealed = await sealedGo({ ...i.env, GOPROXY: 'off' }, ws, goEnv.values, { modMod: true });
    let r;
    try {
      r = await i.host.exec(goEnv.goBinary, ['list', '-e', '-deps', '-f', '{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles "\t"}}\t{{join .CgoFiles "\t"}}', './...'], { timeoutMs, signal: i.signal, env: sealed.env, cwd: ws, maxBuffer: 16 * 1024 * 1024 });
    } finally {
      await sealed.release();
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
