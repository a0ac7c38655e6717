// Finding the gopls processes this extension host started, through the Host (so tests point it at
// a fixture /proc). All extensions share one extension host process, so the Go extension's gopls
// is a direct child of process.pid. No vscode import: tested on real /proc copies.
import type { Host } from '../host/host.js';
import { parseProcStat, type ProcStat } from '../procfs/procStat.js';
import { PROBE_ENV_MARKER } from '../host/runMarker.js';

export { parseProcStat, type ProcStat } from '../procfs/procStat.js';

/** /proc/<pid>/task/<tid>/children: space-separated pids (needs CONFIG_PROC_CHILDREN). */
export function parseChildrenList(text: string): number[] {
  return text
    .split(/\s+/)
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
}

export interface GoplsChild {
  pid: number;
  starttime: number;
}

/** The pids whose parent is `pid`: from the task children files when the kernel has them, else one scan of /proc. */
export async function childrenOf(host: Host, pid: number): Promise<{ pids: number[]; via: 'children' | 'scan' }> {
  const tasks = await host.list(`/proc/${pid}/task`);
  if (tasks && tasks.length) {
    const lists = await Promise.all(tasks.map((t) => host.readText(`/proc/${pid}/task/${t}/children`, 64 * 1024)));
    if (lists.every((l) => l !== undefined)) return { pids: [...new Set(lists.flatMap((l) => parseChildrenList(l!)))], via: 'children' };
  }
  const all = (await host.list('/proc')) ?? [];
  const stats = await Promise.all(all.filter((n) => /^\d+$/.test(n)).map(async (n) => parseProcStat((await host.readText(`/proc/${n}/stat`, 4096)) ?? '')));
  return { pids: stats.filter((s): s is ProcStat => !!s && s.ppid === pid).map((s) => s.pid), via: 'scan' };
}

const isGoplsName = (s: string) => s === 'gopls' || /\/gopls$/.test(s);

/** Set (to a per-run value) in the environment of every process the doctor's own probes start. */
export { PROBE_ENV_MARKER };

/** NUL-separated NAME=value pairs of /proc/<pid>/environ. */
export function parseEnviron(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of text.split('\0')) {
    const i = kv.indexOf('=');
    if (i > 0) out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}

/** This process's live gopls children (comm "gopls", or an exe whose basename is gopls), not the doctor's own. */
export async function goplsChildrenOf(host: Host, pid: number): Promise<GoplsChild[]> {
  const { pids } = await childrenOf(host, pid);
  const out: GoplsChild[] = [];
  for (const c of pids) {
    const st = parseProcStat((await host.readText(`/proc/${c}/stat`, 4096)) ?? '');
    if (!st || st.ppid !== pid || st.state === 'Z') continue;
    const exe = st.comm === 'gopls' ? 'gopls' : ((await host.readlink(`/proc/${c}/exe`)) ?? '').replace(/ \(deleted\)$/, '');
    if (!isGoplsName(st.comm) && !isGoplsName(exe)) continue;
    const environ = await host.readText(`/proc/${c}/environ`, 256 * 1024);
    if (environ !== undefined && parseEnviron(environ)[PROBE_ENV_MARKER] !== undefined) continue;
    out.push({ pid: c, starttime: st.starttime });
  }
  return out;
}

/** Still the same running process? A zombie, a vanished pid or a reused pid is gone. */
export async function stillRunning(host: Host, child: GoplsChild): Promise<boolean> {
  const st = parseProcStat((await host.readText(`/proc/${child.pid}/stat`, 4096)) ?? '');
  return !!st && st.starttime === child.starttime && st.state !== 'Z' && st.state !== 'X';
}
