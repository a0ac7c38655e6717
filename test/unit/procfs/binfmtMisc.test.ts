import { describe, expect, it } from 'vitest';
import { elfGoArch, parseBinfmtEntry } from '../../../src/procfs/binfmtMisc.js';

// Read from this machine's kernel (6.18) after registering an aarch64 handler with qemu-user's
// magic and mask: the format is the kernel's, the flags line empty.
const REAL_AARCH64 = 'enabled\ninterpreter /tmp/h7/fake-qemu\nflags: \noffset 0\nmagic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n';

/** An ELF handler as qemu-binfmt-conf.sh writes one: 20 bytes up to e_machine. */
function elfEntry(cls: number, data: number, machine: number, opts: { enabled?: boolean; flags?: string; interp?: string } = {}): string {
  const bytes = [0x7f, 0x45, 0x4c, 0x46, cls, data, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...(data === 2 ? [0, 2, machine >> 8, machine & 0xff] : [2, 0, machine & 0xff, machine >> 8])];
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${opts.enabled === false ? 'disabled' : 'enabled'}\ninterpreter ${opts.interp ?? '/usr/bin/qemu-x'}\nflags: ${opts.flags ?? 'OCF'}\noffset 0\nmagic ${hex}\n`;
}

describe('binfmt_misc handler files', () => {
  it('the real kernel file of a qemu-aarch64-style handler is arm64, enabled, with its interpreter and no flags', () => {
    expect(parseBinfmtEntry('h7-aarch64', REAL_AARCH64)).toEqual({ name: 'h7-aarch64', enabled: true, interpreter: '/tmp/h7/fake-qemu', flags: '', goarch: 'arm64' });
  });

  it.each([
    [1, 1, 3, '386'],
    [2, 1, 62, 'amd64'],
    [1, 1, 40, 'arm'],
    [2, 1, 183, 'arm64'],
    [2, 1, 243, 'riscv64'],
    [2, 1, 21, 'ppc64le'],
    [2, 2, 21, 'ppc64'],
    [2, 2, 22, 's390x'],
    [1, 2, 8, 'mips'],
    [1, 1, 8, 'mipsle'],
    [2, 2, 8, 'mips64'],
    [2, 1, 8, 'mips64le'],
    [2, 1, 258, 'loong64'],
  ])('class %i data %i machine %i is GOARCH %s, from the magic whatever the name', (cls, data, machine, goarch) => {
    expect(elfGoArch(cls, data, machine)).toBe(goarch);
    expect(parseBinfmtEntry(`any-name-${machine}`, elfEntry(cls, data, machine)).goarch).toBe(goarch);
  });

  it('no GOARCH for what Go does not build (riscv32, sparc), a non-ELF magic, an extension handler, a magic at an offset or too short', () => {
    expect(elfGoArch(1, 1, 243)).toBeUndefined();
    expect(parseBinfmtEntry('sparc', elfEntry(1, 2, 2)).goarch).toBeUndefined();
    expect(parseBinfmtEntry('DOSWin', 'enabled\ninterpreter /usr/bin/wine\nflags: \noffset 0\nmagic 4d5a\n').goarch).toBeUndefined();
    expect(parseBinfmtEntry('exe', 'enabled\ninterpreter /usr/bin/mono\nflags: \nextension .exe\n')).toEqual({ name: 'exe', enabled: true, interpreter: '/usr/bin/mono', flags: '' });
    expect(parseBinfmtEntry('shifted', elfEntry(2, 1, 183).replace('offset 0', 'offset 4')).goarch).toBeUndefined();
    expect(parseBinfmtEntry('short', 'enabled\ninterpreter /q\nflags: F\noffset 0\nmagic 7f454c4602010100\n').goarch).toBeUndefined();
  });

  it('a disabled handler and its flags are read as written', () => {
    expect(parseBinfmtEntry('qemu-riscv64', elfEntry(2, 1, 243, { enabled: false, flags: 'POCF' }))).toMatchObject({ enabled: false, flags: 'POCF', goarch: 'riscv64' });
  });
});
