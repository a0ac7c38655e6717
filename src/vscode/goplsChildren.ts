// Finding the gopls processes this extension host started, through the Host (so tests point it at
// a fixture /proc). All extensions share one extension host process, so the Go extension's gopls
// is a direct child of process.pid. No vscode import: tested on real /proc copies.
import type { Host } from '../host/host.js';

export interface ProcStat {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  /** Clock ticks after boot: with pid it names one process, even when pids are reused. */
  starttime: number;
}

/** /proc/<pid>/stat. comm may hold spaces and parentheses, so split at the last ')'. */
export function parseProcStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  const rest = text.slice(close + 2).trim().split(/\s+/);
  // rest[0] is field 3 (state); ppid is field 4, starttime field 22.
  const state = rest[0];
  const ppid = Number(rest[1]);
  const starttime = Number(rest[19]);
  if (!Number.isInteger(pid) || !state || !Number.isInteger(ppid) || !Number.isFinite(starttime)) return undefined;
  return { pid, comm: text.slice(open + 1, close), state, ppid, starttime };
}

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

/**
 * Set in the environment of every process the doctor's own probes start (gopls version, the LSP
 * handshake): the extension host is their parent too, and their exit is not the editor's gopls dying.
 */
export const PROBE_ENV_MARKER = 'GO_ENV_DOCTOR_PROBE';

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
    if (environ !== undefined && parseEnviron(environ)[PROBE_ENV_MARKER] === '1') continue;
    out.push({ pid: c, starttime: st.starttime });
  }
  return out;
}

/** Still the same running process? A zombie, a vanished pid or a reused pid is gone. */
export async function stillRunning(host: Host, child: GoplsChild): Promise<boolean> {
  const st = parseProcStat((await host.readText(`/proc/${child.pid}/stat`, 4096)) ?? '');
  return !!st && st.starttime === child.starttime && st.state !== 'Z' && st.state !== 'X';
}
