// A size as people read it, in binary units, the same in every message, panel and dialog: whole
// numbers from 10 up or when exact ("256 MiB", "4 GiB"), one decimal below ("1.5 GiB").
const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 1024) return `${n} B`;
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 10 || Number.isInteger(v) ? 0 : 1)} ${UNITS[i]}`;
}
