// /proc/<pid>/stat, the fields the doctor uses: who a process is (pid + starttime), its state and
// parent. Pure, tested on real copies.

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
