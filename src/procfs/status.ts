// /proc/<pid>/status (proc(5)): "Key:\tvalue" lines. Pure.

export interface ProcStatus {
  /** The command name (comm), at most 15 bytes; "gopls" for gopls. */
  name?: string;
  pid?: number;
  ppid?: number;
  /** Real, effective, saved and filesystem uid. */
  uids?: [number, number, number, number];
  threads?: number;
  /** 0 disabled, 1 strict, 2 filter. */
  seccomp?: number;
}

/** Every "Key: value" pair, value trimmed. Later duplicates win (the kernel never repeats keys). */
export function parseStatusFields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return out;
}

function int(s: string | undefined): number | undefined {
  if (s === undefined || !/^-?\d+$/.test(s)) return undefined;
  return Number(s);
}

export function parseStatus(text: string): ProcStatus {
  const f = parseStatusFields(text);
  const uidParts = (f.get('Uid') ?? '').split(/\s+/).map((s) => int(s));
  const uids = uidParts.length === 4 && uidParts.every((u) => u !== undefined) ? (uidParts as [number, number, number, number]) : undefined;
  // Name is escaped by the kernel (\n, \\) but never contains a tab: the trim is enough.
  const name = f.get('Name');
  return {
    name: name === undefined ? undefined : name.replace(/\\n/g, '\n').replace(/\\\\/g, '\\'),
    pid: int(f.get('Pid')),
    ppid: int(f.get('PPid')),
    uids,
    threads: int(f.get('Threads')),
    seccomp: int(f.get('Seccomp')),
  };
}
