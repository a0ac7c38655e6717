// The kernel log as `dmesg` prints it ("[  123.456789] message"): its timestamps are seconds
// since boot, the clock of /proc/uptime, so a record can be placed before or after a moment the
// doctor read /proc/uptime. Pure.

export interface KernelRecord {
  /** Seconds since boot; undefined for a line without the bracketed stamp (continuations, -t). */
  seconds?: number;
  text: string;
  line: string;
}

export function parseDmesg(text: string): KernelRecord[] {
  const out: KernelRecord[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) continue;
    const m = /^\[\s*(\d+\.\d+)\]\s?(.*)$/.exec(line);
    out.push(m ? { seconds: Number(m[1]), text: m[2]!, line } : { text: line, line });
  }
  return out;
}

/** Records stamped at or after `sinceSeconds` (a /proc/uptime reading); unstamped ones are dropped. */
export function recordsSince(records: readonly KernelRecord[], sinceSeconds: number): KernelRecord[] {
  return records.filter((r) => r.seconds !== undefined && r.seconds >= sinceSeconds);
}

/** First field of /proc/uptime: seconds since boot. */
export function parseUptime(text: string | undefined): number | undefined {
  const v = Number(text?.trim().split(/\s+/)[0]);
  return Number.isFinite(v) && v >= 0 ? v : undefined;
}

export interface ForkRejected {
  /** The cgroup whose pids limit refused, as the kernel names it. */
  cgroup: string;
  line: string;
}

/** "cgroup: fork rejected by pids controller in /user.slice/…" (kernel/cgroup/pids.c, once per cgroup). */
export function parseForkRejected(records: readonly KernelRecord[]): ForkRejected[] {
  const out: ForkRejected[] = [];
  for (const r of records) {
    const m = /fork rejected by pids controller in (\S+)/.exec(r.text);
    if (m) out.push({ cgroup: m[1]!, line: r.line });
  }
  return out;
}
