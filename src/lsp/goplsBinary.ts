// What a gopls binary is, from what it and the go command print about it: its version, the Go
// it was built with, and the machine its ELF header names. Pure functions over text and bytes.

export interface GoplsVersionInfo {
  /** v0.23.0, or (devel) for a source build. */
  version?: string;
  /** go1.26.8: the toolchain gopls was built with. */
  goVersion?: string;
  path?: string;
}

/** `gopls version -json` (gopls ≥ v0.6): debug.ServerVersion marshalled with tabs. */
export function parseGoplsVersionJson(text: string): GoplsVersionInfo | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  const main = (o.Main && typeof o.Main === 'object' ? o.Main : {}) as Record<string, unknown>;
  const version = str(o.Version) ?? str(main.Version);
  const goVersion = str(o.GoVersion);
  const path = str(o.Path) ?? str(main.Path);
  if (!version && !goVersion) return undefined;
  return { version, goVersion, path };
}

/**
 * Plain `gopls version`: "golang.org/x/tools/gopls v0.23.0"; older releases add
 * "    golang.org/x/tools/gopls@v0.6.1 h1:…"; source builds print "Build info", the module
 * list and "go: go1.21.3".
 */
export function parseGoplsVersionText(text: string): GoplsVersionInfo | undefined {
  // Source builds print a "Build info\n----------" banner first.
  // \d\S*, not \d+\S*: the same strings, without the quadratic backtracking on a long
  // non-matching line that fuzzing found (2.8 s).
  const m = /^\s*(\S*gopls)\s+(v\d+\.\d+\.\d\S*|\(devel\))\s*$/m.exec(text);
  if (!m) return undefined;
  const go = /^\s*go:\s+(go\d+\.\d\S*)\s*$/m.exec(text);
  return { path: m[1], version: m[2], goVersion: go?.[1] };
}

/** `go version -m FILE`: the first line is "FILE: go1.26.8". */
export function parseGoVersionM(text: string): string | undefined {
  const first = text.split('\n')[0] ?? '';
  // (?:\.\d+)? before \S* matched nothing \S* does not, and made the $ failure quadratic (fuzzing).
  const m = /:\s+(go\d+\.\d+\S*)\s*$/.exec(first);
  return m?.[1];
}

/** `go version`: "go version go1.26.8 linux/amd64". */
export function parseGoVersionOutput(text: string): string | undefined {
  return /\bgo version (go\d+\.\d+(?:\.\d+)?\S*)/.exec(text)?.[1];
}

/** The N of go1.N, or undefined for devel builds and junk. */
export function goMinor(goVersion: string | undefined): number | undefined {
  const m = /^go1\.(\d+)/.exec(goVersion ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * gopls's own support table (golang.org/x/tools gopls/internal/util/goversion, `Supported`):
 * Go 1.N at or below an entry is deprecated (warning) or already unsupported (error).
 */
export const GOPLS_GO_SUPPORT: ReadonlyArray<{ goVersion: number; deprecatedIn?: string; installGopls: string }> = [
  { goVersion: 12, installGopls: 'v0.7.5' },
  { goVersion: 15, installGopls: 'v0.9.5' },
  { goVersion: 16, installGopls: 'v0.11.0' },
  { goVersion: 17, installGopls: 'v0.11.0' },
  { goVersion: 18, installGopls: 'v0.14.2' },
  { goVersion: 19, deprecatedIn: 'v0.17.0', installGopls: 'v0.15.3' },
  { goVersion: 20, deprecatedIn: 'v0.17.0', installGopls: 'v0.15.3' },
];

export interface GoSupportVerdict {
  message: string;
  unsupported: boolean;
  installGopls: string;
}

/** goversion.Message, word for word, so the doctor names the message the user saw. */
export function goplsSupportMessage(minor: number | undefined, fromBuild: boolean): GoSupportVerdict | undefined {
  if (minor === undefined || minor < 0) return undefined;
  const oldest = GOPLS_GO_SUPPORT[GOPLS_GO_SUPPORT.length - 1]!.goVersion + 1;
  for (const v of GOPLS_GO_SUPPORT) {
    if (minor > v.goVersion) continue;
    const head = fromBuild ? `Gopls was built with Go version 1.${minor}` : `Found Go version 1.${minor}`;
    const mid = v.deprecatedIn ? `, which will be unsupported by gopls ${v.deprecatedIn}. ` : ', which is not supported by this version of gopls. ';
    const message =
      `${head}${mid}Please upgrade to Go 1.${oldest} or later and reinstall gopls. ` +
      `If you can't upgrade and want this message to go away, please install gopls ${v.installGopls}. ` +
      'See https://go.dev/s/gopls-support-policy for more details.';
    return { message, unsupported: !v.deprecatedIn, installGopls: v.installGopls };
  }
  return undefined;
}

/**
 * gopls type-checks with the go/types it was compiled with: a gopls built with Go 1.N cannot
 * check code whose go.mod says go 1.(N+1) ("file requires newer Go version go1.N+1
 * (application built with go1.N)"). Returns how many minor releases gopls's build lags.
 */
export function buildLag(builtWith: string | undefined, goInUse: string | undefined): number | undefined {
  const b = goMinor(builtWith);
  const g = goMinor(goInUse);
  if (b === undefined || g === undefined) return undefined;
  return g - b;
}

export interface ElfHeader {
  elf: true;
  bits: 32 | 64;
  littleEndian: boolean;
  machine: number;
  machineName: string;
}

const ELF_MACHINES: Record<number, string> = {
  3: 'x86 (i386)',
  8: 'mips',
  20: 'ppc',
  21: 'ppc64',
  22: 's390',
  40: 'arm',
  62: 'x86-64',
  183: 'aarch64',
  243: 'riscv',
  258: 'loongarch',
};

/** Node's process.arch → the e_machine a native binary carries. */
export const ELF_MACHINE_OF_ARCH: Record<string, number> = {
  ia32: 3,
  x64: 62,
  arm: 40,
  arm64: 183,
  ppc64: 21,
  s390x: 22,
  riscv64: 243,
  loong64: 258,
  mips: 8,
  mipsel: 8,
};

/** The first bytes of a file: an ELF header, or undefined (a script, a blob, too short). */
export function parseElfHeader(buf: Uint8Array): ElfHeader | undefined {
  if (buf.length < 20 || buf[0] !== 0x7f || buf[1] !== 0x45 || buf[2] !== 0x4c || buf[3] !== 0x46) return undefined;
  const bits = buf[4] === 2 ? 64 : buf[4] === 1 ? 32 : undefined;
  const littleEndian = buf[5] !== 2;
  if (!bits) return undefined;
  const machine = littleEndian ? buf[18]! | (buf[19]! << 8) : (buf[18]! << 8) | buf[19]!;
  return { elf: true, bits, littleEndian, machine, machineName: ELF_MACHINES[machine] ?? `e_machine ${machine}` };
}

/**
 * Pure: the PT_INTERP path of an ELF file (the dynamic loader the kernel runs it with), from its
 * first bytes; undefined for a static binary (most Go builds) or when the headers lie beyond buf.
 * A missing loader makes exec fail with ENOENT although the file exists: a glibc build on musl.
 */
export function parseElfInterp(buf: Uint8Array): string | undefined {
  const h = parseElfHeader(buf);
  if (!h) return undefined;
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const le = h.littleEndian;
  const u16 = (o: number) => (o + 2 <= buf.length ? v.getUint16(o, le) : undefined);
  const u32 = (o: number) => (o + 4 <= buf.length ? v.getUint32(o, le) : undefined);
  const word = (o: number) => (h.bits === 64 ? (o + 8 <= buf.length ? Number(v.getBigUint64(o, le)) : undefined) : u32(o));
  const phoff = word(h.bits === 64 ? 0x20 : 0x1c);
  const phentsize = u16(h.bits === 64 ? 0x36 : 0x2a);
  const phnum = u16(h.bits === 64 ? 0x38 : 0x2c);
  if (phoff === undefined || !phentsize || phnum === undefined) return undefined;
  for (let i = 0; i < Math.min(phnum, 64); i++) {
    const at = phoff + i * phentsize;
    if (u32(at) !== 3) continue; // PT_INTERP
    const offset = word(at + (h.bits === 64 ? 0x08 : 0x04));
    const size = word(at + (h.bits === 64 ? 0x20 : 0x10));
    if (offset === undefined || size === undefined || size > 4096 || offset + size > buf.length) return undefined;
    return Buffer.from(buf.subarray(offset, offset + size)).toString('latin1').replace(/\0.*$/s, '');
  }
  return undefined;
}

/** True when the kernel would refuse to exec this header on `arch` (ENOEXEC). */
export function isForeignElf(h: ElfHeader, arch: string): boolean {
  const want = ELF_MACHINE_OF_ARCH[arch];
  if (want === undefined || h.machine === want) return false;
  // 64-bit kernels run their 32-bit sibling's binaries (IA32 emulation, compat arm).
  if ((arch === 'x64' && h.machine === 3) || (arch === 'arm64' && h.machine === 40)) return false;
  return true;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}
