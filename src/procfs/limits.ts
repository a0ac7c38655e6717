// Process and kernel limits: /proc/<pid>/limits, single-number sysctls under /proc/sys, and
// /proc/loadavg (whose fourth field counts every task on the machine). Pure.

export type LimitValue = number | 'unlimited';

export interface ResourceLimit {
  /** As the kernel names it: "Max processes", "Max open files"… */
  name: string;
  soft: LimitValue;
  hard: LimitValue;
  units: string;
  /** The line it came from, for evidence. */
  line: string;
}

function limitValue(s: string): LimitValue | undefined {
  if (s === 'unlimited') return 'unlimited';
  return /^\d+$/.test(s) ? Number(s) : undefined;
}

/**
 * The kernel prints "%-25s %-20s %-20s %-10s" (fs/proc/base.c proc_pid_limits): the name is
 * padded to 25 columns and may contain single spaces, so it is cut by column, the rest by spaces.
 */
export function parseLimits(text: string): ResourceLimit[] {
  const out: ResourceLimit[] = [];
  for (const raw of text.split('\n')) {
    // trimEnd, not /\s+$/: that regex is quadratic on a long run of inner spaces (found by fuzzing).
    const line = raw.trimEnd();
    // A real line is ~80 columns; the fallback regex below backtracks quadratically on long ones.
    if (!line || line.startsWith('Limit ') || line.length > 512) continue;
    // Column cut first; fall back to "two or more spaces" for text that lost its padding.
    let name = line.slice(0, 25).trim();
    let rest = line.slice(25).trim().split(/\s+/);
    if (limitValue(rest[0] ?? '') === undefined) {
      const m = /^(.+?)\s{2,}(\S+)\s+(\S+)\s*(\S*)$/.exec(line);
      if (!m) continue;
      name = m[1]!.trim();
      rest = [m[2]!, m[3]!, m[4] ?? ''];
    }
    const soft = limitValue(rest[0] ?? '');
    const hard = limitValue(rest[1] ?? '');
    if (!name || soft === undefined || hard === undefined) continue;
    out.push({ name, soft, hard, units: rest[2] ?? '', line });
  }
  return out;
}

export function findLimit(limits: readonly ResourceLimit[], name: string): ResourceLimit | undefined {
  return limits.find((l) => l.name.toLowerCase() === name.toLowerCase());
}

/** A sysctl file holding one integer ("32768\n"), or undefined. */
export function parseSysctlInt(text: string | undefined): number | undefined {
  const t = text?.trim();
  return t && /^\d+$/.test(t) ? Number(t) : undefined;
}

export interface LoadAvg {
  running: number;
  /** Every task (thread) that exists on the machine, in every namespace the kernel counts. */
  tasks: number;
  lastPid: number;
}

/** "0.00 0.01 0.05 1/123 4567" */
export function parseLoadAvg(text: string): LoadAvg | undefined {
  const m = /^\s*\S+\s+\S+\s+\S+\s+(\d+)\/(\d+)\s+(\d+)/.exec(text);
  return m ? { running: Number(m[1]), tasks: Number(m[2]), lastPid: Number(m[3]) } : undefined;
}

export interface FileNr {
  /** File handles the kernel has allocated (in use, on kernels since 2.6). */
  allocated: number;
  /** fs.file-max: beyond it every open, pipe and socket fails with ENFILE. */
  max: number;
}

/** /proc/sys/fs/file-nr: "allocated  free  max" ("316\t0\t2466093"). */
export function parseFileNr(text: string | undefined): FileNr | undefined {
  const m = /^\s*(\d+)\s+\d+\s+(\d+)\s*$/.exec(text ?? '');
  return m ? { allocated: Number(m[1]), max: Number(m[2]) } : undefined;
}
