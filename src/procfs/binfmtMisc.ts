// The kernel's binfmt_misc handlers (/proc/sys/fs/binfmt_misc/<name>): how a machine runs programs
// built for another CPU. qemu-user-static, Docker's tonistiigi/binfmt and systemd-binfmt register
// one per architecture ("qemu-aarch64"), matching the ELF header's class, byte order and machine
// field; exec of such a binary then runs the interpreter instead of failing with "exec format
// error". Pure: text in, values out. The architecture is read from the ELF magic, not the handler's
// name, which each packager spells its own way ("qemu-aarch64", "aarch64", "arm64").

export interface BinfmtHandler {
  name: string;
  enabled: boolean;
  interpreter?: string;
  /** Registration flags ("F": the interpreter was opened at registration, so its path need not exist now). */
  flags: string;
  /** The GOARCH of the ELF binaries the handler takes (linux/<goarch>), when its magic is an ELF header. */
  goarch?: string;
}

/** ELF e_machine values (elf.h) with class and byte order, as the GOARCH Go builds them for. */
const ELF_MACHINES: ReadonlyArray<{ machine: number; bits: 32 | 64; little: boolean; goarch: string }> = [
  { machine: 3, bits: 32, little: true, goarch: '386' },
  { machine: 62, bits: 64, little: true, goarch: 'amd64' },
  { machine: 40, bits: 32, little: true, goarch: 'arm' },
  { machine: 183, bits: 64, little: true, goarch: 'arm64' },
  { machine: 243, bits: 64, little: true, goarch: 'riscv64' },
  { machine: 21, bits: 64, little: true, goarch: 'ppc64le' },
  { machine: 21, bits: 64, little: false, goarch: 'ppc64' },
  { machine: 22, bits: 64, little: false, goarch: 's390x' },
  { machine: 8, bits: 32, little: false, goarch: 'mips' },
  { machine: 8, bits: 32, little: true, goarch: 'mipsle' },
  { machine: 8, bits: 64, little: false, goarch: 'mips64' },
  { machine: 8, bits: 64, little: true, goarch: 'mips64le' },
  { machine: 258, bits: 64, little: true, goarch: 'loong64' },
];

/** The GOARCH of an ELF header's class (1 = 32-bit, 2 = 64-bit), data (1 = little endian) and machine. */
export function elfGoArch(elfClass: number, data: number, machine: number): string | undefined {
  const bits = elfClass === 1 ? 32 : elfClass === 2 ? 64 : undefined;
  const little = data === 1 ? true : data === 2 ? false : undefined;
  return ELF_MACHINES.find((m) => m.machine === machine && m.bits === bits && m.little === little)?.goarch;
}

function hexBytes(hex: string | undefined): number[] | undefined {
  if (!hex || !/^(?:[0-9a-f]{2})+$/i.test(hex)) return undefined;
  return hex.match(/../g)!.map((b) => parseInt(b, 16));
}

/**
 * Pure: one handler file. A magic at offset 0 that starts with an ELF header long enough to hold
 * e_machine (20 bytes) names the architecture; an extension handler (".exe" for Wine) or a
 * non-ELF magic has none.
 */
export function parseBinfmtEntry(name: string, text: string): BinfmtHandler {
  const field = (key: string): string | undefined => new RegExp(`^${key}:?[ \\t]+(.*)$`, 'm').exec(text)?.[1]?.trim();
  const flags = /^flags:[ \t]*(\S*)/m.exec(text)?.[1] ?? '';
  const interpreter = field('interpreter');
  const handler: BinfmtHandler = { name, enabled: /^enabled\s*$/m.test(text.split('\n')[0] ?? ''), flags, ...(interpreter ? { interpreter } : {}) };
  const magic = hexBytes(field('magic'));
  const mask = hexBytes(field('mask'));
  if (Number(field('offset') ?? '0') !== 0 || !magic || magic.length < 20) return handler;
  const b = magic.map((x, i) => x & (mask?.[i] ?? 0xff));
  if (b[0] !== 0x7f || b[1] !== 0x45 || b[2] !== 0x4c || b[3] !== 0x46) return handler;
  const machine = b[5] === 2 ? (b[18]! << 8) | b[19]! : (b[19]! << 8) | b[18]!;
  const goarch = elfGoArch(b[4]!, b[5]!, machine);
  return goarch ? { ...handler, goarch } : handler;
}
