// /proc/meminfo: "MemAvailable:   24091116 kB". Pure; values converted to bytes.

export interface MemInfoEntry {
  bytes: number;
  line: string;
}

export function parseMemInfo(text: string): Map<string, MemInfoEntry> {
  const out = new Map<string, MemInfoEntry>();
  for (const line of text.split('\n')) {
    const m = /^([\w()]+):\s+(\d+)(?:\s+(kB))?\s*$/.exec(line);
    if (!m) continue;
    out.set(m[1]!, { bytes: Number(m[2]) * (m[3] ? 1024 : 1), line: line.trim() });
  }
  return out;
}
