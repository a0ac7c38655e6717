// /sys/devices/system/cpu/online ("0-3,8-11"): how many CPUs the kernel runs, so how many Ps a Go
// program gets by default (GOMAXPROCS) and how many compiles `go build` runs at once (-p). Pure.

export function parseCpuList(text: string | undefined): number | undefined {
  if (!text?.trim()) return undefined;
  let n = 0;
  for (const part of text.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return undefined;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) return undefined;
    n += b - a + 1;
  }
  return n || undefined;
}
