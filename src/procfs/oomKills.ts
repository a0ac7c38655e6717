// The kernel OOM killer's records, as dmesg or a pasted log holds them, read for who was killed,
// how big it was and in which memory cgroup: "the OOM killer killed a process" tells a user less
// than "it killed gopls (pid 41565), 589 MiB resident, in /user.slice/…/app-code.scope". Pure.
//
// The formats, from mm/oom_kill.c and mm/memcontrol.c:
//   4.19+  dump_oom_summary: "oom-kill:constraint=%s,nodemask=%*pbl" [",cpuset=%s,mems_allowed=%*pbl"]
//          [",oom_memcg=%s,task_memcg=%s" (mem_cgroup_print_oom_context)] ",task=%s,pid=%d,uid=%d"
//   4.19+  __oom_kill_process: "%s: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB,
//          file-rss:%lukB, shmem-rss:%lukB" [", UID:%u pgtables:%lukB oom_score_adj:%hd" since 5.x],
//          %s being "Out of memory", "Memory cgroup out of memory" or "Out of memory
//          (oom_kill_allocating_task)"
//   <4.19  "Memory cgroup out of memory: Kill process %d (%s) score %u or sacrifice child", then a
//          bare "Killed process %d (%s) total-vm:…, anon-rss:…, file-rss:…[, shmem-rss:…]" (shmem
//          since 4.5); 2.6 wrote "vsz:" for total-vm; RHEL 6 "Killed process %d, UID %d, (%s) …"
//   <4.19  mem_cgroup_print_oom_info: "Task in %s killed as a result of limit of %s"
//   all    mem_cgroup_print_oom_meminfo: "memory: usage %llukB, limit %llukB, failcnt %lu", the
//          limit the kill happened under, printed before the kill's own records

import { formatBytes } from '../host/bytes.js';

export interface KernelOomKill {
  pid?: number;
  comm: string;
  line: string;
  /** The memory cgroup whose limit was hit (`oom_memcg=`, or older kernels' "limit of"; `/` for a global OOM). */
  memcg?: string;
  /** The victim's own memory cgroup (`task_memcg=`, or older kernels' "Task in"). */
  taskMemcg?: string;
  /** Resident memory when killed: anon-rss + file-rss + shmem-rss, in KiB. */
  residentKb?: number;
  /** The memory cgroup's limit when it hit it (the report's "memory: usage …, limit …kB"), in KiB. */
  limitKb?: number;
  /** The victim's uid, where the record prints it (the summary's uid=, "Killed process"'s UID:): whose gopls it was. */
  uid?: number;
}

/** ",uid=1000" (the summary), ", UID:1000 pgtables" (Killed process, 5.x), ", UID 1000," (RHEL 6). */
const UID = /(?:,uid=|\bUID[: ])(\d{1,10})\b/;

// A comm is at most 15 bytes (TASK_COMM_LEN) and may hold spaces, commas and parentheses; 64 leaves room.
const SUMMARY = /oom-kill:constraint=[^\n]*?,task=(.{1,64}?),pid=(\d{1,10})(?:,uid=\d+)?\s*$/;
const KILLED = /Killed process (\d{1,10})(?:, UID \d+,)? \((.{0,64}?)\) (?:total-vm|vsz):\d+kB, anon-rss:(\d+)kB, file-rss:(\d+)kB(?:, shmem-rss:(\d+)kB)?/;
const CHOSEN = /(?:Out of memory(?: \(oom_kill_allocating_task\))?|Memory cgroup out of memory): (?:Kill(?:ed)?|kill) process (\d{1,10}) \((.{0,64}?)\)(?= score | total-vm:| vsz:|\s*$)/;
const TASK_IN = /\bTask in (\S+) killed as a result of limit of (\S+)/;
const MEMCG_LIMIT = /\bmemory: usage \d+kB, limit (\d+)kB, failcnt \d+/;
/** A new OOM report begins: what the last one said about its cgroup and limit no longer applies. */
const REPORT_START = /invoked oom-killer:/;

/** A count the kernel printed, or undefined when it is not one (garbage, or beyond what a size can be). */
function kb(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Every OOM-kill record, one per line that is one (a kill has two since 4.19: the summary and "Killed process"). */
export function parseKernelOomKills(text: string): KernelOomKill[] {
  const out: KernelOomKill[] = [];
  // What the report printed before its kill records: the limit hit, and (older kernels) the cgroups.
  let limitKb: number | undefined;
  let taskIn: { task: string; limit: string } | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (REPORT_START.test(line)) {
      limitKb = undefined;
      taskIn = undefined;
      continue;
    }
    const l = MEMCG_LIMIT.exec(line);
    if (l) {
      limitKb = kb(l[1]);
      continue;
    }
    const t = TASK_IN.exec(line);
    if (t) {
      taskIn = { task: t[1]!, limit: t[2]! };
      continue;
    }
    const uidText = UID.exec(line)?.[1];
    const context = { ...(taskIn ? { memcg: taskIn.limit, taskMemcg: taskIn.task } : {}), ...(limitKb !== undefined ? { limitKb } : {}), ...(uidText !== undefined ? { uid: Number(uidText) } : {}) };
    const k = KILLED.exec(line);
    if (k) {
      const parts = [kb(k[3]), kb(k[4]), k[5] === undefined ? 0 : kb(k[5])];
      const residentKb = parts.every((p) => p !== undefined) ? parts.reduce((a, b) => a! + b!, 0) : undefined;
      out.push({ pid: Number(k[1]), comm: k[2]!, line, ...context, ...(residentKb !== undefined && Number.isSafeInteger(residentKb) ? { residentKb } : {}) });
      continue;
    }
    const c = CHOSEN.exec(line);
    if (c) {
      out.push({ pid: Number(c[1]), comm: c[2]!, line, ...context });
      continue;
    }
    const s = SUMMARY.exec(line);
    if (!s) continue;
    const memcg = /oom_memcg=([^,\s]+)/.exec(line)?.[1];
    const taskMemcg = /task_memcg=([^,\s]+)/.exec(line)?.[1];
    out.push({ pid: Number(s[2]), comm: s[1]!, line, ...context, ...(memcg ? { memcg } : {}), ...(taskMemcg ? { taskMemcg } : {}) });
  }
  return out;
}

export interface OomVictim {
  pid?: number;
  comm: string;
  residentKb?: number;
  memcg?: string;
  taskMemcg?: string;
  limitKb?: number;
  uid?: number;
  /** The records that name it, in the log's order. */
  lines: string[];
}

/** The kills' records merged per victim (pid and name), in the order they were first seen. */
export function oomVictims(kills: readonly KernelOomKill[]): OomVictim[] {
  const out: OomVictim[] = [];
  for (const k of kills) {
    const v = out.find((x) => x.pid === k.pid && x.comm === k.comm);
    if (!v) {
      out.push({ pid: k.pid, comm: k.comm, lines: [k.line], ...pick(k) });
      continue;
    }
    v.lines.push(k.line);
    Object.assign(v, { ...pick(k), ...pick(v) });
  }
  return out;
}

function pick(k: Pick<KernelOomKill, 'residentKb' | 'memcg' | 'taskMemcg' | 'limitKb' | 'uid'>): Partial<OomVictim> {
  return {
    ...(k.uid !== undefined ? { uid: k.uid } : {}),
    ...(k.residentKb !== undefined ? { residentKb: k.residentKb } : {}),
    ...(k.memcg !== undefined ? { memcg: k.memcg } : {}),
    ...(k.taskMemcg !== undefined ? { taskMemcg: k.taskMemcg } : {}),
    ...(k.limitKb !== undefined ? { limitKb: k.limitKb } : {}),
  };
}

/** Programs of the Go toolchain and gopls: a kill of one of them is what the user lived through. */
export function isGoTool(comm: string): boolean {
  return /^(?:gopls|go|compile|link|asm|cgo|vet|go\d[\w.]*)$/.test(comm);
}

/** "gopls (pid 41565, 614 MiB resident, in memory cgroup /user.slice/… limited to 600 MiB)": what the records say of a victim. */
export function describeOomVictim(v: OomVictim): string {
  const resident = v.residentKb !== undefined ? `${formatBytes(v.residentKb * 1024)} resident` : undefined;
  const limited = v.limitKb !== undefined ? ` limited to ${formatBytes(v.limitKb * 1024)}` : '';
  // The victim's own cgroup says where it ran; the one whose limit was hit, when another, is above it.
  const own = v.taskMemcg ?? v.memcg;
  const above = v.memcg && v.taskMemcg && v.memcg !== v.taskMemcg && v.memcg !== '/' ? `, under the limit of ${v.memcg}${limited}` : '';
  const where = v.memcg === '/' ? 'with the whole machine out of memory' : own ? `in memory cgroup ${own}${above || limited}` : undefined;
  const details = [v.pid !== undefined ? `pid ${v.pid}` : undefined, resident, where].filter(Boolean);
  return `${v.comm}${details.length ? ` (${details.join(', ')})` : ''}`;
}
