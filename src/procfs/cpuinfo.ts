// /proc/cpuinfo's feature flags, and the x86-64 microarchitecture level (GOAMD64 v1–v4) they
// allow. Pure: text in, values out.
//
// The levels are the ones the Go runtime checks at start (runtime/asm_amd64.s, V2…V4_FEATURES):
// a program built with GOAMD64=vN on a CPU below vN prints "This program can only be run on AMD64
// processors with vN microarchitecture support." and exits. Named here as Linux lists them in
// cpuinfo: SSE3 is "pni", LZCNT comes with "abm". OSXSAVE and the XMM/YMM (and opmask/ZMM) state
// the runtime also asks for are not listed; the kernel drops "avx" (and the avx512 flags) from
// cpuinfo when it has not enabled that state, so the flags below stand for it.

const V2 = ['pni', 'ssse3', 'cx16', 'sse4_1', 'sse4_2', 'popcnt', 'lahf_lm'];
const V3 = ['fma', 'movbe', 'avx', 'f16c', 'abm', 'bmi1', 'avx2', 'bmi2'];
const V4 = ['avx512f', 'avx512dq', 'avx512cd', 'avx512bw', 'avx512vl'];
/** What each level adds to the one below it. */
export const AMD64_LEVEL_FLAGS: Readonly<Record<2 | 3 | 4, readonly string[]>> = { 2: V2, 3: V3, 4: V4 };

export interface CpuFlags {
  /** Flags every processor lists (a level needs them on every CPU a thread may run on). */
  flags: Set<string>;
  /** "model name" of the first processor. */
  model?: string;
  processors: number;
}

/** Pure: the flags common to every processor block of /proc/cpuinfo (x86 only: other architectures list "Features"). */
export function parseCpuFlags(text: string): CpuFlags | undefined {
  let common: Set<string> | undefined;
  let model: string | undefined;
  let processors = 0;
  for (const line of text.split('\n')) {
    const m = /^([^:]+?)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.trim();
    if (key === 'flags') {
      processors++;
      const here = new Set(m[2]!.trim().split(/\s+/).filter(Boolean));
      common = common ? new Set([...common].filter((f) => here.has(f))) : here;
    } else if (key === 'model name' && model === undefined) model = m[2]!.trim();
  }
  return common ? { flags: common, ...(model ? { model } : {}), processors } : undefined;
}

/** Pure: the highest GOAMD64 level these flags allow (1 to 4), and what the next level lacks. */
export function amd64Level(flags: ReadonlySet<string>): { level: 1 | 2 | 3 | 4; missingForNext: string[] } {
  let level: 1 | 2 | 3 | 4 = 1;
  for (const next of [2, 3, 4] as const) {
    const missing = AMD64_LEVEL_FLAGS[next].filter((f) => !flags.has(f));
    if (missing.length) return { level, missingForNext: missing };
    level = next;
  }
  return { level, missingForNext: [] };
}

/** Pure: the flags a CPU lacks for level `want` (every level up to it). */
export function missingForLevel(flags: ReadonlySet<string>, want: number): string[] {
  return ([2, 3, 4] as const).filter((l) => l <= want).flatMap((l) => AMD64_LEVEL_FLAGS[l].filter((f) => !flags.has(f)));
}
